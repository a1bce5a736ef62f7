"""Therapies grouped by category, in the review's order: the browse tree.

Two levels: the four categories (general measures, drugs, emerging therapies, procedures), then
the therapies of each. Built from ``ReferenceDB.therapies(lang)``; a full reset on language change.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex

from desktop.data.models import CATEGORIES, TherapySummary, category_rank
from desktop.ui.roles import ACCESSIBLE_TEXT_ROLE, DISPLAY_ROLE, THERAPY_ID_ROLE, TOOLTIP_ROLE

_Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()  # the invisible root: an immutable default
_CATEGORY_ROW = 0xFFFFFFFF  # internalId of a category row (therapy rows store their category row)


class TherapyTreeModel(QAbstractItemModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lang = "en"
        self._categories: list[str] = []
        self._therapies: list[list[TherapySummary]] = []

    def set_therapies(self, therapies: Sequence[TherapySummary], lang: str) -> None:
        self.beginResetModel()
        self._lang = lang
        groups: dict[str, list[TherapySummary]] = {}
        for therapy in therapies:
            groups.setdefault(therapy.category, []).append(therapy)
        self._categories = sorted(groups, key=category_rank)
        self._therapies = [sorted(groups[c], key=lambda t: t.order) for c in self._categories]
        self.endResetModel()

    def therapy_count(self) -> int:
        return sum(len(group) for group in self._therapies)

    def index_of(self, therapy_id: str) -> QModelIndex:
        for row, group in enumerate(self._therapies):
            for child, therapy in enumerate(group):
                if therapy.id == therapy_id:
                    return self.index(child, 0, self.index(row, 0))
        return QModelIndex()

    # ------------------------------------------------------------------ Qt model

    def index(self, row: int, column: int, parent: _Index = NO_PARENT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _CATEGORY_ROW)
        return self.createIndex(row, column, parent.row())

    def parent(self, index: _Index = NO_PARENT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _CATEGORY_ROW:
            return QModelIndex()
        return self.createIndex(index.internalId(), 0, _CATEGORY_ROW)

    def rowCount(self, parent: _Index = NO_PARENT) -> int:
        if parent.column() > 0:
            return 0
        if not parent.isValid():
            return len(self._categories)
        if parent.internalId() == _CATEGORY_ROW:
            return len(self._therapies[parent.row()])
        return 0

    def columnCount(self, parent: _Index = NO_PARENT) -> int:
        return 1

    # flags(): the base class's (enabled and selectable), as wanted. Roles are plain numbers
    # (desktop.ui.roles): this model is filled before the window is usable, and naming ``Qt``
    # builds every enum of the Qt namespace (about 15 ms).

    def data(self, index: _Index, role: int = DISPLAY_ROLE) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _CATEGORY_ROW:
            category = self._categories[index.row()]
            if role in (DISPLAY_ROLE, ACCESSIBLE_TEXT_ROLE):
                label = CATEGORIES.get(category)
                return label.get(self._lang) if label else category
            return None
        therapy = self._therapies[index.internalId()][index.row()]
        if role in (DISPLAY_ROLE, ACCESSIBLE_TEXT_ROLE):
            return therapy.name
        if role == TOOLTIP_ROLE:
            return therapy.summary
        if role == THERAPY_ID_ROLE:
            return therapy.id
        return None
