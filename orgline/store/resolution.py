"""Looks up, for each entity of a document being stored, the stored entities it may be,
and applies :func:`orgline.resolve.across.choose`. Lookups go through indexed name keys,
so storing a document costs in proportion to the document, not the store.

Every lookup is a statement built once, here, and run on the session's connection: a dozen
lookups per entity, built afresh through the ORM each time, cost ten times what the
database spent answering them. :class:`Lookups` asks them for a whole document at once."""
from __future__ import annotations

from typing import Any

from sqlalchemy import ARRAY, Connection, Integer, Text, and_, bindparam, func, or_, select, true, union
from sqlalchemy.orm import Session

from ..edtf import bounds
from ..model import DocumentFacts, EntityKind
from ..resolve.across import MINOR_WORDS, Known, NameSpan, block_key, choose, initials, is_full, match_key
from .schema import ClaimRow, EntityRow, NameRow

BLOCK_LIMIT = 40  # most recent entities read per acronym or initials, whatever the store's size


def resolve_across(s: Session, facts: DocumentFacts) -> dict[str, int]:
    """Document entity key -> the stored entity id it is, for those the store holds.

    The candidates of all the document's entities are looked up together, a few statements
    a document rather than up to ten an entity: on PostgreSQL each statement is a round
    trip to the server, and the entities that find candidates (so that their statements
    run at all) grow in number as the store fills. Each entity is still decided on its own,
    in document order, and a stored body taken by one is not offered to the next."""
    neighbours = _document_neighbours(facts)
    lives = _document_lives(facts)
    s.flush()  # the lookups below read through the connection, past the session
    db = s.connection()
    new = {e.key: Known(e.kind, [_span(n.text, n.kind.value, n.valid_from, n.valid_to) for n in e.names],
                        neighbours.get(e.key, set()), life=lives.get(e.key, (None, None)))
           for e in facts.entities if e.names}
    found: dict[str, int] = {}
    if not new:
        return found
    lookups = Lookups(db)
    ids = lookups.candidates(list(new.values()))
    known = lookups.known(ids, [n.neighbours for n in new.values()])
    taken: set[int] = set()
    for key, candidates in zip(new, known):
        chosen = choose(new[key], [c for c in candidates if c.id not in taken])
        if chosen is not None:
            found[key] = chosen[0]
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


def _array(name: str, of: Any) -> Any:
    """A list passed whole, as one PostgreSQL array: the statement's text stays the same
    whatever the list's length, so the driver prepares it once."""
    return bindparam(name, type_=ARRAY(of))


def _of_kind(kind: Any) -> Any:
    """The name's body is of the kind asked. Asked of each name found, not joined: with a
    join, SQLite read every body of the kind first once the keys were many."""
    return (select(EntityRow.id).where(EntityRow.id == NameRow.entity_id, EntityRow.kind == kind)
            .correlate_except(EntityRow).exists())


BY_KEY = select(NameRow.match_key, NameRow.entity_id).where(NameRow.match_key.in_(_expanding("keys")),
                                                            _of_kind(bindparam("kind")))


def _latest_named_in(column: Any) -> Any:
    """Ids and bodies of the latest BLOCK_LIMIT name rows with one of ``keys``: SQLite reads
    the keys' rows through the key's index and sorts only those."""
    return (select(NameRow.id, NameRow.entity_id, NameRow.match_key)
            .where(column.in_(_expanding("keys")), _of_kind(bindparam("kind")))
            .order_by(NameRow.id.desc()).limit(BLOCK_LIMIT))


LATEST = {"match_key": _latest_named_in(NameRow.match_key), "block": _latest_named_in(NameRow.block)}


