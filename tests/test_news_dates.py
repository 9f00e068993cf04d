"""Dates in dated sources (news, minutes, letters): expressions read against the source's
own date, where that date comes from, and the claims and commands that use it. Every
sentence is written for these tests."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from orgline.cli import app
from orgline.ingest import read_document
from orgline.ingest.dating import date_of
from orgline.nlp.dates import dateline, read_dateline
from orgline.nlp.timex import find, source_day

runner = CliRunner()


def values(text: str, dct: str | None = None) -> list[tuple[str, str]]:
    return [(t.text, t.edtf) for t in find(text, dct=dct)]


# -- the source's date anchors deictic expressions ---------------------------------------

# 2013-03-22 is a Friday.
DEICTIC = [
    ("The co-operative closed its last shop yesterday.", [("yesterday", "2013-03-21")]),
    ("The board meets today and again tomorrow.", [("today", "2013-03-22"), ("tomorrow", "2013-03-23")]),
    ("The branch was opened last year by the regional council.", [("last year", "2012")]),
    ("Membership fell this year.", [("this year", "2013")]),
    ("The federation will hold its congress next year.", [("next year", "2014")]),
    ("The hospital trust merged with its neighbour last month.", [("last month", "2013-02")]),
    ("Earlier this month the choir changed its name.", [("Earlier this month", "2013-03")]),
    ("The airline was sold three years ago.", [("three years ago", "2010")]),
    ("The school was founded a century ago? No: two decades ago.", [("two decades ago", "1993")]),
    ("Two months ago the league expelled the club.", [("Two months ago", "2013-01")]),
    ("The strike ended last week.", [("last week", "2013-03-11/2013-03-17")]),
    ("The parish council met this weekend.", [("this weekend", "2013-03-23/2013-03-24")]),
    ("Deposits rose in the last quarter.", [("last quarter", "2012-36")]),
    ("The society expects a loss by year-end.", [("by year-end", "../2013-12")]),
]


@pytest.mark.parametrize("text,expected", DEICTIC)
def test_deictic_expressions_read_against_the_source_date(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text, "2013-03-22") == expected


@pytest.mark.parametrize("text,expected", DEICTIC)
def test_deictic_expressions_are_left_out_without_a_source_date(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == []


def test_a_bare_weekday_is_the_nearest_one_in_the_tense_of_its_clause() -> None:
    # 2013-03-20 is a Wednesday
    assert values("The guild's secretary resigned on Monday.", "2013-03-20") == [("Monday", "2013-03-18")]
    assert values("The union said Friday that talks had failed.", "2013-03-20") == [("Friday", "2013-03-15")]
    assert values("The bank will announce the sale on Friday.", "2013-03-20") == [("Friday", "2013-03-22")]
    assert values("The vote is scheduled for Tuesday.", "2013-03-20") == [("Tuesday", "2013-03-26")]
    assert values("The band played its last concert last Wednesday.", "2013-03-20") == [
        ("last Wednesday", "2013-03-13")]
    assert values("The club meets next Monday.", "2013-03-20") == [("next Monday", "2013-03-25")]


def test_a_month_without_a_year_is_the_nearest_one() -> None:
    # a report of November 1989: "Dec. 7" to come, "in March" gone by
    assert values("The dividend is payable Dec. 7 to holders of record.", "1989-11-02") == [("Dec. 7", "1989-12-07")]
    assert values("The firm bought the mill in March.", "1989-11-02") == [("March", "1989-03")]
    assert values("The dairy will open a plant in January.", "1989-11-02") == [("January", "1990-01")]
    assert values("The charity moved to Leeds on Oct. 30.", "1989-11-02") == [("Oct. 30", "1989-10-30")]


def test_last_and_next_month_names_never_mean_this_one() -> None:
    assert values("The party was founded last May.", "2013-05-20") == [("last May", "2012-05")]
    assert values("The party split last May.", "2013-09-01") == [("last May", "2013-05")]
    assert values("The order will elect a prior next March.", "2013-03-22") == [("next March", "2014-03")]


def test_a_history_keeps_its_own_year_for_a_bare_month() -> None:
    """A history published in 2013 telling of 1901: "in March" is 1901's."""
    text = "The guild was founded in 1901. In March it held its first congress."
    assert values(text, "2013-03-22") == [("1901", "1901"), ("March", "1901-03")]
    news = "The union was founded in 1994. On Friday it struck again."
    assert values(news, "2013-03-20")[1] == ("Friday", "2013-03-15")  # back in the week of the report


