"""``make bench``: run every ``benchmarks/bench_*.py``, print its figures, then one summary table.

Each module has ``run() -> list[str]``; figures are ratios against a baseline measured in the
same run (interleaved with it), so they mean the same on any machine, each a median with its
min–max. Modules that measure a goal of issue 13 add a row (``common.goal``) to the summary
table printed at the end: what, goal, measured, verdict. ``make bench`` never fails on a missed
goal: benchmarks inform. ``python benchmarks/run.py search pdf`` runs only those modules.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import common  # noqa: E402


def summary() -> list[str]:
    rows = [("What the clinician does", "Goal", "Measured: median (min–max)", "Verdict")]
    rows += [(g.what, g.goal, g.measured, "met" if g.met else "NOT met") for g in common.GOALS]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    met = sum(g.met for g in common.GOALS)
    lines.append(f"{met} of {len(common.GOALS)} goals met")
    return lines


def main(argv: list[str]) -> int:
    wanted = set(argv)
    for path in sorted(HERE.glob("bench_*.py")):
        if wanted and path.stem.removeprefix("bench_") not in wanted:
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[path.stem] = module
        spec.loader.exec_module(module)
        started = time.perf_counter()
        print(f"== {path.stem.removeprefix('bench_')}", flush=True)
        for line in module.run():
            print(f"   {line}", flush=True)
        print(f"   ({time.perf_counter() - started:.1f} s)", flush=True)
    if common.GOALS:
        print("\n== summary (issue 13)")
        for line in summary():
            print(f"   {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
