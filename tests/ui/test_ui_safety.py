"""Plan safety in the window: the patient's pregnancy, breastfeeding and current medications,
live alerts in Compute and Plan (severity as a symbol and a word), and a contraindication that
blocks printing until the clinician gives a reason in a dialog. The issue's cases, as a clinician
would enter them."""

from __future__ import annotations

import io


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def heads(panel) -> list[str]:  # type: ignore[no-untyped-def]
    # the text as written (the shown text is broken into lines to the panel's width)
    return [panel.tree.topLevelItem(i).toolTip(0) for i in range(panel.tree.topLevelItemCount())]


def test_compute_shows_a_contraindication_with_symbol_word_triggers_and_sources(window):
    compute = window.compute_view
    compute.patient_panel.set_values(weight="70", sex="male", age="80", creatinine="3.3 mg/dL")
    window.compute_regimen("colchicine-1mg-daily")
    panel = compute.alerts_panel
    first = panel.tree.topLevelItem(0)
    assert heads(panel)[0].startswith("✖ CONTRAINDICATED")
    children = [first.child(i).toolTip(0) for i in range(first.childCount())]
    assert any(c.startswith("Measurements: Cockcroft–Gault (actual weight) 17.7") for c in children)
    assert any(c.startswith("Sources: ") for c in children)
    assert "contraindication" in panel.summary.text()


def test_alerts_follow_the_current_medications_live(window):
    compute = window.compute_view
    panel = compute.patient_panel
    panel.set_values(weight="70", sex="male")
    window.compute_regimen("colchicine-1mg-daily")
    assert not any("CONTRAINDICATED" in h for h in heads(compute.alerts_panel))
    panel.medications.edit.setText("zéclar")  # a brand, any case or accent
    panel.medications.add_button.click()
    panel.medications.add("herbal tea")
    assert [m.medication_id for m in panel.patient.medications] == ["clarithromycin", None]
    assert "herbal tea — not checked" in [
        panel.medications.list.item(i).text() for i in range(panel.medications.list.count())
    ]
    texts = heads(compute.alerts_panel)
    assert any(h.startswith("✖ CONTRAINDICATED") for h in texts)
    assert any("herbal tea" in h for h in texts)


def test_pregnancy_answer_changes_the_alerts(window):
    compute = window.compute_view
    panel = compute.patient_panel
    panel.set_values(weight="60", sex="female")
    window.compute_regimen("warfarin-1mg-daily")
    assert any(
        h.startswith("ℹ CONSIDER: Pregnancy status unknown") for h in heads(compute.alerts_panel)
    )
    panel.pregnant.setCurrentIndex(panel.pregnant.findData("yes"))
    assert panel.patient.pregnant == "yes"
    assert any(h.startswith("✖ CONTRAINDICATED") for h in heads(compute.alerts_panel))


def test_plan_is_blocked_until_a_reason_is_given(qtbot, window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QInputDialog

    compute = window.compute_view
    compute.patient_panel.set_values(weight="70", sex="male", age="80", creatinine="3.3 mg/dL")
    window.compute_regimen("colchicine-1mg-daily")
    compute.add_button.click()
    view = window.plan_view
    view.patient_name.setText("Jean Test")
    plan, reason = view.plan_or_reason()
    assert plan is None and "cannot be printed" in reason
    assert view.override_button.isVisible() or not view.isVisible()
    assert view.save_pdf_to(tmp_path / "plan.pdf") is False
    assert not (tmp_path / "plan.pdf").exists()
    monkeypatch.setattr(
        QInputDialog,
        "getMultiLineText",
        staticmethod(lambda *a, **k: ("dialysis team agrees", True)),
    )
    assert view.ask_overrides()
    plan, reason = view.plan_or_reason()
    assert plan is not None and reason == ""
    assert plan.overrides and plan.overrides[0].reason == "dialysis team agrees"
    from desktop.reports.pdf_plan import render_clinician_copy

    text = pdf_text(render_clinician_copy(plan))
    assert "Safety checks" in text and "dialysis team agrees" in text
    assert view.save_plan()
    log = view.context.user_db().log_entries()
    assert [e.action for e in log] == ["override"] and log[0].plan_id == plan.plan_id


def test_warfarin_page_and_overview_say_traineau_advises_against_it(window):
    window.open_therapy("warfarin")
    text = window.therapy_view.browser.toPlainText()
    assert "Advised against" in text and "should not be used" in text
    assert text.index("Advised against") < text.index("Summary") if "Summary" in text else True
    model = window.overview_view.table.model()
    flags = [
        model.index(r, 4).data()
        for r in range(model.rowCount())
        if "Warfarin" in (model.index(r, 0).data() or "")
    ]
    assert flags and "Advised against (Traineau et al. 2020)" in flags[0]
