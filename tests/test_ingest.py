"""Ingest on real files: each reader, the folder walk, and every failure as one line that
names the file and the cause."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fpdf import FPDF
from fpdf.enums import EncryptionMethod
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from orgline.errors import InputError
from orgline.ingest import find_documents, read_document
from orgline.model import normalize_text, source_id

Write = Callable[[str, "str | bytes"], Path]
FIXTURE = HealthCheck.function_scoped_fixture  # tmp_path is shared by examples; files are rewritten

GUILD = ("The Ferrymen's Mutual Aid Guild was formed in 1894 by boat crews on the Tamar. "
         "It ran a sick fund and a reading room in Saltash until the bridge put the ferries "
         "out of work.")


def _pdf(path: Path, pages: list[str], title: str | None = None) -> Path:
    pdf = FPDF()
    if title:
        pdf.set_title(title)
    pdf.set_font("Helvetica", size=11)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    pdf.output(str(path))
    return path


def _fails(path: Path) -> InputError:
    """Read ``path`` expecting an InputError whose message is one line naming the file."""
    with pytest.raises(InputError) as caught:
        read_document(path)
    error = caught.value
    assert error.path == str(path)
    assert str(error) == f"{path}: {error.cause}"
    assert "\n" not in str(error) and "\r" not in str(error)
    return error


# --- plain text -------------------------------------------------------------------------

def test_txt_is_stored_normalized_crlf_bom_and_trailing_blanks(write: Write) -> None:
    windows = "\ufeff" + GUILD.replace(". It", ".  \r\nIt") + "\r\n\r\n"
    unix = GUILD.replace(". It", ".\nIt")
    a = read_document(write("windows.txt", windows.encode("utf-8")))
    b = read_document(write("unix.txt", unix))
    assert a.text == b.text == unix
    assert a.id == b.id == source_id(unix)
    assert "\r" not in a.text and "\ufeff" not in a.text


def test_txt_read_twice_gives_the_same_source(write: Write) -> None:
    path = write("guild.txt", GUILD)
    first, second = read_document(path), read_document(path)
    assert first == second
    # no title of its own: its first sentence, the first line being a paragraph
    assert first.title == "The Ferrymen's Mutual Aid Guild was formed in 1894 by boat crews on the Tamar."
    assert first.origin == str(path)


def test_txt_unicode_is_nfc(write: Write) -> None:
    composed = read_document(write("a.txt", "The Soci\u00e9t\u00e9 des Passeurs met in Brest."))
    decomposed = read_document(write("b.txt", "The Socie\u0301te\u0301 des Passeurs met in Brest."))
    assert composed.id == decomposed.id


def test_txt_utf16_with_byte_order_mark_is_read(write: Write) -> None:
    assert read_document(write("notepad.txt", GUILD.encode("utf-16"))).text == GUILD


@settings(max_examples=60, deadline=None, suppress_health_check=[FIXTURE])
@given(st.text(st.characters(blacklist_categories=("Cs", "Cc"), whitelist_characters="\n\r\t"),
               min_size=1))
def test_txt_stored_text_is_the_normalized_text(tmp_path: Path, text: str) -> None:
    path = tmp_path / "any.txt"
    path.write_bytes(text.encode("utf-8"))
    if not normalize_text(text).strip():
        assert _fails(path).cause == "empty file"
        return
    source = read_document(path)
    assert source.text == normalize_text(text) == normalize_text(source.text)


# --- Markdown ---------------------------------------------------------------------------

MARKDOWN = """\
# The *Ferrymen's* Guild

The **Ferrymen's Mutual Aid Guild** kept its books in [Saltash](https://ex.org/a_(b) "map").
Its rules, printed as `Rule_Book_1901`, forbade __drink__ on the crossing\\*.

## Members

- boat crews
* lock keepers

> It joined the _Western Carriers' Federation_ in 1903. ![a ferry](ferry.png)

---
See [the minutes][minutes] &amp; <em>letters</em>.

