"""What changed between two reference databases, therapy by therapy, doses and safety rules first.

``diff(old, new)`` compares two open databases row by row (the tables of ``desktop.data.schema``)
and returns a ``ContentDiff``: the plan-check rules and medication list (safety) first, then one
entry per therapy whose records changed (therapies with a dose change first; inside each, dose
changes, then statements, regimens and studies), then products and references. A regimen change
is a *dose* change when anything the calculation or the schedule reads changed (dose, schedule,
concentration, product, route, renal caution, drug); its label, notes or source alone make it a
*regimen* change. ``as_document`` gives it as data (``calx content diff --json``); ``lines`` as
text in French or English (the window, ``calx content diff``, a reopened plan).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

DOSE_KEYS = frozenset(
    {
        "dose",
        "schedule",
        "concentration",
        "product",
        "route",
        "renal_caution",
        "drug",
        "schedule_source",
    }
)
SECTIONS = (
    "dose",
    "safety_rule",
    "medication",
    "therapy",
    "statement",
    "regimen",
    "study",
    "product",
    "reference",
)


@dataclass(frozen=True)
class Change:
    """One difference between two releases: a record added, changed or removed."""

    section: str  # one of SECTIONS
    action: str  # added | changed | removed
    item: str  # id, code, "kind #n" or the study's name
    therapy: str | None = None
    fields: tuple[str, ...] = ()  # for "changed": what differs
    before: Mapping[str, str] | None = None  # {"fr", "en"} text, when there is one
    after: Mapping[str, str] | None = None


@dataclass(frozen=True)
class TherapyChanges:
    """The changes of one therapy record, under its name."""

    id: str
    name: Mapping[str, str]
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class ContentDiff:
    """What a new release changes, safety rules first (shown before it is installed)."""

    old: Mapping[str, str]
    new: Mapping[str, str]
    safety: tuple[Change, ...] = ()
    therapies: tuple[TherapyChanges, ...] = ()
    products: tuple[Change, ...] = ()
    references: tuple[Change, ...] = ()
    changelog: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.safety or self.therapies or self.products or self.references)

    def touching(self, therapy_ids: Iterable[str], regimen_ids: Iterable[str]) -> ContentDiff:
        """Only what touches a plan: its therapies' changes and every safety change."""
        wanted = set(therapy_ids)
        regimens = set(regimen_ids)
        kept = tuple(
            t
            for t in self.therapies
            if t.id in wanted or any(c.item in regimens for c in t.changes)
        )
        return ContentDiff(self.old, self.new, self.safety, kept, (), (), self.changelog)


def _rows(conn: sqlite3.Connection, sql: str) -> list[dict[str, Any]]:
    cursor = conn.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _bi(row: Mapping[str, Any], prefix: str) -> dict[str, str]:
    return {"fr": str(row[f"{prefix}_fr"] or ""), "en": str(row[f"{prefix}_en"] or "")}


def _compare(old: Mapping[Any, Any], new: Mapping[Any, Any]) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = [("removed", k) for k in old if k not in new]
    out += [("changed", k) for k in new if k in old and old[k] != new[k]]
    out += [("added", k) for k in new if k not in old]
    return out


def _json_fields(before: str, after: str) -> tuple[str, ...]:
    a, b = json.loads(before), json.loads(after)
    return tuple(sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k)))


def _label(data: str) -> dict[str, str] | None:
    value = json.loads(data)
    for key in ("label", "name", "message", "title"):
        text = value.get(key)
        if isinstance(text, dict) and "en" in text:
            return {"fr": str(text.get("fr", "")), "en": str(text["en"])}
    return None


def _notes(data: str) -> dict[str, str] | None:
    value = json.loads(data).get("notes")
    return (
        {"fr": str(value.get("fr", "")), "en": str(value.get("en", ""))}
        if isinstance(value, dict)
        else None
    )


