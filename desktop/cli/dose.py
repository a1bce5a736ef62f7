"""``calx dose REGIMEN_ID``: the dose of one administration and the dated schedule of a regimen.

Its own command group (``desktop.cli.main.COMMANDS``). A thin shell: the
patient is read by ``Patient.from_inputs``, the regimen and its product come from the reference
database, the dose from ``desktop.core.dosing.compute_dose`` and the dates from
``desktop.core.schedule.build_schedule``.

JSON contract (kept stable for scripts; amounts are unrounded floats):
``regimen``, ``dose_mg`` (calculated, unrounded, per administration; the daily total when
``dose_per`` is "day"; null when the review gives no dose or the dose is not a mass),
``dose_ml`` (doses in mL, such as aluminium hydroxide 30 mL), ``dose_units``, ``dose_per``,
``dose_display``, ``rounded_dose_mg``, ``deviation_percent``, ``daily_dose_mg`` / ``daily_dose_ml``,
``course_total_mg``, ``bsa_m2``, ``bsa_formula``, ``volume_ml`` (concentrate), ``vials`` (list of
{"strength_mg", "count"}), ``final_concentration_mg_ml``, ``choices`` (every ranged value used),
``choices_by_default`` (those of them nobody chose: the source's documented default),
``start``, ``horizon_months``, ``administrations`` (ISO dates: every dose, session or day of
treatment inside the horizon), ``schedule`` (rows with start and end dates), ``next_after_horizon``,
``working`` (the steps in words), ``warnings`` (list of {"code", "message"}), ``alerts`` (the plan
check of this regimen alone: list of {"severity", "code", "message", "action", "sources",
"triggered_by", …}, see ``desktop.reports.alerts``).
"""

from __future__ import annotations

import argparse
from datetime import timedelta
from typing import Any

from desktop.cli.common import (
    add_common,
    add_patient_arguments,
    alerts_json,
    alerts_text,
    parse_date_argument,
    print_json,
    read_patient,
)
from desktop.cli.dosing import _input_lines, _print_warnings, _warnings_json
from desktop.core.errors import CalxError, Issue
from desktop.core.messages import render

# Schedule row kinds (desktop.core.schedule.KIND_*) → code of their word (desktop.core.words).
ROW_WORDS: dict[str, str] = {
    "dose": "cli_row_dose",
    "daily": "kind_daily",
    "session": "kind_session",
    "dressing change": "kind_dressing change",
    "on": "cli_row_on",
    "off": "cli_row_off",
}


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "dose", help="dose of one administration of a regimen, with its working and its dates"
    )
    p.add_argument("regimen", metavar="REGIMEN_ID", help="a regimen id (see `calx show THERAPY`)")
    add_patient_arguments(p)
    p.add_argument("--start", help="first administration, YYYY-MM-DD (default: today)")
    p.add_argument(
        "--horizon-months",
        type=int,
        default=12,
        help="how far ahead to plan, 1 to 60 months (default: 12)",
    )
    p.add_argument(
        "--choose",
        action="extend",
        nargs="+",
        default=[],
        metavar="NAME=VALUE",
        help="a value inside a range of the source: dose=360, every=6, on=8, off=3",
    )
    add_common(p)
    p.set_defaults(handler=run_dose)


def parse_choices(items: list[str], lang: str) -> dict[str, float]:
    """``["every=6", "dose=360"]`` → ``{"every": 6.0, "dose": 360.0}`` (decimal comma accepted)."""
    from desktop.core.parsing import parse_number

    choices: dict[str, float] = {}
    for item in items:
        name, sep, text = item.partition("=")
        name = name.strip()
        if not sep or not name or not text.strip() or name in choices:
            raise CalxError("choose_malformed", field="choose", text=item)
        choices[name] = parse_number(text.strip(), lang, field=name)
    return choices


def _mass_mg(q: Any) -> float | None:
    """A quantity in mg, or None when absent or not a mass (mL, units)."""
    if q is None:
        return None
    try:
        return float(q.m_as("mg"))
    except Exception:  # pint.DimensionalityError
        return None


def _in(q: Any, unit: str) -> float | None:
    if q is None:
        return None
    try:
        return float(q.m_as(unit))
    except Exception:  # pint.DimensionalityError
        return None


def administration_dates(schedule: Any) -> list[str]:
    """Every dated administration: each dose or session, and each day of a treatment period."""
    days: list[str] = []
    for row in schedule.treatment_rows():
        d = row.date
        while d <= row.end:
            days.append(d.isoformat())
            d += timedelta(days=1)
    return days


def dose_display(result: Any, lang: str) -> str | None:
    """ "681.79 mg", "240 mg daily", "500 mg three times daily", "30 mL four times daily"."""
    from desktop.core.formatting import format_dose, format_frequency

    if result.calculated is None:
        return None
    text = format_dose(result.calculated, lang)
    if result.times_per_day:
        return f"{text} {format_frequency(result.times_per_day, lang)}"
    if result.per == "day":
        return f"{text} {format_frequency(1, lang)}"
    return text


