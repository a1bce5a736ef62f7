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

from desktop.core.errors import CalxError  # noqa: E402
from desktop.data.build import ContentVersionError, check_release, write_database  # noqa: E402
from desktop.data.content import ContentValidationError, load_content  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build Calx's reference database.")
    parser.add_argument("--out", type=Path, required=True, help="database file to write")
    parser.add_argument(
        "--content",
        type=Path,
        default=HERE / "content",
        help="content directory (default: db/content beside this script)",
    )
    parser.add_argument(
        "--record", action="store_true", help="record the built content version as released"
    )
    parser.add_argument(
        "--sign",
        action="store_true",
        help="sign the database as a release (the manifest beside it); with "
        "no --key, this machine's development key (created on first use)",
    )
    parser.add_argument(
        "--key", type=Path, default=None, help="release signing key file (calx content keygen)"
    )
    parser.add_argument("--signer", default=None, help="the name the key signs under")
    parser.add_argument(
        "--changelog",
        type=Path,
        default=None,
        help="the editor's changelog for the signed manifest",
    )
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
        print(f"build refused: {len(error.problems)} problem(s) in {args.content}", file=sys.stderr)
        for problem in error.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"build failed: cannot write {args.out}: {error}", file=sys.stderr)
        return 1
    if args.sign:
        try:
            sign_database(args.out, meta, args.key, args.signer, args.changelog)
        except CalxError as error:
            print(f"signing failed: {error}", file=sys.stderr)
            return 1
    print(
        f"{args.out}: content {meta.content_version} ({meta.content_date}), "
        f"sha256 {meta.content_hash[:12]}; {len(content.safety.medications)} medications, "
        f"{len(content.safety.rules)} plan-check rules"
    )
    for note in content.notes:
        print(f"  note: {note}")
    if meta.content_version not in RELEASED:
        if args.record:
            record_release(meta.content_version, meta.content_hash)
            print(f"recorded content {meta.content_version} as released")
        else:
            print(
                f"note: content {meta.content_version} is not recorded as released; "
                "record it with --record when releasing"
            )
    return 0


def sign_database(
    db: Path, meta: object, key_path: Path | None, signer: str | None, changelog: Path | None
) -> None:
    """Write the signed manifest beside ``db``: the bundled database is a signed release too."""
    from desktop.data import packs, signing, verify
    from desktop.data.releases import RELEASED

    key = (
        signing.development_key()
        if key_path is None
        else signing.load_private_key(key_path, signer)
    )
    assert key is not None
    version = signing.version_tuple(meta.content_version)  # type: ignore[attr-defined]
    older = [v for v in RELEASED if signing.version_tuple(v) < version]
    previous = max(older, key=signing.version_tuple) if older else ""
    text = changelog.read_text(encoding="utf-8") if changelog else ""
    manifest = packs.release_manifest(
        meta,
        Path(db).read_bytes(),
        key,
        text,  # type: ignore[arg-type]
        previous,
        released=meta.content_date,
    )  # type: ignore[attr-defined]
    signing.write_json_atomic(verify.manifest_path(db), signing.sign_manifest(manifest, key))
    if key_path is None and Path(db).resolve() == (ROOT / "db" / "calx.sqlite").resolve():
        # The checkout trusts the development key its own database was signed with, whoever runs
        # it (as a development bundle carries it): its public half, beside the shipped trust files.
        signing.write_json_atomic(
            verify.trust_folder() / verify.DEV_PUBLIC_KEY,
            {"name": key.name, "public_key": signing.b64(signing.public_bytes(key.private))},
        )


def record_release(version: str, digest: str) -> None:
    """Append ``version: digest`` to the dict in desktop/data/releases.py (never edits a line)."""
    path = ROOT / "desktop" / "data" / "releases.py"
    text = path.read_text(encoding="utf-8")
    closing = text.rindex("}")
    path.write_text(
        f'{text[:closing]}    "{version}": "{digest}",\n{text[closing:]}', encoding="utf-8"
    )


if __name__ == "__main__":
    raise SystemExit(main())
