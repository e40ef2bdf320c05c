"""Authors of an HTML page: cleaning raw bylines into person names, and finding bylines.

`clean_authors` turns byline strings into names (prefixes, emails, roles and credentials
dropped, implausible segments rejected); `byline_elements` and `by_line` find the visible
byline in the tree. `metadata.page_authors` decides the order of sources (JSON-LD, meta, html).
Also holds the text helpers the title code shares (`visible_text`, `text_key`, `words`).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from lxml import etree

from . import metadata_vocab as V
from .maintext_filters import INVISIBLE_TAGS
from .metadata_dates import DATEISH, MONTH_ALT, in_skipped_block, norm_space

__all__ = [
    "clean_authors",
    "clean_names",
    "is_outlet",
    "is_handle",
    "byline_elements",
    "by_line",
    "visible_text",
    "text_key",
    "words",
]

_HANDLE = re.compile(r"(?<![\w.])@\w[\w.]*")
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_URLISH = re.compile(r"(?:https?://|www\.)\S+|\S+\.(?:com|org|net|io|co|uk|de)(?:/\S*)?\b", re.I)
_WORDS = re.compile(r"[\w'’.-]+")
_ALNUM = re.compile(r"[\W_]+")
_AUTHOR_SPLIT = re.compile(
    r"\s*(?:;|\||\n|•|·|⋅|∙|/|,|&|\s[-–—]\s|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*"
)
_CLASS_TOKEN = re.compile(r"[^a-z0-9]+")
_PARENS = re.compile(r"\([^)]*\)?")

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


# --------------------------------------------------------------------------- text helpers

_BREAK_TAGS = frozenset(
    ("br", "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "time", "section")
)
_SKIP_TEXT_TAGS = frozenset((*INVISIBLE_TAGS, "button"))


def visible_text(el: Any, every_tag: bool = False) -> str:
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
    return norm_space("".join(parts))


def text_key(text: str) -> str:
    """Comparison key: case-folded letters and digits only ("The Verge" == "theverge")."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return _ALNUM.sub("", "".join(c for c in text if not unicodedata.combining(c)))


def words(segment: str) -> list[str]:
    """Case-folded words of a text, outer dots, commas and apostrophes stripped."""
    return [w.strip(".,'’").casefold() for w in _WORDS.findall(segment)]


# --------------------------------------------------------------------------- plausibility

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
    rf"\b(?:{MONTH_ALT})\.?\s+\d|\d",
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
    tokens = name.split()
    while len(tokens) > 1 and _is_credential_token(tokens[-1]):
        tokens.pop()
    return " ".join(tokens)


def _is_role(segment: str) -> bool:
    return any(w in V.JOB_TITLE_WORDS for w in words(segment))


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
    if any(c.isdigit() for c in name) or _is_credential(name) or DATEISH.search(name):
        return False
    name_words = words(name)
    role = _is_role(name)
    # "Our Editors" is a group byline; "Learn about our editorial policies" is UI text
    group = first and role and len(name_words) <= 3
    if not group and any(w in _NON_NAME_WORDS for w in name_words):
        return False
    if not first and (role or any(w in _AFFILIATION_WORDS for w in name_words)):
        return False
    tokens = name.split()
    if len(tokens) > 1 and not name.islower():
        # "Learn about our policies": names capitalise every word except particles
        lower = [t for t in tokens[1:] if t[:1].islower() and t.casefold() not in _NAME_PARTICLES]
        if lower and not (first and role):
            return False
    return bool(text_key(name))


def is_handle(name: str) -> bool:
    """A login name ("andrew.keaveney"): one lower-case token."""
    return " " not in name and name.islower()


# --------------------------------------------------------------------------- cleaning


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
        outlet_keys: comparison keys (see `text_key`) of the outlet's name and domain.

    Returns:
        Clean names, e.g. ("Jane Doe",) for "By Jane Doe, Senior Correspondent".

    Example:
        >>> clean_authors("By Jane Doe and John Roe, Staff Writers")
        ('Jane Doe', 'John Roe')
    """
    names = clean_names(raw)
    people = tuple(n for n in names if not is_outlet(n, outlet_keys))
    return people or names


def is_outlet(name: str, outlet_keys: tuple[str, ...]) -> bool:
    """Whether a name is the outlet's own ("The Verge" for keys ("theverge",))."""
    key = text_key(name)
    return bool(key) and any(key == k or key == "the" + k for k in outlet_keys)


