"""A plain pyzmq client of the switchboard bus (no Qt), driven by one thread's poll loop.

Used by the desktop's bus thread, the simulated agents, ``agentdesk ivr-sim`` and the benchmarks.

Sockets: a DEALER for commands (request ids, per-request timeouts, replies matched by id) and a
SUB for events. State follows the ZeroMQ guide's Clone pattern: the client subscribes first and,
once its subscription is live (the first heartbeat or event has arrived), asks for a
``snapshot``; it keeps, per agent and per call, the record with the highest ``version`` seen from
events or snapshots alike; it resyncs (clears and asks for a new snapshot) when an event or
heartbeat shows a new ``epoch``, and when no heartbeat arrived for ``heartbeat_timeout`` seconds
(then it also recreates its DEALER, dropping commands queued for a dead switchboard, and retries
the snapshot with back-off: 0.5 s doubling up to 8 s).

Threading: every method except ``submit`` and ``wakeup`` must be called from the ONE thread that
called ``open`` (the owner, e.g. the desktop's QThread). ``submit`` is thread-safe: it queues a
command and wakes the owner's ``poll`` through a socket pair.

API::

    client = BusClient(commands_ep, events_ep, topics=["desk/A1/"], scope="agent:A1")
    client.open()                         # owner thread: connect, subscribe, ask for a snapshot
    while running:
        for n in client.poll(100):        # wait up to 100 ms; returns what to dispatch
            match n:
                case Reply(): ...         # n.id, n.cmd, n.ok, n.result, n.code, n.message, n.tag
                case Event(): ...         # n.type, n.topic, n.record (Agent | Call | dict), n.extra
                case Snapshot(): ...      # the whole tracked state after a (re)sync
                case Connection(): ...    # n.connected, n.epoch, n.reason
    rid = client.submit("agent.state", {"agent_id": "A1", "state": "ready"}, tag=anything)
    result = client.request("ping")       # owner thread only: blocks, raises BusError
    client.close()

``client.agents`` / ``client.calls`` hold the tracked records (``Agent`` / ``Call`` Structs; ended
and abandoned calls are dropped from ``calls`` after their event is delivered), ``client.queues``
the queue rows of the last snapshot, ``client.epoch``/``client.connected`` the link state.

With ``track_state=False`` the client neither asks for snapshots nor filters by version: every
event is returned (the benchmarks use it) and ``client.gaps`` counts missing ``seq`` numbers.
A reply that does not arrive within its timeout is delivered as ``Reply(ok=False,
code="timeout")``.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import os
import queue
import socket
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import msgspec
import zmq

from telephony import protocol
from telephony.records import (
    FINAL_CALL_STATES,
    Agent,
    Call,
    decode_agent,
    decode_call,
    decode_envelope,
)
from telephony.security import ClientCurve


@dataclass(slots=True)
class Reply:
    """The answer to one command (or a local timeout)."""

    id: str
    cmd: str
    ok: bool
    result: dict[str, Any] = field(default_factory=dict)
    code: str | None = None
    message: str | None = None
    tag: Any = None
    #: seconds from send to reply (monotonic)
    elapsed: float = 0.0
    #: monotonic time the reply was received (or timed out)
    received: float = 0.0


@dataclass(slots=True)
class Event:
    """One event applied to the tracked state (or every event with ``track_state=False``)."""

    topic: str
    type: str
    epoch: str
    seq: int
    ts: float
    record: Agent | Call | dict[str, Any]
    #: data fields that are not part of the record, e.g. ``revoke_reason``
    extra: dict[str, Any] = field(default_factory=dict)
    #: monotonic time the frame was received
    received: float = 0.0


@dataclass(slots=True)
class Snapshot:
    """The tracked state right after a snapshot was merged."""

    epoch: str
    seq: int
    agents: dict[str, Agent]
    calls: dict[str, Call]
    queues: list[dict[str, Any]]


@dataclass(slots=True)
class Connection:
    connected: bool
    epoch: str | None
    reason: str


Notice = Reply | Event | Snapshot | Connection


class BusError(Exception):
    """A command the switchboard refused (``code`` from CONTRACT 2) or a local ``timeout``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


class _Extra(msgspec.Struct):
    revoke_reason: str | None = None
    supervisor_id: str | None = None


_extra_decoder = msgspec.json.Decoder(_Extra)
_reply_decoder = msgspec.json.Decoder()

