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
import sys
import threading
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.machinery import ModuleSpec
    from types import ModuleType

    from desktop.core.schedule import RegimenSchedule

# Routes given by the hospital team on a given day (oral and topical treatments are taken at home).
HOSPITAL_ROUTES: frozenset[str] = frozenset({"iv", "procedure"})


@dataclass(frozen=True)
class ClosedDay:
    """A day the hospital is closed: a weekend or a public holiday, named."""

    day: dt.date
    reason: str  # "weekend" | "holiday"
    name: str  # "Saturday", "Christmas Day" / "samedi", "Noël"


_packages_lock = threading.Lock()
# The holidays library's packages whose ``__init__`` imports every module in them: all 250
# countries (about 5 MiB), every group of holidays and every calendar, lunar ones included
# (Islamic, Hindu, Chinese, Hebrew, ...: about 2 MiB that France, Germany or Canada never read).
BARE_PACKAGES = ("holidays.calendars", "holidays.groups", "holidays.countries")


def holidays_library() -> ModuleType:
    """The holidays library, imported with its packages that import all of their modules
    entered bare (``_enter_bare``): what any part of Calx uses to import it first."""
    with _packages_lock:
        entered = _enter_bare() if "holidays" not in sys.modules else []
        import holidays

        for package in entered:  # as an import of the package would have
            setattr(holidays, package.__name__.rpartition(".")[2], package)
        if "holidays.countries" not in sys.modules:  # the library came in another way first
            for package in _enter_bare(("holidays.countries",)):
                setattr(holidays, "countries", package)  # noqa: B010
    return holidays


def _enter_bare(names: tuple[str, ...] = BARE_PACKAGES) -> list[ModuleType]:
    """Enter the holidays library's packages that import all of their modules as bare packages
    over the same folders, before the library itself: a country then loads its own module and
    the groups and calendars it imports, and nothing else. The library imports its modules by
    their full names (``holidays.calendars.gregorian``, ``holidays.registry.EntityLoader``); a
    name taken from a package itself (``from holidays.groups import ChristianHolidays``) is
    imported from the module the package's own ``__init__`` takes it from (``_bare_package``).
    Packages already imported are left as they are; returns those entered."""
    import importlib.machinery
    import importlib.util

    library = importlib.util.find_spec("holidays")
    if library is None or not library.submodule_search_locations:
        return []
    entered = []
    for name in names:
        if name in sys.modules:
            continue
        found = importlib.machinery.PathFinder.find_spec(
            name, list(library.submodule_search_locations)
        )
        if (
            found is None
            or not hasattr(found.loader, "get_code")  # its names are read from its code
            or not found.submodule_search_locations
        ):
            continue
        package = _bare_package(found)
        sys.modules[name] = package
        entered.append(package)
    return entered


def _bare_package(found: ModuleSpec) -> ModuleType:
    """A package with ``found``'s folder and none of its modules imported; a name its
    ``__init__`` imports (``from holidays.groups.christian import ChristianHolidays``) is
    imported from that module when first asked for. Read from the ``__init__``'s compiled code,
    not its source (a bundle ships bytecode only)."""
    import dis
    import importlib
    import importlib.machinery
    import importlib.util

    bare = importlib.machinery.ModuleSpec(found.name, None, is_package=True)
    package = importlib.util.module_from_spec(bare)
    package.__path__ = list(found.submodule_search_locations or ())
    where: dict[str, str] = {}

    def names() -> dict[str, str]:
        if not where:
            code = found.loader.get_code(found.name)  # type: ignore[union-attr]
            module = ""
            for op in dis.get_instructions(code):
                if op.opname == "IMPORT_NAME":
                    module = op.argval
                elif op.opname == "IMPORT_FROM":
                    where[op.argval] = module
        return where

    def lazy(attribute: str) -> object:
        module = names().get(attribute)
        if module is None:
            raise AttributeError(f"module {found.name!r} has no attribute {attribute!r}")
        value = getattr(importlib.import_module(module), attribute)
        setattr(package, attribute, value)
        return value

    package.__getattr__ = lazy  # type: ignore[method-assign]  # PEP 562: asked for missing names
    return package


@lru_cache(maxsize=64)
def _holidays(country: str, year: int, lang: str) -> dict[dt.date, str]:
    if not country:
        return {}
    holidays = holidays_library()
    try:
        calendar = holidays.country_holidays(
            country, years=year, language="fr" if lang == "fr" else "en_US"
        )
    except (NotImplementedError, KeyError):  # an unknown country: weekends only
        return {}
    return dict(calendar.items())


WEEKENDS_ONLY = ""  # the country for weekends only, no public holiday


def supported_country(country: str) -> str | None:
    """``country`` as the holidays library writes it ("fr" → "FR"; "" for weekends only), or
    None when the library has no calendar for it."""
    code = str(country).strip().upper()
    if code == WEEKENDS_ONLY:
        return code
    return code if code in holidays_library().list_supported_countries() else None


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
