"""Build the reference database from the content files.

    python db/build.py --out db/calx.sqlite [--content db/content] [--record]

Exit status 0 on success; 1 with every validation problem (file and field named) on stderr, and
nothing written. A content version already released (``desktop/data/releases.py``) must keep its
content: an edit without a bump of ``content_version`` is refused. ``--record`` adds the built
version to that record (do it when releasing). The work is done by ``desktop.data.build``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:  # run from a checkout without the package installed
    sys.path.insert(0, str(ROOT))

from desktop.data.build import ContentVersionError, check_release, write_database  # noqa: E402
from desktop.data.content import ContentValidationError, load_content  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build Calx's reference database.")
    parser.add_argument("--out", type=Path, required=True, help="database file to write")
    parser.add_argument("--content", type=Path, default=HERE / "content",
                        help="content directory (default: db/content beside this script)")
    parser.add_argument("--record", action="store_true",
                        help="record the built content version as released")
    args = parser.parse_args(argv)
    from desktop.data.releases import RELEASED

    try:
        content = load_content(args.content)
        check_release(content, RELEASED)
        meta = write_database(content, args.out)
    except ContentVersionError as error:
        print(f"build refused: {error}", file=sys.stderr)
        return 1
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
    if meta.content_version not in RELEASED:
        if args.record:
            record_release(meta.content_version, meta.content_hash)
            print(f"recorded content {meta.content_version} as released")
        else:
            print(f"note: content {meta.content_version} is not recorded as released; "
                  "record it with --record when releasing")
    return 0


def record_release(version: str, digest: str) -> None:
    """Append ``version: digest`` to the dict in desktop/data/releases.py (never edits a line)."""
    path = ROOT / "desktop" / "data" / "releases.py"
    text = path.read_text(encoding="utf-8")
    closing = text.rindex("}")
    path.write_text(f'{text[:closing]}    "{version}": "{digest}",\n{text[closing:]}',
                    encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
