"""Where Calx finds its bundled files, from a checkout or from a PyInstaller bundle.

Both lay out ``resources/`` and ``db/`` beside the ``desktop`` package, so one rule serves both.
``CALX_DB`` overrides the reference database (tests, benchmarks).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def app_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else Path(__file__).resolve().parent.parent


def resource(*parts: str) -> Path:
    return app_root().joinpath("resources", *parts)


def reference_db() -> Path:
    override = os.environ.get("CALX_DB")
    return Path(override) if override else app_root() / "db" / "calx.sqlite"
