"""What a hostile visitor tried, against a real uvicorn server over a real SQLite store:
no request gets a 500 (odd cookies, ids past SQLite's integers, unicode digits, huge
queries, non-ASCII CSRF tokens, dates like Y17E700), a value orgline cannot take comes back
as a 422 page with what was typed, every response carries the security headers (500s too),
and sessions end: on logout (server-side), after 8 hours, and sign-in guessing is
throttled. `orgline serve` reads the token only from a file or the environment."""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from backends import connect
from orgline import cli
from orgline.errors import Refused, StoreError
from orgline.project import Project
from orgline.web import data
from orgline.web.app import create_app
from orgline.web.auth import COOKIE, MAX_FAILURES, SESSION_SECONDS, WINDOW_SECONDS

from webserver import TOKEN, Clock, build_store, claim_ids, csrf_of, entity_id, serving, sign_in

HUGE = 2**63  # one past SQLite's largest integer
HEADERS = {"content-security-policy": "script-src 'self'", "x-content-type-options": "nosniff",
           "referrer-policy": "same-origin"}


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_store(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def clock() -> Clock:
    return Clock()


@pytest.fixture(scope="module")
def server(store_path: str, clock: Clock) -> Iterator[str]:
    with serving(create_app(store_path, TOKEN, clock=clock)) as base:
        yield base


@pytest.fixture
def client(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server) as c:
        yield c


def assert_headers(r: httpx.Response) -> None:
    for name, part in HEADERS.items():
        assert part in r.headers.get(name, ""), f"{r.status_code} {r.request.url} lacks {name}"


def status(project_db: str, claim: int) -> tuple[str, str | None]:
    c = next(c for c in Project(project_db).claims(f"#{_subject(project_db, claim)}") if c["id"] == claim)
    return c["status"], c["date"]


def _subject(db: str, claim: int) -> int:
    con = connect(db)
    (subject,) = con.execute("select subject_id from claims where id = ?", (claim,)).fetchone()
    con.close()
    return int(subject)


# ---- no 500 -----------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/?q=Guild", "/login"])
def test_a_non_ascii_cookie_is_no_session(client: httpx.Client, path: str) -> None:
    r = client.get(path, headers={"cookie": f"{COOKIE}=é.ü".encode()})
    assert r.status_code == 200
    assert "Reviewing as" not in r.text
    assert_headers(r)


def test_ids_past_sqlites_integers_are_refused_on_every_route(client: httpx.Client, server: str) -> None:
    csrf = sign_in(client)
    gets = [f"/entity/{HUGE}", f"/lineage/{HUGE}", f"/api/entities/{HUGE}", f"/api/lineage/{HUGE}",
            f"/timeline?ids={HUGE}", f"/api/timeline?ids={HUGE}", f"/timeline?ids=1,{HUGE}", f"/entity/{10**40}",
            "/entity/0", "/entity/-1"]
    for path in gets:
        r = client.get(path)
        assert r.status_code == 422, (path, r.status_code)
        assert_headers(r)
    for path, form in [(f"/claim/{HUGE}/review", {"action": "reject"}), (f"/entity/{HUGE}/merge", {"other": "RPG"})]:
        r = client.post(path, data=form | {"csrf": csrf})
        assert r.status_code == 422, (path, r.status_code)
    for path in (f"/entity/{HUGE - 1}", f"/api/entities/{HUGE - 1}", f"/api/timeline?ids={HUGE - 1}"):
        assert client.get(path).status_code == 404  # in range, but no such entity
    guild = entity_id(server, "Riverside Printers Guild")
    groups = client.get("/api/timeline", params={"ids": f"{guild},{guild}, {guild}"}).json()["groups"]
    assert [g["id"] for g in groups if isinstance(g["id"], int)] == [guild]  # one body (and its names row)


def test_unicode_digits_are_names_not_ids(client: httpx.Client, server: str) -> None:
    guild = entity_id(server, "Riverside Printers Guild")
    r = client.get("/timeline", params={"ids": str(guild), "add": "#²"})
    assert r.status_code == 422 and 'value="#²"' in r.text and "no entity is named" in r.text
    assert_headers(r)
    assert client.get("/timeline", params={"ids": "²"}).status_code == 422
    assert client.get("/api/timeline", params={"ids": "١٢"}).status_code == 422
    r = client.get("/timeline", params={"ids": str(guild), "add": "#" + "9" * 30})
    assert r.status_code == 422
    csrf = sign_in(client)
    r = client.post(f"/entity/{guild}/merge", data={"other": "#²", "csrf": csrf})
    assert r.status_code == 422 and 'value="#²"' in r.text and "Riverside Printers Guild" in r.text
    assert_headers(r)


def test_long_queries_and_fields_are_refused_with_422(client: httpx.Client, server: str) -> None:
    long = "Guild " * 2000  # 12,000 characters: SQLite refuses LIKE patterns over 50,000, FTS slows
    r = client.get("/", params={"q": long})
    assert r.status_code == 422 and "at most 200" in r.text
    assert_headers(r)
    assert client.get("/api/search", params={"q": long}).status_code == 422
    csrf = sign_in(client)
    guild = entity_id(server, "Riverside Printers Guild")
    r = client.post(f"/entity/{guild}/merge", data={"other": "x" * 5000, "csrf": csrf})
    assert r.status_code == 422 and "at most 200" in r.text


def test_a_body_over_the_cap_is_413_with_headers(client: httpx.Client) -> None:
    r = client.post("/login", data={"token": "x" * 70_000, "reviewer": "Eve"})
    assert r.status_code == 413
    assert_headers(r)


def test_a_non_ascii_csrf_token_is_a_403(client: httpx.Client, server: str, store_path: str) -> None:
    sign_in(client)
    claim = claim_ids(server, "Kiln Workers Society")[0]
    before = status(store_path, claim)
    r = client.post(f"/claim/{claim}/review", data={"action": "reject", "csrf": "é" * 43})
    assert r.status_code == 403 and "CSRF" in r.text
    assert_headers(r)
    assert status(store_path, claim) == before


@pytest.mark.parametrize("date, end, why", [
    ("Y17E700", "", "4 digits"), ("1985-02-29", "", "no day 29"), ("2000/1990", "", "ends before it begins"),
    ("1990", "1980", "before the date"), ("spring-ish", "", "not an EDTF date")])
def test_a_bad_edit_shows_the_form_again_with_what_was_typed(client: httpx.Client, server: str, store_path: str,
                                                             date: str, end: str, why: str) -> None:
    csrf = sign_in(client)
    claim = claim_ids(server, "Riverside Printers Guild")[0]
    before = status(store_path, claim)
    r = client.post(f"/claim/{claim}/review", data={"action": "edit", "date": date, "end": end, "csrf": csrf,
                                                    "next": "/"})
    assert r.status_code == 422, r.text[:300]
    assert why in r.text and f'value="{date}"' in r.text and "<details open>" in r.text
    assert "Not found" not in r.text
    assert_headers(r)
    assert status(store_path, claim) == before


def test_an_unknown_action_is_422_not_404(client: httpx.Client, server: str) -> None:
    csrf = sign_in(client)
    claim = claim_ids(server, "Kiln Workers Society")[0]
    r = client.post(f"/claim/{claim}/review", data={"action": "destroy", "csrf": csrf})
    assert r.status_code == 422 and "accept, reject or edit" in r.text


# ---- status codes and headers on every response ---------------------------------------

def test_headers_on_404_422_static_and_redirects(client: httpx.Client) -> None:
    for path, code in [("/entity/999999", 404), ("/api/entities/999999", 404), ("/nowhere", 404),
                       ("/entity/abc", 422), ("/api/timeline", 422), ("/static/app.css", 200)]:
        r = client.get(path)
        assert r.status_code == code, path
        assert_headers(r)
    r = client.post("/login", data={"token": TOKEN, "reviewer": "Ada", "next": "/"})
    assert r.status_code == 303
    assert_headers(r)


def test_an_unexpected_error_is_a_plain_500_with_headers(client: httpx.Client, monkeypatch: pytest.MonkeyPatch,
                                                         server: str) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("a bug")
    monkeypatch.setattr(data, "entity", broken)
    guild = entity_id(server, "Riverside Printers Guild")
    for path in (f"/entity/{guild}", f"/api/entities/{guild}"):
        r = client.get(path)
        assert r.status_code == 500 and "a bug" not in r.text
        assert_headers(r)


@pytest.mark.parametrize("error, code", [(Refused("a newer decision stands"), 409), (StoreError("locked"), 503)])
def test_orgline_errors_map_to_their_status(client: httpx.Client, monkeypatch: pytest.MonkeyPatch, server: str,
                                            error: Exception, code: int) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise error
    monkeypatch.setattr(data, "lineage", refuse)
    guild = entity_id(server, "Riverside Printers Guild")
    for path in (f"/lineage/{guild}", f"/api/lineage/{guild}"):
        r = client.get(path)
        assert r.status_code == code and str(error) in r.text
        assert_headers(r)


# ---- sessions --------------------------------------------------------------------------

def test_logout_revokes_the_session_on_the_server(client: httpx.Client, server: str, store_path: str) -> None:
    csrf = sign_in(client)
    cookie = client.cookies[COOKIE]
    assert client.post("/logout", data={"csrf": csrf, "next": "/"}).status_code == 303
    claim = claim_ids(server, "Kiln Workers Society")[-1]
    before = status(store_path, claim)
    replay = httpx.post(f"{server}/claim/{claim}/review", data={"action": "reject", "csrf": csrf},
                        headers={"cookie": f"{COOKIE}={cookie}"})
    assert replay.status_code == 403 and "sign in" in replay.text
    assert status(store_path, claim) == before


def test_sessions_expire(client: httpx.Client, server: str, clock: Clock, store_path: str) -> None:
    csrf = sign_in(client)
    claim = claim_ids(server, "Kiln Workers Society")[-1]
    clock.now += SESSION_SECONDS - 60
    assert "Reviewing as" in client.get("/").text
    clock.now += 120
    assert "Reviewing as" not in client.get("/").text
    r = client.post(f"/claim/{claim}/review", data={"action": "accept", "csrf": csrf})
    assert r.status_code == 403
    assert status(store_path, claim)[0] != "accepted"


def test_session_ids_are_random_and_name_nobody(server: str) -> None:
    cookies = set()
    for _ in range(3):
        with httpx.Client(base_url=server) as c:
            sign_in(c, "Ada Lovelace")
            cookies.add(c.cookies[COOKIE])
    assert len(cookies) == 3 and all(len(c) >= 40 for c in cookies)
    assert not any("QWRh" in c or "Ada" in c for c in cookies)  # not the name, nor its base64


def test_sign_in_guessing_is_throttled(store_path: str) -> None:
    """After MAX_FAILURES wrong tokens from one address within the window, that address
    gets 429 even with the right token, until the window has passed."""
    clock = Clock()
    with serving(create_app(store_path, TOKEN, clock=clock)) as base, httpx.Client(base_url=base) as c:
        for _ in range(MAX_FAILURES):
            assert c.post("/login", data={"token": "guess", "reviewer": "Eve"}).status_code == 403
        r = c.post("/login", data={"token": TOKEN, "reviewer": "Eve"})
        assert r.status_code == 429 and 'value="Eve"' in r.text
        assert_headers(r)
        clock.now += WINDOW_SECONDS + 1
        assert c.post("/login", data={"token": TOKEN, "reviewer": "Eve"}).status_code == 303


def test_guesses_sent_at_once_do_not_pass_the_limit(store_path: str) -> None:
    """20 wrong tokens sent together: only MAX_FAILURES are tried, the rest get 429."""
    from concurrent.futures import ThreadPoolExecutor
    with serving(create_app(store_path, TOKEN, clock=Clock())) as base:
        def guess(n: int) -> int:
            return httpx.post(f"{base}/login", data={"token": f"guess-{n}", "reviewer": "Eve"}).status_code
        with ThreadPoolExecutor(20) as pool:
            codes = sorted(pool.map(guess, range(20)))
    assert codes == [403] * MAX_FAILURES + [429] * (20 - MAX_FAILURES)


# ---- orgline serve ---------------------------------------------------------------------

@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """What `orgline serve` would run, caught before uvicorn starts."""
    import uvicorn
    got: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: got.update(app=app, **kw))
    monkeypatch.delenv("ORGLINE_EDIT_TOKEN", raising=False)
    return got


