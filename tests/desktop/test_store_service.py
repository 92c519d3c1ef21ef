"""The desktop's store access: wrap-up writes (no Qt needed)."""

from __future__ import annotations

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
