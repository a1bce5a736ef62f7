"""The README's command line examples run, and its sample outputs are what Calx prints.

- Every ``calx ...`` line of the README's ``sh`` blocks runs and exits 0 (optional parts written
  ``[--like this]`` are left out).
- Every ``text`` block that starts with ``$ calx ...`` is a sample: the command runs and its output
  must match the lines shown. ``…`` or ``...`` in a sample stands for text left out (a whole line
  ``...`` for the lines that follow); whitespace is compared loosely, so a long line may be
  wrapped in the README.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from cli_runner import CalxCli

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```", re.MULTILINE | re.DOTALL)
ELISION = re.compile(r"\s*(?:…|\.\.\.)\s*")


def _blocks(kind: str) -> list[str]:
    return [
        body for lang, body in BLOCK.findall(README.read_text(encoding="utf-8")) if lang == kind
    ]


def _join_continued(lines: list[str]) -> list[str]:
    joined: list[str] = []
    for line in lines:
        if joined and joined[-1].endswith("\\"):
            joined[-1] = joined[-1][:-1] + " " + line.strip()
        else:
            joined.append(line)
    return joined


def _commands() -> list[str]:
    out = []
    for body in _blocks("sh"):
        for line in _join_continued(body.splitlines()):
            if line.startswith("calx "):
                line = re.sub(r"\s+#.*$", "", line)  # a trailing comment
                out.append(re.sub(r"\s*\[[^\]]*\]", "", line))  # optional parts
    return out


def _samples() -> list[tuple[str, str]]:
    out = []
    for body in _blocks("text"):
        lines = _join_continued(body.splitlines())
        if lines and lines[0].startswith("$ calx "):
            out.append((lines[0][2:], "\n".join(lines[1:])))
    return out


def matches(sample: str, output: str) -> bool:
    """Does ``output`` read as ``sample``, where ``…``/``...`` stand for text left out?"""
    flat = " ".join(output.split())
    parts = [" ".join(p.split()) for p in ELISION.split(sample.strip())]
    pattern = r"\s*.*?\s*".join(re.escape(p) for p in parts)
    return re.fullmatch(pattern, flat, re.DOTALL) is not None


@pytest.fixture
def sandbox(tmp_path: Path, calx_db_env: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Files the examples write go to a throwaway folder, saved plans too."""
    monkeypatch.setenv("CALX_USER_DATA", str(tmp_path / "user-data"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_readme_has_examples_and_samples() -> None:
    assert len(_commands()) >= 9 and len(_samples()) >= 2


@pytest.mark.parametrize("command", _commands())
def test_every_readme_command_runs(command: str, sandbox: Path, calx_cli: CalxCli) -> None:
    code, _, err = calx_cli(shlex.split(command)[1:])
    assert code == 0, err


@pytest.mark.parametrize(
    ("command", "sample"), [pytest.param(c, s, id=c.split()[1]) for c, s in _samples()]
)
def test_every_readme_sample_is_what_calx_prints(
    command: str, sample: str, sandbox: Path, calx_cli: CalxCli
) -> None:
    code, out, err = calx_cli(shlex.split(command)[1:])
    assert code == 0, err
    assert matches(sample, out), f"README sample of `{command}` has drifted; Calx prints:\n{out}"


def test_the_sample_match_notices_a_changed_number_and_allows_elision() -> None:
    output = "Dose: 681.79 mg (calculated)\nWorking:\n  - one\n  - two\n"
    assert matches("Dose: 681.79 mg (calculated)\nWorking:\n  - one\n  ...", output)
    assert matches("Dose: 681.79 mg … Working: - one - two", output)
    assert not matches("Dose: 681.80 mg (calculated)\n...", output)
    assert not matches("Dose: 681.79 mg (calculated)\nWorking:\n  - one", output)  # not all shown
