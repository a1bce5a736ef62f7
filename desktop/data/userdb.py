"""The user database: saved treatment plans and the log of printed or exported plans.

It is separate from the read-only reference database and lives in the platform's user data folder
(``platformdirs.user_data_dir("Calx")``; ``CALX_USER_DATA`` overrides it for tests). The folder is
created 0700 and the file 0600: plans carry patients' names.

- A saved plan is the canonical JSON of its inputs *and* its computed results (doses, schedules, the
  statements printed) with the content version and hash it used, so it reopens and reprints exactly
  as it was after the content changes. Its sha256 is stored beside it and checked on load, and
  every column of its row (the patient's name, dates, the document's sha256, any column added
  later) is sealed by ``record_mac``, an HMAC with the installation's key.
- Saving is one SQLite transaction, in WAL mode with ``synchronous=FULL``: a crash or kill during a
  save loses at most that save and never corrupts earlier plans.
- The output log is append-only (triggers refuse UPDATE and DELETE) and chained: each entry stores
  the previous entry's hash and its own, an HMAC over every column of its row with the key, so a
  rewritten chain does not verify without the key. ``verify_log`` finds the first entry that was
  altered, inserted, reordered or removed.
- The key (``installation.key``, 0600) is kept beside the database, never inside it; a checkpoint
  (count and head of the log last verified) is kept beside it too, so each open verifies only the
  new entries and notices a log made shorter. See ``docs/data-integrity.md`` for what this does and
  does not protect against.
- At open: ``PRAGMA integrity_check``, then the chain from the checkpoint. A damaged file is moved
  aside (``calx-user.damaged-<time>.sqlite``), never written into, and the error says where it is.
- Opening, creating and migrating happen under a file lock: two processes starting at once wait
  for each other instead of one being refused.

Schema changes are ``sqlite_utils.Migrations``: each one runs once, in a transaction.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
import sqlite3
import stat
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from desktop.core.errors import CalxError
from desktop.data.canonical import canonical_json
from desktop.data.canonical import sha256_hex as sha256_hex  # re-exported: the plans' digests
from desktop.paths import USER_DB_NAME, USER_KEY_NAME, write_atomically

if TYPE_CHECKING:  # sqlite-utils costs ~40 ms to import: paid when a database is opened
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

CHECKPOINT_SUFFIX = ".checkpoint"  # the log's count and head when last verified
LOCK_NAME = ".calx-user.lock"
LOCK_TIMEOUT_S = 15
KEY_BYTES = 32
ENV_FOLDER = "CALX_USER_DATA"
GENESIS_HASH = "0" * 64

# What an output-log entry may record.
LOG_ACTIONS: tuple[str, ...] = (
    "printed",  # sent to a printer
    "exported_pdf",  # the patient plan saved as a PDF file
    "exported_clinician_pdf",  # the clinician copy saved as a PDF file
    "exported_ics",  # the calendar saved as an .ics file
    "override",  # a contraindication printed anyway: the hash is of the reason
    "deleted",  # the saved plan deleted (the sha256 of its stored document)
    "content_installed",  # a signed content release installed: the hash is of its manifest
    "content_rolled_back",  # back to the kept previous release (the clinician's choice)
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
    """A plan as saved: its record, when, and the digest of its document."""

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
    damaged: bool = False  # its row no longer matches its seal: listed, never shown as valid


@dataclass(frozen=True)
class LogHead:
    """How long the log is and the hash of its newest entry: printed on every clinician copy, so
    a rewrite of the history can be detected against paper."""

    count: int
    head: str


@dataclass(frozen=True)
class LogEntry:
    """One line of the saved-plans log: what was done to which plan, and when."""

    index: int
    at: datetime
    plan_id: str
    content_version: str
    action: str
    output_sha256: str
    prev_hash: str
    entry_hash: str


def _entry_hash(
    index: int,
    at: str,
    plan_id: str,
    content_version: str,
    action: str,
    output_sha256: str,
    prev_hash: str,
) -> str:
    return sha256_hex(
        canonical_json(
            {
                "index": index,
                "at": at,
                "plan_id": plan_id,
                "content_version": content_version,
                "action": action,
                "output_sha256": output_sha256,
                "prev_hash": prev_hash,
            }
        )
    )


def _mac(key: bytes, table: str, row: Mapping[str, Any]) -> str:
    """HMAC-SHA256 over the canonical JSON of a whole row (every column given)."""
    return hmac.new(
        key, canonical_json({"table": table, "row": dict(row)}).encode("utf-8"), hashlib.sha256
    ).hexdigest()


def _same(stored: str, expected: str) -> bool:
    """Constant-time comparison of a stored hash with the expected one; any text compares (a
    stored value that is not ASCII is simply not equal, never an exception)."""
    return hmac.compare_digest(stored.encode("utf-8", "surrogatepass"), expected.encode("ascii"))


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [str(r[1]) for r in conn.execute(f"PRAGMA table_info({table})")]


# Columns a seal leaves out: the seal itself, and the document (its sha256 column stands for it).
_PLAN_UNSEALED = ("record_mac", "document")
_LOG_UNSEALED = ("entry_hash",)


# A NULL column is left out, so a column added later (NULL in older rows) keeps their seals; a
# migration that fills it in older rows must re-seal them (as m002 does).
def _plan_mac(key: bytes, row: Mapping[str, Any]) -> str:
    return _mac(
        key, "plans", {k: v for k, v in row.items() if k not in _PLAN_UNSEALED and v is not None}
    )


def _log_mac(key: bytes, row: Mapping[str, Any]) -> str:
    return _mac(
        key,
        "output_log",
        {k: v for k, v in row.items() if k not in _LOG_UNSEALED and v is not None},
    )


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


def m003_keyed_seals(db: Database, key: bytes) -> None:
    """Seal every row with the installation's key. The unkeyed chain written before is verified
    first (a broken one stops here: nothing is laundered), then each entry is re-chained with
    HMACs; each plan whose document still matches its sha256 gets its seal (one that does not
    stays unsealed, and is listed as damaged)."""
    conn = db.conn
    conn.execute("ALTER TABLE plans ADD COLUMN record_mac TEXT")
    rows = conn.execute(
        "SELECT idx, at, plan_id, content_version, action, output_sha256, prev_hash, entry_hash "
        "FROM output_log ORDER BY idx"
    ).fetchall()
    ok, broken = _verify_unkeyed_chain(rows)
    if not ok:
        raise sqlite3.DatabaseError(f"the output log is broken at entry {broken}")
    conn.execute("DROP TRIGGER output_log_no_update")
    columns = _columns(conn, "output_log")
    prev = GENESIS_HASH
    for values in conn.execute("SELECT * FROM output_log ORDER BY idx").fetchall():
        row = dict(zip(columns, values, strict=True))
        row["prev_hash"] = prev
        entry = _log_mac(key, row)
        conn.execute(
            "UPDATE output_log SET prev_hash = ?, entry_hash = ? WHERE idx = ?",
            (prev, entry, row["idx"]),
        )
        prev = entry
    _append_only_triggers(conn, update_only=True)
    plan_columns = _columns(conn, "plans")
    for values in conn.execute("SELECT * FROM plans").fetchall():
        row = dict(zip(plan_columns, values, strict=True))
        if sha256_hex(row["document"]) == row["document_sha256"]:
            conn.execute(
                "UPDATE plans SET record_mac = ? WHERE plan_id = ?",
                (_plan_mac(key, row), row["plan_id"]),
            )


def _append_only_triggers(conn: sqlite3.Connection, update_only: bool = False) -> None:
    conn.execute("""CREATE TRIGGER output_log_no_update BEFORE UPDATE ON output_log
                    BEGIN SELECT RAISE(ABORT, 'the output log is append-only'); END""")
    if not update_only:
        conn.execute("""CREATE TRIGGER output_log_no_delete BEFORE DELETE ON output_log
                        BEGIN SELECT RAISE(ABORT, 'the output log is append-only'); END""")


# Every schema change, in order: append new ones, never edit or reorder applied ones. A step
# that takes the key as a second argument is given the installation's key.
MIGRATION_STEPS: tuple[Callable[..., None], ...] = (
    m001_plans_and_log,
    m002_plan_identifiers,
    m003_keyed_seals,
)
KEYED_STEPS = frozenset({"m003_keyed_seals"})


def migrations(key: bytes | None = None) -> Migrations:
    """The migration set of the user database (``sqlite_utils.Migrations``)."""
    import functools

    from sqlite_utils.migrations import Migrations

    steps = Migrations("calx-user")
    for step in MIGRATION_STEPS:
        if step.__name__ in KEYED_STEPS:
            if key is None:
                break  # listing only: the keyed steps need the key to run
            keyed = functools.partial(step, key=key)
            steps(name=step.__name__)(lambda db, keyed=keyed: keyed(db))
        else:
            steps(name=step.__name__)(step)
    return steps


def _pending(conn: sqlite3.Connection) -> list[str]:
    """Names of the migration steps not applied yet (all of them for a new database)."""
    try:
        done = {
            r[0]
            for r in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = 'calx-user'"
            )
        }
    except sqlite3.OperationalError:  # no table yet: a new database
        done = set()
    return [s.__name__ for s in MIGRATION_STEPS if s.__name__ not in done]


# --------------------------------------------------------------------------- the database


def user_data_folder() -> Path:
    """``CALX_USER_DATA`` if set, else the platform's user data folder for Calx."""
    from desktop.paths import user_data_folder as folder

    return folder()


