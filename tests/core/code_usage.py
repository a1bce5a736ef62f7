"""Which catalogue codes (``desktop.core.words``) the package uses, read from its source exactly.

A code is used where it reaches a *code position*: the first argument (or ``code=``) of
``CalxError``, ``Issue``, ``word``, ``template``, ``texts``, ``Bilingual.of``, or of a function
of the package that passes one of its own parameters there (found by a fixed point, so
``_step(code, ...)`` and ``_date(text, code, field)`` count, and their callers are read instead).
What reaches a code position is resolved statically:

- a string literal, ``a if c else b``, ``"prefix_" + x``, an f-string;
- a name bound in the same scope, the module, or imported from another module of the package, to
  any of these; by unpacking a tuple; by a ``for`` loop or a comprehension over a literal (a loop
  over pairs too);
- ``TABLE[key]``, ``TABLE.get(key, default)`` of a dict literal: its values (and the default).

An attribute (``ref.verification``) stands for a *domain* the test names; a part that is neither
(``f"route_name_{r.route}"``) leaves a *family*, a prefix and a suffix, whose domain the test names
too, so each member is checked. Anything else is reported, so the guard never misses a code.
"""

from __future__ import annotations

import ast
import itertools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).resolve().parents[2] / "desktop"
CATALOGUE_DIR = PACKAGE / "core" / "words"
BASE_FUNCTIONS = ("CalxError", "Issue", "word", "template", "texts", "of")
PASS_THROUGH = frozenset({"code"})  # re-raising an issue keeps the code it was made with

Family = tuple[str, str]  # (prefix, suffix) around a part that is not resolved
Attr = tuple[str, str, str]  # ("attr", name, prefix + "\0" + suffix)
Pattern = str | Family | Attr


@dataclass
class Usage:
    exact: dict[str, list[str]] = field(default_factory=dict)
    families: dict[Family, list[str]] = field(default_factory=dict)
    attributes: dict[str, list[str]] = field(default_factory=dict)  # an attribute used as a code
    unresolved: list[str] = field(default_factory=list)


class UnresolvedError(Exception):
    pass


def _modules() -> dict[str, tuple[Path, ast.Module]]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.parent == CATALOGUE_DIR and path.name != "__init__.py":
            continue  # the catalogue's data: where codes are defined, not used
        name = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        out[name.removesuffix(".__init__")] = (path, ast.parse(path.read_text(encoding="utf-8")))
    return out


def _callee(call: ast.Call) -> str | None:
    f = call.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None


def _argument(call: ast.Call, index: int, param: str) -> ast.expr | None:
    for kw in call.keywords:
        if kw.arg == param:
            return kw.value
    return call.args[index] if len(call.args) > index else None


