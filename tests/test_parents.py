"""Parent organizations and publications, by the sentences their rules exist for."""
from __future__ import annotations

from test_extraction import facts


def test_a_department_kept_by_a_league() -> None:
    got = facts("For decades the Guild of Printers (GP) had kept a youth department, the Young "
                "Printers League (YPL).")
    assert ("parent_org", "Young Printers League", "Guild of Printers", None, False, None) in got


def test_bought_and_acquired_by() -> None:
    got = facts("In 2002 Magpie Systems bought the Seattle start-up Crowfield Labs, which kept "
                "operating as a wholly owned subsidiary until 2009.")
    assert ("parent_org", "Crowfield Labs", "Magpie Systems", "2002", False, None) in got
    got = facts("The Zentrix Company was founded in 1921. In 2016 the Zentrix Company was "
                "acquired by the Swiss group Brunnen AG.")
    assert ("parent_org", "Zentrix Company", "Brunnen AG", "2016", False, None) in got


def test_a_subsidiary_in_apposition() -> None:
    got = facts("The plant is run by Delta Cable Works, a wholly owned subsidiary of United "
                "Electric Industries.")
    assert ("parent_org", "Delta Cable Works", "United Electric Industries", None, False, None) in got


def test_a_title_in_apposition_is_a_publication() -> None:
    got = facts("The Tundra Network issued a pamphlet, Thin Ice, in 2012.")
    assert ("published", "Thin Ice", "Tundra Network", "2012", False, None) in got


def test_partners_and_allies() -> None:
    got = facts("In 1990 the Alliance Party ran on a joint list with the Saxon Green Party.")
    assert ("worked_with", "Alliance Party", "Saxon Green Party", "1990", False, None) in got
    got = facts("In 2014 the Metal Congress expelled the Miners League after it refused to "
                "campaign for the African Peoples Congress, the Metal Congress's long-standing ally.")
    assert any(c[0] == "worked_with" and {c[1], c[2]} == {"Metal Congress", "African Peoples Congress"}
               for c in got)


def test_which_stands_for_the_name_it_follows() -> None:
    got = facts("The company traces its origins to the Van Loon Valve Company, which was "
                "established in Eindhoven in 1921 by Pieter van Loon.")
    assert ("location", "Van Loon Valve Company", "Eindhoven", "1921", False, None) in got
    assert ("founded", "Van Loon Valve Company", None, "1921", False, None) in got
    assert ("founded_by", "Van Loon Valve Company", "Pieter van Loon", "1921", False, None) in got


def test_founded_on_the_initiative_of() -> None:
    got = facts("The Patriotic Front was launched in Paris on 5 October 1972 on the initiative of "
                "the New Order Movement, a nationalist movement.")
    assert ("founded_by", "Patriotic Front", "New Order Movement", "1972-10-05", False, None) in got


def test_a_place_in_the_words_describing_a_body() -> None:
    got = facts("Nor should we be confused with SPARK Recycling, an unrelated social enterprise "
                "in Glasgow.")
    assert ("location", "SPARK Recycling", "Glasgow", None, False, None) in got


def test_a_periodical_named_after_a_comma() -> None:
    got = facts("The Coalition of Garment Workers was founded in 1976. From 1983 the coalition "
                "published a bilingual monthly, La Hebra.")
    assert ("published", "La Hebra", "Coalition of Garment Workers", "1983", False, None) in got
    got = facts("The People's Party was founded in 1964. The party publishes a weekly, People's "
                "Voice.")
    assert ("published", "People's Voice", "People's Party", None, False, None) in got


def test_ideology_in_a_description_or_an_adopted_programme() -> None:
    got = facts("For decades the League for Civic Reform (LCR), a social-democratic educational "
                "association, ran evening classes.")
    assert ("ideology", "League for Civic Reform", "social democracy", None, False, None) in got
    got = facts("The Workers League of Salto was founded in 1903. The league adopted an "
                "anarcho-syndicalist program at its 1911 congress.")
    assert ("ideology", "Workers League of Salto", "anarcho-syndicalism", "1911", False, None) in got


def test_expelling_is_breaking() -> None:
    got = facts("The Metal Workers Union (MWU) and the Trade Union Congress (TUC) worked together "
                "for decades. In November 2014 the TUC expelled the MWU.")
    assert any(c[0] == "broke_with" and {c[1], c[2]} == {"Trade Union Congress", "Metal Workers Union"}
               for c in got)


def test_a_work_dated_by_its_own_participle_and_a_history_is_not_by_its_subject() -> None:
    got = facts("The Cannery Union was founded in 1937. In 1946 the union launched a bulletin. Its "
                "editor Lars Nygaard wrote the union's only history, Hooks and Wages, issued in 1959.")
    assert ("published", "Hooks and Wages", "Lars Nygaard", "1959", False, None) in got
    assert not any(c[0] == "published" and c[2] == "Cannery Union" for c in got)
