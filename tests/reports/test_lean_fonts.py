"""What the PDFs keep in memory holds what reportlab parsed (``desktop.reports.styles._compact``),
the drawable-characters check is the one it replaced, and Pillow stays unloaded until used."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from probe import run_python
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.paths import resource
from desktop.reports import styles
from desktop.reports.styles import FONT, FONT_BOLD, REPLACEMENT, clean, register_fonts

FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}


@pytest.fixture(scope="module")
def parsed() -> dict[str, object]:
    """Each font as reportlab parses it, untouched."""
    return {name: TTFont("x", str(resource("fonts", file))).face for name, file in FILES.items()}


@pytest.mark.parametrize("name", list(FILES))
def test_the_kept_font_holds_what_reportlab_parsed(name: str, parsed: dict[str, object]) -> None:
    register_fonts()
    kept = pdfmetrics.getFont(name).face
    fresh = parsed[name]
    assert kept.charToGlyph == fresh.charToGlyph  # type: ignore[attr-defined]
    assert list(kept.charWidths.items()) == list(fresh.charWidths.items())  # type: ignore[attr-defined]
    assert list(kept.glyphPos) == fresh.glyphPos  # type: ignore[attr-defined]
    # The subset writes int() of each metric: the values it writes are the same.
    hmetrics = fresh.hmetrics  # type: ignore[attr-defined]
    assert len(kept.hmetrics) == len(hmetrics)
    assert list(kept.hmetrics) == [(int(aw), int(lsb)) for aw, lsb in hmetrics]
    assert kept.hmetrics[-1] == kept.hmetrics[len(hmetrics) - 1]
    assert kept.hmetrics[2:4] == [kept.hmetrics[2], kept.hmetrics[3]]
    with pytest.raises(IndexError):
        kept.hmetrics[len(hmetrics)]


def _drawable(parsed: dict[str, object]) -> frozenset[int]:
    regular = parsed[FONT].charToGlyph  # type: ignore[attr-defined]
    bold = parsed[FONT_BOLD].charToGlyph  # type: ignore[attr-defined]
    return frozenset(c for c in regular if c in bold and c <= 0xFFFF)


def _clean_as_before(value: str, drawable: frozenset[int]) -> str:
    """``clean`` as it was written before the regular expression: character by character."""
    value = styles._BAD_CHARS.sub(" ", unicodedata.normalize("NFC", value))
    return "".join(ch if ord(ch) in drawable or ch in "\t\n" else REPLACEMENT for ch in value)


def test_clean_replaces_what_both_fonts_cannot_draw_in_the_whole_bmp(
    parsed: dict[str, object],
) -> None:
    every = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF) + "\U0001f600"
    assert clean(every) == _clean_as_before(every, _drawable(parsed))


@given(st.text())
def test_clean_is_what_it_was_for_any_text(value: str) -> None:
    register_fonts()
    fonts = {name: pdfmetrics.getFont(name).face for name in FILES}
    assert clean(value) == _clean_as_before(value, _drawable(fonts))


def test_pillow_loads_only_when_an_image_is_used() -> None:
    code = (
        "import sys\n"
        "from desktop.reports.pdf_plan import render_plan\n"
        "assert 'PIL._imaging' not in sys.modules, 'Pillow loaded with the PDF code'\n"
        "from reportlab.lib.utils import _isPILImage\n"
        "assert not _isPILImage('a string')\n"
        "assert 'PIL._imaging' in sys.modules, 'Pillow not loaded when asked for'\n"
    )
    run_python(code)
