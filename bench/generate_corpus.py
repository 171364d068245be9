"""Seed documents in, a synthetic corpus of N documents out: bench/corpus/<N>/ (gitignored).

    python bench/generate_corpus.py 300              # bench/corpus/300/{report.toml,docs/*}
    python bench/generate_corpus.py 30 --seed 7      # another deterministic variant
    python bench/generate_corpus.py 3000 --out /tmp/c

Each document takes the genre of one of the three seeds (wikitext, Markdown from PDF,
plain-text press release; document i has seed i mod 3) and keeps its frame (header,
title, table scaffolding, footnote section, closing lines) around a recombination of its
paragraphs: a random subset in source order, sometimes with extra copies of other
paragraphs, so documents run from about 0.6 to 1.4 times the seed's length. Within every
paragraph, names and numbers vary: about half of the states named become other states
of the gazetteer (analysis/lexicons/actors.json), people become invented names (full
names, surnames alone and the upper-case forms of press releases), and amounts (not
years, days or footnote numbers) are scaled by 0.5 to 1.5. Document i depends only on
(seed, i): the first 30 documents of the 300 corpus are the 30 of the 30 corpus.

report.toml lists every document (ids d1..dN, genre given) with the questions of the
project's report.toml, so a bench build exercises the same analysis as the sample brief.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ACTORS = ROOT / "analysis" / "lexicons" / "actors.json"
CORPUS = Path(__file__).resolve().parent / "corpus"

GENRES = ("wikitext", "markdown", "plaintext")
"""Genre of seeds/ files in name order."""

PEOPLE = [
    # (full name as in the seeds, surname used alone) — the people the seeds quote
    ("Ralph Regenvanu", "Regenvanu"), ("David Zalkaliani", "Zalkaliani"), ("Ban Ki-moon", "Ban"),
    ("Miguel d'Escoto Brockmann", "d'Escoto"), ("Nikolai Bordyuzha", "Bordyuzha"), ("Terry Davis", "Davis"),
    ("Jaap de Hoop Scheffer", "de Hoop Scheffer"), ("Pavel Borodin", "Borodin"), ("Sergei Lavrov", "Lavrov"),
    ("Alexander Stubb", "Stubb"), ("Carl Bildt", "Bildt"), ("Agron Bajrami", "Bajrami"),
    ("Krstimir Pantic", "Pantic"), ("Ivica Dacic", "Dacic"), ("Enver Hoxhaj", "Hoxhaj"),
    ("Oliver Ivanovic", "Ivanovic"), ("Peter Blomeyer", "Blomeyer"), ("Tracey Ann Jacobson", "Jacobson"),
    ("Paddy Ashdown", "Ashdown"), ("Hashim Thaçi", "Thaçi"), ("Antonio Maria Costa", "Costa"),
    ("Gérard Araud", "Araud"), ("Thomas Mayr-Harting", "Mayr-Harting"), ("Yukio Takasu", "Takasu"),
    ("Maria Luiza Ribeiro Viotti", "Viotti"), ("Claude Heller", "Heller"), ("Ruhakana Rugunda", "Rugunda"),
    ("Nawaf Salam", "Salam"), ("U. Joy Ogwu", "Ogwu"), ("Susan Rice", "Rice"), ("Mark Lyall Grant", "Grant"),
    ("Ertuğrul Apakan", "Apakan"), ("Ivan Barbalić", "Barbalić"), ("Igor N. Shcherbak", "Shcherbak"),
    ("Mikhail Skupov", "Skupov"), ("Liu Zhenmin", "Zhenmin"), ("Alfred Alexis Moungara Moussotsi", "Moussotsi"),
]
FIRST = ["Amira", "Boris", "Chiara", "Dmitri", "Elena", "Farid", "Greta", "Hamid", "Ines", "Jonas", "Kofi",
         "Lena", "Marek", "Nadia", "Omar", "Petra", "Rafael", "Sofia", "Tomas", "Ulla", "Viktor", "Yara"]
SYLLABLES = ["ka", "lo", "ven", "mar", "tis", "ra", "dor", "en", "vi", "sa", "len", "to", "mir", "ba", "sko",
             "ni", "gor", "al", "per", "zu", "ko", "dan", "ri", "we"]
MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
          "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
_NUMBER = re.compile(r"(?<![\w/.,:=?&%#>-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w/<]|,\d|\.\d)")
_DAY_BEFORE = re.compile(rf"(?:{MONTHS})\.?\s*$")
_DAY_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\b")


def states() -> list[str]:
    """Canonical names of the gazetteer's states (kind ``state``), long enough to be safe to replace."""
    with open(ACTORS, encoding="utf-8") as fh:
        entries = json.load(fh)
    return sorted(e["name"] for e in entries if e.get("kind") == "state" and len(e["name"]) >= 4
                  and e["name"].replace(" ", "").isalpha())


