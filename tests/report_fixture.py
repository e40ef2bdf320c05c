"""An invented report with every key of the story contract (docs: the check stage's story object).

Outlets, people and text are made up for the tests. Offsets are computed from the texts, so
they index each article's `text` exactly as the check stage's do.
"""

from __future__ import annotations

import copy

TEXTS = {
    "a1": (
        "Harbour officials in Quellmouth said the old ferry pier closed on Monday. "
        'Port director Ilsa Varn said: "The pier is unsafe and will stay shut." '
        "About 1,200 commuters use the ferry every day. Repairs will cost 4 million crowns."
    ),
    "a2": (
        "The Quellmouth ferry pier closed on Monday after inspectors found cracks. "
        "Ilsa Varn, the port director, said the pier was unsafe and would stay closed. "
        "Some 1,500 commuters are affected. Critics called the closure a fiasco."
    ),
    "a3": (
        "The Quellmouth ferry pier closed on Monday, officials said. "
        "Repairs will cost 6 million crowns, according to the council."
    ),
}
OUTLETS = {"a1": "Quellmouth Gazette", "a2": "Northreach Daily", "a3": "Lowfen Radio"}


def _span(aid: str, text: str) -> dict:
    start = TEXTS[aid].index(text)
    return {"article_id": aid, "text": text, "start": start, "end": start + len(text)}


def _article(aid: str) -> dict:
    text = TEXTS[aid]
    varn = text.find("Ilsa Varn")
    entities = [
        {
            "text": "Quellmouth",
            "label": "GPE",
            "canonical": "Quellmouth",
            "start": text.index("Quellmouth"),
            "end": text.index("Quellmouth") + 10,
        }
    ]
    if varn >= 0:
        entities.append(
            {
                "text": "Ilsa Varn",
                "label": "PERSON",
                "canonical": "Ilsa Varn",
                "start": varn,
                "end": varn + 9,
            }
        )
    return {
        "id": aid,
        "source": f"invented/{aid}.html",
        "url": f"https://{aid}.example/pier",
        "outlet": OUTLETS[aid],
        "authors": ["Test Writer"],
        "title": f"Ferry pier shut ({aid})",
        "published": "2026-04-0" + aid[-1],
        "modified": None,
        "captured": None,
        "language": "en",
        "text": text,
        "removed": ["Subscribe to our newsletter"],
        "provenance": {"title": "html", "outlet": "meta", "published": "json-ld"},
        "duplicate_of": None,
        "notes": [],
        "entities": entities,
        "quotes": [],
        "numbers": [],
        "times": [],
    }


