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


@pytest.mark.parametrize("text, body", [
    ("The Velvet Foxes split up in 1990.", "Velvet Foxes"),
    ("The Red Kites broke up in 1990 after a tour.", "Red Kites"),
])
def test_a_group_that_breaks_up_is_a_body_that_ends(text: str, body: str) -> None:
    f = read(text)
    label = {e.key: e.label for e in f.entities}
    assert [(label[c.subject], c.date) for c in f.claims if c.type == "dissolved"] == [(body, "1990")]


def test_two_people_breaking_up_is_no_body() -> None:
    f = read("Tom Hardy and Anna Berg broke up in 1990.")
    assert [e.kind.value for e in f.entities] == ["person", "person"] and f.claims == []


@pytest.mark.parametrize("text, body, value, date", [
    ("In 1921 the Red Workers Party declared itself a communist party.", "Red Workers Party", "communism", "1921"),
    ("The Tarvik Farmers League described itself as a nationalist movement.", "Tarvik Farmers League",
     "nationalism", None),
])
def test_a_body_declaring_what_it_holds(text: str, body: str, value: str, date: str | None) -> None:
    f = read(text)
    label = {e.key: e.label for e in f.entities}
    got = [(label[c.subject], c.value, c.date, label.get(c.according_to or "")) for c in f.claims
           if c.type == "ideology"]
    assert got == [(body, value, date, body)]  # its own account


def test_declaring_another_body_something_is_not_its_own_account() -> None:
    f = read("In 1921 the Red Workers Party declared the Blue League a fascist party.")
    assert [c for c in f.claims if c.type == "ideology" and c.according_to == c.subject] == []


def test_bodies_pooled_under_a_new_holding_company() -> None:
    f = read("In 1990 Nordbank Corporation and Westfield Savings Bank pooled their operations "
             "under a new holding company, Norwest Financial Group.")
    label = {e.key: e.label for e in f.entities}
    got = {(c.type, label[c.subject], label.get(c.object) if c.object else None, c.date) for c in f.claims
           if c.type in ("parent_org", "founded")}
    assert got == {("parent_org", "Nordbank Corporation", "Norwest Financial Group", "1990"),
                   ("parent_org", "Westfield Savings Bank", "Norwest Financial Group", "1990"),
                   ("founded", "Norwest Financial Group", None, "1990")}


@pytest.mark.parametrize("text", [
    "In 1990 the Tarvik Rowing Club placed its boats under the care of the Norland Rowing Federation.",
    "In 2001 Orbis Media Group brought its radio stations under Orbis Radio Holdings.",
])
def test_things_put_under_a_body_are_not_bodies_owned(text: str) -> None:
    f = read(text)
    assert [c for c in f.claims if c.type == "parent_org"] == []


def test_a_bank_and_trust_company_is_one_name() -> None:
    f = read("The Tarvik Savings Bank and Trust Company was founded in 1901.")
    assert [e.label for e in f.entities] == ["Tarvik Savings Bank and Trust Company"]


def claims_of(text: str) -> set[tuple[str, str, str | None, str | None]]:
    f = read(text)
    label = {e.key: e.label for e in f.entities}
    return {(c.type, label[c.subject], label[c.object] if c.object else None, c.date) for c in f.claims
            if not c.negated}


def test_a_later_sentence_of_a_chronology_entry_takes_the_entry_year() -> None:
    got = claims_of("1921 - Delegates who walk out of the congress of the Red Socialist Party found the "
                    "Red Communist Party. The new party joins the Workers International at once.\n"
                    "1922 - The Harbour Rowing Club is founded. It is dissolved later.")
    assert ("member_of", "Red Communist Party", "Workers International", "1921") in got
    assert ("dissolved", "Harbour Rowing Club", None, None) in got  # "later": not 1922


def test_prose_sentences_take_no_entry_year() -> None:
    got = claims_of("The Tarvik Workers League was founded in 1901. It joined the Workers International.")
    assert ("member_of", "Tarvik Workers League", "Workers International", None) in got


@pytest.mark.parametrize("text, body", [
    ("The Tarvik Workers League was banned after the coup of 1933 and never reconstituted.",
     "Tarvik Workers League"),
    ("In 1933 the junta outlawed the Red Workers Party.", "Red Workers Party"),
])
def test_a_body_banned_ends(text: str, body: str) -> None:
    assert ("dissolved", body, None, "1933") in claims_of(text)


@pytest.mark.parametrize("text", [
    "Harbour Rovers Football Club was banned from the league for two years in 1990.",
    "In 1920 the Dock Workers Union banned overtime.",
    "In 1926 the government outlawed the Red Workers Party; it carried on underground and in exile.",
])
def test_bans_that_end_nothing(text: str) -> None:
    assert not [c for c in claims_of(text) if c[0] == "dissolved"]


def test_a_historians_dating_of_a_first_congress() -> None:
    f = read("The Tarvik Workers League was founded in Ostby. The historian Carl Moen dates its first "
             "congress to 1905.")
    label = {e.key: e.label for e in f.entities}
    got = [(label[c.subject], c.date, label.get(c.according_to or "")) for c in f.claims
           if c.type == "founded" and c.date]
    assert got == [("Tarvik Workers League", "1905", "Carl Moen")]
