"""Fixtures for the plan tests. The reference database (``reference_db``), ``ref_db``,
``make_plan``, ``user_data`` and ``cli_databases`` are shared with the command-line tests in
``tests/conftest.py``; helpers are in ``tests/plan_helpers.py``."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def ref_db_path(reference_db: Path) -> Path:
    """The real content's database, built once per session (``tests/conftest.py``)."""
    return reference_db
