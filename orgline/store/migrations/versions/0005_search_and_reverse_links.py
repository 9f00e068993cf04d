"""search and reverse links: a full-text index over source texts (SQLite FTS5, kept by
triggers), and indexes on the claim and mention columns the web pages look up by (an entity
as a claim's result or place; a subject's claims of a type; a span's mentions)

The FTS table keeps its own copy of each text rather than pointing at ``sources`` by rowid:
``sources`` is keyed by a hash, and VACUUM may renumber the rowids of such a table.

Revision ID: 0005
Revises: 0004
"""
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

# No index on claims.according_to_id: nearly every claim has none, and SQLite, taking
# "according_to_id IS NULL" for a selective equality, would read most claims through it.
# claims(subject_id, type): the founding and end dates of a few candidates are read by both;
# with the type alone indexed, SQLite read every founding in the store for them.
INDEXES = {'ix_claims_result_id': ('claims', ['result_id']), 'ix_claims_place_id': ('claims', ['place_id']),
           'ix_claims_subject_type': ('claims', ['subject_id', 'type']), 'ix_mentions_span_id': ('mentions', ['span_id'])}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)
    if op.get_bind().dialect.name != 'sqlite':
        return  # other databases search source texts with LIKE
    op.execute("CREATE VIRTUAL TABLE sources_fts USING fts5(source_id UNINDEXED, title, text)")
    op.execute("INSERT INTO sources_fts (source_id, title, text) SELECT id, title, text FROM sources")
    op.execute("CREATE TRIGGER sources_fts_insert AFTER INSERT ON sources BEGIN "
               "INSERT INTO sources_fts (source_id, title, text) VALUES (new.id, new.title, new.text); END")
    op.execute("CREATE TRIGGER sources_fts_delete AFTER DELETE ON sources BEGIN "
               "DELETE FROM sources_fts WHERE source_id = old.id; END")
    op.execute("CREATE TRIGGER sources_fts_update AFTER UPDATE ON sources BEGIN "
               "DELETE FROM sources_fts WHERE source_id = old.id; "
               "INSERT INTO sources_fts (source_id, title, text) VALUES (new.id, new.title, new.text); END")


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        for trigger in ('insert', 'delete', 'update'):
            op.execute(f"DROP TRIGGER sources_fts_{trigger}")
        op.execute("DROP TABLE sources_fts")
    for name, (table, _) in INDEXES.items():
        op.drop_index(name, table)
