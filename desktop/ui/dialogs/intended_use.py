"""The notice of intended use: shown once at first start, reread from Help."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop.ui.i18n import Retranslating


class IntendedUseDialog(Retranslating, QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intendedUseDialog")
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setMinimumWidth(420)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Intended use"))
        self.text.setText(
            self.tr(
                "<p><b>Calx is a reference for clinicians, not a prescriber.</b></p>"
                "<p>It gathers what a published review reports about treating calcinosis in "
                "systemic sclerosis, with the source and how far each statement was checked, and "
                "it helps with dose arithmetic. Most treatments rest on case reports or small "
                "series and are used off-label.</p>"
                "<p>Every dose, schedule and decision remains the prescribing clinician's "
                "responsibility: check each result against the product information and the "
                "patient.</p>"
            )
        )
        self.text.setAccessibleName(self.tr("Intended use notice"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("I understand"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleName(
            self.tr("I understand")
        )
