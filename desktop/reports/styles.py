"""Fonts, paragraph styles and safe text for the PDF plans (reportlab).

Every user string (patient name, notes, "prepared by") goes through ``user_text`` before it
reaches a ``Paragraph``: reportlab parses Paragraph text as markup, so ``Zoë <b>& O'Brien`` would
crash the build and ``<font size=40>`` would silently restyle the page. Text from the knowledge
base is escaped too (``text``): it is prose, never markup. Only this package writes markup.

The font is DejaVu Sans, shipped in ``resources/fonts`` and embedded (subset) in every PDF: it has
French accents, ², µ, ≥, → and Arabic. Characters it lacks (emoji) are replaced by a visible
"\ufffd" so the PDF stays valid.
"""

from __future__ import annotations

import re
import threading
import unicodedata
import weakref
from array import array
from collections.abc import Sequence
from copy import copy
from html import escape as _html_escape
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph as _Paragraph
from reportlab.platypus.paragraph import cleanBlockQuotedText, textTransformFrags

from desktop.paths import resource

FONT = "CalxSans"
FONT_BOLD = "CalxSans-Bold"

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
ACCENT = colors.HexColor("#1f4e79")
RULE = colors.HexColor("#9aa7b4")
SHADE = colors.HexColor("#eef2f6")
WARN = colors.HexColor("#8a1c1c")

_fonts_lock = threading.Lock()
_fonts_ready = threading.Event()  # set once the fonts are registered, in any thread


def register_fonts() -> None:
    """Register DejaVu Sans (regular and bold) once per process (parsing the TTF costs ~50 ms)."""
    if _fonts_ready.is_set():
        return
    with _fonts_lock:
        if _fonts_ready.is_set():  # another thread registered them while this one waited
            return
        for name, file in ((FONT, "DejaVuSans.ttf"), (FONT_BOLD, "DejaVuSans-Bold.ttf")):
            font = TTFont(name, str(resource("fonts", file)))
            _compact(font.face)
            pdfmetrics.registerFont(font)
        pdfmetrics.registerFontFamily(
            FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
        )
        _fonts_ready.set()


class _Metrics(Sequence[tuple[int, int]]):
    """A font's horizontal metrics, ``(advance, left side bearing)`` per glyph, in one array of
    unsigned shorts: 25 KB instead of a list of 6,000 tuples (about 0.7 MB). reportlab reads it
    only when it writes a subset of the font, and writes ``int()`` of each value: the values are
    kept as that (the parser left a few advances scaled to floats, which ``int()`` truncates)."""

    __slots__ = ("_pairs",)

    def __init__(self, pairs: Sequence[tuple[int, int]]) -> None:
        self._pairs = array("H", (int(value) for pair in pairs for value in pair))

    def __len__(self) -> int:
        return len(self._pairs) // 2

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("glyph index out of range")
        return (self._pairs[2 * index], self._pairs[2 * index + 1])


def _compact(face: Any) -> None:
    """The parsed font in smaller structures holding the same values (DejaVu Sans parsed by
    reportlab is about 3.5 MB a font, mostly Python ints, floats and tuples for 6,000 glyphs):
    the glyph offsets in an array, the metrics as ``_Metrics``, each distinct width one float
    object. The glyph-to-characters lists (1 MB) are dropped: only reportlab's text shaping reads
    them after parsing, and it needs uharfbuzz, which Calx does not install."""
    face.glyphPos = array("L", face.glyphPos)
    face.hmetrics = _Metrics(face.hmetrics)
    widths: dict[float, float] = {}
    face.charWidths = {code: widths.setdefault(w, w) for code, w in face.charWidths.items()}
    if ttfonts.uharfbuzz is None:
        face.glyphToChar = {}


# Control characters (other than tab/newline) and lone surrogates have no business in a name and
# some upset PDF text extraction: they become spaces, never passed through.
_BAD_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
REPLACEMENT = "\ufffd"
_undrawable: re.Pattern[str] | None = None


