"""Search: entity names (every name an entity bore: full, short, former, acronym) and
source texts (SQLite FTS5; LIKE elsewhere). Each hit says why it matched.

Names are matched exactly, by prefix, by containment, then, for what is left, by
closeness (rapidfuzz's token sort ratio, which forgives spelling variants and word order:
"Harbor Workers Union" finds "Harbour Workers' Union", "Union of Harbour Workers"...); only
names sharing a word's first three letters with the query are scored, so the cost does
not grow with the store. Each entity hit carries its founding and ending dates, to tell
two bodies of one name apart; each text hit its snippet as plain text with the matched
words' offsets in ``highlights``."""
from __future__ import annotations

import re
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import func, literal_column, or_, select, text
from sqlalchemy.orm import Session

from ..model import norm_name
from ..store import Store
from ..store.schema import NAMES_TSV, SOURCES_TSV, TEXT_INDEXED, ClaimRow, EntityRow, NameRow, SourceRow

Row = dict[str, Any]
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"  # FTS5's marks around matched words; never in a source
LIMIT = 50
CLOSE_ENOUGH = 85  # token sort ratio, 0-100: "harbor" for "harbour", words in another order


def search(store: Store, q: str, limit: int = LIMIT) -> dict[str, list[Row]]:
    q = q.strip()
    if not q:
        return {"entities": [], "sources": []}
    with store.session() as s:
        entities = _names(s, q, limit)
        if len(entities) < limit:
            entities += _close_names(s, q, limit - len(entities), {e["id"] for e in entities})
        _dates(s, entities)
        return {"entities": entities, "sources": [_highlighted(r) for r in _texts(s, q, limit)]}


def _names(s: Session, q: str, limit: int) -> list[Row]:
    """Entities bearing a name equal to, starting with, or containing the query (in that
    order), once each, by the best of their names."""
    key = norm_name(q)
    pattern = "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = s.execute(select(NameRow, EntityRow).join(EntityRow, EntityRow.id == NameRow.entity_id)
                     .where(NameRow.normalized.like(pattern, escape="\\")).limit(limit * 20)).all()
    best: dict[int, tuple[int, Row]] = {}
    for n, e in rows:
        rank = 0 if n.normalized == key else 1 if n.normalized.startswith(key) else 2
        if e.id in best and best[e.id][0] <= rank:
            continue
        best[e.id] = (rank, {"id": e.id, "label": e.label, "kind": e.kind, "name": n.name,
                             "why": _why(n, q, rank)})
    return [r for _, r in sorted(best.values(), key=lambda x: (x[0], x[1]["label"].lower()))][:limit]


CANDIDATES = 2000  # names scored per query at most: those sharing the most word beginnings


def _close_names(s: Session, q: str, limit: int, seen: set[int]) -> list[Row]:
    """Entities whose names are close to the query in spelling or word order."""
    key = norm_name(q)
    stems = sorted({w[:3] for w in key.split() if len(w) >= 3 and w[:3].isalnum()})
    if not stems:
        return []
    wanted = select(NameRow.normalized, NameRow.name, EntityRow.id, EntityRow.label, EntityRow.kind) \
        .join(EntityRow, EntityRow.id == NameRow.entity_id)
    if s.get_bind().dialect.name == "sqlite":  # the names index: "har"* OR "wor"*, best first
        ids = s.execute(text("SELECT name_id FROM names_fts WHERE names_fts MATCH :m ORDER BY rank LIMIT :n"),
                        {"m": " OR ".join(f'"{p}"*' for p in stems), "n": CANDIDATES}).scalars().all()
        rows = s.execute(wanted.where(NameRow.id.in_(ids))).all()
    elif s.get_bind().dialect.name == "postgresql":  # the GIN index: har:* | wor:*, best first
        tsv: Any = literal_column(NAMES_TSV)
        query = func.to_tsquery("simple", " | ".join(f"{p}:*" for p in stems))
        ids = s.execute(select(NameRow.id).where(tsv.op("@@")(query))
                        .order_by(func.ts_rank(tsv, query).desc()).limit(CANDIDATES)).scalars().all()
        rows = s.execute(wanted.where(NameRow.id.in_(ids))).all()
    else:
        rows = s.execute(wanted.where(or_(*[NameRow.normalized.like(f"{p}%") for p in stems],
                                          *[NameRow.normalized.like(f"% {p}%") for p in stems]))
                         .limit(CANDIDATES)).all()
    rows = [r for r in rows if r[2] not in seen]
    best: dict[int, tuple[float, Row]] = {}
    for _, score, i in process.extract(key, [r[0] for r in rows], scorer=fuzz.token_sort_ratio,
                                       score_cutoff=CLOSE_ENOUGH, limit=None):
        normalized, name, eid, label, kind = rows[i]
        if eid not in best or best[eid][0] < score:
            best[eid] = (score, {"id": eid, "label": label, "kind": kind, "name": name,
                                 "why": f"bears the name “{name}”, close to “{q}”"})
    return [r for _, r in sorted(best.values(), key=lambda x: (-x[0], x[1]["label"].lower()))][:limit]


