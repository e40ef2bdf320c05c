"""HTML metadata with provenance: title, canonical URL, outlet, authors, published, modified.

The caller parses the page once and hands us the tree first; nothing here mutates it (htmldate,
the only fallback that prunes, works on its own copy). Every lookup is an XPath or a walk over
<meta>/<script> elements, never a regex over the whole page.

The work is split by concern: `metadata_dates` (parsing and the page's date sources),
`metadata_authors` (byline cleaning and finding), `metadata_title` (headline); this module
reads <meta> and JSON-LD once, resolves URL and outlet, and decides the order of sources.

Provenance values: "json-ld", "meta", "html", "url", "heuristic", "htmldate".
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from . import metadata_vocab as V
from .metadata_authors import (
    by_line,
    byline_elements,
    clean_authors,
    clean_names,
    is_handle,
    is_outlet,
    text_key,
)
from .metadata_dates import (
    dates_near_headline,
    html_dates,
    htmldate_date,
    norm_space,
    page_month_first,
    parse_date,
    url_date,
    utc_today,
)
from .metadata_title import domain_keys, pick_title

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
        provenance: field name -> "json-ld" | "meta" | "html" | "url" | "heuristic" | "htmldate";
            and "skipped" -> a note on the JSON-LD blocks skipped ("1 JSON-LD block skipped
            (nested too deep)").
    """

    title: str | None
    url: str | None
    outlet: str | None
    authors: tuple[str, ...]
    published: str | None
    modified: str | None
    provenance: dict[str, str]


_META_TAGS = frozenset(
    V.META_TITLE + V.META_AUTHOR + V.META_OUTLET + V.META_PUBLISHED + V.META_MODIFIED + V.META_URL
) | {"twitter:label1", "twitter:data1"}
_XP_META = etree.XPath("//meta[@content]")
_XP_JSONLD = etree.XPath("//script[@type='application/ld+json' or @type='application/json+ld']")
_XP_CANONICAL = etree.XPath("//link[@rel='canonical'][@href]")


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
                found.setdefault(name, []).append(norm_space(content))
    return found


def _first_meta(meta: dict[str, list[str]], names: tuple[str, ...]) -> str | None:
    for name in names:
        for value in meta.get(name, ()):
            if value:
                return value
    return None


def _load_jsonld(raw: str) -> tuple[Any, str | None]:
    """One JSON-LD block's data, or (None, why it is skipped)."""
    try:
        return json.loads(raw), None
    except RecursionError:  # nested 100k deep: the block is skipped, not the article
        return None, "nested too deep"
    except ValueError:
        pass
    # unescaped control characters are the commonest breakage (CMS-inserted newlines)
    try:
        return json.loads(raw, strict=False), None
    except RecursionError:
        return None, "nested too deep"
    except ValueError:
        return None, "not valid JSON"


def _skipped_note(reasons: list[str]) -> str | None:
    """ "2 JSON-LD blocks skipped (1 nested too deep, 1 not valid JSON)", or None."""
    if not reasons:
        return None
    counts = Counter(reasons)
    why = (
        next(iter(counts)) if len(counts) == 1 else ", ".join(f"{n} {r}" for r, n in counts.items())
    )
    return f"{len(reasons)} JSON-LD block{'s' * (len(reasons) != 1)} skipped ({why})"


def _jsonld_objects(tree: Any) -> tuple[list[dict], str | None]:
    """All JSON-LD objects of the page, @graph and lists flattened, and a note on the blocks
    skipped (a bad block costs only its own metadata)."""
    out: list[dict] = []
    skipped: list[str] = []
    for script in _XP_JSONLD(tree):
        raw = (script.text or "").strip()
        if not raw:
            continue
        data, why = _load_jsonld(raw)
        if why:
            skipped.append(why)
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
    return out, _skipped_note(skipped)


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
        text = norm_space(str(value))
        return text or None
    return None


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

# The stages are public so benchmarks/metadata.py can time each one; extract_metadata runs
# them in this order.


@dataclass(frozen=True, slots=True)
class PreparedPage:
    """What every stage reads: the tree, its <meta> values and its JSON-LD, parsed once."""

    tree: Any
    meta: dict[str, list[str]]
    by_id: dict[str, dict]
    articles: list[dict]
    url: str | None
    url_source: str | None
    outlet: str | None
    outlet_source: str | None
    outlet_keys: tuple[str, ...]
    skipped: str | None


def prepare_page(tree: Any, url: str | None) -> PreparedPage:
    """Stage 0: meta, JSON-LD, canonical URL and outlet (the others need them)."""
    meta = _collect_meta(tree)
    objects, skipped = _jsonld_objects(tree)
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
    keys = ([text_key(outlet)] if outlet and text_key(outlet) else []) + list(domain_keys(page_url))
    return PreparedPage(
        tree=tree,
        meta=meta,
        by_id=by_id,
        articles=articles,
        url=page_url,
        url_source=url_source if page_url else None,
        outlet=outlet,
        outlet_source=outlet_source if outlet else None,
        outlet_keys=tuple(dict.fromkeys(keys)),
        skipped=skipped,
    )


