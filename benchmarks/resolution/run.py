"""Cross-document entity resolution: accuracy on generated histories, and the cost of
storing one more document as the store grows.

Usage (from the repository root, after the README's setup):

    .venv/bin/python benchmarks/resolution/run.py [--histories 2000] [--sizes 200,2000,20000] [--only timing]

The generator writes organizations' histories (seeded, so every run is the same world),
each told by two to four documents that name the organization in the ways real sources
do: the full name, "the" and punctuation variants, a legal form ("Ltd"), its acronym
(with the city it is based in), or a misspelling (with a body it is linked to). Some
organizations take the name of one dissolved before they were founded: the same name,
two bodies. Documents are built as the NLP stage's output (``DocumentFacts``) and stored
with the real Store on a real SQLite file, so what is measured is resolution and storage,
not reading.

Printed:
- pairwise precision and recall of resolution over the generated organizations' mentions
  (a pair of document entities is predicted together when stored as one entity, truly
  together when generated as one organization), and the same for the name-only baseline
  (one entity per normalized full name, the rule a plain lookup would use);
- milliseconds to store a document when the store holds each size in ``--sizes``
  (median of the next 100 documents), and its ratio to the smallest size's figure: flat
  means the cost grows with the new document, not the store.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import select  # noqa: E402

from orgline.model import (Claim, DocumentFacts, Entity, EntityKind, Name, NameKind, Source,  # noqa: E402
                           Span)
from orgline.resolve.across import match_key  # noqa: E402
from orgline.store import Store  # noqa: E402
from orgline.store.schema import ClaimRow  # noqa: E402

REGIONS = ("Northfield Lakehead Harbour Riverside Eastmoor Westgate Ironvale Copperton Saltmarsh "
           "Highcross Ashford Brackwater Stonebridge Millbank Greenhaven Redcliff Oakmere Fairport "
           "Kingsholm Larkspur Thornbury Elmstead Marshfield Windmere Coldharbour Glenrock").split()
TRADES = ("Dockworkers Teachers Weavers Miners Tenants Students Nurses Printers Farmers Fishers "
          "Railwaymen Bakers Carpenters Clerks Drivers Potters Tailors Masons Seamen Porters "
          "Engineers Gardeners Librarians Musicians Cooks Welders").split()
BODIES = "Union League Association Society Federation Guild Alliance Council Committee Cooperative".split()
CITIES = ("Duluth Hull Cork Leeds Tampa Bergen Lyon Porto Gdansk Turku Aarhus Bilbao Genoa "
          "Ghent Malmo Tartu Split Cluj Brno Graz Linz Basel Nantes Lille Kiel Rostock").split()


@dataclass
class Org:
    truth: int
    full: str
    acronym: str
    founded: int
    dissolved: int | None
    city: str
    partner: int | None = None


def world(n: int, rng: random.Random) -> list[Org]:
    orgs: list[Org] = []
    used: set[str] = set()
    for i in range(n):
        reuse = [o for o in orgs if o.dissolved and o.dissolved < 1990]
        if reuse and rng.random() < 0.05:  # a new body takes a dissolved one's name
            old = rng.choice(reuse)
            full, start = old.full, old.dissolved + rng.randint(2, 20)  # type: ignore[operator]
        else:
            while True:
                full = f"{rng.choice(REGIONS)} {rng.choice(TRADES)} {rng.choice(BODIES)}"
                if rng.random() < 0.3:
                    full = f"{full} of {rng.choice(CITIES)}"
                if full not in used:
                    break
            start = rng.randint(1880, 2010)
        used.add(full)
        acronym = "".join(w[0] for w in full.split() if w[0].isupper())
        ended = start + rng.randint(3, 60) if rng.random() < 0.4 else None
        orgs.append(Org(i, full, acronym, start, ended if ended and ended < 2024 else None, rng.choice(CITIES)))
    for o in orgs:
        alive = [p for p in orgs if p is not o and p.founded <= (o.dissolved or 2024) and (p.dissolved or 2024) >= o.founded]
        o.partner = rng.choice(alive).truth if alive else None
    return orgs


def _typo(name: str, rng: random.Random) -> str:
    words = name.split()
    i = max(range(len(words)), key=lambda k: len(words[k]))
    w = words[i]
    j = rng.randrange(1, len(w) - 1)
    words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]  # two letters swapped
    return " ".join(words)


def variant(o: Org, rng: random.Random) -> tuple[list[Name], str]:
    r = rng.random()
    if r < 0.35:
        return [Name(o.full), Name(o.acronym, NameKind.SHORT)], "full+acronym"
    if r < 0.55:
        return [Name("The " + o.full.replace("ers ", "ers' ", 1))], "punctuation"
    if r < 0.65:
        return [Name(o.full + " Ltd")], "legal form"
    if r < 0.85:
        return [Name(o.acronym, NameKind.SHORT)], "acronym only"
    return [Name(_typo(o.full, rng))], "misspelling"


def document(o: Org, orgs: list[Org], k: int, rng: random.Random) -> tuple[DocumentFacts, list[tuple[str, int]]]:
    names, _ = variant(o, rng)
    if o.dissolved is None or rng.random() < 0.5:  # the document dates the name
        names = [Name(n.text, n.kind, str(o.founded), str(o.dissolved) if o.dissolved else None)
                 for n in names]
    text = f"[{o.truth}/{k}] " + " ".join(n.text for n in names)
    ents = [Entity("e1", EntityKind.ORG, names[0].text, names),
            Entity("e2", EntityKind.PLACE, o.city, [Name(o.city)])]
    ev = [Span(0, 10, text[:10])]
    claims = [Claim("founded", "e1", date=str(o.founded), evidence=ev),
              Claim("location", "e1", object="e2", evidence=ev)]
    truth = [("e1", o.truth)]
    if o.partner is not None:
        p = orgs[o.partner]
        ents.append(Entity("e3", EntityKind.ORG, p.full, [Name(p.full)]))
        claims.append(Claim("worked_with", "e1", object="e3", evidence=ev))
        truth.append(("e3", p.truth))
    if o.dissolved and rng.random() < 0.5:
        claims.append(Claim("dissolved", "e1", date=str(o.dissolved), evidence=ev))
    return DocumentFacts(Source(text=text, origin=f"h{o.truth}-{k}.txt"), ents, claims), truth


def corpus(n_histories: int, n_docs: int, seed: int = 7) -> tuple[list[tuple[DocumentFacts, list[tuple[str, int]]]], list[Org]]:
    rng = random.Random(seed)
    orgs = world(max(n_histories, n_docs // 3 + 1), rng)
    docs = []
    for o in orgs:
        for k in range(rng.randint(2, 4)):
            docs.append(document(o, orgs, k, rng))
    rng.shuffle(docs)
    return docs, orgs


def pairwise(assign: list[tuple[int, int]]) -> tuple[float, float]:
    """Precision and recall over pairs of (predicted id, true id) mentions."""
    def pairs(counter: Counter[object]) -> int:
        return sum(c * (c - 1) // 2 for c in counter.values())
    both = pairs(Counter(assign))
    predicted = pairs(Counter(p for p, _ in assign))
    true = pairs(Counter(t for _, t in assign))
    return (both / predicted if predicted else 1.0), (both / true if true else 1.0)


def run_accuracy(n: int) -> None:
    docs, orgs = corpus(n, 0)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(str(Path(tmp, "bench.db")))
        assign: list[tuple[int, int]] = []
        baseline: list[tuple[str, int]] = []
        for facts, truth in docs:
            store.save(facts)
            with store.session() as s:  # where the store put each entity: read off its claims
                for key, true_id in truth:
                    ent = next(e for e in facts.entities if e.key == key)
                    type_, col = ("founded", ClaimRow.subject_id) if key == "e1" else ("worked_with", ClaimRow.object_id)
                    row = s.scalars(select(col).where(ClaimRow.source_id == facts.source.id,
                                                      ClaimRow.type == type_)).first()
                    assert row is not None
                    assign.append((row, true_id))
                    baseline.append((match_key(ent.names[0].text), true_id))
        p, r = pairwise(assign)
        bp, br = pairwise(baseline)  # type: ignore[arg-type]
        store.close()
    print(f"histories {len(orgs)}, documents {len(docs)}, organization mentions {len(assign)}")
    print(f"  orgline resolution   pairwise P {p:.3f}  R {r:.3f}  F1 {2 * p * r / (p + r):.3f}")
    print(f"  same-name baseline   pairwise P {bp:.3f}  R {br:.3f}  F1 {2 * bp * br / (bp + br):.3f}")


def timing(store: Store, docs: list[DocumentFacts], sizes: list[int],
           reached: Callable[[int, float], None] | None = None) -> dict[int, float]:
    """Store ``docs`` one by one; at each size, the median milliseconds of the next 100
    (told to ``reached`` as soon as measured: a large size takes long to fill)."""
    stored = 0
    figures: dict[int, float] = {}
    for size in sorted(sizes):
        while stored < size:
            store.save(docs[stored])
            stored += 1
        times = []
        for facts in docs[stored:stored + 100]:
            t = time.perf_counter()
            store.save(facts)
            times.append((time.perf_counter() - t) * 1000)
        stored += 100
        figures[size] = statistics.median(times)
        if reached is not None:
            reached(size, figures[size])
    return figures


def run_timing(sizes: list[int]) -> None:
    docs, _ = corpus(0, max(sizes) + 200, seed=11)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(str(Path(tmp, "timing.db")))
        figures = timing(store, [facts for facts, _ in docs], sizes)
        store.close()
    base = figures[min(figures)]
    for size, ms in figures.items():
        print(f"  store of {size:>6} documents: {ms:6.2f} ms per new document  (x{ms / base:.2f} of {min(figures)})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--histories", type=int, default=2000)
    ap.add_argument("--sizes", default="200,2000,20000")
    ap.add_argument("--only", choices=("accuracy", "timing"), help="Run one half.")
    args = ap.parse_args()
    if args.only != "timing":
        run_accuracy(args.histories)
    if args.only != "accuracy":
        run_timing([int(x) for x in args.sizes.split(",")])


if __name__ == "__main__":
    main()
