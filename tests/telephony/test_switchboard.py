"""The switchboard from the outside: raw pyzmq clients speaking CONTRACT sections 2-4."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import zmq
from sqlalchemy import text

from store.db import make_engine
from store.eventlog import iter_events
from tests.fixtures_bus import DEMO_RULES, RunningSwitchboard

from .conftest import RawBus

Bus = Callable[..., RawBus]


def test_ping_dealer_and_req_framing(switchboard: RunningSwitchboard, raw_bus: Bus) -> None:
    bus = raw_bus(switchboard)
    assert bus.ok("ping")["epoch"] == switchboard.epoch
    # DEALER without delimiter: the reply is one frame
    bus.send_raw(b'{"v":1,"id":"a","cmd":"ping"}')
    frames = bus.recv_raw()
    assert len(frames) == 1 and json.loads(frames[0])["id"] == "a"
    # DEALER with the empty delimiter: the reply keeps it
    bus.send_raw(b"", b'{"v":1,"id":"b","cmd":"ping"}')
    frames = bus.recv_raw()
    assert frames[0] == b"" and json.loads(frames[1])["ok"] is True
    # REQ
    req = zmq.Context.instance().socket(zmq.REQ)
    req.setsockopt(zmq.LINGER, 0)
    req.connect(switchboard.commands)
    try:
        req.send(b'{"v":1,"id":"c","cmd":"ping"}')
        assert req.poll(5000)
        reply = json.loads(req.recv())
        assert reply == {"v": 1, "id": "c", "ok": True, "result": reply["result"]}
        assert set(reply["result"]) == {"epoch", "seq"}
    finally:
        req.close(0)


class _Proxy:
    """A ROUTER-DEALER proxy (what a broker in front of the switchboard does), stoppable."""

    def __init__(self, backend: str) -> None:
        import threading

        ctx = zmq.Context.instance()
        self.front = ctx.socket(zmq.ROUTER)
        self.front.setsockopt(zmq.LINGER, 0)
        port = self.front.bind_to_random_port("tcp://127.0.0.1")
        self.endpoint = f"tcp://127.0.0.1:{port}"
        self.back = ctx.socket(zmq.DEALER)
        self.back.setsockopt(zmq.LINGER, 0)
        self.back.connect(backend)
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        poller = zmq.Poller()
        poller.register(self.front, zmq.POLLIN)
        poller.register(self.back, zmq.POLLIN)
        while not self.stopping.is_set():
            for sock, _ in poller.poll(50):
                other = self.back if sock is self.front else self.front
                other.send_multipart(sock.recv_multipart())

    def stop(self) -> None:
        self.stopping.set()
        self.thread.join(5)
        self.front.close(0)
        self.back.close(0)


def test_clients_behind_a_proxy_get_their_replies(switchboard: RunningSwitchboard) -> None:
    """The proxy's routing frames come before the client's: the reply goes back through them."""
    proxy = _Proxy(switchboard.commands)
    ctx = zmq.Context.instance()
    req, dealer = ctx.socket(zmq.REQ), ctx.socket(zmq.DEALER)
    try:
        for sock in (req, dealer):
            sock.setsockopt(zmq.LINGER, 0)
            sock.connect(proxy.endpoint)
        req.send(b'{"v":1,"id":"via-req","cmd":"ping"}')
        assert req.poll(30_000)
        reply = json.loads(req.recv())
        assert reply["id"] == "via-req" and reply["ok"] is True
        dealer.send(b'{"v":1,"id":"via-dealer","cmd":"ping"}')
        assert dealer.poll(30_000)
        frames = dealer.recv_multipart()
        assert len(frames) == 1 and json.loads(frames[0])["id"] == "via-dealer"
        dealer.send_multipart([b"", b'{"v":1,"id":"d2","cmd":"ping"}'])
        assert dealer.poll(30_000)
        frames = dealer.recv_multipart()
        assert frames[0] == b"" and json.loads(frames[1])["ok"] is True
    finally:
        req.close(0)
        dealer.close(0)
        proxy.stop()


def test_a_body_in_several_frames_is_refused(switchboard: RunningSwitchboard, raw_bus: Bus) -> None:
    bus = raw_bus(switchboard)
    ping = b'{"v":1,"id":"p","cmd":"ping"}'
    for frames in ([ping, ping], [b"", ping, ping], [b"", b"", ping]):
        bus.send_raw(*frames)
        reply = bus.recv_raw()
        body = json.loads(reply[-1])
        assert body["ok"] is False and body["error"]["code"] == "bad_request", frames
        assert body["error"]["message"] == "a command is one JSON frame"
        assert reply[:-1] == [b""] * (frames[0] == b"")  # to the client, as it framed it
    assert bus.ok("ping")  # and the switchboard goes on


@pytest.mark.parametrize(
    ("frame", "code", "rid"),
    [
        (b"\xff\xfe not json", "bad_request", None),
        (b"[1, 2]", "bad_request", None),
        (b'{"v":1,"cmd":"ping"}', "bad_request", None),
        (b'{"id":"x","cmd":"ping"}', "bad_request", "x"),
        (b'{"v":1,"id":"x"}', "bad_request", "x"),
        (b'{"v":1,"id":"x","cmd":"dance"}', "unknown_command", "x"),
        (b'{"v":1,"id":"x","cmd":"agent.state","agent_id":"A1"}', "bad_request", "x"),
        (b'{"v":1,"id":"x","cmd":"agent.state","agent_id":7,"state":"ready"}', "bad_request", "x"),
        (
            b'{"v":1,"id":"x","cmd":"agent.state","agent_id":"A1","state":"dancing"}',
            "bad_request",
            "x",
        ),
        (
            b'{"v":1,"id":"x","cmd":"agent.state","agent_id":"A1","state":"ready"}',
            "unknown_agent",
            "x",
        ),
        (b'{"v":1,"id":"x","cmd":"ivr.hangup","call_id":"nope"}', "unknown_call", "x"),
        (b'{"v":1,"id":"x","cmd":"agent.login","agent_id":"Z9"}', "unknown_agent", "x"),
        (
            b'{"v":1,"id":"x","cmd":"agent.login","agent_id":"A1/x","queues":["general"]}',
            "bad_request",
            "x",
        ),
        (
            b'{"v":1,"id":"x","cmd":"agent.login","agent_id":"","queues":["general"]}',
            "bad_request",
            "x",
        ),
        (
            b'{"v":1,"id":"x","cmd":"ivr.call","ani":"1","ivr":{"result":"maybe"}}',
            "bad_request",
            "x",
        ),
        (
            b'{"v":1,"id":"x","cmd":"supervisor.agent_state","supervisor_id":"S1",'
            b'"agent_id":"A1","state":"not_ready"}',
            "bad_request",
            "x",
        ),
        (
            b'{"v":1,"id":"x","cmd":"call.transfer","agent_id":"A1","call_id":"c"}',
            "bad_request",
            "x",
        ),
        (b'{"v":1,"id":"x","cmd":"snapshot","scope":"everything"}', "bad_request", "x"),
    ],
)
def test_refusals(
    switchboard: RunningSwitchboard, raw_bus: Bus, frame: bytes, code: str, rid: Any
) -> None:
    bus = raw_bus(switchboard, topics=("agent/", "call/"))
    bus.send_raw(frame)
    reply = json.loads(bus.recv_raw()[-1])
    assert reply["ok"] is False and reply["v"] == 1
    assert reply["error"]["code"] == code and reply["error"]["message"]
    assert reply["id"] == rid
    assert bus.drain() == []  # nothing changed, nothing published
    assert bus.ok("snapshot")["agents"] == []


def test_oversized_frame_and_multi_frame(switchboard: RunningSwitchboard, raw_bus: Bus) -> None:
    bus = raw_bus(switchboard)
    big = json.dumps({"v": 1, "id": "big", "cmd": "ping", "pad": "x" * 70_000}).encode()
    bus.send_raw(big)
    reply = json.loads(bus.recv_raw()[-1])
    assert reply["error"]["code"] == "bad_request" and "65536" in reply["error"]["message"]
    assert reply["id"] == "big"
    bus.send_raw(b"x" * 70_000)
    assert json.loads(bus.recv_raw()[-1])["id"] is None
    huge = json.dumps({"v": 1, "id": "huge", "cmd": "ping", "pad": "x" * (3 << 20)}).encode()
    bus.send_raw(huge)  # megabytes: still answered (only over 64 MiB is the peer dropped)
    reply = json.loads(bus.recv_raw()[-1])
    assert reply["error"]["code"] == "bad_request" and "65536" in reply["error"]["message"]
    bus.send_raw(b"a", b"b", b"c")
    assert json.loads(bus.recv_raw()[-1])["error"]["code"] == "bad_request"
    assert bus.ok("ping")


def test_call_lifecycle_on_topics_with_gapless_seq(
    switchboard: RunningSwitchboard, raw_bus: Bus
) -> None:
    everything = raw_bus(switchboard)
    desk = raw_bus(switchboard, topics=("desk/A1/",))
    desk10 = raw_bus(switchboard, topics=("desk/A10/", "sys/"))
    bus = everything
    agent = bus.ok("agent.login", agent_id="A1", name="Ann", queues=["general"])["agent"]
    assert (agent["state"], agent["reason"], agent["version"]) == ("not_ready", "login", 1)
    assert set(agent) == {
        "agent_id",
        "name",
        "state",
        "reason",
        "since",
        "queues",
        "skills",
        "call_id",
        "handled",
        "version",
    }
    bus.ok("agent.state", agent_id="A1", state="ready")
    r = bus.ok(
        "ivr.call",
        ani="+8613800138000",
        dnis="4008001000",
        language="en",
        ivr={"menu": "9", "intent": "other", "result": "ok", "verified": False, "data": {"k": 1}},
    )
    assert r["queue"] == "general" and r["rule"] == "fallback"
    cid = r["call_id"]
    _, offered = bus.wait_event(lambda t, e: e["type"] == "call.offered")
    call = offered["data"]
    assert set(call) == {
        "call_id",
        "ani",
        "dnis",
        "customer_id",
        "tier",
        "language",
        "queue",
        "priority",
        "state",
        "agent_id",
        "arrived_at",
        "queued_at",
        "offered_at",
        "answered_at",
        "ended_at",
        "ivr",
        "route",
        "version",
    }
    assert call["ivr"] == {
        "menu": "9",
        "intent": "other",
        "result": "ok",
        "verified": False,
        "data": {"k": 1},
    }
    assert call["route"] == {
        "rule": "fallback",
        "step": 0,
        "reason": "no rule matched, step 1: general agents",
    }
    for cmd in ("call.answer", "call.hold", "call.resume", "call.hangup"):
        assert bus.ok(cmd, agent_id="A1", call_id=cid)["call"]["call_id"] == cid
    assert (
        bus.ok(
            "call.wrapup",
            agent_id="A1",
            call_id=cid,
            disposition="resolved",
            next_state="not_ready",
        )["agent"]["state"]
        == "not_ready"
    )

    def last(topic: str) -> Callable[[str, dict[str, Any]], bool]:
        return lambda t, e: (
            t == topic
            and e["type"] == "agent.state"
            and e["data"]["state"] == "not_ready"
            and e["data"]["reason"] == "after_call_work"
        )

    # the last change's every topic copy is in (drain() alone would stop at a lull)
    bus.wait_event(last("agent/A1/"))
    bus.wait_event(last("desk/A1/"))
    desk.wait_event(last("desk/A1/"))
    events = bus.drain()
    seqs = [e["seq"] for _, e in events]
    assert seqs == list(range(seqs[0], seqs[0] + len(seqs)))  # no gaps, no repeats
    assert {e["epoch"] for _, e in events} == {switchboard.epoch}
    by_topic: dict[str, list[str]] = {}
    for t, e in events:
        assert e["v"] == 1 and isinstance(e["ts"], float)
        by_topic.setdefault(t, []).append(e["type"])
    call_types = [
        "call.queued",
        "call.offered",
        "call.connected",
        "call.held",
        "call.resumed",
        "call.ended",
    ]
    assert by_topic["call/general/"] == call_types
    assert [x for x in by_topic["desk/A1/"] if x.startswith("call.")] == call_types[1:]
    agent_types = [x for x in by_topic["desk/A1/"] if x == "agent.state"]
    assert by_topic["agent/A1/"] == agent_types and len(agent_types) == 6
    # the desk subscriber got exactly its topic; desk/A10/ got none of A1's
    desk_events = desk.drain()
    assert {t for t, _ in desk_events} == {"desk/A1/"}
    assert [e["seq"] for _, e in desk_events] == sorted(e["seq"] for _, e in desk_events)
    assert all(t == "sys/" for t, _ in desk10.drain())


def test_heartbeats(switchboard: RunningSwitchboard, raw_bus: Bus) -> None:
    # "at least once a second" (CONTRACT): the loop sends one every heartbeat_interval of real
    # time; the heartbeats seen here keep coming, each with the next seq. (How far apart they
    # arrive is the machine's load, not the switchboard's: no wall-clock comparison here.)
    assert 0 < switchboard.switchboard.heartbeat_interval <= 1.0
    bus = raw_bus(switchboard, topics=("sys/",))
    first = bus.wait_event(lambda t, e: e["type"] == "sys.heartbeat")[1]
    bus.events.clear()
    bus.wait_event(lambda t, e: e["type"] == "sys.heartbeat")
    bus.events.clear()
    second = bus.wait_event(lambda t, e: e["type"] == "sys.heartbeat")[1]
    assert second["data"] == {"epoch": switchboard.epoch, "seq": second["seq"]}
    assert first["data"] == {"epoch": switchboard.epoch, "seq": first["seq"]}
    assert second["ts"] > first["ts"]
    assert second["seq"] > first["seq"]


def test_snapshot_queues_and_scope(switchboard: RunningSwitchboard, raw_bus: Bus) -> None:
    bus = raw_bus(switchboard)
    bus.ok("ivr.call", ani="1", ivr={"menu": "2"})
    bus.ok("ivr.call", ani="2", ivr={"menu": "2"})
    bus.ok("agent.login", agent_id="A1", queues=["general"])
    snap = bus.ok("snapshot")
    assert snap["epoch"] == switchboard.epoch and isinstance(snap["seq"], int)
    rows = {q["queue_id"]: q for q in snap["queues"]}
    assert set(rows) == {"vip", "billing", "tech", "sales", "general"}
    assert rows["billing"]["waiting"] == 2 and rows["billing"]["oldest_wait"] >= 0
    assert rows["general"]["waiting"] == 0 and rows["general"]["oldest_wait"] == 0
    assert [c["state"] for c in snap["calls"]] == ["queued", "queued"]
    assert [a["agent_id"] for a in snap["agents"]] == ["A1"]
    mine = bus.ok("snapshot", scope="agent:A1")
    assert mine["calls"] == [] and [a["agent_id"] for a in mine["agents"]] == ["A1"]
    bus.ok("agent.logout", agent_id="A1")
    assert bus.ok("snapshot")["agents"][0]["state"] == "logged_out"  # logged out included


def test_ivr_call_is_idempotent_on_external_id(
    switchboard: RunningSwitchboard, raw_bus: Bus
) -> None:
    bus = raw_bus(switchboard)
    a = bus.ok("ivr.call", ani="1", external_id="ext-1")
    b = bus.ok("ivr.call", ani="1", external_id="ext-1")
    c = bus.ok("ivr.call", ani="1", external_id="ext-2")
    assert a == b and a["call_id"] != c["call_id"]
    assert len(bus.ok("snapshot")["calls"]) == 2
    bus.ok("ivr.hangup", call_id=a["call_id"])
    assert bus.error("ivr.hangup", call_id=a["call_id"]) == "invalid_state"
    assert bus.ok("ivr.call", ani="1", external_id="ext-1") == a  # still the same call


def test_store_identification_last_agent_and_event_log(
    switchboard_factory: Callable[..., RunningSwitchboard], raw_bus: Bus, telephony_store: str
) -> None:
    engine = make_engine(telephony_store)
    with engine.connect() as conn:
        cust, phone = conn.execute(
            text(
                "SELECT c.customer_id, p.phone FROM customers c JOIN customer_phones p "
                "USING (customer_id) WHERE c.tier = 'platinum' AND p.phone IN (SELECT phone FROM "
                "customer_phones GROUP BY phone HAVING count(*) = 1) ORDER BY 1 LIMIT 1"
            )
        ).one()
        last = conn.execute(
            text(
                "SELECT agent_id FROM interactions WHERE customer_id = :c AND agent_id IS NOT NULL "
                "ORDER BY started_at DESC LIMIT 1"
            ),
            {"c": cust},
        ).scalar()
        agent = conn.execute(text("SELECT agent_id, queues FROM agents ORDER BY 1 LIMIT 1")).one()
    sb = switchboard_factory(store_url=telephony_store)
    bus = raw_bus(sb)
    # the store's profile: queues and skills
    a = bus.ok("agent.login", agent_id=agent[0])["agent"]
    assert a["queues"] == json.loads(agent[1]) and a["name"]
    # login arguments override the profile
    a2 = bus.ok("agent.login", agent_id="ZZ1", queues=["general"], skills={"vip": 2})["agent"]
    assert a2["skills"] == {"vip": 2}
    r = bus.ok("ivr.call", ani=phone.replace("+86", ""), external_id="e1")
    call = next(c for c in bus.ok("snapshot")["calls"] if c["call_id"] == r["call_id"])
    assert (call["customer_id"], call["tier"]) == (cust, "platinum")
    assert r["rule"] == "vip callers"
    if last is not None:
        bus.ok("agent.login", agent_id=last)
        bus.ok("agent.state", agent_id=last, state="not_ready", reason="break")
        r2 = bus.ok("ivr.call", ani=phone, external_id="e2")
        c2 = next(c for c in bus.ok("snapshot")["calls"] if c["call_id"] == r2["call_id"])
        assert c2["route"]["step"] == 0 and "you handled their" in c2["route"]["reason"]
    # unknown number: not identified
    r3 = bus.ok("ivr.call", ani="+12025550123")
    c3 = next(c for c in bus.ok("snapshot")["calls"] if c["call_id"] == r3["call_id"])
    assert c3["customer_id"] is None and c3["tier"] is None
    # a supervisor action is logged with the supervisor's id
    bus.ok(
        "supervisor.agent_state",
        supervisor_id="S7",
        agent_id=agent[0],
        state="not_ready",
        reason="meeting",
    )
    bus.ok("supervisor.agent_state", supervisor_id="S7", agent_id=agent[0], state="logged_out")
    epoch = sb.epoch
    sb.stop()  # flushes the event log
    rows = [e for e in iter_events(engine) if e.epoch == epoch]
    sup = [e for e in rows if e.data.get("supervisor_id") == "S7"]
    assert [e.data["state"] for e in sup] == ["not_ready", "logged_out"]
    assert all(e.type == "agent.state" and e.agent_id == agent[0] for e in sup)
    queued = next(e for e in rows if e.type == "call.queued" and e.call_id == r["call_id"])
    assert queued.queue_id == "vip" and queued.data["customer_id"] == cust
    assert queued.data["route"]["rule"] == "vip callers"
    seqs = [e.seq for e in rows]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    engine.dispose()


def test_slow_subscriber_does_not_stop_the_switchboard(
    switchboard: RunningSwitchboard, raw_bus: Bus
) -> None:
    lazy = zmq.Context.instance().socket(zmq.SUB)
    lazy.setsockopt(zmq.RCVHWM, 10)
    lazy.setsockopt(zmq.SUBSCRIBE, b"")
    lazy.connect(switchboard.events)
    try:
        bus = raw_bus(switchboard)
        bus.ok("agent.login", agent_id="A1", queues=["general"])
        for _ in range(300):  # 600 events the lazy subscriber never reads
            bus.ok("agent.state", agent_id="A1", state="ready")
            bus.ok("agent.state", agent_id="A1", state="not_ready", reason="break")
        assert bus.ok("ping")["seq"] > 600
    finally:
        lazy.close(0)


def test_cli_serves_and_stops_on_sigterm(tmp_path: Path, telephony_store: str) -> None:
    # port 0: the switchboard binds free ports itself and prints them (no race with a port
    # picked here and taken by someone else before the child binds it)
    with subprocess.Popen(
        [
            sys.executable,
            "-m",
            "agentdesk",
            "switchboard",
            "--rules",
            str(DEMO_RULES),
            "--store",
            telephony_store,
            "--commands",
            "tcp://127.0.0.1:0",
            "--events",
            "tcp://127.0.0.1:0",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "AGENTDESK_CONFIG": os.devnull},
    ) as proc:
        try:
            assert proc.stdout is not None
            line = proc.stdout.readline()
            m = re.search(r"commands (tcp://\S+), events (tcp://\S+)", line)
            assert "switchboard epoch" in line and m is not None, line
            cmd_ep = m.group(1)
            assert not cmd_ep.endswith(":0") and not m.group(2).endswith(":0")
            d = zmq.Context.instance().socket(zmq.DEALER)
            d.setsockopt(zmq.LINGER, 0)
            d.connect(cmd_ep)
            d.send(b'{"v":1,"id":"p","cmd":"ping"}')
            assert d.poll(10_000)
            assert json.loads(d.recv())["ok"] is True
            d.close(0)
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(20) == 0
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


@pytest.mark.postgres
def test_postgres_store_identifies_and_logs(
    switchboard_factory: Callable[..., RunningSwitchboard], raw_bus: Bus, fresh_pg_url: str
) -> None:
    from tests.fixtures_store import make_store

    engine = make_store(fresh_pg_url, customers=40, seed=3, agents=6)
    with engine.connect() as conn:
        cust, phone, tier = conn.execute(
            text(
                "SELECT c.customer_id, p.phone, c.tier FROM customers c JOIN customer_phones p "
                "USING (customer_id) WHERE p.phone IN (SELECT phone FROM customer_phones "
                "GROUP BY phone HAVING count(*) = 1) ORDER BY 1 LIMIT 1"
            )
        ).one()
        agent = conn.execute(text("SELECT agent_id FROM agents ORDER BY 1 LIMIT 1")).scalar_one()
    sb = switchboard_factory(store_url=fresh_pg_url)
    bus = raw_bus(sb)
    bus.ok("agent.login", agent_id=agent)
    r = bus.ok("ivr.call", ani=phone)
    call = bus.ok("snapshot")["calls"][0]
    assert (call["call_id"], call["customer_id"], call["tier"]) == (r["call_id"], cust, tier)
    epoch = sb.epoch
    sb.stop()
    types = [e.type for e in iter_events(engine) if e.epoch == epoch]
    assert types == ["agent.state", "call.queued"]
    engine.dispose()


def _known_caller(url: str) -> tuple[str, str]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            row = conn.execute(
                text(
                    "SELECT c.customer_id, p.phone FROM customers c JOIN customer_phones p "
                    "USING (customer_id) WHERE c.tier = 'gold' AND p.phone IN (SELECT phone FROM "
                    "customer_phones GROUP BY phone HAVING count(*) = 1) ORDER BY 1 DESC LIMIT 1"
                )
            ).one()
    finally:
        engine.dispose()
    return row[0], row[1]


def test_retry_during_lookup_joins_the_same_call(
    switchboard_factory: Callable[..., RunningSwitchboard], raw_bus: Bus, telephony_store: str
) -> None:
    _cust, phone = _known_caller(telephony_store)
    sb = switchboard_factory(store_url=telephony_store)
    bus = raw_bus(sb)
    body = {"v": 1, "cmd": "ivr.call", "ani": phone, "external_id": "same"}
    for rid in ("r1", "r2", "r3"):  # pipelined: the retries arrive while the lookup runs
        bus.send_raw(json.dumps({**body, "id": rid}).encode())
    replies = {}
    for _ in range(3):
        reply = json.loads(bus.recv_raw()[-1])
        replies[reply["id"]] = reply["result"]
    assert set(replies) == {"r1", "r2", "r3"}
    assert len({r["call_id"] for r in replies.values()}) == 1
    assert len(bus.ok("snapshot")["calls"]) == 1


def test_last_agent_survives_a_restart_through_the_event_log(
    switchboard_factory: Callable[..., RunningSwitchboard], raw_bus: Bus, telephony_store: str
) -> None:
    cust, phone = _known_caller(telephony_store)
    first = switchboard_factory(store_url=telephony_store)
    bus = raw_bus(first)
    bus.ok("agent.login", agent_id="V1", queues=["vip"], skills={"vip": 3})
    bus.ok("agent.login", agent_id="V2", queues=["vip"], skills={"vip": 3})
    bus.ok("agent.state", agent_id="V2", state="ready")
    r = bus.ok("ivr.call", ani=phone)  # gold caller: the vip rule; V2 is the only one ready
    call = bus.ok("snapshot")["calls"][0]
    assert (call["customer_id"], call["agent_id"]) == (cust, "V2")
    bus.ok("call.answer", agent_id="V2", call_id=r["call_id"])
    bus.ok("call.hangup", agent_id="V2", call_id=r["call_id"])
    first.stop()
    second = switchboard_factory(store_url=telephony_store)
    assert second.epoch != first.epoch
    bus2 = raw_bus(second)
    for a in ("V1", "V2"):
        bus2.ok("agent.login", agent_id=a, queues=["vip"], skills={"vip": 3})
    bus2.ok("agent.state", agent_id="V1", state="ready")  # V1 idle longest
    bus2.ok("agent.state", agent_id="V2", state="ready")
    bus2.ok("ivr.call", ani=phone)
    call = bus2.ok("snapshot")["calls"][0]
    assert call["agent_id"] == "V2"
    assert call["route"] == {"rule": "vip callers", "step": 0, "reason": call["route"]["reason"]}
    assert "you handled their" in call["route"]["reason"]


def test_events_are_published_before_the_reply(
    switchboard: RunningSwitchboard, raw_bus: Bus
) -> None:
    """A client holding a reply can rely on that change's events having been published."""
    sb = switchboard.switchboard
    sent: list[tuple[str, str, float]] = []
    send = sb._send

    def spy_send(route: list[bytes], body: bytes) -> None:
        sent.append(("reply", json.loads(body)["id"], sb.clock.time()))
        send(route, body)

    bus = raw_bus(switchboard)
    sb._send = spy_send  # type: ignore[method-assign]
    sb.on_change = lambda ch, seq: sent.append(("event", ch.type, 0.0))  # after its topics went
    bus.ok("agent.login", agent_id="A1", queues=["general"])
    bus.ok("agent.state", agent_id="A1", state="ready")
    bus.ok("ivr.call", ani="+8613800138000")
    bus.wait_event(lambda t, e: e["type"] == "call.offered")
    assert [(k, what) for k, what, _ in sent] == [
        ("event", "agent.state"),
        ("reply", "r1"),
        ("event", "agent.state"),
        ("reply", "r2"),
        ("event", "call.queued"),
        ("event", "call.offered"),
        ("event", "agent.state"),
        ("reply", "r3"),
    ]
    # the events' ts (stamped when published) precede the reply of their command
    replies = [ts for k, _w, ts in sent if k == "reply"]

    def changes() -> list[dict[str, Any]]:
        return [e for _t, e in bus.events if e["type"] != "sys.heartbeat"]

    # wait for every topic copy to come in (drain() alone would stop at a lull), then check
    # no more come
    bus.wait_event(lambda t, e: len(changes()) >= 2 + 2 + 5)
    bus.drain()
    events = changes()
    assert len(events) == 2 + 2 + 5  # every topic copy
    for e in events:  # login -> not_ready (r1), ready (r2), the call's events and reserved (r3)
        n = {"not_ready": 0, "ready": 1}.get(e["data"]["state"], 2)
        assert e["ts"] <= replies[n], (e, replies)


