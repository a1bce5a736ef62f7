"""``calx content``: signed content releases (cut, check, compare, install, roll back).

    calx content release --out PACK --changelog FILE [--key KEY --signer NAME] [--release]
    calx content validate PACK|FOLDER
    calx content diff OLD NEW [--json]        (packs, content folders or databases)
    calx content install PACK [--yes]         (shows the changes; installs with --yes)
    calx content rollback [--yes]
    calx content status [--json]
    calx content keygen --out KEY --signer NAME   (a release key: keep it offline)

Every refusal is a message in the ``--lang`` language and exit status 2, nothing changed.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cli.common import add_common, print_json
from desktop.core.errors import CalxError
from desktop.core.words import word

if TYPE_CHECKING:
    from desktop.data.signing import SigningKey


def register(subparsers: Any) -> None:
    content = subparsers.add_parser(
        "content", help="signed content releases: cut, check, compare, install, roll back"
    )
    sub = content.add_subparsers(dest="content_command")
    content.set_defaults(handler=lambda args: (content.print_help(), 0)[1])

    p = sub.add_parser("release", help="build a signed content pack from db/content/")
    p.add_argument("--out", type=Path, required=True, help="the pack to write (.calxpack)")
    p.add_argument(
        "--content", type=Path, default=None, help="content folder (default: db/content)"
    )
    p.add_argument(
        "--changelog", type=Path, required=True, help="the editor's changelog (a text file)"
    )
    p.add_argument(
        "--previous",
        default=None,
        help="the version this release follows (default: the bundled one)",
    )
    p.add_argument("--min-calx", default=None, help="the oldest Calx that can read it")
    p.add_argument(
        "--key",
        type=Path,
        default=None,
        help="release signing key file (calx content keygen); default: this "
        "machine's development key",
    )
    p.add_argument("--signer", default=None, help="the name the key signs under")
    p.add_argument(
        "--key-list",
        type=Path,
        default=None,
        help="a signed key list to carry in the pack (rotation, revocation)",
    )
    p.add_argument(
        "--release", action="store_true", help="a release build: refuse the development key"
    )
    p.add_argument("--force", action="store_true", help="replace an existing pack")
    add_common(p)
    p.set_defaults(handler=cmd_release)

    p = sub.add_parser("validate", help="check a pack or a content folder")
    p.add_argument("source", type=Path)
    add_common(p)
    p.set_defaults(handler=cmd_validate)

    p = sub.add_parser("diff", help="what changed between two releases, therapy by therapy")
    p.add_argument("old", type=Path)
    p.add_argument("new", type=Path)
    add_common(p)
    p.set_defaults(handler=cmd_diff)

    p = sub.add_parser("install", help="show what a pack changes, then install it (--yes)")
    p.add_argument("pack", type=Path)
    p.add_argument("--yes", action="store_true", help="install after showing the changes")
    add_common(p)
    p.set_defaults(handler=cmd_install)

    p = sub.add_parser("rollback", help="return to the kept previous release")
    p.add_argument("--yes", action="store_true", help="do it (without: say what it would do)")
    add_common(p)
    p.set_defaults(handler=cmd_rollback)

    p = sub.add_parser("status", help="the content release in use")
    add_common(p)
    p.set_defaults(handler=cmd_status)

    p = sub.add_parser("plan", help="what changed for a saved plan since it was made")
    p.add_argument("plan_id")
    add_common(p)
    p.set_defaults(handler=cmd_plan)

    p = sub.add_parser("keygen", help="create a release signing key (keep it offline)")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--signer", required=True, help="who signs with it")
    add_common(p)
    p.set_defaults(handler=cmd_keygen)


def _say(args: argparse.Namespace, code: str, **params: object) -> None:
    """Print the words of ``code`` (``desktop.core.words``) in the command's language."""
    print(word(code, args.lang, **params))


