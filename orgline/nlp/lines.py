"""Line breaks as sentence boundaries, set before the parser runs.

Chronologies and lists put one statement per line ("1991 - In June ..."), and the parser
would glue a line's leading year onto the sentence before it. A line after a blank line,
or one that opens with a dated entry ("1991 -") or a bullet, starts a sentence, and the
entry's marker stays with its line. Wrapped prose (a single newline inside a sentence,
as PDFs give) is left to the parser; no sentence starts after a slash inside a word.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Token

from .lexicon import EVENT_VERBS

ENTRY = re.compile(r"(?:(?:1[0-9]{3}|20[0-9]{2})\s*[-\u2013\u2014:]|[-*\u2022]\s|[0-9]{1,2}[.)]\s)")


def _verb_first(tok: Token) -> None:
    """ "1911 - Absorbs the Boatmen's Club": the tagger takes a capitalized verb opening a
    line for a name ("Absorbs", "Moves", "Affiliates"); an event verb's third person there
    is the verb, so the line's subject is the body the chronology is about."""
    word = tok.lower_
    if not tok.text[:1].isupper() or tok.tag_ == "VBZ" or not word.endswith("s"):
        return
    stems = [word[:-1]] + ([word[:-2]] if word.endswith("es") else [])
    if any(stem in EVENT_VERBS for stem in stems):
        tok.tag_ = "VBZ"


@Language.component("orgline_lines_v1")
def lines_component(doc: Doc) -> Doc:
    for tok in doc[1:]:  # "Union 44/The Reds": no sentence starts after a slash
        if doc[tok.i - 1].text == "/" and not doc[tok.i - 1].whitespace_:
            tok.is_sent_start = False
    text = doc.text  # Doc.text joins every token: read it once, not once per line
    for tok in doc[:-1]:
        if "\n" not in tok.text_with_ws:
            continue
        nxt = doc[tok.i + 1]
        blank = "\n\n" in tok.text_with_ws or (tok.is_space and tok.text.count("\n") >= 2)
        entry = ENTRY.match(text, nxt.idx)
        if not (blank or entry):
            continue
        nxt.is_sent_start = True
        if entry:  # "1991 -" opens the sentence that follows it, not one of its own
            for t in doc[nxt.i + 1:]:
                if t.idx >= entry.end():
                    t.is_sent_start = False
                    _verb_first(t)
                    break
                t.is_sent_start = False
    return doc
