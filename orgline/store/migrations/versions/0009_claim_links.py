"""claim links: an index over each pair of a claim's ends that links two bodies (subject and
object, subject and result, object and result). Resolution asks whether each candidate is
linked to one of the few bodies a new document names beside it; with one column indexed,
the database read every claim of a candidate that a city or a long-lived body has
thousands of.

Revision ID: 0009
Revises: 0008
"""
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

INDEXES = {'ix_claims_subject_object': ['subject_id', 'object_id'],
           'ix_claims_subject_result': ['subject_id', 'result_id'],
           'ix_claims_object_result': ['object_id', 'result_id']}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, 'claims', columns)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, 'claims')
