"""The supervisor's bus thread: one QThread owns a ``telephony.client.BusClient``.

Unlike the agent desktop's bridge (one agent's ``desk/`` topic, Clone-pattern state), the
console needs every record change once, in publication order, *without* the client's own
version filtering (the fold deduplicates against the history it loaded from the event log). So
the client runs with ``track_state=False``, subscribed to everything; ``desk/`` copies are
dropped here, ``agent/`` and ``call/`` events are forwarded as :class:`telephony.metrics.Rec`.
A missing ``seq`` (the subscriber overflowed, or the link dropped) asks the aggregator to reload
from the event log; a new epoch or a link back after 3 s without heartbeat asks for a snapshot.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

import msgspec
from PySide6.QtCore import QObject, QThread, Signal

from telephony.client import BusClient, Event, Reply
from telephony.metrics import Rec, record_from_dict
from telephony.security import ClientCurve

log = logging.getLogger(__name__)

HEARTBEAT_TIMEOUT = 3.0


class _Loop(QObject):
    def __init__(self, bus: SupervisorBus) -> None:
        super().__init__()
        self.bus = bus

    def run(self) -> None:
        b = self.bus
        client = b.client
        connected = False
        epoch: str | None = None
        gaps = 0
        try:
            client.open()
            while not b._stop.is_set():
                batch: list[tuple[str, float, str, Rec]] = []
                for n in client.poll(200):
                    if isinstance(n, Event):
                        if n.topic.startswith("desk/") or n.type == "sys.heartbeat":
                            continue
                        data = (
                            n.record
                            if isinstance(n.record, dict)
                            else msgspec.to_builtins(n.record)
                        )
                        rec = record_from_dict(data)
                        if n.extra.get("supervisor_id"):
                            rec.supervisor_id = n.extra["supervisor_id"]
                        batch.append((n.epoch, float(n.ts), n.type, rec))
                    elif isinstance(n, Reply):
                        if n.tag == "__snapshot__":
                            if n.ok:
                                b.snapshotReceived.emit(dict(n.result))
                            continue
                        b.replyReceived.emit(
                            n.cmd, n.ok, dict(n.result or {}), n.code or "", n.message or "", n.tag
                        )
                if batch:
                    b.eventsReceived.emit(batch)
                hb = client.last_heartbeat
                alive = hb is not None and time.monotonic() - hb < HEARTBEAT_TIMEOUT
                if alive != connected:
                    connected = alive
                    b.connectionChanged.emit(alive, client.epoch or "")
                    if alive:
                        client.submit("snapshot", {"scope": "all"}, tag="__snapshot__")
                elif alive and client.epoch != epoch and epoch is not None:
                    client.submit("snapshot", {"scope": "all"}, tag="__snapshot__")
                epoch = client.epoch if alive else epoch
                if client.gaps != gaps:
                    gaps = client.gaps
                    b.gapDetected.emit(gaps)
        except Exception:  # pragma: no cover - logged, the console shows "offline"
            log.exception("supervisor bus thread failed")
            b.connectionChanged.emit(False, "")
        finally:
            client.close()


class SupervisorBus(QObject):
    """Signals (queued into the receivers' threads):

    * ``eventsReceived(list[(epoch, ts, type, Rec)])`` in publication order
    * ``snapshotReceived(dict)``: a ``snapshot`` result (CONTRACT 4)
    * ``connectionChanged(connected, epoch)``
    * ``gapDetected(total_missing)``
    * ``replyReceived(cmd, ok, result, code, message, tag)``
    """

    eventsReceived = Signal(object)
    snapshotReceived = Signal(dict)
    connectionChanged = Signal(bool, str)
    gapDetected = Signal(int)
    replyReceived = Signal(str, bool, dict, str, str, object)

    def __init__(
        self,
        commands: str,
        events: str,
        parent: QObject | None = None,
        *,
        curve: ClientCurve | None = None,
    ) -> None:
        super().__init__(parent)
        self.client = BusClient(commands, events, topics=[""], track_state=False, curve=curve)
        self._stop = threading.Event()
        self._thread = QThread()
        self._thread.setObjectName("supervisor-bus")
        self._loop = _Loop(self)
        self._loop.moveToThread(self._thread)
        self._thread.started.connect(self._loop.run)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self.client.wakeup()
        self._thread.quit()
        self._thread.wait(5000)

    def send(self, cmd: str, args: dict[str, Any], tag: Any = None) -> str:
        """Queue a command from any thread; the answer comes as ``replyReceived``."""
        return self.client.submit(cmd, args, tag=tag)