def page_title(page: PreparedPage) -> tuple[str | None, str | None]:
    """Stage: the headline and its source."""
    ld_title = next(
        (t for o in page.articles if (t := _ld_text(o.get("headline") or o.get("name")))), None
    )
    return pick_title(page.tree, _first_meta(page.meta, V.META_TITLE), ld_title, page.outlet_keys)


def page_authors(page: PreparedPage) -> tuple[tuple[str, ...], str | None]:
    """Stage: JSON-LD authors, then meta, then the visible byline; people before the outlet.

    Weak answers (the outlet's own name, an Organization as JSON-LD author, a lower-case login
    name) are kept only when no source names a person.
    """
    fallback: tuple[tuple[str, ...], str | None] = ((), None)
    for source, get in (
        ("json-ld", _ld_authors),
        ("meta", _meta_authors),
        ("html", lambda p: byline_elements(p.tree)),
        ("heuristic", lambda p: by_line(p.tree)),
    ):
        raw, weak = get(page)
        if not raw:
            continue
        names = clean_names(raw)
        people = tuple(n for n in names if not is_outlet(n, page.outlet_keys))
        # a login name ("andrew.keaveney") is weaker than a visible byline further down
        if people and not weak and not all(is_handle(n) for n in people):
            return people, source
        if names and not fallback[0]:
            fallback = (people or names, source)
    return fallback


def _ld_authors(page: PreparedPage) -> tuple[list[str], bool]:
    for obj in page.articles:
        if obj.get("author"):
            people, orgs = _ld_people(obj["author"], page.by_id)
            # an Organization as author is the publisher restated (or a brand blog)
            return (people, False) if people else (orgs, True)
    return [], False


def _meta_authors(page: PreparedPage) -> tuple[list[str], bool]:
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


def page_dates(
    page: PreparedPage, today: date | None = None
) -> tuple[str | None, str | None, dict[str, str]]:
    """Stage: published and modified dates (never one for the other), with their sources;
    none past `today` (see `metadata_dates.parse_date`; default: today in UTC)."""
    today = today or utc_today()
    prov: dict[str, str] = {}
    month_first = page_month_first(page.tree, page.url)
    published = modified = None
    for obj in page.articles:
        published = published or parse_date(_ld_text(obj.get("datePublished")), month_first, today)
        published = published or parse_date(_ld_text(obj.get("dateCreated")), month_first, today)
        modified = modified or parse_date(_ld_text(obj.get("dateModified")), month_first, today)
        if published:
            prov["published"] = "json-ld"
            break
    if modified:
        prov["modified"] = "json-ld"
    if not published:
        for name in V.META_PUBLISHED:
            if published := parse_date(_first_meta(page.meta, (name,)), month_first, today):
                prov["published"] = "meta"
                break
    if not modified:
        for name in V.META_MODIFIED:
            if modified := parse_date(_first_meta(page.meta, (name,)), month_first, today):
                prov["modified"] = "meta"
                break
    if not published or not modified:
        html_pub, html_mod = html_dates(page.tree, month_first, today)
        if not published and html_pub:
            published, prov["published"] = html_pub, "html"
        if not modified and html_mod:
            modified, prov["modified"] = html_mod, "html"
    if not published:
        near_pub, near_mod = dates_near_headline(page.tree, month_first, today)
        if near_pub:
            published, prov["published"] = near_pub, "heuristic"
        if not modified and near_mod:
            modified, prov["modified"] = near_mod, "heuristic"
    # htmldate may still land on the modified date when that is all the page shows
    if not published and (found := htmldate_date(page.tree, today)) and found != modified:
        published, prov["published"] = found, "htmldate"
    if not published and (found := url_date(page.url, today)):
        published, prov["published"] = found, "url"
    if published and modified and modified < published:
        modified = None  # a "modified" before publication is a template default
        prov.pop("modified", None)
    return published, modified, prov


# --------------------------------------------------------------------------- main entry


def extract_metadata(
    tree: lxml.html.HtmlElement, url: str | None = None, today: date | None = None
) -> Metadata:
    """Title, canonical URL, outlet, authors and dates of one parsed page, with provenance.

    Args:
        tree: the page parsed with `lxml.html.document_fromstring`; it is not modified.
        url: the page URL when known; the page's canonical link and og:url win over it.
        today: no date past it is a publication date (default: `utc_today()`).

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
    page = prepare_page(tree, url)
    prov: dict[str, str] = {}
    if page.url_source:
        prov["url"] = page.url_source
    if page.outlet_source:
        prov["outlet"] = page.outlet_source
    if page.skipped:
        prov["skipped"] = page.skipped
    title, source = page_title(page)
    if source:
        prov["title"] = source
    authors, source = page_authors(page)
    if source:
        prov["authors"] = source
    published, modified, date_prov = page_dates(page, today)
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
