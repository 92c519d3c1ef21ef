"""The switchboard: the call-routing service (ACD) on the ZeroMQ bus (CONTRACT sections 2-4).

One thread owns the sockets and the routing ``Engine``: a ROUTER for commands (DEALER and REQ
clients; each reply framed the way its request came) and a PUB for events (topics ``desk/<a>/``,
``agent/<a>/``, ``call/<q>/``, ``sys/``; every message, each topic copy and each heartbeat
included, takes the next ``seq`` of the run's ``epoch``). Store work stays off the socket loop:
callers are identified by a worker thread (the ``ivr.call`` reply goes out when the lookup is
back), agent profiles are read again at ``agent.login`` (or reused for ``profile_ttl`` seconds),
and the event log is appended in batches by a writer thread.

Start one from Python::

    from telephony.rules import load_rules
    from telephony.switchboard import Switchboard
    sb = Switchboard(load_rules("resources/rules/demo.yaml"), store_url="sqlite:///demo.db",
                     commands="tcp://127.0.0.1:5570", events="tcp://127.0.0.1:5571")
    sb.start()            # binds (raises AgentdeskError if it cannot) and serves in a thread
    ...                   # sb.commands_endpoint / sb.events_endpoint are the bound endpoints
    sb.stop()             # stops the loop, flushes the event log

Endpoints may use port 0 (``tcp://127.0.0.1:0``) to bind a free port. ``serve_forever()`` runs the
loop in the calling thread instead (the ``agentdesk switchboard`` command).
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import socket
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import msgspec
import zmq

from agentdesk.errors import AgentdeskError
from telephony import protocol as P
from telephony.records import Agent, Envelope, encode, to_dict
from telephony.routing import CallerContext, Change, Clock, CommandError, Engine, SystemClock
from telephony.rules import Rules
from telephony.security import ServerCurve, ZapHandler, authorize

log = logging.getLogger(__name__)

HEARTBEAT_INTERVAL = 0.5
#: seconds an agent profile read from the store is reused at ``agent.login`` before it is read
#: again; 0 (the default) reads it at every login (one row by primary key, well under a
#: millisecond; logins are rare). The profiles preloaded at start only serve when the store
#: cannot be read.
PROFILE_TTL = 0.0
#: commands handled per poll of the ROUTER (their events and replies go out every 64); with
#: bus_bench, 128 gave the agents a shorter cycle under a flood of arrivals than 1000 did
READ_BATCH = 128


#: the biggest command ZeroMQ takes in (bigger: the peer is dropped, as a memory guard)
MAX_MESSAGE = 1024 * P.MAX_FRAME


def new_epoch() -> str:
    return f"{int(time.time()):x}-{os.urandom(3).hex()}"


@dataclass(slots=True)
class _PendingCall:
    """An ``ivr.call`` waiting for its caller lookup; retries with the same external_id join."""

    args: P.IvrCallArgs
    replies: list[tuple[list[bytes], Any]] = field(default_factory=list)
    call_id: str = ""


def _bind(sock: zmq.Socket[bytes], endpoint: str) -> str:
    if endpoint.startswith("tcp://") and endpoint.endswith(":0"):
        endpoint = endpoint[:-2] + ":*"
    try:
        sock.bind(endpoint)
    except zmq.ZMQError as exc:
        raise AgentdeskError(f"cannot bind {endpoint}: {exc}") from exc
    last = sock.getsockopt(zmq.LAST_ENDPOINT)
    return last.decode() if isinstance(last, bytes) else str(last)


#: one logged change as the loop hands it over: (seq, ts, type, agent_id, call_id, queue_id,
#: data as the JSON bytes already encoded for publishing)
LogItem = tuple[int, float, str, str | None, str | None, str | None, bytes]


class EventLogWriter:
    """Appends logged events to the store's ``event_log`` in batches, off the socket loop.

    The loop puts ``LogItem`` tuples; the record's JSON is the one published (encoded once), kept
    as the row's ``data`` text as is (compact UTF-8 JSON, what ``store.eventlog`` reads back).
    """

    def __init__(self, engine: Any, epoch: str, batch: int = 2000, interval: float = 0.2) -> None:
        self.engine = engine
        self.epoch = epoch
        self.batch = batch
        self.interval = interval
        self.q: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self.written = 0
        self.failed = 0
        self._thread = threading.Thread(target=self._run, name="eventlog-writer", daemon=True)
        self._thread.start()

    def put(self, ev: Any) -> None:
        self.q.put(ev)

    def put_many(self, items: list[LogItem]) -> None:
        """Hand over a whole burst's events at once (one queue operation for the loop)."""
        self.q.put(items)

    def close(self, timeout: float = 10.0) -> None:
        self.q.put(None)
        self._thread.join(timeout)

    def _append(self, items: list[LogItem]) -> int:
        from sqlalchemy import insert

        from store.eventlog import EventLogRow

        epoch = self.epoch
        rows = [
            {
                "epoch": epoch,
                "seq": seq,
                "ts": ts,
                "type": type_,
                "agent_id": agent_id,
                "call_id": call_id,
                "queue_id": queue_id,
                "data": data.decode(),
            }
            for seq, ts, type_, agent_id, call_id, queue_id, data in items
        ]
        with self.engine.begin() as conn:
            conn.execute(insert(EventLogRow), rows)
        return len(rows)

    @staticmethod
    def _take(pending: list[Any], item: Any) -> None:
        if isinstance(item, list):  # a burst (put_many)
            pending.extend(item)
        else:
            pending.append(item)

    def _run(self) -> None:
        pending: list[Any] = []
        done = False
        while not done:
            try:
                item = self.q.get(timeout=self.interval)
                if item is None:
                    done = True
                else:
                    self._take(pending, item)
                    while len(pending) < self.batch:
                        item = self.q.get_nowait()
                        if item is None:
                            done = True
                            break
                        self._take(pending, item)
            except queue.Empty:
                pass
            if pending:
                try:
                    self.written += self._append(pending)
                    pending = []
                except Exception as exc:  # keep the batch; retry on the next round
                    self.failed += 1
                    log.error("event log append failed (%d events kept): %s", len(pending), exc)
                    if len(pending) > 1_000_000:
                        pending = pending[-1_000_000:]
                    if done:
                        return
                    time.sleep(min(5.0, 0.2 * self.failed))


