"""The few colours Calx sets itself, chosen for contrast (WCAG 2.2), and where they apply.

Everything else is the platform style's. Focus indicators must reach 3:1 against the
background (the platform's focused-cell rectangle in tables and lists was about 1.15:1) and
small grey text 4.5:1 (citations and placeholders were about 4:1). ``tests/ui/test_ui_keyboard``
measures both.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QCalendarWidget,
    QLineEdit,
    QWidget,
)

FOCUS_COLOUR = "#1a5fb4"  # 6.4:1 on white, 5.9:1 on the window grey (#efefef)
MUTED_TEXT = "#595959"  # 7:1 on white: citations, placeholders

# Only item views get a drawn focus ring: their platform indicator is the faint one; inputs and
# buttons keep the platform's frame, drawn in the highlight colour set below. The ring is drawn
# by a proxy of the platform's style (``desktop.ui.focus_ring``), not by a style sheet: a sheet
# on the window had Qt style every widget through its style-sheet style (about 4 MiB), and
# painted a selected item in its own pale gradient. A selected item is drawn by the platform's
# style in the palette's highlight: white on the focus blue (6.4:1).


def apply(window: QWidget) -> None:
    """Give ``window`` the readable greys and the highlight colours from its first paint."""
    window.setPalette(_readable(window.palette()))


def install() -> None:
    """Give the whole application (the window, its dialogs and the popups of its combo boxes,
    completers and calendars) the focus ring and the same colours; once (later calls find them
    in place). Not before the first paint (``MainWindow.build_views``: ``desktop.ui.focus_ring``
    says why)."""
    from desktop.ui.focus_ring import FocusRingStyle

    app = QApplication.instance()
    if not isinstance(app, QApplication) or isinstance(app.style(), FocusRingStyle):
        return
    app.setStyle(FocusRingStyle(app.style().name()))  # the style Qt chose (or -style asked for)
    app.setPalette(_readable(app.palette()))


class _WheelToPage(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel:
            return False
        parent = watched.parent() if isinstance(watched, QWidget) else None
        while parent is not None and not isinstance(parent, QAbstractScrollArea):
            parent = parent.parent()
        if parent is not None:
            QCoreApplication.sendEvent(parent.verticalScrollBar(), event)
        return True  # never a step of the value


def wheel_scrolls_page(*boxes: QWidget) -> None:
    """The mouse wheel over these spin or date boxes scrolls the page around them instead of
    stepping their value: a start date scrolled past moved four years, unseen. The keyboard's
    arrows still step a box that has the focus. (Combo boxes: ``desktop.ui.focus_ring``.)"""
    guard = _WheelToPage(boxes[0])  # lives as long as the boxes' panel
    for box in boxes:
        box.installEventFilter(guard)


def _readable(palette: QPalette) -> QPalette:
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.PlaceholderText, QColor(MUTED_TEXT))
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor(FOCUS_COLOUR))
        palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    return palette


# --------------------------------------------------------------------------- names of Qt's parts


def name_clear_button(edit: QLineEdit, name: str) -> None:
    """A line edit's clear button (``setClearButtonEnabled``) has no name of its own."""
    for button in edit.findChildren(QAbstractButton):
        button.setAccessibleName(name)
        button.setToolTip(name)


def name_calendar_parts(
    calendar: QCalendarWidget, days: str, previous: str, following: str, month: str, year: str
) -> None:
    """The day grid, month arrows and month/year buttons of a ``QCalendarWidget`` (Qt's own
    object names) have no accessible names; a screen reader would announce "button"."""
    for object_name, name in (
        ("qt_calendar_calendarview", days),
        ("qt_calendar_prevmonth", previous),
        ("qt_calendar_nextmonth", following),
        ("qt_calendar_monthbutton", month),
        ("qt_calendar_yearbutton", year),
        ("qt_calendar_yearedit", year),
    ):
        part = calendar.findChild(QWidget, object_name)
        if part is not None:
            part.setAccessibleName(name)
            if isinstance(part, QAbstractButton):
                part.setToolTip(name)
