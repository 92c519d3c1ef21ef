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

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import msgspec
import numpy as np
import pandas as pd
from sqlalchemy import select
from sqlalchemy.engine import Engine

from store.eventlog import EventLogRow

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


class Rec(msgspec.Struct, omit_defaults=True):
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
    return int(math.floor(ts / interval) * interval)


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


class EventFold:
    """Fold of agent and call events into the facts behind every figure.

    ``apply`` must see events in publication order (the event log's order, or the bus order);
    duplicates and stale versions are skipped. Not thread-safe: one thread owns a fold.
    """

    def __init__(self, settings: MetricSettings | None = None) -> None:
        self.settings = settings or MetricSettings()
        self.calls: dict[tuple[str, str], CallFacts] = {}
        self.agents: dict[str, AgentFacts] = {}
        self._seen: dict[tuple[str, str, str], int] = {}
        self._by_queued: dict[int, set[tuple[str, str]]] = {}
        self._by_ended: dict[int, set[tuple[str, str]]] = {}
        #: interval -> {(call_key, agent_id)} legs whose talk ended in that interval
        self._legs_by_end: dict[int, set[tuple[tuple[str, str], str]]] = {}
        #: interval -> {(agent_id, state): seconds} of closed agent-state segments
        self._agent_time: dict[int, dict[tuple[str, str], float]] = {}
        self._dirty: set[int] = set()
        self._q_cache: dict[int, pd.DataFrame] = {}
        self._a_cache: dict[int, pd.DataFrame] = {}
        self.epoch: str | None = None
        self._closed_epochs: set[str] = set()
        self.last_ts: float = 0.0
        self.applied = 0

    # ------------------------------------------------------------------ folding
    def _iv(self, ts: float) -> int:
        return interval_of(ts, self.settings.interval)

    def apply(self, epoch: str, ts: float, type_: str, rec: Rec | None) -> bool:
        """Fold one event; False when it was a duplicate, stale or not a record event."""
        if rec is None or type_ == "sys.heartbeat":
            return False
        if type_ == "agent.state":
            kind, rid = "a", rec.agent_id
        elif type_.startswith("call."):
            kind, rid = "c", rec.call_id
        else:
            return False
        if not rid:
            return False
        if epoch in self._closed_epochs:
            return False
        skey = (epoch, kind, rid)
        if rec.version and self._seen.get(skey, -1) >= rec.version:
            return False
        if self.epoch is not None and epoch != self.epoch:
            self._close_epoch(self.epoch, ts)
        self._seen[skey] = rec.version
        self.epoch = epoch
        self.last_ts = max(self.last_ts, ts)
        self.applied += 1
        if kind == "a":
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
        for cf in list(self.calls.values()):
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
        if cf.queued_at is not None:
            self._dirty.add(self._iv(cf.queued_at))
        if cf.end_ts is not None and cf.outcome == "answered":
            self._dirty.add(self._iv(cf.end_ts))

    def _apply_call(self, epoch: str, ts: float, rec: Rec) -> None:
        key = (epoch, rec.call_id or "")
        cf = self.calls.get(key)
        if cf is None:
            cf = self.calls[key] = CallFacts(epoch, key[1])
        self._touch_call(cf)  # old intervals (outcome or end may move)
        cf.rec = rec
        if rec.tier:
            cf.tier = rec.tier
        if cf.queue is None and rec.queue:
            cf.queue = rec.queue
            cf.queued_at = rec.queued_at or rec.arrived_at or ts
            self._by_queued.setdefault(self._iv(cf.queued_at), set()).add(key)
        # talk / hold segments, per agent leg
        if cf.seg_state in ("connected", "held") and cf.seg_agent:
            leg = cf.legs.setdefault(cf.seg_agent, [0.0, 0.0, 0.0, ts])
            leg[0 if cf.seg_state == "connected" else 1] += max(0.0, ts - cf.seg_start)
            if rec.state not in ("connected", "held") or rec.agent_id != cf.seg_agent:
                self._end_leg(key, cf.seg_agent, leg, ts)
        if rec.state in ("connected", "held"):
            cf.seg_start = ts  # the previous segment was accounted above
            if rec.agent_id:
                cf.legs.setdefault(rec.agent_id, [0.0, 0.0, 0.0, ts])
        cf.seg_state, cf.seg_agent = rec.state, rec.agent_id
        if rec.state == "connected" and cf.answered_at is None:
            cf.answered_at = rec.answered_at or ts
            cf.outcome = "answered"
        if rec.state in TERMINAL_CALL_STATES:
            if cf.end_ts is None:
                cf.end_ts = rec.ended_at or ts
            if cf.outcome == "waiting":
                cf.outcome = {"abandoned": "abandoned", "callback": "callback"}.get(
                    rec.state, "unanswered"
                )
            if cf.outcome == "answered":
                self._by_ended.setdefault(self._iv(cf.end_ts), set()).add(key)
        elif cf.outcome == "waiting":
            cf.end_ts = None
        self._touch_call(cf)

    def _end_leg(self, key: tuple[str, str], agent_id: str, leg: list[float], ts: float) -> None:
        old = self._iv(leg[3])
        s = self._legs_by_end.get(old)
        if s is not None:
            s.discard((key, agent_id))
        leg[3] = ts
        new = self._iv(ts)
        self._legs_by_end.setdefault(new, set()).add((key, agent_id))
        self._dirty.add(old)
        self._dirty.add(new)

    def _add_agent_time(self, agent_id: str, state: str, start: float, end: float) -> None:
        if state not in TIMED_STATES or end <= start:
            return
        step = self.settings.interval
        iv = self._iv(start)
        while iv < end:
            lo, hi = max(start, iv), min(end, iv + step)
            if hi > lo:
                bucket = self._agent_time.setdefault(iv, {})
                k = (agent_id, state)
                bucket[k] = bucket.get(k, 0.0) + (hi - lo)
                self._dirty.add(iv)
            iv += step

    def _apply_agent(self, epoch: str, ts: float, rec: Rec) -> None:
        aid = rec.agent_id or ""
        af = self.agents.get(aid)
        if af is None:
            af = self.agents[aid] = AgentFacts()
        if af.seg_state is not None:
            self._add_agent_time(aid, af.seg_state, af.seg_start, ts)
            # wrap-up time belongs to the call it wraps up
            if af.seg_state == "wrap_up" and af.call_key is not None:
                cf = self.calls.get(af.call_key)
                if cf is not None:
                    leg = cf.legs.setdefault(aid, [0.0, 0.0, 0.0, ts])
                    leg[2] += max(0.0, ts - af.seg_start)
                    self._touch_leg(af.call_key, aid, leg)
                    self._touch_call(cf)
        # which call does this agent hold now (on_call or wrap_up)?
        new_key = (epoch, rec.call_id) if rec.call_id else None
        holding = rec.state in ("on_call", "wrap_up") and new_key is not None
        if af.call_key is not None and (not holding or af.call_key != new_key):
            cf = self.calls.get(af.call_key)
            if cf is not None and aid in cf.agents_holding:
                cf.agents_holding.discard(aid)
                if aid in cf.legs:
                    self._touch_leg(af.call_key, aid, cf.legs[aid])
                self._touch_call(cf)
        if holding and new_key is not None:
            cf = self.calls.get(new_key)
            if cf is None:
                cf = self.calls[new_key] = CallFacts(epoch, new_key[1])
            if aid not in cf.agents_holding:
                cf.agents_holding.add(aid)
                if aid in cf.legs:
                    self._touch_leg(new_key, aid, cf.legs[aid])
                self._touch_call(cf)
        af.call_key = new_key if holding else None
        af.rec = rec
        af.seg_state = rec.state
        af.seg_start = ts

    def _touch_leg(self, key: tuple[str, str], agent_id: str, leg: list[float]) -> None:
        if (key, agent_id) in self._legs_by_end.get(self._iv(leg[3]), ()):
            self._dirty.add(self._iv(leg[3]))

    def knows(self, epoch: str, kind: str, rid: str) -> bool:
        """Whether a record (kind ``a`` agent, ``c`` call) of that epoch was folded."""
        return (epoch, kind, rid) in self._seen

    def apply_envelope(self, env: Envelope) -> bool:
        return self.apply(env.epoch, env.ts, env.type, env.data)

    # ------------------------------------------------------------------ figures
    def _queue_counts(self, iv: int) -> pd.DataFrame:
        s = self.settings
        rows: list[tuple[Any, ...]] = []
        for key in self._by_queued.get(iv, ()):
            cf = self.calls[key]
            o = cf.outcome
            wait = ((cf.answered_at if o == "answered" else cf.end_ts) or 0.0) - (
                cf.queued_at or 0.0
            )
            short = o in ("abandoned", "unanswered") and wait <= s.short_abandon
            ab = o in ("abandoned", "unanswered") and not short
            rows.append(
                (
                    cf.queue,
                    cf.tier or NO_TIER,
                    1,
                    int(o == "answered"),
                    int(o == "answered" and wait <= s.threshold),
                    int(ab),
                    int(ab and wait <= s.threshold),
                    int(short),
                    int(o == "callback"),
                    int(o == "waiting"),
                    wait if o == "answered" else 0.0,
                    0,
                    0.0,
                )
            )
        for key in self._by_ended.get(iv, ()):
            cf = self.calls[key]
            if not cf.complete or cf.outcome != "answered":
                continue
            handle = sum(leg[0] + leg[1] + leg[2] for leg in cf.legs.values())
            rows.append((cf.queue, cf.tier or NO_TIER, *([0] * 8), 0.0, 1, handle))
        cols = ["queue_id", "tier", *QUEUE_COUNTS]
        if not rows:
            return pd.DataFrame(columns=["interval_start", *cols])
        df = pd.DataFrame.from_records(rows, columns=cols)
        out = df.groupby(["queue_id", "tier"], sort=False, as_index=False).sum()
        out.insert(0, "interval_start", iv)
        return out

    def _agent_counts(self, iv: int) -> pd.DataFrame:
        rows: list[tuple[Any, ...]] = []
        for key, aid in self._legs_by_end.get(iv, ()):
            cf = self.calls[key]
            if aid in cf.agents_holding:
                continue  # still talking or wrapping up: counted once done
            leg = cf.legs[aid]
            rows.append((aid, 1, leg[0], leg[1], leg[2], *([0.0] * len(TIMED_STATES))))
        n = len(TIMED_STATES)
        for (aid, state), secs in self._agent_time.get(iv, {}).items():
            t = [0.0] * n
            t[TIMED_STATES.index(state)] = secs
            rows.append((aid, 0, 0.0, 0.0, 0.0, *t))
        cols = ["agent_id", *AGENT_COUNTS]
        if not rows:
            return pd.DataFrame(columns=["interval_start", *cols])
        df = pd.DataFrame.from_records(rows, columns=cols)
        out = df.groupby("agent_id", sort=False, as_index=False).sum()
        out.insert(0, "interval_start", iv)
        return out

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
        for iv in self._dirty:
            self._q_cache[iv] = self._queue_counts(iv)
            self._a_cache[iv] = self._agent_counts(iv)
        self._dirty.clear()

    def figures(
        self, now: float, since: float | None = None, until: float | None = None
    ) -> Figures:
        """Figures as of ``now`` for the intervals starting in ``[since, until)`` (all if None)."""
        self._refresh_cache()
        step = self.settings.interval
        lo_iv = None if since is None else self._iv(since)

        def keep(iv: int) -> bool:
            return (lo_iv is None or iv >= lo_iv) and (until is None or iv < until)

        qparts = [df for iv, df in sorted(self._q_cache.items()) if keep(iv) and len(df)]
        qcounts = (
            pd.concat(qparts, ignore_index=True)
            if qparts
            else pd.DataFrame(columns=["interval_start", "queue_id", "tier", *QUEUE_COUNTS])
        )
        for c in QUEUE_COUNTS:
            qcounts[c] = pd.to_numeric(qcounts[c])
        aparts = [df for iv, df in sorted(self._a_cache.items()) if keep(iv) and len(df)]
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
        out: dict[str, dict[str, Any]] = {}

        def row(q: str) -> dict[str, Any]:
            r = out.get(q)
            if r is None:
                r = out[q] = {
                    "waiting": 0,
                    "longest_wait": 0.0,
                    "ready": 0,
                    "on_call": 0,
                    "wrap_up": 0,
                    "not_ready": 0,
                    "reserved": 0,
                    "logged_in": 0,
                }
            return r

        row(TOTAL)
        for cf in self.calls.values():
            rec = cf.rec
            if rec is None or rec.state not in ("queued", "offered"):
                continue
            wait = max(0.0, now - (cf.queued_at or now))
            for q in {rec.queue or cf.queue or "", TOTAL}:
                r = row(q)
                r["waiting"] += 1
                r["longest_wait"] = max(r["longest_wait"], wait)
        for af in self.agents.values():
            rec = af.rec
            if rec is None or rec.state == "logged_out":
                continue
            for q in [*(rec.queues or []), TOTAL]:
                r = row(q)
                r["logged_in"] += 1
                if rec.state in r:
                    r[rec.state] += 1
        return out

    def live_agents(self, now: float) -> list[dict[str, Any]]:
        """One dict per agent seen: state, time in state, current call and drift flag."""
        out: list[dict[str, Any]] = []
        ring_limit = 2 * self.settings.ring_timeout
        for aid, af in self.agents.items():
            rec = af.rec
            if rec is None:
                continue
            since = rec.since if rec.since is not None else af.seg_start
            call = None
            if rec.call_id and self.epoch is not None:
                cf = self.calls.get((self.epoch, rec.call_id))
                call = cf.rec if cf is not None else None
            drift = ""
            if rec.state == "reserved" and now - af.seg_start > ring_limit:
                drift = "reserved_too_long"
            elif (
                rec.state == "on_call"
                and call is not None
                and call.state
                in (
                    "ended",
                    "abandoned",
                )
            ):
                drift = "caller_gone"
            talk = None
            if call is not None and call.answered_at and rec.state == "on_call":
                talk = max(0.0, now - call.answered_at)
            out.append(
                {
                    "agent_id": aid,
                    "name": rec.name or aid,
                    "state": rec.state,
                    "reason": rec.reason,
                    "since": since,
                    "time_in_state": max(0.0, now - since),
                    "queues": list(rec.queues or []),
                    "call_id": rec.call_id,
                    "call_ani": call.ani if call is not None else None,
                    "call_queue": call.queue if call is not None else None,
                    "talk_time": talk,
                    "handled_since_login": rec.handled,
                    "drift": drift,
                }
            )
        return out

    def arrivals(self, now: float, window_intervals: int) -> dict[str, tuple[float, float]]:
        """Per queue: (calls per second, AHT) over the last ``window_intervals`` intervals.

        The window ends at ``now``; AHT comes from the answered calls handled to the end in it.
        """
        span = window_intervals * self.settings.interval
        lo = now - span
        counts: dict[str, list[float]] = {}
        for cf in self.calls.values():
            if cf.queue is None or cf.queued_at is None:
                continue
            c = counts.setdefault(cf.queue, [0, 0, 0.0])
            if lo <= cf.queued_at < now:
                c[0] += 1
            if cf.outcome == "answered" and cf.complete and cf.end_ts and lo <= cf.end_ts < now:
                c[1] += 1
                c[2] += sum(leg[0] + leg[1] + leg[2] for leg in cf.legs.values())
        return {
            q: (c[0] / span, (c[2] / c[1]) if c[1] else float("nan")) for q, c in counts.items()
        }


