"""What the benchmarks share: statistics, interleaved A/B runs, and the summary table's rows.

The machine is shared and noisy (2 cores, other work running): every comparison interleaves its
two sides (A, B, A, B, ...) so that load hits both alike, and reports the median with the
min–max. A ``Goal`` is one row of the summary table ``make bench`` prints at the end; a ratio
meets its goal when its median, as printed (two decimals), is within it.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@dataclass(frozen=True)
class Goal:
    """One row of the summary table: what is measured, the goal, the figure, met or not."""

    what: str
    goal: str
    measured: str
    met: bool


GOALS: list[Goal] = []  # filled by each benchmark's run(), printed by run.py


def goal(what: str, goal_text: str, measured: str, met: bool) -> Goal:
    row = Goal(what, goal_text, measured, met)
    GOALS.append(row)
    return row


def median(samples: Sequence[float]) -> float:
    return statistics.median(samples)


def p99(samples: Sequence[float]) -> float:
    if len(samples) < 2:
        return samples[0]
    return statistics.quantiles(samples, n=100, method="inclusive")[98]


def spread(samples: Sequence[float], unit: str = "ms", digits: int = 1) -> str:
    """ "median (min–max) unit"."""
    return (
        f"{median(samples):.{digits}f} {unit} ({min(samples):.{digits}f}–{max(samples):.{digits}f})"
    )


def ratio_spread(ratios: Sequence[float]) -> str:
    return f"{median(ratios):.2f}× ({min(ratios):.2f}–{max(ratios):.2f})"


def interleave(
    a: Callable[[], float], b: Callable[[], float], runs: int, warm: int = 1
) -> tuple[list[float], list[float]]:
    """``runs`` samples of each, alternating a, b, a, b (after ``warm`` unrecorded pairs)."""
    for _ in range(warm):
        a()
        b()
    first, second = [], []
    for _ in range(runs):
        first.append(a())
        second.append(b())
    return first, second


def bench_env(home: str) -> dict[str, str]:
    """A child process's environment: offscreen, a throwaway home, bytecode caches allowed (as
    installed: compiled once, not at every start)."""
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=home,
        HOME=home,
        XDG_DATA_HOME=home,
        CALX_USER_DATA=os.path.join(home, "user-data"),
        CALX_CACHE=os.path.join(home, "cache"),
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def settle(path: Path) -> None:
    """Wait until ``path`` is old enough to be remembered as verified (desktop.data.verify: a
    file changed in the last seconds is checked whole again at each open), so that timed opens
    are the ones every start-up after the first pays."""
    from desktop.data.verify import RACY_NS

    changed = max(path.stat().st_mtime_ns, path.stat().st_ctime_ns)
    wait = (changed + RACY_NS - time.time_ns()) / 1e9
    if wait > 0:
        time.sleep(wait + 0.1)


def wall_ms(command: list[str], env: dict[str, str], cwd: Path = ROOT) -> float:
    """Wall time of a child process in ms; its failure stops the benchmark with its stderr."""
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    elapsed = (time.perf_counter() - started) * 1000
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stderr[-2000:]}")
    return elapsed


def child_output(command: list[str], env: dict[str, str], cwd: Path = ROOT) -> str:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stderr[-2000:]}")
    return done.stdout
