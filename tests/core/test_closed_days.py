"""Infusions and procedures on closed days (desktop.core.closed_days).

Dates checked on a calendar: 25 December 2026 is a Friday (Christmas, a public holiday in France),
26–27 December 2026 a weekend, so the next working day is Monday 28 December. Infliximab
3 mg/kg (weeks 0, 2, 6 then every 8 weeks) from Friday 11 December 2026 gives 11 December,
25 December (week 2) and 22 January 2027 (week 6).
"""

from __future__ import annotations

import datetime as dt

from probe import run_python

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
    """The holidays library's countries, groups and calendars packages import all of their
    modules (250 countries, the lunar calendars) for the first country asked; Calx loads the
    country it is asked for and what that country imports (about 7 MiB less), and every country
    the preferences list, and every financial market, still gives its holidays (a fresh process:
    the test run may have loaded the packages already)."""
    code = (
        "import sys, datetime as dt\n"
        "from desktop.core.closed_days import closed_day\n"
        "day = closed_day(dt.date(2026, 10, 3), 'DE', 'en')\n"
        "assert day is not None and day.name == 'German Unity Day', day\n"
        "loaded = [m for m in sys.modules if m.startswith('holidays.countries.')]\n"
        "assert loaded == ['holidays.countries.germany'], loaded\n"
        "groups = sorted(m for m in sys.modules if m.startswith('holidays.groups.'))\n"
        "assert groups == ['holidays.groups.christian', 'holidays.groups.custom',\n"
        "                  'holidays.groups.international'], groups\n"
        "lunar = [m for m in sys.modules if m.startswith('holidays.calendars.') and\n"
        "         m.rpartition('.')[2] in ('islamic', 'hindu', 'chinese', 'hebrew', 'tibetan')]\n"
        "assert not lunar, lunar\n"
        "from holidays.groups import ChristianHolidays\n"
        "from holidays.groups.christian import ChristianHolidays as same\n"
        "assert ChristianHolidays is same\n"
        "from holidays.calendars import _CustomIslamicHolidays\n"
        "import holidays\n"
        "assert holidays.groups is sys.modules['holidays.groups']\n"
        "try:\n"
        "    from holidays.groups import NoSuchHolidays\n"
        "except ImportError:\n"
        "    pass\n"
        "else:\n"
        "    raise AssertionError('a name the package does not have was found')\n"
        "from holidays import country_holidays, financial_holidays, list_supported_countries\n"
        "from holidays import list_supported_financial\n"
        "for code in list_supported_countries():\n"
        "    assert country_holidays(code, years=2026) is not None, code\n"
        "for code in list_supported_financial():\n"
        "    assert financial_holidays(code, years=2026) is not None, code\n"
        "assert closed_day(dt.date(2026, 12, 25), 'FR', 'fr').name == 'Noël'\n"
    )
    run_python(code)


def test_the_library_imported_first_still_loads_one_country() -> None:
    """When something imported the holidays library before Calx asked for a holiday, its
    groups and calendars are the library's own; the countries still load one at a time."""
    code = (
        "import sys, datetime as dt\n"
        "import holidays\n"
        "from desktop.core.closed_days import closed_day\n"
        "assert closed_day(dt.date(2026, 12, 25), 'FR', 'fr').name == 'Noël'\n"
        "loaded = [m for m in sys.modules if m.startswith('holidays.countries.')]\n"
        "assert loaded == ['holidays.countries.france'], loaded\n"
        "assert holidays.countries is sys.modules['holidays.countries']\n"
    )
    run_python(code)
