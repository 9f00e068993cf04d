"""NLP: from a Source's text to the entities and claims in it (DocumentFacts).

The spaCy pipeline (model plus orgline's components, see :mod:`.pipeline`) reads the text;
:mod:`orgline.resolve` then turns its mentions and draft claims into entities.
"""
from __future__ import annotations

from ..model import DocumentFacts, Source
from .dates import dateline
from .pieces import check_size, parse
from .pipeline import DEFAULT_MODEL, load, model_name


def extract(source: Source, model: str | None = None) -> DocumentFacts:
    """Read one source, its relative dates against its own date (``source.date``,
    else a dateline it opens with, which is then kept as its date); the pipeline is loaded once per process and model name. A text
    over :data:`.pieces.MAX_CHARACTERS` is refused (InputError), a long one read in
    pieces (:mod:`.pieces`)."""
    from ..resolve import resolve_document  # resolve reads the NLP stage's output

    check_size(source.text, source.origin)
    if source.date is None:
        source.date = dateline(source.text)
    doc = parse(load(model_name(model)), source.text, dct=source.date)
    return resolve_document(doc, source)


__all__ = ["DEFAULT_MODEL", "extract", "load"]
