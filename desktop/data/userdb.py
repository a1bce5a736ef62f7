"""The user database: saved treatment plans and the log of printed or exported plans.

It is separate from the read-only reference database and lives in the platform's user data folder
(``platformdirs.user_data_dir("Calx")``; ``CALX_USER_DATA`` overrides it for tests). The folder is
created 0700 and the file 0600: plans carry patients' names.

- A saved plan is the canonical JSON of its inputs *and* its computed results (doses, schedules, the
  statements printed) with the content version and hash it used, so it reopens and reprints exactly
  as it was after the content changes. Its sha256 is stored beside it and checked on load.
- Saving is one SQLite transaction, in WAL mode with ``synchronous=FULL``: a crash or kill during a
  save loses at most that save and never corrupts earlier plans.
- The output log is append-only (triggers refuse UPDATE and DELETE) and hash-chained: each entry
  stores the previous entry's hash and its own, computed over its fields. ``verify_log`` finds the
  first entry that was altered, inserted, reordered or removed (except the very last ones: a chain
  cannot prove its own tail; the hash of the head can be shown to the user for that).

Schema changes are ``sqlite_utils.Migrations``: each one runs once, in a transaction.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from desktop.core.errors import CalxError

if TYPE_CHECKING:  # sqlite-utils costs ~40 ms to import: paid when a database is opened
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

APP_NAME = "Calx"
FILE_NAME = "calx-user.sqlite"
ENV_FOLDER = "CALX_USER_DATA"
GENESIS_HASH = "0" * 64

# What an output-log entry may record.
LOG_ACTIONS: tuple[str, ...] = (
    "printed",                 # sent to a printer
    "exported_pdf",            # the patient plan saved as a PDF file
    "exported_clinician_pdf",  # the clinician copy saved as a PDF file
    "exported_ics",            # the calendar saved as an .ics file
    "override",                # a contraindication printed anyway: the hash is of the reason
)


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class PlanRecord:
    """What is stored for one plan: identity, a few columns to list it by, and the whole document
    (inputs and computed results) as JSON-ready data. ``desktop.reports.model`` makes it from a
    ``PlanDocument`` and turns it back into one."""

    plan_id: str
    patient_name: str
    prepared_on: date
    lang: str
    regimen_ids: tuple[str, ...]
    content_version: str
    content_hash: str
    document: Mapping[str, Any]
    # The second patient identifier, as a column to find a plan by (also inside the document).
    birth_date: date | None = None
    record_number: str = ""


class SavablePlan(Protocol):
    def to_record(self) -> PlanRecord: ...


@dataclass(frozen=True)
class SavedPlan:
    record: PlanRecord
    saved_at: datetime
    document_sha256: str


@dataclass(frozen=True)
class PlanSummary:
    """One line of the saved-plans list."""

    plan_id: str
    patient_name: str
    prepared_on: date
    saved_at: datetime
    lang: str
    regimen_ids: tuple[str, ...]
    content_version: str
    birth_date: date | None = None
    record_number: str = ""


@dataclass(frozen=True)
class LogEntry:
    index: int
    at: datetime
    plan_id: str
    content_version: str
    action: str
    output_sha256: str
    prev_hash: str
    entry_hash: str


def canonical_json(document: Any) -> str:
    """One spelling per document: sorted keys, no spaces, UTF-8 text, no NaN (refused)."""
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False)


def sha256_hex(data: bytes | str) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def _entry_hash(index: int, at: str, plan_id: str, content_version: str, action: str,
                output_sha256: str, prev_hash: str) -> str:
    return sha256_hex(canonical_json({
        "index": index, "at": at, "plan_id": plan_id, "content_version": content_version,
        "action": action, "output_sha256": output_sha256, "prev_hash": prev_hash,
    }))


def _iso(moment: datetime) -> str:
    if not isinstance(moment, datetime):
        raise CalxError("log_time_invalid", field="at", value=str(moment))
    if moment.tzinfo is None:  # a naive time is taken as UTC, never as the machine's local time
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat()


# --------------------------------------------------------------------------- schema

def m001_plans_and_log(db: Database) -> None:
    db.execute("""
        CREATE TABLE plans (
            plan_id TEXT PRIMARY KEY,
            saved_at TEXT NOT NULL,
            patient_name TEXT NOT NULL,
            prepared_on TEXT NOT NULL,
            lang TEXT NOT NULL,
            regimen_ids TEXT NOT NULL,
            content_version TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            document TEXT NOT NULL,
            document_sha256 TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX plans_saved_at ON plans(saved_at)")
    db.execute("""
        CREATE TABLE output_log (
            idx INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            plan_id TEXT NOT NULL,
            content_version TEXT NOT NULL,
            action TEXT NOT NULL,
            output_sha256 TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            entry_hash TEXT NOT NULL
        )""")
    # Append-only through this API and any honest SQL client; the hash chain catches the rest.
    db.execute("""CREATE TRIGGER output_log_no_update BEFORE UPDATE ON output_log
                  BEGIN SELECT RAISE(ABORT, 'the output log is append-only'); END""")
    db.execute("""CREATE TRIGGER output_log_no_delete BEFORE DELETE ON output_log
                  BEGIN SELECT RAISE(ABORT, 'the output log is append-only'); END""")


def m002_plan_identifiers(db: Database) -> None:
    """The second patient identifier (date of birth, record number) beside the name. Additive:
    plans saved before it have neither ("")."""
    db.execute("ALTER TABLE plans ADD COLUMN birth_date TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE plans ADD COLUMN record_number TEXT NOT NULL DEFAULT ''")


# Every schema change, in order: append new ones, never edit or reorder applied ones.
MIGRATION_STEPS = (m001_plans_and_log, m002_plan_identifiers)


def migrations() -> Migrations:
    """The migration set of the user database (``sqlite_utils.Migrations``)."""
    from sqlite_utils.migrations import Migrations

    steps = Migrations("calx-user")
    for step in MIGRATION_STEPS:
        steps(name=step.__name__)(step)
    return steps


# --------------------------------------------------------------------------- the database


def user_data_folder() -> Path:
    """``CALX_USER_DATA`` if set, else the platform's user data folder for Calx."""
    override = os.environ.get(ENV_FOLDER)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def _private_folder(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(folder, 0o700)


def _private_file(path: Path) -> None:
    # Created 0600 before SQLite opens it; SQLite gives its -wal and -shm files the same mode.
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    os.close(fd)
    if stat.S_IMODE(os.stat(path).st_mode) != 0o600:
        os.chmod(path, 0o600)


class UserDB:
    """Saved plans and the output log. Open with ``UserDB.open()``; close when done (or use it as a
    context manager). One connection per instance; not shared between threads."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self._conn = conn

    @classmethod
    def open(cls, folder: Path | str | None = None) -> UserDB:
        folder = Path(folder) if folder is not None else user_data_folder()
        _private_folder(folder)
        path = folder / FILE_NAME
        _private_file(path)
        # isolation_level=None: no hidden transactions; every write below says BEGIN and COMMIT.
        conn = sqlite3.connect(path, isolation_level=None, timeout=10)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            from sqlite_utils import Database

            migrations().apply(Database(conn))
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise CalxError("user_db_unreadable", path=str(path), detail=str(exc)) from None
        for suffix in ("-wal", "-shm"):
            extra = Path(f"{path}{suffix}")
            if extra.exists():
                os.chmod(extra, 0o600)
        return cls(path, conn)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> UserDB:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken at once (IMMEDIATE) so two writers never interleave."""
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
            self._conn.execute("COMMIT")
        except BaseException:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise

    # ------------------------------------------------------------------- plans

    def save_plan(self, plan: SavablePlan | PlanRecord, saved_at: datetime | None = None) -> str:
        """Store the plan in one transaction and return its id. Saving the same plan again (same
        id: same inputs, results and content) keeps the first copy and returns the same id."""
        record = plan if isinstance(plan, PlanRecord) else plan.to_record()
        try:
            document = canonical_json(record.document)
        except (TypeError, ValueError) as exc:
            raise CalxError("plan_not_serialisable", detail=str(exc)) from None
        when = _iso(saved_at or datetime.now(UTC))
        with self._write() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO plans (plan_id, saved_at, patient_name, prepared_on, lang, "
                "regimen_ids, content_version, content_hash, document, document_sha256, "
                "birth_date, record_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (record.plan_id, when, record.patient_name, record.prepared_on.isoformat(),
                 record.lang, canonical_json(list(record.regimen_ids)), record.content_version,
                 record.content_hash, document, sha256_hex(document),
                 record.birth_date.isoformat() if record.birth_date else "",
                 record.record_number))
        return record.plan_id

    def load_plan(self, plan_id: str) -> SavedPlan:
        """The plan as it was saved. Raises ``saved_plan_not_found`` or, if its stored hash no
        longer matches, ``saved_plan_damaged`` (never returns altered content silently)."""
        row = self._conn.execute(
            "SELECT plan_id, saved_at, patient_name, prepared_on, lang, regimen_ids, "
            "content_version, content_hash, document, document_sha256, birth_date, record_number "
            "FROM plans WHERE plan_id = ?", (plan_id,)).fetchone()
        if row is None:
            raise CalxError("saved_plan_not_found", plan_id=plan_id)
        (pid, saved_at, name, prepared_on, lang, regimen_ids, version, content_hash, document,
         digest, birth_date, record_number) = row
        if sha256_hex(document) != digest:
            raise CalxError("saved_plan_damaged", plan_id=plan_id)
        record = PlanRecord(
            plan_id=pid, patient_name=name, prepared_on=date.fromisoformat(prepared_on),
            lang=lang, regimen_ids=tuple(json.loads(regimen_ids)), content_version=version,
            content_hash=content_hash, document=json.loads(document),
            birth_date=_optional_date(birth_date), record_number=record_number)
        return SavedPlan(record, datetime.fromisoformat(saved_at), digest)

    def list_plans(self) -> list[PlanSummary]:
        """Saved plans, most recently saved first."""
        rows = self._conn.execute(
            "SELECT plan_id, patient_name, prepared_on, saved_at, lang, regimen_ids, "
            "content_version, birth_date, record_number FROM plans "
            "ORDER BY saved_at DESC, plan_id").fetchall()
        return [PlanSummary(pid, name, date.fromisoformat(prep), datetime.fromisoformat(saved),
                            lang, tuple(json.loads(regs)), version, _optional_date(born), record)
                for pid, name, prep, saved, lang, regs, version, born, record in rows]

    # ------------------------------------------------------------------- output log

    def record_output(self, plan_id: str, content_version: str, action: str, output: bytes,
                      at: datetime) -> LogEntry:
        """Append "this plan was printed or exported" to the log, with the sha256 of what was
        produced. ``at`` is passed in (the caller's clock), never read here."""
        if action not in LOG_ACTIONS:
            raise CalxError("log_action_unknown", field="action", action=action,
                            allowed=", ".join(LOG_ACTIONS))
        when = _iso(at)
        output_sha = sha256_hex(output)
        with self._write() as conn:
            last = conn.execute(
                "SELECT idx, entry_hash FROM output_log ORDER BY idx DESC LIMIT 1").fetchone()
            index, prev = (0, GENESIS_HASH) if last is None else (last[0] + 1, last[1])
            entry = _entry_hash(index, when, plan_id, content_version, action, output_sha, prev)
            conn.execute(
                "INSERT INTO output_log (idx, at, plan_id, content_version, action, "
                "output_sha256, prev_hash, entry_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (index, when, plan_id, content_version, action, output_sha, prev, entry))
        return LogEntry(index, datetime.fromisoformat(when), plan_id, content_version, action,
                        output_sha, prev, entry)

    def log_entries(self) -> list[LogEntry]:
        rows = self._conn.execute(
            "SELECT idx, at, plan_id, content_version, action, output_sha256, prev_hash, "
            "entry_hash FROM output_log ORDER BY idx").fetchall()
        return [LogEntry(i, datetime.fromisoformat(at), p, v, a, o, prev, h)
                for i, at, p, v, a, o, prev, h in rows]

    def verify_log(self) -> tuple[bool, int | None]:
        """``(True, None)`` if the chain is whole; else ``(False, i)`` with ``i`` the position of
        the first entry that does not follow from the ones before it."""
        rows = self._conn.execute(
            "SELECT idx, at, plan_id, content_version, action, output_sha256, prev_hash, "
            "entry_hash FROM output_log ORDER BY idx").fetchall()
        return verify_chain(rows)

    def log_head(self) -> str:
        """Hash of the newest entry (or the genesis hash): write it down to prove the tail too."""
        row = self._conn.execute(
            "SELECT entry_hash FROM output_log ORDER BY idx DESC LIMIT 1").fetchone()
        return GENESIS_HASH if row is None else str(row[0])


def _optional_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def verify_chain(rows: Sequence[Sequence[Any]]) -> tuple[bool, int | None]:
    """Check rows ``(idx, at, plan_id, content_version, action, output_sha256, prev_hash,
    entry_hash)`` in stored order: numbered 0, 1, 2…, each pointing at its predecessor's hash and
    carrying the hash of its own fields."""
    prev = GENESIS_HASH
    for position, row in enumerate(rows):
        idx, at, plan_id, version, action, output_sha, prev_hash, entry_hash = row
        expected = _entry_hash(position, str(at), str(plan_id), str(version), str(action),
                               str(output_sha), prev)
        if idx != position or prev_hash != prev or entry_hash != expected:
            return False, position
        prev = entry_hash
    return True, None
