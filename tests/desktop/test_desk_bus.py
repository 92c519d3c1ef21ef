"""The desktop against a real switchboard (loopback ZeroMQ) and a real seeded replica."""

from __future__ import annotations

import gc
import time
from typing import Any

from PySide6.QtCore import Qt

from desktop.widgets.main_window import PAGE_CARD, PAGE_CHOOSER, PAGE_CREATE
from store.card import lookup_card
from store.db import make_engine
from tests.desktop.conftest import WAIT_MS
from tests.fixtures_bus import restart_on


def _card(url: str, **kw: Any) -> dict[str, Any]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return lookup_card(conn, **kw)
    finally:
        engine.dispose()


def _rows(view: Any) -> int:
    return int(view.model().rowCount())


def test_pop_fills_every_field(desk_env: Any, qtbot: Any) -> None:
    desks: list[Any] = []

    def clock() -> float:
        # stands still at the offer once a call rings: the countdown reads full however long
        # a loaded machine takes to get to the assertion
        call = desks[0].controller.call if desks else None
        return float(call["offered_at"]) if call and call.get("offered_at") else time.time()

    desk = desk_env.desk(clock=clock)
    desks.append(desk)
    w, c = desk.window, desk.controller
    assert w.status.connection.text() == "Connected"
    qtbot.waitUntil(lambda: desk.collector.frozen, timeout=WAIT_MS)  # start-up set aside
    phone = desk_env.seeded.known_phone
    collecting_at_pop: list[bool] = []
    c.cardShown.connect(lambda *_: collecting_at_pop.append(gc.isenabled()))
    with qtbot.waitSignal(c.cardShown, timeout=WAIT_MS):
        call_id = desk_env.call(phone)
    # no garbage collection from reading call.offered to the card shown; back on after it
    assert collecting_at_pop == [False]
    qtbot.waitUntil(gc.isenabled, timeout=WAIT_MS)
    assert desk.collector.releases == 1 and desk.collector.expired == 0
    expected = _card(desk_env.local_url, phone=phone)
    assert c.call["call_id"] == call_id
    # ringing banner: number, queue, countdown, answer/reject
    assert w.banner.ringing
    assert phone in w.banner.title.text()
    assert "General" in w.banner.detail.text()
    assert w.banner.countdown.text() == "Rings for 00:15"  # ring_timeout: 15 in these rules
    assert w.banner.answer.isEnabled() and w.banner.reject.isEnabled()
    qtbot.waitUntil(lambda: w.state.button.text() == "Ringing", timeout=WAIT_MS)
    # the card
    assert w.current_page() == PAGE_CARD
    cust = expected["customer"]
    assert w.card.name.text() == cust["name"]
    assert w.card.customer_id.text() == cust["customer_id"]
    assert w.card.tier.text().lower() == cust["tier"]
    assert w.card.value.text() == f"{cust['lifetime_value']:,.2f}"
    assert w.card.lifecycle.text() and w.card.language.text()
    assert _rows(w.card.purchases) == len(expected["purchases"])
    assert _rows(w.card.issues) == len(expected["open_issues"]) >= 1
    assert _rows(w.card.interactions) == len(expected["interactions"])
    first_issue = expected["open_issues"][0]
    assert w.card.issues.model().index(0, 1).data() == first_issue["title"]
    assert "menu 2" in w.card.ivr.text() and "intent bill question" in w.card.ivr.text()
    assert "verified" in w.card.ivr.text()
    assert w.card.route.text().startswith("Why you: ") and len(w.card.route.text()) > 12
    assert "Open issue" in w.card.points.text()
    assert w.card.freshness.text().startswith("local copy")


