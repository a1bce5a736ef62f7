"""Passages and highlights cut in Python (``desktop.data.passages``) are FTS5's own, exactly:
same tokens, same folding, same choice of passage, same marks, checked against the SQLite that
runs the tests."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.data import passages, refdb
from desktop.data.passages import Tokens, fold, query_terms
from desktop.data.refdb import ReferenceDB, _unmark
from desktop.data.schema import SEARCH_COLUMNS, SEARCH_TOKENIZE

SAFE_CHARS = [chr(i) for i in range(0x2300) if not passages._UNSAFE.match(chr(i))]


@pytest.fixture
def fts5() -> Iterator[sqlite3.Connection]:
    """An FTS5 table of one column with the search table's tokenizer, and its tokens."""
    conn = sqlite3.connect(":memory:")
    conn.execute(f'CREATE VIRTUAL TABLE t USING fts5(x, tokenize="{SEARCH_TOKENIZE}")')
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, instance)")
    yield conn
    conn.close()


def fts5_tokens(conn: sqlite3.Connection) -> dict[tuple[int, str], list[str]]:
    """(row, column name) -> its folded tokens in order, as FTS5 indexed them."""
    tokens: dict[tuple[int, str], list[str]] = {}
    for term, doc, column, _ in conn.execute("SELECT * FROM v ORDER BY doc, col, offset"):
        tokens.setdefault((doc, column), []).append(term)
    return tokens


def our_tokens(text: str) -> list[str]:
    tokens = Tokens.read(text)
    assert tokens is not None, text
    at = {k: word for word, ks in tokens.words().items() for k in ks}
    return [at[k] for k in range(len(at))]


def test_every_safe_character_is_split_and_folded_as_fts5_does(fts5: sqlite3.Connection) -> None:
    # Each character between two letters: a token character joins them, folded (by the whole
    # text's fold as by its own); any other splits them. Over the whole of SAFE.
    fts5.executemany(
        "INSERT INTO t(rowid, x) VALUES (?, ?)",
        [(k, f"a{ch}a") for k, ch in enumerate(SAFE_CHARS, 1)],
    )
    theirs = fts5_tokens(fts5)
    differ = [
        ch
        for k, ch in enumerate(SAFE_CHARS, 1)
        if theirs.get((k, "x"), []) != our_tokens(f"a{ch}a")
        or (passages._TOKEN.match(ch) and passages._fold_text(f"a{ch}a") != f"a{fold(ch)}a")
    ]
    assert differ == []
    assert len(SAFE_CHARS) > 1000


@pytest.mark.parametrize("text", ["10 µg", "ſ", "Ωmega ΣΑ", "e\u0301", "日本"])
def test_a_character_outside_safe_leaves_the_text_to_fts5(text: str) -> None:
    assert Tokens.read(text) is None
    assert query_terms([text.split()[-1]]) is None


@pytest.mark.parametrize("db_name", ["real_db", "synthetic_db"])
def test_the_contents_tokens_are_fts5s(db_name: str, request: pytest.FixtureRequest) -> None:
    # Every text of the content, as the index holds it (its fts5vocab), and all of it within
    # SAFE: the window never falls back to FTS5's own passages on today's content.
    path: Path = request.getfixturevalue(db_name)
    conn = sqlite3.connect(path)
    try:
        conn.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, search, instance)")
        theirs = fts5_tokens(conn)
        columns = ", ".join(SEARCH_COLUMNS)
        rows = conn.execute(f"SELECT rowid, {columns} FROM search").fetchall()
    finally:
        conn.close()
    assert rows
    for rowid, *texts in rows:
        for column, text in zip(SEARCH_COLUMNS, texts, strict=True):
            assert our_tokens(text) == theirs.get((rowid, column), []), (rowid, column)


WORDS = ["douleur", "doux", "Dose", "dosé", "calcinose", "calcium", "ca", "thé", "the", "ÉTÉ", "a"]
SEPARATORS = [" ", " ", " ", ", ", ". ", ": ", ".", " (", ") ", "\n", ".\n", " – ", "'", ":  "]


@st.composite
def texts(draw: st.DrawFn) -> str:
    parts = draw(
        st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=60)
    )
    head = draw(st.sampled_from(["", " ", ". ", "("]))
    tail = draw(st.sampled_from(["", ".", " "]))
    return head + "".join(w + s for w, s in parts).rstrip() + tail


@settings(max_examples=300, deadline=None)
@given(
    text=texts(),
    query=st.lists(
        st.sampled_from(["d", "do", "dou", "dos", "ca", "calc", "th", "the", "ete", "a", "é"]),
        min_size=1,
        max_size=3,
        unique=True,
    ),
    size=st.sampled_from([16, 4, 2]),  # (SQLite 3.40 and 3.45 differ on 1)
)
def test_passage_and_highlight_are_fts5s(text: str, query: list[str], size: int) -> None:
    terms = query_terms(query)
    tokens = Tokens.read(text)
    assert terms is not None and tokens is not None
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute(f'CREATE VIRTUAL TABLE t USING fts5(x, tokenize="{SEARCH_TOKENIZE}")')
        conn.execute("INSERT INTO t(rowid, x) VALUES (1, ?)", (text,))
        # OR: the row is read when any word is in it (the search ANDs them, over more columns).
        expression = " OR ".join(f'"{w}"*' for w in query)
        row = conn.execute(
            "SELECT highlight(t, 0, '\x01', '\x02'), snippet(t, 0, '\x01', '\x02', '…', ?) "
            "FROM t WHERE t MATCH ?",
            (size, expression),
        ).fetchone()
    finally:
        conn.close()
    if row is None:
        assert tokens.highlight(terms) is None
        assert tokens.snippet(terms, size, "…") is None
        return
    assert tokens.highlight(terms) == _unmark(row[0])
    assert tokens.snippet(terms, size, "…") == _unmark(row[1])


# ------------------------------------------------------------------ the whole search

QUERIES = [
    word[:n]
    for word in ("douleur", "calcinose", "thérapie", "Staphylococcus", "chirurgien", "pain")
    for n in (3, 4, 6, 20)
] + ["the", "ulcère di", "375 mg/m²", "anti-TNF", "dou leur", "cal rit", "CO2 laser", "zzzz"]


def _search_all(db: ReferenceDB) -> list[object]:
    return [
        db.search(query, lang, limit, budget)
        for query in QUERIES
        for lang in ("fr", "en")
        for limit, budget in ((50, 8), (50, None), (5, 1), (20, 0))
    ]


@pytest.mark.parametrize("db_name", ["real_db", "synthetic_db"])
def test_the_search_gives_what_fts5_alone_gives(
    db_name: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The same hits, order, scores, passages and marks whether Calx sorts and cuts them (a
    # small table) or FTS5 does (a large one, or a word of unchecked folding), and when a
    # record's text falls back to FTS5's passages.
    path: Path = request.getfixturevalue(db_name)
    with ReferenceDB.open(path) as db:
        ours = _search_all(db)
    monkeypatch.setattr(refdb, "SMALL_TABLE_ROWS", 0)
    with ReferenceDB.open(path) as db:
        theirs = _search_all(db)
    monkeypatch.undo()
    monkeypatch.setattr(passages.Tokens, "read", classmethod(lambda cls, text: None))
    with ReferenceDB.open(path) as db:
        fallback = _search_all(db)
    assert any(hit.highlights for hits in theirs for hit in hits)  # type: ignore[attr-defined]
    assert ours == theirs
    assert fallback == theirs
