"""Qt item models over plain query results (lists of dicts)."""

from desktop.models.tables import Column, DictTableModel

__all__ = ["Column", "DictTableModel"]
