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


def decode_html(data: bytes, notes: list[str] | None = None) -> str:
    """A page's text, its declared charset verified rather than trusted.

    A byte-order mark wins. A page declaring UTF-16 or UTF-32 must show its zero bytes
    (markup is mostly ASCII, so one byte in two, or three in four, is zero); one that
    does not cannot be what it says, however cleanly its bytes pair up into CJK. Then
    UTF-8, whose rules almost no other text passes by chance; then the declared charset,
    strictly, its text free of control characters. A declaration that fails gives way to
    UTF-8, then Windows-1252, and ``notes`` gets a line saying so; if neither reads the
    bytes cleanly the page is refused, never stored as mojibake."""
    notes = [] if notes is None else notes
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text(data)
    label, charset = _declared(data)
    wide = _wide_codec(data, charset)
    if wide:
        return _strict(data, wide) or _fallback(data, label, f"is not valid {label}", notes)
    if charset in _WIDE:
        return _fallback(data, label, f"has neither a byte-order mark nor the zero bytes of {label}", notes)
    try:
        text = decode_text(data)
    except NotUTF8:
        if label is None or charset == "utf-8":
            raise
        if charset is None:
            return _fallback(data, label, "is an unknown charset", notes)
        return _strict(data, charset) or _fallback(data, label, f"is not valid {label}", notes)
    if charset not in (None, "utf-8") and not data.isascii():
        notes.append(f"declares charset {label} but is UTF-8; read as UTF-8")
    return text


# UTF-16 and UTF-32 without a byte-order mark: which byte of each unit is zero in ASCII
_WIDE = frozenset({"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"})
# Browsers read these labels as Windows-1252 (WHATWG Encoding), and so do we
_AS_CP1252 = {"latin-1", "iso8859-1", "ascii", "cp1252"}
# C0 controls other than tab, newlines, form feed and escape, and every C1 control:
# text in its right charset has none; text in a wrong single-byte one often does
_IMPLAUSIBLE = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")


def _declared(data: bytes) -> tuple[str | None, str | None]:
    """The label a ``<meta>`` tag declares (zero bytes dropped, so a UTF-16 page's is
    found too) and Python's name for that charset, None for either if there is none or
    Python does not know it."""
    found = _HTML_CHARSET.search(data[:8192].replace(b"\x00", b""))
    if not found:
        return None, None
    label = found.group(1).decode("ascii").lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return label, None
    return label, "cp1252" if name in _AS_CP1252 else name


def _wide_codec(data: bytes, charset: str | None) -> str | None:
    """The UTF-16/32 codec with the byte order the zero bytes show, if ``charset`` is one
    of them and at least a third of the units of the first 4 kB have the ASCII pattern."""
    if charset not in _WIDE:
        return None
    size = 4 if charset.startswith("utf-32") else 2
    sample = data[:4096]
    sample = sample[: len(sample) - len(sample) % size]
    units = [sample[i:i + size] for i in range(0, len(sample), size)]
    if not units:
        return None
    family = f"utf-{size * 8}"
    little = sum(u[0] != 0 and not any(u[1:]) for u in units)
    big = sum(u[-1] != 0 and not any(u[:-1]) for u in units)
    if max(little, big) * 3 < len(units):
        return None
    return f"{family}-le" if little > big else f"{family}-be"


def _strict(data: bytes, charset: str, plausible: bool = True) -> str | None:
    """``data`` in ``charset`` if every byte decodes and (``plausible``) no control
    character results. Valid UTF-8 needs no such check: chance does not produce it."""
    try:
        text = data.decode(charset)
    except (UnicodeDecodeError, LookupError):
        return None
    return None if plausible and _IMPLAUSIBLE.search(text) else text


def _fallback(data: bytes, label: str | None, why: str, notes: list[str]) -> str:
    """UTF-8, else Windows-1252, noting that the declaration was set aside; refused if
    neither reads every byte."""
    for charset, name in (("utf-8", "UTF-8"), ("cp1252", "Windows-1252")):
        text = _strict(data, charset, plausible=charset != "utf-8")
        if text is not None:
            notes.append(f"declares charset {label} but {why}; read as {name}")
            return text
    raise Unreadable(f"declares charset {label} but {why}, and is neither UTF-8 nor "
                     "Windows-1252; re-save it as UTF-8")
