"""The focus ring of item views, drawn by a proxy of the platform's style (``style.install``),
and combo boxes the mouse wheel does not change.

A module of its own: PySide6 sets up Qt's style types (``QStyle``, ``QProxyStyle``) when they are
first imported, about 5 ms, which the first paint does not wait for (``desktop.ui.style`` is
imported before it).
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QProxyStyle,
    QStyle,
    QStyleHintReturn,
    QStyleOption,
    QWidget,
)

from desktop.ui.style import FOCUS_COLOUR

ITEM_RING_WIDTH = 2  # px, inside the current item
_ITEM_FOCUS = QStyle.PrimitiveElement.PE_FrameFocusRect
_FRAME = QStyle.PrimitiveElement.PE_Frame
_HAS_FOCUS = QStyle.StateFlag.State_HasFocus
_COMBO_WHEEL = QStyle.StyleHint.SH_ComboBox_AllowWheelScrolling


class FocusRingStyle(QProxyStyle):
    """The platform's style, with the focus ring of item views (lists, trees, tables, the
    calendar's days, the popups of combo boxes and completers) in the focus blue: the view's
    frame while it has focus, and a 2 px ring inside its current item. A combo box ignores the
    mouse wheel, which then scrolls the page around it: scrolling Compute past the BSA formula
    changed the formula, and the dose, unseen (spin boxes: ``style.wheel_scrolls_page``)."""

    def styleHint(
        self,
        hint: QStyle.StyleHint,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        returnData: QStyleHintReturn | None = None,
    ) -> int:
        if hint is _COMBO_WHEEL:
            return 0
        return super().styleHint(hint, option, widget, returnData)

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element is _ITEM_FOCUS and isinstance(widget, QAbstractItemView):
            _ring(painter, option.rect, ITEM_RING_WIDTH)
            return
        super().drawPrimitive(element, option, painter, widget)
        if (
            element is _FRAME
            and isinstance(widget, QAbstractItemView)
            and option.state & _HAS_FOCUS
        ):
            _ring(painter, option.rect, max(1, widget.frameWidth()))


def _ring(painter: QPainter, rect: QRect, width: int) -> None:
    """A ``width`` px border in the focus blue just inside ``rect``."""
    colour = QColor(FOCUS_COLOUR)
    x, y, w, h = rect.x(), rect.y(), rect.width(), rect.height()
    width = min(width, w // 2, h // 2)
    painter.fillRect(x, y, w, width, colour)
    painter.fillRect(x, y + h - width, w, width, colour)
    painter.fillRect(x, y, width, h, colour)
    painter.fillRect(x + w - width, y, width, h, colour)