def _div(num: pd.Series, den: pd.Series) -> pd.Series:
    num = num.astype(float)
    den = den.astype(float)
    return (num / den.where(den != 0)).astype(float)


def service_level(counts: pd.DataFrame, convention: str) -> pd.Series:
    if convention == "answered_only":
        den = counts["answered"]
    elif convention == "answered_and_abandoned":
        den = counts["answered"] + counts["abandoned"]
    else:
        den = counts["answered"] + counts["abandoned"] - counts["abandoned_in_sl"]
    return _div(counts["answered_in_sl"], den)


def derive_queue(counts: pd.DataFrame, settings: MetricSettings) -> pd.DataFrame:
    """Rates from additive queue counts (any grouping)."""
    out = counts.copy()
    for c in QUEUE_COUNTS:
        if c in out:
            out[c] = out[c].astype(float if c.endswith("_sum") else np.int64)
    out["service_level"] = service_level(out, settings.sl_convention)
    out["asa"] = _div(out["wait_sum"], out["answered"])
    out["aht"] = _div(out["handle_sum"], out["handled"])
    out["abandon_rate"] = _div(out["abandoned"], out["answered"] + out["abandoned"])
    return out


def derive_agent(counts: pd.DataFrame) -> pd.DataFrame:
    out = counts.copy()
    out["handled"] = out["handled"].astype(np.int64)
    out["aht"] = _div(out["talk_time"] + out["hold_time"] + out["wrap_time"], out["handled"])
    out["not_ready_time"] = out["t_not_ready"].astype(float)
    busy = out["t_on_call"] + out["t_wrap_up"]
    out["occupancy"] = _div(busy, busy + out["t_ready"] + out["t_reserved"])
    return out


