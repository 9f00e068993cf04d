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
