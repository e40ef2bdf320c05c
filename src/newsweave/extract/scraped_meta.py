"""Metadata lines of scraped text: headline, byline and author box, outlet, dates, credits.

Each finder returns the value and the line indexes it consumed, so those lines leave the
article text and go to `removed` like the rest of the page chrome.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from urllib.parse import unquote, urlsplit

from ..vocab import ENGLISH_MONTH_WORDS as MONTHS
from ..vocab import MONTH_NUMBERS as _MONTH_PAIRS
from ..vocab import WEEKDAY_ABBREVIATIONS, WEEKDAYS
from .maintext_filters import opening_stamp
from .metadata import clean_authors, parse_date
from .metadata_dates import utc_today
from .scraped_features import line_key
from .scraped_vocab import (
    BYLINE_PREFIXES,
    CALL_TO_ACTION,
    CREDIT_PREFIXES,
    NAVIGATION,
    OUTLET_PREFIXES,
)

_WORD = re.compile(r"\w+", re.UNICODE)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b(?:\s*[-–]\s*(?:19|20)?\d{2,4})?")
_NAME_TOKEN = re.compile(r"^[A-Z][\w'’.-]*$|^(?:de|van|von|der|da|di|la|le|bin|al|el)$")
_HEADLINE_END = re.compile(r"[.,;:]$")
_DATE_WORDS = frozenset((*MONTHS, *WEEKDAYS, *WEEKDAY_ABBREVIATIONS)) | {
    "at", "am", "pm", "gmt", "utc", "on",
}  # fmt: skip
_CHROME_WORDS = frozenset(w for w in CALL_TO_ACTION + NAVIGATION if " " not in w)
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_NUMBERS = dict(_MONTH_PAIRS)
_WEEKDAY_NAMES = WEEKDAYS  # monday..sunday, in date.weekday() order
# A date inside a longer header line: "By Dom Kessel - 10 March 2026", "Posted 21 March 2026 at
# 17:20 | Updated 21 March 2026 at 19:05". Day-month-year, month-day-year or ISO.
_DATE_IN_LINE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH_ALT})\.?,?\s+\d{{4}}"
    rf"|(?:{_MONTH_ALT})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})\b",
    re.IGNORECASE,
)
_MODIFIED_CUE = re.compile(r"\b(?:updated|modified|edited|last changed)\b", re.IGNORECASE)
_HEADLINE_MAX_WORDS = 30
_HEADLINE_SEARCH_LINES = 20  # how far above the article the headline is looked for
_BYLINE_MAX_WORDS = 12
_CREDIT_MAX_WORDS = 15


@dataclass(frozen=True, slots=True)
class TextMeta:
    """Metadata found in the lines, and the lines that carried it (indexes into `lines`)."""

    title: str | None = None
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    captured: str | None = None
    published: str | None = None
    used: frozenset[int] = frozenset()
    credits: frozenset[int] = frozenset()


def _words(line: str) -> list[str]:
    return _WORD.findall(line)


def date_only(line: str, today: date | None = None) -> str | None:
    """The ISO date of a line that is nothing but a date ("Tuesday, June 17, 2025"); none past
    `today` (`metadata_dates.parse_date`)."""
    words = [w.lower() for w in _words(line)]
    if not words or len(words) > 8:
        return None
    if not all(w.isdigit() or w in _DATE_WORDS or w.rstrip("stndrh") == "" for w in words):
        return None
    return parse_date(line, today=today)


# longest first, so "photo by" is tried before "photo"
_CREDIT_LONGEST_FIRST = tuple(sorted(CREDIT_PREFIXES, key=len, reverse=True))
_BYLINE_LONGEST_FIRST = tuple(sorted(BYLINE_PREFIXES, key=len, reverse=True))


def is_credit(line: str) -> bool:
    """A picture or source credit ("Photo: Kremlin Press Service", "(Image by Jane Doe)")."""
    text = line.strip().strip("()[]").strip()
    low = text.lower()
    if not text or len(_words(text)) > _CREDIT_MAX_WORDS:
        return False
    for prefix in _CREDIT_LONGEST_FIRST:
        if low.startswith(prefix):
            rest = low[len(prefix) :].lstrip()
            return rest.startswith((":", "by ", "courtesy", "©", "/", "|", "-", "–"))
    return False


def _chrome_words(line: str) -> int:
    return sum(1 for w in _words(line.lower()) if w in _CHROME_WORDS)


def _headline_like(line: str, today: date | None) -> bool:
    """A short line without closing punctuation (a question or exclamation may close it)."""
    words = _words(line)
    if not 3 <= len(words) <= _HEADLINE_MAX_WORDS:
        return False
    if _HEADLINE_END.search(line.rstrip("\"'”’ ")):
        return False
    if date_only(line, today) or is_credit(line) or byline_names(line):
        return False
    if opening_stamp(line) >= len(line.rstrip(" .")):
        return False  # a stamp ("Updated: November 11, 2011 20:09 IST"), no headline
    # "Top 5 This Week", "Related Posts": mostly chrome words
    return _chrome_words(line) * 2 < len(words)


def _slug_words(url: str | None) -> set[str]:
    if not url:
        return set()
    path = unquote(urlsplit(url).path)
    return {w for w in re.split(r"[^a-z0-9]+", path.lower()) if len(w) > 2 and not w.isdigit()}


def find_title(
    lines: Sequence[str],
    first_article: int | None,
    url: str | None = None,
    today: date | None = None,
) -> int | None:
    """Index of the headline: the nearest headline-like line above the article.

    A line sharing most of its words with the URL slug wins wherever it sits above the article;
    otherwise the nearest headline-like line within a few lines above the first article line.
    The first article line itself counts when it is headline-like and prose follows it.

    Args:
        lines: the page's non-empty lines.
        first_article: index of the first line classified as article text (None: none).
        url: the page URL, when known.

    Returns:
        The headline's index, or None (no title is invented from a paragraph).
    """
    if first_article is None:
        return None
    slug = _slug_words(url)
    body = {
        w.lower()
        for j in range(first_article, min(len(lines), first_article + 8))
        for w in _words(lines[j])
        if len(w) > 3
    }
    first = lines[first_article]
    follows_prose = first_article + 1 < len(lines) and len(_words(lines[first_article + 1])) > 25
    best, best_score = None, 0.0
    start = max(0, first_article - _HEADLINE_SEARCH_LINES)
    for rank, i in enumerate(range(first_article, start - 1, -1)):
        if i == first_article and not (follows_prose and len(_words(first)) <= 20):
            continue
        if not _headline_like(lines[i], today):
            continue
        words = {w.lower() for w in _words(lines[i]) if len(w) > 3}
        # a headline shares words with the URL slug and with the opening paragraphs
        overlap = len(words & body) / len(words) if words else 0.0
        slug_share = len(words & slug) / len(words) if words and slug else 0.0
        score = 1.0 + overlap + 2 * slug_share - 0.05 * rank
        if score > best_score:
            best, best_score = i, score
    return best


def byline_names(line: str) -> tuple[str, ...]:
    """The names of a "By Jane Doe" line (empty when the line is not a byline)."""
    text = line.strip()
    low = text.lower()
    if len(_words(text)) > _BYLINE_MAX_WORDS:
        return ()
    for prefix in _BYLINE_LONGEST_FIRST:
        if low.startswith(prefix + " ") or (prefix.endswith(":") and low.startswith(prefix)):
            rest = text[len(prefix) :].lstrip(" :")
            if rest[:1].isupper():
                return clean_authors(text)
    return ()


def name_like(line: str) -> bool:
    """Two to four capitalised words and nothing else: a person's name on its own line."""
    tokens = line.strip().split()
    if not 2 <= len(tokens) <= 4 or any(c.isdigit() for c in line):
        return False
    if not all(_NAME_TOKEN.match(t) for t in tokens) or _chrome_words(line):
        return False
    return bool(clean_authors(line))


