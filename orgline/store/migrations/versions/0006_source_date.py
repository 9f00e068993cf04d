"""source date: ``sources.published`` becomes ``sources.date``, the date a source gives
itself (EDTF: from its metadata, its dateline or the user), against which its "yesterday"
and "last May" are read; it was only ever a publication date, and now says so plainly

Revision ID: 0006
Revises: 0005
"""
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.alter_column('sources', 'published', new_column_name='date')


def downgrade() -> None:
    op.alter_column('sources', 'date', new_column_name='published')
