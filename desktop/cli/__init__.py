"""The command line: a thin shell over core, data and reports (``calx --help``).

Each group of commands lives in its own module and registers its sub-commands here. Contract kept
stable for scripts: ``--json`` prints exactly one JSON document on stdout; any refused input exits
with status 2, a message on stderr, and with ``--json`` ``{"error": {"code", "message"}}`` on
stdout. Never a traceback.
"""
