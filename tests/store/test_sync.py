"""Sync between a central store (real PostgreSQL, or SQLite) and a local SQLite replica."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, text
from sqlalchemy.orm import Session
from sqlalchemy.schema import CreateIndex

from store import bulk
from store.bulk import secondary_indexes
from store.card import lookup_card
from store.db import make_engine
from store.models import SYNCED_TABLES
from store.outbox import create_customer, create_issue, record_interaction
from store.sync import (
    PROGRESS_EVERY,
    PROGRESS_HEARTBEAT,
    CentralUnavailable,
    pending_outbox,
    prepare_local,
    prune_tombstones,
    push_outbox,
    refresh_customer,
    replica_id,
    store_checksum,
    sync_once,
    sync_status,
    utcnow,
)
from tests.fixtures_store import dead_pg_url, make_store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def pg_central(fresh_pg_url: str) -> Iterator[Engine]:
    engine = make_store(fresh_pg_url, customers=150, seed=3)
    yield engine
    engine.dispose()


@pytest.fixture
def sqlite_central(tmp_path: Path) -> Iterator[Engine]:
    engine = make_store(f"sqlite:///{tmp_path / 'central.db'}", customers=150, seed=3)
    yield engine
    engine.dispose()


@pytest.fixture
def local(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path / 'local.db'}")
    yield engine
    engine.dispose()


def _count(engine: Engine, table: str, where: str = "1=1") -> int:
    with engine.connect() as conn:
        return int(conn.execute(text(f"SELECT count(*) FROM {table} WHERE {where}")).scalar_one())


def _random_changes(central: Engine, rng: random.Random, n: int, tag: str) -> None:
    """Inserts, updates and deletes on central, as other applications would make them."""
    with central.begin() as conn:
        ids = list(conn.execute(text("SELECT customer_id FROM customers")).scalars())
        for k in range(n):
            op = rng.random()
            cid = rng.choice(ids)
            if op < 0.3:
                tier = rng.choice(["platinum", "gold", "silver", "standard"])
                conn.execute(
                    text(
                        "UPDATE customers SET tier = :t, lifetime_value = :v WHERE customer_id = :c"
                    ),
                    {"t": tier, "v": rng.random() * 1e4, "c": cid},
                )
            elif op < 0.55:
                conn.execute(
                    text(
                        "INSERT INTO purchases (purchase_id, customer_id, product, amount, "
                        "currency, purchased_at) VALUES (:p, :c, 'Extra', :a, 'CNY', "
                        "'2026-11-21 10:00:00')"
                    ),
                    {"p": f"R{tag}-{k}", "c": cid, "a": round(rng.random() * 100, 2)},
                )
            elif op < 0.7:
                conn.execute(
                    text("UPDATE issues SET status = 'closed' WHERE customer_id = :c"), {"c": cid}
                )
            elif op < 0.8:
                conn.execute(
                    text(
                        "DELETE FROM purchases WHERE purchase_id IN (SELECT purchase_id "
                        "FROM purchases WHERE customer_id = :c ORDER BY purchase_id LIMIT 1)"
                    ),
                    {"c": cid},
                )
            elif op < 0.88 and len(ids) > 20:
                conn.execute(text("DELETE FROM customers WHERE customer_id = :c"), {"c": cid})
                ids.remove(cid)
            elif op < 0.94:
                new = f"N{tag}-{k}"
                conn.execute(
                    text(
                        "INSERT INTO customers (customer_id, name, name_key, tier, lifecycle, "
                        "lifetime_value) VALUES (:c, 'New One', 'new one', 'standard', 'new', 0)"
                    ),
                    {"c": new},
                )
                conn.execute(
                    text(
                        "INSERT INTO customer_phones (customer_id, phone, position) "
                        "VALUES (:c, :p, 0)"
                    ),
                    {"c": new, "p": f"+86139{rng.randrange(10**8):08d}"},
                )
                ids.append(new)
            else:
                # delete and re-insert the same key in one transaction
                row = conn.execute(
                    text("SELECT phone FROM customer_phones WHERE customer_id = :c LIMIT 1"),
                    {"c": cid},
                ).first()
                if row is not None:
                    params = {"c": cid, "p": row.phone}
                    conn.execute(
                        text("DELETE FROM customer_phones WHERE customer_id = :c AND phone = :p"),
                        params,
                    )
                    conn.execute(
                        text(
                            "INSERT INTO customer_phones (customer_id, phone, position) "
                            "VALUES (:c, :p, 7)"
                        ),
                        params,
                    )


def _assert_converged(central: Engine, local: Engine) -> None:
    a, b = store_checksum(central), store_checksum(local)
    assert a == b, [t for t in a if a[t] != b[t]]


@pytest.mark.postgres
def test_first_sync_then_incremental_from_postgresql(pg_central: Engine, local: Engine) -> None:
    first = sync_once(pg_central, local, batch_size=300)
    assert first.complete and first.rows == sum(
        _count(pg_central, t)
        for t in ("agents", "customers", "customer_phones", "purchases", "issues", "interactions")
    )
    _assert_converged(pg_central, local)
    with pg_central.begin() as conn:
        conn.execute(text("UPDATE customers SET tier = 'platinum' WHERE customer_id = 'C0000010'"))
        conn.execute(text("DELETE FROM customers WHERE customer_id = 'C0000011'"))
    second = sync_once(pg_central, local, batch_size=300)
    assert second.rows == 1 and second.deleted >= 1
    _assert_converged(pg_central, local)
    with Session(local) as s:
        assert lookup_card(s, customer_id="C0000010")["customer"]["tier"] == "platinum"
        assert lookup_card(s, customer_id="C0000011")["status"] == "unknown"
    assert sync_once(pg_central, local).rows == 0


def _converge_with_interruptions(central: Engine, local: Engine, seed: int) -> None:
    rng = random.Random(seed)
    sync_once(central, local, batch_size=97, max_batches=3)  # cut off in the first table
    with Session(local) as s:
        some = list(s.execute(text("SELECT customer_id FROM customers LIMIT 5")).scalars())
    for rnd in range(6):
        _random_changes(central, rng, 40, f"{rnd}")
        # local work queued in the outbox meanwhile
        with Session(local) as s:
            for k in range(3):
                record_interaction(
                    s, customer_id=rng.choice(some), agent_id="A001", disposition="resolved",
                    notes=f"round {rnd} #{k}",
                )  # fmt: skip
        # interrupted syncs of random length
        sync_once(
            central, local, batch_size=rng.choice([13, 50, 200]), max_batches=rng.randint(1, 6)
        )
        if rnd % 2:
            # a push whose acknowledgement was lost: entries marked pending again and re-sent
            with local.begin() as conn:
                conn.execute(
                    text(
                        "UPDATE sync_outbox SET pushed_at = NULL WHERE id IN (SELECT id FROM "
                        "sync_outbox WHERE pushed_at IS NOT NULL ORDER BY id DESC LIMIT 4)"
                    )
                )
    final = sync_once(central, local, batch_size=500)
    assert final.complete and final.pending == 0
    _assert_converged(central, local)
    # every interaction recorded locally reached central exactly once
    assert _count(central, "interactions", "notes LIKE 'round %'") == 18


@pytest.mark.postgres
def test_convergence_postgresql_random_changes_interruptions_duplicate_pushes(
    pg_central: Engine, local: Engine
) -> None:
    _converge_with_interruptions(pg_central, local, seed=11)


def test_convergence_sqlite_central(sqlite_central: Engine, local: Engine) -> None:
    _converge_with_interruptions(sqlite_central, local, seed=12)


@pytest.mark.postgres
def test_late_committing_transaction_is_not_skipped(pg_central: Engine, local: Engine) -> None:
    """A transaction that took its version before a sync and commits after it is pulled later."""
    sync_once(pg_central, local)
    slow = pg_central.connect()
    try:
        slow.begin()
        slow.execute(text("UPDATE customers SET tier = 'gold' WHERE customer_id = 'C0000001'"))
        with pg_central.begin() as conn:  # a later transaction commits first
            conn.execute(
                text("UPDATE customers SET tier = 'silver' WHERE customer_id = 'C0000002'")
            )
        sync_once(pg_central, local)
        slow.commit()
    finally:
        slow.close()
    sync_once(pg_central, local)
    with Session(local) as s:
        assert lookup_card(s, customer_id="C0000001")["customer"]["tier"] == "gold"
        assert lookup_card(s, customer_id="C0000002")["customer"]["tier"] == "silver"
    _assert_converged(pg_central, local)


def _run_cli(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "agentdesk.cli", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def _wait_for(predicate, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        time.sleep(0.02)


@pytest.mark.postgres
@pytest.mark.slow
def test_sync_killed_mid_batch_resumes(fresh_pg_url: str, tmp_path: Path) -> None:
    central = make_store(fresh_pg_url, customers=1500, seed=5)
    local_path = tmp_path / "replica.db"
    local = make_engine(f"sqlite:///{local_path}")
    try:
        total = _count(central, "purchases")
        proc = _run_cli(
            "store", "sync", "--central", fresh_pg_url, "--local", str(local_path), "--batch", "40"
        )

        def progressed() -> bool:
            if proc.poll() is not None:
                return True
            try:
                return _count(local, "purchases") > 0
            except Exception:
                return False

        _wait_for(progressed)
        proc.send_signal(signal.SIGKILL)
        _out, err = proc.communicate(timeout=10)
        assert proc.returncode == -signal.SIGKILL, f"the sync ended before the kill: {err!r}"
        assert 0 < _count(local, "purchases") < total
        summary = sync_once(central, local, batch_size=500)
        assert summary.complete
        _assert_converged(central, local)
    finally:
        local.dispose()
        central.dispose()


@pytest.mark.postgres
@pytest.mark.slow
def test_outbox_survives_killed_process_and_dead_central(
    pg_central: Engine, local: Engine, tmp_path: Path
) -> None:
    sync_once(pg_central, local)
    local_db = local.url.database
    script = f"""
