"""Offline readability counts for the patient texts, in French and English (tests only).

textstat needs NLTK data that cannot be fetched here; this counts what the targets need with
pyphen's hyphenation dictionaries (shipped in the wheel): sentences, words per sentence, and
syllables per word (the hyphenation points of a word plus one, a close and common estimate).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pyphen

# A sentence ends at . ! ? or ; (a semicolon joins two sentences in the review's French style),
# followed by a space or the end; a colon does not end one. Decimal points ("2.5") never match.
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|(?<=[.!?;])$")
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*", re.UNICODE)


@cache
def _dictionary(lang: str) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="fr" if lang == "fr" else "en_GB")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text.strip()) if _WORD.search(s)]


def words(sentence: str) -> list[str]:
    return _WORD.findall(sentence)


def syllables(word: str, lang: str) -> int:
    if word.isdigit():
        return len(word)
    return len(_dictionary(lang).positions(word.lower())) + 1


@dataclass(frozen=True)
class Readability:
    sentences: int
    words: int
    longest: int  # words in the longest sentence
    syllables_per_word: float

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0


def measure(texts: list[str], lang: str) -> Readability:
    found = [s for t in texts for s in sentences(t)]
    counts = [len(words(s)) for s in found]
    every = [w for s in found for w in words(s)]
    total_syllables = sum(syllables(w, lang) for w in every)
    return Readability(
        len(found),
        sum(counts),
        max(counts, default=0),
        total_syllables / len(every) if every else 0.0,
    )
