"""Hospital-given doses on closed days: weekends and public holidays, and moving a dose to the
next working day with the later doses following it.

Infusions and procedures need the hospital open; a date on a Saturday, a Sunday or a public
holiday of the chosen country (the ``holidays`` library, maintained with each country's
calendar) is flagged. ``move_to_next_working_day`` shifts that dose and every later one by the
same number of days, so that the next doses count from the shifted one (infliximab: weeks 2 and
6 are counted from the first infusion actually given). Rows pushed past the horizon are dropped.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.core.schedule import RegimenSchedule

# Routes given by the hospital team on a given day (oral and topical treatments are taken at home).
HOSPITAL_ROUTES: frozenset[str] = frozenset({"iv", "procedure"})


@dataclass(frozen=True)
class ClosedDay:
    """A day the hospital is closed: a weekend or a public holiday, named."""

    day: dt.date
    reason: str  # "weekend" | "holiday"
    name: str  # "Saturday", "Christmas Day" / "samedi", "Noël"


_countries_lock = threading.Lock()


def _one_country_at_a_time() -> None:
    """The holidays library's ``countries`` package imports all of its 250 countries (about
    5 MiB of memory) when the first one is asked for, though its registry imports each country's
    own module by name (``holidays.registry.EntityLoader``). Entered as a bare package over the
    same folder, only the countries asked for load; the library's other modules import the
    countries they use by module too."""
    import importlib.machinery
    import importlib.util
    import sys

    with _countries_lock:
        if "holidays.countries" in sys.modules:
            return
        found = importlib.util.find_spec("holidays.countries")
        if found is None or not found.submodule_search_locations:
            return
        bare = importlib.machinery.ModuleSpec("holidays.countries", None, is_package=True)
        package = importlib.util.module_from_spec(bare)
        package.__path__ = list(found.submodule_search_locations)
        sys.modules["holidays.countries"] = package
        setattr(sys.modules["holidays"], "countries", package)  # noqa: B010  # as imports do


@lru_cache(maxsize=64)
def _holidays(country: str, year: int, lang: str) -> dict[dt.date, str]:
    if not country:
        return {}
    import holidays

    _one_country_at_a_time()
    try:
        calendar = holidays.country_holidays(
            country, years=year, language="fr" if lang == "fr" else "en_US"
        )
    except (NotImplementedError, KeyError):  # an unknown country: weekends only
        return {}
    return dict(calendar.items())


def closed_day(day: dt.date, country: str, lang: str = "en") -> ClosedDay | None:
    """Why ``day`` is closed (a public holiday first, then a weekend), or None."""
    name = _holidays(country, day.year, lang).get(day)
    if name:
        return ClosedDay(day, "holiday", name)
    if day.weekday() >= 5:
        from desktop.core.words import word

        return ClosedDay(day, "weekend", word("saturday" if day.weekday() == 5 else "sunday", lang))
    return None


def next_working_day(day: dt.date, country: str) -> dt.date:
    """The first day from ``day`` on that is neither a weekend nor a public holiday."""
    while closed_day(day, country) is not None:
        day += dt.timedelta(days=1)
    return day


def closed_rows(
    schedule: RegimenSchedule, route: str, country: str, lang: str = "en"
) -> dict[int, ClosedDay]:
    """Rows of ``schedule`` (index in ``administrations``) given by the hospital on a closed day.
    Periods (daily treatment at home) are never flagged."""
    if route not in HOSPITAL_ROUTES:
        return {}
    flagged: dict[int, ClosedDay] = {}
    for index, row in enumerate(schedule.administrations):
        if row.is_period:
            continue
        closed = closed_day(row.date, country, lang)
        if closed is not None:
            flagged[index] = closed
    return flagged


def shift_from(schedule: RegimenSchedule, index: int, days: int) -> RegimenSchedule:
    """``schedule`` with row ``index`` and every later row ``days`` later (rows pushed past the
    horizon are dropped; the next date after the horizon moves too)."""
    if days == 0:
        return schedule
    delta = dt.timedelta(days=days)
    rows = []
    for i, row in enumerate(schedule.administrations):
        if i >= index:
            row = replace(row, date=row.date + delta, end=row.end + delta)
        if row.date < schedule.horizon_end:
            rows.append(row)
    after = schedule.next_after_horizon + delta if schedule.next_after_horizon else None
    return replace(schedule, administrations=tuple(rows), next_after_horizon=after)


def apply_shifts(schedule: RegimenSchedule, shifts: tuple[tuple[int, int], ...]) -> RegimenSchedule:
    """The clinician's moves, in the order they were made: (row index, days)."""
    for index, days in shifts:
        schedule = shift_from(schedule, index, days)
    return schedule


def move_to_next_working_day(
    schedule: RegimenSchedule, index: int, country: str
) -> tuple[int, int]:
    """The move (row index, days) that puts row ``index`` on the next working day."""
    day = schedule.administrations[index].date
    return index, (next_working_day(day, country) - day).days
