"""The facts interchange format (DESIGN.md section 4): one JSON object per claim, plus
``origin``, the path its source was ingested from, and ``source_date``, the date the source
gives itself (EDTF, or null), against which its "yesterday" and "last May" were read. The scorer in shared/eval reads exactly
this, so the keys are fixed here and nowhere else."""
from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any, TextIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..store import Store
from ..store.schema import ClaimRow, EntityRow, NameRow, SourceRow, SpanRow
from .selection import Selection

KEYS = ("id", "type", "subject", "object", "value", "date", "end", "place", "result",
        "negated", "according_to", "source", "span", "quote", "confidence", "status", "origin",
        "source_date")


class _Entities:
    """Entity objects, built once each while streaming; the most used are kept, up to
    LIMIT, so memory does not grow with the store."""

    LIMIT = 20_000

    def __init__(self, s: Session) -> None:
        self.s = s
        self.cache: OrderedDict[int, dict[str, Any]] = OrderedDict()

    def get(self, eid: int | None) -> dict[str, Any] | None:
        if eid is None:
            return None
        if eid in self.cache:
            self.cache.move_to_end(eid)
        else:
            if len(self.cache) >= self.LIMIT:
                self.cache.popitem(last=False)
            e = self.s.get(EntityRow, eid)
            assert e is not None
            names = list(dict.fromkeys(self.s.scalars(  # each name once, however many sources give it
                select(NameRow.name).where(NameRow.entity_id == eid).order_by(NameRow.id))))
            self.cache[eid] = {"id": f"e{eid}", "kind": e.kind, "label": e.label, "names": names}
        return self.cache[eid]


def fact(c: ClaimRow, entities: _Entities, span: SpanRow | None, origin: tuple[str, str | None]) -> dict[str, Any]:
    return {
        "id": f"c{c.id}", "type": c.type, "subject": entities.get(c.subject_id),
        "object": entities.get(c.object_id), "value": c.value, "date": c.date, "end": c.end,
        "place": entities.get(c.place_id), "result": entities.get(c.result_id),
        "negated": bool(c.negated), "according_to": entities.get(c.according_to_id),
        "source": c.source_id, "span": [span.start, span.end] if span else None,
        "quote": span.quote if span else None, "confidence": c.confidence, "status": c.status,
        "origin": origin[0], "source_date": origin[1],
    }


def iter_facts(store: Store, selection: Selection | None = None) -> Iterator[dict[str, Any]]:
    """Every selected claim as a facts object, in claim order."""
    with store.session() as s, store.session() as reads:  # one streams claims, the other looks up
        origin = _Origins(reads)
        entities = _Entities(reads)
        for c, spans in (selection or Selection()).claims_with_evidence(s, reads, store):
            yield fact(c, entities, spans[0] if spans else None, origin.of(c.source_id))


class _Origins:
    """Where each source was read from, looked up as claims need it (a store may hold many)."""

    def __init__(self, s: Session) -> None:
        self.s = s
        self.last: tuple[str, tuple[str, str | None]] | None = None

    def of(self, source_id: str) -> tuple[str, str | None]:
        """The source's origin and its own date."""
        if self.last is None or self.last[0] != source_id:
            row = self.s.execute(select(SourceRow.origin, SourceRow.date)
                                 .where(SourceRow.id == source_id)).first()
            self.last = (source_id, (row[0] or "", row[1]) if row else ("", None))
        return self.last[1]


def write_facts(store: Store, fp: TextIO, selection: Selection | None = None) -> int:
    """Stream the selected claims as JSON lines; returns how many were written."""
    n = 0
    for f in iter_facts(store, selection):
        fp.write(json.dumps(f, ensure_ascii=False) + "\n")
        n += 1
    return n
