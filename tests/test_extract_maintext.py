"""Main text of tiny invented pages: boilerplate out, article in, odd trees handled."""

from __future__ import annotations

import dataclasses

import lxml.html
import pytest

from newsweave.extract.maintext import MainText, main_text
from newsweave.extract.maintext_filters import _phrases, filter_lines
from newsweave.extract.maintext_runs import repair_mojibake

ARTICLE = [
    "The harbour board of Veltmark voted on Tuesday to rebuild the eastern breakwater before the "
    "winter storms, after engineers found cracks along most of its length.",
    "Board chair Ilse Moravec said the repairs would cost about four million crowns and take "
    "nine months, with the fishing fleet moved to the western quay in the meantime.",
    "Fishermen at the meeting asked for a written promise that mooring fees would not rise "
    "during the works, and the board agreed to publish one within a week.",
    "The breakwater was built in 1911 and last repaired in the 1970s, when a storm surge tore "
    "away a section near the lighthouse and flooded the old customs house.",
]


def _page(body: str, title: str = "Veltmark harbour board votes to rebuild breakwater") -> str:
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>{title}</title></head><body>{body}"
        "</body></html>"
    )


def _article_page() -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in ARTICLE)
    related = "".join(
        f"<li><a href='/n/{i}'>Another harbour story number {i} from the archive</a></li>"
        for i in range(6)
    )
    return _page(
        "<header><nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a>"
        "</nav></header>"
        "<main><article><h1>Veltmark harbour board votes to rebuild breakwater</h1>"
        "<div class='share'><a href='#'>Share on Facebook</a> <a href='#'>Share on X</a></div>"
        f"{paragraphs}"
        "<section class='related'><h2>Related posts</h2><ul>" + related + "</ul></section>"
        "<div id='comments' class='comments'><h3>Leave a reply</h3>"
        "<form><label>Your comment</label><textarea></textarea>"
        "<button>Post comment</button></form>"
        "<p class='comment'>Great article, thanks for sharing this with all of us readers!</p>"
        "</div></article></main>"
        "<footer><p>© 2026 The Veltmark Tide. All rights reserved. Terms. Privacy.</p></footer>"
    )


def _tree(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html)


def test_maintext_keeps_article_and_drops_chrome():
    result = main_text(_tree(_article_page()), "https://tide.example/harbour")
    for paragraph in ARTICLE:
        assert paragraph in result.text
    for chrome in ("Share on Facebook", "Another harbour story", "Great article", "All rights"):
        assert chrome not in result.text
    # the title is metadata: not repeated as the first line of the text
    assert not result.text.startswith("Veltmark harbour board votes")
    assert result.run in ("recall", "balanced")


def test_maintext_lists_removed_blocks():
    result = main_text(_tree(_article_page()))
    assert any("All rights reserved" in block for block in result.removed)
    assert all(len(block) >= 40 for block in result.removed)
    assert not any(ARTICLE[0] in block for block in result.removed)
    # without the page pass, only the lines the post-filters dropped (here the repeated title)
    cheap = main_text(_tree(_article_page()), with_removed=False).removed
    assert set(cheap) <= set(main_text(_tree(_article_page())).removed)


def test_maintext_does_not_modify_the_tree():
    tree = _tree(_article_page())
    before = lxml.html.tostring(tree)
    main_text(tree)
    assert lxml.html.tostring(tree) == before


def test_maintext_keeps_table_cells():
    rows = "".join(
        f"<tr><td>Quay {name}</td><td>{depth} metres</td></tr>"
        for name, depth in (("north", 7), ("west", 9), ("east", 11))
    )
    html = _page(
        "<article>"
        + "".join(f"<p>{p}</p>" for p in ARTICLE[:3])
        + f"<table><tr><th>Quay</th><th>Depth</th></tr>{rows}</table>"
        + "</article>"
    )
    text = main_text(_tree(html)).text
    assert "Quay west" in text and "9 metres" in text


def test_maintext_page_without_article_gives_nothing():
    html = _page(
        "<nav><a href='/'>Home</a> <a href='/a'>About</a> <a href='/c'>Contact</a></nav>"
        "<div class='grid'><a href='/1'>Shop</a> <a href='/2'>Cart</a></div>"
        "<footer>© 2026 Shop</footer>"
    )
    assert main_text(_tree(html)).text == ""


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>t</title></head><body></body></html>",
        "<html><head><title>only a head</title></head></html>",
    ],
)
def test_maintext_empty_body_or_no_body(html):
    result = main_text(_tree(html))
    assert result == MainText(text="", removed=(), run="")


def test_maintext_none_tree():
    assert main_text(None).text == ""


def test_maintext_result_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        main_text(_tree(_article_page())).text = "x"  # type: ignore[misc]


def test_filter_lines_drops_second_copy_of_body_and_tail():
    # a second copy of the body (mobile and desktop versions of the same article)
    later = "The harbour master confirmed the figures at the quay; the works begin in April 2027."
    body = [f"{p} {later} {later}" for p in ARTICLE]
    text = "\n".join(["My title", *body, *body, "Read more", "Related posts", "Other story"])
    kept, dropped = filter_lines(text, titles=["My title"])
    assert kept == body
    assert dropped[0] == "My title" and "Other story" in dropped