def test_controls_send_commands_and_follow_events(desk_env: Any, qtbot: Any) -> None:
    desk = desk_env.desk()
    w, c = desk.window, desk.controller
    with qtbot.waitSignal(c.cardShown, timeout=WAIT_MS):
        call_id = desk_env.call(desk_env.seeded.known_phone)
    qtbot.mouseClick(w.banner.answer, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.controls.hold.isEnabled(), timeout=WAIT_MS)
    assert not w.banner.ringing
    qtbot.waitUntil(lambda: w.state.button.text() == "On call", timeout=WAIT_MS)
    truth = {x["call_id"]: x for x in desk_env.truth()["calls"]}
    assert truth[call_id]["state"] == "connected"
    assert "Talking" in w.controls.call_label.text()

    w.controls.hold.click()
    qtbot.waitUntil(lambda: w.controls.hold.text() == "Resume", timeout=WAIT_MS)
    assert {x["call_id"]: x for x in desk_env.truth()["calls"]}[call_id]["state"] == "held"
    w.controls.hold.click()
    qtbot.waitUntil(lambda: w.controls.hold.text() == "Hold", timeout=WAIT_MS)
    assert {x["call_id"]: x for x in desk_env.truth()["calls"]}[call_id]["state"] == "connected"

    w.controls.hangup_action.trigger()
    qtbot.waitUntil(lambda: w.wrapup.isVisible(), timeout=WAIT_MS)
    assert desk_env.agent_truth()["state"] == "wrap_up"
    assert not w.controls.hangup.isEnabled()
    assert w.wrapup.countdown.text() == ""  # wrap_up: 0 in these rules -> no countdown
    d = w.wrapup
    d.disposition.setCurrentIndex(d.disposition.findData("resolved"))
    d.notes.setPlainText("explained the invoice")
    d.follow_up.setChecked(True)
    d.issue_title.setText("send corrected invoice")
    with qtbot.waitSignal(c.wrapUpSaved, timeout=WAIT_MS):
        d.save.click()
    qtbot.waitUntil(lambda: desk_env.agent_truth()["state"] == "ready", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: c.agent.get("state") == "ready", timeout=WAIT_MS)
    assert not d.isVisible()
    qtbot.waitUntil(lambda: w.status.outbox.text() == "Outbox: 2", timeout=WAIT_MS)
    card = _card(desk_env.local_url, customer_id=desk_env.seeded.known_customer_id)
    assert card["interactions"][0]["disposition"] == "resolved"
    assert any(i["title"] == "send corrected invoice" for i in card["open_issues"])
    assert not list((desk_env.tmp / "desk" / "drafts").glob("*.json"))


def test_transfer_to_queue_and_reject(desk_env: Any, qtbot: Any) -> None:
    desk = desk_env.desk()
    w, c = desk.window, desk.controller
    with qtbot.waitSignal(c.cardShown, timeout=WAIT_MS):
        first = desk_env.call(desk_env.seeded.known_phone)
    w.banner.reject.click()
    qtbot.waitUntil(lambda: not w.banner.ringing, timeout=WAIT_MS)
    assert "rejected" in w.statusBar().currentMessage()
    assert w.banner.title.text() == "No call waiting"
    assert not w.banner.answer.isEnabled()
    truth = {x["call_id"]: x for x in desk_env.truth()["calls"]}
    assert truth[first]["state"] == "queued" and truth[first]["agent_id"] is None
    assert desk_env.agent_truth()["state"] == "ready"

    with qtbot.waitSignal(c.cardShown, timeout=WAIT_MS):
        second = desk_env.call(desk_env.seeded.unknown_phone)
    w.answer_action.trigger()
    qtbot.waitUntil(lambda: w.controls.transfer.isEnabled(), timeout=WAIT_MS)
    w.controls.transfer.click()
    qtbot.waitUntil(lambda: w.transfer.isVisible(), timeout=WAIT_MS)
    items = [w.transfer.targets.item(i).text() for i in range(w.transfer.targets.count())]
    assert any("Billing" in t for t in items)
    w.transfer.search.setText("billing")
    w.transfer.ok.click()
    qtbot.waitUntil(lambda: w.wrapup.isVisible(), timeout=WAIT_MS)
    truth = {x["call_id"]: x for x in desk_env.truth()["calls"]}
    assert truth[second]["queue"] == "billing" and truth[second]["agent_id"] != desk_env.agent_id
    assert not w.controls.hold.isEnabled()


