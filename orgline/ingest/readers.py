"""Readers for .txt, .md, .html and .pdf files.

Each reader returns the document's prose; :func:`read_document` normalizes it (the stored
text is what every evidence offset points into) and turns every failure into one
:class:`~orgline.errors.InputError` naming the file and the cause, so a batch can report
it and go on. HTML main text comes from trafilatura (boilerplate removal is its job), PDF
text from pypdf's text layer.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

from ..errors import InputError
from ..model import Source, normalize_text

SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf")


def find_documents(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and the readable files inside folders (recursively), sorted."""
    found: set[Path] = set()
    for p in map(Path, paths):
        if p.is_dir():
            found.update(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES)
        elif p.is_file():
            found.add(p)
        else:
            raise InputError(p, "no such file or folder")
    return sorted(found)


def _decode(path: Path, data: bytes) -> str:
    if not data.strip():
        raise InputError(path, "empty file")
    if b"\x00" in data[:4096]:
        raise InputError(path, "no text found (binary file?)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(path, f"not valid UTF-8 (at byte {e.start}); re-save it as UTF-8") from e


def _read_txt(path: Path) -> tuple[str, str]:
    return _decode(path, path.read_bytes()), path.stem


_MD_RULES = [
    (re.compile(r"^\s{0,3}#{1,6}\s*", re.M), ""),          # heading marks
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),          # images: keep alt text
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),           # links: keep link text
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),                # strong
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?!\w)"), r"\1"),  # emphasis
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"^\s{0,3}>\s?", re.M), ""),                 # block quotes
]


def _read_md(path: Path) -> tuple[str, str]:
    text = _decode(path, path.read_bytes())
    heading = re.search(r"^\s{0,3}#\s+(.+)$", text, re.M)
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    return text, heading.group(1).strip() if heading else path.stem


def _read_html(path: Path) -> tuple[str, str]:
    import trafilatura
    from lxml import html as lxml_html

    raw = _decode(path, path.read_bytes())
    text = trafilatura.extract(raw, include_comments=False, include_tables=False,
                               favor_precision=True) or ""
    try:
        tree = lxml_html.fromstring(raw)
        title = (tree.findtext(".//title") or "").strip()
        if not text.strip():
            body = tree.find(".//body")
            text = body.text_content() if body is not None else ""
    except Exception as e:  # lxml raises several types on broken markup
        raise InputError(path, f"unreadable HTML: {str(e)[:80]}") from e
    if not text.strip():
        raise InputError(path, "HTML page has no main text")
    return re.sub(r"\n(?=[^\n])", "\n\n", text), title or path.stem


def _read_pdf(path: Path) -> tuple[str, str]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(path)
        pages = [page.extract_text() or "" for page in reader.pages]
        title = (reader.metadata.title if reader.metadata else None) or path.stem
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as e:
        raise InputError(path, f"corrupt or unreadable PDF: {str(e).splitlines()[0][:80]}") from e
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text:
        raise InputError(path, "PDF has no text layer (scanned?); run OCR first")
    return text, str(title)


READERS: dict[str, Callable[[Path], tuple[str, str]]] = {
    ".txt": _read_txt, ".md": _read_md, ".html": _read_html, ".htm": _read_html, ".pdf": _read_pdf,
}


def read_document(path: str | Path) -> Source:
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise InputError(path, f"unsupported file type {path.suffix or '(none)'} "
                               "(expected .txt, .md, .html, .pdf)")
    try:
        text, title = reader(path)
    except OSError as e:
        raise InputError(path, f"cannot read: {e.strerror or e}") from e
    text = normalize_text(text)
    if not text:
        raise InputError(path, "empty file")
    return Source(text=text, origin=str(path), title=title)
