"""Adjusted body weight, kg: ABW = IBW + 0.4 × (W − IBW) (docs/clinical.md §2).

W = actual weight in kg; IBW = Devine ideal body weight (``ideal_body_weight``), whose warnings
(extrapolation below 152.4 cm) are carried over. Valid range: as for IBW. No citation recorded in
docs/clinical.md for the 0.4 factor: shown as a formula without a reference.

Worked example (tests/core/test_body_weight.py): man 180 cm, 120 kg → IBW 74.99 kg;
74.99 + 0.4 × (120 − 74.99) = 93.00 kg.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.core.calculators import Calculation, equations, magnitude_in, require_input
from desktop.core.calculators.ideal_body_weight import ideal_body_weight
from desktop.core.limits import require_within
from desktop.core.words import texts

if TYPE_CHECKING:
    import pint

ADJUSTMENT_FACTOR = 0.4


def abw_value(weight_kg: float, ibw_kg: float) -> float:
    return ibw_kg + ADJUSTMENT_FACTOR * (weight_kg - ibw_kg)


def adjusted_body_weight(
    weight: pint.Quantity | None, height: pint.Quantity | None, sex: str | None
) -> Calculation:
    from desktop.core.units import Q_

    require_input(weight, "weight", "metric_abw")
    weight_kg = magnitude_in(weight, "kg", "weight")
    require_within("weight", weight_kg)
    ibw = ideal_body_weight(height, sex)
    return Calculation(
        calculator="abw",
        name=texts("metric_abw"),
        value=Q_(abw_value(weight_kg, ibw.magnitude), "kg"),
        equation=equations("IBW + 0.4 × (W − IBW)"),
        citation=None,
        inputs={"W": Q_(weight_kg, "kg"), "IBW": ibw.value},
        warnings=ibw.warnings,
    )