def _params(fn: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> list[str]:
    names = [a.arg for a in (*fn.args.posonlyargs, *fn.args.args, *fn.args.kwonlyargs)]
    return names[1:] if names[:1] in (["self"], ["cls"]) else names


class Package:
    def __init__(self) -> None:
        self.modules = _modules()
        self.parents = {
            m: {c: n for n in ast.walk(t) for c in ast.iter_child_nodes(n)}
            for m, (_, t) in self.modules.items()
        }
        self.imports = {
            m: {
                (a.asname or a.name): (n.module, a.name)
                for n in ast.walk(t)
                if isinstance(n, ast.ImportFrom) and n.module in self.modules
                for a in n.names
            }
            for m, (_, t) in self.modules.items()
        }
        self.functions = self._code_functions()

    # ------------------------------------------------------------ code functions

    def function_of(self, module: str, call: ast.Call) -> tuple[int, str] | None:
        """(index, parameter) of the code argument of ``call``, if it takes a code."""
        name = _callee(call)
        if name is None:
            return None
        if (module, name) in self.functions:
            return self.functions[module, name]
        if isinstance(call.func, ast.Name) and name in self.imports[module]:
            found = self.functions.get(self.imports[module][name])
            if found is not None:
                return found
        return (0, "code") if name in BASE_FUNCTIONS else None

    def _code_functions(self) -> dict[tuple[str, str], tuple[int, str]]:
        self.functions: dict[tuple[str, str], tuple[int, str]] = {}
        changed = True
        while changed:
            changed = False
            for module, (_, tree) in self.modules.items():
                for fn in ast.walk(tree):
                    if (
                        not isinstance(fn, ast.FunctionDef)
                        or fn.name.startswith("__")
                        or (module, fn.name) in self.functions
                    ):
                        continue
                    params = _params(fn)
                    for call in ast.walk(fn):
                        target = (
                            self.function_of(module, call) if isinstance(call, ast.Call) else None
                        )
                        arg = _argument(call, *target) if target else None  # type: ignore[arg-type]
                        if isinstance(arg, ast.Name) and arg.id in params:
                            self.functions[module, fn.name] = (params.index(arg.id), arg.id)
                            changed = True
                            break
        return self.functions

    # ------------------------------------------------------------ names

    def binding(self, module: str, name: str, at: ast.AST) -> tuple[str, Any]:
        """How ``name`` is bound where ``at`` stands: ("param", fn), ("values", [(module,
        node)]), ("iter", (module, iterable, index)); UnresolvedError otherwise."""
        parents = self.parents[module]
        scope: ast.AST | None = at
        while scope is not None:
            scope = parents.get(scope)
            if isinstance(scope, ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp):
                for gen in scope.generators:
                    index = _target_index(gen.target, name)
                    if index is not False:
                        return "iter", (module, gen.iter, index)
            if isinstance(scope, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                if name in _params(scope) or any(
                    a.arg == name for a in (*scope.args.posonlyargs, *scope.args.args)
                ):
                    return "param", scope
                found = _assigned(scope, name)
                if found:
                    if found[0][0] == "iter":
                        return "iter", (module, *found[0][1:])
                    return "values", [(module, f[1]) for f in found if f[0] == "values"]
        found = _assigned(self.modules[module][1], name)
        if found:
            if found[0][0] == "iter":
                return "iter", (module, *found[0][1:])
            return "values", [(module, f[1]) for f in found]
        if name in self.imports[module]:
            other, other_name = self.imports[module][name]
            return (
                self.binding(other, other_name, self.modules[other][1].body[0])
                if self.modules[other][1].body
                else ("none", None)
            )
        raise UnresolvedError(name)

    def literal(self, module: str, node: ast.AST) -> tuple[str, ast.AST]:
        """The literal a name stands for (a dict, a tuple…), with its module."""
        if isinstance(node, ast.Name):
            kind, found = self.binding(module, node.id, node)
            if kind == "values":
                return self.literal(*found[0])
            raise UnresolvedError(node.id)
        return module, node

    def elements(self, module: str, node: ast.AST, index: int | None) -> set[Pattern]:
        """What a loop over ``node`` binds (the ``index``-th item of each pair)."""
        module, node = self.literal(module, node)
        if isinstance(node, ast.Dict):
            items: list[ast.AST] = [k for k in node.keys if k is not None]
        elif isinstance(node, ast.Tuple | ast.List | ast.Set):
            items = list(node.elts)
        else:
            raise UnresolvedError(ast.unparse(node))  # type: ignore[arg-type]
        out: set[Pattern] = set()
        for item in items:
            if index is not None:
                item = self.literal(module, item)[1]
                if not isinstance(item, ast.Tuple):
                    raise UnresolvedError(ast.unparse(item))  # type: ignore[arg-type]
                item = item.elts[index]
            out |= self.patterns(module, item)
        return out

    def dict_values(self, module: str, node: ast.AST) -> set[Pattern]:
        module, node = self.literal(module, node)
        if isinstance(node, ast.Dict):
            out: set[Pattern] = set()
            for key, value in zip(node.keys, node.values, strict=True):
                out |= (
                    self.dict_values(module, value) if key is None else self.patterns(module, value)
                )
            return out
        if isinstance(node, ast.DictComp):
            return self.patterns(module, node.value)
        raise UnresolvedError(ast.unparse(node))  # type: ignore[arg-type]

    # ------------------------------------------------------------ expressions

    def patterns(self, module: str, node: ast.AST) -> set[Pattern]:
        """Every code ``node`` may be: exact strings, families, attributes."""
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return {node.value}
        if isinstance(node, ast.IfExp):
            return self.patterns(module, node.body) | self.patterns(module, node.orelse)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return self._join(module, [node.left, node.right])
        if isinstance(node, ast.JoinedStr):
            return self._join(
                module, [v.value if isinstance(v, ast.FormattedValue) else v for v in node.values]
            )
        if isinstance(node, ast.Attribute):
            return {("attr", node.attr, "\0")}
        if isinstance(node, ast.Name):
            kind, found = self.binding(module, node.id, node)
            if kind == "values":
                return set().union(*(self.patterns(m, n) for m, n in found))
            if kind == "iter":
                return self.elements(*found)
            raise UnresolvedError(node.id)
        if isinstance(node, ast.Subscript):
            return self.dict_values(module, node.value)
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "get"
        ):
            out = self.dict_values(module, node.func.value)
            for default in node.args[1:2]:
                out |= self.patterns(module, default)
            return out
        raise UnresolvedError(ast.unparse(node))  # type: ignore[arg-type]

    def _join(self, module: str, parts: list[ast.AST]) -> set[Pattern]:
        choices: list[set[Pattern]] = []
        for part in parts:
            try:
                choices.append(self.patterns(module, part))
            except UnresolvedError:
                choices.append({("", "")})  # a hole: the family's unknown middle
        out: set[Pattern] = set()
        for combo in itertools.product(*choices):
            holes = [c for c in combo if not isinstance(c, str)]
            if not holes:
                out.add("".join(combo))  # type: ignore[arg-type]
                continue
            if len(holes) > 1:
                raise UnresolvedError("two unknown parts")
            at = combo.index(holes[0])
            prefix = "".join(combo[:at])  # type: ignore[arg-type]
            suffix = "".join(combo[at + 1 :])  # type: ignore[arg-type]
            hole = holes[0]
            if len(hole) == 3:  # an attribute inside: its family carries the attribute's name
                inner_prefix, _, inner_suffix = hole[2].partition("\0")  # type: ignore[misc]
                out.add(
                    (
                        "attr",
                        hole[1],  # type: ignore[arg-type]
                        f"{prefix}{inner_prefix}\0{inner_suffix}{suffix}",
                    )
                )
            else:
                out.add((prefix + hole[0], hole[1] + suffix))  # type: ignore[index]
        return out


def _target_index(target: ast.AST, name: str) -> int | bool | None:
    if isinstance(target, ast.Name):
        return None if target.id == name else False  # type: ignore[return-value]
    if isinstance(target, ast.Tuple):
        for i, elt in enumerate(target.elts):
            if isinstance(elt, ast.Name) and elt.id == name:
                return i
    return False  # type: ignore[return-value]


def _assigned(scope: ast.AST, name: str) -> list[tuple[Any, ...]]:
    """What ``name`` is bound to in ``scope`` itself (not in nested functions or classes)."""
    found: list[tuple[Any, ...]] = []
    stack = list(
        getattr(scope, "body", []) if isinstance(getattr(scope, "body", None), list) else []
    )
    while stack:
        node = stack.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda):
            continue
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                if isinstance(target, ast.Name) and target.id == name:
                    found.append(("values", node.value))
                elif isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple):
                    for elt, value in zip(target.elts, node.value.elts, strict=False):
                        if isinstance(elt, ast.Name) and elt.id == name:
                            found.append(("values", value))
        elif isinstance(node, ast.For):
            index = _target_index(node.target, name)
            if index is not False:
                found.append(("iter", node.iter, index))
        stack.extend(ast.iter_child_nodes(node))
    return found


def code_usage() -> Usage:
    package = Package()
    usage = Usage()
    for module, (path, tree) in package.modules.items():
        for call in ast.walk(tree):
            target = package.function_of(module, call) if isinstance(call, ast.Call) else None
            arg = _argument(call, *target) if target else None  # type: ignore[arg-type]
            if arg is None:
                continue
            where = f"{path.relative_to(PACKAGE.parent)}:{call.lineno}"
            if isinstance(arg, ast.Attribute) and arg.attr in PASS_THROUGH:
                continue
            try:
                if isinstance(arg, ast.Name) and package.binding(module, arg.id, arg)[0] == "param":
                    continue  # a function that takes a code: its callers are read instead
                found = package.patterns(module, arg)
            except UnresolvedError:
                usage.unresolved.append(f"{where}: {ast.unparse(arg)}")
                continue
            for pattern in found:
                if isinstance(pattern, str):
                    usage.exact.setdefault(pattern, []).append(where)
                elif len(pattern) == 3:
                    usage.attributes.setdefault(f"{pattern[1]}:{pattern[2]}", []).append(where)
                else:
                    usage.families.setdefault(pattern, []).append(where)  # type: ignore[arg-type]
    return usage