def _private_folder(folder: Path) -> None:
    from desktop.paths import private_folder

    private_folder(folder)


def _private_file(path: Path) -> None:
    # Created 0600 before SQLite opens it; SQLite gives its -wal and -shm files the same mode.
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    os.close(fd)
    if stat.S_IMODE(os.stat(path).st_mode) != 0o600:
        os.chmod(path, 0o600)


class _DamagedError(Exception):
    """The user database failed a check: it is moved aside, never written into."""


def _is_damage(exc: sqlite3.Error) -> bool:
    """SQLite says the file is corrupt or not a database (not busy, not read-only, not full)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
    return not isinstance(exc, sqlite3.OperationalError)


def _read_key(folder: Path, may_create: bool) -> bytes:
    """The installation's key; created (0600, whole or not at all) only when ``may_create``."""
    path = folder / USER_KEY_NAME
    try:
        with open(path, "rb") as handle:
            text = handle.read(4 * KEY_BYTES).decode("ascii").strip()
        key = bytes.fromhex(text)
    except FileNotFoundError:
        if not may_create:
            raise _DamagedError(f"its key file {USER_KEY_NAME} is missing") from None
        return _create_key(path)
    except (UnicodeDecodeError, ValueError):
        raise _DamagedError(f"its key file {USER_KEY_NAME} is not a key") from None
    if len(key) != KEY_BYTES:
        raise _DamagedError(f"its key file {USER_KEY_NAME} is not a key")
    return key


