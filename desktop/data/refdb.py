"""Read-only access to the reference database (built by ``desktop.data.build``).

``ReferenceDB.open()`` checks the file before anything is shown: the whole file hashes to the
digest pinned beside it by the build, it passes SQLite's ``integrity_check`` and the FTS5
``integrity-check``, has the schema this version reads, its content hashes to the recorded content
hash, and a released content version has the content it was released with
(``desktop.data.releases``). The whole-file work runs once per file identity
(``desktop.data.verify``). Any failure is a ``CalxError`` (``db_missing``, ``db_unreadable``,
``db_corrupt``, ``db_schema_unsupported``, ``db_hash_mismatch``) and no content, never a
traceback.

Threads: a ``ReferenceDB`` holds one SQLite connection and must be used from the thread that
opened it (Python's sqlite3 refuses otherwise). Open one per thread if work moves off the UI
thread; opening is cheap.

Search (``search``): user text never reaches FTS5 as syntax. Words are extracted (letters and
digits only), capped in number and length, and each is double-quoted as a prefix (``"ritu"*``),
so "mg/kg", "O'Brien", quotes, ``*``, ``NEAR``, ``AND``, ``-`` and parentheses are only words or
separators. Records whose names or synonyms hold every word rank first; then the rest by bm25
with name and synonym columns weighted above the text. A hit's highlighted summary or passage is
FTS5's ``highlight()`` or ``snippet()``; for a small table (the real content) it is cut the same
in Python from each record's tokens, read once per connection (``desktop.data.passages``).
"""

from __future__ import annotations

import contextlib
import json
import operator
import re
import sqlite3
import unicodedata
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.errors import CalxError
from desktop.core.sources import Bilingual, ContentError, Source
from desktop.core.words import LANGUAGES, unknown_language
from desktop.data import passages
from desktop.data.passages import Spans
from desktop.data.provenance import DbMetadata, Reference
from desktop.data.schema import (
    SCHEMA_VERSION,
    SEARCH_COLUMNS,
    SEARCH_TABLE,
    SEARCH_WEIGHTS,
    TABLES,
    content_hash,
)

if TYPE_CHECKING:  # read on first use: the window opens the database before it is usable
    from desktop.core.regimen import Product, Regimen
    from desktop.core.safety import SafetyContent
    from desktop.data import signing

    # The record types load with the first list, record or search (calx dose needs none).
    from desktop.data.models import OverviewRow, SearchHit, Statement, Therapy, TherapySummary
    from desktop.data.signing import SignedRelease
    from desktop.data.verify import FileIdentity

MAX_QUERY_WORDS = 8  # more words narrow nothing useful and only cost time
MAX_WORD_CHARS = 40  # the longest French or English word in the content is far shorter
MAX_LIMIT = 100
MAX_DB_BYTES = 256 * 1024 * 1024  # far above the content's size: refuse, never exhaust memory
SNIPPET_WORDS = 16
SHORT_QUERY_CHARS = 2  # words no longer than this are looked up in names and synonyms only
# A search table of at most this many records (the real content has about 30) is searched
# unsorted and sorted here, and its records' tokens are kept to cut passages (a few MB at most).
SMALL_TABLE_ROWS = MAX_LIMIT

_WORD = re.compile(r"[^\W_]+")  # letters and digits: what the unicode61 tokenizer indexes
_OPEN, _CLOSE = "\x01", "\x02"  # highlight markers; content never holds control characters
_NAME_COLUMNS = "{name_fr name_en synonyms_fr synonyms_en}"
# Column indexes for highlight() and snippet() (the unindexed therapy id is column 0).
_SUMMARY_INDEX = {lang: 1 + SEARCH_COLUMNS.index(f"summary_{lang}") for lang in LANGUAGES}
_BODY_INDEX = {lang: 1 + SEARCH_COLUMNS.index(f"body_{lang}") for lang in LANGUAGES}
_MARKS = re.compile(f"[{_OPEN}{_CLOSE}]")
_ELLIPSIS = "…"  # around a passage cut from the middle of a text
_RANK = operator.itemgetter(1)
_MARK = "calx_mark"  # SQL, per row read: 0 past the budget of marks, 2 a name hit, else 1
# The table's rank (``desktop.data.build`` configures it the same), called by name: reading
# the ``rank`` column makes FTS5 prepare a statement for its arguments at every query.
_BM25 = f"bm25({SEARCH_TABLE}, {', '.join(f'{w:g}' for w in SEARCH_WEIGHTS)})"
# Matches and their rank, unsorted: ``search`` sorts the few rows itself (those of names and
# synonyms; those of every column in a small table).
_UNSORTED = f"SELECT rowid, {_BM25} FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH ?"


