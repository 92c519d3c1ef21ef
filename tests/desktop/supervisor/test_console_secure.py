"""The supervisor console on a secured (CURVE) bus: a supervisor key may force agents' states,
a plain client key may watch but not act."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import zmq.auth

from agentdesk.config import load_settings
from desktop.supervisor.console import open_console
from telephony.client import BusClient
from telephony.security import ClientCurve, ServerCurve
from tests.desktop.conftest import WAIT_MS

RULES = "version: 1\nqueues: {general: {}}\nrules: []\nfallback: {queue: general}\n"


def _keys(folder: Path) -> dict[str, Path]:
    """Certificates for the switchboard, a supervisor, a plain client and agent A1; keys file."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    lines = []
    for name, role in [("switchboard", None), ("sup", "supervisor"), ("wall", "client"),
                       ("a1", "agent A1")]:  # fmt: skip
        public, secret = map(Path, zmq.auth.create_certificates(folder, name))
        paths[name], paths[f"{name}_secret"] = public, secret
        if role:
            key, _ = zmq.auth.load_certificate(public)
            lines.append(f"{key.decode()} {role}")
    paths["keys"] = folder / "keys.txt"
    paths["keys"].write_text("\n".join(lines) + "\n", "utf-8")
    return paths


def _console(qtbot: Any, sb: Any, url: str, keys: dict[str, Path], who: str) -> Any:
    settings = load_settings(
        {
            "bus_server_public": str(keys["switchboard"]),
            "bus_client_secret": str(keys[f"{who}_secret"]),
        },
        environ={},
    )
    win = open_console(
        settings, store_url=url, commands=sb.commands, events=sb.events, supervisor_id="sup-1"
    )
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.historyLoaded, timeout=WAIT_MS):
        pass  # the history arrives through the event loop, after this line
    return win


def test_supervisor_key_acts_client_key_is_refused(
    qtbot: Any, tmp_path: Path, switchboard_factory: Any, fresh_sqlite_url: str
) -> None:
    keys = _keys(tmp_path / "keys")
    curve = ServerCurve.from_files(keys["switchboard_secret"], keys["keys"])
    sb = switchboard_factory(rules=RULES, store_url=fresh_sqlite_url, curve=curve)
    agent = BusClient(
        sb.commands,
        sb.events,
        topics=["desk/A1/"],
        curve=ClientCurve.from_files(keys["switchboard"], keys["a1_secret"]),
    )
    agent.open()
    try:
        agent.request("agent.login", {"agent_id": "A1", "queues": ["general"]})
        sup = _console(qtbot, sb, fresh_sqlite_url, keys, "sup")
        try:
            with qtbot.waitSignal(sup.actionFinished, timeout=WAIT_MS) as act:
                sup.force_state("A1", "ready", None)
            assert act.args[:2] == ["A1", True]
        finally:
            sup.shutdown()
        wall = _console(qtbot, sb, fresh_sqlite_url, keys, "wall")
        try:
            with qtbot.waitSignal(wall.actionFinished, timeout=WAIT_MS) as act:
                wall.force_state("A1", "not_ready", "meeting")
            assert act.args[1] is False and "not_allowed" in act.args[2]
        finally:
            wall.shutdown()
        snap = agent.request("snapshot", {"scope": "agent:A1"})
        assert [a["state"] for a in snap["agents"] if a["agent_id"] == "A1"] == ["ready"]
    finally:
        agent.close()
