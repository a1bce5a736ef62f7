"""The user database: saved plans, the hash-chained output log, permissions, crash safety."""

from __future__ import annotations

import itertools
import os
import random
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from desktop.core.errors import CalxError
from desktop.data.userdb import (
    GENESIS_HASH,
    USER_DB_NAME,
    PlanRecord,
    UserDB,
    canonical_json,
    sha256_hex,
    user_data_folder,
)

ROOT = Path(__file__).resolve().parents[2]
AT = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)


def record(i: int, payload: str = "") -> PlanRecord:
    return PlanRecord(
        plan_id=f"plan-{i:04d}",
        patient_name=f"Zoë <b>& O'Brien {i}",
        prepared_on=date(2025, 3, 1),
        lang="fr" if i % 2 else "en",
        regimen_ids=("rituximab-375-weekly", "bisphosphonates"),
        content_version="2026.11.0",
        content_hash="ab" * 32,
        document={"i": i, "dose_mg": 670.0 + i / 7, "dates": ["2025-03-03"], "payload": payload},
    )


@pytest.fixture
def db(tmp_path: Path) -> UserDB:
    userdb = UserDB.open(tmp_path / "calx")
    yield userdb
    userdb.close()


# --------------------------------------------------------------------------- plans


def test_save_load_list_round_trip(db: UserDB) -> None:
    for i in range(3):
        assert db.save_plan(record(i), saved_at=AT + timedelta(minutes=i)) == f"plan-{i:04d}"
    saved = db.load_plan("plan-0001")
    assert saved.record == record(1)
    assert saved.saved_at == AT + timedelta(minutes=1)
    assert saved.document_sha256 == sha256_hex(canonical_json(record(1).document))
    listed = db.list_plans()
    assert [p.plan_id for p in listed] == ["plan-0002", "plan-0001", "plan-0000"]  # newest first
    assert listed[0].patient_name == "Zoë <b>& O'Brien 2"
    assert listed[0].regimen_ids == ("rituximab-375-weekly", "bisphosphonates")


def test_saving_the_same_plan_again_keeps_the_first_copy(db: UserDB) -> None:
    db.save_plan(record(1), saved_at=AT)
    db.save_plan(record(1), saved_at=AT + timedelta(days=1))
    assert len(db.list_plans()) == 1
    assert db.load_plan("plan-0001").saved_at == AT


def test_unknown_and_damaged_plans_are_refused(db: UserDB) -> None:
    with pytest.raises(CalxError) as err:
        db.load_plan("plan-9999")
    assert err.value.code == "saved_plan_not_found"
    db.save_plan(record(1), saved_at=AT)
    db._conn.execute("UPDATE plans SET document = replace(document, '670', '6700')")
    with pytest.raises(CalxError) as err:
        db.load_plan("plan-0001")
    assert err.value.code == "saved_plan_damaged"


def test_a_document_that_is_not_json_is_refused_and_nothing_is_saved(db: UserDB) -> None:
    bad = PlanRecord("plan-x", "X", date(2025, 3, 1), "en", (), "v", "h", {"nan": float("nan")})
    with pytest.raises(CalxError) as err:
        db.save_plan(bad)
    assert err.value.code == "plan_not_serialisable"
    assert db.list_plans() == []


# --------------------------------------------------------------------------- the output log


def _log(db: UserDB, n: int) -> None:
    for i in range(n):
        db.record_output(
            f"plan-{i:04d}",
            "2026.11.0",
            "exported_pdf",
            b"%PDF-" + bytes([i]),
            at=AT + timedelta(seconds=i),
        )


def test_log_entries_are_chained(db: UserDB) -> None:
    assert db.verify_log() == (True, None)
    assert db.log_head() == GENESIS_HASH
    _log(db, 4)
    entries = db.log_entries()
    assert [e.index for e in entries] == [0, 1, 2, 3]
    assert entries[0].prev_hash == GENESIS_HASH
    assert all(b.prev_hash == a.entry_hash for a, b in itertools.pairwise(entries))
    assert entries[2].output_sha256 == sha256_hex(b"%PDF-\x02")
    assert entries[1].at == AT + timedelta(seconds=1)
    assert db.verify_log() == (True, None)
    assert db.log_head() == entries[-1].entry_hash


def test_the_log_refuses_updates_and_deletes(db: UserDB) -> None:
    _log(db, 2)
    for sql in ("UPDATE output_log SET action = 'printed'", "DELETE FROM output_log"):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            db._conn.execute(sql)
    assert db.verify_log() == (True, None)


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("action", "printed"),
        ("plan_id", "plan-9999"),
        ("content_version", "2027.1.0"),
        ("output_sha256", "0" * 64),
        ("at", "2025-03-01T09:30:09+00:00"),
    ],
)
def test_tampering_with_a_log_row_is_detected(db: UserDB, column: str, value: str) -> None:
    _log(db, 5)
    db._conn.execute("DROP TRIGGER output_log_no_update")  # a tamperer with a SQLite client
    db._conn.execute(f"UPDATE output_log SET {column} = ? WHERE idx = 2", (value,))
    assert db.verify_log() == (False, 2)


