"""A preview of a plan PDF (QtPdf): the pages as they will print, or a line saying why not yet.

It shows bytes it is given; it never renders a plan itself (``PlanOutputs.preview`` does, off
the UI thread). The copy picker (patient plan / clinician copy) says which one to ask for.

QtPdf (and the pdfium engine a ``QPdfDocument`` starts) is loaded with the first PDF shown: it
costs about 4.5 MB of memory, which a session that never looks at a preview does not need.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.i18n import Retranslating

if TYPE_CHECKING:
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView


class PdfPreview(Retranslating, QWidget):
    copyChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.copy = QComboBox(self)
        self.copy.setObjectName("previewCopy")
        self.copy.addItem("", "patient")
        self.copy.addItem("", "clinician")
        self.copy_label = QLabel(self)
        self.copy_label.setBuddy(self.copy)
        self.state = QLabel(self)
        self.state.setObjectName("previewState")
        self.document: QPdfDocument | None = None  # with the view, at the first PDF shown
        self.view: QPdfView | None = None
        self._buffer: QBuffer | None = None
        self.shown: bytes | None = None  # the PDF on screen, None while a message is
        self.pages = QWidget(self)  # holds the view
        self._pages_layout = QVBoxLayout(self.pages)
        self._pages_layout.setContentsMargins(0, 0, 0, 0)
        self.placeholder = QLabel(self)
        self.placeholder.setObjectName("previewPlaceholder")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setMargin(24)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.pages)
        top = QHBoxLayout()
        top.addWidget(self.copy_label)
        top.addWidget(self.copy)
        top.addStretch(1)
        top.addWidget(self.state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self.copy.currentIndexChanged.connect(lambda _i: self.copyChanged.emit(self.copy_kind()))
        self.retranslate()

    def copy_kind(self) -> str:
        return str(self.copy.currentData())

    def page_count(self) -> int:
        if self.document is None or self.stack.currentWidget() is not self.pages:
            return 0
        return self.document.pageCount()

    def _pdf_view(self) -> tuple[QPdfDocument, QPdfView]:
        """The document and its view, made the first time (tabbed to right after the picker)."""
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        if self.document is None or self.view is None:
            self.document = QPdfDocument(self)
            self.view = QPdfView(self.pages)
            self.view.setObjectName("previewPages")
            self.view.setDocument(self.document)
            self.view.setPageMode(QPdfView.PageMode.MultiPage)
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.view.setPageSpacing(8)
            self._pages_layout.addWidget(self.view)
            QWidget.setTabOrder(self.copy, self.view)
            self.retranslate()
        return self.document, self.view

    def show_pdf(self, data: bytes) -> bool:
        """Show the PDF ``data`` (loading bytes already in memory is immediate)."""
        document, _view = self._pdf_view()
        previous = self._buffer
        document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer
        document.load(buffer)
        if previous is not None:
            previous.deleteLater()
        if document.status() != document.Status.Ready:
            self.show_message(self.tr("This PDF cannot be shown."))
            return False
        self.shown = data
        self.stack.setCurrentWidget(self.pages)
        self.state.setText(self.tr("Pages: %1").replace("%1", str(document.pageCount())))
        return True

    def show_busy(self) -> None:
        self.state.setText(self.tr("Preparing the preview…"))

    def show_message(self, text: str) -> None:
        """No pages to show: say why (or what to do) in their place."""
        self.shown = None
        self.placeholder.setText(text)
        self.stack.setCurrentWidget(self.placeholder)
        self.state.setText("")

    def retranslate(self) -> None:
        self.copy_label.setText(self.tr("Previe&w:"))
        self.copy.setItemText(0, self.tr("Patient plan"))
        self.copy.setItemText(1, self.tr("Clinician copy"))
        self.copy.setAccessibleName(self.tr("Copy to preview"))
        self.copy.setToolTip(self.tr("Which copy of the plan the preview shows and Print prints"))
        if self.view is not None:
            self.view.setAccessibleName(self.tr("Plan preview"))
            self.view.setToolTip(self.tr("The plan as it will print"))
        self.placeholder.setAccessibleName(self.tr("Plan preview"))
        self.state.setAccessibleName(self.tr("Preview state"))
