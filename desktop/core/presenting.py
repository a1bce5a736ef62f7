"""One presenter for a dose: a regimen and a patient → the dose and its calendar, and its words.

``evaluate`` is the one entry point from a regimen, its product, a patient and the clinician's
choices to the ``DoseResult`` and ``RegimenSchedule``; refusals come back as issues (the window
shows them next to their field; the command line and the plan raise the first). ``dose_rows``
turns a result into the one set of labelled text rows, and ``dose_text`` into the one phrase for
the dose to give ("680 mg", "240 mg daily", "500 mg three times daily"): the window, both PDFs
and the command line print these, so they can never disagree (``tests/test_same_dose_text``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from desktop.core.errors import CalxError, Issue

if TYPE_CHECKING:
    from desktop.core.dosing import DoseResult
    from desktop.core.patient import Patient
    from desktop.core.regimen import Product, Regimen
    from desktop.core.schedule import RegimenSchedule


@dataclass(frozen=True)
class Evaluation:
    """The dose and the calendar of one regimen for one patient, or why not."""

    regimen: Regimen
    product: Product | None
    dose: DoseResult | None = None
    schedule: RegimenSchedule | None = None
    errors: tuple[Issue, ...] = ()  # refusals: nothing computed for that part
    warnings: tuple[Issue, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.errors

    def raise_first(self) -> None:
        """Raise the first refusal (command line, printed plan): nothing is half-shown."""
        if self.errors:
            raise CalxError(
                self.errors[0].code, field=self.errors[0].field, **self.errors[0].params
            )


def evaluate(
    regimen: Regimen,
    product: Product | None,
    patient: Patient | None,
    choices: Mapping[str, float] | None,
    bsa_formula: str,
    start: date,
    horizon_months: int = 12,
    shifts: tuple[tuple[int, int], ...] = (),
) -> Evaluation:
    """The dose (``desktop.core.dosing``) and the calendar (``desktop.core.schedule``) of
    ``regimen``; a dose that needs the patient's measurements is left out while they are
    missing (``patient`` None), as the window shows before anything is typed. ``shifts`` are
    the clinician's moves of a dose off a closed day (``desktop.core.closed_days``)."""
    from desktop.core.dosing import compute_dose
    from desktop.core.schedule import build_schedule

    choices = dict(choices or {})
    errors: list[Issue] = []
    dose = schedule = None
    if patient is not None or regimen.dose is None or regimen.dose.basis == "fixed":
        try:
            dose = compute_dose(
                regimen, patient, product=product, choices=choices, bsa_formula=bsa_formula
            )
        except CalxError as error:
            errors.append(error.issue)
    try:
        schedule = build_schedule(regimen, start, horizon_months, choices)
        if shifts:
            from desktop.core.closed_days import apply_shifts

            schedule = apply_shifts(schedule, shifts)
    except CalxError as error:
        errors.append(error.issue)
    warnings = tuple(dose.warnings if dose else ()) + tuple(schedule.warnings if schedule else ())
    return Evaluation(regimen, product, dose, schedule, tuple(errors), warnings)


# --------------------------------------------------------------------------- words

# Row key → its label's code in the catalogue (desktop.core.words), in display order.
LABELS: dict[str, str] = {
    "prescribed": "prescribed",
    "calculated": "calculated",
    "rounded": "dose_to_give",
    "daily": "daily_dose",
    "course": "course_total",
    "volume": "volume_to_draw_up",
    "vials": "vials",
    "concentration": "concentration",
}


@dataclass(frozen=True)
class DoseRow:
    """One labelled line of a dose's summary, in the user's language."""

    key: str  # one of LABELS
    label: str  # in the user's language, without a colon
    value: str


def _with_frequency(text: str, result: DoseResult, lang: str) -> str:
    """ "240 mg daily", "500 mg three times daily": the daily rhythm after the amount."""
    from desktop.core.formatting import format_frequency

    if result.times_per_day:
        return f"{text} {format_frequency(result.times_per_day, lang)}"
    if result.per == "day":
        return f"{text} {format_frequency(1, lang)}"
    return text


def dose_text(result: DoseResult, lang: str) -> str | None:
    """The dose to give, with its daily rhythm: "680 mg", "240 mg daily" (None: no dose)."""
    from desktop.core.formatting import format_dose

    if result.given is None:
        return None
    return _with_frequency(format_dose(result.given, lang), result, lang)