def clean_names(raw: str | list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """`clean_authors` without the outlet rule: every plausible name, deduped, in order."""
    items = [raw] if isinstance(raw, str) else list(raw)
    names: list[str] = []
    seen: set[str] = set()
    for item in items:
        text = norm_space(item)
        if not text or _URLISH.fullmatch(text):
            continue
        text = _EMAIL.sub(" ", text)
        text = _URLISH.sub(" ", text)
        text = _HANDLE.sub(" ", text)
        # "Lance Ryan (Content Manager)": a parenthesised role or affiliation
        text = _PARENS.sub(" ", text)
        text = _strip_prefix(norm_space(text))
        if stop := _BYLINE_STOP.search(text):
            text = text[: stop.start()]
        segments = [g for g in _AUTHOR_SPLIT.split(text) if g.strip(" -–—:()[]\"'“”")]
        for n, segment in enumerate(segments):
            name = _strip_prefix(segment.strip(" -–—:()[]\"'“”"))
            name = _drop_trailing_credentials(name).strip(" ,.-–—")
            if not _plausible_name(name, first=(n == 0)):
                continue
            k = text_key(name)
            if k not in seen:
                seen.add(k)
                names.append(name)
    return tuple(names)


# --------------------------------------------------------------------------- bylines in the tree


def byline_elements(tree: Any) -> tuple[list[str], bool]:
    """Byline texts: the first matching element and its siblings in the same container.

    Looks at rel=author links, itemprop=author and author/byline-classed elements, innermost
    first; skips comment, related-post and sidebar blocks (newspaper4k #180: the bylines of
    "related articles" taken for the article's authors).
    """
    for xp in (_XP_REL_AUTHOR, _XP_ITEMPROP_AUTHOR, _XP_CLASS_AUTHOR):
        matches = [el for el in xp(tree) if el.tag in _BYLINE_TAGS and _byline_context_ok(el)]
        if not matches:
            continue
        matched = set(matches)
        containers = {a for el in matches for a in el.iterancestors() if a in matched}
        leaves = [el for el in matches if el not in containers]
        # innermost first ("author-name" inside "author-box"), then the containers, whose
        # text may join a "By " label and a name kept in separate elements
        for el in leaves + [el for el in matches if el in containers]:
            text = _byline_text(el)
            if not text or not clean_names(text):
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


def by_line(tree: Any) -> tuple[list[str], bool]:
    """The first short "By Jane Doe" element outside comments and sidebars."""
    for el in _XP_BY_TEXT(tree):
        if not _byline_context_ok(el):
            continue
        text = visible_text(el, every_tag=True)
        # "By using this site you agree to our Privacy Policy" is not a byline: the names
        # must make up most of the text after "By"
        body = _strip_prefix(text)
        if stop := _BYLINE_STOP.search(body):
            body = body[: stop.start()]
        names = clean_names(body)
        if len(text) <= 100 and names and sum(map(len, names)) >= 0.6 * len(body.strip()):
            return [body], False
    return [], False


def _byline_context_ok(el: Any) -> bool:
    parent = el.getparent()
    if parent is None or in_skipped_block(parent, V.AUTHOR_CONTEXT_SKIP):
        return False
    own = set(_CLASS_TOKEN.split(f"{el.get('class', '')} {el.get('id', '')}".casefold()))
    # bios, avatars, the author's job title and the byline's date/category parts are not names
    return not any(s in own for s in V.BYLINE_PART_SKIP)


def _byline_text(el: Any) -> str:
    if el.tag == "link":
        return norm_space(el.get("title", ""))
    name_el = el.find(".//*[@itemprop='name']")
    if name_el is not None:
        text = name_el.get("content") or visible_text(name_el, every_tag=True)
    else:
        text = el.get("content") or visible_text(el, every_tag=True)
    return text if len(text) <= 200 else ""