def checked_report() -> dict:
    """A report whose one story has every key the check stage adds."""
    closed = [
        _span("a1", "Harbour officials in Quellmouth said the old ferry pier closed on Monday."),
        _span("a2", "The Quellmouth ferry pier closed on Monday after inspectors found cracks."),
        _span("a3", "The Quellmouth ferry pier closed on Monday, officials said."),
    ]
    cost1 = _span("a1", "Repairs will cost 4 million crowns.")
    cost3 = _span("a3", "Repairs will cost 6 million crowns, according to the council.")
    fiasco = _span("a2", "Critics called the closure a fiasco.")
    q1 = _span("a1", "The pier is unsafe and will stay shut.")
    q2 = _span("a2", "the pier was unsafe and would stay closed")
    n1 = _span("a1", "About 1,200 commuters")
    n2 = _span("a2", "Some 1,500 commuters")
    claims = [
        {
            "id": "c1",
            "text": "The ferry pier closed on Monday.",
            "status": "corroborated",
            "attribution": {"kind": "asserted", "who": None, "cue": None},
            "attributed_to": None,
            "article_ids": ["a1", "a2", "a3"],
            "independent_sources": 3,
            "evidence": closed,
            "note": "three independent outlets",
        },
        {
            "id": "c2",
            "text": "Repairs will cost 4 million crowns.",
            "status": "conflicting",
            "attribution": {"kind": "reported", "who": "the council", "cue": "according to"},
            "attributed_to": "the council",
            "article_ids": ["a1", "a3"],
            "independent_sources": 2,
            "evidence": [cost1, cost3],
            "note": "4 million against 6 million",
        },
        {
            "id": "c3",
            "text": "Critics called the closure a fiasco.",
            "status": "single_source",
            "attribution": {"kind": "reported", "who": "critics", "cue": "called"},
            "attributed_to": "critics",
            "article_ids": ["a2"],
            "independent_sources": 1,
            "evidence": [fiasco],
            "note": "only Northreach Daily",
        },
    ]
    story = {
        "id": "s-a1",
        "title": "Quellmouth ferry pier closed",
        "article_ids": ["a1", "a2", "a3"],
        "independent_sources": 3,
        "outlets": list(OUTLETS.values()),
        "first_published": "2026-04-01",
        "last_published": "2026-04-03",
        "article_count": 3,
        "checked": True,
        "check_note": None,
        "claims": claims,
        "quotes": [
            {
                "speaker": "Ilsa Varn",
                "status": "wording_differs",
                "variants": [
                    dict(q1, direct=True, diff=[]),
                    dict(
                        q2,
                        direct=False,
                        diff=[
                            ["-", "The"],
                            ["+", "the"],
                            ["=", "pier"],
                            ["-", "is"],
                            ["+", "was"],
                            ["=", "unsafe and"],
                            ["-", "will stay shut."],
                            ["+", "would stay closed"],
                        ],
                    ),
                ],
            }
        ],
        "numbers": [
            {
                "quantity": "commuters",
                "unit": "people",
                "claimed_by": None,
                "status": "conflicting",
                "values": [
                    dict(n1, value=1200, unit="people", published="2026-04-01"),
                    dict(n2, value=1500, unit="people", published="2026-04-02"),
                ],
            }
        ],
        "coverage": {
            "a1": {"only_here": [], "missing": ["c3"], "speakers": {"Ilsa Varn": 1}},
            "a2": {"only_here": ["c3"], "missing": ["c2"], "speakers": {"Ilsa Varn": 1}},
            "a3": {"only_here": [], "missing": ["c3"], "speakers": {}},
        },
        "framing": {
            "a1": {"asserted_share": 0.25, "contested_terms": [], "lead": closed[0]["text"]},
            "a2": {
                "asserted_share": 0.5,
                "contested_terms": [
                    {
                        "term": "fiasco",
                        "voice": "quoted",
                        "start": fiasco["start"] + 28,
                        "end": fiasco["start"] + 34,
                    }
                ],
                "lead": closed[1]["text"],
            },
        },
        "brief": [
            {
                "text": "The Quellmouth ferry pier closed on Monday.",
                "status": "corroborated",
                "claim_ids": ["c1"],
                "article_ids": ["a1", "a2", "a3"],
            },
            {
                "text": "The repair bill is disputed: 4 or 6 million crowns.",
                "status": "conflicting",
                "claim_ids": ["c2"],
                "article_ids": ["a1", "a3"],
            },
            {
                "text": "Critics called the closure a fiasco.",
                "status": "single_source",
                "claim_ids": ["c3"],
                "article_ids": ["a2"],
            },
        ],
        "timeline": [
            {
                "when": "2026-03-30",
                "text": "Inspectors found cracks.",
                "claim_ids": [],
                "article_ids": ["a2"],
            },
            {
                "when": "2026-04-01",
                "text": "The pier closed.",
                "claim_ids": ["c1"],
                "article_ids": ["a1", "a2", "a3"],
            },
        ],
    }
    articles = [_article(a) for a in TEXTS]
    articles[0]["quotes"] = [
        {
            "text": q1["text"],
            "speaker": "Ilsa Varn",
            "speaker_text": "Ilsa Varn",
            "cue": "said",
            "direct": True,
            "partial": False,
            "start": q1["start"],
            "end": q1["end"],
        }
    ]
    articles[0]["numbers"] = [
        {
            "value": 1200.0,
            "unit": "people",
            "counts": "commuters",
            "qualifier": "about",
            "claimed_by": None,
            "text": n1["text"],
            "start": n1["start"],
            "end": n1["end"],
        }
    ]
    articles[2]["duplicate_of"] = None
    return {
        "schema": "newsweave.report/1",
        "generator": "newsweave test",
        "generated": "2026-04-04T00:00:00+00:00",
        "articles": articles,
        "stories": [story],
    }


PLANTED = {
    "title": "<script>alert('t')</script><img src=x onerror=alert('i')>",
    "text": "Look <script>alert('x')</script> and <img src=x onerror=\"alert('y')\"> here. "
    "A <a href=\"javascript:alert('z')\">link</a> too.",
    "url": "javascript:alert('u')",
    "outlet": "<b onmouseover=alert('o')>Evil Outlet</b>",
}


def hostile_report() -> dict:
    """The checked report with markup planted in one article's title, text, URL and outlet."""
    report = copy.deepcopy(checked_report())
    evil = report["articles"][2]
    evil.update(PLANTED)
    evil["entities"], evil["quotes"], evil["numbers"] = [], [], []
    story = report["stories"][0]
    for claim in story["claims"]:
        claim["evidence"] = [e for e in claim["evidence"] if e["article_id"] != "a3"]
    story["claims"][0]["text"] = PLANTED["title"]
    story["brief"][0]["text"] = PLANTED["text"]
    # the per-article tables too: a contested term, a lead and a quoted speaker
    framing = story["framing"]["a2"]
    framing["contested_terms"] = [dict(framing["contested_terms"][0], term=PLANTED["title"])]
    framing["lead"] = PLANTED["outlet"]
    story["coverage"]["a1"]["speakers"] = {PLANTED["title"]: 1}
    return report


def fixture_store(path, report: dict) -> None:
    """Write a report's articles, readings and stories into a store at `path` (as the
    pipeline would, check results included), for the web app's tests."""
    from newsweave.model import Article, Entity, Number, Quote, Reading
    from newsweave.store import SQLiteStore

    with SQLiteStore(path) as store:
        for a in report["articles"]:
            store.add(Article.from_dict(a))
            reading = Reading(
                article_id=a["id"],
                entities=tuple(Entity(**e) for e in a["entities"]),
                quotes=tuple(Quote(**q) for q in a["quotes"]),
                numbers=tuple(Number(**n) for n in a["numbers"]),
            )
            store.add_reading(reading, "fixture")
        store.replace_stories(report["stories"], {})
