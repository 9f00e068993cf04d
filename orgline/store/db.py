"""The Store: opens (and migrates) the database and saves one document atomically.

A document is stored with all its entities and claims in one transaction, or not at all;
a text already stored (same sha256) adds nothing. Opening runs the Alembic migrations to
head, and refuses a database that is not orgline's rather than rebuilding it.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Mapping

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, delete, event, inspect, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from .. import __version__
from ..edtf import bounds
from ..errors import StoreError
from ..model import Claim, DocumentFacts, Span, norm_name
from ..resolve.across import block_key, match_key
from .resolution import resolve_across
from .review import reapply
from .schema import (ClaimEvidenceRow, ClaimRow, EntityRow, MentionRow, NameRow, ReviewRow,
                     SourceRow, SpanRow)

MIGRATIONS = Path(__file__).parent / "migrations"


def _url(db: str) -> str:
    if "://" in db:
        return db
    path = Path(db)
    if not path.parent.exists():
        raise StoreError(f"{db}: folder {path.parent} does not exist; create it or choose another --db")
    return f"sqlite:///{path}"


BUSY_SECONDS = 60  # how long a writer waits for another's transaction before giving up
WRITE = "orgline_write"  # execution option of the connections that write


def _sqlite_connect(dbapi_conn: object, _record: object) -> None:
    # The driver would begin a transaction only at the first INSERT or UPDATE, after the
    # reads a change is decided on; _sqlite_begin begins it instead, before any read.
    dbapi_conn.isolation_level = None  # type: ignore[attr-defined]
    cur = dbapi_conn.cursor()  # type: ignore[attr-defined]
    cur.execute(f"PRAGMA busy_timeout={BUSY_SECONDS * 1000}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _sqlite_begin(conn: Connection) -> None:
    """A write takes SQLite's write lock when it begins (BEGIN IMMEDIATE): two reviews of
    one claim, or two ingests of one file, run one after the other, each reading what the
    one before wrote. Reads begin a plain transaction and never wait."""
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")


class Store:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._writer = engine.execution_options(**{WRITE: True})

    @classmethod
    def open(cls, db: str) -> "Store":
        engine = create_engine(_url(db))
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_connect)
            event.listen(engine, "begin", _sqlite_begin)
        store = cls(engine)
        store._migrate(db)
        return store

    def _migrate(self, db: str) -> None:
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        head = ScriptDirectory.from_config(cfg).get_current_head()
        try:
            with self._writer.begin() as conn:  # two processes opening a new store: one migrates
                current = MigrationContext.configure(conn).get_current_revision()
                tables = set(inspect(conn).get_table_names())
                if current is None and tables - {"alembic_version"}:
                    raise StoreError(f"{db}: holds tables but is not an orgline database; "
                                     "choose another --db")
                known = {s.revision for s in ScriptDirectory.from_config(cfg).walk_revisions()}
                if current is not None and current not in known:
                    raise StoreError(f"{db}: made by a newer orgline (schema {current}); upgrade orgline")
                if current != head:
                    cfg.attributes["connection"] = conn
                    command.upgrade(cfg, "head")
        except SQLAlchemyError as e:
            raise StoreError(f"{db}: cannot open database: {str(e).splitlines()[0][:120]}") from e

    def session(self) -> Session:
        """A session for reading (or for a caller that begins its own transaction)."""
        return Session(self.engine)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session in a write transaction, committed at the end or rolled back on error.
        On SQLite it holds the write lock from its start, so concurrent writers are
        serialized; on PostgreSQL the review functions lock the rows they change."""
        with Session(self._writer) as s, s.begin():
            yield s

    def has_source(self, source_id: str) -> bool:
        with self.session() as s:
            return s.get(SourceRow, source_id) is not None

    def save(self, facts: DocumentFacts) -> bool:
        """Store one document with everything read from it; False if already stored."""
        try:
            with self.transaction() as s:
                if s.get(SourceRow, facts.source.id) is not None:
                    return False
                _Writer(s, facts).write()
            return True
        except SQLAlchemyError as e:
            raise StoreError(f"{facts.source.origin}: not stored: {str(e).splitlines()[0][:120]}") from e

    def replace(self, facts: DocumentFacts) -> int:
        """Store a stored source's facts anew (a newer extractor read it again): what it gave
        before goes, what people decided about it holds again. Returns decisions re-applied."""
        try:
            with self.transaction() as s:
                if s.get(SourceRow, facts.source.id) is None:
                    raise StoreError(f"{facts.source.origin}: not stored yet; ingest it")
                _forget(s, facts.source.id)
                _Writer(s, facts).write(new_source=False)
                return reapply(s, facts.source.id)
        except SQLAlchemyError as e:
            raise StoreError(f"{facts.source.origin}: not stored: {str(e).splitlines()[0][:120]}") from e

    def close(self) -> None:
        self.engine.dispose()


