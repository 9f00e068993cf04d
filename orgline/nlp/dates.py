"""Temporal expressions in a Doc, normalized to EDTF (first slice: the forms histories
use most: years, month-year, full dates, seasons, decades and their parts, and a few
relative phrases anchored to the date in focus).

Regular expressions over the text rather than spaCy's DATE entities: the small model
misses and mis-bounds many historical dates ("the spring of 1937"), and EDTF needs the
pieces (month, season, decade) the entity label does not give. spaCy's tokens are used
only to snap each match to token boundaries and to spot lifespans, which are not dates of
the organization.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

SPANS_KEY = "orgline_dates"

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december"
    .split(), start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
SEASONS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}

_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_YEAR = r"(?P<year>1[0-9]{3}|20[0-9]{2})"
_DAY = r"(?P<day>[0-3]?[0-9])(?:st|nd|rd|th)?"

# Ordered: the first pattern to match a stretch of text wins.
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("day_month_year", re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b")),
    ("month_day_year", re.compile(rf"\b{_MONTH}\s+{_DAY},\s*{_YEAR}\b")),
    ("month_year", re.compile(rf"\b{_MONTH}(?:\s+of)?\s+{_YEAR}\b")),
    ("season_year", re.compile(
        rf"\b(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?{_YEAR}\b", re.I)),
    ("part_decade", re.compile(
        r"\b(?:the\s+)?(?P<part>early|mid|late)[- ](?P<decade>1[0-9]{2}|20[0-9])0s\b", re.I)),
    ("decade", re.compile(r"\b(?:the\s+)?(?P<decade>1[0-9]{2}|20[0-9])0s\b")),
    ("year_range", re.compile(rf"\b(?:between|from)\s+{_YEAR}\s+(?:and|to|until)\s+(?P<year2>1[0-9]{{3}}|20[0-9]{{2}})\b")),
    ("year", re.compile(rf"(?<![\d,.$£€-]){_YEAR}(?![\d%]|,\d)")),
    ("relative_year", re.compile(
        r"\b(?:the\s+)?(?P<rel>following|next|same|previous|preceding)\s+(?P<unit>year|spring|summer|autumn|fall|winter|month)\b"
        r"|\b(?P<that>that|this)\s+(?:same\s+)?(?P<unit2>year)\b", re.I)),
    ("years_later", re.compile(
        r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a)\s+(?P<unit>years?|decades?)\s+(?P<dir>later|after(?:wards)?|earlier|before)\b", re.I)),
]


@dataclass(frozen=True)
class Timex:
    """A temporal expression: where it is, what it means in EDTF, and which pattern read it."""

    start: int  # character offsets in the Doc's text
    end: int
    edtf: str
    pattern: str
    relative: bool = False


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")[:3]]


def _absolute(name: str, m: re.Match[str]) -> str | None:
    g = m.groupdict()
    if name in ("day_month_year", "month_day_year"):
        day = int(g["day"])
        return f"{g['year']}-{_month(g['month']):02d}-{day:02d}" if 1 <= day <= 31 else None
    if name == "month_year":
        return f"{g['year']}-{_month(g['month']):02d}"
    if name == "season_year":
        return f"{g['year']}-{SEASONS[g['season'].lower()]}"
    if name == "part_decade":
        d = int(g["decade"]) * 10
        lo, hi = {"early": (0, 3), "mid": (4, 6), "late": (6, 9)}[g["part"].lower()]
        return f"{d + lo}/{d + hi}"
    if name == "decade":
        return f"{g['decade']}X"
    if name == "year_range":
        return f"{g['year']}/{g['year2']}"
    if name == "year":
        return g["year"]
    return None


def _relative(m: re.Match[str], anchor: str | None) -> str | None:
    """Resolve "the following year", "two years later" against the date in focus."""
    if anchor is None:
        return None
    year = int(anchor[:4])
    g = m.groupdict()
    if g.get("that"):
        return str(year)
    if g.get("rel"):
        rel, unit = g["rel"].lower(), g["unit"].lower()
        step = {"following": 1, "next": 1, "same": 0, "previous": -1, "preceding": -1}[rel]
        if unit == "month":
            return None
        if unit in SEASONS:
            return f"{year + step}-{SEASONS[unit]}" if step else f"{year}-{SEASONS[unit]}"
        return str(year + step)
    n_text = g["n"].lower()
    n = 1 if n_text == "a" else NUMBER_WORDS.get(n_text, int(n_text) if n_text.isdigit() else 0)
    if g["unit"].lower().startswith("decade"):
        n *= 10
    sign = -1 if g["dir"].lower() in ("earlier", "before") else 1
    return str(year + sign * n)


def _is_lifespan(doc: Doc, start: int, end: int) -> bool:
    """ "(1939-2016)" or "(born 1939)" after a name: a person's dates, not an event's."""
    before = doc.text[max(0, start - 8):start]
    return bool(re.search(r"\((?:b\.\s*|born\s+|d\.\s*|died\s+)?$", before)) and bool(
        re.match(r"\s*(?:[-–—]\s*\d{4})?\s*\)", doc.text[end:end + 8])
        or re.match(r"[-–—]", doc.text[end:end + 1]))


def find_timexes(doc: Doc) -> list[Timex]:
    """Every temporal expression in the text, left to right, relative ones anchored."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, int, str, re.Match[str]]] = []
    for name, pattern in PATTERNS:
        for m in pattern.finditer(doc.text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            found.append((s, e, name, m))
    found.sort(key=lambda f: f[0])
    timexes: list[Timex] = []
    anchor: str | None = None
    for s, e, name, m in found:
        if name in ("year", "year_range") and _is_lifespan(doc, s, e):
            continue
        if name in ("relative_year", "years_later"):
            value = _relative(m, anchor)
            if value:
                timexes.append(Timex(s, e, value, name, relative=True))
            continue
        value = _absolute(name, m)
        if value:
            timexes.append(Timex(s, e, value, name))
            anchor = value
    return timexes


if not Span.has_extension("edtf"):
    Span.set_extension("edtf", default=None)


@Language.component("orgline_dates_v1")
def dates_component(doc: Doc) -> Doc:
    """Puts each temporal expression in ``doc.spans["orgline_dates"]`` with ``span._.edtf``."""
    spans = []
    for t in find_timexes(doc):
        span = doc.char_span(t.start, t.end, alignment_mode="expand", label=t.pattern)
        if span is not None:
            span._.edtf = t.edtf
            spans.append(span)
    doc.spans[SPANS_KEY] = spans
    return doc
