"""Scraped text that was already flattened (page chrome still in): keep the article lines.

No library cleans text whose DOM is gone (trafilatura needs the HTML), so a small learned line
classifier decides, line by line, what is article prose: see scraped_features.py for what it
looks at and benchmarks/train_scraped.py for how its weights are made. Metadata lines
(headline, byline, author box, date header, outlet, picture credits) are read by
scraped_meta.py. Every line that leaves the text is listed in `removed`, in page order.

Example:
    >>> page = "\\n".join([
    ...     "Home | World | Sport | Contact",
    ...     "Harbour wall repaired in Lindholm after storm",
    ...     "By Ada Berg",
    ...     "Engineers finished repairing the harbour wall in Lindholm on Monday, two weeks "
    ...     "after a winter storm tore a ten-metre gap in it, the town council said.",
    ...     "The council said the repairs cost 1.2 million crowns and that ferries to the "
    ...     "islands would run on their normal timetable from Tuesday.",
    ...     "Related Posts", "Share this article", "Leave a comment"])
    >>> ex = clean_scraped(page, url="https://example.org/a/b")
    >>> ex.title
    'Harbour wall repaired in Lindholm after storm'
    >>> ex.text[:60]
    'Engineers finished repairing the harbour wall in Lindholm on'
    >>> ex.removed[0], ex.removed[-1]
    ('Home | World | Sport | Contact', 'Leave a comment')
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from ..model import Extraction
from .scraped_features import is_prose_line, line_key
from .scraped_meta import find_meta, is_credit
from .scraped_model import LineModel, default_model


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def _page_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


@dataclass(frozen=True, slots=True)
class ScrapedContext:
    """Line repetition across the other pages of one outlet (or one folder of scraped files).

    A line found on many pages of the same site is template chrome ("Popular Articles"), one
    piece of evidence among the others the classifier weighs.

    Args:
        line_pages: for each line key, on how many pages it occurs (at most once per page).
        pages: how many pages were counted.
        page_digests: digests of the counted pages, so a page is not counted against itself.
    """

    line_pages: Mapping[str, int] = field(default_factory=dict)
    pages: int = 0
    page_digests: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if self.pages < 0:
            raise ValueError(f"pages must be >= 0, got {self.pages}")

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> ScrapedContext:
        """Count the lines of a batch of scraped pages of the same outlet or folder.

        Args:
            texts: the pages' text.

        Returns:
            The context to pass to `clean_scraped` for each of these pages (or for others).
        """
        counts: Counter[str] = Counter()
        digests = set()
        pages = 0
        for text in texts:
            pages += 1
            digests.add(_digest(text))
            counts.update({key for key in map(line_key, _page_lines(text)) if key})
        return cls(MappingProxyType(dict(counts)), pages, frozenset(digests))

    def __reduce__(self) -> tuple:
        # sent to worker processes: a mappingproxy does not pickle, its dict does
        return (_context, (dict(self.line_pages), self.pages, self.page_digests))

    def repeats(self, text: str, lines: list[str]) -> tuple[list[int], int]:
        """Per line, on how many *other* counted pages it occurs; and how many others there are.

        Args:
            text: the page being cleaned (it is left out of the counts if it was counted).
            lines: its non-empty lines.

        Returns:
            (repeats per line, number of other pages).
        """
        own = 1 if _digest(text) in self.page_digests else 0
        others = self.pages - own
        counts = []
        for key in map(line_key, lines):
            count = self.line_pages.get(key, 0) if key else 0
            counts.append(max(count - own, 0))
        return counts, others


# A clean text may open with a headline, a byline and a date line before its first sentence.
_CLEAN_HEAD_MAX_LINES = 3


def _context(line_pages: dict[str, int], pages: int, digests: frozenset[str]) -> ScrapedContext:
    """A ScrapedContext back from its pickled parts."""
    return ScrapedContext(MappingProxyType(line_pages), pages, digests)


def clean_prose(lines: list[str]) -> list[bool] | None:
    """Per line, whether it is prose, when the text is already clean; else None.

    Clean: every line is a sentence-like line (`is_prose_line`) or a picture credit, except at
    most `_CLEAN_HEAD_MAX_LINES` lines before the first sentence (headline, byline, date).
    Motivating case: a four-paragraph article saved as .txt kept one paragraph; the classifier
    scored its quote and its last line 0.41-0.42, under the 0.5 threshold, as if they were chrome.

    Example:
        >>> clean_prose(["Budget approved", "The council approved it on Monday.", "Share this"])
        >>> clean_prose(["Budget approved", "The council approved it on Monday."])
        [False, True]
    """
    prose = [is_prose_line(line) for line in lines]
    if not any(prose):
        return None
    first = prose.index(True)
    other = [i for i, p in enumerate(prose) if not p and not is_credit(lines[i])]
    if len(other) > _CLEAN_HEAD_MAX_LINES or any(i > first for i in other):
        return None
    return prose


def whole_text(text: str, url: str | None = None) -> Extraction:
    r"""Text the container says is the article (a JSON Lines `text` field): every line kept.

    Example:
        >>> whole_text("Short.\n\n  Two lines.  ").text
        'Short.\nTwo lines.'
    """
    return Extraction(text="\n".join(_page_lines(text)), url=url)


def clean_with_weights(
    text: str,
    model: LineModel,
    url: str | None = None,
    context: ScrapedContext | None = None,
    today: date | None = None,
) -> Extraction:
    """`clean_scraped` with given weights (the benchmark uses per-fold weights).

    Args:
        text: the scraped page text, one block per line.
        model: the line classifier.
        url: the page URL, when known.
        context: line repetition over other pages of the same outlet.
        today: no date line past it is a date (default: today in UTC).

    Returns:
        The Extraction: text, metadata with provenance, and removed lines.
    """
    lines = _page_lines(text)
    if not lines:
        return Extraction(text="", url=url)
    prose = clean_prose(lines)
    keep = list(prose) if prose is not None else _classify(text, lines, model, context)
    meta = find_meta(lines, keep, url, today)
    for i in meta.used | meta.credits:
        if prose is None or not prose[i] or i in meta.credits:  # clean prose is never dropped
            keep[i] = False
    kept = [line for line, k in zip(lines, keep, strict=True) if k]
    removed = tuple(line for line, k in zip(lines, keep, strict=True) if not k)
    provenance = {
        name: "text-line"
        for name, value in (
            ("title", meta.title),
            ("outlet", meta.outlet),
            ("authors", meta.authors),
            ("captured", meta.captured),
            ("published", meta.published),
        )
        if value
    }
    return Extraction(
        text="\n".join(kept),
        title=meta.title,
        url=url,
        outlet=meta.outlet,
        authors=meta.authors,
        published=meta.published,
        captured=meta.captured,
        removed=removed,
        provenance=provenance,
    )


def _classify(
    text: str, lines: list[str], model: LineModel, context: ScrapedContext | None
) -> list[bool]:
    """Per line, whether the classifier keeps it as article text."""
    repeats, others = (None, 0)
    if context is not None and context.pages:
        repeats, others = context.repeats(text, lines)
        if others <= 0:
            repeats = None
    scores = model.scores(lines, repeats, others)
    keep = [s >= model.threshold for s in scores]
    if not any(keep):
        # A page of one short note still has text: keep its most article-like lines.
        top = max(scores)
        keep = [s >= top * 0.8 for s in scores]
    return keep


def clean_scraped(
    text: str,
    url: str | None = None,
    context: ScrapedContext | None = None,
    today: date | None = None,
) -> Extraction:
    """Keep the article lines of already-flattened scraped text.

    Args:
        text: the scraped page text, one block (paragraph, menu item, heading) per line.
        url: the page URL, when known (its slug helps find the headline).
        context: line repetition over other pages of the same outlet or folder
            (`ScrapedContext.from_texts`); None cleans the page on its own evidence.
        today: no date line past it is a date (default: today in UTC).

    Returns:
        The Extraction: article text (one paragraph per line), title, outlet, authors,
        captured (a date header is the capture date, not the publication date), published
        (a date line at the byline), the removed lines in page order, and provenance.
    """
    return clean_with_weights(text, default_model(), url=url, context=context, today=today)
