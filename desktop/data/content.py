"""Read and validate the reviewable content (``db/content/``) into ``models``.

``load_content(directory)`` reads ``_meta.toml``, ``_references.toml``, ``_products.toml`` and every
``<id>.toml`` record, and either returns a ``Content`` or raises ``ContentValidationError`` listing
*every* problem found, each naming the file and the field path (``rituximab.toml:
regimens[0].dose.unit: unknown unit 'mg/kg'``). A clinician fixing a record sees all of it at once.

Regimens and products go through ``desktop.core.regimen`` (``regimen_from_dict``,
``product_from_dict``): the same parsers the database reader uses, so what the build accepts is
exactly what the dosing engine can read. On top of them this module refuses what those parsers let
pass: unknown keys (a typo such as ``coruses`` must not be silently ignored), schedule fields the
pattern does not use, duplicate ids and orders, bad vocabularies, control characters in text.
"""

from __future__ import annotations

import datetime as _dt
import re
import tomllib
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from desktop.core.regimen import (
    DRUG_ROUTES,
    SCHEDULE_DURATIONS,
    SLUG,
    Bilingual,
    ContentError,
    DoseSpec,
    Product,
    Regimen,
    Source,
    Vial,
    bilingual_from,
    product_from_dict,
    regimen_from_dict,
    source_from,
)
from desktop.core.safety import (
    Medication,
    SafetyContent,
    SafetyRule,
    medication_from_dict,
    rule_from_dict,
)
from desktop.core.schedule import PATTERNS
from desktop.core.words import LANGUAGES
from desktop.data.models import (
    CATEGORIES,
    DESIGNS,
    DIRECTIONS,
    STATEMENT_KINDS,
    Evidence,
    Reference,
    Statement,
    Synonyms,
    Therapy,
    category_rank,
)

META_FILE = "_meta.toml"
REFERENCES_FILE = "_references.toml"
PRODUCTS_FILE = "_products.toml"
SAFETY_DIR = "safety"
MEDICATIONS_FILE = "_medications.toml"

VERSION_PATTERN = re.compile(r"\d{4}\.\d{1,2}\.\d+")

# ---------------------------------------------------------------- the keys each table may hold


def _fields_of(cls: type, but: tuple[str, ...] = ()) -> frozenset[str]:
    """The keys a content table may hold: the fields of the dataclass it is read into."""
    return frozenset(f.name for f in fields(cls)) - set(but)


_TEXT = frozenset(LANGUAGES)  # a text table holds one key per language
_STATEMENT = _TEXT | {"source"}  # a Statement's text, flattened, and its source
_SOURCE = _fields_of(Source)
_RANGE = frozenset({"min", "max"})
_AMOUNT = frozenset({"min", "max", "options"})
_META = frozenset({"content_version", "content_date"})
_REFERENCE = _fields_of(Reference, but=("id",))  # the id is the table's key
_PRODUCT = _fields_of(Product)
_VIAL = _fields_of(Vial)
_THERAPY = _fields_of(Therapy)
_REGIMEN = _fields_of(Regimen, but=("therapy_id",))  # the record it stands in
_DOSE = _fields_of(DoseSpec)
_EVIDENCE = _fields_of(Evidence)


# ---------------------------------------------------------------- results and problems


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content: the file, the field path inside it, what is wrong."""

    file: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.message}"


class ContentValidationError(ValueError):
    """The content cannot be built. ``problems`` lists every problem found, in file order."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in the content:\n{lines}")


@dataclass(frozen=True)
class ContentMeta:
    """The content's version and date (``db/content/_meta.toml``)."""

    content_version: str
    content_date: str


@dataclass(frozen=True)
class Content:
    """Everything in ``db/content/``, validated. Therapies are in review order (category, order).

    ``regimen_sources`` and ``product_sources`` keep each regimen's and product's table exactly as
    written, so the database can store it and ``regimen_from_dict`` rebuild the same object.
    """

    meta: ContentMeta
    references: tuple[Reference, ...]
    products: tuple[Product, ...]
    therapies: tuple[Therapy, ...]
    regimen_sources: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    product_sources: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    safety: SafetyContent = field(default_factory=SafetyContent)
    notes: tuple[str, ...] = ()  # what the build says but does not refuse


