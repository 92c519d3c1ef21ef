"""Simulated agents and the IVR generator against a real switchboard and store."""

from __future__ import annotations

import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from store.db import make_engine
from store.eventlog import iter_events
from telephony.client import BusClient, Event, Reply
from telephony.ivrsim import IvrSim, load_callers
from telephony.routing import ManualClock
from telephony.simagents import SimAgents, SimBehaviour, agents_from_store
from tests.fixtures_bus import RunningSwitchboard

from .conftest import RawBus

FAST_RULES = """\
version: 1
defaults: {ring_timeout: 2, wrap_up: 1, max_no_answer: 2}
queues:
  vip: {skill: vip}
  billing: {skill: billing}
  tech: {skill: tech}
  sales: {skill: sales}
  general: {}
rules:
  - name: billing menu
    when: {ivr.menu: "2"}
    steps: [{queue: billing, wait: 1}, {queue: general}]
  - name: tech menu
    when: {ivr.menu: "3"}
    steps: [{queue: tech, wait: 1}, {queue: general}]
fallback: {queue: general}
"""


def test_callers_and_call_mix(telephony_store: str) -> None:
    callers = load_callers(telephony_store, "CN")
    assert callers.known and callers.ambiguous
    sim = IvrSim("tcp://127.0.0.1:1", "tcp://127.0.0.1:2", callers=callers, seed=3)
    calls = [sim.make_call() for _ in range(1000)]
    kinds = Counter(c["ivr"]["data"]["caller_kind"] for c in calls)
    assert 650 < kinds["known"] < 850 and kinds["ambiguous"] > 20 and kinds["unknown"] > 120
    menus = Counter(c["ivr"].get("menu") for c in calls)
    assert menus["2"] > menus["1"] > menus["0"] > 0 and menus[None] > 0
    assert len({c["external_id"] for c in calls}) == 1000
    assert {c["ivr"]["result"] for c in calls} == {"ok", "agent_requested", "timeout", "invalid"}


def test_simulated_center_runs_calls_to_the_end(
    switchboard_factory: Callable[..., RunningSwitchboard], telephony_store: str
) -> None:
    sb = switchboard_factory(rules=FAST_RULES, store_url=telephony_store)
    sims = SimAgents(
        sb.commands,
        sb.events,
        agents_from_store(telephony_store),
        behaviour=SimBehaviour(
            talk_median=0.5,
            wrap=(0.1, 0.3),
            answer_delay=(0.05, 0.2),
            break_prob=0.2,
            break_median=0.5,
            reject_prob=0.05,
            miss_prob=0.05,
        ),
        seed=11,
    ).start()
    watcher = BusClient(sb.commands, sb.events, topics=["call/", "sys/"], track_state=False)
    watcher.open()
    while watcher.last_heartbeat is None:  # subscribed for sure (bounded by the test timeout)
        watcher.poll(100)
    finals: set[str] = set()
    try:
        ivr = IvrSim(
            sb.commands,
            sb.events,
            rate_per_min=1200,
            count=30,
            callers=load_callers(telephony_store),
            seed=5,
            patience_median=4.0,
        )
        summary = ivr.run()
        assert ivr.placed == 30 and ivr.failed == 0, summary
        assert ivr.answered + ivr.abandoned == 30
        assert ivr.answered > 10
        # every call reaches its end: connected calls are hung up by the agents
        deadline = time.monotonic() + 60  # generous: a loaded machine is slow
        while len(finals) < 30 and time.monotonic() < deadline:
            for n in watcher.poll(100):
                if isinstance(n, Event) and n.type in ("call.ended", "call.abandoned"):
                    finals.add(n.record.call_id)  # type: ignore[union-attr]
        assert len(finals) == 30
        assert sb.switchboard.engine.calls == {}
        assert sims.answered == ivr.answered
    finally:
        watcher.close()
        sims.stop()
    # the sims' closing logouts are sent; the switchboard's stop() does not wait for commands
    # still queued, so the log has them once the switchboard says so
    _wait_all_logged_out(sb)
    epoch = sb.epoch
    sb.stop()
    engine = make_engine(telephony_store)
    rows = [e for e in iter_events(engine) if e.epoch == epoch]
    engine.dispose()
    kinds = Counter(e.type for e in rows)
    assert kinds["call.queued"] >= 30
    assert kinds["call.ended"] + kinds["call.abandoned"] == 30
    assert kinds["call.connected"] == ivr.answered
    # the agents wrapped up with dispositions and logged out at the end
    assert any("disposition" in e.data for e in rows if e.type == "agent.state")
    last_state: dict[str, str] = {}
    for e in rows:
        if e.type == "agent.state":
            last_state[e.agent_id or ""] = e.data["state"]
    assert set(last_state.values()) == {"logged_out"}


