"""The agent desktop's composition root: build the parts, wire every signal in one place.

``DesktopApp`` owns the window (pure views), the bus bridge (one QThread with the sockets), the
task manager (store work off the GUI thread), the store service and the controller, and connects
them in ``_connect_signals`` (qutebrowser's ``MainWindow._connect_signals`` style), so nothing
else in the desktop knows who listens to whom. ``run`` is the handler of ``agentdesk desktop``.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

import agentdesk
from agentdesk.config import Settings, user_config_path, user_data_dir
from agentdesk.errors import AgentdeskError
from agentdesk.resources import resource_path
from desktop.bus_bridge import BusBridge
from desktop.collector import CollectorHold
from desktop.controller import DeskController
from desktop.i18n import install_translators
from desktop.localstate import LocalState
from desktop.store_service import StoreService
from desktop.tasks import TaskManager
from desktop.themes import apply_theme
from desktop.widgets.common import clear_label_cache
from desktop.widgets.main_window import MainWindow
from telephony.security import client_curve_from_settings

log = logging.getLogger(__name__)


def rules_timing(path: str) -> tuple[float, float]:
    """``(ring_timeout, wrap_up)`` from the rules file (contract defaults when none)."""
    if not path:
        return 15.0, 30.0
    try:
        from telephony.rules import load_rules

        rules = load_rules(path)
        return float(rules.defaults.ring_timeout), float(rules.defaults.wrap_up)
    except Exception as exc:  # the switchboard reports bad rules; the desk keeps defaults
        log.warning("cannot read rules %s: %s", path, exc)
        return 15.0, 30.0


def data_dir_for(store_url: str) -> Path:
    """Where the desk keeps drafts and picks: beside a SQLite replica, else the user data dir."""
    if store_url.startswith("sqlite:///") and ":memory:" not in store_url:
        return Path(store_url[len("sqlite:///") :]).expanduser().resolve().parent / "desk"
    return user_data_dir() / "desk"


class DesktopApp:
    def __init__(
        self,
        settings: Settings,
        *,
        agent_id: str,
        store_url: str,
        central_url: str = "",
        data_dir: Path | None = None,
        auto_ready: bool = False,
        clock: Callable[[], float] = time.time,
        heartbeat_timeout: float = 3.0,
        request_timeout: float = 5.0,
    ) -> None:
        self.settings = settings
        self.agent_id = agent_id
        ring, wrap = rules_timing(str(settings["rules"] or ""))
        # the version is filled in by ``start`` from a worker (importlib.metadata is slow)
        self.window = MainWindow("")
        self.window.pop_mode = str(settings["pop_mode"])
        self.window.state.set_reasons(list(settings["not_ready_reasons"]))
        self.tasks = TaskManager()
        self.store = StoreService(store_url, central_url, str(settings["default_region"]))
        self.local_state = LocalState(data_dir or data_dir_for(store_url))
        self.bus = BusBridge(
            str(settings["commands_endpoint"]),
            str(settings["events_endpoint"]),
            agent_id,
            heartbeat_timeout=heartbeat_timeout,
            request_timeout=request_timeout,
            # the secured bus (README "Secured bus"): this desk's own key pair, if configured
            curve=client_curve_from_settings(settings),
        )
        self.controller = DeskController(
            agent_id=agent_id,
            window=self.window,
            bus=self.bus,
            store=self.store,
            tasks=self.tasks,
            local_state=self.local_state,
            settings=settings,
            ring_timeout=ring,
            wrap_up_time=wrap,
            auto_ready=auto_ready,
            clock=clock,
        )
        #: Python's garbage collector held off while a call pops (``desktop.collector``)
        self.collector = CollectorHold()
        #: what reading the replica into the OS cache did (``store.os_cache.Warmed``), once done
        self.os_cache: Any = None
        self.tick_timer = QTimer()
        self.tick_timer.setInterval(250)
        self.sync_timer = QTimer()
        self.sync_timer.setInterval(int(float(settings["sync_interval"]) * 1000))
        self._connect_signals()
        self._closed = False

    def _release_held(self, *_: object) -> None:
        QTimer.singleShot(0, self.bus.release_held)

    def _connect_signals(self) -> None:
        """Every connection between the parts, in one place."""
        w, c, bus = self.window, self.controller, self.bus
        # bus -> controller
        bus.connectionChanged.connect(c.on_connection)
        bus.snapshotReceived.connect(c.on_snapshot)
        bus.eventReceived.connect(c.on_event)
        bus.replyReceived.connect(c.on_reply)
        bus.cardPrefetched.connect(c.on_card_prefetched)
        bus.prefetch = c.prefetch_card
        # no garbage collection between reading call.offered and the card painted
        bus.on_offer = self.collector.hold
        c.cardShown.connect(self.collector.release_soon)
        # this agent's events held back by the bus thread while the card popped: once painted
        # (a queued call: after the paint the pop posted)
        c.cardShown.connect(self._release_held)
        self.tick_timer.timeout.connect(self.collector.check)
        # ringing banner and call controls -> commands
        w.banner.answerClicked.connect(c.answer)
        w.banner.rejectClicked.connect(c.reject)
        w.controls.holdClicked.connect(c.hold)
        w.controls.resumeClicked.connect(c.resume)
        w.controls.transferClicked.connect(c.open_transfer)
        w.controls.hangupClicked.connect(c.hangup)
        w.transfer.chosen.connect(c.transfer_to)
        # agent state
        w.state.readyRequested.connect(c.set_ready)
        w.state.notReadyRequested.connect(c.set_not_ready)
        w.state.loginRequested.connect(c.login)
        w.state.logoutRequested.connect(c.logout)
        # card, chooser, quick-create, search
        w.chooser.picked.connect(c.pick_candidate)
        w.create.createRequested.connect(c.create_customer)
        w.search.searchRequested.connect(c.search)
        w.search.customerActivated.connect(c.show_customer)
        # wrap-up
        w.wrapup.draftChanged.connect(c.save_draft)
        w.wrapup.submitted.connect(c.submit_wrapup)
        w.wrapup.expired.connect(c.wrapup_expired)
        # view
        w.themeRequested.connect(self.set_theme)
        # timers
        self.tick_timer.timeout.connect(c.tick)
        self.sync_timer.timeout.connect(c.sync_now)

    def set_theme(self, theme: str) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            applied = apply_theme(app, theme)
            self.window.set_theme_checked(applied)

    def start(self, show: bool = True) -> None:
        self.window.set_theme_checked(str(QApplication.instance().property("agentdeskTheme")))
        self.window.set_agent_label(self.agent_id)
        self.window.status.set_connection("reconnecting")
        self.window.set_connected(False)
        self.bus.start()
        self.tasks.run(self.store.warm_up, lambda _r: self._freeze_collector())
        # the replica's file into the OS cache, once start-up is over (store.os_cache)
        QTimer.singleShot(int(OS_CACHE_DELAY * 1000), self._warm_os_cache)
        # the version for the About box, off the GUI thread (importlib.metadata is slow to import)
        self.tasks.run(lambda: str(agentdesk.__version__), self._set_version)
        self.tick_timer.start()
        self.controller.load_sync_status()
        self.controller.sync_now()
        if self.store.has_central:
            self.sync_timer.start()
        self.controller.restore_drafts()
        if show:
            self.window.show()

    def _warm_os_cache(self) -> None:
        def done(result: Any) -> None:
            self.os_cache = result
            log.info("replica read into the OS cache: %s", result)

        def failed(exc: BaseException) -> None:
            self.os_cache = exc
            log.warning("could not read the replica into the OS cache: %s", exc)

        self.tasks.run(self.store.warm_os_cache, done, failed)

    def _freeze_collector(self) -> None:
        """Once the store is loaded: what start-up made is kept out of later collections
        (``CollectorHold.freeze``); not while a call is live (a full collection, ~50-90 ms)."""
        if self._closed or self.collector.frozen:
            return
        if self.controller.call is not None or self.collector.held:
            QTimer.singleShot(1000, self._freeze_collector)
            return
        self.collector.freeze()

    def _set_version(self, version: str) -> None:
        self.window.version = version
        app = QApplication.instance()
        if app is not None:
            app.setApplicationVersion(version)

    def shutdown(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.tick_timer.stop()
        self.sync_timer.stop()
        self.bus.stop()
        self.collector.close()
        self.tasks.shutdown()
        self.store.close()
        self.window.wrapup.hide()
        self.window.transfer.hide()
        self.window.hide()
        self.window.deleteLater()
        self.tasks.deleteLater()
        self.bus.deleteLater()


#: seconds after start before the replica's file is read into the OS cache (after start-up's
#: own work; calls that pop before then read the replica as it is)
OS_CACHE_DELAY = 5.0

#: GIL switch interval: the GUI thread must get the interpreter back within ~1 ms when the bus
#: thread or a worker is busy in Python (the default 5 ms would show in the pop's latency).
SWITCH_INTERVAL = 0.001


def make_qapp(
    settings: Settings, argv: list[str] | None = None, *, native_dialogs: bool = True
) -> QApplication:
    """The application, themed and translated. ``native_dialogs=False`` (the agent desktop
    alone in its process) runs Qt's own event loop instead of GLib's, unless ``QT_NO_GLIB`` is
    set already: every wake-up of the GUI thread (each bus signal of a pop) costs less, about
    0.5 ms of the pop's GUI-thread time here. GLib's loop is needed by GTK's native file, colour
    and font dialogs, which the agent desktop does not use; the supervisor console (its export
    dialog) keeps it."""
    sys.setswitchinterval(SWITCH_INTERVAL)
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        if not native_dialogs:
            os.environ.setdefault("QT_NO_GLIB", "1")
        app = QApplication(argv or [sys.argv[0]])
    app.setApplicationName("Agentdesk")
    app.setOrganizationName("Agentdesk")
    icon = resource_path("icons", "agentdesk.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    app._agentdesk_translators = install_translators(app, str(settings["language"] or ""))  # type: ignore[attr-defined]
    apply_theme(app, str(settings["theme"]))
    return app


def dispose_qapp(app: QApplication) -> None:
    """Close every window and delete what our code parented to the application before the
    interpreter exits (PySide6 6.12 crashes in ``none_dealloc`` at exit when widgets are left
    alive).

    ``deleteLater()`` outside a running event loop (``app.exec()`` has returned) waits for a loop
    that never comes, and ``processEvents()`` does not run it: the deletions are carried out
    here. The application's children that Qt made (event dispatcher, session manager, style,
    gesture manager, input devices) are Qt's: deleting them crashes the interpreter at exit."""
    for w in app.topLevelWidgets():
        if w.parent() is None:  # dialogs and menus go with their window
            w.hide()
            w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for child in app.children():
        if shiboken6.createdByPython(child):  # ours: translators, ...
            if isinstance(child, QTranslator):
                app.removeTranslator(child)
            child.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    clear_label_cache()
    gc.collect()