class _Collector:
    """Gathers problems for one file so that one bad field does not hide the next."""

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems

    def add(self, field_path: str, message: str) -> None:
        self.problems.append(Problem(self.file, field_path or "(file)", message))

    def error(self, err: ContentError) -> None:
        self.add(err.field, err.problem)


# ---------------------------------------------------------------- small checks


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _unknown_keys(
    d: Mapping[str, Any], allowed: frozenset[str], path: str, out: _Collector
) -> None:
    for key in d:
        if key not in allowed:
            out.add(
                _join(path, str(key)),
                f"unknown key (expected one of: {', '.join(sorted(allowed))})",
            )


def _walk_strings(value: Any, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, Mapping):
        for k, v in value.items():
            yield from _walk_strings(v, _join(path, str(k)))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _walk_strings(v, f"{path}[{i}]")


def _control_characters(d: Mapping[str, Any], out: _Collector) -> None:
    # Tabs and newlines are harmless; any other control character is invisible in a review diff
    # (and would collide with the search highlight markers).
    for path, text in _walk_strings(d, ""):
        if any(unicodedata.category(ch) == "Cc" and ch not in "\n\t" for ch in text):
            out.add(path, "text contains a control character")


def _table(value: Any, path: str, out: _Collector) -> Mapping[str, Any] | None:
    if not isinstance(value, Mapping):
        out.add(path, "must be a table")
        return None
    return value


def _list_of_tables(
    d: Mapping[str, Any], key: str, path: str, out: _Collector
) -> list[Mapping[str, Any]]:
    value = d.get(key, [])
    if not isinstance(value, list):
        out.add(_join(path, key), "must be a list of tables ([[...]])")
        return []
    items = []
    for i, item in enumerate(value):
        if isinstance(item, Mapping):
            items.append(item)
        else:
            out.add(f"{_join(path, key)}[{i}]", "must be a table")
            items.append({})
    return items


def _bool(d: Mapping[str, Any], key: str, out: _Collector, default: bool | None = None) -> bool:
    if key not in d:
        if default is None:
            out.add(key, "is missing (true or false)")
            return False
        return default
    if not isinstance(d[key], bool):
        out.add(key, "must be true or false")
        return False
    return bool(d[key])


def _enum(value: Any, allowed: Sequence[str], path: str, out: _Collector) -> str:
    if value is None:
        out.add(path, f"is missing (one of: {', '.join(allowed)})")
        return ""
    if value not in allowed:
        out.add(path, f"{value!r} is not one of: {', '.join(allowed)}")
        return ""
    return str(value)


def _text(
    d: Mapping[str, Any], key: str, path: str, out: _Collector, required: bool = True
) -> Bilingual | None:
    full = _join(path, key)
    if key not in d:
        if required:
            out.add(full, "is missing (a table with 'fr' and 'en')")
        return None
    table = d[key]
    if isinstance(table, Mapping):
        _unknown_keys(table, _TEXT, full, out)
    try:
        return bilingual_from(table, full)
    except ContentError as err:
        out.error(err)
        return None


def _source(value: Any, path: str, refs: Sequence[str], out: _Collector) -> Source | None:
    if isinstance(value, Mapping):
        _unknown_keys(value, _SOURCE, path, out)
    try:
        return source_from(value, path, refs)
    except ContentError as err:
        out.error(err)
        return None


def _statement(d: Any, path: str, refs: Sequence[str], out: _Collector) -> Statement | None:
    table = _table(d, path, out)
    if table is None:
        return None
    _unknown_keys(table, _STATEMENT, path, out)
    try:
        text = bilingual_from(table, path)
    except ContentError as err:
        out.error(err)
        text = None
    source = _source(table.get("source"), f"{path}.source", refs, out)
    if text is None or source is None:
        return None
    return Statement(text, source)


# ---------------------------------------------------------------- meta, references, products


def _read_toml(path: Path, problems: list[Problem]) -> dict[str, Any] | None:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        problems.append(Problem(str(path), "(file)", "file is missing"))
    except tomllib.TOMLDecodeError as err:
        problems.append(Problem(str(path), "(file)", f"not valid TOML: {err}"))
    except (OSError, UnicodeDecodeError) as err:
        problems.append(Problem(str(path), "(file)", f"cannot be read: {err}"))
    return None


