"""Figures -> plain rows for the boards and charts (runs in the metrics thread, no Qt).

Everything the GUI thread shows is prepared here as lists of dicts keyed by a stable id, so the
GUI only copies values into its models (and emits ``dataChanged`` for what differs).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from telephony.metrics import TOTAL, MetricSettings, Summary

OK, AMBER, RED = 0, 1, 2


@dataclass(frozen=True)
class Thresholds:
    """When a row turns amber or red (configurable; see docs/METRICS.md)."""

    sl_target: float = 0.8
    longest_wait_alert: float = 60.0  # red at or above this wait
    amber_wait_fraction: float = 0.5  # amber from this fraction of the alert
    red_sl_margin: float = 0.1  # red when SL is this far under target


@dataclass
class AgentRows:
    """What the agent rows of the last view showed (kept by the metrics thread)."""

    sigs: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    shown: np.ndarray | None = None  # per agent position: handled, AHT (s), occupancy (0.1 %)
    reserved: set[str] = field(default_factory=set)


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
    queues: list[str] = field(default_factory=list)
    #: agent rows: every one (``agents_full``), else only those whose shown values changed
    #: since the previous view (``agent_changes``) and the ids that left (``agent_removed``);
    #: the clock-driven cells (time in state, talk time) are computed by the model at paint
    agents_full: bool = True
    agent_changes: list[dict[str, Any]] = field(default_factory=list)
    agent_removed: list[str] = field(default_factory=list)
    compute_ms: float = 0.0  # wall time of the refresh in the metrics thread
    compute_cpu_ms: float = 0.0  # its CPU time (what the refresh costs, without contention)
    events: int = 0
    #: what the agent rows show (for the next view's comparison; metrics thread only)
    agent_state: AgentRows | None = field(default=None, repr=False)


def _f(v: Any) -> float | None:
    """A float, or None for a missing or undefined (NaN) figure."""
    try:
        x = float(v)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(x) else x


def queue_level(row: dict[str, Any], th: Thresholds) -> int:
    wait = row.get("longest_wait") or 0.0
    sl = row.get("sl_interval")
    if wait >= th.longest_wait_alert or (sl is not None and sl < th.sl_target - th.red_sl_margin):
        return RED
    if wait >= th.amber_wait_fraction * th.longest_wait_alert or (
        sl is not None and sl < th.sl_target
    ):
        return AMBER
    return OK


def _records(df: pd.DataFrame, cols: list[str]) -> dict[Any, dict[str, Any]]:
    """``{index: {col: value}}`` without per-row pandas indexing."""
    if not len(df):
        return {}
    arrays = [df[c].to_numpy() for c in cols]
    return {
        k: dict(zip(cols, vals, strict=True))
        for k, vals in zip(df.index, zip(*arrays, strict=True), strict=True)
    }


def build_view(
    summ: Summary,
    settings: MetricSettings,
    th: Thresholds,
    staffing: list[Any] | None = None,
    agents: AgentRows | None = None,
    touched: set[str] | None = None,
) -> ConsoleView:
    """The rows of one refresh. With ``agents`` (what the previous view's agent rows showed,
    updated in place) only the agent rows that changed are included: those whose handled
    count, AHT or occupancy changed at the board's precision, the ``touched`` ones (the fold's
    agents whose record or call changed) and the reserved ones (their drift flag runs with the
    clock). Without it (or on its first use) every row is, from ``summ.agents_live``."""
    view = ConsoleView(summ.now, summ.interval, summ.current_interval)
    qcols = ["offered", "answered", "abandoned", "service_level", "asa", "aht", "abandon_rate"]
    today = _records(summ.queue_today, qcols)
    cur = _records(summ.current, ["service_level"])
    staff = {s.queue_id: s for s in staffing or []}
    queues = sorted((set(today) | set(summ.live_queues)) - {TOTAL})
    needed_total = 0
    for st in staff.values():
        needed_total += st.needed or 0
    for q in [TOTAL, *queues]:
        live = summ.live_queues.get(q, {})
        t = today.get(q)
        c = cur.get(q)
        st = staff.get(q)
        row = {
            "queue_id": q,
            "waiting": int(live.get("waiting", 0)),
            "longest_wait": float(live.get("longest_wait", 0.0)),
            "offered": int(t["offered"]) if t else 0,
            "answered": int(t["answered"]) if t else 0,
            "abandoned": int(t["abandoned"]) if t else 0,
            "sl_interval": _f(c["service_level"]) if c else None,
            "sl_today": _f(t["service_level"]) if t else None,
            "asa": _f(t["asa"]) if t else None,
            "aht": _f(t["aht"]) if t else None,
            "abandon_rate": _f(t["abandon_rate"]) if t else None,
            "ready": int(live.get("ready", 0)),
            "on_call": int(live.get("on_call", 0)),
            "wrap_up": int(live.get("wrap_up", 0)),
            "not_ready": int(live.get("not_ready", 0)),
            "needed": (needed_total if q == TOTAL and staff else st.needed if st else None),
        }
        row["level"] = queue_level(row, th)
        view.queue_rows.append(row)
    # agents: every row (first view), else only the rows whose shown values changed
    at = summ.agent_today
    handled = at["handled"].to_numpy(dtype=float) if len(at) else np.zeros(0)
    aht = at["aht"].to_numpy(dtype=float) if len(at) else np.zeros(0)
    occ = at["occupancy"].to_numpy(dtype=float) if len(at) else np.zeros(0)
    # what the board shows of them, at its precision (AHT in seconds, occupancy in 0.1 %)
    shown = np.column_stack([handled, np.round(aht), np.round(occ, 3)])
    a_pos = {k: i for i, k in enumerate(at.index)}
    full = agents is None or agents.shown is None
    st = AgentRows() if agents is None else agents
    view.agents_full = full
    out = view.agent_rows if full else view.agent_changes
    if full:
        st.sigs.clear()
        st.reserved.clear()
        candidates = sorted(a["agent_id"] for a in summ.agents_live)
        by_id = {a["agent_id"]: a for a in summ.agents_live}
    else:
        assert st.shown is not None and summ.live_agent is not None
        prev, m = st.shown, min(len(st.shown), len(shown))
        same = (prev[:m] == shown[:m]) | (np.isnan(prev[:m]) & np.isnan(shown[:m]))
        moved = np.flatnonzero(~same.all(axis=1)).tolist() + list(range(m, len(shown)))
        keys = at.index
        names = {str(keys[i]) for i in moved} | (touched or set()) | st.reserved
        candidates = sorted(names)
        by_id = {}
        for aid in candidates:
            got = summ.live_agent(aid)
            if got is not None:
                by_id[aid] = got
    st.shown = shown
    sh = shown.tolist()
    for aid in candidates:
        a = by_id.get(aid)
        if a is None:
            continue
        i = a_pos.get(aid)
        if i is None:
            n_handled, x, y = 0, None, None
            sig_tail: tuple[Any, ...] = (0, None, None)
        else:
            n_handled, x, y = int(handled[i]), float(aht[i]), float(occ[i])
            x = None if x != x else x  # NaN (undefined) -> None
            y = None if y != y else y
            sig_tail = tuple(sh[i])
        sig = (
            a["state"],
            a["reason"],
            a["since"],
            a["call_id"],
            a["call_ani"],
            a["call_queue"],
            a["answered_at"],
            a["name"],
            a["drift"],
            *sig_tail,
        )
        if a["state"] == "reserved":  # may drift with the clock alone: looked at each time
            st.reserved.add(aid)
        else:
            st.reserved.discard(aid)
        if not full and st.sigs.get(aid) == sig:
            continue
        st.sigs[aid] = sig
        row = dict(a)
        row["handled"], row["aht"], row["occupancy"] = n_handled, x, y
        row["level"] = RED if a["drift"] else OK
        out.append(row)
    view.agent_state = st
    for s in staffing or []:
        short = s.needed is not None and s.ready < s.needed
        row = {k: (_f(v) if isinstance(v, float) else v) for k, v in s.__dict__.items()}
        view.staffing_rows.append({**row, "level": AMBER if short else OK})
    tiers = _records(summ.tiers, ["offered", "answered", "service_level", "asa", "abandon_rate"])
    for tier, t in tiers.items():
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
    cols = ["offered", "answered", "abandoned", "service_level"]
    for q, df in summ.series.items():
        view.series[q] = [
            {"interval_start": float(iv), **vals} for iv, vals in _records(df, cols).items()
        ]
    view.queues = queues
    return view


_TIER_ORDER = {"platinum": 0, "gold": 1, "silver": 2, "standard": 3, "none": 4}
