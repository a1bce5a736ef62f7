"""The one way tests run ``calx`` in-process: the ``calx_cli`` fixture of ``tests/conftest.py``
(exit status and output), or ``run_main`` where only the exit status matters."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, NamedTuple

import pytest


def run_main(argv: Sequence[str]) -> int:
    """``calx ARGV`` in this process: its exit status, argparse's refusals included."""
    from desktop.cli.main import main

    try:
        code: Any = main(list(argv))
    except SystemExit as exit_:
        code = _status(exit_)
    return int(code or 0)


def _status(exit_: SystemExit) -> int | None:
    # as the interpreter does: no code is 0, a message (not a number) is 1
    return exit_.code if isinstance(exit_.code, int) or exit_.code is None else 1


class CliRun(NamedTuple):
    code: int
    out: str
    err: str


class CalxCli:
    """``calx`` run in-process, its output captured by pytest's ``capsys``."""

    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self._capsys = capsys

    def __call__(self, argv: Sequence[str]) -> CliRun:
        from desktop.cli.main import main

        self._capsys.readouterr()  # what came before is not this command's output
        try:
            code: Any = main(list(argv))
        except SystemExit as exit_:
            code = _status(exit_)
        out, err = self._capsys.readouterr()
        return CliRun(int(code or 0), out, err)

    def json(self, argv: Sequence[str]) -> Any:
        code, out, err = self([*argv, "--json"])
        assert code == 0, err
        return json.loads(out)  # exactly one JSON document
