"""Reading many documents: in batches, so that the model batches its work (``nlp.pipe``),
in N processes, while the calling process alone writes the results, in the order the files
were given. A run with N workers therefore stores exactly what a run with one stores:
cross-document resolution sees the documents in the same order.

Memory is bounded whatever the corpus: at most ``AHEAD`` batches per worker are read and
waiting to be stored at any time.
"""
from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .errors import InputError, OrglineError
from .ingest import read_document
from .model import DocumentFacts, Source
from .nlp import extract, extract_many
from .nlp.pieces import check_file_size
from .store import Store

BATCH = 16  # documents per task: enough for nlp.pipe to batch, few enough to keep order cheap
AHEAD = 2  # tasks in flight per worker
# one thread of linear algebra per worker: N workers on N cores, not N x cores threads
ONE_THREAD = {name: "1" for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}


@dataclass
class Outcome:
    """What became of one file: ``read`` (its facts, to store), ``already`` (stored
    before) or ``failed`` (with the cause)."""
    path: str
    status: str
    facts: DocumentFacts | None = None
    cause: str = ""
    warnings: list[str] = field(default_factory=list)


def read_batch(paths: list[str], store: Store, model: str | None, date: str | None) -> list[Outcome]:
    """Read and extract a batch of files; one that fails is its own outcome."""
    out: dict[int, Outcome] = {}
    todo: list[tuple[int, Source]] = []
    for k, path in enumerate(paths):
        warnings: list[str] = []
        try:
            check_file_size(Path(path))
            source = read_document(Path(path), warnings)
            source.date = date or source.date
        except InputError as e:
            out[k] = Outcome(path, "failed", cause=e.cause, warnings=warnings)
            continue
        if store.has_source(source.id):  # cheap skip before the expensive parse
            out[k] = Outcome(path, "already", warnings=warnings)
            continue
        out[k] = Outcome(path, "read", warnings=warnings)
        todo.append((k, source))
    for (k, _), facts in zip(todo, _extract(todo, model)):
        if isinstance(facts, InputError):
            out[k].status, out[k].cause = "failed", facts.cause
        else:
            out[k].facts = facts
    return [out[k] for k in range(len(paths))]


def _extract(todo: list[tuple[int, Source]], model: str | None) -> list[DocumentFacts | InputError]:
    """The batch at once; if a rule breaks on one document, each alone, so that only that
    one fails (a bug in a rule must not cost the rest of the batch)."""
    try:
        return extract_many([s for _, s in todo], model)
    except OrglineError:
        raise
    except Exception:
        pass
    out: list[DocumentFacts | InputError] = []
    for _, source in todo:
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
    return Store.open(db)


def _read_in_worker(paths: list[str], db: str, model: str | None, date: str | None) -> list[Outcome]:
    return read_batch(paths, _worker_store(db), model, date)


@contextmanager
def _one_thread_each() -> Iterator[None]:
    """Workers inherit the environment when they start: set their thread counts for that
    moment, and put the caller's back after."""
    saved = {k: os.environ.get(k) for k in ONE_THREAD}
    os.environ.update(ONE_THREAD)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def outcomes(paths: list[str], store: Store, db: str, model: str | None, date: str | None,
             workers: int = 1) -> Iterator[Outcome]:
    """Each file's outcome, in the order given. With ``workers`` > 1 the batches are read in
    that many processes (started fresh: they share nothing with this one but the store's
    address); a corpus too small to fill them is read here."""
    batches = [paths[i:i + BATCH] for i in range(0, len(paths), BATCH)]
    workers = min(workers, len(batches))
    if workers <= 1:
        for batch in batches:
            yield from read_batch(batch, store, model, date)
        return
    with _one_thread_each(), ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        pending: deque[Future[list[Outcome]]] = deque()
        for batch in batches:
            pending.append(pool.submit(_read_in_worker, batch, db, model, date))
            if len(pending) >= AHEAD * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def default_workers() -> int:
    """The machine's cores (those this process may use)."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


__all__ = ["BATCH", "Outcome", "default_workers", "outcomes", "read_batch"]
