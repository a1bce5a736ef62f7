"""Cockcroft–Gault and CKD-EPI 2021: the public worked examples and hand-checked cases.

By hand (docs/clinical.md §2, `bc -l`):
  CG man 55 y, 90 kg, 1.09 mg/dL: 85 × 90 / (72 × 1.09) = 7650 / 78.48 = 97.4770642 (≈ 97)
  CG woman 65 y, 60 kg, 85 µmol/L (÷ 88.4 = 0.9615385 mg/dL):
     75 × 60 / (72 × 0.9615385) × 0.85 = 55.25 (≈ 55)
  CG same woman, ideal weight (160 cm → 52.3818898 kg): 75 × 52.3818898 / 69.2307692 × 0.85
     = 48.2349902
  CKD-EPI man 55 y, 1.09: 142 × (1.09/0.9)^−1.2 × 0.9938^55 = 80.1515898 (≈ 80)
  CKD-EPI woman 65 y, 0.9615385: 142 × (0.9615385/0.7)^−1.2 × 0.9938^65 × 1.012 = 65.5331462
     (≈ 66)
  CKD-EPI woman 40 y, 0.5 (below κ): 142 × (0.5/0.7)^−0.241 × 0.9938^40 × 1.012 = 121.5193422
  CKD-EPI man 30 y, 0.7 (below κ): 142 × (0.7/0.9)^−0.302 × 0.9938^30 = 127.1217159
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.calculators.ckd_epi_2021 import ckd_epi_2021, ckd_epi_2021_for
from desktop.core.calculators.cockcroft_gault import cockcroft_gault, cockcroft_gault_for
from desktop.core.errors import CalxError
from desktop.core.patient import Patient
from desktop.core.units import Q_


def man() -> Patient:
    return Patient(
        weight=Q_(90, "kg"),
        height=Q_(180, "cm"),
        sex="male",
        age_years=55,
        creatinine=Q_(1.09, "mg/dL"),
    )


def woman() -> Patient:
    return Patient(
        weight=Q_(60, "kg"),
        height=Q_(160, "cm"),
        sex="female",
        age_years=65,
        creatinine=Q_(85, "umol/L"),
    )


def test_cockcroft_gault_worked_example_man() -> None:
    result = cockcroft_gault_for(man())
    assert round(result.magnitude) == 97
    assert result.magnitude == pytest.approx(97.4770642, rel=1e-8)
    assert str(result.value.units) == "milliliter / minute"
    assert result.weight_basis == "actual"
    assert result.weight_used.magnitude == 90


def test_cockcroft_gault_worked_example_woman_in_micromoles() -> None:
    result = cockcroft_gault_for(woman())
    assert round(result.magnitude) == 55
    assert result.magnitude == pytest.approx(55.25, rel=1e-9)
    assert "× 0.85" in result.equation["en"]


def test_cockcroft_gault_states_the_weight_it_used() -> None:
    result = cockcroft_gault_for(woman(), weight_basis="ideal")
    assert result.weight_basis == "ideal"
    assert result.weight_used.magnitude == pytest.approx(52.3818898, rel=1e-8)
    assert result.magnitude == pytest.approx(48.2349902, rel=1e-8)
    assert "(ideal weight (Devine))" in result.working("en")
    assert "(poids idéal (Devine))" in result.working("fr")
    adjusted = cockcroft_gault_for(man(), weight_basis="adjusted")
    # man: IBW 74.9921260; ABW 74.9921260 + 0.4 × 15.0078740 = 80.9952756;
    # 85 × 80.9952756 / 78.48 = 87.7242409
    assert adjusted.weight_used.magnitude == pytest.approx(80.9952756, rel=1e-8)
    assert adjusted.magnitude == pytest.approx(87.7242409, rel=1e-8)
    assert "(actual weight)" in cockcroft_gault_for(man()).working("en")


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"age_years": None}, "needs_age"),
        ({"sex": None}, "needs_sex"),
        ({"creatinine": None}, "needs_creatinine"),
        ({"weight": None}, "needs_weight"),
        ({"height": None, "weight_basis": "ideal"}, "needs_height"),
        ({"weight_basis": "lean"}, "crcl_weight_unknown"),
        ({"creatinine": Q_(30, "mg/dL")}, "creatinine_out_of_range"),
        ({"creatinine": Q_(1, "kg")}, "wrong_unit_kind"),
    ],
)
def test_cockcroft_gault_refuses(changes: dict, code: str) -> None:
    kwargs = {
        "age_years": 55.0,
        "sex": "male",
        "weight": Q_(90, "kg"),
        "creatinine": Q_(1.09, "mg/dL"),
        "height": Q_(180, "cm"),
        **changes,
    }
    with pytest.raises(CalxError) as caught:
        cockcroft_gault(**kwargs)
    assert caught.value.code == code


def test_cockcroft_gault_warns_under_18() -> None:
    result = cockcroft_gault(
        age_years=16, sex="male", weight=Q_(60, "kg"), creatinine=Q_(0.8, "mg/dL")
    )
    assert [w.code for w in result.warnings] == ["crcl_adult_formula"]


def test_ckd_epi_worked_examples() -> None:
    assert round(ckd_epi_2021_for(man()).magnitude) == 80
    assert ckd_epi_2021_for(man()).magnitude == pytest.approx(80.1515898, rel=1e-8)
    assert round(ckd_epi_2021_for(woman()).magnitude) == 66
    assert ckd_epi_2021_for(woman()).magnitude == pytest.approx(65.5331462, rel=1e-8)


@pytest.mark.parametrize(
    ("age", "sex", "scr", "expected"),
    [
        (40, "female", 0.5, 121.5193422),
        (30, "male", 0.7, 127.1217159),
    ],
)
def test_ckd_epi_below_kappa(age: float, sex: str, scr: float, expected: float) -> None:
    result = ckd_epi_2021(age_years=age, sex=sex, creatinine=Q_(scr, "mg/dL"))
    assert result.magnitude == pytest.approx(expected, rel=1e-8)


def test_ckd_epi_shows_its_normalised_unit() -> None:
    result = ckd_epi_2021_for(man())
    assert result.value_text("en") == "80.15 mL/min/1.73 m²"
    assert result.value_text("fr") == "80,15 mL/min/1,73 m²"


def test_ckd_epi_refuses_children() -> None:
    with pytest.raises(CalxError) as caught:
        ckd_epi_2021(age_years=17.9, sex="male", creatinine=Q_(0.8, "mg/dL"))
    assert (caught.value.code, caught.value.field) == ("egfr_adults_only", "age")
    assert ckd_epi_2021(age_years=18, sex="male", creatinine=Q_(0.8, "mg/dL")).magnitude > 0


# ---- properties

AGE = st.floats(min_value=18, max_value=120)
SCR = st.floats(min_value=0.1, max_value=20)
WEIGHT = st.floats(min_value=0.5, max_value=500)
SEX = st.sampled_from(["female", "male"])


@settings(deadline=None)
@given(a1=AGE, a2=AGE, c1=SCR, c2=SCR, w1=WEIGHT, w2=WEIGHT, sex=SEX)
def test_cockcroft_gault_monotonic(
    a1: float, a2: float, c1: float, c2: float, w1: float, w2: float, sex: str
) -> None:
    (al, ah), (cl, ch), (wl, wh) = sorted((a1, a2)), sorted((c1, c2)), sorted((w1, w2))

    def crcl(age: float, scr: float, w: float) -> float:
        return cockcroft_gault(
            age_years=age, sex=sex, weight=Q_(w, "kg"), creatinine=Q_(scr, "mg/dL")
        ).magnitude

    assert crcl(ah, cl, wl) <= crcl(al, cl, wl)  # older → lower
    assert crcl(al, ch, wl) <= crcl(al, cl, wl)  # higher creatinine → lower
    assert crcl(al, cl, wl) <= crcl(al, cl, wh)  # heavier → higher
    assert crcl(ah, ch, wl) > 0


@settings(deadline=None)
@given(age=AGE, scr=SCR, w=WEIGHT)
def test_cockcroft_gault_women_are_085_of_men(age: float, scr: float, w: float) -> None:
    def crcl(sex: str) -> float:
        return cockcroft_gault(
            age_years=age, sex=sex, weight=Q_(w, "kg"), creatinine=Q_(scr, "mg/dL")
        ).magnitude

    assert crcl("female") == pytest.approx(0.85 * crcl("male"), rel=1e-12)


@settings(deadline=None)
@given(a1=AGE, a2=AGE, c1=SCR, c2=SCR, sex=SEX)
def test_ckd_epi_monotonic_and_positive(
    a1: float, a2: float, c1: float, c2: float, sex: str
) -> None:
    (al, ah), (cl, ch) = sorted((a1, a2)), sorted((c1, c2))

    def egfr(age: float, scr: float) -> float:
        return ckd_epi_2021(age_years=age, sex=sex, creatinine=Q_(scr, "mg/dL")).magnitude

    assert 0 < egfr(ah, cl) <= egfr(al, cl)
    assert 0 < egfr(al, ch) <= egfr(al, cl)


@settings(deadline=None)
@given(scr=SCR, age=AGE, sex=SEX)
def test_creatinine_units_round_trip(scr: float, age: float, sex: str) -> None:
    in_mg = ckd_epi_2021(age_years=age, sex=sex, creatinine=Q_(scr, "mg/dL")).magnitude
    in_umol = ckd_epi_2021(age_years=age, sex=sex, creatinine=Q_(scr * 88.4, "umol/L")).magnitude
    assert in_umol == pytest.approx(in_mg, rel=1e-9)
