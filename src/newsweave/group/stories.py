"""Story facts: title, time span, outlets, article count, independent sources."""

from __future__ import annotations

from collections import Counter

from ..linking import shared_key_groups
from ..model import Story
from .features import content_terms, words


def representative_title(titles: list[str | None]) -> str | None:
    """The headline whose words the other headlines share most; ties go to the earliest.

    A wire headline rewritten by ten outlets shares most words with all of them; a one-off
    tabloid headline shares few.
    """
    bags = [content_terms(words(t)) if t else Counter() for t in titles]
    total: Counter[str] = Counter()
    for b in bags:
        total.update(b.keys())
    best, best_score = None, -1.0
    for t, b in zip(titles, bags, strict=True):
        if not t or not b:
            continue
        score = sum(total[w] - 1 for w in b) / len(b) ** 0.5
        if score > best_score:
            best, best_score = t, score
    return best


def source_labels(outlets: list[str | None], copy_groups: list[object]) -> list[int]:
    """Each article's independent source, as the index of its source's first article: copies
    share their origin's source, and so do an outlet's several articles (a follow-up by the
    same newsroom confirms nothing).

    Args:
        outlets: each article's outlet (None when unknown: then only copying joins it).
        copy_groups: each article's copy group (any hashable: equal for copies of one origin).

    Example:
        >>> source_labels(["A", "A", "B", "C"], [0, 1, 2, 2])
        [0, 0, 2, 2]
    """
    keys = [
        [("copy", group)] + ([("outlet", outlet.casefold())] if outlet else [])
        for outlet, group in zip(outlets, copy_groups, strict=True)
    ]
    label = [0] * len(outlets)
    for members in shared_key_groups(keys):
        for i in members:
            label[i] = members[0]
    return label


def independent_sources(outlets: list[str | None], copy_groups: list[object]) -> int:
    """How many independent sources the articles are (see `source_labels`).

    Example:
        >>> independent_sources(["A", "A", "B", "C"], [0, 1, 2, 2])
        2
    """
    return len(set(source_labels(outlets, copy_groups)))


def story_facts(
    story_id: str,
    article_ids: list[str],
    titles: list[str | None],
    outlets: list[str | None],
    published: list[str | None],
    copy_groups: list[int],
    cohesion: float | None = None,
    doubtful_below: float = 0.0,
) -> Story:
    """Build a Story from its articles' fields (parallel lists, in the order added); a story
    whose `cohesion` is below `doubtful_below` gets a note."""
    dates = sorted(p for p in published if p)
    note = None
    if cohesion is not None and cohesion < doubtful_below:
        note = (
            f"weakly linked: a member's best link to the others scores {cohesion:.2f}, below "
            f"{doubtful_below:.2f}; it may hold more than one event"
        )
    return Story(
        id=story_id,
        title=representative_title(titles),
        article_ids=tuple(article_ids),
        independent_sources=independent_sources(outlets, copy_groups),
        outlets=tuple(dict.fromkeys(o for o in outlets if o)),
        first_published=dates[0] if dates else None,
        last_published=dates[-1] if dates else None,
        cohesion=cohesion,
        note=note,
    )
