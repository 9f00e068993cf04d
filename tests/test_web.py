"""The web workspace, served by a real uvicorn server on 127.0.0.1 over a real SQLite store,
read and driven by Debian's Chromium through Playwright. Screenshots of every page go to
``test-output/screenshots`` for a person to look at."""
from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from orgline.project import Project
from orgline.web.app import create_app
from orgline.web.publish import publish
from orgline.web.render import missing_vendor
from webserver import build_store, serving

CHROMIUM = os.environ.get("ORGLINE_CHROMIUM", "/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[1] / "test-output" / "screenshots"
TOKEN = "a-long-edit-token-for-tests"

GUILD = ("The Riverside Printers Guild (RPG) was founded in Leeds in 1921. In 1948 a group of members "
         "left the RPG and formed the Northern Typographers Union. The Northern Typographers Union "
         "merged into the Graphic Trades Alliance in 1969.")
HOSTILE = ("<script>window.__pwned = 1</script>The Kiln Workers Society was founded in Stoke in 1930. "
           "<img src=x onerror=\"window.__pwned = 2\"> It joined the Graphic Trades Alliance in 1952. "
           "Its bulletin was printed as \"</script><script>window.__pwned = 3</script>\".")
OTHER_ACCOUNT = "A later pamphlet says the Riverside Printers Guild was founded in 1919 in Bradford."
# a rename, a merger with a named product and a split from that product
SHIPYARDS = ("The Clyde Riveters Association was founded in Glasgow in 1890. In 1921 it was renamed the Clyde "
             "Shipbuilding Workers Union. The Forth Caulkers Society was formed in Leith in 1902. In 1958 the "
             "Clyde Shipbuilding Workers Union and the Forth Caulkers Society merged to form the Scottish "
             "Shipyard Federation. In 1959 a minority of caulkers left the Scottish Shipyard Federation and "
             "formed the Independent Caulkers Guild.")

pytestmark = pytest.mark.skipif(bool(missing_vendor()), reason="run `npm ci --prefix frontend && npm run --prefix "
                                "frontend build` first (the README's test command does)")


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_store(tmp_path_factory.mktemp("web"),
                       {"guild.txt": GUILD, "kiln.txt": HOSTILE, "other.txt": OTHER_ACCOUNT,
                        "shipyards.txt": SHIPYARDS})


@pytest.fixture(scope="module")
def server(store_path: str) -> Iterator[str]:
    with serving(create_app(store_path, TOKEN)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium)")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic"])
        yield b
        b.close()


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.outside: list[str] = []  # type: ignore[attr-defined]
    pg.errors: list[str] = []  # type: ignore[attr-defined]
    pg.on("request", lambda r: None if r.url.startswith((server, "file://")) else pg.outside.append(r.url))  # type: ignore[attr-defined]
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))  # type: ignore[attr-defined]
    pg.on("console", lambda m: pg.errors.append(f"console {m.type}: {m.text}")  # type: ignore[attr-defined]
          if m.type in ("error", "warning") or "Unknown option" in m.text else None)
    pg.on("dialog", lambda d: (pg.errors.append(f"dialog: {d.message}"), d.dismiss()))  # type: ignore[attr-defined]
    yield pg
    assert pg.outside == [], f"the page loaded from outside the server: {pg.outside}"  # type: ignore[attr-defined]
    assert pg.errors == [], f"script errors or dialogs: {pg.errors}"  # type: ignore[attr-defined]
    context.close()


def _entity_id(server: str, name: str) -> int:
    hits = httpx.get(f"{server}/api/search", params={"q": name}).json()["entities"]
    return int(next(h["id"] for h in hits if h["name"] == name or h["label"] == name))


def test_search_for_an_acronym_lands_on_the_entity(page: Page, server: str) -> None:
    page.goto(server + "/")
    page.screenshot(path=str(SHOTS / "front.png"), full_page=True)
    page.get_by_label("Search names and sources").fill("RPG")
    page.keyboard.press("Enter")
    expect(page.get_by_text("bears the acronym or short name “RPG”")).to_be_visible()
    page.screenshot(path=str(SHOTS / "search.png"), full_page=True)
    page.get_by_role("link", name="Riverside Printers Guild").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Riverside Printers Guild")
    expect(page.locator("#h-names")).to_be_visible()
    expect(page.locator(".conflicts")).to_contain_text("dates that cannot both hold")
    page.screenshot(path=str(SHOTS / "entity.png"), full_page=True)


