"""The overview table (the review's missing "Tableau 1"): one row per therapy.

Columns are named constants; ``SORT_ROLE`` gives values that sort as a clinician expects
(categories and evidence levels in their clinical order, names without regard to case or accents).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt

from desktop.core.words import capitalized, word
from desktop.data.models import DESIGNS, OverviewRow, category_rank
from desktop.ui.models.table_base import Index as _Index
from desktop.ui.models.table_base import RowTableModel, fold
from desktop.ui.roles import SORT_ROLE, THERAPY_ID_ROLE

COL_NAME = 0
COL_CATEGORY = 1
COL_REGIMENS = 2
COL_EVIDENCE = 3
COL_FLAGS = 4
COL_ADVERSE = 5  # last: the longest text, stretched to the window's edge
COLUMN_COUNT = 6

_DESIGN_ORDER = {key: i for i, key in enumerate(DESIGNS)}


class OverviewTableModel(RowTableModel):
    _rows: list[OverviewRow]
    _sort_keys: dict[tuple[int, int], Any]
    lang = "en"  # the language of the rows, for the flags' words

    def set_rows(self, rows: Sequence[OverviewRow], lang: str = "en") -> None:
        self.lang = lang
        self.beginResetModel()
        self._rows = list(rows)
        self._sort_keys: dict[tuple[int, int], Any] = {}  # asked for at every comparison
        self.endResetModel()

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Therapy"),
            self.tr("Category"),
            self.tr("Regimens"),
            self.tr("Strongest evidence"),
            self.tr("Flags"),
            self.tr("Main adverse effects"),
        )

    def flags_text(self, row: OverviewRow) -> str:
        flags = []
        if row.advised_against:
            flags.append(self.tr("Advised against (%1)").replace("%1", row.advised_against))
        if row.off_label:
            flags.append(capitalized(word("off_label", self.lang)))
        if row.conflicting_evidence:
            flags.append(capitalized(word("conflicting", self.lang)))
        return ", ".join(flags)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return (
                row.name,
                row.category_label,
                row.regimen_summary,
                row.evidence_label,
                self.flags_text(row),
                row.main_adverse_effects,
            )[column]
        if role == SORT_ROLE:
            key = (index.row(), column)
            if key not in self._sort_keys:
                self._sort_keys[key] = self._sort_key(index, row, column)
            return self._sort_keys[key]
        if role == THERAPY_ID_ROLE:
            return row.therapy_id
        return None

    def _sort_key(self, index: _Index, row: OverviewRow, column: int) -> Any:
        if column == COL_NAME:
            return fold(row.name)
        if column == COL_CATEGORY:
            return category_rank(row.category) * 10_000 + row.order
        if column == COL_EVIDENCE:
            return _DESIGN_ORDER.get(row.evidence_level, -1)
        if column == COL_FLAGS:
            return (
                int(row.off_label)
                + 2 * int(row.conflicting_evidence)
                + 4 * int(bool(row.advised_against))
            )
        return fold(self.data(index, Qt.ItemDataRole.DisplayRole) or "")
