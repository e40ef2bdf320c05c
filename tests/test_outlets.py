"""One outlet per site: a page without a site name takes its domain's name (issue 14, item 14)."""

from __future__ import annotations

from conftest import paragraphs
from newsweave.model import Article
from newsweave.outlets import NAMED_BY_SITE, normalise_outlet, outlet_table
from newsweave.pipeline import analyze
from newsweave.store import SQLiteStore


def _page(seed: int, n: int, site_name: bool) -> str:
    """An invented Tavessa Herald page; with or without its og:site_name."""
    meta = '<meta property="og:site_name" content="The Tavessa Herald">' if site_name else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs(seed))
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Lindholm council reviews the flood barrier, part {n}</title>{meta}
<link rel="canonical" href="https://www.tavessaherald.example/news/{n}"></head>
<body><article><h1>Lindholm council reviews the flood barrier, part {n}</h1>
{body}</article></body></html>"""


def test_outlets_domain_named_page_takes_the_sites_name(tmp_path):
    (tmp_path / "a.html").write_text(_page(1, 1, site_name=True), "utf-8")
    (tmp_path / "b.html").write_text(_page(2, 2, site_name=False), "utf-8")
    with SQLiteStore(tmp_path / "x.db") as store:
        report = analyze([str(tmp_path)], store, fetch=False).to_dict()
        stored = {a.source.rsplit("/", 1)[1]: a for a in store.articles()}
    assert stored["b.html"].outlet == "tavessaherald.example"  # the store keeps what was read
    arts = {a["source"].rsplit("/", 1)[1]: a for a in report["articles"]}
    assert arts["a.html"]["outlet"] == arts["b.html"]["outlet"] == "The Tavessa Herald"
    assert arts["b.html"]["provenance"]["outlet"] == NAMED_BY_SITE
    story = next(s for s in report["stories"] if len(s["article_ids"]) == 2)
    assert story["outlets"] == ["The Tavessa Herald"]
    assert story["independent_sources"] == 1


def test_outlets_table_keeps_names_of_other_domains_apart():
    named = Article("1", "a", "x", url="https://a.example/1", outlet="A Times",
                    provenance={"outlet": "meta"})  # fmt: skip
    other = Article("2", "b", "x", url="https://b.example/1", outlet="b.example",
                    provenance={"outlet": "url"})  # fmt: skip
    table = outlet_table([named, other])
    assert table == {"a.example": "A Times"}
    assert normalise_outlet(other, table) is other
    assert normalise_outlet(named, table) is named
