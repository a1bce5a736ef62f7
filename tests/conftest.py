"""Shared test set-up. Qt must run offscreen here: there is no display on CI. Calx's cache (which
reference databases were verified) goes to a throwaway folder, never the user's own.

Fixtures every folder uses:
- ``reference_db``: the reference database built from db/content once per test session into a
  temporary folder (never the checked-out ``db/calx.sqlite``). Tests that change it work on a copy.
- ``calx_db_env``: the same database as ``CALX_DB`` for one test only (monkeypatch), so no test
  leaves it set for the tests after it.
- ``user_data``: a throwaway folder for saved plans and their log (``CALX_USER_DATA``, one test).
- ``cli_databases``: both of the above, as the command line reads them.
- ``calx_cli``: runs the command line in-process, ``calx_cli(["dose", ...])`` → (code, out, err);
  ``calx_cli.json([...])`` adds ``--json``, expects success and returns the one JSON document
  (``cli_runner.run_main`` where only the exit status matters).
- ``real_content``: the content of db/content, loaded once; ``ref_db``: the reference database
  opened for one test; ``make_plan``: a plan built from it (``plan_helpers``).

Environment variables are set with ``monkeypatch`` for one test; only ``QT_QPA_PLATFORM`` and
``CALX_CACHE`` (``calx_cache``) hold for the whole session, on purpose, and ``CALX_CACHE`` is
restored when it ends.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from cli_runner import CalxCli

if TYPE_CHECKING:
    from plan_helpers import PlanMaker

    from desktop.data.content import Content
    from desktop.data.refdb import ReferenceDB

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session", autouse=True)
def calx_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Which databases were verified is remembered in a throwaway folder, never the user's."""
    folder = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CALX_CACHE", str(folder))
        yield folder


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
def user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Saved plans and their log go to a throwaway folder, for this test only."""
    folder = tmp_path / "user-data"
    monkeypatch.setenv("CALX_USER_DATA", str(folder))
    return folder


@pytest.fixture
def cli_databases(calx_db_env: Path, user_data: Path) -> Path:
    """The command line reads the session's reference database and a throwaway user folder."""
    return calx_db_env


@pytest.fixture
def calx_cli(capsys: pytest.CaptureFixture[str]) -> CalxCli:
    return CalxCli(capsys)


@pytest.fixture(scope="session")
def real_content() -> Content:
    from desktop.data.content import load_content

    return load_content(ROOT / "db" / "content")


@pytest.fixture
def ref_db(reference_db: Path) -> Iterator[ReferenceDB]:
    from desktop.data.refdb import ReferenceDB

    db = ReferenceDB.open(reference_db)
    yield db
    db.close()


@pytest.fixture
def make_plan(ref_db: ReferenceDB) -> PlanMaker:
    """``make_plan(regimens, lang, **build_plan arguments)``: rituximab 375 mg/m² weekly for
    the 80 kg, 180 cm patient of ``plan_helpers`` unless the test says otherwise."""
    from plan_helpers import PREPARED_ON, START, patient_80_180

    from desktop.reports.model import PlanDocument, build_plan

    def make(regimens: list[str] | None = None, lang: str = "en", **kw: Any) -> PlanDocument:
        args: dict[str, Any] = {
            "patient_name": "Zoë Martin",
            "prepared_by": "Dr Claire Dupont",
            "prepared_on": PREPARED_ON,
            "choices": None,
        }
        args.update(kw)
        patient = args.pop("patient", None) or patient_80_180()
        return build_plan(
            ref_db,
            patient,
            regimens if regimens is not None else ["rituximab-375-weekly"],
            args.pop("start", START),
            lang,
            **args,
        )

    return make
