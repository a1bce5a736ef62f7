"""The body metrics beside a dose: BMI, ideal and adjusted body weight, Cockcroft–Gault with its
weight basis, CKD-EPI 2021 (formulas and sources: ``desktop.core.calculators``,
docs/clinical.md §2).

One function for the window and ``calx body``: each metric is computed when its inputs are
there; a missing input leaves it out with the reason (``needs_…``), anything else refused is
kept as a warning. Nothing here is in a language but the metric names.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desktop.core.errors import CalxError, Issue

if TYPE_CHECKING:
    from desktop.core.calculators import Calculation
    from desktop.core.patient import Patient

METRICS: tuple[str, ...] = ("bmi", "ibw", "abw", "crcl", "egfr")
# A metric that could not be computed is named by its code in the catalogue, metric_<key>
# (a computed one carries its own name).


@dataclass(frozen=True)
class BodyMetrics:
    """Every body-size and kidney metric computed for a patient, and why any is missing."""

    results: Mapping[str, Calculation]
    skipped: Mapping[str, Issue]  # why a metric is not there
    warnings: tuple[Issue, ...] = field(default=())

    def value_text(self, key: str, lang: str) -> str | None:
        """ "24.22 kg/m²", "77.35 mL/min (actual weight)"; None when not computed."""
        result = self.results.get(key)
        if result is None:
            return None
        text = result.value_text(lang)
        if key == "crcl" and hasattr(result, "weight_basis_text"):
            text += f" ({result.weight_basis_text(lang)})"
        return text

    def name(self, key: str, lang: str) -> str:
        result = self.results.get(key)
        if result is not None:
            return result.name_in(lang)
        from desktop.core.words import word

        return word(f"metric_{key}", lang)


def body_metrics(patient: Patient, crcl_weight: str = "actual") -> BodyMetrics:
    """Every metric ``patient``'s measurements allow (Cockcroft–Gault on ``crcl_weight``)."""
    from desktop.core.calculators.adjusted_body_weight import adjusted_body_weight
    from desktop.core.calculators.bmi import bmi
    from desktop.core.calculators.ckd_epi_2021 import ckd_epi_2021_for
    from desktop.core.calculators.cockcroft_gault import cockcroft_gault_for
    from desktop.core.calculators.ideal_body_weight import ideal_body_weight

    results: dict[str, Calculation] = {}
    skipped: dict[str, Issue] = {}
    warnings: list[Issue] = []

    def attempt(key: str, compute: Callable[[], Calculation]) -> None:
        try:
            result = compute()
        except CalxError as error:
            skipped[key] = error.issue
            if not error.code.startswith("needs_"):  # a missing input is no warning
                warnings.append(error.issue)
            return
        results[key] = result
        warnings.extend(result.warnings)

    attempt("bmi", lambda: bmi(patient.weight, patient.height))
    attempt("ibw", lambda: ideal_body_weight(patient.height, patient.sex))
    attempt("abw", lambda: adjusted_body_weight(patient.weight, patient.height, patient.sex))
    attempt("crcl", lambda: cockcroft_gault_for(patient, crcl_weight))  # type: ignore[arg-type]
    attempt("egfr", lambda: ckd_epi_2021_for(patient))
    return BodyMetrics(results, skipped, tuple(warnings))