def _latest_named_each(column: Any, limit: int, kinds: bool) -> Any:
    """The same for PostgreSQL, for every (key, kind) of a document at once: the latest
    ``limit`` name rows of each key, each walked backwards on its (key, id) index and
    stopped there. Given the keys in one list, PostgreSQL walked the whole names table in
    id order instead, a cost that grew with the store (x1.96 at 20,000 documents against
    2,000)."""
    if kinds:
        wanted = func.unnest(_array("keys", Text), _array("kinds", Text)).table_valued("key", "kind").render_derived()
        match = and_(column == wanted.c.key, _of_kind(wanted.c.kind))
    else:
        wanted = func.unnest(_array("keys", Text)).table_valued("key").render_derived()
        match = column == wanted.c.key
    latest = (select(NameRow.id, NameRow.entity_id, NameRow.match_key).where(match)
              .order_by(NameRow.id.desc()).limit(limit).lateral())
    return select(*wanted.c, latest.c.id, latest.c.entity_id, latest.c.match_key).select_from(wanted).join(
        latest, true())


LATEST_EACH = {"match_key": _latest_named_each(NameRow.match_key, BLOCK_LIMIT, kinds=True),
               "block": _latest_named_each(NameRow.block, BLOCK_LIMIT, kinds=True)}

Request = tuple[str, EntityKind, set[str]]  # a lookup: the column, the body's kind, the keys


def _requests(new: Known) -> tuple[set[str], list[Request]]:
    """What an entity's candidates are looked up by: its full names (every stored body of
    the kind bearing one); then, up to a bound each, those sharing an acronym or one-word
    name, or the initials of a full name (for near spellings): a common acronym must not
    make each new document read a growing share of the store."""
    full = {n.key for n in new.names if is_full(n.key, n.kind)}
    short = new.keys() - full
    blocks = {block_key(k) for k in full}
    bounded: list[Request] = []
    if short:
        bounded.append(("match_key", new.kind, short))
    if blocks and new.neighbours:  # near spellings are only ever taken with context
        bounded.append(("block", new.kind, blocks))
    if new.kind is EntityKind.ORG and new.neighbours:  # an acronym for a full name, with context
        spelled = {a for k in full for a in initials(k)} - short
        if spelled:
            bounded.append(("match_key", new.kind, spelled))
        if short:
            bounded.append(("block", new.kind, _with_minor_words(short)))
    return full, bounded


def _with_minor_words(acronyms: set[str]) -> set[str]:
    """The blocks (all-word initials) of full names an acronym may stand for: itself, and
    with one minor word's initial put in anywhere ("mccb" is also "mccob")."""
    letters = {w[0] for w in MINOR_WORDS}
    return acronyms | {a[:i] + c + a[i:] for a in acronyms for i in range(1, len(a)) for c in letters}


# the pairs of a claim's ends that link two bodies, each with an index over both columns
LINKS = ((ClaimRow.subject_id, ClaimRow.object_id), (ClaimRow.subject_id, ClaimRow.result_id),
         (ClaimRow.object_id, ClaimRow.result_id))
CONTEXT_LIMIT = 200  # most recent bodies read per document neighbour's name
NAMED_BY_KEY = (select(NameRow.id, NameRow.entity_id, NameRow.match_key)
                .where(NameRow.match_key.in_(_expanding("keys"))).order_by(NameRow.id.desc()).limit(CONTEXT_LIMIT))
NAMED_EACH = _latest_named_each(NameRow.match_key, CONTEXT_LIMIT, kinds=False)
# each pair, both ways round, under its own parameter names: an expanding parameter is
# used once per statement
LINKED = select(ClaimRow.subject_id, ClaimRow.object_id, ClaimRow.result_id).where(or_(*(
    or_(and_(a.in_(_expanding(f"ids{k}")), b.in_(_expanding(f"others{k}"))),
        and_(a.in_(_expanding(f"others{k}b")), b.in_(_expanding(f"ids{k}b"))))
    for k, (a, b) in enumerate(LINKS))))


def _linked_each() -> Any:
    """The same for PostgreSQL, for every entity of a document at once: each (entity,
    candidate, neighbour's body) both ways round, looked up on each pair's index."""
    pairs = func.unnest(_array("asking", Integer), _array("one", Integer),
                        _array("other", Integer)).table_valued("asking", "a", "b").render_derived()
    return union(*(select(pairs.c.asking, ClaimRow.subject_id, ClaimRow.object_id, ClaimRow.result_id)
                   .select_from(pairs).join(ClaimRow, and_(a == pairs.c.a, b == pairs.c.b)) for a, b in LINKS))