def diff(old: sqlite3.Connection, new: sqlite3.Connection, changelog: str = "") -> ContentDiff:
    """Every change from ``old`` to ``new`` (two reference databases, already verified)."""
    meta = [
        {r["key"]: r["value"] for r in _rows(c, "SELECT key, value FROM metadata")}
        for c in (old, new)
    ]
    info = [
        {
            "version": m.get("content_version", ""),
            "date": m.get("content_date", ""),
            "hash": m.get("content_hash", ""),
        }
        for m in meta
    ]
    per: dict[str, list[Change]] = {}
    fields: tuple[str, ...]

    # Therapies themselves (added or removed records).
    tables = [{r["id"]: r for r in _rows(c, "SELECT * FROM therapies")} for c in (old, new)]
    names = {
        **{k: _bi(v, "name") for k, v in tables[0].items()},
        **{k: _bi(v, "name") for k, v in tables[1].items()},
    }
    order = {
        **{k: v["position"] for k, v in tables[0].items()},
        **{k: v["position"] for k, v in tables[1].items()},
    }
    for action, key in _compare(*[{k: tuple(v.values()) for k, v in t.items()} for t in tables]):
        fields = (
            ()
            if action != "changed"
            else tuple(c for c in tables[0][key] if tables[0][key][c] != tables[1][key][c])
        )
        per.setdefault(key, []).append(Change("therapy", action, key, key, fields))

    # Statements, by therapy, kind and position.
    sts = [
        {
            (r["therapy_id"], r["kind"], r["position"]): r
            for r in _rows(c, "SELECT * FROM statements")
        }
        for c in (old, new)
    ]
    for action, key in _compare(*[{k: tuple(v.values()) for k, v in s.items()} for s in sts]):
        before = _bi(sts[0][key], "text") if key in sts[0] else None
        after = _bi(sts[1][key], "text") if key in sts[1] else None
        fields = (
            ()
            if action != "changed"
            else tuple(c for c in sts[0][key] if sts[0][key][c] != sts[1][key][c])
        )
        per.setdefault(key[0], []).append(
            Change("statement", action, f"{key[1]} #{key[2] + 1}", key[0], fields, before, after)
        )

    # Regimens: a dose change when the calculation reads what changed.
    regs = [{r["id"]: r for r in _rows(c, "SELECT * FROM regimens")} for c in (old, new)]
    for action, key in _compare(*[{k: r["data"] for k, r in g.items()} for g in regs]):
        row = regs[1].get(key) or regs[0][key]
        fields = ()
        section = "dose" if action != "changed" else "regimen"
        before = _label(regs[0][key]["data"]) if key in regs[0] else None
        after = _label(regs[1][key]["data"]) if key in regs[1] else None
        if action == "changed":
            fields = _json_fields(regs[0][key]["data"], regs[1][key]["data"])
            if DOSE_KEYS & set(fields):
                section = "dose"
            elif fields == ("notes",):
                before, after = _notes(regs[0][key]["data"]), _notes(regs[1][key]["data"])
        per.setdefault(row["therapy_id"], []).append(
            Change(section, action, key, row["therapy_id"], fields, before, after)
        )

    # Studies, by therapy and study name.
    evs = [
        {(r["therapy_id"], r["study_en"]): r for r in _rows(c, "SELECT * FROM evidence")}
        for c in (old, new)
    ]
    for action, key in _compare(
        *[{k: tuple(v[c] for c in v if c != "position") for k, v in e.items()} for e in evs]
    ):
        row = evs[1].get(key) or evs[0][key]
        fields = (
            ()
            if action != "changed"
            else tuple(
                c for c in evs[0][key] if c != "position" and evs[0][key][c] != evs[1][key][c]
            )
        )
        per.setdefault(key[0], []).append(
            Change(
                "study",
                action,
                key[1],
                key[0],
                fields,
                _bi(evs[0][key], "study") if key in evs[0] else None,
                _bi(row, "study") if key in evs[1] else None,
            )
        )

    safety = _keyed(old, new, "SELECT code AS id, data FROM safety_rules", "safety_rule")
    safety += _keyed(old, new, "SELECT id, data FROM medications", "medication")
    products = _keyed(old, new, "SELECT id, data, name_fr, name_en FROM products", "product")
    refs = [{r["id"]: r for r in _rows(c, "SELECT * FROM refs")} for c in (old, new)]
    references = []
    for action, key in _compare(
        *[{k: tuple(v[c] for c in v if c != "position") for k, v in r.items()} for r in refs]
    ):
        row = refs[1].get(key) or refs[0][key]
        fields = (
            ()
            if action != "changed"
            else tuple(
                c for c in refs[0][key] if c != "position" and refs[0][key][c] != refs[1][key][c]
            )
        )
        text = {"fr": row["short"], "en": row["short"]}
        references.append(Change("reference", action, key, None, fields, text, text))

    rank = {s: i for i, s in enumerate(SECTIONS)}
    therapies = []
    for therapy_id, changes in per.items():
        changes.sort(key=lambda c: rank[c.section])
        therapies.append(
            TherapyChanges(
                therapy_id,
                names.get(therapy_id, {"fr": therapy_id, "en": therapy_id}),
                tuple(changes),
            )
        )
    therapies.sort(
        key=lambda t: (not any(c.section == "dose" for c in t.changes), order.get(t.id, 0))
    )
    return ContentDiff(
        info[0],
        info[1],
        tuple(safety),
        tuple(therapies),
        tuple(products),
        tuple(references),
        changelog,
    )


