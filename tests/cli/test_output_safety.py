"""Where ``calx plan`` may write: never over Calx's own files (by any path, symlink or hard link),
over an existing file only with ``--force``; and ``--save`` checks the user database before any
file is written, so nothing exported goes unlogged."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from cli_runner import run_main
from plan_helpers import COLCHICINE_PLAN_ARGS

from desktop.data.userdb import UserDB
from desktop.paths import USER_DB_NAME

BASE = list(COLCHICINE_PLAN_ARGS)


pytestmark = pytest.mark.usefixtures("cli_databases")


def _saved_db(tmp_path: Path, user_data: Path) -> Path:
    assert run_main([*BASE, "--out", str(tmp_path / "first.pdf"), "--save"]) == 0
    return user_data / USER_DB_NAME


def _routes(target: Path, tmp_path: Path) -> dict[str, Path]:
    link = tmp_path / "link.pdf"
    link.symlink_to(target)
    hard = tmp_path / "hard.pdf"
    os.link(target, hard)
    relative = Path(os.path.relpath(target))
    return {"direct": target, "relative": relative, "symlink": link, "hardlink": hard}


@pytest.mark.parametrize("route", ["direct", "relative", "symlink", "hardlink"])
@pytest.mark.parametrize("option", ["--out", "--clinician-copy", "--ics"])
def test_never_writes_over_the_user_database(
    tmp_path: Path, user_data: Path, capsys, route: str, option: str
) -> None:
    db = _saved_db(tmp_path, user_data)
    before = db.read_bytes()
    target = _routes(db, tmp_path)[route]
    args = [*BASE, "--force"]
    args += (
        ["--out", str(target)]
        if option == "--out"
        else ["--out", str(tmp_path / "p.pdf"), option, str(target)]
    )
    assert run_main(args) == 2
    assert "Calx's own files" in capsys.readouterr().err
    assert db.read_bytes() == before
    with UserDB.open(user_data) as userdb:
        assert len(userdb.list_plans()) == 1


@pytest.mark.parametrize("route", ["direct", "symlink", "hardlink"])
def test_never_writes_over_the_reference_database(
    tmp_path: Path, reference_db: Path, monkeypatch: pytest.MonkeyPatch, capsys, route: str
) -> None:
    import shutil

    copy = tmp_path / "ref" / "calx.sqlite"
    copy.parent.mkdir()
    shutil.copy(reference_db, copy)
    shutil.copy(f"{reference_db}.sha256", f"{copy}.sha256")
    monkeypatch.setenv("CALX_DB", str(copy))
    before = copy.read_bytes()
    target = _routes(copy, tmp_path)[route]
    assert run_main([*BASE, "--force", "--out", str(tmp_path / "p.pdf"), "--ics", str(target)]) == 2
    assert "Calx's own files" in capsys.readouterr().err
    assert copy.read_bytes() == before
    assert not (tmp_path / "p.pdf").exists()


@pytest.mark.parametrize("option", ["--out", "--clinician-copy", "--ics"])
def test_an_existing_file_is_replaced_only_with_force(tmp_path: Path, capsys, option: str) -> None:
    existing = tmp_path / "existing"
    existing.write_bytes(b"another patient's plan")
    args = [*BASE] + (
        ["--out", str(existing)]
        if option == "--out"
        else ["--out", str(tmp_path / "p.pdf"), option, str(existing)]
    )
    assert run_main(args) == 2
    assert "--force" in capsys.readouterr().err
    assert existing.read_bytes() == b"another patient's plan"
    assert not (tmp_path / "p.pdf").exists()
    assert run_main([*args, "--force"]) == 0
    assert existing.read_bytes() != b"another patient's plan"


def test_save_checks_the_user_database_before_writing_any_file(
    tmp_path: Path, user_data: Path, capsys
) -> None:
    user_data.parent.mkdir(parents=True, exist_ok=True)
    user_data.write_text("a file where the folder should be")
    out = tmp_path / "out"
    out.mkdir()
    assert (
        run_main([*BASE, "--out", str(out / "p.pdf"), "--ics", str(out / "p.ics"), "--save"]) == 2
    )
    err = capsys.readouterr().err
    assert "saved-plans database" in err and "Traceback" not in err
    assert list(out.iterdir()) == []


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="needs POSIX permissions that root ignores"
)
def test_save_with_a_read_only_home_writes_nothing(tmp_path: Path, user_data: Path) -> None:
    user_data.parent.mkdir(parents=True, exist_ok=True)
    os.chmod(user_data.parent, 0o500)
    try:
        assert run_main([*BASE, "--out", str(tmp_path.parent / "x.pdf"), "--save"]) == 2
    finally:
        os.chmod(user_data.parent, 0o700)


def test_save_with_a_locked_database_writes_nothing(
    tmp_path: Path, user_data: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    import sqlite3

    _saved_db(tmp_path, user_data)
    monkeypatch.setattr(sqlite3, "connect", _short_timeout(sqlite3.connect))
    holder = sqlite3.connect(user_data / USER_DB_NAME, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        out = tmp_path / "later.pdf"
        assert run_main([*BASE, "--patient", "Other", "--out", str(out), "--save"]) == 2
        assert not out.exists()
        assert "Traceback" not in capsys.readouterr().err
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def _short_timeout(connect):  # type: ignore[no-untyped-def]
    def wrapped(*args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs["timeout"] = 0.2
        return connect(*args, **kwargs)

    return wrapped


def test_save_with_a_read_only_home_is_a_message_and_writes_nothing(
    tmp_path: Path, user_data: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    """Root ignores permissions, so the read-only file system is simulated where the folder is
    made: the error a read-only home gives (EROFS)."""
    import desktop.paths as paths

    def read_only(path: object, mode: int = 0o777) -> None:
        raise OSError(30, "Read-only file system", str(path))

    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(paths.os, "mkdir", read_only)
    assert (
        run_main([*BASE, "--out", str(out / "p.pdf"), "--ics", str(out / "p.ics"), "--save"]) == 2
    )
    err = capsys.readouterr().err
    assert "Read-only file system" in err and "Traceback" not in err
    assert list(out.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="FIFOs are POSIX")
def test_never_replaces_a_device_or_a_pipe_even_with_force(tmp_path: Path, capsys) -> None:
    """A FIFO stands for /dev/null and other special files (never tried on the real one: a
    regression would replace it for the whole machine)."""
    import stat

    target = tmp_path / "pipe.pdf"
    os.mkfifo(target)
    assert run_main([*BASE, "--force", "--out", str(target)]) == 2
    assert "not a regular file" in capsys.readouterr().err
    assert not stat.S_ISREG(os.stat(target).st_mode)
