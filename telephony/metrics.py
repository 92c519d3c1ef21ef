"""Contact-center figures from the switchboard's event stream (CONTRACT section 8), with pandas.

Two halves, no Qt:

* :class:`EventFold` folds ``agent.state`` / ``call.*`` events (from the event log or live from the
  bus, in publication order) into per-call facts, per-agent legs and per-agent state time, split
  into clock-aligned intervals. Every record carries a ``version``; an event whose version was
  already seen (a duplicate from another topic, or a buffered event older than the history just
  loaded) is ignored, so the order of history and live events does not matter.
* :meth:`EventFold.figures` turns those facts into additive counts per interval with pandas and
  derives the rates. Only intervals touched since the last call are recomputed (the others are
  cached), so a live console refreshing once a second over a full day stays cheap; a fold built
  from scratch over the same events gives exactly the same figures (tested).

Every metric is defined in ``docs/METRICS.md``.
"""

from __future__ import annotations

import gc
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any, cast

import msgspec
import numpy as np
import pandas as pd
from sqlalchemy.engine import Engine

AGENT_STATES = ("logged_out", "ready", "not_ready", "reserved", "on_call", "wrap_up")
#: Agent states whose time is tracked per interval (logged-out time is not).
TIMED_STATES = ("ready", "not_ready", "reserved", "on_call", "wrap_up")
TERMINAL_CALL_STATES = ("ended", "abandoned", "callback")
NO_TIER = "none"

QUEUE_COLUMNS = [
    "interval_start",
    "queue_id",
    "offered",
    "answered",
    "answered_in_sl",
    "abandoned",
    "abandoned_in_sl",
    "short_abandoned",
    "callbacks",
    "service_level",
    "asa",
    "aht",
    "abandon_rate",
]
AGENT_COLUMNS = [
    "interval_start",
    "agent_id",
    "handled",
    "talk_time",
    "hold_time",
    "wrap_time",
    "aht",
    "not_ready_time",
    "occupancy",
]
#: Additive per (interval, queue, tier) counts from which every queue figure is derived.
QUEUE_COUNTS = [
    "offered",
    "answered",
    "answered_in_sl",
    "abandoned",
    "abandoned_in_sl",
    "short_abandoned",
    "callbacks",
    "waiting",
    "wait_sum",
    "handled",
    "handle_sum",
]
#: Additive per (interval, agent) counts from which every agent figure is derived.
AGENT_COUNTS = [
    "handled",
    "talk_time",
    "hold_time",
    "wrap_time",
    *(f"t_{s}" for s in TIMED_STATES),
]
#: the leg part of AGENT_COUNTS (the rest is time per state)
LEG_COUNTS = ["handled", "talk_time", "hold_time", "wrap_time"]
_STATE_COL = {s: i for i, s in enumerate(TIMED_STATES)}
#: call outcome -> code (abandoned and ended-unanswered are both "gone")
_OUTCOME = {"waiting": 0, "answered": 1, "abandoned": 2, "unanswered": 2, "callback": 3}
SL_CONVENTIONS = ("abandoned_after_threshold", "answered_only", "answered_and_abandoned")


@dataclass(frozen=True)
class MetricSettings:
    """Knobs where contact centers differ; defaults follow CONTRACT section 8."""

    threshold: float = 20.0  # service-level threshold, seconds
    target: float = 0.8  # service-level target, fraction
    short_abandon: float = 5.0  # abandons within this many seconds count nowhere else
    interval: int = 1800  # interval length, seconds (15, 30 or 60 minutes)
    ring_timeout: float = 15.0  # for drift flags: reserved longer than 2x this is drift
    #: ``abandoned_after_threshold`` (CONTRACT): in_sl / (answered + abandoned - abandoned_in_sl);
    #: ``answered_only``: in_sl / answered;
    #: ``answered_and_abandoned``: in_sl / (answered + abandoned)
    sl_convention: str = "abandoned_after_threshold"

    def __post_init__(self) -> None:
        if self.interval <= 0 or 86400 % self.interval:
            raise ValueError(f"interval must divide a day, got {self.interval} s")
        if self.sl_convention not in SL_CONVENTIONS:
            raise ValueError(f"unknown service-level convention {self.sl_convention!r}")
        if self.threshold < 0 or self.short_abandon < 0:
            raise ValueError("threshold and short_abandon must not be negative")


class Rec(msgspec.Struct, omit_defaults=True, gc=False):
    """The fields of an Agent or Call record (CONTRACT 3) the figures need; others are ignored."""

    state: str = ""
    version: int = 0
    agent_id: str | None = None
    call_id: str | None = None
    name: str | None = None
    reason: str | None = None
    since: float | None = None
    queues: list[str] | None = None
    handled: int | None = None
    ani: str | None = None
    queue: str | None = None
    tier: str | None = None
    priority: int | None = None
    arrived_at: float | None = None
    queued_at: float | None = None
    offered_at: float | None = None
    answered_at: float | None = None
    ended_at: float | None = None
    supervisor_id: str | None = None


class Envelope(msgspec.Struct):
    """A bus event envelope (CONTRACT 2) with its record decoded as :class:`Rec`."""

    type: str
    epoch: str = ""
    seq: int = 0
    ts: float = 0.0
    data: Rec | None = None


_rec_decoder = msgspec.json.Decoder(Rec)
_env_decoder = msgspec.json.Decoder(Envelope)


def decode_record(raw: bytes | str) -> Rec:
    return _rec_decoder.decode(raw)


def decode_envelope(raw: bytes | str) -> Envelope:
    return _env_decoder.decode(raw)


def record_from_dict(data: dict[str, Any]) -> Rec:
    return msgspec.convert(data, Rec, strict=False)


def interval_of(ts: float, interval: int) -> int:
    """Start (unix seconds) of the clock-aligned interval holding ``ts``."""
    return int(ts // interval) * interval


class CallFacts:
    """What the figures need to know about one call, kept up to date event by event."""

    __slots__ = (
        "agents_holding",
        "answered_at",
        "call_id",
        "end_ts",
        "epoch",
        "legs",
        "outcome",
        "queue",
        "queued_at",
        "rec",
        "seg_agent",
        "seg_start",
        "seg_state",
        "tier",
    )

    def __init__(self, epoch: str, call_id: str) -> None:
        self.epoch = epoch
        self.call_id = call_id
        self.queue: str | None = None
        self.queued_at: float | None = None
        self.tier: str | None = None
        self.answered_at: float | None = None
        self.end_ts: float | None = None
        #: waiting | answered | abandoned | callback | unanswered (ended without an answer)
        self.outcome = "waiting"
        self.seg_state: str | None = None
        self.seg_start = 0.0
        self.seg_agent: str | None = None
        #: agent_id -> [talk, hold, wrap, talk_end_ts]
        self.legs: dict[str, list[float]] = {}
        self.agents_holding: set[str] = set()
        self.rec: Rec | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.epoch, self.call_id)

    @property
    def ended(self) -> bool:
        return self.rec is not None and self.rec.state in TERMINAL_CALL_STATES

    @property
    def complete(self) -> bool:
        """Handled to the end: the call is over and no agent is still on it or wrapping it up."""
        return self.ended and not self.agents_holding


class AgentFacts:
    __slots__ = ("call_key", "rec", "seg_start", "seg_state")

    def __init__(self) -> None:
        self.rec: Rec | None = None
        self.seg_state: str | None = None
        self.seg_start = 0.0
        self.call_key: tuple[str, str] | None = None


@dataclass
class Figures:
    """One refresh's figures. Frames carry raw additive counts plus derived rates."""

    now: float
    interval: int
    current_interval: int
    queues: pd.DataFrame  # per (interval_start, queue_id): QUEUE_COLUMNS + waiting
    agents: pd.DataFrame  # per (interval_start, agent_id): AGENT_COLUMNS + ready/reserved...
    queue_today: pd.DataFrame  # per queue_id (index) + a "__all__" total row
    agent_today: pd.DataFrame  # per agent_id (index)
    tiers: pd.DataFrame  # per tier (index) for the whole period
    live_queues: dict[str, dict[str, Any]] = field(default_factory=dict)
    agents_live: list[dict[str, Any]] = field(default_factory=list)


TOTAL = "__all__"


@dataclass
class Summary:
    """The live console's figures (see :meth:`EventFold.summary`); frames carry the additive
    counts and the derived rates."""

    now: float
    interval: int
    current_interval: int
    queue_today: pd.DataFrame  # index queue_id (+ ``__all__``)
    agent_today: pd.DataFrame  # index agent_id
    tiers: pd.DataFrame  # index tier
    current: pd.DataFrame  # index queue_id (+ ``__all__``): the current interval
    series: dict[str, pd.DataFrame]  # queue or ``__all__`` -> index interval_start
    live_queues: dict[str, dict[str, Any]]
    #: every agent's live dict (empty when the summary was asked without them)
    agents_live: list[dict[str, Any]]
    #: one agent's live dict as of ``now`` (for a board that updates changed rows only)
    live_agent: Callable[[str], dict[str, Any] | None] | None = None


