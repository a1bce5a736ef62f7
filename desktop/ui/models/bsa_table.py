"""Body-surface area by all five formulas, side by side; the formula used for doses in bold."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

_Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()  # the invisible root: an immutable default

COL_FORMULA = 0
COL_BSA = 1
COLUMN_COUNT = 2


class BsaTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        # (key, name, equation, citation, BSA text or "")
        self._rows: list[tuple[str, str, str, str, str]] = []
        self.selected = "mosteller"

    def set_values(self, values: Mapping[str, Any] | None, lang: str, selected: str) -> None:
        """``values`` from ``bsa_all`` (None when weight or height is missing)."""
        from desktop.core.calculators.bsa import BSA_FORMULAS
        from desktop.core.formatting import format_bsa, format_formula

        self.beginResetModel()
        self.selected = selected
        self._rows = []
        for key, formula in BSA_FORMULAS.items():
            value = values.get(key) if values else None
            equation = format_formula(formula.equation, lang)
            self._rows.append(
                (
                    key,
                    formula.name,
                    equation,
                    formula.citation,
                    format_bsa(value, lang) if value is not None else "",
                )
            )
        self.endResetModel()

    def rowCount(self, parent: _Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < COLUMN_COUNT
        ):
            return (self.tr("Formula"), self.tr("BSA"))[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        key, name, equation, citation, value = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return (name, value)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{equation}\n{citation}"
        if role == Qt.ItemDataRole.FontRole and key == self.selected:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return key
        return None
