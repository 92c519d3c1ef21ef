"""``agentdesk switchboard`` and ``agentdesk ivr-sim`` (CONTRACT section 1)."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agentdesk.config import Settings
from agentdesk.errors import AgentdeskError, UsageError

if TYPE_CHECKING:
    from telephony.security import ServerCurve

log = logging.getLogger(__name__)


def _rules_path(args: argparse.Namespace, settings: Settings) -> str:
    path = getattr(args, "rules", None) or settings["rules"]
    if not path:
        raise UsageError("no rules file: give --rules FILE (or set `rules` in agentdesk.toml)")
    return str(path)


def _store_url(args: argparse.Namespace, settings: Settings) -> str:
    url = getattr(args, "store", None) or settings.store_url
    return str(url)


def _server_curve(args: argparse.Namespace, settings: Settings) -> ServerCurve | None:
    """The secured bus from ``--keys``/``--server-key`` (or ``bus_keys``/``bus_server_secret``);
    None for the plain bus. A keys file that does not parse exits 2 (``FILE:LINE: reason``)."""
    from telephony.security import ServerCurve

    keys = getattr(args, "keys", None) or str(settings["bus_keys"] or "")
    server = getattr(args, "server_key", None) or str(settings["bus_server_secret"] or "")
    if not keys and not server:
        return None
    if not (keys and server):
        raise UsageError("a secured bus needs both --keys FILE and --server-key FILE")
    return ServerCurve.from_files(server, keys)


def switchboard(args: argparse.Namespace, settings: Settings) -> int:
    from telephony.rules import RulesError, load_rules
    from telephony.security import KeysError

    path = _rules_path(args, settings)
    try:
        rules = load_rules(path)
        curve = _server_curve(args, settings)
    except (RulesError, KeysError) as exc:
        for line in exc.errors:
            print(line, file=sys.stderr)
        return 2
    if args.check:
        print(
            f"{path}: ok ({len(rules.queues)} queues, {len(rules.rules)} rules, "
            f"fallback {rules.fallback.steps[0].queue})"
            + (f"; {len(curve.clients)} client keys" if curve is not None else "")
        )
        return 0
    from telephony.switchboard import Switchboard

    url = _store_url(args, settings)
    if not url:
        raise UsageError("no store: give --store URL")
    sb = Switchboard(
        rules,
        store_url=url,
        commands=str(settings["commands_endpoint"]),
        events=str(settings["events_endpoint"]),
        region=str(settings["default_region"]),
        curve=curve,
    )

    def _term(_signo: int, _frame: Any) -> None:
        sb.stop()

    signal.signal(signal.SIGTERM, _term)
    # The socket loop shares the GIL with the caller-lookup and event-log threads: switch often
    # so a reply or an offer never waits a whole default 5 ms slice behind a database call.
    sys.setswitchinterval(0.0005)
    try:
        sb.open()
        print(
            f"switchboard epoch {sb.epoch}: commands {sb.commands_endpoint}, "
            f"events {sb.events_endpoint}",
            flush=True,
        )
        sb.serve_open()
    except KeyboardInterrupt:
        sb.stop()
    return 0


def ivr_sim(args: argparse.Namespace, settings: Settings) -> int:
    from telephony.ivrsim import IvrSim, load_callers
    from telephony.security import client_curve_from_settings

    if args.rate <= 0:
        raise UsageError("--rate must be > 0 calls per minute")
    if args.count is not None and args.count < 0:
        raise UsageError("--count must be >= 0")
    url = getattr(args, "store", None) or settings.values.get("store_url") or ""
    if not url:
        default = settings.store_url  # the desktop's default store, if one was made
        path = default.removeprefix("sqlite:///")
        url = default if Path(path).is_file() else ""
    callers = None
    if url:
        try:
            callers = load_callers(str(url), str(settings["default_region"]))
        except Exception as exc:
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise AgentdeskError(f"cannot read callers from the store: {first}") from exc
    sim = IvrSim(
        str(settings["commands_endpoint"]),
        str(settings["events_endpoint"]),
        rate_per_min=args.rate,
        count=args.count,
        duration=args.duration,
        callers=callers,
        seed=args.seed,
        patience_median=getattr(args, "patience", None) or 60.0,
        curve=client_curve_from_settings(settings),
    )
    try:
        summary = sim.run()
    except KeyboardInterrupt:
        summary = sim.summary()
    if sim.placed == 0 and sim.failed:
        raise AgentdeskError(f"no call placed: {sim.last_error}")
    print(summary)
    return 0
