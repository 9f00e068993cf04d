"""NLP: from a Source's text to the entities and claims in it (DocumentFacts).

The spaCy pipeline (model plus orgline's components, see :mod:`.pipeline`) reads the text;
:mod:`orgline.resolve` then turns its mentions and draft claims into entities.
"""
from __future__ import annotations

import gc
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..model import DocumentFacts, Source

if TYPE_CHECKING:
    from .pipeline import DEFAULT_MODEL, load

# The model and the rules are loaded on first use, not on import: a process that only
# stores (the writer beside extracting workers) or only queries never pays for spaCy.
_PIPELINE_NAMES = ("DEFAULT_MODEL", "load", "model_name")


def __getattr__(name: str) -> Any:
    if name in _PIPELINE_NAMES:
        from . import pipeline
        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def extract(source: Source, model: str | None = None) -> DocumentFacts:
    """Read one source, its relative dates against its own date (``source.date``,
    else a dateline it opens with, which is then kept as its date); the pipeline is loaded once per process and model name. A text
    over :data:`orgline.ingest.limits.MAX_CHARACTERS` is refused (InputError), a long one read in
    pieces (:mod:`.pieces`)."""
    from ..resolve.document import resolve_document  # resolve reads the NLP stage's output
    from ..ingest.limits import check_size
    from .dates import dateline
    from .pieces import parse
    from .pipeline import load, model_name

    check_size(source.text, source.origin)
    if source.date is None:
        source.date = dateline(source.text)
    doc = parse(load(model_name(model)), source.text, dct=source.date)
    return resolve_document(doc, source)


def extract_many(sources: list[Source], model: str | None = None) -> list[DocumentFacts | InputError]:
    """``extract`` for several sources at once, the model batching its work over them; a
    source too long to read is its InputError in the list, in its place."""
    from ..resolve.document import resolve_document
    from ..ingest.limits import check_size
    from .dates import dateline
    from .pieces import parse_many
    from .pipeline import load, model_name

    refused: dict[int, InputError] = {}
    readable: list[Source] = []
    for k, source in enumerate(sources):
        try:
            check_size(source.text, source.origin)
        except InputError as e:
            refused[k] = e
            continue
        if source.date is None:
            source.date = dateline(source.text)
        readable.append(source)
    nlp = load(model_name(model))
    with nlp.memory_zone():  # the words these texts taught the vocabulary are forgotten after:
        docs = iter(parse_many(nlp, [(s.text, s.date) for s in readable]))  # memory stays flat
        out = [refused[k] if k in refused else resolve_document(next(docs), s) for k, s in enumerate(sources)]
    del docs  # the list of the batch's Docs, which the iterator holds
    # The batch's Docs and spans hold reference cycles. Left to Python's own schedule they
    # outlived many batches, and peak memory grew with the corpus (1.2x at 10x the
    # documents); collecting the young generations here costs some 0.02 ms a document.
    gc.collect(1)
    return out


__all__ = ["DEFAULT_MODEL", "extract", "extract_many", "load"]
