"""The desk's behaviour: what the window shows for the switchboard's truth and the store's data.

``DeskController`` holds the agent's and the call's state as the bus reports it (snapshot, then
newer events), asks the store (through ``TaskManager`` workers) for cards, searches and writes,
and drives the pure views of ``MainWindow``. It is wired once, in ``desktop.app``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop.carddiff import card_changes, has_changes
from desktop.localstate import LocalState
from desktop.ranking import rank_candidates
from desktop.store_service import StoreService
from desktop.tasks import TaskManager
from desktop.widgets.common import reason_label
from desktop.widgets.main_window import PAGE_CARD, PAGE_CHOOSER, PAGE_CREATE, PAGE_IDLE, MainWindow

log = logging.getLogger(__name__)

LIVE_CALL_STATES = ("offered", "connected", "held")
#: seconds without a link after which "reconnecting" becomes "offline"
OFFLINE_AFTER = 15.0


class DeskController(QObject):
    #: a card (or chooser / quick-create form) is on screen for this call: (call_id, bus ts)
    cardShown = Signal(str, float)
    #: the central refresh of the card finished: (customer_id, changed?)
    cardRefreshed = Signal(str, bool)
    #: a wrap-up was recorded locally and sent to the switchboard: (call_id)
    wrapUpSaved = Signal(str)
    #: a command failed: (cmd, code, message)
    commandFailed = Signal(str, str, str)
    searchDone = Signal(str, int)
    syncDone = Signal(bool)
    customerCreated = Signal(str)

    def __init__(
        self,
        *,
        agent_id: str,
        window: MainWindow,
        bus: Any,
        store: StoreService,
        tasks: TaskManager,
        local_state: LocalState,
        settings: Any,
        ring_timeout: float = 15.0,
        wrap_up_time: float = 0.0,
        auto_ready: bool = False,
        clock: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(window)
        self.agent_id = agent_id
        self.window = window
        self.bus = bus
        self.store = store
        self.tasks = tasks
        self.local_state = local_state
        self.settings = settings
        self.ring_timeout = ring_timeout
        self.wrap_up_time = wrap_up_time
        self.auto_ready = auto_ready
        self.clock = clock
        self.monotonic = monotonic
        self.dispositions: list[str] = list(settings["dispositions"])
        self.agent: dict[str, Any] = {"agent_id": agent_id, "state": "logged_out"}
        self.call: dict[str, Any] | None = None  # the call ringing/connected/held here
        self.last_call: dict[str, Any] | None = None  # for wrap-up after it ended
        self.card: dict[str, Any] | None = None
        self.card_call_id: str | None = None
        self.connected = False
        self._disconnected_at: float | None = monotonic()
        self._login_sent = False
        self._ready_after_login = auto_ready
        self._wrapup_call_id: str | None = None
        self._pending_wrapups: list[dict[str, Any]] = []
        self._last_sync_ok: float | None = None
        #: when the replica last heard from central (shown as the card's "as of")
        self._as_of: float | None = None
        self._lookup_seq = 0
        self._have_snapshot = False
        self._logged_out_by_user = False
        self._awaiting_prefetch: tuple[int, float, dict[str, Any]] | None = None
        self._early_card: tuple[str, dict[str, Any]] | None = None

    # ======================================================================================
    # bus in
    # ======================================================================================
    def on_connection(self, connected: bool, reason: str) -> None:
        self.connected = connected
        if not connected:
            self._have_snapshot = False
        self._disconnected_at = None if connected else self.monotonic()
        self.window.set_connected(connected)
        self._show_connection()

    def _show_connection(self) -> None:
        if self.connected:
            self.window.status.set_connection("connected")
        elif self._disconnected_at is not None and (
            self.monotonic() - self._disconnected_at > OFFLINE_AFTER
        ):
            self.window.status.set_connection("offline")
        else:
            self.window.status.set_connection("reconnecting")

    def on_snapshot(self, snap: dict[str, Any]) -> None:
        """The switchboard's truth for this agent and call, after a (re)sync."""
        self._have_snapshot = True
        agent = snap.get("agents", {}).get(self.agent_id)
        mine = [
            c
            for c in snap.get("calls", {}).values()
            if c.get("agent_id") == self.agent_id and c.get("state") in LIVE_CALL_STATES
        ]
        if agent is None or agent.get("state") == "logged_out":
            self._apply_agent(agent or {"agent_id": self.agent_id, "state": "logged_out"})
            if not self._login_sent and not self._logged_out_by_user:
                self.login()
        else:
            self._apply_agent(agent)
        call = mine[0] if mine else None
        if call is None and self.call is not None:
            self._call_gone(self.call)
        elif call is not None:
            self._apply_call(call, "snapshot", self.clock())
        self._retry_pending_wrapups()

    def on_event(
        self, type_: str, record: dict[str, Any], extra: dict[str, Any], ts: float
    ) -> None:
        if type_ == "agent.state":
            if record.get("agent_id") == self.agent_id:
                self._apply_agent(record)
            return
        if not type_.startswith("call."):
            return
        mine = record.get("agent_id") == self.agent_id
        current = self.call is not None and self.call.get("call_id") == record.get("call_id")
        if type_ == "call.offered" and mine:
            self._apply_call(record, type_, ts)
        elif current:
            if type_ == "call.revoked":
                reason = extra.get("revoke_reason") or ""
                self._call_gone(record, reason)
            elif record.get("state") in ("ended", "abandoned") or not mine:
                self._call_gone(record)
            else:
                self._apply_call(record, type_, ts)

    # ======================================================================================
    # agent state
    # ======================================================================================
    def _apply_agent(self, agent: dict[str, Any]) -> None:
        prev = self.agent.get("state")
        self.agent = dict(agent)
        state = agent.get("state")
        self.window.state.set_agent(self.agent, self.clock())
        name = agent.get("name") or self.agent_id
        self.window.set_agent_label(f"{name} ({self.agent_id})")
        if state == "wrap_up" and agent.get("call_id"):
            self._open_wrapup(str(agent["call_id"]))
        if prev != state and state == "logged_out":
            self._login_sent = False

    def login(self) -> None:
        self._logged_out_by_user = False
        self._login_sent = True
        self.bus.send("agent.login", {"agent_id": self.agent_id}, tag="login")

    def logout(self) -> None:
        self._logged_out_by_user = True  # no automatic log-in again after a resync
        self.bus.send("agent.logout", {"agent_id": self.agent_id})

    def set_ready(self) -> None:
        self.bus.send("agent.state", {"agent_id": self.agent_id, "state": "ready"})

    def set_not_ready(self, reason: str) -> None:
        self.bus.send(
            "agent.state", {"agent_id": self.agent_id, "state": "not_ready", "reason": reason}
        )

    # ======================================================================================
    # the call
    # ======================================================================================
    def _apply_call(self, call: dict[str, Any], how: str, ts: float) -> None:
        new = self.call is None or self.call.get("call_id") != call.get("call_id")
        self.call = dict(call)
        self.last_call = dict(call)
        now = self.clock()
        w = self.window
        state = call.get("state")
        need_card = new or self.card_call_id != call.get("call_id")
        if state == "offered":
            offered = call.get("offered_at") or now
            deadline = offered + self.ring_timeout if self.ring_timeout else None
            if new or not w.banner.ringing:
                if w.statusBar().currentMessage():
                    w.statusBar().clearMessage()
                w.banner.show_offer(call, deadline, now)
                w.banner.set_enabled(self.connected)
                w.set_ringing(True)
                w.pop(
                    QCoreApplication.translate("DeskController", "Call from %1").replace(
                        "%1", str(call.get("ani") or "?")
                    )
                )
        else:
            w.banner.clear()
            w.set_ringing(False)
        w.controls.set_call(call, now)
        if need_card:
            self._start_card(call, ts, how)
        else:
            w.card.set_call(call, now)

    def _call_gone(self, call: dict[str, Any], revoke_reason: str = "") -> None:
        w = self.window
        was_ringing = w.banner.ringing
        w.banner.clear()
        w.set_ringing(False)
        w.controls.set_call(None, self.clock())
        if call.get("state") in ("ended", "connected", "held"):
            self.last_call = {**(self.last_call or {}), **call}
        self.call = None
        if was_ringing and call.get("state") != "connected":
            if revoke_reason == "ring_timeout":
                msg = QCoreApplication.translate(
                    "DeskController", "Missed call: it rang out and went back to the queue."
                )
            elif revoke_reason == "rejected":
                msg = QCoreApplication.translate(
                    "DeskController", "Call rejected: it went back to the queue."
                )
            else:
                msg = QCoreApplication.translate("DeskController", "The caller hung up.")
            w.statusBar().showMessage(msg, 8000)
            # The last card stays on screen (the banner says no call is waiting): switching
            # pages would cost a relayout on the next pop.
            if self._wrapup_call_id is None:
                self.card_call_id = None
            # An unanswered call takes its chooser, or its quick-create form while nothing was
            # typed in it, with it: back to the last card (or the idle page) now, so the next
            # call pops without a page switch (a switch back made that pop 1-2 ms dearer).
            page = w.current_page()
            if page == PAGE_CHOOSER or (page == PAGE_CREATE and not w.create.typed()):
                w.show_page(PAGE_CARD if w.card.card is not None else PAGE_IDLE)

    def answer(self) -> None:
        if self.call:
            self._call_cmd("call.answer")

    def reject(self) -> None:
        if self.call:
            self._call_cmd("call.reject")

    def hold(self) -> None:
        self._call_cmd("call.hold")

    def resume(self) -> None:
        self._call_cmd("call.resume")

    def hangup(self) -> None:
        self._call_cmd("call.hangup")

    def _call_cmd(self, cmd: str, **extra: Any) -> None:
        if not self.call:
            return
        if cmd in ("call.answer", "call.reject"):
            self.window.banner.set_enabled(False)
        self.bus.send(
            cmd, {"agent_id": self.agent_id, "call_id": self.call["call_id"], **extra}, tag=cmd
        )

    def open_transfer(self) -> None:
        if not self.call:
            return
        self.bus.send("snapshot", {"scope": "all"}, tag="transfer-targets")

    def transfer_to(self, kind: str, target: str) -> None:
        if kind == "queue":
            self._call_cmd("call.transfer", queue=target)
        else:
            self._call_cmd("call.transfer", to_agent=target)

    # ======================================================================================
    # replies
    # ======================================================================================
    def on_reply(
        self, cmd: str, ok: bool, result: dict[str, Any], code: str, message: str, tag: Any
    ) -> None:
        if tag == "transfer-targets":
            if ok:
                queues = result.get("queues") or []
                if not queues:
                    queues = [{"queue_id": q} for q in self.agent.get("queues") or []]
                self.window.show_transfer(queues, result.get("agents") or [], self.agent_id)
            else:
                self._failed(cmd, code, message)
            return
        if isinstance(tag, dict) and tag.get("kind") == "wrapup":
            self._wrapup_reply(tag, ok, code, message)
            return
        if not ok:
            if cmd in ("call.answer", "call.reject"):
                self.window.banner.set_enabled(self.connected)
            self._failed(cmd, code, message)
            return
        agent = result.get("agent")
        if isinstance(agent, dict) and agent.get("agent_id") == self.agent_id:
            self._apply_agent_if_newer(agent)
        call = result.get("call")
        if (
            isinstance(call, dict)
            and self.call
            and call.get("call_id") == self.call.get("call_id")
            and int(call.get("version") or 0) >= int(self.call.get("version") or 0)
        ):
            if call.get("agent_id") == self.agent_id and call.get("state") in LIVE_CALL_STATES:
                self._apply_call(call, cmd, self.clock())
            else:
                self._call_gone(call, "rejected" if cmd == "call.reject" else "")
        if tag == "login" and self._ready_after_login:
            self._ready_after_login = False
            self.set_ready()

    def _apply_agent_if_newer(self, agent: dict[str, Any]) -> None:
        if int(agent.get("version") or 0) >= int(self.agent.get("version") or 0):
            self._apply_agent(agent)

    def _failed(self, cmd: str, code: str, message: str) -> None:
        texts = {
            "timeout": QCoreApplication.translate(
                "DeskController", "The switchboard did not answer in time."
            ),
            "invalid_state": QCoreApplication.translate(
                "DeskController", "Not possible now: the call or your state has changed."
            ),
            "unknown_agent": QCoreApplication.translate(
                "DeskController", "The switchboard does not know this agent."
            ),
            "unknown_call": QCoreApplication.translate(
                "DeskController", "That call no longer exists."
            ),
            "not_allowed": QCoreApplication.translate(
                "DeskController", "You are not allowed to do that."
            ),
        }
        text = texts.get(
            code,
            QCoreApplication.translate("DeskController", "The switchboard refused: %1").replace(
                "%1", message or code
            ),
        )
        self.window.statusBar().showMessage(f"{cmd}: {text}", 10000)
        self.commandFailed.emit(cmd, code, message)

    # ======================================================================================
    # the card
    # ======================================================================================
    def fetch_card(self, call: dict[str, Any], keep: bool = False) -> dict[str, Any]:
        """The card for a call, from the replica (any thread; blocking). ``keep``: on the
        thread's kept connection (``StoreService.lookup``; the bus thread's prefetch)."""
        cid = call.get("customer_id")
        store = self.store
        if cid:
            card = store.lookup(customer_id=cid, keep=keep)
        else:
            card = store.lookup(phone=call.get("ani"), keep=keep)
        if card.get("status") == "ambiguous":
            card["candidates"] = store.enrich_candidates(card["candidates"], keep=keep)
        return card

    def prefetch_card(self, call: dict[str, Any]) -> dict[str, Any]:
        """``fetch_card`` for the bus thread (``BusBridge.prefetch``): it reads a card on every
        call offered to this desk, so it keeps its connection."""
        return self.fetch_card(call, keep=True)

    def on_card_prefetched(self, call_id: str, card: dict[str, Any]) -> None:
        waiting = self._awaiting_prefetch
        if waiting is None or waiting[2].get("call_id") != call_id:
            self._early_card = (call_id, card)  # the event follows (``prefetch_first``)
            return
        self._awaiting_prefetch = None
        seq, ts, call = waiting
        if card:
            self._card_ready(seq, call, card, ts)
        else:
            self._lookup_in_worker(seq, call, ts)

    def _start_card(self, call: dict[str, Any], ts: float, how: str = "") -> None:
        self._lookup_seq += 1
        seq = self._lookup_seq
        call_id = str(call.get("call_id"))
        self.card_call_id = call_id
        early, self._early_card = self._early_card, None
        if early is not None and early[0] == call_id and early[1]:
            self._card_ready(seq, call, early[1], ts)
            return
        if how == "call.offered" and getattr(self.bus, "prefetch", None) is not None:
            self._awaiting_prefetch = (seq, ts, dict(call))  # the bus thread is reading it
            return
        self._lookup_in_worker(seq, call, ts)

    def _lookup_in_worker(self, seq: int, call: dict[str, Any], ts: float) -> None:
        self.tasks.run(
            lambda: self.fetch_card(call),
            lambda card: self._card_ready(seq, call, card, ts),
            lambda exc: self._card_failed(seq, exc),
        )

    def _card_failed(self, seq: int, exc: BaseException) -> None:
        if seq != self._lookup_seq:
            return
        log.error("card lookup failed", exc_info=exc)
        self.window.statusBar().showMessage(
            QCoreApplication.translate("DeskController", "Cannot read the local store: %1").replace(
                "%1", str(exc)
            ),
            10000,
        )

    def _card_ready(self, seq: int, call: dict[str, Any], card: dict[str, Any], ts: float) -> None:
        if seq != self._lookup_seq:
            return  # a newer call or pick took over
        w = self.window
        now = self.clock()
        call = self.call if self.call and self.call.get("call_id") == call.get("call_id") else call
        status = card.get("status")
        self.card = card
        if status == "found":
            self._show_found(card, call, now)
        elif status == "ambiguous":
            number = str(call.get("ani") or "")
            remembered = self.local_state.remembered_pick(number)
            ranked = rank_candidates(card.get("candidates") or [], remembered)
            w.chooser.set_candidates(number, ranked, remembered)
            w.show_page(PAGE_CHOOSER)
            w.banner.set_caller(
                QCoreApplication.translate(
                    "DeskController", "Possible customers: %n", "", len(ranked)
                )
            )
        else:
            w.create.start(str(call.get("ani") or ""))
            w.show_page(PAGE_CREATE)
            w.banner.set_caller(QCoreApplication.translate("DeskController", "Unknown caller"))
        self.cardShown.emit(str(call.get("call_id")), ts)

    def _show_found(self, card: dict[str, Any], call: dict[str, Any] | None, now: float) -> None:
        w = self.window
        w.card.set_card(card, call, now)
        customer = card.get("customer") or {}
        w.banner.set_caller(str(customer.get("name") or ""))
        w.show_page(PAGE_CARD)
        w.card.set_freshness("local", self._as_of)
        if self.store.has_central:
            self._refresh_from_central(str(customer.get("customer_id")), card)

    def _refresh_from_central(self, customer_id: str, local_card: dict[str, Any]) -> None:
        seq = self._lookup_seq
        store = self.store

        def done(card: dict[str, Any]) -> None:
            if seq != self._lookup_seq:
                return
            changes = card_changes(local_card, card)
            changed = has_changes(changes)
            self.card = card
            self.window.card.set_card(card, self.call or self.last_call, self.clock(), changes)
            self.window.card.set_freshness("central", self.clock())
            self.cardRefreshed.emit(customer_id, changed)

        def failed(exc: BaseException) -> None:
            if seq != self._lookup_seq:
                return
            log.info("central refresh failed: %s", exc)
            self.window.card.set_freshness("offline", self._as_of)
            self.cardRefreshed.emit(customer_id, False)

        self.tasks.run(lambda: store.refresh(customer_id), done, failed, pool="central")

    def show_customer(self, customer_id: str) -> None:
        """Open a customer's card (search result, chooser pick, callback)."""
        self._lookup_seq += 1
        seq = self._lookup_seq
        store = self.store
        call = self.call

        def done(card: dict[str, Any]) -> None:
            if seq != self._lookup_seq:
                return
            self.card = card
            if card.get("status") == "found":
                self._show_found(card, call, self.clock())
            self.cardShown.emit(str((call or {}).get("call_id") or ""), 0.0)

        self.tasks.run(lambda: store.lookup(customer_id=customer_id), done)

    def pick_candidate(self, customer_id: str) -> None:
        if self.call and self.call.get("ani"):
            self.local_state.remember_pick(str(self.call["ani"]), customer_id)
            self.call["customer_id"] = customer_id
        if (
            self.last_call
            and self.call
            and self.last_call.get("call_id") == self.call.get("call_id")
        ):
            self.last_call["customer_id"] = customer_id
        self.show_customer(customer_id)

    def create_customer(self, data: dict[str, Any]) -> None:
        store = self.store
        agent_id = self.agent_id
        call_id = (self.call or self.last_call or {}).get("call_id")

        def work() -> str:
            return store.create_customer(
                name=data["name"],
                phone=data["phone"],
                tier=data["tier"],
                notes=data["notes"],
                agent_id=agent_id,
                call_id=call_id,
            )

        def done(customer_id: str) -> None:
            for c in (self.call, self.last_call):
                if c is not None and c.get("ani") == data["phone"]:
                    c["customer_id"] = customer_id
            self.customerCreated.emit(customer_id)
            self.refresh_outbox()
            self.show_customer(customer_id)

        def failed(exc: BaseException) -> None:
            self.window.create.show_error(
                QCoreApplication.translate("DeskController", "Could not save: %1").replace(
                    "%1", str(exc)
                )
            )

        self.tasks.run(work, done, failed)

    # ======================================================================================
    # search
    # ======================================================================================
    def search(self, text: str) -> None:
        store = self.store

        def done(hits: list[dict[str, Any]]) -> None:
            self.window.search.set_results(text, hits)
            self.searchDone.emit(text, len(hits))

        def failed(exc: BaseException) -> None:
            self.window.search.info.setText(
                QCoreApplication.translate("DeskController", "Search failed: %1").replace(
                    "%1", str(exc)
                )
            )

        self.tasks.run(lambda: store.search(text), done, failed)

    # ======================================================================================
    # wrap-up
    # ======================================================================================
    def _open_wrapup(self, call_id: str) -> None:
        dlg = self.window.wrapup
        if self._wrapup_call_id == call_id and dlg.isVisible():
            return
        call = dict(self.last_call or {})
        if call.get("call_id") != call_id:
            call = {"call_id": call_id}
        draft = None
        for d in self.local_state.drafts():
            if d.get("call_id") == call_id:
                draft = d
        if draft and draft.get("call"):
            call = {**draft["call"], **call}
        customer = (self.card or {}).get("customer") or {}
        if customer and (call.get("customer_id") in (None, customer.get("customer_id"))):
            call["customer_id"] = customer.get("customer_id")
            call["customer_name"] = customer.get("name")
        since = float(self.agent.get("since") or self.clock())
        deadline = since + self.wrap_up_time if self.wrap_up_time > 0 else None
        self._wrapup_call_id = call_id
        dlg.load(call, self.dispositions, deadline, (draft or {}).get("values"))
        dlg.show()
        dlg.raise_()
        self.save_draft(dlg.values())

    def restore_drafts(self) -> None:
        """At start: a wrap-up left unsaved (app closed or killed) comes back as it was."""
        drafts = self.local_state.drafts()
        if not drafts or self.window.wrapup.isVisible():
            return
        d = drafts[0]
        call = dict(d.get("call") or {"call_id": d["call_id"]})
        self.last_call = call
        self._wrapup_call_id = str(d["call_id"])
        self.window.wrapup.load(call, self.dispositions, None, d.get("values"))
        self.window.wrapup.show()

    def save_draft(self, values: dict[str, Any]) -> None:
        call_id = self._wrapup_call_id
        if not call_id:
            return
        call = dict(self.window.wrapup.call)
        self.local_state.save_draft(
            call_id, {"call_id": call_id, "agent_id": self.agent_id, "call": call, "values": values}
        )

    def submit_wrapup(self, values: dict[str, Any]) -> None:
        call = dict(self.window.wrapup.call)
        call_id = str(call.get("call_id") or self._wrapup_call_id)
        store = self.store
        agent_id = self.agent_id

        def done(result: dict[str, Any]) -> None:
            self.local_state.drop_draft(call_id)
            self.refresh_outbox()
            args = {
                "agent_id": agent_id,
                "call_id": call_id,
                "disposition": values["disposition"],
                "notes": values.get("notes") or "",
                "next_state": values.get("next_state") or "ready",
            }
            self._wrapup_call_id = None
            self.window.wrapup.hide()
            if self.call is None:
                self.card_call_id = None
            if self.agent.get("state") == "wrap_up" and self.agent.get("call_id") == call_id:
                self.bus.send("call.wrapup", args, tag={"kind": "wrapup", "args": args})
            elif not self._have_snapshot:
                # not yet synced with the switchboard (start-up, reconnecting): send it once we
                # know whether it is still waiting for this wrap-up
                self._pending_wrapups.append(args)
            else:
                # the switchboard already ended this wrap-up (time ran out, or a restart)
                self._after_wrapup(values)
            self.wrapUpSaved.emit(call_id)

        def failed(exc: BaseException) -> None:
            log.error("wrap-up not saved", exc_info=exc)
            self.window.wrapup.show_error(
                QCoreApplication.translate(
                    "DeskController", "Not saved (your text is kept): %1"
                ).replace("%1", str(exc))
            )

        self.tasks.run(
            lambda: store.record_wrapup(agent_id=agent_id, call=call, values=values), done, failed
        )

    def _after_wrapup(self, values: dict[str, Any]) -> None:
        if values.get("next_state") == "not_ready" and self.agent.get("state") == "ready":
            self.set_not_ready("after_call_work")

    def _wrapup_reply(self, tag: dict[str, Any], ok: bool, code: str, message: str) -> None:
        if ok or code in ("invalid_state", "unknown_call"):
            return
        # the switchboard did not hear it (down or restarting): retry after the next resync
        self._pending_wrapups.append(tag["args"])
        self._failed("call.wrapup", code, message)

    def _retry_pending_wrapups(self) -> None:
        pending, self._pending_wrapups = self._pending_wrapups, []
        for args in pending:
            if (
                self.agent.get("state") == "wrap_up"
                and self.agent.get("call_id") == args["call_id"]
            ):
                self.bus.send("call.wrapup", args, tag={"kind": "wrapup", "args": args})

    def wrapup_expired(self) -> None:
        """The rules' wrap-up time ran out: save what was typed, with a disposition if chosen."""
        values = self.window.wrapup.values()
        if values.get("disposition"):
            self.submit_wrapup(values)
        else:
            self.window.wrapup.error.setText(
                QCoreApplication.translate(
                    "DeskController",
                    "Wrap-up time is over: choose a disposition and save; nothing is lost.",
                )
            )

    # ======================================================================================
    # sync with central, outbox
    # ======================================================================================
    def sync_now(self) -> None:
        if not self.store.has_central:
            self.window.status.set_sync(None, None, central=False)
            self.refresh_outbox()
            return
        store = self.store

        def done(_summary: Any) -> None:
            self._last_sync_ok = self.clock()
            self._as_of = self._last_sync_ok
            self.window.status.set_sync(self._last_sync_ok, True)
            self.refresh_outbox()
            self.syncDone.emit(True)

        def failed(exc: BaseException) -> None:
            log.info("sync failed: %s", exc)
            self.window.status.set_sync(self._last_sync_ok or self._as_of, False)
            self.refresh_outbox()
            self.syncDone.emit(False)

        self.tasks.run(store.sync, done, failed, pool="central")

    def load_sync_status(self) -> None:
        """At start: when the replica last synced (for "offline, as of" and the status bar)."""

        def done(as_of: float | None) -> None:
            if self._as_of is None:
                self._as_of = as_of
            if self._last_sync_ok is None and self.store.has_central:
                self.window.status.set_sync(as_of, None if as_of is None else True)

        self.tasks.run(self.store.local_as_of, done)

    def refresh_outbox(self) -> None:
        self.tasks.run(
            self.store.outbox_count,
            self.window.status.set_outbox,
            lambda exc: log.warning("cannot count the outbox: %s", exc),
        )

    # ======================================================================================
    # clock
    # ======================================================================================
    def tick(self) -> None:
        now = self.clock()
        w = self.window
        w.banner.tick(now)
        w.controls.tick(now)
        w.state.tick(now)
        w.card.tick(now)
        if w.wrapup.isVisible():
            w.wrapup.tick(now)
        if not self.connected:
            self._show_connection()

    def reason_text(self, reason: str) -> str:
        return reason_label(reason)
