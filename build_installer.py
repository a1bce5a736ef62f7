"""Build the Calx installer: translations → reference database → PyInstaller bundle → self-test.

    .venv/bin/python build_installer.py             one-folder bundle in dist/calx/ (make installer)
                                                    and dist/calx-<version>-linux-<arch>.tar.gz
    .venv/bin/python build_installer.py --onefile   also dist/onefile/calx, one executable
    .venv/bin/python build_installer.py --check     build in a temporary folder, self-test, delete

Every step says what it does; the first failing step stops the build with its reason and exit
code 1 (2 for bad arguments). Reruns are incremental: PyInstaller keeps its analysis in build/,
and the bare-window baseline the bundle size is compared with is cached in build/baseline/ until
PyInstaller, PySide6, Python or the packaging policy changes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "calx.spec"
ICONS = ROOT / "resources" / "icons"
TRANSLATIONS = ROOT / "resources" / "translations"
RATIO_AIM = 1.15
SELF_TEST_TIMEOUT = 120.0
IS_WINDOWS = sys.platform == "win32"
IS_MACOS = sys.platform == "darwin"
EXE_SUFFIX = ".exe" if IS_WINDOWS else ""

# stderr of the self-test: these fail the build. Qt message types are made visible by
# QT_MESSAGE_PATTERN (see self_test_environment).
UNEXPECTED_STDERR = re.compile(r"Traceback|Error|^(?:critical|fatal): ", re.MULTILINE)
# ... unless the line is one of these known, harmless messages.
HARMLESS_STDERR = re.compile(
    r"propagateSizeHints"  # the offscreen platform cannot resize to size hints
)
QT_MESSAGE_PATTERN = "%{type}: %{if-category}%{category}: %{endif}%{message}"


class BuildError(Exception):
    """A step failed; the message says which and why."""


# --- small helpers ---------------------------------------------------------------------------


def say(message: str) -> None:
    print(message, flush=True)


def venv_python() -> Path:
    """The project's venv interpreter (what `make venv` builds), else the running one."""
    candidate = ROOT / ".venv" / ("Scripts/python.exe" if IS_WINDOWS else "bin/python")
    return candidate if candidate.exists() else Path(sys.executable)


