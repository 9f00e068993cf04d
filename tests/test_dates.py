"""The date forms of the first slice, table-driven: text in, EDTF out."""
from __future__ import annotations

import pytest
import spacy

from orgline.edtf import bounds
from orgline.nlp.dates import find_timexes

nlp = spacy.blank("en")

CASES = [
    ("The league was founded in 1983.", ["1983"]),
    ("It published a pamphlet in May 1994.", ["1994-05"]),
    ("The union began in the spring of 1937.", ["1937-21"]),
    ("It was launched on 1 December 1985 in Durban.", ["1985-12-01"]),
    ("It was launched on December 1, 1985.", ["1985-12-01"]),
    ("It was absorbed in the late 1960s.", ["1966/1969"]),
    ("Membership grew in the 1980s.", ["198X"]),
    ("It was founded in 1971 and joined the federation the following year.", ["1971", "1972"]),
    ("It was founded in 1960. Two years later it adopted a manifesto.", ["1960", "1962"]),
    ("Tom Vane (1939-2016) wrote it.", []),
    ("It had 1,983 members and 250 branches.", []),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_dates_normalize_to_edtf(text: str, expected: list[str]) -> None:
    assert [t.edtf for t in find_timexes(nlp(text))] == expected


@pytest.mark.parametrize("edtf,lo,hi", [
    ("1983", 19830101, 19831231), ("1994-05", 19940501, 19940531),
    ("196X", 19600101, 19691231), ("1966/1969", 19660101, 19691231),
])
def test_bounds_are_calendar_days(edtf: str, lo: int, hi: int) -> None:
    assert bounds(edtf) == (lo, hi)


def test_invalid_edtf_has_no_bounds() -> None:
    assert bounds("not a date") is None and bounds(None) is None
