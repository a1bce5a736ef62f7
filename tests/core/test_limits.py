"""Hard limits refuse, soft limits warn (docs/clinical.md §4)."""

from __future__ import annotations

import pytest

from desktop.core.errors import CalxError
from desktop.core.limits import check_hard, require_within, soft_warnings
from desktop.core.parsing import parse_quantity


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("0.5 kg", "weight"),
        ("500 kg", "weight"),
        ("30 cm", "height"),
        ("260 cm", "height"),
        ("0", "age"),
        ("120", "age"),
        ("0.1 mg/dL", "creatinine"),
        ("20 mg/dL", "creatinine"),
        ("8.84 µmol/L", "creatinine"),  # 8.84 ÷ 88.4 = 0.1 (0.0999… in floating point)
        ("1768 µmol/L", "creatinine"),  # 1768 ÷ 88.4 = 20
        ("1102 lb", "weight"),  # 499.86 kg
    ],
)
def test_bounds_are_accepted(text: str, kind: str) -> None:
    check_hard(parse_quantity(text, kind))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "kind", "code"),
    [
        ("0.49 kg", "weight", "weight_out_of_range"),
        ("0 kg", "weight", "weight_out_of_range"),
        ("501 kg", "weight", "weight_out_of_range"),
        ("1103 lb", "weight", "weight_out_of_range"),  # 500.31 kg
        ("29 cm", "height", "height_out_of_range"),
        ("261 cm", "height", "height_out_of_range"),
        ("2.7 m", "height", "height_out_of_range"),
        ("9 ft", "height", "height_out_of_range"),  # 274.32 cm
        ("121", "age", "age_out_of_range"),
        ("0.09 mg/dL", "creatinine", "creatinine_out_of_range"),
        ("1800 µmol/L", "creatinine", "creatinine_out_of_range"),
        ("20.1 mg/dL", "creatinine", "creatinine_probably_umol"),
        ("85", "creatinine", "creatinine_probably_umol"),  # bare number = mg/dL
        ("85 mg/dL", "creatinine", "creatinine_probably_umol"),
        ("1.1 µmol/L", "creatinine", "creatinine_probably_mg_dl"),
        ("8.8 µmol/L", "creatinine", "creatinine_probably_mg_dl"),
    ],
)
def test_hard_limits_refuse(text: str, kind: str, code: str) -> None:
    with pytest.raises(CalxError) as caught:
        check_hard(parse_quantity(text, kind))  # type: ignore[arg-type]
    assert caught.value.code == code
    assert caught.value.field == kind


def test_out_of_range_carries_the_limits_and_what_was_typed() -> None:
    with pytest.raises(CalxError) as caught:
        check_hard(parse_quantity("1103 lb", "weight"))
    params = caught.value.params
    assert (params["min"], params["max"], params["unit"]) == (0.5, 500.0, "kg")
    assert params["entered"] == "1103 lb"
    assert params["value"] == pytest.approx(1103 * 0.45359237)


def test_creatinine_limits_are_given_in_both_units() -> None:
    with pytest.raises(CalxError) as caught:
        check_hard(parse_quantity("1800 µmol/L", "creatinine"))
    assert (caught.value.params["min_umol"], caught.value.params["max_umol"]) == (8.84, 1768.0)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -1.0])
def test_require_within_refuses_non_numbers(value: float) -> None:
    with pytest.raises(CalxError):
        require_within("weight", value)


def codes(issues: list) -> list[str]:
    return [i.code for i in issues]


def test_ordinary_adult_has_no_warning() -> None:
    assert soft_warnings(70, 170, 50) == []


@pytest.mark.parametrize(
    ("weight", "height", "age", "expected"),
    [
        (29.9, 140, 40, ["weight_unusual"]),  # BMI 15.3
        (250.1, 200, 40, ["weight_unusual"]),  # BMI 62.5 as well
        (60, 129, None, ["height_unusual"]),  # BMI 36.1
        (80, 211, 40, ["height_unusual"]),  # BMI 18.0
        (30, 155, 40, []),  # bounds are inside (BMI 12.49: checked below)
        (250, 210, 40, []),  # BMI 56.7
        (25, 120, 10, []),  # a child: adult lower limits do not apply
        (260, 150, 7, ["weight_unusual"]),  # a child keeps the upper limits of its own
        (40, 215, 15, ["height_unusual"]),
    ],
)
def test_adult_weight_and_height_soft_limits(
    weight: float, height: float, age: float | None, expected: list[str]
) -> None:
    got = [c for c in codes(soft_warnings(weight, height, age)) if c != "bmi_implausible"]
    assert got == expected


@pytest.mark.parametrize(
    ("weight", "height", "implausible"),
    [
        (154, 170, False),  # 154 / 1.7² = 53.3: heavy but possible
        (175, 170, True),  # 175 / 2.89 = 60.55 > 60
        (37, 170, True),  # 37 / 2.89 = 12.80 < 13
        (37.6, 170, False),  # 13.01
        (173.3, 170, False),  # 59.97
    ],
)
def test_bmi_soft_limit(weight: float, height: float, implausible: bool) -> None:
    assert ("bmi_implausible" in codes(soft_warnings(weight, height, 50))) is implausible


def test_bmi_warning_names_the_bmi_rounded_for_the_message() -> None:
    [issue] = [i for i in soft_warnings(175, 170, 50) if i.code == "bmi_implausible"]
    assert issue.params["bmi"] == 60.6
    assert issue.field == "weight"


def test_bmi_is_checked_at_any_age() -> None:
    assert "bmi_implausible" in codes(soft_warnings(80, 110, 8))  # 80 / 1.1² = 66.1
