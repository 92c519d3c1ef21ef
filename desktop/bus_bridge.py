"""The bus off the GUI thread: one QThread owns the ZeroMQ sockets (via ``telephony.client``).

The thread runs ``BusClient.poll`` in a loop and turns what it returns into Qt signals carrying
plain dicts (queued into the GUI thread). Commands go the other way through
``BusClient.submit``, which is thread-safe and wakes the poll loop. The client implements the
Clone pattern (subscribe, snapshot, newer versions win, resync on a new epoch or 3 s without a
heartbeat, back-off on retries); the bridge reports the link as ``connectionChanged``.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from telephony.client import BusClient, Connection, Event, Reply, Snapshot
from telephony.records import to_dict
from telephony.security import ClientCurve

log = logging.getLogger(__name__)


class _Worker(QObject):
    def __init__(self, bridge: BusBridge) -> None:
        super().__init__()
        self.bridge = bridge

    def run(self) -> None:
        b = self.bridge
        client = b.client
        try:
            client.open()
            b._opened.set()
            while not b._stop.is_set():
                for n in client.poll(b._poll_timeout()):
                    b._dispatch(n)
                b._deliver_held()
        except Exception:  # pragma: no cover - logged, the app shows "offline"
            log.exception("bus thread failed")
            b.connectionChanged.emit(False, "bus thread failed")
        finally:
            client.close()
            b._opened.set()


class BusBridge(QObject):
    """Signals (all queued into the receiver's thread):

    * ``connectionChanged(connected, reason)``
    * ``snapshotReceived(dict)``: ``{"epoch", "seq", "agents": {id: Agent}, "calls": {id: Call},
      "queues": [...]}`` after every (re)sync
    * ``eventReceived(type, record, extra, ts)``: one applied event (``ts`` = switchboard time)
    * ``replyReceived(cmd, ok, result, code, message, tag)``
    * ``cardPrefetched(call_id, card)``: with ``prefetch`` set, the bus thread reads the card
      of a call offered to this agent right after passing the ``call.offered`` event on (no
      hop through a worker pool; always emitted, ``{}`` when the read failed).
    """

    # Payloads typed ``object``: the dicts cross to the GUI thread as the very Python objects
    # (the bus thread never touches them again). Typed ``dict``, each was converted to a
    # QVariantMap and back, deep: about 0.2 ms per card on every pop.
    connectionChanged = Signal(bool, str)
    snapshotReceived = Signal(object)
    eventReceived = Signal(str, object, object, float)
    replyReceived = Signal(str, bool, object, str, str, object)
    cardPrefetched = Signal(str, object)
    #: True (default): read the card before passing ``call.offered`` on, so the event and the
    #: card reach the GUI back to back and are shown and painted in one go. False: after it, so
    #: the GUI handles the banner while the bus thread reads; but then the GUI thread, idle until
    #: the card comes, lays out and paints the banner first and the card waits behind that paint
    #: (p99 of the pop 56 -> 38 ms on the loaded 2-core machine with True, together with the
    #: fixes of the repaint itself).
    prefetch_first = True
    #: Events held back while this desk's call pops (from its ``call.offered`` to
    #: ``release_held``, called once the card is painted): the switchboard publishes this agent's
    #: ``agent.state`` (reserved) right after the offer, and handling it then (the bus thread
    #: decoding and the GUI thread updating the state bar, inside the pop) only delays the card.
    #: Any other notification first delivers what is held, so the order is always kept.
    HELD_TYPES = frozenset({"agent.state"})
    #: the longest events are held (seconds), should the card never be shown
    MAX_HOLD = 0.5
    hold_during_pop = True

    def __init__(
        self,
        commands: str,
        events: str,
        agent_id: str,
        *,
        request_timeout: float = 5.0,
        heartbeat_timeout: float = 3.0,
        curve: ClientCurve | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.agent_id = agent_id
        self.client = BusClient(
            commands,
            events,
            topics=[f"desk/{agent_id}/"],
            scope=f"agent:{agent_id}",
            request_timeout=request_timeout,
            heartbeat_timeout=heartbeat_timeout,
            curve=curve,
        )
        self._stop = threading.Event()
        self._opened = threading.Event()
        self._thread = QThread()
        self._thread.setObjectName(f"bus-{agent_id}")
        self._worker = _Worker(self)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self.connected = False
        self.disconnected_since: float | None = time.monotonic()
        #: card lookup run on the bus thread for calls offered to this agent (see above)
        self.prefetch: Callable[[dict[str, Any]], dict[str, Any]] | None = None
        #: called on the bus thread the moment a ``call.offered`` for this agent is read,
        #: before anything else (``desktop.collector.CollectorHold.hold``)
        self.on_offer: Callable[[], None] | None = None
        #: events held back during a pop (bus thread only), and since when (monotonic)
        self._held: list[Event] = []
        self._holding_since: float | None = None
        self._released = threading.Event()

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self.client.wakeup()
        self._thread.quit()
        self._thread.wait(5000)

    def send(self, cmd: str, args: dict[str, Any] | None = None, tag: Any = None) -> str:
        """Queue a command (any thread); its reply arrives as ``replyReceived``."""
        return self.client.submit(cmd, args, tag=tag)

    def release_held(self) -> None:
        """The pop is painted: deliver the events held back since its offer (any thread; the
        bus thread delivers them, in order, before anything newer)."""
        self._released.set()
        self.client.wakeup()

    # bus thread ------------------------------------------------------------------------------
    def _poll_timeout(self) -> int:
        return 200 if self._holding_since is None else 20

    def _deliver_held(self, force: bool = False) -> None:
        since = self._holding_since
        if since is None:
            self._released.clear()
            return
        if not (force or self._released.is_set() or time.monotonic() - since > self.MAX_HOLD):
            return
        self._holding_since = None
        self._released.clear()
        held, self._held = self._held, []
        for n in held:
            self._emit_event(n, n.record if isinstance(n.record, dict) else to_dict(n.record))

    def _emit_event(self, n: Event, record: dict[str, Any]) -> None:
        self.eventReceived.emit(n.type, record, dict(n.extra), float(n.ts))

    def _dispatch(self, n: Any) -> None:
        if self._holding_since is not None:
            if isinstance(n, Event) and n.type in self.HELD_TYPES:
                self._held.append(n)
                return
            self._deliver_held(force=True)
        if isinstance(n, Event):
            if n.type == "call.offered" and self.on_offer is not None:
                rec = n.record
                aid = rec.get("agent_id") if isinstance(rec, dict) else getattr(rec, "agent_id", "")
                if aid == self.agent_id:
                    self.on_offer()
            record = n.record if isinstance(n.record, dict) else to_dict(n.record)
            prefetch = self.prefetch
            if (
                prefetch is not None
                and n.type == "call.offered"
                and record.get("agent_id") == self.agent_id
            ):
                if self.hold_during_pop:  # before the offer goes on: its release comes after
                    self._released.clear()
                    self._holding_since = time.monotonic()
                if not self.prefetch_first:
                    self.eventReceived.emit(n.type, record, dict(n.extra), float(n.ts))
                try:
                    card = prefetch(record)
                except Exception:  # an empty card: the GUI falls back to its own lookup
                    log.exception("card prefetch failed")
                    card = {}
                self.cardPrefetched.emit(str(record.get("call_id")), card)
                if self.prefetch_first:
                    self.eventReceived.emit(n.type, record, dict(n.extra), float(n.ts))
                return
            self.eventReceived.emit(n.type, record, dict(n.extra), float(n.ts))
        elif isinstance(n, Reply):
            self.replyReceived.emit(
                n.cmd, n.ok, dict(n.result or {}), n.code or "", n.message or "", n.tag
            )
        elif isinstance(n, Snapshot):
            self.snapshotReceived.emit(
                {
                    "epoch": n.epoch,
                    "seq": n.seq,
                    "agents": {k: to_dict(v) for k, v in n.agents.items()},
                    "calls": {k: to_dict(v) for k, v in n.calls.items()},
                    "queues": list(n.queues),
                }
            )
        elif isinstance(n, Connection):
            self.connected = n.connected
            self.disconnected_since = None if n.connected else time.monotonic()
            self.connectionChanged.emit(n.connected, n.reason)
