"""The ringing banner: number, queue, ring countdown, answer and reject."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QPushButton, QWidget

from desktop.widgets.common import fmt_duration, queue_label, set_ids

ANSWER_KEY = "Ctrl+Return"
#: The countdown's text when there is none: blank but not empty, so the label (and with it the
#: banner) keeps the height it has while ringing. An empty label is measured differently, and a
#: banner changing height on every pop and hang-up moved everything below it: a relayout and
#: repaint of the whole window (most of the pop's paint time).
NO_COUNTDOWN = " "
REJECT_KEY = "Ctrl+Backspace"
#: the ringing look per theme (background, border), painted by the banner itself: a stylesheet
#: rule on a ``ringing`` property meant a style re-polish on every pop and every hang-up
RINGING_COLOURS = {"light": ("#fff4d6", "#e0a100"), "dark": ("#3a2f12", "#d4a017")}
#: and its quiet look
QUIET_COLOURS = {"light": ("#ffffff", "#d5d9e0"), "dark": ("#262a30", "#3a3f47")}


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
        # No QLayout: ``_place`` positions the parts from the banner's size and the fonts only, so
        # a new number, caller or countdown repaints those labels and moves nothing (with a
        # layout, each text change relaid out the banner and, through it, the whole window).
        for child in (self.title, self.detail, self.countdown, self.answer, self.reject):
            child.setParent(self)
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setMinimumWidth(560)
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
        self._place()  # the buttons' and the countdown's widths follow the language

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
        self._set_ringing_look(True)
        self.set_enabled(True)
        self.tick(now)

    def set_caller(self, caller: str) -> None:
        text = self.detail.text().split("  ·  ")[0]
        self.detail.setText(f"{text}  ·  {caller}" if caller else text)

    # -- geometry and look (no layout: see ``__init__``) ---------------------------------------
    def _line(self, label: QLabel) -> int:
        label.ensurePolished()
        # CJK names fall back to another font, a little taller than the UI font
        return label.fontMetrics().height() + 4

    def _place(self) -> None:
        title_h, detail_h = self._line(self.title), self._line(self.detail)
        height = 8 + title_h + 2 + detail_h + 8
        if self.height() != height:
            self.setFixedHeight(height)  # constant: nothing below the banner ever moves
        x = self.width() - 12
        for button in (self.reject, self.answer):
            button.ensurePolished()
            hint = button.sizeHint()
            x -= hint.width()
            button.setGeometry(x, (height - hint.height()) // 2, hint.width(), hint.height())
            x -= 6
        fm = self.countdown.fontMetrics()
        cw = fm.horizontalAdvance(self.tr("Rings for %1").replace("%1", "00:00")) + 12
        x -= cw + 6
        self.countdown.setGeometry(x, (height - title_h) // 2, cw, title_h)
        self.title.setGeometry(12, 8, max(0, x - 24), title_h)
        self.detail.setGeometry(12, 8 + title_h + 2, max(0, x - 24), detail_h)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._place()

    def _set_ringing_look(self, ringing: bool) -> None:
        if self.property("ringing") != ringing:
            self.setProperty("ringing", ringing)  # for automation; no re-polish
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """The banner's panel, quiet or ringing, painted here: the inside a plain rectangle fill,
        only the rounded border antialiased. (A stylesheet's rounded background filled the whole
        banner as an antialiased path, and every label repaint on it repainted that under the
        label: about half the banner's paint on a pop.)"""
        app = QApplication.instance()
        theme = str(app.property("agentdeskTheme") or "light") if app is not None else "light"
        colours = RINGING_COLOURS if self.ringing else QUIET_COLOURS
        background, border = colours.get(theme, colours["light"])
        r = self.rect()
        p = QPainter(self)
        p.fillRect(r.adjusted(2, 2, -2, -2), QColor(background))
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor(border), 2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(QRectF(r).adjusted(1, 1, -1, -1), 6, 6)
        p.end()

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
        self._set_ringing_look(False)
        self.title.setText(self.tr("No call waiting"))
        self.detail.setText(self.tr("Incoming calls ring here."))
        self.countdown.setText(NO_COUNTDOWN)
        self.set_enabled(False)
