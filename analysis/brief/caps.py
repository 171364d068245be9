"""The caps: how many items of each kind the brief shows before the rest go to the annex and exports."""
from __future__ import annotations

CAP_POSITIONS = 12
"""Positions per question shown in the body; the rest go to the annex."""
CAP_QUOTES = 3
"""Quotations per question in "who said what" (one per actor, each stance heard first)."""
CAP_FIGURES = 25
CAP_EVENTS = 30
CAP_EVENTS_PER_QUESTION = 5
"""Dated happenings per question in the body's timeline (the cluster's most precisely dated)."""
CAP_KEY_FINDINGS = 5
CAP_MATRIX_ACTORS = 12
CAP_MATRIX_PRINCIPLES = 8
CAP_PANELS = 3
CAP_PANEL_ROWS = 8
CAP_SERIES = 6
"""Documents a chart shows as their own bar series or timeline lane. Beyond it, the documents with
the most findings keep theirs and the rest are pooled as "N other documents" (a legend of 300
documents reads as nothing); the findings export keeps every document apart."""
CAP_NUMBERED_EVENTS = 60
"""Above this many dated events the timeline chart no longer numbers its marks (the numbers would
pile up); the tables still list the events."""
CAP_ANNEX_ROWS = 12
"""Rows per annex table; the rest are in findings.json and the CSV export, as a note says."""
CAP_DOC_KEYS = 10
CAP_NETWORK_CASES = 10
CAP_TENSIONS = 3
CAP_THRESHOLD_ITEMS = 20
CAP_ACROSS_ROWS = 20
"""Rows of a cross-document table (actors, cases, measures shared by several documents); at corpus
scale those shared by the most documents are shown."""
CAP_PRECEDENT_QUOTES = 2
"""Precedent claims quoted in full per relation; the rest go to an annex table."""
"""Document keys listed in one table cell ("A, B, C ... and 40 more")."""
OTHERS = "\x00others"
"""The pseudo-document of pooled documents in charts and tables (cannot clash with a document id)."""
CAP_NOTE_PLACES = 8
"""Places one note lists; beyond it the note says how many more findings.json has."""
CAP_STANCE_NAMES = 12
"""Actors named in one row of a "who stands where" table; the rest are counted."""
