"""Read questions over a Store: sources, entities, names at a date, claims, timeline,
lineage. Each answer is a list of plain dicts, ready for a Rich table or ``--json``."""
from __future__ import annotations

from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, aliased

from ..edtf import bounds
from ..errors import NotFound
from ..model import CLAIM_TYPES, norm_name
from ..store import Store
from ..store.plans import unindexed
from ..store.schema import (ClaimEvidenceRow, ClaimRow, EntityRow, NameRow, ReviewRow, SourceRow,
                            SpanRow)

Row = dict[str, Any]


def sources(store: Store) -> list[Row]:
    with store.session() as s:
        counts = dict(s.execute(select(ClaimRow.source_id, func.count()).group_by(ClaimRow.source_id)).all())
        return [{"id": r.id, "title": r.title, "origin": r.origin, "date": r.date, "chars": len(r.text),
                 "claims": counts.get(r.id, 0), "ingested_at": r.ingested_at.isoformat()}
                for r in s.scalars(select(SourceRow).order_by(SourceRow.ingested_at))]


def entities(store: Store, kind: str | None = None, existed_in: str | None = None) -> list[Row]:
    """Entities with their names; with ``existed_in``, the organizations whose life
    (founding to dissolution or merger) overlaps that EDTF date."""
    when = date_range(existed_in, "--existed-in") if existed_in else None
    with store.session() as s:
        q = select(EntityRow).order_by(EntityRow.kind, EntityRow.label)
        if kind:
            q = q.where(EntityRow.kind == kind)
        if when is not None:
            q = q.where(EntityRow.id.in_(_existing(s, when)))
        counts = dict(s.execute(select(ClaimRow.subject_id, func.count()).group_by(ClaimRow.subject_id)).all())
        return [_entity(s, e) | {"claims": counts.get(e.id, 0)} for e in s.scalars(q)]


def survivor(store: Store, entity_id: int) -> int | None:
    """The entity a merged-away one now lives on in: the body it was merged into, through
    any later merges; None when it was never merged away, or still holds names (a merge
    undone, or new names since)."""
    import json
    with store.session() as s:
        if s.scalar(select(func.count()).select_from(NameRow).where(NameRow.entity_id == entity_id)):
            return None
        current, seen = entity_id, {entity_id}
        while True:
            row = s.execute(select(ReviewRow.after).where(
                ReviewRow.action == "merge", ReviewRow.undone_at.is_(None),
                ReviewRow.before.like(f'%"entity": {int(current)},%')).order_by(ReviewRow.id.desc())).first()
            if row is None:
                return current if current != entity_id else None
            current = int(json.loads(row[0])["into"])
            if current in seen:
                return None
            seen.add(current)


def date_range(edtf: str, option: str) -> tuple[int, int]:
    b = bounds(edtf)
    if b is None:
        raise NotFound(f"{option} {edtf!r} is not an EDTF date (try 1985, 1994-05, 196X, 1971/1974)")
    return b


def _existing(s: Session, when: tuple[int, int]) -> list[int]:
    """Organizations alive at some day of ``when``: begun by its end (founded then, or
    else first seen in a dated claim then) and not ended before its start (dissolved or
    merged away). An organization with no date at all is left out, not guessed."""
    asserted = ClaimRow.negated.is_(False)
    founded = dict(s.execute(select(ClaimRow.subject_id, func.min(ClaimRow.date_lo))
                             .where(ClaimRow.type == "founded", asserted)
                             .group_by(ClaimRow.subject_id)).all())
    first_seen = dict(s.execute(select(ClaimRow.subject_id, func.min(ClaimRow.date_lo))
                                .where(ClaimRow.date_lo.is_not(None), asserted)
                                .group_by(ClaimRow.subject_id)).all())
    ended = dict(s.execute(select(ClaimRow.subject_id, func.max(ClaimRow.date_hi))
                           .where(ClaimRow.type.in_(("dissolved", "merged")), asserted,
                                  ClaimRow.date_hi.is_not(None))
                           .group_by(ClaimRow.subject_id)).all())
    orgs = s.scalars(select(EntityRow.id).where(EntityRow.kind == "org")).all()
    alive = []
    for org in orgs:
        start = founded.get(org) or first_seen.get(org)
        if start is None or start > when[1]:
            continue
        end = ended.get(org)
        if end is None or end >= when[0]:
            alive.append(org)
    return alive


