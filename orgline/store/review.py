"""Review: a person's decisions on claims and entities.

Every change is one ``reviews`` row: who, when, what it concerned, the values before and
after (JSON). Nothing is deleted: a rejected claim stays, marked; a merged entity keeps its
row, emptied into the other; any change can be undone, and undoing is recorded too.
Decisions on claims are keyed by the claim's content key as well as its id, so that
re-extracting a source with a newer extractor finds them again (:func:`reapply`).
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from ..edtf import bounds
from ..errors import NotFound
from ..model import norm_name
from ..resolve.across import block_key, match_key
from .schema import ClaimRow, EntityRow, MentionRow, NameRow, ReviewRow, SpanRow

EDITABLE = ("date", "end", "value", "negated", "object_id", "kind")
ENTITY_REFS = ("subject_id", "object_id", "place_id", "result_id", "according_to_id")


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _claim(s: Session, claim_id: int) -> ClaimRow:
    c = s.get(ClaimRow, claim_id)
    if c is None:
        raise NotFound(f"no claim with id {claim_id}; see `orgline claims NAME`")
    return c


def _entity(s: Session, entity_id: int) -> EntityRow:
    e = s.get(EntityRow, entity_id)
    if e is None:
        raise NotFound(f"no entity with id {entity_id}; see `orgline entities`")
    return e


def _record(s: Session, who: str, action: str, before: Any, after: Any, *, claim: ClaimRow | None = None,
            entity_id: int | None = None) -> int:
    row = ReviewRow(claim_id=claim.id if claim else None, claim_key=claim.key if claim else None,
                    entity_id=entity_id, reviewer=who, action=action, at=_now(),
                    before=json.dumps(before), after=json.dumps(after))
    s.add(row)
    s.flush()
    return row.id


def _set_claim(c: ClaimRow, values: dict[str, Any]) -> None:
    for k, v in values.items():
        setattr(c, k, v)
        if k in ("date", "end"):
            b = bounds(v)
            if v is not None and b is None:
                raise NotFound(f"{k} {v!r} is not an EDTF date (try 1985, 1994-05, 196X)")
            setattr(c, f"{'date' if k == 'date' else 'end'}_lo", b[0] if b else None)
            setattr(c, f"{'date' if k == 'date' else 'end'}_hi", b[1] if b else None)


def decide(s: Session, who: str, claim_id: int, status: str) -> int:
    """Accept or reject a claim."""
    c = _claim(s, claim_id)
    before = {"status": c.status}
    c.status = status
    return _record(s, who, {"accepted": "accept", "rejected": "reject"}[status], before,
                   {"status": status}, claim=c)


def edit(s: Session, who: str, claim_id: int, changes: dict[str, Any]) -> int:
    """Correct a claim's date, end, value, object or negation; it becomes ``edited``."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise NotFound(f"cannot edit {', '.join(sorted(unknown))}; editable: {', '.join(EDITABLE)}")
    c = _claim(s, claim_id)
    if "object_id" in changes and changes["object_id"] is not None:
        _entity(s, changes["object_id"])
    before = {k: getattr(c, k) for k in changes} | {"status": c.status}
    _set_claim(c, changes)
    c.status = "edited"
    return _record(s, who, "edit", before, dict(changes) | {"status": "edited"}, claim=c)


def merge(s: Session, who: str, keep_id: int, other_id: int) -> int:
    """Merge ``other`` into ``keep``: its names, mentions and claims move; its row stays,
    empty, so that the merge can be undone."""
    keep, other = _entity(s, keep_id), _entity(s, other_id)
    if keep.id == other.id:
        raise NotFound(f"entity {keep_id} cannot be merged with itself")
    if keep.kind != other.kind:
        raise NotFound(f"entity {keep_id} is a {keep.kind} and {other_id} a {other.kind}; only alike kinds merge")
    moved = _held(s, other.id)
    _move(s, moved, keep.id)
    keep_names = sorted({n.match_key for n in s.scalars(select(NameRow).where(
        NameRow.entity_id == keep.id, NameRow.id.not_in(moved["names"])))})
    keys = sorted({n.match_key for n in s.scalars(select(NameRow).where(NameRow.id.in_(moved["names"])))})
    return _record(s, who, "merge", {"entity": other.id, "label": other.label, "moved": moved},
                   {"into": keep.id, "names": keys, "keep_names": keep_names}, entity_id=keep.id)


