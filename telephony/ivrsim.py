"""The IVR call generator (``agentdesk ivr-sim``): Poisson arrivals of synthetic IVR calls.

Callers are drawn from the store (numbers of known customers, numbers shared by several
customers -> ambiguous, and unknown numbers), menu choices and intents in realistic proportions,
and each caller has a patience: a call still queued or ringing when it runs out is hung up
(``ivr.hangup``, the switchboard marks it abandoned).

    sim = IvrSim(commands, events, rate_per_min=30, count=100, callers=load_callers(url, "CN"))
    sim.run()            # blocks until --count calls were placed and settled, or --duration
    sim.start(); sim.stop()   # or in a background thread (the demo)
"""

from __future__ import annotations

import heapq
import itertools
import logging
import math
import random
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from telephony.client import BusClient, Event, Reply
from telephony.records import Call
from telephony.security import ClientCurve

log = logging.getLogger(__name__)

#: (menu, share, intents) - the IVR's top menu: 1 sales, 2 billing, 3 tech, 0 operator
MENUS: tuple[tuple[str | None, float, tuple[str, ...]], ...] = (
    ("1", 0.18, ("new_plan", "upgrade", "pricing")),
    ("2", 0.34, ("bill_question", "payment", "refund", "double_charge")),
    ("3", 0.30, ("no_signal", "slow_internet", "device_repair", "router_setup")),
    ("0", 0.10, ("operator",)),
    (None, 0.08, ()),  # no input: straight to an agent
)
RESULTS = (("ok", 0.80), ("agent_requested", 0.12), ("timeout", 0.05), ("invalid", 0.03))
DNIS = (("4008001000", 0.7), ("4008002000", 0.2), ("95555", 0.1))


@dataclass(slots=True)
class Callers:
    """Numbers to call from: ``known`` (one customer), ``ambiguous`` (shared), ``unknown``."""

    known: list[tuple[str, str | None]] = field(default_factory=list)  # (ani, language)
    ambiguous: list[str] = field(default_factory=list)
    mix: tuple[float, float, float] = (0.75, 0.05, 0.20)

    def draw(self, rng: random.Random) -> tuple[str, str, str | None]:
        """(kind, ani, language)."""
        r = rng.random()
        k, a, _u = self.mix
        if r < k and self.known:
            ani, lang = rng.choice(self.known)
            return "known", ani, lang
        if r < k + a and self.ambiguous:
            return "ambiguous", rng.choice(self.ambiguous), None
        return "unknown", f"+86199{rng.randrange(10**8):08d}", None


def load_callers(url: str, region: str = "CN", limit: int = 50_000) -> Callers:
    """Sample caller numbers from the store's customer phones."""
    from sqlalchemy import func, select

    from store.db import make_engine
    from store.models import Customer, CustomerPhone

    engine = make_engine(url)
    pt = CustomerPhone.__table__
    ct = Customer.__table__
    p, c = pt.c, ct.c
    out = Callers()
    try:
        with engine.connect() as conn:
            shared = select(p.phone).group_by(p.phone).having(func.count() > 1).limit(limit)
            out.ambiguous = [r[0] for r in conn.execute(shared)]
            amb = set(out.ambiguous)
            rows = conn.execute(
                select(p.phone, c.language).join(ct, c.customer_id == p.customer_id).limit(limit)
            )
            out.known = [(ph, lang) for ph, lang in rows if ph not in amb]
    finally:
        engine.dispose()
    return out


def _weighted(rng: random.Random, items: Any) -> Any:
    r = rng.random()
    acc = 0.0
    for item in items:
        acc += item[1]
        if r < acc:
            return item
    return items[-1]


#: seconds a hung-up call is still followed, to see whether an agent answered it first
HANGUP_GRACE = 5.0

#: what a call event says about a call's outcome, for calls seen before their reply
_OUTCOMES = {
    "call.connected": "connected",
    "call.ended": "ended",
    "call.abandoned": "ended",
    "call.callback": "ended",
}


@dataclass(slots=True)
class _Live:
    call_id: str
    patience_at: float
    done: bool = False


