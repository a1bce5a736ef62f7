"""Search snippets as safe rich text: escape first, then bold the matched character ranges.

The offsets come from ``SearchHit.highlights`` and point into the raw snippet, so escaping happens
piece by piece: text such as ``<b>`` or ``&`` in the content is shown as typed, never interpreted.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape


def merge_spans(spans: Iterable[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """Clip spans to ``[0, length]``, drop empty ones, merge overlaps, sort."""
    clipped = sorted((max(0, s), min(length, e)) for s, e in spans)
    merged: list[tuple[int, int]] = []
    for start, end in clipped:
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def highlight_html(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` escaped for HTML with each span wrapped in ``<b>``."""
    out: list[str] = []
    position = 0
    for start, end in merge_spans(spans, len(text)):
        out.append(escape(text[position:start]))
        out.append("<b>" + escape(text[start:end]) + "</b>")
        position = end
    out.append(escape(text[position:]))
    return "".join(out)
