"""Every command's arguments, fuzzed (hypothesis, CI-sized: about a minute in all): whatever is
typed, ``calx`` exits 0 or 2 with a message, never a traceback, and writes files only where told.

The arguments are drawn from each command's own parser, so a command or option added later is
fuzzed too. Values mix plausible ones (real ids, measurements, dates) with hostile text: lone
surrogates, markup, huge or empty strings, far dates, path tricks.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

import pytest
from cli_runner import CalxCli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.cli.main import build_parser

EXAMPLES_PER_COMMAND = 300
ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "db" / "content"
CHANGELOG = ROOT / "tests" / "content_release" / "example_update" / "changelog.md"

HOSTILE = st.sampled_from(
    [
        "",
        " ",
        "\udcff",
        "Zo\udceb",
        "\ud800x",
        "\x00",
        "<b>&amp;</b>",
        "زينب العلي",
        "שרה",
        "9999-12-31",
        "0001-01-01",
        "2025-02-30",
        "1e308",
        "-0",
        "nan",
        "inf",
        "NaN kg",
        "70 kg",
        "154 lb",
        "170",
        "1,70 m",
        "5 ft 7 in",
        "85 µmol/L",
        "1.09 mg/dL",
        "60",
        "rituximab",
        "rituximab-375-weekly",
        "infliximab-3-mg-kg",
        "minocycline-cyclic",
        "probenecid-500-tid",
        "bisphosphonates",
        "dose=0.001",
        "minocycline-cyclic:dose=100",
        "x" * 300,
        "a" * 5000,
        "../../etc/passwd",
        "--json",
        "-",
        "2025-03-03",
        "2026-12-01",
    ]
)
VALUE = st.one_of(
    HOSTILE,
    st.text(max_size=40),
    st.integers(-(10**6), 10**6).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)


# Plausible values per option, so that many runs get past the first check and reach the
# computation, the PDF and the files.
PLAUSIBLE: dict[str, st.SearchStrategy[str]] = {
    "weight": st.sampled_from(["70 kg", "70", "154 lb", "0.5 kg", "500 kg", "80,5"]),
    "height": st.sampled_from(["170 cm", "1.70 m", "5 ft 7 in", "30 cm", "260"]),
    "sex": st.sampled_from(["female", "male"]),
    "age": st.sampled_from(["55", "18", "120", "0"]),
    "creatinine": st.sampled_from(["85 µmol/L", "1.09 mg/dL", "1,2"]),
    "regimen": st.sampled_from(
        [
            "rituximab-375-weekly",
            "infliximab-3-mg-kg",
            "minocycline-cyclic",
            "colchicine-1mg-daily",
            "bisphosphonates",
            "probenecid-500-tid",
            "diltiazem-240-480",
        ]
    ),
    "id": st.sampled_from(["rituximab", "anakinra", "warfarin", "prevention"]),
    "query": st.sampled_from(["calcinosis", "ritu", "mg/kg", "O'Brien", "calcinose"]),
    "start": st.dates(date(2025, 6, 1), date(2027, 6, 30)).map(str),
    "prepared_on": st.dates(date(2025, 6, 1), date(2027, 6, 30)).map(str),
    "horizon_months": st.sampled_from(["1", "12", "60", "61"]),
    "patient": st.text(min_size=1, max_size=60),
    "prepared_by": st.text(max_size=60),
    "notes": st.text(max_size=300),
    "choose": st.sampled_from(
        ["minocycline-cyclic:dose=100", "dose=100", "probenecid-500-tid:dose=500", "on=6"]
    ),
    "limit": st.sampled_from(["1", "20", "100", "0", "101"]),
    # calx content: the example update of tests/content_release, signed by the fuzz's own
    # development key (see ``dev_pack``), the content folder and a changelog.
    "source": st.sampled_from([str(CONTENT), "db/calx.sqlite-missing"]),
    "old": st.sampled_from([str(CONTENT)]),
    "new": st.sampled_from([str(CONTENT)]),
    "changelog": st.sampled_from([str(CHANGELOG)]),
    "content": st.sampled_from([str(CONTENT)]),
    "signer": st.sampled_from(["Dr A. Editor"]),
}
# Building a database takes about 0.4 s: these commands get fewer examples.
FEWER = {"content release": 12, "content diff": 12, "content validate": 20, "content install": 30}
# Commands that can only succeed on state another run made (an install, a saved plan).
NEEDS_STATE = {"show", "content rollback", "content plan"}


def _commands() -> dict[str, list[object]]:
    """Every command, a group's subcommands as their own ("content diff")."""

    def walk(parser: object, prefix: str) -> dict[str, list[object]]:
        found: dict[str, list[object]] = {}
        sub = next(
            (
                a
                for a in parser._actions  # type: ignore[attr-defined]
                if a.__class__.__name__ == "_SubParsersAction"
            ),
            None,
        )
        for name, sp in sub.choices.items() if sub is not None else ():
            nested = walk(sp, f"{prefix}{name} ")
            found.update(
                nested or {f"{prefix}{name}": [a for a in sp._actions if a.dest != "help"]}
            )
        return found

    return walk(build_parser(), "")


