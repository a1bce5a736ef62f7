"""Synthetic content 10× and 100× the real one, for the benchmarks only (never in db/content/).

Identical copies would flatter search (every prefix hits the same few names) and the database
(identical pages). So each copy k ≥ 1 of a record gets:

- a new id, and new names and synonyms made of syllables of the real names and synonyms (so a
  typed "ri" or "cal" matches a realistic share of records, not 100 copies of the same one);
- its statements and evidence texts drawn from another record of the same content, with about a
  fifth of the words replaced by words of the whole content in the same language (so every text
  differs, the vocabulary and the sentence lengths stay those of the review);
- its regimens under new ids (the dosing data is unchanged: the engine must still read it).

Deterministic (seeded): the same ``copies`` gives the same content, so runs compare.
"""

from __future__ import annotations

import dataclasses
import random
import re
from collections.abc import Callable
from pathlib import Path

from desktop.core.regimen import Bilingual
from desktop.data.build import write_database
from desktop.data.content import Content, load_content
from desktop.data.models import Statement, Synonyms, Therapy, category_rank

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "db" / "content"
_WORD = re.compile(r"[^\W\d_]{4,}")
_SYLLABLE = re.compile(
    r"[^aeiouyéèàâêîôû\W\d_]*[aeiouyéèàâêîôû]+[^aeiouyéèàâêîôû\W\d_]*", re.IGNORECASE
)


class _Mixer:
    """Deterministic rewriting of names and texts from the content's own words."""

    def __init__(self, content: Content, seed: int) -> None:
        self.rng = random.Random(seed)
        self.syllables: list[str] = []
        self.words: dict[str, list[str]] = {"fr": [], "en": []}
        for t in content.therapies:
            for name in (t.name.fr, t.name.en, *t.synonyms.fr, *t.synonyms.en):
                self.syllables += [s.lower() for s in _SYLLABLE.findall(name)]
            for _kind, st in t.statements():
                for lang in ("fr", "en"):
                    self.words[lang] += _WORD.findall(st.text.get(lang))
        self.texts = content.therapies

    def name(self) -> str:
        parts = self.rng.randint(2, 4)
        return "".join(self.rng.choice(self.syllables) for _ in range(parts)).capitalize()

    def text(self, source: str, lang: str) -> str:
        words = self.words[lang]

        def swap(m: re.Match[str]) -> str:
            return self.rng.choice(words) if self.rng.random() < 0.2 else m.group()

        return _WORD.sub(swap, source)

    def bilingual(self, source: Bilingual) -> Bilingual:
        return Bilingual(self.text(source.fr, "fr"), self.text(source.en, "en"))

    def statement(self, st: Statement) -> Statement:
        return dataclasses.replace(st, text=self.bilingual(st.text))

    def optional(self, text: Bilingual | None) -> Bilingual | None:
        return None if text is None else self.bilingual(text)


def _variant(
    t: Therapy, donor: Therapy, k: int, mix: _Mixer, regimen_sources: dict[str, object]
) -> Therapy:
    suffix = f"-v{k}"
    name = mix.name()
    # French and English names differ as they do in the review (an accent, an ending).
    names = Bilingual(name + mix.rng.choice(("e", "", "ine", "ate")), name)
    synonyms = Synonyms(
        tuple(mix.name() for _ in t.synonyms.fr), tuple(mix.name() for _ in t.synonyms.en)
    )
    regimens = []
    for r in t.regimens:
        rid = r.id + suffix
        regimens.append(dataclasses.replace(r, id=rid, therapy_id=t.id + suffix))
        regimen_sources[rid] = {**regimen_sources[r.id], "id": rid}  # type: ignore[dict-item]
    statements: dict[str, tuple[Statement, ...]] = {}
    for kind in ("adverse_effects", "cautions", "monitoring", "patient_advice", "instructions"):
        statements[kind] = tuple(mix.statement(s) for s in getattr(donor, kind))
    evidence = tuple(
        dataclasses.replace(
            e,
            study=mix.bilingual(e.study),
            population=mix.bilingual(e.population),
            outcome=mix.bilingual(e.outcome),
            intervention=mix.optional(e.intervention),
            follow_up=mix.optional(e.follow_up),
        )
        for e in donor.evidence
    )
    return dataclasses.replace(
        t,
        id=t.id + suffix,
        order=t.order + k * 10_000,
        name=names,
        synonyms=synonyms,
        summary=mix.statement(donor.summary),
        mechanism=None if donor.mechanism is None else mix.statement(donor.mechanism),
        regimens=tuple(regimens),
        evidence=evidence,
        **statements,
    )


def scaled(content: Content, copies: int, seed: int = 13) -> Content:
    """The content with ``copies`` variants of every record (the first is the real one)."""
    if copies <= 1:
        return content
    mix = _Mixer(content, seed)
    regimen_sources: dict[str, object] = dict(content.regimen_sources)
    therapies = list(content.therapies)
    for k in range(1, copies):
        for t in content.therapies:
            donor = mix.rng.choice(content.therapies)
            therapies.append(_variant(t, donor, k, mix, regimen_sources))
    therapies.sort(key=lambda t: (category_rank(t.category), t.order))
    # Other content under its own version: a released version never names other content.
    meta = dataclasses.replace(
        content.meta, content_version=f"{content.meta.content_version}-x{copies}"
    )
    return dataclasses.replace(
        content, therapies=tuple(therapies), meta=meta, regimen_sources=regimen_sources
    )  # type: ignore[arg-type]


def build_scaled(copies: int, out: Path, loader: Callable[[Path], Content] = load_content) -> Path:
    """Write the database of ``copies``× the content to ``out`` (a benchmark's temp folder)."""
    write_database(scaled(loader(CONTENT), copies), out)
    return out
