"""The most orgline reads from one document, checked where the file is read.

``MAX_CHARACTERS`` is a whole book several times over: about seven minutes and well under
1 GB at the rate benchmarks/ingest_size/ measured (8 CPU seconds and some 13 MB per
100,000 characters, linear from 25k to 1M). A longer document is refused with an
InputError that names the file, and the rest of a batch goes on.

It lives with reading, not with the model, so that a process that only reads files (the
one that feeds a Dask cluster) never loads spaCy or the date grammar: that alone took about
a second of its CPU (0.9 to 1.0 s), on the path to the first batch.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError

MAX_CHARACTERS = 5_000_000


def check_size(text: str, where: object) -> None:
    """Refuse a text over ``MAX_CHARACTERS`` with a message that says what to do."""
    if len(text) > MAX_CHARACTERS:
        raise InputError(where, f"{len(text):,} characters, over the limit of {MAX_CHARACTERS:,} "
                                "orgline reads from one document; split the file")


def check_file_size(path: Path) -> None:
    """Refuse a plain-text file that cannot be under the limit before reading it whole: a
    character takes at most 4 bytes in UTF-8. (An HTML or PDF file's text can be far
    smaller than the file; those are measured once read.)"""
    if path.suffix.lower() not in (".txt", ".md"):
        return
    try:
        size = path.stat().st_size
    except OSError:
        return  # the reader reports what is wrong with the file
    if size > 4 * MAX_CHARACTERS:
        raise InputError(path, f"{size:,} bytes, over the limit of {MAX_CHARACTERS:,} characters "
                               "orgline reads from one document; split the file")