LINKED_EACH = _linked_each()
KINDS = select(EntityRow.id, EntityRow.kind).where(EntityRow.id.in_(_expanding("ids")))
NAMES = select(NameRow.entity_id, NameRow.match_key, NameRow.kind, NameRow.from_lo, NameRow.to_hi).where(
    NameRow.entity_id.in_(_expanding("ids")))
LIVES = select(ClaimRow.subject_id, ClaimRow.type, ClaimRow.date_lo, ClaimRow.date_hi).where(
    ClaimRow.subject_id.in_(_expanding("ids")), ClaimRow.type.in_(("founded",) + ENDINGS),
    ClaimRow.negated.is_(False), ClaimRow.according_to_id.is_(None), ClaimRow.date_lo.is_not(None))

NameHit = tuple[int, int, str]  # a name row's id, its body, its key


class Lookups:
    """The statements that find candidates and describe them, each asked for a whole
    document at once. SQLite, in the process, answers a statement in microseconds, and
    asks each bounded lookup on its own; PostgreSQL is asked every key of a document in
    one statement, and each entity's share is picked out here. Either way an entity gets
    exactly the rows its own lookup would have given it."""

    def __init__(self, db: Connection) -> None:
        self.db = db
        self.each_key = db.dialect.name == "postgresql"

    def candidates(self, news: list[Known]) -> list[list[int]]:
        """For each new entity, the ids of the stored bodies it may be."""
        wanted = [_requests(n) for n in news]
        by_full = self._by_full_name([(n.kind, full) for n, (full, _) in zip(news, wanted)])
        requests = [r for _, bounded in wanted for r in bounded]
        latest = iter(self._latest(requests))
        out = []
        for ids, (_, bounded) in zip(by_full, wanted):
            for _ in bounded:
                ids |= {eid for _, eid, _ in next(latest)}
            out.append(sorted(ids))
        return out

    def _by_full_name(self, wanted: list[tuple[EntityKind, set[str]]]) -> list[set[int]]:
        keys: dict[EntityKind, set[str]] = {}
        for kind, full in wanted:
            keys.setdefault(kind, set()).update(full)
        bodies: dict[tuple[EntityKind, str], set[int]] = {}
        for kind, of_kind in keys.items():
            if of_kind:
                for key, eid in self.db.execute(BY_KEY, {"kind": kind.value, "keys": sorted(of_kind)}):
                    bodies.setdefault((kind, key), set()).add(eid)
        return [{eid for k in full for eid in bodies.get((kind, k), ())} for kind, full in wanted]

    def _latest(self, requests: list[Request]) -> list[list[NameHit]]:
        """For each request, the latest BLOCK_LIMIT name rows with one of its keys (of a
        body of its kind)."""
        if not self.each_key:
            return [self._hits(LATEST[column], {"kind": kind.value, "keys": sorted(keys)})
                    for column, kind, keys in requests]
        hits: dict[tuple[str, str, str], list[NameHit]] = {}
        for column, statement in LATEST_EACH.items():
            pairs = sorted({(k, kind.value) for c, kind, keys in requests if c == column for k in keys})
            if pairs:
                for key, kind, *hit in self.db.execute(statement, {"keys": [k for k, _ in pairs],
                                                                   "kinds": [k for _, k in pairs]}):
                    hits.setdefault((column, key, kind), []).append(tuple(hit))
        return [_top([hits.get((column, k, kind.value), []) for k in keys], BLOCK_LIMIT)
                for column, kind, keys in requests]

    def _named(self, keysets: list[set[str]]) -> list[list[NameHit]]:
        """For each set of neighbour keys, the latest CONTEXT_LIMIT name rows bearing one
        (of a body of any kind)."""
        if not self.each_key:
            return [self._hits(NAMED_BY_KEY, {"keys": sorted(keys)}) for keys in keysets]
        hits: dict[str, list[NameHit]] = {}
        every = sorted(set().union(*keysets))
        if every:
            for key, *hit in self.db.execute(NAMED_EACH, {"keys": every}):
                hits.setdefault(key, []).append(tuple(hit))
        return [_top([hits.get(k, []) for k in keys], CONTEXT_LIMIT) for keys in keysets]

    def _hits(self, statement: Any, params: dict[str, Any]) -> list[NameHit]:
        return [(i, eid, key) for i, eid, key in self.db.execute(statement, params)]

    def known(self, ids: list[list[int]], contexts: list[set[str]]) -> list[list[Known]]:
        """For each new entity, its candidates as :func:`choose` compares them; their
        neighbours are only those of its ``context`` (its neighbour keys) that they share."""
        every = sorted(set().union(*ids))
        if not every:
            return [[] for _ in ids]
        kinds = dict(self.db.execute(KINDS, {"ids": every}).tuples().all())
        names: dict[int, list[NameSpan]] = {i: [] for i in every}
        for eid, key, kind, lo, hi in self.db.execute(NAMES, {"ids": every}):
            names[eid].append(NameSpan(key, kind, lo, hi))
        starts: dict[int, list[int]] = {}
        ends: dict[int, list[int]] = {}
        for sid, type_, lo, hi in self.db.execute(LIVES, {"ids": every}):
            (starts if type_ == "founded" else ends).setdefault(sid, []).append(lo if type_ == "founded" else hi)
        shared = self._shared_neighbours(ids, contexts)
        return [[Known(EntityKind(kinds[i]), names[i], linked.get(i, set()), id=i,
                       life=_life(starts.get(i, []), ends.get(i, []))) for i in these]
                for these, linked in zip(ids, shared)]

    def _shared_neighbours(self, ids: list[list[int]], contexts: list[set[str]]) -> list[dict[int, set[str]]]:
        """For each new entity, which of its neighbour keys each candidate is linked to by a
        stored claim. :func:`choose` only asks whether the two share a neighbour, so the
        question goes from the document's few neighbours to the candidates, through an
        index on each pair of ends: its cost stays that of the document however many claims
        a candidate has (a city named by thousands of documents, a body written about for
        years)."""
        asked = [i for i, (these, keys) in enumerate(zip(ids, contexts)) if these and keys]
        keys_of: dict[int, dict[int, set[str]]] = {}  # entity -> neighbour body -> its keys
        for i, named in zip(asked, self._named([contexts[i] for i in asked])):
            for _, eid, key in named:
                keys_of.setdefault(i, {}).setdefault(eid, set()).add(key)
        rows = self._links({i: (ids[i], sorted(others)) for i, others in keys_of.items()})
        out: list[dict[int, set[str]]] = [{} for _ in ids]
        candidates = [set(these) for these in ids]
        for i, row in rows:
            present = [x for x in row if x is not None]
            for a in present:
                if a in candidates[i]:
                    out[i].setdefault(a, set()).update(k for x in present if x != a for k in keys_of[i].get(x, ()))
        return out

    def _links(self, asked: dict[int, tuple[list[int], list[int]]]) -> list[tuple[int, tuple[int | None, ...]]]:
        """The ends of the stored claims that link one of an entity's candidates with one of
        its neighbours' bodies, for each entity asked."""
        if not asked:
            return []
        if not self.each_key:
            out = []
            for i, (candidates, others) in asked.items():
                params: dict[str, list[int]] = {}
                for k in range(len(LINKS)):
                    params |= {f"ids{k}": candidates, f"others{k}": others, f"ids{k}b": candidates,
                               f"others{k}b": others}
                out += [(i, tuple(row)) for row in self.db.execute(LINKED, params)]
            return out
        pairs = [(i, a, b) for i, (candidates, others) in asked.items() for c in candidates for o in others
                 for a, b in ((c, o), (o, c))]
        return [(i, tuple(row)) for i, *row in self.db.execute(LINKED_EACH, {
            "asking": [p[0] for p in pairs], "one": [p[1] for p in pairs], "other": [p[2] for p in pairs]})]


def _top(groups: list[list[NameHit]], limit: int) -> list[NameHit]:
    """The latest ``limit`` name rows of several keys' (each key's own latest ``limit``)."""
    return sorted((hit for group in groups for hit in group), reverse=True)[:limit]
