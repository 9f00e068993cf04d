"""The Store: opens (and migrates) the database and saves one document atomically.

A document is stored with all its entities and claims in one transaction, or not at all
(the rows are :mod:`.writer`'s); a text already stored (same sha256) adds nothing, and one
read again changes only what its new reading changed (:mod:`.reread`). Opening runs the Alembic migrations to
head, and refuses a database that is not orgline's rather than rebuilding it.
"""
from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from ..errors import StoreError
from ..model import DocumentFacts
from .reread import Reread, reread
from .schema import SourceRow
from .writer import Writer

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
WRITE_LOCK = 0x6F72676C696E65  # PostgreSQL advisory lock key of a store's writers ("orgline")


def _sqlite_connect(dbapi_conn: object, _record: object) -> None:
    # The driver would begin a transaction only at the first INSERT or UPDATE, after the
    # reads a change is decided on; _sqlite_begin begins it instead, before any read.
    dbapi_conn.isolation_level = None  # type: ignore[attr-defined]
    cur = dbapi_conn.cursor()  # type: ignore[attr-defined]
    cur.execute(f"PRAGMA busy_timeout={BUSY_SECONDS * 1000}")
    _write_ahead_log(cur)
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _write_ahead_log(cur: Any) -> None:
    """Put the file in WAL mode, waiting as a writer would. Turning a new file's journal to
    WAL takes an exclusive lock without SQLite's busy handler, so when two processes open a
    new store at once, one was refused at once ("database is locked": 12 of 240 openings
    of four processes at a time)."""
    deadline = time.monotonic() + BUSY_SECONDS
    while True:
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


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
    def open(cls, db: str, migrate: bool = True) -> "Store":
        """The store at ``db``, brought to the current schema; ``migrate=False`` is for a
        process that opens a store another has just opened (an ingest's workers): it
        skips the check, and importing Alembic (a fifth of a second a process)."""
        engine = create_engine(_url(db))
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _sqlite_connect)
            event.listen(engine, "begin", _sqlite_begin)
        store = cls(engine)
        if migrate:
            store._migrate(db)
        return store

    def _migrate(self, db: str) -> None:
        from alembic import command
        from alembic.config import Config
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        head = ScriptDirectory.from_config(cfg).get_current_head()
        try:
            with self._writer.begin() as conn:  # two processes opening a new store: one migrates
                if conn.dialect.name == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITE_LOCK})
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
        It holds the store's write lock from its start (SQLite: BEGIN IMMEDIATE; PostgreSQL:
        a transaction-level advisory lock), so concurrent writers (two ingests, a review
        from the browser) run one after the other, each reading what the one before wrote:
        resolution never sees a half-stored document, and one text is never stored twice."""
        with Session(self._writer) as s, s.begin():
            if self.engine.dialect.name == "postgresql":
                s.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITE_LOCK})
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
                writer = Writer(s, facts)
                writer.add_source()
                writer.write_new()
            return True
        except SQLAlchemyError as e:
            raise StoreError(f"{facts.source.origin}: not stored: {str(e).splitlines()[0][:120]}") from e

    def replace(self, facts: DocumentFacts) -> Reread:
        """Store a stored source's facts anew (a newer extractor read it again), writing
        only what changed: see :mod:`orgline.store.reread`."""
        try:
            with self.transaction() as s:
                if s.get(SourceRow, facts.source.id) is None:
                    raise StoreError(f"{facts.source.origin}: not stored yet; ingest it")
                return reread(s, facts)
        except SQLAlchemyError as e:
            raise StoreError(f"{facts.source.origin}: not stored: {str(e).splitlines()[0][:120]}") from e

    def close(self) -> None:
        self.engine.dispose()
