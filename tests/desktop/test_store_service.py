"""The desktop's store access: wrap-up writes (no Qt needed)."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy import text

from desktop.store_service import StoreService
from store.db import make_engine


def test_follow_up_without_title_is_titled_from_the_notes(seeded_sqlite_copy, seeded_store) -> None:
    svc = StoreService(seeded_sqlite_copy)
    customer = seeded_store.known_customer_id
    result = svc.record_wrapup(
        agent_id="A001",
        call={"call_id": "C-77", "customer_id": customer, "answered_at": 1_790_000_000.0},
        values={
            "disposition": "follow_up",
            "notes": "Router drops every evening\nsecond line",
            "follow_up": True,
            "issue_title": "  ",
        },
    )
    engine = make_engine(seeded_sqlite_copy)
    try:
        with engine.connect() as conn:
            title = conn.execute(
                text("SELECT title FROM issues WHERE issue_id = :i"), {"i": result["issue_id"]}
            ).scalar_one()
            interactions = conn.execute(
                text("SELECT count(*) FROM interactions WHERE interaction_id = :i"),
                {"i": result["interaction_id"]},
            ).scalar_one()
    finally:
        engine.dispose()
    assert title == "Router drops every evening"
    assert interactions == 1


def test_kept_card_reads_hold_one_connection_per_thread_and_recover_from_errors(
    seeded_sqlite_copy, seeded_store
) -> None:
    svc = StoreService(seeded_sqlite_copy)
    try:
        phone = seeded_store.known_phone
        plain = svc.lookup(phone=phone)
        pool = svc.local.pool
        assert pool.checkedout() == 0  # a plain read gives its connection back
        assert svc.lookup(phone=phone, keep=True) == plain
        assert svc.lookup(phone=phone, keep=True) == plain
        assert pool.checkedout() == 1  # this thread's kept reader
        other: list[dict] = []

        def read_there() -> None:
            other.append(svc.lookup(phone=phone, keep=True))
            other.append(svc.lookup(phone=phone))

        t = threading.Thread(target=read_there)
        t.start()
        t.join()
        assert other == [plain, plain]
        assert pool.checkedout() == 2  # one reader per thread, never shared
        engine = make_engine(seeded_sqlite_copy)
        try:
            with engine.begin() as conn:
                conn.execute(text("ALTER TABLE interactions RENAME TO interactions_gone"))
            with pytest.raises(sqlite3.OperationalError):
                svc.lookup(phone=phone, keep=True)
            assert pool.checkedout() == 1  # the broken reader gave its connection back
            with engine.begin() as conn:
                conn.execute(text("ALTER TABLE interactions_gone RENAME TO interactions"))
        finally:
            engine.dispose()
        assert svc.lookup(phone=phone, keep=True) == plain  # on a new reader
        assert pool.checkedout() == 2
    finally:
        svc.close()
    assert pool.checkedout() == 0
