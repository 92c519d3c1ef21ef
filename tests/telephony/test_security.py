"""The secured bus (CONTRACT 2, ``not_allowed``): real CURVE sockets and a real ZAP handler."""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import zmq
import zmq.auth
from zmq.utils.monitor import recv_monitor_message

from telephony.client import BusClient, Snapshot
from telephony.security import (
    ClientCurve,
    KeysError,
    Principal,
    ServerCurve,
    authorize,
    load_keys,
    parse_keys,
)
from tests.fixtures_bus import DEMO_RULES, RunningSwitchboard


def _pair() -> tuple[bytes, bytes]:
    public, secret = zmq.curve_keypair()
    return public, secret


class Keys:
    """The switchboard's key pair and one key pair per client of the test keys file."""

    def __init__(self) -> None:
        self.server = _pair()
        self.agent_a1 = _pair()
        self.agent_a2 = _pair()
        self.supervisor = _pair()  # supervisor S1
        self.any_supervisor = _pair()  # supervisor, no id
        self.ivr = _pair()  # client
        self.stranger = _pair()  # not in the keys file
        lines = [
            "# test keys",
            f"{self.agent_a1[0].decode()} agent A1",
            f"{self.agent_a2[0].decode()}   agent   A2",
            f"{self.supervisor[0].decode()} supervisor S1",
            f"{self.any_supervisor[0].decode()} supervisor",
            f"{self.ivr[0].decode()} client",
        ]
        self.text = "\n".join(lines) + "\n"
        self.curve = ServerCurve(self.server[0], self.server[1], parse_keys(self.text))

    def client(self, pair: tuple[bytes, bytes]) -> ClientCurve:
        return ClientCurve(self.server[0], pair[0], pair[1])


class SecureBus:
    """A raw DEALER (and SUB) with a CURVE key pair, speaking the wire protocol."""

    def __init__(self, sb: RunningSwitchboard, curve: ClientCurve, sub: bool = False) -> None:
        ctx = zmq.Context.instance()
        self.dealer = ctx.socket(zmq.DEALER)
        self.dealer.setsockopt(zmq.LINGER, 0)
        curve.apply(self.dealer)
        self.dealer.connect(sb.commands)
        self.sub: zmq.Socket[bytes] | None = None
        if sub:
            self.sub = ctx.socket(zmq.SUB)
            self.sub.setsockopt(zmq.LINGER, 0)
            self.sub.setsockopt(zmq.SUBSCRIBE, b"")
            curve.apply(self.sub)
            self.sub.connect(sb.events)
        self.ids = itertools.count(1)

    def close(self) -> None:
        self.dealer.close(0)
        if self.sub is not None:
            self.sub.close(0)

    def request(self, cmd: str, **args: Any) -> dict[str, Any]:
        rid = f"s{next(self.ids)}"
        self.dealer.send(json.dumps({"v": 1, "id": rid, "cmd": cmd, **args}).encode())
        assert self.dealer.poll(10_000), "no reply"
        reply: dict[str, Any] = json.loads(self.dealer.recv())
        assert reply["id"] == rid
        return reply

    def ok(self, cmd: str, **args: Any) -> dict[str, Any]:
        reply = self.request(cmd, **args)
        assert reply["ok"], reply
        result: dict[str, Any] = reply["result"]
        return result

    def refused(self, cmd: str, **args: Any) -> str:
        reply = self.request(cmd, **args)
        assert not reply["ok"], reply
        code: str = reply["error"]["code"]
        return code


@pytest.fixture
def keys() -> Keys:
    return Keys()


@pytest.fixture
def secured(
    switchboard_factory: Callable[..., RunningSwitchboard], keys: Keys
) -> RunningSwitchboard:
    return switchboard_factory(curve=keys.curve)


@pytest.fixture
def secure_bus(secured: RunningSwitchboard, keys: Keys) -> Iterator[Callable[..., SecureBus]]:
    made: list[SecureBus] = []

    def make(pair: tuple[bytes, bytes], sub: bool = False) -> SecureBus:
        b = SecureBus(secured, keys.client(pair), sub)
        made.append(b)
        return b

    yield make
    for b in made:
        b.close()


def _state(bus: SecureBus) -> tuple[Any, Any]:
    snap = bus.ok("snapshot")
    return snap["agents"], snap["calls"]


# --- the keys file ---------------------------------------------------------------------------


def test_keys_file_roles(keys: Keys) -> None:
    clients = parse_keys(keys.text)
    assert clients[keys.agent_a1[0].decode()] == Principal("agent", "A1")
    assert clients[keys.agent_a2[0].decode()] == Principal("agent", "A2")
    assert clients[keys.supervisor[0].decode()] == Principal("supervisor", "S1")
    assert clients[keys.any_supervisor[0].decode()] == Principal("supervisor", None)
    assert clients[keys.ivr[0].decode()] == Principal("client", None)
    assert len(clients) == 5


