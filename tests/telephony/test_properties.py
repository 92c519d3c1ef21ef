"""Property tests: random scenarios keep the invariants; random frames change nothing."""

from __future__ import annotations

import json
import random
from typing import Any

import msgspec
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from telephony import protocol as P
from telephony.records import to_dict
from telephony.routing import CallerContext, CommandError, Engine, ManualClock
from telephony.rules import parse_rules
from telephony.switchboard import Switchboard

from .test_routing import RULES

AGENTS = ["A1", "A2", "A3", "A4"]
QUEUE_SETS = [["general"], ["billing", "general"], ["vip", "billing"], ["tech", "rr", "general"]]
SKILLS = [{}, {"billing": 2}, {"vip": 3, "billing": 5}, {"tech": 4}]

op = st.one_of(
    st.tuples(
        st.just("call"),
        st.sampled_from([{}, {"menu": "2"}, {"menu": "3"}, {"intent": "rr"}]),
        st.sampled_from([None, "gold", "platinum"]),
        st.sampled_from([None, *AGENTS]),
    ),
    st.tuples(st.just("login"), st.integers(0, 3)),
    st.tuples(st.just("logout"), st.integers(0, 3)),
    st.tuples(
        st.just("state"), st.integers(0, 3), st.sampled_from(["ready", "not_ready", "logged_out"])
    ),
    st.tuples(
        st.sampled_from(["answer", "reject", "hold", "resume", "hangup", "wrapup"]),
        st.integers(0, 3),
        st.integers(0, 30),
    ),
    st.tuples(
        st.just("transfer"),
        st.integers(0, 3),
        st.integers(0, 30),
        st.sampled_from(["tech", "general", "A1", "A2"]),
    ),
    st.tuples(st.just("ivr_hangup"), st.integers(0, 30)),
    st.tuples(st.just("advance"), st.sampled_from([0.5, 3.0, 9.0, 16.0, 31.0])),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(op, min_size=1, max_size=60))
def test_random_scenarios_keep_invariants(ops: list[tuple[Any, ...]]) -> None:
    clock = ManualClock()
    eng = Engine(parse_rules(RULES), clock, rng=random.Random(1))
    created: list[str] = []
    versions: dict[tuple[str, str], int] = {}
    agent_state: dict[str, str] = {}
    for o in ops:
        kind = o[0]
        before_changes = len(eng.changes)
        try:
            if kind == "call":
                ctx = CallerContext(
                    customer_id="K" if o[2] else None, tier=o[2], last_agent_id=o[3]
                )
                created.append(eng.new_call(ani="1", ivr=o[1], ctx=ctx).call_id)
            elif kind == "login":
                eng.login(AGENTS[o[1]], AGENTS[o[1]], QUEUE_SETS[o[1]], SKILLS[o[1]])
            elif kind == "logout":
                eng.logout(AGENTS[o[1]])
            elif kind == "state":
                eng.set_state(AGENTS[o[1]], o[2], "break" if o[2] == "not_ready" else None)
            elif kind == "ivr_hangup":
                if created:
                    eng.caller_hangup(created[o[1] % len(created)])
            elif kind == "advance":
                clock.advance(o[1])
                eng.tick()
            elif created:
                aid = AGENTS[o[1]]
                cid = created[o[2] % len(created)]
                if kind == "wrapup":
                    eng.wrapup(aid, cid, "resolved")
                elif kind == "transfer":
                    tgt = o[3]
                    if tgt in AGENTS:
                        eng.transfer(aid, cid, to_agent=tgt)
                    else:
                        eng.transfer(aid, cid, queue=tgt)
                else:
                    getattr(eng, kind)(aid, cid)
        except CommandError:
            # a refused command changes nothing
            assert len(eng.changes) == before_changes
        eng.check_invariants()
        # every change raises its record's version by exactly one, and offers only go to
        # agents that are eligible (checked against the record at the time)
        for ch in eng.take_changes():
            rec: Any = ch.record
            key = ("a", rec.agent_id) if ch.type == "agent.state" else ("c", rec.call_id)
            assert rec.version == versions.get(key, 0) + 1, (ch.type, rec)
            versions[key] = rec.version
            if ch.type == "agent.state":
                agent_state[rec.agent_id] = rec.state
            if ch.type == "call.offered":
                aid = rec.agent_id
                assert aid is not None and agent_state.get(aid) == "ready", (rec, agent_state)
                agent = eng.agents[aid].rec
                reason = rec.route.reason
                if "you handled" not in reason and not reason.startswith("transferred to"):
                    assert rec.queue in agent.queues, (rec, agent)
                    rule = next((r for r in eng.rules.rules if r.name == rec.route.rule), None)
                    if rule is not None:
                        step = rule.steps[rec.route.step]
                        skill = eng.rules.queues[rec.queue or ""].skill
                        if skill and step.min_skill:
                            assert agent.skills.get(skill, 0) >= step.min_skill
        # no call lost: every call created is live or finished, in a known state
        for cid in created:
            rec2 = eng.calls[cid].rec if cid in eng.calls else eng.finished[cid]
            assert rec2.state in (
                "queued",
                "offered",
                "connected",
                "held",
                "ended",
                "abandoned",
                "callback",
            )
        # one call per agent
        held = [c.rec.agent_id for c in eng.calls.values() if c.rec.agent_id]
        assert len(held) == len(set(held))


def _switchboard() -> Switchboard:
    """A switchboard that is not bound: frames go straight to its handler."""
    sb = Switchboard(parse_rules(RULES), clock=ManualClock())
    sent: list[list[bytes]] = []
    sb._send = lambda route, body: sent.append([*route, body])  # type: ignore[method-assign]
    sb.sent = sent  # type: ignore[attr-defined]
    published: list[tuple[str, dict[str, Any]]] = []
    sb._pub_send = lambda topic, body: published.append(  # type: ignore[method-assign]
        (topic.decode(), json.loads(body))
    )
    sb.published = published  # type: ignore[attr-defined]
    return sb


