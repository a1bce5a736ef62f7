"""What every command shares: ``--lang``/``--json`` options, JSON output, refusing cleanly."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, NoReturn

from desktop.core.errors import CalxError
from desktop.core.messages import render

EXIT_REFUSED = 2
BSA_FORMULA_CHOICES: tuple[str, ...] = ("mosteller", "dubois", "haycock", "gehan-george", "boyd")


def add_patient_arguments(parser: argparse.ArgumentParser) -> None:
    """The patient's measurements, as ``dose`` and ``plan`` take them (height optional: only per
    m² doses need it)."""
    parser.add_argument("--weight", required=True, help='weight with its unit: "70 kg", "154 lb"')
    parser.add_argument("--height", help='height: "170 cm", "1.70 m", "5 ft 7 in" (per m² doses)')
    parser.add_argument("--sex", help="female or male (creatinine clearance)")
    parser.add_argument("--age", help="age in years (creatinine clearance)")
    parser.add_argument("--creatinine", help='serum creatinine: "1.09 mg/dL" or "85 µmol/L"')
    parser.add_argument("--formula", choices=BSA_FORMULA_CHOICES, default="mosteller",
                        help="BSA formula for per m² doses (default: mosteller)")


def add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("fr", "en"), default="en", help="language of the output")
    parser.add_argument("--json", action="store_true", help="print one JSON document on stdout")


def print_json(document: Any) -> None:
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2, sort_keys=False)
    sys.stdout.write("\n")


def refuse(error: CalxError, args: argparse.Namespace) -> NoReturn:
    lang = getattr(args, "lang", "en") or "en"
    message = render(error.issue, lang)
    print(f"calx: {message}", file=sys.stderr)
    if getattr(args, "json", False):
        print_json({"error": {"code": error.code, "message": message, **(
            {"field": error.field} if error.field else {})}})
    raise SystemExit(EXIT_REFUSED)
