"""Plain-words phrases about one plan item, shared by the PDF and the calendar export.

"How much" comes from the ``DoseResult`` (the dose to give: rounded by the product's rule when it
has one), "when" from the ``RegimenSchedule`` and the values it used. Numbers, units, frequencies,
intervals and dates are written by ``desktop.core.formatting`` (docs/clinical.md §4), never here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from desktop.core.errors import Issue
from desktop.core.formatting import format_date
from desktop.core.schedule import (
    KIND_OFF,
    Administration,
    WhenFacts,
    when_sentence,
)
from desktop.core.words import word
from desktop.reports.model import PlanItem

# Above this many dated rows the treatment section says "see the calendar" instead of a list.
MAX_LISTED_DATES = 16


def treatment_name(item: PlanItem, lang: str) -> str:
    return item.therapy.name.get(lang)


def told_apart(items: Sequence[PlanItem], lang: str) -> dict[str, str]:
    """What tells apart the treatments of one plan that are the same medicine (two regimens of
    rituximab, which the plan check flags): regimen id → the amount given ("680 mg") or, when
    that is the same, their order ("treatment 2"; each section says its rhythm). A patient reads
    the name beside each date and heading, and "Rituximab: infusion 1" twice on one day says
    neither which dose nor that there are two. A treatment alone of its kind is not in it."""
    from desktop.core.presenting import dose_text

    groups: dict[str, list[PlanItem]] = {}
    for item in items:
        groups.setdefault(item.therapy.id, []).append(item)
    out: dict[str, str] = {}
    for group in groups.values():
        if len(group) < 2:
            continue
        amounts = [
            dose_text(d, lang) if d is not None and d.has_dose else None
            for d in (item.dose for item in group)
        ]
        if all(amounts) and len(set(amounts)) == len(amounts):
            out.update((item.regimen_id, str(a)) for item, a in zip(group, amounts, strict=True))
        else:
            out.update(
                (item.regimen_id, word("told_apart_number", lang, n=n))
                for n, item in enumerate(group, 1)
            )
    return out


def set_apart(name: str, item: PlanItem, apart: dict[str, str]) -> str:
    """``name`` with what tells it apart, if it needs it: "Rituximab (680 mg)"."""
    mark = apart.get(item.regimen_id)
    return f"{name} ({mark})" if mark else name


def day(d: date, lang: str) -> str:
    return format_date(d, lang)


def dose_phrase(item: PlanItem, lang: str) -> str | None:
    """ "670 mg per infusion", "100 mg daily", "500 mg three times daily"; None without a dose.
    The amount and rhythm are ``desktop.core.presenting.dose_text``, as everywhere else."""
    from desktop.core.presenting import dose_text

    d = item.dose
    if d is None or not d.has_dose or d.given is None:
        return None
    amount = dose_text(d, lang)
    assert amount is not None
    if d.times_per_day or d.per == "day":
        return amount
    route = item.regimen.route if item.regimen is not None else ""
    if route == "iv":
        return word("per_infusion", lang, dose=amount)
    if route in ("intralesional", "sc"):
        return word("per_injection", lang, dose=amount)
    return word("each_time", lang, dose=amount)


def route_phrase(item: PlanItem, lang: str) -> str | None:
    if item.regimen is None:
        return None
    return word(f"route_{item.regimen.route}", lang)


def when_phrases(item: PlanItem, lang: str) -> list[str]:
    """Sentences for "When": the rhythm (its pattern's words, ``desktop.core.schedule``), then
    what happens after the calendar ends."""
    schedule = item.schedule
    regimen = item.regimen
    if schedule is None or regimen is None or regimen.schedule is None:
        return [word("when_as_prescribed", lang)]
    rows = tuple(schedule.treatment_rows())
    out: list[str] = []
    if rows:
        out.append(when_sentence(WhenFacts(rows, regimen.schedule, schedule.choices), lang))
    if schedule.repeats_until_horizon:
        out.append(word("when_continues", lang, date=day(schedule.last_day, lang)))
    elif schedule.next_after_horizon is not None:
        out.append(word("when_next", lang, date=day(schedule.next_after_horizon, lang)))
    return out


def closed_day_warning(item: PlanItem, lang: str) -> Issue | None:
    """Its hospital dates left on a closed day ("25 December 2026 (Christmas Day)"), or None."""
    if not item.closed:
        return None
    dates = ", ".join(f"{day(c.day, lang)} ({c.name})" for c in item.closed)
    return Issue("closed_day_dates", {"treatment": treatment_name(item, lang), "dates": dates})


def listed_dates(item: PlanItem) -> list[date] | None:
    """The dates to list beside a treatment given on separate days (infusions, sessions), or
    None when the calendar says it better (daily treatment, cycles, many dates)."""
    if item.schedule is None:
        return None
    rows = item.schedule.treatment_rows()
    if not rows or any(r.is_period for r in rows) or len(rows) > MAX_LISTED_DATES:
        return None
    return [r.date for r in rows]


def kind_word(row: Administration, lang: str) -> str:
    return word(f"kind_{row.kind}", lang) if row.kind != KIND_OFF else word("calendar_break", lang)