def _load_meta(path: Path, problems: list[Problem]) -> ContentMeta:
    out = _Collector(str(path), problems)
    d = _read_toml(path, problems) or {}
    _unknown_keys(d, _META, "", out)
    version = d.get("content_version")
    if not isinstance(version, str) or not VERSION_PATTERN.fullmatch(version):
        out.add("content_version", 'must be text like "2026.11.0" (year.month.revision)')
        version = ""
    date = d.get("content_date")
    if isinstance(date, _dt.date) and not isinstance(date, _dt.datetime):
        date = date.isoformat()  # TOML reads a bare 2026-11-28 as a date
    if not _is_iso_date(date):
        out.add("content_date", 'must be a date like "2026-11-28"')
        date = ""
    return ContentMeta(content_version=version, content_date=str(date))


def _is_iso_date(value: Any) -> bool:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        _dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _load_references(path: Path, problems: list[Problem]) -> tuple[Reference, ...]:
    out = _Collector(str(path), problems)
    d = _read_toml(path, problems) or {}
    found = []
    for rid, entry in d.items():
        if not SLUG.fullmatch(rid):
            out.add(rid, "reference id must be a slug like 'valenzuela-2016'")
        table = _table(entry, rid, out)
        if table is None:
            continue
        _unknown_keys(table, _REFERENCE, rid, out)
        _control_characters({rid: table}, out)
        texts: dict[str, str | None] = {}
        for key, required in (("short", True), ("citation", True), ("doi", False), ("note", False)):
            value = table.get(key)
            if value is None and not required:
                texts[key] = None
            elif not isinstance(value, str) or not value.strip():
                out.add(f"{rid}.{key}", "is missing" if value is None else "must be text")
                texts[key] = ""
            else:
                texts[key] = value.strip()
        verification = _enum(
            table.get("verification"),
            ("verified", "secondary", "unverified"),
            f"{rid}.verification",
            out,
        )
        flags = {}
        for key in ("review", "convention"):
            value = table.get(key, False)
            if not isinstance(value, bool):
                out.add(f"{rid}.{key}", "must be true or false")
                value = False
            flags[key] = value
        found.append(
            Reference(
                id=rid,
                short=texts["short"] or "",
                citation=texts["citation"] or "",
                verification=verification,
                doi=texts["doi"],
                note=texts["note"],
                review=flags["review"],
                convention=flags["convention"],
            )
        )
    return tuple(found)


def _load_products(
    path: Path,
    refs: Sequence[str],
    problems: list[Problem],
) -> tuple[tuple[Product, ...], dict[str, Mapping[str, Any]]]:
    out = _Collector(str(path), problems)
    d = _read_toml(path, problems) or {}
    _unknown_keys(d, frozenset({"products"}), "", out)
    products: list[Product] = []
    sources: dict[str, Mapping[str, Any]] = {}
    for i, entry in enumerate(_list_of_tables(d, "products", "", out)):
        p = f"products[{i}]"
        _unknown_keys(entry, _PRODUCT, p, out)
        _control_characters({p: entry}, out)
        for key in ("name", "form", "dose_step_note", "notes"):
            if isinstance(entry.get(key), Mapping):
                _unknown_keys(entry[key], _TEXT, f"{p}.{key}", out)
        for j, vial in enumerate(
            entry.get("vials", ()) if isinstance(entry.get("vials"), list) else ()
        ):
            if isinstance(vial, Mapping):
                _unknown_keys(vial, _VIAL, f"{p}.vials[{j}]", out)
        if isinstance(entry.get("final_concentration_mg_ml"), Mapping):
            _unknown_keys(
                entry["final_concentration_mg_ml"], _RANGE, f"{p}.final_concentration_mg_ml", out
            )
        if isinstance(entry.get("source"), Mapping):
            _unknown_keys(entry["source"], _SOURCE, f"{p}.source", out)
        try:
            product = product_from_source(entry, p, refs)
        except ContentError as err:
            out.error(err)
            continue
        if not SLUG.fullmatch(product.id):
            out.add(f"{p}.id", f"{product.id!r} must be a slug like 'rituximab-concentrate'")
        if product.id in sources:
            out.add(f"{p}.id", f"duplicate product id {product.id!r}")
            continue
        products.append(product)
        sources[product.id] = entry
    return tuple(products), sources


