"""Loading source files (errors, encodings, newlines) and choosing a reader (registry, detection)."""
from __future__ import annotations

import pathlib

import pytest

from analysis.errors import SourceError
from analysis.model.document import Source
from analysis.readers import READERS, detect_genre, read, read_markdown, read_plaintext, read_wikitext
from analysis.readers.load import load_text

FIXTURES = pathlib.Path(__file__).parent / "fixtures" / "readers"


def write(tmp_path: pathlib.Path, data: bytes, name: str = "source.txt") -> pathlib.Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def error(path: pathlib.Path, shown: str = "sources/x.txt", **kw) -> str:
    with pytest.raises(SourceError) as caught:
        load_text(path, shown, **kw)
    message = str(caught.value)
    assert shown in message and "\n" not in message
    return message


# ---------------------------------------------------------------- errors

def test_missing_file(tmp_path):
    assert "does not exist" in error(tmp_path / "nope.txt")


def test_folder(tmp_path):
    assert "folder" in error(tmp_path)


def test_unreadable(tmp_path, monkeypatch):
    path = write(tmp_path, b"text")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(pathlib.Path, "open", refuse)
    assert "permission denied" in error(path)


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", "\ufeff  \n".encode("utf-8"), "\ufeff \n".encode("utf-16-le")])
def test_empty_or_whitespace(tmp_path, data):
    assert "empty" in error(write(tmp_path, data))


@pytest.mark.parametrize("data, what", [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
    (b"text\x00with a NUL byte", "binary"),
    (bytes(range(256)) * 4, "binary"),
])
def test_binary(tmp_path, data, what):
    assert what in error(write(tmp_path, data))


def test_too_large(tmp_path):
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(25_300_000)  # sparse: no need to write the bytes
    assert error(path, "big.txt").endswith("big.txt is 25.3 MB; the limit is 20 MB")


def test_custom_limit(tmp_path):
    assert "limit" in error(write(tmp_path, b"x" * 2000), max_bytes=1000)


def test_error_code_is_source_error(tmp_path):
    with pytest.raises(SourceError) as caught:
        load_text(tmp_path / "missing.md", "missing.md")
    assert caught.value.code == "E020" and caught.value.exit_code == 4


# ---------------------------------------------------------------- decoding

@pytest.mark.parametrize("data", [
    "Grüße — “quoted”\n".encode("utf-8"),
    "\ufeffGrüße — “quoted”\n".encode("utf-8"),
    "\ufeffGrüße — “quoted”\n".encode("utf-16-le"),
    "\ufeffGrüße — “quoted”\n".encode("utf-16-be"),
])
def test_unicode_encodings(tmp_path, data):
    text, warnings = load_text(write(tmp_path, data), "s.txt")
    assert text == "Grüße — “quoted”\n" and warnings == ()


def test_cp1252_fallback_warns(tmp_path):
    text, warnings = load_text(write(tmp_path, "Café “fine” – ok\n".encode("cp1252")), "old.txt")
    assert text == "Café “fine” – ok\n"
    assert len(warnings) == 1 and "old.txt" in warnings[0] and "UTF-8" in warnings[0]


def test_newlines_are_normalised(tmp_path):
    text, _ = load_text(write(tmp_path, b"one\r\ntwo\rthree\n"), "s.txt")
    assert text == "one\ntwo\nthree\n"


def test_control_characters_are_removed(tmp_path):
    text, warnings = load_text(write(tmp_path, b"a\x07b\tc\x1bd\n"), "s.txt")
    assert text == "ab\tcd\n" and "control" in warnings[0]


def test_fixture_files_load_cleanly():
    for path in FIXTURES.rglob("*.*"):
        text, warnings = load_text(path, path.name)
        assert text and warnings == ()


# ---------------------------------------------------------------- registry and detection

def test_registry_is_literal():
    assert list(READERS) == ["pdf", "docx", "odt", "html", "wikitext", "markdown", "plaintext"]
    assert {name: r.read for name, r in READERS.items() if r.takes == "text" and name != "html"} == {
        "wikitext": read_wikitext, "markdown": read_markdown, "plaintext": read_plaintext}
    assert all(r.takes in ("text", "bytes") and r.name == name for name, r in READERS.items())


