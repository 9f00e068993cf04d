"""EDTF dates as intervals: the string plus its earliest and latest calendar day.

Historians' dates are ranges ("May 1994", "the late 1960s"), not points, so orgline keeps
the EDTF string as written and derives integer bounds (``YYYYMMDD``) from it, which any SQL
database can range-query. Parsing and validation are the ``edtf`` library's; this module
only turns its answers into the two integers orgline stores.
"""
from __future__ import annotations

import re
import time
from functools import lru_cache

from edtf import parse_edtf
from edtf.parser.edtf_exceptions import EDTFParseException

OPEN_START = -99999999  # an interval open at the start ("../1990")
OPEN_END = 99999999  # an interval open at the end ("1971/..")

Bounds = tuple[int, int]
# a year, month or day as ISO 8601 and W3C dates write it (EDTF's months 21-24 are seasons)
PLAIN = re.compile(r"^-?\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def _day(value: object, default: int) -> int:
    if not isinstance(value, time.struct_time):  # open ends come back as +/- infinity
        return default
    return value.tm_year * 10000 + value.tm_mon * 100 + value.tm_mday


@lru_cache(maxsize=4096)
def bounds(edtf: str | None) -> Bounds | None:
    """Earliest and latest day an EDTF value can mean, as ``YYYYMMDD`` integers.

    Approximate and uncertain values ("1984~") widen to the library's fuzzy bounds, so that
    "circa 1984" is found by a query for 1983. None for an empty or invalid value.
    """
    if not edtf:
        return None
    try:
        parsed = parse_edtf(edtf)
    except (EDTFParseException, ValueError, TypeError):
        return None
    fuzzy = any(mark in edtf for mark in "~?%")
    lo = parsed.lower_fuzzy() if fuzzy else parsed.lower_strict()
    hi = parsed.upper_fuzzy() if fuzzy else parsed.upper_strict()
    return _day(lo, OPEN_START), _day(hi, OPEN_END)


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
