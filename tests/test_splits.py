"""Breakaways, by the sentences each split rule exists for (fictional organizations)."""
from __future__ import annotations

import pytest

from test_extraction import facts

CASES = [
    ("The Rural Labour League broke away from the Farm Workers Union in 1907.", "1907"),
    ("The Rural Labour League split from the Farm Workers Union in 1907.", "1907"),
    ("In 1907 a group of dissidents broke away from the Farm Workers Union to form the Rural "
     "Labour League.", "1907"),
    ("In 1907 members who left the Farm Workers Union formed the Rural Labour League.", "1907"),
    ("The Rural Labour League was formed in 1907 by members expelled from the Farm Workers "
     "Union.", "1907"),
    ("The Rural Labour League, a splinter group of the Farm Workers Union, was founded in 1907.",
     "1907"),
    ("A splinter group of the Farm Workers Union, the Rural Labour League, was set up in 1907.",
     "1907"),
    ("The Farm Workers Union was founded in 1890. In 1907 a group of former members left to "
     "form the Rural Labour League.", "1907"),
]


@pytest.mark.parametrize("text,date", CASES, ids=[c[0][:50] for c in CASES])
def test_a_breakaway_is_split_from_its_parent(text: str, date: str) -> None:
    assert ("split_from", "Rural Labour League", "Farm Workers Union", date, False, None) in facts(text)


def test_breaking_with_is_not_splitting_from() -> None:
    got = facts("In 1965 the Rural Labour League broke with the Farm Workers Union.")
    assert ("broke_with", "Rural Labour League", "Farm Workers Union", "1965", False, None) in got
    assert not any(c[0] == "split_from" for c in got)
