"""The plan check (desktop/core/plan_check.py) on small rule fixtures of its own, so that each
test says which rule fires and why; the real content is checked in tests/data and tests/cli.

Worked examples: docs/clinical.md §2 (Cockcroft–Gault: man 55 y, 90 kg, 1.09 mg/dL → 97 mL/min) and
§4 (154 "kg" at 170 cm is a BMI of 53 and 339.5 lb).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.patient import CurrentMedication, Patient
from desktop.core.plan_check import (
    PlanRegimen,
    blocking,
    check_plan,
    current_medications,
    patient_instructions,
)
from desktop.core.regimen import Bilingual
from desktop.core.safety import Medication, RuleSource, SafetyContent, SafetyRule
from desktop.core.units import Q_

T = Bilingual("fr", "en")
SRC = (RuleSource("label", "4.5"),)


def med(mid: str, *classes: str, syn: tuple[str, ...] = ()) -> Medication:
    return Medication(mid, Bilingual(mid.capitalize(), mid.capitalize()), syn, syn, classes)


MEDS = (
    med("colchicine"),
    med("diltiazem"),
    med("clarithromycin", "macrolide", syn=("Zeclar",)),
    med("minocycline", "tetracycline"),
    med("ferrous-sulfate", "iron-supplement"),
    med("rituximab", "biologic"),
    med("infliximab", "biologic"),
    med("warfarin"),
    med("ibuprofen", "nsaid", syn=("Ibuprofène",)),
    med("ciclosporin"),
)


def rule(code: str, kind: str, severity: str, drugs: tuple[str, ...], **kw: object) -> SafetyRule:
    return SafetyRule(
        code=code, kind=kind, severity=severity, drugs=drugs, message=T, action=T, sources=SRC, **kw
    )  # type: ignore[arg-type]


RULES = SafetyContent(
    MEDS,
    (
        rule(
            "colchicine-diltiazem",
            "interaction",
            "precaution",
            ("colchicine",),
            with_=("diltiazem",),
        ),
        rule(
            "colchicine-macrolides",
            "interaction",
            "contraindicated",
            ("colchicine",),
            with_=("class:macrolide",),
        ),
        rule("colchicine-renal", "renal", "contraindicated", ("colchicine",), below_ml_min=30),
        rule(
            "minocycline-iron",
            "interaction",
            "precaution",
            ("class:tetracycline",),
            with_=("class:iron-supplement",),
            patient=Bilingual("2 h fr", "take 2 hours apart"),
        ),
        rule(
            "tetracyclines-under-8",
            "age",
            "contraindicated",
            ("class:tetracycline",),
            under_years=8,
        ),
        rule("warfarin-pregnancy", "pregnancy", "contraindicated", ("warfarin",)),
        rule("warfarin-nsaid", "interaction", "avoid", ("warfarin",), with_=("class:nsaid",)),
        rule("warfarin-inr", "monitoring", "precaution", ("warfarin",)),
        rule("two-biologics", "duplicate", "avoid", ("class:biologic",)),
        rule("rituximab-hbv", "screening", "precaution", ("rituximab",)),
    ),
)


def patient(**kw: object) -> Patient:
    kw.setdefault("weight", Q_(70, "kg"))
    return Patient(**kw)  # type: ignore[arg-type]


def codes(alerts: tuple) -> list[str]:  # type: ignore[type-arg]
    return [a.code for a in alerts]


def on_plan(*pairs: str) -> list[PlanRegimen]:
    return [PlanRegimen(p.split("=")[0], p.split("=")[1]) for p in pairs]


# ---- table-driven: each rule kind against the situation its source describes
CASES = [
    # (name, patient kwargs, regimens, current medications, expected code, severity)
    (
        "interaction on the plan",
        {},
        ["colchicine-1mg=colchicine", "diltiazem-180=diltiazem"],
        [],
        "colchicine-diltiazem",
        "precaution",
    ),
    (
        "interaction with a current medication",
        {},
        ["colchicine-1mg=colchicine"],
        ["clarithromycin"],
        "colchicine-macrolides",
        "contraindicated",
    ),
    (
        "interaction by class",
        {},
        ["minocycline-daily=minocycline"],
        ["ferrous-sulfate"],
        "minocycline-iron",
        "precaution",
    ),
    (
        "renal: CrCl 17 mL/min",
        {"age_years": 80, "sex": "male", "creatinine": Q_(3.3, "mg/dL")},
        ["colchicine-1mg=colchicine"],
        [],
        "colchicine-renal",
        "contraindicated",
    ),
    (
        "age: 7 years",
        {"age_years": 7, "weight": Q_(20, "kg")},
        ["minocycline-daily=minocycline"],
        [],
        "tetracyclines-under-8",
        "contraindicated",
    ),
    (
        "pregnant",
        {"sex": "female", "pregnant": "yes"},
        ["warfarin-1mg=warfarin"],
        [],
        "warfarin-pregnancy",
        "contraindicated",
    ),
    (
        "pregnancy unknown: a reminder",
        {"sex": "female"},
        ["warfarin-1mg=warfarin"],
        [],
        "warfarin-pregnancy",
        "consider",
    ),
    (
        "warfarin with an NSAID",
        {},
        ["warfarin-1mg=warfarin"],
        ["ibuprofen"],
        "warfarin-nsaid",
        "avoid",
    ),
    ("monitoring", {}, ["warfarin-1mg=warfarin"], [], "warfarin-inr", "precaution"),
    (
        "two biologics",
        {},
        ["rituximab-1g=rituximab", "infliximab-3=infliximab"],
        [],
        "two-biologics",
        "avoid",
    ),
    ("screening", {}, ["rituximab-1g=rituximab"], [], "rituximab-hbv", "precaution"),
    (
        "same medication twice",
        {},
        ["minocycline-daily=minocycline", "minocycline-cyclic=minocycline"],
        [],
        "same-medication-minocycline",
        "avoid",
    ),
    (
        "pounds typed as kg: BMI 53",
        {"weight": Q_(154, "kg"), "height": Q_(170, "cm")},
        [],
        [],
        "check-weight-unit",
        "precaution",
    ),
    ("no height, 160 kg", {"weight": Q_(160, "kg")}, [], [], "check-weight-unit", "precaution"),
]


def test_each_rule_fires_on_its_example() -> None:
    for name, kw, regimens, current, code, severity in CASES:
        meds = tuple(CurrentMedication(m, m) for m in current)
        alerts = check_plan(patient(**kw, medications=meds), on_plan(*regimens), None, RULES)
        found = {a.code: a for a in alerts}
        assert code in found, name
        assert found[code].severity == severity, name


def test_nothing_fires_without_its_trigger() -> None:
    assert check_plan(patient(sex="male"), on_plan("diltiazem-180=diltiazem"), None, RULES) == ()
    # a man is never reminded about pregnancy; a woman who is not pregnant is not either
    assert "warfarin-pregnancy" not in codes(
        check_plan(patient(sex="male"), on_plan("warfarin-1mg=warfarin"), None, RULES)
    )
    assert "warfarin-pregnancy" not in codes(
        check_plan(
            patient(sex="female", pregnant="no"), on_plan("warfarin-1mg=warfarin"), None, RULES
        )
    )
    # two current medications that interact, neither on the plan: not the plan's business
    meds = (CurrentMedication("c", "colchicine"), CurrentMedication("d", "diltiazem"))
    assert "colchicine-diltiazem" not in codes(
        check_plan(patient(medications=meds), [], None, RULES)
    )


def test_the_unit_check_says_the_pounds() -> None:
    alert = check_plan(patient(weight=Q_(154, "kg"), height=Q_(170, "cm")), [], None, RULES)[0]
    assert "154 kg = 339.5 lb" in alert.message.en and "BMI 53.3" in alert.message.en
    assert "154 kg = 339,5 lb" in alert.message.fr
    assert alert.sources[0].ref == "calx-convention"


def test_a_weight_changed_by_more_than_ten_percent_is_said() -> None:
    alerts = check_plan(patient(weight=Q_(70, "kg")), [], None, RULES, previous_weight_kg=60)
    assert "weight-changed" in codes(alerts)
    assert "weight-changed" not in codes(check_plan(patient(), [], None, RULES, 66))


def test_renal_alert_names_the_estimate_that_crossed() -> None:
    # Obese woman, 60 y, 120 kg, 165 cm, 2.0 mg/dL: actual-weight Cockcroft–Gault is 56 mL/min
    # ((140 − 60) × 120 / (72 × 2) × 0.85), adjusted weight (Devine 56.9 kg + 0.4 × 63.1 =
    # 82.1 kg) gives 38.8 mL/min and CKD-EPI 2021 about 28: only the last crosses 30.
    p = patient(
        weight=Q_(120, "kg"),
        height=Q_(165, "cm"),
        sex="female",
        age_years=60,
        creatinine=Q_(2.0, "mg/dL"),
    )
    alert = next(
        a
        for a in check_plan(p, on_plan("c=colchicine"), None, RULES)
        if a.code == "colchicine-renal"
    )
    names = [m.name for m in alert.triggered_by.measurements]
    assert names == ["egfr-ckd-epi-2021"]
    assert "CKD-EPI 2021" in alert.message.en


def test_unknown_names_are_kept_and_not_checked() -> None:
    meds = current_medications(["ibuprofene", "IBUPROFÈNE", "herbal tea", "Zeclar"], RULES)
    assert [(m.name, m.medication_id) for m in meds] == [
        ("ibuprofene", "ibuprofen"),
        ("herbal tea", None),
        ("Zeclar", "clarithromycin"),
    ]
    alerts = check_plan(patient(medications=meds), on_plan("w=warfarin"), None, RULES)
    not_checked = next(a for a in alerts if a.code == "medication-not-checked")
    assert not_checked.triggered_by.medications == ("herbal tea",)
    assert "warfarin-nsaid" in codes(alerts)


def test_patient_instructions_and_blocking() -> None:
    meds = (CurrentMedication("iron", "ferrous-sulfate"),)
    alerts = check_plan(patient(medications=meds), on_plan("m=minocycline"), None, RULES)
    assert patient_instructions(alerts)["minocycline"] == (
        Bilingual("2 h fr", "take 2 hours apart"),
    )
    meds = (CurrentMedication("Zeclar", "clarithromycin"),)
    alerts = check_plan(patient(medications=meds), on_plan("c=colchicine"), None, RULES)
    assert codes(blocking(alerts)) == ["colchicine-macrolides"]
    assert blocking(alerts, {"colchicine-macrolides": "reason"}) == ()


# ---- any input: never raises, same answer in any order
REGIMENS = st.lists(
    st.builds(
        PlanRegimen,
        st.sampled_from(["a", "b", "c", "d", "e"]),
        st.sampled_from([m.id for m in MEDS] + ["unknown", "", None]),
        st.none() | st.sampled_from([T, Bilingual("x", "y")]),
    ),
    max_size=10,
)
CURRENT = st.lists(
    st.builds(
        CurrentMedication,
        st.text(min_size=1, max_size=20),
        st.sampled_from([m.id for m in MEDS] + [None, "nope"]),
    ),
    max_size=20,
)
PATIENTS = st.builds(
    Patient,
    weight=st.floats(0.5, 500).map(lambda w: Q_(w, "kg")),
    height=st.none() | st.floats(30, 260).map(lambda h: Q_(h, "cm")),
    sex=st.sampled_from([None, "female", "male"]),
    age_years=st.none() | st.floats(0, 120),
    creatinine=st.none() | st.floats(0.1, 20).map(lambda c: Q_(c, "mg/dL")),
    pregnant=st.sampled_from(["yes", "no", "unknown"]),
    breastfeeding=st.sampled_from(["yes", "no", "unknown"]),
)


@settings(max_examples=150, deadline=None)
@given(
    PATIENTS | st.none(),
    REGIMENS,
    CURRENT,
    st.none() | st.floats(allow_nan=True),
    st.randoms(use_true_random=False),
)
def test_never_raises_and_order_does_not_matter(p, regimens, current, previous, rnd) -> None:  # type: ignore[no-untyped-def]
    first = check_plan(p, regimens, current, RULES, previous)
    assert all(a.code != "plan-check-failed" for a in first)
    regimens, current = list(regimens), list(current)
    rnd.shuffle(regimens)
    rnd.shuffle(current)
    rules = list(RULES.rules)
    rnd.shuffle(rules)
    again = check_plan(p, regimens, current, SafetyContent(MEDS, tuple(rules)), previous)
    assert again == first


@given(st.lists(st.one_of(st.none(), st.integers(), st.text(), st.binary()), max_size=5))
def test_garbage_never_raises(junk: list) -> None:  # type: ignore[type-arg]
    assert isinstance(check_plan(junk, junk, junk, RULES, junk), tuple)  # type: ignore[arg-type]


def test_names_as_written_on_a_prescription() -> None:
    names = [
        "Ibuprofène 400 mg",
        "clarithromycin 500mg x2/j",
        "ciclosporin microemulsion",
        "ibu",
        "",
        "   ",
    ]
    found = [(m.name, m.medication_id) for m in current_medications(names, RULES)]
    assert found == [
        ("Ibuprofène 400 mg", "ibuprofen"),
        ("clarithromycin 500mg x2/j", "clarithromycin"),
        ("ciclosporin microemulsion", "ciclosporin"),
        ("ibu", None),
    ]


def test_a_child_is_told_that_fixed_doses_are_adult_doses() -> None:
    child = patient(age_years=7, weight=Q_(20, "kg"))
    regimens = [
        PlanRegimen("dilt", "diltiazem", fixed_dose=True),
        PlanRegimen("inflix", "infliximab", fixed_dose=False),
    ]
    alert = next(
        a
        for a in check_plan(child, regimens, None, RULES)
        if a.code == "adult-fixed-dose-in-a-child"
    )
    assert alert.triggered_by.regimens == ("dilt",)
    adult = patient(age_years=18)
    assert "adult-fixed-dose-in-a-child" not in codes(check_plan(adult, regimens, None, RULES))


def test_a_previous_weight_near_zero_gives_no_infinite_percentage() -> None:
    """Found by hypothesis: 1 kg after 1e-308 kg is a change too large to write (× 100 = inf);
    the check must not fail on it (a saved plan never holds such a weight)."""
    alerts = check_plan(Patient(weight=Q_(1.0, "kg")), [], [], RULES, 1.1125369292536007e-308)
    assert all(a.code not in ("plan-check-failed", "weight-changed") for a in alerts)


def test_a_patient_text_names_the_plans_own_medications_in_place_of_with() -> None:
    """The antacid's row must never read "take this medicine and aluminium hydroxide apart": the
    rule's {with} becomes the names of the medications of this plan that it concerns."""
    antacid = SafetyContent(
        (*MEDS, med("aluminium-hydroxide")),
        (
            rule(
                "antacid-spacing",
                "interaction",
                "precaution",
                ("aluminium-hydroxide",),
                with_=("class:tetracycline", "ibuprofen", "warfarin"),
                patient=Bilingual(
                    "Gardez 2 heures entre l'antiacide et : {with}.",
                    "Keep 2 hours between the antacid and: {with}.",
                ),
            ),
        ),
    )
    alerts = check_plan(
        patient(),
        on_plan("al=aluminium-hydroxide", "mino=minocycline"),
        [CurrentMedication("Ibuprofène", "ibuprofen")],
        antacid,
    )
    (alert,) = alerts
    assert alert.patient_instruction == Bilingual(
        "Gardez 2 heures entre l'antiacide et : ibuprofen et minocycline.",
        "Keep 2 hours between the antacid and: ibuprofen and minocycline.",
    )


def test_with_is_refused_outside_an_interaction_or_in_one_language_only() -> None:
    import pytest

    from desktop.core.safety import ContentError, rule_from_dict

    base = {
        "code": "x",
        "kind": "adverse-effects",
        "severity": "consider",
        "drugs": ["warfarin"],
        "message": {"fr": "m", "en": "m"},
        "action": {"fr": "a", "en": "a"},
        "sources": [{"ref": "label", "section": "4.5"}],
    }
    meds = {m.id: m for m in MEDS}
    for kind, patient_text in (
        ("adverse-effects", {"fr": "{with}", "en": "{with}"}),
        ("interaction", {"fr": "{with}", "en": "apart"}),
    ):
        d = dict(base, kind=kind, patient=patient_text)
        if kind == "interaction":
            d["with"] = ["ibuprofen"]
        with pytest.raises(ContentError, match="with"):
            rule_from_dict(d, "rule", ["label"], meds)
