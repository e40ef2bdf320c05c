"""Plain data passed between stages. Frozen dataclasses, so stages stay pure functions."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# Where a metadata value came from: json-ld, meta, url, text-line, html, heuristic, input
Provenance = dict[str, str]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input before extraction.

    Args:
        source: the input as given (path, URL, `path#N` for a record of a WARC/JSONL/feed).
        data: the raw bytes (HTML or text); decoding happens in extraction.
        kind: "html" or "text".
        hints: metadata the container already carries (url, title, outlet, authors, published).
    """

    source: str
    data: bytes
    kind: str
    hints: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Article:
    """One extracted article. `text` is the clean main text; offsets elsewhere index into it."""

    id: str
    source: str
    text: str
    url: str | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    title: str | None = None
    published: str | None = None  # ISO 8601 date or datetime, or None when not known
    modified: str | None = None
    captured: str | None = None  # date the page was saved (e.g. a scraped page's date header)
    language: str | None = None
    removed: tuple[str, ...] = ()  # boilerplate lines/blocks dropped from the text
    provenance: Provenance = field(default_factory=dict)
    duplicate_of: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["authors"] = list(self.authors)
        d["removed"] = list(self.removed)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        names = {f for f in cls.__dataclass_fields__}
        kw = {k: v for k, v in d.items() if k in names}
        kw["authors"] = tuple(kw.get("authors") or ())
        kw["removed"] = tuple(kw.get("removed") or ())
        kw["provenance"] = dict(kw.get("provenance") or {})
        return cls(**kw)


@dataclass(frozen=True, slots=True)
class Extraction:
    """What an extractor returns before identity and language are assigned."""

    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    modified: str | None = None
    captured: str | None = None
    removed: tuple[str, ...] = ()
    provenance: Provenance = field(default_factory=dict)