def _wait_all_logged_out(sb: RunningSwitchboard, timeout: float = 60.0) -> None:
    probe = BusClient(sb.commands, sb.events, topics=["sys/"], track_state=False)
    probe.open()
    try:
        deadline = time.monotonic() + timeout
        while True:
            agents = probe.request("snapshot", {"scope": "all"})["agents"]
            if agents and all(a["state"] == "logged_out" for a in agents):
                return
            assert time.monotonic() < deadline, agents
            probe.poll(100)
    finally:
        probe.close()


def test_ivr_sim_count_bounds_calls_sent_not_replies(
    switchboard_factory: Callable[..., RunningSwitchboard], telephony_store: str
) -> None:
    # At a rate far above the switchboard's reply latency many ivr.call commands are in
    # flight before the first reply: --count must bound what is sent, not what was answered.
    sb = switchboard_factory(rules=FAST_RULES, store_url=telephony_store)
    ivr = IvrSim(
        sb.commands,
        sb.events,
        rate_per_min=6_000_000,
        count=7,
        callers=load_callers(telephony_store),
        seed=4,
        patience_median=0.2,
    )
    summary = ivr.run()
    assert (ivr.sent, ivr.placed, ivr.failed) == (7, 7, 0), summary
    assert len(sb.switchboard.engine.finished) == 7


class _IvrOnBus:
    """An ``IvrSim`` whose loop the test runs by hand, on a real switchboard: the test decides
    when the notices its real ``BusClient`` received are handed to the simulator, so the
    interleavings a loaded machine produces are reproduced exactly."""

    def __init__(self, sb: RunningSwitchboard) -> None:
        self.clock = ManualClock()
        self.sim = IvrSim(
            sb.commands, sb.events, seed=1, patience_median=5.0, clock=self.clock.monotonic
        )
        self.client = BusClient(sb.commands, sb.events, topics=["call/", "sys/"], track_state=False)
        self.client.open()
        self.sim.client = self.client
        self.held: list[Any] = []
        self.collect(lambda: self.client.last_heartbeat is not None)  # subscribed

    def place(self) -> None:
        args = self.sim.make_call()
        self.client.send("ivr.call", args, tag=args["external_id"])
        self.sim.sent += 1

    def collect(self, until: Callable[[], bool], timeout: float = 30.0) -> None:
        """Receive (and hold back) notices until ``until()``."""
        deadline = time.monotonic() + timeout
        while not until():
            assert time.monotonic() < deadline, f"not seen; held {self.held}"
            self.held.extend(self.client.poll(100))

    def seen(self, kind: type, what: str) -> bool:
        return any(
            isinstance(n, kind) and (n.type if isinstance(n, Event) else n.cmd) == what
            for n in self.held
        )

    def deliver(self) -> None:
        """Hand the held notices over in the order one poll returns them: events first."""
        held, self.held = self.held, []
        for n in sorted(held, key=lambda n: not isinstance(n, Event)):
            self.sim._notice(n)

    def close(self) -> None:
        self.client.close()


ONE_QUEUE = "version: 1\nqueues: {general: {}}\nrules: []\nfallback: {queue: general}\n"


def _one_ready_agent(
    switchboard_factory: Callable[..., RunningSwitchboard], raw_bus: Callable[..., RawBus]
) -> tuple[RawBus, _IvrOnBus]:
    """A switchboard with one queue and agent A1 ready on it (a raw client), and an IVR."""
    switchboard = switchboard_factory(rules=ONE_QUEUE)
    agent = raw_bus(switchboard)
    agent.ok("agent.login", agent_id="A1", queues=["general"])
    agent.ok("agent.state", agent_id="A1", state="ready")
    return agent, _IvrOnBus(switchboard)


