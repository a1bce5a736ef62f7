"""The baseline Calx's bundle is compared with: a bare PySide6 window, nothing else.

Built by ``packaging/calx.spec -- --bare`` under the same exclusion policy as Calx, so the size
ratio printed by ``build_installer.py`` measures what Calx adds to any PySide6 application.
``--exit-after-startup`` quits once the window has been painted (as Calx does).
"""

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class _QuitAfterPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Bare PySide6 window")
    window.resize(640, 400)
    quitter = _QuitAfterPaint()
    if "--exit-after-startup" in sys.argv:
        window.installEventFilter(quitter)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
