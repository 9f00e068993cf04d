"""The temporal normalizer: each form by the sentences it exists for, then properties."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgline.edtf import bounds
from orgline.nlp.timex import find, normalize, precision

# (text, [(expression, EDTF)]): every temporal expression the text holds, in order.
CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # calendar dates at the precision the text gives
    ("The league was founded in 1983.", [("1983", "1983")]),
    ("It published a pamphlet in May 1994.", [("May 1994", "1994-05")]),
    ("The bulletin first appeared in June of 1951.", [("June of 1951", "1951-06")]),
    ("It was launched on 1 December 1985 in Durban.", [("1 December 1985", "1985-12-01")]),
    ("It was launched on December 1, 1985.", [("December 1, 1985", "1985-12-01")]),
    ("The charter is dated the 9th of March 1871.", [("the 9th of March 1871", "1871-03-09")]),
    ("The minutes give 1907-04-02 as the day.", [("1907-04-02", "1907-04-02")]),
    ("The union began in the spring of 1937.", [("the spring of 1937", "1937-21")]),
    ("A strike followed in autumn 1946.", [("autumn 1946", "1946-23")]),
    ("Its posters date from '71.", [("'71", "1971")]),
    # decades, centuries and their parts
    ("Membership grew in the 1980s.", [("the 1980s", "198X")]),
    ("Cells spread in the '60s.", [("the '60s", "196X")]),
    ("It was absorbed in the late 1960s.", [("the late 1960s", "1966/1969")]),
    ("It split in the mid-1970s.", [("the mid-1970s", "1974/1976")]),
    ("Guilds of the 14th century kept no lists.", [("the 14th century", "13XX")]),
    ("Friendly societies of the nineteenth century paid sick pay.",
     [("the nineteenth century", "18XX")]),
    ("Its roots lie in the late 19th century.", [("the late 19th century", "1867/1899")]),
    ("A chapel was built in the early 1900s.", [("the early 1900s", "1900/1933")]),
    # the 2000s are a decade: the century they would be is not over
    ("The label was set up in the early 2000s.", [("the early 2000s", "2000/2003")]),
    ("Sales fell in the late 2000s.", [("the late 2000s", "2006/2009")]),
    ("Sales fell in the 2000s.", [("the 2000s", "200X")]),
    ("Mills spread in the 1800s.", [("the 1800s", "18XX")]),
    ("Its funds ran low in late 1983.", [("late 1983", "1983-09/1983-12")]),
    ("At the end of 1990 it had two branches.", [("the end of 1990", "1990-09/1990-12")]),
    ("By the end of 1990 it had two branches.", [("By the end of 1990", "../1990-12")]),
    # qualified dates and intervals
    ("The lodge was founded circa 1820.", [("circa 1820", "1820~")]),
    ("A hall was bought around May 1994.", [("around May 1994", "1994-05~")]),
    ("The choir was formed probably in 1911.", [("probably in 1911", "1911?")]),
    ("The first congress met in 1911?", [("1911?", "1911?")]),
    ("From 1971 to 1974 it met in Leeds.", [("From 1971 to 1974", "1971/1974")]),
    ("It sat between March 1990 and June 1991.",
     [("between March 1990 and June 1991", "1990-03/1991-06")]),
    ("Its office in Hull (1952-58) was small.", [("1952-58", "1952/1958")]),
    ("Its strike ran from May to July 1976.", [("from May to July 1976", "1976-05/1976-07")]),
    ("It was based there until 1990.", [("until 1990", "../1990")]),
    ("By 1990 the branch had closed.", [("By 1990", "../1990")]),
    ("Since 2012 it has been a member.", [("Since 2012", "2012/..")]),
    ("It met in Hull from 1946 onwards.", [("from 1946 onwards", "1946/..")]),
    # relative to the date in focus
    ("It was founded in 1971 and joined the federation the following year.",
     [("1971", "1971"), ("the following year", "1972")]),
    ("It was founded in 1960. Two years later it adopted a manifesto.",
     [("1960", "1960"), ("Two years later", "1962")]),
    ("It split in June 1969, and by the following spring it was gone.",
     [("June 1969", "1969-06"), ("by the following spring", "../1970-21")]),
    ("In 1967 it was banned; the following May it was legal again.",
     [("1967", "1967"), ("the following May", "1968-05")]),
    ("It was renamed in 1988. Later that year it moved to Hull.",
     [("1988", "1988"), ("Later that year", "1988")]),
    ("It opened on 31 December 1946 and closed the next day.",
     [("31 December 1946", "1946-12-31"), ("the next day", "1947-01-01")]),
    ("The paper began in November 1955; a month later it was banned.",
     [("November 1955", "1955-11"), ("a month later", "1955-12")]),
    ("It was formed in 1990 and was launched on 1 December that year.",
     [("1990", "1990"), ("1 December that year", "1990-12-01")]),
    ("1991 - In June the league dissolves itself.", [("1991", "1991"), ("June", "1991-06")]),
    ("Its founders met in 1905; early in the century such leagues were common.",
     [("1905", "1905"), ("early in the century", "1900/1933")]),
    # anchored to the founding date, not the last date
    ("The society was founded in 1852. It moved in 1901. On its centenary it merged.",
     [("1852", "1852"), ("1901", "1901"), ("its centenary", "1952")]),
    ("We were set up in 1979 and moved in 1985; on our tenth anniversary we opened a shop.",
     [("1979", "1979"), ("1985", "1985"), ("our tenth anniversary", "1989")]),
    ("The order was founded in 1852. It grew until 1858. A decade after its founding it "
     "opened a mission.",
     [("1852", "1852"), ("until 1858", "../1858"), ("A decade after its founding", "1862")]),
    # not dates
    ("It had 1,983 members and 250 branches.", []),
    ("Its 2000 delegates voted by 1,204 votes to 980.", []),
    ("See page 1983 and issue no. 1968 of the bulletin.", []),
    ("She was aged 40 and had campaigned for ten years.", []),
    ("The office was at 1969 Harbour Road; the fee was $1960 and 19.5 per cent.", []),
    ("It held its 10th congress at 10:30.", []),
    ("It was founded on the centenary of Lenin's birth.", []),
    ("The secretary, Ann Vane (1939-2016), kept the books.", [("1939-2016", "1939/2016")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_expressions_normalize_to_edtf(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.edtf) for t in find(text)] == expected


def test_offsets_point_at_the_expression() -> None:
    text = "It was launched in Paris on 5 October 1972 on the initiative of a front."
    (t,) = find(text)
    assert text[t.start:t.end] == t.text == "5 October 1972" and t.precision == "day"


def test_a_lifespan_is_marked_so_it_dates_no_claim() -> None:
    (t,) = find("The secretary, Ann Vane (1939-2016), kept the books.")
    assert t.lifespan


def test_a_relative_date_without_an_anchor_is_dropped() -> None:
    assert find("The following year it moved to Hull.") == []


def test_a_lifespan_is_not_the_date_in_focus() -> None:
    text = "It was founded in 1971 by Ann Vane (1939-2016); two years later it split."
    assert [t.edtf for t in find(text)] == ["1971", "1939/2016", "1973"]


@pytest.mark.parametrize("edtf,lo,hi", [
    ("1983", 19830101, 19831231), ("1994-05", 19940501, 19940531),
    ("196X", 19600101, 19691231), ("1966/1969", 19660101, 19691231),
    ("1937-21", 19370301, 19370531), ("../1990", -99999999, 19901231),
])
def test_bounds_are_calendar_days(edtf: str, lo: int, hi: int) -> None:
    assert bounds(edtf) == (lo, hi)


def test_invalid_edtf_has_no_bounds() -> None:
    assert bounds("not a date") is None and bounds(None) is None


@pytest.mark.parametrize("edtf,expected", [
    ("1983", "year"), ("1983-05", "month"), ("1983-05-01", "day"), ("1983-21", "season"),
    ("198X", "decade"), ("19XX", "century"), ("1920~", "year"), ("1971/1974", "interval"),
    ("../1990", "open"),
])
def test_precision(edtf: str, expected: str) -> None:
    assert precision(edtf) == expected


# -- properties: a generated phrase of the grammar round-trips to its value --------------

MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]
SEASON_CODES = {"spring": 21, "summer": 22, "autumn": 23, "winter": 24}
years = st.integers(min_value=1100, max_value=2099)


@st.composite
def phrases(draw: st.DrawFn) -> tuple[str, str]:
    """A date phrase in one of the grammar's forms and the EDTF value it must read as."""
    y = draw(years)
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    name = MONTH_NAMES[month - 1]
    season = draw(st.sampled_from(sorted(SEASON_CODES)))
    dec = y // 10 * 10
    part = draw(st.sampled_from(["early", "mid", "late"]))
    lo, hi = {"early": (0, 3), "mid": (4, 6), "late": (6, 9)}[part]
    y2 = y + draw(st.integers(1, 30))
    forms = [
        (str(y), str(y)),
        (f"{name} {y}", f"{y}-{month:02d}"),
        (f"{day} {name} {y}", f"{y}-{month:02d}-{day:02d}"),
        (f"{name} {day}, {y}", f"{y}-{month:02d}-{day:02d}"),
        (f"the {season} of {y}", f"{y}-{SEASON_CODES[season]}"),
        (f"circa {y}", f"{y}~"),
        (f"probably in {y}", f"{y}?"),
        (f"until {y}", f"../{y}"),
        (f"since {y}", f"{y}/.."),
    ]
    if y2 <= 2099:
        forms.append((f"from {y} to {y2}", f"{y}/{y2}"))
        forms.append((f"between {name} {y} and {y2}", f"{y}-{month:02d}/{y2}"))
    if dec % 100:
        forms.append((f"the {dec}s", f"{dec // 10}X"))
        forms.append((f"the {part} {dec}s", f"{dec + lo}/{dec + hi}"))
    return draw(st.sampled_from(forms))