def product_from_source(
    d: Mapping[str, Any], path: str = "products", known_refs: Sequence[str] | None = None
) -> Product:
    """``product_from_dict``, refusing unknown keys in the product's further ``sources``."""
    extra = d.get("sources", [])
    for j, s in enumerate(extra if isinstance(extra, list) else []):
        if isinstance(s, Mapping):
            unknown = sorted(set(s) - _SOURCE)
            if unknown:
                raise ContentError(f"{path}.sources[{j}].{unknown[0]}", "unknown key")
    return product_from_dict(d, path, known_refs)


# ---------------------------------------------------------------- one therapy record


def _check_regimen_keys(d: Mapping[str, Any], path: str, out: _Collector) -> None:
    _unknown_keys(d, _REGIMEN, path, out)
    for key in ("label", "renal_caution", "notes"):
        if isinstance(d.get(key), Mapping):
            _unknown_keys(d[key], _TEXT, f"{path}.{key}", out)
    for key in ("source", "schedule_source"):
        if isinstance(d.get(key), Mapping):
            _unknown_keys(d[key], _SOURCE, f"{path}.{key}", out)
    if isinstance(d.get("dose"), Mapping):
        _check_dose_keys(d["dose"], f"{path}.dose", out)
    if isinstance(d.get("schedule"), Mapping):
        _check_schedule_keys(d["schedule"], f"{path}.schedule", out)


def _check_dose_keys(dose: Mapping[str, Any], path: str, out: _Collector) -> None:
    _unknown_keys(dose, _DOSE, path, out)
    amount = dose.get("amount")
    if isinstance(amount, Mapping):
        _unknown_keys(amount, _AMOUNT, f"{path}.amount", out)
        if "options" in amount and ("min" in amount or "max" in amount):
            out.add(f"{path}.amount", "options cannot be combined with min/max")


def _check_schedule_keys(schedule: Mapping[str, Any], path: str, out: _Collector) -> None:
    """A field the pattern does not use would be ignored by the schedule engine: it is refused
    rather than silently dropped (each pattern's fields: ``desktop.core.schedule.PATTERNS``)."""
    pattern = PATTERNS.get(schedule.get("pattern"))  # type: ignore[arg-type]
    if pattern is not None:
        for key in schedule:
            if key not in pattern.uses | {"pattern"}:
                out.add(
                    f"{path}.{key}",
                    f"is not used by pattern {pattern.name!r} (it uses: "
                    f"{', '.join(sorted(pattern.uses)) or 'nothing else'})",
                )
    for key in SCHEDULE_DURATIONS:
        if isinstance(schedule.get(key), Mapping):
            _unknown_keys(schedule[key], _RANGE, f"{path}.{key}", out)


def _check_evidence(
    d: Mapping[str, Any], path: str, refs: Sequence[str], out: _Collector
) -> Evidence | None:
    _unknown_keys(d, _EVIDENCE, path, out)
    texts = {
        key: _text(d, key, path, out, required=key in ("study", "population", "outcome"))
        for key in ("study", "population", "intervention", "outcome", "follow_up")
    }
    design = _enum(d.get("design"), tuple(DESIGNS), f"{path}.design", out)
    direction = _enum(d.get("direction"), tuple(DIRECTIONS), f"{path}.direction", out)
    patients = d.get("patients")
    if patients is not None and (
        isinstance(patients, bool) or not isinstance(patients, int) or patients < 1
    ):
        out.add(f"{path}.patients", "must be a whole number of at least 1 (omit when unknown)")
        patients = None
    source = _source(d.get("source"), f"{path}.source", refs, out)
    study, population, outcome = texts["study"], texts["population"], texts["outcome"]
    if not (study and population and outcome and design and direction and source):
        return None
    return Evidence(
        study=study,
        design=design,
        population=population,
        outcome=outcome,
        direction=direction,
        source=source,
        patients=patients,
        intervention=texts["intervention"],
        follow_up=texts["follow_up"],
    )


