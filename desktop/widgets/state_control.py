"""Agent state control: ready, not ready (with a reason), log in/out; state and time in it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QMenu, QToolButton, QWidget

from desktop.widgets.common import (
    fmt_duration,
    reason_label,
    set_ids,
    state_label,
)

AGENT_STATES = ("logged_out", "ready", "not_ready", "reserved", "on_call", "wrap_up")
READY_KEY = "Ctrl+R"
NOT_READY_KEY = "Ctrl+N"
LOGOUT_KEY = "Ctrl+Shift+L"

#: per theme: the button's border, then each state's (background, text) colour; other states
#: (logged out) get the theme's plain button look from the style sheet
STATE_COLOURS: dict[str, tuple[str, dict[str, tuple[str, str]]]] = {
    "light": (
        "#c5cad3",
        {
            "ready": ("#dcf5e3", "#14532d"),
            "not_ready": ("#fde8e8", "#7f1d1d"),
            "on_call": ("#dbe8ff", "#1e3a8a"),
            "reserved": ("#fff4d6", "#5a3d00"),
            "wrap_up": ("#efe3ff", "#4c1d95"),
        },
    ),
    "dark": (
        "#3a3f47",
        {
            "ready": ("#1d4d2c", "#d9f7e2"),
            "not_ready": ("#5a2424", "#ffe1e1"),
            "on_call": ("#1f3766", "#dbe8ff"),
            "reserved": ("#4d3d10", "#ffe9a8"),
            "wrap_up": ("#3f2a66", "#efe3ff"),
        },
    ),
}


class StateButton(QToolButton):
    """The state button, painted here in its state's colours (``STATE_COLOURS``): no style
    sheet rule on an ``agentState`` property, so a state change (ready -> ringing on every
    pop) re-polishes nothing. ``property("agentState")`` still says which state it shows."""

    def set_state(self, state: str) -> None:
        if self.property("agentState") != state:
            self.setProperty("agentState", state)
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        app = QApplication.instance()
        theme = str(app.property("agentdeskTheme") or "light") if app is not None else "light"
        border, states = STATE_COLOURS.get(theme, STATE_COLOURS["light"])
        colours = states.get(str(self.property("agentState")))
        if colours is None:
            super().paintEvent(event)
            return
        background, text = colours
        if not self.isEnabled():
            text = self.palette().color(self.palette().ColorGroup.Disabled, self.foregroundRole())
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor(border), 1))
        p.setBrush(QColor(background))
        p.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        p.setPen(QColor(text))
        arrow = 8  # the menu's arrow, bottom right (as the style draws it)
        p.drawText(self.rect().adjusted(0, 0, -arrow, 0), Qt.AlignmentFlag.AlignCenter, self.text())
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(text))
        x, y = self.width() - 10.0, self.height() - 8.0
        p.drawPolygon(QPolygonF([QPointF(x, y), QPointF(x + 6, y), QPointF(x + 3, y + 3)]))
        p.end()


class StateControl(QWidget):
    readyRequested = Signal()
    notReadyRequested = Signal(str)
    loginRequested = Signal()
    logoutRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.agent: dict[str, Any] = {}
        self._since: float | None = None
        self._reasons: list[str] = []
        self._connected = True
        self.button = set_ids(StateButton(), "agentState")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setProperty("role", "state")
        self.time = set_ids(QLabel(), "timeInState")
        self.time.setProperty("role", "timer")
        self.menu = set_ids(QMenu(self), "agentStateMenu")
        self.button.setMenu(self.menu)
        self.ready_action = QAction(self)
        self.ready_action.setShortcut(QKeySequence(READY_KEY))
        self.ready_action.triggered.connect(self.readyRequested)
        self.reasons_menu = QMenu(self)
        self.not_ready_action = QAction(self)
        self.not_ready_action.setShortcut(QKeySequence(NOT_READY_KEY))
        self.not_ready_action.triggered.connect(
            lambda: self.notReadyRequested.emit(self._reasons[0] if self._reasons else "break")
        )
        self.login_action = QAction(self)
        self.login_action.triggered.connect(self.loginRequested)
        self.logout_action = QAction(self)
        self.logout_action.setShortcut(QKeySequence(LOGOUT_KEY))
        self.logout_action.triggered.connect(self.logoutRequested)
        for act, name in (
            (self.ready_action, "readyAction"),
            (self.not_ready_action, "notReadyAction"),
            (self.login_action, "loginAction"),
            (self.logout_action, "logoutAction"),
        ):
            act.setObjectName(name)
        set_ids(self.reasons_menu, "notReadyReasons")
        self.reasons_menu.menuAction().setObjectName("notReadyReasons")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.button)
        lay.addWidget(self.time)
        self.retranslate()

    def actions_list(self) -> list[QAction]:
        return [self.ready_action, self.not_ready_action, self.login_action, self.logout_action]

    def set_reasons(self, reasons: list[str]) -> None:
        self._reasons = list(reasons)
        self.retranslate()

    def retranslate(self) -> None:
        def key(k: str) -> str:
            return QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)

        self.ready_action.setText(self.tr("&Ready"))
        self.ready_action.setToolTip(self.tr("Take calls (%1)").replace("%1", key(READY_KEY)))
        self.not_ready_action.setText(self.tr("&Not ready"))
        self.not_ready_action.setToolTip(
            self.tr("Stop taking calls (%1)").replace("%1", key(NOT_READY_KEY))
        )
        self.login_action.setText(self.tr("Log &in"))
        self.logout_action.setText(self.tr("Log &out"))
        self.logout_action.setToolTip(self.tr("Log out (%1)").replace("%1", key(LOGOUT_KEY)))
        self.reasons_menu.setTitle(self.tr("Not ready: reason"))
        self.reasons_menu.clear()
        for reason in self._reasons:
            act = self.reasons_menu.addAction(reason_label(reason))
            act.setObjectName(f"notReady_{reason}")
            act.triggered.connect(lambda _c=False, r=reason: self.notReadyRequested.emit(r))
        self.menu.clear()
        self.menu.addAction(self.ready_action)
        self.menu.addMenu(self.reasons_menu)
        self.menu.addSeparator()
        self.menu.addAction(self.login_action)
        self.menu.addAction(self.logout_action)
        self.button.setToolTip(self.tr("Your state: click to change"))
        self._render()
        self._steady_width()

    def _steady_width(self) -> None:
        """A minimum width that holds every state's name (and the time label's "0:00:00"), so
        "Ready" -> "Ringing" -> "On call" on each call repaints the button and moves nothing
        (a change of width moved the whole call bar: a relayout and repaint on every pop)."""
        self.button.ensurePolished()
        self.time.ensurePolished()
        fm = self.button.fontMetrics()
        overhead = self.button.sizeHint().width() - fm.horizontalAdvance(self.button.text())
        names = [state_label(s) for s in AGENT_STATES]
        self.button.setMinimumWidth(max(fm.horizontalAdvance(n) for n in names) + overhead)
        self.time.setMinimumWidth(self.time.fontMetrics().horizontalAdvance("0:00:00") + 4)

    def set_connected(self, connected: bool) -> None:
        self._connected = connected
        self._render()

    def set_agent(self, agent: dict[str, Any], now: float) -> None:
        self.agent = dict(agent)
        self._since = agent.get("since")
        self._render()
        self.tick(now)

    def _render(self) -> None:
        state = self.agent.get("state") or "logged_out"
        text = state_label(state)
        if state == "not_ready" and self.agent.get("reason"):
            text += " · " + reason_label(self.agent.get("reason"))
        self.button.setText(text)
        self.button.set_state(state)
        idle = state in ("ready", "not_ready")
        self.ready_action.setEnabled(self._connected and idle and state != "ready")
        self.not_ready_action.setEnabled(self._connected and idle)
        self.reasons_menu.setEnabled(self._connected and idle)
        self.login_action.setEnabled(self._connected and state == "logged_out")
        self.login_action.setVisible(state == "logged_out")
        self.logout_action.setEnabled(self._connected and idle)
        self.logout_action.setVisible(state != "logged_out")

    def tick(self, now: float) -> None:
        if self._since is None:
            self.time.setText("")
            return
        self.time.setText(fmt_duration(now - float(self._since)))
