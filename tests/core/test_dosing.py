"""Doses of every regimen of the content, worked by hand from docs/clinical.md and the review.

Worked examples:
- rituximab 375 mg/m², 70 kg, 170 cm: Mosteller BSA = √(170 × 70 / 3600) = √3.30556 = 1.818119 m²;
  375 × 1.818119 = 681.79 mg → rounded to 680 mg (nearest 10 mg, −0.26 %); vials 1 × 500 + 2 × 100
  mg (docs/clinical.md §3); 68 mL of the 10 mg/mL concentrate; 1–4 mg/mL → 170–680 mL in total.
- infliximab 3 mg/kg × 70 kg = 210 mg → 3 × 100 mg vials, 21 mL, 210/250 = 0.84 mg/mL.
"""

from __future__ import annotations

import math
import string
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.dosing import BAND_BIOLOGICAL_PERCENT, RENAL_CAUTION_CRCL_ML_MIN, compute_dose
from desktop.core.errors import CalxError, Issue
from desktop.core.messages import localized, render
from desktop.core.patient import Patient
from desktop.core.regimen import Product, Regimen, product_from_dict, regimen_from_dict
from desktop.core.words import CATALOGUE, MESSAGE_CODES

CONTENT = Path(__file__).resolve().parents[2] / "db" / "content"


def _load() -> tuple[dict[str, Regimen], dict[str, Product]]:
    regimens: dict[str, Regimen] = {}
    for path in sorted(CONTENT.glob("*.toml")):
        if path.name.startswith("_"):
            continue
        record = tomllib.loads(path.read_text(encoding="utf-8"))
        for r in record.get("regimens", ()):
            regimens[r["id"]] = regimen_from_dict(r, record["id"])
    products = {
        p["id"]: product_from_dict(p)
        for p in tomllib.loads((CONTENT / "_products.toml").read_text(encoding="utf-8"))["products"]
    }
    return regimens, products


REGIMENS, PRODUCTS = _load()


def dose(
    rid: str,
    weight: str = "70 kg",
    height: str | None = "170 cm",
    choices: dict[str, float] | None = None,
    **kw: Any,
) -> Any:
    r = REGIMENS[rid]
    patient, _ = Patient.from_inputs(
        weight,
        height,
        sex=kw.pop("sex", None),
        age=kw.pop("age", None),
        creatinine=kw.pop("creatinine", None),
    )
    return compute_dose(r, patient, PRODUCTS.get(r.product or ""), choices, **kw)


def mg(q: Any) -> float:
    return float(q.m_as("mg"))


def words(issues: tuple[Issue, ...], lang: str = "en") -> list[str]:
    return [render(i, lang) for i in issues]


def codes(issues: tuple[Issue, ...]) -> list[str]:
    return [i.code for i in issues]


# --------------------------------------------------------------------------- worked examples


def test_rituximab_375_mg_per_m2_worked_example() -> None:
    r = dose("rituximab-375-weekly")
    bsa = math.sqrt(170 * 70 / 3600)
    assert bsa == pytest.approx(1.818119, abs=1e-6)
    assert r.basis == "per_m2"
    assert mg(r.calculated) == pytest.approx(375 * bsa) == pytest.approx(681.79, abs=0.005)
    assert mg(r.rounded) == 680
    assert r.deviation_percent == pytest.approx((680 - 681.7945) / 681.7945 * 100, abs=1e-3)
    assert r.deviation_percent == pytest.approx(-0.26, abs=0.005)
    assert [(v.strength_mg, v.count) for v in r.vials.vials] == [(500, 1), (100, 2)]
    assert float(r.volume.m_as("mL")) == pytest.approx(68)
    assert r.dilution.total_volume_range_ml == pytest.approx((170, 680))
    assert mg(r.course_total) == 4 * 680 and r.course_doses == 4
    bsa_input = next(i for i in r.inputs if i.name == "bsa")
    assert bsa_input.method == "mosteller"
    assert float(bsa_input.value.m_as("m²")) == pytest.approx(bsa)
    assert r.warnings == ()


