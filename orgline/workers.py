"""Reading many documents: in batches, so that the model batches its work (``nlp.pipe``),
in N processes, while the calling process alone writes the results, in the order the files
were given. A run with N workers therefore stores exactly what a run with one stores:
cross-document resolution sees the documents in the same order.

Memory is bounded whatever the corpus: at most ``AHEAD`` batches per worker are read and
waiting to be stored at any time.
"""
from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from .errors import InputError, OrglineError
from .ingest import read_document
from .ingest.limits import check_file_size
from .model import DocumentFacts, Source
from .nlp import extract, extract_many
from .store import Store

BATCH = 16  # documents per task: enough for nlp.pipe to batch, few enough to keep order cheap
AHEAD = 2  # tasks in flight per worker
# one thread of linear algebra per worker: N workers on N cores, not N x cores threads
ONE_THREAD = {name: "1" for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}
FORKSERVER = "forkserver"
HAS_FORKSERVER = FORKSERVER in multiprocessing.get_all_start_methods()  # Linux, macOS; not Windows
Context = TypeVar("Context", bound=multiprocessing.context.BaseContext)
# A local cluster's workers, set for a parser. Dask has the C library hand memory back past
# 64 KiB, and samples each task's stack every 10 ms; spaCy allocates and frees large
# arrays all the time, and both made its tasks some 10% slower. Memory stays flat without
# them (each batch's words and Docs are dropped when it is done).
LOCAL_WORKERS = {"distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
                 "distributed.worker.profile.enabled": False}


@dataclass
class Outcome:
    """What became of one file: ``read`` (its facts, to store), ``already`` (stored
    before) or ``failed`` (with the cause)."""
    path: str
    status: str
    facts: DocumentFacts | None = None
    cause: str = ""
    warnings: list[str] = field(default_factory=list)


def read_sources(paths: list[str], store: Store, date: str | None) -> tuple[list[Outcome], list[Source]]:
    """Read a batch of files (decoding, HTML, PDF: cheap next to parsing): each file's
    outcome so far, and the sources still to extract, in order."""
    out: list[Outcome] = []
    todo: list[Source] = []
    for path in paths:
        warnings: list[str] = []
        try:
            check_file_size(Path(path))
            source = read_document(Path(path), warnings)
            source.date = date or source.date
        except InputError as e:
            out.append(Outcome(path, "failed", cause=e.cause, warnings=warnings))
            continue
        if store.has_source(source.id):  # cheap skip before the expensive parse
            out.append(Outcome(path, "already", warnings=warnings))
            continue
        out.append(Outcome(path, "read", warnings=warnings))
        todo.append(source)
    return out, todo


def _settle(out: list[Outcome], extracted: list[DocumentFacts | InputError]) -> list[Outcome]:
    """The extracted facts (or why not) into the outcomes of the files that were read."""
    for o, facts in zip([o for o in out if o.status == "read"], extracted):
        if isinstance(facts, InputError):
            o.status, o.cause = "failed", facts.cause
        else:
            o.facts = facts
    return out


def read_batch(paths: list[str], store: Store, model: str | None, date: str | None) -> list[Outcome]:
    """Read and extract a batch of files; one that fails is its own outcome."""
    out, todo = read_sources(paths, store, date)
    return _settle(out, _extract(todo, model))


def _extract(todo: list[Source], model: str | None) -> list[DocumentFacts | InputError]:
    """The batch at once; if a rule breaks on one document, each alone, so that only that
    one fails (a bug in a rule must not cost the rest of the batch)."""
    try:
        return extract_many(todo, model)
    except OrglineError:
        raise
    except Exception:
        pass
    out: list[DocumentFacts | InputError] = []
    for source in todo:
        try:
            out.append(extract(source, model))
        except InputError as e:
            out.append(e)
        except OrglineError:
            raise
        except Exception as e:
            out.append(InputError(source.origin, f"extraction failed, an orgline bug worth reporting "
                                                 f"({type(e).__name__}: {e})"))
    return out


@lru_cache(maxsize=2)
def _worker_store(db: str) -> Store:
    return Store.open(db, migrate=False)  # the ingesting process opened it first


def _read_in_worker(paths: list[str], db: str, model: str | None, date: str | None) -> list[Outcome]:
    return read_batch(paths, _worker_store(db), model, date)


@contextmanager
def _worker_environment(model: str | None) -> Iterator[None]:
    """Workers (and the forkserver they come from) inherit the environment when they
    start: one thread each, and the model to preload; the caller's is put back after."""
    wanted = {**ONE_THREAD, **({"ORGLINE_SPACY_MODEL": model} if model else {})}
    saved = {k: os.environ.get(k) for k in wanted}
    os.environ.update(wanted)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _with_model_preloaded(ctx: Context, *modules: str) -> Context:
    """A forkserver context whose server loads the model before it forks any worker, so
    that N workers load it once, not N times, and share its memory until they write it.
    The server starts once per process, with the first run's model: a later run in the
    same process with another model has each worker load that one itself."""
    ctx.set_forkserver_preload([*modules, __name__, "orgline.nlp.preload"])  # and what runs the tasks
    return ctx


