"""``calx bsa`` and ``calx body``: JSON contract, text working, refusals (exit 2, no traceback)."""

from __future__ import annotations

import json

import pytest
from cli_runner import CalxCli

# ---- calx bsa


def test_bsa_json_worked_example(calx_cli: CalxCli) -> None:
    doc = calx_cli.json(["bsa", "--weight", "80 kg", "--height", "180 cm"])
    assert doc["formula"] == "mosteller"
    assert doc["bsa_m2"] == 2.0  # √(180 × 80 / 3600), unrounded float
    assert doc["weight_kg"] == 80.0 and doc["height_cm"] == 180.0
    assert doc["warnings"] == [] and doc["conversions"] == []


def test_bsa_json_is_unrounded_and_shows_conversions(calx_cli: CalxCli) -> None:
    doc = calx_cli.json(
        ["bsa", "--weight", "154 lb", "--height", "5 ft 7 in", "--formula", "dubois"]
    )
    # 69.85322498 kg, 170.18 cm: 0.007184 × 69.85322498^0.425 × 170.18^0.725 = 1.8080… (bc -l)
    assert doc["formula"] == "dubois"
    assert doc["bsa_m2"] == pytest.approx(0.007184 * 69.85322498**0.425 * 170.18**0.725, rel=1e-9)
    assert doc["weight_kg"] == pytest.approx(69.85322498)
    assert doc["conversions"] == ["154 lb = 69.85 kg", "5 ft 7 in = 170.18 cm"]


def test_bsa_all(calx_cli: CalxCli) -> None:
    doc = calx_cli.json(["bsa", "--weight", "60", "--height", "160", "--formula", "all"])
    assert [f["formula"] for f in doc["formulas"]] == [
        "mosteller",
        "dubois",
        "haycock",
        "gehan-george",
        "boyd",
    ]
    by_formula = {f["formula"]: f["bsa_m2"] for f in doc["formulas"]}
    assert by_formula["mosteller"] == pytest.approx(1.632993161855, rel=1e-9)  # √(9600/3600)
    assert by_formula["boyd"] == pytest.approx(1.655771596610, rel=1e-9)
    assert all(f["citation"] for f in doc["formulas"])


def test_bsa_text_shows_the_working(calx_cli: CalxCli) -> None:
    code, out, _ = calx_cli(["bsa", "--weight", "154 lb", "--height", "170 cm"])
    assert code == 0
    assert "Weight: 154 lb = 69.85 kg" in out
    assert "Mosteller: √(H × W / 3600); W = 69.85 kg; H = 170 cm → 1.82 m²" in out
    code, out, _ = calx_cli(["bsa", "--weight", "70,5", "--height", "1,70 m", "--lang", "fr"])
    assert "Taille : 1,7 m = 170 cm" in out
    assert "→ 1,82 m²" in out  # √(170 × 70.5 / 3600) = √3.32917 = 1.8246


