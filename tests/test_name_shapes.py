"""Names the small model cuts or mistypes, kept whole and typed by what the text says they
are (orgline/nlp/mentions.py); fictional names, two kinds of body per shape."""
from __future__ import annotations

import pytest

from orgline.model import Source
from orgline.nlp import extract


def kinds(text: str) -> dict[str, str]:
    return {e.label: e.kind.value for e in extract(Source(text=text, origin="t.txt")).entities}


@pytest.mark.parametrize("text, name", [
    ("The Tanners' and Cutlers' Guild was founded in 1601.", "Tanners' and Cutlers' Guild"),
    ("In 1890 the Bakers' and Millers' Union was dissolved.", "Bakers' and Millers' Union"),
])
def test_a_possessive_name_is_kept_whole(text: str, name: str) -> None:
    assert kinds(text).get(name) == "org"


@pytest.mark.parametrize("text, name", [
    ("In 1921 the Essex and Suffolk Fruit Growers merged with the Northern Orchards Union.",
     "Essex and Suffolk Fruit Growers"),
    ("In 1921 the Kent and Sussex Growers merged with the Weald Hop Union.", "Kent and Sussex Growers"),
])
def test_places_coordinated_at_the_head_of_a_name_are_part_of_it(text: str, name: str) -> None:
    got = kinds(text)
    assert got.get(name) == "org"
    assert "Essex" not in got and "Kent" not in got


def test_two_bodies_coordinated_stay_two() -> None:
    got = kinds("In 1990 the Dorset Farmers Union merged with the Wessex Growers League.")
    assert got.get("Dorset Farmers Union") == "org" and got.get("Wessex Growers League") == "org"


@pytest.mark.parametrize("text, name", [
    ("Workers for a Socialist Britain was founded in 1960.", "Workers for a Socialist Britain"),
    ("Students for a Free Campus Society was formed in 1962.", "Students for a Free Campus Society"),
])
def test_for_a_inside_a_name(text: str, name: str) -> None:
    assert kinds(text).get(name) == "org"


def test_for_a_after_a_verb_opens_no_name() -> None:
    assert not kinds("He voted for a Labour candidate.").get("Labour candidate")


@pytest.mark.parametrize("text, place", [
    ("In 1970 the village of Lower Hambleton voted to join the Farmers League.", "Lower Hambleton"),
    ("The town of Eastwick Marsh lies on the river.", "Eastwick Marsh"),
])
def test_a_name_after_village_of_is_a_place(text: str, place: str) -> None:
    got = kinds(text)
    assert got.get(place) == "place"


@pytest.mark.parametrize("text, name", [
    ("Ann Lee founded the record label Kentwood in 1990.", "Kentwood"),
    ("Tom Hardy is the drummer of the rock band Kentwood.", "Kentwood"),
    ("In 1990 the company Kentwood was sold.", "Kentwood"),
])
def test_a_name_the_model_takes_for_a_place_after_a_word_for_a_body_is_a_body(text: str, name: str) -> None:
    assert kinds(text).get(name) == "org"


def test_a_place_after_in_the_stays_a_place() -> None:
    assert kinds("The Dock Porters Union was based in Kentwood.").get("Kentwood") == "place"