def test_serve_reads_the_token_from_a_file(served: dict[str, Any], store_path: str, tmp_path: Path) -> None:
    path = tmp_path / "token"
    path.write_text(TOKEN + "\n")
    path.chmod(0o600)
    r = CliRunner().invoke(cli.app, ["--db", store_path, "serve", "--edit-token-file", str(path)])
    assert r.exit_code == 0, r.output
    assert served["app"].state.editors.token == TOKEN and "review on" in r.stderr and "can be read by other users" not in r.stderr
    path.chmod(0o644)
    r = CliRunner().invoke(cli.app, ["--db", store_path, "serve", "--edit-token-file", str(path)])
    assert r.exit_code == 0 and "chmod 600" in r.stderr
    r = CliRunner().invoke(cli.app, ["--db", store_path, "serve", "--edit-token-file", str(tmp_path / "missing")])
    assert r.exit_code == 2 and "cannot read the edit token" in r.stderr


def test_serve_reads_the_token_from_the_environment(served: dict[str, Any], store_path: str) -> None:
    r = CliRunner().invoke(cli.app, ["--db", store_path, "serve"], env={"ORGLINE_EDIT_TOKEN": TOKEN})
    assert r.exit_code == 0 and served["app"].state.editors.token == TOKEN
    r = CliRunner().invoke(cli.app, ["--db", store_path, "serve"], env={"ORGLINE_EDIT_TOKEN": "short"})
    assert r.exit_code == 2 and "16 characters" in r.stderr


