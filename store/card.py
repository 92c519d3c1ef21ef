"""The screen-pop card of CONTRACT section 6: one function, a few indexed queries.

The card is plain JSON-ready data (str, float, None, lists, dicts) built the same way from
SQLite and PostgreSQL, so ``card_json`` gives the same bytes from either store.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, select
from sqlalchemy.orm import Session

from store.models import OPEN_STATUSES, Customer, CustomerPhone, Interaction, Issue, Purchase
from store.phones import DEFAULT_REGION, normalize_phone

CARD_PURCHASES = 5
CARD_INTERACTIONS = 5

_c = Customer.__table__.c
_p = CustomerPhone.__table__.c
_pu = Purchase.__table__.c
_i = Issue.__table__.c
_x = Interaction.__table__.c

_Q_BY_PHONE = select(_p.customer_id).where(_p.phone == bindparam("phone")).order_by(_p.customer_id)
_Q_CUSTOMER = select(
    _c.customer_id, _c.name, _c.tier, _c.lifecycle, _c.language, _c.lifetime_value
).where(_c.customer_id == bindparam("cid"))
_Q_CANDIDATES = (
    select(_c.customer_id, _c.name, _c.tier)
    .where(_c.customer_id.in_(bindparam("cids", expanding=True)))
    .order_by(_c.customer_id)
)
_Q_PHONES = (
    select(_p.phone).where(_p.customer_id == bindparam("cid")).order_by(_p.position, _p.phone)
)
_Q_PURCHASES = (
    select(_pu.purchase_id, _pu.product, _pu.amount, _pu.currency, _pu.purchased_at)
    .where(_pu.customer_id == bindparam("cid"))
    .order_by(_pu.purchased_at.desc(), _pu.purchase_id.desc())
    .limit(CARD_PURCHASES)
)
_Q_OPEN_ISSUES = (
    select(_i.issue_id, _i.title, _i.status, _i.priority, _i.opened_at, _i.owner_agent_id)
    .where(_i.customer_id == bindparam("cid"), _i.status.in_(OPEN_STATUSES))
    .order_by(_i.opened_at, _i.issue_id)
)
_Q_INTERACTIONS = (
    select(_x.interaction_id, _x.channel, _x.agent_id, _x.started_at, _x.disposition)
    .where(_x.customer_id == bindparam("cid"))
    .order_by(_x.started_at.desc(), _x.interaction_id.desc())
    .limit(CARD_INTERACTIONS)
)


def iso_utc(value: datetime | None) -> str | None:
    """``2026-11-20T10:45:00Z``: UTC, to the second (naive values are UTC already)."""
    if value is None:
        return None
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


def customer_ids_for_phone(
    session: Session | Connection, phone: str | None, region: str = DEFAULT_REGION
) -> list[str]:
    """The customers having ``phone`` (any common format), in id order."""
    e164 = normalize_phone(phone, region) if phone else None
    if e164 is None:
        return []
    return list(_conn(session).execute(_Q_BY_PHONE, {"phone": e164}).scalars())


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
    conn = _conn(session)
    if customer_id is not None:
        cid: str | None = str(customer_id).strip()
    else:
        ids = customer_ids_for_phone(conn, phone, region)
        if len(ids) > 1:
            rows = conn.execute(_Q_CANDIDATES, {"cids": ids}).all()
            return empty_card(
                "ambiguous",
                [{"customer_id": r.customer_id, "name": r.name, "tier": r.tier} for r in rows],
            )
        cid = ids[0] if ids else None
    if not cid:
        return empty_card("unknown")
    row = conn.execute(_Q_CUSTOMER, {"cid": cid}).first()
    if row is None:
        return empty_card("unknown")
    args = {"cid": row.customer_id}
    phones = list(conn.execute(_Q_PHONES, args).scalars())
    purchases = [
        {
            "purchase_id": r.purchase_id,
            "product": r.product,
            "amount": money(r.amount),
            "currency": r.currency,
            "purchased_at": iso_utc(r.purchased_at),
        }
        for r in conn.execute(_Q_PURCHASES, args)
    ]
    issues = [
        {
            "issue_id": r.issue_id,
            "title": r.title,
            "status": r.status,
            "priority": r.priority,
            "opened_at": iso_utc(r.opened_at),
            "owner_agent_id": r.owner_agent_id,
        }
        for r in conn.execute(_Q_OPEN_ISSUES, args)
    ]
    interactions = [
        {
            "interaction_id": r.interaction_id,
            "channel": r.channel,
            "agent_id": r.agent_id,
            "started_at": iso_utc(r.started_at),
            "disposition": r.disposition,
        }
        for r in conn.execute(_Q_INTERACTIONS, args)
    ]
    return {
        "status": "found",
        "customer": {
            "customer_id": row.customer_id,
            "name": row.name,
            "tier": row.tier,
            "lifecycle": row.lifecycle,
            "language": row.language,
            "lifetime_value": money(row.lifetime_value),
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
