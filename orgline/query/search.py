"""Search: entity names (every name an entity bore: full, short, former, acronym) and
source texts (SQLite FTS5; LIKE elsewhere). Each hit says why it matched."""
from __future__ import annotations

import re
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from ..model import norm_name
from ..store import Store
from ..store.schema import EntityRow, NameRow, SourceRow

Row = dict[str, Any]
MARK_OPEN, MARK_CLOSE = "\x02", "\x03"  # around matched words in a text snippet; never in a source
LIMIT = 50


def search(store: Store, q: str, limit: int = LIMIT) -> dict[str, list[Row]]:
    q = q.strip()
    if not q:
        return {"entities": [], "sources": []}
    with store.session() as s:
        return {"entities": _names(s, q, limit), "sources": _texts(s, q, limit)}


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
    cond = [func.lower(SourceRow.text).contains(w.lower()) for w in words]
    out = []
    for src in s.scalars(select(SourceRow).where(*cond).limit(limit)):
        at = src.text.lower().find(words[0].lower())
        start = max(0, at - 60)
        snip = src.text[start:at] + MARK_OPEN + src.text[at:at + len(words[0])] + MARK_CLOSE + src.text[at + len(words[0]):at + 80]
        out.append({"id": src.id, "title": src.title, "snippet": "…" + snip + "…",
                    "why": f"its text contains {', '.join(repr(w) for w in words)}"})
    return out
