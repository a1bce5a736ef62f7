"""Search hits as a list: the therapy name and its snippet with the matched words in bold."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.data.models import CATEGORIES, SearchHit
from desktop.ui.highlight import highlight_html
from desktop.ui.roles import HTML_ROLE, THERAPY_ID_ROLE

_Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()  # the invisible root: an immutable default


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []
        self._lang = "en"

    def set_hits(self, hits: Sequence[SearchHit], lang: str) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self._lang = lang
        self.endResetModel()

    def hit(self, row: int) -> SearchHit:
        return self._hits[row]

    def rowCount(self, parent: _Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.name
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{hit.name}: {hit.snippet}" if hit.snippet else hit.name
        if role == HTML_ROLE:
            category = CATEGORIES.get(hit.category)
            label = f" <small>· {escape(category.get(self._lang))}</small>" if category else ""
            snippet = highlight_html(hit.snippet, hit.highlights)
            return f"<b>{escape(hit.name)}</b>{label}<br>{snippet}"
        if role == THERAPY_ID_ROLE:
            return hit.therapy_id
        return None
