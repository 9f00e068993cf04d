"""Finding documents and reading them into :class:`~orgline.model.Source` records.

:func:`read_document` is the one place that normalizes text (the stored text is what every
evidence offset points into, and what the source id is hashed from) and the one place that
turns a failure into an :class:`~orgline.errors.InputError` naming the file, with a
one-line cause, so that a batch can report it and go on.
"""
from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterable
from pathlib import Path

from .dating import date_of
from ..errors import InputError
from ..model import Source, normalize_text
from .decoding import Unreadable, decode_text, one_line
from .markdown import markdown_to_text
from .pdf import read_pdf
from .webpage import read_html

SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf")

# bytes, notes -> (text, title or ""); a reader appends to notes what the user should
# know of a file it could read all the same (a declared charset set aside)
Reader = Callable[[bytes, list[str]], tuple[str, str]]


def _read_txt(data: bytes, _notes: list[str]) -> tuple[str, str]:
    return decode_text(data), ""


def _read_md(data: bytes, _notes: list[str]) -> tuple[str, str]:
    return markdown_to_text(decode_text(data))


def _read_pdf(data: bytes, _notes: list[str]) -> tuple[str, str]:
    return read_pdf(data)


READERS: dict[str, Reader] = {
    ".txt": _read_txt, ".md": _read_md, ".html": read_html, ".htm": read_html, ".pdf": _read_pdf,
}


def find_documents(paths: Iterable[str | Path]) -> list[Path]:
    """The documents :func:`walk_documents` finds; the first path that cannot be read
    raises its InputError (for callers that want all or nothing)."""
    files, failed = walk_documents(paths)
    if failed:
        raise failed[0]
    return files


def walk_documents(paths: Iterable[str | Path]) -> tuple[list[Path], list[InputError]]:
    """Files as given, and the files with a readable suffix inside folders (recursively),
    sorted, each file once even when reached twice; and one InputError for each path that
    cannot be read (a folder that cannot be listed, a FIFO, a broken link), so that a
    batch can report each and go on. A file named explicitly is returned whatever its
    suffix, so that reading it reports why it cannot be read rather than skipping it
    silently; inside folders, other files are simply not documents."""
    found: dict[Path, Path] = {}  # resolved -> as the user spelled it
    failed: list[InputError] = []
    for path in map(Path, paths):
        try:
            files = _documents_under(path, failed) if path.is_dir() else [_named_file(path)]
        except InputError as e:
            failed.append(e)
            continue
        for f in files:
            found.setdefault(f.resolve(), f)
    return sorted(found.values()), _once(failed)


def _once(failed: list[InputError]) -> list[InputError]:
    """Each path's error once, though it was reached twice (named, and inside a folder)."""
    seen: dict[Path, InputError] = {}
    for e in failed:
        seen.setdefault(Path(os.path.abspath(e.path)), e)
    return list(seen.values())


def _named_file(path: Path) -> Path:
    cause = _not_a_file(path)
    if cause:
        raise InputError(path, cause)
    return path


def _not_a_file(path: Path) -> str | None:
    """Why ``path`` cannot be read as a document file, or None if it is a regular file.
    A FIFO or device would block or never end if read, so it is refused up front."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "broken symbolic link" if path.is_symlink() else "no such file or folder"
    except OSError as e:
        return f"cannot read: {one_line(e.strerror or e)}"
    if stat.S_ISREG(mode):
        return None
    return "not a regular file (a FIFO, socket or device)"


def _documents_under(folder: Path, failed: list[InputError]) -> list[Path]:
    """The document files under ``folder``; each subfolder that cannot be listed and each
    document-named entry that is not a readable file adds its error to ``failed``.
    Symbolic links to folders are not followed (as Path.rglob), so a loop cannot hang."""
    def unlisted(e: OSError) -> None:
        failed.append(InputError(e.filename or folder, f"cannot read folder: {one_line(e.strerror or e)}"))

    files: list[Path] = []
    for top, dirs, names in os.walk(folder, onerror=unlisted):
        dirs.sort()
        for f in (Path(top) / n for n in names):
            if f.suffix.lower() not in SUFFIXES:
                continue
            cause = _not_a_file(f)
            if cause:
                failed.append(InputError(f, cause))
            else:
                files.append(f)
    return files


def first_line(text: str, limit: int = 80) -> str:
    """A title for a document that names none: its first line, cut at a word within
    ``limit`` characters when it runs on (a first paragraph is no title)."""
    line = next((x.strip() for x in text.splitlines() if x.strip()), "")
    line = line.lstrip("#").strip()
    if len(line) <= limit:
        return line
    sentence = re.match(r".+?[.!?](?=\s)", line)
    if sentence and len(sentence.group(0)) <= limit:
        return sentence.group(0)
    return line[:limit].rsplit(" ", 1)[0].rstrip(",;:-") + "…"


def read_document(path: str | Path, warnings: list[str] | None = None) -> Source:
    """Read one file with the reader for its suffix into a normalized Source.

    Raises InputError(path, cause) for anything that cannot be read; what was read all
    the same but the user should know of goes into ``warnings``, one line naming the
    file each."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise InputError(path, f"unsupported file type {path.suffix or '(no suffix)'} "
                               "(expected .txt, .md, .html, .pdf)")
    notes: list[str] = []
    try:
        data = path.read_bytes()
        text, title = reader(data, notes)
    except FileNotFoundError as e:
        raise InputError(path, "no such file or folder") from e
    except IsADirectoryError as e:
        raise InputError(path, "is a folder, not a file") from e
    except OSError as e:
        raise InputError(path, f"cannot read: {one_line(e.strerror or e)}") from e
    except Unreadable as e:
        raise InputError(path, one_line(e.cause, limit=200)) from e
    if warnings is not None:
        warnings += [f"{path}: {note}" for note in notes]
    text = normalize_text(text)
    if not text.strip():  # e.g. a Markdown file of nothing but syntax
        raise InputError(path, "empty file")
    return Source(text=text, origin=str(path), title=title or first_line(text) or path.stem,
                  date=date_of(path.suffix, data, text))
