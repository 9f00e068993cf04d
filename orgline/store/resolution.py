"""Looks up, for each entity of a document being stored, the stored entities it may be,
and applies :func:`orgline.resolve.across.choose`. Lookups go through indexed name keys,
so storing a document costs in proportion to the document, not the store.

Every lookup is a statement built once, here, with its lists as expanding parameters, and
run on the session's connection: a dozen lookups per entity, built afresh through the ORM
each time, cost ten times what the database spent answering them."""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, and_, bindparam, or_, select, union_all
from sqlalchemy.orm import Session

from ..edtf import bounds
from ..model import DocumentFacts, EntityKind
from ..resolve.across import MINOR_WORDS, Known, NameSpan, block_key, choose, initials, is_full, match_key
from .schema import ClaimRow, EntityRow, NameRow

BLOCK_LIMIT = 40  # most recent entities read per acronym or initials, whatever the store's size


def resolve_across(s: Session, facts: DocumentFacts) -> dict[str, int]:
    """Document entity key -> the stored entity id it is, for those the store holds."""
    neighbours = _document_neighbours(facts)
    lives = _document_lives(facts)
    s.flush()  # the lookups below read through the connection, past the session
    db = s.connection()
    taken: set[int] = set()
    found: dict[str, int] = {}
    for e in facts.entities:
        new = Known(e.kind, [_span(n.text, n.kind.value, n.valid_from, n.valid_to) for n in e.names],
                    neighbours.get(e.key, set()), life=lives.get(e.key, (None, None)))
        if not new.names:
            continue
        ids = _candidate_ids(db, e.kind, new)
        candidates = [c for c in _known(db, ids, new.neighbours) if c.id not in taken]
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


def _expanding(name: str) -> Any:
    return bindparam(name, expanding=True)


def _of_kind() -> Any:
    """The name's body is of the kind asked. Asked of each name found, not joined: with a
    join, SQLite read every body of the kind first once the keys were many."""
    return select(EntityRow.id).where(EntityRow.id == NameRow.entity_id, EntityRow.kind == bindparam("kind")).exists()


BY_KEY = select(NameRow.entity_id).where(NameRow.match_key.in_(_expanding("keys")), _of_kind())


def _latest_named_in(column: Any) -> Any:
    """Ids and bodies of the latest BLOCK_LIMIT name rows with one of ``keys``: SQLite reads
    the keys' rows through the key's index and sorts only those."""
    return (select(NameRow.id, NameRow.entity_id).where(column.in_(_expanding("keys")), _of_kind())
            .order_by(NameRow.id.desc()).limit(BLOCK_LIMIT))


LATEST = {"match_key": _latest_named_in(NameRow.match_key), "block": _latest_named_in(NameRow.block)}


@lru_cache(maxsize=256)
def _latest_named_each(column: str, n: int) -> Any:
    """The same for PostgreSQL, key by key: the latest BLOCK_LIMIT name rows of each of ``n``
    keys, each walked backwards on its (key, id) index and stopped there. Given the keys at
    once, PostgreSQL walked the whole names table in id order instead, a cost that grew
    with the store (x1.96 at 20,000 documents against 2,000)."""
    col = getattr(NameRow, column)
    parts = [select(NameRow.id, NameRow.entity_id).where(col == bindparam(f"k{i}"), _of_kind())
             .order_by(NameRow.id.desc()).limit(BLOCK_LIMIT).subquery() for i in range(n)]
    return union_all(*(select(q.c.id, q.c.entity_id) for q in parts))


def _ids(db: Connection, kind: EntityKind, keys: Iterable[str]) -> set[int]:
    return set(db.scalars(BY_KEY, {"kind": kind.value, "keys": sorted(keys)}))


def _latest(db: Connection, column: str, kind: EntityKind, keys: Iterable[str]) -> set[int]:
    """The bodies of the kind behind the latest BLOCK_LIMIT names with one of the keys."""
    ordered = sorted(keys)
    if db.dialect.name == "sqlite":
        rows = db.execute(LATEST[column], {"kind": kind.value, "keys": ordered}).all()
    else:
        params = {f"k{i}": k for i, k in enumerate(ordered)}
        rows = db.execute(_latest_named_each(column, len(ordered)), {"kind": kind.value, **params}).all()
    return {eid for _, eid in sorted(rows, reverse=True)[:BLOCK_LIMIT]}


def _candidate_ids(db: Connection, kind: EntityKind, new: Known) -> list[int]:
    """Stored entities of the kind sharing a full name; then, up to a bound, those sharing
    an acronym or one-word name, or the initials of a full name (for near spellings): a
    common acronym must not make each new document read a growing share of the store."""
    full = {n.key for n in new.names if is_full(n.key, n.kind)}
    short = new.keys() - full
    blocks = {block_key(k) for k in full}
    ids = _ids(db, kind, full) if full else set()
    if short:
        ids |= _latest(db, "match_key", kind, short)
    if blocks and new.neighbours:  # near spellings are only ever taken with context
        ids |= _latest(db, "block", kind, blocks)
    if kind is EntityKind.ORG and new.neighbours:  # an acronym for a full name, with context
        spelled = {a for k in full for a in initials(k)} - short
        if spelled:
            ids |= _latest(db, "match_key", kind, spelled)
        if short:
            ids |= _latest(db, "block", kind, _with_minor_words(short))
    return sorted(ids)


