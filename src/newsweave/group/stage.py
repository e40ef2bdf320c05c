"""The grouping stage over a store: every stored article, in the order it was stored, through
one Grouper. Replaying the store keeps the result deterministic and lets later runs add
articles to existing stories (an article stored in a later run joins or bridges them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..model import Article, Reading
from .grouper import Grouper
from .stories import Story
from .types import GroupInput, GroupSettings

_PLACE_LABELS = ("GPE", "LOC", "FAC")
_NAME_LABELS = ("PERSON", "ORG", "EVENT", "NORP")


def group_input(article: Article, reading: Reading | None) -> GroupInput:
    """What grouping needs from an article and its reading (canonical names, places, dates)."""
    entities: list[str] = []
    places: list[str] = []
    times: list[str] = []
    if reading is not None:
        for e in reading.entities:
            if e.label in _PLACE_LABELS and e.kind is None:
                places.append(e.canonical)
            elif e.label == "PERSON" and e.canonical:
                # canonical names are resolved within one article: another article may only
                # ever say "Reid"; the surname matches across articles (ECB+: 0.887 -> 0.913)
                entities.append(e.canonical.split()[-1])
            elif e.label in _NAME_LABELS or e.kind is not None:
                entities.append(e.canonical)
        # single dates only: intervals ("a/b", "../b") say little about which event it is
        times = [t.resolved for t in reading.times if t.resolved and "/" not in t.resolved]
    return GroupInput(
        article_id=article.id,
        text=article.text,
        title=article.title,
        published=article.published,
        outlet=article.outlet,
        url=article.url,
        entities=tuple(entities),
        places=tuple(places),
        times=tuple(times),
    )


@dataclass(frozen=True, slots=True)
class Grouping:
    """Stories and copy links of a whole store."""

    stories: tuple[Story, ...]
    duplicate_of: dict[str, str | None]


def group_articles(
    pairs: Iterable[tuple[Article, Reading | None]],
    settings: GroupSettings | None = None,
    replay: Callable[[], Iterable[tuple[Article, Reading | None]]] | None = None,
) -> Grouping:
    """Group articles in the given order (the store's insertion order).

    Args:
        pairs: (article, reading) in order.
        settings: grouping settings.
        replay: gives the same pairs again; then the batch steps run once all articles are
            in (`Grouper.settle`: stories holding two look-alike events are split, and the
            stories become the consensus of runs in several input orders). Without it the
            online result stands.
    """
    grouper = Grouper(settings)
    ids = []
    for article, reading in pairs:
        grouper.add(group_input(article, reading))
        ids.append(article.id)
    if replay is not None:
        grouper.settle(group_input(a, r) for a, r in replay())
    return Grouping(tuple(grouper.stories()), {i: grouper.duplicate_of(i) for i in ids})
