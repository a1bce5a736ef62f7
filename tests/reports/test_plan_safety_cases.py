"""The cases at the top of issue 9, end to end against the real content: ``calx check``, the
plan refused on a contraindication and printed with ``--override``, the clinician copy's "Safety
checks" section. Assertions name the medications that must be paired, not the rule codes the
content chooses."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from cli_runner import run_main
from plan_helpers import flat, pdf_pages

from desktop.cli.main import main

RANK = {"contraindicated": 0, "avoid": 1, "precaution": 2, "consider": 3}


pytestmark = pytest.mark.usefixtures("cli_databases")


def check(capsys, *args: str) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    assert run_main(["check", "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)["alerts"]  # type: ignore[no-any-return]


def pair(alerts: list[dict], a: str, b: str, worst: str = "consider") -> dict:  # type: ignore[type-arg]
    found = [x for x in alerts if {a, b} <= set(x["triggered_by"]["medications"])]
    assert found, f"no alert pairs {a} and {b}"
    best = min(found, key=lambda x: RANK[x["severity"]])
    assert RANK[best["severity"]] <= RANK[worst], best
    assert best["sources"] and all(s["section"] for s in best["sources"])
    return best


MAN = ["--weight", "70 kg", "--sex", "male"]


def test_colchicine_at_a_clearance_of_17(capsys) -> None:  # type: ignore[no-untyped-def]
    alerts = check(
        capsys,
        *MAN,
        "--age",
        "80",
        "--creatinine",
        "3.3 mg/dL",
        "--regimen",
        "colchicine-1mg-daily",
    )
    renal = [
        a
        for a in alerts
        if any(m["name"] == "crcl-actual" for m in a["triggered_by"]["measurements"])
    ]
    assert renal and renal[0]["severity"] == "contraindicated"
    assert "Cockcroft" in renal[0]["message"]


def test_colchicine_with_diltiazem_minocycline_with_aluminium(capsys) -> None:  # type: ignore[no-untyped-def]
    alerts = check(
        capsys,
        *MAN,
        "--regimen",
        "colchicine-1mg-daily",
        "--regimen",
        "diltiazem-180",
        "--regimen",
        "minocycline-daily",
        "--regimen",
        "aluminium-hydroxide-30ml-qid",
    )
    pair(alerts, "colchicine", "diltiazem", "precaution")
    chelation = pair(alerts, "minocycline", "aluminium-hydroxide", "precaution")
    assert chelation["patient_instruction"]


def test_warfarin_with_antibiotics_and_an_nsaid(capsys) -> None:  # type: ignore[no-untyped-def]
    alerts = check(
        capsys,
        *MAN,
        "--regimen",
        "warfarin-1mg-daily",
        "--regimen",
        "minocycline-daily",
        "--regimen",
        "ceftriaxone-2g-20-days",
        "--comedication",
        "Ibuprofène",
    )
    for other in ("minocycline", "ceftriaxone", "ibuprofen"):
        pair(alerts, "warfarin", other, "precaution")
    assert any("INR" in a["action"] or "INR" in a["message"] for a in alerts)


def test_two_biologics_and_the_same_drug_twice(capsys) -> None:  # type: ignore[no-untyped-def]
    alerts = check(
        capsys,
        *MAN,
        "--regimen",
        "rituximab-1g-x2",
        "--regimen",
        "infliximab-3-mg-kg",
        "--regimen",
        "minocycline-daily",
        "--regimen",
        "minocycline-cyclic",
        "--regimen",
        "diltiazem-180",
        "--regimen",
        "diltiazem-240-480",
    )
    pair(alerts, "rituximab", "infliximab", "avoid")
    codes = {a["code"] for a in alerts}
    assert {"same-medication-minocycline", "same-medication-diltiazem"} <= codes
    text = " ".join(a["message"] + a["action"] for a in alerts).lower()
    assert "hepatitis b" in text and "tuberculosis" in text and "infusion" in text


def test_a_seven_year_old_child(capsys) -> None:  # type: ignore[no-untyped-def]
    alerts = check(
        capsys,
        "--weight",
        "20 kg",
        "--age",
        "7",
        "--regimen",
        "minocycline-daily",
        "--regimen",
        "colchicine-1mg-daily",
        "--regimen",
        "diltiazem-240-480",
        "--regimen",
        "rituximab-1g-x2",
    )
    aged = {
        m
        for a in alerts
        if any(x["name"] == "age" for x in a["triggered_by"]["measurements"])
        for m in a["triggered_by"]["medications"]
    }
    assert "minocycline" in aged  # tetracyclines before 8 years
    assert aged & {"colchicine", "rituximab", "diltiazem"}  # adult doses in a child


def test_pregnancy_unknown_and_yes(capsys) -> None:  # type: ignore[no-untyped-def]
    woman = [
        "--weight",
        "60 kg",
        "--sex",
        "female",
        "--regimen",
        "warfarin-1mg-daily",
        "--regimen",
        "minocycline-daily",
        "--regimen",
        "infliximab-3-mg-kg",
    ]
    unknown = check(capsys, *woman)
    reminded = {
        m
        for a in unknown
        if "pregnant=unknown" in a["triggered_by"]["patient"]
        for m in a["triggered_by"]["medications"]
    }
    assert {"warfarin", "minocycline"} <= reminded
    pregnant = check(capsys, *woman, "--pregnant", "yes")
    warfarin = [
        a
        for a in pregnant
        if "pregnant=yes" in a["triggered_by"]["patient"]
        and "warfarin" in a["triggered_by"]["medications"]
    ]
    assert warfarin and warfarin[0]["severity"] == "contraindicated"


def test_pounds_typed_as_kilograms(capsys) -> None:  # type: ignore[no-untyped-def]
    alerts = check(
        capsys, "--weight", "154 kg", "--height", "170 cm", "--regimen", "infliximab-3-mg-kg"
    )
    unit = next(a for a in alerts if a["code"] == "check-weight-unit")
    assert "154 kg = 339.5 lb" in unit["message"]


def test_obese_patient_with_egfr_53_gets_the_renal_caution(capsys) -> None:  # type: ignore[no-untyped-def]
    # 60-year-old woman, 120 kg, 165 cm, 1.15 mg/dL: Cockcroft–Gault on actual weight ~99
    # mL/min, CKD-EPI 2021 ~53: the aluminium hydroxide renal caution must fire.
    with contextlib.suppress(SystemExit):
        main(
            [
                "dose",
                "aluminium-hydroxide-30ml-qid",
                "--weight",
                "120 kg",
                "--height",
                "165 cm",
                "--sex",
                "female",
                "--age",
                "60",
                "--creatinine",
                "1.15 mg/dL",
                "--json",
            ]
        )
    doc = json.loads(capsys.readouterr().out)
    low = next(w for w in doc["warnings"] if w["code"] == "renal_caution_low_clearance")
    assert "CKD-EPI 2021" in low["message"]
    alert = next(a for a in doc["alerts"] if a["code"].startswith("renal-caution-"))
    names = [m["name"] for m in alert["triggered_by"]["measurements"]]
    assert names == ["egfr-ckd-epi-2021"]  # Cockcroft–Gault on actual weight is ~99 mL/min


def test_contraindication_refuses_the_plan_until_overridden(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out, copy = tmp_path / "plan.pdf", tmp_path / "copy.pdf"
    base = [
        "plan",
        "--patient",
        "Jean Test",
        "--weight",
        "70 kg",
        "--sex",
        "male",
        "--age",
        "80",
        "--creatinine",
        "3.3 mg/dL",
        "--start",
        "2025-03-03",
        "--prepared-on",
        "2025-03-01",
        "--regimen",
        "colchicine-1mg-daily",
        "--out",
        str(out),
        "--clinician-copy",
        str(copy),
        "--json",
    ]
    with pytest.raises(SystemExit) as refused:
        main(base)
    assert refused.value.code == 2
    error = json.loads(capsys.readouterr().out)["error"]
    assert error["code"] == "plan_contraindicated"
    assert not out.exists() and not copy.exists()
    code = error["message"].split("(")[1].split(")")[0].split(",")[0].strip()
    assert main([*base, "--override", f"{code}:dialysis team agrees", "--save"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["overrides"] == [{"code": code, "reason": "dialysis team agrees"}]
    assert any(a["code"] == code and a["override"] for a in doc["alerts"])
    from desktop.data.userdb import UserDB

    with UserDB.open() as userdb:
        actions = [e.action for e in userdb.log_entries() if e.plan_id == doc["plan_id"]]
        assert actions[0] == "override" and userdb.verify_log()[0]
        assert userdb.load_plan(doc["plan_id"]).record.document["plan"]["overrides"]
    text = flat("\n".join(pdf_pages(copy.read_bytes())))
    assert "Safety checks" in text and code in text and "dialysis team agrees" in text
    assert "Cockcroft" in text  # the renal estimates are stated
    patient_text = flat("\n".join(pdf_pages(out.read_bytes())))
    assert code not in patient_text  # no codes on the patient copy


def test_the_weight_changed_since_the_last_saved_plan(tmp_path: Path, capsys, user_data) -> None:  # type: ignore[no-untyped-def]
    base = [
        "plan",
        "--patient",
        "Marie Curie",
        "--start",
        "2025-03-03",
        "--prepared-on",
        "2025-03-01",
        "--regimen",
        "infliximab-3-mg-kg",
        "--out",
        str(tmp_path / "p.pdf"),
    ]
    assert main([*base, "--weight", "70 kg", "--save"]) == 0
    capsys.readouterr()
    alerts = check(
        capsys, "--patient", "marie curie", "--weight", "154 kg", "--regimen", "infliximab-3-mg-kg"
    )
    changed = next(a for a in alerts if a["code"] == "weight-changed")
    assert "70 kg → 154 kg" in changed["message"]
    assert (
        "154 kg = 339.5 lb"
        in next(a for a in alerts if a["code"] == "check-weight-unit")["message"]
    )


def test_check_writes_no_file(tmp_path: Path, capsys, user_data) -> None:  # type: ignore[no-untyped-def]
    before = sorted(p for p in user_data.rglob("*")) if user_data.exists() else []
    check(capsys, "--patient", "Nobody", "--weight", "70 kg", "--regimen", "warfarin-1mg-daily")
    after = sorted(p for p in user_data.rglob("*")) if user_data.exists() else []
    assert after == before


@pytest.mark.parametrize(
    ("extra", "code"),
    [
        (["--override", "nope:why"], "override_not_needed"),
        (["--override", "no-reason"], "override_malformed"),
        (["--pregnant", "maybe"], "status_unknown"),
    ],
)
def test_bad_safety_input_is_refused_and_writes_nothing(  # type: ignore[no-untyped-def]
    tmp_path: Path, capsys, extra, code
) -> None:
    out = tmp_path / "p.pdf"
    with pytest.raises(SystemExit) as refused:
        main(
            [
                "plan",
                "--patient",
                "X",
                "--weight",
                "70 kg",
                "--regimen",
                "warfarin-1mg-daily",
                "--start",
                "2025-03-03",
                "--out",
                str(out),
                "--json",
                *extra,
            ]
        )
    assert refused.value.code == 2
    captured = capsys.readouterr()
    error = json.loads(captured.out)["error"]
    assert error["code"] == code and "{" not in error["message"]
    assert not out.exists()
