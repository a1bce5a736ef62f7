"""Every clinician copy prints the output log's head as it stood before the copy, so a rewrite of
the log's history can be detected against paper."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from plan_helpers import COLCHICINE_PLAN_ARGS, flat, pdf_pages

from desktop.cli.main import main
from desktop.data.userdb import UserDB

BASE = [*COLCHICINE_PLAN_ARGS, "--json"]


pytestmark = pytest.mark.usefixtures("cli_databases")


def _text(path: Path) -> str:
    return " ".join(flat(page) for page in pdf_pages(path.read_bytes()))


def test_the_clinician_copy_prints_the_log_head_before_it(
    tmp_path: Path, user_data: Path, capsys
) -> None:
    for n in range(2):
        assert (
            main(
                [
                    *BASE,
                    "--out",
                    str(tmp_path / f"p{n}.pdf"),
                    "--clinician-copy",
                    str(tmp_path / f"c{n}.pdf"),
                    "--save",
                ]
            )
            == 0
        )
        capsys.readouterr()
    with UserDB.open(user_data) as userdb:
        entries = userdb.log_entries()
    assert len(entries) == 4  # two exports of two copies each
    second = _text(tmp_path / "c1.pdf")
    assert "2 entries before this copy" in second
    assert entries[1].entry_hash[:32] in second  # the head before the second export
    assert "0 entries before this copy" in _text(tmp_path / "c0.pdf")


def test_a_copy_made_without_saving_says_it_is_not_logged(tmp_path: Path, capsys) -> None:
    assert (
        main(
            [
                *BASE,
                "--lang",
                "fr",
                "--out",
                str(tmp_path / "p.pdf"),
                "--clinician-copy",
                str(tmp_path / "c.pdf"),
            ]
        )
        == 0
    )
    assert json.loads(capsys.readouterr().out)["saved"] is False
    assert "non enregistrée" in _text(tmp_path / "c.pdf")
