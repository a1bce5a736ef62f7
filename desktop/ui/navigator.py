"""The left panel: a search field that filters as you type, over the therapies grouped by category.

Empty field: the browse tree. Text in it: the ranked hits with their highlighted snippets. From the
field, Up and Down move through the hits and Enter opens the current one, so the hands stay on the
keyboard. A search on the reference database takes well under 5 ms (``benchmarks/bench_search``),
so it runs on the UI thread; a zero-delay timer coalesces keystrokes typed faster than the
window repaints.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.context import AppContext
from desktop.ui.i18n import Retranslating
from desktop.ui.roles import THERAPY_ID_ROLE

if TYPE_CHECKING:  # imported when first needed, after the first paint
    from desktop.ui.models.search_results import SearchResultsModel
    from desktop.ui.models.therapy_tree import TherapyTreeModel

SEARCH_LIMIT = 50
# Hits whose passage is cut from the text at the keystroke: what the list shows at once (7 rows
# in the default window).
# The other hits show their summary until the passages are cut, once the list is painted.
FIRST_SNIPPETS = 8
# Keys of the field that act on the hits (Qt.Key values, without importing the Qt namespace
# before the first paint): Up, Down, PageUp, PageDown, Return, Enter.
NAVIGATION_KEYS = frozenset(
    {0x01000013, 0x01000015, 0x01000016, 0x01000017, 0x01000004, 0x01000005}
)


class Navigator(Retranslating, QWidget):
    therapyChosen = Signal(str)
    searchFinished = Signal(int, float)  # number of hits, milliseconds

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.search_field = QLineEdit(self)
        self.search_field.setObjectName("searchField")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.installEventFilter(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("therapyTree")
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results = QListView(self)
        self.results.setObjectName("searchResults")
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setWordWrap(True)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        # Lay out the hits a screenful at a time: the first rows are painted at once, the rest
        # (each a rich-text layout) follow in the next turns of the event loop.
        self.results.setLayoutMode(QListView.LayoutMode.Batched)
        self.results.setBatchSize(12)
        self.empty = QLabel(self)
        self.empty.setObjectName("noResults")
        self.empty.setWordWrap(True)
        self.stack = QStackedWidget(self)
        for page in (self.tree, self.results, self.empty):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_field)
        layout.addWidget(self.stack, 1)
        self.setTabOrder(self.search_field, self.tree)
        self.setTabOrder(self.tree, self.results)

        self.tree_model: TherapyTreeModel | None = None
        self.results_model: SearchResultsModel | None = None
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self._run_search)
        self._completing = QTimer(self)
        self._completing.setSingleShot(True)
        self._completing.setInterval(0)
        self._completing.timeout.connect(self._complete_search)
        self.search_field.textChanged.connect(self._pending.start)
        self.tree.activated.connect(self._open_index)
        self.tree.clicked.connect(self._open_index)
        self.results.activated.connect(self._open_index)
        self.results.clicked.connect(self._open_index)
        context.databaseReady.connect(self.reload)
        context.languageChanged.connect(self._language_changed)
        self.last_search_ms = 0.0
        self.retranslate()

    # ------------------------------------------------------------------ content

    def reload(self) -> None:
        """(Re)fill the tree from the database in the current language."""
        db = self.context.db
        if db is None:
            return
        if self.tree_model is None:
            from desktop.ui.models.therapy_tree import TherapyTreeModel

            self.tree_model = TherapyTreeModel(self)
            self.tree.setModel(self.tree_model)
        self.tree_model.set_therapies(db.therapies(self.context.lang), self.context.lang)
        self.tree.expandAll()
        if self.search_field.text().strip():
            self._run_search()

    def _language_changed(self, _lang: str) -> None:
        self.reload()

    def _run_search(self) -> None:
        self._completing.stop()
        query = self.search_field.text().strip()
        if not query:
            self.stack.setCurrentWidget(self.tree)
            return
        db = self.context.db
        if db is None or self.tree_model is None:
            return
        self._make_results()
        assert self.results_model is not None
        started = time.perf_counter()
        hits = db.search(query, self.context.lang, SEARCH_LIMIT, snippets=FIRST_SNIPPETS)
        self.last_search_ms = (time.perf_counter() - started) * 1000
        self.results_model.set_hits(hits, self.context.lang)
        if hits:
            self.stack.setCurrentWidget(self.results)
            self.results.setCurrentIndex(self.results_model.index(0, 0))
            if len(hits) > FIRST_SNIPPETS:
                self._completing.start()
        else:
            self.empty.setText(self.tr("No therapy matches “%1”.").replace("%1", query))
            self.stack.setCurrentWidget(self.empty)
        self.searchFinished.emit(len(hits), self.last_search_ms)

    def _make_results(self) -> None:
        """The hits' list, made at the first search: not needed for the window to be usable
        (and naming ``Qt`` and ``QStyle`` builds their enums, about 20 ms)."""
        if self.results_model is not None:
            return
        from PySide6.QtCore import Qt

        from desktop.ui.models.search_results import SearchResultsModel
        from desktop.ui.widgets.html_delegate import HtmlDelegate

        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.results_model = SearchResultsModel(self)
        self.results.setModel(self.results_model)
        self.results.setItemDelegate(HtmlDelegate(self.results))
        self.results.selectionModel().currentChanged.connect(self._hit_changed)

    def _complete_search(self) -> None:
        """The passages of the hits past the first screenful (after the list is painted)."""
        query = self.search_field.text().strip()
        db = self.context.db
        if not query or db is None or self.results_model is None:
            return
        if self.results_model.update_hits(db.search(query, self.context.lang, SEARCH_LIMIT)):
            self.results.doItemsLayout()  # their heights may differ from the summaries'

    def _hit_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.results.scrollTo(current)

    def _open_index(self, index: QModelIndex) -> None:
        therapy_id = index.data(THERAPY_ID_ROLE)
        if therapy_id:
            self.therapyChosen.emit(therapy_id)

    def select_therapy(self, therapy_id: str) -> None:
        """Show ``therapy_id`` as current in the tree (without emitting ``therapyChosen``)."""
        if self.tree_model is not None:
            index = self.tree_model.index_of(therapy_id)
            if index.isValid():
                self.tree.setCurrentIndex(index)

    def focus_search(self) -> None:
        from PySide6.QtCore import Qt

        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    # ------------------------------------------------------------------ keys in the field

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if self._key_in_field(event.key()):
                return True
        return super().eventFilter(watched, event)

    def _key_in_field(self, key: int) -> bool:
        from PySide6.QtCore import Qt

        if self._pending.isActive() and key in NAVIGATION_KEYS:
            # Typed faster than the window repainted: the hits on screen are for older text.
            # Enter and the arrows act on the text in the field now, never on a stale hit.
            self._pending.stop()
            self._run_search()
        showing_hits = self.stack.currentWidget() is self.results and self.results_model is not None
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            view: QAbstractItemView = self.results if showing_hits else self.tree
            model: QAbstractItemModel | None = view.model()  # None until the tree is filled
            if model is None:
                return False
            if not view.currentIndex().isValid():
                first = model.index(0, 0)
                view.setCurrentIndex(first)
                return True
            step = {
                Qt.Key.Key_Down: 1,
                Qt.Key.Key_Up: -1,
                Qt.Key.Key_PageDown: 5,
                Qt.Key.Key_PageUp: -5,
            }[Qt.Key(key)]
            if showing_hits:
                row = max(0, min(model.rowCount() - 1, view.currentIndex().row() + step))
                view.setCurrentIndex(model.index(row, 0))
            else:
                move = (
                    QAbstractItemView.CursorAction.MoveDown
                    if step > 0
                    else QAbstractItemView.CursorAction.MoveUp
                )
                for _ in range(abs(step)):
                    self.tree.setCurrentIndex(
                        self.tree.moveCursor(move, Qt.KeyboardModifier.NoModifier)
                    )
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            view = self.results if showing_hits else self.tree
            if view.currentIndex().isValid():
                self._open_index(view.currentIndex())
                return True
        if key == Qt.Key.Key_Escape and self.search_field.text():
            self.search_field.clear()
            return True
        return False

    # ------------------------------------------------------------------ words

    def retranslate(self) -> None:
        self.search_field.setPlaceholderText(self.tr("Search therapies (Ctrl+F)"))
        self.search_field.setToolTip(
            self.tr(
                "Type a drug, brand, abbreviation or any word; ↑ ↓ choose a result, Enter opens it"
            )
        )
        self.search_field.setAccessibleName(self.tr("Search therapies"))
        from desktop.ui.style import name_clear_button

        name_clear_button(self.search_field, self.tr("Clear the search"))
        self.tree.setAccessibleName(self.tr("Therapies by category"))
        self.tree.setToolTip(self.tr("Therapies grouped as in the review; Enter opens one"))
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setToolTip(self.tr("Matching therapies, best first; Enter opens one"))
        self.empty.setAccessibleName(self.tr("No search results"))
        if self.stack.currentWidget() is self.empty:
            self._run_search()
