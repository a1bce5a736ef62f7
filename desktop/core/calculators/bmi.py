"""Body-mass index: BMI = W / (H/100)², kg/m² (docs/clinical.md §2). W in kg, H in cm.

Valid range: Calx's hard limits for weight and height. No citation: a definition.
Calx uses BMI only as a plausibility check (BMI < 13 or > 60 warns: the typical sign of pounds
entered as kilograms) and for display.

Worked example (tests/core/test_body_weight.py): 154 kg, 170 cm → 154 / 1.7² = 154 / 2.89
= 53.29 kg/m².
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.core.calculators import Calculation, equations, magnitude_in, require_input
from desktop.core.limits import require_within
from desktop.core.words import texts

if TYPE_CHECKING:
    import pint


def bmi_value(weight_kg: float, height_cm: float) -> float:
    return weight_kg / (height_cm / 100) ** 2


def bmi(weight: pint.Quantity | None, height: pint.Quantity | None) -> Calculation:
    from desktop.core.units import Q_

    require_input(weight, "weight", "metric_bmi")
    require_input(height, "height", "metric_bmi")
    weight_kg = magnitude_in(weight, "kg", "weight")
    height_cm = magnitude_in(height, "cm", "height")
    require_within("weight", weight_kg)
    require_within("height", height_cm)
    return Calculation(
        calculator="bmi",
        name=texts("metric_bmi"),
        value=Q_(bmi_value(weight_kg, height_cm), "kg/m²"),
        equation=equations("W / (H/100)²"),
        citation=None,
        inputs={"W": Q_(weight_kg, "kg"), "H": Q_(height_cm, "cm")},
    )