def _synonyms(d: Mapping[str, Any], out: _Collector) -> Synonyms:
    value = d.get("synonyms")
    if value is None:
        return Synonyms()
    if not isinstance(value, Mapping):
        out.add("synonyms", "must be a table { fr = [...], en = [...] }")
        return Synonyms()
    _unknown_keys(value, _TEXT, "synonyms", out)
    lists: dict[str, tuple[str, ...]] = {}
    for lang in LANGUAGES:
        names = value.get(lang)
        if names is None:
            out.add(f"synonyms.{lang}", "translation is missing (write [] if there is none)")
            names = []
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            out.add(f"synonyms.{lang}", "must be a list of non-empty texts")
            names = []
        lists[lang] = tuple(n.strip() for n in names)
    return Synonyms(fr=lists["fr"], en=lists["en"])


@dataclass
class _Record:
    """What one file declared, even when invalid: its id and order are checked for duplicates."""

    therapy: Therapy | None = None
    id: str | None = None
    order: int | None = None
    regimen_sources: dict[str, Mapping[str, Any]] = field(default_factory=dict)


def _load_therapy(
    path: Path, refs: Sequence[str], products: Sequence[str], problems: list[Problem]
) -> _Record:
    out = _Collector(str(path), problems)
    before = len(problems)
    d = _read_toml(path, problems)
    if d is None:
        return _Record()
    record = _Record()
    _unknown_keys(d, _THERAPY, "", out)
    _control_characters(d, out)

    tid = _record_id(d, path, record, out)
    category = _enum(d.get("category"), tuple(CATEGORIES), "category", out)
    order = _record_order(d, record, out)
    review_section = _text(d, "review_section", "", out)
    name = _text(d, "name", "", out)
    synonyms = _synonyms(d, out)
    off_label = _bool(d, "off_label", out)
    conflicting = _bool(d, "conflicting_evidence", out)
    level = _enum(d.get("evidence_level"), tuple(DESIGNS), "evidence_level", out)

    summary = None
    if "summary" not in d:
        out.add("summary", "is missing (one line for the overview, with its source)")
    else:
        summary = _statement(d["summary"], "summary", refs, out)
    mechanism = _statement(d["mechanism"], "mechanism", refs, out) if "mechanism" in d else None
    regimens = _regimens(d, tid, refs, products, record.regimen_sources, out)
    evidence = [
        item
        for i, ed in enumerate(_list_of_tables(d, "evidence", "", out))
        if (item := _check_evidence(ed, f"evidence[{i}]", refs, out)) is not None
    ]
    lists = {kind: _statements(d, kind, refs, out) for kind in STATEMENT_KINDS}

    if len(problems) > before or summary is None or name is None or review_section is None:
        return record
    record.therapy = Therapy(
        id=tid,
        category=category,
        order=order,
        review_section=review_section,
        name=name,
        synonyms=synonyms,
        off_label=off_label,
        conflicting_evidence=conflicting,
        evidence_level=level,
        summary=summary,
        mechanism=mechanism,
        regimens=tuple(regimens),
        evidence=tuple(evidence),
        **lists,
    )
    return record


def _record_id(d: Mapping[str, Any], path: Path, record: _Record, out: _Collector) -> str:
    """The record's id, a slug that is the file's name (else the file's name, to go on)."""
    tid = d.get("id")
    if not isinstance(tid, str) or not SLUG.fullmatch(tid):
        out.add(
            "id", f"{tid!r} must be a slug like 'rituximab'" if tid is not None else "is missing"
        )
        return path.stem
    record.id = tid
    if tid != path.stem:
        out.add("id", f"{tid!r} differs from the file name {path.stem!r}")
    return tid


def _record_order(d: Mapping[str, Any], record: _Record, out: _Collector) -> int:
    order = d.get("order")
    if isinstance(order, bool) or not isinstance(order, int) or order < 0:
        out.add("order", "must be a whole number (position in the review)")
        return -1
    record.order = order
    return order


