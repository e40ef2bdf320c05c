"""Plain data passed between stages. Frozen dataclasses, so stages stay pure functions."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields
from typing import Any
from urllib.parse import urlsplit

# Where a metadata value came from: json-ld, meta, url, text-line, html, heuristic, input
Provenance = dict[str, str]

# Values `as_dict` hands back as they are (`copy.deepcopy` would return the same object).
_ATOMS = (str, int, float, bool, type(None))
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def as_dict(obj: Any) -> Any:
    """`dataclasses.asdict`, with the same result (tuples stay tuples, dicts and lists are
    copied, nested dataclasses become dicts) at a fraction of its cost: asdict deep-copies
    every string and looks up every dataclass's fields anew, and the check stage's objects
    made to_dict the largest part of the main process's time after grouping (py-spy).

    Example:
        >>> as_dict(TimeExpr("today", 0, 5, "2025-03-12", "published 2025-03-12"))["resolved"]
        '2025-03-12'
    """
    if isinstance(obj, _ATOMS):
        return obj
    cls = type(obj)
    names = _FIELD_NAMES.get(cls)
    if names is None and hasattr(cls, "__dataclass_fields__"):
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    if names is not None:
        return {n: as_dict(getattr(obj, n)) for n in names}
    if cls is tuple or cls is list:
        return cls(as_dict(v) for v in obj)
    if cls is dict:
        return {as_dict(k): as_dict(v) for k, v in obj.items()}
    return copy.deepcopy(obj)  # anything else, as asdict does (namedtuples included)


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input before extraction.

    Args:
        source: the input as given (path, URL, `path#N` for a record of a WARC/JSONL/feed).
        data: the raw bytes (HTML or text); decoding happens in extraction.
        kind: "html", "text" (scraped text, page chrome possibly in) or "article-text" (the
            article itself, as a JSON Lines `text` field: kept whole).
        hints: metadata the container already carries (url, title, outlet, authors, published).
    """

    source: str
    data: bytes
    kind: str
    hints: dict[str, Any] = field(default_factory=dict)


def source_name(outlet: str | None, source: str, url: str | None = None) -> str:
    """What a brief or a citation calls an article's source: its outlet, else its URL's host,
    else its input file's name (a scraped page may name no outlet, and a whole path would crowd
    every line: the seed pair's translation is "003_9ab83285728062d1.txt").

    Example:
        >>> source_name(None, "/data/seeds/003.txt"), source_name("Ledger", "a.html")
        ('003.txt', 'Ledger')
        >>> source_name(None, "https://example.org/news/1"), source_name(None, "feed.jsonl#3")
        ('example.org', 'feed.jsonl#3')
    """
    if outlet:
        return outlet
    for address in (url, source):
        if address and "://" in address:
            host = urlsplit(address).hostname
            if host:
                return host
    return source.replace("\\", "/").rstrip("/").rpartition("/")[2] or source


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

    @property
    def name(self) -> str:
        """What a brief or a citation calls the article's source (`source_name`)."""
        return source_name(self.outlet, self.source, self.url)

    def to_dict(self) -> dict[str, Any]:
        d = as_dict(self)
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


# What an attribution that is not speech reports (read/quotes_vocab.py lists the cues of each).
ATTRIBUTION_KINDS = ("belief", "stance", "finding", "perception", "intention", "refusal")


@dataclass(frozen=True, slots=True)
class Attribution:
    """Something attributed to a source that is not speech: what they believe ("thinks"), a
    stance ("endorsed"), a finding ("the poll shows"), a perception ("heard"), an intention
    ("wants", "plans") or a refusal ("declined to comment"). Same offsets as a Quote.

    Args:
        kind: one of ATTRIBUTION_KINDS.
        text: the attributed content as written (`text[start:end]` of the article).
        source: canonical name of the source (a person, organisation or document), or None.
        speaker_text: the source as written ("she", "a new poll").
        cue: the cue as written ("believes", "declined").
    """

    kind: str
    text: str
    source: str | None
    speaker_text: str | None
    cue: str | None
    start: int
    end: int
    direct: bool = False


