"""Creatinine clearance by Cockcroft–Gault, mL/min (docs/clinical.md §2).

CrCl = (140 − age) × weight / (72 × SCr), × 0.85 for women; age in years, weight in kg, SCr (serum
creatinine) in mg/dL (µmol/L ÷ 88.4). Cockcroft DW, Gault MH. Prediction of creatinine clearance
from serum creatinine. Nephron 1976;16(1):31–41.

Weight: actual body weight unless the clinician picks ideal (Devine) or adjusted body weight
(docs/clinical.md decision); the result always says which (``weight_basis``, ``weight_used``).
Ideal and adjusted weight need the height.

Valid range: adults (the formula was derived in adults 18–92 years): a warning
("crcl_adult_formula") is attached under 18. Inputs within Calx's hard limits.

Worked examples (docs/clinical.md §2, reproduced in tests/core/test_kidney.py):
- man, 55 years, 90 kg, 1.09 mg/dL: 85 × 90 / (72 × 1.09) = 7650 / 78.48 = 97.48 ≈ 97 mL/min;
- woman, 65 years, 60 kg, 85 µmol/L (= 0.9615 mg/dL): 75 × 60 / (72 × 0.9615) × 0.85
  = 4500 / 69.23 × 0.85 = 55.25 ≈ 55 mL/min.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from desktop.core.calculators import (
    Calculation,
    creatinine_in_mg_dl,
    equations,
    magnitude_in,
    require_input,
)
from desktop.core.calculators.adjusted_body_weight import adjusted_body_weight
from desktop.core.calculators.ideal_body_weight import ideal_body_weight
from desktop.core.errors import CalxError, Issue
from desktop.core.limits import require_within
from desktop.core.words import texts

if TYPE_CHECKING:
    import pint

    from desktop.core.patient import Patient

WeightBasis = Literal["actual", "ideal", "adjusted"]
WEIGHT_BASES: tuple[str, ...] = ("actual", "ideal", "adjusted")
CITATION = "Cockcroft DW, Gault MH. Nephron 1976;16(1):31–41"
FEMALE_FACTOR = 0.85


def crcl_cockcroft_gault(
    age_years: float, weight_kg: float, creatinine_mg_dl: float, sex: str
) -> float:
    """The bare equation in canonical units."""
    clearance = (140 - age_years) * weight_kg / (72 * creatinine_mg_dl)
    return clearance * FEMALE_FACTOR if sex == "female" else clearance


@dataclass(frozen=True, kw_only=True)
class CreatinineClearance(Calculation):
    """A Cockcroft–Gault result: ``weight_basis`` says which weight ``weight_used`` is."""

    weight_basis: str
    weight_used: pint.Quantity

    def weight_basis_text(self, lang: str = "en") -> str:
        from desktop.core.words import word

        return word(f"weight_basis_{self.weight_basis}", lang)


def cockcroft_gault(
    *,
    age_years: float | None,
    sex: str | None,
    weight: pint.Quantity | None,
    creatinine: pint.Quantity | None,
    height: pint.Quantity | None = None,
    weight_basis: WeightBasis = "actual",
) -> CreatinineClearance:
    """Creatinine clearance (mL/min) with the weight it used. Missing inputs are refused with
    "calculation_needs_input" naming the field. ``creatinine`` may be in mg/dL or µmol/L."""
    from desktop.core.units import Q_

    name = "Cockcroft–Gault"
    if weight_basis not in WEIGHT_BASES:
        raise CalxError(
            "crcl_weight_unknown",
            field="crcl_weight",
            basis=str(weight_basis),
            known=", ".join(WEIGHT_BASES),
        )
    for value, field_name in (
        (age_years, "age"),
        (sex, "sex"),
        (weight, "weight"),
        (creatinine, "creatinine"),
    ):
        require_input(value, field_name, "metric_crcl")
    if weight_basis != "actual":
        require_input(height, "height", "metric_crcl")
    if sex not in ("female", "male"):
        raise CalxError("sex_unknown", field="sex", text=str(sex))
    assert age_years is not None and creatinine is not None
    require_within("age", float(age_years))
    scr = creatinine_in_mg_dl(creatinine)
    actual_kg = magnitude_in(weight, "kg", "weight")
    require_within("weight", actual_kg)

    warnings: list[Issue] = []
    if weight_basis == "ideal":
        used = ideal_body_weight(height, sex)
        warnings.extend(used.warnings)
        weight_kg = used.magnitude
    elif weight_basis == "adjusted":
        used = adjusted_body_weight(weight, height, sex)
        warnings.extend(used.warnings)
        weight_kg = used.magnitude
    else:
        weight_kg = actual_kg
    if age_years < 18:
        warnings.append(Issue("crcl_adult_formula", {"age": float(age_years)}, "age"))

    female = " × 0.85"
    return CreatinineClearance(
        calculator="crcl-cockcroft-gault",
        name=name,
        value=Q_(crcl_cockcroft_gault(float(age_years), weight_kg, scr, sex), "mL/min"),
        equation=equations("(140 − age) × W / (72 × SCr)" + (female if sex == "female" else "")),
        citation=CITATION,
        inputs={
            "age": Q_(float(age_years), "yr"),
            "W": Q_(weight_kg, "kg"),
            "SCr": Q_(scr, "mg/dL"),
            "sex": sex,
        },
        warnings=tuple(warnings),
        input_notes={"W": texts(f"weight_basis_{weight_basis}")},
        weight_basis=weight_basis,
        weight_used=Q_(weight_kg, "kg"),
    )


def cockcroft_gault_for(
    patient: Patient, weight_basis: WeightBasis = "actual"
) -> CreatinineClearance:
    """``cockcroft_gault`` from a ``Patient``."""
    return cockcroft_gault(
        age_years=patient.age_years,
        sex=patient.sex,
        weight=patient.weight,
        creatinine=patient.creatinine,
        height=patient.height,
        weight_basis=weight_basis,
    )
