"""Interval reports (CONTRACT section 8) from the switchboard's event log, as CSV or XLSX.

Used by ``agentdesk report`` and by the supervisor console's export. Rows: one per clock-aligned
interval and queue (or agent) with at least one call (or agent time); times in seconds, rates
as fractions 0..1, an empty cell where a rate has no denominator.
"""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import yaml
from sqlalchemy import inspect
from sqlalchemy.engine import Engine

from telephony.metrics import (
    EventFold,
    Figures,
    MetricSettings,
    agent_report,
    load_fold,
    queue_report,
)

#: How far before ``--from`` the log is read, so that agent states entered earlier (and still
#: open at ``--from``) are known.
LOOKBACK = 24 * 3600.0
KINDS = ("queues", "agents")


class ReportError(ValueError):
    """Bad report input (times, interval, output name, rules file) or an unreadable log."""


def parse_time(text: str) -> float:
    """ISO 8601 to unix seconds; a time without an offset is UTC."""
    try:
        dt = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise ReportError(f"not an ISO 8601 time: {text!r}") from exc
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.timestamp()


def iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def settings_from_rules(path: str | os.PathLike[str], base: MetricSettings) -> MetricSettings:
    """``base`` with the rules file's ``defaults.service_level`` and ``ring_timeout``."""
    try:
        with open(path, encoding="utf-8") as fh:
            doc = yaml.safe_load(fh)
    except (OSError, yaml.YAMLError) as exc:
        raise ReportError(f"{path}: cannot read rules: {exc}") from exc
    defaults = (doc or {}).get("defaults") or {} if isinstance(doc, dict) else {}
    sl = defaults.get("service_level") or {}
    try:
        return replace(
            base,
            threshold=float(sl.get("threshold", base.threshold)),
            target=float(sl.get("target", base.target)),
            short_abandon=float(sl.get("short_abandon", base.short_abandon)),
            ring_timeout=float(defaults.get("ring_timeout", base.ring_timeout)),
        )
    except (TypeError, ValueError) as exc:
        raise ReportError(f"{path}: bad service_level settings: {exc}") from exc


def compute(
    engine: Engine,
    since: float,
    until: float,
    settings: MetricSettings,
    now: float | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(queue rows, agent rows) for the intervals starting in ``[since, until)``."""
    if until <= since:
        raise ReportError("--to must be after --from")
    if "event_log" not in inspect(engine).get_table_names():
        raise ReportError("the store has no event log (has a switchboard run with it?)")
    fold = load_fold(engine, since - LOOKBACK, None, settings)
    return tables(fold, since, until, time.time() if now is None else now)


def tables(
    fold: EventFold, since: float, until: float, now: float
) -> tuple[pd.DataFrame, pd.DataFrame]:
    fig: Figures = fold.figures(now, since, until)
    q = queue_report(fig)
    q = q[(q["interval_start"] >= since) & (q["interval_start"] < until)]
    a = agent_report(fig)
    a = a[(a["interval_start"] >= since) & (a["interval_start"] < until)]
    return _present(q), _present(a)


def _present(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out["interval_start"] = [iso(float(t)) for t in out["interval_start"]]
    for c in out.columns:
        if out[c].dtype.kind == "f":
            out[c] = out[c].round(6)
    return out.reset_index(drop=True)


def write(
    path: str | os.PathLike[str], queues: pd.DataFrame, agents: pd.DataFrame, kind: str
) -> None:
    """Write ``.csv`` (the one ``kind``) or ``.xlsx`` (both kinds, two sheets) atomically."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ReportError(f"{target}: the output must end in .csv or .xlsx")
    if kind not in KINDS:
        raise ReportError(f"unknown report kind {kind!r}")
    if not target.parent.is_dir():
        raise ReportError(f"{target.parent}: no such directory")
    fd, tmp = tempfile.mkstemp(prefix=".report-", suffix=suffix, dir=target.parent)
    os.close(fd)
    try:
        if suffix == ".csv":
            frame = queues if kind == "queues" else agents
            frame.to_csv(tmp, index=False, lineterminator="\n")
        else:
            with pd.ExcelWriter(tmp, engine="openpyxl") as xw:
                queues.to_excel(xw, sheet_name="queues", index=False)
                agents.to_excel(xw, sheet_name="agents", index=False)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def report_summary(queues: pd.DataFrame, agents: pd.DataFrame) -> dict[str, Any]:
    return {"queue_rows": len(queues), "agent_rows": len(agents)}
