"""Safe user text for reportlab, and the snapshot codec that stores computed plans."""

from __future__ import annotations

import dataclasses
import io
from datetime import date, datetime
from typing import Any

import pypdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from plan_helpers import PlanMaker, page_bodies, squeeze
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, SimpleDocTemplate

from desktop.core.errors import Issue
from desktop.core.units import Q_
from desktop.core.words import word
from desktop.reports.pdf_plan import render_patient_plan
from desktop.reports.snapshot import SnapshotError, decode, encode
from desktop.reports.styles import FONT, REPLACEMENT, Styles, clean, one_line, user_text

# --------------------------------------------------------------------------- user text


@pytest.mark.parametrize(
    ("typed", "markup"),
    [
        ("Zoë <b>& O'Brien", "Zoë &lt;b&gt;&amp; O&#39;Brien"),
        ("<font size=40>", "&lt;font size=40&gt;"),
        ('say "hi"', "say &quot;hi&quot;"),
        ("line 1\nline 2", "line 1<br/>line 2"),
        ("nul\x00 bell\x07", "nul  bell "),
    ],
)
def test_user_text_is_escaped_never_interpreted(typed: str, markup: str) -> None:
    assert user_text(typed) == markup


def test_characters_the_font_cannot_draw_become_a_visible_mark() -> None:
    assert clean("Émile 😀") == f"Émile {REPLACEMENT}"
    assert clean("≥ → ² µ é ½ محمد") == "≥ → ² µ é ½ محمد"  # all in DejaVu Sans


def test_one_line_cuts_long_names_to_fit_the_header() -> None:
    name = "Maximilienne-" * 400
    cut = one_line(name, FONT, 9.5, 200)
    assert cut.endswith("…") and name.startswith(cut[:-1])
    assert stringWidth(cut, FONT, 9.5) <= 200
    assert one_line("Zoë", FONT, 9.5, 200) == "Zoë"


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_builds_a_paragraph(typed: str) -> None:
    styles = Styles()
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, invariant=1).build([Paragraph(user_text(typed), styles.body)])
    assert pypdf.PdfReader(io.BytesIO(buffer.getvalue())).pages


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=st.text(min_size=1, max_size=200).filter(str.strip))
def test_any_patient_name_gives_a_valid_plan_that_prints_it(
    make_plan: PlanMaker, name: str
) -> None:
    plan = dataclasses.replace(make_plan(["colchicine-1mg-daily"]), patient_name=name)
    data = render_patient_plan(plan)
    reader = pypdf.PdfReader(io.BytesIO(data), strict=True)
    assert reader.pages
    printable = clean(name)
    if all(ch.isascii() and ch.isprintable() for ch in printable):
        assert squeeze(printable) in squeeze(page_bodies(data, word("header_patient", "en")))


# --------------------------------------------------------------------------- snapshot codec


@dataclasses.dataclass(frozen=True)
class Inner:
    when: date
    amount: float
    unit: str | None = None


@dataclasses.dataclass(frozen=True)
class Outer:
    items: tuple[Inner, ...]
    by_name: dict[str, float]
    maybe: Inner | None
    extra: Any
    issues: tuple[Issue, ...] = ()


def test_nested_dataclasses_round_trip_exactly() -> None:
    value = Outer(
        items=(Inner(date(2025, 3, 3), 670.0, "mg"), Inner(date(2025, 3, 10), 0.1 + 0.2)),
        by_name={"dose": 100.0},
        maybe=None,
        extra={
            "when": date(2025, 3, 1),
            "pair": (1, 2),
            "at": datetime(2025, 3, 1, 9, 30),
            "dose": Q_(662.0286, "mg"),
        },
        issues=(Issue("range_lower_bound_used", {"value": 4.0, "unit": "week"}, "on"),),
    )
    back = decode(Outer, encode(value))
    assert back == value
    assert back.items[1].amount == 0.1 + 0.2  # floats survive bit for bit
    assert back.extra["dose"].m_as("mg") == 662.0286


def test_values_that_cannot_be_stored_are_refused() -> None:
    with pytest.raises(SnapshotError):
        encode(Inner(date(2025, 3, 3), float("nan")))
    with pytest.raises(SnapshotError):
        encode({"x": object()})
    with pytest.raises(SnapshotError):
        decode(Inner, {"when": "2025-03-03", "amount": 1.0, "colour": "red"})
    with pytest.raises(SnapshotError):
        decode(Inner, {"when": "2025-03-03", "amount": "1.0"})


@given(st.text(alphabet=st.sampled_from("ab&<>\"';#x \n"), max_size=40) | st.text(max_size=40))
def test_escape_writes_what_saxutils_wrote(value: str) -> None:
    # styles.escape replaced xml.sax.saxutils.escape (which imports urllib.request and ssl); the
    # PDFs must not change by a byte, so the entities must be the very same ones.
    from xml.sax.saxutils import escape as sax_escape

    from desktop.reports.styles import escape

    assert escape(value) == sax_escape(value)
    assert escape(value, quotes=True) == sax_escape(value, {'"': "&quot;", "'": "&#39;"})
