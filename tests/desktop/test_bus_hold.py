"""Events held back by the bus thread while a call pops (``BusBridge.HELD_TYPES``).

The switchboard publishes this agent's ``agent.state`` (reserved) right after ``call.offered``;
the bridge delivers it once the card is painted, and never out of order with anything else.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Slot

from desktop.bus_bridge import BusBridge
from telephony.client import Event, Reply
from telephony.records import to_dict
from tests.desktop.conftest import WAIT_MS


def _event(type_: str, seq: int, **record: Any) -> Event:
    return Event(topic="t", type=type_, epoch="e", seq=seq, ts=float(seq), record=dict(record))


def _bridge(got: list[tuple[Any, ...]]) -> BusBridge:
    """A bridge driven directly from this thread (not started): its signals arrive at once."""
    bus = BusBridge("tcp://127.0.0.1:1", "tcp://127.0.0.1:2", "A1")
    bus.prefetch = lambda rec: {"card_for": rec["call_id"]}
    bus.eventReceived.connect(lambda t, rec, extra, ts: got.append((t, ts)))
    bus.cardPrefetched.connect(lambda call_id, card: got.append(("card", card["card_for"])))
    bus.replyReceived.connect(lambda cmd, *rest: got.append(("reply", cmd)))
    return bus


def test_held_in_order_until_released_or_anything_else_arrives(qtbot: Any) -> None:
    got: list[tuple[Any, ...]] = []
    bus = _bridge(got)
    bus._dispatch(_event("call.offered", 1, call_id="C1", agent_id="A1"))
    bus._dispatch(_event("agent.state", 2, agent_id="A1", state="reserved"))
    bus._dispatch(_event("agent.state", 3, agent_id="A2", state="ready"))
    bus._deliver_held()  # not released yet: still held
    assert got == [("card", "C1"), ("call.offered", 1.0)]
    # a notification of another kind first delivers what is held, then itself
    bus._dispatch(_event("call.ringing", 4, call_id="C1", agent_id="A1"))
    bus._dispatch(Reply(id="r", cmd="agent.state", ok=True))
    assert got[2:] == [
        ("agent.state", 2.0),
        ("agent.state", 3.0),
        ("call.ringing", 4.0),
        ("reply", "agent.state"),
    ]
    # nothing held now: events pass straight on
    bus._dispatch(_event("agent.state", 5, agent_id="A1", state="on_call"))
    assert got[-1] == ("agent.state", 5.0)
    # the next offer holds again; the release (any thread) lets them go, in order
    del got[:]
    bus._dispatch(_event("call.offered", 6, call_id="C2", agent_id="A1"))
    bus._dispatch(_event("agent.state", 7, agent_id="A1", state="reserved"))
    bus._dispatch(_event("agent.state", 8, agent_id="A1", state="not_ready"))
    assert got == [("card", "C2"), ("call.offered", 6.0)]
    bus.release_held()
    bus._deliver_held()
    assert got[2:] == [("agent.state", 7.0), ("agent.state", 8.0)]
    # an offer to another agent holds nothing
    del got[:]
    bus._dispatch(_event("call.offered", 9, call_id="C3", agent_id="A2"))
    bus._dispatch(_event("agent.state", 10, agent_id="A2", state="reserved"))
    assert got == [("call.offered", 9.0), ("agent.state", 10.0)]


def test_a_hold_never_outlasts_max_hold(qtbot: Any) -> None:
    got: list[tuple[Any, ...]] = []
    bus = _bridge(got)
    bus.MAX_HOLD = 0.0  # the card never shown: the next turn of the bus loop delivers them
    bus._dispatch(_event("call.offered", 1, call_id="C1", agent_id="A1"))
    bus._dispatch(_event("agent.state", 2, agent_id="A1", state="reserved"))
    assert got == [("card", "C1"), ("call.offered", 1.0)]
    bus._deliver_held()
    assert got[-1] == ("agent.state", 2.0)


def test_hold_off_passes_everything_at_once(qtbot: Any) -> None:
    got: list[tuple[Any, ...]] = []
    bus = _bridge(got)
    bus.hold_during_pop = False
    bus._dispatch(_event("call.offered", 1, call_id="C1", agent_id="A1"))
    bus._dispatch(_event("agent.state", 2, agent_id="A1", state="reserved"))
    assert got == [("card", "C1"), ("call.offered", 1.0), ("agent.state", 2.0)]


class _Recorder(QObject):
    """Lives in the GUI thread: what the desk's GUI thread receives, and when."""

    def __init__(self) -> None:
        super().__init__()
        self.got: list[tuple[str, Any]] = []

    @Slot(str, object, object, float)
    def on_event(self, type_: str, record: Any, extra: Any, ts: float) -> None:
        self.got.append((type_, record.get("state")))

    @Slot(str, float)
    def on_shown(self, call_id: str, ts: float) -> None:
        # (the desk's own slot handles the offer first: this comes before our copy of it)
        self.got.append(("cardShown", call_id))


def test_reserved_state_reaches_the_desk_after_the_card_in_switchboard_order(
    desk_env: Any, qtbot: Any
) -> None:
    desk = desk_env.desk()
    c, bus = desk.controller, desk.bus
    rec = _Recorder()
    bus.eventReceived.connect(rec.on_event)
    c.cardShown.connect(rec.on_shown)
    while desk_env.ivr.poll(0):  # the watcher (the IVR's client sees every event) from now on
        pass
    with qtbot.waitSignal(c.cardShown, timeout=WAIT_MS):
        call_id = desk_env.call(desk_env.seeded.known_phone)
    qtbot.waitUntil(lambda: ("agent.state", "reserved") in rec.got, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: desk.window.state.button.text() == "Ringing", timeout=WAIT_MS)
    assert c.agent["state"] == "reserved"
    # the card shown (for the offer), then the offer's own delivery, then the held state
    assert rec.got[:3] == [
        ("cardShown", call_id),
        ("call.offered", "offered"),
        ("agent.state", "reserved"),
    ]
    mine = [g for g in rec.got if g[0] in ("call.offered", "agent.state")]
    # the same events in the switchboard's order (seq), as an independent subscriber saw them
    seen: list[Any] = []

    def truth() -> list[tuple[str, Any]]:
        seen.extend(n for n in desk_env.ivr.poll(0) if isinstance(n, Event))
        # (an event goes out once per topic it concerns: this desk's own topic's copies)
        desk_topic = f"desk/{desk_env.agent_id}/"
        recs = [(n.type, to_dict(n.record), n.seq) for n in seen if n.topic == desk_topic]
        return [
            (t, r.get("state"))
            for t, r, _ in sorted(recs, key=lambda x: x[2])
            if (t == "call.offered" and r.get("call_id") == call_id)
            or (t == "agent.state" and r.get("agent_id") == desk_env.agent_id)
        ]

    qtbot.waitUntil(lambda: len(truth()) >= len(mine), timeout=WAIT_MS)
    assert mine == truth()
