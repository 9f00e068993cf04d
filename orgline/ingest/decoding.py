"""Bytes to text, and the failure every reader shares: ``Unreadable``.

Readers raise :class:`Unreadable` with a cause only; :func:`~orgline.ingest.read_document`
adds the path and turns it into an :class:`~orgline.errors.InputError`, so the one-line
message is built in one place. Text files must be UTF-8 because the stored text is what
every evidence offset points into: guessing a legacy encoding would silently store
mojibake, so we say where the first bad byte is and let the user re-save the file.
"""
from __future__ import annotations

import codecs
import re

BINARY = "no text found (binary file?)"

# Control characters that never occur in prose (tab, newlines, form feed and escape may).
_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\v\f\r\x1b") + b"\x7f"
_SAMPLE = 65536
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


class Unreadable(Exception):
    """A document cannot be read; ``cause`` is what the user is told."""

    def __init__(self, cause: str) -> None:
        super().__init__(cause)
        self.cause = cause


class NotUTF8(Unreadable):
    """The bytes are text, but not UTF-8 (an HTML page may declare another charset)."""


def one_line(message: object, limit: int = 100) -> str:
    """A library's exception message cut to one short line for a cause."""
    text = " ".join(str(message).split()) or type(message).__name__
    return text if len(text) <= limit else text[: limit - 3] + "..."


def check_text_bytes(data: bytes) -> None:
    """Reject empty and binary content before any decoding: NUL bytes, or more than 5% of
    control characters, which prose in any 8-bit encoding or UTF-8 does not have."""
    if not data.strip():
        raise Unreadable("empty file")
    sample = data[:_SAMPLE]
    if b"\x00" in sample or len(sample.translate(None, _CONTROL)) < 0.95 * len(sample):
        raise Unreadable(BINARY)


def decode_text(data: bytes) -> str:
    """UTF-8 text, a leading byte-order mark tolerated (also a UTF-16 one, which Windows
    editors write for "Unicode" and is unambiguous)."""
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec)
            except UnicodeDecodeError as e:
                raise Unreadable(f"not valid UTF-16 (at byte {e.start + 2}); "
                                 "re-save it as UTF-8") from e
    check_text_bytes(data)
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as e:
        raise NotUTF8(f"not valid UTF-8 (at byte {e.start + skip}); "
                      "re-save it as UTF-8") from e


def decode_html(data: bytes) -> str:
    """UTF-8 first (what nearly every page is); otherwise the charset the page declares
    in a ``<meta>`` tag, since browsers honour it and so must we."""
    try:
        return decode_text(data)
    except NotUTF8 as utf8_failure:
        found = _HTML_CHARSET.search(data[:4096])
        if not found or found.group(1).lower() in (b"utf-8", b"utf8"):
            raise
        charset = found.group(1).decode("ascii")
        try:
            codecs.lookup(charset)
        except LookupError:
            raise Unreadable(f"unknown charset {charset!r} declared; "
                             "re-save it as UTF-8") from utf8_failure
        try:
            return data.decode(charset)
        except UnicodeDecodeError as e:
            raise Unreadable(f"not valid {charset} (at byte {e.start}); "
                             "re-save it as UTF-8") from e
