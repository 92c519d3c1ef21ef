"""Wrap-up: disposition, notes, an optional follow-up issue, the next state and a countdown.

Every edit emits ``draftChanged`` so the application can persist the draft at once (nothing
typed is lost if the app is closed or killed). ``submitted`` carries the finished wrap-up.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.widgets.common import (
    disposition_label,
    fmt_duration,
    priority_label,
    set_ids,
)

SAVE_KEY = "Ctrl+S"
PRIORITIES = ("normal", "high", "urgent", "low")


class WrapUpDialog(QDialog):
    draftChanged = Signal(dict)
    submitted = Signal(dict)
    expired = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_ids(self, "wrapUpDialog")
        self.setModal(False)
        self.call: dict[str, Any] = {}
        self._deadline: float | None = None
        self._expired_sent = False
        self._loading = False
        self.heading = set_ids(QLabel(), "wrapUpHeading")
        self.heading.setProperty("role", "customerName")
        self.countdown = set_ids(QLabel(), "wrapUpCountdown")
        self.countdown.setProperty("role", "timer")
        self.disposition = set_ids(QComboBox(), "dispositionBox")
        self.notes = set_ids(QPlainTextEdit(), "notesEdit")
        self.follow_up = set_ids(QCheckBox(), "followUpCheck")
        self.issue_title = set_ids(QLineEdit(), "followUpTitle")
        self.issue_priority = set_ids(QComboBox(), "followUpPriority")
        self.next_state = set_ids(QComboBox(), "nextStateBox")
        self.error = set_ids(QLabel(), "wrapUpError")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.save = set_ids(QPushButton(), "wrapUpSave")
        self.save.setDefault(True)
        self.save.setShortcut(QKeySequence(SAVE_KEY))
        self.form = QFormLayout()
        self._labels = [QLabel() for _ in range(4)]
        self.form.addRow(self._labels[0], self.disposition)
        self.form.addRow(self._labels[1], self.notes)
        issue_row = QHBoxLayout()
        issue_row.addWidget(self.follow_up)
        issue_row.addWidget(self.issue_title, 1)
        issue_row.addWidget(self.issue_priority)
        self.form.addRow(self._labels[2], issue_row)
        self.form.addRow(self._labels[3], self.next_state)
        head = QHBoxLayout()
        head.addWidget(self.heading, 1)
        head.addWidget(self.countdown)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.save)
        lay = QVBoxLayout(self)
        lay.addLayout(head)
        lay.addLayout(self.form)
        lay.addLayout(buttons)
        self.resize(520, 420)
        self.save.clicked.connect(self._submit)
        self.follow_up.toggled.connect(self._follow_up_toggled)
        for sig in (
            self.disposition.currentIndexChanged,
            self.notes.textChanged,
            self.follow_up.toggled,
            self.issue_title.textChanged,
            self.issue_priority.currentIndexChanged,
            self.next_state.currentIndexChanged,
        ):
            sig.connect(self._changed)
        self._dispositions: list[str] = []
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Wrap-up"))
        labels = (self.tr("Disposition"), self.tr("Notes"), self.tr("Follow-up"), self.tr("Then"))
        for label, text in zip(self._labels, labels, strict=True):
            label.setText(text)
        self.follow_up.setText(self.tr("Open an issue:"))
        self.issue_title.setPlaceholderText(self.tr("What needs to be followed up"))
        self.notes.setPlaceholderText(self.tr("What was asked, what was done, what was promised"))
        self.save.setText(self.tr("Save and finish"))
        self.save.setToolTip(
            self.tr("Save the wrap-up (%1)").replace(
                "%1", QKeySequence(SAVE_KEY).toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        loading, self._loading = self._loading, True
        try:
            prio = self.issue_priority.currentData()
            self.issue_priority.clear()
            for p in PRIORITIES:
                self.issue_priority.addItem(priority_label(p), p)
            if prio:
                self.issue_priority.setCurrentIndex(self.issue_priority.findData(prio))
            nxt = self.next_state.currentData()
            self.next_state.clear()
            self.next_state.addItem(self.tr("Ready for the next call"), "ready")
            self.next_state.addItem(self.tr("Not ready"), "not_ready")
            if nxt:
                self.next_state.setCurrentIndex(self.next_state.findData(nxt))
            disp = self.disposition.currentData()
            self.disposition.clear()
            self.disposition.addItem(self.tr("— choose —"), None)
            for code in self._dispositions:
                self.disposition.addItem(disposition_label(code), code)
            if disp:
                self.disposition.setCurrentIndex(self.disposition.findData(disp))
        finally:
            self._loading = loading
        self._update_heading()

    def _update_heading(self) -> None:
        who = self.call.get("customer_name") or self.call.get("ani") or ""
        self.heading.setText(self.tr("Wrap-up: %1").replace("%1", str(who)))

    def load(
        self,
        call: dict[str, Any],
        dispositions: list[str],
        deadline: float | None,
        draft: dict[str, Any] | None = None,
    ) -> None:
        """Fill the dialog for ``call``; ``draft`` restores what was typed before."""
        self._loading = True
        try:
            self.call = dict(call)
            self._dispositions = list(dispositions)
            self._deadline = deadline
            self._expired_sent = False
            self.disposition.setCurrentIndex(0)
            self.notes.clear()
            self.follow_up.setChecked(False)
            self.issue_title.clear()
            self.next_state.setCurrentIndex(0)
            self.retranslate()
            draft = draft or {}
            if draft.get("disposition"):
                self.disposition.setCurrentIndex(
                    max(0, self.disposition.findData(draft["disposition"]))
                )
            self.notes.setPlainText(draft.get("notes", ""))
            self.follow_up.setChecked(bool(draft.get("follow_up")))
            self.issue_title.setText(draft.get("issue_title", ""))
            if draft.get("issue_priority"):
                self.issue_priority.setCurrentIndex(
                    max(0, self.issue_priority.findData(draft["issue_priority"]))
                )
            if draft.get("next_state"):
                idx = self.next_state.findData(draft["next_state"])
                self.next_state.setCurrentIndex(max(0, idx))
            self._follow_up_toggled(self.follow_up.isChecked())
            self.error.clear()
            self.save.setEnabled(True)
        finally:
            self._loading = False

    def values(self) -> dict[str, Any]:
        return {
            "call_id": self.call.get("call_id"),
            "disposition": self.disposition.currentData(),
            "notes": self.notes.toPlainText(),
            "follow_up": self.follow_up.isChecked(),
            "issue_title": self.issue_title.text(),
            "issue_priority": self.issue_priority.currentData(),
            "next_state": self.next_state.currentData() or "ready",
        }

    def _follow_up_toggled(self, on: bool) -> None:
        self.issue_title.setEnabled(on)
        self.issue_priority.setEnabled(on)

    def _changed(self, *_: Any) -> None:
        if not self._loading:
            self.error.clear()
            self.draftChanged.emit(self.values())

    def _submit(self) -> None:
        data = self.values()
        if not data["disposition"]:
            self.error.setText(self.tr("Choose a disposition."))
            self.disposition.setFocus()
            return
        if data["follow_up"] and not data["issue_title"].strip():
            self.error.setText(self.tr("Give the follow-up issue a title."))
            self.issue_title.setFocus()
            return
        self.save.setEnabled(False)
        self.submitted.emit(data)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.save.setEnabled(True)

    def tick(self, now: float) -> None:
        if self._deadline is None:
            self.countdown.setText("")
            return
        left = self._deadline - now
        self.countdown.setText(
            self.tr("%1 left").replace("%1", fmt_duration(max(0.0, left) + 0.999))
        )
        if left <= 0 and not self._expired_sent:
            self._expired_sent = True
            self.expired.emit()

    def reject(self) -> None:
        """Escape does not throw a wrap-up away; the draft stays until it is saved."""

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.isVisible() and self.call and self.save.isEnabled():
            event.ignore()
            return
        super().closeEvent(event)
