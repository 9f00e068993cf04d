"""Beginnings told with a date and no founder ("originated in", "dates back to", "has existed
since", "began operations", "was raised", "held its founding congress"), each in two kinds of
organization at least, with the look-alikes that begin nothing. Names are made up."""
from __future__ import annotations

import pytest

from test_members import read


def founded(text: str) -> list[tuple[str, str | None]]:
    f = read(text)
    label = {e.key: e.label for e in f.entities}
    return [(label[c.subject], c.date) for c in f.claims if c.type == "founded"]


@pytest.mark.parametrize("text, body, date", [
    ("The Kessel Workers Union originated in 1890 in Leeds.", "Kessel Workers Union", "1890"),
    ("The Harbour Trading Company originated in the 1820s.", "Harbour Trading Company", "182X"),
    ("The Kessel Choral Society dates back to 1526.", "Kessel Choral Society", "1526"),
    ("The Tarvik Savings Bank dates from 1811.", "Tarvik Savings Bank", "1811"),
    ("The Dock Workers Union has existed since 1901.", "Dock Workers Union", "1901"),
    ("The Order of Saint Brigid has existed since 1120.", "Order of Saint Brigid", "1120"),
    ("Nordair Corporation began operations in 1962.", "Nordair Corporation", "1962"),
    ("Radio Tarvik Company commenced broadcasting in March 1962.", "Radio Tarvik Company", "1962-03"),
    ("The Norland Army was raised in 1861.", "Norland Army", "1861"),
    ("The Kessel Regiment was raised in 1861 by Colonel Tom Hardy.", "Kessel Regiment", "1861"),
    ("The Red Workers Party held its founding congress in 1919.", "Red Workers Party", "1919"),
    ("The Harbour Teachers Federation held its inaugural conference in May 1920.",
     "Harbour Teachers Federation", "1920-05"),
])
def test_a_dated_beginning(text: str, body: str, date: str) -> None:
    assert founded(text) == [(body, date)]


@pytest.mark.parametrize("text", [
    "The Kessel Workers Union grew quickly in 1920.",
    "The Harbour Trading Company raised its prices in 1920.",
    "The Kessel Workers Union has existed for a century.",
    "The Kessel Workers Union never existed before 1901.",
    "Nordair Corporation began operations to Paris in 1970.",
    "Nordair Corporation started services between Oslo and Bergen in 1970.",
    "The Kessel Workers Union held its annual congress in 1919.",
    "The Harbour Trading Company dates its letters carefully.",
])
def test_no_beginning(text: str) -> None:
    assert founded(text) == []


def test_originated_from_a_body_is_a_predecessor_not_a_founding_date() -> None:
    f = read("The Kessel Workers Union originated from the Dock Porters Guild in 1890.")
    assert [c.type for c in f.claims if c.type in ("founded", "formed_from")] == ["formed_from"]
