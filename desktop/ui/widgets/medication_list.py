"""The patient's current medications: a name box completed from Calx's medication list (names,
synonyms and brands in both languages), an Add button and the list, each name marked "not
checked" when Calx does not know it (kept, never dropped)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.i18n import Retranslating

if TYPE_CHECKING:
    from desktop.core.patient import CurrentMedication
    from desktop.core.safety import SafetyContent


class MedicationList(Retranslating, QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("medicationList")
        self.safety: SafetyContent | None = None
        self.lang = "en"
        self.edit = QLineEdit(self)
        self.edit.setObjectName("medicationEdit")
        self.names_model = QStringListModel(self)
        completer = QCompleter(self.names_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.edit.setCompleter(completer)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("medicationAdd")
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("medicationRemove")
        self.list = QListWidget(self)
        self.list.setObjectName("medicationItems")
        self.list.setMaximumHeight(60)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.list)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)
        self.add_button.clicked.connect(self.add_typed)
        self.edit.returnPressed.connect(self.add_typed)
        self.remove_button.clicked.connect(self.remove_current)
        self._typed: list[str] = []
        self.retranslate()

    def set_catalogue(self, safety: SafetyContent | None, lang: str) -> None:
        self.safety, self.lang = safety, lang
        names: list[str] = []
        for m in safety.medications if safety is not None else ():
            names += [m.name.get(lang), *(m.synonyms_fr if lang == "fr" else m.synonyms_en)]
        self.names_model.setStringList(sorted(dict.fromkeys(names), key=str.casefold))
        self._refresh()

    def add(self, name: str) -> None:
        name = " ".join(name.split())
        if not name or any(n.casefold() == name.casefold() for n in self._typed):
            return
        self._typed.append(name)
        self._refresh()
        self.changed.emit()

    def add_typed(self) -> None:
        self.add(self.edit.text())
        self.edit.clear()

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self._typed):
            del self._typed[row]
            self._refresh()
            self.changed.emit()

    def medications(self) -> tuple[CurrentMedication, ...]:
        from desktop.core.plan_check import current_medications
        from desktop.core.safety import SafetyContent

        return current_medications(self._typed, self.safety or SafetyContent())

    def _refresh(self) -> None:
        self.list.clear()
        for med in self.medications():
            shown = med.name
            if med.medication_id is None:
                shown += f" — {self.tr('not checked')}"
            elif self.safety is not None:
                known = self.safety.medication(med.medication_id)
                if (
                    known is not None
                    and known.name.get(self.lang).casefold() != med.name.casefold()
                ):
                    shown += f" ({known.name.get(self.lang)})"
            item = QListWidgetItem(shown)
            if med.medication_id is None:
                item.setToolTip(
                    self.tr("Calx does not know this medication: its interactions are not checked.")
                )
            self.list.addItem(item)
        self.remove_button.setEnabled(bool(self._typed))

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(self.tr("a medication the patient takes"))
        self.edit.setAccessibleName(self.tr("Current medication"))
        self.add_button.setText(self.tr("Add"))
        self.add_button.setAccessibleName(self.tr("Add the current medication"))
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setAccessibleName(self.tr("Remove the chosen current medication"))
        self.list.setAccessibleName(self.tr("Current medications"))
        self.edit.setToolTip(
            self.tr(
                "Type a medication the patient already takes (name or "
                "brand, French or English), then Add"
            )
        )
        self.add_button.setToolTip(self.tr("Add it to the patient's current medications"))
        self.remove_button.setToolTip(self.tr("Remove the chosen medication from the list"))
        self.list.setToolTip(
            self.tr(
                "Medications the patient already takes, checked against "
                "the plan; “not checked” when Calx does not know them"
            )
        )
        self._refresh()
