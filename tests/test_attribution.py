"""Who says so, and denials, by the sentences each rule exists for (fictional people and
organizations)."""
from __future__ import annotations

from test_extraction import facts


def test_our_own_denial_is_attributed_to_us() -> None:
    got = facts("Our story: the Harbour Aid Trust (HAT) was founded in 1979. We are not, and "
                "have never been, affiliated with the Church of Norland.")
    assert ("member_of", "Harbour Aid Trust", "Church of Norland", None, True,
            "Harbour Aid Trust") in got


def test_a_denial_reported_after_the_fact() -> None:
    got = facts("Sipho Dube joined the Metal Union in 1974. He was never a member of the Labour "
                "Party, he told interviewers late in life.")
    assert ("member_of", "Sipho Dube", "Labour Party", None, True, "Sipho Dube") in got
    assert ("member_of", "Sipho Dube", "Metal Union", "1974", False, None) in got


def test_denying_an_affiliation_negates_it_and_names_the_denier() -> None:
    got = facts("The Upland Party was founded in 2017. Its president Ewan Marsh denied that "
                "the party had ever been affiliated with the Patriot Circle.")
    assert ("member_of", "Upland Party", "Patriot Circle", None, True, "Ewan Marsh") in got


def test_a_name_with_its_own_qualifier_keeps_it() -> None:
    got = facts("The Socialist Party of Norland (Marxist) was founded in 1964. The new party "
                "espoused Mao Zedong Thought.")
    assert ("founded", "Socialist Party of Norland (Marxist)", None, "1964", False, None) in got
    assert ("ideology", "Socialist Party of Norland (Marxist)", "Mao Zedong Thought", None, False, None) in got