def test_the_timeline_draws_its_items(page: Page, server: str) -> None:
    page.goto(f"{server}/timeline?ids={_entity_id(server, 'Riverside Printers Guild')}")
    page.get_by_label("Compare with").fill("Kiln Workers Society")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"ids=\d+,\d+$"))
    expect(page.locator("#timeline .vis-item.claim").first).to_be_visible()
    assert page.locator("#timeline .vis-item.claim").count() >= 4
    assert page.locator("#timeline .vis-label").count() == 4  # a row per entity, and one for its names
    expect(page.locator("#timeline .vis-time-axis.vis-foreground").first).to_contain_text("19")  # the window is on the items
    # the viewport only: a full-page shot resizes the page, vis-timeline redraws at
    # the passing size and now and then warns of its grid (a flaky console warning)
    page.screenshot(path=str(SHOTS / "timeline.png"))


def test_clicking_a_lineage_node_opens_its_page(page: Page, server: str) -> None:
    root = _entity_id(server, "Northern Typographers Union")
    target = _entity_id(server, "Graphic Trades Alliance")
    page.goto(f"{server}/lineage/{root}")
    expect(page.locator("#graph[data-nodes]")).to_have_attribute("data-nodes", re.compile(r"[3-9]"))
    page.screenshot(path=str(SHOTS / "lineage.png"), full_page=True)
    box = page.locator("#graph").bounding_box()
    assert box is not None
    pos = page.evaluate(f"window.orglineGraph.$('#n{target}').renderedPosition()")
    page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    expect(page).to_have_url(f"{server}/entity/{target}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Graphic Trades Alliance")


def test_a_rejection_made_in_the_browser_persists(page: Page, server: str, store_path: str) -> None:
    eid = _entity_id(server, "Kiln Workers Society")
    page.goto(f"{server}/entity/{eid}")
    assert page.get_by_role("button", name="Reject").count() == 0  # not signed in: no forms
    page.get_by_role("link", name="Sign in to review").click()
    page.get_by_label("Your name").fill("Ada")
    page.get_by_label("Edit token").fill(TOKEN)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("Reviewing as")).to_contain_text("Ada")
    card = page.locator("article.claim", has=page.locator(".type", has_text="member of")).first
    claim_id = int((card.get_attribute("id") or "").removeprefix("claim-"))
    with page.expect_navigation():  # the form posts, and is redirected back to the page
        card.get_by_role("button", name="Reject").click()
    page.reload()
    expect(page.locator(f"#claim-{claim_id} .badge")).to_have_text("rejected")
    page.screenshot(path=str(SHOTS / "entity-reviewing.png"), full_page=True)
    history = Project(store_path).history(claim=claim_id)
    assert [(h["action"], h["reviewer"]) for h in history] == [("reject", "Ada")]


def test_source_text_never_runs_as_markup(page: Page, server: str) -> None:
    hit = httpx.get(f"{server}/api/search", params={"q": "Kiln"}).json()["sources"][0]
    page.goto(f"{server}/source/{hit['id']}")
    expect(page.locator(".text")).to_contain_text("<script>window.__pwned = 1</script>")
    expect(page.locator(".text")).to_contain_text('onerror="window.__pwned = 2"')
    expect(page.locator(".text a.mention").first).to_be_visible()
    page.screenshot(path=str(SHOTS / "source.png"), full_page=True)
    assert page.locator(".text img, .text script").count() == 0
    assert page.evaluate("window.__pwned") is None
    for path in ("/?q=pwned", f"/entity/{_entity_id(server, 'Kiln Workers Society')}",
                 f"/timeline?ids={_entity_id(server, 'Kiln Workers Society')}"):
        page.goto(server + path)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__pwned") is None, path


def test_pages_work_from_the_keyboard(page: Page, server: str) -> None:
    page.goto(server + "/?q=Guild")
    page.keyboard.press("Tab")
    expect(page.locator(".skip")).to_be_focused()
    page.keyboard.press("Enter")
    for _ in range(12):  # from the top of main to the first result
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('ol.hits') !== null"):
            break
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/entity/\d+$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Guild")


