"""HTML metadata with provenance: title, canonical URL, outlet, authors, published, modified.

The caller parses the page once and hands us the tree first; nothing here mutates it (htmldate,
the only fallback that prunes, works on its own copy). Every lookup is an XPath or a walk over
<meta>/<script> elements, never a regex over the whole page.

Provenance values: "json-ld", "meta", "html", "url", "heuristic", "htmldate".
"""

from __future__ import annotations

import html as html_lib
import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from . import metadata_vocab as V

__all__ = ["Metadata", "extract_metadata", "clean_authors", "parse_date"]


@dataclass(frozen=True, slots=True)
class Metadata:
    """Metadata of one page; `provenance` maps each field found to where it came from.

    Args:
        title: the headline without the site-name suffix.
        url: canonical URL, normalised (tracking parameters and fragment dropped).
        outlet: the publication's name (or its domain when the page does not name itself).
        authors: person names, cleaned, in byline order.
        published: publication date, ISO 8601 `YYYY-MM-DD` (never the modification date).
        modified: last modification date, same format.
        provenance: field name -> "json-ld" | "meta" | "html" | "url" | "heuristic" | "htmldate".
    """

    title: str | None
    url: str | None
    outlet: str | None
    authors: tuple[str, ...]
    published: str | None
    modified: str | None
    provenance: dict[str, str]


# --------------------------------------------------------------------------- small helpers

_WS = re.compile(r"\s+")
_HANDLE = re.compile(r"(?<![\w.])@\w[\w.]*")
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_URLISH = re.compile(r"(?:https?://|www\.)\S+|\S+\.(?:com|org|net|io|co|uk|de)(?:/\S*)?\b", re.I)
_WORDS = re.compile(r"[\w'’.-]+")
_ALNUM = re.compile(r"[\W_]+")
_AUTHOR_SPLIT = re.compile(
    r"\s*(?:;|\||\n|•|·|⋅|∙|/|,|&|\s[-–—]\s|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*"
)
_MONTH_WORDS = {name: num for name, num in V.MONTHS}
_MONTH_ALT = "|".join(sorted((re.escape(m) for m in _MONTH_WORDS), key=len, reverse=True))
_META_TAGS = frozenset(
    V.META_TITLE + V.META_AUTHOR + V.META_OUTLET + V.META_PUBLISHED + V.META_MODIFIED + V.META_URL
) | {"twitter:label1", "twitter:data1"}
_TIME_CTX_SKIP = (
    "comment",
    "related",
    "sidebar",
    "widget",
    "site-footer",
    "recommend",
    "popular",
)

# Page-level XPaths, compiled once.
_XP_META = etree.XPath("//meta[@content]")
_XP_JSONLD = etree.XPath("//script[@type='application/ld+json' or @type='application/json+ld']")
_XP_H1 = etree.XPath("//h1")
_XP_TITLE = etree.XPath("//head/title | /html/title")
_XP_CANONICAL = etree.XPath("//link[@rel='canonical'][@href]")
_XP_REL_AUTHOR = etree.XPath(
    "//@rel[contains(concat(' ', ., ' '), ' author ')]"
    "/parent::*[self::a or (self::link and @title)]"
)
_XP_ITEMPROP_AUTHOR = etree.XPath("//@itemprop[contains(., 'author')]/..")
# attribute-axis scans (//@class[...]/..) run about twice as fast in libxml2 as element scans
# with several contains() each; "uthor"/"yline" cover Author/author and Byline/byline
_XP_CLASS_AUTHOR = etree.XPath(
    "//@class[contains(., 'uthor') or contains(., 'yline') or contains(., 'writer')"
    " or contains(., 'posted-by')]/.. | //@id[contains(., 'uthor') or contains(., 'yline')]/.."
    " | //@data-testid[contains(., 'uthor')]/.."
)
_BYLINE_TAGS = frozenset(
    ("a", "span", "div", "p", "address", "li", "aside", "strong", "b", "em", "h3", "h4", "h5")
)
# a bare "By <a>Jane Doe</a>" line without any author class (last resort)
_XP_BY_TEXT = etree.XPath(
    "//body//*[self::p or self::span or self::div or self::li or self::address or self::em"
    " or self::strong or self::small][starts-with(normalize-space(text()), 'By ')"
    " or normalize-space(text()) = 'By' or starts-with(normalize-space(text()), 'by ')]"
)
_XP_TIME = etree.XPath("//time | //*[@itemprop='datePublished' or @itemprop='dateModified']")
_XP_LANG = etree.XPath("/html/@lang | //meta[@http-equiv='content-language']/@content")


