"""The compute view: the patient, a regimen with its choices, the dose, BSA and the calendar.

Any change (a field, a choice, the formula, the start date) recomputes at once: one dose takes
well under a millisecond (``benchmarks/bench_dosing``). Refusals and warnings appear next to the
field that caused them (``Issue.field``); what belongs to no field appears under the dose.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import settings as S
from desktop.ui.context import AppContext
from desktop.ui.i18n import Retranslating
from desktop.ui.plan_entry import PlanEntry
from desktop.ui.widgets.alerts_panel import AlertsPanel
from desktop.ui.widgets.body_metrics_panel import BodyMetricsPanel
from desktop.ui.widgets.bsa_panel import BsaPanel
from desktop.ui.widgets.choice_editor import ChoiceEditor
from desktop.ui.widgets.dose_result import DoseResultPanel
from desktop.ui.widgets.patient_panel import PatientPanel
from desktop.ui.widgets.schedule_panel import SchedulePanel

if TYPE_CHECKING:
    from desktop.core.errors import Issue
    from desktop.core.presenting import Evaluation as Computation
    from desktop.data.models import Therapy

PATIENT_FIELDS = ("weight", "height", "age", "creatinine", "sex")


class ComputeView(Retranslating, QWidget):
    addToPlanRequested = Signal(object)  # PlanEntry
    statusMessage = Signal(str)
    computed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("computeView")
        self.context = context
        self.therapy: Therapy | None = None
        self.computation: Computation | None = None
        # Doses moved off closed days, in order: (calendar row, days); a new regimen, start,
        # horizon or choice starts a new calendar and forgets them.
        self.shifts: list[tuple[int, int]] = []

        self.patient_box = QGroupBox(self)
        self.patient_panel = PatientPanel(context, self.patient_box)
        QVBoxLayout(self.patient_box).addWidget(self.patient_panel)
        self.bsa_box = QGroupBox(self)
        self.bsa_panel = BsaPanel(context.prefs.get(S.BSA_FORMULA), self.bsa_box)
        QVBoxLayout(self.bsa_box).addWidget(self.bsa_panel)
        self.metrics_box = QGroupBox(self)
        self.metrics_panel = BodyMetricsPanel(self.metrics_box)
        QVBoxLayout(self.metrics_box).addWidget(self.metrics_panel)

        self.regimen_box = QGroupBox(self)
        self.therapy_label = QLabel(self.regimen_box)
        self.therapy_label.setObjectName("computeTherapy")
        self.therapy_label.setWordWrap(True)
        self.regimen = QComboBox(self.regimen_box)
        self.regimen.setObjectName("regimenCombo")
        self.regimen.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.regimen.setMinimumContentsLength(12)
        self.regimen_label = QLabel(self.regimen_box)
        self.regimen_label.setBuddy(self.regimen)
        self.regimen_detail = QLabel(self.regimen_box)
        self.regimen_detail.setObjectName("regimenDetail")
        self.regimen_detail.setWordWrap(True)
        self.choices = ChoiceEditor(self.regimen_box)
        self.add_button = QPushButton(self.regimen_box)
        self.add_button.setObjectName("addToPlan")
        self.add_button.setEnabled(False)
        regimen_form = QFormLayout(self.regimen_box)
        regimen_form.addRow(self.therapy_label)
        regimen_form.addRow(self.regimen_label, self.regimen)
        regimen_form.addRow(self.regimen_detail)
        regimen_form.addRow(self.choices)
        regimen_form.addRow(self.add_button)

        self.dose_box = QGroupBox(self)
        self.dose_panel = DoseResultPanel(self.dose_box)
        # Copy or print this one calculation, without building a plan.
        self.copy_button = QPushButton(self.dose_box)
        self.copy_button.setObjectName("copyCalculation")
        self.print_button = QPushButton(self.dose_box)
        self.print_button.setObjectName("printCalculation")
        dose_layout = QVBoxLayout(self.dose_box)
        dose_layout.addWidget(self.dose_panel)
        dose_buttons = QHBoxLayout()
        dose_buttons.addStretch(1)
        dose_buttons.addWidget(self.copy_button)
        dose_buttons.addWidget(self.print_button)
        dose_layout.addLayout(dose_buttons)
        self.alerts_box = QGroupBox(self)
        self.alerts_panel = AlertsPanel(self.alerts_box)
        QVBoxLayout(self.alerts_box).addWidget(self.alerts_panel)
        self.schedule_box = QGroupBox(self)
        self.schedule_panel = SchedulePanel(self.schedule_box)
        QVBoxLayout(self.schedule_box).addWidget(self.schedule_panel)

        page = QWidget(self)
        self.grid = QGridLayout(page)
        self.column_widgets = [QWidget(page) for _ in range(3)]
        for column in self.column_widgets:
            stack = QVBoxLayout(column)
            stack.setContentsMargins(0, 0, 0, 0)
        self.columns = 0
        self._arrange(3)
        scroll = QScrollArea(self)
        scroll.setObjectName("computeScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # not a stop of its own: Tab goes inside
        scroll.setWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        # The page scrolls to the control that takes the focus: Tab does it by itself, but a
        # mnemonic (Alt+D: the start date) left the focus below the screen at 1024×768.
        self._scroll, self._page = scroll, page
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._show_focused)

        self.patient_panel.patientChanged.connect(self._patient_changed)
        self.regimen.currentIndexChanged.connect(self._regimen_changed)
        self.choices.changed.connect(self._schedule_changed)
        self.bsa_panel.formulaChanged.connect(
            lambda _f: self._patient_changed(self.patient_panel.patient)
        )
        self.schedule_panel.changed.connect(self._schedule_changed)
        self.schedule_panel.moveRequested.connect(self.move_to_working_day)
        self.add_button.clicked.connect(self._add_to_plan)
        self.copy_button.clicked.connect(self.copy_calculation)
        self.print_button.clicked.connect(self.print_view)
        context.languageChanged.connect(self._language_changed)
        context.preferencesChanged.connect(self._preferences_changed)
        self._tab_order()
        self.retranslate()
        self._show_nothing()

    # ------------------------------------------------------------------ therapy and regimen

    def set_therapy(self, therapy_id: str) -> None:
        db = self.context.db
        if db is None or (self.therapy is not None and self.therapy.id == therapy_id):
            return
        self.therapy = db.therapy(therapy_id)
        self._fill_regimens()

    def _fill_regimens(self) -> None:
        lang = self.context.lang
        current = self.regimen.currentData()
        self.regimen.blockSignals(True)
        self.regimen.clear()
        if self.therapy is not None:
            self.therapy_label.setText(f"<b>{_escape(self.therapy.name.get(lang))}</b>")
            for regimen in self.therapy.regimens:
                self.regimen.addItem(regimen.label.get(lang), regimen.id)
        index = self.regimen.findData(current)
        self.regimen.setCurrentIndex(index if index >= 0 else 0)
        self.regimen.blockSignals(False)
        # The closed list may elide a long label (it is shown in full just below); the open
        # list is as wide as its longest label, never cut.
        metrics = self.regimen.view().fontMetrics()
        widest = max(
            (
                metrics.horizontalAdvance(self.regimen.itemText(i))
                for i in range(self.regimen.count())
            ),
            default=0,
        )
        self.regimen.view().setMinimumWidth(widest + 4 * metrics.averageCharWidth())
        self._regimen_changed()

    def select_regimen(self, regimen_id: str) -> None:
        db = self.context.db
        if db is None:
            return
        regimen = db.regimen(regimen_id)
        self.set_therapy(regimen.therapy_id)
        self.regimen.setCurrentIndex(max(0, self.regimen.findData(regimen_id)))

    def regimen_id(self) -> str | None:
        data = self.regimen.currentData()
        return str(data) if data else None

    def _regimen_changed(self, _index: int = 0) -> None:
        regimen_id = self.regimen_id()
        if regimen_id is None or self.context.db is None:
            self.choices.set_specs([], self.context.lang)
            self._show_nothing()
            return
        from desktop.ui.computation import choice_specs

        regimen = self.context.db.regimen(regimen_id)
        lang = self.context.lang
        detail = f"<b>{_escape(regimen.label.get(lang))}</b>"
        if regimen.notes is not None:
            detail += f"<br><small>{_escape(regimen.notes.get(lang))}</small>"
        self.regimen_detail.setText(detail)
        self.regimen.setToolTip(regimen.label.get(lang))
        product = self.context.db.product(regimen.product) if regimen.product else None
        self.choices.set_specs(choice_specs(regimen, product), lang)
        self._tab_order()
        self.shifts = []
        self.recompute()

    # ------------------------------------------------------------------ layout

    def _arrange(self, columns: int) -> None:
        """Three columns on a wide window (who; what and how much; when), two on a 1024-pixel
        screen (the calendar below), one when narrower: the page scrolls only vertically. Each
        column stacks its boxes at their own height, so the dose sits right under the regimen
        however long the patient's column is."""
        if columns == self.columns:
            return
        self.columns = columns
        grid = self.grid
        who = (self.patient_box, self.alerts_box, self.bsa_box, self.metrics_box)
        what = (self.regimen_box, self.dose_box)
        stacks: tuple[tuple[QWidget, ...], ...]
        if columns == 1:
            stacks = ((*who, *what, self.schedule_box), (), ())
        else:
            stacks = (who, what, (self.schedule_box,))
        for column in self.column_widgets:
            grid.removeWidget(column)
        for column, boxes in zip(self.column_widgets, stacks, strict=True):
            layout = column.layout()
            assert isinstance(layout, QVBoxLayout)
            while layout.count():
                layout.takeAt(0)
            for box in boxes:
                # the safety checks, the working and the calendar take the room left
                grow = box in (self.alerts_box, self.dose_box, self.schedule_box)
                layout.addWidget(box, 1 if grow else 0)
            column.setVisible(bool(boxes))
        for i in range(3):
            grid.setColumnStretch(i, 0)
        places = {
            3: ((0, 0, 1, 1), (0, 1, 1, 1), (0, 2, 1, 1)),
            2: ((0, 0, 1, 1), (0, 1, 1, 1), (1, 0, 1, 2)),
            1: ((0, 0, 1, 1), (1, 0, 1, 1), (2, 0, 1, 1)),
        }[columns]
        for column, (row, col, rows, cols) in zip(self.column_widgets, places, strict=True):
            grid.addWidget(column, row, col, rows, cols)
        for col, stretch in enumerate({3: (3, 4, 3), 2: (1, 1), 1: (1,)}[columns]):
            grid.setColumnStretch(col, stretch)

    def _columns_for(self, width: int) -> int:
        def widest(*boxes: QWidget) -> int:
            return max(box.minimumSizeHint().width() for box in boxes)

        spacing = max(self.grid.horizontalSpacing(), 0)
        margins = self.grid.contentsMargins()
        room = width - margins.left() - margins.right()
        first = widest(self.patient_box, self.alerts_box, self.bsa_box, self.metrics_box)
        second = widest(self.regimen_box, self.dose_box)
        third = self.schedule_box.minimumSizeHint().width()
        if room >= first + second + third + 2 * spacing:
            return 3
        if room >= max(first + second + spacing, third):
            return 2
        return 1

    def _show_focused(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self._page.isAncestorOf(new):
            self._scroll.ensureWidgetVisible(new)

    def resizeEvent(self, event: QResizeEvent) -> None:
        scroll = self.findChild(QScrollArea, "computeScroll")
        bar = scroll.verticalScrollBar().sizeHint().width() if scroll is not None else 0
        self._arrange(self._columns_for(event.size().width() - bar))
        super().resizeEvent(event)

    def _tab_order(self) -> None:
        """Tab follows the page, column by column: who (measurements, medications, identifiers),
        the safety checks, BSA, regimen and its choices (made anew for each regimen), the dose's
        working, then the calendar."""
        import itertools

        schedule = self.schedule_panel
        patient, medications = self.patient_panel, self.patient_panel.medications
        order = [
            patient.creatinine.unit,
            patient.pregnant,
            patient.breastfeeding,
            medications.edit,
            medications.add_button,
            medications.list,
            medications.remove_button,
            patient.birth_date.edit,
            patient.record_number.edit,
            self.alerts_panel.tree,
            self.bsa_panel.formula,
            self.bsa_panel.table,
            self.regimen,
            *self.choices.editors.values(),
            self.add_button,
            self.dose_panel.working,
            self.copy_button,
            self.print_button,
            schedule.start,
            schedule.horizon,
            schedule.move_button,
            schedule.calendar,
            schedule.list,
        ]
        focusable = [widget for widget in order if widget is not None]  # a field without units
        for before, after in itertools.pairwise(focusable):
            QWidget.setTabOrder(before, after)

    def _schedule_changed(self) -> None:
        self.shifts = []
        self.recompute()

    def move_to_working_day(self, row: int) -> None:
        """Move calendar row ``row`` to the next working day; the later doses follow it."""
        schedule = self.computation.schedule if self.computation is not None else None
        if schedule is None or not 0 <= row < len(schedule.administrations):
            return
        from desktop.core.closed_days import move_to_next_working_day

        move = move_to_next_working_day(schedule, row, self.context.prefs.get(S.HOLIDAY_COUNTRY))
        if move[1]:
            self.shifts.append(move)
            self.recompute()
            self.statusMessage.emit(
                self.tr("Moved by %n day(s); the later doses follow.", "", move[1])
            )

    def _closed_days(self) -> dict[int, str]:
        """Rows of the calendar given by the hospital on a weekend or public holiday."""
        result = self.computation
        if result is None or result.schedule is None:
            return {}
        from desktop.core.closed_days import closed_rows

        country = self.context.prefs.get(S.HOLIDAY_COUNTRY)
        return {
            row: closed.name
            for row, closed in closed_rows(
                result.schedule, result.regimen.route, country, self.context.lang
            ).items()
        }

    def _preferences_changed(self) -> None:
        # A preference is a default for a new patient: once a patient is typed in, the formula
        # on screen is the clinician's and only the clinician changes it.
        if self.patient_panel.is_empty():
            self.bsa_panel.set_formula(self.context.prefs.get(S.BSA_FORMULA))

    # ------------------------------------------------------------------ computing

    def _patient_changed(self, patient: Any) -> None:
        self.bsa_panel.update_patient(patient, self.context.lang)
        self.metrics_panel.show_metrics(patient, self.context.lang, self.context.render)
        self.recompute()

    def recompute(self) -> None:
        regimen_id = self.regimen_id()
        db = self.context.db
        if regimen_id is None or db is None:
            self._show_nothing()
            return
        from desktop.ui.computation import compute

        panel = self.patient_panel
        self.computation = result = compute(
            db,
            regimen_id,
            panel.patient,
            self.choices.values(),
            self.bsa_panel.current_formula(),
            self.schedule_panel.start_date(),
            self.schedule_panel.horizon_months(),
            tuple(self.shifts),
        )
        render = self.context.render
        lang = self.context.lang
        # Refusals and warnings go next to their field; the rest under the dose.
        choice_messages: dict[str, tuple[str, str]] = {}
        loose_errors: list[str] = []
        field_issues: list[Issue] = []
        for issue in result.errors:
            if issue.field in self.choices.editors:
                choice_messages[issue.field] = (render(issue), "error")
            elif issue.field in PATIENT_FIELDS and issue.code not in (
                "height_required",
                "weight_required",
            ):
                field_issues.append(issue)
            else:
                loose_errors.append(render(issue))
        loose_warnings: list[Issue] = []
        for issue in result.warnings:
            if issue.field in self.choices.editors:
                choice_messages.setdefault(issue.field, (render(issue), "warning"))
            elif issue.field in PATIENT_FIELDS:
                field_issues.append(issue)
            else:
                loose_warnings.append(issue)
        self.choices.show_messages(choice_messages)
        panel.show_issues(field_issues)
        if result.dose is not None:
            self.dose_panel.show_result(result.dose, lang, render, loose_warnings)
            if loose_errors:
                self.dose_panel.status.setText("\n".join(loose_errors))
                self.dose_panel.status.show()
        else:
            message = "\n".join(loose_errors)
            if not message and panel.patient is None:
                message = self.tr(
                    "Enter the patient's weight (and height for doses per m²) to compute the dose."
                )
            self.dose_panel.clear(message)
            self.dose_panel.show_warnings([render(w) for w in loose_warnings])
        notes = [render(n) for n in result.schedule.notes] if result.schedule else []
        self.schedule_panel.show_schedule(result.schedule, lang, notes, self._closed_days())
        self.copy_button.setEnabled(True)
        self.print_button.setEnabled(True)
        self.add_button.setEnabled(
            result.schedule is not None
            and not result.errors
            and (result.dose is not None or result.regimen.dose is None)
        )
        self._check(result.regimen)
        self.computed.emit()

    def _check(self, regimen: Any) -> None:
        """The plan check of this regimen alone, for the patient in the panel (live)."""
        from desktop.core.plan_check import check_plan, plan_regimen
        from desktop.reports.alerts import reference_map

        db = self.context.db
        if db is None or regimen is None:
            self.alerts_panel.show_alerts((), self.context.lang)
            return
        alerts = check_plan(self.patient_panel.patient, [plan_regimen(regimen)], None, db.safety())
        self.alerts_panel.show_alerts(
            alerts,
            self.context.lang,
            db.safety(),
            reference_map(db.references()),
            regimen_labels={regimen.id: regimen.label.get(self.context.lang)},
        )

    def _show_nothing(self) -> None:
        self.computation = None
        self.copy_button.setEnabled(False)
        self.print_button.setEnabled(False)
        self.dose_panel.clear(self.tr("Choose a therapy, then a regimen."))
        self.schedule_panel.show_schedule(None, self.context.lang, [])
        self.add_button.setEnabled(False)
        self.alerts_panel.show_alerts((), self.context.lang)

    def _add_to_plan(self) -> None:
        if self.computation is None or self.therapy is None:
            return
        regimen = self.computation.regimen
        entry = PlanEntry(
            regimen_id=regimen.id,
            therapy_id=regimen.therapy_id,
            therapy_name=self.therapy.name,
            label=regimen.label,
            choices=dict(self.choices.values()),
            start=self.schedule_panel.start_date(),
            horizon_months=self.schedule_panel.horizon_months(),
            shifts=tuple(self.shifts),
        )
        self.addToPlanRequested.emit(entry)
        self.statusMessage.emit(
            self.tr("Added to the plan: %1").replace("%1", regimen.label.get(self.context.lang))
        )

    def _language_changed(self, _lang: str) -> None:
        shifts = list(self.shifts)  # a new language changes words, never the calendar
        values = self.choices.values()
        if self.therapy is not None:
            self._fill_regimens()
            for name, value in values.items():
                if name in self.choices.editors:
                    self.choices.set_value(name, value)
        self.bsa_panel.update_patient(self.patient_panel.patient, self.context.lang)
        self.metrics_panel.show_metrics(
            self.patient_panel.patient, self.context.lang, self.context.render
        )
        self.shifts = shifts
        self.recompute()

    # ------------------------------------------------------------------ view protocol

    def calculation_text(self, with_calendar: bool = False) -> str | None:
        """This calculation as plain text (``desktop.core.presenting``), with the body metrics;
        None before a regimen is chosen."""
        if self.computation is None:
            return None
        from desktop.core.presenting import calculation_text

        lang = self.context.lang
        therapy = self.therapy.name.get(lang) if self.therapy is not None else ""
        return calculation_text(
            self.computation,
            self.patient_panel.patient,
            lang,
            tuple(self.metrics_panel.plain_lines()),
            with_calendar,
            therapy,
        )

    def copy_calculation(self) -> None:
        from PySide6.QtWidgets import QApplication

        text = self.calculation_text()
        if text is None:
            return
        QApplication.clipboard().setText(text)
        self.statusMessage.emit(self.tr("Dose and working copied as text."))

    def printable(self) -> bool:
        return self.computation is not None

    def print_view(self) -> None:
        """Print this one calculation, with its dates, through the system print dialog."""
        text = self.calculation_text(with_calendar=True)
        if text is None:
            return
        from PySide6.QtGui import QTextDocument

        from desktop.ui.views import printing

        document = QTextDocument(self)
        document.setPlainText(text)
        printing.print_document(document, self)

    def retranslate(self) -> None:
        self.alerts_box.setTitle(self.tr("Safety checks"))
        self.patient_box.setTitle(self.tr("Patient"))
        self.bsa_box.setTitle(self.tr("Body-surface area"))
        self.metrics_box.setTitle(self.tr("Body metrics"))
        self.regimen_box.setTitle(self.tr("Regimen"))
        self.dose_box.setTitle(self.tr("Dose"))
        self.schedule_box.setTitle(self.tr("Calendar"))
        self.regimen_label.setText(self.tr("&Regimen:"))
        self.regimen.setAccessibleName(self.tr("Regimen"))
        self.regimen.setToolTip(self.tr("Regimens the review reports for this therapy"))
        self.therapy_label.setAccessibleName(self.tr("Therapy"))
        self.regimen_detail.setAccessibleName(self.tr("Regimen details"))
        self.add_button.setText(self.tr("&Add to plan"))
        self.add_button.setAccessibleName(self.tr("Add to plan"))
        self.add_button.setToolTip(
            self.tr("Add this regimen, with the values chosen, to the patient's plan")
        )
        self.copy_button.setText(self.tr("&Copy"))
        self.copy_button.setAccessibleName(self.tr("Copy the dose and its working"))
        self.copy_button.setToolTip(
            self.tr("Copy the dose, its working and the patient's values as plain text")
        )
        self.print_button.setText(self.tr("Print…"))
        self.print_button.setAccessibleName(self.tr("Print this calculation"))
        self.print_button.setToolTip(
            self.tr("Print this calculation and its dates, without building a plan")
        )
        if self.therapy is None:
            self.therapy_label.setText(self.tr("No therapy chosen yet."))


def _escape(text: str) -> str:
    from html import escape

    return escape(text)
