"""The screen-pop card (CONTRACT 6) from SQLite and PostgreSQL."""

from __future__ import annotations

import json
import sqlite3

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from store.card import CardReader, card_json, lookup_card
from store.db import make_engine
from tests.fixtures_store import SeededStore, make_store


def _card(url: str, **kw: str) -> dict:
    engine = make_engine(url)
    try:
        with Session(engine) as s:
            return lookup_card(s, **kw)
    finally:
        engine.dispose()


def test_found_card_by_any_phone_format(seeded_store: SeededStore) -> None:
    e164 = seeded_store.known_phone
    national = e164.removeprefix("+86")
    spaced = f"+86 {national[:3]} {national[3:7]} {national[7:]}"
    for raw in (e164, national, "0086" + national, spaced):
        card = _card(seeded_store.url, phone=raw)
        assert card["status"] == "found", raw
        assert card["customer"]["customer_id"] == seeded_store.known_customer_id
        assert e164 in card["customer"]["phones"]
    assert card["candidates"] == []
    assert len(card["purchases"]) <= 5
    times = [p["purchased_at"] for p in card["purchases"]]
    assert times == sorted(times, reverse=True)
    assert card["open_issues"], "the known customer was chosen with an open issue"
    assert all(i["status"] in ("open", "pending") for i in card["open_issues"])
    opened = [i["opened_at"] for i in card["open_issues"]]
    assert opened == sorted(opened)
    for t in times + opened:
        assert len(t) == 20 and t.endswith("Z") and t[10] == "T"
    assert all(isinstance(p["amount"], float) for p in card["purchases"])


def test_ambiguous_and_unknown(seeded_store: SeededStore) -> None:
    card = _card(seeded_store.url, phone=seeded_store.shared_phone)
    assert card["status"] == "ambiguous"
    assert card["customer"] is None and card["purchases"] == [] and card["open_issues"] == []
    ids = [c["customer_id"] for c in card["candidates"]]
    assert 2 <= len(ids) <= 3 and ids == sorted(ids)
    assert set(card["candidates"][0]) == {"customer_id", "name", "tier"}
    for kw in ({"phone": seeded_store.unknown_phone}, {"phone": "12"}, {"customer_id": "nope"}):
        card = _card(seeded_store.url, **kw)
        assert card == {
            "status": "unknown",
            "customer": None,
            "purchases": [],
            "open_issues": [],
            "interactions": [],
            "candidates": [],
        }


@pytest.mark.postgres
def test_same_card_bytes_from_sqlite_and_postgresql(
    fresh_pg_url: str, fresh_sqlite_url: str
) -> None:
    for url in (fresh_pg_url, fresh_sqlite_url):
        make_store(url, customers=120, seed=7).dispose()
    probes = [{"customer_id": f"C{i:07d}"} for i in range(1, 121, 7)]
    probes.append({"customer_id": "C0000099"})
    for cid in ("C0000008", "C0000038"):
        card = _card(fresh_sqlite_url, customer_id=cid)
        probes += [{"phone": p} for p in card["customer"]["phones"]]
    statuses = set()
    for probe in probes:
        a = card_json(_card(fresh_sqlite_url, **probe))
        b = card_json(_card(fresh_pg_url, **probe))
        assert a == b, probe
        statuses.add(json.loads(a)["status"])
    assert statuses == {"found", "ambiguous"}


def _reader_sees_later_commits(url: str) -> None:
    engine = make_engine(url)
    reader = CardReader(engine)
    try:
        probes = [{"customer_id": f"C{i:07d}"} for i in range(1, 40, 3)]
        first = lookup_card_by(engine, customer_id="C0000004")
        probes += [{"phone": p} for p in first["customer"]["phones"]]
        for probe in probes:  # the same cards as a fresh session's
            assert card_json(reader.lookup(**probe)) == card_json(lookup_card_by(engine, **probe))
        assert engine.pool.checkedout() == 1  # the reader's, kept between cards
        # writes committed on another connection after the reader was made: the next card
        # shows them (no transaction kept open on the reader's connection)
        tier = "platinum" if first["customer"]["tier"] != "platinum" else "gold"
        with engine.begin() as conn:
            conn.execute(
                text("UPDATE customers SET tier = :t WHERE customer_id = 'C0000004'"), {"t": tier}
            )
        assert reader.lookup(customer_id="C0000004")["customer"]["tier"] == tier
        with engine.begin() as conn:
            conn.execute(text("DELETE FROM customer_phones WHERE customer_id = 'C0000004'"))
        assert reader.lookup(phone=first["customer"]["phones"][0])["status"] == "unknown"
    finally:
        reader.close()
        reader.close()  # twice is harmless
        assert engine.pool.checkedout() == 0  # back in the pool
        engine.dispose()
    with pytest.raises(RuntimeError, match="closed"):
        reader.lookup(customer_id="C0000004")


def lookup_card_by(engine: Engine, **kw: str) -> dict:
    with Session(engine) as s:
        return lookup_card(s, **kw)


def test_card_reader_on_sqlite_sees_later_commits(fresh_sqlite_url: str) -> None:
    make_store(fresh_sqlite_url, customers=40, seed=3).dispose()
    _reader_sees_later_commits(fresh_sqlite_url)


@pytest.mark.postgres
def test_card_reader_on_postgresql_sees_later_commits(fresh_pg_url: str) -> None:
    make_store(fresh_pg_url, customers=40, seed=3).dispose()
    _reader_sees_later_commits(fresh_pg_url)


def test_card_reader_closes_itself_on_a_database_error(fresh_sqlite_url: str) -> None:
    make_store(fresh_sqlite_url, customers=10, seed=3).dispose()
    engine = make_engine(fresh_sqlite_url)
    reader = CardReader(engine)
    try:
        with engine.begin() as conn:
            conn.execute(text("ALTER TABLE purchases RENAME TO purchases_gone"))
        with pytest.raises(sqlite3.OperationalError, match="purchases"):  # the driver's own
            reader.lookup(customer_id="C0000001")
        assert reader.closed
        assert engine.pool.checkedout() == 0
    finally:
        engine.dispose()