# ---------------------------------------------------------------- seeds as frame + paragraphs
@dataclass
class Seed:
    genre: str
    head: str
    """Everything before the first recombined paragraph (with the title)."""
    units: list[str]
    """Body paragraphs (or table rows) that are recombined."""
    middle: str = ""
    """Text between the prose and the table rows (wikitext: heading and table header)."""
    rows: list[str] | None = None
    """Wikitext: table rows (recombined separately)."""
    notes: dict[str, str] | None = None
    """Markdown: footnote number -> footnote paragraph."""
    tail: str = ""


def _paragraphs(text: str) -> list[str]:
    return [p.strip("\n") for p in re.split(r"\n[ \t]*\n", text) if p.strip()]


def parse_wikitext(text: str) -> Seed:
    lines = text.split("\n")
    start = next(i for i, ln in enumerate(lines) if ln.startswith("Line ")) + 1
    table = next(i for i, ln in enumerate(lines) if ln.startswith("{|"))
    end = max(i for i, ln in enumerate(lines) if ln.startswith("|}"))
    prose = [ln for ln in lines[start:table] if ln.strip() and not ln.startswith(("|}", "=="))]
    heading = next(ln for ln in lines[start:table] if ln.startswith("=="))
    intro = prose.pop()  # the paragraph under the heading introduces the table
    header_end = next(i for i in range(table, end) if lines[i].startswith("!")) + 1
    rows, current = [], []
    for ln in lines[header_end:end]:
        if ln.startswith("|-"):
            if any(x.strip() for x in current):
                rows.append("\n".join(current))
            current = []
        else:
            current.append(ln)
    if any(x.strip() for x in current):
        rows.append("\n".join(current))
    middle = "\n".join(["", heading, intro] + lines[table:header_end])
    return Seed("wikitext", "\n".join(lines[:start]) + "\n \n", prose, middle=middle, rows=rows,
                tail="\n".join(lines[end:]))


def parse_markdown(text: str) -> Seed:
    paras = _paragraphs(text)
    intro = next(i for i, p in enumerate(paras) if p.startswith("## Introduction"))
    closing = max(i for i, p in enumerate(paras) if p.startswith("## "))
    notes, units = {}, []
    for p in paras[intro + 1:closing]:
        m = re.match(r"<sup>(\d+)</sup>", p)
        if m:
            notes[m.group(1)] = p
        elif p not in ("---",):
            units.append(p)
    return Seed("markdown", "\n\n".join(paras[:intro + 1]) + "\n\n", units, notes=notes,
                tail="\n\n".join(paras[closing:]) + "\n")


def parse_plaintext(text: str) -> Seed:
    paras = _paragraphs(text)
    first = next(i for i, p in enumerate(paras) if len(p) > 300)  # the lead paragraph
    end = next(i for i, p in enumerate(paras) if p.strip().startswith("* ***"))
    return Seed("plaintext", "\n\n".join(paras[:first]) + "\n\n\n", paras[first:end],
                tail="\n\n".join(paras[end:]) + "\n")


PARSERS = {"wikitext": parse_wikitext, "markdown": parse_markdown, "plaintext": parse_plaintext}


def load_seeds() -> list[Seed]:
    files = sorted(p for p in SEEDS.iterdir() if p.is_file())
    if len(files) != len(GENRES):
        raise SystemExit(f"expected {len(GENRES)} seeds in {SEEDS}, found {len(files)}")
    return [PARSERS[g](f.read_text(encoding="utf-8")) for g, f in zip(GENRES, files)]


# ---------------------------------------------------------------- variation
class Variation:
    """One document's renaming: states, people, amounts."""

    def __init__(self, rng: random.Random, all_states: list[str]):
        self.rng = rng
        self.all_states = all_states
        self.state_map: dict[str, str] = {}
        self.people: dict[str, tuple[str, str]] = {}

    def _state(self, name: str) -> str:
        if name not in self.state_map:
            self.state_map[name] = name if self.rng.random() < 0.5 else self.rng.choice(self.all_states)
        return self.state_map[name]

    def _person(self, full: str) -> tuple[str, str]:
        if full not in self.people:
            last = "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 3))).capitalize()
            self.people[full] = (f"{self.rng.choice(FIRST)} {last}", last)
        return self.people[full]

    def names(self, text: str, pattern: re.Pattern) -> str:
        def swap(m: re.Match) -> str:
            word = m.group(0)
            for full, surname in PEOPLE:
                if word == full:
                    return self._person(full)[0]
                if word.upper() == full.upper() and word.isupper():
                    return self._person(full)[0].upper()
                if word == surname:
                    return self._person(full)[1]
                if word == surname.upper() and len(surname) > 3:
                    return self._person(full)[1].upper()
            return self._state(word)
        return pattern.sub(swap, text)

    def amounts(self, text: str) -> str:
        def scale(m: re.Match) -> str:
            whole, frac = m.group(1), m.group(2) or ""
            value = int(whole.replace(",", ""))
            if not frac and 1900 <= value <= 2099:
                return m.group(0)  # a year
            if not frac and value <= 31 and (_DAY_BEFORE.search(text[max(0, m.start() - 12):m.start()])
                                             or _DAY_AFTER.match(text[m.end():m.end() + 16])):
                return m.group(0)  # a day of a month
            factor = self.rng.uniform(0.5, 1.5)
            if frac:
                return f"{float(whole.replace(',', '') + frac) * factor:.{len(frac) - 1}f}"
            new = max(1, round(value * factor))
            return f"{new:,}" if "," in whole else str(new)
        return _NUMBER.sub(scale, text)


