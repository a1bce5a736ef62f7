"""Compute as a clinician: fill the patient panel, pick a regimen, read the dose and calendar.

Expected numbers are worked by hand from docs/clinical.md: 70 kg, 170 cm → Mosteller
√(170 × 70 / 3600) = 1.8181 m²; rituximab 375 mg/m² → 681.79 mg, rounded to the nearest 10 mg
(product rule) = 680 mg (−0.26 %), 68 mL of the 10 mg/mL concentrate, 1 × 500 mg + 2 × 100 mg
vials (docs/clinical.md §3 example 681.79 mg). Infliximab 3 mg/kg × 70 kg = 210 mg.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt


def fill(qtbot, panel, weight="", height="", age="", creatinine=""):
    """Type into the fields as a user would, then leave the last field (editingFinished)."""
    for field, text in (
        (panel.weight, weight),
        (panel.height_field, height),
        (panel.age, age),
        (panel.creatinine, creatinine),
    ):
        field.edit.clear()
        if text:
            qtbot.keyClicks(field.edit, text)
    with qtbot.waitSignal(panel.patientChanged, timeout=2000):
        panel.validate()


@pytest.fixture
def compute(window):
    window.compute_regimen("rituximab-375-weekly")
    return window.compute_view


def test_rituximab_dose_volume_vials_and_working(qtbot, compute):
    fill(qtbot, compute.patient_panel, "70", "170")
    values = compute.dose_panel.values
    assert values["calculated"].text() == "681.79 mg"
    assert values["rounded"].text().startswith("680 mg (")
    assert "0.3" in values["rounded"].text()  # deviation −0.26 % shown to 1 decimal
    assert values["volume"].text().startswith("68 mL")
    assert values["vials"].text().startswith("1 × 500 mg + 2 × 100 mg")
    assert "4 administrations" in values["course"].text()
    working = compute.dose_panel.working.toPlainText()
    assert "1.8181" in working and "681.79" in working
    # BSA by all five formulas, the one used in bold.
    model = compute.bsa_panel.model
    assert [model.index(r, 1).data() for r in range(5)] == [
        "1.82 m²",
        "1.81 m²",
        "1.83 m²",
        "1.83 m²",
        "1.83 m²",
    ]
    # Calendar: four weekly infusions within the 12-month horizon.
    assert compute.schedule_panel.model.rowCount() == 4


def test_infliximab_per_kg(qtbot, window):
    window.compute_regimen("infliximab-3-mg-kg")
    compute = window.compute_view
    fill(qtbot, compute.patient_panel, "70")
    assert compute.dose_panel.values["calculated"].text() == "210 mg"
    assert compute.schedule_panel.model.rowCount() == 8  # weeks 0, 2, 6, then every 8 weeks


def test_bad_weight_is_marked_at_the_field_and_nothing_is_computed(qtbot, compute):
    fill(qtbot, compute.patient_panel, "abc", "170")
    weight = compute.patient_panel.weight
    assert weight.message.isVisibleTo(compute) and weight.severity == "error"
    assert "abc" in weight.message.text()
    assert compute.patient_panel.patient is None
    assert compute.dose_panel.values["calculated"].text() == ""
    assert not compute.add_button.isEnabled()
    # Correcting the value clears the message and computes.
    fill(qtbot, compute.patient_panel, "70", "170")
    assert not weight.message.isVisibleTo(compute)
    assert compute.dose_panel.values["calculated"].text() == "681.79 mg"


def test_every_invalid_field_is_marked_at_once(qtbot, compute):
    fill(qtbot, compute.patient_panel, "5000", "9 m", "130", "85 kg")
    panel = compute.patient_panel
    for name in ("weight", "height", "age", "creatinine"):
        assert panel.fields()[name].severity == "error", name
        assert panel.fields()[name].message.text()


def test_pounds_typed_as_kilograms_warns_next_to_weight(qtbot, compute):
    # 180 "kg" at 170 cm: BMI 62.3, above the soft limit of 60 (docs/clinical.md §4), the usual sign
    # of pounds typed as kilograms.
    fill(qtbot, compute.patient_panel, "180", "170")
    weight = compute.patient_panel.weight
    assert weight.severity == "warning"
    assert "62" in weight.message.text()
    assert compute.dose_panel.values["calculated"].text()  # allowed: a warning, not a refusal


def test_units_are_converted_and_shown(qtbot, compute):
    panel = compute.patient_panel
    panel.weight.set_unit("lb")
    fill(qtbot, panel, "154", "5 ft 7 in")
    assert "154 lb = 69.85 kg" in panel.notes.text()
    assert panel.patient is not None and abs(panel.patient.weight_kg - 69.853) < 0.01


def test_height_needed_for_a_dose_per_m2(qtbot, compute):
    fill(qtbot, compute.patient_panel, "70")
    assert compute.dose_panel.status.isVisibleTo(compute)
    assert "height" in compute.dose_panel.status.text().lower()


def test_choices_are_the_source_range_in_product_steps(qtbot, window):
    # Diltiazem 240–480 mg daily, tablets of 30, 60, 90, 120 mg: the multiples of 30 mg.
    window.compute_regimen("diltiazem-240-480")
    compute = window.compute_view
    fill(qtbot, compute.patient_panel, "70")
    box = compute.choices.editors["dose"]
    offered = [box.itemData(i) for i in range(1, box.count())]
    assert offered == [240.0 + 30 * k for k in range(9)]
    assert box.itemText(0) == "240 mg (default)"
    assert compute.choices.values() == {}  # untouched: no choice made
    compute.choices.set_value("dose", 480)
    assert compute.dose_panel.values["calculated"].text().startswith("480 mg")


def test_minocycline_options_and_cycle_choices(qtbot, window):
    window.compute_regimen("minocycline-cyclic")
    compute = window.compute_view
    fill(qtbot, compute.patient_panel, "70")
    editors = compute.choices.editors
    assert set(editors) == {"dose", "on", "off"}
    assert [editors["dose"].itemData(i) for i in range(editors["dose"].count())] == [
        None,
        50.0,
        100.0,
    ]
    editors["dose"].setCurrentIndex(2)
    assert compute.dose_panel.values["calculated"].text().startswith("100 mg")
    assert [editors["on"].itemData(i) for i in range(1, editors["on"].count())] == [
        4.0,
        5.0,
        6.0,
        7.0,
        8.0,
    ]


def test_patient_stays_filled_while_moving_between_therapies(qtbot, window):
    compute = window.compute_view
    fill(qtbot, compute.patient_panel, "70", "170")
    window.open_therapy("colchicine")
    window.open_therapy("infliximab")
    assert compute.patient_panel.weight.text() == "70"
    window.compute_regimen("infliximab-3-mg-kg")
    assert compute.dose_panel.values["calculated"].text() == "210 mg"


def test_start_date_moves_the_calendar(qtbot, compute):
    from PySide6.QtCore import QDate

    fill(qtbot, compute.patient_panel, "70", "170")
    compute.schedule_panel.start.setDate(QDate(2025, 3, 3))
    first = compute.schedule_panel.model.index(0, 0).data()
    assert first.startswith("Monday 3 March 2025")
    assert compute.schedule_panel.calendar.selectedDate() == QDate(2025, 3, 3)


def test_plan_add_reorder_remove(qtbot, window):
    compute = window.compute_view
    fill(qtbot, compute.patient_panel, "70", "170")
    window.compute_regimen("rituximab-375-weekly")
    qtbot.mouseClick(compute.add_button, Qt.MouseButton.LeftButton)
    window.compute_regimen("infliximab-3-mg-kg")
    compute.add_button.click()
    plan = window.plan_view
    assert [e.regimen_id for e in plan.entries()] == ["rituximab-375-weekly", "infliximab-3-mg-kg"]
    assert "680 mg" in plan.model.index(0, 0).data()
    plan.list.setCurrentIndex(plan.model.index(1, 0))
    plan.up.click()
    assert [e.regimen_id for e in plan.entries()] == ["infliximab-3-mg-kg", "rituximab-375-weekly"]
    plan.remove_button.click()
    assert [e.regimen_id for e in plan.entries()] == ["rituximab-375-weekly"]
