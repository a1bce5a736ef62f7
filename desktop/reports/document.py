"""The page frame shared by every Calx PDF: A4, header, footer with "page N of M", fixed dates.

reportlab knows the total page count only once the story is laid out, so ``_NumberedCanvas`` keeps
each page's drawing state and paints headers and footers when the document is saved (the usual
platypus two-step). Output is byte-identical for identical inputs: ``invariant=1`` and a creation
date taken from the plan (passed in, never read from the clock).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import TimeStamp, simpleSplit
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from desktop.paths import write_atomically
from desktop.reports.styles import FONT, FONT_BOLD, INK, MUTED, RULE, one_line, register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 24 * mm  # room for the header
MARGIN_BOTTOM = 24 * mm  # room for the two footer lines
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X


@dataclass(frozen=True)
class PageDecor:
    """What every page carries. ``page_of`` turns (page, total) into "page 1 of 2" in the plan's
    language; the rest is plain text drawn on the canvas (user text is cut to fit, not parsed)."""

    header_left: str
    header_right: str  # the patient's name: user text
    footer_left: str  # content version and date
    footer_note: str  # the intended-use line
    page_of: Callable[[int, int], str]
    header_right_suffix: str = ""  # the second identifier after the name: never cut
    size: float = 9.5  # header font size (large print: larger)
    footer_size: float = 8.0  # "page N of M" and content line


def _fixed_timestamp(day: date) -> TimeStamp:
    """A reportlab time stamp at midnight UTC of ``day``: the PDF's creation and modified date."""
    import calendar

    stamp = TimeStamp(invariant=True)
    stamp.t = float(calendar.timegm(day.timetuple()))
    stamp.lt = (day.year, day.month, day.day, 0, 0, 0, day.weekday(), day.timetuple().tm_yday, 0)
    stamp.YMDhms = (day.year, day.month, day.day, 0, 0, 0)
    stamp.dhh = stamp.dmm = 0
    return stamp


def _canvas_class(decor: PageDecor, created_on: date) -> type[Canvas]:
    class _NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._doc._timeStamp = _fixed_timestamp(created_on)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                _draw_decor(self, decor, number, total)
                super().showPage()
            super().save()

    return _NumberedCanvas


def _draw_decor(c: Canvas, decor: PageDecor, page: int, total: int) -> None:
    c.saveState()
    left, right = MARGIN_X, PAGE_WIDTH - MARGIN_X
    # Header: what the document is (left) and whom it is for (right), over a thin rule.
    y = PAGE_HEIGHT - 14 * mm
    size = decor.size
    c.setFillColor(INK)
    # The separator's leading space is kept: "Zoë Martin · born 23 April 1971".
    suffix = " ".join(decor.header_right_suffix.split())
    if suffix and decor.header_right_suffix[:1].isspace():
        suffix = " " + suffix
    if suffix:
        # The title and the identifier are drawn whole and the name gets the room left (cut
        # with "…"); the title is drawn first, so a page's text reads title, name, identifier.
        suffix_width = c.stringWidth(suffix, FONT_BOLD, size)
        title = " ".join(decor.header_left.split())
        if CONTENT_WIDTH - suffix_width - c.stringWidth(title, FONT, size) < 30 * mm:
            title = title.split(" ")[0]  # large print: "Calx" alone leaves room for the name
        title_width = c.stringWidth(title, FONT, size)
        name_room = CONTENT_WIDTH - suffix_width - title_width - 6 * mm
        shown = one_line(decor.header_right, FONT_BOLD, size, name_room)
        c.setFont(FONT, size)
        c.drawString(left, y, title)
        c.setFont(FONT_BOLD, size)
        c.drawRightString(right - suffix_width, y, shown)
        c.drawRightString(right, y, suffix)
    else:
        c.setFont(FONT_BOLD, size)
        title = one_line(decor.header_left, FONT_BOLD, size, CONTENT_WIDTH * 0.5)
        c.drawString(left, y, title)
        c.setFont(FONT, size)
        room = CONTENT_WIDTH - c.stringWidth(title, FONT_BOLD, size) - 8 * mm
        c.drawRightString(right, y, one_line(decor.header_right, FONT, size, room))
    c.setStrokeColor(RULE)
    c.setLineWidth(0.6)
    c.line(left, y - 2.5 * mm, right, y - 2.5 * mm)
    # Footer: rule, then content version (left) and "page N of M" (right), then the intended use.
    y = 15 * mm
    c.line(left, y + 4 * mm, right, y + 4 * mm)
    c.setFillColor(MUTED)
    small = decor.footer_size
    page_text = decor.page_of(page, total)
    c.setFont(FONT_BOLD if small > 8 else FONT, small)
    c.drawRightString(right, y, page_text)
    page_width = c.stringWidth(page_text, FONT_BOLD if small > 8 else FONT, small)
    c.setFont(FONT, small)
    c.drawString(
        left, y, one_line(decor.footer_left, FONT, small, CONTENT_WIDTH - page_width - 6 * mm)
    )
    # The intended-use line is never cut: it wraps onto a second line when the language needs it.
    c.setFont(FONT, 7.5)
    lines = simpleSplit(" ".join(decor.footer_note.split()), FONT, 7.5, CONTENT_WIDTH)
    for i, line in enumerate(lines[:2]):
        c.drawString(left, y - 3.6 * mm - i * 3.1 * mm, line)
    c.restoreState()


def render_pdf(
    story: Sequence[Flowable],
    decor: PageDecor,
    created_on: date,
    title: str,
    lang: str,
    subject: str | None = None,
) -> bytes:
    """Lay out ``story`` on A4 pages with the header and footer of ``decor``; return the PDF bytes.
    The PDF metadata carry a generic title and subject, the author "Calx" and the language
    (``/Lang``): no patient name leaves the page itself."""
    register_fonts()
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        author="Calx",
        creator="Calx",
        producer="Calx",
        subject=subject or title,
        invariant=1,
        lang=lang,
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        CONTENT_WIDTH,
        PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(list(story), canvasmaker=_canvas_class(decor, created_on))
    return buffer.getvalue()


def write_pdf(data: bytes, out: Path | str | BinaryIO) -> None:
    """Write the PDF to a stream, or to a file path atomically: a temporary file in the same folder,
    flushed to disk, then renamed over the target, so a crash never leaves half a PDF."""
    if isinstance(out, str | Path):
        write_atomically(Path(out), data)
    else:
        out.write(data)
