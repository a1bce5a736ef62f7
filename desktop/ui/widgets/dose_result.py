"""The result of a dose calculation: the numbers a nurse draws up, the warnings, the working.

Every number is formatted by ``desktop.core.formatting`` and every sentence (warnings, working
steps) comes from ``desktop.core.messages`` in the user's language: the window shows the same
words as the PDF and the command line. The calculated dose is always shown, next to the rounded
dose and its deviation (docs/clinical.md §5).
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from desktop.core.words import language, word
from desktop.ui.i18n import Retranslating
from desktop.ui.widgets.measure_field import message_colour

if TYPE_CHECKING:
    from desktop.core.dosing import DoseResult
    from desktop.core.errors import Issue

# The rows of ``desktop.core.presenting.dose_rows``, in its order (the PDF and CLI print the same).
ROWS: tuple[str, ...] = (
    "prescribed",
    "calculated",
    "rounded",
    "daily",
    "course",
    "volume",
    "vials",
    "concentration",
)


class DoseResultPanel(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("doseResult")
        self.status = QLabel(self)
        self.status.setObjectName("doseStatus")
        self.status.setWordWrap(True)
        self.values: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        # A narrow column puts a long value under its label instead of four lines beside it.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for key in ROWS:
            label, value = QLabel(self), QLabel(self)
            value.setObjectName(f"dose_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            form.addRow(label, value)
            self.labels[key], self.values[key] = label, value
        self.warnings = QLabel(self)
        self.warnings.setObjectName("doseWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.RichText)
        self.working_title = QLabel(self)
        self.working = QTextBrowser(self)
        self.working.setObjectName("doseWorking")
        self.working.setMinimumHeight(110)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addLayout(form)
        layout.addWidget(self.warnings)
        layout.addWidget(self.working_title)
        layout.addWidget(self.working, 1)
        self.result: DoseResult | None = None
        self.lang = "en"
        self.retranslate()
        self.clear()

    def clear(self, message: str = "") -> None:
        self.result = None
        self.status.setText(message)
        self.status.setVisible(bool(message))
        for key in ROWS:
            self._row(key, None)
        self.warnings.hide()
        self.working.clear()

    def _row(self, key: str, text: str | None) -> None:
        self.values[key].setText(text or "")
        self.values[key].setVisible(bool(text))
        self.labels[key].setVisible(bool(text))

    def show_result(
        self, result: DoseResult, lang: str, render: object, warnings: list[Issue]
    ) -> None:
        """Show ``result``; ``warnings`` are the ones not already shown next to a field."""
        from desktop.core.presenting import dose_rows

        self.result = result
        self.status.setVisible(not result.has_dose)
        if not result.has_dose:
            self.status.setText(word("no_dose_regimen", language(lang)))
        if lang != self.lang:
            self.lang = language(lang)
            self.retranslate()
        rows = {row.key: row.value for row in dose_rows(result, lang)}
        for key in ROWS:
            self._row(key, rows.get(key))
        self.show_warnings([render(w) for w in warnings])  # type: ignore[operator]
        steps = "".join(
            f"<li>{escape(render(step))}</li>"  # type: ignore[operator]
            for step in result.working
        )
        self.working.setHtml(f"<ol>{steps}</ol>")

    def show_warnings(self, texts: list[str]) -> None:
        colour = message_colour(self, "warning")
        self.warnings.setVisible(bool(texts))
        self.warnings.setText(
            "".join(f'<p style="color:{colour}">⚠ {escape(t)}</p>' for t in dict.fromkeys(texts))
        )

    def retranslate(self) -> None:
        tips = {
            "prescribed": self.tr(
                "The amount the source gives, or the value you chose in its range"
            ),
            "calculated": self.tr("The exact result of the formula, never rounded"),
            "rounded": self.tr("Rounded by the product's rule; the deviation is shown"),
            "daily": self.tr("Dose per day"),
            "course": self.tr("Total of one course"),
            "volume": self.tr("Volume of concentrate for the dose to give"),
            "vials": self.tr("Vials that waste least, then fewest vials"),
            "concentration": self.tr("Strength of the preparation the source names"),
        }
        from desktop.core.formatting import colon as colon_of
        from desktop.core.presenting import LABELS
        from desktop.core.words import word

        colon = colon_of(self.lang, " ").rstrip()
        for key, tip in tips.items():
            label = word(LABELS[key], self.lang)
            self.labels[key].setText(label + colon)
            self.values[key].setToolTip(tip)
            self.values[key].setAccessibleName(label)
        self.status.setAccessibleName(self.tr("Dose status"))
        self.warnings.setAccessibleName(self.tr("Dose warnings"))
        self.working_title.setText(self.tr("Working:"))
        self.working.setAccessibleName(self.tr("Working of the calculation"))
        self.working.setToolTip(self.tr("Each step of the calculation, with the values used"))
