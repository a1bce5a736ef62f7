"""Dated schedules: a regimen's timing pattern turned into a calendar from a start date.

``build_schedule(regimen, start)`` lays out every administration (or treatment period) from
``start`` up to a horizon (default 12 months) by the regimen's pattern. Each pattern is declared
once, below, in ``PATTERNS``: the ``Schedule`` fields it uses and needs (the content parser and
validator read them there) and the function that lays out its dates, whose docstring states its
rule (``once``, ``offsets_then_every``, ``series``, ``daily``, ``cycle``, ``every``).

Calendar rules (Calx's own, stated so they can be checked by hand): a week is 7 days; a month is a
calendar month with the day clamped to the month's end (31 January + 1 month = 28 February), and
repeated monthly dates are counted from the first date, not chained, so they do not drift
(31 January, 28 February, 31 March). The horizon covers ``[start, start + horizon months)``: a date
on the horizon's end itself belongs to the next period. Treatment periods that run past the horizon
end on its last day and are marked ``continues``.

Ranges in the source stay ranges: the clinician chooses a value inside them by name (``"every"``,
``"on"``, ``"off"``, ``"duration"``, ``"course_every"``, ``"offset_N"``); without a choice the lower
bound is used and a ``range_lower_bound_used`` warning says so. Choices are whole numbers of the
source's unit (a calendar needs whole days or months).
"""

from __future__ import annotations

import calendar
import datetime as _dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from itertools import pairwise

from desktop.core.choices import ScheduleChoices, check_choice_names
from desktop.core.errors import CalxError, Issue
from desktop.core.formatting import format_date, format_interval, format_number, format_unit
from desktop.core.messages import localized
from desktop.core.regimen import DurationSpec, Regimen, Schedule, Source, ValueSpec
from desktop.core.words import LANGUAGES, format_param, word

HORIZON_MIN_MONTHS = 1
HORIZON_MAX_MONTHS = 60
DEFAULT_HORIZON_MONTHS = 12

# What one row of the calendar is.
KIND_DOSE = "dose"  # a drug administration (infusion, injection)
KIND_SESSION = "session"  # a procedure session (ESWL, CO₂ laser)
KIND_DRESSING = "dressing change"  # the review's only topical regimen is the hydrocolloid dressing
KIND_DAILY = "daily"  # a period of daily treatment (start and end date)
KIND_ON = "on"  # a cycle's treatment period (daily treatment)
KIND_OFF = "off"  # a cycle's pause (no treatment)


def unit_word_params(unit: str, amount: float) -> dict[str, str]:
    """The ``unit`` message parameter: the unit's spelling in each language ("weeks" /
    "semaines", "mg/kg"), singular or plural for ``amount``, as a ``localized`` value."""
    return localized(
        en=format_unit(unit, "en", singular=amount == 1),
        fr=format_unit(unit, "fr", singular=abs(amount) < 2),
    )


def options_word_params(options: tuple[float, ...]) -> dict[str, str]:
    """ "50 or 100" / "50 ou 100" for a message, as a ``localized`` value."""
    from functools import reduce

    def text(lang: str) -> str:
        return reduce(
            lambda first, last: word("or_list", lang, first=first, last=last),
            (format_number(o, lang, 4) for o in options),
        )

    return localized(**{lang: text(lang) for lang in LANGUAGES})


def range_word_params(spec: ValueSpec) -> dict[str, str]:
    """The source's values in words: "240–480" / "240 à 480", "50 or 100" / "50 ou 100",
    "up to 500" / "jusqu'à 500", as a ``localized`` value."""
    if spec.options:
        return options_word_params(spec.options)
    low = spec.low

    def text(lang: str) -> str:
        high = format_number(spec.high, lang, 4)
        if low is None:
            return word("value_up_to", lang, high=high)
        return word("value_range", lang, low=format_number(low, lang, 4), high=high)

    return localized(**{lang: text(lang) for lang in LANGUAGES})


