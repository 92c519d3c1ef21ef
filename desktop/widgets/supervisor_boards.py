"""Supervisor boards: a titled, sortable, filterable table (pure view).

The view shows whatever model it is given and reports what the supervisor types or picks as
signals; the console turns those into filter settings. No store, bus or metrics code here.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.widgets.common import set_ids


class BoardView(QWidget):
    """A board: title, optional filters, and a ``QTableView`` named ``name``.

    Signals: ``filterTextChanged(str)``, ``stateFilterChanged(str)`` (empty = all),
    ``flaggedOnlyChanged(bool)``, ``rowActivated(int)`` (a view row was double-clicked).
    """

    filterTextChanged = Signal(str)
    stateFilterChanged = Signal(str)
    flaggedOnlyChanged = Signal(bool)
    rowActivated = Signal(int)

    def __init__(
        self,
        name: str,
        title: str,
        *,
        filters: bool = False,
        states: list[tuple[str, str]] | None = None,
        flagged_label: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        set_ids(self, f"{name}Panel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.title = set_ids(QLabel(title), f"{name}Title")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        top.addWidget(self.title)
        top.addStretch(1)
        self.filter_edit: QLineEdit | None = None
        self.state_box: QComboBox | None = None
        self.flagged_box: QCheckBox | None = None
        if filters:
            self.filter_edit = set_ids(QLineEdit(), f"{name}Filter")  # type: ignore[assignment]
            assert self.filter_edit is not None
            self.filter_edit.setPlaceholderText(self.tr("Filter…"))
            self.filter_edit.setClearButtonEnabled(True)
            self.filter_edit.textChanged.connect(self.filterTextChanged)
            top.addWidget(self.filter_edit)
        if states:
            box = QComboBox()
            set_ids(box, f"{name}StateFilter")
            box.addItem(self.tr("All states"), "")
            for code, label in states:
                box.addItem(label, code)
            box.currentIndexChanged.connect(
                lambda _i: self.stateFilterChanged.emit(str(box.currentData() or ""))
            )
            self.state_box = box
            top.addWidget(box)
        if flagged_label:
            cb = QCheckBox(flagged_label)
            set_ids(cb, f"{name}FlaggedOnly")
            cb.toggled.connect(self.flaggedOnlyChanged)
            self.flagged_box = cb
            top.addWidget(cb)
        layout.addLayout(top)
        self.table = QTableView()
        set_ids(self.table, name)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        # uniform rows: no per-row size hints when 2,000 rows are inserted or repainted
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        # fitting columns to their contents measures the first rows only (not 1,000 of 2,000)
        self.table.horizontalHeader().setResizeContentsPrecision(60)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(lambda idx: self.rowActivated.emit(idx.row()))
        layout.addWidget(self.table, 1)

    def set_model(self, model: QAbstractItemModel, sort_column: int = 0) -> None:
        """Show ``model``, sorted by ``sort_column`` (-1: in the model's own order)."""
        self.table.setModel(model)
        self.table.sortByColumn(sort_column, Qt.SortOrder.AscendingOrder)

    def visible_rows(self) -> tuple[int, int]:
        """First and last row shown (last is -1 when the table is empty)."""
        table = self.table
        n = table.model().rowCount() if table.model() is not None else 0
        first = max(0, table.rowAt(0))
        last = table.rowAt(table.viewport().height() - 1)
        return first, (n - 1 if last < 0 else last)

    def fit_columns(self) -> None:
        self.table.resizeColumnsToContents()
