"""One outlet name per site: a domain -> name table learned from the articles that carry both.

A page without a site-name meta gets its outlet read off its domain ("tavessaherald.example")
while its neighbours from the same site say "The Tavessa Herald"; counted as two outlets, one
site became two independent sources. The table is learned from the articles themselves (pure:
no store needed), and applied before grouping and checking, with provenance saying so.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from urllib.parse import urlsplit

from .model import Article

# Provenance of an outlet that was only read off the URL's host (extract/metadata.py).
_FROM_DOMAIN = "url"
# An article's outlet provenance once the table named it: the site's name, carried by the
# other articles of its domain.
NAMED_BY_SITE = "site"


def domain_of(url: str | None) -> str | None:
    """The host of a URL without a leading "www.", lower case; None without one.

    Example:
        >>> domain_of("https://www.TavessaHerald.example/a/1"), domain_of(None)
        ('tavessaherald.example', None)
    """
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def outlet_table(articles: Iterable[Article]) -> dict[str, str]:
    """Per domain, the outlet name its articles carry (the most common; first seen on a tie).
    Articles whose outlet came from the domain teach nothing.

    Example:
        >>> a = Article("1", "a.html", "x", url="https://h.example/1", outlet="The H",
        ...             provenance={"outlet": "meta"})
        >>> b = Article("2", "b.html", "x", url="https://h.example/2", outlet="h.example",
        ...             provenance={"outlet": "url"})
        >>> outlet_table([a, b])
        {'h.example': 'The H'}
    """
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for a in articles:
        domain = domain_of(a.url)
        if domain and a.outlet and a.provenance.get("outlet") != _FROM_DOMAIN:
            names[domain][a.outlet] += 1
    return {d: c.most_common(1)[0][0] for d, c in names.items()}


def normalise_outlet(article: Article, table: dict[str, str]) -> Article:
    """The article with the site's name for an outlet that was read off its domain.

    Example:
        >>> b = Article("2", "b.html", "x", url="https://h.example/2", outlet="h.example",
        ...             provenance={"outlet": "url"})
        >>> n = normalise_outlet(b, {"h.example": "The H"})
        >>> n.outlet, n.provenance["outlet"]
        ('The H', 'site')
    """
    if article.provenance.get("outlet") != _FROM_DOMAIN:
        return article
    name = table.get(domain_of(article.url) or "")
    if not name or name == article.outlet:
        return article
    return replace(article, outlet=name, provenance={**article.provenance, "outlet": NAMED_BY_SITE})
