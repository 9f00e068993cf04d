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

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ..edtf import bounds, parse_checked
from ..errors import InvalidValue, NotFound, Refused
from ..model import norm_name
from ..resolve.across import block_key, match_key
from .schema import ClaimRow, EntityRow, MentionRow, NameRow, ReviewRow, SpanRow

EDITABLE = ("date", "end", "value", "negated", "object_id", "kind")
CLAIM_FIELDS = EDITABLE + ("status",)  # what a claim review sets, and its undo restores
ENTITY_FIELDS = ("label", "qid")
ENTITY_REFS = ("subject_id", "object_id", "place_id", "result_id", "according_to_id")


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _claim(s: Session, claim_id: int) -> ClaimRow:
    c = s.get(ClaimRow, claim_id, with_for_update=True)  # PostgreSQL: one review of a claim at a time
    if c is None:
        raise NotFound(f"no claim with id {claim_id}; see `orgline claims NAME`")
    return c


def _entity(s: Session, entity_id: int) -> EntityRow:
    e = s.get(EntityRow, entity_id, with_for_update=True)
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
                raise InvalidValue(f"{k} {v!r} is not an EDTF date (try 1985, 1994-05, 196X)")
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
        raise InvalidValue(f"cannot edit {', '.join(sorted(unknown))}; editable: {', '.join(EDITABLE)}")
    changes = _checked_dates(changes)
    c = _claim(s, claim_id)
    if "object_id" in changes and changes["object_id"] is not None:
        _entity(s, changes["object_id"])
    before = {k: getattr(c, k) for k in changes} | {"status": c.status}
    _set_claim(c, changes)
    if c.date_lo is not None and c.end_hi is not None and c.end_hi < c.date_lo:
        raise InvalidValue(f"end {c.end!r} is before the date {c.date!r}; give an end on or after it")
    c.status = "edited"
    return _record(s, who, "edit", before, dict(changes) | {"status": "edited"}, claim=c)


def _checked_dates(changes: dict[str, Any]) -> dict[str, Any]:
    """A person's dates checked against the calendar before anything is written: extracted
    dates went through the date reader, typed ones have not (``Y17E700``, 1985-02-29)."""
    out = dict(changes)
    for k in ("date", "end"):
        if out.get(k) is not None:
            if not isinstance(out[k], str):
                raise InvalidValue(f"{k} must be an EDTF date written as text, like 1985")
            out[k] = parse_checked(out[k])
    return out


