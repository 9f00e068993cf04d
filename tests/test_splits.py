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


def test_spun_off_as() -> None:
    got = facts("Bakke Instruments was founded in 1952. In 2006 the optics business was spun "
                "off as Fjell Photonics, an independent company based in Bergen.")
    assert ("founded", "Fjell Photonics", None, "2006", False, None) in got


def test_a_new_body_under_an_old_name_is_another_body() -> None:
    from test_extraction import read
    f = read("The Edinburgh Socialist Circle (ESC) was set up in 1931. In 1968 students set up "
             "a new society under the old name, Edinburgh Socialist Circle.")
    founded = [c for c in f.claims if c.type == "founded"]
    assert sorted(c.date or "" for c in founded) == ["1931", "1968"]
    assert len({c.subject for c in founded}) == 2


def test_a_named_electoral_alliance_is_founded() -> None:
    got = facts("In East Germany, New Platform and two other opposition groups set up an electoral "
                "alliance, Bloc 90, in February 1990.")
    assert ("founded", "Bloc 90", None, "1990-02", False, None) in got


def test_a_branch_that_became_an_independent_body() -> None:
    from test_beginnings import claims_of
    got = claims_of("In 1904 the Ontario branch of the Dock Union became an independent union, the "
                    "Ontario Dock Workers Union.")
    assert {("founded", "Ontario Dock Workers Union", None, "1904"),
            ("split_from", "Ontario Dock Workers Union", "Dock Union", "1904")} <= got


def test_houses_that_separated_to_become_a_congregation() -> None:
    from test_beginnings import claims_of
    got = claims_of("In the 1890s the Sisters of Saint Anne established houses in Ontario, which separated "
                    "in 1904 to become an independent congregation, the Sisters of Saint Anne of Norland.")
    assert ("founded", "Sisters of Saint Anne of Norland", None, "1904") in got


def test_becoming_a_new_name_is_no_new_body() -> None:
    from test_beginnings import claims_of
    got = claims_of("In 1990 the Dock Union became the Harbour Union.")
    assert not [c for c in got if c[0] in ("founded", "split_from")]
