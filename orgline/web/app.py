"""The web workspace: server-rendered pages and a JSON API over one store.

Pages: search (``/``), an entity (``/entity/{id}``), a timeline (``/timeline?ids=1,2``), a
lineage graph (``/lineage/{id}``) and a source with its mentions and evidence
(``/source/{id}``). The API under ``/api`` returns the same data; its OpenAPI document is at
``/openapi.json`` (the interactive docs are off: they load scripts from a CDN). Review forms
appear only to a reviewer signed in with the server's edit token, and every change goes
through ``orgline.store.review``, as from the CLI.

Every input is bounded before it is used: ids within SQLite's integers, text fields
within ``LIMITS``, request bodies within ``guard.MAX_BODY``. A value orgline cannot take
comes back as a 422 page showing the form again with what was typed and why; a missing
thing is 404, a refused undo 409, a busy or broken store 503; anything else unexpected is a
plain 500, with the same security headers as every other response (``guard.Guard``).
"""
from __future__ import annotations

import time
from typing import Annotated, Any

from fastapi import FastAPI, Form, HTTPException, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from sqlalchemy import func, select
from sqlalchemy.exc import DataError, SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import query
from ..errors import InvalidValue, NotFound, OrglineError, Refused, StoreError
from ..query import MAX_ID
from ..query.search import search as search_store
from ..store import Store, review
from ..store.schema import ClaimRow, EntityRow, SourceRow
from . import data
from .auth import COOKIE, SESSION_SECONDS, Clock, Editors
from .guard import Guard, log
from .render import STATIC, environment

# The longest value each text field takes: far beyond any real use, short enough that no
# query or page built from it grows unbounded (SQLite refuses LIKE patterns over 50,000).
LIMITS = {"q": 200, "add": 200, "other": 200, "ids": 400, "all": 40, "source_id": 128, "reviewer": 80,
          "token": 512, "next": 2000, "csrf": 100, "action": 20, "date": 64, "end": 64, "value": 500,
          "negated": 10}
MAX_IDS = 20
STATUS = {InvalidValue: (422, "Not accepted"), NotFound: (404, "Not found"), Refused: (409, "Refused"),
          StoreError: (503, "Store unavailable")}
EntityId = Annotated[int, Path(ge=1, le=MAX_ID, description="An entity's id")]
MergedId = Annotated[int | None, Query(ge=1, le=MAX_ID, description="An entity just merged, to confirm")]
ClaimId = Annotated[int, Path(ge=1, le=MAX_ID, description="A claim's id")]
SourceId = Annotated[str, Path(min_length=1, max_length=LIMITS["source_id"],
                               description="A source's id, or a unique prefix of it")]
Ids = Annotated[str, Query(max_length=LIMITS["ids"], description="Entity ids, comma-separated")]


