"""``calx therapies | show | search | overview``: the JSON, text and error contract."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from cli_runner import CalxCli

ROOT = Path(__file__).resolve().parents[2]


# ------------------------------------------------------------------ therapies


def test_therapies_json_lists_every_record(
    calx_db_env: Path, real_content, calx_cli: CalxCli
) -> None:
    doc = calx_cli.json(["therapies", "--lang", "fr"])
    assert [t["id"] for t in doc["therapies"]] == [t.id for t in real_content.therapies]
    first = doc["therapies"][0]
    assert set(first) >= {"id", "name", "names", "category", "synonyms"}
    assert first["name"] == first["names"]["fr"]
    assert doc["content_version"] == real_content.meta.content_version


def test_therapies_text(calx_db_env: Path, calx_cli: CalxCli) -> None:
    code, out, _ = calx_cli(["therapies"])
    assert code == 0
    assert "rituximab" in out and "Rituximab" in out
    assert "Interventional procedures" in out
    code, out, _ = calx_cli(["therapies", "--lang", "fr"])
    assert "Procédures interventionnelles" in out


# ------------------------------------------------------------------ show


def test_show_json_has_the_whole_record(calx_db_env: Path, calx_cli: CalxCli) -> None:
    doc = calx_cli.json(["show", "rituximab"])["therapy"]
    assert doc["id"] == "rituximab" and doc["name"] == "Rituximab"
    assert doc["names"] == {"fr": "Rituximab", "en": "Rituximab"}
    assert doc["off_label"] is True and doc["conflicting_evidence"] is True
    regimens = {r["id"]: r for r in doc["regimens"]}
    weekly = regimens["rituximab-375-weekly"]
    assert weekly["dose"]["amount"] == {"low": 375.0, "high": 375.0, "options": []}
    assert weekly["dose"]["basis"] == "per_m2" and weekly["dose"]["unit"] == "mg"
    assert weekly["schedule"]["count"] == 4 and weekly["schedule"]["courses"] == 2
    assert weekly["schedule_source"]["as_reported_in_review"] is True
    assert weekly["description"]["dose"] == "375 mg/m² per dose"
    assert any(e["direction"] == "worsened" for e in doc["evidence"])
    assert any(c["as_reported_in_review"] for c in doc["cautions"])
    refs = {r["id"]: r for r in doc["references"]}
    assert refs["daoussis-2012"]["verification"] == "verified"
    assert "valenzuela-2016" in refs


def test_show_json_in_french(calx_db_env: Path, calx_cli: CalxCli) -> None:
    doc = calx_cli.json(["show", "minocycline", "--lang", "fr"])["therapy"]
    cyclic = next(r for r in doc["regimens"] if r["id"] == "minocycline-cyclic")
    assert cyclic["dose"]["amount"]["options"] == [50.0, 100.0]
    assert cyclic["description"]["dose"] == "50 ou 100 mg par jour"
    assert "semaines" in cyclic["description"]["schedule"]


def test_show_text_marks_statements_reported_only_by_the_review(
    calx_db_env: Path, calx_cli: CalxCli
) -> None:
    code, out, _ = calx_cli(["show", "rituximab"])
    assert code == 0
    for heading in ("Summary", "Mechanism", "Regimens", "Evidence", "Cautions", "References"):
        assert f"\n{heading}\n" in out
    assert "as reported in the review" in out
    assert "375 mg/m² per dose" in out
    assert "Daoussis" in out
    code, out, _ = calx_cli(["show", "rituximab", "--lang", "fr"])
    assert "tel que rapporté dans la revue" in out
    assert "Schémas" in out


def test_show_text_of_every_record(calx_db_env: Path, real_content, calx_cli: CalxCli) -> None:
    for therapy in real_content.therapies:
        for lang in ("fr", "en"):
            code, out, err = calx_cli(["show", therapy.id, "--lang", lang])
            assert code == 0, err
            assert therapy.name.get(lang) in out
            assert max(len(line) for line in out.splitlines()) <= 140


@pytest.mark.parametrize(
    ("therapy", "lang", "expected"),
    [
        ("probenecid", "fr", "dose : jusqu'à 500 mg par administration, trois fois par jour"),
        ("probenecid", "en", "dose: up to 500 mg per dose, three times daily"),
        ("infliximab", "fr", "rythme : aux semaines 0, 2, 6, puis toutes les 8 semaines"),
        ("infliximab", "en", "schedule: at weeks 0, 2, 6, then every 8 weeks"),
        (
            "minocycline",
            "fr",
            "rythme : cycles : 4 à 8 semaines de traitement, puis 3 à 4 mois d'arrêt",
        ),
        ("minocycline", "en", "schedule: cycles: 4–8 weeks on, then 3–4 months off"),
    ],
)
def test_show_writes_doses_and_schedules_in_the_plan_words(
    calx_db_env: Path, calx_cli: CalxCli, therapy: str, lang: str, expected: str
) -> None:
    # The catalogue's words (straight apostrophe, as the printed plan writes "jusqu'à").
    code, out, err = calx_cli(["show", therapy, "--lang", lang])
    assert code == 0, err
    assert expected in out


def test_show_dressing_instructions_are_numbered(calx_db_env: Path, calx_cli: CalxCli) -> None:
    code, out, _ = calx_cli(["show", "hydrocolloid-dressing"])
    assert code == 0
    assert "\nInstructions\n" in out
    assert "  1. " in out and "  2. " in out


# ------------------------------------------------------------------ search and overview


def test_search_json(calx_db_env: Path, calx_cli: CalxCli) -> None:
    doc = calx_cli.json(["search", "paracetamol", "--lang", "fr"])
    assert doc["query"] == "paracetamol"
    hit = doc["hits"][0]
    assert hit["therapy_id"] == "analgesia"
    assert set(hit) == {"therapy_id", "name", "category", "snippet", "highlights", "score"}
    for start, end in hit["highlights"]:
        assert 0 <= start < end <= len(hit["snippet"])


def test_search_text_brackets_matches(calx_db_env: Path, calx_cli: CalxCli) -> None:
    code, out, _ = calx_cli(["search", "hypotension", "--limit", "3"])
    assert code == 0
    assert "[hypotension]" in out.lower()


@pytest.mark.parametrize("query", ["mg/kg", "O'Brien", 'NEAR "ritu', "x" * 10_000])
def test_search_hostile_input(calx_db_env: Path, calx_cli: CalxCli, query: str) -> None:
    doc = calx_cli.json(["search", query])
    assert isinstance(doc["hits"], list)


def test_search_nothing_found(calx_db_env: Path, calx_cli: CalxCli) -> None:
    code, out, _ = calx_cli(["search", "zzzzqqq", "--lang", "fr"])
    assert code == 0 and "Aucun résultat." in out


def test_overview(calx_db_env: Path, real_content, calx_cli: CalxCli) -> None:
    doc = calx_cli.json(["overview", "--lang", "fr"])
    assert len(doc["rows"]) == len(real_content.therapies)
    code, out, _ = calx_cli(["overview"])
    assert code == 0 and "Main adverse effects" in out


# ------------------------------------------------------------------ errors


def test_unknown_id_exits_2_with_message_and_json_error(
    calx_db_env: Path, calx_cli: CalxCli
) -> None:
    code, out, err = calx_cli(["show", "rituxmab", "--json"])
    assert code == 2
    assert "rituxmab" in err and "rituximab" in err
    doc = json.loads(out)
    assert doc["error"]["code"] == "unknown_therapy"
    assert "rituximab" in doc["error"]["message"]
    code, out, err = calx_cli(["show", "rituxmab", "--lang", "fr"])
    assert code == 2 and out == ""
    assert "Aucun traitement" in err


def test_missing_database_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, calx_cli: CalxCli
) -> None:
    monkeypatch.setenv("CALX_DB", str(tmp_path / "absent.sqlite"))
    code, out, err = calx_cli(["therapies", "--json"])
    assert code == 2
    assert json.loads(out)["error"]["code"] == "db_missing"
    assert "absent.sqlite" in err and "Traceback" not in err


def test_corrupt_database_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, calx_cli: CalxCli
) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"\x00garbage" * 1000)
    monkeypatch.setenv("CALX_DB", str(bad))
    code, out, _ = calx_cli(["search", "ritu", "--json"])
    assert code == 2 and json.loads(out)["error"]["code"] == "db_corrupt"


def test_limit_out_of_range(calx_db_env: Path, calx_cli: CalxCli) -> None:
    code, out, _ = calx_cli(["search", "ritu", "--limit", "0", "--json"])
    assert code == 2
    assert json.loads(out)["error"]["code"] == "search_limit_out_of_range"


def test_the_installed_entry_point(reference_db: Path) -> None:
    calx = ROOT / ".venv" / "bin" / "calx"
    if not calx.exists():
        pytest.skip("no .venv/bin/calx (run `make venv`)")
    env = {**os.environ, "CALX_DB": str(reference_db)}
    result = subprocess.run(
        [str(calx), "search", "ritu", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["hits"][0]["therapy_id"] == "rituximab"
    result = subprocess.run(
        [str(calx), "show", "nope", "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert json.loads(result.stdout)["error"]["code"] == "unknown_therapy"
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("query", ["", "   ", '"', "*", '""', "- +"])
def test_a_query_without_a_word_is_refused_not_answered_no_match(
    calx_db_env: Path, calx_cli: CalxCli, query: str
) -> None:
    code, out, err = calx_cli(["search", query, "--lang", "fr"])
    assert code == 2 and out == ""
    assert "Saisissez au moins un mot" in err and "Aucun résultat" not in err
    code, out, _ = calx_cli(["search", query, "--json"])
    assert code == 2 and json.loads(out)["error"]["code"] == "search_query_empty"
