"""Shared test set-up. Qt must run offscreen here: there is no display on CI. Calx's cache (which
reference databases were verified) goes to a throwaway folder, never the user's own.

Fixtures every folder uses:
- ``reference_db``: the reference database built from db/content once per test session into a
  temporary folder (never the checked-out ``db/calx.sqlite``). Tests that change it work on a copy.
- ``calx_db_env``: the same database as ``CALX_DB`` for one test only (monkeypatch), so no test
  leaves it set for the tests after it.
- ``calx_cli``: runs the command line in-process, ``calx_cli(["dose", ...])`` → (code, out, err);
  ``calx_cli.json([...])`` adds ``--json``, expects success and returns the one JSON document.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from cli_runner import CalxCli

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CALX_CACHE", tempfile.mkdtemp(prefix="calx-test-cache-"))

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def reference_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from desktop.data.build import build

    out = tmp_path_factory.mktemp("reference") / "calx.sqlite"
    build(ROOT / "db" / "content", out)
    return out


@pytest.fixture
def calx_db_env(reference_db: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The session's reference database as ``CALX_DB``, for this test only."""
    monkeypatch.setenv("CALX_DB", str(reference_db))
    return reference_db


@pytest.fixture
def calx_cli(capsys: pytest.CaptureFixture[str]) -> CalxCli:
    return CalxCli(capsys)