def test_edits_need_the_token_and_a_csrf_token(server: str) -> None:
    claim = httpx.get(f"{server}/api/entities/{_entity_id(server, 'Riverside Printers Guild')}").json()
    claim_id = next(iter(claim["claims"].values()))[0]["id"]
    r = httpx.post(f"{server}/claim/{claim_id}/review", data={"action": "reject"})
    assert r.status_code == 403 and "edit token" in r.text
    with httpx.Client(base_url=server) as client:
        assert client.post("/login", data={"token": "wrong", "reviewer": "Eve"}).status_code == 403
        r = client.post("/login", data={"token": TOKEN, "reviewer": "Eve", "next": "/"})
        assert r.status_code == 303 and "HttpOnly" in r.headers["set-cookie"]
        r = client.post(f"/claim/{claim_id}/review", data={"action": "reject", "csrf": "forged"})
        assert r.status_code == 403 and "CSRF" in r.text
    after = httpx.get(f"{server}/api/entities/{_entity_id(server, 'Riverside Printers Guild')}").json()
    assert all(c["status"] != "rejected" for cs in after["claims"].values() for c in cs)


def test_api_and_headers(server: str) -> None:
    spec = httpx.get(f"{server}/openapi.json").json()
    assert {"/api/search", "/api/entities/{entity_id}", "/api/timeline"} <= set(spec["paths"])
    r = httpx.get(f"{server}/")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert httpx.get(f"{server}/docs").status_code == 404  # the interactive docs load from a CDN: off
    assert httpx.get(f"{server}/api/entities/999999").status_code == 404
    t = httpx.get(f"{server}/api/timeline", params={"ids": str(_entity_id(server, "Riverside Printers Guild"))}).json()
    founded = [i for i in t["items"] if i.get("content") == "founded"]
    assert {(i["start"], i.get("end")) for i in founded} >= {("1921-01-01", "1921-12-31")}  # a year is a range


def test_publish_writes_a_site_that_needs_no_server(page: Page, store_path: str, tmp_path: Path) -> None:
    from orgline.store import Store
    out = tmp_path / "site"
    n = publish(Store.open(store_path), out)
    assert n >= 10 and (out / "index.html").is_file()
    eid = _entity_id_from_site(out, "Riverside Printers Guild")
    page.goto((out / f"entity-{eid}.html").as_uri())
    expect(page.get_by_role("heading", level=1)).to_contain_text("Riverside Printers Guild")
    assert page.get_by_role("button", name="Reject").count() == 0
    page.goto((out / f"timeline-{eid}.html").as_uri())
    expect(page.locator("#timeline .vis-item.claim").first).to_be_visible()
    product = _entity_id_from_site(out, "Scottish Shipyard Federation")
    page.goto((out / f"lineage-{product}.html").as_uri())  # the same graph as the server's
    expect(page.locator("#graph[data-nodes]")).to_have_attribute("data-nodes", "4")
    assert "merged into Scottish Shipyard Federation in 1958" in page.locator("ul.plain").inner_text()
    page.goto((out / "index.html").as_uri())
    page.get_by_label("Filter by any name or acronym").fill("rpg")
    expect(page.locator("#all-entities li:visible")).to_have_count(1)
    page.screenshot(path=str(SHOTS / "published-index.png"), full_page=True)
    shutil.rmtree(out)


def _entity_id_from_site(out: Path, label: str) -> int:
    html = (out / "index.html").read_text()
    m = re.search(r'href="entity-(\d+)\.html">' + re.escape(label) + "<", html)
    assert m is not None
    return int(m.group(1))


def test_a_page_for_a_much_named_place_shows_a_hundred_claims_of_a_type(tmp_path: Path) -> None:
    from orgline.model import Claim, DocumentFacts, Entity, EntityKind, Name, Source, Span
    from orgline.query import entities
    from orgline.store import Store
    from orgline.web import data
    from orgline.web.render import environment
    store = Store.open(str(tmp_path / "many.db"))
    for i in range(120):
        text = f"Body number {i} was based in Hull."
        store.save(DocumentFacts(Source(text=text, origin=f"d{i}.txt"), [
            Entity("e1", EntityKind.ORG, f"Body number {i}", [Name(f"Body number {i}")]),
            Entity("e2", EntityKind.PLACE, "Hull", [Name("Hull")])],
            [Claim("location", "e1", object="e2", evidence=[Span(0, len(text), text)])]))
    hull = entities(store, "place")[0]["id"]
    page = data.entity(store, hull)
    assert page["totals"]["location"] == 120 and len(page["claims"]["location"]) == 100
    html = environment("server").get_template("entity.html").render(
        e=page, title="Hull", reviewer=None, editing=False, csrf="", here="/", q="")
    assert "Showing 100 of 120" in html and "?all=location" in html
    assert len(data.entity(store, hull, show_all="location")["claims"]["location"]) == 120


