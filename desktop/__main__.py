"""``python -m desktop`` and ``calx``: the window without arguments, the command line with them."""

from __future__ import annotations

import sys

GUI_FLAGS = ("--exit-after-startup", "--exit-when-usable", "--self-test")


def main() -> int:
    argv = sys.argv[1:]
    if not argv or all(a in GUI_FLAGS for a in argv):
        from desktop.ui.app import run

        return run(argv)
    from desktop.cli.main import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    raise SystemExit(main())
