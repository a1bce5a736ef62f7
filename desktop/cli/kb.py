"""Knowledge-base commands: ``calx therapies``, ``calx show ID``, ``calx search QUERY``,
``calx overview``. A thin shell over ``desktop.data.refdb.ReferenceDB``.

Text output is for a terminal; ``--json`` prints one JSON document (texts in the ``--lang``
language, numbers as the structured values of the content). Statements whose primary study
could not be found are marked "as reported in the review" in both forms.
"""

from __future__ import annotations

import argparse
import dataclasses
import textwrap
from typing import Any

from desktop.cli.common import add_common, print_json
from desktop.core.errors import CalxError
from desktop.core.formatting import (
    colon,
    format_frequency,
    format_number,
    format_unit,
)
from desktop.core.regimen import (
    ROUTES,
    Bilingual,
    DoseSpec,
    Regimen,
)
from desktop.core.schedule import describe_schedule, value_words
from desktop.core.words import word
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
from desktop.data.refdb import MAX_LIMIT, ReferenceDB, match_expression

WIDTH = 100


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("therapies", help="list every therapy, measure and procedure")
    add_common(p)
    p.set_defaults(handler=cmd_therapies)

    p = subparsers.add_parser("show", help="one record in full")
    p.add_argument("id", help="therapy id, e.g. rituximab (see `calx therapies`)")
    add_common(p)
    p.set_defaults(handler=cmd_show)

    p = subparsers.add_parser("search", help="full-text search in French and English")
    p.add_argument("query", help="words to find (accents and case do not matter)")
    p.add_argument("--limit", type=int, default=20, help=f"at most this many hits (1–{MAX_LIMIT})")
    add_common(p)
    p.set_defaults(handler=cmd_search)

    p = subparsers.add_parser("overview", help="the overview table: one row per therapy")
    add_common(p)
    p.set_defaults(handler=cmd_overview)


# ---------------------------------------------------------------- JSON


def plain(value: Any, lang: str) -> Any:
    """Dataclasses as dicts, tuples as lists, bilingual texts in ``lang``: for ``--json``."""
    if isinstance(value, Bilingual):
        return value.get(lang)
    if isinstance(value, Statement):
        return {
            "text": value.text.get(lang),
            "source": plain(value.source, lang),
            "as_reported_in_review": value.source.as_reported_in_review,
        }
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name), lang) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [plain(v, lang) for v in value]
    if isinstance(value, dict):
        return {k: plain(v, lang) for k, v in value.items()}
    return value


def _meta_json(db: ReferenceDB, lang: str) -> dict[str, Any]:
    m = db.metadata()
    return {
        "lang": lang,
        "content_version": m.content_version,
        "content_date": m.content_date,
        "content_hash": m.content_hash,
    }


# ---------------------------------------------------------------- words for numbers


def describe_dose(dose: DoseSpec, lang: str) -> str:
    """ "375 mg/m² per dose", "240–480 mg per day", "up to 500 mg per dose, three times daily"."""
    basis = {"fixed": "", "per_kg": "/kg", "per_m2": "/m²"}[dose.basis]
    per = word("show_per_day" if dose.per == "day" else "show_per_administration", lang)
    text = f"{value_words(dose.amount, lang)} {format_unit(dose.unit, lang)}{basis} {per}"
    if dose.times_per_day:
        text += f", {format_frequency(dose.times_per_day, lang)}"
    return text


# ---------------------------------------------------------------- text output


def _wrap(text: str, indent: str, first: str | None = None) -> str:
    return textwrap.fill(
        text,
        WIDTH,
        initial_indent=first if first is not None else indent,
        subsequent_indent=indent,
        break_on_hyphens=False,
    )


def _source_words(source: Source, refs: dict[str, Reference], lang: str) -> str:
    short = refs[source.ref].short if source.ref in refs else source.ref
    if source.as_reported_in_review:
        return f"[{short}{colon(lang, ' ')}{word(source.verification_code, lang)}]"
    return f"[{short}, {word(source.verification_code, lang)}]"


def _statement_line(st: Statement, refs: dict[str, Reference], lang: str, bullet: str) -> str:
    text = f"{st.text.get(lang)} {_source_words(st.source, refs, lang)}"
    return _wrap(text, " " * (2 + len(bullet)), first=f"  {bullet}")


def _detail(code: str, text: str, lang: str) -> str:
    """An indented "label: text" line of a regimen or study, wrapped."""
    return _wrap(f"{word(code, lang)}{colon(lang, ' ')}{text}", "      ", first="    ")


