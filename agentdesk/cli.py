"""The ``agentdesk`` command line (CONTRACT section 1).

The parser is defined here in one place, because the flags are the external contract; each
sub-command's work lives in the package that owns it and is imported only when that command
runs (so ``agentdesk store ...`` never loads Qt). A handler is ``run(args, settings) -> int``.

Exit status: 0 success, 2 bad usage, 1 runtime error with a one-line message on stderr (a
traceback only with ``--debug``).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import logging.handlers
import sys
from collections.abc import Callable, Sequence
from typing import Any

from agentdesk.config import Settings, load_settings, user_log_dir
from agentdesk.errors import AgentdeskError, UsageError

Handler = Callable[[argparse.Namespace, Settings], int]


class _LazyVersion(argparse.Action):
    """``--version``: the version is looked up only when asked for (importlib.metadata is slow
    to import; see ``agentdesk.__getattr__``)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS) -> None:
        super().__init__(
            option_strings,
            dest,
            default=argparse.SUPPRESS,
            nargs=0,
            help="show program's version number and exit",
        )

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        import agentdesk

        parser._print_message(f"agentdesk {agentdesk.__version__}\n", sys.stdout)
        parser.exit()


def _common(p: argparse.ArgumentParser, top: bool = False) -> None:
    # Sub-parsers must not reset a --debug given before the sub-command.
    p.add_argument(
        "--debug",
        action="store_true",
        default=False if top else argparse.SUPPRESS,
        help="show tracebacks and debug logging",
    )


def _bus(p: argparse.ArgumentParser) -> None:
    p.add_argument("--commands", metavar="EP", help="switchboard command endpoint (ROUTER)")
    p.add_argument("--events", metavar="EP", help="switchboard event endpoint (PUB)")


def _region(p: argparse.ArgumentParser) -> None:
    p.add_argument("--region", metavar="CC", help="default phone region (default: CN)")


