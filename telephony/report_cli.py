"""``agentdesk report``: interval reports from the switchboard's event log (CONTRACT 8)."""

from __future__ import annotations

import argparse
import sys

from sqlalchemy.exc import SQLAlchemyError

from agentdesk.config import Settings
from agentdesk.errors import AgentdeskError, UsageError
from store.db import make_engine
from telephony.metrics import MetricSettings
from telephony.reports import ReportError, compute, parse_time, settings_from_rules, write


def metric_settings(settings: Settings, interval_minutes: int = 30) -> MetricSettings:
    """Service-level settings from the configuration, then from the rules file if one is set."""
    try:
        base = MetricSettings(
            threshold=float(settings["sl_threshold"]),
            target=float(settings["sl_target"]),
            short_abandon=float(settings["short_abandon"]),
            interval=int(interval_minutes) * 60,
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    rules = str(settings.get("rules") or "")
    if rules:
        try:
            base = settings_from_rules(rules, base)
        except ReportError as exc:
            raise AgentdeskError(str(exc)) from exc
    return base


def run(args: argparse.Namespace, settings: Settings) -> int:
    if args.interval <= 0 or 1440 % args.interval:
        raise UsageError(
            f"--interval must divide a day in minutes (15, 30, 60...), got {args.interval}"
        )
    if not str(args.out).lower().endswith((".csv", ".xlsx")):
        raise UsageError(f"--out must end in .csv or .xlsx: {args.out}")
    try:
        since, until = parse_time(args.from_), parse_time(args.to)
    except ReportError as exc:
        raise UsageError(str(exc)) from exc
    if until <= since:
        raise UsageError("--to must be after --from")
    ms = metric_settings(settings, args.interval)
    try:
        engine = make_engine(args.store)
    except (SQLAlchemyError, ValueError, ImportError) as exc:  # as the store commands say it
        raise UsageError(f"bad store URL {args.store!r}: {exc}") from exc
    try:
        queues, agents = compute(engine, since, until, ms)
        write(args.out, queues, agents, args.kind)
    except ReportError as exc:
        raise AgentdeskError(str(exc)) from exc
    except SQLAlchemyError as exc:
        first = str(exc).splitlines()[0] if str(exc) else ""
        raise AgentdeskError(f"cannot read the event log: {type(exc).__name__}: {first}") from exc
    print(
        f"{args.out}: {len(queues)} queue rows, {len(agents)} agent rows",
        file=sys.stderr,
    )
    return 0