def open_supervisor(settings: Settings, args: argparse.Namespace) -> Any:
    """The supervisor console, when the supervisor helper's package is present (lazy import)."""
    try:
        import importlib

        mod = importlib.import_module("desktop.supervisor")
    except ModuleNotFoundError as exc:
        raise AgentdeskError("the supervisor console is not available in this build") from exc
    opener = getattr(mod, "open_console", None) or getattr(mod, "run_console", None)
    if opener is None:
        raise AgentdeskError("the supervisor console is not available in this build")
    return opener(settings, args)


def remember_agent_id(agent_id: str, path: Path | None = None) -> Path:
    """Write ``agent_id = "..."`` into the user's ``agentdesk.toml`` (other lines kept as they
    are; an existing ``agent_id`` line is replaced, else the key goes first, before any table)."""
    path = path or user_config_path()
    lines = path.read_text("utf-8").splitlines() if path.is_file() else []
    entry = f'agent_id = "{agent_id}"'
    for i, line in enumerate(lines):
        if re.match(r"\s*\[", line):
            break
        if re.match(r"\s*agent_id\s*=", line):
            lines[i] = entry
            break
    else:
        lines.insert(0, entry)
    if entry not in lines:
        lines.insert(0, entry)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text("\n".join(lines) + "\n", "utf-8")
    tmp.replace(path)
    return path


