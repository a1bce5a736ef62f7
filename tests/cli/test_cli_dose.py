"""``calx dose``: the JSON contract, the text output and clean refusals (exit 2, no traceback).

The reference database is the one built from the real content once per session (tests/conftest.py).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from cli_runner import CalxCli, CliRun

START = ["--start", "2026-01-05"]


@pytest.fixture(autouse=True)
def use_db(calx_db_env: Path) -> None:
    """Every test here reads the session's reference database (``tests/conftest.py``)."""


def run(calx_cli: CalxCli, *argv: str) -> CliRun:
    done = calx_cli(argv)
    assert "Traceback" not in done.out + done.err
    return done


def dose_json(calx_cli: CalxCli, *argv: str) -> dict[str, Any]:
    code, out, err = run(calx_cli, "dose", *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def test_rituximab_json(calx_cli: CalxCli) -> None:
    d = dose_json(
        calx_cli, "rituximab-375-weekly", "--weight", "70 kg", "--height", "170 cm", *START
    )
    assert d["regimen"] == "rituximab-375-weekly"
    assert d["dose_mg"] == pytest.approx(681.7945, abs=1e-4)  # unrounded
    assert d["dose_display"] == "681.79 mg"
    assert d["rounded_dose_mg"] == 680
    assert d["deviation_percent"] == pytest.approx(-0.2632, abs=1e-4)
    assert d["bsa_m2"] == pytest.approx(1.818119, abs=1e-6) and d["bsa_formula"] == "mosteller"
    assert d["volume_ml"] == pytest.approx(68)
    assert d["vials"] == [{"strength_mg": 500, "count": 1}, {"strength_mg": 100, "count": 2}]
    assert d["administrations"] == ["2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26"]
    assert d["next_after_horizon"] == "2027-07-05"
    assert d["course_total_mg"] == 2720
    assert "375 mg/m² × 1.8181 m² = 681.79 mg" in d["working"]
    assert d["warnings"] == []


def test_infliximab_json(calx_cli: CalxCli) -> None:
    d = dose_json(calx_cli, "infliximab-3-mg-kg", "--weight", "70", *START)
    assert (d["dose_mg"], d["rounded_dose_mg"], d["volume_ml"]) == (210, 210, 21)
    assert d["vials"] == [{"strength_mg": 100, "count": 3}]
    assert d["final_concentration_mg_ml"] == pytest.approx(0.84)
    assert d["administrations"] == [
        "2026-01-05",
        "2026-01-19",
        "2026-02-16",
        "2026-04-13",
        "2026-06-08",
        "2026-08-03",
        "2026-09-28",
        "2026-11-23",
    ]


def test_infliximab_under_100_mg_warns(calx_cli: CalxCli) -> None:
    d = dose_json(calx_cli, "infliximab-3-mg-kg", "--weight", "30 kg", *START)
    assert "final_concentration_below_label" in [w["code"] for w in d["warnings"]]
    assert all(w["message"] for w in d["warnings"])


def test_a_dose_in_ml_reports_dose_ml_and_no_dose_mg(calx_cli: CalxCli) -> None:
    d = dose_json(calx_cli, "aluminium-hydroxide-30ml-qid", "--weight", "70 kg", *START)
    assert (d["dose_mg"], d["dose_ml"], d["daily_dose_ml"]) == (None, 30, 120)
    assert d["dose_display"] == "30 mL four times daily"
    assert "renal_caution" in [w["code"] for w in d["warnings"]]


def test_ceftriaxone_days_1_to_20_are_dated_administrations(calx_cli: CalxCli) -> None:
    d = dose_json(calx_cli, "ceftriaxone-2g-20-days", "--weight", "70 kg", *START)
    assert d["dose_mg"] == 2000 and d["dose_per"] == "day" and d["dose_display"] == "2 g daily"
    assert len(d["administrations"]) == 20
    assert (d["administrations"][0], d["administrations"][-1]) == ("2026-01-05", "2026-01-24")
    assert d["schedule"] == [
        {
            "date": "2026-01-05",
            "end": "2026-01-24",
            "kind": "daily",
            "number": 1,
            "course": 1,
            "first_day": 1,
            "last_day": 20,
            "continues": False,
        }
    ]
    assert d["course_total_mg"] == 40000


def test_triamcinolone_has_dates_but_no_dose(calx_cli: CalxCli) -> None:
    d = dose_json(calx_cli, "triamcinolone-intralesional-4-8-weeks", "--weight", "70 kg", *START)
    assert d["dose_mg"] is None and d["dose_display"] is None and d["vials"] == []
    assert len(d["administrations"]) == 14
    assert [w["code"] for w in d["warnings"]] == ["range_lower_bound_used"]
    assert d["choices"] == {"every": 4}
    d8 = dose_json(
        calx_cli,
        "triamcinolone-intralesional-4-8-weeks",
        "--weight",
        "70 kg",
        *START,
        "--choose",
        "every=8",
    )
    assert len(d8["administrations"]) == 7 and d8["warnings"] == []


def test_choices_for_dose_and_schedule_together(calx_cli: CalxCli) -> None:
    d = dose_json(
        calx_cli,
        "minocycline-cyclic",
        "--weight",
        "70 kg",
        *START,
        "--choose",
        "dose=100",
        "on=8",
        "--choose",
        "off=4",
        "--horizon-months",
        "6",
    )
    assert d["dose_mg"] == 100 and d["warnings"] == []
    assert d["choices"] == {"on": 8, "off": 4, "dose": 100}
    # 56 days on (5 Jan – 1 Mar), 4 months off (2 Mar – 1 Jul), on again from 2 Jul.
    assert [r["kind"] for r in d["schedule"]] == ["on", "off", "on"]
    assert d["schedule"][2]["date"] == "2026-07-02" and d["schedule"][2]["end"] == "2026-07-04"
    assert len(d["administrations"]) == 56 + 3


def test_french_decimal_comma_in_working_and_choice(calx_cli: CalxCli) -> None:
    d = dose_json(
        calx_cli,
        "rituximab-375-weekly",
        "--weight",
        "70,5 kg",
        "--height",
        "1,70 m",
        "--lang",
        "fr",
        *START,
    )
    assert d["dose_mg"] == pytest.approx(375 * (170 * 70.5 / 3600) ** 0.5)
    assert any(line.startswith("Surface corporelle (Mosteller)") for line in d["working"])
    assert "," in d["dose_display"]


def test_default_start_is_today(calx_cli: CalxCli) -> None:
    d = dose_json(calx_cli, "co2-laser-single-session", "--weight", "70 kg")
    assert d["administrations"] == [date.today().isoformat()]


def test_text_output(calx_cli: CalxCli) -> None:
    code, out, _ = run(
        calx_cli, "dose", "rituximab-375-weekly", "--weight", "70 kg", "--height", "170 cm", *START
    )
    assert code == 0
    assert "681.79 mg" in out and "680 mg" in out and "5 January 2026" in out
    assert "1 × 500 mg + 2 × 100 mg" in out
    code, out, _ = run(
        calx_cli, "dose", "ceftriaxone-2g-20-days", "--weight", "70 kg", *START, "--lang", "fr"
    )
    assert code == 0 and "5 janvier 2026 au 24 janvier 2026" in out


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["nope", "--weight", "70 kg"], "unknown_regimen"),
        (["probenecid-500-tid", "--weight", "70 kg"], "choice_required"),
        (["diltiazem-240-480", "--weight", "70 kg", "--choose", "dose=500"], "choice_out_of_range"),
        (["diltiazem-240-480", "--weight", "70 kg", "--choose", "dos=300"], "unknown_choice"),
        (["diltiazem-240-480", "--weight", "70 kg", "--choose", "dose"], "choose_malformed"),
        (["diltiazem-240-480", "--weight", "70 kg", "--choose", "dose=abc"], "not_a_number"),
        (["diltiazem-180", "--weight", "70 kg", "--start", "05/01/2026"], "start_date_invalid"),
        (["diltiazem-180", "--weight", "70 kg", "--horizon-months", "0"], "horizon_out_of_range"),
        (["diltiazem-180", "--weight", "70 kg", "--horizon-months", "61"], "horizon_out_of_range"),
        (["rituximab-375-weekly", "--weight", "70 kg"], "height_required"),
        (["rituximab-375-weekly", "--weight", "170 cm", "--height", "170 cm"], "wrong_unit_kind"),
        (["infliximab-3-mg-kg", "--weight", "900 kg"], "weight_out_of_range"),
        (["minocycline-cyclic", "--weight", "70 kg", "--choose", "on=12"], "choice_out_of_range"),
    ],
)
def test_refused_input_exits_2_with_a_json_error(
    calx_cli: CalxCli, argv: list[str], code: str
) -> None:
    status, out, err = run(calx_cli, "dose", *argv, "--json")
    assert status == 2
    doc = json.loads(out)
    assert doc["error"]["code"] == code, doc
    assert doc["error"]["message"] and doc["error"]["message"] != code
    assert err.startswith("calx: ")


def test_refusal_without_json_prints_only_on_stderr(calx_cli: CalxCli) -> None:
    status, out, err = run(
        calx_cli, "dose", "probenecid-500-tid", "--weight", "70 kg", "--lang", "fr"
    )
    assert status == 2 and out == ""
    assert "500 mg" in err and "choisissez" in err