@dataclass(frozen=True, slots=True)
class Number:
    """A numeric claim: value normalised, unit, what is counted, who claims it."""

    value: float
    # "%", "km²", "people", "days", "USD", "USD per year" (a sum for each period or thing), ...
    unit: str | None
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
    # (start, end) into Article.text, in order; a publication stamp run into the first sentence
    # is none (read.nlp.stamp_spans)
    sentences: tuple[tuple[int, int], ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()  # speech only
    numbers: tuple[Number, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    notes: tuple[str, ...] = ()  # e.g. "language de: English-only steps skipped"
    attributions: tuple[Attribution, ...] = ()  # beliefs, stances, findings, ...

    def to_dict(self) -> dict[str, Any]:
        return as_dict(self)

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
            # readings stored before read-9 have none (READER_VERSION has them redone)
            attributions=tuple(Attribution(**a) for a in d.get("attributions", ())),
        )


def data_frame(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> Any:
    """A pandas DataFrame of the rows; a clear error when pandas is not installed."""
    try:
        import pandas
    except ImportError:
        from .errors import NewsweaveError

        raise NewsweaveError(
            "pandas is not installed: frames need the optional extra "
            "(pip install 'newsweave[frames]')"
        ) from None
    return pandas.DataFrame(rows, columns=list(columns))


# --- grouping (group/): stories. -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Story:
    """One story as the report shows it.

    Args:
        id: stable for a given input order ("s-" + the id of the article that opened it).
        title: the most representative headline (the one sharing most words with the others).
        article_ids: its articles in the order they were added.
        independent_sources: sources among its articles: a copy counts once with its origin, and
            an outlet's several articles count once (see `independent_sources`).
        outlets: distinct outlets, in order of first appearance.
        first_published, last_published: the span of known publication dates (ISO), or None.
    """

    id: str
    title: str | None
    article_ids: tuple[str, ...]
    independent_sources: int
    outlets: tuple[str, ...]
    first_published: str | None
    last_published: str | None
    check: StoryCheck | None = None  # what the check stage found (None until it ran)
    # the weakest member-to-member link grouping needed (None: not measured), and why the
    # story is doubtful (group/split.py cohesion, Grouper.settle)
    cohesion: float | None = None
    note: str | None = None

    @property
    def article_count(self) -> int:
        return len(self.article_ids)

    @property
    def claims(self) -> tuple[Proposition, ...]:
        """The story's propositions (claims aligned across its articles), with their status."""
        return self.check.claims if self.check else ()

    @property
    def quotes(self) -> tuple[QuoteComparison, ...]:
        return self.check.quotes if self.check else ()

    @property
    def numbers(self) -> tuple[NumberComparison, ...]:
        return self.check.numbers if self.check else ()

    @property
    def brief(self) -> tuple[BriefLine, ...]:
        return self.check.brief if self.check else ()

    def claims_frame(self) -> Any:
        """The propositions as a pandas DataFrame, one row each (needs the `frames` extra:
        `pip install newsweave[frames]`).

        Columns: id, text, status, independent_sources, attributed_to, articles (count),
        article_ids, note.
        """
        rows = [
            {
                "id": p.id, "text": p.text, "status": p.status,
                "independent_sources": p.independent_sources, "attributed_to": p.attributed_to,
                "articles": len(p.article_ids), "article_ids": list(p.article_ids), "note": p.note,
            }
            for p in self.claims
        ]  # fmt: skip
        return data_frame(rows, ("id", "text", "status", "independent_sources",
                                 "attributed_to", "articles", "article_ids", "note"))  # fmt: skip

    def numbers_frame(self) -> Any:
        """Every figure of every compared quantity as a DataFrame row (the `frames` extra)."""
        rows = [
            {"quantity": n.quantity, "status": n.status, "article_id": v.article_id,
             "value": v.value, "unit": v.unit, "text": v.text, "published": v.published}
            for n in self.numbers for v in n.values
        ]  # fmt: skip
        return data_frame(
            rows, ("quantity", "status", "article_id", "value", "unit", "text", "published")
        )

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "article_ids": list(self.article_ids),
            "independent_sources": self.independent_sources,
            "outlets": list(self.outlets),
            "first_published": self.first_published,
            "last_published": self.last_published,
            "article_count": self.article_count,
            "cohesion": None if self.cohesion is None else round(self.cohesion, 3),
            "note": self.note,
        }
        if self.check is not None:
            d.update(self.check.to_dict())
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Story:
        return cls(
            id=d["id"],
            title=d.get("title"),
            article_ids=tuple(d["article_ids"]),
            independent_sources=d["independent_sources"],
            outlets=tuple(d.get("outlets", ())),
            first_published=d.get("first_published"),
            last_published=d.get("last_published"),
            check=StoryCheck.from_dict(d) if "checked" in d else None,
            cohesion=d.get("cohesion"),
            note=d.get("note"),
        )


# --- cross-checking (check/): claims, propositions, quotes and numbers across outlets. --------
# Offsets index into the text of the article named by `article_id`.


@dataclass(frozen=True, slots=True)
class Claim:
    """One atomic claim of one article: a clause the outlet asserts, or one it reports as said.

    Args:
        id: `<article_id>:<n>`, n counting the article's claims in text order.
        text: the claim's words (for a reported claim: what was said, without the cue).
        start, end: the evidence span in the article's text.
        kind: "asserted" (in the outlet's voice) or "reported" (said by `who`).
        who: the canonical speaker of a reported claim (None when unresolved or asserted).
        cue: the cue of a reported claim ("said", "according to").
        direct: a reported claim in quotation marks.
        entities: canonical names inside the span; numbers, times: what the reader found there.
        sentence: index of the sentence it comes from.
        said: for a reported claim, "speech" (a quote) or the attribution's kind (belief,
            stance, finding, perception, intention, refusal); quotes are compared on speech.
    """

    id: str
    article_id: str
    text: str
    start: int
    end: int
    kind: str = "asserted"
    who: str | None = None
    cue: str | None = None
    direct: bool = False
    entities: tuple[str, ...] = ()
    numbers: tuple[Number, ...] = ()
    times: tuple[str, ...] = ()
    sentence: int = 0
    said: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where an article carries a proposition."""

    article_id: str
    text: str
    start: int
    end: int


def _evidence(items: Any) -> tuple[Evidence, ...]:
    return tuple(Evidence(**e) for e in items)


@dataclass(frozen=True, slots=True)
class Proposition:
    """Claims of several articles that state the same thing, with their status.

    Args:
        status: "corroborated" (at least two independent sources), "single_source" or
            "conflicting" (aligned claims disagree on a value).
        attribution: {"kind": asserted|reported, "who", "cue"}: how the sources carry it.
        attributed_to: set when the sources report what someone said: they corroborate the
            report of the claim, not the claim itself.
        note: why the status (which sources, which values).
        when: the resolved date the proposition carries, if any.
    """

    id: str
    text: str
    status: str
    attribution: dict[str, Any]
    attributed_to: str | None
    article_ids: tuple[str, ...]
    independent_sources: int
    evidence: tuple[Evidence, ...]
    note: str
    when: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return as_dict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Proposition:
        kw = dict(d)
        kw["article_ids"] = tuple(d["article_ids"])
        kw["evidence"] = _evidence(d["evidence"])
        return cls(**kw)


@dataclass(frozen=True, slots=True)
class QuoteVariant:
    """One outlet's rendering of an utterance; `diff` is word-level against the first variant:
    pairs of (op, words) with op "=", "-" (only in the first) or "+" (only here)."""

    article_id: str
    text: str
    start: int
    end: int
    direct: bool
    diff: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class QuoteComparison:
    """The same utterance across outlets: consistent, wording_differs, paraphrased, conflicting."""

    speaker: str | None
    status: str
    variants: tuple[QuoteVariant, ...]
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return as_dict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> QuoteComparison:
        variants = tuple(
            QuoteVariant(**{**v, "diff": tuple(tuple(p) for p in v.get("diff", ()))})
            for v in d["variants"]
        )
        return cls(d.get("speaker"), d["status"], variants, d.get("note", ""))


@dataclass(frozen=True, slots=True)
class NumberValue:
    """One article's figure for a quantity."""

    article_id: str
    value: float
    unit: str | None
    text: str
    published: str | None
    start: int
    end: int
    qualifier: str | None = None


@dataclass(frozen=True, slots=True)
class NumberComparison:
    """One quantity (what is counted, unit, who claims it) across articles."""

    quantity: str
    unit: str | None
    claimed_by: str | None
    status: str  # consistent | conflicting | updated | single_source
    values: tuple[NumberValue, ...]
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return as_dict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> NumberComparison:
        kw = dict(d)
        kw["values"] = tuple(NumberValue(**v) for v in d["values"])
        return cls(**kw)


@dataclass(frozen=True, slots=True)
class BriefLine:
    """One line of the brief: extractive, with its status and the articles it cites. `kind`
    says which part of the brief it is: "summary" for its 3 to 7 sentences, then the marked
    lines "disputed" (what the outlets disagree on), "single_source" (what only one outlet
    reports) and "figure" (a disputed or revised figure), which follow the summary."""

    text: str
    status: str
    claim_ids: tuple[str, ...]
    article_ids: tuple[str, ...]
    evidence: tuple[Evidence, ...] = ()
    kind: str = "summary"

    def to_dict(self) -> dict[str, Any]:
        return as_dict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> BriefLine:
        return cls(
            d["text"], d["status"], tuple(d["claim_ids"]), tuple(d["article_ids"]),
            _evidence(d.get("evidence", ())), d.get("kind", "summary"),
        )  # fmt: skip


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    when: str
    text: str
    claim_ids: tuple[str, ...]
    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StoryCheck:
    """What the check stage found in one story.

    Args:
        checked: False when nothing could be checked; `note` says why.
        claims: the propositions, in the order of their first evidence.
        coverage: per article, {"only_here": [ids], "missing": [ids], "speakers": {name: n}}.
        framing: per article, {"asserted_share", "contested_terms": [...], "lead"}.
    """

    checked: bool
    note: str | None = None
    claims: tuple[Proposition, ...] = ()
    quotes: tuple[QuoteComparison, ...] = ()
    numbers: tuple[NumberComparison, ...] = ()
    coverage: dict[str, dict[str, Any]] = field(default_factory=dict)
    framing: dict[str, dict[str, Any]] = field(default_factory=dict)
    brief: tuple[BriefLine, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "checked": self.checked,
            "check_note": self.note,
            "claims": [c.to_dict() for c in self.claims],
            "quotes": [q.to_dict() for q in self.quotes],
            "numbers": [n.to_dict() for n in self.numbers],
            "coverage": self.coverage,
            "framing": self.framing,
            "brief": [b.to_dict() for b in self.brief],
            "timeline": [as_dict(t) for t in self.timeline],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> StoryCheck:
        return cls(
            checked=d["checked"],
            note=d.get("check_note"),
            claims=tuple(Proposition.from_dict(c) for c in d.get("claims", ())),
            quotes=tuple(QuoteComparison.from_dict(q) for q in d.get("quotes", ())),
            numbers=tuple(NumberComparison.from_dict(n) for n in d.get("numbers", ())),
            coverage=d.get("coverage", {}),
            framing=d.get("framing", {}),
            brief=tuple(BriefLine.from_dict(b) for b in d.get("brief", ())),
            timeline=tuple(
                TimelineEntry(t["when"], t["text"], tuple(t["claim_ids"]), tuple(t["article_ids"]))
                for t in d.get("timeline", ())
            ),
        )
