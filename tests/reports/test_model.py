"""``build_plan``: what a plan holds, and the input it refuses (nothing is half-built)."""

from __future__ import annotations

import pytest
from plan_helpers import PlanMaker

from desktop.core.errors import CalxError
from desktop.reports.model import MAX_CONTACTS, ContactLine


def test_a_plan_holds_the_engine_results_and_the_records(make_plan: PlanMaker) -> None:
    plan = make_plan(["rituximab-375-weekly", "bisphosphonates"])
    ritux, bisph = plan.items
    assert ritux.dose is not None and ritux.dose.calculated.m_as("mg") == pytest.approx(750)
    assert [a.date.isoformat() for a in ritux.schedule.treatment_rows()] == [
        "2025-03-03",
        "2025-03-10",
        "2025-03-17",
        "2025-03-24",
    ]
    assert ritux.product is not None and ritux.product.id == "rituximab-concentrate"
    assert bisph.regimen is None and bisph.dose is None and bisph.schedule is None
    assert bisph.therapy.patient_advice  # advice only
    assert plan.bsa_m2 == 2.0  # Mosteller 80 kg, 180 cm, exactly
    refs = [r.id for r in plan.references]
    assert refs[0] == "daoussis-2012" and len(refs) == len(set(refs))
    assert any("smoke" in s.text.en for s in plan.general_measures)
    assert any("green or yellow" in s.text.en for s in plan.when_to_call)


def test_the_bsa_formula_is_the_clinicians_choice(make_plan: PlanMaker) -> None:
    plan = make_plan(bsa_formula="dubois")
    assert plan.bsa_formula == "dubois"
    assert plan.bsa_m2 == pytest.approx(2.0, abs=0.01)  # docs/clinical.md §2: DuBois ≈ 2.00 m²
    assert plan.bsa_m2 != 2.0


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"lang": "de"}, "unknown_language"),
        ({"prepared_on": None}, "plan_date_required"),
        ({"regimens": []}, "plan_no_treatment"),
        ({"patient_name": ""}, "plan_text_required"),
        ({"patient_name": "x" * 20_000}, "plan_text_too_long"),
        ({"notes": "x" * 20_000}, "plan_text_too_long"),
        ({"contacts": [ContactLine("a")] * (MAX_CONTACTS + 1)}, "plan_too_many_contacts"),
        ({"bsa_formula": "guesswork"}, "bsa_formula_unknown"),
        ({"choices": {"rituximab-375-weekly": {"dose": "a lot"}}}, "plan_choice_not_a_number"),
        ({"choices": {"rituximab-375-weekly": {"dose": 400}}}, "unknown_choice"),  # fixed dose
        (
            {"regimens": ["bisphosphonates"], "choices": {"bisphosphonates": {"dose": 5}}},
            "unknown_choice",
        ),
        ({"regimens": ["minocycline"]}, "plan_therapy_has_regimens"),
        ({"regimens": ["rituximab-1g"]}, "unknown_regimen"),
    ],
)
def test_bad_input_is_refused_with_a_code(make_plan: PlanMaker, kwargs: dict, code: str) -> None:
    kwargs = dict(kwargs)
    regimens = kwargs.pop("regimens", ["rituximab-375-weekly"])
    with pytest.raises(CalxError) as err:
        make_plan(regimens, **kwargs)
    assert err.value.code == code


def test_each_regimen_may_start_on_its_own_day(make_plan: PlanMaker) -> None:
    from datetime import date

    plan = make_plan(
        ["rituximab-375-weekly", "hydrocolloid-dressing-every-3-days"],
        start=date(2025, 3, 3),
        starts={"hydrocolloid-dressing-every-3-days": date(2025, 3, 10)},
    )
    ritux, dressing = plan.items
    assert ritux.schedule.treatment_rows()[0].date == date(2025, 3, 3)
    assert dressing.schedule.treatment_rows()[0].date == date(2025, 3, 10)
    assert plan.start == date(2025, 3, 3)
    earlier = make_plan(
        ["rituximab-375-weekly"],
        start=date(2025, 3, 3),
        starts={"rituximab-375-weekly": date(2025, 2, 24)},
    )
    assert earlier.start == date(2025, 2, 24)
    with pytest.raises(CalxError) as err:
        make_plan(starts={"colchicine-1mg-daily": date(2025, 3, 3)})
    assert err.value.code == "plan_start_unknown_regimen"


def test_closed_days_are_part_of_the_plan_and_of_its_saved_form(make_plan: PlanMaker) -> None:
    # Rituximab weekly from Friday 25 December 2026, France: Christmas Day and New Year's Day.
    import json
    from datetime import date

    from desktop.reports.model import PlanDocument

    when = {"start": date(2026, 12, 25), "prepared_on": date(2026, 12, 1)}
    plan = make_plan(["rituximab-375-weekly"], closed_days_country="fr", **when)
    assert plan.closed_days_country == "FR"
    assert [(c.day, c.reason, c.name) for c in plan.items[0].closed] == [
        (date(2026, 12, 25), "holiday", "Christmas Day"),
        (date(2027, 1, 1), "holiday", "New Year's Day"),
    ]
    assert PlanDocument.from_json(json.loads(json.dumps(plan.to_json()))) == plan
    weekends = make_plan(["rituximab-375-weekly"], closed_days_country="", **when)
    assert weekends.closed_days_country == "" and weekends.items[0].closed == ()  # Fridays
    unchecked = make_plan(["rituximab-375-weekly"], **when)
    assert unchecked.closed_days_country is None and unchecked.items[0].closed == ()
    assert len({plan.plan_id, weekends.plan_id, unchecked.plan_id}) == 3
    with pytest.raises(CalxError) as err:
        make_plan(["rituximab-375-weekly"], closed_days_country="Narnia", **when)
    assert err.value.code == "closed_days_country_unknown"
