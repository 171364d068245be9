"""Time the PDF reader on a generated text PDF: pages of invented prose with headings, footnotes,
running heads and page numbers, made with WeasyPrint; read_pdf timed alone (median of N runs).

    python bench/pdf_read.py                 # 50 pages, 5 runs (issue #16 target: <= 2 s)
    python bench/pdf_read.py --pages 200 --repeat 3
    python bench/pdf_read.py --scaling       # 25, 50, 100, 200 pages: reading should stay linear

The PDF is cached in bench/out/ (gitignored) by page count, since making it takes longer than reading it.
"""
from __future__ import annotations

import argparse
import pathlib
import statistics
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = ("council province canal river treaty minister envoy border harbour tariff delegation assembly "
         "charter mandate ceasefire observer commission report proposal budget").split()
NAMES = ("Ruritania Borduria Syldavia Freedonia Latveria Genovia Elbonia Moldavia").split()


def prose(seed: int, sentences: int) -> str:
    out = []
    for k in range(sentences):
        n = seed * 31 + k * 7
        w = [WORDS[(n + i * 3) % len(WORDS)] for i in range(9)]
        out.append(f"{NAMES[n % len(NAMES)]} said on {1 + n % 28} March 2031 that the {w[0]} and the {w[1]} "
                   f"of the {w[2]} must respect the {w[3]}, while {NAMES[(n + 3) % len(NAMES)]} asked the "
                   f"{w[4]} to review {10 + n % 80} per cent of the {w[5]} before the {w[6]} met again.")
    return " ".join(out)


def document_html(pages: int) -> str:
    parts = ["<h1>Generated report on the northern provinces</h1><p>By Jana Novak</p><p>March 2031</p>"]
    for section in range(pages):  # about one page of text per section
        parts.append(f"<h2>Section {section + 1}: the {WORDS[section % len(WORDS)]}</h2>")
        for para in range(3):
            note = f"<span class=fn>Record of the {WORDS[(section + para) % len(WORDS)]}, {para + 1} May 2031.</span>"
            parts.append(f"<p>{prose(section * 3 + para, 3)}{note} {prose(section * 5 + para, 2)}</p>")
    style = ("@page { size: A4; margin: 2.5cm 2cm; @top-center { content: 'Generated report'; font-size: 8pt }"
             " @bottom-center { content: counter(page); font-size: 8pt } }"
             " body { font-family: serif; font-size: 11pt; line-height: 1.35 } .fn { float: footnote; font-size: 8pt }")
    return f"<html><head><style>{style}</style></head><body>{''.join(parts)}</body></html>"


def make_pdf(pages: int) -> tuple[bytes, int]:
    """A PDF of at least `pages` pages (cached), and its page count."""
    import pypdfium2 as pdfium

    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"pdf-{pages}.pdf"
    if not path.exists():
        import weasyprint

        sections = pages
        while True:
            data = weasyprint.HTML(string=document_html(sections)).write_pdf()
            count = len(pdfium.PdfDocument(data))
            if count >= pages:
                break
            sections = int(sections * pages / count) + 1
        path.write_bytes(data)
    data = path.read_bytes()
    return data, len(pdfium.PdfDocument(data))


def time_read(data: bytes, repeat: int) -> list[float]:
    from analysis.model.document import Source
    from analysis.readers.pdf import read_pdf

    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        document = read_pdf(data, Source(id="b1", path="bench.pdf"))
        times.append(time.perf_counter() - start)
    assert document.blocks and document.footnotes
    return times


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--scaling", action="store_true")
    args = parser.parse_args(argv)
    for pages in ((25, 50, 100, 200) if args.scaling else (args.pages,)):
        data, count = make_pdf(pages)
        times = time_read(data, args.repeat)
        median = statistics.median(times)
        print(f"{count:4d} pages  {len(data) / 1e6:5.2f} MB  median {median:6.3f} s  "
              f"min {min(times):6.3f}  max {max(times):6.3f}  {1000 * median / count:5.1f} ms/page")
    return 0


if __name__ == "__main__":
    sys.exit(main())
