"""The patient's plan as an ordered list: add, move up or down, remove."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.ui.plan_entry import PlanEntry
from desktop.ui.roles import REGIMEN_ID_ROLE

_Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()  # the invisible root: an immutable default


class PlanListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[PlanEntry] = []
        self._lang = "en"
        # entry → one line about its dose for the current patient (set by the plan view)
        self.describe: Callable[[PlanEntry], str] = lambda _entry: ""

    def entries(self) -> list[PlanEntry]:
        return list(self._entries)

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self.refresh()

    def refresh(self) -> None:
        """The patient or the language changed: every line is redrawn."""
        if self._entries:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._entries) - 1, 0))

    def add(self, entry: PlanEntry) -> int:
        row = len(self._entries)
        self.beginInsertRows(QModelIndex(), row, row)
        self._entries.append(entry)
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._entries):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._entries[row]
            self.endRemoveRows()

    def move(self, row: int, delta: int) -> int:
        """Move ``row`` up (-1) or down (+1); returns its new row."""
        target = row + delta
        if not (0 <= row < len(self._entries) and 0 <= target < len(self._entries)):
            return row
        # beginMoveRows wants the destination *before* which the row lands.
        destination = target + 1 if delta > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._entries.insert(target, self._entries.pop(row))
        self.endMoveRows()
        return target

    def clear(self) -> None:
        self.beginResetModel()
        self._entries.clear()
        self.endResetModel()

    def rowCount(self, parent: _Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            title = f"{entry.therapy_name.get(self._lang)} — {entry.label.get(self._lang)}"
            detail = self.describe(entry)
            return f"{title}\n{detail}" if detail else title
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.label.get(self._lang)
        if role == REGIMEN_ID_ROLE:
            return entry.regimen_id
        return None
