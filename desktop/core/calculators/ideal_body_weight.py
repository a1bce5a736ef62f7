"""Ideal body weight (Devine), kg (docs/clinical.md §2).

men 50 + 2.3 × (H/2.54 − 60); women 45.5 + 2.3 × (H/2.54 − 60); H in cm (H/2.54 is inches).
Devine BJ. Gentamicin therapy. Drug Intell Clin Pharm 1974;8:650–655.

Valid range: the formula is written for heights of 60 inches (152.4 cm) and more. Below, Calx
extrapolates the same line AND attaches the warning "ibw_extrapolated_short" (docs/clinical.md
decision). Where the line reaches zero (about 97 cm for men, 102 cm for women) the result has no
meaning and is refused ("ibw_undefined").

Worked example (tests/core/test_body_weight.py): man 180 cm → 180/2.54 = 70.866 in;
50 + 2.3 × 10.866 = 74.99 kg. Woman 160 cm → 62.992 in; 45.5 + 2.3 × 2.992 = 52.38 kg.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.core.calculators import Calculation, equations, magnitude_in, require_input
from desktop.core.errors import CalxError, Issue
from desktop.core.limits import require_within
from desktop.core.words import texts

if TYPE_CHECKING:
    import pint

CITATION = "Devine BJ. Drug Intell Clin Pharm 1974;8:650–655"
DEVINE_MIN_HEIGHT_CM = 152.4  # 60 inches
_BASE_KG = {"male": 50.0, "female": 45.5}


def ibw_devine(height_cm: float, sex: str) -> float:
    """Devine's line, extrapolated below 60 inches (no check)."""
    return _BASE_KG[sex] + 2.3 * (height_cm / 2.54 - 60)


def ideal_body_weight(height: pint.Quantity | None, sex: str | None) -> Calculation:
    from desktop.core.units import Q_

    require_input(height, "height", "metric_ibw")
    require_input(sex, "sex", "metric_ibw")
    if sex not in _BASE_KG:
        raise CalxError("sex_unknown", field="sex", text=str(sex))
    height_cm = magnitude_in(height, "cm", "height")
    require_within("height", height_cm)
    value = ibw_devine(height_cm, sex)
    if value <= 0:
        raise CalxError("ibw_undefined", field="height", height=height_cm)
    warnings: tuple[Issue, ...] = ()
    if height_cm < DEVINE_MIN_HEIGHT_CM:
        warnings = (
            Issue(
                "ibw_extrapolated_short",
                {"height": height_cm, "min_height": DEVINE_MIN_HEIGHT_CM},
                "height",
            ),
        )
    base = _BASE_KG[sex]
    return Calculation(
        calculator="ibw-devine",
        name=texts("metric_ibw"),
        value=Q_(value, "kg"),
        equation=equations(f"{base:g} + 2.3 × (H/2.54 − 60)"),
        citation=CITATION,
        inputs={"H": Q_(height_cm, "cm"), "sex": sex},
        warnings=warnings,
    )
