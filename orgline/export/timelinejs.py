"""TimelineJS3 JSON (timeline.knightlab.com/docs/json-format.html): one slide per dated
claim, grouped by its subject, dated at the precision the claim has (a year is a year, not
1 January), the evidence quoted in the slide's text. TimelineJS renders text fields as
HTML, so every value from a source is escaped. Written as a stream: one event at a time."""
from __future__ import annotations

import json
import re
from html import escape
from typing import Any, TextIO

from sqlalchemy import select
from sqlalchemy.orm import aliased

from ..edtf import OPEN_END, OPEN_START, bounds
from ..store import Store
from ..store.schema import ClaimRow, EntityRow, SourceRow
from .selection import BATCH, Selection, first_quote

EXACT = re.compile(r"^(-?\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")  # a date at year, month or day precision


def date_object(edtf: str | None, end: bool = False) -> dict[str, Any] | None:
    """A TimelineJS date for an EDTF value: its own precision where it has one; otherwise
    (a decade, a season, an uncertain or open value) the first or last day it can mean,
    with the EDTF value shown as it is."""
    if not edtf:
        return None
    if "/" in edtf:
        part = edtf.split("/")[1 if end else 0]
        return date_object(part, end) if part and part != ".." else None
    m = EXACT.match(edtf.rstrip("~?%"))
    if m and int(m.group(2) or 1) <= 12:  # 21-24 are seasons, not months
        out: dict[str, Any] = {"year": int(m.group(1))}
        if m.group(2):
            out["month"] = int(m.group(2))
        if m.group(3):
            out["day"] = int(m.group(3))
        if edtf[-1] in "~?%":
            out["display_date"] = ("c. " if "~" in edtf else "") + edtf.rstrip("~?%") + ("?" if "?" in edtf else "")
        return out
    b = bounds(edtf)
    if b is None:
        return None
    day = b[1] if end else b[0]
    if day in (OPEN_START, OPEN_END):
        return None
    y, md = divmod(day, 10000)
    return {"year": y, "month": md // 100, "day": md % 100, "display_date": edtf}


def write_timelinejs(store: Store, fp: TextIO, selection: Selection | None = None) -> int:
    sel = selection or Selection()
    fp.write('{"title": {"text": {"headline": "orgline", "text": "Claims with dates, each with the passage it '
             'came from."}}, "scale": "human", "events": [')
    n = 0
    subj, obj = aliased(EntityRow), aliased(EntityRow)
    quote = first_quote()
    q = (select(ClaimRow, subj.label, obj.label, SourceRow.origin, quote)
         .join(subj, subj.id == ClaimRow.subject_id).outerjoin(obj, obj.id == ClaimRow.object_id)
         .join(SourceRow, SourceRow.id == ClaimRow.source_id)
         .where(sel.where(store), ClaimRow.date.is_not(None)).order_by(ClaimRow.id).execution_options(yield_per=BATCH))
    with store.session() as s:
        for c, subject, other, origin, q_ in s.execute(q):
            event = _event(c, subject, other, origin, q_)
            if event is None:
                continue
            fp.write((", " if n else "") + json.dumps(event, ensure_ascii=False))
            n += 1
    fp.write("]}\n")
    return n


def _event(c: ClaimRow, subject: str, other: str | None, origin: str, quote: str | None) -> dict[str, Any] | None:
    start = date_object(c.date)
    if start is None:
        return None
    what = c.type.replace("_", " ") + (f" {other}" if other else "") + (f" “{c.value}”" if c.value else "")
    headline = ("Not: " if c.negated else "") + f"{subject}: {what}"
    text = (f"<blockquote>{escape(quote)}</blockquote>" if quote else "") + f"<p>Source: {escape(origin)}</p>"
    if c.status != "extracted":
        text += f"<p>Review: {escape(c.status)}</p>"
    event: dict[str, Any] = {"unique_id": f"c{c.id}", "start_date": start, "group": subject,
                             "text": {"headline": escape(headline), "text": text}, "autolink": False}
    end = date_object(c.end, end=True) if c.end else (date_object(c.date, end=True) if "/" in c.date else None)
    if end is not None:
        event["end_date"] = end
    return event
