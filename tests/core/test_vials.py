"""Vials, concentrate volume and dilution: docs/clinical.md §3 examples and a brute-force check."""

from __future__ import annotations

import itertools
import math
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.errors import CalxError
from desktop.core.messages import render
from desktop.core.regimen import Product, Vial, product_from_dict
from desktop.core.vials import (
    MAX_VIALS,
    check_final_concentration,
    choose_vials,
    concentrate_volume_ml,
    dilution_for,
    stock_dilution,
)

PRODUCTS_FILE = Path(__file__).resolve().parents[2] / "db" / "content" / "_products.toml"
PRODUCTS: dict[str, Product] = {
    p["id"]: product_from_dict(p)
    for p in tomllib.loads(PRODUCTS_FILE.read_text(encoding="utf-8"))["products"]
}
RITUXIMAB = PRODUCTS["rituximab-concentrate"]
INFLIXIMAB = PRODUCTS["infliximab-powder"]


def counts(combination: object) -> list[tuple[float, int]]:
    return [(v.strength_mg, v.count) for v in combination.vials]  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- vial combination


def test_rituximab_681_79_mg_is_one_500_and_two_100_mg_vials() -> None:
    # docs/clinical.md §3: 681.79 mg → 1 × 500 + 2 × 100 (700 mg, 18.21 mg left over).
    c = choose_vials(681.79, RITUXIMAB.vials)
    assert counts(c) == [(500, 1), (100, 2)]
    assert c.total_mg == 700
    assert c.waste_mg == pytest.approx(18.21)
    assert c.count == 3


def test_infliximab_210_mg_is_three_100_mg_vials() -> None:
    c = choose_vials(210, INFLIXIMAB.vials)
    assert counts(c) == [(100, 3)] and c.waste_mg == pytest.approx(90)


@pytest.mark.parametrize(
    ("dose", "expected"),
    [
        (1000, [(500, 2)]),  # no waste either way: fewer vials wins over 10 × 100
        (500, [(500, 1)]),
        (450, [(500, 1)]),  # 50 mg waste either way (5 × 100 too): fewer vials
        (600, [(500, 1), (100, 1)]),
        (100.0001, [(100, 2)]),  # just over one vial: two 100 mg, not a 500 mg
        (90, [(100, 1)]),
        (1400, [(500, 2), (100, 4)]),  # 0 waste; 3 × 500 would waste 100 mg
    ],
)
def test_least_waste_then_fewest_vials(dose: float, expected: list[tuple[int, int]]) -> None:
    assert counts(choose_vials(dose, RITUXIMAB.vials)) == expected


def test_the_search_is_exact_not_greedy() -> None:
    # Greedy (largest first) would open 300 + 200 = 500 mg for 400 mg; two 200 mg vials are exact.
    vials = (Vial(300, 30), Vial(200, 20))
    assert counts(choose_vials(400, vials)) == [(200, 2)]


@pytest.mark.parametrize("dose", [0, -5, float("nan"), float("inf")])
def test_a_dose_that_is_not_positive_is_refused(dose: float) -> None:
    with pytest.raises(CalxError) as err:
        choose_vials(dose, RITUXIMAB.vials)
    assert err.value.code == "dose_not_positive"


def test_a_product_without_vials_and_absurd_doses_are_refused() -> None:
    with pytest.raises(CalxError) as err:
        choose_vials(100, ())
    assert err.value.code == "no_vials"
    with pytest.raises(CalxError) as err:
        choose_vials(100 * MAX_VIALS + 1, INFLIXIMAB.vials)
    assert err.value.code == "dose_needs_too_many_vials"


def brute_force(dose: float, strengths: list[int]) -> tuple[float, int]:
    """Least (waste, count) over every count up to 2 × what alone covers the dose."""
    best: tuple[float, int] | None = None
    ranges = [range(2 * math.ceil(dose / s) + 2) for s in strengths]
    for combo in itertools.product(*ranges):
        total = sum(c * s for c, s in zip(combo, strengths, strict=True))
        if total + 1e-9 < dose:
            continue
        key = (round(total - dose, 6), sum(combo))
        if best is None or key < best:
            best = key
    assert best is not None
    return best


