"""Extraction time per document: this checkout against a baseline revision, in one run.

    .venv/bin/python benchmarks/extraction/run.py [--baseline main] [--gold FILE] [--repeat 2]

Why a baseline in the same run: the machines these figures come from are shared, and a
time measured yesterday says little about one measured today. The baseline revision is
checked out into a temporary git worktree and imported from there, in a process of its
own, with the same model and the same documents; each side reads every document
``--repeat`` times after one warm-up text and keeps each document's fastest CPU time, so
the ratio compares the code, not the machine's mood.

Measured: ``orgline.nlp.extract`` (spaCy's model, orgline's components, resolution within
the document), not the store. The gold file's texts are read, never its facts.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "external" / "redocred-dev.jsonl"

# Run inside the measured checkout's process: its orgline is the first on sys.path.
MEASURE = r"""
import json, sys, time
import orgline
assert orgline.__file__.startswith(sys.argv[2]), f"measured {orgline.__file__}, not {sys.argv[2]}"
from orgline.model import Source
from orgline.nlp import extract
texts = json.load(sys.stdin)
extract(Source(text="The Harbour Rowing Club was founded in 1901.", origin="warm-up"))
best = []
for text in texts:
    times = []
    for _ in range(int(sys.argv[1])):
        start = time.process_time()
        extract(Source(text=text, origin="bench"))
        times.append(time.process_time() - start)
    best.append(min(times))
print(json.dumps({"seconds": best}))
"""


def texts(gold: Path) -> list[str]:
    return [json.loads(line)["text"] for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]


def measure(checkout: Path, docs: list[str], repeat: int) -> list[float]:
    """Per-document CPU seconds with ``checkout``'s orgline imported first."""
    env = dict(os.environ, PYTHONPATH=str(checkout))
    run = subprocess.run([sys.executable, "-c", MEASURE, str(repeat), str(checkout)], input=json.dumps(docs), env=env,
                         capture_output=True, text=True, check=False, cwd=checkout)
    if run.returncode != 0:
        raise SystemExit(f"{checkout}: extraction failed:\n{run.stderr[-2000:]}")
    return list(json.loads(run.stdout.splitlines()[-1])["seconds"])


def baseline_checkout(revision: str, where: Path) -> Path:
    path = where / "baseline"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(path), revision], check=True)
    return path


def summary(name: str, seconds: list[float], base: list[float] | None) -> str:
    total, median = sum(seconds), statistics.median(seconds)
    line = f"{name:10s} total {total:7.2f} s   median {median * 1000:7.1f} ms   max {max(seconds) * 1000:7.1f} ms"
    if base:
        line += f"   ratio to baseline: total {total / sum(base):.2f}x, median {median / statistics.median(base):.2f}x"
    return line


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline", default="main", help="git revision to compare against (default main)")
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold JSONL whose texts are read")
    ap.add_argument("--repeat", type=int, default=2, help="readings per document; the fastest counts")
    args = ap.parse_args()
    docs = texts(args.gold)
    print(f"{len(docs)} documents from {args.gold}, {sum(map(len, docs)):,} characters; CPU time of extract()")
    with tempfile.TemporaryDirectory() as tmp:
        base_dir = baseline_checkout(args.baseline, Path(tmp))
        try:
            base = measure(base_dir, docs, args.repeat)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base_dir)], check=False)
    here = measure(ROOT, docs, args.repeat)
    print(summary(f"{args.baseline}", base, None))
    print(summary("this tree", here, base))


if __name__ == "__main__":
    main()
