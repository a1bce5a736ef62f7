"""Validation refuses each kind of bad record, naming the file and the field path.

Each case breaks exactly one thing in otherwise valid synthetic content (``conftest.FILES``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.data.content import ContentValidationError, Problem, load_content

RITUXIMAB_SOURCE_LINE = (
    'source = { ref = "valenzuela-2016", section = "Agents biologiques", '
    'verification = "unverified" }'
)


def problems_of(directory: Path) -> list[Problem]:
    with pytest.raises(ContentValidationError) as info:
        load_content(directory)
    return list(info.value.problems)


def assert_refused(directory: Path, file: str, field: str, words: str) -> None:
    """The build refuses with a problem naming ``file`` and ``field`` whose text has ``words``;
    the error message people read names both too."""
    with pytest.raises(ContentValidationError) as info:
        load_content(directory)
    found = [p for p in info.value.problems if Path(p.file).name == file and p.field == field]
    assert found, f"expected {file}: {field}; got:\n{info.value}"
    assert any(words in p.message for p in found), found
    assert f"{file}: {field}: " in str(info.value)


def test_valid_synthetic_content_loads_in_review_order(synthetic) -> None:
    content = load_content(synthetic.dir)
    assert [t.id for t in content.therapies] == [
        "analgesia",
        "minocycline",
        "colchicine",
        "rituximab",
        "pde5-inhibitors",
    ]
    assert content.meta.content_version == "2000.1.0"
    rituximab = content.therapies[3]
    assert rituximab.regimens[0].dose is not None
    assert rituximab.regimens[0].dose.amount.high == 375
    assert rituximab.cautions[0].source.as_reported_in_review
    assert not rituximab.summary.source.as_reported_in_review
    product = content.products[0]
    assert [v.strength_mg for v in product.vials] == [500, 100]
    assert [s.ref for s in product.sources] == ["calx-convention"]  # the extra "sources" list


CASES = [
    # --- a statement, regimen or study without its source
    pytest.param(
        "rituximab.toml",
        "\n" + RITUXIMAB_SOURCE_LINE + "\n",
        "\n",
        "cautions[0].source",
        "source is missing",
        id="statement-without-source",
    ),
    pytest.param(
        "rituximab.toml",
        'source = { ref = "daoussis-2012", section = "Agents biologiques", '
        'verification = "verified" }\nschedule_source',
        "schedule_source",
        "regimens[0].source",
        "source is missing",
        id="regimen-without-source",
    ),
    pytest.param(
        "rituximab.toml",
        'direction = "improved"\nsource = { ref = "daoussis-2012", section = '
        '"Agents biologiques", verification = "verified" }',
        'direction = "improved"',
        "evidence[0].source",
        "source is missing",
        id="evidence-without-source",
    ),
    pytest.param(
        "analgesia.toml",
        '{ ref = "valenzuela-2016", section',
        "{ section",
        "summary.source.ref",
        "is missing",
        id="source-without-ref",
    ),
    # --- references and products that do not exist
    pytest.param(
        "rituximab.toml",
        RITUXIMAB_SOURCE_LINE,
        RITUXIMAB_SOURCE_LINE.replace("valenzuela-2016", "smith-2020"),
        "regimens[0].schedule_source.ref",
        "unknown reference 'smith-2020'",
        id="unknown-reference",
    ),
    pytest.param(
        "rituximab.toml",
        'product = "rituximab-concentrate"',
        'product = "rituximab-vial"',
        "regimens[0].product",
        "unknown product 'rituximab-vial'",
        id="unknown-product",
    ),
    pytest.param(
        "rituximab.toml",
        'verification = "unverified" }\n\n[[evidence]]',
        'verification = "maybe" }\n\n[[evidence]]',
        "regimens[0].schedule_source.verification",
        "must be one of",
        id="bad-verification",
    ),
    # --- units and numbers
    pytest.param(
        "rituximab.toml",
        'unit = "mg"',
        'unit = "mg/kg"',
        "regimens[0].dose.unit",
        "unknown unit 'mg/kg'",
        id="unknown-dose-unit",
    ),
    pytest.param(
        "rituximab.toml",
        'unit = "mg"',
        'unit = "µg"',
        "regimens[0].dose.unit",
        "unknown unit",
        id="error-prone-unit-spelling",
    ),
    pytest.param(
        "rituximab.toml",
        'every = "1 week"',
        'every = "1 fortnight"',
        "regimens[0].schedule.every",
        "unknown unit 'fortnight'",
        id="unknown-duration-unit",
    ),
    pytest.param(
        "rituximab.toml",
        "amount = 375",
        'amount = "375 mg"',
        "regimens[0].dose.amount",
        "is not a number",
        id="amount-with-unit-text",
    ),
    pytest.param(
        "rituximab.toml",
        "amount = 375",
        "amount = { min = 480, max = 240 }",
        "regimens[0].dose.amount",
        "is not below maximum",
        id="range-upside-down",
    ),
    pytest.param(
        "rituximab.toml",
        "amount = 375",
        "amount = -375",
        "regimens[0].dose.amount",
        "non-negative",
        id="negative-amount",
    ),
    pytest.param(
        "rituximab.toml",
        "amount = 375",
        "amount = { options = [50] }",
        "regimens[0].dose.amount.options",
        "at least two",
        id="one-option",
    ),
    pytest.param(
        "rituximab.toml",
        'every = "1 week"',
        'every = "one week"',
        "regimens[0].schedule.every",
        "is not a number",
        id="duration-in-words",
    ),
    pytest.param(
        "rituximab.toml",
        "count = 4",
        "count = 4.5",
        "regimens[0].schedule.count",
        "whole number",
        id="fractional-count",
    ),
    pytest.param(
        "rituximab.toml",
        "patients = 1",
        "patients = 0",
        "evidence[0].patients",
        "at least 1",
        id="zero-patients",
    ),
    # --- a translation missing in one language
    pytest.param(
        "analgesia.toml",
        'en = "Pain relief" }',
        'de = "Schmerz" }',
        "name.en",
        "translation is missing",
        id="name-without-english",
    ),
    pytest.param(
        "rituximab.toml",
        'fr = "Déplétion des lymphocytes B."',
        'fr = "  "',
        "mechanism.fr",
        "translation is missing",
        id="empty-french-text",
    ),
    pytest.param(
        "rituximab.toml",
        'label = { fr = "375 mg/m² par semaine × 4", ',
        "label = { ",
        "regimens[0].label.fr",
        "translation is missing",
        id="regimen-label-without-french",
    ),
    pytest.param(
        "rituximab.toml",
        ', en = ["Rituxan", "anti-CD20"] }',
        " }",
        "synonyms.en",
        "translation is missing",
        id="synonyms-without-english",
    ),
    pytest.param(
        "rituximab.toml",
        'outcome = { fr = "Lésions plus petites", ',
        "outcome = { ",
        "evidence[0].outcome.fr",
        "translation is missing",
        id="evidence-without-french",
    ),
    # --- typos must not pass silently
    pytest.param(
        "rituximab.toml",
        "off_label = true",
        "off_label = true\nof_label = false",
        "of_label",
        "unknown key",
        id="unknown-top-level-key",
    ),
    pytest.param(
        "rituximab.toml",
        "courses = 2",
        "coruses = 2",
        "regimens[0].schedule.coruses",
        "not used by pattern 'series'",
        id="typo-in-schedule",
    ),
    pytest.param(
        "rituximab.toml",
        'per = "administration"',
        'per = "administration", time_per_day = 3',
        "regimens[0].dose.time_per_day",
        "unknown key",
        id="typo-in-dose",
    ),
    pytest.param(
        "rituximab.toml",
        'route = "iv"',
        'route = "iv"\nnote = { fr = "a", en = "b" }',
        "regimens[0].note",
        "unknown key",
        id="typo-in-regimen",
    ),
    pytest.param(
        "rituximab.toml",
        'fr = "Une patiente',
        'fre = "x"\nfr = "Une patiente',
        "cautions[0].fre",
        "unknown key",
        id="typo-in-statement",
    ),
    pytest.param(
        "rituximab.toml",
        'section = "Agents biologiques", verification = "unverified"',
        'sectoin = "Agents biologiques", verification = "unverified"',
        "regimens[0].schedule_source.sectoin",
        "unknown key",
        id="typo-in-source",
    ),
    pytest.param(
        "_references.toml",
        'note = "Regimen',
        'notes = "Regimen',
        "daoussis-2012.notes",
        "unknown key",
        id="typo-in-reference",
    ),
    pytest.param(
        "_products.toml",
        "dose_step_mg = 10",
        "dose_stepmg = 10",
        "products[0].dose_stepmg",
        "unknown key",
        id="typo-in-product",
    ),
    pytest.param(
        "rituximab.toml",
        'schedule = { pattern = "series"',
        'schedule = { pattern = "series", duration = "1 year"',
        "regimens[0].schedule.duration",
        "not used by pattern 'series'",
        id="field-the-pattern-ignores",
    ),
    pytest.param(
        "rituximab.toml",
        'pattern = "series"',
        'pattern = "weekly"',
        "regimens[0].schedule.pattern",
        "must be one of",
        id="unknown-pattern",
    ),
    pytest.param(
        "rituximab.toml",
        "count = 4, ",
        "",
        "regimens[0].schedule.count",
        "is required for pattern 'series'",
        id="pattern-missing-field",
    ),
    # --- ids, orders and vocabularies
    pytest.param(
        "rituximab.toml",
        'id = "rituximab"\n',
        'id = "rituximab-iv"\n',
        "id",
        "differs from the file name 'rituximab'",
        id="id-not-file-name",
    ),
    pytest.param(
        "rituximab.toml",
        'id = "rituximab"\n',
        'id = "Rituximab"\n',
        "id",
        "must be a slug",
        id="id-not-slug",
    ),
    pytest.param(
        "rituximab.toml",
        'id = "rituximab-375-weekly"',
        'id = "Rituximab 375"',
        "regimens[0].id",
        "must be a slug",
        id="regimen-id-not-slug",
    ),
    pytest.param(
        "rituximab.toml",
        'category = "drug"',
        'category = "medicine"',
        "category",
        "'medicine' is not one of",
        id="bad-category",
    ),
    pytest.param(
        "rituximab.toml",
        'evidence_level = "case-series"',
        'evidence_level = "rct"',
        "evidence_level",
        "'rct' is not one of",
        id="bad-evidence-level",
    ),
    pytest.param(
        "rituximab.toml",
        'design = "case-report"',
        'design = "anecdote"',
        "evidence[0].design",
        "'anecdote' is not one of",
        id="bad-design",
    ),
    pytest.param(
        "rituximab.toml",
        'direction = "improved"',
        'direction = "better"',
        "evidence[0].direction",
        "'better' is not one of",
        id="bad-direction",
    ),
    pytest.param(
        "rituximab.toml",
        'route = "iv"',
        'route = "IV"',
        "regimens[0].route",
        "must be one of",
        id="bad-route",
    ),
    pytest.param(
        "rituximab.toml",
        "off_label = true",
        'off_label = "yes"',
        "off_label",
        "true or false",
        id="flag-not-boolean",
    ),
    pytest.param(
        "rituximab.toml",
        "order = 330",
        "order = 3.5",
        "order",
        "whole number",
        id="order-not-whole",
    ),
    pytest.param(
        "rituximab.toml",
        'en = "Depletes B cells."',
        'en = "Depletes\\u0007B cells."',
        "mechanism.en",
        "control character",
        id="control-character",
    ),
    # --- the file itself and the content version
    pytest.param(
        "analgesia.toml",
        'id = "analgesia"',
        'id = "analgesia',
        "(file)",
        "not valid TOML",
        id="bad-toml",
    ),
    pytest.param(
        "_meta.toml",
        '"2000.1.0"',
        '"v2"',
        "content_version",
        "year.month",
        id="bad-content-version",
    ),
    pytest.param(
        "_meta.toml",
        '"2026-11-28"',
        '"28/11/2026"',
        "content_date",
        "2026-11-28",
        id="bad-content-date",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "field", "words"), CASES)
def test_a_bad_record_is_refused_naming_file_and_field(
    synthetic, file, old, new, field, words
) -> None:
    synthetic.edit(file, old, new)
    assert_refused(synthetic.dir, file, field, words)


def test_missing_summary_is_refused(synthetic) -> None:
    text = synthetic.text("analgesia.toml")
    synthetic.write("analgesia.toml", text[: text.index("[summary]")])
    assert_refused(synthetic.dir, "analgesia.toml", "summary", "is missing")


def test_duplicate_therapy_id_is_refused(synthetic) -> None:
    # Two files claiming the same id: the second is both misnamed and a duplicate.
    text = synthetic.text("colchicine.toml").replace("order = 260", "order = 261")
    synthetic.write("colchicine-bis.toml", text)
    assert_refused(synthetic.dir, "colchicine-bis.toml", "id", "differs from the file name")
    # Files are read in name order ("colchicine-bis" before "colchicine"): the second one read
    # is named, with the first one in the message.
    assert_refused(synthetic.dir, "colchicine.toml", "id", "duplicate therapy id 'colchicine'")
    found = [p for p in problems_of(synthetic.dir) if "duplicate therapy id" in p.message]
    assert "colchicine-bis.toml" in found[0].message


def test_duplicate_regimen_id_across_files_is_refused(synthetic) -> None:
    regimen = synthetic.text("rituximab.toml")
    block = regimen[regimen.index("[[regimens]]") : regimen.index("[[evidence]]")]
    synthetic.write("colchicine.toml", synthetic.text("colchicine.toml") + "\n" + block)
    assert_refused(
        synthetic.dir,
        "rituximab.toml",
        "regimens.id",
        "duplicate regimen id 'rituximab-375-weekly'",
    )


def test_duplicate_regimen_id_within_a_file_is_refused(synthetic) -> None:
    regimen = synthetic.text("rituximab.toml")
    block = regimen[regimen.index("[[regimens]]") : regimen.index("[[evidence]]")]
    synthetic.write("rituximab.toml", regimen + "\n" + block)
    assert_refused(synthetic.dir, "rituximab.toml", "regimens[1].id", "duplicate regimen id")


def test_duplicate_order_is_refused(synthetic) -> None:
    synthetic.edit("colchicine.toml", "order = 260", "order = 330")
    found = problems_of(synthetic.dir)
    assert any(p.field == "order" and "duplicate order 330" in p.message for p in found), found


def test_duplicate_product_id_is_refused(synthetic) -> None:
    text = synthetic.text("_products.toml")
    synthetic.write("_products.toml", text + "\n" + text)
    assert_refused(synthetic.dir, "_products.toml", "products[1].id", "duplicate product id")


def test_every_problem_is_reported_at_once(synthetic) -> None:
    synthetic.edit("rituximab.toml", 'unit = "mg"', 'unit = "mg/kg"')
    synthetic.edit("rituximab.toml", 'direction = "improved"', 'direction = "better"')
    synthetic.edit("analgesia.toml", ', en = "Pain relief" }', " }")
    synthetic.edit("colchicine.toml", 'category = "drug"', 'category = "pill"')
    found = {(Path(p.file).name, p.field) for p in problems_of(synthetic.dir)}
    assert {
        ("rituximab.toml", "regimens[0].dose.unit"),
        ("rituximab.toml", "evidence[0].direction"),
        ("analgesia.toml", "name.en"),
        ("colchicine.toml", "category"),
    } <= found


def test_a_missing_metadata_file_is_reported(synthetic) -> None:
    synthetic.path("_meta.toml").unlink()
    assert_refused(synthetic.dir, "_meta.toml", "(file)", "file is missing")


def test_a_missing_directory_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ContentValidationError) as info:
        load_content(tmp_path / "nowhere")
    assert "content directory not found" in str(info.value)


def test_files_starting_with_underscore_are_not_records(synthetic) -> None:
    shutil.copy(synthetic.path("_meta.toml"), synthetic.path("_notes.toml"))
    assert len(load_content(synthetic.dir).therapies) == 5


def test_real_content_validates(real_content) -> None:
    assert real_content.therapies, "db/content has no record"
    assert real_content.meta.content_version


# ---- the content README's pattern table says what each pattern's declaration says


def test_the_readme_pattern_table_is_the_declarations() -> None:
    import re

    from desktop.core.schedule import PATTERNS

    readme = (Path(__file__).resolve().parents[2] / "db" / "content" / "README.md").read_text(
        encoding="utf-8"
    )
    rows = re.findall(r"^\| `(\w+)` \| ([^|]*) \|", readme, re.MULTILINE)
    assert [name for name, _ in rows] == list(PATTERNS)
    for name, cell in rows:
        needed, _, optional = cell.partition("optional")
        needs = set(re.findall(r"`(\w+)`", needed))
        assert needs == set(PATTERNS[name].needs), name
        assert needs | set(re.findall(r"`(\w+)`", optional)) == PATTERNS[name].uses, name
