"""The shortcuts that speed up reading and extracting give the same results as the plain way."""
from __future__ import annotations

import random
import re

from analysis.analyses import dates
from analysis.text.memo import TextMemo
from analysis.analyses.figures import find_figures
from analysis.model.document import Source
from analysis.readers import markdown, plaintext
from analysis.readers.wikitext import render as wikitext_render


def test_text_memo_keeps_recent_results_within_its_budget():
    calls = []
    memo = TextMemo(lambda t: calls.append(t) or t.upper(), 100)
    assert memo("abc") == "ABC" and memo("abc") == "ABC" and calls == ["abc"]
    memo("x" * 11)  # longer than a tenth of the budget: computed, not kept
    memo("x" * 11)
    assert calls.count("x" * 11) == 2
    for i in range(20):
        memo(f"{i:09d}")  # ten characters each: the oldest go
    assert memo.size <= 100 and "abc" not in memo.items
    assert sum(map(len, memo.items)) == memo.size
    oldest = next(iter(memo.items))
    memo(oldest)  # a hit makes it the most recent: the next text evicts another
    memo("y" * 10)
    assert oldest in memo.items and len(calls) == 1 + 2 + 20 + 1


def test_memoised_figures_are_fresh_lists():
    text = "Turnout was 45 per cent, up from 30 per cent in 2019."
    first = find_figures(text)
    assert first
    first.clear()  # the caller's list: the memo keeps its own
    assert find_figures(text) and find_figures(text) is not find_figures(text)


def test_footer_test_agrees_with_the_pattern():
    lines = ["For information media - not an official record", "FOR INFORMATION MEDIA", "Not An Official Record",
             "information", "the record shows", "For informatıon media", "nothing here", ""]
    for line in lines:
        assert plaintext._footer(line) == bool(plaintext._FOOTER.search(line)), line


def test_page_dash_pattern_agrees_with_the_old_one():
    old = re.compile(r"(?:^|\s)-\s*\d{1,3}\s*-(?:\s|$)")
    rnd = random.Random(4)
    for _ in range(20_000):
        s = "".join(rnd.choice(" -12a\n\t") for _ in range(rnd.randint(0, 12)))
        assert bool(old.search(s)) == bool(plaintext._PAGE_DASH.search(s)), s


def test_month_gate_lets_every_month_pattern_match_through():
    pattern, strings = dates._month_gate()
    for text in ("14 March 2019", "MAR. 3", "on 3 mar. 2020", "Sept. 4", "4 june 2020", "May 2020", "JUL 2001"):
        assert dates._scan(text), text
        assert pattern.search(text) or any(s in text for s in strings), text


def test_has_text_agrees_with_the_written_code():
    for code in ("", "  ", "{{cite web|title=x}}", " <!-- c --> ", "text", "''i''", "[[a]]", " \n "):
        parsed = wikitext_render.mwparserfromhell.parse(code, skip_style_tags=False)
        assert wikitext_render.has_text(parsed) == bool(str(parsed).strip()), code


def test_markdown_memo_reads_as_without_it():
    """A paragraph rendered from the memo (seen before, in another document) reads the same as
    rendered afresh, with and without link reference definitions in the document."""
    texts = ["# Title\n\nA [link][r] and *em* and a note<sup>1</sup>.\n\n[r]: http://x.org\n",
             "# Title\n\nA [link][r] and *em* and a note<sup>1</sup>.\n\nEscaped \\*x\\* and `code` ~~s~~.\n",
             "# Title\n\nEscaped \\*x\\* and `code` ~~s~~.\n\n| a | b |\n|---|---|\n| A [link][r] | x |\n"]
    source = Source(id="m", path="m.md", title=None, genre="markdown")
    fresh = []
    for t in texts:
        markdown._RENDERED.clear()
        fresh.append(markdown.read_markdown(t, source))
    memoised = [markdown.read_markdown(t, source) for t in texts * 2]
    assert memoised == fresh * 2
