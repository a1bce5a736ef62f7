"""Patient: typed inputs become checked quantities in canonical units, with warnings."""

from __future__ import annotations

import dataclasses

import pytest

from desktop.core.errors import CalxError
from desktop.core.patient import Patient, parse_sex
from desktop.core.units import Q_


def test_from_inputs_converts_and_keeps_what_was_typed() -> None:
    patient, warnings = Patient.from_inputs("154 lb", "5 ft 7 in", "male", "55", "85 µmol/L")
    assert patient.weight_kg == pytest.approx(69.85322498)  # 154 × 0.45359237
    assert patient.height_cm == pytest.approx(170.18)  # 67 × 2.54
    assert patient.creatinine_mg_dl == pytest.approx(0.9615384615)  # 85 ÷ 88.4
    assert patient.age_years == 55.0
    assert patient.sex == "male"
    assert str(patient.weight.units) == "kilogram"
    assert warnings == []
    assert patient.conversion_notes("en") == [
        "154 lb = 69.85 kg",
        "5 ft 7 in = 170.18 cm",
        "85 µmol/L = 0.96 mg/dL",
    ]
    assert patient.conversion_notes("fr")[0] == "154 lb = 69,85 kg"


def test_french_input() -> None:
    patient, _ = Patient.from_inputs("70,5", "1,70 m", "femme", "65 ans", "1,09", lang="fr")
    assert (patient.weight_kg, patient.height_cm, patient.sex) == (70.5, 170.0, "female")
    assert patient.creatinine_mg_dl == 1.09


def test_preferred_units_for_bare_numbers() -> None:
    patient, _ = Patient.from_inputs("154", "67", weight_unit="lb", height_unit="in")
    assert patient.weight_kg == pytest.approx(69.85322498)
    assert patient.height_cm == pytest.approx(170.18)


def test_pounds_entered_as_kilograms_warn_through_bmi() -> None:
    # 176 "kg" at 170 cm: 176 / 1.7² = 60.9 (the same patient weighs 79.8 kg)
    patient, warnings = Patient.from_inputs("176", "170")
    assert [w.code for w in warnings] == ["bmi_implausible"]
    assert patient.weight_kg == 176.0  # allowed: a warning, not a refusal


@pytest.mark.parametrize(
    ("kwargs", "code", "field"),
    [
        ({"weight": "600 kg"}, "weight_out_of_range", "weight"),
        ({"weight": ""}, "input_empty", "weight"),
        ({"weight": "70", "height": "170 kg"}, "wrong_unit_kind", "height"),
        ({"weight": "70", "age": "130"}, "age_out_of_range", "age"),
        ({"weight": "70", "creatinine": "85"}, "creatinine_probably_umol", "creatinine"),
        ({"weight": "70", "sex": "x"}, "sex_unknown", "sex"),
    ],
)
def test_from_inputs_refuses(kwargs: dict, code: str, field: str) -> None:
    with pytest.raises(CalxError) as caught:
        Patient.from_inputs(**kwargs)
    assert (caught.value.code, caught.value.field) == (code, field)


def test_blank_optional_inputs_are_missing_not_errors() -> None:
    patient, _ = Patient.from_inputs("70", "", None, "  ", None)
    assert patient.height is None and patient.age_years is None and patient.creatinine is None


def test_plain_constructor_converts_and_applies_hard_limits() -> None:
    patient = Patient(
        weight=Q_(154, "lb"),
        height=Q_(67, "in"),
        sex="female",
        age_years=40,
        creatinine=Q_(85, "umol/L"),
    )
    assert patient.weight_kg == pytest.approx(69.85322498)
    assert patient.height_cm == pytest.approx(170.18)
    assert patient.creatinine_mg_dl == pytest.approx(0.9615384615)
    with pytest.raises(CalxError) as caught:
        Patient(weight=Q_(600, "kg"))
    assert caught.value.code == "weight_out_of_range"
    with pytest.raises(CalxError) as caught:
        Patient(weight=Q_(170, "cm"))
    assert caught.value.code == "wrong_unit_kind"
    with pytest.raises(TypeError):
        Patient(weight=70)  # a bare number: its unit would be a guess


def test_patient_is_frozen_and_equal_by_value() -> None:
    a, _ = Patient.from_inputs("154 lb", "170")
    b = Patient(weight=Q_(154 * 0.45359237, "kg"), height=Q_(170, "cm"))
    assert a == b
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.sex = "male"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "sex"),
    [
        ("female", "female"),
        ("F", "female"),
        ("Femme", "female"),
        ("male", "male"),
        ("M", "male"),
        ("homme", "male"),
        ("H", "male"),
        (None, None),
        ("", None),
    ],
)
def test_parse_sex(text: str | None, sex: str | None) -> None:
    assert parse_sex(text) == sex
