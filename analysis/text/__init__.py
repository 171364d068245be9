"""Text helpers shared by the readers and the analyses (memos of pure functions over text)."""
