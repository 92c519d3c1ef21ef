"""The board models: keyed rows, dataChanged ranges, sorting and filtering in the model."""

from __future__ import annotations

from PySide6.QtCore import QPersistentModelIndex, Qt

from desktop.supervisor.models import AGENT_BOARD, KEY_ROLE, RowsModel
from tests.desktop.conftest import WAIT_MS


def agent(aid: str, state: str = "ready", t: float = 1.0, **kw) -> dict:
    return {"agent_id": aid, "name": f"N{aid}", "state": state, "since": 100.0 - t,
            "handled": 0, "level": 0, **kw}  # fmt: skip


def col(name: str) -> int:
    return [c.key for c in AGENT_BOARD].index(name)


def text(m: RowsModel, row: int, name: str) -> str:
    return m.data(m.index(row, col(name)), Qt.ItemDataRole.DisplayRole)


def test_ranges_cover_what_changed(qtbot) -> None:
    m = RowsModel(AGENT_BOARD, "agent_id")
    m.set_now(100.0)
    m.set_rows([agent(f"A{i}") for i in range(6)])
    got: list[tuple[int, int, int, int]] = []
    m.dataChanged.connect(lambda a, b: got.append((a.row(), b.row(), a.column(), b.column())))
    # the clock moved: only the clock-driven columns of every row, one range, and the cells
    # show the time from the model's clock (the rows did not change)
    assert text(m, 0, "time_in_state") == "0:01"
    m.set_now(161.0)
    assert got == [(0, 5, col("time_in_state"), col("talk_time"))]
    assert text(m, 0, "time_in_state") == "1:02"
    assert text(m, 0, "talk_time") == "—"
    got.clear()
    # A2 and A3 changed state: their whole rows, one range; nothing else
    rows = [agent(f"A{i}") for i in range(6)]
    rows[2]["state"] = rows[3]["state"] = "on_call"
    m.set_rows(rows)
    assert got == [(2, 3, 0, len(AGENT_BOARD) - 1)]
    got.clear()
    m.set_rows(rows)
    assert got == []
    # changes only (what the console gets once a second): those rows, in contiguous ranges
    m.update_rows([agent("A5", "wrap_up"), agent("A1", "on_call", answered_at=150.0)])
    assert got == [(1, 1, 0, len(AGENT_BOARD) - 1), (5, 5, 0, len(AGENT_BOARD) - 1)]
    assert text(m, 1, "talk_time") == "0:11" and text(m, 5, "state") == "wrap_up"
    got.clear()
    m.update_rows([])
    assert got == []


def test_changes_that_move_rows_resort_and_refilter(qtbot) -> None:
    m = RowsModel(AGENT_BOARD, "agent_id")
    m.set_rows([agent("A1", handled=3), agent("A2", handled=9), agent("A3", "not_ready")])
    m.sort(col("handled"), Qt.SortOrder.DescendingOrder)
    keep = QPersistentModelIndex(m.index(1, 0))  # A1
    m.update_rows([agent("A1", handled=12)])
    assert m.keys() == ["A1", "A2", "A3"] and keep.row() == 0
    m.set_filter_field("state", "ready")
    assert m.keys() == ["A1", "A2"]
    m.update_rows([agent("A3", handled=1), agent("A4", handled=20)], removed=["A2"])
    assert m.keys() == ["A4", "A1", "A3"]
    assert m.row_by_key("A2") is None


def test_sort_filter_and_persistent_selection(qtbot) -> None:
    m = RowsModel(AGENT_BOARD, "agent_id")
    m.set_rows([agent("A1", handled=3), agent("A2", handled=9), agent("A3", "not_ready")])
    keep = QPersistentModelIndex(m.index(0, 0))  # A1
    m.sort(col("handled"), Qt.SortOrder.DescendingOrder)
    assert m.keys() == ["A2", "A1", "A3"]
    assert keep.row() == 1 and m.data(m.index(keep.row(), 0), KEY_ROLE) == "A1"
    m.set_filter_field("state", "ready")
    assert m.keys() == ["A2", "A1"]
    m.set_filter_text("na3")  # matches the name of A3, which the state filter hides
    assert m.keys() == []
    m.set_filter_field("state", None)
    assert m.keys() == ["A3"]
    m.set_filter_text("")
    # a new agent appears, one leaves; the sort holds
    m.set_rows([agent("A2", handled=9), agent("A3", "not_ready"), agent("A4", handled=5)])
    assert m.keys() == ["A2", "A4", "A3"]
    assert m.row_by_key("A1") is None


