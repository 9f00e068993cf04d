"""`orgline eval`: the matching rules by constructed cases, then the command end to end."""
from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from orgline.cli import app
from orgline.evaluation import GoldDoc, date_fits, gold_name, score

runner = CliRunner()


def ent(key: str, *names: str) -> dict:
    return {"id": key, "kind": "org", "label": names[0], "names": list(names)}


GUILD, FED, PRESS = ent("e1", "Weavers Guild", "WG"), ent("e2", "Textile Federation"), ent("e3", "Loom Press")
DOC = GoldDoc("d1", "(text not read here)",
              {"wg": {"weavers guild", "wg"}, "tf": {"textile federation"}, "lp": {"loom press"}},
              [{"type": "founded", "subject": "wg", "date": "1958"},
               {"type": "worked_with", "subject": "tf", "object": "wg"},
               {"type": "merged", "subject": "wg", "object": "lp", "date": "1970"},
               {"type": "member_of", "subject": "wg", "object": "tf", "optional": True},
               {"type": "named", "subject": "wg", "value": ["Weavers Guild", "WG"], "date": "1958"}])


def test_claims_match_by_entity_names_roles_and_dates() -> None:
    predicted = [
        {"type": "founded", "subject": GUILD, "date": "1958-21"},  # a season within the year
        {"type": "worked_with", "subject": GUILD, "object": FED},  # symmetric: either way round
        {"type": "merged", "subject": GUILD, "object": FED, "result": PRESS, "date": "1970"},
        {"type": "member_of", "subject": GUILD, "object": FED},  # optional: neither gain nor cost
        {"type": "named", "subject": GUILD, "value": "WG", "date": "1958"},
        {"type": "dissolved", "subject": GUILD, "date": "1990"},  # not in the gold: a false positive
    ]
    report = score([DOC], {"d1": predicted})
    assert (report["strict"]["tp"], report["strict"]["fp"], report["strict"]["fn"]) == (4, 1, 0)
    late = score([DOC], {"d1": [{"type": "founded", "subject": GUILD, "date": "1959"}]})
    assert late["strict"]["tp"] == 0 and late["no_dates"]["tp"] == 1


def test_an_entity_that_swallows_two_matches_neither() -> None:
    both = ent("e9", "Weavers Guild", "Textile Federation")
    report = score([DOC], {"d1": [{"type": "founded", "subject": both, "date": "1958"}]})
    assert report["strict"]["tp"] == 0 and report["strict"]["fp"] == 1


def test_names_and_dates_as_gold_files_read_them() -> None:
    assert gold_name("The M.K.T.C.") == "mktc" and gold_name("Front patriote-Mouvement") == "front patriote mouvement"
    assert date_fits("1994-05", "1994-05-12") and not date_fits("1994-05", "1994")
    assert date_fits(None, "anything") and not date_fits("1990", "../1990")


GOLD = [
    {"id": "weavers", "text": "The Weavers Guild (WG) was founded in Bradford in 1958. In 1963 "
     "the guild joined the Textile Federation.",
     "entities": {"wg": {"kind": "org", "names": ["Weavers Guild", "WG"]},
                  "tf": {"kind": "org", "names": ["Textile Federation"]},
                  "bradford": {"kind": "place", "names": ["Bradford"]}},
     "facts": [{"type": "founded", "subject": "wg", "date": "1958"},
               {"type": "location", "subject": "wg", "object": "bradford"},
               {"type": "member_of", "subject": "wg", "object": "tf", "date": "1963"}]},
    {"id": "press", "text": "The Loom Press was dissolved in 1990.",
     "entities": {"lp": {"kind": "org", "names": ["Loom Press"]}},
     "facts": [{"type": "dissolved", "subject": "lp", "date": "1990"}]},
]


def test_eval_command_reads_the_gold_documents_and_scores_them(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(d) + "\n" for d in GOLD), encoding="utf-8")
    fresh = runner.invoke(app, ["--db", str(tmp_path / "unused.db"), "eval", str(gold), "--json"])
    assert fresh.exit_code == 0, fresh.output
    report = json.loads(fresh.stdout)
    assert report["documents"] == 2 and report["strict"]["tp"] == 4 and report["strict"]["fn"] == 0
    assert set(report["strict"]["per_type"]) >= {"founded", "member_of", "dissolved", "location"}

    docs = tmp_path / "docs"
    docs.mkdir()
    for d in GOLD:  # stored under other file names: matched by their text
        (docs / f"copy-of-{d['id']}.txt").write_text(d["text"], encoding="utf-8")
    db = str(tmp_path / "mine.db")
    assert runner.invoke(app, ["--db", db, "ingest", str(docs)]).exit_code == 0
    stored = json.loads(runner.invoke(app, ["--db", db, "eval", str(gold), "--use-db", "--json"]).stdout)
    assert stored["strict"] == report["strict"]
    table = runner.invoke(app, ["--db", db, "eval", str(gold), "--use-db"])
    assert "member_of" in table.stdout and "F1" in table.stdout


def test_a_bad_gold_file_is_a_one_line_error(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "x", "text": "no entities"}\n', encoding="utf-8")
    r = runner.invoke(app, ["--db", str(tmp_path / "x.db"), "eval", str(gold)])
    assert r.exit_code == 2 and "gold.jsonl" in r.output and "line 1" in r.output
