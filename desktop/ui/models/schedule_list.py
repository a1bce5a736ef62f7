"""The dated administrations of one regimen (``RegimenSchedule``) as a list."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

if TYPE_CHECKING:
    from desktop.core.schedule import Administration, RegimenSchedule

_Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()  # the invisible root: an immutable default


class ScheduleListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Administration] = []
        self._lang = "en"
        self._closed: dict[int, str] = {}  # row → why the hospital is closed that day

    def set_schedule(
        self, schedule: RegimenSchedule | None, lang: str, closed: dict[int, str] | None = None
    ) -> None:
        self.beginResetModel()
        self._rows = list(schedule.administrations) if schedule is not None else []
        self._lang = lang
        self._closed = dict(closed or {})
        self.endResetModel()

    def closed_rows(self) -> list[int]:
        return sorted(self._closed)

    def administrations(self) -> list[Administration]:
        return list(self._rows)

    def rowCount(self, parent: _Index = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def kind_word(self, row: Administration) -> str:
        words = {
            "dose": self.tr("Dose %1"),
            "session": self.tr("Session %1"),
            "dressing change": self.tr("Dressing change %1"),
            "daily": self.tr("Daily treatment"),
            "on": self.tr("Treatment period %1"),
            "off": self.tr("Pause %1"),
        }
        return words.get(row.kind, row.kind).replace("%1", str(row.number))

    def text(self, row: Administration) -> str:
        from desktop.core.formatting import format_date

        lang = self._lang
        if row.is_period:
            when = (
                self.tr("%1 to %2 (days %3–%4)")
                .replace("%1", format_date(row.date, lang))
                .replace("%2", format_date(row.end, lang))
                .replace("%3", str(row.first_day))
                .replace("%4", str(row.last_day))
            )
            if row.continues:
                when += " " + self.tr("(continues)")
        else:
            when = format_date(row.date, lang, weekday=True)
        label = self.kind_word(row)
        if row.course > 1 or row.number_in_course > 1:
            label += " · " + self.tr("course %1").replace("%1", str(row.course))
        return f"{when} — {label}"

    def row_text(self, index: int) -> str:
        text = self.text(self._rows[index])
        closed = self._closed.get(index)
        if closed:
            text += "  ⚠ " + self.tr("closed day: %1").replace("%1", closed)
        return text

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return self.row_text(index.row())
        if role == Qt.ItemDataRole.UserRole:
            return row.date
        return None
