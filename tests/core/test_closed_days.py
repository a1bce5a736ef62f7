"""Infusions and procedures on closed days (desktop.core.closed_days).

Dates checked on a calendar: 25 December 2026 is a Friday (Christmas, a public holiday in France),
26–27 December 2026 a weekend, so the next working day is Monday 28 December. Infliximab
3 mg/kg (weeks 0, 2, 6 then every 8 weeks) from Friday 11 December 2026 gives 11 December,
25 December (week 2) and 22 January 2027 (week 6).
"""

from __future__ import annotations

import datetime as dt

from desktop.core.closed_days import (
    apply_shifts,
    closed_day,
    closed_rows,
    move_to_next_working_day,
    next_working_day,
)
from desktop.core.schedule import build_schedule
from tests.core.test_dosing import REGIMENS


def test_weekends_and_public_holidays_are_closed() -> None:
    christmas = closed_day(dt.date(2026, 12, 25), "FR", "fr")
    assert christmas is not None and (christmas.reason, christmas.name) == ("holiday", "Noël")
    saturday = closed_day(dt.date(2026, 12, 26), "FR", "en")
    assert saturday is not None and (saturday.reason, saturday.name) == ("weekend", "Saturday")
    assert closed_day(dt.date(2026, 12, 28), "FR") is None
    assert closed_day(dt.date(2026, 7, 14), "FR") is not None  # Bastille Day
    assert closed_day(dt.date(2026, 7, 14), "") is None  # weekends only
    assert next_working_day(dt.date(2026, 12, 25), "FR") == dt.date(2026, 12, 28)


def test_an_infusion_on_christmas_is_flagged_and_moved_with_the_later_doses() -> None:
    regimen = REGIMENS["infliximab-3-mg-kg"]
    schedule = build_schedule(regimen, dt.date(2026, 12, 11), 12)
    dates = [a.date for a in schedule.administrations]
    assert dates[:3] == [dt.date(2026, 12, 11), dt.date(2026, 12, 25), dt.date(2027, 1, 22)]
    flagged = closed_rows(schedule, regimen.route, "FR", "en")
    assert flagged[1].name == "Christmas Day"
    move = move_to_next_working_day(schedule, 1, "FR")
    assert move == (1, 3)
    moved = apply_shifts(schedule, (move,))
    assert [a.date for a in moved.administrations][:3] == [
        dt.date(2026, 12, 11),
        dt.date(2026, 12, 28),
        dt.date(2027, 1, 25),
    ]  # week 6 follows
    assert all(a.date < moved.horizon_end for a in moved.administrations)


def test_treatment_taken_at_home_is_never_flagged() -> None:
    regimen = REGIMENS["diltiazem-180"]
    schedule = build_schedule(regimen, dt.date(2026, 12, 25), 1)
    assert closed_rows(schedule, regimen.route, "FR") == {}


def test_a_country_loads_only_its_own_module_and_every_country_still_answers() -> None:
    """The holidays library's countries package imports all 250 countries for the first one
    asked; Calx loads the countries it is asked for (about 5 MiB less), and every country the
    preferences list still gives its holidays (a fresh process: the test run may have loaded
    the package already)."""
    import subprocess
    import sys

    code = (
        "import sys, datetime as dt\n"
        "from desktop.core.closed_days import closed_day\n"
        "day = closed_day(dt.date(2026, 10, 3), 'DE', 'en')\n"
        "assert day is not None and day.name == 'German Unity Day', day\n"
        "loaded = [m for m in sys.modules if m.startswith('holidays.countries.')]\n"
        "assert loaded == ['holidays.countries.germany'], loaded\n"
        "from holidays import country_holidays, list_supported_countries\n"
        "for code in list_supported_countries():\n"
        "    assert country_holidays(code, years=2026) is not None, code\n"
        "assert closed_day(dt.date(2026, 12, 25), 'FR', 'fr').name == 'Noël'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
