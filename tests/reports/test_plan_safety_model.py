"""The plan check inside the plan document: alerts, overrides, renal estimates and patient
instructions are saved and reopened exactly; an older saved plan (snapshot 1) still opens; the
weight of the patient's last saved plan is found for the weight check."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from desktop.core.errors import CalxError
from desktop.core.patient import CurrentMedication, Patient
from desktop.core.units import Q_
from desktop.data.userdb import UserDB
from desktop.reports.model import PlanDocument, previous_weight_kg


def renal_patient(**kw) -> Patient:  # type: ignore[no-untyped-def]
    return Patient(
        weight=Q_(70, "kg"),
        height=Q_(175, "cm"),
        sex="male",
        age_years=80,
        creatinine=Q_(3.3, "mg/dL"),
        **kw,
    )


def test_alerts_and_overrides_survive_saving(make_plan, user_data) -> None:  # type: ignore[no-untyped-def]
    meds = (CurrentMedication("Zeclar", "clarithromycin"), CurrentMedication("herbal tea"))
    patient = renal_patient(medications=meds, pregnant="no")
    plan = make_plan(["colchicine-1mg-daily"], patient=patient)
    codes = [a.code for a in plan.unresolved]
    assert codes and all(a.severity == "contraindicated" for a in plan.unresolved)
    plan = make_plan(
        ["colchicine-1mg-daily"], patient=patient, overrides={c: "team decision" for c in codes}
    )
    assert plan.unresolved == ()
    assert [e.name for e in plan.renal_estimates] == ["crcl-actual", "egfr-ckd-epi-2021"]
    again = PlanDocument.from_json(plan.to_json())
    assert again == plan
    assert again.patient.medications == meds
    with UserDB.open() as userdb:
        userdb.save_plan(plan, saved_at=datetime(2025, 3, 1, tzinfo=UTC))
        assert previous_weight_kg(userdb, "  zoë   MARTIN ") == pytest.approx(70)
        assert previous_weight_kg(userdb, "someone else") is None


def test_an_override_for_a_code_that_is_not_a_contraindication_is_refused(make_plan) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(CalxError) as refused:
        make_plan(
            ["colchicine-1mg-daily"], patient=renal_patient(), overrides={"colchicine-typo": "x"}
        )
    assert refused.value.code == "override_not_needed"
    code = make_plan(["colchicine-1mg-daily"], patient=renal_patient()).unresolved[0].code
    with pytest.raises(CalxError) as empty:
        make_plan(["colchicine-1mg-daily"], patient=renal_patient(), overrides={code: "  "})
    assert empty.value.code == "plan_text_required"


def test_a_version_1_saved_plan_still_opens(make_plan) -> None:  # type: ignore[no-untyped-def]
    document = make_plan(["minocycline-daily"]).to_json()
    document["snapshot_version"] = 1
    plan = document["plan"]
    for key in ("alerts", "overrides", "renal_estimates", "other_instructions", "medication_names"):
        plan.pop(key)
    for key in ("pregnant", "breastfeeding", "medications"):
        plan["patient"].pop(key)
    for item in plan["items"]["$tuple"]:
        item.pop("patient_instructions")
    old = PlanDocument.from_json(document)
    assert old.alerts == () and old.patient.pregnant == "unknown"


def test_the_same_medication_twice_and_patient_instructions(make_plan) -> None:  # type: ignore[no-untyped-def]
    plan = make_plan(["minocycline-daily", "minocycline-cyclic", "aluminium-hydroxide-30ml-qid"])
    assert "same-medication-minocycline" in [a.code for a in plan.alerts]
    items = {i.regimen_id: i for i in plan.items}
    # instructions once per medication, on its first regimen
    assert items["minocycline-daily"].patient_instructions
    assert items["minocycline-cyclic"].patient_instructions == ()


def test_a_timed_monitoring_rule_puts_its_tests_on_the_calendar(make_plan) -> None:  # type: ignore[no-untyped-def]
    from icalendar import Calendar

    from desktop.reports.ics import schedule_to_ics

    plan = make_plan(["warfarin-1mg-daily"], horizon_months=2)
    (item,) = plan.items
    assert item.tests, "the warfarin content times its INR monitoring"
    test = item.tests[0]
    first = item.schedule.treatment_rows()[0].date
    gaps = {(b - a).days for a, b in zip(test.dates, test.dates[1:], strict=False)}
    assert test.dates[0] > first and len(gaps) == 1 and gaps.pop() > 0
    assert test.dates[-1] <= item.schedule.last_day
    events = list(Calendar.from_ical(schedule_to_ics(plan)).walk("VEVENT"))
    planned = [e for e in events if "INR blood test" in str(e.get("summary"))]
    assert len(planned) == len(test.dates)
    assert planned[0].decoded("dtstart") == test.dates[0]
