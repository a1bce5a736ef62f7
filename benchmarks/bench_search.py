"""The search query and the database open, on the real content and on 10× and 100× of it.

Search: each of a few hundred realistic queries (every prefix while typing "r", "ri", "rit"...,
French and English words, synonyms, accents, whole phrases) goes through ``ReferenceDB.search``
with the window's own number of hits (``Navigator.SEARCH_LIMIT``), interleaved with the baseline
on the same connection: a bare FTS5 ``SELECT rowid FROM search WHERE search MATCH ? ORDER BY rank
LIMIT n`` with the same expression and limit, i.e. the least a ranked search must do. Each query
runs ``ROUNDS`` times alternately with its baseline, the rounds spread over the whole run; its
figure is the median of its rounds. Which of the two runs first alternates from round to round:
the second finds the same query's pages and FTS5 structures warm (when the baseline always ran
second, that alone made the ratios 10–20 % higher). The summary gives the median and the p99 of
those per-query ratios (ours / bare). Timed: the whole ``search`` call the keystroke waits for
before the first frame (both statements, the sorting, the passages of the first hits and the
hits themselves); the passages of the other hits, cut once the list is painted, are the second
line of each scale.

Before the rounds, every query runs once in each language: the page cache, the prepared
statements and, for a small table (``refdb.SMALL_TABLE_ROWS``, the real content), the tokens of
each record's summary and text that ``search`` reads once per connection to cut its passages
(``desktop.data.passages``). What a record's first passage costs on a fresh connection is
printed apart ("cold"): a new connection per query, its records and statements read by a first
search without passages, then the timed search reads the tokens of the records it cuts.

Open: ``ReferenceDB.open`` (every CLI command and the window pay it once) in a fresh process,
timed inside it, median (min–max) of ``OPEN_RUNS`` processes: the first open of a file (checked
whole, with an empty cache) interleaved with later ones (the file remembered as verified,
``desktop.data.verify``), in a throwaway cache folder. The goal is about the later ones.

Goals (issue 13): search ≤ 3× the bare query at p50 and at p99, at 1× and 100×; open ≤ 5 ms at
1×, ≤ 30 ms at 100×.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from common import ROOT, bench_env, goal, median, p99, spread  # noqa: E402

ROUNDS = 6  # even: each side runs first in half the rounds
OPEN_RUNS = 7
SCALES = (1, 10, 100)

# Typed one letter at a time: every prefix of each is a query.
TYPED = [
    "rituximab",
    "infliximab",
    "minocycline",
    "diltiazem",
    "colchicine",
    "calcinose",
    "calcinosis",
    "warfarine",
    "paracetamol",
    "acétaminophène",
    "acetaminophene",
    "thérapie",
    "therapie",
    "lithotripsie",
    "lithotripsy",
    "pansement",
    "dressing",
    "hydroxyde d'aluminium",
    "IVIG",
    "IGIV",
    "BCC",
    "probénécide",
    "ceftriaxone",
    "bisphosphonates",
    "laser CO2",
    "douleur",
    "pain",
    "ulcère digital",
    "Raynaud",
    "Staphylococcus aureus",
    "tréprostinil",
    "anti-TNF",
    "curetage",
    "chirurgien",
    "surgeon",
    "insuffisance rénale",
    "renal",
]
WHOLE = ["mg/kg", "O'Brien", "375 mg/m²", "4 à 8 semaines", "every 8 weeks", "NEAR", "zzzz"]

OPEN_CHILD = """
import sys, time
from pathlib import Path
started = time.perf_counter()
from desktop.data.refdb import ReferenceDB
imported = time.perf_counter()
db = ReferenceDB.open(Path(sys.argv[1]))
print((time.perf_counter() - imported) * 1000)
db.close()
"""


def realistic_queries() -> list[str]:
    queries = [word[:n] for word in TYPED for n in range(1, len(word) + 1)]
    return list(dict.fromkeys(queries + WHOLE))


def _ns(call: Callable[[], object]) -> float:
    started = time.perf_counter_ns()
    call()
    return (time.perf_counter_ns() - started) / 1e6


def window_limits() -> tuple[int, int]:
    """The window's number of hits, and of passages cut at the keystroke."""
    from desktop.ui.navigator import FIRST_SNIPPETS, SEARCH_LIMIT

    return SEARCH_LIMIT, FIRST_SNIPPETS


def measure_search(
    path: Path, queries: list[str], limit: int, snippets: int | None
) -> dict[str, list[float]]:
    from desktop.data.refdb import ReferenceDB, match_expression

    db = ReferenceDB.open(path)
    conn = db._conn  # the same connection: the baseline differs only by what search() adds
    bare = "SELECT rowid FROM search WHERE search MATCH ? ORDER BY rank LIMIT ?"
    langs = ("fr", "en")
    for q in queries:  # warm the page cache, the statement cache and the records' tokens
        for lang in langs:
            db.search(q, lang, limit, snippets)
    cases = [
        (q, langs[i % 2], e)
        for i, q in enumerate(queries)
        if (e := match_expression(q)) is not None
    ]
    ours: list[list[float]] = [[] for _ in cases]
    base: list[list[float]] = [[] for _ in cases]
    # Rounds outside, queries inside: a query's samples are spread over the whole run, so a
    # burst of load from elsewhere on the machine hits one of its rounds, not all of them.
    for round_ in range(ROUNDS):
        for k, (q, lang, expression) in enumerate(cases):
            if round_ % 2:
                base[k].append(_ns(lambda e=expression: conn.execute(bare, (e, limit)).fetchall()))
            ours[k].append(_ns(lambda q=q, lang=lang: db.search(q, lang, limit, snippets)))
            if not round_ % 2:
                base[k].append(_ns(lambda e=expression: conn.execute(bare, (e, limit)).fetchall()))
    ours_all = [statistics.median(samples) for samples in ours]
    bare_all = [statistics.median(samples) for samples in base]
    ratios = [o / b for o, b in zip(ours_all, bare_all, strict=True)]
    db.close()
    return {"ratios": ratios, "ours": ours_all, "bare": bare_all}


