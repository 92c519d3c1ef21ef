"""Simulated agents on the bus (used by ``agentdesk demo`` and the benchmarks).

Each agent logs in, goes ready, answers an offer after a short random delay (now and then lets
it ring out or rejects it), talks for a log-normal time, hangs up, wraps up with a disposition,
and sometimes takes a break. All agents share one ``BusClient`` (one DEALER, one SUB subscribed
to each agent's ``desk/<id>/`` topic) driven by one thread::

    sims = SimAgents(commands, events, [SimAgentSpec("A001"), SimAgentSpec("A002")], seed=1)
    sims.start()      # background thread
    ...
    sims.stop()       # logs the agents out (best effort) and joins the thread

``speed`` divides every duration (``speed=60`` makes a minute of talk last a second).
After a switchboard restart (new epoch) every agent logs in again.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import math
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from telephony.client import BusClient, Event, Reply
from telephony.records import Agent, Call

log = logging.getLogger(__name__)

DISPOSITIONS = ("resolved", "resolved", "resolved", "follow_up", "escalated", "sale", "no_action")


@dataclass(slots=True)
class SimAgentSpec:
    agent_id: str
    queues: list[str] | None = None
    skills: dict[str, int] | None = None
    name: str | None = None


@dataclass(slots=True)
class SimBehaviour:
    answer_delay: tuple[float, float] = (0.8, 3.0)
    talk_median: float = 45.0
    talk_sigma: float = 0.6
    hold_prob: float = 0.1
    wrap: tuple[float, float] = (2.0, 8.0)
    break_prob: float = 0.05
    break_median: float = 30.0
    reject_prob: float = 0.01
    miss_prob: float = 0.01


@dataclass(slots=True)
class _Sim:
    spec: SimAgentSpec
    state: str = "logged_out"
    call_id: str | None = None
    answered: int = 0
    pending: set[str] = field(default_factory=set)


class SimAgents:
    def __init__(
        self,
        commands: str,
        events: str,
        agents: list[SimAgentSpec],
        *,
        behaviour: SimBehaviour | None = None,
        seed: int | None = None,
        speed: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.commands = commands
        self.events = events
        self.sims = {a.agent_id: _Sim(a) for a in agents}
        self.b = behaviour or SimBehaviour()
        self.rng = random.Random(seed)
        self.speed = speed
        self.clock = clock
        self._timers: list[tuple[float, int, str, str, str | None]] = []
        self._n = itertools.count()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._epoch: str | None = None
        self.client: BusClient | None = None
        self.answered = 0
        self.errors = 0

    # --- running ------------------------------------------------------------------------------

    def start(self) -> SimAgents:
        ready = threading.Event()
        self._thread = threading.Thread(
            target=self.run, args=(ready,), name="sim-agents", daemon=True
        )
        self._thread.start()
        ready.wait(10)
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self.client is not None:
            self.client.wakeup()
        if self._thread is not None:
            self._thread.join(timeout)

    def run(self, ready: threading.Event | None = None) -> None:
        client = BusClient(
            self.commands,
            self.events,
            topics=[f"desk/{a}/" for a in self.sims] + ["sys/"],
            track_state=False,
            request_timeout=10.0,
        )
        self.client = client
        client.open()
        try:
            for aid in self.sims:
                self._login(aid)
            if ready is not None:
                ready.set()
            while not self._stop.is_set():
                now = self.clock()
                timeout = 200
                if self._timers:
                    timeout = max(0, min(timeout, int((self._timers[0][0] - now) * 1000) + 1))
                for n in client.poll(timeout):
                    self._notice(n)
                now = self.clock()
                while self._timers and self._timers[0][0] <= now:
                    _, _, action, aid, call_id = heapq.heappop(self._timers)
                    self._act(action, aid, call_id)
            # best-effort logout
            for aid, s in self.sims.items():
                if s.state != "logged_out":  # refused while on a call: nothing to do then
                    client.send("agent.logout", {"agent_id": aid}, timeout=1.0)
            end = self.clock() + 1.0
            while self.clock() < end and client.pending:
                client.poll(50)
        finally:
            client.close()
            self.client = None

    # --- behaviour ----------------------------------------------------------------------------

    def _after(self, seconds: float, action: str, aid: str, call_id: str | None = None) -> None:
        heapq.heappush(
            self._timers, (self.clock() + seconds / self.speed, next(self._n), action, aid, call_id)
        )

    def _lognormal(self, median: float, sigma: float) -> float:
        return median * math.exp(self.rng.gauss(0.0, sigma))

    def _send(self, cmd: str, args: dict[str, Any], aid: str) -> None:
        assert self.client is not None
        self.client.send(cmd, args, tag=(cmd, aid))

    def _login(self, aid: str) -> None:
        spec = self.sims[aid].spec
        args: dict[str, Any] = {"agent_id": aid}
        if spec.queues is not None:
            args["queues"] = spec.queues
        if spec.skills is not None:
            args["skills"] = spec.skills
        if spec.name:
            args["name"] = spec.name
        self._send("agent.login", args, aid)

    def _act(self, action: str, aid: str, call_id: str | None) -> None:
        s = self.sims[aid]
        if action == "login":
            self._login(aid)
        elif action == "answer":
            if s.state == "reserved" and s.call_id == call_id:
                self._send("call.answer", {"agent_id": aid, "call_id": call_id}, aid)
        elif action == "reject":
            if s.state == "reserved" and s.call_id == call_id:
                self._send("call.reject", {"agent_id": aid, "call_id": call_id}, aid)
        elif action == "hold":
            if s.state == "on_call" and s.call_id == call_id:
                self._send("call.hold", {"agent_id": aid, "call_id": call_id}, aid)
                self._after(self.rng.uniform(3, 15), "resume", aid, call_id)
        elif action == "resume":
            self._send("call.resume", {"agent_id": aid, "call_id": call_id}, aid)
        elif action == "hangup":
            if s.state == "on_call" and s.call_id == call_id:
                self._send("call.hangup", {"agent_id": aid, "call_id": call_id}, aid)
        elif action == "wrapup":
            if s.state == "wrap_up" and s.call_id == call_id:
                self._send(
                    "call.wrapup",
                    {
                        "agent_id": aid,
                        "call_id": call_id,
                        "disposition": self.rng.choice(DISPOSITIONS),
                        "next_state": "ready",
                    },
                    aid,
                )
                if self.rng.random() < self.b.break_prob:
                    self._after(0.5, "break", aid)
        elif action == "break":
            if s.state == "ready":
                self._send(
                    "agent.state", {"agent_id": aid, "state": "not_ready", "reason": "break"}, aid
                )
                self._after(self._lognormal(self.b.break_median, 0.5), "ready", aid)
        elif action == "ready" and s.state == "not_ready":
            self._send("agent.state", {"agent_id": aid, "state": "ready"}, aid)

    def _notice(self, n: Any) -> None:
        if isinstance(n, Reply):
            if not n.ok:
                self.errors += 1
                log.debug("sim agent command %s failed: %s %s", n.cmd, n.code, n.message)
                if n.cmd == "agent.login" and n.code == "timeout" and not self._stop.is_set():
                    self._after(1.0, "login", n.tag[1])
            elif n.cmd == "agent.login":
                agent = n.result.get("agent") or {}
                aid = n.tag[1]
                self.sims[aid].state = str(agent.get("state"))
                if agent.get("state") == "not_ready":
                    self._send("agent.state", {"agent_id": aid, "state": "ready"}, aid)
            return
        if not isinstance(n, Event):
            return
        if n.epoch != self._epoch:
            if self._epoch is not None:  # switchboard restarted: log in again
                for aid in self.sims:
                    self.sims[aid].state = "logged_out"
                    self._login(aid)
            self._epoch = n.epoch
        rec = n.record
        if isinstance(rec, Agent):
            s = self.sims.get(rec.agent_id)
            if s is None:
                return
            prev = s.state
            s.state = rec.state
            if rec.call_id is not None:
                s.call_id = rec.call_id
            if rec.state == "wrap_up" and prev != "wrap_up":
                self._after(self.rng.uniform(*self.b.wrap), "wrapup", rec.agent_id, rec.call_id)
            elif rec.state == "not_ready" and rec.reason in ("no_answer", "login"):
                self._after(3.0 if rec.reason == "no_answer" else 0.2, "ready", rec.agent_id)
        elif isinstance(rec, Call):
            aid = rec.agent_id
            if n.type == "call.offered" and aid in self.sims:
                s = self.sims[aid]
                s.call_id = rec.call_id
                s.state = "reserved"
                r = self.rng.random()
                if r < self.b.miss_prob:
                    return  # let it ring out
                if r < self.b.miss_prob + self.b.reject_prob:
                    self._after(self.rng.uniform(*self.b.answer_delay), "reject", aid, rec.call_id)
                    return
                self._after(self.rng.uniform(*self.b.answer_delay), "answer", aid, rec.call_id)
            elif n.type == "call.connected" and aid in self.sims:
                s = self.sims[aid]
                s.state = "on_call"
                s.call_id = rec.call_id
                self.answered += 1
                talk = self._lognormal(self.b.talk_median, self.b.talk_sigma)
                if self.rng.random() < self.b.hold_prob:
                    self._after(talk * self.rng.uniform(0.2, 0.6), "hold", aid, rec.call_id)
                self._after(talk, "hangup", aid, rec.call_id)


def agents_from_store(
    url: str, limit: int | None = None, exclude: set[str] | None = None
) -> list[SimAgentSpec]:
    """The store's agents (profiles come from the store at login, so only ids are needed)."""
    from store.db import make_engine
    from store.directory import list_agents

    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            profiles = list_agents(conn)
    finally:
        engine.dispose()
    out = [SimAgentSpec(p.agent_id) for p in profiles if p.agent_id not in (exclude or set())]
    return out[:limit] if limit is not None else out