def _regimen_lines(r: Regimen, refs: dict[str, Reference], lang: str) -> list[str]:
    lines = [_wrap(f"{r.id}{colon(lang, ' ')}{r.label.get(lang)}", "    ", first="  - ")]
    lines.append(
        _detail(
            "kb_route", word(f"route_name_{r.route}", lang) if r.route in ROUTES else r.route, lang
        )
    )
    lines.append(
        _detail(
            "kb_dose", describe_dose(r.dose, lang) if r.dose else word("kb_no_dose", lang), lang
        )
    )
    if r.schedule:
        lines.append(_detail("kb_schedule", describe_schedule(r.schedule, lang), lang))
    if r.concentration:
        lines.append(
            _detail(
                "kb_concentration",
                f"{format_number(r.concentration.value, lang)} {r.concentration.unit}",
                lang,
            )
        )
    if r.product:
        lines.append(_detail("kb_product", r.product, lang))
    lines.append(_detail("kb_source", _source_words(r.source, refs, lang), lang))
    if r.schedule_source:
        lines.append(
            _detail("kb_schedule_source", _source_words(r.schedule_source, refs, lang), lang)
        )
    if r.renal_caution:
        lines.append(_detail("kb_renal", r.renal_caution.get(lang), lang))
    if r.notes:
        lines.append(_detail("kb_note", r.notes.get(lang), lang))
    return lines


def render_therapy(t: Therapy, refs: dict[str, Reference], lang: str) -> str:
    """The full record for a terminal."""
    out = _heading_lines(t, refs, lang)
    out += ["", word("kb_summary", lang), _statement_line(t.summary, refs, lang, "")]
    if t.mechanism:
        out += ["", word("kb_mechanism", lang), _statement_line(t.mechanism, refs, lang, "")]
    if t.regimens:
        out += ["", word("kb_regimens", lang)]
        for r in t.regimens:
            out += _regimen_lines(r, refs, lang)
    if t.evidence:
        out += ["", word("kb_evidence", lang)]
        for e in t.evidence:
            out += _evidence_lines(e, refs, lang)
    for kind in ("adverse_effects", "cautions", "monitoring", "patient_advice"):
        items = getattr(t, kind)
        if items:
            out += [
                "",
                word(f"kb_{kind}", lang),
                *(_statement_line(s, refs, lang, "- ") for s in items),
            ]
    if t.instructions:
        out += [
            "",
            word("kb_instructions", lang),
            *(_statement_line(s, refs, lang, f"{i}. ") for i, s in enumerate(t.instructions, 1)),
        ]
    out += _reference_lines(t, refs, lang)
    return "\n".join(out)


def _heading_lines(t: Therapy, refs: dict[str, Reference], lang: str) -> list[str]:
    """The name, the flags (section, category, evidence level, off-label, conflicting), any
    advice against it, the synonyms."""
    flags = [
        t.review_section.get(lang),
        CATEGORIES[t.category].get(lang),
        f"{word('kb_evidence_level', lang)}{colon(lang, ' ')}{DESIGNS[t.evidence_level].get(lang)}",
    ]
    if t.off_label:
        flags.append(word("off_label", lang))
    if t.conflicting_evidence:
        flags.append(word("conflicting", lang))
    out = [f"{t.name.get(lang)}  ({t.id})", _wrap(" · ".join(flags), "")]
    for st in t.advised_against:
        out.append(
            _statement_line(st, refs, lang, f"{word('kb_advised_against', lang)}{colon(lang, ' ')}")
        )
    if t.synonyms.get(lang):
        out.append(
            _wrap(
                f"{word('kb_synonyms', lang)}{colon(lang, ' ')}{', '.join(t.synonyms.get(lang))}",
                "  ",
                first="",
            )
        )
    return out


def _evidence_lines(e: Evidence, refs: dict[str, Reference], lang: str) -> list[str]:
    """One study: its head line, then population, intervention, outcome, follow-up, source."""
    head = [e.study.get(lang), DESIGNS[e.design].get(lang)]
    if e.patients is not None:
        patients = word("kb_patients" if e.patients > 1 else "kb_patient", lang)
        head.append(f"{e.patients} {patients}")
    head.append(DIRECTIONS[e.direction].get(lang))
    out = [_wrap(" · ".join(head), "    ", first="  - ")]
    parts = [
        ("kb_population", e.population),
        ("kb_intervention", e.intervention),
        ("kb_outcome", e.outcome),
        ("kb_follow_up", e.follow_up),
    ]
    for key, text in parts:
        if text is not None:
            out.append(_detail(key, text.get(lang), lang))
    out.append(_detail("kb_source", _source_words(e.source, refs, lang), lang))
    return out


def _reference_lines(t: Therapy, refs: dict[str, Reference], lang: str) -> list[str]:
    """Every reference the record cites, in order of first citation."""
    cited = [refs[r] for r in dict.fromkeys(s.ref for s in t.sources()) if r in refs]
    if not cited:
        return []
    out = ["", word("references", lang)]
    for ref in cited:
        doi = f" doi:{ref.doi}" if ref.doi else ""
        out.append(
            _wrap(
                f"{ref.citation}{doi} ({word(ref.verification, lang)})",
                "    ",
                first=f"  - {ref.short}: ",
            )
        )
    return out


