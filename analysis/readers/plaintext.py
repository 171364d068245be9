"""Plain-text press releases and reports in, a `Document` with header metadata and speaker-tagged paragraphs out."""
from __future__ import annotations

import re
from functools import lru_cache

from analysis.lexicons import data
from analysis.text.memo import TextMemo
from analysis.model.document import Document, Source
from analysis.readers.common import DocBuilder, Inline, full_date, never_raise, norm, plain

_SYMBOL_RE = r"[A-Z]{1,8}(?:/[A-Z0-9][A-Za-z0-9.\-]*)+"
_SYMBOL = re.compile(rf"^{_SYMBOL_RE}$")
_SYMBOL_TAIL = re.compile(rf"^(.*?[a-z)])\s*({_SYMBOL_RE})$")  # "Security CouncilSC/1234"
_MEETING = re.compile(r"^\d+(?:st|nd|rd|th)\s+(?:(?:&|and)\s*\d+(?:st|nd|rd|th)\s+)?Meetings?\b.*$", re.I)
# (the same as "for information media|not an official record" with re.I, written to open with a
# case-sensitive character class: the engine then jumps from one f or n to the next)
_FOOTER = re.compile(r"(?-i:[fFnN])(?:(?<=[fF])or information media|(?<=[nN])ot an official record)", re.I)


def _footer(line: str) -> bool:
    """_FOOTER.search(line), spared in most lines: every match holds "ormat" or "record" in some
    case, and only ASCII letters match those letters case-insensitively (a substring test)."""
    low = line.lower()
    return ("ormat" in low or "record" in low) and _FOOTER.search(line) is not None


_SEPARATOR = re.compile(r"^[\s*•·\-–—_=~#]+$")
# A page head or number line ("- 3 -", "Page 2 of 5", "12"), in two tests: the hyphen form (tried
# only where a hyphen is) and the forms anchored at the start (one search of both was slow)
_PAGE_DASH = re.compile(r"-(?<!\S-)\s*\d{1,3}\s*-(?!\S)")  # = (?:^|\s)-...-(?:\s|$), opening with the hyphen
_PAGE_START = re.compile(r"page \d+(?: of \d+)?$|\d{1,4}$", re.I)
_PRESS_RELEASE = re.compile(r"^press release\b.{0,30}$", re.I)
_BULLET = re.compile(r"^(?:[•·▪◦*–-]\s+|\([a-z0-9]{1,3}\)\s+|[a-z0-9]{1,2}[.)]\s+)")
_TERMINAL = tuple('.!?:;"”’)…')
_QUOTE_OPENERS = tuple("“\"‘'«")

_PARTICLES = frozenset("de da del della van von der den al el bin ibn di du dos das la le y".split())
# Organisations written in capitals, never people.
_ACRONYMS = frozenset("""UN EU US USA UK AM PM ASEAN OPEC WHO IMF UNICEF UNHCR OAS SADC AIDS HIV GDP ISIL
    ISIS ICC ICJ IAEA WTO CEO NGO NGOS UNESCO FAO WFP OHCHR OCHA DPKO IGAD CARICOM CIS BRICS""".split())
_HONORIFICS = frozenset("mr mr. ms ms. mrs mrs. mme mme. dr dr. prof prof. sir dame lord lady madam "
                        "sheikh archbishop cardinal judge justice ambassador".split())
_CONNECTORS = frozenset("of for the and on to de in at a an".split())
_VERBS = ("said|says|stated|told|added|noted|stressed|urged|warned|declared|recalled|called|expressed|"
          "welcomed|emphasized|emphasised|underlined|highlighted|observed|asked|agreed|pointed|reiterated|"
          "speaking|spoke|introduced|presented|briefed|explained|described|reported|acknowledged|affirmed|"
          "announced|argued|began|concluded|cautioned|commended|condemned|echoed|insisted|maintained|"
          "opened|praised|regretted|remarked|replied|responded|suggested|thanked|underscored|addressed|"
          "delivered|hoped|believed|voiced|drew|who|also")
