"""Claims and dates in words, for people reading them: "The Orchard Workers Guild was
founded in Hereford in May 1952", "… was never a member of the Farm Labour Federation",
"between 1966 and 1969", "before 1971", "in the 1950s".

One sentence per claim type, written for assertion and for denial, so that no page or
terminal has to glue a verb phrase to "not" ("did not member of"). EDTF notation
("195X", "../1971", "1952/1964") never reaches the reader.
"""
from __future__ import annotations

import calendar
import re

SEASONS = {"21": "spring", "22": "summer", "23": "autumn", "24": "winter"}
QUARTERS = {"33": "the first quarter of", "34": "the second quarter of", "35": "the third quarter of",
            "36": "the fourth quarter of", "40": "the first half of", "41": "the second half of"}


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def point(edtf: str) -> str:
    """One EDTF date in words, without a preposition: "3 May 1952", "the 1950s"."""
    mark = edtf[-1] if edtf[-1:] in "~?%" else ""
    v = edtf.rstrip("~?%")
    words = v
    if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", v):
        words = f"{int(m[3])} {calendar.month_name[int(m[2])]} {m[1]}"
    elif (m := re.fullmatch(r"(\d{4})-(\d\d)", v)) and m[2] in SEASONS:
        words = f"{SEASONS[m[2]]} {m[1]}"
    elif m and m[2] in QUARTERS:
        words = f"{QUARTERS[m[2]]} {m[1]}"
    elif m and 1 <= int(m[2]) <= 12:
        words = f"{calendar.month_name[int(m[2])]} {m[1]}"
    elif m := re.fullmatch(r"(\d{3})X", v):
        words = f"the {m[1]}0s"
    elif m := re.fullmatch(r"(\d{2})XX", v):
        words = f"the {_ordinal(int(m[1]) + 1)} century"
    if mark == "~":
        return f"around {words}"
    if mark == "?":
        return f"perhaps {words}"
    return words


def _with_preposition(words: str) -> str:
    if words.startswith(("around ", "perhaps ")):
        return words
    return ("on " if re.match(r"\d{1,2} [A-Z]", words) else "in ") + words


def when(date: str | None, end: str | None = None) -> str:
    """A claim's date and end as a phrase: "in 1952", "on 3 May 1952", "from 1952 to 1964",
    "until 1971", "before 1971", "between 1966 and 1969", "since 1990"; "" when undated."""
    if date and end:
        return f"from {point(date)} to {point(end)}"
    if end:
        return f"until {point(end)}"
    if not date:
        return ""
    if "/" in date:
        lo, hi = date.split("/", 1)
        if lo in ("", ".."):
            return f"before {point(hi)}"
        if hi in ("", ".."):
            return f"since {point(lo)}"
        return f"between {point(lo)} and {point(hi)}"
    return _with_preposition(point(date))


def period(start: str | None, end: str | None) -> str:
    """How long a state lasted: "from 1952 to 1964", "from 1952", "until 1971"."""
    if start and not end:
        return f"from {point(start.split('/')[0] if '/' in start and not start.startswith('..') else start)}"
    return when(start, end)


# type -> (asserted, denied): {s} subject, {o} object or value, {r} the merger's result
SENTENCES = {
    "founded": ("{s} was founded", "{s} was not founded"),
    "dissolved": ("{s} came to an end", "{s} did not come to an end"),
    "named": ("{s} bore the name “{o}”", "{s} did not bear the name “{o}”"),
    "formed_from": ("{s} was formed from {o}", "{s} was not formed from {o}"),
    "split_from": ("{s} split from {o}", "{s} did not split from {o}"),
    "merged": ("{s} merged into {o}", "{s} did not merge into {o}"),
    "member_of": ("{s} was a member of {o}", "{s} was not a member of {o}"),
    "parent_org": ("{s} was part of {o}", "{s} was not part of {o}"),
    "worked_with": ("{s} worked with {o}", "{s} did not work with {o}"),
    "broke_with": ("{s} broke with {o}", "{s} did not break with {o}"),
    "founded_by": ("{s} was founded by {o}", "{s} was not founded by {o}"),
    "location": ("{s} was based in {o}", "{s} was not based in {o}"),
    "ideology": ("{s} adhered to {o}", "{s} did not adhere to {o}"),
    "published": ("{s} was published by {o}", "{s} was not published by {o}"),
}


def verb(type_: str, negated: bool = False) -> str:
    """The words between a claim's subject and its object: "was a member of", "did not
    split from", "merged into"."""
    asserted, denied = SENTENCES.get(type_, ("{s} " + type_.replace("_", " ") + " {o}",
                                             "{s} not " + type_.replace("_", " ") + " {o}"))
    words = (denied if negated else asserted).replace("{s}", "").replace("{o}", "").replace("“”", "")
    return " ".join(words.split())


def sentence(type_: str, subject: str, other: str | None = None, date: str | None = None,
             end: str | None = None, negated: bool = False, place: str | None = None,
             result: str | None = None, according_to: str | None = None) -> str:
    """A claim as a sentence: "The Orchard Workers Guild was founded in Hereford in 1952",
    "X merged with Y into Z", "according to W, X was not a member of Y"."""
    asserted, denied = SENTENCES.get(type_, ("{s} " + type_.replace("_", " ") + " {o}",
                                             "{s} not " + type_.replace("_", " ") + " {o}"))
    if type_ == "merged" and result and other and other != result:
        asserted, denied = "{s} merged with {o} into {r}", "{s} did not merge with {o} into {r}"
    elif type_ == "merged" and result:
        other = result  # the object is what it merged into: the result when one is named
    text = (denied if negated else asserted).format(s=subject, o=other or "…", r=result or "")
    if place and type_ == "founded":
        text += f" in {place}"
    if phrase := when(date, end):
        text += f" {phrase}"
    if according_to:
        text = f"according to {according_to}, {text}"
    return text[:1].upper() + text[1:]
