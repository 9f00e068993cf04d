"""Which claims an export writes: every format takes the same filters (an entity, claim
types, review statuses, a date range) and reads the claims in one streamed pass."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select, true, union
from sqlalchemy.orm import Session

from .. import query
from ..errors import NotFound
from ..model import CLAIM_TYPES
from ..store import Store
from ..store.schema import ClaimEvidenceRow, ClaimRow, EntityRow, SpanRow

STATUSES = ("extracted", "accepted", "rejected", "edited")
BATCH = 500  # claims read from the database at a time: memory stays flat however large the store


@dataclass
class Selection:
    entity: str | None = None  # a name or #id: claims where it is subject, object or result
    types: list[str] = field(default_factory=list)
    status: list[str] = field(default_factory=list)
    date_from: str | None = None  # EDTF: claims lasting into or beyond it
    date_to: str | None = None  # EDTF: claims begun by its end

    def where(self, store: Store) -> ColumnElement[bool]:
        cond: ColumnElement[bool] = true()
        if self.entity:
            ids = query.find_entities(store, self.entity)
            cond = cond & or_(ClaimRow.subject_id.in_(ids), ClaimRow.object_id.in_(ids), ClaimRow.result_id.in_(ids))
        for t in self.types:
            if t not in CLAIM_TYPES:
                raise NotFound(f"unknown claim type {t!r}; one of {', '.join(CLAIM_TYPES)}")
        if self.types:
            cond = cond & ClaimRow.type.in_(self.types)
        for st in self.status:
            if st not in STATUSES:
                raise NotFound(f"unknown status {st!r}; one of {', '.join(STATUSES)}")
        if self.status:
            cond = cond & ClaimRow.status.in_(self.status)
        if self.date_from:
            cond = cond & (func.coalesce(ClaimRow.end_hi, ClaimRow.date_hi) >= query.date_range(self.date_from, "--from")[0])
        if self.date_to:
            cond = cond & (func.coalesce(ClaimRow.date_lo, ClaimRow.end_lo) <= query.date_range(self.date_to, "--to")[1])
        return cond

    def claims(self, s: Session, store: Store) -> Iterator[ClaimRow]:
        """The selected claims in id order, streamed."""
        q = select(ClaimRow).where(self.where(store)).order_by(ClaimRow.id).execution_options(yield_per=BATCH)
        yield from s.scalars(q)

    def claims_with_evidence(self, s: Session, reads: Session, store: Store) -> Iterator[tuple[ClaimRow, list[SpanRow]]]:
        """The selected claims, each with its evidence spans in text order: the spans of a
        batch of claims are read in one query, not one query per claim."""
        batch: list[ClaimRow] = []
        for c in self.claims(s, store):
            batch.append(c)
            if len(batch) == BATCH:
                yield from _with_spans(reads, batch)
                batch = []
        yield from _with_spans(reads, batch)

    def entity_ids(self, store: Store) -> Any:
        """The entities the selected claims name (all entities when nothing is filtered),
        as a subquery."""
        if self == Selection():
            return select(EntityRow.id)
        claims = self.where(store)
        return union(*(select(col).where(claims, col.is_not(None)) for col in (
            ClaimRow.subject_id, ClaimRow.object_id, ClaimRow.place_id, ClaimRow.result_id,
            ClaimRow.according_to_id)))


def asserted() -> ColumnElement[bool]:
    """Claims an export may state: neither denied in the text nor rejected in review."""
    return ClaimRow.negated.is_(False) & (ClaimRow.status != "rejected")


def first_quote() -> Any:
    """The quote of a claim's first evidence span, as a column of a query over claims."""
    return (select(SpanRow.quote).join(ClaimEvidenceRow, ClaimEvidenceRow.span_id == SpanRow.id)
            .where(ClaimEvidenceRow.claim_id == ClaimRow.id).order_by(SpanRow.start).limit(1).scalar_subquery())


def _with_spans(reads: Session, batch: list[ClaimRow]) -> Iterator[tuple[ClaimRow, list[SpanRow]]]:
    spans: dict[int, list[SpanRow]] = {}
    if batch:
        for claim_id, span in reads.execute(
                select(ClaimEvidenceRow.claim_id, SpanRow).join(SpanRow, SpanRow.id == ClaimEvidenceRow.span_id)
                .where(ClaimEvidenceRow.claim_id.in_([c.id for c in batch])).order_by(SpanRow.start)):
            spans.setdefault(claim_id, []).append(span)
    for c in batch:
        yield c, spans.get(c.id, [])
