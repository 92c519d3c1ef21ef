"""The desktop on a secured (CURVE) bus: its configured key pair lets it act for its agent only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import zmq.auth

from telephony.security import ClientCurve, ServerCurve
from tests.desktop.conftest import WAIT_MS, DeskEnv


class KeyFiles:
    """ZeroMQ certificate files for the switchboard, two agents and the IVR, and the keys file."""

    def __init__(self, folder: Path, agent_ids: list[str]) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.server_public, self.server_secret = map(
            Path, zmq.auth.create_certificates(folder, "switchboard")
        )
        lines = ["# agentdesk test keys"]
        self.secret: dict[str, Path] = {}
        for name, role in [
            (agent_ids[0], f"agent {agent_ids[0]}"),
            (agent_ids[1], f"agent {agent_ids[1]}"),
            ("ivr", "client"),
        ]:
            public, secret = map(Path, zmq.auth.create_certificates(folder, name))
            self.secret[name] = secret
            key, _ = zmq.auth.load_certificate(public)
            lines.append(f"{key.decode()} {role}")
        self.keys_file = folder / "keys.txt"
        self.keys_file.write_text("\n".join(lines) + "\n", "utf-8")

    def server(self) -> ServerCurve:
        return ServerCurve.from_files(self.server_secret, self.keys_file)

    def client(self, name: str) -> ClientCurve:
        return ClientCurve.from_files(self.server_public, self.secret[name])

    def settings(self, name: str) -> dict[str, Any]:
        return {
            "bus_server_public": str(self.server_public),
            "bus_client_secret": str(self.secret[name]),
        }


@pytest.fixture
def secure_env(
    qtbot: Any,
    tmp_path: Path,
    seeded_store: Any,
    switchboard_factory: Any,
    bus_client_factory: Any,
) -> Iterator[tuple[DeskEnv, KeyFiles]]:
    keys = KeyFiles(tmp_path / "keys", list(seeded_store.agent_ids))
    env = DeskEnv(
        qtbot,
        tmp_path,
        seeded_store,
        switchboard_factory,
        bus_client_factory,
        sb_kw={"curve": keys.server()},
        ivr_kw={"curve": keys.client("ivr")},
    )
    try:
        yield env, keys
    finally:
        env.close()


def test_desk_with_its_agents_key_logs_in_and_pops(secure_env: Any, qtbot: Any) -> None:
    env, keys = secure_env
    desk = env.desk(settings=keys.settings(env.agent_id))
    assert desk.window.status.connection.text() == "Connected"
    phone = env.seeded.known_phone
    with qtbot.waitSignal(desk.controller.cardShown, timeout=WAIT_MS):
        call_id = env.call(phone)
    assert desk.controller.call["call_id"] == call_id
    assert desk.window.card.name.text()
    desk.window.banner.answer.click()
    qtbot.waitUntil(lambda: env.agent_truth()["state"] == "on_call", timeout=WAIT_MS)


def test_desk_with_another_agents_key_is_not_allowed(secure_env: Any, qtbot: Any) -> None:
    env, keys = secure_env
    other = env.seeded.agent_ids[1]
    failures: list[tuple[str, str]] = []

    def listen(desk: Any) -> None:  # before start: the refusal can come at once
        desk.controller.commandFailed.connect(lambda cmd, code, _msg: failures.append((cmd, code)))

    desk = env.desk(settings=keys.settings(other), auto_ready=False, before_start=listen)
    # the login the desk sends at start is refused, and so is a ready request
    qtbot.waitUntil(lambda: ("agent.login", "not_allowed") in failures, timeout=WAIT_MS)
    desk.controller.set_ready()  # as the state control does (its action waits for a login)
    qtbot.waitUntil(lambda: ("agent.state", "not_allowed") in failures, timeout=WAIT_MS)
    assert "not allowed" in desk.window.statusBar().currentMessage()
    truth = env.truth()
    assert all(a["agent_id"] != env.agent_id or a["state"] == "logged_out" for a in truth["agents"])
