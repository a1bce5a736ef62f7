"""The reference database's schema and its content hash, shared by the build and the reader.

Tables (one row per item, in review order; ``data`` columns hold the canonical JSON of the source
table so ``regimen_from_dict`` / ``product_from_dict`` rebuild exactly what the build validated):

- ``metadata(key, value)``: schema_version, content_version, content_date, content_hash;
- ``therapies``, ``statements`` (summary, mechanism, adverse effects, cautions, monitoring, patient
  advice, instructions: one row each with its source), ``regimens``, ``evidence``, ``products``,
  ``refs`` (the references), ``overview`` (one row per therapy and language: the review's
  missing "Tableau 1");
- ``medications`` (the list the plan check recognises) and ``safety_rules`` (the sourced rules of
  ``db/content/safety/``, sorted by code), each with its canonical JSON in ``data``;
- ``search``: an FTS5 index, one row per therapy, names, synonyms, summary and every other text
  in both languages (``unicode61 remove_diacritics 2``, prefix indexes).

The content hash is the sha256 of every stored row of every table above (metadata except the hash
itself), each row as a JSON array, tables and rows in a fixed order. The build computes it after
writing; the reader recomputes it at start, so an edited row is caught.
"""

from __future__ import annotations

import hashlib
import sqlite3

SCHEMA_VERSION = 2  # 2: the medication list and the plan-check rules

# Column name -> SQLite type, in table order; primary key columns listed per table.
TABLES: dict[str, dict[str, type]] = {
    "metadata": {"key": str, "value": str},
    "refs": {
        "id": str,
        "position": int,
        "short": str,
        "citation": str,
        "doi": str,
        "verification": str,
        "note": str,
        "review": int,
        "convention": int,
    },
    "products": {"id": str, "position": int, "name_fr": str, "name_en": str, "data": str},
    "therapies": {
        "id": str,
        "position": int,
        "category": str,
        "category_rank": int,
        "sort_order": int,
        "name_fr": str,
        "name_en": str,
        "synonyms_fr": str,
        "synonyms_en": str,
        "review_section_fr": str,
        "review_section_en": str,
        "off_label": int,
        "conflicting_evidence": int,
        "evidence_level": str,
    },
    "statements": {
        "therapy_id": str,
        "kind": str,
        "position": int,
        "text_fr": str,
        "text_en": str,
        "ref": str,
        "section": str,
        "verification": str,
    },
    "regimens": {
        "id": str,
        "therapy_id": str,
        "position": int,
        "label_fr": str,
        "label_en": str,
        "route": str,
        "product": str,
        "data": str,
    },
    "evidence": {
        "therapy_id": str,
        "position": int,
        "study_fr": str,
        "study_en": str,
        "design": str,
        "patients": int,
        "population_fr": str,
        "population_en": str,
        "intervention_fr": str,
        "intervention_en": str,
        "outcome_fr": str,
        "outcome_en": str,
        "follow_up_fr": str,
        "follow_up_en": str,
        "direction": str,
        "ref": str,
        "section": str,
        "verification": str,
    },
    "overview": {
        "therapy_id": str,
        "lang": str,
        "position": int,
        "category": str,
        "category_label": str,
        "name": str,
        "regimen_summary": str,
        "evidence_level": str,
        "evidence_label": str,
        "main_adverse_effects": str,
        "off_label": int,
        "conflicting_evidence": int,
        "advised_against": str,
    },
    "medications": {"id": str, "position": int, "name_fr": str, "name_en": str, "data": str},
    "safety_rules": {"code": str, "position": int, "kind": str, "severity": str, "data": str},
}

PRIMARY_KEYS: dict[str, tuple[str, ...]] = {
    "metadata": ("key",),
    "refs": ("id",),
    "products": ("id",),
    "therapies": ("id",),
    "statements": ("therapy_id", "kind", "position"),
    "regimens": ("id",),
    "evidence": ("therapy_id", "position"),
    "overview": ("therapy_id", "lang"),
    "medications": ("id",),
    "safety_rules": ("code",),
}

NOT_NULL: dict[str, tuple[str, ...]] = {
    "refs": ("short", "citation", "verification"),
    "therapies": ("category", "name_fr", "name_en", "evidence_level"),
    "statements": ("text_fr", "text_en", "ref", "verification"),
    "regimens": ("therapy_id", "label_fr", "label_en", "route", "data"),
    "evidence": ("study_fr", "study_en", "design", "ref", "verification"),
    "medications": ("name_fr", "name_en", "data"),
    "safety_rules": ("kind", "severity", "data"),
}

SEARCH_TABLE = "search"
# FTS5 columns after the unindexed therapy id; the reader relies on this order (column indexes).
SEARCH_COLUMNS: tuple[str, ...] = (
    "name_fr",
    "name_en",
    "synonyms_fr",
    "synonyms_en",
    "summary_fr",
    "summary_en",
    "body_fr",
    "body_en",
)
# bm25 weights (therapy_id, then SEARCH_COLUMNS): names and synonyms far above the rest.
SEARCH_WEIGHTS: tuple[float, ...] = (0.0, 10.0, 10.0, 8.0, 8.0, 3.0, 3.0, 1.0, 1.0)
SEARCH_TOKENIZE = "unicode61 remove_diacritics 2"
SEARCH_PREFIX = "1 2 3 4"


def search_table_sql() -> str:
    columns = ", ".join(("therapy_id UNINDEXED", *SEARCH_COLUMNS))
    return (
        f"CREATE VIRTUAL TABLE {SEARCH_TABLE} USING fts5({columns}, "
        f"tokenize=\"{SEARCH_TOKENIZE}\", prefix='{SEARCH_PREFIX}')"
    )


# What the hash reads: every table in this order, rows in primary-key order.
HASHED_TABLES: tuple[str, ...] = (
    "metadata",
    "refs",
    "products",
    "therapies",
    "statements",
    "regimens",
    "evidence",
    "overview",
    "medications",
    "safety_rules",
    SEARCH_TABLE,
)


def _hash_query(table: str) -> str:
    if table == SEARCH_TABLE:
        cols = ("rowid", "therapy_id", *SEARCH_COLUMNS)
        return f"SELECT json_array({', '.join(cols)}) FROM {table} ORDER BY rowid"
    cols = tuple(TABLES[table])
    where = " WHERE key != 'content_hash'" if table == "metadata" else ""
    order = ", ".join(PRIMARY_KEYS[table])
    return f"SELECT json_array({', '.join(cols)}) FROM {table}{where} ORDER BY {order}"


def content_hash(conn: sqlite3.Connection) -> str:
    """sha256 (hex) of the stored content: every row of ``HASHED_TABLES`` as a JSON array.

    Raises ``sqlite3.Error`` when a table or column is missing (the caller decides what that
    means). No REAL columns are hashed, so SQLite's number formatting cannot vary it.
    """
    digest = hashlib.sha256()
    for table in HASHED_TABLES:
        digest.update(f"\x1e{table}\n".encode())
        for (row,) in conn.execute(_hash_query(table)):
            digest.update(row.encode())
            digest.update(b"\n")
    return digest.hexdigest()
