"""Dates of an HTML page: parsing date expressions and the page's date sources.

`parse_date` reads one expression; the other functions each read one source of the tree
(<time> elements, the dateline near the <h1>, htmldate, the URL). `metadata.page_dates` decides
their order. A date past `today` (beyond a day) is no publication date: each function takes
`today` from its caller (`extract.extract` fixes it once per document), so extraction is a
function of its input; left out, it is the date in UTC now. This is the bottom layer of the
metadata modules: it also holds the two page helpers `metadata_authors` and `metadata` share
(`norm_space`, `in_skipped_block`).
"""

from __future__ import annotations

import html as html_lib
import re
from datetime import UTC, date, datetime, time
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from ..vocab import MONTH_NUMBERS
from . import metadata_vocab as V

__all__ = [
    "parse_date",
    "utc_today",
    "page_month_first",
    "url_date",
    "html_dates",
    "dates_near_headline",
    "htmldate_date",
    "norm_space",
    "in_skipped_block",
    "MONTH_ALT",
    "DATEISH",
]

_WS = re.compile(r"\s+")
_MONTH_WORDS = dict(MONTH_NUMBERS)
# month names and abbreviations as one regex alternation, longest first ("sept" before "sep")
MONTH_ALT = "|".join(sorted((re.escape(m) for m in _MONTH_WORDS), key=len, reverse=True))
# "May 4" or "4 May": a date written in words, which no person's name contains
DATEISH = re.compile(rf"\b(?:{MONTH_ALT})\.?\s+\d|\d{{1,2}}\s+(?:{MONTH_ALT})\b", re.I)
_TIME_CTX_SKIP = (
    "comment",
    "related",
    "sidebar",
    "widget",
    "site-footer",
    "recommend",
    "popular",
)
_XP_TIME = etree.XPath("//time | //*[@itemprop='datePublished' or @itemprop='dateModified']")
_XP_LANG = etree.XPath("/html/@lang | //meta[@http-equiv='content-language']/@content")


# --------------------------------------------------------------------------- shared page helpers


def norm_space(text: str | None) -> str:
    """Entities unescaped, whitespace collapsed, ends stripped (None gives "")."""
    return _WS.sub(" ", html_lib.unescape(text or "")).strip()


def in_skipped_block(el: Any, skip: tuple[str, ...], depth: int = 8) -> bool:
    """Whether an element sits in a comment/related/sidebar block (by class or id).

    A <footer> counts only outside an <article>: post footers carry the byline on many
    WordPress themes, site footers carry everything else.
    """
    node = el
    in_footer = False
    for _ in range(depth):
        # <body class="has-sidebar"> says nothing about where the element is
        if node is None or not isinstance(node.tag, str) or node.tag in ("body", "html"):
            break
        attrs = f"{node.get('class', '')} {node.get('id', '')}".casefold()
        if any(s in attrs for s in skip):
            return True
        if node.tag == "footer":
            in_footer = True
        elif node.tag == "article":
            return False
        node = node.getparent()
    if in_footer:
        return (
            not any(a.tag == "article" for a in node.iterancestors()) if node is not None else True
        )
    return False


# --------------------------------------------------------------------------- parsing


def utc_today() -> date:
    """Today's date in UTC: what `today` is when a caller gives none."""
    return datetime.now(UTC).date()


def _valid(year: int, month: int, day: int, today: date) -> str | None:
    if not 1990 <= year <= today.year + 1:
        return None
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    # a publication date in the future (beyond a day for time zones) is a template error
    if (d - today).days > 1:
        return None
    return d.isoformat()


_ISO = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T|\d|$)")
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)")
_DAY_MONTH = re.compile(
    rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th|er|º|\.)?\s*(?:of\s+|de\s+)?({MONTH_ALT})\.?,?\s+"
    rf"(?:de\s+)?(\d{{4}})(?!\d)",
    re.I,
)
_MONTH_DAY = re.compile(
    rf"\b({MONTH_ALT})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", re.I
)
_EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")


def parse_date(text: str | None, month_first: bool = True, today: date | None = None) -> str | None:
    """Parse one date expression into `YYYY-MM-DD`, or None when there is none.

    Args:
        text: an ISO timestamp, a numeric date, a date written with a month name, or an epoch.
        month_first: how to read an ambiguous numeric date like 04/05/2025 (US order when True).
        today: a date more than a day past it is refused, as is a year past its next
            (a template's placeholder, not a publication date); default `utc_today()`.

    Returns:
        The date as written on the page (the local date of a timestamp, not converted to UTC).

    Example:
        >>> parse_date("2025-09-04T23:30:00-05:00")
        '2025-09-04'
        >>> parse_date("04/05/2025", month_first=False)
        '2025-05-04'
        >>> parse_date("2025-09-06", today=date(2025, 9, 4)) is None  # two days ahead
        True
    """
    if not text:
        return None
    today = today or utc_today()
    text = text.strip()
    if _EPOCH.match(text):
        seconds = int(text[:10])
        return _valid(*datetime.fromtimestamp(seconds, UTC).timetuple()[:3], today)
    if m := _ISO.search(text):
        return _valid(int(m[1]), int(m[2]), int(m[3]), today)
    if m := _COMPACT.match(text):
        return _valid(int(m[1]), int(m[2]), int(m[3]), today)
    if m := _MONTH_DAY.search(text):
        return _valid(int(m[3]), _MONTH_WORDS[m[1].casefold()], int(m[2]), today)
    if m := _DAY_MONTH.search(text):
        return _valid(int(m[3]), _MONTH_WORDS[m[2].casefold()], int(m[1]), today)
    if m := _NUMERIC.search(text):
        a, sep, b, y = int(m[1]), m[2], int(m[3]), int(m[4])
        year = y if y > 99 else 2000 + y
        if a > 12 >= b:
            return _valid(year, b, a, today)
        if b > 12 >= a:
            return _valid(year, a, b, today)
        # dotted dates (04.09.2025) are day-first everywhere they are used
        if month_first and sep != ".":
            return _valid(year, a, b, today)
        return _valid(year, b, a, today)
    return None


