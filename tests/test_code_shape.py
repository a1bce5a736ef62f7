"""Rules of the code's shape that the linters do not check."""

from __future__ import annotations

import ast
from pathlib import Path

DESKTOP = Path(__file__).resolve().parents[1] / "desktop"


def _is_dataclass(node: ast.ClassDef) -> bool:
    for decorator in node.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if isinstance(target, ast.Name) and target.id == "dataclass":
            return True
    return False


def test_every_dataclass_says_what_it_is():
    """A docstring for each: without one, ``@dataclass`` builds one from ``inspect.signature``
    when the class is defined (Python 3.11), which costs about 0.3 ms a class at every start of
    the window and the command line."""
    missing = [
        f"{path.relative_to(DESKTOP.parent)}: {node.name}"
        for path in sorted(DESKTOP.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef) and _is_dataclass(node) and not ast.get_docstring(node)
    ]
    assert not missing, missing