def _norm_space(text: str | None) -> str:
    return _WS.sub(" ", html_lib.unescape(text or "")).strip()


_BREAK_TAGS = frozenset(
    ("br", "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "time", "section")
)
_SKIP_TEXT_TAGS = frozenset(("script", "style", "noscript", "template", "svg", "button"))


def _visible_text(el: Any, every_tag: bool = False) -> str:
    """Text of an element with a space at line breaks and block edges (or at every tag).

    text_content() glues "Jane Doe<span>May 4</span>" into "Jane DoeMay 4"; this keeps words
    apart without touching the tree.
    """
    parts: list[str] = []
    skip = 0
    for event, node in etree.iterwalk(el, events=("start", "end", "comment")):
        tag = node.tag if isinstance(node.tag, str) else ""
        if event == "comment":
            if node.tail and not skip:
                parts.append(node.tail)
            continue
        if event == "start":
            if tag in _SKIP_TEXT_TAGS:
                skip += 1
            if every_tag or tag in _BREAK_TAGS:
                parts.append(" ")
            if node.text and not skip:
                parts.append(node.text)
        else:
            if tag in _SKIP_TEXT_TAGS:
                skip -= 1
            if every_tag or tag in _BREAK_TAGS:
                parts.append(" ")
            if node is not el and node.tail and not skip:
                parts.append(node.tail)
    return _norm_space("".join(parts))


def _key(text: str) -> str:
    """Comparison key: case-folded letters and digits only ("The Verge" == "theverge")."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return _ALNUM.sub("", "".join(c for c in text if not unicodedata.combining(c)))


def _in_skipped_block(el: Any, skip: tuple[str, ...], depth: int = 8) -> bool:
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


# --------------------------------------------------------------------------- meta and JSON-LD


def _collect_meta(tree: Any) -> dict[str, list[str]]:
    """Content of every known <meta> by its name/property/itemprop (lower-cased)."""
    found: dict[str, list[str]] = {}
    for el in _XP_META(tree):
        content = el.get("content")
        if not content or not content.strip():
            continue
        for attr in ("property", "name", "itemprop"):
            name = (el.get(attr) or "").strip().casefold()
            if name in _META_TAGS:
                found.setdefault(name, []).append(_norm_space(content))
    return found


def _first_meta(meta: dict[str, list[str]], names: tuple[str, ...]) -> str | None:
    for name in names:
        for value in meta.get(name, ()):
            if value:
                return value
    return None


def _jsonld_objects(tree: Any) -> list[dict]:
    """All JSON-LD objects of the page, @graph and lists flattened."""
    out: list[dict] = []
    for script in _XP_JSONLD(tree):
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            # unescaped control characters are the commonest breakage (CMS-inserted newlines)
            try:
                data = json.loads(raw, strict=False)
            except ValueError:
                continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                out.append(item)
                if "@graph" in item:
                    stack.append(item["@graph"])
                # an Article nested in a WebPage's mainEntity is still the article
                for key in ("mainEntity", "mainEntityOfPage"):
                    if isinstance(item.get(key), dict | list):
                        stack.append(item[key])
    return out


def _types(obj: dict) -> list[str]:
    t = obj.get("@type") or ()
    if isinstance(t, str):
        t = (t,)
    return [str(x).casefold().rsplit("/", 1)[-1] for x in t if x]


def _article_objects(objects: list[dict]) -> list[dict]:
    """JSON-LD objects that describe the article, best type first."""
    ranked: list[tuple[int, int, dict]] = []
    for n, obj in enumerate(objects):
        ranks = [V.ARTICLE_TYPES.index(t) for t in _types(obj) if t in V.ARTICLE_TYPES]
        if ranks:
            ranked.append((min(ranks), n, obj))
    ranked.sort(key=lambda r: (r[0], r[1]))
    return [obj for _, _, obj in ranked]


def _ld_text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if isinstance(value, str | int | float):
        text = _norm_space(str(value))
        return text or None
    return None


# --------------------------------------------------------------------------- dates


def _valid(year: int, month: int, day: int) -> str | None:
    today = datetime.now(UTC).date()
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
    rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th|er|º|\.)?\s*(?:of\s+|de\s+)?({_MONTH_ALT})\.?,?\s+"
    rf"(?:de\s+)?(\d{{4}})(?!\d)",
    re.I,
)
_MONTH_DAY = re.compile(
    rf"\b({_MONTH_ALT})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", re.I
)
_EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")


def parse_date(text: str | None, month_first: bool = True) -> str | None:
    """Parse one date expression into `YYYY-MM-DD`, or None when there is none.

    Args:
        text: an ISO timestamp, a numeric date, a date written with a month name, or an epoch.
        month_first: how to read an ambiguous numeric date like 04/05/2025 (US order when True).

    Returns:
        The date as written on the page (the local date of a timestamp, not converted to UTC).

    Example:
        >>> parse_date("2025-09-04T23:30:00-05:00")
        '2025-09-04'
        >>> parse_date("04/05/2025", month_first=False)
        '2025-05-04'
    """
    if not text:
        return None
    text = text.strip()
    if _EPOCH.match(text):
        seconds = int(text[:10])
        return _valid(*datetime.fromtimestamp(seconds, UTC).timetuple()[:3])
    if m := _ISO.search(text):
        return _valid(int(m[1]), int(m[2]), int(m[3]))
    if m := _COMPACT.match(text):
        return _valid(int(m[1]), int(m[2]), int(m[3]))
    if m := _MONTH_DAY.search(text):
        return _valid(int(m[3]), _MONTH_WORDS[m[1].casefold()], int(m[2]))
    if m := _DAY_MONTH.search(text):
        return _valid(int(m[3]), _MONTH_WORDS[m[2].casefold()], int(m[1]))
    if m := _NUMERIC.search(text):
        a, sep, b, y = int(m[1]), m[2], int(m[3]), int(m[4])
        year = y if y > 99 else 2000 + y
        if a > 12 >= b:
            return _valid(year, b, a)
        if b > 12 >= a:
            return _valid(year, a, b)
        # dotted dates (04.09.2025) are day-first everywhere they are used
        if month_first and sep != ".":
            return _valid(year, a, b)
        return _valid(year, b, a)
    return None


def _month_first(tree: Any, url: str | None) -> bool:
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


def _url_date(url: str | None) -> str | None:
    """A full year/month/day in the path; year-only or year/month digits are too weak."""
    if not url:
        return None
    m = _URL_DATE.search(urlsplit(url).path)
    return _valid(int(m[1]), int(m[2]), int(m[3])) if m else None


def _html_dates(tree: Any, month_first: bool) -> tuple[str | None, str | None]:
    """Published and modified dates from <time>/itemprop elements outside comments and lists."""
    published = modified = None
    for el in _XP_TIME(tree):
        if _in_skipped_block(el, _TIME_CTX_SKIP, depth=6):
            continue
        raw = el.get("datetime") or el.get("content") or el.text_content()
        value = parse_date(raw, month_first)
        if not value:
            continue
        own = f"{el.get('class', '')} {el.get('itemprop', '')} {el.get('id', '')}".casefold()
        parent = el.getparent()
        before = ""
        if parent is not None:
            own += f" {parent.get('class', '')}".casefold()
            # "<span>Updated <time>…</time></span>": the label is the text before the element
            before = (parent.text or "") if parent.index(el) == 0 else (el.getprevious().tail or "")
        label = f"{own} {before.casefold()[-30:]} {_norm_space(el.text_content()).casefold()[:40]}"
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
_DATE_LABEL = re.compile(
    r"^\W*(?:published|posted|date|created|written|on|by\b.*?\bon)?[\s:|·•-]*", re.I
)


def _dates_near_headline(tree: Any, month_first: bool) -> tuple[str | None, str | None]:
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
        text = _norm_space(str(node))
        previous, label = label, text.casefold() if len(text) <= 25 else ""
        if not 6 <= len(text) <= 50 or not any(c.isdigit() for c in text):
            continue
        low = text.casefold()
        is_modified = any(h in low or h in previous for h in V.MODIFIED_HINTS)
        rest = _DATE_LABEL.sub("", _UPDATED_LABEL.sub("", text))
        value = parse_date(rest, month_first)
        if not value or not _mostly_date(rest):
            continue
        if is_modified:
            modified = modified or value
        elif published is None:
            published = value
        if published:
            break
    return published, modified


_UPDATED_LABEL = re.compile(
    r"^\W*(?:last\s+)?(?:updated|modified|edited)(?:\s+on)?[\s:|·•-]*", re.I
)


def _mostly_date(text: str) -> bool:
    """Whether a date expression makes up most of a short text ("Dec 17, 2025 · 6 min read")."""
    for pattern in (_ISO, _NUMERIC, _MONTH_DAY, _DAY_MONTH):
        if m := pattern.search(text):
            return len(m.group(0)) >= 0.5 * len(text.strip())
    return False


def _htmldate(tree: Any) -> str | None:
    """htmldate's fast search for the original date; it prunes its own copy of the tree."""
    from htmldate import find_date

    try:
        # url="" keeps htmldate away from URL digits: those are our last resort, not its first
        return find_date(
            tree,
            url="",
            original_date=True,
            extensive_search=False,
            outputformat="%Y-%m-%d",
        )
    except (ValueError, TypeError):
        return None


# --------------------------------------------------------------------------- authors

_NAME_PARTICLES = frozenset(
    (
        "van",
        "von",
        "der",
        "den",
        "de",
        "da",
        "di",
        "du",
        "la",
        "le",
        "del",
        "dos",
        "das",
        "bin",
        "al",
        "el",
        "ibn",
        "ter",
        "ten",
        "zu",
        "y",
        "st.",
    )
)
# words that never occur inside a person's name; their presence means UI text or a sentence
_NON_NAME_WORDS = frozenset(
    (
        "about",
        "our",
        "all",
        "posts",
        "more",
        "view",
        "read",
        "with",
        "for",
        "from",
        "this",
        "is",
        "are",
        "to",
        "at",
        "in",
        "of",
        "your",
        "my",
        "sponsored",
        "advertisement",
        "minutes",
        "minute",
        "hours",
        "hour",
        "ago",
        "min",
        "share",
        "comments",
        "comment",
        "updated",
        "published",
        "posted",
        "reviewed",
        "learn",
        "click",
        "here",
        "us",
        "contact",
        "follow",
        "subscribe",
        "website",
        "profile",
        "articles",
        "latest",
    )
)
# after a name, a segment with these words is the person's employer, not a co-author
_AFFILIATION_WORDS = frozenset(
    ("university", "college", "institute", "school", "hospital", "inc", "llc", "ltd", "group")
)
# a byline ends where a date, "Updated", "Reviewed by" or reading time begins
_BYLINE_STOP = re.compile(
    rf"\b(?:published|updated|last updated|posted on|reviewed by|fact[- ]checked by|"
    rf"medically reviewed|edited by|min read|reading time|on(?=\s+\S))\b|"
    rf"\b(?:{_MONTH_ALT})\.?\s+\d|\d",
    re.I,
)


def _strip_prefix(text: str) -> str:
    low = text.casefold()
    for prefix in V.AUTHOR_PREFIXES:
        if low.startswith(prefix) and (
            len(low) == len(prefix) or not low[len(prefix)].isalnum() or prefix.endswith(":")
        ):
            return text[len(prefix) :].lstrip(" :-–—").strip()
        # glued prefixes: "BySummer Swann", "Written byJane Doe"
        if (
            prefix in ("by", "written by", "posted by", "author:")
            and low.startswith(prefix)
            and len(text) > len(prefix)
            and text[len(prefix)].isupper()
            and text[: len(prefix)].lower() == text[: len(prefix)].lower()
            and text[0].isupper()
        ):
            return text[len(prefix) :].strip()
    return text


def _is_credential_token(token: str) -> bool:
    """A post-nominal like "MD", "Ph.D.", "RD": in the list and not written as a plain name."""
    bare = token.strip(".,®™()*")
    if not bare:
        return False
    low = bare.casefold()
    if low not in V.CREDENTIALS and low.rstrip(".") not in V.CREDENTIALS:
        return False
    # "Ma" in "Rui Ma" is a surname; "MA", "Ph.D.", "PhD" are credentials
    return bare != bare.capitalize() or "." in token or len(bare) <= 1


def _is_credential(segment: str) -> bool:
    tokens = segment.split()
    return bool(tokens) and all(_is_credential_token(t) or t.isdigit() for t in tokens)


def _drop_trailing_credentials(name: str) -> str:
    words = name.split()
    while len(words) > 1 and _is_credential_token(words[-1]):
        words.pop()
    return " ".join(words)


def _words(segment: str) -> list[str]:
    return [w.strip(".,'’").casefold() for w in _WORDS.findall(segment)]


def _is_role(segment: str) -> bool:
    return any(w in V.JOB_TITLE_WORDS for w in _words(segment))


def _plausible_name(name: str, first: bool) -> bool:
    """A person's (or a byline group's) name rather than UI text, a role or a date.

    Args:
        name: one cleaned segment.
        first: the segment opens its byline; a role there is a group byline ("Podium Staff",
            "The Currency editors"), while after a name it is that person's job title.
    """
    if len(name) < 2 or len(name) > 60 or len(name.split()) > 6:
        return False
    low = name.casefold()
    if any(low == j or low.startswith(j + " ") for j in V.AUTHOR_JUNK):
        return False
    if any(c.isdigit() for c in name) or _is_credential(name) or _DATEISH.search(name):
        return False
    words = _words(name)
    role = _is_role(name)
    # "Our Editors" is a group byline; "Learn about our editorial policies" is UI text
    group = first and role and len(words) <= 3
    if not group and any(w in _NON_NAME_WORDS for w in words):
        return False
    if not first and (role or any(w in _AFFILIATION_WORDS for w in words)):
        return False
    tokens = name.split()
    if len(tokens) > 1 and not name.islower():
        # "Learn about our policies": names capitalise every word except particles
        lower = [t for t in tokens[1:] if t[:1].islower() and t.casefold() not in _NAME_PARTICLES]
        if lower and not (first and _is_role(name)):
            return False
    return bool(_key(name))


_CLASS_TOKEN = re.compile(r"[^a-z0-9]+")
_PARENS = re.compile(r"\([^)]*\)?")
_DATEISH = re.compile(rf"\b(?:{_MONTH_ALT})\.?\s+\d|\d{{1,2}}\s+(?:{_MONTH_ALT})\b", re.I)


def clean_authors(
    raw: str | list[str] | tuple[str, ...], outlet_keys: tuple[str, ...] = ()
) -> tuple[str, ...]:
    """Person names out of one or more raw bylines.

    Drops "By"/"Written by", emails, handles and URLs, "Email the author" and similar junk,
    job titles and credentials after a name, and dedupes (keeping order). A name equal to the
    outlet is kept only when no other name is found: "By ABC News" on a page that also names
    its reporter is the outlet posing as a person (newspaper4k #346), but on a company blog
    it is the only byline there is.

    Args:
        raw: a byline string or several.
        outlet_keys: comparison keys (see `_key`) of the outlet's name and domain.

    Returns:
        Clean names, e.g. ("Jane Doe",) for "By Jane Doe, Senior Correspondent".

    Example:
        >>> clean_authors("By Jane Doe and John Roe, Staff Writers")
        ('Jane Doe', 'John Roe')
    """
    names = _clean_names(raw)
    people = tuple(n for n in names if not _is_outlet(n, outlet_keys))
    return people or names


def _is_outlet(name: str, outlet_keys: tuple[str, ...]) -> bool:
    key = _key(name)
    return bool(key) and any(key == k or key == "the" + k for k in outlet_keys)


def _clean_names(raw: str | list[str] | tuple[str, ...]) -> tuple[str, ...]:
    items = [raw] if isinstance(raw, str) else list(raw)
    names: list[str] = []
    seen: set[str] = set()
    for item in items:
        text = _norm_space(item)
        if not text or _URLISH.fullmatch(text):
            continue
        text = _EMAIL.sub(" ", text)
        text = _URLISH.sub(" ", text)
        text = _HANDLE.sub(" ", text)
        # "Lance Ryan (Content Manager)": a parenthesised role or affiliation
        text = _PARENS.sub(" ", text)
        text = _strip_prefix(_norm_space(text))
        if stop := _BYLINE_STOP.search(text):
            text = text[: stop.start()]
        segments = [g for g in _AUTHOR_SPLIT.split(text) if g.strip(" -–—:()[]\"'“”")]
        for n, segment in enumerate(segments):
            name = _strip_prefix(segment.strip(" -–—:()[]\"'“”"))
            name = _drop_trailing_credentials(name).strip(" ,.-–—")
            if not _plausible_name(name, first=(n == 0)):
                continue
            k = _key(name)
            if k not in seen:
                seen.add(k)
                names.append(name)
    return tuple(names)


def _ld_people(value: Any, by_id: dict[str, dict]) -> tuple[list[str], list[str]]:
    """(person names, organisation names) from a JSON-LD author value."""
    people: list[str] = []
    orgs: list[str] = []
    items = value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, str):
            people.append(item)
        elif isinstance(item, dict):
            if "name" not in item and item.get("@id") in by_id:
                item = by_id[item["@id"]]
            name = item.get("name")
            if isinstance(name, list):
                name = " ".join(str(n) for n in name)
            if not name and (item.get("givenName") or item.get("familyName")):
                name = f"{item.get('givenName', '')} {item.get('familyName', '')}"
            if isinstance(name, str):
                is_org = any("organization" in t or t == "corporation" for t in _types(item))
                (orgs if is_org else people).append(name)
    return people, orgs


