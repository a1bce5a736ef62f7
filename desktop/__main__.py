"""``python -m desktop`` and ``calx``: the window without arguments, the command line with them."""

from __future__ import annotations

import gc
import sys

GUI_FLAGS = ("--exit-after-startup", "--exit-when-usable", "--self-test")


def main() -> int:
    argv = sys.argv[1:]
    if not argv or all(a in GUI_FLAGS for a in argv):
        from desktop.ui.app import run

        return run(argv)
    # A command is one short run whose objects mostly live until it ends (modules, classes,
    # pint's registry, reportlab's fonts, the safety rules): the cyclic collector would walk them
    # again and again for nothing (a gen-2 pass alone cost calx plan about 15 ms). The process
    # ends with the command; the collector is on again should it not.
    gc.disable()
    try:
        from desktop.cli.main import main as cli_main

        return cli_main(argv)
    finally:
        # Then freeze them: a collector turned on again would walk every object made since it was
        # turned off at its next young pass, and CPython walks them all once more at exit even
        # with it off (together about 25 ms of calx dose). That last pass only matters to a
        # finalizer caught in a cycle, and the commands close their files and databases with
        # `with`. A longer process that calls this again keeps those objects out of the collector.
        gc.freeze()
        gc.enable()


if __name__ == "__main__":
    raise SystemExit(main())
