"""A store moved between backends (a SQLite file to a team's PostgreSQL server, or back),
row for row: sources, entities, names, mentions, spans, claims with their evidence and
statuses, and every review with its undo record. Ids are kept, so links to entity and
claim pages still work, and review history still points at what it changed."""
from __future__ import annotations

from sqlalchemy import func, insert, select, text

from ..errors import StoreError
from .db import Store
from .schema import Base, EntityRow, ReviewRow, SourceRow

BATCH = 5_000  # rows read and written at a time: memory stays flat however large the store


def copy_store(source: Store, target: Store) -> dict[str, int]:
    """Copy every row of ``source`` into ``target``, which must be empty, in one
    transaction: a copy that fails leaves the target as it was. Returns rows per table."""
    with target.session() as s:
        if any(s.scalar(select(func.count()).select_from(t)) for t in (SourceRow, EntityRow, ReviewRow)):
            raise StoreError("the target store is not empty; copy into a new one")
    counts: dict[str, int] = {}
    with source.session() as src, target.transaction() as dst:
        for table in Base.metadata.sorted_tables:  # parents before the rows that point at them
            counts[table.name] = 0
            rows = src.execute(select(table).order_by(*table.primary_key.columns)).yield_per(BATCH)
            for chunk in rows.partitions(BATCH):
                dst.execute(insert(table), [dict(r._mapping) for r in chunk])
                counts[table.name] += len(chunk)
        if dst.get_bind().dialect.name == "postgresql":  # new rows continue after the copied ids
            for table in Base.metadata.sorted_tables:
                pk = list(table.primary_key.columns)
                if len(pk) == 1 and pk[0].autoincrement in (True, "auto") and pk[0].type.python_type is int:
                    dst.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', '{pk[0].name}'), "
                                     f"coalesce(max({pk[0].name}), 1), max({pk[0].name}) IS NOT NULL) "
                                     f"FROM {table.name}"))
    if target.engine.dialect.name == "postgresql":  # statistics for the planner now, not at autovacuum's
        with target.engine.connect() as conn:  # next pass: without, a fresh copy's queries scan (x6 slower)
            conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("ANALYZE"))
    return counts