def test_a_date_the_calendar_lacks_comes_back_in_the_form(page: Page, server: str, store_path: str) -> None:
    """The browser sees a 422 page with the edit form open, what was typed still in it, and
    why; nothing is changed."""
    eid = _entity_id(server, "Riverside Printers Guild")
    page.goto(f"{server}/login?next=/entity/{eid}")
    page.get_by_label("Your name").fill("Ada")
    page.get_by_label("Edit token").fill(TOKEN)
    page.get_by_role("button", name="Sign in").click()
    card = page.locator("article.claim", has=page.locator(".type", has_text="founded")).first
    claim_id = int((card.get_attribute("id") or "").removeprefix("claim-"))
    card.locator("summary", has_text="Edit").click()
    card.get_by_label("Date (EDTF)").fill("1985-02-29")
    with page.expect_response(lambda r: r.url.endswith(f"/claim/{claim_id}/review")) as sent:
        card.get_by_role("button", name="Save edit").click()
    assert sent.value.status == 422
    again = page.locator(f"#claim-{claim_id}").first
    expect(again.get_by_role("alert")).to_contain_text("has no day 29")
    expect(again.get_by_label("Date (EDTF)")).to_have_value("1985-02-29")
    assert Project(store_path).history(claim=claim_id) == []
    page.errors[:] = [e for e in page.errors if "status of 422" not in e]  # type: ignore[attr-defined]  # Chromium logs the 422 itself


