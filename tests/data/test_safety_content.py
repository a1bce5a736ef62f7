"""The safety folder (db/content/safety/): validated by the build, stored, read back; a folder
still being filled loads what is there; the real content is complete and consistent."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.data.build import build
from desktop.data.content import ContentValidationError, load_content
from desktop.data.refdb import ReferenceDB

MEDS = """
[[medication]]
id = "colchicine"
name = { fr = "Colchicine", en = "Colchicine" }
synonyms = { fr = [], en = [] }

[[medication]]
id = "clarithromycin"
name = { fr = "Clarithromycine", en = "Clarithromycin" }
synonyms = { fr = ["Zeclar"], en = ["Biaxin"] }
classes = ["macrolide"]

[[medication]]
id = "minocycline"
name = { fr = "Minocycline", en = "Minocycline" }
synonyms = { fr = [], en = [] }
classes = ["tetracycline"]

[[medication]]
id = "rituximab"
name = { fr = "Rituximab", en = "Rituximab" }
synonyms = { fr = [], en = [] }
"""
REFS = """
[colchicine-us-pi]
short = "Colchicine US PI"
citation = "Colchicine tablets, US prescribing information."
verification = "verified"
"""
RULE = """
[[rule]]
code = "colchicine-macrolides"
kind = "interaction"
severity = "contraindicated"
drugs = ["colchicine"]
with = ["class:macrolide"]
message = { fr = "Risque.", en = "Risk." }
action = { fr = "Ne pas associer.", en = "Do not combine." }
sources = [{ ref = "colchicine-us-pi", section = "7 Drug Interactions" }]
"""


def safety(content: Path, rules: str = RULE, meds: str = MEDS, refs: str = REFS) -> Path:
    folder = content / "safety"
    folder.mkdir(exist_ok=True)
    (folder / "_medications.toml").write_text(meds, encoding="utf-8")
    (folder / "_references.toml").write_text(refs, encoding="utf-8")
    (folder / "colchicine.toml").write_text(rules, encoding="utf-8")
    return folder


def drug_fields(synthetic) -> None:  # type: ignore[no-untyped-def]
    for name in ("rituximab.toml", "colchicine.toml", "minocycline.toml"):
        text = synthetic.text(name)
        synthetic.write(name, text.replace('route = "', f'drug = "{name[:-5]}"\nroute = "'))


def problems(directory: Path) -> list[str]:
    with pytest.raises(ContentValidationError) as refused:
        load_content(directory)
    return [str(p) for p in refused.value.problems]


def test_no_safety_folder_loads_no_rule_and_says_so(synthetic) -> None:  # type: ignore[no-untyped-def]
    content = load_content(synthetic.dir)
    assert content.safety.rules == () and content.notes


def test_rule_files_without_the_medication_list_are_not_loaded(synthetic) -> None:  # type: ignore[no-untyped-def]
    folder = safety(synthetic.dir)
    (folder / "_medications.toml").unlink()
    content = load_content(synthetic.dir)
    assert content.safety.rules == ()
    assert "1 rule file(s) not loaded" in content.notes[0]


def test_rules_are_validated_stored_and_read_back(synthetic, tmp_path) -> None:  # type: ignore[no-untyped-def]
    drug_fields(synthetic)
    safety(synthetic.dir)
    out = tmp_path / "calx.sqlite"
    first = build(synthetic.dir, out)
    with ReferenceDB.open(out) as db:
        rules = db.safety()
        assert [r.code for r in rules.rules] == ["colchicine-macrolides"]
        assert rules.medication("clarithromycin").synonyms_fr == ("Zeclar",)
        assert db.reference("colchicine-us-pi").short == "Colchicine US PI"
        assert db.regimen("rituximab-375-weekly").drug == "rituximab"
    again = build(synthetic.dir, tmp_path / "again.sqlite")
    assert again.content_hash == first.content_hash  # deterministic
    assert out.read_bytes() == (tmp_path / "again.sqlite").read_bytes()


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'sources = [{ ref = "colchicine-us-pi", section = "7 Drug Interactions" }]\n',
            "",
            "a rule without a source is refused",
        ),
        ('ref = "colchicine-us-pi"', 'ref = "nowhere"', "unknown reference 'nowhere'"),
        ('drugs = ["colchicine"]', 'drugs = ["colchicin"]', "unknown medication id 'colchicin'"),
        ('with = ["class:macrolide"]', 'with = ["class:macrolides"]', "unknown class 'macrolides'"),
        ('message = { fr = "Risque.", en = "Risk." }', 'message = { en = "Risk." }', "fr"),
        ('severity = "contraindicated"', 'severity = "major"', "'major' is not one of"),
        ('kind = "interaction"', 'kind = "renal"', "below_ml_min"),
        ('section = "7 Drug Interactions"', 'section = ""', "section"),
        (
            'code = "colchicine-macrolides"',
            'code = "colchicine-macrolides"\ncolour = "red"',
            "unknown key",
        ),
    ],
)
def test_a_bad_rule_is_refused_with_its_file_and_field(synthetic, old, new, expected) -> None:  # type: ignore[no-untyped-def]
    drug_fields(synthetic)
    assert old in RULE
    safety(synthetic.dir, rules=RULE.replace(old, new))
    found = problems(synthetic.dir)
    assert any("colchicine.toml" in p and expected in p for p in found), found


def test_duplicate_codes_ids_and_reference_clashes_are_refused(synthetic) -> None:  # type: ignore[no-untyped-def]
    drug_fields(synthetic)
    safety(
        synthetic.dir,
        rules=RULE + RULE,
        refs=REFS + '\n[valenzuela-2016]\nshort = "x"\ncitation = "y"\nverification = "verified"\n',
    )
    found = problems(synthetic.dir)
    assert any("duplicate rule code" in p for p in found)
    assert any("already used" in p for p in found)


def test_a_regimen_must_name_a_known_medication(synthetic) -> None:  # type: ignore[no-untyped-def]
    safety(synthetic.dir)
    found = problems(synthetic.dir)
    assert any("drug" in p and "is missing" in p for p in found)
    drug_fields(synthetic)
    synthetic.edit("rituximab.toml", 'drug = "rituximab"', 'drug = "rituximabb"')
    assert any("unknown medication id 'rituximabb'" in p for p in problems(synthetic.dir))


def test_the_real_content_maps_every_drug_regimen(real_content) -> None:  # type: ignore[no-untyped-def]
    from desktop.core.regimen import DRUG_ROUTES

    safety = real_content.safety
    assert safety.rules, "the real content has rules"
    for therapy in real_content.therapies:
        for regimen in therapy.regimens:
            if regimen.route in DRUG_ROUTES:
                assert safety.medication(regimen.drug) is not None, regimen.id
    # the co-medications the issue lists are all known by name
    from desktop.core.plan_check import current_medications

    names = [
        "methotrexate",
        "mycophenolate",
        "azathioprine",
        "cyclophosphamide",
        "ciclosporin",
        "tacrolimus",
        "hydroxychloroquine",
        "nifedipine",
        "amlodipine",
        "sildenafil",
        "tadalafil",
        "bosentan",
        "ambrisentan",
        "iloprost",
        "omeprazole",
        "aspirin",
        "clopidogrel",
        "atorvastatin",
        "clarithromycin",
        "fluconazole",
        "digoxin",
        "amiodarone",
        "levothyroxine",
        "isotretinoin",
        "acitretin",
        "diltiazem",
    ]
    unknown = [m.name for m in current_medications(names, safety) if m.medication_id is None]
    assert unknown == []


def test_warfarin_is_shown_as_advised_against_with_traineau_2020(real_db) -> None:  # type: ignore[no-untyped-def]
    # docs/clinical.md §1: Traineau H et al. J Am Acad Dermatol 2020;82(2):317–325, "low-dose
    # warfarin should not be used", level IB.
    with ReferenceDB.open(real_db) as db:
        warfarin = db.therapy("warfarin")
        assert [s.source.ref for s in warfarin.advised_against] == ["traineau-2020"]
        assert "level IB" in warfarin.advised_against[0].text.en
        row = next(r for r in db.overview("en") if r.therapy_id == "warfarin")
        assert "Traineau" in row.advised_against
        assert all(not r.advised_against for r in db.overview("en") if r.therapy_id != "warfarin")
        # what the patient copy prints: advice and side effects, never "low risk"
        advice = " ".join(
            s.text.en + s.text.fr for s in (*warfarin.patient_advice, *warfarin.adverse_effects)
        )
        assert "low" not in advice and "faible" not in advice


def _taking(safety, target: str, avoid: set[str]) -> str | None:  # type: ignore[no-untyped-def]
    """A medication the target names (an id, or one of the class), other than ``avoid``."""
    from desktop.core.safety import CLASS_PREFIX

    if not target.startswith(CLASS_PREFIX):
        return None if target in avoid else target
    wanted = target[len(CLASS_PREFIX) :]
    return next(
        (m.id for m in safety.medications if wanted in m.classes and m.id not in avoid), None
    )


def _situation(rule, safety):  # type: ignore[no-untyped-def]
    """The patient, plan and current medications each rule's own data describes."""
    from desktop.core.patient import CurrentMedication, Patient
    from desktop.core.plan_check import PlanRegimen
    from desktop.core.units import Q_

    first = _taking(safety, rule.drugs[0], set())
    regimens = [PlanRegimen("r1", first)]
    current: tuple = ()  # type: ignore[type-arg]
    kw: dict = {"weight": Q_(70, "kg"), "sex": "male"}  # type: ignore[type-arg]
    if rule.kind == "interaction":
        other = next(m for t in rule.with_ if (m := _taking(safety, t, {first})))
        current = (CurrentMedication(other, other),)
    elif rule.kind == "renal":
        # Cockcroft–Gault (140 − 70) × 70 / (72 × SCr) = threshold − 5 mL/min
        scr = 70 * 70 / (72 * (rule.below_ml_min - 5))
        kw |= {"age_years": 70, "creatinine": Q_(min(scr, 20), "mg/dL")}
    elif rule.kind == "age":
        kw |= {"age_years": max(rule.under_years - 1, 0.5), "weight": Q_(20, "kg")}
    elif rule.kind in ("pregnancy", "breastfeeding"):
        kw |= {"sex": "female", "pregnant" if rule.kind == "pregnancy" else "breastfeeding": "yes"}
    elif rule.kind == "duplicate":
        second = next(m for t in rule.drugs if (m := _taking(safety, t, {first})))
        regimens.append(PlanRegimen("r2", second))
    return Patient(**kw), regimens, current


