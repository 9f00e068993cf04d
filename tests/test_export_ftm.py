"""The FollowTheMoney export, read back with the followthemoney library: every entity is
valid for its schema, every reference points at an entity in the file of the schema the
property asks for, and the bodies and links say what the texts say."""
from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from followthemoney import model
from typer.testing import CliRunner

from orgline.cli import app
from orgline.export import EXTRAS, Selection
from orgline.export.ftm import ftm_date
from orgline.project import Project

GUILD = ("The Riverside Printers Guild (RPG) was founded in Leeds in 1921. In 1948 a group of members "
         "left the RPG and formed the Northern Typographers Union. The Northern Typographers Union "
         "merged into the Graphic Trades Alliance in 1969.")
KILN = ("The Kiln Workers Society was founded in Stoke in 1930. It joined the Graphic Trades Alliance in 1952. "
        "The Kiln Workers Society never joined the Potters League. According to the Potters League, the Kiln "
        "Workers Society was founded in 1928. The society was dissolved in May 1975. Its newsletter, The Kiln "
        "Bell, was published by the Kiln Workers Society from 1934.")


@pytest.fixture
def filled(project: Project, write) -> Project:  # type: ignore[no-untyped-def]
    assert not project.ingest([write("guild.txt", GUILD), write("kiln.txt", KILN)]).failed
    return project


def _entities(project: Project, selection: Selection | None = None) -> dict[str, Any]:
    """The export read back as proxies, after checking each one as the library would."""
    buf = io.StringIO()
    n = project.export("ftm", buf, selection)
    rows = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert len(rows) == n
    proxies = {}
    for row in rows:
        schema = model.get(row["schema"])
        assert schema is not None and not schema.abstract, row
        schema.validate(row)  # raises InvalidData on a value its type cannot hold
        proxy = model.get_proxy(row, cleaned=False)
        for required in schema.required:
            assert proxy.get(required), f"{row['id']} lacks {required}"
        assert row["id"] not in proxies
        proxies[row["id"]] = proxy
    for proxy in proxies.values():  # references resolve, to an entity of the range the property asks for
        for prop, value in proxy.itervalues():
            if prop.type.name == "entity":
                assert value in proxies, f"{proxy.id}.{prop.name} -> {value}"
                assert proxies[value].schema.is_a(prop.range), f"{proxy.id}.{prop.name} is a {proxies[value].schema}"
    return proxies


def _by_name(proxies: dict[str, Any], name: str) -> Any:
    return next(p for p in proxies.values() if name in p.get("name"))


def _links(proxies: dict[str, Any], schema: str) -> list[Any]:
    return [p for p in proxies.values() if p.schema.name == schema]


def test_ftm_entities_are_valid_and_say_what_the_texts_say(filled: Project) -> None:
    proxies = _entities(filled)
    rpg = _by_name(proxies, "Riverside Printers Guild")
    assert rpg.schema.name == "Organization"
    assert rpg.get("abbreviation") == ["RPG"] and rpg.get("incorporationDate") == ["1921"]
    kiln = _by_name(proxies, "Kiln Workers Society")
    # its own founding date, not the one another body gives; the month of its end kept
    assert kiln.get("incorporationDate") == ["1930"] and kiln.get("dissolutionDate") == ["1975-05"]
    assert kiln.get("address") == ["Stoke"]
    gta, ntu = _by_name(proxies, "Graphic Trades Alliance"), _by_name(proxies, "Northern Typographers Union")
    [membership] = _links(proxies, "Membership")  # "never joined the Potters League" is not one
    assert membership.get("member") == [kiln.id] and membership.get("organization") == [gta.id]
    assert membership.get("startDate") == ["1952"]
    assert "joined the Graphic Trades Alliance" in membership.first("description")
    links = {(p.first("subject"), p.first("role"), p.first("object")): p for p in _links(proxies, "UnknownLink")}
    assert links[(ntu.id, "split from", rpg.id)].get("date") == ["1948"]
    assert links[(ntu.id, "merged into", gta.id)].get("date") == ["1969"]
    [authorship] = _links(proxies, "Documentation")
    bell = proxies[authorship.first("document")]
    assert bell.schema.is_a("Document") and bell.get("title") == ["Kiln Bell"]
    assert authorship.get("entity") == [kiln.id] and authorship.get("role") == ["author"]
    assert all(p.first("summary").startswith("from ") and p.first("summary").endswith(".txt")
               for p in _links(proxies, "UnknownLink"))


def test_ftm_selection_writes_only_what_its_claims_name(filled: Project) -> None:
    proxies = _entities(filled, Selection(entity="Kiln Workers Society", types=["member_of"]))
    assert sorted(p.caption for p in proxies.values() if p.schema.name == "Organization") == [
        "Graphic Trades Alliance", "Kiln Workers Society", "Potters League"]
    assert [p.schema.name for p in proxies.values() if not p.schema.is_a("Organization")] == ["Membership"]
    assert not _by_name(proxies, "Kiln Workers Society").get("incorporationDate")  # not a membership
    founded = _entities(filled, Selection(types=["founded"], date_to="1925"))
    assert [(p.caption, p.get("incorporationDate")) for p in founded.values()] == [
        ("Riverside Printers Guild", ["1921"])]


def test_ftm_rejected_claims_leave(filled: Project) -> None:
    membership = _links(_entities(filled), "Membership")[0]
    filled.reject(int(membership.id.rsplit("-", 1)[1]), "ana")
    assert not _links(_entities(filled), "Membership")


def test_ftm_without_its_library_is_refused_before_a_file_is_opened(filled: Project, db: str, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "entities.ftm.json"
    r = CliRunner().invoke(app, ["--db", db, "export", "--format", "ftm", "--output", str(out)])
    assert r.exit_code == 0 and "entities written" in r.output and out.stat().st_size
    out.unlink()
    monkeypatch.setitem(EXTRAS, "ftm", "orgline_not_installed")  # as if the extra were missing
    r = CliRunner().invoke(app, ["--db", db, "export", "--format", "ftm", "--output", str(out)])
    assert r.exit_code == 1 and "requirements/ftm.lock" in r.output and not out.exists()
    assert "'orgline[ftm]'" in r.output  # printed as written, not read as console markup


@pytest.mark.parametrize("edtf,expected", [("1921", "1921"), ("1994-05", "1994-05"), ("1994-05-12", "1994-05-12"),
                                           ("1921~", "1921"), ("1921?", None), ("1994-21", None), ("199X", None),
                                           ("1990/1995", None), (None, None)])
def test_ftm_dates_say_only_what_a_date_prefix_can(edtf: str | None, expected: str | None) -> None:
    assert ftm_date(edtf) == expected