def find_authors(
    lines: Sequence[str], title: int | None, article: Sequence[bool], today: date | None = None
) -> tuple[tuple[str, ...], set[int]]:
    """Authors from a byline near the headline, or from an author box (name + bio).

    Args:
        lines: the page's non-empty lines.
        title: index of the headline, if any.
        article: per line, whether the classifier kept it as article text.

    Returns:
        The names, and the indexes of the byline, name and bio lines.
    """
    used: set[int] = set()
    names: list[str] = []
    n = len(lines)
    # "By Jane Doe" under the headline, or anywhere outside the article prose
    for i, line in enumerate(lines):
        found = byline_names(line)
        near_title = title is not None and abs(i - title) <= 4
        if found and (near_title or not article[i]):
            names.extend(found)
            used.add(i)
    keys = [line_key(line) for line in lines]
    for i, line in enumerate(lines):
        if not name_like(line):
            continue
        key = keys[i]
        # author box: the name (often twice in a row) then a bio opening with the name
        twice = i + 1 < n and keys[i + 1] == key
        nxt = i + 2 if twice else i + 1
        bio = (
            nxt < n
            and keys[nxt].startswith(key + " ")
            and len(_words(lines[nxt])) > 8
            # "Art Deco" / "Art Deco is a style...": a subheading and its paragraph, not a bio
            and not (article[i] or article[nxt])
        )
        # "Jane Doe" / "June 3, 2025" under the headline; menus of names have no date beside
        beside = [j for j in (i - 1, i + 1) if 0 <= j < n]
        header = (
            title is not None
            and 0 < abs(i - title) <= 2
            and not article[i]
            and any(j == title or date_only(lines[j], today) for j in beside)
        )
        if bio or header:
            names.extend(clean_authors(line))
            used.update(range(i, nxt + 1) if bio else (i,))
    seen: dict[str, None] = {}
    for name in names:
        seen.setdefault(name, None)
    return tuple(seen), used


