"""Nothing changes behind the clinician's back (issue 11).

Preferences set defaults for *new* patients: accepting the dialog, with or without a change of
language, never touches the patient, the regimen's choices or the plan on screen. The search acts
on the text in the field when Enter is pressed, however fast it was typed.

Expected doses from docs/clinical.md: 70 kg, 170 cm → DuBois 0.007184 × 70^0.425 × 170^0.725 =
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


@pytest.mark.parametrize(
    "changes",
    [{}, {"language": "fr"}, {"bsa_formula": "boyd"}, {"weight_unit": "lb", "language": "fr"}],
)
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


@pytest.mark.parametrize(
    ("typed", "expected"), [("warf", "warfarin"), ("infli", "infliximab"), ("colch", "colchicine")]
)
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


# ---------------------------------------------------------------------- beside the dose


def test_body_metrics_beside_the_dose(qtbot, window):
    # docs/clinical.md §2 worked example: woman, 65 years, 60 kg, 85 µmol/L → Cockcroft–Gault
    # 75 × 60 / (72 × 0.9615) × 0.85 = 55.25 mL/min on the actual weight.
    compute = window.compute_view
    compute.patient_panel.set_values(
        weight="60", height="165", sex="female", age="65", creatinine="85"
    )
    values = compute.metrics_panel.values
    assert values["crcl"].text() == "55.25 mL/min (actual weight)"
    assert values["bmi"].text() == "22.04 kg/m²"  # 60 / 1.65² = 22.04
    assert values["egfr"].text().endswith("mL/min/1.73 m²")
    assert values["ibw"].text().endswith("kg") and values["abw"].text().endswith("kg")
    assert "Cockcroft" in values["crcl"].toolTip()  # the working, with its citation
    compute.patient_panel.set_values(weight="60")
    # Beside the metric's name, what it still needs; the whole sentence is the tooltip.
    assert values["crcl"].text() == "— needs the age"
    assert values["ibw"].text() == "— needs the height"
    assert values["ibw"].toolTip() == "Ideal body weight (Devine) needs the height."


def test_copy_and_print_one_calculation(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QApplication

    from desktop.ui.views import printing

    window.compute_regimen("rituximab-375-weekly")
    compute = window.compute_view
    compute.patient_panel.set_values(weight="70", height="170")
    compute.copy_button.click()
    copied = QApplication.clipboard().text()
    for expected in (
        "Rituximab",
        "Weight: 70 kg",
        "Dose to give: 680 mg",
        "375 mg/m² × 1.8181 m² = 681.79 mg",
        "BMI: 24.22 kg/m²",
    ):
        assert expected in copied
    printed = []
    monkeypatch.setattr(
        printing, "print_document", lambda document, _parent: printed.append(document.toPlainText())
    )
    window.tabs.setCurrentWidget(compute)
    assert window.print_action.isEnabled()
    window.print_action.trigger()
    assert printed and "Dose to give: 680 mg" in printed[0] and "Calendar:" in printed[0]


@pytest.mark.parametrize(("answer", "closed"), [("cancel", False), ("discard", True)])
def test_closing_with_an_unsaved_plan_asks_first(qtbot, plan_view, answer, closed):
    window = plan_view.window()
    asked = []
    window.ask_before_closing = lambda what: asked.append(what) or answer
    assert window.close() is closed
    assert asked == ["plan"]


def test_a_saved_plan_or_an_empty_window_closes_without_asking(qtbot, plan_view):
    window = plan_view.window()
    assert plan_view.save_plan()
    asked = []
    window.ask_before_closing = lambda what: asked.append(what) or "cancel"
    assert window.unsaved_work() == "patient"  # the plan is saved; the values are typed
    plan_view.model.remove(0) if hasattr(plan_view.model, "remove") else None
    window.compute_view.patient_panel.set_values()
    plan_view.list.setCurrentIndex(plan_view.model.index(0, 0))
    while plan_view.entries():
        plan_view.remove_current()
    assert window.unsaved_work() is None
    assert window.close() and asked == []


def _infliximab_from_11_december(window):
    """Compute: infliximab 3 mg/kg for 70 kg from Friday 11 December 2026, French holidays."""
    from PySide6.QtCore import QDate

    from desktop.ui.settings import HOLIDAY_COUNTRY

    window.context.prefs.set(HOLIDAY_COUNTRY, "FR")
    window.compute_regimen("infliximab-3-mg-kg")
    compute = window.compute_view
    compute.patient_panel.set_values(weight="70")
    compute.schedule_panel.start.setDate(QDate(2026, 12, 11))
    return compute


def test_an_infusion_on_a_public_holiday_is_flagged_and_moved_in_one_click(qtbot, window):
    # Infliximab from Friday 11 December 2026: week 2 is Christmas (Friday 25 December, France);
    # moved to Monday 28 December, week 6 follows from 22 to 25 January 2027.
    import datetime as dt

    compute = _infliximab_from_11_december(window)
    panel = compute.schedule_panel
    assert "Christmas Day" in panel.model.index(1, 0).data()
    assert panel.move_button.isVisibleTo(compute) and panel.closed_note.isVisibleTo(compute)
    panel.move_button.click()
    dates = [panel.model.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(3)]
    assert dates == [dt.date(2026, 12, 11), dt.date(2026, 12, 28), dt.date(2027, 1, 25)]
    assert "⚠" not in panel.model.index(1, 0).data()
    assert 1 not in panel.model.closed_rows()
    compute.add_button.click()
    window.plan_view.patient_name.setText("A. Patient")
    plan, reason = window.plan_view.plan_or_reason()
    assert plan is not None, reason
    assert plan.items[0].schedule.dates()[:3] == dates  # the plan keeps the move


def test_a_plan_with_an_infusion_left_on_a_public_holiday_says_so(qtbot, window):
    # The same infliximab from Friday 11 December 2026, not moved: week 2 is Christmas Day in
    # France. The plan list says it, and the clinician copy names the date.
    import io

    from pypdf import PdfReader

    from desktop.reports.pdf_plan import render_clinician_copy
    from desktop.ui.settings import HOLIDAY_COUNTRY

    _infliximab_from_11_december(window).add_button.click()
    view = window.plan_view
    view.patient_name.setText("A. Patient")
    view.plan_language.setCurrentIndex(view.plan_language.findData("en"))
    assert "⚠ 1 date on a closed day" in view.model.index(0, 0).data()
    plan, reason = view.plan_or_reason()
    assert plan is not None, reason
    assert plan.closed_days_country == "FR"
    assert [(c.day.isoformat(), c.name) for c in plan.items[0].closed] == [
        ("2026-12-25", "Christmas Day")
    ]
    pages = PdfReader(io.BytesIO(render_clinician_copy(plan))).pages
    text = " ".join(" ".join(page.extract_text().split()) for page in pages)
    assert "Closed days checked weekends and public holidays (FR)" in text
    assert "Infliximab on a day the hospital is closed: 25 December 2026 (Christmas Day)." in text
    window.context.prefs.set(HOLIDAY_COUNTRY, "ZZ")  # a country the library does not know
    plan, reason = view.plan_or_reason()
    assert plan is not None and plan.closed_days_country == ""  # weekends only, never a refusal


def _wheel_down(widget) -> bool:
    """One notch of the mouse wheel over the middle of ``widget``; whether it took the event.
    (Qt passes a real wheel event a widget ignores up to its parents, the page's scroll area
    among them; a synthetic one stops at the widget.)"""
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    where = QPointF(widget.rect().center())
    event = QWheelEvent(
        where,
        QPointF(widget.mapToGlobal(where.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_the_mouse_wheel_scrolls_compute_and_never_changes_a_value(qtbot, window):
    # At 1024×768 Compute scrolls. Scrolled with the wheel, the pointer passing over the BSA
    # formula changed it (Mosteller → DuBois: another dose), and over the focused start date
    # moved it by years, unseen. The wheel now scrolls the page; the keyboard still steps.
    from PySide6.QtCore import QDate, Qt
    from PySide6.QtWidgets import QScrollArea

    window.resize(1024, 700)
    window.compute_regimen("rituximab-375-weekly")
    compute = window.compute_view
    compute.patient_panel.set_values(weight="70", height="170")
    compute.schedule_panel.start.setDate(QDate(2026, 12, 1))
    qtbot.wait(50)
    bar = compute.findChild(QScrollArea, "computeScroll").verticalScrollBar()
    formula, start, horizon = (
        compute.bsa_panel.formula,
        compute.schedule_panel.start,
        compute.schedule_panel.horizon,
    )
    dose = compute.computation.dose.given
    for focused in (False, True):
        if focused:
            formula.setFocus()
        assert not _wheel_down(formula)  # ignored: Qt hands it to the page
        for box in (start, horizon):
            if focused:
                box.setFocus()
            bar.setValue(0)
            _wheel_down(box)  # handed to the page's scroll bar
            assert bar.value() > 0, box.objectName()
    assert formula.currentData() == "mosteller"
    assert start.date() == QDate(2026, 12, 1) and horizon.value() == 12
    assert compute.computation.dose.given == dose
    start.setFocus()
    qtbot.keyClick(start, Qt.Key.Key_Up)  # the keyboard, on purpose, still steps the date
    assert start.date() != QDate(2026, 12, 1)


def test_a_control_focused_by_its_shortcut_is_scrolled_into_view(qtbot, window):
    # Alt+D (French: "Date de début") put the focus on the start date below the screen.
    from PySide6.QtCore import Qt

    window.resize(1024, 700)
    window.compute_regimen("rituximab-375-weekly")
    compute = window.compute_view
    start = compute.schedule_panel.start
    compute.patient_panel.weight.edit.setFocus()
    qtbot.wait(50)
    assert start.visibleRegion().isEmpty()  # below the fold at this size
    start.setFocus(Qt.FocusReason.ShortcutFocusReason)
    qtbot.wait(50)
    assert not start.visibleRegion().isEmpty()