# ---------------------------------------------------------------------- event-log loading
def iter_log(
    engine: Engine, since: float | None = None, until: float | None = None, batch: int = 100_000
) -> Iterator[tuple[str, float, str, Rec]]:
    """``(epoch, ts, type, record)`` of the event log in log order, records decoded lean."""
    t = EventLogRow.__table__
    last_id = 0
    dec = _rec_decoder.decode
    while True:
        stmt = select(t.c.id, t.c.epoch, t.c.ts, t.c.type, t.c.data).where(t.c.id > last_id)
        if since is not None:
            stmt = stmt.where(t.c.ts >= since)
        if until is not None:
            stmt = stmt.where(t.c.ts < until)
        stmt = stmt.order_by(t.c.id).limit(batch)
        with engine.connect() as conn:
            rows = conn.execute(stmt).all()
        if not rows:
            return
        for r in rows:
            if r[3] == "sys.heartbeat":
                continue
            yield r[1], r[2], r[3], dec(r[4])
        last_id = rows[-1][0]


def fold_events(
    events: Iterable[tuple[str, float, str, Rec]], settings: MetricSettings | None = None
) -> EventFold:
    fold = EventFold(settings)
    apply = fold.apply
    for epoch, ts, type_, rec in events:
        apply(epoch, ts, type_, rec)
    return fold


def load_fold(
    engine: Engine,
    since: float | None = None,
    until: float | None = None,
    settings: MetricSettings | None = None,
) -> EventFold:
    """A fold over the event log's events with ``since <= ts < until``."""
    return fold_events(iter_log(engine, since, until), settings)


def queue_report(fig: Figures) -> pd.DataFrame:
    """The CONTRACT 8 queue report rows (empty intervals omitted, sorted)."""
    df = fig.queues
    df = df[(df["offered"] > 0) | (df["handled"] > 0)] if len(df) else df
    return df.sort_values(["interval_start", "queue_id"])[QUEUE_COLUMNS].reset_index(drop=True)


def agent_report(fig: Figures) -> pd.DataFrame:
    """The CONTRACT 8 agent report rows (intervals with no time and no calls omitted)."""
    df = fig.agents
    if len(df):
        active = df["handled"] > 0
        for s in TIMED_STATES:
            active |= df[f"t_{s}"] > 0
        df = df[active]
    return df.sort_values(["interval_start", "agent_id"])[AGENT_COLUMNS].reset_index(drop=True)
