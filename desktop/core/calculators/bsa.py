"""Body-surface area (BSA), m², by five formulas (docs/clinical.md §2). Mosteller is the default.

W = weight in kg, H = height in cm. Never rounded here: a dose multiplies the unrounded value; the
display rounds to 2 decimals (``formatting.format_bsa``).

- Mosteller: √(H × W / 3600). Mosteller RD. N Engl J Med 1987;317(17):1098.
- DuBois & DuBois: 0.007184 × W^0.425 × H^0.725 (the cm form, not the metre form 0.20247).
  Arch Intern Med 1916;17:863–871.
- Haycock: 0.024265 × W^0.5378 × H^0.3964. J Pediatr 1978;93(1):62–66.
- Gehan & George: 0.0235 × W^0.51456 × H^0.42246. Cancer Chemother Rep 1970;54(4):225–235.
- Boyd: 0.0003207 × H^0.3 × Wg^(0.7285 − 0.0188 × log₁₀ Wg), Wg = weight in GRAMS. Boyd E. 1935.

Valid range: Calx's hard limits (weight 0.5–500 kg, height 30–260 cm), checked again here.

Worked example (docs/clinical.md §2, reproduced in tests/core/test_bsa.py): 80 kg, 180 cm →
Mosteller √(180 × 80 / 3600) = √4 = 2.00 m² exactly; DuBois ≈ 2.00 m².
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop.core.calculators import Calculation, equations, magnitude_in, require_input
from desktop.core.errors import CalxError
from desktop.core.limits import require_within

if TYPE_CHECKING:
    import pint


def bsa_mosteller(weight_kg: float, height_cm: float) -> float:
    return math.sqrt(height_cm * weight_kg / 3600)


def bsa_dubois(weight_kg: float, height_cm: float) -> float:
    return 0.007184 * weight_kg**0.425 * height_cm**0.725


def bsa_haycock(weight_kg: float, height_cm: float) -> float:
    return 0.024265 * weight_kg**0.5378 * height_cm**0.3964


def bsa_gehan_george(weight_kg: float, height_cm: float) -> float:
    return 0.0235 * weight_kg**0.51456 * height_cm**0.42246


def bsa_boyd(weight_kg: float, height_cm: float) -> float:
    weight_g = weight_kg * 1000  # Boyd's equation is written for grams
    return 0.0003207 * height_cm**0.3 * weight_g ** (0.7285 - 0.0188 * math.log10(weight_g))


@dataclass(frozen=True)
class BsaFormula:
    """One body-surface-area formula: its name, equation and citation."""

    key: str
    name: str
    equation: str
    citation: str
    compute: Callable[[float, float], float]


# In display order; Mosteller first (the default).
BSA_FORMULAS: dict[str, BsaFormula] = {
    f.key: f
    for f in (
        BsaFormula(
            "mosteller",
            "Mosteller",
            "√(H × W / 3600)",
            "Mosteller RD. N Engl J Med 1987;317(17):1098",
            bsa_mosteller,
        ),
        BsaFormula(
            "dubois",
            "DuBois & DuBois",
            "0.007184 × W^0.425 × H^0.725",
            "DuBois D, DuBois EF. Arch Intern Med 1916;17:863–871",
            bsa_dubois,
        ),
        BsaFormula(
            "haycock",
            "Haycock",
            "0.024265 × W^0.5378 × H^0.3964",
            "Haycock GB et al. J Pediatr 1978;93(1):62–66",
            bsa_haycock,
        ),
        BsaFormula(
            "gehan-george",
            "Gehan & George",
            "0.0235 × W^0.51456 × H^0.42246",
            "Gehan EA, George SL. Cancer Chemother Rep 1970;54(4):225–235",
            bsa_gehan_george,
        ),
        BsaFormula(
            "boyd",
            "Boyd",
            "0.0003207 × H^0.3 × Wg^(0.7285 − 0.0188 × log₁₀ Wg), Wg in g",
            "Boyd E. The growth of the surface area of the human body. 1935",
            bsa_boyd,
        ),
    )
}
DEFAULT_FORMULA = "mosteller"


def formula_key(formula: str) -> str:
    """A formula's name as typed, spelt as a key of ``BSA_FORMULAS``: "Gehan_George" and
    "gehan george" are "gehan-george" (the key itself is not checked here)."""
    return formula.strip().lower().replace("_", "-").replace(" ", "-")


def formula_info(formula: str) -> BsaFormula:
    """The formula for a key ("gehan-george"; "gehan_george" and any case accepted)."""
    found = BSA_FORMULAS.get(formula_key(formula))
    if found is None:
        raise CalxError(
            "bsa_formula_unknown", field="formula", formula=formula, known=", ".join(BSA_FORMULAS)
        )
    return found


def _inputs(weight: Any, height: Any) -> tuple[float, float]:
    require_input(weight, "weight", "metric_bsa")
    require_input(height, "height", "metric_bsa")
    weight_kg = magnitude_in(weight, "kg", "weight")
    height_cm = magnitude_in(height, "cm", "height")
    require_within("weight", weight_kg)
    require_within("height", height_cm)
    return weight_kg, height_cm


def bsa(
    weight: pint.Quantity | None, height: pint.Quantity | None, formula: str = DEFAULT_FORMULA
) -> pint.Quantity:
    """Body-surface area in m², unrounded. A missing input is refused ("needs_height")."""
    from desktop.core.units import Q_

    weight_kg, height_cm = _inputs(weight, height)
    return Q_(formula_info(formula).compute(weight_kg, height_cm), "m²")


def bsa_all(weight: pint.Quantity | None, height: pint.Quantity | None) -> dict[str, pint.Quantity]:
    """Every formula, keyed as ``BSA_FORMULAS`` (Mosteller first), for comparison."""
    from desktop.core.units import Q_

    weight_kg, height_cm = _inputs(weight, height)
    return {key: Q_(f.compute(weight_kg, height_cm), "m²") for key, f in BSA_FORMULAS.items()}


def bsa_calculation(
    weight: pint.Quantity | None, height: pint.Quantity | None, formula: str = DEFAULT_FORMULA
) -> Calculation:
    """``bsa`` with its working (inputs, equation, citation) for display."""
    from desktop.core.units import Q_

    info = formula_info(formula)
    weight_kg, height_cm = _inputs(weight, height)
    return Calculation(
        calculator=f"bsa-{info.key}",
        name=info.name,
        value=Q_(info.compute(weight_kg, height_cm), "m²"),
        equation=equations(info.equation),
        citation=info.citation,
        inputs={"W": Q_(weight_kg, "kg"), "H": Q_(height_cm, "cm")},
    )
