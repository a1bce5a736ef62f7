"""The plan view: the regimens chosen for the current patient, in order, with their doses.

Doses are recomputed for the patient in the panel whenever it changes. Printing and saving the
plan use ``desktop.reports`` when it offers plan rendering; until then the actions stay disabled
and say why.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.context import AppContext
from desktop.ui.models.plan_list import PlanListModel
from desktop.ui.plan_entry import PlanEntry

if TYPE_CHECKING:
    from desktop.core.patient import Patient


def reports_available() -> bool:
    """True when ``desktop.reports`` offers plan rendering (``desktop/reports/pdf_plan.py``)."""
    try:
        return importlib.util.find_spec("desktop.reports.pdf_plan") is not None
    except ModuleNotFoundError:
        return False


class PlanView(QWidget):
    statusMessage = Signal(str)
    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planView")
        self.context = context
        self.patient: Patient | None = None
        self.bsa_formula = "mosteller"
        self.model = PlanListModel(self)
        self.model.describe = self.describe
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
        self.plan_language.addItem("Français", "fr")
        self.plan_language.addItem("English", "en")
        self.plan_language.setCurrentIndex(self.plan_language.findData(context.lang))
        self.problem = QLabel(self)
        self.problem.setObjectName("planProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.form_labels = [QLabel(self) for _ in range(3)]
        form = QFormLayout()
        for label, field in zip(self.form_labels, (self.patient_name, self.prepared_by,
                                                   self.plan_language), strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        self.up = QPushButton(self)
        self.up.setObjectName("planUp")
        self.down = QPushButton(self)
        self.down.setObjectName("planDown")
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("planRemove")
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("planPrint")
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("planSave")
        buttons = QHBoxLayout()
        for button in (self.up, self.down, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("planExport")
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        self.remove_button.clicked.connect(self.remove_current)
        self.print_button.clicked.connect(self.print_view)
        self.save_button.clicked.connect(self.save_pdf)
        self.export_button.clicked.connect(self.export_calendar)
        self.list.selectionModel().currentChanged.connect(self._update_buttons)
        self.model.rowsInserted.connect(self._update_buttons)
        self.model.rowsRemoved.connect(self._update_buttons)
        self.model.rowsMoved.connect(self._update_buttons)
        context.languageChanged.connect(self.model.set_language)
        self.retranslate()
        self._update_buttons()

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

    def describe(self, entry: PlanEntry) -> str:
        """The dose and first date of ``entry`` for the current patient, in one line."""
        db = self.context.db
        if db is None:
            return ""
        from desktop.core.formatting import format_date, format_dose
        from desktop.ui.computation import compute

        result = compute(db, entry.regimen_id, self.patient, entry.choices, self.bsa_formula,
                         entry.start, entry.horizon_months)
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
            parts.append(self.tr("%n administration(s) in %1 months", "", len(rows)).replace(
                "%1", str(entry.horizon_months)))
        return " · ".join(parts)

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
        for button in (self.print_button, self.save_button, self.export_button):
            button.setEnabled(self.can_save())
        self.print_button.setToolTip(self.save_tooltip(self.tr("Print the patient's plan")))
        self.save_button.setToolTip(self.save_tooltip(self.tr(
            "Save the patient's plan and the clinician copy as PDF files")))
        self.export_button.setToolTip(self.save_tooltip(self.tr(
            "Save the administrations as a calendar file (.ics)")))
        self.intro.setText(self.tr("No regimen in the plan yet: choose one in the Compute view "
                                   "and press “Add to plan”.") if count == 0 else
                           self.tr("%n regimen(s) in this patient's plan.", "", count))

    # ------------------------------------------------------------------ printing and saving

    def can_save(self) -> bool:
        return reports_available() and self.model.rowCount() > 0

    def save_tooltip(self, ready: str = "") -> str:
        if not reports_available():
            return self.tr("Printed and PDF plans are not available in this version yet")
        if self.model.rowCount() == 0:
            return self.tr("Add a regimen to the plan first")
        return ready or self.tr("Save the plan as a PDF file")

    def build_document(self) -> Any:
        """The plan as ``desktop.reports`` builds it, or None (the reason shown in the view)."""
        from desktop.core.errors import CalxError

        self.problem.hide()
        db = self.context.db
        entries = self.entries()
        if db is None or not entries:
            return None
        if self.patient is None:
            self._problem(self.tr("Enter the patient's measurements in the Compute view first."))
            return None
        if not self.patient_name.text().strip():
            self._problem(self.tr("Enter the patient's name: it is printed on every page."))
            self.patient_name.setFocus()
            return None
        import datetime as dt

        from desktop.reports.model import build_plan

        try:
            return build_plan(
                db, self.patient, [e.regimen_id for e in entries],
                min(e.start for e in entries), self.plan_language.currentData(),
                choices={e.regimen_id: e.choices for e in entries if e.choices},
                prepared_by=self.prepared_by.text(), prepared_on=dt.date.today(),
                bsa_formula=self.bsa_formula, patient_name=self.patient_name.text(),
                horizon_months=max(e.horizon_months for e in entries))
        except CalxError as error:
            self._problem(self.context.render(error.issue))
            return None

    def _problem(self, text: str) -> None:
        from desktop.ui.widgets.measure_field import message_colour

        self.problem.setText(text)
        self.problem.setStyleSheet(f"color: {message_colour(self, 'error')};")
        self.problem.show()
        self.statusMessage.emit(text)

    def render_pdf_to(self, path: Path, copy: str = "patient") -> bool:
        """Write one copy of the plan ("patient" or "clinician") to ``path``."""
        plan = self.build_document()
        if plan is None:
            return False
        from desktop.reports.pdf_plan import render_plan

        render_plan(plan, copy, out=path)  # type: ignore[arg-type]
        return True

    def save_pdf_to(self, path: Path) -> list[Path]:
        """The patient plan at ``path`` and the clinician copy beside it (``…-clinician.pdf``)."""
        clinician = path.with_name(f"{path.stem}-clinician{path.suffix or '.pdf'}")
        if not (self.render_pdf_to(path) and self.render_pdf_to(clinician, "clinician")):
            return []
        self.statusMessage.emit(self.tr("Saved %1 and %2").replace("%1", path.name)
                                .replace("%2", clinician.name))
        return [path, clinician]

    def export_calendar_to(self, path: Path) -> bool:
        plan = self.build_document()
        if plan is None:
            return False
        from desktop.reports.ics import schedule_to_ics

        path.write_bytes(schedule_to_ics(plan))
        self.statusMessage.emit(self.tr("Saved %1").replace("%1", path.name))
        return True

    def _ask_path(self, title: str, suffix: str, kind: str) -> Path | None:
        name = (self.patient_name.text().strip() or "plan").replace("/", "-")
        chosen, _filter = QFileDialog.getSaveFileName(self, title, f"{name}{suffix}",
                                                      f"{kind} (*{suffix})")
        return Path(chosen) if chosen else None

    def save_pdf(self) -> None:
        if not self.can_save() or self.build_document() is None:
            self.statusMessage.emit(self.problem.text() or self.save_tooltip())
            return
        path = self._ask_path(self.tr("Save the plan as PDF"), ".pdf", self.tr("PDF files"))
        if path is not None:
            self.save_pdf_to(path)

    def export_calendar(self) -> None:
        if not self.can_save() or self.build_document() is None:
            self.statusMessage.emit(self.problem.text() or self.save_tooltip())
            return
        path = self._ask_path(self.tr("Export the calendar"), ".ics",
                              self.tr("Calendar files"))
        if path is not None:
            self.export_calendar_to(path)

    def printable(self) -> bool:
        return self.can_save()

    def print_view(self) -> None:
        """Print the patient plan through the system print dialog (pages drawn by QtPdf)."""
        import tempfile

        with tempfile.TemporaryDirectory(prefix="calx-print-") as folder:
            path = Path(folder) / "plan.pdf"
            if not self.can_save() or not self.render_pdf_to(path):
                self.statusMessage.emit(self.problem.text() or self.save_tooltip())
                return
            from desktop.ui.views.printing import print_pdf

            print_pdf(path, self)

    def retranslate(self) -> None:
        self.list.setAccessibleName(self.tr("Plan"))
        self.list.setToolTip(self.tr("The regimens of this plan, in the order they will print"))
        self.intro.setAccessibleName(self.tr("Plan summary"))
        self.problem.setAccessibleName(self.tr("Plan problem"))
        for label, field, text, tip in (
                (self.form_labels[0], self.patient_name, self.tr("Patient &name:"),
                 self.tr("Printed on every page of the plan")),
                (self.form_labels[1], self.prepared_by, self.tr("Prepared &by:"),
                 self.tr("The clinician who prepares the plan (optional)")),
                (self.form_labels[2], self.plan_language, self.tr("Plan lan&guage:"),
                 self.tr("Language of the printed plan, whatever the window's language"))):
            label.setText(text)
            field.setAccessibleName(text.replace("&", "").rstrip(":"))
            field.setToolTip(tip)
        for button, text, tip in (
                (self.up, self.tr("Move &up"), self.tr("Move the chosen regimen up")),
                (self.down, self.tr("Move &down"), self.tr("Move the chosen regimen down")),
                (self.remove_button, self.tr("&Remove"),
                 self.tr("Remove the chosen regimen from the plan")),
                (self.print_button, self.tr("&Print plan…"), ""),
                (self.save_button, self.tr("Save &PDF…"), ""),
                (self.export_button, self.tr("Export &calendar…"), "")):
            button.setText(text)
            button.setAccessibleName(text.replace("&", "").rstrip("…"))
            if tip:
                button.setToolTip(tip)
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
