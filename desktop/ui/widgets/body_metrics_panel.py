"""Body metrics beside the dose: BMI, ideal and adjusted body weight, Cockcroft–Gault with its
weight basis, CKD-EPI 2021, from ``desktop.core.body_metrics`` (the same as ``calx body``).

Each value's tooltip is its working and citation; a metric that lacks an input says which.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from desktop.core.body_metrics import METRICS
from desktop.core.formatting import colon as colon_of
from desktop.core.words import language, word

if TYPE_CHECKING:
    from desktop.core.body_metrics import BodyMetrics
    from desktop.core.errors import Issue
    from desktop.core.patient import Patient


# What a metric still needs, said beside its name (the messages' "needs_*" name it themselves).
NEEDS = {
    "needs_age": "metric_needs_age",
    "needs_sex": "metric_needs_sex",
    "needs_weight": "metric_needs_weight",
    "needs_height": "metric_needs_height",
    "needs_creatinine": "metric_needs_creatinine",
}


class BodyMetricsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bodyMetrics")
        self.lang = "en"
        self.metrics: BodyMetrics | None = None
        self.labels: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for key in METRICS:
            label, value = QLabel(self), QLabel(self)
            value.setObjectName(f"metric_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value)
            self.labels[key], self.values[key] = label, value
        self.show_metrics(None, "en", lambda issue: issue.code)

    def show_metrics(
        self, patient: Patient | None, lang: str, render: Callable[[Issue], str]
    ) -> None:
        from desktop.core.body_metrics import body_metrics

        self.lang = language(lang)
        self.metrics = metrics = body_metrics(patient) if patient is not None else None
        colon = colon_of(self.lang, " ").rstrip()
        for key in METRICS:
            name = metrics.name(key, lang) if metrics is not None else word(f"metric_{key}", lang)
            self.labels[key].setText(name + colon)
            self.values[key].setAccessibleName(name)
            if metrics is None:
                self.values[key].setText("—")
                self.values[key].setToolTip(self.tr("Enter the patient's measurements"))
                continue
            text = metrics.value_text(key, lang)
            if text is not None:
                result = metrics.results[key]
                self.values[key].setText(text)
                self.values[key].setToolTip(
                    result.working(lang) + (f"\n{result.citation}" if result.citation else "")
                )
            else:
                reason = metrics.skipped.get(key)
                self.values[key].setText("—")
                self.values[key].setToolTip(render(reason) if reason is not None else "")
                if reason is not None and reason.code in NEEDS:
                    # The row's label names the metric; the whole sentence wrapped past the
                    # column at 1024×768 ("Poids idéal (Devine) nécessite la" and no more).
                    self.values[key].setText("— " + word(NEEDS[reason.code], lang))

    def plain_lines(self) -> list[str]:
        """The metrics as lines of text (copy, print)."""
        colon = colon_of(self.lang, " ")
        if self.metrics is None:
            return []
        return [
            f"{self.metrics.name(k, self.lang)}{colon}{self.metrics.value_text(k, self.lang)}"
            for k in METRICS
            if k in self.metrics.results
        ]
