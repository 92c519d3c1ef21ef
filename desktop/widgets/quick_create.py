"""Unknown number: a quick-create form (name, tier, notes) written to the local store."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.widgets.common import set_ids, tier_label

TIERS = ("standard", "silver", "gold", "platinum")


class QuickCreateForm(QFrame):
    createRequested = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_ids(self, "quickCreate")
        self.heading = set_ids(QLabel(), "quickCreateHeading")
        self.heading.setProperty("role", "customerName")
        self.name = set_ids(QLineEdit(), "newCustomerName")
        self.phone = set_ids(QLineEdit(), "newCustomerPhone")
        self.tier = set_ids(QComboBox(), "newCustomerTier")
        self.notes = set_ids(QPlainTextEdit(), "newCustomerNotes")
        self.notes.setMaximumHeight(90)
        self.error = set_ids(QLabel(), "quickCreateError")
        self.error.setProperty("role", "error")
        self.save = set_ids(QPushButton(), "createCustomerButton")
        self.save.setDefault(True)
        self.save.clicked.connect(self._submit)
        self.form = QFormLayout()
        self._labels = [QLabel() for _ in range(4)]
        for label, field in zip(
            self._labels, (self.name, self.phone, self.tier, self.notes), strict=True
        ):
            self.form.addRow(label, field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(self.save)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addLayout(self.form)
        lay.addLayout(buttons)
        lay.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Unknown number: create the customer"))
        texts = (self.tr("Name"), self.tr("Phone"), self.tr("Tier"), self.tr("Notes"))
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        current = self.tier.currentData()
        self.tier.clear()
        for tier in TIERS:
            self.tier.addItem(tier_label(tier), tier)
        if current:
            self.tier.setCurrentIndex(max(0, self.tier.findData(current)))
        self.save.setText(self.tr("Create customer"))
        self.name.setPlaceholderText(self.tr("Caller's full name"))

    def start(self, phone: str) -> None:
        self.name.clear()
        self.notes.clear()
        self.error.clear()
        self.phone.setText(phone)
        self.tier.setCurrentIndex(0)
        self.save.setEnabled(True)

    def typed(self) -> bool:
        """Whether the agent has typed a name or notes (the number comes filled in)."""
        return bool(self.name.text().strip() or self.notes.toPlainText().strip())

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.save.setEnabled(True)

    def values(self) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(),
            "phone": self.phone.text().strip(),
            "tier": self.tier.currentData(),
            "notes": self.notes.toPlainText().strip(),
        }

    def _submit(self) -> None:
        data = self.values()
        if not data["name"]:
            self.error.setText(self.tr("A name is needed."))
            self.name.setFocus()
            return
        self.error.clear()
        self.save.setEnabled(False)
        self.createRequested.emit(data)
