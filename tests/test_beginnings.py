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
    ("The Harlow Gazette is a daily newspaper. It was first published in 1901.", "Harlow Gazette", "1901"),
    ("The Tarvik Courier is a weekly newspaper. It was first published in 1889.", "Tarvik Courier", "1889"),
    ("Nordbank is a Danish bank. It traces its history to 1857.", "Nordbank", "1857"),
    ("Tarvik University is a public university. The university was chartered in 1832.",
     "Tarvik University", "1832"),
    ("The Harbour Savings Bank was chartered by the state in 1811.", "Harbour Savings Bank", "1811"),
    ("The Norland Film Academy is a film school. Since its inception in 1989, it has trained "
     "4,000 students.", "Norland Film Academy", "1989"),
    ("Tarvik Rovers F.C. is a football club. The club was founded in 1901.", "Tarvik Rovers F.C.", "1901"),
    ("FK Harlow Sloboda is a Serbian football club founded in 1921.", "FK Harlow Sloboda", "1921"),
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
    "The Harlow Gazette published the report in 1901.",
    "The report was first published in 1901 by the Harlow Gazette.",
    "The Kessel Workers Union first appeared in the strike of 1901.",
    "The Harbour Trading Company chartered a ship in 1901.",
    "The Delmar Trust is a charity. Since its inception in 1990, the award has been given to 30 writers.",
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


@pytest.mark.parametrize("text, body, date", [
    ("Tarvik Grammar School opened in 1901.", "Tarvik Grammar School", "1901"),
    ("The Kessel Museum opened to the public in 1930.", "Kessel Museum", "1930"),
    ("The Harbour Rowing Club (founded 1901) is based in Tarvik.", "Harbour Rowing Club", "1901"),
    ("The Kessel Savings Bank, established 1811, is based in Ostby.", "Kessel Savings Bank", "1811"),
    ("The Harbour Rowing Club has its origins in 1901.", "Harbour Rowing Club", "1901"),
])
def test_more_ways_a_beginning_is_dated(text: str, body: str, date: str) -> None:
    assert founded(text) == [(body, date)]


@pytest.mark.parametrize("text", [
    "The Kessel Museum opened a new wing in 1930.",
    "The Kessel Museum opened every day in 1930.",
    "The Harbour Rowing Club has its roots in the labour movement.",
    "Anna Berg (1901–1946) was a rower in Tarvik.",
])
def test_no_beginning_either(text: str) -> None:
    assert founded(text) == []


@pytest.mark.parametrize("text, body, begun, ended", [
    ("The Harbour Rowing Club existed from 1901 to 1946.", "Harbour Rowing Club", "1901", "1946"),
    ("The Kessel Workers Union existed until 1946.", "Kessel Workers Union", None, "1946"),
    ("The Harbour Rowing Club (1901–1946) was a club in Tarvik.", "Harbour Rowing Club", "1901", "1946"),
    ("The Norland Savings Bank went defunct in 1946.", "Norland Savings Bank", None, "1946"),
])
def test_when_a_body_existed(text: str, body: str, begun: str | None, ended: str) -> None:
    got = claims_of(text)
    assert ("dissolved", body, None, ended) in got
    assert [c[3] for c in got if c[0] == "founded"] == ([begun] if begun else [])


@pytest.mark.parametrize("text", [
    "She was visiting professor at Tarvik (2007), Oxford (2009 - 2014) and Harvard (2011).",
    "The bulletin was edited by the secretary Ole Vangen (1898-1977), who also wrote its history.",
])
def test_bracketed_years_of_a_post_or_a_life_are_no_body_span(text: str) -> None:
    assert not [c for c in claims_of(text) if c[0] in ("founded", "dissolved")]


@pytest.mark.parametrize("text, names", [
    ("The Harbour Club was founded in 1901 by a merger of Tarvik Rovers and Kessel United.",
     {"Tarvik Rovers", "Kessel United"}),
    ("Tom Bale plays for Harlow Athletic.", {"Harlow Athletic"}),
])
def test_a_clubs_last_word_makes_a_name(text: str, names: set[str]) -> None:
    kinds = {e.label: e.kind.value for e in read(text).entities}
    assert all(kinds.get(n) == "org" for n in names), kinds


@pytest.mark.parametrize("text, name", [
    ("Brighton and Hove Albion won the cup in 1910.", "Brighton and Hove Albion"),
    ("He moved to the United States in 1990.", "United States"),
])
def test_a_club_word_inside_a_name_keeps_it_whole(text: str, name: str) -> None:
    assert name in {e.label for e in read(text).entities}
