"""names search: a full-text index over entities' names (SQLite FTS5, kept by triggers),
with three-letter prefixes indexed, so that a search for "Harbor Workers Union" finds the
names sharing a word's first three letters ("harbour", "workers", "union", in any order)
through the index, however many names the store holds; rapidfuzz then scores only those

Revision ID: 0007
Revises: 0006
"""
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != 'sqlite':
        return  # other databases scan names with LIKE
    op.execute("CREATE VIRTUAL TABLE names_fts USING fts5(name_id UNINDEXED, normalized, prefix='3')")
    op.execute("INSERT INTO names_fts (name_id, normalized) SELECT id, normalized FROM names")
    op.execute("CREATE TRIGGER names_fts_insert AFTER INSERT ON names BEGIN "
               "INSERT INTO names_fts (name_id, normalized) VALUES (new.id, new.normalized); END")
    op.execute("CREATE TRIGGER names_fts_delete AFTER DELETE ON names BEGIN "
               "DELETE FROM names_fts WHERE name_id = old.id; END")
    op.execute("CREATE TRIGGER names_fts_update AFTER UPDATE OF normalized ON names BEGIN "
               "DELETE FROM names_fts WHERE name_id = old.id; "
               "INSERT INTO names_fts (name_id, normalized) VALUES (new.id, new.normalized); END")


def downgrade() -> None:
    if op.get_bind().dialect.name != 'sqlite':
        return
    for trigger in ("names_fts_insert", "names_fts_delete", "names_fts_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS names_fts")
