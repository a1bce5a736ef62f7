"""The checkout's own database (``make db`` signs it with the development key of whoever built it)
must open for anyone who runs that checkout: another user, or the same user with another HOME,
has no development key of their own. The build writes the key's public half beside the shipped
trust files for that reason."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DB = ROOT / "db" / "calx.sqlite"


@pytest.mark.skipif(not DB.exists(), reason="the checkout's database is built by `make db`")
def test_the_checkouts_database_opens_under_a_home_that_never_built_it(tmp_path: Path) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("CALX_")
        and key not in {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"}
    }
    env["HOME"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "therapies", "--json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["therapies"]) > 20
    assert not list(tmp_path.rglob("development-signing-key.json")), "trusted only by making a key"
