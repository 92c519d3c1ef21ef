"""A read-only ``QAbstractTableModel`` over a list of dicts, with per-column formatting.

Rows are replaced wholesale (``set_rows``): card lists are short and search results are capped,
so a reset is cheaper than diffing. Headers are translated at paint time, so a language change
needs no rebuild. Rows whose key appears in ``changed`` are shown bold (fresh from central).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # source text, translated in the "Columns" context
    fmt: Callable[[Any, dict[str, Any]], str] | None = None
    align_right: bool = False


class DictTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], key: str | None = None, parent: Any = None):
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[dict[str, Any]] = []
        self._key = key
        self._changed: set[Any] = set()

    # -- data in ---------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[dict[str, Any]], changed: set[Any] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._changed = set(changed or ())
        self.endResetModel()

    def rows(self) -> list[dict[str, Any]]:
        return list(self._rows)

    def row(self, index: int) -> dict[str, Any]:
        return self._rows[index]

    # -- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = row.get(col.key)
            if col.fmt is not None:
                return col.fmt(value, row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self._key and row.get(self._key) in self._changed:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return QCoreApplication.translate("Columns", self._columns[section].header)
        return None
