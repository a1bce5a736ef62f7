"""``desktop.reports.styles.Paragraph``: reportlab's Paragraph with its two shortcuts (plain text
skips the markup parser; lines are broken once per width) must lay out exactly as reportlab does."""

from __future__ import annotations

import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.platypus import KeepTogether, SimpleDocTemplate
from reportlab.platypus import Paragraph as ReportlabParagraph

from desktop.reports.styles import Paragraph, Styles

STYLES = Styles()


def _same_fragments(ours: ReportlabParagraph, theirs: ReportlabParagraph) -> None:
    assert [vars(f) for f in ours.frags] == [vars(f) for f in theirs.frags]
    assert (ours.text, ours.bulletText, ours.style) == (
        theirs.text,
        theirs.bulletText,
        theirs.style,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Rituximab 375 mg/m² once weekly",
        "  leading and trailing  ",
        "two\nlines\n  indented",
        "µ ≥ → Zoë",
        "x",
        "with <b>markup</b>",
        "an &amp; entity",
        "",
        "   ",
    ],
)
@pytest.mark.parametrize("style", ["body", "cell_bold", "bullet", "warning", "title"])
def test_plain_text_gets_the_fragments_reportlabs_parser_makes(text: str, style: str) -> None:
    chosen = getattr(STYLES, style)
    _same_fragments(
        Paragraph(text, chosen, bulletText="•"), ReportlabParagraph(text, chosen, bulletText="•")
    )


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="<&"), max_size=80
    )
)
def test_any_plain_text_gets_the_same_fragments(text: str) -> None:
    """Any text without markup (with markup, both go through reportlab's parser)."""
    _same_fragments(Paragraph(text, STYLES.body), ReportlabParagraph(text, STYLES.body))


def _pdf(paragraph: type[ReportlabParagraph]) -> bytes:
    long = "Calcinosis in systemic sclerosis: deposits of calcium salts in the skin. " * 30
    story = [
        paragraph("Heading", STYLES.h1),
        KeepTogether(
            [paragraph(f"Item {i}: {long[:200]}", STYLES.bullet, bulletText="–") for i in range(4)]
        ),
        *[paragraph(f"<b>{i}</b> {long}", STYLES.body) for i in range(8)],
        paragraph(long * 4, STYLES.body),
    ]  # split across pages
    out = io.BytesIO()
    SimpleDocTemplate(out, invariant=1).build(story)
    return out.getvalue()


def test_a_document_is_byte_identical_with_reportlabs_paragraph() -> None:
    ours = _pdf(Paragraph)
    assert ours.count(b"/Type /Page\n") > 2 or ours.count(b"/Type /Page ") > 2
    assert ours == _pdf(ReportlabParagraph)


def test_lines_are_broken_again_for_another_width() -> None:
    paragraph = Paragraph("word " * 60, STYLES.body)
    _, wide = paragraph.wrap(400, 1000)
    _, narrow = paragraph.wrap(200, 1000)
    assert narrow > wide
    assert paragraph.wrap(400, 1000) == (400, wide)
