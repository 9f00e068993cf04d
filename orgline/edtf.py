"""EDTF dates as intervals: the string plus its earliest and latest calendar day.

Historians' dates are ranges ("May 1994", "the late 1960s"), not points, so orgline keeps
the EDTF string as written and derives integer bounds (``YYYYMMDD``) from it, which any SQL
database can range-query. Parsing and validation are the ``edtf`` library's; this module
only turns its answers into the two integers orgline stores.
"""
from __future__ import annotations

import calendar
import re
import contextlib
import io
import time
from functools import lru_cache

from edtf import parse_edtf
from edtf.parser.edtf_exceptions import EDTFParseException

from .errors import InvalidValue

OPEN_START = -99999999  # an interval open at the start ("../1990")
OPEN_END = 99999999  # an interval open at the end ("1971/..")

Bounds = tuple[int, int]
MAX_LENGTH = 64  # longer than any date a person writes; the parser's cost grows with it
MAX_YEAR = 9999  # bounds are YYYYMMDD integers: a year beyond this does not fit them
# a written calendar day (year-month-day, the year perhaps negative) anywhere in a value
DAY = re.compile(r"(?<![\dX])(-?)(\d{4})-(\d{2})-(\d{2})(?![\dX])")
# a year, month or day as ISO 8601 and W3C dates write it (EDTF's months 21-24 are seasons)
PLAIN = re.compile(r"^-?\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def _day(value: object, default: int) -> int:
    if not isinstance(value, time.struct_time):  # open ends come back as +/- infinity
        return default
    return value.tm_year * 10000 + value.tm_mon * 100 + value.tm_mday


# Values whose bounds need no parser: a year, month or day, a decade "196X", a century
# "18XX", and an interval of two of these or of one and an open end ("1971/..": seasons and
# qualified values go to the parser). The library's parser costs some 15 ms a value,
# most of orgline's own time on a short text; these forms are nearly all the dates it reads.
SIMPLE = re.compile(r"^(-?\d{4}(?:-(?:0[1-9]|1[0-2])(?:-\d{2})?)?|\d{3}X|\d{2}XX)$")  # months 21-24: seasons


def _simple_bounds(value: str) -> Bounds | None:
    """Bounds of a SIMPLE value, None where it is no real date (the 13th month, 30 February)."""
    if value.endswith("X"):
        base = int(value.replace("X", "0"))
        width = 10 if value.count("X") == 1 else 100
        return base * 10000 + 101, (base + width - 1) * 10000 + 1231
    sign = -1 if value.startswith("-") else 1
    parts = [int(p) for p in value.lstrip("-").split("-")]
    year = sign * parts[0]
    if len(parts) == 1:
        return year * 10000 + 101, year * 10000 + 1231
    month = parts[1]
    last = _month_days(year, month)
    if len(parts) == 2:
        return year * 10000 + month * 100 + 1, year * 10000 + month * 100 + last
    if not 1 <= parts[2] <= last:
        return None
    day = year * 10000 + month * 100 + parts[2]
    return day, day


def _fast_bounds(edtf: str) -> Bounds | None | bool:
    """Bounds without the parser, or False where the value is not of a SIMPLE form."""
    ends = edtf.split("/")
    if len(ends) == 2 and ".." in ends:  # open at one end: "1971/..", "../1990-05"
        known = "".join(ends).replace("..", "", 1)
        if ".." in known or "X" in known or not SIMPLE.match(known) or ends[1].startswith("-"):
            return False  # what the parser makes of these is its own
        b = _simple_bounds(known)
        if b is None:
            return False
        return (b[0], OPEN_END) if ends[1] == ".." else (OPEN_START, b[1])
    if len(ends) > 2 or not all(SIMPLE.match(e) for e in ends) or any(e.startswith("-") for e in ends[1:]):
        return False
    found = [_simple_bounds(e) for e in ends]
    if any(b is None for b in found):
        return None
    return found[0][0], found[-1][1]  # type: ignore[index]


@lru_cache(maxsize=4096)
def bounds(edtf: str | None) -> Bounds | None:
    """Earliest and latest day an EDTF value can mean, as ``YYYYMMDD`` integers.

    Approximate and uncertain values ("1984~") widen to the library's fuzzy bounds, so that
    "circa 1984" is found by a query for 1983. None for an empty or invalid value.
    """
    if not edtf or len(edtf) > MAX_LENGTH:
        return None
    fast = _fast_bounds(edtf)
    if fast is not False:
        return fast  # type: ignore[return-value]
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # the parser prints some failures
            parsed = parse_edtf(edtf)
        fuzzy = any(mark in edtf for mark in "~?%")
        lo = parsed.lower_fuzzy() if fuzzy else parsed.lower_strict()
        hi = parsed.upper_fuzzy() if fuzzy else parsed.upper_strict()
    except (EDTFParseException, ValueError, TypeError, ArithmeticError):  # the library fails on some values
        return None
    days = _day(lo, OPEN_START), _day(hi, OPEN_END)
    if any(d not in (OPEN_START, OPEN_END) and abs(d) // 10000 > MAX_YEAR for d in days):
        return None  # "Y17E700": a year no SQL integer holds
    return days


def parse_checked(value: str) -> str:
    """``value``, stripped, when it is an EDTF date orgline can store and mean: at most
    MAX_LENGTH characters, no ``Y`` long years or exponents, years within +/-9999, every
    written day a real calendar day (no 1985-02-29), an interval not ending before it
    begins. Raises InvalidValue with what to write instead; people's edits go through it."""
    v = value.strip()
    hint = "write an EDTF date like 1985, 1994-05, 196X or 1966/1969"
    if len(v) > MAX_LENGTH:
        raise InvalidValue(f"a date of {len(v)} characters is too long (at most {MAX_LENGTH}); {hint}")
    if "Y" in v or "E" in v or "S" in v:
        raise InvalidValue(f"{v!r}: years are written with 4 digits, within -9999 to 9999; {hint}")
    for sign, y, m, d in DAY.findall(v):
        year, month, day = int(sign + y), int(m), int(d)
        if 1 <= month <= 12 and not 1 <= day <= _month_days(year, month):
            raise InvalidValue(f"{v!r}: {sign}{y}-{m} has no day {d}; {hint}")
    b = bounds(v)
    if b is None:
        raise InvalidValue(f"{v!r} is not an EDTF date; {hint}")
    if b[0] > b[1]:
        raise InvalidValue(f"{v!r} ends before it begins; write the earlier date first")
    return v


def _month_days(year: int, month: int) -> int:
    """Days in a month of the proleptic Gregorian calendar, any year (EDTF's year 0 and
    negative years included: calendar.monthrange stops at year 1)."""
    if month == 2:
        return 29 if calendar.isleap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def iso_day(day: int | None) -> str | None:
    """A ``YYYYMMDD`` bound as an ISO day (``1921-01-01``); None for an open end or a day
    before year 0, which ISO dates in the formats orgline writes cannot carry."""
    if day is None or day < 0 or day >= OPEN_END:
        return None
    return f"{day // 10000:04d}-{day // 100 % 100:02d}-{day % 100:02d}"


def is_plain(edtf: str) -> bool:
    """True for a date the formats orgline exports to can write as it is: a year, month or
    day with no qualifier, not a season, decade or interval."""
    return PLAIN.match(edtf) is not None


def is_valid(edtf: str) -> bool:
    return bounds(edtf) is not None


def within(inner: str | None, outer: str | None) -> bool:
    """True when every day ``inner`` can mean lies inside ``outer``."""
    a, b = bounds(inner), bounds(outer)
    return a is not None and b is not None and b[0] <= a[0] and a[1] <= b[1]


def overlaps(a: Bounds, b: Bounds) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def year_of(edtf: str | None) -> int | None:
    """The first year an EDTF value can mean (for sorting and display)."""
    b = bounds(edtf)
    if b is None or b[0] == OPEN_START:
        return None
    return b[0] // 10000
