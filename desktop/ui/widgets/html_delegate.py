"""Draws an item's ``HTML_ROLE`` rich text (already escaped by the model) in the system palette.

Laying out rich text is the costly part of a list of search hits (the list asks every row for
its size hint at each keystroke), so each text's laid-out document is kept, keyed by the text,
the width and the font, in a small least-recently-used cache: a hit that stays in the list from
one keystroke to the next is laid out once.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSize
from PySide6.QtGui import QAbstractTextDocumentLayout, QFont, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.ui.roles import HTML_ROLE

_Index = QModelIndex | QPersistentModelIndex


class HtmlDelegate(QStyledItemDelegate):
    MARGIN = 4
    CACHED = 400  # documents: a few lists of hits (50 each), at two widths

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._laid_out: OrderedDict[tuple[str, int, str], tuple[QTextDocument, QSize]] = (
            OrderedDict()
        )

    def _document(
        self,
        html: str,
        font: QFont,
        option: QStyleOptionViewItem,
    ) -> tuple[QTextDocument, QSize]:
        width = option.rect.width()
        if width <= 0 and option.widget is not None:
            width = option.widget.viewport().width()  # type: ignore[attr-defined]
        width = max(80, width)
        key = (html, width, font.key())
        found = self._laid_out.get(key)
        if found is not None:
            self._laid_out.move_to_end(key)
            return found
        doc = QTextDocument()
        doc.setDocumentMargin(self.MARGIN)
        doc.setDefaultFont(font)
        doc.setHtml(html)
        doc.setTextWidth(width)
        laid_out = (doc, QSize(int(doc.idealWidth()), int(doc.size().height())))
        self._laid_out[key] = laid_out
        if len(self._laid_out) > self.CACHED:
            self._laid_out.popitem(last=False)
        return laid_out

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        doc, _size = self._document(str(index.data(HTML_ROLE) or ""), opt.font, opt)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(opt.rect.translated(-opt.rect.topLeft()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        # The view's font: the models drawn with this delegate give no FontRole, so
        # initStyleOption (a dozen data() calls per row) would change nothing here.
        _doc, size = self._document(str(index.data(HTML_ROLE) or ""), option.font, option)
        return QSize(size)
