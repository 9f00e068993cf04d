"""The Markdown reader's time on pathological inputs of growing size.

Usage (from the repository root, after the README's setup):

    .venv/bin/python benchmarks/ingest/run.py [--sizes 24000,100000,436000] [--repeat 3]

Inputs are what made the regular-expression reader quadratic: runs of unmatched emphasis
openers, ``*a _b `` repeated, once as one long line (a paragraph written without hard
wraps) and once as short lines of ``*a `` / ``_b ``. Each is written to a real file and
read with :func:`orgline.ingest.read_document` (decoding, Markdown, normalization), the
best of ``--repeat`` runs. Printed per input: characters, seconds, microseconds per
character, and that figure's ratio to the smallest size's in the same run: near 1 means
linear (the old reader's 24k-character line took 2.3 s, and 436 kB did not finish in 11
minutes).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from orgline.ingest import read_document  # noqa: E402

SHAPES: dict[str, Callable[[int], str]] = {
    "one line of '*a _b '": lambda n: ("*a _b " * (n // 6 + 1))[:n],
    "lines of '*a ' / '_b '": lambda n: ("*a \n_b \n" * (n // 8 + 1))[:n],
}


def seconds(path: Path, repeat: int) -> float:
    """Best wall time of ``repeat`` reads (the least disturbed by other processes)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        read_document(path)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="24000,100000,436000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        for shape, make in SHAPES.items():
            print(shape)
            base = None
            for n in sizes:
                path = Path(tmp) / f"{n}.md"
                path.write_text(make(n), encoding="utf-8")
                t = seconds(path, args.repeat)
                per_char = t / n * 1e6
                base = base or per_char
                print(f"  {n:>9,} chars  {t:8.3f} s  {per_char:7.2f} us/char  ratio {per_char / base:5.2f}")


if __name__ == "__main__":
    main()
