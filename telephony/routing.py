"""The routing engine: the switchboard's state machine for agents and calls (no I/O, no Qt).

``Engine(rules, clock)`` owns every agent and call of one switchboard run. Commands are methods
(``login``, ``set_state``, ``new_call``, ``answer``, ``reject``, ...) that either raise
``CommandError(code, message)`` and change nothing, or apply the change and append ``Change``
items (the event type, a copy of the record, the desks it concerns, extra data) to
``engine.changes``; the caller drains them with ``take_changes()``. Timers (ring timeouts, step
waits, wrap-up) fire in ``tick()`` at the driven clock's time; ``next_deadline()`` tells the
caller when to tick next.

Indexes keep a decision cheap: per queue, the ready agents organised for its strategy (see
``ReadyIndex``) and the waiting calls sorted by (priority, arrival), one list per ``min_skill``
so an agent only looks at the lists its skill level allows; per agent, the calls targeted at them
(``last_agent`` steps, transfers to an agent). After every
operation no ready agent is eligible for a waiting call, so a new call only looks at the ready
agents of its step's queue and a newly ready agent only at the heads of its queues.
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import itertools
import random
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import msgspec

from telephony import protocol as P
from telephony.records import FINAL_CALL_STATES, Agent, Call, Route
from telephony.rules import QueueSpec, Rule, Rules, Step

#: a shallow copy of a record (msgspec's, about twice as fast as ``copy.copy``)
_copy = msgspec.structs.replace


def _queues(old: str | None, new: str | None) -> tuple[str, ...]:
    """The queue topics a change concerns: the call's queue, and the one it left."""
    if old is None or old == new:
        return (new,) if new else ()
    return (old, new) if new else (old,)


class Clock(Protocol):
    def monotonic(self) -> float: ...
    def time(self) -> float: ...


class SystemClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def time(self) -> float:
        return time.time()


class ManualClock:
    """A driven clock for tests: ``advance(seconds)`` moves both readings."""

    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self._mono = 1000.0
        self._wall = start

    def monotonic(self) -> float:
        return self._mono

    def time(self) -> float:
        return self._wall

    def advance(self, seconds: float) -> None:
        self._mono += seconds
        self._wall += seconds


class CommandError(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(slots=True)
class CallerContext:
    """What the switchboard knows about the caller (from the store, looked up before routing)."""

    customer_id: str | None = None
    tier: str | None = None
    lifecycle: str | None = None
    language: str | None = None
    open_issue_ids: list[str] = field(default_factory=list)
    last_agent_id: str | None = None
    last_contact_at: float | None = None
    status: str = "unknown"


@dataclass(slots=True)
class Change:
    type: str
    record: Agent | Call
    #: agents whose desk topic gets this event (call events)
    desks: tuple[str, ...] = ()
    #: queues whose call topic gets this event (call events)
    queues: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True, eq=False)
class AgentSt:
    rec: Agent
    ready_at: float = 0.0  # monotonic, for longest_idle
    missed: int = 0
    talk_time: float = 0.0
    wrap_token: int = 0
    last_call_id: str | None = None
    queue_set: frozenset[str] = frozenset()


@dataclass(slots=True, eq=False)
class CallSt:
    rec: Call
    order: int
    rule: Rule
    ctx: CallerContext
    step_idx: int = 0
    step: Step | None = None
    key: tuple[int, int] = (0, 0)
    #: while indexed: ("q", queue, min_skill) or ("a", agent, 0)
    where: tuple[str, str, int] | None = None
    target: str | None = None
    rejected: set[str] = field(default_factory=set)
    ring_token: int = 0
    step_token: int = 0
    step_expired: bool = False
    entered_at: float = 0.0  # monotonic time the call arrived (step waits add up from here)
    external_id: str | None = None