def test_the_view_paints_only_flagged_rows_red(qtbot) -> None:
    """What the supervisor sees: rows painted through multiData, the drifted one red."""
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QTableView

    from desktop.supervisor.models import RED_BG

    m = RowsModel(AGENT_BOARD, "agent_id")
    rows = [agent(f"A{i}") for i in range(4)]
    rows[1]["level"] = 2  # drift
    m.set_rows(rows)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(m)
    view.setAlternatingRowColors(False)
    view.resize(900, 300)
    view.show()
    qtbot.waitExposed(view)
    img = view.viewport().grab().toImage()

    def colour(row: int) -> QColor:
        rect = view.visualRect(m.index(row, col("handled")))
        return img.pixelColor(rect.left() + 3, rect.center().y())

    assert colour(1) == RED_BG
    assert colour(0) != RED_BG and colour(2) != RED_BG and colour(3) != RED_BG
    assert m.data(m.index(1, 0), Qt.ItemDataRole.DisplayRole) == "A1"


def test_agent_changes_applied_one_by_one_equal_every_row(qtbot) -> None:
    """The console's agent board takes only the rows that changed each refresh; over a day
    of events it shows what a board given every row each time shows."""
    from desktop.supervisor.view_data import Thresholds, build_view
    from telephony.metrics import EventFold, MetricSettings, record_from_dict
    from tests.telephony.metrics_script import T0, random_day

    settings = MetricSettings(interval=900)
    fold = EventFold(settings)
    by_changes, by_rows = RowsModel(AGENT_BOARD, "agent_id"), RowsModel(AGENT_BOARD, "agent_id")
    state = None
    events = random_day(31, n_calls=120, n_agents=6).events
    sent = 0
    for i, (epoch, ts, type_, data) in enumerate(events):
        fold.apply(epoch, ts, type_, record_from_dict(data))
        if i % 7 and i != len(events) - 1:
            continue
        now = ts + 1.0
        full = build_view(fold.summary(now, T0), settings, Thresholds())
        delta = build_view(
            fold.summary(now, T0, agents=state is None),
            settings,
            Thresholds(),
            agents=state,
            touched=fold.take_touched(),
        )
        state = delta.agent_state
        by_rows.set_rows(full.agent_rows)
        if delta.agents_full:
            by_changes.set_rows(delta.agent_rows)
        else:
            sent += len(delta.agent_changes)
            by_changes.update_rows(delta.agent_changes, delta.agent_removed)
        for m in (by_rows, by_changes):
            m.set_now(now)
        shown = [
            [by_changes.data(by_changes.index(r, c)) for c in range(len(AGENT_BOARD))]
            for r in range(by_changes.rowCount())
        ]
        want = [
            [by_rows.data(by_rows.index(r, c)) for c in range(len(AGENT_BOARD))]
            for r in range(by_rows.rowCount())
        ]
        assert shown == want, i
    assert 0 < sent < 6 * len(events) // 7  # changes only, not every row every time


