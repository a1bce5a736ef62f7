"""Cost of the units layer: import of the registry, and parsing + BSA against bare arithmetic.

Figures are ratios against baselines measured in the same run (``python -c pass`` for start-up,
the bare Mosteller arithmetic for a calculation), so they read the same on any machine.
"""

from __future__ import annotations

import math
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7


def _startup_ms(code: str) -> float:
    """Median wall time of a fresh interpreter running ``code``, in ms."""
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _per_call_us(fn: object, number: int) -> float:
    best = math.inf
    for _ in range(5):
        started = time.perf_counter()
        for _ in range(number):
            fn()  # type: ignore[operator]
        best = min(best, (time.perf_counter() - started) / number)
    return best * 1e6


def run() -> list[str]:
    sys.path.insert(0, str(ROOT))
    bare = _startup_ms("pass")
    domain = _startup_ms("import desktop.core.patient, desktop.core.calculators.bsa")
    pint_only = _startup_ms("import pint")
    units = _startup_ms("from desktop.core.units import ureg; ureg()")
    default = _startup_ms("import pint; pint.UnitRegistry()")
    lines = [
        f"python -c pass: {bare:.0f} ms (baseline)",
        f"import the domain (no pint yet): {domain:.0f} ms = {domain / bare:.2f}× baseline, "
        f"+{domain - bare:.0f} ms",
        f"import desktop.core.units + ureg(): {units:.0f} ms = {units / bare:.2f}× baseline, "
        f"+{units - bare:.0f} ms",
        f"  of which import pint: +{pint_only - bare:.0f} ms; Calx definitions file: "
        f"+{units - pint_only:.0f} ms",
        f"pint default registry, for comparison: {default:.0f} ms = {default / bare:.2f}× "
        f"baseline, +{default - bare:.0f} ms",
    ]

    from desktop.core.calculators.bsa import bsa
    from desktop.core.parsing import parse_quantity
    from desktop.core.units import ureg

    ureg()

    def arithmetic() -> float:
        return math.sqrt(180.0 * 80.0 / 3600)

    def parse_and_bsa() -> object:
        weight = parse_quantity("80 kg", "weight")
        height = parse_quantity("1,80 m", "height", "fr")
        return bsa(weight.quantity, height.quantity)

    def bsa_only(
        w: object = parse_quantity("80 kg", "weight").quantity,
        h: object = parse_quantity("180 cm", "height").quantity,
    ) -> object:
        return bsa(w, h)  # type: ignore[arg-type]

    base_us = _per_call_us(arithmetic, 200_000)
    full_us = _per_call_us(parse_and_bsa, 2_000)
    bsa_us = _per_call_us(bsa_only, 5_000)
    lines += [
        f"bare Mosteller arithmetic: {base_us * 1000:.0f} ns (baseline)",
        f"bsa() on quantities: {bsa_us:.1f} µs = {bsa_us / base_us:.0f}× arithmetic",
        f"parse_quantity ×2 + bsa(): {full_us:.1f} µs = {full_us / base_us:.0f}× arithmetic "
        f"({full_us / 1000:.3f} ms)",
    ]
    return lines


if __name__ == "__main__":
    for line in run():
        print(line)
