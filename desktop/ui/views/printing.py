"""Printing through the system print dialog (QtPrintSupport on demand): rich text or PDF bytes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialog, QWidget

if TYPE_CHECKING:
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter

# Pages of a PDF are drawn as images at no more than this resolution: a 1200 dpi printer would
# otherwise get a 550 MB image per A4 page, with no visible gain for a text document.
MAX_PRINT_DPI = 300


def ask_printer(parent: QWidget) -> QPrinter | None:
    """The printer the clinician chose in the system dialog, or None when they cancel."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer


def print_document(document: QTextDocument, parent: QWidget) -> bool:
    """Ask for a printer and print ``document``; False when the clinician cancels."""
    printer = ask_printer(parent)
    if printer is None:
        return False
    document.print_(printer)
    return True


def print_pdf_data(data: bytes, parent: QWidget) -> bool:
    """Ask for a printer and print the PDF ``data``; False when cancelled or not a PDF."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtPdf import QPdfDocument

    buffer = QBuffer(parent)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent)
    try:
        document.load(buffer)  # a buffer already in memory loads at once (well under 1 ms)
        if document.status() != QPdfDocument.Status.Ready:
            return False
        printer = ask_printer(parent)
        if printer is None:
            return False
        paint_pdf(document, printer)
        return True
    finally:
        document.close()
        document.deleteLater()
        buffer.deleteLater()


def paint_pdf(document: QPdfDocument, printer: QPrinter) -> None:
    """Each page scaled to the printable area. Runs in the UI thread once the print dialog is
    accepted (QPainter on the printer belongs to it): about 30 ms a page at 300 dpi."""
    from PySide6.QtCore import QRectF, QSize
    from PySide6.QtGui import QPainter

    painter = QPainter(printer)
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            area = painter.viewport()
            points = document.pagePointSize(page)
            scale = min(area.width() / points.width(), area.height() / points.height())
            target = QRectF(0, 0, points.width() * scale, points.height() * scale)
            pixels = min(scale, MAX_PRINT_DPI / 72)
            image = document.render(
                page, QSize(int(points.width() * pixels), int(points.height() * pixels))
            )
            painter.drawImage(target, image)
    finally:
        painter.end()
