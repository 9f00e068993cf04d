"""People who belong to organizations (member_of with a person subject), each phrasing in
sentences written for it about at least two kinds of body, on the real spaCy pipeline;
and sentences that must give no membership."""
from __future__ import annotations

from test_extraction import facts


def members(text: str) -> set[tuple[object, ...]]:
    return {(c[1], c[2]) for c in facts(text) if c[0] == "member_of" and not c[4]}


def test_a_role_noun_between_the_body_and_the_person() -> None:
    assert ("Tomas Reyes", "Harbour Lights") in members(
        "Harbour Lights bassist Tomas Reyes wrote most of the second album.")
    assert ("Olga Brandt", "Green Valley Party") in members(
        "In the 2004 election Green Valley Party candidate Olga Brandt won the seat.")
    assert ("Anton Weiss", "Eastbay Rovers") in members(
        "The Eastbay Rovers goalkeeper Anton Weiss saved two penalties in the final.")


def test_a_role_noun_describing_the_person() -> None:
    assert ("Mira Holt", "Harvest Party") in members("Mira Holt is a Harvest Party politician from Dalby.")
    assert ("Anton Weiss", "Eastbay Rovers") in members(
        "Anton Weiss, a former Eastbay Rovers striker, now coaches in Bergen.")
    assert ("Mira Holt", "Harvest Party") in members(
        "Mira Holt served as leader of the Harvest Party from 2009 to 2014.")


def test_a_party_in_brackets_after_a_name() -> None:
    got = members("The mayor is Ingrid Solberg (Coastal Party) and her deputy is Karin Vik (Harvest Party).")
    assert {("Ingrid Solberg", "Coastal Party"), ("Karin Vik", "Harvest Party")} <= got


def test_the_people_a_body_consists_of() -> None:
    got = members("The Quiet Engine is a quartet formed in 1990 consisting of Ana Ruiz, Ben Cole "
                  "and Dara Finn.")
    assert {("Ana Ruiz", "Quiet Engine"), ("Ben Cole", "Quiet Engine"), ("Dara Finn", "Quiet Engine")} <= got


def test_founders_named_by_a_members_role() -> None:
    got = members("The Night Ferries were formed in 1982 by guitarist Leo Marsh and drummer Kit Hale.")
    assert {("Leo Marsh", "Night Ferries"), ("Kit Hale", "Night Ferries")} <= got
    assert not members("The Harbour Savings Bank was founded in 1890 by Edgar Lindqvist.")


def test_a_person_who_left_or_played_for_a_body() -> None:
    assert ("Kit Hale", "Night Ferries") in members("Drummer Kit Hale left the Night Ferries in 1988.")
    assert ("Olga Brandt", "Green Valley Party") in members("In 2011 Olga Brandt quit the Green Valley Party.")
    assert ("Anton Weiss", "Eastbay Rovers") in members(
        "Anton Weiss played for the Eastbay Rovers from 1990 to 1996.")


def test_no_membership_where_none_is_said() -> None:
    assert not members("Acme Shipping spokesman John Reed declined to comment.")
    assert not members("Ana Ruiz (born 1961) is a Spanish painter.")
    assert not members("In 1999 Ana Ruiz left Madrid for Lisbon.")
    assert not members("The plan consists of three phases agreed by the Harbour Board.")


def test_leaving_dates_the_end_of_a_membership_not_its_start() -> None:
    from test_extraction import read
    f = read("Drummer Kit Hale left the Night Ferries in 1988.")
    (claim,) = [c for c in f.claims if c.type == "member_of"]
    assert (claim.date, claim.end) == (None, "1988")


def test_admitted_or_elected_a_fellow() -> None:
    assert ("Anton Weiss", "Eastbay Rowing Club") in members(
        "Anton Weiss was admitted to the Eastbay Rowing Club in 1898.")
    assert ("Margaret Holt", "Royal Society of Glaciology") in members(
        "In 1990 Margaret Holt was elected a Fellow of the Royal Society of Glaciology.")
    assert ("Margaret Holt", "Norland Academy of Sciences") in members(
        "Margaret Holt was elected a Fellow of the Norland Academy of Sciences in 1990.")
    assert not members("In 1990 Mira Holt was admitted to hospital in Leeds.")
