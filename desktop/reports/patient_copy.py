"""The patient's copy of a plan: short, specific and usable at home (docs/clinical.md §7).

Built around what patients and nurses use, after public formats:

1. **Page 1, the plan at a glance**: the name and the second identifier, who prepared the plan and
   how to reach the team; the *medicine card* (the AHRQ pill card: one row per medicine taken at
   home, what it is for, how much, morning / midday / evening / bedtime columns with a symbol, and
   what to take care of); then the next dated events.
2. **One section per treatment given by the team** (infusions, injections, procedures, dressings),
   like the eviQ and BC Cancer handouts: what it is, how it is given, when, how to prepare, what
   to watch for.
3. **A calendar of dated events only**, one line per month of the horizon, "nothing planned this
   month" when nothing happens: infusions, sessions, the start, pause and restart of a cycle,
   monitoring tests the plan provides. Daily medicines are on the card, never ticked day by day;
   an optional weekly tick sheet is printed at the end for those who want one.
4. **What to watch for and when to call**, per home medicine, then the general "call if" list.
5. **Contacts and notes.**

Nothing here is clinical: every sentence comes from the plan (doses, dates) or the knowledge base
(sourced statements); this module only lays them out. The times of day on the card are Calx's
layout convention for "N times a day" (morning; morning and evening; morning, midday and evening;
the four columns), and the card says the team may change them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from desktop.core.formatting import (
    MONTHS,
    SHORT_WEEKDAYS,
    colon,
    day_of_month,
    format_date,
    format_dose,
)
from desktop.core.regimen import Bilingual
from desktop.core.schedule import KIND_DOSE, KIND_OFF, KIND_ON, Administration
from desktop.core.words import capitalized, word
from desktop.reports.document import CONTENT_WIDTH
from desktop.reports.model import PlanDocument, PlanItem
from desktop.reports.phrases import (
    day,
    dose_phrase,
    route_phrase,
    set_apart,
    told_apart,
    when_phrases,
)
from desktop.reports.styles import (
    ACCENT,
    FONT_BOLD,
    MUTED,
    RULE,
    SHADE,
    Paragraph,
    paragraph_style,
    text,
    user_text,
)

# The card's four times of day and their symbols (sun, sun at its height, moon, star).
SLOTS: tuple[str, ...] = ("morning", "midday", "evening", "bedtime")
SLOT_SYMBOLS: dict[str, str] = {
    "morning": "\u2600",
    "midday": "\u263c",
    "evening": "\u263d",
    "bedtime": "\u2605",
}
# Calx's layout convention: which columns "N times a day" fills (the card says it may change).
SLOT_PLAN: dict[int, tuple[int, ...]] = {1: (0,), 2: (0, 2), 3: (0, 1, 2), 4: (0, 1, 2, 3)}
DOSE_MARK = "\u25cf"  # ● a dose at that time of day
BOX = "\u2610"  # ☐ a box of the tick sheet
NBSP = "\u00a0"
NEXT_EVENTS = 5  # dated events listed on page 1
# A treatment with more dated events than this in a year (a dressing every 3 days) shows its first
# one only on the calendar; its rhythm is written in its section.
MAX_EVENTS_PER_YEAR = 26


# --------------------------------------------------------------------------- styles


class PatientStyles:
    """The patient copy's styles: body 11 pt, or 14 pt in large print (nothing smaller then)."""

    def __init__(self, large: bool, lang: str = "en") -> None:
        body = 14.0 if large else 11.0
        self.lang = lang
        small = 14.0 if large else 9.5
        self.large = large
        self.body_size = body
        lead = body * 1.3

        def style(name: str, **kw: object) -> ParagraphStyle:
            return paragraph_style(name, **{"fontSize": body, "leading": lead, **kw})

        self.title = style(
            "title",
            fontName=FONT_BOLD,
            fontSize=body + 9,
            leading=(body + 9) * 1.2,
            textColor=ACCENT,
            spaceAfter=3,
        )
        # No keepWithNext on h1: it would move a whole table (the card, the calendar) with its
        # heading to the next page; a CondPageBreak before each heading keeps them together.
        self.h1 = style(
            "h1",
            fontName=FONT_BOLD,
            fontSize=body + 4,
            leading=(body + 4) * 1.25,
            textColor=ACCENT,
            spaceBefore=7,
            spaceAfter=2,
        )
        self.h2 = style(
            "h2",
            fontName=FONT_BOLD,
            fontSize=body + 1.5,
            leading=(body + 1.5) * 1.25,
            spaceBefore=6,
            spaceAfter=2,
            keepWithNext=1,
        )
        self.body = style("body", spaceAfter=2)
        self.bold = style("bold", fontName=FONT_BOLD)
        self.small = style("small", fontSize=small, leading=small * 1.3)
        self.muted = style("muted", fontSize=small, leading=small * 1.3, textColor=MUTED)
        self.muted_body = style("muted_body", textColor=MUTED)
        self.label = style("label", fontName=FONT_BOLD, keepWithNext=1, spaceBefore=3)
        self.bullet = style("bullet", leftIndent=14, bulletIndent=3, spaceAfter=1)
        self.cell = style("cell", fontSize=small, leading=small * 1.3)
        self.cell_bold = style("cell_bold", fontName=FONT_BOLD, fontSize=small, leading=small * 1.3)
        self.slot = style(
            "slot", fontName=FONT_BOLD, fontSize=small, leading=small * 1.3, alignment=1
        )


