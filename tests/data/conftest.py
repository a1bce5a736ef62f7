# ruff: noqa: E501  (TOML inline tables cannot be wrapped: the records below keep long lines)
"""Fixtures for the knowledge-base tests: the real database (built once per session into a
temporary directory, never the checked-out ``db/calx.sqlite``) and small synthetic content.

The synthetic records are written as TOML text so that validation tests can break exactly one
thing with ``Synthetic.edit(file, old, new)`` (which fails loudly if ``old`` is not there).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.data.build import build

SOURCE_REVIEW = (
    'source = { ref = "valenzuela-2016", section = "Mesures générales", verification = "verified" }'
)

FILES: dict[str, str] = {
    "_meta.toml": """
content_version = "2000.1.0"
content_date = "2026-11-28"
""",
    "_references.toml": """
[valenzuela-2016]
short = "Valenzuela & Chung 2016"
citation = "Valenzuela A, Chung L. Management of Calcinosis Associated with Systemic Sclerosis."
doi = "10.1007/s40674-016-0035-x"
verification = "verified"
review = true

[daoussis-2012]
short = "Daoussis et al. 2012"
citation = "Daoussis D et al. Semin Arthritis Rheum 2012;41(6):822–829."
verification = "verified"
note = "Regimen verified; '18 months apart' is unverified."

[calx-convention]
short = "Calx convention"
citation = "A product decision of Calx."
verification = "verified"
convention = true
""",
    "_products.toml": """
[[products]]
id = "rituximab-concentrate"
name = { fr = "Rituximab, solution à diluer", en = "Rituximab concentrate" }
form = { fr = "Flacons de 100 mg/10 mL et 500 mg/50 mL", en = "Vials of 100 mg/10 mL and 500 mg/50 mL" }
concentration_mg_ml = 10
vials = [ { strength_mg = 500, volume_ml = 50 }, { strength_mg = 100, volume_ml = 10 } ]
final_concentration_mg_ml = { min = 1, max = 4 }
dose_step_mg = 10
source = { ref = "daoussis-2012", verification = "verified" }
sources = [ { ref = "calx-convention", verification = "verified" } ]
""",
    "rituximab.toml": """
id = "rituximab"
category = "drug"
order = 330
review_section = { fr = "Agents biologiques", en = "Biologic agents" }
name = { fr = "Rituximab", en = "Rituximab" }
synonyms = { fr = ["MabThera", "anti-CD20"], en = ["Rituxan", "anti-CD20"] }
off_label = true
conflicting_evidence = true
evidence_level = "case-series"

[summary]
fr = "Anticorps anti-CD20 ; régression de la calcinose dans des cas isolés."
en = "Anti-CD20 antibody; regression of calcinosis in single cases."
source = { ref = "valenzuela-2016", section = "Agents biologiques", verification = "verified" }

[mechanism]
fr = "Déplétion des lymphocytes B."
en = "Depletes B cells."
source = { ref = "valenzuela-2016", section = "Agents biologiques", verification = "verified" }

[[regimens]]
id = "rituximab-375-weekly"
label = { fr = "375 mg/m² par semaine × 4", en = "375 mg/m² weekly × 4" }
route = "iv"
product = "rituximab-concentrate"
dose = { amount = 375, unit = "mg", basis = "per_m2", per = "administration" }
schedule = { pattern = "series", count = 4, every = "1 week", courses = 2, course_every = "18 month" }
source = { ref = "daoussis-2012", section = "Agents biologiques", verification = "verified" }
schedule_source = { ref = "valenzuela-2016", section = "Agents biologiques", verification = "unverified" }

[[evidence]]
study = { fr = "Daoussis et coll. 2012", en = "Daoussis et al. 2012" }
design = "case-report"
patients = 1
population = { fr = "Femme atteinte de ScS cutanée limitée", en = "Woman with limited cutaneous SSc" }
outcome = { fr = "Lésions plus petites", en = "Smaller lesions" }
direction = "improved"
source = { ref = "daoussis-2012", section = "Agents biologiques", verification = "verified" }

[[cautions]]
fr = "Une patiente s'est aggravée sous rituximab."
en = "One patient got worse on rituximab."
source = { ref = "valenzuela-2016", section = "Agents biologiques", verification = "unverified" }
""",
    "analgesia.toml": f"""