def _regimens(
    d: Mapping[str, Any],
    tid: str,
    refs: Sequence[str],
    products: Sequence[str],
    regimen_sources: dict[str, Mapping[str, Any]],
    out: _Collector,
) -> list[Regimen]:
    """The record's regimens; each one's table is kept in ``regimen_sources`` by its id."""
    regimens: list[Regimen] = []
    for i, rd in enumerate(_list_of_tables(d, "regimens", "", out)):
        rp = f"regimens[{i}]"
        _check_regimen_keys(rd, rp, out)
        try:
            regimen = regimen_from_dict(rd, tid, rp, known_refs=refs, known_products=products)
        except ContentError as err:
            out.error(err)
            # regimen_from_dict stops at its first problem: still report a missing source.
            if "source" not in rd and not err.field.startswith(f"{rp}.source"):
                out.add(f"{rp}.source", "source is missing")
            continue
        if regimen.id in regimen_sources:
            out.add(f"{rp}.id", f"duplicate regimen id {regimen.id!r}")
            continue
        regimens.append(regimen)
        regimen_sources[regimen.id] = rd
    return regimens


def _statements(
    d: Mapping[str, Any], kind: str, refs: Sequence[str], out: _Collector
) -> tuple[Statement, ...]:
    """The statements of one list (``cautions``, ``monitoring``...)."""
    return tuple(
        st
        for i, sd in enumerate(_list_of_tables(d, kind, "", out))
        if (st := _statement(sd, f"{kind}[{i}]", refs, out)) is not None
    )


# ---------------------------------------------------------------- the whole directory


def record_files(directory: Path) -> list[Path]:
    """The therapy records: every ``*.toml`` not starting with ``_``, sorted by name."""
    return sorted(p for p in directory.glob("*.toml") if not p.name.startswith("_"))


def load_content(directory: Path) -> Content:
    """Read and validate ``directory``; raise ``ContentValidationError`` listing every problem."""
    directory = Path(directory)
    problems: list[Problem] = []
    if not directory.is_dir():
        raise ContentValidationError(
            [Problem(str(directory), "(directory)", "content directory not found")]
        )
    meta = _load_meta(directory / META_FILE, problems)
    references = _load_references(directory / REFERENCES_FILE, problems)
    ref_ids = [r.id for r in references]
    products, product_sources = _load_products(directory / PRODUCTS_FILE, ref_ids, problems)
    product_ids = list(product_sources)

    therapies: list[Therapy] = []
    regimen_sources: dict[str, Mapping[str, Any]] = {}
    regimen_files: dict[str, str] = {}
    seen_ids: dict[str, str] = {}
    seen_orders: dict[int, str] = {}
    files = record_files(directory)
    if not files:
        problems.append(Problem(str(directory), "(directory)", "no therapy record (<id>.toml)"))
    for path in files:
        record = _load_therapy(path, ref_ids, product_ids, problems)
        for rid, rd in record.regimen_sources.items():
            if rid in regimen_files:
                problems.append(
                    Problem(
                        str(path),
                        "regimens.id",
                        f"duplicate regimen id {rid!r} (also in {regimen_files[rid]})",
                    )
                )
            else:
                regimen_files[rid] = str(path)
                regimen_sources[rid] = rd
        if record.id is not None:
            if record.id in seen_ids:
                problems.append(
                    Problem(
                        str(path),
                        "id",
                        f"duplicate therapy id {record.id!r} (also in {seen_ids[record.id]})",
                    )
                )
            seen_ids.setdefault(record.id, str(path))
        if record.order is not None:
            if record.order in seen_orders:
                problems.append(
                    Problem(
                        str(path),
                        "order",
                        f"duplicate order {record.order} (also in {seen_orders[record.order]})",
                    )
                )
            seen_orders.setdefault(record.order, str(path))
        if record.therapy is not None:
            therapies.append(record.therapy)

    safety, safety_refs, notes = _load_safety(directory / SAFETY_DIR, ref_ids, problems)
    _check_regimen_drugs(therapies, regimen_files, safety, problems)
    if problems:
        raise ContentValidationError(problems)
    references = references + safety_refs
    therapies.sort(key=lambda t: (category_rank(t.category), t.order, t.id))
    return Content(
        meta=meta,
        references=references,
        products=products,
        therapies=tuple(therapies),
        regimen_sources=regimen_sources,
        product_sources=product_sources,
        safety=safety,
        notes=notes,
    )


# ---------------------------------------------------------------- safety rules (plan check)