def dose_rows(result: DoseResult, lang: str) -> list[DoseRow]:
    """The labelled rows of a dose, in order: what the source prescribes, the calculated dose,
    the dose to give with its deviation, the daily dose (only when it differs from the dose:
    "500 mg three times daily"), the course total, the volume, the vials, the concentration."""
    from desktop.core.formatting import (
        format_dose,
        format_number,
        format_percent,
        format_quantity,
    )
    from desktop.core.words import word

    rows: list[tuple[str, str]] = []
    if result.prescribed is not None:
        text = format_quantity(result.prescribed, lang)
        if "dose" in result.defaults:
            text += " " + word("by_default", lang)
        rows.append(("prescribed", text))
    if result.calculated is not None:
        rows.append(
            ("calculated", _with_frequency(format_dose(result.calculated, lang), result, lang))
        )
    if result.rounded is not None and result.deviation_percent is not None:
        rows.append(
            (
                "rounded",
                word(
                    "dose_from_calculated",
                    lang,
                    dose=dose_text(result, lang) or "",
                    deviation=format_percent(result.deviation_percent, lang, signed=True),
                ),
            )
        )
    if result.daily is not None and result.times_per_day:
        rows.append(("daily", format_dose(result.daily, lang)))
    if result.course_total is not None and result.course_doses:
        days = any(step.code == "working_course_total_days" for step in result.working)
        code = (
            "course_over_days"
            if days
            else ("course_over_one" if result.course_doses == 1 else "course_over")
        )
        rows.append(
            (
                "course",
                word(
                    code,
                    lang,
                    total=format_dose(result.course_total, lang),
                    n=str(result.course_doses),
                ),
            )
        )
    if result.volume is not None:
        volume = format_quantity(result.volume, lang)
        if result.concentration is not None:
            volume = word(
                "volume_at",
                lang,
                volume=volume,
                concentration=format_quantity(result.concentration, lang),
            )
        rows.append(("volume", volume))
    elif result.concentration is not None:
        rows.append(("concentration", format_quantity(result.concentration, lang)))
    if result.vials is not None and result.vials.vials:
        vials = " + ".join(
            f"{v.count} × {format_number(v.strength_mg, lang)} mg" for v in result.vials.vials
        )
        rows.append(
            (
                "vials",
                word(
                    "vials_waste",
                    lang,
                    vials=vials,
                    waste=format_number(result.vials.waste_mg, lang),
                ),
            )
        )
    return [DoseRow(key, word(LABELS[key], lang), value) for key, value in rows]


# --------------------------------------------------------------------------- one calculation


def calculation_text(
    evaluation: Evaluation,
    patient: Patient | None,
    lang: str,
    extra_lines: tuple[str, ...] = (),
    with_calendar: bool = False,
    therapy: str = "",
) -> str:
    """One calculation as plain text, to copy or print without building a plan: the regimen,
    the measurements as typed, the dose rows, the working, the warnings (and the dates)."""
    from desktop.core.formatting import colon as colon_of
    from desktop.core.formatting import format_bsa, format_date
    from desktop.core.messages import render
    from desktop.core.words import word

    def w(code: str) -> str:
        return word(code, lang)

    colon = colon_of(lang, " ")
    title = f"{therapy} — " if therapy else ""
    lines = [f"{title}{evaluation.regimen.label.get(lang)} ({evaluation.regimen.id})"]
    if patient is not None:
        for parsed in patient.entered:
            shown = parsed.conversion_note(lang) or parsed.canonical_text(lang)
            lines.append(f"{w(parsed.kind)}{colon}{shown}")
        if patient.sex in ("female", "male"):
            lines.append(f"{w('sex')}{colon}{w('sex_' + patient.sex)}")
    lines += list(extra_lines)
    dose = evaluation.dose
    if dose is not None:
        bsa = next((i for i in dose.inputs if i.name == "bsa"), None)
        if bsa is not None:
            from desktop.core.calculators.bsa import formula_info

            method = formula_info(bsa.method).name if bsa.method else ""
            lines.append(f"{w('bsa_short')}{colon}{format_bsa(bsa.value, lang)} ({method})")
        rows = dose_rows(dose, lang)
        lines += [f"{row.label}{colon}{row.value}" for row in rows] or [w("no_dose_regimen")]
        lines.append(f"{w('working_detailed')}{colon.rstrip()}")
        lines += [f"  {n}. {render(step, lang)}" for n, step in enumerate(dose.working, 1)]
    issues = list(dict.fromkeys([*evaluation.errors, *evaluation.warnings]))
    if issues:
        lines.append(f"{w('warnings')}{colon.rstrip()}")
        lines += [f"  - {render(issue, lang)}" for issue in issues]
    if with_calendar and evaluation.schedule is not None:
        lines.append(f"{w('calendar_short')}{colon.rstrip()}")
        for row in evaluation.schedule.treatment_rows():
            span = format_date(row.date, lang, weekday=True)
            if row.is_period and row.end != row.date:
                span += f" – {format_date(row.end, lang, weekday=True)}"
            lines.append(f"  {span}")
    lines.append(w("aid_not_prescription"))
    return "\n".join(lines)