def _entity(s: Session, e: EntityRow) -> Row:
    names = s.scalars(select(NameRow).where(NameRow.entity_id == e.id).order_by(NameRow.id)).all()
    return {"id": e.id, "kind": e.kind, "label": e.label, "qid": e.qid, "source": e.source_id,
            "names": list(dict.fromkeys(n.name for n in names))}  # each name once, in order of first use


MAX_ID = 2**63 - 1  # the largest id SQLite stores; a larger one names nothing


def find_entities(store: Store, name_or_id: str) -> list[int]:
    """Entities bearing a name (any kind: acronyms and former names too), or ``#id``."""
    with store.session() as s:
        digits = name_or_id.lstrip("#e")
        if name_or_id[:1] in "#e" and digits.isascii() and digits.isdigit() and len(digits) < 20:  # "#²": a name
            ids = [int(digits)]
            if ids[0] > MAX_ID or s.get(EntityRow, ids[0]) is None:
                raise NotFound(f"no entity with id {ids[0]}; see `orgline entities`")
            return ids
        ids = list(s.scalars(select(NameRow.entity_id).where(
            NameRow.normalized == norm_name(name_or_id)).distinct().order_by(NameRow.entity_id)))
    if not ids:
        raise NotFound(f"no entity is named {name_or_id!r}; see `orgline entities`")
    return ids


def names_at(store: Store, name: str, at: str | None = None) -> list[Row]:
    """Which entities bore ``name``, and when; with ``at``, those whose validity overlaps
    that date. Names with no date are reported as undated, not guessed. Four queries
    whatever the number of bodies and sources that bear the name."""
    when = date_range(at, "--at") if at else None
    key = norm_name(name)
    with store.session() as s:
        rows = []
        for n in s.scalars(select(NameRow).where(NameRow.normalized == key).order_by(NameRow.id)):
            dated = n.from_lo is not None or n.to_hi is not None
            lo = n.from_lo if n.from_lo is not None else -10**9
            hi = n.to_hi if n.to_hi is not None else 10**9
            if when is None or not dated or (lo <= when[1] and when[0] <= hi):
                rows.append((n, dated))
        ids = {n.entity_id for n, _ in rows}
        labels = dict(s.execute(select(EntityRow.id, EntityRow.label).where(EntityRow.id.in_(ids))).tuples().all())
        evidence = _names_evidence(s, ids, key)
        out = [{"name": n.name, "kind": n.kind, "entity_id": n.entity_id, "entity": labels[n.entity_id],
                "valid_from": n.valid_from, "valid_to": n.valid_to, "source": n.source_id, "undated": not dated,
                "evidence": evidence.get((n.entity_id, n.source_id)) or evidence.get((n.entity_id, None))}
               for n, dated in rows]
    if at:
        out.sort(key=lambda r: r["undated"])
    return out


def _names_evidence(s: Session, ids: set[int], normalized: str) -> dict[tuple[int, str | None], str]:
    """The passage that gives the name, per (entity, source that gave it), and per entity
    from whichever source gave it first (key (entity, None)): the named claims' values are
    compared as names are, in Python, over the few claims of those bodies."""
    named = [(cid, sid, src) for cid, sid, src, value in s.execute(
        select(ClaimRow.id, ClaimRow.subject_id, ClaimRow.source_id, ClaimRow.value)
        .where(ClaimRow.subject_id.in_(ids), unindexed(ClaimRow.type) == "named").order_by(ClaimRow.id)).tuples()
        if norm_name(value or "") == normalized]
    quotes: dict[int, str] = {}
    for cid, quote in s.execute(select(ClaimEvidenceRow.claim_id, SpanRow.quote)
                                .join(SpanRow, SpanRow.id == ClaimEvidenceRow.span_id)
                                .where(ClaimEvidenceRow.claim_id.in_([c for c, _, _ in named]))
                                .order_by(ClaimEvidenceRow.claim_id, SpanRow.start)).tuples():
        quotes.setdefault(cid, quote)
    out: dict[tuple[int, str | None], str] = {}
    for cid, sid, src in named:
        if cid in quotes:
            out.setdefault((sid, src), quotes[cid])
            out.setdefault((sid, None), quotes[cid])
    return out


