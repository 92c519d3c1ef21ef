"""The interval and tier charts show the rows they are given (QtCharts, offscreen)."""

from __future__ import annotations

import itertools
import math
import time

import pytest

from desktop.supervisor.worker import day_intervals, day_start
from desktop.widgets.supervisor_charts import IntervalChart, TierChart, parse_hours
from tests.desktop.conftest import WAIT_MS

T = 1_800_000_000.0
DAY = day_intervals(T, 1800)  # the local day holding T, in 30-minute intervals
T0 = DAY[0]  # its first interval (holding midnight)


def rows(n: int, sl: float = 0.5) -> list[dict]:
    return [
        {"interval_start": T0 + 1800 * i, "offered": 10 + i, "answered": 8 + i,
         "abandoned": 1, "service_level": sl if i else math.nan}
        for i in range(n)
    ]  # fmt: skip


def offered(chart: IntervalChart) -> list[float]:
    s = chart.sets["offered"]
    return [s.at(i) for i in range(s.count())]


def test_the_day_intervals_run_from_midnight_to_midnight() -> None:
    d0 = day_start(T)
    assert DAY[0] <= d0 < DAY[0] + 1800 and d0 + 86400 - 3600 <= DAY[-1] + 1800
    assert all(b - a == 1800 for a, b in itertools.pairwise(DAY))
    assert len(DAY) == 48 or time.localtime(T).tm_isdst != time.localtime(T + 86400).tm_isdst
    assert day_intervals(DAY[-1] + 1, 1800) == DAY and day_intervals(DAY[-1] + 1800, 1800) != DAY
    assert len(day_intervals(T, 900)) == 2 * len(DAY)


def test_interval_chart_shows_the_whole_day_and_fills_it(qtbot) -> None:
    chart = IntervalChart()
    qtbot.addWidget(chart)
    assert chart.view.objectName() == "intervalChart"
    chart.set_day(DAY)
    # a bar per interval of the day; the time axis spans them, labelled every 4 hours
    assert chart.sets["offered"].count() == len(DAY)
    assert (chart.x_axis.min(), chart.x_axis.max()) == (-0.5, len(DAY) - 0.5)
    labels = chart.x_axis.categoriesLabels()
    hours = [t for t in DAY if time.localtime(t).tm_min == 0 and time.localtime(t).tm_hour % 4 == 0]
    assert labels == [time.strftime("%H:%M", time.localtime(t)) for t in hours]
    assert [chart.x_axis.endValue(x) for x in labels] == [DAY.index(t) - 0.5 for t in hours]
    assert offered(chart) == [0.0] * len(DAY)  # the intervals to come: empty bars
    chart.set_series({"__all__": rows(2)})
    assert offered(chart)[:3] == [10, 11, 0]
    chart.set_series({"__all__": rows(3, sl=0.75)})  # a new interval: its bars fill
    assert offered(chart)[:4] == [10, 11, 12, 0] and chart.x_axis.categoriesLabels() == labels
    assert chart.shown_rows() == rows(3, sl=0.75)
    # no SL point where SL is undefined (first interval), percentages elsewhere
    assert [(p.x(), p.y()) for p in chart.sl_line.points()] == [(1.0, 75.0), (2.0, 75.0)]
    chart.set_queues(["billing", "vip"])
    assert chart.queue_box.findData("vip") > 0
    chart.queue_box.setCurrentIndex(chart.queue_box.findData("vip"))
    assert chart.selected_queue() == "vip" and offered(chart) == [0.0] * len(DAY)
    assert chart.sl_line.count() == 0


def test_the_calls_axis_steps_up_to_round_figures_and_not_down(qtbot) -> None:
    chart = IntervalChart()
    qtbot.addWidget(chart)
    chart.set_day(DAY)
    chart.set_series({"__all__": rows(3)})  # at most 12 calls: room above, a round top
    assert (chart.y_axis.max(), chart.y_axis.tickCount()) == (15, 4)  # 0, 5, 10, 15
    busy = rows(3)
    busy[2] = {**busy[2], "offered": 95}
    chart.set_series({"__all__": busy, "vip": rows(1)})
    assert (chart.y_axis.max(), chart.y_axis.tickCount()) == (150, 7)  # 0, 25, ... 150
    chart.set_series({"__all__": rows(3), "vip": rows(1)})  # a quieter figure: the axis stays
    assert chart.y_axis.max() == 150
    chart.set_queues(["vip"])  # another queue: its own scale
    chart.queue_box.setCurrentIndex(chart.queue_box.findData("vip"))
    assert chart.selected_queue() == "vip" and chart.y_axis.max() == 15


