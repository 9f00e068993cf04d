"""Ingest throughput on all cores, against the model's own bare ``nlp.pipe``, and peak
memory as the corpus grows.

Usage (from the repository root, after the README's setup):

    .venv/bin/python benchmarks/scale/run.py [--corpus FILE] [--docs 500] [--workers 0,1,2] [--dask local:2] [--memory-docs 200]

The corpus is Wikipedia introductions: Re-DocRED's dev documents (``--corpus``, a JSON list
of documents whose ``sents`` are lists of tokens; by default the copy under
``../shared/eval/external/redocred/``), each written to a text file. Every measurement is
a fresh process, timed from its start to its exit, model loading included:

- bare: ``spacy.load`` of orgline's model and one ``nlp.pipe`` over the texts, in one
  process (what the model alone costs), with spaCy's default batch size, and again with
  orgline's (``BATCH`` texts a call), which on some machines is much faster; and once
  more at ``BATCH`` with the matrix products on one thread of numpy's BLAS, as orgline
  loads the model (``orgline/nlp/pipeline.py``): the model as orgline runs it, so that
  the ratios to it show what orgline itself costs and what its workers gain;
- ``orgline ingest --workers N`` into a new SQLite store, for each N of ``--workers`` (0:
  reading, extracting and storing in one process; N: N processes extract while the first
  stores), and
  ``orgline ingest --dask local:2`` (a two-worker LocalCluster, started by the run);
  printed as words/s and as a ratio to bare;
- peak resident memory (the largest process's, polled) of ``ingest --workers 1`` at
  ``--memory-docs`` documents and at ten times as many (distinct texts: each copy is
  numbered), and their ratio.
"""
from __future__ import annotations

import argparse
import compileall
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orgline
from orgline.workers import BATCH, ONE_THREAD

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CORPUS = ROOT.parent / "shared" / "eval" / "external" / "redocred" / "dev_revised.json"
BARE = """
import contextlib, sys, spacy
from orgline.nlp.pipeline import DEFAULT_MODEL, _numpy_blas
texts = [open(p, encoding="utf-8").read() for p in sys.argv[3:]]
with _numpy_blas() if sys.argv[2] == "numpy" else contextlib.nullcontext():
    nlp = spacy.load(DEFAULT_MODEL)
for _ in nlp.pipe(texts, **({"batch_size": int(sys.argv[1])} if sys.argv[1] else {})):
    pass
"""
# runs a command and prints its peak resident memory (KiB, the largest of its processes),
# polled: workers are forked from a forkserver that the command never waits for, so the
# kernel's own peak for waited children (ru_maxrss) would miss them
MEASURED = """
import subprocess, sys, time, psutil
command = psutil.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
peak = 0
while command.poll() is None:
    try:
        for p in [command, *command.children(recursive=True)]:
            peak = max(peak, p.memory_info().rss)
    except psutil.Error:  # a process that ended between the two calls
        pass
    time.sleep(0.02)
print(peak // 1024)
sys.exit(command.returncode)
"""


def texts(corpus: Path, n: int) -> list[str]:
    docs = json.loads(corpus.read_text(encoding="utf-8"))
    out = [" ".join(" ".join(s) for s in d["sents"]) for d in docs]
    # past the corpus's end, numbered copies: distinct texts, so none is skipped as stored
    return [out[k % len(out)] + (f" (Copy {k // len(out)}.)" if k >= len(out) else "") for k in range(n)]


def write(folder: Path, docs: list[str]) -> list[Path]:
    folder.mkdir(parents=True)
    paths = []
    for k, text in enumerate(docs):
        p = folder / f"{k:06}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


def run(cmd: list[str], memory: bool = False, env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall seconds of a command in a fresh process, and its peak memory (MiB) if asked:
    polling for it costs CPU, so the timed runs go unwatched."""
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", MEASURED, *cmd] if memory else cmd,
                         capture_output=True, text=True, cwd=ROOT, env={**os.environ, **(env or {})})
    seconds = time.perf_counter() - start
    if out.returncode != 0:
        sys.exit(f"failed ({out.returncode}): {' '.join(cmd[:4])} ...")
    return seconds, int(out.stdout.split()[-1]) // 1024 if memory else 0


def ingest(folder: Path, db: Path, *how: str, memory: bool = False) -> tuple[float, int]:
    orgline = str(Path(sys.executable).with_name("orgline"))
    return run([orgline, "--db", str(db), "ingest", *how, str(folder)], memory)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--workers", default="0,1,2")
    parser.add_argument("--memory-docs", type=int, default=200, help="0 skips the memory runs")
    parser.add_argument("--dask", default="local:2", help="a Dask cluster to ingest on too ('' for none)")
    args = parser.parse_args()
    if not args.corpus.is_file():
        sys.exit(f"{args.corpus}: no such corpus file; give one with --corpus")
    # spaCy's modules come compiled, as pip installs them; an editable orgline under
    # PYTHONDONTWRITEBYTECODE would be compiled anew in every process the runs start
    compileall.compile_dir(str(Path(orgline.__file__).parent), quiet=1)
    print(f"machine: {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        docs = texts(args.corpus, args.docs)
        words = sum(len(t.split()) for t in docs)
        paths = write(Path(tmp) / "corpus", docs)
        print(f"corpus: {len(docs)} documents, {words:,} words")
        bare, _ = run([sys.executable, "-c", BARE, "", "blis", *map(str, paths)])
        print(f"{'bare nlp.pipe, 1 process':34} {bare:7.1f} s {words / bare:8,.0f} words/s   1.00x")
        # spaCy's default batch (1,000 texts) can cost the bare run much system time on
        # some machines; the model at orgline's batch size is shown too, for a fair reading
        tuned, _ = run([sys.executable, "-c", BARE, str(BATCH), "blis", *map(str, paths)])
        print(f"{f'bare nlp.pipe, batch_size={BATCH}':34} {tuned:7.1f} s {words / tuned:8,.0f} words/s "
              f"{bare / tuned:6.2f}x")
        as_orgline, _ = run([sys.executable, "-c", BARE, str(BATCH), "numpy", *map(str, paths)], env=ONE_THREAD)
        print(f"{f'bare, batch_size={BATCH}, numpy BLAS':34} {as_orgline:7.1f} s {words / as_orgline:8,.0f} "
              f"words/s {bare / as_orgline:6.2f}x")
        runs = [("--workers", w) for w in args.workers.split(",")] + ([("--dask", args.dask)] if args.dask else [])
        for k, (option, value) in enumerate(runs):
            t, _ = ingest(paths[0].parent, Path(tmp) / f"run{k}.db", option, value)
            print(f"{f'orgline ingest {option} {value}':34} {t:7.1f} s {words / t:8,.0f} words/s "
                  f"{bare / t:6.2f}x  ({tuned / t:.2f}x the batch_size={BATCH} run, "
                  f"{as_orgline / t:.2f}x the model as orgline runs it)")
        if args.memory_docs <= 0:
            return
        small = write(Path(tmp) / "mem1", texts(args.corpus, args.memory_docs))
        large = write(Path(tmp) / "mem10", texts(args.corpus, args.memory_docs * 10))
        _, m1 = ingest(small[0].parent, Path(tmp) / "m1.db", "--workers", "1", memory=True)
        _, m10 = ingest(large[0].parent, Path(tmp) / "m10.db", "--workers", "1", memory=True)
        print(f"peak memory, ingest --workers 1: {m1} MiB at {len(small)} documents, {m10} MiB at "
              f"{len(large)}: {m10 / m1:.2f}x")


if __name__ == "__main__":
    main()