def name_pattern(all_states: list[str]) -> re.Pattern:
    words = [full for full, _ in PEOPLE] + [s for _, s in PEOPLE if len(s) > 3]
    words += [full.upper() for full, _ in PEOPLE] + [s.upper() for _, s in PEOPLE if len(s) > 3]
    words += all_states
    alternation = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])")


def _sample(rng: random.Random, units: list[str]) -> list[str]:
    """A random subset in source order, with extra copies when the draw asks for more than there are."""
    n = len(units)
    k = max(3, round(n * rng.uniform(0.6, 1.4)))
    chosen = sorted(rng.sample(range(n), min(k, n)))
    for _ in range(k - len(chosen)):
        chosen.insert(rng.randrange(len(chosen) + 1), rng.randrange(n))
    return [units[i] for i in chosen]


def document(seed: Seed, index: int, base_seed: int, all_states: list[str], pattern: re.Pattern) -> str:
    rng = random.Random(f"{base_seed}:{index}")
    var = Variation(rng, all_states)

    def vary(text: str) -> str:
        return var.amounts(var.names(text, pattern))

    head = var.names(seed.head, pattern)
    if seed.genre == "plaintext":  # a press release's own symbol
        head = re.sub(r"SC/\d+", f"SC/{rng.randint(10000, 99999)}", head)
    body = [vary(u) for u in _sample(rng, seed.units)]
    if seed.genre == "wikitext":
        rows = [vary(r) for r in _sample(rng, seed.rows or [])]
        return (head + "\n \n".join(body) + "\n" + seed.middle + "\n|-\n" + "\n|-\n".join(rows) + "\n"
                + seed.tail + "\n")
    if seed.genre == "markdown":
        cited = dict.fromkeys(n for u in body for n in re.findall(r"<sup>(\d+)</sup>", u))
        notes = [vary(seed.notes[n]) for n in sorted(cited, key=int) if n in (seed.notes or {})]
        return head + "\n\n".join(body) + "\n\n---\n\n" + "\n\n".join(notes) + "\n\n" + seed.tail
    return head + "\n\n\n".join(body) + "\n\n\n" + seed.tail


REPORT_HEAD = """# Benchmark corpus of {n} documents generated by bench/generate_corpus.py (seed {seed}).

[report]
title = "Benchmark brief: {n} generated documents"
subtitle = "Recombined from the three sample sources with varied names and numbers"
organisation = "make-report benchmark"
authors = ["bench/generate_corpus.py"]
date = 2024-05-31

"""


def questions_toml() -> str:
    """The [[questions]] tables of the project's report.toml, verbatim."""
    text = (ROOT / "report.toml").read_text(encoding="utf-8")
    blocks = re.findall(r"^\[\[questions\]\]\n(?:(?!\[).*\n?)*", text, re.M)
    return "\n".join(b.strip() + "\n" for b in blocks)


def generate(n: int, out: Path, base_seed: int = 1) -> Path:
    """Write n documents and report.toml into `out`; return the report.toml path."""
    seeds = load_seeds()
    all_states = states()
    pattern = name_pattern(all_states)
    docs = out / "docs"
    if out.exists():
        shutil.rmtree(out)
    docs.mkdir(parents=True)
    parts = [REPORT_HEAD.format(n=n, seed=base_seed)]
    total = 0
    for i in range(n):
        seed = seeds[i % len(seeds)]
        text = document(seed, i, base_seed, all_states, pattern)
        name = f"{i + 1:05d}-{seed.genre}.txt"
        (docs / name).write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
        parts.append(f'[[sources]]\npath = "docs/{name}"\ngenre = "{seed.genre}"\n\n')
    parts.append(questions_toml())
    parts.append('\n[output]\ndir = "out"\nformats = ["pdf", "docx", "html", "json"]\n')
    cfg = out / "report.toml"
    cfg.write_text("".join(parts), encoding="utf-8")
    return cfg


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, help="number of documents")
    ap.add_argument("--seed", type=int, default=1, help="variation seed (default 1)")
    ap.add_argument("--out", type=Path, help="folder (default bench/corpus/<n>)")
    args = ap.parse_args(argv)
    if args.n < 1:
        ap.error("n must be at least 1")
    out = args.out or CORPUS / str(args.n)
    cfg = generate(args.n, out, args.seed)
    size = sum(p.stat().st_size for p in (out / "docs").iterdir())
    print(f"{args.n} documents, {size / 1e6:.1f} MB -> {cfg}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
