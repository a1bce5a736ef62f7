"""The calendar of administrations from a chosen start date: a list and a month view with the
dates highlighted. The dates come from ``desktop.core.schedule.build_schedule``."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QPalette, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QDateEdit,
    QFormLayout,
    QLabel,
    QListView,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.i18n import Retranslating
from desktop.ui.models.schedule_list import ScheduleListModel
from desktop.ui.style import wheel_scrolls_page

if TYPE_CHECKING:
    from desktop.core.schedule import RegimenSchedule


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class SchedulePanel(Retranslating, QWidget):
    changed = Signal()
    moveRequested = Signal(int)  # a row given on a closed day: move it to the next working day

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("schedulePanel")
        self.start = QDateEdit(QDate.currentDate(), self)
        self.start.setObjectName("startDate")
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("yyyy-MM-dd")
        self.horizon = QSpinBox(self)
        self.horizon.setObjectName("horizonMonths")
        self.horizon.setRange(1, 60)
        self.horizon.setValue(12)
        wheel_scrolls_page(self.start, self.horizon)
        self.start_label, self.horizon_label = QLabel(self), QLabel(self)
        self.start_label.setBuddy(self.start)
        self.horizon_label.setBuddy(self.horizon)
        self.model = ScheduleListModel(self)
        self.list = QListView(self)
        self.list.setObjectName("administrations")
        self.list.setModel(self.model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.calendar = QCalendarWidget(self)
        self.calendar.setObjectName("administrationCalendar")
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.notes = QLabel(self)
        self.notes.setWordWrap(True)
        # Infusions and procedures on a weekend or public holiday: said, and movable in one click.
        self.closed_note = QLabel(self)
        self.closed_note.setObjectName("closedDays")
        self.closed_note.setWordWrap(True)
        self.closed_note.hide()
        self.move_button = QPushButton(self)
        self.move_button.setObjectName("moveToWorkingDay")
        self.move_button.hide()
        self.move_button.clicked.connect(self._move_requested)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.start_label, self.start)
        form.addRow(self.horizon_label, self.horizon)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.notes)
        layout.addWidget(self.closed_note)
        layout.addWidget(self.move_button)
        layout.addWidget(self.calendar)
        layout.addWidget(self.list, 1)
        self.start.dateChanged.connect(self.changed)
        self.horizon.valueChanged.connect(self.changed)
        self.list.selectionModel().currentChanged.connect(self._show_on_calendar)
        self._marked: list[QDate] = []
        self.retranslate()

    def start_date(self) -> dt.date:
        d = self.start.date()
        return dt.date(d.year(), d.month(), d.day())

    def horizon_months(self) -> int:
        return self.horizon.value()

    def _move_requested(self) -> None:
        closed = self.model.closed_rows()
        if not closed:
            return
        current = self.list.currentIndex().row()
        self.moveRequested.emit(current if current in closed else closed[0])

    def show_schedule(
        self,
        schedule: RegimenSchedule | None,
        lang: str,
        notes: list[str],
        closed: dict[int, str] | None = None,
    ) -> None:
        self.model.set_schedule(schedule, lang, closed)
        count = len(closed or {})
        self.closed_note.setText(
            self.tr("%n hospital dose(s) on a weekend or public holiday (marked ⚠).", "", count)
        )
        self.closed_note.setVisible(count > 0)
        self.move_button.setVisible(count > 0)
        for marked in self._marked:
            self.calendar.setDateTextFormat(marked, QTextCharFormat())
        self._marked = []
        mark = QTextCharFormat()
        mark.setFontWeight(700)
        mark.setBackground(QBrush(self.palette().color(QPalette.ColorRole.Highlight)))
        mark.setForeground(QBrush(self.palette().color(QPalette.ColorRole.HighlightedText)))
        if schedule is not None:
            for row in schedule.treatment_rows():
                day = row.date
                while day <= row.end:
                    self.calendar.setDateTextFormat(to_qdate(day), mark)
                    self._marked.append(to_qdate(day))
                    day += dt.timedelta(days=1)
            if schedule.administrations:
                self.calendar.setSelectedDate(to_qdate(schedule.administrations[0].date))
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))

    def _show_on_calendar(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.calendar.setSelectedDate(to_qdate(current.data(Qt.ItemDataRole.UserRole)))

    def retranslate(self) -> None:
        # Month and day names follow the interface language (set as Qt's default locale).
        self.calendar.setLocale(QLocale())
        # French day names are wider: the layout must keep the seven columns whole.
        self.calendar.setMinimumWidth(0)
        self.calendar.setMinimumWidth(self.calendar.minimumSizeHint().width())
        self.start.setLocale(QLocale())
        self.start_label.setText(self.tr("&Start date:"))
        self.start.setAccessibleName(self.tr("Start date"))
        self.start.setToolTip(self.tr("Date of the first administration"))
        self.horizon_label.setText(self.tr("&Horizon:"))
        self.horizon.setSuffix(" " + self.tr("months"))
        self.horizon.setAccessibleName(self.tr("Horizon in months"))
        self.horizon.setToolTip(self.tr("How far ahead the calendar goes"))
        self.list.setAccessibleName(self.tr("Administrations"))
        self.list.setToolTip(self.tr("Every administration up to the horizon"))
        self.calendar.setAccessibleName(self.tr("Calendar of administrations"))
        self.calendar.setToolTip(self.tr("Days with an administration are highlighted"))
        self.notes.setAccessibleName(self.tr("Calendar notes"))
        self.closed_note.setAccessibleName(self.tr("Closed days"))
        self.move_button.setText(self.tr("&Move to the next working day"))
        self.move_button.setAccessibleName(self.tr("Move to the next working day"))
        self.move_button.setToolTip(
            self.tr(
                "Move the chosen dose (or the first one marked ⚠) to "
                "the next working day; the later doses follow it"
            )
        )
        from desktop.ui.style import name_calendar_parts

        name_calendar_parts(
            self.calendar,
            self.tr("Days of the month"),
            self.tr("Previous month"),
            self.tr("Next month"),
            self.tr("Month"),
            self.tr("Year"),
        )