import sys, threading
from sqlalchemy.orm import Session
from store.db import make_engine
from store.outbox import record_interaction, create_customer, create_issue
from store.sync import watch
local = make_engine("sqlite:///{local_db}")
with Session(local) as s:
    cid = create_customer(s, name="Walk-in Caller", phones=["13912345678"])
    create_issue(s, customer_id=cid, title="Wants a callback")
    for k in range(25):
        record_interaction(s, customer_id="C0000003", agent_id="A002",
                           disposition="resolved", notes=f"kill-test {{k}}")
print("written", flush=True)
watch(make_engine("{dead_pg_url()}"), local, interval=0.05, max_backoff=0.2,
      on_error=lambda exc, delay: print("retry", delay, flush=True))
"""
    proc = subprocess.Popen(
        [sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == b"written"
    assert proc.stdout.readline().startswith(b"retry")  # central is down: retried, not lost
    assert proc.stdout.readline().startswith(b"retry")
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=10)
    assert pending_outbox(local) == 27
    status = sync_status(local)
    assert "unreachable" in (status["last_error"] or "") and status["pending"] == "27"
    summary = sync_once(pg_central, local)
    assert summary.pushed == 27 and summary.pending == 0
    assert _count(pg_central, "interactions", "notes LIKE 'kill-test %'") == 25
    assert _count(pg_central, "customers", "name = 'Walk-in Caller'") == 1
    assert _count(pg_central, "issues", "title = 'Wants a callback'") == 1
    # the same entries pushed again (lost acknowledgement): central does not change
    before = store_checksum(pg_central)
    with local.begin() as conn:
        conn.execute(text("UPDATE sync_outbox SET pushed_at = NULL"))
    assert push_outbox(pg_central, local) == (27, 0)
    assert store_checksum(pg_central) == before
    _assert_converged(pg_central, local)


def test_dead_central_raises_and_keeps_outbox(local: Engine) -> None:
    prepare_local(local)
    with Session(local) as s:
        record_interaction(s, customer_id=None, agent_id="A001", disposition="wrong_number")
    dead = make_engine(dead_pg_url())
    try:
        with pytest.raises(CentralUnavailable, match="unreachable"):
            sync_once(dead, local)
        with pytest.raises(CentralUnavailable):
            refresh_customer(dead, local, "C0000001")
    finally:
        dead.dispose()
    assert pending_outbox(local) == 1


@pytest.mark.postgres
def test_refresh_customer_reports_changed_fields(pg_central: Engine, local: Engine) -> None:
    sync_once(pg_central, local)
    with Session(local) as s:
        assert refresh_customer(pg_central, local, "C0000004").changed == set()
    with pg_central.begin() as conn:
        conn.execute(text("UPDATE customers SET tier = 'platinum' WHERE customer_id = 'C0000004'"))
        conn.execute(
            text(
                "INSERT INTO purchases (purchase_id, customer_id, product, amount, currency, "
                "purchased_at) VALUES ('PNEW', 'C0000004', 'New phone', 999, 'CNY', "
                "'2026-11-22 08:00:00')"
            )
        )
    result = refresh_customer(pg_central, local, "C0000004")
    assert result.found and result.changed == {"tier", "purchases"}
    with Session(local) as s:
        card = lookup_card(s, customer_id="C0000004")
    assert card["customer"]["tier"] == "platinum"
    assert card["purchases"][0]["purchase_id"] == "PNEW"
    with pg_central.begin() as conn:
        conn.execute(text("DELETE FROM customers WHERE customer_id = 'C0000004'"))
    gone = refresh_customer(pg_central, local, "C0000004")
    assert not gone.found and "purchases" in gone.changed
    with Session(local) as s:
        assert lookup_card(s, customer_id="C0000004")["status"] == "unknown"
    sync_once(pg_central, local)
    _assert_converged(pg_central, local)


def test_local_writes_show_at_once_and_reach_central(sqlite_central: Engine, local: Engine) -> None:
    sync_once(sqlite_central, local)
    with Session(local) as s:
        cid = create_customer(s, name="Zhang San", phones=["+86 139 0000 1111"], tier="silver")
        iid = create_issue(s, customer_id=cid, title="Router broken", priority="high")
        record_interaction(s, customer_id=cid, agent_id="A003", disposition="follow_up", notes="n")
        card = lookup_card(s, phone="13900001111")
    assert card["status"] == "found" and card["customer"]["name"] == "Zhang San"
    assert [i["issue_id"] for i in card["open_issues"]] == [iid]
    assert card["interactions"][0]["disposition"] == "follow_up"
    summary = sync_once(sqlite_central, local)
    assert summary.pushed == 3 and summary.pending == 0
    with Session(sqlite_central) as s:
        central_card = lookup_card(s, phone="13900001111")
    assert central_card["customer"]["customer_id"] == cid
    _assert_converged(sqlite_central, local)


# --- tombstone retention ---------------------------------------------------------------------


class Clock:
    """A driven clock (naive UTC, starting now) for ``sync_once(clock=...)``."""

    def __init__(self) -> None:
        self.now = utcnow()

    def __call__(self) -> datetime:
        return self.now

    def step(self, delta: timedelta = PROGRESS_EVERY) -> Clock:
        """Advance by ``delta`` (default: one progress period) and return the clock."""
        self.now += delta
        return self


def _tombstones(central: Engine, where: str = "1=1") -> int:
    return _count(central, "sync_tombstones", where)


@pytest.mark.postgres
def test_tombstones_pruned_once_every_replica_has_pulled_them(
    pg_central: Engine, tmp_path: Path
) -> None:
    a = make_engine(f"sqlite:///{tmp_path / 'a.db'}")
    b = make_engine(f"sqlite:///{tmp_path / 'b.db'}")
    clock = Clock()  # each step a progress period later, so every sync reports its progress
    try:
        sync_once(pg_central, a, prune=False, clock=clock.step())
        sync_once(pg_central, b, prune=False, clock=clock.step())
        prune_tombstones(pg_central, now=clock())  # whatever the seed left
        with pg_central.begin() as conn:
            conn.execute(text("DELETE FROM customers WHERE customer_id = 'C0000007'"))
        mine = "row_key LIKE '%C0000007%' OR table_name = 'customers'"
        left = _tombstones(pg_central, mine)
        assert left > 0
        sync_once(pg_central, a, prune=False, clock=clock.step())
        prune_tombstones(pg_central, now=clock())
        assert _tombstones(pg_central, mine) == left  # b has not pulled them yet
        sync_once(pg_central, b, prune=False, clock=clock.step())
        assert _count(b, "customers", "customer_id = 'C0000007'") == 0
        assert prune_tombstones(pg_central, now=clock()) >= left
        assert _tombstones(pg_central, mine) == 0
        # both replicas stay equal to central, and a further sync changes nothing
        for replica in (a, b):
            sync_once(pg_central, replica, clock=clock.step())
            assert store_checksum(replica) == store_checksum(pg_central)
    finally:
        a.dispose()
        b.dispose()


def test_one_prune_an_hour_for_the_whole_fleet(sqlite_central: Engine, tmp_path: Path) -> None:
    from store.sync import PRUNE_EVERY

    a = make_engine(f"sqlite:///{tmp_path / 'a.db'}")
    b = make_engine(f"sqlite:///{tmp_path / 'b.db'}")
    clock = Clock()

    def delete_and_pull(customer_id: str) -> None:
        with sqlite_central.begin() as conn:
            conn.execute(text("DELETE FROM customers WHERE customer_id = :c"), {"c": customer_id})
        for replica in (a, b):  # both pull the delete and report it
            sync_once(sqlite_central, replica, prune=False, clock=clock.step())

    try:
        for replica in (a, b):
            sync_once(sqlite_central, replica, prune=False, clock=clock.step())
        delete_and_pull("C0000011")
        assert _tombstones(sqlite_central) > 0
        sync_once(sqlite_central, a, clock=clock.step())  # a prunes for everyone
        assert _tombstones(sqlite_central) == 0
        delete_and_pull("C0000012")
        left = _tombstones(sqlite_central)
        assert left > 0
        # b has never pruned, but a did within the hour: b leaves central alone
        sync_once(sqlite_central, b, clock=clock.step())
        assert _tombstones(sqlite_central) == left
        # an hour after a's prune, b's sync prunes
        sync_once(sqlite_central, b, clock=clock.step(PRUNE_EVERY))
        assert _tombstones(sqlite_central) == 0
        for replica in (a, b):
            sync_once(sqlite_central, replica, clock=clock.step())
            assert store_checksum(replica) == store_checksum(sqlite_central)
    finally:
        a.dispose()
        b.dispose()


def test_a_replica_away_longer_than_the_retention_rebuilds(
    sqlite_central: Engine, tmp_path: Path
) -> None:
    from store.sync import TOMBSTONE_RETENTION_DAYS

    a = make_engine(f"sqlite:///{tmp_path / 'a.db'}")
    b = make_engine(f"sqlite:///{tmp_path / 'b.db'}")
    clock = Clock()
    try:
        sync_once(sqlite_central, a, prune=False, clock=clock)
        sync_once(sqlite_central, b, prune=False, clock=clock)
        with Session(b) as s:  # b's own contact, not yet pushed
            record_interaction(s, customer_id="C0000003", agent_id="A001", disposition="sale")
        with sqlite_central.begin() as conn:
            conn.execute(text("DELETE FROM customers WHERE customer_id = 'C0000009'"))
        # a syncs on for longer than the retention; b is away
        for _ in range(TOMBSTONE_RETENTION_DAYS + 1):
            sync_once(sqlite_central, a, prune=False, clock=clock.step(timedelta(days=1)))
        later = clock()
        # b was not seen within the retention: forgotten; a has everything: all pruned
        assert prune_tombstones(sqlite_central, now=later) > 0
        assert _tombstones(sqlite_central) == 0
        summary = sync_once(sqlite_central, b, push=False, prune=False, clock=clock)
        assert summary.rebuilt and summary.complete
        assert _count(b, "customers", "customer_id = 'C0000009'") == 0
        assert store_checksum(b)["customers"] == store_checksum(sqlite_central)["customers"]
        assert pending_outbox(b) == 1  # its own contact is still there, and still goes out
        assert _count(b, "interactions", "version IS NULL") == 1
        summary = sync_once(sqlite_central, b, prune=False, clock=clock)
        assert summary.pushed == 1 and not summary.rebuilt
        assert store_checksum(b) == store_checksum(sqlite_central)
    finally:
        a.dispose()
        b.dispose()


def test_a_first_sync_cut_off_after_a_prune_resumes_without_rebuilding(
    sqlite_central: Engine, local: Engine
) -> None:
    assert prune_tombstones(sqlite_central) >= 0  # no replica yet: central is pruned to now
    first = sync_once(sqlite_central, local, batch_size=50, max_batches=2, prune=False)
    assert not first.complete
    with sqlite_central.begin() as conn:
        conn.execute(text("DELETE FROM customers WHERE customer_id = 'C0000001'"))
    prune_tombstones(sqlite_central)  # keeps what the half-synced replica still needs
    rest = sync_once(sqlite_central, local, batch_size=50, prune=False)
    assert rest.complete and not rest.rebuilt
    assert _count(local, "customers", "customer_id = 'C0000001'") == 0
    assert store_checksum(local) == store_checksum(sqlite_central)


# --- throttled progress reports ------------------------------------------------------------


@pytest.fixture(params=[pytest.param("postgresql", marks=pytest.mark.postgres), "sqlite"])
def any_central(request: pytest.FixtureRequest) -> Engine:
    name = "pg_central" if request.param == "postgresql" else "sqlite_central"
    engine: Engine = request.getfixturevalue(name)
    return engine


def _record(central: Engine, local: Engine) -> tuple[int, datetime] | None:
    """Central's progress record of ``local``: (tombstones done below, seen at)."""
    key = "replica:" + replica_id(local)
    with central.connect() as conn:
        value = conn.execute(
            text("SELECT value FROM sync_state WHERE key = :k"), {"k": key}
        ).scalar()
    if value is None:
        return None
    info = json.loads(value)
    return int(info["tombstones_done_below"]), datetime.fromisoformat(info["seen_at"])