def test_rituximab_working_reads_like_the_hand_calculation() -> None:
    r = dose("rituximab-375-weekly")
    en = words(r.working)
    assert en[0].startswith("BSA (Mosteller) = √(170 cm × 70 kg / 3600) = 1.82 m²")
    assert en[1] == "375 mg/m² × 1.8181 m² = 681.79 mg"
    assert en[2].startswith("Rounded to 680 mg (-0.26% from 681.79 mg)")
    assert "Calx convention: nearest 10 mg" in en[2]
    assert any(line.startswith("Vials: 1 × 500 mg + 2 × 100 mg") for line in en)
    assert "680 mg ÷ 10 mg/mL = 68 mL of concentrate" in en
    fr = words(r.working, "fr")
    assert fr[1] == "375 mg/m² × 1,8181 m² = 681,79 mg"
    assert fr[2].startswith("Arrondie à 680 mg (-0,26 % par rapport à 681,79 mg)")


def test_infliximab_3_mg_per_kg_worked_example() -> None:
    r = dose("infliximab-3-mg-kg", height=None)
    assert (r.basis, mg(r.calculated), mg(r.rounded)) == ("per_kg", 210, 210)
    assert [(v.strength_mg, v.count) for v in r.vials.vials] == [(100, 3)]
    assert r.vials.total_mg == 300
    assert float(r.volume.m_as("mL")) == pytest.approx(21)
    assert r.dilution.final_concentration_mg_ml == pytest.approx(0.84)
    assert r.warnings == ()
    assert "3 mg/kg × 70 kg = 210 mg" in words(r.working)


def test_infliximab_under_100_mg_is_flagged() -> None:
    r = dose("infliximab-3-mg-kg", weight="30 kg", height=None)  # 90 mg
    assert mg(r.calculated) == 90
    assert "final_concentration_below_label" in codes(r.warnings)
    r = dose("infliximab-3-mg-kg", weight="29 kg", height=None)  # 87 mg
    # Under the adult soft limit of 30 kg (docs/clinical.md §4): shown next to the dose too.
    assert codes(r.warnings) == ["weight_unusual", "final_concentration_below_label"]


def test_rituximab_1_g_fixed() -> None:
    r = dose("rituximab-1g-x2")
    assert (r.basis, r.unit, float(r.calculated.m_as("g"))) == ("fixed", "g", 1)
    assert mg(r.rounded) == 1000 and r.deviation_percent == 0
    assert "working_rounding_not_needed" in codes(r.working)
    assert [(v.strength_mg, v.count) for v in r.vials.vials] == [(500, 2)]
    assert float(r.volume.m_as("mL")) == 100
    assert mg(r.course_total) == 2000


def test_dosing_does_not_depend_on_the_patient_for_fixed_doses() -> None:
    light, heavy = dose("rituximab-1g-x2", weight="40 kg"), dose("rituximab-1g-x2", weight="120 kg")
    assert light.calculated == heavy.calculated


# --------------------------------------------------------------------------- every other regimen


def test_aluminium_hydroxide_30_ml_four_times_daily_with_its_renal_caution() -> None:
    r = dose("aluminium-hydroxide-30ml-qid")
    assert (float(r.calculated.m_as("mL")), float(r.daily.m_as("mL"))) == (30, 120)
    assert r.times_per_day == 4 and r.rounded is None and r.vials is None
    assert "renal_caution" in codes(r.warnings)
    assert "renal impairment" in render(r.warnings[-1], "en")
    assert "insuffisance rénale" in render(r.warnings[-1], "fr")
    assert "working_crcl_unavailable" in codes(r.working)
    assert "30 mL × 4 a day = 120 mL daily" in words(r.working)


def test_renal_caution_is_stronger_when_the_clearance_is_low() -> None:
    # docs/clinical.md §2: 65-year-old woman, 60 kg, 85 µmol/L → Cockcroft–Gault ≈ 55 mL/min.
    r = dose(
        "aluminium-hydroxide-30ml-qid",
        weight="60 kg",
        height="165 cm",
        sex="female",
        age="65",
        creatinine="85 µmol/L",
    )
    low = next(w for w in r.warnings if w.code == "renal_caution_low_clearance")
    assert low.params["crcl"] == 55 and low.params["threshold"] == RENAL_CAUTION_CRCL_ML_MIN
    assert "Calx's own threshold" in render(low, "en")
    assert "seuil propre à Calx" in render(low, "fr")
    crcl = next(i for i in r.inputs if i.name == "crcl")
    assert float(crcl.value.m_as("mL/min")) == pytest.approx(55, abs=1)


