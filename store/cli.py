"""Handlers of ``agentdesk store init|import|seed|sync`` and ``agentdesk lookup``."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from agentdesk.config import Settings
from agentdesk.errors import AgentdeskError, UsageError
from store.db import make_engine


def _engine(url: str) -> Engine:
    try:
        return make_engine(url)
    except (SQLAlchemyError, ValueError, ImportError) as exc:
        raise UsageError(f"bad store URL {url!r}: {exc}") from exc


def _db_error(url: str, exc: SQLAlchemyError) -> AgentdeskError:
    orig = getattr(exc, "orig", None)
    msg = str(orig if orig is not None else exc).strip().splitlines()
    return AgentdeskError(f"{url}: {msg[0] if msg else type(exc).__name__}")


def _region(settings: Settings) -> str:
    return str(settings.get("default_region") or "CN").upper()


def init(args: argparse.Namespace, settings: Settings) -> int:
    from store.schema import migrate

    engine = _engine(args.url)
    try:
        rev = migrate(engine)
    finally:
        engine.dispose()
    print(f"store ready at revision {rev}: {_safe(args.url)}")
    return 0


def seed(args: argparse.Namespace, settings: Settings) -> int:
    from store.schema import migrate
    from store.seed import seed as run_seed

    if args.customers < 0:
        raise UsageError("--customers must be 0 or more")
    if args.agents is not None and args.agents < 1:
        raise UsageError("--agents must be 1 or more")
    engine = _engine(args.url)
    try:
        migrate(engine)
        summary = run_seed(engine, args.customers, seed=args.seed, agents=args.agents)
    except SQLAlchemyError as exc:
        raise _db_error(_safe(args.url), exc) from exc
    finally:
        engine.dispose()
    print(summary.line())
    return 0


def import_csv(args: argparse.Namespace, settings: Settings) -> int:
    from store.csv_import import import_dir

    engine = _engine(args.url)
    try:
        result = import_dir(engine, args.dir, region=_region(settings), err=sys.stderr)
    except SQLAlchemyError as exc:
        raise _db_error(_safe(args.url), exc) from exc
    finally:
        engine.dispose()
    print(result.line())
    return 1 if result.unreadable else 0


def lookup(args: argparse.Namespace, settings: Settings) -> int:
    from store.card import card_json, lookup_card
    from store.schema import is_current

    engine = _engine(args.url)
    try:
        if not is_current(engine):
            raise AgentdeskError(
                f"{_safe(args.url)} is not an up-to-date store; run: agentdesk store init --url URL"
            )
        with Session(engine) as session:
            card = lookup_card(
                session, phone=args.phone, customer_id=args.customer, region=_region(settings)
            )
    except SQLAlchemyError as exc:
        raise _db_error(_safe(args.url), exc) from exc
    finally:
        engine.dispose()
    out = (card_json(card) + "\n").encode("utf-8")
    sys.stdout.flush()
    sys.stdout.buffer.write(out)
    sys.stdout.buffer.flush()
    return 0


def sync(args: argparse.Namespace, settings: Settings) -> int:
    from store.sync import CentralUnavailable, local_url, sync_once, watch

    central = _engine(args.central)
    local = _engine(local_url(args.local))
    if local.dialect.name == "sqlite":
        # A sync process only writes: a small page cache and no memory map keep it lean.
        event.listen(local, "connect", _lean_sqlite)
    try:
        if args.watch:
            interval = float(args.interval or settings.get("sync_interval") or 5.0)
            watch(central, local, interval=interval, report=lambda s: print(s.line(), flush=True))
            return 0
        t0 = time.perf_counter()
        try:
            summary = sync_once(central, local, batch_size=getattr(args, "batch", None))
        except CentralUnavailable as exc:
            raise AgentdeskError(str(exc)) from exc
        summary.seconds = time.perf_counter() - t0
        print(summary.line())
        return 0
    except SQLAlchemyError as exc:
        raise _db_error(_safe(args.local), exc) from exc
    finally:
        central.dispose()
        local.dispose()


def _lean_sqlite(dbapi_connection: Any, _record: Any) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA cache_size=-16384")
    cur.execute("PRAGMA mmap_size=0")
    cur.close()


def _safe(url: str) -> str:
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url
