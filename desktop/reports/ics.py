"""Calendar export of a plan's schedule (RFC 5545 ``.ics``, written with the icalendar library).

One all-day VEVENT per dated row of each regimen's schedule: an infusion, an injection, a session,
a dressing change. A period of daily treatment (continuous diltiazem, a minocycline "on" period) is
one VEVENT repeated every day of the period (``RRULE:FREQ=DAILY;COUNT=n``), so calendar programs
show it on each day without a file of hundreds of events. Pauses of a cycle are not events.

What common calendar programs need: VERSION 2.0, PRODID, a UID per event that stays the same when
the same plan is exported again (plan id + regimen + row index), DTSTAMP (from the plan's date,
never the clock), all-day DTSTART/DTEND dates. SUMMARY names the treatment; DESCRIPTION carries the
dose and how it is given, in the plan's language. The patient's name is not written in the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

from icalendar import Calendar, Event

from desktop import __version__
from desktop.core.errors import CalxError
from desktop.core.formatting import colon
from desktop.core.schedule import KIND_OFF
from desktop.core.words import LANGUAGES, unknown_language, word
from desktop.reports.model import PlanDocument, PlanItem
from desktop.reports.phrases import (
    day,
    dose_phrase,
    kind_word,
    route_phrase,
    set_apart,
    told_apart,
    treatment_name,
)

PRODID = f"-//Calx//Calx {__version__} treatment plan//EN"
UID_DOMAIN = "calx.invalid"  # a reserved name: UIDs must look like addresses, never resolve


def schedule_to_ics(
    plan_or_items: PlanDocument | Sequence[PlanItem],
    lang: str | None = None,
    *,
    plan_id: str | None = None,
    prepared_on: date | None = None,
) -> bytes:
    """The ``.ics`` bytes of the plan's calendar. Given a plan, its id, date and language are
    used; given bare items, pass ``plan_id`` and ``prepared_on`` (the time stamp) and ``lang``."""
    if isinstance(plan_or_items, PlanDocument):
        plan = plan_or_items
        items: Sequence[PlanItem] = plan.items
        plan_id = plan_id or plan.plan_id
        prepared_on = prepared_on or plan.prepared_on
        lang = lang or plan.lang
    else:
        items = plan_or_items
    if lang not in LANGUAGES:
        raise CalxError("unknown_language", field="lang", **unknown_language(lang))
    if not plan_id or not isinstance(prepared_on, date):
        raise CalxError("calendar_needs_plan", field="plan_id")
    stamp = datetime.combine(prepared_on, time(0, 0), tzinfo=UTC)

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", word("ics_calendar_name", lang))
    apart = told_apart(items, lang)
    for item in items:
        for event in _events(item, lang, plan_id, stamp, apart):
            cal.add_component(event)
    return bytes(cal.to_ical())


def _description(item: PlanItem, lang: str, prepared_on: date) -> str:
    lines = []
    dose = dose_phrase(item, lang)
    if dose is not None:
        lines.append(word("ics_dose", lang, dose=dose))
    how = route_phrase(item, lang)
    if how is not None:
        lines.append(word("ics_how", lang, how=how))
    lines.append(word("ics_footer", lang, date=day(prepared_on, lang)))
    return "\n".join(lines)


def _events(
    item: PlanItem, lang: str, plan_id: str, stamp: datetime, apart: dict[str, str]
) -> list[Event]:
    if item.schedule is None:
        return []
    name = set_apart(treatment_name(item, lang), item, apart)
    description = _description(item, lang, stamp.date())
    events = []
    rows = [r for r in item.schedule.administrations if r.kind != KIND_OFF]
    for index, row in enumerate(rows):
        event = Event()
        event.add("uid", f"{plan_id}-{item.regimen_id}-{index}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", row.date)
        event.add("dtend", row.date + timedelta(days=1))
        if row.is_period:
            event.add("rrule", {"freq": "daily", "count": row.days})
            summary = word("ics_summary_period", lang, treatment=name, kind=kind_word(row, lang))
        else:
            summary = word(
                "ics_summary_event",
                lang,
                treatment=name,
                kind=kind_word(row, lang),
                number=row.number,
            )
        event.add("summary", summary)
        event.add("description", description)
        event.add("transp", "TRANSPARENT")  # a reminder, not a busy slot
        events.append(event)
    for test in item.tests:  # the monitoring its rules time: one event per test date
        for index, when in enumerate(test.dates):
            event = Event()
            event.add("uid", f"{plan_id}-{item.regimen_id}-{test.code}-{index}@{UID_DOMAIN}")
            event.add("dtstamp", stamp)
            event.add("dtstart", when)
            event.add("dtend", when + timedelta(days=1))
            event.add(
                "summary",
                f"{name}{colon(lang)}{test.test.get(lang)}"
                if test.test
                else word("ics_summary_test", lang, treatment=name),
            )
            if test.instruction is not None:
                event.add("description", test.instruction.get(lang))
            event.add("transp", "TRANSPARENT")
            events.append(event)
    return events
