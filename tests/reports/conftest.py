"""Fixtures for the plan tests: the real reference database built once per session into a
temporary folder (never the checked-out ``db/calx.sqlite``) and a plan maker."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from plan_helpers import PREPARED_ON, START, PlanMaker, patient_80_180

from desktop.data.refdb import ReferenceDB
from desktop.reports.model import PlanDocument, build_plan

ROOT = Path(__file__).resolve().parents[2]
REAL_CONTENT = ROOT / "db" / "content"


@pytest.fixture(scope="session")
def ref_db_path(reference_db: Path) -> Path:
    """The real content's database, built once per session (``tests/conftest.py``)."""
    return reference_db


@pytest.fixture
def ref_db(ref_db_path: Path) -> Iterator[ReferenceDB]:
    db = ReferenceDB.open(ref_db_path)
    yield db
    db.close()


@pytest.fixture
def cli_databases(ref_db_path: Path, user_data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line reads the shared reference database and a throwaway user folder."""
    monkeypatch.setenv("CALX_DB", str(ref_db_path))


@pytest.fixture
def user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "user-data"
    monkeypatch.setenv("CALX_USER_DATA", str(folder))
    return folder


@pytest.fixture
def make_plan(ref_db: ReferenceDB) -> PlanMaker:
    def make(regimens: list[str] | None = None, lang: str = "en", **kw: Any) -> PlanDocument:
        args: dict[str, Any] = {
            "patient_name": "Zoë Martin", "prepared_by": "Dr Claire Dupont",
            "prepared_on": PREPARED_ON, "choices": None,
        }
        args.update(kw)
        patient = args.pop("patient", None) or patient_80_180()
        return build_plan(ref_db, patient,
                          regimens if regimens is not None else ["rituximab-375-weekly"],
                          args.pop("start", START), lang, **args)

    return make
