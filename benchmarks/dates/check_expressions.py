"""Validate the gold temporal-expression set in ``expressions.jsonl``.

Why: the file is hand-written and benchmarks date normalizers (orgline's own,
HeidelTime, dateparser) by exact span and exact EDTF value. A single wrong
offset or malformed EDTF string would silently count as a normalizer error, so
this check must pass before any benchmark numbers are trusted.

Checks: one JSON object per line, unique ids, a known ``form``, offsets that
match the ``text`` field, timexes in order and non-overlapping, every ``edtf``
value parseable by ``edtf.parse_edtf``. Prints item counts per form and the
total number of gold expressions; exits 1 with a message on the first problem.

Usage: .venv/bin/python benchmarks/dates/check_expressions.py [path]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any, NoReturn

from edtf import parse_edtf

DEFAULT_PATH = Path(__file__).with_name("expressions.jsonl")

FORMS: frozenset[str] = frozenset(
    {
        "full_date", "month_year", "year", "season", "decade", "century",
        "part_decade", "part_century", "part_year", "approximate", "uncertain",
        "interval", "open_interval", "relative", "anniversary", "negative",
    }
)
ITEM_KEYS = {"id", "form", "text", "timexes"}
TIMEX_KEYS = {"start", "end", "text", "edtf"}


def fail(where: str, message: str) -> NoReturn:
    """Print the first problem found and exit with status 1."""
    print(f"{where}: {message}", file=sys.stderr)
    sys.exit(1)


def check_timexes(where: str, text: str, timexes: Any) -> int:
    """Validate one item's timex list; return how many timexes it holds."""
    if not isinstance(timexes, list):
        fail(where, "'timexes' must be a list")
    previous_end = 0
    for n, timex in enumerate(timexes):
        at = f"{where} timex {n}"
        if not isinstance(timex, dict) or set(timex) != TIMEX_KEYS:
            fail(at, f"expected exactly the keys {sorted(TIMEX_KEYS)}")
        start, end = timex["start"], timex["end"]
        if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool):
            fail(at, "start and end must be integers")
        if not 0 <= start < end <= len(text):
            fail(at, f"offsets {start}:{end} out of range for text of length {len(text)}")
        if text[start:end] != timex["text"]:
            fail(at, f"text[{start}:{end}] is {text[start:end]!r}, not {timex['text']!r}")
        if start < previous_end:
            fail(at, "timexes out of order or overlapping")
        previous_end = end
        value = timex["edtf"]
        if not isinstance(value, str) or not value:
            fail(at, "edtf must be a non-empty string")
        try:
            parse_edtf(value)
        except Exception as exc:  # edtf raises several exception types
            fail(at, f"edtf {value!r} does not parse: {exc}")
    return len(timexes)


def check_file(path: Path) -> tuple[Counter[str], Counter[str], int]:
    """Validate every line; return item counts, expression counts per form, total."""
    seen_ids: set[str] = set()
    items: Counter[str] = Counter()
    expressions: Counter[str] = Counter()
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            where = f"{path.name}:{lineno}"
            if not line.strip():
                fail(where, "blank line")
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                fail(where, f"invalid JSON: {exc}")
            if not isinstance(item, dict) or set(item) != ITEM_KEYS:
                fail(where, f"expected exactly the keys {sorted(ITEM_KEYS)}")
            item_id, form, text = item["id"], item["form"], item["text"]
            where = f"{where} ({item_id})"
            if not isinstance(item_id, str) or item_id in seen_ids:
                fail(where, "id missing or duplicated")
            seen_ids.add(item_id)
            if form not in FORMS:
                fail(where, f"unknown form {form!r}")
            if not isinstance(text, str) or not text.strip():
                fail(where, "text must be a non-empty string")
            items[form] += 1
            expressions[form] += check_timexes(where, text, item["timexes"])
    if not seen_ids:
        fail(str(path), "no items")
    return items, expressions, sum(expressions.values())


def main(argv: list[str]) -> int:
    """Run the checks and print a per-form summary."""
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT_PATH
    if not path.is_file():
        fail(str(path), "file not found")
    items, expressions, total = check_file(path)
    print(f"{'form':<15}{'items':>7}{'timexes':>9}")
    for form in sorted(items):
        print(f"{form:<15}{items[form]:>7}{expressions[form]:>9}")
    print(f"{'total':<15}{sum(items.values()):>7}{total:>9}")
    print(f"OK: {sum(items.values())} items, {total} gold expressions")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