def _forking() -> multiprocessing.context.BaseContext:
    """Workers forked from a server that loaded the model (where the platform has a
    forkserver), or else started fresh (spawn). Never forked from this process itself: it
    holds the store's connection, and with Dask running threads."""
    if not HAS_FORKSERVER:
        return multiprocessing.get_context("spawn")
    return _with_model_preloaded(multiprocessing.get_context(FORKSERVER))


def in_batches(paths: list[str], workers: int) -> list[list[str]]:
    """The paths in batches of BATCH, in order, but for the last round (a batch per
    worker), which is cut in quarters: a worker given a last full batch when the others
    have nothing left keeps them idle for as long as it takes (about 0.7 s for 16
    introductions), and the run ends only when it does."""
    full = max(0, len(paths) - workers * BATCH) // BATCH * BATCH
    small = max(1, BATCH // 4) if workers else BATCH
    return ([paths[i:i + BATCH] for i in range(0, full, BATCH)]
            + [paths[i:i + small] for i in range(full, len(paths), small)])


def outcomes(paths: list[str], store: Store, db: str, model: str | None, date: str | None,
             workers: int = 1) -> Iterator[Outcome]:
    """Each file's outcome, in the order given. The batches are read in ``workers``
    processes (forked from a server that loaded the model, not from this one: they share
    nothing with it but the store's address) while this one stores: one worker already
    keeps two cores busy. With 0 workers, or a corpus of one batch, everything is read
    here, on one core."""
    if workers == 0 or len(paths) <= BATCH:
        for batch in in_batches(paths, 0):
            yield from read_batch(batch, store, model, date)
        return
    batches = in_batches(paths, workers)
    workers = min(workers, len(batches))
    with _worker_environment(model), ProcessPoolExecutor(workers, mp_context=_forking()) as pool:
        pending: deque[Future[list[Outcome]]] = deque()
        for batch in batches:
            pending.append(pool.submit(_read_in_worker, batch, db, model, date))
            if len(pending) >= AHEAD * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def on_dask(paths: list[str], store: Store, model: str | None, date: str | None,
            address: str) -> Iterator[Outcome]:
    """Each file's outcome, in order, extracted on the workers of a Dask distributed cluster
    (``tcp://host:8786``) or of a local one started for the run (``local:N``, N worker
    processes). This process reads the files and sends the texts, so the workers need
    orgline installed and nothing else: no shared folder, no access to the store. Only
    parsing, which is nearly all the cost, runs there; storing stays here, in order, as
    with local workers, so the store is the same."""
    try:
        from distributed import Client
    except ImportError:
        raise OrglineError("--dask needs the dask extra: pip install 'orgline[dask]'") from None
    if address.startswith("local:"):
        cluster = local_cluster(int(address.split(":", 1)[1] or default_workers()), model)
        client = Client(cluster)  # type: ignore[no-untyped-call]
    else:
        cluster, client = None, Client(address, timeout="30s")  # type: ignore[no-untyped-call]
    try:
        width = max(1, len(client.scheduler_info()["workers"]))
        pending: deque[tuple[list[Outcome], Any]] = deque()  # with distributed.Future
        for batch in in_batches(paths, width):
            out, todo = read_sources(batch, store, date)
            pending.append((out, client.submit(_extract, todo, model, pure=False)))
            if len(pending) >= AHEAD * width:
                out, job = pending.popleft()
                yield from _settle(out, job.result())
        while pending:
            out, job = pending.popleft()
            yield from _settle(out, job.result())
    finally:
        client.close()  # type: ignore[no-untyped-call]
        if cluster is not None:
            cluster.close()


def local_cluster(n: int, model: str | None) -> Any:
    """A Dask LocalCluster of ``n`` one-thread worker processes on 127.0.0.1, forked (where
    the platform can) from a server that imported Dask and loaded the model once."""
    with _worker_environment(model):
        if HAS_FORKSERVER:  # started first: it loads the model while this process starts Dask
            _with_model_preloaded(multiprocessing.get_context(FORKSERVER), "distributed")
            multiprocessing.forkserver.ensure_running()
        import dask
        from distributed import LocalCluster
        how = {**LOCAL_WORKERS, "distributed.worker.multiprocessing-method": FORKSERVER if HAS_FORKSERVER else "spawn"}
        with dask.config.set(how):
            return LocalCluster(n_workers=n, threads_per_worker=1, processes=True,  # type: ignore[no-untyped-call]
                                host="127.0.0.1", dashboard_address=None)


def default_workers() -> int:
    """The machine's cores (those this process may use)."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


__all__ = ["BATCH", "Outcome", "default_workers", "local_cluster", "on_dask", "outcomes", "read_batch"]
