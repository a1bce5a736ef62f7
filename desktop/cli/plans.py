"""``calx plan``: a treatment plan as PDF (patient copy, optional clinician copy) and ``.ics``.

    calx plan --patient NAME --weight W [--height H] [--sex ..] [--age ..] [--creatinine ..]
              [--dob YYYY-MM-DD] [--record-number TEXT] [--large-print] [--tick-sheet]
              --regimen ID [--regimen ID ...] [--choose REGIMEN_ID:NAME=VALUE ...]
              --start YYYY-MM-DD [--lang fr|en] [--prepared-by NAME] --out plan.pdf
              [--clinician-copy copy.pdf] [--ics plan.ics] [--save] [--force] [--json]
              [--pregnant yes|no|unknown] [--breastfeeding ..] [--comedication NAME ...]
              [--override CODE:REASON ...]
    calx check --weight W [...] --regimen ID [...] [--comedication NAME ...] [--json]

The plan check runs on the whole plan: its alerts are printed (``"alerts"`` in JSON); a
contraindication refuses the plan (exit 2, nothing written) unless ``--override CODE:REASON``
gives the clinician's reason, which is printed on the clinician copy, saved and logged.

Everything is checked and rendered in memory first; files are then written to temporary files in
their own folders and renamed into place. Refused input exits 2 with a message and writes no file,
not even part of one. An existing file is replaced only with ``--force``, and Calx's own files
(its databases, key, settings) never (``desktop.data.outputs``). ``--save`` opens and checks the
user database and stores the plan *before* any file is written, then logs each export, so nothing
exported goes unlogged because the database could not be used.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cli.common import (
    add_common,
    add_patient_arguments,
    alerts_json,
    alerts_text,
    parse_date_argument,
    print_json,
    read_patient,
)
from desktop.core.errors import CalxError, Issue
from desktop.core.messages import render

if TYPE_CHECKING:
    from desktop.data.userdb import LogHead


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "plan", help="a patient's treatment plan as PDF (and clinician copy, calendar)"
    )
    p.add_argument("--patient", required=True, metavar="NAME", help="the patient's name")
    add_patient_arguments(p)
    p.add_argument(
        "--dob",
        metavar="YYYY-MM-DD",
        help="date of birth: the second patient identifier, printed on every page",
    )
    p.add_argument(
        "--record-number",
        metavar="TEXT",
        help="hospital record number: the second identifier, printed on every page",
    )
    p.add_argument(
        "--regimen",
        action="append",
        required=True,
        metavar="ID",
        help="a regimen id, or a therapy without regimen for advice only (repeat)",
    )
    p.add_argument(
        "--choose",
        action="append",
        default=[],
        metavar="REGIMEN_ID:NAME=VALUE",
        help="a value inside a range of the source, e.g. minocycline-cyclic:dose=100",
    )
    p.add_argument("--start", required=True, metavar="YYYY-MM-DD", help="first day of treatment")
    p.add_argument(
        "--horizon-months",
        type=int,
        default=12,
        help="how far ahead the calendar goes, 1 to 60 months (default: 12)",
    )
    p.add_argument("--prepared-by", default="", metavar="NAME", help="who prepared the plan")
    p.add_argument(
        "--prepared-on",
        metavar="YYYY-MM-DD",
        help="date of the plan and of the measurements (default: today)",
    )
    p.add_argument("--notes", default="", help="free text printed on both copies")
    p.add_argument(
        "--large-print",
        action="store_true",
        help="patient copy in large print (body text 14 pt or more)",
    )
    p.add_argument(
        "--tick-sheet",
        action="store_true",
        help="end the patient copy with a weekly tick sheet for the home medicines",
    )
    p.add_argument(
        "--closed-days",
        metavar="COUNTRY",
        help="flag the hospital's dates on a weekend or a public holiday of COUNTRY (a "
        'two-letter code: FR, BE, CH, CA…), or "weekends" for weekends only',
    )
    p.add_argument("--out", required=True, type=Path, help="the patient plan (PDF) to write")
    p.add_argument("--clinician-copy", type=Path, help="also write the clinician copy (PDF)")
    p.add_argument("--ics", type=Path, help="also write the calendar (.ics)")
    p.add_argument(
        "--save",
        action="store_true",
        help="store the plan in the user database and log the exports",
    )
    p.add_argument(
        "--override",
        action="append",
        default=[],
        metavar="CODE:REASON",
        help="print despite the contraindication CODE, for REASON (printed on the "
        "clinician copy, saved and logged)",
    )
    p.add_argument("--force", action="store_true", help="replace output files that already exist")
    add_common(p)
    p.set_defaults(handler=run_plan)

    c = subparsers.add_parser(
        "check",
        help="check a plan (regimens, patient, current medications): alerts only, no file written",
    )
    c.add_argument(
        "--patient",
        metavar="NAME",
        help="the patient's name: compares the weight with their last saved plan",
    )
    add_patient_arguments(c)
    c.add_argument(
        "--regimen",
        action="append",
        default=[],
        metavar="ID",
        help="a regimen id, or a therapy without regimen (repeat)",
    )
    add_common(c)
    c.set_defaults(handler=run_check)


def parse_plan_choices(
    items: list[str], regimens: list[str], lang: str
) -> dict[str, dict[str, float]]:
    """``["minocycline-cyclic:dose=100", "minocycline-cyclic:on=6"]`` →
    ``{"minocycline-cyclic": {"dose": 100.0, "on": 6.0}}`` (decimal comma accepted)."""
    from desktop.cli.dose import parse_choices

    grouped: dict[str, list[str]] = {}
    for item in items:
        regimen, sep, choice = item.partition(":")
        regimen = regimen.strip()
        if not sep or not regimen or "=" not in choice:
            raise CalxError("plan_choose_malformed", field="choose", text=item[:100])
        if regimen not in regimens:
            raise CalxError("plan_choice_unknown_regimen", field="choose", id=regimen[:100])
        grouped.setdefault(regimen, []).append(choice)
    return {regimen: parse_choices(choices, lang) for regimen, choices in grouped.items()}


def parse_overrides(items: list[str]) -> dict[str, str]:
    """``["colchicine-clarithromycin:reason"]`` → ``{"colchicine-clarithromycin": "reason"}``."""
    found: dict[str, str] = {}
    for item in items:
        code, sep, reason = item.partition(":")
        code, reason = code.strip(), reason.strip()
        if not sep or not code or not reason or code in found:
            raise CalxError("override_malformed", field="override", text=item[:100])
        found[code] = reason
    return found


def write_all(outputs: dict[Path, bytes]) -> None:
    """Write every file or none: each goes to a temporary file in its folder (flushed to disk),
    then all are renamed into place. On any error the temporary files are removed."""
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in outputs.items():
            fd, tmp = tempfile.mkstemp(
                prefix=f".{path.name}.", suffix=".part", dir=path.resolve().parent
            )
            staged.append((tmp, path))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        for tmp, path in staged:
            os.replace(tmp, path)
    except OSError as exc:
        raise CalxError(
            "output_not_writable", path=str(exc.filename or ""), detail=exc.strerror or str(exc)
        ) from None
    finally:
        for tmp, _ in staged:  # left over only when something failed
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)


def run_plan(args: argparse.Namespace) -> int:
    from desktop.data.refdb import ReferenceDB
    from desktop.reports.model import build_plan

    lang = args.lang
    paths = {"out": args.out}
    if args.clinician_copy is not None:
        paths["clinician_copy"] = args.clinician_copy
    if args.ics is not None:
        paths["ics"] = args.ics
    from desktop.data.outputs import check_outputs

    check_outputs(paths, force=args.force)
    start = parse_date_argument(args.start, "start_date_invalid", "start")
    prepared_on = parse_date_argument(args.prepared_on, "plan_date_invalid", "prepared_on")
    choices = parse_plan_choices(args.choose, args.regimen, lang)
    overrides = parse_overrides(args.override)
    with ReferenceDB.open() as db:
        patient, _ = read_patient(args, db)
        previous = _previous_weight(args.patient)
        plan = build_plan(
            db,
            patient,
            args.regimen,
            start,
            lang,
            choices,
            args.prepared_by,
            prepared_on,
            args.formula,
            patient_name=args.patient,
            horizon_months=args.horizon_months,
            notes=args.notes,
            overrides=overrides,
            previous_weight_kg=previous,
            large_print=args.large_print,
            tick_sheet=args.tick_sheet,
            closed_days_country=_closed_days(args.closed_days),
        )
        given = {o.code: o.reason for o in plan.overrides}
        if plan.unresolved:
            if not args.json:
                for line in alerts_text(plan.unresolved, lang, db):
                    print(line, file=sys.stderr)
            raise CalxError(
                "plan_contraindicated",
                field="override",
                codes=", ".join(a.code for a in plan.unresolved),
            )
        # Only the form printed: the alerts as JSON or as lines of text.
        alerts_document = alerts_json(plan.alerts, lang, db, given) if args.json else []
        alert_lines = [] if args.json else alerts_text(plan.alerts, lang, db, given)
    if args.save:
        outputs, _actions = _save(plan, args)
    else:
        outputs, _actions = _render(plan, args)
        write_all(outputs)
    _report(plan, args, paths, outputs, alerts_document, alert_lines)
    return 0


def _closed_days(given: str | None) -> str | None:
    """The plan's closed-days country: None (not checked), "" for "weekends", or the code."""
    if given is None:
        return None
    from desktop.core.closed_days import WEEKENDS_ONLY

    return WEEKENDS_ONLY if given.strip().casefold() == "weekends" else given


