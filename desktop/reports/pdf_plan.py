"""The printed treatment plan: the patient's copy and the clinician's copy (reportlab, pure Python).

``render_patient_plan(plan)`` and ``render_clinician_copy(plan)`` return the PDF bytes and, given
``out`` (a path or a binary stream), write them there; a path is written atomically. Both read a
``PlanDocument`` and compute nothing clinical: doses, dates and statements were fixed when the plan
was built, so a saved plan reprints byte for byte.

The patient copy (``desktop.reports.patient_copy``) is in plain words, in the plan's language:
page 1 at a glance with the medicine card, a section per treatment the team gives, a calendar of
dated events, what to watch for and when to call, contacts and notes. The clinician copy shows the
working: measurements with units and date, the BSA formula and value, each dose (calculated,
rounded and deviation, volume, vials, concentration), warnings, evidence level and references,
each evidence line with how far its source was checked.

User text (names, notes, contacts) is always escaped (``styles.user_text``): markup in a name is
printed as typed. Every page carries the header (with the patient's name and second
identifier), "page N of M", the content version and date, and the intended-use line. The PDF's
metadata give a title, the author "Calx", a subject and the language (``/Lang``), never the name.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Literal

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Spacer,
    Table,
    TableStyle,
)

from desktop.core.choices import schedule_choice_names
from desktop.core.formatting import (
    colon,
    format_bsa,
    format_formula,
    format_number,
    format_quantity,
)
from desktop.core.messages import render
from desktop.core.regimen import Source
from desktop.core.schedule import chosen_duration_words
from desktop.core.words import word
from desktop.data.models import DESIGNS, DIRECTIONS, Evidence, Statement
from desktop.reports.document import CONTENT_WIDTH, PageDecor, render_pdf, write_pdf
from desktop.reports.model import PlanDocument, PlanItem
from desktop.reports.patient_copy import PatientStyles, identifier_text, patient_story
from desktop.reports.phrases import (
    closed_day_warning,
    day,
    kind_word,
    listed_dates,
    treatment_name,
)
from desktop.reports.styles import (
    INK,
    SHADE,
    Paragraph,
    Styles,
    text,
    user_text,
)

if TYPE_CHECKING:
    from desktop.data.userdb import LogHead

Copy = Literal["patient", "clinician"]
LABEL_WIDTH = 34 * mm


# --------------------------------------------------------------------------- entry points


def render_plan(
    plan: PlanDocument,
    copy: Copy = "patient",
    lang: str | None = None,
    out: Path | str | BinaryIO | None = None,
    log_head: LogHead | None = None,
) -> bytes:
    """The PDF of one copy of ``plan`` in ``lang`` (default: the plan's language). The clinician
    copy prints ``log_head``, the user database's output log as it stood before this copy was
    logged (or says the copy is not logged), so a later rewrite of the log shows against paper."""
    lang = lang or plan.lang
    large = copy == "patient" and plan.large_print
    story: list[Flowable]
    if copy == "patient":
        story = patient_story(plan, lang, PatientStyles(large, lang))
        header, use, title = "header_patient", "intended_use_patient", "pdf_title_patient"
    else:
        story = _clinician_story(plan, lang, Styles(body_size=9.5), log_head)
        header, use, title = "header_clinician", "intended_use_clinician", "pdf_title_clinician"
    # Every page: the name and the second identifier (never cut), "page N of M".
    decor = PageDecor(
        header_left=word(header, lang),
        header_right=plan.patient_name,
        header_right_suffix=" · " + identifier_text(plan, lang),
        footer_left=word(
            "content_line",
            lang,
            version=plan.content.content_version,
            date=_content_date(plan, lang),
        ),
        footer_note=word(use, lang),
        page_of=lambda n, m: word("page_of", lang, n=n, m=m),
        size=12.0 if large else 9.5,
        footer_size=10.0 if large else 8.0,
    )
    subject = "pdf_subject_patient" if copy == "patient" else "pdf_subject_clinician"
    data = render_pdf(
        story, decor, plan.prepared_on, word(title, lang), lang, subject=word(subject, lang)
    )
    if out is not None:
        write_pdf(data, out)
    return data


def render_patient_plan(
    plan: PlanDocument, lang: str | None = None, out: Path | str | BinaryIO | None = None
) -> bytes:
    return render_plan(plan, "patient", lang, out)


def render_clinician_copy(
    plan: PlanDocument,
    lang: str | None = None,
    out: Path | str | BinaryIO | None = None,
    log_head: LogHead | None = None,
) -> bytes:
    return render_plan(plan, "clinician", lang, out, log_head)


def _content_date(plan: PlanDocument, lang: str) -> str:
    try:
        return day(date.fromisoformat(plan.content.content_date), lang)
    except ValueError:
        return text(plan.content.content_date)


# --------------------------------------------------------------------------- small builders


def _cell(markup: str, style: ParagraphStyle, width: float) -> str | Paragraph:
    """A table cell: a plain string when the text has no markup and fits on one line (drawn
    directly, several times cheaper than a Paragraph), else a wrapping Paragraph."""
    if (
        "<" not in markup
        and "&" not in markup
        and stringWidth(markup, style.fontName, style.fontSize) <= width
    ):
        return markup
    return Paragraph(markup, style)


def _label_table(
    rows: Iterable[tuple[str, str]],
    st: Styles,
    label_width: float = LABEL_WIDTH,
    shaded: bool = False,
) -> Table:
    """Two columns: a bold label and its value (both already markup-safe)."""
    pad = 4
    value_width = CONTENT_WIDTH - label_width
    data = [
        [
            _cell(label, st.label, label_width - 2 * pad),
            _cell(value, st.body, value_width - 2 * pad),
        ]
        for label, value in rows
    ]
    # splitInRow: a 5,000-character name is taller than a page; the row must break across pages.
    table = Table(data, colWidths=[label_width, value_width], hAlign="LEFT", splitInRow=1)
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (0, -1), st.label.fontName),
        ("FONTNAME", (1, 0), (1, -1), st.body.fontName),
        ("FONTSIZE", (0, 0), (-1, -1), st.body.fontSize),
        ("LEADING", (0, 0), (-1, -1), st.body.leading),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if shaded:
        style.append(("BACKGROUND", (0, 0), (-1, -1), SHADE))
    table.setStyle(TableStyle(style))
    return table


def _bullets(statements: Iterable[str], st: Styles) -> list[Flowable]:
    return [Paragraph(s, st.bullet, bulletText="•") for s in statements]


def _numbered(statements: Iterable[str], st: Styles) -> list[Flowable]:
    return [Paragraph(s, st.bullet, bulletText=f"{i}.") for i, s in enumerate(statements, 1)]


def _statements(statements: Iterable[Statement], lang: str) -> list[str]:
    return [text(s.text.get(lang)) for s in statements]


def _identity_rows(plan: PlanDocument, lang: str) -> list[tuple[str, str]]:
    """Who the plan is for (name and second identifier), who prepared it and when, when
    treatment starts: the clinician copy (the patient copy lays out its own)."""
    rows = [(text(word("for", lang)), user_text(plan.patient_name))]
    if plan.patient.birth_date is not None:
        rows.append((text(word("birth_date", lang)), text(day(plan.patient.birth_date, lang))))
    if plan.patient.record_number:
        rows.append((text(word("record_number", lang)), user_text(plan.patient.record_number)))
    if plan.prepared_by.strip():
        rows.append((text(word("prepared_by", lang)), user_text(plan.prepared_by)))
    return [
        *rows,
        (text(word("prepared_on", lang)), text(day(plan.prepared_on, lang))),
        (text(word("starts", lang)), text(day(plan.start, lang))),
    ]


# --------------------------------------------------------------------------- clinician copy


def _verification(source: Source, lang: str) -> str:
    return word(source.verification_code, lang)


def _log_line(log_head: LogHead | None, lang: str) -> str:
    if log_head is None:
        return text(word("log_not_recorded", lang))
    return text(word("log_head_line", lang, count=log_head.count, head=log_head.head[:32]))


def _clinician_story(
    plan: PlanDocument, lang: str, st: Styles, log_head: LogHead | None = None
) -> list[Flowable]:
    ref_number = {r.id: i for i, r in enumerate(plan.references, 1)}
    story: list[Flowable] = [Paragraph(text(word("clinician_title", lang)), st.title)]
    identity = [
        *_identity_rows(plan, lang),
        (text(word("plan_id", lang)), text(plan.plan_id)),
        (text(word("patient_copy_language", lang)), text(word(f"language_{plan.lang}", lang))),
        (
            text(word("content_version", lang)),
            text(
                f"{plan.content.content_version} ({_content_date(plan, lang)}), "
                f"sha256 {plan.content.content_hash[:16]}"
            ),
        ),
        (text(word("output_log", lang)), _log_line(log_head, lang)),
    ]
    country = plan.closed_days_country
    if country is not None:  # each treatment's warnings name its dates on a closed day
        checked = (
            word("closed_days_holidays", lang, country=country)
            if country
            else word("closed_days_weekends", lang)
        )
        identity.append((text(word("closed_days_checked", lang)), text(checked)))
    story.append(_label_table(identity, st, 40 * mm, shaded=True))
    story.extend(_measurements(plan, lang, st))
    story.extend(_safety_checks(plan, lang, st, ref_number))
    for number, item in enumerate(plan.items, 1):
        story.extend(_clinician_item(number, item, lang, st, ref_number))
    # A heading never ends a page alone: it goes with its first line (or the notes).
    if plan.references:
        lines = []
        for i, ref in enumerate(plan.references, 1):
            line = text(ref.citation)
            if ref.doi:
                line += f" doi:{text(ref.doi)}"
            line += f" <font color='#555555'>({text(word(ref.verification, lang))})</font>"
            lines.append(Paragraph(line, st.bullet, bulletText=f"[{i}]"))
        heading = Paragraph(text(word("references", lang)), st.h1)
        story += [KeepTogether([heading, lines[0]]), *lines[1:]]
    if plan.notes.strip():
        heading = Paragraph(text(word("notes", lang)), st.h1)
        story.append(KeepTogether([heading, Paragraph(user_text(plan.notes), st.body)]))
    return story


def _measurements(plan: PlanDocument, lang: str, st: Styles) -> list[Flowable]:
    p = plan.patient
    missing = f"<font color='#555555'>{text(word('not_given', lang))}</font>"
    entered = {e.kind: e for e in p.entered}

    def with_entry(kind: str, shown: str) -> str:
        e = entered.get(kind)
        if e is not None and e.converted:
            return f"{shown} ({text(word('entered_as', lang))} {text(e.entered_text(lang))})"
        return shown

    rows = [
        (word("measured_on", lang), text(day(plan.prepared_on, lang))),
        (word("weight", lang), with_entry("weight", text(format_quantity(p.weight, lang)))),
        (
            word("height", lang),
            with_entry("height", text(format_quantity(p.height, lang)))
            if p.height is not None
            else missing,
        ),
        (word("sex", lang), text(word(f"sex_{p.sex}", lang)) if p.sex else missing),
        (
            word("age", lang),
            text(f"{format_number(p.age_years, lang)} {word('years', lang)}")
            if p.age_years is not None
            else missing,
        ),
        (
            word("serum_creatinine", lang),
            with_entry("creatinine", text(format_quantity(p.creatinine, lang)))
            if p.creatinine is not None
            else missing,
        ),
    ]
    if plan.bsa_m2 is not None:
        from desktop.core.calculators.bsa import formula_info

        info = formula_info(plan.bsa_formula)
        equation = format_formula(info.equation, lang)
        rows.append(
            (
                word("bsa", lang),
                text(f"{format_bsa(plan.bsa_m2, lang)} ({info.name}: {equation}; {info.citation})"),
            )
        )
    # BMI, ideal and adjusted body weight, as Compute shows them (renal estimates: safety checks).
    from desktop.core.body_metrics import body_metrics

    metrics = body_metrics(plan.patient)
    rows += [
        (metrics.name(key, lang), text(value))
        for key in ("bmi", "ibw", "abw")
        if (value := metrics.value_text(key, lang)) is not None
    ]
    story: list[Flowable] = [
        Paragraph(text(word("measurements", lang)), st.h1),
        _label_table([(text(k), v) for k, v in rows], st, 40 * mm),
    ]
    if plan.patient_warnings:
        story.append(
            Paragraph(text(word("patient_warnings", lang)) + colon(lang).rstrip(), st.subhead)
        )
        story += [
            Paragraph(text(render(w, lang)), st.warning, bulletText="!")
            for w in plan.patient_warnings
        ]
    return story


def _safety_checks(
    plan: PlanDocument, lang: str, st: Styles, ref_number: dict[str, int]
) -> list[Flowable]:
    """Every alert of the plan check with its triggers, sources and any override; the patient's
    renal estimates, pregnancy, breastfeeding and current medications."""
    from desktop.core.plan_check import ESTIMATE_WORDS
    from desktop.reports.alerts import (
        SEVERITY_ICONS,
        severity_label,
        trigger_text,
        unit_text,
    )

    p = plan.patient
    c = colon(lang)
    estimates = "<br/>".join(
        text(
            f"{ESTIMATE_WORDS[e.name].get(lang)}{c}{format_number(e.value, lang, 0)} "
            f"{unit_text(e.unit, lang)}"
        )
        for e in plan.renal_estimates
    ) or text(word("renal_unknown", lang))
    meds = ", ".join(
        text(m.name) + ("" if m.medication_id else f" <b>({text(word('not_checked', lang))})</b>")
        for m in p.medications
    ) or text(word("none", lang))
    rows = [(text(word("renal_estimates", lang)), estimates)]
    if p.sex != "male":
        rows += [
            (text(word("pregnant", lang)), text(word(f"answer_{p.pregnant}", lang))),
            (text(word("breastfeeding", lang)), text(word(f"answer_{p.breastfeeding}", lang))),
        ]
    rows.append((text(word("current_medications", lang)), meds))
    story: list[Flowable] = [
        Paragraph(text(word("safety_checks", lang)), st.h1),
        Paragraph(text(word("safety_intro", lang)), st.body),
        _label_table(rows, st, 40 * mm),
    ]
    if not plan.alerts:
        story.append(Paragraph(text(word("no_alert", lang)), st.body))
    labels = {i.regimen_id: i.regimen.label.get(lang) for i in plan.items if i.regimen}
    for alert in plan.alerts:
        icon = SEVERITY_ICONS.get(alert.severity, "?")
        head = (
            f"<b>{text(icon)} {text(severity_label(alert.severity, lang).upper())}</b> "
            f"<font color='#555555'>({text(alert.code)})</font>{c}"
            f"{text(alert.message.get(lang))}"
        )
        lines = [f"<b>{text(word('alert_action', lang))}</b>{c}{text(alert.action.get(lang))}"]
        lines += [text(line) for line in trigger_text(alert, lang, plan.medication_names, labels)]
        cited = "; ".join(
            (f"[{ref_number[s.ref]}] " if s.ref in ref_number else "") + text(s.section)
            for s in alert.sources
        )
        lines.append(f"{text(word('sources', lang))}{c}{cited}")
        reason = plan.override_for(alert.code)
        if reason is not None:
            lines.append(f"<b>{text(word('override_reason', lang))}{c}</b>{user_text(reason)}")
        style = st.warning if alert.severity in ("contraindicated", "avoid") else st.body
        story.append(
            KeepTogether(
                [
                    Paragraph(head, style),
                    *[Paragraph(line, st.bullet, bulletText="–") for line in lines],
                ]
            )
        )
    return story


def _clinician_item(
    number: int, item: PlanItem, lang: str, st: Styles, ref_number: dict[str, int]
) -> list[Flowable]:
    """One treatment of the clinician copy: its table (regimen, evidence, dose, product,
    schedule, sources, studies), the working, then the warnings, notes and cautions."""
    head: list[Flowable] = [Paragraph(f"{number}. {text(treatment_name(item, lang))}", st.h2)]
    rows = _item_rows(item, lang, ref_number)
    head.append(_label_table([(text(k), v) for k, v in rows], st, 36 * mm))
    # A page break rather than KeepTogether: the heading keeps a few rows under it, the long
    # table may split, and the layout is not computed twice (the clinician copy is dense).
    story: list[Flowable] = [CondPageBreak(60 * mm), *head]
    d = item.dose
    if d is not None and d.working:
        story.append(CondPageBreak(25 * mm))
        story.append(Paragraph(text(word("working", lang)) + colon(lang).rstrip(), st.subhead))
        story += _numbered([text(render(w, lang)) for w in d.working], st)
    story += _item_warnings(item, lang, st)
    story.append(Spacer(1, 6))
    return story


def _item_rows(item: PlanItem, lang: str, ref_number: dict[str, int]) -> list[tuple[str, str]]:
    """The labelled rows of one treatment's table."""
    therapy = item.therapy
    flags = [
        DESIGNS[therapy.evidence_level].get(lang)
        if therapy.evidence_level in DESIGNS
        else therapy.evidence_level
    ]
    if therapy.off_label:
        flags.append(word("off_label", lang))
    if therapy.conflicting_evidence:
        flags.append(word("conflicting", lang))
    rows: list[tuple[str, str]] = []
    if item.regimen is not None:
        rows.append((word("regimen", lang), text(item.regimen.label.get(lang))))
    rows.append((word("evidence", lang), text(", ".join(flags))))
    rows += _prescribed_rows(item, lang)
    if item.product is not None:
        rows.append((word("product", lang), text(item.product.name.get(lang))))
    if item.schedule is not None:
        rows.append((word("schedule", lang), _schedule_text(item, lang)))
    sources = _regimen_sources(item, lang, ref_number)
    if sources:
        rows.append((word("sources", lang), "<br/>".join(sources)))
    if therapy.evidence:
        rows.append(
            (
                word("studies", lang),
                "<br/>".join(_evidence_text(e, lang, ref_number) for e in therapy.evidence),
            )
        )
    return rows


def _prescribed_rows(item: PlanItem, lang: str) -> list[tuple[str, str]]:
    """Advice only, no dose in the review (with the strength given), or the dose rows."""
    d = item.dose
    if item.regimen is None:
        return [(word("prescribed", lang), text(word("advice_only", lang)))]
    if d is None or not d.has_dose:
        rows = [(word("prescribed", lang), text(word("no_dose", lang)))]
        if d is not None and d.concentration is not None:
            rows.append((word("concentration", lang), text(format_quantity(d.concentration, lang))))
        return rows
    return _dose_rows(item, lang)


def _regimen_sources(item: PlanItem, lang: str, ref_number: dict[str, int]) -> list[str]:
    """Where the dose and (when it differs) the schedule come from."""
    sources: list[str] = []
    if item.regimen is not None:
        sources.append(
            _source_text(word("dose_source", lang), item.regimen.source, lang, ref_number)
        )
        if item.regimen.schedule_source is not None:
            sources.append(
                _source_text(
                    word("schedule_source", lang), item.regimen.schedule_source, lang, ref_number
                )
            )
    return sources


def _item_warnings(item: PlanItem, lang: str, st: Styles) -> list[Flowable]:
    """The dose's and the schedule's warnings, the regimen's notes and the therapy's cautions."""
    d = item.dose
    warnings = list(d.warnings if d is not None else ())
    if item.schedule is not None:
        warnings += list(item.schedule.warnings) + list(item.schedule.notes)
    closed = closed_day_warning(item, lang)
    if closed is not None:
        warnings.append(closed)
    if item.regimen is not None and item.regimen.notes is not None:
        notes = [text(item.regimen.notes.get(lang))]
    else:
        notes = []
    cautions = _statements(item.therapy.cautions, lang)
    if not (warnings or notes or cautions):
        return []
    story: list[Flowable] = [CondPageBreak(20 * mm)]
    story.append(Paragraph(text(word("warnings", lang)) + colon(lang).rstrip(), st.subhead))
    story += [Paragraph(text(render(w, lang)), st.warning, bulletText="!") for w in warnings]
    story += _bullets(notes + cautions, st)
    return story


def _dose_rows(item: PlanItem, lang: str) -> list[tuple[str, str]]:
    """The rows the window and the command line show (``desktop.core.presenting``), the
    calculated dose and the dose to give in bold."""
    from desktop.core.presenting import dose_rows

    d = item.dose
    assert d is not None and d.calculated is not None
    bold = ("calculated", "rounded")
    return [
        (row.label, f"<b>{text(row.value)}</b>" if row.key in bold else text(row.value))
        for row in dose_rows(d, lang)
    ]


def _schedule_text(item: PlanItem, lang: str) -> str:
    s = item.schedule
    assert s is not None
    rows = s.treatment_rows()
    if not rows:
        out = text(word("schedule_none", lang))
    else:
        out = text(
            word(
                "schedule_summary",
                lang,
                count=len(rows),
                kind=kind_word(rows[0], lang),
                first=day(rows[0].date, lang),
                last=day(rows[-1].end, lang),
                months=s.horizon_months,
            )
        )
        dates = listed_dates(item)
        if dates is not None:
            out += "<br/>" + text(", ".join(day(x, lang) for x in dates))
    if s.choices:
        units = schedule_choice_names(item.regimen.schedule if item.regimen else None)
        used = ", ".join(
            f"{k} = "
            + (
                chosen_duration_words(v, units[k].unit, lang)
                if k in units
                else format_number(v, lang)
            )
            + (f" {word('by_default', lang)}" if k in s.defaults else "")
            for k, v in sorted(s.choices.items())
        )
        out += "<br/>" + text(f"{word('choices_used', lang)}{colon(lang)}{used}")
    if s.next_after_horizon is not None:
        out += "<br/>" + text(
            f"{word('next_after', lang)}{colon(lang)}{day(s.next_after_horizon, lang)}"
        )
    return out


def _evidence_text(e: Evidence, lang: str, ref_number: dict[str, int]) -> str:
    """ "Robertson et al. 2003: case series, 9 patients, improved [7] (verified)"."""
    parts = [DESIGNS[e.design].get(lang) if e.design in DESIGNS else e.design]
    if e.patients is not None:
        parts.append(
            word("one_patient", lang) if e.patients == 1 else word("n_patients", lang, n=e.patients)
        )
    parts.append(DIRECTIONS[e.direction].get(lang) if e.direction in DIRECTIONS else e.direction)
    number = ref_number.get(e.source.ref)
    cite = f" [{number}]" if number is not None else ""
    # Every evidence line says how far its source was checked, as ``calx show`` does.
    cite += f" ({_verification(e.source, lang)})"
    return text(f"{e.study.get(lang)}{colon(lang)}{', '.join(parts).lower()}{cite}")


def _source_text(what: str, source: Source, lang: str, ref_number: dict[str, int]) -> str:
    number = ref_number.get(source.ref)
    cite = f"[{number}]" if number is not None else source.ref
    return text(f"{what}{colon(lang)}{cite} ({_verification(source, lang)})")