def _state(sb: Switchboard) -> bytes:
    snap = sb.engine.snapshot()
    return msgspec.json.encode(to_dict(snap))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
commands = st.sampled_from(
    [
        "ivr.call",
        "ivr.hangup",
        "agent.login",
        "agent.logout",
        "agent.state",
        "call.answer",
        "call.reject",
        "call.hold",
        "call.resume",
        "call.transfer",
        "call.hangup",
        "call.wrapup",
        "supervisor.agent_state",
        "snapshot",
        "ping",
        "nope",
        "",
    ]
)
bad_requests = st.one_of(
    st.binary(max_size=200),
    st.builds(lambda v: json.dumps(v).encode(), json_values),
    # well-formed envelopes with random, mistyped arguments
    st.builds(
        lambda cmd, args, v: json.dumps({"v": v, "id": "x", "cmd": cmd, **args}).encode(),
        commands,
        st.dictionaries(
            st.sampled_from(
                [
                    "agent_id",
                    "call_id",
                    "state",
                    "queues",
                    "skills",
                    "scope",
                    "ivr",
                    "supervisor_id",
                    "to_agent",
                    "queue",
                    "disposition",
                    "next_state",
                ]
            ),
            json_values,
            max_size=4,
        ),
        st.sampled_from([1, 1, 2, "1", None]),
    ),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(bad_requests, min_size=1, max_size=10))
def test_random_frames_never_stop_the_switchboard(frames: list[bytes]) -> None:
    sb = _switchboard()
    sb.engine.login("A1", "A1", ["general"], {})
    sb.engine.set_state("A1", "ready")
    sb.engine.new_call(ani="1")
    sb.engine.take_changes()
    for body in frames:
        before = _state(sb)
        sb.handle_frames([b"client", body])
        reply = json.loads(sb.sent[-1][-1])  # type: ignore[attr-defined]
        assert sb.sent[-1][0] == b"client"  # type: ignore[attr-defined]
        assert set(reply) >= {"v", "id", "ok"}
        if not reply["ok"]:
            assert reply["error"]["code"] in (
                "bad_request",
                "unknown_command",
                "unknown_agent",
                "unknown_call",
                "invalid_state",
                "not_allowed",
            )
            assert _state(sb) == before  # a refused request changes nothing
    # and it still works
    sb.handle_frames([b"c", b'{"v":1,"id":"p","cmd":"ping"}'])
    assert json.loads(sb.sent[-1][-1])["ok"]  # type: ignore[attr-defined]
    # whatever was accepted was published with seq rising by one, per topic copy
    seqs = [env["seq"] for _, env in sb.published]  # type: ignore[attr-defined]
    assert seqs == list(range(1, len(seqs) + 1))
    for topic, env in sb.published:  # type: ignore[attr-defined]
        rec = env["data"]
        if env["type"] == "agent.state":
            assert topic in (f"desk/{rec['agent_id']}/", f"agent/{rec['agent_id']}/")
        else:
            assert topic.startswith(("call/", "desk/"))


def _parsed(parse: Any, frame: bytes) -> Any:
    try:
        req = parse(frame)
    except P.ProtocolError as exc:
        return ("error", exc.code, exc.request_id)
    return ("ok", req.id, req.cmd, msgspec.structs.asdict(req.args))


_dup_keys = st.builds(
    lambda cmd, other: (
        b'{"v":1,"id":"d","cmd":'
        + json.dumps(cmd).encode()
        + b',"cmd":'
        + json.dumps(other).encode()
        + b',"agent_id":"A1","state":"ready"}'
    ),
    commands,
    commands,
)


_plausible = {
    "ani": st.sampled_from(["+8613800138000", "", " "]),
    "agent_id": st.sampled_from(["A1", ""]),
    "call_id": st.sampled_from(["c1", "C1"]),
    "state": st.sampled_from(["ready", "not_ready", "logged_out", "on_call"]),
    "reason": st.sampled_from(["break", None]),
    "queues": st.sampled_from([["general"], [], None]),
    "skills": st.sampled_from([{"billing": 3}, {"billing": 9}, None]),
    "scope": st.sampled_from(["all", "agent:A1", "agent:", "x"]),
    "ivr": st.sampled_from([{"menu": "2"}, {"result": "ok"}, {"result": "bad"}, {}]),
    "supervisor_id": st.sampled_from(["S1"]),
    "queue": st.sampled_from(["general", None]),
    "to_agent": st.sampled_from(["A2", None]),
    "disposition": st.sampled_from(["resolved"]),
    "next_state": st.sampled_from(["ready", "not_ready", "bad"]),
}
good_requests = st.builds(
    lambda cmd, args, rid: json.dumps({"v": 1, "id": rid, "cmd": cmd, **args}).encode(),
    commands,
    st.fixed_dictionaries({}, optional=_plausible),
    st.one_of(st.text(max_size=4), st.integers(), st.booleans(), st.none()),
)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(bad_requests, good_requests, _dup_keys))
def test_fast_request_parser_agrees_with_the_checked_one(frame: bytes) -> None:
    """The switchboard's one-pass parser gives the same request, or the same error, as the
    field-by-field one (for every frame, well-formed or not)."""
    fast, slow = _parsed(P.parse_request_fast, frame), _parsed(P.parse_request, frame)
    if fast[0] == "ok" and slow[0] == "ok":
        fast_args = {k: v for k, v in fast[3].items() if k not in ("v", "id")}
        assert (fast[1], fast[2], fast_args) == (slow[1], slow[2], slow[3])
    else:
        assert fast == slow