def test_every_rule_of_the_content_fires_on_its_own_example(real_content) -> None:  # type: ignore[no-untyped-def]
    from desktop.core.plan_check import check_plan

    safety = real_content.safety
    for rule in safety.rules:
        patient, regimens, current = _situation(rule, safety)
        alerts = {a.code: a for a in check_plan(patient, regimens, current, safety)}
        assert rule.code in alerts, rule.code
        assert alerts[rule.code].severity == rule.severity, rule.code
        assert alerts[rule.code].sources == rule.sources
        # and without the plan's medication, it never fires
        quiet = {a.code for a in check_plan(patient, [], current, safety)}
        assert rule.code not in quiet, rule.code


def test_real_rules_any_plan_never_raises_and_ignores_order(real_content) -> None:  # type: ignore[no-untyped-def]
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from desktop.core.patient import CurrentMedication, Patient
    from desktop.core.plan_check import PlanRegimen, check_plan
    from desktop.core.units import Q_

    safety = real_content.safety
    ids = [m.id for m in safety.medications]
    regimens = st.lists(
        st.builds(PlanRegimen, st.sampled_from(["a", "b", "c", "d"]), st.sampled_from(ids)),
        max_size=10,
    )
    current = st.lists(
        st.builds(
            CurrentMedication, st.sampled_from(["x", "y", "z"]), st.sampled_from([*ids, None])
        ),
        max_size=20,
    )
    patients = st.builds(
        Patient,
        weight=st.floats(0.5, 500).map(lambda w: Q_(w, "kg")),
        height=st.none() | st.floats(30, 260).map(lambda h: Q_(h, "cm")),
        sex=st.sampled_from([None, "female", "male"]),
        age_years=st.none() | st.floats(0, 120),
        creatinine=st.none() | st.floats(0.1, 20).map(lambda c: Q_(c, "mg/dL")),
        pregnant=st.sampled_from(["yes", "no", "unknown"]),
        breastfeeding=st.sampled_from(["yes", "no", "unknown"]),
    )

    @settings(max_examples=60, deadline=None)
    @given(patients, regimens, current, st.randoms(use_true_random=False))
    def check(patient, plan, meds, rnd) -> None:  # type: ignore[no-untyped-def]
        first = check_plan(patient, plan, meds, safety)
        assert all(a.code != "plan-check-failed" for a in first)
        plan, meds = list(plan), list(meds)
        rnd.shuffle(plan)
        rnd.shuffle(meds)
        assert check_plan(patient, plan, meds, safety) == first

    check()
