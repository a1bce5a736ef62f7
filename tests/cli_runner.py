"""The one way tests run ``calx`` in-process (the ``calx_cli`` fixture of ``tests/conftest.py``)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, NamedTuple

import pytest


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
            # as the interpreter does: no code is 0, a message (not a number) is 1
            code = exit_.code if isinstance(exit_.code, int) or exit_.code is None else 1
        out, err = self._capsys.readouterr()
        return CliRun(int(code or 0), out, err)

    def json(self, argv: Sequence[str]) -> Any:
        code, out, err = self([*argv, "--json"])
        assert code == 0, err
        return json.loads(out)  # exactly one JSON document
