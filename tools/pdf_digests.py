"""Digests of a fixed set of patient and clinician PDFs and calendars, to show a refactor or a
speed-up leaves every output byte-identical (the PDFs are invariant: same inputs, same bytes).

    .venv/bin/python tools/pdf_digests.py > before.json   # on the base commit
    .venv/bin/python tools/pdf_digests.py | diff before.json -   # after the change
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.cli.main import main  # noqa: E402

BASE = [
    "--patient",
    "Jeanne Test",
    "--weight",
    "80 kg",
    "--height",
    "180 cm",
    "--sex",
    "female",
    "--age",
    "54",
    "--creatinine",
    "0.9 mg/dL",
    "--start",
    "2025-03-03",
    "--prepared-on",
    "2025-03-01",
    "--dob",
    "1971-02-03",
    "--record-number",
    "R-1",
]
# The source gives only a maximum for probenecid: a plan with it needs an explicit choice.
CHOICES = {"probenecid-500-tid": ["--choose", "probenecid-500-tid:dose=500"]}


def regimen_ids() -> list[str]:
    with sqlite3.connect(ROOT / "db" / "calx.sqlite") as db:
        return [row[0] for row in db.execute("SELECT id FROM regimens ORDER BY id")]


def digest(out: Path, name: str, args: list[str]) -> dict[str, str]:
    args = [*args, *(arg for rid, choice in CHOICES.items() if rid in args for arg in choice)]
    files = {
        "patient": out / f"{name}.pdf",
        "clinician": out / f"{name}-c.pdf",
        "ics": out / f"{name}.ics",
    }
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            code = main(
                [
                    "plan",
                    *BASE,
                    *args,
                    "--out",
                    str(files["patient"]),
                    "--clinician-copy",
                    str(files["clinician"]),
                    "--ics",
                    str(files["ics"]),
                    "--force",
                ]
            )
        except SystemExit as exit_:
            code = exit_.code
    result = {"exit": str(code)}
    for kind, path in files.items():
        result[kind] = hashlib.sha256(path.read_bytes()).hexdigest()[:16] if path.exists() else "-"
    return result


def cases() -> dict[str, list[str]]:
    ids = regimen_ids()
    out: dict[str, list[str]] = {}
    for lang in ("en", "fr"):
        for rid in ids:
            out[f"{lang}-{rid}"] = ["--lang", lang, "--regimen", rid]
        everything = [arg for rid in ids for arg in ("--regimen", rid)]
        out[f"{lang}-all"] = ["--lang", lang, *everything]
        out[f"{lang}-all-large-tick"] = [
            "--lang",
            lang,
            *everything,
            "--large-print",
            "--tick-sheet",
            "--comedication",
            "diltiazem",
            "--notes",
            "Note",
        ]
    return out


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        print(
            json.dumps(
                {name: digest(Path(tmp), name, args) for name, args in cases().items()},
                indent=1,
                sort_keys=True,
            )
        )
