"""Temporal expressions as historians write them, normalized to EDTF.

Plain text in, :class:`Timex` records out: where each expression is, its EDTF value at the
precision the text gives, and the form that read it. The grammar is regular expressions
over the text, not spaCy's DATE entities or a general date parser, because
historians' dates are mostly coarse ("the late 1960s", "the spring of 1937") and
relative ("the following year", "on its 10th anniversary"): spaCy does not normalize,
and dateparser and its kin return a calendar day, filling missing months and days from
today's date. EDTF parsing, validation and bounds are the ``edtf`` package's (see
:mod:`orgline.edtf`); every value emitted here is checked by it.

Conventions (EDTF, Library of Congress, level 1 where possible):

=========================  ==============================================
"18 March 1871"            ``1871-03-18`` (also "March 18, 1871", ISO)
"May 1994"                 ``1994-05``
"the spring of 1976"       ``1976-21`` (summer 22, autumn/fall 23, winter 24)
"the 1960s", "the '60s"    ``196X``
"the 19th century"         ``18XX`` ("the 1800s" too)
early/mid/late 1960s       ``1960/1963``, ``1964/1966``, ``1966/1969``
early/mid/late 20th c.     ``1900/1933``, ``1934/1966``, ``1967/1999``
early/mid/late 1983        ``1983-01/1983-04``, ``1983-05/1983-08``, ``1983-09/1983-12``
first/second half of 1983  ``1983-01/1983-06``, ``1983-07/1983-12``
"circa 1920"               ``1920~`` (c., ca., around, about, approximately)
"probably in 1920"         ``1920?`` (possibly, perhaps; "1920?")
"from 1971 to 1974"        ``1971/1974`` (between ... and, 1971-74, 1971/72)
"until 1990", "by 1990"    ``../1990`` (before, up to)
"since 1990", "after 1990" ``1990/..`` (from 1990 onwards)
=========================  ==============================================

Relative expressions are anchored to the date in focus, the last date the text gave
before them ("the following year", "two years later", "that spring", "the following
May", "later that month"); "on its 10th anniversary", "its centenary" and "a decade
after its founding" are anchored to the founding date: the date nearest a founding word
in the first sentence that has one (a later "incorporated in 1930" does not move it),
else the first date of the text. A relative
expression with no anchor is dropped rather than guessed.

Deictic expressions ("yesterday", "last May", "on Friday", "three years ago", "this
week", "third-quarter") are read against the source's own date, ``find(text, dct=...)``,
with the conventions of news writing (see "the source's own date" below); without that
date they are left out. "Now" and "the past" are not calendar dates and are not read.

Not dates: durations ("for ten years"), ages, counts ("1,983 members", "2000
delegates"), ordinals, page and issue numbers, money, times of day, street numbers.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..edtf import bounds

# -- vocabulary --------------------------------------------------------------------------

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december"
    .split(), start=1)}
SEASONS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
SEASON_MONTH = {21: 3, 22: 6, 23: 9, 24: 12}  # the first month of each season
_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
          "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_ORDINAL_UNITS = ("zeroth first second third fourth fifth sixth seventh eighth ninth tenth "
                  "eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth "
                  "eighteenth nineteenth").split()
_ORDINAL_TENS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
                 "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90}
JUBILEES = {"centenary": 100, "centennial": 100, "bicentenary": 200, "bicentennial": 200,
            "sesquicentennial": 150, "sesquicentenary": 150, "golden jubilee": 50,
            "silver jubilee": 25, "diamond jubilee": 60, "ruby jubilee": 40, "jubilee": 50}
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                "seventies": 7, "eighties": 8, "nineties": 9}
COUNT_NOUNS = set("""members member delegates delegate copies votes people persons workers
    students signatures branches supporters activists subscribers readers employees staff
    men women soldiers families tenants households acres pounds dollars francs marks euros
    miles kilometres kilometers km hectares pages words titles books volumes items letters
    shares seats sections chapters units cases names residents voters troops strikers
    participants attendees children adults farmers miners affiliates locals lodges cells
    groups societies organizations organisations unions clubs parishes schools homes""".split())
NOT_BEFORE_YEAR = re.compile(
    r"(?:\b(?:p|pp|no|nos|vol|vols|page|pages|issue|number|room|tel|phone|route|model|box"
    r"|flight|opus|op|art|article|section|code|item|items|lot|cat|catalogue|ref|reg|registration"
    r")\.?\s*|[#№$£€¥][\s\d,]*|\bno\.\s*|\d\s)$", re.I)
# Verbs only: "after its founding" is itself a relative date, not a founding sentence.
FOUNDING_WORDS = re.compile(
    r"\b(?:(?:co-?)?founded|established|formed|created|set\s+up|launched|organi[sz]ed"
    r"|incorporated|inaugurated|instituted|constituted|came\s+into\s+being|began\s+life)\b", re.I)


def number(word: str) -> int | None:
    """ "ten", "twenty-five", "25", "a", "10th", "tenth", "twenty-fifth" as an integer."""
    w = word.lower().replace("\u2011", "-").strip()
    if w in ("a", "an", "one"):
        return 1
    if re.fullmatch(r"\d+(?:st|nd|rd|th)?", w):
        return int(re.sub(r"\D", "", w))
    parts = re.split(r"[-\s]+", w)
    total = 0
    for p in parts:
        if p in _UNITS:
            total += _UNITS.index(p)
        elif p in _ORDINAL_UNITS:
            total += _ORDINAL_UNITS.index(p)
        elif p in _TENS:
            total += _TENS[p]
        elif p in _ORDINAL_TENS:
            total += _ORDINAL_TENS[p]
        elif p in ("hundred", "hundredth"):
            total = max(total, 1) * 100
        else:
            return None
    return total or None


# -- regular expressions -----------------------------------------------------------------

_MONTH = (r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?"
          r"|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?"
          r"|Dec(?:ember|\.)?)(?![a-z])")
_YEAR = r"(?P<year>1[0-9]{3}|20[0-9]{2})(?!\d|s\b)"
_DAY = r"(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?(?!\d)"
_SEASON = r"(?P<season>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)"
_NUM = (r"(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
        r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty(?:-\w+)?"
        r"|thirty(?:-\w+)?|forty(?:-\w+)?|fifty(?:-\w+)?|sixty|seventy|eighty|ninety|a\s+hundred)")
_ORD = (r"(?P<ord>\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth"
        r"|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth"
        r"|eighteenth|nineteenth|twentieth|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty"
        r"|ninety)-\w+|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth"
        r"|hundredth|\d{3}th)")
# "the 1800s" is a century, "the 2000s" the decade (its century is not over)
_DECADE = r"(?P<decade>(?!1[0-9]00s)(?:1[0-9]|20)[0-9]0s|['\u2019][0-9]0s)"
_CENTURY = (r"(?:(?P<cord>\d{1,2}(?:st|nd|rd|th)|eleventh|twelfth|thirteenth|fourteenth|fifteenth"
            r"|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[- ][Cc]entury"
            r"|(?P<hundreds>1[0-9])00s)")
_PART = r"(?P<part>early|mid|late|Early|Mid|Late)"
_REL = r"(?P<rel>following|next|same|previous|preceding|subsequent|prior)"
_FOUNDING = (r"(?P<founding>(?:its|their|our|the)\s+(?:founding|foundation|formation|creation"
             r"|establishment|inception|birth)|(?:it|they|we)\s+(?:was|were|had\s+been)\s+"
             r"(?:founded|established|formed|created|set\s+up)|(?:[A-Z][\w.'-]*\s+){1,4}(?:had\s+)?"
             r"(?:founded|established|formed|created|set\s+up|opened|started)\b)")
_POSS = r"(?<!birth\s)(?<!death\s)(?:(?:its|their|our|the)\s+|[Tt]he\s+[\w-]+['\u2019]s\s+)?"


@dataclass(frozen=True)
class Timex:
    """A temporal expression: where it is, what it means in EDTF, and which form read it.

    ``anchor`` says what a relative expression was resolved against ("focus": the date
    last given, "founding": the founding date); ``lifespan`` marks a person's dates in
    parentheses, which are dates but never the date of an organization's claim.
    """

    start: int  # character offsets in the text, end exclusive
    end: int
    text: str
    edtf: str
    form: str
    anchor: str | None = None
    lifespan: bool = False

    @property
    def precision(self) -> str:
        return precision(self.edtf)

    @property
    def bounds(self) -> tuple[int, int]:
        b = bounds(self.edtf)
        assert b is not None  # every Timex is built from a valid value
        return b


def precision(edtf: str) -> str:
    """day, month, season, year, decade, century, interval or open (an open interval)."""
    v = edtf.rstrip("~?%")
    if "/" in v:
        return "open" if ".." in v else "interval"
    if re.fullmatch(r"\d{4}-\d\d-\d\d", v):
        return "day"
    if re.fullmatch(r"\d{4}-2[1-4]", v):
        return "season"
    if re.fullmatch(r"\d{4}-\d\d", v):
        return "month"
    if re.fullmatch(r"\d{3}X", v):
        return "decade"
    if re.fullmatch(r"\d\dXX", v):
        return "century"
    return "year"


# -- the date in focus -------------------------------------------------------------------

@dataclass
class Point:
    """A date broken into parts, for arithmetic on the date in focus."""

    year: int
    month: int | None = None
    day: int | None = None
    season: int | None = None
    mark: str = ""  # "~" or "?" carried over from an approximate anchor

    @classmethod
    def parse(cls, edtf: str, last: bool = True) -> "Point | None":
        """The point a value stands for: an interval's last end (or first, ``last=False``)."""
        mark = edtf[-1] if edtf[-1:] in "~?" else ""
        ends = [e.rstrip("~?%") for e in edtf.split("/") if e not in ("", "..")]
        if not ends:
            return None
        m = re.fullmatch(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?", ends[-1] if last else ends[0])
        if m is None:
            return None
        year, sub, day = int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None
        if sub is not None and sub > 12:
            return cls(year, season=sub, mark=mark)
        return cls(year, sub, day, mark=mark)

    def edtf(self) -> str:
        if self.season:
            text = f"{self.year:04d}-{self.season}"
        elif self.month and self.day:
            text = f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        elif self.month:
            text = f"{self.year:04d}-{self.month:02d}"
        else:
            text = f"{self.year:04d}"
        return text + self.mark


@dataclass
class Context:
    """What relative expressions are resolved against while the text is read in order."""

    focus: str | None = None
    founding: str | None = None
    first: str | None = None
    founding_sentence: tuple[int, int] | None = None
    founding_distance: int = 0
    dct: str | None = None  # the source's own date (a day), for "yesterday" or "last May"
    dct_point: "Point | None" = None  # the same at whatever precision it was given ("2013-03")
    written: str | None = None  # the last date written out with its year ("May 1994")
    written_pos: int | None = None  # and where

    def focus_point(self, last: bool = True) -> Point | None:
        return Point.parse(self.focus, last) if self.focus else None

    def century(self) -> int | None:
        p = self.focus_point()
        return p.year // 100 if p else None


# -- handlers: one per form, each (match, context) -> EDTF or None -----------------------

def _month(text: str) -> int:
    return MONTHS[next(m for m in MONTHS if m.startswith(text.lower().rstrip(".")[:3]))]


def _date(year: int, month: int, day: int) -> str | None:
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def full_date(m: re.Match[str], ctx: Context) -> str | None:
    return _date(int(m["year"]), _month(m["month"]), int(m["day"]))


def iso_date(m: re.Match[str], ctx: Context) -> str | None:
    return _date(int(m["y"]), int(m["m"]), int(m["d"]))


def day_range(m: re.Match[str], ctx: Context) -> str | None:
    """ "from 3 to 7 June 1912"."""
    y, month = int(m["year"]), _month(m["month"])
    a, b = _date(y, month, int(m["d1"])), _date(y, month, int(m["day"]))
    return f"{a}/{b}" if a and b and a < b else None


def month_year(m: re.Match[str], ctx: Context) -> str | None:
    return f"{m['year']}-{_month(m['month']):02d}"


def month_range(m: re.Match[str], ctx: Context) -> str | None:
    a, b = _month(m["m1"]), _month(m["month"])
    return f"{m['year']}-{a:02d}/{m['year']}-{b:02d}" if a < b else None


def season_year(m: re.Match[str], ctx: Context) -> str | None:
    return f"{m['year']}-{SEASONS[m['season'].lower()]}"


def year(m: re.Match[str], ctx: Context) -> str | None:
    return m["year"]


def short_year(m: re.Match[str], ctx: Context) -> str | None:
    """ "'71": the century of the date in focus, else the twentieth."""
    return f"{ctx.century() or 19}{m['yy']}"


def year_range(m: re.Match[str], ctx: Context) -> str | None:
    y1, y2 = m["year"], m["y2"]
    if len(y2) == 2:
        y2 = y1[:2] + y2
    return f"{y1}/{y2}" if int(y1) < int(y2) else None


def decade(m: re.Match[str], ctx: Context) -> str | None:
    d = m["decade"]
    if d[0] in "'\u2019":
        return f"{ctx.century() or 19}{d[1]}X"
    return None if d[2:4] == "00" and d[:2] != "20" else f"{d[:3]}X"


def decade_word(m: re.Match[str], ctx: Context) -> str | None:
    return f"{ctx.century() or 19}{DECADE_WORDS[m['dw'].lower()]}X"


def _century_of(m: re.Match[str]) -> int | None:
    if m["hundreds"]:
        return int(m["hundreds"])
    n = number(m["cord"])
    return n - 1 if n else None


def century(m: re.Match[str], ctx: Context) -> str | None:
    c = _century_of(m)
    return f"{c:02d}XX" if c else None


PARTS = {"early": (0, 3), "mid": (4, 6), "late": (6, 9)}
CENTURY_PARTS = {"early": (0, 33), "mid": (34, 66), "late": (67, 99)}
YEAR_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "beginning": (1, 4),
              "start": (1, 4), "middle": (5, 8), "end": (9, 12), "first half": (1, 6),
              "second half": (7, 12)}


