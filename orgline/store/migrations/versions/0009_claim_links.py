"""claim links and name order: an index over each pair of a claim's ends that links two
bodies (subject and object, subject and result, object and result). Resolution asks whether each candidate is
linked to one of the few bodies a new document names beside it; with one column indexed,
the database read every claim of a candidate that a city or a long-lived body has
thousands of. And names by key, then id: resolution reads the latest few names with a key,
which PostgreSQL walks backwards only when the index holds the id.

Revision ID: 0009
Revises: 0008
"""
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

INDEXES = {'ix_claims_subject_object': ('claims', ['subject_id', 'object_id']),
           'ix_claims_subject_result': ('claims', ['subject_id', 'result_id']),
           'ix_claims_object_result': ('claims', ['object_id', 'result_id']),
           'ix_names_match_key_id': ('names', ['match_key', 'id']),
           'ix_names_block_id': ('names', ['block', 'id'])}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _) in INDEXES.items():
        op.drop_index(name, table)
