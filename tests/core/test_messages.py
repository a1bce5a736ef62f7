"""Every error and warning code raised anywhere in Calx has words in both languages."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from desktop.core.errors import CalxError, Issue
from desktop.core.messages import MESSAGES, format_param, localized, render

PACKAGE = Path(__file__).resolve().parents[2] / "desktop"
# CalxError("code", ...), Issue("code", ...), Issue(code="code", ...)
RAISED = re.compile(r"""\b(?:CalxError|Issue)\(\s*(?:code\s*=\s*)?["']([a-z0-9_]+)["']""")


def codes_in_package() -> set[str]:
    codes: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        codes.update(RAISED.findall(path.read_text(encoding="utf-8")))
    return codes


def test_the_scan_finds_codes() -> None:
    assert "internal_error" in MESSAGES
    assert codes_in_package(), "the pattern no longer matches how codes are raised"


@pytest.mark.parametrize("code", sorted(codes_in_package()))
def test_every_raised_code_has_french_and_english_words(code: str) -> None:
    assert code in MESSAGES, f"{code} has no words in desktop/core/messages.py"
    for lang in ("fr", "en"):
        assert MESSAGES[code].get(lang, "").strip(), f"{code} lacks {lang}"


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_both_languages_use_the_same_parameters(code: str) -> None:
    def fields(template: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(template) if f}

    assert fields(MESSAGES[code]["fr"]) == fields(MESSAGES[code]["en"])


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_no_template_formats_or_hides_a_parameter(code: str) -> None:
    # Words that differ by language are one localised parameter, never a pair of which each
    # template hides one with a format spec such as "{unit_fr:.0}".
    for lang in ("fr", "en"):
        specs = [(f, spec) for _, f, spec, _ in string.Formatter().parse(MESSAGES[code][lang])
                 if f is not None and spec]
        assert not specs, (code, lang, specs)


def test_render_fills_parameters_with_the_language_decimal_mark() -> None:
    issue = Issue("internal_error", {"detail": 1.5})
    assert render(issue, "en").endswith("1.5")
    assert render(issue, "fr").endswith("1,5")


def test_unknown_code_renders_as_the_code_rather_than_crashing() -> None:
    assert render(CalxError("no_such_code").issue, "fr") == "no_such_code"


@pytest.mark.parametrize(("value", "en", "fr"), [
    (2.0, "2", "2"), (0.5, "0.5", "0,5"), (681.7948, "681.7948", "681,7948"),
    (2720, "2,720", "2\u00a0720"),
])
def test_format_param_follows_the_display_rules(value: float, en: str, fr: str) -> None:
    assert format_param(value, "en") == en
    assert format_param(value, "fr") == fr


def test_a_localized_parameter_prints_the_text_of_the_language() -> None:
    weeks = localized(en="weeks", fr="semaines")
    assert weeks == {"en": "weeks", "fr": "semaines"}  # plain JSON for saved plans
    assert (format_param(weeks, "en"), format_param(weeks, "fr")) == ("weeks", "semaines")
    assert format_param(weeks, "de") == "weeks"  # like the templates: English otherwise
    issue = Issue("choice_not_whole", {"name": "on", "value": 4.5, "unit": weeks})
    assert render(issue, "en").endswith("(4.5 weeks is not).")
    assert render(issue, "fr").endswith("(4,5 semaines n'en est pas un).")
