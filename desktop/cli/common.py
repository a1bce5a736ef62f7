"""What every command shares: ``--lang``/``--json`` options, JSON output, refusing cleanly."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, NoReturn

from desktop.core.errors import CalxError
from desktop.core.messages import render

EXIT_REFUSED = 2


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