def safety_reference_files(folder: Path) -> list[Path]:
    """``_references.toml`` and any ``_references_<topic>.toml`` of the safety folder."""
    return sorted(p for p in folder.glob("_references*.toml"))


def safety_rule_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.toml") if not p.name.startswith("_"))


def _load_medications(path: Path, problems: list[Problem]) -> tuple[Medication, ...]:
    out = _Collector(str(path), problems)
    d = _read_toml(path, problems) or {}
    _unknown_keys(d, frozenset({"medication"}), "", out)
    _control_characters(d, out)
    found: list[Medication] = []
    seen: dict[str, str] = {}
    for i, entry in enumerate(_list_of_tables(d, "medication", "", out)):
        p = f"medication[{i}]"
        try:
            med = medication_from_dict(entry, p)
        except ContentError as err:
            out.error(err)
            continue
        if med.id in seen:
            out.add(f"{p}.id", f"duplicate medication id {med.id!r} (also {seen[med.id]})")
            continue
        seen[med.id] = p
        found.append(med)
    return tuple(found)


def _load_safety(
    folder: Path,
    main_refs: Sequence[str],
    problems: list[Problem],
) -> tuple[SafetyContent, tuple[Reference, ...], tuple[str, ...]]:
    """The medication list, the rules and their references. The folder may be partly filled
    while the rules are written: no folder or no medication list loads no rule (and says so);
    anything present is validated in full."""
    if not folder.is_dir():
        return SafetyContent(), (), (f"{folder}: no safety folder, no plan-check rule loaded",)
    refs: list[Reference] = []
    for path in safety_reference_files(folder):
        before = len(problems)
        loaded = _load_references(path, problems)
        if len(problems) == before:
            refs.extend(loaded)
    known = set(main_refs)
    for r in refs:
        if r.id in known:
            problems.append(
                Problem(
                    str(folder),
                    f"{r.id}",
                    "reference id already used (by ../_references.toml or another references file)",
                )
            )
        known.add(r.id)
    rule_files = safety_rule_files(folder)
    med_path = folder / MEDICATIONS_FILE
    if not med_path.is_file():
        note = (
            f"{med_path}: missing, {len(rule_files)} rule file(s) not loaded"
            if rule_files
            else f"{med_path}: missing, no plan-check rule loaded"
        )
        return SafetyContent(), tuple(refs), (note,)
    medications = _load_medications(med_path, problems)
    by_id = {m.id: m for m in medications}
    rules: list[SafetyRule] = []
    codes: dict[str, str] = {}
    for path in rule_files:
        out = _Collector(str(path), problems)
        d = _read_toml(path, problems) or {}
        _unknown_keys(d, frozenset({"rule"}), "", out)
        _control_characters(d, out)
        for i, entry in enumerate(_list_of_tables(d, "rule", "", out)):
            p = f"rule[{i}]"
            try:
                rule = rule_from_dict(entry, p, sorted(known), by_id)
            except ContentError as err:
                out.error(err)
                continue
            if rule.code in codes:
                out.add(
                    f"{p}.code", f"duplicate rule code {rule.code!r} (also in {codes[rule.code]})"
                )
                continue
            codes[rule.code] = str(path)
            rules.append(rule)
    rules.sort(key=lambda r: r.code)  # one order whatever the files: a deterministic build
    return SafetyContent(medications=medications, rules=tuple(rules)), tuple(refs), ()


def _check_regimen_drugs(
    therapies: Sequence[Therapy],
    regimen_files: Mapping[str, str],
    safety: SafetyContent,
    problems: list[Problem],
) -> None:
    """Every regimen that gives a medication names it, with an id of the medication list."""
    if not safety.medications:
        return  # no list yet (partly filled folder): nothing to check the ids against
    for t in therapies:
        for r in t.regimens:
            where = regimen_files.get(r.id, t.id)
            if r.drug is None:
                if r.route in DRUG_ROUTES:
                    problems.append(
                        Problem(
                            where,
                            f"regimens[{r.id}].drug",
                            "is missing (the medication id it gives)",
                        )
                    )
            elif safety.medication(r.drug) is None:
                problems.append(
                    Problem(where, f"regimens[{r.id}].drug", f"unknown medication id {r.drug!r}")
                )