def _byline_elements(page: _Page) -> tuple[list[str], bool]:
    """Byline texts: the first matching element and its siblings in the same container.

    Looks at rel=author links, itemprop=author and author/byline-classed elements, innermost
    first; skips comment, related-post and sidebar blocks (newspaper4k #180: the bylines of
    "related articles" taken for the article's authors).
    """
    for xp in (_XP_REL_AUTHOR, _XP_ITEMPROP_AUTHOR, _XP_CLASS_AUTHOR):
        matches = [el for el in xp(page.tree) if el.tag in _BYLINE_TAGS and _byline_context_ok(el)]
        if not matches:
            continue
        matched = set(matches)
        containers = {a for el in matches for a in el.iterancestors() if a in matched}
        leaves = [el for el in matches if el not in containers]
        # innermost first ("author-name" inside "author-box"), then the containers, whose
        # text may join a "By " label and a name kept in separate elements
        for el in leaves + [el for el in matches if el in containers]:
            text = _byline_text(el)
            if not text or not _clean_names(text):
                continue
            parent = el.getparent()
            texts = [text]
            if parent is not None and el in leaves:
                # co-authors are sibling links in the same byline, in document order
                texts = [
                    t
                    for other in leaves
                    if (other is el or parent in set(other.iterancestors()))
                    if (t := _byline_text(other))
                ]
            # one byline: "Jane Doe" + "Senior Writer" in sibling spans is a name and a role
            return [", ".join(texts)], False
    return [], False


