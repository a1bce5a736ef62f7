"""The five BSA formulas side by side, and the one used for doses (the preference by default)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.calculators.bsa import BSA_FORMULAS
from desktop.ui.i18n import Retranslating
from desktop.ui.models.bsa_table import BsaTableModel

if TYPE_CHECKING:
    from desktop.core.patient import Patient


class BsaPanel(Retranslating, QWidget):
    formulaChanged = Signal(str)

    def __init__(self, default_formula: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bsaPanel")
        self.formula = QComboBox(self)
        self.formula.setObjectName("bsaFormula")
        for key in BSA_FORMULAS:
            # proper names, the same in French and English
            self.formula.addItem(BSA_FORMULAS[key].name, key)
        self.formula.setCurrentIndex(max(0, self.formula.findData(default_formula)))
        self.formula.currentIndexChanged.connect(
            lambda _i: self.formulaChanged.emit(self.current_formula())
        )
        self.model = BsaTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("bsaTable")
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table: no keyboard trap
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.label = QLabel(self)
        self.label.setBuddy(self.formula)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.label, self.formula)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.table)
        self.lang = "en"
        self.patient: Patient | None = None
        self.retranslate()

    def current_formula(self) -> str:
        return str(self.formula.currentData())

    def set_formula(self, formula: str) -> None:
        self.formula.setCurrentIndex(max(0, self.formula.findData(formula)))

    def update_patient(self, patient: Patient | None, lang: str) -> None:
        from desktop.core.calculators.bsa import bsa_all

        self.patient, self.lang = patient, lang
        values = None
        if patient is not None and patient.height is not None:
            values = bsa_all(patient.weight, patient.height)
        self.model.set_values(values, lang, self.current_formula())
        rows = self.model.rowCount()
        height = (
            self.table.horizontalHeader().height()
            + sum(self.table.rowHeight(r) for r in range(rows))
            + 2 * self.table.frameWidth()
        )
        self.table.setFixedHeight(height)

    def retranslate(self) -> None:
        self.label.setText(self.tr("BSA &formula for doses:"))
        self.formula.setAccessibleName(self.tr("BSA formula for doses"))
        self.formula.setToolTip(
            self.tr("Formula used for doses per m²; the table compares all five")
        )
        self.table.setAccessibleName(self.tr("Body-surface area by five formulas"))
        self.table.setToolTip(self.tr("Needs weight and height; the formula used is in bold"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 1)
