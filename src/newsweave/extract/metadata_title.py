"""Title of an HTML page: the visible headline against the declared titles, site name removed.

Also the outlet's comparison keys from a URL (`domain_keys`), which the title and the author
code use to recognise the site's own name.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from ..vocab import TITLE_FILLER_WORDS
from . import metadata_vocab as V
from .metadata_authors import text_key, visible_text, words

__all__ = ["pick_title", "domain_keys"]

_XP_H1 = etree.XPath("//h1")
_XP_TITLE = etree.XPath("//head/title | /html/title")


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
    key = text_key(part)
    if not key:
        return False
    return any(
        key == k or (len(k) > 3 and len(key) > 3 and (key.startswith(k) or k.startswith(key)))
        for k in outlet_keys
    )


def domain_keys(url: str | None) -> tuple[str, ...]:
    """Comparison keys of the URL's host and its first label ("dailyplanet.example")."""
    if not url:
        return ()
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    if not host:
        return ()
    label = host.split(".")[0]
    return tuple(dict.fromkeys(k for k in (text_key(host), text_key(label)) if k))


_FILLER = frozenset(TITLE_FILLER_WORDS)


def _contentwords(text: str) -> set[str]:
    return {w.rstrip("s") for w in words(text) if w not in _FILLER and len(w) > 1}


def pick_title(
    tree: Any, meta_title: str | None, ld_title: str | None, outlet_keys: tuple[str, ...]
) -> tuple[str | None, str | None]:
    """The visible headline (<h1>) unless it is a section label; else the declared title."""
    title_el = _XP_TITLE(tree)
    doc_title = visible_text(title_el[0]) if title_el else ""
    declared = [
        (_strip_site(t, outlet_keys) or t, src)
        for t, src in ((meta_title, "meta"), (ld_title, "json-ld"), (doc_title, "html"))
        if t
    ]
    h1s = [t for t in (visible_text(h) for h in _XP_H1(tree)) if 3 <= len(t) <= 300]
    h1s = [t for t in h1s if not _matches_outlet(t, outlet_keys)]
    decl_keys = [text_key(d) for d, _ in declared]
    # an <h1> that one of the declared titles contains (or is contained in) is the headline
    for h in h1s:
        hk = text_key(h)
        if hk and any(hk == dk or (len(hk) > 10 and (hk in dk or dk in hk)) for dk in decl_keys):
            return h, "html"
    if len(h1s) == 1:
        h = h1s[0]
        # "M&A Updates", "Web Designs": a short <h1> sharing no word with the declared title is
        # a section label above the real headline
        decl_words = set().union(*(_contentwords(d) for d, _ in declared)) if declared else set()
        if not declared or len(h.split()) > 3 or _contentwords(h) & decl_words:
            return h, "html"
    if declared:
        return declared[0]
    if h1s:
        return h1s[0], "html"
    return None, None
