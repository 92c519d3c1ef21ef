"""Initial schema: CRM tables, sync bookkeeping, change-version triggers, event log.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

Money = sa.Numeric(14, 2, asdecimal=False)
Key = sa.String(64).with_variant(sa.String(64, collation="C"), "postgresql")
NameKey = sa.String(200).with_variant(sa.String(200, collation="C"), "postgresql")
BigIntPK = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

SYNCED = {
    "agents": ("agent_id",),
    "customers": ("customer_id",),
    "customer_phones": ("customer_id", "phone"),
    "purchases": ("purchase_id",),
    "issues": ("issue_id",),
    "interactions": ("interaction_id",),
}


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _tables() -> None:
    op.create_table(
        "customers",
        sa.Column("customer_id", Key, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("name_key", NameKey, nullable=False),
        sa.Column("tier", sa.String(16), nullable=False),
        sa.Column("lifecycle", sa.String(16), nullable=False),
        sa.Column("language", sa.String(16)),
        sa.Column("email", sa.String(200)),
        sa.Column("lifetime_value", Money, nullable=False),
        sa.Column("version", sa.BigInteger),
        sa.CheckConstraint(
            _in("tier", ("platinum", "gold", "silver", "standard")), name="ck_customers_tier"
        ),
        sa.CheckConstraint(
            _in("lifecycle", ("prospect", "new", "established", "expanding")),
            name="ck_customers_lifecycle",
        ),
    )
    op.create_index("ix_customers_name_key", "customers", ["name_key"])
    op.create_index("ix_customers_version", "customers", ["version", "customer_id"])

    op.create_table(
        "customer_phones",
        sa.Column(
            "customer_id",
            Key,
            sa.ForeignKey("customers.customer_id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("phone", sa.String(20), primary_key=True),
        sa.Column("position", sa.SmallInteger, nullable=False),
        sa.Column("version", sa.BigInteger),
    )
    op.create_index("ix_customer_phones_phone", "customer_phones", ["phone", "customer_id"])
    op.create_index(
        "ix_customer_phones_version", "customer_phones", ["version", "customer_id", "phone"]
    )

    op.create_table(
        "purchases",
        sa.Column("purchase_id", Key, primary_key=True),
        sa.Column(
            "customer_id",
            Key,
            sa.ForeignKey("customers.customer_id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("product", sa.String(200), nullable=False),
        sa.Column("amount", Money, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("purchased_at", sa.DateTime, nullable=False),
        sa.Column("version", sa.BigInteger),
    )
    op.create_index("ix_purchases_customer_time", "purchases", ["customer_id", "purchased_at"])
    op.create_index("ix_purchases_version", "purchases", ["version", "purchase_id"])

    op.create_table(
        "issues",
        sa.Column("issue_id", Key, primary_key=True),
        sa.Column(
            "customer_id",
            Key,
            sa.ForeignKey("customers.customer_id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("priority", sa.String(16), nullable=False),
        sa.Column("opened_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        sa.Column("owner_agent_id", Key),
        sa.Column("version", sa.BigInteger),
        sa.CheckConstraint(
            _in("status", ("open", "pending", "resolved", "closed")), name="ck_issues_status"
        ),
        sa.CheckConstraint(
            _in("priority", ("low", "normal", "high", "urgent")), name="ck_issues_priority"
        ),
    )
    op.create_index(
        "ix_issues_customer_status_opened", "issues", ["customer_id", "status", "opened_at"]
    )
    op.create_index("ix_issues_version", "issues", ["version", "issue_id"])

    op.create_table(
        "interactions",
        sa.Column("interaction_id", Key, primary_key=True),
        sa.Column("customer_id", Key, sa.ForeignKey("customers.customer_id", ondelete="CASCADE")),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("agent_id", Key),
        sa.Column("started_at", sa.DateTime, nullable=False),
        sa.Column("disposition", sa.String(64)),
        sa.Column("notes", sa.Text),
        sa.Column("call_id", Key),
        sa.Column("version", sa.BigInteger),
    )
    op.create_index(
        "ix_interactions_customer_time", "interactions", ["customer_id", "started_at"]
    )
    op.create_index("ix_interactions_version", "interactions", ["version", "interaction_id"])

    op.create_table(
        "agents",
        sa.Column("agent_id", Key, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("queues", sa.JSON, nullable=False),
        sa.Column("skills", sa.JSON, nullable=False),
        sa.Column("version", sa.BigInteger),
    )
    op.create_index("ix_agents_version", "agents", ["version", "agent_id"])

    op.create_table(
        "sync_counter",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("value", sa.BigInteger, nullable=False),
    )
    op.bulk_insert(
        sa.table("sync_counter", sa.column("id", sa.Integer), sa.column("value", sa.BigInteger)),
        [{"id": 1, "value": 0}],
    )
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text),
    )
    op.create_table(
        "sync_tombstones",
        sa.Column("id", BigIntPK, primary_key=True, autoincrement=True),
        sa.Column("table_name", sa.String(64), nullable=False),
        sa.Column("row_key", sa.Text, nullable=False),
        sa.Column("version", sa.BigInteger, nullable=False),
    )
    op.create_index("ix_sync_tombstones_version", "sync_tombstones", ["version", "id"])
    op.create_table(
        "sync_watermarks",
        sa.Column("table_name", sa.String(64), primary_key=True),
        sa.Column("done_below", sa.BigInteger, nullable=False),
        sa.Column("cursor_version", sa.BigInteger),
        sa.Column("cursor_key", sa.Text),
        sa.Column("updated_at", sa.DateTime),
    )
    op.create_table(
        "sync_outbox",
        sa.Column("id", BigIntPK, primary_key=True, autoincrement=True),
        sa.Column("op_id", sa.String(36), nullable=False, unique=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("last_error", sa.Text),
        sa.Column("pushed_at", sa.DateTime),
    )
    op.create_index("ix_sync_outbox_pending", "sync_outbox", ["pushed_at", "id"])
    op.create_table(
        "sync_applied_ops",
        sa.Column("op_id", sa.String(36), primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("applied_at", sa.DateTime, nullable=False),
    )

    op.create_table(
        "event_log",
        sa.Column("id", BigIntPK, primary_key=True, autoincrement=True),
        sa.Column("epoch", sa.String(40), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("ts", sa.Float, nullable=False),
        sa.Column("type", sa.String(40), nullable=False),
        sa.Column("agent_id", sa.String(64)),
        sa.Column("call_id", sa.String(64)),
        sa.Column("queue_id", sa.String(64)),
        sa.Column("data", sa.Text, nullable=False),
    )
    op.create_index("ix_event_log_ts", "event_log", ["ts"])
    op.create_index("ix_event_log_epoch_seq", "event_log", ["epoch", "seq"])
    op.create_index("ix_event_log_call", "event_log", ["call_id"])


# --- change versions and tombstones --------------------------------------------------------

_SQLITE_NOT_REPLICA = "NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'replica')"


def _sqlite_triggers(table: str, pk: tuple[str, ...]) -> list[str]:
    bump = "UPDATE sync_counter SET value = value + 1 WHERE id = 1;"
    current = "(SELECT value FROM sync_counter WHERE id = 1)"
    old_key = "json_array(" + ", ".join(f"OLD.{c}" for c in pk) + ")"
    return [
        f"""CREATE TRIGGER trg_{table}_version_ins AFTER INSERT ON {table}
        WHEN NEW.version IS NULL AND {_SQLITE_NOT_REPLICA}
        BEGIN {bump} UPDATE {table} SET version = {current} WHERE rowid = NEW.rowid; END""",
        f"""CREATE TRIGGER trg_{table}_version_upd AFTER UPDATE ON {table}
        WHEN NEW.version IS OLD.version AND {_SQLITE_NOT_REPLICA}
        BEGIN {bump} UPDATE {table} SET version = {current} WHERE rowid = NEW.rowid; END""",
        f"""CREATE TRIGGER trg_{table}_tombstone AFTER DELETE ON {table}
        WHEN {_SQLITE_NOT_REPLICA}
        BEGIN {bump}
          INSERT INTO sync_tombstones (table_name, row_key, version)
          VALUES ('{table}', {old_key}, {current});
        END""",
    ]


_PG_FUNCTIONS = [
    """CREATE OR REPLACE FUNCTION agentdesk_set_version() RETURNS trigger AS $$
    BEGIN
      NEW.version := pg_current_xact_id()::text::bigint;
      RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    """CREATE OR REPLACE FUNCTION agentdesk_tombstone() RETURNS trigger AS $$
    DECLARE
      k text;
    BEGIN
      SELECT jsonb_agg(to_jsonb(OLD) -> a ORDER BY n)::text INTO k
        FROM unnest(TG_ARGV) WITH ORDINALITY AS t(a, n);
      INSERT INTO sync_tombstones (table_name, row_key, version)
        VALUES (TG_TABLE_NAME, k, pg_current_xact_id()::text::bigint);
      RETURN OLD;
    END $$ LANGUAGE plpgsql""",
]


