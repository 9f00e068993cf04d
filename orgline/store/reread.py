"""A stored source read again (``orgline reextract``): only what changed is written.

Each entity the text yields keeps the stored id its passages pointed to before, found by
its mentions' offsets (or, where a newer extractor marks other passages, by the names this
source gave it). So whatever people did to those bodies, merging two, splitting one off,
labelling one, giving it a QID, holds as it was, and no body is resolved afresh against a
store that has grown since. Claims are compared by content key: an unchanged claim keeps
its row, id and review status; a vanished one goes (its reviews stay, unlinked); a new one
is added and takes the decisions filed under its key. Reading an unchanged text with the
same extractor therefore changes nothing; a body left holding nothing that this source
created, and that no review names, goes.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, exists, func, or_, select, update
from sqlalchemy.orm import Session

from .. import __version__
from ..model import DocumentFacts, Entity, Span
from ..resolve.across import match_key
from .review import ENTITY_REFS, reapply
from .schema import ClaimEvidenceRow, ClaimRow, EntityRow, MentionRow, NameRow, ReviewRow, SpanRow
from .writer import Writer, name_row


@dataclass
class Reread:
    """What reading a source again changed."""

    added: int = 0  # claims
    removed: int = 0
    unchanged: int = 0
    decisions: int = 0  # reviewed claims of the source whose decision holds
    entities_removed: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


def reread(s: Session, facts: DocumentFacts) -> Reread:
    w = Writer(s, facts)
    before = _entities_of_source(s, w.source_id)
    w.place_entities(_previous_ids(s, facts))
    _sync_names(w)
    _sync_mentions(w)
    report = _sync_claims(w)
    report.entities_removed = _drop_emptied(s, w.source_id, before)
    report.decisions = s.scalar(select(func.count(ClaimRow.id)).where(
        ClaimRow.source_id == w.source_id, ClaimRow.status != "extracted")) or 0
    return report


def _previous_ids(s: Session, facts: DocumentFacts) -> dict[str, int]:
    """Document entity key -> the stored id this source's rows gave it before: the body
    most of its mentions pointed to, else the body its names from this source belonged to
    (of its kind; ties to the older body)."""
    sid = facts.source.id
    at: dict[tuple[int, int], Counter[int]] = {}
    for eid, start, end in s.execute(select(MentionRow.entity_id, SpanRow.start, SpanRow.end)
                                     .join(SpanRow, SpanRow.id == MentionRow.span_id).where(SpanRow.source_id == sid)):
        at.setdefault((start, end), Counter())[eid] += 1
    named: dict[str, Counter[int]] = {}
    for eid, key in s.execute(select(NameRow.entity_id, NameRow.match_key).where(NameRow.source_id == sid)):
        named.setdefault(key, Counter())[eid] += 1
    ids = {i for c in (*at.values(), *named.values()) for i in c}
    kinds: dict[int, str] = {i: k for i, k in s.execute(select(EntityRow.id, EntityRow.kind)
                                                        .where(EntityRow.id.in_(ids)))} if ids else {}
    out: dict[str, int] = {}
    for e in facts.entities:
        chosen = _vote(e, [at.get((m.start, m.end), Counter()) for m in e.mentions], kinds) or \
            _vote(e, [named.get(match_key(n.text), Counter()) for n in e.names], kinds)
        if chosen is not None:
            out[e.key] = chosen
    return out


def _vote(e: Entity, ballots: list[Counter[int]], kinds: dict[int, str]) -> int | None:
    votes: Counter[int] = Counter()
    for b in ballots:
        votes.update({i: n for i, n in b.items() if kinds.get(i) == e.kind.value})
    if not votes:
        return None
    return min(votes, key=lambda i: (-votes[i], i))


def _entities_of_source(s: Session, sid: str) -> set[int]:
    """The bodies this source's rows point to."""
    ids = set(s.scalars(select(NameRow.entity_id).where(NameRow.source_id == sid)))
    ids |= set(s.scalars(select(MentionRow.entity_id).join(SpanRow, SpanRow.id == MentionRow.span_id)
                         .where(SpanRow.source_id == sid)))
    for ref in ENTITY_REFS:
        col = getattr(ClaimRow, ref)
        ids |= set(s.scalars(select(col).where(ClaimRow.source_id == sid, col.is_not(None))))
    return ids