def _committed(local: Engine) -> int:
    """How far the replica has really pulled tombstones (its committed watermark, or the
    version it began from empty at)."""
    with local.connect() as conn:
        done = conn.execute(
            text("SELECT done_below FROM sync_watermarks WHERE table_name = 'sync_tombstones'")
        ).scalar()
        start = conn.execute(
            text("SELECT value FROM sync_state WHERE key = 'tombstones_needed_from'")
        ).scalar()
    return max(int(done or 0), int(start or 0))


def test_progress_reported_when_it_moved_and_at_most_every_period(
    any_central: Engine, local: Engine
) -> None:
    central = any_central
    clock = Clock()
    t0 = clock()
    sync_once(central, local, prune=False, clock=clock)
    assert _record(central, local) == (_committed(local), t0)  # registered on the first sync
    rng = random.Random(5)
    seen = {t0}
    for minute in range(1, 26):  # a sync a minute, central changing (deletes too) all along
        _random_changes(central, rng, 6, f"m{minute}")
        sync_once(central, local, prune=False, clock=clock.step(timedelta(minutes=1)))
        rec = _record(central, local)
        assert rec is not None and rec[0] <= _committed(local)  # never ahead
        seen.add(rec[1])
    every = PROGRESS_EVERY
    assert sorted(seen) == [t0, t0 + every, t0 + 2 * every]  # 3 writes for 26 syncs
    # The record is behind what the replica has: a prune keeps what it already pulled ...
    rec = _record(central, local)
    assert rec is not None and rec[0] < _committed(local)
    prune_tombstones(central, now=clock())
    behind = f"version >= {rec[0]} AND version < {_committed(local)}"
    assert _tombstones(central, behind) > 0
    # ... until the next report, a period later
    summary = sync_once(central, local, prune=False, clock=clock.step(every))
    assert not summary.rebuilt
    rec = _record(central, local)
    assert rec is not None and rec[1] == clock() and rec[0] <= _committed(local)
    prune_tombstones(central, now=clock())
    assert _tombstones(central, f"version < {rec[0]}") == 0
    assert store_checksum(local) == store_checksum(central)