def cmd_release(args: argparse.Namespace) -> int:
    from desktop.data import packs
    from desktop.data.outputs import check_outputs
    from desktop.paths import app_root

    check_outputs({"out": args.out}, force=args.force)  # never over Calx's own files
    _check_release_arguments(args)
    key = _release_key(args)
    changelog, key_list = _release_texts(args)
    previous = args.previous
    if previous is None:
        from desktop.data import content_store

        previous = content_store._bundled_version() or ""
    content = args.content or app_root() / "db" / "content"
    from desktop.data.build import ContentVersionError
    from desktop.data.content import ContentValidationError

    try:
        manifest = packs.build_pack(
            content, args.out, key, changelog, previous, args.min_calx or _version(), key_list
        )
    except ContentValidationError as err:
        raise CalxError(
            "content_invalid",
            path=str(content),
            count=len(err.problems),
            detail="; ".join(str(p) for p in err.problems[:5])[:600],
        ) from None
    except ContentVersionError as err:
        raise CalxError(
            "release_same_version_other_content", path=str(content), version=err.version
        ) from None
    except OSError as err:
        raise CalxError(
            "output_not_writable", path=str(args.out), detail=err.strerror or str(err)
        ) from None
    from desktop.data.content_store import signer_label

    signer = signer_label(key.name, key.development, args.lang)
    _say(
        args,
        "content_packed",
        path=str(args.out),
        version=manifest.content_version,
        signer=signer,
        key=key.id,
    )
    return 0


def _check_release_arguments(args: argparse.Namespace) -> None:
    """The versions are versions and the content folder is a folder."""
    from desktop.data import signing

    for name, value in (("previous", args.previous), ("min_calx", args.min_calx)):
        if value:
            try:
                signing.version_tuple(value)
            except ValueError:
                raise CalxError(
                    "release_version_invalid", field=name, value=str(value)[:40]
                ) from None
    if args.content is None:
        return
    try:
        detail = None if args.content.is_dir() else "not a folder"
    except OSError as err:  # a name too long for the file system, say
        detail = err.strerror or str(err)
    if detail is not None:
        raise CalxError("content_source_unreadable", path=str(args.content)[:200], detail=detail)


def _release_key(args: argparse.Namespace) -> SigningKey:
    """The signing key: the one given, or the development key (never for a real release)."""
    from desktop.data import signing

    if args.key is None:
        if args.release:
            dev = signing.development_key(create=False)
            raise CalxError("release_development_key", key=dev.id if dev else "—")
        key = signing.development_key()
        assert key is not None
        return key
    key = signing.load_private_key(args.key, args.signer)
    dev = signing.development_key(create=False)
    if args.release and dev is not None and dev.id == key.id:
        raise CalxError("release_development_key", key=key.id)
    return key


def _release_texts(args: argparse.Namespace) -> tuple[str, Any]:
    """The changelog's text and the key list (None when not given)."""
    import json

    try:
        changelog = args.changelog.read_text(encoding="utf-8")[:20_000]
    except (OSError, ValueError) as err:  # ValueError: not UTF-8, or a NUL in the path
        raise CalxError(
            "content_source_unreadable", path=str(args.changelog), detail=str(err)[:200]
        ) from None
    key_list = None
    if args.key_list is not None:
        try:
            key_list = json.loads(args.key_list.read_bytes())
        except (OSError, ValueError) as err:
            raise CalxError(
                "content_source_unreadable", path=str(args.key_list), detail=str(err)[:200]
            ) from None
    return changelog, key_list


def _version() -> str:
    from desktop import __version__

    return __version__


def cmd_validate(args: argparse.Namespace) -> int:
    from desktop.data import content_store

    with tempfile.TemporaryDirectory(prefix="calx-validate-") as tmp:
        db, _ = content_store.open_source(args.source, Path(tmp))
        with db:
            meta = db.metadata()
            info = content_store.describe(db)
    if args.json:
        print_json(
            {
                "valid": True,
                "content_version": meta.content_version,
                "content_date": meta.content_date,
                "content_hash": meta.content_hash,
                "signer": info.signer,
                "development": info.development,
            }
        )
    else:
        signed = content_store.info_text(info, args.lang)
        _say(args, "content_valid", path=str(args.source), info=signed)
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    from desktop.data import content_diff, content_store

    with tempfile.TemporaryDirectory(prefix="calx-diff-") as tmp:
        (Path(tmp) / "old").mkdir()
        (Path(tmp) / "new").mkdir()
        old, _ = content_store.open_source(args.old, Path(tmp) / "old")
        with old:
            new, changelog = content_store.open_source(args.new, Path(tmp) / "new")
            with new:
                found = content_diff.diff(old.connection(), new.connection(), changelog)
    if args.json:
        print_json(content_diff.as_document(found, args.lang))
    else:
        print("\n".join(content_diff.lines(found, args.lang)))
    return 0


