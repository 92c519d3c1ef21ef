# ruff: noqa: E501  (translatable formulas are kept as single literals for lupdate)
"""Table models of the console: rows keyed by a stable id, updated with ``dataChanged`` ranges.

``set_rows`` compares the new rows with the current ones: changed rows are reported as one
``dataChanged`` range per contiguous run of changed rows (values are None, never NaN, so
rows compare as tuples),
new keys are inserted at the end and vanished keys removed, so views keep their selection and
scroll position and a 2,000-row board costs the GUI thread a few milliseconds a second.
The cells live in C++ (a ``QStandardItemModel``'s items, written from Python only when a
value changed): painting a board calls no Python, which halves the cost of a repaint.
Filtering (free text, one exact field, flagged rows only) is done by the model itself on its
Python rows, not by a ``QSortFilterProxyModel`` (a proxy calls back into Python for every row
it filters). Sorting (``sort``, called by the view's header) is Qt's C++ sort of the items on
a sort key each cell holds (``SORT_ROLE``, written with the cell): a header click, or a
refresh that changed a row's sort key, costs one C++ sort and a sort of the Python rows on the
stored keys, no Python call per comparison. Ties sort by the row key; descending is the exact
reverse of ascending.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 2
KEY_ROLE = Qt.ItemDataRole.UserRole + 3
_ORDER_ROLE = Qt.ItemDataRole.UserRole + 4

AMBER_BG = QColor("#ffe8a3")
RED_BG = QColor("#f7b9b3")
FG = QColor("#1b1b1b")
_AMBER, _RED, _FG = QBrush(AMBER_BG), QBrush(RED_BG), QBrush(FG)
_R = Qt.ItemDataRole


def tr(text: str) -> str:
    return QCoreApplication.translate("SupervisorConsole", text)


def fmt_duration(v: Any) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "—"
    if isinstance(v, float) and math.isinf(v):
        return "∞"
    s = round(float(v))
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


def fmt_rate(v: Any) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "—"
    return f"{100 * float(v):.1f}%"


def fmt_num(v: Any) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "—"
    if isinstance(v, float):
        return f"{v:.1f}"
    return str(v)


def fmt_text(v: Any) -> str:
    return "" if v is None else str(v)


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # untranslated source text (translated at display time)
    tip: str  # the formula / definition shown as tooltip
    fmt: Callable[[Any], str] = fmt_num
    numeric: bool = True
    ticking: bool = False  # changes with the clock alone (repainted every refresh)
    #: for a ticking column: its value from the row and the model's clock, computed when the
    #: cell is painted (so the rows need not change every second; see ``RowsModel.set_now``)
    tick: Callable[[dict[str, Any], float], Any] | None = None
    #: for a clock-computed column: a value from the row alone that sorts as the column does
    #: (so a row's sort key does not change with the clock)
    sort_by: Callable[[dict[str, Any]], Any] | None = None


def since_now(row: dict[str, Any], now: float) -> float | None:
    """Seconds since the row's ``since`` (time in state)."""
    since = row.get("since")
    return None if since is None else max(0.0, now - since)


def talk_now(row: dict[str, Any], now: float) -> float | None:
    """Seconds since the row's call was answered, while on that call."""
    at = row.get("answered_at")
    return None if at is None else max(0.0, now - at)


def since_order(row: dict[str, Any]) -> float | None:
    """Sorts as ``since_now``: the later the row's ``since``, the shorter the time."""
    since = row.get("since")
    return None if since is None else -since


def talk_order(row: dict[str, Any]) -> float | None:
    """Sorts as ``talk_now``."""
    at = row.get("answered_at")
    return None if at is None else -at


_SIGN = 1 << 63
_ALL = (1 << 64) - 1


def _sort_text(v: Any, numeric: bool, key: Any) -> str:
    """A cell's sort key as a string that sorts (by code unit, as Qt compares strings) as
    ``(_sort_value(v), str(key))``: a number as its IEEE bits made order-preserving, in hex."""
    x = _sort_value(v, numeric)
    if numeric:
        b = struct.unpack(">Q", struct.pack(">d", x))[0]
        x = f"{(b ^ _ALL) if b & _SIGN else (b | _SIGN):016x}"
    return f"{x}\x00{key}"


def _sort_value(v: Any, numeric: bool) -> Any:
    if numeric:
        if v is None:
            return -math.inf
        try:
            x = float(v)
        except (TypeError, ValueError):
            return -math.inf
        return -math.inf if math.isnan(x) else x
    return "" if v is None else str(v).lower()