class IvrSim:
    def __init__(
        self,
        commands: str,
        events: str,
        *,
        rate_per_min: float = 6.0,
        count: int | None = None,
        duration: float | None = None,
        callers: Callers | None = None,
        seed: int | None = None,
        patience_median: float = 60.0,
        speed: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        curve: ClientCurve | None = None,
    ) -> None:
        self.commands = commands
        self.curve = curve
        self.events = events
        self.rate = rate_per_min / 60.0
        self.count = count
        self.duration = duration
        self.callers = callers or Callers()
        self.rng = random.Random(seed)
        self.patience_median = patience_median
        self.speed = speed
        self.clock = clock
        self.sent = 0  # ivr.call commands sent, replied to or not: what --count bounds
        self.placed = 0
        self.failed = 0
        self.abandoned = 0
        self.answered = 0
        self.last_error = ""
        self._live: dict[str, _Live] = {}
        #: outcomes of calls seen before their ``ivr.call`` reply (events go out before the
        #: reply, on another socket, and one poll hands the events over first): call id ->
        #: ``connected`` or ``ended``; kept only while ivr.call replies are outstanding
        self._early: dict[str, str] = {}
        self._patience: list[tuple[float, str]] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._run_id = uuid.uuid4().hex[:8]
        self._n = itertools.count(1)
        self.client: BusClient | None = None

    def summary(self) -> str:
        return (
            f"ivr-sim: placed {self.placed} calls ({self.answered} answered, "
            f"{self.abandoned} hung up by impatient callers, {self.failed} refused)"
        )

    def start(self) -> IvrSim:
        self._thread = threading.Thread(target=self.run, name="ivr-sim", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        client = self.client  # read once: run() clears it when it ends
        if client is not None:
            client.wakeup()
        if self._thread is not None:
            self._thread.join(timeout)

    def make_call(self) -> dict[str, Any]:
        """The arguments of one synthetic ``ivr.call``."""
        rng = self.rng
        kind, ani, lang = self.callers.draw(rng)
        menu, _share, intents = _weighted(rng, MENUS)
        result = _weighted(rng, RESULTS)[0] if menu is not None else "timeout"
        ivr: dict[str, Any] = {
            "result": result,
            "verified": kind == "known" and rng.random() < 0.6,
            "data": {"caller_kind": kind},
        }
        if menu is not None:
            ivr["menu"] = menu
        if intents:
            ivr["intent"] = rng.choice(intents)
        if lang is None:
            lang = "zh" if rng.random() < 0.7 else "en"
        return {
            "ani": ani,
            "dnis": _weighted(rng, DNIS)[0],
            "language": lang,
            "external_id": f"ivr-{self._run_id}-{next(self._n)}",
            "ivr": ivr,
        }

    def run(self) -> str:
        client = BusClient(
            self.commands,
            self.events,
            topics=["call/"],
            track_state=False,
            request_timeout=10.0,
            curve=self.curve,
        )
        self.client = client
        client.open()
        start = self.clock()
        next_at = start
        try:
            while not self._stop.is_set():
                now = self.clock()
                more = (self.count is None or self.sent < self.count) and (
                    self.duration is None or now - start < self.duration
                )
                if not more and not client.pending and not self._live:
                    break
                if not more and self.duration is not None and now - start > self.duration + 5:
                    break
                if more and now >= next_at:
                    args = self.make_call()
                    client.send("ivr.call", args, tag=args["external_id"])
                    self.sent += 1
                    next_at += self.rng.expovariate(self.rate) / self.speed
                    continue
                wake = [1.0]
                if more:
                    wake.append(next_at - now)
                if self._patience:
                    wake.append(self._patience[0][0] - now)
                for n in client.poll(max(0, int(min(wake) * 1000) + 1)):
                    self._notice(n)
                self._expire_patience()
        finally:
            client.close()
            self.client = None
        return self.summary()

    def _notice(self, n: Any) -> None:
        if isinstance(n, Reply):
            if n.cmd == "ivr.call":
                if n.ok:
                    self.placed += 1
                    cid = str(n.result["call_id"])
                    wait = self.patience_median * math.exp(self.rng.gauss(0, 0.7)) / self.speed
                    early = self._early.pop(cid, None)
                    if early == "connected":
                        self.answered += 1  # answered before the reply came: no patience
                    elif early is None and cid not in self._live:
                        self._live[cid] = _Live(cid, self.clock() + wait)
                        heapq.heappush(self._patience, (self.clock() + wait, cid))
                else:
                    self.failed += 1
                    self.last_error = f"{n.code}: {n.message}"
                if self._early and self._calls_in_flight() == 0:
                    self._early.clear()  # the rest were other IVRs' calls
            return
        if isinstance(n, Event) and isinstance(n.record, Call):
            live = self._live.get(n.record.call_id)
            if live is None:
                if n.type in _OUTCOMES and self._calls_in_flight():
                    # maybe one of ours whose reply is still on its way: remember how it went
                    # (a connection is what counts, and it comes before the call's end)
                    self._early.setdefault(n.record.call_id, _OUTCOMES[n.type])
                return
            if n.type == "call.connected":
                if live.done:  # answered before the caller's hangup arrived: answered after all
                    self.abandoned -= 1
                self.answered += 1
                self._live.pop(live.call_id, None)
            elif n.type in ("call.abandoned", "call.ended", "call.callback"):
                self._live.pop(live.call_id, None)

    def _calls_in_flight(self) -> int:
        """``ivr.call`` commands sent whose reply (or local timeout) has not come yet."""
        return self.sent - self.placed - self.failed

    def _expire_patience(self) -> None:
        now = self.clock()
        assert self.client is not None
        while self._patience and self._patience[0][0] <= now:
            _, cid = heapq.heappop(self._patience)
            live = self._live.get(cid)
            if live is None:
                continue
            if live.done:  # hung up a while ago and its end never showed: stop waiting
                del self._live[cid]
                continue
            self.abandoned += 1
            self.client.send("ivr.hangup", {"call_id": cid}, tag=cid)
            # an agent may have answered just before the hangup reached the switchboard: keep
            # the call until its end (or a grace period) shows which came first
            live.done = True
            heapq.heappush(self._patience, (now + HANGUP_GRACE, cid))