def _by_line(page: _Page) -> tuple[list[str], bool]:
    """The first short "By Jane Doe" element outside comments and sidebars."""
    for el in _XP_BY_TEXT(page.tree):
        if not _byline_context_ok(el):
            continue
        text = _visible_text(el, every_tag=True)
        # "By using this site you agree to our Privacy Policy" is not a byline: the names
        # must make up most of the text after "By"
        body = _strip_prefix(text)
        if stop := _BYLINE_STOP.search(body):
            body = body[: stop.start()]
        names = _clean_names(body)
        if len(text) <= 100 and names and sum(map(len, names)) >= 0.6 * len(body.strip()):
            return [body], False
    return [], False


def _byline_context_ok(el: Any) -> bool:
    parent = el.getparent()
    if parent is None or _in_skipped_block(parent, V.AUTHOR_CONTEXT_SKIP):
        return False
    own = set(_CLASS_TOKEN.split(f"{el.get('class', '')} {el.get('id', '')}".casefold()))
    # bios, avatars, the author's job title and the byline's date/category parts are not names
    return not any(s in own for s in V.BYLINE_PART_SKIP)


def _byline_text(el: Any) -> str:
    if el.tag == "link":
        return _norm_space(el.get("title", ""))
    name_el = el.find(".//*[@itemprop='name']")
    if name_el is not None:
        text = name_el.get("content") or _visible_text(name_el, every_tag=True)
    else:
        text = el.get("content") or _visible_text(el, every_tag=True)
    return text if len(text) <= 200 else ""