def test_serve_takes_no_token_on_the_command_line(served: dict[str, Any], store_path: str) -> None:
    r = CliRunner().invoke(cli.app, ["--db", store_path, "serve", "--edit-token", TOKEN])
    assert r.exit_code == 2 and served == {}


@pytest.mark.parametrize("host, warned", [("127.0.0.1", False), ("::1", False), ("localhost", False),
                                          ("0.0.0.0", True), ("192.168.1.5", True)])
def test_serve_warns_when_listening_beyond_loopback(served: dict[str, Any], store_path: str, host: str,
                                                    warned: bool) -> None:
    r = CliRunner().invoke(cli.app, ["--db", store_path, "serve", "--host", host])
    assert r.exit_code == 0 and served["host"] == host
    assert ("other machines can reach this server" in r.stderr) == warned
    made = served["app"].state.editors.token  # no token given: one is made for this run and printed
    assert made and len(made) >= 16 and f"with the edit token: {made}" in r.stderr


def test_serve_prints_the_token_it_was_given_and_can_be_read_only(served: dict[str, Any], store_path: str) -> None:
    r = CliRunner().invoke(cli.app, ["--db", store_path, "serve"], env={"ORGLINE_EDIT_TOKEN": TOKEN})
    assert r.exit_code == 0 and f"/login with the edit token: {TOKEN}" in r.stderr
    r = CliRunner().invoke(cli.app, ["--db", store_path, "serve", "--read-only"], env={"ORGLINE_EDIT_TOKEN": TOKEN})
    assert r.exit_code == 0 and served["app"].state.editors.token is None and "edit token" not in r.stderr


