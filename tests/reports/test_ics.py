"""Calendar export: the .ics parses back (icalendar) with the same dates as the schedule.

Hand-checked dates (Monday 3 March 2025 start, 12-month calendar ending before 3 March 2026):
infliximab weeks 0, 2, 6 then every 8 weeks → 3 March, 17 March, 14 April, 9 June, 4 August,
29 September, 24 November 2025, 19 January 2026 (the next, 16 March 2026, is past the horizon).
Minocycline 6 weeks on from 3 March: 42 days, 3 March to 13 April 2025; then 3 months off.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar
from plan_helpers import PREPARED_ON, PlanMaker

from desktop.core.errors import CalxError
from desktop.reports.ics import PRODID, schedule_to_ics

INFLIXIMAB_DATES = [
    date(2025, 3, 3),
    date(2025, 3, 17),
    date(2025, 4, 14),
    date(2025, 6, 9),
    date(2025, 8, 4),
    date(2025, 9, 29),
    date(2025, 11, 24),
    date(2026, 1, 19),
]


def _events(data: bytes) -> list:
    cal = Calendar.from_ical(data)
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"]) == PRODID
    return list(cal.walk("VEVENT"))


def _days(event) -> list[date]:
    """Every day an event covers, expanding a daily RRULE."""
    first = event.decoded("DTSTART")
    rule = event.get("RRULE")
    count = int(rule["COUNT"][0]) if rule else 1
    assert not rule or [str(f).upper() for f in rule["FREQ"]] == ["DAILY"]
    return [first + timedelta(days=i) for i in range(count)]


def test_one_event_per_administration_with_the_hand_checked_dates(make_plan: PlanMaker) -> None:
    events = _events(schedule_to_ics(make_plan(["infliximab-3-mg-kg"])))
    assert [e.decoded("DTSTART") for e in events] == INFLIXIMAB_DATES
    for e in events:  # all-day events: a DATE, ending the next day
        assert type(e.decoded("DTSTART")) is date
        assert e.decoded("DTEND") == e.decoded("DTSTART") + timedelta(days=1)
        assert e.decoded("DTSTAMP") == datetime(2025, 3, 1, tzinfo=UTC)
        assert str(e["SUMMARY"]).startswith("Infliximab: dose ")
        # 3 mg/kg × 80 kg = 240 mg, on the 10 mg step
        assert "Dose: 240 mg per infusion" in str(e["DESCRIPTION"])


def test_ics_dates_match_the_schedule_for_every_kind_of_row(make_plan: PlanMaker) -> None:
    plan = make_plan(
        [
            "rituximab-375-weekly",
            "minocycline-cyclic",
            "hydrocolloid-dressing-every-3-days",
            "diltiazem-240-480",
            "bisphosphonates",
        ],
        choices={"minocycline-cyclic": {"dose": 100, "on": 6, "off": 3}},
    )
    events = _events(schedule_to_ics(plan))
    for item in plan.items:
        expected: list[date] = []
        if item.schedule is not None:
            for row in item.schedule.treatment_rows():
                expected += [row.date + timedelta(days=i) for i in range(row.days)]
        mine = [e for e in events if f"-{item.regimen_id}-" in str(e["UID"])]
        got = sorted(d for e in mine for d in _days(e))
        assert got == expected, item.regimen_id
    mino = [e for e in events if "minocycline" in str(e["UID"])]
    assert _days(mino[0])[0] == date(2025, 3, 3) and _days(mino[0])[-1] == date(2025, 4, 13)
    dressing = [e for e in events if "hydrocolloid" in str(e["UID"])]
    assert len(dressing) == 122  # days 0, 3, …, 363 of a 365-day calendar


def test_uids_are_unique_and_stable_across_exports(make_plan: PlanMaker) -> None:
    plan = make_plan(["rituximab-375-weekly", "hydrocolloid-dressing-every-3-days"])
    first = schedule_to_ics(plan)
    assert first == schedule_to_ics(
        make_plan(["rituximab-375-weekly", "hydrocolloid-dressing-every-3-days"])
    )
    uids = [str(e["UID"]) for e in _events(first)]
    assert len(uids) == len(set(uids))
    assert uids[0] == f"{plan.plan_id}-rituximab-375-weekly-0@calx.invalid"


def test_french_calendar_and_no_patient_name_in_the_file(make_plan: PlanMaker) -> None:
    data = schedule_to_ics(
        make_plan(["rituximab-375-weekly"], lang="fr", patient_name="Zoë <b> Secret")
    )
    events = _events(data)
    assert str(events[0]["SUMMARY"]) == "Rituximab : administration 1"
    assert "Dose : 750 mg par perfusion" in str(events[0]["DESCRIPTION"])
    assert "1er mars 2025" in str(events[0]["DESCRIPTION"])
    assert b"Secret" not in data


def test_bare_items_need_a_plan_id_and_date(make_plan: PlanMaker) -> None:
    plan = make_plan(["infliximab-3-mg-kg"])
    data = schedule_to_ics(plan.items, "en", plan_id="x", prepared_on=PREPARED_ON)
    assert len(_events(data)) == len(INFLIXIMAB_DATES)
    with pytest.raises(CalxError) as err:
        schedule_to_ics(plan.items, "en")
    assert err.value.code == "calendar_needs_plan"
    with pytest.raises(CalxError) as err:
        schedule_to_ics(plan, "de")
    assert err.value.code == "unknown_language"


def test_two_regimens_of_one_medicine_are_told_apart_in_the_summaries(
    make_plan: PlanMaker,
) -> None:
    events = _events(schedule_to_ics(make_plan(["rituximab-375-weekly", "rituximab-1g-x2"])))
    summaries = {str(e["SUMMARY"]) for e in events}
    # 375 mg/m² × 2.0 m² (80 kg, 180 cm, Mosteller) = 750 mg; the other regimen 1 g.
    assert "Rituximab (750 mg): dose 1" in summaries
    assert "Rituximab (1,000 mg): dose 1" in summaries
    assert not any(s.startswith("Rituximab:") for s in summaries)
