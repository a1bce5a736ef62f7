"""Start-up: first paint and start to usable window, against a bare PySide6 window; first entry.

Every figure is a fresh process (offscreen) timed from launch to its exit, interleaved with the
baseline (bare, Calx, bare, Calx...) so that machine load hits both alike; median (min–max) of
the per-pair ratios.

- First paint: ``python -m desktop --exit-after-startup`` exits after the window's first paint.
- Usable: ``--exit-when-usable`` exits once the database is open and the therapy tree filled
  (the window as first shown: navigator and therapy view). The views not shown yet, pint and
  reportlab are loaded after that in idle time; ``--exit-when-usable`` does not wait for them.
  On the real database and on the synthetic 100× one (``synthetic.py``, via ``CALX_DB``).
- The baseline: what any PySide6 program pays to show one main window and paint it once.
- First patient entry: in the started window, once its idle loading is done and the compute tab
  shown, the time to type a weight and a height into the patient panel (each key handled and
  repainted, then the check that follows a pause in typing), against the same entry typed a
  second time: a freeze (pint loading on the first entry) shows as a ratio ≫ 1.

Goals (issue 13): usable ≤ 1.5× at 1×, ≤ 2× at 100×; first paint ≤ 1.2×; first entry ≤ 1.5× the
second (no freeze).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from common import (  # noqa: E402
    ROOT,
    bench_env,
    goal,
    interleave,
    median,
    ratio_spread,
    settle,
    spread,
    wall_ms,
)

RUNS = 7

BARE_WINDOW = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("bare"))
window.resize(1100, 720)

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False

watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
sys.exit(app.exec())
"""

# In the real start-up path (desktop.ui.app.run), after its idle loading: type a patient twice.
FIRST_ENTRY = """
import json, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import desktop.ui.app as app_module

results = {}

def measure(window):
    app = QApplication.instance()
    window.tabs.setCurrentWidget(window.compute_view)
    for _ in range(20):  # the tab's first layout and paint are not the entry
        app.processEvents()
    panel = window.compute_view.patient_panel
    def entry():
        started = time.perf_counter()
        for field, text in ((panel.weight, "72"), (panel.height_field, "168")):
            field.edit.clear()
            for ch in text:
                field.edit.insert(ch)
                app.processEvents()
        panel.validate()  # what the pause after typing triggers: parse, check, compute
        app.processEvents()
        return (time.perf_counter() - started) * 1000
    results["first"] = entry()
    results["second"] = entry()
    print(json.dumps(results))
    # The typed patient is a probe's, not work to keep: quit without asking (as --self-test).
    window.ask_before_closing = lambda _what: "discard"
    app.quit()

original = app_module._in_idle_time

def with_probe(steps):
    window = app_module._probe_window
    steps.append(lambda: QTimer.singleShot(0, lambda: measure(window)))
    original(steps)

app_module._in_idle_time = with_probe
from desktop.ui import main_window
_init = main_window.MainWindow.__init__
def _keep(self, *a, **k):
    _init(self, *a, **k)
    app_module._probe_window = self
main_window.MainWindow.__init__ = _keep
sys.exit(app_module.run([]))
"""


def run() -> list[str]:
    lines = []
    with tempfile.TemporaryDirectory(prefix="calx-bench-") as home:
        env = bench_env(home)
        probe = Path(home) / "bare_window.py"
        probe.write_text(BARE_WINDOW)
        bare_cmd = [sys.executable, str(probe)]
        paint_cmd = [sys.executable, "-m", "desktop", "--exit-after-startup"]
        usable_cmd = [sys.executable, "-m", "desktop", "--exit-when-usable"]
        from synthetic import build_scaled

        big = build_scaled(100, Path(home) / "x100.sqlite")
        settle(big)  # as installed: checked whole at its first open only
        env_big = dict(env, CALX_DB=str(big))
        cases = (
            ("first paint, 1×", paint_cmd, env, 1.2),
            ("start to usable, 1×", usable_cmd, env, 1.5),
            ("start to usable, 100×", usable_cmd, env_big, 2.0),
        )
        for what, command, calx_env, aim in cases:
            bare, calx = interleave(
                lambda: wall_ms(bare_cmd, env), lambda c=command, e=calx_env: wall_ms(c, e), RUNS
            )
            ratios = [c / b for c, b in zip(calx, bare, strict=True)]
            lines.append(
                f"{what}: Calx {spread(calx, digits=0)}, bare window "
                f"{spread(bare, digits=0)}: {ratio_spread(ratios)}"
            )
            goal(
                f"{what} / bare window",
                f"≤ {aim}×",
                ratio_spread(ratios),
                round(median(ratios), 2) <= aim,
            )
        firsts, seconds = [], []
        for _ in range(3):
            done = subprocess.run(
                [sys.executable, "-c", FIRST_ENTRY],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
            )
            if done.returncode != 0:
                raise RuntimeError(done.stderr[-2000:])
            entry = json.loads(done.stdout.strip().splitlines()[-1])
            firsts.append(entry["first"])
            seconds.append(entry["second"])
        ratios = [f / s for f, s in zip(firsts, seconds, strict=True)]
        lines.append(
            f"first patient entry (weight and height typed, after idle loading): "
            f"{spread(firsts)}; the same entry again {spread(seconds)}: "
            f"{ratio_spread(ratios)}"
        )
        goal(
            "first patient entry / the next one",
            "≤ 1.5× (no freeze)",
            ratio_spread(ratios),
            round(median(ratios), 2) <= 1.5,
        )
    return lines


if __name__ == "__main__":
    for line in run():
        print(line)
