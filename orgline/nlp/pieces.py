"""Long texts read in bounded pieces, so that time and memory grow with the text's length.

spaCy's model reads a text in one pass, but two costs grow faster than the text: orgline's
components look at a word's sentence (``token.sent`` walks it) for many words, so one
sentence of 50,000 characters took minutes; and spaCy refuses a text over
``nlp.max_length`` (1,000,000 characters by default, error E088). So a text longer than
``PIECE_CHARACTERS`` is cut, where a reader would cut it (a blank line, else a line break,
else a sentence end), into pieces of at most that many characters; a run of text with no
sentence end longer than ``SENTENCE_CHARACTERS`` (a list of clauses, a table flattened to
one line) is cut at a semicolon, else a comma, else a space, and each part is a piece of
its own, so the parser ends a sentence there. The model (tagger, parser, NER, the line
component) reads each piece; ``Doc.from_docs`` joins them into one Doc whose text is the
original text, character for character, so every offset points where it did. orgline's
own components (dates, mentions, acronyms, claims) then run on the joined Doc: they link
an acronym to its long form and "the group" to the body in focus across the whole text.

A cut falls only where whitespace ends and a word begins, never inside a token or a run
of whitespace, so the pieces hold the same tokens as the whole text would. A text of at
most ``PIECE_CHARACTERS`` is read whole, exactly as before pieces existed.

The most orgline reads from one document is :data:`orgline.ingest.limits.MAX_CHARACTERS`.
Pieces of 20,000 characters keep the model's working memory near 70 MB; a 2,000-character
bound on a sentence is far above prose's (a few hundred) and keeps the rules' per-sentence
work small.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from .dates import DCT_KEY, read_dateline

PIECE_CHARACTERS = 20_000
SENTENCE_CHARACTERS = 2_000

# Where a piece may end, best first; each match ends where whitespace ends.
_PARAGRAPH = re.compile(r"\n[^\S\n]*\n\s*")
_LINE = re.compile(r"\n\s*")
_SENTENCE = re.compile(r"[.!?][\"'\u2019\u201d)\]]*\s+")
_SEMICOLON = re.compile(r";\s+")
_COMMA = re.compile(r",\s+")
_SPACE = re.compile(r"\s+")
READER_CUTS = (_PARAGRAPH, _LINE, _SENTENCE, _SEMICOLON, _COMMA, _SPACE)
CLAUSE_CUTS = (_SEMICOLON, _COMMA, _SPACE)


def _cuts(text: str, start: int, end: int, pattern: re.Pattern[str]) -> list[int]:
    """Offsets inside ``(start, end)`` where ``pattern``'s whitespace ends and a word begins."""
    return [m.end() for m in pattern.finditer(text, start, end)
            if start < m.end() < end and not text[m.end()].isspace()]


def _pack(text: str, start: int, end: int, size: int,
          levels: tuple[re.Pattern[str], ...]) -> Iterator[tuple[int, int]]:
    """``[start, end)`` as consecutive spans of at most ``size`` characters, cut at the
    first level's points where they suffice, a too-long part cut again at the next level's.
    A part with no cut point at all (one huge word) is left whole."""
    if end - start <= size or not levels:
        yield start, end
        return
    bounds = [start] + _cuts(text, start, end, levels[0]) + [end]
    begin = start
    for a, b in zip(bounds, bounds[1:]):
        if b - a > size:  # a part too long by itself: cut it at the next level
            if a > begin:
                yield begin, a
            yield from _pack(text, a, b, size, levels[1:])
            begin = b
        elif b - begin > size:
            yield begin, a
            begin = a
    if end > begin:
        yield begin, end


def _clauses(text: str, start: int, end: int, size: int) -> Iterator[tuple[int, int]]:
    """A piece with each run of more than ``size`` characters without a sentence end or a
    line break cut into parts of at most ``size`` at clause points, each part apart."""
    bounds = [start] + sorted(set(_cuts(text, start, end, _SENTENCE) + _cuts(text, start, end, _LINE))) + [end]
    begin = start
    for a, b in zip(bounds, bounds[1:]):
        if b - a > size:
            if a > begin:
                yield begin, a
            yield from _pack(text, a, b, size, CLAUSE_CUTS)
            begin = b
    if end > begin:
        yield begin, end


