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
