"""Compile the window's translations: resources/translations/*.ts → .qm (``pyside6-lrelease``).

    .venv/bin/python tools/build_translations.py

The ``.qm`` files are build products (gitignored); the ``.ts`` files are the reviewed sources.
``calx_fr.ts`` holds every French word of the window; ``calx_en.ts`` only the English plural forms
("1 result", "2 results"). Without the ``.qm`` files Calx still starts, in English.
To collect new strings after editing the window: ``tools/build_translations.py --update``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
UI_SOURCES = ROOT / "desktop" / "ui"


def tool(name: str) -> str:
    """A PySide6 tool from the same environment as this Python, else from PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return found


def update() -> None:
    """Collect the strings of desktop/ui into the .ts files (keeps existing translations)."""
    sources = sorted(str(p) for p in UI_SOURCES.rglob("*.py"))
    lupdate = tool("pyside6-lupdate")
    subprocess.run(
        [lupdate, *sources, "-no-obsolete", "-ts", str(TRANSLATIONS / "calx_fr.ts")], check=True
    )
    subprocess.run(
        [lupdate, *sources, "-no-obsolete", "-pluralonly", "-ts", str(TRANSLATIONS / "calx_en.ts")],
        check=True,
    )


def release() -> list[Path]:
    lrelease = tool("pyside6-lrelease")
    built = []
    for ts in sorted(TRANSLATIONS.glob("calx_*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


def main(argv: list[str]) -> int:
    if "--update" in argv:
        update()
    for qm in release():
        print(f"built {qm.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