def pieces(text: str, size: int = PIECE_CHARACTERS,
           sentence: int = SENTENCE_CHARACTERS) -> list[tuple[int, int]]:
    """The ``[start, end)`` spans a text is read in: consecutive, covering it all."""
    if len(text) <= size:
        return [(0, len(text))]
    return [part for a, b in _pack(text, 0, len(text), size, READER_CUTS)
            for part in _clauses(text, a, b, sentence)]


def _batches(spans: list[tuple[int, int]], size: int) -> Iterator[list[tuple[int, int]]]:
    """Consecutive pieces of at most ``size`` characters together: the model's working
    memory grows with the characters of a batch (nlp.pipe's default of 1,000 pieces
    would hold a whole long text's activations at once)."""
    batch: list[tuple[int, int]] = []
    for a, b in spans:
        if batch and b - batch[0][0] > size:
            yield batch
            batch = []
        batch.append((a, b))
    if batch:
        yield batch


def _whole_document(nlp: Language) -> list[str]:
    """orgline's components, which read the joined Doc; the others read each piece."""
    from .pipeline import ORGLINE_COMPONENTS
    return [name for name in nlp.pipe_names if name in ORGLINE_COMPONENTS]


def _after_dateline(doc: Doc) -> None:
    """ "LEEDS, 22 March 2013 - The guild was dissolved yesterday": the story's first
    sentence begins after the dateline, so that the town is not read as its subject (the
    parser keeps sentence starts set before it)."""
    found = read_dateline(doc.text)
    if found is None:
        return
    span = doc.char_span(found[1], len(doc.text), alignment_mode="expand")
    if span is not None and span.start > 0:
        doc[span.start].is_sent_start = True


def parse(nlp: Language, text: str, size: int = PIECE_CHARACTERS,
          sentence: int = SENTENCE_CHARACTERS, dct: str | None = None) -> Doc:
    """Read a text with the whole pipeline, in pieces when it is longer than ``size``;
    ``dct``, the source's own date, anchors "yesterday" and "last May"."""
    spans = pieces(text, size, sentence)
    if len(spans) == 1:
        doc = nlp.make_doc(text)
        doc.user_data[DCT_KEY] = dct
        _after_dateline(doc)
        return nlp(doc)
    whole = _whole_document(nlp)
    docs = []
    for batch in _batches(spans, size):
        for doc in nlp.pipe((text[a:b] for a, b in batch), disable=whole, batch_size=len(batch)):
            doc.tensor = numpy.zeros((0,), dtype="float32")  # nothing after reads it
            docs.append(doc)
    # the stubs lack ``exclude``; no user data or spans are set before joining
    doc = Doc.from_docs(docs, ensure_whitespace=False,
                        exclude=["tensor", "user_data", "spans"])  # type: ignore[call-arg]
    doc.user_data[DCT_KEY] = dct
    for name in whole:
        doc = nlp.get_pipe(name)(doc)
    return doc


def parse_many(nlp: Language, texts: list[tuple[str, str | None]], size: int = PIECE_CHARACTERS,
               sentence: int = SENTENCE_CHARACTERS) -> list[Doc]:
    """Read several (text, dct) at once: the short ones together through ``nlp.pipe``,
    which batches the model's work (a third faster than one call per text on the small
    English model), a long one in pieces as ``parse`` does. Docs come back in order."""
    short = []
    for text, dct in texts:
        if len(text) <= size:
            doc = nlp.make_doc(text)
            doc.user_data[DCT_KEY] = dct
            _after_dateline(doc)
            short.append(doc)
    read = iter(nlp.pipe(short, batch_size=max(1, len(short))))
    return [next(read) if len(text) <= size else parse(nlp, text, size, sentence, dct) for text, dct in texts]
