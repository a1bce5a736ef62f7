"""One call from the window to the dosing engine: a regimen, a patient, the clinician's choices.

The work is the domain's one entry point (``desktop.core.presenting.evaluate``), shared with the
PDF and the command line; this only fetches the regimen and its product from the database.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.core.choices import ChoiceSpec
    from desktop.core.patient import Patient
    from desktop.core.presenting import Evaluation as Computation
    from desktop.core.regimen import Product, Regimen


def choice_specs(regimen: Regimen, product: Product | None = None) -> list[ChoiceSpec]:
    """Every range of ``regimen`` the clinician may choose in (``desktop.core.choices``)."""
    from desktop.core.choices import choice_specs as specs

    return specs(regimen, product)


def compute(
    db: Any,
    regimen_id: str,
    patient: Patient | None,
    choices: Mapping[str, float],
    bsa_formula: str,
    start: date,
    horizon_months: int = 12,
    shifts: tuple[tuple[int, int], ...] = (),
) -> Computation:
    """The dose and the calendar of one regimen for one patient (``desktop.core.presenting``);
    refusals come back as issues."""
    from desktop.core.presenting import evaluate

    regimen = db.regimen(regimen_id)
    product = db.product(regimen.product) if regimen.product else None
    return evaluate(regimen, product, patient, choices, bsa_formula, start, horizon_months, shifts)