# --------------------------------------------------------------------------- title, outlet


def _strip_site(title: str, outlet_keys: tuple[str, ...]) -> str:
    """Drop a " | Site" suffix (or "Site | " prefix) naming the outlet from a headline."""
    for sep in V.TITLE_SEPARATORS:
        if sep not in title:
            continue
        head, _, tail = title.rpartition(sep)
        if head and _matches_outlet(tail, outlet_keys):
            return _strip_site(head.strip(), outlet_keys)
        first, _, rest = title.partition(sep)
        if rest and _matches_outlet(first, outlet_keys):
            return rest.strip()
    return title


def _matches_outlet(part: str, outlet_keys: tuple[str, ...]) -> bool:
    key = _key(part)
    if not key:
        return False
    return any(
        key == k or (len(k) > 3 and len(key) > 3 and (key.startswith(k) or k.startswith(key)))
        for k in outlet_keys
    )


def _domain_keys(url: str | None) -> tuple[str, ...]:
    if not url:
        return ()
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    if not host:
        return ()
    label = host.split(".")[0]
    return tuple(dict.fromkeys(k for k in (_key(host), _key(label)) if k))


_STOP = frozenset(("the", "a", "an", "and", "or", "of", "to", "in", "for", "on", "with", "by", "&"))


def _content_words(text: str) -> set[str]:
    return {w.rstrip("s") for w in _words(text) if w not in _STOP and len(w) > 1}