def ask_agent_id(parent: Any = None) -> str | None:
    """The log-in dialog (no agent id configured): the id typed, remembered in the user config
    when the agent ticks "remember"; ``None`` when cancelled."""
    from PySide6.QtWidgets import QDialog

    from desktop.widgets.login_dialog import LoginDialog

    dlg = LoginDialog(parent)
    try:
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return None
        agent_id = dlg.agent_id()
        if dlg.remember.isChecked():
            try:
                remember_agent_id(agent_id)
            except OSError as exc:  # the session goes on; the next start asks again
                log.warning("cannot remember the agent id: %s", exc)
        return agent_id
    finally:
        dlg.deleteLater()


def run(args: argparse.Namespace, settings: Settings) -> int:
    agent_id = getattr(args, "agent", None) or str(settings["agent_id"] or "")
    supervisor = bool(getattr(args, "supervisor", False))
    store_url = getattr(args, "store", None) or settings.store_url
    central_url = getattr(args, "central", None) or str(settings["central_url"] or "")
    app = make_qapp(settings, native_dialogs=supervisor)
    desk: DesktopApp | None = None
    console = None
    quit_after = getattr(args, "quit_after", None)
    if quit_after:

        def quit_now() -> None:
            modal = QApplication.activeModalWidget()
            if modal is not None:  # the log-in dialog's own loop
                modal.close()
            app.quit()

        QTimer.singleShot(int(float(quit_after) * 1000), quit_now)
    try:
        if not agent_id and not supervisor:
            agent_id = ask_agent_id() or ""
            if not agent_id:
                return 0  # the agent cancelled the log-in
        if agent_id:
            desk = DesktopApp(
                settings, agent_id=agent_id, store_url=store_url, central_url=central_url
            )
            desk.start()
        if supervisor:
            console = open_supervisor(settings, args)
        if desk is not None:
            desk.window.closing.connect(app.quit)
        app.exec()
    finally:
        if console is not None and hasattr(console, "shutdown"):
            console.shutdown()
        if desk is not None:
            desk.shutdown()
        dispose_qapp(app)
    return 0
