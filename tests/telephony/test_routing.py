"""The routing engine alone, on a driven clock: every rule feature and strategy."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from telephony.routing import CallerContext, CommandError, Engine, ManualClock
from telephony.rules import parse_rules

RULES = """\
version: 1
defaults: {ring_timeout: 15, wrap_up: 30, max_no_answer: 2}
queues:
  vip:     {skill: vip}
  billing: {skill: billing}
  tech:    {skill: tech, strategy: most_skilled}
  fewest:  {strategy: fewest_calls}
  talk:    {strategy: least_talk_time}
  rr:      {strategy: round_robin}
  rand:    {strategy: random}
  general: {}
rules:
  - name: vip callers
    when: {tier: [platinum, gold]}
    steps:
      - {last_agent: true, wait: 10}
      - {queue: vip, priority: 10, wait: 30}
      - {queue: general, priority: 10}
  - name: billing menu
    when: {ivr.menu: "2"}
    steps:
      - {queue: billing, min_skill: 4, wait: 20}
      - {queue: billing, min_skill: 1, wait: 40}
      - {queue: general, wait: 120}
      - {callback: true}
  - {name: tech, when: {ivr.menu: "3"}, steps: [{queue: tech}]}
  - {name: fewest, when: {ivr.intent: fewest}, steps: [{queue: fewest}]}
  - {name: talk, when: {ivr.intent: talk}, steps: [{queue: talk}]}
  - {name: rr, when: {ivr.intent: rr}, steps: [{queue: rr}]}
  - {name: rand, when: {ivr.intent: rand}, steps: [{queue: rand}]}
  - name: office hours
    when: {ivr.intent: hours, hours: "mon-fri 09:00-18:00"}
    steps: [{queue: general}]
  - name: everything
    when: {lifecycle: [new, expanding], language: en, dnis: "400", known: true,
           open_issue: true, ivr.result: agent_requested, ivr.verified: true}
    steps: [{queue: general}]
