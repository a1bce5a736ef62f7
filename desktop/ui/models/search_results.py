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
        self._html: list[str | None] = []  # each row's rich text, made when first asked for
        self._lang = "en"

    def set_hits(self, hits: Sequence[SearchHit], lang: str) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self._html = [None] * len(self._hits)
        self._lang = lang
        self.endResetModel()

    def update_hits(self, hits: Sequence[SearchHit]) -> bool:
        """The same hits with their texts completed: update the rows whose text changed, keep
        the current row and the scroll position. True when any row changed."""
        if [h.therapy_id for h in hits] != [h.therapy_id for h in self._hits]:
            self.set_hits(hits, self._lang)
            return True
        changed = [
            row for row, (old, new) in enumerate(zip(self._hits, hits, strict=True)) if old != new
        ]
        for row in changed:
            self._hits[row] = hits[row]
            self._html[row] = None
            index = self.index(row, 0)
            self.dataChanged.emit(index, index)
        return bool(changed)

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
            # Asked for at every layout of the list (size hints) and every paint: made once.
            html = self._html[index.row()]
            if html is None:
                html = self._html[index.row()] = self._rich_text(hit)
            return html
        if role == THERAPY_ID_ROLE:
            return hit.therapy_id
        return None

    def _rich_text(self, hit: SearchHit) -> str:
        category = CATEGORIES.get(hit.category)
        label = f" <small>· {escape(category.get(self._lang))}</small>" if category else ""
        snippet = highlight_html(hit.snippet, hit.highlights)
        return f"<b>{escape(hit.name)}</b>{label}<br>{snippet}"
