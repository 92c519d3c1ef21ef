"""The CRM tables of the store and the bookkeeping tables of central-to-local sync.

Every synced table carries ``version``: a monotonic change version that the *central* store
maintains itself with triggers (see ``store/migrations``), so any writer (our import, an admin's
SQL, another application) is seen by the replicas:

* PostgreSQL: ``version`` is the id of the writing transaction (``pg_current_xact_id()``); the
  puller only takes versions below the oldest transaction still running
  (``pg_snapshot_xmin``), so a transaction that commits late is never skipped.
* SQLite: ``version`` comes from the one-row counter ``sync_counter`` bumped inside the writing
  transaction; SQLite has a single writer, so versions commit in order. Bulk writers may reserve
  a range and set ``version`` themselves (a trigger only fills it when the writer left it alone).

Deletes on central leave a row in ``sync_tombstones``. A replica (marked by the ``replica`` key
in ``sync_state``) runs no triggers and has no ``ix_*_version`` indexes (only central's pull
reads them; ``store.sync.prepare_local`` drops them, so a migration touching them must use
``IF EXISTS``): it stores central's versions as pulled, keeps its pull progress in
``sync_watermarks`` and queues its own writes in ``sync_outbox``. Central records
the outbox entries it applied in ``sync_applied_ops`` so a repeated push changes nothing.

Times are naive UTC ``DateTime``; money is ``Numeric(14, 2)`` read back as float.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    SmallInteger,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from store.db import Base, BigIntPK

TIERS = ("platinum", "gold", "silver", "standard")
LIFECYCLES = ("prospect", "new", "established", "expanding")
ISSUE_STATUSES = ("open", "pending", "resolved", "closed")
OPEN_STATUSES = ("open", "pending")
PRIORITIES = ("low", "normal", "high", "urgent")
CHANNELS = ("phone", "email", "chat", "sms", "web", "visit")
QUEUES = ("vip", "billing", "tech", "sales", "general")

#: Each synced table's data columns (no sync bookkeeping), in the order bulk writers (seed,
#: import, sync) use them.
DATA_COLUMNS: dict[str, tuple[str, ...]] = {
    "agents": ("agent_id", "name", "queues", "skills"),
    "customers": (
        "customer_id",
        "name",
        "name_key",
        "tier",
        "lifecycle",
        "language",
        "email",
        "lifetime_value",
    ),
    "customer_phones": ("customer_id", "phone", "position"),
    "purchases": ("purchase_id", "customer_id", "product", "amount", "currency", "purchased_at"),
    "issues": (
        "issue_id",
        "customer_id",
        "title",
        "status",
        "priority",
        "opened_at",
        "updated_at",
        "owner_agent_id",
    ),
    "interactions": (
        "interaction_id",
        "customer_id",
        "channel",
        "agent_id",
        "started_at",
        "disposition",
        "notes",
        "call_id",
    ),
}

Money = Numeric(14, 2, asdecimal=False)
#: Ids compare byte-wise on every backend ("C" collation on PostgreSQL), so orders agree.
Key = String(64).with_variant(String(64, collation="C"), "postgresql")
#: A case-folded name for prefix search; binary ("C") order so range scans use the index.
NameKey = String(200).with_variant(String(200, collation="C"), "postgresql")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Customer(Base):
    __tablename__ = "customers"

    customer_id: Mapped[str] = mapped_column(Key, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(NameKey)
    tier: Mapped[str] = mapped_column(String(16), default="standard")
    lifecycle: Mapped[str] = mapped_column(String(16), default="prospect")
    language: Mapped[str | None] = mapped_column(String(16))
    email: Mapped[str | None] = mapped_column(String(200))
    lifetime_value: Mapped[float] = mapped_column(Money, default=0.0)
    version: Mapped[int | None] = mapped_column(BigInteger)

    __table_args__ = (
        CheckConstraint(_in("tier", TIERS), name="ck_customers_tier"),
        CheckConstraint(_in("lifecycle", LIFECYCLES), name="ck_customers_lifecycle"),
        Index("ix_customers_name_key", "name_key"),
        Index("ix_customers_version", "version", "customer_id"),
    )


class CustomerPhone(Base):
    """One E.164 number of a customer; the same number may belong to several customers."""

    __tablename__ = "customer_phones"

    customer_id: Mapped[str] = mapped_column(
        Key, ForeignKey("customers.customer_id", ondelete="CASCADE"), primary_key=True
    )
    phone: Mapped[str] = mapped_column(String(20), primary_key=True)
    position: Mapped[int] = mapped_column(SmallInteger, default=0)
    version: Mapped[int | None] = mapped_column(BigInteger)

    __table_args__ = (
        Index("ix_customer_phones_phone", "phone", "customer_id"),
        Index("ix_customer_phones_version", "version", "customer_id", "phone"),
    )


class Purchase(Base):
    __tablename__ = "purchases"

    purchase_id: Mapped[str] = mapped_column(Key, primary_key=True)
    customer_id: Mapped[str] = mapped_column(
        Key, ForeignKey("customers.customer_id", ondelete="CASCADE")
    )
    product: Mapped[str] = mapped_column(String(200))
    amount: Mapped[float] = mapped_column(Money)
    currency: Mapped[str] = mapped_column(String(3))
    purchased_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int | None] = mapped_column(BigInteger)

    __table_args__ = (
        Index("ix_purchases_customer_time", "customer_id", "purchased_at"),
        Index("ix_purchases_version", "version", "purchase_id"),
    )


class Issue(Base):
    __tablename__ = "issues"

    issue_id: Mapped[str] = mapped_column(Key, primary_key=True)
    customer_id: Mapped[str] = mapped_column(
        Key, ForeignKey("customers.customer_id", ondelete="CASCADE")
    )
    title: Mapped[str] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(16))
    priority: Mapped[str] = mapped_column(String(16), default="normal")
    opened_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    owner_agent_id: Mapped[str | None] = mapped_column(Key)
    version: Mapped[int | None] = mapped_column(BigInteger)

    __table_args__ = (
        CheckConstraint(_in("status", ISSUE_STATUSES), name="ck_issues_status"),
        CheckConstraint(_in("priority", PRIORITIES), name="ck_issues_priority"),
        Index("ix_issues_customer_status_opened", "customer_id", "status", "opened_at"),
        Index("ix_issues_version", "version", "issue_id"),
    )


class Interaction(Base):
    """An append-only contact record (a call's wrap-up, an e-mail, a chat)."""

    __tablename__ = "interactions"

    interaction_id: Mapped[str] = mapped_column(Key, primary_key=True)
    customer_id: Mapped[str | None] = mapped_column(
        Key, ForeignKey("customers.customer_id", ondelete="CASCADE")
    )
    channel: Mapped[str] = mapped_column(String(16))
    agent_id: Mapped[str | None] = mapped_column(Key)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    disposition: Mapped[str | None] = mapped_column(String(64))
    notes: Mapped[str | None] = mapped_column(Text)
    call_id: Mapped[str | None] = mapped_column(Key)
    version: Mapped[int | None] = mapped_column(BigInteger)

    __table_args__ = (
        Index("ix_interactions_customer_time", "customer_id", "started_at"),
        Index("ix_interactions_version", "version", "interaction_id"),
    )


class Agent(Base):
    """An agent's profile: queues (ids) and skills (name -> level 1..5), both JSON."""

    __tablename__ = "agents"

    agent_id: Mapped[str] = mapped_column(Key, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    queues: Mapped[list[str]] = mapped_column(JSON, default=list)
    skills: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    version: Mapped[int | None] = mapped_column(BigInteger)

    __table_args__ = (Index("ix_agents_version", "version", "agent_id"),)


# --- sync bookkeeping -------------------------------------------------------------------------


class SyncCounter(Base):
    """SQLite centrals: the last change version handed out (one row, id 1)."""

    __tablename__ = "sync_counter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class SyncState(Base):
    """Key/value facts about this store (``replica`` marks a local replica)."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str | None] = mapped_column(Text)


class SyncTombstone(Base):
    """A row deleted on central: ``row_key`` is the JSON list of its primary-key values."""

    __tablename__ = "sync_tombstones"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(64))
    row_key: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (Index("ix_sync_tombstones_version", "version", "id"),)


class SyncWatermark(Base):
    """A replica's pull progress for one table.

    Every central row with ``version < done_below`` has been pulled, and so has every row with
    ``version >= done_below`` ordered at or before ``(cursor_version, cursor_key)`` (a sync cut
    off in the middle of a table; ``cursor_key`` is the JSON list of primary-key values).
    """

    __tablename__ = "sync_watermarks"

    table_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    done_below: Mapped[int] = mapped_column(BigInteger, default=0)
    cursor_version: Mapped[int | None] = mapped_column(BigInteger)
    cursor_key: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime)


class OutboxEntry(Base):
    """A local write waiting to reach central; ``op_id`` is the client-made UUID."""

    __tablename__ = "sync_outbox"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    pushed_at: Mapped[datetime | None] = mapped_column(DateTime)

    __table_args__ = (Index("ix_sync_outbox_pending", "pushed_at", "id"),)


class AppliedOp(Base):
    """Central: an outbox entry already applied (makes pushes idempotent)."""

    __tablename__ = "sync_applied_ops"

    op_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    applied_at: Mapped[datetime] = mapped_column(DateTime)


#: Synced tables in pull order, with their primary-key columns.
SYNCED_TABLES: dict[str, tuple[str, ...]] = {
    "agents": ("agent_id",),
    "customers": ("customer_id",),
    "customer_phones": ("customer_id", "phone"),
    "purchases": ("purchase_id",),
    "issues": ("issue_id",),
    "interactions": ("interaction_id",),
}


def name_key(name: str) -> str:
    """The search key of a name: case-folded, spaces collapsed."""
    return " ".join(name.casefold().split())[:200]
