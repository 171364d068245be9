"""Reading Word (DOCX) and OpenDocument (ODT) files through pandoc: headings, paragraphs, lists, quotations,
tables and footnotes; tracked deletions and comments left out; hostile archives refused by name."""
from __future__ import annotations

import io
import subprocess
import zipfile

import pytest

from analysis.errors import SourceError
from analysis.model.document import Source
from analysis.readers import read_file
from analysis.readers.common import problems

NOTE = """---
title: Ruritanian border policy
author: Anna Holm
date: 2021-04-12
---

# Summary

The Foreign Minister of Ruritania, Rudolf Elphberg, said that his government "will reopen the border
talks".[^1] The cabinet met [in Strelsau]{.insertion author="Editor"}[on Tuesday]{.deletion author="Editor"}.
[KEEP-OUT-COMMENT]{.comment-start id="1" author="Reviewer"}Trade fell by 38 per cent.[]{.comment-end id="1"}

## Crossings

| Crossing | Status |
|---|---|
| Zenda bridge | closed since August |
| Hentzau pass | open to freight only |

- First point of the list
- Second point of the list

> A quoted passage from the treaty of 1890.

[^1]: Statement to the press in Strelsau, 12 April 2021.
"""


def convert(markdown: str, to: str) -> bytes:
    import pypandoc

    proc = subprocess.run([pypandoc.get_pandoc_path(), "--sandbox", "-f", "markdown", "-t", to, "-o", "-"],
                          input=markdown.encode(), capture_output=True, check=True)
    return proc.stdout


@pytest.fixture(scope="module")
def docx() -> bytes:
    return convert(NOTE, "docx")


def read(tmp_path, data: bytes, name: str = "note.docx"):
    path = tmp_path / name
    path.write_bytes(data)
    return read_file(path, Source(id="d1", path=f"src/{name}"))


def refused(tmp_path, data: bytes, name: str = "note.docx") -> str:
    with pytest.raises(SourceError) as caught:
        read(tmp_path, data, name)
    message = caught.value.line()
    assert f"src/{name}" in message and "\n" not in message
    return message


def test_docx_headings_paragraphs_lists_quotations_and_tables(tmp_path, docx):
    doc = read(tmp_path, docx)
    assert doc.genre == "docx" and problems(doc) == []
    roles = [(b.role, b.text) for b in doc.blocks]
    assert ("heading", "Summary") in roles and ("heading", "Crossings") in roles
    assert ("list-item", "First point of the list") in roles
    assert ("quotation", "A quoted passage from the treaty of 1890.") in roles
    rows = [(b.context, b.text) for b in doc.blocks if b.role == "table-row"]
    assert ("Zenda bridge", "closed since August") in rows
    assert (doc.title, doc.author, doc.date) == ("Ruritanian border policy", "Anna Holm", "2021-04-12")


def test_docx_footnotes_are_notes_linked_from_their_marker(tmp_path, docx):
    doc = read(tmp_path, docx)
    first = next(b for b in doc.blocks if b.text.startswith("The Foreign Minister"))
    (ref,) = first.notes
    assert first.text[:ref.offset].endswith("border talks\u201d.")
    assert doc.by_anchor()[ref.note].text == "Statement to the press in Strelsau, 12 April 2021."


def test_tracked_deletions_and_comments_are_left_out(tmp_path, docx):
    text = " ".join(b.text for b in read(tmp_path, docx).blocks)
    assert "in Strelsau" in text and "Trade fell by 38 per cent." in text  # insertions are accepted
    assert "on Tuesday" not in text and "KEEP-OUT-COMMENT" not in text


def test_odt_reads_like_docx(tmp_path):
    doc = read(tmp_path, convert(NOTE, "odt"), "note.odt")
    assert doc.genre == "odt" and doc.title == "Ruritanian border policy"
    assert any(b.role == "table-row" and b.context == "Hentzau pass" for b in doc.blocks)
    assert [n.text for n in doc.footnotes] == ["Statement to the press in Strelsau, 12 April 2021."]


def test_a_word_file_is_recognised_by_its_contents_whatever_its_name(tmp_path, docx):
    assert read(tmp_path, docx, "note.txt").genre == "docx"


def test_a_text_file_named_docx_is_read_as_text(tmp_path):
    doc = read(tmp_path, b"Ministers meet\n\nThe Minister of Ruritania said the talks would resume.\n", "n.docx")
    assert doc.genre == "plaintext"


def test_a_truncated_docx_is_refused_by_name(tmp_path, docx):
    assert "damaged or truncated" in refused(tmp_path, docx[:len(docx) // 2])


def test_a_zip_that_is_not_a_document_is_refused_by_name(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("data.csv", "a,b\n1,2\n")
    assert "ZIP" in refused(tmp_path, buffer.getvalue(), "data.zip")


def bomb(size: int = 60_000_000) -> bytes:
    """A DOCX whose document part inflates from about 60 KB to `size` bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as part:
            chunk = b" " * 1_000_000
            for _ in range(size // len(chunk)):
                part.write(chunk)
    return buffer.getvalue()


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path):
    data = bomb()
    assert len(data) < 1_000_000
    assert "zip bomb" in refused(tmp_path, data)


def with_document_xml(docx: bytes, transform) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, transform(data) if item.filename == "word/document.xml" else data)
    return out.getvalue()


def test_external_xml_entities_are_refused_and_never_resolved(tmp_path, docx):
    secret = tmp_path / "secret.txt"
    secret.write_text("CANARY-SECRET", encoding="utf-8")

    def add_entity(xml: bytes) -> bytes:
        head, _, rest = xml.partition(b"?>")
        doctype = f'<!DOCTYPE w:document [<!ENTITY leak SYSTEM "{secret.as_uri()}">]>'.encode()
        return head + b"?>" + doctype + rest.replace(b"Second point of the list", b"&leak;", 1)

    message = refused(tmp_path, with_document_xml(docx, add_entity))
    assert "entities" in message and "CANARY" not in message
