"""Simulated agents and the IVR generator against a real switchboard and store."""

from __future__ import annotations

import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable

from store.db import make_engine
from store.eventlog import iter_events
from telephony.client import BusClient, Event
from telephony.ivrsim import IvrSim, load_callers
from telephony.simagents import SimAgents, SimBehaviour, agents_from_store
from tests.fixtures_bus import RunningSwitchboard

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
        deadline = time.monotonic() + 20
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
        deadline = time.monotonic() + 20
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
