"""Events told as nouns, and pairs referred to together (fictional organizations)."""
from __future__ import annotations

from test_extraction import facts


def test_until_its_dissolution_in() -> None:
    got = facts("The Coalition of Garment Workers was founded in 1976. From 1983 until its "
                "dissolution in 1997, the coalition published a monthly.")
    assert ("dissolved", "Coalition of Garment Workers", None, "1997", False, None) in got


def test_the_merger_of_two_and_its_merger_with() -> None:
    got = facts("After the 1998 merger of the Clerks Union and the Typists Guild, offices closed.")
    assert ("merged", "Clerks Union", "Typists Guild", "1998", False, None) in got
    got = facts("The Halvorsen Company was founded in 1952. After its merger with the Swedish "
                "firm Strand Matteknik AB in January 1991, the combined company took the name Halmek.")
    assert ("merged", "Halmek", "Strand Matteknik AB", "1991-01", False, None) in got
    assert ("named", "Halmek", "Halmek", "1991-01", False, None) in got


def test_both_bodies_and_the_two_organizations() -> None:
    got = facts("The Clerks Union was founded in 1950. The Typists Guild was founded in 1952. "
                "Both bodies were dissolved by the council in 1967.")
    assert {("dissolved", "Clerks Union", None, "1967", False, None),
            ("dissolved", "Typists Guild", None, "1967", False, None)} <= got
    got = facts("The Clerks Union was founded in 1950. It kept close ties to the Typists Guild. "
                "In 1965 the two organizations severed their ties.")
    assert ("broke_with", "Clerks Union", "Typists Guild", "1965", False, None) in got


def test_a_name_nobody_tagged_is_known_by_what_only_a_body_undergoes() -> None:
    got = facts("Ordre Ancien was dissolved by the government in June 1973.")
    assert ("dissolved", "Ordre Ancien", None, "1973-06", False, None) in got
    got = facts("Halmek itself was absorbed into the German group Moser Messtechnik in 2012.")
    assert ("merged", "Halmek", "Moser Messtechnik", "2012", False, None) in got


def test_a_name_known_as_a_body_once_is_one_wherever_it_recurs() -> None:
    got = facts("In 2016 Zentrix was acquired by the Swiss group Brunnen AG. After the sale "
                "Zentrix moved its head office to Utrecht.")
    assert ("location", "Zentrix", "Utrecht", None, False, None) in got
