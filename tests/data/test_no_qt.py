"""The domain (core, data) and the command line import without Qt."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent("""
    import importlib, pkgutil, sys
    sys.modules["PySide6"] = None      # any "import PySide6..." now raises ImportError
    sys.modules["shiboken6"] = None
    import desktop.core, desktop.data, desktop.cli
    names = []
    for package in (desktop.core, desktop.data, desktop.cli):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            importlib.import_module(info.name)
            names.append(info.name)
    from desktop.cli.main import build_parser
    build_parser()                      # imports every command group
    assert not any(m.startswith(("PySide6.", "desktop.ui")) for m in sys.modules), "Qt leaked"
    print("\\n".join(names))
""")


def test_domain_and_cli_import_without_qt() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                            cwd=ROOT, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    imported = set(result.stdout.split())
    for name in ("desktop.data.models", "desktop.data.content", "desktop.data.build",
                 "desktop.data.refdb", "desktop.data.schema", "desktop.core.regimen",
                 "desktop.cli.kb"):
        assert name in imported