def test_ivr_sim_counts_a_call_answered_before_its_reply_was_read(
    switchboard_factory: Callable[..., RunningSwitchboard], raw_bus: Callable[..., RawBus]
) -> None:
    # The switchboard publishes a call's events before its reply, on another socket; on a busy
    # machine the agent may answer before the IVR reads the reply, and one poll then hands the
    # IVR the call.connected event first. That call was answered: not abandoned, not hung up.
    agent, ivr = _one_ready_agent(switchboard_factory, raw_bus)
    try:
        ivr.place()
        _t, offered = agent.wait_event(lambda t, e: e["type"] == "call.offered", timeout=30)
        agent.ok("call.answer", agent_id="A1", call_id=offered["data"]["call_id"])
        ivr.collect(lambda: ivr.seen(Event, "call.connected") and ivr.seen(Reply, "ivr.call"))
        ivr.deliver()
        assert (ivr.sim.placed, ivr.sim.answered, ivr.sim.abandoned) == (1, 1, 0)
        ivr.clock.advance(3600)  # however long the caller's patience: no hangup
        ivr.sim._expire_patience()
        assert ivr.sim.abandoned == 0 and ivr.client.pending == 0
    finally:
        ivr.close()
    assert [c["state"] for c in agent.ok("snapshot")["calls"]] == ["connected"]


def test_ivr_sim_counts_a_call_answered_just_before_the_caller_hung_up(
    switchboard_factory: Callable[..., RunningSwitchboard], raw_bus: Callable[..., RawBus]
) -> None:
    # The caller's patience runs out while the agent's answer is already on its way: the
    # switchboard connects the call, then the caller's hangup ends it. It was answered.
    agent, ivr = _one_ready_agent(switchboard_factory, raw_bus)
    try:
        ivr.place()
        ivr.collect(lambda: ivr.seen(Reply, "ivr.call"))
        ivr.deliver()
        _t, offered = agent.wait_event(lambda t, e: e["type"] == "call.offered", timeout=30)
        call_id = offered["data"]["call_id"]
        agent.ok("call.answer", agent_id="A1", call_id=call_id)
        ivr.collect(lambda: ivr.seen(Event, "call.connected"))  # received, not yet read
        ivr.clock.advance(3600)
        ivr.sim._expire_patience()  # the caller hangs up: ivr.hangup ends the connected call
        ivr.collect(lambda: ivr.seen(Event, "call.ended") and ivr.seen(Reply, "ivr.hangup"))
        ivr.deliver()
        assert (ivr.sim.placed, ivr.sim.answered, ivr.sim.abandoned) == (1, 1, 0)
        assert ivr.sim._live == {}  # followed to its end
    finally:
        ivr.close()
    _t, ended = agent.wait_event(lambda t, e: e["type"] == "call.ended", timeout=30)
    assert ended["data"]["call_id"] == call_id and ended["data"]["ended_by"] == "caller"


def test_ivr_sim_cli_reports_refusal_when_no_switchboard() -> None:
    res = subprocess.run(
        [sys.executable, "-m", "agentdesk", "ivr-sim", "--rate", "0"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert res.returncode == 2 and "--rate must be > 0" in res.stderr


def test_ivr_sim_cli_places_calls(
    switchboard_factory: Callable[..., RunningSwitchboard], telephony_store: str
) -> None:
    sb = switchboard_factory(rules=FAST_RULES, store_url=telephony_store)
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "agentdesk",
            "ivr-sim",
            "--rate",
            "600",
            "--count",
            "4",
            "--patience",
            "0.3",
            "--seed",
            "2",
            "--store",
            telephony_store,
            "--commands",
            sb.commands,
            "--events",
            sb.events,
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("ivr-sim: placed 4 calls (0 answered, 4 hung up")
    snap = sb.switchboard.engine.snapshot()
    assert snap["calls"] == []  # every impatient caller hung up: abandoned
    assert len(sb.switchboard.engine.finished) == 4


def test_live_center_runs_and_stops(telephony_store: str) -> None:
    from telephony.center import LiveCenter
    from tests.fixtures_bus import DEMO_RULES

    center = LiveCenter.start(
        telephony_store, DEMO_RULES, sim_agents=3, rate_per_min=600, exclude_agents={"A001"}, seed=1
    )
    watcher = BusClient(center.commands, center.events, topics=["call/", "agent/"])
    watcher.open()
    try:
        offered = False
        deadline = time.monotonic() + 60  # generous: a loaded machine is slow
        ivr = center.ivr
        assert ivr is not None

        def settled() -> bool:
            # events go out before their reply: the IVR may count its call a moment later
            return offered and watcher.connected and ivr.placed > 0

        while not settled() and time.monotonic() < deadline:
            notices = watcher.poll(100)
            offered = offered or any(
                isinstance(n, Event) and n.type == "call.offered" for n in notices
            )
        assert offered
        logged_in = {a for a, rec in watcher.agents.items() if rec.state != "logged_out"}
        assert len(logged_in) == 3 and "A001" not in logged_in
    finally:
        watcher.close()
        center.stop()
    assert ivr.placed > 0
