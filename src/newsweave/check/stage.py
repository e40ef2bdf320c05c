"""The check stage: one story's articles and readings -> claims, propositions and their status,
quotes and numbers across outlets, coverage, framing, brief and timeline.

A pure function over plain data, so it runs the same in a loop, a pool or a Spark partition.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..group.stories import source_labels
from ..model import Article, Claim, NumberComparison, Proposition, Reading, Story, StoryCheck
from ..settings import CheckSettings
from .align import PairScores, align
from .brief import build_brief, build_timeline
from .claims import article_claims
from .figure_context import (
    MIN_PAIR_SCORE,
    context_comparisons,
    figure_subjects,
    person_offsets,
)
from .framing import coverage, framing
from .numbers import compare_numbers, merge_comparisons, story_quantities
from .quotes import compare_quotes
from .status import Sources, proposition


def _copy_root(article: Article, by_id: dict[str, Article]) -> str:
    seen, a = set(), article
    while a.duplicate_of and a.duplicate_of in by_id and a.id not in seen:
        seen.add(a.id)
        a = by_id[a.duplicate_of]
    return a.id


def _sources(articles: Sequence[Article]) -> dict[str, int]:
    by_id = {a.id: a for a in articles}
    labels = source_labels([a.outlet for a in articles], [_copy_root(a, by_id) for a in articles])
    return {a.id: label for a, label in zip(articles, labels, strict=True)}


def _weights(groups: Sequence[Sequence[int]], claims: Sequence[Claim], scores: PairScores):
    """Per claim, the sum of its scores with the other claims of its proposition."""
    return scores.within(groups, len(claims)).tolist()


def _best(group: Sequence[int], claims: Sequence[Claim], weight: Sequence[float]) -> Claim:
    """The claim most strongly linked to the others of its proposition (ties, to 9 decimals: the
    earliest; copies score alike, and sums in another order differ in the last bits)."""
    return claims[max(group, key=lambda i: (round(weight[i], 9), -i))]


def _figures_of(n: NumberComparison) -> frozenset[tuple[str, int]]:
    """A comparison's figures, each by its article and offset."""
    return frozenset((v.article_id, v.start) for v in n.values)


def _new_disputes(
    numbers: Sequence[NumberComparison], found: Sequence[NumberComparison]
) -> tuple[NumberComparison, ...]:
    """The context comparisons whose two figures no comparison already holds together."""
    held = [_figures_of(n) for n in numbers if len(n.values) > 1]
    return tuple(c for c in found if not any(_figures_of(c) <= h for h in held))


def _superseded(n: NumberComparison, disputes: Sequence[frozenset[tuple[str, int]]]) -> bool:
    """Whether an agreeing or single-source comparison says less than a dispute holding all its
    figures ("six aircraft" in a page and its feed item, then "eight" in a later report);
    `disputes`: the disputes' figures (`_figures_of`)."""
    if n.status not in ("consistent", "single_source"):
        return False
    mine = _figures_of(n)
    return any(mine <= d for d in disputes)


def check_story(
    story: Story,
    docs: Sequence[tuple[Article, Reading | None]],
    settings: CheckSettings | None = None,
) -> StoryCheck:
    """Cross-check one story.

    Args:
        story: the story (its id and article ids).
        docs: its articles with their readings, in story order.
        settings: alignment and brief options (`CheckSettings()` when omitted).

    Returns:
        The story's check; `checked` is False (and `note` says why) when no article of it
        could be read.
    """
    settings = settings or CheckSettings()
    readable = [(a, r) for a, r in docs if r is not None and r.sentences]
    if not readable:
        why = "no article of this story has readable sentences (not read, empty or not English)"
        return StoryCheck(checked=False, note=why)
    notes = []
    if len(readable) < len(docs):
        notes.append(
            f"{len(docs) - len(readable)} of {len(docs)} articles not read (see their notes)"
        )
    claims: list[Claim] = []
    for a, r in readable:
        claims.extend(article_claims(a, r))
    if len(claims) > settings.max_claims_per_story:
        notes.append(
            f"only the first {settings.max_claims_per_story:,} of {len(claims):,} claims checked"
        )
        claims = claims[: settings.max_claims_per_story]
    articles = [a for a, _ in readable]
    sources = _sources([a for a, _ in docs])
    texts = {a.id: a.text for a, _ in docs}
    readings = {a.id: r for a, r in readable}
    persons = person_offsets(readings)
    ctx = Sources(
        label=sources,
        name={a.id: a.name for a, _ in docs},
        text=texts,
        day={a.id: (a.published or "")[:10] or None for a, _ in docs},
        subjects=figure_subjects(claims, texts, persons),
    )
    groups, scores = align(claims, settings, ctx.day)
    propositions: list[Proposition] = []
    best_claims, claims_of = {}, {}
    weight = _weights(groups, claims, scores)
    for n, group in enumerate(groups, 1):
        pid = f"p{n}"
        members = [claims[i] for i in group]
        best = _best(group, claims, weight)
        propositions.append(proposition(pid, members, best, ctx))
        best_claims[pid], claims_of[pid] = best, members
    if len({sources[a.id] for a in articles}) < 2:
        notes.append("one independent source: its claims are listed, none can be corroborated")
    doc_map = {a.id: (a, r) for a, r in readable}
    by_id = {a.id: a for a in articles}
    numbers = story_quantities(readable, sources) + compare_numbers(
        claims, groups, by_id, sources, ctx.subjects
    )
    pairs = scores.at_least(MIN_PAIR_SCORE)  # the only pairs the figures' context looks at
    found = context_comparisons(claims, groups, pairs, by_id, sources, readings, persons)
    disputes = _new_disputes(numbers, found)
    held = [_figures_of(d) for d in disputes]
    numbers = tuple(n for n in numbers if not _superseded(n, held)) + disputes
    numbers = merge_comparisons(numbers, sources)
    return StoryCheck(
        checked=True,
        note="; ".join(notes) or None,
        claims=tuple(propositions),
        quotes=compare_quotes(claims, groups, sources),
        numbers=numbers,
        coverage=coverage(propositions, [a.id for a in articles], claims, sources),
        framing={a.id: framing(a, r, claims) for a, r in readable},
        brief=build_brief(
            propositions,
            best_claims,
            claims_of,
            claims,
            doc_map,
            settings.brief_max_sentences,
            numbers,
            sources,
        ),  # fmt: skip
        timeline=build_timeline(propositions),
    )
