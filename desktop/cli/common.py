"""What every command shares: ``--lang``/``--json`` options, JSON output, refusing cleanly."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any, NoReturn

from desktop.core.errors import CalxError
from desktop.core.formatting import colon
from desktop.core.messages import render
from desktop.core.words import LANGUAGES, word

EXIT_REFUSED = 2


def add_patient_arguments(parser: argparse.ArgumentParser) -> None:
    """The patient's measurements, as ``dose`` and ``plan`` take them (height optional: only per
    m² doses need it)."""
    parser.add_argument("--weight", required=True, help='weight with its unit: "70 kg", "154 lb"')
    parser.add_argument("--height", help='height: "170 cm", "1.70 m", "5 ft 7 in" (per m² doses)')
    add_sex_argument(parser)
    parser.add_argument("--age", help="age in years (creatinine clearance)")
    parser.add_argument("--creatinine", help='serum creatinine: "1.09 mg/dL" or "85 µmol/L"')
    add_bsa_formula_argument(parser, help="BSA formula for per m² doses (default: mosteller)")
    add_context_arguments(parser)


def add_sex_argument(parser: argparse.ArgumentParser, required: bool = False) -> None:
    """``--sex``: read by the one parser of typed sex (``desktop.core.patient.parse_sex``: female
    or male, F/M, femme/homme, in any case), so every command accepts the same spellings."""
    parser.add_argument("--sex", required=required, help="female or male (creatinine clearance)")


def add_bsa_formula_argument(
    parser: argparse.ArgumentParser, also: tuple[str, ...] = (), help: str | None = None
) -> None:
    """``--formula``: a BSA formula of ``desktop.core.calculators.bsa.BSA_FORMULAS``, spelt as
    the core reads it ("gehan-george" or "gehan_george", any case), or one of ``also``."""
    from desktop.core.calculators.bsa import BSA_FORMULAS, DEFAULT_FORMULA, formula_key

    parser.add_argument(
        "--formula",
        type=formula_key,
        choices=(*BSA_FORMULAS, *also),
        default=DEFAULT_FORMULA,
        help=help,
    )


def parse_date_argument(text: str | None, code: str, field: str) -> date:
    """A date typed as YYYY-MM-DD (``--start``, ``--prepared-on``); today when not given.
    Refused with ``code`` ("start_date_invalid", "plan_date_invalid")."""
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CalxError(code, field=field, value=text[:40]) from None


def add_context_arguments(parser: argparse.ArgumentParser) -> None:
    """What the plan check needs beyond the measurements."""
    parser.add_argument(
        "--pregnant",
        metavar="yes|no|unknown",
        default=None,
        help="is the patient pregnant (default: unknown)",
    )
    parser.add_argument(
        "--breastfeeding",
        metavar="yes|no|unknown",
        default=None,
        help="is the patient breastfeeding (default: unknown)",
    )
    parser.add_argument(
        "--comedication",
        action="append",
        default=[],
        metavar="NAME",
        help="a medication the patient already takes (repeat); names Calx does "
        "not know are kept and shown as not checked",
    )


def read_patient(args: argparse.Namespace, db: Any) -> tuple[Any, list[Any]]:
    """The patient of ``dose``, ``plan`` and ``check``: measurements, pregnancy, breastfeeding
    and current medications (matched against the reference database's medication list)."""
    from desktop.core.patient import Patient
    from desktop.core.plan_check import current_medications

    medications = current_medications(args.comedication or [], db.safety())
    return Patient.from_inputs(
        args.weight,
        args.height,
        sex=args.sex,
        age=args.age,
        creatinine=args.creatinine,
        lang=args.lang,
        pregnant=args.pregnant,
        breastfeeding=args.breastfeeding,
        medications=medications,
        birth_date=getattr(args, "dob", None),  # plan only
        record_number=getattr(args, "record_number", None),
    )


def alerts_text(alerts: Any, lang: str, db: Any, overrides: Any = None) -> list[str]:
    """The plan check's alerts as lines of text, strongest first (none when there is none)."""
    from desktop.reports.alerts import alert_lines, reference_map

    if not alerts:
        return []
    refs = reference_map(db_references(db))
    lines = [word("cli_alerts", lang) + colon(lang, " ").rstrip()]
    for alert in alerts:
        reason = overrides.get(alert.code) if overrides else None
        lines += [f"  {line}" for line in alert_lines(alert, lang, db.safety(), refs, reason)]
    return lines


def alerts_json(alerts: Any, lang: str, db: Any, overrides: Any = None) -> list[dict[str, Any]]:
    from desktop.reports.alerts import alert_document, reference_map

    refs = reference_map(db_references(db))
    return [
        alert_document(a, lang, refs, overrides.get(a.code) if overrides else None) for a in alerts
    ]


def db_references(db: Any) -> list[Any]:
    return list(db.references())


def add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the output")
    parser.add_argument("--json", action="store_true", help="print one JSON document on stdout")


def print_json(document: Any) -> None:
    # JSON stays exact on any terminal: outside UTF-8, non-ASCII characters become \u escapes.
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    json.dump(
        document, sys.stdout, ensure_ascii=not encoding.startswith("utf"), indent=2, sort_keys=False
    )
    sys.stdout.write("\n")


# What to do about a message from a terminal: a flag or a command the window does not have.
HINTS: dict[str, str] = {
    "db_missing": "cli_hint_make_db",
    "db_corrupt": "cli_hint_make_db",
    "db_schema_unsupported": "cli_hint_make_db",
    "db_hash_mismatch": "cli_hint_make_db",
    "unknown_therapy": "cli_hint_therapies",
    "release_development_key": "cli_hint_key",
    "plan_no_treatment": "cli_hint_regimen",
    "plan_choose_malformed": "cli_hint_choose",
    "output_exists": "cli_hint_force",
    "choose_malformed": "cli_hint_choose_dose",
    "plan_contraindicated": "cli_hint_override",
}


def message_of(error: CalxError, lang: str) -> str:
    """The words of ``error`` for a terminal: the message, then its command-line hint if any."""
    message = render(error.issue, lang)
    hint = HINTS.get(error.code)
    return f"{message} {word(hint, lang)}" if hint else message


def refuse(error: CalxError, args: argparse.Namespace) -> NoReturn:
    lang = getattr(args, "lang", "en") or "en"
    message = message_of(error, lang)
    print(f"calx: {message}", file=sys.stderr)
    if getattr(args, "json", False):
        print_json(
            {
                "error": {
                    "code": error.code,
                    "message": message,
                    **({"field": error.field} if error.field else {}),
                }
            }
        )
    raise SystemExit(EXIT_REFUSED)