[minutes]: https://example.org/minutes
"""


def test_markdown_drops_syntax_and_keeps_the_prose(write: Write) -> None:
    source = read_document(write("guild.md", MARKDOWN))
    assert source.title == "The Ferrymen's Guild"
    assert source.text == (
        "The Ferrymen's Guild\n\n"
        "The Ferrymen's Mutual Aid Guild kept its books in Saltash.\n"
        "Its rules, printed as Rule_Book_1901, forbade drink on the crossing*.\n\n"
        "Members\n\n"
        "boat crews\n"
        "lock keepers\n\n"
        "It joined the Western Carriers' Federation in 1903. a ferry\n\n"
        "See the minutes & letters.")


def test_markdown_title_from_front_matter_else_first_line(write: Write) -> None:
    front = "---\ntitle: \"Guild papers\"\n---\n\n# Heading\n\nText."
    fronted = read_document(write("a.md", front))
    assert fronted.title == "Guild papers" and fronted.text == "Heading\n\nText."
    assert read_document(write("no_heading.md", GUILD)).title.startswith("The Ferrymen's Mutual Aid Guild")


def test_markdown_keeps_code_blocks_verbatim(write: Write) -> None:
    source = read_document(write("c.md", "Before.\n\n```\n# not a *heading*\n```\nAfter."))
    assert source.text == "Before.\n\n# not a *heading*\nAfter."


# --- HTML -------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Ferrymen's Guild | Tamar Heritage</title>
<style>body { color: black }</style></head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/collections">Collections</a></li>
<li><a href="/visit">Plan your visit</a></li><li><a href="/shop">Shop</a></li></ul></nav></header>
<main><article>
<h1>The Ferrymen's Mutual Aid Guild</h1>
<p>The Ferrymen's Mutual Aid Guild was formed in 1894 by boat crews on the Tamar. It ran a
sick fund and a reading room in Saltash, paid for by a penny a week from every member.</p>
<p>In 1903 the guild joined the Western Carriers' Federation.<br>It left again in 1911.</p>
<p>When the road bridge opened in 1961 the ferries stopped, and the guild wound itself up
the following spring, giving its reading room to the town library.</p>
</article></main>
<footer><p>Copyright Tamar Heritage Trust. All rights reserved.</p>
<p>Sign up for our newsletter</p><p>Privacy policy | Cookie settings</p></footer>
<script>window.analytics = "track every click";</script>
</body></html>"""


def test_html_keeps_the_article_and_drops_navigation_and_footer(write: Write) -> None:
    source = read_document(write("guild.html", PAGE))
    assert source.title == "Ferrymen's Guild | Tamar Heritage"
    paragraphs = source.text.split("\n\n")
    assert paragraphs[1] == (
        "The Ferrymen's Mutual Aid Guild was formed in 1894 by boat crews on the Tamar. It ran a "
        "sick fund and a reading room in Saltash, paid for by a penny a week from every member.")
    assert ("In 1903 the guild joined the Western Carriers' Federation.\nIt left again in 1911."
            in paragraphs)
    assert "library" in paragraphs[-1]
    for boilerplate in ("Plan your visit", "Shop", "Copyright", "newsletter", "Cookie", "analytics",
                        "color"):
        assert boilerplate not in source.text


def test_html_declared_charset_and_xml_declaration(write: Write) -> None:
    latin = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
             "<title>Soci\xe9t\xe9</title></head><body><p>La Soci\xe9t\xe9 des Passeurs "
             "fut fond\xe9e \xe0 Brest en 1902.</p></body></html>").encode("latin-1")
    source = read_document(write("latin.htm", latin))
    assert source.title == "Soci\u00e9t\u00e9" and "fond\u00e9e \u00e0 Brest" in source.text
    xhtml = ('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
             "<head><title>Guild</title></head><body><p>" + GUILD + "</p></body></html>")
    assert read_document(write("x.html", xhtml)).text == GUILD


def test_html_falls_back_to_body_text(write: Write) -> None:
    # trafilatura treats a lone "footer" block as boilerplate and returns nothing
    page = '<html><body><div class="footer">The Weavers Guild sat in Paisley.</div></body></html>'
    source = read_document(write("short.html", page))
    assert source.text == "The Weavers Guild sat in Paisley." and source.title == "The Weavers Guild sat in Paisley."


# --- PDF --------------------------------------------------------------------------------

def test_pdf_text_layer_pages_and_title(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "guild.pdf", [GUILD, "Its last secretary was a lock keeper."],
                title="A history of the Ferrymen's Guild")
    source = read_document(path)
    assert source.title == "A history of the Ferrymen's Guild"
    first, second = source.text.split("\n\n")
    assert " ".join(first.split()) == GUILD
    assert second == "Its last secretary was a lock keeper."


def test_pdf_without_title_is_named_by_its_first_line(tmp_path: Path) -> None:
    assert read_document(_pdf(tmp_path / "minutes.pdf", ["Minutes of 1902."])).title == "Minutes of 1902."


def test_a_long_first_line_is_cut_at_a_word() -> None:
    from orgline.ingest.readers import first_line
    long = "The Ferrymen's Mutual Aid Guild of the Tamar and Lynher estuaries and their creeks and landing places"
    assert first_line(long) == "The Ferrymen's Mutual Aid Guild of the Tamar and Lynher estuaries and their…"
    assert first_line("\n\n# Minutes of the Saltash committee\n\nRead.") == "Minutes of the Saltash committee"


# --- finding documents ------------------------------------------------------------------

def test_folders_are_walked_recursively_and_other_files_skipped(write: Write) -> None:
    top = write("archive/guild.txt", GUILD)
    deep = write("archive/1900s/minutes/1902.md", "# Minutes\n\nRead and agreed.")
    upper = write("archive/1900s/SCAN.PDF", b"%PDF-1.4")
    page = write("archive/web/page.htm", PAGE)
    write("archive/1900s/photo.png", b"\x89PNG\r\n")
    write("archive/notes.docx", b"PK\x03\x04")
    (top.parent / "empty_folder").mkdir()
    found = find_documents([top.parent])
    assert found == sorted([top, deep, upper, page])
    assert find_documents([top.parent, top, str(deep)]) == found  # each file once


