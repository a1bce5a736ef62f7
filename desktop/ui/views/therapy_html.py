"""A therapy record as HTML for the therapy view (a ``QTextBrowser``) and for printing.

Every text from the content is escaped: it is shown as written, never interpreted. Each statement
shows where it comes from; statements whose primary study could not be found (they cite the review
with verification "unverified") say "as reported in the review". The interface words (headings,
badges) are passed in by the view, already translated, so this module stays free of Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import escape

from desktop.core.formatting import colon
from desktop.core.regimen import Regimen
from desktop.data.models import (
    CATEGORIES,
    DESIGNS,
    DIRECTIONS,
    Evidence,
    Reference,
    Source,
    Statement,
    Therapy,
)

COMPUTE_SCHEME = "calx-compute"  # anchor href "calx-compute:<regimen id>"

# Badge colours readable on light and dark palettes (white text on a saturated colour).
BADGE_COLOURS = {
    "off_label": "#9a4d00",
    "conflicting": "#a4262c",
    "unverified": "#5c5c5c",
    "worsened": "#a4262c",
    "improved": "#2e6b30",
    "mixed": "#7a5a00",
    "no-effect": "#5c5c5c",
}


@dataclass(frozen=True)
class Words:
    """The interface words the page needs, in the user's language (from ``self.tr``)."""

    summary: str
    mechanism: str
    regimens: str
    evidence: str
    adverse_effects: str
    cautions: str
    monitoring: str
    patient_advice: str
    instructions: str
    references: str
    off_label: str
    conflicting: str
    advised_against: str
    study: str
    design: str
    patients: str
    outcome: str
    follow_up: str
    as_reported: str
    secondary: str
    unverified: str
    verified: str
    compute: str
    no_dose: str
    schedule_source: str
    evidence_level: str
    routes: Mapping[str, str]


def badge(text: str, colour: str) -> str:
    return (
        f'<span style="background-color:{colour}; color:#ffffff; font-weight:bold;">'
        f"&nbsp;{escape(text)}&nbsp;</span>"
    )


def source_note(source: Source, words: Words, references: Mapping[str, Reference]) -> str:
    """The short "(where from)" after a statement."""
    if source.as_reported_in_review:
        text = words.as_reported
    else:
        ref = references.get(source.ref)
        text = ref.short if ref is not None else source.ref
        if source.verification == "secondary":
            text += f"; {words.secondary}"
        elif source.verification == "unverified":
            text += f"; {words.unverified}"
    return muted(f"({text})")


def muted(text: str) -> str:
    """Small grey text (citations) at 7:1 contrast (``desktop.ui.style.MUTED_TEXT``)."""
    from desktop.ui.style import MUTED_TEXT

    return f' <span style="color:{MUTED_TEXT};"><small>{escape(text)}</small></span>'


def _statement(s: Statement, lang: str, words: Words, refs: Mapping[str, Reference]) -> str:
    return escape(s.text.get(lang)) + source_note(s.source, words, refs)


def _list(
    title: str,
    items: Iterable[Statement],
    lang: str,
    words: Words,
    refs: Mapping[str, Reference],
    numbered: bool = False,
) -> str:
    rows = [f"<li>{_statement(s, lang, words, refs)}</li>" for s in items]
    if not rows:
        return ""
    tag = "ol" if numbered else "ul"
    return f"<h3>{escape(title)}</h3><{tag}>{''.join(rows)}</{tag}>"


def _regimen(r: Regimen, lang: str, words: Words, refs: Mapping[str, Reference]) -> str:
    parts = [
        f"<p><b>{escape(r.label.get(lang))}</b>"
        f" <small>· {escape(words.routes.get(r.route, r.route))}</small>"
        + source_note(r.source, words, refs)
    ]
    if r.schedule_source is not None and r.schedule_source != r.source:
        parts.append(
            f"<br><small>{escape(words.schedule_source)}</small>"
            + source_note(r.schedule_source, words, refs)
        )
    if r.notes is not None:
        parts.append(f"<br><small>{escape(r.notes.get(lang))}</small>")
    if r.renal_caution is not None:
        parts.append(f"<br>⚠ {escape(r.renal_caution.get(lang))}")
    if r.dose is not None:
        parts.append(f'<br><a href="{COMPUTE_SCHEME}:{escape(r.id)}">{escape(words.compute)}</a>')
    else:
        parts.append(f"<br><small><i>{escape(words.no_dose)}</i></small>")
    parts.append("</p>")
    return "".join(parts)