id = "analgesia"
category = "general"
order = 130
review_section = {{ fr = "Mesures générales", en = "General measures" }}
name = {{ fr = "Antalgiques", en = "Pain relief" }}
synonyms = {{ fr = ["paracétamol", "AINS"], en = ["paracetamol", "NSAIDs"] }}
off_label = false
conflicting_evidence = false
evidence_level = "expert-opinion"

[summary]
fr = "En cas de douleur, l'acétaminophène et les anti-inflammatoires peuvent aider."
en = "For pain, acetaminophen and anti-inflammatory drugs may help."
{SOURCE_REVIEW}
""",
    "pde5-inhibitors.toml": f"""
id = "pde5-inhibitors"
category = "emerging"
order = 410
review_section = {{ fr = "Thérapies émergentes", en = "Emerging therapies" }}
name = {{ fr = "Inhibiteurs de la phosphodiestérase 5", en = "Phosphodiesterase-5 inhibitors" }}
synonyms = {{ fr = ["IPDE5"], en = ["PDE5 inhibitors"] }}
off_label = true
conflicting_evidence = false
evidence_level = "expert-opinion"

[summary]
fr = "Thérapie vasodilatatrice plus puissante, future option possible."
en = "More potent vasodilator therapy, a possible future option."
{SOURCE_REVIEW}
""",
    "colchicine.toml": f"""
id = "colchicine"
category = "drug"
order = 260
review_section = {{ fr = "Colchicine", en = "Colchicine" }}
name = {{ fr = "Colchicine", en = "Colchicine" }}
synonyms = {{ fr = [], en = [] }}
off_label = true
conflicting_evidence = false
evidence_level = "case-report"

[summary]
fr = "Anti-inflammatoire ; régression de l'inflammation locale."
en = "Anti-inflammatory; local inflammation regressed."
{SOURCE_REVIEW}

[[adverse_effects]]
fr = "Diarrhée, douleurs abdominales."
en = "Diarrhoea, abdominal pain."
{SOURCE_REVIEW}
""",
    # Mentions colchicine again and again in its text: a name match must still rank first.
    "minocycline.toml": f"""
id = "minocycline"
category = "drug"
order = 250
review_section = {{ fr = "Minocycline", en = "Minocycline" }}
name = {{ fr = "Minocycline", en = "Minocycline" }}
synonyms = {{ fr = ["cycline"], en = ["tetracycline"] }}
off_label = true
conflicting_evidence = false
evidence_level = "case-series"

[summary]
fr = "Comme la colchicine, plus efficace sur l'inflammation (colchicine, colchicine)."
en = "Like colchicine, works more on inflammation (colchicine, colchicine)."
{SOURCE_REVIEW}

[[cautions]]
fr = "Ne pas confondre avec la colchicine ; colchicine ; colchicine."
en = "Do not confuse with colchicine; colchicine; colchicine."
{SOURCE_REVIEW}
""",
}


def write_synthetic(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in FILES.items():
        (directory / name).write_text(text.lstrip(), encoding="utf-8")
    return directory


@dataclass
class Synthetic:
    """A writable copy of the synthetic content for one test."""

    dir: Path

    def path(self, name: str) -> Path:
        return self.dir / name

    def text(self, name: str) -> str:
        return self.path(name).read_text(encoding="utf-8")

    def write(self, name: str, text: str) -> None:
        self.path(name).write_text(text, encoding="utf-8")

    def edit(self, name: str, old: str, new: str) -> None:
        text = self.text(name)
        assert old in text, f"test set-up: {old!r} not in {name}"
        self.write(name, text.replace(old, new, 1))


@pytest.fixture
def synthetic(tmp_path: Path) -> Synthetic:
    return Synthetic(write_synthetic(tmp_path / "content"))


@pytest.fixture(scope="session")
def synthetic_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("synthetic")
    out = base / "calx.sqlite"
    build(write_synthetic(base / "content"), out)
    return out


@pytest.fixture(scope="session")
def real_db(reference_db: Path) -> Path:
    """The real content's database, built once per session (``tests/conftest.py``)."""
    return reference_db
