"""Metric definitions (CONTRACT 8) on a hand-computed day, and live == recomputed."""

from __future__ import annotations

import math
import random

import pandas as pd
import pytest

from telephony.metrics import (
    TOTAL,
    EventFold,
    MetricSettings,
    agent_report,
    fold_columns,
    fold_events,
    load_fold,
    queue_report,
    record_from_dict,
)
from tests.telephony.metrics_script import T0, Script, random_day, scripted_day


def fold_of(events, settings=None) -> EventFold:
    fold = EventFold(settings or MetricSettings())
    for epoch, ts, type_, data in events:
        fold.apply(epoch, ts, type_, record_from_dict(data))
    return fold


def row(df: pd.DataFrame, **where) -> dict:
    sel = df
    for k, v in where.items():
        sel = sel[sel[k] == v]
    assert len(sel) == 1, f"{where}: {len(sel)} rows"
    return sel.iloc[0].to_dict()


NOW = T0 + 2000


def test_queue_figures_of_the_scripted_day() -> None:
    fig = fold_of(scripted_day().events).figures(NOW)
    rep = queue_report(fig)
    assert list(rep.columns)[:3] == ["interval_start", "queue_id", "offered"]
    b = row(rep, interval_start=T0, queue_id="billing")
    assert (b["offered"], b["answered"], b["answered_in_sl"]) == (7, 2, 1)
    assert (b["abandoned"], b["abandoned_in_sl"], b["short_abandoned"], b["callbacks"]) == (
        2,
        1,
        1,
        1,
    )
    assert b["service_level"] == pytest.approx(1 / 3)  # 1 / (2 + 2 - 1)
    assert b["asa"] == pytest.approx(27.5)  # (15 + 40) / 2
    assert b["aht"] == pytest.approx(210.0)  # C1: talk 150 + hold 30 + wrap 30
    assert b["abandon_rate"] == pytest.approx(0.5)
    # C5 was queued in the first interval but ended in the second: its AHT lands there
    b2 = row(rep, interval_start=T0 + 1800, queue_id="billing")
    assert b2["offered"] == 0 and b2["aht"] == pytest.approx(1670.0)
    assert math.isnan(b2["service_level"])
    v = row(rep, interval_start=T0, queue_id="vip")
    assert (v["offered"], v["answered"], v["service_level"], v["asa"], v["aht"]) == (
        1,
        1,
        1.0,
        5.0,
        70.0,
    )
    assert len(rep) == 3  # empty intervals omitted


def test_today_totals_tiers_and_live_state() -> None:
    fig = fold_of(scripted_day().events).figures(NOW)
    tot = fig.queue_today.loc[TOTAL]
    assert tot["offered"] == 8 and tot["answered"] == 3 and tot["waiting"] == 1
    assert tot["service_level"] == pytest.approx(2 / 4)  # (1 + 1) / (3 + 2 - 1)
    assert fig.tiers.loc["gold", "service_level"] == 1.0
    assert fig.tiers.loc["none", "offered"] == 7
    live = fig.live_queues
    assert live["billing"]["waiting"] == 1
    assert live["billing"]["longest_wait"] == pytest.approx(300.0)  # C7 since T0+1700
    assert live[TOTAL]["ready"] == 1 and live[TOTAL]["not_ready"] == 1
    a1 = next(a for a in fig.agents_live if a["agent_id"] == "A1")
    assert a1["state"] == "not_ready" and a1["reason"] == "break"
    assert a1["time_in_state"] == pytest.approx(500.0)


def test_agent_figures_of_the_scripted_day() -> None:
    rep = agent_report(fold_of(scripted_day().events).figures(NOW))
    a1 = row(rep, interval_start=T0, agent_id="A1")
    assert a1["handled"] == 2
    assert (a1["talk_time"], a1["hold_time"], a1["wrap_time"]) == (210.0, 30.0, 40.0)
    assert a1["aht"] == pytest.approx(140.0)
    assert a1["not_ready_time"] == pytest.approx(305.0)
    assert a1["occupancy"] == pytest.approx(280 / 1495)
    a1b = row(rep, interval_start=T0 + 1800, agent_id="A1")
    assert a1b["not_ready_time"] == pytest.approx(200.0) and math.isnan(a1b["occupancy"])
    a2 = row(rep, interval_start=T0, agent_id="A2")
    assert a2["handled"] == 0 and a2["occupancy"] == pytest.approx(1560 / 1790)
    a2b = row(rep, interval_start=T0 + 1800, agent_id="A2")
    assert a2b["handled"] == 1 and a2b["aht"] == pytest.approx(1670.0)
    assert a2b["occupancy"] == pytest.approx(110 / 200)


