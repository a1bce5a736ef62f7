"""Body-surface area: the public worked example and hand-checked cases for every formula.

Expected values were computed by hand from the pinned equations of docs/clinical.md §2 with `bc -l`
(scale 12), never by calling Calx:
  Mosteller      sqrt(H*W/3600)
  DuBois         0.007184*e(0.425*l(W))*e(0.725*l(H))
  Haycock        0.024265*e(0.5378*l(W))*e(0.3964*l(H))
  Gehan-George   0.0235*e(0.51456*l(W))*e(0.42246*l(H))
  Boyd           0.0003207*e(0.3*l(H))*e((0.7285-0.0188*l(G)/l(10))*l(G)), G = 1000*W (grams)
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.calculators.bsa import (
    BSA_FORMULAS,
    bsa,
    bsa_all,
    bsa_calculation,
    bsa_mosteller,
)
from desktop.core.errors import CalxError
from desktop.core.units import Q_

HAND = {
    (80, 180): {
        "mosteller": 2.000000000000,
        "dubois": 1.996421022247,
        "haycock": 2.006559820607,
        "gehan-george": 2.009482685461,
        "boyd": 2.007355480597,
    },
    (60, 160): {
        "mosteller": 1.632993161855,
        "dubois": 1.622062531419,
        "haycock": 1.640526307883,
        "gehan-george": 1.648868030049,
        "boyd": 1.655771596610,
    },
    (100, 150): {
        "mosteller": 2.041241452319,
        "dubois": 1.923235587067,
        "haycock": 2.104664475728,
        "gehan-george": 2.086889123380,
        "boyd": 2.144995263287,
    },
}


def test_mosteller_worked_example_is_exactly_two() -> None:
    # docs/clinical.md §2: 80 kg, 180 cm → √(180 × 80 / 3600) = √4 = 2.00 m² exactly
    result = bsa(Q_(80, "kg"), Q_(180, "cm"))
    assert result.magnitude == 2.0
    assert str(result.units) == "meter ** 2"


def test_dubois_worked_example_is_about_two() -> None:
    assert bsa(Q_(80, "kg"), Q_(180, "cm"), "dubois").magnitude == pytest.approx(2.00, abs=0.005)


@pytest.mark.parametrize(
    ("weight", "height", "formula"), [(w, h, f) for (w, h), values in HAND.items() for f in values]
)
def test_hand_checked_values(weight: float, height: float, formula: str) -> None:
    expected = HAND[(weight, height)][formula]
    assert bsa(Q_(weight, "kg"), Q_(height, "cm"), formula).magnitude == pytest.approx(
        expected, rel=1e-9
    )


def test_boyd_uses_grams() -> None:
    # With kilograms in Boyd's equation the result would be about 0.05 m², not 2.
    assert bsa(Q_(80, "kg"), Q_(180, "cm"), "boyd").magnitude == pytest.approx(2.0073555, rel=1e-7)


def test_dubois_uses_the_centimetre_form() -> None:
    # The metre form 0.20247 × H(m)^0.725 × W^0.425 is the same equation rounded differently:
    # the pinned 0.007184 form must be used (docs/clinical.md §2).
    metre_form = 0.20247 * 1.8**0.725 * 80**0.425
    pinned = bsa(Q_(80, "kg"), Q_(180, "cm"), "dubois").magnitude
    assert pinned == pytest.approx(1.996421022247, rel=1e-9)
    assert pinned != metre_form


def test_inputs_in_pounds_and_inches_are_converted_first() -> None:
    # 176.37 lb = 80 kg, 70.866 in = 180 cm → 2.00 m² (never the √(in × lb / 3131) shortcut)
    result = bsa(Q_(80 / 0.45359237, "lb"), Q_(180 / 2.54, "in"))
    assert result.magnitude == pytest.approx(2.0, rel=1e-12)


def test_bsa_all_in_display_order_mosteller_first() -> None:
    values = bsa_all(Q_(60, "kg"), Q_(160, "cm"))
    assert list(values) == ["mosteller", "dubois", "haycock", "gehan-george", "boyd"]
    for key, q in values.items():
        assert q.magnitude == pytest.approx(HAND[(60, 160)][key], rel=1e-9)


def test_every_formula_has_a_citation() -> None:
    assert set(BSA_FORMULAS) == {"mosteller", "dubois", "haycock", "gehan-george", "boyd"}
    assert "N Engl J Med 1987" in BSA_FORMULAS["mosteller"].citation
    assert "1916" in BSA_FORMULAS["dubois"].citation
    assert "J Pediatr 1978" in BSA_FORMULAS["haycock"].citation
    assert "Cancer Chemother Rep 1970" in BSA_FORMULAS["gehan-george"].citation
    assert "Boyd" in BSA_FORMULAS["boyd"].citation


def test_calculation_shows_the_working() -> None:
    calc = bsa_calculation(Q_(80, "kg"), Q_(180, "cm"))
    assert calc.magnitude == 2.0
    assert calc.working("en") == "Mosteller: √(H × W / 3600); W = 80 kg; H = 180 cm → 2 m²"
    assert calc.working("fr").startswith("Mosteller : ")


def test_unknown_formula_and_aliases() -> None:
    assert bsa(Q_(80, "kg"), Q_(180, "cm"), "Gehan_George").magnitude == pytest.approx(2.0094827)
    with pytest.raises(CalxError) as caught:
        bsa(Q_(80, "kg"), Q_(180, "cm"), "meeh")
    assert caught.value.code == "bsa_formula_unknown"


def test_refuses_bare_numbers_wrong_units_and_out_of_range() -> None:
    with pytest.raises(TypeError):
        bsa(80, 180)  # type: ignore[arg-type]
    with pytest.raises(CalxError) as caught:
        bsa(Q_(180, "cm"), Q_(80, "kg"))
    assert caught.value.code == "wrong_unit_kind"
    with pytest.raises(CalxError) as caught:
        bsa(Q_(800, "kg"), Q_(180, "cm"))
    assert caught.value.code == "weight_out_of_range"


# ---- properties

WEIGHT = st.floats(min_value=0.5, max_value=500)
HEIGHT = st.floats(min_value=30, max_value=260)
FORMULA = st.sampled_from(list(BSA_FORMULAS))


@settings(deadline=None)
@given(w1=WEIGHT, w2=WEIGHT, h=HEIGHT, formula=FORMULA)
def test_monotonic_in_weight(w1: float, w2: float, h: float, formula: str) -> None:
    low, high = sorted((w1, w2))
    assert bsa(Q_(low, "kg"), Q_(h, "cm"), formula) <= bsa(Q_(high, "kg"), Q_(h, "cm"), formula)


@settings(deadline=None)
@given(w=WEIGHT, h1=HEIGHT, h2=HEIGHT, formula=FORMULA)
def test_monotonic_in_height(w: float, h1: float, h2: float, formula: str) -> None:
    low, high = sorted((h1, h2))
    assert bsa(Q_(w, "kg"), Q_(low, "cm"), formula) <= bsa(Q_(w, "kg"), Q_(high, "cm"), formula)


@settings(deadline=None)
@given(w=WEIGHT, h=HEIGHT)
def test_positive_and_never_rounded(w: float, h: float) -> None:
    values = bsa_all(Q_(w, "kg"), Q_(h, "cm"))
    assert all(q.magnitude > 0 for q in values.values())
    assert values["mosteller"].magnitude == bsa_mosteller(w, h)  # the bare arithmetic, unrounded


@settings(deadline=None)
@given(w=WEIGHT, h=HEIGHT)
def test_unit_round_trip(w: float, h: float) -> None:
    in_kg_cm = bsa(Q_(w, "kg"), Q_(h, "cm")).magnitude
    in_lb_in = bsa(Q_(w, "kg").to("lb"), Q_(h, "cm").to("in")).magnitude
    assert in_lb_in == pytest.approx(in_kg_cm, rel=1e-12)
    assert in_kg_cm == pytest.approx(bsa_mosteller(w, h), rel=1e-15)


def test_a_missing_height_is_named() -> None:
    with pytest.raises(CalxError) as caught:
        bsa(Q_(70, "kg"), None)
    assert (caught.value.code, caught.value.field) == ("needs_height", "height")
