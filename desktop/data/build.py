"""Build the read-only reference database from ``db/content/`` (``python db/build.py``).

Deterministic: the same content gives the same bytes. Rows are inserted in review order, nothing
depends on the clock or on dictionary order of the input, the FTS index is optimised into one
segment and the file is VACUUMed. The database is written to a temporary file beside the target
and renamed over it only when complete, so a failed build never leaves a half-written database.
The schema is described in ``desktop.data.schema``.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import sqlite_utils

from desktop.core.regimen import Bilingual, Source
from desktop.core.safety import medication_to_dict, rule_to_dict
from desktop.core.words import LANGUAGES
from desktop.data.canonical import canonical_json
from desktop.data.content import Content, load_content
from desktop.data.models import CATEGORIES, DESIGNS, DIRECTIONS, DbMetadata, Therapy
from desktop.data.schema import (
    NOT_NULL,
    PRIMARY_KEYS,
    SCHEMA_VERSION,
    SEARCH_COLUMNS,
    SEARCH_TABLE,
    SEARCH_WEIGHTS,
    TABLES,
    content_hash,
    search_table_sql,
)

# Between the statements of one search column: snippets may span two statements.
_JOIN = " · "


def _source_columns(source: Source) -> dict[str, Any]:
    return {"ref": source.ref, "section": source.section, "verification": source.verification}


def _both(prefix: str, text: Bilingual | None) -> dict[str, Any]:
    return {
        f"{prefix}_{lang}": (text.get(lang) if text is not None else None) for lang in LANGUAGES
    }


# ---------------------------------------------------------------- rows


def _reference_rows(content: Content) -> Iterable[dict[str, Any]]:
    for i, r in enumerate(content.references):
        yield {
            "id": r.id,
            "position": i,
            "short": r.short,
            "citation": r.citation,
            "doi": r.doi,
            "verification": r.verification,
            "note": r.note,
            "review": int(r.review),
            "convention": int(r.convention),
        }


def _product_rows(content: Content) -> Iterable[dict[str, Any]]:
    for i, p in enumerate(content.products):
        yield {
            "id": p.id,
            "position": i,
            **_both("name", p.name),
            "data": canonical_json(content.product_sources[p.id]),
        }


def _therapy_rows(content: Content) -> Iterable[dict[str, Any]]:
    for i, t in enumerate(content.therapies):
        yield {
            "id": t.id,
            "position": i,
            "category": t.category,
            "category_rank": list(CATEGORIES).index(t.category),
            "sort_order": t.order,
            **_both("name", t.name),
            "synonyms_fr": canonical_json(list(t.synonyms.fr)),
            "synonyms_en": canonical_json(list(t.synonyms.en)),
            **_both("review_section", t.review_section),
            "off_label": int(t.off_label),
            "conflicting_evidence": int(t.conflicting_evidence),
            "evidence_level": t.evidence_level,
        }


def _statement_rows(content: Content) -> Iterable[dict[str, Any]]:
    for t in content.therapies:
        positions: dict[str, int] = {}
        for kind, st in t.statements():
            position = positions.get(kind, 0)
            positions[kind] = position + 1
            yield {
                "therapy_id": t.id,
                "kind": kind,
                "position": position,
                **_both("text", st.text),
                **_source_columns(st.source),
            }


def _regimen_rows(content: Content) -> Iterable[dict[str, Any]]:
    for t in content.therapies:
        for i, r in enumerate(t.regimens):
            yield {
                "id": r.id,
                "therapy_id": t.id,
                "position": i,
                **_both("label", r.label),
                "route": r.route,
                "product": r.product,
                "data": canonical_json(content.regimen_sources[r.id]),
            }


def _evidence_rows(content: Content) -> Iterable[dict[str, Any]]:
    for t in content.therapies:
        for i, e in enumerate(t.evidence):
            yield {
                "therapy_id": t.id,
                "position": i,
                **_both("study", e.study),
                "design": e.design,
                "patients": e.patients,
                **_both("population", e.population),
                **_both("intervention", e.intervention),
                **_both("outcome", e.outcome),
                **_both("follow_up", e.follow_up),
                "direction": e.direction,
                **_source_columns(e.source),
            }


def _medication_rows(content: Content) -> Iterable[dict[str, Any]]:
    for i, m in enumerate(content.safety.medications):
        yield {
            "id": m.id,
            "position": i,
            **_both("name", m.name),
            "data": canonical_json(medication_to_dict(m)),
        }


def _rule_rows(content: Content) -> Iterable[dict[str, Any]]:
    for i, r in enumerate(content.safety.rules):
        yield {
            "code": r.code,
            "position": i,
            "kind": r.kind,
            "severity": r.severity,
            "data": canonical_json(rule_to_dict(r)),
        }


def regimen_summary(t: Therapy, lang: str) -> str:
    """The overview's regimen column: every regimen label of the record ("" when none)."""
    return _list_separator(lang).join(r.label.get(lang) for r in t.regimens)