def _undrawable_chars() -> re.Pattern[str]:
    """Any one character outside the code points both fonts can draw in the Basic Multilingual
    Plane, tab and newline (kept by ``clean``). reportlab writes a malformed ToUnicode entry for
    characters beyond U+FFFF (emoji), so those are replaced too. A regular expression over the
    fonts' ranges: a few KB, where sets of the 5,000 code points and characters held 1.1 MB."""
    global _undrawable
    if _undrawable is None:
        register_fonts()
        regular = pdfmetrics.getFont(FONT).face.charToGlyph
        bold = pdfmetrics.getFont(FONT_BOLD).face.charToGlyph
        codes = sorted({c for c in regular if c in bold and c <= 0xFFFF} | {ord("\t"), ord("\n")})
        ranges: list[list[int]] = []
        for code in codes:
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
        body = "".join(
            re.escape(chr(low)) + ("-" + re.escape(chr(high)) if high > low else "")
            for low, high in ranges
        )
        _undrawable = re.compile(f"[^{body}]")
    return _undrawable


def clean(value: str) -> str:
    """User text made safe to draw: NFC-normalised, control characters replaced by spaces, and any
    character the embedded font cannot draw (emoji, rare scripts) replaced by "\ufffd", so the PDF
    stays valid and the gap is visible rather than silently dropped."""
    value = _BAD_CHARS.sub(" ", unicodedata.normalize("NFC", str(value)))
    return _undrawable_chars().sub(REPLACEMENT, value)


# Hebrew, Arabic (and their presentation forms), Syriac, Thaana, N'Ko, Samaritan: written right to
# left. reportlab draws characters in the order given, so such text is put in visual order first.
RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def visual(value: str) -> str:
    """Right-to-left text in the order it is drawn, line by line: Arabic letters joined
    (arabic-reshaper), then the Unicode bidi algorithm (python-bidi). Other text is unchanged.
    Each line must fit on one printed line (``reports.model`` limits such lines): a wrapped
    right-to-left line would read in the wrong order."""
    if not RTL.search(value):
        return value
    import arabic_reshaper
    from bidi import get_display

    return "\n".join(get_display(arabic_reshaper.reshape(line)) for line in value.split("\n"))


def escape(value: str, quotes: bool = False) -> str:
    """``&``, ``<`` and ``>`` as entities, and with ``quotes`` ``"`` and ``'`` as ``&quot;`` and
    ``&#39;``: the same text as ``xml.sax.saxutils.escape``, which imports urllib.request and ssl
    (about 5 ms for every PDF-writing command); html, reportlab imports it anyway."""
    escaped = _html_escape(value, quote=False)
    return escaped.replace('"', "&quot;").replace("'", "&#39;") if quotes else escaped


def user_text(value: str) -> str:
    """A user string ready for a Paragraph: cleaned, in visual order, and escaped (markup is
    printed as typed); line breaks are kept. Words longer than the line are broken by the styles'
    ``splitLongWords``."""
    escaped = escape(visual(clean(value)), quotes=True)
    return escaped.replace("\n", "<br/>")


def text(value: str) -> str:
    """Knowledge-base or program text for a Paragraph: escaped, never interpreted as markup."""
    return escape(clean(value))