def fast_cell(plain: str, style: ParagraphStyle, width: float) -> str | Paragraph:
    """A table cell of program or knowledge-base text (never user text): a plain string when it
    needs no escaping and fits on one line (drawn several times faster than a Paragraph, and a
    plan has many), else a wrapping Paragraph. ``cell_font`` gives the string the same look."""
    if text(plain) == plain and stringWidth(plain, style.fontName, style.fontSize) <= width:
        return plain
    return Paragraph(text(plain), style)


def cell_font(
    first: tuple[int, int], last: tuple[int, int], style: ParagraphStyle
) -> list[tuple[object, ...]]:
    """Table style commands that draw plain-string cells like ``style``."""
    return [
        ("FONTNAME", first, last, style.fontName),
        ("FONTSIZE", first, last, style.fontSize),
        ("LEADING", first, last, style.leading),
        ("TEXTCOLOR", first, last, style.textColor),
    ]


# --------------------------------------------------------------------------- what goes where


def home_items(plan: PlanDocument) -> list[PlanItem]:
    """Medicines the patient takes at home by mouth: the rows of the card."""
    return [i for i in plan.items if i.is_home_medicine]


def team_items(plan: PlanDocument) -> list[PlanItem]:
    """Treatments given or done by the team (infusions, injections, procedures, dressings)."""
    return [i for i in plan.items if i.regimen is not None and not i.is_home_medicine]


def _home_care(item: PlanItem) -> bool:
    """Care the patient does at home with a treatment section of its own (a dressing)."""
    return item.regimen is not None and item.regimen.route == "topical"


def advice_items(plan: PlanDocument) -> list[PlanItem]:
    """Records without a regimen in the review: their advice, the dose as prescribed."""
    return [i for i in plan.items if i.regimen is None]


def name(item: PlanItem, lang: str, plan: PlanDocument) -> str:
    """The treatment's name for the patient, told apart from another regimen of the same
    medicine in the plan: "Rituximab (680 mg)" beside "Rituximab (1 000 mg)"."""
    return set_apart(item.therapy.patient_label(lang), item, told_apart(plan.items, lang))


SHORT_NAME = 24  # longer names are shortened on the calendar's lines


def short_name(item: PlanItem, lang: str, plan: PlanDocument) -> str:
    """The name on a calendar line: a long name with a part in brackets is shortened to that
    part ("Corticosteroid injection into a deposit (triamcinolone)" → "Triamcinolone"), then
    told apart as ``name`` is."""
    full = item.therapy.patient_label(lang)
    inner = re.search(r"\(([^()]+)\)\s*$", full)
    if len(full) > SHORT_NAME and inner is not None:
        full = inner.group(1)[:1].upper() + inner.group(1)[1:]
    return set_apart(full, item, told_apart(plan.items, lang))


def statements(items: Iterable[object], lang: str) -> list[str]:
    return [text(s.text.get(lang)) for s in items]  # type: ignore[attr-defined]


def purpose(item: PlanItem, lang: str) -> str:
    return " ".join(statements(item.therapy.patient_purpose, lang))


def slots(item: PlanItem) -> tuple[int, ...]:
    """The card columns of a home medicine: one per dose of the day (Calx's convention)."""
    d = item.dose
    times = d.times_per_day if d is not None and d.times_per_day else 1
    return SLOT_PLAN.get(times, ())


# --------------------------------------------------------------------------- dated events