def part_decade(m: re.Match[str], ctx: Context) -> str | None:
    d = m["decade"]
    base = (int(f"{ctx.century() or 19}{d[1]}0") if d[0] in "'\u2019" else int(d[:4]))
    if base % 100 == 0 and base != 2000 and d[0] not in "'\u2019":
        return None
    lo, hi = PARTS[m["part"].lower()]
    return f"{base + lo}/{base + hi}"


def _century_part(c: int, part: str) -> str:
    lo, hi = CENTURY_PARTS[part.lower()]
    return f"{c * 100 + lo:04d}/{c * 100 + hi:04d}"


def part_century(m: re.Match[str], ctx: Context) -> str | None:
    c = _century_of(m)
    return _century_part(c, m["part"]) if c else None


def _part(text: str) -> str:
    """ "the end of" -> "end", "early in" -> "early", "Mid" -> "mid"."""
    return re.sub(r"^the\s+|\s+(?:of|in)$", "", re.sub(r"\s+", " ", text.lower().strip()))


def part_year(m: re.Match[str], ctx: Context) -> str | None:
    lo, hi = YEAR_PARTS[_part(m["part"])]
    return f"{m['year']}-{lo:02d}/{m['year']}-{hi:02d}"


def part_of_focus(m: re.Match[str], ctx: Context) -> str | None:
    """ "early in the century", "late in the decade", "the end of the year"."""
    p = ctx.focus_point()
    if p is None:
        return None
    part, unit = _part(m["part"]), m["unit"].lower()
    if unit == "century":
        return _century_part(p.year // 100, part) if part in CENTURY_PARTS else None
    if unit == "decade":
        base = p.year // 10 * 10
        return f"{base + PARTS[part][0]}/{base + PARTS[part][1]}" if part in PARTS else None
    lo, hi = YEAR_PARTS[part]
    return f"{p.year}-{lo:02d}/{p.year}-{hi:02d}"


def _shift_months(p: Point, n: int) -> Point:
    total = p.year * 12 + (p.month or 1) - 1 + n
    return Point(total // 12, total % 12 + 1, None, mark=p.mark)


def _shift(p: Point, unit: str, n: int) -> Point | None:
    """The point ``n`` units after ``p`` (before, for negative ``n``), at the unit's
    precision; None when the anchor is too coarse for the unit ("the next day" after 1983)."""
    unit = unit.lower().rstrip("s")
    if unit in ("year", "decade"):
        return Point(p.year + n * (10 if unit == "decade" else 1), mark=p.mark)
    if unit == "month":
        return _shift_months(p, n) if p.month else None
    if unit == "day":
        if not (p.month and p.day):
            return None
        d = dt.date(p.year, p.month, p.day) + dt.timedelta(days=n)
        return Point(d.year, d.month, d.day, mark=p.mark)
    return None


STEPS = {"following": 1, "next": 1, "subsequent": 1, "same": 0, "previous": -1,
         "preceding": -1, "prior": -1, "that": 0, "this": 0}


def relative_unit(m: re.Match[str], ctx: Context) -> str | None:
    """ "the following year", "that same year", "later that month", "the previous day",
    "the next decade", "the following spring", "that summer"."""
    step = STEPS[(m["rel"] or m["that"]).lower()]
    p = ctx.focus_point(last=step >= 0)
    if p is None:
        return None
    unit = m["unit"].lower()
    if unit in SEASONS:
        return _season_after(p, SEASONS[unit], step)
    if unit == "decade":
        return f"{p.year // 10 + step:03d}X"
    q = _shift(p, unit, step)
    return q.edtf() if q else None


def _season_after(p: Point, season: int, step: int) -> str:
    """The season in the anchor's year (step 0), the first one after it (1) or before (-1)."""
    if step == 0:
        return f"{p.year}-{season}{p.mark}"
    here = SEASON_MONTH[p.season] if p.season else p.month
    if step > 0:
        after = here is not None and here < SEASON_MONTH[season]
        return f"{p.year if after else p.year + 1}-{season}{p.mark}"
    before = here is not None and here > SEASON_MONTH[season] + 2
    return f"{p.year if before else p.year - 1}-{season}{p.mark}"


def the_unit_after(m: re.Match[str], ctx: Context) -> str | None:
    """ "the year after", "the day before"."""
    p = ctx.focus_point()
    n = 1 if m["dir"].lower() == "after" else -1
    q = _shift(p, m["unit"], n) if p else None
    return q.edtf() if q else None


def units_later(m: re.Match[str], ctx: Context) -> str | None:
    """ "two years later", "a decade after its founding", "three months earlier"."""
    n = number(re.sub(r"\s+", " ", m["n"]).replace("a hundred", "100"))
    if n is None:
        return None
    if m["dir"].lower() in ("earlier", "before", "previously", "prior"):
        n = -n
    anchor = (ctx.founding or ctx.first) if m["founding"] else ctx.focus
    p = Point.parse(anchor, last=n >= 0) if anchor else None
    q = _shift(p, m["unit"], n) if p else None
    return q.edtf() if q else None


def anniversary(m: re.Match[str], ctx: Context) -> str | None:
    """ "its 10th anniversary", "our twenty-fifth anniversary", "its centenary"."""
    n = JUBILEES[re.sub(r"\s+", " ", m["jub"].lower())] if m["jub"] else number(m["ord"])
    anchor = ctx.founding or ctx.first
    p = Point.parse(anchor, last=False) if anchor else None
    return f"{p.year + n}" if p and n else None


def month_of_focus(m: re.Match[str], ctx: Context) -> str | None:
    """ "May of that year", "1 December that year", "March of the following year"."""
    p = ctx.focus_point()
    if p is None:
        return None
    y = p.year + STEPS[(m["rel"] or m["that"]).lower()]
    month = _month(m["month"])
    day = m["day"] or m["day2"]
    return _date(y, month, int(day)) if day else f"{y}-{month:02d}"


_MONTH_CUE = re.compile(r"(?:\b(?:in|on|by|until|since|from|during|early|late|of|and|or)\s+|(?:mid|early|late)-)$", re.I)


def month_in_focus(m: re.Match[str], ctx: Context) -> str | None:
    """ "In February" or "on 21 January" with no year: the year in focus (chronologies,
    "1991 - In June ..."). Read only after a preposition, so "May" the verb is not a month."""
    p = ctx.focus_point()
    if p is None or not _MONTH_CUE.search(m.string, max(0, m.start() - 8), m.start()):
        return None
    month = _month(m["month"])
    day = m["day"] or m["day2"]
    return _date(p.year, month, int(day)) if day else f"{p.year}-{month:02d}"


WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()


def weekday(m: re.Match[str], ctx: Context) -> str | None:
    """ "on Saturday" in a dated report: the last such day before the date in focus
    ("next Saturday", "the following Saturday": the first one after it)."""
    p = ctx.focus_point()
    if p is None or not (p.month and p.day):
        return None
    here = dt.date(p.year, p.month, p.day)
    target = WEEKDAYS.index(m["weekday"].lower())
    if m["dir"]:
        day = here + dt.timedelta(days=(target - here.weekday() - 1) % 7 + 1)
    else:
        day = here - dt.timedelta(days=(here.weekday() - target - 1) % 7 + 1)
    return day.isoformat()


def next_month_name(m: re.Match[str], ctx: Context) -> str | None:
    """ "the following May": the first May after the date in focus."""
    p = ctx.focus_point()
    if p is None:
        return None
    month = _month(m["month"])
    here = SEASON_MONTH[p.season] if p.season else p.month
    y = p.year if here is not None and here < month else p.year + 1
    return f"{y}-{month:02d}"


# -- the source's own date: news, letters, minutes ---------------------------------------
#
# "yesterday", "last May", "on Friday" or "three years ago" mean something only against the
# date of the text that says them. Each reader below returns None without that date, so the
# expression is dropped rather than guessed (and a narrative reading, against the date in
# focus, may still take it). News-writing conventions: a bare weekday or month is the
# nearest one, in the past unless the clause speaks of the future.

_FUTURE = re.compile(r"\b(?:will|would|shall|['\u2019]ll|is\s+to|are\s+to|to\s+be|due|scheduled|set\s+to"
                     r"|expected|expects?|plans?\s+to|intends?\s+to|going\s+to|upcoming"
                     r"|payable|effective|as\s+(?:soon|early)\s+as|until|planned\s+for|supposed\s+to"
                     r"|should|must|hopes?\s+to|aims?\s+to)\b", re.I)


def _dct(ctx: Context) -> dt.date | None:
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", ctx.dct or "")
    return dt.date(int(m[1]), int(m[2]), int(m[3])) if m else None


_PAST = re.compile(r"\b(?:was|were|had|did|said|says|told|met|began|became|left|took|made|went|came"
                   r"|sold|bought|brought|paid|held|won|lost|gave|got|rose|fell|grew|ran|wrote|spent"
                   r"|kept|\w{3,}ed)\b", re.I)


def _tense(m: re.Match[str]) -> int:
    """1 when the clause before the expression speaks of what is to come ("will meet",
    "is scheduled for": marked, so it wins), -1 when of what was ("said", "closed"), 0
    when it gives no sign."""
    before = m.string[max(0, m.start() - 60):m.start()]
    clause = re.split(r"[,;:!?]|\.\s+(?=[A-Z])", before)[-1]
    if not (_FUTURE.search(clause) or _PAST.search(clause)):  # "In January, the firm bought ..."
        clause = re.split(r"[;:!?]|\.\s+(?=[A-Z])", m.string[m.end():m.end() + 60])[0]
    return 1 if _FUTURE.search(clause) else -1 if _PAST.search(clause) else 0


def deictic_day(m: re.Match[str], ctx: Context) -> str | None:
    """ "today", "tonight", "yesterday", "tomorrow"."""
    d = _dct(ctx)
    if d is None:
        return None
    step = {"yesterday": -1, "tomorrow": 1}.get(m["word"].lower(), 0)
    return (d + dt.timedelta(days=step)).isoformat()


DEICTIC_STEPS = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1,
                 "coming": 1}


def _week(d: dt.date, weekend: bool = False) -> str:
    monday = d - dt.timedelta(days=d.weekday())
    first, last = (monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)) if weekend else (
        monday, monday + dt.timedelta(days=6))
    return f"{first.isoformat()}/{last.isoformat()}"


