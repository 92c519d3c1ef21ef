"""The live-state aggregator: one QThread owns the :class:`telephony.metrics.EventFold`.

It first loads today's history from the switchboard's event log, then folds the bus events it
is sent (queued signals, so events that arrive during the load simply wait in this thread's
queue and are deduplicated by version afterwards), and once a second recomputes every figure
with pandas and the Erlang C staffing advice, emitting the result as one
:class:`~desktop.supervisor.view_data.ConsoleView`. The GUI thread only copies it into its models.
"""

from __future__ import annotations

import gc
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QMetaObject, QObject, Qt, QThread, QTimer, Signal, Slot
from sqlalchemy import inspect

from desktop.supervisor.view_data import AgentRows, ConsoleView, Thresholds, build_view
from telephony.erlang import agents_needed, evaluate
from telephony.metrics import (
    TOTAL,
    EventFold,
    MetricSettings,
    Rec,
    Summary,
    load_fold,
    record_from_dict,
)

log = logging.getLogger(__name__)


@dataclass
class StaffingRow:
    queue_id: str
    calls_per_hour: float
    aht: float
    needed: int | None
    service_level: float
    asa: float
    occupancy: float
    p_wait: float
    ready: int
    sl_with_ready: float


def day_start(ts: float) -> float:
    """Local midnight of the day holding ``ts``."""
    lt = time.localtime(ts)
    return time.mktime((lt.tm_year, lt.tm_mon, lt.tm_mday, 0, 0, 0, 0, 0, -1))