@dataclass(frozen=True)
class Event:
    """One line of the calendar: a day and what happens, by the treatment's name."""

    day: date
    text: str
    order: int  # treatment order, then the event's own order that day
    # Frequent events (a dressing every 3 days, a weekly blood test) share one line per month,
    # "DuoDERM: dressing change: on the 3, 6, 9…"; ``grouped`` marks them.
    grouped: bool = False


def _event_word(item: PlanItem, row: Administration, lang: str) -> str:
    route = item.regimen.route if item.regimen is not None else ""
    if row.kind == KIND_DOSE:
        key = {
            "iv": "event_infusion",
            "sc": "event_injection",
            "intralesional": "event_injection",
        }.get(route, "event_dose")
    else:
        key = {"session": "event_session", "dressing change": "event_dressing"}.get(
            row.kind, "event_dose"
        )
    return word(key, lang)


def item_events(item: PlanItem, index: int, lang: str, plan: PlanDocument) -> list[Event]:
    """The dated events of one treatment, by its name: "Rituximab: infusion 2",
    "Minocycline: pause starts", "Minocycline: restart"."""
    out: list[Event] = []
    who = short_name(item, lang, plan)
    schedule = item.schedule
    if schedule is not None:
        rows = schedule.administrations
        periods = [r for r in rows if r.is_period]
        events = [r for r in rows if not r.is_period]
        starts_seen = 0
        for row in periods:
            if row.kind == KIND_OFF:
                out.append(Event(row.date, word("event_pause", lang, name=who), index))
                continue
            key = "event_start" if starts_seen == 0 else "event_restart"
            starts_seen += 1
            out.append(Event(row.date, word(key, lang, name=who), index))
            # A cycle's last day is the day before "pause starts"; a daily period says it.
            if not row.continues and row.kind != KIND_ON:
                out.append(Event(row.end, word("event_last_day", lang, name=who), index))
        # A rhythm too frequent to list (a dressing every 3 days): its first day only; the
        # rhythm is in the treatment's section.
        many = _frequent(len(events), schedule.horizon_months)
        for row in events[:1] if many else events:
            what = _event_word(item, row, lang)
            if many:
                out.append(Event(row.date, word("event_first", lang, name=who, what=what), index))
            elif len(events) == 1:
                out.append(Event(row.date, f"{who}{colon(lang)}{what}", index))
            else:
                out.append(Event(row.date, f"{who}{colon(lang)}{what} {row.number}", index))
    # The tests the plan check's monitoring rules time (warfarin: INR), by the medicine's name.
    horizon = schedule.horizon_months if schedule is not None else 12
    for test in item.tests:
        many = _frequent(len(test.dates), horizon)
        label = (
            f"{who}{colon(lang)}{test.test.get(lang)}"
            if test.test is not None
            else word("event_test", lang, name=who)
        )
        out += [Event(d, label, index, grouped=many) for d in test.dates]
    return out


def _frequent(count: int, horizon_months: int) -> bool:
    """More events than a line each can show: they are grouped by month."""
    return count > MAX_EVENTS_PER_YEAR * max(1, horizon_months) / 12


def plan_events(plan: PlanDocument, lang: str) -> list[Event]:
    events = [e for i, item in enumerate(plan.items) for e in item_events(item, i, lang, plan)]
    return sorted(events, key=lambda e: (e.day, e.order))


def _short_day(d: date, lang: str) -> str:
    """ "Mon 3" / "lun. 3", "lun. 1er": the day in a month's line of the calendar."""
    lang = "fr" if lang == "fr" else "en"
    return f"{SHORT_WEEKDAYS[lang][d.weekday()]} {day_of_month(d, lang)}"


def _month_title(year: int, month: int, lang: str) -> str:
    """ "December 2026" / "Décembre 2026": a month's title in the calendar."""
    return capitalized(f"{MONTHS['fr' if lang == 'fr' else 'en'][month - 1]} {year}")


# --------------------------------------------------------------------------- the story


