"""names across documents: each name row says which source gave it, and carries the keys
cross-document resolution looks names up by (match_key, and block: the initials of its words)

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

from orgline.resolve.across import block_key, match_key

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('names', sa.Column('source_id', sa.String(length=64), nullable=True))
    op.add_column('names', sa.Column('match_key', sa.Text(), nullable=False, server_default=''))
    op.add_column('names', sa.Column('block', sa.Text(), nullable=False, server_default=''))
    conn = op.get_bind()
    rows = conn.execute(sa.text(
        "SELECT n.id, n.name, e.source_id FROM names n JOIN entities e ON e.id = n.entity_id")).all()
    for id_, name, source in rows:  # names stored before this revision came from their entity's source
        key = match_key(name)
        conn.execute(sa.text("UPDATE names SET match_key = :k, block = :b, source_id = :s WHERE id = :i"),
                     {"k": key, "b": block_key(key), "s": source, "i": id_})
    op.create_index('ix_names_match_key', 'names', ['match_key'])
    op.create_index('ix_names_block', 'names', ['block'])


def downgrade() -> None:
    op.drop_index('ix_names_block', 'names')
    op.drop_index('ix_names_match_key', 'names')
    with op.batch_alter_table('names') as batch:
        batch.drop_column('block')
        batch.drop_column('match_key')
        batch.drop_column('source_id')
