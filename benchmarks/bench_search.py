"""Search latency as the user types, on the real database and on one 100 times larger.

Both databases are built in a temporary directory from ``db/content`` (the large one replicates
every record 100 times under new ids). Each of a few hundred realistic queries (prefixes while
typing "r", "ri", "rit", "ritu"..., French and English words, synonyms, accents) goes through
``ReferenceDB.search``; the baseline is a bare FTS5 query on the same database in the same run:
``SELECT rowid FROM search WHERE search MATCH ? ORDER BY rank LIMIT 20`` with the same quoted
prefix expression, i.e. the least a ranked search must do. Figures are ratios to that baseline,
plus the absolute p99 (aim: under 5 ms on the real database).
"""

from __future__ import annotations

import dataclasses
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from desktop.data.build import write_database
from desktop.data.content import Content, load_content
from desktop.data.refdb import ReferenceDB, match_expression

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "db" / "content"
COPIES = 100
ROUNDS = 3

# Typed one letter at a time: every prefix of each is a query.
TYPED = [
    "rituximab", "infliximab", "minocycline", "diltiazem", "colchicine", "calcinose",
    "calcinosis", "warfarine", "paracetamol", "acétaminophène", "acetaminophene", "thérapie",
    "therapie", "lithotripsie", "lithotripsy", "pansement", "dressing", "hydroxyde d'aluminium",
    "IVIG", "IGIV", "BCC", "probénécide", "ceftriaxone", "bisphosphonates", "laser CO2",
    "douleur", "pain", "ulcère digital", "Raynaud", "Staphylococcus aureus", "tréprostinil",
    "anti-TNF", "curetage", "chirurgien", "surgeon", "insuffisance rénale", "renal",
]
WHOLE = ["mg/kg", "O'Brien", "375 mg/m²", "4 à 8 semaines", "every 8 weeks", "NEAR", "zzzz"]


def realistic_queries() -> list[str]:
    queries = [word[:n] for word in TYPED for n in range(1, len(word) + 1)]
    return queries + WHOLE


def replicate(content: Content, copies: int) -> Content:
    """``copies`` times every record, under new therapy and regimen ids (texts unchanged)."""
    therapies = []
    regimen_sources = {}
    for k in range(copies):
        for t in content.therapies:
            suffix = "" if k == 0 else f"-copy{k}"
            regimens = []
            for r in t.regimens:
                rid = r.id + suffix
                regimens.append(dataclasses.replace(r, id=rid, therapy_id=t.id + suffix))
                regimen_sources[rid] = {**content.regimen_sources[r.id], "id": rid}
            therapies.append(dataclasses.replace(t, id=t.id + suffix, order=t.order + k * 10_000,
                                                 regimens=tuple(regimens)))
    # Other content under its own version: a released version never names other content.
    meta = dataclasses.replace(content.meta,
                               content_version=f"{content.meta.content_version}-x{copies}")
    return dataclasses.replace(content, therapies=tuple(therapies),
                               regimen_sources=regimen_sources, meta=meta)


def _time(call: Callable[[], object]) -> float:
    started = time.perf_counter_ns()
    call()
    return (time.perf_counter_ns() - started) / 1e6


def _p99(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[98]


def measure(path: Path, queries: list[str]) -> dict[str, float]:
    from desktop.data import verify

    # The first open of a file checks it whole; later opens of the same file, once remembered,
    # only its schema. A file written a moment ago is never remembered (desktop.data.verify):
    # here it is, to time the open every start-up after the first one pays.
    racy, verify.RACY_NS = verify.RACY_NS, 0
    try:
        first_ms = _time(lambda: ReferenceDB.open(path).close())
        started = time.perf_counter_ns()
        db = ReferenceDB.open(path)
        open_ms = (time.perf_counter_ns() - started) / 1e6
    finally:
        verify.RACY_NS = racy
    conn = db._conn  # the same connection: the baseline differs only by what search() adds
    bare = "SELECT rowid FROM search WHERE search MATCH ? ORDER BY rank LIMIT 20"
    ours: list[float] = []
    base: list[float] = []
    langs = ("fr", "en")
    for q in queries[:20]:  # warm the page cache for both
        db.search(q, "fr")
    for round_ in range(ROUNDS):
        for i, q in enumerate(queries):
            lang = langs[(i + round_) % 2]
            ours.append(_time(lambda q=q, lang=lang: db.search(q, lang)))
            expression = match_expression(q)
            if expression is not None:
                base.append(_time(lambda e=expression: conn.execute(bare, (e,)).fetchall()))
    db.close()
    return {"open": open_ms, "first_open": first_ms, "median": statistics.median(ours),
            "p99": _p99(ours),
            "base_median": statistics.median(base), "base_p99": _p99(base),
            "n": len(ours)}


def run() -> list[str]:
    queries = realistic_queries()
    content = load_content(CONTENT)
    lines = [f"{len(queries)} queries x {ROUNDS} rounds; baseline: bare FTS5 MATCH ... ORDER BY "
             "rank LIMIT 20 on the same database"]
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["CALX_CACHE"] = str(Path(tmp) / "cache")  # never the user's own cache
        real = Path(tmp) / "real.sqlite"
        big = Path(tmp) / "big.sqlite"
        write_database(content, real)
        write_database(replicate(content, COPIES), big)
        for label, path, records in (("real", real, len(content.therapies)),
                                     (f"x{COPIES}", big, len(content.therapies) * COPIES)):
            m = measure(path, queries)
            lines.append(
                f"{label:>5} ({records} records, {path.stat().st_size // 1024} KiB): "
                f"search median {m['median'] / m['base_median']:.1f}x bare, "
                f"p99 {m['p99'] / m['base_p99']:.1f}x bare; "
                f"p99 {m['p99']:.2f} ms (median {m['median']:.2f} ms; bare median "
                f"{m['base_median']:.3f} ms); open + checks {m['open']:.1f} ms "
                f"(first open of the file, checked whole: {m['first_open']:.1f} ms)")
    return lines


if __name__ == "__main__":
    for line in run():
        print(line)
