"""The switchboard's durable event log: one row per published change.

The switchboard (``telephony``) appends every ``agent.state`` and ``call.*`` change here once
(not once per topic), with the record as published. Supervisors and ``agentdesk report`` read it
back. The CRM tables are never written by the switchboard.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Float, Index, String, Text, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapped, mapped_column

from store.db import Base, BigIntPK


class EventLogRow(Base):
    __tablename__ = "event_log"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    epoch: Mapped[str] = mapped_column(String(40))
    seq: Mapped[int] = mapped_column()
    ts: Mapped[float] = mapped_column(Float)
    type: Mapped[str] = mapped_column(String(40))
    agent_id: Mapped[str | None] = mapped_column(String(64))
    call_id: Mapped[str | None] = mapped_column(String(64))
    queue_id: Mapped[str | None] = mapped_column(String(64))
    data: Mapped[str] = mapped_column(Text)

    __table_args__ = (
        Index("ix_event_log_ts", "ts"),
        Index("ix_event_log_epoch_seq", "epoch", "seq"),
        Index("ix_event_log_call", "call_id"),
    )


@dataclass(frozen=True, slots=True)
class LoggedEvent:
    epoch: str
    seq: int
    ts: float
    type: str
    agent_id: str | None
    call_id: str | None
    queue_id: str | None
    data: dict[str, Any]


def append_events(engine: Engine, events: Iterable[LoggedEvent]) -> int:
    """Append events in one transaction; returns how many were written."""
    rows = [
        {
            "epoch": e.epoch,
            "seq": e.seq,
            "ts": e.ts,
            "type": e.type,
            "agent_id": e.agent_id,
            "call_id": e.call_id,
            "queue_id": e.queue_id,
            "data": json.dumps(e.data, ensure_ascii=False, separators=(",", ":")),
        }
        for e in events
    ]
    if not rows:
        return 0
    with engine.begin() as conn:
        conn.execute(insert(EventLogRow), rows)
    return len(rows)


def iter_events(
    engine: Engine, since: float | None = None, until: float | None = None, batch: int = 50_000
) -> Iterator[LoggedEvent]:
    """Events with ``since <= ts < until`` in log order, streamed in batches."""
    last_id = 0
    while True:
        t = EventLogRow.__table__
        stmt = select(t).where(t.c.id > last_id)
        if since is not None:
            stmt = stmt.where(t.c.ts >= since)
        if until is not None:
            stmt = stmt.where(t.c.ts < until)
        stmt = stmt.order_by(t.c.id).limit(batch)
        with engine.connect() as conn:
            rows = conn.execute(stmt).all()
        if not rows:
            return
        for r in rows:
            yield LoggedEvent(
                r.epoch, r.seq, r.ts, r.type, r.agent_id, r.call_id, r.queue_id, json.loads(r.data)
            )
        last_id = rows[-1].id