def split(s: Session, who: str, entity_id: int, source_id: str) -> tuple[int, int]:
    """Take what one source said of an entity out into an entity of its own: the names and
    mentions that source gave, and that source's claims about it. Returns (review, new id)."""
    e = _entity(s, entity_id)
    moved = _held(s, e.id, source_id)
    names = list(s.scalars(select(NameRow).where(NameRow.id.in_(moved["names"]))))
    mention_ids = moved["mentions"]
    claimed = any(moved[ref] for ref in ENTITY_REFS)
    if not names and not mention_ids and not claimed:
        raise NotFound(f"source {source_id[:12]}… says nothing of entity {entity_id}; nothing to split off")
    quoted = [q for q in s.scalars(select(SpanRow.quote).join(MentionRow, MentionRow.span_id == SpanRow.id)
                                   .where(MentionRow.id.in_(mention_ids)))]
    label = names[0].name if names else (quoted[0] if quoted else e.label)
    new = EntityRow(source_id=source_id, kind=e.kind, label=label)
    s.add(new)
    s.flush()
    _move(s, moved, new.id)
    if not names:  # the source repeated names the entity already bore: it gets them as its own
        for text in dict.fromkeys(quoted or [e.label]):
            key = match_key(text)
            s.add(NameRow(entity_id=new.id, name=text, normalized=norm_name(text), kind="official",
                          source_id=source_id, match_key=key, block=block_key(key)))
        s.flush()
        names = list(s.scalars(select(NameRow).where(NameRow.entity_id == new.id)))
    review = _record(s, who, "split", {"entity": e.id, "moved": moved},
                     {"into": new.id, "source": source_id, "names": sorted({n.match_key for n in names})},
                     entity_id=e.id)
    return review, new.id


def set_entity(s: Session, who: str, entity_id: int, field: str, value: str | None) -> int:
    """Set an entity's preferred label or Wikidata QID."""
    e = _entity(s, entity_id)
    if field == "qid" and value is not None and not (value[:1] == "Q" and value[1:].isdigit()):
        raise NotFound(f"{value!r} is not a Wikidata QID (Q followed by digits, e.g. Q42)")
    before = {field: getattr(e, field)}
    setattr(e, field, value)
    keys = sorted(set(s.scalars(select(NameRow.match_key).where(NameRow.entity_id == e.id))))
    return _record(s, who, field, before, {field: value, "names": keys}, entity_id=e.id)


def undo(s: Session, who: str, review_id: int) -> int:
    """Reverse one recorded change (the undo is recorded as a change of its own)."""
    r = s.get(ReviewRow, review_id)
    if r is None:
        raise NotFound(f"no review with id {review_id}; see `orgline review history`")
    if r.undone_at is not None:
        raise NotFound(f"review {review_id} was already undone")
    before = json.loads(r.before or "null")
    if r.claim_id is not None:
        c = _claim(s, r.claim_id)
        _set_claim(c, before)
    elif r.action in ("merge", "split"):
        _move(s, before["moved"], before["entity"])  # back where they came from
    else:
        _set_claim(_entity(s, r.entity_id), {k: v for k, v in before.items() if k in ("label", "qid")})  # type: ignore[arg-type]
    r.undone_at = _now()
    return _record(s, who, "undo", {"review": review_id}, {"undone": review_id},
                   claim=s.get(ClaimRow, r.claim_id) if r.claim_id else None, entity_id=r.entity_id)


def history(s: Session, claim_id: int | None = None, entity_id: int | None = None) -> list[dict[str, Any]]:
    q = select(ReviewRow).order_by(ReviewRow.id)
    if claim_id is not None:
        q = q.where(ReviewRow.claim_id == claim_id)
    if entity_id is not None:
        q = q.where(ReviewRow.entity_id == entity_id)
    return [{"id": r.id, "action": r.action, "reviewer": r.reviewer, "at": r.at.isoformat(),
             "claim": r.claim_id, "entity": r.entity_id, "before": json.loads(r.before or "null"),
             "after": json.loads(r.after or "null"), "undone": r.undone_at is not None}
            for r in s.scalars(q)]


