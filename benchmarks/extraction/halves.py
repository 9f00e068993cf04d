"""Split a gold file by the parity of each document's number (``rdev-042`` is even), so
that one half can be read and tuned on while the other is only ever scored.

    python benchmarks/extraction/halves.py ../shared/eval/external/redocred-dev.jsonl OUT_DIR
    ../shared/eval/run.sh OUT_DIR/even.jsonl rd-even --types founded,dissolved,founded_by,location,parent_org,member_of,formed_from

The number is the document's index in Re-DocRED's own dev file, so the halves do not move
when documents are added to or dropped from the converted set.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path


def half(doc_id: str) -> str:
    """'even' or 'odd', by the last number in the id."""
    numbers = re.findall(r"\d+", doc_id)
    if not numbers:
        raise SystemExit(f"{doc_id!r}: no number in the document id to split by")
    return "even" if int(numbers[-1]) % 2 == 0 else "odd"


def main(gold: str, out_dir: str) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    files = {name: (out / f"{name}.jsonl").open("w", encoding="utf-8") for name in ("even", "odd")}
    counts = dict.fromkeys(files, 0)
    for line in Path(gold).read_text(encoding="utf-8").splitlines():
        if line.strip():
            name = half(json.loads(line)["id"])
            files[name].write(line + "\n")
            counts[name] += 1
    for f in files.values():
        f.close()
    print(f"even {counts['even']} documents, odd {counts['odd']}: {out}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
