"""The rows one document's facts become: its entities (new ones, or stored ones it was
resolved to), their names and mentions, its claims with their evidence.

:class:`Writer` is shared by :meth:`Store.save` (a new source: every row is new) and by
:func:`orgline.store.reread.reread` (a stored source read again: only what changed is
written). Both decide a document's rows the same way, so reading a text again with the
same extractor gives back exactly the rows it gave the first time.
"""
from __future__ import annotations

from collections import defaultdict

import hashlib
import json
from collections.abc import Mapping
from datetime import datetime, timezone

from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from .. import __version__
from ..edtf import bounds
from ..errors import StoreError
from ..model import Claim, DocumentFacts, Entity, Name, Span, norm_name
from ..resolve.across import block_key, match_key
from .resolution import resolve_across
from .schema import Base, ClaimEvidenceRow, ClaimRow, EntityRow, MentionRow, NameRow, SourceRow, SpanRow

NameValues = tuple[str, str, str | None, str | None]  # text, kind, valid from, valid to
Row = dict[str, Any]  # a row's column values, as a Core insert takes them


class Writer:
    def __init__(self, session: Session, facts: DocumentFacts) -> None:
        self.s = session
        self.facts = facts
        self.ids: dict[str, int] = {}  # document entity key -> stored entity id
        self.names = document_names(facts)

    @property
    def source_id(self) -> str:
        return self.facts.source.id

    def add_source(self) -> None:
        src = self.facts.source
        self.s.add(SourceRow(id=src.id, title=src.title, origin=src.origin, text=src.text,
                             author=src.author, date=src.date,
                             ingested_at=datetime.now(timezone.utc)))
        self.s.flush()

    def write_new(self) -> None:
        """Every row of a document not stored before, each table's rows in one Core insert
        (with their new ids back, where other rows point at them): a flush per row was a
        third of an ingest, and the ORM's bookkeeping of rows nothing reads again was
        another fifth."""
        self.place_entities({})
        names: list[Row] = []
        mentions: list[tuple[int, Span]] = []
        elsewhere = self.names_elsewhere()
        for e in self.facts.entities:
            eid = self.ids[e.key]
            names += [name_values(eid, values, self.source_id) for values in self.names_to_add(e, elsewhere.get(eid, set()))]
            mentions += [(eid, span) for span in e.mentions]
        self._insert(NameRow, names)
        spans = self._spans([span for _, span in mentions])
        self._insert(MentionRow, [{"entity_id": eid, "span_id": sid} for (eid, _), sid in zip(mentions, spans)])
        wanted = list(self.claims().items())
        claims = self._insert(ClaimRow, [self.claim_values(key, c) for key, c in wanted], ids=True)
        evidence = [(cid, span) for cid, (_, c) in zip(claims, wanted) for span in c.evidence]
        spans = self._spans([span for _, span in evidence])
        self._insert(ClaimEvidenceRow, [{"claim_id": cid, "span_id": sid} for (cid, _), sid in zip(evidence, spans)])

    def place_entities(self, known: Mapping[str, int]) -> None:
        """Each document entity's stored id: the one ``known`` gives it (what this source
        said before), else a stored body the store resolves it to, else a new entity."""
        same = resolve_across(self.s, self.facts)
        new: dict[str, Row] = {}
        for e in self.facts.entities:
            if e.key in known:
                self.ids[e.key] = known[e.key]
            elif e.key in same:
                self.ids[e.key] = same[e.key]
                stored = self.s.get(EntityRow, same[e.key]) if e.qid else None
                if stored is not None and not stored.qid:
                    stored.qid = e.qid
            else:
                new[e.key] = {"source_id": self.source_id, "kind": e.kind.value, "label": e.label, "qid": e.qid}
        # one insert for all, their ids in document order
        self.ids.update(zip(new, self._insert(EntityRow, list(new.values()), ids=True)))

    def _insert(self, table: type[Base], rows: list[Row], ids: bool = False) -> list[int]:
        """Rows into a table in one statement; with ``ids``, their new ids in the order given.
        What the session holds is written first, for these rows may point at it."""
        if not rows:
            return []
        self.s.flush()
        columns = cast(Table, table.__table__)
        statement = insert(columns)
        connection = self.s.connection()
        if not ids:
            connection.execute(statement, rows)
            return []
        if connection.dialect.name != "sqlite":
            return list(connection.scalars(statement.returning(columns.c.id, sort_by_parameter_order=True), rows))
        return _ids_in_order(list(connection.scalars(statement.returning(columns.c.id), rows)), table)

    def names_elsewhere(self) -> dict[int, set[NameValues]]:
        """The names other sources gave the document's stored bodies, in one query."""
        out: dict[int, set[NameValues]] = defaultdict(set)
        for eid, *values in self.s.execute(
                select(NameRow.entity_id, NameRow.name, NameRow.kind, NameRow.valid_from, NameRow.valid_to)
                .where(NameRow.entity_id.in_(set(self.ids.values())), NameRow.source_id != self.source_id)):
            out[eid].add((values[0], values[1], values[2], values[3]))
        return out

    def names_to_add(self, e: Entity, elsewhere: set[NameValues]) -> list[NameValues]:
        """The entity's names as this source gives them, less those another source gave
        the same body with the same dates: the first source to give a name keeps it."""
        wanted = [_values(n) for n in e.names]
        return [v for v in dict.fromkeys(wanted) if v not in elsewhere]

    def claims(self) -> dict[str, Claim]:
        """The document's claims by content key; one statement from one passage found by
        two rules is one claim."""
        out: dict[str, Claim] = {}
        for c in self.facts.claims:
            out.setdefault(claim_key(self.source_id, c, self.names), c)
        return out

    def add_mention(self, entity_id: int, span: Span) -> None:
        self.s.add(MentionRow(entity_id=entity_id, span_id=self._span(span)))

    def claim_row(self, key: str, c: Claim) -> ClaimRow:
        return ClaimRow(**self.claim_values(key, c))

    def claim_values(self, key: str, c: Claim) -> Row:
        d, e = bounds(c.date), bounds(c.end)
        return dict(
            key=key, source_id=self.source_id, type=c.type,
            subject_id=self.id_of(c.subject), object_id=self.id_of(c.object), value=c.value,
            date=c.date, date_lo=d[0] if d else None, date_hi=d[1] if d else None,
            end=c.end, end_lo=e[0] if e else None, end_hi=e[1] if e else None,
            place_id=self.id_of(c.place), result_id=self.id_of(c.result), kind=c.kind,
            negated=c.negated, according_to_id=self.id_of(c.according_to), hedging=c.hedging.value,
            rule=c.rule, extractor_version=__version__, confidence=c.confidence)

    def add_claim(self, key: str, c: Claim) -> ClaimRow:
        row = self.claim_row(key, c)
        self.s.add(row)
        self.s.flush()
        for span in c.evidence:
            self.s.add(ClaimEvidenceRow(claim_id=row.id, span_id=self._span(span)))
        return row

    def id_of(self, key: str | None) -> int | None:
        if key is None:
            return None
        if key not in self.ids:
            raise StoreError(f"{self.facts.source.origin}: claim refers to unknown entity {key}")
        return self.ids[key]

    def _span(self, span: Span) -> int:
        return self._spans([span])[0]

    def _spans(self, spans: list[Span]) -> list[int]:
        """New span rows, their ids in the order given."""
        return self._insert(SpanRow, [{"source_id": self.source_id, "start": sp.start, "end": sp.end,
                                       "quote": sp.text} for sp in spans], ids=True)


