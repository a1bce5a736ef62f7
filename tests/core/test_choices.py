"""One rule for values inside a source's range (desktop.core.choices), for every front end.

Product strengths come from the content (docs/clinical.md §3 and the labels it cites): diltiazem
tablets 30, 60, 90, 120 mg; probenecid tablets 500 mg; minocycline capsules 50, 75, 100 mg (the
review's options are "50 or 100 mg").
"""

from __future__ import annotations

import pytest

from desktop.core.choices import choice_specs, dose_options, resolve
from desktop.core.errors import CalxError, Issue
from desktop.core.regimen import ValueSpec
from tests.core.test_dosing import PRODUCTS, REGIMENS, dose


def _specs(rid: str):
    regimen = REGIMENS[rid]
    return {s.name: s for s in choice_specs(regimen, PRODUCTS.get(regimen.product or ""))}


def test_a_range_without_choice_is_the_documented_default_and_says_so() -> None:
    warnings: list[Issue] = []
    used = resolve("dose", ValueSpec(240, 480), "mg", {}, warnings)
    assert (used.value, used.origin) == (240, "default")
    assert [w.code for w in warnings] == ["range_lower_bound_used"]
    chosen = resolve("dose", ValueSpec(240, 480), "mg", {"dose": 360}, warnings)
    assert (chosen.value, chosen.origin) == (360, "clinician")
    assert resolve("dose", ValueSpec(375, 375), "mg", {}, []).origin == "source"


def test_an_up_to_value_needs_an_explicit_choice() -> None:
    with pytest.raises(CalxError) as err:
        resolve("dose", ValueSpec(None, 500), "mg", {}, [])
    assert err.value.code == "choice_required"
    assert _specs("probenecid-500-tid")["dose"].default is None


def test_dose_choices_are_steps_of_the_products_strengths() -> None:
    diltiazem = REGIMENS["diltiazem-240-480"]
    assert dose_options(diltiazem.dose, PRODUCTS["diltiazem-oral"]) == tuple(
        240.0 + 30 * k for k in range(9)
    )
    assert _specs("probenecid-500-tid")["dose"].options == (500.0,)
    assert _specs("minocycline-cyclic")["dose"].options == (50.0, 100.0)  # the review's options
    with pytest.raises(CalxError) as err:
        dose("diltiazem-240-480", choices={"dose": 247.35})
    assert err.value.code == "choice_not_a_product_step"


def test_schedule_choices_are_whole_units_with_their_default() -> None:
    specs = _specs("minocycline-cyclic")
    assert specs["on"].options == (4.0, 5.0, 6.0, 7.0, 8.0) and specs["on"].default == 4
    assert specs["off"].options == (3.0, 4.0) and specs["off"].default == 3


def test_results_say_which_values_are_defaults() -> None:
    from datetime import date

    from desktop.core.schedule import build_schedule

    untouched = dose("minocycline-cyclic")
    assert untouched.defaults == ("dose",)
    assert "working_dose_default" in [w.code for w in untouched.working]
    assert "working_dose_chosen" not in [w.code for w in untouched.working]
    schedule = build_schedule(REGIMENS["minocycline-cyclic"], date(2025, 3, 3), 12, {"on": 6})
    assert schedule.defaults == ("off",) and schedule.choices == {"on": 6, "off": 3}