_APPOSITION_END = re.compile(rf",?\s+(?:{_VERBS})\b")
# the stop first and the look-behinds (one character longer) after it: the same matches, but the
# engine jumps from stop to stop instead of testing six look-behinds at every position
_SENTENCE_END = re.compile(r"[.!?](?<!\b[A-Z].)(?<!\bMr.)(?<!\bMs.)(?<!\bMrs.)(?<!\bDr.)(?<!\bSt.)(?<!\bNo.)"
                           r"[\"”’]?\s+(?=[A-Z“\"])")


def _words(s: str) -> list[str]:
    return s.split()


def _headline_case(s: str) -> bool:
    """Most longer words capitalised, as in a headline rather than a sentence."""
    long = [w for w in re.findall(r"[^\W\d_][\w'’-]*", s) if len(w) >= 4]
    return bool(long) and sum(w[0].isupper() for w in long) / len(long) >= 0.7


def _is_prose(s: str) -> bool:
    n = len(_words(s))
    return n >= 12 and (s.endswith(_TERMINAL) or n >= 30) and not _headline_case(s)


def _paragraphs(lines: list[str]) -> list[list[str]]:
    groups: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            groups[-1].append(line.strip())
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g]


# ---------------------------------------------------------------- header

class _Header:
    """What the lines above the body say: symbol, title, date, issuing body; the rest are subtitles."""

    def __init__(self, lines: list[str]):
        self.symbol = self.title = self.date = self.publisher = None
        self.banner: set[str] = set()  # lines that may come back as running heads
        self.subtitles: list[str] = []
        self._headlines(self._metadata(lines))

    def _metadata(self, lines: list[str]) -> list[str]:
        """Take symbol, date and issuing body from their lines; return the other lines."""
        department, rest = None, []
        for i, line in enumerate(lines):
            tail = _SYMBOL_TAIL.match(line)
            if _footer(line) or _SEPARATOR.match(line) or _PRESS_RELEASE.match(line):
                pass
            elif _SYMBOL.match(line):
                self.symbol = self.symbol or line
            elif tail:
                self.symbol = self.symbol or tail.group(2)
                self.publisher = self.publisher or plain(tail.group(1))
            elif full_date(line) and len(_words(line)) <= 6:
                self.date = self.date or full_date(line)
            elif _MEETING.match(line):
                if i and len(_words(lines[i - 1])) <= 5 and not self.publisher:
                    self.publisher = lines[i - 1]  # the organ named above "1234th Meeting (AM)"
            elif "•" in line or line.lower().startswith("department of"):
                department = department or plain(line.split("•")[0])
            else:
                rest.append(line)
                continue
            self.banner.add(norm(line))
        self.publisher = self.publisher or department
        return rest

    def _headlines(self, lines: list[str]) -> None:
        """The first long line is the title; its hard-wrapped repeats go, other lines are subtitles."""
        for line in lines:
            if self.title is None and len(_words(line)) >= 5:
                self.title = line
            elif not ((self.title and norm(line) in norm(self.title)) or
                      (self.publisher and norm(line) == norm(self.publisher))):
                self.subtitles.append(line)
                continue
            self.banner.add(norm(line))
        if self.title is None and self.subtitles:
            self.title = self.subtitles.pop(0)


# ---------------------------------------------------------------- speakers

def _cap(word: str) -> str:
    if word.islower():
        return word  # particles written in lower case (d'ARCY) stay so
    return (word[:1].upper() + word[1:].lower()).replace("i̇", "i")


def name_case(name: str) -> str:
    """``BAN KI-MOON`` -> ``Ban Ki-Moon``; particles written in lower case stay so."""
    return " ".join(w if w.islower() else re.sub(r"[^\W\d_]+", lambda m: _cap(m.group()), w)
                    for w in name.split())


