"""A short union history in the style users bring (written here, names made up), read
whole: the body a capitalized head word stands for ("the Alliance"), "the two unions"
after a pronoun and a named partner, and "the guild" after a merger that made a union.
Real spaCy pipeline."""
from __future__ import annotations

from test_extraction import facts, read

HISTORY = (
    "The Coastal Fishermen's Alliance (CFA) was a trade union of inshore fishermen. It grew out "
    "of the Saltby Net Menders' Society, a friendly society set up in the harbour town of Saltby "
    "in 1889.\n\n"
    "In 1931 a group of skippers left to form the Independent Skippers' Guild. The guild was based "
    "in Saltby.\n\n"
    "The Alliance affiliated to the Norland Federation of Labour in 1938. After the war it cooperated "
    "closely with the Dockworkers' Union, and in 1957 the two unions merged to form the Maritime and "
    "Fisheries Union. The guild refused to join the merger and was wound up in 1961."
)


def claims() -> set[tuple[str, object, object, object]]:
    return {(t, s, o, d) for t, s, o, d, _neg, _acc in facts(HISTORY)}


def test_a_capitalized_head_word_is_the_one_body_whose_name_ends_in_it() -> None:
    got = claims()
    assert ("member_of", "Coastal Fishermen's Alliance", "Norland Federation of Labour", "1938") in got
    assert "Alliance" not in {e.label for e in read(HISTORY).entities}


def test_the_head_word_of_two_bodies_names_neither() -> None:
    text = ("The Harbour Union and the Dock Union held a joint congress in 1920. "
            "The Union then affiliated to the Norland Federation of Labour.")
    labels = {e.label for e in read(text).entities}
    assert {"Harbour Union", "Dock Union"} <= labels
    assert not any(s in ("Harbour Union", "Dock Union") and o == "Norland Federation of Labour"
                   for t, s, o, *_ in facts(text) if t == "member_of")


def test_the_two_unions_are_the_pronoun_and_the_partner_of_their_sentence() -> None:
    got = claims()
    assert ("merged", "Coastal Fishermen's Alliance", "Maritime and Fisheries Union", "1957") in got
    assert ("merged", "Dockworkers' Union", "Maritime and Fisheries Union", "1957") in got
    assert not any(t == "merged" and s == "Independent Skippers' Guild" for t, s, *_ in got)


def test_the_guild_after_a_merger_is_the_guild_not_the_new_union() -> None:
    got = claims()
    assert ("dissolved", "Independent Skippers' Guild", None, "1961") in got
    assert not any(t == "dissolved" and s == "Maritime and Fisheries Union" for t, s, *_ in got)


BANK = (
    "Harwick & Sons was a family bank founded in Lenford in 1843 by the cloth merchant Josiah Harwick. "
    "In 1889 the partners converted the business into a limited company, Harwick Bank Ltd. "
    "Ten years later the bank absorbed the smaller Marbury Savings Bank.\n\n"
    "A dispute over lending led several directors to resign in 1902; they established a rival bank, "
    "the Marbury and County Bank, the following year. In 1911 Harwick Bank took over the Marbury and "
    "County Bank."
)


def test_a_business_converted_into_a_company_goes_on_under_the_new_name() -> None:
    f = read(BANK)
    names = {n.text for e in f.entities if e.label in ("Harwick & Sons", "Harwick Bank Ltd.") for n in e.names}
    assert {"Harwick & Sons", "Harwick Bank Ltd."} <= names


def test_they_after_people_resigning_are_the_people_not_a_bank() -> None:
    got = facts(BANK)
    assert not any(t == "founded_by" and s == "Marbury and County Bank" for t, s, *_ in got)
    assert any(t == "founded" and s == "Marbury and County Bank" and d == "1903" for t, s, _o, d, *_ in got)


def test_absorbed_and_taken_over() -> None:
    got = {(t, s, o) for t, s, o, *_ in facts(BANK)}
    assert any(t == "merged" and s == "Marbury Savings Bank" and "Harwick" in str(o) for t, s, o in got)
    assert any(t == "parent_org" and s == "Marbury and County Bank" and "Harwick" in str(o) for t, s, o in got)


def test_turning_a_mill_into_flats_or_taking_part_is_nothing() -> None:
    got = facts("In 1990 Orbis Media converted the old mill into flats. Orbis Media took part in the fair.")
    assert not any(t in ("named", "parent_org") and o not in (None, "Orbis Media") for t, _s, o, *_ in got)


PARTY = (
    "The People's Reform Party (PRP) was a liberal political party in Norland. It was launched at a "
    "congress in Dalby in May 1908.\n\n"
    "In 1923 its left wing broke away and founded the Radical Workers' League, which later joined the "
    "Social Democratic Party. The PRP denied that the split had cost it members.\n\n"
    "From 1934 to 1940 the PRP governed in coalition with the Farmers' Party."
)


def test_a_body_that_later_joined_is_not_dated_by_the_sentence() -> None:
    got = facts(PARTY)
    assert ("member_of", "Radical Workers' League", "Social Democratic Party", None, False, None) in got


def test_denying_what_a_split_cost_does_not_deny_the_split() -> None:
    got = facts(PARTY)
    assert not any(t == "broke_with" and neg for t, _s, _o, _d, neg, _a in got)
    assert any(t == "split_from" and s == "Radical Workers' League" for t, s, *_ in got)


def test_governing_in_coalition_is_working_with() -> None:
    got = {(t, s, o, neg) for t, s, o, _d, neg, _a in facts(PARTY)}
    assert ("worked_with", "People's Reform Party", "Farmers' Party", False) in got
    got = {(t, s, o, neg) for t, s, o, _d, neg, _a in
           facts("The Reform Party never entered a coalition with the Farmers' Party.")}
    assert ("worked_with", "Reform Party", "Farmers' Party", True) in got