def test_callback_only_rule_publishes_on_the_fallback_queue(
    switchboard_factory: Callable[..., RunningSwitchboard], raw_bus: Bus
) -> None:
    sb = switchboard_factory(
        "version: 1\nqueues: {general: {}, night: {}}\n"
        "rules:\n  - {name: closed, when: {ivr.intent: closed}, steps: [{callback: true}]}\n"
        "fallback: {queue: night}\n"
    )
    bus = raw_bus(sb, topics=("call/", "sys/"))  # sys/: waits until the subscription is live
    r = bus.ok("ivr.call", ani="1", ivr={"intent": "closed"})
    assert (r["queue"], r["rule"]) == ("night", "closed")
    topic, ev = bus.wait_event(lambda t, e: e["type"] == "call.callback")
    assert topic == "call/night/" and ev["data"]["queue"] == "night"
    snap = bus.ok("snapshot")
    assert next(q for q in snap["queues"] if q["queue_id"] == "night")["callbacks"] == 1


def test_supervisor_force_logout_and_repair_over_the_bus(
    switchboard_factory: Callable[..., RunningSwitchboard], raw_bus: Bus, telephony_store: str
) -> None:
    engine = make_engine(telephony_store)
    sb = switchboard_factory(store_url=telephony_store)
    bus = raw_bus(sb, topics=("agent/", "call/", "desk/", "sys/"))
    for aid in ("X1", "X2"):
        bus.ok("agent.login", agent_id=aid, queues=["general"])
    bus.ok("agent.state", agent_id="X1", state="ready")
    call = bus.ok("ivr.call", ani="+12025550100")["call_id"]
    bus.wait_event(lambda t, e: e["type"] == "call.offered" and e["data"]["agent_id"] == "X1")
    # a drifted agent: reserved, its desktop gone; the supervisor sets them not ready
    assert bus.error("agent.state", agent_id="X1", state="not_ready", reason="x") == "invalid_state"
    a = bus.ok(
        "supervisor.agent_state", supervisor_id="S9", agent_id="X1", state="not_ready", reason="x"
    )["agent"]
    assert (a["state"], a["call_id"]) == ("not_ready", None)
    _t, rev = bus.wait_event(lambda t, e: e["type"] == "call.revoked" and t == "desk/X1/")
    assert rev["data"]["revoke_reason"] == "rejected" and rev["data"]["supervisor_id"] == "S9"
    # the call goes back to its queue, to X2 when ready; X2 answers
    bus.ok("agent.state", agent_id="X2", state="ready")
    bus.ok("call.answer", agent_id="X2", call_id=call)
    # on a call: not_ready stays refused, a force logout ends the call
    code = bus.error(
        "supervisor.agent_state", supervisor_id="S9", agent_id="X2", state="not_ready", reason="x"
    )
    assert code == "invalid_state"
    a = bus.ok("supervisor.agent_state", supervisor_id="S9", agent_id="X2", state="logged_out")[
        "agent"
    ]
    assert (a["state"], a["call_id"]) == ("logged_out", None)
    _t, ended = bus.wait_event(lambda t, e: e["type"] == "call.ended" and t == "call/general/")
    assert ended["data"]["ended_by"] == "supervisor" and ended["data"]["state"] == "ended"
    assert bus.ok("snapshot")["calls"] == []
    epoch = sb.epoch
    sb.stop()
    rows = [e for e in iter_events(engine) if e.epoch == epoch and e.data.get("supervisor_id")]
    assert [(e.type, e.agent_id) for e in rows] == [
        ("call.revoked", "X1"),
        ("agent.state", "X1"),
        ("call.ended", "X2"),
        ("agent.state", "X2"),
    ]
    assert {e.data["supervisor_id"] for e in rows} == {"S9"}
    engine.dispose()


