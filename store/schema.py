"""Creating and migrating the store's schema (Alembic, migrations shipped in the package)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

from agentdesk.errors import AgentdeskError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: Engine) -> str:
    """Create the schema or bring it to the newest revision; returns the revision."""
    cfg = alembic_config()
    try:
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                # Two processes migrating one database at once must not interleave.
                conn.execute(text("SELECT pg_advisory_xact_lock(734911)"))
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            rev = current_revision(conn)
    except Exception as exc:
        if isinstance(exc, AgentdeskError):
            raise
        from sqlalchemy.exc import SQLAlchemyError

        if isinstance(exc, SQLAlchemyError):
            orig = getattr(exc, "orig", None)
            msg = str(orig) if orig is not None else str(exc)
            raise AgentdeskError(
                f"cannot migrate {engine.url.render_as_string(hide_password=True)}: "
                f"{msg.splitlines()[0] if msg else type(exc).__name__}"
            ) from exc
        raise
    return rev or ""


def is_current(engine: Engine) -> bool:
    """True when the schema exists at the newest revision."""
    with engine.connect() as conn:
        return current_revision(conn) == head_revision()
