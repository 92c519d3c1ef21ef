"""Central-to-local sync: pull changes by version into the SQLite replica, push its outbox.

Pull. Central keeps a change version on every synced row (see ``store.models``). For one run
the puller fixes a high-water mark ``hi``: on PostgreSQL the oldest transaction id still
running (``pg_snapshot_xmin``), so a long transaction that commits late is still pulled next
time; on SQLite the counter + 1. Each table (then the tombstones) is read in keyset order
``(version, primary key)`` in batches; every batch is written to the replica in one transaction
together with its watermark, so a crash resumes exactly where it stopped. Rows are written as
central has them (central wins on master data); a row never goes back to an older version, and
a tombstone only deletes a local row older than the delete.

Tombstones. Each replica records its progress on central (``sync_state`` key
``replica:<id>``: the tombstone watermark and when it was seen) at the start and end of a pull,
throttled: only when the watermark moved and the record is ``PROGRESS_EVERY`` (10 min) old, or
when it is ``PROGRESS_HEARTBEAT`` (1 day) old or missing, so a fleet syncing every 5 s writes
once per replica per 10 min rather than twice per sync. The value written is always the
replica's *committed* watermark (read back after the batch's commit), so a recorded watermark is
never ahead of what the replica holds; throttling only makes it older (lower), which prunes
less, never too much. The record's ``seen_at`` lags by at most the heartbeat, far inside the
retention.
``prune_tombstones`` (run by ``sync_once`` at most hourly for the whole fleet: a replica skips
it while central's ``tombstones_pruned_at`` is younger than ``PRUNE_EVERY``) deletes central's
tombstones below the lowest watermark of the replicas seen within ``TOMBSTONE_RETENTION_DAYS``
and records that bound as ``tombstones_pruned_below``. A replica that was away longer (its
watermark is below the bound, so it may have missed deletes) rebuilds: it drops the rows it had
from central (its own unpushed rows and its outbox stay) and pulls everything again. A replica
that began from empty at version ``hi`` needs no tombstone below ``hi`` and reports at least
that.

Push. ``sync_outbox`` entries go to central in order; central records each ``op_id`` in
``sync_applied_ops`` in the same transaction as the change, so a push repeated after a lost
acknowledgement changes nothing. Inserts are ``ON CONFLICT DO NOTHING``: interactions are
append-only, and a customer that already exists on central keeps central's data.
"""

from __future__ import annotations

import hashlib
import json
import logging
import queue
import threading
import time
import uuid
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from agentdesk.errors import AgentdeskError
from store import bulk
from store.models import DATA_COLUMNS, SYNCED_TABLES
from store.schema import head_revision, migrate

log = logging.getLogger(__name__)

BATCH = 20_000
TOMBSTONES = "sync_tombstones"
#: Central tombstones are kept until every replica seen in this many days has pulled them; a
#: replica away for longer rebuilds from central when it comes back.
TOMBSTONE_RETENTION_DAYS = 30
PRUNE_EVERY = timedelta(hours=1)
#: A replica writes its progress to central at most this often, and only when it moved ...
PROGRESS_EVERY = timedelta(minutes=10)
#: ... or when its record is this old (so an idle replica stays "seen" within the retention).
PROGRESS_HEARTBEAT = timedelta(days=1)
_PRUNED_BELOW = "tombstones_pruned_below"  # central sync_state
_PRUNED_AT = "tombstones_pruned_at"  # central sync_state: when any replica last pruned
_REPLICA_PREFIX = "replica:"  # central sync_state: replica:<id> -> progress

#: Columns of each synced table, in the order they are copied.
COLUMNS: dict[str, tuple[str, ...]] = {t: (*c, "version") for t, c in DATA_COLUMNS.items()}
_DATETIME = {"purchased_at", "opened_at", "updated_at", "started_at"}
_MONEY = {"amount", "lifetime_value"}
_JSON = {"queues", "skills"}


class CentralUnavailable(AgentdeskError):
    """Central cannot be reached (down, refused, timed out); local data and outbox are kept."""


@dataclass
class SyncSummary:
    pulled: dict[str, int] = field(default_factory=dict)
    deleted: int = 0
    pushed: int = 0
    push_failed: int = 0
    pending: int = 0
    batches: int = 0
    complete: bool = True
    rebuilt: bool = False
    seconds: float = 0.0

    @property
    def rows(self) -> int:
        return sum(self.pulled.values())

    def line(self) -> str:
        state = "" if self.complete else " (stopped early; the next sync resumes)"
        failed = f", {self.push_failed} failed" if self.push_failed else ""
        return (
            f"sync: pulled {self.rows} rows in {self.batches} batches, {self.deleted} deletes; "
            f"pushed {self.pushed} outbox entries{failed}, {self.pending} pending; "
            f"{self.seconds:.2f} s{state}"
        )


@dataclass
class RefreshResult:
    """What ``refresh_customer`` changed locally: customer field names and card sections."""

    customer_id: str
    found: bool
    changed: set[str] = field(default_factory=set)