def test_keys_file_refuses_bad_lines_with_file_and_line(tmp_path: Path, keys: Keys) -> None:
    good = keys.agent_a1[0].decode()
    path = tmp_path / "bus.keys"
    path.write_text(
        "\n".join(
            [
                "# comment",
                f"{good} agent A1",
                "not-a-key agent A3",
                f"{keys.ivr[0].decode()} boss",
                f"{keys.agent_a2[0].decode()} agent",
                f"{keys.supervisor[0].decode()} client S1",
                f"{good} agent A1",
            ]
        ),
        "utf-8",
    )
    with pytest.raises(KeysError) as exc:
        load_keys(path)
    errors = exc.value.errors
    assert [e.split(": ")[0] for e in errors] == [f"{path}:{n}" for n in (3, 4, 5, 6, 7)]
    assert "Z85" in errors[0] and "role" in errors[1] and "twice" in errors[4]


def test_authorize_rules() -> None:
    class A:
        agent_id = "A1"
        supervisor_id = "S1"

    agent = Principal("agent", "A1")
    assert authorize(agent, "call.answer", A()) is None
    assert authorize(Principal("agent", "A2"), "call.answer", A()) is not None
    assert authorize(Principal("supervisor", "S1"), "agent.state", A()) is not None
    assert authorize(Principal("supervisor", "S1"), "supervisor.agent_state", A()) is None
    assert authorize(Principal("supervisor", "S2"), "supervisor.agent_state", A()) is not None
    assert authorize(Principal("supervisor"), "supervisor.agent_state", A()) is None
    assert authorize(agent, "supervisor.agent_state", A()) is not None
    assert authorize(Principal("client"), "ivr.call", object()) is None
    assert authorize(None, "ping", object()) is not None


# --- a real secured switchboard --------------------------------------------------------------


def test_secured_bus_serves_known_keys(
    secured: RunningSwitchboard, secure_bus: Callable[..., SecureBus], keys: Keys
) -> None:
    a1 = secure_bus(keys.agent_a1, sub=True)
    ivr = secure_bus(keys.ivr)
    sup = secure_bus(keys.supervisor)
    assert a1.sub is not None
    assert a1.sub.poll(10_000), "a known key subscribes and gets the heartbeat"
    topic, body = a1.sub.recv_multipart()
    assert topic == b"sys/" and json.loads(body)["type"] == "sys.heartbeat"
    a1.ok("agent.login", agent_id="A1", queues=["general"])
    a1.ok("agent.state", agent_id="A1", state="ready")
    call = ivr.ok("ivr.call", ani="+8613800138000")
    offered = [c for c in ivr.ok("snapshot")["calls"] if c["call_id"] == call["call_id"]]
    assert offered[0]["state"] == "offered" and offered[0]["agent_id"] == "A1"
    assert a1.ok("call.answer", agent_id="A1", call_id=call["call_id"])["call"]["state"] == (
        "connected"
    )
    a1.ok("call.hangup", agent_id="A1", call_id=call["call_id"])
    agent = sup.ok("supervisor.agent_state", supervisor_id="S1", agent_id="A1", state="logged_out")[
        "agent"
    ]
    assert agent["state"] == "logged_out"
    assert sup.ok("ping")["epoch"] == secured.epoch


def test_not_allowed_for_each_rule_changes_nothing(
    secured: RunningSwitchboard, secure_bus: Callable[..., SecureBus], keys: Keys
) -> None:
    a1 = secure_bus(keys.agent_a1)
    a2 = secure_bus(keys.agent_a2)
    ivr = secure_bus(keys.ivr)
    sup = secure_bus(keys.supervisor)
    a1.ok("agent.login", agent_id="A1", queues=["general"])
    a1.ok("agent.state", agent_id="A1", state="ready")
    call_id = ivr.ok("ivr.call", ani="+8613800138001")["call_id"]  # rings at A1
    before = _state(ivr)
    handled = secured.switchboard.commands_handled
    # an agent's key acting for another agent
    assert a2.refused("agent.login", agent_id="A1", queues=["general"]) == "not_allowed"
    assert a2.refused("call.answer", agent_id="A1", call_id=call_id) == "not_allowed"
    assert a1.refused("agent.login", agent_id="A2", queues=["general"]) == "not_allowed"
    # a key that belongs to no agent acting for one
    assert ivr.refused("agent.state", agent_id="A1", state="not_ready") == "not_allowed"
    assert sup.refused("call.reject", agent_id="A1", call_id=call_id) == "not_allowed"
    # supervisor commands without the supervisor role, or as another supervisor
    sv = {"agent_id": "A1", "state": "logged_out"}
    assert a1.refused("supervisor.agent_state", supervisor_id="S1", **sv) == "not_allowed"
    assert ivr.refused("supervisor.agent_state", supervisor_id="S1", **sv) == "not_allowed"
    assert sup.refused("supervisor.agent_state", supervisor_id="S2", **sv) == "not_allowed"
    assert secured.switchboard.commands_handled == handled + 8  # they reached the switchboard
    assert _state(ivr) == before  # and changed nothing
    # a bad request is still a bad request (parsing comes first)
    assert a2.refused("call.answer", agent_id="A1") == "bad_request"
    # the rightful key still may
    assert a1.ok("call.answer", agent_id="A1", call_id=call_id)["call"]["state"] == "connected"