def test_readme_serves_with_a_token_file(served: dict[str, Any]) -> None:
    """The README's serve command passes the token in a file, never as an argument."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    command = next(line for line in readme.splitlines() if "orgline serve" in line and "npm ci" in line)
    assert "--edit-token-file" in command and "--edit-token " not in command and "umask 077" in command
    assert os.environ.get("ORGLINE_EDIT_TOKEN") is None


def test_a_merged_away_entity_sends_the_reader_on(tmp_path: Path) -> None:
    """Merged away, a body's page redirects to the survivor (until the merge is undone), and
    the published site's page does the same; the index lists only the survivor."""
    import httpx

    from orgline.project import Project
    from orgline.web.app import create_app
    from orgline.web.publish import publish
    from orgline.web.render import missing_vendor
    from webserver import serving
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The Saltash Ferrymen's Guild was founded in 1894.", encoding="utf-8")
    b.write_text("The Saltash Ferry Guild ran a reading room from 1901.", encoding="utf-8")
    db = str(tmp_path / "o.db")
    project = Project(db)
    project.ingest([a, b])
    ids = {e["label"]: e["id"] for e in project.entities("org")}
    keep, other = ids["Saltash Ferrymen's Guild"], ids["Saltash Ferry Guild"]
    review_id = project.merge(f"#{keep}", f"#{other}", "ana")
    with serving(create_app(db)) as base:
        r = httpx.get(f"{base}/entity/{other}")
        assert r.status_code == 307 and r.headers["location"] == f"/entity/{keep}"
        assert httpx.get(f"{base}/entity/{keep}").status_code == 200
        project.undo(review_id, "ana")
        assert httpx.get(f"{base}/entity/{other}").status_code == 200  # undone: its own page again
    project.merge(f"#{keep}", f"#{other}", "ana")
    if not missing_vendor():
        site = tmp_path / "site"
        publish(project.store, site)
        assert f'url=entity-{keep}.html' in (site / f"entity-{other}.html").read_text()
        assert f'entity-{other}.html"' not in (site / "index.html").read_text()


