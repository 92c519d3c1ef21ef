"""Schema (Alembic migrations = models), change versions, and the synthetic data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, text

from store.db import Base, make_engine
from store.models import SYNCED_TABLES
from store.schema import head_revision, is_current, migrate
from store.seed import seed
from store.sync import store_checksum
from tests.fixtures_store import make_store


def _diff(engine: Engine) -> list[object]:
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": False})
        return [d for d in compare_metadata(ctx, Base.metadata) if d[0] != "remove_table"]


def test_migrations_match_models_sqlite(fresh_sqlite_url: str) -> None:
    engine = make_engine(fresh_sqlite_url)
    try:
        assert is_current(engine)
        assert migrate(engine) == head_revision()  # a second run is a no-op
        assert _diff(engine) == []
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_migrations_match_models_postgresql(fresh_pg_url: str) -> None:
    engine = make_store(fresh_pg_url)
    try:
        assert _diff(engine) == []
    finally:
        engine.dispose()


def _versions(engine: Engine, table: str) -> list[int]:
    with engine.connect() as conn:
        return list(conn.execute(text(f"SELECT version FROM {table}")).scalars())


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("pg", marks=pytest.mark.postgres)])
def test_central_maintains_versions_and_tombstones(
    backend: str, fresh_sqlite_url: str, request: pytest.FixtureRequest
) -> None:
    url = fresh_sqlite_url if backend == "sqlite" else request.getfixturevalue("fresh_pg_url")
    engine = make_store(url, customers=30)
    try:
        for table in SYNCED_TABLES:
            assert all(v is not None for v in _versions(engine, table)), table
        with engine.begin() as conn:
            before = conn.execute(
                text("SELECT version FROM customers WHERE customer_id = 'C0000002'")
            ).scalar_one()
            conn.execute(text("UPDATE customers SET tier = 'gold' WHERE customer_id = 'C0000002'"))
        with engine.begin() as conn:
            after = conn.execute(
                text("SELECT version FROM customers WHERE customer_id = 'C0000002'")
            ).scalar_one()
            assert after > before
            conn.execute(text("DELETE FROM customers WHERE customer_id = 'C0000003'"))
        with engine.connect() as conn:
            stones = conn.execute(
                text("SELECT table_name, row_key, version FROM sync_tombstones")
            ).all()
        tables = {s.table_name for s in stones}
        assert "customers" in tables and "purchases" in tables  # the cascade left tombstones
        assert any(s.row_key.replace(" ", "") == '["C0000003"]' for s in stones)
        assert all(s.version > after or backend == "pg" for s in stones)
    finally:
        engine.dispose()


def test_seed_is_deterministic_and_realistic(tmp_path: Path) -> None:
    sums = []
    for name in ("a", "b"):
        engine = make_store(f"sqlite:///{tmp_path / name}.db")
        try:
            summary = seed(engine, 400, seed=9, agents=10)
            sums.append(store_checksum(engine, with_version=False))
        finally:
            engine.dispose()
    assert sums[0] == sums[1]
    assert summary.customers == 400 and summary.agents == 10
    assert 1500 < summary.purchases < 2500 and summary.issues > 300
    engine = make_engine(f"sqlite:///{tmp_path / 'a'}.db")
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT tier, count(*) FROM customers GROUP BY tier"))
            tiers = {r[0]: r[1] for r in rows}
            assert set(tiers) <= {"platinum", "gold", "silver", "standard"}
            assert tiers["standard"] > tiers["silver"] > tiers.get("gold", 0)
            # Pareto: the top fifth of customers by value hold most of it
            values = sorted(
                conn.execute(text("SELECT lifetime_value FROM customers")).scalars(), reverse=True
            )
            assert sum(values[:80]) > 0.5 * sum(values)
            # lifetime value is the sum of the purchases
            ltv, total = conn.execute(
                text(
                    "SELECT c.lifetime_value, (SELECT coalesce(sum(amount), 0) FROM purchases p "
                    "WHERE p.customer_id = c.customer_id) FROM customers c "
                    "WHERE customer_id = 'C0000001'"
                )
            ).one()
            assert ltv == pytest.approx(total, abs=0.05)
            prospects_with_purchases = conn.execute(
                text(
                    "SELECT count(*) FROM customers c WHERE lifecycle = 'prospect' AND EXISTS "
                    "(SELECT 1 FROM purchases p WHERE p.customer_id = c.customer_id)"
                )
            ).scalar_one()
            assert prospects_with_purchases == 0
            shared = conn.execute(
                text(
                    "SELECT count(*) FROM (SELECT phone FROM customer_phones GROUP BY phone "
                    "HAVING count(*) BETWEEN 2 AND 3) s"
                )
            ).scalar_one()
            assert shared >= 3
            langs = set(conn.execute(text("SELECT DISTINCT language FROM customers")).scalars())
            assert langs == {"zh", "en"}
            queues = set()
            for qs in conn.execute(text("SELECT queues FROM agents")).scalars():
                queues.update(json.loads(qs))
            assert queues == {"vip", "billing", "tech", "sales", "general"}
    finally:
        engine.dispose()
