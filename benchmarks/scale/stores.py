"""SQLite against PostgreSQL: query latency on large stores, ingest throughput, and the cost
of storing one more document as the store grows.

Usage (from the repository root, after the README's test setup, which installs psycopg and
Debian's PostgreSQL programs):

    .venv/bin/python benchmarks/scale/stores.py [--claims 100000,1000000] [--requests 200]
        [--sizes 2000,200000] [--ingest-docs 200] [--pg URL] [--only queries,ingest,growth]
        [--growth-on sqlite,postgresql]

PostgreSQL is the server at ``--pg`` (a URL whose user may create databases), else a
private one started for the run on 127.0.0.1 (as the tests start theirs). All figures of
one run come from the same machine in the same minutes.

- queries: stores of each size in ``--claims`` are generated as the web benchmark's are
  (cached SQLite files in ``benchmarks/.cache/``; past 100,000 claims, the 100,000-claim
  store's rows repeated as other bodies, see ``replicated``) and copied to PostgreSQL with
  ``orgline copy``'s code; then, per store, ``--requests`` lookups of random bodies, timed
  in this process (no HTTP): the entity page's data (``web.data.entity``), names borne at
  a date (``query.names_at``) and the timeline (``query.timeline``); median and
  95th percentile in milliseconds;
- ingest: ``orgline ingest --workers 2`` of ``--ingest-docs`` Re-DocRED documents into a new
  SQLite file and into a new PostgreSQL database, words per second and the ratio;
- growth: generated documents stored one by one through ``Store.save`` until the store
  holds each size in ``--sizes``; the median time of the next 100, and its ratio to the
  smallest size's, on each backend.
"""
from __future__ import annotations

import argparse
import importlib.util
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / "benchmarks" / ".cache"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from sqlalchemy import select  # noqa: E402

import backends  # noqa: E402  (the tests' PostgreSQL server)
from orgline import query  # noqa: E402
from orgline.store import Store  # noqa: E402
from orgline.store.copy import copy_store  # noqa: E402
from orgline.store.schema import Base, ClaimRow, EntityRow, NameRow  # noqa: E402
from orgline.web import data  # noqa: E402



def _benchmark(folder: str) -> Any:
    """Another benchmark's run.py (they share the name, so each is loaded by its path)."""
    spec = importlib.util.spec_from_file_location(f"{folder}_run", ROOT / "benchmarks" / folder / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # before it runs: its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


def timed(fn, picks) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    fn(picks[0])  # warm
    times = []
    for p in picks:
        t = time.perf_counter()
        fn(p)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), statistics.quantiles(times, n=20)[-1]


def queries(db: str, requests: int) -> dict[str, tuple[float, float]]:
    store = Store.open(db)
    with store.session() as s:
        orgs = list(s.execute(select(EntityRow.id, NameRow.name, NameRow.valid_from).join(
            NameRow, NameRow.entity_id == EntityRow.id).where(EntityRow.kind == "org", NameRow.valid_from.is_not(None))
            .where(EntityRow.id.in_(select(ClaimRow.subject_id))).limit(20_000)).tuples())
    rng = random.Random(3)
    picks = [rng.choice(orgs) for _ in range(requests)]
    out = {"entity page data": timed(lambda p: data.entity(store, p[0]), picks),
           "names at a date": timed(lambda p: query.names_at(store, p[1], at=p[2][:4]), picks),
           "timeline": timed(lambda p: query.timeline(store, f"#{p[0]}"), picks)}
    store.close()
    return out


NAMED = {("names", "name"), ("names", "normalized"), ("names", "match_key"), ("entities", "label")}


def replicated(base: Path, times: int) -> Path:
    """A store ``times`` the size of ``base``: its rows again and again as other bodies,
    sources and claims (ids shifted past the last copy's, names, source ids and claim keys ending in the copy's number). Storing
    a million generated claims one document at a time takes hours; the copies keep the
    generated store's shape, which is what a query's cost depends on."""
    out = CACHE / f"{base.stem}-x{times}-named.db"
    if out.exists():
        return out
    part = Path(str(out) + ".part")
    part.unlink(missing_ok=True)
    Store.open(str(part)).close()  # the schema, the FTS tables and their triggers
    con = sqlite3.connect(part)
    con.execute("ATTACH DATABASE ? AS base", (str(base),))
    tables = {t.name: t for t in Base.metadata.sorted_tables}
    step = {name: con.execute(f"SELECT coalesce(max(id), 0) FROM base.{name}").fetchone()[0]
            for name, t in tables.items() if "id" in t.c and t.c.id.type.python_type is int}
    for k in range(times):
        for name, t in tables.items():
            cols = []
            for c in t.columns:
                ref = next(iter(c.foreign_keys)).column.table.name if c.foreign_keys else (name if c.name == "id" else None)
                if ref == "sources" or c.name in ("key", "claim_key"):  # 64 characters, as the columns take
                    cols.append(f"substr({c.name}, 1, 60) || 'x' || printf('%03d', {k})" if k else c.name)
                elif k and (name, c.name) in NAMED:  # each copy's bodies named apart, as distinct bodies are
                    cols.append(f"{c.name} || ' {k}'")
                elif ref in step or (name == "reviews" and c.name == "entity_id"):
                    cols.append(f"{c.name} + {k * step[ref or 'entities']}")
                else:
                    cols.append(f'"{c.name}"')
            con.execute(f"INSERT INTO {name} ({', '.join(chr(34) + c.name + chr(34) for c in t.columns)}) "
                        f"SELECT {', '.join(cols)} FROM base.{name}")
        con.commit()
    con.close()
    part.rename(out)
    return out


