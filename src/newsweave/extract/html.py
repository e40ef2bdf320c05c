"""HTML pages: parse once, read metadata from the intact tree, then extract the main text."""

from __future__ import annotations

import itertools
import re
from datetime import date

import lxml.html
from lxml import etree

from ..model import Extraction
from .maintext import PLAIN_FALLBACK_MAX_CHARS, PLAIN_VS_OURS, main_text
from .metadata import extract_metadata

# libxml2 stops building the tree past 256 levels ("Excessive depth in document"): 100k nested
# <div>s lost the article with a misleading "no article text found". Such a page is parsed again
# with its wrapper tags (which carry no text of their own) removed: flattened, not dropped.
_WRAPPER_TAGS = re.compile(
    r"</?(?:div|span|section|font|center|b|i|em|strong|u|small|big|a|blockquote|q|s|tt|"
    r"label|abbr|mark|ins|del|sub|sup)\b[^<>]*>",
    re.IGNORECASE,
)
_TOO_DEEP = "Excessive depth"
# provenance["text"] when the main text is trafilatura's plain extraction (issue 14, item 10)
PLAIN_NOTE = (
    f"trafilatura's default extraction: ours kept under {PLAIN_FALLBACK_MAX_CHARS} characters,"
    f" it found at least {PLAIN_VS_OURS:g} times as much"
)
# A tag keeps at most this many attributes: libxml2 checks each new attribute against the tag's
# earlier ones, so one tag with 100k attributes took 29 s in one C call (which the time budget
# cannot interrupt) and a million never finished. The most on any WCXB dev article page is 32;
# 1,000 costs about a millisecond a tag.
MAX_TAG_ATTRIBUTES = 1000
# Each attribute takes two characters at least (" a"): only a start tag this long can hold more
# than MAX_TAG_ATTRIBUTES, so shorter tags are never looked at.
_LONG_TAG = re.compile(r"(<[A-Za-z][^\s<>/]*)[^<>]{" + str(2 * MAX_TAG_ATTRIBUTES) + ",}")
# One attribute: after white space, a name, an optional value (a quote left open runs to the end).
_ATTRIBUTE = re.compile(
    r"""\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*(?:"|$)|'[^']*(?:'|$)|[^\s"'<>]+))?(?=[\s/]|$)"""
)


def _cap_attributes(html: str) -> str:
    """The page with every start tag cut after its MAX_TAG_ATTRIBUTES-th attribute.

    Example:
        >>> tag = "<p " + " ".join(f'a{i}="1"' for i in range(1500)) + ">Hi</p>"
        >>> capped = _cap_attributes(tag)
        >>> capped.count("="), capped.endswith('a999="1">Hi</p>')
        (1000, True)
    """

    def cap(match: re.Match[str]) -> str:
        tag = match[0]
        found = itertools.islice(_ATTRIBUTE.finditer(tag, len(match[1])), MAX_TAG_ATTRIBUTES)
        ends = [m.end() for m in found]
        if len(ends) < MAX_TAG_ATTRIBUTES or not _ATTRIBUTE.search(tag, ends[-1]):
            return tag
        return tag[: ends[-1]]

    return _LONG_TAG.sub(cap, html)


def _parse(html: str) -> tuple[lxml.html.HtmlElement, bool]:
    parser = lxml.html.HTMLParser()
    tree = lxml.html.document_fromstring(html, parser=parser)
    return tree, any(_TOO_DEEP in e.message for e in parser.error_log)


def parse_html(html: str) -> lxml.html.HtmlElement | None:
    """An lxml tree of the page, or None when there is nothing to parse.

    Example:
        >>> page = "<html><body>" + "<div>" * 10_000 + "<p>Deep text.</p></body></html>"
        >>> parse_html(page).text_content().strip()
        'Deep text.'
    """
    # lxml refuses str input that declares an encoding; the text is already decoded.
    if html.lstrip().startswith("<?xml"):
        html = html.split("?>", 1)[-1]
    html = _cap_attributes(html)
    try:
        tree, too_deep = _parse(html)
        if too_deep:
            tree, _ = _parse(_WRAPPER_TAGS.sub(" ", html))
        return tree
    except (etree.ParserError, ValueError):
        return None


def extract_html(
    html: str, url: str | None = None, source: str = "", today: date | None = None
) -> Extraction:
    """Main text and metadata of one HTML page.

    Args:
        html: the decoded page.
        url: the page URL when known (container hint); the page's canonical link wins.
        source: the input name, for messages.
        today: no date past it is a publication date (default: today in UTC).

    Returns:
        An Extraction whose `text` is empty when the page holds no article.
    """
    del source  # errors are raised by the caller, which names the input
    tree = parse_html(html)
    if tree is None:
        return Extraction(text="", url=url)
    meta = extract_metadata(tree, url, today)  # first: the main-text extractor consumes the tree
    body = main_text(tree, meta.url or url)
    provenance = dict(meta.provenance)
    if body.run == "plain":  # never silently: ours found little, trafilatura's defaults more
        provenance["text"] = PLAIN_NOTE
    return Extraction(
        text=body.text,
        title=meta.title,
        url=meta.url or url,
        outlet=meta.outlet,
        authors=meta.authors,
        published=meta.published,
        modified=meta.modified,
        removed=body.removed,
        provenance=provenance,
    )