def _pg_triggers(table: str, pk: tuple[str, ...]) -> list[str]:
    args = ", ".join(f"'{c}'" for c in pk)
    return [
        f"""CREATE TRIGGER trg_{table}_version BEFORE INSERT OR UPDATE ON {table}
        FOR EACH ROW EXECUTE FUNCTION agentdesk_set_version()""",
        f"""CREATE TRIGGER trg_{table}_tombstone AFTER DELETE ON {table}
        FOR EACH ROW EXECUTE FUNCTION agentdesk_tombstone({args})""",
    ]


def upgrade() -> None:
    _tables()
    dialect = op.get_bind().dialect.name
    statements: list[str] = []
    if dialect == "postgresql":
        statements += _PG_FUNCTIONS
        for table, pk in SYNCED.items():
            statements += _pg_triggers(table, pk)
    elif dialect == "sqlite":
        for table, pk in SYNCED.items():
            statements += _sqlite_triggers(table, pk)
    else:
        raise RuntimeError(f"unsupported database for the store: {dialect}")
    for sql in statements:
        op.execute(sql)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in (
            "event_log",
            "sync_applied_ops",
            "sync_outbox",
            "sync_watermarks",
            "sync_tombstones",
            "sync_state",
            "sync_counter",
            "agents",
            "interactions",
            "issues",
            "purchases",
            "customer_phones",
            "customers",
    ):
        op.drop_table(table)
    if dialect == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS agentdesk_set_version()")
        op.execute("DROP FUNCTION IF EXISTS agentdesk_tombstone()")
