"""A scripted day through a real switchboard (raw pyzmq commands, a real event log, a driven
clock): the console's live figures, a from-scratch recomputation over the event log and the
hand-computed values agree; the supervisor forces an agent's state over the bus."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from typing import Any

import pandas as pd
import pytest
import zmq
from PySide6.QtCore import Qt

from agentdesk.config import load_settings
from desktop.supervisor.console import SupervisorConsole, open_console
from desktop.supervisor.models import KEY_ROLE
from desktop.supervisor.worker import day_start
from store.db import make_engine
from telephony.metrics import MetricSettings, agent_report, load_fold, queue_report
from telephony.routing import ManualClock
from telephony.rules import parse_rules
from tests.desktop.conftest import WAIT_MS

T0 = 1_800_000_000.0  # aligned to the 30-minute intervals

RULES = """\
version: 1
defaults:
  ring_timeout: 15
  wrap_up: 0
  max_no_answer: 2
  service_level: {threshold: 20, target: 0.8, short_abandon: 5}
queues:
  billing: {}
  vip: {}
rules:
  - name: vip menu
    when: {ivr.menu: "9"}
    steps:
      - {queue: vip}
fallback: {queue: billing}
"""


class Raw:
    """A bare DEALER speaking CONTRACT 2 frames."""

    def __init__(self, endpoint: str) -> None:
        self.sock = zmq.Context.instance().socket(zmq.DEALER)
        self.sock.setsockopt(zmq.LINGER, 0)
        self.sock.setsockopt(zmq.RCVTIMEO, WAIT_MS)
        self.sock.connect(endpoint)
        self.ids = itertools.count(1)

    def __call__(self, cmd: str, **args: Any) -> dict[str, Any]:
        rid = f"t{next(self.ids)}"
        self.sock.send(json.dumps({"v": 1, "id": rid, "cmd": cmd, **args}).encode())
        reply = json.loads(self.sock.recv())
        assert reply["id"] == rid
        assert reply["ok"], reply
        if cmd != "ping":
            # the switchboard replies, then publishes: a ping answered means the events of this
            # command are out, stamped before the test moves the driven clock on
            self("ping")
        return reply["result"]

    def close(self) -> None:
        self.sock.close(0)


@pytest.fixture
def day(switchboard_factory, fresh_sqlite_url: str) -> Iterator[tuple[Any, Raw, ManualClock, str]]:
    clock = ManualClock(T0)
    sb = switchboard_factory(
        rules=parse_rules(RULES, "<day>"), store_url=fresh_sqlite_url, clock=clock
    )
    raw = Raw(sb.commands)
    yield sb, raw, clock, fresh_sqlite_url
    raw.close()


def at(clock: ManualClock, t: float) -> None:
    clock.advance(T0 + t - clock.time())


def first_half(raw: Raw, clock: ManualClock) -> dict[str, str]:
    for a in ("A1", "A2"):
        raw("agent.login", agent_id=a, name=f"Agent {a}", queues=["billing", "vip"], skills={})
    at(clock, 5)
    raw("agent.state", agent_id="A1", state="ready")
    calls = {}
    at(clock, 10)
    calls["C1"] = raw("ivr.call", ani="+8613800138001", external_id="C1")["call_id"]
    at(clock, 24)
    raw("call.answer", agent_id="A1", call_id=calls["C1"])  # waited 14 s
    at(clock, 30)
    calls["C2"] = raw("ivr.call", ani="+8613800138002")["call_id"]
    at(clock, 33)
    raw("ivr.hangup", call_id=calls["C2"])  # short abandon (3 s)
    at(clock, 40)
    calls["C3"] = raw("ivr.call", ani="+8613800138003")["call_id"]
    at(clock, 70)
    raw("ivr.hangup", call_id=calls["C3"])  # abandoned after 30 s
    at(clock, 100)
    calls["C4"] = raw("ivr.call", ani="+8613800138004")["call_id"]
    at(clock, 115)
    raw("ivr.hangup", call_id=calls["C4"])  # abandoned within the threshold (15 s)
    return calls


def second_half(raw: Raw, clock: ManualClock, calls: dict[str, str]) -> None:
    at(clock, 120)
    raw("call.hold", agent_id="A1", call_id=calls["C1"])
    at(clock, 150)
    raw("call.resume", agent_id="A1", call_id=calls["C1"])
    at(clock, 200)
    calls["C5"] = raw("ivr.call", ani="+8613800138005")["call_id"]
    at(clock, 205)
    raw("call.hangup", agent_id="A1", call_id=calls["C1"])  # talk 96 + 55, hold 30
    at(clock, 235)
    raw("call.wrapup", agent_id="A1", call_id=calls["C1"], disposition="resolved")  # wrap 30
    at(clock, 240)
    raw("call.answer", agent_id="A1", call_id=calls["C5"])  # waited 40 s
    at(clock, 1000)
    calls["C8"] = raw("ivr.call", ani="+8613800138008", ivr={"menu": "9"})["call_id"]
    at(clock, 1700)
    calls["C7"] = raw("ivr.call", ani="+8613800138007")["call_id"]
    at(clock, 1900)
    raw("ivr.hangup", call_id=calls["C5"])  # the caller ends C5: talk 1660
    at(clock, 1910)
    raw(
        "call.wrapup",
        agent_id="A1",
        call_id=calls["C5"],
        disposition="resolved",
        next_state="not_ready",
    )  # wrap 10
    at(clock, 1950)


def recomputed(url: str, now: float):
    engine = make_engine(url)
    try:
        return load_fold(engine, day_start(now), None, MetricSettings()).figures(
            now, since=day_start(now)
        )
    finally:
        engine.dispose()


def recomputed_summary(url: str, now: float):
    engine = make_engine(url)
    try:
        fold = load_fold(engine, day_start(now), None, MetricSettings())
    finally:
        engine.dispose()
    return fold.summary(now, day_start(now))


def same_summary(a, b) -> bool:
    try:
        for x, y in (
            (a.queue_today, b.queue_today),
            (a.agent_today, b.agent_today),
            (a.tiers, b.tiers),
        ):
            pd.testing.assert_frame_equal(x.sort_index(), y.sort_index(), check_dtype=False)
    except AssertionError:
        return False
    return True


def same(live, fresh) -> bool:
    try:
        pd.testing.assert_frame_equal(queue_report(live), queue_report(fresh), check_dtype=False)
        pd.testing.assert_frame_equal(agent_report(live), agent_report(fresh), check_dtype=False)
    except AssertionError:
        return False
    return True


def cell(win: SupervisorConsole, key: str, header: str, agents: bool = False) -> str:
    proxy = win.agent_model if agents else win.queue_model
    cols = [proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(proxy.columnCount())]
    for r in range(proxy.rowCount()):
        if proxy.data(proxy.index(r, 0), KEY_ROLE) == key:
            return str(proxy.data(proxy.index(r, cols.index(header))))
    raise KeyError(key)


@pytest.mark.slow
def test_scripted_day_live_equals_recomputed_equals_hand_computed(qtbot, day) -> None:
    sb, raw, clock, url = day
    calls = first_half(raw, clock)
    n_first = sb.switchboard.seq
    # the first half is in the log before the console starts: it comes from history
    qtbot.waitUntil(lambda: sb.switchboard.writer.written >= 10, timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: recomputed(url, clock.time()).queues["offered"].sum() == 4, timeout=WAIT_MS
    )
    win = open_console(
        load_settings(),
        store_url=url,
        commands=sb.commands,
        events=sb.events,
        clock=clock.time,
        supervisor_id="sup-1",
    )
    qtbot.addWidget(win)
    try:
        with qtbot.waitSignal(win.historyLoaded, timeout=WAIT_MS) as sig:
            pass
        assert sig.args[0] >= 10
        # wait until the console's subscription is live: probe with harmless reason changes
        probe = itertools.count()

        def subscribed() -> bool:
            reason = f"probe{next(probe)}"
            raw("agent.state", agent_id="A2", state="not_ready", reason=reason)
            qtbot.wait(150)
            try:
                return cell(win, "A2", "Reason", agents=True).startswith("probe")
            except KeyError:
                return False

        qtbot.waitUntil(subscribed, timeout=WAIT_MS)
        assert sb.switchboard.seq > n_first
        second_half(raw, clock, calls)
        now = clock.time()

        def agreed() -> bool:
            live = win.worker.last_summary
            return (
                live is not None
                and live.now == now
                and int(live.queue_today.loc["billing", "offered"]) == 6
                and same_summary(live, recomputed_summary(url, now))
            )

        qtbot.waitUntil(agreed, timeout=WAIT_MS)
        live = win.worker.last_summary
        assert live is not None
        # today's figures as the console shows them, live and recomputed from the log
        for summ in (live, recomputed_summary(url, now)):
            b = summ.queue_today.loc["billing"]
            assert (b.offered, b.answered, b.answered_in_sl) == (6, 2, 1)
            assert (b.abandoned, b.abandoned_in_sl, b.short_abandoned, b.waiting) == (2, 1, 1, 1)
            assert b.service_level == pytest.approx(1 / 3)
            assert b.asa == pytest.approx(27.0)  # (14 + 40) / 2
            assert b.aht == pytest.approx((211.0 + 1670.0) / 2)
            a1 = summ.agent_today.loc["A1"]
            assert (a1.handled, a1.talk_time, a1.hold_time, a1.wrap_time) == (2, 1811, 30, 40)
            assert a1.not_ready_time == pytest.approx(5 + 40)
        # the per-interval report recomputed from the log
        fresh = recomputed(url, now)
        q = queue_report(fresh).set_index(["interval_start", "queue_id"])
        b = q.loc[(T0, "billing")]
        assert (b.offered, b.answered, b.answered_in_sl) == (6, 2, 1)
        assert (b.abandoned, b.abandoned_in_sl, b.short_abandoned, b.callbacks) == (2, 1, 1, 0)
        assert b.service_level == pytest.approx(1 / 3)
        assert b.asa == pytest.approx(27.0)
        assert b.aht == pytest.approx(211.0)  # C1: 151 talk + 30 hold + 30 wrap-up
        assert b.abandon_rate == pytest.approx(0.5)
        assert q.loc[(T0 + 1800, "billing")].aht == pytest.approx(1670.0)
        v = q.loc[(T0, "vip")]
        assert (v.offered, v.answered) == (1, 0)
        a = agent_report(fresh).set_index(["interval_start", "agent_id"])
        a1 = a.loc[(T0, "A1")]
        assert (a1.handled, a1.talk_time, a1.hold_time, a1.wrap_time) == (1, 151, 30, 30)
        assert a1.occupancy == pytest.approx((181 + 30 + 1560) / (181 + 30 + 1560 + 5 + 14 + 5))
        a1b = a.loc[(T0 + 1800, "A1")]
        assert a1b.handled == 1 and a1b.aht == pytest.approx(1670.0)
        assert a1b.not_ready_time == pytest.approx(40.0)
        # what the supervisor sees
        qtbot.waitUntil(lambda: cell(win, "billing", "Waiting") == "1", timeout=WAIT_MS)
        assert cell(win, "billing", "Offered") == "6"
        assert cell(win, "billing", "SL (today)") == "33.3%"
        assert cell(win, "billing", "Longest wait") == "4:10"  # C7 since T0+1700
        qtbot.waitUntil(
            lambda: cell(win, "A1", "State", agents=True) == "Not ready", timeout=WAIT_MS
        )
        assert cell(win, "A1", "Reason", agents=True) == "after_call_work"
        # supervisor action: force A2 ready -> C7 rings at A2 (vip C8 too: longest waiting)
        with qtbot.waitSignal(win.actionFinished, timeout=WAIT_MS) as act:
            win.force_state("A2", "ready", None)
        assert act.args[:2] == ["A2", True]
        qtbot.waitUntil(lambda: cell(win, "A2", "State", agents=True) == "Ringing", timeout=WAIT_MS)
        engine = make_engine(url)
        try:
            qtbot.waitUntil(lambda: _forced_logged(engine), timeout=WAIT_MS)
        finally:
            engine.dispose()
        # refused actions are reported, not hidden
        with qtbot.waitSignal(win.actionFinished, timeout=WAIT_MS) as act:
            win.force_state("nobody", "ready", None)
        assert act.args[1] is False and "unknown_agent" in act.args[2]
    finally:
        win.shutdown()


def _forced_logged(engine) -> bool:
    from store.eventlog import iter_events

    return any(
        e.type == "agent.state"
        and e.data.get("supervisor_id") == "sup-1"
        and e.data.get("state") == "ready"
        for e in iter_events(engine)
    )
