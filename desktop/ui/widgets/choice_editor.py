"""Values chosen inside the source's ranges: one drop-down list per range.

The rule is the domain's (``desktop.core.choices``): each list offers only values that exist
(the product's steps, whole weeks or months), so a choice out of range or a free decimal cannot
be made. Its first item is the source's documented default, labelled as such, or "Choose…"
for an "up to" that has none. Only what the clinician picks is passed on as a choice: an
untouched list is never reported as the clinician's decision.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from desktop.core.choices import ChoiceSpec
from desktop.ui.i18n import Retranslating
from desktop.ui.widgets.measure_field import message_colour


class ChoiceEditor(Retranslating, QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("choiceEditor")
        self.lang = "en"
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.specs: list[ChoiceSpec] = []
        self.editors: dict[str, QComboBox] = {}
        self.messages: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}

    def unit_text(self, spec: ChoiceSpec) -> str:
        """The unit in the clinician's language: "weeks" / "semaines", "mg/m²"."""
        if spec.whole:
            from desktop.core.schedule import unit_word_params

            return unit_word_params(spec.unit, spec.high)[self.lang]
        from desktop.core.formatting import format_unit

        return format_unit(spec.unit, self.lang)

    def set_specs(self, specs: Sequence[ChoiceSpec], lang: str) -> None:
        self.lang = lang
        while self.form.rowCount():
            self.form.removeRow(0)
        self.editors.clear()
        self.messages.clear()
        self.labels.clear()
        self.specs = list(specs)
        for spec in self.specs:
            combo = QComboBox(self)
            combo.setObjectName(f"choice_{spec.name}")
            combo.addItem("", None)  # the default or "Choose…": no choice made
            for option in spec.options:
                combo.addItem(self.value_text(option, spec), option)
            combo.currentIndexChanged.connect(self.changed)
            label = QLabel(self)
            label.setBuddy(combo)
            message = QLabel(self)
            message.setWordWrap(True)
            message.hide()
            self.form.addRow(label, combo)
            self.form.addRow("", message)
            self.editors[spec.name] = combo
            self.messages[spec.name] = message
            self.labels[spec.name] = label
        self.retranslate()

    def value_text(self, value: float, spec: ChoiceSpec) -> str:
        from desktop.core.formatting import format_number

        return f"{format_number(value, self.lang)} {self.unit_text(spec)}"

    def values(self) -> dict[str, float]:
        """The clinician's choices only: a list left on its default is not a choice."""
        return {
            name: float(combo.currentData())
            for name, combo in self.editors.items()
            if combo.currentData() is not None
        }

    def set_value(self, name: str, value: float | None) -> None:
        """Choose ``value`` (None: back to the default) as the clinician would."""
        combo = self.editors[name]
        index = 0 if value is None else combo.findData(float(value))
        combo.setCurrentIndex(max(0, index))

    def show_messages(self, messages: dict[str, tuple[str, str]]) -> None:
        """``{choice name: (text, "error" | "warning")}``; other choices are cleared."""
        for name, label in self.messages.items():
            found = messages.get(name)
            label.setVisible(found is not None)
            if found is not None:
                text, severity = found
                label.setText(text)
                label.setStyleSheet(f"color: {message_colour(self, severity)};")

    def retranslate(self) -> None:
        names = {
            "dose": self.tr("Dose:"),
            "every": self.tr("Interval:"),
            "on": self.tr("Treatment period:"),
            "off": self.tr("Pause:"),
            "duration": self.tr("Duration:"),
            "course_every": self.tr("Courses every:"),
        }
        for spec in self.specs:
            text = names.get(spec.name) or self.tr("Offset %1:").replace(
                "%1", spec.name.removeprefix("offset_")
            )
            self.labels[spec.name].setText(text)
            combo = self.editors[spec.name]
            if spec.default is None:
                combo.setItemText(0, self.tr("Choose…"))
            else:
                combo.setItemText(
                    0, self.tr("%1 (default)").replace("%1", self.value_text(spec.default, spec))
                )
            for i in range(1, combo.count()):
                combo.setItemText(i, self.value_text(float(combo.itemData(i)), spec))
            tip = (
                self.tr("Choose a value within the source's range: %1 %2")
                .replace("%1", f"{spec.low:g}–{spec.high:g}")
                .replace("%2", self.unit_text(spec))
            )
            if spec.default is None:
                tip += " " + self.tr("The source gives only a maximum: a choice is required.")
            else:
                tip += " " + self.tr(
                    "Left on its default, the value is marked as the source's "
                    "default, not as your choice."
                )
            combo.setToolTip(tip)
            combo.setAccessibleName(text.rstrip(":"))
            self.messages[spec.name].setAccessibleName(text.rstrip(":"))
