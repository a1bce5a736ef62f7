"""Error and warning codes turned into words: ``render(issue, lang)``.

The words themselves are in the one catalogue, ``desktop.core.words`` (the codes of
``desktop/core/words/messages.py``); ``render`` fills a code's text with the issue's parameters,
numbers written with the language's display rules.
"""

from __future__ import annotations

from desktop.core.errors import Issue
from desktop.core.words import CATALOGUE, MESSAGE_CODES, format_param, localized, template

__all__ = ["MESSAGE_CODES", "format_param", "localized", "render"]


def render(issue: Issue, lang: str = "en") -> str:
    """The words of ``issue`` in ``lang``; an unknown code is shown as itself, never a crash."""
    if issue.code not in CATALOGUE:
        return issue.code
    text = template(issue.code, lang)
    params = {k: format_param(v, lang) for k, v in issue.params.items()}
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return text
