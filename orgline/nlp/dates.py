"""The temporal-expression component: :mod:`.timex` run over a Doc.

Each expression becomes a span in ``doc.spans["orgline_dates"]`` labelled with the form
that read it, with ``span._.edtf`` (the EDTF value) and ``span._.timex`` (the whole
record). spaCy's sentences tell the normalizer which dates are founding dates, which
anchor "on its 10th anniversary".
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .timex import Timex, find

SPANS_KEY = "orgline_dates"

for _name in ("edtf", "timex"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


def find_timexes(doc: Doc) -> list[Timex]:
    sentences = ([(s.start_char, s.end_char) for s in doc.sents]
                 if doc.has_annotation("SENT_START") else None)
    return find(doc.text, sentences)


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