def local_url(path: str) -> str:
    """A SQLAlchemy URL for ``--local PATH`` (a URL is kept as is)."""
    if "://" in path:
        return path
    return f"sqlite:///{Path(path).expanduser().resolve()}"


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


# --- central access ------------------------------------------------------------------------


def _unreachable(exc: BaseException) -> bool:
    if isinstance(exc, OperationalError):
        return True
    return isinstance(exc, DBAPIError) and bool(exc.connection_invalidated)


@contextmanager
def _central(engine: Engine) -> Iterator[Connection]:
    """A connection to central; connection failures become ``CentralUnavailable``."""
    try:
        with engine.connect() as conn:
            yield conn
    except (OperationalError, DBAPIError) as exc:
        if not _unreachable(exc):
            raise
        orig = getattr(exc, "orig", None) or exc
        msg = " ".join(str(orig).split())[:300]
        raise CentralUnavailable(f"central store unreachable: {msg}") from exc


def check_central(engine: Engine) -> None:
    """Raise unless central is reachable and migrated to this version's schema."""
    from store.schema import current_revision

    with _central(engine) as conn:
        rev = current_revision(conn)
    if rev != head_revision():
        raise AgentdeskError(
            "central store has no current schema (revision "
            f"{rev or 'none'}); run: agentdesk store init --url CENTRAL"
        )


def _high_water(conn: Connection) -> int:
    if conn.dialect.name == "postgresql":
        return int(
            conn.execute(
                text("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
            ).scalar_one()
        )
    return int(conn.execute(text("SELECT value FROM sync_counter WHERE id = 1")).scalar_one()) + 1


def _select_list(dialect: str, table: str) -> str:
    """Central columns, as the replica (SQLite) stores them."""
    cols = COLUMNS[table] if table != TOMBSTONES else ("id", "table_name", "row_key", "version")
    if dialect != "postgresql":
        return ", ".join(cols)
    out = []
    for c in cols:
        if c in _DATETIME:
            out.append(f"to_char({c}, 'YYYY-MM-DD HH24:MI:SS.US')")
        elif c in _MONEY:
            out.append(f"{c}::float8")
        elif c in _JSON:
            out.append(f"{c}::text")
        else:
            out.append(c)
    return ", ".join(out)


def _pk(table: str) -> tuple[str, ...]:
    return ("id",) if table == TOMBSTONES else SYNCED_TABLES[table]


def _page_sql(dialect: str, table: str, with_cursor: bool) -> str:
    pk = _pk(table)
    where = "version >= :lo AND version < :hi"
    if with_cursor:
        cols = ", ".join(("version", *pk))
        params = ", ".join([":cv"] + [f":k{i}" for i in range(len(pk))])
        where += f" AND ({cols}) > ({params})"
    order = ", ".join(("version", *pk))
    return (
        f"SELECT {_select_list(dialect, table)} FROM {table} WHERE {where} "
        f"ORDER BY {order} LIMIT :limit"
    )


# --- local (replica) side ------------------------------------------------------------------


_prepared: weakref.WeakSet[Engine] = weakref.WeakSet()


def prepare_local(engine: Engine) -> None:
    """Create or migrate the replica's schema and mark it as a replica (no version triggers).

    Done once per engine and process. A store that becomes a replica forgets its own change
    versions (central's versions replace them as rows are pulled).
    """
    if engine in _prepared:
        return
    if engine.dialect.name != "sqlite":
        raise AgentdeskError("the local replica must be a SQLite store")
    migrate(engine)
    with engine.begin() as conn:
        marked = conn.execute(
            text(
                "INSERT INTO sync_state (key, value) VALUES ('replica', '1') "
                "ON CONFLICT (key) DO NOTHING"
            )
        ).rowcount
        # Versions and tombstones come from central: the replica needs no change triggers
        # (they would only slow every pulled row down), nor the indexes on ``version`` that
        # central's pull reads (nothing on a replica queries by version; building them was
        # ~8% of a first sync's CPU). A replica made before this drops them here.
        for table in SYNCED_TABLES:
            for suffix in ("version_ins", "version_upd", "tombstone"):
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS trg_{table}_{suffix}")
            for index in bulk.version_indexes(table):
                conn.exec_driver_sql(f"DROP INDEX IF EXISTS {index.name}")
        if marked:
            for table in SYNCED_TABLES:
                conn.exec_driver_sql(f"UPDATE {table} SET version = NULL WHERE version IS NOT NULL")
            conn.exec_driver_sql("DELETE FROM sync_tombstones")
    _prepared.add(engine)


@contextmanager
def _replica_tx(engine: Engine) -> Iterator[Connection]:
    """One replica transaction with foreign keys and CHECK constraints off (rows arrive in
    version order, not FK order; central keeps the integrity and checked the values)."""
    with engine.connect() as conn:
        mmap = conn.exec_driver_sql("PRAGMA mmap_size").scalar()
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        # A bulk writer gains nothing from a memory map of the whole file (it only inflates the
        # process's resident memory).
        conn.exec_driver_sql("PRAGMA mmap_size=0")
        # Central checked every row against the same CHECK constraints: SQLite need not
        # re-evaluate them per row (``bulk.trusted_rows``).
        conn.exec_driver_sql("PRAGMA ignore_check_constraints=ON")
        conn.commit()
        try:
            with conn.begin():
                yield conn
        finally:
            conn.exec_driver_sql("PRAGMA ignore_check_constraints=OFF")
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            conn.exec_driver_sql(f"PRAGMA mmap_size={int(mmap or 0)}")
            conn.commit()


def _watermark(conn: Connection, table: str) -> tuple[int, int | None, list[Any] | None]:
    row = conn.execute(
        text(
            "SELECT done_below, cursor_version, cursor_key FROM sync_watermarks "
            "WHERE table_name = :t"
        ),
        {"t": table},
    ).first()
    if row is None:
        return 0, None, None
    key = json.loads(row.cursor_key) if row.cursor_key is not None else None
    return int(row.done_below), row.cursor_version, key


def _set_watermark(
    conn: Connection, table: str, done_below: int, cv: int | None, key: list[Any] | None
) -> None:
    conn.execute(
        text(
            "INSERT INTO sync_watermarks (table_name, done_below, cursor_version, cursor_key, "
            "updated_at) VALUES (:t, :d, :cv, :ck, :u) ON CONFLICT (table_name) DO UPDATE SET "
            "done_below = excluded.done_below, cursor_version = excluded.cursor_version, "
            "cursor_key = excluded.cursor_key, updated_at = excluded.updated_at"
        ),
        {
            "t": table,
            "d": done_below,
            "cv": cv,
            "ck": json.dumps(key) if key is not None else None,
            "u": utcnow(),
        },
    )


def _upsert_sql(table: str) -> str:
    cols = COLUMNS[table]
    pk = SYNCED_TABLES[table]
    sets = ", ".join(f"{c} = excluded.{c}" for c in cols if c not in pk)
    return (
        f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))}) "
        f"ON CONFLICT ({', '.join(pk)}) DO UPDATE SET {sets} "
        f"WHERE {table}.version IS NULL OR {table}.version <= excluded.version"
    )