def run_queries(sizes: list[int], requests: int, pg: str) -> None:
    build = _benchmark("web").build  # the web benchmark's generated stores
    for claims in sizes:
        sqlite_file = build(claims) if claims <= 100_000 else replicated(build(100_000), claims // 100_000)
        on_pg = backends.new_database(pg)
        t = time.perf_counter()
        copy_store(Store.open(str(sqlite_file)), Store.open(on_pg))
        print(f"{claims:,} claims: copied to PostgreSQL in {time.perf_counter() - t:.0f} s")
        a, b = queries(str(sqlite_file), requests), queries(on_pg, requests)
        print(f"  {'query':<18} {'SQLite p50':>11} {'p95':>8} {'PostgreSQL p50':>15} {'p95':>8}")
        for name in a:
            print(f"  {name:<18} {a[name][0]:>8.1f} ms {a[name][1]:>5.1f} ms {b[name][0]:>12.1f} ms {b[name][1]:>5.1f} ms")
        backends.drop_database(on_pg)


def run_ingest(n: int, pg: str, tmp: Path) -> None:
    scale = _benchmark("scale")  # its corpus of Wikipedia introductions
    texts, write = scale.texts, scale.write
    docs = texts(scale.DEFAULT_CORPUS, n)
    words = sum(len(t.split()) for t in docs)
    folder = write(tmp / "corpus", docs)[0].parent
    orgline = str(Path(sys.executable).with_name("orgline"))
    figures = {}
    for name, db in (("SQLite", str(tmp / "ingest.db")), ("PostgreSQL", backends.new_database(pg))):
        t = time.perf_counter()
        subprocess.run([orgline, "--db", db, "ingest", "--workers", "2", str(folder)], check=True,
                       capture_output=True)
        figures[name] = words / (time.perf_counter() - t)
        print(f"ingest --workers 2, {n} documents into {name}: {figures[name]:,.0f} words/s")
    print(f"  PostgreSQL / SQLite: {figures['PostgreSQL'] / figures['SQLite']:.2f}x")


def run_growth(sizes: list[int], pg: str, tmp: Path, backends_: list[str]) -> None:
    resolution = _benchmark("resolution")  # its generated histories, stored one by one
    docs = [facts for facts, _ in resolution.corpus(0, max(sizes) + 200, seed=11)[0]]
    stores = {"sqlite": ("SQLite", lambda: str(tmp / "growth.db")),
              "postgresql": ("PostgreSQL", lambda: backends.new_database(pg))}
    for name, db in (stores[b] for b in backends_):
        store = Store.open(db())
        first: list[float] = []  # the smallest size's figure, the base of the ratios

        def reached(size: int, ms: float) -> None:
            if not first:
                first.append(ms)
            print(f"{name}: store of {size:>7,} documents: {ms:6.2f} ms per new document (x{ms / first[0]:.2f})",
                  flush=True)
        resolution.timing(store, docs, sizes, reached)
        store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", default="100000,1000000")
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--sizes", default="2000,200000")
    ap.add_argument("--ingest-docs", type=int, default=200)
    ap.add_argument("--pg", help="a PostgreSQL server's URL (postgresql+psycopg://user@host); else one is started")
    ap.add_argument("--only", default="queries,ingest,growth")
    ap.add_argument("--growth-on", default="sqlite,postgresql", help="the stores the growth runs fill")
    args = ap.parse_args()
    parts = args.only.split(",")
    import tempfile
    with ExitStack() as stack:
        pg = args.pg or stack.enter_context(backends.server())
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        if "queries" in parts:
            run_queries([int(c) for c in args.claims.split(",")], args.requests, pg)
        if "ingest" in parts:
            run_ingest(args.ingest_docs, pg, tmp)
        if "growth" in parts:
            run_growth([int(s) for s in args.sizes.split(",")], pg, tmp, args.growth_on.split(","))


if __name__ == "__main__":
    main()
