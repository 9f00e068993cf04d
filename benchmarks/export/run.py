"""Export time and peak memory per format, on a store of 100,000 claims against the same on
a store of 1,000 (the baseline, measured in the same run).

Usage (from the repository root, after the README's setup):

    .venv/bin/python benchmarks/export/run.py [--claims 100000] [--formats facts,csv,...]

The stores are the web benchmark's (generated, cached in ``benchmarks/.cache/``; built on
first use). Each export runs in a fresh process writing to a temporary file; printed: wall
seconds, claims written, and the process's peak resident memory. Streaming means the peak
on the large store stays near the small store's, however many claims are written.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("web_benchmark", ROOT / "benchmarks" / "web" / "run.py")
assert _spec is not None and _spec.loader is not None
web_benchmark = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(web_benchmark)
build = web_benchmark.build  # the web benchmark's generated stores

CHILD = """
import json, resource, sys, time
from orgline.export import FORMATS
from orgline.store import Store
store = Store.open(sys.argv[1])
fmt = FORMATS[sys.argv[2]]
t = time.perf_counter()
with open(sys.argv[3], "wb" if fmt.binary else "w", **({} if fmt.binary else {"encoding": "utf-8"})) as fp:
    n = fmt.write(store, fp, None)
print(json.dumps({"seconds": time.perf_counter() - t, "claims": n,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def measure(db: Path, fmt: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp, f"export.{fmt}")
        r = subprocess.run([sys.executable, "-c", CHILD, str(db), fmt, str(out)], capture_output=True, text=True,
                           check=True, cwd=ROOT)
        figures: dict[str, float] = json.loads(r.stdout.strip().splitlines()[-1])
        figures["size_mb"] = out.stat().st_size / 1e6
        return figures


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from orgline.export import FORMATS
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--baseline-claims", type=int, default=1_000)
    ap.add_argument("--formats", default=",".join(FORMATS))
    args = ap.parse_args()
    small, large = build(args.baseline_claims), build(args.claims)
    print(f"  {'format':<16} {'1k: s':>7} {'peak MB':>8} {'100k: s':>8} {'claims':>8} {'MB out':>7} {'peak MB':>8} {'peak ratio':>10}")
    for fmt in args.formats.split(","):
        a, b = measure(small, fmt), measure(large, fmt)
        print(f"  {fmt:<16} {a['seconds']:>7.2f} {a['peak_mb']:>8.0f} {b['seconds']:>8.1f} {b['claims']:>8.0f} "
              f"{b['size_mb']:>7.1f} {b['peak_mb']:>8.0f} {b['peak_mb'] / a['peak_mb']:>9.2f}x")


if __name__ == "__main__":
    main()
