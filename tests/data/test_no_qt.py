"""The domain (core, data) and the command line import without Qt."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent("""
    import importlib, pkgutil, sys
    sys.modules["PySide6"] = None      # any "import PySide6..." now raises ImportError
    sys.modules["shiboken6"] = None
    import desktop.core, desktop.data, desktop.cli
    names = []
    for package in (desktop.core, desktop.data, desktop.cli):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            importlib.import_module(info.name)
            names.append(info.name)
    from desktop.cli.main import build_parser
    build_parser()                      # imports every command group
    assert not any(m.startswith(("PySide6.", "desktop.ui")) for m in sys.modules), "Qt leaked"
    print("\\n".join(names))
""")


def test_domain_and_cli_import_without_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    imported = set(result.stdout.split())
    for name in (
        "desktop.data.models",
        "desktop.data.content",
        "desktop.data.build",
        "desktop.data.refdb",
        "desktop.data.schema",
        "desktop.core.regimen",
        "desktop.cli.kb",
    ):
        assert name in imported


def test_every_command_is_mapped_to_its_group() -> None:
    # A command imports only its group's module (COMMANDS): the map must name every command.
    from desktop.cli.main import COMMANDS, build_parser

    choices = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert set(choices) == set(COMMANDS)
    for command, group in COMMANDS.items():
        one = build_parser(command)._subparsers._group_actions[0].choices  # type: ignore[union-attr]
        assert command in one and set(one) <= {c for c, g in COMMANDS.items() if g == group}


IMPORTS = textwrap.dedent("""
    import sys
    from desktop.cli.main import main
    code = main(sys.argv[1:])
    print(" ".join(m for m in ("icalendar", "reportlab", "PIL", "babel.dates", "pint",
                               "desktop.data.models", "desktop.data.userdb")
                   if m in sys.modules), file=sys.stderr)
    sys.exit(code)
""")


# The patient's PDF of one regimen (the ``--ics`` case adds the calendar).
PLAN_ARGS = [
    "plan",
    "--patient",
    "Jane Doe",
    "--weight",
    "70",
    "--height",
    "170",
    "--regimen",
    "rituximab-375-weekly",
    "--start",
    "2026-12-01",
    "--out",
    "{tmp}/plan.pdf",
]


@pytest.mark.parametrize(
    ("argv", "loaded", "not_loaded"),
    [
        (["bsa", "--weight", "70", "--height", "170"], {"pint"}, {"icalendar", "reportlab"}),
        (
            ["dose", "rituximab-375-weekly", "--weight", "70", "--height", "170"],
            {"pint"},
            # babel's locale data costs a process 13 ms: formatting writes the calendar's words;
            # the therapy pages' record types and the user database are not a dose's business
            {
                "icalendar",
                "reportlab",
                "PIL",
                "babel.dates",
                "desktop.data.models",
                "desktop.data.userdb",
            },
        ),
        (
            PLAN_ARGS,
            {"reportlab"},
            {"icalendar", "babel.dates", "desktop.data.userdb"},  # userdb: only to save a plan
        ),
        (
            [*PLAN_ARGS, "--ics", "{tmp}/plan.ics"],
            {"reportlab", "icalendar"},
            set(),
        ),
    ],
)
def test_a_command_imports_only_what_it_uses(
    tmp_path: Path, real_db: Path, argv: list[str], loaded: set[str], not_loaded: set[str]
) -> None:
    import os

    env = dict(os.environ, CALX_USER_DATA=str(tmp_path / "user"), CALX_DB=str(real_db))
    result = subprocess.run(
        [sys.executable, "-c", IMPORTS, *(a.replace("{tmp}", str(tmp_path)) for a in argv)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    modules = set(result.stderr.split("\n")[-2].split())
    assert loaded <= modules
    assert not (not_loaded & modules)