def _quotes(s: Session, claim_id: int) -> list[str]:
    return list(s.scalars(select(SpanRow.quote).join(ClaimEvidenceRow, ClaimEvidenceRow.span_id == SpanRow.id)
                          .where(ClaimEvidenceRow.claim_id == claim_id).order_by(SpanRow.start)))


def claim_rows(s: Session, where: Any) -> list[Row]:
    subj, obj, acc, place, res = (aliased(EntityRow) for _ in range(5))
    q = (select(ClaimRow, subj, obj, acc, place, res, SourceRow)
         .join(subj, subj.id == ClaimRow.subject_id)
         .outerjoin(obj, obj.id == ClaimRow.object_id)
         .outerjoin(acc, acc.id == ClaimRow.according_to_id)
         .outerjoin(place, place.id == ClaimRow.place_id)
         .outerjoin(res, res.id == ClaimRow.result_id)
         .join(SourceRow, SourceRow.id == ClaimRow.source_id).where(where)
         .order_by(ClaimRow.date_lo.is_(None), ClaimRow.date_lo, ClaimRow.id))
    rows = s.execute(q).all()
    quotes: dict[int, list[str]] = {}
    ids = [r[0].id for r in rows]
    for i in range(0, len(ids), 500):  # one query per 500 claims, not one per claim
        for cid, quote in s.execute(select(ClaimEvidenceRow.claim_id, SpanRow.quote)
                                    .join(SpanRow, SpanRow.id == ClaimEvidenceRow.span_id)
                                    .where(ClaimEvidenceRow.claim_id.in_(ids[i:i + 500]))
                                    .order_by(ClaimEvidenceRow.claim_id, SpanRow.start)):
            quotes.setdefault(cid, []).append(quote)
    out = []
    for c, sj, ob, ac, pl, rs, src in rows:
        out.append({
            "id": c.id, "type": c.type, "subject": sj.label, "subject_id": sj.id,
            "object": ob.label if ob else None, "object_id": ob.id if ob else None,
            "value": c.value, "date": c.date, "end": c.end, "place": pl.label if pl else None,
            "result": rs.label if rs else None, "kind": c.kind, "negated": c.negated,
            "according_to": ac.label if ac else None, "hedging": c.hedging,
            "confidence": c.confidence, "status": c.status, "rule": c.rule,
            "evidence": quotes.get(c.id, []), "source": {"id": src.id, "title": src.title, "origin": src.origin}})
    return out


def claims(store: Store, name_or_id: str, types: list[str] | None = None,
           date_from: str | None = None, date_to: str | None = None,
           min_confidence: float | None = None) -> list[Row]:
    """Claims where the entity is subject, object or result, in date order (undated last);
    ``min_confidence`` keeps the drafts a reviewer should see first."""
    ids = find_entities(store, name_or_id)
    for t in types or []:
        if t not in CLAIM_TYPES:
            raise NotFound(f"unknown claim type {t!r}; one of {', '.join(CLAIM_TYPES)}")
    cond = or_(ClaimRow.subject_id.in_(ids), ClaimRow.object_id.in_(ids), ClaimRow.result_id.in_(ids))
    if types:
        cond = cond & ClaimRow.type.in_(types)
    if min_confidence is not None:
        if not 0 <= min_confidence <= 1:
            raise NotFound(f"--min-confidence {min_confidence} is not between 0 and 1")
        cond = cond & (ClaimRow.confidence >= min_confidence)
    if date_from:  # the claim's days, to its end where it has one, overlap the range
        cond = cond & (func.coalesce(ClaimRow.end_hi, ClaimRow.date_hi) >= date_range(date_from, "--from")[0])
    if date_to:
        cond = cond & (func.coalesce(ClaimRow.date_lo, ClaimRow.end_lo) <= date_range(date_to, "--to")[1])
    with store.session() as s:
        return claim_rows(s, cond)


