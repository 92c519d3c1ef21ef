"""The screen-pop card (CONTRACT 6) from SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest
from sqlalchemy.orm import Session

from store.card import card_json, lookup_card
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
