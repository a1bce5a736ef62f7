"""The window shell: language switch without restart, menus and shortcuts, accessibility,
preferences, dialogs, and a missing or damaged database shown as a message, never a crash."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QLineEdit,
    QTabBar,
    QTextBrowser,
    QWidget,
)


def test_switch_to_french_without_restart(qtbot, window):
    window.open_therapy("rituximab")
    window.compute_view.patient_panel.set_values(weight="abc")
    with qtbot.waitSignal(window.context.languageChanged):
        window.language_actions["fr"].trigger()
    # Window words from Qt translations (Qt posts LanguageChange: wait for it)...
    qtbot.waitUntil(lambda: window.tabs.tabText(1) == "Calcul")
    assert window.file_menu.title() == "&Fichier"
    assert window.compute_view.patient_panel.labels["weight"].text() == "&Poids :"
    # ...domain words from desktop.core.messages and the content, in French too.
    assert "Hors AMM" in window.therapy_view.browser.toPlainText()
    assert "Mécanisme" in window.therapy_view.browser.toPlainText()
    assert window.navigator.tree_model.index(0, 0).data() == "Mesures générales"
    weight_message = window.compute_view.patient_panel.weight.message.text()
    assert "abc" in weight_message and weight_message != "not_a_number"
    french_message = weight_message
    # The choice is remembered, and switching back restores English.
    from desktop.ui.settings import LANGUAGE

    assert window.context.prefs.get(LANGUAGE) == "fr"
    window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: window.tabs.tabText(1) == "Compute")
    assert window.compute_view.patient_panel.weight.message.text() != french_message


def test_missing_translation_file_starts_in_english(qtbot, prefs, calx_db, monkeypatch, tmp_path):
    from desktop.ui import i18n
    from desktop.ui.context import AppContext
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import LANGUAGE

    monkeypatch.setattr(i18n, "translations_dir", lambda: str(tmp_path))
    prefs.set(LANGUAGE, "fr")
    context = AppContext(prefs, str(calx_db))
    try:
        assert context.translations_found is False
        win = MainWindow(context)
        qtbot.addWidget(win)
        assert win.tabs.tabText(1) == "Compute"
    finally:
        context.shutdown()


def test_standard_shortcuts(window):
    SK = QKeySequence.StandardKey
    assert window.find_action.shortcut() == QKeySequence(SK.Find)
    assert window.print_action.shortcut() == QKeySequence(SK.Print)
    assert window.quit_action.shortcut() == QKeySequence(SK.Quit)
    assert not window.preferences_action.shortcut().isEmpty()
    for action in (
        window.find_action,
        window.print_action,
        window.save_plan_action,
        window.preferences_action,
        window.about_action,
        *window.view_actions,
    ):
        assert action.text() and action.toolTip(), action.objectName()


def _own_controls(root: QWidget) -> list[QWidget]:
    """Interactive widgets we created (not the private parts of Qt's composite widgets)."""
    kinds = (
        QAbstractButton,
        QLineEdit,
        QComboBox,
        QAbstractSpinBox,
        QAbstractItemView,
        QTextBrowser,
        QCalendarWidget,
    )
    inner = (QAbstractSpinBox, QComboBox, QTabBar, QCalendarWidget, QAbstractItemView)
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, kinds) or widget.objectName().startswith("qt_"):
            continue
        parent, skip = widget.parentWidget(), False
        while parent is not None and parent is not root:
            if isinstance(parent, inner) or (
                isinstance(widget, QAbstractButton) and isinstance(parent, QLineEdit)
            ):
                skip = True
                break
            parent = parent.parentWidget()
        if not skip:
            found.append(widget)
    return found


def test_every_control_has_an_accessible_name_and_tooltip(qtbot, window):
    window.compute_regimen("minocycline-cyclic")
    window.compute_view.patient_panel.set_values(weight="70", height="170")
    window.compute_view.add_button.click()
    controls = _own_controls(window)
    assert len(controls) > 25
    unnamed = [f"{type(w).__name__} {w.objectName()}" for w in controls if not w.accessibleName()]
    assert not unnamed
    no_tip = [
        f"{type(w).__name__} {w.objectName()}"
        for w in controls
        if not w.toolTip() and not isinstance(w, QTextBrowser)
    ]
    assert not no_tip


