"""Every error and warning code in French and English: the only place their words live.

``render(issue, lang)`` fills the template with the issue's parameters. Numbers in parameters are
formatted for the language (decimal comma in French) by ``format_param``. A code without words is a
bug: ``tests/core/test_messages.py`` checks that every code raised in the package has both.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop.core.errors import Issue

MESSAGES: dict[str, Mapping[str, str]] = {
    # --- general
    "internal_error": {
        "en": "Calx hit an unexpected problem and changed nothing: {detail}",
        "fr": "Calx a rencontré un problème inattendu et n'a rien modifié : {detail}",
    },
    # --- knowledge base (desktop/data)
    # --- dosing (desktop/core)
    # --- plans (desktop/reports)
}


def format_param(value: Any, lang: str) -> str:
    """Numbers without trailing zeros, with the language's decimal mark; other values as text."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        text = f"{value:.6g}" if abs(value) < 1e6 else f"{value:.0f}"
        if "e" in text:
            text = f"{value:f}".rstrip("0").rstrip(".")
        return text.replace(".", ",") if lang == "fr" else text
    return str(value)


def render(issue: Issue, lang: str = "en") -> str:
    templates = MESSAGES.get(issue.code)
    if templates is None:
        return issue.code
    template = templates.get(lang) or templates["en"]
    params = {k: format_param(v, lang) for k, v in issue.params.items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template