def _write_rows(conn: Connection, table: str, rows: list[tuple[Any, ...]]) -> None:
    dbapi = conn.connection.dbapi_connection
    assert dbapi is not None
    cur = dbapi.cursor()
    try:
        cur.executemany(_upsert_sql(table), rows)
    finally:
        cur.close()


def _apply_tombstones(conn: Connection, rows: list[tuple[Any, ...]]) -> int:
    by_table: dict[str, list[tuple[Any, ...]]] = {}
    for _id, table, row_key, version in rows:
        if table not in SYNCED_TABLES:
            continue
        key = json.loads(row_key)
        by_table.setdefault(table, []).append((*key, version))
    dbapi = conn.connection.dbapi_connection
    assert dbapi is not None
    cur = dbapi.cursor()
    deleted = 0
    try:
        for table, params in by_table.items():
            pk = SYNCED_TABLES[table]
            cond = " AND ".join(f"{c} = ?" for c in pk)
            cur.executemany(
                f"DELETE FROM {table} WHERE {cond} AND (version IS NULL OR version < ?)", params
            )
            deleted += max(cur.rowcount, 0)
    finally:
        cur.close()
    return deleted


# --- tombstone retention -------------------------------------------------------------------


def replica_id(local: Engine) -> str:
    """This replica's id (made once, kept in its ``sync_state``)."""
    with local.begin() as lc:
        got = lc.execute(text("SELECT value FROM sync_state WHERE key = 'replica_id'")).scalar()
        if got:
            return str(got)
        new = str(uuid.uuid4())
        lc.execute(
            text("INSERT INTO sync_state (key, value) VALUES ('replica_id', :v)"), {"v": new}
        )
        return new


