"""How much cross-document resolution depends on the order documents are stored in.

Usage (from the repository root, after the README's setup):

    .venv/bin/python benchmarks/resolution/order.py [--histories 300] [--orders 5]

The corpus is run.py's generated histories (seeded). The same documents are stored one at
a time, as separate ingests would store them, into a fresh SQLite store per order: as
generated, reversed, then shuffled with seeds 1, 2, ... Printed per order: the entities
stored (all kinds, and organizations), and resolution's pairwise precision and recall
against the generated truth; then the spread of the organization count (max - min) as a
share of the true number of organizations.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sqlalchemy import func, select  # noqa: E402

from orgline.model import DocumentFacts  # noqa: E402
from orgline.store import Store  # noqa: E402
from orgline.store.schema import ClaimRow, EntityRow  # noqa: E402
from run import corpus, pairwise  # noqa: E402

Doc = tuple[DocumentFacts, list[tuple[str, int]]]


def store_in_order(docs: list[Doc]) -> tuple[int, int, float, float]:
    """Entities, organizations, pairwise P and R after storing ``docs`` in this order."""
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(str(Path(tmp, "order.db")))
        for facts, _ in docs:
            store.save(facts)
        assign: list[tuple[int, int]] = []
        with store.session() as s:
            for facts, truth in docs:
                for key, true_id in truth:
                    type_, col = (("founded", ClaimRow.subject_id) if key == "e1"
                                  else ("worked_with", ClaimRow.object_id))
                    row = s.scalars(select(col).where(ClaimRow.source_id == facts.source.id,
                                                      ClaimRow.type == type_)).first()
                    assert row is not None
                    assign.append((row, true_id))
            total = s.scalar(select(func.count()).select_from(EntityRow)) or 0
            orgs = s.scalar(select(func.count()).select_from(EntityRow).where(EntityRow.kind == "org")) or 0
        store.close()
    p, r = pairwise(assign)
    return total, orgs, p, r


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--histories", type=int, default=300)
    ap.add_argument("--orders", type=int, default=5, help="Orders in all (as generated, reversed, shuffles).")
    args = ap.parse_args()
    docs, orgs = corpus(args.histories, 0)
    orders: dict[str, list[Doc]] = {"as generated": docs, "reversed": docs[::-1]}
    for seed in range(1, max(0, args.orders - 2) + 1):
        shuffled = docs[:]
        random.Random(seed).shuffle(shuffled)
        orders[f"shuffle {seed}"] = shuffled
    print(f"histories {len(orgs)}, documents {len(docs)}")
    counts = []
    for name, order in orders.items():
        total, n_orgs, p, r = store_in_order(order)
        counts.append(n_orgs)
        print(f"  {name:13s} entities {total:5d}  organizations {n_orgs:5d}  pairwise P {p:.3f}  R {r:.3f}")
    spread = max(counts) - min(counts)
    print(f"organization count spread {spread} ({spread / len(orgs):.1%} of {len(orgs)} true organizations)")


if __name__ == "__main__":
    main()