def _handshake_event(sock: zmq.Socket[bytes], endpoint: str) -> int:
    mon = sock.get_monitor_socket(
        zmq.EVENT_HANDSHAKE_SUCCEEDED
        | zmq.EVENT_HANDSHAKE_FAILED_AUTH
        | zmq.EVENT_HANDSHAKE_FAILED_PROTOCOL
        | zmq.EVENT_HANDSHAKE_FAILED_NO_DETAIL
    )
    try:
        sock.connect(endpoint)
        assert mon.poll(10_000), "no handshake outcome"
        event: int = recv_monitor_message(mon)["event"]
        return event
    finally:
        sock.disable_monitor()
        mon.close(0)


def test_unknown_key_is_refused_at_the_handshake(secured: RunningSwitchboard, keys: Keys) -> None:
    ctx = zmq.Context.instance()
    handled = secured.switchboard.commands_handled
    stranger = keys.client(keys.stranger)
    for kind, endpoint in ((zmq.DEALER, secured.commands), (zmq.SUB, secured.events)):
        sock = ctx.socket(kind)
        sock.setsockopt(zmq.LINGER, 0)
        stranger.apply(sock)
        try:
            ev = _handshake_event(sock, endpoint)
            assert ev == zmq.EVENT_HANDSHAKE_FAILED_AUTH, (kind, ev)
        finally:
            sock.close(0)
    # a client without CURVE at all does not get through either
    plain = ctx.socket(zmq.DEALER)
    plain.setsockopt(zmq.LINGER, 0)
    try:
        assert _handshake_event(plain, secured.commands) != zmq.EVENT_HANDSHAKE_SUCCEEDED
    finally:
        plain.close(0)
    known = ctx.socket(zmq.DEALER)
    known.setsockopt(zmq.LINGER, 0)
    keys.client(keys.ivr).apply(known)
    try:
        assert _handshake_event(known, secured.commands) == zmq.EVENT_HANDSHAKE_SUCCEEDED
        known.send(b'{"v":1,"id":"k","cmd":"ping"}')
        assert known.poll(10_000) and json.loads(known.recv())["ok"] is True
    finally:
        known.close(0)
    assert secured.switchboard.commands_handled == handled + 1  # only the known key's ping


def test_bus_client_connects_with_a_key_pair(
    secured: RunningSwitchboard, keys: Keys, bus_client_factory: Callable[..., BusClient]
) -> None:
    client = bus_client_factory(secured, topics=["desk/A1/"], curve=keys.client(keys.agent_a1))
    snaps: list[Snapshot] = []
    while not snaps:  # the heartbeat arrives over CURVE, then the snapshot (bounded by timeout)
        snaps = [n for n in client.poll(200) if isinstance(n, Snapshot)]
    assert snaps[0].epoch == secured.epoch
    assert client.request("agent.login", {"agent_id": "A1", "queues": ["general"]})
    with pytest.raises(Exception, match="not_allowed"):
        client.request("agent.login", {"agent_id": "A2", "queues": ["general"]})


def test_plain_bus_is_unchanged(
    switchboard_factory: Callable[..., RunningSwitchboard], raw_bus: Callable[..., Any]
) -> None:
    sb = switchboard_factory()
    assert sb.switchboard.curve is None
    bus = raw_bus(sb)
    bus.ok("agent.login", agent_id="A1", queues=["general"])  # one client acts for any agent
    bus.ok("agent.login", agent_id="A2", queues=["general"])
    bus.ok("supervisor.agent_state", supervisor_id="S9", agent_id="A2", state="logged_out")


def test_certificate_files_and_cli_check(tmp_path: Path, keys: Keys) -> None:
    server_public, server_secret = zmq.auth.create_certificates(tmp_path, "switchboard")
    client_public, client_secret = zmq.auth.create_certificates(tmp_path, "desk")
    pub = zmq.auth.load_certificate(client_public)[0].decode()
    keys_file = tmp_path / "bus.keys"
    keys_file.write_text(f"{pub} agent A1\n", "utf-8")
    curve = ServerCurve.from_files(server_secret, keys_file)
    assert curve.clients == {pub: Principal("agent", "A1")}
    client = ClientCurve.from_files(server_public, client_secret)
    assert client.server_public == curve.public and client.public.decode() == pub
    env = {**os.environ, "AGENTDESK_CONFIG": os.devnull}
    base = [sys.executable, "-m", "agentdesk", "switchboard", "--rules", str(DEMO_RULES)]
    ok = subprocess.run(
        [*base, "--check", "--keys", str(keys_file), "--server-key", str(server_secret)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert ok.returncode == 0 and "1 client keys" in ok.stdout, ok.stderr
    keys_file.write_text(f"{pub} agent A1\nbroken line\n", "utf-8")
    bad = subprocess.run(
        [*base, "--check", "--keys", str(keys_file), "--server-key", str(server_secret)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert bad.returncode == 2 and f"{keys_file}:2: " in bad.stderr
    half = subprocess.run(
        [*base, "--check", "--keys", str(keys_file)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert half.returncode == 2 and "--server-key" in half.stderr
