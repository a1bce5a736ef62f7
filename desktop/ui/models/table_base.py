"""What the read-only table models share: rows in a list, columns named by ``headers()``."""

from __future__ import annotations

import unicodedata
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()  # the invisible root: an immutable default


def fold(text: str) -> str:
    """Case- and accent-insensitive sort key ("Étidronate" sorts with "etidronate")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class RowTableModel(QAbstractTableModel):
    """A flat table over ``self._rows``; subclasses name their columns in ``headers()`` (in
    their own class, so ``self.tr`` keeps their translation context) and give ``data``."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._column_count: int | None = None

    def headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def rowCount(self, parent: Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = NO_PARENT) -> int:
        # Asked for by the view for every cell it lays out: the headers' words (a tr() call
        # each) are not needed to count them, and their number never changes.
        if parent.isValid():
            return 0
        if self._column_count is None:
            self._column_count = len(self.headers())
        return self._column_count

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        headers = self.headers()
        if (
            orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(headers)
            and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
        ):
            return headers[section]
        return None
