"""``agentdesk demo``: the whole product on one machine, nothing configured.

First run only: a "central" SQLite store seeded with demo customers (``store.seed``) and the
desk's replica synced from it, both under ``<user data dir>/demo`` (``--data-dir`` overrides).
Every run: a switchboard on free loopback ports (unless ``--commands/--events`` are given) with
``resources/rules/demo.yaml``, simulated agents, the IVR call generator, and the agent desktop
logged in as a real agent (``--agent``, default the first demo agent) and made ready, so calls
start ringing at you. ``--supervisor`` also opens the supervisor console.
"""

from __future__ import annotations

import argparse
import logging
import socket
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer

from agentdesk.config import Settings, user_data_dir
from agentdesk.errors import AgentdeskError
from agentdesk.resources import resource_path

log = logging.getLogger(__name__)

DEMO_CUSTOMERS = 5000
DEMO_SEED = 42


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def prepare_stores(folder: Path, customers: int = DEMO_CUSTOMERS) -> tuple[str, str]:
    """(central URL, replica URL); seeded and synced on the first run only."""
    from store.db import make_engine
    from store.schema import migrate
    from store.seed import seed
    from store.sync import sync_once

    folder.mkdir(parents=True, exist_ok=True)
    central_url = f"sqlite:///{folder / 'central.db'}"
    replica_url = f"sqlite:///{folder / 'replica.db'}"
    marker = folder / ".seeded"
    central = make_engine(central_url)
    replica = make_engine(replica_url)
    try:
        if not marker.exists():
            for name in ("central.db", "replica.db"):
                for suffix in ("", "-wal", "-shm"):
                    (folder / f"{name}{suffix}").unlink(missing_ok=True)
            central.dispose()
            replica.dispose()
            migrate(central)
            print(f"agentdesk demo: creating demo data in {folder} (first run only)…", flush=True)
            seed(central, customers, seed=DEMO_SEED)
            sync_once(central, replica)
            marker.write_text("ok\n", "utf-8")
        else:
            migrate(central)
    finally:
        central.dispose()
        replica.dispose()
    return central_url, replica_url


def first_agent(url: str) -> str:
    from store.db import make_engine
    from store.directory import list_agents

    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            agents = list_agents(conn)
    finally:
        engine.dispose()
    if not agents:
        raise AgentdeskError("the demo store has no agents")
    return str(agents[0].agent_id)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from desktop.app import DesktopApp, dispose_qapp, make_qapp, open_supervisor
    from telephony.ivrsim import IvrSim, load_callers
    from telephony.rules import load_rules
    from telephony.simagents import SimAgents, agents_from_store
    from telephony.switchboard import Switchboard

    folder = Path(args.data_dir).expanduser() if args.data_dir else user_data_dir() / "demo"
    central_url, replica_url = prepare_stores(folder)
    commands = getattr(args, "commands", None) or f"tcp://127.0.0.1:{_free_port()}"
    events = getattr(args, "events", None) or f"tcp://127.0.0.1:{_free_port()}"
    rules_path = str(settings["rules"] or resource_path("rules", "demo.yaml"))
    settings = settings.with_overrides(
        {"commands_endpoint": commands, "events_endpoint": events, "rules": rules_path},
        "demo",
    )
    me = args.agent or first_agent(central_url)
    parts: list[Any] = []
    app = make_qapp(settings, native_dialogs=bool(getattr(args, "supervisor", False)))
    desk = None
    console = None
    try:
        sb = Switchboard(
            load_rules(rules_path),
            store_url=central_url,
            commands=commands,
            events=events,
            region=str(settings["default_region"]),
        )
        sb.start()
        parts.append(sb)
        sims = SimAgents(
            commands,
            events,
            agents_from_store(central_url, limit=max(0, int(args.agents)), exclude={me}),
            seed=DEMO_SEED,
        )
        if sims.sims:
            sims.start()
            parts.append(sims)
        desk = DesktopApp(
            settings,
            agent_id=me,
            store_url=replica_url,
            central_url=central_url,
            data_dir=folder / "desk",
            auto_ready=True,
        )
        desk.start()
        ivr = IvrSim(
            commands,
            events,
            rate_per_min=float(args.rate),
            callers=load_callers(central_url, str(settings["default_region"])),
            seed=DEMO_SEED,
        )
        ivr.start()
        parts.append(ivr)
        if args.supervisor:
            console = open_supervisor(settings, argparse.Namespace(store=central_url))
        if args.quit_after:
            QTimer.singleShot(int(float(args.quit_after) * 1000), app.quit)
        desk.window.closing.connect(app.quit)
        print(
            f"agentdesk demo: you are agent {me}; switchboard {commands} / {events}; "
            f"data in {folder}",
            flush=True,
        )
        app.exec()
    finally:
        for part in reversed(parts):
            if not isinstance(part, Switchboard):
                part.stop()
        if console is not None:
            (getattr(console, "shutdown", None) or console.close)()
        if desk is not None:
            desk.shutdown()
        for part in parts:
            if isinstance(part, Switchboard):
                part.stop()
        dispose_qapp(app)
    return 0