# ---------------------------------------------------------------- commands


def cmd_therapies(args: argparse.Namespace) -> int:
    with ReferenceDB.open() as db:
        items = db.therapies(args.lang)
        if args.json:
            print_json(
                {
                    **_meta_json(db, args.lang),
                    "therapies": [
                        {
                            "id": t.id,
                            "name": t.name,
                            "names": {"fr": t.names.fr, "en": t.names.en},
                            "synonyms": list(t.synonyms),
                            "category": t.category,
                            "category_label": CATEGORIES[t.category].get(args.lang),
                            "evidence_level": t.evidence_level,
                            "off_label": t.off_label,
                            "conflicting_evidence": t.conflicting_evidence,
                        }
                        for t in items
                    ],
                }
            )
            return 0
        category = None
        for t in items:
            if t.category != category:
                category = t.category
                print(f"{'' if t is items[0] else chr(10)}{CATEGORIES[category].get(args.lang)}")
            print(f"  {t.id:<30} {t.name}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with ReferenceDB.open() as db:
        therapy = db.therapy(args.id)
        refs = {r.id: r for r in db.references()}
        cited = [refs[r] for r in dict.fromkeys(s.ref for s in therapy.sources()) if r in refs]
        if args.json:
            doc = plain(therapy, args.lang)
            doc["names"] = {"fr": therapy.name.fr, "en": therapy.name.en}
            doc["synonyms"] = list(therapy.synonyms.get(args.lang))
            doc["category_label"] = CATEGORIES[therapy.category].get(args.lang)
            for regimen, out in zip(therapy.regimens, doc["regimens"], strict=True):
                out["description"] = {
                    "dose": describe_dose(regimen.dose, args.lang) if regimen.dose else None,
                    "schedule": (
                        describe_schedule(regimen.schedule, args.lang) if regimen.schedule else None
                    ),
                }
                for key in ("source", "schedule_source"):
                    src = getattr(regimen, key)
                    if src is not None:
                        out[key]["as_reported_in_review"] = src.as_reported_in_review
            for e, out in zip(therapy.evidence, doc["evidence"], strict=True):
                out["as_reported_in_review"] = e.source.as_reported_in_review
            doc["references"] = [plain(r, args.lang) for r in cited]
            print_json({**_meta_json(db, args.lang), "therapy": doc})
            return 0
        print(render_therapy(therapy, refs, args.lang))
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    if not 1 <= args.limit <= MAX_LIMIT:
        raise CalxError("search_limit_out_of_range", field="limit", min=1, max=MAX_LIMIT)
    if match_expression(args.query) is None:  # "", "  ", "*": nothing to find, not "no match"
        raise CalxError("search_query_empty", field="query")
    with ReferenceDB.open() as db:
        hits = db.search(args.query, args.lang, args.limit)
        if args.json:
            print_json(
                {
                    **_meta_json(db, args.lang),
                    "query": args.query,
                    "hits": [plain(h, args.lang) for h in hits],
                }
            )
            return 0
        if not hits:
            print(word("kb_no_hits", args.lang))
        for h in hits:
            print(f"{h.name}  ({h.therapy_id})")
            print(_wrap(_bracket(h.snippet, h.highlights), "    "))
    return 0


def _bracket(snippet: str, spans: tuple[tuple[int, int], ...]) -> str:
    """Matched words in [brackets] for a terminal."""
    out, last = [], 0
    for start, end in spans:
        out += [snippet[last:start], "[", snippet[start:end], "]"]
        last = end
    out.append(snippet[last:])
    return "".join(out)


def cmd_overview(args: argparse.Namespace) -> int:
    lang = args.lang
    with ReferenceDB.open() as db:
        rows = db.overview(args.lang)
        if args.json:
            print_json({**_meta_json(db, args.lang), "rows": [plain(r, args.lang) for r in rows]})
            return 0
        category = None
        for r in rows:
            if r.category != category:
                category = r.category
                print(f"{'' if r is rows[0] else chr(10)}{r.category_label}")
            flags = [r.evidence_label]
            if r.advised_against:
                flags.append(f"{word('kb_advised_against', lang)} ({r.advised_against})")
            if r.off_label:
                flags.append(word("off_label", lang))
            if r.conflicting_evidence:
                flags.append(word("conflicting", lang))
            print(f"  {r.name}  ({r.therapy_id}) · {' · '.join(flags)}")
            print(_detail("kb_regimens", r.regimen_summary or word("kb_none", lang), lang))
            print(_detail("kb_adverse", r.main_adverse_effects or word("kb_none", lang), lang))
    return 0
