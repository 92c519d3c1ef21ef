"""telephony.client.BusClient against a real switchboard: Clone-pattern state, resync, timeouts."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import pytest

from telephony.client import BusClient, BusError, Connection, Event, Notice, Reply, Snapshot
from telephony.records import Agent, Call
from tests.fixtures_bus import RunningSwitchboard, restart_on

from .conftest import RawBus

Factory = Callable[..., BusClient]


def pump(
    client: BusClient, until: Callable[[list[Notice]], bool], timeout: float = 30.0
) -> list[Notice]:
    seen: list[Notice] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        seen.extend(client.poll(50))
        if until(seen):
            return seen
    raise AssertionError(
        f"condition not met; saw {seen}; epoch {client.epoch} connected {client.connected} "
        f"agents {client.agents} calls {client.calls}"
    )


def test_snapshot_events_and_threaded_submit(
    switchboard: RunningSwitchboard, bus_client_factory: Factory, raw_bus: Callable[..., RawBus]
) -> None:
    other = raw_bus(switchboard)
    other.ok("agent.login", agent_id="A1", queues=["general"])
    client = bus_client_factory(switchboard, topics=["desk/A1/"], scope="agent:A1")
    seen = pump(client, lambda s: any(isinstance(n, Snapshot) for n in s))
    assert any(isinstance(n, Connection) and n.connected for n in seen)
    assert client.connected and client.epoch == switchboard.epoch
    assert client.agents["A1"].state == "not_ready"
    # another thread queues a command; the owner's poll sends it and returns the reply
    rid: list[str] = []
    t = threading.Thread(
        target=lambda: rid.append(
            client.submit("agent.state", {"agent_id": "A1", "state": "ready"}, tag="go")
        )
    )
    t.start()
    t.join()
    seen = pump(client, lambda s: any(isinstance(n, Reply) for n in s))
    reply = next(n for n in seen if isinstance(n, Reply))
    assert (reply.id, reply.ok, reply.tag, reply.cmd) == (rid[0], True, "go", "agent.state")
    assert reply.result["agent"]["state"] == "ready"
    other.ok("ivr.call", ani="123")
    seen = pump(client, lambda s: any(isinstance(n, Event) and n.type == "call.offered" for n in s))
    ev = next(n for n in seen if isinstance(n, Event) and n.type == "call.offered")
    assert isinstance(ev.record, Call) and ev.topic == "desk/A1/"
    cid = ev.record.call_id
    assert client.calls[cid].state == "offered"
    pump(client, lambda s: client.agents["A1"].state == "reserved")
    client.request("call.reject", {"agent_id": "A1", "call_id": cid})
    seen = pump(client, lambda s: any(isinstance(n, Event) and n.type == "call.revoked" for n in s))
    revoked = next(n for n in seen if isinstance(n, Event) and n.type == "call.revoked")
    assert revoked.extra == {"revoke_reason": "rejected"}
    # a refusal raises
    with pytest.raises(BusError) as info:
        client.request("call.answer", {"agent_id": "A1", "call_id": cid})
    assert info.value.code == "invalid_state"
    # a supervisor's action carries the supervisor's id
    other.ok(
        "supervisor.agent_state",
        supervisor_id="S1",
        agent_id="A1",
        state="not_ready",
        reason="meeting",
    )
    seen = pump(client, lambda s: any(isinstance(n, Event) and n.extra for n in s))
    ev = next(n for n in seen if isinstance(n, Event) and n.extra)
    assert ev.extra == {"supervisor_id": "S1"}
    assert client.agents["A1"].state == "not_ready" and client.agents["A1"].reason == "meeting"


def test_new_epoch_resyncs(
    switchboard_factory: Callable[..., RunningSwitchboard], bus_client_factory: Factory
) -> None:
    first = switchboard_factory()  # bound on port 0: the real endpoints are reused below
    client = bus_client_factory(first, topics=["agent/", "call/"])
    pump(client, lambda s: any(isinstance(n, Snapshot) for n in s))
    client.request("agent.login", {"agent_id": "A1", "queues": ["general"]})
    client.request("ivr.call", {"ani": "1"})
    pump(client, lambda s: len(client.calls) == 1 and "A1" in client.agents)
    second = restart_on(switchboard_factory, first)
    assert (second.commands, second.events) == (first.commands, first.events)
    seen = pump(
        client,
        lambda s: any(isinstance(n, Snapshot) and n.epoch == second.epoch for n in s),
        timeout=30,
    )
    lost = [n for n in seen if isinstance(n, Connection) and not n.connected]
    assert lost and lost[0].reason in ("new epoch", "no heartbeat")
    assert client.epoch == second.epoch and client.connected
    assert client.agents == {} and client.calls == {}  # the new run knows nothing yet


def test_heartbeat_loss_and_request_timeout(
    switchboard: RunningSwitchboard, bus_client_factory: Factory
) -> None:
    client = bus_client_factory(switchboard, heartbeat_timeout=1.0, request_timeout=0.5)
    pump(client, lambda s: client.connected)
    switchboard.stop()
    seen = pump(client, lambda s: any(isinstance(n, Connection) and not n.connected for n in s))
    assert [n.reason for n in seen if isinstance(n, Connection)] == ["no heartbeat"]
    with pytest.raises(BusError) as info:
        client.request("ping")
    assert info.value.code == "timeout"


def test_stale_versions_never_win() -> None:
    client = BusClient("tcp://127.0.0.1:1", "tcp://127.0.0.1:2")
    out: list[Any] = []
    newer = Agent(agent_id="A1", state="on_call", version=5)
    client.epoch = "e1"
    client.agents["A1"] = newer
    client._apply_snapshot(
        {
            "epoch": "e1",
            "seq": 10,
            "agents": [{"agent_id": "A1", "state": "ready", "version": 4}],
            "calls": [{"call_id": "c1", "state": "queued", "version": 2}],
            "queues": [],
        },
        out,
    )
    assert client.agents["A1"] is newer
    assert client.calls["c1"].state == "queued"
    snap = next(n for n in out if isinstance(n, Snapshot))
    assert snap.agents["A1"].state == "on_call"
