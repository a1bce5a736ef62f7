"""Every control reachable by Tab in reading order, named, and with visible focus (issue 11).

The focus-chain test presses Tab as a keyboard user would, from the first control of each view,
and checks that every control is reached once in reading order and that focus then leaves the
view (a table with tab-key navigation used to keep Tab inside its cells for ever). Contrast
ratios follow WCAG 2.2 (relative luminance; ≥ 3:1 for focus indicators, ≥ 4.5:1 for text).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QWidget,
)


def _control(widget: QWidget) -> QWidget:
    """The control a focused part belongs to (a spin box's or editable list's line edit)."""
    parent = widget.parentWidget()
    if isinstance(widget, QLineEdit) and isinstance(parent, QAbstractSpinBox | QComboBox):
        return parent
    return widget


def tab_walk(window, first: QWidget, root: QWidget, presses: int = 80) -> list[QWidget]:
    """Controls reached by Tab from ``first`` until focus leaves ``root`` (each once, in order).
    Fails if focus never leaves: a keyboard trap."""
    from PySide6.QtTest import QTest

    first.setFocus(Qt.FocusReason.TabFocusReason)
    seen: list[QWidget] = []
    for _ in range(presses):
        focused = window.focusWidget()
        if focused is None or not (focused is root or root.isAncestorOf(focused)):
            return seen
        control = _control(focused)
        if not seen or seen[-1] is not control:
            assert control not in seen, f"Tab came back to {control.objectName()}: a trap"
            seen.append(control)
        QTest.keyClick(focused, Qt.Key.Key_Tab)
    raise AssertionError(
        f"Tab never left {root.objectName()}: stuck in {[w.objectName() for w in seen[-3:]]}"
    )


def _names(widgets: list[QWidget]) -> list[str]:
    return [w.objectName() for w in widgets]


def test_compute_view_tab_order(qtbot, window):
    window.compute_regimen("minocycline-cyclic")
    compute = window.compute_view
    compute.patient_panel.set_values(weight="70", height="170")  # the BSA table has rows
    window.tabs.setCurrentWidget(compute)
    walked = _names(tab_walk(window, compute.patient_panel.weight.edit, compute))
    assert walked == [
        "weightEdit",
        "weightUnit",
        "heightEdit",
        "heightUnit",
        "sexCombo",
        "ageEdit",
        "creatinineEdit",
        "creatinineUnit",
        "pregnantCombo",
        "breastfeedingCombo",
        "medicationEdit",
        "medicationAdd",
        "medicationItems",
        "birth_dateEdit",
        "record_numberEdit",
        "alertsTree",
        "bsaFormula",
        "bsaTable",
        "regimenCombo",
        "choice_dose",
        "choice_on",
        "choice_off",
        "addToPlan",
        "doseWorking",
        "copyCalculation",
        "printCalculation",
        "startDate",
        "horizonMonths",
        "qt_calendar_calendarview",
        "administrations",
    ]


def test_overview_table_lets_tab_leave(qtbot, window):
    view = window.overview_view
    window.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.table.model().rowCount() > 0)
    view.table.setCurrentIndex(view.table.model().index(0, 0))
    assert _names(tab_walk(window, view.table, view)) == ["overviewTable"]


def test_plan_view_tab_order(qtbot, plan_view):
    window = plan_view.window()
    window.tabs.setCurrentWidget(plan_view)
    walked = _names(tab_walk(window, plan_view.list, plan_view))
    order = [
        "planList",
        "planUp",
        "planDown",
        "planRemove",
        "planPatientName",
        "planPreparedBy",
        "planLanguage",
        "planLargePrint",
        "planTickSheet",
        "alertsTree",
        "planOverride",
        "planSave",
    ]
    shown = {
        w.objectName()
        for w in plan_view.findChildren(QWidget)
        if w.isEnabled() and w.isVisibleTo(plan_view)
    }
    expected = [name for name in order if name in shown]
    assert walked[: len(expected)] == expected
    assert len(walked) > len(expected)  # then the preview and its buttons


def test_saved_plans_table_lets_tab_leave(qtbot, plan_view):
    window = plan_view.window()
    plan_view.save_plan()
    dialog = window.show_saved_plans()
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(lambda: dialog.table.model().rowCount() > 0)
    dialog.table.setCurrentIndex(dialog.table.model().index(0, 0))
    from PySide6.QtTest import QTest

    dialog.table.setFocus(Qt.FocusReason.TabFocusReason)
    for _ in range(3):
        QTest.keyClick(dialog.table, Qt.Key.Key_Tab)
        if dialog.focusWidget() is not dialog.table:
            break
    assert dialog.focusWidget() is not dialog.table, "Tab stays in the saved-plans table"
    dialog.reject()


def test_bsa_table_does_not_trap_tab(qtbot, window):
    from PySide6.QtTest import QTest

    compute = window.compute_view
    compute.patient_panel.set_values(weight="70", height="170")
    window.tabs.setCurrentWidget(compute)
    table = compute.bsa_panel.table
    assert not table.tabKeyNavigation()
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_Tab)
    assert window.focusWidget() is compute.regimen


# ---------------------------------------------------------------------- names and contrast


def _all_controls(root: QWidget) -> list[QWidget]:
    """Every interactive widget, Qt's own inner parts included (clear buttons, calendar grid
    and arrows): what a screen reader meets."""
    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)
    inner_parts = (QAbstractSpinBox, QComboBox)  # their line edit is named by the box itself
    out = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, kinds):
            continue
        parent = widget.parentWidget()
        if isinstance(widget, QLineEdit) and isinstance(parent, inner_parts):
            continue
        if isinstance(parent, QAbstractItemView) and not isinstance(widget, QAbstractButton):
            continue  # an item view's own viewport children
        if widget.window() is not root.window() or widget.isHidden():
            continue  # a drop-down's popup list (named by its combo box), a part Qt hides
        out.append(widget)
    return out


def test_every_input_has_an_accessible_name_qt_parts_included(qtbot, window):
    window.compute_regimen("minocycline-cyclic")
    window.compute_view.patient_panel.set_values(weight="70", height="170")
    window.compute_view.add_button.click()
    controls = _all_controls(window)
    assert len(controls) > 30
    unnamed = [
        f"{type(w).__name__} {w.objectName()!r} in {w.parentWidget().objectName()!r}"
        for w in controls
        if not (w.accessibleName() or (isinstance(w, QAbstractButton) and w.text()))
    ]
    assert unnamed == [], "\n".join(unnamed)
    calendar = window.compute_view.schedule_panel.calendar
    for name in ("qt_calendar_calendarview", "qt_calendar_prevmonth", "qt_calendar_nextmonth"):
        assert calendar.findChild(QWidget, name).accessibleName(), name
    clear = [b for b in window.navigator.search_field.findChildren(QAbstractButton)]
    assert clear and all(b.accessibleName() for b in clear)


def contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_helper_matches_wcag_examples():
    assert contrast(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21)
    assert contrast(QColor("#767676"), QColor("#ffffff")) == pytest.approx(4.54, abs=0.01)


def test_focus_indicators_reach_3_to_1(qtbot, window):
    from desktop.ui.style import FOCUS_COLOUR

    palette = window.palette()
    for role in ("Base", "Window", "AlternateBase"):
        background = palette.color(getattr(palette.ColorRole, role))
        assert contrast(QColor(FOCUS_COLOUR), background) >= 3, role


def _blue(image, x: int, y: int) -> bool:
    from desktop.ui.style import FOCUS_COLOUR

    return image.pixelColor(x, y).name() == FOCUS_COLOUR


def test_an_item_view_with_focus_has_the_focus_ring(qtbot, window):
    """The view's frame is the focus blue while it has focus (not otherwise), and its current
    item, selected or not, has a 2 px ring in the focus blue: drawn by the application's style,
    so dialogs and the popups of combo boxes and completers have it too."""
    window.show()
    qtbot.waitExposed(window)
    tree = window.navigator.tree
    index = tree.model().index(0, 0)
    tree.selectionModel().setCurrentIndex(index, tree.selectionModel().SelectionFlag.NoUpdate)
    tree.setFocus()
    qtbot.waitUntil(tree.hasFocus)
    frame = tree.grab().toImage()
    middle = frame.height() // 2
    assert _blue(frame, 0, middle) and _blue(frame, frame.width() - 1, middle)
    item = tree.visualRect(index)
    cells = tree.viewport().grab(item).toImage()
    half = cells.height() // 2
    assert _blue(cells, 0, half) and _blue(cells, 1, half) and not _blue(cells, 3, half)
    window.navigator.search_field.setFocus()
    qtbot.waitUntil(lambda: not tree.hasFocus())
    frame = tree.grab().toImage()
    assert not _blue(frame, 0, middle)
    cells = tree.viewport().grab(item).toImage()
    assert not _blue(cells, 0, half)


def test_small_grey_text_reaches_4_5_to_1(qtbot, window):
    from desktop.ui.style import MUTED_TEXT
    from desktop.ui.views.therapy_html import muted

    palette = window.palette()
    for role in ("Base", "Window"):
        background = palette.color(getattr(palette.ColorRole, role))
        assert contrast(QColor(MUTED_TEXT), background) >= 4.5, role
        placeholder = palette.color(palette.ColorRole.PlaceholderText)
        assert contrast(placeholder, background) >= 4.5, role
    assert MUTED_TEXT in muted("x") and "gray" not in muted("x")


def test_therapy_view_tab_leaves_the_text(qtbot, window):
    window.open_therapy("rituximab")
    view = window.therapy_view
    window.tabs.setCurrentWidget(view)
    assert _names(tab_walk(window, view.browser, view)) == [view.browser.objectName()]


def test_a_selected_row_is_readable(qtbot, window):
    """The selected row of an item view is the focus blue under white text: the style sheet's
    item rule had Qt draw it in a pale gradient under the palette's white text, unreadable."""
    from collections import Counter

    from desktop.ui.style import FOCUS_COLOUR

    window.show()
    qtbot.waitExposed(window)
    tree = window.navigator.tree
    tree.setFocus()
    index = tree.model().index(0, 0)
    tree.setCurrentIndex(index)
    qtbot.wait(50)
    # Inside the item's 2 px focus border, which is the focus blue either way.
    image = tree.viewport().grab(tree.visualRect(index).adjusted(3, 3, -3, -3)).toImage()
    pixels = Counter(
        image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())
    )
    background = QColor(pixels.most_common(1)[0][0])  # the style may shade it a little
    blue = QColor(FOCUS_COLOUR)
    assert (
        max(
            abs(background.red() - blue.red()),
            abs(background.green() - blue.green()),
            abs(background.blue() - blue.blue()),
        )
        <= 12
    ), pixels.most_common(3)
    text = [QColor(c) for c in pixels if QColor(c).lightness() > 200]
    assert text and max(contrast(c, background) for c in text) >= 4.5


def test_ctrl_1_to_4_put_the_keyboard_in_the_view_shown(qtbot, window):
    """Ctrl+2 then typing fills the weight, not the search field (what is typed after a view
    switch used to land in the search field, which kept the focus)."""
    from PySide6.QtTest import QTest

    window.show()
    qtbot.waitExposed(window)
    window.compute_regimen("colchicine-1mg-daily")
    window.focus_search()
    QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    compute = window.compute_view
    assert window.tabs.currentWidget() is compute
    assert window.focusWidget() is compute.patient_panel.weight.edit
    QTest.keyClicks(window.focusWidget(), "72")
    assert compute.patient_panel.weight.edit.text() == "72"
    assert window.navigator.search_field.text() == ""
    for key, view in ((Qt.Key.Key_3, window.plan_view), (Qt.Key.Key_4, window.overview_view)):
        QTest.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentWidget() is view
        assert view.isAncestorOf(window.focusWidget())
