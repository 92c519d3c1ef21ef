"""Desktop test fixtures: settings, a seeded card, and a full DesktopApp on a real switchboard."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QTranslator
from PySide6.QtWidgets import QApplication

from agentdesk.config import load_settings
from desktop.widgets.common import clear_label_cache

#: how long a test waits for what the user would see (a pop, a state, a reply over the bus or
#: from a database) before failing: generous, as it costs nothing when the thing shows, and a
#: loaded CI machine can hold a thread back for seconds
WAIT_MS = 30_000


def delete_later_now() -> None:
    """Carry out the pending ``deleteLater()`` calls. Posted outside any event loop (fixture
    teardown), they would wait for the next one: ``processEvents()`` does not run them."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(scope="session", autouse=True)
def _qt_teardown() -> Iterator[None]:
    """Close and delete every window, and the QApplication children our code made, before the
    interpreter exits (PySide6 6.12 on Python 3.11 can crash at exit when widgets stay alive;
    see also ``desktop.pin_none_refcount``). Qt's own children of the application (event
    dispatcher, session manager, style, gesture manager, input devices, PySide's trackers) are
    left to Qt: deleting those crashes the interpreter at exit."""
    yield
    app = QApplication.instance()
    if app is not None:
        for w in QApplication.topLevelWidgets():
            if w.parent() is None:  # dialogs and menus go with their window
                w.close()
                w.deleteLater()
        delete_later_now()
        for child in app.children():
            if shiboken6.createdByPython(child):  # ours: the desks' translators, ...
                if isinstance(child, QTranslator):
                    app.removeTranslator(child)
                child.deleteLater()
        delete_later_now()
        clear_label_cache()
        assert QApplication.topLevelWidgets() == []
    gc.collect()


@pytest.fixture
def settings() -> Any:
    return load_settings({}, environ={})


@pytest.fixture
def sample_card() -> dict[str, Any]:
    return {
        "status": "found",
        "customer": {
            "customer_id": "C000042",
            "name": "Wang Xiuying",
            "tier": "platinum",
            "lifecycle": "new",
            "language": "zh",
            "lifetime_value": 12845.5,
            "phones": ["+8613800138000"],
        },
        "purchases": [
            {
                "purchase_id": "P1",
                "product": "Fibre 1000",
                "amount": 399.0,
                "currency": "CNY",
                "purchased_at": "2026-11-10T10:00:00Z",
            }
        ],
        "open_issues": [
            {
                "issue_id": "I7",
                "title": "Router keeps rebooting",
                "status": "pending",
                "priority": "high",
                "opened_at": "2026-11-01T10:00:00Z",
                "owner_agent_id": "A2",
            }
        ],
        "interactions": [
            {
                "interaction_id": "X1",
                "channel": "phone",
                "agent_id": "A3",
                "started_at": "2026-11-12T10:00:00Z",
                "disposition": "follow_up",
            }
        ],
        "candidates": [],
    }


@pytest.fixture
def sample_call() -> dict[str, Any]:
    return {
        "call_id": "c-1",
        "ani": "+8613800138000",
        "queue": "vip",
        "state": "offered",
        "agent_id": "A1",
        "offered_at": 1_795_000_000.0,
        "ivr": {"menu": "2", "intent": "billing_question", "result": "ok", "verified": True},
        "route": {"rule": "vip callers", "step": 1, "reason": "VIP queue, longest idle agent."},
        "version": 3,
    }


TEST_RULES = """\
version: 1
defaults: {ring_timeout: 15, wrap_up: 0, max_no_answer: 5}
tiers: [platinum, gold, silver, standard]
queues:
  general: {}
  billing: {skill: billing}
  tech: {skill: tech}
rules:
  - name: billing menu
    when: {ivr.menu: "2"}
    steps:
      - {queue: general}
fallback: {queue: general}
"""