def _list_separator(lang: str) -> str:
    return " ; " if lang == "fr" else "; "  # French puts a space before ";"


def adverse_effects_summary(t: Therapy, lang: str) -> str:
    """The overview's adverse-effects column: each effect, without its final full stop."""
    return _list_separator(lang).join(s.text.get(lang).rstrip(". ") for s in t.adverse_effects)


def _advisers(content: Content, t: Therapy) -> str:
    """Who advises against the therapy, by the short names of the references cited."""
    shorts = {r.id: r.short for r in content.references}
    return "; ".join(
        dict.fromkeys(shorts.get(s.source.ref, s.source.ref) for s in t.advised_against)
    )


def _overview_rows(content: Content) -> Iterable[dict[str, Any]]:
    for i, t in enumerate(content.therapies):
        for lang in LANGUAGES:
            yield {
                "therapy_id": t.id,
                "lang": lang,
                "position": i,
                "category": t.category,
                "category_label": CATEGORIES[t.category].get(lang),
                "name": t.name.get(lang),
                "regimen_summary": regimen_summary(t, lang),
                "evidence_level": t.evidence_level,
                "evidence_label": DESIGNS[t.evidence_level].get(lang),
                "main_adverse_effects": adverse_effects_summary(t, lang),
                "off_label": int(t.off_label),
                "conflicting_evidence": int(t.conflicting_evidence),
                "advised_against": _advisers(content, t),
            }


def _body(content: Content, t: Therapy, lang: str) -> str:
    """Every text of the record in one language, for full-text search."""
    products = {p.id: p for p in content.products}
    refs = {r.id: r for r in content.references}
    parts = [
        t.review_section.get(lang),
        CATEGORIES[t.category].get(lang),
        DESIGNS[t.evidence_level].get(lang),
    ]
    if t.mechanism is not None:
        parts.append(t.mechanism.text.get(lang))
    for r in t.regimens:
        parts.append(r.label.get(lang))
        for extra in (r.notes, r.renal_caution):
            if extra is not None:
                parts.append(extra.get(lang))
        if r.product in products:
            parts += [products[r.product].name.get(lang), products[r.product].form.get(lang)]
    for e in t.evidence:
        parts += [e.study.get(lang), DESIGNS[e.design].get(lang), e.population.get(lang)]
        parts += [x.get(lang) for x in (e.intervention, e.follow_up) if x is not None]
        parts += [e.outcome.get(lang), DIRECTIONS[e.direction].get(lang)]
    for kind, st in t.statements():
        if kind not in ("summary", "mechanism"):
            parts.append(st.text.get(lang))
    cited = dict.fromkeys(s.ref for s in t.sources())  # first-cited order, no repeats
    parts += [f"{refs[r].short}: {refs[r].citation}" for r in cited if r in refs]
    return _JOIN.join(dict.fromkeys(parts))  # each text once (a section may equal a category)


def _search_rows(content: Content) -> Iterable[tuple[Any, ...]]:
    for i, t in enumerate(content.therapies):
        values = {
            "name_fr": t.name.fr,
            "name_en": t.name.en,
            "synonyms_fr": ", ".join(t.synonyms.fr),
            "synonyms_en": ", ".join(t.synonyms.en),
            "summary_fr": t.summary.text.fr,
            "summary_en": t.summary.text.en,
            "body_fr": _body(content, t, "fr"),
            "body_en": _body(content, t, "en"),
        }
        yield (i + 1, t.id, *(values[c] for c in SEARCH_COLUMNS))


# ---------------------------------------------------------------- writing


