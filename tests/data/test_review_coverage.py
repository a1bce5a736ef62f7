"""Every therapy and procedure of the review is in the content, and every regimen's numbers equal
the review's.

The EXPECTED values below are typed from the review text (Valenzuela & Chung 2016, French
translation in shared/seed/), quoted next to each, never read from the content: a content edit
that changes a number makes this test fail until a person compares it with the review again.
"""

from __future__ import annotations

from typing import Any

import pytest

from desktop.core.regimen import DurationSpec, Regimen, ValueSpec
from desktop.data.content import Content

# In the review's order, with the category of the section they appear in.
THERAPIES: list[tuple[str, str]] = [
    # "Mesures générales"
    ("prevention", "general"),  # traumatismes, tabagisme, stress, froid
    ("raynaud-digital-ulcers", "general"),  # phénomène de Raynaud et ulcères numériques
    ("analgesia", "general"),  # acétaminophène, AINS, narcotiques
    ("triamcinolone-intralesional", "general"),
    ("antibiotics-superinfection", "general"),  # céphalexine, dicloxacilline, clindamycine
    ("hydrocolloid-dressing", "general"),  # duoderme
    # "Traitement pharmacologique"
    ("calcium-channel-blockers", "drug"),
    ("bisphosphonates", "drug"),
    ("warfarin", "drug"),
    ("minocycline", "drug"),
    ("colchicine", "drug"),
    ("ceftriaxone", "drug"),
    ("probenecid", "drug"),
    ("aluminium-hydroxide", "drug"),
    ("ivig", "drug"),
    ("infliximab", "drug"),
    ("rituximab", "drug"),
    # "Thérapies émergentes"
    ("pde5-inhibitors", "emerging"),
    ("prostacyclins", "emerging"),
    ("calcineurin-inhibitors", "emerging"),
    ("other-anti-tnf", "emerging"),
    ("anakinra", "emerging"),
    ("tocilizumab", "emerging"),
    # "Procédures interventionnelles"
    ("co2-laser", "procedure"),
    ("eswl", "procedure"),
    ("surgical-excision", "procedure"),
    ("incision-drainage", "procedure"),
    ("curettage", "procedure"),
    ("micro-burr-debulking", "procedure"),
    ("surgical-referral", "procedure"),
]


def fixed(x: float) -> tuple[float | None, float, tuple[float, ...]]:
    return (x, x, ())


def between(low: float, high: float) -> tuple[float | None, float, tuple[float, ...]]:
    return (low, high, ())


def up_to(high: float) -> tuple[float | None, float, tuple[float, ...]]:
    return (None, high, ())


def either(*options: float) -> tuple[float | None, float, tuple[float, ...]]:
    return (min(options), max(options), tuple(sorted(options)))


def dur(value: Any, unit: str) -> tuple[Any, str]:
    return (value if isinstance(value, tuple) else fixed(value), unit)