class ReadyIndex:
    """The ready agents of one queue, organised for its strategy.

    ``order`` keeps them in the order they became ready (longest idle first). Strategies that
    rank by a key (most_skilled, fewest_calls, least_talk_time) keep a heap of (key, ready time)
    with lazy deletion; the key does not change while an agent stays ready. round_robin keeps the
    ids sorted; random keeps an array for O(1) sampling.
    """

    __slots__ = (
        "arr",
        "by_level",
        "heap",
        "ids",
        "level_of",
        "live",
        "order",
        "pos",
        "spec",
        "strategy",
    )

    def __init__(self, spec: QueueSpec) -> None:
        self.spec = spec
        self.strategy = spec.strategy
        self.order: dict[str, AgentSt] = {}
        self.heap: list[tuple[Any, float, int, str]] = []
        self.live: dict[str, int] = {}
        self.ids: list[str] = []
        self.arr: list[str] = []
        self.pos: dict[str, int] = {}
        #: longest_idle on a skilled queue: level -> agents in the order they became ready, with
        #: their ready token, so a ``min_skill`` pick never walks past the agents below it
        self.by_level: dict[int, dict[str, tuple[int, AgentSt]]] = {}
        self.level_of: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self.order)

    def __contains__(self, agent_id: object) -> bool:
        return agent_id in self.order

    def values(self) -> Any:
        return self.order.values()

    def level(self, a: AgentSt) -> int:
        skill = self.spec.skill
        return 5 if skill is None else a.rec.skills.get(skill, 0)

    def add(self, a: AgentSt, token: int) -> None:
        aid = a.rec.agent_id
        self.order[aid] = a
        st = self.strategy
        if st in ("most_skilled", "fewest_calls", "least_talk_time"):
            if st == "most_skilled":
                key: Any = -self.level(a)
            elif st == "fewest_calls":
                key = a.rec.handled
            else:
                key = a.talk_time
            self.live[aid] = token
            heapq.heappush(self.heap, (key, a.ready_at, token, aid))
            if len(self.heap) > 2 * len(self.live) + 64:
                self.heap = [e for e in self.heap if self.live.get(e[3]) == e[2]]
                heapq.heapify(self.heap)
        elif st == "round_robin":
            bisect.insort(self.ids, aid)
        elif st == "random":
            self.pos[aid] = len(self.arr)
            self.arr.append(aid)
        elif self.spec.skill is not None:  # longest_idle, skilled
            lvl = self.level(a)
            self.level_of[aid] = lvl
            self.by_level.setdefault(lvl, {})[aid] = (token, a)

    def remove(self, aid: str) -> None:
        if self.order.pop(aid, None) is None:
            return
        st = self.strategy
        if st in ("most_skilled", "fewest_calls", "least_talk_time"):
            self.live.pop(aid, None)
        elif st == "round_robin":
            i = bisect.bisect_left(self.ids, aid)
            if i < len(self.ids) and self.ids[i] == aid:
                del self.ids[i]
        elif st == "random":
            i = self.pos.pop(aid)
            last = self.arr.pop()
            if last != aid:
                self.arr[i] = last
                self.pos[last] = i
        elif self.spec.skill is not None:
            bucket = self.by_level.get(self.level_of.pop(aid, -1))
            if bucket is not None:
                bucket.pop(aid, None)

    def pick(
        self, min_skill: int, rejected: set[str], rr_last: str, rng: random.Random
    ) -> AgentSt | None:
        if not self.order:
            return None
        skill = self.spec.skill
        need = 0 if skill is None else min_skill

        def ok(a: AgentSt) -> bool:
            if a.rec.agent_id in rejected:
                return False
            return need == 0 or a.rec.skills.get(skill or "", 0) >= need

        st = self.strategy
        if st == "longest_idle":
            if skill is None or need <= 0:
                for a in self.order.values():
                    if ok(a):
                        return a
                return None
            # the longest idle of the heads of the levels at or above min_skill
            best: tuple[int, AgentSt] | None = None
            for lvl, bucket in self.by_level.items():
                if lvl < need:
                    continue
                for entry in bucket.values():
                    if entry[1].rec.agent_id not in rejected:
                        if best is None or entry[0] < best[0]:
                            best = entry
                        break
            return None if best is None else best[1]
        if st == "round_robin":
            ids = self.ids
            i = bisect.bisect_right(ids, rr_last)
            for aid in itertools.chain(ids[i:], ids[:i]):
                a = self.order[aid]
                if ok(a):
                    return a
            return None
        if st == "random":
            arr = self.arr
            for _ in range(8):
                a = self.order[arr[rng.randrange(len(arr))]]
                if ok(a):
                    return a
            cands = [a for a in self.order.values() if ok(a)]
            return rng.choice(cands) if cands else None
        # heap strategies
        heap = self.heap
        live = self.live
        popped: list[tuple[Any, float, int, str]] = []
        found: AgentSt | None = None
        while heap:
            e = heapq.heappop(heap)
            if live.get(e[3]) != e[2]:
                continue  # stale entry: the agent left ready since
            popped.append(e)
            a = self.order[e[3]]
            if ok(a):
                found = a
                break
            if st == "most_skilled" and need and -e[0] < need:
                break  # the best remaining level is below min_skill
        for e in popped:
            heapq.heappush(heap, e)
        return found


