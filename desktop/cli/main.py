"""``calx``: with no command, opens the window; otherwise runs one command and exits."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Sequence

from desktop import __version__
from desktop.cli.common import refuse
from desktop.core.errors import CalxError

# (module, register function) per command group; imported lazily so `calx --help` stays fast.
COMMAND_GROUPS: tuple[str, ...] = (
    "desktop.cli.kb",  # therapies, show, search
    "desktop.cli.dosing",  # bsa, body
    "desktop.cli.dose",  # dose
    "desktop.cli.plans",  # plan, check
    "desktop.cli.content",  # content release, validate, diff, install, rollback, status
)
# Each command's group: a command imports only its own group (each group imports what its
# commands need, e.g. reportlab for `plan`). tests/data/test_no_qt.py keeps this complete.
COMMANDS: dict[str, str] = {
    "therapies": "desktop.cli.kb",
    "show": "desktop.cli.kb",
    "search": "desktop.cli.kb",
    "overview": "desktop.cli.kb",
    "bsa": "desktop.cli.dosing",
    "body": "desktop.cli.dosing",
    "dose": "desktop.cli.dose",
    "plan": "desktop.cli.plans",
    "check": "desktop.cli.plans",
    "content": "desktop.cli.content",
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # argparse's own usage errors also exit 2, with usage on stderr; keep JSON for --json.
        if "--json" in sys.argv:
            import json

            print(json.dumps({"error": {"code": "bad_arguments", "message": message}}))
        super().error(message)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of ``command``'s group only when it is a known one."""
    import importlib

    parser = _Parser(
        prog="calx",
        description="Calx: calcinosis in systemic sclerosis, "
        "reference and dosing calculator (offline).",
    )
    parser.add_argument("--version", action="version", version=f"calx {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name in (COMMANDS[command],) if command in COMMANDS else COMMAND_GROUPS:
        importlib.import_module(name).register(sub)
    return parser


def _safe_streams() -> None:
    """A terminal or pipe in Latin-1, ASCII or cp1252 cannot show every character Calx prints
    (µ, ≥, –, names from anywhere): such characters are written as escapes, never a traceback."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # a stream that cannot change now
                reconfigure(errors="backslashreplace")


def _not_text(argv: Sequence[str]) -> str | None:
    """The first argument that is not text (undecodable bytes arrive as lone surrogates)."""
    for arg in argv:
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            return arg.encode("utf-8", "backslashreplace").decode("ascii", "replace")[:100]
    return None


def main(argv: Sequence[str] | None = None) -> int:
    _safe_streams()
    given = list(sys.argv[1:] if argv is None else argv)
    bad = _not_text(given)
    if bad is not None:
        after = given[given.index("--lang") + 1 :] if "--lang" in given else []
        lang = "fr" if after[:1] == ["fr"] or "--lang=fr" in given else "en"
        refuse(
            CalxError("argument_not_text", text=bad),
            argparse.Namespace(lang=lang, json="--json" in given),
        )
    # The top-level options (--help, --version) take no value: a command comes first.
    parser = build_parser(given[0] if given and not given[0].startswith("-") else None)
    args = parser.parse_args(given)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 0
    try:
        return handler(args)
    except CalxError as error:
        refuse(error, args)
    except BrokenPipeError:
        # `calx ... | head` closed our stdout: not an error of ours, and no traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
