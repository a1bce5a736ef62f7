"""Values chosen inside the source's ranges: one spin box per range, bounded by it.

A spin box cannot hold a value outside the range, so a choice out of range cannot be typed; a
"50 or 100 mg" set of options is a drop-down list instead. The engine still checks every choice.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QLocale, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from desktop.ui.computation import ChoiceSpec
from desktop.ui.widgets.measure_field import message_colour


class ChoiceEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("choiceEditor")
        self.lang = "en"
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.specs: list[ChoiceSpec] = []
        self.editors: dict[str, QAbstractSpinBox | QComboBox] = {}
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
            editor: QAbstractSpinBox | QComboBox
            if spec.options:
                combo = QComboBox(self)
                for option in spec.options:
                    combo.addItem(f"{option:g} {self.unit_text(spec)}", option)
                combo.currentIndexChanged.connect(self.changed)
                editor = combo
            elif spec.whole:
                box = QSpinBox(self)
                box.setRange(int(spec.low), int(spec.high))
                box.setValue(int(spec.default))
                box.setSuffix(f" {self.unit_text(spec)}")
                box.valueChanged.connect(self.changed)
                editor = box
            else:
                double = QDoubleSpinBox(self)
                double.setDecimals(2)
                double.setRange(spec.low, spec.high)
                double.setSingleStep(_step(spec.high - spec.low))
                double.setValue(spec.default)
                double.setSuffix(f" {self.unit_text(spec)}")
                double.setLocale(QLocale())  # decimal comma in French
                double.valueChanged.connect(self.changed)
                editor = double
            editor.setObjectName(f"choice_{spec.name}")
            label = QLabel(self)
            label.setBuddy(editor)
            message = QLabel(self)
            message.setWordWrap(True)
            message.hide()
            self.form.addRow(label, editor)
            self.form.addRow("", message)
            self.editors[spec.name] = editor
            self.messages[spec.name] = message
            self.labels[spec.name] = label
        self.retranslate()

    def values(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for name, editor in self.editors.items():
            if isinstance(editor, QComboBox):
                out[name] = float(editor.currentData())
            else:
                out[name] = float(editor.value())  # type: ignore[attr-defined]
        return out

    def set_value(self, name: str, value: float) -> None:
        editor = self.editors[name]
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        else:
            editor.setValue(value)  # type: ignore[attr-defined]

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
            "dose": self.tr("Dose:"), "every": self.tr("Interval:"),
            "on": self.tr("Treatment period:"), "off": self.tr("Pause:"),
            "duration": self.tr("Duration:"), "course_every": self.tr("Courses every:"),
        }
        for spec in self.specs:
            text = names.get(spec.name) or self.tr("Offset %1:").replace(
                "%1", spec.name.removeprefix("offset_"))
            self.labels[spec.name].setText(text)
            editor = self.editors[spec.name]
            range_text = (" / ".join(f"{o:g}" for o in spec.options) if spec.options
                          else f"{spec.low:g}–{spec.high:g}")
            tip = self.tr("Choose a value within the source's range: %1 %2").replace(
                "%1", range_text).replace("%2", self.unit_text(spec))
            editor.setToolTip(tip)
            editor.setAccessibleName(text.rstrip(":"))
            self.messages[spec.name].setAccessibleName(text.rstrip(":"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _step(width: float) -> float:
    """A spin-box step that moves through a range in about 10–50 clicks."""
    for step in (1000, 100, 50, 10, 5, 1, 0.5, 0.1):
        if width / step >= 10:
            return step
    return 0.05
