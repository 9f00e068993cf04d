"""CSV: the store as three tables in one zip (entities.csv, names.csv, claims.csv), for
spreadsheets, pandas and R. Rows join by ``entity_id``; every claim row carries its quote
and source. Each table is streamed into the zip: memory does not grow with the store."""
from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Iterator
from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from ..store import Store
from ..store.schema import ClaimRow, EntityRow, NameRow, SourceRow
from .selection import BATCH, Selection, first_quote

ENTITY_COLUMNS = ("entity_id", "kind", "label", "qid")
NAME_COLUMNS = ("entity_id", "name", "kind", "valid_from", "valid_to", "source")
CLAIM_COLUMNS = ("claim_id", "type", "subject_id", "subject", "object_id", "object", "value", "date", "end",
                 "place_id", "place", "result_id", "result", "kind", "negated", "according_to_id",
                 "according_to", "hedging", "confidence", "status", "rule", "source", "origin", "quote")


def write_csv(store: Store, out: IO[bytes], selection: Selection | None = None) -> int:
    """Write the zip to a binary stream; returns the number of claims written."""
    sel = selection or Selection()
    counted = [0]
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as z, store.session() as s:
        ids = sel.entity_ids(store)
        _table(z, "entities.csv", ENTITY_COLUMNS, _entities(s, ids))
        _table(z, "names.csv", NAME_COLUMNS, _names(s, ids))
        _table(z, "claims.csv", CLAIM_COLUMNS, _counting(_claims(s, store, sel), counted))
    return counted[0]


def _table(z: zipfile.ZipFile, name: str, header: tuple[str, ...], rows: Iterable[Iterable[Any]]) -> None:
    with z.open(name, "w") as raw, io.TextIOWrapper(raw, encoding="utf-8", newline="") as text:
        w = csv.writer(text)
        w.writerow(header)
        w.writerows(rows)


def _counting(rows: Iterator[list[Any]], counted: list[int]) -> Iterator[list[Any]]:
    for r in rows:
        counted[0] += 1
        yield r


def _entities(s: Session, ids: Any) -> Iterator[list[Any]]:
    q = select(EntityRow).where(EntityRow.id.in_(ids)).order_by(EntityRow.id).execution_options(yield_per=BATCH)
    for e in s.scalars(q):
        yield [e.id, e.kind, e.label, e.qid or ""]


def _names(s: Session, ids: Any) -> Iterator[list[Any]]:
    q = (select(NameRow).where(NameRow.entity_id.in_(ids)).order_by(NameRow.entity_id, NameRow.id)
         .execution_options(yield_per=BATCH))
    for n in s.scalars(q):
        yield [n.entity_id, n.name, n.kind, n.valid_from or "", n.valid_to or "", n.source_id or ""]


def _claims(s: Session, store: Store, sel: Selection) -> Iterator[list[Any]]:
    subj, obj, place, res, acc = (aliased(EntityRow) for _ in range(5))
    quote = first_quote()
    q = (select(ClaimRow, subj.label, obj.label, place.label, res.label, acc.label, SourceRow.origin, quote)
         .join(subj, subj.id == ClaimRow.subject_id).outerjoin(obj, obj.id == ClaimRow.object_id)
         .outerjoin(place, place.id == ClaimRow.place_id).outerjoin(res, res.id == ClaimRow.result_id)
         .outerjoin(acc, acc.id == ClaimRow.according_to_id).join(SourceRow, SourceRow.id == ClaimRow.source_id)
         .where(sel.where(store)).order_by(ClaimRow.id).execution_options(yield_per=BATCH))
    for c, sj, ob, pl, rs, ac, origin, q_ in s.execute(q):
        yield [c.id, c.type, c.subject_id, sj, c.object_id or "", ob or "", c.value or "", c.date or "",
               c.end or "", c.place_id or "", pl or "", c.result_id or "", rs or "", c.kind or "",
               str(bool(c.negated)).lower(), c.according_to_id or "", ac or "", c.hedging, c.confidence,
               c.status, c.rule, c.source_id, origin, q_ or ""]
