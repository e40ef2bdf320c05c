"""The self-contained HTML report: views from the story contract, escaping, anchors, no requests."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from newsweave.report.html import render_html
from newsweave.report.views import highlight
from report_fixture import PLANTED, TEXTS, checked_report, hostile_report


class _Collect(HTMLParser):
    """Tags, ids, hrefs and srcs of a page, as a browser would parse them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        d = dict(attrs)
        self.tags.append((tag, d))
        if "id" in d:
            self.ids.add(d["id"])


def _parse(page: str) -> _Collect:
    c = _Collect()
    c.feed(page)
    return c


def test_report_html_every_citation_lands_on_an_anchor_in_the_file():
    page = _parse(render_html(checked_report()))
    hrefs = [d["href"] for t, d in page.tags if t == "a" and "href" in d]
    internal = [h for h in hrefs if h.startswith("#")]
    assert internal and all(h[1:] in page.ids for h in internal), [
        h for h in internal if h[1:] not in page.ids
    ]
    cites = [d["href"] for t, d in page.tags if t == "a" and d.get("class") == "cite"]
    assert "#ev-a1-0-73" in cites  # the corroborated line cites the first outlet's sentence


def test_report_html_evidence_mark_holds_the_cited_sentence():
    page = render_html(checked_report())
    m = re.search(r'<mark class="evidence" id="ev-a3-60-121"[^>]*>(.*?)</mark>', page, re.S)
    assert m is not None
    assert re.sub(r"<[^>]+>", "", m.group(1)) == TEXTS["a3"][60:121]


def test_report_html_shows_statuses_diffs_and_coverage():
    page = render_html(checked_report())
    for badge in ("b-corroborated", "b-conflicting", "b-single_source", "b-wording_differs"):
        assert f'class="badge {badge}"' in page
    assert "<del>is</del> <ins>was</ins> unsafe and" in page  # pieces are words, spaced
    assert page.count('<rect class="only"') == 1  # a2 alone carries c3
    assert page.count('<rect class="omitted"') == 3
    assert '<circle class="point"' in page  # the timeline chart
    assert "not checked yet" not in page


def test_report_html_partly_checked_story_says_what_is_missing():
    report = checked_report()
    del report["stories"][0]["timeline"]
    page = render_html(report)
    assert "Timeline: not checked yet." in page and "Claims</h2>" in page


def test_report_html_checked_story_with_empty_sections_says_why_not_unchecked():
    """A checked story whose check found no compared quotes and no dated claim (the seed pair:
    neither report gives its publication date) says so; "not checked yet" is for stories the
    check has not reached."""
    report = checked_report()
    story = report["stories"][0]
    story["quotes"], story["timeline"] = [], []
    page = render_html(report)
    assert "Quote comparison: no quotation is carried by two outlets." in page
    assert "Timeline: no claim carries a date the check could place." in page
    assert "not checked yet" not in page
    for article in report["articles"]:
        article["published"] = None
    page = render_html(report)
    assert "no article gives its publication date" in page


def test_report_html_unchecked_story_says_not_checked():
    report = checked_report()
    story = report["stories"][0]
    for key in ("checked", "claims", "quotes", "numbers", "coverage", "framing", "brief",
                "timeline"):  # fmt: skip
        story.pop(key)
    page = render_html(report)
    assert "Cross-check: not checked yet." in page
    assert "Claims</h2>" not in page
    assert "Ferry pier shut (a1)" in page


@pytest.mark.parametrize("planted", PLANTED.values())
def test_report_html_escapes_planted_markup(planted):
    page = render_html(hostile_report())
    assert planted not in page
    tags = _parse(page).tags
    assert not [t for t, _ in tags if t in ("script", "img", "iframe", "object")]
    assert not [d for _, d in tags if any(k.startswith("on") for k in d)]
    assert not [d for _, d in tags if "javascript:" in (d.get("href") or "")]