def measure_cold(path: Path, queries: list[str], limit: int, snippets: int | None) -> list[float]:
    """Milliseconds of ``search`` on a fresh connection whose records' tokens are not yet read,
    for every tenth query (see the module's docstring)."""
    from desktop.data.refdb import ReferenceDB

    cold = []
    for i, q in enumerate(queries[::10]):
        lang = ("fr", "en")[i % 2]
        with ReferenceDB.open(path) as db:
            db.search(q, lang, limit, 0)  # the records, the statements: paid by any search
            cold.append(_ns(lambda db=db, q=q, lang=lang: db.search(q, lang, limit, snippets)))
    return cold


def measure_open(path: Path, env: dict[str, str]) -> tuple[list[float], list[float]]:
    """(first opens, each with an empty cache: the file checked whole; later opens, the file
    remembered as verified), each in a fresh process, interleaved."""
    from common import settle

    command = [sys.executable, "-c", OPEN_CHILD, str(path)]
    settle(path)
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)  # remembers it

    def once(cache: str | None) -> float:
        run_env = env if cache is None else dict(env, CALX_CACHE=cache)
        done = subprocess.run(
            command, cwd=ROOT, env=run_env, check=True, capture_output=True, text=True
        )
        return float(done.stdout.strip())

    first, later = [], []
    with tempfile.TemporaryDirectory(prefix="calx-cache-") as caches:
        for k in range(OPEN_RUNS):
            first.append(once(f"{caches}/{k}"))
            later.append(once(None))
    return first, later


def databases(folder: Path) -> dict[int, Path]:
    from synthetic import build_scaled

    from desktop.data.build import build

    paths = {1: folder / "x1.sqlite"}
    build(ROOT / "db" / "content", paths[1])
    for copies in SCALES[1:]:
        paths[copies] = build_scaled(copies, folder / f"x{copies}.sqlite")
    return paths


def run() -> list[str]:
    queries = realistic_queries()
    limit, snippets = window_limits()
    lines = [
        f"{len(queries)} queries × {ROUNDS} rounds, limit {limit} and {snippets} passages "
        f"(the window's, at the keystroke); baseline: bare FTS5 MATCH … ORDER BY rank "
        f"LIMIT {limit}, same connection"
    ]
    with tempfile.TemporaryDirectory(prefix="calx-bench-") as tmp:
        env = bench_env(tmp)
        paths = databases(Path(tmp))
        for copies, path in paths.items():
            m = measure_search(path, queries, limit, snippets)
            ratio_p50, ratio_p99 = median(m["ratios"]), p99(m["ratios"])
            lines.append(
                f"{copies:>3}× ({path.stat().st_size // 1024} KiB): search/bare per query "
                f"p50 {ratio_p50:.2f}×, p99 {ratio_p99:.2f}× (max {max(m['ratios']):.2f}×); "
                f"search p50 {median(m['ours']):.3f} ms, p99 {p99(m['ours']):.3f} ms; bare p50 "
                f"{median(m['bare']):.3f} ms"
            )
            full = measure_search(path, queries, limit, None)
            lines.append(
                f"      every passage (after the paint, and the CLI): per query p50 "
                f"{median(full['ratios']):.2f}×, p99 {p99(full['ratios']):.2f}×; "
                f"p50 {median(full['ours']):.3f} ms"
            )
            cold = measure_cold(path, queries, limit, snippets)
            lines.append(
                f"      cold (a fresh connection, the passages' records not yet read): "
                f"p50 {median(cold):.3f} ms, max {max(cold):.3f} ms over {len(cold)} queries"
            )
            if copies in (1, 100):
                goal(
                    f"search / bare FTS5, p50 and p99, {copies}×",
                    "≤ 3× both",
                    f"{ratio_p50:.2f}× / {ratio_p99:.2f}×",
                    round(max(ratio_p50, ratio_p99), 2) <= 3,
                )
            first, opens = measure_open(path, env)
            lines.append(
                f"{copies:>3}× open, fresh process: {spread(opens)} (the file remembered "
                f"as verified); first open, checked whole: {spread(first)}"
            )
            aim = {1: 5.0, 100: 30.0}.get(copies)
            if aim is not None:
                goal(
                    f"database open, {copies}×",
                    f"≤ {aim:.0f} ms",
                    spread(opens),
                    median(opens) <= aim,
                )
    return lines


if __name__ == "__main__":
    for line in run():
        print(line)