def deictic_unit(m: re.Match[str], ctx: Context) -> str | None:
    """ "this year", "last month", "next week", "this weekend", "last quarter", "this summer",
    "earlier this year". A week is its days, Monday to Sunday (EDTF has no weeks); a
    quarter is EDTF 33-36."""
    d = _dct(ctx)
    step = DEICTIC_STEPS[m["which"].lower()]
    unit = m["unit"].lower()
    if d is None:  # a source dated to the month or year still places "last year"
        p = ctx.dct_point
        if p is None or (unit != "year" and not (unit == "month" and p.month)):
            return None
        return str(p.year + step) if unit == "year" else _shift_months(p, step).edtf()
    if unit == "year":
        return str(d.year + step)
    if unit == "month":
        return _shift_months(Point(d.year, d.month), step).edtf()
    if unit in ("week", "weekend"):
        return _week(d + dt.timedelta(days=7 * step), unit == "weekend")
    if unit == "quarter":
        q = (d.year * 4 + (d.month - 1) // 3) + step
        return f"{q // 4}-{33 + q % 4}"
    season = SEASONS[unit]
    return _season_after(Point(d.year, d.month), season, step)


def this_year(m: re.Match[str], ctx: Context) -> str | None:
    """ "the year", "the full year", "the current fiscal year" in a dated report: the year
    in focus, which is the report's own until another is written."""
    p = ctx.dct_point
    return str(_narrated(m, ctx) or p.year) if p else None


_SPOKEN_UNITS = "one two three four five six seven eight nine".split()
_SPOKEN_YY = (r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
              r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four"
              r"|five|six|seven|eight|nine))?|hundred|oh[- ](?:one|two|three|four|five|six|seven|eight|nine))")
_SPOKEN_YEAR = rf"(?P<cc>(?:[Ss]even|[Ee]igh|[Nn]ine)teen)[- ](?P<yy>{_SPOKEN_YY})\b"


def spoken_year(m: re.Match[str], ctx: Context) -> str | None:
    """ "nineteen ninety-six", "eighteen oh-five", "nineteen hundred" (broadcast
    transcripts); with a month, "January nineteen ninety-seven"."""
    cc = number(m["cc"].lower())
    yy = m["yy"].lower().replace("oh-", "").replace("oh ", "")
    n = 0 if yy == "hundred" else number(yy)
    if cc is None or n is None:
        return None
    y = f"{cc * 100 + n:04d}"
    return f"{y}-{_month(m['month']):02d}" if "month" in m.re.groupindex and m["month"] else y


def _holiday(name: str, y: int) -> dt.date | None:
    """The day a named feast falls on in year ``y``."""
    from dateutil.easter import easter
    name = re.sub(r"\s+", " ", name.lower().replace("\u2019", "'"))
    fixed = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "boxing day": (12, 26), "new year's day": (1, 1), "new year's eve": (12, 31),
             "halloween": (10, 31), "valentine's day": (2, 14), "may day": (5, 1),
             "bastille day": (7, 14), "armistice day": (11, 11), "remembrance day": (11, 11),
             "veterans day": (11, 11), "veterans' day": (11, 11)}
    if name in fixed:
        return dt.date(y, *fixed[name])
    if name.startswith("easter") or name == "good friday":
        shift = {"good friday": -2, "easter monday": 1}.get(name, 0)
        sunday: dt.date = easter(y)
        return sunday + dt.timedelta(days=shift)
    if name.startswith("thanksgiving"):  # the United States': the fourth Thursday of November
        first = dt.date(y, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    return None


def holiday(m: re.Match[str], ctx: Context) -> str | None:
    """ "Christmas 1914", "on Good Friday", "Thanksgiving Day": with a year, that year's;
    in a dated report, the nearest one in the clause's tense; else the year in focus's."""
    if m["year"]:
        d = _holiday(m["hol"], int(m["year"]))
        return d.isoformat() if d else None
    now = _reporting(m, ctx)
    if now is None:
        p = ctx.focus_point()
        d = _holiday(m["hol"], p.year) if p else None
        return d.isoformat() if d else None
    direction = _tense(m) or -1
    days = [x for x in (_holiday(m["hol"], now.year + k) for k in (-1, 0, 1)) if x]
    ahead = [x for x in days if (x - now).days * direction >= 0]
    return min(ahead or days, key=lambda x: abs((x - now).days)).isoformat() if days else None


def year_ago_adjective(m: re.Match[str], ctx: Context) -> str | None:
    """ "year-ago results", "the year-earlier period": the year before the report's."""
    p = ctx.dct_point
    return str(p.year - 1) if p else None


def ago(m: re.Match[str], ctx: Context) -> str | None:
    """ "three years ago", "a month ago", "two weeks ago", at the unit's precision."""
    d = _dct(ctx)
    n = number(re.sub(r"\s+", " ", m["n"]).replace("a hundred", "100"))
    unit = m["unit"].lower().rstrip("s")
    if d is None and ctx.dct_point and n is not None and unit in ("year", "decade", "month"):
        q = _shift(ctx.dct_point, unit, -n)  # a source dated to the month or year
        return q.edtf() if q else None
    if d is None or n is None:
        return None
    if unit == "week":
        return (d - dt.timedelta(days=7 * n)).isoformat()
    q = _shift(Point(d.year, d.month, d.day), unit, -n)
    return q.edtf() if q else None


def _nearest_month(d: dt.date, month: int, day: int | None, direction: int) -> int:
    """The year that puts ``month`` (and ``day``) nearest the source's date: news writes
    "Dec. 7" for the coming one in November and "in March" for the last one in May. A
    clause of the past all but rules out a date to come more than a month away, and one
    of the future a date gone by; a clause with no sign of either leans to the past."""
    def cost(y: int) -> int:
        there = dt.date(y, month, min(day or 15, calendar.monthrange(y, month)[1]))
        days = (there - d).days
        if abs(days) <= 31 or days * (direction or -1) > 0:
            return abs(days)
        return abs(days) + (400 if direction else 60)
    return min((d.year - 1, d.year, d.year + 1), key=cost)


def _reporting(m: re.Match[str], ctx: Context) -> dt.date | None:
    """The source's date, while the text speaks of its own time: no date far from the
    source's written out in the last few lines. A history published in 2013 that is
    telling of 1901 reads "in March" as 1901's March (the date in focus), not 2013's; a
    news story that recalls 1994 in one sentence is back in its own week in the next."""
    d = _dct(ctx)
    if d is None or ctx.written is None or ctx.written_pos is None or m.start() - ctx.written_pos > 250:
        return d
    p = Point.parse(ctx.written)
    return d if p is None or abs(p.year - d.year) <= 1 else None


def _narrated(m: re.Match[str], ctx: Context) -> int | None:
    """The year of a date written out earlier in the same sentence ("In 1995 the firm
    moved, and in March it ..."): a bare month is that year's, not the source's."""
    if ctx.written is None or ctx.written_pos is None or re.search(r"[.!?]\s", m.string[ctx.written_pos:m.start()]):
        return None
    p = Point.parse(ctx.written)
    return p.year if p else None


def month_near_dct(m: re.Match[str], ctx: Context) -> str | None:
    """ "Sept. 11", "in March", "last May", "next January" in a dated source."""
    day = m["day"] or m["day2"]
    d = _dct(ctx) if day else _reporting(m, ctx)  # "Aug. 2": news leaves out this year's year
    if d is None:
        return None
    word = (m["dir"] or "").lower()
    if not (word or day or _MONTH_CUE.search(m.string, max(0, m.start() - 8), m.start())
            or re.search(r"\bfor\s+$", m.string[max(0, m.start() - 5):m.start()])):
        return None  # "May" the verb, "March" the walk
    month = _month(m["month"])
    direction = 1 if word == "next" else -1 if word == "last" else _tense(m)
    y = _narrated(m, ctx) or _nearest_month(d, month, int(day) if day else None, direction)
    if word == "last" and (y, month) >= (d.year, d.month):
        y -= 1  # "last May" is never this one
    elif word == "next" and (y, month) <= (d.year, d.month):
        y += 1
    return _date(y, month, int(day)) if day else f"{y}-{month:02d}"


def weekday_near_dct(m: re.Match[str], ctx: Context) -> str | None:
    """ "Friday", "on Tuesday", "last Monday", "next Sunday" in a dated source: the nearest
    one, before the source's date unless the clause speaks of the future."""
    d = _dct(ctx)
    if d is None or _narrated(m, ctx) not in (None, d.year, d.year - 1, d.year + 1):
        return None
    word = (m["dir"] or "").lower()
    target = WEEKDAYS.index(m["weekday"].lower())
    if word in ("next", "coming", "this") or (not word and _tense(m) > 0):
        return (d + dt.timedelta(days=(target - d.weekday()) % 7)).isoformat()
    back = (d.weekday() - target) % 7
    return (d - dt.timedelta(days=back or (7 if word == "last" else 0))).isoformat()


def quarter(m: re.Match[str], ctx: Context) -> str | None:
    """ "the third quarter of 1998", "the 1997 fourth quarter", "third-quarter": EDTF
    33-36; with no year, the latest such quarter begun by the source's date."""
    q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}[m["q"].lower()]
    y = m["year"] or m["y2"]
    if y is None:
        d = _dct(ctx)
        if d is None:
            return None
        y = d.year - (1 if 3 * (q - 1) + 1 > d.month else 0)
    return f"{y}-{32 + q}"


