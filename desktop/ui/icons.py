"""The application icon at every size: crisp PNGs where ``tools/make_icons.py`` made them, the
SVG for any other size (high-DPI screens), Qt's default icon if both are missing."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from desktop.paths import resource

ICON_SIZES: tuple[int, ...] = (16, 24, 32, 48, 64, 128, 256, 512)


@cache
def app_icon() -> QIcon:
    icon = QIcon()
    folder = resource("icons")
    for size in ICON_SIZES:
        png = folder / f"calx-{size}.png"
        if png.exists():
            icon.addFile(str(png))
    svg = folder / "calx.svg"
    if svg.exists():
        icon.addFile(str(svg))
    return icon
