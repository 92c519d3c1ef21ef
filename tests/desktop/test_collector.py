"""The garbage collector held off while a call pops, and back on (and collecting) after it."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from typing import Any

import pytest

from desktop.collector import CollectorHold
from tests.desktop.conftest import WAIT_MS


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    assert gc.isenabled()
    yield
    gc.enable()


def _garbage_cycle() -> weakref.ref[_Node]:
    node = _Node()
    return weakref.ref(node)  # the node is unreachable now, but alive (its cycle)


def test_hold_then_release_collects_what_the_hold_left(qtbot: Any) -> None:
    hold = CollectorHold()
    hold.hold()
    assert hold.held and not gc.isenabled()
    dead = _garbage_cycle()
    for _ in range(5000):  # far past gen0's threshold: no automatic collection while held
        _garbage_cycle()
    assert dead() is not None
    hold.release_soon()
    assert not gc.isenabled()  # not at once: after the pop's paint
    qtbot.waitUntil(gc.isenabled, timeout=WAIT_MS)
    assert not hold.held and hold.releases == 1
    assert dead() is None  # collected at the release, not left for the next call's pop


def test_release_runs_an_older_generation_when_due(qtbot: Any) -> None:
    hold = CollectorHold()
    generations: list[int] = []

    def seen(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            generations.append(int(info["generation"]))

    gc.callbacks.append(seen)
    try:
        for _ in range(gc.get_threshold()[1] + 2):
            hold.hold()
            for _ in range(gc.get_threshold()[0] + 10):  # a collection comes due
                _garbage_cycle()
            hold.release()
    finally:
        gc.callbacks.remove(seen)
    # releases alone (no automatic collection in between) still reach generation 1
    assert 0 in generations and 1 in generations


def test_no_release_while_a_newer_offer_waits_for_its_card() -> None:
    hold = CollectorHold()
    hold.hold()  # call 1 offered
    hold.release_soon()  # its card shown: the release is armed
    hold.hold()  # call 2 offered before the release ran
    hold._release_when_quiet()  # the armed release comes due: call 2's pop is under way
    assert hold.held and not gc.isenabled()
    hold.release_soon()  # call 2's card shown
    hold._release_when_quiet()
    assert not hold.held and gc.isenabled() and hold.releases == 1


def test_a_hold_never_outlasts_its_limit() -> None:
    now = [100.0]
    hold = CollectorHold(max_hold=3.0, monotonic=lambda: now[0])
    hold.hold()
    now[0] += 2.0
    hold.check()
    assert hold.held and not gc.isenabled()
    now[0] += 1.5
    hold.check()
    assert not hold.held and gc.isenabled()
    assert hold.expired == 1


def test_a_collector_already_off_is_left_off() -> None:
    hold = CollectorHold()
    gc.disable()
    hold.hold()
    assert not hold.held
    hold.release()
    assert not gc.isenabled()


def test_freeze_once_and_close_thaws() -> None:
    hold = CollectorHold()
    hold.freeze()
    assert hold.frozen and gc.get_freeze_count() > 0
    hold.freeze()  # once
    hold.hold()
    hold.close()
    assert not hold.frozen and not hold.held and gc.isenabled()
    assert gc.get_freeze_count() == 0