def test_ambiguous_number_chooser_remembers_pick(desk_env: Any, qtbot: Any) -> None:
    desk = desk_env.desk()
    w, c = desk.window, desk.controller
    shared = desk_env.seeded.shared_phone
    expected = _card(desk_env.local_url, phone=shared)
    assert expected["status"] == "ambiguous"
    with qtbot.waitSignal(c.cardShown, timeout=WAIT_MS):
        desk_env.call(shared)
    assert w.current_page() == PAGE_CHOOSER
    n = len(expected["candidates"])
    assert w.chooser.model.rowCount() == n
    assert f"{shared}: {n}" in w.chooser.heading.text()
    names = {x["name"] for x in expected["candidates"]}
    assert {w.chooser.model.row(i)["name"] for i in range(n)} == names
    pick = w.chooser.model.row(n - 1)
    w.chooser.table.selectRow(n - 1)
    with qtbot.waitSignal(c.cardShown, timeout=WAIT_MS):
        w.chooser.pick.click()
    assert w.current_page() == PAGE_CARD
    assert w.card.name.text() == pick["name"]
    w.banner.reject.click()
    qtbot.waitUntil(lambda: desk_env.agent_truth()["state"] == "ready", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: c.call is None or not w.banner.ringing, timeout=WAIT_MS)
    # the same number again (the rejected call itself may be re-offered later; wait for a pop)
    with qtbot.waitSignal(c.cardShown, timeout=WAIT_MS):
        desk_env.call(shared, external_id="again")
    qtbot.waitUntil(lambda: w.current_page() == PAGE_CHOOSER, timeout=WAIT_MS)
    top = w.chooser.model.row(0)
    assert top["customer_id"] == pick["customer_id"]
    assert top.get("hint") == "your last pick"


def test_unknown_number_quick_create(desk_env: Any, qtbot: Any) -> None:
    desk = desk_env.desk()
    w, c = desk.window, desk.controller
    unknown = desk_env.seeded.unknown_phone
    with qtbot.waitSignal(c.cardShown, timeout=WAIT_MS):
        desk_env.call(unknown)
    assert w.current_page() == PAGE_CREATE
    assert w.create.phone.text() == unknown
    assert "Unknown caller" in w.banner.detail.text()
    w.create.name.setText("Zhao Lei")
    w.create.tier.setCurrentIndex(w.create.tier.findData("silver"))
    w.create.notes.setPlainText("asked for a quote")
    with qtbot.waitSignal(c.customerCreated, timeout=WAIT_MS):
        w.create.save.click()
    qtbot.waitUntil(lambda: w.current_page() == PAGE_CARD, timeout=WAIT_MS)
    assert w.card.name.text() == "Zhao Lei"
    assert w.card.tier.text() == "Silver"
    card = _card(desk_env.local_url, phone=unknown)
    assert card["status"] == "found" and card["customer"]["name"] == "Zhao Lei"
    qtbot.waitUntil(lambda: w.status.outbox.text() == "Outbox: 2", timeout=WAIT_MS)


def test_search_from_replica(desk_env: Any, qtbot: Any) -> None:
    desk = desk_env.desk()
    w, c = desk.window, desk.controller
    cust = _card(desk_env.local_url, customer_id=desk_env.seeded.known_customer_id)["customer"]
    with qtbot.waitSignal(c.searchDone, timeout=WAIT_MS):
        w.search.edit.setText(cust["name"][:2])
    names = [w.search.model.row(i)["name"] for i in range(w.search.model.rowCount())]
    assert cust["name"] in names
    with qtbot.waitSignal(c.searchDone, timeout=WAIT_MS):
        w.search.edit.setText(desk_env.seeded.known_phone)
    assert w.search.model.row(0)["customer_id"] == cust["customer_id"]
    with qtbot.waitSignal(c.cardShown, timeout=WAIT_MS):
        w.search.results.activated.emit(w.search.model.index(0, 0))
    assert w.card.name.text() == cust["name"]