def year_end(m: re.Match[str], ctx: Context) -> str | None:
    """ "year-end", "the end of this year", "year's end": the last months of the year."""
    d = _dct(ctx)
    p = Point(d.year) if d else ctx.focus_point()
    if p is None:
        return None
    y = p.year + DEICTIC_STEPS.get((m["which"] or "this").lower(), 0)
    return f"{y}-09/{y}-12"


def turn_of_century(m: re.Match[str], ctx: Context) -> str | None:
    """ "the turn of the century" (the focus's nearest century boundary), "the turn of the
    20th century" (1900): five years either side."""
    if m["cord"] or m["hundreds"]:
        c = _century_of(m)
        edge = c * 100 if c else None
    else:
        p = ctx.focus_point()
        d = _dct(ctx)
        year_ = p.year if p else d.year if d else None
        if year_ is None:
            return None
        edge = round(year_ / 100) * 100
    return f"{edge - 5}/{edge + 5}" if edge else None

# -- the grammar -------------------------------------------------------------------------

@dataclass(frozen=True)
class Form:
    name: str
    pattern: re.Pattern[str]
    read: Callable[[re.Match[str], Context], str | None]
    relative: str | None = None  # "focus" or "founding" for forms read against an anchor
    needs: re.Pattern[str] | None = None  # a word the form cannot match without: no scan where it is missing


