"""Preferences: language, default BSA formula and units. ``load()`` reads, ``save()`` writes."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.core.calculators.bsa import BSA_FORMULAS
from desktop.core.languages import LANGUAGE_NAMES
from desktop.ui import settings as S
from desktop.ui.context import AppContext
from desktop.ui.i18n import Retranslating


def holiday_countries() -> list[tuple[str, str]]:
    """(ISO code, name) of every country the ``holidays`` library knows, by name."""
    from PySide6.QtCore import QLocale

    from desktop.core.closed_days import holidays_library

    out = []
    for code in holidays_library().list_supported_countries():
        territory = QLocale.codeToTerritory(code)
        name = (
            QLocale.territoryToString(territory)
            if territory != QLocale.Country.AnyCountry
            else code
        )
        out.append((code, name))
    return sorted(out, key=lambda item: item[1])


class PreferencesDialog(Retranslating, QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.context = context
        self.language = QComboBox(self)
        for lang, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, lang)
        self.bsa_formula = QComboBox(self)
        for key in BSA_FORMULAS:  # authors' names, the same in every language
            self.bsa_formula.addItem(BSA_FORMULAS[key].name, key)
        self.weight_unit = QComboBox(self)
        self.height_unit = QComboBox(self)
        self.creatinine_unit = QComboBox(self)
        for combo, units in (
            (self.weight_unit, S.WEIGHT_UNIT.allowed()),
            (self.height_unit, S.HEIGHT_UNIT.allowed()),
            (self.creatinine_unit, S.CREATININE_UNIT.allowed()),
        ):
            for unit in units:
                combo.addItem(unit, unit)
        self.holiday_country = QComboBox(self)
        self.holiday_country.setObjectName("holidayCountry")
        self.holiday_country.addItem("", "")  # weekends only
        for code, name in holiday_countries():
            self.holiday_country.addItem(f"{name} ({code})", code)
        # The fields in the form's order; retranslate() gives their labels in the same order.
        self.fields = (
            self.language,
            self.bsa_formula,
            self.weight_unit,
            self.height_unit,
            self.creatinine_unit,
            self.holiday_country,
        )
        self.labels = [QLabel(self) for _ in self.fields]
        form = QFormLayout()
        for label, field in zip(self.labels, self.fields, strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.load()
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Preferences"))
        texts = (
            (self.tr("&Language:"), self.tr("Language of the window and of the clinical text")),
            (
                self.tr("Default &BSA formula:"),
                self.tr("Body-surface-area formula used for doses per m² unless you pick another"),
            ),
            (self.tr("Default &weight unit:"), self.tr("Unit offered first for the weight")),
            (self.tr("Default &height unit:"), self.tr("Unit offered first for the height")),
            (
                self.tr("Default &creatinine unit:"),
                self.tr("Unit offered first for serum creatinine"),
            ),
            (
                self.tr("Public &holidays of:"),
                self.tr(
                    "Infusions and procedures on a weekend or on a public holiday of this "
                    "country are flagged in the calendar"
                ),
            ),
        )
        for label, field, (text, tip) in zip(self.labels, self.fields, texts, strict=True):
            label.setText(text)
            field.setToolTip(tip)
            field.setAccessibleName(text.replace("&", "").rstrip(":"))
        self.note.setText(
            self.tr(
                "These are defaults for a new patient: the patient, the "
                "regimen's values and the plan on screen stay as they are."
            )
        )
        self.holiday_country.setItemText(0, self.tr("None (weekends only)"))
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))

    def load(self) -> None:
        prefs = self.context.prefs
        for combo, setting in self._pairs():
            combo.setCurrentIndex(max(0, combo.findData(prefs.get(setting))))

    def save(self) -> None:
        prefs = self.context.prefs
        for combo, setting in self._pairs():
            if setting is S.LANGUAGE:
                continue
            prefs.set(setting, combo.currentData())
        self.context.set_language(self.language.currentData())
        self.context.preferencesChanged.emit()

    def accept(self) -> None:
        self.save()
        super().accept()

    def _pairs(self) -> tuple[tuple[QComboBox, S.Setting[str]], ...]:
        return (
            (self.language, S.LANGUAGE),
            (self.bsa_formula, S.BSA_FORMULA),
            (self.weight_unit, S.WEIGHT_UNIT),
            (self.height_unit, S.HEIGHT_UNIT),
            (self.creatinine_unit, S.CREATININE_UNIT),
            (self.holiday_country, S.HOLIDAY_COUNTRY),
        )
