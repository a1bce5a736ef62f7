"""One call from the window to the dosing engine: a regimen, a patient, the clinician's choices.

The arithmetic is the domain's (``desktop.core.dosing.compute_dose``,
``desktop.core.schedule.build_schedule``); this only gathers the pieces from the database and
turns a refusal into an ``Issue`` the window can show next to the field it names.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.core.dosing import DoseResult
    from desktop.core.errors import Issue
    from desktop.core.patient import Patient
    from desktop.core.regimen import Product, Regimen
    from desktop.core.schedule import RegimenSchedule


@dataclass(frozen=True)
class ChoiceSpec:
    """A value the clinician may choose inside the source's range."""

    name: str            # "dose", "every", "on", "off", "duration", "course_every", "offset_N"
    low: float           # 0 for an "up to"
    high: float
    options: tuple[float, ...]
    unit: str            # "mg/m²", "mg", "week", "month"...
    whole: bool          # schedule values are whole days, weeks or months
    default: float


def choice_specs(regimen: Regimen) -> list[ChoiceSpec]:
    """Every range of ``regimen`` the clinician may choose in, dose first."""
    from desktop.core.schedule import schedule_choice_names

    specs: list[ChoiceSpec] = []
    dose = regimen.dose
    if dose is not None and dose.amount.is_range:
        unit = {"fixed": dose.unit, "per_kg": f"{dose.unit}/kg",
                "per_m2": f"{dose.unit}/m²"}[dose.basis]
        amount = dose.amount
        low = amount.low if amount.low is not None else 0.0
        specs.append(ChoiceSpec("dose", low, amount.high, amount.options, unit, False,
                                amount.default if amount.default is not None else amount.high))
    for name, duration in schedule_choice_names(regimen.schedule).items():
        value = duration.value
        low = value.low if value.low is not None else 1.0
        specs.append(ChoiceSpec(name, low, value.high, value.options, duration.unit, True,
                                value.default if value.default is not None else value.high))
    return specs


@dataclass(frozen=True)
class Computation:
    regimen: Regimen
    product: Product | None
    dose: DoseResult | None = None
    schedule: RegimenSchedule | None = None
    errors: tuple[Issue, ...] = ()          # refusals: nothing computed for that part
    warnings: tuple[Issue, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.errors


def compute(db: Any, regimen_id: str, patient: Patient | None, choices: Mapping[str, float],
            bsa_formula: str, start: date, horizon_months: int = 12) -> Computation:
    """The dose and the calendar of one regimen for one patient; refusals come back as issues."""
    from desktop.core.dosing import compute_dose
    from desktop.core.errors import CalxError
    from desktop.core.schedule import build_schedule

    regimen = db.regimen(regimen_id)
    product = db.product(regimen.product) if regimen.product else None
    errors: list[Issue] = []
    dose = schedule = None
    if patient is not None or regimen.dose is None or regimen.dose.basis == "fixed":
        try:
            dose = compute_dose(regimen, patient, product=product, choices=dict(choices),
                                bsa_formula=bsa_formula)
        except CalxError as error:
            errors.append(error.issue)
    schedule_choices = {k: v for k, v in choices.items() if k != "dose"}
    try:
        schedule = build_schedule(regimen, start, horizon_months, schedule_choices)
    except CalxError as error:
        errors.append(error.issue)
    warnings = tuple(dose.warnings if dose else ()) + tuple(schedule.warnings if schedule else ())
    return Computation(regimen, product, dose, schedule, tuple(errors), warnings)