def find_outlet(lines: Sequence[str]) -> tuple[str | None, int | None]:
    """The outlet's name from "Discover more from X | tagline" or a copyright line.

    Returns:
        The name and the index of its line, or (None, None).
    """
    for prefix in OUTLET_PREFIXES:
        for i in range(len(lines) - 1, -1, -1):
            line = lines[i].strip()
            if line.lower().startswith(prefix):
                name = _outlet_name(line[len(prefix) :])
                if name:
                    return name, i
    return None, None


def _outlet_name(rest: str) -> str | None:
    rest = re.sub(r"(?i)copyright|©|\(c\)", " ", rest)
    rest = _YEAR.sub(" ", rest)
    rest = re.split(r"(?i)\s\|\s|\s[-–—]\s|all rights reserved|\.\s|,\s", rest)[0]
    name = " ".join(rest.split()).strip(" .,:;|-")
    words = _words(name)
    if not 1 <= len(words) <= 6 or not name[:1].isupper():
        return None
    return name


def header_dates(line: str, today: date | None = None) -> tuple[str | None, str | None]:
    """(published, modified) from a short header line that carries dates among other words.

    A date after "Updated"/"Modified" is the modification date, never the publication date.
    """
    if len(_words(line)) > _BYLINE_MAX_WORDS + 8:
        return None, None
    published = modified = None
    for m in _DATE_IN_LINE.finditer(line):
        iso = parse_date(m.group(0), today=today)
        if not iso:
            continue
        if _MODIFIED_CUE.search(line[: m.start()].rsplit("|", 1)[-1]):
            modified = modified or iso
        else:
            published = published or iso
    return published, modified


def find_dates(
    lines: Sequence[str], title: int | None, bylines: set[int], today: date | None = None
) -> tuple[str | None, str | None, set[int]]:
    """The capture date (a date header above the headline) and a publication date (a date
    line next to the headline or byline).

    Scraped pages repeat the site's date header: it is the capture date, not the publication
    date, so a date above the headline is never taken as `published`.

    Returns:
        captured, published (ISO dates or None), and the indexes of the date lines.
    """
    captured = published = None
    used: set[int] = set()
    limit = title if title is not None else min(len(lines), 3)
    for i in range(min(limit, len(lines))):
        iso = date_only(lines[i], today)
        if iso and not any(abs(i - b) <= 1 for b in bylines):
            captured = captured or iso
            used.add(i)
    if title is not None:
        anchors = {title} | bylines
        for i in range(title + 1, min(len(lines), title + 5)):
            if not any(abs(i - a) <= 2 for a in anchors):
                continue
            only = date_only(lines[i], today)
            iso = only or header_dates(lines[i], today)[0]
            if iso and (i in bylines or only or _is_dateline(lines[i])):
                published = published or iso
                used.add(i)
    return captured, published, used


