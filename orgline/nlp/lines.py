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
from spacy.tokens import Doc

ENTRY = re.compile(r"(?:(?:1[0-9]{3}|20[0-9]{2})\s*[-\u2013\u2014:]|[-*\u2022]\s|[0-9]{1,2}[.)]\s)")


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
                    break
                t.is_sent_start = False
    return doc
