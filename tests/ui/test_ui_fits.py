"""Every screen fits (issue 11): the first window fits the available screen; Compute shows dose,
working and calendar without horizontal scrolling at 1366 × 768 and 1280 × 720, and scrolls
only vertically at 1024 × 768; nothing is cut in either language.

Window sizes are the screen minus a window manager's title bar and borders (16 × 48 pixels).
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QWidget,
)

SCREENS = {"1366x768": (1350, 720), "1280x720": (1264, 672), "1024x768": (1008, 720)}


def _show(qtbot, window, size):
    window.resize(*size)
    qtbot.wait(30)  # let the layouts settle at the new size (no timing asserted)


def _filled(window) -> None:
    compute = window.compute_view
    compute.patient_panel.set_values(
        weight="70", height="170", sex="female", age="50", creatinine="85"
    )
    window.compute_regimen("rituximab-375-weekly")


def test_the_first_window_fits_the_available_screen(qtbot, context):
    from desktop.ui.main_window import MainWindow

    win = MainWindow(context)
    qtbot.addWidget(win)
    area = win.screen().availableGeometry()  # offscreen: 800 × 600, smaller than the default
    assert win.width() <= area.width() and win.height() <= area.height()
    assert area.contains(win.geometry().topLeft())


def test_a_geometry_saved_on_a_larger_screen_is_brought_back(qtbot, context):
    from desktop.ui.main_window import MainWindow

    win = MainWindow(context)
    qtbot.addWidget(win)
    win.resize(3000, 2000)
    win.move(2500, 1500)
    win.fit_to_screen()
    area = win.screen().availableGeometry()
    assert win.width() <= area.width() and win.height() <= area.height()
    assert area.contains(win.geometry().topLeft())


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("screen", ["1366x768", "1280x720"])
def test_compute_shows_dose_working_and_calendar_side_by_side(qtbot, window, screen, lang):
    window.context.set_language(lang)
    _filled(window)
    compute = window.compute_view
    window.tabs.setCurrentWidget(compute)
    _show(qtbot, window, SCREENS[screen])
    scroll = compute.findChild(QScrollArea, "computeScroll")
    assert compute.columns == 3
    assert scroll.horizontalScrollBar().maximum() == 0
    viewport = scroll.viewport()
    for box in (compute.dose_box, compute.schedule_box):
        right = box.mapTo(viewport, box.rect().topRight()).x()
        assert right <= viewport.width(), box.objectName()
    calendar = compute.schedule_panel.calendar
    assert calendar.width() >= calendar.minimumSizeHint().width()  # all seven days
    rounded = compute.dose_panel.values["rounded"]
    assert rounded.height() <= 3 * rounded.fontMetrics().lineSpacing()  # not four lines


def test_compute_at_1024_scrolls_only_vertically(qtbot, window):
    _filled(window)
    compute = window.compute_view
    window.tabs.setCurrentWidget(compute)
    _show(qtbot, window, SCREENS["1024x768"])
    scroll = compute.findChild(QScrollArea, "computeScroll")
    assert compute.columns in (1, 2)
    assert scroll.horizontalScrollBar().maximum() == 0


def test_the_regimen_list_opens_wide_enough_for_every_label(qtbot, window):
    window.compute_regimen("rituximab-375-weekly")
    combo = window.compute_view.regimen
    metrics = combo.view().fontMetrics()
    widest = max(metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
    assert combo.view().minimumWidth() >= widest


def _label_clipped(w) -> list[str]:
    if w.text() and not w.wordWrap() and w.width() + 1 < w.minimumSizeHint().width():
        return [f"label {w.text()[:40]!r}: {w.width()} < {w.minimumSizeHint().width()}"]
    return []


def _button_clipped(w) -> list[str]:
    if not w.objectName().startswith("qt_") and w.width() + 1 < w.minimumSizeHint().width():
        return [f"{type(w).__name__} {w.objectName()}: {w.width()} < {w.minimumSizeHint().width()}"]
    return []


def _group_clipped(w) -> list[str]:
    if w.width() < w.fontMetrics().horizontalAdvance(w.title()) + 12:
        return [f"group {w.title()!r}"]
    return []


def _header_clipped(w) -> list[str]:
    if w.orientation().name != "Horizontal":
        return []
    return [
        f"column {w.model().headerData(section, w.orientation())!r}"
        for section in range(w.count() - 1)  # the last one stretches
        if not w.isSectionHidden(section)
        and w.sectionSize(section) + 1 < w.sectionSizeHint(section)
    ]


def _placeholder_clipped(w) -> list[str]:
    if not w.placeholderText() or w.text():
        return []
    # the frame and text margins (about 8 px), and the clear button when there is one
    room = w.width() - 8 - (24 if w.isClearButtonEnabled() else 0)
    if w.fontMetrics().horizontalAdvance(w.placeholderText()) > room:
        return [f"placeholder {w.placeholderText()!r}"]
    return []


# What may be clipped, per kind of widget (the first kind a widget is counts).
_CLIP_CHECKS = (
    (QLabel, _label_clipped),
    (QAbstractButton | QComboBox, _button_clipped),
    (QGroupBox, _group_clipped),
    (QHeaderView, _header_clipped),
    (QLineEdit, _placeholder_clipped),
)


def _clipped(window) -> list[str]:
    """Visible texts narrower than they need: labels, buttons, lists, group titles, column
    titles, placeholders."""
    out = []
    for w in window.findChildren(QWidget):
        if not w.isVisible():
            continue
        check = next((c for kind, c in _CLIP_CHECKS if isinstance(w, kind)), None)
        if check is not None:
            out += check(w)
    return out


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("screen", ["1366x768", "1024x768"])
def test_nothing_is_clipped(qtbot, window, lang, screen):
    window.context.set_language(lang)
    _filled(window)
    window.compute_view.add_button.click()
    window.plan_view.patient_name.setText("Jane Example")
    _show(qtbot, window, SCREENS[screen])
    problems = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(10)
        problems += [f"{window.tabs.tabText(index)}: {p}" for p in _clipped(window)]
    assert problems == []