def test_deleting_or_forging_a_row_is_detected(db: UserDB) -> None:
    _log(db, 5)
    db._conn.execute("DROP TRIGGER output_log_no_delete")
    db._conn.execute("DELETE FROM output_log WHERE idx = 1")
    assert db.verify_log() == (False, 1)


def test_rewriting_a_row_and_its_own_hash_without_the_key_is_detected(db: UserDB) -> None:
    from desktop.data.userdb import _entry_hash

    _log(db, 5)
    e = db.log_entries()[2]
    forged = _entry_hash(
        2, e.at.isoformat(), e.plan_id, e.content_version, "printed", e.output_sha256, e.prev_hash
    )  # the old, unkeyed hash: computable
    db._conn.execute("DROP TRIGGER output_log_no_update")
    db._conn.execute(
        "UPDATE output_log SET action = 'printed', entry_hash = ? WHERE idx = 2", (forged,)
    )
    assert db.verify_log() == (False, 2)


def test_rewriting_a_row_and_its_own_hash_with_the_key_breaks_the_next_link(db: UserDB) -> None:
    from desktop.data.userdb import _log_mac

    _log(db, 5)
    row = dict(
        zip(
            [c[1] for c in db._conn.execute("PRAGMA table_info(output_log)")],
            db._conn.execute("SELECT * FROM output_log WHERE idx = 2").fetchone(),
            strict=True,
        )
    )
    row["action"] = "printed"
    db._conn.execute("DROP TRIGGER output_log_no_update")
    db._conn.execute(
        "UPDATE output_log SET action = 'printed', entry_hash = ? WHERE idx = 2",
        (_log_mac(db._key, row),),
    )
    assert db.verify_log() == (False, 3)


def test_log_refuses_unknown_actions_and_reads_naive_times_as_utc(db: UserDB) -> None:
    with pytest.raises(CalxError) as err:
        db.record_output("p", "v", "emailed", b"x", at=AT)
    assert err.value.code == "log_action_unknown"
    entry = db.record_output("p", "v", "printed", b"x", at=datetime(2025, 3, 1, 9, 30))
    assert entry.at == AT
    assert db.verify_log() == (True, None)


# --------------------------------------------------------------------------- the file


def test_folder_and_files_are_readable_only_by_their_owner(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "Calx"
    with UserDB.open(folder) as userdb:
        userdb.save_plan(record(1), saved_at=AT)  # creates the -wal and -shm files
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        for path in folder.iterdir():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
        assert (folder / f"{USER_DB_NAME}-wal").exists()


def test_existing_loose_permissions_are_tightened(tmp_path: Path) -> None:
    folder = tmp_path / "Calx"
    folder.mkdir(mode=0o755)
    (folder / USER_DB_NAME).touch(mode=0o644)
    os.chmod(folder / USER_DB_NAME, 0o644)
    UserDB.open(folder).close()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / USER_DB_NAME).stat().st_mode) == 0o600


def test_journal_is_wal_with_full_sync(db: UserDB) -> None:
    assert db._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_migrations_run_once(tmp_path: Path) -> None:
    UserDB.open(tmp_path).close()
    with UserDB.open(tmp_path) as userdb:
        applied = userdb._conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = 'calx-user'"
        ).fetchall()
    assert applied == [("m001_plans_and_log",), ("m002_plan_identifiers",), ("m003_keyed_seals",)]


def test_a_database_from_before_the_identifiers_opens_and_keeps_its_plans(tmp_path: Path) -> None:
    """m002 is additive: a plan saved under m001 only reopens, with no identifier."""
    import sqlite3

    from sqlite_utils import Database

    from desktop.data.userdb import m001_plans_and_log

    path = tmp_path / USER_DB_NAME
    conn = sqlite3.connect(path)
    m001_plans_and_log(Database(conn))
    document = '{"a":1}'
    conn.execute(
        "INSERT INTO plans VALUES (?,?,?,?,?,?,?,?,?,?)",
        (
            "plan-old",
            "2025-03-01T00:00:00+00:00",
            "Zoë",
            "2025-03-01",
            "en",
            '["x"]',
            "2026.11.0",
            "ab" * 32,
            document,
            sha256_hex(document),
        ),
    )
    conn.execute(
        "CREATE TABLE _sqlite_migrations (migration_set TEXT, name TEXT, "
        "applied_at TEXT, PRIMARY KEY (migration_set, name))"
    )
    conn.execute("INSERT INTO _sqlite_migrations VALUES ('calx-user', 'm001_plans_and_log', '')")
    conn.commit()
    conn.close()
    with UserDB.open(tmp_path) as userdb:
        (summary,) = userdb.list_plans()
        assert (summary.plan_id, summary.birth_date, summary.record_number) == (
            "plan-old",
            None,
            "",
        )
        assert userdb.load_plan("plan-old").record.document == {"a": 1}