def test_tab_order_in_the_patient_panel(window):
    from PySide6.QtCore import Qt

    def next_focusable(widget: QWidget) -> QWidget:
        widget = widget.nextInFocusChain()
        while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            widget = widget.nextInFocusChain()
        return widget

    panel = window.compute_view.patient_panel
    order = [
        panel.weight.edit,
        panel.weight.unit,
        panel.height_field.edit,
        panel.height_field.unit,
        panel.sex,
        panel.age.edit,
        panel.creatinine.edit,
        panel.creatinine.unit,
    ]
    for before, after in itertools.pairwise(order):
        assert next_focusable(before) is after, before.objectName()


def test_about_shows_program_and_content_versions(qtbot, window):
    from desktop import __version__
    from desktop.ui.dialogs.about import AboutDialog

    window.show_about()
    dialog = window.findChild(AboutDialog)
    qtbot.waitUntil(dialog.isVisible)
    text = dialog.text.text()
    meta = window.context.metadata()
    assert __version__ in text and meta.content_version in text and meta.content_date in text
    dialog.reject()


def test_intended_use_notice_is_remembered(qtbot, window):
    from desktop.ui.settings import INTENDED_USE_SEEN

    assert window.context.prefs.get(INTENDED_USE_SEEN) is False
    dialog = window.show_intended_use()
    qtbot.waitUntil(dialog.isVisible)
    assert "not a prescriber" in dialog.text.text()
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert window.context.prefs.get(INTENDED_USE_SEEN) is True


def test_preferences_dialog_changes_formula_and_language(qtbot, window):
    from desktop.ui.dialogs.preferences import PreferencesDialog
    from desktop.ui.settings import BSA_FORMULA

    dialog = PreferencesDialog(window.context, window)
    qtbot.addWidget(dialog)
    # Authors' names, as the body-size panel and the working of a dose write them.
    assert [dialog.bsa_formula.itemText(i) for i in range(dialog.bsa_formula.count())] == [
        "Mosteller",
        "DuBois & DuBois",
        "Haycock",
        "Gehan & George",
        "Boyd",
    ]
    dialog.bsa_formula.setCurrentIndex(dialog.bsa_formula.findData("dubois"))
    dialog.language.setCurrentIndex(dialog.language.findData("fr"))
    with qtbot.waitSignal(window.context.preferencesChanged):
        dialog.accept()
    assert window.context.prefs.get(BSA_FORMULA) == "dubois"
    assert window.compute_view.bsa_panel.current_formula() == "dubois"
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "Traitement")


def test_window_geometry_is_remembered(qtbot, context):
    from desktop.ui.main_window import MainWindow

    first = MainWindow(context)
    qtbot.addWidget(first)
    first.resize(700, 500)  # inside the offscreen screen (800 × 600)
    first.show()
    qtbot.waitExposed(first)
    first.close()
    second = MainWindow(context)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 500)


@pytest.mark.parametrize("content", [None, b"", b"this is not a database" * 100])
def test_missing_or_damaged_database_is_a_message(qtbot, prefs, tmp_path: Path, content):
    from desktop.ui.context import AppContext
    from desktop.ui.main_window import MainWindow

    path = tmp_path / "calx.sqlite"
    if content is not None:
        path.write_bytes(content)
    context = AppContext(prefs, str(path))
    try:
        win = MainWindow(context)
        qtbot.addWidget(win)
        win.show()
        with qtbot.waitSignal(context.databaseFailed) as failed:
            assert context.load_database() is False
        message = failed.args[0]
        assert str(path) in message and "Traceback" not in message
        assert win.banner.isVisible() and message in win.banner.text()
        assert not win.navigator.isEnabled()
        win.open_therapy("rituximab")  # nothing to show, nothing raised
    finally:
        context.shutdown()
