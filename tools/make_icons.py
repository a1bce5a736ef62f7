"""Render resources/icons/calx.svg to PNGs (16–512 px) and a Windows .ico.

    .venv/bin/python tools/make_icons.py

Qt's SVG renderer draws the PNGs (so they match what the window shows); Pillow packs the .ico.
Rerun after editing the SVG; the outputs are committed so a checkout needs no build step.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

from desktop.ui.icons import ICON_SIZES  # noqa: E402

ICONS = ROOT / "resources" / "icons"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(svg: Path, size: int, out: Path) -> None:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"cannot write {out}")


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    svg = ICONS / "calx.svg"
    for size in ICON_SIZES:
        render(svg, size, ICONS / f"calx-{size}.png")
    try:
        from PIL import Image
    except ImportError:
        print("Pillow is not installed: no .ico written")
    else:
        largest = Image.open(ICONS / "calx-256.png")
        largest.save(ICONS / "calx.ico", sizes=[(s, s) for s in ICO_SIZES])
    print(f"icons written to {ICONS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
