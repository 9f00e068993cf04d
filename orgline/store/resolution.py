"""Looks up, for each entity of a document being stored, the stored entities it may be,
and applies :func:`orgline.resolve.across.choose`. Lookups go through indexed name keys,
so storing a document costs in proportion to the document, not the store."""
from __future__ import annotations

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from ..edtf import bounds
from ..model import DocumentFacts, EntityKind
from ..resolve.across import MINOR_WORDS, Known, NameSpan, block_key, choose, initials, is_full, match_key
from .schema import ClaimRow, EntityRow, NameRow

NEIGHBOUR_LIMIT = 50  # claims read per candidate for its neighbours
BLOCK_LIMIT = 40  # most recent entities read per acronym or initials, whatever the store's size


def resolve_across(s: Session, facts: DocumentFacts) -> dict[str, int]:
    """Document entity key -> the stored entity id it is, for those the store holds."""
    neighbours = _document_neighbours(facts)
    lives = _document_lives(facts)
    taken: set[int] = set()
    found: dict[str, int] = {}
    for e in facts.entities:
        new = Known(e.kind, [_span(n.text, n.kind.value, n.valid_from, n.valid_to) for n in e.names],
                    neighbours.get(e.key, set()), life=lives.get(e.key, (None, None)))
        if not new.names:
            continue
        ids = _candidate_ids(s, e.kind, new)
        candidates = [c for c in _known(s, ids) if c.id not in taken]
        chosen = choose(new, candidates)
        if chosen is not None:
            found[e.key] = chosen[0]
            taken.add(chosen[0])
    return found


def _span(text: str, kind: str, valid_from: str | None, valid_to: str | None) -> NameSpan:
    lo, hi = bounds(valid_from), bounds(valid_to)
    return NameSpan(match_key(text), kind, lo[0] if lo else None, hi[1] if hi else None)


def _document_neighbours(facts: DocumentFacts) -> dict[str, set[str]]:
    """For each entity of the document, the name keys of the entities its claims link it to."""
    names = {e.key: {match_key(n.text) for n in e.names} for e in facts.entities}
    out: dict[str, set[str]] = {}
    for c in facts.claims:
        ends = [k for k in (c.subject, c.object, c.place, c.result) if k]
        for a in ends:
            for b in ends:
                if a != b:
                    out.setdefault(a, set()).update(names.get(b, set()))
    return out


ENDINGS = ("dissolved", "merged")


def _life(starts: list[int], ends: list[int]) -> tuple[int | None, int | None]:
    return (min(starts) if starts else None, max(ends) if ends else None)


def _document_lives(facts: DocumentFacts) -> dict[str, tuple[int | None, int | None]]:
    """Founded .. ended, as the document's own undisputed claims date them."""
    starts: dict[str, list[int]] = {}
    ends: dict[str, list[int]] = {}
    for c in facts.claims:
        b = bounds(c.date)
        if b is None or c.negated or c.according_to:
            continue
        if c.type == "founded":
            starts.setdefault(c.subject, []).append(b[0])
        elif c.type in ENDINGS:
            ends.setdefault(c.subject, []).append(b[1])
    return {k: _life(starts.get(k, []), ends.get(k, [])) for k in set(starts) | set(ends)}