def _form(name: str, regex: str, read: Callable[[re.Match[str], Context], str | None],
          relative: str | None = None, flags: int = 0, needs: str | None = None) -> Form:
    return Form(name, re.compile(regex, flags), read, relative, re.compile(needs, re.I) if needs else None)


_THE = r"(?:[Tt]he\s+)?"
_Q = r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)"
# a month, perhaps with its day before or after it, and no year after it ("Sept. 11", "in March")
_BARE_MONTH = (rf"(?:{_DAY}\s+(?:of\s+)?)?{_MONTH}(?:\s+{_DAY.replace('<day>', '<day2>')})?"
               r"(?!,?\s*(?:of\s+)?(?:\d|['\u2019]\d))")
# Read against the source's own date; each yields nothing without one.
DEICTIC: list[Form] = [
    _form("deictic_day", r"\b(?P<word>today|tonight|yesterday|tomorrow)\b", deictic_day,
          relative="dct", flags=re.I),
    _form("deictic_unit", r"\b(?:(?:earlier|later)\s+)?(?P<which>this|last|next|coming|past|current)\s+"
          r"(?P<unit>year|month|week|weekend|quarter|spring|summer|autumn|fall|winter)\b", deictic_unit,
          relative="dct", flags=re.I),
    _form("ago", rf"\b{_NUM}\s+(?P<unit>years?|months?|weeks?|days?|decades?)\s+ago\b", ago,
          relative="dct", flags=re.I),
    _form("quarter", rf"\b(?:[Tt]he\s+)?(?:{_YEAR}\s+)?(?i:{_Q}[- ](?:fiscal[- ])?quarter)(?:\s+of\s+"
          r"(?:fiscal\s+)?(?P<y2>1[0-9]{3}|20[0-9]{2}))?\b", quarter, relative="dct"),
    _form("part_year", r"\b(?:[Yy]ear[- ]end|[Yy]ear['\u2019]s\s+end|(?:[Tt]he\s+)?end\s+of\s+"
          r"(?P<which>this|last|next)\s+year)\b", year_end, relative="dct"),
    _form("this_year", r"\b(?:[Tt]he\s+(?:full\s+|current\s+)?(?:fiscal\s+)?year|[Tt]he\s+current\s+fiscal\s+year)"
          r"(?!\s+(?:\d|of|in|when|that|before|after|ago|earlier|later|two|which)|['\u2019]s|-)\b", this_year,
          relative="dct"),
    _form("year", rf"\b[Ff]iscal(?:\s+year)?\s+{_YEAR}", year),
    _form("holiday", r"\b(?P<hol>Christmas(?:\s+(?:Day|Eve))?|Boxing\s+Day|New\s+Year['\u2019]s\s+(?:Day|Eve)"
          r"|Hallowe'?en|Valentine['\u2019]s\s+Day|May\s+Day|Bastille\s+Day|Armistice\s+Day|Remembrance\s+Day"
          r"|Veterans['\u2019]?\s+Day|Easter(?:\s+(?:Sunday|Monday))?|Good\s+Friday|Thanksgiving(?:\s+Day)?)"
          rf"(?:,?\s+{_YEAR})?\b", holiday, relative="focus"),
    _form("year_ago", r"\b(?:[Tt]he\s+)?[Yy]ear[- ](?:ago|earlier)\b", year_ago_adjective, relative="dct"),
    _form("spoken_year", rf"\b(?:{_MONTH}\s+(?:of\s+)?)?{_SPOKEN_YEAR}", spoken_year),
    _form("turn_of_century", rf"\b(?:[Tt]he\s+)?turn\s+of\s+the\s+(?:{_CENTURY}|[Cc]entury)\b",
          turn_of_century, relative="focus"),
    _form("month_near_dct", rf"\b(?:(?P<dir>[Ll]ast|[Nn]ext|[Tt]his)\s+)?{_BARE_MONTH}", month_near_dct,
          relative="dct"),
    _form("weekday_near_dct", r"\b(?:(?P<dir>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming)\s+)?(?P<weekday>Monday"
          r"|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", weekday_near_dct, relative="dct"),
]
BASE: list[Form] = DEICTIC + [
    _form("iso_date", r"\b(?P<y>1[0-9]{3}|20[0-9]{2})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b", iso_date),
    _form("day_month_year", rf"\b{_THE}{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}", full_date),
    _form("month_day_year", rf"\b{_MONTH}\s+{_DAY}(?:,\s*|\s+){_YEAR}", full_date),
    _form("month_range", rf"\b(?:[Ff]rom\s+|[Bb]etween\s+)?(?P<m1>January|February|March|April|May|June|July|August|September"
          rf"|October|November|December)\s*(?:to|until|till|through|and|[-\u2013\u2014])\s*{_MONTH},?"
          rf"\s+{_YEAR}", month_range),
    _form("day_range", rf"\b(?:[Ff]rom\s+|[Bb]etween\s+)?(?P<d1>[0-3]?[0-9])(?:st|nd|rd|th)?\s*(?:to|until"
          rf"|till|and|[-\u2013\u2014])\s*{_DAY}\s+{_MONTH},?\s+{_YEAR}", day_range),
    _form("month_year", rf"\b{_MONTH}(?:,|\s+of)?\s+{_YEAR}", month_year),
    _form("season_year", rf"\b{_THE}{_SEASON}(?:\s+of)?,?\s+{_YEAR}", season_year),
    _form("part_year", rf"\b{_THE}(?P<part>(?:[Ee]arly|[Mm]id|[Ll]ate)(?:\s+in)?|(?:beginning|start"
          rf"|middle|end|first\s+half|second\s+half)\s+of)[- ]?\s*{_YEAR}", part_year),
    _form("part_decade", rf"\b{_THE}{_PART}[- ]?{_DECADE}", part_decade),
    _form("part_century", rf"\b{_THE}{_PART}[- ]?{_CENTURY}", part_century),
    _form("part_of_focus", r"\b(?P<part>(?:[Ee]arly|[Ll]ate|[Mm]id)\s+in|(?:[Tt]he\s+)?(?:beginning"
          r"|start|middle|end|first\s+half|second\s+half)\s+of)\s+the\s+(?:same\s+)?"
          r"(?P<unit>year|decade|century)\b", part_of_focus, relative="focus"),
    _form("century", rf"\b{_THE}{_CENTURY}", century),
    _form("decade", rf"(?:\b[Tt]he\s+)?(?:\b|(?=['\u2019])){_DECADE}(?!\w)", decade),
    _form("decade_word", r"\b[Tt]he\s+(?:(?:nineteen|eighteen)[- ])?(?P<dw>twenties|thirties|forties"
          r"|fifties|sixties|seventies|eighties|nineties)\b", decade_word),
    _form("year_range", rf"(?<![\d,.$£€-]){_YEAR}\s*(?:[-\u2013\u2014/]|\s+to\s+)\s*"
          r"(?P<y2>1[0-9]{3}|20[0-9]{2}|[0-9]{2})(?![\d%])", year_range),
    _form("year", rf"(?<![\d,.$£€#:/\u2013\u2014-]){_YEAR}(?![%]|[,.:]\d)", year),
    _form("short_year", r"(?<![\w'\u2019])['\u2019](?P<yy>[0-9]{2})(?![\ds\w])", short_year),
    # relative to the date in focus
    _form("relative_unit", rf"\b(?:(?:[Tt]he\s+)?{_REL}|(?:(?:later|earlier)\s+)?(?P<that>that|this)"
          r"(?:\s+same)?)\s+(?P<unit>year|month|day|decade|spring|summer|autumn|fall|winter)\b",
          relative_unit, relative="focus", flags=re.I),
    _form("month_of_focus", rf"\b(?:{_DAY}\s+)?{_MONTH}(?:\s+{_DAY.replace('<day>', '<day2>')})?,?\s+(?:of\s+)?(?:(?P<that>that)"
          rf"|the\s+{_REL})\s+year\b", month_of_focus, relative="focus"),
    _form("month_in_focus", rf"\b{_BARE_MONTH}", month_in_focus, relative="focus"),
    _form("weekday", r"(?:(?<=\bon\s)|(?<=\b[Ll]ast\s)|\b(?P<dir>next\s|[Tt]he\s+following\s))"
          r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", weekday,
          relative="focus"),
    _form("next_month_name", rf"\b(?:[Tt]he\s+)?(?:following|next)\s+{_MONTH}", next_month_name,
          relative="focus"),
    _form("units_later", rf"\b{_NUM}\s+(?P<unit>years?|months?|days?|decades?)\s+(?P<dir>later"
          rf"|after(?:wards)?|earlier|before|previously|on)(?:\s+{_FOUNDING})?", units_later,
          relative="focus", flags=re.I),
    _form("the_unit_after", r"\b[Tt]he\s+(?P<unit>year|month|day)\s+(?P<dir>after|before)\b",
          the_unit_after, relative="focus"),
    _form("anniversary", rf"\b{_POSS}(?:{_ORD}\s+anniversary|(?P<jub>centenary|centennial"
          r"|bicentenary|bicentennial|sesquicentennial|sesquicentenary|(?:golden|silver|diamond"
          r"|ruby)\s+jubilee))\b(?!\s+of\s+(?!its|their|our)\w)", anniversary, relative="founding", flags=re.I,
          needs=r"anniversary|centenar|centennial|jubilee"),
]


