"""The installed bundle against a bare PySide6 window bundled the same way: size and start-up.

Reads what ``make installer`` left (dist/calx/ and the baseline in build/baseline/dist/bare/);
it builds nothing, so run ``make installer`` first. Start-up is the frozen executable's
``--exit-after-startup`` (window shown and painted, offscreen), median of alternated runs.
"""

from __future__ import annotations

import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from common import ROOT, goal  # noqa: E402

EXE = ".exe" if sys.platform == "win32" else ""
CALX = ROOT / "dist" / "calx"
BARE = ROOT / "build" / "baseline" / "dist" / "bare"
RUNS = 5


def _installer():  # build_installer.py is a script at the top level, not a package module
    spec = importlib.util.spec_from_file_location("build_installer", ROOT / "build_installer.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_installer", module)
    spec.loader.exec_module(module)
    return module


def _start_up(executable: Path, env: dict[str, str], cwd: str) -> float:
    started = time.perf_counter()
    subprocess.run(
        [str(executable), "--exit-after-startup"],
        env=env,
        cwd=cwd,
        check=True,
        capture_output=True,
        timeout=60,
    )
    return time.perf_counter() - started


def run() -> list[str]:
    calx_exe, bare_exe = CALX / f"calx{EXE}", BARE / f"bare{EXE}"
    if not (calx_exe.is_file() and bare_exe.is_file()):
        goal("bundle size / bare PySide6 bundle", "≤ 1.15×", "not built (make installer)", False)
        return ["no bundle to measure: run `make installer` first"]
    installer = _installer()
    calx_size, calx_files = installer.tree_size(CALX)
    bare_size, bare_files = installer.tree_size(BARE)
    lines = [
        f"bundle size: Calx {calx_size / 1e6:.1f} MB ({calx_files} files), bare window "
        f"{bare_size / 1e6:.1f} MB ({bare_files} files): ratio {calx_size / bare_size:.2f}× "
        f"(aim ≤ {installer.RATIO_AIM}×)"
    ]
    goal(
        "bundle size / bare PySide6 bundle",
        "≤ 1.15×",
        f"{calx_size / bare_size:.2f}×",
        calx_size / bare_size <= 1.15,
    )
    calx_times: list[float] = []
    bare_times: list[float] = []
    with tempfile.TemporaryDirectory(prefix="calx-bench-") as home:
        env = installer.self_test_environment(Path(home))
        _start_up(calx_exe, env, home)  # first run pays the cold file cache
        _start_up(bare_exe, env, home)
        for _ in range(RUNS):
            calx_times.append(_start_up(calx_exe, env, home))
            bare_times.append(_start_up(bare_exe, env, home))
    calx_median, bare_median = statistics.median(calx_times), statistics.median(bare_times)
    lines.append(
        f"frozen start-up to first paint: Calx {calx_median * 1000:.0f} ms, bare window "
        f"{bare_median * 1000:.0f} ms: ratio {calx_median / bare_median:.2f}× "
        f"(median of {RUNS})"
    )
    return lines


if __name__ == "__main__":
    print("\n".join(run()))
