"""Call controls: hold/resume, transfer, hang up, and the call timer.

Each control is a ``QAction`` (with its shortcut, shown in the tooltip and in the window's Call
menu) and a button bound to it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.widgets.common import fmt_duration, queue_label, set_ids

HOLD_KEY = "Ctrl+H"
TRANSFER_KEY = "Ctrl+T"
HANGUP_KEY = "Ctrl+E"


def shortcut_text(key: str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def bind(button: QPushButton, action: QAction) -> None:
    """The button triggers the action and follows its enabled state, text and tooltip."""
    button.clicked.connect(action.trigger)

    def follow() -> None:
        button.setEnabled(action.isEnabled())
        button.setText(action.text().replace("&", ""))
        button.setToolTip(action.toolTip())

    action.changed.connect(follow)
    follow()


class CallControls(QFrame):
    holdClicked = Signal()
    resumeClicked = Signal()
    transferClicked = Signal()
    hangupClicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_ids(self, "callControls")
        self.setProperty("role", "callbar")
        self.state: str | None = None
        self._started: float | None = None
        self._connected = True
        self.hold_action = QAction(self)
        self.hold_action.setShortcut(QKeySequence(HOLD_KEY))
        self.transfer_action = QAction(self)
        self.transfer_action.setShortcut(QKeySequence(TRANSFER_KEY))
        self.hangup_action = QAction(self)
        self.hold_action.setObjectName("holdAction")
        self.transfer_action.setObjectName("transferAction")
        self.hangup_action.setObjectName("hangupAction")
        self.hangup_action.setShortcut(QKeySequence(HANGUP_KEY))
        self.hold_action.triggered.connect(self._hold_triggered)
        self.transfer_action.triggered.connect(self.transferClicked)
        self.hangup_action.triggered.connect(self.hangupClicked)

        self.call_label = set_ids(QLabel(), "callInfo")
        self.timer = set_ids(QLabel(), "callTimer")
        self.timer.setProperty("role", "timer")
        self.hold = set_ids(QPushButton(), "holdButton")
        self.transfer = set_ids(QPushButton(), "transferButton")
        self.hangup = set_ids(QPushButton(), "hangupButton")
        self.hangup.setProperty("role", "reject")
        self.retranslate()
        bind(self.hold, self.hold_action)
        bind(self.transfer, self.transfer_action)
        bind(self.hangup, self.hangup_action)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(8, 4, 8, 4)
        lay.addWidget(self.call_label, 1)
        lay.addWidget(self.timer)
        lay.addWidget(self.hold)
        lay.addWidget(self.transfer)
        lay.addWidget(self.hangup)
        self.set_call(None, None)

    def actions_list(self) -> list[QAction]:
        return [self.hold_action, self.transfer_action, self.hangup_action]

    def retranslate(self) -> None:
        held = self.state == "held"
        text = self.tr("&Resume") if held else self.tr("&Hold")
        tip = self.tr("Resume the held call (%1)")
        if not held:
            tip = self.tr("Put the caller on hold (%1)")
        self.hold_action.setText(text)
        self.hold_action.setToolTip(tip.replace("%1", shortcut_text(HOLD_KEY)))
        self.transfer_action.setText(self.tr("&Transfer…"))
        self.transfer_action.setToolTip(
            self.tr("Transfer to a queue or an agent (%1)").replace(
                "%1", shortcut_text(TRANSFER_KEY)
            )
        )
        self.hangup_action.setText(self.tr("Hang &up"))
        self.hangup_action.setToolTip(
            self.tr("End the call and start wrap-up (%1)").replace("%1", shortcut_text(HANGUP_KEY))
        )
        self._update_label(None)

    def _hold_triggered(self) -> None:
        if self.state == "held":
            self.resumeClicked.emit()
        else:
            self.holdClicked.emit()

    def set_connected(self, connected: bool) -> None:
        self._connected = connected
        self._apply()

    def set_call(self, call: dict[str, Any] | None, now: float | None) -> None:
        was_held = self.state == "held"
        self.state = (call or {}).get("state")
        if call and self.state in ("connected", "held"):
            self._started = call.get("answered_at") or now
        else:
            self._started = None
        self._call = call
        if (self.state == "held") != was_held:
            self.retranslate()  # hold <-> resume: the action's text and tooltip
        else:
            self._update_label(None)
        self._apply()
        self.tick(now or 0.0)

    def _apply(self) -> None:
        live = self._connected and self.state in ("connected", "held")
        self.hold_action.setEnabled(live)
        self.transfer_action.setEnabled(live)
        self.hangup_action.setEnabled(live)

    def _update_label(self, _now: float | None) -> None:
        call = getattr(self, "_call", None)
        if not call or self.state not in ("connected", "held"):
            self.call_label.setText(self.tr("No call"))
            return
        status = self.tr("On hold") if self.state == "held" else self.tr("Talking")
        self.call_label.setText(
            self.tr("%1 with %2 · %3")
            .replace("%1", status)
            .replace("%2", str(call.get("ani") or "?"))
            .replace("%3", queue_label(call.get("queue")))
        )

    def tick(self, now: float) -> None:
        if self._started is None:
            self.timer.setText("")
            return
        self.timer.setText(fmt_duration(now - self._started))
