"""Latency of the web workspace on a large store: the entity page (HTML) and the timeline
JSON, the entity JSON, the lineage page and a search for a name with one letter dropped, on
a store of at least 100,000 claims, against the same requests on a small store
built the same way (the baseline, measured in the same run).

Usage (from the repository root, after the README's setup):

    .venv/bin/python benchmarks/web/run.py [--claims 100000] [--requests 300]

Stores are generated (seeded), written through the real Store on SQLite files and kept
in ``benchmarks/.cache/`` so a second run skips the build. Each document is one history
told the way the NLP stage outputs it: a founding with its place and name, a location,
links to partner bodies, a federation it joined, the body it split from, and for some an
end. Requests go over HTTP to a real uvicorn server on 127.0.0.1, one at a time; printed:
median and 95th percentile in milliseconds, and the ratio of large to small.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks" / "resolution"))

import httpx  # noqa: E402
import uvicorn  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from orgline.model import Claim, DocumentFacts, Entity, EntityKind, Name, NameKind, Source, Span  # noqa: E402
from orgline.store import Store  # noqa: E402
from orgline.store.schema import ClaimRow, EntityRow  # noqa: E402
from orgline.web.app import create_app  # noqa: E402
from run import world  # noqa: E402  (the resolution benchmark's generated organizations)

CACHE = ROOT / "benchmarks" / ".cache"


def document(o, orgs, k: int, rng: random.Random) -> DocumentFacts:  # type: ignore[no-untyped-def]
    text = f"[{o.truth}/{k}] {o.full} ({o.acronym}), founded in {o.city} in {o.founded}."
    ev = [Span(0, len(text), text)]
    ents = [Entity("e1", EntityKind.ORG, o.full, [Name(o.full, NameKind.OFFICIAL, str(o.founded)),
                                                  Name(o.acronym, NameKind.SHORT)]),
            Entity("e2", EntityKind.PLACE, o.city, [Name(o.city)])]
    claims = [Claim("founded", "e1", date=str(o.founded), place="e2", evidence=ev, confidence=0.85),
              Claim("location", "e1", object="e2", date=str(o.founded), evidence=ev, confidence=0.75),
              Claim("named", "e1", value=o.full, kind="official", date=str(o.founded), evidence=ev, confidence=0.6)]
    others = rng.sample(orgs, 4)
    for i, p in enumerate(others):
        key = f"e{i + 3}"
        ents.append(Entity(key, EntityKind.ORG, p.full, [Name(p.full)]))
        year = str(rng.randint(o.founded, (o.dissolved or 2020)))
        kind = ("worked_with", "member_of", "worked_with", "split_from")[i]
        if kind == "split_from" and rng.random() < 0.5:
            kind = "broke_with"
        claims.append(Claim(kind, "e1", object=key, date=year, evidence=ev, confidence=0.7))
    if o.dissolved:
        claims.append(Claim("dissolved", "e1", date=str(o.dissolved), evidence=ev, confidence=0.8))
    return DocumentFacts(Source(text=text, origin=f"h{o.truth}-{k}.txt"), ents, claims)


def build(claims: int) -> Path:
    """A store of at least ``claims`` claims (cached)."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"web-{claims}.db"
    if path.exists():
        return path
    rng = random.Random(5)
    n_orgs = max(20, claims // 24)  # about three documents of eight claims each per body
    orgs = world(n_orgs, rng)
    store = Store.open(str(path) + ".part")
    made, t = 0, time.perf_counter()
    while made < claims:
        o = rng.choice(orgs)
        facts = document(o, orgs, made, rng)
        store.save(facts)
        made += len(facts.claims)
    store.close()
    Path(str(path) + ".part").rename(path)
    print(f"  built {path.name}: {made} claims in {time.perf_counter() - t:.0f} s")
    return path


def measure(db: Path, requests: int) -> dict[str, tuple[float, float]]:
    store = Store.open(str(db))
    with store.session() as s:
        n = s.scalar(select(func.count()).select_from(ClaimRow))
        orgs = list(s.execute(select(EntityRow.id, EntityRow.label).where(EntityRow.kind == "org")
                              .where(EntityRow.id.in_(select(ClaimRow.subject_id)))).tuples())
    store.close()
    rng = random.Random(3)
    picks = [rng.choice(orgs) for _ in range(requests)]
    # a search for a body's name with one letter dropped: the spelling-tolerant path
    typos = {eid: label[:len(label) // 2] + label[len(label) // 2 + 1:] for eid, label in picks}
    port = 8731
    server = uvicorn.Server(uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    out: dict[str, tuple[float, float]] = {}
    with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
        for name, url in (("entity page", "/entity/{}"), ("timeline JSON", "/api/timeline?ids={}"),
                          ("entity JSON", "/api/entities/{}"), ("lineage page", "/lineage/{}"),
                          ("search JSON", "/api/search?q={}")):
            def target(eid: int) -> str:
                return url.format(typos[eid] if "search" in name else eid)
            client.get(target(picks[0][0]))  # warm
            times = []
            for eid, _ in picks:
                t = time.perf_counter()
                r = client.get(target(eid))
                times.append((time.perf_counter() - t) * 1000)
                assert r.status_code == 200, (url, eid, r.status_code)
            out[name] = (statistics.median(times), statistics.quantiles(times, n=20)[-1])
    server.should_exit = True
    thread.join()
    print(f"  {db.name}: {n} claims, {len(orgs)} organizations with claims")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--baseline-claims", type=int, default=1_000)
    ap.add_argument("--requests", type=int, default=300)
    args = ap.parse_args()
    small = measure(build(args.baseline_claims), args.requests)
    large = measure(build(args.claims), args.requests)
    print(f"  {'request':<15} {'small median':>13} {'large median':>13} {'large p95':>10} {'ratio':>6}")
    for name in large:
        print(f"  {name:<15} {small[name][0]:>10.1f} ms {large[name][0]:>10.1f} ms {large[name][1]:>7.1f} ms "
              f"{large[name][0] / small[name][0]:>5.2f}x")


if __name__ == "__main__":
    main()
