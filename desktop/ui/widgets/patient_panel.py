"""The patient panel: weight, height, sex, age, creatinine, each with its unit and its message.

Each field is read by the domain's one parser (``desktop.core.parsing.parse_quantity``) and
checked against the hard limits (``desktop.core.limits.check_hard``) on its own, so every invalid
field is marked at once with its own message in the user's language. When every field is valid
the panel builds a ``desktop.core.patient.Patient`` and emits it; otherwise it emits None. The
values stay while the clinician moves between therapies: the panel belongs to the window. The date
of birth and the record number are the plan's second patient identifier (optional, checked by
``desktop.core.patient``), printed beside the name on every page of a plan.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from desktop.ui import settings as S
from desktop.ui.context import AppContext
from desktop.ui.i18n import Retranslating
from desktop.ui.widgets.measure_field import MeasureField
from desktop.ui.widgets.medication_list import MedicationList

if TYPE_CHECKING:
    from desktop.core.errors import Issue
    from desktop.core.patient import Patient

FIELDS: tuple[str, ...] = (
    "weight",
    "height",
    "sex",
    "age",
    "creatinine",
    "pregnant",
    "breastfeeding",
    "medications",
    "birth_date",
    "record_number",
)


class PatientPanel(Retranslating, QWidget):
    patientChanged = Signal(object)  # Patient | None

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("patientPanel")
        self.context = context
        prefs = context.prefs
        self.weight = MeasureField("weight", S.WEIGHT_UNIT.allowed(), self)
        self.height_field = MeasureField("height", S.HEIGHT_UNIT.allowed(), self)
        self.age = MeasureField("age", (), self)
        self.creatinine = MeasureField("creatinine", S.CREATININE_UNIT.allowed(), self)
        self.birth_date = MeasureField("birth_date", (), self)
        self.record_number = MeasureField("record_number", (), self)
        self.sex = QComboBox(self)
        self.sex.setObjectName("sexCombo")
        for value in (None, "female", "male"):
            self.sex.addItem("", value)
        self.pregnant = QComboBox(self)
        self.pregnant.setObjectName("pregnantCombo")
        self.breastfeeding = QComboBox(self)
        self.breastfeeding.setObjectName("breastfeedingCombo")
        for combo in (self.pregnant, self.breastfeeding):
            for value in ("unknown", "no", "yes"):
                combo.addItem("", value)
        self.medications = MedicationList(self)
        self.medications.set_catalogue(
            context.db.safety() if context.db is not None else None, context.lang
        )
        self.sex_message = QLabel(self)
        self.sex_message.hide()
        self.notes = QLabel(self)
        self.notes.setObjectName("patientNotes")
        self.notes.setWordWrap(True)
        self.labels = {name: QLabel(self) for name in FIELDS}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        widgets: dict[str, QWidget] = {
            "weight": self.weight,
            "height": self.height_field,
            "sex": self.sex,
            "age": self.age,
            "creatinine": self.creatinine,
            "pregnant": self.pregnant,
            "breastfeeding": self.breastfeeding,
            "medications": self.medications,
            "birth_date": self.birth_date,
            "record_number": self.record_number,
        }
        for name in FIELDS:
            buddy = widgets[name]
            # a field's label focuses its text box, not the field's frame
            target = buddy.edit if isinstance(buddy, MeasureField | MedicationList) else buddy
            self.labels[name].setBuddy(target)
            if buddy is self.medications:  # the whole width: a name and its placeholder fit
                form.addRow(self.labels[name])
                form.addRow(buddy)
                continue
            form.addRow(self.labels[name], buddy)
        form.addRow(self.notes)
        chain = [
            self.weight.edit,
            self.weight.unit,
            self.height_field.edit,
            self.height_field.unit,
            self.sex,
            self.age.edit,
            self.creatinine.edit,
            self.creatinine.unit,
            self.pregnant,
            self.breastfeeding,
            self.medications.edit,
            self.birth_date.edit,
            self.record_number.edit,
        ]
        focusable = [widget for widget in chain if widget is not None]  # a field without units
        for first, second in itertools.pairwise(focusable):
            self.setTabOrder(first, second)

        self.weight.set_unit(prefs.get(S.WEIGHT_UNIT))
        self.height_field.set_unit(prefs.get(S.HEIGHT_UNIT))
        self.creatinine.set_unit(prefs.get(S.CREATININE_UNIT))

        self.patient: Patient | None = None
        self.warnings: list[Issue] = []
        self.errors: dict[str, Issue] = {}
        self._check = QTimer(self)
        self._check.setSingleShot(True)
        self._check.setInterval(150)  # check after a pause in typing, not at every key
        self._check.timeout.connect(self.validate)
        for field in (
            self.weight,
            self.height_field,
            self.age,
            self.creatinine,
            self.birth_date,
            self.record_number,
        ):
            field.edited.connect(self._check.start)
            field.edit.editingFinished.connect(self.validate)
        self.sex.currentIndexChanged.connect(self.validate)
        self.pregnant.currentIndexChanged.connect(self.validate)
        self.breastfeeding.currentIndexChanged.connect(self.validate)
        self.medications.changed.connect(self.validate)
        context.languageChanged.connect(
            lambda lang: self.medications.set_catalogue(
                context.db.safety() if context.db is not None else None, lang
            )
        )
        context.languageChanged.connect(lambda _lang: self.validate())
        context.preferencesChanged.connect(self._preferences_changed)
        self.retranslate()

    # ------------------------------------------------------------------ values

    def fields(self) -> dict[str, MeasureField]:
        return {
            "weight": self.weight,
            "height": self.height_field,
            "age": self.age,
            "creatinine": self.creatinine,
        }

    def text_fields(self) -> dict[str, MeasureField]:
        """Every field with a message: the measurements and the identifiers."""
        return {**self.fields(), "birth_date": self.birth_date, "record_number": self.record_number}

    def is_empty(self) -> bool:
        """Nothing typed yet: a new patient, to whom the preferences' defaults apply."""
        return not any(field.text().strip() for field in self.text_fields().values())

    def set_values(
        self,
        weight: str = "",
        height: str = "",
        sex: str | None = None,
        age: str = "",
        creatinine: str = "",
        birth_date: str = "",
        record_number: str = "",
    ) -> None:
        """Fill the panel (tests, self-test) and check it at once."""
        for field, text in (
            (self.weight, weight),
            (self.height_field, height),
            (self.age, age),
            (self.creatinine, creatinine),
            (self.birth_date, birth_date),
            (self.record_number, record_number),
        ):
            field.edit.setText(text)
        self.sex.setCurrentIndex(max(0, self.sex.findData(sex)))
        self.validate()

    def validate(self) -> Patient | None:
        """Check every field, mark the invalid ones, and emit the patient (or None)."""
        self._check.stop()
        if self.medications.safety is None and self.context.db is not None:
            # The database may open after the panel is built.
            self.medications.set_catalogue(self.context.db.safety(), self.context.lang)
        from desktop.core.errors import CalxError, Issue
        from desktop.core.limits import check_hard
        from desktop.core.parsing import parse_quantity
        from desktop.core.patient import (
            Patient,
            check_record_number,
            parse_birth_date,
            parse_sex,
        )

        lang = self.context.lang
        parsed: dict[str, Any] = {}
        self.errors = {}
        for name, field in self.fields().items():
            text = field.text()
            if not text.strip():
                if name == "weight":
                    self.errors[name] = Issue("input_empty", field="weight")
                continue
            try:
                value = parse_quantity(
                    text,
                    name,  # type: ignore[arg-type]  # the fields are named after the Measures
                    lang,
                    default_unit=field.unit_text(),
                )
                check_hard(value)
            except CalxError as error:
                self.errors[name] = error.issue
            else:
                parsed[name] = value
        identifiers: dict[str, Any] = {}
        for name, read in (
            ("birth_date", parse_birth_date),
            ("record_number", check_record_number),
        ):
            try:
                identifiers[name] = read(self.text_fields()[name].text())
            except CalxError as error:
                self.errors[name] = error.issue
        patient = None
        self.warnings = []
        if not self.errors:
            try:
                age = parsed.get("age")
                patient = Patient(
                    weight=parsed["weight"].quantity,
                    height=parsed["height"].quantity if "height" in parsed else None,
                    sex=parse_sex(self.sex.currentData()),
                    age_years=age.value_canonical if age is not None else None,
                    creatinine=parsed["creatinine"].quantity if "creatinine" in parsed else None,
                    pregnant=self.pregnant.currentData(),
                    breastfeeding=self.breastfeeding.currentData(),
                    medications=self.medications.medications(),
                    entered=tuple(
                        parsed[k] for k in ("weight", "height", "age", "creatinine") if k in parsed
                    ),
                    **identifiers,
                )
            except CalxError as error:
                self.errors[error.field or "weight"] = error.issue
            else:
                self.warnings = patient.warnings()
        self.patient = patient
        self._show_messages()
        self.patientChanged.emit(patient)
        return patient

    def _show_messages(self) -> None:
        untouched = not self.weight.text().strip()
        for name, field in self.text_fields().items():
            error = self.errors.get(name)
            if error is not None and not (untouched and error.code == "input_empty"):
                field.show_message(self.context.render(error), "error")
                continue
            warnings = [self.context.render(w) for w in self.warnings if w.field == name]
            field.show_message("\n".join(warnings) or None, "warning")
        notes = self.patient.conversion_notes(self.context.lang) if self.patient else []
        self.notes.setText(" · ".join(notes))
        self.notes.setVisible(bool(notes))

    def show_issues(self, issues: list[Issue]) -> None:
        """Show warnings raised further on (by the dose) next to the field that caused them."""
        by_field: dict[str, list[str]] = {}
        for issue in issues:
            if issue.field in self.fields():
                by_field.setdefault(issue.field, []).append(self.context.render(issue))
        for name, field in self.fields().items():
            if name in self.errors:
                continue
            own = [self.context.render(w) for w in self.warnings if w.field == name]
            texts = list(dict.fromkeys(own + by_field.get(name, [])))
            field.show_message("\n".join(texts) or None, "warning")

    def _preferences_changed(self) -> None:
        # New default units apply to empty fields only: a typed value keeps the unit it was
        # typed in, so changing a preference can never change a patient's measurement.
        for field, setting in (
            (self.weight, S.WEIGHT_UNIT),
            (self.height_field, S.HEIGHT_UNIT),
            (self.creatinine, S.CREATININE_UNIT),
        ):
            if not field.text().strip():
                field.set_unit(self.context.prefs.get(setting))

    # ------------------------------------------------------------------ words

    def retranslate(self) -> None:
        words = {
            "weight": (
                self.tr("&Weight:"),
                self.tr("Weight"),
                self.tr(
                    "Body weight; a number alone takes the unit on the right "
                    "(you may also type “154 lb”)"
                ),
                self.tr("e.g. 70"),
            ),
            "height": (
                self.tr("&Height:"),
                self.tr("Height"),
                self.tr("Height; needed for doses per m² (you may also type “5 ft 7 in”)"),
                self.tr("e.g. 170"),
            ),
            "age": (
                self.tr("&Age (years):"),
                self.tr("Age"),
                self.tr("Age in years (optional; needed for kidney function)"),
                self.tr("optional"),
            ),
            "creatinine": (
                self.tr("&Creatinine:"),
                self.tr("Serum creatinine"),
                self.tr("Serum creatinine (optional), for kidney function"),
                self.tr("optional"),
            ),
        }
        words["birth_date"] = (
            self.tr("Date of &birth:"),
            self.tr("Date of birth"),
            self.tr("Optional, as YYYY-MM-DD: printed beside the name on every page of a plan"),
            self.tr("e.g. 1961-04-23"),
        )
        words["record_number"] = (
            self.tr("Reco&rd number:"),
            self.tr("Record number"),
            self.tr(
                "Optional hospital record number: printed beside the name on every page of a plan"
            ),
            self.tr("optional"),
        )
        for name, (label, accessible, tip, placeholder) in words.items():
            self.labels[name].setText(label)
            self.text_fields()[name].set_labels(
                accessible,
                tip,
                placeholder,
                self.tr("Unit of %1").replace("%1", accessible.lower()),
            )
        self.labels["sex"].setText(self.tr("&Sex:"))
        self.sex.setAccessibleName(self.tr("Sex"))
        self.sex.setToolTip(self.tr("Optional; needed for ideal body weight and kidney function"))
        for i, text in enumerate((self.tr("Not given"), self.tr("Female"), self.tr("Male"))):
            self.sex.setItemText(i, text)
        self.labels["pregnant"].setText(self.tr("&Pregnant:"))
        self.labels["breastfeeding"].setText(self.tr("&Breastfeeding:"))
        self.labels["medications"].setText(self.tr("Current &medications:"))
        for combo, name in (
            (self.pregnant, self.tr("Pregnant")),
            (self.breastfeeding, self.tr("Breastfeeding")),
        ):
            combo.setAccessibleName(name)
            combo.setToolTip(self.tr("For the plan's safety checks"))
            for i, text in enumerate((self.tr("Not known"), self.tr("No"), self.tr("Yes"))):
                combo.setItemText(i, text)
        self.notes.setAccessibleName(self.tr("Unit conversions"))
        if self.patient is not None or self.errors:
            self._show_messages()
