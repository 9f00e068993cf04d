"""Fixtures: a real SQLite file per test, and documents written to real files."""
from __future__ import annotations

from pathlib import Path

import pytest

from orgline.project import Project


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "test.db")


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