def test_an_idle_replica_writes_only_a_daily_heartbeat(
    sqlite_central: Engine, local: Engine
) -> None:
    clock = Clock()
    t0 = clock()
    sync_once(sqlite_central, local, prune=False, clock=clock)
    first = _record(sqlite_central, local)
    assert first == (_committed(local), t0)
    for _ in range(12):  # two hours of syncs with nothing changing on central: no writes
        sync_once(sqlite_central, local, prune=False, clock=clock.step())
        assert _record(sqlite_central, local) == first
    sync_once(sqlite_central, local, prune=False, clock=clock.step(PROGRESS_HEARTBEAT))
    assert _record(sqlite_central, local) == (first[0], clock())  # still seen


@pytest.mark.parametrize("seed", [21, 22])
def test_throttled_progress_never_lets_a_prune_outrun_a_replica(
    any_central: Engine, tmp_path: Path, seed: int
) -> None:
    """Random changes, syncs cut off mid-pull, prunes, and a clock stepping 5 s to an hour:
    central's record of a replica is never ahead of what it committed, so no prune ever drops
    a delete a replica still needs (it would have to rebuild), and all converge."""
    central = any_central
    rng = random.Random(seed)
    clock = Clock()
    replicas = [make_engine(f"sqlite:///{tmp_path / f'r{i}.db'}") for i in range(2)]
    try:
        for replica in replicas:
            prepare_local(replica)
        for step in range(40):
            r = rng.random()
            if r < 0.3:
                _random_changes(central, rng, rng.randint(1, 8), f"s{step}")
            elif r < 0.8:
                summary = sync_once(
                    central,
                    rng.choice(replicas),
                    prune=False,
                    batch_size=rng.choice([25, 200, 20_000]),
                    max_batches=rng.choice([None, None, 1, 3]),
                    clock=clock,
                )
                assert not summary.rebuilt
            else:
                prune_tombstones(central, now=clock())
            clock.step(timedelta(seconds=rng.choice([5, 5, 5, 60, 600, 3600])))
            for replica in replicas:
                rec = _record(central, replica)
                assert rec is None or rec[0] <= _committed(replica)
        for replica in replicas:
            summary = sync_once(central, replica, prune=False, clock=clock)
            assert summary.complete and not summary.rebuilt
            assert store_checksum(replica) == store_checksum(central)
    finally:
        for replica in replicas:
            replica.dispose()