def _pick_title(
    tree: Any, meta_title: str | None, ld_title: str | None, outlet_keys: tuple[str, ...]
) -> tuple[str | None, str | None]:
    """The visible headline (<h1>) unless it is a section label; else the declared title."""
    title_el = _XP_TITLE(tree)
    doc_title = _visible_text(title_el[0]) if title_el else ""
    declared = [
        (_strip_site(t, outlet_keys) or t, src)
        for t, src in ((meta_title, "meta"), (ld_title, "json-ld"), (doc_title, "html"))
        if t
    ]
    h1s = [t for t in (_visible_text(h) for h in _XP_H1(tree)) if 3 <= len(t) <= 300]
    h1s = [t for t in h1s if not _matches_outlet(t, outlet_keys)]
    decl_keys = [_key(d) for d, _ in declared]
    # an <h1> that one of the declared titles contains (or is contained in) is the headline
    for h in h1s:
        hk = _key(h)
        if hk and any(hk == dk or (len(hk) > 10 and (hk in dk or dk in hk)) for dk in decl_keys):
            return h, "html"
    if len(h1s) == 1:
        h = h1s[0]
        # "M&A Updates", "Web Designs": a short <h1> sharing no word with the declared title is
        # a section label above the real headline
        decl_words = set().union(*(_content_words(d) for d, _ in declared)) if declared else set()
        if not declared or len(h.split()) > 3 or _content_words(h) & decl_words:
            return h, "html"
    if declared:
        return declared[0]
    if h1s:
        return h1s[0], "html"
    return None, None


