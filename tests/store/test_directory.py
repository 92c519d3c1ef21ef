"""What the switchboard and the desktop's search box ask the store."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from store.db import make_engine
from store.directory import agent_profile, identify_caller, list_agents
from store.outbox import record_interaction
from store.search import search_customers
from store.seed import ANCHOR
from tests.fixtures_store import SeededStore


@pytest.fixture
def seeded(seeded_store: SeededStore) -> Iterator[Engine]:
    engine = make_engine(seeded_store.url)
    yield engine
    engine.dispose()


def test_identify_caller(seeded: Engine, seeded_store: SeededStore) -> None:
    with Session(seeded) as s:
        ctx = identify_caller(s, ani=seeded_store.known_phone.removeprefix("+86"), customer_id=None)
        assert ctx.status == "found" and ctx.known
        assert ctx.customer_id == seeded_store.known_customer_id
        assert ctx.tier in {"platinum", "gold", "silver", "standard"}
        assert ctx.language in {"zh", "en"}
        assert ctx.has_open_issue
        amb = identify_caller(s, ani=seeded_store.shared_phone, customer_id=None)
        assert amb.status == "ambiguous" and len(amb.candidate_ids) >= 2
        assert amb.customer_id is None and not amb.known
        # the IVR's identification wins over an ambiguous number
        by_id = identify_caller(s, ani=seeded_store.shared_phone, customer_id=amb.candidate_ids[1])
        assert by_id.status == "found" and by_id.customer_id == amb.candidate_ids[1]
        assert identify_caller(s, ani=seeded_store.unknown_phone).status == "unknown"
        assert identify_caller(s, ani="anonymous", customer_id="nobody").status == "unknown"


def test_last_agent_is_the_latest_interaction(seeded_sqlite_copy: str) -> None:
    engine = make_engine(seeded_sqlite_copy)
    try:
        with Session(engine) as s:
            record_interaction(
                s, customer_id="C0000005", agent_id="A007", disposition="resolved",
                started_at=ANCHOR.replace(year=2027),
            )  # fmt: skip
            ctx = identify_caller(s, customer_id="C0000005")
        assert ctx.last_agent_id == "A007"
        assert ctx.last_contact_at == ANCHOR.replace(year=2027, tzinfo=UTC).timestamp()
    finally:
        engine.dispose()


def test_agents(seeded: Engine, seeded_store: SeededStore) -> None:
    with Session(seeded) as s:
        agents = list_agents(s)
        assert [a.agent_id for a in agents] == list(seeded_store.agent_ids)
        a1 = agent_profile(s, "A001")
        assert agent_profile(s, "nobody") is None
    assert a1 is not None and a1 == agents[0]
    assert "general" in a1.queues
    assert all(1 <= v <= 5 for a in agents for v in a.skills.values())
    for q in ("vip", "billing", "tech", "sales"):
        assert any(a.skills.get(q) == 5 and q in a.queues for a in agents), q


def test_search(seeded: Engine, seeded_store: SeededStore) -> None:
    with Session(seeded) as s:
        hits = search_customers(s, seeded_store.known_customer_id)
        assert hits[0].customer_id == seeded_store.known_customer_id and hits[0].matched == "id"
        by_phone = search_customers(s, seeded_store.known_phone.removeprefix("+86"))
        assert [h.customer_id for h in by_phone] == [seeded_store.known_customer_id]
        name = hits[0].name
        by_name = search_customers(s, name[:1].lower(), limit=500)
        assert seeded_store.known_customer_id in [h.customer_id for h in by_name]
        assert all(h.name.casefold().startswith(name[:1].casefold()) for h in by_name)
        assert len(search_customers(s, name[:1], limit=3)) <= 3
        assert search_customers(s, "zzzz-no-such") == []
        assert search_customers(s, "   ") == []