def patient_story(plan: PlanDocument, lang: str, st: PatientStyles) -> list[Flowable]:
    events = plan_events(plan, lang)
    story: list[Flowable] = [Paragraph(text(word("patient_title", lang)), st.title)]
    story.append(_identity(plan, lang, st))
    story.append(Paragraph(text(word("intro_short", lang)), st.body))
    home = home_items(plan)
    if home:
        story += _card(plan, home, lang, st)
    story += _next_events(plan, events, lang, st)
    # Given by the team (infusions, injections, procedures), then care done at home (dressings).
    team = team_items(plan)
    groups = (
        ("team_treatments", [i for i in team if not _home_care(i)]),
        ("home_care", [i for i in team if _home_care(i)]),
    )
    advice = advice_items(plan)
    # Each instruction of the plan check once under "what to watch for", in print order.
    watch_once = once_each([*groups[0][1], *groups[1][1], *advice, *home])
    for heading, group in groups:
        if group:
            story.append(CondPageBreak(50 * mm))
            story.append(Paragraph(text(word(heading, lang)), st.h1))
            for item in group:
                story += _team_section(plan, item, lang, st, watch_once[item.regimen_id])
    if advice:
        story += [CondPageBreak(40 * mm), Paragraph(text(word("other_advice", lang)), st.h1)]
        for item in advice:
            story += _advice_section(plan, item, lang, st, watch_once[item.regimen_id])
    story += _calendar(plan, events, lang, st)
    story += _watch_for(plan, home, lang, st, watch_once)
    story += _contacts_and_notes(plan, lang, st)
    if plan.tick_sheet and home:
        story += _tick_sheet(plan, home, lang, st)
    return story


def identifier_text(plan: PlanDocument, lang: str) -> str:
    """ "born 23 April 1961 · record 12345" (plain text, not markup); a line to fill when the
    plan has neither, so that a nurse writes it by hand."""
    p = plan.patient
    parts = []
    if p.birth_date is not None:
        parts.append(word("born_on", lang, date=day(p.birth_date, lang)))
    if p.record_number:
        parts.append(word("record_no", lang, number=p.record_number))
    if not parts:
        parts.append(word("born_on", lang, date="____________"))
    return " · ".join(parts)