# --- no version indexes on a replica -------------------------------------------------------


def _indexes(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            sql = "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
        else:
            sql = "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        return set(conn.execute(text(sql)).scalars())


VERSION_INDEXES = {f"ix_{t}_version" for t in SYNCED_TABLES}


def test_a_replica_has_no_version_indexes_and_central_keeps_them(
    any_central: Engine, local: Engine
) -> None:
    first = sync_once(any_central, local, batch_size=100, max_batches=3)  # cut off, resumed
    assert not first.complete and not _indexes(local) & VERSION_INDEXES
    sync_once(any_central, local)
    expected = {i.name for t in SYNCED_TABLES for i in secondary_indexes(t)} - VERSION_INDEXES
    assert expected <= _indexes(local) and not _indexes(local) & VERSION_INDEXES
    assert _indexes(any_central) >= VERSION_INDEXES  # central's schema is unchanged
    _random_changes(any_central, random.Random(3), 30, "x")
    sync_once(any_central, local)
    assert not _indexes(local) & VERSION_INDEXES
    assert store_checksum(local) == store_checksum(any_central)


def test_a_replica_made_with_version_indexes_keeps_working_after_upgrade(
    sqlite_central: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "old.db"
    old = make_engine(f"sqlite:///{path}")
    sync_once(sqlite_central, old)
    with old.begin() as conn:  # as the replica's first sync built them before this change
        for table in SYNCED_TABLES:
            for index in bulk.version_indexes(table):
                index.create(conn)
    assert _indexes(old) >= VERSION_INDEXES
    old.dispose()
    upgraded = make_engine(f"sqlite:///{path}")  # a new process with the new code
    try:
        _random_changes(sqlite_central, random.Random(4), 30, "u")
        summary = sync_once(sqlite_central, upgraded)
        assert summary.complete and not summary.rebuilt and summary.rows > 0
        assert not _indexes(upgraded) & VERSION_INDEXES
        assert store_checksum(upgraded) == store_checksum(sqlite_central)
    finally:
        upgraded.dispose()


@pytest.mark.postgres
def test_no_query_on_a_replica_would_use_a_version_index(pg_central: Engine, local: Engine) -> None:
    """Every statement the replica runs (first and incremental sync with deletes, refresh,
    card lookups, search, caller and agent directory, local writes and their push), planned on
    a copy of the replica that still has the version indexes: SQLite's planner picks none."""
    import sqlite3

    from store.directory import agent_profile, identify_caller, list_agents
    from store.search import search_customers

    statements: list[str] = []

    @event.listens_for(local, "connect")
    def _trace(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.set_trace_callback(statements.append)

    sync_once(pg_central, local, batch_size=100, max_batches=3)
    sync_once(pg_central, local, batch_size=100)
    _random_changes(pg_central, random.Random(8), 40, "q")
    with pg_central.begin() as conn:
        conn.execute(text("DELETE FROM customers WHERE customer_id = 'C0000012'"))
    sync_once(pg_central, local)
    refresh_customer(pg_central, local, "C0000013")
    with pg_central.connect() as conn:
        phone = conn.execute(text("SELECT phone FROM customer_phones LIMIT 1")).scalar_one()
    with Session(local) as s:
        lookup_card(s, phone=phone)
        lookup_card(s, customer_id="C0000014")
        search_customers(s, "Wang")
        search_customers(s, phone[-6:])
        identify_caller(s, ani=phone)
        list_agents(s)
        agent_profile(s, "A001")
        cid = create_customer(s, name="Index Probe", phones=["+8613900000077"])
        create_issue(s, customer_id=cid, title="probe")
        record_interaction(s, customer_id=cid, agent_id="A001", disposition="sale")
    sync_once(pg_central, local)
    local.dispose()

    copy = sqlite3.connect(":memory:")
    src = sqlite3.connect(local.url.database or "")
    src.backup(copy)
    src.close()
    for table in SYNCED_TABLES:
        for index in bulk.version_indexes(table):
            copy.execute(str(CreateIndex(index).compile(dialect=local.dialect)))
    planned = 0
    with_version = 0
    for sql in set(statements):
        if not sql.lstrip().upper().startswith(("SELECT", "INSERT", "UPDATE", "DELETE", "WITH")):
            continue
        plan = " ".join(str(r[-1]) for r in copy.execute(f"EXPLAIN QUERY PLAN {sql}"))
        if sql.endswith("WHERE version IS NOT NULL"):
            # whole-table statements run once (a store becoming a replica, a rebuild): nearly
            # every row matches, so a scan is as cheap, and writes no index
            continue
        assert not any(name in plan for name in VERSION_INDEXES), (sql, plan)
        planned += 1
        with_version += "version" in sql
    copy.close()
    assert planned > 50 and with_version > 10  # the statements were really seen