# --------------------------------------------------------------------------- URL


def _canonical_url(
    tree: Any, meta: dict[str, list[str]], url: str | None
) -> tuple[str | None, str | None]:
    from courlan import normalize_url

    for value, source in (
        (next((el.get("href") for el in _XP_CANONICAL(tree)), None), "html"),
        (_first_meta(meta, V.META_URL), "meta"),
        (url, "input"),
    ):
        if not value:
            continue
        value = value.strip()
        if value.startswith("//"):
            value = "https:" + value
        elif url and not urlsplit(value).netloc:
            value = urljoin(url, value)
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            continue
        try:
            return normalize_url(value, strict=True), source
        except ValueError:
            continue
    return None, None


# --------------------------------------------------------------------------- stages


@dataclass(frozen=True, slots=True)
class _Page:
    """What every stage reads: the tree, its <meta> values and its JSON-LD, parsed once."""

    tree: Any
    meta: dict[str, list[str]]
    objects: list[dict]
    by_id: dict[str, dict]
    articles: list[dict]
    url: str | None
    url_source: str | None
    outlet: str | None
    outlet_source: str | None
    outlet_keys: tuple[str, ...]


def _prepare(tree: Any, url: str | None) -> _Page:
    """Stage 0: meta, JSON-LD, canonical URL and outlet (the others need them)."""
    meta = _collect_meta(tree)
    objects = _jsonld_objects(tree)
    by_id = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str)}
    articles = _article_objects(objects)
    canon, url_source = _canonical_url(tree, meta, url)
    page_url = canon or url

    outlet, outlet_source = _first_meta(meta, V.META_OUTLET), "meta"
    if not outlet:
        outlet_source = "json-ld"
        for obj in articles + [o for o in objects if "organization" in _types(o)]:
            publisher = obj.get("publisher")
            if isinstance(publisher, dict) and "name" not in publisher:
                publisher = by_id.get(publisher.get("@id"), publisher)
            name = _ld_text(publisher) if publisher else None
            if not name and "organization" in _types(obj):
                name = _ld_text(obj.get("name"))
            if name:
                outlet = name
                break
    if not outlet and page_url:
        host = (urlsplit(page_url).hostname or "").removeprefix("www.")
        outlet, outlet_source = host or None, "url"
    keys = ([_key(outlet)] if outlet and _key(outlet) else []) + list(_domain_keys(page_url))
    return _Page(
        tree=tree,
        meta=meta,
        objects=objects,
        by_id=by_id,
        articles=articles,
        url=page_url,
        url_source=url_source if page_url else None,
        outlet=outlet,
        outlet_source=outlet_source if outlet else None,
        outlet_keys=tuple(dict.fromkeys(keys)),
    )


def _title(page: _Page) -> tuple[str | None, str | None]:
    """Stage: the headline and its source."""
    ld_title = next(
        (t for o in page.articles if (t := _ld_text(o.get("headline") or o.get("name")))), None
    )
    return _pick_title(page.tree, _first_meta(page.meta, V.META_TITLE), ld_title, page.outlet_keys)


def _authors(page: _Page) -> tuple[tuple[str, ...], str | None]:
    """Stage: JSON-LD authors, then meta, then the visible byline; people before the outlet.

    Weak answers (the outlet's own name, an Organization as JSON-LD author, a lower-case login
    name) are kept only when no source names a person.
    """
    fallback: tuple[tuple[str, ...], str | None] = ((), None)
    for source, get in (
        ("json-ld", _ld_authors),
        ("meta", _meta_authors),
        ("html", _byline_elements),
        ("heuristic", _by_line),
    ):
        raw, weak = get(page)
        if not raw:
            continue
        names = _clean_names(raw)
        people = tuple(n for n in names if not _is_outlet(n, page.outlet_keys))
        # a login name ("andrew.keaveney") is weaker than a visible byline further down
        if people and not weak and not all(_is_handle(n) for n in people):
            return people, source
        if names and not fallback[0]:
            fallback = (people or names, source)
    return fallback


