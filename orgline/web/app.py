"""The web workspace: server-rendered pages and a JSON API over one store.

Pages: search (``/``), an entity (``/entity/{id}``), a timeline (``/timeline?ids=1,2``), a
lineage graph (``/lineage/{id}``) and a source with its mentions and evidence
(``/source/{id}``). The API under ``/api`` returns the same data; its OpenAPI document is at
``/openapi.json`` (the interactive docs are off: they load scripts from a CDN). Review forms
appear only to a reviewer signed in with the server's edit token, and every change goes
through ``orgline.store.review``, as from the CLI.
"""
from __future__ import annotations

from typing import Any, Awaitable, Callable

from fastapi import FastAPI, Form, HTTPException, Query, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from sqlalchemy import func, select

from .. import query
from ..errors import NotFound, OrglineError
from ..query.search import search as search_store
from ..store import Store, review
from ..store.schema import ClaimRow, EntityRow, SourceRow
from . import data
from .auth import COOKIE, Editors
from .render import STATIC, environment

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


def create_app(db: str, edit_token: str | None = None) -> FastAPI:
    store = Store.open(db)
    editors = Editors(edit_token)
    env = environment("server")
    app = FastAPI(title="orgline", docs_url=None, redoc_url=None,
                  description="Sourced, time-aware histories of organizations: the store's entities, "
                              "claims, timelines, lineage and sources.")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.middleware("http")
    async def headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        return response

    @app.exception_handler(NotFound)
    async def not_found(request: Request, e: NotFound) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(e)}, status_code=404)
        return page(request, "error.html", {"title": "Not found", "message": str(e)}, status=404)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, e: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/") or e.status_code == 404 and request.url.path.startswith("/static/"):
            return JSONResponse({"detail": e.detail}, status_code=e.status_code)
        titles = {403: "Not allowed", 404: "Not found", 405: "Not allowed", 422: "Not understood"}
        return page(request, "error.html", {"title": titles.get(e.status_code, "Not done"), "message": str(e.detail)},
                    status=e.status_code)

    @app.exception_handler(OrglineError)
    async def refused(request: Request, e: OrglineError) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(e)}, status_code=400)
        return page(request, "error.html", {"title": "Not done", "message": str(e)}, status=400)

    def page(request: Request, template: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
        cookie = request.cookies.get(COOKIE)
        who = editors.reviewer(cookie)
        html = env.get_template(template).render(
            **context, reviewer=who, editing=editors.enabled, csrf=editors.csrf(cookie) if who else "",
            here=request.url.path + (f"?{request.url.query}" if request.url.query else ""))
        return HTMLResponse(html, status_code=status)

    def editor(request: Request, csrf: str) -> str:
        """The reviewer making this change; refuses a change without a valid sign-in and
        CSRF token (403), or when editing is off."""
        cookie = request.cookies.get(COOKIE)
        who = editors.reviewer(cookie)
        if who is None:
            raise HTTPException(403, "editing needs the server's edit token: sign in at /login")
        if not editors.csrf_ok(cookie, csrf):
            raise HTTPException(403, "this form was not sent by an orgline page (CSRF token missing or stale)")
        return who

    def back(to: str) -> RedirectResponse:
        safe = to if to.startswith("/") and not to.startswith("//") else "/"
        return RedirectResponse(safe, status_code=303)

    # ---- pages --------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, q: str = "") -> Response:
        if q:
            return page(request, "search.html", {"title": f"Search: {q}", "q": q, "results": search_store(store, q)})
        return page(request, "search.html", {"title": "orgline", "q": "", "results": None, "recent": _overview(store)})

    @app.get("/entity/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, entity_id: int, all: str | None = None) -> Response:
        e = data.entity(store, entity_id, show_all=all)
        return page(request, "entity.html", {"title": e["label"], "e": e})

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(request: Request, ids: str = Query(..., description="Entity ids, comma-separated"),
                      add: str = "") -> Response:
        if add.strip():  # "compare with": a name or #id joins the timeline
            found = query.find_entities(store, add.strip())
            return back("/timeline?ids=" + ",".join(str(i) for i in dict.fromkeys(_ids(ids) + found)))
        t = data.timeline(store, _ids(ids))
        return page(request, "timeline.html", {"title": "Timeline: " + ", ".join(g["content"] for g in t["groups"]),
                                               "t": t, "ids": ids})

    @app.get("/lineage/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def lineage_page(request: Request, entity_id: int) -> Response:
        g = data.lineage(store, entity_id)
        root = next(n for n in g["nodes"] if n["root"])
        return page(request, "lineage.html", {"title": f"Lineage: {root['label']}", "g": g, "root": root})

    @app.get("/source/{source_id}", response_class=HTMLResponse, include_in_schema=False)
    def source_page(request: Request, source_id: str) -> Response:
        src = data.source(store, source_id)
        return page(request, "source.html", {"title": src["title"] or src["origin"], "src": src})

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_page(request: Request, next: str = "/") -> Response:
        return page(request, "login.html", {"title": "Sign in to review", "next": next, "failed": False})

    @app.post("/login", include_in_schema=False)
    def login(request: Request, token: str = Form(...), reviewer: str = Form(...), next: str = Form("/")) -> Response:
        if not editors.check_token(token) or not reviewer.strip():
            return page(request, "login.html", {"title": "Sign in to review", "next": next, "failed": True}, 403)
        response = back(next)
        response.set_cookie(COOKIE, editors.cookie_for(reviewer.strip()[:80]), httponly=True, samesite="strict",
                            secure=request.url.scheme == "https")
        return response

    @app.post("/logout", include_in_schema=False)
    def logout(request: Request, csrf: str = Form(""), next: str = Form("/")) -> Response:
        editor(request, csrf)
        response = back(next)
        response.delete_cookie(COOKIE)
        return response

    # ---- review -------------------------------------------------------------------------

    @app.post("/claim/{claim_id}/review", include_in_schema=False)
    def review_claim(request: Request, claim_id: int, action: str = Form(...), csrf: str = Form(""),
                     next: str = Form("/"), date: str = Form(""), end: str = Form(""), value: str = Form(""),
                     negated: str = Form("")) -> Response:
        who = editor(request, csrf)
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
                raise HTTPException(400, f"unknown review action {action!r}: accept, reject or edit")
        return back(f"{next.split('#')[0]}#claim-{claim_id}")

    @app.post("/entity/{entity_id}/merge", include_in_schema=False)
    def merge_entity(request: Request, entity_id: int, other: str = Form(...), csrf: str = Form("")) -> Response:
        who = editor(request, csrf)
        ids = query.find_entities(store, other.strip())
        if len(ids) != 1:
            raise NotFound(f"{other!r} names {len(ids)} entities ({', '.join(f'#{i}' for i in ids)}); give one as #id")
        with store.transaction() as s:
            review.merge(s, who, entity_id, ids[0])
        return back(f"/entity/{entity_id}")

    # ---- JSON API -----------------------------------------------------------------------

    @app.get("/api/search", tags=["read"])
    def api_search(q: str = Query(..., description="A name, acronym or words of a source text")) -> dict[str, Any]:
        """Entities whose names match, and sources whose text does, each with why."""
        return search_store(store, q)

    @app.get("/api/entities/{entity_id}", tags=["read"])
    def api_entity(entity_id: int) -> dict[str, Any]:
        """An entity: names with validity, claims by type (with evidence and source), conflicts."""
        return data.entity(store, entity_id)

    @app.get("/api/timeline", tags=["read"])
    def api_timeline(ids: str = Query(..., description="Entity ids, comma-separated")) -> dict[str, Any]:
        """Groups and items for a timeline of one or several entities (ISO dates; ranges
        where a date is uncertain or lasts)."""
        return data.timeline(store, _ids(ids))

    @app.get("/api/lineage/{entity_id}", tags=["read"])
    def api_lineage(entity_id: int) -> dict[str, Any]:
        """Nodes and typed, dated edges around an entity."""
        return data.lineage(store, entity_id)

    @app.get("/api/sources/{source_id}", tags=["read"])
    def api_source(source_id: str) -> dict[str, Any]:
        """A source's text in pieces, each with the entity it mentions and the claims it evidences."""
        return data.source(store, source_id)

    app.state.store = store
    return app


def _ids(ids: str) -> list[int]:
    try:
        out = [int(x) for x in ids.split(",") if x.strip()]
    except ValueError:
        raise NotFound(f"ids {ids!r}: give entity ids separated by commas, like 3,17") from None
    if not out or len(out) > 20:
        raise NotFound("give from 1 to 20 entity ids")
    return out


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