def test_quarters_are_edtf_33_to_36() -> None:
    assert values("Profit rose in the third quarter of 1998.") == [("the third quarter of 1998", "1998-35")]
    assert values("The bank charged $4 million in the 1988 second quarter.") == [
        ("the 1988 second quarter", "1988-34")]
    # with no year: the latest such quarter begun by the report's date
    assert values("The brewery reported a third-quarter loss.", "1989-10-30") == [("third-quarter", "1989-35")]
    assert values("The brewery reported a fourth-quarter loss.", "1990-02-01") == [("fourth-quarter", "1989-36")]
    assert values("The brewery reported a third-quarter loss.") == []


def test_forms_that_were_misread_or_missed() -> None:
    assert values("By the mid-1990s the federation had folded.") == [("By the mid-1990s", "../1996")]
    assert values("By the 1990s the federation had folded.") == [("By the 1990s", "../1999")]
    assert values("Since the 1960s the guild has met in Ostby.") == [("Since the 1960s", "1960/..")]
    assert values("Guilds of the 14th Century kept no lists.") == [("the 14th Century", "13XX")]
    assert values("The mutual was formed at the turn of the 20th century.") == [
        ("the turn of the 20th century", "1895/1905")]
    assert values("The union grew in 1897 and split at the turn of the century.")[1] == (
        "the turn of the century", "1895/1905")


def test_spoken_years_and_year_ago_adjectives() -> None:
    """Broadcast transcripts write years out; business news says "year-ago"."""
    assert values("The choir was formed in nineteen ninety-six and disbanded in January "
                  "nineteen ninety-nine.") == [("nineteen ninety-six", "1996"),
                                                ("January nineteen ninety-nine", "1999-01")]
    assert values("The mill opened in eighteen oh-five.") == [("eighteen oh-five", "1805")]
    assert values("The year-ago results of the co-operative were restated.", "1989-11-02") == [
        ("The year-ago", "1988")]
    assert values("The year-ago results of the co-operative were restated.") == []


def test_the_year_in_a_report_is_its_own_unless_the_sentence_gives_another() -> None:
    assert values("For the year, the building society lent more.", "1989-11-02") == [("the year", "1989")]
    assert values("In 1985 the society lent more than in any other month of the year.",
                  "1989-11-02") == [("1985", "1985"), ("the year", "1985")]


def test_now_and_the_past_are_not_calendar_dates() -> None:
    assert values("The society now has 300 members and in the past had more.", "2013-03-22") == []


def test_a_source_dated_to_the_month_or_year_places_what_it_can() -> None:
    text = "The union merged last year and split last month; it met yesterday."
    assert values(text, "2013-03") == [("last year", "2012"), ("last month", "2013-02")]
    assert values(text, "2013") == [("last year", "2012")]


def test_source_day_takes_iso_days_and_timestamps_only() -> None:
    assert source_day("2013-03-22T10:05:00Z") == "2013-03-22"
    assert source_day("20130322") == "2013-03-22"
    assert source_day("2013-03") is None
    assert source_day("2013-02-30") is None


# -- where a source's date comes from ---------------------------------------------------