def test_bsa_warns_on_implausible_bmi(calx_cli: CalxCli) -> None:
    doc = calx_cli.json(["bsa", "--weight", "180", "--height", "170"])  # BMI 62.3
    assert [w["code"] for w in doc["warnings"]] == ["bmi_implausible"]
    assert "pounds" in doc["warnings"][0]["message"]


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["bsa", "--weight", "170 cm", "--height", "180"], "wrong_unit_kind"),
        (["bsa", "--weight", "600 kg", "--height", "180"], "weight_out_of_range"),
        (["bsa", "--weight", "1,234.5", "--height", "180"], "number_ambiguous"),
        (["bsa", "--weight", "abc", "--height", "180"], "not_a_number"),
        (["bsa", "--weight", "70", "--height", "-170"], "number_negative"),
        (["bsa", "--weight", "70", "--height", "180", "--formula", "nope"], "bad_arguments"),
        (["body", "--weight", "70", "--height", "170", "--sex", "other"], "sex_unknown"),
        (
            ["body", "--weight", "70", "--height", "170", "--sex", "male", "--creatinine", "97"],
            "creatinine_probably_umol",
        ),
    ],
)
def test_refusals_follow_the_contract(
    argv: list[str], code: str, calx_cli: CalxCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.argv", ["calx", *argv, "--json"])  # argparse errors read sys.argv
    status, out, err = calx_cli([*argv, "--json"])
    assert status == 2
    assert "Traceback" not in err and err.strip()
    doc = json.loads(out.strip().splitlines()[0] if code == "bad_arguments" else out)
    assert doc["error"]["code"] == code
    assert doc["error"]["message"]


@pytest.mark.parametrize("spelling", ["gehan-george", "gehan_george", "Gehan-George"])
def test_bsa_formula_spellings_are_the_cores(spelling: str, calx_cli: CalxCli) -> None:
    # The command reads the formula as the engine does (calx dose --formula gehan_george was
    # accepted while calx bsa refused it). Gehan & George 1970: 0.0235 × W^0.51456 × H^0.42246.
    doc = calx_cli.json(["bsa", "--weight", "70", "--height", "170", "--formula", spelling])
    assert doc["formula"] == "gehan-george"
    assert doc["bsa_m2"] == pytest.approx(0.0235 * 70**0.51456 * 170**0.42246, rel=1e-12)


def test_dose_takes_the_same_formula_spellings(calx_cli: CalxCli) -> None:
    args = [
        "dose",
        "rituximab-375-weekly",
        "--weight",
        "70",
        "--height",
        "170",
        "--start",
        "2026-01-05",
    ]
    one = calx_cli.json([*args, "--formula", "gehan_george"])
    other = calx_cli.json([*args, "--formula", "gehan-george"])
    assert one["bsa_formula"] == "gehan-george" and one == other


@pytest.mark.parametrize("spelling", ["femme", "F", "Female"])
def test_body_reads_sex_as_dose_does(spelling: str, calx_cli: CalxCli) -> None:
    # One parser of typed sex for every command: calx body refused "femme", calx dose took it.
    args = ["body", "--weight", "60", "--height", "165", "--age", "50", "--creatinine", "0.8 mg/dL"]
    doc = calx_cli.json([*args, "--sex", spelling])
    assert doc["sex"] == "female"
    assert doc == calx_cli.json([*args, "--sex", "female"])


def test_body_refuses_an_unknown_sex_in_the_users_language(calx_cli: CalxCli) -> None:
    status, out, err = calx_cli(
        ["body", "--weight", "70", "--height", "170", "--sex", "x", "--lang", "fr"]
    )
    assert status == 2 and out == ""
    assert err.startswith("calx: Sexe inconnu « x »") and "Traceback" not in err


def test_refusal_without_json_prints_only_on_stderr(calx_cli: CalxCli) -> None:
    status, out, err = calx_cli(["bsa", "--weight", "170 cm", "--height", "180", "--lang", "fr"])
    assert status == 2 and out == ""
    assert err.startswith("calx: « cm » n'est pas une unité pour le poids")


# ---- calx body


def test_body_worked_example_man(calx_cli: CalxCli) -> None:
    doc = calx_cli.json(
        [
            "body",
            "--weight",
            "90 kg",
            "--height",
            "180 cm",
            "--sex",
            "male",
            "--age",
            "55",
            "--creatinine",
            "1.09 mg/dL",
        ]
    )
    assert doc["bmi"] == pytest.approx(27.7777778)  # 90 / 1.8²
    assert doc["ibw_kg"] == pytest.approx(74.9921260)  # 50 + 2.3 × (70.866 − 60)
    assert doc["abw_kg"] == pytest.approx(80.9952756)  # IBW + 0.4 × (90 − IBW)
    assert doc["crcl_ml_min"] == pytest.approx(97.4770642)  # 85 × 90 / (72 × 1.09) ≈ 97
    assert doc["egfr_ml_min_1_73m2"] == pytest.approx(80.1515898)  # NKF calculator ≈ 80
    assert doc["crcl_weight"] == "actual" and doc["crcl_weight_kg"] == 90.0
    assert doc["warnings"] == []


def test_body_worked_example_woman_micromoles(calx_cli: CalxCli) -> None:
    doc = calx_cli.json(
        [
            "body",
            "--weight",
            "60",
            "--height",
            "160",
            "--sex",
            "female",
            "--age",
            "65",
            "--creatinine",
            "85 µmol/L",
        ]
    )
    assert doc["crcl_ml_min"] == pytest.approx(55.25)  # ≈ 55
    assert doc["egfr_ml_min_1_73m2"] == pytest.approx(65.5331462)  # ≈ 66
    assert doc["creatinine_mg_dl"] == pytest.approx(0.9615384615)
    assert doc["conversions"] == ["85 µmol/L = 0.96 mg/dL"]


def test_body_crcl_weight_choice(calx_cli: CalxCli) -> None:
    doc = calx_cli.json(
        [
            "body",
            "--weight",
            "60",
            "--height",
            "160",
            "--sex",
            "female",
            "--age",
            "65",
            "--creatinine",
            "85 umol/L",
            "--crcl-weight",
            "ideal",
        ]
    )
    assert doc["crcl_weight"] == "ideal"
    assert doc["crcl_weight_kg"] == pytest.approx(52.3818898)
    assert doc["crcl_ml_min"] == pytest.approx(48.2349902)


def test_body_nulls_where_an_input_is_missing(calx_cli: CalxCli) -> None:
    doc = calx_cli.json(["body", "--weight", "154", "--height", "170", "--sex", "male"])
    assert doc["bmi"] == pytest.approx(53.2871972)
    assert doc["crcl_ml_min"] is None and doc["egfr_ml_min_1_73m2"] is None
    assert doc["crcl_weight_kg"] is None
    assert doc["warnings"] == []


def test_body_under_18_has_no_egfr_and_says_why(calx_cli: CalxCli) -> None:
    doc = calx_cli.json(
        [
            "body",
            "--weight",
            "50",
            "--height",
            "160",
            "--sex",
            "female",
            "--age",
            "16",
            "--creatinine",
            "0.7",
        ]
    )
    assert doc["egfr_ml_min_1_73m2"] is None
    assert doc["crcl_ml_min"] is not None
    assert {w["code"] for w in doc["warnings"]} == {"egfr_adults_only", "crcl_adult_formula"}


def test_body_short_height_warns_once(calx_cli: CalxCli) -> None:
    doc = calx_cli.json(
        [
            "body",
            "--weight",
            "50",
            "--height",
            "150",
            "--sex",
            "female",
            "--age",
            "60",
            "--creatinine",
            "1",
            "--crcl-weight",
            "adjusted",
        ]
    )
    assert [w["code"] for w in doc["warnings"]] == ["ibw_extrapolated_short"]
    assert doc["warnings"][0]["field"] == "height"


def test_body_text_shows_the_working(calx_cli: CalxCli) -> None:
    code, out, _ = calx_cli(
        [
            "body",
            "--weight",
            "60",
            "--height",
            "160",
            "--sex",
            "female",
            "--age",
            "65",
            "--creatinine",
            "85 µmol/L",
            "--lang",
            "fr",
        ]
    )
    assert code == 0
    assert "Créatinine : 85 µmol/L = 0,96 mg/dL" in out
    assert "W = 60 kg (poids réel)" in out
    assert "→ 55,25 mL/min" in out
    assert "→ 65,53 mL/min/1,73 m²" in out
    code, out, _ = calx_cli(["body", "--weight", "60", "--height", "160", "--sex", "female"])
    assert "Cockcroft–Gault: not computed (Cockcroft–Gault needs the age.)" in out
