"""The therapy page: badges, evidence table, sources, "as reported in the review"."""

from __future__ import annotations


def test_rituximab_page_shows_badges_evidence_and_sources(window):
    window.open_therapy("rituximab")
    text = window.therapy_view.browser.toPlainText()
    for expected in (
        "Rituximab",
        "Off-label",
        "Conflicting evidence",
        "Mechanism",
        "Regimens",
        "Evidence",
        "Study",
        "Design",
        "Outcome",
        "Follow-up",
        "Cautions",
        "References",
        "Daoussis et al. 2012",
        "as reported in the review",
        "Worsened",
        "Compute this dose…",
    ):
        assert expected in text, expected
    # The evidence table lists the number of patients of Narváez et al. 2019 (8).
    assert "Narváez" in text


def test_compute_link_opens_the_regimen(qtbot, window):
    from PySide6.QtCore import QUrl

    window.open_therapy("rituximab")
    with qtbot.waitSignal(window.therapy_view.computeRequested) as requested:
        window.therapy_view.browser.anchorClicked.emit(QUrl("calx-compute:rituximab-1g-x2"))
    assert requested.args == ["rituximab-1g-x2"]
    assert window.tabs.currentWidget() is window.compute_view
    assert window.compute_view.regimen_id() == "rituximab-1g-x2"


def test_content_text_is_escaped(window):
    from desktop.core.regimen import Bilingual, Source
    from desktop.data.models import Statement, Synonyms, Therapy
    from desktop.ui.views.therapy_html import therapy_html

    s = Source("valenzuela-2016", "unverified")
    therapy = Therapy(
        id="x",
        category="drug",
        order=1,
        review_section=Bilingual("a", "a"),
        name=Bilingual("<script>", "<b>Bold</b> & co"),
        synonyms=Synonyms(),
        off_label=False,
        conflicting_evidence=False,
        evidence_level="case-report",
        summary=Statement(Bilingual("<font size=40>x", "<font size=40>x"), s),
    )
    html = therapy_html(therapy, "en", window.therapy_view.words(), {})
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; co" in html
    assert "&lt;font size=40&gt;x" in html
    assert "<font" not in html
