"""The desktop's access to its stores (no Qt): the local SQLite replica and, optionally, central.

Every method is blocking and meant to run on a ``TaskManager`` worker, never the GUI thread.
Reads use the replica (cards and search keep working when central or the bus is down);
writes go through ``store.outbox`` (local row + outbox entry in one transaction); ``sync`` and
``refresh`` talk to central and raise when it is unreachable.

SQLAlchemy and the store modules are imported on first use (``warm_up`` on a worker thread at
start), so the window shows and logs in before that half-second of imports.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import asdict, is_dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Engine

log = logging.getLogger(__name__)


class StoreService:
    def __init__(self, local_url: str, central_url: str = "", region: str = "CN") -> None:
        self.local_url = local_url
        self.central_url = central_url or ""
        self.region = region or "CN"
        self._local: Engine | None = None
        self._session: Any = None
        self._central: Engine | None = None
        self._central_lock = threading.Lock()
        self._local_lock = threading.Lock()
        self._ready_lock = threading.Lock()
        self._ready = False
        #: unix time of the last successful sync with central (None: never in this run)
        self.last_sync_ok: float | None = None
        #: a kept card reader per long-lived thread that asked for one (``lookup(keep=True)``)
        self._readers = threading.local()
        self._all_readers: list[Any] = []

    @property
    def local(self) -> Engine:
        with self._local_lock:
            if self._local is None:
                from store.db import make_engine, session_factory

                self._local = make_engine(self.local_url)
                self._session = session_factory(self._local)
            return self._local

    def _new_session(self) -> Any:
        _ = self.local  # makes the engine and its session factory
        return self._session()

    def warm_up(self) -> None:
        """Import the store modules and create or migrate the replica, once (any thread; the
        app calls it on a worker at start, every other method waits for it)."""
        if self._ready:
            return
        with self._ready_lock:
            if self._ready:
                return
            from store import card, outbox, search  # noqa: F401
            from store.schema import is_current, migrate
            from store.sync import prepare_local

            if self.has_central:
                prepare_local(self.local)  # a replica of central (what sync_once does first)
            elif not is_current(self.local):
                migrate(self.local)
            self._ready = True

    def warm_os_cache(self) -> Any:
        """Read the replica's file once so the OS caches it: card reads then never wait on the
        disk (``store.os_cache``; any thread, blocking: a worker's). Returns what was done."""
        from store.os_cache import warm_url

        return warm_url(self.local_url)

    @property
    def has_central(self) -> bool:
        return bool(self.central_url)

    def central(self) -> Engine:
        with self._central_lock:
            if self._central is None:
                from store.db import make_engine

                self._central = make_engine(self.central_url, **_central_kwargs(self.central_url))
            return self._central

    def close(self) -> None:
        with self._local_lock:
            readers, self._all_readers = self._all_readers, []
        for reader in readers:
            try:
                reader.close()
            except Exception:  # pragma: no cover - closing on the way out
                log.debug("closing a card reader", exc_info=True)
        if self._local is not None:
            self._local.dispose()
        if self._central is not None:
            self._central.dispose()

    # -- reads (local replica) -------------------------------------------------------------------
    def _card_reader(self) -> Any:
        """This thread's kept card reader: a pooled connection held until ``close`` (so only
        for a thread that lives as long as this service: the desk's bus thread)."""
        reader = getattr(self._readers, "reader", None)
        if reader is None or reader.closed:
            from store.card import CardReader

            reader = CardReader(self.local)
            self._readers.reader = reader
            with self._local_lock:
                self._all_readers = [r for r in self._all_readers if not r.closed]
                self._all_readers.append(reader)
        return reader

    def lookup(
        self, *, phone: str | None = None, customer_id: str | None = None, keep: bool = False
    ) -> dict[str, Any]:
        """The card (``store.card``). ``keep``: on this thread's kept connection and cursor
        (``store.card.CardReader``: no pool checkout, check-in and new cursor per card, about
        0.2 ms of a cold read); only for a thread that lives as long as the service."""
        self.warm_up()
        if keep:
            return self._card_reader().lookup(  # type: ignore[no-any-return]
                phone=phone, customer_id=customer_id, region=self.region
            )
        from store import card as card_mod

        with self.local.connect() as conn:
            return card_mod.lookup_card(
                conn, phone=phone, customer_id=customer_id, region=self.region
            )

    def enrich_candidates(
        self, candidates: list[dict[str, Any]], keep: bool = False
    ) -> list[dict[str, Any]]:
        """Add what tells candidates apart: lifecycle, open issues, last contact, last purchase."""
        self.warm_up()
        if keep:
            return self._enrich(candidates, self._card_reader().lookup)
        from store import card as card_mod

        with self.local.connect() as conn:  # one connection for all the candidates
            return self._enrich(candidates, lambda **kw: card_mod.lookup_card(conn, **kw))

    @staticmethod
    def _enrich(candidates: list[dict[str, Any]], read: Any) -> list[dict[str, Any]]:
        out = []
        for c in candidates:
            card = read(customer_id=str(c["customer_id"]))
            customer = card.get("customer") or {}
            row = dict(c)
            row["lifecycle"] = customer.get("lifecycle")
            row["open_issues"] = len(card.get("open_issues") or [])
            inter = card.get("interactions") or []
            row["last_contact"] = _ts(inter[0]["started_at"]) if inter else None
            purchases = card.get("purchases") or []
            row["last_purchase"] = purchases[0]["product"] if purchases else ""
            out.append(row)
        return out

    def search(self, text: str, limit: int = 50) -> list[dict[str, Any]]:
        self.warm_up()
        from store import search as search_mod

        with self.local.connect() as conn:
            hits = search_mod.search_customers(conn, text, limit=limit, region=self.region)
        return [asdict(h) if is_dataclass(h) else dict(h) for h in hits]  # type: ignore[arg-type]

    def outbox_count(self) -> int:
        self.warm_up()
        from store import outbox

        with self._new_session() as session:
            return outbox.pending_count(session)

    def local_as_of(self) -> float | None:
        """When the replica last synced with central (this run's last sync, else its record)."""
        self.warm_up()
        if self.last_sync_ok is not None:
            return self.last_sync_ok
        try:
            from store.sync import sync_status

            return _ts(sync_status(self.local).get("last_sync_at"))
        except Exception:
            log.debug("no last-sync time", exc_info=True)
            return None

    # -- writes (local + outbox) -----------------------------------------------------------------
    def record_wrapup(
        self, *, agent_id: str, call: dict[str, Any], values: dict[str, Any]
    ) -> dict[str, Any]:
        """The call's interaction (and follow-up issue) into the replica and its outbox."""
        self.warm_up()
        from store import outbox

        customer_id = call.get("customer_id") or values.get("customer_id")
        started = call.get("answered_at") or call.get("offered_at") or time.time()
        notes = values.get("notes") or ""
        # An issue needs a title; an agent who ticked "follow-up" without one still gets the
        # issue (titled from the notes), and nothing is half-written by a refusal.
        issue_title = (values.get("issue_title") or "").strip()
        if not issue_title:
            first_line = notes.strip().splitlines()[0] if notes.strip() else ""
            issue_title = first_line[:120] or f"Follow-up: {values.get('disposition') or 'call'}"
        result: dict[str, Any] = {}
        with self._new_session() as session:
            result["interaction_id"] = outbox.record_interaction(
                session,
                customer_id=customer_id,
                channel="phone",
                agent_id=agent_id,
                started_at=_dt(started),
                disposition=values.get("disposition"),
                notes=notes,
                call_id=call.get("call_id"),
            )
            if values.get("follow_up") and customer_id:
                result["issue_id"] = outbox.create_issue(
                    session,
                    customer_id=customer_id,
                    title=issue_title,
                    priority=values.get("issue_priority") or "normal",
                    owner_agent_id=agent_id,
                )
        return result

    def create_customer(
        self,
        *,
        name: str,
        phone: str,
        tier: str,
        notes: str,
        agent_id: str,
        call_id: str | None = None,
    ) -> str:
        """A new customer (and the agent's first notes as an interaction), via the outbox."""
        self.warm_up()
        from store import outbox

        with self._new_session() as session:
            customer_id = outbox.create_customer(
                session,
                name=name,
                tier=tier or "standard",
                lifecycle="new",
                phones=[phone] if phone else [],
                region=self.region,
            )
            if notes:
                outbox.record_interaction(
                    session,
                    customer_id=customer_id,
                    agent_id=agent_id,
                    disposition=None,
                    notes=notes,
                    channel="phone",
                    call_id=call_id,
                )
        return str(customer_id)

    # -- central --------------------------------------------------------------------------------
    def sync(self) -> Any:
        self.warm_up()
        from store import sync as sync_mod

        summary = sync_mod.sync_once(self.central(), self.local)
        self.last_sync_ok = time.time()
        return summary

    def refresh(self, customer_id: str) -> dict[str, Any]:
        """Pull one customer from central into the replica, then the fresh card."""
        self.warm_up()
        from store import sync as sync_mod

        sync_mod.refresh_customer(self.central(), self.local, customer_id)
        return self.lookup(customer_id=customer_id)


def _central_kwargs(url: str) -> dict[str, Any]:
    if url.startswith("postgresql"):
        return {"connect_args": {"connect_timeout": 3}}
    return {}


def _ts(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, int | float):
        return float(value)
    if hasattr(value, "timestamp"):
        from datetime import UTC

        if getattr(value, "tzinfo", None) is None:
            value = value.replace(tzinfo=UTC)
        return float(value.timestamp())
    from datetime import datetime

    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None


def _dt(ts: float) -> Any:
    from datetime import UTC, datetime

    return datetime.fromtimestamp(float(ts), UTC)
