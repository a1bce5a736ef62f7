"""The main window: navigator on the left, the four views in tabs, menus and a status bar.

It only wires parts together; each view is its own widget in its own module. Views are built
empty and filled when the reference database is ready (opened after the first paint); with
``defer_views`` the three not shown at start are built later (idle time, or when asked for).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore
from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QPaintEvent, QScreen
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.languages import LANGUAGE_NAMES
from desktop.ui import settings as S
from desktop.ui.context import AppContext
from desktop.ui.i18n import Retranslating
from desktop.ui.icons import app_icon
from desktop.ui.navigator import Navigator

if TYPE_CHECKING:
    from desktop.ui.dialogs.intended_use import IntendedUseDialog

# A menu action's keys: a standard key, a text such as "Ctrl+1", or the list of sequences.
Shortcut = QKeySequence.StandardKey | str | list[QKeySequence]

# The first window's size on a large screen; on a smaller one it takes the available screen.
DEFAULT_SIZE = (1366, 860)
# Room for the window manager's title bar and borders, not known before the window is shown.
FRAME_ALLOWANCE = (16, 48)


class MainWindow(Retranslating, QMainWindow):
    firstPainted = Signal()

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, defer_views: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.context = context
        self._painted = False
        self.setWindowIcon(app_icon())

        # The navigator and the therapy view are built now; the compute, plan and overview views
        # (most of the widget types) right after the first paint when ``defer_views`` is set,
        # so that start-up pays only for what the first frame shows.
        from desktop.ui.views.therapy_view import TherapyView

        self.navigator = Navigator(context, self)
        self.therapy_view = TherapyView(context, self)
        self.compute_view: Any = None
        self.plan_view: Any = None
        self.overview_view: Any = None
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("views")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.therapy_view, "")
        for _ in range(3):
            self.tabs.addTab(QWidget(self.tabs), "")

        self.banner = QLabel(self)
        self.banner.setObjectName("databaseProblem")
        self.banner.setWordWrap(True)
        self.banner.setFrameShape(QLabel.Shape.StyledPanel)
        self.banner.setMargin(8)
        self.banner.hide()

        # Horizontal by default, and made without arguments: resolving the (orientation, parent)
        # overload builds every enum of the Qt namespace (about 15 ms) before the first paint.
        # The layout below gives it its parent.
        splitter = QSplitter()
        splitter.setObjectName("mainSplitter")
        splitter.addWidget(self.navigator)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 820])
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self.content_label = QLabel(self)
        self.content_label.setObjectName("contentVersion")
        self.statusBar().addPermanentWidget(self.content_label)

        self._make_actions()
        self._make_menus()
        self.setTabOrder(self.navigator.search_field, self.navigator.tree)
        self.setTabOrder(self.navigator.tree, self.tabs)

        self.navigator.therapyChosen.connect(self.open_therapy)
        self.navigator.searchFinished.connect(self._search_finished)
        self.therapy_view.computeRequested.connect(self.compute_regimen)
        context.databaseReady.connect(self._database_ready)
        context.databaseFailed.connect(self._database_failed)
        context.languageChanged.connect(self._language_changed)

        from desktop.ui import style

        style.apply(self)
        self.resize(*DEFAULT_SIZE)
        geometry = context.prefs.get(S.WINDOW_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        self.fit_to_screen()
        if defer_views:
            # Built in idle time after start-up (desktop.ui.app), or at once when asked for.
            self.tabs.currentChanged.connect(self._view_asked_for)
        else:
            self.build_views()
        self.retranslate()
        self._update_actions()

    def _view_asked_for(self, index: int) -> None:
        if index > 0 and self.compute_view is None:
            self.build_views()

    def fit_to_screen(self) -> None:
        """Never larger than the screen's available area (a 1024 × 768 screen, or a geometry
        saved on a larger monitor): clamp the size, then move the window inside it."""
        # None when the window has no screen yet and the system reports none
        screen: QScreen | None = self.screen() or QApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        width = min(self.width(), area.width() - FRAME_ALLOWANCE[0])
        height = min(self.height(), area.height() - FRAME_ALLOWANCE[1])
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        x = min(max(self.x(), area.left()), area.right() - width - FRAME_ALLOWANCE[0] + 1)
        y = min(max(self.y(), area.top()), area.bottom() - height - FRAME_ALLOWANCE[1] + 1)
        if (x, y) != (self.x(), self.y()):
            self.move(max(x, area.left()), max(y, area.top()))
        # A narrow screen gives the views the room: the navigator takes a fifth, 200–280 px.
        splitter = self.findChild(QSplitter, "mainSplitter")
        if splitter is not None:
            left = max(200, min(280, width // 5))
            splitter.setSizes([left, width - left])

    def build_views(self) -> None:
        """Create the compute, plan and overview views (once) in place of their placeholders,
        with the application's style that draws the focus ring first (``style.install``: not
        before the first paint, where PySide6's set-up of Qt's style types took 5 ms)."""
        if self.compute_view is not None:
            return
        from desktop.ui import style

        style.install()
        from desktop.ui.views.compute_view import ComputeView
        from desktop.ui.views.overview_view import OverviewView
        from desktop.ui.views.plan_view import PlanView

        self.compute_view = ComputeView(self.context, self)
        self.plan_view = PlanView(self.context, self)
        self.overview_view = OverviewView(self.context, self)
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        for index, view in enumerate(
            (self.compute_view, self.plan_view, self.overview_view), start=1
        ):
            placeholder = self.tabs.widget(index)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, view, "")
            if placeholder is not None:
                placeholder.deleteLater()
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        self.compute_view.addToPlanRequested.connect(self.plan_view.add)
        self.compute_view.patient_panel.patientChanged.connect(self._patient_changed)
        self.compute_view.bsa_panel.formulaChanged.connect(
            lambda _f: self._patient_changed(self.compute_view.patient_panel.patient)
        )
        self.overview_view.therapyChosen.connect(self.open_therapy)
        self.plan_view.changed.connect(self._update_actions)
        self.compute_view.statusMessage.connect(self.show_status)
        self.compute_view.computed.connect(self._update_actions)
        self.plan_view.statusMessage.connect(self.show_status)
        self.tabs.currentChanged.connect(self._update_actions)
        if self.context.db is not None:  # the database was opened before the views existed
            self.overview_view.reload()
        self.retranslate()
        self._update_actions()

    # ------------------------------------------------------------------ actions and menus

    def _action(
        self, name: str, slot: Callable[..., object], shortcut: Shortcut | None = None
    ) -> QAction:
        action = QAction(self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcuts(
                shortcut
                if isinstance(shortcut, list)
                else QKeySequence.keyBindings(shortcut)
                if isinstance(shortcut, QKeySequence.StandardKey)
                else [QKeySequence(shortcut)]
            )
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        SK = QKeySequence.StandardKey
        self.print_action = self._action("printAction", self.print_current, SK.Print)
        self.saved_plans_action = self._action("savedPlansAction", self.show_saved_plans, SK.Open)
        self.save_plan_action = self._action(
            "savePlanAction", lambda: self.plan_view and self.plan_view.save_plan(), SK.Save
        )
        self.export_pdf_action = self._action(
            "exportPdfAction", lambda: self.plan_view and self.plan_view.save_pdf(), SK.SaveAs
        )
        self.export_calendar_action = self._action(
            "exportCalendarAction", lambda: self.plan_view and self.plan_view.export_calendar()
        )
        self.update_content_action = self._action("updateContentAction", self.update_content)
        self.rollback_content_action = self._action("rollbackContentAction", self.roll_back_content)
        self.quit_action = self._action("quitAction", self.close, SK.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.find_action = self._action("findAction", self.focus_search, SK.Find)
        preferences_keys = QKeySequence.keyBindings(SK.Preferences) or [QKeySequence("Ctrl+,")]
        self.preferences_action = self._action(
            "preferencesAction", self.show_preferences, preferences_keys
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.view_actions = [
            self._action(f"showView{i}", lambda _=False, i=i: self.show_view(i), f"Ctrl+{i + 1}")
            for i in range(4)
        ]
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for lang, label in LANGUAGE_NAMES.items():
            action = self._action(
                f"language_{lang}", lambda _=False, lang=lang: self.context.set_language(lang)
            )
            action.setText(label)  # a language is named in its own words, never translated
            action.setCheckable(True)
            action.setChecked(self.context.lang == lang)
            self.language_group.addAction(action)
            self.language_actions[lang] = action
        self.intended_use_action = self._action("intendedUseAction", self.show_intended_use)
        self.about_action = self._action("aboutAction", self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_qt_action = self._action("aboutQtAction", self._about_qt)
        self.about_qt_action.setMenuRole(QAction.MenuRole.AboutQtRole)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = QMenu(bar)
        self.file_menu.addActions([self.saved_plans_action, self.save_plan_action])
        self.file_menu.addSeparator()
        self.file_menu.addActions(
            [self.print_action, self.export_pdf_action, self.export_calendar_action]
        )
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.update_content_action, self.rollback_content_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = QMenu(bar)
        self.edit_menu.addAction(self.find_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.preferences_action)
        self.view_menu = QMenu(bar)
        self.view_menu.addActions(self.view_actions)
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu("")
        self.language_menu.addActions(list(self.language_actions.values()))
        self.help_menu = QMenu(bar)
        self.help_menu.addActions(
            [self.intended_use_action, self.about_action, self.about_qt_action]
        )
        for menu in (self.file_menu, self.edit_menu, self.view_menu, self.help_menu):
            bar.addMenu(menu)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Calx — calcinosis in systemic sclerosis"))
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.language_menu.setTitle(self.tr("&Language"))
        texts = {
            self.print_action: (self.tr("&Print…"), self.tr("Print the current view")),
            self.saved_plans_action: (
                self.tr("&Open saved plans…"),
                self.tr("Reopen a saved plan and reprint it exactly as it was"),
            ),
            self.save_plan_action: (
                self.tr("&Save plan"),
                self.tr("Keep the patient's plan in Calx to reopen and reprint it later"),
            ),
            self.export_pdf_action: (
                self.tr("Save plan as P&DF…"),
                self.tr("Save the patient's plan and the clinician copy as PDF files"),
            ),
            self.export_calendar_action: (
                self.tr("&Export calendar…"),
                self.tr("Save the plan's administrations as a calendar file (.ics)"),
            ),
            self.update_content_action: (
                self.tr("&Update content…"),
                self.tr("Install a signed content release from a file (USB stick, hospital share)"),
            ),
            self.rollback_content_action: (
                self.tr("&Roll back content…"),
                self.tr("Return to the content release kept before the last update"),
            ),
            self.quit_action: (self.tr("&Quit"), self.tr("Close Calx")),
            self.find_action: (self.tr("&Find therapy"), self.tr("Go to the search field")),
            self.preferences_action: (
                self.tr("&Preferences…"),
                self.tr("Language, default BSA formula and units"),
            ),
            self.intended_use_action: (
                self.tr("&Intended use"),
                self.tr("What Calx is for, and what it is not"),
            ),
            self.about_action: (
                self.tr("&About Calx"),
                self.tr("Version of the program and of its clinical content"),
            ),
            self.about_qt_action: (self.tr("About &Qt"), self.tr("The Qt toolkit")),
        }
        tab_names = (
            self.tr("&Therapy"),
            self.tr("&Compute"),
            self.tr("P&lan"),
            self.tr("&Overview"),
        )
        tab_tips = (
            self.tr("What the review reports about the chosen therapy"),
            self.tr("Patient values, doses and the calendar of administrations"),
            self.tr("The regimens chosen for this patient"),
            self.tr("All therapies in one table (the review's Table 1)"),
        )
        for i, (name, tip) in enumerate(zip(tab_names, tab_tips, strict=True)):
            self.tabs.setTabText(i, name.replace("&", ""))
            tab = self.tabs.widget(i)
            if tab is not None:
                tab.setAccessibleName(name.replace("&", ""))
            self.tabs.setTabToolTip(i, tip)
            texts[self.view_actions[i]] = (name, tip)
        for action, (text, tip) in texts.items():
            action.setText(text)
            action.setToolTip(tip)
            action.setStatusTip(tip)
        self.tabs.setAccessibleName(self.tr("Views"))
        self.banner.setAccessibleName(self.tr("Database problem"))
        self.content_label.setAccessibleName(self.tr("Content version"))
        self._show_content_version()

    # ------------------------------------------------------------------ start-up

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # After this paint has reached the screen, not inside it.
            QTimer.singleShot(0, self._after_first_paint)

    def _after_first_paint(self) -> None:
        self.firstPainted.emit()

    def _database_ready(self) -> None:
        self.banner.hide()
        self.navigator.setEnabled(True)
        # The release line (which reads the signed manifest) in the next turn of the event loop:
        # the filled tree is painted and usable first.
        QTimer.singleShot(0, self._show_content_version)
        count = self.navigator.tree_model.therapy_count() if self.navigator.tree_model else 0
        self.show_status(self.tr("%n therapies loaded.", "", count))

    def _database_failed(self, message: str) -> None:
        self.banner.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        self.banner.setText(
            self.tr("The reference database cannot be used: %1").replace("%1", message)
        )
        self.banner.show()
        self.navigator.setEnabled(False)
        self.show_status(self.tr("No reference database."))

    def _show_content_version(self) -> None:
        """The release in use, its date, who signed it and how old it is."""
        info = self.context.release_text()
        self.content_label.setText(info or "")
        self.content_label.setToolTip(info or "")

    def _language_changed(self, lang: str) -> None:
        self.language_actions[lang].setChecked(True)
        if self.context.database_error is not None:
            self._database_failed(self.context.render(self.context.database_error))

    # ------------------------------------------------------------------ navigation

    def open_therapy(self, therapy_id: str) -> None:
        from desktop.core.errors import CalxError

        self.build_views()
        try:
            self.therapy_view.show_therapy(therapy_id)
            self.compute_view.set_therapy(therapy_id)
        except CalxError as error:  # an id from an old link or a stale list: say so, go on
            self.show_status(self.context.render(error.issue))
            return
        self.navigator.select_therapy(therapy_id)
        if self.tabs.currentWidget() not in (self.therapy_view, self.compute_view):
            self.tabs.setCurrentWidget(self.therapy_view)

    def _patient_changed(self, patient: object) -> None:
        if self.plan_view is None:
            return
        self.plan_view.set_patient(
            patient, bsa_formula=self.compute_view.bsa_panel.current_formula()
        )

    def compute_regimen(self, regimen_id: str) -> None:
        self.build_views()
        self.compute_view.select_regimen(regimen_id)
        self.tabs.setCurrentWidget(self.compute_view)

    def focus_search(self) -> None:
        self.navigator.focus_search()

    def show_view(self, index: int) -> None:
        """Ctrl+1…4: show view ``index`` with the keyboard in its first control (Compute: the
        weight), so that what is typed next goes there, not into the search field."""
        self.tabs.setCurrentIndex(index)  # builds a deferred view first (_view_asked_for)
        page = self.tabs.currentWidget()
        widget: QWidget | None = page.nextInFocusChain()
        # The chain is a ring through the window: it comes back to the page.
        while widget is not None and widget is not page and widget is not self:
            if (
                page.isAncestorOf(widget)
                and widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy() & QtCore.Qt.FocusPolicy.TabFocus
            ):
                widget.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)
                return
            widget = widget.nextInFocusChain()

    def show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def _search_finished(self, count: int, ms: float) -> None:
        self.show_status(self.tr("%n result(s)", "", count) + f" · {ms:.1f} ms")

    def _update_actions(self) -> None:
        current = self.tabs.currentWidget()
        self.print_action.setEnabled(bool(getattr(current, "printable", lambda: False)()))
        ready = self.plan_view is not None and self.plan_view.can_save()
        for action in (self.save_plan_action, self.export_pdf_action, self.export_calendar_action):
            action.setEnabled(ready)

    # ------------------------------------------------------------------ dialogs

    def print_current(self) -> None:
        view = self.tabs.currentWidget()
        if hasattr(view, "print_view"):
            view.print_view()

    def show_saved_plans(self) -> Any:
        from desktop.ui.dialogs.saved_plans import SavedPlansDialog

        dialog = SavedPlansDialog(self.context, self)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.outputs.statusMessage.connect(self.show_status)
        dialog.renewRequested.connect(self.renew_plan)
        dialog.open()
        return dialog

    def update_content(self, _checked: bool = False, pack: str | None = None) -> Any:
        """Choose a content pack, see what it changes, install it (or see why it is refused)."""
        from PySide6.QtWidgets import QFileDialog

        from desktop.ui.dialogs.update_content import UpdateContentDialog

        if pack is None:
            pack, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Choose a content pack"),
                "",
                self.tr("Calx content packs (*.calxpack);;All files (*)"),
            )
            if not pack:
                return None
        dialog = UpdateContentDialog(self.context, Path(pack), self)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self._content_changed(
                self.tr(
                    "Content %1 installed; the previous content is kept for a rollback."
                ).replace("%1", dialog.installed_version or "?")
            )
        )
        dialog.open()
        return dialog

    def roll_back_content(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from desktop.core.errors import CalxError
        from desktop.data import content_store

        state = content_store.status()
        if not state.can_roll_back:
            QMessageBox.information(
                self,
                self.tr("Roll back content"),
                self.context.render(CalxError("release_nothing_to_roll_back").issue),
            )
            return
        target = state.previous or self.tr("the content shipped with Calx")
        answer = QMessageBox.question(
            self,
            self.tr("Roll back content"),
            self.tr(
                "Return from content %1 to %2? Plans already saved keep the content they "
                "were made with."
            )
            .replace("%1", state.current or "?")
            .replace("%2", target),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            version = content_store.roll_back()
        except CalxError as err:
            QMessageBox.warning(self, self.tr("Roll back content"), self.context.render(err.issue))
            return
        self._content_changed(self.tr("Content %1 in use again.").replace("%1", version))

    def _content_changed(self, message: str) -> None:
        self.context.reload_database()
        self.show_status(message)

    def renew_plan(self, plan: Any) -> None:
        """A saved plan, reopened for the next visit: its regimens in the Plan view; the dose
        waits for today's measurements (the old ones are not carried over). Work on screen that
        renewing would replace is not dropped unasked."""
        self.build_views()
        if not self._may_lose_unsaved_work(replacing=True):
            return
        self.plan_view.renew(plan)
        self.compute_view.patient_panel.set_values()
        self.tabs.setCurrentWidget(self.compute_view)
        self.compute_view.patient_panel.weight.edit.setFocus()
        self.show_status(
            self.tr(
                "Renewing the plan of %1: enter today's measurements, then "
                "check each regimen in the Plan view."
            ).replace("%1", plan.patient_name)
        )

    def show_preferences(self) -> None:
        from desktop.ui.dialogs.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.context, self)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_intended_use(self) -> IntendedUseDialog:
        from desktop.ui.dialogs.intended_use import IntendedUseDialog

        dialog = IntendedUseDialog(self)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.context.prefs.set(S.INTENDED_USE_SEEN, True))
        dialog.open()
        return dialog

    def show_about(self) -> None:
        from desktop.ui.dialogs.about import AboutDialog

        error = self.context.database_error
        dialog = AboutDialog(
            self.context.metadata(),
            self.context.render(error) if error is not None else None,
            self,
            release=self.context.release_text(),
        )
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _about_qt(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.aboutQt(self)

    def unsaved_work(self) -> str | None:
        """What closing would lose: "plan" (regimens not saved as they stand), "patient"
        (measurements typed), or None."""
        if self.plan_view is not None and self.plan_view.has_unsaved_plan():
            return "plan"
        if self.compute_view is not None and not self.compute_view.patient_panel.is_empty():
            return "patient"
        return None

    def ask_before_closing(self, what: str) -> str:
        """ "save", "discard" or "cancel" before Calx closes (tests replace this method)."""
        if what == "plan":
            return self._ask_about_unsaved(
                what,
                self.tr("The patient's plan is not saved."),
                self.tr("Save it in Calx before closing, to reopen and reprint it later?"),
            )
        return self._ask_about_unsaved(
            what, self.tr("The patient's values will be lost."), self.tr("Close Calx anyway?")
        )

    def ask_before_replacing(self, what: str) -> str:
        """ "save", "discard" or "cancel" before a renewed plan replaces the one on screen (tests
        replace this method)."""
        if what == "plan":
            return self._ask_about_unsaved(
                what,
                self.tr("The plan on screen is not saved."),
                self.tr("Renewing replaces it. Save it in Calx first?"),
            )
        return self._ask_about_unsaved(
            what,
            self.tr("The patient's values on screen will be cleared."),
            self.tr("Renewing needs today's measurements. Clear them anyway?"),
        )

    def _ask_about_unsaved(self, what: str, text: str, question: str) -> str:
        from PySide6.QtWidgets import QMessageBox

        SB = QMessageBox.StandardButton
        box = QMessageBox(self)
        box.setObjectName("unsavedWork")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Unsaved work"))
        box.setText(text)
        box.setInformativeText(question)
        box.setStandardButtons(
            SB.Save | SB.Discard | SB.Cancel if what == "plan" else SB.Discard | SB.Cancel
        )
        box.setDefaultButton(SB.Cancel)
        answer = box.exec()
        return {SB.Save: "save", SB.Discard: "discard"}.get(SB(answer), "cancel")

    def _may_lose_unsaved_work(self, replacing: bool = False) -> bool:
        """True when nothing unsaved is on screen, or the clinician saved it or chose to drop it;
        a failed save shows its reason in the Plan view and keeps the work."""
        what = self.unsaved_work()
        if what is None:
            return True
        answer = self.ask_before_replacing(what) if replacing else self.ask_before_closing(what)
        if answer == "cancel":
            return False
        if answer == "save" and not self.plan_view.save_plan():
            self.tabs.setCurrentWidget(self.plan_view)  # the reason is shown there
            return False
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_lose_unsaved_work():
            event.ignore()
            return
        self.context.prefs.set(S.WINDOW_GEOMETRY, self.saveGeometry())
        self.context.prefs.sync()
        super().closeEvent(event)