def _ids_in_order(ids: list[int], table: type[Base]) -> list[int]:
    """New rows' ids, in the order the rows were given, from SQLite's RETURNING. SQLite
    gives each new row the table's largest id plus one, row after row in the order of the
    insert's VALUES, and no one else writes while this transaction holds the write lock:
    so the ids, sorted, are consecutive and in the rows' order. SQLAlchemy does not assume
    this of SQLite and inserts such rows one statement each (17 spans and 11 entities a
    Wikipedia introduction: 28 of its 56 statements). Should the ids ever not be consecutive
    (a table at the largest id SQLite allows), the document is refused, not stored wrong."""
    ids.sort()
    if ids and ids[-1] - ids[0] != len(ids) - 1:
        raise StoreError(f"{table.__tablename__}: new ids are not consecutive ({ids[0]} to {ids[-1]} "
                         f"for {len(ids)} rows); the store cannot tell which row is which")
    return ids


def _values(n: Name) -> NameValues:
    return (n.text, n.kind.value, n.valid_from, n.valid_to)


def name_row(entity_id: int, values: NameValues, source_id: str) -> NameRow:
    return NameRow(**name_values(entity_id, values, source_id))


def name_values(entity_id: int, values: NameValues, source_id: str) -> Row:
    text, kind, valid_from, valid_to = values
    lo, hi = bounds(valid_from), bounds(valid_to)
    key = match_key(text)
    return dict(entity_id=entity_id, name=text, normalized=norm_name(text), kind=kind,
                valid_from=valid_from, valid_to=valid_to, from_lo=lo[0] if lo else None,
                to_hi=hi[1] if hi else None, source_id=source_id, match_key=key, block=block_key(key))


def document_names(facts: DocumentFacts) -> dict[str, str]:
    """Each entity of a document by its label's key; a second body of the same name in one
    document (a name later taken by another) gets its ordinal, so their claims stay two."""
    seen: dict[str, int] = {}
    out: dict[str, str] = {}
    for e in facts.entities:
        key = f"{e.kind.value}:{match_key(e.label)}"
        seen[key] = seen.get(key, 0) + 1
        out[e.key] = key if seen[key] == 1 else f"{key}#{seen[key]}"
    return out


def claim_key(source_id: str, c: Claim, names: Mapping[str, str]) -> str:
    """Content-derived claim id: the same statement from the same passage hashes alike.
    Entities enter by name, not by their place in the document, and the rule that found the
    claim does not enter at all: a newer extractor that finds one more body, or renames a
    rule, still gives the claims people reviewed the keys their decisions were filed under."""
    def n(k: str | None) -> str | None:
        return names.get(k, k) if k else None

    ev = [(s.start, s.end) for s in c.evidence]
    payload = [source_id, c.type, n(c.subject), n(c.object), c.value, c.date, c.end, n(c.place),
               n(c.result), c.kind, c.negated, n(c.according_to), ev]
    return hashlib.sha256(json.dumps(payload).encode()).hexdigest()
