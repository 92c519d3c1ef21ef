"""The supervisor console window and its entry points.

``open_console(settings, ...) -> SupervisorConsole`` builds the window, starts the metrics thread
(which loads today's history from the switchboard's event log) and the bus thread (``agent/``
and ``call/`` events, supervisor commands), and returns the window (not yet shown).
``desktop.supervisor.open_console(settings, args)`` (the package's) also shows it; that is what
``agentdesk desktop --supervisor`` calls through ``desktop/app.py``.

Signal wiring is all in :meth:`SupervisorConsole._wire`: bus thread -> metrics thread (events,
snapshots, gaps), metrics thread -> GUI (one :class:`~desktop.supervisor.view_data.ConsoleView`
a second, copied into the table models), GUI -> bus (supervisor actions).
"""

from __future__ import annotations

import getpass
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMetaObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from agentdesk.config import Settings
from agentdesk.errors import AgentdeskError
from desktop.supervisor.bus import SupervisorBus
from desktop.supervisor.models import (
    AGENT_BOARD,
    QUEUE_BOARD,
    STAFFING_BOARD,
    TIER_BOARD,
    RowsModel,
)
from desktop.supervisor.view_data import ConsoleView, Thresholds
from desktop.supervisor.worker import MetricsThread, MetricsWorker, day_intervals, day_start
from desktop.widgets.common import set_ids
from desktop.widgets.supervisor_actions import ForceStateDialog
from desktop.widgets.supervisor_boards import BoardView
from desktop.widgets.supervisor_charts import IntervalChart, TierChart, parse_hours
from telephony.metrics import TOTAL, MetricSettings
from telephony.security import client_curve_from_settings

log = logging.getLogger(__name__)


def state_label(code: Any) -> str | None:
    labels = {
        "logged_out": QCoreApplication.translate("SupervisorConsole", "Logged out"),
        "ready": QCoreApplication.translate("SupervisorConsole", "Ready"),
        "not_ready": QCoreApplication.translate("SupervisorConsole", "Not ready"),
        "reserved": QCoreApplication.translate("SupervisorConsole", "Ringing"),
        "on_call": QCoreApplication.translate("SupervisorConsole", "On call"),
        "wrap_up": QCoreApplication.translate("SupervisorConsole", "Wrap-up"),
    }
    return labels.get(code) if isinstance(code, str) else None


def _agent_label(key: str, v: Any) -> str | None:
    if key == "state":
        return state_label(v)
    if key == "drift":
        return {
            "reserved_too_long": QCoreApplication.translate(
                "SupervisorConsole", "Ringing too long"
            ),
            "caller_gone": QCoreApplication.translate("SupervisorConsole", "Caller hung up"),
        }.get(v or "", "")
    return None


def _queue_label(key: str, v: Any) -> str | None:
    if key == "queue_id" and v == TOTAL:
        return QCoreApplication.translate("SupervisorConsole", "All queues")
    return None