def test_state_control_commands(desk_env: Any, qtbot: Any) -> None:
    desk = desk_env.desk()
    w, c = desk.window, desk.controller
    w.state.reasons_menu.actions()[1].trigger()  # lunch
    qtbot.waitUntil(lambda: w.state.button.text() == "Not ready · Lunch", timeout=WAIT_MS)
    a = desk_env.agent_truth()
    assert (a["state"], a["reason"]) == ("not_ready", "lunch")
    w.state.ready_action.trigger()
    qtbot.waitUntil(lambda: w.state.button.text() == "Ready", timeout=WAIT_MS)
    w.state.logout_action.trigger()
    qtbot.waitUntil(lambda: w.state.button.text() == "Logged out", timeout=WAIT_MS)
    assert desk_env.agent_truth()["state"] == "logged_out"
    assert w.state.login_action.isEnabled()
    w.state.login_action.trigger()
    qtbot.waitUntil(lambda: c.agent.get("state") == "not_ready", timeout=WAIT_MS)


def test_resync_after_switchboard_restart(desk_env: Any, qtbot: Any) -> None:
    desk = desk_env.desk(heartbeat_timeout=1.0)
    w, c = desk.window, desk.controller
    with qtbot.waitSignal(c.cardShown, timeout=WAIT_MS):
        desk_env.call(desk_env.seeded.known_phone)
    w.banner.answer.click()
    qtbot.waitUntil(lambda: w.controls.hangup.isEnabled(), timeout=WAIT_MS)
    commands, events = desk_env.sb.commands, desk_env.sb.events
    old_epoch = desk_env.sb.epoch
    desk_env.sb.stop()
    qtbot.waitUntil(lambda: w.status.connection.text().startswith("Reconnecting"), timeout=WAIT_MS)
    assert not w.controls.hangup.isEnabled() and not w.controls.hold.isEnabled()
    # the replica keeps working while the bus is down
    assert w.card.name.text()
    # on the same endpoints (retrying the bind while the old sockets are still being released)
    sb2 = restart_on(
        desk_env.sb_factory, desk_env.sb, rules=desk_env.rules_path, store_url=desk_env.sb_store
    )
    assert (sb2.commands, sb2.events) == (commands, events)
    assert sb2.epoch != old_epoch
    qtbot.waitUntil(lambda: w.status.connection.text() == "Connected", timeout=WAIT_MS)
    # the new switchboard knows no call: the desk shows exactly that, and logs in again
    qtbot.waitUntil(lambda: c.agent.get("state") == "not_ready", timeout=WAIT_MS)
    assert c.call is None and not w.controls.hangup.isEnabled()
    assert not w.banner.ringing
    assert w.controls.call_label.text() == "No call"


def test_wrapup_draft_survives_restart(desk_env: Any, qtbot: Any) -> None:
    desk = desk_env.desk()
    w, c = desk.window, desk.controller
    with qtbot.waitSignal(c.cardShown, timeout=WAIT_MS):
        desk_env.call(desk_env.seeded.known_phone)
    w.banner.answer.click()
    qtbot.waitUntil(lambda: w.controls.hangup.isEnabled(), timeout=WAIT_MS)
    w.controls.hangup.click()
    qtbot.waitUntil(lambda: w.wrapup.isVisible(), timeout=WAIT_MS)
    w.wrapup.disposition.setCurrentIndex(w.wrapup.disposition.findData("escalated"))
    w.wrapup.notes.setPlainText("customer very upset; promised a call back")
    desk.shutdown()  # the draft is on disk after every edit, so a kill loses nothing either
    desk2 = desk_env.desk(auto_ready=False)
    w2 = desk2.window
    qtbot.waitUntil(lambda: w2.wrapup.isVisible(), timeout=WAIT_MS)
    assert w2.wrapup.notes.toPlainText() == "customer very upset; promised a call back"
    assert w2.wrapup.disposition.currentData() == "escalated"
    with qtbot.waitSignal(desk2.controller.wrapUpSaved, timeout=WAIT_MS):
        w2.wrapup.save.click()
    qtbot.waitUntil(lambda: desk_env.agent_truth()["state"] == "ready", timeout=WAIT_MS)