def test_the_identifiers_are_stored_beside_the_name(db: UserDB) -> None:
    from dataclasses import replace

    saved = replace(record(1), birth_date=date(1961, 4, 23), record_number="MRN-0042")
    db.save_plan(saved, saved_at=AT)
    (summary,) = db.list_plans()
    assert (summary.birth_date, summary.record_number) == (date(1961, 4, 23), "MRN-0042")
    loaded = db.load_plan(saved.plan_id).record
    assert (loaded.birth_date, loaded.record_number) == (date(1961, 4, 23), "MRN-0042")


def test_folder_comes_from_the_environment_or_the_platform(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CALX_USER_DATA", str(tmp_path / "override"))
    assert user_data_folder() == tmp_path / "override"
    monkeypatch.delenv("CALX_USER_DATA")
    from platformdirs import user_data_dir

    assert user_data_folder() == Path(user_data_dir("Calx", appauthor=False))


def test_a_file_that_is_not_a_database_is_set_aside(tmp_path: Path) -> None:
    garbage = b"this is not sqlite" * 100
    (tmp_path / USER_DB_NAME).write_bytes(garbage)
    with pytest.raises(CalxError) as err:
        UserDB.open(tmp_path)
    assert err.value.code == "user_db_damaged"
    assert Path(err.value.params["aside"]).read_bytes() == garbage  # kept, untouched
    assert not (tmp_path / USER_DB_NAME).exists()


# --------------------------------------------------------------------------- crash safety

WRITER = r"""
import os
import sys
from datetime import date, datetime, timezone
from desktop.data.userdb import PlanRecord, UserDB

folder, first = sys.argv[1], int(sys.argv[2])
at = datetime(2025, 3, 1, tzinfo=timezone.utc)
db = UserDB.open(folder)
os.write(1, b"ready\n")      # one write() per line: a kill never leaves half a line
i = first
while True:
    payload = ("%06d" % i) * 40_000          # 240 kB: a save takes long enough to be interrupted
    db.save_plan(PlanRecord("plan-%06d" % i, "Patient %d" % i, date(2025, 3, 1), "en", ("r",),
                            "2026.11.0", "h", {"i": i, "payload": payload}), saved_at=at)
    os.write(1, b"saved %d\n" % i)
    db.record_output("plan-%06d" % i, "2026.11.0", "exported_pdf", b"pdf %d" % i, at=at)
    os.write(1, b"logged %d\n" % i)
    i += 1
"""


def test_killing_a_save_never_loses_or_corrupts_earlier_plans(tmp_path: Path) -> None:
    folder = tmp_path / "calx"
    rng = random.Random(20250301)
    confirmed: set[int] = set()
    logged = 0
    next_id = 0
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _round in range(20):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(folder), str(next_id)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.25))  # somewhere in the middle of saving
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL
        for line in out.splitlines():
            word, number = line.split()
            if word == "saved":
                confirmed.add(int(number))
            else:
                logged += 1
        next_id = max(confirmed, default=next_id - 1) + 1

        with UserDB.open(folder) as userdb:
            assert userdb._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            for i in confirmed:  # every plan saved so far, intact
                saved = userdb.load_plan(f"plan-{i:06d}")
                assert saved.record.document["i"] == i
                assert saved.record.document["payload"] == f"{i:06d}" * 40_000
            assert userdb.verify_log() == (True, None)
            assert len(userdb.log_entries()) >= logged
    assert len(confirmed) >= 20, "the writer was killed before it could save anything"


def test_folders_are_created_private_whatever_the_umask(tmp_path: Path) -> None:
    import os
    import stat

    from desktop.data.userdb import UserDB

    old = os.umask(0)
    try:
        folder = tmp_path / "a" / "b" / "c"
        UserDB.open(folder).close()
    finally:
        os.umask(old)
    for part in (tmp_path / "a", tmp_path / "a" / "b", folder):
        assert stat.S_IMODE(os.stat(part).st_mode) == 0o700, part


def test_deleting_a_plan_is_recorded_in_the_chained_log(tmp_path) -> None:
    from datetime import UTC, datetime

    from desktop.core.errors import CalxError
    from desktop.data.userdb import PlanRecord, UserDB, canonical_json, sha256_hex

    record = PlanRecord(
        plan_id="plan-1",
        patient_name="A",
        prepared_on=datetime(2025, 3, 1).date(),
        lang="en",
        regimen_ids=("r",),
        content_version="1",
        content_hash="h",
        document={"x": 1},
    )
    with UserDB.open(tmp_path) as db:
        db.save_plan(record)
        at = datetime(2025, 3, 2, tzinfo=UTC)
        entry = db.delete_plan("plan-1", at)
        assert db.list_plans() == []
        assert (entry.action, entry.plan_id) == ("deleted", "plan-1")
        assert entry.output_sha256 == sha256_hex(canonical_json({"x": 1}))
        assert db.verify_log() == (True, None)
        with pytest.raises(CalxError) as err:
            db.delete_plan("plan-1", at)
        assert err.value.code == "saved_plan_not_found"
