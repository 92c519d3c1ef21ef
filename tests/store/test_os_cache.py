"""Reading a replica's file into the OS page cache (``store.os_cache``), on real files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from store.os_cache import sqlite_file, warm, warm_url


def make_db(path: Path, rows: int = 2000) -> None:
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
    con.executemany("INSERT INTO t (v) VALUES (?)", [("x" * 200,) for _ in range(rows)])
    con.commit()
    con.close()


def test_a_replica_file_is_read_through(tmp_path: Path) -> None:
    db = tmp_path / "replica.db"
    make_db(db)
    done = warm_url(f"sqlite:///{db}")
    assert done is not None
    assert (done.how, done.size, done.path) == ("read", db.stat().st_size, str(db))
    # the database still opens and reads as before (nothing written, nothing locked)
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM t").fetchone() == (2000,)
    con.close()


def test_a_file_over_the_memory_share_is_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "big.db"
    make_db(db)
    assert warm(db, max_bytes=1024).how == "too large"


def test_missing_files_and_other_urls(tmp_path: Path) -> None:
    assert warm(tmp_path / "nope.db").how == "missing"
    assert warm_url("sqlite:///:memory:") is None
    assert warm_url("postgresql://u@h/db") is None
    assert sqlite_file("sqlite:////var/x/r.db?mode=ro") == Path("/var/x/r.db")
