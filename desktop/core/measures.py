"""The four measurements a person types: weight, height, serum creatinine and age, one record each.

What Calx knows of a kind of measurement lives in its ``Measure``: the canonical unit its value is
converted to (a unit of ``resources/units.txt``), the dimensions a typed unit may have, the units
named when one is refused, the hard limits (Calx's own, docs/clinical.md §4) and the units a
person may choose for a bare number. The parser (``desktop.core.parsing``), the limits
(``desktop.core.limits``), the patient (``desktop.core.patient``) and the window's preferences
(``desktop.ui.settings``) read them here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Measure:
    """What Calx knows of one kind of measurement: its unit, the units it reads, its limits."""

    kind: str  # "weight", "height", "creatinine", "age"
    unit: str  # the canonical unit (kg, cm, mg/dL, yr)
    dimensions: tuple[str, ...]  # pint dimensionalities a typed unit may have
    expected: str  # the units a refusal names ("kg, g, lb")
    low: float  # hard limits, inclusive, in ``limit_unit``
    high: float
    limit_unit: str  # the unit the limits are shown in
    # The units a person may choose for a bare number (the window's preferences), the usual
    # one first (it is the default).
    offered_units: tuple[str, ...]

    @property
    def out_of_range_code(self) -> str:
        """The refusal of a value outside the hard limits ("weight_out_of_range")."""
        return f"{self.kind}_out_of_range"


MEASURES: dict[str, Measure] = {
    m.kind: m
    for m in (
        Measure("weight", "kg", ("[mass]",), "kg, g, lb", 0.5, 500.0, "kg", ("kg", "lb")),
        Measure(
            "height", "cm", ("[length]",), "cm, m, in, ft", 30.0, 260.0, "cm", ("cm", "m", "in")
        ),
        Measure(
            "creatinine",
            "mg/dL",
            ("[mass] / [length] ** 3", "[substance] / [length] ** 3"),
            "mg/dL, µmol/L",
            0.1,
            20.0,
            "mg/dL",
            ("µmol/L", "mg/dL"),
        ),
        Measure(
            "age", "yr", ("[time]",), "years, months, weeks, days", 0.0, 120.0, "years", ("yr",)
        ),
    )
}
KINDS: tuple[str, ...] = tuple(MEASURES)