@settings(max_examples=200, deadline=None)
@given(
    st.floats(0.5, 1500, allow_nan=False),
    st.lists(
        st.sampled_from([20, 50, 100, 150, 200, 400, 500]), min_size=1, max_size=3, unique=True
    ),
)
def test_the_combination_covers_the_dose_with_minimal_waste_then_count(
    dose: float, strengths: list[int]
) -> None:
    vials = tuple(Vial(s, s / 10) for s in strengths)
    if math.ceil(dose / min(strengths)) > MAX_VIALS:
        return
    c = choose_vials(dose, vials)
    assert c.total_mg + 1e-6 >= dose
    assert c.total_mg == sum(v.strength_mg * v.count for v in c.vials)
    assert (round(c.waste_mg, 6), c.count) == brute_force(dose, strengths)


# --------------------------------------------------------------------------- volume and dilution


def test_volume_of_concentrate_is_dose_over_concentration() -> None:
    assert concentrate_volume_ml(680, 10) == pytest.approx(68)
    assert concentrate_volume_ml(210, 10) == pytest.approx(21)


def test_infliximab_210_mg_in_250_ml_is_inside_the_label() -> None:
    d = dilution_for(210, INFLIXIMAB)
    assert d is not None
    assert d.final_volume_ml == 250
    assert d.final_concentration_mg_ml == pytest.approx(0.84)
    assert d.warnings == ()


@pytest.mark.parametrize("dose", [90, 99.99, 40])
def test_infliximab_under_100_mg_cannot_reach_0_4_mg_per_ml_in_250_ml(dose: float) -> None:
    d = dilution_for(dose, INFLIXIMAB)
    assert d is not None
    (w,) = d.warnings
    assert w.code == "final_concentration_below_label"
    assert w.params["min_dose"] == 100 and w.params["min"] == 0.4
    assert "100 mg" in render(w, "en") and "0,4 mg/mL" in render(w, "fr")


@pytest.mark.parametrize(
    ("dose", "code"), [(100, None), (1000, None), (1010, "final_concentration_above_label")]
)
def test_infliximab_label_bounds(dose: float, code: str | None) -> None:
    d = dilution_for(dose, INFLIXIMAB)
    assert d is not None
    assert [w.code for w in d.warnings] == ([code] if code else [])


def test_rituximab_680_mg_gives_the_volume_range_for_1_to_4_mg_per_ml() -> None:
    d = dilution_for(680, RITUXIMAB)
    assert d is not None and d.final_volume_ml is None
    assert d.total_volume_range_ml == pytest.approx((170, 680))  # 680 ÷ 4, 680 ÷ 1
    assert d.diluent_range_ml == pytest.approx((102, 612))  # minus 68 mL of concentrate


def test_a_chosen_bag_volume_is_checked_against_the_label() -> None:
    conc, issues = check_final_concentration(680, 250, RITUXIMAB)
    assert conc == pytest.approx(2.72) and issues == ()
    conc, issues = check_final_concentration(680, 100, RITUXIMAB)
    assert conc == pytest.approx(6.8)
    assert [i.code for i in issues] == ["final_concentration_above_label"]
    with pytest.raises(CalxError):
        check_final_concentration(680, 0, RITUXIMAB)


def test_oral_products_are_not_diluted() -> None:
    assert dilution_for(100, PRODUCTS["minocycline-capsules"]) is None


# --------------------------------------------------------------------------- stock dilution


def test_triamcinolone_20_mg_per_ml_is_a_1_to_1_dilution_of_40_and_impossible_from_10() -> None:
    # docs/clinical.md §3.
    assert stock_dilution(20, 40) == (1, 1)
    assert stock_dilution(20, 10) is None
    assert stock_dilution(10, 40) == (1, 3)
    assert stock_dilution(40, 40) == (1, 0)
