"""Local writes of the desktop: the row and its outbox entry in one transaction.

Each function writes the row into the local store (so the card shows it at once) and queues an
outbox entry carrying a client-made UUID (``op_id``) in the same transaction, then commits.
``store.sync`` pushes the outbox to central idempotently; nothing is lost if the process dies
or central is down. Ids of new rows are UUIDs too, so they never collide with central's.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from agentdesk.errors import AgentdeskError
from store.models import (
    CHANNELS,
    ISSUE_STATUSES,
    LIFECYCLES,
    PRIORITIES,
    TIERS,
    Customer,
    CustomerPhone,
    Interaction,
    Issue,
    OutboxEntry,
    name_key,
)
from store.phones import DEFAULT_REGION, normalize_phone


def utcnow() -> datetime:
    """Now, naive UTC to the second (how the store keeps times)."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def _naive_utc(value: datetime | None) -> datetime:
    if value is None:
        return utcnow()
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.replace(microsecond=0)


def _iso(value: datetime) -> str:
    return value.strftime("%Y-%m-%dT%H:%M:%S")


def _queue(session: Session, kind: str, payload: dict[str, Any]) -> str:
    op_id = str(uuid.uuid4())
    session.execute(
        insert(OutboxEntry),
        [
            {
                "op_id": op_id,
                "kind": kind,
                "payload": payload,
                "created_at": utcnow(),
                "attempts": 0,
            }
        ],
    )
    return op_id


@contextmanager
def _atomic(session: Session) -> Iterator[None]:
    """The row and its outbox entry commit together, or neither does."""
    try:
        yield
        session.commit()
    except BaseException:
        session.rollback()
        raise


def _check(value: str, allowed: Iterable[str], what: str) -> None:
    if value not in allowed:
        raise AgentdeskError(f"bad {what} {value!r}; expected one of {', '.join(allowed)}")


def record_interaction(
    session: Session,
    *,
    customer_id: str | None,
    agent_id: str | None,
    disposition: str | None,
    notes: str | None = None,
    channel: str = "phone",
    started_at: datetime | None = None,
    call_id: str | None = None,
    interaction_id: str | None = None,
) -> str:
    """Record a contact (a call's wrap-up); returns the interaction id. Commits ``session``."""
    _check(channel, CHANNELS, "channel")
    when = _naive_utc(started_at)
    row: dict[str, Any] = {
        "interaction_id": interaction_id or str(uuid.uuid4()),
        "customer_id": customer_id,
        "channel": channel,
        "agent_id": agent_id,
        "started_at": when,
        "disposition": disposition,
        "notes": notes,
        "call_id": call_id,
    }
    with _atomic(session):
        session.execute(insert(Interaction), [row])
        _queue(session, "interaction", {**row, "started_at": _iso(when)})
    return str(row["interaction_id"])


def create_customer(
    session: Session,
    *,
    name: str,
    phones: Iterable[str] = (),
    tier: str = "standard",
    lifecycle: str = "prospect",
    language: str | None = None,
    email: str | None = None,
    customer_id: str | None = None,
    region: str = DEFAULT_REGION,
) -> str:
    """Create a customer (numbers in any common format); returns its id. Commits ``session``."""
    name = (name or "").strip()
    if not name:
        raise AgentdeskError("a customer needs a name")
    _check(tier, TIERS, "tier")
    _check(lifecycle, LIFECYCLES, "lifecycle")
    e164: list[str] = []
    for raw in phones:
        num = normalize_phone(raw, region)
        if num is None:
            raise AgentdeskError(f"impossible phone number {raw!r}")
        if num not in e164:
            e164.append(num)
    row = {
        "customer_id": customer_id or str(uuid.uuid4()),
        "name": name,
        "name_key": name_key(name),
        "tier": tier,
        "lifecycle": lifecycle,
        "language": language,
        "email": email,
        "lifetime_value": 0.0,
    }
    phone_rows = [
        {"customer_id": row["customer_id"], "phone": p, "position": i} for i, p in enumerate(e164)
    ]
    with _atomic(session):
        session.execute(insert(Customer), [row])
        if phone_rows:
            session.execute(insert(CustomerPhone), phone_rows)
        _queue(session, "customer", {**row, "phones": e164})
    return str(row["customer_id"])


def create_issue(
    session: Session,
    *,
    customer_id: str,
    title: str,
    priority: str = "normal",
    status: str = "open",
    owner_agent_id: str | None = None,
    opened_at: datetime | None = None,
    issue_id: str | None = None,
) -> str:
    """Open an issue for a customer; returns its id. Commits ``session``."""
    title = (title or "").strip()
    if not title:
        raise AgentdeskError("an issue needs a title")
    _check(priority, PRIORITIES, "priority")
    _check(status, ISSUE_STATUSES, "status")
    when = _naive_utc(opened_at)
    row = {
        "issue_id": issue_id or str(uuid.uuid4()),
        "customer_id": customer_id,
        "title": title,
        "status": status,
        "priority": priority,
        "opened_at": when,
        "updated_at": when,
        "owner_agent_id": owner_agent_id,
    }
    with _atomic(session):
        session.execute(insert(Issue), [row])
        _queue(
            session,
            "issue",
            {**row, "opened_at": _iso(when), "updated_at": _iso(when)},
        )
    return str(row["issue_id"])


def pending_count(session: Session) -> int:
    """Outbox entries not yet pushed to central."""
    return int(
        session.execute(
            select(func.count()).select_from(OutboxEntry).where(OutboxEntry.pushed_at.is_(None))
        ).scalar_one()
    )