def day_intervals(ts: float, interval: int) -> list[float]:
    """The starts of the intervals of the local day holding ``ts``: from the one holding
    midnight to the last before the next midnight (23 or 25 hours on the days the clocks
    change). Intervals are whole multiples of ``interval`` since the epoch, as the figures'."""
    first = day_start(ts)
    nxt = day_start(first + 27 * 3600)  # lands in the next day whatever the clocks did
    t = int(first // interval) * interval
    out: list[float] = []
    while t < nxt:
        out.append(float(t))
        t += interval
    return out


class MetricsWorker(QObject):
    """Lives in its own thread; every slot runs there."""

    historyLoaded = Signal(int, float)  # events folded, seconds
    historyFailed = Signal(str)
    figuresReady = Signal(object)  # view_data.ConsoleView

    def __init__(
        self,
        settings: MetricSettings,
        engine_factory: Callable[[], Any] | None,
        clock: Callable[[], float] = time.time,
        staffing_window: int = 2,
        thresholds: Thresholds | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.fold = EventFold(settings)
        self._engine_factory = engine_factory
        self._clock = clock
        self.staffing_window = staffing_window
        self.thresholds = thresholds or Thresholds(sl_target=settings.target)
        self._timer: QTimer | None = None
        self.loaded = False
        self._pending: list[tuple[str, float, str, Rec]] = []
        self.last: ConsoleView | None = None
        self.last_summary: Summary | None = None
        self.chart_queue = TOTAL
        self._day = day_start(clock())
        #: what the last view's agent rows showed (None: the next view sends every row)
        self._agent_rows: AgentRows | None = None

    # every slot below runs in the worker thread
    @Slot()
    def start(self) -> None:
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()

    @Slot()
    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer.deleteLater()
            self._timer = None

    @Slot()
    def load_history(self) -> None:
        t0 = time.perf_counter()
        fold = EventFold(self.settings)
        self._day = day_start(self._clock())
        try:
            if self._engine_factory is not None:
                engine = self._engine_factory()
                try:
                    if not inspect(engine).has_table("event_log"):
                        raise LookupError("the store has no event log (no switchboard ran on it)")
                    fold = load_fold(engine, self._day, None, self.settings)
                finally:
                    engine.dispose()
        except Exception as exc:  # the console stays live from the bus
            log.warning("loading the event log failed: %s", exc)
            self.historyFailed.emit(f"{type(exc).__name__}: {exc}".splitlines()[0])
        # live events that came before the load; newer versions win, so order is harmless
        for ev in self._pending:
            fold.apply(*ev)
        self._pending.clear()
        self.fold = fold
        self.loaded = True
        self._agent_rows = None  # a new fold: the boards get every row again
        # The day's facts live until midnight: keep them out of the cyclic garbage collector's
        # full passes (which hold the GIL, so they would freeze the GUI thread too).
        gc.freeze()
        self.historyLoaded.emit(fold.applied, time.perf_counter() - t0)
        self.refresh()

    @Slot(str, float, str, object)
    def apply_event(self, epoch: str, ts: float, type_: str, rec: Rec) -> None:
        if not self.loaded:
            self._pending.append((epoch, ts, type_, rec))
            return
        self.fold.apply(epoch, ts, type_, rec)

    @Slot(object)
    def apply_events(self, batch: list[tuple[str, float, str, Rec]]) -> None:
        if not self.loaded:
            self._pending.extend(batch)
            return
        apply = self.fold.apply
        for epoch, ts, type_, rec in batch:
            apply(epoch, ts, type_, rec)

    @Slot(dict)
    def apply_snapshot(self, result: dict[str, Any]) -> None:
        """Records of a bus snapshot that the history did not mention (e.g. agents logged in
        before midnight) enter the fold as seen now; known ones are left to the events."""
        epoch = str(result.get("epoch") or "")
        now = self._clock()
        for a in result.get("agents") or []:
            rec = _rec(a)
            if rec.agent_id and not self.fold.knows(epoch, "a", rec.agent_id):
                self.fold.apply(epoch, max(rec.since or now, day_start(now)), "agent.state", rec)
        for c in result.get("calls") or []:
            rec = _rec(c)
            if rec.call_id and not self.fold.knows(epoch, "c", rec.call_id):
                self.fold.apply(epoch, now, "call.snapshot", rec)

    @Slot()
    def refresh(self) -> None:
        if not self.loaded:
            return
        t0 = time.perf_counter()
        c0 = time.thread_time()
        now = self._clock()
        if day_start(now) != self._day:  # midnight: a new day starts from the log
            self._day = day_start(now)
            self.load_history()
            return
        full = self._agent_rows is None
        summ = self.fold.summary(now, self._day, series_for=[self.chart_queue], agents=full)
        staffing = self._staffing(summ, now)
        view = build_view(
            summ,
            self.settings,
            self.thresholds,
            staffing,
            self._agent_rows,
            self.fold.take_touched(),
        )
        self._agent_rows = view.agent_state
        view.compute_ms = (time.perf_counter() - t0) * 1000
        view.compute_cpu_ms = (time.thread_time() - c0) * 1000
        view.events = self.fold.applied
        self.last = view
        self.last_summary = summ
        self.figuresReady.emit(view)

    @Slot(str)
    def set_chart_queue(self, queue: str) -> None:
        self.chart_queue = queue or TOTAL
        self.refresh()

    def _staffing(self, fig: Summary, now: float) -> list[StaffingRow]:
        s = self.settings
        rows = []
        arrivals = self.fold.arrivals(now, self.staffing_window)
        today_aht = dict(zip(fig.queue_today.index, fig.queue_today["aht"], strict=True))
        for q, (rate, aht) in sorted(arrivals.items()):
            if math.isnan(aht) and q in today_aht:
                aht = float(today_aht[q])
            ready = int(fig.live_queues.get(q, {}).get("ready", 0))
            if math.isnan(aht) or aht <= 0 or rate <= 0:
                rows.append(
                    StaffingRow(
                        q,
                        rate * 3600,
                        aht,
                        None,
                        math.nan,
                        math.nan,
                        math.nan,
                        math.nan,
                        ready,
                        math.nan,
                    )
                )
                continue
            try:
                st = agents_needed(rate, aht, s.threshold, min(s.target, 0.999))
            except ValueError:
                continue
            with_ready = evaluate(ready, rate, aht, s.threshold).service_level
            rows.append(
                StaffingRow(
                    q,
                    rate * 3600,
                    aht,
                    st.agents,
                    st.service_level,
                    st.asa,
                    st.occupancy,
                    st.p_wait,
                    ready,
                    with_ready,
                )
            )
        return rows


def _rec(d: dict[str, Any]) -> Rec:
    return record_from_dict(d)


class MetricsThread:
    """Owns the worker's QThread: ``start()``, ``stop()``; signals are the worker's."""

    def __init__(self, worker: MetricsWorker) -> None:
        self.worker = worker
        self.thread = QThread()
        self.thread.setObjectName("supervisor-metrics")
        worker.moveToThread(self.thread)
        self.thread.started.connect(worker.start)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        if self.thread.isRunning():
            QMetaObject.invokeMethod(
                self.worker, "stop", Qt.ConnectionType.BlockingQueuedConnection
            )
            self.thread.quit()
            self.thread.wait(10_000)


__all__ = ["TOTAL", "MetricsThread", "MetricsWorker", "StaffingRow"]
