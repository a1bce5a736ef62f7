"""The one place numbers, doses, frequencies and dates become text: screen, PDF and command line.

Rules (docs/clinical.md §4, after the ISMP List of Error-Prone Abbreviations and the Joint
Commission "Do Not Use" list):

- no trailing zero ("1 mg", never "1.0 mg") and always a leading zero ("0.5 mg", never ".5 mg");
- "mcg" (never µg/ug), "mL" (never ml/cc), "units" (never U/IU), "daily" (never qd/od),
  "every other day" (never qod); a space between number and unit;
- thousands: "100,000" in English, "100 000" in French with a non-breaking space (U+00A0), so a
  comma is never a thousands separator where it could be read as a decimal mark;
- French uses a decimal comma ("1,5 mg").

Numbers are rounded half up on their decimal form (2.675 → "2.68"), as a person would.
Nothing here imports pint: quantities are read through ``.magnitude`` and ``.units``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Any

NBSP = "\u00a0"
_CONTEXT = Context(prec=400)  # enough digits for any float written out in full

# Display units. Keys are the symbols of resources/units.txt (what ``format(q.units, "~P")``
# prints) plus spellings code may pass. Symbols are written the same in every language; the units
# spelt as words have their words in the catalogue: ``unit_<key>_one`` and ``unit_<key>_many``
# (desktop/core/words/dose.py).
_SYMBOLS: frozenset[str] = frozenset(
    {
        "mcg",
        "mg",
        "g",
        "kg",
        "lb",
        "oz",
        "m",
        "cm",
        "mm",
        "dm",
        "in",
        "ft",
        "m²",
        "L",
        "dL",
        "mL",
        "mol",
        "mmol",
        "µmol",
        "s",
        "min",
        "h",
    }
)
WORD_UNITS: tuple[str, ...] = ("units", "d", "wk", "mo", "yr")
# Other spellings code may pass in a (value, unit) pair, mapped to a key above. Error-prone
# spellings are corrected rather than shown (µg → mcg, ml → mL, U/IU → units).
_ALIASES: dict[str, str] = {
    "microgram": "mcg",
    "µg": "mcg",
    "μg": "mcg",
    "ug": "mcg",
    "milligram": "mg",
    "gram": "g",
    "kilogram": "kg",
    "ml": "mL",
    "milliliter": "mL",
    "millilitre": "mL",
    "l": "L",
    "dl": "dL",
    "m2": "m²",
    "m^2": "m²",
    "m**2": "m²",
    "m ** 2": "m²",
    "square_meter": "m²",
    "unit": "units",
    "U": "units",
    "IU": "units",
    "UI": "units",
    "umol": "µmol",
    "μmol": "µmol",
    "day": "d",
    "days": "d",
    "week": "wk",
    "weeks": "wk",
    "month": "mo",
    "months": "mo",
    "year": "yr",
    "years": "yr",
}
# Whole display units that are not a ratio of the tokens above.
_SPECIAL: dict[str, tuple[str, str]] = {
    "mL/min/1.73 m²": ("mL/min/1.73 m²", "mL/min/1,73 m²"),
}


def _check_finite(x: Any) -> float:
    if isinstance(x, bool) or not isinstance(x, int | float | Decimal):
        raise TypeError(f"not a number: {x!r}")
    value = float(x)
    if not math.isfinite(value):
        raise ValueError(f"cannot display {x!r}")
    return value


def _group(digits: str, sep: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return sep.join(parts)


def format_number(x: float | int | Decimal, lang: str = "en", max_decimals: int = 2) -> str:
    """``x`` rounded half up to at most ``max_decimals`` decimals, without trailing zeros.

    English "100,000.5", French "100 000,5" (U+00A0 between groups). Raises ValueError for NaN
    and infinities: a number that cannot be shown must never be shown as something else.
    """
    _check_finite(x)
    if max_decimals < 0:
        raise ValueError("max_decimals must be 0 or more")
    exact = Decimal(repr(float(x))) if isinstance(x, float) else Decimal(x)
    rounded = exact.quantize(
        Decimal(1).scaleb(-max_decimals), rounding=ROUND_HALF_UP, context=_CONTEXT
    )
    negative = rounded < 0
    whole, _, fraction = format(abs(rounded), "f").partition(".")
    fraction = fraction.rstrip("0")
    fr = lang == "fr"
    text = _group(whole, NBSP if fr else ",")
    if fraction:
        text += ("," if fr else ".") + fraction
    return f"-{text}" if negative and text != "0" else text


def format_formula(text: str, lang: str = "en") -> str:
    """A formula written the English way ("0.007184 × W^0.425") with the language's decimal mark
    ("0,007184 × W^0,425" in French). Its constants stay as the source writes them: never
    rounded, and never grouped, for a formula is copied, not read aloud."""
    return re.sub(r"(?<=[0-9])\.(?=[0-9])", ",", text) if lang == "fr" else text


def format_percent(x: float, lang: str = "en", max_decimals: int = 1, signed: bool = False) -> str:
    """ "2.3%" / "2,3 %" (French puts a non-breaking space before %). ``signed`` adds "+"."""
    text = format_number(x, lang, max_decimals)
    if signed and not text.startswith("-") and text != "0":
        text = "+" + text
    return f"{text}{NBSP}%" if lang == "fr" else f"{text}%"


def _unit_key(unit: Any) -> str:
    """The display key of a pint unit or a unit spelling."""
    if not isinstance(unit, str):  # a pint Unit: its symbols, e.g. "mg/m²", "units/mL"
        unit = format(unit, "~P")
    return unit.strip()


def _token(token: str) -> str:
    token = token.strip()
    if token in _SYMBOLS or token in WORD_UNITS:
        return token
    if token in _ALIASES:
        return _ALIASES[token]
    raise ValueError(f"no display spelling for unit {token!r}")


def format_unit(unit: Any, lang: str = "en", singular: bool = False) -> str:
    """The spelling of a unit for display ("units" → "unités" in French, "ml" → "mL")."""
    key = _unit_key(unit)
    if key in _SPECIAL:
        return _SPECIAL[key][1 if lang == "fr" else 0]
    if key in ("", "dimensionless"):
        return ""
    tokens = [_token(t) for t in key.split("/")]
    if len(tokens) == 1:
        return _spelt(tokens[0], lang, singular)
    # In a ratio, words take their plural form ("units/mL", "unités/mL").
    return "/".join(_spelt(t, lang, False) for t in tokens)


def unit_spellings(key: str) -> tuple[str, ...]:
    """Every way Calx writes a unit, one and many, in every language ("week", "weeks",
    "semaine", "semaines"): what Calx writes, its parser reads back."""
    from desktop.core.words import LANGUAGES

    return tuple(_spelt(key, lang, singular) for lang in LANGUAGES for singular in (True, False))


def _spelt(token: str, lang: str, singular: bool) -> str:
    if token in _SYMBOLS:
        return token
    from desktop.core.words import word

    return word(f"unit_{token}_one" if singular else f"unit_{token}_many", lang)


def _split(q: Any) -> tuple[float, Any]:
    if isinstance(q, tuple):
        value, unit = q
        return _check_finite(value), unit
    if hasattr(q, "magnitude") and hasattr(q, "units"):
        return _check_finite(q.magnitude), q.units
    raise TypeError(f"not a quantity: {q!r}")


def _is_singular(text: str, value: float, lang: str) -> bool:
    # English: only exactly one ("1 unit"); French: below two ("1,5 unité").
    if lang == "fr":
        return abs(value) < 2
    return text in ("1", "-1")


def format_quantity(q: Any, lang: str = "en", max_decimals: int = 2) -> str:
    """``q`` (a pint Quantity or a ``(value, unit)`` pair) as "1.5 mg" / "1,5 mg"."""
    value, unit = _split(q)
    number = format_number(value, lang, max_decimals)
    spelled = format_unit(unit, lang, singular=_is_singular(number, value, lang))
    return f"{number} {spelled}" if spelled else number


def format_dose(q: Any, lang: str = "en", max_decimals: int = 2) -> str:
    """A dose, like ``format_quantity``, but a non-zero dose is never shown as "0": small doses
    keep as many decimals as needed for two significant digits (0.0042 mg → "0.0042 mg")."""
    value, unit = _split(q)
    if value < 0:
        raise ValueError(f"a dose cannot be negative: {value!r}")
    decimals = max_decimals
    if value != 0:
        # decimals needed for two significant digits, at least max_decimals
        decimals = max(max_decimals, 1 - math.floor(math.log10(value)))
    return format_quantity((value, unit), lang, decimals)


def format_range(
    low: float, high: float, unit: Any, lang: str = "en", max_decimals: int = 2
) -> str:
    """ "240–480 mg" (en dash, unit once)."""
    spelled = format_unit(unit, lang)
    text = f"{format_number(low, lang, max_decimals)}–{format_number(high, lang, max_decimals)}"
    return f"{text} {spelled}" if spelled else text


def format_bsa(bsa: Any, lang: str = "en") -> str:
    """Body-surface area for display, to 2 decimals ("1.87 m²", "2 m²"). Display only: doses use the
    unrounded value (docs/clinical.md §2)."""
    value = float(bsa.m_as("m²")) if hasattr(bsa, "m_as") else _check_finite(bsa)
    return format_quantity((value, "m²"), lang, 2)


def format_frequency(times_per_day: int = 1, lang: str = "en") -> str:
    """ "daily", "three times daily" / "par jour", "trois fois par jour" (never qd/od/tid)."""
    if (
        isinstance(times_per_day, bool)
        or not isinstance(times_per_day, int)
        or not 1 <= times_per_day <= 12
    ):
        raise ValueError(f"times per day must be 1 to 12, not {times_per_day!r}")
    from desktop.core.words import word

    return word(f"frequency_{times_per_day}", lang)


# The units a repeat interval is counted in (their words: ``interval_*_<unit>``).
INTERVAL_UNITS: tuple[str, ...] = ("d", "wk", "mo", "yr")


def format_interval(every: float, unit: str, lang: str = "en", high: float | None = None) -> str:
    """A repeat interval in words: "daily", "every other day", "every 3 days", "every 4–8 weeks" /
    "tous les jours", "un jour sur deux", "tous les 3 jours", "toutes les 4 à 8 semaines" (the
    words: ``interval_*`` in desktop/core/words/dose.py)."""
    from desktop.core.words import word

    key = _token(unit)
    if key not in INTERVAL_UNITS:
        raise ValueError(f"not an interval unit: {unit!r}")
    if high is not None and high != every:
        span = word(
            "value_range", lang, low=format_number(every, lang), high=format_number(high, lang)
        )
        return word(f"interval_every_{key}", lang, n=span)
    if every == 1:
        return word(f"interval_one_{key}", lang)
    if every == 2 and key == "d":
        return word("interval_other_day", lang)
    return word(f"interval_every_{key}", lang, n=format_number(every, lang))


def colon(lang: str, space: str = NBSP) -> str:
    """The colon after a label: ": " in English, " : " in French, which puts a space before it:
    a non-breaking one on paper (the default), where a line may wrap before the colon; a plain
    space (``space=" "``) in a terminal, as the command line has always printed it."""
    return f"{space}: " if lang == "fr" else ": "


# The calendar's words as CLDR writes them, what babel's "MMMM" (and the stand-alone "LLLL",
# the same words in these two languages), "EEEE" and "EEE" give; weekdays from Monday, as
# ``date.weekday()`` counts. Written here rather than asked of babel: its locale data costs every
# process that prints a date about 13 ms to load, for these 38 words. tests/core/test_formatting.py
# checks each of them, and every date of a year in each pattern, against babel.
MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
}
WEEKDAYS: dict[str, tuple[str, ...]] = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
}
SHORT_WEEKDAYS: dict[str, tuple[str, ...]] = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "fr": ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."),
}


def day_of_month(d: dt.date, lang: str) -> str:
    """ "3", and in French the first of the month as an ordinal: "1er"."""
    return "1er" if lang == "fr" and d.day == 1 else str(d.day)


def format_date(d: dt.date, lang: str = "en", weekday: bool = False) -> str:
    """An unambiguous date: "3 March 2025" / "3 mars 2025", "1er mars 2025" (never 03/04/2025).
    ``weekday`` adds the day name ("Monday 3 March 2025" / "lundi 3 mars 2025")."""
    if isinstance(d, dt.datetime):
        d = d.date()
    lang = "fr" if lang == "fr" else "en"
    text = f"{day_of_month(d, lang)} {MONTHS[lang][d.month - 1]} {d.year}"
    return f"{WEEKDAYS[lang][d.weekday()]} {text}" if weekday else text