class EventFold:
    """Fold of agent and call events into the facts behind every figure.

    ``apply`` must see events in publication order (the event log's order, or the bus order);
    duplicates and stale versions are skipped. Not thread-safe: one thread owns a fold.
    """

    def __init__(self, settings: MetricSettings | None = None) -> None:
        self.settings = settings or MetricSettings()
        self._step = self.settings.interval
        self.calls: dict[tuple[str, str], CallFacts] = {}
        self.agents: dict[str, AgentFacts] = {}
        self._seen: dict[tuple[str, str, str], int] = {}
        self._by_queued: dict[int, set[tuple[str, str]]] = {}
        self._by_ended: dict[int, set[tuple[str, str]]] = {}
        #: interval -> {(call_key, agent_id)} legs whose talk ended in that interval
        self._legs_by_end: dict[int, set[tuple[tuple[str, str], str]]] = {}
        #: interval -> {(agent_id, state): seconds} of closed agent-state segments
        #: interval -> seconds per (agent position, timed state) of closed segments
        self._agent_time: dict[int, dict[int, list[float]]] = {}
        #: the same as arrays (agent position x timed state), rebuilt for changed intervals
        self._agent_time_arr: dict[int, np.ndarray] = {}
        self._dirty_t: set[int] = set()
        #: intervals whose queue (call) or agent counts must be recomputed
        self._dirty_q: set[int] = set()
        self._dirty_a: set[int] = set()
        self._q_arr: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self._a_arr: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self._qt_index: dict[tuple[str, str], int] = {}
        self._qt_keys: list[tuple[str, str]] = []
        self._ag_index: dict[str, int] = {}
        self._ag_keys: list[str] = []
        self._codes: tuple[int, Any] | None = None
        self.epoch: str | None = None
        self._closed_epochs: set[str] = set()
        #: calls not yet ended, abandoned or called back
        self._active: set[tuple[str, str]] = set()
        self.last_ts: float = 0.0
        self.applied = 0
        #: while a history is folded in bulk (``fold_events``) the per-event bookkeeping of
        #: which cached intervals changed is skipped: every interval is computed afterwards
        self._bulk = False
        #: (queue or ``__all__``, state) -> logged-in agents, kept up to date event by event
        self._agent_states: dict[tuple[str, str], int] = {}
        #: agents whose record or current call changed (see ``take_touched``)
        self._touched: set[str] = set()
        #: intervals whose counts or agent time changed since ``summary`` last looked, and its
        #: cached sums of the older intervals (key, (queue rows, agent rows, series rows))
        self._changed_ivs: set[int] = set()
        self._base: tuple[Any, Any] | None = None

    # ------------------------------------------------------------------ folding
    def _iv(self, ts: float) -> int:
        step = self._step
        return int(ts // step) * step

    def apply(self, epoch: str, ts: float, type_: str, rec: Rec | None) -> bool:
        """Fold one event; False when it was a duplicate, stale or not a record event."""
        if rec is None:
            return False
        if type_ == "agent.state":
            rid = rec.agent_id
            if not rid:
                return False
            skey = (epoch, "a", rid)
        elif type_.startswith("call."):
            rid = rec.call_id
            if not rid:
                return False
            skey = (epoch, "c", rid)
        else:
            return False  # heartbeats and other non-record events
        if epoch != self.epoch:
            if epoch in self._closed_epochs:
                return False
            if rec.version and self._seen.get(skey, -1) >= rec.version:
                return False
            if self.epoch is not None:
                self._close_epoch(self.epoch, ts)
            self.epoch = epoch
        elif rec.version and self._seen.get(skey, -1) >= rec.version:
            return False
        self._seen[skey] = rec.version
        if ts > self.last_ts:
            self.last_ts = ts
        self.applied += 1
        if skey[1] == "a":
            self._apply_agent(epoch, ts, rec)
        else:
            self._apply_call(epoch, ts, rec)
        return True

    def _close_epoch(self, epoch: str, ts: float) -> None:
        """A new switchboard run: its predecessor's agents are logged out, its calls lost.

        Calls still waiting or ringing count as abandoned at the new run's first event; calls
        in progress end there (so their handle time is known).
        """
        self._closed_epochs.add(epoch)
        for key in [k for k in self._active if k[0] == epoch]:
            cf = self.calls[key]
            rec = cf.rec
            if cf.epoch == epoch and rec is not None and rec.state not in TERMINAL_CALL_STATES:
                gone = "ended" if cf.outcome == "answered" else "abandoned"
                self._apply_call(
                    epoch,
                    ts,
                    Rec(
                        state=gone,
                        call_id=cf.call_id,
                        version=rec.version + 1,
                        queue=rec.queue,
                        tier=rec.tier,
                        agent_id=rec.agent_id,
                    ),
                )
        for aid, af in list(self.agents.items()):
            if af.rec is not None and af.rec.state != "logged_out":
                self._apply_agent(
                    epoch,
                    ts,
                    Rec(
                        state="logged_out",
                        agent_id=aid,
                        version=af.rec.version + 1,
                        name=af.rec.name,
                        queues=af.rec.queues,
                    ),
                )

    def _touch_call(self, cf: CallFacts) -> None:
        if self._bulk:
            return
        step = self._step
        if cf.queued_at is not None:
            self._dirty_q.add(int(cf.queued_at // step) * step)
        if cf.end_ts is not None and cf.outcome == "answered":
            self._dirty_q.add(int(cf.end_ts // step) * step)

    def _apply_call(self, epoch: str, ts: float, rec: Rec) -> None:
        key = (epoch, rec.call_id or "")
        cf = self.calls.get(key)
        if cf is None:
            cf = self.calls[key] = CallFacts(epoch, key[1])
        if not self._bulk:  # the agents showing this call (before and after)
            if cf.rec is not None and cf.rec.agent_id:
                self._touched.add(cf.rec.agent_id)
            if rec.agent_id:
                self._touched.add(rec.agent_id)
        cf.rec = rec
        state = rec.state
        terminal = state in TERMINAL_CALL_STATES
        if terminal:
            self._active.discard(key)
        else:
            self._active.add(key)
        if rec.tier:
            cf.tier = rec.tier
        step = self._step
        if cf.queue is None and rec.queue:
            cf.queue = rec.queue
            cf.queued_at = rec.queued_at or rec.arrived_at or ts
            iv = int(cf.queued_at // step) * step
            bucket = self._by_queued.get(iv)
            if bucket is None:
                bucket = self._by_queued[iv] = set()
            bucket.add(key)
        # talk / hold segments, per agent leg
        talking = state == "connected" or state == "held"
        seg_state, seg_agent = cf.seg_state, cf.seg_agent
        if seg_agent and (seg_state == "connected" or seg_state == "held"):
            leg = cf.legs.get(seg_agent)
            if leg is None:
                leg = cf.legs[seg_agent] = [0.0, 0.0, 0.0, ts]
            d = ts - cf.seg_start
            if d > 0.0:
                leg[0 if seg_state == "connected" else 1] += d
            if not talking or rec.agent_id != seg_agent:
                self._end_leg(key, seg_agent, leg, ts)
        if talking:
            cf.seg_start = ts  # the previous segment was accounted above
            if rec.agent_id and rec.agent_id not in cf.legs:
                cf.legs[rec.agent_id] = [0.0, 0.0, 0.0, ts]
        cf.seg_state, cf.seg_agent = state, rec.agent_id
        if state == "connected" and cf.answered_at is None:
            cf.answered_at = rec.answered_at or ts
            cf.outcome = "answered"
        if terminal:
            if cf.end_ts is None:
                cf.end_ts = rec.ended_at or ts
            if cf.outcome == "waiting":
                cf.outcome = {"abandoned": "abandoned", "callback": "callback"}.get(
                    state, "unanswered"
                )
            if cf.outcome == "answered":
                iv = int(cf.end_ts // step) * step
                bucket = self._by_ended.get(iv)
                if bucket is None:
                    bucket = self._by_ended[iv] = set()
                bucket.add(key)
        elif cf.outcome == "waiting":
            cf.end_ts = None
        if not self._bulk:
            self._touch_call(cf)

    def _end_leg(self, key: tuple[str, str], agent_id: str, leg: list[float], ts: float) -> None:
        old = self._iv(leg[3])
        s = self._legs_by_end.get(old)
        if s is not None:
            s.discard((key, agent_id))
        leg[3] = ts
        new = self._iv(ts)
        self._legs_by_end.setdefault(new, set()).add((key, agent_id))
        self._dirty_a.add(old)
        self._dirty_a.add(new)

    def _add_agent_time(self, agent_id: str, state: str, start: float, end: float) -> None:
        col = _STATE_COL.get(state)
        if col is None or end <= start:
            return
        step = self._step
        row = self._ag_index.get(agent_id)
        if row is None:
            row = self._ag_pos(agent_id)
        iv = int(start // step) * step
        times = self._agent_time
        dirty = self._dirty_t
        if self._bulk and end <= iv + step:  # loading history: one interval, nothing cached
            bucket = times.get(iv)
            if bucket is None:
                bucket = times[iv] = {}
            acc = bucket.get(row)
            if acc is None:
                acc = bucket[row] = [0.0] * len(TIMED_STATES)
            acc[col] += end - start
            dirty.add(iv)
            return
        arrays = self._agent_time_arr
        while iv < end:
            lo = start if start > iv else iv
            hi = end if end < iv + step else iv + step
            if hi > lo:
                bucket = times.get(iv)
                if bucket is None:
                    bucket = times[iv] = {}
                acc = bucket.get(row)
                if acc is None:
                    acc = bucket[row] = [0.0] * len(TIMED_STATES)
                acc[col] += hi - lo
                arr = arrays.get(iv)
                if arr is not None and row < arr.shape[0] and iv not in dirty:
                    arr[row, col] += hi - lo  # keep the built array in step (live updates)
                    base = self._base
                    if (
                        base is not None
                        and base[0][0] <= iv < base[0][1]
                        and row < base[1][1].shape[0]
                    ):
                        # and the cached sums of the older intervals (see ``summary``)
                        base[1][1][row, len(LEG_COUNTS) + col] += hi - lo
                else:
                    dirty.add(iv)
            iv += step

    def _time_arrays(self) -> dict[int, np.ndarray]:
        """Closed agent-state time per interval as arrays (agent position x timed state)."""
        n = len(self._ag_keys)
        self._changed_ivs.update(self._dirty_t)
        for iv in self._dirty_t:
            bucket = self._agent_time[iv]
            arr = np.zeros((n, len(TIMED_STATES)))
            if bucket:
                rows = np.fromiter(bucket.keys(), dtype=np.int64, count=len(bucket))
                arr[rows] = np.asarray(list(bucket.values()), dtype=float)
            self._agent_time_arr[iv] = arr
        self._dirty_t.clear()
        return self._agent_time_arr

    def _apply_agent(self, epoch: str, ts: float, rec: Rec) -> None:
        aid = rec.agent_id or ""
        if not self._bulk:
            self._touched.add(aid)
        af = self.agents.get(aid)
        if af is None:
            af = self.agents[aid] = AgentFacts()
        bulk = self._bulk
        calls = self.calls
        seg_state = af.seg_state
        old_key = af.call_key
        if seg_state is not None:
            self._add_agent_time(aid, seg_state, af.seg_start, ts)
            # wrap-up time belongs to the call it wraps up
            if seg_state == "wrap_up" and old_key is not None:
                cf = calls.get(old_key)
                if cf is not None:
                    leg = cf.legs.get(aid)
                    if leg is None:
                        leg = cf.legs[aid] = [0.0, 0.0, 0.0, ts]
                    d = ts - af.seg_start
                    if d > 0.0:
                        leg[2] += d
                    if not bulk:
                        self._touch_leg(old_key, aid, leg)
                        self._touch_call(cf)
        # which call does this agent hold now (on_call or wrap_up)?
        state = rec.state
        new_key = (epoch, rec.call_id) if rec.call_id else None
        holding = new_key is not None and (state == "on_call" or state == "wrap_up")
        if old_key is not None and (not holding or old_key != new_key):
            cf = calls.get(old_key)
            if cf is not None and aid in cf.agents_holding:
                cf.agents_holding.discard(aid)
                if not bulk:
                    if aid in cf.legs:
                        self._touch_leg(old_key, aid, cf.legs[aid])
                    self._touch_call(cf)
        if holding:
            assert new_key is not None
            cf = calls.get(new_key)
            if cf is None:
                cf = calls[new_key] = CallFacts(epoch, new_key[1])
            if aid not in cf.agents_holding:
                cf.agents_holding.add(aid)
                if not bulk:
                    if aid in cf.legs:
                        self._touch_leg(new_key, aid, cf.legs[aid])
                    self._touch_call(cf)
            af.call_key = new_key
        else:
            af.call_key = None
        counts = self._agent_states
        old = af.rec
        if old is not None and old.state != "logged_out":
            for q in old.queues or ():
                counts[(q, old.state)] -= 1
            counts[(TOTAL, old.state)] -= 1
        if state != "logged_out":
            for q in rec.queues or ():
                counts[(q, state)] = counts.get((q, state), 0) + 1
            counts[(TOTAL, state)] = counts.get((TOTAL, state), 0) + 1
        af.rec = rec
        af.seg_state = state
        af.seg_start = ts

    def _end_bulk(self) -> None:
        """After a bulk load: every interval with facts is (re)computed at the next refresh."""
        self._bulk = False
        self._dirty_q.update(self._by_queued)
        self._dirty_q.update(self._by_ended)
        self._dirty_a.update(self._legs_by_end)
        self._dirty_t.update(self._agent_time)

    def _touch_leg(self, key: tuple[str, str], agent_id: str, leg: list[float]) -> None:
        if self._bulk:
            return
        if (key, agent_id) in self._legs_by_end.get(self._iv(leg[3]), ()):
            self._dirty_a.add(self._iv(leg[3]))

    def knows(self, epoch: str, kind: str, rid: str) -> bool:
        """Whether a record (kind ``a`` agent, ``c`` call) of that epoch was folded."""
        return (epoch, kind, rid) in self._seen

    def apply_envelope(self, env: Envelope) -> bool:
        return self.apply(env.epoch, env.ts, env.type, env.data)

    # ------------------------------------------------------------------ figures
    def _queue_counts(self, iv: int) -> tuple[np.ndarray, np.ndarray]:
        """(row positions of (queue, tier), summed QUEUE_COUNTS) of one interval."""
        return self._queue_counts_of([iv])[iv]

    def _queue_counts_of(self, ivs: Iterable[int]) -> dict[int, tuple[np.ndarray, np.ndarray]]:
        """:meth:`_queue_counts` of several intervals, in one vectorised pass (after a bulk
        load that is every interval of the day)."""
        qt_pos = self._qt_pos
        calls = self.calls
        ivs = list(ivs)
        q_iv: list[int] = []
        q_pos: list[int] = []
        q_oc: list[int] = []
        q_start: list[float] = []
        q_until: list[float] = []
        d_iv: list[int] = []
        d_pos: list[int] = []
        d_sum: list[float] = []
        by_queued, by_ended = self._by_queued, self._by_ended
        for iv in ivs:
            for k in by_queued.get(iv, ()):
                cf = calls[k]
                q_iv.append(iv)
                q_pos.append(qt_pos((cf.queue or "", cf.tier or NO_TIER)))
                answered = cf.outcome == "answered"
                q_oc.append(_OUTCOME[cf.outcome])
                q_start.append(cf.queued_at or 0.0)
                q_until.append((cf.answered_at if answered else cf.end_ts) or 0.0)
            for k in by_ended.get(iv, ()):
                cf = calls[k]
                if cf.outcome == "answered" and cf.complete:
                    d_iv.append(iv)
                    d_pos.append(qt_pos((cf.queue or "", cf.tier or NO_TIER)))
                    d_sum.append(sum(leg[0] + leg[1] + leg[2] for leg in cf.legs.values()))
        return self._queue_sums(ivs, q_iv, q_pos, q_oc, q_start, q_until, d_iv, d_pos, d_sum)

    def _queue_sums(
        self,
        ivs: list[int],
        q_iv: list[int],
        q_pos: list[int],
        q_oc: list[int],
        q_start: list[float],
        q_until: list[float],
        d_iv: list[int],
        d_pos: list[int],
        d_sum: list[float],
    ) -> dict[int, tuple[np.ndarray, np.ndarray]]:
        """QUEUE_COUNTS per interval and (queue, tier) position from the calls first queued
        (interval, position, outcome code, queued at, answered or gone at) and the answered
        calls done (interval, position, handle time)."""
        s = self.settings
        n = len(q_iv)
        oc = np.asarray(q_oc, dtype=np.int8)
        answered = oc == 1
        wait = np.asarray(q_until, dtype=float) - np.asarray(q_start, dtype=float)
        gone = oc == 2  # abandoned, or ended unanswered
        short = gone & (wait <= s.short_abandon)
        ab = gone & ~short
        in_sl = wait <= s.threshold
        vals = np.zeros((n + len(d_iv), len(QUEUE_COUNTS)))
        vals[:n, 0] = 1
        vals[:n, 1] = answered
        vals[:n, 2] = answered & in_sl
        vals[:n, 3] = ab
        vals[:n, 4] = ab & in_sl
        vals[:n, 5] = short
        vals[:n, 6] = oc == 3
        vals[:n, 7] = oc == 0
        vals[:n, 8] = np.where(answered, wait, 0.0)
        vals[n:, 9] = 1
        vals[n:, 10] = d_sum
        return _split_sums(
            ivs,
            np.asarray(q_iv + d_iv, dtype=np.int64),
            np.asarray(q_pos + d_pos, dtype=np.int64),
            vals,
            len(self._qt_keys),
        )

    def _agent_counts(self, iv: int) -> tuple[np.ndarray, np.ndarray]:
        """(row positions of agents, summed LEG_COUNTS) of the legs that ended in one interval."""
        return self._agent_counts_of([iv])[iv]

    def _agent_counts_of(self, ivs: Iterable[int]) -> dict[int, tuple[np.ndarray, np.ndarray]]:
        ivs = list(ivs)
        which: list[int] = []
        pos: list[int] = []
        rows: list[float] = []
        ag_pos = self._ag_pos
        calls = self.calls
        for iv in ivs:
            for key, aid in self._legs_by_end.get(iv, ()):
                cf = calls[key]
                if aid in cf.agents_holding:
                    continue  # still talking or wrapping up: counted once done
                leg = cf.legs[aid]
                which.append(iv)
                pos.append(ag_pos(aid))
                rows += (1.0, leg[0], leg[1], leg[2])
        return self._agent_sums(ivs, which, pos, rows)

    def _agent_sums(
        self, ivs: list[int], which: list[int], pos: list[int], rows: list[float]
    ) -> dict[int, tuple[np.ndarray, np.ndarray]]:
        """LEG_COUNTS per interval and agent position from flat (1, talk, hold, wrap) rows."""
        vals = np.asarray(rows, dtype=float).reshape(len(pos), len(LEG_COUNTS))
        return _split_sums(
            ivs,
            np.asarray(which, dtype=np.int64),
            np.asarray(pos, dtype=np.int64),
            vals,
            len(self._ag_keys),
        )

    def _q_frame(self, iv: int) -> pd.DataFrame:
        pos, vals = self._q_arr[iv]
        keys = [self._qt_keys[p] for p in pos]
        df = pd.DataFrame(vals, columns=QUEUE_COUNTS)
        df.insert(0, "tier", [k[1] for k in keys])
        df.insert(0, "queue_id", [k[0] for k in keys])
        df.insert(0, "interval_start", iv)
        return df

    def _a_frame(self, iv: int) -> pd.DataFrame:
        n = len(self._ag_keys)
        vals = np.zeros((n, len(AGENT_COUNTS)))
        if iv in self._a_arr:
            pos, legs = self._a_arr[iv]
            vals[pos, : len(LEG_COUNTS)] += legs
        t = self._time_arrays().get(iv)
        if t is not None:
            m = min(n, t.shape[0])
            vals[:m, len(LEG_COUNTS) :] += t[:m]
        keep = vals.any(axis=1)
        df = pd.DataFrame(vals[keep], columns=AGENT_COUNTS)
        df.insert(0, "agent_id", np.asarray(self._ag_keys, dtype=object)[keep])
        df.insert(0, "interval_start", iv)
        return df

    def _open_agent_time(self, now: float, lo: float | None) -> pd.DataFrame:
        """Time of the agents' current (still open) states up to ``now``."""
        ids: list[str] = []
        states: list[str] = []
        starts: list[float] = []
        for aid, af in self.agents.items():
            if af.seg_state in TIMED_STATES and af.seg_start < now:
                ids.append(aid)
                states.append(af.seg_state or "")
                starts.append(af.seg_start if lo is None else max(lo, af.seg_start))
        cols = ["interval_start", "agent_id", *AGENT_COUNTS]
        if not ids:
            return pd.DataFrame(columns=cols)
        step = self.settings.interval
        start = np.asarray(starts, dtype=float)
        first = np.floor(start / step) * step
        last = math.floor(now / step) * step
        spans = ((last - first) // step).astype(int) + 1
        spans = np.maximum(spans, 1)
        rep = np.repeat(np.arange(len(ids)), spans)
        offs = np.concatenate([np.arange(k) for k in spans]) if len(spans) else np.array([])
        ivs = first[rep] + offs * step
        secs = np.minimum(ivs + step, now) - np.maximum(ivs, start[rep])
        df = pd.DataFrame(
            {
                "interval_start": ivs.astype(np.int64),
                "agent_id": np.asarray(ids, dtype=object)[rep],
                "state": np.asarray(states, dtype=object)[rep],
                "secs": np.maximum(secs, 0.0),
            }
        )
        wide = df.pivot_table(
            index=["interval_start", "agent_id"],
            columns="state",
            values="secs",
            aggfunc="sum",
            fill_value=0.0,
        )
        out = pd.DataFrame(index=wide.index)
        for c in AGENT_COUNTS:
            st = c[2:] if c.startswith("t_") else None
            out[c] = wide[st] if st in wide.columns else 0.0
        return out.reset_index()[cols]

    def _refresh_cache(self) -> None:
        self._changed_ivs.update(self._dirty_q)
        self._changed_ivs.update(self._dirty_a)
        if self._dirty_q:
            self._q_arr.update(self._queue_counts_of(self._dirty_q))
        if self._dirty_a:
            self._a_arr.update(self._agent_counts_of(self._dirty_a))
        self._dirty_q.clear()
        self._dirty_a.clear()

    def _qt_pos(self, key: tuple[str, str]) -> int:
        pos = self._qt_index.get(key)
        if pos is None:
            pos = self._qt_index[key] = len(self._qt_keys)
            self._qt_keys.append(key)
        return pos

    def _qt_codes(self) -> tuple[np.ndarray, list[str], np.ndarray, list[str], np.ndarray]:
        """For the (queue, tier) rows: queue codes, queue names (sorted), tier codes, tier
        names, and the queue of each row; cached until a new (queue, tier) appears."""
        n = len(self._qt_keys)
        if self._codes is None or self._codes[0] != n:
            qnames = sorted({k[0] for k in self._qt_keys})
            tnames = sorted({k[1] for k in self._qt_keys})
            qi = {q: i for i, q in enumerate(qnames)}
            ti = {t: i for i, t in enumerate(tnames)}
            qcode = np.asarray([qi[k[0]] for k in self._qt_keys], dtype=np.int64)
            tcode = np.asarray([ti[k[1]] for k in self._qt_keys], dtype=np.int64)
            row_queue = np.asarray([k[0] for k in self._qt_keys], dtype=object)
            self._codes = (n, (qcode, qnames, tcode, tnames, row_queue))
        return self._codes[1]

    def _ag_pos(self, agent_id: str) -> int:
        pos = self._ag_index.get(agent_id)
        if pos is None:
            pos = self._ag_index[agent_id] = len(self._ag_keys)
            self._ag_keys.append(agent_id)
        return pos

    def _sums(
        self, lo: int, hi: int | None, wanted: list[str], qt_queue: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, dict[str, list[tuple[int, np.ndarray]]]]:
        """Queue counts per (queue, tier) row, agent counts per agent, and per-interval series
        rows (all queues and ``wanted``) summed over the intervals in ``[lo, hi)``."""
        Q = np.zeros((len(self._qt_keys), len(QUEUE_COUNTS)))
        A = np.zeros((len(self._ag_keys), len(AGENT_COUNTS)))
        series_rows: dict[str, list[tuple[int, np.ndarray]]] = {TOTAL: []}
        for q in wanted:
            series_rows[q] = []

        def inside(iv: int) -> bool:
            return iv >= lo and (hi is None or iv < hi)

        for iv in sorted(self._q_arr):
            if not inside(iv):
                continue
            pos, vals = self._q_arr[iv]
            if not len(pos):
                continue
            Q[pos] += vals
            series_rows[TOTAL].append((iv, vals.sum(axis=0)))
            for q in wanted:
                m = qt_queue[pos] == q
                if m.any():
                    series_rows[q].append((iv, vals[m].sum(axis=0)))
        nl = len(LEG_COUNTS)
        for iv, (pos, vals) in self._a_arr.items():
            if inside(iv) and len(pos):
                A[pos, :nl] += vals
        for iv, t in self._agent_time_arr.items():
            if inside(iv):
                m = min(len(A), t.shape[0])
                A[:m, nl:] += t[:m]
        return Q, A, series_rows

    def summary(
        self, now: float, since: float, series_for: Iterable[str] = (), agents: bool = True
    ) -> Summary:
        """The console's figures as of ``now`` for the intervals from ``since``: today per queue,
        agent and tier, the current interval per queue, per-interval series for all queues and
        for ``series_for``, and the live state. Same counts as :meth:`figures`, summed on arrays
        (so a refresh over a full day costs milliseconds)."""
        self._refresh_cache()
        lo = self._iv(since)
        cur = self._iv(now)
        nq = len(QUEUE_COUNTS)
        missing = self.agents.keys() - self._ag_index.keys()
        if missing:  # positions for agents not yet seen in the facts, in arrival order
            for aid in self.agents:
                if aid in missing:
                    self._ag_pos(aid)
        wanted = [q for q in series_for if q != TOTAL]
        qt_queue = self._qt_codes()[4]
        self._time_arrays()
        # the intervals before the previous one rarely change: summed once, kept until one does
        base_hi = cur - self._step
        key = (lo, base_hi, tuple(wanted), len(self._qt_keys), len(self._ag_keys))
        base = self._base
        if base is None or base[0] != key or any(lo <= iv < base_hi for iv in self._changed_ivs):
            base = self._base = (key, self._sums(lo, base_hi, wanted, qt_queue))
        self._changed_ivs.clear()
        Qb, Ab, rows_b = base[1]
        Q, A, rows_r = self._sums(max(lo, base_hi), None, wanted, qt_queue)
        Q += Qb
        A += Ab
        series_rows = {q: rows_b[q] + rows_r[q] for q in rows_b}
        # the agents' current (open) states, up to now
        col = {s: AGENT_COUNTS.index(f"t_{s}") for s in TIMED_STATES}
        opened = [
            (self._ag_index[aid], col[af.seg_state], af.seg_start)
            for aid, af in self.agents.items()
            if af.seg_state in col
        ]
        if opened:
            o = np.asarray(opened, dtype=float)
            secs = now - np.maximum(o[:, 2], since)
            ok = secs > 0
            A[o[ok, 0].astype(np.int64), o[ok, 1].astype(np.int64)] += secs[ok]
        qcode, qnames, tcode, tnames, _rq = self._qt_codes()

        def grouped(M: np.ndarray, codes: np.ndarray, names: list[str]) -> np.ndarray:
            out = np.zeros((len(names), M.shape[1]))
            if len(codes):
                np.add.at(out, codes, M[: len(codes)])
            return out

        st = self.settings
        queue_today = derive_queue_array(
            np.vstack([grouped(Q, qcode, qnames), Q.sum(axis=0, keepdims=True)]),
            pd.Index([*qnames, TOTAL], dtype=object, name="queue_id"),
            st,
        )
        tiers = derive_queue_array(
            grouped(Q, tcode, tnames), pd.Index(tnames, dtype=object, name="tier"), st
        )
        if cur in self._q_arr and len(self._q_arr[cur][0]) and lo <= cur:
            pos, vals = self._q_arr[cur]
            C = np.zeros_like(Q)
            C[pos] = vals
            present = np.zeros(len(qnames), dtype=bool)
            present[np.unique(qcode[pos])] = True
            current = derive_queue_array(
                np.vstack([grouped(C, qcode, qnames)[present], vals.sum(axis=0, keepdims=True)]),
                pd.Index(
                    [*np.asarray(qnames, dtype=object)[present], TOTAL],
                    dtype=object,
                    name="queue_id",
                ),
                st,
            )
        else:
            current = derive_queue_array(np.zeros((0, nq)), pd.Index([], dtype=object), st)
        agent_today = derive_agent_array(A, pd.Index(self._ag_keys, dtype=object, name="agent_id"))
        series: dict[str, pd.DataFrame] = {}
        for q, rows in series_rows.items():
            series[q] = derive_queue_array(
                np.asarray([r[1] for r in rows]).reshape(len(rows), nq),
                pd.Index([r[0] for r in rows], name="interval_start"),
                st,
            )
        return Summary(
            now=now,
            interval=self.settings.interval,
            current_interval=cur,
            queue_today=queue_today,
            agent_today=agent_today,
            tiers=tiers,
            current=current,
            series=series,
            live_queues=self.live_queues(now),
            agents_live=self.live_agents(now) if agents else [],
            live_agent=lambda aid: self.live_agent(aid, now),
        )

    def figures(
        self, now: float, since: float | None = None, until: float | None = None
    ) -> Figures:
        """Figures as of ``now`` for the intervals starting in ``[since, until)`` (all if None)."""
        self._refresh_cache()
        step = self.settings.interval
        lo_iv = None if since is None else self._iv(since)

        def keep(iv: int) -> bool:
            return (lo_iv is None or iv >= lo_iv) and (until is None or iv < until)

        qparts = [self._q_frame(iv) for iv in sorted(self._q_arr) if keep(iv)]
        qparts = [df for df in qparts if len(df)]
        qcounts = (
            pd.concat(qparts, ignore_index=True)
            if qparts
            else pd.DataFrame(columns=["interval_start", "queue_id", "tier", *QUEUE_COUNTS])
        )
        for c in QUEUE_COUNTS:
            qcounts[c] = pd.to_numeric(qcounts[c])
        aparts = [
            self._a_frame(iv) for iv in sorted(set(self._a_arr) | set(self._agent_time)) if keep(iv)
        ]
        aparts = [df for df in aparts if len(df)]
        open_t = self._open_agent_time(now, since)
        if len(open_t):
            open_t = open_t[open_t["interval_start"].map(keep)]
            aparts.append(open_t)
        acounts = (
            pd.concat(aparts, ignore_index=True)
            if aparts
            else pd.DataFrame(columns=["interval_start", "agent_id", *AGENT_COUNTS])
        )
        for c in AGENT_COUNTS:
            acounts[c] = pd.to_numeric(acounts[c])
        per_q = qcounts.groupby(["interval_start", "queue_id"], as_index=False)[QUEUE_COUNTS].sum()
        queues = derive_queue(per_q, self.settings)
        per_a = acounts.groupby(["interval_start", "agent_id"], as_index=False)[AGENT_COUNTS].sum()
        agents = derive_agent(per_a)
        q_today = qcounts.groupby("queue_id")[QUEUE_COUNTS].sum()
        total = qcounts[QUEUE_COUNTS].sum().to_frame(TOTAL).T
        q_today = derive_queue(pd.concat([q_today, total]), self.settings)
        a_today = derive_agent(acounts.groupby("agent_id")[AGENT_COUNTS].sum())
        tiers = derive_queue(qcounts.groupby("tier")[QUEUE_COUNTS].sum(), self.settings)
        fig = Figures(
            now=now,
            interval=step,
            current_interval=self._iv(now),
            queues=queues,
            agents=agents,
            queue_today=q_today,
            agent_today=a_today,
            tiers=tiers,
        )
        fig.live_queues = self.live_queues(now)
        fig.agents_live = self.live_agents(now)
        return fig

    # ------------------------------------------------------------------ live state
    def live_queues(self, now: float) -> dict[str, dict[str, Any]]:
        """Per queue (and ``__all__``): calls waiting, longest wait, agents by state."""
        waiting: dict[str, int] = {TOTAL: 0}
        longest: dict[str, float] = {TOTAL: 0.0}
        calls = self.calls
        for key in self._active:
            cf = calls[key]
            rec = cf.rec
            if rec is None or rec.state not in ("queued", "offered"):
                continue
            wait = now - (cf.queued_at or now)
            if wait < 0:
                wait = 0.0
            q = rec.queue or cf.queue or ""
            for k in (q, TOTAL):
                waiting[k] = waiting.get(k, 0) + 1
                if wait > longest.get(k, 0.0):
                    longest[k] = wait
        # agents by queue and state: counted as their events were folded
        by_state = {k: n for k, n in self._agent_states.items() if n}
        names = set(waiting) | {q for q, _ in by_state}
        out: dict[str, dict[str, Any]] = {}
        states = ("ready", "on_call", "wrap_up", "not_ready", "reserved")
        for q in names:
            row: dict[str, Any] = {
                "waiting": waiting.get(q, 0),
                "longest_wait": longest.get(q, 0.0),
            }
            total = 0
            for st in states:
                row[st] = by_state.get((q, st), 0)
                total += row[st]
            row["logged_in"] = total
            out[q] = row
        return out

    def live_agents(self, now: float) -> list[dict[str, Any]]:
        """One dict per agent seen: state, time in state, current call and drift flag."""
        out: list[dict[str, Any]] = []
        for aid in self.agents:
            row = self.live_agent(aid, now)
            if row is not None:
                out.append(row)
        return out

    def live_agent(self, aid: str, now: float) -> dict[str, Any] | None:
        """:meth:`live_agents`' dict of one agent (None if it has no record)."""
        af = self.agents.get(aid)
        rec = af.rec if af is not None else None
        if af is None or rec is None:
            return None
        since = rec.since if rec.since is not None else af.seg_start
        call = None
        if rec.call_id is not None:
            cf = self.calls.get((self.epoch or "", rec.call_id))
            call = cf.rec if cf is not None else None
        drift = ""
        if rec.state == "reserved" and now - af.seg_start > 2 * self.settings.ring_timeout:
            drift = "reserved_too_long"
        elif rec.state == "on_call" and call is not None and call.state in ("ended", "abandoned"):
            drift = "caller_gone"
        talk = answered_at = None
        if call is not None and call.answered_at and rec.state == "on_call":
            answered_at = call.answered_at
            talk = max(0.0, now - answered_at)
        return {
            "agent_id": aid,
            "name": rec.name or aid,
            "state": rec.state,
            "reason": rec.reason,
            "since": since,
            "time_in_state": max(0.0, now - since),
            "queues": rec.queues or [],
            "call_id": rec.call_id,
            "call_ani": call.ani if call is not None else None,
            "call_queue": call.queue if call is not None else None,
            "talk_time": talk,
            "answered_at": answered_at,
            "handled_since_login": rec.handled,
            "drift": drift,
        }

    def take_touched(self) -> set[str]:
        """Agents whose record, or whose current call's record, changed since the last call
        (what a board showing live agents must look at again); clears the set."""
        got, self._touched = self._touched, set()
        return got

    def arrivals(self, now: float, window_intervals: int) -> dict[str, tuple[float, float]]:
        """Per queue: (calls per second, AHT) over the last ``window_intervals`` whole intervals
        and the current one up to ``now``: calls first queued then, and the handle time of the
        answered calls that ended then (NaN without any)."""
        self._refresh_cache()
        step = self.settings.interval
        cur = self._iv(now)
        lo = cur - window_intervals * step
        span = max(now - lo, 1e-9)
        qcode, qnames, _t, _tn, _rq = self._qt_codes()
        cols = [QUEUE_COUNTS.index(c) for c in ("offered", "handled", "handle_sum")]
        acc = np.zeros((len(qnames), 3))
        seen = np.zeros(len(qnames), dtype=bool)
        for iv in range(lo, cur + step, step):
            got = self._q_arr.get(iv)
            if got is None or not len(got[0]):
                continue
            codes = qcode[got[0]]
            np.add.at(acc, codes, got[1][:, cols])
            seen[codes] = True
        return {
            qnames[i]: (
                float(acc[i, 0]) / span,
                float(acc[i, 2] / acc[i, 1]) if acc[i, 1] else float("nan"),
            )
            for i in np.flatnonzero(seen)
        }


def _split_sums(
    ivs: list[int], which: np.ndarray, pos: np.ndarray, vals: np.ndarray, width: int
) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """Rows ``vals`` of interval ``which`` (values from ``ivs``) and position ``pos`` summed per
    interval and position: ``{interval: (positions ascending, their sums)}`` for every
    interval of ``ivs``."""
    index = np.asarray(sorted(set(ivs)), dtype=np.int64)
    width = max(width, 1)
    key = np.searchsorted(index, which) * width + pos
    uniq, inv = np.unique(key, return_inverse=True)
    sums = np.zeros((len(uniq), vals.shape[1]))
    np.add.at(sums, inv.reshape(-1), vals)
    upos = uniq % width
    bounds = np.searchsorted(uniq // width, np.arange(len(index) + 1))
    return {
        int(iv): (upos[bounds[j] : bounds[j + 1]], sums[bounds[j] : bounds[j + 1]])
        for j, iv in enumerate(index.tolist())
    }


def _ratio(num: Any, den: Any) -> np.ndarray:
    num = np.asarray(num, dtype=float)
    den = np.asarray(den, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den != 0, num / np.where(den != 0, den, 1.0), np.nan)


def derive_queue(counts: pd.DataFrame, settings: MetricSettings) -> pd.DataFrame:
    """Rates from additive queue counts (any grouping); the counts are kept alongside."""
    c = {k: counts[k].to_numpy(dtype=float) for k in QUEUE_COUNTS}
    if settings.sl_convention == "answered_only":
        den = c["answered"]
    elif settings.sl_convention == "answered_and_abandoned":
        den = c["answered"] + c["abandoned"]
    else:
        den = c["answered"] + c["abandoned"] - c["abandoned_in_sl"]
    cols: dict[str, Any] = {k: counts[k].to_numpy() for k in counts.columns}
    cols.update(
        service_level=_ratio(c["answered_in_sl"], den),
        asa=_ratio(c["wait_sum"], c["answered"]),
        aht=_ratio(c["handle_sum"], c["handled"]),
        abandon_rate=_ratio(c["abandoned"], c["answered"] + c["abandoned"]),
    )
    return pd.DataFrame(cols, index=counts.index)


_QI = {k: i for i, k in enumerate(QUEUE_COUNTS)}
_AI = {k: i for i, k in enumerate(AGENT_COUNTS)}
QUEUE_DERIVED = [*QUEUE_COUNTS, "service_level", "asa", "aht", "abandon_rate"]
AGENT_DERIVED = [*AGENT_COUNTS, "aht", "not_ready_time", "occupancy"]


def derive_queue_array(M: np.ndarray, index: pd.Index, settings: MetricSettings) -> pd.DataFrame:
    """:func:`derive_queue` of ``pd.DataFrame(M, index, QUEUE_COUNTS)``, built in one block."""
    M = np.asarray(M, dtype=float).reshape(-1, len(QUEUE_COUNTS))
    c = {k: M[:, i] for k, i in _QI.items()}
    if settings.sl_convention == "answered_only":
        den = c["answered"]
    elif settings.sl_convention == "answered_and_abandoned":
        den = c["answered"] + c["abandoned"]
    else:
        den = c["answered"] + c["abandoned"] - c["abandoned_in_sl"]
    out = np.column_stack(
        [
            M,
            _ratio(c["answered_in_sl"], den),
            _ratio(c["wait_sum"], c["answered"]),
            _ratio(c["handle_sum"], c["handled"]),
            _ratio(c["abandoned"], c["answered"] + c["abandoned"]),
        ]
    )
    return pd.DataFrame(out, index=index, columns=QUEUE_DERIVED)


def derive_agent_array(M: np.ndarray, index: pd.Index) -> pd.DataFrame:
    """:func:`derive_agent` of ``pd.DataFrame(M, index, AGENT_COUNTS)``, built in one block."""
    M = np.asarray(M, dtype=float).reshape(-1, len(AGENT_COUNTS))
    c = {k: M[:, i] for k, i in _AI.items()}
    busy = c["t_on_call"] + c["t_wrap_up"]
    out = np.column_stack(
        [
            M,
            _ratio(c["talk_time"] + c["hold_time"] + c["wrap_time"], c["handled"]),
            c["t_not_ready"],
            _ratio(busy, busy + c["t_ready"] + c["t_reserved"]),
        ]
    )
    return pd.DataFrame(out, index=index, columns=AGENT_DERIVED)


def derive_agent(counts: pd.DataFrame) -> pd.DataFrame:
    c = {k: counts[k].to_numpy(dtype=float) for k in AGENT_COUNTS}
    busy = c["t_on_call"] + c["t_wrap_up"]
    cols: dict[str, Any] = {k: counts[k].to_numpy() for k in counts.columns}
    cols.update(
        aht=_ratio(c["talk_time"] + c["hold_time"] + c["wrap_time"], c["handled"]),
        not_ready_time=c["t_not_ready"],
        occupancy=_ratio(busy, busy + c["t_ready"] + c["t_reserved"]),
    )
    return pd.DataFrame(cols, index=counts.index)


# ---------------------------------------------------------------------- event-log loading
def iter_log(
    engine: Engine, since: float | None = None, until: float | None = None, batch: int = 50_000
) -> Iterator[tuple[str, float, str, Rec]]:
    """``(epoch, ts, type, record)`` of the event log in log order, records decoded lean.

    One plain SQL query on the driver's own cursor (no per-row SQLAlchemy row objects), read
    in ``fetchmany`` batches, and msgspec decoding of only the fields the figures use: a day of
    a million events loads in seconds.
    """
    dec = _rec_decoder.decode
    for rows in _log_rows(engine, since, until, batch):
        for epoch, ts, type_, data in rows:
            yield epoch, ts, type_, dec(data)


def fold_events(
    events: Iterable[tuple[str, float, str, Rec]], settings: MetricSettings | None = None
) -> EventFold:
    """A fold over ``events``. The cyclic garbage collector is paused meanwhile: a day's
    facts are millions of long-lived objects it would otherwise rescan again and again."""
    fold = EventFold(settings)
    with _bulk(fold):
        apply = fold.apply
        for epoch, ts, type_, rec in events:
            apply(epoch, ts, type_, rec)
    return fold


@contextmanager
def _bulk(fold: EventFold) -> Iterator[None]:
    """Bulk folding: no cyclic garbage collection, no per-event cache bookkeeping."""
    was_enabled = gc.isenabled()
    gc.disable()
    fold._bulk = True
    try:
        yield
    finally:
        fold._end_bulk()
        if was_enabled:
            gc.enable()


def load_fold(
    engine: Engine,
    since: float | None = None,
    until: float | None = None,
    settings: MetricSettings | None = None,
    batch: int = 50_000,
) -> EventFold:
    """A fold over the event log's events with ``since <= ts < until``: the same as
    ``fold_events(iter_log(...))``, computed a column at a time (:func:`fold_columns`)."""
    cols = _Columns()
    dec = _rec_decoder.decode
    s = settings or MetricSettings()
    was_enabled = gc.isenabled()
    gc.disable()  # a million small objects: nothing cyclic to collect meanwhile
    try:
        for rows in _log_rows(engine, since, until, batch):
            epochs, stamps, types, data = zip(*rows, strict=True)
            cols.add(epochs, stamps, types, list(map(dec, data)))
        fold = _columnar(cols, s)
        return fold if fold is not None else fold_events(cols.events(), s)
    finally:
        if was_enabled:
            gc.enable()


# ---------------------------------------------------------------------- column-at-a-time fold
_TALKING = ("connected", "held")
_HOLDING = ("on_call", "wrap_up")


_FIELDS = attrgetter("agent_id", "call_id", "state", "version", "queue", "tier")


class _Columns:
    """Events as columns, the record fields the fold needs taken out batch by batch (while
    the batch's records are still in the CPU cache)."""

    def __init__(self) -> None:
        self.epochs: list[str] = []
        self.stamps: list[float] = []
        self.types: list[str] = []
        self.recs: list[Rec | None] = []
        self.fields: tuple[list[Any], ...] = tuple([] for _ in range(6))
        self._same: dict[Any, Any] = {}

    def add(
        self,
        epochs: Sequence[str],
        stamps: Sequence[float],
        types: Sequence[str],
        recs: Sequence[Rec | None],
    ) -> None:
        same = self._same.setdefault  # one object per distinct value, not one per event
        self.epochs += map(same, epochs, epochs)
        self.stamps += stamps
        self.types += map(same, types, types)
        self.recs += recs
        if None in recs:
            self.fields[0].append(None)  # marks the batch as one for the event-by-event fold
            return
        cols = list(zip(*map(_FIELDS, recs), strict=True))
        for j in (0, 2, 4, 5):  # agent ids, states, queues, tiers: few distinct values
            cols[j] = tuple(map(same, cols[j], cols[j]))
        for acc, col in zip(self.fields, cols, strict=True):
            acc += col

    def events(self) -> Iterator[tuple[str, float, str, Rec]]:
        recs = cast("list[Rec]", self.recs)  # apply() skips a None record
        return zip(self.epochs, self.stamps, self.types, recs, strict=True)


def fold_columns(
    events: Sequence[tuple[str, float, str, Rec]], settings: MetricSettings | None = None
) -> EventFold:
    """The same fold as :func:`fold_events` (event by event, the reference), computed a column
    at a time with numpy (a few Python passes over the calls remain, to build their facts):
    several times faster on a day of a million events.

    It builds exactly the state the event-by-event fold leaves behind (facts, intervals, live
    counts) and the per-interval count arrays, so live events continue from it as from any
    fold. Logs it does not cover -- more than one switchboard run, a record whose versions
    do not increase, a version 0 -- are folded event by event instead (same result, slower).
    """
    cols = _Columns()
    if events:
        epochs, stamps, types, recs = zip(*events, strict=True)
        cols.add(epochs, stamps, types, recs)
    fold = _columnar(cols, settings or MetricSettings())
    return fold if fold is not None else fold_events(events, settings)


def _firsts(codes: np.ndarray, n: int, idx: np.ndarray) -> np.ndarray:
    """Per code (0..n-1): the smallest of ``idx`` with that code (-1 where none)."""
    out = np.full(n, np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(out, codes, idx)
    out[out == np.iinfo(np.int64).max] = -1
    return out


def _lasts(codes: np.ndarray, n: int, idx: np.ndarray) -> np.ndarray:
    out = np.full(n, -1, dtype=np.int64)
    np.maximum.at(out, codes, idx)
    return out


def _codes(values: list[Any]) -> tuple[np.ndarray, list[Any]]:
    """Codes by first appearance; None and "" (no id) get -1."""
    codes, uniq = pd.factorize(np.asarray(values, dtype=object), use_na_sentinel=True)
    names = list(uniq)
    codes = codes.astype(np.int64)
    if "" in names:
        codes[codes == names.index("")] = -1
    return codes, names


def _columnar(cols: _Columns, s: MetricSettings) -> EventFold | None:
    """The fold of the events, or None when the log needs the event-by-event fold (see
    :func:`fold_columns`)."""
    fold = EventFold(s)
    recs = cast("list[Rec]", cols.recs)  # checked below: no None
    n = len(recs)
    if n == 0:
        return fold
    distinct = set(cols.epochs)
    if len(distinct) != 1 or len(cols.fields[0]) != n:
        return None
    epoch = next(iter(distinct))
    step = s.interval
    type_codes, type_names = pd.factorize(np.asarray(cols.types, dtype=object))
    is_agent_t = np.asarray([t == "agent.state" for t in type_names], dtype=bool)[type_codes]
    is_call_t = np.asarray([str(t).startswith("call.") for t in type_names], dtype=bool)[type_codes]
    ts_all = np.asarray(cols.stamps, dtype=float)
    f_agent, f_call, f_state, f_version, f_queue, f_tier = cols.fields
    aid_all, aid_names = _codes(f_agent)
    cid_all, cid_names = _codes(f_call)
    ver_all = np.asarray(f_version, dtype=np.int64)
    st_all, st_names = _codes(f_state)
    st_names_arr = np.asarray([*st_names, ""], dtype=object)  # code -1 -> ""
    is_a = is_agent_t & (aid_all >= 0)
    is_c = is_call_t & (cid_all >= 0)
    if (ver_all[is_a | is_c] <= 0).any():
        return None  # version 0 (unversioned) records: the event-by-event fold decides
    # an event whose version is not above every earlier one of its record is stale: skipped
    big = int(ver_all.max()) + 1
    for mask, ids in ((is_a, aid_all), (is_c, cid_all)):
        sel = np.flatnonzero(mask)
        if not len(sel):
            continue
        o = sel[np.argsort(ids[sel], kind="stable")]
        run = np.maximum.accumulate(ids[o] * big + ver_all[o])  # running max per record
        prev = np.empty_like(run)
        prev[0] = -1
        prev[1:] = run[:-1]
        first = np.ones(len(o), dtype=bool)
        first[1:] = ids[o][1:] != ids[o][:-1]
        stale = ~first & (ids[o] * big + ver_all[o] <= prev)
        mask[o[stale]] = False

    def in_states(names: tuple[str, ...]) -> np.ndarray:
        flags = np.asarray([x in names for x in st_names] + [False], dtype=bool)
        return flags[st_all]

    talking_all = in_states(_TALKING)
    terminal_all = in_states(TERMINAL_CALL_STATES)
    connected_all = in_states(("connected",))
    fold.epoch = epoch
    fold.applied = int(is_a.sum() + is_c.sum())
    applied_ts = ts_all[is_a | is_c]
    fold.last_ts = max(0.0, float(applied_ts.max())) if len(applied_ts) else 0.0

    # ---------------------------------------------------------------- agents
    ai = np.flatnonzero(is_a)  # global indexes of agent events, in order
    a_code = aid_all[ai]
    n_ag = len(aid_names)
    a_ts = ts_all[ai]
    a_state = st_all[ai]
    a_call = cid_all[ai]
    holding_flags = np.asarray([x in _HOLDING for x in st_names] + [False], dtype=bool)
    a_hold = holding_flags[a_state] & (a_call >= 0)
    # agents in order of their first event (as the fold's dict)
    first_a = _firsts(a_code, n_ag, ai)
    agent_order = [c for c in np.argsort(first_a, kind="stable") if first_a[c] >= 0]
    o = np.argsort(a_code, kind="stable")  # per agent, in event order
    nxt = np.full(len(ai), -1, dtype=np.int64)
    same = a_code[o][1:] == a_code[o][:-1]
    nxt[o[:-1][same]] = o[1:][same]
    has_next = nxt >= 0
    k = np.flatnonzero(has_next)
    k2 = nxt[k]
    seg_start, seg_end = a_ts[k], a_ts[k2]
    timed = np.asarray([_STATE_COL.get(x, -1) for x in st_names] + [-1], dtype=np.int64)
    seg_col = timed[a_state[k]]
    ok = (seg_col >= 0) & (seg_end > seg_start)
    # agent positions: in the order of each agent's first timed segment, as the fold assigns
    ok_k, ok_k2 = k[ok], k2[ok]
    first_seg = _firsts(a_code[ok_k], n_ag, ai[ok_k2])
    for c in np.argsort(first_seg, kind="stable"):
        if first_seg[c] >= 0:
            fold._ag_pos(aid_names[c])
    pos_of_code = np.asarray([fold._ag_index.get(a, -1) for a in aid_names], dtype=np.int64)
    # split the segments at interval boundaries
    s0, s1, scol = seg_start[ok], seg_end[ok], seg_col[ok]
    srow = pos_of_code[a_code[ok_k]]
    iv0 = np.floor_divide(s0, step) * step
    pieces = np.maximum(np.ceil((s1 - iv0) / step).astype(np.int64), 1)
    rep = np.repeat(np.arange(len(s0)), pieces)
    off = np.arange(len(rep)) - np.repeat(np.cumsum(pieces) - pieces, pieces)
    piv = iv0[rep] + off * step
    lo = np.maximum(s0[rep], piv)
    hi = np.minimum(s1[rep], piv + step)
    keep = hi > lo
    piv, prow, pcol, secs = (
        piv[keep].astype(np.int64),
        srow[rep][keep],
        scol[rep][keep],
        (hi - lo)[keep],
    )
    n_pos = len(fold._ag_keys)
    width = len(TIMED_STATES)
    if len(piv):
        ivs, iv_idx = np.unique(piv, return_inverse=True)
        T = np.zeros((len(ivs), n_pos, width))
        np.add.at(T, (iv_idx, prow, pcol), secs)
        touched = np.zeros((len(ivs), n_pos), dtype=bool)
        touched[iv_idx, prow] = True
        for j, iv in enumerate(ivs.tolist()):
            rows = np.flatnonzero(touched[j])
            fold._agent_time[iv] = dict(zip(rows.tolist(), T[j, rows].tolist(), strict=True))
            fold._agent_time_arr[iv] = T[j].copy()
    # final agent facts and live counts
    last_a = _lasts(a_code, n_ag, np.arange(len(ai)))
    counts = fold._agent_states
    for c in agent_order:
        j = int(last_a[c])
        rec = recs[int(ai[j])]
        af = AgentFacts()
        af.rec = rec
        af.seg_state = rec.state
        af.seg_start = float(a_ts[j])
        if a_hold[j]:
            af.call_key = (epoch, cid_names[a_call[j]])
        fold.agents[aid_names[c]] = af
        fold._seen[(epoch, "a", aid_names[c])] = rec.version
        if rec.state != "logged_out":
            for q in rec.queues or ():
                counts[(q, rec.state)] = counts.get((q, rec.state), 0) + 1
            counts[(TOTAL, rec.state)] = counts.get((TOTAL, rec.state), 0) + 1

    # ---------------------------------------------------------------- calls
    ci = np.flatnonzero(is_c)
    c_code = cid_all[ci]
    n_c = len(cid_names)
    c_ts = ts_all[ci]
    c_agent = aid_all[ci]
    c_talk = talking_all[ci]
    jdx = np.arange(len(ci))
    first_c = _firsts(c_code, n_c, ci)
    last_c = _lasts(c_code, n_c, jdx)
    hold_first = _firsts(a_call[a_hold], n_c, ai[a_hold])
    created = np.where(
        first_c < 0, hold_first, np.where(hold_first < 0, first_c, np.minimum(first_c, hold_first))
    )
    call_order = [c for c in np.argsort(created, kind="stable") if created[c] >= 0]
    has_queue = np.fromiter(map(bool, f_queue), bool, n)[ci]
    has_tier = np.fromiter(map(bool, f_tier), bool, n)[ci]
    first_q = _firsts(c_code[has_queue], n_c, jdx[has_queue])
    last_tier = _lasts(c_code[has_tier], n_c, jdx[has_tier])
    conn = connected_all[ci]
    term = terminal_all[ci]
    first_conn = _firsts(c_code[conn], n_c, jdx[conn])
    first_term = _firsts(c_code[term], n_c, jdx[term])
    last_term_any = _lasts(c_code[term], n_c, jdx[term])
    last_talk = _lasts(c_code[c_talk], n_c, jdx[c_talk])
    # talk / hold per (call, agent) leg: consecutive events of a call
    oc_ = np.argsort(c_code, kind="stable")
    same = c_code[oc_][1:] == c_code[oc_][:-1]
    p, q = oc_[:-1][same], oc_[1:][same]
    seg = c_talk[p] & (c_agent[p] >= 0)
    p, q = p[seg], q[seg]
    d = c_ts[q] - c_ts[p]
    is_hold = st_names_arr[st_all[ci[p]]] == "held"
    ends = ~c_talk[q] | (c_agent[q] != c_agent[p])
    # legs per (call, agent): talk, hold, wrap, end of talk. A leg is created by a talking
    # call event of its agent, or by the agent's wrap-up time (added at its next event).
    t_ev = np.flatnonzero(c_talk & (c_agent >= 0))
    wrap_code = st_names.index("wrap_up") if "wrap_up" in st_names else -2
    wrap_sel = np.flatnonzero(has_next & (a_state == wrap_code) & (a_call >= 0))
    w_call = a_call[wrap_sel]
    w_agent = a_code[wrap_sel]
    w_next = nxt[wrap_sel]
    w_d = a_ts[w_next] - a_ts[wrap_sel]
    width = max(n_ag, 1)
    key = np.concatenate([c_code[t_ev], w_call]) * width + np.concatenate([c_agent[t_ev], w_agent])
    key_at = np.concatenate([ci[t_ev], ai[w_next]])  # the global index of the creating event
    key_ts = np.concatenate([c_ts[t_ev], a_ts[w_next]])
    uk = np.unique(key)
    inv = np.searchsorted(uk, key)
    created_at = np.full(len(uk), np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(created_at, inv, key_at)
    o2 = np.argsort(key_at, kind="stable")
    _u, fi = np.unique(inv[o2], return_index=True)
    L = np.zeros((len(uk), 4))
    L[:, 3] = key_ts[o2[fi]]  # end of talk: the creation time until a talk segment ends
    lp = np.searchsorted(uk, c_code[p] * width + c_agent[p])
    pos_d = d > 0
    np.add.at(L[:, 0], lp[pos_d & ~is_hold], d[pos_d & ~is_hold])
    np.add.at(L[:, 1], lp[pos_d & is_hold], d[pos_d & is_hold])
    if len(w_d):
        wl = np.searchsorted(uk, w_call * width + w_agent)
        np.add.at(L[:, 2], wl[w_d > 0], w_d[w_d > 0])
    last_end = np.full(len(uk), -1, dtype=np.int64)
    np.maximum.at(last_end, lp[ends], ci[q][ends])
    ended = last_end >= 0
    L[ended, 3] = ts_all[last_end[ended]]
    leg_call, leg_agent = np.divmod(uk, width)
    leg_vals = L.tolist()
    # the legs of each call, in the order they were created
    legs_of: dict[int, dict[str, list[float]]] = {}
    lo_ = np.argsort(created_at, kind="stable")
    for cc, aa, u in zip(
        leg_call[lo_].tolist(), leg_agent[lo_].tolist(), lo_.tolist(), strict=True
    ):
        got = legs_of.get(cc)
        if got is None:
            got = legs_of[cc] = {}
        got[aid_names[aa]] = leg_vals[u]
    holding_by_call: dict[str, set[str]] = {}
    for aid, af in fold.agents.items():
        if af.call_key is not None:
            holding_by_call.setdefault(af.call_key[1], set()).add(aid)
    # per call, in the order the calls were first seen: the events that set its facts
    order = np.asarray(call_order, dtype=np.int64)

    def glob(local: np.ndarray) -> list[int]:
        """Global event indexes (-1: none) of per-call local call-event positions."""
        sel = local[order]
        return np.where(sel >= 0, ci[np.maximum(sel, 0)], -1).tolist()

    fq_ts = np.where(first_q[order] >= 0, c_ts[np.maximum(first_q[order], 0)], 0.0).tolist()
    fc_ts = np.where(first_conn[order] >= 0, c_ts[np.maximum(first_conn[order], 0)], 0.0).tolist()
    ft_ts = np.where(first_term[order] >= 0, c_ts[np.maximum(first_term[order], 0)], 0.0).tolist()
    lt_ts = np.where(last_talk[order] >= 0, c_ts[np.maximum(last_talk[order], 0)], 0.0).tolist()
    ends_after = (last_term_any[order] > first_conn[order]).tolist()
    by_queued, by_ended, seen, active, calls = (
        fold._by_queued,
        fold._by_ended,
        fold._seen,
        fold._active,
        fold.calls,
    )
    gone = {"abandoned": "abandoned", "callback": "callback"}
    qt_pos = fold._qt_pos
    q_iv: list[int] = []
    q_pos: list[int] = []
    q_oc: list[int] = []
    q_start: list[float] = []
    q_until: list[float] = []
    d_iv: list[int] = []
    d_pos: list[int] = []
    d_sum: list[float] = []
    for c, name, j, jt, jq, jc, jf, tq, tc, tf, tl, after in zip(
        order.tolist(),
        [cid_names[c] for c in call_order],
        glob(last_c),
        glob(last_tier),
        glob(first_q),
        glob(first_conn),
        glob(first_term),
        fq_ts,
        fc_ts,
        ft_ts,
        lt_ts,
        ends_after,
        strict=True,
    ):
        key_ = (epoch, name)
        cf = CallFacts(epoch, name)
        calls[key_] = cf
        holders = holding_by_call.get(name)
        if holders is not None:
            cf.agents_holding = holders
        got = legs_of.get(c)
        if got is not None:
            cf.legs = got
        if j < 0:
            continue  # known only from an agent holding it
        rec = recs[j]
        cf.rec = rec
        seen[(epoch, "c", name)] = rec.version
        cf.seg_state = rec.state
        cf.seg_agent = rec.agent_id
        cf.seg_start = tl
        if rec.state not in TERMINAL_CALL_STATES:
            active.add(key_)
        if jt >= 0:
            cf.tier = recs[jt].tier
        if jq >= 0:
            r0 = recs[jq]
            cf.queue = r0.queue
            cf.queued_at = r0.queued_at or r0.arrived_at or tq
            iv = int(cf.queued_at // step) * step
            bucket = by_queued.get(iv)
            if bucket is None:
                bucket = by_queued[iv] = set()
            bucket.add(key_)
        if jc >= 0:
            cf.answered_at = recs[jc].answered_at or tc
            cf.outcome = "answered"
        if jf >= 0:
            r2 = recs[jf]
            cf.end_ts = r2.ended_at or tf
            if jc < 0:
                cf.outcome = gone.get(r2.state, "unanswered")
            elif after:
                iv = int(cf.end_ts // step) * step
                bucket = by_ended.get(iv)
                if bucket is None:
                    bucket = by_ended[iv] = set()
                bucket.add(key_)
                if not holders and rec.state in TERMINAL_CALL_STATES:  # done: handle time
                    d_iv.append(iv)
                    d_pos.append(qt_pos((cf.queue or "", cf.tier or NO_TIER)))
                    d_sum.append(sum(leg[0] + leg[1] + leg[2] for leg in cf.legs.values()))
        if jq >= 0:  # the counts of the interval it was first queued in
            q_iv.append(int(cf.queued_at // step) * step)  # type: ignore[operator]
            q_pos.append(qt_pos((cf.queue or "", cf.tier or NO_TIER)))
            q_oc.append(_OUTCOME[cf.outcome])
            q_start.append(cf.queued_at or 0.0)
            q_until.append((cf.answered_at if cf.outcome == "answered" else cf.end_ts) or 0.0)
    legs_by_end = fold._legs_by_end
    e_idx = np.flatnonzero(ended)
    e_iv = (np.floor_divide(L[e_idx, 3], step) * step).astype(np.int64).tolist()
    a_iv: list[int] = []
    a_pos: list[int] = []
    a_rows: list[float] = []
    ag_pos = fold._ag_pos
    for iv, cc, aa, u in zip(
        e_iv, leg_call[e_idx].tolist(), leg_agent[e_idx].tolist(), e_idx.tolist(), strict=True
    ):
        ended_here = legs_by_end.get(iv)
        if ended_here is None:
            ended_here = legs_by_end[iv] = set()
        name, aid = cid_names[cc], aid_names[aa]
        ended_here.add(((epoch, name), aid))
        if aid not in calls[(epoch, name)].agents_holding:  # done: counted for the agent
            leg = leg_vals[u]
            a_iv.append(iv)
            a_pos.append(ag_pos(aid))
            a_rows += (1.0, leg[0], leg[1], leg[2])
    # the per-interval counts, as a refresh would compute them (agent time is built above)
    fold._q_arr = fold._queue_sums(
        sorted(by_queued.keys() | by_ended.keys()),
        q_iv,
        q_pos,
        q_oc,
        q_start,
        q_until,
        d_iv,
        d_pos,
        d_sum,
    )
    fold._a_arr = fold._agent_sums(sorted(legs_by_end), a_iv, a_pos, a_rows)
    return fold


def _log_rows(
    engine: Engine, since: float | None, until: float | None, batch: int
) -> Iterator[Sequence[Any]]:
    """Batches of raw ``(epoch, ts, type, data)`` rows of the event log, in log order."""
    style = engine.dialect.paramstyle
    where = ["type <> 'sys.heartbeat'"]
    values: list[float] = []
    named: dict[str, float] = {}
    for op, name, value in ((">=", "since", since), ("<", "until", until)):
        if value is None:
            continue
        values.append(value)
        named[name] = value
        if style == "qmark":
            mark = "?"
        elif style == "numeric":
            mark = f":{len(values)}"
        elif style == "named":
            mark = f":{name}"
        elif style == "pyformat":
            mark = f"%({name})s"
        else:  # format
            mark = "%s"
        where.append(f"ts {op} {mark}")
    params: Any = named if style in ("named", "pyformat") else tuple(values)
    sql = (
        "SELECT epoch, ts, type, data FROM event_log WHERE " + " AND ".join(where) + " ORDER BY id"
    )
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        try:
            cur.execute(sql, params)
            while True:
                rows = cur.fetchmany(batch)
                if not rows:
                    break
                yield rows
        finally:
            cur.close()
    finally:
        raw.close()


def queue_report(fig: Figures) -> pd.DataFrame:
    """The CONTRACT 8 queue report rows (empty intervals omitted, sorted)."""
    df = fig.queues
    df = df[(df["offered"] > 0) | (df["handled"] > 0)] if len(df) else df
    out = df.sort_values(["interval_start", "queue_id"])[QUEUE_COLUMNS].reset_index(drop=True)
    return out.astype({c: np.int64 for c in QUEUE_COLUMNS[2:9]})


def agent_report(fig: Figures) -> pd.DataFrame:
    """The CONTRACT 8 agent report rows (intervals with no time and no calls omitted)."""
    df = fig.agents
    if len(df):
        active = df["handled"] > 0
        for s in TIMED_STATES:
            active |= df[f"t_{s}"] > 0
        df = df[active]
    out = df.sort_values(["interval_start", "agent_id"])[AGENT_COLUMNS].reset_index(drop=True)
    return out.astype({"handled": np.int64})
