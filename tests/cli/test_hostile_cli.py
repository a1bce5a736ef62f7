"""The hostile inputs of the trial: each one is a clear message and exit 2 (or a clean run),
never a traceback, and nothing written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_runner import run_main

ROOT = Path(__file__).resolve().parents[2]
BASE = [
    "plan",
    "--patient",
    "Zoë Martin",
    "--weight",
    "80 kg",
    "--height",
    "180 cm",
    "--regimen",
    "rituximab-375-weekly",
]


pytestmark = pytest.mark.usefixtures("cli_databases")


def _calx(args: list[str | bytes], **env: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT), **env},
    )


@pytest.mark.parametrize(
    ("dates", "code"),
    [
        (["--start", "9999-12-20"], "date_implausible"),
        (["--start", "0001-01-01", "--prepared-on", "0001-01-01"], "date_implausible"),
        (["--start", "2025-03-03", "--prepared-on", "9999-12-30"], "date_implausible"),
        (["--start", "2025-03-03", "--prepared-on", "1999-12-31"], "date_implausible"),
        (["--start", "2045-03-03", "--prepared-on", "2025-03-01"], "start_far_from_plan"),
        (["--start", "2005-03-03", "--prepared-on", "2025-03-01"], "start_far_from_plan"),
    ],
)
def test_implausible_dates_are_refused(tmp_path: Path, capsys, dates: list[str], code: str) -> None:
    args = [*BASE, *dates, "--out", str(tmp_path / "p.pdf"), "--json"]
    assert run_main(args) == 2
    captured = capsys.readouterr()
    assert json.loads(captured.out)["error"]["code"] == code
    assert list(tmp_path.iterdir()) == []


def test_a_start_late_in_year_9999_is_refused_by_dose_too(capsys) -> None:
    assert (
        run_main(
            [
                "dose",
                "rituximab-375-weekly",
                "--weight",
                "70",
                "--height",
                "170",
                "--start",
                "9999-12-31",
            ]
        )
        == 2
    )
    assert "plausible" in capsys.readouterr().err


def test_a_dose_that_would_print_as_zero_is_refused(capsys) -> None:
    assert run_main(["dose", "probenecid-500-tid", "--weight", "70", "--choose", "dose=0.001"]) == 2
    assert "0 mg" in capsys.readouterr().err


@pytest.mark.parametrize("option", ["--patient", "--notes", "--prepared-by"])
@pytest.mark.parametrize("raw", [b"Zo\xeb", b"\xff\xfe", b"\xed\xa0\x80"])
def test_bytes_that_are_not_text_are_refused(tmp_path: Path, option: str, raw: bytes) -> None:
    out = tmp_path / "p.pdf"
    done = _calx([*BASE, "--start", "2025-03-03", option.encode() + b"=" + raw, "--out", str(out)])
    assert done.returncode == 2, done.stderr
    assert b"not text" in done.stderr and b"Traceback" not in done.stderr
    assert not out.exists()


def test_a_name_too_long_for_the_file_system_is_a_message(tmp_path: Path, capsys) -> None:
    out = tmp_path / ("p" * 300 + ".pdf")
    assert run_main([*BASE, "--start", "2025-03-03", "--out", str(out)]) == 2
    assert "too long" in capsys.readouterr().err.lower()


@pytest.mark.parametrize(
    ("field", "length"), [("--patient", 201), ("--prepared-by", 201), ("--notes", 10_001)]
)
def test_text_fields_have_a_length_limit_with_a_message(
    tmp_path: Path, capsys, field: str, length: int
) -> None:
    assert (
        run_main(
            [*BASE, "--start", "2025-03-03", field, "x" * length, "--out", str(tmp_path / "p.pdf")]
        )
        == 2
    )
    assert "too long" in capsys.readouterr().err


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp1252"])
@pytest.mark.parametrize(
    "command",
    [
        ["show", "rituximab", "--lang", "fr"],
        ["search", "µ calcinose", "--lang", "fr"],
        ["dose", "rituximab-375-weekly", "--weight", "70", "--height", "170", "--lang", "fr"],
        ["therapies", "--json", "--lang", "fr"],
    ],
)
def test_a_terminal_that_is_not_utf8_gets_text_not_a_traceback(
    command: list[str], encoding: str, reference_db: Path
) -> None:
    done = _calx(command, PYTHONIOENCODING=encoding, CALX_DB=str(reference_db))
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr
    out = done.stdout.decode(encoding)
    if "--json" in command:
        json.loads(out)  # still exact JSON (escaped)


def test_a_full_disk_during_a_save_is_a_message(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    out = tmp_path / "out"
    out.mkdir()
    code = run_main([*BASE, "--start", "2025-03-03", "--out", str(out / "p.pdf"), "--save"])
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert code == 2
    err = capsys.readouterr().err
    assert "No space left" in err and "Traceback" not in err
    assert list(out.iterdir()) == []


def test_a_crafted_saved_plan_with_a_huge_name_is_refused_not_rendered(
    make_plan, user_data: Path
) -> None:
    import dataclasses

    from desktop.core.errors import CalxError
    from desktop.data.userdb import UserDB
    from desktop.reports.model import load_plan

    crafted = dataclasses.replace(make_plan(), patient_name="A" * 2_000_000)
    with UserDB.open(user_data) as userdb:
        plan_id = userdb.save_plan(crafted)
        with pytest.raises(CalxError) as err:
            load_plan(userdb, plan_id)
    assert err.value.code == "saved_plan_unreadable" and "too long" in err.value.params["detail"]
