"""A plan's preview with the buttons that print, save and export it: in the plan view (the plan
being prepared) and in the saved-plans dialog (a plan reopened as it was).

The panel asks its ``source`` for the plan (``(plan, "")`` or ``(None, why not)``) whenever it
needs it; the work itself is ``PlanOutputs``'s (rendered off the UI thread, files written
atomically, every output logged). The preview follows changes announced with
``schedule_preview`` once typing pauses, and only while the panel is visible.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from desktop.ui.i18n import Retranslating
from desktop.ui.plan_outputs import PlanOutputs
from desktop.ui.widgets.pdf_preview import PdfPreview

if TYPE_CHECKING:
    from desktop.reports.model import PlanDocument
    from desktop.ui.context import AppContext

PlanSource = Callable[[], "tuple[PlanDocument | None, str]"]
PREVIEW_DELAY_MS = 300  # typing a name re-renders the preview once the typing pauses


class PlanOutputPanel(Retranslating, QWidget):
    refused = Signal(str)  # an action was asked for while there is no plan: why

    def __init__(
        self, context: AppContext, source: PlanSource, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.source = source
        self.preview = PdfPreview(self)
        self.outputs = PlanOutputs(context, self)
        self.print_button, self.pdf_button, self.export_button = (
            QPushButton(self) for _ in range(3)
        )
        for button, name in (
            (self.print_button, "planPrint"),
            (self.pdf_button, "planPdf"),
            (self.export_button, "planExport"),
        ):
            button.setObjectName(name)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._previewed: tuple[str, str] | None = None  # (plan id, copy) now shown
        self._not_ready = ""
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.print_button, self.pdf_button, self.export_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)
        self._timer.timeout.connect(self.refresh_preview)
        self.preview.copyChanged.connect(self.schedule_preview)
        self.outputs.previewReady.connect(self.preview.show_pdf)
        self.outputs.previewFailed.connect(self.preview.show_message)
        self.print_button.clicked.connect(self.print_plan)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.export_button.clicked.connect(self.export_calendar)
        self.retranslate()

    def set_ready(self, ready: bool, reason: str = "") -> None:
        """Enable the buttons, or disable them with ``reason`` as their tooltip."""
        self._not_ready = "" if ready else reason
        for button in (self.print_button, self.pdf_button, self.export_button):
            button.setEnabled(ready)
        self.retranslate()

    # ------------------------------------------------------------------ preview

    def schedule_preview(self, *_args: object) -> None:
        self._timer.start()

    def clear_preview(self, reason: str = "") -> None:
        """Show no plan at once: the pending refresh is dropped and a render still on its way
        for the plan shown before is never delivered (it must not appear under another name)."""
        self._timer.stop()
        self._previewed = None
        self.outputs.drop_previews()
        self.preview.show_message(reason)

    def refresh_preview(self) -> None:
        """Render the copy chosen in the preview, unless it already shows this very plan."""
        if not self.isVisible():
            return  # showEvent renders it when the panel is shown
        plan, reason = self.source()
        if plan is None:
            self._previewed = None
            self.preview.show_message(reason)
            return
        key = (plan.plan_id, self.preview.copy_kind())
        if key == self._previewed:
            return
        self._previewed = key
        self.preview.show_busy()
        self.outputs.preview(plan, key[1])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.schedule_preview()

    # ------------------------------------------------------------------ actions

    def _plan(self) -> PlanDocument | None:
        plan, reason = self.source()
        if plan is None:
            self.refused.emit(reason)
        return plan

    def print_plan(self) -> None:
        """Print the copy shown in the preview through the system print dialog."""
        plan = self._plan()
        if plan is not None:
            self.outputs.print_plan(plan, self.preview.copy_kind())

    def save_pdf_to(self, path: Path) -> bool:
        """The patient plan at ``path`` and the clinician copy beside it; ``outputs.exported``
        says when both are written and logged."""
        plan = self._plan()
        if plan is not None:
            self.outputs.save_pdfs(plan, path)
        return plan is not None

    def export_calendar_to(self, path: Path) -> bool:
        plan = self._plan()
        if plan is not None:
            self.outputs.export_calendar(plan, path)
        return plan is not None

    def save_pdf(self) -> None:
        plan = self._plan()
        if plan is None:
            return
        path = self.outputs.ask_path(
            plan, self.tr("Save the plan as PDF"), ".pdf", self.tr("PDF files")
        )
        if path is not None:
            self.outputs.save_pdfs(plan, path)

    def export_calendar(self) -> None:
        plan = self._plan()
        if plan is None:
            return
        path = self.outputs.ask_path(
            plan, self.tr("Export the calendar"), ".ics", self.tr("Calendar files")
        )
        if path is not None:
            self.outputs.export_calendar(plan, path)

    def retranslate(self) -> None:
        for button, text, tip in (
            (self.print_button, self.tr("&Print…"), self.tr("Print the copy shown in the preview")),
            (
                self.pdf_button,
                self.tr("S&ave as PDF…"),
                self.tr("Save the patient's plan and the clinician copy as PDF files"),
            ),
            (
                self.export_button,
                self.tr("Export &calendar…"),
                self.tr("Save the administrations as a calendar file (.ics)"),
            ),
        ):
            button.setText(text)
            button.setAccessibleName(text.replace("&", "").rstrip("…"))
            button.setToolTip(self._not_ready or tip)
