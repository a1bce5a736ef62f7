"""Dated schedules: every regimen of the content and every pattern, dates worked out by hand.

Calendar rules under test (desktop/core/schedule.py): a week is 7 days; months are calendar months
with the day clamped to the month's end, counted from the first date; the horizon covers
[start, start + N months). 2026 is not a leap year (February has 28 days).
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.errors import CalxError
from desktop.core.messages import localized, render
from desktop.core.regimen import Regimen, regimen_from_dict
from desktop.core.schedule import (
    KIND_DAILY,
    KIND_DOSE,
    KIND_DRESSING,
    KIND_OFF,
    KIND_ON,
    KIND_SESSION,
    PATTERNS,
    add_months,
    build_schedule,
)
from desktop.core.words import MESSAGE_CODES

CONTENT = Path(__file__).resolve().parents[2] / "db" / "content"
START = date(2026, 1, 5)  # a Monday


def content_regimens() -> dict[str, Regimen]:
    found: dict[str, Regimen] = {}
    for path in sorted(CONTENT.glob("*.toml")):
        if path.name.startswith("_"):
            continue
        record = tomllib.loads(path.read_text(encoding="utf-8"))
        for r in record.get("regimens", ()):
            found[r["id"]] = regimen_from_dict(r, record["id"])
    return found


REGIMENS = content_regimens()


def regimen(regimen_id: str) -> Regimen:
    return REGIMENS[regimen_id]


def synthetic(
    schedule: dict[str, Any],
    route: str = "oral",
    dose: dict[str, Any] | None = None,
    rid: str = "test-regimen",
) -> Regimen:
    d: dict[str, Any] = {
        "id": rid,
        "label": {"fr": "Essai", "en": "Test"},
        "route": route,
        "schedule": schedule,
        "source": {"ref": "valenzuela-2016", "verification": "unverified"},
    }
    if dose is not None:
        d["dose"] = dose
    return regimen_from_dict(d, "test")


def iso(days: list[date]) -> list[str]:
    return [d.isoformat() for d in days]


# --------------------------------------------------------------------------- calendar arithmetic


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),  # clamped to February's end
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # leap year
        (date(2026, 1, 31), 3, date(2026, 4, 30)),
        (date(2026, 11, 15), 2, date(2027, 1, 15)),  # across the year
        (date(2026, 1, 5), 18, date(2027, 7, 5)),
        (date(2026, 1, 5), 0, date(2026, 1, 5)),
    ],
)
def test_add_months_clamps_to_the_end_of_the_month(
    start: date, months: int, expected: date
) -> None:
    assert add_months(start, months) == expected


# --------------------------------------------------------------------------- content regimens


def test_every_regimen_of_the_content_is_covered_below() -> None:
    covered = {
        "infliximab-3-mg-kg",
        "rituximab-375-weekly",
        "rituximab-1g-x2",
        "eswl-3-sessions",
        "ceftriaxone-2g-20-days",
        "diltiazem-240-480",
        "diltiazem-180",
        "colchicine-1mg-daily",
        "aluminium-hydroxide-30ml-qid",
        "minocycline-daily",
        "probenecid-500-tid",
        "warfarin-1mg-daily",
        "minocycline-cyclic",
        "triamcinolone-intralesional-4-8-weeks",
        "hydrocolloid-dressing-every-3-days",
        "co2-laser-single-session",
    }
    assert set(REGIMENS) <= covered, f"add hand-checked dates for {set(REGIMENS) - covered}"


def test_infliximab_weeks_0_2_6_then_every_8_weeks() -> None:
    s = build_schedule(regimen("infliximab-3-mg-kg"), START)
    # 5 Jan; +14 d = 19 Jan; +42 d = 16 Feb; then +56 d each: 13 Apr (16 Feb + 12 = 28 Feb,
    # + 31 = 31 Mar, + 13), 8 Jun, 3 Aug, 28 Sep, 23 Nov; 18 Jan 2027 is past 5 Jan 2027.
    assert iso(s.dates()) == [
        "2026-01-05",
        "2026-01-19",
        "2026-02-16",
        "2026-04-13",
        "2026-06-08",
        "2026-08-03",
        "2026-09-28",
        "2026-11-23",
    ]
    assert {a.kind for a in s.administrations} == {KIND_DOSE}
    assert [a.number for a in s.administrations] == list(range(1, 9))
    assert s.next_after_horizon == date(2027, 1, 18)
    assert s.horizon_end == date(2027, 1, 5)
    assert s.repeats_until_horizon
    assert s.warnings == ()


def test_rituximab_weekly_times_4_second_course_18_months_later() -> None:
    r = regimen("rituximab-375-weekly")
    s = build_schedule(r, START)
    assert iso(s.dates()) == ["2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26"]
    assert [a.number_in_course for a in s.administrations] == [1, 2, 3, 4]
    # The second course (5 July 2027) is outside a 12-month horizon: said, not dropped silently.
    assert s.next_after_horizon == date(2027, 7, 5)
    assert not s.repeats_until_horizon
    # With 24 months both courses are there, and no third one.
    s24 = build_schedule(r, START, horizon_months=24)
    assert iso(s24.dates()) == [
        "2026-01-05",
        "2026-01-12",
        "2026-01-19",
        "2026-01-26",
        "2027-07-05",
        "2027-07-12",
        "2027-07-19",
        "2027-07-26",
    ]
    assert [a.course for a in s24.administrations] == [1] * 4 + [2] * 4
    assert s24.next_after_horizon is None


def test_rituximab_1g_twice_two_weeks_apart_then_every_6_months() -> None:
    r = regimen("rituximab-1g-x2")
    s = build_schedule(r, START)
    # Courses from the first infusion: 5 Jan, 5 Jul; 5 Jan 2027 is the horizon's end (excluded).
    assert iso(s.dates()) == ["2026-01-05", "2026-01-19", "2026-07-05", "2026-07-19"]
    assert [a.course for a in s.administrations] == [1, 1, 2, 2]
    assert s.next_after_horizon == date(2027, 1, 5)
    assert s.repeats_until_horizon
    s13 = build_schedule(r, START, horizon_months=13)
    assert iso(s13.dates())[-2:] == ["2027-01-05", "2027-01-19"]


def test_eswl_three_sessions_three_weeks_apart() -> None:
    s = build_schedule(regimen("eswl-3-sessions"), START)
    assert iso(s.dates()) == ["2026-01-05", "2026-01-26", "2026-02-16"]
    assert {a.kind for a in s.administrations} == {KIND_SESSION}
    assert s.next_after_horizon is None


def test_co2_laser_single_session() -> None:
    s = build_schedule(regimen("co2-laser-single-session"), START)
    assert iso(s.dates()) == ["2026-01-05"]
    assert s.administrations[0].kind == KIND_SESSION


def test_ceftriaxone_20_days_is_days_1_to_20_inclusive() -> None:
    s = build_schedule(regimen("ceftriaxone-2g-20-days"), START)
    (row,) = s.administrations
    assert row.kind == KIND_DAILY
    assert (row.date, row.end) == (date(2026, 1, 5), date(2026, 1, 24))  # 5 + 19 = 24
    assert (row.first_day, row.last_day, row.days) == (1, 20, 20)
    assert not row.continues
    assert not s.repeats_until_horizon


@pytest.mark.parametrize(
    "rid",
    [
        "diltiazem-240-480",
        "diltiazem-180",
        "colchicine-1mg-daily",
        "aluminium-hydroxide-30ml-qid",
        "minocycline-daily",
        "probenecid-500-tid",
    ],
)
def test_continuous_daily_treatment_runs_to_the_horizon(rid: str) -> None:
    s = build_schedule(regimen(rid), START)
    (row,) = s.administrations
    assert (row.date, row.end) == (date(2026, 1, 5), date(2027, 1, 4))
    assert row.days == 365 and row.continues
    assert s.repeats_until_horizon


def test_warfarin_18_months_is_cut_by_a_12_month_horizon_and_ends_inside_24() -> None:
    r = regimen("warfarin-1mg-daily")
    row = build_schedule(r, START).administrations[0]
    assert (row.end, row.continues) == (date(2027, 1, 4), True)
    row24 = build_schedule(r, START, horizon_months=24).administrations[0]
    # 5 Jan 2026 + 18 months = 5 Jul 2027, the first day without treatment.
    assert (row24.end, row24.continues) == (date(2027, 7, 4), False)


def test_minocycline_cycle_lower_bounds_4_weeks_on_3_months_off() -> None:
    s = build_schedule(regimen("minocycline-cyclic"), START)
    rows = [
        (a.kind, a.date.isoformat(), a.end.isoformat(), a.course, a.continues)
        for a in s.administrations
    ]
    assert rows == [
        (KIND_ON, "2026-01-05", "2026-02-01", 1, False),  # 28 days: 5 Jan + 27
        (KIND_OFF, "2026-02-02", "2026-05-01", 1, False),  # 2 Feb + 3 months = 2 May
        (KIND_ON, "2026-05-02", "2026-05-29", 2, False),
        (KIND_OFF, "2026-05-30", "2026-08-29", 2, False),  # 30 May + 3 months = 30 Aug
        (KIND_ON, "2026-08-30", "2026-09-26", 3, False),
        (KIND_OFF, "2026-09-27", "2026-12-26", 3, False),
        (KIND_ON, "2026-12-27", "2027-01-04", 4, True),  # cut at the horizon
    ]
    assert s.choices == {"on": 4, "off": 3}
    assert [(w.code, w.params["name"], w.params["value"]) for w in s.warnings] == [
        ("range_lower_bound_used", "on", 4),
        ("range_lower_bound_used", "off", 3),
    ]
    assert s.dates() == [date(2026, 1, 5), date(2026, 5, 2), date(2026, 8, 30), date(2026, 12, 27)]


def test_minocycline_cycle_with_chosen_values() -> None:
    s = build_schedule(regimen("minocycline-cyclic"), START, choices={"on": 8, "off": 4})
    rows = [(a.kind, a.date.isoformat(), a.end.isoformat()) for a in s.administrations]
    assert rows == [
        (KIND_ON, "2026-01-05", "2026-03-01"),  # 56 days: 5 Jan + 55 = 1 Mar
        (KIND_OFF, "2026-03-02", "2026-07-01"),  # 2 Mar + 4 months = 2 Jul
        (KIND_ON, "2026-07-02", "2026-08-26"),  # 2 Jul + 55 = 26 Aug
        (KIND_OFF, "2026-08-27", "2026-12-26"),  # 27 Aug + 4 months = 27 Dec
        (KIND_ON, "2026-12-27", "2027-01-04"),
    ]
    assert s.warnings == ()
    assert s.choices == {"on": 8, "off": 4}


def test_triamcinolone_every_4_to_8_weeks() -> None:
    r = regimen("triamcinolone-intralesional-4-8-weeks")
    s = build_schedule(r, START)
    # Lower bound, 28 days: 5 Jan + 28 k for k = 0..13 (13 × 28 = 364 days → 4 Jan 2027).
    assert len(s.dates()) == 14
    assert iso(s.dates()[:4]) == ["2026-01-05", "2026-02-02", "2026-03-02", "2026-03-30"]
    assert s.dates()[-1] == date(2027, 1, 4)
    assert s.next_after_horizon == date(2027, 2, 1)
    assert s.warnings[0].code == "range_lower_bound_used"
    # Chosen 8 weeks: 5 Jan + 56 k for k = 0..6 (336 days → 7 Dec).
    s8 = build_schedule(r, START, choices={"every": 8})
    assert iso(s8.dates()) == [
        "2026-01-05",
        "2026-03-02",
        "2026-04-27",
        "2026-06-22",
        "2026-08-17",
        "2026-10-12",
        "2026-12-07",
    ]
    assert s8.warnings == ()


def test_hydrocolloid_dressing_every_3_days() -> None:
    s = build_schedule(regimen("hydrocolloid-dressing-every-3-days"), START)
    days = s.dates()
    assert {a.kind for a in s.administrations} == {KIND_DRESSING}
    assert iso(days[:3]) == ["2026-01-05", "2026-01-08", "2026-01-11"]
    # 3 k ≤ 364 → k = 0..121; the last is 5 Jan + 363 = 3 Jan 2027.
    assert len(days) == 122 and days[-1] == date(2027, 1, 3)
    assert all((b - a).days == 3 for a, b in pairwise(days))


# --------------------------------------------------------------------------- synthetic patterns


def test_monthly_repeats_are_counted_from_the_first_date_without_drift() -> None:
    r = synthetic({"pattern": "every", "every": "1 month"})
    s = build_schedule(r, date(2026, 1, 31), horizon_months=4)
    assert iso(s.dates()) == ["2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"]
    assert s.next_after_horizon == date(2026, 5, 31)


def test_every_with_a_duration_stops_at_its_end() -> None:
    r = synthetic({"pattern": "every", "every": "1 week", "duration": "3 week"})
    s = build_schedule(r, START)
    assert iso(s.dates()) == ["2026-01-05", "2026-01-12", "2026-01-19"]  # day 21 excluded
    assert s.next_after_horizon is None


def test_offsets_without_a_repeat() -> None:
    r = synthetic({"pattern": "offsets_then_every", "offsets": ["0 day", "3 day", "10 day"]})
    s = build_schedule(r, START)
    assert iso(s.dates()) == ["2026-01-05", "2026-01-08", "2026-01-15"]
    assert not s.repeats_until_horizon


def test_series_with_three_courses() -> None:
    r = synthetic(
        {
            "pattern": "series",
            "count": 2,
            "every": "1 week",
            "courses": 3,
            "course_every": "2 month",
        }
    )
    s = build_schedule(r, START)
    assert iso(s.dates()) == [
        "2026-01-05",
        "2026-01-12",
        "2026-03-05",
        "2026-03-12",
        "2026-05-05",
        "2026-05-12",
    ]
    assert [a.course for a in s.administrations] == [1, 1, 2, 2, 3, 3]


def test_daily_for_two_weeks() -> None:
    s = build_schedule(synthetic({"pattern": "daily", "duration": "2 week"}), START)
    (row,) = s.administrations
    assert (row.end, row.days) == (date(2026, 1, 18), 14)


def test_a_horizon_shorter_than_the_induction_cuts_it() -> None:
    s = build_schedule(regimen("infliximab-3-mg-kg"), START, horizon_months=1)
    assert iso(s.dates()) == ["2026-01-05", "2026-01-19"]
    assert s.next_after_horizon == date(2026, 2, 16)


def test_a_course_overlapping_the_previous_one_is_a_content_error() -> None:
    r = synthetic(
        {"pattern": "series", "count": 3, "every": "2 week", "courses": 2, "course_every": "1 week"}
    )
    with pytest.raises(CalxError) as err:
        build_schedule(r, START)
    assert err.value.code == "schedule_inconsistent"


def test_a_regimen_without_timing_gives_an_empty_schedule_with_a_note() -> None:
    r = regimen_from_dict(
        {
            "id": "no-timing",
            "label": {"fr": "x", "en": "x"},
            "route": "oral",
            "source": {"ref": "valenzuela-2016", "verification": "verified"},
        },
        "t",
    )
    s = build_schedule(r, START)
    assert s.administrations == () and [n.code for n in s.notes] == ["no_schedule_in_review"]


# --------------------------------------------------------------------------- refusals


@pytest.mark.parametrize("months", [0, 61, -1, 1.5, True, "12"])
def test_horizon_outside_1_to_60_months_is_refused(months: Any) -> None:
    with pytest.raises(CalxError) as err:
        build_schedule(regimen("infliximab-3-mg-kg"), START, horizon_months=months)
    assert err.value.code == "horizon_out_of_range"
    assert (err.value.params["min"], err.value.params["max"]) == (1, 60)


@pytest.mark.parametrize("months", [1, 60])
def test_horizon_bounds_are_accepted(months: int) -> None:
    s = build_schedule(regimen("diltiazem-180"), START, horizon_months=months)
    assert s.horizon_end == add_months(START, months)


WEEKS, MONTHS = localized(en="weeks", fr="semaines"), localized(en="months", fr="mois")


@pytest.mark.parametrize(
    ("name", "value", "low", "high", "unit"),
    [
        ("on", 3, 4, 8, WEEKS),
        ("on", 9, 4, 8, WEEKS),
        ("off", 5, 3, 4, MONTHS),
        ("off", 2, 3, 4, MONTHS),
        ("on", 0, 4, 8, WEEKS),
        ("on", float("nan"), 4, 8, WEEKS),
    ],
)
def test_a_choice_outside_its_range_is_refused(
    name: str, value: float, low: float, high: float, unit: dict[str, str]
) -> None:
    with pytest.raises(CalxError) as err:
        build_schedule(regimen("minocycline-cyclic"), START, choices={name: value})
    e = err.value
    assert (e.code, e.field) == ("choice_out_of_range", name)
    assert (e.params["min"], e.params["max"], e.params["unit"]) == (low, high, unit)
    assert e.params["range"] == localized(en=f"{low}–{high}", fr=f"{low} à {high}")
    assert "semaines" in render(e.issue, "fr") or "mois" in render(e.issue, "fr")


def test_an_unknown_choice_is_refused_not_ignored() -> None:
    with pytest.raises(CalxError) as err:
        build_schedule(regimen("minocycline-cyclic"), START, choices={"of": 4})
    assert err.value.code == "unknown_choice"
    assert "dose" in err.value.params["allowed"] and "off" in err.value.params["allowed"]
    with pytest.raises(CalxError) as err:  # a fixed interval is not a choice
        build_schedule(regimen("hydrocolloid-dressing-every-3-days"), START, choices={"every": 2})
    assert err.value.code == "unknown_choice"


def test_the_dose_choice_is_left_to_the_dose_engine() -> None:
    s = build_schedule(regimen("diltiazem-240-480"), START, choices={"dose": 360})
    assert s.administrations and "dose" not in s.choices


def test_a_choice_that_is_not_whole_days_is_refused() -> None:
    with pytest.raises(CalxError) as err:  # 4.5 weeks = 31.5 days
        build_schedule(
            regimen("triamcinolone-intralesional-4-8-weeks"), START, choices={"every": 4.5}
        )
    assert err.value.code == "choice_not_whole"


def test_an_up_to_interval_needs_a_choice() -> None:
    r = synthetic({"pattern": "every", "every": {"max": "8 week"}})
    with pytest.raises(CalxError) as err:
        build_schedule(r, START)
    assert (err.value.code, err.value.params["max"]) == ("choice_required", 8)
    assert len(build_schedule(r, START, choices={"every": 2}).dates()) == 27  # 2 weeks × 26 = 364 d


def test_schedule_messages_have_words_in_both_languages() -> None:
    s = build_schedule(regimen("minocycline-cyclic"), START)
    for issue in s.warnings:
        assert issue.code in MESSAGE_CODES
        en, fr = render(issue, "en"), render(issue, "fr")
        assert ("4 weeks" in en and "4 semaines" in fr) or ("3 months" in en and "3 mois" in fr)
        assert "{" not in en + fr


# --------------------------------------------------------------------------- properties

DURATION_UNITS = ("day", "week", "month")


def _offsets_then_every(draw: st.DrawFn, dur: Callable[[], str]) -> dict[str, Any]:
    gaps = draw(st.lists(st.integers(1, 30), min_size=0, max_size=4))
    offsets, total = ["0 day"], 0
    for g in gaps:
        total += g
        offsets.append(f"{total} day")
    s: dict[str, Any] = {"offsets": offsets}
    if draw(st.booleans()):
        s["every"] = dur()
    return s


def _series(draw: st.DrawFn, dur: Callable[[], str]) -> dict[str, Any]:
    count = draw(st.integers(1, 5))
    every_days = draw(st.integers(1, 21))
    s: dict[str, Any] = {"count": count, "every": f"{every_days} day"}
    if draw(st.booleans()):
        # A course starts after the previous one ends.
        s["course_every"] = f"{count * every_days + draw(st.integers(1, 60))} day"
        if draw(st.booleans()):
            s["courses"] = draw(st.integers(1, 4))
    return s


def _optional(draw: st.DrawFn, key: str, dur: Callable[[], str]) -> dict[str, Any]:
    return {key: dur()} if draw(st.booleans()) else {}


# The fields of a random schedule, per pattern: a new pattern fails test_every_pattern_is_drawn
# until it is drawn here too.
PATTERN_FIELDS_DRAWN: dict[str, Callable[[st.DrawFn, Callable[[], str]], dict[str, Any]]] = {
    "once": lambda draw, dur: {},
    "offsets_then_every": _offsets_then_every,
    "series": _series,
    "daily": lambda draw, dur: _optional(draw, "duration", dur),
    "cycle": lambda draw, dur: {"on": dur(), "off": dur()},
    "every": lambda draw, dur: {"every": dur(), **_optional(draw, "duration", dur)},
}


def test_every_pattern_is_drawn() -> None:
    assert list(PATTERN_FIELDS_DRAWN) == list(PATTERNS)


@st.composite
def schedules(draw: st.DrawFn) -> dict[str, Any]:
    def dur(low: int = 1, high: int = 12) -> str:
        return f"{draw(st.integers(low, high))} {draw(st.sampled_from(DURATION_UNITS))}"

    pattern = draw(st.sampled_from(tuple(PATTERN_FIELDS_DRAWN)))
    return {"pattern": pattern, **PATTERN_FIELDS_DRAWN[pattern](draw, dur)}


@settings(max_examples=150, deadline=None)
@given(schedules(), st.dates(date(2000, 1, 1), date(2090, 12, 31)), st.integers(1, 60))
def test_dates_strictly_increase_and_stay_inside_the_horizon(
    spec: dict[str, Any], start: date, months: int
) -> None:
    s = build_schedule(synthetic(spec), start, horizon_months=months)
    rows = s.administrations
    assert rows, "every pattern has at least the start date"
    assert rows[0].date == start
    for row in rows:
        assert start <= row.date <= row.end < s.horizon_end
    for a, b in pairwise(rows):
        assert a.end < b.date, "rows never overlap and strictly increase"
    if s.next_after_horizon is not None:
        assert s.next_after_horizon >= s.horizon_end


@settings(max_examples=100, deadline=None)
@given(
    st.one_of(
        st.floats(allow_nan=False, allow_infinity=False).filter(lambda x: not 4 <= x <= 8),
        st.integers().filter(lambda x: not 4 <= x <= 8),
    )
)
def test_interval_choices_outside_the_range_are_always_refused(value: float) -> None:
    with pytest.raises(CalxError) as err:
        build_schedule(
            regimen("triamcinolone-intralesional-4-8-weeks"), START, choices={"every": value}
        )
    assert err.value.code == "choice_out_of_range"


@settings(max_examples=60, deadline=None)
@given(st.integers(4, 8), st.integers(3, 4), st.dates(date(2020, 1, 1), date(2040, 1, 1)))
def test_cycle_choices_inside_the_ranges_give_on_and_off_periods_of_that_length(
    on: int, off: int, start: date
) -> None:
    s = build_schedule(regimen("minocycline-cyclic"), start, choices={"on": on, "off": off})
    first_on = s.administrations[0]
    assert first_on.kind == KIND_ON and first_on.days == on * 7
    first_off = s.administrations[1]
    assert first_off.date == first_on.end + timedelta(days=1)
    assert first_off.end + timedelta(days=1) == add_months(first_off.date, off)