def _previous_weight(patient_name: str | None) -> float | None:
    """The weight on the patient's last saved plan; None when there is no user database yet
    (it is not created just to look: ``calx check`` writes no file)."""
    from desktop.paths import USER_DB_NAME, user_data_folder

    if not patient_name or not (user_data_folder() / USER_DB_NAME).is_file():
        return None
    from desktop.data.userdb import UserDB
    from desktop.reports.model import previous_weight_kg

    with UserDB.open() as userdb:
        return previous_weight_kg(userdb, patient_name)


def _render(
    plan: Any, args: argparse.Namespace, log_head: LogHead | None = None
) -> tuple[dict[Path, bytes], dict[Path, str]]:
    """Every output in memory; the clinician copy prints ``log_head`` (the output log before
    it), or says it is not logged."""
    from desktop.reports.pdf_plan import render_clinician_copy, render_patient_plan

    try:
        outputs: dict[Path, bytes] = {args.out: render_patient_plan(plan)}
        actions = {args.out: "exported_pdf"}
        if args.clinician_copy is not None:
            outputs[args.clinician_copy] = render_clinician_copy(plan, log_head=log_head)
            actions[args.clinician_copy] = "exported_clinician_pdf"
        if args.ics is not None:  # icalendar only for a calendar
            from desktop.reports.ics import schedule_to_ics

            outputs[args.ics] = schedule_to_ics(plan)
            actions[args.ics] = "exported_ics"
    except CalxError:
        raise
    except Exception as exc:  # a rendering bug must still end in a message, not a traceback
        raise CalxError("internal_error", detail=f"{type(exc).__name__}: {exc}"[:300]) from exc
    return outputs, actions