_NAME_WORD = re.compile(r"[^\W\d_]+(?:[-'’.][^\W\d_]+)*\.?")


def _is_caps(core: str) -> bool:
    first, second = core[:1], core[1:2]
    if (first.isalpha() and not first.isupper()) or (second.isalpha() and not second.isupper()):
        return False  # most words: a small first or second letter already fails the test below
    letters = [c for c in core if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and bool(_NAME_WORD.fullmatch(core))


def _quoted(text: str, at: int) -> bool:
    """Is position `at` inside a quotation?"""
    before = text[:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _is_initial(core: str) -> bool:
    return len(core) == 2 and core[0].isalpha() and core[0].isupper() and core[1] == "."


def _name_run(sentence: str) -> tuple[int, int] | None:
    """Span of the first name written in capitals (``JANE Q. DOE``, or ``Mr. DOE``)."""
    words = sentence.split()  # the \S+ runs of the sentence (str.split and \s agree on spaces)
    n = len(words)
    tokens = None  # their offsets, found only when a run is there
    i = 0
    while i < n:
        first = words[i][0]
        if first.isalpha() and not first.isupper():
            i += 1  # neither in capitals nor an initial: no run starts at this word
            continue
        j, caps, last = i, 0, None
        while j < n:
            raw = words[j]
            core = raw.rstrip(",;:")
            is_caps = _is_caps(core)
            if raw.startswith("(") or not (is_caps or _is_initial(core) or
                                           (core in _PARTICLES and j > i)):
                break
            if is_caps:
                caps += 1
            if core not in _PARTICLES:
                last = j
            j += 1
            if raw != core:  # punctuation ends the name
                break
        if last is not None:
            tokens = tokens or [m.start() for m in re.finditer(r"\S+", sentence)]
        if last is not None and not _quoted(sentence, tokens[i]):
            names = [words[k].rstrip(",;:") for k in range(i, last + 1)]
            honorific = i > 0 and words[i - 1].lower() in _HONORIFICS
            real = [w for w in names if _is_caps(w) and w.strip(".") not in _ACRONYMS]
            if real and (caps >= 2 or honorific):
                end = tokens[last] + len(words[last].rstrip(",;:"))
                return tokens[i], end
        i = max(j, i + 1)
    return None


def _designation(before: str) -> str:
    """Capitalised words right before a name: ``..., United Nations Secretary-General``."""
    segment = re.split(r"[,;:“\"(]", before)[-1].split()
    kept: list[str] = []
    for word in reversed(segment):
        if word[:1].isupper() or word.lower() in _CONNECTORS:
            kept.append(word)
        else:
            break
    kept.reverse()
    while kept and kept[0].lower() in _CONNECTORS:
        kept.pop(0)
    return " ".join(kept)


def speaker(text: str) -> str | None:
    """The speaker designation of a paragraph whose first sentence names someone in capitals."""
    first = _SENTENCE_END.split(text[:400], maxsplit=1)[0]
    run = _name_run(first)
    if run is None or _opener_glued(first, run):
        return None
    start, end = run
    name = name_case(text[start:end])
    after = text[end:]
    paren = re.match(r"\s*\(([^()]{1,100})\)", after)
    if paren:
        return f"{name} ({plain(paren.group(1))})"
    if after.startswith(","):
        verb = _APPOSITION_END.search(after, 1, 300)
        apposition = after[1:verb.start()].strip(" ,") if verb else ""
        if apposition and "“" not in apposition and '"' not in apposition:
            return f"{name}, {apposition}"
        return name
    designation = _designation(text[:start])
    return f"{designation} {name}" if designation else name


def _opener_glued(sentence: str, run: tuple[int, int]) -> bool:
    """The run of capitals ends in a common word that opens a sentence ("MIRA VOSKAN IT'S time we ..."):
    a column's byline glued to its first words in capitals, not a name (a teaser for another page)."""
    last = sentence[run[0]:run[1]].split()[-1].replace("\u2019", "'").lower()
    return last in _openers()


@lru_cache(maxsize=1)
def _openers() -> frozenset[str]:
    return frozenset(data("cues")["sentence_openers"])


def glued_byline(text: str) -> bool:
    """The paragraph opens with a byline glued to its first words (see _opener_glued): page furniture."""
    first = _SENTENCE_END.split(text[:400], maxsplit=1)[0]
    run = _name_run(first)
    return run is not None and _opener_glued(first, run)


_DATELINE = re.compile(r"^[A-Z][A-Z .'\-]+(?:,[ A-Za-z.'\-]{1,40})?\s*[\u2014\u2013-]\s")
"""``KHAN YOUNIS, GAZA \u2014 The ...``: where a report was filed, in capitals like a speaker's name."""


class SpeakerTurns:
    """Speaker turns in the paragraphs of a structured document (a press release saved as HTML or Word),
    as the plain-text reader finds them: a paragraph whose first sentence names someone in capitals
    opens a turn that runs until the next such paragraph or heading. A dateline opens none."""

    def __init__(self) -> None:
        self.context: str | None = None

    def heading(self) -> None:
        self.context = None

    def paragraph(self, text: str) -> str | None:
        """The speaker label of this paragraph's turn, or None outside any turn."""
        if _DATELINE.match(text):
            return self.context
        if _capitals_alone(text) or glued_byline(text):
            # a line in capitals with nothing said (a cover's institute name): a heading; a byline glued
            # to a teaser's first words ("MIRA VOSKAN IT'S time ..."): another page's column
            self.context = None
            return None
        self.context = _speaker(text) or self.context
        return self.context


def _capitals_alone(text: str) -> bool:
    """A paragraph that is a name in capitals and little else ("INSTITUTE FOR RIVER STUDIES")."""
    run = _name_run(text[:400])
    return run is not None and len(re.findall(r"[^\W\d_]{2,}", text[run[1]:])) < 3


_speaker = TextMemo(speaker, 1_000_000)
"""`speaker`, once for a paragraph that recurs (the same text in another release of a corpus)."""


# ---------------------------------------------------------------- body

def _reflow(lines: list[str]) -> str:
    """Join hard-wrapped lines; a word broken with a hyphen is rejoined without a space."""
    out = ""
    for line in lines:
        if out.endswith("-") and out[-2:-1].isalpha() and line[:1].islower():
            out += line
        else:
            out = f"{out} {line}" if out else line
    return out


def _is_heading(lines: list[str], text: str) -> bool:
    return (len(lines) == 1 and 1 <= len(_words(text)) <= 8 and not text.endswith(tuple(".,;:!?")) and
            not text.startswith(_QUOTE_OPENERS) and (text[:1].isupper() or text[:1].isdigit()) and
            any(c.isalpha() for c in text))


def _body_paragraphs(groups: list[list[str]], header: _Header) -> list[tuple[str, str]]:
    """(kind, text) in order: banner/footer lines removed, lines reflowed, cut paragraphs mended."""
    out: list[tuple[str, str]] = []
    for group in groups:
        lines = [l for l in group if not _is_banner(l, header)]
        if not lines:
            continue
        text = plain(_reflow(lines))
        numbered_heading = text[:1].isdigit() and _is_heading(lines, text)  # "2. Findings"
        if _BULLET.match(lines[0]) and not numbered_heading:
            out.extend(("item", _BULLET.sub("", item)) for item in _items(lines))
        elif _LONE_NUMBER.match(text):
            continue  # a paragraph or page number the converter set apart: no words of the text
        elif out and out[-1][0] in ("paragraph", "item") and _runs_on(out[-1][1], text, out[-1][0] == "item"):
            out[-1] = (out[-1][0], f"{out[-1][1]} {text}")
        elif out and out[-1][0] == "heading" and text[:1].islower() and out[-1][1][-1:].islower():
            # "No matter how long any talks, many" + "open questions remain.": a sentence, not a heading
            out[-1] = ("paragraph", f"{out[-1][1]} {text}")
        elif _is_heading(lines, text) and not _unfinished(text):
            out.append(("heading", text))
        else:
            out.append(("paragraph", text))
    return out


_FUNCTION_WORDS = frozenset("""a an the of on in at to for from with by and or but nor as than that which who whose
    whom between among into onto upon about against over under through both either neither our their its his her
    my your this these those is are was were be been will would shall should can could may might must not""".split())


def _unfinished(text: str) -> bool:
    """Words that stop where no sentence or heading ends: on a function word ("... treaties that")
    or a comma (a converted PDF's blank line fell inside the sentence)."""
    last = text.rstrip().rsplit(None, 1)[-1] if text.strip() else ""
    return text.rstrip().endswith(",") or last.lower() in _FUNCTION_WORDS


_LONE_NUMBER = re.compile(r"\d{1,3}\.?$")


def _runs_on(previous: str, text: str, item: bool = False) -> bool:
    """The paragraph `text` continues the sentence `previous` left open: `previous` has no final
    stop and either `text` opens in lower case, `previous` ends on a function word or comma, or
    `previous` is prose (eight words or more, not a headline) that a PDF line or page break cut
    (not an `item`: a list's items often end without a stop)."""
    if previous.endswith(_TERMINAL) or _BULLET.match(text):
        return False
    if text[:1].islower():
        return True
    if not (text[:1].isupper() or text[:1].isdigit()):
        return False
    return _unfinished(previous) and len(_words(previous)) >= 3 or \
        (not item and len(_words(previous)) >= 8 and not _headline_case(previous))


def _items(lines: list[str]) -> list[str]:
    items: list[list[str]] = []
    for line in lines:
        if _BULLET.match(line) or not items:
            items.append([line])
        else:
            items[-1].append(line)
    return [plain(_reflow(i)) for i in items]


def _is_banner(line: str, header: _Header) -> bool:
    return bool(_footer(line) or _SEPARATOR.match(line) or ("-" in line and _PAGE_DASH.search(line))
                or _PAGE_START.match(line)
                or _PRESS_RELEASE.match(line) or _SYMBOL.match(line) or _MEETING.match(line)
                or (len(_words(line)) <= 15 and norm(line) in header.banner))


def _dateline(groups: list[list[str]]) -> str | None:
    """A date standing on a short line of its own near the top (a report's publication date)."""
    return next((full_date(l) for g in groups for l in g if len(_words(l)) <= 8 and full_date(l)), None)


@never_raise("plaintext")
def read_plaintext(text: str, source: Source) -> Document:
    """Read a plain-text press release or report."""
    doc = DocBuilder(source, "plaintext")
    groups = _paragraphs(text.replace("\f", "\n\n").split("\n"))
    # The header ends at the first paragraph of running prose (or after the first group if none).
    start = next((i for i, g in enumerate(groups) if _is_prose(plain(" ".join(g)))), min(1, len(groups)))
    header = _Header([plain(l) for g in groups[:start] for l in g])
    for line in header.subtitles:
        doc.add("heading", Inline(plain(line)), level=2)
    context = None
    for kind, body in _body_paragraphs(groups[start:], header):
        if kind == "heading":
            context = None
            doc.add("heading", Inline(body), level=2)
            continue
        context = None if glued_byline(body) else (_speaker(body) or context)
        # a paragraph under a speaker label (until the next heading) is that speaker's turn
        doc.add(kind, Inline(body), context=context, role="speaker-turn" if context else None)
    return doc.finish(title=header.title, date=header.date or _dateline(groups[start:start + 10]),
                      publisher=header.publisher, symbol=header.symbol)