def test_a_lineage_shows_each_link_once_and_mergers_at_their_product(tmp_path: Path) -> None:
    """Two unions merging into a third: two edges into the product (not to each other);
    a split told twice, dated and undated, is one dated edge; nodes carry life spans."""
    from orgline.project import Project
    from orgline.store import Store
    from orgline.web import data
    doc = tmp_path / "a.txt"
    doc.write_text("The Dock Clerks Union was founded in 1890. The Carters Union was founded in 1895. "
                   "In 1922 the Dock Clerks Union and the Carters Union merged to form the Transport "
                   "Workers Federation. In 1930 the Lighter Men's Guild split from the Transport Workers "
                   "Federation. The Lighter Men's Guild split from the Transport Workers Federation.",
                   encoding="utf-8")
    db = str(tmp_path / "o.db")
    Project(db).ingest([doc])
    store = Store.open(db)
    ids = {e["label"]: e["id"] for e in Project(db).entities("org")}
    g = data.lineage(store, ids["Transport Workers Federation"])
    merged = [(e["source"], e["target"]) for e in g["edges"] if e["type"] == "merged"]
    product = ids["Transport Workers Federation"]
    assert sorted(merged) == sorted([(ids["Dock Clerks Union"], product), (ids["Carters Union"], product)])
    splits = [e for e in g["edges"] if e["type"] == "split_from"]
    assert len(splits) == 1 and splits[0]["year"] == 1930
    spans = {n["id"]: n["span"] for n in g["nodes"]}
    assert spans[ids["Dock Clerks Union"]] == "1890–1922" and spans[product].startswith("1922–")