def _with_minor_words(acronyms: set[str]) -> set[str]:
    """The blocks (all-word initials) of full names an acronym may stand for: itself, and
    with one minor word's initial put in anywhere ("mccb" is also "mccob")."""
    letters = {w[0] for w in MINOR_WORDS}
    return acronyms | {a[:i] + c + a[i:] for a in acronyms for i in range(1, len(a)) for c in letters}


# the pairs of a claim's ends that link two bodies, each with an index over both columns
LINKS = ((ClaimRow.subject_id, ClaimRow.object_id), (ClaimRow.subject_id, ClaimRow.result_id),
         (ClaimRow.object_id, ClaimRow.result_id))
CONTEXT_LIMIT = 200  # most recent bodies read per document neighbour's name
NAMED_BY_KEY = (select(NameRow.entity_id, NameRow.match_key).where(NameRow.match_key.in_(_expanding("keys")))
                .order_by(NameRow.id.desc()).limit(CONTEXT_LIMIT))
# each pair, both ways round, under its own parameter names: an expanding parameter is
# used once per statement
LINKED = select(ClaimRow.subject_id, ClaimRow.object_id, ClaimRow.result_id).where(or_(*(
    or_(and_(a.in_(_expanding(f"ids{k}")), b.in_(_expanding(f"others{k}"))),
        and_(a.in_(_expanding(f"others{k}b")), b.in_(_expanding(f"ids{k}b"))))
    for k, (a, b) in enumerate(LINKS))))
KINDS = select(EntityRow.id, EntityRow.kind).where(EntityRow.id.in_(_expanding("ids")))
NAMES = select(NameRow.entity_id, NameRow.match_key, NameRow.kind, NameRow.from_lo, NameRow.to_hi).where(
    NameRow.entity_id.in_(_expanding("ids")))
LIVES = select(ClaimRow.subject_id, ClaimRow.type, ClaimRow.date_lo, ClaimRow.date_hi).where(
    ClaimRow.subject_id.in_(_expanding("ids")), ClaimRow.type.in_(("founded",) + ENDINGS),
    ClaimRow.negated.is_(False), ClaimRow.according_to_id.is_(None), ClaimRow.date_lo.is_not(None))


def _shared_neighbours(db: Connection, ids: list[int], keys: set[str]) -> dict[int, set[str]]:
    """For each candidate, which of the new entity's neighbour keys it is linked to by a
    stored claim. :func:`choose` only asks whether the two share a neighbour, so the question
    goes from the document's few neighbours to the candidates, through an index on each pair
    of ends: its cost stays that of the document however many claims a candidate has (a
    city named by thousands of documents, a body written about for years)."""
    if not keys:
        return {}
    keys_of: dict[int, set[str]] = {}
    for eid, key in db.execute(NAMED_BY_KEY, {"keys": sorted(keys)}):
        keys_of.setdefault(eid, set()).add(key)
    if not keys_of:
        return {}
    others = sorted(keys_of)
    params: dict[str, list[int]] = {}
    for k in range(len(LINKS)):
        params |= {f"ids{k}": ids, f"others{k}": others, f"ids{k}b": ids, f"others{k}b": others}
    shared: dict[int, set[str]] = {}
    candidate = set(ids)
    for row in db.execute(LINKED, params):
        present = [x for x in row if x is not None]
        for a in present:
            if a in candidate:
                shared.setdefault(a, set()).update(k for x in present if x != a for k in keys_of.get(x, ()))
    return shared


def _known(db: Connection, ids: list[int], context: set[str]) -> list[Known]:
    """The candidates as :func:`choose` compares them; their neighbours are only those of
    ``context`` (the new entity's neighbour keys) that they share."""
    if not ids:
        return []
    kinds = dict(db.execute(KINDS, {"ids": ids}).tuples().all())
    names: dict[int, list[NameSpan]] = {i: [] for i in ids}
    for eid, key, kind, lo, hi in db.execute(NAMES, {"ids": ids}):
        names[eid].append(NameSpan(key, kind, lo, hi))
    shared = _shared_neighbours(db, ids, context)
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for sid, type_, lo, hi in db.execute(LIVES, {"ids": ids}):
        (starts if type_ == "founded" else ends).setdefault(sid, []).append(lo if type_ == "founded" else hi)
    return [Known(EntityKind(kinds[i]), names[i], shared.get(i, set()), id=i,
                  life=_life(starts.get(i, []), ends.get(i, [])))
            for i in ids]
