"""The screen-pop card of CONTRACT section 6: one function, a few indexed queries.

The card is plain JSON-ready data (str, float, None, lists, dicts) built the same way from
SQLite and PostgreSQL, so ``card_json`` gives the same bytes from either store.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any, Protocol, cast

from sqlalchemy import Connection, Engine
from sqlalchemy.orm import Session

from store.phones import DEFAULT_REGION, normalize_phone

CARD_PURCHASES = 5
CARD_INTERACTIONS = 5

# The card is the hot path of a screen pop: plain SQL on the driver's cursor (no ORM, no
# statement compilation), every query served by an index of ``store.models``.
_CUSTOMER_COLS = "c.customer_id, c.name, c.tier, c.lifecycle, c.language, c.lifetime_value"
_SQL_BY_PHONE = (
    f"SELECT {_CUSTOMER_COLS} FROM customer_phones p "
    "JOIN customers c ON c.customer_id = p.customer_id WHERE p.phone = ? "
    # p.customer_id, not c.: the (phone, customer_id) index already gives that order (no sort)
    "ORDER BY p.customer_id LIMIT 50"
)
_SQL_BY_ID = f"SELECT {_CUSTOMER_COLS} FROM customers c WHERE c.customer_id = ?"
_SQL_PHONES = "SELECT phone FROM customer_phones WHERE customer_id = ? ORDER BY position, phone"
_SQL_PURCHASES = (
    "SELECT purchase_id, product, amount, currency, purchased_at FROM purchases "
    f"WHERE customer_id = ? ORDER BY purchased_at DESC, purchase_id DESC LIMIT {CARD_PURCHASES}"
)
_SQL_OPEN_ISSUES = (
    "SELECT issue_id, title, status, priority, opened_at, owner_agent_id FROM issues "
    "WHERE customer_id = ? AND status IN ('open', 'pending') ORDER BY opened_at, issue_id"
)
_SQL_INTERACTIONS = (
    "SELECT interaction_id, channel, agent_id, started_at, disposition FROM interactions "
    "WHERE customer_id = ? ORDER BY started_at DESC, interaction_id DESC "
    f"LIMIT {CARD_INTERACTIONS}"
)
_QUERIES = (
    _SQL_BY_PHONE,
    _SQL_BY_ID,
    _SQL_PHONES,
    _SQL_PURCHASES,
    _SQL_OPEN_ISSUES,
    _SQL_INTERACTIONS,
)
_SQLITE = {sql: sql for sql in _QUERIES}
_PG = {sql: sql.replace("?", "%s") for sql in _QUERIES}


def iso_utc(value: datetime | str | None) -> str | None:
    """``2026-11-20T10:45:00Z``: UTC, to the second (naive values are UTC already; a string is
    SQLite's stored form ``2026-11-20 10:45:00.000000``)."""
    if value is None:
        return None
    if isinstance(value, str):
        return f"{value[:10]}T{value[11:19]}Z"
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def money(value: Any) -> float:
    """An amount as a JSON number with cents (the same float from any backend)."""
    return round(float(value or 0), 2)


def empty_card(status: str, candidates: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {
        "status": status,
        "customer": None,
        "purchases": [],
        "open_issues": [],
        "interactions": [],
        "candidates": candidates or [],
    }


def _conn(session: Session | Connection) -> Connection:
    return session.connection() if isinstance(session, Session) else session


class _Cursor:
    """Runs the card's SQL on the driver's cursor of ``session``'s connection."""

    def __init__(self, session: Session | Connection) -> None:
        conn = _conn(session)
        self.sql = _PG if conn.dialect.name == "postgresql" else _SQLITE
        self.cur = conn.connection.cursor()

    def all(self, sql: str, *params: Any) -> list[Any]:
        self.cur.execute(self.sql[sql], params)
        return cast(list[Any], self.cur.fetchall())  # both drivers return a list

    def close(self) -> None:
        self.cur.close()


def customer_ids_for_phone(
    session: Session | Connection, phone: str | None, region: str = DEFAULT_REGION
) -> list[str]:
    """The customers having ``phone`` (any common format), in id order."""
    e164 = normalize_phone(phone, region) if phone else None
    if e164 is None:
        return []
    cur = _Cursor(session)
    try:
        return [r[0] for r in cur.all(_SQL_BY_PHONE, e164)]
    finally:
        cur.close()


def lookup_card(
    session: Session | Connection,
    *,
    phone: str | None = None,
    customer_id: str | None = None,
    region: str = DEFAULT_REGION,
) -> dict[str, Any]:
    """The card of CONTRACT 6 for a caller's number or a customer id.

    ``found``: one customer; ``ambiguous``: the number belongs to several customers (listed in
    ``candidates`` by id); ``unknown``: no such customer, or no usable number.
    """
    cur = _Cursor(session)
    try:
        return _read_card(cur, phone, customer_id, region)
    finally:
        cur.close()


class CardReader:
    """``lookup_card`` on one kept DBAPI connection and cursor, for a thread that reads cards
    all day (the desk's bus thread reads the card of every call offered to it).

    Through a pooled connection each card paid a checkout and a check-in (SQLAlchemy's
    reset-on-return rollback) and a new cursor: about 0.25 ms of a 1 ms cold read. The reads
    are plain SELECTs on a connection that never opens a transaction (the driver's implicit
    transactions begin only before writes), so each card sees the latest commit, as a new
    connection would. One thread only; ``close`` (any thread, once that thread is done with
    it) gives the connection back to its pool.
    """

    def __init__(self, engine: Engine) -> None:
        self._raw = engine.raw_connection()
        self._sql = _PG if engine.dialect.name == "postgresql" else _SQLITE
        self._cur = self._raw.cursor()
        self._closed = False

    def all(self, sql: str, *params: Any) -> list[Any]:
        self._cur.execute(self._sql[sql], params)
        return cast(list[Any], self._cur.fetchall())

    def lookup(
        self,
        *,
        phone: str | None = None,
        customer_id: str | None = None,
        region: str = DEFAULT_REGION,
    ) -> dict[str, Any]:
        """As ``lookup_card``. A database error closes the reader (``closed``) and is raised."""
        if self._closed:
            raise RuntimeError("card reader closed")
        try:
            return _read_card(self, phone, customer_id, region)
        except Exception:
            self.close()
            raise

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        try:
            self._cur.close()
        finally:
            self._raw.close()


class _Rows(Protocol):
    def all(self, sql: str, *params: Any) -> list[Any]: ...


def _read_card(
    cur: _Rows, phone: str | None, customer_id: str | None, region: str
) -> dict[str, Any]:
    if customer_id is not None:
        rows = cur.all(_SQL_BY_ID, str(customer_id).strip())
    else:
        e164 = normalize_phone(phone, region) if phone else None
        rows = cur.all(_SQL_BY_PHONE, e164) if e164 else []
    if not rows:
        return empty_card("unknown")
    if len(rows) > 1:
        rows.sort(key=lambda r: r[0])
        return empty_card(
            "ambiguous", [{"customer_id": r[0], "name": r[1], "tier": r[2]} for r in rows]
        )
    cid, name, tier, lifecycle, language, ltv = rows[0]
    phones = [r[0] for r in cur.all(_SQL_PHONES, cid)]
    purchases = [
        {
            "purchase_id": r[0],
            "product": r[1],
            "amount": money(r[2]),
            "currency": r[3],
            "purchased_at": iso_utc(r[4]),
        }
        for r in cur.all(_SQL_PURCHASES, cid)
    ]
    issues = [
        {
            "issue_id": r[0],
            "title": r[1],
            "status": r[2],
            "priority": r[3],
            "opened_at": iso_utc(r[4]),
            "owner_agent_id": r[5],
        }
        for r in cur.all(_SQL_OPEN_ISSUES, cid)
    ]
    interactions = [
        {
            "interaction_id": r[0],
            "channel": r[1],
            "agent_id": r[2],
            "started_at": iso_utc(r[3]),
            "disposition": r[4],
        }
        for r in cur.all(_SQL_INTERACTIONS, cid)
    ]
    return {
        "status": "found",
        "customer": {
            "customer_id": cid,
            "name": name,
            "tier": tier,
            "lifecycle": lifecycle,
            "language": language,
            "lifetime_value": money(ltv),
            "phones": phones,
        },
        "purchases": purchases,
        "open_issues": issues,
        "interactions": interactions,
        "candidates": [],
    }


def card_json(card: dict[str, Any]) -> str:
    """The card as printed by ``agentdesk lookup`` (UTF-8, two-space indent, key order kept)."""
    return json.dumps(card, ensure_ascii=False, indent=2)
