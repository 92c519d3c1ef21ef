"""A tiny scripted contact center emitting CONTRACT records as the switchboard publishes them.

Used by the metric tests to write hand-checkable days (and random ones) without a switchboard;
the end-to-end test in tests/desktop/supervisor drives the real switchboard instead.
"""

from __future__ import annotations

import random
from typing import Any

from store.eventlog import LoggedEvent

T0 = 1_800_000_000.0  # aligned to 15, 30 and 60 minute intervals


class Script:
    def __init__(self, epoch: str = "E1") -> None:
        self.epoch = epoch
        self.seq = 0
        self.events: list[tuple[str, float, str, dict[str, Any]]] = []
        self.agents: dict[str, dict[str, Any]] = {}
        self.calls: dict[str, dict[str, Any]] = {}

    def _emit(self, ts: float, type_: str, rec: dict[str, Any]) -> None:
        rec["version"] += 1
        self.seq += 1
        self.events.append((self.epoch, ts, type_, dict(rec)))

    # agents
    def agent(
        self,
        ts: float,
        aid: str,
        state: str,
        reason: str | None = None,
        call_id: str | None = None,
        queues: list[str] | None = None,
    ) -> None:
        rec = self.agents.get(aid)
        if rec is None:
            rec = self.agents[aid] = {
                "agent_id": aid,
                "name": f"Agent {aid}",
                "state": "logged_out",
                "reason": None,
                "since": ts,
                "queues": queues or ["billing", "vip"],
                "skills": {},
                "call_id": None,
                "handled": 0,
                "version": 0,
            }
        rec.update(state=state, reason=reason, since=ts, call_id=call_id)
        if state == "on_call" and call_id:
            rec["handled"] += 1
        self._emit(ts, "agent.state", rec)

    # calls
    def call(self, ts: float, cid: str, queue: str, tier: str | None = None) -> None:
        rec = self.calls[cid] = {
            "call_id": cid,
            "ani": "+8613800138000",
            "dnis": "10086",
            "customer_id": None,
            "tier": tier,
            "language": "zh",
            "queue": queue,
            "priority": 0,
            "state": "queued",
            "agent_id": None,
            "arrived_at": ts,
            "queued_at": ts,
            "offered_at": None,
            "answered_at": None,
            "ended_at": None,
            "ivr": {},
            "route": {},
            "version": 0,
        }
        self._emit(ts, "call.queued", rec)

    def set_call(self, ts: float, cid: str, type_: str, **changes: Any) -> None:
        rec = self.calls[cid]
        rec.update(changes)
        self._emit(ts, type_, rec)

    def ring(self, ts: float, cid: str, aid: str) -> None:
        self.set_call(ts, cid, "call.offered", state="offered", agent_id=aid, offered_at=ts)
        self.agent(ts, aid, "reserved", call_id=cid)

    def answer(self, ts: float, cid: str, aid: str) -> None:
        self.set_call(ts, cid, "call.connected", state="connected", agent_id=aid, answered_at=ts)
        self.agent(ts, aid, "on_call", call_id=cid)

    def hold(self, ts: float, cid: str) -> None:
        self.set_call(ts, cid, "call.held", state="held")

    def resume(self, ts: float, cid: str) -> None:
        self.set_call(ts, cid, "call.resumed", state="connected")

    def hangup(self, ts: float, cid: str) -> None:
        aid = self.calls[cid]["agent_id"]
        self.set_call(ts, cid, "call.ended", state="ended", ended_at=ts)
        self.agent(ts, aid, "wrap_up", call_id=cid)

    def abandon(self, ts: float, cid: str) -> None:
        self.set_call(ts, cid, "call.abandoned", state="abandoned", ended_at=ts, agent_id=None)

    def callback(self, ts: float, cid: str) -> None:
        self.set_call(ts, cid, "call.callback", state="callback")

    def logged(self) -> list[LoggedEvent]:
        out = []
        for i, (epoch, ts, type_, data) in enumerate(self.events, 1):
            out.append(
                LoggedEvent(
                    epoch,
                    i,
                    ts,
                    type_,
                    data.get("agent_id"),
                    data.get("call_id"),
                    data.get("queue"),
                    data,
                )
            )
        return out