def _identity(plan: PlanDocument, lang: str, st: PatientStyles) -> Table:
    """Name, second identifier, who prepared the plan and how to reach the team, in a shaded box."""
    p = plan.patient
    rows: list[tuple[str, str]] = [(word("for", lang), f"<b>{user_text(plan.patient_name)}</b>")]
    born = day(p.birth_date, lang) if p.birth_date is not None else "____________"
    rows.append((word("birth_date", lang), text(born)))
    if p.record_number:
        rows.append((word("record_number", lang), user_text(p.record_number)))
    prepared = text(day(plan.prepared_on, lang))
    if plan.prepared_by.strip():
        rows.append((word("prepared_by", lang), f"{user_text(plan.prepared_by)}, {prepared}"))
    else:
        rows.append((word("prepared_on", lang), prepared))
    rows.append((word("team_contact", lang), _team_contact(plan, lang)))
    label_room = (52 if st.large else 36) * mm - 10
    cells = [(fast_cell(k, st.bold, label_room), Paragraph(v, st.body)) for k, v in rows]
    style: list[tuple[object, ...]] = [
        *cell_font((0, 0), (-1, -1), st.bold),
        ("BACKGROUND", (0, 0), (-1, -1), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    if st.large:  # one label and value a line
        label_w = 52 * mm
        data = [list(c) for c in cells]
        widths = [label_w, CONTENT_WIDTH - label_w]
    else:  # two a line; the team's contact on a line of its own
        label_w, value_w = 36 * mm, CONTENT_WIDTH / 2 - 36 * mm
        pairs = cells[:-1]
        data = [
            [*pairs[i], *(pairs[i + 1] if i + 1 < len(pairs) else ("", ""))]
            for i in range(0, len(pairs), 2)
        ]
        data.append([*cells[-1], "", ""])
        style.append(("SPAN", (1, len(data) - 1), (3, len(data) - 1)))
        widths = [label_w, value_w, label_w, value_w]
    table = Table(data, colWidths=widths, hAlign="LEFT", splitInRow=1)
    table.setStyle(TableStyle(style))
    return table


def _team_contact(plan: PlanDocument, lang: str) -> str:
    """The first contact the clinician filled in, or a line to fill by hand."""
    for c in plan.contacts:
        if c.value.strip():
            # A phone number is never broken across lines ("01 23 45 67 / 89").
            value = re.sub(r"(?<=\d) (?=\d)", NBSP, c.value)
            return f"{user_text(c.label)}{text(colon(lang))}{user_text(value)}"
    return text(word("team_contact_fill", lang))


# --------------------------------------------------------------------------- medicine card


def _card(
    plan: PlanDocument, home: Sequence[PlanItem], lang: str, st: PatientStyles
) -> list[Flowable]:
    """The pill card: a row per home medicine (its name, how much, what it is for), a column per
    time of day with ● and the amount, and when / what to take care of."""
    story: list[Flowable] = [
        CondPageBreak(50 * mm),
        Paragraph(text(word("card_title", lang)), st.h1),
    ]
    # Large print: "when, and take care" goes under the medicine's name in the first column, so
    # that the four times of day keep room for their words at 14 pt.
    slot_w = (26 if st.large else 17.5) * mm
    first_w = CONTENT_WIDTH - 4 * slot_w if st.large else 46 * mm
    last_w = CONTENT_WIDTH - first_w - 4 * slot_w
    header: list[object] = [Paragraph(text(word("card_medicine", lang)), st.cell_bold)]
    header += [
        Paragraph(
            f"<font size='{st.body_size + 3}'>{SLOT_SYMBOLS[s]}</font><br/>"
            f"{text(word('slot_' + s, lang))}",
            st.slot,
        )
        for s in SLOTS
    ]
    if not st.large:
        header.append(Paragraph(text(word("card_take_care", lang)), st.cell_bold))
    rows: list[list[object]] = [header]
    interactions = interaction_words(plan)
    card_once = once_each(home)
    for item in home:
        dose = item.dose
        amount = dose_phrase(item, lang) or word("dose_as_prescribed", lang).rstrip(": ")
        what = f"<b>{text(name(item, lang, plan))}</b><br/><b>{text(amount)}</b>"
        if item.therapy.patient_purpose:
            what += f"<br/>{purpose(item, lang)}"
        filled = slots(item)
        each = ""
        if dose is not None and dose.given is not None:
            each = text(format_dose(dose.given, lang))
        cells: list[object] = [Paragraph(what, st.cell)]
        for i in range(4):
            cells.append(
                Paragraph(
                    f"<font size='{st.body_size + 5}'>{DOSE_MARK}</font><br/>{each}"
                    if i in filled
                    else "",
                    st.slot,
                )
            )
        care = "<br/>".join(_take_care(item, lang, interactions, card_once[item.regimen_id]))
        if st.large:  # no column title says "when" here: the line is bold
            cells[0] = Paragraph(
                f"{what}<br/><b>{care}</b>" if "<b>" not in care else f"{what}<br/>{care}", st.cell
            )
            rows.append(cells)
        else:
            rows.append([*cells, Paragraph(care, st.cell)])
    widths = [first_w, *([slot_w] * 4)] + ([last_w] if not st.large else [])
    # A medicine's row is never split across pages (its name would part from its doses).
    table = Table(rows, colWidths=widths, hAlign="LEFT", repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("VALIGN", (1, 1), (4, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (1, 0), (4, -1), 1),  # "Morning", "Coucher" on one line
                ("RIGHTPADDING", (1, 0), (4, -1), 1),
            ]
        )
    )
    story += [table, Paragraph(text(word("card_note", lang)), st.muted)]
    return story


CARD_INSTRUCTIONS = 3  # "what not to take with it" lines on a card row; all are under "watch for"


def once_each(items: Sequence[PlanItem]) -> dict[str, tuple[Bilingual, ...]]:
    """Each item's patient instructions, an instruction that names two of the plan's medicines
    ("Take minocycline and aluminium hydroxide more than 2 hours apart") kept only with the first
    of them in ``items``' order: the copy says it once."""
    seen: set[Bilingual] = set()
    out: dict[str, tuple[Bilingual, ...]] = {}
    for item in items:
        mine = tuple(i for i in item.patient_instructions if i not in seen)
        seen.update(mine)
        out[item.regimen_id] = mine
    return out


def interaction_words(plan: PlanDocument) -> set[Bilingual]:
    """The plan check's patient instructions about taking medicines together (its interaction
    rules): the card's "what not to take with it"."""
    return {
        a.patient_instruction
        for a in plan.alerts
        if a.kind == "interaction" and a.patient_instruction is not None
    }


def _take_care(
    item: PlanItem, lang: str, interactions: set[Bilingual], mine: tuple[Bilingual, ...]
) -> list[str]:
    """The card's last column: when (every day, in cycles, until…), food, and what not to take
    with it (the plan check's instructions on interactions, at most ``CARD_INSTRUCTIONS``; every
    instruction is also under "what to watch for")."""
    out = [text(s) for s in when_phrases(item, lang)[:1]]
    out += statements(item.therapy.patient_food, lang)
    together = [i for i in mine if i in interactions]
    out += [f"<b>{text(i.get(lang))}</b>" for i in together[:CARD_INSTRUCTIONS]]
    if len(together) > CARD_INSTRUCTIONS:
        out.append(text(word("card_more", lang, n=len(together) - CARD_INSTRUCTIONS)))
    return out


# --------------------------------------------------------------------------- next events


def _next_events(
    plan: PlanDocument, events: Sequence[Event], lang: str, st: PatientStyles
) -> list[Flowable]:
    upcoming = [e for e in events if e.day >= plan.prepared_on][:NEXT_EVENTS]
    story: list[Flowable] = [
        CondPageBreak(40 * mm),
        Paragraph(text(word("coming_up", lang)), st.h1),
    ]
    if not upcoming:
        return [*story, Paragraph(text(word("no_dated_events", lang)), st.body)]
    date_w = (84 if st.large else 66) * mm
    data = [
        [
            fast_cell(format_date(e.day, lang, weekday=True), st.bold, date_w - 6),
            fast_cell(e.text, st.body, CONTENT_WIDTH - date_w - 6),
        ]
        for e in upcoming
    ]
    table = Table(data, colWidths=[date_w, CONTENT_WIDTH - date_w], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                *cell_font((0, 0), (0, -1), st.bold),
                *cell_font((1, 0), (1, -1), st.body),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    later = len([e for e in events if e.day >= plan.prepared_on]) > len(upcoming)
    story.append(table)
    if later:
        story.append(Paragraph(text(word("see_calendar_more", lang)), st.muted))
    return story


# --------------------------------------------------------------------------- team treatments


def _labelled(label: str, lines: Sequence[str], st: PatientStyles) -> list[Flowable]:
    """ "**How it is given:** By drip into a vein. Dose: 750 mg per infusion." on one paragraph:
    a bold label and its sentences, so that a short answer takes one line."""
    if not lines:
        return []
    return [Paragraph(f"<b>{text(label)}{text(colon(st.lang))}</b>{' '.join(lines)}", st.body)]


def _bullets(lines: Sequence[str], st: PatientStyles) -> list[Flowable]:
    return [Paragraph(s, st.bullet, bulletText="\u2022") for s in lines]


def _team_section(
    plan: PlanDocument, item: PlanItem, lang: str, st: PatientStyles, mine: tuple[Bilingual, ...]
) -> list[Flowable]:
    """One treatment given by the team, in the handout order: what it is, how it is given, when
    (with its dates), how much, good to know and how to prepare, steps, what to watch for."""
    head: list[Flowable] = [CondPageBreak(45 * mm), Paragraph(text(name(item, lang, plan)), st.h2)]
    if item.therapy.patient_purpose:
        head += _labelled(word("what_it_is", lang), [purpose(item, lang)], st)
    how = route_phrase(item, lang)
    dose = dose_phrase(item, lang)
    how_lines = [text(how)] if how else []
    if dose:
        how_lines.append(text(word("dose_line", lang, dose=dose)))
    head += _labelled(word("how_given", lang), how_lines, st)
    # "When" gives the rhythm; the dates themselves are on the calendar, once.
    when = [text(s) for s in when_phrases(item, lang)]
    head += _labelled(word("when", lang), when, st)
    block: list[Flowable] = [*head]
    advice = statements(item.therapy.patient_advice, lang)
    advice += statements(item.therapy.patient_food, lang)
    if advice:
        block += [Paragraph(text(word("good_to_know", lang)), st.label), *_bullets(advice, st)]
    steps = statements(item.therapy.instructions, lang)
    if steps:
        block.append(Paragraph(text(word("steps", lang)), st.label))
        block += [Paragraph(s, st.bullet, bulletText=f"{i}.") for i, s in enumerate(steps, 1)]
    block += _watch_block(item, lang, st, mine)
    block.append(Spacer(1, 4))
    return block


def _watch_block(
    item: PlanItem, lang: str, st: PatientStyles, mine: tuple[Bilingual, ...]
) -> list[Flowable]:
    watch = statements(item.therapy.adverse_effects, lang)
    watch += [f"<b>{text(i.get(lang))}</b>" for i in mine]
    if not watch:
        return []
    # Not kept together: a long list runs on to the next page (its label stays with it).
    return [Paragraph(text(word("watch_for", lang)), st.label), *_bullets(watch, st)]


def _advice_section(
    plan: PlanDocument, item: PlanItem, lang: str, st: PatientStyles, mine: tuple[Bilingual, ...]
) -> list[Flowable]:
    block: list[Flowable] = [CondPageBreak(30 * mm), Paragraph(text(name(item, lang, plan)), st.h2)]
    if item.therapy.patient_purpose:
        block += _labelled(word("what_it_is", lang), [purpose(item, lang)], st)
    block += _labelled(
        word("how_much", lang), [text(word("dose_as_prescribed", lang)) + "_" * 24], st
    )
    advice = statements(item.therapy.patient_advice, lang)
    advice += statements(item.therapy.patient_food, lang)
    if advice:
        block += [Paragraph(text(word("good_to_know", lang)), st.label), *_bullets(advice, st)]
    else:  # the advice already says the side effects in plain words; else the record's list
        block += _watch_block(item, lang, st, mine)
    return block


# --------------------------------------------------------------------------- calendar


def _months(plan: PlanDocument) -> list[tuple[int, int]]:
    """Every month of the horizon, from the first treatment day to the last planned day."""
    ends = [i.schedule.last_day for i in plan.items if i.schedule is not None]
    last = max(ends) if ends else plan.start
    months: list[tuple[int, int]] = []
    y, m = plan.start.year, plan.start.month
    while (y, m) <= (last.year, last.month):
        months.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return months


def _calendar(
    plan: PlanDocument, events: Sequence[Event], lang: str, st: PatientStyles
) -> list[Flowable]:
    months = _months(plan)
    head: list[Flowable] = [
        Paragraph(text(word("calendar", lang)), st.h1),
        Paragraph(text(word("calendar_intro_events", lang)), st.body),
    ]
    month_w = (52 if st.large else 40) * mm
    rows: list[list[object]] = []
    style: list[tuple[object, ...]] = [
        *cell_font((0, 0), (0, -1), st.bold),
        *cell_font((1, 0), (1, -1), st.muted_body),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (0, -1), SHADE),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    by_month: dict[tuple[int, int], list[Event]] = {}
    for e in events:
        by_month.setdefault((e.day.year, e.day.month), []).append(e)
    for y, m in months:
        lines = _month_lines(by_month.get((y, m), []), lang)
        body: str | Paragraph
        if lines:
            body = Paragraph("<br/>".join(lines), st.body)
        else:
            body = fast_cell(
                word("nothing_this_month", lang), st.muted_body, CONTENT_WIDTH - month_w - 8
            )
        rows.append([fast_cell(_month_title(y, m, lang), st.bold, month_w - 8), body])
    table = Table(rows, colWidths=[month_w, CONTENT_WIDTH - month_w], hAlign="LEFT", splitInRow=1)
    table.setStyle(TableStyle(style))
    # The calendar starts on a new page unless a good part of it fits; it may run on to the
    # next page (keeping it whole would add a page to the shortest plans).
    return [CondPageBreak(60 * mm), *head, table]


def _month_lines(events: Sequence[Event], lang: str) -> list[str]:
    """A month's lines (markup): "**Mon 3**  Rituximab: infusion 1", and one line per frequent
    event, at its first day: "**Thu 6, 13, 20, 27**  Warfarin: test planned"."""
    lines: list[str] = []
    groups: dict[str, list[date]] = {}
    for e in events:
        if e.grouped:
            if e.text not in groups:
                groups[e.text] = []
                lines.append(e.text)  # a placeholder, filled below
            groups[e.text].append(e.day)
        else:
            lines.append(f"<b>{text(_short_day(e.day, lang))}</b>{'&nbsp;' * 2}{text(e.text)}")
    out = []
    for line in lines:
        days = groups.get(line)
        if days is None:
            out.append(line)
            continue
        first = _short_day(days[0], lang)
        rest = ", ".join(str(d.day) for d in days[1:])
        when = f"{first}, {rest}" if rest else first
        out.append(f"<b>{text(when)}</b>{'&nbsp;' * 2}{text(line)}")
    return out


# --------------------------------------------------------------------------- watch for, contacts


def _watch_for(
    plan: PlanDocument,
    home: Sequence[PlanItem],
    lang: str,
    st: PatientStyles,
    once: dict[str, tuple[Bilingual, ...]],
) -> list[Flowable]:
    story: list[Flowable] = [
        CondPageBreak(35 * mm),
        Paragraph(text(word("watch_and_call", lang)), st.h1),
    ]
    call = [*statements(plan.when_to_call, lang), text(word("when_to_call_any", lang))]
    story.append(
        KeepTogether([Paragraph(text(word("call_if", lang)), st.label), *_bullets(call, st)])
    )
    for item in home:
        # The record's advice says its side effects in plain words; the bare list of adverse
        # effects (clinical terms) is printed only for a record without advice.
        watch = statements(item.therapy.patient_advice, lang) or statements(
            item.therapy.adverse_effects, lang
        )
        watch += [f"<b>{text(i.get(lang))}</b>" for i in once[item.regimen_id]]
        if watch:
            story.append(
                KeepTogether(
                    [Paragraph(text(name(item, lang, plan)), st.label), *_bullets(watch, st)]
                )
            )
    if plan.other_instructions:  # about medicines the patient already takes (plan check)
        story.append(
            KeepTogether(
                [
                    Paragraph(text(word("other_medicines", lang)), st.label),
                    *_bullets([f"<b>{text(i.get(lang))}</b>" for i in plan.other_instructions], st),
                ]
            )
        )
    others = [
        name(i, lang, plan)
        for i in team_items(plan)
        if i.therapy.adverse_effects or once[i.regimen_id]
    ]
    if others:
        key = "watch_see_section" if len(others) == 1 else "watch_see_sections"
        names = (
            others[0]
            if len(others) == 1
            else word("and_list", lang, first=", ".join(others[:-1]), last=others[-1])
        )
        story.append(Paragraph(text(word(key, lang, names=names)), st.muted))
    if plan.general_measures:
        story.append(
            KeepTogether(
                [
                    Paragraph(text(word("general", lang)), st.label),
                    *_bullets(statements(plan.general_measures, lang), st),
                ]
            )
        )
    return story


def _contacts_and_notes(plan: PlanDocument, lang: str, st: PatientStyles) -> list[Flowable]:
    contacts = [
        (user_text(c.label), user_text(c.value) if c.value.strip() else "") for c in plan.contacts
    ]
    if not contacts:
        contacts = [
            (text(word(k, lang)), "")
            for k in ("contact_doctor", "contact_nurse", "contact_clinic", "contact_emergency")
        ]
    label_w = 60 * mm if st.large else 52 * mm
    data = [[Paragraph(label, st.bold), Paragraph(value, st.body)] for label, value in contacts]
    table = Table(data, colWidths=[label_w, CONTENT_WIDTH - label_w], hAlign="LEFT", splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (1, 0), (1, -1), 0.6, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    story: list[Flowable] = [KeepTogether([Paragraph(text(word("contacts", lang)), st.h1), table])]
    if plan.notes.strip():
        story += [
            CondPageBreak(30 * mm),
            Paragraph(text(word("notes", lang)), st.h1),
            Paragraph(user_text(plan.notes), st.body),
        ]
    return story


# --------------------------------------------------------------------------- weekly tick sheet


def _tick_sheet(
    plan: PlanDocument, home: Sequence[PlanItem], lang: str, st: PatientStyles
) -> list[Flowable]:
    """One page to copy each week: a row per home medicine and time of day, a box per day."""
    days = word("weekdays", lang).split()
    name_w = (50 if st.large else 58) * mm
    day_w = (CONTENT_WIDTH - name_w) / 7
    rows: list[list[object]] = [
        [
            Paragraph(text(word("tick_medicine", lang)), st.cell_bold),
            *[Paragraph(text(d), st.slot) for d in days],
        ]
    ]
    for item in home:
        for i in slots(item):
            slot = SLOTS[i]
            label = (
                f"<b>{text(name(item, lang, plan))}</b><br/>{SLOT_SYMBOLS[slot]} "
                f"{text(word('slot_' + slot, lang))}"
            )
            rows.append([Paragraph(label, st.cell), *[Paragraph(BOX, st.slot)] * 7])
    table = Table(rows, colWidths=[name_w] + [day_w] * 7, hAlign="LEFT", repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("FONTSIZE", (1, 1), (-1, -1), st.body_size + 4),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    cycles = [
        name(i, lang, plan)
        for i in home
        if i.schedule is not None and i.schedule.pattern == "cycle"
    ]
    intro = [Paragraph(text(word("tick_intro", lang)), st.body)]
    if cycles:
        intro.append(
            Paragraph(
                text(
                    word(
                        "tick_cycles",
                        lang,
                        names=word("and_list", lang, first=", ".join(cycles[:-1]), last=cycles[-1])
                        if len(cycles) > 1
                        else cycles[0],
                    )
                ),
                st.body,
            )
        )
    return [
        PageBreak(),
        Paragraph(text(word("tick_title", lang)), st.h1),
        *intro,
        Paragraph(text(word("tick_week_of", lang)) + "_" * 20, st.body),
        Spacer(1, 4),
        table,
    ]