def _keyed(
    old: sqlite3.Connection, new: sqlite3.Connection, sql: str, section: str
) -> list[Change]:
    rows = [{r["id"]: r for r in _rows(c, sql)} for c in (old, new)]
    out = []
    for action, key in _compare(*[{k: r["data"] for k, r in g.items()} for g in rows]):
        fields = (
            _json_fields(rows[0][key]["data"], rows[1][key]["data"]) if action == "changed" else ()
        )
        out.append(
            Change(
                section,
                action,
                key,
                None,
                fields,
                _label(rows[0][key]["data"]) if key in rows[0] else None,
                _label(rows[1][key]["data"]) if key in rows[1] else None,
            )
        )
    return out


# ------------------------------------------------------------------------------- output


def _change_document(c: Change, lang: str) -> dict[str, Any]:
    return {
        "section": c.section,
        "action": c.action,
        "item": c.item,
        "therapy": c.therapy,
        "fields": list(c.fields),
        "before": c.before.get(lang) if c.before else None,
        "after": c.after.get(lang) if c.after else None,
    }


def as_document(d: ContentDiff, lang: str = "en") -> dict[str, Any]:
    return {
        "from": dict(d.old),
        "to": dict(d.new),
        "changelog": d.changelog,
        "safety": [_change_document(c, lang) for c in d.safety],
        "therapies": [
            {
                "id": t.id,
                "name": t.name.get(lang, t.id),
                "changes": [_change_document(c, lang) for c in t.changes],
            }
            for t in d.therapies
        ],
        "products": [_change_document(c, lang) for c in d.products],
        "references": [_change_document(c, lang) for c in d.references],
    }


def _short(text: str, limit: int = 2000) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# French agrees the participle with the noun: "Étude ajoutée", "Schéma ajouté"; the catalogue
# has the action's words for a feminine noun under diff_<action>_f.
_FEMININE = frozenset({"dose", "safety_rule", "medication", "therapy", "study", "reference"})


def _line(c: Change, lang: str) -> list[str]:
    from desktop.core.formatting import colon as colon_of
    from desktop.core.words import word

    colon = colon_of(lang, " ")
    action = word(f"diff_{c.action}" + ("_f" if c.section in _FEMININE else ""), lang)
    head = f"{word(f'diff_{c.section}', lang)} {action}{colon}{c.item}"
    if c.fields:
        head += f" ({word('diff_fields', lang)}{colon}{', '.join(c.fields)})"
    lines = [head]
    if c.action == "changed" and c.before and c.after and c.before != c.after:
        lines += [
            f"    − {_short(c.before.get(lang, ''))}",
            f"    + {_short(c.after.get(lang, ''))}",
        ]
    elif c.action == "added" and c.after:
        lines.append(f"    + {_short(c.after.get(lang, ''))}")
    elif c.action == "removed" and c.before:
        lines.append(f"    − {_short(c.before.get(lang, ''))}")
    return lines


def lines(d: ContentDiff, lang: str = "en") -> list[str]:
    """The diff as text: the versions, safety first, therapy by therapy, then the changelog."""
    from desktop.core.words import word

    out = [
        f"{word('diff_from', lang)} {d.old.get('version', '?')} ({d.old.get('date', '')}) "
        f"{word('diff_to', lang)} {d.new.get('version', '?')} ({d.new.get('date', '')})"
    ]
    if d.empty:
        out.append(word("diff_nothing", lang))
    if d.safety:
        out += ["", word("diff_safety", lang)]
        out += [f"  {line}" for c in d.safety for line in _line(c, lang)]
    for t in d.therapies:
        out += ["", f"{t.name.get(lang, t.id)} ({t.id})"]
        out += [f"  {line}" for c in t.changes for line in _line(c, lang)]
    for title, changes in (("diff_products", d.products), ("diff_references", d.references)):
        if changes:
            out += ["", word(title, lang)]
            out += [f"  {line}" for c in changes for line in _line(c, lang)]
    if d.changelog.strip():
        out += [
            "",
            word("diff_changelog", lang),
            *[f"  {x}" for x in d.changelog.strip().splitlines()],
        ]
    return out
