"""Shared store fixtures (see tests/conftest.py).

* ``pg_server`` (session): a real PostgreSQL started from the ``pgserver`` wheel in a temporary
  directory (falls back to the system's ``initdb``/``pg_ctl``), stopped at session end. Tests
  using it are marked ``postgres``.
* ``pg_url`` (session): URL of one empty database on that server; ``fresh_pg_url``: a new
  empty database per test.
* ``seeded_sqlite_url`` (session, read-only!): a migrated SQLite store seeded with 200
  customers (seed 42); ``seeded_store`` describes it (known, shared and unknown numbers).
  ``seeded_sqlite_copy``: a private copy of it for tests that write.
* ``fresh_sqlite_url``: an empty migrated SQLite store per test.
* Helpers: ``make_store(url, customers=0, seed=42)``, ``free_port()``, ``dead_pg_url()``.
"""

from __future__ import annotations

import atexit
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from store.db import make_engine
from store.schema import migrate

SEED_CUSTOMERS = 200


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def dead_pg_url() -> str:
    """A PostgreSQL URL where nothing listens (connection refused at once)."""
    return f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/nowhere?connect_timeout=2"


def make_store(url: str, customers: int = 0, seed: int = 42, agents: int | None = None) -> Engine:
    """Migrate ``url`` and seed ``customers`` customers; returns an engine (caller disposes)."""
    engine = make_engine(url)
    migrate(engine)
    if customers:
        from store.seed import seed as run_seed

        run_seed(engine, customers, seed=seed, agents=agents)
    return engine


