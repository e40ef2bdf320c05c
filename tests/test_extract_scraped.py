"""The scraped-text cleaner: article lines kept, chrome removed (and listed), metadata read."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.flattened import flatten_page

from newsweave.extract.scraped import ScrapedContext, clean_scraped
from newsweave.extract.scraped_meta import byline_names, date_only, is_credit

# An invented page in the shape scrapers save: menus, headline, byline, prose, footer.
PARAGRAPHS = (
    "The town council of Eldermoor voted on Monday to rebuild the old stone bridge over the "
    "Wend river, which was closed in March after inspectors found cracks in two of its arches.",
    "Mayor Ines Taverner said the work would begin in the spring and take about eighteen "
    "months, and that a temporary footbridge would carry pedestrians across in the meantime.",
    "“We have waited long enough, and the people who cross it every day deserve a safe "
    "bridge,” she told reporters outside the town hall after the vote.",
    "Local shop owners said the closure had cut the number of customers on the east bank by "
    "almost a third, and several of them asked the council to speed up the repairs.",
    "The council expects the county to pay for most of the estimated cost of the project, "
    "although the final figure will only be known once the engineers have finished surveys.",
)
PAGE = "\n".join(
    (
        "Wednesday, April 2, 2025",
        "Home",
        "World",
        "Local",
        "Sport",
        "Subscribe",
        "Eldermoor council votes to rebuild the cracked Wend bridge",
        "By Marta Quill",
        *PARAGRAPHS,
        "Share this article",
        "Sign up for our newsletter",
        "Related Posts",
        "Popular Articles",
        "© 2025 The Wend Valley Courier. All rights reserved.",
    )
)


def _chrome_lines(page: str) -> list[str]:
    return [line for line in page.splitlines() if line.strip() and line not in PARAGRAPHS]


def test_invented_page_keeps_every_paragraph_and_only_those() -> None:
    ex = clean_scraped(PAGE)
    assert ex.text.split("\n") == list(PARAGRAPHS)


def test_invented_page_lists_every_removed_line_in_order() -> None:
    ex = clean_scraped(PAGE)
    assert list(ex.removed) == _chrome_lines(PAGE)


def test_invented_page_metadata() -> None:
    ex = clean_scraped(PAGE, url="https://courier.example/news/eldermoor-rebuild-wend-bridge")
    assert ex.title == "Eldermoor council votes to rebuild the cracked Wend bridge"
    assert ex.authors == ("Marta Quill",)
    assert ex.outlet == "The Wend Valley Courier"
    assert ex.captured == "2025-04-02"
    assert ex.published is None
    assert ex.provenance["title"] == "text-line"
    assert ex.url == "https://courier.example/news/eldermoor-rebuild-wend-bridge"


def test_paragraphs_only_invent_no_title() -> None:
    ex = clean_scraped("\n".join(PARAGRAPHS))
    assert ex.title is None
    assert ex.text.split("\n") == list(PARAGRAPHS)
    assert ex.removed == ()


@pytest.mark.parametrize(
    "stamp", ["Updated: November 11, 2011 20:09 IST", "22 July 2013 Last updated at 17:50 GMT",
              "September 18th, 2013, 05:31 GMT"],
)  # fmt: skip
def test_a_stamp_above_the_text_is_no_title(stamp: str) -> None:
    # as ECB+'s saved pages open: the stamp where the headline would be
    ex = clean_scraped("\n".join((stamp, *PARAGRAPHS)))
    assert ex.title is None
    assert ex.text.split("\n")[-len(PARAGRAPHS) :] == list(PARAGRAPHS)


def test_credit_line_is_removed() -> None:
    ex = clean_scraped("\n".join((*PARAGRAPHS, "Photo: Eldermoor Town Hall")))
    assert ex.removed == ("Photo: Eldermoor Town Hall",)
    assert "Town Hall" not in ex.text.split("\n")[-1]


def test_empty_text_gives_empty_extraction() -> None:
    ex = clean_scraped("  \n\n ")
    assert ex.text == ""
    assert ex.removed == ()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Tuesday, June 3, 2025", "2025-06-03"),
        ("12 May 2024", "2024-05-12"),
        ("The meeting on May 12, 2024 was short.", None),
        ("Related Posts", None),
    ],
)
def test_date_only(line: str, expected: str | None) -> None:
    assert date_only(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Photo: Jane Roe/Agency", True),
        ("(Image by Dan Ferris)", True),
        ("Source: the county budget office", True),
        ("Photographers gathered outside the court on Monday.", False),
        ("Sources said the talks would resume.", False),
    ],
)
def test_is_credit(line: str, expected: bool) -> None:
    assert is_credit(line) is expected


def test_byline_names() -> None:
    assert byline_names("By Marta Quill and Tobias Wren") == ("Marta Quill", "Tobias Wren")
    assert byline_names("By the river, the town grew quickly over the years.") == ()


def test_context_counts_other_pages_only() -> None:
    footer = "Read our community guidelines before posting"
    pages = [f"{p}\n{footer}" for p in PARAGRAPHS[:3]]
    ctx = ScrapedContext.from_texts(pages)
    assert ctx.pages == 3
    counts, others = ctx.repeats(pages[0], pages[0].split("\n"))
    assert others == 2
    assert counts == [0, 2]
    # a page outside the batch is compared with all of it
    counts, others = ctx.repeats("new page", ["new page", footer])
    assert (counts, others) == ([0, 3], 3)


def test_context_removes_a_repeated_footer() -> None:
    footer = "Thanks for reading the Courier today"
    pages = [f"{p}\n{footer}" for p in PARAGRAPHS]
    ctx = ScrapedContext.from_texts(pages)
    # the page is one of the batch: its own prose is on no other page, the footer on all
    ex = clean_scraped(pages[0], context=ctx)
    assert ex.removed == (footer,)
    assert ex.text == PARAGRAPHS[0]


def test_context_rejects_negative_page_count() -> None:
    with pytest.raises(ValueError, match="pages must be >= 0"):
        ScrapedContext(pages=-1)


def test_flatten_page_keeps_chrome_blocks_and_drops_code() -> None:
    html = (
        "<html><head><title>T</title><style>p{}</style></head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li>World</li></ul></nav>"
        "<script>var x = 1;</script><noscript>Enable JS</noscript>"
        "<article><h1>A headline</h1><p>First <b>bold</b> words.<br>Second line.</p></article>"
        "<div hidden>secret</div><footer>© 2025 Example</footer></body></html>"
    )
    assert flatten_page(html).split("\n") == [
        "Home",
        "World",
        "A headline",
        "First bold words.",
        "Second line.",
        "© 2025 Example",
    ]


# --- the seed pair (real scraped pages in ../shared; skipped when absent) -------------------


@pytest.mark.shared
def test_seed_000_article_text_and_no_chrome(seed_000: Path) -> None:
    raw = seed_000.read_text("utf-8")
    ex = clean_scraped(raw)
    lines = [ln.strip() for ln in raw.splitlines() if ln.strip()]
    first = next(i for i, ln in enumerate(lines) if ln.startswith("President Vladimir Putin"))
    last = next(i for i, ln in enumerate(lines) if "in the coming days" in ln)
    assert ex.text.split("\n") == lines[first : last + 1]
    chrome = (
        "Tuesday, June 17, 2025",
        "Top 5 This Week",
        "Related Posts",
        "Discover more from",
        "Subscribe to get",
        "Hammad Saeed",
        "LEAVE A REPLY",
        "Please enter your comment!",
        "Please enter your name here",
        "Popular Articles",
    )
    for piece in chrome:
        assert piece not in ex.text, piece


@pytest.mark.shared
def test_seed_000_removed_lines_are_everything_else_in_order(seed_000: Path) -> None:
    raw = seed_000.read_text("utf-8")
    ex = clean_scraped(raw)
    lines = [ln.strip() for ln in raw.splitlines() if ln.strip()]
    kept = set(ex.text.split("\n"))
    assert list(ex.removed) == [ln for ln in lines if ln not in kept]


@pytest.mark.shared
def test_seed_000_metadata(seed_000: Path) -> None:
    ex = clean_scraped(seed_000.read_text("utf-8"))
    assert ex.title == (
        "Putin makes an unannounced visit to Kursk as Trump asserts that the onus for peace "
        "now rests with Russia"
    )
    assert ex.outlet == "Defence Talks"
    assert ex.authors == ("Hammad Saeed",)
    assert ex.captured == "2025-06-17"
    assert ex.published is None
    assert ex.provenance == {
        "title": "text-line",
        "outlet": "text-line",
        "authors": "text-line",
        "captured": "text-line",
    }


@pytest.mark.shared
def test_seed_003_keeps_paragraphs_drops_credit_invents_no_title(seed_003: Path) -> None:
    raw = seed_003.read_text("utf-8")
    ex = clean_scraped(raw)
    lines = [ln.strip() for ln in raw.splitlines() if ln.strip()]
    credit = [ln for ln in lines if ln.startswith("Photo:")]
    assert credit and ex.removed == tuple(credit)
    assert ex.text.split("\n") == [ln for ln in lines if ln not in credit]
    assert ex.title is None


@pytest.mark.parametrize(
    "line, expected",
    [
        ("By Dom Kessel - 10 March 2026", ("2026-03-10", None)),
        ("Posted 21 March 2026 at 17:20 | Updated 22 March 2026", ("2026-03-21", "2026-03-22")),
        ("Updated: March 3, 2026", (None, "2026-03-03")),
        ("The council met with residents to discuss the repairs", (None, None)),
    ],
)  # fmt: skip
def test_scraped_header_dates_tell_published_from_updated(line, expected):
    from newsweave.extract.scraped_meta import header_dates

    assert header_dates(line) == expected


def test_scraped_dateline_under_headline_is_published_and_outlet_is_not_an_author():
    from conftest import paragraphs

    page = "\n".join(
        [
            "Friday, April 3, 2026",
            "Harbour Gazette",
            "Home",
            "News",
            "Ferry timetable cut as harbour wall repairs overrun",
            "Posted 1 April 2026 at 09:10 | Updated 2 April 2026 at 11:00",
            "By Harbour Gazette reporter",
            *paragraphs(90),
            "Subscribe to Harbour Gazette",
        ]
    )
    ex = clean_scraped(page)
    assert ex.published == "2026-04-01" and ex.captured == "2026-04-03"
    assert ex.outlet == "Harbour Gazette"
    assert ex.authors == ()


@pytest.mark.parametrize(
    "lines, want",
    [
        (["Two hurt this afternoon.", "Crews came on Thursday (19 February)."], "2026-02-19"),
        (["Two were hurt.", "Crews came on Thursday (19 February)."], None),  # no 'today'
        # Friday 19 February: 2021, more than two years before the capture: not taken
        (["Two hurt this afternoon.", "Crews came on Friday (19 February)."], None),
        (["Two hurt today.", "Crews came on Sunday 30 February."], None),
    ],
)
def test_extract_scraped_same_day_date_needs_today_and_weekday(lines, want) -> None:
    from newsweave.extract.scraped_meta import same_day_date

    assert same_day_date(lines, [True] * len(lines), "2026-03-21") == want


# A short clean article: every line is a sentence. The classifier alone kept two of four
# (the quote and the last line scored 0.41-0.42 against a threshold of 0.5).
SHORT_CLEAN = (
    "The Tavessa council approved a new budget on Monday.",
    "Spending on schools will rise by 4 percent next year.",
    "“This is a budget for families,” Mayor Ilse Varn told reporters.",
    "Opposition members said the plan ignores roads.",
)


def test_scraped_short_clean_text_is_kept_whole() -> None:
    ex = clean_scraped("\n\n".join(SHORT_CLEAN))
    assert ex.text.split("\n") == list(SHORT_CLEAN)
    assert ex.removed == ()


def test_scraped_short_clean_text_under_a_headline_and_byline_is_kept_whole() -> None:
    page = "\n".join(("Tavessa council approves budget", "By Pia Marr", "", *SHORT_CLEAN))
    ex = clean_scraped(page)
    assert ex.text.split("\n") == list(SHORT_CLEAN)
    assert ex.title == "Tavessa council approves budget" and ex.authors == ("Pia Marr",)


def test_scraped_a_chrome_line_after_the_body_still_goes_to_the_classifier() -> None:
    ex = clean_scraped("\n".join((*PARAGRAPHS, "Share this article", "Related Posts")))
    assert ex.text.split("\n") == list(PARAGRAPHS)
    assert ex.removed == ("Share this article", "Related Posts")


def test_scraped_features_are_matched_to_their_names_by_name():
    from newsweave.extract.scraped_features import (
        LOCAL_FEATURES,
        LOG_WORDS,
        STAGE1_FEATURES,
        local_features,
        page_features,
        vector,
    )

    line = "Subscribe to our newsletter, it is free."
    values = dict(zip(LOCAL_FEATURES, local_features(line), strict=True))
    assert values["cta"] == 2 / 3 and values["end_punct"] == 1.0 and values["len_le10"] == 1.0
    assert values["stop_density"] == 4 / 7  # to, our, it, is
    rows = page_features([line, "Home"])
    assert all(len(r) == len(STAGE1_FEATURES) for r in rows)
    assert rows[1][LOG_WORDS] == pytest.approx(0.6931, abs=1e-4)  # log1p(1 word)
    assert vector({"b": 2.0, "a": 1.0}, ("a", "b")) == [1.0, 2.0]
    with pytest.raises(ValueError, match="missing \\['b'\\]"):
        vector({"a": 1.0, "c": 3.0}, ("a", "b"))