def test_transfer_to_a_named_agent(desk_env: Any, qtbot: Any) -> None:
    other = desk_env.seeded.agent_ids[1]
    desk_env.ivr.request("agent.login", {"agent_id": other})
    desk_env.ivr.request("agent.state", {"agent_id": other, "state": "ready"})
    desk = desk_env.desk()
    w, c = desk.window, desk.controller
    # the other agent is ready too: make sure the call rings here first
    desk_env.ivr.request(
        "agent.state", {"agent_id": other, "state": "not_ready", "reason": "break"}
    )
    with qtbot.waitSignal(c.cardShown, timeout=WAIT_MS):
        call_id = desk_env.call(desk_env.seeded.known_phone)
    w.banner.answer.click()
    qtbot.waitUntil(lambda: w.controls.transfer.isEnabled(), timeout=WAIT_MS)
    desk_env.ivr.request("agent.state", {"agent_id": other, "state": "ready"})
    w.controls.transfer_action.trigger()
    qtbot.waitUntil(lambda: w.transfer.isVisible(), timeout=WAIT_MS)
    w.transfer.search.setText(other.lower())
    shown = [
        w.transfer.targets.item(i).text()
        for i in range(w.transfer.targets.count())
        if not w.transfer.targets.item(i).isHidden()
    ]
    assert len(shown) == 1 and other in shown[0]
    w.transfer.ok.click()
    qtbot.waitUntil(lambda: w.wrapup.isVisible(), timeout=WAIT_MS)
    truth = {x["call_id"]: x for x in desk_env.truth()["calls"]}
    assert truth[call_id]["agent_id"] == other and truth[call_id]["state"] == "offered"
    assert truth[call_id]["route"]["rule"] == f"transfer from {desk_env.agent_id}"


def test_the_replica_is_read_into_the_os_cache_after_start(desk_env: Any, monkeypatch: Any) -> None:
    """Some seconds after start (here at once), the desk reads its replica's file through so
    card reads never wait on the disk."""
    import desktop.app

    monkeypatch.setattr(desktop.app, "OS_CACHE_DELAY", 0.0)
    desk = desk_env.desk()
    desk_env.qtbot.waitUntil(lambda: desk.os_cache is not None, timeout=WAIT_MS)
    assert desk.os_cache.how == "read"
    assert desk.os_cache.path == desk_env.local_url[len("sqlite:///") :]


def test_an_unanswered_call_takes_its_form_or_chooser_with_it(desk_env: Any, qtbot: Any) -> None:
    """The caller hangs up while it rings: the quick-create form (nothing typed) or the chooser
    goes, the last card comes back; a form the agent typed into stays."""
    desk = desk_env.desk()
    w, c = desk.window, desk.controller
    with qtbot.waitSignal(c.cardShown, timeout=WAIT_MS):
        first = desk_env.call(desk_env.seeded.known_phone)
    desk_env.ivr.request("ivr.hangup", {"call_id": first})
    qtbot.waitUntil(lambda: c.call is None, timeout=WAIT_MS)
    known_name = w.card.name.text()
    assert known_name and w.current_page() == PAGE_CARD
    for number in (desk_env.seeded.unknown_phone, desk_env.seeded.shared_phone):
        with qtbot.waitSignal(c.cardShown, timeout=WAIT_MS):
            call_id = desk_env.call(number)
        assert w.current_page() in (PAGE_CREATE, PAGE_CHOOSER)
        desk_env.ivr.request("ivr.hangup", {"call_id": call_id})
        qtbot.waitUntil(lambda: w.current_page() == PAGE_CARD, timeout=WAIT_MS)
        assert w.card.name.text() == known_name  # the last card, as it was
        assert "hung up" in w.statusBar().currentMessage()
    # typed into: the form stays for the agent to finish
    with qtbot.waitSignal(c.cardShown, timeout=WAIT_MS):
        call_id = desk_env.call(desk_env.seeded.unknown_phone)
    w.create.name.setText("Half Typed")
    desk_env.ivr.request("ivr.hangup", {"call_id": call_id})
    qtbot.waitUntil(lambda: c.call is None, timeout=WAIT_MS)
    assert w.current_page() == PAGE_CREATE and w.create.name.text() == "Half Typed"
