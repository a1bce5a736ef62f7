"""Nothing changes behind the clinician's back (issue 11).

Preferences set defaults for *new* patients: accepting the dialog, with or without a change of
language, never touches the patient, the regimen's choices or the plan on screen. The search acts
on the text in the field when Enter is pressed, however fast it was typed.

Expected doses from CLINICAL.md: 70 kg, 170 cm → DuBois 0.007184 × 70^0.425 × 170^0.725 =
1.8097 m²; rituximab 375 mg/m² → 678.64 mg (Mosteller would give 681.79 mg).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt


def _accept_preferences(qtbot, window, **changes):
    from desktop.ui.dialogs.preferences import PreferencesDialog

    dialog = PreferencesDialog(window.context, window)
    qtbot.addWidget(dialog)
    for name, value in changes.items():
        combo = getattr(dialog, name)
        combo.setCurrentIndex(combo.findData(value))
    with qtbot.waitSignal(window.context.preferencesChanged):
        dialog.accept()


@pytest.mark.parametrize("changes", [{}, {"language": "fr"}, {"bsa_formula": "boyd"},
                                     {"weight_unit": "lb", "language": "fr"}])
def test_preferences_ok_never_changes_the_patient_on_screen(qtbot, window, changes):
    compute = window.compute_view
    window.compute_regimen("rituximab-375-weekly")
    compute.patient_panel.set_values(weight="70", height="170")
    compute.bsa_panel.set_formula("dubois")
    assert compute.dose_panel.result.calculated.m_as("mg") == pytest.approx(678.64, abs=0.01)
    compute.add_button.click()
    window.compute_regimen("minocycline-cyclic")
    compute.choices.set_value("on", 6)
    before_choices = compute.choices.values()
    before_plan = window.plan_view.entries()

    _accept_preferences(qtbot, window, **changes)

    assert compute.bsa_panel.current_formula() == "dubois"
    assert window.plan_view.bsa_formula == "dubois"
    assert compute.patient_panel.weight.text() == "70"
    assert compute.patient_panel.weight.unit_text() == "kg"
    assert compute.choices.values() == before_choices
    assert window.plan_view.entries() == before_plan
    window.compute_regimen("rituximab-375-weekly")
    assert compute.dose_panel.result.calculated.m_as("mg") == pytest.approx(678.64, abs=0.01)


def test_preferences_apply_to_a_new_patient(qtbot, window):
    compute = window.compute_view
    _accept_preferences(qtbot, window, bsa_formula="dubois")
    assert compute.bsa_panel.current_formula() == "dubois"  # nobody typed a patient yet


@pytest.mark.parametrize(("typed", "expected"), [("warf", "warfarin"),
                                                 ("infli", "infliximab"),
                                                 ("colch", "colchicine")])
def test_enter_opens_the_hit_for_the_text_typed_so_far(qtbot, window, typed, expected):
    nav = window.navigator
    nav.focus_search()
    # A first search shows hits; then the clinician types fast and presses Enter before the
    # window had time to run the new search.
    qtbot.keyClicks(nav.search_field, "e")
    qtbot.waitUntil(lambda: nav.stack.currentWidget() is nav.results)
    nav.search_field.selectAll()
    with qtbot.waitSignal(nav.therapyChosen, timeout=2000) as chosen:
        qtbot.keyClicks(nav.search_field, typed)
        qtbot.keyClick(nav.search_field, Qt.Key.Key_Return)
    assert chosen.args == [expected]


# ---------------------------------------------------------------------- values nobody chose


def _clinician_copy_text(plan_view) -> str:
    import io
    import re

    import pypdf

    from desktop.reports.pdf_plan import render_clinician_copy

    plan, reason = plan_view.plan_or_reason()
    assert plan is not None, reason
    reader = pypdf.PdfReader(io.BytesIO(render_clinician_copy(plan)), strict=False)
    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in reader.pages))


def test_untouched_values_are_defaults_not_the_clinicians_choice(qtbot, window):
    compute = window.compute_view
    compute.patient_panel.set_values(weight="70", height="170")
    for regimen_id in ("minocycline-cyclic", "diltiazem-240-480"):
        window.compute_regimen(regimen_id)
        assert compute.choices.values() == {}
        working = compute.dose_panel.working.toPlainText()
        assert "Dose chosen by the clinician" not in working
        assert "not chosen by the clinician" in working
        compute.add_button.click()
    window.plan_view.patient_name.setText("A. Patient")
    copy = _clinician_copy_text(window.plan_view)
    assert "Dose chosen by the clinician" not in copy
    assert "(default)" in copy


def test_an_up_to_dose_needs_an_explicit_choice_in_the_window(qtbot, window):
    # Probenecid "up to 500 mg": nothing pre-filled (the CLI refuses it without a choice too).
    window.compute_regimen("probenecid-500-tid")
    compute = window.compute_view
    compute.patient_panel.set_values(weight="70")
    combo = compute.choices.editors["dose"]
    assert combo.currentText() == "Choose…"
    assert compute.dose_panel.result is None
    assert not compute.add_button.isEnabled()
    assert "maximum" in compute.choices.messages["dose"].text()
    compute.choices.set_value("dose", 500)
    assert compute.dose_panel.values["calculated"].text().startswith("500 mg")
    assert "chosen by the clinician" in compute.dose_panel.working.toPlainText()
    assert compute.add_button.isEnabled()
