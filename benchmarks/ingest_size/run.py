"""Ingest time and peak memory by document size: 25k, 100k, 400k and 1M characters, in
two shapes, against the 25k document of the same shape (the baseline, measured in the
same run).

Usage (from the repository root, after the README's setup):

    .venv/bin/python benchmarks/ingest_size/run.py [--sizes 25000,100000,400000,1000000] [--shapes paragraphs,sentence]

Shapes (generated, seeded, so every run reads the same text):
- ``paragraphs``: histories of made-up organizations, a few sentences a paragraph, blank
  lines between paragraphs; names vary, so the document has many bodies;
- ``sentence``: one sentence, clauses joined by commas and "and", with no full stop
  until the end (the case where the parser's and the rules' cost grew quadratically).

Each document is written to a temporary file and ingested by ``orgline ingest``'s code
(``Project.ingest``: read, extract, store on SQLite) in a fresh process, after loading
the pipeline and reading one sentence with it. Printed: wall and CPU seconds (the process's own, which other work on the
machine disturbs less), CPU seconds per 100k characters and its ratio to the 25k figure
(linear means near 1x; the target is within 1.5x), claims stored, the process's
peak resident memory, and that peak less the resident memory once the pipeline was
loaded (what the document itself cost).
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PLACES = ("Kelmouth Ardley Brackwater Saltmarsh Ironvale Copperton Eastmoor Thornbury Glenrock "
          "Fairport Millbank Oakmere Redcliff Larkspur Windmere Ashford Highcross Coldharbour").split()
TRADES = ("Net Menders,Rope Makers,Tram Drivers,Lamp Lighters,Cheese Makers,Bell Founders,"
          "Glass Blowers,Chair Menders,Sail Makers,Wheelwrights,Bookbinders,Coopers").split(",")
BODIES = "Union League Guild Society Federation Association Alliance Council".split()
PEOPLE = ("Ada Mornay,Tobias Quell,Iris Fenwick,Osric Dale,Mina Harrow,Jonas Pell,Ruth Calder,"
          "Elias Brant").split(",")


def _org(rng: random.Random) -> tuple[str, str]:
    name = f"{rng.choice(PLACES)} {rng.choice(TRADES)} {rng.choice(BODIES)}"
    return name, "".join(w[0] for w in name.split())


def paragraph(rng: random.Random) -> str:
    """A made-up history: a founding with an acronym, a renaming or merger, an end."""
    (a, short), (b, _), (c, _) = _org(rng), _org(rng), _org(rng)
    y = rng.randint(1890, 1960)
    return (f"The {a} ({short}) was founded in {y} in {rng.choice(PLACES)} by {rng.choice(PEOPLE)}. "
            f"In {y + rng.randint(3, 15)} the {short} merged with the {b} to form the {c}. "
            f"The {c.split()[-1].lower()} was based in {rng.choice(PLACES)} and published a paper, "
            f"\"The {rng.choice(PLACES)} Herald\", until it was dissolved in {y + rng.randint(20, 40)}.")


def clause(rng: random.Random) -> str:
    (a, _), (b, _) = _org(rng), _org(rng)
    y = rng.randint(1890, 1960)
    return f"the {a}, founded in {y} in {rng.choice(PLACES)}, merged with the {b} in {y + rng.randint(3, 15)}"


def document(shape: str, size: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    if shape == "paragraphs":
        parts, n, sep = [], 0, "\n\n"
        while n < size:
            parts.append(paragraph(rng))
            n += len(parts[-1]) + len(sep)
        return sep.join(parts) + "\n"
    parts, n, sep = [], 0, ", and "
    while n < size:
        parts.append(clause(rng))
        n += len(parts[-1]) + len(sep)
    return "In the years that followed, " + sep.join(parts) + ".\n"


CHILD = """
import json, resource, sys, time
from orgline.model import Source
from orgline.nlp import extract
from orgline.project import Project
extract(Source(text="The Ardley Union was founded in 1901.", origin="warm-up"))  # loads the pipeline
rss_loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
project = Project(sys.argv[2])
t, cpu = time.perf_counter(), time.process_time()
report = project.ingest([sys.argv[1]])
seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
claims = project.store.engine.connect().exec_driver_sql("select count(*) from claims").scalar()
print(json.dumps({"seconds": seconds, "cpu": cpu, "stored": len(report.stored), "failed": [str(e) for e in report.failed],
                  "claims": claims, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "loaded_mb": rss_loaded}))
"""


def measure(shape: str, size: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="orgline-size-") as tmp:
        doc = Path(tmp, f"{shape}-{size}.txt")
        doc.write_text(document(shape, size), encoding="utf-8")
        r = subprocess.run([sys.executable, "-c", CHILD, str(doc), str(Path(tmp, "store.db"))],
                           capture_output=True, text=True, cwd=ROOT)
        if r.returncode != 0:
            raise SystemExit(f"{shape} {size}: ingest process failed:\n{r.stderr[-2000:]}")
        figures: dict[str, float] = json.loads(r.stdout.strip().splitlines()[-1])
        figures["chars"] = len(doc.read_text(encoding="utf-8"))
        return figures


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="25000,100000,400000,1000000")
    ap.add_argument("--shapes", default="paragraphs,sentence")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"  {'shape':<11} {'chars':>9} {'wall s':>7} {'cpu s':>7} {'cpu s/100k':>10} {'ratio':>6} "
          f"{'claims':>7} {'peak MB':>8} {'doc MB':>7}")
    for shape in args.shapes.split(","):
        base = None
        for size in sizes:
            f = measure(shape, size)
            per = f["cpu"] / f["chars"] * 100_000
            base = base or per
            print(f"  {shape:<11} {f['chars']:>9,.0f} {f['seconds']:>7.1f} {f['cpu']:>7.1f} {per:>10.2f} "
                  f"{per / base:>5.2f}x "
                  f"{f['claims']:>7.0f} {f['peak_mb']:>8.0f} {f['peak_mb'] - f['loaded_mb']:>7.0f}"
                  + (f"  FAILED: {f['failed']}" if f["failed"] else ""), flush=True)


if __name__ == "__main__":
    main()
