"""What the switchboard asks the store: who is calling, and who the agents are."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, select
from sqlalchemy.orm import Session

from store.card import customer_ids_for_phone
from store.models import OPEN_STATUSES, Agent, Customer, Interaction, Issue
from store.phones import DEFAULT_REGION

_c = Customer.__table__.c
_i = Issue.__table__.c
_x = Interaction.__table__.c
_a = Agent.__table__.c

_Q_CUSTOMER = select(_c.customer_id, _c.tier, _c.lifecycle, _c.language).where(
    _c.customer_id == bindparam("cid")
)
_Q_OPEN = (
    select(_i.issue_id)
    .where(_i.customer_id == bindparam("cid"), _i.status.in_(OPEN_STATUSES))
    .order_by(_i.opened_at, _i.issue_id)
)
_Q_LAST = (
    select(_x.agent_id, _x.started_at)
    .where(_x.customer_id == bindparam("cid"), _x.agent_id.is_not(None))
    .order_by(_x.started_at.desc(), _x.interaction_id.desc())
    .limit(1)
)


@dataclass(frozen=True, slots=True)
class CallerContext:
    """The store's view of a caller, for routing (``when`` keys tier, lifecycle, known, ...)."""

    status: str  # found | ambiguous | unknown
    customer_id: str | None = None
    tier: str | None = None
    lifecycle: str | None = None
    language: str | None = None
    open_issue_ids: tuple[str, ...] = ()
    last_agent_id: str | None = None
    last_contact_at: float | None = None  # unix seconds of the latest interaction with an agent
    candidate_ids: tuple[str, ...] = ()

    @property
    def known(self) -> bool:
        return self.status == "found"

    @property
    def has_open_issue(self) -> bool:
        return bool(self.open_issue_ids)


@dataclass(frozen=True, slots=True)
class AgentProfile:
    agent_id: str
    name: str
    queues: list[str] = field(default_factory=list)
    skills: dict[str, int] = field(default_factory=dict)


def _conn(session: Session | Connection) -> Connection:
    return session.connection() if isinstance(session, Session) else session


def unix_seconds(value: datetime | None) -> float | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.timestamp()


def identify_caller(
    session: Session | Connection,
    *,
    ani: str | None = None,
    customer_id: str | None = None,
    region: str = DEFAULT_REGION,
) -> CallerContext:
    """Identify a caller by the IVR's ``customer_id`` (if given and known), else by ``ani``."""
    conn = _conn(session)
    cid: str | None = None
    if customer_id:
        row = conn.execute(_Q_CUSTOMER, {"cid": str(customer_id)}).first()
        if row is not None:
            cid = row.customer_id
    if cid is None:
        ids = customer_ids_for_phone(conn, ani, region) if ani else []
        if len(ids) > 1:
            return CallerContext(status="ambiguous", candidate_ids=tuple(ids))
        if not ids:
            return CallerContext(status="unknown")
        cid = ids[0]
    row = conn.execute(_Q_CUSTOMER, {"cid": cid}).first()
    if row is None:
        return CallerContext(status="unknown")
    open_ids = tuple(conn.execute(_Q_OPEN, {"cid": cid}).scalars())
    last = conn.execute(_Q_LAST, {"cid": cid}).first()
    return CallerContext(
        status="found",
        customer_id=row.customer_id,
        tier=row.tier,
        lifecycle=row.lifecycle,
        language=row.language,
        open_issue_ids=open_ids,
        last_agent_id=last.agent_id if last else None,
        last_contact_at=unix_seconds(last.started_at) if last else None,
    )


def _profile(row: Any) -> AgentProfile:
    queues = [str(q) for q in (row.queues or [])]
    skills = {str(k): int(v) for k, v in (row.skills or {}).items()}
    return AgentProfile(agent_id=row.agent_id, name=row.name, queues=queues, skills=skills)


def agent_profile(session: Session | Connection, agent_id: str) -> AgentProfile | None:
    row = (
        _conn(session)
        .execute(select(_a.agent_id, _a.name, _a.queues, _a.skills).where(_a.agent_id == agent_id))
        .first()
    )
    return _profile(row) if row is not None else None


def list_agents(session: Session | Connection) -> list[AgentProfile]:
    rows = _conn(session).execute(
        select(_a.agent_id, _a.name, _a.queues, _a.skills).order_by(_a.agent_id)
    )
    return [_profile(r) for r in rows]