def _create_key(path: Path) -> bytes:
    fd, tmp = tempfile.mkstemp(prefix=".key.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(secrets.token_bytes(KEY_BYTES).hex() + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        with contextlib.suppress(FileExistsError):  # a key made by another process wins
            os.link(tmp, path)  # atomic and exclusive
    finally:
        os.unlink(tmp)
    return _read_key(path.parent, may_create=False)


def _checkpoint_path(db_path: Path) -> Path:
    return Path(f"{db_path}{CHECKPOINT_SUFFIX}")


def _read_checkpoint(db_path: Path) -> LogHead | None:
    try:
        with open(_checkpoint_path(db_path), "rb") as handle:
            data = json.loads(handle.read(4096))
        head = LogHead(int(data["count"]), str(data["head"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return head if head.count >= 0 and len(head.head) == 64 else None


def _write_checkpoint(db_path: Path, state: LogHead) -> None:
    """Remember the verified state; never moves backwards, never fails a save."""
    known = _read_checkpoint(db_path)
    if known is not None and known.count >= state.count:
        return
    target = _checkpoint_path(db_path)
    with contextlib.suppress(OSError):
        write_atomically(
            target, json.dumps({"count": state.count, "head": state.head}).encode("ascii"), 0o600
        )


def _move_aside(path: Path) -> Path:
    """Rename the damaged database (and its -wal/-shm, so the copy stays whole) out of the way."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    aside = path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")
    for suffix in ("-wal", "-shm", ""):
        source = Path(f"{path}{suffix}")
        if source.exists():
            os.replace(source, Path(f"{aside}{suffix}"))
    with contextlib.suppress(OSError):
        os.unlink(_checkpoint_path(path))
    return aside


class UserDB:
    """Saved plans and the output log. Open with ``UserDB.open()``; close when done (or use it as a
    context manager). One connection per instance; not shared between threads."""

    def __init__(self, path: Path, conn: sqlite3.Connection, key: bytes, verified: LogHead) -> None:
        self.path = path
        self._conn = conn
        self._key = key
        self._verified = verified  # the log up to here was verified by this connection

    @classmethod
    def open(cls, folder: Path | str | None = None) -> UserDB:
        """Open (creating it if needed) and check the user database. Raises ``CalxError``:
        ``user_db_unreadable`` when it cannot be used now (no folder, busy, read-only), and
        ``user_db_damaged`` when a check failed: the file was then moved aside."""
        from filelock import FileLock, Timeout

        folder = Path(folder) if folder is not None else user_data_folder()
        path = folder / USER_DB_NAME
        try:
            _private_folder(folder)
            lock = FileLock(str(folder / LOCK_NAME), timeout=LOCK_TIMEOUT_S, mode=0o600)
            with lock:
                return cls._open_locked(path)
        except Timeout:
            raise CalxError(
                "user_db_unreadable", path=str(path), detail="another Calx is using it"
            ) from None
        except (OSError, sqlite3.Error) as exc:  # a read-only home, a folder that is a file
            detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise CalxError("user_db_unreadable", path=str(path), detail=detail) from None

    @classmethod
    def _open_locked(cls, path: Path) -> UserDB:
        existed = path.exists() and path.stat().st_size > 0
        if not existed:  # a new database: a checkpoint left from an older one means nothing
            with contextlib.suppress(OSError):
                os.unlink(_checkpoint_path(path))
        _private_file(path)
        # isolation_level=None: no hidden transactions; every write says BEGIN and COMMIT.
        conn = sqlite3.connect(path, isolation_level=None, timeout=10)
        try:
            try:
                if existed:
                    status = conn.execute("PRAGMA integrity_check").fetchall()
                    if [tuple(r) for r in status] != [("ok",)]:
                        raise _DamagedError("; ".join(str(r[0]) for r in status[:3]))
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=FULL")
                conn.execute("PRAGMA foreign_keys=ON")
                pending = _pending(conn)
                key = _read_key(path.parent, may_create=bool(KEYED_STEPS & set(pending)))
                if pending:
                    from sqlite_utils import Database

                    migrations(key).apply(Database(conn))
                verified = _verify_log_from(conn, key, _read_checkpoint(path))
            except sqlite3.Error as exc:
                if not _is_damage(exc) and not (
                    isinstance(exc, sqlite3.DatabaseError) and "broken at entry" in str(exc)
                ):
                    raise
                raise _DamagedError(str(exc)) from None
        except _DamagedError as damage:
            conn.close()
            aside = _move_aside(path)
            raise CalxError(
                "user_db_damaged", path=str(path), aside=str(aside), detail=str(damage)
            ) from None
        except BaseException:
            conn.close()
            raise
        for suffix in ("-wal", "-shm"):
            extra = Path(f"{path}{suffix}")
            if extra.exists():
                os.chmod(extra, 0o600)
        _write_checkpoint(path, verified)
        return cls(path, conn, key, verified)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> UserDB:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken at once (IMMEDIATE) so two writers never interleave."""
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:  # locked for 10 s, a full disk, a read-only file
            raise CalxError("user_db_write_failed", path=str(self.path), detail=str(exc)) from None

    # ------------------------------------------------------------------- plans

    def save_plan(self, plan: SavablePlan | PlanRecord, saved_at: datetime | None = None) -> str:
        """Store the plan in one transaction and return its id. Saving the same plan again (same
        id: same inputs, results and content) keeps the first copy and returns the same id,
        unless that copy is damaged: it is then replaced by this one."""
        record = plan if isinstance(plan, PlanRecord) else plan.to_record()
        try:
            document = canonical_json(record.document)
        except (TypeError, ValueError) as exc:
            raise CalxError("plan_not_serialisable", detail=str(exc)) from None
        when = _iso(saved_at or datetime.now(UTC))
        row: dict[str, Any] = {
            "plan_id": record.plan_id,
            "saved_at": when,
            "patient_name": record.patient_name,
            "prepared_on": record.prepared_on.isoformat(),
            "lang": record.lang,
            "regimen_ids": canonical_json(list(record.regimen_ids)),
            "content_version": record.content_version,
            "content_hash": record.content_hash,
            "document": document,
            "document_sha256": sha256_hex(document),
            "birth_date": record.birth_date.isoformat() if record.birth_date else "",
            "record_number": record.record_number,
        }
        try:
            canonical_json(row).encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: SQLite would refuse it half-way
            raise CalxError(
                "plan_not_serialisable", detail="text that is not valid Unicode"
            ) from None
        with self._write() as conn:
            columns = _columns(conn, "plans")
            existing = conn.execute(
                "SELECT * FROM plans WHERE plan_id = ?", (record.plan_id,)
            ).fetchone()
            if existing is not None:
                if self._row_intact(dict(zip(columns, existing, strict=True))):
                    return record.plan_id
                conn.execute("DELETE FROM plans WHERE plan_id = ?", (record.plan_id,))
            full = {c: row.get(c) for c in columns if c != "record_mac"}
            full["record_mac"] = _plan_mac(self._key, full)
            names = list(full)
            conn.execute(
                f"INSERT INTO plans ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                [full[n] for n in names],
            )
        return record.plan_id

    def _row_intact(self, row: Mapping[str, Any]) -> bool:
        mac = row.get("record_mac")
        try:
            return (
                isinstance(mac, str)
                and _same(mac, _plan_mac(self._key, row))
                and isinstance(row.get("document"), str)
                and sha256_hex(row["document"]) == row.get("document_sha256")
            )
        except (TypeError, ValueError, UnicodeError):  # a blob or a NaN where text belongs
            return False

    def load_plan(self, plan_id: str) -> SavedPlan:
        """The plan as it was saved. Raises ``saved_plan_not_found`` or, if its row no longer
        matches its seal or its document its hash, ``saved_plan_damaged`` (never returns altered
        content silently)."""
        try:
            cursor = self._conn.execute("SELECT * FROM plans WHERE plan_id = ?", (plan_id,))
            values = cursor.fetchone()
        except sqlite3.DatabaseError as exc:
            raise CalxError("user_db_unreadable", path=str(self.path), detail=str(exc)) from None
        if values is None:
            raise CalxError("saved_plan_not_found", plan_id=plan_id)
        row = dict(zip([d[0] for d in cursor.description], values, strict=True))
        try:
            intact = self._row_intact(row)
        except (TypeError, ValueError, UnicodeError):
            intact = False
        if not intact:
            raise CalxError("saved_plan_damaged", plan_id=plan_id)
        try:
            record = PlanRecord(
                plan_id=row["plan_id"],
                patient_name=row["patient_name"],
                prepared_on=date.fromisoformat(row["prepared_on"]),
                lang=row["lang"],
                regimen_ids=tuple(json.loads(row["regimen_ids"])),
                content_version=row["content_version"],
                content_hash=row["content_hash"],
                document=json.loads(row["document"]),
                birth_date=_optional_date(row.get("birth_date")),
                record_number=str(row.get("record_number") or ""),
            )
            saved_at = datetime.fromisoformat(row["saved_at"])
        except (TypeError, ValueError) as exc:
            raise CalxError("saved_plan_unreadable", detail=str(exc)[:200]) from None
        return SavedPlan(record, saved_at, row["document_sha256"])

    def list_plans(self) -> list[PlanSummary]:
        """Saved plans, most recently saved first. A row that is damaged (its seal, or a field
        that does not read) is still listed, marked ``damaged``, so the others stay reachable."""
        try:
            cursor = self._conn.execute("SELECT * FROM plans ORDER BY saved_at DESC, plan_id")
            names = [d[0] for d in cursor.description]
            rows = cursor.fetchall()
        except sqlite3.DatabaseError as exc:
            raise CalxError("user_db_unreadable", path=str(self.path), detail=str(exc)) from None
        plans: list[PlanSummary] = []
        for values in rows:
            row = dict(zip(names, values, strict=True))
            mac = row.get("record_mac")
            try:
                intact = isinstance(mac, str) and _same(mac, _plan_mac(self._key, row))
            except (TypeError, ValueError, UnicodeError):  # a value no JSON can hold
                intact = False
            plans.append(_summary(row, damaged=not intact))
        return plans

    # ------------------------------------------------------------------- output log

    def record_output(
        self, plan_id: str, content_version: str, action: str, output: bytes, at: datetime
    ) -> LogEntry:
        """Append "this plan was printed or exported" to the log, with the sha256 of what was
        produced. ``at`` is passed in (the caller's clock), never read here. Entries appended
        since this connection last verified the log are verified first."""
        if action not in LOG_ACTIONS:
            raise CalxError(
                "log_action_unknown", field="action", action=action, allowed=", ".join(LOG_ACTIONS)
            )
        return self._append_output(plan_id, content_version, action, sha256_hex(output), at)

    def delete_plan(self, plan_id: str, at: datetime) -> LogEntry:
        """Delete a saved plan and record it in the log, in one transaction: the entry keeps
        the plan id and the sha256 of the document deleted, so the log still accounts for every
        plan that was printed or exported. Raises ``saved_plan_not_found``."""
        row = self._conn.execute(
            "SELECT content_version, document FROM plans WHERE plan_id = ?", (plan_id,)
        ).fetchone()
        if row is None:
            raise CalxError("saved_plan_not_found", plan_id=plan_id)
        version, document = row
        digest = sha256_hex(document if isinstance(document, str) else str(document))
        return self._append_output(
            plan_id,
            str(version),
            "deleted",
            digest,
            at,
            then=lambda conn: conn.execute("DELETE FROM plans WHERE plan_id = ?", (plan_id,)),
        )

    def _append_output(
        self,
        plan_id: str,
        content_version: str,
        action: str,
        output_sha: str,
        at: datetime,
        then: Callable[[sqlite3.Connection], object] | None = None,
    ) -> LogEntry:
        """One sealed entry at the end of the log; ``then`` runs in the same transaction."""
        when = _iso(at)
        with self._write() as conn:
            try:
                state = _verify_log_from(conn, self._key, self._verified)
            except sqlite3.DatabaseError as exc:
                raise CalxError(
                    "user_db_log_broken", path=str(self.path), detail=str(exc)
                ) from None
            columns = _columns(conn, "output_log")
            row: dict[str, Any] = {c: None for c in columns}
            row.update(
                idx=state.count,
                at=when,
                plan_id=plan_id,
                content_version=content_version,
                action=action,
                output_sha256=output_sha,
                prev_hash=state.head,
            )
            row["entry_hash"] = _log_mac(self._key, row)
            names = list(row)
            conn.execute(
                f"INSERT INTO output_log ({', '.join(names)}) VALUES "
                f"({', '.join('?' * len(names))})",
                [row[n] for n in names],
            )
            if then is not None:
                then(conn)
        self._verified = LogHead(state.count + 1, row["entry_hash"])
        _write_checkpoint(self.path, self._verified)
        return LogEntry(
            state.count,
            datetime.fromisoformat(when),
            plan_id,
            content_version,
            action,
            output_sha,
            state.head,
            row["entry_hash"],
        )

    def log_entries(self) -> list[LogEntry]:
        rows = self._conn.execute(
            "SELECT idx, at, plan_id, content_version, action, output_sha256, prev_hash, "
            "entry_hash FROM output_log ORDER BY idx"
        ).fetchall()
        return [
            LogEntry(i, datetime.fromisoformat(at), p, v, a, o, prev, h)
            for i, at, p, v, a, o, prev, h in rows
        ]

    def verify_log(self) -> tuple[bool, int | None]:
        """``(True, None)`` if the whole chain verifies with this installation's key; else
        ``(False, i)`` with ``i`` the position of the first entry that does not follow from the
        ones before it."""
        try:
            _verify_log_from(self._conn, self._key, None)
        except _BrokenChain as broken:
            return False, broken.position
        return True, None

    def log_head(self) -> str:
        """Hash of the newest entry (or the genesis hash): write it down to prove the tail too."""
        return self.log_state().head

    def log_state(self) -> LogHead:
        """Count and head of the log as stored now (printed on clinician copies)."""
        try:
            row = self._conn.execute(
                "SELECT idx, entry_hash FROM output_log ORDER BY idx DESC LIMIT 1"
            ).fetchone()
        except sqlite3.DatabaseError as exc:
            raise CalxError("user_db_unreadable", path=str(self.path), detail=str(exc)) from None
        return LogHead(0, GENESIS_HASH) if row is None else LogHead(int(row[0]) + 1, str(row[1]))


def _optional_date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _summary(row: Mapping[str, Any], damaged: bool) -> PlanSummary:
    """One list line; a field that does not read makes the line damaged, never an exception."""
    try:
        return PlanSummary(
            str(row["plan_id"]),
            str(row["patient_name"]),
            date.fromisoformat(row["prepared_on"]),
            datetime.fromisoformat(row["saved_at"]),
            str(row["lang"]),
            tuple(str(r) for r in json.loads(row["regimen_ids"])),
            str(row["content_version"]),
            _optional_date(row.get("birth_date")),
            str(row.get("record_number") or ""),
            damaged,
        )
    except (TypeError, ValueError):
        return PlanSummary(
            str(row.get("plan_id")),
            str(row.get("patient_name") or "?")[:200],
            date.min,
            datetime.min.replace(tzinfo=UTC),
            "?",
            (),
            "?",
            damaged=True,
        )


class _BrokenChain(sqlite3.DatabaseError):
    def __init__(self, position: int) -> None:
        super().__init__(f"the output log is broken at entry {position}")
        self.position = position


def _verify_log_from(conn: sqlite3.Connection, key: bytes, start: LogHead | None) -> LogHead:
    """Verify the log from ``start`` (the count and head verified before; None: from the
    beginning) to its end; return the new count and head. Raises ``_BrokenChain`` at the first
    entry that does not follow, and when the log is shorter than, or differs from, ``start``."""
    count, prev = (0, GENESIS_HASH) if start is None else (start.count, start.head)
    if count:
        row = conn.execute(
            "SELECT entry_hash FROM output_log WHERE idx = ?", (count - 1,)
        ).fetchone()
        if row is None or not _same(str(row[0]), prev):
            raise _BrokenChain(count - 1)
    cursor = conn.execute("SELECT * FROM output_log WHERE idx >= ? ORDER BY idx", (count,))
    names = [d[0] for d in cursor.description]
    position = count
    for values in cursor:
        row = dict(zip(names, values, strict=True))
        entry = row.get("entry_hash")
        try:
            intact = (
                row["idx"] == position
                and row["prev_hash"] == prev
                and isinstance(entry, str)
                and _same(entry, _log_mac(key, row))
            )
        except (TypeError, ValueError, UnicodeError):  # a blob or a NaN where text belongs
            intact = False
        if not intact or not isinstance(entry, str):
            raise _BrokenChain(position)
        prev = entry
        position += 1
    return LogHead(position, prev)


def _verify_unkeyed_chain(rows: Sequence[Sequence[Any]]) -> tuple[bool, int | None]:
    """The chain as written before keyed seals (sha256 of each entry's fields)."""
    prev = GENESIS_HASH
    for position, row in enumerate(rows):
        idx, at, plan_id, version, action, output_sha, prev_hash, entry_hash = row
        expected = _entry_hash(
            position, str(at), str(plan_id), str(version), str(action), str(output_sha), prev
        )
        if idx != position or prev_hash != prev or entry_hash != expected:
            return False, position
        prev = entry_hash
    return True, None
