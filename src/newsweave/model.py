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


# --- reading (read/): what each article says. Offsets index into Article.text. ---------------


@dataclass(frozen=True, slots=True)
class Entity:
    """A named person, organisation, place, nationality or event.

    Args:
        text: the mention as written.
        label: PERSON, ORG, GPE, LOC, NORP, EVENT, FAC (spaCy labels, repaired).
        canonical: the canonical name ("Vladimir Putin" for "Putin", "the Russian President").
        start, end: character offsets into the article text.
        role: a role the article gives the entity ("President", "Kremlin spokesperson").
        kind: for metonymy, what the mention stands for ("government" for "Kyiv agreed").
    """

    text: str
    label: str
    canonical: str
    start: int
    end: int
    role: str | None = None
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """Something attributed to a speaker: direct ("..."), partial, or indirect (said that ...)."""

    text: str
    speaker: str | None  # canonical name, or None when unresolved
    speaker_text: str | None  # the mention as written ("he", "the Chief of Staff")
    cue: str | None  # the cue verb or phrase ("said", "according to", "told reporters")
    direct: bool
    start: int
    end: int
    partial: bool = False


@dataclass(frozen=True, slots=True)
class Number:
    """A numeric claim: value normalised, unit, what is counted, who claims it."""

    value: float
    unit: str | None  # "%", "km²", "people", "days", "USD", ...
    counts: str | None  # the head noun counted: "soldiers", "settlements", "territory"
    text: str
    start: int
    end: int
    qualifier: str | None = None  # "more than", "about", "at least", "up to"
    claimed_by: str | None = None  # canonical speaker when inside a quote or attribution


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time expression, resolved against an anchor when one exists (never guessed)."""

    text: str
    start: int
    end: int
    resolved: str | None  # ISO date (or "YYYY-MM" / "YYYY-Www") or None
    anchor: str | None  # the date it was resolved against ("published 2025-03-12")


@dataclass(frozen=True, slots=True)
class Reading:
    """Everything the read stage found in one article."""

    article_id: str
    sentences: tuple[tuple[int, int], ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    numbers: tuple[Number, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    notes: tuple[str, ...] = ()  # e.g. "language de: English-only steps skipped"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Reading:
        return cls(
            article_id=d["article_id"],
            sentences=tuple(tuple(s) for s in d.get("sentences", ())),
            entities=tuple(Entity(**e) for e in d.get("entities", ())),
            quotes=tuple(Quote(**q) for q in d.get("quotes", ())),
            numbers=tuple(Number(**n) for n in d.get("numbers", ())),
            times=tuple(TimeExpr(**t) for t in d.get("times", ())),
            notes=tuple(d.get("notes", ())),
        )
