"""The languages Calx speaks, in a module of its own: the window's first paint needs the list
(its settings and its language menu), not the word catalogue (``desktop.core.words``)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

# The languages of Calx, in the order of the review (French first). Everything that lists
# languages (settings, the command line's --lang, the database columns, content validation)
# derives from this tuple.
LANGUAGES: tuple[str, ...] = ("fr", "en")
# Each language named in its own words, as a menu offers it (never translated).
LANGUAGE_NAMES: Mapping[str, str] = MappingProxyType({"fr": "Français", "en": "English"})
FALLBACK = "en"  # a language Calx does not know reads English