def scripted_day() -> Script:
    """The hand-computed day of docs/METRICS.md's worked example (interval 30 min)."""
    s = Script()
    t = T0
    s.agent(t + 0, "A1", "not_ready", reason="login")
    s.agent(t + 0, "A2", "not_ready", reason="login")
    s.agent(t + 5, "A1", "ready")
    s.agent(t + 10, "A2", "ready")
    s.call(t + 10, "C1", "billing")
    s.ring(t + 20, "C1", "A1")
    s.answer(t + 25, "C1", "A1")
    s.call(t + 50, "C2", "billing")
    s.abandon(t + 53, "C2")
    s.call(t + 60, "C3", "billing")
    s.abandon(t + 90, "C3")
    s.call(t + 100, "C4", "billing")
    s.hold(t + 100, "C1")
    s.abandon(t + 115, "C4")
    s.resume(t + 130, "C1")
    s.call(t + 200, "C5", "billing")
    s.hangup(t + 205, "C1")
    s.ring(t + 235, "C5", "A2")
    s.agent(t + 235, "A1", "ready")
    s.answer(t + 240, "C5", "A2")
    s.call(t + 300, "C6", "billing")
    s.callback(t + 400, "C6")
    s.call(t + 1000, "C8", "vip", tier="gold")
    s.ring(t + 1000, "C8", "A1")
    s.answer(t + 1005, "C8", "A1")
    s.hangup(t + 1065, "C8")
    s.agent(t + 1075, "A1", "ready")
    s.agent(t + 1500, "A1", "not_ready", reason="break")
    s.call(t + 1700, "C7", "billing")
    s.hangup(t + 1900, "C5")
    s.agent(t + 1910, "A2", "ready")
    return s


def random_day(seed: int, n_calls: int = 60, n_agents: int = 4) -> Script:
    """A plausible random day (ordered in time) for the live-versus-recomputed checks."""
    rng = random.Random(seed)
    s = Script(epoch=f"E{seed}")
    t = T0 + rng.uniform(0, 600)
    free = [f"A{i}" for i in range(n_agents)]
    for a in free:
        s.agent(t, a, "not_ready", reason="login", queues=["billing", "vip", "tech"])
        s.agent(t + 1, a, "ready")
    pending: list[tuple[float, str, tuple[Any, ...]]] = []
    for i in range(n_calls):
        t += rng.expovariate(1 / 45)
        cid = f"C{i}"
        q = rng.choice(["billing", "vip", "tech"])
        tier = rng.choice(["gold", "silver", None])
        pending.append((t, "call", (cid, q, tier)))
        wait = rng.choice([2, 8, 15, 25, 60])
        fate = rng.random()
        if fate < 0.25:
            pending.append((t + wait, "abandon", (cid,)))
        elif fate < 0.3:
            pending.append((t + wait, "callback", (cid,)))
        else:
            talk = rng.uniform(20, 400)
            pending.append(
                (t + wait, "answer", (cid, talk, rng.random() < 0.3, rng.uniform(0, 60)))
            )
    pending.sort(key=lambda p: p[0])
    busy_until: dict[str, float] = {}
    ops: list[tuple[float, int, Any]] = []
    k = 0
    for when, what, a in pending:
        ops.append((when, k, (what, a)))
        k += 1
    # expand answers into ring/answer/hold/hangup/wrap at their times, agent permitting
    import heapq

    heapq.heapify(ops)
    while ops:
        when, _, (what, a) = heapq.heappop(ops)
        if what == "call":
            s.call(when, *a)
        elif what in ("abandon", "callback"):
            if s.calls[a[0]]["state"] == "queued":
                getattr(s, what)(when, a[0])
        elif what == "answer":
            cid, talk, hold, wrap = a
            if s.calls[cid]["state"] != "queued":
                continue
            idle = [x for x in sorted(busy_until) if busy_until[x] <= when] + [
                x for x in free if x not in busy_until
            ]
            if not idle:
                heapq.heappush(ops, (when + 7, k, (what, a)))
                k += 1
                continue
            agent = idle[0]
            busy_until[agent] = when + 3 + talk + wrap + 1e-3
            s.ring(when, cid, agent)
            s.answer(when + 3, cid, agent)
            if hold:
                heapq.heappush(ops, (when + 3 + talk / 3, k, ("hold", (cid,))))
                heapq.heappush(ops, (when + 3 + talk / 2, k + 1, ("resume", (cid,))))
                k += 2
            heapq.heappush(ops, (when + 3 + talk, k, ("hangup", (cid,))))
            heapq.heappush(ops, (when + 3 + talk + wrap, k + 1, ("ready", (agent,))))
            k += 2
        elif what == "hold":
            s.hold(when, a[0])
        elif what == "resume":
            s.resume(when, a[0])
        elif what == "hangup":
            s.hangup(when, a[0])
        elif what == "ready":
            s.agent(when, a[0], "ready")
    return s