def test_login_reads_the_agents_profile_again(
    switchboard_factory: Callable[..., RunningSwitchboard], raw_bus: Bus, telephony_store: str
) -> None:
    engine = make_engine(telephony_store)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO agents (agent_id, name, queues, skills) "
                "VALUES ('P1', 'Pat', '[\"general\"]', '{}')"
            )
        )
    try:
        sb = switchboard_factory(store_url=telephony_store)
        bus = raw_bus(sb)
        assert bus.ok("agent.login", agent_id="P1")["agent"]["queues"] == ["general"]
        bus.ok("agent.logout", agent_id="P1")
        # the administrator changes the profile while the switchboard runs
        with engine.begin() as conn:
            conn.execute(
                text(
                    'UPDATE agents SET queues = \'["billing", "general"]\', '
                    "skills = '{\"billing\": 4}' WHERE agent_id = 'P1'"
                )
            )
        a = bus.ok("agent.login", agent_id="P1")["agent"]
        assert (a["queues"], a["skills"]) == (["billing", "general"], {"billing": 4})
    finally:
        with engine.begin() as conn:
            conn.execute(text("DELETE FROM agents WHERE agent_id = 'P1'"))
        engine.dispose()


def test_stop_while_the_loop_is_closing_does_not_fail(
    switchboard: RunningSwitchboard,
) -> None:
    """``stop()`` from another thread races the loop, which may see the stop flag (on its own
    wake-up) and close its wake-up socket while ``stop()`` is about to use it. The interleaving
    is forced here: the stopping thread is held, by a line tracer, right before it sends the
    wake-up byte, until the loop has finished closing."""
    import linecache
    import threading
    import types

    from telephony.switchboard import Switchboard

    sb = switchboard.switchboard
    loop = sb._thread
    assert loop is not None and loop.is_alive()
    errors: list[BaseException] = []

    def local(frame: types.FrameType, event: str, arg: Any) -> Any:
        line = linecache.getline(frame.f_code.co_filename, frame.f_lineno)
        if event == "line" and '.send(b"\\0")' in line:
            loop.join(30)  # the loop wakes on its heartbeat timer, sees the flag and closes
            assert not loop.is_alive()
        return local

    def tracer(frame: types.FrameType, event: str, arg: Any) -> Any:
        return local if frame.f_code is Switchboard.stop.__code__ else None

    def stop() -> None:
        sys.settrace(tracer)
        try:
            sb.stop()
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            sys.settrace(None)

    t = threading.Thread(target=stop)
    t.start()
    t.join(60)
    assert not t.is_alive() and errors == []
    assert not loop.is_alive() and sb._wake_w is None