@settings(max_examples=300, deadline=None)
@given(phrases())
def test_generated_phrases_round_trip(case: tuple[str, str]) -> None:
    phrase, edtf = case
    assert normalize(phrase) == edtf
    assert bounds(edtf) is not None


@settings(max_examples=200, deadline=None)
@given(phrases(), st.sampled_from(["It was founded", "The paper closed", "A split came"]))
def test_phrases_are_found_inside_sentences(case: tuple[str, str], lead: str) -> None:
    phrase, edtf = case
    text = f"{lead} {phrase}, the minutes say."
    found = find(text)
    assert [(t.text.lower(), t.edtf) for t in found] == [(phrase.lower(), edtf)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_any_text_gives_valid_dates_or_none(text: str) -> None:
    for t in find(text):
        assert bounds(t.edtf) is not None and text[t.start:t.end] == t.text
    normalize(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(
    ["1983", "May", "the", "following", "year", "spring", "of", "'71", "1960s", "late",
     "from", "to", "until", "by", "circa", "its", "10th", "anniversary", "founded", "in", ",",
     ".", "?", "-", "1,983", "members", "two", "years", "later", "centenary", "31", "December"]),
    max_size=25))
def test_date_words_in_any_order_never_raise(words: list[str]) -> None:
    text = " ".join(words)
    for t in find(text):
        assert bounds(t.edtf) is not None


@pytest.mark.parametrize("value", [
    "1985", "0001", "-0044", "1994-05", "2000-02", "1900-02", "1984-02-29", "1994-05-12",
    "1999-12-31", "-0044-03-15", "196X", "18XX", "200X", "1966/1969", "1994-05/1996",
    "1990/1990-03-15", "199X/2001", "18XX/19XX", "1994-04-31", "1994-13",
])
def test_bounds_without_the_parser_are_the_parsers(value: str) -> None:
    """Plain years, months, days, decades and centuries are bounded without the EDTF
    library's parser (its cost was most of extraction's own time); the answer is the same."""
    from edtf import parse_edtf

    from orgline.edtf import OPEN_END, OPEN_START, _day, bounds
    try:
        parsed = parse_edtf(value)
        expected = _day(parsed.lower_strict(), OPEN_START), _day(parsed.upper_strict(), OPEN_END)
    except Exception:
        expected = None
    assert bounds(value) == expected


def test_a_day_the_calendar_lacks_has_no_bounds() -> None:
    from orgline.edtf import bounds
    assert bounds("1985-02-29") is None and bounds("1984-02-29") == (19840229, 19840229)