class _Writer:
    def __init__(self, session: Session, facts: DocumentFacts) -> None:
        self.s = session
        self.facts = facts
        self.ids: dict[str, int] = {}
        self.names = _names_in_claims(facts)
        self.keys: set[str] = set()

    def write(self, new_source: bool = True) -> None:
        src = self.facts.source
        if new_source:
            self.s.add(SourceRow(id=src.id, title=src.title, origin=src.origin, text=src.text,
                                 author=src.author, published=src.published,
                                 ingested_at=datetime.now(timezone.utc)))
            self.s.flush()
        same = resolve_across(self.s, self.facts)
        for e in self.facts.entities:
            if e.key in same:  # an entity the store already holds, from another source
                self.ids[e.key] = same[e.key]
                known = self.s.get(EntityRow, same[e.key])
                if known is not None and e.qid and not known.qid:
                    known.qid = e.qid
            else:
                row = EntityRow(source_id=src.id, kind=e.kind.value, label=e.label, qid=e.qid)
                self.s.add(row)
                self.s.flush()
                self.ids[e.key] = row.id
            known = set(self.s.execute(select(NameRow.name, NameRow.kind, NameRow.valid_from, NameRow.valid_to)
                                       .where(NameRow.entity_id == self.ids[e.key])).all()) if e.key in same else set()
            for n in e.names:
                if (n.text, n.kind.value, n.valid_from, n.valid_to) in known:
                    continue  # a name the entity already bears, as dated: the first source to give it stays
                lo, hi = bounds(n.valid_from), bounds(n.valid_to)
                key = match_key(n.text)
                self.s.add(NameRow(entity_id=self.ids[e.key], name=n.text, normalized=norm_name(n.text),
                                   kind=n.kind.value, valid_from=n.valid_from, valid_to=n.valid_to,
                                   from_lo=lo[0] if lo else None, to_hi=hi[1] if hi else None,
                                   source_id=src.id, match_key=key, block=block_key(key)))
            for span in e.mentions:
                self.s.add(MentionRow(entity_id=self.ids[e.key], span_id=self._span(span)))
        for c in self.facts.claims:
            self._claim(c)

    def _span(self, span: Span) -> int:
        row = SpanRow(source_id=self.facts.source.id, start=span.start, end=span.end, quote=span.text)
        self.s.add(row)
        self.s.flush()
        return row.id

    def _id(self, key: str | None) -> int | None:
        if key is None:
            return None
        if key not in self.ids:
            raise StoreError(f"{self.facts.source.origin}: claim refers to unknown entity {key}")
        return self.ids[key]

    def _claim(self, c: Claim) -> None:
        key = claim_key(self.facts.source.id, c, self.names)
        if key in self.keys:
            return  # one statement from one passage, found by two rules: one claim
        self.keys.add(key)
        d, e = bounds(c.date), bounds(c.end)
        row = ClaimRow(
            key=key, source_id=self.facts.source.id, type=c.type,
            subject_id=self._id(c.subject), object_id=self._id(c.object), value=c.value,
            date=c.date, date_lo=d[0] if d else None, date_hi=d[1] if d else None,
            end=c.end, end_lo=e[0] if e else None, end_hi=e[1] if e else None,
            place_id=self._id(c.place), result_id=self._id(c.result), kind=c.kind,
            negated=c.negated, according_to_id=self._id(c.according_to), hedging=c.hedging.value,
            rule=c.rule, extractor_version=__version__, confidence=c.confidence)
        self.s.add(row)
        self.s.flush()
        for span in c.evidence:
            self.s.add(ClaimEvidenceRow(claim_id=row.id, span_id=self._span(span)))


def _forget(s: Session, source_id: str) -> None:
    """Remove what extraction derived from a source (never the source, never reviews);
    entities left with nothing from any source go too."""
    claims = select(ClaimRow.id).where(ClaimRow.source_id == source_id)
    s.execute(delete(ClaimEvidenceRow).where(ClaimEvidenceRow.claim_id.in_(claims)))
    s.execute(update(ReviewRow).where(ReviewRow.claim_id.in_(claims)).values(claim_id=None))
    s.execute(delete(ClaimRow).where(ClaimRow.source_id == source_id))
    spans = select(SpanRow.id).where(SpanRow.source_id == source_id)
    s.execute(delete(MentionRow).where(MentionRow.span_id.in_(spans)))
    s.execute(delete(SpanRow).where(SpanRow.source_id == source_id))
    s.execute(delete(NameRow).where(NameRow.source_id == source_id))
    used = select(NameRow.entity_id).union(
        select(MentionRow.entity_id), *(select(col).where(col.is_not(None)) for col in (
            ClaimRow.subject_id, ClaimRow.object_id, ClaimRow.place_id, ClaimRow.result_id,
            ClaimRow.according_to_id)))
    split_off = {json.loads(r or "{}").get("into") for r in s.scalars(  # kept for the split to hold again
        select(ReviewRow.after).where(ReviewRow.action == "split", ReviewRow.undone_at.is_(None)))}
    s.execute(delete(EntityRow).where(EntityRow.source_id == source_id, EntityRow.id.not_in(used),
                                      EntityRow.id.not_in([i for i in split_off if i is not None])))


def _names_in_claims(facts: DocumentFacts) -> dict[str, str]:
    """Each entity of a document by its label's key; a second body of the same name in one
    document (a name later taken by another) gets its ordinal, so their claims stay two."""
    seen: dict[str, int] = {}
    out: dict[str, str] = {}
    for e in facts.entities:
        key = f"{e.kind.value}:{match_key(e.label)}"
        seen[key] = seen.get(key, 0) + 1
        out[e.key] = key if seen[key] == 1 else f"{key}#{seen[key]}"
    return out


def claim_key(source_id: str, c: Claim, names: Mapping[str, str]) -> str:
    """Content-derived claim id: the same statement from the same passage hashes alike.
    Entities enter by name, not by their place in the document, and the rule that found the
    claim does not enter at all: a newer extractor that finds one more body, or renames a
    rule, still gives the claims people reviewed the keys their decisions were filed under."""
    def n(k: str | None) -> str | None:
        return names.get(k, k) if k else None

    ev = [(s.start, s.end) for s in c.evidence]
    payload = [source_id, c.type, n(c.subject), n(c.object), c.value, c.date, c.end, n(c.place),
               n(c.result), c.kind, c.negated, n(c.according_to), ev]
    return hashlib.sha256(json.dumps(payload).encode()).hexdigest()