def test_a_new_day_starts_empty_and_rows_outside_the_day_are_not_shown(qtbot) -> None:
    chart = IntervalChart()
    qtbot.addWidget(chart)
    chart.set_day(DAY)
    day = rows(48)
    chart.set_series({"__all__": day})
    qtbot.waitUntil(lambda: chart.shown_rows() == day, timeout=WAIT_MS)
    assert offered(chart)[: len(DAY)] == [10.0 + i for i in range(len(DAY))]
    nxt = day_intervals(DAY[-1] + 1800, 1800)
    chart.set_day(nxt)
    assert offered(chart) == [0.0] * len(nxt) and chart.sl_line.count() == 0
    chart.set_series({"__all__": [{**day[0], "interval_start": nxt[1]}, day[5]]})
    assert offered(chart)[:3] == [0.0, 10.0, 0.0] and sum(offered(chart)) == 10.0


def test_a_whole_day_of_bars_is_filled_in_a_few_turns(qtbot) -> None:
    chart = IntervalChart()
    qtbot.addWidget(chart)
    chart.set_day(DAY)
    day = rows(40, sl=0.5)
    chart.set_series({"__all__": day})  # the calls axis steps up first, then the bars
    assert chart.y_axis.max() == 60 and chart.shown_rows() == []
    assert 0 < sum(1 for v in offered(chart) if v) < 40
    qtbot.waitUntil(lambda: chart.shown_rows() == day, timeout=WAIT_MS)
    assert offered(chart) == [10.0 + i for i in range(40)] + [0.0] * (len(DAY) - 40)
    assert [chart.sets["abandoned"].at(i) for i in (0, 39, 40)] == [1.0, 1.0, 0.0]
    assert len(chart.sl_line.points()) == 39


def test_the_calls_axis_ticks_are_whole_round_steps() -> None:
    from desktop.widgets.supervisor_charts import _nice_ceiling, _tick_count

    for top in sorted({_nice_ceiling(x) for x in range(1, 5000)}):
        n = _tick_count(top)
        step = top / (n - 1)
        assert 2 <= n <= 7 and step == int(step), (top, n)


def test_tier_chart(qtbot) -> None:
    chart = TierChart()
    qtbot.addWidget(chart)
    chart.set_rows([("gold", 0.9, 0.05), ("none", None, math.nan)])
    assert chart.x_axis.categories() == ["gold", "none"]
    assert chart.sl.at(0) == 90.0 and chart.sl.at(1) == 0.0


def _hour(t: float) -> float:
    lt = time.localtime(t)
    return lt.tm_hour + lt.tm_min / 60


def test_the_chart_shows_the_centers_hours_and_widens_for_calls_outside_them(qtbot) -> None:
    chart = IntervalChart(hours=(7.0, 21.0))
    qtbot.addWidget(chart)
    chart.set_day(DAY)
    inside = [i for i, t in enumerate(DAY) if 7 <= _hour(t) < 21]
    assert chart.sets["offered"].count() == len(DAY)  # bars for the whole day, 07-21 shown
    assert (chart.x_axis.min(), chart.x_axis.max()) == (inside[0] - 0.5, inside[-1] + 0.5)
    assert chart.shown_window() == (7.0, 21.0)
    labels = chart.x_axis.categoriesLabels()  # 14 hours: a label every 2 hours
    assert labels == ["08:00", "10:00", "12:00", "14:00", "16:00", "18:00", "20:00"]
    # an early call at 05:30 widens the axis to 05:00, by whole hours; nothing else moves
    early = next(i for i, t in enumerate(DAY) if _hour(t) == 5.5)
    row = {"interval_start": DAY[early], "offered": 3, "answered": 3, "abandoned": 0,
           "service_level": 1.0}  # fmt: skip
    chart.set_series({"__all__": [row]})
    assert chart.shown_window() == (5.0, 21.0) and offered(chart)[early] == 3
    assert chart.x_axis.min() == early - 1.5 and chart.x_axis.categoriesLabels()[0] == "06:00"
    # a late one at 22:30 widens it to 23:00; past 16 hours, a label every 4 hours
    late = next(i for i, t in enumerate(DAY) if _hour(t) == 22.5)
    chart.set_series({"__all__": [row, {**row, "interval_start": DAY[late]}]})
    assert chart.shown_window() == (5.0, 23.0)
    assert chart.x_axis.categoriesLabels() == ["08:00", "12:00", "16:00", "20:00"]
    # a new day starts on the center's hours again
    chart.set_day(day_intervals(DAY[-1] + 1800, 1800))
    assert chart.shown_window() == (7.0, 21.0)


def test_chart_hours_are_read_or_refused_with_the_reason() -> None:
    assert parse_hours("07:00-21:00") == (7.0, 21.0)
    assert parse_hours(" 06:30 - 24:00 ") == (6.5, 24.0)
    for bad, why in (
        ("7-21", "expected HH:MM-HH:MM"),
        ("07:00", "expected HH:MM-HH:MM"),
        ("07:75-21:00", "expected HH:MM-HH:MM"),
        ("21:00-07:00", "the start must come before the end"),
        ("00:00-25:00", "the start must come before the end"),
    ):
        with pytest.raises(ValueError, match=why):
            parse_hours(bad)