class RowsModel(QStandardItemModel):
    """A table of dict rows keyed by ``key``; see the module docstring.

    The cells' text, colours, alignment and key live in the ``QStandardItemModel``'s C++
    items: a view paints them without calling back into Python. Python writes a cell only
    when its value changed (signals blocked while writing), then reports the changed cells as
    ``dataChanged`` ranges itself.
    """

    #: rows added at once beyond this many (a filter cleared) are written this many a turn
    #: of the event loop, the first screenful at once
    SYNC_ROWS = 64

    def __init__(
        self,
        columns: Sequence[Column],
        key: str,
        label: Callable[[str, Any], str] | None = None,
        parent: Any = None,
    ) -> None:
        super().__init__(0, len(columns), parent)
        right = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
        left = int((Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter).value)
        aligns = [right if c.numeric else left for c in columns]
        usual = max((left, right), key=aligns.count)
        proto = QStandardItem()
        proto.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        proto.setData(usual, Qt.ItemDataRole.TextAlignmentRole)
        # cells are created on their first write as copies of the prototype: not editable,
        # aligned as most columns are (the others' alignment is written with a new row)
        self.setItemPrototype(proto)
        self._aligns = [(c, a) for c, a in enumerate(aligns) if a != usual]
        self.setSortRole(_ORDER_ROLE)  # reordering rows is done by Qt's sort on their order
        self.columns = list(columns)
        self.key = key
        self._rows: list[dict[str, Any]] = []  # shown, in order
        self._all: dict[Any, dict[str, Any]] = {}  # every row of the last refresh
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._text = ""
        self._field: tuple[str, str] | None = None
        self._only_flagged = False
        self._text_keys = [c.key for c in self.columns if not c.numeric]
        self._static_keys = [c.key for c in self.columns if not c.ticking] + ["level"]
        self._ticking_keys = [c.key for c in self.columns if c.ticking and c.tick is None]
        tick_cols = [i for i, c in enumerate(self.columns) if c.ticking] or [0]
        self._ticking_span = (min(tick_cols), max(tick_cols))
        #: columns whose value is computed from the clock (``Column.tick``), written for the
        #: rows in view when the clock moves (see ``set_now``)
        self._clock_cols = [i for i, c in enumerate(self.columns) if c.tick is not None]
        if self._clock_cols:  # what the clock-computed cells are computed from
            self._static_keys += ["since", "answered_at"]
        self._now = 0.0
        self._pos: dict[Any, int] | None = None  # key -> shown row, built when needed
        #: the level (row colour) written for each shown key
        self._level: dict[Any, int] = {}
        #: the cell texts written for each shown key
        self._texts: dict[Any, list[str]] = {}
        #: the sort keys (``SORT_ROLE``) written for each shown key. A new row's are written
        #: with it; when a row changes, the sort column's at once, the others a few turns of
        #: the event loop later (``_flush_stale``) or when their column is sorted by:
        #: ``_stale[c]`` holds the keys whose key in column ``c`` may be behind the row
        self._skeys: dict[Any, list[str | None]] = {}
        #: the sort column's key per row for ``_visible``: (column, {key: (row, sort text)}); a
        #: row dict is not changed once taken (a change comes as a new dict), so a key whose
        #: row is the same object keeps its text (a refresh re-sorts 2,000 rows per slice)
        self._sort_memo: tuple[int, dict[Any, tuple[dict[str, Any], str]]] | None = None
        self._stale: list[set[Any]] = [set() for _ in self.columns]
        self._flushing = False
        #: keys of rows added but not written yet (see ``SYNC_ROWS``)
        self._pending: dict[Any, None] = {}
        self._label = label
        #: updates applied and cells reported changed (for tests and the benchmark)
        self.changed_ranges = 0
        self.retranslate()

    # Qt API: data, headerData, rowCount and flags are the C++ ones (no Python per painted
    # cell or header section)
    def retranslate(self) -> None:
        """Write the headers and their tooltips (the formulas), translated now."""
        h = Qt.Orientation.Horizontal
        for section, col in enumerate(self.columns):
            self.setHeaderData(section, h, tr(col.header), Qt.ItemDataRole.DisplayRole)
            self.setHeaderData(
                section, h, f"{tr(col.header)}: {tr(col.tip)}", Qt.ItemDataRole.ToolTipRole
            )

    # cells (written with the model's signals blocked; callers report the ranges)
    def _text_of(self, row: dict[str, Any], c: int) -> str:
        col = self.columns[c]
        if col.tick is not None:
            return col.fmt(col.tick(row, self._now))
        v = row.get(col.key)
        text = self._label(col.key, v) if self._label is not None else None
        return col.fmt(v) if text is None else text

    def _write_row(self, i: int, row: dict[str, Any], new: bool = False) -> None:
        index, set_data = self.index, self.setData
        k = row.get(self.key)
        if self._pending and k in self._pending:  # added unwritten: written whole now
            new = True
            del self._pending[k]
        texts = [self._text_of(row, c) for c in range(len(self.columns))]
        old = None if new else self._texts.get(k)
        if old is None:
            for c, text in enumerate(texts):
                set_data(index(i, c), text)
        else:  # only the cells whose text changed (a cell write costs ~5 us)
            for c, text in enumerate(texts):
                if text != old[c]:
                    set_data(index(i, c), text)
        self._texts[k] = texts
        skeys = None if new else self._skeys.get(k)
        if skeys is None:  # a new row: every key now
            skeys = self._skeys[k] = [self._sort_text(row, c) for c in range(len(self.columns))]
            for c, sk in enumerate(skeys):
                set_data(index(i, c), sk, SORT_ROLE)
        else:
            sort_c = self._sort[0] if self._sort is not None else -1
            if sort_c >= 0:
                sk = self._sort_text(row, sort_c)
                if sk != skeys[sort_c]:
                    set_data(index(i, sort_c), sk, SORT_ROLE)
                    skeys[sort_c] = sk
            for c, stale in enumerate(self._stale):
                if c != sort_c:
                    stale.add(k)
            if not self._flushing:
                self._flushing = True
                QTimer.singleShot(0, self, self._flush_stale)
        if new:
            set_data(index(i, 0), k, KEY_ROLE)
            for c, align in self._aligns:
                set_data(index(i, c), align, _R.TextAlignmentRole)
        elif self.data(index(i, 0), KEY_ROLE) != k:
            set_data(index(i, 0), k, KEY_ROLE)
        level = int(row.get("level") or 0)
        if level != self._level.get(k, 0) or (new and level):
            bg = (_RED if level >= 2 else _AMBER) if level else None
            fg = _FG if level else None
            for c in range(len(self.columns)):
                ix = index(i, c)
                set_data(ix, bg, _R.BackgroundRole)
                set_data(ix, fg, _R.ForegroundRole)
                set_data(ix, level or None, LEVEL_ROLE)
        self._level[k] = level

    def _write_clock(self, r0: int, r1: int) -> None:
        index, set_data, rows = self.index, self.setData, self._rows
        for c in self._clock_cols:
            col = self.columns[c]
            tick, fmt = col.tick, col.fmt
            assert tick is not None
            for i in range(r0, r1 + 1):
                text = fmt(tick(rows[i], self._now))
                texts = self._texts.get(rows[i][self.key])
                if texts is None or texts[c] != text:
                    set_data(index(i, c), text)
                    if texts is not None:
                        texts[c] = text

    def _raw(self, row: dict[str, Any], col: Column) -> Any:
        return col.tick(row, self._now) if col.tick is not None else row.get(col.key)

    def _sort_text(self, row: dict[str, Any], c: int) -> str:
        """Row ``row``'s sort key in column ``c`` (what its ``SORT_ROLE`` holds)."""
        col = self.columns[c]
        v = col.sort_by(row) if col.sort_by is not None else row.get(col.key)
        return _sort_text(v, col.numeric or col.sort_by is not None, row.get(self.key))

    def _qt_sort(self) -> None:
        """Reorder the shown rows by the sort column in C++ (Qt's sort of the items on their
        ``SORT_ROLE``: one layout change, persistent indexes follow their rows, no Python per
        comparison), then the Python rows to match."""
        assert self._sort is not None and not self._pending
        c, order = self._sort
        self._write_stale(c, len(self._stale[c]))
        self.setSortRole(SORT_ROLE)
        try:
            QStandardItemModel.sort(self, c, order)
        finally:
            self.setSortRole(_ORDER_ROLE)
        skeys, key = self._skeys, self.key
        self._rows.sort(
            key=lambda r: skeys[r[key]][c], reverse=order == Qt.SortOrder.DescendingOrder
        )
        self._pos = None

    def _write_stale(self, c: int, n: int) -> int:
        """Bring up to ``n`` of column ``c``'s stale sort keys up to date; how many it did."""
        stale = self._stale[c]
        if not stale or n <= 0:
            return 0
        pos, rows, index, set_data = self._positions(), self._rows, self.index, self.setData
        done = 0
        blocked = self.blockSignals(True)
        try:
            while stale and done < n:
                k = stale.pop()
                done += 1
                i = pos.get(k)
                skeys = self._skeys.get(k)
                if i is None or skeys is None:
                    continue
                sk = self._sort_text(rows[i], c)
                if sk != skeys[c]:
                    set_data(index(i, c), sk, SORT_ROLE)
                    skeys[c] = sk
        finally:
            self.blockSignals(blocked)
        return done

    #: stale sort keys brought up to date a turn of the event loop
    STALE_PER_TURN = 400

    def _flush_stale(self) -> None:
        budget = self.STALE_PER_TURN
        for c in range(len(self.columns)):
            budget -= self._write_stale(c, budget)
        self._flushing = any(self._stale)
        if self._flushing:
            QTimer.singleShot(0, self, self._flush_stale)

    # updates
    def set_now(self, now: float, rows: tuple[int, int] | None = None) -> None:
        """The clock moved: the clock-computed cells of ``rows`` (first, last; default every
        row) are written and reported as one ``dataChanged`` range. The console passes the
        rows in view (and writes those scrolled into view with ``show_rows``)."""
        self._now = now
        self.show_rows(rows)

    def show_rows(self, rows: tuple[int, int] | None = None) -> None:
        """Bring the clock-computed cells of ``rows`` (default: every row) up to the clock."""
        if self._clock_cols and self._rows:
            r0, r1 = rows if rows is not None else (0, len(self._rows) - 1)
            r0, r1 = max(0, r0), min(len(self._rows) - 1, r1)
            if r0 <= r1:
                blocked = self.blockSignals(True)
                try:
                    self._write_clock(r0, r1)
                finally:
                    self.blockSignals(blocked)
                self._emit_changed(r0, r1, min(self._clock_cols), max(self._clock_cols))

    def update_rows(self, changed: Sequence[dict[str, Any]], removed: Sequence[Any] = ()) -> None:
        """Take the rows that changed since the last update (and the keys that left): only
        their cells are rewritten and reported changed; rows are re-sorted or re-filtered only
        when a row came or went, or its sort or filter values changed."""
        if not changed and not removed:
            return
        restructure = bool(removed)
        moved = False  # a row's sort key changed: Qt re-sorts the rows (see ``_qt_sort``)
        sort_c = self._sort[0] if self._sort is not None else None
        filtering = bool(self._text or self._field is not None or self._only_flagged)
        pos = self._positions()
        runs: list[int] = []
        for row in changed:
            k = row[self.key]
            old = self._all.get(k)
            self._all[k] = row
            if old is None:
                restructure = True
                continue
            if sort_c is not None and self._sort_text(old, sort_c) != self._sort_text(row, sort_c):
                moved = True
            if filtering and self._accepts(old) != self._accepts(row):
                restructure = True
            i = pos.get(k)
            if i is not None:
                runs.append(i)
        for k in removed:
            self._all.pop(k, None)
        if restructure or (moved and self._pending):
            self._show(self._visible())
            return
        runs.sort()
        blocked = self.blockSignals(True)
        try:
            for i in runs:
                row = self._all[self._rows[i][self.key]]
                self._rows[i] = row
                self._write_row(i, row)
        finally:
            self.blockSignals(blocked)
        last = len(self.columns) - 1
        start = prev = -2
        for i in runs:
            if i != prev + 1:
                if start >= 0:
                    self._emit_changed(start, prev, 0, last)
                start = i
            prev = i
        if start >= 0:
            self._emit_changed(start, prev, 0, last)
        if moved:
            self._qt_sort()

    def _positions(self) -> dict[Any, int]:
        if self._pos is None or len(self._pos) != len(self._rows):
            self._pos = {r[self.key]: i for i, r in enumerate(self._rows)}
        return self._pos

    def row(self, i: int) -> dict[str, Any]:  # type: ignore[override]
        return self._rows[i]

    def row_by_key(self, key: Any) -> dict[str, Any] | None:
        return self._all.get(key)

    def key_at(self, i: int) -> Any:
        return self._rows[i][self.key] if 0 <= i < len(self._rows) else None

    def keys(self) -> list[Any]:
        return [r[self.key] for r in self._rows]

    def all_keys(self) -> set[Any]:
        """Keys of every row taken, shown or filtered out."""
        return set(self._all)

    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        """Take a refresh: every row, keyed; the model shows those the filter accepts, in the
        current sort order."""
        self._all = {r[self.key]: r for r in rows}
        self._show(self._visible())

    # sorting and filtering (in Python on the rows, not in a proxy: no Python calls per
    # row from C++, so a refresh of 2,000 agents stays within a frame)
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            self._sort = None
        else:
            self._sort = (column, order)
            if not self._pending:  # every shown row's sort keys are written: Qt sorts
                self._qt_sort()
                return
        self._show(self._visible())

    def sort_state(self) -> tuple[int, Qt.SortOrder] | None:
        return self._sort

    def set_filter_text(self, text: str) -> None:
        self._text = text.strip().lower()
        self._show(self._visible())

    def set_filter_field(self, key: str | None, value: str | None) -> None:
        self._field = (key, value) if key and value else None
        self._show(self._visible())

    def set_only_flagged(self, on: bool) -> None:
        self._only_flagged = on
        self._show(self._visible())

    def _accepts(self, row: dict[str, Any]) -> bool:
        if self._only_flagged and not row.get("level"):
            return False
        if self._field is not None and str(row.get(self._field[0])) != self._field[1]:
            return False
        if self._text:
            hay = " ".join(str(row.get(k) or "") for k in self._text_keys).lower()
            return self._text in hay
        return True

    def _visible(self) -> list[dict[str, Any]]:
        filtering = self._text or self._field is not None or self._only_flagged
        rows = (
            [r for r in self._all.values() if self._accepts(r)]
            if filtering
            else list(self._all.values())
        )
        if self._sort is not None:
            c = self._sort[0]
            desc = self._sort[1] == Qt.SortOrder.DescendingOrder
            # the order of ``_qt_sort``: by value, ties by key (descending: the reverse)
            if (
                self._sort_memo is None
                or self._sort_memo[0] != c
                or (
                    len(self._sort_memo[1]) > 2 * len(self._all) + 100  # keys long gone
                )
            ):
                self._sort_memo = (c, {})
            memo, key, sort_text = self._sort_memo[1], self.key, self._sort_text

            def skey(r: dict[str, Any]) -> str:
                k = r[key]
                hit = memo.get(k)
                if hit is not None and hit[0] is r:
                    return hit[1]
                t = sort_text(r, c)
                memo[k] = (r, t)
                return t

            rows.sort(key=skey, reverse=desc)
        return rows

    def _show(self, rows: list[dict[str, Any]]) -> None:
        self._pos = None
        new_keys = [r[self.key] for r in rows]
        old_keys = [r[self.key] for r in self._rows]
        if new_keys != old_keys:
            keep = set(new_keys)
            # removals, bottom up, in contiguous runs
            i = len(self._rows) - 1
            while i >= 0:
                if old_keys[i] in keep:
                    i -= 1
                    continue
                j = i
                while j > 0 and old_keys[j - 1] not in keep:
                    j -= 1
                for k in old_keys[j : i + 1]:
                    self._level.pop(k, None)
                    self._texts.pop(k, None)
                    self._skeys.pop(k, None)
                    for stale in self._stale:
                        stale.discard(k)
                    self._pending.pop(k, None)
                del self._rows[j : i + 1]
                del old_keys[j : i + 1]
                self.removeRows(j, i - j + 1)
                i = j - 1
            # insertions at the end
            have = set(old_keys)
            added = [r for r in rows if r[self.key] not in have]
            if added:
                first = len(self._rows)
                self._rows.extend(added)
                self.insertRows(first, len(added))
                if len(added) <= self.SYNC_ROWS:
                    blocked = self.blockSignals(True)
                    try:
                        for i, r in enumerate(added, first):
                            self._write_row(i, r, new=True)
                    finally:
                        self.blockSignals(blocked)
                else:  # many (a filter cleared): written after the reorder, see below
                    self._pending.update(dict.fromkeys(r[self.key] for r in added))
                old_keys.extend(r[self.key] for r in added)
            if old_keys != new_keys:  # same rows, another order: Qt moves the items
                where = {k: i for i, k in enumerate(new_keys)}
                blocked = self.blockSignals(True)
                try:
                    for i, k in enumerate(old_keys):
                        self.setData(self.index(i, 0), where[k], _ORDER_ROLE)
                finally:
                    self.blockSignals(blocked)
                # one layout change; persistent indexes (selection) follow their rows
                QStandardItemModel.sort(self, 0, Qt.SortOrder.AscendingOrder)
                by_key = {r[self.key]: r for r in self._rows}
                self._rows = [by_key[k] for k in new_keys]
            if self._pending:
                # rows added unwritten: the first screenful now, the rest a few turns later
                # (writing 2,000 rows' cells at once would hold the GUI for ~100 ms)
                self._write_pending(
                    [i for i, k in enumerate(new_keys[: self.SYNC_ROWS]) if k in self._pending]
                )
                if self._pending:
                    QTimer.singleShot(0, self, self._drain)
        # values: one dataChanged per run of changed rows. Clock-driven columns (time in
        # state, talk time, longest wait) change every second on most rows: when only those
        # changed, the range covers just their columns, so the view repaints a narrow strip.
        static, ticking = self._static_keys, self._ticking_keys
        t_lo, t_hi = self._ticking_span
        last = len(self.columns) - 1
        run = [-1, -1]  # start of the current run of fully / tick-only changed rows
        blocked = self.blockSignals(True)
        spans: list[tuple[int, int, int, int]] = []
        try:
            for i, fresh in enumerate(rows):
                old = self._rows[i]
                self._rows[i] = fresh
                if old is fresh:
                    kind = 0
                elif tuple(map(old.get, static)) != tuple(map(fresh.get, static)):
                    kind = 1
                elif ticking and tuple(map(old.get, ticking)) != tuple(map(fresh.get, ticking)):
                    kind = 2
                else:
                    kind = 0
                if kind:
                    self._write_row(i, fresh)
                for k, (lo_c, hi_c) in ((1, (0, last)), (2, (t_lo, t_hi))):
                    if kind == k:
                        if run[k - 1] < 0:
                            run[k - 1] = i
                    elif run[k - 1] >= 0:
                        spans.append((run[k - 1], i - 1, lo_c, hi_c))
                        run[k - 1] = -1
        finally:
            self.blockSignals(blocked)
        n = len(self._rows)
        if run[0] >= 0:
            spans.append((run[0], n - 1, 0, last))
        if run[1] >= 0:
            spans.append((run[1], n - 1, t_lo, t_hi))
        for span in spans:
            self._emit_changed(*span)

    def _write_pending(self, rows: list[int]) -> None:
        """Write rows ``rows`` (shown positions) of those added unwritten."""
        blocked = self.blockSignals(True)
        try:
            for i in rows:
                self._write_row(i, self._rows[i], new=True)
        finally:
            self.blockSignals(blocked)

    def _drain(self) -> None:
        """Write the next rows added unwritten, reported changed (one turn of the loop)."""
        if not self._pending:
            return
        pos = self._positions()
        keys = list(self._pending)[: self.SYNC_ROWS // 2]
        rows = sorted(pos[k] for k in keys if k in pos)
        for k in keys:
            self._pending.pop(k, None)
        self._write_pending(rows)
        last = len(self.columns) - 1
        for i in rows:
            self._emit_changed(i, i, 0, last)
        if self._pending:
            QTimer.singleShot(0, self, self._drain)

    def _emit_changed(self, r0: int, r1: int, c0: int, c1: int) -> None:
        c1 = min(c1, len(self.columns) - 1)
        self.changed_ranges += 1
        self.dataChanged.emit(self.index(r0, c0), self.index(r1, c1))


# ---------------------------------------------------------------------------- column sets
# Headers and formulas are marked for translation (context SupervisorConsole).

QUEUE_BOARD = [
    Column(
        "queue_id",
        QT_TRANSLATE_NOOP("SupervisorConsole", "Queue"),
        QT_TRANSLATE_NOOP("SupervisorConsole", "queue id; the first row totals every queue"),
        fmt_text,
        False,
    ),
    Column(
        "waiting",
        QT_TRANSLATE_NOOP("SupervisorConsole", "Waiting"),
        QT_TRANSLATE_NOOP("SupervisorConsole", "calls queued or ringing now"),
    ),
    Column(
        "longest_wait",
        QT_TRANSLATE_NOOP("SupervisorConsole", "Longest wait"),
        QT_TRANSLATE_NOOP(
            "SupervisorConsole", "seconds since the oldest waiting call was first queued"
        ),
        fmt_duration,
        ticking=True,
    ),
    Column(
        "offered",
        QT_TRANSLATE_NOOP("SupervisorConsole", "Offered"),
        QT_TRANSLATE_NOOP(
            "SupervisorConsole",
            "answered + abandoned + short abandoned + callbacks + still waiting, calls first queued today",
        ),
    ),
    Column(
        "answered",
        QT_TRANSLATE_NOOP("SupervisorConsole", "Answered"),
        QT_TRANSLATE_NOOP("SupervisorConsole", "calls answered by an agent"),
    ),
    Column(
        "abandoned",
        QT_TRANSLATE_NOOP("SupervisorConsole", "Abandoned"),
        QT_TRANSLATE_NOOP("SupervisorConsole", "caller hung up after the short-abandon time"),
    ),
    Column(
        "sl_interval",
        QT_TRANSLATE_NOOP("SupervisorConsole", "SL (interval)"),
        QT_TRANSLATE_NOOP(
            "SupervisorConsole",
            "answered within the threshold / (answered + abandoned after the threshold); short abandons excluded; calls first queued this interval",
        ),
        fmt_rate,
    ),
    Column(
        "sl_today",
        QT_TRANSLATE_NOOP("SupervisorConsole", "SL (today)"),
        QT_TRANSLATE_NOOP(
            "SupervisorConsole",
            "answered within the threshold / (answered + abandoned after the threshold); short abandons excluded; calls first queued today",
        ),
        fmt_rate,
    ),
    Column(
        "asa",
        QT_TRANSLATE_NOOP("SupervisorConsole", "ASA"),
        QT_TRANSLATE_NOOP(
            "SupervisorConsole",
            "average speed of answer: mean wait of answered calls, from first queued to answer",
        ),
        fmt_duration,
    ),
    Column(
        "aht",
        QT_TRANSLATE_NOOP("SupervisorConsole", "AHT"),
        QT_TRANSLATE_NOOP(
            "SupervisorConsole",
            "average handle time: mean talk + hold + wrap-up of the answered calls that ended today",
        ),
        fmt_duration,
    ),
    Column(
        "abandon_rate",
        QT_TRANSLATE_NOOP("SupervisorConsole", "Abandon rate"),
        QT_TRANSLATE_NOOP("SupervisorConsole", "abandoned / (answered + abandoned)"),
        fmt_rate,
    ),
    Column(
        "ready",
        QT_TRANSLATE_NOOP("SupervisorConsole", "Ready"),
        QT_TRANSLATE_NOOP("SupervisorConsole", "agents of the queue that are ready"),
    ),
    Column(
        "needed",
        QT_TRANSLATE_NOOP("SupervisorConsole", "Needed"),
        QT_TRANSLATE_NOOP(
            "SupervisorConsole",
            "Erlang C: fewest agents for the service-level target at the arrival rate and AHT of the last intervals",
        ),
    ),
    Column(
        "on_call",
        QT_TRANSLATE_NOOP("SupervisorConsole", "On call"),
        QT_TRANSLATE_NOOP("SupervisorConsole", "agents of the queue on a call"),
    ),
    Column(
        "wrap_up",
        QT_TRANSLATE_NOOP("SupervisorConsole", "Wrap-up"),
        QT_TRANSLATE_NOOP("SupervisorConsole", "agents of the queue in after-call work"),
    ),
    Column(
        "not_ready",
        QT_TRANSLATE_NOOP("SupervisorConsole", "Not ready"),
        QT_TRANSLATE_NOOP("SupervisorConsole", "agents of the queue logged in but not ready"),
    ),
]
AGENT_BOARD = [
    Column(
        "agent_id",
        QT_TRANSLATE_NOOP("SupervisorConsole", "Agent"),
        QT_TRANSLATE_NOOP("SupervisorConsole", "agent id"),
        fmt_text,
        False,
    ),
    Column(
        "name",
        QT_TRANSLATE_NOOP("SupervisorConsole", "Name"),
        QT_TRANSLATE_NOOP("SupervisorConsole", "agent name"),
        fmt_text,
        False,
    ),
    Column(
        "state",
        QT_TRANSLATE_NOOP("SupervisorConsole", "State"),
        QT_TRANSLATE_NOOP("SupervisorConsole", "state on the switchboard"),
        fmt_text,
        False,
    ),
    Column(
        "reason",
        QT_TRANSLATE_NOOP("SupervisorConsole", "Reason"),
        QT_TRANSLATE_NOOP("SupervisorConsole", "not-ready reason code"),
        fmt_text,
        False,
    ),
    Column(
        "time_in_state",
        QT_TRANSLATE_NOOP("SupervisorConsole", "Time in state"),
        QT_TRANSLATE_NOOP("SupervisorConsole", "seconds since the last state change"),
        fmt_duration,
        ticking=True,
        tick=since_now,
        sort_by=since_order,
    ),
    Column(
        "call_ani",
        QT_TRANSLATE_NOOP("SupervisorConsole", "Caller"),
        QT_TRANSLATE_NOOP(
            "SupervisorConsole", "number of the call ringing, connected or in wrap-up"
        ),
        fmt_text,
        False,
    ),
    Column(
        "call_queue",
        QT_TRANSLATE_NOOP("SupervisorConsole", "Call queue"),
        QT_TRANSLATE_NOOP("SupervisorConsole", "queue of the current call"),
        fmt_text,
        False,
    ),
    Column(
        "talk_time",
        QT_TRANSLATE_NOOP("SupervisorConsole", "Talk time"),
        QT_TRANSLATE_NOOP("SupervisorConsole", "seconds since the current call was answered"),
        fmt_duration,
        ticking=True,
        tick=talk_now,
        sort_by=talk_order,
    ),
    Column(
        "handled",
        QT_TRANSLATE_NOOP("SupervisorConsole", "Handled"),
        QT_TRANSLATE_NOOP("SupervisorConsole", "calls this agent finished today (after wrap-up)"),
    ),
    Column(
        "aht",
        QT_TRANSLATE_NOOP("SupervisorConsole", "AHT"),
        QT_TRANSLATE_NOOP("SupervisorConsole", "(talk + hold + wrap-up) / handled, today"),
        fmt_duration,
    ),
    Column(
        "occupancy",
        QT_TRANSLATE_NOOP("SupervisorConsole", "Occupancy"),
        QT_TRANSLATE_NOOP(
            "SupervisorConsole",
            "(on call + wrap-up) / (on call + wrap-up + ready + reserved) time today",
        ),
        fmt_rate,
    ),
    Column(
        "drift",
        QT_TRANSLATE_NOOP("SupervisorConsole", "Drift"),
        QT_TRANSLATE_NOOP(
            "SupervisorConsole",
            "no event for longer than plausible: reserved over twice the ring timeout, or on a call whose caller hung up",
        ),
        fmt_text,
        False,
    ),
]
STAFFING_BOARD = [
    Column(
        "queue_id",
        QT_TRANSLATE_NOOP("SupervisorConsole", "Queue"),
        QT_TRANSLATE_NOOP("SupervisorConsole", "queue id"),
        fmt_text,
        False,
    ),
    Column(
        "calls_per_hour",
        QT_TRANSLATE_NOOP("SupervisorConsole", "Calls/hour"),
        QT_TRANSLATE_NOOP(
            "SupervisorConsole", "calls first queued in the last intervals, per hour"
        ),
    ),
    Column(
        "aht",
        QT_TRANSLATE_NOOP("SupervisorConsole", "AHT"),
        QT_TRANSLATE_NOOP(
            "SupervisorConsole",
            "mean handle time of the calls ended in the last intervals (today's if none)",
        ),
        fmt_duration,
    ),
    Column(
        "needed",
        QT_TRANSLATE_NOOP("SupervisorConsole", "Needed"),
        QT_TRANSLATE_NOOP(
            "SupervisorConsole", "Erlang C: fewest agents with expected service level >= target"
        ),
    ),
    Column(
        "ready",
        QT_TRANSLATE_NOOP("SupervisorConsole", "Ready now"),
        QT_TRANSLATE_NOOP("SupervisorConsole", "agents of the queue that are ready"),
    ),
    Column(
        "service_level",
        QT_TRANSLATE_NOOP("SupervisorConsole", "Expected SL"),
        QT_TRANSLATE_NOOP(
            "SupervisorConsole",
            "1 - P(wait) * exp(-(N - A) * threshold / AHT), A = calls per second * AHT",
        ),
        fmt_rate,
    ),
    Column(
        "asa",
        QT_TRANSLATE_NOOP("SupervisorConsole", "Expected ASA"),
        QT_TRANSLATE_NOOP("SupervisorConsole", "P(wait) * AHT / (N - A)"),
        fmt_duration,
    ),
    Column(
        "occupancy",
        QT_TRANSLATE_NOOP("SupervisorConsole", "Expected occupancy"),
        QT_TRANSLATE_NOOP("SupervisorConsole", "A / N"),
        fmt_rate,
    ),
    Column(
        "p_wait",
        QT_TRANSLATE_NOOP("SupervisorConsole", "P(wait)"),
        QT_TRANSLATE_NOOP("SupervisorConsole", "Erlang C probability that a call waits"),
        fmt_rate,
    ),
    Column(
        "sl_with_ready",
        QT_TRANSLATE_NOOP("SupervisorConsole", "SL with ready"),
        QT_TRANSLATE_NOOP("SupervisorConsole", "expected service level with the agents ready now"),
        fmt_rate,
    ),
]
TIER_BOARD = [
    Column(
        "tier",
        QT_TRANSLATE_NOOP("SupervisorConsole", "Tier"),
        QT_TRANSLATE_NOOP(
            "SupervisorConsole", "customer tier of the caller (none = not identified)"
        ),
        fmt_text,
        False,
    ),
    Column(
        "offered",
        QT_TRANSLATE_NOOP("SupervisorConsole", "Offered"),
        QT_TRANSLATE_NOOP("SupervisorConsole", "calls first queued today"),
    ),
    Column(
        "answered",
        QT_TRANSLATE_NOOP("SupervisorConsole", "Answered"),
        QT_TRANSLATE_NOOP("SupervisorConsole", "calls answered by an agent"),
    ),
    Column(
        "service_level",
        QT_TRANSLATE_NOOP("SupervisorConsole", "SL"),
        QT_TRANSLATE_NOOP(
            "SupervisorConsole",
            "answered within the threshold / (answered + abandoned after the threshold); short abandons excluded",
        ),
        fmt_rate,
    ),
    Column(
        "asa",
        QT_TRANSLATE_NOOP("SupervisorConsole", "ASA"),
        QT_TRANSLATE_NOOP("SupervisorConsole", "mean wait of answered calls"),
        fmt_duration,
    ),
    Column(
        "abandon_rate",
        QT_TRANSLATE_NOOP("SupervisorConsole", "Abandon rate"),
        QT_TRANSLATE_NOOP("SupervisorConsole", "abandoned / (answered + abandoned)"),
        fmt_rate,
    ),
]