def _create_tables(db: sqlite_utils.Database) -> None:
    for name, columns in TABLES.items():
        pk = PRIMARY_KEYS[name]
        db[name].create(  # type: ignore[union-attr]
            columns,
            pk=pk[0] if len(pk) == 1 else pk,
            not_null=NOT_NULL.get(name, ()),
        )
    db.execute(search_table_sql())
    weights = ", ".join(f"{w:g}" for w in SEARCH_WEIGHTS)
    db.execute(
        f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}, rank) VALUES('rank', ?)", [f"bm25({weights})"]
    )


def _insert(db: sqlite_utils.Database, table: str, rows: Iterable[dict[str, Any]]) -> None:
    db[table].insert_all(rows)  # type: ignore[union-attr]


def write_database(content: Content, out: Path) -> DbMetadata:
    """Write ``content`` to ``out`` (replaced atomically) and return its metadata."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    tmp.unlink()  # sqlite creates it afresh: an empty file is not a database
    try:
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            meta = _fill(conn, content)
        finally:
            conn.close()
        os.replace(tmp, out)
        from desktop.data.verify import write_digest

        write_digest(out)  # the whole file's digest, pinned outside it
    except BaseException:
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
            leftover.unlink(missing_ok=True)
        raise
    return meta


def _fill(conn: sqlite3.Connection, content: Content) -> DbMetadata:
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA page_size = 4096")
    db = sqlite_utils.Database(conn)
    conn.execute("BEGIN")
    _create_tables(db)
    _insert(
        db,
        "metadata",
        [
            {"key": "schema_version", "value": str(SCHEMA_VERSION)},
            {"key": "content_version", "value": content.meta.content_version},
            {"key": "content_date", "value": content.meta.content_date},
        ],
    )
    _insert(db, "refs", _reference_rows(content))
    _insert(db, "products", _product_rows(content))
    _insert(db, "therapies", _therapy_rows(content))
    _insert(db, "statements", _statement_rows(content))
    _insert(db, "regimens", _regimen_rows(content))
    _insert(db, "evidence", _evidence_rows(content))
    _insert(db, "overview", _overview_rows(content))
    _insert(db, "medications", _medication_rows(content))
    _insert(db, "safety_rules", _rule_rows(content))
    placeholders = ", ".join("?" * (len(SEARCH_COLUMNS) + 2))
    conn.executemany(
        f"INSERT INTO {SEARCH_TABLE}(rowid, therapy_id, {', '.join(SEARCH_COLUMNS)}) "
        f"VALUES ({placeholders})",
        list(_search_rows(content)),
    )
    # One b-tree segment: faster queries, and the same layout whatever the insert batching.
    conn.execute(f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}) VALUES('optimize')")
    digest = content_hash(conn)
    conn.execute("INSERT INTO metadata(key, value) VALUES('content_hash', ?)", (digest,))
    conn.execute("COMMIT")
    conn.execute("VACUUM")
    return DbMetadata(
        SCHEMA_VERSION, content.meta.content_version, content.meta.content_date, digest
    )


class ContentVersionError(Exception):
    """The content changed under a content version that was already released."""

    def __init__(self, version: str, released: str, actual: str) -> None:
        super().__init__(
            f"content version {version} was released with content {released[:12]}; "
            f"this content is {actual[:12]}: bump content_version in _meta.toml"
        )
        self.version, self.released, self.actual = version, released, actual


def build(content_dir: Path, out: Path, releases: Mapping[str, str] | None = None) -> DbMetadata:
    """Validate ``content_dir`` and write the database to ``out`` (and its digest beside it).

    Raises ``ContentValidationError`` (every problem, file and field named) before writing, and,
    given ``releases`` (version → content hash), ``ContentVersionError`` when the content's
    version was released with another content: nothing is written then either.
    """
    content = load_content(Path(content_dir))
    if releases is not None:
        check_release(content, releases)
    return write_database(content, Path(out))


def check_release(content: Content, releases: Mapping[str, str]) -> None:
    """``ContentVersionError`` when ``content``'s version was released with other content."""
    released = releases.get(content.meta.content_version)
    if released is None:
        return
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        actual = _fill(conn, content).content_hash
    finally:
        conn.close()
    if actual != released:
        raise ContentVersionError(content.meta.content_version, released, actual)
