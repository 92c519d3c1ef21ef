"""The pure views: data in, what the agent sees, signals out (real widgets, offscreen)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from desktop.widgets.chooser import CandidateChooser
from desktop.widgets.common import TIER_COLOURS
from desktop.widgets.main_window import PAGE_CARD, MainWindow
from desktop.widgets.quick_create import QuickCreateForm
from desktop.widgets.state_control import StateControl
from desktop.widgets.transfer_picker import TransferPicker
from desktop.widgets.wrapup_dialog import WrapUpDialog
from tests.desktop.conftest import WAIT_MS

CONTRACT_IDS = [
    "screenPop",
    "customerName",
    "customerTier",
    "recentPurchases",
    "openIssues",
    "recentInteractions",
    "ivrSummary",
    "routeReason",
    "answerButton",
    "rejectButton",
    "holdButton",
    "transferButton",
    "hangupButton",
    "agentState",
    "wrapUpDialog",
    "dispositionBox",
    "notesEdit",
    "customerSearch",
    "connectionStatus",
]


def _cells(view: Any) -> list[list[str]]:
    m = view.model()
    return [
        [str(m.index(r, c).data()) for c in range(m.columnCount())] for r in range(m.rowCount())
    ]


def test_every_contract_id_is_object_and_accessible_name(qtbot: Any) -> None:
    w = MainWindow("9.9.9")
    qtbot.addWidget(w)
    for name in CONTRACT_IDS:
        found = [x for x in w.findChildren(QWidget, name)]
        if name == "wrapUpDialog":
            found = [w.wrapup]
        assert len(found) == 1, name
        assert found[0].objectName() == name
        assert found[0].accessibleName() == name


def _qt_internal(widget: QWidget) -> bool:
    """A part Qt makes inside a control (a combo box's popup list, a line edit's clear button,
    a table's headers and corner, the menu bar's overflow button): the control has the id."""
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QHeaderView, QLineEdit

    if widget.objectName().startswith("qt_") or isinstance(widget, QHeaderView):
        return True
    parent = widget.parent()
    while parent is not None:
        if isinstance(parent, QComboBox | QLineEdit | QAbstractSpinBox):
            return True
        parent = parent.parent()
    return False


def test_every_control_and_action_has_an_automation_id(qtbot: Any) -> None:
    """CONTRACT 7: every control an agent uses, not only the listed ones: buttons, fields,
    lists, menus (objectName and accessibleName) and actions (objectName: a QAction has no
    accessibleName; its menu item reads its text)."""
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QMenu,
        QPlainTextEdit,
        QTabBar,
        QTextEdit,
    )

    from desktop.widgets.login_dialog import LoginDialog

    w = MainWindow("0")
    qtbot.addWidget(w)
    login = LoginDialog(None, "A1")
    qtbot.addWidget(login)
    controls = (
        QAbstractButton, QLineEdit, QComboBox, QTextEdit, QPlainTextEdit, QAbstractItemView,
        QAbstractSpinBox, QTabBar, QMenu,
    )  # fmt: skip
    unnamed = []
    for top in (w, w.wrapup, login):
        for c in top.findChildren(QWidget):
            named = bool(c.objectName()) and c.accessibleName() == c.objectName()
            if isinstance(c, controls) and not _qt_internal(c) and not named:
                unnamed.append(f"{type(c).__name__} in {type(c.parent()).__name__}")
        for a in top.findChildren(QAction):
            if a.text() and not a.isSeparator() and not a.objectName():
                unnamed.append(f"action {a.text()!r}")
    assert unnamed == []


def test_card_shows_every_field(qtbot: Any, sample_card: dict, sample_call: dict) -> None:
    w = MainWindow("0")
    qtbot.addWidget(w)
    now = 1_795_000_000.0 + 5
    w.card.set_card(sample_card, sample_call, now)
    w.show_page(PAGE_CARD)
    card = w.card
    assert card.name.text() == "Wang Xiuying"
    assert card.tier.text() == "Platinum"
    assert card.tier.property("tier") == "platinum"
    assert card.lifecycle.text() == "New customer"
    assert card.value.text() == "12,845.50"
    assert card.language.text() == "Chinese"
    assert _cells(card.purchases) == [["Fibre 1000", "CNY 399.00", "2026-11-10"]]
    issue = _cells(card.issues)[0]
    assert issue[:4] == ["I7", "Router keeps rebooting", "pending", "high"]
    assert issue[4].endswith(" d") and issue[5] == "A2"
    assert _cells(card.interactions)[0][1:] == ["phone", "A3", "Follow-up needed"]
    ivr = card.ivr.text()
    assert "menu 2" in ivr and "intent bill question" in ivr and "verified" in ivr
    assert "not verified" not in ivr
    assert card.route.text() == "Why you: VIP queue, longest idle agent."
    points = card.points.text()
    lines = points.split("\n")
    assert len(lines) >= 4 and all(line.startswith("\u2022 ") for line in lines)  # one per point
    assert "Platinum customer" in points
    assert "Open issue #I7" in points and "owned by A2" in points
    assert "Bought Fibre 1000" in points
    assert "onboarding" in points


def test_name_and_id_copy_from_their_context_menu(
    qtbot: Any, sample_card: dict, sample_call: dict
) -> None:
    w = MainWindow("0")
    qtbot.addWidget(w)
    card = w.card
    clipboard = QApplication.clipboard()
    clipboard.setText("before")
    card.copy_name_action.trigger()
    assert clipboard.text() == "before"  # no card yet: nothing to copy
    card.set_card(sample_card, sample_call, 0.0)
    for label in (card.name, card.customer_id):
        assert label.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
        assert [a.text() for a in label.actions()] == ["Copy name", "Copy customer id"]
    card.copy_name_action.trigger()
    assert clipboard.text() == "Wang Xiuying"
    card.copy_id_action.trigger()
    assert clipboard.text() == sample_card["customer"]["customer_id"]


def test_freshness_marks_and_changed_fields(
    qtbot: Any, sample_card: dict, sample_call: dict
) -> None:
    w = MainWindow("0")
    qtbot.addWidget(w)
    w.card.set_card(sample_card, sample_call, 0.0)
    w.card.set_freshness("offline", 1_795_000_000.0)
    assert w.card.freshness.text().startswith("offline, as of ")
    w.card.set_card(
        sample_card, sample_call, 0.0, {"fields": {"tier", "name"}, "open_issues": {"I7"}}
    )
    assert w.card.name.property("changed") is True
    assert w.card.value.property("changed") is False
    assert w.card.issues_model.index(0, 0).data(Qt.ItemDataRole.FontRole).bold()
    w.card.set_freshness("central", 1_795_000_000.0)
    assert w.card.freshness.text().startswith("up to date with central")


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_tier_badge_painted_in_tier_colour(
    qtbot: Any, qapp: Any, theme: str, sample_card: dict, sample_call: dict
) -> None:
    from desktop.themes import apply_theme

    apply_theme(qapp, theme)
    try:
        w = MainWindow("0")
        qtbot.addWidget(w)
        w.show_page(PAGE_CARD)
        w.show()
        qtbot.waitExposed(w)
        for tier, colour in TIER_COLOURS.items():
            card = dict(sample_card, customer=dict(sample_card["customer"], tier=tier))
            w.card.set_card(card, sample_call, 0.0)
            img = w.card.tier.grab().toImage()
            pixel = img.pixelColor(4, img.height() // 2)
            assert pixel.name() == colour, (theme, tier)
    finally:
        qapp.setStyleSheet("")
        qapp.setPalette(qapp.style().standardPalette())


def test_tier_colours_readable_on_white_text() -> None:
    def lum(hex_: str) -> float:
        rgb = [int(hex_[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    for tier, colour in TIER_COLOURS.items():
        contrast = (1.05) / (lum(colour) + 0.05)
        assert contrast >= 4.5, tier


def test_banner_countdown_and_buttons(qtbot: Any, sample_call: dict) -> None:
    w = MainWindow("0")
    qtbot.addWidget(w)
    w.banner.show_offer(sample_call, 1_795_000_015.0, 1_795_000_000.0)
    assert "+8613800138000" in w.banner.title.text()
    assert "VIP" in w.banner.detail.text()
    assert w.banner.countdown.text() == "Rings for 00:15"
    w.banner.tick(1_795_000_010.2)
    assert w.banner.countdown.text() == "Rings for 00:05"
    with qtbot.waitSignal(w.banner.answerClicked):
        qtbot.mouseClick(w.banner.answer, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(w.banner.rejectClicked):
        qtbot.mouseClick(w.banner.reject, Qt.MouseButton.LeftButton)
    assert "Ctrl+Return" in w.banner.answer.toolTip()


def test_pop_and_hang_up_leave_the_layout_below_the_banner_in_place(
    qtbot: Any, sample_call: dict, sample_card: dict
) -> None:
    """Ringing and quiet, the banner keeps its height, so nothing below it moves (a moving
    card area meant a relayout and repaint of the whole window on every pop)."""
    w = MainWindow("0")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    banner_heights, card_tops = set(), set()
    for i in range(3):
        w.banner.show_offer({**sample_call, "call_id": f"c-{i}"}, 1_795_000_015.0, 1_795_000_000.0)
        w.card.set_card(sample_card, sample_call, 0.0)
        w.banner.set_caller("王秀英")
        w.show_page(PAGE_CARD)
        QApplication.processEvents()
        if i:
            banner_heights.add(w.banner.height())
            card_tops.add(w.pages.mapTo(w, w.pages.rect().topLeft()).y())
        assert w.banner.countdown.text() == "Rings for 00:15"
        w.banner.clear()
        QApplication.processEvents()
        banner_heights.add(w.banner.height())
        card_tops.add(w.pages.mapTo(w, w.pages.rect().topLeft()).y())
        assert w.banner.title.text() == "No call waiting"
    assert len(banner_heights) == 1, banner_heights
    assert len(card_tops) == 1, card_tops


def test_call_controls_follow_state_and_shortcuts(qtbot: Any, sample_call: dict) -> None:
    w = MainWindow("0")
    qtbot.addWidget(w)
    c = w.controls
    assert not c.hold.isEnabled() and not c.hangup.isEnabled()
    call = dict(sample_call, state="connected", answered_at=100.0)
    c.set_call(call, 100.0)
    assert c.hold.isEnabled() and c.transfer.isEnabled() and c.hangup.isEnabled()
    assert c.hold.text() == "Hold" and "Ctrl+H" in c.hold.toolTip()
    c.tick(165.0)
    assert c.timer.text() == "01:05"
    with qtbot.waitSignal(c.holdClicked):
        c.hold.click()
    c.set_call(dict(call, state="held"), 170.0)
    assert c.hold.text() == "Resume"
    with qtbot.waitSignal(c.resumeClicked):
        c.hold.click()
    with qtbot.waitSignal(c.hangupClicked):
        c.hangup.click()
    c.set_connected(False)
    assert not c.hold.isEnabled() and not c.hangup.isEnabled()
    menu_texts = [a.text() for a in w.menu_call.actions()]
    assert "&Transfer…" in menu_texts
    assert any(a.shortcut().toString() == "Ctrl+E" for a in w.menu_call.actions())


def test_state_control(qtbot: Any) -> None:
    s = StateControl()
    qtbot.addWidget(s)
    s.set_reasons(["break", "lunch"])
    s.set_agent({"state": "not_ready", "reason": "lunch", "since": 100.0}, 160.0)
    assert s.button.text() == "Not ready · Lunch"
    assert s.time.text() == "01:00"
    with qtbot.waitSignal(s.readyRequested):
        s.ready_action.trigger()
    with qtbot.waitSignal(s.notReadyRequested) as blocker:
        s.reasons_menu.actions()[1].trigger()
    assert blocker.args == ["lunch"]
    s.set_agent({"state": "on_call", "since": 100.0}, 100.0)
    assert not s.ready_action.isEnabled() and not s.logout_action.isEnabled()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_state_button_painted_in_state_colour(qtbot: Any, qapp: Any, theme: str) -> None:
    from desktop.themes import apply_theme
    from desktop.widgets.state_control import STATE_COLOURS

    apply_theme(qapp, theme)
    try:
        s = StateControl()
        qtbot.addWidget(s)
        s.show()
        qtbot.waitExposed(s)
        _, colours = STATE_COLOURS[theme]
        for state, (background, text) in colours.items():
            s.set_agent({"state": state, "since": 0.0}, 0.0)
            assert s.button.property("agentState") == state
            img = s.button.grab().toImage()
            pixel = img.pixelColor(4, img.height() // 2)
            assert pixel.name() == background, (theme, state)
            # the state's name is drawn in the state's text colour
            seen = {
                img.pixelColor(x, y).name() for x in range(img.width()) for y in range(img.height())
            }
            assert text in seen, (theme, state)
    finally:
        qapp.setStyleSheet("")
        qapp.setPalette(qapp.style().standardPalette())


def test_wrapup_dialog_validates_and_emits_drafts(qtbot: Any) -> None:
    d = WrapUpDialog()
    qtbot.addWidget(d)
    d.load({"call_id": "c9", "ani": "+861"}, ["resolved", "sale"], deadline=110.0)
    d.show()
    d.save.click()
    assert d.error.text() == "Choose a disposition."
    with qtbot.waitSignal(d.draftChanged) as blocker:
        d.notes.setPlainText("asked about invoice")
    assert blocker.args[0]["notes"] == "asked about invoice"
    d.disposition.setCurrentIndex(d.disposition.findData("sale"))
    d.follow_up.setChecked(True)
    d.save.click()
    assert "title" in d.error.text()
    d.issue_title.setText("send the refund form")
    with qtbot.waitSignal(d.submitted) as blocker:
        d.save.click()
    v = blocker.args[0]
    assert v["disposition"] == "sale" and v["follow_up"] and v["issue_title"]
    d.tick(100.0)
    assert d.countdown.text() == "00:10 left"
    with qtbot.waitSignal(d.expired):
        d.tick(111.0)
    # restoring a draft brings back everything typed
    d.load({"call_id": "c9"}, ["resolved", "sale"], None, v)
    assert d.notes.toPlainText() == "asked about invoice"
    assert d.disposition.currentData() == "sale" and d.issue_title.text()


def test_chooser_ranks_and_picks(qtbot: Any) -> None:
    from desktop.ranking import rank_candidates

    cands = [
        {"customer_id": "C1", "name": "Li A", "tier": "standard", "open_issues": 0},
        {"customer_id": "C2", "name": "Li B", "tier": "gold", "open_issues": 0},
        {"customer_id": "C3", "name": "Li C", "tier": "gold", "open_issues": 2},
    ]
    assert [c["customer_id"] for c in rank_candidates(cands)] == ["C3", "C2", "C1"]
    ranked = rank_candidates(cands, remembered="C1")
    assert ranked[0]["customer_id"] == "C1"
    ch = CandidateChooser()
    qtbot.addWidget(ch)
    ch.set_candidates("+8613800000000", ranked, "C1")
    assert "3" in ch.heading.text() and "+8613800000000" in ch.heading.text()
    assert _cells(ch.table)[0][-1] == "your last pick"
    ch.table.selectRow(1)
    with qtbot.waitSignal(ch.picked) as blocker:
        ch.pick.click()
    assert blocker.args == ["C3"]
    # the keyboard and the mouse: the best-ranked row is current on a new set of candidates,
    # Down moves, Enter picks; a double click picks the row under it
    from desktop.widgets.card_list import ROW_H

    ch.resize(900, 300)
    ch.show()
    qtbot.waitExposed(ch)
    ch.set_candidates("+8613800000000", ranked, "C1")
    assert ch.table.current_row() == 0
    ch.table.setFocus()
    qtbot.keyClick(ch.table, Qt.Key.Key_Down)
    with qtbot.waitSignal(ch.picked) as blocker:
        qtbot.keyClick(ch.table, Qt.Key.Key_Return)
    assert blocker.args == ["C3"]
    with qtbot.waitSignal(ch.picked) as blocker:
        qtbot.mouseDClick(
            ch.table, Qt.MouseButton.LeftButton, pos=QPoint(30, ROW_H * 3 + ROW_H // 2)
        )
    assert blocker.args == ["C2"]


def test_quick_create_form(qtbot: Any) -> None:
    f = QuickCreateForm()
    qtbot.addWidget(f)
    f.start("+8613811112222")
    f.save.click()
    assert f.error.text() == "A name is needed."
    f.name.setText("Zhao Lei")
    f.tier.setCurrentIndex(f.tier.findData("gold"))
    f.notes.setPlainText("new caller")
    with qtbot.waitSignal(f.createRequested) as blocker:
        f.save.click()
    assert blocker.args[0] == {
        "name": "Zhao Lei",
        "phone": "+8613811112222",
        "tier": "gold",
        "notes": "new caller",
    }


def test_transfer_picker_filters(qtbot: Any) -> None:
    p = TransferPicker()
    qtbot.addWidget(p)
    p.set_targets(
        [{"queue_id": "billing", "waiting": 2}, {"queue_id": "tech", "waiting": 0}],
        [
            {"agent_id": "A1", "name": "Me", "state": "on_call"},
            {"agent_id": "A2", "name": "Chen Jie", "state": "ready"},
            {"agent_id": "A3", "name": "Gone", "state": "logged_out"},
        ],
        me="A1",
    )
    visible = [p.targets.item(i).text() for i in range(p.targets.count())]
    assert len(visible) == 3 and any("Chen Jie" in t for t in visible)
    p.search.setText("chen")
    shown = [
        p.targets.item(i) for i in range(p.targets.count()) if not p.targets.item(i).isHidden()
    ]
    assert len(shown) == 1
    p.show()
    with qtbot.waitSignal(p.chosen) as blocker:
        p.ok.click()
    assert blocker.args == ["agent", "A2"]


def test_search_panel_debounces(qtbot: Any) -> None:
    w = MainWindow("0")
    qtbot.addWidget(w)
    with qtbot.waitSignal(w.search.searchRequested, timeout=WAIT_MS) as blocker:
        qtbot.keyClicks(w.search.edit, "Wang")
    assert blocker.args == ["Wang"]
    w.search.set_results("Wang", [{"customer_id": "C1", "name": "Wang", "tier": "gold"}])
    assert w.search.model.rowCount() == 1
    assert w.search.info.text() == "Customers found: 1"


def test_about_box_shows_version(qtbot: Any) -> None:
    w = MainWindow("1.2.3")
    qtbot.addWidget(w)
    w.about_action.trigger()
    assert "1.2.3" in w.about_box.text()
    w.about_box.close()


def test_status_bar(qtbot: Any) -> None:
    w = MainWindow("0")
    qtbot.addWidget(w)
    s = w.status
    s.set_connection("reconnecting", 4)
    assert "Reconnecting" in s.connection.text()
    s.set_connection("offline")
    assert s.connection.text() == "Offline"
    s.set_outbox(3)
    assert s.outbox.text() == "Outbox: 3"
    s.set_sync(None, None, central=False)
    assert "local data only" in s.sync.text()
    labels = [x.text() for x in w.findChildren(QLabel) if x.objectName() == "connectionStatus"]
    assert labels == ["Offline"]


def test_fits_1366x768(qtbot: Any, sample_card: dict, sample_call: dict) -> None:
    w = MainWindow("0")
    qtbot.addWidget(w)
    w.banner.show_offer(sample_call, None, 0.0)
    w.card.set_card(sample_card, sample_call, 0.0)
    w.show_page(PAGE_CARD)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    assert w.minimumSizeHint().width() <= 1366 and w.minimumSizeHint().height() <= 768
    for widget in (w.card.name, w.card.tier, w.card.ivr, w.card.route, w.banner.answer):
        pos = widget.mapTo(w, widget.rect().bottomRight())
        assert pos.x() <= 1366 and pos.y() <= 768, widget.objectName()


def test_talking_points_for_a_transferred_call(sample_card: dict, sample_call: dict) -> None:
    from desktop.talking_points import talking_points

    # to a named agent: the record's queue is the call's old queue, the origin
    route = {"rule": "transfer from A7", "step": 0, "reason": "transferred to A1"}
    call = dict(sample_call, route=route)
    points = dict(talking_points(sample_card, call, 1_795_000_000.0))
    assert points["transfer"].startswith("Transferred by A7 (queue VIP)")
    # to a queue: the record's queue is the new one, so the origin is not guessed
    route = {"rule": "transfer from A7", "step": 0, "reason": "transfer from A7: vip agents"}
    points = dict(talking_points(sample_card, dict(sample_call, route=route), 0.0))
    assert points["transfer"] == "Transferred by A7: confirm what was already done."
    # an explicit origin on the record wins over the routing
    explicit = {"from_agent": "A9", "from_agent_name": "Li Na", "from_queue": "billing"}
    call = dict(sample_call, route=route, transfer=explicit)
    points = dict(talking_points(sample_card, call, 0.0))
    assert points["transfer"].startswith("Transferred by Li Na (queue Billing)")
    plain = dict(talking_points(None, sample_call, 0.0))
    assert plain == {}


def test_card_lists_describe_their_rows_and_open_an_issue(
    qtbot: Any, sample_card: dict, sample_call: dict
) -> None:
    from desktop.widgets.card_list import ROW_H

    w = MainWindow("0")
    qtbot.addWidget(w)
    w.show_page(PAGE_CARD)
    w.show()
    qtbot.waitExposed(w)
    issues = [dict(sample_card["open_issues"][0], issue_id=f"I{i}") for i in range(7, 9)]
    card = dict(sample_card, open_issues=issues)
    w.card.set_card(card, sample_call, 1_795_000_000.0)
    # what a screen reader reads: every row, as "column: value" (set right after the paint)
    expected = "1: Product: Fibre 1000, Amount: CNY 399.00, Date: 2026-11-10"
    qtbot.waitUntil(lambda: w.card.purchases.accessibleDescription() == expected, timeout=WAIT_MS)
    assert "#: I7, Issue: Router keeps rebooting" in w.card.issues.accessibleDescription()
    assert "#: I8" in w.card.issues.accessibleDescription()
    assert "Outcome: Follow-up needed" in w.card.interactions.accessibleDescription()
    # a double click on the second issue row asks to open that issue
    with qtbot.waitSignal(w.card.issueActivated) as opened:
        qtbot.mouseDClick(
            w.card.issues, Qt.MouseButton.LeftButton, pos=QPoint(20, ROW_H + ROW_H + ROW_H // 2)
        )
    assert opened.args[0]["issue_id"] == "I8"
    assert w.card.issues.current_row() == 1  # the row opened is shown current
    # from the keyboard: Up moves to the first row, Enter opens it
    w.card.issues.setFocus()
    qtbot.keyClick(w.card.issues, Qt.Key.Key_Up)
    assert w.card.issues.current_row() == 0
    with qtbot.waitSignal(w.card.issueActivated) as opened:
        qtbot.keyClick(w.card.issues, Qt.Key.Key_Return)
    assert opened.args[0]["issue_id"] == "I7"
    # a new card: no row selected, the new rows described
    w.card.set_card(dict(sample_card, open_issues=[]), sample_call, 0.0)
    assert w.card.issues.current_row() == -1
    qtbot.waitUntil(lambda: w.card.issues.accessibleDescription() == "0", timeout=WAIT_MS)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_card_lists_painted_in_the_theme(
    qtbot: Any, qapp: Any, theme: str, sample_card: dict, sample_call: dict
) -> None:
    from desktop.themes import apply_theme
    from desktop.widgets.card_list import ROW_H

    apply_theme(qapp, theme)
    try:
        w = MainWindow("0")
        qtbot.addWidget(w)
        w.show_page(PAGE_CARD)
        w.show()
        qtbot.waitExposed(w)
        w.card.set_card(sample_card, sample_call, 0.0)
        view = w.card.purchases
        pal = view.palette()
        img = view.grab().toImage()
        header = img.pixelColor(img.width() - 4, ROW_H // 2)
        assert header == pal.color(QPalette.ColorRole.Button)
        empty_row = img.pixelColor(img.width() - 4, ROW_H * 3 + ROW_H // 2)
        assert empty_row == pal.color(QPalette.ColorRole.Base)
        # the row's text is drawn in the theme's text colour
        row = [img.pixelColor(x, ROW_H + ROW_H // 2) for x in range(4, 80)]
        assert pal.color(QPalette.ColorRole.Text) in row
    finally:
        qapp.setStyleSheet("")
        qapp.setPalette(qapp.style().standardPalette())


@pytest.mark.parametrize("first, then", [("light", "dark"), ("dark", "light")])
def test_card_boxes_follow_a_theme_switch(
    qtbot: Any, qapp: Any, first: str, then: str, sample_card: dict, sample_call: dict
) -> None:
    """The card paints its boxes from a pixmap made once (the chrome): a theme switch at run
    time must show the new theme's boxes, not the old pixmap."""
    from desktop.themes import apply_theme

    box_background = {"light": "#ffffff", "dark": "#22262b"}  # the themes' QGroupBox rule
    apply_theme(qapp, first)
    try:
        w = MainWindow("0")
        qtbot.addWidget(w)
        w.resize(1366, 768)
        w.show_page(PAGE_CARD)
        w.card.set_card(sample_card, sample_call, 0.0)
        w.show()
        qtbot.waitExposed(w)
        box = w.card.points_box
        # a point inside the talking-points box, below its text
        at = box.mapTo(w.card, box.rect().bottomLeft()) + QPoint(20, -12)
        for theme in (first, then):
            apply_theme(qapp, theme)
            img = w.card.grab().toImage()
            assert img.pixelColor(at).name() == box_background[theme], theme
    finally:
        qapp.setStyleSheet("")
        qapp.setPalette(qapp.style().standardPalette())


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_what_pops_leave_on_screen_is_a_full_repaint(
    qtbot: Any, qapp: Any, theme: str, sample_card: dict, sample_call: dict
) -> None:
    """A pop repaints only what changed (labels, the lists' rows, not the lists' headers or the
    card's chrome). After a run of pops, the window on screen (the offscreen platform's backing
    store, where those partial paints accumulate) must be what a full repaint draws."""
    from desktop.themes import apply_theme
    from desktop.widgets.main_window import PAGE_CHOOSER, PAGE_CREATE

    apply_theme(qapp, theme)
    try:
        w = MainWindow("0")
        qtbot.addWidget(w)
        w.resize(1366, 740)
        w.show()
        qtbot.waitExposed(w)
        customer = sample_card["customer"]
        many = dict(
            sample_card,
            customer=dict(customer, name="Li Na", tier="standard", customer_id="C9"),
            purchases=sample_card["purchases"] * 5,
            open_issues=[],
            interactions=sample_card["interactions"] * 3,
        )
        other = dict(
            sample_card,
            customer=dict(customer, name="欧阳 Alexandra-Wilhelmina", tier="gold", lifecycle="vip"),
        )
        candidates = [
            {"customer_id": f"C{i}", "name": f"Chen {i}", "tier": "silver", "open_issues": i}
            for i in range(3)
        ]
        steps: list[tuple[str, Any]] = [
            ("card", many), ("card", sample_card), ("card", other), ("chooser", candidates),
            ("card", many), ("create", None), ("card", sample_card), ("quiet", None),
            ("card", other),
        ]  # fmt: skip
        screen = w.screen()
        for i, (kind, data) in enumerate(steps):
            call = dict(sample_call, call_id=f"c-{i}", ani=f"+86139000000{i:02d}")
            if kind == "quiet":
                w.banner.clear()
            else:
                w.banner.show_offer(call, 1_795_000_015.0, 1_795_000_000.0 + i)
            if kind == "card":
                w.card.set_card(data, call, 1_795_000_000.0 + i)
                w.card.set_freshness("local", 1_795_000_000.0)
                w.banner.set_caller(data["customer"]["name"])
                w.show_page(PAGE_CARD)
            elif kind == "chooser":
                w.chooser.set_candidates(call["ani"], data, None)
                w.show_page(PAGE_CHOOSER)
            elif kind == "create":
                w.create.start(call["ani"])
                w.show_page(PAGE_CREATE)
            QApplication.sendPostedEvents()
            QApplication.processEvents()
            shown = screen.grabWindow(w.winId()).toImage()
            full = w.grab().toImage().convertToFormat(shown.format())
            assert shown.size() == full.size()
            assert shown == full, (theme, i, kind)
    finally:
        qapp.setStyleSheet("")
        qapp.setPalette(qapp.style().standardPalette())
