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
    from desktop.core.choices import ChoiceSpec
    from desktop.core.dosing import DoseResult
    from desktop.core.errors import Issue
    from desktop.core.patient import Patient
    from desktop.core.regimen import Product, Regimen
    from desktop.core.schedule import RegimenSchedule


def choice_specs(regimen: Regimen, product: Product | None = None) -> list[ChoiceSpec]:
    """Every range of ``regimen`` the clinician may choose in (``desktop.core.choices``)."""
    from desktop.core.choices import choice_specs as specs

    return specs(regimen, product)


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