def run(
    cmd: Sequence[str | os.PathLike[str]],
    *,
    what: str,
    log: Path | None = None,
    env: dict[str, str] | None = None,
    cwd: Path = ROOT,
) -> subprocess.CompletedProcess[str]:
    """Run a build tool; on failure raise BuildError with the end of its output."""
    result = subprocess.run(
        [str(c) for c in cmd],
        cwd=cwd,
        env=env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    if log is not None:
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text(result.stdout, encoding="utf-8")
    if result.returncode != 0:
        tail = "\n".join(result.stdout.splitlines()[-40:])
        where = f" (full log: {log})" if log else ""
        raise BuildError(f"{what} failed with exit code {result.returncode}{where}:\n{tail}")
    return result


def tree_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) of the regular files under ``folder``; symbolic links count nothing."""
    total = count = 0
    for dirpath, _dirnames, filenames in os.walk(folder):
        for name in filenames:
            info = os.lstat(os.path.join(dirpath, name))
            if stat.S_ISREG(info.st_mode):
                total += info.st_size
                count += 1
    return total, count


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def unexpected_errors(stderr: str) -> list[str]:
    """The stderr lines of a run that should fail the build (tracebacks, errors, Qt criticals)."""
    lines = stderr.splitlines()
    bad = [
        line
        for line in lines
        if UNEXPECTED_STDERR.search(line) and not HARMLESS_STDERR.search(line)
    ]
    return bad


def load_policy():  # -> module; packaging/ is no package (it would shadow `packaging`)
    import importlib.util

    spec = importlib.util.spec_from_file_location("bundle_policy", PACKAGING / "bundle_policy.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bundle_policy", module)
    spec.loader.exec_module(module)
    return module


# --- steps -----------------------------------------------------------------------------------


@dataclass
class Toolchain:
    python: Path
    pyinstaller: str
    pyside6: str
    python_version: str
    platform: str


def check_toolchain() -> Toolchain:
    python = venv_python()
    probe = (
        "import json, platform, sys, PyInstaller, PySide6; print(json.dumps({"
        "'pyinstaller': PyInstaller.__version__, 'pyside6': PySide6.__version__, "
        "'python': platform.python_version(), 'platform': sys.platform + '-' + "
        "platform.machine()}))"
    )
    result = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BuildError(
            f"{python} cannot import PyInstaller and PySide6: run `make venv` first "
            f"(then `make installer`).\n{result.stderr.strip()}"
        )
    info = json.loads(result.stdout)
    if sys.platform.startswith("linux"):
        # PyInstaller writes the executable with objcopy and strips libraries with strip.
        absent = [tool for tool in ("objcopy", "objdump", "strip", "ldd") if not shutil.which(tool)]
        if absent:
            raise BuildError(
                f"{', '.join(absent)} not found: PyInstaller needs binutils "
                "(Debian/Ubuntu: apt-get install binutils)"
            )
    return Toolchain(python, info["pyinstaller"], info["pyside6"], info["python"], info["platform"])


def compile_translations(python: Path, work: Path) -> str:
    tool = ROOT / "tools" / "build_translations.py"
    sources = sorted(TRANSLATIONS.glob("*.ts"))
    if not tool.is_file():
        if sources:
            return (
                f"skipped: tools/build_translations.py is absent, {len(sources)} .ts file(s) "
                "left uncompiled"
            )
        return "skipped: tools/build_translations.py is absent (no translations yet)"
    run([python, tool], what="tools/build_translations.py", log=work / "translations.log")
    # Without its .qm the window silently falls back to English: a missing one is an error.
    missing = [ts.name for ts in sources if not ts.with_suffix(".qm").is_file()]
    if missing:
        raise BuildError("tools/build_translations.py left no .qm beside: " + ", ".join(missing))
    compiled = sorted(p.name for p in TRANSLATIONS.glob("*.qm"))
    return f"{len(compiled)} compiled: {', '.join(compiled) or 'none'}"


def build_database(
    python: Path, work: Path, key: Path | None = None, signer: str | None = None
) -> Path:
    """The reference database, signed as a release (the bundle refuses an unsigned one): with
    ``key``, the release key; without, this machine's development key (a development bundle)."""
    script = ROOT / "db" / "build.py"
    if not script.is_file():
        raise BuildError("db/build.py is missing: the bundle needs the reference database")
    out = work / "db" / "calx.sqlite"
    out.parent.mkdir(parents=True, exist_ok=True)
    signing = (
        ["--sign"] + (["--key", key] if key else []) + (["--signer", signer] if signer else [])
    )
    run([python, script, "--out", out, *signing], what="db/build.py", log=work / "db.log")
    try:
        connection = sqlite3.connect(f"{out.as_uri()}?mode=ro", uri=True)
        try:
            tables = connection.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            ).fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise BuildError(f"db/build.py wrote {out}, which is no SQLite database: {error}") from None
    if not tables:
        raise BuildError(f"db/build.py wrote an empty database ({out})")
    return out


def _largest_png() -> Path | None:
    from PIL import Image

    best: tuple[int, Path] | None = None
    for path in ICONS.glob("calx*.png"):
        with Image.open(path) as image:
            size = min(image.size)
        if best is None or size > best[0]:
            best = (size, path)
    return best[1] if best else None


