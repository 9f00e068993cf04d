"""A source's own date: what the document says of itself, as EDTF.

News, minutes and letters say "yesterday" or "last May", which mean something only
against the day they were written. That day is read from the document, never guessed
from its words: an HTML page's metadata (``article:published_time``, JSON-LD
``datePublished``, ``dc.date``, ``<time>``: htmldate reads these, with its extensive
search of the text turned off), a PDF's creation date, a Markdown front matter's
``date:``. A dateline that a text opens with ("LEEDS, March 22, 2013 -") is read by the
NLP stage with the rest of the words; the user may give or correct the date
(``orgline ingest --date``).
"""
from __future__ import annotations

import io
import logging
import re

from ..edtf import bounds
from .markdown import front_matter_value



def date_of(suffix: str, data: bytes, text: str) -> str | None:
    """The EDTF date a document gives itself, or None."""
    suffix = suffix.lower()
    if suffix in (".html", ".htm"):
        return _html_date(data)
    if suffix == ".pdf":
        return _pdf_date(data)
    if suffix == ".md":
        value = front_matter_value(data.decode("utf-8", "replace"), "date")
        if value:
            return _one_date(value)
    return None  # a plain text's dateline is read with its words (orgline.nlp.dates)


def _one_date(text: str) -> str | None:
    """An ISO date or part of one ("2013-03-22", "2013-03"), as YAML front matter writes it."""
    iso = re.match(r"\s*[\"']?(\d{4}-\d\d-\d\d|\d{4}-\d\d|\d{4})(?![\d-])", text)
    return iso.group(1) if iso and bounds(iso.group(1)) else None


def _html_date(data: bytes) -> str | None:
    from htmldate import find_date  # trafilatura's own date reader
    logging.getLogger("htmldate").setLevel(logging.ERROR)
    try:
        day = find_date(data.decode("utf-8", "replace"), extensive_search=False,
                        original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001 - a page without a readable date is still a page
        return None
    return day if day and bounds(day) else None


def _pdf_date(data: bytes) -> str | None:
    from pypdf import PdfReader
    try:
        created = PdfReader(io.BytesIO(data)).metadata
        day = created.creation_date if created else None
    except Exception:  # noqa: BLE001 - broken metadata is no date, not a broken file
        return None
    return day.date().isoformat() if day else None