def test_datelines() -> None:
    assert read_dateline("LEEDS, March 22, 2013 - The union said") == ("2013-03-22", 24)
    assert dateline("WASHINGTON (AP) Mar. 22, 2013 -- Officials of the league") == "2013-03-22"
    assert dateline("22 March 2013\n\nThe union said yesterday it would strike.") == "2013-03-22"
    assert dateline("Date: 2013-03-22\nMinutes of the committee") == "2013-03-22"
    # a history's first sentence or a chronology line is no dateline
    assert dateline("The union was founded on 3 May 1901 in Leeds.") is None
    assert dateline("3 May 1901 union founded in Leeds") is None
    assert dateline("1901 - Founded") is None


def test_html_metadata_gives_the_page_its_date(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(
        '<html><head><title>Guild closes</title>'
        '<meta property="article:published_time" content="2013-03-22T09:00:00Z"></head>'
        "<body><article><p>The Leeds Bakers' Guild was dissolved yesterday after 112 years, "
        "its secretary said. The guild had moved to Otley last May.</p></article></body></html>",
        encoding="utf-8")
    assert read_document(page).date == "2013-03-22"
    ld = tmp_path / "ld.html"
    ld.write_text('<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
                  '"datePublished": "2011-06-30"}</script></head><body><p>The choir of St Anne was '
                  "founded yesterday by twelve singers from the parish.</p></body></html>", encoding="utf-8")
    assert read_document(ld).date == "2011-06-30"


def test_markdown_front_matter_and_pdf_metadata() -> None:
    md = b"---\ntitle: Minutes\ndate: 2004-11-09\n---\n\nThe committee met yesterday."
    assert date_of(".md", md, "The committee met yesterday.") == "2004-11-09"
    from pypdf import PdfWriter
    w = PdfWriter()
    w.add_blank_page(width=200, height=200)
    w.add_metadata({"/CreationDate": "D:20070315093000Z"})
    buf = io.BytesIO()
    w.write(buf)
    assert date_of(".pdf", buf.getvalue(), "") == "2007-03-15"
    assert date_of(".txt", b"The union met.", "The union met.") is None


# -- claims and commands ----------------------------------------------------------------

NEWS = ("OTLEY, 22 March 2013 - The Wharfedale Bakers' Guild was dissolved yesterday, its "
        "secretary said. The guild was founded three years ago.")


def test_claims_dated_by_deictic_expressions(tmp_path: Path) -> None:
    story = tmp_path / "guild.txt"
    story.write_text(NEWS, encoding="utf-8")
    db = str(tmp_path / "o.db")
    assert runner.invoke(app, ["--db", db, "ingest", str(story)]).exit_code == 0
    out = tmp_path / "facts.jsonl"
    assert runner.invoke(app, ["--db", db, "export", "--format", "facts", "--output", str(out)]).exit_code == 0
    facts = [json.loads(line) for line in out.read_text().splitlines()]
    got = {(f["type"], f["subject"]["label"], f["date"]) for f in facts}
    assert ("dissolved", "Wharfedale Bakers' Guild", "2013-03-21") in got
    assert ("founded", "Wharfedale Bakers' Guild", "2010") in got
    assert all(f["subject"]["label"] != "OTLEY" for f in facts)  # the dateline's town is no subject
    assert {f["source_date"] for f in facts} == {"2013-03-22"}
    # the user corrects the date: the claims move with it
    r = runner.invoke(app, ["--db", db, "review", "source-date", "guild.txt", "2014-01-10"])
    assert r.exit_code == 0, r.output
    rows = json.loads(runner.invoke(app, ["--db", db, "claims", "Wharfedale Bakers' Guild", "--json"]).stdout)
    assert {(x["type"], x["date"]) for x in rows} >= {("dissolved", "2014-01-09"), ("founded", "2011")}
    sources = json.loads(runner.invoke(app, ["--db", db, "sources", "--json"]).stdout)
    assert sources[0]["date"] == "2014-01-10"


def test_ingest_date_option_and_its_errors(tmp_path: Path) -> None:
    story = tmp_path / "minutes.txt"
    story.write_text("The Ilkley Rowing Club was wound up yesterday.", encoding="utf-8")
    db = str(tmp_path / "o.db")
    bad = runner.invoke(app, ["--db", db, "ingest", "--date", "2013-14-40", str(story)])
    assert bad.exit_code != 0 and "2013-14-40" in bad.output and "EDTF" in bad.output
    assert runner.invoke(app, ["--db", db, "ingest", "--date", "2009-06-05", str(story)]).exit_code == 0
    rows = json.loads(runner.invoke(app, ["--db", db, "claims", "Ilkley Rowing Club", "--json"]).stdout)
    assert ("dissolved", "2009-06-04") in {(x["type"], x["date"]) for x in rows}


def test_dates_command(tmp_path: Path) -> None:
    story = tmp_path / "guild.txt"
    story.write_text(NEWS, encoding="utf-8")
    r = runner.invoke(app, ["dates", str(story), "--json"])
    assert r.exit_code == 0, r.output
    got = json.loads(r.stdout)
    assert got["dct"] == "2013-03-22"
    by_text = {d["text"]: d for d in got["dates"]}
    assert by_text["yesterday"] == {"start": NEWS.index("yesterday"), "end": NEWS.index("yesterday") + 9,
                                    "text": "yesterday", "edtf": "2013-03-21", "from": "2013-03-21",
                                    "to": "2013-03-21", "form": "deictic_day", "anchor": "dct"}
    other = json.loads(runner.invoke(app, ["dates", str(story), "--dct", "2020-01-01", "--json"]).stdout)
    assert {d["text"]: d["edtf"] for d in other["dates"]}["three years ago"] == "2017"
    table = runner.invoke(app, ["dates", str(story)])
    assert table.exit_code == 0 and "(its date: 2013-03-22)" in table.stdout
    bad = runner.invoke(app, ["dates", str(story), "--dct", "last week"])
    assert bad.exit_code != 0 and "not a date" in bad.output
    month = json.loads(runner.invoke(app, ["dates", str(story), "--dct", "2020-05", "--json"]).stdout)
    assert {d["text"]: d["edtf"] for d in month["dates"]}.get("three years ago") == "2017"
    assert "yesterday" not in {d["text"] for d in month["dates"]}  # a month cannot place a day
    missing = runner.invoke(app, ["dates", str(tmp_path / "nope.txt")])
    assert missing.exit_code != 0 and "nope.txt" in missing.output


def test_a_store_from_before_keeps_its_sources_dates(tmp_path: Path) -> None:
    """Stores made before the column was named ``date`` (it was ``published``) keep the
    dates when opened."""
    import sqlite3

    from alembic import command
    from alembic.config import Config

    from orgline.store import Store
    from orgline.store.db import MIGRATIONS
    story = tmp_path / "guild.txt"
    story.write_text(NEWS, encoding="utf-8")
    db = str(tmp_path / "o.db")
    assert runner.invoke(app, ["--db", db, "ingest", str(story)]).exit_code == 0
    store = Store.open(db)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0005")
    store.close()
    con = sqlite3.connect(db)
    assert con.execute("select published from sources").fetchone() == ("2013-03-22",)
    con.close()
    Store.open(db).close()  # opening migrates to head
    assert sqlite3.connect(db).execute("select date from sources").fetchone() == ("2013-03-22",)


def test_feasts_by_name() -> None:
    """A feast is a day: with its year, that year's; in a report, the nearest in the
    clause's tense; in a history, the year in focus's."""
    assert values("The strike ended on Christmas Eve 1926.") == [("Christmas Eve 1926", "1926-12-24")]
    assert values("In 1926 the union struck. On Christmas Day it gave in.")[1] == ("Christmas Day", "1926-12-25")
    assert values("The choir will sing on Good Friday.", "2013-03-20") == [("Good Friday", "2013-03-29")]
    assert values("The boat was found on Thanksgiving Day.", "2000-01-07") == [("Thanksgiving Day", "1999-11-25")]
    assert values("The shop reopened after Easter Monday.", "2013-04-10") == [("after Easter Monday", "2013-04-01/..")]