# regimen id -> therapy, route, dose (amount, unit, basis, per, times/day) or None, schedule
# fields, extras. Quoted from the review.
EXPECTED: dict[str, dict[str, Any]] = {
    # "20 mg / mL de suspension d'acétonide de triamcinolone à des intervalles de 4 à 8 semaines"
    "triamcinolone-intralesional-4-8-weeks": {
        "therapy": "triamcinolone-intralesional",
        "route": "intralesional",
        "dose": None,
        "schedule": {"pattern": "every", "every": dur(between(4, 8), "week")},
        "concentration": (20, "mg/mL"),
    },
    # "Le pansement duoderme doit être changé et nettoyé tous les trois jours"
    "hydrocolloid-dressing-every-3-days": {
        "therapy": "hydrocolloid-dressing",
        "dose": None,
        "schedule": {"pattern": "every", "every": dur(3, "day")},
    },
    # "le diltiazem de 240 à 480 mg / jour pendant 1 à 12 ans"
    "diltiazem-240-480": {
        "therapy": "calcium-channel-blockers",
        "route": "oral",
        "dose": (between(240, 480), "mg", "fixed", "day", None),
    },
    # "12 ont été traités avec 180 mg / jour de diltiazem"
    "diltiazem-180": {
        "therapy": "calcium-channel-blockers",
        "route": "oral",
        "dose": (fixed(180), "mg", "fixed", "day", None),
    },
    # "trois patients ont reçu de la warfarine 1 mg / jour pendant 18 mois"
    "warfarin-1mg-daily": {
        "therapy": "warfarin",
        "route": "oral",
        "dose": (fixed(1), "mg", "fixed", "day", None),
        "schedule": {"pattern": "daily", "duration": dur(18, "month")},
    },
    # "50 ou 100 mg / jour de minocycline" ; "traitement pendant 4 à 8 semaines suivi d'un arrêt
    # pendant 3 à 4 mois"
    "minocycline-cyclic": {
        "therapy": "minocycline",
        "route": "oral",
        "dose": (either(50, 100), "mg", "fixed", "day", None),
        "schedule": {
            "pattern": "cycle",
            "on": dur(between(4, 8), "week"),
            "off": dur(between(3, 4), "month"),
        },
    },
    "minocycline-daily": {
        "therapy": "minocycline",
        "route": "oral",
        "dose": (either(50, 100), "mg", "fixed", "day", None),
    },
    # "1 mg / jour de colchicine orale"
    "colchicine-1mg-daily": {
        "therapy": "colchicine",
        "route": "oral",
        "dose": (fixed(1), "mg", "fixed", "day", None),
    },
    # "la ceftriaxone (2 g / jour) par voie intraveineuse pendant 20 jours"
    "ceftriaxone-2g-20-days": {
        "therapy": "ceftriaxone",
        "route": "iv",
        "dose": (fixed(2), "g", "fixed", "day", None),
        "schedule": {"pattern": "daily", "duration": dur(20, "day")},
    },
    # "probénécide jusqu'à 500 mg trois fois par jour"
    "probenecid-500-tid": {
        "therapy": "probenecid",
        "route": "oral",
        "dose": (up_to(500), "mg", "fixed", "administration", 3),
    },
    # "hydroxyde d'aluminium 30 mL quatre fois par jour" ; "avec prudence chez les patients
    # présentant une insuffisance rénale"
    "aluminium-hydroxide-30ml-qid": {
        "therapy": "aluminium-hydroxide",
        "route": "oral",
        "dose": (fixed(30), "mL", "fixed", "administration", 4),
        "renal_caution": True,
    },
    # "infliximab à 3 mg / kg perfusé à 0, 2 et 6 semaines, et toutes les 8 semaines par la suite"
    "infliximab-3-mg-kg": {
        "therapy": "infliximab",
        "route": "iv",
        "dose": (fixed(3), "mg", "per_kg", "administration", None),
        "schedule": {
            "pattern": "offsets_then_every",
            "offsets": [dur(0, "week"), dur(2, "week"), dur(6, "week")],
            "every": dur(8, "week"),
        },
    },
    # "deux cours de rituximab (quatre perfusions hebdomadaires de 375 mg / m2 chacune) à 18 mois
    # d'intervalle"
    "rituximab-375-weekly": {
        "therapy": "rituximab",
        "route": "iv",
        "dose": (fixed(375), "mg", "per_m2", "administration", None),
        "schedule": {
            "pattern": "series",
            "count": 4,
            "every": dur(1, "week"),
            "courses": 2,
            "course_every": dur(18, "month"),
        },
    },
    # "deux perfusions de rituximab (1 g chacune) à un intervalle de 2 semaines, puis tous les
    # 6 mois"
    "rituximab-1g-x2": {
        "therapy": "rituximab",
        "route": "iv",
        "dose": (fixed(1), "g", "fixed", "administration", None),
        "schedule": {
            "pattern": "series",
            "count": 2,
            "every": dur(2, "week"),
            "course_every": dur(6, "month"),
        },
    },
    # "trois séances d'ESWL à intervalles de 3 semaines"
    "eswl-3-sessions": {
        "therapy": "eswl",
        "dose": None,
        "schedule": {"pattern": "series", "count": 3, "every": dur(3, "week")},
    },
    # "un seul traitement par vaporisation au laser CO"
    "co2-laser-single-session": {
        "therapy": "co2-laser",
        "dose": None,
        "schedule": {"pattern": "once"},
    },
}


def _value(v: ValueSpec) -> tuple[float | None, float, tuple[float, ...]]:
    return (v.low, v.high, tuple(v.options))


def _duration(d: DurationSpec | None) -> tuple[Any, str] | None:
    return None if d is None else (_value(d.value), d.unit)


@pytest.fixture(scope="module")
def regimens(real_content: Content) -> dict[str, Regimen]:
    return {r.id: r for t in real_content.therapies for r in t.regimens}


def test_every_therapy_and_procedure_is_present(real_content: Content) -> None:
    present = {t.id: t for t in real_content.therapies}
    missing = [tid for tid, _ in THERAPIES if tid not in present]
    assert not missing, f"missing records: {missing}"
    for tid, category in THERAPIES:
        assert present[tid].category == category, tid