def test_clock_cells_are_written_for_the_rows_asked_for(qtbot) -> None:
    """The cells live in Qt's items: the clock moving rewrites the time in state of the rows
    in view only (one range); rows scrolled into view are brought up to the clock."""
    from PySide6.QtGui import QStandardItemModel

    m = RowsModel(AGENT_BOARD, "agent_id")
    assert isinstance(m, QStandardItemModel)  # painted from C++ storage, not Python data()
    m.set_now(100.0)
    m.set_rows([agent(f"A{i}") for i in range(5)])
    got: list[tuple[int, int, int, int]] = []
    m.dataChanged.connect(lambda a, b: got.append((a.row(), b.row(), a.column(), b.column())))
    m.set_now(130.0, (1, 2))
    assert got == [(1, 2, col("time_in_state"), col("talk_time"))]
    assert [text(m, r, "time_in_state") for r in range(5)] == [
        "0:01",
        "0:31",
        "0:31",
        "0:01",
        "0:01",
    ]
    got.clear()
    m.show_rows((3, 9))  # clipped to the rows there are
    assert got == [(3, 4, col("time_in_state"), col("talk_time"))]
    assert text(m, 4, "time_in_state") == "0:31"
    # a row that changes is written whole, with the clock's time
    m.update_rows([agent("A0", "on_call", t=10.0, answered_at=125.0)])
    assert text(m, 0, "time_in_state") == "0:40" and text(m, 0, "talk_time") == "0:05"
    assert m.data(m.index(0, 0), KEY_ROLE) == "A0"
    assert not m.flags(m.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    align = Qt.ItemDataRole.TextAlignmentRole
    assert m.data(m.index(4, col("handled")), align) == int(right.value)
    assert m.data(m.index(4, col("name")), align) == int(left.value)


def test_many_rows_added_at_once_are_written_over_a_few_turns(qtbot) -> None:
    """A filter cleared on 2,000 agents adds them all: the first screenful is written at once,
    the rest in the next turns of the event loop, each reported changed."""
    m = RowsModel(AGENT_BOARD, "agent_id")
    m.set_now(100.0)
    n = 3 * RowsModel.SYNC_ROWS
    m.set_rows([agent(f"A{i:03d}", handled=i) for i in range(n)])
    qtbot.waitUntil(lambda: text(m, n - 1, "name") == f"NA{n - 1:03d}", timeout=WAIT_MS)
    m.set_filter_text("na000")
    assert m.keys() == ["A000"]
    got: list[int] = []
    m.dataChanged.connect(lambda a, b: got.extend(range(a.row(), b.row() + 1)))
    m.set_filter_text("")
    assert m.rowCount() == n and text(m, 1, "name") == "NA001"
    assert m.data(m.index(n - 1, col("name"))) is None  # not yet written
    qtbot.waitUntil(lambda: text(m, n - 1, "name") == f"NA{n - 1:03d}", timeout=WAIT_MS)
    assert sorted(got) == list(range(RowsModel.SYNC_ROWS, n))
    assert text(m, n - 1, "handled") == str(n - 1)
    assert m.data(m.index(n - 1, 0), KEY_ROLE) == f"A{n - 1:03d}"


def _expected(m: RowsModel, rows: list[dict], c: int, order: Qt.SortOrder, now: float) -> list:
    """The keys of ``rows`` in the order of column ``c``, computed here from the values."""
    column = AGENT_BOARD[c]

    def value(r: dict):
        if column.key == "time_in_state":
            v = None if r.get("since") is None else now - r["since"]
        elif column.key == "talk_time":
            v = None if r.get("answered_at") is None else now - r["answered_at"]
        else:
            v = r.get(column.key)
        if column.numeric:
            return float("-inf") if v is None else float(v)
        return "" if v is None else str(v).lower()

    keys = [r["agent_id"] for r in sorted(rows, key=lambda r: (value(r), r["agent_id"]))]
    return keys[::-1] if order == Qt.SortOrder.DescendingOrder else keys


def _items_in_order(m: RowsModel) -> bool:
    """The cells Qt shows are those of the model's rows, row for row."""
    return all(
        m.data(m.index(i, 0), KEY_ROLE) == k and text(m, i, "state") == m.row(i)["state"]
        for i, k in enumerate(m.keys())
    )


def test_sort_by_each_column_and_after_updates_that_move_rows(qtbot) -> None:
    states = ["ready", "on_call", "wrap_up", "Not_ready", "reserved"]
    rows = [
        agent(
            f"A{i:03d}",
            states[i * 7 % 5],
            t=float(i * 13 % 17),  # ties in time in state
            handled=i * 5 % 4,  # ties
            aht=None if i % 6 == 0 else 30.0 + i * 37 % 11,
            occupancy=(i * 3 % 10) / 10,
            reason="break" if i % 5 == 3 else None,
            answered_at=(90.0 + i % 7) if i % 5 == 1 else None,
            call_queue=f"q{i % 3}" if i % 5 == 1 else None,
        )
        for i in range(100)  # more than SYNC_ROWS: some rows are written a turn later
    ]
    m = RowsModel(AGENT_BOARD, "agent_id")
    m.set_now(100.0)
    m.set_rows(rows)
    # sorted while rows are still unwritten, then once all are written
    m.sort(col("state"), Qt.SortOrder.AscendingOrder)
    assert m.keys() == _expected(m, rows, col("state"), Qt.SortOrder.AscendingOrder, 100.0)
    qtbot.waitUntil(lambda: not m._pending, timeout=WAIT_MS)
    assert _items_in_order(m)
    for c in range(len(AGENT_BOARD)):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            m.sort(c, order)
            assert m.keys() == _expected(m, rows, c, order, 100.0), (AGENT_BOARD[c].key, order)
            assert _items_in_order(m)
    # sorted by state: live updates that move rows, the selected row followed
    m.sort(col("state"), Qt.SortOrder.DescendingOrder)
    by_key = {r["agent_id"]: r for r in rows}
    keep = QPersistentModelIndex(m.index(m.keys().index("A010"), 0))
    for step, (aid, state) in enumerate(
        [("A010", "ready"), ("A011", "wrap_up"), ("A050", "on_call"), ("A010", "zzz")]
    ):
        changed = [dict(by_key[aid], state=state, since=99.0 - step)]
        changed.append(dict(by_key["A099"], handled=step))  # a row that does not move
        for r in changed:
            by_key[r["agent_id"]] = r
        m.update_rows(changed)
        want = _expected(m, list(by_key.values()), col("state"), Qt.SortOrder.DescendingOrder, 100)
        assert m.keys() == want
        assert _items_in_order(m)
        assert m.data(m.index(keep.row(), 0), KEY_ROLE) == "A010"
    assert keep.row() == 0  # "zzz" sorts first, descending
    # the other columns' keys of the rows that changed, written a turn later: right too
    qtbot.waitUntil(lambda: not m._flushing, timeout=WAIT_MS)
    for c in (col("handled"), col("time_in_state")):
        m.sort(c, Qt.SortOrder.AscendingOrder)
        assert m.keys() == _expected(m, list(by_key.values()), c, Qt.SortOrder.AscendingOrder, 100)
        assert _items_in_order(m)
    m.sort(col("state"), Qt.SortOrder.DescendingOrder)
    # and with a filter on: rows that move, and rows that leave the filter
    m.set_filter_field("state", "ready")
    ready = lambda: [r for r in by_key.values() if r["state"] == "ready"]  # noqa: E731
    assert m.keys() == _expected(m, ready(), col("state"), Qt.SortOrder.DescendingOrder, 100)
    m.sort(col("time_in_state"), Qt.SortOrder.AscendingOrder)
    first = m.keys()[-1]
    changed = [dict(by_key[first], since=99.5), dict(by_key[m.keys()[0]], state="on_call")]
    for r in changed:
        by_key[r["agent_id"]] = r
    m.update_rows(changed)
    assert m.keys() == _expected(m, ready(), col("time_in_state"), Qt.SortOrder.AscendingOrder, 100)
    assert _items_in_order(m)


def test_rows_added_in_slices_to_a_sorted_board_stay_sorted(qtbot) -> None:
    """The console fills a sorted board a slice a turn; every slice re-sorts the rows shown
    (by sort keys kept per row dict), and a row sent again as a new dict sorts by its new
    values."""
    m = RowsModel(AGENT_BOARD, "agent_id")
    m.sort(col("state"), Qt.SortOrder.AscendingOrder)
    states = ["wrap_up", "ready", "on_call", "not_ready"]
    rows = [agent(f"A{i:02d}", states[i % 4]) for i in range(12)]
    for i in range(0, 12, 5):
        m.update_rows(rows[i : i + 5])
    want = sorted(rows, key=lambda r: (r["state"], r["agent_id"]))
    assert m.keys() == [r["agent_id"] for r in want]
    # A00 (wrap_up) becomes ready while a new row comes (the rows are re-sorted in Python)
    m.update_rows([agent("A00", "ready"), agent("A12", "on_call")])
    now = {r["agent_id"]: r["state"] for r in rows} | {"A00": "ready", "A12": "on_call"}
    assert m.keys() == sorted(now, key=lambda k: (now[k], k))
    assert text(m, m.keys().index("A00"), "state") == "ready"
    m.sort(col("state"), Qt.SortOrder.DescendingOrder)
    m.update_rows([agent("A13", "ready")])
    now["A13"] = "ready"
    assert m.keys() == sorted(now, key=lambda k: (now[k], k), reverse=True)
