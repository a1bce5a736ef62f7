"""Full-text search: French and English, accents, prefixes, synonyms, ranking, snippets, and
hostile input that must never raise."""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.data.models import SearchHit
from desktop.data.refdb import MAX_QUERY_WORDS, ReferenceDB, match_expression


@pytest.fixture(scope="module")
def synth(synthetic_db: Path) -> Iterator[ReferenceDB]:
    db = ReferenceDB.open(synthetic_db)
    yield db
    db.close()


@pytest.fixture(scope="module")
def real(real_db: Path) -> Iterator[ReferenceDB]:
    db = ReferenceDB.open(real_db)
    yield db
    db.close()


def ids(hits: list[SearchHit]) -> list[str]:
    return [h.therapy_id for h in hits]


def fold(text: str) -> str:
    """Lower case without accents, as the index compares words."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# ------------------------------------------------------------------ the query expression


def test_every_word_is_a_quoted_prefix() -> None:
    assert match_expression("ritu") == '"ritu"*'
    assert match_expression("  mg/kg  ") == '"mg"* "kg"*'
    assert match_expression("O'Brien") == '"O"* "Brien"*'
    assert (
        match_expression('NEAR("a" b) AND -c OR d*') == '"NEAR"* "a"* "b"* "AND"* "c"* "OR"* "d"*'
    )


def test_words_are_capped_and_repeats_dropped() -> None:
    expression = match_expression(" ".join(f"w{i}" for i in range(100)))
    assert expression is not None
    assert expression.count('"') == 2 * MAX_QUERY_WORDS
    assert match_expression("Rituximab rituximab RITUXIMAB") == '"Rituximab"*'


@pytest.mark.parametrize(
    "query",
    ["", "   ", "\t\n", "*", '"', "''", "-", "()", "_", "__", "\x00\x01\x1f", "…", "·", "/"],
)
def test_no_word_means_no_expression(query: str) -> None:
    assert match_expression(query) is None


@given(st.text())
def test_the_expression_is_only_quoted_words(query: str) -> None:
    expression = match_expression(query)
    if expression is not None:
        assert re.fullmatch(r'"[^\W_]+"\*( "[^\W_]+"\*)*', expression), expression


# ------------------------------------------------------------------ behaviour (synthetic)


def test_prefix_while_typing(synth: ReferenceDB) -> None:
    for typed in ("r", "ri", "rit", "ritu", "rituxi", "rituximab"):
        assert "rituximab" in ids(synth.search(typed, "fr")), typed
    assert ids(synth.search("ritu", "en"))[0] == "rituximab"


def test_accents_and_case_do_not_matter(synth: ReferenceDB) -> None:
    for query in ("therapie", "THÉRAPIE", "thérapie", "Therapie vasodilatatrice"):
        assert ids(synth.search(query, "fr"))[:1] == ["pde5-inhibitors"], query


def test_synonyms_are_searchable(synth: ReferenceDB) -> None:
    assert ids(synth.search("paracetamol", "en")) == ["analgesia"]
    assert ids(synth.search("paracétamol", "fr")) == ["analgesia"]
    assert ids(synth.search("acetaminophene", "en")) == ["analgesia"]  # French text only
    assert ids(synth.search("MabThera", "en")) == ["rituximab"]


def test_a_name_match_ranks_above_repeated_mentions(synth: ReferenceDB) -> None:
    for lang in ("fr", "en"):
        hits = synth.search("colchicine", lang)
        assert ids(hits)[:2] == ["colchicine", "minocycline"], lang


def test_all_words_must_match(synth: ReferenceDB) -> None:
    assert ids(synth.search("rituximab diarrhée", "fr")) == []
    assert ids(synth.search("colchicine diarrhée", "fr")) == ["colchicine"]


def test_one_hit_per_therapy_across_both_languages(synth: ReferenceDB) -> None:
    hits = synth.search("anti", "en")  # anti-CD20, anti-inflammatory, in fr and en texts
    assert len(ids(hits)) == len(set(ids(hits)))
    assert {"rituximab", "analgesia", "colchicine"} <= set(ids(hits))


def test_name_and_snippet_come_in_the_requested_language(synth: ReferenceDB) -> None:
    # The word is only in the French text; the hit is still shown in English.
    [hit] = synth.search("vasodilatatrice", "en")
    assert hit.therapy_id == "pde5-inhibitors"
    assert hit.name == "Phosphodiesterase-5 inhibitors"
    assert hit.snippet == "More potent vasodilator therapy, a possible future option."
    assert hit.highlights == ()
    [hit] = synth.search("vasodilatatrice", "fr")
    assert hit.name == "Inhibiteurs de la phosphodiestérase 5"
    assert hit.snippet.startswith("Thérapie vasodilatatrice")


def test_snippets_highlight_the_matched_words(synth: ReferenceDB) -> None:
    [hit] = synth.search("diarrh", "fr")
    assert hit.therapy_id == "colchicine"
    assert [hit.snippet[a:b] for a, b in hit.highlights] == ["Diarrhée"]
    [hit] = synth.search("DIARRHOEA", "en")
    assert [hit.snippet[a:b] for a, b in hit.highlights] == ["Diarrhoea"]


def test_highlight_offsets_point_at_the_query_words(synth: ReferenceDB) -> None:
    for lang, query in (("fr", "therap"), ("en", "inflamm"), ("fr", "calcinose"), ("en", "pain")):
        hits = synth.search(query, lang)
        assert hits, query
        for hit in hits:
            for start, end in hit.highlights:
                assert 0 <= start < end <= len(hit.snippet)
                assert fold(hit.snippet[start:end]).startswith(fold(query))


def test_limit_and_scores(synth: ReferenceDB) -> None:
    assert len(synth.search("a", "fr", limit=2)) == 2
    assert synth.search("rituximab", "fr", limit=0) == []
    hits = synth.search("colchicine", "en")
    assert all(isinstance(h.score, float) for h in hits)
    assert hits[0].category == "drug"


# ------------------------------------------------------------------ hostile input

HOSTILE = [
    "",
    " ",
    "   \t\n ",
    "mg/kg",
    "O'Brien",
    '"',
    '""',
    '"ritu',
    'ritu"',
    "*",
    "**",
    "ritu*",
    "NEAR",
    "NEAR(ritu inf)",
    "ritu NEAR inf",
    "AND",
    "OR",
    "NOT",
    "ritu AND",
    "ritu OR NOT",
    "-",
    "-ritu",
    "ritu -inf",
    "(",
    ")",
    "(ritu",
    "()",
    "^ritu",
    "ritu:",
    "name_fr:ritu",
    "{name_fr}: ritu",
    "+",
    ":",
    "ritu's",
    "\x00",
    "\x00ritu\x00",
    "\x1b[31mritu",
    "\u200b",
    "ritu\u0301",
    "\ud800",
    "🧪 ritu",
    "ß",
    "İ",
    "Ⅻ",
    "²",
    "½",
    "x" * 10_000,
    "ritu " * 2_000,
    "a b c d e f g h i j k l m n o p q r s t u v w x y z",
    "'; DROP TABLE therapies; --",
    "%",
    "_",
    "\\",
    "ritu\\",
    "\n".join(["ritu"] * 50),
]


@pytest.mark.parametrize("query", HOSTILE)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_hostile_input_returns_a_list(
    synth: ReferenceDB, real: ReferenceDB, query: str, lang: str
) -> None:
    for db in (synth, real):
        hits = db.search(query, lang)
        assert isinstance(hits, list)
        assert all(isinstance(h, SearchHit) for h in hits)


def test_hostile_input_still_finds_what_it_contains(synth: ReferenceDB) -> None:
    assert ids(synth.search('"ritu', "fr")) == ["rituximab"]
    assert ids(synth.search("NEAR(ritu)", "fr")) == []  # "near" is a word like any other
    assert ids(synth.search("(ritu)", "fr")) == ["rituximab"]
    assert "rituximab" in ids(synth.search("ritu " * 2_000, "fr"))


@settings(max_examples=300, deadline=None)
@given(query=st.text(), lang=st.sampled_from(["fr", "en"]))
def test_any_text_never_raises(synth: ReferenceDB, query: str, lang: str) -> None:
    hits = synth.search(query, lang)
    assert isinstance(hits, list)
    assert len({h.therapy_id for h in hits}) == len(hits)


# ------------------------------------------------------------------ the real content


@pytest.mark.parametrize(
    ("query", "lang", "expected"),
    [
        ("ritu", "fr", "rituximab"),
        ("rituximab", "en", "rituximab"),
        ("paracetamol", "en", "analgesia"),
        ("paracétamol", "fr", "analgesia"),
        ("acétaminophène", "fr", "analgesia"),
        ("acetaminophen", "en", "analgesia"),
        ("IVIG", "en", "ivig"),
        ("IGIV", "fr", "ivig"),
        ("immunoglobulines", "fr", "ivig"),
        ("CCB", "en", "calcium-channel-blockers"),
        ("BCC", "fr", "calcium-channel-blockers"),
        ("diltiazem", "fr", "calcium-channel-blockers"),
        ("ESWL", "en", "eswl"),
        ("lithotripsie", "fr", "eswl"),
        ("lithotripsy", "en", "eswl"),
        ("infliximab", "en", "infliximab"),
        ("minocycline", "fr", "minocycline"),
        ("warfarine", "fr", "warfarin"),
        ("DuoDERM", "fr", "hydrocolloid-dressing"),
        ("treprostinil", "en", "prostacyclins"),
        ("tréprostinil", "fr", "prostacyclins"),
        ("colchicine", "fr", "colchicine"),
        ("probénécide", "fr", "probenecid"),
        ("hydroxyde d'aluminium", "fr", "aluminium-hydroxide"),
        ("aluminium hydroxide", "en", "aluminium-hydroxide"),
        ("tocilizumab", "en", "tocilizumab"),
        ("anakinra", "fr", "anakinra"),
        ("curetage", "fr", "curettage"),
    ],
)
def test_real_database_finds_the_record_first(
    real: ReferenceDB, query: str, lang: str, expected: str
) -> None:
    assert ids(real.search(query, lang))[:1] == [expected]


@pytest.mark.parametrize("typed", ["r", "ri", "rit", "ritu"])
def test_real_database_prefixes_while_typing(real: ReferenceDB, typed: str) -> None:
    assert "rituximab" in ids(real.search(typed, "fr", limit=100))


def test_real_database_finds_accented_words_without_accents(real: ReferenceDB) -> None:
    hits = real.search("therapie", "fr")
    assert hits
    assert any("thérapie" in fold(h.snippet) or "therapie" in fold(h.snippet) for h in hits)


def test_real_database_staphylococcus(real: ReferenceDB) -> None:
    hits = real.search("Staphylococcus aureus", "en")
    assert ids(hits)[:1] == ["antibiotics-superinfection"]


# ------------------------------------------------------------------ cheaper while typing


@pytest.mark.parametrize("query", ["calcinose", "therapie", "anti", "douleur", "pain"])
def test_fewer_passages_change_no_ranking(real: ReferenceDB, query: str) -> None:
    # The window cuts passages for a screenful of hits first: same hits, same order, same
    # scores; past the budget a hit shows its plain summary.
    full = real.search(query, "fr", 50)
    for budget in (0, 3):
        cheap = real.search(query, "fr", 50, snippets=budget)
        assert [(h.therapy_id, h.score) for h in cheap] == [(h.therapy_id, h.score) for h in full]
        summaries = {t.id: t.summary for t in real.therapies("fr")}
        cut = [h for h, f in zip(cheap, full, strict=True) if h != f]
        assert all(h.snippet == summaries[h.therapy_id] and h.highlights == () for h in cut)
    assert real.search(query, "fr", 50, snippets=50) == full


def test_one_or_two_letters_look_in_names_only(real: ReferenceDB) -> None:
    # "ri" is in many texts ("rituximab", "risque"...); only names and synonyms count.
    names = {t.id: (t.name, t.synonyms) for t in real.therapies("fr")}
    for query in ("r", "ri", "Ca"):
        hits = real.search(query, "fr", 100)
        assert hits, query
        for hit in hits:
            name, synonyms = names[hit.therapy_id]
            words = [w for text in (name, *synonyms) for w in re.findall(r"[^\W_]+", fold(text))]
            en = real.therapy(hit.therapy_id)
            words += [
                w
                for text in (en.name.en, *en.synonyms.en)
                for w in re.findall(r"[^\W_]+", fold(text))
            ]
            assert any(w.startswith(fold(query)) for w in words), (query, hit.therapy_id)
            assert hit.highlights == ()


# ------------------------------------------------------------------ ranking, against FTS5's own

_NAMES = "{name_fr name_en synonyms_fr synonyms_en}"


def _fts5_ranked(path: Path, expression: str) -> list[tuple[str, float]]:
    """(therapy id, score) in FTS5's own ORDER BY rank, from a connection of the test's own."""
    conn = sqlite3.connect(path)
    try:
        return [
            (therapy_id, -rank)
            for therapy_id, rank in conn.execute(
                "SELECT therapy_id, rank FROM search WHERE search MATCH ? ORDER BY rank",
                (expression,),
            )
        ]
    finally:
        conn.close()


ORDER_QUERIES = ["r", "ca", "anti", "calc", "therapie", "inhib", "pain", "colchicine", "ulcère d"]


@pytest.mark.parametrize("query", ORDER_QUERIES)
def test_name_hits_first_in_their_name_rank_then_the_rest_by_rank(
    real: ReferenceDB, real_db: Path, query: str
) -> None:
    expression = match_expression(query)
    assert expression is not None
    by_name = _fts5_ranked(real_db, f"{_NAMES} : ({expression})")
    hits = real.search(query, "fr", 100)
    assert [(h.therapy_id, h.score) for h in hits[: len(by_name)]] == by_name[:100]
    if len(query) > 2:
        named = {therapy_id for therapy_id, _ in by_name}
        rest = [hit for hit in _fts5_ranked(real_db, expression) if hit[0] not in named]
        assert [(h.therapy_id, h.score) for h in hits[len(by_name) :]] == rest[: 100 - len(by_name)]


@pytest.mark.parametrize(("query", "limit"), [("anti-T", 5), ("anti", 8), ("calcinose", 50)])
@pytest.mark.parametrize("budget", [0, 1, 3, 8])
def test_marks_go_to_the_first_rows_of_the_ranking_whatever_the_limit(
    real: ReferenceDB, real_db: Path, query: str, limit: int, budget: int
) -> None:
    # A hit keeps the marks it has with every passage cut exactly when it is among the first
    # ``budget`` rows of the ranking over every column (name hits included); the others show
    # their plain summary.
    expression = match_expression(query)
    assert expression is not None
    first = {therapy_id for therapy_id, _ in _fts5_ranked(real_db, expression)[:budget]}
    summaries = {t.id: t.summary for t in real.therapies("fr")}
    full = real.search(query, "fr", limit)
    cheap = real.search(query, "fr", limit, snippets=budget)
    assert [h.therapy_id for h in cheap] == [h.therapy_id for h in full]
    for hit, whole in zip(cheap, full, strict=True):
        if hit.therapy_id in first:
            assert hit == whole
        else:
            assert (hit.snippet, hit.highlights) == (summaries[hit.therapy_id], ())
    assert any(h.highlights for h in cheap) == any(
        h.highlights for h in full if h.therapy_id in first
    )


@given(st.text(alphabet="ab \x01\x02é…"))
def test_marks_are_stripped_the_same_whatever_their_placing(text: str) -> None:
    # FTS5 pairs its markers; the quick path must agree with the general one on any placing.
    from desktop.data.refdb import _unmark, _unmark_any

    plain, spans = _unmark(text)
    assert (plain, spans) == _unmark_any(text)
    assert "\x01" not in plain and "\x02" not in plain
    assert all(0 <= a < b <= len(plain) for a, b in spans)


def test_fast_hits_are_the_dataclass_s_own_objects() -> None:
    """``_search_hit`` fills a SearchHit without its constructor: it must set every field, and
    only those, and give an object equal (and hashing equal) to the constructor's."""
    import dataclasses

    from desktop.data.refdb import _search_hit

    args = ("rituximab", "Rituximab", "drug", "un texte", ((0, 2),), 3.25)
    fast, made = _search_hit(SearchHit, *args), SearchHit(*args)
    assert fast == made and hash(fast) == hash(made) and repr(fast) == repr(made)
    assert set(vars(fast)) == {f.name for f in dataclasses.fields(SearchHit)}
    assert not hasattr(SearchHit, "__post_init__")  # nothing the constructor would check
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.name = "other"  # type: ignore[misc]
