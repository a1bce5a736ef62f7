"""Body-size commands: ``calx bsa``, ``calx body`` (``calx dose`` is ``desktop.cli.dose``).

A thin shell over ``desktop.core``: inputs are read by ``Patient.from_inputs`` (units, decimal
comma, hard limits), numbers in ``--json`` are unrounded floats in canonical units, text output
shows the working with the display rules of ``desktop.core.formatting``. Refused input exits 2
(``desktop.cli.main`` turns the ``CalxError`` into the message and the JSON error document).

JSON contract (kept stable for scripts):
- ``bsa``: ``formula``, ``bsa_m2`` (or ``formulas``: [{"formula", "bsa_m2", …}] with ``all``),
  ``weight_kg``, ``height_cm``, ``conversions``, ``warnings``.
- ``body``: ``bmi``, ``ibw_kg``, ``abw_kg``, ``crcl_ml_min``, ``egfr_ml_min_1_73m2`` (null where an
  input is missing), ``crcl_weight``, ``warnings`` (list of {"code", "message", "field"}).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from typing import Any

from desktop.cli.common import add_bsa_formula_argument, add_common, add_sex_argument, print_json
from desktop.core.errors import Issue
from desktop.core.formatting import colon
from desktop.core.messages import render
from desktop.core.words import word

CRCL_WEIGHTS: tuple[str, ...] = ("actual", "ideal", "adjusted")


def register(subparsers: Any) -> None:
    """Add the dosing commands to ``calx``."""
    p = subparsers.add_parser(
        "bsa", help="body-surface area (Mosteller by default; 'all' compares five formulas)"
    )
    p.add_argument("--weight", required=True, help='weight with its unit: "70 kg", "154 lb"')
    p.add_argument("--height", required=True, help='height: "170 cm", "1.70 m", "5 ft 7 in"')
    add_bsa_formula_argument(p, also=("all",))
    add_common(p)
    p.set_defaults(handler=run_bsa)

    p = subparsers.add_parser(
        "body", help="BMI, ideal and adjusted body weight, creatinine clearance, eGFR"
    )
    p.add_argument("--weight", required=True, help='weight with its unit: "70 kg", "154 lb"')
    p.add_argument("--height", required=True, help='height: "170 cm", "1.70 m", "5 ft 7 in"')
    add_sex_argument(p, required=True)
    p.add_argument("--age", help="age in years")
    p.add_argument("--creatinine", help='serum creatinine: "1.09 mg/dL" or "85 µmol/L"')
    p.add_argument(
        "--crcl-weight",
        choices=CRCL_WEIGHTS,
        default="actual",
        help="weight used by Cockcroft–Gault (default: actual)",
    )
    add_common(p)
    p.set_defaults(handler=run_body)


# --------------------------------------------------------------------------- shared helpers


def _warnings_json(issues: Iterable[Issue], lang: str) -> list[dict[str, Any]]:
    return [
        {"code": i.code, "message": render(i, lang), **({"field": i.field} if i.field else {})}
        for i in _unique(issues)
    ]


def _unique(issues: Iterable[Issue]) -> list[Issue]:
    seen: set[tuple[str, str]] = set()
    kept = []
    for issue in issues:
        key = (issue.code, repr(sorted(issue.params.items())))
        if key not in seen:
            seen.add(key)
            kept.append(issue)
    return kept


def _print_warnings(issues: Iterable[Issue], lang: str) -> None:
    issues = _unique(issues)
    if issues:
        print(f"{word('warnings', lang)}{colon(lang, ' ').rstrip()}")
        for issue in issues:
            print(f"  - {render(issue, lang)}")


def _input_lines(patient: Any, lang: str) -> list[str]:
    """ "Weight: 154 lb = 69.85 kg" for each typed measurement."""
    lines = []
    for parsed in patient.entered:
        shown = parsed.conversion_note(lang) or parsed.canonical_text(lang)
        lines.append(f"{word(parsed.kind, lang)}{colon(lang, ' ')}{shown}")
    return lines


# --------------------------------------------------------------------------- calx bsa


def run_bsa(args: argparse.Namespace) -> int:
    from desktop.core.calculators.bsa import BSA_FORMULAS, bsa_calculation
    from desktop.core.patient import Patient

    lang = args.lang
    patient, warnings = Patient.from_inputs(args.weight, args.height, lang=lang)
    keys = list(BSA_FORMULAS) if args.formula == "all" else [args.formula]
    results = [bsa_calculation(patient.weight, patient.height, key) for key in keys]

    if args.json:
        entries = [
            {"formula": key, "name": r.name_in(lang), "bsa_m2": r.magnitude, "citation": r.citation}
            for key, r in zip(keys, results, strict=True)
        ]
        document: dict[str, Any] = (
            {"formulas": entries}
            if args.formula == "all"
            else {
                "formula": entries[0]["formula"],
                "bsa_m2": entries[0]["bsa_m2"],
                "citation": entries[0]["citation"],
            }
        )
        document.update(
            {
                "weight_kg": patient.weight_kg,
                "height_cm": patient.height_cm,
                "conversions": patient.conversion_notes(lang),
                "warnings": _warnings_json(warnings, lang),
            }
        )
        print_json(document)
        return 0

    for line in _input_lines(patient, lang):
        print(line)
    for result in results:
        print(result.working(lang))
        print(f"  {result.citation}")
    _print_warnings(warnings, lang)
    return 0


# --------------------------------------------------------------------------- calx body


def run_body(args: argparse.Namespace) -> int:
    from desktop.core.body_metrics import body_metrics
    from desktop.core.calculators.cockcroft_gault import CreatinineClearance
    from desktop.core.calculators.ideal_body_weight import ideal_body_weight
    from desktop.core.patient import Patient

    lang = args.lang
    patient, warnings = Patient.from_inputs(
        args.weight, args.height, sex=args.sex, age=args.age, creatinine=args.creatinine, lang=lang
    )
    if args.crcl_weight != "actual":
        # The clinician asked for this weight: if it cannot be computed, refuse (exit 2) rather
        # than silently fall back to another weight.
        ideal_body_weight(patient.height, patient.sex)
    metrics = body_metrics(patient, args.crcl_weight)  # the window's own metrics
    results, skipped = metrics.results, metrics.skipped
    issues: list[Issue] = [*warnings, *metrics.warnings]

    def value(key: str) -> float | None:
        return results[key].magnitude if key in results else None

    if args.json:
        crcl = results.get("crcl")
        print_json(
            {
                "bmi": value("bmi"),
                "ibw_kg": value("ibw"),
                "abw_kg": value("abw"),
                "crcl_ml_min": value("crcl"),
                "egfr_ml_min_1_73m2": value("egfr"),
                "crcl_weight": args.crcl_weight,
                "crcl_weight_kg": (
                    float(crcl.weight_used.magnitude)
                    if isinstance(crcl, CreatinineClearance)
                    else None
                ),
                "weight_kg": patient.weight_kg,
                "height_cm": patient.height_cm,
                "sex": patient.sex,
                "age_years": patient.age_years,
                "creatinine_mg_dl": patient.creatinine_mg_dl,
                "conversions": patient.conversion_notes(lang),
                "working": [r.working(lang) for r in results.values()],
                "warnings": _warnings_json(issues, lang),
            }
        )
        return 0

    for line in _input_lines(patient, lang):
        print(line)
    print(f"{word('sex', lang)}{colon(lang, ' ')}{word('sex_' + (patient.sex or 'female'), lang)}")
    names = {"crcl": "Cockcroft–Gault", "egfr": "CKD-EPI 2021"}
    for key in ("bmi", "ibw", "abw", "crcl", "egfr"):
        if key in results:
            print(results[key].working(lang))
            if results[key].citation:
                print(f"  {results[key].citation}")
        elif key in names:
            reason = skipped.get(key)
            why = (
                f" ({render(reason, lang)})" if reason and reason.code.startswith("needs_") else ""
            )
            print(f"{names[key]}{colon(lang, ' ')}{word('cli_not_computed', lang)}{why}")
    _print_warnings(issues, lang)
    return 0