COMMANDS = _commands()
OUTPUT_OPTIONS = {"--out", "--clinician-copy", "--ics"}


@st.composite
def arguments(draw: st.DrawFn, command: str, folder: str) -> list[str]:
    args = command.split()
    # Half the runs keep to plausible values, to reach the computation, the PDF and the files.
    plausible_only = draw(st.booleans())
    for action in COMMANDS[command]:
        options = action.option_strings  # type: ignore[attr-defined]
        if not options:  # a positional: always given
            likely = PLAUSIBLE.get(action.dest, VALUE)  # type: ignore[attr-defined]
            args.append(draw(likely if plausible_only else st.one_of(likely, VALUE)))
            continue
        if not draw(st.booleans()) and not action.required:  # type: ignore[attr-defined]
            continue
        flag = options[0]
        if (
            plausible_only
            and action.nargs != 0  # type: ignore[attr-defined]
            and action.dest not in PLAUSIBLE
            and flag not in OUTPUT_OPTIONS
            and not action.required
            and not action.choices
        ):  # type: ignore[attr-defined]
            continue  # an option with no plausible value (--override, --medication…) is left out

        if action.nargs == 0:  # type: ignore[attr-defined]
            args.append(flag)
        elif flag in OUTPUT_OPTIONS:
            own = {"--out": "p.pdf", "--clinician-copy": "c.pdf", "--ics": "p.ics"}[flag]
            hostile = st.one_of(
                st.sampled_from(["p.pdf", "x" * 300, "", "missing/p.pdf", "."]),
                st.text(min_size=1, max_size=20),
            )
            name = own if plausible_only else draw(st.one_of(st.just(own), hostile))
            # Always inside the throwaway folder: never an absolute path or a climb out of it.
            name = name.replace("\\", "_").lstrip("/").replace("..", "_")
            args += [flag, os.path.join(folder, name)]
        else:
            choices = action.choices  # type: ignore[attr-defined]
            likely = (
                st.sampled_from(list(choices)) if choices else PLAUSIBLE.get(action.dest, VALUE)
            )  # type: ignore[attr-defined]
            args += [flag, draw(likely if plausible_only else st.one_of(likely, VALUE))]
    return args


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_no_arguments_ever_give_a_traceback(
    command: str,
    sandbox: Path,
    calx_db_env: Path,
    calx_cli: CalxCli,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CALX_USER_DATA", str(sandbox / "user-data"))
    monkeypatch.setenv("CALX_DEV_KEY", str(sandbox / "dev-key.pem"))  # never the user's own
    if command == "content install":
        PLAUSIBLE["pack"] = st.sampled_from([str(dev_pack(sandbox)), "missing.calxpack"])

    codes: list[int] = []

    @settings(
        max_examples=FEWER.get(command, EXAMPLES_PER_COMMAND),
        deadline=None,
        database=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.function_scoped_fixture,
        ],
    )
    @given(data=st.data())
    def check(data: st.DataObject) -> None:
        with tempfile.TemporaryDirectory(dir=sandbox) as folder:
            args = data.draw(arguments(command, folder))
            code, _, err = calx_cli(args)
            codes.append(code)
            if os.environ.get("CALX_FUZZ_DEBUG"):
                print(code, args[:8], err[:120])
            assert code in (0, 2), (args, code, err)
            assert "Traceback" not in err, (args, err)
            if code == 2 and "usage:" not in err:
                # the message is "calx: …"; a refused contraindication lists its alerts first
                assert err.startswith("calx: ") or (
                    err.startswith(("Alerts:", "Alertes :")) and "\ncalx: " in err
                ), (args, err)
            if code != 0:  # refused: nothing written, not even a temporary file
                assert sorted(os.listdir(folder)) == [], (args, os.listdir(folder))

    check()
    assert 0 in codes or command in NEEDS_STATE, f"no run of {command} got through: fuzz too narrow"


def dev_pack(sandbox: Path) -> Path:
    """A newer content pack signed by the fuzz's development key (trusted: a development
    build), made once."""
    from desktop.data import packs, signing

    pack = sandbox / "newer.calxpack"
    if not pack.exists():
        import shutil

        content = sandbox / "newer-content"
        shutil.copytree(CONTENT, content)
        meta = content / "_meta.toml"
        text = meta.read_text(encoding="utf-8")
        version = text.split('content_version = "', 1)[1].split('"', 1)[0]
        meta.write_text(text.replace(version, "2099.1.0"), encoding="utf-8")
        signing.forget_trust()
        key = signing.development_key()
        assert key is not None
        packs.build_pack(content, pack, key, "fuzz", version)
        signing.forget_trust()
    return pack
