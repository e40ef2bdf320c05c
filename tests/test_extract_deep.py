"""Pathological nesting: deep markup is flattened, not dropped; a bad JSON-LD block is skipped."""

from __future__ import annotations

import pytest

from conftest import html_page, paragraphs, run_inputs

_DEPTH = 100_000


@pytest.mark.parametrize(
    "name, edit",
    [
        ("divs.html", lambda p: p.replace("<article>", "<article>" + "<div>" * _DEPTH)
         .replace("</article>", "</div>" * _DEPTH + "</article>")),
        ("unclosed-divs.html", lambda p: p.replace("<article>", "<article>" + "<div>" * _DEPTH)),
        ("spans.html", lambda p: p.replace("<p>", "<p>" + "<span>" * 5000, 1)),
        ("jsonld-object.html", lambda p: p.replace("</head>", '<script type="application/ld+json">'
         + '{"a":' * _DEPTH + "1" + "}" * _DEPTH + "</script></head>")),
        ("jsonld-array.html", lambda p: p.replace("</head>", '<script type="application/ld+json">'
         + "[" * _DEPTH + "]" * _DEPTH + "</script></head>")),
    ],
)  # fmt: skip
def test_extract_deep_markup_keeps_the_article(tmp_path, name, edit):
    p = tmp_path / name
    p.write_text(edit(html_page(91)), "utf-8")
    arts, errors, _ = run_inputs([p])
    assert errors == []
    assert all(par in arts[0].text for par in paragraphs(91))
    assert arts[0].title == "Lindholm council story number 91"


@pytest.mark.parametrize(
    "blocks, note",
    [
        (["[" * _DEPTH + "]" * _DEPTH], "1 JSON-LD block skipped (nested too deep)"),
        (['{"@type": "NewsArticle", "headline": '], "1 JSON-LD block skipped (not valid JSON)"),
        (['{"a":' * _DEPTH + "1" + "}" * _DEPTH, "{oops}", '{"@type": "Thing"}'],
         "2 JSON-LD blocks skipped (1 nested too deep, 1 not valid JSON)"),
        (['{"@type": "Thing"}'], None),
    ],
)  # fmt: skip
def test_extract_deep_skipped_jsonld_block_is_noted(tmp_path, blocks, note):
    scripts = "".join(f'<script type="application/ld+json">{b}</script>' for b in blocks)
    p = tmp_path / "ld.html"
    p.write_text(html_page(92).replace("</head>", scripts + "</head>"), "utf-8")
    arts, errors, _ = run_inputs([p])
    assert errors == []
    assert arts[0].provenance.get("skipped") == note
