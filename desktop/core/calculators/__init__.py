"""Body-size and kidney-function calculators, one module each (formulas: docs/clinical.md §2).

Every calculator takes pint quantities of the Calx registry and returns either a quantity (``bsa``)
or a ``Calculation`` that carries its inputs, equation, citation and warnings, so the window, the
PDF and the command line can show the working. Intermediate values are never rounded.
Each module also offers a plain-float function in canonical units (``bsa_mosteller(kg, cm)``) for
the arithmetic itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from desktop.core.errors import CalxError, Issue

if TYPE_CHECKING:
    import pint


@dataclass(frozen=True, kw_only=True)
class Calculation:
    """One result with its working: ``name`` of the formula, ``equation`` per language,
    the ``inputs`` (label → quantity or value), the ``citation`` and any ``warnings``."""

    calculator: str  # stable id: "bmi", "ibw-devine", "crcl-cockcroft-gault"…
    name: str | Mapping[str, str]  # as clinicians know it: "Cockcroft–Gault"
    value: pint.Quantity
    equation: Mapping[str, str]  # {"en": ..., "fr": ...}
    citation: str | None
    inputs: Mapping[str, Any] = field(default_factory=dict)
    warnings: tuple[Issue, ...] = ()
    display_unit: str | None = None  # when the unit is not the quantity's ("mL/min/1.73 m²")
    # A few words after an input, per language: {"W": {"en": "ideal weight (Devine)", ...}}.
    input_notes: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def name_in(self, lang: str = "en") -> str:
        if isinstance(self.name, str):
            return self.name
        return self.name.get(lang) or self.name["en"]

    @property
    def magnitude(self) -> float:
        return float(self.value.magnitude)

    def value_text(self, lang: str = "en", max_decimals: int = 2) -> str:
        from desktop.core.formatting import format_quantity

        if self.display_unit:
            return format_quantity((self.magnitude, self.display_unit), lang, max_decimals)
        return format_quantity(self.value, lang, max_decimals)

    def working(self, lang: str = "en", max_decimals: int = 2) -> str:
        """ "Cockcroft–Gault: (140 − age) × W / (72 × SCr) …; age = 55 years, W = 90 kg, … →
        97.48 mL/min"."""
        from desktop.core.formatting import colon as format_colon
        from desktop.core.formatting import format_number, format_quantity

        parts = []
        for label, value in self.inputs.items():
            if hasattr(value, "units"):
                text = format_quantity(value, lang, max_decimals)
            elif isinstance(value, int | float) and not isinstance(value, bool):
                text = format_number(value, lang, max_decimals)
            else:
                text = _input_word(str(value), lang)
            note = self.input_notes.get(label)
            if note:
                text += f" ({note.get(lang) or note['en']})"
            shown = _input_word(label, lang)
            parts.append(f"{shown} = {text}")
        colon = format_colon(lang, " ")
        equation = self.equation.get(lang) or self.equation["en"]
        inputs = "; ".join(parts)
        result = self.value_text(lang, max_decimals)
        return f"{self.name_in(lang)}{colon}{equation}; {inputs} → {result}"


# Input labels and values that are words ("age" → "âge"), by their code in the catalogue;
# symbols (W, H, SCr) stay as they are.
_INPUT_WORDS = {
    "age": "symbol_age",
    "sex": "symbol_sex",
    "female": "sex_female",
    "male": "sex_male",
}


def _input_word(text: str, lang: str) -> str:
    from desktop.core.words import word

    code = _INPUT_WORDS.get(text)
    return word(code, lang) if code else text


def equations(equation: str) -> dict[str, str]:
    """An equation written the English way, in every language: the language's decimal mark
    (``formatting.format_formula``) and its word for the symbols that are words ("age")."""
    import re

    from desktop.core.formatting import format_formula
    from desktop.core.words import LANGUAGES

    return {
        lang: format_formula(re.sub(r"\bage\b", _input_word("age", lang), equation), lang)
        for lang in sorted(LANGUAGES)
    }


def magnitude_in(value: Any, unit: str, field_name: str) -> float:
    """``value`` (a quantity of the Calx registry) as a float in ``unit``; refuses plain numbers,
    whose unit would be a guess."""
    from desktop.core.units import is_quantity

    if not is_quantity(value):
        raise TypeError(
            f"{field_name} must be a quantity of the Calx registry (Q_(80, 'kg')), not {value!r}"
        )
    try:
        return float(value.m_as(unit))
    except Exception as exc:  # pint DimensionalityError: "170 cm" given as a weight
        from desktop.core.parsing import measure_params

        raise CalxError(
            "wrong_unit_kind",
            field=field_name,
            expected=unit,
            got=format(value.units, "~"),
            measure=measure_params(field_name),
        ) from exc


def creatinine_in_mg_dl(creatinine: Any) -> float:
    """Serum creatinine (mg/dL or µmol/L, a quantity of the Calx registry) in mg/dL, within the
    hard limits (µmol/L ÷ 88.4, docs/clinical.md §2)."""
    from desktop.core.limits import require_within
    from desktop.core.parsing import measure_params
    from desktop.core.units import creatinine_mg_dl, is_quantity

    if not is_quantity(creatinine):
        raise TypeError(f"creatinine must be a quantity of the Calx registry, not {creatinine!r}")
    try:
        scr = float(creatinine_mg_dl(creatinine).magnitude)
    except ValueError as exc:
        raise CalxError(
            "wrong_unit_kind",
            field="creatinine",
            expected="mg/dL, µmol/L",
            got=format(creatinine.units, "~"),
            measure=measure_params("creatinine"),
        ) from exc
    require_within("creatinine", scr)
    return scr


# Codes for a missing input (words in messages.py: "needs_age", "needs_sex", "needs_weight",
# "needs_height", "needs_creatinine").
_NEEDS: dict[str, str] = {
    name: f"needs_{name}" for name in ("age", "sex", "weight", "height", "creatinine")
}


def require_input(value: Any, field_name: str, calculator: str) -> None:
    """Refuse a calculation whose input is missing, naming the input (field) and the calculator
    (``calculator``: the word code of its name, "metric_bmi", said in the reader's language)."""
    if value is None:
        from desktop.core.words import texts

        raise CalxError(_NEEDS[field_name], field=field_name, calculator=texts(calculator))
