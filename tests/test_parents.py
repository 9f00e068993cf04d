"""Parent organizations and publications, by the sentences their rules exist for."""
from __future__ import annotations

from test_extraction import facts


def test_a_department_kept_by_a_league() -> None:
    got = facts("For decades the Guild of Printers (GP) had kept a youth department, the Young "
                "Printers League (YPL).")
    assert ("parent_org", "Young Printers League", "Guild of Printers", None, False, None) in got


def test_bought_and_acquired_by() -> None:
    got = facts("In 2002 Corvid Systems bought the Seattle start-up Ravenlake Labs, which kept "
                "operating as a wholly owned subsidiary until 2009.")
    assert ("parent_org", "Ravenlake Labs", "Corvid Systems", "2002", False, None) in got
    got = facts("The Veltron Company was founded in 1921. In 2016 the Veltron Company was "
                "acquired by the Swiss group Hallwil AG.")
    assert ("parent_org", "Veltron Company", "Hallwil AG", "2016", False, None) in got


def test_a_subsidiary_in_apposition() -> None:
    got = facts("The plant is run by Delta Cable Works, a wholly owned subsidiary of United "
                "Electric Industries.")
    assert ("parent_org", "Delta Cable Works", "United Electric Industries", None, False, None) in got


def test_a_title_in_apposition_is_a_publication() -> None:
    got = facts("The Permafrost Network issued a pamphlet, Losing Ground, in 2012.")
    assert ("published", "Losing Ground", "Permafrost Network", "2012", False, None) in got
