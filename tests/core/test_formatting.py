"""Display rules (docs/clinical.md §4): one formatting module for screen, PDF and command line."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.formatting import (
    NBSP,
    format_bsa,
    format_date,
    format_dose,
    format_frequency,
    format_interval,
    format_number,
    format_percent,
    format_quantity,
    format_range,
    format_unit,
)
from desktop.core.units import Q_


@pytest.mark.parametrize(
    ("x", "en", "fr"),
    [
        (1.0, "1", "1"),  # no trailing zero
        (0.5, "0.5", "0,5"),  # leading zero, decimal comma
        (2.50, "2.5", "2,5"),
        (681.789, "681.79", "681,79"),
        (2.675, "2.68", "2,68"),  # half up on the decimal form (float 2.675 is 2.67499…)
        (0.004, "0", "0"),
        (-0.004, "0", "0"),  # never "-0"
        (999.999, "1,000", f"1{NBSP}000"),
        (1000, "1,000", f"1{NBSP}000"),
        (100_000, "100,000", f"100{NBSP}000"),
        (1_234_567.891, "1,234,567.89", f"1{NBSP}234{NBSP}567,89"),
        (12, "12", "12"),
    ],
)
def test_format_number(x: float, en: str, fr: str) -> None:
    assert format_number(x, "en") == en
    assert format_number(x, "fr") == fr


def test_max_decimals() -> None:
    assert format_number(1.23456, "en", 4) == "1.2346"
    assert format_number(1.5, "en", 0) == "2"
    assert format_number(2.5, "en", 0) == "3"  # half up, not banker's rounding


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -float("inf")])
def test_unshowable_numbers_raise(bad: float) -> None:
    with pytest.raises(ValueError, match="cannot display"):
        format_number(bad, "en")


@given(
    st.floats(min_value=-1e12, max_value=1e12, allow_nan=False),
    st.sampled_from(["en", "fr"]),
    st.integers(min_value=0, max_value=4),
)
def test_number_properties(x: float, lang: str, decimals: int) -> None:
    text = format_number(x, lang, decimals)
    mark, group = (",", NBSP) if lang == "fr" else (".", ",")
    whole, _, fraction = text.lstrip("-").partition(mark)
    assert not fraction.endswith("0")  # no trailing zero
    assert whole and whole[0].isdigit()  # leading zero ("0.5", never ".5")
    assert len(fraction) <= decimals
    assert re.fullmatch(rf"\d{{1,3}}({re.escape(group)}\d{{3}})*", whole)  # grouping by 3
    if lang == "fr":
        assert "." not in text and " " not in text  # never a dot nor an ordinary space
    # reading it back gives the value rounded half up
    back = Decimal(text.replace(group, "").replace(mark, "."))
    expected = Decimal(repr(x)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    assert back == expected  # Decimal("-0.00") == 0: "-0" is never printed (tested above)


@pytest.mark.parametrize(
    ("q", "lang", "text"),
    [
        (Q_(1, "mg"), "en", "1 mg"),
        (Q_(1.5, "mg"), "fr", "1,5 mg"),
        (Q_(0.5, "microgram"), "en", "0.5 mcg"),
        ((250, "µg"), "en", "250 mcg"),  # never µg
        ((250, "ug"), "fr", "250 mcg"),
        ((10, "ml"), "en", "10 mL"),  # never ml
        (Q_(10, "milliliter"), "en", "10 mL"),
        (Q_(100_000, "units"), "en", "100,000 units"),
        (Q_(100_000, "units"), "fr", f"100{NBSP}000 unités"),
        ((1, "units"), "en", "1 unit"),
        ((1.5, "units"), "fr", "1,5 unité"),
        ((5000, "IU"), "en", "5,000 units"),  # never IU
        ((5000, "U"), "fr", f"5{NBSP}000 unités"),  # never U
        (Q_(375, "mg/m²"), "en", "375 mg/m²"),
        ((375, "mg/m2"), "fr", "375 mg/m²"),
        (Q_(3, "mg/kg"), "fr", "3 mg/kg"),
        (Q_(10, "mg/mL"), "en", "10 mg/mL"),
        (Q_(10, "units/mL"), "fr", "10 unités/mL"),
        (Q_(70, "kg"), "en", "70 kg"),
        (Q_(1, "g"), "en", "1 g"),
        (Q_(1.85, "m**2"), "fr", "1,85 m²"),
        ((97.477, "mL/min"), "en", "97.48 mL/min"),
        ((65.5, "mL/min/1.73 m²"), "fr", "65,5 mL/min/1,73 m²"),
        ((3, "day"), "fr", "3 jours"),
        ((1, "week"), "en", "1 week"),
        ((6, "month"), "fr", "6 mois"),
        ((55, "year"), "fr", "55 ans"),
    ],
)
def test_format_quantity(q: object, lang: str, text: str) -> None:
    assert format_quantity(q, lang) == text


def test_unknown_unit_is_a_bug_not_a_display() -> None:
    with pytest.raises(ValueError, match="no display spelling for unit 'cc'"):
        format_quantity((1, "cc"), "en")


def test_format_dose_never_hides_a_small_dose() -> None:
    assert format_dose(Q_(681.789, "mg"), "en") == "681.79 mg"
    assert format_dose((0.0042, "mg"), "fr") == "0,0042 mg"
    assert format_dose((0.004, "mg"), "en") == "0.004 mg"
    assert format_dose((0, "mg"), "en") == "0 mg"
    assert format_dose((1.0, "g"), "en") == "1 g"
    with pytest.raises(ValueError, match="cannot be negative"):
        format_dose((-1, "mg"), "en")


@given(st.floats(min_value=1e-6, max_value=1e6), st.sampled_from(["en", "fr"]))
def test_a_positive_dose_is_never_shown_as_zero(x: float, lang: str) -> None:
    assert not format_dose((x, "mg"), lang).startswith("0 ")


def test_format_bsa_two_decimals_no_trailing_zero() -> None:
    assert format_bsa(Q_(2.0, "m²"), "en") == "2 m²"
    assert format_bsa(Q_(1.8679, "m²"), "fr") == "1,87 m²"
    assert format_bsa(1.9, "en") == "1.9 m²"


def test_format_range() -> None:
    assert format_range(240, 480, "mg", "en") == "240–480 mg"
    assert format_range(0.5, 1.5, "mg", "fr") == "0,5–1,5 mg"


def test_format_percent() -> None:
    assert format_percent(2.345, "en") == "2.3%"
    assert format_percent(2.35, "fr", signed=True) == f"+2,4{NBSP}%"
    assert format_percent(-4, "en", signed=True) == "-4%"


@pytest.mark.parametrize(
    ("n", "en", "fr"),
    [
        (1, "daily", "par jour"),
        (2, "twice daily", "deux fois par jour"),
        (3, "three times daily", "trois fois par jour"),
        (4, "four times daily", "quatre fois par jour"),
    ],
)
def test_format_frequency(n: int, en: str, fr: str) -> None:
    assert format_frequency(n, "en") == en
    assert format_frequency(n, "fr") == fr


@pytest.mark.parametrize("n", range(1, 13))
def test_frequency_never_uses_latin_abbreviations(n: int) -> None:
    for lang in ("en", "fr"):
        words = format_frequency(n, lang).lower().split()
        assert not {"qd", "od", "bid", "tid", "qid", "qod", "q.d.", "t.i.d."} & set(words)


def test_format_frequency_refuses_nonsense() -> None:
    for bad in (0, 13, 1.5, True):
        with pytest.raises(ValueError, match="times per day must be 1 to 12"):
            format_frequency(bad, "en")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("args", "en", "fr"),
    [
        ((1, "day"), "daily", "tous les jours"),
        ((2, "day"), "every other day", "un jour sur deux"),
        ((3, "day"), "every 3 days", "tous les 3 jours"),
        ((1, "week"), "every week", "toutes les semaines"),
        ((8, "week"), "every 8 weeks", "toutes les 8 semaines"),
        ((6, "month"), "every 6 months", "tous les 6 mois"),
        ((1, "year"), "every year", "tous les ans"),
    ],
)
def test_format_interval(args: tuple, en: str, fr: str) -> None:
    assert format_interval(*args, lang="en") == en
    assert format_interval(*args, lang="fr") == fr


def test_format_interval_range() -> None:
    assert format_interval(4, "week", "en", high=8) == "every 4–8 weeks"
    assert format_interval(4, "week", "fr", high=8) == "toutes les 4 à 8 semaines"


def test_format_unit() -> None:
    assert format_unit("units", "fr") == "unités"
    assert format_unit("units", "en", singular=True) == "unit"
    assert format_unit(Q_(1, "mcg/kg").units, "en") == "mcg/kg"


@pytest.mark.parametrize(
    ("d", "weekday", "en", "fr"),
    [
        (dt.date(2025, 3, 4), False, "4 March 2025", "4 mars 2025"),
        (dt.date(2025, 3, 1), False, "1 March 2025", "1er mars 2025"),
        (dt.date(2025, 3, 3), True, "Monday 3 March 2025", "lundi 3 mars 2025"),
        (
            dt.datetime(2025, 12, 1, 10, 30),
            True,
            "Monday 1 December 2025",
            "lundi 1er décembre 2025",
        ),
    ],
)
def test_format_date_is_unambiguous(d: dt.date, weekday: bool, en: str, fr: str) -> None:
    assert format_date(d, "en", weekday=weekday) == en
    assert format_date(d, "fr", weekday=weekday) == fr


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_calendar_words_are_babels(lang: str) -> None:
    """Calx writes the calendar's words itself (babel's locale data is slow to load); they must
    stay the CLDR words babel gives, in every pattern Calx used babel for, on every day of a
    year (each month and weekday, the first of each month)."""
    from babel.dates import format_date as babel_format_date

    from desktop.reports.patient_copy import _month_title, _short_day

    day = dt.date(2027, 1, 1)
    while day.year == 2027:
        ours = format_date(day, lang), format_date(day, lang, weekday=True), _short_day(day, lang)
        d, dd, short = (
            babel_format_date(day, pattern, locale=lang)
            for pattern in ("d MMMM y", "EEEE d MMMM y", "EEE d")
        )
        if lang == "fr" and day.day == 1:  # the ordinal French writes: "1er mars", "ven. 1er"
            d, dd, short = (re.sub(r"\b1\b", "1er", t, count=1) for t in (d, dd, short))
        assert ours == (d, dd, short)
        title = babel_format_date(day, "LLLL y", locale=lang)
        assert _month_title(day.year, day.month, lang) == title[:1].upper() + title[1:]
        day += dt.timedelta(days=1)
