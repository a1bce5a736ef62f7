"""Whole processes: the CLI's dose and plan commands, and the window's memory after printing.

- ``calx dose`` (rituximab 375 mg/m², text out) and ``calx plan`` (one regimen, the patient's
  PDF) as fresh processes, against ``python -c "import pint"`` (what any unit-safe dose
  computation in Python pays), interleaved; median (min–max) of the per-pair ratios.
- Peak memory (the process's peak resident set, VmHWM) of the window's ``--self-test`` (it opens the
  window, searches, computes a rituximab and an infliximab dose and renders both PDFs), against
  a bare PySide6 window painted once; median of interleaved runs.

Goals (issue 13): dose and plan ≤ 1.2× ``import pint``; memory ≤ 2× the bare window.

Each command's floor is printed too (not a goal, the baseline stays ``import pint``): what any
process doing the same with the same libraries pays before Calx's own code, against ``import
pint``, interleaved. For ``dose``, pint with Calx's unit registry (resources/units.txt), loaded
as Calx loads it (without importlib.metadata, desktop/core/light_metadata.py) and with the
collector handled as a command handles it (desktop/__main__.py); for ``plan``, that plus the
reportlab modules Calx imports and the two embedded fonts parsed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from bench_startup import BARE_WINDOW  # noqa: E402
from common import (  # noqa: E402
    ROOT,
    bench_env,
    goal,
    interleave,
    median,
    ratio_spread,
    spread,
    wall_ms,
)

RUNS = 7

# The floors: pint with the app's registry, loaded and collected as a command does; then also
# reportlab's modules and fonts as the PDF needs them (desktop/reports/styles.py and document.py
# import these).
REGISTRY = "import gc; gc.disable()\nfrom desktop.core.units import ureg; ureg()\n"
PDF_FLOOR = (
    REGISTRY
    + """
import reportlab.platypus, reportlab.platypus.paragraph, reportlab.platypus.tables
import reportlab.pdfgen.canvas
from reportlab.pdfbase.ttfonts import TTFont
for name in ("DejaVuSans", "DejaVuSans-Bold"):
    TTFont(name, f"resources/fonts/{name}.ttf")
"""
)
REGISTRY += "gc.freeze()\n"
PDF_FLOOR += "gc.freeze()\n"
MEMORY_RUNS = 3


# Runs a script or ``-m module`` and prints, at exit, the peak resident set of this process
# image (VmHWM). Not wait4's ru_maxrss: Linux carries it over from the forked parent, whose
# size (this benchmark's own) would count.
PEAK = """
import atexit, runpy, sys
def peak():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            print("VmHWM", int(line.split()[1]), file=sys.stderr)
atexit.register(peak)
target, sys.argv = sys.argv[1], sys.argv[1:]
if target == "-m":
    sys.argv = sys.argv[1:]
    runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
else:
    runpy.run_path(target, run_name="__main__")
"""


def peak_mib(arguments: list[str], env: dict[str, str]) -> float:
    """The peak resident set of ``python arguments...``, in MiB."""
    done = subprocess.run(
        [sys.executable, "-c", PEAK, *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    found = [line for line in done.stderr.splitlines() if line.startswith("VmHWM ")]
    if done.returncode != 0 or not found:
        raise RuntimeError(f"{arguments} failed:\n{done.stderr[-2000:]}")
    return int(found[-1].split()[1]) / 1024


def run() -> list[str]:
    lines = []
    with tempfile.TemporaryDirectory(prefix="calx-bench-") as home:
        env = bench_env(home)
        pint_cmd = [sys.executable, "-c", "import pint"]
        patient = ["--weight", "70", "--height", "170"]
        dose_cmd = [
            sys.executable,
            "-m",
            "desktop",
            "dose",
            "rituximab-375-weekly",
            *patient,
            "--start",
            "2026-12-01",
        ]
        plan_cmd = [
            sys.executable,
            "-m",
            "desktop",
            "plan",
            "--patient",
            "Jane Doe",
            *patient,
            "--regimen",
            "rituximab-375-weekly",
            "--start",
            "2026-12-01",
            "--out",
            os.path.join(home, "plan.pdf"),
            "--force",
        ]
        floors = {
            "calx dose": ("pint + its registry", REGISTRY),
            "calx plan (patient PDF)": ("pint + registry + reportlab + fonts", PDF_FLOOR),
        }
        for what, command in (("calx dose", dose_cmd), ("calx plan (patient PDF)", plan_cmd)):
            base, ours = interleave(
                lambda: wall_ms(pint_cmd, env), lambda c=command: wall_ms(c, env), RUNS
            )
            ratios = [o / b for o, b in zip(ours, base, strict=True)]
            lines.append(
                f"{what}: {spread(ours, digits=0)}, import pint "
                f"{spread(base, digits=0)}: {ratio_spread(ratios)}"
            )
            goal(
                f"{what} / python -c 'import pint'",
                "≤ 1.2×",
                ratio_spread(ratios),
                round(median(ratios), 2) <= 1.2,
            )
            label, script = floors[what]
            base, floor = interleave(
                lambda: wall_ms(pint_cmd, env),
                lambda s=script: wall_ms([sys.executable, "-c", s], env),
                RUNS,
            )
            ratios = [f / b for f, b in zip(floor, base, strict=True)]
            lines.append(
                f"  its floor, {label}: {spread(floor, digits=0)}: "
                f"{ratio_spread(ratios)} import pint"
            )
        probe = Path(home) / "bare_window.py"
        probe.write_text(BARE_WINDOW)
        bare, calx = interleave(
            lambda: peak_mib([str(probe)], env),
            lambda: peak_mib(["-m", "desktop", "--self-test"], env),
            MEMORY_RUNS,
            warm=0,
        )
        ratios = [c / b for c, b in zip(calx, bare, strict=True)]
        lines.append(
            f"peak memory, self-test (2 doses computed, both PDFs rendered): "
            f"{spread(calx, 'MiB', 0)}, bare window {spread(bare, 'MiB', 0)}: "
            f"{ratio_spread(ratios)}"
        )
        goal(
            "memory after computing and printing / bare window",
            "≤ 2×",
            ratio_spread(ratios),
            round(median(ratios), 2) <= 2,
        )
    return lines


if __name__ == "__main__":
    for line in run():
        print(line)
