"""Opening the reference database: start-up checks give error codes, never tracebacks; what
comes back is exactly what the content says."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.core.errors import CalxError
from desktop.core.messages import render
from desktop.data.build import build
from desktop.data.models import CATEGORIES
from desktop.data.refdb import ReferenceDB
from desktop.data.schema import SCHEMA_VERSION
from desktop.data.verify import digest_path, write_digest


def _copy(src: Path, tmp_path: Path) -> Path:
    """A copy of the database with the digest the build pinned beside it."""
    dst = tmp_path / "copy.sqlite"
    shutil.copyfile(src, dst)
    shutil.copyfile(digest_path(src), digest_path(dst))
    return dst


def _edit(path: Path, sql: str, repin: bool = True) -> int:
    """Change the database with SQL; ``repin`` also recomputes the digest beside it, as an editor
    who knows the scheme would, so that the checks behind the digest are reached."""
    with sqlite3.connect(path) as conn:
        changed = conn.execute(sql).rowcount
    conn.close()
    if repin:
        write_digest(path)
    return changed


def _refused(path: Path) -> CalxError:
    with pytest.raises(CalxError) as info:
        ReferenceDB.open(path)
    for lang in ("fr", "en"):  # every start-up error has words, not just a code
        assert render(info.value.issue, lang) != info.value.code
    return info.value


# ------------------------------------------------------------------ start-up checks


def test_missing_file(tmp_path: Path) -> None:
    err = _refused(tmp_path / "nothing.sqlite")
    assert err.code == "db_missing"
    assert err.params["path"].endswith("nothing.sqlite")


def test_a_directory_is_not_a_database(tmp_path: Path) -> None:
    assert _refused(tmp_path).code == "db_missing"


def test_garbage_file(tmp_path: Path) -> None:
    path = tmp_path / "garbage.sqlite"
    path.write_bytes(b"this is not a database at all\n" * 200)
    assert _refused(path).code == "db_corrupt"


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite"
    path.write_bytes(b"")
    assert _refused(path).code == "db_corrupt"


def test_truncated_database(synthetic_db: Path, tmp_path: Path) -> None:
    path = _copy(synthetic_db, tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    assert _refused(path).code == "db_corrupt"


def test_damaged_page(synthetic_db: Path, tmp_path: Path) -> None:
    path = _copy(synthetic_db, tmp_path)
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 2 : page * 2 + 200] = b"\xff" * 200  # a b-tree page header wrecked
    path.write_bytes(bytes(data))
    assert _refused(path).code in ("db_corrupt", "db_hash_mismatch")


def test_another_sqlite_database_has_an_unsupported_schema(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    _edit(path, "CREATE TABLE notes(x)")
    err = _refused(path)
    assert err.code == "db_schema_unsupported"
    assert err.params["expected"] == SCHEMA_VERSION


def test_a_newer_schema_version_is_unsupported(synthetic_db: Path, tmp_path: Path) -> None:
    path = _copy(synthetic_db, tmp_path)
    _edit(path, "UPDATE metadata SET value = '99' WHERE key = 'schema_version'")
    err = _refused(path)
    assert err.code == "db_schema_unsupported"
    assert err.params["found"] == "99"


def test_a_missing_table_is_an_unsupported_schema(synthetic_db: Path, tmp_path: Path) -> None:
    path = _copy(synthetic_db, tmp_path)
    _edit(path, "DROP TABLE overview")
    assert _refused(path).code == "db_schema_unsupported"


@pytest.mark.parametrize(
    "tamper",
    [
        "UPDATE regimens SET data = replace(data, '375', '3750')",
        "UPDATE statements SET text_en = 'Safe in pregnancy.' WHERE kind = 'cautions'",
        "UPDATE therapies SET off_label = 0",
        "UPDATE refs SET verification = 'secondary' WHERE id = 'daoussis-2012'",
        "UPDATE overview SET regimen_summary = '' WHERE lang = 'fr'",
        "UPDATE search SET body_en = 'nothing' WHERE therapy_id = 'rituximab'",
        "UPDATE metadata SET value = '2099.1.0' WHERE key = 'content_version'",
        "DELETE FROM evidence",
    ],
)
def test_a_tampered_row_is_a_hash_mismatch(synthetic_db: Path, tmp_path: Path, tamper: str) -> None:
    path = _copy(synthetic_db, tmp_path)
    assert _edit(path, tamper) >= 1, "the tampering must change a row"
    err = _refused(path)
    assert err.code == "db_hash_mismatch"
    assert err.params["recorded"] != err.params["actual"]


@pytest.mark.parametrize(
    "tamper",
    [
        "UPDATE regimens SET data = replace(data, '375', '3750')",
        "UPDATE metadata SET value = '99' WHERE key = 'schema_version'",
    ],
)
def test_any_edit_without_the_digest_is_damage(
    synthetic_db: Path, tmp_path: Path, tamper: str
) -> None:
    path = _copy(synthetic_db, tmp_path)
    _edit(path, tamper, repin=False)
    err = _refused(path)
    assert err.code == "db_corrupt" and "digest" in err.params["detail"]


def test_a_database_without_its_digest_is_refused(synthetic_db: Path, tmp_path: Path) -> None:
    path = _copy(synthetic_db, tmp_path)
    digest_path(path).unlink()
    assert _refused(path).code == "db_corrupt"
    digest_path(path).write_text("not a digest")
    assert _refused(path).code == "db_corrupt"


def test_an_edit_with_recomputed_hashes_under_a_released_version_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reference_db: Path
) -> None:
    """The trial's attack: 375 mg/m² edited to a tenfold dose, the stored content hash and the
    digest recomputed. The released version's content hash is pinned in the application."""
    from desktop.data import releases
    from desktop.data.schema import content_hash

    path = tmp_path / "calx.sqlite"
    shutil.copy(reference_db, path)
    write_digest(path)
    with ReferenceDB.open(path) as db:
        meta = db.metadata()
    assert releases.RELEASED.get(meta.content_version, meta.content_hash) == meta.content_hash
    monkeypatch.setitem(releases.RELEASED, meta.content_version, meta.content_hash)
    with sqlite3.connect(path) as conn:
        assert (
            conn.execute(
                "UPDATE regimens SET data = replace(data, '375', '3750') "
                "WHERE id = 'rituximab-375-weekly'"
            ).rowcount
            == 1
        )
        conn.execute(
            "UPDATE metadata SET value = ? WHERE key = 'content_hash'", (content_hash(conn),)
        )
    conn.close()
    write_digest(path)
    err = _refused(path)
    assert err.code == "db_hash_mismatch"
    assert err.params["recorded"] == meta.content_hash[:12]