def test_report_html_hostile_text_still_shows_as_text():
    page = render_html(hostile_report())
    assert "Look &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "javascript:alert(&#39;u&#39;)" in page  # the URL shown, not linked


def test_report_html_forbids_requests():
    page = render_html(checked_report())
    assert "default-src 'none'" in page
    tags = _parse(page).tags
    # links the reader may click are fine; nothing the page would load by itself
    assert not [d for _, d in tags if "src" in d]
    assert not [t for t, _ in tags if t in ("link", "script", "iframe", "img")]


@pytest.mark.parametrize(
    "spans, shape",
    [
        ([{"kind": "quote", "start": 2, "end": 8}, {"kind": "entity", "start": 5, "end": 10}],
         ["ab", ("quote", ["cde", ("entity", ["fgh"])]), "ij"]),
        ([{"kind": "entity", "start": 0, "end": 99}, {"kind": "number", "start": -1, "end": 2}],
         ["abcdefghij"]),
        ([{"kind": "time", "start": 0, "end": 2}, {"kind": "time", "start": 0, "end": 2}],
         [("time", ["ab"]), "cdefghij"]),
    ],
)  # fmt: skip
def test_report_views_highlight_nests_clips_and_drops(spans, shape):
    def tree(node):
        return [c if isinstance(c, str) else (c.kind, tree(c)) for c in node.children]

    assert tree(highlight("abcdefghij", spans)) == shape


@pytest.mark.slow
def test_report_html_examples_corpus_under_two_megabytes(examples_report):
    page = render_html(examples_report)
    assert len(page.encode("utf-8")) < 2 * 1024 * 1024
    stories = examples_report["stories"]
    assert page.count('<section class="story-block"') == len(stories) >= 3


def test_report_html_doubtful_story_shows_cohesion_and_note():
    report = checked_report()
    report["stories"][0].update(cohesion=0.123, note="weakly linked: it may hold two events")
    page = render_html(report)
    assert page.count('class="doubt">weakly linked: it may hold two events<') == 2  # list, story
    assert "cohesion 0.12" in page


def test_report_html_lists_disputes_then_corroborated_then_single_source_claims():
    page = render_html(checked_report())
    heads = re.findall(r'<h3 id="[^"]*-claims-(\w+)">', page)
    assert heads == ["conflicting", "corroborated", "single_source"]


def test_report_html_says_undated_when_no_article_gives_a_date():
    report = checked_report()
    story = report["stories"][0]
    story["first_published"] = story["last_published"] = None
    page = render_html(report)
    assert "undated ·" in page and not re.search(r"·\s*\?\s*·", page)


def test_report_citations_number_articles_as_the_story_lists_them():
    from newsweave.report.views import citations

    texts = {"a": "One. Two.", "b": "Three. Four."}
    articles = {k: {"id": k, "text": t, "outlet": k.upper()} for k, t in texts.items()}
    story = {"article_ids": ["a", "b"], "claims": [{"id": "c", "evidence": [
        {"article_id": "b", "text": "Three.", "start": 0, "end": 6},
        {"article_id": "a", "text": "One.", "start": 0, "end": 4},
        {"article_id": "b", "text": "Four.", "start": 7, "end": 12},
    ]}]}  # fmt: skip
    cites = citations(story, ["c"], ["a", "b"], articles)
    assert [c["n"] for c in cites] == ["1", "2a", "2b"]  # in article order
    assert [c["label"] for c in cites] == ["A", "B", "B"]
    assert [c["text"] for c in cites] == ["One.", "Three.", "Four."]
    # an article the story does not list is numbered after its own, never "?"
    articles["x"] = {"id": "x", "text": "Five.", "outlet": "X"}
    story["claims"][0]["evidence"].insert(0, {"article_id": "x", "text": "Five.", "start": 0,
                                              "end": 5})  # fmt: skip
    assert [c["n"] for c in citations(story, ["c"], ["a", "b"], articles)] == ["1", "2a", "2b", "3"]
    page = render_html(checked_report())
    assert "<th>#</th><th>outlet</th>" in page and "<td>[3]</td>" in page


def test_report_html_counts_a_contested_term_used_again_in_one_voice():
    report = checked_report()
    terms = report["stories"][0]["framing"]["a2"]["contested_terms"]
    terms.append(dict(terms[0]))  # "fiasco" quoted twice
    page = render_html(report)
    assert "“fiasco” ×2 <span" in page and page.count("“fiasco”") == 1


@pytest.mark.parametrize("outlets", [[], None])
def test_report_html_story_meta_leaves_out_what_it_does_not_know(outlets):
    report = checked_report()
    report["stories"][0].update(outlets=outlets, cohesion=0.5, first_published=None,
                                last_published=None)  # fmt: skip
    meta = re.search(r'<p class="meta">(.*?)</p>', render_html(report), re.S).group(1)
    assert " ".join(meta.split()).endswith("independent sources · undated · cohesion 0.50")
