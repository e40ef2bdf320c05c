"""Coverage and framing per article.

Coverage: which of the story's corroborated propositions an article leaves out, which ones only
it carries, and whom it quotes how often. Framing: the share of its claims it asserts in its own
voice (against those it attributes), the contested terms it uses in its own voice versus inside
quotes and attributions, and whom its headline and first sentence lead with.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from ..model import Article, Claim, Proposition, Reading

# Terms that carry a side's framing, from newsroom style guidance: the BBC Editorial Guidelines
# ("Language when reporting terrorism": terrorist, militant, freedom fighter), the Reuters
# Handbook of Journalism (terrorist, regime, liberate vs capture, occupied), the AP Stylebook
# (illegal immigrant, pro-life/anti-abortion, riot vs protest). Stems, matched at word starts.
CONTESTED_TERMS = (
    "liberat", "terroris", "regime", "occupie", "occupation", "invasion", "incursion",
    "special military operation", "martyr", "massacre", "genocide", "freedom fighter",
    "militant", "thug", "illegal immigrant", "illegal alien", "pro-life", "riot", "looter",
    "propaganda", "puppet", "junta", "annex",
)  # fmt: skip
# The look-ahead of the terms' first letters lets the matcher skip a word at its first letter
# instead of trying every term there: the same matches in half the time (300 WCXB pages).
_TERM = re.compile(
    r"\b(?=[" + "".join(sorted({t[0] for t in CONTESTED_TERMS})) + r"])(?:"
    + "|".join(re.escape(t) for t in CONTESTED_TERMS) + r")\w*",
    re.I,
)  # fmt: skip


def coverage(
    propositions: Sequence[Proposition], article_ids: Sequence[str], claims: Sequence[Claim],
    sources: Mapping[str, int],
) -> dict[str, dict]:  # fmt: skip
    """Per article: corroborated propositions it misses, single-source ones only it (or its
    copies) carries, and its speakers with their counts."""
    out = {}
    for aid in article_ids:
        mine = {p.id for p in propositions if aid in p.article_ids}
        speakers = Counter(c.who for c in claims if c.article_id == aid and c.who)
        out[aid] = {
            "only_here": [
                p.id for p in propositions
                if p.id in mine and p.independent_sources == 1
                and len({sources[a] for a in p.article_ids}) == 1
            ],
            "missing": [
                p.id for p in propositions if p.status == "corroborated" and p.id not in mine
            ],
            "speakers": dict(speakers.most_common()),
        }  # fmt: skip
    return out


def _lead(article: Article, reading: Reading) -> str | None:
    """The person or organisation the headline names first, else the first sentence."""
    head_end = reading.sentences[0][1] if reading.sentences else 0
    people = [e for e in reading.entities if e.label in ("PERSON", "ORG") and e.start < head_end]
    if people:
        return people[0].canonical
    if article.title:
        for e in reading.entities:
            if e.label in ("PERSON", "ORG") and e.text in article.title:
                return e.canonical
    return None


def framing(article: Article, reading: Reading, claims: Sequence[Claim]) -> dict:
    """Asserted share, contested terms by voice, and the lead of one article.

    Example:
        >>> from newsweave.model import Article, Reading, Quote
        >>> text = 'Troops liberated the town. "We liberated it," the general said.'
        >>> q = Quote("We liberated it,", "the general", "the general", "said", True, 28, 44)
        >>> f = framing(Article("a", "x", text), Reading("a", quotes=(q,)), ())
        >>> [(t["term"], t["voice"]) for t in f["contested_terms"]]
        [('liberated', 'outlet'), ('liberated', 'quoted')]
    """
    spans = [(q.start, q.end) for q in reading.quotes]
    terms = []
    for m in _TERM.finditer(article.text):
        quoted = any(s <= m.start() < e for s, e in spans)
        terms.append({"term": m.group(0), "voice": "quoted" if quoted else "outlet",
                      "start": m.start(), "end": m.end()})  # fmt: skip
    mine = [c for c in claims if c.article_id == article.id]
    asserted = sum(c.kind == "asserted" for c in mine)
    return {
        "asserted_share": round(asserted / len(mine), 3) if mine else 0.0,
        "contested_terms": terms,
        "lead": _lead(article, reading),
    }
