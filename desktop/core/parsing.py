"""The one parser for measurements typed by a person: weight, height, serum creatinine, age.

Calx reads the number itself and never hands user text to pint (docs/clinical.md §4: pint reads
"1,85 m**2" as 185 m², "10 units" as micro-nits and "U" as enzyme units). The unit is looked up in
Calx's own table, attached from the project registry, and its dimension is checked against what
the field expects ("170 cm" is not a weight). The value is then converted to the canonical unit:
weight kg, height cm, creatinine mg/dL (µmol/L ÷ 88.4), age years.

Numbers: "70", "70.5", "70,5" (decimal comma, any language), "0.5", ".5". Refused: thousands
separators and anything ambiguous ("1,234.5", "1.2.3", "1 234", and "1,234" in English or "1.234"
in French, which may be a thousands separator), negative numbers, NaN, infinity, empty text, words.

Every refusal is a ``CalxError`` with a code of ``PARSE_ERROR_CODES`` and ``field`` set to the kind.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from desktop.core.errors import CalxError
from desktop.core.formatting import format_number, format_unit, unit_spellings
from desktop.core.measures import KINDS, MEASURES

if TYPE_CHECKING:
    import pint

Kind = Literal["weight", "height", "creatinine", "age"]

PARSE_ERROR_CODES: frozenset[str] = frozenset(
    {
        "input_empty",
        "input_too_long",
        "not_a_number",
        "number_ambiguous",
        "number_negative",
        "unit_unknown",
        "wrong_unit_kind",
        "feet_inches_malformed",
    }
)

MAX_INPUT_LENGTH = 60


def measure_params(kind: str | None) -> dict[str, str]:
    """The ``measure`` message parameter naming the measurement ("weight" / "le poids"), as a
    ``localized`` value."""
    from desktop.core.words import texts

    return texts(f"measure_{kind}" if kind in KINDS else "measure_other")


# Unit text (lower case, no spaces) → (registry unit, display symbol). One table for every kind:
# a known unit of the wrong kind is refused as "wrong_unit_kind", an unknown one as "unit_unknown".
_UNITS: dict[str, tuple[str, str]] = {}


def _add(registry_unit: str, symbol: str, *spellings: str) -> None:
    for spelling in (symbol, *spellings):
        _UNITS[spelling.lower()] = (registry_unit, symbol)


_add("kg", "kg", "kgs", "kilo", "kilos", "kilogram", "kilograms", "kilogramme", "kilogrammes")
_add("g", "g", "gram", "grams", "gramme", "grammes")
_add("mg", "mg", "milligram", "milligrams", "milligramme", "milligrammes")
_add("mcg", "mcg", "µg", "μg", "ug", "microgram", "micrograms", "microgramme", "microgrammes")
_add("lb", "lb", "lbs", "pound", "pounds", "livre", "livres")
_add("oz", "oz", "ounce", "ounces")
_add(
    "cm",
    "cm",
    "centimeter",
    "centimeters",
    "centimetre",
    "centimetres",
    "centimètre",
    "centimètres",
)
_add(
    "mm",
    "mm",
    "millimeter",
    "millimeters",
    "millimetre",
    "millimetres",
    "millimètre",
    "millimètres",
)
_add("m", "m", "meter", "meters", "metre", "metres", "mètre", "mètres")
_add("in", "in", "inch", "inches", '"', "″", "”", "''", "pouce", "pouces")
_add("ft", "ft", "foot", "feet", "'", "′", "’", "pied", "pieds")
_add("mg/dL", "mg/dL", "mg/100ml", "mg%")
_add("umol/L", "µmol/L", "μmol/l", "umol/l", "micromol/l", "µm", "μm")
_add("mmol/L", "mmol/L")
# Durations: the words Calx writes (the catalogue's), and shorter or other forms people type.
_add("yr", "yr", *unit_spellings("yr"), "y", "yrs", "année", "années")
_add("mo", "mo", *unit_spellings("mo"))
_add("wk", "wk", *unit_spellings("wk"), "sem")
_add("d", "d", *unit_spellings("d"), "j")
# "µM" (micromolar) would read as micrometres in lower case: it is mapped to µmol/L above only
# because no length in Calx is typed in micrometres. Keep that in mind before adding "µm".


_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)?|[.,][0-9]+")
_LEADING = re.compile(r"([0-9.,]+)\s*(.*)", re.DOTALL)
_FEET_INCHES = re.compile(
    r"([0-9.,]+)\s*(?:ft|feet|foot|pieds?|'|′|’)\s*"
    r"(?:([0-9.,]+)\s*(?:in|inch|inches|pouces?|\"|″|”|'')?)?",
    re.IGNORECASE,
)
_MINUS = ("-", "−", "–", "—", "‐")


@dataclass(frozen=True)
class ParsedQuantity:
    """A typed measurement, read and converted. ``quantity`` is in the canonical unit of ``kind``
    (kg, cm, mg/dL, year); ``unit_entered`` is the symbol of the unit typed (or defaulted)."""

    kind: str
    quantity: pint.Quantity
    original: str
    value_canonical: float
    value_entered: float
    unit_entered: str
    unit_defaulted: bool = False
    inches_entered: float | None = None  # the inches of a feet-and-inches height

    @property
    def converted(self) -> bool:
        return self.unit_entered != MEASURES[self.kind].unit

    def entered_text(self, lang: str = "en") -> str:
        """What was typed, normalised: "154 lb", "5 ft 7 in", "85 µmol/L"."""
        if self.inches_entered is not None:
            feet = format_number(self.value_entered, lang, 4)
            return f"{feet} ft {format_number(self.inches_entered, lang, 4)} in"
        return _with_unit(self.value_entered, self.unit_entered, lang, 4)

    def canonical_text(self, lang: str = "en", max_decimals: int = 2) -> str:
        """The converted value: "69.85 kg" / "69,85 kg"."""
        return _with_unit(self.value_canonical, MEASURES[self.kind].unit, lang, max_decimals)

    def conversion_note(self, lang: str = "en") -> str | None:
        """ "154 lb = 69.85 kg" ("154 lb = 69,85 kg" in French); None when nothing was converted."""
        if not self.converted:
            return None
        return f"{self.entered_text(lang)} = {self.canonical_text(lang)}"


def _with_unit(value: float, symbol: str, lang: str, max_decimals: int) -> str:
    number = format_number(value, lang, max_decimals)
    singular = abs(value) < 2 if lang == "fr" else number == "1"
    return f"{number} {format_unit(symbol, lang, singular=singular)}"


def parse_number(text: str, lang: str = "en", field: str | None = None) -> float:
    """A non-negative decimal number typed by a person ("70.5", "70,5"). See the module docstring
    for what is refused."""
    raw = text.strip()
    if not raw:
        raise CalxError("input_empty", field=field, measure=measure_params(field))
    if raw.startswith(_MINUS) and len(raw) > 1:
        raise CalxError("number_negative", field=field, text=raw)
    if not _NUMBER.fullmatch(raw):
        if re.fullmatch(r"[0-9.,\s\u00a0\u202f]+", raw) and re.search(r"[0-9]", raw):
            raise CalxError("number_ambiguous", field=field, text=raw)
        raise CalxError("not_a_number", field=field, text=raw)
    # One separator followed by exactly three digits may be a thousands separator: "1,234" in
    # English (or "1.234" written the French way) could mean 1234. Refuse rather than guess.
    thousands = "." if lang == "fr" else ","
    if re.fullmatch(rf"[1-9][0-9]{{0,2}}{re.escape(thousands)}[0-9]{{3}}", raw):
        raise CalxError("number_ambiguous", field=field, text=raw)
    value = float(raw.replace(",", "."))
    if not math.isfinite(value):
        raise CalxError("not_a_number", field=field, text=raw)
    return value


def _lookup_unit(unit_text: str, kind: str) -> tuple[str, str]:
    key = re.sub(r"\s+", "", unit_text).lower().rstrip(".")
    found = _UNITS.get(key)
    if found is None:
        raise CalxError(
            "unit_unknown",
            field=kind,
            unit=unit_text.strip(),
            expected=MEASURES[kind].expected,
            measure=measure_params(kind),
        )
    return found


def _check_kind(quantity: pint.Quantity, kind: str, unit_text: str) -> None:
    if not any(quantity.check(dim) for dim in MEASURES[kind].dimensions):
        raise CalxError(
            "wrong_unit_kind",
            field=kind,
            expected=MEASURES[kind].expected,
            got=unit_text.strip(),
            measure=measure_params(kind),
        )


def _to_canonical(quantity: pint.Quantity, kind: str) -> pint.Quantity:
    if kind == "creatinine":
        from desktop.core.units import creatinine_mg_dl

        return creatinine_mg_dl(quantity)
    return quantity.to(MEASURES[kind].unit)


def parse_quantity(
    text: str, kind: Kind, lang: str = "en", default_unit: str | None = None
) -> ParsedQuantity:
    """Read ``text`` as a ``kind`` measurement. A bare number takes ``default_unit`` (the user's
    preferred unit; by default kg / cm / mg/dL / years). Raises ``CalxError`` (field = kind)."""
    from desktop.core.units import Q_

    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    if not isinstance(text, str):
        raise CalxError("not_a_number", field=kind, text=str(text))
    original = text
    raw = text.strip()
    if not raw:
        raise CalxError("input_empty", field=kind, measure=measure_params(kind))
    if len(raw) > MAX_INPUT_LENGTH:
        raise CalxError("input_too_long", field=kind, max=MAX_INPUT_LENGTH)
    if raw.startswith(_MINUS) and len(raw) > 1:
        raise CalxError("number_negative", field=kind, text=raw)

    feet_inches = _FEET_INCHES.fullmatch(raw)
    if feet_inches:
        feet = parse_number(feet_inches.group(1), lang, kind)
        inches = parse_number(feet_inches.group(2), lang, kind) if feet_inches.group(2) else None
        if inches is not None and inches >= 12:
            raise CalxError("feet_inches_malformed", field=kind, text=raw)
        quantity = Q_(feet, "ft") + Q_(inches or 0.0, "in")
        _check_kind(quantity, kind, "ft")
        canonical = _to_canonical(quantity, kind)
        return ParsedQuantity(
            kind,
            canonical,
            original,
            float(canonical.magnitude),
            feet,
            "ft",
            inches_entered=inches if inches is not None else None,
        )

    leading = _LEADING.fullmatch(raw)
    if not leading:
        raise CalxError("not_a_number", field=kind, text=raw)
    number_text, unit_text = leading.group(1), leading.group(2).strip()
    if unit_text[:1].isdigit():  # "1 234 kg", "70 5": a thousands space or two numbers
        raise CalxError("number_ambiguous", field=kind, text=raw)
    value = parse_number(number_text, lang, kind)
    defaulted = not unit_text
    if defaulted:
        unit_text = default_unit or MEASURES[kind].unit
    registry_unit, symbol = _lookup_unit(unit_text, kind)
    quantity = Q_(value, registry_unit)
    _check_kind(quantity, kind, unit_text)
    canonical = _to_canonical(quantity, kind)
    magnitude = float(canonical.magnitude)
    if not math.isfinite(magnitude):
        raise CalxError("not_a_number", field=kind, text=raw)
    return ParsedQuantity(
        kind, canonical, original, magnitude, value, symbol, unit_defaulted=defaulted
    )