def test_renal_caution_without_the_stronger_warning_when_the_clearance_is_normal() -> None:
    # docs/clinical.md §2: 55-year-old man, 90 kg, 1.09 mg/dL → ≈ 97 mL/min.
    r = dose(
        "aluminium-hydroxide-30ml-qid",
        weight="90 kg",
        height="180 cm",
        sex="male",
        age="55",
        creatinine="1.09 mg/dL",
    )
    assert "renal_caution" in codes(r.warnings)
    assert "renal_caution_low_clearance" not in codes(r.warnings)
    assert any("= 97 mL/min" in line for line in words(r.working))


def test_regimens_without_renal_caution_never_warn_about_the_kidneys() -> None:
    r = dose("rituximab-375-weekly", sex="female", age="65", creatinine="85 µmol/L")
    assert not [c for c in codes(r.warnings) if c.startswith("renal")]


def test_diltiazem_range_uses_the_lower_bound_without_a_choice() -> None:
    r = dose("diltiazem-240-480")
    assert mg(r.calculated) == 240 and mg(r.daily) == 240 and r.per == "day"
    (w,) = r.warnings
    assert (w.code, w.params["value"], w.params["min"], w.params["max"]) == (
        "range_lower_bound_used",
        240,
        240,
        480,
    )
    assert "240–480 mg" in render(w, "en") and "240 à 480 mg" in render(w, "fr")
    assert r.prescribed_range is not None and r.choices == {"dose": 240}


def test_diltiazem_choice_inside_the_range() -> None:
    r = dose("diltiazem-240-480", choices={"dose": 360})
    assert mg(r.calculated) == 360 and r.warnings == ()
    assert "working_dose_chosen" in codes(r.working)


@pytest.mark.parametrize("value", [239.9, 481, 0, -240, float("nan"), float("inf")])
def test_diltiazem_choice_outside_the_range_is_refused(value: float) -> None:
    with pytest.raises(CalxError) as err:
        dose("diltiazem-240-480", choices={"dose": value})
    e = err.value
    assert (e.code, e.field, e.params["min"], e.params["max"]) == (
        "choice_out_of_range",
        "dose",
        240,
        480,
    )
    assert e.params["unit"] == localized(en="mg", fr="mg")
    assert e.params["range"] == localized(en="240–480", fr="240 à 480")


def test_diltiazem_180_and_colchicine_and_warfarin_fixed_daily_doses() -> None:
    assert mg(dose("diltiazem-180").daily) == 180
    assert mg(dose("colchicine-1mg-daily").calculated) == 1
    w = dose("warfarin-1mg-daily")
    assert mg(w.calculated) == 1
    assert w.course_total is None  # 18 calendar months: the total depends on the dates


def test_ceftriaxone_2_g_daily_for_20_days() -> None:
    r = dose("ceftriaxone-2g-20-days")
    assert float(r.calculated.m_as("g")) == 2 and r.per == "day"
    assert float(r.course_total.m_as("g")) == 40 and r.course_doses == 20
    assert "Course: 20 days × 2 g daily = 40 g" in words(r.working)


@pytest.mark.parametrize("rid", ["minocycline-cyclic", "minocycline-daily"])
def test_minocycline_50_or_100_mg(rid: str) -> None:
    r = dose(rid)
    assert mg(r.calculated) == 50
    assert codes(r.warnings) == ["range_lower_bound_used"]
    assert "50 or 100 mg" in render(r.warnings[0], "en")
    assert mg(dose(rid, choices={"dose": 100}).calculated) == 100
    with pytest.raises(CalxError) as err:
        dose(rid, choices={"dose": 75})  # inside 50–100 but not one of the options
    assert err.value.code == "choice_not_an_option"
    assert "50 ou 100" in render(err.value.issue, "fr")