class StoreAccess:
    """The switchboard's reads from the store: caller identity and agent profiles."""

    def __init__(self, url: str, region: str) -> None:
        from store.db import make_engine

        self.url = url
        self.region = region
        self.engine = make_engine(url)
        #: agent_id -> (monotonic time read, profile)
        self._profiles: dict[str, tuple[float, Any]] = {}
        self._local = threading.local()
        self._conns: list[Any] = []

    def close(self) -> None:
        for conn in self._conns:
            with contextlib.suppress(Exception):
                conn.close()
        self._conns.clear()
        self.engine.dispose()

    def check(self) -> None:
        from sqlalchemy import inspect

        try:
            names = set(inspect(self.engine).get_table_names())
        except Exception as exc:
            raise AgentdeskError(f"cannot open the store: {exc}") from exc
        if "event_log" not in names:
            raise AgentdeskError(
                f"the store has no schema: run `agentdesk store init --url {self.url}`"
            )

    def identify(self, ani: str, customer_id: str | None) -> CallerContext:
        """Who is calling (runs in the lookup thread, on that thread's own connection)."""
        from store.directory import identify_caller

        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self.engine.connect()
            self._conns.append(conn)
        try:
            ctx = identify_caller(conn, ani=ani, customer_id=customer_id, region=self.region)
        except Exception:
            conn.invalidate()
            conn.close()
            self._local.conn = None
            raise
        finally:
            if self._local.conn is not None:
                conn.rollback()  # end the read transaction: the next lookup sees fresh data
        return CallerContext(
            customer_id=ctx.customer_id,
            tier=ctx.tier,
            lifecycle=ctx.lifecycle,
            language=ctx.language,
            open_issue_ids=list(ctx.open_issue_ids),
            last_agent_id=ctx.last_agent_id,
            last_contact_at=ctx.last_contact_at,
            status=ctx.status,
        )

    def profile(self, agent_id: str, max_age: float = 0.0) -> Any:
        """The agent's profile, read again from the store when the cached one is older than
        ``max_age`` seconds (the cached one is kept if the store cannot be read)."""
        cached = self._profiles.get(agent_id)
        if cached is not None and time.monotonic() - cached[0] < max_age:
            return cached[1]
        from store.directory import agent_profile

        try:
            with self.engine.connect() as conn:
                p = agent_profile(conn, agent_id)
        except Exception as exc:
            if cached is None:
                raise
            log.warning("agent profile refresh failed for %s: %s", agent_id, exc)
            return cached[1]
        if p is not None:
            self._profiles[agent_id] = (time.monotonic(), p)
        else:
            self._profiles.pop(agent_id, None)
        return p

    def preload_profiles(self) -> None:
        from store.directory import list_agents

        with self.engine.connect() as conn:
            for p in list_agents(conn):
                self._profiles[p.agent_id] = (-1e18, p)  # stale: read again at login

    def last_agents(self, days: float = 90.0, limit: int = 500_000) -> dict[str, tuple[str, float]]:
        """customer_id -> (agent_id, ts) of the latest answered call in the event log."""
        from sqlalchemy import select

        from store.eventlog import EventLogRow

        t = EventLogRow.__table__
        since = time.time() - days * 86400
        stmt = (
            select(t.c.agent_id, t.c.ts, t.c.data)
            .where(t.c.type == "call.connected", t.c.ts >= since)
            .order_by(t.c.id.desc())
            .limit(limit)
        )
        out: dict[str, tuple[str, float]] = {}
        dec = msgspec.json.Decoder()
        with self.engine.connect() as conn:
            for agent_id, ts, data in conn.execute(stmt):
                try:
                    cid = dec.decode(data).get("customer_id")
                except (msgspec.DecodeError, AttributeError):
                    continue
                if cid and agent_id and cid not in out:
                    out[cid] = (agent_id, float(ts))
        return out