def test_opening_changes_nothing_and_cannot_write(synthetic_db: Path, tmp_path: Path) -> None:
    path = _copy(synthetic_db, tmp_path)
    before = path.read_bytes()
    with ReferenceDB.open(path) as db:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            db._conn.execute("DELETE FROM therapies")
        db.search("rituximab", "fr")
        db.therapy("rituximab")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.sqlite", "copy.sqlite.sha256"]


def test_default_path_follows_calx_db(synthetic_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CALX_DB", str(synthetic_db))
    with ReferenceDB.open() as db:
        assert db.path == synthetic_db
        assert db.metadata().content_version == "2000.1.0"


def test_metadata(synthetic_db: Path) -> None:
    with ReferenceDB.open(synthetic_db) as db:
        meta = db.metadata()
    assert meta.schema_version == SCHEMA_VERSION
    assert (meta.content_version, meta.content_date) == ("2000.1.0", "2026-11-28")
    assert len(meta.content_hash) == 64


# ------------------------------------------------------------------ reading back


def test_every_record_reads_back_equal_to_the_content(real_content, real_db: Path) -> None:
    with ReferenceDB.open(real_db) as db:
        for therapy in real_content.therapies:
            assert db.therapy(therapy.id) == therapy
        assert db.regimens() == [r for t in real_content.therapies for r in t.regimens]
        assert db.references() == list(real_content.references)
        assert db.products() == list(real_content.products)
        for product in real_content.products:
            assert db.product(product.id) == product
        for regimen in db.regimens():
            assert db.regimen(regimen.id) == regimen


def test_therapies_are_listed_by_category_then_order(real_content, real_db: Path) -> None:
    with ReferenceDB.open(real_db) as db:
        listed = db.therapies("fr")
    assert len(listed) == len(real_content.therapies)
    ranks = [(list(CATEGORIES).index(t.category), t.order) for t in listed]
    assert ranks == sorted(ranks)
    first = listed[0]
    source = next(t for t in real_content.therapies if t.id == first.id)
    assert first.name == source.name.fr
    assert first.summary == source.summary.text.fr
    assert first.synonyms == source.synonyms.fr


def test_overview_has_one_row_per_therapy_in_each_language(real_content, real_db: Path) -> None:
    with ReferenceDB.open(real_db) as db:
        for lang in ("fr", "en"):
            rows = db.overview(lang)
            assert [r.therapy_id for r in rows] == [t.id for t in real_content.therapies]
            for row, therapy in zip(rows, real_content.therapies, strict=True):
                assert row.name == therapy.name.get(lang)
                assert row.category_label == CATEGORIES[therapy.category].get(lang)
                assert row.evidence_level == therapy.evidence_level
                for regimen in therapy.regimens:
                    assert regimen.label.get(lang) in row.regimen_summary
                for effect in therapy.adverse_effects:
                    assert effect.text.get(lang).rstrip(". ") in row.main_adverse_effects


def test_overview_separates_adverse_effects_like_a_list(real_db: Path) -> None:
    # The review: hypotension, lower-limb oedema and headache for calcium-channel blockers.
    with ReferenceDB.open(real_db) as db:
        en = next(r for r in db.overview("en") if r.therapy_id == "calcium-channel-blockers")
        fr = next(r for r in db.overview("fr") if r.therapy_id == "calcium-channel-blockers")
    assert en.main_adverse_effects.count("; ") == 2
    assert fr.main_adverse_effects.count(" ; ") == 2


def test_overview_regimen_summary_for_rituximab(real_db: Path) -> None:
    with ReferenceDB.open(real_db) as db:
        row = next(r for r in db.overview("en") if r.therapy_id == "rituximab")
    assert "375 mg/m²" in row.regimen_summary
    assert "1 g" in row.regimen_summary
    assert row.conflicting_evidence and row.off_label


def test_unknown_therapy_suggests_close_ids(synthetic_db: Path) -> None:
    with ReferenceDB.open(synthetic_db) as db:
        with pytest.raises(CalxError) as info:
            db.therapy("rituxmab")
        assert info.value.code == "unknown_therapy"
        assert info.value.params["id"] == "rituxmab"
        assert "rituximab" in info.value.params["suggestions"]
        with pytest.raises(CalxError) as info:
            db.therapy("mabthera")  # a brand name: the record it belongs to is suggested
        assert info.value.params["suggestions"] == "rituximab"
        with pytest.raises(CalxError) as info:
            db.therapy("zzz" * 5000)
        assert info.value.params["suggestions"] == "—"
        assert len(info.value.params["id"]) <= 100


@pytest.mark.parametrize(
    ("method", "code"),
    [
        ("regimen", "unknown_regimen"),
        ("product", "unknown_product"),
        ("reference", "unknown_reference"),
    ],
)
def test_unknown_ids(synthetic_db: Path, method: str, code: str) -> None:
    with ReferenceDB.open(synthetic_db) as db, pytest.raises(CalxError) as info:
        getattr(db, method)("nope")
    assert info.value.code == code
    assert "nope" in render(info.value.issue, "fr")


def test_reference_flags(synthetic_db: Path) -> None:
    with ReferenceDB.open(synthetic_db) as db:
        assert db.reference("valenzuela-2016").review
        assert db.reference("calx-convention").convention
        assert db.reference("daoussis-2012").note.startswith("Regimen verified")


def test_unknown_language_is_refused(synthetic_db: Path) -> None:
    with ReferenceDB.open(synthetic_db) as db, pytest.raises(CalxError) as info:
        db.therapies("de")
    assert info.value.code == "unknown_language"


def test_rebuilt_database_opens(synthetic, tmp_path: Path) -> None:
    out = tmp_path / "out.sqlite"
    meta = build(synthetic.dir, out)
    with ReferenceDB.open(out) as db:
        assert db.metadata() == meta