def test_probenecid_up_to_500_mg_three_times_daily_needs_a_choice() -> None:
    with pytest.raises(CalxError) as err:
        dose("probenecid-500-tid")
    assert (err.value.code, err.value.field, err.value.params["max"]) == (
        "choice_required",
        "dose",
        500,
    )
    r = dose("probenecid-500-tid", choices={"dose": 500})
    assert (mg(r.calculated), mg(r.daily), r.times_per_day) == (500, 1500, 3)
    assert r.defaults == () and "working_dose_chosen" in codes(r.working)
    with pytest.raises(CalxError) as err:
        dose("probenecid-500-tid", choices={"dose": 250})  # no 250 mg tablet (label: 500 mg)
    assert err.value.code == "choice_not_a_product_step"
    with pytest.raises(CalxError) as err:
        dose("probenecid-500-tid", choices={"dose": 600})
    assert err.value.code == "choice_out_of_range"
    assert "(up to 500 mg)" in render(err.value.issue, "en")
    assert "(jusqu'à 500 mg)" in render(err.value.issue, "fr")


def test_triamcinolone_has_no_dose_but_its_concentration_and_the_20_mg_per_ml_fact() -> None:
    r = dose("triamcinolone-intralesional-4-8-weeks")
    assert not r.has_dose and r.calculated is None and r.rounded is None
    assert codes(r.working)[0] == "no_dose_in_review"
    assert float(r.concentration.m_as("mg/mL")) == 20
    note = next(w for w in r.working if w.code == "product_note")
    assert "1:1 dilution of the 40 mg/mL" in render(note, "en")
    assert "10 mg/mL" in render(note, "en")


@pytest.mark.parametrize(
    "rid", ["co2-laser-single-session", "eswl-3-sessions", "hydrocolloid-dressing-every-3-days"]
)
def test_procedures_and_dressings_have_no_dose(rid: str) -> None:
    r = dose(rid)
    assert not r.has_dose and r.basis is None
    assert "no dose given in the review" in words(r.working)[0].lower()


# --------------------------------------------------------------------------- rounding bands


def test_rounding_is_half_up_and_a_large_deviation_is_flagged() -> None:
    r = dose("infliximab-3-mg-kg", weight="5 kg", height=None)  # 15 mg → 20 mg (+33 %)
    assert mg(r.calculated) == 15 and mg(r.rounded) == 20
    band = next(w for w in r.warnings if w.code == "rounding_deviation_above_band")
    assert band.params["band"] == BAND_BIOLOGICAL_PERCENT == 10
    assert "+33.33%" in render(band, "en")


def test_a_dose_below_half_a_step_is_never_rounded_to_zero() -> None:
    r = dose("infliximab-3-mg-kg", weight="1 kg", height=None)  # 3 mg
    assert mg(r.calculated) == 3 and r.rounded is None
    assert "dose_below_rounding_step" in codes(r.warnings)
    assert mg(r.given) == 3


# --------------------------------------------------------------------------- refusals and options


def test_a_per_m2_dose_needs_the_height() -> None:
    with pytest.raises(CalxError) as err:
        dose("rituximab-375-weekly", height=None)
    assert (err.value.code, err.value.field) == ("height_required", "height")


def test_an_unknown_choice_or_formula_or_product_is_refused() -> None:
    with pytest.raises(CalxError) as err:
        dose("rituximab-375-weekly", choices={"dose": 400})  # a fixed dose is not a choice
    assert err.value.code == "unknown_choice"
    with pytest.raises(CalxError) as err:
        dose("rituximab-375-weekly", bsa_formula="guess")
    assert err.value.code == "bsa_formula_unknown"
    patient, _ = Patient.from_inputs("70 kg", "170 cm")
    with pytest.raises(CalxError) as err:
        compute_dose(REGIMENS["rituximab-375-weekly"], patient, PRODUCTS["infliximab-powder"])
    assert err.value.code == "product_mismatch"


