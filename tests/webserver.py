"""Helpers for tests that drive the web workspace over HTTP: a store built from a few
documents with the real spaCy pipeline, a real uvicorn server on a free loopback port in a
thread, a clock tests can move, and signing in as a browser would."""
from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import uvicorn

import backends
from orgline.project import Project

TOKEN = "a-long-edit-token-for-tests"
GUILD = ("The Riverside Printers Guild (RPG) was founded in Leeds in 1921. In 1948 a group of members "
         "left the RPG and formed the Northern Typographers Union. The Northern Typographers Union "
         "merged into the Graphic Trades Alliance in 1969.")
KILN = "The Kiln Workers Society was founded in Stoke in 1930. It joined the Graphic Trades Alliance in 1952."


def build_store(root: Path, texts: dict[str, str] | None = None) -> str:
    """A SQLite store file under ``root`` holding ``texts`` (file name -> text; by default
    two short histories), every one of them stored."""
    texts = texts or {"guild.txt": GUILD, "kiln.txt": KILN}
    docs = root / "docs"
    docs.mkdir(parents=True)
    for name, text in texts.items():
        (docs / name).write_text(text)
    db = backends.store_url(root / "web.db")
    report = Project(db).ingest([docs])
    assert not report.failed and len(report.stored) == len(texts)
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(app: Any) -> Iterator[str]:
    """``app`` served by uvicorn on 127.0.0.1 until the block ends; yields its base URL."""
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="critical"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    assert srv.started, "the server did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


class Clock:
    """A monotonic clock that moves only when told."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def sign_in(client: httpx.Client, name: str = "Ada", token: str = TOKEN) -> str:
    """Sign ``client`` in; returns the CSRF token its pages' forms carry."""
    r = client.post("/login", data={"token": token, "reviewer": name, "next": "/"})
    assert r.status_code == 303, r.text
    return csrf_of(client.get("/").text)


def csrf_of(html: str) -> str:
    m = re.search(r'name="csrf" value="([^"]*)"', html)
    assert m is not None, "no form with a CSRF token on the page"
    return m.group(1)


def entity_id(base: str, name: str) -> int:
    hits = httpx.get(f"{base}/api/search", params={"q": name}).json()["entities"]
    return int(next(h["id"] for h in hits if h["name"] == name or h["label"] == name))


def claim_ids(base: str, name: str) -> list[int]:
    e = httpx.get(f"{base}/api/entities/{entity_id(base, name)}").json()
    return sorted(c["id"] for cs in e["claims"].values() for c in cs if c["subject_id"] == e["id"])