def _sync_names(w: Writer) -> None:
    wanted: Counter[tuple[int, Any]] = Counter()
    elsewhere = w.names_elsewhere()
    for e in w.facts.entities:
        for values in w.names_to_add(e, elsewhere.get(w.ids[e.key], set())):
            wanted[(w.ids[e.key], values)] = 1  # a body two document entities stand for: once
    for row in w.s.scalars(select(NameRow).where(NameRow.source_id == w.source_id).order_by(NameRow.id)):
        have = (row.entity_id, (row.name, row.kind, row.valid_from, row.valid_to))
        if wanted[have] > 0:
            wanted[have] -= 1
        else:
            w.s.delete(row)
    for (eid, values), n in wanted.items():
        if n > 0:
            w.s.add(name_row(eid, values, w.source_id))
    w.s.flush()


def _sync_mentions(w: Writer) -> None:
    wanted: Counter[tuple[int, int, int, str]] = Counter(
        (w.ids[e.key], m.start, m.end, m.text) for e in w.facts.entities for m in e.mentions)
    stale_spans: list[int] = []
    for mid, sid, eid, start, end, quote in w.s.execute(
            select(MentionRow.id, SpanRow.id, MentionRow.entity_id, SpanRow.start, SpanRow.end, SpanRow.quote)
            .join(SpanRow, SpanRow.id == MentionRow.span_id).where(SpanRow.source_id == w.source_id)
            .order_by(MentionRow.id)).all():
        if wanted[(eid, start, end, quote)] > 0:
            wanted[(eid, start, end, quote)] -= 1
        else:
            w.s.execute(delete(MentionRow).where(MentionRow.id == mid))
            stale_spans.append(sid)
    w.s.execute(delete(SpanRow).where(SpanRow.id.in_(stale_spans)))
    for (eid, start, end, quote), n in wanted.items():
        for _ in range(n):
            w.add_mention(eid, Span(start, end, quote))
    w.s.flush()


def _sync_claims(w: Writer) -> Reread:
    wanted = w.claims()
    report = Reread()
    gone: list[int] = []
    for row in w.s.scalars(select(ClaimRow).where(ClaimRow.source_id == w.source_id)):
        c = wanted.pop(row.key, None)
        if c is None:
            gone.append(row.id)
            continue
        report.unchanged += 1
        if row.status == "extracted":  # what a person decided on a claim stays as they left it
            for ref, key in zip(ENTITY_REFS, (c.subject, c.object, c.place, c.result, c.according_to)):
                if getattr(row, ref) != w.id_of(key):
                    setattr(row, ref, w.id_of(key))
            if (row.rule, row.confidence) != (c.rule, c.confidence):
                row.rule, row.confidence, row.extractor_version = c.rule, c.confidence, __version__
    _delete_claims(w.s, gone)
    report.removed = len(gone)
    added = [w.add_claim(key, c).id for key, c in wanted.items()]
    report.added = len(added)
    reapply(w.s, added)
    return report


def _delete_claims(s: Session, ids: list[int]) -> None:
    if not ids:
        return
    spans = select(ClaimEvidenceRow.span_id).where(ClaimEvidenceRow.claim_id.in_(ids))
    span_ids = list(s.scalars(spans))
    s.execute(delete(ClaimEvidenceRow).where(ClaimEvidenceRow.claim_id.in_(ids)))
    s.execute(delete(SpanRow).where(SpanRow.id.in_(span_ids)))
    s.execute(update(ReviewRow).where(ReviewRow.claim_id.in_(ids)).values(claim_id=None))
    s.execute(delete(ClaimRow).where(ClaimRow.id.in_(ids)))


def _drop_emptied(s: Session, sid: str, candidates: set[int]) -> int:
    """Bodies this source created that now hold nothing (no name, mention or claim names
    them) and that no review names: what an older extractor made up and a newer one no
    longer reads. A body emptied by a merge is kept, for the merge to be undone."""
    if not candidates:
        return 0
    named = _named_by_reviews(s)
    held = or_(exists().where(NameRow.entity_id == EntityRow.id),
               exists().where(MentionRow.entity_id == EntityRow.id),
               *(exists().where(getattr(ClaimRow, ref) == EntityRow.id) for ref in ENTITY_REFS))
    empty = [i for i in s.scalars(select(EntityRow.id).where(EntityRow.id.in_(candidates), EntityRow.source_id == sid,
                                                           ~held)) if i not in named]
    s.execute(delete(EntityRow).where(EntityRow.id.in_(empty)))
    return len(empty)


def _named_by_reviews(s: Session) -> set[int]:
    out: set[int] = set()
    for eid, before, after in s.execute(select(ReviewRow.entity_id, ReviewRow.before, ReviewRow.after)
                                        .where(ReviewRow.entity_id.is_not(None))):
        out.add(eid)
        for blob in (before, after):
            data = json.loads(blob or "null")
            if isinstance(data, dict):
                out.update(v for k, v in data.items() if k in ("entity", "into") and isinstance(v, int))
    return out
