"""BMI, ideal body weight (Devine) and adjusted body weight: hand-checked cases.

By hand (docs/clinical.md §2; inches = cm / 2.54):
  BMI 154 kg, 170 cm: 154 / 1.7² = 154 / 2.89 = 53.2871972
  IBW man 180 cm:   180/2.54 = 70.8661417 in; 50 + 2.3 × 10.8661417 = 74.9921260 kg
  IBW woman 160 cm: 62.9921260 in; 45.5 + 2.3 × 2.9921260 = 52.3818898 kg
  IBW woman 150 cm: 59.0551181 in; 45.5 + 2.3 × (−0.9448819) = 43.3267717 kg (extrapolated)
  ABW man 180 cm, 120 kg: 74.9921260 + 0.4 × (120 − 74.9921260) = 92.9952756 kg
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.calculators.adjusted_body_weight import adjusted_body_weight
from desktop.core.calculators.bmi import bmi
from desktop.core.calculators.ideal_body_weight import ideal_body_weight
from desktop.core.errors import CalxError
from desktop.core.units import Q_


def test_bmi() -> None:
    result = bmi(Q_(154, "kg"), Q_(170, "cm"))
    assert result.magnitude == pytest.approx(53.2871972, rel=1e-8)
    assert result.value_text("en") == "53.29 kg/m²"
    assert result.working("fr").startswith("IMC : W / (H/100)²")


def test_bmi_from_pounds_and_feet() -> None:
    # 154 lb = 69.8532 kg; 5 ft 7 in = 170.18 cm → 69.8532 / 1.7018² = 24.1196
    assert bmi(Q_(154, "lb"), Q_(67, "in")).magnitude == pytest.approx(24.1196, rel=1e-5)


@pytest.mark.parametrize(
    ("height", "sex", "expected"),
    [
        (180, "male", 74.9921260),
        (160, "female", 52.3818898),
        (152.4, "male", 50.0),
        (152.4, "female", 45.5),  # exactly 60 inches
        (170.18, "male", 66.1),
        (170.18, "female", 61.6),  # 67 in: base + 2.3 × 7 = + 16.1
    ],
)
def test_ideal_body_weight(height: float, sex: str, expected: float) -> None:
    result = ideal_body_weight(Q_(height, "cm"), sex)
    assert result.magnitude == pytest.approx(expected, rel=1e-8)
    assert result.warnings == ()
    assert "Devine" in (result.citation or "")


def test_ideal_body_weight_below_60_inches_is_extrapolated_with_a_warning() -> None:
    result = ideal_body_weight(Q_(150, "cm"), "female")
    assert result.magnitude == pytest.approx(43.3267717, rel=1e-8)
    [warning] = result.warnings
    assert warning.code == "ibw_extrapolated_short"
    assert warning.params == {"height": 150.0, "min_height": 152.4}


def test_ideal_body_weight_is_refused_where_the_line_reaches_zero() -> None:
    # man: 50 + 2.3 × (H/2.54 − 60) ≤ 0 when H ≤ 2.54 × (60 − 50/2.3) = 97.2 cm
    assert ideal_body_weight(Q_(98, "cm"), "male").magnitude > 0
    with pytest.raises(CalxError) as caught:
        ideal_body_weight(Q_(97, "cm"), "male")
    assert caught.value.code == "ibw_undefined"


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"height": None, "sex": "male"}, "needs_height"),
        ({"height": Q_(170, "cm"), "sex": None}, "needs_sex"),
        ({"height": Q_(170, "cm"), "sex": "other"}, "sex_unknown"),
    ],
)
def test_ideal_body_weight_needs_height_and_sex(kwargs: dict, code: str) -> None:
    with pytest.raises(CalxError) as caught:
        ideal_body_weight(**kwargs)
    assert caught.value.code == code


def test_adjusted_body_weight() -> None:
    result = adjusted_body_weight(Q_(120, "kg"), Q_(180, "cm"), "male")
    assert result.magnitude == pytest.approx(92.9952756, rel=1e-8)
    assert result.inputs["IBW"].magnitude == pytest.approx(74.9921260, rel=1e-8)


def test_adjusted_body_weight_carries_the_extrapolation_warning() -> None:
    result = adjusted_body_weight(Q_(80, "kg"), Q_(150, "cm"), "female")
    # 43.3267717 + 0.4 × (80 − 43.3267717) = 57.9960630
    assert result.magnitude == pytest.approx(57.9960630, rel=1e-8)
    assert [w.code for w in result.warnings] == ["ibw_extrapolated_short"]


# ---- properties

WEIGHT = st.floats(min_value=0.5, max_value=500)
# Devine's line reaches zero at 97.2 cm (men) and 102.1 cm (women): see the refusal test above.
HEIGHT = st.floats(min_value=103, max_value=260)
SEX = st.sampled_from(["female", "male"])


@settings(deadline=None)
@given(w1=WEIGHT, w2=WEIGHT, h1=HEIGHT, h2=HEIGHT)
def test_bmi_rises_with_weight_and_falls_with_height(
    w1: float, w2: float, h1: float, h2: float
) -> None:
    wl, wh = sorted((w1, w2))
    hl, hh = sorted((h1, h2))
    assert bmi(Q_(wl, "kg"), Q_(hl, "cm")).magnitude <= bmi(Q_(wh, "kg"), Q_(hl, "cm")).magnitude
    assert bmi(Q_(wl, "kg"), Q_(hh, "cm")).magnitude <= bmi(Q_(wl, "kg"), Q_(hl, "cm")).magnitude
    assert bmi(Q_(wl, "kg"), Q_(hl, "cm")).magnitude > 0


@settings(deadline=None)
@given(h1=HEIGHT, h2=HEIGHT, sex=SEX)
def test_ideal_weight_rises_with_height_and_is_positive(h1: float, h2: float, sex: str) -> None:
    low, high = sorted((h1, h2))
    a, b = ideal_body_weight(Q_(low, "cm"), sex), ideal_body_weight(Q_(high, "cm"), sex)
    assert 0 < a.magnitude <= b.magnitude
    # women's line is 4.5 kg below men's at every height (50 − 45.5)
    diff = (
        ideal_body_weight(Q_(low, "cm"), "male").magnitude
        - ideal_body_weight(Q_(low, "cm"), "female").magnitude
    )
    assert diff == pytest.approx(4.5)


@settings(deadline=None)
@given(w1=WEIGHT, w2=WEIGHT, h=HEIGHT, sex=SEX)
def test_adjusted_weight_rises_with_weight_and_lies_between(
    w1: float, w2: float, h: float, sex: str
) -> None:
    low, high = sorted((w1, w2))
    a = adjusted_body_weight(Q_(low, "kg"), Q_(h, "cm"), sex).magnitude
    b = adjusted_body_weight(Q_(high, "kg"), Q_(h, "cm"), sex).magnitude
    assert a <= b
    ibw = ideal_body_weight(Q_(h, "cm"), sex).magnitude
    assert min(ibw, low) - 1e-9 <= a <= max(ibw, low) + 1e-9


@settings(deadline=None)
@given(h=HEIGHT, sex=SEX)
def test_ideal_weight_unit_round_trip(h: float, sex: str) -> None:
    in_cm = ideal_body_weight(Q_(h, "cm"), sex).magnitude
    in_inches = ideal_body_weight(Q_(h, "cm").to("in"), sex).magnitude
    assert in_inches == pytest.approx(in_cm, rel=1e-9)


@pytest.mark.parametrize(
    ("compute", "en", "fr"),
    [
        (lambda: bmi(Q_(70, "kg"), None), "BMI needs the height.", "IMC nécessite la taille."),
        (
            lambda: ideal_body_weight(None, "female"),
            "Ideal body weight (Devine) needs the height.",
            "Poids idéal (Devine) nécessite la taille.",
        ),
        (
            lambda: adjusted_body_weight(None, Q_(170, "cm"), "female"),
            "Adjusted body weight needs the weight.",
            "Poids ajusté nécessite le poids.",
        ),
    ],
)
def test_a_missing_input_names_the_metric_in_the_readers_language(compute, en, fr) -> None:
    # The French window said "ideal body weight nécessite la taille".
    from desktop.core.messages import render

    with pytest.raises(CalxError) as err:
        compute()
    assert render(err.value.issue, "en") == en and render(err.value.issue, "fr") == fr