def _bare(form: Form) -> str:
    """A form's regex without its group names, to embed in a compound expression."""
    regex = re.sub(r"\(\?P<\w+>", "(?:", form.pattern.pattern)
    return f"(?i:{regex})" if form.pattern.flags & re.I else regex


_SEP = r"\s*(?:to|until|till|through|and|[-\u2013\u2014])\s*"
_APPROX = r"(?:circa|c\.|ca\.|around|about|approximately|roughly|some\s*time\s+around)"
_UNCERTAIN = r"(?:probably|possibly|perhaps|presumably|likely|apparently)"
_OPEN_END = r"(?:until|till|up\s+(?:to|until)|by|before|prior\s+to|not\s+later\s+than)"
_OPEN_START = r"(?:since|after|not\s+before)"

# A compound that opens with a date (after an optional word: ``lead``) is tried only where
# one of its forms matches, not at every character: a regex that opens with an alternation
# of forty forms cost more than all the forms' own scans together.
Compound = tuple[str, re.Pattern[str], re.Pattern[str] | None]  # kind, regex, lead


def _compounds(forms: list[Form]) -> list[Compound]:
    """The compound expressions over ``forms``: intervals, open ends, qualified dates."""
    any_ = "|".join(_bare(f) for f in forms)
    _A, _B = rf"(?P<a>{any_})", rf"(?P<b>{any_})"
    opens_with_date = re.compile(r"(?!)")  # no lead: the date comes first
    return [
        ("interval", re.compile(rf"\b(?:[Ff]rom|[Bb]etween)\s+{_A}{_SEP}{_B}"), None),
        ("interval", re.compile(rf"{_A}\s+(?:to|through)\s+{_B}"), opens_with_date),
        ("approximate", re.compile(rf"\b(?i:{_APPROX})\s+(?:in\s+)?{_A}"), None),
        ("uncertain", re.compile(rf"\b(?i:{_UNCERTAIN})\s+(?:in\s+|on\s+|during\s+)?{_A}"), None),
        ("uncertain", re.compile(rf"{_A}\s?\?"), opens_with_date),
        ("open_end", re.compile(rf"\b(?i:{_OPEN_END})\s+{_B}"), None),
        ("open_start", re.compile(rf"\b(?i:{_OPEN_START})\s+{_A}"), None),
        ("open_start", re.compile(rf"\b(?:[Ff]rom\s+)?{_A}\s+(?:onwards?\b|on(?=\s*[,.;:)!?]|\s*$))"),
         re.compile(r"\b[Ff]rom\s+")),
    ]