@dataclass(frozen=True)
class Administration:
    """One row of the calendar: a dated event, or a treatment period from ``date`` to ``end``.

    ``number`` counts the rows of the same kind from 1; ``course`` is the course (or cycle) it
    belongs to; ``number_in_course`` its place inside that course. ``first_day``/``last_day`` count
    treatment days from the start date (day 1), so "ceftriaxone days 1–20" reads off directly.
    """

    date: _dt.date  # (the module's ``date`` is shadowed by this field inside the class)
    end: _dt.date
    number: int
    course: int
    kind: str
    number_in_course: int = 1
    first_day: int = 1
    last_day: int = 1
    continues: bool = False  # a period cut at the horizon: treatment goes on after it

    @property
    def days(self) -> int:
        """Calendar days covered, both ends included."""
        return (self.end - self.date).days + 1

    @property
    def is_period(self) -> bool:
        return self.kind in (KIND_DAILY, KIND_ON, KIND_OFF)


@dataclass(frozen=True)
class RegimenSchedule:
    """The dated calendar of one regimen from ``start`` up to ``horizon_end`` (excluded)."""

    regimen_id: str
    pattern: str | None
    start: date
    horizon_months: int
    horizon_end: date
    administrations: tuple[Administration, ...]
    choices: Mapping[str, float]  # every ranged value used (chosen or lower bound)
    warnings: tuple[Issue, ...] = ()
    source: Source | None = None  # where the timing comes from
    next_after_horizon: date | None = None  # first planned date past the horizon, if any
    repeats_until_horizon: bool = False  # open-ended: cut by the horizon, not by the regimen
    notes: tuple[Issue, ...] = field(default=())
    # names in ``choices`` that hold the source's documented default, not a clinician's choice
    defaults: tuple[str, ...] = ()

    @property
    def last_day(self) -> date:
        return self.horizon_end - timedelta(days=1)

    def treatment_rows(self) -> tuple[Administration, ...]:
        """Rows when something is given or done (not the pauses of a cycle)."""
        return tuple(a for a in self.administrations if a.kind != KIND_OFF)

    def dates(self) -> list[date]:
        """The first date of each treatment row (each dose, session, period start)."""
        return [a.date for a in self.treatment_rows()]


# --------------------------------------------------------------------------- calendar arithmetic


