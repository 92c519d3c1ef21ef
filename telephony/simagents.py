"""Simulated agents on the bus (used by ``agentdesk demo`` and the benchmarks).

Each agent logs in, goes ready, answers an offer after a short random delay (now and then lets
it ring out or rejects it), talks for a log-normal time, hangs up, wraps up with a disposition,
and sometimes takes a break. All agents share one DEALER and one SUB (subscribed to each agent's
``desk/<id>/`` topic) driven by one thread, which decodes only the fields an agent acts on::

    sims = SimAgents(commands, events, [SimAgentSpec("A001"), SimAgentSpec("A002")], seed=1)
    sims.start()      # background thread
    ...
    sims.stop()       # logs the agents out (best effort) and joins the thread

``speed`` divides every duration (``speed=60`` makes a minute of talk last a second).
After a switchboard restart (new epoch) every agent logs in again.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import logging
import math
import os
import random
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import msgspec
import zmq

from telephony import protocol
from telephony.client import raw_send, recv_frames

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


class _Brief(msgspec.Struct):
    """What a simulated agent reads of an Agent or Call record (the rest is skipped unread)."""

    agent_id: str | None = None
    state: str = ""
    reason: str | None = None
    call_id: str | None = None


class _EventBrief(msgspec.Struct):
    type: str = ""
    epoch: str = ""
    data: _Brief | None = None


class _ErrorBrief(msgspec.Struct):
    code: str = ""
    message: str = ""


class _ResultBrief(msgspec.Struct):
    agent: _Brief | None = None


class _ReplyBrief(msgspec.Struct):
    id: str | int | None = None
    ok: bool = False
    result: _ResultBrief | None = None
    error: _ErrorBrief | None = None


_event_decoder = msgspec.json.Decoder(_EventBrief)
_reply_decoder = msgspec.json.Decoder(_ReplyBrief)
_NOBLOCK = int(zmq.NOBLOCK)
#: seconds a command may wait for its reply (a login that times out is sent again)
REQUEST_TIMEOUT = 10.0


class SimAgents:
    """Many simulated agents on one DEALER and one SUB, driven by one thread.

    The loop reads only what an agent acts on (event type and the record's agent, state, reason
    and call id; a command's result agent), so hundreds of agents cost little CPU: the bus
    benchmark runs 500 of them in one process.
    """

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
        context: zmq.Context[Any] | None = None,
    ) -> None:
        self.commands = commands
        self.events = events
        self.sims = {a.agent_id: _Sim(a) for a in agents}
        self.b = behaviour or SimBehaviour()
        self.rng = random.Random(seed)
        self.speed = speed
        self.clock = clock
        self._ctx = context or zmq.Context.instance()
        self._timers: list[tuple[float, int, str, str, str | None]] = []
        self._n = itertools.count()
        self._ids = itertools.count(1)
        self._prefix = os.urandom(3).hex()
        #: request id -> (command, agent id, monotonic time sent)
        self._pending: dict[str, tuple[str, str, float]] = {}
        self._out: list[tuple[str, bytes]] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._epoch: str | None = None
        self._dealer: zmq.Socket[bytes] | None = None
        self._wake_w: socket.socket | None = None
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
        w = self._wake_w
        if w is not None:
            with contextlib.suppress(OSError):
                w.send(b"\0")
        if self._thread is not None:
            self._thread.join(timeout)

    @property
    def pending(self) -> int:
        """Commands sent that await their reply."""
        return len(self._pending)

    def run(self, ready: threading.Event | None = None) -> None:
        ctx = self._ctx
        sub = ctx.socket(zmq.SUB)
        sub.setsockopt(zmq.LINGER, 0)
        sub.setsockopt(zmq.RCVHWM, 200_000)
        for aid in self.sims:
            sub.setsockopt(zmq.SUBSCRIBE, f"desk/{aid}/".encode())
        sub.setsockopt(zmq.SUBSCRIBE, b"sys/")
        sub.connect(self.events)
        dealer = ctx.socket(zmq.DEALER)
        dealer.setsockopt(zmq.LINGER, 0)
        dealer.setsockopt(zmq.SNDHWM, 200_000)
        dealer.setsockopt(zmq.RCVHWM, 200_000)
        dealer.connect(self.commands)
        self._dealer = dealer
        wake_r, self._wake_w = socket.socketpair()
        wake_r.setblocking(False)
        poller = zmq.Poller()
        poller.register(sub, zmq.POLLIN)
        poller.register(dealer, zmq.POLLIN)
        poller.register(wake_r.fileno(), zmq.POLLIN)
        try:
            for aid in self.sims:
                self._login(aid)
            self._flush()
            if ready is not None:
                ready.set()
            next_check = self.clock() + 1.0
            while not self._stop.is_set():
                now = self.clock()
                timeout = 200
                if self._timers:
                    timeout = max(0, min(timeout, int((self._timers[0][0] - now) * 1000) + 1))
                events = dict(poller.poll(timeout))
                if sub in events:
                    self._read_events(sub)
                if dealer in events:
                    self._read_replies(dealer)
                now = self.clock()
                while self._timers and self._timers[0][0] <= now:
                    _, _, action, aid, call_id = heapq.heappop(self._timers)
                    self._act(action, aid, call_id)
                if now >= next_check:
                    next_check = now + 1.0
                    self._expire(now)
                self._flush()
            # best-effort logout
            for aid, s in self.sims.items():
                if s.state != "logged_out":  # refused while on a call: nothing to do then
                    self._send("agent.logout", {"agent_id": aid}, aid)
            self._flush()
            end = self.clock() + 1.0
            while self.clock() < end and self._pending:
                if dict(poller.poll(50)).get(dealer):
                    self._read_replies(dealer)
        finally:
            self._dealer = None
            w, self._wake_w = self._wake_w, None
            for sock in (sub, dealer):
                sock.close(linger=0)
            wake_r.close()
            if w is not None:
                w.close()

    def _read_events(self, sub: zmq.Socket[bytes]) -> None:
        for _ in range(10_000):
            try:
                frames = recv_frames(sub)
            except zmq.Again:
                return
            if len(frames) != 2:
                continue
            try:
                ev = _event_decoder.decode(frames[1])
            except (msgspec.DecodeError, msgspec.ValidationError):
                continue
            self._on_event(ev)

    def _read_replies(self, dealer: zmq.Socket[bytes]) -> None:
        for _ in range(10_000):
            try:
                frames = recv_frames(dealer)
            except zmq.Again:
                return
            try:
                r = _reply_decoder.decode(frames[-1])
            except (msgspec.DecodeError, msgspec.ValidationError):
                continue
            p = self._pending.pop(r.id, None) if isinstance(r.id, str) else None
            if p is not None:
                self._on_reply(p[0], p[1], r)

    def _expire(self, now: float) -> None:
        """Commands without a reply in time: counted as errors; a login is tried again."""
        late = [rid for rid, p in self._pending.items() if now - p[2] > REQUEST_TIMEOUT]
        for rid in late:
            cmd, aid, _sent = self._pending.pop(rid)
            self.errors += 1
            log.debug("sim agent command %s for %s got no reply", cmd, aid)
            if cmd == "agent.login" and not self._stop.is_set():
                self._after(1.0, "login", aid)

    # --- behaviour ----------------------------------------------------------------------------

    def _after(self, seconds: float, action: str, aid: str, call_id: str | None = None) -> None:
        if seconds <= 0:  # at once: no timer round
            self._act(action, aid, call_id)
            return
        heapq.heappush(
            self._timers, (self.clock() + seconds / self.speed, next(self._n), action, aid, call_id)
        )

    def _lognormal(self, median: float, sigma: float) -> float:
        return median * math.exp(self.rng.gauss(0.0, sigma))

    def _send(self, cmd: str, args: dict[str, Any], aid: str) -> None:
        rid = f"{self._prefix}-{next(self._ids)}"
        self._out.append((rid, protocol.make_request(rid, cmd, args)))
        self._pending[rid] = (cmd, aid, self.clock())

    def _flush(self) -> None:
        """Send the commands of this round in one burst (one wake-up of ZeroMQ's I/O thread)."""
        out, self._out = self._out, []
        dealer = self._dealer
        for rid, body in out:
            try:
                if dealer is None:
                    raise zmq.Again()
                raw_send(dealer, body, _NOBLOCK)
            except zmq.Again:  # the switchboard is unreachable for long: count it and go on
                self.errors += 1
                self._pending.pop(rid, None)

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

    def _on_reply(self, cmd: str, aid: str, r: _ReplyBrief) -> None:
        if not r.ok:
            if cmd == "agent.logout" and self._stop.is_set():
                return  # the closing logout is refused while on a call: nothing to do then
            self.errors += 1
            err = r.error or _ErrorBrief()
            log.debug("sim agent command %s failed: %s %s", cmd, err.code, err.message)
            return
        if cmd == "agent.login":
            agent = r.result.agent if r.result is not None else None
            state = agent.state if agent is not None else ""
            self.sims[aid].state = state
            if state == "not_ready":
                self._send("agent.state", {"agent_id": aid, "state": "ready"}, aid)

    def _on_event(self, ev: _EventBrief) -> None:
        if ev.epoch != self._epoch:
            if self._epoch is not None:  # switchboard restarted: log in again
                for sim_id, sim in self.sims.items():
                    sim.state = "logged_out"
                    self._login(sim_id)
            self._epoch = ev.epoch
        rec = ev.data
        type_ = ev.type
        if rec is None or type_ == "sys.heartbeat":
            return
        if rec.agent_id is None or rec.agent_id not in self.sims:
            return
        aid = rec.agent_id
        s = self.sims[aid]
        if type_ == "agent.state":
            prev = s.state
            s.state = rec.state
            if rec.call_id is not None:
                s.call_id = rec.call_id
            if rec.state == "wrap_up" and prev != "wrap_up":
                self._after(self.rng.uniform(*self.b.wrap), "wrapup", aid, rec.call_id)
            elif rec.state == "not_ready" and rec.reason in ("no_answer", "login"):
                self._after(3.0 if rec.reason == "no_answer" else 0.2, "ready", aid)
        elif type_ == "call.offered":
            s.call_id = rec.call_id
            s.state = "reserved"
            r = self.rng.random()
            if r < self.b.miss_prob:
                return  # let it ring out
            if r < self.b.miss_prob + self.b.reject_prob:
                self._after(self.rng.uniform(*self.b.answer_delay), "reject", aid, rec.call_id)
                return
            self._after(self.rng.uniform(*self.b.answer_delay), "answer", aid, rec.call_id)
        elif type_ == "call.connected":
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
