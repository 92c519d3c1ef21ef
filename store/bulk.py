"""Fast bulk writes for seed, import and sync (no ORM per row).

PostgreSQL gets ``COPY`` (or multi-row upserts); SQLite gets ``executemany`` on the raw
connection. On a SQLite central, bulk writers reserve a range of change versions from
``sync_counter`` and write them with the rows (the version triggers only fill rows left NULL),
so a million-row load does not fire a million counter updates.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, text

#: How SQLAlchemy's SQLite DateTime stores values; raw writes must use the same text form.
SQLITE_DT = "%Y-%m-%d %H:%M:%S.%f"


def is_sqlite(conn: Connection) -> bool:
    return conn.dialect.name == "sqlite"


def is_replica(conn: Connection) -> bool:
    return conn.execute(text("SELECT 1 FROM sync_state WHERE key = 'replica'")).first() is not None


@contextmanager
def trusted_rows(conn: Connection) -> Iterator[None]:
    """Bulk rows already checked against the models' CHECK constraints (the importer validates
    every choice column against the same tuples; pulled rows passed central's constraints):
    SQLite skips re-evaluating them per row.

    SQLite rebuilds the value list of a ``CHECK (x IN (...))`` for every row of an
    ``executemany`` (about 5 µs a row for customers); NOT NULL, keys and foreign keys are still
    enforced. The pragma is per connection and restored on the way out.
    """
    if not is_sqlite(conn):
        yield
        return
    conn.exec_driver_sql("PRAGMA ignore_check_constraints=ON")
    try:
        yield
    finally:
        conn.exec_driver_sql("PRAGMA ignore_check_constraints=OFF")


def reserve_versions(conn: Connection, n: int) -> int | None:
    """SQLite central: the first of ``n`` fresh change versions; None where a trigger sets them.

    On PostgreSQL the version trigger always sets the version; on a replica versions come from
    central, so both return None.
    """
    if not is_sqlite(conn) or n <= 0 or is_replica(conn):
        return None
    last = conn.execute(
        text("UPDATE sync_counter SET value = value + :n WHERE id = 1 RETURNING value"), {"n": n}
    ).scalar_one()
    return int(last) - n + 1


def sqlite_value(v: Any) -> Any:
    if isinstance(v, datetime):
        if v.tzinfo is not None:
            raise ValueError("naive UTC datetimes only")
        return v.strftime(SQLITE_DT)
    if isinstance(v, list | dict):
        return json.dumps(v, ensure_ascii=False, separators=(",", ":"))
    return v


def pg_value(v: Any) -> Any:
    if isinstance(v, list | dict):
        return json.dumps(v, ensure_ascii=False, separators=(",", ":"))
    return v


def insert_rows(
    conn: Connection,
    table: str,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    with_versions: bool = True,
    raw: bool = False,
) -> int:
    """Plain bulk insert of tuples in ``columns`` order; returns the row count.

    With ``with_versions`` on a SQLite central, a ``version`` column is added with reserved
    versions. ``raw``: values are already str/int/float/None (times as stored text), so they go
    to the driver unconverted.
    """
    data = list(rows)
    if not data:
        return 0
    cols = list(columns)
    dbapi = conn.connection.dbapi_connection
    assert dbapi is not None
    if is_sqlite(conn):
        first = reserve_versions(conn, len(data)) if with_versions else None
        if first is not None and "version" not in cols:
            cols.append("version")
            data = [(*r, first + i) for i, r in enumerate(data)]
        sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
        cur = dbapi.cursor()
        try:
            cur.executemany(sql, data if raw else [tuple(sqlite_value(v) for v in r) for r in data])
        finally:
            cur.close()
        return len(data)
    cur = dbapi.cursor()
    try:
        with cur.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
            for r in data:
                copy.write_row(r if raw else [pg_value(v) for v in r])
    finally:
        cur.close()
    return len(data)


def upsert_rows(
    conn: Connection,
    table: str,
    columns: Sequence[str],
    key: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    versions: str = "reserve",
    only_changed: bool = True,
    raw: bool = False,
) -> int:
    """Insert or update by primary key ``key``; returns the rows sent.

    ``versions``: ``"reserve"`` (SQLite central: fresh versions written with the rows),
    ``"given"`` (``columns`` holds ``version``; e.g. rows pulled from central), or ``"none"``.
    With ``only_changed`` an existing row equal in every column is left alone (so a repeated
    import does not bump versions and resend the row to every replica).
    """
    data = list(rows)
    if not data:
        return 0
    cols = list(columns)
    sqlite = is_sqlite(conn)
    if versions == "reserve" and sqlite:
        first = reserve_versions(conn, len(data))
        if first is not None:
            cols.append("version")
            data = [(*r, first + i) for i, r in enumerate(data)]
    compare = [c for c in cols if c not in key and c != "version"]
    updates = [c for c in cols if c not in key]
    set_clause = ", ".join(f"{c} = excluded.{c}" for c in updates)
    if sqlite:
        where = " OR ".join(f"{table}.{c} IS NOT excluded.{c}" for c in compare)
    else:
        types = dict(zip(cols, _pg_casts(conn, table, cols), strict=True))
        where = " OR ".join(
            f"{table}.{c}::text IS DISTINCT FROM excluded.{c}::text"
            if types[c] == "json"
            else f"{table}.{c} IS DISTINCT FROM excluded.{c}"
            for c in compare
        )
    conflict = (
        f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {set_clause}"
        + (f" WHERE {where}" if only_changed and where else "")
        if updates
        else f"ON CONFLICT ({', '.join(key)}) DO NOTHING"
    )
    dbapi = conn.connection.dbapi_connection
    assert dbapi is not None
    cur = dbapi.cursor()
    try:
        if sqlite:
            sql = (
                f"INSERT INTO {table} ({', '.join(cols)}) "
                f"VALUES ({', '.join('?' * len(cols))}) {conflict}"
            )
            cur.executemany(sql, data if raw else [tuple(sqlite_value(v) for v in r) for r in data])
        else:
            casts = _pg_casts(conn, table, cols)
            arrays = ", ".join(f"%s::{'text' if t == 'json' else t}[]" for t in casts)
            names = ", ".join(f"u{i}" for i in range(len(cols)))
            exprs = ", ".join(
                f"u{i}::json" if t == "json" else f"u{i}" for i, t in enumerate(casts)
            )
            sql = (
                f"INSERT INTO {table} ({', '.join(cols)}) "
                f"SELECT {exprs} FROM unnest({arrays}) AS u({names}) {conflict}"
            )
            columns_data: list[list[Any]] = [[] for _ in cols]
            for r in data:
                for i, v in enumerate(r):
                    columns_data[i].append(pg_value(v))
            cur.execute(sql, columns_data)
    finally:
        cur.close()
    return len(data)


_PG_TYPES: dict[tuple[str, str], str] = {}


def _pg_casts(conn: Connection, table: str, cols: Sequence[str]) -> list[str]:
    missing = [c for c in cols if (table, c) not in _PG_TYPES]
    if missing:
        for name, typ in conn.execute(
            text(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_name = :t AND table_schema = current_schema()"
            ),
            {"t": table},
        ):
            _PG_TYPES[(table, name)] = {
                "character varying": "text",
                "timestamp without time zone": "timestamp",
            }.get(typ, typ)
    out = []
    for c in cols:
        t = _PG_TYPES[(table, c)]
        out.append(t)
    return out


def secondary_indexes(table: str) -> list[Any]:
    """The non-primary-key indexes of ``table`` as the models declare them."""
    from store.db import Base

    return sorted(Base.metadata.tables[table].indexes, key=lambda i: str(i.name))


def version_indexes(table: str) -> list[Any]:
    """The indexes led by ``version``: central's keyset pull (``store.sync``) reads them; a
    replica never queries by version (it writes and deletes by primary key and reads by
    customer, phone or name), so it does without them."""
    return [i for i in secondary_indexes(table) if next(iter(i.columns)).name == "version"]


def drop_secondary_indexes(conn: Connection, tables: Iterable[str]) -> None:
    """Before loading an empty table in bulk: indexes are built once afterwards, faster than
    maintained row by row. ``ensure_indexes`` puts them back."""
    for table in tables:
        for index in secondary_indexes(table):
            conn.exec_driver_sql(f"DROP INDEX IF EXISTS {index.name}")


def ensure_indexes(conn: Connection, tables: Iterable[str], *, low_memory: bool = False) -> None:
    """Create any missing secondary index of ``tables`` (a no-op when all exist); on a replica
    not the ``version_indexes`` (nothing there reads them).

    With ``low_memory`` on SQLite the index sorter spills to temporary files rather than
    memory, so building the indexes of millions of rows keeps the process small.
    """
    replica = is_sqlite(conn) and is_replica(conn)
    sqlite = is_sqlite(conn) and low_memory
    if sqlite:
        mmap = conn.exec_driver_sql("PRAGMA mmap_size").scalar()
        conn.exec_driver_sql("PRAGMA temp_store=FILE")
        conn.exec_driver_sql("PRAGMA mmap_size=0")
    try:
        for table in tables:
            skip = {i.name for i in version_indexes(table)} if replica else set()
            for index in secondary_indexes(table):
                if index.name not in skip:
                    index.create(conn, checkfirst=True)
    finally:
        if sqlite:
            conn.exec_driver_sql("PRAGMA temp_store=MEMORY")
            conn.exec_driver_sql(f"PRAGMA mmap_size={int(mmap or 0)}")
