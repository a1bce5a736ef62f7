"""The one catalogue of Calx's own words, French and English, and its one lookup, ``word``.

Every word Calx writes itself (an error or warning, a heading of the printed plan, a label of the
command line, the name of a route or of a verification level) is one code here, with its text in
each language of ``LANGUAGES``. The data is split by area, one module each, but the codes share one
namespace (a code defined twice is refused on import) and are looked up one way::

    word("off_label", "fr")                 # "hors AMM"
    word("page_of", "en", n=2, m=3)         # "Page 2 of 3"

Parameters are written for the language by ``format_param`` (numbers with the display rules of
``desktop.core.formatting``, a ``localized`` value as its language's text). Not here: the
clinical content of the database (``db/content``, it carries its own languages) and the labels
of the window's widgets (Qt ``.ts`` files). ``tests/core/test_messages.py`` checks that every code
has every language with the same parameters, and that the codes used in ``desktop/`` and the codes
of the catalogue are the same set.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

# The languages (one list, in a module of its own so the window's first paint does not read the
# catalogue), re-exported: the words and their languages are imported together.
from desktop.core.languages import FALLBACK as FALLBACK
from desktop.core.languages import LANGUAGES as LANGUAGES
from desktop.core.words import cli, content, dose, knowledge, messages, plan, safety

# The areas of the catalogue, in the order their modules are read.
AREAS: tuple[Any, ...] = (messages, plan, dose, knowledge, safety, content, cli)


def _merge() -> Mapping[str, Mapping[str, str]]:
    merged: dict[str, Mapping[str, str]] = {}
    for area in AREAS:
        for code, texts in area.WORDS.items():
            if code in merged:
                raise ValueError(f"word code {code!r} is defined twice ({area.__name__})")
            merged[code] = MappingProxyType(dict(texts))
    return MappingProxyType(merged)


CATALOGUE: Mapping[str, Mapping[str, str]] = _merge()
# Error and warning codes (``CalxError``, ``Issue``): the ones a saved plan may hold.
MESSAGE_CODES: frozenset[str] = frozenset(messages.WORDS)


def language(lang: str) -> str:
    """``lang`` if Calx speaks it, else the fallback language."""
    return lang if lang in LANGUAGES else FALLBACK


def localized(**texts: str) -> dict[str, str]:
    """A message parameter whose words depend on the language: ``{"fr": ..., "en": ...}``.

    A plain dict, so an issue holding it is stored as JSON in a saved plan and reads back equal;
    ``format_param`` prints the text of the message's language."""
    if set(texts) != set(LANGUAGES):
        raise ValueError(f"a localized value needs exactly {LANGUAGES}, not {tuple(texts)}")
    return {lang: texts[lang] for lang in sorted(texts)}


def is_localized(value: Any) -> bool:
    """True for a value built by ``localized``."""
    return isinstance(value, Mapping) and set(value) == set(LANGUAGES)


def format_param(value: Any, lang: str) -> str:
    """A localised value as its text in ``lang`` (English for another language); numbers as
    ``formatting.format_number`` writes them (no trailing zero, the language's decimal mark and
    thousands separator, up to 4 decimals); other values as text."""
    if is_localized(value):
        return format_param(value[language(lang)], lang)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        from desktop.core.formatting import format_number

        try:
            return format_number(value, lang, max_decimals=4)
        except ValueError:
            return str(value)
    return str(value)


def texts(code: str) -> dict[str, str]:
    """The words of ``code`` in every language, as a ``localized`` value (a calculator's name)."""
    return localized(**{lang: word(code, lang) for lang in LANGUAGES})


def unknown_language(lang: object) -> dict[str, Any]:
    """The parameters of the ``unknown_language`` message: what was given, and the languages
    Calx speaks ("fr or en", "fr ou en")."""
    choices = localized(
        **{
            language_: word(
                "or_list", language_, first=", ".join(LANGUAGES[:-1]), last=LANGUAGES[-1]
            )
            for language_ in LANGUAGES
        }
    )
    return {"lang": str(lang)[:20], "languages": choices}


def template(code: str, lang: str) -> str:
    """The unfilled text of ``code`` in ``lang`` (KeyError for an unknown code)."""
    return CATALOGUE[code][language(lang)]


def word(code: str, lang: str, **params: Any) -> str:
    """The word or sentence ``code`` in ``lang``, its ``{parameters}`` filled for the language."""
    text = template(code, lang)
    if not params:
        return text
    return text.format(**{k: format_param(v, lang) for k, v in params.items()})


def capitalized(text: str) -> str:
    """``text`` with its first letter upper case, the rest untouched ("hors AMM" → "Hors AMM")."""
    return text[:1].upper() + text[1:]