def _put_state(conn: Connection, key: str, value: str) -> None:
    conn.execute(
        text(
            "INSERT INTO sync_state (key, value) VALUES (:k, :v) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        ),
        {"k": key, "v": value},
    )


def _pruned_below(conn: Connection) -> int:
    got = conn.execute(
        text("SELECT value FROM sync_state WHERE key = :k"), {"k": _PRUNED_BELOW}
    ).scalar()
    return int(got) if got else 0


#: Central's record of a replica's progress: (tombstones done below, seen at).
_Progress = tuple[int, datetime]


def _parse_progress(value: str | None) -> _Progress | None:
    if not value:
        return None
    info = json.loads(value)
    return int(info["tombstones_done_below"]), datetime.fromisoformat(info["seen_at"])


def _report_progress(
    central: Engine, rid: str, done_below: int, now: datetime, recorded: _Progress | None
) -> _Progress | None:
    """Tell central how far this replica has pulled tombstones (never moving it back); returns
    the record as central now has it.

    Throttled (``recorded`` is central's record as last read or written): skipped while the
    record is younger than ``PROGRESS_HEARTBEAT`` and either younger than ``PROGRESS_EVERY``
    or already at ``done_below``. ``done_below`` must be what this replica has committed.
    """
    if recorded is not None:
        old_done, old_seen = recorded
        age = now - old_seen
        if timedelta(0) <= age < PROGRESS_HEARTBEAT and (
            done_below <= old_done or age < PROGRESS_EVERY
        ):
            return recorded
    key = _REPLICA_PREFIX + rid
    with _central(central) as cc, cc.begin():
        old = _parse_progress(
            cc.execute(text("SELECT value FROM sync_state WHERE key = :k"), {"k": key}).scalar()
        )
        if old is not None:
            done_below = max(done_below, old[0])
        info = {"tombstones_done_below": done_below, "seen_at": now.isoformat()}
        _put_state(cc, key, json.dumps(info))
    return done_below, now


def prune_tombstones(
    central: Engine,
    *,
    retention_days: float = TOMBSTONE_RETENTION_DAYS,
    now: datetime | None = None,
) -> int:
    """Delete central's tombstones that every replica seen within ``retention_days`` has
    pulled; returns how many. Replicas not seen for longer are forgotten (they rebuild when
    they come back); with no replica left, every committed tombstone goes."""
    now = now or utcnow()
    cutoff = now - timedelta(days=retention_days)
    with _central(central) as cc, cc.begin():
        live: list[int] = []
        for key, value in cc.execute(
            text("SELECT key, value FROM sync_state WHERE key LIKE :p"),
            {"p": _REPLICA_PREFIX + "%"},
        ).all():
            info = json.loads(value)
            if datetime.fromisoformat(info["seen_at"]) >= cutoff:
                live.append(int(info["tombstones_done_below"]))
            else:
                cc.execute(text("DELETE FROM sync_state WHERE key = :k"), {"k": key})
        floor = min(live) if live else _high_water(cc)
        deleted = cc.execute(
            text("DELETE FROM sync_tombstones WHERE version < :f"), {"f": floor}
        ).rowcount
        _put_state(cc, _PRUNED_BELOW, str(max(floor, _pruned_below(cc))))
        _put_state(cc, _PRUNED_AT, now.isoformat())
    return max(int(deleted or 0), 0)


def _last_central_prune(central: Engine) -> datetime | None:
    with _central(central) as cc:
        value = cc.execute(
            text("SELECT value FROM sync_state WHERE key = :k"), {"k": _PRUNED_AT}
        ).scalar()
    return datetime.fromisoformat(value) if value else None


def _rebuild(local: Engine) -> None:
    """Forget what was pulled (rows central sent, watermarks) so the next pull is a full one;
    rows this replica made itself and not yet got back from central (version NULL), and the
    outbox, stay."""
    with _replica_tx(local) as lc:
        for table in reversed(tuple(SYNCED_TABLES)):
            lc.exec_driver_sql(f"DELETE FROM {table} WHERE version IS NOT NULL")
        lc.exec_driver_sql("DELETE FROM sync_watermarks")


# --- pull ----------------------------------------------------------------------------------


def _dbapi_unreachable(central: Engine, exc: BaseException) -> bool:
    if isinstance(exc, OperationalError | DBAPIError):
        return _unreachable(exc)
    dbapi = central.dialect.loaded_dbapi
    return isinstance(exc, dbapi.OperationalError | dbapi.InterfaceError)


def _dbapi_sql(sql: str, dialect: str) -> str:
    """``:name`` parameters as the driver wants them (psycopg: ``%(name)s``)."""
    if dialect != "postgresql":
        return sql
    import re

    return re.sub(r"(?<![:\w]):(\w+)", r"%(\1)s", sql)


_Cursor = tuple[int, int | None, list[Any] | None]  # done_below, cursor version, cursor key
_Page = tuple[str, list[tuple[Any, ...]], bool, int, int | None, list[Any] | None]


def _producer(
    central: Engine,
    dialect: str,
    hi: int,
    batch_size: int,
    start: dict[str, _Cursor],
    stop: threading.Event,
    out: queue.Queue[_Page | BaseException | None],
) -> None:
    """Read central's pages in keyset order, one step ahead of the replica's writer."""

    def put(item: _Page | BaseException | None) -> bool:
        while not stop.is_set():
            try:
                out.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    try:
        raw = central.raw_connection()
    except BaseException as exc:
        put(exc)
        return
    try:
        for table in (*SYNCED_TABLES, TOMBSTONES):
            pk = _pk(table)
            done_below, cv, ck = start[table]
            while not stop.is_set():
                params: dict[str, Any] = {"lo": done_below, "hi": hi, "limit": batch_size}
                if cv is not None and ck is not None:
                    params["cv"] = cv
                    params.update({f"k{i}": v for i, v in enumerate(ck)})
                sql = _dbapi_sql(_page_sql(dialect, table, cv is not None), dialect)
                cur = raw.cursor()
                try:
                    cur.execute(sql, params)
                    rows = [tuple(r) for r in cur.fetchall()]
                finally:
                    cur.close()
                raw.commit()
                full = len(rows) == batch_size
                if full:
                    last = rows[-1]
                    if table == TOMBSTONES:
                        cv, ck = int(last[3]), [last[0]]
                    else:
                        cols = COLUMNS[table]
                        cv, ck = int(last[cols.index("version")]), [last[cols.index(c)] for c in pk]
                    page: _Page = (table, rows, True, done_below, cv, ck)
                else:
                    page = (table, rows, False, max(hi, done_below), None, None)
                if not put(page) or not full:
                    break
        put(None)
    except BaseException as exc:
        put(exc)
    finally:
        raw.close()


def ensure_indexes(local: Engine) -> None:
    """Recreate any secondary index a first full sync dropped (no-op when all exist)."""
    with local.begin() as lc:
        bulk.ensure_indexes(lc, SYNCED_TABLES, low_memory=True)


def _pull(
    central: Engine,
    local: Engine,
    summary: SyncSummary,
    batch_size: int,
    max_batches: int | None,
    clock: Callable[[], datetime],
) -> None:
    rid = replica_id(local)
    with _central(central) as cc:
        hi = _high_water(cc)
        dialect = cc.dialect.name
        pruned = _pruned_below(cc)
        recorded = _parse_progress(
            cc.execute(
                text("SELECT value FROM sync_state WHERE key = :k"), {"k": _REPLICA_PREFIX + rid}
            ).scalar()
        )
    with local.connect() as lc:
        start = {t: _watermark(lc, t) for t in (*SYNCED_TABLES, TOMBSTONES)}
        fresh = lc.execute(text("SELECT count(*) FROM sync_watermarks")).scalar_one() == 0
    # A replica that started from empty at version ``hi`` needs no tombstone below it (those
    # deletes were done before it pulled anything).
    with local.connect() as lc:
        needed = lc.execute(
            text("SELECT value FROM sync_state WHERE key = 'tombstones_needed_from'")
        ).scalar()
    needed_from = int(needed) if needed else 0
    if not fresh and max(start[TOMBSTONES][0], needed_from) < pruned:
        log.warning(
            "central pruned deletes this replica has not pulled (it was away longer than the "
            "%s-day retention): pulling everything again",
            TOMBSTONE_RETENTION_DAYS,
        )
        _rebuild(local)
        summary.rebuilt = True
        start = {t: (0, None, None) for t in start}
        fresh = True
    if fresh:
        needed_from = hi
        _set_state(local, tombstones_needed_from=str(hi))
    # registered before pulling, so central keeps what this pull still needs (a record that
    # exists is younger than the heartbeat, far inside the retention)
    recorded = _report_progress(
        central, rid, max(start[TOMBSTONES][0], needed_from), clock(), recorded
    )
    if fresh:
        # An empty replica: load the rows first and build the secondary indexes once at the
        # end (much faster than maintaining them row by row).
        with local.begin() as lc:
            bulk.drop_secondary_indexes(lc, SYNCED_TABLES)
    else:
        ensure_indexes(local)  # after a first sync that was cut off
    stop = threading.Event()
    pages: queue.Queue[_Page | BaseException | None] = queue.Queue(maxsize=2)
    reader = threading.Thread(
        target=_producer,
        args=(central, dialect, hi, batch_size, start, stop, pages),
        name="sync-pull",
        daemon=True,
    )
    reader.start()
    try:
        while True:
            if max_batches is not None and summary.batches >= max_batches:
                summary.complete = False
                break
            item = pages.get()
            if item is None:
                break
            if isinstance(item, BaseException):
                if _dbapi_unreachable(central, item):
                    msg = " ".join(str(getattr(item, "orig", None) or item).split())[:300]
                    raise CentralUnavailable(f"central store unreachable: {msg}") from item
                raise item
            table, rows, _full, done_below, cv, ck = item
            with _replica_tx(local) as lc:
                if rows:
                    if table == TOMBSTONES:
                        summary.deleted += _apply_tombstones(lc, rows)
                    else:
                        _write_rows(lc, table, rows)
                        summary.pulled[table] = summary.pulled.get(table, 0) + len(rows)
                _set_watermark(lc, table, done_below, cv, ck)
            summary.batches += 1
    finally:
        stop.set()
        reader.join(timeout=30)
    if summary.complete or fresh:
        ensure_indexes(local)
    if summary.complete:
        with local.connect() as lc:
            done_below = _watermark(lc, TOMBSTONES)[0]
        _report_progress(central, rid, max(done_below, needed_from), clock(), recorded)


# --- push ----------------------------------------------------------------------------------


def _parse_dt(value: Any) -> Any:
    if isinstance(value, str):
        return datetime.fromisoformat(value)
    return value


def _apply_op(conn: Connection, kind: str, payload: dict[str, Any]) -> None:
    def customer_known(cid: Any) -> bool:
        if cid is None:
            return False
        return (
            conn.execute(text("SELECT 1 FROM customers WHERE customer_id = :c"), {"c": cid}).first()
            is not None
        )

    if kind == "interaction":
        row = {c: payload.get(c) for c in COLUMNS["interactions"] if c != "version"}
        row["started_at"] = _parse_dt(row["started_at"])
        if row["customer_id"] is not None and not customer_known(row["customer_id"]):
            # The customer is gone on central; the contact itself is still kept.
            note = f"[customer {row['customer_id']} not on central] "
            row["notes"] = note + (row["notes"] or "")
            row["customer_id"] = None
        cols = list(row)
        conn.execute(
            text(
                f"INSERT INTO interactions ({', '.join(cols)}) "
                f"VALUES ({', '.join(':' + c for c in cols)}) "
                "ON CONFLICT (interaction_id) DO NOTHING"
            ),
            row,
        )
    elif kind == "customer":
        cid = payload["customer_id"]
        if customer_known(cid):
            return  # central wins on master data
        row = {c: payload.get(c) for c in COLUMNS["customers"] if c != "version"}
        cols = list(row)
        conn.execute(
            text(
                f"INSERT INTO customers ({', '.join(cols)}) "
                f"VALUES ({', '.join(':' + c for c in cols)}) "
                "ON CONFLICT (customer_id) DO NOTHING"
            ),
            row,
        )
        phones = [{"c": cid, "p": p, "i": i} for i, p in enumerate(payload.get("phones") or [])]
        if phones:
            conn.execute(
                text(
                    "INSERT INTO customer_phones (customer_id, phone, position) "
                    "VALUES (:c, :p, :i) ON CONFLICT (customer_id, phone) DO NOTHING"
                ),
                phones,
            )
    elif kind == "issue":
        row = {c: payload.get(c) for c in COLUMNS["issues"] if c != "version"}
        row["opened_at"] = _parse_dt(row["opened_at"])
        row["updated_at"] = _parse_dt(row["updated_at"])
        cols = list(row)
        conn.execute(
            text(
                f"INSERT INTO issues ({', '.join(cols)}) "
                f"VALUES ({', '.join(':' + c for c in cols)}) "
                "ON CONFLICT (issue_id) DO NOTHING"
            ),
            row,
        )
    else:
        raise ValueError(f"unknown outbox entry kind {kind!r}")


def _claim(conn: Connection, op_id: str, kind: str) -> bool:
    """Record ``op_id`` as applied on central; False when it already was (a repeated push)."""
    res = conn.execute(
        text(
            "INSERT INTO sync_applied_ops (op_id, kind, applied_at) VALUES (:o, :k, :a) "
            "ON CONFLICT (op_id) DO NOTHING"
        ),
        {"o": op_id, "k": kind, "a": utcnow()},
    )
    return res.rowcount == 1


def push_outbox(central: Engine, local: Engine, limit: int = 1000) -> tuple[int, int]:
    """Push pending outbox entries in order; returns (pushed, failed).

    An entry that central refuses (e.g. its customer does not exist there) stays pending with
    ``last_error`` and does not block the others. ``CentralUnavailable`` when central is down
    (the entries stay pending and record the attempt).
    """
    with local.connect() as lc:
        entries = lc.execute(
            text(
                "SELECT id, op_id, kind, payload FROM sync_outbox WHERE pushed_at IS NULL "
                "ORDER BY id LIMIT :n"
            ),
            {"n": limit},
        ).all()
    pushed = failed = 0
    for entry in entries:
        payload = json.loads(entry.payload) if isinstance(entry.payload, str) else entry.payload
        error: str | None = None
        try:
            with _central(central) as cc, cc.begin():
                if _claim(cc, entry.op_id, entry.kind):
                    _apply_op(cc, entry.kind, payload)
        except CentralUnavailable as exc:
            _note_attempt(local, entry.id, str(exc))
            raise
        except (IntegrityError, DBAPIError, ValueError, KeyError) as exc:
            error = " ".join(str(getattr(exc, "orig", None) or exc).split())[:500]
        if error is not None:
            failed += 1
            _note_attempt(local, entry.id, error)
            log.warning("outbox entry %s (%s) refused: %s", entry.op_id, entry.kind, error)
            continue
        with local.begin() as lc:
            lc.execute(
                text(
                    "UPDATE sync_outbox SET pushed_at = :t, attempts = attempts + 1, "
                    "last_error = NULL WHERE id = :i"
                ),
                {"t": utcnow(), "i": entry.id},
            )
        pushed += 1
    return pushed, failed


def _note_attempt(local: Engine, entry_id: int, error: str) -> None:
    with local.begin() as lc:
        lc.execute(
            text("UPDATE sync_outbox SET attempts = attempts + 1, last_error = :e WHERE id = :i"),
            {"e": error, "i": entry_id},
        )


def pending_outbox(local: Engine) -> int:
    with local.connect() as lc:
        sql = "SELECT count(*) FROM sync_outbox WHERE pushed_at IS NULL"
        return int(lc.execute(text(sql)).scalar_one())


# --- the public entry points ---------------------------------------------------------------


def sync_once(
    central: Engine,
    local: Engine,
    *,
    batch_size: int | None = None,
    max_batches: int | None = None,
    push: bool = True,
    prune: bool = True,
    clock: Callable[[], datetime] = utcnow,
) -> SyncSummary:
    """Push the replica's outbox to central, then pull central's changes; one summary.

    With ``prune`` (at most every ``PRUNE_EVERY`` per replica, and skipped while another
    replica pruned within that time) central's tombstones that every
    recent replica has pulled are deleted (``prune_tombstones``). ``clock`` (naive UTC) times
    the progress reports and the prunes.

    ``max_batches`` stops the pull early (the next call resumes). Raises
    ``CentralUnavailable`` when central cannot be reached (nothing local is lost).
    """
    t0 = time.perf_counter()
    summary = SyncSummary()
    prepare_local(local)
    try:
        check_central(central)
        if push:
            while True:
                pushed, failed = push_outbox(central, local)
                summary.pushed += pushed
                summary.push_failed += failed
                if pushed + failed < 1000 or pushed == 0:
                    break
        _pull(central, local, summary, batch_size or BATCH, max_batches, clock)
        if summary.complete and prune:
            _maybe_prune(central, local, clock())
    except CentralUnavailable as exc:
        _set_state(local, last_error=str(exc), last_attempt_at=utcnow().isoformat())
        raise
    summary.pending = pending_outbox(local)
    summary.seconds = time.perf_counter() - t0
    now = utcnow().isoformat()
    _set_state(local, last_error=None, last_attempt_at=now, last_sync_at=now)
    return summary


def _maybe_prune(central: Engine, local: Engine, now: datetime) -> None:
    with local.connect() as lc:
        last = lc.execute(text("SELECT value FROM sync_state WHERE key = 'last_prune_at'")).scalar()
    if last and now - datetime.fromisoformat(last) < PRUNE_EVERY:
        return
    # one prune an hour for the whole fleet: skip it when another replica pruned lately
    # (its clock, not ours: a skew only shifts the hour; the next check is an hour away anyway)
    central_last = _last_central_prune(central)
    if central_last is None or abs(now - central_last) >= PRUNE_EVERY:
        pruned = prune_tombstones(central, now=now)
        if pruned:
            log.info("pruned %d tombstones on central", pruned)
    _set_state(local, last_prune_at=now.isoformat())


def _set_state(local: Engine, **values: str | None) -> None:
    with local.begin() as lc:
        for key, value in values.items():
            lc.execute(
                text(
                    "INSERT INTO sync_state (key, value) VALUES (:k, :v) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
                ),
                {"k": key, "v": value},
            )


def sync_status(local: Engine) -> dict[str, str | None]:
    """The replica's ``last_sync_at``, ``last_attempt_at`` (ISO, UTC) and ``last_error``, plus
    ``pending`` (outbox entries not yet on central) as a string."""
    with local.connect() as lc:
        state = {r[0]: r[1] for r in lc.execute(text("SELECT key, value FROM sync_state"))}
    out: dict[str, str | None] = {
        k: state.get(k) for k in ("last_sync_at", "last_attempt_at", "last_error")
    }
    out["pending"] = str(pending_outbox(local))
    return out


def watch(
    central: Engine,
    local: Engine,
    *,
    interval: float = 5.0,
    report: Callable[[SyncSummary], None] | None = None,
    stop: threading.Event | None = None,
    max_backoff: float = 60.0,
    on_error: Callable[[Exception, float], None] | None = None,
) -> None:
    """Sync every ``interval`` seconds until ``stop`` is set; while central is unreachable,
    retry with exponential back-off (``interval`` doubling up to ``max_backoff``)."""
    stop = stop or threading.Event()
    failures = 0
    while not stop.is_set():
        try:
            summary = sync_once(central, local)
        except CentralUnavailable as exc:
            failures += 1
            delay = min(max_backoff, interval * (2 ** min(failures, 10)))
            if on_error is not None:
                on_error(exc, delay)
            else:
                log.warning("%s; retrying in %.0f s", exc, delay)
            stop.wait(delay)
            continue
        failures = 0
        if report is not None:
            report(summary)
        stop.wait(interval)


# --- one customer, now ---------------------------------------------------------------------

_CUSTOMER_FIELDS = ("name", "tier", "lifecycle", "language", "email", "lifetime_value")
_SECTIONS = {
    "customer_phones": "phones",
    "purchases": "purchases",
    "issues": "open_issues",
    "interactions": "interactions",
}


def refresh_customer(central: Engine, local: Engine, customer_id: str) -> RefreshResult:
    """Bring one customer (and phones, purchases, issues, interactions) up to date from central
    right now, e.g. when the desktop pops a card; returns what changed.

    ``changed`` holds customer field names (``tier``, ``name``, ...) and card sections
    (``phones``, ``purchases``, ``open_issues``, ``interactions``); ``found`` is False when
    central has no such customer (a copy central deleted is removed locally). Raises
    ``CentralUnavailable`` when central cannot be reached.
    """
    result = RefreshResult(customer_id=customer_id, found=False)
    prepare_local(local)
    remote: dict[str, list[tuple[Any, ...]]] = {}
    with _central(central) as cc:
        dialect = cc.dialect.name
        for table in ("customers", *_SECTIONS):
            sql = (
                f"SELECT {_select_list(dialect, table)} FROM {table} WHERE customer_id = :c "
                f"ORDER BY {', '.join(SYNCED_TABLES[table])}"
            )
            try:
                remote[table] = [tuple(r) for r in cc.execute(text(sql), {"c": customer_id})]
            except (OperationalError, DBAPIError) as exc:
                if _unreachable(exc):
                    raise CentralUnavailable(f"central store unreachable: {exc.orig}") from exc
                raise
    result.found = bool(remote["customers"])
    with _replica_tx(local) as lc:
        for table in ("customers", *_SECTIONS):
            cols = COLUMNS[table]
            pk = SYNCED_TABLES[table]
            local_rows = {
                tuple(r[: len(pk)]): tuple(r)
                for r in lc.execute(
                    text(f"SELECT {', '.join(pk + tuple(c for c in cols if c not in pk))} "
                         f"FROM {table} WHERE customer_id = :c"),
                    {"c": customer_id},
                )
            }  # fmt: skip
            want = {tuple(r[cols.index(c)] for c in pk): r for r in remote[table]}
            ordered = pk + tuple(c for c in cols if c not in pk)
            diff = False
            for key, row in want.items():
                as_local = tuple(row[cols.index(c)] for c in ordered)
                mine = local_rows.get(key)
                if mine is None or not _same_row(ordered, mine, as_local):
                    diff = True
                    if table == "customers" and mine is not None:
                        for c in _CUSTOMER_FIELDS:
                            i = ordered.index(c)
                            if not _same_value(c, mine[i], as_local[i]):
                                result.changed.add(c)
                    elif table == "customers":
                        result.changed.update(_CUSTOMER_FIELDS)
            vi = ordered.index("version")
            stale = [k for k, r in local_rows.items() if k not in want and r[vi] is not None]
            if stale:
                diff = True
                cond = " AND ".join(f"{c} = ?" for c in pk)
                dbapi = lc.connection.dbapi_connection
                assert dbapi is not None
                cur = dbapi.cursor()
                try:
                    cur.executemany(f"DELETE FROM {table} WHERE {cond}", stale)
                finally:
                    cur.close()
            if want:
                _write_rows(lc, table, list(want.values()))
            if diff and table != "customers":
                result.changed.add(_SECTIONS[table])
    return result


def _same_value(column: str, a: Any, b: Any) -> bool:
    if column in _MONEY:
        return a is not None and b is not None and round(float(a), 2) == round(float(b), 2)
    if column in _JSON:
        return bool(json.loads(a) == json.loads(b)) if a and b else a == b
    return bool(a == b)


def _same_row(cols: tuple[str, ...], a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    return all(_same_value(c, x, y) for c, x, y in zip(cols, a, b, strict=True))


# --- comparing stores ----------------------------------------------------------------------


def _canon(column: str, value: Any) -> Any:
    if value is None:
        return None
    if column in _DATETIME:
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        return value.strftime("%Y-%m-%dT%H:%M:%S.%f")
    if column in _MONEY:
        return f"{float(value):.2f}"
    if column in _JSON:
        if isinstance(value, str):
            value = json.loads(value)
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return value


def table_rows(engine: Engine, table: str, with_version: bool = True) -> list[tuple[Any, ...]]:
    """Every row of a synced table in a backend-neutral form, sorted by primary key."""
    cols = [c for c in COLUMNS[table] if with_version or c != "version"]
    with engine.connect() as conn:
        rows = conn.execute(text(f"SELECT {', '.join(cols)} FROM {table}")).all()
    out = [tuple(_canon(c, v) for c, v in zip(cols, r, strict=True)) for r in rows]
    npk = len(SYNCED_TABLES[table])
    out.sort(key=lambda r: r[:npk])
    return out


def store_checksum(engine: Engine, with_version: bool = True) -> dict[str, str]:
    """A SHA-256 per synced table over every row (equal stores give equal checksums)."""
    sums = {}
    for table in SYNCED_TABLES:
        h = hashlib.sha256()
        for row in table_rows(engine, table, with_version):
            h.update(json.dumps(row, ensure_ascii=False, default=str).encode())
            h.update(b"\n")
        sums[table] = h.hexdigest()
    return sums


__all__ = [
    "CentralUnavailable",
    "RefreshResult",
    "SyncSummary",
    "local_url",
    "pending_outbox",
    "prepare_local",
    "prune_tombstones",
    "push_outbox",
    "refresh_customer",
    "replica_id",
    "store_checksum",
    "sync_once",
    "sync_status",
    "watch",
]