def _candidate_ids(s: Session, kind: EntityKind, new: Known) -> list[int]:
    """Stored entities of the kind sharing a full name; then, up to a bound, those sharing
    an acronym or one-word name, or the initials of a full name (for near spellings): a
    common acronym must not make each new document read a growing share of the store."""
    full = {n.key for n in new.names if is_full(n.key, n.kind)}
    short = new.keys() - full
    blocks = {block_key(k) for k in full}

    def ids_where(cond, limit: int | None = None) -> set[int]:  # type: ignore[no-untyped-def]
        # the latest name rows first, straight off the index: no DISTINCT or sort over every
        # row that shares a common acronym
        q = select(NameRow.entity_id).join(EntityRow, EntityRow.id == NameRow.entity_id).where(
            EntityRow.kind == kind.value, cond)
        if limit is None:
            return set(s.scalars(q))
        return set(s.scalars(q.order_by(NameRow.id.desc()).limit(limit)))

    ids = ids_where(NameRow.match_key.in_(full)) if full else set()
    if short:
        ids |= ids_where(NameRow.match_key.in_(short), BLOCK_LIMIT)
    if blocks and new.neighbours:  # near spellings are only ever taken with context
        ids |= ids_where(NameRow.block.in_(blocks), BLOCK_LIMIT)
    if kind is EntityKind.ORG and new.neighbours:  # an acronym for a full name, with context
        spelled = {a for k in full for a in initials(k)} - short
        if spelled:
            ids |= ids_where(NameRow.match_key.in_(spelled), BLOCK_LIMIT)
        if short:
            ids |= ids_where(NameRow.block.in_(_with_minor_words(short)), BLOCK_LIMIT)
    return sorted(ids)


def _with_minor_words(acronyms: set[str]) -> set[str]:
    """The blocks (all-word initials) of full names an acronym may stand for: itself, and
    with one minor word's initial put in anywhere ("mccb" is also "mccob")."""
    letters = {w[0] for w in MINOR_WORDS}
    return acronyms | {a[:i] + c + a[i:] for a in acronyms for i in range(1, len(a)) for c in letters}


def _latest_claims(ids: list[int]) -> list[ColumnElement[bool]]:
    """The latest claims naming each candidate, as one condition per candidate and end: a
    city named by thousands of documents is known by its recent company, and each lookup
    walks its index backwards from the newest row instead of sorting all of them."""
    return [ClaimRow.id.in_(select(ClaimRow.id).where(by == i).order_by(ClaimRow.id.desc()).limit(NEIGHBOUR_LIMIT))
            for i in ids for by in (ClaimRow.subject_id, ClaimRow.object_id)]


def _known(s: Session, ids: list[int]) -> list[Known]:
    if not ids:
        return []
    kinds = dict(s.execute(select(EntityRow.id, EntityRow.kind).where(EntityRow.id.in_(ids))).all())
    names: dict[int, list[NameSpan]] = {i: [] for i in ids}
    for eid, key, kind, lo, hi in s.execute(select(NameRow.entity_id, NameRow.match_key, NameRow.kind,
                                                   NameRow.from_lo, NameRow.to_hi).where(NameRow.entity_id.in_(ids))):
        names[eid].append(NameSpan(key, kind, lo, hi))
    linked: dict[int, set[int]] = {i: set() for i in ids}
    for row in s.execute(select(ClaimRow.subject_id, ClaimRow.object_id, ClaimRow.result_id)
                         .where(or_(*_latest_claims(ids)))):
        present = [x for x in row if x is not None]
        for a in present:
            if a in linked:
                linked[a].update(x for x in present if x != a)
    others = sorted({x for v in linked.values() for x in v})
    keys_of: dict[int, set[str]] = {}
    if others:
        for eid, key in s.execute(select(NameRow.entity_id, NameRow.match_key).where(NameRow.entity_id.in_(others))):
            keys_of.setdefault(eid, set()).add(key)
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for sid, type_, lo, hi in s.execute(select(ClaimRow.subject_id, ClaimRow.type, ClaimRow.date_lo, ClaimRow.date_hi)
                                        .where(ClaimRow.subject_id.in_(ids), ClaimRow.type.in_(("founded",) + ENDINGS),
                                               ClaimRow.negated.is_(False), ClaimRow.according_to_id.is_(None),
                                               ClaimRow.date_lo.is_not(None))):
        (starts if type_ == "founded" else ends).setdefault(sid, []).append(lo if type_ == "founded" else hi)
    return [Known(EntityKind(kinds[i]), names[i], {k for o in linked[i] for k in keys_of.get(o, set())}, id=i,
                  life=_life(starts.get(i, []), ends.get(i, [])))
            for i in ids]
