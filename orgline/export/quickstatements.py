"""Wikidata QuickStatements (version 1, tab-separated) for the organizations in the store.

An organization with a QID gets statements on that item; one without gets a CREATE block
(label, aliases, "instance of: organization") and its statements on LAST. Every statement
carries references: the source's address (S854) where it was read from the web, and the
quote it rests on (S1683, in English). Dates keep their precision (year /9, month /10,
day /11, decade /8). Denied, attributed and rejected claims are not written: Wikidata would
read them as plain facts. QuickStatements v1 can point only at existing items and at LAST,
so a link to a body without a QID is left out. A founding place with a QID adds P740; a
body grown out of another adds P1365 here and P1366 (replaced by) on the other.
Names and quotes are written as English: a source's language is not yet recorded.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import groupby
from typing import Any, TextIO

from sqlalchemy import and_, select
from sqlalchemy.orm import aliased

from ..store import Store
from ..store.schema import ClaimRow, EntityRow, NameRow, SourceRow
from .selection import BATCH, Selection, first_quote

ORGANIZATION = "Q43229"
# claim type -> (property, where its value comes from)
PROPERTIES = {
    "founded": ("P571", "date"), "dissolved": ("P576", "date"), "formed_from": ("P1365", "object"),
    "split_from": ("P807", "object"), "merged": ("P7888", "object"), "parent_org": ("P749", "object"),
    "member_of": ("P463", "object"), "founded_by": ("P112", "object"), "location": ("P159", "object"),
    "ideology": ("P1142", "object"), "named": ("", "name"),
}
EXACT = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?~?$")
DECADE = re.compile(r"^(\d{3})X$")
QUOTE_LIMIT = 400  # Wikidata strings hold 1,500 characters; a reference quote should be short


def wikidata_time(edtf: str | None) -> str | None:
    """``+1994-05-00T00:00:00Z/10``: a time at the EDTF value's precision, or None when
    Wikidata's time values cannot say it (a season, an interval, an open end)."""
    if not edtf:
        return None
    m = EXACT.match(edtf)
    if m and int(m.group(2) or 1) <= 12:  # 21-24 are seasons, not months
        y, mo, d = m.group(1), m.group(2) or "00", m.group(3) or "00"
        precision = 11 if m.group(3) else 10 if m.group(2) else 9
        return f"+{y}-{mo}-{d}T00:00:00Z/{precision}"
    m = DECADE.match(edtf)
    if m:
        return f"+{m.group(1)}0-00-00T00:00:00Z/8"
    return None


def _text(value: str, limit: int = 250) -> str:
    """A string QuickStatements v1 can carry: one line, no double quotes, not too long."""
    one = " ".join(value.replace('"', "'").split())
    return one if len(one) <= limit else one[:limit - 1] + "…"


def write_quickstatements(store: Store, fp: TextIO, selection: Selection | None = None) -> int:
    sel = selection or Selection()
    n = 0
    obj, place = aliased(EntityRow), aliased(EntityRow)
    quote = first_quote()
    q = (select(ClaimRow, EntityRow, obj.qid, SourceRow.origin, quote, place.qid)
         .join(EntityRow, EntityRow.id == ClaimRow.subject_id).outerjoin(obj, obj.id == ClaimRow.object_id)
         .outerjoin(place, place.id == ClaimRow.place_id)
         .join(SourceRow, SourceRow.id == ClaimRow.source_id)
         .where(and_(sel.where(store), EntityRow.kind == "org", ClaimRow.negated.is_(False),
                     ClaimRow.according_to_id.is_(None), ClaimRow.status != "rejected",
                     ClaimRow.type.in_(list(PROPERTIES))))
         .order_by(ClaimRow.subject_id, ClaimRow.id).execution_options(yield_per=BATCH))
    with store.session() as s, store.session() as reads:
        for _, rows in groupby(s.execute(q), key=lambda r: r[1].id):
            block = list(_block(reads, list(rows)))
            if block:
                fp.write("\n".join(block) + "\n")
                n += sum(1 for line in block if line != "CREATE" and line.split("\t")[1] not in ("Len", "Aen", "P31"))
    return n


def _block(reads: Any, rows: list[Any]) -> Iterator[str]:
    """The lines for one organization: CREATE and its terms if it has no QID, then one line
    per claim Wikidata can take."""
    org: EntityRow = rows[0][1]
    item = org.qid or "LAST"
    statements = [line for c, _, target, origin, quote, place in rows
                  for line in _statements(item, org.qid, c, target, place, origin, quote)]
    if not statements:
        return
    if not org.qid:
        yield "CREATE"
        yield f'LAST\tLen\t"{_text(org.label)}"'
        yield f"LAST\tP31\t{ORGANIZATION}"
        names = dict.fromkeys(reads.scalars(select(NameRow.name).where(NameRow.entity_id == org.id)
                                            .order_by(NameRow.id)))
        for name in names:
            if name != org.label:
                yield f'LAST\tAen\t"{_text(name)}"'
    yield from statements


def _statements(item: str, qid: str | None, c: ClaimRow, target: str | None, place: str | None, origin: str,
                quote: str | None) -> list[str]:
    """A claim's statement, and the ones it implies elsewhere: where a founding names a place
    with a QID, P740 (location of formation); where a body grew out of one with a QID, that
    one's P1366 (replaced by), written only when this body has a QID too, since v1 reads LAST
    as the subject of a line, not as its value."""
    refs = _references(origin, quote)
    main = _statement(item, c, target)
    if main is None:
        return []
    lines = ["\t".join([main, *refs])]
    if c.type == "founded" and place:
        lines.append("\t".join([item, "P740", place, *refs]))
    if c.type == "formed_from" and target and qid:
        lines.append("\t".join([target, "P1366", qid, *_point(c.date), *refs]))
    return lines


def _references(origin: str, quote: str | None) -> list[str]:
    refs = []
    if origin.startswith(("http://", "https://")):
        refs += ["S854", f'"{_text(origin, 400)}"']
    if quote:
        refs += ["S1683", f'en:"{_text(quote, QUOTE_LIMIT)}"']
    return refs


def _point(edtf: str | None) -> list[str]:
    t = wikidata_time(edtf)
    return ["P585", t] if t is not None else []


def _statement(item: str, c: ClaimRow, target: str | None) -> str | None:
    """The statement a claim makes about its subject, with its qualifiers."""
    prop, source = PROPERTIES[c.type]
    qualifiers: list[str] = []
    if source == "date":
        value = wikidata_time(c.date)
        if value is None:
            return None
    elif source == "name":
        if not c.value:
            return None
        prop = "P1813" if c.kind == "short" else "P1448"
        value = f'en:"{_text(c.value)}"'
        qualifiers += _period(c.date, c.end)
    else:
        if not target:
            return None  # the other body has no QID: v1 cannot point at it
        value = target
        if c.type in ("member_of", "location", "parent_org"):
            qualifiers += _period(c.date, c.end)
        else:
            qualifiers += _point(c.date)  # point in time of a split, merger or founding link
    return "\t".join([item, prop, value, *qualifiers])


def _period(start: str | None, end: str | None) -> list[str]:
    out = []
    if (t := wikidata_time(start)) is not None:
        out += ["P580", t]
    if (t := wikidata_time(end)) is not None:
        out += ["P582", t]
    return out
