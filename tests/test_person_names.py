"""A person named in full and then by one name is one person; on the real spaCy pipeline,
with sentences written for it."""
from __future__ import annotations

from test_extraction import read


def people(text: str) -> list[set[str]]:
    return [{n.text for n in e.names} for e in read(text).entities if e.kind.value == "person"]


def test_a_surname_after_the_full_name_is_the_same_person() -> None:
    got = people("The Tidewater Boatmen's Union was founded in 1921 by Margaret Quist. "
                 "Quist led the union until 1935.")
    assert {"Margaret Quist", "Quist"} in got and len(got) == 1


def test_a_surname_in_a_band_history() -> None:
    got = people("The Lantern Club formed in Leeds in 1979 around the guitarist Tobias Wren. "
                 "Wren left the band in 1984.")
    assert {"Tobias Wren", "Quist"} not in got
    assert any({"Tobias Wren", "Wren"} <= names for names in got)


def test_two_people_sharing_a_surname_keep_it_apart() -> None:
    got = people("The Harbour Savings Bank was founded in 1890 by Edgar Marsh and Walter Marsh. "
                 "Marsh later sat in parliament.")
    assert not any("Marsh" in names and len(names) > 1 for names in got)


def test_a_given_name_opening_a_sentence_stays_with_the_surname() -> None:
    got = people("Arne Kolberg and Lise Moen founded the Fjord Cinema Club in 1961.")
    assert {"Arne Kolberg"} in got and {"Lise Moen"} in got
    got = people("Arne Kolberg founded the Fjord Savings Bank in 1890.")
    assert {"Arne Kolberg"} in got
    got = people("Former Kolberg aide Lise Moen spoke at the union's congress.")
    assert not any("Former Kolberg" in names for names in got)
