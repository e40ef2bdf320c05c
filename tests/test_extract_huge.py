"""Huge and pathological pages (issue 14 item 3): bounded work, one parse, the article kept.

A page whose one tag carries a million attributes never finished (libxml2's attribute check is
quadratic in one C call, which the time budget cannot interrupt); thousands of short paragraphs
made jusText's neighbour search quadratic; the removed-block listing searched the whole kept
text once per block.
"""

from __future__ import annotations

import lxml.html
import pytest
import trafilatura.core
import trafilatura.utils

from conftest import html_page, paragraphs, run_inputs
from newsweave.extract import html as html_mod
from newsweave.extract import maintext_filters
from newsweave.extract.html import MAX_TAG_ATTRIBUTES, parse_html
from newsweave.extract.maintext import FALLBACK_MAX_ELEMENTS, FALLBACK_MAX_TEXTS, main_text
from newsweave.extract.maintext_filters import removed_blocks


def _with_attributes(n: int) -> str:
    attrs = " ".join(f'data-a{i}="v"' for i in range(n))
    return html_page(61).replace("<article>", f"<article {attrs}>")


def test_extract_huge_tag_keeps_its_first_attributes_only():
    tree = parse_html(_with_attributes(5_000))
    (article,) = tree.iter("article")
    assert len(article.attrib) == MAX_TAG_ATTRIBUTES
    assert article.get("data-a0") == "v" and article.get(f"data-a{MAX_TAG_ATTRIBUTES}") is None
    assert all(p in article.text_content() for p in paragraphs(61))


def test_extract_ordinary_tags_keep_every_attribute():
    attrs = " ".join(f'data-a{i}="{">" * (i % 2)}v"' for i in range(40))
    tree = parse_html(html_page(62).replace("<article>", f"<article {attrs}>"))
    (article,) = tree.iter("article")
    assert len(article.attrib) == 40


def test_extract_a_million_attributes_gives_the_article(tmp_path):
    page = tmp_path / "attrs.html"
    page.write_text(_with_attributes(1_000_000), "utf-8")
    arts, errors, _ = run_inputs([page], **{"ingest.max_file_bytes": 40_000_000})
    assert errors == []
    assert all(p in arts[0].text for p in paragraphs(61))


def _many_short_paragraphs(n: int) -> str:
    items = "".join(f"<p>Item {i}</p>" for i in range(n))
    return html_page(63).replace("</article>", "</article><div>" + items + "</div>")


class _Counter:
    def __init__(self, real):
        self.real, self.calls = real, 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self.real(*args, **kwargs)


@pytest.fixture
def fallbacks(monkeypatch):
    """Counts trafilatura's external fallbacks (readability, jusText) and lxml parses."""
    counts = {
        "compare": _Counter(trafilatura.core.compare_extraction),
        "justext": _Counter(trafilatura.core.justext_rescue),
        "parse": _Counter(lxml.html.document_fromstring),
        "trafilatura_parse": _Counter(trafilatura.utils.fromstring),
    }
    monkeypatch.setattr(trafilatura.core, "compare_extraction", counts["compare"])
    monkeypatch.setattr(trafilatura.core, "justext_rescue", counts["justext"])
    monkeypatch.setattr(lxml.html, "document_fromstring", counts["parse"])
    monkeypatch.setattr(trafilatura.utils, "fromstring", counts["trafilatura_parse"])
    return counts


def test_extract_page_of_many_texts_skips_the_quadratic_fallbacks_and_parses_once(fallbacks):
    page = _many_short_paragraphs(FALLBACK_MAX_TEXTS + 10)
    result = main_text(html_mod.parse_html(page))
    assert all(p in result.text for p in paragraphs(63))
    assert fallbacks["compare"].calls == fallbacks["justext"].calls == 0
    assert fallbacks["parse"].calls + fallbacks["trafilatura_parse"].calls == 1


def test_extract_page_of_many_elements_skips_the_fallbacks(fallbacks):
    spans = "<span></span>" * (FALLBACK_MAX_ELEMENTS + 10)
    page = html_page(64).replace("</article>", f"</article><div>{spans}</div>")
    result = main_text(html_mod.parse_html(page))
    assert all(p in result.text for p in paragraphs(64))
    assert fallbacks["compare"].calls == fallbacks["justext"].calls == 0


def test_extract_ordinary_page_still_runs_the_fallbacks(fallbacks):
    main_text(html_mod.parse_html(_many_short_paragraphs(50)))
    assert fallbacks["compare"].calls >= 1


@pytest.mark.parametrize("exact_max", [maintext_filters.EXACT_SEARCH_MAX_CHARS, 0])
def test_extract_removed_blocks_kept_lines_and_containers_are_not_listed(monkeypatch, exact_max):
    monkeypatch.setattr(maintext_filters, "EXACT_SEARCH_MAX_CHARS", exact_max)  # 0: the 4-grams
    kept = ["First kept paragraph of the story, long enough.",
            "Second kept paragraph of the story, long enough too."]  # fmt: skip
    page = ("<html><body><div><p>" + kept[0] + "</p><p>" + kept[1] + "</p></div>"
            "<p>A dropped paragraph that the main text does not hold.</p>"
            "<p>Second kept paragraph of the story, long enough too. Plus a tail.</p>"
            "</body></html>")  # fmt: skip
    out = removed_blocks(lxml.html.document_fromstring(page), "\n".join(kept), ["Short."])
    assert out == (
        "A dropped paragraph that the main text does not hold.",
        "Second kept paragraph of the story, long enough too. Plus a tail.",
    )