class SupervisorConsole(QMainWindow):
    """Signals for tests and automation:

    * ``figuresApplied(ConsoleView)`` after the models took a refresh
    * ``historyLoaded(events, seconds)``
    * ``actionFinished(agent_id, ok, message)`` for a forced state
    * ``exportFinished(path, ok, message)``
    """

    figuresApplied = Signal(object)
    historyLoaded = Signal(int, float)
    actionFinished = Signal(str, bool, str)
    exportFinished = Signal(str, bool, str)
    _exportDone = Signal(str, bool, str)

    def __init__(
        self,
        settings: Settings,
        metric_settings: MetricSettings,
        *,
        store_url: str | None,
        bus: SupervisorBus | None,
        supervisor_id: str,
        clock: Callable[[], float] = time.time,
        thresholds: Thresholds | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        set_ids(self, "supervisorConsole")
        self.settings = settings
        self.metric_settings = metric_settings
        self.store_url = store_url
        self.bus = bus
        self.supervisor_id = supervisor_id
        self.clock = clock
        self.thresholds = thresholds or Thresholds(
            sl_target=metric_settings.target,
            longest_wait_alert=float(settings.get("longest_wait_alert", 60.0)),
        )
        try:
            self.chart_hours = parse_hours(str(settings.get("chart_hours", "00:00-24:00")))
        except ValueError as exc:
            raise AgentdeskError(f"chart_hours: {exc}") from None
        self.view: ConsoleView | None = None
        self._closed = False
        self._steps: list[tuple[str, Callable[[], Any]]] = []
        #: the longest time each refresh slice took on the GUI thread (ms; for the benchmark)
        self.step_ms: dict[str, float] = {}
        #: the same in the GUI thread's CPU time (ms)
        self.step_cpu_ms: dict[str, float] = {}
        #: seconds between chart redraws (QtCharts layouts are the console's costliest paint)
        self.chart_period = 5.0
        self._charts_at = 0.0
        self._tier_chart_due = False
        #: agent rows received and not yet shown (see ``_queue_agent_rows``)
        self._agents_full = True
        self._agent_rows: dict[str, dict[str, Any]] = {}
        self._agents_gone: set[str] = set()
        engine_factory = None
        if store_url:
            url = store_url

            def engine_factory() -> Any:
                from store.db import make_engine

                return make_engine(url)

        self.worker = MetricsWorker(
            metric_settings, engine_factory, clock, thresholds=self.thresholds
        )
        self.metrics = MetricsThread(self.worker)
        self._build()
        self._wire()
        self.retranslate()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.resize(1400, 860)
        central = QWidget()
        root = QVBoxLayout(central)
        top = QHBoxLayout()
        self.connection = set_ids(QLabel(), "connectionStatus")
        self.history = set_ids(QLabel(), "historyStatus")
        self.clock_label = set_ids(QLabel(), "consoleClock")
        top.addWidget(self.connection)
        top.addWidget(self.history)
        top.addStretch(1)
        top.addWidget(self.clock_label)
        self.force_button = set_ids(QPushButton(), "forceStateButton")
        self.export_button = set_ids(QPushButton(), "exportButton")
        top.addWidget(self.force_button)
        top.addWidget(self.export_button)
        root.addLayout(top)

        self.queue_model = RowsModel(QUEUE_BOARD, "queue_id", _queue_label, self)
        self.agent_model = RowsModel(AGENT_BOARD, "agent_id", _agent_label, self)
        self.staffing_model = RowsModel(STAFFING_BOARD, "queue_id", None, self)
        self.tier_model = RowsModel(TIER_BOARD, "tier", None, self)

        self.queue_board = BoardView("queueBoard", "")
        self.queue_board.set_model(self.queue_model)
        states = [
            (s, state_label(s) or s)
            for s in ("ready", "not_ready", "reserved", "on_call", "wrap_up", "logged_out")
        ]
        self.agent_board = BoardView(
            "agentBoard", "", filters=True, states=states, flagged_label=self.tr("Drift only")
        )
        self.agent_board.set_model(self.agent_model)
        # the clock-driven cells are written for the rows in view: also for rows scrolled or
        # sorted into view
        show = lambda *_a: self.agent_model.show_rows(self.agent_board.visible_rows())  # noqa: E731
        self.agent_board.table.verticalScrollBar().valueChanged.connect(show)
        self.agent_model.layoutChanged.connect(show)
        self.staffing_board = BoardView("staffingBoard", "")
        self.staffing_board.set_model(self.staffing_model)
        self.tier_board = BoardView("tierBoard", "")
        self.tier_board.set_model(self.tier_model, sort_column=-1)
        self.interval_chart = IntervalChart(hours=self.chart_hours)
        # the day's intervals as the chart's axis, set before it is shown (cheaper then)
        self.interval_chart.set_day(day_intervals(self.clock(), self.metric_settings.interval))
        self.tier_chart = TierChart()

        left = QSplitter(Qt.Orientation.Vertical)
        set_ids(left, "boardsSplitter")
        left.addWidget(self.queue_board)
        left.addWidget(self.agent_board)
        left.setSizes([260, 540])
        self.tabs = QTabWidget()
        set_ids(self.tabs, "supervisorTabs")
        set_ids(self.tabs.tabBar(), "supervisorTabBar")
        charts = QWidget()
        cl = QVBoxLayout(charts)
        cl.setContentsMargins(4, 4, 4, 4)
        cl.addWidget(self.interval_chart, 3)
        self.tabs.addTab(charts, "")
        staffing = QWidget()
        sl = QVBoxLayout(staffing)
        sl.setContentsMargins(4, 4, 4, 4)
        self.staffing_note = set_ids(QLabel(), "staffingNote")
        self.staffing_note.setWordWrap(True)
        sl.addWidget(self.staffing_note)
        sl.addWidget(self.staffing_board, 1)
        self.tabs.addTab(staffing, "")
        tiers = QWidget()
        tl = QVBoxLayout(tiers)
        tl.setContentsMargins(4, 4, 4, 4)
        tl.addWidget(self.tier_chart, 2)
        tl.addWidget(self.tier_board, 1)
        self.tabs.addTab(tiers, "")
        split = QSplitter(Qt.Orientation.Horizontal)
        set_ids(split, "consoleSplitter")
        split.addWidget(left)
        split.addWidget(self.tabs)
        split.setSizes([900, 500])
        root.addWidget(split, 1)
        self.setCentralWidget(central)
        self.status = set_ids(QLabel(), "consoleStatus")
        self.statusBar().addWidget(self.status, 1)
        self.figures_label = set_ids(QLabel(), "figuresStatus")
        self.statusBar().addPermanentWidget(self.figures_label)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Agentdesk — supervisor console"))
        self.force_button.setText(self.tr("Force state…"))
        self.force_button.setToolTip(
            self.tr(
                "Force the selected agent to ready, not ready or logged out (recorded with your id)"
            )
        )
        self.export_button.setText(self.tr("Export report…"))
        self.export_button.setToolTip(
            self.tr("Today's queue and agent interval reports as CSV or XLSX")
        )
        self.queue_board.title.setText(self.tr("Queues"))
        self.agent_board.title.setText(self.tr("Agents"))
        self.staffing_board.title.setText(self.tr("Erlang C staffing"))
        self.tier_board.title.setText(self.tr("Tier split"))
        for model in (self.queue_model, self.agent_model, self.staffing_model, self.tier_model):
            model.retranslate()  # the boards' headers and formulas
        self.tabs.setTabText(0, self.tr("Charts"))
        self.tabs.setTabText(1, self.tr("Staffing"))
        self.tabs.setTabText(2, self.tr("Tiers"))
        s = self.metric_settings
        self.staffing_note.setText(
            self.tr(
                "Agents needed per queue for {pct}% of calls answered within {thr} s, from the "
                "arrival rate and handle time of the last {n} intervals (Erlang C)."
            ).format(
                pct=round(100 * s.target), thr=round(s.threshold), n=self.worker.staffing_window
            )
        )
        self._set_connection(False)
        self.history.setText(self.tr("Loading today's history…"))

    # ------------------------------------------------------------------ wiring
    def _wire(self) -> None:
        w = self.worker
        w.figuresReady.connect(self._apply_view)
        w.historyLoaded.connect(self._history_loaded)
        w.historyFailed.connect(self._history_failed)
        if self.bus is not None:
            self.bus.eventsReceived.connect(w.apply_events)
            self.bus.snapshotReceived.connect(w.apply_snapshot)
            self.bus.gapDetected.connect(w.load_history)
            self.bus.connectionChanged.connect(self._bus_connection)
            self.bus.replyReceived.connect(self._reply)
        self.agent_board.filterTextChanged.connect(self.agent_model.set_filter_text)
        self.agent_board.stateFilterChanged.connect(
            lambda s: self.agent_model.set_filter_field("state", s)
        )
        self.agent_board.flaggedOnlyChanged.connect(self.agent_model.set_only_flagged)
        self.agent_board.rowActivated.connect(lambda _r: self.force_state_dialog())
        self.interval_chart.queueChanged.connect(w.set_chart_queue)
        self.interval_chart.queueChanged.connect(self._chart_queue_picked)
        self.tabs.currentChanged.connect(lambda _i: self._redraw_charts())
        self.force_button.clicked.connect(self.force_state_dialog)
        self.export_button.clicked.connect(self.export_dialog)
        self._exportDone.connect(self._export_done)

    def start(self) -> None:
        """Start the metrics thread (history first), then the bus."""
        self.metrics.start()
        QMetaObject.invokeMethod(self.worker, "load_history", Qt.ConnectionType.QueuedConnection)
        if self.bus is not None:
            self.bus.start()

    def shutdown(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self.bus is not None:
            self.bus.stop()
        self.metrics.stop()

    def closeEvent(self, event: Any) -> None:
        self.shutdown()
        super().closeEvent(event)

    # ------------------------------------------------------------------ updates (GUI thread)
    @Slot(object)
    def _apply_view(self, view: ConsoleView) -> None:
        """Take a refresh in slices (one event-loop turn each), so no GUI event runs long."""
        first = self.view is None
        self.view = view
        self._queue_agent_rows(view)
        steps: list[tuple[str, Callable[[], Any]]] = [
            ("queues", lambda: self._fill(self.queue_model, view.queue_rows)),
            ("agents", lambda: self._apply_agent_rows(view.now)),
            ("staffing", lambda: self._fill(self.staffing_model, view.staffing_rows)),
            ("tiers", lambda: self._fill(self.tier_model, view.tier_rows)),
            ("charts", lambda: self._update_charts(view, force=first)),
            ("tier chart", lambda: self._update_tier_chart(view, force=first)),
            ("fit", lambda: self._fit_columns() if first else None),
            ("status", lambda: self._applied(view)),
        ]
        if self._steps:  # a refresh still being applied: the newer one replaces it
            self._steps = steps
            return
        self._steps = steps
        self._next_step()

    def _queue_agent_rows(self, view: ConsoleView) -> None:
        """Agent rows come as changes since the previous view: gathered here as each view
        arrives (a view whose slices were not all applied is replaced by the next one, but
        its agent changes are kept)."""
        if view.agents_full:
            self._agents_full = True
            self._agent_rows = {r["agent_id"]: r for r in view.agent_rows}
            self._agents_gone = set()
            return
        for r in view.agent_changes:
            self._agent_rows[r["agent_id"]] = r
            self._agents_gone.discard(r["agent_id"])
        for k in view.agent_removed:
            self._agent_rows.pop(k, None)
            self._agents_gone.add(k)

    #: cells written to a board per turn of the event loop while it fills or many rows change
    #: (~10-25 us a cell with its sort key and repaint; 200 keeps a turn within ~6 ms)
    CHUNK_CELLS = 200

    def _chunk(self, model: RowsModel) -> int:
        """Rows written to ``model`` per turn of the event loop."""
        return max(10, self.CHUNK_CELLS // len(model.columns))

    def _fill(self, model: RowsModel, rows: list[dict[str, Any]]) -> bool:
        """Show ``rows`` on ``model``; many new rows (the first refresh) are added ``_chunk``
        a turn of the event loop, and so are many changed ones (only the rows that changed are
        written). True: call again (the step is repeated next turn)."""
        have = model.all_keys()
        new = [r for r in rows if r[model.key] not in have]
        chunk = self._chunk(model)
        if len(new) > chunk:
            model.update_rows(new[:chunk])
            return True
        if new or len(rows) != len(have):  # rows came or went: the board is laid out anew
            model.set_rows(rows)
            return False
        # the same rows: only those whose values changed are written, ``chunk`` a turn
        get = model.row_by_key
        changed = [r for r in rows if get(r[model.key]) != r]
        model.update_rows(changed[:chunk])
        return len(changed) > chunk

    def _apply_agent_rows(self, now: float) -> bool:
        """The agent rows gathered so far, at most ``_chunk`` a turn (True: more to come)."""
        model = self.agent_model
        model.set_now(now, self.agent_board.visible_rows())
        if self._agents_full:  # every row: those not in it leave, the rest are updates
            self._agents_gone |= model.all_keys() - set(self._agent_rows)
            self._agents_full = False
        keys = sorted(self._agent_rows)[: self._chunk(model)]
        rows = [self._agent_rows.pop(k) for k in keys]
        model.update_rows(rows, sorted(self._agents_gone))
        self._agents_gone = set()
        return bool(self._agent_rows)

    def _next_step(self) -> None:
        if not self._steps or self._closed:
            self._steps = []
            return
        name, step = self._steps[0]
        t0, c0 = time.perf_counter(), time.thread_time()
        if not step():  # a step returning True is run again next turn
            self._steps.pop(0)
        self.step_ms[name] = max(self.step_ms.get(name, 0.0), 1000 * (time.perf_counter() - t0))
        cpu = 1000 * (time.thread_time() - c0)
        self.step_cpu_ms[name] = max(self.step_cpu_ms.get(name, 0.0), cpu)
        if self._steps:
            QTimer.singleShot(0, self._next_step)

    def _update_charts(self, view: ConsoleView, force: bool = False) -> None:
        """Charts are costly to lay out: redrawn when shown, at most every ``chart_period`` s."""
        now = time.monotonic()
        if not force and (
            self.tabs.currentIndex() not in (0, 2) or now - self._charts_at < self.chart_period
        ):
            return
        self._charts_at = now
        self._tier_chart_due = True  # drawn in the next slice (each chart costs a paint)
        self.interval_chart.set_day(day_intervals(view.now, view.interval))  # a new day
        self.interval_chart.set_queues(view.queues)
        self.interval_chart.set_series(view.series)

    def _update_tier_chart(self, view: ConsoleView, force: bool = False) -> None:
        if not (force or self._tier_chart_due):
            return
        self._tier_chart_due = False
        self.tier_chart.set_rows(
            [(r["tier"], r["service_level"], r["abandon_rate"]) for r in view.tier_rows]
        )

    def _applied(self, view: ConsoleView) -> None:
        self.clock_label.setText(time.strftime("%H:%M:%S", time.localtime(view.now)))
        self.figures_label.setText(
            self.tr("{events} events · figures in {ms} ms").format(
                events=view.events, ms=f"{view.compute_ms:.1f}"
            )
        )
        self.figuresApplied.emit(view)

    def _fit_columns(self) -> None:
        for board in (self.queue_board, self.agent_board, self.staffing_board, self.tier_board):
            board.fit_columns()

    def _redraw_charts(self) -> None:
        if self.view is not None:
            self._update_charts(self.view, force=True)
            self._update_tier_chart(self.view, force=True)

    def _chart_queue_picked(self, _queue: str) -> None:
        self._charts_at = 0.0  # the next refresh (asked for now) redraws at once

    def _history_loaded(self, n: int, secs: float) -> None:
        self.history.setText(
            self.tr("History: {n} events loaded in {s} s").format(n=n, s=f"{secs:.1f}")
        )
        self.historyLoaded.emit(n, secs)

    def _history_failed(self, message: str) -> None:
        self.history.setText(self.tr("History unavailable: {m}").format(m=message))

    def _bus_connection(self, connected: bool, _epoch: str) -> None:
        self._set_connection(connected)

    def _set_connection(self, connected: bool) -> None:
        self.connection.setText(self.tr("● Live") if connected else self.tr("○ Offline"))
        self.connection.setStyleSheet("color: #2e7d32;" if connected else "color: #b3261e;")
        self.connection.setAccessibleDescription(
            self.tr("connected to the switchboard") if connected else self.tr("not connected")
        )

    # ------------------------------------------------------------------ actions
    def selected_agent(self) -> str | None:
        idx = self.agent_board.table.currentIndex()
        if not idx.isValid():
            return None
        key = self.agent_model.key_at(idx.row())  # the model's own rows (always written)
        return str(key or "") or None

    def select_agent(self, agent_id: str) -> bool:
        keys = self.agent_model.keys()
        if agent_id not in keys:
            return False
        self.agent_board.table.setCurrentIndex(self.agent_model.index(keys.index(agent_id), 0))
        return True

    def force_state_dialog(self) -> ForceStateDialog | None:
        aid = self.selected_agent()
        if aid is None:
            self.status.setText(self.tr("Select an agent first."))
            return None
        row = self.agent_model.row_by_key(aid) or {}
        dlg = ForceStateDialog(
            f"{aid} — {row.get('name') or aid}",
            list(self.settings.get("not_ready_reasons") or []),
            row.get("state"),
            self,
        )
        dlg.accepted.connect(lambda: self.force_state(aid, dlg.state(), dlg.reason()))
        dlg.open()
        return dlg

    def force_state(self, agent_id: str, state: str, reason: str | None) -> None:
        """Send ``supervisor.agent_state``; the answer comes as ``actionFinished``."""
        if self.bus is None:
            self.actionFinished.emit(agent_id, False, self.tr("Not connected to the switchboard."))
            return
        args: dict[str, Any] = {
            "supervisor_id": self.supervisor_id,
            "agent_id": agent_id,
            "state": state,
        }
        if reason:
            args["reason"] = reason
        self.bus.send("supervisor.agent_state", args, tag=("force", agent_id, state))
        self.status.setText(
            self.tr("Asking the switchboard to set {a} to {s}…").format(
                a=agent_id, s=state_label(state) or state
            )
        )

    def _reply(self, cmd: str, ok: bool, result: dict, code: str, message: str, tag: Any) -> None:
        if cmd != "supervisor.agent_state" or not isinstance(tag, tuple):
            return
        _, aid, state = tag
        if ok:
            text = self.tr("{a} is now {s}.").format(a=aid, s=state_label(state) or state)
        else:
            text = self.tr("Refused for {a}: {c} — {m}").format(a=aid, c=code, m=message)
        self.status.setText(text)
        self.actionFinished.emit(aid, ok, text)

    # ------------------------------------------------------------------ export
    def export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export today's report"),
            str(Path.home() / time.strftime("agentdesk-report-%Y%m%d.xlsx")),
            self.tr("Excel workbook (*.xlsx);;CSV, queues (*.csv)"),
        )
        if path:
            self.export_report(path)

    def export_report(self, path: str, kind: str = "queues") -> None:
        """Today's interval reports from the event log, written off the GUI thread."""
        if not self.store_url:
            self.exportFinished.emit(
                path, False, self.tr("No store: the event log is unavailable.")
            )
            return
        url, settings, now = self.store_url, self.metric_settings, self.clock()

        def job() -> None:
            from store.db import make_engine
            from telephony.reports import compute, write

            engine = make_engine(url)
            try:
                since = day_start(now)
                q, a = compute(engine, since, since + 86400, settings, now=now)
                write(path, q, a, kind)
                self._exportDone.emit(
                    path,
                    True,
                    self.tr("{n} queue rows, {m} agent rows written to {p}").format(
                        n=len(q), m=len(a), p=path
                    ),
                )
            except Exception as exc:  # reported to the supervisor
                self._exportDone.emit(path, False, f"{type(exc).__name__}: {exc}".splitlines()[0])
            finally:
                engine.dispose()

        import threading

        threading.Thread(target=job, name="supervisor-export", daemon=True).start()
        self.status.setText(self.tr("Exporting…"))

    def _export_done(self, path: str, ok: bool, message: str) -> None:
        self.status.setText(message if ok else self.tr("Export failed: {m}").format(m=message))
        self.exportFinished.emit(path, ok, message)


def metric_settings_from(settings: Settings, interval_minutes: int = 30) -> MetricSettings:
    """Service-level settings from the configuration, then the rules file if one is set."""
    from telephony.report_cli import metric_settings

    return metric_settings(settings, interval_minutes)


def open_console(
    settings: Settings,
    *,
    store_url: str | None = None,
    commands: str | None = None,
    events: str | None = None,
    supervisor_id: str | None = None,
    clock: Callable[[], float] = time.time,
    interval_minutes: int = 30,
    connect_bus: bool = True,
    start: bool = True,
) -> SupervisorConsole:
    """Build the console (not shown) and, with ``start``, begin loading history and listening.

    ``store_url`` is the switchboard's store (its event log); default ``settings.store_url``.
    Bus endpoints default to ``commands_endpoint`` / ``events_endpoint``. The supervisor id
    defaults to the ``supervisor_id`` setting, else the login name.
    """
    ms = metric_settings_from(settings, interval_minutes)
    # The metrics thread computes in Python while the GUI thread paints through Python model
    # callbacks: hand the GIL over sooner than the 5 ms default so paints are not held up.
    sys.setswitchinterval(min(sys.getswitchinterval(), 0.0002))
    bus = None
    if connect_bus:
        bus = SupervisorBus(
            commands or str(settings["commands_endpoint"]),
            events or str(settings["events_endpoint"]),
            curve=client_curve_from_settings(settings),  # the secured bus, if configured
        )
    sid = supervisor_id or str(settings.get("supervisor_id") or "") or _login()
    console = SupervisorConsole(
        settings,
        ms,
        store_url=store_url if store_url is not None else settings.store_url,
        bus=bus,
        supervisor_id=sid,
        clock=clock,
    )
    if bus is not None:
        bus.setParent(console)
    if start:
        console.start()
    return console


def _login() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (containers): a neutral id
        return "supervisor"


__all__ = ["SupervisorConsole", "open_console"]
