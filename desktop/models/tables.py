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
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole.value)
_FONT = int(Qt.ItemDataRole.FontRole.value)
_USER = int(Qt.ItemDataRole.UserRole.value)
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)


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
        self._display: list[list[str]] = []
        self._key = key
        self._changed: set[Any] = set()

    # -- data in ---------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[dict[str, Any]], changed: set[Any] | None = None) -> None:
        """Replace the rows. Done as insert/remove + ``dataChanged`` rather than a model reset,
        which would make every attached view rebuild its headers (slow on each pop)."""
        new = list(rows)
        old_n, new_n = len(self._rows), len(new)
        self._changed = set(changed or ())
        if new_n < old_n:
            self.beginRemoveRows(QModelIndex(), new_n, old_n - 1)
            self._rows = self._rows[:new_n]
            self.endRemoveRows()
        elif new_n > old_n:
            self.beginInsertRows(QModelIndex(), old_n, new_n - 1)
            self._rows = self._rows + new[old_n:]
            self.endInsertRows()
        self._rows = new
        self._display = [self._format(row) for row in new]
        if new_n and self._columns:
            self.dataChanged.emit(self.index(0, 0), self.index(new_n - 1, len(self._columns) - 1))

    def _format(self, row: dict[str, Any]) -> list[str]:
        out = []
        for col in self._columns:
            value = row.get(col.key)
            if col.fmt is not None:
                out.append(col.fmt(value, row))
            else:
                out.append("" if value is None else str(value))
        return out

    def refresh(self) -> None:
        """Re-format every row (e.g. ages as time passes, or a language change)."""
        self.set_rows(self._rows, self._changed)

    def rows(self) -> list[dict[str, Any]]:
        return list(self._rows)

    def row(self, index: int) -> dict[str, Any]:
        return self._rows[index]

    def columns(self) -> list[Column]:
        return list(self._columns)

    def texts(self) -> list[list[str]]:
        """The display text of every cell, row by row (formatted once per ``set_rows``)."""
        return self._display

    def is_changed(self, row: int) -> bool:
        """Whether ``row`` is marked changed (shown bold)."""
        return bool(self._key and self._changed and self._rows[row].get(self._key) in self._changed)

    # -- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # Called for every role of every visible cell on each paint: keep it cheap (display
        # strings are formatted once per ``set_rows``; roles compared as plain ints).
        role = int(role)
        if role in (_DISPLAY, _TOOLTIP):
            return self._display[index.row()][index.column()]
        if role == _ALIGN:
            return _RIGHT if self._columns[index.column()].align_right else None
        if role == _FONT:
            if (
                self._key
                and self._changed
                and self._rows[index.row()].get(self._key) in (self._changed)
            ):
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == _USER:
            return self._rows[index.row()]
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
