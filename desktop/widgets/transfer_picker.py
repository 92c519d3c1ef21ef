"""Transfer target picker: queues and named agents, filtered as you type."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.widgets.common import queue_label, set_ids, state_label


class TransferPicker(QDialog):
    """Emits ``chosen(kind, target)`` with kind ``queue`` or ``agent``."""

    chosen = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_ids(self, "transferPicker")
        self.search = set_ids(QLineEdit(), "transferSearch")
        self.search.setClearButtonEnabled(True)
        self.targets = set_ids(QListWidget(), "transferTargets")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        set_ids(self.ok, "transferConfirm")
        set_ids(self.buttons.button(QDialogButtonBox.StandardButton.Cancel), "transferCancel")
        lay = QVBoxLayout(self)
        lay.addWidget(self.search)
        lay.addWidget(self.targets, 1)
        lay.addWidget(self.buttons)
        self.search.textChanged.connect(self._filter)
        self.targets.itemDoubleClicked.connect(lambda _i: self.accept())
        self.targets.currentItemChanged.connect(lambda *_: self._update_ok())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.resize(420, 460)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Transfer the call"))
        self.search.setPlaceholderText(self.tr("Type a queue or an agent's name or id"))
        self.ok.setText(self.tr("Transfer"))

    def set_targets(
        self, queues: list[dict[str, Any]], agents: list[dict[str, Any]], me: str
    ) -> None:
        self.targets.clear()
        for q in queues:
            waiting = q.get("waiting")
            label = self.tr("Queue: %1").replace("%1", queue_label(q["queue_id"]))
            if waiting is not None:
                label += "  " + self.tr("(waiting: %n)", "", int(waiting))
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, ("queue", q["queue_id"]))
            item.setData(Qt.ItemDataRole.UserRole + 1, f"{q['queue_id']} {label}".lower())
            self.targets.addItem(item)
        for a in sorted(agents, key=lambda a: (a.get("state") != "ready", a.get("name") or "")):
            if a.get("agent_id") == me or a.get("state") == "logged_out":
                continue
            label = self.tr("Agent: %1 (%2) · %3")
            label = (
                label.replace("%1", str(a.get("name") or a["agent_id"]))
                .replace("%2", str(a["agent_id"]))
                .replace("%3", state_label(a.get("state")))
            )
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, ("agent", a["agent_id"]))
            item.setData(
                Qt.ItemDataRole.UserRole + 1, f"{a['agent_id']} {a.get('name') or ''}".lower()
            )
            self.targets.addItem(item)
        self.search.clear()
        self._filter("")

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        first = None
        for i in range(self.targets.count()):
            item = self.targets.item(i)
            hay = str(item.data(Qt.ItemDataRole.UserRole + 1))
            hidden = bool(needle) and needle not in hay
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        self.targets.setCurrentItem(first)
        self._update_ok()

    def _update_ok(self) -> None:
        item = self.targets.currentItem()
        self.ok.setEnabled(item is not None and not item.isHidden())

    def accept(self) -> None:
        item = self.targets.currentItem()
        if item is None or item.isHidden():
            return
        kind, target = item.data(Qt.ItemDataRole.UserRole)
        super().accept()
        self.chosen.emit(kind, target)
