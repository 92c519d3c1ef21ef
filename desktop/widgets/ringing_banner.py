"""The ringing banner: number, queue, ring countdown, answer and reject."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.widgets.common import fmt_duration, queue_label, set_ids, set_style_prop

ANSWER_KEY = "Ctrl+Return"
#: The countdown's text when there is none: blank but not empty, so the label (and with it the
#: banner) keeps the height it has while ringing. An empty label is measured differently, and a
#: banner changing height on every pop and hang-up moved everything below it: a relayout and
#: repaint of the whole window (most of the pop's paint time).
NO_COUNTDOWN = " "
REJECT_KEY = "Ctrl+Backspace"


class RingingBanner(QFrame):
    answerClicked = Signal()
    rejectClicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_ids(self, "ringingBanner")
        self.setProperty("role", "banner")
        self._deadline: float | None = None
        self.call_id: str | None = None
        self.title = set_ids(QLabel(), "ringingNumber")
        self.title.setProperty("role", "bannerTitle")
        self.detail = set_ids(QLabel(), "ringingQueue")
        self.countdown = set_ids(QLabel(), "ringCountdown")
        self.countdown.setProperty("role", "bannerTitle")
        self.answer = set_ids(QPushButton(), "answerButton")
        self.answer.setProperty("role", "answer")
        self.reject = set_ids(QPushButton(), "rejectButton")
        self.reject.setProperty("role", "reject")
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title)
        text.addWidget(self.detail)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 8)
        row.addLayout(text, 1)
        row.addWidget(self.countdown)
        row.addWidget(self.answer)
        row.addWidget(self.reject)
        self.answer.clicked.connect(self.answerClicked)
        self.reject.clicked.connect(self.rejectClicked)
        self.ringing = False
        self.retranslate()
        self.clear()

    def retranslate(self) -> None:
        self.answer.setText(self.tr("Answer"))
        self.answer.setToolTip(
            self.tr("Answer the call (%1)").replace(
                "%1", QKeySequence(ANSWER_KEY).toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.reject.setText(self.tr("Reject"))
        if not getattr(self, "ringing", False) and hasattr(self, "ringing"):
            self.title.setText(self.tr("No call waiting"))
            self.detail.setText(self.tr("Incoming calls ring here."))
        self.reject.setToolTip(
            self.tr("Reject: the call goes back to its queue (%1)").replace(
                "%1", QKeySequence(REJECT_KEY).toString(QKeySequence.SequenceFormat.NativeText)
            )
        )

    def show_offer(
        self, call: dict[str, Any], deadline: float | None, now: float, caller: str = ""
    ) -> None:
        self.call_id = call.get("call_id")
        self._deadline = deadline
        number = call.get("ani") or self.tr("Withheld number")
        self.title.setText(self.tr("Incoming call %1").replace("%1", str(number)))
        parts = [self.tr("Queue: %1").replace("%1", queue_label(call.get("queue")))]
        if caller:
            parts.append(caller)
        self.detail.setText("  ·  ".join(parts))
        self.ringing = True
        set_style_prop(self, "ringing", True)
        self.set_enabled(True)
        self.tick(now)
        self._keep_height()

    def set_caller(self, caller: str) -> None:
        text = self.detail.text().split("  ·  ")[0]
        self.detail.setText(f"{text}  ·  {caller}" if caller else text)
        self._keep_height()

    def _keep_height(self) -> None:
        """Grow-only minimum height: the banner's natural height differs by a few pixels between
        texts (fonts, fallback fonts for CJK names); following it moved everything below the
        banner on each pop and hang-up, a relayout and repaint of the whole window. Once it has
        seen both states the banner keeps its height."""
        h = self.sizeHint().height()
        if h > self.minimumHeight():
            self.setMinimumHeight(h)

    def set_enabled(self, enabled: bool) -> None:
        self.answer.setEnabled(enabled)
        self.reject.setEnabled(enabled)

    def tick(self, now: float) -> None:
        if self._deadline is None:
            self.countdown.setText(NO_COUNTDOWN)
            return
        left = max(0.0, self._deadline - now)
        self.countdown.setText(self.tr("Rings for %1").replace("%1", fmt_duration(left + 0.999)))

    def clear(self) -> None:
        """Back to the quiet state. The banner keeps its place (no relayout on each pop)."""
        self.call_id = None
        self._deadline = None
        self.ringing = False
        set_style_prop(self, "ringing", False)
        self.title.setText(self.tr("No call waiting"))
        self.detail.setText(self.tr("Incoming calls ring here."))
        self.countdown.setText(NO_COUNTDOWN)
        self.set_enabled(False)
        self._keep_height()
