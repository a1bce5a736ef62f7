"""Start-up time of the window, as a ratio to a bare PySide6 window (aim: within 1.3 times).

Both are measured the same way in the same run: a fresh process (offscreen), from launch to the
exit that follows the first paint of the main window. Runs alternate so that machine load hits
both alike; the median of each is reported. ``python -m desktop --exit-after-startup`` is the app.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7

# The baseline: what any PySide6 program pays to show one main window and paint it once.
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


def _time(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stderr[-2000:]}")
    return elapsed


def run() -> list[str]:
    with tempfile.TemporaryDirectory(prefix="calx-bench-") as home:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=home, HOME=home)
        # As installed (and as `make bench` runs): compiled bytecode is cached after the warm-up
        # run, not recompiled at every start.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        probe = Path(home) / "bare_window.py"
        probe.write_text(BARE_WINDOW)
        app_cmd = [sys.executable, "-m", "desktop", "--exit-after-startup"]
        bare_cmd = [sys.executable, str(probe)]
        _time(bare_cmd, env)  # warm the file cache for both
        _time(app_cmd, env)
        bare, app = [], []
        for _ in range(RUNS):
            bare.append(_time(bare_cmd, env))
            app.append(_time(app_cmd, env))
    b, a = statistics.median(bare), statistics.median(app)
    return [
        f"bare PySide6 window, first paint: median {b * 1000:.0f} ms over {RUNS} runs",
        f"Calx main window, first paint:    median {a * 1000:.0f} ms over {RUNS} runs",
        f"start-up ratio Calx / bare window: {a / b:.2f}x (aim: within 1.3x)",
    ]


if __name__ == "__main__":
    for line in run():
        print(line)