def test_new_calls_wait_behind_the_other_commands_of_a_batch() -> None:
    """Within one read batch, ``ivr.call`` arrivals come after agents' commands (a flood of
    arrivals never slows the agents' cycle), and each client's own commands keep their order."""
    from telephony.rules import load_rules
    from telephony.switchboard import Switchboard

    sb = Switchboard(load_rules(DEMO_RULES))  # not bound: only its batch logic runs
    handled: list[tuple[bytes, str]] = []
    sb.handle_frames = lambda frames, user=None: handled.append(  # type: ignore[method-assign]
        (frames[0], json.loads(frames[-1])["id"])
    )
    ctx = zmq.Context.instance()
    router = ctx.socket(zmq.ROUTER)
    router.setsockopt(zmq.LINGER, 0)
    router.bind("inproc://batch-order-test")  # inproc: a message sent is already queued there
    dealers = []
    for ident in (b"ivr", b"agt"):
        d = ctx.socket(zmq.DEALER)
        d.setsockopt(zmq.LINGER, 0)
        d.setsockopt(zmq.IDENTITY, ident)
        d.connect("inproc://batch-order-test")
        dealers.append(d)
    ivr, agt = dealers
    try:
        ivr.send(b'{"v":1,"id":"i1","cmd":"ivr.call","ani":"1"}')
        agt.send(b'{"v":1,"id":"a1","cmd":"agent.state","agent_id":"A1","state":"ready"}')
        ivr.send(b'{"v":1,"id":"i2","cmd":"snapshot"}')  # behind its own ivr.call
        ivr.send(b'{"v":1,"id":"i3","cmd":"ivr.call","ani":"2"}')
        agt.send(b'{"v":1,"id":"a2","cmd":"ping"}')
        assert router.poll(10_000)
        sb._drain_router(router)
    finally:
        for s in (*dealers, router):
            s.close(0)
    assert handled == [
        (b"agt", "a1"),
        (b"agt", "a2"),
        (b"ivr", "i1"),
        (b"ivr", "i2"),
        (b"ivr", "i3"),
    ]
