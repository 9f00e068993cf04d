"""More ways English says a person belongs to a band, a team, a party or a club
(orgline/nlp/rules/members.py, orgline/nlp/mentions.py), each in two kinds of body at
least, on the real spaCy pipeline; made-up names throughout. Each phrasing has its
sentences that must give nothing."""
from __future__ import annotations

import pytest

from orgline.model import DocumentFacts, Source
from orgline.nlp import extract


def read(text: str) -> DocumentFacts:
    return extract(Source(text=text, origin="test.txt"))


def members(text: str) -> set[tuple[str, str]]:
    f = read(text)
    label = {e.key: e.label for e in f.entities}
    return {(label[c.subject], label.get(c.object or "", "")) for c in f.claims
            if c.type == "member_of" and not c.negated}


def kinds(text: str) -> dict[str, str]:
    return {e.label: e.kind.value for e in read(text).entities}


# -- taken on later: "later recruiting singer C", "the band hired drummer D" -------------

@pytest.mark.parametrize("text, body, people", [
    ("The Velvet Harrows were formed in 1982 by guitarist Tom Brierly and bassist Nick Ashdown, "
     "later recruiting singer Paula Renwick and drummer Sam Ostler.",
     "Velvet Harrows", {"Paula Renwick", "Sam Ostler", "Tom Brierly", "Nick Ashdown"}),
    ("Greystone Rovers Football Club signed striker Tomas Blum in 2004 and later added "
     "goalkeeper Ian Shore.", "Greystone Rovers Football Club", {"Tomas Blum", "Ian Shore"}),
    ("The rock band Harbour Lights was formed in 1994. In 1996 the band hired drummer Ivo Petrak.",
     "Harbour Lights", {"Ivo Petrak"}),
])
def test_people_taken_on_with_a_title_are_members(text: str, body: str, people: set[str]) -> None:
    assert {(p, body) for p in people} <= members(text)


def test_a_later_recruit_is_not_dated_by_the_founding() -> None:
    f = read("The Velvet Harrows were formed in 1982 by guitarist Tom Brierly, later recruiting "
             "drummer Sam Ostler.")
    label = {e.key: e.label for e in f.entities}
    dates = {c.date for c in f.claims if c.type == "member_of" and label[c.subject] == "Sam Ostler"}
    assert dates == {None}


@pytest.mark.parametrize("text", [
    "The National Bank hired Ann Cole as a clerk in 1990.",
    "Anna Lind joined the bank as a clerk in 1990.",
    "Newly signed striker Tomas Blum scored twice against Greystone Rovers.",
    "The Harlow Rugby Club hired lawyer Ann Cole in 1990.",
])
def test_hiring_without_a_band_or_team_title_is_no_membership(text: str) -> None:
    assert members(text) == set()


# -- "A, who was in X", "A played in X" ------------------------------------------------

@pytest.mark.parametrize("text, person, body", [
    ("Ruth Calder, who was in the Ember Quartet during this time, wrote most of the songs.",
     "Ruth Calder", "Ember Quartet"),
    ("Before 1990 Sara Lund was in the Workers Party.", "Sara Lund", "Workers Party"),
])
def test_being_in_a_body(text: str, person: str, body: str) -> None:
    assert (person, body) in members(text)


@pytest.mark.parametrize("text", [
    "Ruth Calder, who was in Paris during this time, wrote most of the songs.",
    "Tom Ruiz was in the youth wing of the Green Party.",
    "Tom Ruiz was in the Bank of Ireland for ten years.",
    "Tom Ruiz was active in Berlin in 1990.",
])
def test_being_in_a_place_or_an_employer_is_no_membership(text: str) -> None:
    assert members(text) == set()


# -- coordinated titles share their body ------------------------------------------------

@pytest.mark.parametrize("text, person, bodies", [
    ("Mara Quist is the bassist and one of the songwriters of the punk band Grey Static.",
     "Mara Quist", {"Grey Static"}),
    ("Jonas Weir is the drummer and one of the founders of the rock band Hollow Pines, as well as "
     "drummer of the folk band Tinder Road.", "Jonas Weir", {"Hollow Pines", "Tinder Road"}),
    ("Tom Ruiz is the captain and one of the founders of the Harlow Rugby Club.",
     "Tom Ruiz", {"Harlow Rugby Club"}),
    ("Lena Holm was the singer and keyboardist of the Velvet Harrows Band.", "Lena Holm",
     {"Velvet Harrows Band"}),
])
def test_coordinated_titles_share_their_body(text: str, person: str, bodies: set[str]) -> None:
    assert {(person, b) for b in bodies} <= members(text)


def test_a_coordinated_title_of_an_employer_is_no_membership() -> None:
    assert members("Ann Cole is the pianist and one of the founders of the Harlow Music School.") == set()