def test_records_follow_the_review_order(real_content: Content) -> None:
    order = {t.id: t.order for t in real_content.therapies}
    in_review = [order[tid] for tid, _ in THERAPIES if tid in order]
    assert in_review == sorted(in_review)


@pytest.mark.parametrize("regimen_id", sorted(EXPECTED))
def test_regimen_numbers_equal_the_review(regimens: dict[str, Regimen], regimen_id: str) -> None:
    assert regimen_id in regimens, f"regimen {regimen_id} is missing"
    r, want = regimens[regimen_id], EXPECTED[regimen_id]
    assert r.therapy_id == want["therapy"]
    if "route" in want:
        assert r.route == want["route"]
    if want["dose"] is None:
        assert r.dose is None, "the review gives no dose: none may be made up"
    else:
        assert r.dose is not None
        got = (_value(r.dose.amount), r.dose.unit, r.dose.basis, r.dose.per, r.dose.times_per_day)
        assert got == want["dose"]
    schedule = want.get("schedule", {"pattern": "daily"})
    assert r.schedule is not None
    assert r.schedule.pattern == schedule["pattern"]
    for key in ("every", "duration", "on", "off", "course_every"):
        assert _duration(getattr(r.schedule, key)) == schedule.get(key), key
    assert [_duration(o) for o in r.schedule.offsets] == schedule.get("offsets", [])
    assert r.schedule.count == schedule.get("count")
    assert r.schedule.courses == schedule.get("courses")
    if "concentration" in want:
        assert r.concentration is not None
        assert (r.concentration.value, r.concentration.unit) == want["concentration"]
    assert (r.renal_caution is not None) == want.get("renal_caution", False)


def test_regimens_have_their_therapy(real_content: Content) -> None:
    for therapy in real_content.therapies:
        for r in therapy.regimens:
            assert r.therapy_id == therapy.id


def test_the_conflicting_evidence_the_review_names_is_flagged(real_content: Content) -> None:
    # "Malgré ces preuves contradictoires" (CCB), "Des rapports contradictoires" (bisphosphonates),
    # "les preuves ... sont contradictoires" (warfarine), "données contradictoires" (IGIV),
    # "En revanche, Hurabielle et coll." (rituximab: calcinosis spread).
    present = {t.id: t for t in real_content.therapies}
    for tid in ("calcium-channel-blockers", "bisphosphonates", "warfarin", "ivig", "rituximab"):
        assert present[tid].conflicting_evidence, tid
    assert any(e.direction == "worsened" for e in present["rituximab"].evidence)


@pytest.mark.parametrize(
    ("therapy_id", "names"),
    [
        ("calcium-channel-blockers", {"BCC", "CCB"}),
        ("ivig", {"IGIV", "IVIG"}),
        ("eswl", {"ESWL", "LEC"}),
        ("analgesia", {"paracétamol", "acétaminophène"}),
    ],
)
def test_abbreviations_of_both_languages_are_synonyms(
    real_content: Content, therapy_id: str, names: set[str]
) -> None:
    therapy = next(t for t in real_content.therapies if t.id == therapy_id)
    assert names <= set(therapy.synonyms.fr) | set(therapy.synonyms.en)


def test_the_dressing_has_the_review_steps(real_content: Content) -> None:
    dressing = next(t for t in real_content.therapies if t.id == "hydrocolloid-dressing")
    steps = " ".join(s.text.en for s in dressing.instructions).lower()
    # peroxyde d'hydrogène à 3% ; pommade antibactérienne ; 1/2 à 1 po. ; tous les trois jours
    for words in ("hydrogen peroxide", "ointment", "inch", "three days"):
        assert words in steps, words
    assert len(dressing.instructions) >= 4


def test_every_statement_has_a_source_whose_reference_exists(real_content: Content) -> None:
    refs = {r.id for r in real_content.references}
    for therapy in real_content.therapies:
        sources = therapy.sources()
        assert sources, therapy.id
        for source in sources:
            assert source.ref in refs, (therapy.id, source.ref)
            assert source.verification in ("verified", "secondary", "unverified")


def test_every_record_has_both_languages(real_content: Content) -> None:
    for t in real_content.therapies:
        texts = [t.name, t.review_section, *(s.text for _, s in t.statements())]
        texts += [r.label for r in t.regimens]
        texts += [x for e in t.evidence for x in (e.study, e.population, e.outcome)]
        for text in texts:
            assert text.fr.strip() and text.en.strip(), t.id
        assert t.summary.text.fr != t.summary.text.en, f"{t.id}: summary not translated"
