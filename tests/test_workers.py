"""Ingest in several processes stores exactly what one process stores: the same sources,
entities, names and claims, with the same ids, and the same report of what failed. Real
worker processes, the real spaCy pipeline, real SQLite files."""
from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

import backends
from orgline import workers
from orgline.errors import ModelError
from orgline.project import Project
from orgline.store import Store
from orgline.store.schema import ClaimRow, EntityRow, MentionRow, NameRow, SourceRow

TOWNS = ["Hexham", "Penrith", "Kendal", "Whitby", "Ripon", "Alnwick", "Thirsk", "Morpeth"]
TRADES = ["Weavers", "Coopers", "Tanners", "Glaziers", "Farriers", "Saddlers", "Chandlers", "Millers"]


def corpus(folder: Path) -> list[Path]:
    """Twenty short histories of bodies that found, merge and split among themselves (so
    that resolution across documents matters), one text given twice, one file that is not
    text."""
    folder.mkdir()
    docs = []
    for k in range(20):
        town, trade = TOWNS[k % 8], TRADES[(k * 3) % 8]
        other = f"{TOWNS[(k + 1) % 8]} {TRADES[(k * 3 + 3) % 8]} Society"
        text = (f"The {town} {trade} Society was founded in {town} in {1850 + k}. "
                f"In {1890 + k} it merged with the {other} to form the {town} Trades Federation. "
                f"Members who opposed the merger left in {1891 + k} and set up the {town} Free {trade}.")
        docs.append(text)
    docs.append(docs[3])  # the same text twice: stored once
    paths = []
    for k, text in enumerate(docs):
        p = folder / f"{k:02}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    bad = folder / "15-binary.txt"
    bad.write_bytes(b"\x00\x01\x02 not text \xff\xfe" * 50)
    return paths + [bad]


def dump(db: str) -> dict[str, Any]:
    """Everything ingest writes, but the time it wrote it."""
    store = Store.open(db)

    def rows(table: Any, skip: tuple[str, ...] = ()) -> list[tuple[Any, ...]]:
        cols = [c for c in table.__table__.columns if c.name not in skip]
        with store.session() as s:
            return [tuple(r) for r in s.execute(select(*cols).order_by(*table.__table__.primary_key.columns))]
    return {"sources": rows(SourceRow, ("ingested_at",)), "entities": rows(EntityRow), "names": rows(NameRow),
            "mentions": rows(MentionRow), "claims": rows(ClaimRow, ("created_at", "updated_at"))}


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[int, tuple[str, Any]]:
    root = tmp_path_factory.mktemp("workers")
    corpus(root / "docs")
    workers.BATCH = 4  # six batches: both processes get several, out of step with each other
    out = {}
    try:
        for n in (0, 1, 2):
            db = backends.store_url(root / f"w{n}.db")
            out[n] = (db, Project(db).ingest([root / "docs"], workers=n))
    finally:
        workers.BATCH = 16
    return out


@pytest.mark.parametrize("n", [1, 2])
def test_workers_store_what_this_process_stores(stores: dict[int, tuple[str, Any]], n: int) -> None:
    here, there = dump(stores[0][0]), dump(stores[n][0])
    assert len(here["sources"]) == 20 and len(here["claims"]) > 60  # the corpus was read, not skipped
    for table in here:
        assert here[table] == there[table], f"{table} differ between this process and {n} workers"


@pytest.mark.parametrize("n", [1, 2])
def test_workers_report_what_this_process_reports(stores: dict[int, tuple[str, Any]], n: int) -> None:
    (_, a), (_, b) = stores[0], stores[n]
    assert (a.stored, a.already, [str(e) for e in a.failed]) == (b.stored, b.already, [str(e) for e in b.failed])
    assert len(a.stored) == 20 and [Path(p).name for p in a.already] == ["20.txt"]
    assert len(a.failed) == 1 and "15-binary.txt" in str(a.failed[0])


def test_the_cli_takes_workers_and_reports_a_bad_file_on_one_line(tmp_path: Path) -> None:
    paths = corpus(tmp_path / "docs")
    db = backends.store_url(tmp_path / "o.db")
    cli = [str(Path(sys.executable).with_name("orgline")), "--db", db, "ingest", "--workers", "2", *map(str, paths)]
    done = subprocess.run(cli, capture_output=True, text=True, timeout=600)
    assert done.returncode == 2  # one file failed, the rest were stored
    errors = [line for line in done.stderr.splitlines() if "15-binary.txt" in line]
    assert len(errors) == 1
    assert done.stderr.strip().splitlines()[-1] == "20 stored, 1 already stored, 1 failed"
    again = subprocess.run(cli, capture_output=True, text=True, timeout=600)
    assert again.stderr.strip().splitlines()[-1] == "0 stored, 21 already stored, 1 failed"


