"""Figures -> plain rows for the boards and charts (runs in the metrics thread, no Qt).

Everything the GUI thread shows is prepared here as lists of dicts keyed by a stable id, so the
GUI only copies values into its models (and emits ``dataChanged`` for what differs).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from telephony.metrics import TOTAL, Figures, MetricSettings, derive_queue

OK, AMBER, RED = 0, 1, 2


@dataclass(frozen=True)
class Thresholds:
    """When a row turns amber or red (configurable; see docs/METRICS.md)."""

    sl_target: float = 0.8
    longest_wait_alert: float = 60.0  # red at or above this wait
    amber_wait_fraction: float = 0.5  # amber from this fraction of the alert
    red_sl_margin: float = 0.1  # red when SL is this far under target


@dataclass
class ConsoleView:
    now: float
    interval: int
    current_interval: int
    queue_rows: list[dict[str, Any]] = field(default_factory=list)
    agent_rows: list[dict[str, Any]] = field(default_factory=list)
    staffing_rows: list[dict[str, Any]] = field(default_factory=list)
    tier_rows: list[dict[str, Any]] = field(default_factory=list)
    #: queue id (or ``__all__``) -> rows of interval_start, offered, answered, abandoned, sl
    series: dict[str, list[dict[str, float]]] = field(default_factory=dict)
    compute_ms: float = 0.0
    events: int = 0


def _f(v: Any) -> float:
    try:
        x = float(v)
    except (TypeError, ValueError):
        return math.nan
    return x


def queue_level(row: dict[str, Any], th: Thresholds) -> int:
    wait = row.get("longest_wait") or 0.0
    sl = row.get("sl_interval", math.nan)
    if wait >= th.longest_wait_alert or (
        not math.isnan(sl) and sl < th.sl_target - th.red_sl_margin
    ):
        return RED
    if wait >= th.amber_wait_fraction * th.longest_wait_alert or (
        not math.isnan(sl) and sl < th.sl_target
    ):
        return AMBER
    return OK


def build_view(
    fig: Figures,
    settings: MetricSettings,
    th: Thresholds,
    staffing: list[Any] | None = None,
) -> ConsoleView:
    view = ConsoleView(fig.now, fig.interval, fig.current_interval)
    cur = fig.queues[fig.queues["interval_start"] == fig.current_interval]
    cur_by_q = cur.set_index("queue_id") if len(cur) else cur
    cur_total = (
        derive_queue(
            cur[[c for c in cur.columns if c not in ("interval_start", "queue_id")]]
            .sum()
            .to_frame(TOTAL)
            .T,
            settings,
        )
        if len(cur)
        else None
    )
    today = fig.queue_today
    staff = {s.queue_id: s for s in staffing or []}
    queues = (
        sorted(set(today.index) | set(fig.live_queues)) if len(today) else sorted(fig.live_queues)
    )
    if TOTAL in queues:
        queues.remove(TOTAL)
    needed_total = 0
    for q in [TOTAL, *queues]:
        live = fig.live_queues.get(q, {})
        t = today.loc[q] if q in today.index else None
        if q == TOTAL:
            c = cur_total.iloc[0] if cur_total is not None else None
        else:
            c = cur_by_q.loc[q] if len(cur_by_q) and q in cur_by_q.index else None
        st = staff.get(q)
        if st is not None and st.needed is not None:
            needed_total += st.needed
        row = {
            "queue_id": q,
            "waiting": int(live.get("waiting", 0)),
            "longest_wait": float(live.get("longest_wait", 0.0)),
            "offered": int(t["offered"]) if t is not None else 0,
            "answered": int(t["answered"]) if t is not None else 0,
            "abandoned": int(t["abandoned"]) if t is not None else 0,
            "sl_interval": _f(c["service_level"]) if c is not None else math.nan,
            "sl_today": _f(t["service_level"]) if t is not None else math.nan,
            "asa": _f(t["asa"]) if t is not None else math.nan,
            "aht": _f(t["aht"]) if t is not None else math.nan,
            "abandon_rate": _f(t["abandon_rate"]) if t is not None else math.nan,
            "ready": int(live.get("ready", 0)),
            "on_call": int(live.get("on_call", 0)),
            "wrap_up": int(live.get("wrap_up", 0)),
            "not_ready": int(live.get("not_ready", 0)),
            "needed": (st.needed if st is not None else None),
        }
        row["level"] = queue_level(row, th)
        view.queue_rows.append(row)
    if view.queue_rows and staff:
        view.queue_rows[0]["needed"] = needed_total
    a_today = fig.agent_today
    for a in sorted(fig.agents_live, key=lambda r: r["agent_id"]):
        t = a_today.loc[a["agent_id"]] if a["agent_id"] in a_today.index else None
        view.agent_rows.append(
            {
                **a,
                "handled": int(t["handled"]) if t is not None else 0,
                "aht": _f(t["aht"]) if t is not None else math.nan,
                "occupancy": _f(t["occupancy"]) if t is not None else math.nan,
                "level": RED if a["drift"] else OK,
            }
        )
    for s in staffing or []:
        short = s.needed is not None and s.ready < s.needed
        view.staffing_rows.append({**s.__dict__, "level": AMBER if short else OK})
    for tier, t in fig.tiers.iterrows():
        view.tier_rows.append(
            {
                "tier": str(tier),
                "offered": int(t["offered"]),
                "answered": int(t["answered"]),
                "service_level": _f(t["service_level"]),
                "asa": _f(t["asa"]),
                "abandon_rate": _f(t["abandon_rate"]),
                "level": OK,
            }
        )
    view.tier_rows.sort(key=lambda r: _TIER_ORDER.get(r["tier"], 99))
    view.series = _series(fig.queues, settings)
    return view


_TIER_ORDER = {"platinum": 0, "gold": 1, "silver": 2, "standard": 3, "none": 4}


def _series(per_q: pd.DataFrame, settings: MetricSettings) -> dict[str, list[dict[str, float]]]:
    out: dict[str, list[dict[str, float]]] = {}
    if not len(per_q):
        return out
    cols = ["interval_start", "offered", "answered", "abandoned", "service_level"]
    total = (
        per_q.drop(columns=["queue_id"])
        .groupby("interval_start", as_index=False)
        .sum(numeric_only=True)
    )
    total = derive_queue(total, settings)
    out[TOTAL] = total[cols].to_dict("records")
    for q, g in per_q.groupby("queue_id"):
        out[str(q)] = g.sort_values("interval_start")[cols].to_dict("records")
    return out
