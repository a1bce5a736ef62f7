"""The repository's own documents and the references to them cannot dangle.

- Every citation of a section of the clinical reference (``docs/clinical.md §N``) names a section
  that exists, and nothing cites the design page outside the repository (``CLINICAL.md``).
- Every repository path written in a source file, a content file or a document (``tests/...py``,
  ``docs/...md``, ``db/content/...toml``, ...) exists.
- Every path written between backticks in docs/ and CONTRIBUTING.md exists (globs must match).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CLINICAL = ROOT / "docs" / "clinical.md"

# "docs/clinical.md §2", "docs/clinical.md §§4, 6" (each number is checked)
CITATION = re.compile(r"docs/clinical\.md,? ?(§[§\d, and]*\d)")
OUTSIDE = re.compile(r"(?<![/\w])CLINICAL\.md")
SECTION = re.compile(r"^## §(\d+) ", re.MULTILINE)
TOP = ("desktop", "db", "tests", "docs", "tools", "packaging", "benchmarks", "resources")
PATH = re.compile(
    r"(?<![\w./-])((?:" + "|".join(TOP) + r")/[\w./-]*\w\.(?:py|md|toml|txt|ts|lock|json|spec))\b"
)
BACKTICKED = re.compile(r"`([^`\s]+)`")
# Files made by the build, not checked in (gitignored).
GENERATED = {"db/calx.sqlite"}


def _tracked(*suffixes: str) -> list[Path]:
    """The repository's files (tracked, or new and not ignored), except this test's own examples."""
    out = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    names = {n for n in out.stdout.decode().split("\0") if n} - {"tests/test_docs.py"}
    return [ROOT / n for n in sorted(names) if n.endswith(suffixes) and (ROOT / n).is_file()]


def _sections() -> set[int]:
    return {int(n) for n in SECTION.findall(CLINICAL.read_text(encoding="utf-8"))}


def _where(path: Path, text: str, offset: int) -> str:
    return f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, offset) + 1}"


def test_the_clinical_reference_numbers_its_sections_in_order() -> None:
    numbers = [int(n) for n in SECTION.findall(CLINICAL.read_text(encoding="utf-8"))]
    assert numbers == list(range(1, len(numbers) + 1))
    assert len(numbers) >= 7  # §1 … §7 keep the numbers the code has always cited


def test_every_cited_section_of_the_clinical_reference_exists() -> None:
    sections, bad, seen = _sections(), [], 0
    for path in _tracked(".py", ".md", ".toml", ".txt"):
        text = path.read_text(encoding="utf-8")
        for match in CITATION.finditer(text):
            seen += 1
            for number in re.findall(r"\d+", match.group(1)):
                if int(number) not in sections:
                    bad.append(f"{_where(path, text, match.start())}: {match.group(0)}")
    assert seen > 50  # the pattern still finds the citations
    assert not bad, "citations of missing sections:\n" + "\n".join(bad)


def test_the_citation_pattern_reads_every_form() -> None:
    found = [
        m.group(1)
        for m in CITATION.finditer(
            "(docs/clinical.md §4) and (docs/clinical.md §12; docs/clinical.md §§2, 6)"
        )
    ]
    assert found == ["§4", "§12", "§§2, 6"]
    assert OUTSIDE.search("see CLINICAL.md §4") and not OUTSIDE.search("docs/clinical.md §4")


def test_nothing_cites_the_design_page_outside_the_repository() -> None:
    bad = []
    for path in _tracked(".py", ".md", ".toml", ".txt"):
        text = path.read_text(encoding="utf-8")
        bad += [_where(path, text, m.start()) for m in OUTSIDE.finditer(text)]
    assert not bad, "cite docs/clinical.md, not CLINICAL.md:\n" + "\n".join(bad)


def test_every_path_named_in_code_content_and_documents_exists() -> None:
    bad = []
    for path in _tracked(".py", ".md", ".toml", ".txt", "Makefile"):
        text = path.read_text(encoding="utf-8")
        for match in PATH.finditer(text):
            name = match.group(1)
            if name not in GENERATED and not (ROOT / name).exists():
                bad.append(f"{_where(path, text, match.start())}: {name}")
    assert not bad, "paths that do not exist:\n" + "\n".join(bad)


def test_the_path_pattern_finds_a_missing_file() -> None:
    text = "Worked example (tests/core/test_body.py): see docs/clinical.md and db/content/."
    assert [m.group(1) for m in PATH.finditer(text)] == [
        "tests/core/test_body.py",
        "docs/clinical.md",
    ]


@pytest.mark.parametrize(
    "document", ["docs/clinical.md", "docs/architecture.md", "CONTRIBUTING.md"]
)
def test_every_backticked_path_of_the_guides_exists(document: str) -> None:
    text = (ROOT / document).read_text(encoding="utf-8")
    bad = []
    for match in BACKTICKED.finditer(text):
        name = match.group(1).rstrip(".,;:")
        looks_like_path = (
            "/" in name
            and not name.startswith(("-", "http", "/"))
            and re.fullmatch(r"[\w.*/-]+", name) is not None
        )
        if not looks_like_path or name in GENERATED:
            continue
        if not (list(ROOT.glob(name)) if "*" in name else (ROOT / name).exists()):
            bad.append(f"{_where(ROOT / document, text, match.start())}: {name}")
    assert not bad, f"{document} names paths that do not exist:\n" + "\n".join(bad)