def test_a_source_lists_its_claims_as_sentences_and_singles_out_the_evidence(page: Page, server: str) -> None:
    sid = next(s["id"] for s in httpx.get(f"{server}/api/search", params={"q": "Typographers"}).json()["sources"])
    page.goto(f"{server}/source/{sid}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("The Riverside Printers Guild (RPG) was founded")
    listed = page.locator("ol.plain li")
    expect(listed.filter(has_text="Riverside Printers Guild was founded in Leeds in 1921")).to_have_count(1)
    expect(listed.filter(has_text="Northern Typographers Union merged into Graphic Trades Alliance in 1969")
           ).to_have_count(1)
    expect(listed.filter(has_text="Northern Typographers Union split from Riverside Printers Guild in 1948")
           ).to_have_count(1)
    merger = listed.filter(has_text="merged into Graphic Trades Alliance")
    merger.get_by_role("link").first.click()
    cid = page.url.rsplit("#ev-", 1)[1]
    marked = page.locator(f"mark.ev-{cid}")
    other = page.locator(f"mark.ev:not(.ev-{cid})").first
    assert "merged into the Graphic Trades Alliance in 1969" in "".join(marked.all_inner_texts())
    assert {m.evaluate("e => getComputedStyle(e).outlineStyle") for m in marked.all()} == {"solid"}
    assert other.evaluate("e => getComputedStyle(e).outlineStyle") == "none"
    page.screenshot(path=str(SHOTS / "source-evidence.png"), full_page=True)


def test_search_forgives_spelling_and_shows_dates(page: Page, server: str) -> None:
    page.goto(server + "/")
    page.get_by_label("Search names and sources").fill("Riverside Printer Guild")
    page.keyboard.press("Enter")
    hit = page.locator("ol.hits li").filter(has_text="Riverside Printers Guild").first
    expect(hit).to_contain_text("close to")
    expect(hit.locator(".dates")).to_contain_text("1919")  # its earliest founding date, the other account's
    page.screenshot(path=str(SHOTS / "search-close.png"), full_page=True)


def test_an_entity_page_opens_with_a_summary(page: Page, server: str) -> None:
    page.goto(f"{server}/entity/{_entity_id(server, 'Northern Typographers Union')}")
    box = page.locator("aside.summary")
    expect(box).to_be_visible()
    text = " ".join(box.inner_text().split())
    assert "Founded" in text and "in 1948" in text
    assert "Predecessors Riverside Printers Guild (split from) in 1948" in text
    assert "Successors Graphic Trades Alliance in 1969" in text and "Ended merged into Graphic Trades Alliance" in text
    assert box.bounding_box()["y"] < page.locator("#h-names").bounding_box()["y"]  # before the claims
    page.screenshot(path=str(SHOTS / "entity-summary.png"), full_page=True)


def test_the_review_queue_puts_disagreements_first_and_undoes(browser: Browser, tmp_path: Path) -> None:
    """Signed in, a reviewer sees the disagreement first, bodies likely one side by side
    with a merge button, and every change with its undo."""
    db = build_store(tmp_path, {"a.txt": "The Tamar Boatmen's Society was founded in Saltash in 1860.",
                                "b.txt": "A later account says the Tamar Boatmen's Society was founded in 1862.",
                                "c.txt": "The Tamer Boatmen's Society ran a reading room at Calstock from 1871."})
    with serving(create_app(db, TOKEN)) as base:
        pg = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        pg.goto(f"{base}/review")
        expect(pg).to_have_url(re.compile(r"/login\?next=/review$"))  # signed out: sent to sign in
        pg.get_by_label("Your name").fill("Ada")
        pg.get_by_label("Edit token").fill(TOKEN)
        pg.get_by_role("button", name="Sign in").click()
        expect(pg.get_by_role("heading", level=1)).to_have_text("Review queue")
        sections = [h.inner_text() for h in pg.locator("main h2").all()]
        assert sections[0].startswith("Where sources disagree") and sections[-1] == "Latest changes"
        dup = pg.locator("table.dups tr", has_text="Tamer Boatmen's Society")
        expect(dup).to_contain_text("Tamar Boatmen's Society")
        pg.screenshot(path=str(SHOTS / "review-queue.png"), full_page=True)
        cards = [a.get_attribute("id") for a in pg.locator("article.claim").all()]
        assert cards and len(cards) == len(set(cards))  # a disputed claim is not listed again below
        dup.get_by_role("button").click()  # merge, and back to the queue, which says what was done
        expect(pg).to_have_url(re.compile(rf"{base}/review\?merged=\d+$"))
        expect(pg.get_by_role("status")).to_contain_text("Tamer Boatmen's Society into")
        expect(pg.locator("table.dups")).to_have_count(0)
        change = pg.locator("#h-q-hist + ol li").first
        expect(change).to_contain_text("merge")
        change.get_by_role("button", name="Undo").click()
        expect(pg.locator("#h-q-hist + ol li").first).to_contain_text("undo")
        expect(pg.locator("table.dups tr", has_text="Tamer Boatmen's Society")).to_have_count(1)  # apart again
        tamar = pg.locator("table.dups tr td a", has_text="Tamar Boatmen's Society")
        tamar.click()  # an unknown name to merge comes back on the form, as typed
        pg.get_by_label("Merge into").fill("Tamor Boatman Sociaty")
        pg.get_by_role("button", name="Merge").click()
        expect(pg.get_by_role("alert")).to_contain_text("Tamor Boatman Sociaty")
        expect(pg.get_by_label("Merge into")).to_have_value("Tamor Boatman Sociaty")
        expect(pg.get_by_role("heading", level=1)).to_contain_text("Tamar Boatmen's Society")
        pg.context.close()


def test_the_timeline_names_the_other_body_and_lists_what_is_undated(page: Page, server: str,
                                                                       store_path: str) -> None:
    rpg = _entity_id(server, "Riverside Printers Guild")
    ntu = _entity_id(server, "Northern Typographers Union")
    page.goto(f"{server}/timeline?ids={rpg},{ntu}")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Timeline: Riverside Printers Guild, Northern Typographers Union")
    expect(page.locator("#timeline .vis-item.claim").first).to_be_visible()
    bands = page.locator("#timeline .vis-item.name-band")
    assert bands.count() >= 3  # the names in rows of their own, none over another
    boxes = [b.bounding_box() for b in bands.all()]
    assert not any(a is not b and a["y"] == b["y"] and a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
                   for a in boxes for b in boxes)
    contents = [x.inner_text() for x in page.locator("#timeline .vis-item.claim .vis-item-content").all()]
    assert "merged into Graphic Trades Alliance" in contents and "split from Riverside Printers Guild" in contents
    assert page.locator("#timeline .vis-item.claim.conflict").count() == 2  # founded 1921 and 1919, disputed
    listed = " ".join(page.locator("ol.plain").inner_text().split())
    assert "(the sources disagree)" in listed
    data = httpx.get(f"{server}/api/timeline", params={"ids": f"{rpg}"}).json()
    assert all("rejected" not in i.get("className", "") for i in data["items"])
    page.screenshot(path=str(SHOTS / "timeline-labelled.png"))  # the viewport only, as for timeline.png


def test_relabel_and_split_in_the_browser(browser: Browser, tmp_path: Path) -> None:
    """A reviewer relabels a body and splits off what one source said of it; an empty
    label comes back on the form with why, and both changes can be undone from the queue."""
    db = build_store(tmp_path, {"a.txt": "The Tamar Boatmen's Society was founded in Saltash in 1860.",
                                "b.txt": "The Tamar Boatmen's Society was based in Calstock from 1871."})
    with serving(create_app(db, TOKEN)) as base:
        eid = int(next(h["id"] for h in httpx.get(f"{base}/api/search", params={"q": "Tamar Boatmen's Society"})
                       .json()["entities"]))
        pg = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        pg.goto(f"{base}/login?next=/entity/{eid}")
        pg.get_by_label("Your name").fill("Ada")
        pg.get_by_label("Edit token").fill(TOKEN)
        pg.get_by_role("button", name="Sign in").click()
        pg.get_by_label("Show this entity as").fill("   ")
        with pg.expect_response(lambda r: r.url.endswith("/label")) as sent:
            pg.get_by_role("button", name="Relabel").click()
        assert sent.value.status == 422
        expect(pg.get_by_role("alert")).to_contain_text("give the label")
        pg.get_by_label("Show this entity as").fill("Tamar Boatmen's Friendly Society")
        pg.get_by_role("button", name="Relabel").click()
        expect(pg.get_by_role("heading", level=1)).to_contain_text("Tamar Boatmen's Friendly Society")
        pg.get_by_label("Take what this source says into an entity of its own").select_option(
            label="The Tamar Boatmen's Society was based in Calstock from 1871.")
        pg.get_by_role("button", name="Split").click()
        expect(pg).not_to_have_url(f"{base}/entity/{eid}")  # the new body's page
        expect(pg.locator("aside.summary")).to_contain_text("1871")
        pg.goto(f"{base}/review")
        assert [x.inner_text().split()[1] for x in pg.locator("#h-q-hist + ol li").all()][:2] == ["split", "label"]
        pg.context.close()


def _overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    """Two cytoscape bounding boxes (x1, y1, x2, y2) share some area."""
    return a["x1"] < b["x2"] and b["x1"] < a["x2"] and a["y1"] < b["y2"] and b["y1"] < a["y2"]


def test_the_lineage_reads_left_to_right_in_time_with_no_label_over_another(page: Page, server: str) -> None:
    """A merger drawn as its two parties pointing at the product, the split once, columns
    in order of founding, no box or edge label over another, the drawing no taller than
    its rows."""
    ids = {n: _entity_id(server, n) for n in ("Clyde Shipbuilding Workers Union", "Forth Caulkers Society",
                                              "Scottish Shipyard Federation", "Independent Caulkers Guild")}
    product = ids["Scottish Shipyard Federation"]
    g = httpx.get(f"{server}/api/lineage/{product}").json()
    assert sorted((e["source"], e["target"], e["type"]) for e in g["edges"]) == sorted([
        (ids["Clyde Shipbuilding Workers Union"], product, "merged"), (ids["Forth Caulkers Society"], product, "merged"),
        (product, ids["Independent Caulkers Guild"], "split_from")])
    page.goto(f"{server}/lineage/{product}")
    expect(page.locator("#graph[data-nodes]")).to_have_attribute("data-nodes", "4")
    page.screenshot(path=str(SHOTS / "lineage-merger.png"), full_page=True)
    xs = [page.evaluate(f"window.orglineGraph.$('#n{i}').renderedPosition().x") for i in ids.values()]
    assert xs == sorted(xs) and len(set(xs)) == 4  # founded 1890, 1902, 1958, 1959: left to right
    nodes = page.evaluate("window.orglineGraph.nodes().map(n => n.renderedBoundingBox({includeLabels: true}))")
    labels = page.evaluate("window.orglineGraph.edges().map(e => e.renderedBoundingBox("
                           "{includeNodes: false, includeEdges: false, includeLabels: true}))")
    boxes = nodes + labels
    assert len(labels) == 3 and all(b["w"] > 0 for b in labels)
    assert not [(a, b) for k, a in enumerate(boxes) for b in boxes[k + 1:] if _overlap(a, b)]
    lines = page.evaluate("window.orglineGraph.edges().map(e => [e.sourceEndpoint(), e.targetEndpoint()])")
    for (p, q), e in zip(lines, g["edges"]):  # no line runs through a box it does not join
        for n, box in zip(page.evaluate("window.orglineGraph.nodes().map(n => n.data('entity'))"), nodes):
            if n in (e["source"], e["target"]) or not box["x1"] < (p["x"] + q["x"]) / 2 < box["x2"]:
                continue
            y = p["y"] + (q["y"] - p["y"]) * ((box["x1"] + box["x2"]) / 2 - p["x"]) / (q["x"] - p["x"])
            assert not box["y1"] < y < box["y2"], f"the line of claim {e['id']} crosses the box of {n}"
    height = page.locator("#graph").bounding_box()["height"]
    assert height < 400  # four bodies in two rows at most: no screenful of empty box
    listed = " ".join(page.locator("ul.plain").inner_text().split())
    assert "Independent Caulkers Guild split from Scottish Shipyard Federation in 1959" in listed


def test_every_timeline_label_ends_inside_the_window(page: Page, server: str) -> None:
    ids = [_entity_id(server, n) for n in ("Northern Typographers Union", "Clyde Shipbuilding Workers Union")]
    page.goto(f"{server}/timeline?ids={ids[0]},{ids[1]}")
    expect(page.locator("#timeline")).to_have_attribute("data-fitted", "yes")
    right = page.locator("#timeline .vis-panel.vis-center").bounding_box()
    ends = [b.bounding_box() for b in page.locator("#timeline .vis-item .vis-item-content").all()]
    assert ends and all(e["x"] + e["width"] <= right["x"] + right["width"] + 1 for e in ends)
    names = [x.inner_text() for x in page.locator("#timeline .vis-item.name-band").all()]
    assert sorted(names) == ["Clyde Riveters Association", "Clyde Shipbuilding Workers Union",
                             "Northern Typographers Union"]  # each name once, the rename as two bands
    page.screenshot(path=str(SHOTS / "timeline-fitted.png"))  # the viewport only, as for timeline.png


def test_claims_are_compact_rows_whose_quote_opens(page: Page, server: str) -> None:
    """Each claim one row (date, what, who says so, status, id) over its quote; a long
    quote opens on request; the front page counts the claims the entity page does."""
    clyde = _entity_id(server, "Clyde Shipbuilding Workers Union")
    page.goto(f"{server}/")
    count = page.locator("ul.hits li", has_text="Clyde Shipbuilding Workers Union").locator(".count").inner_text()
    page.goto(f"{server}/entity/{clyde}")
    assert page.locator("p.facts").inner_text().startswith(count)
    summary = " ".join(page.locator("aside.summary").inner_text().split())
    assert "Clyde Riveters Association from 1890 to 1921" in summary
    assert "Successors Scottish Shipyard Federation in 1958" in summary
    rows = page.locator("article.claim")
    assert rows.count() >= 5
    for r in rows.all():
        assert r.bounding_box()["height"] < 110
        assert r.locator(".row .date").inner_text() and r.locator(".badge").inner_text() == "extracted"
    merged = page.locator("article.claim", has_text="merged into").first
    expect(merged.locator(".what")).to_have_text("merged into Scottish Shipyard Federation")
    long_quote = page.locator("article.claim details.quote").first
    expect(long_quote.locator("blockquote")).to_be_hidden()
    long_quote.locator("summary").click()
    expect(long_quote.locator("blockquote")).to_be_visible()
    page.screenshot(path=str(SHOTS / "entity-rows.png"), full_page=True)