def _mostly_date(text: str) -> bool:
    """Whether a date expression makes up most of a short text ("Dec 17, 2025 · 6 min read")."""
    for pattern in (_ISO, _NUMERIC, _MONTH_DAY, _DAY_MONTH):
        if m := pattern.search(text):
            return len(m.group(0)) >= 0.5 * len(text.strip())
    return False


# --------------------------------------------------------------------------- page sources


def page_month_first(tree: Any, url: str | None) -> bool:
    """US order for ambiguous numeric dates unless the page's locale says otherwise."""
    for lang in _XP_LANG(tree):
        lang = str(lang).strip().casefold()
        if lang:
            if lang.startswith(V.MONTH_FIRST_LOCALES):
                return True
            # "en" without region: fall through to the domain
            if lang not in ("en", "en-"):
                return False
            break
    host = urlsplit(url).hostname or "" if url else ""
    return not host or host.endswith(V.MONTH_FIRST_TLDS)


_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?:/|[_-]|$)")


def url_date(url: str | None, today: date | None = None) -> str | None:
    """A full year/month/day in the path; year-only or year/month digits are too weak."""
    if not url:
        return None
    m = _URL_DATE.search(urlsplit(url).path)
    return _valid(int(m[1]), int(m[2]), int(m[3]), today or utc_today()) if m else None


def html_dates(
    tree: Any, month_first: bool, today: date | None = None
) -> tuple[str | None, str | None]:
    """Published and modified dates from <time>/itemprop elements outside comments and lists."""
    published = modified = None
    for el in _XP_TIME(tree):
        if in_skipped_block(el, _TIME_CTX_SKIP, depth=6):
            continue
        raw = el.get("datetime") or el.get("content") or el.text_content()
        value = parse_date(raw, month_first, today)
        if not value:
            continue
        own = f"{el.get('class', '')} {el.get('itemprop', '')} {el.get('id', '')}".casefold()
        parent = el.getparent()
        before = ""
        if parent is not None:
            own += f" {parent.get('class', '')}".casefold()
            # "<span>Updated <time>…</time></span>": the label is the text before the element
            before = (parent.text or "") if parent.index(el) == 0 else (el.getprevious().tail or "")
        label = f"{own} {before.casefold()[-30:]} {norm_space(el.text_content()).casefold()[:40]}"
        if "datemodified" in own or any(h in label for h in V.MODIFIED_HINTS):
            modified = modified or value
        elif published is None:
            published = value
        if published and modified:
            break
    return published, modified


_XP_NEAR_H1 = etree.XPath(
    "(//h1)[1]/following::text()[normalize-space()][position() <= $n]"
    " | (//h1)[1]/preceding::text()[normalize-space()][position() <= $m]"
)
_UPDATED_LABEL = re.compile(
    r"^\W*(?:last\s+)?(?:updated|modified|edited)(?:\s+on)?[\s:|·•-]*", re.I
)
_DATE_LABEL = re.compile(
    r"^\W*(?:published|posted|date|created|written|on|by\b.*?\bon)?[\s:|·•-]*", re.I
)


def dates_near_headline(
    tree: Any, month_first: bool, today: date | None = None
) -> tuple[str | None, str | None]:
    """A short text that is only a date, just above or below the <h1> (the visible dateline).

    Many blog templates print "Dec 17, 2025" next to the headline with no <time> element or
    markup; a date inside a longer sentence there is news content, not the dateline.
    """
    published = modified = None
    label = ""  # the previous short text ("Updated", "Published on") labels the next one
    for node in _XP_NEAR_H1(tree, n=40, m=12):
        parent = node.getparent()
        if parent is None or parent.tag in ("script", "style", "noscript", "title", "option"):
            continue
        text = norm_space(str(node))
        previous, label = label, text.casefold() if len(text) <= 25 else ""
        if not 6 <= len(text) <= 50 or not any(c.isdigit() for c in text):
            continue
        low = text.casefold()
        is_modified = any(h in low or h in previous for h in V.MODIFIED_HINTS)
        rest = _DATE_LABEL.sub("", _UPDATED_LABEL.sub("", text))
        value = parse_date(rest, month_first, today)
        if not value or not _mostly_date(rest):
            continue
        if is_modified:
            modified = modified or value
        elif published is None:
            published = value
        if published:
            break
    return published, modified


def htmldate_date(tree: Any, today: date | None = None) -> str | None:
    """htmldate's fast search for the original date, none after the end of `today` (htmldate's
    own default is the end of its clock's day); it prunes its own copy of the tree."""
    from htmldate import find_date

    latest = datetime.combine(today or utc_today(), time.max)
    try:
        # url="" keeps htmldate away from URL digits: those are our last resort, not its first
        return find_date(
            tree,
            url="",
            original_date=True,
            extensive_search=False,
            outputformat="%Y-%m-%d",
            max_date=latest,
        )
    except (ValueError, TypeError):
        return None