def _ui(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", metavar="LANG", help="UI language: en or zh_CN (default: system)")
    p.add_argument("--theme", choices=["light", "dark"], help="UI theme")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="agentdesk",
        description="Contact-center agent desktop with CTI screen-pop.",
    )
    parser.add_argument("--version", action=_LazyVersion)
    _common(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("demo", help="one-command demo on an embedded SQLite store")
    p.set_defaults(handler="desktop.demo:run")
    p.add_argument("--supervisor", action="store_true", help="also open the supervisor console")
    p.add_argument(
        "--agent", metavar="ID", help="the agent you log in as (default: first demo agent)"
    )
    p.add_argument("--data-dir", metavar="DIR", help="where the demo keeps its store")
    p.add_argument("--rate", type=float, default=6.0, help="demo calls per minute")
    p.add_argument("--agents", type=int, default=4, help="simulated agents besides you")
    p.add_argument(
        "--quit-after", type=float, metavar="S", help="exit after S seconds (smoke tests)"
    )
    _bus(p)
    _ui(p)
    _common(p)

    p = sub.add_parser("desktop", help="the agent desktop (or --supervisor console)")
    p.set_defaults(handler="desktop.app:run")
    p.add_argument("--agent", metavar="ID", help="agent id to log in as")
    p.add_argument("--supervisor", action="store_true", help="open the supervisor console")
    p.add_argument("--store", metavar="URL", help="local store URL (SQLite replica)")
    p.add_argument("--central", metavar="URL", help="central store URL to sync with")
    p.add_argument(
        "--quit-after", type=float, metavar="S", help="exit after S seconds (smoke tests)"
    )
    _bus(p)
    _ui(p)
    _region(p)
    _common(p)

    p = sub.add_parser("switchboard", help="the call-routing service (ACD) on the bus")
    p.set_defaults(handler="telephony.cli:switchboard")
    p.add_argument("--rules", metavar="FILE", help="routing rules YAML")
    p.add_argument("--store", metavar="URL", help="store URL (customers, agents, event log)")
    p.add_argument("--check", action="store_true", help="validate the rules file and exit")
    p.add_argument("--keys", metavar="FILE", help="clients' keys file: serve a secured (CURVE) bus")
    p.add_argument(
        "--server-key", metavar="FILE", help="the switchboard's CURVE key pair (.key_secret)"
    )
    _bus(p)
    _region(p)
    _common(p)

    p = sub.add_parser("ivr-sim", help="publish synthetic IVR calls")
    p.set_defaults(handler="telephony.cli:ivr_sim")
    p.add_argument("--rate", type=float, default=6.0, metavar="CALLS_PER_MIN")
    p.add_argument("--count", type=int, metavar="N", help="stop after N calls")
    p.add_argument("--duration", type=float, metavar="S", help="stop after S seconds")
    p.add_argument("--store", metavar="URL", help="store to draw callers from")
    p.add_argument("--seed", type=int, help="random seed")
    p.add_argument(
        "--patience", type=float, metavar="S", help="median caller patience in seconds (60)"
    )
    _bus(p)
    _region(p)
    _common(p)

    p = sub.add_parser("store", help="create, import, seed and sync stores")
    _common(p)
    ssub = p.add_subparsers(dest="store_command", metavar="STORE_COMMAND", required=True)
    q = ssub.add_parser("init", help="create or migrate the schema")
    q.set_defaults(handler="store.cli:init")
    q.add_argument("--url", required=True, metavar="URL")
    _common(q)
    q = ssub.add_parser("import", help="load CSV files (customers, purchases, issues, ...)")
    q.set_defaults(handler="store.cli:import_csv")
    q.add_argument("--url", required=True, metavar="URL")
    q.add_argument("dir", metavar="DIR")
    _region(q)
    _common(q)
    q = ssub.add_parser("seed", help="generate synthetic CRM data")
    q.set_defaults(handler="store.cli:seed")
    q.add_argument("--url", required=True, metavar="URL")
    q.add_argument("--customers", type=int, required=True, metavar="N")
    q.add_argument("--seed", type=int, default=42, help="random seed (deterministic output)")
    q.add_argument("--agents", type=int, metavar="N", help="agents to create")
    _region(q)
    _common(q)
    q = ssub.add_parser("sync", help="incremental sync of a local replica with central")
    q.set_defaults(handler="store.cli:sync")
    q.add_argument("--central", required=True, metavar="URL")
    q.add_argument("--local", required=True, metavar="PATH")
    q.add_argument("--watch", action="store_true", help="keep syncing")
    q.add_argument("--interval", type=float, metavar="S", help="seconds between syncs with --watch")
    q.add_argument("--batch", type=int, metavar="N", help="rows per pull batch (default 20000)")
    _common(q)

    p = sub.add_parser("lookup", help="print the screen-pop card as JSON")
    p.set_defaults(handler="store.cli:lookup")
    p.add_argument("--url", required=True, metavar="URL")
    g = p.add_mutually_exclusive_group(required=True)
    g.add_argument("--phone", metavar="P")
    g.add_argument("--customer", metavar="ID")
    _region(p)
    _common(p)

    p = sub.add_parser("report", help="interval reports from the switchboard event log")
    p.set_defaults(handler="telephony.report_cli:run")
    p.add_argument("--store", required=True, metavar="URL")
    p.add_argument("--from", dest="from_", required=True, metavar="T")
    p.add_argument("--to", required=True, metavar="T")
    p.add_argument("--interval", type=int, default=30, metavar="MIN")
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--kind", choices=["queues", "agents"], default="queues")
    p.add_argument("--rules", metavar="FILE", help="rules file for service-level settings")
    _common(p)
    return parser


def _flag_overrides(args: argparse.Namespace) -> dict[str, Any]:
    mapping = {
        "commands": "commands_endpoint",
        "events": "events_endpoint",
        "region": "default_region",
        "lang": "language",
        "theme": "theme",
        "rules": "rules",
    }
    return {key: getattr(args, flag) for flag, key in mapping.items() if hasattr(args, flag)}


def _resolve(spec: str) -> Handler:
    module_name, _, func = spec.partition(":")
    handler: Handler = getattr(importlib.import_module(module_name), func)
    return handler


#: Long-running commands also log to ``<user log dir>/agentdesk.log`` (rotated).
_FILE_LOGGED = {"demo", "desktop", "switchboard", "ivr-sim"}


def _setup_logging(args: argparse.Namespace, settings: Settings) -> None:
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_agentdesk", False)]:
        root.removeHandler(old)  # main() run again in one process (tests, embedding)
        old.close()
    console = logging.StreamHandler()
    console._agentdesk = True  # type: ignore[attr-defined]
    console.setLevel(logging.DEBUG if args.debug else logging.WARNING)
    console.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(console)
    level = logging.DEBUG if args.debug else logging.WARNING
    wants_file = args.command in _FILE_LOGGED or getattr(args, "watch", False)
    if wants_file:
        file_level = logging.getLevelName(str(settings["log_level"]).upper())
        if not isinstance(file_level, int):
            file_level = logging.INFO
        try:
            log_dir = user_log_dir()
            log_dir.mkdir(parents=True, exist_ok=True)
            handler = logging.handlers.RotatingFileHandler(
                log_dir / "agentdesk.log", maxBytes=5_000_000, backupCount=5, encoding="utf-8"
            )
        except OSError as exc:  # a read-only home must not stop the desktop
            console.handle(
                logging.makeLogRecord({"msg": f"no log file: {exc}", "levelno": logging.WARNING})
            )
        else:
            handler._agentdesk = True  # type: ignore[attr-defined]
            handler.setLevel(file_level)
            handler.setFormatter(
                logging.Formatter("%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s")
            )
            root.addHandler(handler)
            level = min(level, file_level)
    root.setLevel(level)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = load_settings(_flag_overrides(args))
        _setup_logging(args, settings)
        handler = _resolve(args.handler)
        return int(handler(args, settings) or 0)
    except UsageError as exc:
        parser.exit(2, f"agentdesk: error: {exc}\n")
    except AgentdeskError as exc:
        if args.debug:
            raise
        print(f"agentdesk: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if args.debug:
            raise
        print(f"agentdesk: error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
