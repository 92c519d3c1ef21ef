"""Supervisor charts (QtCharts; pure views fed with plain rows).

* :class:`IntervalChart` (``intervalChart``): offered / answered / abandoned per interval as bars
  and the service-level trend as a line (right axis, %), for one queue or all (``chartQueue``).
* :class:`TierChart` (``tierChart``): service level and abandon rate per caller tier.

The interval chart's axis holds the whole day from the start (set once a day); a refresh
changes bar and point values in place, so a refresh once a second does not rebuild the chart.
"""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.widgets.common import set_ids

ALL = "__all__"


def _clock_label(ts: float) -> str:
    return datetime.fromtimestamp(ts).strftime("%H:%M")


def _hour_of(ts: float) -> float:
    """The local clock time of ``ts`` in hours since midnight (7.5 = 07:30)."""
    lt = datetime.fromtimestamp(ts)
    return lt.hour + lt.minute / 60


def parse_hours(text: str) -> tuple[float, float]:
    """``"07:00-21:00"`` -> (7.0, 21.0); ``"00:00-24:00"`` is the whole day. Raises
    ValueError with what is wrong."""
    try:
        a, b = (part.strip() for part in text.split("-"))
        hours = []
        for part in (a, b):
            h, m = part.split(":")
            if not (h.isdigit() and m.isdigit() and len(m) == 2 and int(m) < 60):
                raise ValueError
            hours.append(int(h) + int(m) / 60)
    except ValueError:
        raise ValueError(f"{text!r}: expected HH:MM-HH:MM, e.g. 07:00-21:00") from None
    if not 0 <= hours[0] < hours[1] <= 24:
        raise ValueError(f"{text!r}: the start must come before the end, within 00:00-24:00")
    return hours[0], hours[1]


def _nice_ceiling(x: float) -> int:
    """The smallest 1, 2 or 5 x 10^k (or a multiple of 10^k above 10) at or above ``x``: the
    axis range then changes only now and then (each change relayouts the whole chart)."""
    if x <= 1:
        return 1
    mag = 10 ** math.floor(math.log10(x))
    for m in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if m * mag >= x:
            return math.ceil(m * mag)
    return math.ceil(x)


def _tick_count(top: int) -> int:
    """Ticks for a calls axis from 0 to ``top`` (a :func:`_nice_ceiling`): whole, round steps
    (1, 2, 2.5 or 5 x 10^k, at most 6 of them)."""
    mag = 1
    while True:
        for m in (1, 2, 5, 10, 25, 50):
            step = m * mag
            if top % step == 0 and top // step <= 6:
                return top // step + 1
        mag *= 10


