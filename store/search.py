"""Customer search for the desktop's search box: by id, by phone number, by name prefix."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from store.models import Customer, CustomerPhone, name_key
from store.phones import DEFAULT_REGION, normalize_phone

_c = Customer.__table__.c
_p = CustomerPhone.__table__.c
_MAX = "\U0010ffff"


@dataclass(frozen=True, slots=True)
class CustomerHit:
    customer_id: str
    name: str
    tier: str
    lifecycle: str
    phone: str | None  # the customer's first number (E.164), if any
    matched: str  # "id", "phone" or "name"


def _conn(session: Session | Connection) -> Connection:
    return session.connection() if isinstance(session, Session) else session


def search_customers(
    session: Session | Connection,
    text: str,
    limit: int = 50,
    region: str = DEFAULT_REGION,
) -> list[CustomerHit]:
    """Customers matching ``text``: exact id first, then phone owners, then name prefix."""
    text = (text or "").strip()
    if not text or limit <= 0:
        return []
    conn = _conn(session)
    found: dict[str, str] = {}
    for cid in conn.execute(select(_c.customer_id).where(_c.customer_id == text)).scalars():
        found[cid] = "id"
    digits = sum(ch.isdigit() for ch in text)
    if digits >= 5:
        e164 = normalize_phone(text, region)
        if e164:
            q = select(_p.customer_id).where(_p.phone == e164).order_by(_p.customer_id)
            for cid in conn.execute(q.limit(limit)).scalars():
                found.setdefault(cid, "phone")
    key = name_key(text)
    if key and len(found) < limit:
        q = (
            select(_c.customer_id)
            .where(_c.name_key >= key, _c.name_key < key + _MAX)
            .order_by(_c.name_key, _c.customer_id)
            .limit(limit)
        )
        for cid in conn.execute(q).scalars():
            found.setdefault(cid, "name")
    ids = list(found)[:limit]
    if not ids:
        return []
    rows = {
        r.customer_id: r
        for r in conn.execute(
            select(_c.customer_id, _c.name, _c.tier, _c.lifecycle).where(_c.customer_id.in_(ids))
        )
    }
    first_phone: dict[str, str] = {}
    for r in conn.execute(
        select(_p.customer_id, _p.phone)
        .where(_p.customer_id.in_(ids))
        .order_by(_p.customer_id, _p.position, _p.phone)
    ):
        first_phone.setdefault(r.customer_id, r.phone)
    return [
        CustomerHit(
            customer_id=cid,
            name=rows[cid].name,
            tier=rows[cid].tier,
            lifecycle=rows[cid].lifecycle,
            phone=first_phone.get(cid),
            matched=found[cid],
        )
        for cid in ids
        if cid in rows
    ]
