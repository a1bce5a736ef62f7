"""The plan view: the regimens chosen for the current patient, in order, with their doses, and a
preview of the printed plan beside them.

Doses are recomputed for the patient in the panel whenever it changes. The plan itself is built
by ``desktop.reports.model.build_plan`` (each regimen from its own start date); previewing,
printing, saving and exporting it are the ``PlanOutputPanel``'s (rendered off the UI thread, files
written atomically, every output logged in the user database).
"""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.core.languages import LANGUAGE_NAMES
from desktop.ui import settings as S
from desktop.ui.context import AppContext
from desktop.ui.i18n import Retranslating
from desktop.ui.models.plan_list import PlanListModel
from desktop.ui.plan_entry import PlanEntry
from desktop.ui.widgets.alerts_panel import AlertsPanel
from desktop.ui.widgets.plan_output_panel import PlanOutputPanel

if TYPE_CHECKING:
    from desktop.core.patient import Patient
    from desktop.reports.model import PlanDocument


class PlanView(Retranslating, QWidget):
    statusMessage = Signal(str)
    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planView")
        self.context = context
        self.patient: Patient | None = None
        self.bsa_formula = "mosteller"
        self.saved_plan_id: str | None = None  # the plan as last saved, to warn before quitting
        self.model = PlanListModel(self)
        self.model.describe = self.describe
        self.model.set_language(context.lang)  # the window may start in French
        self.list = QListView(self)
        self.list.setObjectName("planList")
        self.list.setModel(self.model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.intro = QLabel(self)
        self.intro.setObjectName("planIntro")
        self.intro.setWordWrap(True)
        # Who the printed plan is for, by whom, in which language (independent of the window's).
        self.patient_name = QLineEdit(self)
        self.patient_name.setObjectName("planPatientName")
        self.prepared_by = QLineEdit(self)
        self.prepared_by.setObjectName("planPreparedBy")
        self.plan_language = QComboBox(self)
        self.plan_language.setObjectName("planLanguage")
        for lang, name in LANGUAGE_NAMES.items():  # a language named in its own words
            self.plan_language.addItem(name, lang)
        self.plan_language.setCurrentIndex(self.plan_language.findData(context.lang))
        # Per plan: the patient copy in large print, and a weekly tick sheet at its end.
        self.large_print = QCheckBox(self)
        self.large_print.setObjectName("planLargePrint")
        self.tick_sheet = QCheckBox(self)
        self.tick_sheet.setObjectName("planTickSheet")
        self.problem = QLabel(self)
        self.problem.setObjectName("planProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.form_labels = [QLabel(self) for _ in range(3)]
        form = QFormLayout()
        for label, field in zip(
            self.form_labels, (self.patient_name, self.prepared_by, self.plan_language), strict=True
        ):
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow("", self.large_print)
        form.addRow("", self.tick_sheet)
        self.up, self.down, self.remove_button, self.save_button = (
            self._button(name) for name in ("planUp", "planDown", "planRemove", "planSave")
        )
        self.alerts_panel = AlertsPanel(self)
        self.override_button = self._button("planOverride")
        self.override_button.hide()
        # Contraindication code → the clinician's reason for printing anyway (this plan only).
        self.overrides: dict[str, str] = {}
        self.panel = PlanOutputPanel(context, self.plan_or_reason, self)
        self.preview, self.outputs = self.panel.preview, self.panel.outputs
        self._layout(form)
        self._connect()
        self.retranslate()
        self._update_buttons()

    def _button(self, name: str) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        return button

    def _layout(self, form: QFormLayout) -> None:
        moves = QHBoxLayout()
        for button in (self.up, self.down, self.remove_button):
            moves.addWidget(button)
        moves.addStretch(1)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.intro)
        column.addWidget(self.list, 1)
        column.addLayout(moves)
        column.addLayout(form)
        column.addWidget(self.alerts_panel, 1)
        overriding = QHBoxLayout()
        overriding.addStretch(1)
        overriding.addWidget(self.override_button)
        column.addLayout(overriding)
        column.addWidget(self.problem)
        saving = QHBoxLayout()
        saving.addStretch(1)
        saving.addWidget(self.save_button)
        column.addLayout(saving)
        splitter = QSplitter(self)
        splitter.setObjectName("planSplitter")
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 520])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        # Tab follows the page: the list and its buttons, the form, then the preview and outputs
        # (the preview's pages come right after its copy picker once a PDF is shown).
        order = (
            self.list,
            self.up,
            self.down,
            self.remove_button,
            self.patient_name,
            self.prepared_by,
            self.plan_language,
            self.large_print,
            self.tick_sheet,
            self.alerts_panel.tree,
            self.override_button,
            self.save_button,
            self.preview.copy,
            self.panel.print_button,
            self.panel.pdf_button,
            self.panel.export_button,
        )
        for before, after in itertools.pairwise(order):
            QWidget.setTabOrder(before, after)

    def _connect(self) -> None:
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        self.remove_button.clicked.connect(self.remove_current)
        self.save_button.clicked.connect(self.save_plan)
        self.override_button.clicked.connect(self.ask_overrides)
        self.patient_name.editingFinished.connect(self.refresh_alerts)
        for signal in (
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.model.rowsMoved,
            self.model.dataChanged,
            self.context.languageChanged,
        ):
            signal.connect(self.refresh_alerts)
        self.list.selectionModel().currentChanged.connect(self._update_buttons)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.rowsMoved):
            signal.connect(self._update_buttons)
        for signal in (
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.model.rowsMoved,
            self.model.dataChanged,
            self.patient_name.textChanged,
            self.prepared_by.textChanged,
            self.plan_language.currentIndexChanged,
            self.large_print.toggled,
            self.tick_sheet.toggled,
            self.context.languageChanged,
        ):  # the last: a reason in the new words
            signal.connect(self.panel.schedule_preview)
        self.panel.refused.connect(self._refused)
        self.outputs.problem.connect(self._problem)
        self.outputs.statusMessage.connect(self.statusMessage)
        self.context.languageChanged.connect(self.model.set_language)

    # ------------------------------------------------------------------ content

    def add(self, entry: PlanEntry) -> None:
        row = self.model.add(entry)
        self.list.setCurrentIndex(self.model.index(row, 0))
        self.changed.emit()

    def entries(self) -> list[PlanEntry]:
        return self.model.entries()

    def set_patient(self, patient: Patient | None, bsa_formula: str | None = None) -> None:
        self.patient = patient
        if bsa_formula:
            self.bsa_formula = bsa_formula
        self.model.refresh()
        self.refresh_alerts()

    def describe(self, entry: PlanEntry) -> str:
        """The dose and first date of ``entry`` for the current patient, in one line."""
        db = self.context.db
        if db is None:
            return ""
        from desktop.core.formatting import format_date, format_dose
        from desktop.ui.computation import compute

        result = compute(
            db,
            entry.regimen_id,
            self.patient,
            entry.choices,
            self.bsa_formula,
            entry.start,
            entry.horizon_months,
            entry.shifts,
        )
        lang = self.context.lang
        parts = []
        if result.errors:
            parts.append(self.context.render(result.errors[0]))
        elif result.dose is not None and result.dose.given is not None:
            parts.append(format_dose(result.dose.given, lang))
        elif result.regimen.dose is not None and self.patient is None:
            parts.append(self.tr("dose needs the patient's measurements"))
        if result.schedule is not None and result.schedule.administrations:
            rows = result.schedule.treatment_rows()
            parts.append(self.tr("from %1").replace("%1", format_date(rows[0].date, lang)))
            parts.append(
                self.tr("%n administration(s) in %1 months", "", len(rows)).replace(
                    "%1", str(entry.horizon_months)
                )
            )
            from desktop.core.closed_days import closed_rows

            closed = closed_rows(result.schedule, result.regimen.route, self.closed_days(), lang)
            if closed:  # the clinician copy says which; the Compute view moves them
                parts.append(self.tr("⚠ %n date(s) on a closed day", "", len(closed)))
        return " · ".join(parts)

    def closed_days(self) -> str:
        """The preferences' country whose holidays close the hospital ("": weekends only, as
        for a country the holidays library does not know)."""
        from desktop.core.closed_days import supported_country

        return supported_country(self.context.prefs.get(S.HOLIDAY_COUNTRY)) or ""

    def current_row(self) -> int:
        index = self.list.currentIndex()
        return index.row() if index.isValid() else -1

    def _move(self, delta: int) -> None:
        row = self.current_row()
        if row < 0:
            return
        new_row = self.model.move(row, delta)
        self.list.setCurrentIndex(self.model.index(new_row, 0))
        self.changed.emit()

    def renew(self, plan: PlanDocument) -> None:
        """Start the next visit's plan from a saved one: its regimens with the clinician's
        choices and its horizon, from today; the patient's name and the plan's language. The
        measurements are not carried over: the dose needs today's (Compute view)."""
        self.model.clear()
        today = dt.date.today()
        for item in plan.items:
            if item.regimen is None:
                continue  # advice-only records are added from the therapy, not as a regimen
            self.model.add(
                PlanEntry(
                    regimen_id=item.regimen.id,
                    therapy_id=item.therapy.id,
                    therapy_name=item.therapy.name,
                    label=item.regimen.label,
                    choices=dict(item.choices),
                    start=today,
                    horizon_months=plan.horizon_months,
                )
            )
        self.patient_name.setText(plan.patient_name)
        self.prepared_by.setText(plan.prepared_by)
        self.plan_language.setCurrentIndex(max(0, self.plan_language.findData(plan.lang)))
        self.saved_plan_id = None
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0, 0))
        self.changed.emit()

    def remove_current(self) -> None:
        row = self.current_row()
        if row >= 0:
            self.model.remove(row)
            self.changed.emit()

    def _update_buttons(self, *_args: Any) -> None:
        row = self.current_row()
        count = self.model.rowCount()
        self.up.setEnabled(row > 0)
        self.down.setEnabled(0 <= row < count - 1)
        self.remove_button.setEnabled(row >= 0)
        self.save_button.setEnabled(self.can_save())
        self.save_button.setToolTip(
            self.save_tooltip(
                self.tr(
                    "Keep this plan in Calx to reopen and reprint it later "
                    "(File › Open saved plans)"
                )
            )
        )
        self.panel.set_ready(self.can_save(), self.save_tooltip())
        self.intro.setText(
            self.tr(
                "No regimen in the plan yet: choose one in the Compute view "
                "and press “Add to plan”."
            )
            if count == 0
            else self.tr("%n regimen(s) in this patient's plan.", "", count)
        )

    # ------------------------------------------------------------------ the built plan

    def can_save(self) -> bool:
        return self.model.rowCount() > 0

    def save_tooltip(self, ready: str = "") -> str:
        if self.model.rowCount() == 0:
            return self.tr("Add a regimen to the plan first")
        return ready

    def plan_or_reason(self) -> tuple[PlanDocument | None, str]:
        """The plan as ``desktop.reports`` builds it, or why it cannot be built yet. Built in the
        UI thread: about 3 ms, and the reference database's connection belongs to this thread."""
        from desktop.core.errors import CalxError

        db = self.context.db
        entries = self.entries()
        if db is None or not entries:
            return None, self.tr("Add a regimen to the plan first")
        if self.patient is None:
            return None, self.tr("Enter the patient's measurements in the Compute view first.")
        if not self.patient_name.text().strip():
            return None, self.tr("Enter the patient's name: it is printed on every page.")
        from desktop.reports.model import build_plan

        starts = {e.regimen_id: e.start for e in entries}  # each regimen from its own date
        try:
            plan = build_plan(
                db,
                self.patient,
                [e.regimen_id for e in entries],
                min(starts.values()),
                self.plan_language.currentData(),
                choices={e.regimen_id: e.choices for e in entries if e.choices},
                prepared_by=self.prepared_by.text(),
                prepared_on=dt.date.today(),
                bsa_formula=self.bsa_formula,
                patient_name=self.patient_name.text(),
                horizon_months=max(e.horizon_months for e in entries),
                starts=starts,
                overrides=self._current_overrides(),
                previous_weight_kg=self._previous_weight(),
                large_print=self.large_print.isChecked(),
                tick_sheet=self.tick_sheet.isChecked(),
                shifts={e.regimen_id: e.shifts for e in entries if e.shifts},
                closed_days_country=self.closed_days(),
            )
        except CalxError as error:
            return None, self.context.render(error.issue)
        except Exception as error:  # an input no check foresaw: a message, never a crash
            from desktop.core.errors import Issue

            return None, self.context.render(
                Issue("internal_error", {"detail": f"{type(error).__name__}: {error}"[:300]})
            )
        self._show_alerts(plan.alerts)
        if plan.unresolved:
            codes = ", ".join(a.code for a in plan.unresolved)
            return None, self.tr(
                "Contraindication (%1): the plan cannot be printed, saved or "
                "exported until you give a reason (“Give a reason…”)."
            ).replace("%1", codes)
        self.problem.hide()  # whatever stood in the way of building the plan is gone
        return plan, ""

    # ------------------------------------------------------------------ safety checks

    def _regimens(self) -> list[Any]:
        from desktop.core.errors import CalxError
        from desktop.core.plan_check import plan_regimen

        db = self.context.db
        found = []
        for e in self.entries():
            try:
                regimen = db.regimen(e.regimen_id) if db is not None else None
            except CalxError:
                regimen = None  # a record without regimen (advice only)
            found.append(plan_regimen(regimen, e.regimen_id))
        return found

    def _previous_weight(self) -> float | None:
        """The weight on this patient's last saved plan (same name), for the weight check."""
        from desktop.core.errors import CalxError
        from desktop.reports.model import previous_weight_kg

        name = self.patient_name.text().strip()
        if not name:
            return None
        try:
            return previous_weight_kg(self.context.user_db(), name)
        except (CalxError, OSError):
            return None

    def refresh_alerts(self, *_args: Any) -> None:
        """The plan check, live: the patient, the regimens or the medications changed."""
        from desktop.core.plan_check import check_plan

        db = self.context.db
        if db is None:
            return
        alerts = check_plan(
            self.patient, self._regimens(), None, db.safety(), self._previous_weight()
        )
        self._show_alerts(alerts)

    def _current_overrides(self) -> dict[str, str]:
        """Reasons given for contraindications that are still on the plan."""
        present = {a.code for a in self.alerts_panel.alerts if a.blocks}
        return {k: v for k, v in self.overrides.items() if k in present}

    def _show_alerts(self, alerts: Any) -> None:
        from desktop.reports.alerts import reference_map

        db = self.context.db
        lang = self.context.lang
        labels = {e.regimen_id: e.label.get(lang) for e in self.entries()}
        self.alerts_panel.show_alerts(
            alerts,
            lang,
            db.safety() if db else None,
            reference_map(db.references()) if db else None,
            self._current_overrides(),
            labels,
        )
        blocking = [a for a in alerts if a.blocks]
        self.override_button.setVisible(bool(blocking))

    def ask_overrides(self) -> bool:
        """Ask the clinician's reason for each contraindication (a dialog each); True when every
        contraindication has one."""
        from PySide6.QtWidgets import QInputDialog

        lang = self.context.lang
        for alert in [a for a in self.alerts_panel.alerts if a.blocks]:
            reason, ok = QInputDialog.getMultiLineText(
                self,
                self.tr("Reason for overriding a contraindication"),
                self.tr(
                    "%1\n\nThis plan has a contraindication (%2). Your reason is printed on "
                    "the clinician copy, saved with the plan and logged:"
                )
                .replace("%1", alert.message.get(lang))
                .replace("%2", alert.code),
                self.overrides.get(alert.code, ""),
            )
            if not ok:
                return False
            if reason.strip():
                self.overrides[alert.code] = reason.strip()
            else:
                self.overrides.pop(alert.code, None)
        self.panel.schedule_preview()
        self.refresh_alerts()
        return all(a.code in self.overrides for a in self.alerts_panel.alerts if a.blocks)

    def build_document(self) -> PlanDocument | None:
        """The plan, or None with the reason shown in the view (for an action the user asked)."""
        plan, reason = self.plan_or_reason()
        if plan is None:
            self._refused(reason)
        return plan

    def _refused(self, reason: str) -> None:
        self._problem(reason)
        if self.entries() and self.patient is not None and not self.patient_name.text().strip():
            self.patient_name.setFocus()

    def _problem(self, text: str) -> None:
        from desktop.ui.widgets.measure_field import message_colour

        self.problem.setText(text)
        self.problem.setStyleSheet(f"color: {message_colour(self, 'error')};")
        self.problem.show()
        self.statusMessage.emit(text)

    # ------------------------------------------------------------------ printing and saving

    def save_plan(self) -> bool:
        """Store the plan in the user database, to reopen and reprint it later."""
        plan = self.build_document()
        if plan is None or not self.outputs.save(plan):
            return False
        self.saved_plan_id = plan.plan_id
        self.statusMessage.emit(self.tr("Plan saved for %1").replace("%1", plan.patient_name))
        return True

    def has_unsaved_plan(self) -> bool:
        """Regimens in the plan that are not saved as they stand now (asked before quitting)."""
        if not self.entries():
            return False
        plan, _reason = self.plan_or_reason()
        return plan is None or plan.plan_id != self.saved_plan_id

    def print_view(self) -> None:
        """Print the copy shown in the preview (File › Print, Ctrl+P)."""
        self.panel.print_plan()

    def save_pdf_to(self, path: Path) -> bool:
        return self.panel.save_pdf_to(path)

    def export_calendar_to(self, path: Path) -> bool:
        return self.panel.export_calendar_to(path)

    def save_pdf(self) -> None:
        self.panel.save_pdf()

    def export_calendar(self) -> None:
        self.panel.export_calendar()

    def printable(self) -> bool:
        return self.can_save()

    def retranslate(self) -> None:
        self.list.setAccessibleName(self.tr("Plan"))
        self.list.setToolTip(self.tr("The regimens of this plan, in the order they will print"))
        self.intro.setAccessibleName(self.tr("Plan summary"))
        self.problem.setAccessibleName(self.tr("Plan problem"))
        for label, field, text, tip in (
            (
                self.form_labels[0],
                self.patient_name,
                self.tr("Patient &name:"),
                self.tr("Printed on every page of the plan"),
            ),
            (
                self.form_labels[1],
                self.prepared_by,
                self.tr("Prepared &by:"),
                self.tr("The clinician who prepares the plan (optional)"),
            ),
            (
                self.form_labels[2],
                self.plan_language,
                self.tr("Plan lan&guage:"),
                self.tr("Language of the printed plan, whatever the window's language"),
            ),
        ):
            label.setText(text)
            field.setAccessibleName(text.replace("&", "").rstrip(":"))
            field.setToolTip(tip)
        for button, text, tip in (
            (self.up, self.tr("Move &up"), self.tr("Move the chosen regimen up")),
            (self.down, self.tr("Move &down"), self.tr("Move the chosen regimen down")),
            (
                self.remove_button,
                self.tr("&Remove"),
                self.tr("Remove the chosen regimen from the plan"),
            ),
            (self.save_button, self.tr("&Save plan"), ""),
            (
                self.override_button,
                self.tr("Give a &reason…"),
                self.tr("Give your reason for printing despite the contraindication"),
            ),
            (
                self.large_print,
                self.tr("&Large print (patient copy)"),
                self.tr(
                    "Body text of 14 pt or more, for poor sight or stiff hands: same content, "
                    "more pages"
                ),
            ),
            (
                self.tick_sheet,
                self.tr("Weekly &tick sheet"),
                self.tr(
                    "End the patient copy with a page to tick each dose of the home "
                    "medicines, for a week"
                ),
            ),
        ):
            button.setText(text)
            button.setAccessibleName(text.replace("&", "").rstrip("…"))
            if tip:
                button.setToolTip(tip)
        self._update_buttons()
