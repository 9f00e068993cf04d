"""The stores tests run on. SQLite files by default; with ORGLINE_TEST_BACKEND=postgresql,
databases on a real PostgreSQL server: the one ``ORGLINE_TEST_PG`` names (a URL whose
user may create databases), else a private one this module starts from the installed
server's programs (Debian's ``postgresql`` package) in a temporary folder, on 127.0.0.1
and a free port, and stops at the end. Each test gets a database of its own."""
from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BACKEND = os.environ.get("ORGLINE_TEST_BACKEND", "sqlite")  # "postgresql": stores go to the server
_names = itertools.count()


def _program(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return versions[-1] if versions else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_server_user(cmd: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run its programs as the ``postgres`` user the
    Debian package makes."""
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


@contextmanager
def server() -> Iterator[str]:
    """The base URL of a server (no database name): given, or started here."""
    given = os.environ.get("ORGLINE_TEST_PG")
    if given:
        yield given.rstrip("/")
        return
    initdb, pg_ctl = _program("initdb"), _program("pg_ctl")
    if not initdb or not pg_ctl:
        raise RuntimeError("no PostgreSQL server programs (initdb, pg_ctl): apt-get install postgresql, "
                           "or give a server's URL in ORGLINE_TEST_PG")
    home = Path(tempfile.mkdtemp(prefix="orgline-pg-"))
    data = home / "data"
    if os.geteuid() == 0:
        shutil.chown(home, "postgres")
    port = _free_port()
    subprocess.run(_as_server_user([initdb, "-D", str(data), "-U", "orgline", "--auth=trust", "-E", "UTF8",
                                    "--locale=C.UTF-8"]), check=True, capture_output=True)
    options = f"-p {port} -k {home} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
    subprocess.run(_as_server_user([pg_ctl, "-D", str(data), "-o", options, "-l", str(home / "log"), "-w",
                                    "start"]), check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://orgline@127.0.0.1:{port}"
    finally:
        subprocess.run(_as_server_user([pg_ctl, "-D", str(data), "-m", "immediate", "stop"]), capture_output=True)
        shutil.rmtree(home, ignore_errors=True)


def new_database(base: str) -> str:
    """A new, empty database on the server; its URL."""
    import psycopg
    name = f"orgline_test_{os.getpid()}_{next(_names)}"
    with psycopg.connect(base.replace("postgresql+psycopg://", "postgresql://") + "/postgres",
                         autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{base}/{name}"


def drop_database(url: str) -> None:
    import psycopg
    base, name = url.rsplit("/", 1)
    with psycopg.connect(base.replace("postgresql+psycopg://", "postgresql://") + "/postgres",
                         autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def store_url(sqlite_file: Path) -> str:
    """Where a test's store goes: ``sqlite_file``, or with the postgresql backend a new
    database on the session's server (whose URL the session fixture puts in
    ``ORGLINE_TEST_PG``)."""
    if BACKEND != "postgresql":
        return str(sqlite_file)
    return new_database(os.environ["ORGLINE_TEST_PG"])


class Rows(list):  # type: ignore[type-arg]
    """A statement's rows as tuples, read as sqlite3's cursor reads them."""

    def fetchone(self) -> tuple[object, ...] | None:
        return self[0] if self else None

    def fetchall(self) -> list[tuple[object, ...]]:
        return list(self)


class Connection:
    """A plain SQL connection to a test's store on either backend, for the checks that
    read (or damage) rows behind orgline's back; ``?`` placeholders, as sqlite3 takes."""

    def __init__(self, db: object) -> None:
        from sqlalchemy import create_engine
        from sqlalchemy.engine import URL
        url = db.render_as_string(hide_password=False) if isinstance(db, URL) else str(db)
        self.engine = create_engine(url if "://" in url else f"sqlite:///{url}")
        self.conn = self.engine.connect()

    def execute(self, sql: str, params: tuple[object, ...] = ()) -> "Rows":
        if self.conn.dialect.name != "sqlite":
            sql = sql.replace("%", "%%").replace("?", "%s")
        result = self.conn.exec_driver_sql(sql, tuple(params))
        return Rows([tuple(r) for r in result] if result.returns_rows else [])

    def commit(self) -> None:
        self.conn.commit()

    def close(self) -> None:
        self.conn.close()
        self.engine.dispose()

    def __enter__(self) -> "Connection":
        return self

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            self.commit()
        self.close()


def connect(db: object) -> Connection:
    return Connection(db)