def test_reading_files_for_workers_loads_no_model(tmp_path: Path) -> None:
    """The process that feeds a Dask cluster reads the files (sizes, decoding, whether a
    source is stored) and never parses: importing spaCy and the date grammar there cost a
    second of its CPU before the first batch went out."""
    short, too_big = tmp_path / "short.txt", tmp_path / "huge.md"
    short.write_text("The Kendal Glaziers Society was founded in 1851.", encoding="utf-8")
    too_big.write_text("x " * 201, encoding="utf-8")
    script = (
        "import sys\n"
        "from orgline.ingest import limits\n"
        "from orgline.store import Store\n"
        "from orgline.workers import read_sources\n"
        "limits.MAX_CHARACTERS = 100\n"
        f"out, todo = read_sources([{str(short)!r}, {str(too_big)!r}], Store.open({str(tmp_path / 'r.db')!r}), None)\n"
        "print([o.status for o in out], len(todo), sorted(m for m in sys.modules if m == 'spacy' or m.startswith('orgline.nlp.')))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['read', 'failed'] 1 []"


@pytest.mark.parametrize("users", [None, "2"])
def test_the_cli_runs_the_model_on_one_blas_thread_unless_told(tmp_path: Path, users: str | None) -> None:
    """A second OpenBLAS thread in the process that reads (a small ingest, --workers 0) cut
    3% of the time for 70% more CPU, spent spinning; a user's own setting stands."""
    script = (
        "import os, sys\n"
        "from typer.testing import CliRunner\n"
        "from orgline.cli import app\n"
        f"CliRunner().invoke(app, ['--db', {str(tmp_path / 'none.db')!r}, 'entities'])\n"
        "print(os.environ.get('OPENBLAS_NUM_THREADS'), 'numpy' in sys.modules)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if users:
        env["OPENBLAS_NUM_THREADS"] = users
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [users or "1", "False"]  # set before numpy loads


def _blas_in_worker() -> tuple[bool, str | None]:
    from orgline.nlp.pipeline import load, model_name
    return load(model_name()).get_pipe("ner").model.ops.use_blis, os.environ.get("OPENBLAS_NUM_THREADS")


@pytest.mark.skipif(not workers.HAS_FORKSERVER, reason="no forkserver here")
def test_workers_run_the_model_on_one_thread_of_numpys_blas() -> None:
    with workers._worker_environment(None), \
            ProcessPoolExecutor(1, mp_context=workers._forking()) as pool:
        assert pool.submit(_blas_in_worker).result() == (False, "1")


def _first_load_was_remembered() -> tuple[bool, int]:
    """Run in a worker: whether its first load of the model found it already loaded."""
    from orgline.nlp.pipeline import load, model_name
    before = load.cache_info().hits
    load(model_name())
    return load.cache_info().hits == before + 1, os.getpid()


@pytest.mark.skipif(not workers.HAS_FORKSERVER, reason="no forkserver here")
def test_workers_start_with_the_model_loaded() -> None:
    """Workers are forked from a server that loaded the model once: N workers used to load
    it N times (some 1.5 s of CPU each), and each held its own copy."""
    with workers._worker_environment(None), \
            ProcessPoolExecutor(2, mp_context=workers._forking()) as pool:
        answers = [pool.submit(_first_load_was_remembered) for _ in range(4)]
        found = [a.result() for a in answers]
    assert all(remembered for remembered, _ in found), found
    assert os.getpid() not in {pid for _, pid in found}  # it ran in the workers, not here


def test_a_model_that_is_not_installed_is_named_not_a_broken_pool(tmp_path: Path) -> None:
    """Where the server cannot load the model, each worker tries and says what is wrong."""
    paths = corpus(tmp_path / "docs")
    db = backends.store_url(tmp_path / "m.db")
    with pytest.raises(ModelError, match="en_no_such_pipeline_sm"):
        Project(db, model="en_no_such_pipeline_sm").ingest(paths, workers=2)  # two batches: two workers
    assert dump(db)["sources"] == []


@pytest.mark.skipif(not workers.HAS_FORKSERVER, reason="no forkserver here")
def test_a_local_clusters_workers_start_with_the_model_loaded() -> None:
    """``--dask local:N`` forks its workers from a server that imported Dask and loaded the
    model: each worker used to import both itself, after the cluster had started it, and
    only then could its first task start. (Here, not beside test_dask's cluster: two
    clusters in one process contend for the dashboard's port.)"""
    distributed = pytest.importorskip("distributed", reason="the dask extra is in requirements/test.lock")
    with workers.local_cluster(2, None) as cluster, distributed.Client(cluster) as client:
        found = client.run(_first_load_was_remembered)
    assert len(found) == 2 and all(remembered for remembered, _ in found.values()), found


@pytest.mark.parametrize("n_paths,n_workers", [(500, 2), (500, 1), (37, 2), (16, 4), (0, 2)])
def test_batches_keep_the_order_and_cut_the_last_round_small(n_paths: int, n_workers: int) -> None:
    paths = [f"doc{i}.txt" for i in range(n_paths)]
    batches = workers.in_batches(paths, n_workers)
    assert [p for b in batches for p in b] == paths
    small = [b for b in batches if len(b) < workers.BATCH]
    assert all(len(b) == workers.BATCH for b in batches[:len(batches) - len(small)])  # full ones first
    assert all(len(b) <= workers.BATCH // 4 for b in small)
    # the last round (a batch per worker) is always cut, and nothing before it
    assert min(n_paths, n_workers * workers.BATCH) <= sum(map(len, small)) < n_workers * workers.BATCH + workers.BATCH


def test_without_workers_batches_are_full() -> None:
    paths = [f"doc{i}.txt" for i in range(40)]
    assert [len(b) for b in workers.in_batches(paths, 0)] == [workers.BATCH, workers.BATCH, 40 - 2 * workers.BATCH]
