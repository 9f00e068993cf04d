"""review of entities and undo: a review row may concern an entity, records the content key
of the claim it decided (so a decision outlives re-extraction) and when it was undone

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('reviews', sa.Column('entity_id', sa.Integer(), nullable=True))
    op.add_column('reviews', sa.Column('claim_key', sa.String(length=64), nullable=True))
    op.add_column('reviews', sa.Column('undone_at', sa.DateTime(), nullable=True))
    op.create_index('ix_reviews_entity_id', 'reviews', ['entity_id'])
    op.create_index('ix_reviews_claim_key', 'reviews', ['claim_key'])


def downgrade() -> None:
    op.drop_index('ix_reviews_claim_key', 'reviews')
    op.drop_index('ix_reviews_entity_id', 'reviews')
    with op.batch_alter_table('reviews') as batch:
        batch.drop_column('undone_at')
        batch.drop_column('claim_key')
        batch.drop_column('entity_id')
