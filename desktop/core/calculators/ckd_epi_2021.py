"""Estimated GFR by CKD-EPI 2021 (race-free), mL/min/1.73 m² (docs/clinical.md §2).

eGFR = 142 × min(SCr/κ, 1)^α × max(SCr/κ, 1)^−1.200 × 0.9938^age × 1.012 if female;
κ = 0.7 (female) / 0.9 (male); α = −0.241 (female) / −0.302 (male); SCr in mg/dL, age in years.
Inker LA et al. New creatinine- and cystatin C-based equations to estimate GFR without race.
N Engl J Med 2021;385:1737–1749.

Valid range: adults only; under 18 years the calculation is refused ("egfr_adults_only").
The value is normalised to 1.73 m² of body-surface area: it is held as a mL/min quantity with
``display_unit`` "mL/min/1.73 m²" and must not be used as an absolute clearance.

Worked examples (docs/clinical.md §2, National Kidney Foundation calculator;
tests/core/test_kidney.py):
- man, 55 years, 1.09 mg/dL: 142 × (1.09/0.9)^−1.2 × 0.9938^55 = 142 × 0.7947 × 0.7103 ≈ 80;
- woman, 65 years, 85 µmol/L = 0.9615 mg/dL: 142 × (0.9615/0.7)^−1.2 × 0.9938^65 × 1.012
  = 142 × 0.6832 × 0.6675 × 1.012 ≈ 66.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.core.calculators import Calculation, creatinine_in_mg_dl, equations, require_input
from desktop.core.errors import CalxError
from desktop.core.limits import require_within

if TYPE_CHECKING:
    import pint

    from desktop.core.patient import Patient

CITATION = "Inker LA et al. N Engl J Med 2021;385:1737–1749"
DISPLAY_UNIT = "mL/min/1.73 m²"
MIN_AGE_YEARS = 18.0
_KAPPA = {"female": 0.7, "male": 0.9}
_ALPHA = {"female": -0.241, "male": -0.302}


def egfr_ckd_epi_2021(age_years: float, creatinine_mg_dl: float, sex: str) -> float:
    """The bare equation in canonical units."""
    ratio = creatinine_mg_dl / _KAPPA[sex]
    egfr = 142 * min(ratio, 1.0) ** _ALPHA[sex] * max(ratio, 1.0) ** -1.200 * 0.9938**age_years
    return egfr * 1.012 if sex == "female" else egfr


def ckd_epi_2021(
    *, age_years: float | None, sex: str | None, creatinine: pint.Quantity | None
) -> Calculation:
    """eGFR (mL/min/1.73 m²). ``creatinine`` may be in mg/dL or µmol/L."""
    from desktop.core.units import Q_

    name = "CKD-EPI 2021"
    for value, field_name in ((age_years, "age"), (sex, "sex"), (creatinine, "creatinine")):
        require_input(value, field_name, "metric_egfr")
    if sex not in _KAPPA:
        raise CalxError("sex_unknown", field="sex", text=str(sex))
    assert age_years is not None and creatinine is not None
    require_within("age", float(age_years))
    if age_years < MIN_AGE_YEARS:
        raise CalxError(
            "egfr_adults_only", field="age", age=float(age_years), min_age=MIN_AGE_YEARS
        )
    scr = creatinine_in_mg_dl(creatinine)
    kappa, alpha = _KAPPA[sex], _ALPHA[sex]
    female = " × 1.012" if sex == "female" else ""
    equation = (
        f"142 × min(SCr/{kappa:g}, 1)^−{abs(alpha):g} × max(SCr/{kappa:g}, 1)^−1.200"
        f" × 0.9938^age{female}"
    )
    return Calculation(
        calculator="egfr-ckd-epi-2021",
        name=name,
        value=Q_(egfr_ckd_epi_2021(float(age_years), scr, sex), "mL/min"),
        equation=equations(equation),
        citation=CITATION,
        inputs={"age": Q_(float(age_years), "yr"), "SCr": Q_(scr, "mg/dL"), "sex": sex},
        display_unit=DISPLAY_UNIT,
    )


def ckd_epi_2021_for(patient: Patient) -> Calculation:
    return ckd_epi_2021(age_years=patient.age_years, sex=patient.sex, creatinine=patient.creatinine)