def _save(plan: Any, args: argparse.Namespace) -> tuple[dict[Path, bytes], dict[Path, str]]:
    """``--save``: the user database is opened and checked and the plan stored *before* any file
    is written (a read-only home, a lock or a damaged database stops here), then the files are
    written and each one logged, so nothing exported goes unlogged."""
    from desktop.data.userdb import UserDB
    from desktop.reports.model import log_overrides

    now = datetime.now(UTC)
    with UserDB.open() as userdb:
        userdb.save_plan(plan, saved_at=now)
        log_overrides(userdb, plan, now)
        outputs, actions = _render(plan, args, userdb.log_state())
        write_all(outputs)
        for path, data in outputs.items():
            userdb.record_output(
                plan.plan_id, plan.content.content_version, actions[path], data, at=now
            )
    return outputs, actions


def _report(
    plan: Any,
    args: argparse.Namespace,
    paths: dict[str, Path],
    outputs: dict[Path, bytes],
    alerts_document: list[dict[str, Any]],
    alert_lines: list[str],
) -> None:
    from desktop.reports.phrases import closed_day_warning, dose_phrase

    lang = plan.lang
    warnings: list[Issue] = []
    for item in plan.items:
        if item.dose is not None:
            warnings += [w for w in item.dose.warnings if w not in warnings]
        if item.schedule is not None:
            warnings += [w for w in item.schedule.warnings if w not in warnings]
        closed = closed_day_warning(item, lang)
        if closed is not None:
            warnings.append(closed)
    if args.json:
        import hashlib

        print_json(
            {
                "plan_id": plan.plan_id,
                "lang": plan.lang,
                "content_version": plan.content.content_version,
                "files": {kind: str(path) for kind, path in paths.items()},
                "sha256": {
                    kind: hashlib.sha256(outputs[path]).hexdigest() for kind, path in paths.items()
                },
                "treatments": [
                    {
                        "regimen": item.regimen_id,
                        "dose_display": dose_phrase(item, lang),
                        "administrations": [
                            r.date.isoformat() for r in item.schedule.treatment_rows()
                        ]
                        if item.schedule is not None
                        else [],
                        **(
                            {"closed_days": [c.day.isoformat() for c in item.closed]}
                            if plan.closed_days_country is not None
                            else {}
                        ),
                    }
                    for item in plan.items
                ],
                "warnings": [{"code": w.code, "message": render(w, lang)} for w in warnings],
                "alerts": alerts_document,
                "overrides": [{"code": o.code, "reason": o.reason} for o in plan.overrides],
                "saved": bool(args.save),
            }
        )
        return
    for kind, path in paths.items():
        print(f"{kind}: {path}")
    for w in warnings:
        print(f"! {render(w, lang)}")
    for line in alert_lines:
        print(line)


