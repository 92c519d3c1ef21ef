"""A ringing call gets attention as ``pop_mode`` says; a wrap-up saves itself when its time is up.

Real desktop, real switchboard on loopback, real seeded replica, offscreen.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
from PySide6.QtWidgets import QSystemTrayIcon
from sqlalchemy import text

from store.db import make_engine
from tests.desktop.conftest import TEST_RULES, WAIT_MS, DeskEnv


@pytest.mark.parametrize("mode", ["raise", "tray", "both"])
def test_pop_mode_does_what_it_says(desk_env: Any, qtbot: Any, mode: str) -> None:
    desk = desk_env.desk(settings={"pop_mode": mode})
    w = desk.window
    w.showMinimized()
    qtbot.waitUntil(w.isMinimized, timeout=WAIT_MS)
    with qtbot.waitSignal(w.popped, timeout=WAIT_MS) as popped:
        desk_env.call(desk_env.seeded.known_phone)
    done = popped.args[0]
    tray = QSystemTrayIcon.isSystemTrayAvailable()
    if mode == "raise":
        assert done == ["raise"]
    elif mode == "tray":
        # the window is left where the agent put it; without a system tray (offscreen) the
        # taskbar entry flashes instead
        assert done == (["tray"] if tray else ["alert"])
    else:
        assert done == (["raise", "tray"] if tray else ["raise"])
    assert w.isMinimized() == (mode == "tray")
    if "tray" in done:
        assert w.tray is not None and w.tray.isVisible()
    assert w.banner.ringing


def _interaction(url: str, call_id: str) -> tuple[str, str] | None:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            row = conn.execute(
                text("SELECT disposition, notes FROM interactions WHERE call_id = :c"),
                {"c": call_id},
            ).first()
            return None if row is None else (row[0], row[1])
    finally:
        engine.dispose()


@pytest.fixture
def long_wrapup_env(
    qtbot: Any, tmp_path: Any, seeded_store: Any, switchboard_factory: Any, bus_client_factory: Any
) -> Any:
    """Rules with a 10-minute wrap-up: the switchboard waits for the desk, whose clock we drive."""
    rules = TEST_RULES.replace("wrap_up: 0", "wrap_up: 600")
    env = DeskEnv(qtbot, tmp_path, seeded_store, switchboard_factory, bus_client_factory, rules)
    try:
        yield env
    finally:
        env.close()


def _to_wrapup(env: Any, qtbot: Any, offset: list[float]) -> tuple[Any, str]:
    """A desk in wrap-up whose clock then stands still at the wrap-up's start (plus
    ``offset[0]``): however long the machine took to get here, the countdown starts full."""
    start: list[float | None] = [None]
    desk = env.desk(clock=lambda: (time.time() if start[0] is None else start[0]) + offset[0])
    w, c = desk.window, desk.controller
    with qtbot.waitSignal(c.cardShown, timeout=WAIT_MS):
        call_id = env.call(env.seeded.known_phone)
    w.banner.answer.click()
    qtbot.waitUntil(lambda: w.controls.hangup.isEnabled(), timeout=WAIT_MS)
    w.controls.hangup.click()
    qtbot.waitUntil(lambda: w.wrapup.isVisible(), timeout=WAIT_MS)
    assert c.agent["state"] == "wrap_up"
    start[0] = float(c.agent["since"])  # when the switchboard put the agent in wrap-up
    return desk, call_id


def test_wrapup_saves_itself_when_its_time_runs_out(long_wrapup_env: Any, qtbot: Any) -> None:
    env = long_wrapup_env
    offset = [0.0]
    desk, call_id = _to_wrapup(env, qtbot, offset)
    w, c = desk.window, desk.controller
    c.tick()
    assert w.wrapup.countdown.text() == "10:00 left"
    w.wrapup.disposition.setCurrentIndex(w.wrapup.disposition.findData("resolved"))
    w.wrapup.notes.setPlainText("router reset, works again")
    offset[0] = 300.0
    c.tick()
    assert w.wrapup.isVisible() and w.wrapup.countdown.text().startswith("05:")
    assert env.agent_truth()["state"] == "wrap_up"
    offset[0] = 601.0  # the countdown runs out: what was typed is saved and sent
    with qtbot.waitSignal(c.wrapUpSaved, timeout=WAIT_MS):
        c.tick()
    assert w.wrapup.countdown.text() == "00:00 left"
    qtbot.waitUntil(lambda: not w.wrapup.isVisible(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: env.agent_truth()["state"] == "ready", timeout=WAIT_MS)
    assert _interaction(env.local_url, call_id) == ("resolved", "router reset, works again")
    assert desk.local_state.drafts() == []


def test_wrapup_without_disposition_waits_and_keeps_the_text(
    long_wrapup_env: Any, qtbot: Any
) -> None:
    env = long_wrapup_env
    offset = [0.0]
    desk, call_id = _to_wrapup(env, qtbot, offset)
    w, c = desk.window, desk.controller
    w.wrapup.notes.setPlainText("caller cut off mid-sentence")
    offset[0] = 601.0
    with qtbot.waitSignal(w.wrapup.expired, timeout=WAIT_MS):
        c.tick()
    assert w.wrapup.isVisible()
    assert "choose a disposition" in w.wrapup.error.text()
    assert _interaction(env.local_url, call_id) is None
    assert desk.local_state.drafts()[0]["values"]["notes"] == "caller cut off mid-sentence"
    assert env.agent_truth()["state"] == "wrap_up"
    # the agent picks one and saves: nothing was lost
    w.wrapup.disposition.setCurrentIndex(w.wrapup.disposition.findData("no_action"))
    with qtbot.waitSignal(c.wrapUpSaved, timeout=WAIT_MS):
        w.wrapup.save.click()
    qtbot.waitUntil(lambda: env.agent_truth()["state"] == "ready", timeout=WAIT_MS)
    assert _interaction(env.local_url, call_id) == ("no_action", "caller cut off mid-sentence")