def reapply(s: Session, source_id: str) -> int:
    """After a source was extracted again: the decisions people made on its claims (by
    content key) and the merges they made hold again. Returns how many were re-applied."""
    n = 0
    keyed = s.scalars(select(ReviewRow).where(ReviewRow.claim_key.is_not(None), ReviewRow.undone_at.is_(None),
                                              ReviewRow.action.in_(("accept", "reject", "edit")))
                      .order_by(ReviewRow.id))
    for r in keyed:
        c = s.scalars(select(ClaimRow).where(ClaimRow.key == r.claim_key, ClaimRow.source_id == source_id)).first()
        if c is not None:
            _set_claim(c, json.loads(r.after or "{}"))
            r.claim_id = c.id
            n += 1
    merges = s.scalars(select(ReviewRow).where(ReviewRow.action == "merge", ReviewRow.undone_at.is_(None))
                       .order_by(ReviewRow.id))
    for r in merges:  # the two bodies, found again by the names each side bore when merged
        after = json.loads(r.after or "{}")
        sides = [_holders(s, _identifying(after.get("keep_names", []))),
                 _holders(s, _identifying(after.get("names", [])))]
        if not sides[0] or not sides[1] or not s.scalars(select(NameRow.id).where(
                NameRow.source_id == source_id, NameRow.entity_id.in_(sides[0] | sides[1]))).first():
            continue
        target = min(sides[0])
        for other in (sides[0] | sides[1]) - {target}:
            _move_all(s, other, target)
            n += 1
    labels = s.scalars(select(ReviewRow).where(ReviewRow.action.in_(("label", "qid")), ReviewRow.undone_at.is_(None))
                       .order_by(ReviewRow.id))
    for r in labels:  # a label or QID set by hand follows the body if re-extraction re-created it
        after = json.loads(r.after or "{}")
        field = r.action
        holders = _holders(s, _identifying(after.get("names", [])))
        for eid in holders:
            e = s.get(EntityRow, eid)
            if e is not None and getattr(e, field) != after.get(field) and s.scalars(select(NameRow.id).where(
                    NameRow.entity_id == eid, NameRow.source_id == source_id)).first():
                setattr(e, field, after.get(field))
                n += 1
    splits = s.scalars(select(ReviewRow).where(ReviewRow.action == "split", ReviewRow.undone_at.is_(None))
                       .order_by(ReviewRow.id))
    for r in splits:  # what a source said of a body, split off by hand, stays apart
        after = json.loads(r.after or "{}")
        if after.get("source") != source_id or s.get(EntityRow, after["into"]) is None:
            continue
        said = s.scalars(select(ClaimRow.id).where(ClaimRow.source_id == source_id, or_(
            *(getattr(ClaimRow, ref) == r.entity_id for ref in ENTITY_REFS)))).first()
        if said is not None:
            _move_source(s, r.entity_id, after["into"], source_id)  # type: ignore[arg-type]
            n += 1
    return n


def _move_source(s: Session, from_id: int, to_id: int, source_id: str) -> None:
    _move(s, _held(s, from_id, source_id), to_id)


def _identifying(keys: list[str]) -> list[str]:
    """The full names among a body's name keys (an acronym may name others as well)."""
    full = [k for k in keys if len(k.split()) > 1]
    return full or keys


def _holders(s: Session, keys: list[str]) -> set[int]:
    return set(s.scalars(select(NameRow.entity_id).where(NameRow.match_key.in_(keys)))) if keys else set()


def _move_all(s: Session, other: int, keep: int) -> None:
    _move(s, _held(s, other), keep)


def _held(s: Session, entity_id: int, source_id: str | None = None) -> dict[str, list[int]]:
    """The ids of what an entity holds (from one source, if given): its names, mentions,
    and the claims that name it, by role. Recorded in a review so it can be moved back."""
    names = select(NameRow.id).where(NameRow.entity_id == entity_id)
    mentions = select(MentionRow.id).where(MentionRow.entity_id == entity_id)
    if source_id is not None:
        names = names.where(NameRow.source_id == source_id)
        mentions = mentions.join(SpanRow, SpanRow.id == MentionRow.span_id).where(SpanRow.source_id == source_id)
    held = {"names": list(s.scalars(names)), "mentions": list(s.scalars(mentions))}
    for ref in ENTITY_REFS:
        q = select(ClaimRow.id).where(getattr(ClaimRow, ref) == entity_id)
        held[ref] = list(s.scalars(q.where(ClaimRow.source_id == source_id) if source_id else q))
    return held


def _move(s: Session, held: dict[str, list[int]], to_id: int) -> None:
    s.execute(update(NameRow).where(NameRow.id.in_(held["names"])).values(entity_id=to_id))
    s.execute(update(MentionRow).where(MentionRow.id.in_(held["mentions"])).values(entity_id=to_id))
    for ref in ENTITY_REFS:
        s.execute(update(ClaimRow).where(ClaimRow.id.in_(held.get(ref, []))).values({ref: to_id}))
