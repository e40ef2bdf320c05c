"""HTML main text and metadata (trafilatura), each metadata field with its provenance."""

from __future__ import annotations

from trafilatura import bare_extraction

from ..model import Extraction


def extract_html(html: str, url: str | None = None, source: str = "") -> Extraction:
    """Main text and metadata of one HTML page.

    Args:
        html: the decoded page.
        url: the page URL when known (container hint); the page's canonical link wins.
        source: the input name, for messages.
    """
    doc = bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    if doc is None:
        return Extraction(text="", url=url)
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    prov = {
        k: "trafilatura"
        for k in ("title", "url", "outlet", "authors", "published")
        if d.get({"outlet": "sitename", "authors": "author", "published": "date"}.get(k, k))
    }
    authors = tuple(a.strip() for a in (d.get("author") or "").split(";") if a.strip())
    if d.get("hostname") and (d.get("sitename") or d["hostname"]) == d["hostname"]:
        prov["outlet"] = "url"
    return Extraction(
        text=d.get("text") or "",
        title=d.get("title"),
        url=d.get("url") or url,
        outlet=d.get("sitename") or d.get("hostname"),
        authors=authors,
        published=d.get("date"),
        provenance=prov,
    )