def one_line(value: str, font: str, size: float, width: float) -> str:
    """User text for ``canvas.drawString`` (header): cleaned and cut with "…" to fit ``width``."""
    value = " ".join(clean(value).split())
    if pdfmetrics.stringWidth(visual(value), font, size) <= width:
        return visual(value)
    # Binary search on the prefix length: names can be 5,000 characters long. The cut is made in
    # reading order, then put in visual order, so right-to-left text loses its end, as it should.
    lo, hi = 0, len(value)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if pdfmetrics.stringWidth(visual(value[:mid] + "…"), font, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    return visual(value[:lo].rstrip() + "…")


class Paragraph(_Paragraph):
    """reportlab's Paragraph, broken into lines once per width. A frame, a KeepTogether and a table
    each ask for the same paragraph's size at the same width (the clinician copy twice for half its
    paragraphs); reportlab breaks the lines again each time, with the same result. The lines are
    broken again when the width changed or a split dropped them (``blPara``)."""

    _wrapped: tuple[float, tuple[float, float], object] | None = None

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle | None = None,
        bulletText: str | None = None,
        frags: list[Any] | None = None,
        **kwargs: Any,
    ) -> None:
        # Text without markup (most paragraphs) skips reportlab's HTML parser: its one fragment
        # is the style's fragment, parsed once per style, with this text (what the parser makes).
        # A split (frags given), markup or a blank text goes the usual way.
        cleaned = (
            ""
            if text is None or frags is not None or style is None or "<" in text or "&" in text
            else cleanBlockQuotedText(text)
        )
        if not cleaned or kwargs:
            super().__init__(text, style, bulletText, frags, **kwargs)
            return
        assert style is not None
        template = _plain_fragments.get(style)
        if template is None:
            template = _plain_fragments[style] = _Paragraph("x", style).frags[0]
        fragment = copy(template)
        fragment.text = cleaned
        frags = [fragment]
        textTransformFrags(frags, style)
        super().__init__(cleaned, style, bulletText, frags=frags)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        done = self._wrapped
        if done is not None and done[0] == availWidth and self.__dict__.get("blPara") is done[2]:
            return done[1]
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, size, self.__dict__.get("blPara"))
        return size


_plain_fragments: weakref.WeakKeyDictionary[ParagraphStyle, Any] = weakref.WeakKeyDictionary()


def paragraph_style(name: str, **kw: object) -> ParagraphStyle:
    """A paragraph style in the embedded font, ink colour, left-aligned, long words split;
    ``kw`` overrides any of these (both copies' styles are made here)."""
    base: dict[str, object] = {
        "fontName": FONT,
        "fontSize": 10.5,
        "leading": 14,
        "textColor": INK,
        "alignment": TA_LEFT,
        "splitLongWords": 1,
    }
    base.update(kw)
    return ParagraphStyle(name, **base)


class Styles:
    """The paragraph styles of both copies. Patient text is set large enough to read at home."""

    def __init__(self, body_size: float = 11) -> None:
        register_fonts()
        lead = body_size * 1.35
        self.title = paragraph_style(
            "title", fontName=FONT_BOLD, fontSize=20, leading=25, textColor=ACCENT, spaceAfter=4
        )
        self.subtitle = paragraph_style(
            "subtitle", fontSize=body_size, leading=lead, textColor=MUTED
        )
        self.h1 = paragraph_style(
            "h1",
            fontName=FONT_BOLD,
            fontSize=15,
            leading=19,
            textColor=ACCENT,
            spaceBefore=12,
            spaceAfter=4,
        )
        self.h2 = paragraph_style(
            "h2",
            fontName=FONT_BOLD,
            fontSize=12.5,
            leading=16,
            textColor=INK,
            spaceBefore=8,
            spaceAfter=3,
        )
        self.body = paragraph_style("body", fontSize=body_size, leading=lead, spaceAfter=3)
        self.label = paragraph_style("label", fontName=FONT_BOLD, fontSize=body_size, leading=lead)
        self.subhead = paragraph_style(
            "subhead",
            fontName=FONT_BOLD,
            fontSize=body_size,
            leading=lead,
            spaceBefore=5,
            keepWithNext=1,
        )
        self.small = paragraph_style(
            "small", fontSize=body_size - 2, leading=(body_size - 2) * 1.3, textColor=MUTED
        )
        self.cell = paragraph_style("cell", fontSize=body_size - 1, leading=(body_size - 1) * 1.3)
        self.cell_bold = paragraph_style(
            "cell_bold", fontName=FONT_BOLD, fontSize=body_size - 1, leading=(body_size - 1) * 1.3
        )
        self.bullet = paragraph_style(
            "bullet", fontSize=body_size, leading=lead, leftIndent=14, bulletIndent=3, spaceAfter=2
        )
        self.warning = paragraph_style("warning", fontSize=body_size, leading=lead, textColor=WARN)