@pytest.mark.parametrize("name, genre", [
    ("wikitext/diff_positions.txt", "wikitext"),
    ("wikitext/article_named_refs.wiki", "wikitext"),
    ("markdown/policy_note.md", "markdown"),
    ("markdown/simple_note.md", "markdown"),
    ("plaintext/press_release.txt", "plaintext"),
    ("plaintext/report.txt", "plaintext"),
])
def test_detect_genre_from_content(name, genre):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    assert detect_genre(text, "renamed.txt") == genre
    assert detect_genre(text, name) == genre


@pytest.mark.parametrize("path, genre", [("a.wiki", "wikitext"), ("a.md", "markdown"), ("a.txt", "plaintext"),
                                         ("a", "plaintext")])
def test_extension_breaks_ties(path, genre):
    assert detect_genre("Just a sentence with no markup at all.", path) == genre


def test_diff_title_decides_wikitext():
    assert detect_genre("Foo: Difference between revisions\n\nsome **bold** text", "x.md") == "wikitext"


def test_read_uses_source_genre_when_given():
    text = (FIXTURES / "markdown" / "simple_note.md").read_text(encoding="utf-8")
    assert read(text, Source("x", "x.md", genre="plaintext")).genre == "plaintext"
    doc = read(text, Source("x", "x.md", genre="latex"))
    assert doc.genre == "markdown" and "unknown genre" in doc.warnings[0]


# ---------------------------------------------------------------- files of every format through read_file

def _read_file(path: pathlib.Path, genre: str | None = None):
    from analysis.readers import read_file

    return read_file(path, Source(id="d1", path=f"src/{path.name}", genre=genre))


def test_text_files_read_through_the_registry_as_before(tmp_path):
    for name in ("plaintext/press_release.txt", "markdown/policy_note.md", "wikitext/article_named_refs.wiki"):
        path = FIXTURES / name
        text, _ = load_text(path, f"src/{path.name}")
        assert _read_file(path) == read(text, Source(id="d1", path=f"src/{path.name}"))


def test_a_pdf_is_read_by_the_pdf_reader_or_named_as_unreadable_here(tmp_path):
    import importlib.util

    import weasyprint

    path = tmp_path / "note.pdf"
    path.write_bytes(weasyprint.HTML(string="<h1>Ruritania</h1><p>The Minister of Ruritania said that the "
                                            "border talks would resume in May.</p>").write_pdf())
    if importlib.util.find_spec("analysis.readers.pdf") is None:
        with pytest.raises(SourceError) as caught:
            _read_file(path)
        assert caught.value.line().count("\n") == 0 and "src/note.pdf" in caught.value.line()
        assert "unavailable" in caught.value.line()
    else:
        doc = _read_file(path)
        assert doc.genre == "pdf" and any("border talks would resume" in b.text for b in doc.blocks)
        assert all(b.page == 1 for b in doc.blocks)


@pytest.mark.parametrize("data, name, genre", [
    (b"<!DOCTYPE html><html><body><p>Text.</p></body></html>", "page.txt", "html"),
    (b"<!-- saved from url=(0020)https://example.org -->\n<html><body><p>x</p></body></html>", "page", "html"),
    (b"Plain words about <html> in a sentence.\n", "note.txt", None),
    (b"A text someone named .pdf.\n", "note.pdf", None),
    (b"%PDF-1.7\n", "note.txt", "pdf"),
])
def test_the_format_is_recognised_from_the_contents(data, name, genre):
    from analysis.readers import choose

    found = choose(data, Source(id="d1", path=name))
    assert (found.name if found else None) == genre


def test_a_configured_genre_wins_over_sniffing():
    from analysis.readers import choose

    assert choose(b"<!DOCTYPE html><p>x</p>", Source(id="d1", path="a.html", genre="plaintext")).name == "plaintext"