def run_check(args: argparse.Namespace) -> int:
    """``calx check``: the plan check alone; writes nothing."""
    from desktop.core.formatting import colon
    from desktop.core.plan_check import check_plan, plan_regimen, renal_estimates
    from desktop.core.words import word
    from desktop.data.refdb import ReferenceDB
    from desktop.reports.alerts import unit_text

    lang = args.lang
    with ReferenceDB.open() as db:
        patient, _ = read_patient(args, db)
        regimens = [plan_regimen(_regimen_of(db, rid), rid) for rid in dict.fromkeys(args.regimen)]
        alerts = check_plan(patient, regimens, None, db.safety(), _previous_weight(args.patient))
        estimates = renal_estimates(patient)
        if args.json:
            print_json(
                {
                    "regimens": [
                        {"regimen": r.regimen_id, "medication": r.medication_id} for r in regimens
                    ],
                    "comedications": [
                        {
                            "name": m.name,
                            "medication": m.medication_id,
                            "checked": m.medication_id is not None,
                        }
                        for m in patient.medications
                    ],
                    "renal_estimates": [
                        {"name": e.name, "value": e.value, "unit": e.unit} for e in estimates
                    ],
                    "alerts": alerts_json(alerts, lang, db),
                }
            )
            return 0
        from desktop.core.formatting import format_number

        for e in estimates:
            print(
                f"{word('estimate_' + e.name, lang)}{colon(lang, ' ')}"
                f"{format_number(e.value, lang, 0)} {unit_text(e.unit, lang)}"
            )
        lines = alerts_text(alerts, lang, db)
        print("\n".join(lines) if lines else word("no_alert", lang))
    return 0


def _regimen_of(db: Any, wanted: str) -> Any:
    """The regimen; None for a therapy without regimen (advice only); else refused."""
    from desktop.reports.model import advice_only_therapy

    try:
        return db.regimen(wanted)
    except CalxError as exc:
        if exc.code != "unknown_regimen":
            raise
        advice_only_therapy(db, wanted, exc)
        return None