class IntervalChart(QWidget):
    """The day's intervals are the x axis, set once a day (:meth:`set_day`): the bars of the
    intervals still to come are empty, as on a wallboard. A refresh replaces the values of the
    bars that changed (usually the current interval's) and the service-level line; the calls
    axis only steps up, to a round maximum, so it rarely changes. QtCharts relays out the whole
    chart on any axis change (48 category labels cost ~20 ms on a shown chart), so the axes are
    left alone while the day runs. The time axis shows the center's hours (``hours``, e.g.
    7-21; the whole day by default) and widens, by whole hours and only then, when calls come
    outside them; it is labelled every 2 hours (4 when it spans more than 16 hours)."""

    queueChanged = Signal(str)
    #: bar values replaced per turn of the event loop (~30 us each on a shown chart), and in
    #: the turn that changed the calls axis (~10 ms with a day's bars)
    BARS_PER_TURN = 48
    BARS_AFTER_AXIS = 12

    def __init__(
        self, parent: QWidget | None = None, hours: tuple[float, float] = (0.0, 24.0)
    ) -> None:
        super().__init__(parent)
        set_ids(self, "intervalChartPanel")
        #: the part of the day shown (local hours, end excluded) until calls come outside it
        self.hours = hours
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.caption = set_ids(QLabel(self.tr("Calls per interval, today")), "intervalChartTitle")
        top.addWidget(self.caption)
        top.addStretch(1)
        self.queue_box = QComboBox()
        set_ids(self.queue_box, "chartQueue")
        self.queue_box.addItem(self.tr("All queues"), ALL)
        self.queue_box.currentIndexChanged.connect(self._queue_picked)
        top.addWidget(self.queue_box)
        layout.addLayout(top)
        self.chart = QChart()
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.sets = {
            "offered": QBarSet(self.tr("Offered")),
            "answered": QBarSet(self.tr("Answered")),
            "abandoned": QBarSet(self.tr("Abandoned")),
        }
        for key, colour in (
            ("offered", "#5b8def"),
            ("answered", "#2e9e6a"),
            ("abandoned", "#d9534f"),
        ):
            self.sets[key].setColor(QColor(colour))
        self.bars = QBarSeries()
        self.bars.setBarWidth(0.9)  # of an interval's width, for its three bars
        for s in self.sets.values():
            self.bars.append(s)
        self.sl_line = QLineSeries()
        self.sl_line.setName(self.tr("Service level %"))
        self.sl_line.setPen(QPen(QColor("#8a5a00"), 2))
        self.chart.addSeries(self.bars)
        self.chart.addSeries(self.sl_line)
        # the day as a value axis over the bar indexes (bar i centred on i), labelled every
        # LABEL_HOURS hours: a label per interval would not fit (QtCharts truncates them)
        self.x_axis = QCategoryAxis()
        self.x_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self.y_axis = QValueAxis()
        self.y_axis.setLabelFormat("%d")
        self.y_axis.setTitleText(self.tr("Calls"))
        self.y_axis.setRange(0, 1)
        self.y_axis.setTickCount(2)
        self.sl_axis = QValueAxis()
        self.sl_axis.setRange(0, 100)
        self.sl_axis.setLabelFormat("%d%%")
        self.sl_axis.setTitleText(self.tr("Service level"))
        self.chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(self.sl_axis, Qt.AlignmentFlag.AlignRight)
        self.bars.attachAxis(self.x_axis)
        self.bars.attachAxis(self.y_axis)
        self.sl_line.attachAxis(self.x_axis)
        self.sl_line.attachAxis(self.sl_axis)
        self.view = QChartView(self.chart)
        set_ids(self.view, "intervalChart")
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(220)
        layout.addWidget(self.view, 1)
        self._series: dict[str, list[dict[str, Any]]] = {}
        self._shown: list[dict[str, Any]] | None = None
        #: the day's interval starts (the x axis) and each one's bar index
        self._starts: list[float] = []
        self._index: dict[int, int] = {}
        self._window = (0, 0)  # the bar indexes shown, end excluded
        self._values: dict[str, list[float]] = {key: [] for key in self.sets}
        self._y_max = 1
        self._y_fresh = True  # the next draw may lower the calls axis (another queue or day)
        self._points: list[tuple[float, float]] | None = None
        self._again = False  # a draw of the rest is due in the next turn of the event loop

    def selected_queue(self) -> str:
        return str(self.queue_box.currentData() or ALL)

    def _draw_again(self) -> None:
        self._again = False
        self._draw()

    def _queue_picked(self, _i: int) -> None:
        self._shown = None
        self._y_fresh = True
        self._draw()
        self.queueChanged.emit(self.selected_queue())

    def set_queues(self, queues: list[str]) -> None:
        """The queues offered in the picker (besides all queues)."""
        known = {self.queue_box.itemData(i) for i in range(self.queue_box.count())}
        for q in queues:
            if q not in known:
                self.queue_box.addItem(q, q)

    def set_day(self, starts: list[float]) -> None:
        """The day's interval starts, in order: one category (its clock time) and one bar of
        each kind per interval, empty until figures come. Cheap when the starts are those
        already shown; the axis labels are only set again when they differ (the same clock
        times every day but the days the clocks change), which is best done before the chart
        is shown (~3 ms hidden, ~20 ms shown)."""
        starts = [float(t) for t in starts]
        if starts == self._starts:
            return
        n = len(starts)
        self._starts = starts
        lo, hi = self.hours
        shown = [i for i, t in enumerate(starts) if lo <= _hour_of(t) < hi]
        self._set_window((shown[0], shown[-1] + 1) if shown else (0, n))
        for key, s in self.sets.items():
            if s.count() != n or any(self._values[key]):
                s.remove(0, s.count())
                s.append([0.0] * n)
            self._values[key] = [0.0] * n
        self._index = {int(t): i for i, t in enumerate(starts)}
        self._shown = None
        self._y_fresh = True
        self._points = None
        self._draw()

    def _set_window(self, window: tuple[int, int]) -> None:
        """Show the bars ``window[0]`` to ``window[1] - 1`` of the day, labelled every 2 or 4
        hours; an axis change (a relayout of the whole chart), so only when it differs."""
        lo, hi = window
        every = 2 if (hi - lo) * self._interval_hours() <= 16 else 4
        labels: list[tuple[str, float]] = []  # (clock time, where: the interval's left edge)
        seen: set[str] = set()
        for i in range(lo, hi):
            lt = datetime.fromtimestamp(self._starts[i])
            if lt.minute or lt.hour % every:
                continue
            label = _clock_label(self._starts[i])
            while label in seen:  # the hour the clocks go back comes twice: keep both
                label += "\u2032"
            seen.add(label)
            labels.append((label, i - 0.5))
        have = [(x, self.x_axis.endValue(x)) for x in self.x_axis.categoriesLabels()]
        if labels != have or (self.x_axis.min(), self.x_axis.max()) != (lo - 0.5, hi - 0.5):
            for x in self.x_axis.categoriesLabels():
                self.x_axis.remove(x)
            self.x_axis.setStartValue(lo - 0.5)
            for label, at in labels:
                self.x_axis.append(label, at)
            self.x_axis.setRange(lo - 0.5, max(hi, lo + 1) - 0.5)
        self._window = window

    def _interval_hours(self) -> float:
        return (self._starts[1] - self._starts[0]) / 3600 if len(self._starts) > 1 else 1.0

    def shown_window(self) -> tuple[float, float]:
        """The local clock hours the time axis spans (24 = the next midnight)."""
        lo, hi = self._window
        if hi <= lo:
            return self.hours
        step = self._interval_hours()
        start = _hour_of(self._starts[lo])
        return start, start + (hi - lo) * step

    def _widen_to(self, first: int, last: int) -> bool:
        """Widen the window, by whole hours, to hold bars ``first`` to ``last``."""
        lo, hi = self._window
        if first >= lo and last < hi:
            return False
        while first < lo or (lo > 0 and datetime.fromtimestamp(self._starts[lo]).minute):
            lo -= 1
        n = len(self._starts)
        while last >= hi or (hi < n and datetime.fromtimestamp(self._starts[hi]).minute):
            hi += 1
        self._set_window((max(lo, 0), min(hi, n)))
        return True

    def set_series(self, series: dict[str, list[dict[str, Any]]]) -> None:
        """``series[queue or '__all__']`` = rows of interval_start, offered, answered,
        abandoned, service_level (fraction or NaN); the picked queue's is shown, on the day set
        by :meth:`set_day` (rows of intervals not in it are not shown)."""
        self._series = series
        self._draw()

    def shown_rows(self) -> list[dict[str, Any]]:
        return list(self._shown or [])

    def _draw(self) -> None:
        rows = self._series.get(self.selected_queue(), [])
        if rows == self._shown:
            return
        n = len(self._starts)
        values = {key: [0.0] * n for key in self.sets}
        sl: list[float | None] = [None] * n
        for r in rows:
            i = self._index.get(int(float(r["interval_start"])))
            if i is None:
                continue
            for key, vals in values.items():
                vals[i] = float(r.get(key) or 0)
            v = r.get("service_level")
            if v is not None and not math.isnan(float(v)):
                sl[i] = 100.0 * float(v)
        top = max([1.0, *(max(v, default=0.0) for v in values.values())])
        y_max = _nice_ceiling(top * 1.15)
        changed = [
            (key, i, v)
            for i in range(n)
            for key, vals in values.items()
            if (v := vals[i]) != self._values[key][i]
        ]  # usually just the current interval's bars; else filled from the left
        budget = self.BARS_PER_TURN
        busy = [i for i in range(n) if sl[i] is not None or any(v[i] for v in values.values())]
        if busy and self._widen_to(busy[0], busy[-1]):  # calls outside the center's hours
            budget = self.BARS_AFTER_AXIS
        if y_max > self._y_max or (self._y_fresh and y_max != self._y_max):
            self.y_axis.setRange(0, y_max)  # an axis change relayouts the whole chart
            self.y_axis.setTickCount(_tick_count(y_max))
            self._y_max = y_max
            budget = self.BARS_AFTER_AXIS
        self._y_fresh = False
        for key, i, v in changed[:budget]:
            self.sets[key].replace(i, v)
            self._values[key][i] = v
        if len(changed) > budget:  # a day's bars at once (history, another queue): in turns
            if not self._again:
                self._again = True
                QTimer.singleShot(0, self, self._draw_again)
            return
        pts = [(float(i), y) for i, y in enumerate(sl) if y is not None]
        if pts != self._points:  # the whole line in one call, only when it changed
            self.sl_line.replace([QPointF(x, y) for x, y in pts])
            self._points = pts
        self._shown = rows


class TierChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_ids(self, "tierChartPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.caption = set_ids(
            QLabel(self.tr("How each caller tier is served today")), "tierChartTitle"
        )
        layout.addWidget(self.caption)
        self.chart = QChart()
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.sl = QBarSet(self.tr("Service level %"))
        self.sl.setColor(QColor("#2e9e6a"))
        self.ab = QBarSet(self.tr("Abandon rate %"))
        self.ab.setColor(QColor("#d9534f"))
        self.bars = QBarSeries()
        self.bars.append(self.sl)
        self.bars.append(self.ab)
        self.chart.addSeries(self.bars)
        self.x_axis = QBarCategoryAxis()
        self.y_axis = QValueAxis()
        self.y_axis.setRange(0, 100)
        self.y_axis.setLabelFormat("%d%%")
        self.chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        self.bars.attachAxis(self.x_axis)
        self.bars.attachAxis(self.y_axis)
        self.view = QChartView(self.chart)
        set_ids(self.view, "tierChart")
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(180)
        layout.addWidget(self.view, 1)
        self._rows: list[tuple[str, float, float]] = []

    def set_rows(self, rows: list[tuple[str, float | None, float | None]]) -> None:
        """``(tier label, service level, abandon rate)`` fractions (None or NaN shows as 0)."""
        if rows == self._rows:
            return
        labels = [r[0] for r in rows]
        if labels != [r[0] for r in self._rows]:
            self.x_axis.clear()
            if labels:
                self.x_axis.append(labels)
            for s in (self.sl, self.ab):
                s.remove(0, s.count())
                s.append([0.0] * len(rows))
        for i, (_t, sl, ab) in enumerate(rows):
            self.sl.replace(i, 0.0 if sl is None or math.isnan(sl) else 100 * sl)
            self.ab.replace(i, 0.0 if ab is None or math.isnan(ab) else 100 * ab)
        self._rows = list(rows)