def _ld_authors(page: _Page) -> tuple[list[str], bool]:
    for obj in page.articles:
        if obj.get("author"):
            people, orgs = _ld_people(obj["author"], page.by_id)
            # an Organization as author is the publisher restated (or a brand blog)
            return (people, False) if people else (orgs, True)
    return [], False


def _meta_authors(page: _Page) -> tuple[list[str], bool]:
    for name in V.META_AUTHOR:
        values = page.meta.get(name)
        if not values:
            continue
        if name == "twitter:data1":
            label = (_first_meta(page.meta, ("twitter:label1",)) or "").casefold()
            if "written" not in label and "author" not in label:
                continue
        return values, False
    return [], False


def _is_handle(name: str) -> bool:
    return " " not in name and name.islower()


def _dates(page: _Page) -> tuple[str | None, str | None, dict[str, str]]:
    """Stage: published and modified dates (never one for the other), with their sources."""
    prov: dict[str, str] = {}
    month_first = _month_first(page.tree, page.url)
    published = modified = None
    for obj in page.articles:
        published = published or parse_date(_ld_text(obj.get("datePublished")), month_first)
        published = published or parse_date(_ld_text(obj.get("dateCreated")), month_first)
        modified = modified or parse_date(_ld_text(obj.get("dateModified")), month_first)
        if published:
            prov["published"] = "json-ld"
            break
    if modified:
        prov["modified"] = "json-ld"
    if not published:
        for name in V.META_PUBLISHED:
            if published := parse_date(_first_meta(page.meta, (name,)), month_first):
                prov["published"] = "meta"
                break
    if not modified:
        for name in V.META_MODIFIED:
            if modified := parse_date(_first_meta(page.meta, (name,)), month_first):
                prov["modified"] = "meta"
                break
    if not published or not modified:
        html_pub, html_mod = _html_dates(page.tree, month_first)
        if not published and html_pub:
            published, prov["published"] = html_pub, "html"
        if not modified and html_mod:
            modified, prov["modified"] = html_mod, "html"
    if not published:
        near_pub, near_mod = _dates_near_headline(page.tree, month_first)
        if near_pub:
            published, prov["published"] = near_pub, "heuristic"
        if not modified and near_mod:
            modified, prov["modified"] = near_mod, "heuristic"
    # htmldate may still land on the modified date when that is all the page shows
    if not published and (found := _htmldate(page.tree)) and found != modified:
        published, prov["published"] = found, "htmldate"
    if not published and (found := _url_date(page.url)):
        published, prov["published"] = found, "url"
    if published and modified and modified < published:
        modified = None  # a "modified" before publication is a template default
        prov.pop("modified", None)
    return published, modified, prov


# --------------------------------------------------------------------------- main entry


def extract_metadata(tree: lxml.html.HtmlElement, url: str | None = None) -> Metadata:
    """Title, canonical URL, outlet, authors and dates of one parsed page, with provenance.

    Args:
        tree: the page parsed with `lxml.html.document_fromstring`; it is not modified.
        url: the page URL when known; the page's canonical link and og:url win over it.

    Returns:
        A `Metadata`; fields not found are None (authors: empty tuple) and absent from
        `provenance`.

    Raises:
        ValueError: `tree` is not an lxml.html element.

    Example:
        >>> t = lxml.html.document_fromstring(
        ...     '<html><head><meta property="og:title" content="Rain | Daily"></head>'
        ...     '<body><h1>Rain</h1></body></html>')
        >>> extract_metadata(t, "https://daily.example/x").title
        'Rain'
    """
    if not isinstance(tree, lxml.html.HtmlElement):
        raise ValueError(f"expected an lxml.html tree, got {type(tree).__name__}")
    page = _prepare(tree, url)
    prov: dict[str, str] = {}
    if page.url_source:
        prov["url"] = page.url_source
    if page.outlet_source:
        prov["outlet"] = page.outlet_source
    title, source = _title(page)
    if source:
        prov["title"] = source
    authors, source = _authors(page)
    if source:
        prov["authors"] = source
    published, modified, date_prov = _dates(page)
    prov.update(date_prov)
    return Metadata(
        title=title,
        url=page.url,
        outlet=page.outlet,
        authors=authors,
        published=published,
        modified=modified,
        provenance=prov,
    )