def add_months(day: date, months: int) -> date:
    """Same day of the month ``months`` later, clamped to the month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_duration(day: date, amount: float, unit: str) -> date:
    """``day`` + ``amount`` ``unit`` (whole days or months; see the module's calendar rules)."""
    if unit in ("month", "year"):
        months = amount * (12 if unit == "year" else 1)
        return add_months(day, round(months))
    days = amount * (7 if unit == "week" else 1)
    return day + timedelta(days=round(days))


def _months_of(amount: float, unit: str) -> int | None:
    if unit == "month":
        return round(amount)
    if unit == "year":
        return round(amount * 12)
    return None


def _step(origin: date, amount: float, unit: str, k: int) -> date:
    """The k-th repeat of an interval counted from ``origin`` (no monthly drift)."""
    months = _months_of(amount, unit)
    if months is not None:
        return add_months(origin, months * k)
    return origin + timedelta(days=round(amount * (7 if unit == "week" else 1)) * k)


# --------------------------------------------------------------------------- checks


def check_horizon(horizon_months: int) -> None:
    if (
        isinstance(horizon_months, bool)
        or not isinstance(horizon_months, int)
        or not HORIZON_MIN_MONTHS <= horizon_months <= HORIZON_MAX_MONTHS
    ):
        raise CalxError(
            "horizon_out_of_range",
            field="horizon_months",
            value=horizon_months,
            min=HORIZON_MIN_MONTHS,
            max=HORIZON_MAX_MONTHS,
        )


# --------------------------------------------------------------------------- the engine


def _event_kind(regimen: Regimen) -> str:
    if regimen.route == "procedure":
        return KIND_SESSION
    if regimen.route == "topical" and regimen.dose is None:
        return KIND_DRESSING
    return KIND_DOSE


class _Builder:
    def __init__(self, start: date, horizon_end: date) -> None:
        self.start = start
        self.horizon_end = horizon_end
        self.rows: list[Administration] = []
        self.counts: dict[str, int] = {}
        self.next_after: date | None = None

    def inside(self, day: date) -> bool:
        return day < self.horizon_end

    def past(self, day: date) -> None:
        """Remember the first planned date that falls after the horizon."""
        if self.next_after is None or day < self.next_after:
            self.next_after = day

    def _number(self, kind: str) -> int:
        self.counts[kind] = self.counts.get(kind, 0) + 1
        return self.counts[kind]

    def event(self, day: date, kind: str, course: int = 1, in_course: int = 1) -> bool:
        if not self.inside(day):
            self.past(day)
            return False
        n = (day - self.start).days + 1
        self.rows.append(
            Administration(day, day, self._number(kind), course, kind, in_course, n, n)
        )
        return True

    def period(self, first: date, end_excl: date, kind: str, course: int = 1) -> bool:
        """A period ``[first, end_excl)``, cut at the horizon."""
        if not self.inside(first):
            if kind != KIND_OFF:  # a pause is not a planned date
                self.past(first)
            return False
        continues = end_excl > self.horizon_end
        last = min(end_excl, self.horizon_end) - timedelta(days=1)
        self.rows.append(
            Administration(
                first,
                last,
                self._number(kind),
                course,
                kind,
                1,
                (first - self.start).days + 1,
                (last - self.start).days + 1,
                continues,
            )
        )
        return True


# ----------------------------------------------------------------- words for a pattern's values


def value_words(spec: ValueSpec, lang: str) -> str:
    """ "240–480" / "240 à 480", "50 or 100", "up to 500" / "jusqu'à 500", or one number."""
    if not spec.options and spec.low == spec.high:
        return format_number(spec.high, lang, 3)
    return format_param(range_word_params(spec), lang)


def _duration_words(d: DurationSpec, lang: str) -> str:
    # English: singular for exactly one ("1 week"); French: below two ("1 semaine").
    single = (d.value.is_fixed and d.value.high == 1) or (lang == "fr" and d.value.high < 2)
    return f"{value_words(d.value, lang)} {format_unit(d.unit, lang, singular=single)}"


def _every_words(d: DurationSpec, lang: str) -> str:
    if d.value.low is not None and d.value.low != d.value.high:
        return format_interval(d.value.low, d.unit, lang, high=d.value.high)
    if d.value.low is None:  # "up to every ..." is not a pattern the content uses; say it plainly
        return word("show_at_most_every", lang, duration=_duration_words(d, lang))
    return format_interval(d.value.high, d.unit, lang)


def chosen_duration_words(amount: float, unit: str, lang: str) -> str:
    """ "6 weeks" / "6 semaines", "3 months" / "3 mois": a value the schedule used."""
    return f"{format_number(amount, lang)} {format_param(unit_word_params(unit, amount), lang)}"


@dataclass(frozen=True)
class WhenFacts:
    """What the patient's "when" sentence is made of: the treatment rows of a laid-out schedule
    (at least one), the regimen's schedule and the values the clinician chose in its ranges."""

    rows: tuple[Administration, ...]
    schedule: Schedule
    choices: Mapping[str, float]

    def used(self, name: str, spec: DurationSpec | None) -> tuple[float, str]:
        """The value the schedule used for ``name``: the clinician's choice, else the source's."""
        assert spec is not None  # the pattern needs it (checked by schedule_from)
        chosen = self.choices.get(name)
        return (float(chosen) if chosen is not None else spec.value.high), spec.unit


def _when_dates(f: WhenFacts, lang: str) -> str:
    """Separate dates: "On DATE", or "COUNT times, from FIRST to LAST"."""
    first = f.rows[0]
    if len(f.rows) == 1:
        return word("when_once", lang, date=format_date(first.date, lang))
    return word(
        "when_events",
        lang,
        count=len(f.rows),
        first=format_date(first.date, lang),
        last=format_date(f.rows[-1].end, lang),
    )


# --------------------------------------------------------------------------- the patterns


@dataclass(frozen=True)
class _Layout:
    """What a pattern lays its rows out from."""

    regimen_id: str
    schedule: Schedule
    start: date
    kind: str  # what one event is (dose, session, dressing change)
    pick: ScheduleChoices
    rows: _Builder


_LayoutFunction = Callable[[_Layout], bool]
# The pattern in words for the clinician (``calx show``) and for the patient (the plan's "When").
_DescribeFunction = Callable[[Schedule, str], str]
_WhenFunction = Callable[[WhenFacts, str], str]
# (kind, count) of what a course total covers: "administrations" or "days" (None: no total).
_CourseFunction = Callable[[Schedule], tuple[str, int] | None]


def _no_course(schedule: Schedule) -> tuple[str, int] | None:
    """Open-ended or repeating: no course total."""
    return None


@dataclass(frozen=True)
class Pattern:
    """One timing pattern of the content, declared once: the ``Schedule`` fields it uses (the
    content validator refuses any other), those it needs (``regimen.schedule_from`` refuses a
    schedule without them), how it lays out its dates, and what a course total covers (the
    dose's ``course_total``). ``lay_out`` adds the rows and says whether the schedule is
    open-ended (cut by the horizon, not by the regimen); ``describe`` says the pattern to the
    clinician (``calx show``) and ``when`` to the patient (the printed plan's "When")."""

    name: str
    uses: frozenset[str]
    needs: tuple[str, ...]
    lay_out: _LayoutFunction
    describe: _DescribeFunction
    when: _WhenFunction = _when_dates
    course: _CourseFunction = _no_course


# Every pattern, in the order the content README lists them.
PATTERNS: dict[str, Pattern] = {}


def _pattern(
    name: str,
    describe: _DescribeFunction,
    uses: tuple[str, ...] = (),
    needs: tuple[str, ...] = (),
    course: _CourseFunction = _no_course,
    when: _WhenFunction = _when_dates,
) -> Callable[[_LayoutFunction], _LayoutFunction]:
    """Declare the decorated function as the layout of pattern ``name``."""
    known = {f.name for f in fields(Schedule)} - {"pattern"}
    if not set(uses) <= known or not set(needs) <= set(uses):
        raise ValueError(f"pattern {name!r}: fields must be Schedule fields it uses")

    def declare(lay_out: _LayoutFunction) -> _LayoutFunction:
        PATTERNS[name] = Pattern(name, frozenset(uses), needs, lay_out, describe, when, course)
        return lay_out

    return declare


@_pattern("once", describe=lambda s, lang: word("show_once", lang))
def _once(p: _Layout) -> bool:
    """One administration or session on the start date."""
    p.rows.event(p.start, p.kind)
    return False


def _describe_offsets(s: Schedule, lang: str) -> str:
    unit = format_unit(s.offsets[0].unit if s.offsets else "week", lang)
    at = ", ".join(value_words(o.value, lang) for o in s.offsets)  # "at weeks 0, 2, 6"
    if s.every:
        return word("show_offsets_then", lang, unit=unit, at=at, every=_every_words(s.every, lang))
    return word("show_offsets", lang, unit=unit, at=at)


@_pattern(
    "offsets_then_every",
    describe=_describe_offsets,
    uses=("offsets", "every"),
    needs=("offsets",),
)
def _offsets_then_every(p: _Layout) -> bool:
    """Fixed offsets from the start, then (with ``every``) a repeat interval counted from the
    last offset, until the horizon: infliximab weeks 0, 2, 6 then every 8 weeks."""
    s = p.schedule
    offset_days = [
        add_duration(p.start, p.pick.value(f"offset_{i}", spec), spec.unit)
        for i, spec in enumerate(s.offsets, start=1)
    ]
    if any(a >= b for a, b in pairwise(offset_days)):
        raise CalxError("schedule_inconsistent", field="schedule.offsets", regimen=p.regimen_id)
    for n, day in enumerate(offset_days, start=1):
        p.rows.event(day, p.kind, 1, n)
    if s.every is None:
        return False
    every = p.pick.value("every", s.every)
    last = offset_days[-1] if offset_days else p.start
    k = 1
    while p.rows.event(_step(last, every, s.every.unit, k), p.kind, 1, len(offset_days) + k):
        k += 1
    return True


def _series_course(s: Schedule) -> tuple[str, int] | None:
    """A course is ``count`` administrations."""
    return ("administrations", s.count) if s.count else None


def _describe_series(s: Schedule, lang: str) -> str:
    count = str(s.count or 1)
    series = (
        word("show_series_every", lang, count=count, every=_every_words(s.every, lang))
        if s.every
        else word("show_series", lang, count=count)
    )
    if s.courses and s.course_every:
        return word(
            "show_courses_apart",
            lang,
            series=series,
            courses=str(s.courses),
            gap=_duration_words(s.course_every, lang),
        )
    if s.course_every:
        return word(
            "show_course_repeated", lang, series=series, every=_every_words(s.course_every, lang)
        )
    return series


@_pattern(
    "series",
    describe=_describe_series,
    uses=("count", "every", "courses", "course_every"),
    needs=("count", "every"),
    course=_series_course,
)
def _series(p: _Layout) -> bool:
    """``count`` doses ``every`` apart; ``courses`` courses ``course_every`` apart, measured from
    the first dose of one course to the first dose of the next; ``course_every`` without
    ``courses`` repeats until the horizon (rituximab 1 g × 2 then every 6 months)."""
    s = p.schedule
    assert s.count is not None and s.every is not None  # checked by schedule_from
    every = p.pick.value("every", s.every)
    course_every = (
        p.pick.value("course_every", s.course_every) if s.course_every is not None else None
    )
    courses = s.courses if s.courses is not None else (None if course_every else 1)
    course = 1
    while courses is None or course <= courses:
        origin = p.start
        if course > 1:
            assert course_every is not None and s.course_every is not None
            origin = _step(p.start, course_every, s.course_every.unit, course - 1)
        if not p.rows.inside(origin):
            p.rows.past(origin)
            break
        if p.rows.rows and origin <= p.rows.rows[-1].date:
            # A course starting before the previous one ends is a content error.
            raise CalxError(
                "schedule_inconsistent", field="schedule.course_every", regimen=p.regimen_id
            )
        for i in range(s.count):
            p.rows.event(_step(origin, every, s.every.unit, i), p.kind, course, i + 1)
        course += 1
    return courses is None


def _daily_course(s: Schedule) -> tuple[str, int] | None:
    """A fixed duration in days or weeks is its days; durations in months depend on the
    calendar (see the dates), and continuous treatment has no total."""
    if s.duration is None or not s.duration.value.is_fixed:
        return None
    days = s.duration.value.high * {"day": 1, "week": 7}.get(s.duration.unit, 0)
    return ("days", round(days)) if days else None


def _describe_daily(s: Schedule, lang: str) -> str:
    if s.duration:
        return word("show_daily_for", lang, duration=_duration_words(s.duration, lang))
    return word("show_daily_continuous", lang)


def _when_daily(f: WhenFacts, lang: str) -> str:
    first = f.rows[0]
    if first.continues:
        return word("when_daily_open", lang, first=format_date(first.date, lang))
    return word(
        "when_daily_period",
        lang,
        first=format_date(first.date, lang),
        last=format_date(first.end, lang),
    )


@_pattern(
    "daily", describe=_describe_daily, uses=("duration",), course=_daily_course, when=_when_daily
)
def _daily(p: _Layout) -> bool:
    """One period of daily treatment: ``duration`` long (ceftriaxone 20 days: days 1–20), or
    continuous until the horizon."""
    s = p.schedule
    if s.duration is None:
        p.rows.period(p.start, p.rows.horizon_end + timedelta(days=1), KIND_DAILY)
        return True
    amount = p.pick.value("duration", s.duration)
    p.rows.period(p.start, add_duration(p.start, amount, s.duration.unit), KIND_DAILY)
    return False


def _describe_cycle(s: Schedule, lang: str) -> str:
    if s.on is None or s.off is None:
        return s.pattern
    return word(
        "show_cycle", lang, on=_duration_words(s.on, lang), off=_duration_words(s.off, lang)
    )


def _when_cycle(f: WhenFacts, lang: str) -> str:
    first = f.rows[0]
    return word(
        "when_cycle",
        lang,
        on=chosen_duration_words(*f.used("on", f.schedule.on), lang),
        off=chosen_duration_words(*f.used("off", f.schedule.off), lang),
        first=format_date(first.date, lang),
        last=format_date(first.end, lang),
    )


@_pattern(
    "cycle", describe=_describe_cycle, uses=("on", "off"), needs=("on", "off"), when=_when_cycle
)
def _cycle(p: _Layout) -> bool:
    """Alternating "on" (daily treatment) and "off" periods until the horizon (minocycline
    4–8 weeks on, 3–4 months off)."""
    s = p.schedule
    assert s.on is not None and s.off is not None
    on = p.pick.value("on", s.on)
    off = p.pick.value("off", s.off)
    cycle_start = p.start
    cycle = 1
    while p.rows.inside(cycle_start):
        off_start = add_duration(cycle_start, on, s.on.unit)
        next_start = add_duration(off_start, off, s.off.unit)
        p.rows.period(cycle_start, off_start, KIND_ON, cycle)
        p.rows.period(off_start, next_start, KIND_OFF, cycle)
        cycle_start = next_start
        cycle += 1
    p.rows.past(cycle_start)
    return True


def _describe_every(s: Schedule, lang: str) -> str:
    if s.every is None:
        return s.pattern
    if s.duration:
        return word(
            "show_every_for",
            lang,
            every=_every_words(s.every, lang),
            duration=_duration_words(s.duration, lang),
        )
    return _every_words(s.every, lang)


def _when_every(f: WhenFacts, lang: str) -> str:
    interval = format_interval(*f.used("every", f.schedule.every), lang)
    return word(
        "when_every",
        lang,
        interval=interval[:1].upper() + interval[1:],
        first=format_date(f.rows[0].date, lang),
    )


@_pattern(
    "every",
    describe=_describe_every,
    uses=("every", "duration"),
    needs=("every",),
    when=_when_every,
)
def _every(p: _Layout) -> bool:
    """One administration every interval (triamcinolone every 4–8 weeks, dressing every 3 days),
    for ``duration`` or until the horizon."""
    s = p.schedule
    assert s.every is not None
    every = p.pick.value("every", s.every)
    treatment_end = None  # first day after the treatment (None: until the horizon)
    if s.duration is not None:
        treatment_end = add_duration(p.start, p.pick.value("duration", s.duration), s.duration.unit)
    k = 0
    while True:
        day = _step(p.start, every, s.every.unit, k)
        if treatment_end is not None and day >= treatment_end:
            break
        if not p.rows.event(day, p.kind, 1, k + 1):
            break
        k += 1
    return treatment_end is None


def describe_schedule(schedule: Schedule, lang: str) -> str:
    """The schedule in words, from its structured numbers (its pattern's ``describe``)."""
    pattern = PATTERNS.get(schedule.pattern)
    return pattern.describe(schedule, lang) if pattern is not None else schedule.pattern


def when_sentence(facts: WhenFacts, lang: str) -> str:
    """The patient's sentence for when the treatment is given (its pattern's ``when``)."""
    pattern = PATTERNS.get(facts.schedule.pattern)
    return (pattern.when if pattern is not None else _when_dates)(facts, lang)


# --------------------------------------------------------------------------- the engine


def build_schedule(
    regimen: Regimen,
    start: date,
    horizon_months: int = DEFAULT_HORIZON_MONTHS,
    choices: Mapping[str, float] | None = None,
) -> RegimenSchedule:
    """Dated administrations of ``regimen`` from ``start`` for ``horizon_months`` months, laid
    out by its pattern (``PATTERNS``).

    Raises ``CalxError`` for a horizon outside 1–60 months (``horizon_out_of_range``), a choice
    the regimen does not offer (``unknown_choice``), a choice outside the source's range
    (``choice_out_of_range``) or not a whole number of days/months (``choice_not_whole``).
    ``choices`` may also hold ``"dose"``: it belongs to the dose and is checked by ``dosing``.
    """
    check_horizon(horizon_months)
    if not isinstance(start, date):
        raise CalxError("start_date_invalid", field="start", value=str(start))
    from desktop.core.limits import check_plan_date

    check_plan_date(start, "start")  # year 1 or 9999: no calendar runs off the end of dates
    check_choice_names(regimen, choices)
    horizon_end = add_months(start, horizon_months)
    sched = regimen.schedule
    source = regimen.schedule_source or regimen.source
    if sched is None:
        return RegimenSchedule(
            regimen.id,
            None,
            start,
            horizon_months,
            horizon_end,
            (),
            {},
            source=source,
            notes=(Issue("no_schedule_in_review"),),
        )
    pattern = PATTERNS.get(sched.pattern)
    if pattern is None:  # pragma: no cover - schedule_from refuses unknown patterns
        raise CalxError("unknown_pattern", field="schedule.pattern", pattern=sched.pattern)

    pick = ScheduleChoices(choices)
    rows = _Builder(start, horizon_end)
    open_ended = pattern.lay_out(
        _Layout(regimen.id, sched, start, _event_kind(regimen), pick, rows)
    )
    return RegimenSchedule(
        regimen_id=regimen.id,
        pattern=sched.pattern,
        start=start,
        horizon_months=horizon_months,
        horizon_end=horizon_end,
        administrations=tuple(rows.rows),
        choices=dict(pick.used),
        defaults=tuple(pick.defaults),
        warnings=tuple(pick.warnings),
        source=source,
        next_after_horizon=rows.next_after,
        repeats_until_horizon=open_ended,
    )
