"""The overview view: every therapy in one sortable, printable table."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from desktop.ui.context import AppContext
from desktop.ui.i18n import Retranslating
from desktop.ui.roles import SORT_ROLE, THERAPY_ID_ROLE
from desktop.ui.views import printing

if TYPE_CHECKING:  # imported when the database is ready
    from desktop.ui.models.overview_table import OverviewTableModel


class OverviewView(Retranslating, QWidget):
    therapyChosen = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewView")
        self.context = context
        self.table = QTableView(self)
        self.table.setObjectName("overviewTable")
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setTabKeyNavigation(False)  # arrows move between cells; Tab leaves the table
        self.table.activated.connect(self._activated)
        self._fitted: set[int] = set()
        self._refit_soon = QTimer(self)  # many column resizes in a row: one refit after them
        self._refit_soon.setSingleShot(True)
        self._refit_soon.setInterval(0)
        self._refit_soon.timeout.connect(self._refit)
        self.table.verticalScrollBar().valueChanged.connect(self._fit_visible_rows)
        self.table.horizontalHeader().sectionResized.connect(self._refit_soon.start)
        self.model: OverviewTableModel | None = None
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSortRole(SORT_ROLE)
        self.table.setModel(self.proxy)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        context.databaseReady.connect(self.reload)
        context.languageChanged.connect(lambda _lang: self.reload())
        self.retranslate()

    def reload(self) -> None:
        db = self.context.db
        if db is None:
            return
        if self.model is None:
            from desktop.ui.models.overview_table import OverviewTableModel

            self.model = OverviewTableModel(self)
            self.proxy.setSourceModel(self.model)
            self.proxy.layoutChanged.connect(self._refit_soon.start)  # sorted: other rows
            header = self.table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            header.setStretchLastSection(True)
            self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.model.set_rows(db.overview(self.context.lang), self.context.lang)
        header = self.table.horizontalHeader()
        for column, width in enumerate((180, 130, 280, 130, 120)):
            # never narrower than its title ("Meilleur niveau de preuve" was cut on both ends)
            self.table.setColumnWidth(column, max(width, header.sectionSizeHint(column)))
        self._refit()

    # Row heights fit their wrapped text, but only for the rows on screen: sizing every row lays
    # out every cell's text (seconds with a hundred times the content). Rows are fitted as they
    # scroll into view, and again when a column's width or the order changes.

    def _refit(self) -> None:
        self._refit_soon.stop()
        self._fitted.clear()
        self._fit_visible_rows()

    def _fit_visible_rows(self, *_args: object) -> None:
        if self.model is None:
            return
        fitted = self._fitted
        height = self.table.viewport().height()
        row = max(0, self.table.rowAt(0))
        while row < self.proxy.rowCount() and self.table.rowViewportPosition(row) < height:
            if row not in fitted:
                fitted.add(row)
                self.table.resizeRowToContents(row)
            row += 1

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_visible_rows()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_visible_rows()

    def _activated(self, index: QModelIndex) -> None:
        therapy_id = index.data(THERAPY_ID_ROLE)
        if therapy_id:
            self.therapyChosen.emit(therapy_id)

    def document(self) -> QTextDocument:
        """The table as shown (current sort order) as a printable document."""
        assert self.model is not None
        head = "".join(f"<th align='left'>{escape(h)}</th>" for h in self.model.headers())
        rows = []
        for r in range(self.proxy.rowCount()):
            cells = (self.proxy.index(r, c).data() or "" for c in range(self.proxy.columnCount()))
            rows.append(
                "<tr>" + "".join(f"<td valign='top'>{escape(c)}</td>" for c in cells) + "</tr>"
            )
        document = QTextDocument(self)
        document.setHtml(
            f"<h2>{escape(self.tr('Therapies of calcinosis in systemic sclerosis'))}"
            f"</h2><table border='1' cellspacing='0' cellpadding='3' width='100%'>"
            f"<tr>{head}</tr>{''.join(rows)}</table>"
        )
        return document

    def printable(self) -> bool:
        return self.model is not None and self.model.rowCount() > 0

    def print_view(self) -> None:
        printing.print_document(self.document(), self)

    def retranslate(self) -> None:
        self.table.setAccessibleName(self.tr("Overview of all therapies"))
        self.table.setToolTip(self.tr("Click a column title to sort; Enter opens a therapy"))
        if self.model is not None:
            self.model.headerDataChanged.emit(
                Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1
            )
