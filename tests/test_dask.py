"""Ingest on a Dask distributed cluster stores what a local run stores: a real LocalCluster
of two worker processes on 127.0.0.1, reached by its scheduler's tcp address, as a
cluster elsewhere would be."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import backends
from orgline.project import Project
from test_workers import corpus, dump

distributed = pytest.importorskip("distributed", reason="the dask extra is in requirements/test.lock")


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        assert len(cluster.workers) == 2
        yield cluster.scheduler_address


def test_a_cluster_stores_what_one_process_stores(scheduler: str, tmp_path: Path) -> None:
    corpus(tmp_path / "docs")
    local, remote = backends.store_url(tmp_path / "local.db"), backends.store_url(tmp_path / "dask.db")
    a = Project(local).ingest([tmp_path / "docs"], workers=1)
    b = Project(remote).ingest([tmp_path / "docs"], dask=scheduler)
    assert (a.stored, a.already, [str(e) for e in a.failed]) == (b.stored, b.already, [str(e) for e in b.failed])
    assert len(b.stored) == 20 and len(b.failed) == 1
    one, two = dump(local), dump(remote)
    assert len(one["claims"]) > 60
    for table in one:
        assert one[table] == two[table], f"{table} differ between a local run and the cluster"


def test_a_cluster_run_again_reads_nothing_twice(scheduler: str, tmp_path: Path) -> None:
    corpus(tmp_path / "docs")
    db = backends.store_url(tmp_path / "again.db")
    Project(db).ingest([tmp_path / "docs"], dask=scheduler)
    again = Project(db).ingest([tmp_path / "docs"], dask=scheduler)
    assert again.stored == [] and len(again.already) == 21


def test_the_cli_starts_a_local_cluster(tmp_path: Path) -> None:
    import subprocess
    import sys
    corpus(tmp_path / "docs")
    db = backends.store_url(tmp_path / "cli.db")
    done = subprocess.run([str(Path(sys.executable).with_name("orgline")), "--db", db, "ingest", "--dask", "local:2",
                           str(tmp_path / "docs")], capture_output=True, text=True, timeout=600)
    assert done.returncode == 2, done.stderr  # the file that is not text failed; the rest are stored
    assert done.stderr.strip().splitlines()[-1] == "20 stored, 1 already stored, 1 failed"