def test_thresholds_are_inclusive_and_configurable() -> None:
    # C1 waited exactly 15 s: in SL at a 15 s threshold, out of it at 14 s
    fig15 = fold_of(scripted_day().events, MetricSettings(threshold=15)).figures(NOW)
    fig14 = fold_of(scripted_day().events, MetricSettings(threshold=14)).figures(NOW)
    b15 = row(queue_report(fig15), interval_start=T0, queue_id="billing")
    b14 = row(queue_report(fig14), interval_start=T0, queue_id="billing")
    assert b15["answered_in_sl"] == 1 and b14["answered_in_sl"] == 0
    # short abandon at 3 s: counted short with 3 s, as abandoned with 2 s
    fig = fold_of(scripted_day().events, MetricSettings(short_abandon=2)).figures(NOW)
    b = row(queue_report(fig), interval_start=T0, queue_id="billing")
    assert b["short_abandoned"] == 0 and b["abandoned"] == 3 and b["abandoned_in_sl"] == 2
    # other conventions
    only = MetricSettings(sl_convention="answered_only")
    b = row(
        queue_report(fold_of(scripted_day().events, only).figures(NOW)),
        interval_start=T0,
        queue_id="billing",
    )
    assert b["service_level"] == pytest.approx(0.5)
    with pytest.raises(ValueError):
        MetricSettings(interval=7 * 60 + 1)


def test_duplicates_and_stale_versions_are_ignored() -> None:
    events = scripted_day().events
    doubled = [e for ev in events for e in (ev, ev)]
    a = queue_report(fold_of(events).figures(NOW))
    b = queue_report(fold_of(doubled).figures(NOW))
    pd.testing.assert_frame_equal(a, b)
    fold = fold_of(events)
    assert not fold.apply(*events[3][:3], record_from_dict(events[3][3]))