def run_dose(args: argparse.Namespace) -> int:
    from desktop.core.plan_check import check_plan, plan_regimen
    from desktop.core.presenting import evaluate
    from desktop.data.refdb import ReferenceDB

    lang = args.lang
    choices = parse_choices(args.choose, lang)
    start = parse_date_argument(args.start, "start_date_invalid", "start")
    db = ReferenceDB.open()
    try:
        patient, _ = read_patient(args, db)
        regimen = db.regimen(args.regimen)
        product = db.product(regimen.product) if regimen.product else None
        alerts = check_plan(patient, [plan_regimen(regimen)], None, db.safety())
        # Only the form printed: the alerts as JSON or as lines of text.
        alerts_document = alerts_json(alerts, lang, db) if args.json else []
        alert_lines = [] if args.json else alerts_text(alerts, lang, db)
    finally:
        db.close()
    # The one entry point the window and the plan use; the first refusal is the answer.
    evaluation = evaluate(
        regimen, product, patient, choices, args.formula, start, args.horizon_months
    )
    evaluation.raise_first()
    result, schedule = evaluation.dose, evaluation.schedule
    assert result is not None and schedule is not None

    working = patient.conversion_notes(lang) + [render(step, lang) for step in result.working]
    issues: list[Issue] = [*result.warnings, *schedule.warnings, *schedule.notes]
    bsa = next((i for i in result.inputs if i.name == "bsa"), None)

    if args.json:
        unit = result.unit
        print_json(
            {
                "regimen": regimen.id,
                "label": regimen.label.get(lang),
                "basis": result.basis,
                "dose_per": result.per,
                "times_per_day": result.times_per_day,
                "dose_mg": _mass_mg(result.calculated),
                "dose_ml": _in(result.calculated, "mL") if unit == "mL" else None,
                "dose_units": _in(result.calculated, "units") if unit == "units" else None,
                "dose_display": dose_display(result, lang),
                "rounded_dose_mg": _mass_mg(result.rounded),
                "deviation_percent": result.deviation_percent,
                "daily_dose_mg": _mass_mg(result.daily),
                "daily_dose_ml": _in(result.daily, "mL") if unit == "mL" else None,
                "course_total_mg": _mass_mg(result.course_total),
                "bsa_m2": float(bsa.value.magnitude) if bsa else None,
                "bsa_formula": bsa.method if bsa else None,
                "volume_ml": _in(result.volume, "mL"),
                "vials": (
                    [{"strength_mg": v.strength_mg, "count": v.count} for v in result.vials.vials]
                    if result.vials
                    else []
                ),
                "final_concentration_mg_ml": (
                    result.dilution.final_concentration_mg_ml if result.dilution else None
                ),
                "choices": {**schedule.choices, **result.choices},
                "choices_by_default": sorted({*schedule.defaults, *result.defaults}),
                "start": start.isoformat(),
                "horizon_months": schedule.horizon_months,
                "administrations": administration_dates(schedule),
                "schedule": [
                    {
                        "date": a.date.isoformat(),
                        "end": a.end.isoformat(),
                        "kind": a.kind,
                        "number": a.number,
                        "course": a.course,
                        "first_day": a.first_day,
                        "last_day": a.last_day,
                        "continues": a.continues,
                    }
                    for a in schedule.administrations
                ],
                "next_after_horizon": (
                    schedule.next_after_horizon.isoformat() if schedule.next_after_horizon else None
                ),
                "working": working,
                "warnings": _warnings_json(issues, lang),
                "alerts": alerts_document,
            }
        )
        return 0

    _print_text(regimen, result, schedule, patient, working, issues, lang)
    for line in alert_lines:
        print(line)
    return 0


def _print_text(
    regimen: Any,
    result: Any,
    schedule: Any,
    patient: Any,
    working: list[str],
    issues: list[Issue],
    lang: str,
) -> None:
    from desktop.core.formatting import colon as colon_of
    from desktop.core.formatting import format_date
    from desktop.core.presenting import dose_rows
    from desktop.core.words import word

    def w(code: str) -> str:
        return word(code, lang)

    colon = colon_of(lang, " ")
    print(f"{regimen.label.get(lang)} ({regimen.id})")
    for line in _input_lines(patient, lang):
        print(line)
    if result.calculated is None:
        print(f"{w('cli_dose')}{colon}{w('cli_no_dose')}")
    for row in dose_rows(result, lang):  # the rows the window and the clinician copy show
        print(f"{row.label}{colon}{row.value}")
    print(f"{w('working')}{colon.rstrip()}")
    for step in working:
        print(f"  - {step}")
    print(f"{w('schedule')}{colon.rstrip()}")
    for a in schedule.administrations:
        kind = w(ROW_WORDS[a.kind]) if a.kind in ROW_WORDS else a.kind
        if a.is_period:
            span = f"{format_date(a.date, lang)} {w('cli_to')} {format_date(a.end, lang)}"
            days = w("cli_day" if a.days == 1 else "cli_days")
            more = f", {w('cli_continues')}" if a.continues else ""
            print(f"  {span}{colon}{kind} ({a.days} {days}{more})")
        else:
            course = f", {w('cli_course')} {a.course}" if a.course > 1 else ""
            print(f"  {format_date(a.date, lang)}{colon}{kind} {a.number}{course}")
    if schedule.next_after_horizon is not None:
        print(f"  {w('cli_after')}{colon}{format_date(schedule.next_after_horizon, lang)}")
    _print_warnings(issues, lang)
