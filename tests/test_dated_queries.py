"""Dates end to end: claims take their own clause's date, and queries compare intervals."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from orgline.cli import app

# Two fictional organizations, dated every way the claims need.
GUILDS = """The Orchard Workers Guild (OWG) was founded in Hereford in 1952. The guild changed \
its name to the Marches Growers Union in 1960. From 1961 to 1968 the union was based in \
Leominster. On its tenth anniversary the union joined the Farm Labour Federation. The Marches \
Growers Union was dissolved in 1979.

The Cider Pressers Association was founded in Ledbury in 1981. Two years later it joined the \
Farm Labour Federation.
"""
runner = CliRunner()


def _json(db: str, *args: str) -> list[dict]:
    r = runner.invoke(app, ["--db", db, *args, "--json"])
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("dated")
    (folder / "guilds.txt").write_text(GUILDS, encoding="utf-8")
    path = str(folder / "dated.db")
    assert runner.invoke(app, ["--db", path, "ingest", str(folder / "guilds.txt")]).exit_code == 0
    return path


def test_claims_take_their_own_dates(db: str) -> None:
    rows = {(r["type"], r["object"] or r["value"]): (r["date"], r["end"])
            for r in _json(db, "timeline", "OWG")}
    assert rows[("location", "Leominster")] == ("1961", "1968")  # "from 1961 to 1968"
    assert rows[("member_of", "Farm Labour Federation")] == ("1962", None)  # tenth anniversary
    assert rows[("named", "Marches Growers Union")] == ("1960", None)
    later = {r["type"]: r["date"] for r in _json(db, "timeline", "Cider Pressers Association")}
    assert later["member_of"] == "1983"  # "two years later", anchored to 1981


@pytest.mark.parametrize("when,alive", [
    ("1955", ["Marches Growers Union"]),
    ("1985", ["Cider Pressers Association"]),
    ("196X", ["Marches Growers Union"]),
    ("1979/1981", ["Cider Pressers Association", "Marches Growers Union"]),
    ("1980", []),
])
def test_entities_existed_in_compares_intervals(db: str, when: str, alive: list[str]) -> None:
    assert sorted(r["label"] for r in _json(db, "entities", "--existed-in", when)) == alive


def test_timeline_from_to_keeps_overlapping_claims(db: str) -> None:
    rows = _json(db, "timeline", "OWG", "--from", "1962", "--to", "1970")
    # the Leominster years (1961 to 1968) overlap the range though they began before it
    assert {(r["type"], r["date"]) for r in rows} == {("location", "1961"), ("member_of", "1962")}


def test_names_at_a_decade(db: str) -> None:
    rows = _json(db, "names", "Orchard Workers Guild", "--at", "196X")
    assert [(r["valid_from"], r["valid_to"]) for r in rows] == [("1952", "1960")]
    assert _json(db, "names", "Orchard Workers Guild", "--at", "1970/1975") == []


@pytest.mark.parametrize("args", [["timeline", "OWG", "--from", "19x"],
                                  ["entities", "--existed-in", "the sixties"],
                                  ["names", "OWG", "--at", "1983-13"]])
def test_a_bad_date_is_a_one_line_error(db: str, args: list[str]) -> None:
    r = runner.invoke(app, ["--db", db, *args])
    assert r.exit_code == 5 and "is not an EDTF date" in r.output
    assert len(r.output.strip().splitlines()) == 1


def test_claims_min_confidence_keeps_the_surest_drafts(db: str) -> None:
    every = _json(db, "claims", "OWG")
    sure = _json(db, "claims", "OWG", "--min-confidence", "0.8")
    assert sure and len(sure) < len(every)
    assert all(r["confidence"] >= 0.8 for r in sure)
    r = runner.invoke(app, ["--db", db, "claims", "OWG", "--min-confidence", "7"])
    assert r.exit_code == 5 and "between 0 and 1" in r.output