def _in_column(column: int) -> str:
    """SQL true when some word of the query is in ``column`` of the current row: bm25 with
    that column's weight alone is 0 exactly when no phrase has an instance there (each
    instance adds its weight; FTS5's idf is never below 1e-6). The same instances
    ``highlight`` and ``snippet`` mark, read without cutting any text."""
    weights = ", ".join("1" if i == column else "0" for i in range(len(SEARCH_WEIGHTS)))
    return f"bm25({SEARCH_TABLE}, {weights}) < 0"


def _ranked(lang: str) -> str:
    """Every column, ranked, with the marks of the first rows read (``_mark_expression``)."""
    return (
        f"SELECT rowid, {_BM25}, {_mark_expression(lang, f'{_MARK}(rowid)')} "
        f"FROM {SEARCH_TABLE} WHERE {SEARCH_TABLE} MATCH ?3 ORDER BY rank LIMIT ?4"
    )


def _mark_expression(lang: str, mark: str) -> str:
    """A row's marked text by ``mark`` (?1 and ?2 the markers): 0 none; 2 a name hit's
    summary with its highlights; 1 that summary if it has any, else the passage of the text
    that matched. Text is cut only where a word is: a passage without one shows the plain
    summary, and costs as much to cut as one with."""
    summary = f"highlight({SEARCH_TABLE}, {_SUMMARY_INDEX[lang]}, ?1, ?2)"
    passage = (
        f"snippet({SEARCH_TABLE}, {_BODY_INDEX[lang]}, ?1, ?2, '{_ELLIPSIS}', {SNIPPET_WORDS})"
    )
    in_summary, in_body = _in_column(_SUMMARY_INDEX[lang]), _in_column(_BODY_INDEX[lang])
    return (
        f"CASE {mark} WHEN 0 THEN NULL "
        f"WHEN 2 THEN CASE WHEN {in_summary} THEN {summary} END "
        f"ELSE CASE WHEN {in_summary} THEN {summary} WHEN {in_body} THEN {passage} END END"
    )


_RANKED = {lang: _ranked(lang) for lang in LANGUAGES}
# One column of one record, to tokenize once.
_COLUMN_TEXT = {
    1 + i: f"SELECT {column} FROM {SEARCH_TABLE} WHERE rowid = ?"
    for i, column in enumerate(SEARCH_COLUMNS)
}
# One record's marks cut by FTS5 (?5: 2 for a name hit), as ``_RANKED`` cuts them.
_RECORD_MARKS = {
    lang: f"SELECT {_mark_expression(lang, '?5')} FROM {SEARCH_TABLE} "
    f"WHERE {SEARCH_TABLE} MATCH ?3 AND rowid = ?4"
    for lang in LANGUAGES
}


def match_expression(query: str) -> str | None:
    """The FTS5 expression for free user text, or None when it holds no word.

    Every word becomes a quoted prefix phrase (``"ritu"*``); words are ANDed. Only letters and
    digits survive, so nothing in the result is FTS5 syntax but quotes and stars.
    """
    words = _query_words(query)
    return _expression(words) if words else None


def _expression(words: list[str]) -> str:
    """The MATCH expression of ``_query_words``' words: each a quoted prefix, ANDed."""
    return " ".join(f'"{w}"*' for w in words)


def _query_words(query: str) -> list[str]:
    """The words of free user text that ``match_expression`` quotes, in order, each once."""
    words: list[str] = []
    seen: set[str] = set()
    for m in _WORD.finditer(unicodedata.normalize("NFC", query[:10_000])):
        word = m.group()[:MAX_WORD_CHARS]
        key = word.casefold()
        if key not in seen:
            seen.add(key)
            words.append(word)
            if len(words) == MAX_QUERY_WORDS:
                break
    return words


@cache
def _search_hit_class() -> type[SearchHit]:
    """``SearchHit``, imported once on first search (a local import at every keystroke went
    through PySide6's import hook): ``calx dose`` does not define the knowledge base's records."""
    from desktop.data.models import SearchHit

    return SearchHit


def _search_hit(
    kind: type[SearchHit],
    therapy_id: str,
    name: str,
    category: str,
    snippet: str,
    highlights: tuple[tuple[int, int], ...],
    score: float,
) -> SearchHit:
    """``SearchHit(...)``, the same object (equal, hashable, frozen), made about three times
    faster: a frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``,
    and a keystroke makes up to ``MAX_LIMIT`` hits. ``kind`` is ``SearchHit``, imported by the
    caller (the command line's dose does not define the knowledge base's record types)."""
    hit = object.__new__(kind)
    fields = hit.__dict__
    fields["therapy_id"] = therapy_id
    fields["name"] = name
    fields["category"] = category
    fields["snippet"] = snippet
    fields["highlights"] = highlights
    fields["score"] = score
    return hit