def test_a_file_named_explicitly_is_kept_whatever_its_suffix(write: Write) -> None:
    notes = write("notes.docx", b"PK\x03\x04")
    assert find_documents([notes]) == [notes]
    assert _fails(notes).cause == "unsupported file type .docx (expected .txt, .md, .html, .pdf)"


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "guild.txt"
    with pytest.raises(InputError) as caught:
        find_documents([missing])
    assert str(caught.value) == f"{missing}: no such file or folder"
    assert _fails(missing).cause == "no such file or folder"


# --- failures ---------------------------------------------------------------------------

def _image_only_pdf(tmp_path: Path) -> bytes:
    picture = tmp_path / "scan.png"
    Image.new("L", (60, 80), 200).save(picture)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(picture), x=10, y=10, w=120)
    return bytes(pdf.output())


def _blank_pdf(_: Path) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    return bytes(pdf.output())


def _password_pdf(_: Path) -> bytes:
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret",
                       encryption_method=EncryptionMethod.RC4)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 6, GUILD[:40])
    return bytes(pdf.output())


def _truncated_pdf(tmp_path: Path) -> bytes:
    data = _pdf(tmp_path / "whole.pdf", [GUILD]).read_bytes()
    return data[: len(data) // 3]


FAILURES: list[tuple[str, Callable[[Path], bytes], str]] = [
    ("empty.txt", lambda _: b"", "empty file"),
    ("blank.md", lambda _: b"  \r\n\t\n", "empty file"),
    ("only_syntax.md", lambda _: b"#\n\n---\n", "empty file"),
    ("nul.txt", lambda _: b"The Guild\x00\x01\x02\x00minutes", "no text found (binary file?)"),
    ("noise.md", lambda _: bytes(range(256)) * 4, "no text found (binary file?)"),
    ("latin1.txt", lambda _: "The Soci\xe9t\xe9 met.".encode("latin-1"),
     "not valid UTF-8 (at byte 8); re-save it as UTF-8"),
    ("bom_then_bad.md", lambda _: b"\xef\xbb\xbfOK \xff", "not valid UTF-8 (at byte 6); "
     "re-save it as UTF-8"),
    ("cp1252.html", lambda _: b"<p>The \x93Guild\x94 met in Saltash.</p>",
     "not valid UTF-8 (at byte 7); re-save it as UTF-8"),
    ("nothing.html", lambda _: b"<html><head><title>Guild</title></head><body> </body></html>",
     "HTML page has no main text"),
    ("not_a.pdf", lambda _: b"This was saved as text, not as a PDF.",
     "corrupt or unreadable PDF: no PDF header"),
    ("broken.pdf", lambda _: b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R",
     "corrupt or unreadable PDF: "),
    ("truncated.pdf", _truncated_pdf, "corrupt or unreadable PDF: "),
    ("scan.pdf", _image_only_pdf, "PDF has no text layer (scanned?); run OCR first"),
    ("blank_page.pdf", _blank_pdf, "PDF has no text layer (scanned?); run OCR first"),
    ("locked.pdf", _password_pdf, "PDF is encrypted; save an unencrypted copy first"),
    ("report.docx", lambda _: b"PK\x03\x04", "unsupported file type .docx "
     "(expected .txt, .md, .html, .pdf)"),
    ("README", lambda _: GUILD.encode(), "unsupported file type (no suffix) "
     "(expected .txt, .md, .html, .pdf)"),
]


@pytest.mark.parametrize("name,content,cause", FAILURES, ids=[f[0] for f in FAILURES])
def test_failure_is_one_line_naming_file_and_cause(
        write: Write, tmp_path: Path, name: str, content: Callable[[Path], bytes],
        cause: str) -> None:
    path = write(name, content(tmp_path))
    error = _fails(path)
    if cause.endswith(": "):  # pypdf's own short reason follows
        assert error.cause.startswith(cause) and len(error.cause) > len(cause)
    else:
        assert error.cause == cause
    assert len(error.cause) < 160


def test_a_folder_named_like_a_document(tmp_path: Path) -> None:
    folder = tmp_path / "volume.txt"
    folder.mkdir()
    assert _fails(folder).cause == "is a folder, not a file"


@settings(max_examples=40, deadline=None, suppress_health_check=[FIXTURE])
@given(st.binary(max_size=400), st.sampled_from([".pdf", ".html", ".md", ".txt"]))
def test_damaged_input_raises_input_error_never_a_raw_exception(
        tmp_path: Path, garbage: bytes, suffix: str) -> None:
    path = tmp_path / f"damaged{suffix}"
    prefix = b"%PDF-1.4\n" if suffix == ".pdf" else b""
    path.write_bytes(prefix + garbage)
    try:
        source = read_document(path)
    except InputError as error:
        assert "\n" not in str(error) and str(path) in str(error)
    else:
        assert source.text == normalize_text(source.text) and source.text.strip()
