"""A search hit's highlighted summary and passage, cut in Python as FTS5 cuts them.

FTS5's ``highlight()`` and ``snippet()`` tokenize the whole column at every call (``snippet()``
twice): about 13 µs for a record's text, several times the bare ranked query when a screenful of
hits shows passages. A record's tokens do not depend on the query, so they are read once per
connection (``Tokens``), and each passage then costs a few lookups.

The output is FTS5's, exactly: the same tokens (``unicode61 remove_diacritics 2``, the search
table's tokenizer), the same prefix instances, the same choice of passage as ``snippet()``
(``fts5SnippetFunction`` in SQLite's ``fts5_aux.c``: every instance's window of ``n`` tokens and
the sentence that holds it, scored 1000 per query word first seen in it and 1 per repeat, the
first best kept, a sentence start worth 100 more, the text's start 120) and the same marks (every
instance's token). Only where that is certain: text holding a character outside ``SAFE`` (whose
folding was not checked against FTS5's, ``tests/data/test_passages.py``) gives ``None``, and a
query word outside it ``query_terms() is None``; the caller then asks FTS5 itself.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import cache
from itertools import accumulate

Spans = tuple[tuple[int, int], ...]

# Characters whose tokenizing and folding here were checked, one by one, to be FTS5's (the test
# compares every one): ASCII, Latin-1 and Latin Extended-A but the micro sign (FTS5 folds it to
# Greek mu) and the long s, the Greek letters without accents but the capital sigma (Python
# lowers it to a final sigma at a word's end), punctuation, super- and subscripts, currency
# signs, letterlike symbols, arrows and maths operators, but the characters Unicode assigned
# after FTS5's tables (its unicode61 tokenizer splits or joins those otherwise).
SAFE = (
    "\t\n\r\x20-\x7e\u00a0-\u00b4\u00b6-\u017e\u0391-\u03a1\u03a4-\u03a9\u03b1-\u03c1"
    "\u03c3-\u03c9\u2000-\u2064\u2070\u2071\u2074-\u208e\u2090-\u209c\u20a0-\u20b9\u2100-\u2189"
    "\u2190-\u22ff"
)
_UNSAFE = re.compile(f"[^{SAFE}]")
_TOKEN = re.compile(r"[^\W_]+")  # within SAFE, FTS5's token characters (letters and digits)
_STOP = re.compile(r"[.:][ \t\n\r]+")  # what FTS5's sentence finder looks for before a token
_COMBINING = re.compile("[\u0300-\u036f]+")  # what NFD splits off the letters of SAFE


def _fold_char(ch: str) -> str:
    return _COMBINING.sub("", unicodedata.normalize("NFD", ch.lower()))


@cache
def _fold_table() -> dict[int, str]:
    """Each token character of SAFE that folds to another (FTS5 folds each character alone).
    Made at the first accented word, not at import: every command that opens the reference
    database imports this module, and most never search (about 1.5 ms)."""
    return {
        ord(ch): _fold_char(ch)
        for ch in (chr(i) for i in range(0x2300))
        if not _UNSAFE.match(ch) and _TOKEN.match(ch) and _fold_char(ch) != ch
    }


def fold(word: str) -> str:
    """A token as the index holds it: lower case, accents removed (within ``SAFE``)."""
    return word.lower() if word.isascii() else word.translate(_fold_table())


def _fold_text(text: str) -> str:
    """``fold`` of each character of ``text`` (of ``SAFE`` ones), in place: ``Tokens`` slices
    the result at the text's offsets. Lower case and NFD over the whole text cost a third of a
    French text's ``translate``; where they change its length (a character that is no letter
    and NFD splits in two), each character is folded alone."""
    if text.isascii():
        return text.lower()
    folded = _COMBINING.sub("", unicodedata.normalize("NFD", text.lower()))
    return folded if len(folded) == len(text) else text.translate(_fold_table())


def query_terms(words: list[str]) -> tuple[str, ...] | None:
    """The folded query words, or None when a word is not one token of ``SAFE`` characters."""
    terms = []
    for word in words:
        if _UNSAFE.search(word) or not _TOKEN.fullmatch(word):
            return None
        terms.append(fold(word))
    return tuple(terms)


class Tokens:
    """One column's text of one record, tokenized as FTS5 does: where each token is, where each
    folded token occurs, and which tokens start a sentence (FTS5's rule for ``snippet()``).
    Kept in a few flat strings and arrays rather than an object per token: a keystroke reads a
    few bytes of each of a screenful of records, seldom still in the processor's caches."""

    __slots__ = ("ends", "firsts", "groups", "starts", "text", "vocabulary", "where", "word_at")

    def __init__(self, text: str) -> None:
        self.text = text
        spans = [m.span() for m in _TOKEN.finditer(text)]
        self.starts = array("i", [s for s, _ in spans])
        self.ends = array("i", [e for _, e in spans])
        folded = _fold_text(text)
        where: dict[str, list[int]] = {}
        for k, (s, e) in enumerate(spans):
            where.setdefault(folded[s:e], []).append(k)
        # The distinct folded tokens, sorted (a word's prefix matches are a run of them), each
        # after a NUL in one string, and where each starts in it; the tokens where each is, in
        # the same order, and where each one's run starts among them.
        words = sorted(where)
        self.vocabulary = "".join("\0" + w for w in words)
        self.word_at = array("i", accumulate((len(w) + 1 for w in words[:-1]), initial=0))
        self.where = array("i", [k for w in words for k in where[w]])
        self.groups = array("i", accumulate((len(where[w]) for w in words), initial=0))
        # A sentence starts at the first token, and at a token after blanks after "." or ":".
        after_stop = {m.end() for m in _STOP.finditer(text)}
        self.firsts = array("i", [k for k, (s, _) in enumerate(spans) if k == 0 or s in after_stop])

    @classmethod
    def read(cls, text: str) -> Tokens | None:
        """The tokens of ``text``, or None when it holds a character outside ``SAFE``."""
        return None if _UNSAFE.search(text) else cls(text)

    def words(self) -> dict[str, Sequence[int]]:
        """Each distinct folded token and the tokens where it is."""
        words = self.vocabulary.split("\0")[1:]
        groups = self.groups
        return {w: self.where[groups[i] : groups[i + 1]] for i, w in enumerate(words)}

    def positions(self, term: str) -> Sequence[int]:
        """The tokens that start with ``term``, in order."""
        needle, vocabulary, word_at = "\0" + term, self.vocabulary, self.word_at
        at = vocabulary.find(needle)  # the first such word: they follow each other
        if at < 0:
            return ()
        first = end = bisect_left(word_at, at)
        end += 1
        while end < len(word_at) and vocabulary.startswith(needle, word_at[end]):
            end += 1
        found = self.where[self.groups[first] : self.groups[end]]
        return found if end - first == 1 else sorted(found)

    def instances(self, terms: tuple[str, ...]) -> list[tuple[int, int]]:
        """(token, query word) of every token that starts with a query word, in FTS5's order
        (by token, then by word)."""
        return sorted((k, phrase) for phrase, t in enumerate(terms) for k in self.positions(t))

    def _spans(self, tokens: Sequence[int], shift: int) -> Spans:
        """The (start, end) of each of ``tokens`` (distinct, in order), ``shift`` added."""
        starts, ends = self.starts, self.ends
        if len(tokens) == 1:
            k = tokens[0]
            return ((starts[k] + shift, ends[k] + shift),)
        return tuple((starts[k] + shift, ends[k] + shift) for k in tokens)

    def highlight(self, terms: tuple[str, ...]) -> tuple[str, Spans] | None:
        """``highlight()``: the whole text and its marks; None when no word is in it."""
        if len(terms) == 1:
            positions = self.positions(terms[0])
        else:
            positions = sorted({k for k, _ in self.instances(terms)})
        return (self.text, self._spans(positions, 0)) if positions else None

    def snippet(self, terms: tuple[str, ...], size: int, ellipsis: str) -> tuple[str, Spans] | None:
        """``snippet()`` of ``size`` tokens: the passage and its marks; None when no word is in
        the text."""
        if len(terms) == 1:
            positions, phrases = self.positions(terms[0]), None
        else:
            found = self.instances(terms)
            positions, phrases = [k for k, _ in found], [phrase for _, phrase in found]
        if not positions:
            return None
        if len(positions) == 1:  # the usual case, made short: one window, and its sentence's
            k, count = positions[0], len(self.starts)
            start = max(min(k - (size - 1) // 2, count - size), 0)  # as _centred(k, k + 1)
            if count > size:  # as _sentence(k)
                sentence = self.firsts[bisect_right(self.firsts, k) - 1]
                if sentence < k < sentence + size:
                    start = sentence
        else:
            start = self._best_start(positions, phrases, size)
        return self._cut(positions, start, start + size - 1, ellipsis)

    def _best_start(self, positions: Sequence[int], phrases: list[int] | None, size: int) -> int:
        """The first token of FTS5's best passage. The candidates in its order: each
        instance's window, then the window from the start of its sentence if that is before it.
        The first best is kept."""

        def value(low: int, high: int) -> int:
            """FTS5's score of the instances low..high - 1: 1000 for each word's first, 1 for
            each repeat."""
            if high <= low:
                return 0
            return (999 if phrases is None else 999 * len(set(phrases[low:high]))) + high - low

        best, start = 0, 0
        for i, k in enumerate(positions):
            low = i if i == 0 or positions[i - 1] != k else bisect_left(positions, k)
            high = bisect_left(positions, k + size, i)
            score = value(low, high)
            if score > best:
                best, start = score, self._centred(k, positions[high - 1] + 1, size)
            sentence = self._sentence(k, size)
            if sentence is not None:
                low = bisect_left(positions, sentence)
                score = value(low, bisect_left(positions, sentence + size, low)) + (
                    120 if sentence == 0 else 100
                )
                if score > best:
                    best, start = score, sentence
        return start

    def _centred(self, first: int, last: int, size: int) -> int:
        """FTS5's start of a passage around the instances of tokens first..last - 1."""
        return max(min(first - (size - (last - first)) // 2, len(self.starts) - size), 0)

    def _sentence(self, k: int, size: int) -> int | None:
        """The start of the sentence that holds token ``k`` if before it, where FTS5 looks for
        one (a text longer than a passage)."""
        if len(self.starts) <= size:
            return None
        sentence = self.firsts[bisect_right(self.firsts, k) - 1]
        return sentence if sentence < k else None

    def _cut(
        self, positions: Sequence[int], start: int, last: int, ellipsis: str
    ) -> tuple[str, Spans]:
        """Tokens start..last and the text between them, with their marks, as ``snippet()``
        writes them: an ellipsis where the text goes on, the rest of it where it ends."""
        text = self.text
        origin = self.starts[start] if start else 0
        head = ellipsis if start else ""
        if last >= len(self.starts) - 1:
            body, tail = text[origin:], ""
        else:
            body, tail = text[origin : self.ends[last]], ellipsis
        shown = positions[bisect_left(positions, start) : bisect_right(positions, last)]
        if len(shown) > 1:
            shown = list(dict.fromkeys(shown))  # a token two words start: one mark
        return head + body + tail, self._spans(shown, len(head) - origin)
