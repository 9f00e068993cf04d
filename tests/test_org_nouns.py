"""Organization nouns as one list: a name described as a band, a newspaper, a record label
is a body; "the school", "the bank", "the label" refer back to it; a place's or a work's
"it" is never the body in focus. Sentences written for these tests, read by the real
spaCy pipeline."""
from __future__ import annotations

from orgline.nlp.lexicon import AMBIGUOUS_ORG_NOUNS, ORG_ANAPHORS, ORG_NOUNS, TYPING_ORG_NOUNS
from test_extraction import facts, read


def test_one_list_of_organization_nouns_serves_every_use() -> None:
    for noun in ("company", "bank", "airline", "school", "university", "band", "label", "club",
                 "church", "newspaper", "magazine", "charity", "regiment", "agency", "union", "party"):
        assert noun in ORG_NOUNS and noun in ORG_ANAPHORS
    assert {"station", "paper", "label", "unit"} <= AMBIGUOUS_ORG_NOUNS
    assert not TYPING_ORG_NOUNS & {"station", "paper", "label", "unit"}


def test_a_name_described_as_a_band_or_newspaper_is_a_body() -> None:
    f = read("Velvet Harbour is an Argentine band. It was founded in 1998 as a studio project.")
    assert ("org", "Velvet Harbour") in {(e.kind.value, e.label) for e in f.entities}
    assert ("founded", "Velvet Harbour", None, "1998", False, None) in facts(
        "Velvet Harbour is an Argentine band. It was founded in 1998 as a studio project.")
    assert ("founded", "Morning Courier", None, "1851", False, None) in facts(
        "The Morning Courier is a daily newspaper published in Dunmore. The newspaper was "
        "established in 1851 by Thomas Aldred.")


def test_the_school_the_bank_the_airline_refer_back_to_the_body_described() -> None:
    assert ("founded", "Greyfield School of Nursing", None, "1985", False, None) in facts(
        "Greyfield School of Nursing is a private school in Ostby. The school was founded in 1985.")
    assert ("founded", "Ostby Savings Bank", None, "1872", False, None) in facts(
        "The Ostby Savings Bank is a cooperative bank. The bank was established in 1872 by "
        "local farmers.")
    assert ("founded", "Kestrel Air", None, "1992", False, None) in facts(
        "Kestrel Air is a regional airline based in Tarnow. The airline was founded in 1992.")


def test_an_ambiguous_noun_refers_only_to_a_body_described_with_it() -> None:
    got = facts("Blue Finch is a record label based in Ostby. The label was founded in 1990 "
                "by Anna Berg.")
    assert ("founded", "Blue Finch", None, "1990", False, None) in got
    assert ("founded_by", "Blue Finch", "Anna Berg", "1990", False, None) in got
    got = facts("The Norland Dockers Union was formed in 1921. The paper reported the strike "
                "in 1923. The station was opened in 1930.")
    assert not {x for x in got if x[0] == "founded" and x[3] == "1930"}


def test_a_place_or_a_work_said_it_is_never_the_body_in_focus() -> None:
    got = facts("The Ostby Rowing Club is based in Tarvik. Tarvik is a small town in Norland. "
                "It was founded in 1850.")
    assert not {x for x in got if x[0] == "founded"}
    got = facts("The Tarvik Miners Union met in Ostby. Harbour Lights is a novel by Anna Berg. "
                "It was published in 1961 and founded a genre.")
    assert not {x for x in got if x[0] in ("founded", "published") and x[1] == "Tarvik Miners Union"}


def test_a_persons_he_is_not_the_body() -> None:
    got = facts("The Ostby Chess Club was founded in 1921. John Aldred is a teacher from Ostby. "
                "He was born in 1950.")
    assert ("founded", "Ostby Chess Club", None, "1921", False, None) in got
    assert not {x for x in got if x[3] == "1950"}


def test_a_chronologys_subjectless_line_tells_of_the_body_in_focus() -> None:
    got = facts("The Ostby Rowing Club was formed in 1901.\n1923: Merged with the Tarvik Boat "
                "Club.\n1951: Dissolved.")
    assert ("merged", "Ostby Rowing Club", "Tarvik Boat Club", "1923", False, None) in got
    assert ("dissolved", "Ostby Rowing Club", None, "1951", False, None) in got
    got = facts("The Ostby Chess Union was formed in 1901.\n1961 - Became a member of the "
                "Norland Sports Federation.\n1972 - Dissolved.")
    assert ("dissolved", "Norland Chess Union", None, "1972", False, None) in got or (
        "dissolved", "Ostby Chess Union", None, "1972", False, None) in got


def test_a_chronology_about_a_person_gives_no_body_a_line() -> None:
    got = facts("John Aldred was born in Ostby in 1901.\n1923: Moved to Tarvik.\n1951: Retired.")
    assert not {x for x in got if x[0] in ("dissolved", "founded", "merged")}


