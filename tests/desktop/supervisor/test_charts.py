"""The interval and tier charts show the rows they are given (QtCharts, offscreen)."""

from __future__ import annotations

import math

from desktop.widgets.supervisor_charts import IntervalChart, TierChart
from tests.desktop.conftest import WAIT_MS

T = 1_800_000_000.0


def rows(n: int, sl: float = 0.5) -> list[dict]:
    return [
        {"interval_start": T + 1800 * i, "offered": 10 + i, "answered": 8 + i,
         "abandoned": 1, "service_level": sl if i else math.nan}
        for i in range(n)
    ]  # fmt: skip


def test_interval_chart_grows_with_the_day(qtbot) -> None:
    chart = IntervalChart()
    qtbot.addWidget(chart)
    assert chart.view.objectName() == "intervalChart"
    chart.set_series({"__all__": rows(2)})
    assert chart.x_axis.count() == 2 and chart.sets["offered"].count() == 2
    chart.set_series({"__all__": rows(3, sl=0.75)})  # a new interval: appended
    assert chart.x_axis.count() == 3
    assert [chart.sets["offered"].at(i) for i in range(3)] == [10, 11, 12]
    # no SL point where SL is undefined (first interval), percentages elsewhere
    assert [p.y() for p in chart.sl_line.points()] == [75.0, 75.0]
    chart.set_queues(["billing", "vip"])
    assert chart.queue_box.findData("vip") > 0
    chart.queue_box.setCurrentIndex(chart.queue_box.findData("vip"))
    assert chart.selected_queue() == "vip" and chart.sets["offered"].count() == 0


def test_tier_chart(qtbot) -> None:
    chart = TierChart()
    qtbot.addWidget(chart)
    chart.set_rows([("gold", 0.9, 0.05), ("none", None, math.nan)])
    assert chart.x_axis.categories() == ["gold", "none"]
    assert chart.sl.at(0) == 90.0 and chart.sl.at(1) == 0.0


def test_a_whole_day_is_built_a_few_intervals_a_turn(qtbot) -> None:
    chart = IntervalChart()
    qtbot.addWidget(chart)
    day = rows(48, sl=0.5)
    chart.set_series({"__all__": day})
    assert chart.x_axis.count() == IntervalChart.CHUNK  # the rest follows in the next turns
    qtbot.waitUntil(lambda: chart.shown_rows() == day, timeout=WAIT_MS)
    assert chart.x_axis.count() == 48 and chart.sets["offered"].count() == 48
    assert [chart.sets["offered"].at(i) for i in (0, 47)] == [10, 57]
    assert len(chart.sl_line.points()) == 47
