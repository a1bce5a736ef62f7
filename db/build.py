"""Build the reference database from the content files.

    python db/build.py --out db/calx.sqlite [--content db/content]

Exit status 0 on success; 1 with every validation problem (file and field named) on stderr, and
nothing written. The work is done by ``desktop.data.build``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:  # run from a checkout without the package installed
    sys.path.insert(0, str(ROOT))

from desktop.data.build import write_database  # noqa: E402
from desktop.data.content import ContentValidationError, load_content  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build Calx's reference database.")
    parser.add_argument("--out", type=Path, required=True, help="database file to write")
    parser.add_argument("--content", type=Path, default=HERE / "content",
                        help="content directory (default: db/content beside this script)")
    args = parser.parse_args(argv)
    try:
        content = load_content(args.content)
        meta = write_database(content, args.out)
    except ContentValidationError as error:
        print(f"build refused: {len(error.problems)} problem(s) in {args.content}",
              file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"build failed: cannot write {args.out}: {error}", file=sys.stderr)
        return 1
    print(f"{args.out}: content {meta.content_version} ({meta.content_date}), "
          f"sha256 {meta.content_hash[:12]}; {len(content.safety.medications)} medications, "
          f"{len(content.safety.rules)} plan-check rules")
    for note in content.notes:
        print(f"  note: {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
