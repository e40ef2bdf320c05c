"""The grouping stage over a store: every stored article, in the order it was stored, through
one Grouper. Replaying the store keeps the result deterministic and lets later runs add
articles to existing stories (an article stored in a later run joins or bridges them).

Two ways over a store: `group_items` regroups every article (`newsweave regroup`, and the
first analyze of a store); `add_to_grouping` restores the stored grouping, adds the new
articles online and settles only the stories they touched (every later `analyze`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..model import Article, Reading
from ..read.names import cross_article_name
from .stories import Story
from .types import GroupInput, GroupSettings

_PLACE_LABELS = ("GPE", "LOC", "FAC")
_NAME_LABELS = ("PERSON", "ORG", "EVENT", "NORP")


def group_input(article: Article, reading: Reading | None) -> GroupInput:
    """What grouping needs from an article and its reading (names by their cross-article key
    `read.names.cross_article_name`, places, dates)."""
    entities: list[str] = []
    places: list[str] = []
    times: list[str] = []
    if reading is not None:
        for e in reading.entities:
            if e.label in _PLACE_LABELS and e.kind is None:
                places.append(e.canonical)
            elif e.label in _NAME_LABELS or e.kind is not None:
                # a person by surname: names are resolved within one article only
                entities.append(cross_article_name(e.canonical, e.label))
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
    from .grouper import Grouper  # the grouper's imports are the main process's alone

    grouper = Grouper(settings)
    ids = []
    for article, reading in pairs:
        grouper.add(group_input(article, reading))
        ids.append(article.id)
    if replay is not None:
        grouper.settle(group_input(a, r) for a, r in replay())
    return Grouping(tuple(grouper.stories()), {i: grouper.duplicate_of(i) for i in ids})


def group_items(items: Sequence[GroupInput], settings: GroupSettings | None = None) -> Grouping:
    """Group articles in the given order (the store's) and settle them (`Grouper.settle`):
    the full regrouping. Items carrying `features` are not prepared again in any run."""
    from .grouper import Grouper  # the grouper's imports are the main process's alone

    grouper = Grouper(settings)
    for it in items:
        grouper.add(it)
    grouper.settle(items)
    ids = [it.article_id for it in items]
    return Grouping(tuple(grouper.stories()), {i: grouper.duplicate_of(i) for i in ids})


# A pair of stored stories that now look alike (`Grouper.neighbours`) is settled again only
# once the store holds this many times the articles it held when one settling last saw both
# (and kept them apart), or when either changed: the consensus gives the same answer over the
# same members under a similar IDF table, and redoing it every run made 50 new articles into
# 1,000 stored cost 1.49x the same 50 into an empty store. Each doubling still re-checks them,
# for the case the neighbours exist for (a young store's IDF table: ECB+ dev's first batch
# of 78 kept one event as two stories that the table of 156 joins).
NEIGHBOUR_REGROWTH = 2.0


@dataclass(frozen=True, slots=True)
class Settling:
    """When a story's members were last settled: how many articles were grouped then, and
    which settling it was (`run`; the stories one settling made saw one another, 0 is a
    full regrouping)."""

    articles: int
    run: int


@dataclass(frozen=True, slots=True)
class StoredGrouping:
    """What a store keeps of its grouping: (story id, member ids in order, cohesion) per story,
    in the order the stories were opened, each copy's origin, and when each story was last
    settled (stories without one are treated as never settled)."""

    stories: tuple[tuple[str, tuple[str, ...], float | None], ...]
    duplicate_of: dict[str, str | None]
    settled: Mapping[str, Settling] = field(default_factory=dict)


def first_settling(grouping: Grouping, articles: int) -> dict[str, Settling]:
    """The `Settling` of every story of a full regrouping of `articles` articles (run 0)."""
    return {s.id: Settling(articles, 0) for s in grouping.stories}


@dataclass(frozen=True, slots=True)
class GroupingUpdate:
    """What adding articles to a stored grouping changed.

    Args:
        stories: the stories that now hold every touched article (new or changed stories).
        replaced: the stored stories they replace (every one holding a touched article).
        duplicate_of: the copy links of the touched articles.
        settled: the `Settling` of each of `stories`.
    """

    stories: tuple[Story, ...]
    replaced: tuple[str, ...]
    duplicate_of: dict[str, str | None]
    settled: dict[str, Settling] = field(default_factory=dict)


def add_to_grouping(
    grouped: Sequence[GroupInput],
    stored: StoredGrouping,
    new: Sequence[GroupInput],
    settings: GroupSettings | None = None,
    refresh: Iterable[str] = (),
) -> GroupingUpdate:
    """Incremental grouping: add new articles online to a stored grouping and settle only the
    stories they touched (`Grouper.settle_some`), with the pairs of stored stories that now
    look alike unless one settling already saw both since the store last doubled
    (`NEIGHBOUR_REGROWTH`).

    Args:
        grouped: the inputs of the stored grouping's articles, in the order they were added.
        stored: its stories and copy links.
        new: the articles to add, in order.
        refresh: stored articles whose story is settled and made again even when no new
            article touches it (their outlet was renamed).
    """
    from .grouper import Grouper

    g = Grouper.restore(grouped, stored.stories, stored.duplicate_of, settings)
    before = g.members()
    for it in new:
        g.add(it)
    after = g.members()
    changed = [sid for sid, m in after.items() if before.get(sid) != m]
    touched = [*changed, *(g.story_of(a) for a in refresh)]
    # every touched story is settled again: settling only those a new article joined within
    # doubt_margin (or opened, merged or moved articles into) took ECB+ dev fed in 10
    # batches from F1 0.928 to 0.921
    # with them, stories whose first member now scores join_score on another story (the IDF
    # table has grown since they were settled): ECB+ dev in 10 batches F1 0.918 -> 0.925
    n = len(grouped) + len(new)
    unchanged = after.keys() - set(changed)
    for a, b in g.neighbours([*grouped, *new], g.settings.join_score):
        same = a in unchanged and b in unchanged
        if not _seen_together(stored.settled.get(a), stored.settled.get(b), n, same):
            touched += [a, b]
    ids = g.settle_some([*grouped, *new], touched)
    stories = tuple(g.story(sid) for sid in ids)
    members = {a for s in stories for a in s.article_ids}
    replaced = tuple(sid for sid, m, _ in stored.stories if not members.isdisjoint(m))
    run = 1 + max((st.run for st in stored.settled.values()), default=0)
    settled = {sid: Settling(n, run) for sid in ids}
    return GroupingUpdate(stories, replaced, {a: g.duplicate_of(a) for a in members}, settled)


def _seen_together(a: Settling | None, b: Settling | None, articles: int, same: bool) -> bool:
    """True when one settling made both stories (`same`: neither changed since) and the store
    has not grown `NEIGHBOUR_REGROWTH` times since: settling them again would redo it."""
    if not same or a is None or b is None or a.run != b.run:
        return False
    return articles < NEIGHBOUR_REGROWTH * a.articles


def updated(stored: StoredGrouping, update: GroupingUpdate) -> StoredGrouping:
    """The stored grouping after an update (what the store then holds)."""
    gone = set(update.replaced)
    stories = [s for s in stored.stories if s[0] not in gone]
    stories += [(s.id, s.article_ids, s.cohesion) for s in update.stories]
    settled = {sid: st for sid, st in stored.settled.items() if sid not in gone}
    settled.update(update.settled)
    return StoredGrouping(tuple(stories), {**stored.duplicate_of, **update.duplicate_of}, settled)