class Engine:
    def __init__(
        self,
        rules: Rules,
        clock: Clock | None = None,
        *,
        rng: random.Random | None = None,
        id_prefix: str = "C",
    ) -> None:
        self.rules = rules
        self.clock: Clock = clock or SystemClock()
        self.rng = rng or random.Random()
        self.agents: dict[str, AgentSt] = {}
        self.calls: dict[str, CallSt] = {}
        self.finished: OrderedDict[str, Call] = OrderedDict()
        self.finished_limit = 200_000
        self.changes: list[Change] = []
        self.ready: dict[str, ReadyIndex] = {
            q: ReadyIndex(spec) for q, spec in rules.queues.items()
        }
        #: queue -> min_skill -> waiting calls sorted by (priority, arrival)
        self.waiting: dict[str, dict[int, list[tuple[tuple[int, int], str]]]] = {
            q: {} for q in rules.queues
        }
        self.targeted: dict[str, list[tuple[tuple[int, int], str]]] = {}
        self.rr_last: dict[str, str] = {}
        self.last_agent_of: dict[str, tuple[str, float]] = {}
        self._timers: list[tuple[float, int, str, str, int]] = []
        self._tok = itertools.count(1)
        self._order = itertools.count(1)
        self._ids = itertools.count(1)
        self.id_prefix = id_prefix

    # --- helpers --------------------------------------------------------------------------------

    def take_changes(self) -> list[Change]:
        out, self.changes = self.changes, []
        return out

    def _agent_changed(self, a: AgentSt, extra: dict[str, Any] | None = None) -> None:
        a.rec.version += 1
        self.changes.append(Change("agent.state", _copy(a.rec), (a.rec.agent_id,), (), extra or {}))

    def _call_changed(
        self,
        c: CallSt,
        type_: str,
        desks: tuple[str, ...] | None = None,
        extra: dict[str, Any] | None = None,
        queues: tuple[str, ...] | None = None,
    ) -> None:
        c.rec.version += 1
        if desks is None:
            desks = (c.rec.agent_id,) if c.rec.agent_id else ()
        if queues is None:
            queues = (c.rec.queue,) if c.rec.queue else ()
        self.changes.append(Change(type_, _copy(c.rec), desks, queues, extra or {}))

    def _set_agent_state(self, a: AgentSt, state: str, reason: str | None = None) -> None:
        """Move an agent to ``state`` keeping the ready index in step (no event)."""
        rec = a.rec
        if rec.state == "ready" and state != "ready":
            for q in a.queue_set:
                idx = self.ready.get(q)
                if idx is not None:
                    idx.remove(rec.agent_id)
        elif state == "ready" and rec.state != "ready":
            a.ready_at = self.clock.monotonic()
            token = next(self._tok)
            for q in a.queue_set:
                idx = self.ready.get(q)
                if idx is not None:
                    idx.add(a, token)
        if state != rec.state or reason != rec.reason:
            rec.since = self.clock.time()
        rec.state = state
        rec.reason = reason

    def _timer(self, delay: float, kind: str, ident: str, token: int) -> None:
        heapq.heappush(self._timers, (self.clock.monotonic() + delay, token, kind, ident, token))

    def _agent(self, agent_id: str) -> AgentSt:
        a = self.agents.get(agent_id)
        if a is None:
            raise CommandError(P.UNKNOWN_AGENT, f"unknown agent {agent_id!r}")
        return a

    def _logged_in(self, agent_id: str) -> AgentSt:
        a = self._agent(agent_id)
        if a.rec.state == "logged_out":
            raise CommandError(P.INVALID_STATE, f"agent {agent_id!r} is logged out")
        return a

    def _call(self, call_id: str) -> CallSt:
        c = self.calls.get(call_id)
        if c is None:
            if call_id in self.finished:
                raise CommandError(
                    P.INVALID_STATE, f"call {call_id!r} is {self.finished[call_id].state}"
                )
            raise CommandError(P.UNKNOWN_CALL, f"unknown call {call_id!r}")
        return c

    def skill_level(self, a: AgentSt, q: QueueSpec) -> int:
        if q.skill is None:
            return 5
        return a.rec.skills.get(q.skill, 0)

    # --- agent commands -------------------------------------------------------------------------

    def login(self, agent_id: str, name: str, queues: list[str], skills: dict[str, int]) -> Agent:
        a = self.agents.get(agent_id)
        if a is not None and a.rec.state != "logged_out":
            return a.rec  # already logged in: a desktop re-attaching
        if a is None:
            a = AgentSt(Agent(agent_id=agent_id))
            self.agents[agent_id] = a
        rec = a.rec
        rec.name = name
        rec.queues = list(dict.fromkeys(queues))
        rec.skills = dict(skills)
        rec.call_id = None
        rec.handled = 0
        a.queue_set = frozenset(rec.queues)
        a.missed = 0
        a.talk_time = 0.0
        self._set_agent_state(a, "not_ready", "login")
        self._agent_changed(a)
        return rec

    def _supervisor_revoke(self, a: AgentSt, supervisor_id: str) -> CallSt:
        """A supervisor takes a ringing offer off ``a``: revoked as ``rejected`` (the call goes
        back to its place and is not offered to ``a`` again); the agent's state is the caller's."""
        c = self.calls[a.rec.call_id or ""]
        c.rejected.add(a.rec.agent_id)
        self._end_offer(c, "rejected", supervisor_id)
        return c

    def logout(self, agent_id: str, supervisor_id: str | None = None) -> Agent:
        a = self._logged_in(agent_id)
        requeue: CallSt | None = None
        if a.rec.state in ("reserved", "on_call"):
            if supervisor_id is None:
                raise CommandError(P.INVALID_STATE, f"agent {agent_id!r} is {a.rec.state}")
            # a supervisor's force logout works from any state
            if a.rec.state == "reserved":
                requeue = self._supervisor_revoke(a, supervisor_id)
            else:
                held = self.calls[a.rec.call_id or ""]
                if held.rec.answered_at is not None:
                    a.talk_time += max(0.0, self.clock.time() - held.rec.answered_at)
                held.rec.state = "ended"
                held.rec.ended_at = self.clock.time()
                self._call_changed(
                    held,
                    "call.ended",
                    extra={"ended_by": "supervisor", "supervisor_id": supervisor_id},
                )
                self._finish(held)
                a.last_call_id = held.rec.call_id
        a.wrap_token = 0
        self._set_agent_state(a, "logged_out", None)
        a.rec.call_id = None
        self._agent_changed(a, {"supervisor_id": supervisor_id} if supervisor_id else None)
        # calls waiting for this agent (last_agent steps) move on at once
        for _key, cid in list(self.targeted.pop(agent_id, [])):
            c = self.calls.get(cid)
            if c is not None:
                c.where = None
                self._enter_step(c, c.step_idx)  # the target is gone: the step is skipped
        if requeue is not None:
            self._requeue(requeue)
        return a.rec

    def set_state(
        self,
        agent_id: str,
        state: str,
        reason: str | None = None,
        supervisor_id: str | None = None,
    ) -> Agent:
        if state == "logged_out":
            return self.logout(agent_id, supervisor_id)
        a = self._logged_in(agent_id)
        revoked: CallSt | None = None
        if a.rec.state == "on_call" or (a.rec.state == "reserved" and supervisor_id is None):
            raise CommandError(P.INVALID_STATE, f"agent {agent_id!r} is {a.rec.state}")
        if state == "ready":
            reason = None
        if a.rec.state == "reserved":
            assert supervisor_id is not None
            revoked = self._supervisor_revoke(a, supervisor_id)
        elif a.rec.state == state and a.rec.reason == reason:
            return a.rec
        if a.rec.state == "wrap_up":
            a.wrap_token = 0
            a.rec.call_id = None
        if state == "ready":
            a.missed = 0
        self._set_agent_state(a, state, reason)
        self._agent_changed(a, {"supervisor_id": supervisor_id} if supervisor_id else None)
        if revoked is not None:
            self._requeue(revoked)
        if state == "ready":
            self._route_agent(a)
        return a.rec

    # --- call commands --------------------------------------------------------------------------

    def match_rule(self, facts: dict[str, Any], wall: float | None = None) -> Rule:
        for rule in self.rules.rules:
            if self._matches(rule, facts, wall):
                return rule
        return self.rules.fallback

    def _matches(self, rule: Rule, facts: dict[str, Any], wall: float | None) -> bool:
        for key, values in rule.when.items():
            if key == "hours":
                t = self.clock.time() if wall is None else wall
                local = dt.datetime.fromtimestamp(t, self.rules.timezone)
                if not any(h.matches(local) for h in rule.hours):
                    return False
                continue
            v = facts.get(key)
            if v is None or v not in values:
                return False
        return True

    @staticmethod
    def facts(ctx: CallerContext, call: Call) -> dict[str, Any]:
        ivr = call.ivr
        menu = ivr.get("menu")
        return {
            "tier": ctx.tier,
            "lifecycle": ctx.lifecycle,
            "language": call.language,
            "dnis": call.dnis,
            "known": ctx.customer_id is not None,
            "open_issue": bool(ctx.open_issue_ids),
            "ivr.menu": None if menu is None else str(menu),
            "ivr.intent": ivr.get("intent"),
            "ivr.result": ivr.get("result"),
            "ivr.verified": ivr.get("verified") if isinstance(ivr.get("verified"), bool) else None,
        }

    def new_call_id(self) -> str:
        return f"{self.id_prefix}{next(self._ids)}"

    def new_call(
        self,
        *,
        ani: str,
        dnis: str | None = None,
        language: str | None = None,
        ivr: dict[str, Any] | None = None,
        ctx: CallerContext | None = None,
        call_id: str | None = None,
        external_id: str | None = None,
    ) -> Call:
        ctx = ctx or CallerContext()
        now = self.clock.time()
        rec = Call(
            call_id=call_id or self.new_call_id(),
            ani=ani,
            dnis=dnis,
            customer_id=ctx.customer_id,
            tier=ctx.tier,
            language=language or ctx.language,
            arrived_at=now,
            queued_at=now,
            ivr=dict(ivr or {}),
        )
        # last agent: latest of the store's interactions and this switchboard's own calls
        if ctx.customer_id is not None:
            mine = self.last_agent_of.get(ctx.customer_id)
            if mine is not None and (
                ctx.last_agent_id is None
                or ctx.last_contact_at is None
                or mine[1] >= ctx.last_contact_at
            ):
                ctx.last_agent_id = mine[0]
        rule = self.match_rule(self.facts(ctx, rec), now)
        c = CallSt(rec, next(self._order), rule, ctx, external_id=external_id)
        c.entered_at = self.clock.monotonic()
        # every call has a queue (its call/<queue>/ topic): the rule's first queue step, else
        # (a rule without one, e.g. callback only) the fallback step's queue
        rec.queue = rule.first_queue or self.rules.fallback.steps[0].queue
        self.calls[rec.call_id] = c
        self._enter_step(c, 0, first=True)
        return c.rec

    def _caller_label(self, c: CallSt) -> str:
        if c.ctx.tier:
            return f"{c.ctx.tier} caller"
        if c.ctx.customer_id:
            return "known caller"
        return "caller"

    def _reason(self, c: CallSt, idx: int, step: Step) -> str:
        rule = c.rule
        after = sum(s.wait or 0 for s in rule.steps[:idx])
        after_txt = f" after {after:g} s" if idx and after else ""
        head = rule.name if rule.name != "fallback" else "no rule matched"
        if step.agent is not None:
            return f"transferred to {step.agent}{after_txt}"
        if step.last_agent:
            if c.ctx.open_issue_ids:
                return (
                    f"{self._caller_label(c)}; you handled their open issue "
                    f"{c.ctx.open_issue_ids[0]}"
                )
            return f"{self._caller_label(c)}; you handled their last call"
        if step.callback:
            return f"{head}, step {idx + 1}: callback offered{after_txt}"
        assert step.queue is not None
        q = self.rules.queues.get(step.queue)
        skill = ""
        if q is not None and q.skill and step.min_skill:
            skill = f" with skill >= {step.min_skill}"
        if rule.name.startswith("transfer"):
            return f"{rule.name}: {step.queue} agents{skill}"
        return f"{head}, step {idx + 1}: {step.queue} agents{skill}{after_txt}"

    def _enter_step(self, c: CallSt, idx: int, *, first: bool = False) -> None:
        """Put the call into step ``idx`` (skipping steps that do not apply) and route it."""
        steps = c.rule.steps
        while True:
            step = steps[idx]
            if step.last_agent or step.agent is not None:
                target = step.agent or c.ctx.last_agent_id
                ta = self.agents.get(target) if target else None
                if ta is None or ta.rec.state == "logged_out" or target in c.rejected:
                    if idx + 1 < len(steps):
                        idx += 1
                        continue
                    # nothing else to do: fall back to the rule's first queue or fallback
                    c.rule = self.rules.fallback
                    idx = 0
                    continue
            break
        self._unindex(c)  # before the key changes
        # a call that moves to another queue is told on both queues' topics (supervisors of
        # the old queue see it leave), as a transfer is
        old_queue = c.rec.queue
        c.step_idx = idx
        c.step = step
        c.step_expired = False
        c.step_token = next(self._tok)
        c.rec.route = Route(rule=c.rule.name, step=idx, reason=self._reason(c, idx, step))
        c.rec.priority = step.priority
        c.key = (-step.priority, c.order)
        if step.callback:
            c.rec.state = "callback"
            self._unindex(c)
            self._call_changed(c, "call.callback", desks=(), queues=_queues(old_queue, c.rec.queue))
            return
        if step.queue is not None:
            c.rec.queue = step.queue
        elif c.rec.queue is None:
            c.rec.queue = c.rule.first_queue or self.rules.fallback.steps[0].queue
        if step.wait is not None:
            self._timer(step.wait, "step", c.rec.call_id, c.step_token)
        if c.rec.state != "offered":
            c.rec.state = "queued"
            self._unindex(c)
            self._index(c)
            self._call_changed(c, "call.queued", desks=(), queues=_queues(old_queue, c.rec.queue))
            self._route_call(c)
        # an offered call whose step changes keeps ringing; it is re-indexed when the ring ends

    def _index(self, c: CallSt) -> None:
        step = c.step
        assert step is not None
        if step.last_agent or step.agent is not None:
            target = step.agent or c.ctx.last_agent_id
            assert target is not None
            c.target = target
            bisect.insort(self.targeted.setdefault(target, []), (c.key, c.rec.call_id))
            c.where = ("a", target, 0)
        else:
            assert step.queue is not None
            ms = step.min_skill
            bisect.insort(self.waiting[step.queue].setdefault(ms, []), (c.key, c.rec.call_id))
            c.where = ("q", step.queue, ms)

    def _unindex(self, c: CallSt) -> None:
        if c.where is None:
            return
        kind, name, ms = c.where
        lst = self.waiting[name].get(ms) if kind == "q" else self.targeted.get(name)
        if lst is not None:
            item = (c.key, c.rec.call_id)
            i = bisect.bisect_left(lst, item)
            if i < len(lst) and lst[i] == item:
                del lst[i]
            else:  # key changed while indexed (should not happen); slow path
                for j, it in enumerate(lst):
                    if it[1] == c.rec.call_id:
                        del lst[j]
                        break
            if kind == "a" and not lst:
                self.targeted.pop(name, None)
        c.where = None

    def _eligible(self, a: AgentSt, c: CallSt) -> bool:
        """Whether ready agent ``a`` may take waiting call ``c`` in its current step."""
        step = c.step
        if step is None or a.rec.agent_id in c.rejected:
            return False
        if step.last_agent or step.agent is not None:
            return a.rec.agent_id == c.target
        q = step.queue
        if q is None or q not in a.queue_set:
            return False
        return step.min_skill == 0 or self.skill_level(a, self.rules.queues[q]) >= step.min_skill

    def _route_call(self, c: CallSt) -> None:
        """A call became waiting: offer it to the agent its step's strategy picks, if any."""
        step = c.step
        if step is None or c.rec.state != "queued":
            return
        if step.last_agent or step.agent is not None:
            a = self.agents.get(c.target or "")
            if a is not None and a.rec.state == "ready" and a.rec.agent_id not in c.rejected:
                self._offer(c, a)
            return
        assert step.queue is not None
        qs = self.rules.queues[step.queue]
        best = self._pick(qs, step.min_skill, c.rejected)
        if best is not None:
            self._offer(c, best)

    def _pick(self, qs: QueueSpec, min_skill: int, rejected: set[str]) -> AgentSt | None:
        idx = self.ready.get(qs.queue_id)
        if not idx:
            return None
        return idx.pick(min_skill, rejected, self.rr_last.get(qs.queue_id, ""), self.rng)

    def _route_agent(self, a: AgentSt) -> None:
        """An agent became ready: offer them the best waiting call they are eligible for."""
        if a.rec.state != "ready":
            return
        best: CallSt | None = None
        lists = [self.targeted.get(a.rec.agent_id)]
        for q in a.rec.queues:
            by_skill = self.waiting.get(q)
            if not by_skill:
                continue
            skill = self.rules.queues[q].skill
            level = 5 if skill is None else a.rec.skills.get(skill, 0)
            lists.extend(lst for ms, lst in by_skill.items() if ms <= level)
        for lst in lists:
            if not lst:
                continue
            for key, cid in lst:
                if best is not None and key >= best.key:
                    break
                c = self.calls[cid]
                if self._eligible(a, c):
                    best = c
                    break
        if best is not None:
            self._offer(best, a)

    def _offer(self, c: CallSt, a: AgentSt) -> None:
        self._unindex(c)
        rec = c.rec
        rec.state = "offered"
        rec.agent_id = a.rec.agent_id
        rec.offered_at = self.clock.time()
        c.ring_token = next(self._tok)
        self._timer(self.rules.defaults.ring_timeout, "ring", rec.call_id, c.ring_token)
        step = c.step
        if step is not None and step.queue is not None:
            self.rr_last[step.queue] = a.rec.agent_id
        self._set_agent_state(a, "reserved", None)
        a.rec.call_id = rec.call_id
        self._call_changed(c, "call.offered")
        self._agent_changed(a)

    def _requeue(self, c: CallSt) -> None:
        """An offer ended without an answer: back at its place (or on to the next step)."""
        c.rec.state = "queued"
        c.rec.agent_id = None
        c.ring_token = 0
        if c.step_expired:
            self._next_step(c)
            return
        if (
            c.target is not None
            and c.target in c.rejected
            and c.step is not None
            and (c.step.last_agent or c.step.agent is not None)
        ):
            self._enter_step(c, c.step_idx)  # the targeted agent said no: move on at once
            return
        self._index(c)
        self._route_call(c)

    def _next_step(self, c: CallSt) -> None:
        if c.step_idx + 1 < len(c.rule.steps):
            self._enter_step(c, c.step_idx + 1)
        else:
            c.step_expired = False
            if c.rec.state == "queued" and c.where is None:
                self._index(c)
                self._route_call(c)

    def _end_offer(self, c: CallSt, reason: str, supervisor_id: str | None = None) -> AgentSt:
        """Withdraw the ringing offer of ``c``; returns its agent (state left to the caller)."""
        a = self.agents[c.rec.agent_id or ""]
        a.rec.call_id = None
        desk = a.rec.agent_id
        c.rec.state = "queued"
        c.rec.agent_id = None
        c.ring_token = 0
        extra: dict[str, Any] = {"revoke_reason": reason}
        if supervisor_id is not None:
            extra["supervisor_id"] = supervisor_id
        self._call_changed(c, "call.revoked", desks=(desk,), extra=extra)
        return a

    def _offered_to(self, agent_id: str, call_id: str) -> tuple[AgentSt, CallSt]:
        a = self._logged_in(agent_id)
        c = self._call(call_id)
        if c.rec.state != "offered" or c.rec.agent_id != agent_id:
            raise CommandError(P.INVALID_STATE, f"call {call_id!r} is not offered to {agent_id!r}")
        return a, c

    def _held_by(
        self, agent_id: str, call_id: str, states: tuple[str, ...]
    ) -> tuple[AgentSt, CallSt]:
        a = self._logged_in(agent_id)
        c = self._call(call_id)
        if c.rec.agent_id != agent_id or c.rec.state not in states:
            raise CommandError(
                P.INVALID_STATE, f"call {call_id!r} is {c.rec.state}, not yours to do that"
            )
        return a, c

    def answer(self, agent_id: str, call_id: str) -> Call:
        a, c = self._offered_to(agent_id, call_id)
        c.ring_token = 0
        c.step_token = 0
        c.step_expired = False
        now = self.clock.time()
        c.rec.state = "connected"
        c.rec.answered_at = now
        a.missed = 0
        a.rec.handled += 1
        a.last_call_id = call_id
        self._set_agent_state(a, "on_call", None)
        if c.rec.customer_id:
            self.last_agent_of[c.rec.customer_id] = (agent_id, now)
        self._call_changed(c, "call.connected")
        self._agent_changed(a)
        return c.rec

    def reject(self, agent_id: str, call_id: str) -> Call:
        a, c = self._offered_to(agent_id, call_id)
        c.rejected.add(agent_id)
        self._end_offer(c, "rejected")
        self._set_agent_state(a, "ready", None)
        self._agent_changed(a)
        self._requeue(c)
        self._route_agent(a)
        return c.rec

    def hold(self, agent_id: str, call_id: str) -> Call:
        _a, c = self._held_by(agent_id, call_id, ("connected",))
        c.rec.state = "held"
        self._call_changed(c, "call.held")
        return c.rec

    def resume(self, agent_id: str, call_id: str) -> Call:
        _a, c = self._held_by(agent_id, call_id, ("held",))
        c.rec.state = "connected"
        self._call_changed(c, "call.resumed")
        return c.rec

    def _finish(self, c: CallSt) -> None:
        self._unindex(c)
        c.ring_token = c.step_token = 0
        self.calls.pop(c.rec.call_id, None)
        self.finished[c.rec.call_id] = c.rec
        while len(self.finished) > self.finished_limit:
            self.finished.popitem(last=False)

    def _to_wrap_up(self, a: AgentSt, c: CallSt) -> None:
        if c.rec.answered_at is not None:
            a.talk_time += max(0.0, self.clock.time() - c.rec.answered_at)
        self._set_agent_state(a, "wrap_up", None)
        a.rec.call_id = c.rec.call_id
        a.last_call_id = c.rec.call_id
        wrap = self.rules.defaults.wrap_up
        a.wrap_token = next(self._tok)
        if wrap > 0:
            self._timer(wrap, "wrap", a.rec.agent_id, a.wrap_token)
        self._agent_changed(a)

    def hangup(self, agent_id: str, call_id: str) -> Call:
        a, c = self._held_by(agent_id, call_id, ("connected", "held"))
        c.rec.state = "ended"
        c.rec.ended_at = self.clock.time()
        self._call_changed(c, "call.ended", extra={"ended_by": "agent"})
        self._finish(c)
        self._to_wrap_up(a, c)
        return c.rec

    def caller_hangup(self, call_id: str) -> Call:
        c = self._call(call_id)
        st = c.rec.state
        if st in ("queued", "offered"):
            a = None
            if st == "offered":
                a = self._end_offer(c, "caller_hangup")
            c.rec.state = "abandoned"
            c.rec.ended_at = self.clock.time()
            self._call_changed(c, "call.abandoned")
            self._finish(c)
            if a is not None:
                self._set_agent_state(a, "ready", None)
                self._agent_changed(a)
                self._route_agent(a)
        elif st in ("connected", "held"):
            a = self.agents[c.rec.agent_id or ""]
            c.rec.state = "ended"
            c.rec.ended_at = self.clock.time()
            self._call_changed(c, "call.ended", extra={"ended_by": "caller"})
            self._finish(c)
            self._to_wrap_up(a, c)
        else:
            raise CommandError(P.INVALID_STATE, f"call {call_id!r} is {st}")
        return c.rec

    def wrapup(
        self,
        agent_id: str,
        call_id: str,
        disposition: str,
        notes: str | None = None,
        next_state: str = "ready",
    ) -> Agent:
        a = self._logged_in(agent_id)
        extra = {"disposition": disposition, "wrapped_call_id": call_id}
        if a.rec.state == "wrap_up" and a.rec.call_id == call_id:
            a.wrap_token = 0
            a.rec.call_id = None
            reason = None if next_state == "ready" else "after_call_work"
            if next_state == "ready":
                a.missed = 0
            self._set_agent_state(a, next_state, reason)
            self._agent_changed(a, extra)
            self._route_agent(a)
            return a.rec
        if a.last_call_id == call_id and a.rec.state in ("ready", "not_ready"):
            return a.rec  # timed wrap-up already ended: the disposition is the desktop's to keep
        raise CommandError(P.INVALID_STATE, f"agent {agent_id!r} is not wrapping up {call_id!r}")

    def transfer(
        self, agent_id: str, call_id: str, queue: str | None = None, to_agent: str | None = None
    ) -> Call:
        a, c = self._held_by(agent_id, call_id, ("connected", "held"))
        if queue is not None:
            if queue not in self.rules.queues:
                raise CommandError(P.BAD_REQUEST, f"unknown queue {queue!r}")
            steps: tuple[Step, ...] = (Step(queue=queue, priority=c.rec.priority),)
            name = f"transfer from {agent_id}"
        else:
            assert to_agent is not None
            if to_agent == agent_id:
                raise CommandError(P.INVALID_STATE, "cannot transfer a call to yourself")
            t = self._agent(to_agent)
            if t.rec.state != "ready":
                raise CommandError(P.INVALID_STATE, f"agent {to_agent!r} is {t.rec.state}")
            back = c.rec.queue or self.rules.fallback.steps[0].queue
            steps = (
                Step(
                    agent=to_agent, wait=self.rules.defaults.ring_timeout, priority=c.rec.priority
                ),
                Step(queue=back, priority=c.rec.priority),
            )
            name = f"transfer from {agent_id}"
        old_queue = c.rec.queue
        rule = Rule(name, {}, steps)
        c.rule = rule
        c.rejected = set()
        c.rec.state = "queued"
        c.rec.agent_id = None
        c.rec.answered_at = None
        c.rec.offered_at = None
        qs = _queues(old_queue, queue or old_queue)
        self._call_changed(
            c,
            "call.transferred",
            desks=(agent_id,),
            queues=qs,
            extra={"from_agent": agent_id, "to_queue": queue, "to_agent": to_agent},
        )
        # the agent wraps the call up; the call goes on without them
        self._to_wrap_up(a, c)
        self._enter_step(c, 0)
        return c.rec

    # --- timers ---------------------------------------------------------------------------------

    def next_deadline(self) -> float | None:
        while self._timers:
            when, _, kind, ident, token = self._timers[0]
            if self._timer_live(kind, ident, token):
                return when
            heapq.heappop(self._timers)
        return None

    def _timer_live(self, kind: str, ident: str, token: int) -> bool:
        if kind == "wrap":
            a = self.agents.get(ident)
            return a is not None and a.wrap_token == token
        c = self.calls.get(ident)
        if c is None:
            return False
        return (c.ring_token if kind == "ring" else c.step_token) == token

    def tick(self) -> int:
        """Fire every timer due at the clock's time; returns how many fired."""
        now = self.clock.monotonic()
        fired = 0
        while self._timers and self._timers[0][0] <= now:
            _, _, kind, ident, token = heapq.heappop(self._timers)
            if not self._timer_live(kind, ident, token):
                continue
            fired += 1
            if kind == "ring":
                self._ring_timeout(self.calls[ident])
            elif kind == "step":
                self._step_timeout(self.calls[ident])
            else:
                a = self.agents[ident]
                a.wrap_token = 0
                a.rec.call_id = None
                self._set_agent_state(a, "ready", None)
                self._agent_changed(a, {"wrap_up": "timeout"})
                self._route_agent(a)
        return fired

    def _ring_timeout(self, c: CallSt) -> None:
        a = self._end_offer(c, "ring_timeout")
        a.missed += 1
        if a.missed >= self.rules.defaults.max_no_answer:
            self._set_agent_state(a, "not_ready", "no_answer")
        else:
            self._set_agent_state(a, "ready", None)
        self._agent_changed(a)
        self._requeue(c)
        self._route_agent(a)

    def _step_timeout(self, c: CallSt) -> None:
        c.step_token = 0
        if c.rec.state == "offered":
            c.step_expired = True  # let the ring finish first
            return
        if c.rec.state != "queued":
            return
        if c.step_idx + 1 < len(c.rule.steps):
            self._enter_step(c, c.step_idx + 1)

    # --- views ----------------------------------------------------------------------------------

    def snapshot(self, scope: str = "all") -> dict[str, Any]:
        now = self.clock.time()
        if scope.startswith("agent:"):
            aid = scope[6:]
            agents = [self.agents[aid].rec] if aid in self.agents else []
            calls = [c.rec for c in self.calls.values() if c.rec.agent_id == aid]
        else:
            agents = [a.rec for a in self.agents.values()]
            calls = [c.rec for c in self.calls.values()]
        return {"agents": agents, "calls": calls, "queues": self.queue_rows(now)}

    def queue_rows(self, now: float | None = None) -> list[dict[str, Any]]:
        now = self.clock.time() if now is None else now
        rows: dict[str, dict[str, Any]] = {}
        for q in self.rules.queues:
            rows[q] = {
                "queue_id": q,
                "waiting": 0,
                "oldest_wait": 0.0,
                "ready": len(self.ready[q]),
                "callbacks": 0,
            }
        for c in self.calls.values():
            r = rows.get(c.rec.queue or "")
            if r is None:
                continue
            if c.rec.state in ("queued", "offered"):
                r["waiting"] += 1
                wait = now - (c.rec.queued_at or now)
                if wait > r["oldest_wait"]:
                    r["oldest_wait"] = round(wait, 3)
            elif c.rec.state == "callback":
                r["callbacks"] += 1
        for a in self.agents.values():
            if a.rec.state == "logged_out":
                continue
            for q in a.rec.queues:
                r = rows.get(q)
                if r is not None:
                    r["logged_in"] = r.get("logged_in", 0) + 1
        for r in rows.values():
            r.setdefault("logged_in", 0)
        return list(rows.values())

    def check_invariants(self) -> None:
        """Raise AssertionError if the engine's indexes disagree with its records (tests)."""
        holding: dict[str, str] = {}
        for cid, c in self.calls.items():
            assert c.rec.state not in FINAL_CALL_STATES
            if c.rec.state in ("offered", "connected", "held"):
                aid = c.rec.agent_id
                assert aid is not None and aid not in holding, (cid, aid)
                holding[aid] = cid
                a = self.agents[aid]
                exp = "reserved" if c.rec.state == "offered" else "on_call"
                assert a.rec.state == exp and a.rec.call_id == cid, (cid, a.rec)
            if c.rec.state == "queued":
                assert c.where is not None, cid
            else:
                assert c.where is None, cid
        for aid, a in self.agents.items():
            for q in self.rules.queues:
                assert (aid in self.ready[q]) == (a.rec.state == "ready" and q in a.queue_set)
            if a.rec.state in ("reserved", "on_call"):
                assert holding.get(aid) == a.rec.call_id
            if a.rec.state == "ready":
                for cid, c in self.calls.items():
                    if c.rec.state == "queued":
                        assert not self._eligible(a, c), (aid, cid)


Factory = Callable[[], Engine]
