"""Every claim type reads as a sentence, asserted and denied, with its date in words: no
page or terminal glues "not" to a verb phrase, and no EDTF notation reaches the reader."""
from __future__ import annotations

import re

import pytest

from orgline.model import CLAIM_TYPES
from orgline.query.sentences import SENTENCES, sentence, verb, when


@pytest.mark.parametrize("type_", list(CLAIM_TYPES))
def test_each_type_has_a_sentence_for_assertion_and_denial(type_: str) -> None:
    assert type_ in SENTENCES
    said = sentence(type_, "Quay Porters Guild", "Harbour Board", "195X")
    denied = sentence(type_, "Quay Porters Guild", "Harbour Board", "195X", negated=True)
    assert said.startswith("Quay Porters Guild") and said.endswith("in the 1950s")
    assert re.search(r"\b(was|did) not\b", denied), denied  # never "did not member of"
    assert "X" not in said.replace("Quay", "") and "/" not in said
    assert verb(type_, True) != verb(type_)


def test_dates_read_in_words_never_as_notation() -> None:
    for edtf, words in [("195X", "in the 1950s"), ("1952/1964", "between 1952 and 1964"), ("../1971", "before 1971"),
                        ("1971-05", "in May 1971"), ("1971-05-03", "on 3 May 1971"), ("1971?", "perhaps 1971")]:
        assert when(edtf) == words
    assert when("1952", "1964") == "from 1952 to 1964" and when(None, "1971") == "until 1971"
