"""The brief and the timeline of a story.

The brief is extractive: every sentence is an article's own words (a whole sentence when it
holds the proposition alone, else the claim with its speaker and cue), with the proposition's
status and the articles it cites; a reported claim says who said it. It holds 3 to
`brief_max_sentences` propositions, best sourced first (independent sources, then how early the
articles put it: news leads with what matters), none repeating another; then one line on what
is disputed, one on what only one outlet reports, and one each for the most reported disputed
and revised figures (check/numbers.py).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path

from ..model import (
    Article,
    BriefLine,
    Claim,
    Evidence,
    NumberComparison,
    Proposition,
    Reading,
    TimelineEntry,
)
from .terms import content_stems

# An asserted brief line or a timeline entry says something: at least this many content words
# ("One, who did not want to be named" says nothing; nor does "Thursday (19 February").
MIN_STATEMENT_TERMS = 4
# A candidate repeats a chosen brief sentence when this share of its stems is already there.
REDUNDANT_SHARE = 0.5
# A whole sentence renders a proposition when it is at most this many words long.
MAX_SENTENCE_WORDS = 45


def _rank(p: Proposition, claims_of: Mapping[str, Sequence[Claim]]) -> tuple:
    earliest = min(c.sentence for c in claims_of[p.id])
    return (-p.independent_sources, -len(p.article_ids), earliest, p.id)


def _words_from_speaker(text: str, s: int, best: Claim) -> str | None:
    """The article's own words from the speaker's name to the end of the claim ("Gerasimov
    asserted that Russian forces had regained over 86% ..."), when they are short enough."""
    surname = (best.who or "").split()[-1:] or [""]
    at = text.rfind(surname[0], s, best.start) if surname[0] else -1
    if at < 0:
        return None
    words = text[at : best.end].strip()
    return words if len(words.split()) <= MAX_SENTENCE_WORDS else None


def _render(
    p: Proposition,
    best: Claim,
    by_sentence: Mapping[tuple[str, int], Sequence[Claim]],
    docs: Mapping[str, tuple[Article, Reading]],
) -> str:
    article, reading = docs[best.article_id]
    s, e = reading.sentences[best.sentence]
    sentence = article.text[s:e].strip()
    others = by_sentence[(best.article_id, best.sentence)]
    alone = all(c is best or c.kind == "reported" and c.who == best.who for c in others)
    # a quote running on past its first sentence ("We'll have to wait and see. It's up to
    # Russia now," Trump said) is rendered from the claim, not cut at the first full stop
    if alone and best.end <= e and len(sentence.split()) <= MAX_SENTENCE_WORDS:
        text = sentence
    elif best.kind == "reported":
        quoted = f"“{best.text}”" if best.direct else best.text
        text = _words_from_speaker(article.text, s, best) or quoted
    else:
        text = best.text
    who = p.attributed_to
    if who and who.split()[-1].lower() not in text.lower():
        text = f"According to {who}: {text}"
    return text if text.endswith((".", "!", "?", '"', "”")) else text + "."


def build_brief(
    propositions: Sequence[Proposition],
    best_claims: Mapping[str, Claim],
    claims_of: Mapping[str, Sequence[Claim]],
    claims: Sequence[Claim],
    docs: Mapping[str, tuple[Article, Reading]],
    max_sentences: int,
    numbers: Sequence[NumberComparison] = (),
) -> tuple[BriefLine, ...]:
    """The brief: ranked, non-redundant propositions, then the disputed and single-source
    lines, then one line on figures the sources disagree on and one on revised figures."""
    ranked = sorted((p for p in propositions if p.status != "conflicting"),
                    key=lambda p: _rank(p, claims_of))  # fmt: skip
    by_sentence: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for c in claims:
        by_sentence[(c.article_id, c.sentence)].append(c)
    lines: list[BriefLine] = []
    seen: set[str] = set()
    for p in ranked:
        if len(lines) >= max_sentences or (len(lines) >= 3 and p.status == "single_source"):
            break
        if p.attribution["kind"] == "asserted" and len(content_stems(p.text)) < MIN_STATEMENT_TERMS:
            continue  # a person's short words are news ("It's up to Russia now"), a fragment not
        text = _render(p, best_claims[p.id], by_sentence, docs)
        if text[0].islower():
            continue  # a clause torn from its sentence ("as US representatives are ...") reads
            # as a fragment: the brief keeps sentences a reader can take alone
        stems = set(content_stems(text))
        if stems and len(stems & seen) >= REDUNDANT_SHARE * len(stems):
            continue
        seen |= stems
        lines.append(BriefLine(text, p.status, (p.id,), p.article_ids, p.evidence[:1]))
    disputed = [p for p in propositions if p.status == "conflicting"]
    if disputed:
        p = disputed[0]
        more = f" (and {len(disputed) - 1} more)" if len(disputed) > 1 else ""
        ids = tuple(d.id for d in disputed)
        text = f"Disputed{more}: {p.text} — {p.note}."
        lines.append(BriefLine(text, "conflicting", ids, p.article_ids, p.evidence))
    shown = {i for line in lines for i in line.claim_ids}
    single = [p for p in propositions if p.status == "single_source" and p.id not in shown]
    if single and len({p.article_ids[0] for p in propositions}) > 1:
        p = min(single, key=lambda p: _rank(p, claims_of))
        # name the origin, not a copy of it
        article = next(
            (docs[a][0] for a in p.article_ids if not docs[a][0].duplicate_of),
            docs[p.article_ids[0]][0],
        )
        name = article.outlet or Path(article.source).name
        text = f"Only {name} reports: {_render(p, best_claims[p.id], by_sentence, docs)}"
        lines.append(BriefLine(text, "single_source", (p.id,), p.article_ids, p.evidence[:1]))
    lines.extend(_figure_lines(numbers, docs))
    return tuple(lines)


def _name(article: Article) -> str:
    return article.outlet or Path(article.source).name


def _figure_line(n: NumberComparison, docs: Mapping[str, tuple[Article, Reading]]) -> BriefLine:
    """One quantity's values in order of first publication, each with the outlets giving it:
    "Disputed: people injured: 14 (Northgate Post, 2026-03-10) against 12 (Ostwyn Courier...)"."""
    values = sorted(n.values, key=lambda v: v.published or "")
    outlets: dict[float, list[str]] = {}
    for v in values:
        outlets.setdefault(v.value, []).append(_name(docs[v.article_id][0]))
    first = {}
    for v in values:
        first.setdefault(v.value, v)
    parts = []
    for value, v in first.items():
        day = f", {v.published[:10]}" if v.published else ""
        parts.append(f"{v.text} ({', '.join(dict.fromkeys(outlets[value]))}{day})")
    if n.status == "conflicting":
        text, status = f"Disputed: {n.quantity}: {' against '.join(parts)}.", "conflicting"
    else:  # updated: the latest figure's own sourcing is the line's status
        latest = outlets[values[-1].value]
        status = "corroborated" if len(set(latest)) > 1 else "single_source"
        text = f"Revised: {n.quantity}: {', then '.join(parts)}."
    ids = tuple(dict.fromkeys(v.article_id for v in values))
    evidence = tuple(Evidence(v.article_id, v.text, v.start, v.end) for v in values)
    return BriefLine(text, status, (), ids, evidence)


def _figure_lines(
    numbers: Sequence[NumberComparison], docs: Mapping[str, tuple[Article, Reading]]
) -> list[BriefLine]:
    """One line for the most reported disputed figure, one for the most reported revised one."""
    out = []
    for status in ("conflicting", "updated"):
        chosen = [n for n in numbers if n.status == status and len(n.values) > 1]
        if chosen:
            out.append(_figure_line(max(chosen, key=lambda n: len(n.values)), docs))
    return out


# A timeline entry also starts as a sentence does ("to comment on the report on Tuesday" is a
# piece) and is no note about the article itself ("This article was amended on 18 March").
_ABOUT_THE_ARTICLE = re.compile(
    r"^this (?:article|story|report|page) (?:was|has been|is) (?:amended|updated|corrected)", re.I
)


def _happened(p: Proposition) -> bool:
    return (
        p.text[:1].isupper()
        and len(content_stems(p.text)) >= MIN_STATEMENT_TERMS
        and not _ABOUT_THE_ARTICLE.match(p.text)
    )


def build_timeline(propositions: Sequence[Proposition]) -> tuple[TimelineEntry, ...]:
    """The propositions that carry a resolved date and say what happened, in event order.

    Example:
        >>> from newsweave.model import Proposition
        >>> def prop(pid, text, when):
        ...     return Proposition(pid, text, "single_source", {}, None, ("a",), 1, (), "", when)
        >>> entries = build_timeline([
        ...     prop("p1", "Crews reopened the northern ring road to traffic", "2026-03-12"),
        ...     prop("p2", "This article was amended on 11 March 2026", "2026-03-11"),
        ...     prop("p3", "The river burst its banks at Lindholm weir", "2026-03-10"),
        ... ])
        >>> [(e.when, e.claim_ids) for e in entries]
        [('2026-03-10', ('p3',)), ('2026-03-12', ('p1',))]
    """
    dated = sorted(
        (p for p in propositions if p.when and _happened(p)), key=lambda p: (p.when, p.id)
    )
    return tuple(TimelineEntry(p.when, p.text, (p.id,), p.article_ids) for p in dated)