def _dates(s: Session, hits: list[Row]) -> None:
    """Each hit's founding and ending dates (the earliest of each its claims give; rejected
    claims left out)."""
    ids = [h["id"] for h in hits]
    if not ids:
        return
    found: dict[tuple[int, str], tuple[int, str]] = {}
    for sid, kind, date, lo in s.execute(
            select(ClaimRow.subject_id, ClaimRow.type, ClaimRow.date, ClaimRow.date_lo)
            .where(ClaimRow.subject_id.in_(ids), ClaimRow.type.in_(("founded", "dissolved")),
                   ClaimRow.status != "rejected", ClaimRow.date.is_not(None))):
        if (sid, kind) not in found or lo < found[(sid, kind)][0]:
            found[(sid, kind)] = (lo, date)
    for h in hits:
        h["founded"] = found.get((h["id"], "founded"), (0, None))[1]
        h["ended"] = found.get((h["id"], "dissolved"), (0, None))[1]


def _highlighted(row: Row) -> Row:
    """The snippet as plain text, and where its matched words are, as [start, end] pairs."""
    plain, spans, at = [], [], 0
    for part in re.split(f"([{MARK_OPEN}{MARK_CLOSE}])", row["snippet"]):
        if part == MARK_OPEN:
            spans.append([at, at])
        elif part == MARK_CLOSE:
            if spans:
                spans[-1][1] = at
        else:
            plain.append(part)
            at += len(part)
    return {**row, "snippet": "".join(plain), "highlights": spans}


def _why(n: NameRow, q: str, rank: int) -> str:
    if n.kind == "short":
        what = f"the acronym or short name “{n.name}”"
    elif n.valid_to:
        what = f"the former name “{n.name}” ({n.valid_from or '?'} to {n.valid_to})"
    else:
        what = f"the name “{n.name}”" + (f" (from {n.valid_from})" if n.valid_from else "")
    return f"bears {what}" if rank == 0 else f"bears {what}, which {('starts with', 'contains')[rank - 1]} “{q}”"


def _texts(s: Session, q: str, limit: int) -> list[Row]:
    words = re.findall(r"\w+", q)
    if not words:
        return []
    if s.get_bind().dialect.name == "sqlite":
        match = " ".join(f'"{w}"' for w in words)  # every word, as a literal: no query syntax from users
        rows = s.execute(text(
            "SELECT source_id, title, snippet(sources_fts, 2, :o, :c, '…', 16) FROM sources_fts "
            "WHERE sources_fts MATCH :m ORDER BY rank LIMIT :n"),
            {"o": MARK_OPEN, "c": MARK_CLOSE, "m": match, "n": limit}).all()
        return [{"id": sid, "title": title, "snippet": snip,
                 "why": f"its text contains {', '.join(repr(w) for w in words)}"} for sid, title, snip in rows]
    if s.get_bind().dialect.name == "postgresql":  # every word, through the GIN index
        query = func.plainto_tsquery("simple", " ".join(words))
        tsv: Any = literal_column(SOURCES_TSV)
        snippet = func.ts_headline("simple", func.left(SourceRow.text, TEXT_INDEXED), query,
                                   f"StartSel={MARK_OPEN}, StopSel={MARK_CLOSE}, MaxWords=20, MinWords=8")
        rows = s.execute(select(SourceRow.id, SourceRow.title, snippet).where(tsv.op("@@")(query))
                         .order_by(func.ts_rank(tsv, query).desc()).limit(limit)).all()
        return [{"id": sid, "title": title, "snippet": "…" + snip + "…",
                 "why": f"its text contains {', '.join(repr(w) for w in words)}"} for sid, title, snip in rows]
    cond = [func.lower(SourceRow.text).contains(w.lower()) for w in words]
    out = []
    for src in s.scalars(select(SourceRow).where(*cond).limit(limit)):
        at = src.text.lower().find(words[0].lower())
        start = max(0, at - 60)
        snip = src.text[start:at] + MARK_OPEN + src.text[at:at + len(words[0])] + MARK_CLOSE + src.text[at + len(words[0]):at + 80]
        out.append({"id": src.id, "title": src.title, "snippet": "…" + snip + "…",
                    "why": f"its text contains {', '.join(repr(w) for w in words)}"})
    return out
