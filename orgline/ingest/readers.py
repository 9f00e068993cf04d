"""Finding documents and reading them into :class:`~orgline.model.Source` records.

:func:`read_document` is the one place that normalizes text (the stored text is what every
evidence offset points into, and what the source id is hashed from) and the one place that
turns a failure into an :class:`~orgline.errors.InputError` naming the file, with a
one-line cause, so that a batch can report it and go on.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from ..errors import InputError
from ..model import Source, normalize_text
from .decoding import Unreadable, decode_text, one_line
from .markdown import markdown_to_text
from .pdf import read_pdf
from .webpage import read_html

SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf")

Reader = Callable[[bytes], tuple[str, str]]  # bytes -> (text, title or "")


def _read_txt(data: bytes) -> tuple[str, str]:
    return decode_text(data), ""


def _read_md(data: bytes) -> tuple[str, str]:
    return markdown_to_text(decode_text(data))


READERS: dict[str, Reader] = {
    ".txt": _read_txt, ".md": _read_md, ".html": read_html, ".htm": read_html, ".pdf": read_pdf,
}


def find_documents(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and the files with a readable suffix inside folders (recursively),
    sorted, each file once even when reached twice. A file named explicitly is returned
    whatever its suffix, so that reading it reports why it cannot be read rather than
    skipping it silently; inside folders, other files are simply not documents."""
    found: dict[Path, Path] = {}  # resolved -> as the user spelled it
    for path in map(Path, paths):
        if path.is_dir():
            files = [f for f in path.rglob("*") if f.suffix.lower() in SUFFIXES and f.is_file()]
        elif path.is_file():
            files = [path]
        else:
            raise InputError(path, "no such file or folder")
        for f in files:
            found.setdefault(f.resolve(), f)
    return sorted(found.values())


def read_document(path: str | Path) -> Source:
    """Read one file with the reader for its suffix into a normalized Source.

    Raises InputError(path, cause) for anything that cannot be read."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise InputError(path, f"unsupported file type {path.suffix or '(no suffix)'} "
                               "(expected .txt, .md, .html, .pdf)")
    try:
        text, title = reader(path.read_bytes())
    except FileNotFoundError as e:
        raise InputError(path, "no such file or folder") from e
    except IsADirectoryError as e:
        raise InputError(path, "is a folder, not a file") from e
    except OSError as e:
        raise InputError(path, f"cannot read: {one_line(e.strerror or e)}") from e
    except Unreadable as e:
        raise InputError(path, one_line(e.cause, limit=200)) from e
    text = normalize_text(text)
    if not text.strip():  # e.g. a Markdown file of nothing but syntax
        raise InputError(path, "empty file")
    return Source(text=text, origin=str(path), title=title or path.stem)
