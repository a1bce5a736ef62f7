"""Start the window. Placeholder main window until the desktop issue lands."""

from __future__ import annotations

from collections.abc import Sequence


def run(argv: Sequence[str] = ()) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication.instance() or QApplication(["calx", *argv])
    label = QLabel("Calx")
    label.setWindowTitle("Calx")
    label.resize(640, 400)
    label.show()
    if "--exit-after-startup" in argv:
        QTimer.singleShot(0, app.quit)
    return app.exec()
