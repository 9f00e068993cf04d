"""claim keys by name: a claim's content key names its entities by label instead of by their
place in the document, and leaves out the rule, so that re-extraction by a newer extractor
finds the claims people reviewed; the keys already stored, and the reviews filed under
them, are computed anew

Revision ID: 0004
Revises: 0003
"""
import hashlib
import json

from alembic import op
import sqlalchemy as sa

from orgline.resolve.across import match_key

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

REFS = ('subject_id', 'object_id', 'place_id', 'result_id', 'according_to_id')


def upgrade() -> None:
    conn = op.get_bind()
    names = {i: f"{kind}:{match_key(label)}" for i, kind, label in
             conn.execute(sa.text("SELECT id, kind, label FROM entities"))}
    spans: dict[int, list[list[int]]] = {}
    for claim_id, start, end in conn.execute(sa.text(
            "SELECT ce.claim_id, s.start, s.\"end\" FROM claim_evidence ce JOIN spans s ON s.id = ce.span_id "
            "ORDER BY ce.claim_id, s.id")):
        spans.setdefault(claim_id, []).append([start, end])
    taken = set(conn.execute(sa.text("SELECT key FROM claims")).scalars())
    rows = conn.execute(sa.text(
        "SELECT id, key, source_id, type, subject_id, object_id, value, date, \"end\", place_id, "
        "result_id, kind, negated, according_to_id FROM claims")).mappings().all()
    for r in rows:
        n = {ref: names.get(r[ref]) if r[ref] is not None else None for ref in REFS}
        payload = [r['source_id'], r['type'], n['subject_id'], n['object_id'], r['value'], r['date'],
                   r['end'], n['place_id'], n['result_id'], r['kind'], bool(r['negated']),
                   n['according_to_id'], spans.get(r['id'], [])]
        key = hashlib.sha256(json.dumps(payload).encode()).hexdigest()
        if key in taken:
            continue  # two claims that now read alike: the second keeps its old key
        taken.add(key)
        conn.execute(sa.text("UPDATE claims SET key = :k WHERE id = :i"), {'k': key, 'i': r['id']})
    conn.execute(sa.text("UPDATE reviews SET claim_key = (SELECT key FROM claims WHERE claims.id = reviews.claim_id) "
                         "WHERE claim_id IS NOT NULL"))


def downgrade() -> None:
    pass  # the old keys cannot be rebuilt, and the new ones serve as well
