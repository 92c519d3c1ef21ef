"""The console over a real event log (SQLite), without a bus: boards, tooltips, filters, models."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, Signal

from agentdesk.config import load_settings
from desktop.supervisor.console import SupervisorConsole, open_console
from desktop.supervisor.models import KEY_ROLE, LEVEL_ROLE
from desktop.supervisor.worker import day_intervals
from store.db import Base, make_engine
from store.eventlog import append_events
from telephony.metrics import record_from_dict
from tests.desktop.conftest import WAIT_MS
from tests.telephony.metrics_script import T0, Script, scripted_day

NOW = T0 + 2000


class Feeder(QObject):
    events = Signal(object)


@pytest.fixture
def store(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'sb.db'}"
    engine = make_engine(url)
    Base.metadata.create_all(engine, tables=[Base.metadata.tables["event_log"]])
    append_events(engine, scripted_day().logged())
    engine.dispose()
    return url


@pytest.fixture
def console(qtbot, store: str) -> Iterator[SupervisorConsole]:
    now = [NOW]
    win = open_console(load_settings(), store_url=store, connect_bus=False, clock=lambda: now[0])
    win.now = now  # type: ignore[attr-defined]
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.figuresApplied, timeout=WAIT_MS):
        pass
    yield win
    win.shutdown()


def cell(win: SupervisorConsole, board: str, key: str, header: str) -> str:
    proxy = win.queue_model if board == "queue" else win.agent_model
    cols = [proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(proxy.columnCount())]
    c = cols.index(header)
    for r in range(proxy.rowCount()):
        if proxy.data(proxy.index(r, 0), KEY_ROLE) == key:
            return str(proxy.data(proxy.index(r, c)))
    raise KeyError(key)


def test_boards_show_the_day_from_the_event_log(console: SupervisorConsole) -> None:
    win = console
    assert win.findChild(QObject, "queueBoard") is not None
    assert win.findChild(QObject, "agentBoard").accessibleName() == "agentBoard"
    assert cell(win, "queue", "billing", "Offered") == "7"
    assert cell(win, "queue", "billing", "SL (today)") == "33.3%"
    assert cell(win, "queue", "billing", "ASA") == "0:28"  # 27.5 s
    assert cell(win, "queue", "billing", "Waiting") == "1"
    assert cell(win, "queue", "billing", "Longest wait") == "5:00"
    assert cell(win, "queue", "__all__", "Queue") == "All queues"
    assert cell(win, "queue", "__all__", "SL (today)") == "50.0%"
    assert cell(win, "agent", "A1", "State") == "Not ready"
    assert cell(win, "agent", "A1", "Reason") == "break"
    assert cell(win, "agent", "A1", "Time in state") == "8:20"
    assert cell(win, "agent", "A1", "Handled") == "2"
    assert "History: 4" in win.history.text() or "events loaded" in win.history.text()
    # the SL of the current interval is empty (nothing queued since T0+1800): no colour from it,
    # but billing's 5-minute wait is past the 60 s alert: red
    proxy = win.queue_model
    for r in range(proxy.rowCount()):
        if proxy.data(proxy.index(r, 0), KEY_ROLE) == "billing":
            assert proxy.data(proxy.index(r, 3), LEVEL_ROLE) == 2
            assert proxy.data(proxy.index(r, 3), Qt.ItemDataRole.BackgroundRole) is not None


def test_every_column_explains_its_formula(console: SupervisorConsole) -> None:
    m = console.queue_model
    tips = {
        m.headerData(c, Qt.Orientation.Horizontal): m.headerData(
            c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
        )
        for c in range(m.columnCount())
    }
    assert "answered + abandoned after the threshold" in tips["SL (today)"]
    assert "abandoned / (answered + abandoned)" in tips["Abandon rate"]
    assert "talk + hold + wrap-up" in tips["AHT"]
    assert all(tips.values())


def test_agent_board_sorts_and_filters(qtbot, console: SupervisorConsole) -> None:
    win = console
    proxy = win.agent_model
    board = win.agent_board
    assert board.filter_edit is not None and board.state_box is not None
    board.filter_edit.setText("A2")
    assert [proxy.data(proxy.index(r, 0)) for r in range(proxy.rowCount())] == ["A2"]
    board.filter_edit.clear()
    board.state_box.setCurrentIndex(board.state_box.findData("not_ready"))
    assert [proxy.data(proxy.index(r, 0)) for r in range(proxy.rowCount())] == ["A1"]
    board.state_box.setCurrentIndex(0)
    col = [proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(proxy.columnCount())]
    board.table.sortByColumn(col.index("Handled"), Qt.SortOrder.DescendingOrder)
    assert proxy.data(proxy.index(0, 0)) == "A1"
    board.table.sortByColumn(col.index("Handled"), Qt.SortOrder.AscendingOrder)
    assert proxy.data(proxy.index(0, 0)) == "A2"


def test_live_events_update_cells_with_datachanged_ranges(
    qtbot, console: SupervisorConsole
) -> None:
    win = console
    script = scripted_day()
    more = Script(epoch=script.epoch)
    more.agents, more.calls = script.agents, script.calls
    more.ring(T0 + 2001, "C7", "A2")
    more.answer(T0 + 2004, "C7", "A2")
    feeder = Feeder()
    feeder.events.connect(win.worker.apply_events)
    changes: list[tuple[int, int]] = []
    win.queue_model.dataChanged.connect(lambda a, b: changes.append((a.row(), b.row())))
    win.now[0] = T0 + 2010  # type: ignore[attr-defined]
    feeder.events.emit([(e, ts, t, record_from_dict(d)) for e, ts, t, d in more.events])
    qtbot.waitUntil(lambda: cell(win, "queue", "billing", "Answered") == "3", timeout=WAIT_MS)
    assert cell(win, "queue", "billing", "Waiting") == "0"
    qtbot.waitUntil(lambda: cell(win, "agent", "A2", "State") == "On call", timeout=WAIT_MS)
    assert cell(win, "agent", "A2", "Talk time") == "0:06"
    assert changes and all(a <= b for a, b in changes)
    assert win.queue_model.rowCount() == 3  # total, billing, vip: rows updated, not rebuilt


def test_charts_follow_the_intervals(qtbot, console: SupervisorConsole) -> None:
    chart = console.interval_chart
    rows = chart.shown_rows()
    assert [r["offered"] for r in rows] == [8, 0]
    chart.queue_box.setCurrentIndex(chart.queue_box.findData("vip"))
    qtbot.waitUntil(lambda: [r["offered"] for r in chart.shown_rows()] == [1], timeout=WAIT_MS)
    # a bar per interval of the day, the axis on the center's hours (chart_hours, default
    # 07:00-21:00: the day's 08:00 calls inside them); bars at their interval's place
    day = day_intervals(NOW, 1800)
    lo, hi = chart.shown_window()
    at = time.localtime(NOW).tm_hour
    assert (lo, hi) == (7.0, 21.0) if 7 <= at < 21 else lo <= min(at, 7) and hi >= max(at + 1, 21)
    first = next(k for k, t in enumerate(day) if time.localtime(t).tm_hour + 0.0 >= lo)
    assert chart.x_axis.min() == first - 0.5 and chart.sets["answered"].count() == len(day)
    i = day.index(chart.shown_rows()[0]["interval_start"])
    answered = [chart.sets["answered"].at(k) for k in range(len(day))]
    assert answered[i] == 1 and sum(answered) == 1
    tiers = {r["tier"]: r for r in console.tier_model._rows}
    assert tiers["gold"]["service_level"] == 1.0


def test_export_writes_the_report(qtbot, console: SupervisorConsole, tmp_path: Path) -> None:
    out = tmp_path / "today.xlsx"
    with qtbot.waitSignal(console.exportFinished, timeout=WAIT_MS) as sig:
        console.export_report(str(out))
    assert sig.args[1] is True, sig.args
    assert out.stat().st_size > 0


def test_force_state_without_bus_says_so(qtbot, console: SupervisorConsole) -> None:
    assert console.select_agent("A1")
    with qtbot.waitSignal(console.actionFinished) as sig:
        console.force_state("A1", "ready", None)
    assert sig.args[1] is False


def test_agentdesk_desktop_supervisor_opens_and_quits(store: str, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from tests.fixtures_bus import free_port

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "AGENTDESK_DATA_DIR": str(tmp_path)}
    cmd = [
        sys.executable, "-m", "agentdesk", "desktop", "--supervisor", "--store", store,
        "--commands", f"tcp://127.0.0.1:{free_port()}",
        "--events", f"tcp://127.0.0.1:{free_port()}", "--quit-after", "2",
    ]  # fmt: skip
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


def test_the_console_refuses_bad_chart_hours_with_the_reason(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "AGENTDESK_CONFIG": str(tmp_path / "none.toml"),
        "AGENTDESK_CHART_HOURS": "21:00-07:00",
    }
    res = subprocess.run(
        [sys.executable, "-m", "agentdesk", "desktop", "--supervisor"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert res.returncode == 1
    assert "chart_hours: '21:00-07:00': the start must come before the end" in res.stderr
