"""Saved plans (``UserDB.list_plans``) as a table: patient, plan date, language, content version.

Most recently saved first, as the user database lists them; ``SORT_ROLE`` sorts names without
regard to case or accents, and plan dates as dates, then by when they were saved (shown in the
date's tooltip).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt

from desktop.core.languages import LANGUAGE_NAMES
from desktop.ui.models.table_base import Index as _Index
from desktop.ui.models.table_base import RowTableModel, fold
from desktop.ui.roles import PLAN_ID_ROLE, SORT_ROLE

if TYPE_CHECKING:
    from desktop.data.userdb import PlanSummary


COL_PATIENT = 0
COL_PREPARED = 1
COL_LANGUAGE = 2
COL_CONTENT = 3
COLUMN_COUNT = 4


class SavedPlansModel(RowTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PlanSummary] = []
        self._errors: dict[str, str] = {}  # plan id → why it cannot be shown
        self._lang = "en"

    def set_plans(self, plans: Sequence[PlanSummary], lang: str) -> None:
        self.beginResetModel()
        self._rows = list(plans)
        self._errors = {}
        self._lang = lang
        self.endResetModel()

    def set_error(self, plan_id: str, message: str) -> None:
        """Mark a plan that cannot be read: its row says so, the other rows are unchanged."""
        row = self.row_of(plan_id)
        if row < 0:
            return
        self._errors[plan_id] = message
        self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))

    def error(self, plan_id: str) -> str | None:
        return self._errors.get(plan_id)

    def summary(self, row: int) -> PlanSummary:
        return self._rows[row]

    def row_of(self, plan_id: str) -> int:
        return next((i for i, p in enumerate(self._rows) if p.plan_id == plan_id), -1)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Patient"),
            self.tr("Plan date"),
            self.tr("Language"),
            self.tr("Content version"),
        )

    def text(self, plan: PlanSummary, column: int) -> str:
        from desktop.core.formatting import format_date

        if column == COL_PATIENT:
            # The second identifier beside the name: two patients of one name stay apart, and
            # the list can be searched by record number.
            extra = [format_date(plan.birth_date, self._lang)] if plan.birth_date else []
            extra += [plan.record_number] if plan.record_number else []
            return " · ".join([plan.patient_name, *extra])
        if column == COL_PREPARED:
            return format_date(plan.prepared_on, self._lang)
        if column == COL_LANGUAGE:
            return LANGUAGE_NAMES.get(plan.lang, plan.lang)
        return plan.content_version

    def saved_text(self, plan: PlanSummary) -> str:
        from desktop.core.formatting import format_date

        local = plan.saved_at.astimezone()  # stored in UTC, shown in the clinician's time
        return (
            self.tr("Saved %1 at %2")
            .replace("%1", format_date(local.date(), self._lang))
            .replace("%2", f"{local:%H:%M}")
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            not index.isValid()
            or not 0 <= index.row() < len(self._rows)
            or not 0 <= index.column() < COLUMN_COUNT
        ):
            return None
        plan = self._rows[index.row()]
        column = index.column()
        error = self._errors.get(plan.plan_id)
        if error is not None and column == COL_PATIENT:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"\u26a0 {plan.patient_name}"
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return f"{plan.patient_name}: {error}"
        if error is not None and role == Qt.ItemDataRole.ForegroundRole:
            from PySide6.QtGui import QColor

            return QColor("#b00020")
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(plan, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_PATIENT:
                return "\n".join([plan.patient_name, *plan.regimen_ids])
            if column == COL_PREPARED:
                return self.saved_text(plan)
            return self.text(plan, column)
        if role == SORT_ROLE:
            return (
                fold(plan.patient_name),
                f"{plan.prepared_on} {plan.saved_at.isoformat()}",
                plan.lang,
                plan.content_version,
            )[column]
        if role == PLAN_ID_ROLE:
            return plan.plan_id
        return None