def cmd_install(args: argparse.Namespace) -> int:
    from desktop.data import content_diff, content_store
    from desktop.data.refdb import ReferenceDB

    with ReferenceDB.open() as active:
        meta = active.metadata()
        found = content_store.check_pack(args.pack, meta.content_version, meta.content_hash)
        try:
            new = ReferenceDB._open(found.database, required=True, trust=found.trust)
            with new:
                changes = content_diff.diff(
                    active.connection(), new.connection(), found.release.manifest.changelog
                )
        finally:
            content_store.discard(found)
    if args.json and not args.yes:
        print_json({"installed": False, "diff": content_diff.as_document(changes, args.lang)})
        return 0
    if not args.json:
        print("\n".join(content_diff.lines(changes, args.lang)))
        print()
    if not args.yes:
        _say(args, "content_not_installed")
        return 0
    done = content_store.install(args.pack)
    if args.json:
        print_json(
            {
                "installed": True,
                "version": done.version,
                "previous": done.previous,
                "diff": content_diff.as_document(changes, args.lang),
            }
        )
    else:
        _say(
            args,
            "content_installed",
            version=done.version,
            previous=done.previous or word("content_shipped", args.lang),
        )
    return 0


def cmd_rollback(args: argparse.Namespace) -> int:
    from desktop.data import content_store

    state = content_store.status()
    if not state.can_roll_back:
        raise CalxError("release_nothing_to_roll_back")
    target = state.previous or word("content_shipped", args.lang)
    if not args.yes:
        _say(args, "content_would_roll_back", current=state.current, target=target)
        return 0
    version = content_store.roll_back()
    if args.json:
        print_json({"rolled_back": True, "version": version})
    else:
        _say(args, "content_rolled_back", version=version)
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    import dataclasses

    from desktop.data import content_store
    from desktop.data.refdb import ReferenceDB

    with ReferenceDB.open() as db:
        info = content_store.describe(db)
    state = content_store.status()
    if args.json:
        print_json(
            {
                **dataclasses.asdict(info),
                "previous": state.previous,
                "can_roll_back": state.can_roll_back,
            }
        )
    else:
        print(content_store.info_text(info, args.lang))
    return 0


def cmd_keygen(args: argparse.Namespace) -> int:
    from desktop.data import signing
    from desktop.data.outputs import check_outputs

    check_outputs({"out": args.out})  # a key is never written over any file
    key = signing.generate(args.signer)
    try:
        signing.write_private_key(key, args.out)
    except OSError as err:
        raise CalxError(
            "output_not_writable", path=str(args.out), detail=err.strerror or str(err)
        ) from None
    _say(
        args,
        "content_key_made",
        path=str(args.out),
        key=key.id,
        signer=args.signer,
        public=signing.b64(key.signer.public),
    )
    return 0


def cmd_plan(args: argparse.Namespace) -> int:
    from desktop.data.refdb import ReferenceDB
    from desktop.data.userdb import UserDB
    from desktop.reports.model import load_plan
    from desktop.reports.plan_review import review_lines, review_plan

    with UserDB.open() as user:
        plan = load_plan(user, args.plan_id)
    with ReferenceDB.open() as db:
        review = review_plan(plan, db)
        text = review_lines(review, args.lang, db)
        if args.json:
            from desktop.data import content_diff

            print_json(
                {
                    "made_with": review.old_version,
                    "in_use": review.new_version,
                    "same": review.same,
                    "release_kept": review.diff is not None or review.same,
                    "diff": content_diff.as_document(review.diff, args.lang)
                    if review.diff
                    else None,
                    "new_alerts": [a.code for a in review.new_alerts],
                }
            )
        else:
            print("\n".join(text))
    return 0
