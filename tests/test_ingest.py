"""Readers on real files, and every failure as one line naming the file and the cause."""
from __future__ import annotations

from pathlib import Path

import pytest
from fpdf import FPDF

from orgline.errors import InputError
from orgline.ingest import find_documents, read_document

HISTORY = "The Moorland Walkers Club was founded in 1931 in Sheffield."


def test_txt_normalizes_crlf_and_bom(write) -> None:  # type: ignore[no-untyped-def]
    a = read_document(write("a.txt", "\ufeff" + HISTORY.replace(" in S", "\r\nin S") + "\r\n"))
    b = read_document(write("b.txt", HISTORY.replace(" in S", "\nin S")))
    assert a.id == b.id and "\r" not in a.text


def test_markdown_drops_syntax_keeps_text(write) -> None:  # type: ignore[no-untyped-def]
    s = read_document(write("c.md", "# Moorland Walkers\n\nThe **Moorland Walkers Club** met in "
                                     "[Sheffield](http://example.org)."))
    assert s.title == "Moorland Walkers"
    assert "**" not in s.text and "http" not in s.text and "Sheffield" in s.text


def test_html_keeps_main_text_only(write) -> None:  # type: ignore[no-untyped-def]
    page = ("<html><head><title>Walkers</title></head><body><nav>Home | Archive | Contact us</nav>"
            f"<article><p>{HISTORY} It organized mass trespasses across the moors and kept a "
            "record of every walk in its minute books, which survive in the city archive.</p></article>"
            "<footer>Copyright notice. Subscribe to our newsletter.</footer></body></html>")
    s = read_document(write("d.html", page))
    assert HISTORY in s.text and "Subscribe" not in s.text and s.title == "Walkers"


def test_pdf_text_layer(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pdf = FPDF()
    pdf.set_title("Walkers history")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, HISTORY)
    path = tmp_path / "e.pdf"
    pdf.output(str(path))
    s = read_document(path)
    assert "Moorland Walkers Club" in s.text and s.title == "Walkers history"


@pytest.mark.parametrize("name,content,cause", [
    ("empty.txt", b"", "empty file"),
    ("binary.txt", b"\x00\x01\x02binary", "binary"),
    ("latin.txt", "caf\xe9".encode("latin-1"), "not valid UTF-8"),
    ("broken.pdf", b"%PDF-1.4 this is not really a pdf", "PDF"),
    ("notes.docx", b"whatever", "unsupported file type .docx"),
])
def test_unreadable_files_fail_with_one_line(write, name: str, content: bytes, cause: str) -> None:  # type: ignore[no-untyped-def]
    path = write(name, content)
    with pytest.raises(InputError) as e:
        read_document(path)
    assert str(path) in str(e.value) and cause in str(e.value) and "\n" not in str(e.value)


def test_folders_are_walked_recursively(write) -> None:  # type: ignore[no-untyped-def]
    a = write("x/one.txt", HISTORY)
    b = write("x/deeper/two.md", HISTORY)
    write("x/skip.png", b"\x89PNG")
    assert find_documents([a.parent]) == sorted([a, b])
    with pytest.raises(InputError, match="no such file"):
        find_documents([a.parent / "missing"])