class PgServer:
    """A PostgreSQL server for the test session: ``url(db)``, ``create_database()``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._pgserver = None
        self._system_bin: Path | None = None
        self._user: str | None = None
        self.socket_dir: Path = root
        self.port: int | None = None
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                import pgserver

                self._pgserver = pgserver.get_server(root / "pgdata", cleanup_mode="delete")
            uri = self._pgserver.get_uri()
            self.socket_dir = Path(uri.split("host=", 1)[1].split("&", 1)[0])
        except Exception as exc:  # fall back to the system's binaries
            self._start_system(root, exc)

    def _start_system(self, root: Path, cause: Exception) -> None:
        bins = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
        if not bins:
            raise RuntimeError(f"no PostgreSQL: pgserver failed ({cause}) and no system pg_ctl")
        self._system_bin = bins[-1].parent
        pgdata = root / "sysdata"
        pgdata.mkdir(parents=True, exist_ok=True)
        kwargs: dict[str, object] = {}
        if os.geteuid() == 0:
            self._user = "postgres"
            shutil.chown(root, self._user)
            shutil.chown(pgdata, self._user)
            kwargs["user"] = self._user
        self.socket_dir = pgdata
        self.port = free_port()
        subprocess.run(
            [str(self._system_bin / "initdb"), "-D", str(pgdata), "-U", "postgres",
             "--auth=trust", "--encoding=utf8"],
            check=True, capture_output=True, **kwargs,  # type: ignore[arg-type]
        )  # fmt: skip
        subprocess.run(
            [str(self._system_bin / "pg_ctl"), "-D", str(pgdata), "-w", "-l",
             str(pgdata / "log"), "-o", f"-h '' -k {pgdata} -p {self.port}", "start"],
            check=True, capture_output=True, **kwargs,  # type: ignore[arg-type]
        )  # fmt: skip
        self._pgdata = pgdata
        self._kwargs = kwargs

    def url(self, database: str = "postgres") -> str:
        port = f"&port={self.port}" if self.port else ""
        return f"postgresql+psycopg://postgres@/{database}?host={self.socket_dir}{port}"

    def create_database(self, name: str | None = None) -> str:
        name = name or f"t_{uuid.uuid4().hex[:12]}"
        admin = create_engine(self.url(), isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING UTF8'))
        finally:
            admin.dispose()
        return self.url(name)

    def stop(self) -> None:
        if self._pgserver is not None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                from pgserver import pg_ctl

                srv = self._pgserver
                # A throw-away server: stop it at once (no shutdown checkpoint) and let the
                # fixture delete its directory; pgserver's own (slower, lock-taking) cleanup
                # is not needed any more.
                try:
                    pg_ctl(
                        ["-w", "-m", "immediate", "stop"], pgdata=srv.pgdata, user=srv.system_user
                    )
                    atexit.unregister(srv._cleanup)
                    type(srv)._instances.pop(srv.pgdata, None)
                except subprocess.CalledProcessError:
                    srv.cleanup()
            self._pgserver = None
        elif self._system_bin is not None:
            subprocess.run(
                [str(self._system_bin / "pg_ctl"), "-D", str(self._pgdata), "-w",
                 "-m", "fast", "stop"],
                check=False, capture_output=True, **self._kwargs,  # type: ignore[arg-type]
            )  # fmt: skip
            self._system_bin = None


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    # Not under pytest's private (0700) tmp tree: the server runs as another user when root.
    root = Path(tempfile.mkdtemp(prefix="agentdesk-pg-"))
    server = PgServer(root)
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_url(pg_server: PgServer) -> str:
    """One empty database for the session (tests must clean up what they add)."""
    return pg_server.create_database("agentdesk_test")


@pytest.fixture
def fresh_pg_url(pg_server: PgServer) -> str:
    """A new, empty PostgreSQL database for this test."""
    return pg_server.create_database()


@dataclass(frozen=True)
class SeededStore:
    url: str
    customers: int
    known_phone: str  # E.164 of exactly one customer (known_customer_id)
    known_customer_id: str
    shared_phone: str  # E.164 shared by 2-3 customers
    unknown_phone: str  # a valid number nobody has
    agent_ids: tuple[str, ...]


@pytest.fixture(scope="session")
def seeded_store(tmp_path_factory: pytest.TempPathFactory) -> SeededStore:
    path = tmp_path_factory.mktemp("seeded") / "seeded.db"
    url = f"sqlite:///{path}"
    engine = make_store(url, customers=SEED_CUSTOMERS, seed=42)
    try:
        with engine.connect() as conn:
            known = conn.execute(
                text(
                    "SELECT p.phone, p.customer_id FROM customer_phones p "
                    "JOIN issues i ON i.customer_id = p.customer_id AND i.status = 'open' "
                    "WHERE p.phone LIKE '+86%' "
                    "AND (SELECT count(*) FROM customer_phones q WHERE q.phone = p.phone) = 1 "
                    "ORDER BY p.customer_id, p.phone LIMIT 1"
                )
            ).one()
            shared = conn.execute(
                text(
                    "SELECT phone FROM customer_phones GROUP BY phone HAVING count(*) > 1 "
                    "ORDER BY phone LIMIT 1"
                )
            ).scalar_one()
            agents = tuple(conn.execute(text("SELECT agent_id FROM agents ORDER BY 1")).scalars())
    finally:
        engine.dispose()
    return SeededStore(
        url=url,
        customers=SEED_CUSTOMERS,
        known_phone=known.phone,
        known_customer_id=known.customer_id,
        shared_phone=shared,
        unknown_phone="+8613999999999",
        agent_ids=agents,
    )


@pytest.fixture(scope="session")
def seeded_sqlite_url(seeded_store: SeededStore) -> str:
    """URL of the shared seeded SQLite store (200 customers, seed 42). Do not write to it."""
    return seeded_store.url


@pytest.fixture
def seeded_sqlite_copy(seeded_store: SeededStore, tmp_path: Path) -> str:
    """A private, writable copy of the seeded SQLite store."""
    src = Path(seeded_store.url.removeprefix("sqlite:///"))
    dst = tmp_path / "store.db"
    engine = make_engine(seeded_store.url)
    try:
        with engine.connect() as conn:  # fold the WAL into the main file first
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()
    shutil.copyfile(src, dst)
    return f"sqlite:///{dst}"


@pytest.fixture
def fresh_sqlite_url(tmp_path: Path) -> Iterator[str]:
    """An empty, migrated SQLite store for this test."""
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    make_store(url).dispose()
    yield url
