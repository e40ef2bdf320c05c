"""The check stage on random readings and stories (seeded, so every failure reproduces): no
traceback, and what it returns holds the report's contract. Article text is hostile, and a
reader's offsets can be anything a bug makes them: nested, partial and overlapping quotes,
cues and speakers named twice or not at all, figures, times and entities anywhere."""

from __future__ import annotations

import json
import random
from dataclasses import replace

import jsonschema
import pytest

from conftest import REPO
from newsweave.check import check_story
from newsweave.check.claims import article_claims
from newsweave.model import (
    Article,
    Attribution,
    Entity,
    Number,
    Quote,
    Reading,
    Story,
    TimeExpr,
)

SCHEMA = json.loads((REPO / "docs" / "report.schema.json").read_text("utf-8"))
STORY = {"$schema": SCHEMA["$schema"], "$defs": SCHEMA["$defs"], "$ref": "#/$defs/story"}
WORDS = ("Vale", "said", "and", "the", "army", "claims", "according", "to", "town", ",", "urging",
         "them", "which", "he", "says", '"', "took", "40", "hills", ".", "Ambry", "on", "Monday",
         "1,500", "percent", "not", "denied", "fire", "12", "km", "killed")  # fmt: skip
SPEAKERS = ("Ruta Vale", "the army", None)


def _text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, n)))


def _span(rng: random.Random, text: str) -> tuple[int, int]:
    a = rng.randrange(len(text) + 1)
    return a, rng.randint(a, len(text))


def _reading(rng: random.Random, aid: str, text: str) -> Reading:
    cuts = sorted({0, len(text), *(rng.randrange(len(text) + 1) for _ in range(rng.randint(0, 5)))})
    quotes, attributions, entities, numbers, times = [], [], [], [], []
    for _ in range(rng.randint(0, 6)):
        a, b = _span(rng, text)
        cue = rng.choice(("said", "says", "claims", "according to", "urging", "denied", "", None))
        mention = rng.choice(("Vale", "he", "the army", "nobody", None))
        if rng.random() < 0.7:
            quotes.append(Quote(text[a:b], rng.choice(SPEAKERS), mention, cue, rng.random() < 0.5,
                                a, b, partial=rng.random() < 0.3))  # fmt: skip
        else:
            kind = rng.choice(("belief", "stance", "refusal", "intention"))
            attributions.append(Attribution(kind, text[a:b], rng.choice(SPEAKERS), mention, cue,
                                            a, b))  # fmt: skip
    for _ in range(rng.randint(0, 4)):
        a, b = _span(rng, text)
        label = rng.choice(("PERSON", "GPE", "ORG"))
        entities.append(Entity(text[a:b], label, rng.choice(("Ruta Vale", "Ambry", "Vale")), a, b))
    for _ in range(rng.randint(0, 4)):
        a, b = _span(rng, text)
        numbers.append(Number(rng.choice((12.0, 40.0, 1500.0, 0.0, -3.0, 1e12)),
                              rng.choice((None, "%", "km", "people")),
                              rng.choice((None, "hills", "people", "territory")), text[a:b], a, b,
                              rng.choice((None, "more than", "about")),
                              rng.choice(SPEAKERS)))  # fmt: skip
    for _ in range(rng.randint(0, 2)):
        a, b = _span(rng, text)
        times.append(TimeExpr(text[a:b], a, b, rng.choice((None, "2026-03-02", "2026-W10",
                                                            "2026-03")), None))  # fmt: skip
    return Reading(aid, tuple(zip(cuts, cuts[1:], strict=False)), tuple(entities), tuple(quotes),
                   tuple(numbers), tuple(times), attributions=tuple(attributions))  # fmt: skip


@pytest.mark.parametrize("seed", range(200))
def test_check_claims_hold_their_invariants_on_random_readings(seed):
    # every claim is a non-empty span of the text, in text order, no span twice, and a
    # reported claim's speaker is one the reading gave
    rng = random.Random(seed)
    text = _text(rng, 60)
    reading = _reading(rng, "a", text)
    claims = article_claims(Article("a", "x", text), reading)
    assert all(0 <= c.start < c.end <= len(text) and text[c.start : c.end] == c.text
               for c in claims)  # fmt: skip
    assert [c.sentence for c in claims] == sorted(c.sentence for c in claims)
    assert len({(c.start, c.end) for c in claims}) == len(claims)
    given = {q.speaker for q in reading.quotes} | {a.source for a in reading.attributions}
    assert all(c.who in given for c in claims if c.kind == "reported")


@pytest.mark.parametrize("seed", range(60))
def test_check_stage_holds_the_report_contract_on_random_stories(seed):
    # one to four articles (same outlets, copies, unread articles, dates or none) of random
    # text and readings: the story's check validates against docs/report.schema.json, its
    # evidence is the articles' own text, and its brief cites claims and articles it has
    rng = random.Random(seed)
    docs = []
    for k in range(rng.randint(1, 4)):
        aid = f"{k:016x}"
        text = _text(rng, 80)
        outlet = rng.choice(("Ledger", "Courier", None))
        published = rng.choice((None, "2026-03-02", "2026-03-05T10:00:00"))
        article = Article(aid, f"{aid}.txt", text, outlet=outlet, published=published)
        if docs and rng.random() < 0.2:
            article = replace(article, duplicate_of=docs[0][0].id)
        reading = _reading(rng, aid, text) if rng.random() < 0.9 else None
        docs.append((article, reading))
    ids = tuple(a.id for a, _ in docs)
    story = Story("s-" + ids[0], None, ids, len(ids), (), None, None)
    check = check_story(story, docs)
    jsonschema.validate(json.loads(json.dumps(replace(story, check=check).to_dict())), STORY)
    texts = {a.id: a.text for a, _ in docs}
    claim_ids = {c.id for c in check.claims}
    for c in check.claims:
        assert c.evidence and all(texts[e.article_id][e.start : e.end] == e.text
                                  for e in c.evidence)  # fmt: skip
    for line in check.brief:
        assert line.status and line.article_ids and set(line.article_ids) <= set(ids)
        assert set(line.claim_ids) <= claim_ids
    assert set(check.coverage) <= set(ids) and set(check.framing) <= set(ids)
