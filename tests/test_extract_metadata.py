"""extract.metadata: one tiny invented page per known trap (dates, bylines, titles, URLs)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import lxml.html
import pytest

from newsweave.extract.metadata import Metadata, clean_authors, extract_metadata, parse_date


def page(head: str = "", body: str = "", lang: str = "en") -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(
        f'<html lang="{lang}"><head>{head}</head><body>{body}</body></html>'
    )


def ld(obj: dict) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


URL = "https://dailyplanet.example/news/harbour-bridge-reopens"


# --------------------------------------------------------------------------- authors


def test_byline_drops_by_and_job_title():
    tree = page(
        body='<h1>Harbour bridge reopens</h1><p class="byline">By Jane Doe, Senior '
        "Correspondent</p><p>The bridge reopened on Tuesday.</p>"
    )
    m = extract_metadata(tree, URL)
    assert m.authors == ("Jane Doe",)
    assert m.provenance["authors"] == "html"


def test_email_the_author_is_not_a_name():
    tree = page(
        body='<div class="author"><a rel="author" href="/staff/jd">Jane Doe</a> '
        '<a class="author-email" href="mailto:jd@dailyplanet.example">Email the '
        "author</a></div>"
    )
    assert extract_metadata(tree, URL).authors == ("Jane Doe",)


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("By Jane Doe and John Roe, Staff Writers", ("Jane Doe", "John Roe")),
        ("Email The Author", ()),
        ("@janedoe", ()),
        ("https://social.example/janedoe", ()),
        ("Jane Doe, MD, PhD", ("Jane Doe",)),
        ("Rui Ma", ("Rui Ma",)),  # "Ma" written as a name is a surname, not a credential
        ("Written byJane Doe", ("Jane Doe",)),
        ("Jane Doe | Updated May 4, 2025", ("Jane Doe",)),
        ("Jane Doe; jane doe", ("Jane Doe",)),
    ],
)
def test_clean_authors(raw, expected):
    assert clean_authors(raw) == expected


def test_outlet_posing_as_person_dropped_when_a_person_is_named():
    head = (
        '<meta property="og:site_name" content="Daily Planet">'
        '<meta name="author" content="Daily Planet">'
    )
    body = '<h1>Harbour bridge reopens</h1><span class="author-name">Jane Doe</span>'
    m = extract_metadata(page(head, body), URL)
    assert m.authors == ("Jane Doe",)
    assert m.outlet == "Daily Planet"


def test_outlet_kept_as_byline_when_it_is_the_only_one():
    # a company blog signed by the company: the page names no person, so the byline stands
    head = '<meta property="og:site_name" content="Daily Planet">'
    body = '<h1>Our new office</h1><p class="byline">By Daily Planet</p>'
    assert extract_metadata(page(head, body), URL).authors == ("Daily Planet",)


def test_jsonld_person_list():
    article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Harbour bridge reopens",
        "author": [
            {"@type": "Person", "name": "Jane Doe"},
            {"@type": "Person", "name": "John Roe"},
            {"@type": "Organization", "name": "Daily Planet"},
        ],
    }
    m = extract_metadata(page(ld(article)), URL)
    assert m.authors == ("Jane Doe", "John Roe")
    assert m.provenance["authors"] == "json-ld"


def test_jsonld_graph_with_author_reference():
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "Article", "author": {"@id": "#p1"}, "datePublished": "2024-03-02"},
            {"@type": "Person", "@id": "#p1", "name": "Jane Doe"},
        ],
    }
    m = extract_metadata(page(ld(graph)), URL)
    assert m.authors == ("Jane Doe",)
    assert m.published == "2024-03-02"


# --------------------------------------------------------------------------- dates


def test_published_and_modified_kept_apart():
    head = (
        '<meta property="article:modified_time" content="2025-02-22T10:00:00+00:00">'
        '<meta property="article:published_time" content="2021-08-12T19:35:44+00:00">'
    )
    m = extract_metadata(page(head, "<h1>Old story, new edit</h1>"), URL)
    assert (m.published, m.modified) == ("2021-08-12", "2025-02-22")
    assert m.provenance["published"] == "meta"
    assert m.provenance["modified"] == "meta"


def test_modified_never_stands_in_for_published():
    head = '<meta property="article:modified_time" content="2025-02-22T10:00:00+00:00">'
    body = "<h1>A page</h1><p>Updated <time datetime='2025-02-22'>Feb 22, 2025</time></p>"
    m = extract_metadata(page(head, body), "https://dailyplanet.example/a-page")
    assert m.modified == "2025-02-22"
    assert m.published is None


def test_date_only_in_url():
    url = "https://dailyplanet.example/2023/07/14/harbour-bridge-reopens/"
    m = extract_metadata(page(body="<h1>Harbour bridge reopens</h1><p>Text.</p>"), url)
    assert m.published == "2023-07-14"
    assert m.provenance["published"] == "url"


def test_url_digits_lose_to_the_page():
    url = "https://dailyplanet.example/2023/07/14/harbour-bridge-reopens/"
    head = '<meta property="article:published_time" content="2023-07-15T08:00:00Z">'
    m = extract_metadata(page(head, "<h1>Harbour bridge reopens</h1>"), url)
    assert m.published == "2023-07-15"


@pytest.mark.parametrize(
    "lang, expected",
    [("en-US", "2025-04-05"), ("en-GB", "2025-05-04"), ("de", "2025-05-04")],
)
def test_numeric_date_order_follows_locale(lang, expected):
    body = "<h1>Harbour bridge reopens</h1><time>04/05/2025</time>"
    m = extract_metadata(page(body=body, lang=lang), "https://dailyplanet.example/x")
    assert m.published == expected


@pytest.mark.parametrize(
    "text, month_first, expected",
    [
        ("2025-09-04T23:30:00-05:00", True, "2025-09-04"),  # local date, not UTC
        ("September 4, 2025", False, "2025-09-04"),
        ("4 September 2025", True, "2025-09-04"),
        ("13/04/2025", True, "2025-04-13"),  # unambiguous: 13 is no month
        ("04.05.2025", True, "2025-05-04"),  # dotted dates are day-first
        ("not a date", True, None),
        ("2999-01-01", True, None),  # in the future
    ],
)
def test_parse_date(text, month_first, expected):
    assert parse_date(text, month_first) == expected


# --------------------------------------------------------------------------- title, URL


def test_og_title_site_suffix_stripped():
    head = (
        '<meta property="og:site_name" content="Daily Planet">'
        '<meta property="og:title" content="Harbour bridge reopens | Daily Planet">'
        "<title>Harbour bridge reopens | Daily Planet</title>"
    )
    m = extract_metadata(page(head, "<p>No headline element.</p>"), URL)
    assert m.title == "Harbour bridge reopens"
    assert m.provenance["title"] == "meta"


def test_visible_headline_preferred_when_it_matches():
    head = '<meta property="og:title" content="Harbour bridge reopens - Daily Planet">'
    body = "<h1>Harbour bridge <em>reopens</em></h1>"
    m = extract_metadata(page(head, body), URL)
    assert m.title == "Harbour bridge reopens"
    assert m.provenance["title"] == "html"


def test_canonical_link_tracking_parameters_dropped():
    head = (
        '<link rel="canonical" href="https://dailyplanet.example/news/bridge?utm_source=feed'
        '&amp;utm_medium=rss&amp;id=42#comments">'
    )
    m = extract_metadata(page(head), "https://mirror.example/copy")
    assert m.url == "https://dailyplanet.example/news/bridge?id=42"
    assert m.provenance["url"] == "html"


def test_outlet_falls_back_to_domain():
    m = extract_metadata(page(body="<h1>x</h1>"), "https://www.dailyplanet.example/a")
    assert m.outlet == "dailyplanet.example"
    assert m.provenance["outlet"] == "url"


# --------------------------------------------------------------------------- contract


def test_tree_is_not_mutated():
    head = '<meta property="og:title" content="Harbour bridge reopens | Daily Planet">'
    body = (
        '<h1>Harbour bridge reopens</h1><p class="byline">By Jane Doe</p>'
        "<p>Text without a date; htmldate runs on its own copy.</p>"
    )
    tree = page(head, body)
    before = lxml.html.tostring(tree)
    extract_metadata(tree, "https://dailyplanet.example/a")
    assert lxml.html.tostring(tree) == before


def test_empty_page_gives_empty_metadata():
    m = extract_metadata(page())
    assert m == Metadata(None, None, None, (), None, None, {})


def test_rejects_non_tree():
    with pytest.raises(ValueError, match="lxml.html tree"):
        extract_metadata("<html></html>")  # type: ignore[arg-type]


def test_extract_metadata_future_date_refused():
    # a date weeks ahead is a template's event date or a typo, never a publication date
    today = datetime.now(UTC).date()
    ahead, behind = today + timedelta(days=30), today - timedelta(days=30)
    assert parse_date(ahead.isoformat()) is None
    assert parse_date(behind.isoformat()) == behind.isoformat()


@pytest.mark.parametrize("kind", ["html", "text", "hint"])
def test_extract_today_is_given_so_the_date_rule_is_deterministic(kind):
    # the same input, two todays: the publication date 2026-03-11 is refused only by the one
    # two days before it (a date beyond a day ahead is a template's placeholder)
    from datetime import date

    from conftest import html_page, paragraphs
    from newsweave.extract import extract
    from newsweave.model import RawDocument

    when = "2026-03-11T09:00:00+00:00"
    body = "\n\n".join(paragraphs(21))
    raw = {
        "html": RawDocument("a.html", html_page(21, extra_head=(
            f'<meta property="article:published_time" content="{when}">')).encode(), "html"),
        "text": RawDocument("a.txt", f"Harbour wall inspected\nMarch 11, 2026\n{body}".encode(),
                            "text"),
        "hint": RawDocument("a.jsonl#0", body.encode(), "article-text", {"published": when}),
    }[kind]  # fmt: skip
    assert extract(raw, today=date(2026, 3, 10)).published == "2026-03-11"  # within a day
    # (the page's fallback, htmldate, may find an older date on it, never a later one)
    assert extract(raw, today=date(2026, 3, 9)).published in (None, "2026-03-01")
    assert parse_date("2026-03-11", today=date(2026, 3, 9)) is None
    assert parse_date("2026-03-11", today=date(2026, 3, 10)) == "2026-03-11"