class Switchboard:
    def __init__(
        self,
        rules: Rules,
        *,
        store_url: str | None = None,
        commands: str = "tcp://127.0.0.1:5570",
        events: str = "tcp://127.0.0.1:5571",
        region: str = "CN",
        clock: Clock | None = None,
        epoch: str | None = None,
        heartbeat_interval: float = HEARTBEAT_INTERVAL,
        hwm: int = 50_000,
        context: zmq.Context[Any] | None = None,
        log_events: bool = True,
        profile_ttl: float = PROFILE_TTL,
        curve: ServerCurve | None = None,
    ) -> None:
        self.rules = rules
        self.clock: Clock = clock or SystemClock()
        self.epoch = epoch or new_epoch()
        self.engine = Engine(rules, self.clock, id_prefix=f"c{self.epoch[-6:]}-")
        self.seq = 0
        self._epoch_b = encode(self.epoch)[1:-1]
        self._topics: dict[tuple[str, str], bytes] = {}
        self._agent_topics: dict[str, tuple[bytes, bytes]] = {}
        self._heads: dict[str, bytes] = {}
        self.commands_endpoint = commands
        self.events_endpoint = events
        self.heartbeat_interval = heartbeat_interval
        self.hwm = hwm
        self.profile_ttl = profile_ttl
        self._ctx_given = context
        self._ctx = context or zmq.Context.instance()
        #: the secured bus (``telephony.security``): CURVE sockets, known client keys
        self.curve = curve
        self._clients = curve.clients if curve is not None else None
        self._zap: ZapHandler | None = None
        self._own_ctx = False
        self.store: StoreAccess | None = StoreAccess(store_url, region) if store_url else None
        self._log_events = log_events and self.store is not None
        self.writer: EventLogWriter | None = None
        self._lookups: ThreadPoolExecutor | None = None
        self._results: queue.SimpleQueue[tuple[_PendingCall, CallerContext | None]] = (
            queue.SimpleQueue()
        )
        #: external_id -> the pending lookup, or the reply the first request got
        self._external: dict[str, _PendingCall | dict[str, Any]] = {}
        self._router: zmq.Socket[bytes] | None = None
        self._pub: zmq.Socket[bytes] | None = None
        self._wake_r: socket.socket | None = None
        self._wake_w: socket.socket | None = None
        self._stop = threading.Event()
        #: while the loop runs, replies and events are handed to ZeroMQ in bursts (``_flush``):
        #: one burst wakes ZeroMQ's I/O thread once instead of once per message
        self._batching = False
        #: commands read from the ROUTER per poll (then timers, events and replies go out):
        #: small enough that an agent's command read just after a batch waits little for it
        self.read_batch = READ_BATCH
        self._pub_out: list[tuple[bytes, bytes]] = []
        self._rep_out: list[tuple[list[bytes], bytes]] = []
        self._log_out: list[LogItem] = []
        self._thread: threading.Thread | None = None
        self._started = threading.Event()
        self._start_error: BaseException | None = None
        self._next_heartbeat = 0.0
        self.commands_handled = 0
        #: called with each published change (tests and in-process tools)
        self.on_change: Callable[[Change, int], None] | None = None
        self._handlers: dict[str, Callable[[list[bytes], Any, Any], Any]] = {
            "ivr.call": self._cmd_ivr_call,
            "ivr.hangup": lambda r, i, a: self._simple(
                lambda: self.engine.caller_hangup(a.call_id), {}
            ),
            "agent.login": self._cmd_login,
            "agent.logout": lambda r, i, a: self._simple(
                lambda: self.engine.logout(a.agent_id), {}
            ),
            "agent.state": lambda r, i, a: {
                "agent": self.engine.set_state(a.agent_id, a.state, a.reason)
            },
            "call.answer": lambda r, i, a: {"call": self.engine.answer(a.agent_id, a.call_id)},
            "call.reject": lambda r, i, a: {"call": self.engine.reject(a.agent_id, a.call_id)},
            "call.hold": lambda r, i, a: {"call": self.engine.hold(a.agent_id, a.call_id)},
            "call.resume": lambda r, i, a: {"call": self.engine.resume(a.agent_id, a.call_id)},
            "call.hangup": lambda r, i, a: {"call": self.engine.hangup(a.agent_id, a.call_id)},
            "call.transfer": lambda r, i, a: {
                "call": self.engine.transfer(a.agent_id, a.call_id, a.queue, a.to_agent)
            },
            "call.wrapup": lambda r, i, a: {
                "agent": self.engine.wrapup(
                    a.agent_id, a.call_id, a.disposition, a.notes, a.next_state
                )
            },
            "supervisor.agent_state": lambda r, i, a: {
                "agent": self.engine.set_state(
                    a.agent_id, a.state, a.reason, supervisor_id=a.supervisor_id
                )
            },
            "snapshot": lambda r, i, a: self._snapshot(a.scope),
            "ping": lambda r, i, a: {"epoch": self.epoch, "seq": self.seq},
        }

    @staticmethod
    def _simple(fn: Callable[[], Any], result: Any) -> Any:
        fn()
        return result

    # --- life cycle ---------------------------------------------------------------------------

    def open(self) -> None:
        """Check the store, bind the sockets, start the helpers (in the serving thread)."""
        if self.store is not None:
            self.store.check()
            try:
                self.store.preload_profiles()
                self.engine.last_agent_of.update(self.store.last_agents())
            except Exception as exc:
                raise AgentdeskError(f"cannot read the store: {exc}") from exc
            self._lookups = ThreadPoolExecutor(1, thread_name_prefix="caller-lookup")
            if self._log_events:
                self.writer = EventLogWriter(self.store.engine, self.epoch)
        if self.curve is not None:
            # a ZAP handler serves one context: a secured switchboard gets its own
            if self._ctx_given is None:
                self._ctx = zmq.Context()
                self._own_ctx = True
            try:
                self._zap = ZapHandler(self._ctx, self.curve.clients)
                self._zap.start()
            except AgentdeskError:
                self._zap = None
                self._close_helpers()
                raise
        router = self._ctx.socket(zmq.ROUTER)
        router.setsockopt(zmq.LINGER, 0)
        router.setsockopt(zmq.ROUTER_MANDATORY, 0)
        router.setsockopt(zmq.SNDHWM, self.hwm)
        router.setsockopt(zmq.RCVHWM, self.hwm)
        # A frame over 64 KiB gets its `bad_request`; only one over 64 MiB (a memory guard)
        # makes ZeroMQ drop the peer's connection unanswered.
        router.setsockopt(zmq.MAXMSGSIZE, MAX_MESSAGE)
        pub = self._ctx.socket(zmq.PUB)
        pub.setsockopt(zmq.LINGER, 0)
        pub.setsockopt(zmq.SNDHWM, self.hwm)
        if self.curve is not None:  # both sockets: only known keys command or subscribe
            self.curve.apply(router)
            self.curve.apply(pub)
        try:
            self.commands_endpoint = _bind(router, self.commands_endpoint)
            self.events_endpoint = _bind(pub, self.events_endpoint)
        except AgentdeskError:
            router.close(0)
            pub.close(0)
            self._close_helpers()
            raise
        self._router, self._pub = router, pub
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)
        self._next_heartbeat = 0.0
        log.info(
            "switchboard epoch %s on %s / %s",
            self.epoch,
            self.commands_endpoint,
            self.events_endpoint,
        )

    def start(self, timeout: float = 30.0) -> Switchboard:
        """Serve in a background thread; returns once bound (raises if it could not start)."""
        self._thread = threading.Thread(target=self._thread_main, name="switchboard", daemon=True)
        self._thread.start()
        if not self._started.wait(timeout):
            raise AgentdeskError("the switchboard did not start in time")
        if self._start_error is not None:
            raise self._start_error
        return self

    def _thread_main(self) -> None:
        try:
            self.open()
        except BaseException as exc:
            self._start_error = exc
            self._started.set()
            return
        self._started.set()
        self._loop()

    def serve_forever(self) -> None:
        self.open()
        self.serve_open()

    def serve_open(self) -> None:
        """Run the loop in this thread on sockets bound by ``open()``, until ``stop()``."""
        self._started.set()
        self._loop()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop serving (thread-safe) and wait for the loop and the event log to finish."""
        self._stop.set()
        w = self._wake_w  # read once: the loop, seeing the stop, may close it and clear it now
        if w is not None:
            with contextlib.suppress(OSError):  # closed already: the loop is ending anyway
                w.send(b"\0")
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    def _close(self) -> None:
        for s in (self._router, self._pub):
            if s is not None:
                s.close(linger=0)
        self._router = self._pub = None
        self._close_helpers()
        for w in (self._wake_r, self._wake_w):
            if w is not None:
                w.close()
        self._wake_r = self._wake_w = None

    def _close_helpers(self) -> None:
        if self._zap is not None:
            self._zap.stop()
            self._zap = None
        if self._own_ctx:
            self._ctx.destroy(linger=0)
            self._own_ctx = False
        if self._lookups is not None:
            self._lookups.shutdown(wait=True, cancel_futures=True)
            self._lookups = None
        if self.writer is not None:
            self.writer.close()
            self.writer = None
        if self.store is not None:
            self.store.close()

    # --- the loop -----------------------------------------------------------------------------

    def _loop(self) -> None:
        assert self._router is not None and self._wake_r is not None
        poller = zmq.Poller()
        poller.register(self._router, zmq.POLLIN)
        poller.register(self._wake_r.fileno(), zmq.POLLIN)
        router = self._router
        wake = self._wake_r.fileno()
        self._batching = True
        try:
            while not self._stop.is_set():
                # heartbeats follow real time (transport liveness), engine timers the clock
                real = time.monotonic()
                if real >= self._next_heartbeat:
                    self._heartbeat()
                    self._next_heartbeat = real + self.heartbeat_interval
                wait = self._next_heartbeat - real
                dl = self.engine.next_deadline()
                if dl is not None:
                    wait = min(wait, dl - self.clock.monotonic())
                ready = dict(poller.poll(max(0, int(wait * 1000) + 1)))
                if wake in ready:
                    with contextlib.suppress(BlockingIOError, OSError):
                        while self._wake_r.recv(4096):
                            pass
                self._drain_results()
                if router in ready:
                    # drain what is queued, in one batch per poll (bounded, so timers and
                    # heartbeats still run under a flood)
                    self._drain_router(router)
                self.engine.tick()
                self._publish_changes()
                self._flush()
        finally:
            self._batching = False
            with contextlib.suppress(zmq.ZMQError):
                self._flush()
            self._close()

    def _drain_router(self, router: zmq.Socket[bytes]) -> None:
        """Handle what the ROUTER holds, in one batch per poll (bounded, so timers and heartbeats
        still run under a flood). Within the batch, new calls (``ivr.call``) come after the
        other commands -- agents answering, hanging up, wrapping up -- so a flood of arrivals
        does not slow the agents' cycle; a client's own commands keep their order (once one of
        its commands waits, the rest of its batch waits behind it)."""
        secured = self._clients is not None
        batch: list[tuple[list[bytes], str | None]] = []
        for _ in range(self.read_batch):
            try:
                f = _raw_recv(router, _NOBLOCK, False)
                frames = [f.bytes]
                while f.more:
                    f = _raw_recv(router, 0, False)
                    frames.append(f.bytes)
            except zmq.Again:
                break
            # on the secured bus the ZAP handler set the client's key as the frame's User-Id
            batch.append((frames, f.get("User-Id") if secured else None))
        handle = self.handle_frames
        later: list[tuple[list[bytes], str | None]] = []
        held: set[bytes] = set()
        n = 0
        for item in batch:
            frames = item[0]
            if frames[0] in held or _IVR_CALL in frames[-1]:
                held.add(frames[0])
                later.append(item)
                continue
            handle(*item)
            n += 1
            if n & 63 == 0:  # bounded bursts: the first reply never waits long
                self._flush()
        for item in later:
            handle(*item)
            n += 1
            if n & 63 == 0:
                self._flush()

    def _flush(self) -> None:
        """Hand the buffered events, then the buffered replies, to ZeroMQ (events first: a
        client holding a reply can rely on that change's events being out)."""
        if self._pub_out:
            out, self._pub_out = self._pub_out, []
            pub = self._pub
            if pub is not None:
                for topic, body in out:
                    try:
                        _raw_send(pub, topic, _SNDMORE_NOBLOCK)
                        _raw_send(pub, body, _NOBLOCK)
                    except zmq.Again:  # PUB never blocks; kept for safety
                        pass
        if self._log_out:
            logged, self._log_out = self._log_out, []
            if self.writer is not None:
                self.writer.put_many(logged)
        if self._rep_out:
            reps, self._rep_out = self._rep_out, []
            router = self._router
            if router is not None:
                for route, body in reps:
                    try:
                        for frame in route:
                            _raw_send(router, frame, _SNDMORE_NOBLOCK)
                        _raw_send(router, body, _NOBLOCK)
                    except zmq.ZMQError:  # peer gone or its queue full: the reply is dropped
                        pass

    def _drain_results(self) -> None:
        while True:
            try:
                pc, ctx = self._results.get_nowait()
            except queue.Empty:
                return
            try:
                self._finish_ivr_call(pc, ctx)
            except Exception as exc:  # never let one call stop the switchboard
                log.exception("ivr.call failed")
                self.engine.take_changes()
                for route, rid in pc.replies:
                    self._send(route, P.reply_error(rid, P.INVALID_STATE, f"internal error: {exc}"))
                if pc.args.external_id is not None:
                    self._external.pop(pc.args.external_id, None)

    def handle_frames(self, frames: list[bytes], user: str | None = None) -> None:
        """Handle one command as received on the ROUTER: its routing frames, then the body;
        ``user`` is the client's key (the ``User-Id`` of the frame) on the secured bus.

        The routing frames are the peer's identity plus those that ROUTER-DEALER proxies on the
        way added, ended by the empty delimiter when the client sent one (REQ does); the reply
        goes back with the same frames. After a delimiter exactly one frame must come; without
        one, a frame that reads as JSON before the body means a client sent a body in several
        frames: refused, and answered to the peer alone."""
        if len(frames) < 2:
            return
        route = frames[:-1]
        body = frames[-1]
        self.commands_handled += 1
        if len(frames) > 2:
            middle = frames[1:-1]
            refused = False
            if b"" in middle:
                cut = middle.index(b"") + 2  # the routing frames up to the first delimiter
                refused = cut != len(frames) - 1
                route = frames[:cut]
            elif any(f[:1] in (b"{", b"[", b" ") for f in middle):
                refused = True
                route = frames[:1]
            if refused:
                msg = "a command is one JSON frame"
                self._send(route, P.reply_error(None, P.BAD_REQUEST, msg))
                return
        try:
            req = P.parse_request_fast(body)
        except P.ProtocolError as exc:
            self._send(route, P.reply_error(exc.request_id, exc.code, exc.message))
            return
        clients = self._clients
        if clients is not None:
            why = authorize(clients.get(user) if user else None, req.cmd, req.args)
            if why is not None:  # refused before anything runs: nothing changes
                self._send(route, P.reply_error(req.id, P.NOT_ALLOWED, why))
                return
        # timers due before this command fire first (a driven clock may have jumped)
        if self.engine.tick():
            self._publish_changes()
        try:
            result = self._handlers[req.cmd](route, req.id, req.args)
        except CommandError as exc:
            self.engine.take_changes()  # a refused command changes nothing (none were made)
            self._send(route, P.reply_error(req.id, exc.code, exc.message))
            return
        except Exception as exc:  # never let one command stop the switchboard
            log.exception("command %s failed", req.cmd)
            self._publish_changes()
            self._send(route, P.reply_error(req.id, P.INVALID_STATE, f"internal error: {exc}"))
            return
        # the events of this change go out (stamped and published) before its reply, so a client
        # holding the reply can rely on them having been published
        self._publish_changes()
        if result is not _DEFERRED:
            self._send(route, P.reply_ok(req.id, result))

    def _send(self, route: list[bytes], body: bytes) -> None:
        """Reply ``body`` to the client at ``route`` (buffered while the loop runs)."""
        if self._batching:
            self._rep_out.append((route, body))
            return
        router = self._router
        if router is None:
            return
        try:
            for frame in route:
                _raw_send(router, frame, _SNDMORE_NOBLOCK)
            _raw_send(router, body, _NOBLOCK)
        except zmq.ZMQError:  # peer gone or its queue full: the reply is dropped
            pass

    # --- commands -----------------------------------------------------------------------------

    def _cmd_ivr_call(self, route: list[bytes], rid: Any, a: P.IvrCallArgs) -> Any:
        ext = a.external_id
        if ext is not None and ext in self._external:
            known = self._external[ext]
            if isinstance(known, dict):
                return known
            known.replies.append((route, rid))
            return _DEFERRED
        pc = _PendingCall(a, [(route, rid)])
        if ext is not None:
            self._external[ext] = pc
        if self.store is None or self._lookups is None:
            self._finish_ivr_call(pc, None)
            return _DEFERRED
        store = self.store
        results = self._results

        def lookup() -> None:
            ctx: CallerContext | None
            try:
                ctx = store.identify(a.ani, a.customer_id)
            except Exception as exc:
                log.warning("caller lookup failed for %s: %s", a.ani, exc)
                ctx = None
            results.put((pc, ctx))
            w = self._wake_w
            if w is not None:
                with contextlib.suppress(OSError):
                    w.send(b"\0")

        self._lookups.submit(lookup)
        return _DEFERRED

    def _finish_ivr_call(self, pc: _PendingCall, ctx: CallerContext | None) -> None:
        a = pc.args
        if ctx is None:
            ctx = CallerContext(customer_id=None)
            if a.customer_id and self.store is None:
                ctx.customer_id = a.customer_id
        self.engine.tick()
        call = self.engine.new_call(
            ani=a.ani,
            dnis=a.dnis,
            language=a.language,
            ivr=a.ivr,
            ctx=ctx,
            external_id=a.external_id,
        )
        pc.call_id = call.call_id
        body = {"call_id": call.call_id, "queue": call.queue, "rule": call.route.rule}
        if a.external_id is not None:
            self._external[a.external_id] = body
        self._publish_changes()  # events first, then the replies (see handle_frames)
        for route, rid in pc.replies:
            self._send(route, P.reply_ok(rid, body))

    def _cmd_login(self, route: list[bytes], rid: Any, a: P.LoginArgs) -> Any:
        prof: Any = None
        if self.store is not None:
            try:
                prof = self.store.profile(a.agent_id, self.profile_ttl)
            except Exception as exc:
                log.warning("agent profile lookup failed for %s: %s", a.agent_id, exc)
        if prof is None and a.queues is None:
            known = self.engine.agents.get(a.agent_id)
            if known is None:
                raise CommandError(
                    P.UNKNOWN_AGENT, f"unknown agent {a.agent_id!r} (give `queues` to log in)"
                )
            queues, skills, name = known.rec.queues, known.rec.skills, known.rec.name
        else:
            queues = list(a.queues) if a.queues is not None else list(prof.queues)
            skills = dict(a.skills if a.skills is not None else (prof.skills if prof else {}))
            name = prof.name if prof is not None else a.agent_id
        if a.name:
            name = a.name
        return {"agent": self.engine.login(a.agent_id, name, queues, skills)}

    def _snapshot(self, scope: str) -> dict[str, Any]:
        snap = self.engine.snapshot(scope)
        snap["epoch"] = self.epoch
        snap["seq"] = self.seq
        return snap

    # --- publishing ---------------------------------------------------------------------------

    def _heartbeat(self) -> None:
        self.seq += 1
        env = Envelope(
            type="sys.heartbeat",
            epoch=self.epoch,
            seq=self.seq,
            ts=self.clock.time(),
            data={"epoch": self.epoch, "seq": self.seq},
        )
        self._pub_send(_SYS_TOPIC_B, encode(env))

    def _pub_send(self, topic: bytes, body: bytes) -> None:
        """Publish one event message (buffered while the loop runs)."""
        if self._batching:
            self._pub_out.append((topic, body))
            return
        pub = self._pub
        if pub is None:
            return
        try:
            _raw_send(pub, topic, _SNDMORE_NOBLOCK)
            _raw_send(pub, body, _NOBLOCK)
        except zmq.Again:  # PUB never blocks; kept for safety
            pass

    def _topic(self, kind: str, name: str) -> bytes:
        """``<kind>/<name>/`` as bytes, built once per name."""
        key = (kind, name)
        t = self._topics.get(key)
        if t is None:
            if len(self._topics) > 200_000:
                self._topics.clear()
                self._agent_topics.clear()
            t = self._topics[key] = f"{kind}/{name}/".encode()
        return t

    def _publish_changes(self) -> None:
        changes = self.engine.take_changes()
        if changes:
            for ch in changes:
                self.publish(ch)

    def publish(self, ch: Change) -> None:
        """Publish one change on each topic it concerns; the record is encoded once and its bytes
        reused for every topic copy (only ``seq`` differs) and handed to the event log."""
        rec = ch.record
        extra = ch.extra
        if extra:
            data_obj: Any = to_dict(rec)
            data_obj.update(extra)
            data = encode(data_obj)
        else:
            data = encode(rec)
        topic = self._topic
        topics: list[bytes] | tuple[bytes, bytes]
        if isinstance(rec, Agent):
            aid = rec.agent_id
            pair = self._agent_topics.get(aid)
            if pair is None:
                pair = self._agent_topics[aid] = (topic("desk", aid), topic("agent", aid))
            topics = pair
        else:
            topics = [topic("call", q) for q in ch.queues]
            for a in ch.desks:
                topics.append(topic("desk", a))
        ts = self.clock.time()
        first_seq = self.seq + 1
        head = self._heads.get(ch.type)
        if head is None:
            head = self._heads[ch.type] = (
                b'{"v":1,"type":"' + ch.type.encode() + b'","epoch":"' + self._epoch_b + b'","seq":'
            )
        tail = b',"ts":' + repr(ts).encode() + b',"data":' + data + b"}"
        seq = self.seq
        if self._batching:  # the loop runs: straight into the burst (what _pub_send does)
            out = self._pub_out
            for t in topics:
                seq += 1
                out.append((t, b"%s%d%s" % (head, seq, tail)))
        else:
            send = self._pub_send
            for t in topics:
                seq += 1
                send(t, b"%s%d%s" % (head, seq, tail))
        self.seq = seq
        if self.writer is not None:
            # the writer thread turns the published JSON into the logged row; while the loop
            # runs, a burst's events go over in one hand-over (``_flush``)
            item: LogItem
            if isinstance(rec, Agent):
                item = (first_seq, ts, ch.type, rec.agent_id, rec.call_id, None, data)
            else:
                agent_id = rec.agent_id or (ch.desks[0] if ch.desks else None)
                item = (first_seq, ts, ch.type, agent_id, rec.call_id, rec.queue, data)
            if self._batching:
                self._log_out.append(item)
            else:
                self.writer.put(item)
        if self.on_change is not None:
            self.on_change(ch, first_seq)


_DEFERRED: Any = object()
_IVR_CALL = b'"ivr.call"'
_NOBLOCK = int(zmq.NOBLOCK)
_SNDMORE_NOBLOCK = int(zmq.SNDMORE | zmq.NOBLOCK)
_SYS_TOPIC_B = P.SYS_TOPIC.encode()
#: the backend's send, without the sugar layer's routing_id/group handling (unused on a PUB)
_raw_send: Callable[..., Any] = getattr(zmq.backend, "Socket", zmq.Socket).send
_raw_recv: Callable[..., Any] = getattr(zmq.backend, "Socket", zmq.Socket).recv
