"""Fixtures: a real store per test (a SQLite file; with ORGLINE_TEST_BACKEND=postgresql, a
database of its own on a real PostgreSQL server, see ``postgres.py``), and documents
written to real files."""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import backends
from orgline.project import Project


@pytest.fixture(scope="session", autouse=backends.BACKEND == "postgresql")
def pg_server() -> Iterator[str]:
    """The session's PostgreSQL server, its URL also in ORGLINE_TEST_PG for helpers."""
    with backends.server() as url:
        os.environ["ORGLINE_TEST_PG"] = url
        yield url


@pytest.fixture
def db(tmp_path: Path) -> Iterator[str]:
    url = backends.store_url(tmp_path / "test.db")
    yield url
    if url.startswith("postgresql"):
        backends.drop_database(url)


@pytest.fixture
def project(db: str) -> Project:
    return Project(db)


@pytest.fixture
def write(tmp_path: Path):  # type: ignore[no-untyped-def]
    def _write(name: str, text: str | bytes) -> Path:
        path = tmp_path / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path
    return _write