def timeline(store: Store, name_or_id: str, date_from: str | None = None,
             date_to: str | None = None) -> list[Row]:
    return claims(store, name_or_id, date_from=date_from, date_to=date_to)


def lineage(store: Store, name_or_id: str, depth: int = 5) -> list[Row]:
    """For each entity bearing the name: its predecessors and successors as trees."""
    lineage_types = [t.name for t in CLAIM_TYPES.values() if t.lineage]
    with store.session() as s:
        edges = s.scalars(select(ClaimRow).where(ClaimRow.type.in_(lineage_types),
                                                 ClaimRow.negated.is_(False))).all()
        before: dict[int, list[tuple[int, ClaimRow]]] = {}
        after: dict[int, list[tuple[int, ClaimRow]]] = {}
        for c in edges:
            targets = [t for t in (c.object_id, c.result_id) if t is not None]
            for t in dict.fromkeys(targets):
                if c.type == "merged":  # subject merged into t: subject came before t
                    before.setdefault(t, []).append((c.subject_id, c))
                    after.setdefault(c.subject_id, []).append((t, c))
                else:  # subject formed from / split from t: t came before subject
                    before.setdefault(c.subject_id, []).append((t, c))
                    after.setdefault(t, []).append((c.subject_id, c))
        labels = {e.id: e.label for e in s.scalars(select(EntityRow))}

        def tree(eid: int, graph: dict[int, list[tuple[int, ClaimRow]]], seen: frozenset[int], d: int) -> list[Row]:
            if d == 0:
                return []
            return [{"id": nxt, "label": labels[nxt], "type": c.type, "date": c.date, "claim": c.id,
                     "children": tree(nxt, graph, seen | {nxt}, d - 1)}
                    for nxt, c in graph.get(eid, []) if nxt not in seen]

        return [{"id": i, "label": labels[i],
                 "predecessors": tree(i, before, frozenset({i}), depth),
                 "successors": tree(i, after, frozenset({i}), depth)}
                for i in find_entities(store, name_or_id)]


# Claims of these types say one thing about their subject (one founding, one end): two
# whose dates cannot both hold disagree. For every type, an assertion and a denial of the
# same statement disagree.
SINGULAR = ("founded", "dissolved")


def conflicts(store: Store, name_or_id: str | None = None) -> list[Row]:
    """Groups of claims that sources (or one source's parties) disagree on, each claim with
    its source and attribution; none is dropped."""
    with store.session() as s:
        cond = ClaimRow.status != "rejected"
        if name_or_id:
            cond = cond & ClaimRow.subject_id.in_(find_entities(store, name_or_id))
        rows = claim_rows(s, cond)
    return disagreements(rows)


def disagreements(rows: list[Row]) -> list[Row]:
    """The groups of ``rows`` (claims as :func:`claim_rows` gives them, none rejected) that
    disagree."""
    groups: dict[tuple[Any, ...], list[Row]] = {}
    for r in rows:
        if r["type"] in SINGULAR:
            groups.setdefault((r["subject_id"], r["type"]), []).append(r)
        groups.setdefault((r["subject_id"], r["type"], r["object_id"], r["value"], "polarity"), []).append(r)
    out = []
    for key, members in groups.items():
        if key[-1] == "polarity":
            if len({m["negated"] for m in members}) > 1:
                out.append({"subject": members[0]["subject"], "type": key[1], "why": "asserted and denied",
                            "claims": members})
        elif _dates_disagree([m for m in members if not m["negated"]]):
            out.append({"subject": members[0]["subject"], "type": key[1], "why": "dates that cannot both hold",
                        "claims": members})
    return out


def _dates_disagree(members: list[Row]) -> bool:
    spans = [b for m in members if (b := bounds(m["date"])) is not None]
    return any(a[1] < b[0] or b[1] < a[0] for i, a in enumerate(spans) for b in spans[i + 1:])
