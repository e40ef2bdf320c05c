"""Recovery of dropped article blocks, on tiny invented pages."""

from __future__ import annotations

import lxml.html

from newsweave.extract.maintext_recover import recover_blocks

INTRO = [
    "The tasting panel of the Orlen valley spent three weeks visiting the small kitchens that "
    "opened along the river this year, and these are the places it would send a friend to.",
    "Every kitchen on the list takes bookings a month ahead, and most of them keep a few tables "
    "back for walk-ins on weekday evenings when the ferry is running late.",
]
CARDS = [
    ("Mossbank Table", "A former boathouse where the cook serves smoked trout with rye and a "
     "sharp apple sauce, and the bread is baked in the stove that heats the room."),
    ("The Copper Pan", "This counter seats twelve people around an open grill, and the menu "
     "changes with whatever the morning boats bring in from the estuary."),
]  # fmt: skip


def _body(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(f"<html><body>{html}</body></html>").find(".//body")


def _cards() -> str:
    return "".join(f"<article class='card'><h3>{n}</h3><p>{d}</p></article>" for n, d in CARDS)


def test_recover_adds_prose_cards_in_the_container_in_page_order():
    html = (
        "<main><div class='post'>"
        + "".join(f"<p>{p}</p>" for p in INTRO)
        + f"<div class='cards'>{_cards()}</div></div></main>"
    )
    out = recover_blocks(_body(html), list(INTRO))
    assert out == [*INTRO, CARDS[0][0], CARDS[0][1], CARDS[1][0], CARDS[1][1]]


def test_recover_skips_chrome_boxes_and_link_lists():
    links = "".join(
        f"<li><a href='/s/{i}'>Another river story, number {i}, from the archive pages of the "
        "paper and its readers.</a></li>"
        for i in range(3)
    )
    html = (
        "<div class='post'>"
        + "".join(f"<p>{p}</p>" for p in INTRO)
        + f"<div class='related-stories'><p>{CARDS[0][1]}</p></div>"
        + f"<aside><p>{CARDS[1][1]}</p></aside><ul>{links}</ul>"
        + "<p>Share this</p></div>"
    )
    assert recover_blocks(_body(html), list(INTRO)) == INTRO


def test_recover_adds_a_data_table_and_text_after_an_embed():
    rows = "".join(
        f"<tr><td>Quay {q}</td><td>{d} metres</td></tr>" for q, d in (("north", 7), ("west", 9))
    )
    html = (
        "<article>"
        + f"<p>{INTRO[0]}</p><div class='embed'><iframe src='x'></iframe>"
        + f"<table><tr><th>Quay</th><th>Depth</th></tr>{rows}</table></div>"
        + f"<p>{INTRO[1]}</p><p>{CARDS[0][1]}</p></article>"
    )
    out = recover_blocks(_body(html), [INTRO[0]])
    assert out == [INTRO[0], "Quay | Depth", "Quay north | 7 metres", "Quay west | 9 metres",
                   INTRO[1], CARDS[0][1]]  # fmt: skip


def test_recover_leaves_lines_alone_without_a_container():
    lines = ["A line the page does not hold anywhere at all, so there is no container."]
    assert recover_blocks(_body(f"<p>{INTRO[0]}</p>"), lines) == lines
    assert recover_blocks(_body(f"<p>{INTRO[0]}</p>"), []) == []


def test_recover_does_not_repeat_kept_text():
    html = "<div>" + "".join(f"<p>{p}</p>" for p in INTRO) + "</div>"
    assert recover_blocks(_body(html), list(INTRO)) == INTRO