def copy_store(src_url: str, dst: Any) -> str:
    """A private copy of a SQLite store (WAL folded in first)."""
    import shutil
    from pathlib import Path

    from store.db import make_engine

    engine = make_engine(src_url)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()
    shutil.copyfile(Path(src_url.removeprefix("sqlite:///")), dst)
    return f"sqlite:///{dst}"


class DeskEnv:
    """A real switchboard (on the seeded store), a bus client playing the IVR, and desks."""

    def __init__(
        self,
        qtbot: Any,
        tmp_path: Any,
        seeded: Any,
        sb_factory: Any,
        clients: Any,
        rules: str = TEST_RULES,
        sb_kw: dict[str, Any] | None = None,
        ivr_kw: dict[str, Any] | None = None,
    ):
        self.qtbot = qtbot
        self.tmp = tmp_path
        self.seeded = seeded
        self.sb_factory = sb_factory
        self.rules_path = tmp_path / "rules.yaml"
        self.rules_path.write_text(rules, "utf-8")
        self.sb_store = copy_store(seeded.url, tmp_path / "switchboard.db")
        self.local_url = copy_store(seeded.url, tmp_path / "local.db")
        self.sb = sb_factory(rules=self.rules_path, store_url=self.sb_store, **(sb_kw or {}))
        self.ivr = clients(self.sb, track_state=False, **(ivr_kw or {}))
        self.desks: list[Any] = []
        self.agent_id = seeded.agent_ids[0]

    def settings(self, **extra: Any) -> Any:
        values = {
            "commands_endpoint": self.sb.commands,
            "events_endpoint": self.sb.events,
            "rules": str(self.rules_path),
        }
        values.update(extra)
        return load_settings(values, environ={})

    def desk(
        self,
        *,
        central_url: str = "",
        auto_ready: bool = True,
        before_start: Any = None,
        **kw: Any,
    ) -> Any:
        """A started desk; ``before_start(desk)`` runs first (to connect to its signals before
        anything can be emitted)."""
        from desktop.app import DesktopApp

        desk = DesktopApp(
            self.settings(**kw.pop("settings", {})),
            agent_id=kw.pop("agent_id", self.agent_id),
            store_url=self.local_url,
            central_url=central_url,
            data_dir=self.tmp / "desk",
            auto_ready=auto_ready,
            heartbeat_timeout=kw.pop("heartbeat_timeout", 3.0),
            **kw,
        )
        self.desks.append(desk)
        if before_start is not None:
            before_start(desk)
        desk.start()
        self.qtbot.waitExposed(desk.window)
        if auto_ready:
            self.qtbot.waitUntil(
                lambda: desk.controller.agent.get("state") == "ready", timeout=WAIT_MS
            )
        return desk

    def call(self, ani: str, **kw: Any) -> str:
        args = {
            "ani": ani,
            "ivr": kw.pop(
                "ivr",
                {"menu": "2", "intent": "billing_question", "result": "ok", "verified": True},
            ),
        }
        args.update(kw)
        return str(self.ivr.request("ivr.call", args)["call_id"])

    def truth(self) -> dict[str, Any]:
        """The switchboard's own snapshot (all agents and calls)."""
        return self.ivr.request("snapshot", {"scope": "all"})

    def agent_truth(self) -> dict[str, Any]:
        return next(a for a in self.truth()["agents"] if a["agent_id"] == self.agent_id)

    def close(self) -> None:
        for d in self.desks:
            d.shutdown()  # stops the bus thread and workers, deleteLater()s the window
        self.desks.clear()
        app = QApplication.instance()
        if app is not None:
            app.processEvents()
            delete_later_now()  # the windows are gone before the next test starts


@pytest.fixture
def desk_env(
    qtbot: Any,
    tmp_path: Any,
    seeded_store: Any,
    switchboard_factory: Any,
    bus_client_factory: Any,
) -> Iterator[DeskEnv]:
    env = DeskEnv(qtbot, tmp_path, seeded_store, switchboard_factory, bus_client_factory)
    try:
        yield env
    finally:
        env.close()
