"""The user database at rest: checked at every open, sealed with a key kept outside it, verified
incrementally, set aside (never written into) when damaged, created safely by two processes."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from desktop.core.errors import CalxError
from desktop.data import userdb
from desktop.data.userdb import PlanRecord, UserDB
from desktop.paths import USER_DB_NAME, USER_KEY_NAME

ROOT = Path(__file__).resolve().parents[2]
AT = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)


def record(i: int, name: str = "Zoë Martin") -> PlanRecord:
    return PlanRecord(
        f"plan-{i:04d}",
        f"{name} {i}",
        date(2025, 3, 1),
        "en",
        ("r",),
        "2026.11.0",
        "ab" * 32,
        {"i": i},
    )


def _fill(folder: Path, plans: int = 3, entries: int = 3) -> None:
    with UserDB.open(folder) as db:
        for i in range(plans):
            db.save_plan(record(i), saved_at=AT)
        for i in range(entries):
            db.record_output(
                f"plan-{i % max(plans, 1):04d}", "2026.11.0", "exported_pdf", b"pdf %d" % i, at=AT
            )


def _sql(folder: Path, *statements: str) -> None:
    conn = sqlite3.connect(folder / USER_DB_NAME, isolation_level=None)
    for statement in statements:
        conn.execute(statement)
    conn.close()


def _refused(folder: Path) -> CalxError:
    with pytest.raises(CalxError) as err:
        UserDB.open(folder)
    return err.value


def test_the_key_lives_outside_the_database_readable_only_by_its_owner(tmp_path: Path) -> None:
    _fill(tmp_path)
    key = tmp_path / USER_KEY_NAME
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    secret = key.read_text().strip()
    assert len(bytes.fromhex(secret)) == 32
    assert secret.encode() not in (tmp_path / USER_DB_NAME).read_bytes()


def test_a_chain_rewritten_without_the_key_does_not_verify(tmp_path: Path) -> None:
    """An attacker with a SQLite client rewrites an entry and recomputes every hash after it the
    old (unkeyed) way: the next open refuses the file and sets it aside."""
    _fill(tmp_path, entries=4)
    conn = sqlite3.connect(tmp_path / USER_DB_NAME, isolation_level=None)
    conn.execute("DROP TRIGGER output_log_no_update")
    rows = conn.execute(
        "SELECT idx, at, plan_id, content_version, action, output_sha256 "
        "FROM output_log ORDER BY idx"
    ).fetchall()
    prev = userdb.GENESIS_HASH
    for idx, at, plan_id, version, action, output in rows:
        action = "printed" if idx == 1 else action
        entry = userdb._entry_hash(idx, at, plan_id, version, action, output, prev)
        conn.execute(
            "UPDATE output_log SET action = ?, prev_hash = ?, entry_hash = ? WHERE idx = ?",
            (action, prev, entry, idx),
        )
        prev = entry
    conn.close()
    before = (tmp_path / USER_DB_NAME).read_bytes()
    err = _refused(tmp_path)
    assert err.code == "user_db_damaged" and "broken at entry" in err.params["detail"]
    assert Path(err.params["aside"]).read_bytes() == before
    with UserDB.open(tmp_path) as fresh:  # a new, empty database takes its place
        assert fresh.list_plans() == [] and fresh.verify_log() == (True, None)


def test_a_log_made_shorter_is_noticed(tmp_path: Path) -> None:
    _fill(tmp_path, entries=5)
    _sql(tmp_path, "DROP TRIGGER output_log_no_delete", "DELETE FROM output_log WHERE idx >= 3")
    assert _refused(tmp_path).code == "user_db_damaged"


def test_every_column_of_a_plan_is_sealed(tmp_path: Path) -> None:
    _fill(tmp_path)
    _sql(tmp_path, "UPDATE plans SET patient_name = 'Someone Else' WHERE plan_id = 'plan-0001'")
    with UserDB.open(tmp_path) as db:
        listed = {p.plan_id: p for p in db.list_plans()}
        assert listed["plan-0001"].damaged and not listed["plan-0000"].damaged
        with pytest.raises(CalxError) as err:
            db.load_plan("plan-0001")
        assert err.value.code == "saved_plan_damaged"
        assert db.load_plan("plan-0000").record.patient_name == "Zoë Martin 0"


def test_a_column_added_later_is_sealed_too(tmp_path: Path) -> None:
    """Another change may add a column (pregnancy, record number…): the seal covers it."""
    _fill(tmp_path, plans=1, entries=0)
    _sql(tmp_path, "ALTER TABLE plans ADD COLUMN ward TEXT")
    with UserDB.open(tmp_path) as db:
        db.save_plan(record(7), saved_at=AT)
        assert not db.list_plans()[0].damaged
    _sql(tmp_path, "UPDATE plans SET ward = 'X-1' WHERE plan_id = 'plan-0007'")
    with UserDB.open(tmp_path) as db:
        assert {p.plan_id: p.damaged for p in db.list_plans()}["plan-0007"] is True


def test_resaving_a_damaged_copy_replaces_it(tmp_path: Path) -> None:
    _fill(tmp_path)
    _sql(tmp_path, "UPDATE plans SET document = '{\"i\": 99}' WHERE plan_id = 'plan-0002'")
    with UserDB.open(tmp_path) as db:
        with pytest.raises(CalxError):
            db.load_plan("plan-0002")
        assert db.save_plan(record(2), saved_at=AT) == "plan-0002"
        assert db.load_plan("plan-0002").record.document == {"i": 2}


def test_a_damaged_file_is_set_aside_and_never_written(tmp_path: Path) -> None:
    _fill(tmp_path)
    path = tmp_path / USER_DB_NAME
    data = bytearray(path.read_bytes())
    data[4096 + 10 : 4096 + 200] = b"\x00" * 190  # a b-tree page wrecked
    path.write_bytes(bytes(data))
    err = _refused(tmp_path)
    assert err.code == "user_db_damaged"
    assert Path(err.params["aside"]).read_bytes() == bytes(data)
    assert "moved aside" in __import__("desktop.core.messages", fromlist=["render"]).render(
        __import__("desktop.core.errors", fromlist=["Issue"]).Issue(err.code, err.params)
    )


def test_a_missing_key_with_sealed_rows_is_damage(tmp_path: Path) -> None:
    _fill(tmp_path)
    (tmp_path / USER_KEY_NAME).unlink()
    err = _refused(tmp_path)
    assert err.code == "user_db_damaged" and USER_KEY_NAME in err.params["detail"]


def test_the_log_is_verified_from_the_last_verified_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with UserDB.open(tmp_path) as db:
        rows = []
        prev = userdb.GENESIS_HASH
        columns = [c[1] for c in db._conn.execute("PRAGMA table_info(output_log)")]
        for i in range(10_000):
            row = dict.fromkeys(columns)
            row.update(
                idx=i,
                at=AT.isoformat(),
                plan_id="p",
                content_version="v",
                action="printed",
                output_sha256="0" * 64,
                prev_hash=prev,
            )
            row["entry_hash"] = prev = userdb._log_mac(db._key, row)
            rows.append([row[c] for c in columns])
        db._conn.execute("BEGIN")
        db._conn.executemany(
            f"INSERT INTO output_log VALUES ({', '.join('?' * len(columns))})", rows
        )
        db._conn.execute("COMMIT")
        assert db.verify_log() == (True, None)
    calls = {"n": 0}
    real = userdb._log_mac

    def counting(key: bytes, row: object) -> str:
        calls["n"] += 1
        return real(key, row)  # type: ignore[arg-type]

    monkeypatch.setattr(userdb, "_log_mac", counting)
    UserDB.open(tmp_path).close()  # the first open verifies all 10,000
    assert calls["n"] == 10_000
    calls["n"] = 0
    with UserDB.open(tmp_path) as db:  # the next ones only what is new
        assert calls["n"] == 0
        db.record_output("p", "v", "printed", b"x", at=AT)
    calls["n"] = 0
    UserDB.open(tmp_path).close()
    assert calls["n"] == 0


CREATOR = r"""
import sys, time
from desktop.data.userdb import UserDB
start = float(sys.argv[2])
while time.time() < start:
    pass
