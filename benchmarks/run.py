"""``make bench``: run every ``benchmarks/bench_*.py`` and print its figures.

Each module has ``run() -> list[str]`` and reports ratios against a baseline measured in the same
run, so the figures mean the same on any machine. Never a pass/fail: benchmarks inform.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    wanted = set(argv)
    for path in sorted(HERE.glob("bench_*.py")):
        if wanted and path.stem.removeprefix("bench_") not in wanted:
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        started = time.perf_counter()
        print(f"== {path.stem.removeprefix('bench_')}")
        for line in module.run():
            print(f"   {line}")
        print(f"   ({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