def _all_matches(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """A match at every place the pattern matches, overlapping ones too (``finditer`` skips
    a match that starts inside the one before)."""
    out: list[re.Match[str]] = []
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        out.append(m)
        pos = m.start() + 1
    return out


def _not_overlapping(matches: list[re.Match[str]]) -> Iterator[re.Match[str]]:
    """Of a pattern's matches at every place, those ``finditer`` gives: the first, then the
    first that starts where the one before ended."""
    end = 0
    for m in matches:
        if m.start() >= end:
            yield m
            end = m.end() if m.end() > m.start() else m.start() + 1


def _anchored(pattern: re.Pattern[str], lead: re.Pattern[str], text: str,
              starts: list[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a compound that can only start where a form does
    (``starts``) or where its lead word does: the same matches, tried at far fewer places."""
    places = sorted(set(starts) | {m.start() for m in lead.finditer(text)})
    end = 0
    for pos in places:
        if pos < end:
            continue
        m = pattern.match(text, pos)
        if m is not None:
            yield m
            end = m.end() if m.end() > m.start() else m.start() + 1


# Without a source date the forms read against one cannot yield anything: not scanned
# (a quarter can: "the third quarter of 1998").
UNDATED = [f for f in BASE if f.relative != "dct" or f.name == "quarter"]
COMPOUND_UNDATED = _compounds(UNDATED)  # every text's opening line is read without a date


@lru_cache(maxsize=1)
def _dated_compounds() -> list[Compound]:
    """The compounds over every form, compiled when a text with a date of its own first
    comes: 0.1 s that a corpus without dates never needs, off the start of every worker."""
    return _compounds(BASE)


# -- reading a text ----------------------------------------------------------------------

@dataclass
class _Match:
    start: int
    end: int
    form: str
    value: Callable[[Context], str | None]
    relative: str | None = None


def _value_of(text: str, ctx: Context) -> str | None:
    """The value of a text that is exactly one base expression."""
    for f in BASE:
        m = f.pattern.fullmatch(text)
        value = f.read(m, ctx) if m else None
        if value is not None:
            return value
    return None


def _compound(kind: str, m: re.Match[str]) -> Callable[[Context], str | None]:
    """The reader of a compound: an interval, an open end, or a qualified date."""
    def value(ctx: Context) -> str | None:
        a = _value_of(m["a"], ctx) if "a" in m.re.groupindex and m["a"] else None
        b = _value_of(m["b"], ctx) if "b" in m.re.groupindex and m["b"] else None
        if kind == "interval":
            return _interval(a, b)
        if kind == "open_end":
            return f"../{_last(b)}" if b and ".." not in b else None
        if kind == "open_start":
            return f"{_first(a)}/.." if a and ".." not in a else None
        if a is None or "/" in a or a[-1] in "~?":
            return None
        return a + ("~" if kind == "approximate" else "?")
    return value


def _first(v: str) -> str:
    """The first point of a value: an interval's start, a decade's or century's first year
    ("since the 1990s" is 1990/..)."""
    return re.sub(r"X+$", lambda x: "0" * len(x.group(0)), v.split("/")[0])


def _last(v: str) -> str:
    """The last point of a value ("by the 1990s" is ../1999)."""
    return re.sub(r"X+$", lambda x: "9" * len(x.group(0)), v.split("/")[-1])


def _interval(a: str | None, b: str | None) -> str | None:
    if not a or not b or ".." in a + b:
        return None
    lo, hi = _first(a), _last(b)
    ba, bb = bounds(lo), bounds(hi)
    if ba is None or bb is None or ba[0] >= bb[0]:
        return None
    return f"{lo}/{hi}"


def _relative(m: re.Match[str]) -> str | None:
    parts = [m[g] for g in ("a", "b") if g in m.re.groupindex and m[g]]
    return next((f.relative for part in parts for f in BASE
                 if f.relative and f.pattern.fullmatch(part)), None)


def _candidates(text: str, dated: bool = True) -> list[_Match]:
    """Every reading of every form at every place; ``dated``: the text has a date of its own."""
    found: list[_Match] = []
    starts: list[int] = []
    for f in BASE if dated else UNDATED:
        if f.needs is not None and not f.needs.search(text):
            continue
        every = _all_matches(f.pattern, text)
        starts += [m.start() for m in every]
        for m in _not_overlapping(every):
            relative = "founding" if "founding" in m.re.groupindex and m["founding"] else f.relative
            found.append(_Match(m.start(), m.end(), f.name,
                                (lambda mm, ff: lambda ctx: ff.read(mm, ctx))(m, f), relative))
    for kind, pattern, lead in _dated_compounds() if dated else COMPOUND_UNDATED:
        for m in pattern.finditer(text) if lead is None else _anchored(pattern, lead, text, starts):
            found.append(_Match(m.start(), m.end(), kind, _compound(kind, m), _relative(m)))
    return found


_TEMPORAL_BEFORE = re.compile(
    r"\b(?:in|of|since|until|by|from|during|after|before|between|and|to|c\.|circa)\s*$", re.I)
_STREET = re.compile(r"\s+(?:[A-Z][a-z]+\s+)*(?:Road|Street|Avenue|Lane|Way|Boulevard|Drive"
                     r"|Place|Square|Terrace|Row|St\.|Rd\.|Ave\.)")


def _not_a_date(text: str, m: _Match) -> bool:
    """Counts, page numbers, money, street numbers, ages: numbers that only look like years."""
    quoted = text[m.start:m.end]
    before, after = text[max(0, m.start - 16):m.start], text[m.end:m.end + 30]
    if quoted[:1].isdigit() and NOT_BEFORE_YEAR.search(before):
        return True
    if not re.search(r"\d{4}$", quoted):
        return False
    word = re.match(r"\s*([A-Za-z]+)", after)
    if word and word[1].lower() in COUNT_NOUNS and (
            not quoted[:1].isdigit() or not _TEMPORAL_BEFORE.search(before)):
        return True  # "2000 delegates", "by 2000 votes"; but "in 1983 members voted"
    return bool(_STREET.match(after) or re.match(r"-year|\s+years?\s+old|\s+hours?\b", after))


def _is_lifespan(text: str, start: int, end: int) -> bool:
    """ "(1939-2016)", "(born 1939)", "(b. 1939)" after a name: a person's dates."""
    before = text[max(0, start - 8):start]
    return bool(re.search(r"\((?:b\.\s*|born\s+|d\.\s*|died\s+)?$", before)) and bool(
        re.match(r"\s*(?:[-\u2013\u2014]\s*(?:\d{4})?)?\s*\)", text[end:end + 8]))


def _sentence_of(pos: int, sentences: list[tuple[int, int]], starts: list[int]) -> tuple[int, int]:
    """The sentence holding ``pos``: bisected (``starts`` are the sentences' starts, in
    order), as a scan per date made a long text quadratic."""
    i = bisect_right(starts, pos) - 1
    if i >= 0 and sentences[i][0] <= pos < sentences[i][1]:
        return sentences[i]
    return next((s for s in sentences if s[0] <= pos < s[1]), (pos, pos))


def _sentences(text: str) -> list[tuple[int, int]]:
    ends = r"[.!?][\"')\u201d]?\s+(?=[A-Z\"'(\u201c])|\n\s*\n"
    starts = [0] + [m.end() for m in re.finditer(ends, text)]
    return list(zip(starts, starts[1:] + [len(text)]))


def find(text: str, dct: str | None = None,
         sentences: Iterable[tuple[int, int]] | None = None) -> list[Timex]:
    """Every temporal expression in ``text``, in order, relative ones resolved.

    Read left to right, so that each relative expression sees the date in focus before
    it; at each position the longest reading that yields a valid value wins ("from 1971
    to 1974" over "1971"). ``dct`` is the source's own date (its creation time, an ISO
    day: "2013-03-22"): "yesterday", "last May" or "on Friday" are read against it, and
    without it they are left out; a date to the month or year ("2013-03") places only
    what it can ("last year", "three years ago"). ``sentences`` (character spans) tell which dates are
    founding dates; without them the text is split at sentence-ending punctuation.
    """
    sents = list(sentences) if sentences is not None else _sentences(text)
    starts = [s[0] for s in sents]
    day = source_day(dct)
    point = Point.parse(dct) if dct and "/" not in dct and bounds(dct) else None
    ctx = Context(dct=day, focus=day or (dct if point else None), dct_point=point)
    out: list[Timex] = []
    pos = 0
    for m in sorted(_candidates(text, point is not None), key=lambda m: (m.start, m.start - m.end)):
        if m.start < pos or _not_a_date(text, m):
            continue
        value = m.value(ctx)
        if value is None or bounds(value) is None:
            continue
        pos = m.end
        lifespan = m.form in ("year", "year_range") and _is_lifespan(text, m.start, m.end)
        out.append(Timex(m.start, m.end, text[m.start:m.end], value, m.form, m.relative, lifespan))
        if lifespan:
            continue
        ctx.focus = value
        if m.relative is None and not value.endswith("/.."):  # "since 1980" tells of now
            ctx.written, ctx.written_pos = value, m.start
        ctx.first = ctx.first or value
        if m.relative is None:
            _note_founding(text, m, value, _sentence_of(m.start, sents, starts), ctx)
    return out


def source_day(dct: str | None) -> str | None:
    """The day of a source's date given as ISO ("2013-03-22", "2013-03-22T10:00:00Z") or
    EDTF; None for a coarser date, which cannot place "yesterday"."""
    m = re.match(r"\s*(\d{4})-?(\d\d)-?(\d\d)(?!\d)", dct or "")
    return _date(int(m[1]), int(m[2]), int(m[3])) if m else None


# "ten years after it was established" speaks of a founding but is not one.
_AFTER_FOUNDING = re.compile(r"\b(?:after|before|since)\s+(?:it|they|we)\s+(?:was|were|had\s+been)\s+$")


def _note_founding(text: str, m: _Match, value: str, sent: tuple[int, int], ctx: Context) -> None:
    """Make ``value`` the founding date if it is the date nearest a founding word
    ("founded", "established", "set up") in the latest sentence that has one."""
    words = [w.start() for w in FOUNDING_WORDS.finditer(text, *sent)
             if not _AFTER_FOUNDING.search(text, max(0, w.start() - 30), w.start())]
    if not words:
        return
    distance = min(abs(w - m.start) for w in words)
    if ctx.founding is None or (ctx.founding_sentence == sent and distance < ctx.founding_distance):
        ctx.founding, ctx.founding_sentence, ctx.founding_distance = value, sent, distance


def normalize(phrase: str, focus: str | None = None, founding: str | None = None) -> str | None:
    """The EDTF value of a phrase that is exactly one temporal expression, else None.

    ``focus`` and ``founding`` anchor relative phrases ("the following year").
    """
    phrase = phrase.strip()
    ctx = Context(focus=focus, founding=founding)
    for m in _candidates(phrase):
        if m.start == 0 and m.end == len(phrase) and not _not_a_date(phrase, m):
            value = m.value(ctx)
            if value is not None and bounds(value) is not None:
                return value
    return None