def test_the_three_bodies_are_the_three_just_named() -> None:
    got = facts("The Red Party, the Green Party and the Farmers Party sat in the council. The "
                "three parties merged in 1990 to form the Unity Party.")
    for party in ("Red Party", "Green Party", "Farmers Party"):
        assert ("merged", party, "Unity Party", "1990", False, None) in got
    got = facts("The Ostby Miners Union, the Tarvik Dockers Union and the Norland Rail Union "
                "met in Ostby. In 1950 the three unions were dissolved.")
    for union in ("Ostby Miners Union", "Tarvik Dockers Union", "Norland Rail Union"):
        assert ("dissolved", union, None, "1950", False, None) in got
    got = facts("The Ostby Bank and the Tarvik Bank were rivals. In 1990 the two banks merged "
                "to form Norland Bank.")
    assert ("merged", "Ostby Bank", "Norland Bank", "1990", False, None) in got


def test_three_bodies_when_two_were_named_is_no_one() -> None:
    got = facts("The Red Party and the Green Party sat in the council. The three parties "
                "merged in 1990.")
    assert not {x for x in got if x[0] == "merged"}


def test_what_a_body_is_said_to_be_is_the_body() -> None:
    assert ("founded", "Ostby Motors", None, "1946", False, None) in facts(
        "Ostby Motors was a Norland vehicle company, incorporated in 1946.")
    got = facts("The Tarvik Hub is an American music ensemble formed in 1986 by Anna Berg.")
    assert ("founded", "Tarvik Hub", None, "1986", False, None) in got
    assert ("founded_by", "Tarvik Hub", "Anna Berg", "1986", False, None) in got
    assert ("founded", "Norland Youth Trust", None, "2001", False, None) in facts(
        "The Norland Youth Trust is a charity established in 2001.")


def test_what_a_person_is_said_to_be_is_no_body() -> None:
    got = facts("The Ostby Chess Club met weekly. Anna Berg is a singer born in 1950 and "
                "trained in Tarvik.")
    assert not {x for x in got if x[0] == "founded"}


def test_a_newspaper_is_the_paper_and_an_airline_the_carrier() -> None:
    assert ("founded", "Ostby Herald", None, "1880", False, None) in facts(
        "The Ostby Herald is a daily newspaper. The paper was founded in 1880.")
    assert ("founded", "Kestrel Air", None, "1992", False, None) in facts(
        "Kestrel Air is a regional airline. The carrier was founded in 1992.")


def test_a_name_with_of_described_as_a_charity_is_one_body() -> None:
    got = read("Friends of the Tarvik Hills is a charity. It was founded in 1990.")
    assert ("org", "Friends of the Tarvik Hills") in {(e.kind.value, e.label) for e in got.entities}


def test_a_qualified_noun_names_another_thing_unless_the_body_is_so_described() -> None:
    got = facts("The Ostby Airline Group is a holding company. The route network was founded "
                "in 1990. The county council was dissolved in 1991.")
    assert not {x for x in got if x[0] in ("founded", "dissolved") and x[3] in ("1990", "1991")}
    assert ("founded", "Blue Finch", None, "1990", False, None) in facts(
        "Blue Finch is a record label based in Ostby. The record label was founded in 1990.")


def test_an_it_that_stands_for_no_one_gives_no_body_a_claim() -> None:
    got = facts("The Ostby Miners Union met in Tarvik. It was intended to merge with the "
                "Norland Rail Union in 1950.")
    assert not {x for x in got if x[0] == "merged"}
    got = facts("The Ostby Ski Club met in Tarvik. It was decided to disband in 1960.")
    assert not {x for x in got if x[0] == "dissolved"}
    assert ("dissolved", "Tarvik Boat Club", None, "1952", False, None) in facts(
        "The Tarvik Boat Club met in Ostby. It was forced to disband in 1952.")


def test_a_name_ending_in_a_word_for_a_body_is_typed_by_it() -> None:
    got = read("The 21st Tarvik Regiment was raised in Ostby and disbanded in 1919.")
    assert any(e.kind.value == "org" and "Tarvik Regiment" in e.label for e in got.entities)
    got = read("The Ostby Choir sang in Tarvik. The Tarvik Seminary was opened in 1850.")
    assert {"Ostby Choir", "Tarvik Seminary"} <= {e.label for e in got.entities if e.kind.value == "org"}


def test_a_name_set_beside_a_word_for_a_body_is_a_body() -> None:
    got = facts("Velvet Harbour, an Argentine band, was formed in 1998 by Anna Berg.")
    assert ("founded_by", "Velvet Harbour", "Anna Berg", "1998", False, None) in got
    got = read("Anna Berg, a singer from Ostby, was born in 1950.")
    assert ("person", "Anna Berg") in {(e.kind.value, e.label) for e in got.entities}


def test_one_of_the_oldest_unions_is_a_body() -> None:
    got = read("Tarvik Dockers was one of the oldest unions in Norland. It was founded in 1871.")
    assert any(e.kind.value == "org" and "Tarvik Dockers" in e.label for e in got.entities)