@pytest.mark.parametrize(
    ("formula", "bsa"),
    [
        ("dubois", 0.007184 * 70**0.425 * 170**0.725),
        ("haycock", 0.024265 * 70**0.5378 * 170**0.3964),
        ("gehan-george", 0.0235 * 70**0.51456 * 170**0.42246),
        ("boyd", 0.0003207 * 170**0.3 * 70000 ** (0.7285 - 0.0188 * math.log10(70000))),
    ],
)
def test_other_bsa_formulas(formula: str, bsa: float) -> None:
    r = dose("rituximab-375-weekly", bsa_formula=formula)
    assert mg(r.calculated) == pytest.approx(375 * bsa)
    assert codes(r.working)[0] == f"working_bsa_{formula.replace('-', '_')}"
    first = render(r.working[0], "en")
    assert f"= {round(bsa, 2):g} m²" in first and "{" not in first + render(r.working[0], "fr")


def test_an_implausible_bmi_is_flagged_next_to_the_dose() -> None:
    # 180 "kg" at 170 cm: BMI 62, above the soft limit of 60 (docs/clinical.md §4), the sign of
    # pounds typed as kilograms. The dose is still computed, and the warning goes with it.
    r = dose("rituximab-375-weekly", weight="180 kg")
    assert "bmi_implausible" in codes(r.warnings)
    assert r.has_dose


def test_the_calculated_dose_is_kept_unrounded_next_to_the_rounded_one() -> None:
    r = dose("rituximab-375-weekly", weight="71.3 kg", height="166.5 cm")
    expected = 375 * math.sqrt(166.5 * 71.3 / 3600)
    assert mg(r.calculated) == pytest.approx(expected, rel=1e-12)
    assert abs(mg(r.rounded) - expected) <= 5


# --------------------------------------------------------------------------- words


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


@pytest.mark.parametrize("rid", sorted(REGIMENS))
def test_every_step_and_warning_renders_in_both_languages(rid: str) -> None:
    choices = {"dose": 500} if rid == "probenecid-500-tid" else None
    r = dose(rid, choices=choices, sex="female", age="65", creatinine="85 µmol/L")
    for issue in (*r.working, *r.warnings):
        assert issue.code in MESSAGE_CODES, issue.code
        for lang in ("en", "fr"):
            missing = {f.split(".")[0].split("[")[0] for f in _fields(CATALOGUE[issue.code][lang])}
            assert missing <= set(issue.params), (issue.code, missing - set(issue.params))
            text = render(issue, lang)
            assert "{" not in text and text.strip()
    fr = " ".join(words(r.working, "fr"))
    assert " mg/m² × 1.8" not in fr  # French never shows a decimal point in a number


# --------------------------------------------------------------------------- properties


@settings(max_examples=80, deadline=None)
@given(st.floats(1, 250), st.floats(1, 250))
def test_per_kg_dose_is_monotonic_in_weight(w1: float, w2: float) -> None:
    light, heavy = sorted((w1, w2))
    a = dose("infliximab-3-mg-kg", weight=f"{light} kg", height=None)
    b = dose("infliximab-3-mg-kg", weight=f"{heavy} kg", height=None)
    assert mg(a.calculated) <= mg(b.calculated)
    assert mg(b.calculated) == pytest.approx(3 * float(b.inputs[0].value.m_as("kg")))


@settings(max_examples=80, deadline=None)
@given(st.floats(20, 200), st.floats(20, 200), st.floats(130, 210), st.floats(130, 210))
def test_per_m2_dose_is_monotonic_in_weight_and_height(
    w1: float, w2: float, h1: float, h2: float
) -> None:
    (wl, wh), (hl, hh) = sorted((w1, w2)), sorted((h1, h2))
    small = dose("rituximab-375-weekly", weight=f"{wl} kg", height=f"{hl} cm")
    large = dose("rituximab-375-weekly", weight=f"{wh} kg", height=f"{hh} cm")
    assert mg(small.calculated) <= mg(large.calculated)
    for r in (small, large):
        assert abs(mg(r.rounded) - mg(r.calculated)) <= 5 + 1e-9
        assert r.vials.total_mg >= mg(r.rounded)


@settings(max_examples=80, deadline=None)
@given(st.floats(allow_nan=True, allow_infinity=True).filter(lambda x: not (240 <= x <= 480)))
def test_dose_choices_outside_the_range_are_always_refused(value: float) -> None:
    with pytest.raises(CalxError) as err:
        dose("diltiazem-240-480", choices={"dose": value})
    assert err.value.code == "choice_out_of_range"