def create_app(db: str, edit_token: str | None = None, clock: Clock = time.monotonic) -> FastAPI:
    """The app over the store at ``db``; editing on with ``edit_token``. ``clock`` times
    sessions and sign-in throttling (tests pass their own)."""
    store = Store.open(db)
    editors = Editors(edit_token, clock)
    env = environment("server")
    app = FastAPI(title="orgline", docs_url=None, redoc_url=None,
                  description="Sourced, time-aware histories of organizations: the store's entities, "
                              "claims, timelines, lineage and sources.")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(Guard)

    def api(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    @app.exception_handler(OrglineError)
    async def orgline_error(request: Request, e: OrglineError) -> Response:
        status, title = next((v for k, v in STATUS.items() if isinstance(e, k)), (400, "Not done"))
        if api(request):
            return JSONResponse({"detail": str(e)}, status_code=status)
        return page(request, "error.html", {"title": title, "message": str(e)}, status=status)

    @app.exception_handler(SQLAlchemyError)
    async def store_error(request: Request, e: SQLAlchemyError) -> Response:
        if isinstance(e, DataError):  # an id past the column's range (PostgreSQL's integers): none such
            return await orgline_error(request, NotFound("nothing has that id in this store"))
        log.warning("store error on %s %s: %s", request.method, request.url.path, str(e).splitlines()[0][:200])
        return await orgline_error(request, StoreError("the store is busy or cannot be read; try again shortly"))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, e: RequestValidationError) -> Response:
        if api(request):
            return JSONResponse({"detail": [{k: err.get(k) for k in ("loc", "msg", "type")} for err in e.errors()]},
                                status_code=422)
        why = "; ".join(f"{'.'.join(str(x) for x in err.get('loc', ())[1:]) or 'request'}: {err.get('msg', '')}"
                        for err in e.errors())
        return page(request, "error.html", {"title": "Not accepted", "message": why}, status=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, e: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/") or e.status_code == 404 and request.url.path.startswith("/static/"):
            return JSONResponse({"detail": e.detail}, status_code=e.status_code)
        titles = {403: "Not allowed", 404: "Not found", 405: "Not allowed", 413: "Too large", 422: "Not understood",
                  429: "Too many attempts"}
        return page(request, "error.html", {"title": titles.get(e.status_code, "Not done"), "message": str(e.detail)},
                    status=e.status_code)

    def page(request: Request, template: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
        cookie = request.cookies.get(COOKIE)
        who = editors.reviewer(cookie)
        here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        context = {"here": here if request.method == "GET" else "/"} | context  # a form's page: where it came from
        html = env.get_template(template).render(
            **context, reviewer=who, editing=editors.enabled, csrf=editors.csrf(cookie) if who else "")
        return HTMLResponse(html, status_code=status)

    def editor(request: Request, csrf: str) -> str:
        """The reviewer making this change; refuses a change without a valid sign-in and
        CSRF token (403), or when editing is off."""
        cookie = request.cookies.get(COOKIE)
        who = editors.reviewer(cookie)
        if who is None:
            raise HTTPException(403, "editing needs the server's edit token: sign in at /login")
        if len(csrf) > LIMITS["csrf"] or not editors.csrf_ok(cookie, csrf):
            raise HTTPException(403, "this form was not sent by an orgline page (CSRF token missing or stale)")
        return who

    def back(to: str) -> RedirectResponse:
        safe = to if to.startswith("/") and not to.startswith("//") else "/"
        return RedirectResponse(safe, status_code=303)

    # ---- pages --------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, q: str = "") -> Response:
        try:
            limit(q=q)
        except InvalidValue as e:
            return page(request, "search.html", {"title": "Search", "q": q, "error": str(e),
                                                 "results": {"entities": [], "sources": []}}, status=422)
        if q:
            return page(request, "search.html", {"title": f"Search: {q}", "q": q, "results": search_store(store, q)})
        return page(request, "search.html", {"title": "orgline", "q": "", "results": None, "recent": _overview(store)})

    @app.get("/entity/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, entity_id: EntityId,
                    all: Annotated[str | None, Query(max_length=LIMITS["all"])] = None,
                    merged: MergedId = None) -> Response:
        merged_into = query.survivor(store, entity_id)
        if merged_into is not None:  # a body merged into another lives on there
            return RedirectResponse(f"/entity/{merged_into}", status_code=307)
        e = data.entity(store, entity_id, show_all=all)
        return page(request, "entity.html", {"title": e["label"], "e": e, "notice": _merged(store, merged)})

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(request: Request, ids: Ids, add: str = "") -> Response:
        wanted = _ids(ids)
        added: dict[str, str] | None = None
        if add.strip():  # "compare with": a name or #id joins the timeline
            try:
                limit(add=add)
                found = query.find_entities(store, add.strip())
                return back("/timeline?ids=" + ",".join(str(i) for i in dict.fromkeys(wanted + found)))
            except (InvalidValue, NotFound) as e:  # the page again, with what was typed and why
                added = {"add": add, "message": str(e)}
        t = data.timeline(store, wanted)
        return page(request, "timeline.html", {"title": "Timeline: " + ", ".join(g["content"] for g in t["groups"] if isinstance(g["id"], int)),
                                               "t": t, "ids": ids, "add_form": added}, status=422 if added else 200)

    @app.get("/lineage/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def lineage_page(request: Request, entity_id: EntityId) -> Response:
        g = data.lineage(store, entity_id)
        root = next(n for n in g["nodes"] if n["root"])
        return page(request, "lineage.html", {"title": f"Lineage: {root['label']}", "g": g, "root": root})

    @app.get("/source/{source_id}", response_class=HTMLResponse, include_in_schema=False)
    def source_page(request: Request, source_id: SourceId) -> Response:
        src = data.source(store, source_id)
        return page(request, "source.html", {"title": src["title"] or src["origin"], "src": src})

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_page(request: Request, next: Annotated[str, Query(max_length=LIMITS["next"])] = "/") -> Response:
        return page(request, "login.html", {"title": "Sign in to review", "next": next, "failed": False})

    @app.post("/login", include_in_schema=False)
    def login(request: Request, token: str = Form(""), reviewer: str = Form(""), next: str = Form("/")) -> Response:
        """Sign in; refused (429) from an address that failed too often of late, whatever
        it sends, so the token cannot be guessed at speed."""
        client = request.client.host if request.client else "unknown"

        def again(status: int, message: str) -> Response:
            return page(request, "login.html", {"title": "Sign in to review", "next": next[:LIMITS["next"]],
                                                "failed": message, "name": reviewer[:LIMITS["reviewer"]]}, status)
        try:
            limit(token=token, reviewer=reviewer, next=next)
        except InvalidValue as e:
            return again(422, str(e))
        if not editors.admit(client):
            return again(429, "Too many failed sign-ins from your address: wait 15 minutes and try again.")
        if not editors.check_token(token):
            return again(403, "That edit token is not this server's.")
        editors.succeeded(client)
        if not reviewer.strip():
            return again(422, "Give your name: it is recorded with every change you make.")
        response = back(next)
        response.set_cookie(COOKIE, editors.sign_in(reviewer.strip()), max_age=SESSION_SECONDS, httponly=True,
                            samesite="strict", secure=request.url.scheme == "https")
        return response

    @app.post("/logout", include_in_schema=False)
    def logout(request: Request, csrf: str = Form(""), next: str = Form("/")) -> Response:
        """Sign out: the session ends on the server, so a copy of the cookie edits no more."""
        editor(request, csrf)
        editors.sign_out(request.cookies.get(COOKIE))
        response = back(next)
        response.delete_cookie(COOKIE)
        return response

    # ---- review -------------------------------------------------------------------------

    @app.post("/claim/{claim_id}/review", include_in_schema=False)
    def review_claim(request: Request, claim_id: ClaimId, action: str = Form(""), csrf: str = Form(""),
                     next: str = Form("/"), date: str = Form(""), end: str = Form(""), value: str = Form(""),
                     negated: str = Form("")) -> Response:
        """Accept, reject or edit a claim; a value orgline cannot take shows the claim's
        page again with the form as it was filled in and why (422)."""
        who = editor(request, csrf)
        try:
            limit(action=action, next=next, date=date, end=end, value=value, negated=negated)
            with store.transaction() as s:
                if action in ("accept", "reject"):
                    review.decide(s, who, claim_id, {"accept": "accepted", "reject": "rejected"}[action])
                elif action == "edit":
                    c = s.get(ClaimRow, claim_id)
                    if c is None:
                        raise NotFound(f"no claim with id {claim_id}")
                    wanted = {"date": date.strip() or None, "end": end.strip() or None,
                              "value": value.strip() or None, "negated": negated == "on"}
                    changes = {k: v for k, v in wanted.items() if getattr(c, k) != v}
                    if changes:
                        review.edit(s, who, claim_id, changes)
                else:
                    raise InvalidValue(f"unknown review action {action[:20]!r}: accept, reject or edit")
        except InvalidValue as e:
            form = {"claim": claim_id, "date": date, "end": end, "value": value, "negated": negated == "on",
                    "message": str(e)}
            return claim_again(request, claim_id, form)
        return back(f"{next.split('#')[0]}#claim-{claim_id}")

    def claim_again(request: Request, claim_id: int, form: dict[str, Any]) -> Response:
        """The page of the claim's subject, every claim of its type shown, the claim's edit
        form open with what was sent and the message; 422."""
        with store.session() as s:
            c = s.get(ClaimRow, claim_id)
            if c is None:
                raise NotFound(f"no claim with id {claim_id}")
            subject, type_ = c.subject_id, c.type
        e = data.entity(store, subject, show_all=type_)
        return page(request, "entity.html", {"title": e["label"], "e": e, "edit_form": form,
                                             "here": f"/entity/{subject}"}, status=422)

    @app.post("/entity/{entity_id}/merge", include_in_schema=False)
    def merge_entity(request: Request, entity_id: EntityId, other: str = Form(""), csrf: str = Form(""),
                     next: str = Form("")) -> Response:
        """Merge the entity named (or #id) in ``other`` into this one; one that names no
        entity or several shows the page again with what was typed (422)."""
        who = editor(request, csrf)
        try:
            limit(other=other)
            if not other.strip():
                raise InvalidValue("name the entity to merge into this one, or give its #id")
            try:
                ids = query.find_entities(store, other.strip())
            except NotFound as e:
                raise InvalidValue(str(e)) from None
            if len(ids) != 1:
                raise InvalidValue(f"{other.strip()!r} names {len(ids)} entities "
                                   f"({', '.join(f'#{i}' for i in ids[:20])}); give one as #id")
            with store.transaction() as s:
                review.merge(s, who, entity_id, ids[0])
            merged = ids[0]
        except InvalidValue as e:
            found = data.entity(store, entity_id)
            return page(request, "entity.html", {"title": found["label"], "e": found, "here": f"/entity/{entity_id}",
                                                 "merge_form": {"other": other, "message": str(e)}}, status=422)
        limit(next=next)
        to = next or f"/entity/{entity_id}"
        return back(f"{to}{'&' if '?' in to else '?'}merged={merged}")  # the page then says what was done

    @app.post("/entity/{entity_id}/label", include_in_schema=False)
    def relabel_entity(request: Request, entity_id: EntityId, label: str = Form(""), csrf: str = Form("")) -> Response:
        """Give an entity the label people should see; an empty one shows the page again (422)."""
        who = editor(request, csrf)
        try:
            limit(value=label)
            if not label.strip():
                raise InvalidValue("give the label to show for this entity")
            with store.transaction() as s:
                review.set_entity(s, who, entity_id, "label", " ".join(label.split()))
        except InvalidValue as e:
            found = data.entity(store, entity_id)
            return page(request, "entity.html", {"title": found["label"], "e": found, "here": f"/entity/{entity_id}",
                                                 "label_form": {"label": label, "message": str(e)}}, status=422)
        return back(f"/entity/{entity_id}")

    @app.post("/entity/{entity_id}/split", include_in_schema=False)
    def split_entity(request: Request, entity_id: EntityId, source_id: str = Form(""), csrf: str = Form("")) -> Response:
        """Take what one source said of this entity into an entity of its own, and open it."""
        who = editor(request, csrf)
        limit(source_id=source_id)
        with store.transaction() as s:
            _, new = review.split(s, who, entity_id, source_id)
        return back(f"/entity/{new}")

    @app.get("/review", response_class=HTMLResponse, include_in_schema=False)
    def review_page(request: Request, merged: MergedId = None) -> Response:
        """The review queue, for a signed-in reviewer: what needs a person, most pressing first."""
        if editors.reviewer(request.cookies.get(COOKIE)) is None:
            return RedirectResponse("/login?next=/review", status_code=303)
        return page(request, "review.html", {"title": "Review queue", "queue": data.review_queue(store),
                                             "notice": _merged(store, merged)})

    @app.post("/review/{review_id}/undo", include_in_schema=False)
    def undo_review(request: Request, review_id: ClaimId, csrf: str = Form(""), next: str = Form("/review")) -> Response:
        """Undo one recorded change (a refused undo is 409, with why)."""
        who = editor(request, csrf)
        limit(next=next)
        with store.transaction() as s:
            review.undo(s, who, review_id)
        return back(next)

    # ---- JSON API -----------------------------------------------------------------------

    @app.get("/api/search", tags=["read"])
    def api_search(q: Annotated[str, Query(max_length=LIMITS["q"],
                                           description="A name, acronym or words of a source text")]) -> dict[str, Any]:
        """Entities whose names match, and sources whose text does, each with why."""
        return search_store(store, q)

    @app.get("/api/entities/{entity_id}", tags=["read"])
    def api_entity(entity_id: EntityId) -> dict[str, Any]:
        """An entity: names with validity, claims by type (with evidence and source), conflicts."""
        return data.entity(store, entity_id)

    @app.get("/api/timeline", tags=["read"])
    def api_timeline(ids: Ids) -> dict[str, Any]:
        """Groups and items for a timeline of one or several entities (ISO dates; ranges
        where a date is uncertain or lasts)."""
        return data.timeline(store, _ids(ids))

    @app.get("/api/lineage/{entity_id}", tags=["read"])
    def api_lineage(entity_id: EntityId) -> dict[str, Any]:
        """Nodes and typed, dated edges around an entity."""
        return data.lineage(store, entity_id)

    @app.get("/api/sources/{source_id}", tags=["read"])
    def api_source(source_id: SourceId) -> dict[str, Any]:
        """A source's text in pieces, each with the entity it mentions and the claims it evidences."""
        return data.source(store, source_id)

    app.state.store = store
    app.state.editors = editors
    return app


def limit(**fields: str) -> None:
    """Refuse a text field longer than its limit in LIMITS, naming it (InvalidValue)."""
    for name, value in fields.items():
        if len(value) > LIMITS[name]:
            raise InvalidValue(f"{name} is {len(value)} characters long; at most {LIMITS[name]} are taken")


def _ids(ids: str) -> list[int]:
    """Entity ids from ``3,17``: ASCII digits only (``int`` takes "²" and "١"), each an
    id SQLite can hold, from 1 to MAX_IDS of them."""
    parts = [x.strip() for x in ids.split(",") if x.strip()]
    if not all(x.isascii() and x.isdigit() and 1 <= int(x) <= MAX_ID for x in parts):
        raise InvalidValue(f"ids {ids[:80]!r}: give entity ids separated by commas, like 3,17")
    if not parts or len(parts) > MAX_IDS:
        raise InvalidValue(f"give from 1 to {MAX_IDS} entity ids")
    return list(dict.fromkeys(int(x) for x in parts))  # each once: a timeline has one row per entity


def _merged(store: Store, merged: int | None) -> str | None:
    """The confirmation a page shows after a merge: said only while the merge holds, so a
    hand-made link cannot make a page claim one."""
    if merged is None or (into := query.survivor(store, merged)) is None:
        return None
    with store.session() as s:
        gone, kept = s.get(EntityRow, merged), s.get(EntityRow, into)
        assert gone is not None and kept is not None
        return (f"Merged #{merged} {gone.label} into #{into} {kept.label}: its names, mentions and claims are "
                "now here. The review queue can undo it.")


def _overview(store: Store) -> dict[str, Any]:
    """The front page without a query: the organizations with the most claims, the sources."""
    with store.session() as s:
        top = s.execute(select(EntityRow.id, EntityRow.label, func.count(ClaimRow.id).label("n"))
                        .join(ClaimRow, ClaimRow.subject_id == EntityRow.id).where(EntityRow.kind == "org")
                        .group_by(EntityRow.id).order_by(func.count(ClaimRow.id).desc()).limit(30)).all()
        sources = s.execute(select(SourceRow.id, SourceRow.title, SourceRow.origin)
                            .order_by(SourceRow.ingested_at.desc()).limit(30)).all()
        n_sources = s.scalar(select(func.count()).select_from(SourceRow))
    return {"orgs": [{"id": i, "label": label, "claims": n} for i, label, n in top],
            "sources": [{"id": i, "title": t or o.rsplit("/", 1)[-1]} for i, t, o in sources], "n_sources": n_sources}