fallback: {queue: general}
timezone: Asia/Shanghai
"""


@pytest.fixture
def clock() -> ManualClock:
    # Monday 2026-11-23 10:00 in Shanghai
    start = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    return ManualClock(start.timestamp())


@pytest.fixture
def eng(clock: ManualClock) -> Engine:
    return Engine(parse_rules(RULES, "t.yaml"), clock, rng=random.Random(7))


def ready(eng: Engine, aid: str, queues: list[str], skills: dict[str, int] | None = None) -> None:
    eng.login(aid, aid, queues, skills or {})
    eng.set_state(aid, "ready")


def types(eng: Engine) -> list[str]:
    return [c.type for c in eng.take_changes()]


def test_offer_answer_hangup_wrapup_lifecycle(eng: Engine, clock: ManualClock) -> None:
    ready(eng, "A1", ["general"])
    eng.take_changes()
    call = eng.new_call(ani="+8613800138000")
    assert call.state == "offered" and call.agent_id == "A1"
    assert (
        call.route.rule == "fallback"
        and call.route.reason == "no rule matched, step 1: general agents"
    )
    assert types(eng) == ["call.queued", "call.offered", "agent.state"]
    assert eng.agents["A1"].rec.state == "reserved"
    clock.advance(3)
    eng.answer("A1", call.call_id)
    assert eng.agents["A1"].rec.state == "on_call" and eng.agents["A1"].rec.handled == 1
    eng.hold("A1", call.call_id)
    eng.resume("A1", call.call_id)
    clock.advance(60)
    ended = eng.hangup("A1", call.call_id)
    assert ended.state == "ended" and ended.ended_at == clock.time()
    a = eng.agents["A1"].rec
    assert a.state == "wrap_up" and a.call_id == call.call_id
    assert types(eng)[:4] == ["call.connected", "agent.state", "call.held", "call.resumed"]
    agent = eng.wrapup("A1", call.call_id, "resolved")
    assert agent.state == "ready" and agent.call_id is None
    changes = eng.take_changes()
    assert changes[-1].extra["disposition"] == "resolved"
    eng.check_invariants()


def test_wrap_up_timer_and_late_disposition(eng: Engine, clock: ManualClock) -> None:
    ready(eng, "A1", ["general"])
    c = eng.new_call(ani="1")
    eng.answer("A1", c.call_id)
    eng.hangup("A1", c.call_id)
    clock.advance(29.9)
    eng.tick()
    assert eng.agents["A1"].rec.state == "wrap_up"
    clock.advance(0.2)
    assert eng.tick() == 1
    assert eng.agents["A1"].rec.state == "ready"
    # the disposition may still come after a timed wrap-up: accepted, no state change
    assert eng.wrapup("A1", c.call_id, "resolved").state == "ready"
    with pytest.raises(CommandError) as info:
        eng.wrapup("A1", "other", "resolved")
    assert info.value.code == "invalid_state"


def test_ring_timeout_reoffers_and_max_no_answer(eng: Engine, clock: ManualClock) -> None:
    ready(eng, "A1", ["general"])
    c = eng.new_call(ani="1")
    eng.take_changes()
    clock.advance(15)
    eng.tick()
    ch = eng.take_changes()
    assert ch[0].type == "call.revoked" and ch[0].extra == {"revoke_reason": "ring_timeout"}
    assert ch[0].desks == ("A1",)
    # one miss: A1 is ready again and the only agent, so the call rings again
    assert eng.calls[c.call_id].rec.state == "offered"
    clock.advance(15)
    eng.tick()
    a = eng.agents["A1"].rec
    assert (a.state, a.reason) == ("not_ready", "no_answer")
    assert eng.calls[c.call_id].rec.state == "queued"
    # a second agent takes it at once
    ready(eng, "A2", ["general"])
    assert eng.calls[c.call_id].rec.agent_id == "A2"
    eng.check_invariants()


def test_reject_puts_call_back_and_never_reoffers_to_that_agent(eng: Engine) -> None:
    ready(eng, "A1", ["general"])
    c1 = eng.new_call(ani="1")
    c2 = eng.new_call(ani="2")  # waits behind c1
    eng.reject("A1", c1.call_id)
    a = eng.agents["A1"]
    assert a.missed == 0
    # A1 is ready and gets the next call in line (c2), never c1 again
    assert eng.calls[c2.call_id].rec.agent_id == "A1"
    assert eng.calls[c1.call_id].rec.state == "queued"
    eng.answer("A1", c2.call_id)
    ready(eng, "A2", ["general"])
    assert eng.calls[c1.call_id].rec.agent_id == "A2"  # c1 kept its place


def test_priority_then_arrival_order_kept_across_step_changes(
    eng: Engine, clock: ManualClock
) -> None:
    # billing calls: c1 arrives first, c2 later; both move to step 2 at different times
    c1 = eng.new_call(ani="1", ivr={"menu": "2"})
    clock.advance(5)
    c2 = eng.new_call(ani="2", ivr={"menu": "2"})
    clock.advance(16)
    eng.tick()  # c1 step 2 (c2 still in step 1)
    clock.advance(5)
    eng.tick()  # c2 step 2
    assert eng.calls[c1.call_id].rec.route.step == 1
    assert eng.calls[c1.call_id].rec.route.reason == (
        "billing menu, step 2: billing agents with skill >= 1 after 20 s"
    )
    vip = eng.new_call(ani="3", ctx=CallerContext(customer_id="K", tier="gold"))
    assert eng.calls[vip.call_id].rec.route.step == 1  # no last agent: skipped at once
    ready(eng, "A1", ["billing", "vip"], {"billing": 1, "vip": 1})
    assert eng.calls[vip.call_id].rec.agent_id == "A1"  # priority 10 first
    eng.answer("A1", vip.call_id)
    ready(eng, "A2", ["billing"], {"billing": 2})
    assert eng.calls[c1.call_id].rec.agent_id == "A2"  # then arrival order
    ready(eng, "A3", ["billing"], {"billing": 2})
    assert eng.calls[c2.call_id].rec.agent_id == "A3"


def test_min_skill_steps_and_callback(eng: Engine, clock: ManualClock) -> None:
    ready(eng, "B2", ["billing"], {"billing": 2})
    c = eng.new_call(ani="1", ivr={"menu": "2"})
    assert c.state == "queued"  # skill 2 < 4
    clock.advance(20)
    eng.tick()
    assert eng.calls[c.call_id].rec.agent_id == "B2"  # step 2 accepts skill >= 1
    eng.reject("B2", c.call_id)
    clock.advance(40)
    eng.tick()
    rec = eng.calls[c.call_id].rec
    assert (rec.queue, rec.route.step) == ("general", 2)
    clock.advance(120)
    eng.tick()
    assert rec.state == "callback" and rec.route.step == 3
    assert eng.take_changes()[-1].type == "call.callback"
    assert any(x.call_id == c.call_id for x in eng.snapshot()["calls"])
    ready(eng, "G1", ["general"])
    assert rec.state == "callback"  # no longer routed
    with pytest.raises(CommandError):
        eng.caller_hangup(c.call_id)


def test_a_call_moving_queue_is_told_on_both_queues(eng: Engine, clock: ManualClock) -> None:
    """Supervisors of the queue a call leaves (on `call/<queue>/`) see it leave."""
    c = eng.new_call(ani="1", ivr={"menu": "2"})
    eng.take_changes()
    clock.advance(20)  # billing (skill 4) -> billing (skill 1): the same queue
    eng.tick()
    assert [(ch.type, ch.queues) for ch in eng.take_changes()] == [("call.queued", ("billing",))]
    clock.advance(40)  # -> general
    eng.tick()
    changes = [(ch.type, ch.queues) for ch in eng.take_changes()]
    assert changes == [("call.queued", ("billing", "general"))]
    clock.advance(120)  # -> callback, in general
    eng.tick()
    changes = [(ch.type, ch.queues) for ch in eng.take_changes()]
    assert changes == [("call.callback", ("general",))]
    assert eng.calls[c.call_id].rec.state == "callback"


def test_step_wait_expiring_while_ringing_lets_ring_finish(eng: Engine, clock: ManualClock) -> None:
    c = eng.new_call(ani="1", ivr={"menu": "2"})
    clock.advance(10)
    ready(eng, "B5", ["billing"], {"billing": 5})
    assert eng.calls[c.call_id].rec.state == "offered"
    clock.advance(10)  # step 1 wait (20 s) expires while ringing
    eng.tick()
    rec = eng.calls[c.call_id].rec
    assert (rec.state, rec.agent_id, rec.route.step) == ("offered", "B5", 0)
    clock.advance(5)  # the ring times out: now the call moves to step 2
    eng.tick()
    assert rec.route.step == 1
    eng.check_invariants()


def test_step_wait_expiring_then_answered_stays(eng: Engine, clock: ManualClock) -> None:
    ready(eng, "B5", ["billing"], {"billing": 5})
    eng.set_state("B5", "not_ready", "break")
    c = eng.new_call(ani="1", ivr={"menu": "2"})
    clock.advance(15)
    eng.set_state("B5", "ready")
    clock.advance(10)
    eng.tick()
    eng.answer("B5", c.call_id)
    assert eng.calls[c.call_id].rec.route.step == 0
    clock.advance(200)
    eng.tick()
    assert eng.calls[c.call_id].rec.state == "connected"


def test_last_agent_targets_previous_agent(eng: Engine, clock: ManualClock) -> None:
    ready(eng, "V1", ["vip"], {"vip": 3})
    ready(eng, "V2", ["vip"], {"vip": 3})
    ctx = CallerContext(
        customer_id="K1", tier="platinum", last_agent_id="V2", open_issue_ids=["I-1042"]
    )
    c = eng.new_call(ani="1", ctx=ctx)
    rec = eng.calls[c.call_id].rec
    assert rec.agent_id == "V2"  # not V1, who has been idle longer
    assert rec.queue == "vip"  # the rule's first queue step
    assert rec.route.reason == "platinum caller; you handled their open issue I-1042"


def test_last_agent_busy_is_waited_for_then_queue(eng: Engine, clock: ManualClock) -> None:
    ready(eng, "V1", ["vip"], {"vip": 3})
    ready(eng, "V2", ["general"])
    other = eng.new_call(ani="0")
    assert eng.calls[other.call_id].rec.agent_id == "V2"
    eng.answer("V2", other.call_id)
    c = eng.new_call(ani="1", ctx=CallerContext(customer_id="K1", tier="gold", last_agent_id="V2"))
    rec = eng.calls[c.call_id].rec
    assert (rec.state, rec.route.step) == ("queued", 0)  # V1 is ready but not the target
    eng.hangup("V2", other.call_id)
    eng.wrapup("V2", other.call_id, "resolved")
    assert rec.agent_id == "V2"
    assert rec.route.reason == "gold caller; you handled their last call"
    # and when the target stays busy, the wait runs out to the vip queue
    eng.answer("V2", c.call_id)
    c2 = eng.new_call(ani="2", ctx=CallerContext(customer_id="K1", tier="gold"))
    # the switchboard's own history: V2 answered K1 just now
    assert eng.calls[c2.call_id].rec.route.step == 0
    clock.advance(10)
    eng.tick()
    assert eng.calls[c2.call_id].rec.agent_id == "V1"


def test_last_agent_logged_out_or_unknown_is_skipped(eng: Engine) -> None:
    ready(eng, "V1", ["vip"], {"vip": 3})
    eng.login("V9", "V9", ["vip"], {"vip": 1})
    eng.logout("V9")
    c = eng.new_call(ani="1", ctx=CallerContext(customer_id="K", tier="gold", last_agent_id="V9"))
    assert eng.calls[c.call_id].rec.route.step == 1
    assert eng.calls[c.call_id].rec.agent_id == "V1"


def test_target_logging_out_moves_waiting_call_on(eng: Engine) -> None:
    ready(eng, "V2", ["vip"], {"vip": 1})
    eng.set_state("V2", "not_ready", "break")
    c = eng.new_call(ani="1", ctx=CallerContext(customer_id="K", tier="gold", last_agent_id="V2"))
    assert eng.calls[c.call_id].rec.route.step == 0
    eng.logout("V2")
    assert eng.calls[c.call_id].rec.route.step == 1
    eng.check_invariants()


@pytest.mark.parametrize(
    ("queue", "setup", "expected"),
    [
        # longest idle: the agent ready the longest
        ("general", [("A", {}, 0), ("B", {}, 0)], "A"),
        # most skilled
        ("tech", [("A", {"tech": 2}, 0), ("B", {"tech": 5}, 0), ("C", {"tech": 3}, 0)], "B"),
        # fewest calls answered since login
        ("fewest", [("A", {}, 2), ("B", {}, 0), ("C", {}, 1)], "B"),
        # least talk time
        ("talk", [("A", {}, 2), ("B", {}, 1), ("C", {}, 0)], "C"),
    ],
)
def test_strategies(
    eng: Engine,
    clock: ManualClock,
    queue: str,
    setup: list[tuple[str, dict[str, int], int]],
    expected: str,
) -> None:
    intent = {"general": None, "tech": None, "fewest": "fewest", "talk": "talk"}[queue]
    # real calls first (one agent ready at a time): A, B, C get their counts and talk time
    for aid, skills, calls in setup:
        eng.login(aid, aid, [queue, "general"] if queue != "general" else ["general"], skills)
        for _ in range(calls):
            eng.set_state(aid, "ready")
            c = eng.new_call(ani="0")
            assert c.agent_id == aid
            eng.answer(aid, c.call_id)
            clock.advance(100)
            eng.hangup(aid, c.call_id)
            eng.wrapup(aid, c.call_id, "resolved", next_state="not_ready")
    for aid, _skills, _calls in setup:
        eng.set_state(aid, "ready")
        clock.advance(1)
    ivr = {"menu": "3"} if queue == "tech" else ({"intent": intent} if intent else {})
    c = eng.new_call(ani="1", ivr=ivr)
    assert c.agent_id == expected


def test_round_robin_and_random(eng: Engine) -> None:
    for aid in ("R3", "R1", "R2"):
        ready(eng, aid, ["rr"])
    got = []
    for i in range(4):
        c = eng.new_call(ani=str(i), ivr={"intent": "rr"})
        got.append(c.agent_id)
        eng.answer(c.agent_id or "", c.call_id)
        eng.hangup(c.agent_id or "", c.call_id)
        eng.wrapup(c.agent_id or "", c.call_id, "ok")
    assert got == ["R1", "R2", "R3", "R1"]
    for aid in ("X1", "X2", "X3", "X4"):
        ready(eng, aid, ["rand"])
    picked = set()
    for i in range(30):
        c = eng.new_call(ani=str(i), ivr={"intent": "rand"})
        picked.add(c.agent_id)
        eng.reject(c.agent_id or "", c.call_id)
        eng.caller_hangup(c.call_id)
    assert len(picked) > 1


def test_when_keys(eng: Engine, clock: ManualClock) -> None:
    full = CallerContext(customer_id="K", lifecycle="new", open_issue_ids=["I-1"])
    ivr = {"result": "agent_requested", "verified": True}
    c = eng.new_call(ani="1", dnis="400", language="en", ivr=ivr, ctx=full)
    assert c.route.rule == "everything"
    for change in (
        {"dnis": "401"},
        {"language": "zh"},
        {"ivr": {**ivr, "verified": False}},
        {"ivr": {**ivr, "result": "ok"}},
    ):
        kw = {"dnis": "400", "language": "en", "ivr": ivr} | change
        assert eng.new_call(ani="1", ctx=full, **kw).route.rule == "fallback"  # type: ignore[arg-type]
    no_issue = CallerContext(customer_id="K", lifecycle="new")
    assert eng.new_call(ani="1", dnis="400", language="en", ivr=ivr, ctx=no_issue).route.rule == (
        "fallback"
    )
    unknown = CallerContext(lifecycle="new", open_issue_ids=["I-1"])
    assert eng.new_call(ani="1", dnis="400", language="en", ivr=ivr, ctx=unknown).route.rule == (
        "fallback"
    )
    # hours in the rules' timezone: Monday 10:00 Shanghai matches, 19:00 does not
    assert eng.new_call(ani="1", ivr={"intent": "hours"}).route.rule == "office hours"
    clock.advance(9 * 3600)
    assert eng.new_call(ani="1", ivr={"intent": "hours"}).route.rule == "fallback"
    # language falls back to the customer's
    c = eng.new_call(ani="1", ctx=CallerContext(customer_id="K", language="zh"))
    assert c.language == "zh"
    # a menu sent as a number still matches "2"
    assert eng.new_call(ani="1", ivr={"menu": 2}).route.rule == "billing menu"


def test_caller_hangup(eng: Engine) -> None:
    ready(eng, "A1", ["general"])
    c1 = eng.new_call(ani="1")  # offered to A1
    c2 = eng.new_call(ani="2")  # queued
    eng.take_changes()
    eng.caller_hangup(c1.call_id)
    ch = eng.take_changes()
    assert [x.type for x in ch[:2]] == ["call.revoked", "call.abandoned"]
    assert ch[0].extra["revoke_reason"] == "caller_hangup"
    # A1 is free again and gets c2
    assert eng.calls[c2.call_id].rec.agent_id == "A1"
    eng.answer("A1", c2.call_id)
    eng.caller_hangup(c2.call_id)
    assert eng.agents["A1"].rec.state == "wrap_up"
    for cid in (c1.call_id, c2.call_id):
        with pytest.raises(CommandError) as info:
            eng.caller_hangup(cid)
        assert info.value.code == "invalid_state"
    with pytest.raises(CommandError) as info:
        eng.caller_hangup("nope")
    assert info.value.code == "unknown_call"


def test_transfer_to_queue_and_agent(eng: Engine) -> None:
    ready(eng, "A1", ["general"])
    c = eng.new_call(ani="1")
    eng.answer("A1", c.call_id)
    ready(eng, "T1", ["tech"], {"tech": 1})
    eng.take_changes()
    eng.transfer("A1", c.call_id, queue="tech")
    ch = eng.take_changes()
    assert ch[0].type == "call.transferred" and ch[0].desks == ("A1",)
    assert set(ch[0].queues) == {"general", "tech"}
    rec = eng.calls[c.call_id].rec
    assert (rec.state, rec.agent_id, rec.queue) == ("offered", "T1", "tech")
    assert eng.agents["A1"].rec.state == "wrap_up"
    eng.answer("T1", c.call_id)
    eng.wrapup("A1", c.call_id, "escalated")
    # to an agent: must be ready, and not yourself
    eng.set_state("A1", "not_ready", "break")
    for target in ("A1", "T1"):
        with pytest.raises(CommandError) as info:
            eng.transfer("T1", c.call_id, to_agent=target)
        assert info.value.code == "invalid_state"
    eng.set_state("A1", "ready")
    eng.transfer("T1", c.call_id, to_agent="A1")
    assert (rec.state, rec.agent_id) == ("offered", "A1")
    assert rec.route.reason == "transferred to A1"
    eng.reject("A1", c.call_id)
    assert rec.queue == "tech" and rec.state == "queued"  # back to the queue it came from
    eng.check_invariants()


def test_refused_commands_change_nothing(eng: Engine) -> None:
    ready(eng, "A1", ["general"])
    c = eng.new_call(ani="1")
    eng.take_changes()
    before = (eng.agents["A1"].rec.version, eng.calls[c.call_id].rec.version)
    for fn in (
        lambda: eng.answer("A2", c.call_id),
        lambda: eng.hold("A1", c.call_id),
        lambda: eng.hangup("A1", c.call_id),
        lambda: eng.set_state("A1", "not_ready", "break"),
        lambda: eng.logout("A1"),
        lambda: eng.transfer("A1", c.call_id, queue="tech"),
        lambda: eng.wrapup("A1", c.call_id, "x"),
        lambda: eng.answer("A1", "nope"),
    ):
        with pytest.raises(CommandError):
            fn()
    assert eng.take_changes() == []
    assert before == (eng.agents["A1"].rec.version, eng.calls[c.call_id].rec.version)


def test_snapshot_queues(eng: Engine, clock: ManualClock) -> None:
    eng.new_call(ani="1", ivr={"menu": "2"})
    clock.advance(7)
    eng.new_call(ani="2", ivr={"menu": "2"})
    rows = {r["queue_id"]: r for r in eng.snapshot()["queues"]}
    assert rows["billing"]["waiting"] == 2 and rows["billing"]["oldest_wait"] == 7
    assert rows["general"] == rows["general"] | {"waiting": 0, "oldest_wait": 0}
    ready(eng, "A1", ["general"])
    snap = eng.snapshot("agent:A1")
    assert [a.agent_id for a in snap["agents"]] == ["A1"] and snap["calls"] == []


def test_login_is_idempotent_and_versions_rise(eng: Engine) -> None:
    ready(eng, "A1", ["general"])
    v = eng.agents["A1"].rec.version
    assert eng.login("A1", "A1", ["vip"], {}).state == "ready"  # re-attach: unchanged
    assert eng.agents["A1"].rec.version == v
    eng.logout("A1")
    eng.login("A1", "A1", ["vip"], {})
    assert eng.agents["A1"].rec.version == v + 2
    assert eng.agents["A1"].rec.queues == ["vip"]


@pytest.mark.parametrize(
    "strategy",
    ["most_skilled", "fewest_calls", "least_talk_time", "round_robin", "random", "longest_idle"],
)
def test_ready_index_respects_rejections_and_min_skill(strategy: str) -> None:
    from telephony.records import Agent
    from telephony.routing import AgentSt, ReadyIndex
    from telephony.rules import QueueSpec

    idx = ReadyIndex(QueueSpec("q", "s", strategy))
    agents = {}
    for i, (level, handled) in enumerate([(5, 3), (4, 0), (2, 1), (1, 0)]):
        a = AgentSt(
            Agent(agent_id=f"A{i}", skills={"s": level}, handled=handled),
            ready_at=float(i),
            talk_time=float(handled),
        )
        agents[a.rec.agent_id] = a
        idx.add(a, i + 1)
    rng = random.Random(3)
    for _ in range(20):
        got = idx.pick(3, {"A0"}, "", rng)
        assert got is not None and got.rec.agent_id == "A1"  # the only other with skill >= 3
    assert idx.pick(3, {"A0", "A1"}, "", rng) is None
    if strategy == "most_skilled":
        assert idx.pick(1, {"A0"}, "", rng) is agents["A1"]
    if strategy == "fewest_calls":
        assert idx.pick(1, set(), "", rng) is agents["A1"]  # 0 calls, ready before A3
    idx.remove("A1")
    assert idx.pick(3, {"A0"}, "", rng) is None
    assert len(idx) == 3 and "A1" not in idx
    # re-added with a new token: found again, the stale heap entry is ignored
    idx.add(agents["A1"], 99)
    assert idx.pick(4, set(), "A0", rng) in (agents["A0"], agents["A1"])


def test_supervisor_repairs_a_reserved_agent(eng: Engine) -> None:
    ready(eng, "A1", ["general"])
    ready(eng, "A2", ["general"])
    eng.set_state("A2", "not_ready", "break")
    c = eng.new_call(ani="1")
    assert eng.agents["A1"].rec.state == "reserved"
    # the agent's own state change stays refused while ringing
    with pytest.raises(CommandError) as info:
        eng.set_state("A1", "not_ready", "break")
    assert info.value.code == "invalid_state"
    eng.take_changes()
    a = eng.set_state("A1", "ready", supervisor_id="S1")
    ch = eng.take_changes()
    assert ch[0].type == "call.revoked" and ch[0].desks == ("A1",)
    assert ch[0].extra == {"revoke_reason": "rejected", "supervisor_id": "S1"}
    assert ch[1].type == "agent.state" and ch[1].extra == {"supervisor_id": "S1"}
    # the call is back at its place and not offered to A1 again
    assert a.state == "ready" and a.call_id is None
    assert eng.calls[c.call_id].rec.state == "queued"
    eng.set_state("A2", "ready")
    assert eng.calls[c.call_id].rec.agent_id == "A2"
    # not_ready from reserved revokes too
    c2 = eng.new_call(ani="2")
    assert eng.calls[c2.call_id].rec.agent_id == "A1"
    eng.set_state("A1", "not_ready", "meeting", supervisor_id="S1")
    assert eng.agents["A1"].rec.state == "not_ready"
    assert eng.calls[c2.call_id].rec.state == "queued"
    eng.check_invariants()


def test_supervisor_force_logout_from_any_state(eng: Engine, clock: ManualClock) -> None:
    ready(eng, "A1", ["general"])
    ready(eng, "A2", ["general"])
    eng.set_state("A2", "not_ready", "break")
    c = eng.new_call(ani="1")
    # a ringing offer: revoked, back in the queue; the agent logged out
    with pytest.raises(CommandError) as info:
        eng.logout("A1")  # the agent's own logout stays refused while ringing
    assert info.value.code == "invalid_state"
    eng.take_changes()
    eng.set_state("A1", "logged_out", supervisor_id="S1")
    ch = eng.take_changes()
    assert [x.type for x in ch] == ["call.revoked", "agent.state"]
    assert ch[0].extra["revoke_reason"] == "rejected" and ch[0].extra["supervisor_id"] == "S1"
    assert eng.agents["A1"].rec.state == "logged_out"
    assert eng.calls[c.call_id].rec.state == "queued"
    eng.set_state("A2", "ready")
    eng.answer("A2", c.call_id)
    eng.hold("A2", c.call_id)
    # on a call (held): the call ends as if the agent hung up, ended_by supervisor
    with pytest.raises(CommandError) as info:
        eng.set_state("A2", "not_ready", "break", supervisor_id="S1")
    assert info.value.code == "invalid_state"  # only a force logout ends a call
    clock.advance(30)
    eng.take_changes()
    a = eng.set_state("A2", "logged_out", supervisor_id="S1")
    ch = eng.take_changes()
    assert [x.type for x in ch] == ["call.ended", "agent.state"]
    assert ch[0].extra == {"ended_by": "supervisor", "supervisor_id": "S1"}
    assert ch[0].record.state == "ended" and ch[0].desks == ("A2",)
    assert (a.state, a.call_id) == ("logged_out", None)
    assert c.call_id not in eng.calls and eng.finished[c.call_id].state == "ended"
    eng.check_invariants()


def test_every_call_has_a_queue_even_without_a_queue_step(clock: ManualClock) -> None:
    rules = parse_rules(
        "version: 1\nqueues: {general: {}, night: {}}\n"
        "rules:\n  - {name: closed, when: {ivr.intent: closed}, steps: [{callback: true}]}\n"
        "fallback: {queue: night}\n",
        "t.yaml",
    )
    eng = Engine(rules, clock)
    c = eng.new_call(ani="1", ivr={"intent": "closed"})
    assert (c.state, c.queue) == ("callback", "night")
    ch = eng.take_changes()
    assert [(x.type, x.queues) for x in ch] == [("call.callback", ("night",))]
    assert next(r for r in eng.queue_rows() if r["queue_id"] == "night")["callbacks"] == 1