def merge(s: Session, who: str, keep_id: int, other_id: int) -> int:
    """Merge ``other`` into ``keep``: its names, mentions and claims move; its row stays,
    empty, so that the merge can be undone."""
    keep, other = _entity(s, keep_id), _entity(s, other_id)
    if keep.id == other.id:
        raise InvalidValue(f"entity {keep_id} cannot be merged with itself; name another entity")
    if keep.kind != other.kind:
        raise InvalidValue(f"entity {keep_id} is a {keep.kind} and {other_id} a {other.kind}; only alike kinds merge")
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
        borne = list(s.scalars(select(NameRow).where(NameRow.entity_id == e.id)))
        for text in dict.fromkeys(quoted or [e.label]):
            key = match_key(text)
            alike = [n for n in borne if n.match_key == key] or [NameRow(name=text, kind="official")]
            for n in alike:  # as dated as the body bore it
                s.add(NameRow(entity_id=new.id, name=n.name, normalized=norm_name(n.name), kind=n.kind,
                              valid_from=n.valid_from, valid_to=n.valid_to, from_lo=n.from_lo, to_hi=n.to_hi,
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
    if field == "qid" and value is not None and not (value[:1] == "Q" and value[1:].isascii() and value[1:].isdigit()):
        raise InvalidValue(f"{value!r} is not a Wikidata QID (Q followed by digits, e.g. Q42)")
    before = {field: getattr(e, field)}
    setattr(e, field, value)
    keys = sorted(set(s.scalars(select(NameRow.match_key).where(NameRow.entity_id == e.id))))
    return _record(s, who, field, before, {field: value, "names": keys}, entity_id=e.id)


def undo(s: Session, who: str, review_id: int) -> int:
    """Reverse one recorded change; undoing an undo makes the change again (and undoing
    that undoes it once more). Refused when a decision made since, and standing, on the same
    claim or entity would be overridden: undo that one first. The undo is recorded as a
    change of its own, with the values it replaced and those it set."""
    r = _review(s, review_id)
    if r.undone_at is not None:
        raise Refused(f"review {review_id} was already undone; see `orgline review history`")
    base, hops = r, 0
    while base.action == "undo":
        base, hops = _review(s, _undoes(base)), hops + 1
    again = hops % 2 == 1  # undoing an undo makes the change again
    if (base.undone_at is None) == again:
        raise Refused(f"review {base.id} is {'in effect' if again else 'undone'} already; "
                      "see `orgline review history`")
    _refuse_if_overtaken(s, r, base)
    side = "after" if again else "before"
    before, after = _restore(s, base, json.loads(getattr(base, side) or "null"), side)
    base.undone_at = None if again else _now()
    r.undone_at = _now()
    claim = _claim_of(s, base) if base.claim_key else None
    return _record(s, who, "undo", before, after | {"undoes": review_id}, claim=claim, entity_id=base.entity_id)


def _review(s: Session, review_id: int) -> ReviewRow:
    r = s.get(ReviewRow, review_id, with_for_update=True)
    if r is None:
        raise NotFound(f"no review with id {review_id}; see `orgline review history`")
    return r


def _undoes(r: ReviewRow) -> int:
    after = json.loads(r.after or "{}")
    return int(after.get("undoes", after.get("undone")))  # "undone": stores made before 0.2


def _claim_of(s: Session, r: ReviewRow) -> ClaimRow:
    c = s.get(ClaimRow, r.claim_id, with_for_update=True) if r.claim_id else None
    if c is None:
        raise Refused(f"the claim review {r.id} decided is no longer read from its source; nothing to undo")
    return c


def _restore(s: Session, r: ReviewRow, values: Any, side: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Put back the values a review recorded on one side (before, to undo it; after, to
    make it again). Returns the values replaced and those set."""
    if r.claim_key is not None:
        c = _claim_of(s, r)
        wanted = {k: v for k, v in values.items() if k in CLAIM_FIELDS}
        replaced = {k: getattr(c, k) for k in wanted}
        _set_claim(c, wanted)
        return replaced, wanted
    if r.action in ("merge", "split"):
        record = json.loads(r.before or "{}")
        to = record["entity"] if side == "before" else json.loads(r.after or "{}")["into"]
        _move(s, record["moved"], to)
        return {"entity": json.loads(r.after or "{}")["into"] if side == "before" else record["entity"]}, {"entity": to}
    e = _entity(s, r.entity_id)  # type: ignore[arg-type]
    wanted = {k: v for k, v in values.items() if k in ENTITY_FIELDS}
    replaced = {k: getattr(e, k) for k in wanted}
    for k, v in wanted.items():
        setattr(e, k, v)
    return replaced, wanted


def _refuse_if_overtaken(s: Session, r: ReviewRow, target: ReviewRow) -> None:
    """A decision made after ``r`` (and standing) on what ``target`` changed wins: undo
    records only turn decisions on and off, so they are not decisions of their own."""
    later = s.scalars(select(ReviewRow).where(ReviewRow.id > r.id, ReviewRow.undone_at.is_(None),
                                              ReviewRow.action != "undo").order_by(ReviewRow.id))
    for newer in later:
        if _same_object(target, newer):
            raise Refused(f"review {r.id} cannot be undone: review {newer.id} ({newer.action} by {newer.reviewer}) "
                          "changed the same thing since; undo that one first")


def _same_object(a: ReviewRow, b: ReviewRow) -> bool:
    if a.claim_key is not None or b.claim_key is not None:
        return a.claim_key == b.claim_key
    if a.action in ("label", "qid") or b.action in ("label", "qid"):
        return a.action == b.action and a.entity_id == b.entity_id
    return bool(_bodies(a) & _bodies(b))


def _bodies(r: ReviewRow) -> set[int]:
    """The entities a merge or split moved rows between."""
    before, after = json.loads(r.before or "{}"), json.loads(r.after or "{}")
    return {i for i in (r.entity_id, before.get("entity"), after.get("into")) if isinstance(i, int)}


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


def reapply(s: Session, claim_ids: list[int]) -> int:
    """Claims added by reading a source again take the decisions filed under their content
    key (accept, reject, edit; not those undone), in the order they were made. Returns how
    many were re-applied."""
    if not claim_ids:
        return 0
    by_key = {c.key: c for c in s.scalars(select(ClaimRow).where(ClaimRow.id.in_(claim_ids)))}
    n = 0
    for r in s.scalars(select(ReviewRow).where(ReviewRow.claim_key.in_(list(by_key)), ReviewRow.undone_at.is_(None),
                                               ReviewRow.action.in_(("accept", "reject", "edit")))
                       .order_by(ReviewRow.id)):
        c = by_key[r.claim_key]  # type: ignore[index]
        _set_claim(c, {k: v for k, v in json.loads(r.after or "{}").items() if k in CLAIM_FIELDS})
        r.claim_id = c.id
        n += 1
    return n


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
