"""PostgreSQL search: full-text indexes (GIN over tsvector expressions) for names and for
source texts, where SQLite has its FTS5 tables. The 'simple' configuration, like FTS5's
default tokenizer, lowercases and does not stem: a search finds the words typed. A source
is indexed in its first 200,000 characters (a tsvector holds at most 1 MB); SQLite
indexes the whole text.

Revision ID: 0008
Revises: 0007
"""
from alembic import op

from orgline.store.schema import NAMES_TSV, SOURCES_TSV

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    op.execute(f"CREATE INDEX names_tsv ON names USING GIN ({NAMES_TSV})")
    op.execute(f"CREATE INDEX sources_tsv ON sources USING GIN ({SOURCES_TSV})")


def downgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    op.execute("DROP INDEX IF EXISTS names_tsv")
    op.execute("DROP INDEX IF EXISTS sources_tsv")
