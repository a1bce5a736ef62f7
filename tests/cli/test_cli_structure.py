"""The command line's modules import one another one way only (``calx dose`` once imported the
dosing group, which imported it back)."""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

import desktop.cli

CLI = Path(desktop.cli.__file__).parent


def _cli_imports(path: Path) -> set[str]:
    """The ``desktop.cli`` modules a module imports, at its top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = (
            [node.module]
            if isinstance(node, ast.ImportFrom) and node.module
            else [a.name for a in node.names]
            if isinstance(node, ast.Import)
            else []
        )
        found |= {n for n in names if n.startswith("desktop.cli.")}
    return found


def test_cli_modules_import_each_other_without_a_cycle() -> None:
    graph = {f"desktop.cli.{p.stem}": _cli_imports(p) for p in CLI.glob("*.py")}
    assert "desktop.cli.dosing" in graph["desktop.cli.dose"]  # the graph is read at all
    try:
        tuple(TopologicalSorter(graph).static_order())
    except CycleError as cycle:
        raise AssertionError(f"import cycle: {cycle.args[1]}") from None


def test_a_command_runs_without_the_cyclic_collector_and_gives_it_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # ``calx COMMAND`` turns the collector off for its one short run (desktop.__main__) and on
    # again when the command returns or fails, should anything call it in a longer process; what
    # the command made is frozen, so neither the next young pass nor the one at exit walks it.
    import gc

    import desktop.__main__ as entry
    import desktop.cli.main

    seen: list[bool] = []

    def command(argv: list[str]) -> int:
        seen.append(gc.isenabled())
        raise SystemExit(2)

    monkeypatch.setattr(desktop.cli.main, "main", command)
    monkeypatch.setattr("sys.argv", ["calx", "bsa", "--weight", "70"])
    assert gc.isenabled()
    gc.unfreeze()
    try:
        with pytest.raises(SystemExit):
            entry.main()
        assert seen == [False] and gc.isenabled()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