#: the backend's send and recv, without the sugar layer's per-call Python work (flag enums,
#: multipart loops); the hot paths of the simulators and the desktop's bus thread use them
raw_send: Callable[..., Any] = getattr(zmq.backend, "Socket", zmq.Socket).send
_raw_recv: Callable[..., Any] = getattr(zmq.backend, "Socket", zmq.Socket).recv
_NOBLOCK = int(zmq.NOBLOCK)


def recv_frames(sock: zmq.Socket[bytes]) -> list[bytes]:
    """One whole multipart message without blocking (raises ``zmq.Again`` when none)."""
    f = _raw_recv(sock, _NOBLOCK, False)
    frames = [f.bytes]
    while f.more:  # the other parts of a message arrive with its first
        f = _raw_recv(sock, 0, False)
        frames.append(f.bytes)
    return frames


@dataclass(slots=True)
class _Pending:
    cmd: str
    sent: float
    deadline: float
    tag: Any
    internal: bool = False


_SNAPSHOT_TAG = object()


class BusClient:
    def __init__(
        self,
        commands: str,
        events: str,
        *,
        topics: Iterable[str] = ("",),
        scope: str = "all",
        track_state: bool = True,
        request_timeout: float = 5.0,
        heartbeat_timeout: float = 3.0,
        context: zmq.Context[Any] | None = None,
        clock: Callable[[], float] = time.monotonic,
        hwm: int = 100_000,
        curve: ClientCurve | None = None,
    ) -> None:
        self.commands_endpoint = commands
        self.events_endpoint = events
        self.topics = list(topics)
        if track_state and protocol.SYS_TOPIC not in self.topics and "" not in self.topics:
            self.topics.append(protocol.SYS_TOPIC)
        self.scope = scope
        self.track_state = track_state
        self.request_timeout = request_timeout
        self.heartbeat_timeout = heartbeat_timeout
        self._ctx = context or zmq.Context.instance()
        self._clock = clock
        self._hwm = hwm
        #: the key pair for a secured bus (``telephony.security``); None for the plain bus
        self.curve = curve
        self._ids = itertools.count(1)
        self._prefix = os.urandom(4).hex()
        self._inbox: queue.SimpleQueue[tuple[str, str, dict[str, Any], float | None, Any]] = (
            queue.SimpleQueue()
        )
        self._pending: dict[str, _Pending] = {}
        #: (deadline, rid) of every pending request; entries of answered ones are skipped lazily
        self._deadlines: list[tuple[float, str]] = []
        self._user_pending = 0
        self._backlog: list[Notice] = []
        self._dealer: zmq.Socket[bytes] | None = None
        self._sub: zmq.Socket[bytes] | None = None
        self._wake_r: socket.socket | None = None
        self._wake_w: socket.socket | None = None
        self._poller = zmq.Poller()
        # tracked state
        self.agents: dict[str, Agent] = {}
        self.calls: dict[str, Call] = {}
        self.queues: list[dict[str, Any]] = []
        self.epoch: str | None = None
        self.last_seq: int | None = None
        self.gaps = 0
        self.connected = False
        self.last_heartbeat: float | None = None
        self._last_traffic = 0.0
        self._call_seq: dict[str, int] = {}
        self._tombs: dict[str, int] = {}
        self._snapshot_id: str | None = None
        self._snapshot_due: float | None = None
        self._backoff = 0.5
        self._await_first = False

    @property
    def pending(self) -> int:
        """How many commands await their reply."""
        return self._user_pending

    # --- life cycle ---------------------------------------------------------------------------

    def open(self) -> None:
        """Connect, subscribe, then ask for a snapshot (owner thread)."""
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)
        self._poller.register(self._wake_r.fileno(), zmq.POLLIN)
        sub = self._ctx.socket(zmq.SUB)
        sub.setsockopt(zmq.LINGER, 0)
        sub.setsockopt(zmq.RCVHWM, self._hwm)
        sub.setsockopt(zmq.RECONNECT_IVL, 100)
        sub.setsockopt(zmq.RECONNECT_IVL_MAX, 2000)
        # ``sys/`` last: subscriptions reach the PUB in order, so once a heartbeat arrives every
        # other subscription is live too (then, and only then, the snapshot is asked for).
        for t in sorted(self.topics, key=lambda t: t == protocol.SYS_TOPIC):
            sub.setsockopt(zmq.SUBSCRIBE, t.encode())
        if self.curve is not None:
            self.curve.apply(sub)
        sub.connect(self.events_endpoint)
        self._sub = sub
        self._poller.register(sub, zmq.POLLIN)
        self._make_dealer()
        self._last_traffic = self._clock()
        # The snapshot is asked for when the first event or heartbeat arrives (the Clone
        # pattern: a snapshot taken before the subscription is live could miss changes).
        self._await_first = self.track_state

    def close(self) -> None:
        for s in (self._dealer, self._sub):
            if s is not None:
                with contextlib.suppress(KeyError):
                    self._poller.unregister(s)
                s.close(linger=0)
        self._dealer = self._sub = None
        for w in (self._wake_r, self._wake_w):
            if w is not None:
                w.close()
        self._wake_r = self._wake_w = None

    def __enter__(self) -> BusClient:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _make_dealer(self) -> None:
        if self._dealer is not None:
            self._poller.unregister(self._dealer)
            self._dealer.close(linger=0)
        d = self._ctx.socket(zmq.DEALER)
        d.setsockopt(zmq.LINGER, 0)
        d.setsockopt(zmq.RECONNECT_IVL, 100)
        d.setsockopt(zmq.RECONNECT_IVL_MAX, 2000)
        d.setsockopt(zmq.SNDHWM, self._hwm)
        d.setsockopt(zmq.RCVHWM, self._hwm)
        if self.curve is not None:
            self.curve.apply(d)
        d.connect(self.commands_endpoint)
        self._dealer = d
        self._poller.register(d, zmq.POLLIN)

    # --- commands -----------------------------------------------------------------------------

    def submit(
        self,
        cmd: str,
        args: dict[str, Any] | None = None,
        *,
        timeout: float | None = None,
        tag: Any = None,
    ) -> str:
        """Queue a command (thread-safe); its ``Reply`` comes out of ``poll``. Returns its id."""
        rid = f"{self._prefix}-{next(self._ids)}"
        self._inbox.put((rid, cmd, dict(args or {}), timeout, tag))
        self.wakeup()
        return rid

    def wakeup(self) -> None:
        """Make the owner's ``poll`` return soon (thread-safe)."""
        w = self._wake_w
        if w is not None:
            with contextlib.suppress(BlockingIOError, OSError):
                w.send(b"\0")

    def send(
        self,
        cmd: str,
        args: dict[str, Any] | None = None,
        *,
        timeout: float | None = None,
        tag: Any = None,
    ) -> str:
        """Send a command now (owner thread, no queue hop). Returns its id."""
        rid = f"{self._prefix}-{next(self._ids)}"
        self._send(rid, cmd, args or {}, timeout, tag)
        return rid

    def request(
        self, cmd: str, args: dict[str, Any] | None = None, *, timeout: float | None = None
    ) -> dict[str, Any]:
        """Send and wait for the reply (owner thread). Other notices wait for the next ``poll``.

        Raises ``BusError`` for a refusal or a timeout.
        """
        rid = self.send(cmd, args, timeout=timeout)
        while True:
            notices = self._poll_once(100)
            for n in notices:
                if isinstance(n, Reply) and n.id == rid:
                    self._backlog.extend(x for x in notices if x is not n)
                    if n.ok:
                        return n.result
                    raise BusError(n.code or "error", n.message or "")
            self._backlog.extend(notices)

    def _send(
        self, rid: str, cmd: str, args: dict[str, Any], timeout: float | None, tag: Any
    ) -> None:
        assert self._dealer is not None, "open() first"
        now = self._clock()
        t = self.request_timeout if timeout is None else timeout
        internal = tag is _SNAPSHOT_TAG
        self._pending[rid] = _Pending(cmd, now, now + t, tag, internal)
        heapq.heappush(self._deadlines, (now + t, rid))
        if not internal:
            self._user_pending += 1
        try:
            raw_send(self._dealer, protocol.make_request(rid, cmd, args), _NOBLOCK)
        except zmq.Again:
            # HWM reached (switchboard unreachable for long): fail at once.
            self._forget(rid)
            if tag is not _SNAPSHOT_TAG:
                self._backlog.append(
                    Reply(
                        rid, cmd, False, code=protocol.TIMEOUT, message="send queue full", tag=tag
                    )
                )

    def _forget(self, rid: str) -> _Pending | None:
        """Drop a pending request (answered, timed out or never sent)."""
        p = self._pending.pop(rid, None)
        if p is not None and not p.internal:
            self._user_pending -= 1
        return p

    def _ask_snapshot(self) -> None:
        rid = f"{self._prefix}-{next(self._ids)}"
        self._snapshot_id = rid
        self._snapshot_due = None
        self._send(rid, "snapshot", {"scope": self.scope}, None, _SNAPSHOT_TAG)

    # --- polling ------------------------------------------------------------------------------

    def poll(self, timeout_ms: int = 0) -> list[Notice]:
        """Wait up to ``timeout_ms`` for traffic; return the notices to dispatch (owner thread)."""
        if self._backlog:
            out, self._backlog = self._backlog, []
            return out + self._poll_once(0)
        return self._poll_once(timeout_ms)

    def _next_deadline(self) -> float | None:
        heap = self._deadlines
        pending = self._pending
        while heap and heap[0][1] not in pending:
            heapq.heappop(heap)
        deadlines = [heap[0][0]] if heap else []
        if self.track_state:
            deadlines.append(self._last_traffic + self.heartbeat_timeout)
        if self._snapshot_due is not None:
            deadlines.append(self._snapshot_due)
        return min(deadlines) if deadlines else None

    def _poll_once(self, timeout_ms: int) -> list[Notice]:
        out: list[Notice] = []
        self._drain_inbox()
        now = self._clock()
        dl = self._next_deadline()
        if dl is not None:
            timeout_ms = max(0, min(timeout_ms, int((dl - now) * 1000) + 1))
        ready = dict(self._poller.poll(timeout_ms))
        if self._wake_r is not None and self._wake_r.fileno() in ready:
            with contextlib.suppress(BlockingIOError, OSError):
                while self._wake_r.recv(4096):
                    pass
            self._drain_inbox()
        if self._sub is not None and self._sub in ready:
            self._read_events(out)
        if self._dealer is not None and self._dealer in ready:
            self._read_replies(out)
        self._check_timers(out)
        return out

    def _drain_inbox(self) -> None:
        while True:
            try:
                rid, cmd, args, timeout, tag = self._inbox.get_nowait()
            except queue.Empty:
                return
            self._send(rid, cmd, args, timeout, tag)

    def _read_replies(self, out: list[Notice]) -> None:
        assert self._dealer is not None
        dealer = self._dealer
        for _ in range(10_000):
            try:
                frames = recv_frames(dealer)
            except zmq.Again:
                return
            now = self._clock()
            try:
                body = _reply_decoder.decode(frames[-1])
                rid = body["id"]
            except (msgspec.DecodeError, KeyError, TypeError):
                continue
            p = self._forget(rid) if isinstance(rid, str) else None
            if p is None:
                continue  # late reply to a timed-out request
            if p.internal:
                if body.get("ok") and rid == self._snapshot_id:
                    self._apply_snapshot(body.get("result") or {}, out)
                continue
            if body.get("ok"):
                out.append(
                    Reply(
                        rid,
                        p.cmd,
                        True,
                        body.get("result") or {},
                        tag=p.tag,
                        elapsed=now - p.sent,
                        received=now,
                    )
                )
            else:
                err = body.get("error") or {}
                out.append(
                    Reply(
                        rid,
                        p.cmd,
                        False,
                        {},
                        err.get("code"),
                        err.get("message"),
                        p.tag,
                        now - p.sent,
                        now,
                    )
                )

    def _read_events(self, out: list[Notice]) -> None:
        assert self._sub is not None
        sub = self._sub
        for _ in range(10_000):
            try:
                frames = recv_frames(sub)
            except zmq.Again:
                return
            now = self._clock()
            if len(frames) != 2:
                continue
            try:
                env = decode_envelope(frames[1])
            except (msgspec.DecodeError, msgspec.ValidationError):
                continue
            self._last_traffic = now
            if self._await_first:
                self._await_first = False
                if self._snapshot_id is None:
                    self._ask_snapshot()
            if env.epoch != self.epoch:
                if self.epoch is not None and self.track_state:
                    self._new_epoch(env.epoch, out, "new epoch")
                else:
                    self.epoch = env.epoch
                self.last_seq = None
            if self.last_seq is not None and env.seq > self.last_seq + 1:
                self.gaps += env.seq - self.last_seq - 1
            self.last_seq = env.seq
            if env.type == "sys.heartbeat":
                self.last_heartbeat = now
                if self.track_state and not self.connected and self._snapshot_id is None:
                    # a link back after silence: resync
                    self._ask_snapshot()
                continue
            topic = frames[0].decode("utf-8", "replace")
            try:
                self._apply_event(topic, env.type, env, now, out)
            except (msgspec.DecodeError, msgspec.ValidationError):
                continue

    def _apply_event(self, topic: str, type_: str, env: Any, now: float, out: list[Notice]) -> None:
        extra: dict[str, Any] = {}
        if type_ == "agent.state":
            agent = decode_agent(env.data)
            if self.track_state:
                cur = self.agents.get(agent.agent_id)
                if cur is not None and cur.version >= agent.version:
                    return
                self.agents[agent.agent_id] = agent
            if b'"supervisor_id"' in bytes(env.data):
                x = _extra_decoder.decode(env.data)
                if x.supervisor_id is not None:
                    extra["supervisor_id"] = x.supervisor_id
            out.append(Event(topic, type_, env.epoch, env.seq, env.ts, agent, extra, now))
        elif type_.startswith("call."):
            call = decode_call(env.data)
            if type_ == "call.revoked":
                extra["revoke_reason"] = _extra_decoder.decode(env.data).revoke_reason
            if self.track_state:
                cid = call.call_id
                cur_v = self.calls[cid].version if cid in self.calls else self._tombs.get(cid, 0)
                if cur_v >= call.version:
                    return
                if call.state in FINAL_CALL_STATES:
                    self.calls.pop(cid, None)
                    self._call_seq.pop(cid, None)
                    self._tombs[cid] = call.version
                    if len(self._tombs) > 50_000:
                        for k in list(itertools.islice(self._tombs, 10_000)):
                            del self._tombs[k]
                else:
                    self.calls[cid] = call
                    self._call_seq[cid] = env.seq
            out.append(Event(topic, type_, env.epoch, env.seq, env.ts, call, extra, now))
        else:
            data = msgspec.json.decode(env.data)
            out.append(Event(topic, type_, env.epoch, env.seq, env.ts, data, extra, now))

    def _new_epoch(self, epoch: str, out: list[Notice], reason: str) -> None:
        self.epoch = epoch
        self.agents.clear()
        self.calls.clear()
        self._call_seq.clear()
        self._tombs.clear()
        self.queues = []
        if self.connected:
            self.connected = False
            out.append(Connection(False, epoch, reason))
        self._ask_snapshot()

    def _apply_snapshot(self, result: dict[str, Any], out: list[Notice]) -> None:
        self._snapshot_id = None
        self._backoff = 0.5
        epoch = result.get("epoch")
        seq = int(result.get("seq") or 0)
        if not isinstance(epoch, str):
            return
        if epoch != self.epoch:
            self.epoch = epoch
            self.agents.clear()
            self.calls.clear()
            self._call_seq.clear()
            self._tombs.clear()
            self.last_seq = None
        for a in result.get("agents") or []:
            agent = msgspec.convert(a, Agent)
            cur = self.agents.get(agent.agent_id)
            if cur is None or cur.version < agent.version:
                self.agents[agent.agent_id] = agent
        present = set()
        for c in result.get("calls") or []:
            call = msgspec.convert(c, Call)
            present.add(call.call_id)
            cur_v = (
                self.calls[call.call_id].version
                if call.call_id in self.calls
                else self._tombs.get(call.call_id, 0)
            )
            if cur_v < call.version:
                self.calls[call.call_id] = call
        # Calls we track that the snapshot no longer has ended before it was taken.
        for cid in [c for c in self.calls if c not in present]:
            if self._call_seq.get(cid, -1) <= seq:
                del self.calls[cid]
                self._call_seq.pop(cid, None)
        self.queues = list(result.get("queues") or [])
        self._last_traffic = self._clock()
        if not self.connected:
            self.connected = True
            out.append(Connection(True, epoch, "snapshot"))
        out.append(Snapshot(epoch, seq, dict(self.agents), dict(self.calls), list(self.queues)))

    def _check_timers(self, out: list[Notice]) -> None:
        now = self._clock()
        heap = self._deadlines
        while heap and heap[0][0] <= now:
            _, rid = heapq.heappop(heap)
            p = self._pending.get(rid)
            if p is None or p.deadline > now:
                continue  # answered already
            self._forget(rid)
            if p.internal:
                if rid == self._snapshot_id:
                    # snapshot lost: recreate the DEALER and retry with back-off
                    self._snapshot_id = None
                    self._snapshot_due = now + self._backoff
                    self._backoff = min(self._backoff * 2, 8.0)
                    self._make_dealer()
                continue
            out.append(
                Reply(
                    rid,
                    p.cmd,
                    False,
                    {},
                    protocol.TIMEOUT,
                    "no reply in time",
                    p.tag,
                    now - p.sent,
                    now,
                )
            )
        if self._snapshot_due is not None and now >= self._snapshot_due:
            self._ask_snapshot()
        if self.track_state and now - self._last_traffic > self.heartbeat_timeout:
            self._last_traffic = now
            if self.connected:
                self.connected = False
                out.append(Connection(False, self.epoch, "no heartbeat"))
            if self._snapshot_id is None and self._snapshot_due is None:
                self._make_dealer()
                self._ask_snapshot()