with UserDB.open(sys.argv[1]) as db:
    db.list_plans()
print("ok")
"""


def test_two_processes_creating_the_database_at_once_both_succeed(tmp_path: Path) -> None:
    import time

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for trial in range(4):
        folder = tmp_path / f"trial-{trial}"
        start = time.time() + 1.5
        children = [
            subprocess.Popen(
                [sys.executable, "-c", CREATOR, str(folder), str(start)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
                cwd=ROOT,
            )
            for _ in range(3)
        ]
        for child in children:
            out, err = child.communicate(timeout=60)
            assert child.returncode == 0 and out.strip() == "ok", err


def test_a_database_from_before_the_seals_is_migrated_without_loss(tmp_path: Path) -> None:
    """A user database written by the previous version (unkeyed chain, no seals) opens, keeps its
    plans and log, and is sealed from then on."""
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    path = tmp_path / USER_DB_NAME
    conn = sqlite3.connect(path, isolation_level=None)
    old = Migrations("calx-user")
    old(name="m001_plans_and_log")(userdb.m001_plans_and_log)
    old.apply(Database(conn))
    document = userdb.canonical_json({"i": 1})
    conn.execute(
        "INSERT INTO plans VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            "plan-1",
            AT.isoformat(),
            "Zoë",
            "2025-03-01",
            "en",
            '["r"]',
            "2026.11.0",
            "ab" * 32,
            document,
            hashlib.sha256(document.encode()).hexdigest(),
        ),
    )
    prev = userdb.GENESIS_HASH
    for i in range(3):
        entry = userdb._entry_hash(
            i, AT.isoformat(), "plan-1", "2026.11.0", "printed", "0" * 64, prev
        )
        conn.execute(
            "INSERT INTO output_log VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (i, AT.isoformat(), "plan-1", "2026.11.0", "printed", "0" * 64, prev, entry),
        )
        prev = entry
    conn.close()
    with UserDB.open(tmp_path) as db:
        assert db.load_plan("plan-1").record.patient_name == "Zoë"
        assert len(db.log_entries()) == 3 and db.verify_log() == (True, None)
        assert db.log_head() != prev  # re-chained with the key
    _sql(tmp_path, "UPDATE plans SET patient_name = 'X'")
    with UserDB.open(tmp_path) as db:
        assert db.list_plans()[0].damaged


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE output_log SET entry_hash = 'é' || substr(entry_hash, 2) WHERE idx = 2",
        "UPDATE output_log SET entry_hash = '' WHERE idx = 2",
        "UPDATE output_log SET prev_hash = 42 WHERE idx = 1",
        "UPDATE output_log SET at = x'ff00' WHERE idx = 0",
    ],
)
def test_strange_values_in_the_log_are_damage_not_a_crash(tmp_path: Path, statement: str) -> None:
    _fill(tmp_path, entries=4)
    (tmp_path / f"{USER_DB_NAME}{userdb.CHECKPOINT_SUFFIX}").unlink()  # verified from the start
    _sql(tmp_path, "DROP TRIGGER output_log_no_update", statement)
    assert _refused(tmp_path).code == "user_db_damaged"


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE plans SET record_mac = 'é' WHERE plan_id = 'plan-0001'",
        "UPDATE plans SET patient_name = x'ff00' WHERE plan_id = 'plan-0001'",
        "UPDATE plans SET prepared_on = 'not a date' WHERE plan_id = 'plan-0001'",
        "UPDATE plans SET regimen_ids = '{' WHERE plan_id = 'plan-0001'",
    ],
)
def test_strange_values_in_a_plan_row_mark_that_row_only(tmp_path: Path, statement: str) -> None:
    _fill(tmp_path)
    _sql(tmp_path, statement)
    with UserDB.open(tmp_path) as db:
        damaged = {p.plan_id: p.damaged for p in db.list_plans()}
        assert damaged == {"plan-0000": False, "plan-0001": True, "plan-0002": False}
        with pytest.raises(CalxError):
            db.load_plan("plan-0001")


def test_resaving_over_a_row_holding_a_blob_replaces_it(tmp_path: Path) -> None:
    _fill(tmp_path)
    _sql(tmp_path, "UPDATE plans SET patient_name = x'ff00' WHERE plan_id = 'plan-0001'")
    with UserDB.open(tmp_path) as db:
        db.save_plan(record(1), saved_at=AT)
        assert db.load_plan("plan-0001").record.patient_name == "Zoë Martin 1"
