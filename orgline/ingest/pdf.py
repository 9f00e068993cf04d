"""PDF to text: pypdf's text layer, pages joined by blank lines.

Only the text layer is read: a scanned PDF has none, and OCR is a separate, slow and
lossy step the user should run knowingly, so we say so rather than store nothing. pypdf
raises many exception types on damaged files (its own, and ValueError, KeyError,
zlib errors ... from deep inside); all of them become one short cause.
"""
from __future__ import annotations

import io
import logging


from .decoding import Unreadable, one_line

_CORRUPT = "corrupt or unreadable PDF"

# pypdf logs its repairs ("EOF marker not found") as warnings; with logging unconfigured
# Python prints them bare on stderr, without the file name, beside our own one-line error.
# A NullHandler stops that fallback printing only; a configured root handler still sees them.
logging.getLogger("pypdf").addHandler(logging.NullHandler())


def read_pdf(data: bytes) -> tuple[str, str]:
    """The text of every page and the title from the document information."""
    from pypdf import PdfReader  # imported here: most corpora hold no PDF, and it is slow to load
    from pypdf.errors import DependencyError, FileNotDecryptedError

    if not data.strip():
        raise Unreadable("empty file")
    if b"%PDF-" not in data[:1024]:
        raise Unreadable(f"{_CORRUPT}: no PDF header")
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
        title = (reader.metadata.title if reader.metadata else None) or ""
    except (FileNotDecryptedError, DependencyError) as e:
        raise Unreadable("PDF is encrypted; save an unencrypted copy first") from e
    except Exception as e:  # noqa: BLE001 - any failure inside pypdf means a damaged file
        raise Unreadable(f"{_CORRUPT}: {one_line(e)}") from e
    text = "\n\n".join(page.strip("\n") for page in pages if page.strip())
    if not text:
        raise Unreadable("PDF has no text layer (scanned?); run OCR first")
    return text, " ".join(str(title).split())
