"""Several customers on one number: a ranked chooser showing what tells them apart."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.models import Column, DictTableModel
from desktop.widgets.card_list import CardList
from desktop.widgets.common import fmt_date, lifecycle_label, set_ids, tier_label


class CandidateChooser(QFrame):
    picked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_ids(self, "candidateChooser")
        self._remembered: str | None = None
        columns = [
            Column("name", QT_TRANSLATE_NOOP("Columns", "Name")),
            Column("tier", QT_TRANSLATE_NOOP("Columns", "Tier"), lambda v, r: tier_label(v)),
            Column(
                "lifecycle",
                QT_TRANSLATE_NOOP("Columns", "Lifecycle"),
                lambda v, r: lifecycle_label(v),
            ),
            Column(
                "open_issues",
                QT_TRANSLATE_NOOP("Columns", "Open issues"),
                lambda v, r: "—" if v is None else str(v),
                align_right=True,
            ),
            Column(
                "last_contact",
                QT_TRANSLATE_NOOP("Columns", "Last contact"),
                lambda v, r: fmt_date(v),
            ),
            Column("last_purchase", QT_TRANSLATE_NOOP("Columns", "Last purchase")),
            Column("customer_id", QT_TRANSLATE_NOOP("Columns", "Customer id")),
            Column("hint", QT_TRANSLATE_NOOP("Columns", "Note")),
        ]
        self.model = DictTableModel(columns, parent=self)
        self.heading = set_ids(QLabel(), "chooserHeading")
        self.heading.setProperty("role", "customerName")
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        # The card's self-painted list (``CardList``), not a ``QTableView``: the chooser pops in
        # place of the card, and the table view painting every cell and header section
        # through the style sheet made these the slowest pops. One row is current (the
        # best-ranked at first): a click or Up/Down moves it, Enter or a double click picks it.
        self.table = set_ids(
            CardList(self.model, (160, 80, 100, 90, 110, 200, 100, 0), 7), "candidateList"
        )
        self.pick = set_ids(QPushButton(), "pickCandidate")
        self.pick.setDefault(True)
        self.pick.clicked.connect(self._emit)
        self.table.rowActivated.connect(self._emit_row)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.pick)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.explain)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)
        self._number = ""
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(
            self.tr("Customers sharing %1: %n", "", self.model.rowCount()).replace(
                "%1", self._number
            )
        )
        self.explain.setText(
            self.tr(
                "Ranked by tier, open issues and last contact. Ask the caller's name, then "
                "pick the right customer; the pick is remembered for this number."
            )
        )
        self.pick.setText(self.tr("Show this customer"))

    def set_candidates(
        self, number: str, candidates: list[dict[str, Any]], remembered: str | None
    ) -> None:
        """``candidates`` already ranked best first."""
        self._number = number
        self._remembered = remembered
        rows = []
        for c in candidates:
            row = dict(c)
            if remembered is not None and str(c.get("customer_id")) == str(remembered):
                row["hint"] = self.tr("your last pick")
            rows.append(row)
        self.model.set_rows(rows)
        self.table.sync()
        self.retranslate()
        if rows:
            self.table.selectRow(0)

    def _emit(self) -> None:
        self._emit_row(self.table.current_row())

    def _emit_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.picked.emit(str(self.model.row(row)["customer_id"]))