def _same(f1, f2) -> None:
    pd.testing.assert_frame_equal(queue_report(f1), queue_report(f2), check_dtype=False)
    pd.testing.assert_frame_equal(agent_report(f1), agent_report(f2), check_dtype=False)
    pd.testing.assert_frame_equal(
        f1.queue_today.sort_index(), f2.queue_today.sort_index(), check_dtype=False
    )
    pd.testing.assert_frame_equal(f1.tiers.sort_index(), f2.tiers.sort_index(), check_dtype=False)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_live_incremental_figures_equal_a_fresh_recomputation(seed: int) -> None:
    events = random_day(seed).events
    settings = MetricSettings(interval=900)
    live = EventFold(settings)
    checkpoints = set(range(0, len(events), max(1, len(events) // 12))) | {len(events) - 1}
    for i, (epoch, ts, type_, data) in enumerate(events):
        live.apply(epoch, ts, type_, record_from_dict(data))
        if i in checkpoints:
            now = ts + 1.5
            fresh = fold_of(events[: i + 1], settings)
            _same(live.figures(now), fresh.figures(now))
    assert len(queue_report(live.figures(events[-1][1]))) > 2


@pytest.mark.parametrize("seed", [4, 5])
def test_live_summary_matches_the_full_figures(seed: int) -> None:
    events = random_day(seed, n_calls=80).events
    fold = EventFold(MetricSettings(interval=900))
    since = T0
    for i, (epoch, ts, type_, data) in enumerate(events):
        fold.apply(epoch, ts, type_, record_from_dict(data))
        if i % 97 == 0 or i == len(events) - 1:
            now = ts + 2.5
            fig = fold.figures(now, since=since)
            summ = fold.summary(now, since, series_for=["vip"])
            cols = ["offered", "answered", "abandoned", "service_level", "asa", "aht"]
            pd.testing.assert_frame_equal(
                summ.queue_today[cols].sort_index(),
                fig.queue_today[cols].sort_index(),
                check_dtype=False,
                check_names=False,
                check_index_type=False,
            )
            acols = ["handled", "aht", "not_ready_time", "occupancy"]
            active = summ.agent_today.loc[fig.agent_today.index]
            pd.testing.assert_frame_equal(
                active[acols].sort_index(),
                fig.agent_today[acols].sort_index(),
                check_dtype=False,
                check_names=False,
                check_index_type=False,
            )
            per_q = fig.queues[fig.queues["queue_id"] == "vip"].set_index("interval_start")
            got = summ.series["vip"]
            assert list(got.index) == list(per_q.index)
            assert list(got["offered"]) == list(per_q["offered"])
            cur = fig.queues[fig.queues["interval_start"] == fig.current_interval]
            assert summ.current["offered"].get("__all__", 0) == cur["offered"].sum()


def test_a_new_switchboard_run_closes_the_previous_one() -> None:
    s = scripted_day()
    events = list(s.events)
    # the switchboard restarts at T0+1950: A1/A2 are logged out, C7 (waiting) is lost
    events.append(
        (
            "E2",
            T0 + 1950,
            "agent.state",
            {
                "agent_id": "A1",
                "state": "not_ready",
                "reason": "login",
                "version": 1,
                "queues": ["billing"],
            },
        )
    )
    fold = fold_of(events)
    fig = fold.figures(T0 + 2000)
    b = row(queue_report(fig), interval_start=T0, queue_id="billing")
    assert b["offered"] == 7 and b["abandoned"] == 3  # C7 lost after 250 s
    live = {a["agent_id"]: a for a in fig.agents_live}
    assert live["A2"]["state"] == "logged_out"
    assert live["A1"]["state"] == "not_ready" and live["A1"]["reason"] == "login"
    # an old-run event arriving late is ignored
    assert not fold.apply(*events[5][:3], record_from_dict(events[5][3]))


def test_drift_flags() -> None:
    s = Script()
    s.agent(T0, "A1", "ready")
    s.agent(T0, "A2", "ready")
    s.call(T0 + 1, "C1", "billing")
    s.ring(T0 + 2, "C1", "A1")
    s.call(T0 + 3, "C2", "billing")
    s.ring(T0 + 3, "C2", "A2")
    s.answer(T0 + 5, "C2", "A2")
    # the caller of C2 hangs up but no agent event follows (a lost update)
    s.set_call(T0 + 9, "C2", "call.ended", state="ended", ended_at=T0 + 9)
    fold = fold_of(s.events, MetricSettings(ring_timeout=15))
    flags = {a["agent_id"]: a["drift"] for a in fold.live_agents(T0 + 20)}
    assert flags == {"A1": "", "A2": "caller_gone"}
    flags = {a["agent_id"]: a["drift"] for a in fold.live_agents(T0 + 33)}
    assert flags["A1"] == "reserved_too_long"


def test_arrivals_feed_the_staffing_advisor() -> None:
    fold = fold_of(scripted_day().events)
    got = fold.arrivals(NOW, window_intervals=2)  # T0-1800 .. NOW: 3,800 s
    assert got["billing"][0] == pytest.approx(7 / 3800)
    assert got["billing"][1] == pytest.approx((210 + 1670) / 2)
    assert got["vip"] == (pytest.approx(1 / 3800), pytest.approx(70.0))


@pytest.mark.parametrize("seed", [6, 7])
def test_a_bulk_loaded_history_then_live_events_equal_the_live_fold(seed: int) -> None:
    """What the console does: the history folded in bulk (no per-event cache bookkeeping),
    then live events one by one; every figure and the live boards equal a live-only fold."""
    events = random_day(seed, n_calls=80).events
    settings = MetricSettings(interval=60)  # short: calls end in intervals of their own
    recs = [(e, ts, t, record_from_dict(d)) for e, ts, t, d in events]
    live = fold_of(events, settings)
    half = len(recs) // 2
    loaded = fold_events(recs[:half], settings)
    for ev in recs[half:]:
        loaded.apply(*ev)
    now = events[-1][1] + 3.0
    _same(loaded.figures(now), live.figures(now))
    s1, s2 = loaded.summary(now, T0, ["vip"]), live.summary(now, T0, ["vip"])
    for name in ("queue_today", "tiers", "current"):
        pd.testing.assert_frame_equal(getattr(s1, name), getattr(s2, name))
    pd.testing.assert_frame_equal(
        s1.agent_today.sort_index(), s2.agent_today.sort_index(), check_like=True
    )
    pd.testing.assert_frame_equal(s1.series["vip"], s2.series["vip"])
    assert s1.live_queues == s2.live_queues and s1.live_queues[TOTAL]["logged_in"] > 0
    assert s1.agents_live == s2.agents_live
    # agents per queue and state, counted from the agents' current records
    counted: dict[tuple[str, str], int] = {}
    for af in live.agents.values():
        if af.rec is not None and af.rec.state != "logged_out":
            for q in [*(af.rec.queues or []), TOTAL]:
                counted[(q, af.rec.state)] = counted.get((q, af.rec.state), 0) + 1
    for q, r in s1.live_queues.items():
        for st in ("ready", "on_call", "wrap_up", "not_ready", "reserved"):
            assert r[st] == counted.get((q, st), 0), (q, st)


# ------------------------------------------------------------------ the column-at-a-time fold
def _facts(f: EventFold) -> dict:
    """Everything a fold knows, in comparable form (the event-by-event fold is the oracle)."""
    calls = {
        k: (
            cf.queue,
            cf.queued_at,
            cf.tier,
            cf.answered_at,
            cf.end_ts,
            cf.outcome,
            cf.seg_state,
            cf.seg_start,
            cf.seg_agent,
            {a: [round(x, 9) for x in leg] for a, leg in cf.legs.items()},
            set(cf.agents_holding),
            cf.rec,
        )
        for k, cf in f.calls.items()
    }
    agent_time = {
        iv: {f._ag_keys[r]: [round(x, 9) for x in v] for r, v in b.items()}
        for iv, b in f._agent_time.items()
    }
    return {
        "calls": calls,
        "call order": list(f.calls),
        "agents": {a: (x.rec, x.seg_state, x.seg_start, x.call_key) for a, x in f.agents.items()},
        "agent order": list(f.agents),
        "seen": f._seen,
        "queued": f._by_queued,
        "ended": f._by_ended,
        "legs ended": {iv: s for iv, s in f._legs_by_end.items() if s},
        "agent time": agent_time,
        "active": f._active,
        "agent states": {k: n for k, n in f._agent_states.items() if n},
        "epoch": (f.epoch, f.applied, f.last_ts),
    }


def _perturbed(events: list, seed: int) -> list:
    """Local swaps and repeated events: stale and duplicate versions, as a bus can deliver."""
    rng = random.Random(seed)
    out = list(events)
    for _ in range(len(out) // 5):
        j = rng.randrange(len(out) - 1)
        if rng.random() < 0.5:
            out[j], out[j + 1] = out[j + 1], out[j]
        else:
            out.insert(j, out[rng.randrange(len(out))])
    return out


def _same_summaries(a: EventFold, b: EventFold, now: float) -> None:
    s1, s2 = a.summary(now, T0, ["vip"]), b.summary(now, T0, ["vip"])
    for name in ("queue_today", "tiers", "current"):
        pd.testing.assert_frame_equal(getattr(s1, name), getattr(s2, name))
    pd.testing.assert_frame_equal(s1.agent_today.sort_index(), s2.agent_today.sort_index())
    pd.testing.assert_frame_equal(s1.series["vip"], s2.series["vip"])
    assert s1.live_queues == s2.live_queues
    assert s1.agents_live == s2.agents_live


@pytest.mark.parametrize("interval", [60, 900, 1800])
@pytest.mark.parametrize("seed", [11, 12, 13])
@pytest.mark.parametrize("perturb", [False, True])
def test_the_column_fold_leaves_what_the_event_by_event_fold_leaves(
    seed: int, interval: int, perturb: bool
) -> None:
    """fold_columns (numpy, used to load the day) against fold_events (the reference): the same
    facts, the same figures, and live events continue from it alike."""
    events = [(e, ts, t, record_from_dict(d)) for e, ts, t, d in random_day(seed, 150).events]
    if perturb:
        events = _perturbed(events, seed)
    settings = MetricSettings(interval=interval)
    ref = fold_events(events, settings)
    got = fold_columns(events, settings)
    assert got._q_arr.keys() == (ref._by_queued.keys() | ref._by_ended.keys())  # columnar ran
    assert _facts(got) == _facts(ref)
    now = events[-1][1] + 4.0
    _same(got.figures(now), ref.figures(now))
    _same_summaries(got, ref, now)
    # the history in bulk, then the rest live, against the reference over everything
    cut = len(events) * 2 // 3
    loaded = fold_columns(events[:cut], settings)
    for ev in events[cut:]:
        loaded.apply(*ev)
    assert _facts(loaded)["calls"] == _facts(ref)["calls"]
    _same(loaded.figures(now), ref.figures(now))
    _same_summaries(loaded, ref, now)


def test_the_column_fold_of_the_scripted_day_gives_the_hand_computed_figures() -> None:
    events = [(e, ts, t, record_from_dict(d)) for e, ts, t, d in scripted_day().events]
    fold = fold_columns(events)
    assert fold._q_arr  # the columnar path, not the fallback
    b = row(queue_report(fold.figures(NOW)), interval_start=T0, queue_id="billing")
    assert (b["offered"], b["answered"], b["answered_in_sl"], b["abandoned"]) == (7, 2, 1, 2)
    assert b["aht"] == pytest.approx(210.0)
    assert _facts(fold) == _facts(fold_events(events))


def test_logs_the_column_fold_does_not_cover_are_folded_event_by_event() -> None:
    s = scripted_day()
    events = [(e, ts, t, record_from_dict(d)) for e, ts, t, d in s.events]
    restart = ("E2", T0 + 1950, "agent.state", record_from_dict({"agent_id": "A1", "version": 1}))
    unversioned = (
        "E1",
        T0 + 1950,
        "agent.state",
        record_from_dict({"agent_id": "A1", "state": "ready"}),
    )
    for extra in (restart, unversioned):
        got = fold_columns([*events, extra])
        ref = fold_events([*events, extra])
        assert _facts(got) == _facts(ref)
        _same(got.figures(T0 + 2000), ref.figures(T0 + 2000))
    assert fold_columns([]).applied == 0


@pytest.mark.parametrize("log", ["plain", "stale and repeated", "two runs"])
def test_load_fold_reads_the_event_log_into_the_same_fold(tmp_path, log: str) -> None:
    """load_fold over a real log, read in several batches: plain, with stale and repeated
    versions (column fold), with two switchboard runs (folded event by event). Either way:
    the event-by-event fold's facts."""
    from store.db import Base, make_engine
    from store.eventlog import LoggedEvent, append_events

    events = random_day(21, 120).events
    if log == "stale and repeated":
        events = _perturbed(events, 21)
    elif log == "two runs":
        cut = len(events) // 2
        events = events[:cut] + [("E99", *e[1:]) for e in events[cut:]]
    engine = make_engine(f"sqlite:///{tmp_path / 'log.db'}")
    Base.metadata.create_all(engine, tables=[Base.metadata.tables["event_log"]])
    append_events(
        engine,
        [
            LoggedEvent(e, i, ts, ty, d.get("agent_id"), d.get("call_id"), d.get("queue"), d)
            for i, (e, ts, ty, d) in enumerate(events, 1)
        ],
    )
    settings = MetricSettings(interval=900)
    loaded = load_fold(engine, T0, None, settings, batch=97)  # several fetch batches
    engine.dispose()
    ref = fold_events([(e, ts, t, record_from_dict(d)) for e, ts, t, d in events], settings)
    assert _facts(loaded) == _facts(ref)
    assert bool(loaded._q_arr) == (log != "two runs")  # which path folded it
    now = events[-1][1] + 2.0
    _same(loaded.figures(now), ref.figures(now))


def test_the_cached_sums_of_older_intervals_follow_late_changes() -> None:
    """summary() keeps the sums of the older intervals; a state entered long ago and left now
    (time added to those intervals), a new agent and a call queued long ago and answered now
    must all show, as in a fold built from scratch."""
    s = Script()
    s.agent(T0, "A1", "ready")
    s.agent(T0, "A2", "not_ready", reason="lunch")
    s.call(T0 + 100, "C1", "billing")
    for k in range(1, 14):  # A0 changes state in every interval: their arrays exist
        s.agent(T0 + 300 * k, "A0", "ready" if k % 2 else "not_ready", reason="x")
    s.events.sort(key=lambda e: e[1])
    live = EventFold(MetricSettings(interval=900))
    for epoch, ts, type_, data in s.events:
        live.apply(epoch, ts, type_, record_from_dict(data))
    live.summary(T0 + 4000, T0)  # the older intervals' sums are cached now
    base = live._base
    more = Script()
    more.agents, more.calls = s.agents, s.calls
    more.agent(T0 + 4100, "A2", "ready")  # lunch since T0: time in four older intervals
    more.ring(T0 + 4200, "C1", "A1")  # queued in the first interval, answered now
    more.answer(T0 + 4210, "C1", "A1")
    more.agent(T0 + 4300, "A3", "ready")  # a new agent
    for i, (epoch, ts, type_, data) in enumerate(more.events):
        live.apply(epoch, ts, type_, record_from_dict(data))
        now = ts + 1
        fresh = fold_of(s.events + more.events[: i + 1], MetricSettings(interval=900))
        a, b = live.summary(now, T0), fresh.summary(now, T0)
        for name in ("queue_today", "tiers"):
            pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name))
        pd.testing.assert_frame_equal(a.agent_today.sort_index(), b.agent_today.sort_index())
        pd.testing.assert_frame_equal(a.series[TOTAL], b.series[TOTAL])
        if i == 0:  # the lunch time went into the cached sums, not a recomputation
            assert live._base is base
    assert live.summary(T0 + 4400, T0).agent_today.loc["A2", "not_ready_time"] == 4100