def _render_svg(svg: Path, out: Path, python: Path, size: int) -> None:
    code = (
        "import sys\n"
        "from PySide6.QtCore import Qt\n"
        "from PySide6.QtGui import QGuiApplication, QImage, QPainter\n"
        "from PySide6.QtSvg import QSvgRenderer\n"
        "app = QGuiApplication(['render'])\n"
        "size = int(sys.argv[3])\n"
        "image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)\n"
        "image.fill(Qt.GlobalColor.transparent)\n"
        "painter = QPainter(image)\n"
        "painter.setRenderHint(QPainter.RenderHint.Antialiasing)\n"
        "QSvgRenderer(sys.argv[1]).render(painter)\n"
        "painter.end()\n"
        "sys.exit(0 if image.save(sys.argv[2]) else 1)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run([python, "-c", code, svg, out, str(size)], what=f"rendering {svg.name}", env=env)


def _draw_icon(out: Path) -> None:
    """A plain Calx icon (a white 'Cx' on a rounded teal square) when the app has none yet."""
    from PIL import Image, ImageDraw, ImageFont

    size = 1024
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((32, 32, size - 32, size - 32), radius=192, fill=(0, 105, 120, 255))
    font = ImageFont.truetype(str(ROOT / "resources" / "fonts" / "DejaVuSans-Bold.ttf"), 460)
    draw.text((size / 2, size / 2), "Cx", font=font, fill=(255, 255, 255, 255), anchor="mm")
    image.save(out)


def prepare_icons(python: Path, work: Path) -> tuple[Path, list[str]]:
    """The 256 px PNG for the Linux menu entry; makes calx.ico and calx.icns if missing.

    The UI's icons (tools/make_icons.py: calx.svg, calx-<size>.png, calx.ico) are used as they
    are; the macOS .icns is rendered from calx.svg at 1024 px (else the largest PNG).
    """
    from PIL import Image

    notes: list[str] = []
    folder = work / "icons"
    folder.mkdir(parents=True, exist_ok=True)
    missing = [name for name in ("calx.ico", "calx.icns") if not (ICONS / name).is_file()]
    exact = ICONS / "calx-256.png"

    source: Path | None = None
    if missing or not exact.is_file():
        if (ICONS / "calx.svg").is_file():
            source = folder / "calx-1024.png"
            _render_svg(ICONS / "calx.svg", source, python, 1024)
            notes.append("rendered resources/icons/calx.svg")
        else:
            source = _largest_png()
        if source is None:
            ICONS.mkdir(parents=True, exist_ok=True)
            source = ICONS / "calx.png"
            _draw_icon(source)
            notes.append("no icon in resources/icons: drew resources/icons/calx.png")

    png = folder / "calx.png"
    if exact.is_file():
        shutil.copy2(exact, png)
        notes.append("menu icon resources/icons/calx-256.png")
    if source is not None:
        with Image.open(source) as opened:
            image = opened.convert("RGBA")
        if not exact.is_file():
            image.resize((256, 256), Image.Resampling.LANCZOS).save(png)
        # The Windows and macOS icons the spec names, so the same script builds there.
        if "calx.ico" in missing:
            image.save(ICONS / "calx.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
            notes.append("made resources/icons/calx.ico")
        if "calx.icns" in missing:
            image.resize((1024, 1024), Image.Resampling.LANCZOS).save(ICONS / "calx.icns")
            notes.append("made resources/icons/calx.icns")
    return png, notes


def pyinstaller(
    python: Path, dist: Path, work: Path, name: str, spec_args: Sequence[str], clean: bool
) -> str:
    """Run the spec; returns its 'left out' summary line."""
    options = list(load_policy().INTERPRETER_OPTIONS)
    # PyInstaller's cache (its work folder) keeps the bytecode it compiled: rebuild it when it
    # was compiled with other options, or with unknown ones.
    stamp = work / "pyinstaller" / name / "interpreter-options.json"
    if stamp.parent.exists():
        try:
            clean = clean or json.loads(stamp.read_text(encoding="utf-8")) != options
        except (OSError, ValueError):
            clean = True
    cmd: list[str | os.PathLike[str]] = [
        python,
        *options,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        dist,
        "--workpath",
        work / "pyinstaller" / name,
    ]
    if clean:
        cmd.append("--clean")
    cmd += [SPEC, "--", *spec_args]
    result = run(cmd, what=f"PyInstaller ({name})", log=work / f"pyinstaller-{name}.log")
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(json.dumps(options), encoding="utf-8")
    summary = [line for line in result.stdout.splitlines() if line.startswith("calx.spec: ")]
    return summary[-1].removeprefix("calx.spec: ") if summary else ""


def check_layout(bundle: Path) -> None:
    """The files the app opens at run time are where desktop/paths.py looks for them."""
    internal = bundle / "_internal"
    required = [
        bundle / f"calx{EXE_SUFFIX}",
        internal / "db" / "calx.sqlite",
        internal / "db" / "calx.sqlite.sha256",
    ]
    skipped = load_policy().RESOURCE_SKIPPED_SUFFIXES
    for source in (ROOT / "resources").rglob("*"):
        if (
            source.is_file()
            and source.suffix.lower() not in skipped
            and not source.name.startswith(".")
        ):
            required.append(internal / source.relative_to(ROOT))
    if sys.platform.startswith("linux"):
        required += [bundle / n for n in ("calx.desktop", "calx.png", "install-desktop-entry.sh")]
    missing = [str(p.relative_to(bundle)) for p in required if not p.exists()]
    if missing:
        raise BuildError("the bundle lacks files the app needs: " + ", ".join(missing))


QT_LIBRARY = re.compile(r"^(?:lib)?(?:Qt6|pyside6|shiboken6|icu)")


def check_links(bundle: Path) -> list[str]:
    """Linux: every Qt library a bundled binary links is in the bundle (ldd, $ORIGIN run paths).

    This covers the plugins only a real display loads (xcb, wayland), which the offscreen
    self-test cannot. Returns the system libraries the host lacks (warnings, not errors: the
    user's desktop provides them, e.g. libxcb-cursor for the xcb platform).
    """
    if not sys.platform.startswith("linux") or shutil.which("ldd") is None:
        return []
    broken: list[str] = []
    system: set[str] = set()
    env = {k: v for k, v in os.environ.items() if k != "LD_LIBRARY_PATH"}
    for path in sorted(bundle.rglob("*.so*")):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as handle:
            if handle.read(4) != b"\x7fELF":
                continue
        out = subprocess.run(
            ["ldd", str(path)], capture_output=True, text=True, env=env, check=False
        ).stdout
        for line in out.splitlines():
            if "not found" not in line:
                continue
            lib = line.split("=>")[0].strip()
            if QT_LIBRARY.match(lib):
                broken.append(f"{path.relative_to(bundle)} needs {lib}")
            else:
                system.add(lib)
    if broken:
        raise BuildError(
            "bundled binaries link Qt libraries the bundle lacks:\n  " + "\n  ".join(broken)
        )
    return sorted(system)


def self_test_environment(home: Path) -> dict[str, str]:
    """A machine with no Python: no venv, no PYTHONPATH, a fresh home; Qt offscreen."""
    env = {
        "PATH": "/usr/bin:/bin" if not IS_WINDOWS else os.environ.get("PATH", ""),
        "HOME": str(home),
        "USERPROFILE": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_STATE_HOME": str(home / ".local/state"),
        "TMPDIR": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "QT_MESSAGE_PATTERN": QT_MESSAGE_PATTERN,
    }
    for name in ("SYSTEMROOT", "WINDIR", "APPDATA", "LOCALAPPDATA", "TEMP", "TMP"):
        if IS_WINDOWS and name in os.environ:
            env[name] = os.environ[name]
    return env


@dataclass
class RunResult:
    seconds: float
    stdout: str
    warnings: list[str]


def run_bundle(
    executable: Path,
    args: Sequence[str],
    timeout: float,
    what: str,
    extra_env: dict[str, str] | None = None,
    wrapper: Sequence[str] = (),
) -> RunResult:
    """Run the frozen executable as a clinician's machine would; fail on errors."""
    with tempfile.TemporaryDirectory(prefix="calx-selftest-") as home:
        env = self_test_environment(Path(home)) | (extra_env or {})
        started = time.perf_counter()
        try:
            result = subprocess.run(
                [*wrapper, str(executable), *args],
                cwd=home,
                env=env,
                capture_output=True,
                text=True,
                timeout=timeout,
                stdin=subprocess.DEVNULL,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise BuildError(f"{what} did not finish within {timeout:.0f} s") from None
        seconds = time.perf_counter() - started
    report = f"\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    if result.returncode != 0:
        raise BuildError(f"{what} exited with code {result.returncode}{report}")
    errors = unexpected_errors(result.stderr)
    if errors:
        raise BuildError(f"{what} printed errors on stderr:\n  " + "\n  ".join(errors) + report)
    warnings = [line for line in result.stderr.splitlines() if line.strip()]
    return RunResult(seconds, result.stdout, warnings)


def make_archive(bundle: Path, version: str) -> Path:
    """dist/calx-<version>-<os>-<machine>.tar.gz (a .zip on Windows) of the tested folder."""
    import platform
    import tarfile
    import zipfile

    machine = platform.machine().lower() or "unknown"
    system = "windows" if IS_WINDOWS else sys.platform.rstrip("0123456789")
    stem = f"calx-{version}-{system}-{machine}"
    archive = bundle.parent / (stem + (".zip" if IS_WINDOWS else ".tar.gz"))
    partial = archive.with_name(archive.name + ".partial")
    if IS_WINDOWS:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as out:
            for path in sorted(bundle.rglob("*")):
                out.write(path, Path(bundle.name) / path.relative_to(bundle))
    else:
        # Symbolic links stay links (PyInstaller links libraries into _internal/).
        with tarfile.open(partial, "w:gz", compresslevel=6) as out:
            out.add(bundle, arcname=bundle.name)
    partial.replace(archive)
    return archive


def baseline_key(toolchain: Toolchain) -> dict[str, str]:
    digest = hashlib.sha256()
    for path in (SPEC, PACKAGING / "bundle_policy.py", PACKAGING / "bare_window.py"):
        digest.update(path.read_bytes())
    return {
        "pyinstaller": toolchain.pyinstaller,
        "pyside6": toolchain.pyside6,
        "python": toolchain.python_version,
        "platform": toolchain.platform,
        "policy": digest.hexdigest()[:16],
    }


def baseline_size(
    toolchain: Toolchain, cache: Path, clean: bool, rebuild: bool = True
) -> tuple[int, bool] | None:
    """Size in bytes of the bare-window bundle, and whether it came from the cache."""
    record = cache / "baseline.json"
    key = baseline_key(toolchain)
    if record.is_file():
        try:
            cached = json.loads(record.read_text(encoding="utf-8"))
            if cached.get("key") == key:
                return int(cached["bytes"]), True
        except (ValueError, KeyError, TypeError):
            pass  # unreadable cache: rebuild it
    if not rebuild:
        return None
    dist = cache / "dist"
    pyinstaller(toolchain.python, dist, cache, "bare", ["--bare"], clean)
    bare = dist / "bare"
    run_bundle(bare / f"bare{EXE_SUFFIX}", ["--exit-after-startup"], 60, "the bare window")
    size, files = tree_size(bare)
    record.write_text(
        json.dumps({"key": key, "bytes": size, "files": files}, indent=2) + "\n", encoding="utf-8"
    )
    return size, False


# --- main ------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="build_installer.py",
        description="Build the Calx bundle (dist/calx/) and prove it runs: translations, "
        "reference database, PyInstaller, size check, offscreen self-test.",
    )
    parser.add_argument(
        "--onefile", action="store_true", help="also build a single executable (dist/onefile/calx)"
    )
    parser.add_argument(
        "--signing-key",
        type=Path,
        default=None,
        help="release signing key file for the bundled database; without it, "
        "this machine's development key (a development bundle)",
    )
    parser.add_argument("--signer", default=None, help="the name the release key signs under")
    parser.add_argument(
        "--check",
        action="store_true",
        help="build into a temporary folder, self-test, then delete it",
    )
    parser.add_argument(
        "--dist", type=Path, default=ROOT / "dist", help="where the bundle goes (default: dist/)"
    )
    parser.add_argument(
        "--work", type=Path, default=ROOT / "build", help="intermediate files (default: build/)"
    )
    parser.add_argument(
        "--no-baseline", action="store_true", help="skip the bare-window size comparison"
    )
    parser.add_argument(
        "--no-archive",
        action="store_true",
        help="do not pack the folder into dist/calx-<version>-<os>-<arch>.tar.gz",
    )
    parser.add_argument(
        "--clean",
        action="store_true",
        help="discard PyInstaller's cache (and rebuild the baseline)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=SELF_TEST_TIMEOUT,
        help=f"seconds the self-test may take (default {SELF_TEST_TIMEOUT:.0f})",
    )
    return parser.parse_args(argv)


class Steps:
    """Numbered, timed progress lines."""

    def __init__(self, total: int) -> None:
        self.total, self.number, self.started = total, 0, time.perf_counter()

    def begin(self, title: str) -> float:
        self.number += 1
        say(f"[{self.number}/{self.total}] {title}")
        return time.perf_counter()

    @staticmethod
    def detail(text: str, started: float | None = None) -> None:
        took = f" ({time.perf_counter() - started:.1f} s)" if started is not None else ""
        for i, line in enumerate(text.splitlines() or [""]):
            say(f"      {line}{took if i == 0 else ''}")


def build(args: argparse.Namespace) -> int:
    work = args.work.resolve()
    steps = Steps(8)

    t = steps.begin("Toolchain")
    toolchain = check_toolchain()
    steps.detail(
        f"PyInstaller {toolchain.pyinstaller}, PySide6 {toolchain.pyside6}, "
        f"Python {toolchain.python_version} ({toolchain.python})",
        t,
    )

    t = steps.begin("Translations")
    steps.detail(compile_translations(toolchain.python, work / "installer"), t)

    t = steps.begin("Reference database (db/build.py)")
    database = build_database(toolchain.python, work / "installer", args.signing_key, args.signer)
    signed_by = (
        f"signed by {args.signer or args.signing_key}"
        if args.signing_key
        else "signed with this machine's development key: a development bundle"
    )
    steps.detail(f"{database} ({megabytes(database.stat().st_size)}), {signed_by}", t)

    t = steps.begin("Icons")
    png, notes = prepare_icons(toolchain.python, work / "installer")
    steps.detail("; ".join(notes), t)

    spec_args = ["--db", str(database), "--icon-png", str(png)]
    bundle, size = bundle_step(steps, toolchain, args, spec_args)
    baseline_step(steps, toolchain, args, size)
    version = self_test_step(steps, bundle, args)
    archive_step(steps, bundle, args, version)

    say(
        f"Built {bundle} ({megabytes(size)}) and self-tested in "
        f"{time.perf_counter() - steps.started:.0f} s."
    )
    return 0


def bundle_step(
    steps: Steps, toolchain: Toolchain, args: argparse.Namespace, spec_args: list[str]
) -> tuple[Path, int]:
    """PyInstaller's folder bundle (and the one-file build with --onefile); its path and size."""
    dist, work = args.dist.resolve(), args.work.resolve()
    t = steps.begin("PyInstaller bundle")
    summary = pyinstaller(toolchain.python, dist, work, "calx", spec_args, args.clean)
    bundle = dist / "calx"
    check_layout(bundle)
    system_libs = check_links(bundle)
    size, files = tree_size(bundle)
    steps.detail(f"{bundle}: {megabytes(size)} in {files} files", t)
    if summary:
        steps.detail(summary)
    if system_libs:
        steps.detail(
            "taken from the user's system (absent on this host): " + ", ".join(system_libs)
        )
    if args.onefile:
        t1 = time.perf_counter()
        pyinstaller(
            toolchain.python,
            dist / "onefile",
            work,
            "calx-onefile",
            [*spec_args, "--onefile"],
            args.clean,
        )
        onefile = dist / "onefile" / f"calx{EXE_SUFFIX}"
        steps.detail(f"{onefile}: {megabytes(onefile.stat().st_size)}", t1)
    return bundle, size


def baseline_step(steps: Steps, toolchain: Toolchain, args: argparse.Namespace, size: int) -> None:
    """The bundle's size against a bare PySide6 window built the same way."""
    t = steps.begin("Size against a bare PySide6 window built the same way")
    if args.no_baseline:
        steps.detail("skipped (--no-baseline)")
        return
    base = baseline_size(
        toolchain,
        (ROOT / "build" / "baseline").resolve(),
        args.clean,
        rebuild=not args.check or args.clean,
    )
    if base is None:
        steps.detail("skipped: no cached baseline for this toolchain (run without --check)")
        return
    base_bytes, cached = base
    ratio = size / base_bytes
    verdict = "within" if ratio <= RATIO_AIM else "ABOVE"
    steps.detail(
        f"bare window {megabytes(base_bytes)}"
        f"{' (cached)' if cached else ''}; Calx {megabytes(size)}; "
        f"ratio {ratio:.2f}× ({verdict} the {RATIO_AIM}× aim)",
        t,
    )


def self_test_step(steps: Steps, bundle: Path, args: argparse.Namespace) -> str:
    """Run the built executable (version, imports, --self-test offscreen and on X11); its
    ``--version`` line."""
    t = steps.begin("Self-test of the built executable (offscreen, no Python)")
    executable = bundle / f"calx{EXE_SUFFIX}"
    version = run_bundle(executable, ["--version"], args.timeout, "calx --version")
    steps.detail(f"calx --version: {version.stdout.strip()}")
    imports = run_bundle(
        executable,
        [],
        args.timeout,
        "importing every desktop module",
        {"CALX_BUNDLE_CHECK": "imports"},
    )
    steps.detail(imports.stdout.strip())
    mode = "--self-test"
    result = run_bundle(executable, [mode], args.timeout, f"calx {mode}")
    steps.detail(f"calx {mode}: passed in {result.seconds:.1f} s", t)
    for line in result.stdout.splitlines():
        steps.detail(f"| {line}")
    for line in result.warnings:
        steps.detail(f"stderr (tolerated): {line}")
    x11_self_test(steps, executable, mode, args.timeout)
    if args.onefile:
        onefile_result = run_bundle(
            args.dist.resolve() / "onefile" / f"calx{EXE_SUFFIX}",
            [mode],
            args.timeout,
            f"onefile calx {mode}",
        )
        steps.detail(f"onefile calx {mode}: passed in {onefile_result.seconds:.1f} s")
    return version.stdout


def x11_self_test(steps: Steps, executable: Path, mode: str, timeout: float) -> None:
    """The X11 platform plugin and its libraries, which offscreen never loads (Linux, Xvfb)."""
    xvfb = shutil.which("xvfb-run") if sys.platform.startswith("linux") else None
    if not xvfb:
        steps.detail("X11 check skipped: no xvfb-run (offscreen only)")
        return
    try:
        on_x11 = run_bundle(
            executable,
            [mode],
            timeout,
            f"calx {mode} on X11 (Xvfb)",
            {"QT_QPA_PLATFORM": "xcb"},
            wrapper=[xvfb, "-a", "-s", "-screen 0 1280x800x24"],
        )
        steps.detail(f"calx {mode} on X11 (Xvfb): passed in {on_x11.seconds:.1f} s")
    except BuildError as error:
        if "Xvfb failed to start" not in str(error):
            raise
        steps.detail("X11 check skipped: Xvfb failed to start")


def archive_step(steps: Steps, bundle: Path, args: argparse.Namespace, version: str) -> None:
    """The archive to hand out (none on macOS, where dist/Calx.app is handed out)."""
    t = steps.begin("Archive to hand out")
    if args.no_archive or IS_MACOS:
        steps.detail(
            "skipped"
            + (" (--no-archive)" if args.no_archive else " on macOS: hand out dist/Calx.app")
        )
        return
    version_text = version.strip().rpartition(" ")[2] or "unknown"
    archive = make_archive(bundle, version_text)
    steps.detail(f"{archive}: {megabytes(archive.stat().st_size)}", t)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    temporary: Path | None = None
    if args.check:
        temporary = Path(tempfile.mkdtemp(prefix="calx-installer-check-"))
        args.dist, args.work = temporary / "dist", temporary / "build"
    try:
        return build(args)
    except BuildError as error:
        say(f"build_installer.py: FAILED: {error}")
        return 1
    except KeyboardInterrupt:
        say("build_installer.py: interrupted")
        return 1
    finally:
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