def _evidence_row(e: Evidence, lang: str, words: Words, refs: Mapping[str, Reference]) -> str:
    design = DESIGNS.get(e.design)
    direction = DIRECTIONS.get(e.direction)
    study = escape(e.study.get(lang)) + source_note(e.source, words, refs)
    study += f"<br><small>{escape(e.population.get(lang))}</small>"
    if e.intervention is not None:
        study += f"<br><small><i>{escape(e.intervention.get(lang))}</i></small>"
    outcome = escape(e.outcome.get(lang))
    if direction is not None:
        outcome = (
            badge(direction.get(lang), BADGE_COLOURS.get(e.direction, "#5c5c5c")) + " " + outcome
        )
    cells = (
        study,
        escape(design.get(lang) if design else e.design),
        "" if e.patients is None else str(e.patients),
        outcome,
        "" if e.follow_up is None else escape(e.follow_up.get(lang)),
    )
    return "<tr>" + "".join(f'<td valign="top">{c}</td>' for c in cells) + "</tr>"


def _references(therapy: Therapy, words: Words, refs: Mapping[str, Reference]) -> str:
    cited: list[str] = []
    for source in therapy.sources():
        if source.ref not in cited:
            cited.append(source.ref)
    status = {
        "verified": words.verified,
        "secondary": words.secondary,
        "unverified": words.unverified,
    }
    items = []
    for ref_id in cited:
        ref = refs.get(ref_id)
        if ref is None:
            items.append(f"<li>{escape(ref_id)}</li>")
            continue
        text = escape(ref.citation)
        if ref.doi:
            text += f" doi:{escape(ref.doi)}"
        text += f" <small>[{escape(status.get(ref.verification, ref.verification))}]</small>"
        if ref.note:
            text += f"<br><small>{escape(ref.note)}</small>"
        items.append(f"<li>{text}</li>")
    if not items:
        return ""
    return f"<h3>{escape(words.references)}</h3><ul>{''.join(items)}</ul>"


def therapy_html(
    therapy: Therapy, lang: str, words: Words, references: Mapping[str, Reference]
) -> str:
    """The whole page for one therapy, in ``lang``."""
    refs = references
    category = CATEGORIES.get(therapy.category)
    level = DESIGNS.get(therapy.evidence_level)
    head = [f"<h2>{escape(therapy.name.get(lang))}</h2>", "<p>"]
    if category is not None:
        head.append(
            f"<small>{escape(category.get(lang))} · "
            f"{escape(therapy.review_section.get(lang))}</small><br>"
        )
    badges = []
    if therapy.off_label:
        badges.append(badge(words.off_label, BADGE_COLOURS["off_label"]))
    if therapy.conflicting_evidence:
        badges.append(badge(words.conflicting, BADGE_COLOURS["conflicting"]))
    if level is not None:
        badges.append(
            f"<small>{escape(words.evidence_level)}{colon(lang)}{escape(level.get(lang))}</small>"
        )
    head.append(" ".join(badges) + "</p>")
    for st in therapy.advised_against:  # a later source advises against it: first thing seen
        head.append(
            f"<p>{badge(words.advised_against, BADGE_COLOURS['conflicting'])} "
            f"<b>{_statement(st, lang, words, refs)}</b></p>"
        )
    synonyms = therapy.synonyms.get(lang)
    if synonyms:
        head.append(f"<p><small>{escape(', '.join(synonyms))}</small></p>")
    body = ["".join(head), f"<p>{_statement(therapy.summary, lang, words, refs)}</p>"]
    if therapy.mechanism is not None:
        body.append(
            f"<h3>{escape(words.mechanism)}</h3>"
            f"<p>{_statement(therapy.mechanism, lang, words, refs)}</p>"
        )
    if therapy.regimens:
        body.append(f"<h3>{escape(words.regimens)}</h3>")
        body.extend(_regimen(r, lang, words, refs) for r in therapy.regimens)
    if therapy.evidence:
        header = "".join(
            f'<th align="left">{escape(h)}</th>'
            for h in (words.study, words.design, words.patients, words.outcome, words.follow_up)
        )
        rows = "".join(_evidence_row(e, lang, words, refs) for e in therapy.evidence)
        body.append(
            f"<h3>{escape(words.evidence)}</h3>"
            f'<table border="1" cellspacing="0" cellpadding="4" width="100%">'
            f"<tr>{header}</tr>{rows}</table>"
        )
    body.append(_list(words.cautions, therapy.cautions, lang, words, refs))
    body.append(_list(words.adverse_effects, therapy.adverse_effects, lang, words, refs))
    body.append(_list(words.monitoring, therapy.monitoring, lang, words, refs))
    body.append(_list(words.instructions, therapy.instructions, lang, words, refs, numbered=True))
    body.append(_list(words.patient_advice, therapy.patient_advice, lang, words, refs))
    body.append(_references(therapy, words, refs))
    return "".join(body)
