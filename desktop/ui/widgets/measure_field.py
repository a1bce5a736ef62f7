"""One measurement field: text, a unit picker, and the message for this field underneath.

The message is either a refusal (the input is invalid; red, with a warning icon in the field) or
a warning (unusual but allowed; amber). Nothing pops up: the message stays next to its field.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QVBoxLayout,
    QWidget,
)


def is_dark(widget: QWidget) -> bool:
    return widget.palette().color(QPalette.ColorRole.Window).lightness() < 128


def message_colour(widget: QWidget, severity: str) -> str:
    """Red for a refusal, amber for a warning, in shades readable on the current palette."""
    dark = is_dark(widget)
    if severity == "error":
        return "#ff8a80" if dark else "#b00020"
    return "#ffd180" if dark else "#8a5a00"


class MeasureField(QWidget):
    """A ``QLineEdit`` with an optional unit ``QComboBox`` and a message label below."""

    edited = Signal()

    def __init__(self, name: str, units: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.setObjectName(f"{name}Field")
        self.edit = QLineEdit(self)
        self.edit.setObjectName(f"{name}Edit")
        self.unit = QComboBox(self) if units else None
        if self.unit is not None:
            self.unit.setObjectName(f"{name}Unit")
            for unit in units:
                self.unit.addItem(unit, unit)
            self.unit.currentIndexChanged.connect(self.edited)
        self.message = QLabel(self)
        self.message.setObjectName(f"{name}Message")
        self.message.setWordWrap(True)
        self.message.hide()
        # Shown inside the field only while its input is refused.
        self._flag = QAction(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning), "", self.edit
        )
        self._flagged = False
        self.edit.textEdited.connect(self.edited)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        if self.unit is not None:
            row.addWidget(self.unit)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.message)
        self.severity: str | None = None

    def text(self) -> str:
        return self.edit.text()

    def unit_text(self) -> str | None:
        return None if self.unit is None else self.unit.currentData()

    def set_unit(self, unit: str) -> None:
        if self.unit is not None:
            index = self.unit.findData(unit)
            if index >= 0:
                self.unit.setCurrentIndex(index)

    def show_message(self, text: str | None, severity: str = "error") -> None:
        """Show ``text`` under the field (``severity`` "error" or "warning"); None clears it."""
        self.severity = severity if text else None
        if not text:
            self.message.clear()
            self.message.hide()
            self._set_flag(False)
            self.edit.setAccessibleDescription("")
            return
        colour = message_colour(self, severity)
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {colour};")
        self.message.show()
        self._set_flag(severity == "error")
        self._flag.setToolTip(text)
        self.edit.setAccessibleDescription(text)

    def _set_flag(self, on: bool) -> None:
        if on and not self._flagged:
            self.edit.addAction(self._flag, QLineEdit.ActionPosition.TrailingPosition)
        elif not on and self._flagged:
            self.edit.removeAction(self._flag)
        self._flagged = on

    def set_labels(
        self, accessible_name: str, tooltip: str, placeholder: str, unit_name: str = ""
    ) -> None:
        self.edit.setAccessibleName(accessible_name)
        self.edit.setToolTip(tooltip)
        self.edit.setPlaceholderText(placeholder)
        self.message.setAccessibleName(accessible_name)
        if self.unit is not None:
            self.unit.setAccessibleName(unit_name)
            self.unit.setToolTip(unit_name)