def test_filter_lines_keeps_short_repeats_and_early_related_heading():
    text = "\n".join(["Pros", ARTICLE[0], "Pros", "Related", ARTICLE[1], ARTICLE[2], ARTICLE[3]])
    kept, _ = filter_lines(text)
    assert kept.count("Pros") == 2 and "Related" in kept


def test_filter_lines_drops_publication_stamps_not_sentences_about_them():
    stamps = ["Published Saturday 21 March 2026, 16:40", "Last updated: April 21, 2025",
              "- Posted July 10, 2004", "Posted by IndustrySelect on Tuesday, August 29, 2023",
              "Updated on 09/10/2025", "Updated 9:01 AM EDT", "Updated at 9 a.m.",
              "Updated 2 hours ago"]  # fmt: skip
    kept_lines = [
        "Published figures show 40 bridges of the design were built in 1968 and 1971 alone.",
        "Updated",  # a lone word with no date: not a stamp (and no chrome line of its own)
        # short sentences that open with the word: no weekday, month, date or time after it
        "Updated figures show 3 deaths and 40 homes lost.",
        "Published in 1968, the report found 40 flaws.",
        "Posted 12 officers to the border.",
        "Published monthly since 1990 by the society.",
        "Updated May figures show 40 more deaths.",
        "Posted on Monday, the video drew 2 million views.",
        "Published May 3, the report found 40 flaws.",
        "Posted 4.5 million views in May.",
    ]
    kept, dropped = filter_lines("\n".join([ARTICLE[0], *stamps, *kept_lines, ARTICLE[1]]))
    assert kept == [ARTICLE[0], *kept_lines, ARTICLE[1]]
    assert dropped == stamps


def test_vocabulary_entries_must_have_words():
    with pytest.raises(ValueError, match="no word characters"):
        _phrases(("read more", "!!"))


def test_filter_lines_drops_breadcrumbs_above_the_title_only_when_short():
    body = ARTICLE[:2]
    kept, dropped = filter_lines(
        "\n".join(["- Home", "- Harbour news", "My title", *body]), ["My title"]
    )
    assert kept == body and dropped == ["- Home", "- Harbour news", "My title"]
    # a real paragraph above the title is not a breadcrumb
    kept, _ = filter_lines("\n".join([ARTICLE[3], "My title", *body]), ["My title"])
    assert kept == [ARTICLE[3], *body]


def test_filter_lines_keeps_paragraphs_after_an_emptied_related_box():
    long_paragraphs = [f"{ARTICLE[2]} {ARTICLE[3]}", f"{ARTICLE[3]} {ARTICLE[0]}"]
    # near the end of a long text (tail headings count only in its last part)
    body = [f"{p} (part {n})" for n in range(3) for p in ARTICLE]
    lines = [*body, "Related articles", *long_paragraphs]
    kept, dropped = filter_lines("\n".join(lines))
    assert dropped == ["Related articles"] and kept[-2:] == long_paragraphs
    # followed by link titles, the heading still ends the text
    links = ["Another harbour story", "A third harbour story"]
    kept, dropped = filter_lines("\n".join([*lines[:-2], *links]))
    assert dropped == ["Related articles", *links]


def test_maintext_repairs_double_encoded_utf8():
    # the site encoded its UTF-8 text a second time: every quote and dash became three characters
    garbled = [
        p.replace(" ", "\u2019 \u2014 ", 3).encode("utf-8").decode("latin-1") for p in ARTICLE
    ]
    tree = _tree(_page("<article>" + "".join(f"<p>{p}</p>" for p in garbled) + "</article>"))
    before = lxml.html.tostring(tree)
    text = main_text(tree).text
    assert "\u2019 \u2014" in text and "\u00e2" not in text
    assert lxml.html.tostring(tree) == before


def test_repair_mojibake_leaves_clean_pages_alone():
    tree = _tree(_article_page())
    assert repair_mojibake(tree) is None
    # a few stray sequences are not a double-encoded page
    stray = "\u2019".encode("utf-8").decode("latin-1")
    assert repair_mojibake(_tree(_page(f"<p>{stray} {ARTICLE[0]}</p>"))) is None


@pytest.mark.parametrize("container", ["<div class='comments'>", "<div id='comment-body'>"])
def test_maintext_short_story_in_a_comment_like_container_takes_trafilaturas_plain_text(
    container,
):
    """Issue 14 item 10: the story came out empty; trafilatura's defaults find it, and we say so."""
    from newsweave.extract import extract
    from newsweave.extract.html import PLAIN_NOTE
    from newsweave.model import RawDocument

    page = _page(container + "".join(f"<p>{p}</p>" for p in ARTICLE) + "</div>")
    article = extract(RawDocument(source="story.html", data=page.encode(), kind="html"))
    assert article.text.split("\n") == ARTICLE  # whole, and once
    assert article.provenance["text"] == PLAIN_NOTE
    assert main_text(lxml.html.document_fromstring(page)).run == "plain"


def test_maintext_ordinary_page_keeps_our_text_without_a_note():
    from newsweave.extract import extract
    from newsweave.model import RawDocument

    page = _page("<article>" + "".join(f"<p>{p}</p>" for p in ARTICLE) + "</article>")
    article = extract(RawDocument(source="story.html", data=page.encode(), kind="html"))
    assert article.text.split("\n") == ARTICLE
    assert "text" not in article.provenance
