"""Customer search by name, phone or id (for manual lookup and callbacks)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.models import Column, DictTableModel
from desktop.widgets.common import set_ids, tier_label

SEARCH_KEY = "Ctrl+F"


class SearchPanel(QWidget):
    searchRequested = Signal(str)
    customerActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None, debounce_ms: int = 120) -> None:
        super().__init__(parent)
        self.edit = set_ids(QLineEdit(), "customerSearch")
        self.edit.setClearButtonEnabled(True)
        self.model = DictTableModel(
            [
                Column("name", QT_TRANSLATE_NOOP("Columns", "Name")),
                Column("tier", QT_TRANSLATE_NOOP("Columns", "Tier"), lambda v, r: tier_label(v)),
                Column("phone", QT_TRANSLATE_NOOP("Columns", "Phone")),
                Column("customer_id", QT_TRANSLATE_NOOP("Columns", "Customer id")),
            ],
            parent=self,
        )
        self.results = set_ids(QTableView(), "customerSearchResults")
        self.results.setModel(self.model)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.verticalHeader().hide()
        self.results.verticalHeader().setDefaultSectionSize(22)
        # Preset widths: ResizeToContents would measure every row on each keystroke's results.
        self.results.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.results.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((82, 48, 100)):
            self.results.setColumnWidth(col, width)
        self.results.setAlternatingRowColors(True)
        self.info = set_ids(QLabel(), "searchInfo")
        self.info.setProperty("role", "caption")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addWidget(self.edit)
        lay.addWidget(self.results, 1)
        lay.addWidget(self.info)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self._fire)
        self.edit.textChanged.connect(lambda _t: self._timer.start())
        self.edit.returnPressed.connect(self._fire)
        self.results.activated.connect(
            lambda index: self.customerActivated.emit(
                str(self.model.row(index.row())["customer_id"])
            )
        )
        self._last = ""
        self.retranslate()

    #: the panel's width below which the customer id column is left out (it is in the card)
    ID_COLUMN_MIN_WIDTH = 340

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # narrow (the default splitter share at 1366 px): name, tier and phone fit without a
        # horizontal scroll bar; widen the panel to see the customer ids too
        narrow = self.width() < self.ID_COLUMN_MIN_WIDTH
        if self.results.isColumnHidden(3) != narrow:
            self.results.setColumnHidden(3, narrow)
            mode = QHeaderView.ResizeMode.Stretch if narrow else QHeaderView.ResizeMode.Interactive
            self.results.horizontalHeader().setSectionResizeMode(2, mode)

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(self.tr("Search customers: name, phone or id (Ctrl+F)"))
        self.edit.setToolTip(self.tr("Search customers by name, phone or id (Ctrl+F)"))

    def _fire(self) -> None:
        self._timer.stop()
        text = self.edit.text().strip()
        self._last = text
        if not text:
            self.model.set_rows([])
            self.info.clear()
            return
        self.searchRequested.emit(text)

    def set_results(self, text: str, hits: list[dict[str, Any]]) -> None:
        if text != self._last:
            return  # an older query answered late
        self.model.set_rows(hits)
        self.info.setText(self.tr("Customers found: %n", "", len(hits)))
