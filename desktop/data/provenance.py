"""Where the knowledge base's content comes from: which content a database holds, and the sources
its records cite. Apart from ``desktop.data.models`` (which re-exports both) so that opening the
database and citing a plan check's sources, all ``calx dose`` needs of it, do not define the
record types of the therapy pages."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Reference:
    """A citation a record may cite (``_references.toml``) and how far it was checked."""

    id: str
    short: str
    citation: str
    verification: str  # verified | secondary | unverified
    doi: str | None = None
    note: str | None = None
    review: bool = False  # the source review itself
    convention: bool = False  # a product decision of Calx, not a clinical source


@dataclass(frozen=True)
class DbMetadata:
    """Which content a reference database was built from."""

    schema_version: int
    content_version: str  # "2026.11.0", bumped by hand in db/content/_meta.toml
    content_date: str  # ISO date
    content_hash: str  # sha256 hex of the stored content (desktop.data.build)
