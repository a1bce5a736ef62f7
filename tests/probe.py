"""A fresh Python process, for what one test process cannot show: which modules an import loads
and what a first import does."""

from __future__ import annotations

import subprocess
import sys


def run_python(code: str, timeout: float = 300) -> str:
    """Run ``code`` in a new interpreter; its standard output. Its failure fails the test with
    its standard error."""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, done.stderr
    return done.stdout
