"""The temporal-expression component: :mod:`.timex` run over a Doc.

Each expression becomes a span in ``doc.spans["orgline_dates"]`` labelled with the form
that read it, with ``span._.edtf`` (the EDTF value) and ``span._.timex`` (the whole
record). spaCy's sentences tell the normalizer which dates are founding dates, which
anchor "on its 10th anniversary"; the source's date, when the reader put it in
``doc.user_data[DCT_KEY]``, anchors "yesterday" and "last May".
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from .timex import Timex, find

SPANS_KEY = "orgline_dates"
DCT_KEY = "orgline_dct"  # the source's own date, set on the Doc before this component runs

for _name in ("edtf", "timex"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


def find_timexes(doc: Doc) -> list[Timex]:
    sentences = ([(s.start_char, s.end_char) for s in doc.sents]
                 if doc.has_annotation("SENT_START") else None)
    return find(doc.text, dct=doc.user_data.get(DCT_KEY), sentences=sentences)


@Language.component("orgline_dates_v1")
def dates_component(doc: Doc) -> Doc:
    spans = []
    for t in find_timexes(doc):
        span = doc.char_span(t.start, t.end, alignment_mode="expand", label=t.form)
        if span is not None:
            span._.edtf = t.edtf
            span._.timex = t
            spans.append(span)
    doc.spans[SPANS_KEY] = spans
    return doc


DATE_LINE = re.compile(r"^\s*(?:date|dated|published)\s*:\s*", re.I)


def dateline(text: str) -> str | None:
    """The date a text opens with, to the day or the month: a first line that is a date
    ("22 March 2013", "Date: 22 March 2013") or a dateline ("LEEDS, March 22, 2013 - The
    union said ..."). Only the opening counts: a date inside the story is not the story's."""
    found = read_dateline(text)
    return found[0] if found else None


def read_dateline(text: str) -> tuple[str, int] | None:
    """The opening date (see :func:`dateline`) and where the dateline ends: the offset
    just after its dash, or after the date when it stands alone on its line."""
    lead = len(text) - len(text.lstrip())
    found = _opening_date(text[lead:lead + 200].split("\n", 1)[0])
    return (found[0], lead + found[1]) if found else None


@lru_cache(maxsize=64)
def _opening_date(first: str) -> tuple[str, int] | None:
    """:func:`read_dateline` of a text's first line; asked twice of each text read (for its
    date, then for where its first sentence begins)."""
    label = DATE_LINE.match(first)
    timexes = find(first)
    if not timexes:
        return None
    t = timexes[0]
    if t.anchor is not None or t.precision not in ("day", "month"):
        return None
    before, rest = first[:t.start], first[t.end:]
    place = re.fullmatch(r"\s*(?:[A-Z(][A-Z.'\u2019()-]*[ ,]*)*", before)  # "LEEDS, ", "(AP) "
    alone = re.match(r"\s*(?:\(\w+\)\s*)?(?:[-\u2013\u2014:]+\s*|$)", rest)
    if (label and t.start == label.end()) or (place and alone and (alone.end() < len(rest) or not rest.strip()
                                                                    or alone.group(0).strip())):
        return t.edtf, t.end + (alone.end() if alone else 0)
    return None