def _unmark(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Strip the highlight markers; return the plain text and the (start, end) of each mark."""
    if _OPEN not in text and _CLOSE not in text:
        return text, ()
    # FTS5 writes each mark as one open and one close marker: split on those, whole runs of
    # text at once (a per-character loop costs ~1 ms per list).
    first, *marked = text.split(_OPEN)
    out = [first]
    spans: list[tuple[int, int]] = []
    length = len(first)
    for piece in marked:
        word, close, rest = piece.partition(_CLOSE)
        if not close or _CLOSE in rest:
            return _unmark_any(text)
        if word:
            spans.append((length, length + len(word)))
        out += (word, rest)
        length += len(word) + len(rest)
    if _CLOSE in first:
        return _unmark_any(text)
    return "".join(out), tuple(spans)


def _unmark_any(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """``_unmark`` for any placing of the markers (a close without an open is dropped)."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    start = -1
    length = 0
    position = 0
    for m in _MARKS.finditer(text):
        run = text[position : m.start()]
        out.append(run)
        length += len(run)
        position = m.end()
        if m.group() == _OPEN:
            start = length
        else:
            if start >= 0 and length > start:
                spans.append((start, length))
            start = -1
    out.append(text[position:])
    return "".join(out), tuple(spans)


def _suggest(wanted: str, candidates: dict[str, str]) -> str:
    """Up to three ids close to ``wanted`` (by id, name or synonym), comma-separated, or "—"."""
    key = wanted.casefold()[:100]
    found = [candidates[k] for k in candidates if k.startswith(key)] if key else []
    import difflib  # only for a refusal's suggestions

    found += [
        candidates[k] for k in difflib.get_close_matches(key, list(candidates), n=5, cutoff=0.6)
    ]
    unique = list(dict.fromkeys(found))[:3]
    return ", ".join(unique) if unique else "—"


def _source(row: sqlite3.Row) -> Source:
    return Source(ref=row["ref"], verification=row["verification"], section=row["section"])


def _text(row: sqlite3.Row, prefix: str) -> Bilingual | None:
    fr, en = row[f"{prefix}_fr"], row[f"{prefix}_en"]
    return None if fr is None or en is None else Bilingual(fr, en)


def _check_lang(lang: str) -> str:
    if lang not in LANGUAGES:
        raise CalxError("unknown_language", field="lang", **unknown_language(lang))
    return lang


def _identity(path: Path, shown: str) -> FileIdentity:
    """The file's identity before it is read; a missing, unreadable or empty file is refused."""
    from desktop.data import verify

    try:
        if not path.is_file():
            raise CalxError("db_missing", path=shown)
        before = verify.identity(path)
    except OSError as err:
        raise CalxError("db_unreadable", path=shown, detail=err.strerror or str(err)) from None
    if before.size == 0:
        raise CalxError("db_corrupt", path=shown, detail="empty file")
    return before


def _manifest_and_digest(path: Path, shown: str, required: bool) -> tuple[bytes | None, str]:
    """The signed release manifest beside the file (None for a development database, refused
    where a release is required) and the digest pinned beside it."""
    from desktop.data import verify

    try:
        manifest = verify.read_manifest(path)
    except OSError as err:
        raise CalxError("release_corrupt", path=shown, detail=err.strerror or str(err)) from None
    if manifest is None and (required or not verify.is_development_build()):
        raise CalxError("release_unsigned", path=shown)
    pinned = verify.pinned_digest(path)
    if pinned is None:
        raise CalxError(
            "db_corrupt", path=shown, detail=f"no digest in {verify.digest_path(path).name}"
        )
    return manifest, pinned


class ReferenceDB:
    """The therapy knowledge base, read-only. Use ``ReferenceDB.open()``; one thread only."""

    def __init__(self, conn: sqlite3.Connection, path: Path, metadata: DbMetadata) -> None:
        self._conn = conn
        self._path = path
        self._metadata = metadata
        self._id_candidates: dict[str, str] | None = None
        self._safety: SafetyContent | None = None
        self._release: SignedRelease | None = None
        self._manifest: bytes | None = None
        self.fallback_reason: CalxError | None = None  # why an installed release was not used
        self._record_of: dict[int, tuple[str, str, str, str, str, str]] | None = None
        self._marks_left = 0
        self._named: set[int] = set()
        # (search rowid, column) -> its tokens, once read (None: FTS5 cuts its marks)
        self._tokens: dict[tuple[int, int], passages.Tokens | None] = {}
        conn.create_function(_MARK, 1, self._mark)

    # ------------------------------------------------------------ opening and checks

    @classmethod
    def open(cls, path: Path | None = None) -> ReferenceDB:
        """Open and check the database (default: ``desktop.paths.reference_db()``).

        A file not verified before is read whole and checked on its bytes (``desktop.data.
        verify``); the connection then serves those very bytes. A file already verified, with
        the same identity, is opened read-only with only its schema checked."""
        if path is None:
            from desktop.data import content_store

            return content_store.open_active()
        return cls._open(Path(path))

    @classmethod
    def _open(
        cls, path: Path, required: bool = False, trust: signing.Trust | None = None
    ) -> ReferenceDB:
        """Open ``path``; with ``required``, a signed release manifest must be beside it."""
        from desktop.data import verify

        path = Path(path)
        shown = str(path)
        before = _identity(path, shown)
        # One verification path: a signed release's manifest names the file's digest (checked by
        # its signature, a few small reads), and that digest is the one issue 10 pins beside it.
        # Remembered with the manifest and the trust files: a verified identity skips both the
        # whole-file hash and the signature check (and the import of the crypto library).
        manifest, pinned = _manifest_and_digest(path, shown, required)
        token = pinned if manifest is None else verify.trust_token(pinned, manifest)
        full = not verify.is_verified(before, token)
        release = None
        if manifest is not None and full:
            from desktop.data import signing

            release = signing.verify_beside(path, manifest, trust)
            if release.manifest.digest != pinned:
                raise CalxError("release_digest_mismatch", path=shown)
        conn, full = cls._connect(path, shown, pinned, before, full)
        try:
            metadata = cls._check(conn, shown, full)
            if full:
                conn.execute("PRAGMA query_only = ON")  # read-only, as the file connection
                with contextlib.suppress(OSError):
                    if verify.identity(path) == before:
                        verify.remember(before, token)
        except BaseException:
            conn.close()
            raise
        if release is not None and (
            release.manifest.content_version != metadata.content_version
            or release.manifest.content_hash != metadata.content_hash
        ):
            conn.close()
            raise CalxError("release_digest_mismatch", path=shown)
        conn.row_factory = sqlite3.Row
        db = cls(conn, path, metadata)
        db._release, db._manifest = release, manifest
        return db

    @classmethod
    def _connect(
        cls, path: Path, shown: str, pinned: str, before: FileIdentity, full: bool
    ) -> tuple[sqlite3.Connection, bool]:
        """(connection, whether it serves bytes verified whole). A file verified before is
        opened read-only; if it was replaced since ``before``, its bytes are verified whole."""
        from desktop.data import verify

        if not full:
            conn = cls._connect_file(path, shown)
            try:
                changed = verify.identity(path) != before  # replaced between the checks
            except OSError:
                changed = True
            if not changed:
                return conn, False
            conn.close()
        return cls._connect_verified_bytes(path, shown, pinned), True

    @property
    def release(self) -> SignedRelease | None:
        """The signed release manifest beside the file (None: an unsigned development
        database). Read when first asked: a remembered file's manifest was verified before."""
        if self._release is None and self._manifest is not None:
            from desktop.data import signing

            self._release = signing.already_verified(self._path, self._manifest)
        return self._release

    @staticmethod
    def _connect_file(path: Path, shown: str) -> sqlite3.Connection:
        try:
            return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        except (OSError, sqlite3.Error) as err:
            raise CalxError("db_unreadable", path=shown, detail=str(err)) from None

    @staticmethod
    def _connect_verified_bytes(path: Path, shown: str, pinned: str) -> sqlite3.Connection:
        from desktop.data import verify

        try:
            with open(path, "rb") as handle:
                data = handle.read(MAX_DB_BYTES + 1)
        except OSError as err:
            raise CalxError("db_unreadable", path=shown, detail=err.strerror or str(err)) from None
        if len(data) > MAX_DB_BYTES:
            raise CalxError("db_corrupt", path=shown, detail="file too large")
        if verify.file_sha256(data) != pinned:
            raise CalxError(
                "db_corrupt", path=shown, detail="it does not match the digest it was built with"
            )
        conn = sqlite3.connect(":memory:")
        try:
            conn.deserialize(data)
        except sqlite3.Error as err:
            conn.close()
            raise CalxError("db_corrupt", path=shown, detail=str(err)) from None
        return conn

    @staticmethod
    def _check(conn: sqlite3.Connection, shown: str, full: bool = True) -> DbMetadata:
        """The schema this version reads; with ``full``, also SQLite's and FTS5's integrity
        checks, the content hash and the record of released versions."""
        from desktop.data.releases import RELEASED

        try:
            if full:
                status = conn.execute("PRAGMA integrity_check").fetchall()
                if [tuple(r) for r in status] != [("ok",)]:
                    detail = "; ".join(str(r[0]) for r in status[:3])
                    raise CalxError("db_corrupt", path=shown, detail=detail)
            tables = {
                r[0]
                for r in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
                )
            }
            if "metadata" not in tables:
                raise CalxError(
                    "db_schema_unsupported", path=shown, found="—", expected=SCHEMA_VERSION
                )
            meta = {
                str(k): str(v)
                for k, v in conn.execute("SELECT key, value FROM metadata").fetchall()
            }
            found = meta.get("schema_version", "—")
            missing = (set(TABLES) | {SEARCH_TABLE}) - tables
            if found != str(SCHEMA_VERSION) or missing:
                raise CalxError(
                    "db_schema_unsupported", path=shown, found=found, expected=SCHEMA_VERSION
                )
            recorded = meta.get("content_hash", "")
            if full:
                # Rebuilds the FTS5 index's checksums from its content: a flipped index byte
                # that integrity_check cannot see is refused here.
                conn.execute(
                    f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}, rank) VALUES('integrity-check', 1)"
                )
                try:
                    actual = content_hash(conn)
                except sqlite3.OperationalError:  # a column this version reads is not there
                    raise CalxError(
                        "db_schema_unsupported", path=shown, found=found, expected=SCHEMA_VERSION
                    ) from None
                if actual != recorded:
                    raise CalxError(
                        "db_hash_mismatch",
                        path=shown,
                        recorded=recorded[:12] or "—",
                        actual=actual[:12],
                    )
                released = RELEASED.get(meta.get("content_version", ""))
                if released is not None and released != actual:
                    raise CalxError(
                        "db_hash_mismatch", path=shown, recorded=released[:12], actual=actual[:12]
                    )
        except sqlite3.DatabaseError as err:
            raise CalxError("db_corrupt", path=shown, detail=str(err)) from None
        return DbMetadata(
            schema_version=SCHEMA_VERSION,
            content_version=meta.get("content_version", ""),
            content_date=meta.get("content_date", ""),
            content_hash=recorded,
        )

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> ReferenceDB:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def path(self) -> Path:
        return self._path

    def metadata(self) -> DbMetadata:
        return self._metadata

    def connection(self) -> sqlite3.Connection:
        """The read-only connection, for whole-table comparisons (``content_diff``)."""
        return self._conn

    # ------------------------------------------------------------ lists

    def therapies(self, lang: str = "en") -> list[TherapySummary]:
        """Every record in review order (category, then position in the review)."""
        from desktop.data.models import TherapySummary

        _check_lang(lang)
        # Only the columns used, as plain tuples read by position: sqlite3.Row's lookups by name
        # cost more than the query itself on large content (the tree is filled before use).
        cursor = self._conn.cursor()
        cursor.row_factory = None
        rows = cursor.execute(
            f"SELECT t.id, t.category, t.sort_order, t.name_{lang}, t.name_fr, t.name_en, "
            f"t.synonyms_{lang}, s.text_{lang}, t.evidence_level, t.off_label, "
            "t.conflicting_evidence FROM therapies t "
            "JOIN statements s ON s.therapy_id = t.id AND s.kind = 'summary' "
            "ORDER BY t.category_rank, t.sort_order, t.id"
        )
        loads = json.loads
        return [
            TherapySummary(
                id=therapy_id,
                category=category,
                order=order,
                name=name,
                names=Bilingual(name_fr, name_en),
                synonyms=tuple(loads(synonyms)),
                summary=summary,
                evidence_level=evidence_level,
                off_label=bool(off_label),
                conflicting_evidence=bool(conflicting),
            )
            for (
                therapy_id,
                category,
                order,
                name,
                name_fr,
                name_en,
                synonyms,
                summary,
                evidence_level,
                off_label,
                conflicting,
            ) in rows
        ]

    def overview(self, lang: str = "en") -> list[OverviewRow]:
        """The overview table (the review's missing "Tableau 1"), one row per therapy."""
        from desktop.data.models import OverviewRow

        _check_lang(lang)
        rows = self._conn.execute(
            "SELECT * FROM overview WHERE lang = ? ORDER BY position", (lang,)
        )
        return [
            OverviewRow(
                therapy_id=r["therapy_id"],
                category=r["category"],
                category_label=r["category_label"],
                order=r["position"],
                name=r["name"],
                regimen_summary=r["regimen_summary"],
                evidence_level=r["evidence_level"],
                evidence_label=r["evidence_label"],
                main_adverse_effects=r["main_adverse_effects"],
                off_label=bool(r["off_label"]),
                conflicting_evidence=bool(r["conflicting_evidence"]),
                advised_against=r["advised_against"] or "",
            )
            for r in rows
        ]

    def references(self) -> list[Reference]:
        return [
            self._reference(r) for r in self._conn.execute("SELECT * FROM refs ORDER BY position")
        ]

    def reference(self, reference_id: str) -> Reference:
        row = self._conn.execute("SELECT * FROM refs WHERE id = ?", (reference_id,)).fetchone()
        if row is None:
            raise CalxError("unknown_reference", field="reference", id=str(reference_id)[:100])
        return self._reference(row)

    @staticmethod
    def _reference(r: sqlite3.Row) -> Reference:
        return Reference(
            id=r["id"],
            short=r["short"],
            citation=r["citation"],
            verification=r["verification"],
            doi=r["doi"],
            note=r["note"],
            review=bool(r["review"]),
            convention=bool(r["convention"]),
        )

    def regimens(self) -> list[Regimen]:
        """Every regimen, in review order."""
        rows = self._conn.execute(
            "SELECT r.therapy_id, r.data FROM regimens r JOIN therapies t ON t.id = r.therapy_id "
            "ORDER BY t.position, r.position"
        )
        return [self._regimen(r["data"], r["therapy_id"]) for r in rows]

    def regimen(self, regimen_id: str) -> Regimen:
        row = self._conn.execute(
            "SELECT therapy_id, data FROM regimens WHERE id = ?", (regimen_id,)
        ).fetchone()
        if row is None:
            ids = {r[0]: r[0] for r in self._conn.execute("SELECT id FROM regimens")}
            raise CalxError(
                "unknown_regimen",
                field="regimen",
                id=str(regimen_id)[:100],
                suggestions=_suggest(str(regimen_id), ids),
            )
        return self._regimen(row["data"], row["therapy_id"])

    @staticmethod
    def _regimen(data: str, therapy_id: str) -> Regimen:
        from desktop.core.regimen import regimen_from_dict

        try:
            return regimen_from_dict(json.loads(data), therapy_id)
        except (ContentError, ValueError) as err:  # the hash matched, so only a build bug
            raise CalxError("internal_error", detail=f"regimen of {therapy_id}: {err}") from None

    def products(self) -> list[Product]:
        return [
            self._product(r["data"])
            for r in self._conn.execute("SELECT data FROM products ORDER BY position")
        ]

    def product(self, product_id: str) -> Product:
        row = self._conn.execute("SELECT data FROM products WHERE id = ?", (product_id,)).fetchone()
        if row is None:
            raise CalxError("unknown_product", field="product", id=str(product_id)[:100])
        return self._product(row["data"])

    @staticmethod
    def _product(data: str) -> Product:
        from desktop.core.regimen import product_from_dict

        try:
            return product_from_dict(json.loads(data))
        except (ContentError, ValueError) as err:
            raise CalxError("internal_error", detail=f"product: {err}") from None

    # ------------------------------------------------------------ plan check

    def safety(self) -> SafetyContent:
        """The medication list and the plan-check rules (read once, then kept)."""
        if self._safety is None:
            from desktop.core.safety import SafetyContent, medication_from_dict, rule_from_dict

            try:
                medications = tuple(
                    medication_from_dict(json.loads(r["data"]))
                    for r in self._conn.execute("SELECT data FROM medications ORDER BY position")
                )
                rules = tuple(
                    rule_from_dict(json.loads(r["data"]))
                    for r in self._conn.execute("SELECT data FROM safety_rules ORDER BY position")
                )
            except (ContentError, ValueError) as err:  # the hash matched: only a build bug
                raise CalxError("internal_error", detail=f"safety rules: {err}") from None
            self._safety = SafetyContent(medications=medications, rules=rules)
        return self._safety

    # ------------------------------------------------------------ one record

    def therapy(self, therapy_id: str) -> Therapy:
        """The full record; ``CalxError("unknown_therapy")`` with close matches otherwise."""
        from desktop.data.models import STATEMENT_KINDS, Evidence, Statement, Synonyms, Therapy

        conn = self._conn
        t = conn.execute("SELECT * FROM therapies WHERE id = ?", (therapy_id,)).fetchone()
        if t is None:
            raise CalxError(
                "unknown_therapy",
                field="therapy",
                id=str(therapy_id)[:100],
                suggestions=_suggest(str(therapy_id), self._candidates()),
            )
        kinds: dict[str, list[Statement]] = {}
        for r in conn.execute(
            "SELECT * FROM statements WHERE therapy_id = ? ORDER BY kind, position", (therapy_id,)
        ):
            kinds.setdefault(r["kind"], []).append(
                Statement(Bilingual(r["text_fr"], r["text_en"]), _source(r))
            )
        evidence = tuple(
            Evidence(
                study=Bilingual(r["study_fr"], r["study_en"]),
                design=r["design"],
                population=_text(r, "population") or Bilingual("", ""),
                outcome=_text(r, "outcome") or Bilingual("", ""),
                direction=r["direction"],
                source=_source(r),
                patients=r["patients"],
                intervention=_text(r, "intervention"),
                follow_up=_text(r, "follow_up"),
            )
            for r in conn.execute(
                "SELECT * FROM evidence WHERE therapy_id = ? ORDER BY position", (therapy_id,)
            )
        )
        regimens = tuple(
            self._regimen(r["data"], therapy_id)
            for r in conn.execute(
                "SELECT data FROM regimens WHERE therapy_id = ? ORDER BY position", (therapy_id,)
            )
        )
        mechanism = kinds.get("mechanism", [None])[0]
        return Therapy(
            id=t["id"],
            category=t["category"],
            order=t["sort_order"],
            review_section=Bilingual(t["review_section_fr"], t["review_section_en"]),
            name=Bilingual(t["name_fr"], t["name_en"]),
            synonyms=Synonyms(
                tuple(json.loads(t["synonyms_fr"])), tuple(json.loads(t["synonyms_en"]))
            ),
            off_label=bool(t["off_label"]),
            conflicting_evidence=bool(t["conflicting_evidence"]),
            evidence_level=t["evidence_level"],
            summary=kinds["summary"][0],
            mechanism=mechanism,
            regimens=regimens,
            evidence=evidence,
            **{kind: tuple(kinds.get(kind, ())) for kind in STATEMENT_KINDS},
        )

    def _candidates(self) -> dict[str, str]:
        """Lower-cased ids, names and synonyms -> therapy id, for "did you mean"."""
        if self._id_candidates is None:
            found: dict[str, str] = {}
            for r in self._conn.execute("SELECT * FROM therapies ORDER BY position"):
                names: Iterable[str] = (
                    r["id"],
                    r["name_fr"],
                    r["name_en"],
                    *json.loads(r["synonyms_fr"]),
                    *json.loads(r["synonyms_en"]),
                )
                for n in names:
                    found.setdefault(n.casefold(), r["id"])
            self._id_candidates = found
        return self._id_candidates

    # ------------------------------------------------------------ search

    def search(
        self, query: str, lang: str = "en", limit: int = 20, snippets: int | None = None
    ) -> list[SearchHit]:
        """Ranked hits for free user text, one per therapy, name and snippet in ``lang``.

        Matches both languages, accent- and case-insensitively, every word as a prefix. Hits
        whose names or synonyms hold every word come first (ordered by their name score), then
        the others by bm25 over every column. A query of one or two letters looks in names and
        synonyms only: in the text it would match nearly every record, and nobody reads those.
        Never raises on any ``query``.

        ``snippets``: at most this many passages are cut from the records' text (the costly
        part); the hits past them show their summary, unmarked. The window asks for a screenful
        first, then for the rest once that is painted. None: every hit gets its passage.
        """
        _check_lang(lang)
        words = _query_words(query) if isinstance(query, str) else []
        limit = min(int(limit), MAX_LIMIT)
        if not words or limit < 1:
            return []
        expression = _expression(words)
        records = self._records()
        kind = _search_hit_class()
        name_at, summary_at = (1, 3) if lang == "fr" else (2, 4)

        def hit(rowid: int, rank: float, shown: tuple[str, Spans] | None = None) -> SearchHit:
            record = records[rowid]
            # No marks (a summary or passage in which no word matched): the plain summary.
            text, spans = (record[summary_at], ()) if shown is None else shown
            return _search_hit(kind, record[0], record[name_at], record[5], text, spans, -rank)

        # Names and synonyms first: few rows match a name, and the query reads no text. FTS5's
        # ORDER BY rank would prepare a sorting statement and compute bm25 a second time for
        # the rank it returns; a stable sort in FTS5's rowid order gives the same order.
        by_name = sorted(self._rows(_UNSORTED, (f"{_NAME_COLUMNS} : ({expression})",)), key=_RANK)
        del by_name[limit:]
        if max(map(len, words)) <= SHORT_QUERY_CHARS:
            return [hit(rowid, rank) for rowid, rank in by_name]
        # Then every column, ranked. The first ``snippets`` rows read get their marks (the
        # other rows show their plain summary), and the rows are left as soon as nothing more
        # can change what is shown.
        self._named = named = {rowid for rowid, _ in by_name}
        budget = 1 << 30 if snippets is None else max(0, int(snippets))
        terms = passages.query_terms(words) if len(records) <= SMALL_TABLE_ROWS else None
        rows = self._ranked_rows(lang, expression, terms, budget, limit + len(by_name))
        wanted = limit - len(by_name)
        marks: dict[int, tuple[str, Spans]] = {}  # the name hits read, with their marks
        seen = 0  # name hits read
        others: list[SearchHit] = []
        for read, (rowid, rank, *marked) in enumerate(rows, 1):
            shown: tuple[str, Spans] | None = None
            if terms is None:
                if marked[0] is not None and _OPEN in marked[0]:
                    shown = _unmark(marked[0])
            elif read <= budget:
                shown = self._marks(rowid, lang, terms, rowid in named, expression)
            if rowid in named:
                seen += 1
                if shown is not None:
                    marks[rowid] = shown
            elif len(others) < wanted:
                others.append(hit(rowid, rank, shown))
            if len(others) >= wanted and (seen == len(by_name) or read >= budget):
                break
        return [hit(rowid, rank, marks.get(rowid)) for rowid, rank in by_name] + others

    def _ranked_rows(
        self, lang: str, expression: str, terms: tuple[str, ...] | None, budget: int, limit: int
    ) -> Iterable[tuple[Any, ...]]:
        """(rowid, rank[, marked text]) of the first ``limit`` matches over every column, best
        first. A small table (``terms`` given): its matches read unsorted and sorted here
        (FTS5's ORDER BY rank costs more than the query; a stable sort in FTS5's rowid order,
        as for the names), the caller cutting the marks from the records' tokens
        (``desktop.data.passages``). Else, or for a word whose folding was not checked: FTS5
        ranks, and cuts the marks of the first ``budget`` rows as the cursor steps."""
        if terms is None:
            self._marks_left = budget
            return self._rows(_RANKED[lang], (_OPEN, _CLOSE, expression, limit))
        rows = sorted(self._rows(_UNSORTED, (expression,)), key=_RANK)
        del rows[limit:]
        return rows

    def _marks(
        self, rowid: int, lang: str, terms: tuple[str, ...], named: bool, expression: str
    ) -> tuple[str, Spans] | None:
        """A hit's marked text, as FTS5 would cut it: its summary if a word is in it, else
        (but for a name hit) the passage of its text where one is; None: its plain summary."""
        summary = self._column_tokens(rowid, _SUMMARY_INDEX[lang])
        shown = None if summary is None else summary.highlight(terms)
        if shown is None and not named and summary is not None:
            body = self._column_tokens(rowid, _BODY_INDEX[lang])
            if body is None:
                summary = None
            else:
                shown = body.snippet(terms, SNIPPET_WORDS, _ELLIPSIS)
        if summary is None:  # a character FTS5 may fold otherwise: FTS5 cuts the marks
            marked = self._conn.execute(
                _RECORD_MARKS[lang], (_OPEN, _CLOSE, expression, rowid, 2 if named else 1)
            ).fetchone()
            return None if marked is None or marked[0] is None else _unmark(marked[0])
        return shown

    def _column_tokens(self, rowid: int, column: int) -> passages.Tokens | None:
        """The tokens of one column of one record, read at first use and kept (None: its
        text holds a character whose folding was not checked)."""
        key = (rowid, column)
        try:
            return self._tokens[key]
        except KeyError:
            text = self._conn.execute(_COLUMN_TEXT[column], (rowid,)).fetchone()[0]
            tokens = self._tokens[key] = passages.Tokens.read(text)
            return tokens

    def _mark(self, rowid: int) -> int:
        """SQL ``calx_mark(rowid)`` for each row read: 0 once the budget of marked rows is
        spent, else 2 for a name hit, 1 for the others."""
        self._marks_left -= 1
        return 0 if self._marks_left < 0 else 2 if rowid in self._named else 1

    def _records(self) -> dict[int, tuple[str, str, str, str, str, str]]:
        """Search rowid -> (therapy id, name fr, name en, summary fr, summary en, category).

        Read once per connection from the small tables: a hit's name and plain summary then
        cost no read of the search index's large rows. The build gives each record the search
        rowid ``position + 1`` (``desktop.data.build``); the content hash covers both tables.
        """
        if self._record_of is None:
            self._record_of = {
                position + 1: (therapy_id, *texts)
                for position, therapy_id, *texts in self._conn.execute(
                    "SELECT t.position, t.id, t.name_fr, t.name_en, s.text_fr, s.text_en, "
                    "t.category "
                    "FROM therapies t JOIN statements s ON s.therapy_id = t.id "
                    "AND s.kind = 'summary' AND s.position = 0"
                )
            }
        return self._record_of

    def _rows(self, sql: str, parameters: tuple[Any, ...]) -> Iterable[tuple[Any, ...]]:
        """The rows of one FTS5 query, fetched as the caller steps through them: the cursor
        itself (a Python generator around it cost more than the bare query at 1×). FTS5 parses
        the query on the first step, which ``execute`` takes, so a refusal is raised here."""
        cursor = self._conn.cursor()
        cursor.row_factory = None  # plain tuples: these rows are unpacked, never read by name
        try:
            return cursor.execute(sql, parameters)
        except sqlite3.OperationalError as err:
            if "fts5" in str(err):  # cannot happen with quoted words; never fail a keystroke
                return ()
            raise