def _is_dateline(line: str) -> bool:
    """ "Posted 21 March 2026 at 17:20 | Updated ...": a line that is mostly dates and cues."""
    rest = _DATE_IN_LINE.sub(" ", line)
    words = [w for w in _words(rest.lower()) if not w.isdigit()]
    cues = {"posted", "published", "updated", "modified", "on", "at", "am", "pm", "gmt", "utc"}
    return all(w in cues or w in _DATE_WORDS for w in words)


# A page with no dated line may still say which day it reports as today: "collapsed this
# afternoon" ... "on Thursday (19 February)" (the Lenne Valley Live decoy). The year comes from
# the capture date: the latest day on or before it with that weekday, day and month. Only the
# first article lines count, and only with a word that makes the day today's.
_WEEKDAY_DATE = re.compile(
    rf"\b({'|'.join(_WEEKDAY_NAMES)})\s*\(?\s*(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_ALT})\b",
    re.IGNORECASE,
)
_TODAY = re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening))\b", re.IGNORECASE)
_TODAY_LINES = 4
_YEARS_BACK = 2


def same_day_date(lines: Sequence[str], article: Sequence[bool], captured: str) -> str | None:
    """The date a page reports as today, from a weekday and a day without a year.

    Example:
        >>> lines = ["Three hurt this afternoon.", "Called at 4pm on Thursday (19 February)."]
        >>> same_day_date(lines, [True, True], "2026-03-21")
        '2026-02-19'
    """
    text = " ".join(
        [line for line, keep in zip(lines, article, strict=True) if keep][:_TODAY_LINES]
    )
    m = _WEEKDAY_DATE.search(text)
    if m is None or not _TODAY.search(text):
        return None
    weekday = _WEEKDAY_NAMES.index(m.group(1).lower())
    day, month = int(m.group(2)), _MONTH_NUMBERS.get(m.group(3).lower().rstrip("."))
    if month is None:
        return None
    cap = date.fromisoformat(captured[:10])
    for year in range(cap.year, cap.year - _YEARS_BACK - 1, -1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        if d <= cap and d.weekday() == weekday:
            return d.isoformat()
    return None


def find_meta(
    lines: Sequence[str],
    article: Sequence[bool],
    url: str | None = None,
    today: date | None = None,
) -> TextMeta:
    """All metadata lines of one page.

    Args:
        lines: the page's non-empty lines.
        article: per line, whether the classifier kept it as article text.
        url: the page URL, when known (its slug helps find the headline).
        today: no date line past it is a date (default: today in UTC).

    Returns:
        The metadata and the lines it consumed.
    """
    if len(article) != len(lines):
        raise ValueError(f"{len(article)} classifications for {len(lines)} lines")
    first = next((i for i, keep in enumerate(article) if keep), None)
    today = today or utc_today()
    title = find_title(lines, first, url, today)
    authors, author_lines = find_authors(lines, title, article, today)
    captured, published, date_lines = find_dates(lines, title, author_lines, today)
    if published is None and captured is not None:
        published = same_day_date(lines, article, captured)
    outlet, outlet_line = find_outlet(lines)
    if outlet:
        # "By Lenne Valley Live reporter": the outlet posing as a person is not an author
        key = outlet.casefold()
        authors = tuple(a for a in authors if not a.casefold().startswith(key))
    used = set(author_lines) | date_lines
    if title is not None:
        used.add(title)
    if outlet_line is not None:
        used.add(outlet_line)
    credits = frozenset(i for i, line in enumerate(lines) if is_credit(line))
    return TextMeta(
        title=lines[title].strip() if title is not None else None,
        outlet=outlet,
        authors=authors,
        captured=captured,
        published=published,
        used=frozenset(used),
        credits=credits,
    )
