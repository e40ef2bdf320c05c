"""Grouper: copies and same-event stories, one article at a time."""

from __future__ import annotations

import os
import random
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

import numpy

from .cluster import ArticleFeatures, StoryIndex, StoryState
from .consensus import consensus_groups
from .copies import CopyIndex, copy_link
from .split import bisect, cohesion
from .stories import Story, story_facts
from .types import Assignment, CopyLink, GroupInput, GroupSettings


@dataclass(slots=True)
class _Seen:
    """What the grouper keeps of an added article."""

    title: str | None
    outlet: str | None
    published: str | None
    story: str
    copy: CopyLink | None = None


class Grouper:
    """Online grouping: each added article is checked for copies and put in a story.

    Deterministic for a given input order. Holds plain in-memory state only; re-adding the
    articles of a store in their stored order rebuilds it.

    Args:
        settings: thresholds; defaults tuned on ECB+ and the syndication set.

    Example:
        >>> g = Grouper()
        >>> a = g.add(GroupInput("a1", "Engineers inspected the harbour wall in Lindholm on "
        ...                      "Monday after the storm damaged it, the council said.",
        ...                      title="Harbour wall inspected"))
        >>> b = g.add(GroupInput("a2", "Engineers inspected the harbour wall in Lindholm on "
        ...                      "Monday after the storm damaged it, the council said.",
        ...                      title="Storm: wall checked"))
        >>> b.story_id == a.story_id, b.duplicate_of, b.copy.kind
        (True, 'a1', 'exact')
        >>> g.stories()[0].independent_sources
        1
    """

    def __init__(self, settings: GroupSettings | None = None) -> None:
        self.settings = settings or GroupSettings()
        self._copies = CopyIndex(self.settings)
        self._stories = StoryIndex(self.settings)
        self._ids: list[str] = []
        self._index: dict[str, int] = {}
        self._seen: list[_Seen] = []
        self._cohesion: dict[str, float | None] = {}  # story id -> cohesion (see settle)

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, item: GroupInput) -> Assignment:
        """Group one article.

        Args:
            item: the article's text, headline, date, outlet and canonical entities/places.

        Returns:
            The Assignment: its story, its copy origin (duplicate_of) and copy link, stories
            merged because it bridged them, and earlier articles whose origin changed.

        Raises:
            ValueError: when the article id was added before.
        """
        if item.article_id in self._index:
            raise ValueError(f"article {item.article_id!r} was already grouped")
        i = len(self._ids)
        match = self._copies.add(item.text, item.published)
        old_origin = self._copies.origin(match.other) if match else None
        forced = self._seen[match.other].story if match else None
        f = self._stories.features(item)
        story_id, merged, is_new = self._stories.assign(item.article_id, f, forced)
        self._ids.append(item.article_id)
        self._index[item.article_id] = i
        self._seen.append(_Seen(item.title, item.outlet, item.published, story_id))
        moved = tuple(self._stories.take_moves())
        for article_id, new_story in moved:
            self._seen[self._index[article_id]].story = new_story
        if match is None:
            return Assignment(
                item.article_id, story_id, new_story=is_new, merged_story_ids=merged, moved=moved
            )
        self._copies.link(match.other, i)
        origin = self._copies.origin(i)
        relinked: tuple[tuple[str, str | None], ...] = ()
        if origin != old_origin:
            # this article is earlier (or more complete) than the group's origin: relink all
            relinked = tuple(
                (self._ids[m], None if m == origin else self._ids[origin])
                for m in self._copies.members(i)
                if m != i
            )
        dup = None if origin == i else self._ids[origin]
        link = copy_link(item.article_id, dup, match) if dup else None
        self._seen[i].copy = link
        return Assignment(item.article_id, story_id, dup, link, merged, relinked, is_new, moved)

    def split_stories(self, items: Iterable[GroupInput]) -> list[tuple[str, str, tuple[str, ...]]]:
        """Look back at every story and split those that hold two look-alike events.

        A batch step after the articles are added (`newsweave analyze` runs it after
        regrouping the store): a story of `split_min_articles` to `split_max_articles` members
        is cut in two (`split.bisect` over member-to-member scores, with the IDF table as it is
        now) when the normalised cut is below `split_ncut`. A copy stays with its origin.

        Args:
            items: the added articles' inputs again, in any order (others are ignored).

        Returns:
            (story id, new story id, ids of the articles moved to the new story) per split.
        """
        if not self.settings.split_ncut:
            return []
        wanted = {a for st in self._big_stories() for a in st.article_ids}
        return self._split(
            {
                it.article_id: self._stories.features(it, count=False)
                for it in items
                if it.article_id in wanted
            }
        )

    def _big_stories(self) -> list[StoryState]:
        """The stories `split_stories` looks at (by member count)."""
        s = self.settings
        return [
            st
            for st in self._stories.stories()
            if s.split_min_articles <= len(st.article_ids) <= s.split_max_articles
        ]

    def _split(self, feats: dict[str, ArticleFeatures]) -> list[tuple[str, str, tuple[str, ...]]]:
        """`split_stories` given the features of the members (weighed with count=False)."""
        s = self.settings
        if not s.split_ncut:
            return []
        out = []
        for st in self._big_stories():
            sid, members = st.id, list(st.article_ids)
            if any(a not in feats for a in members):
                continue  # an input was not given again: leave the story as it is
            scores = numpy.array(self._stories.pair_scores([feats[a] for a in members]))
            ncut, side = bisect(scores)
            if ncut >= s.split_ncut:
                continue
            first = {members[k] for k in side}
            # a copy goes where its origin went
            origin = {a: self._ids[self._copies.origin(self._index[a])] for a in members}
            here = set(members)
            stays = [(origin[a] if origin[a] in here else a) in first for a in members]
            keep = [(a, feats[a]) for a, stay in zip(members, stays, strict=True) if stay]
            move = [(a, feats[a]) for a, stay in zip(members, stays, strict=True) if not stay]
            if len(keep) < 2 or len(move) < 2:
                continue
            new_id = self._stories.split(sid, keep, move)
            for a, _ in move:
                self._seen[self._index[a]].story = new_id
            out.append((sid, new_id, tuple(a for a, _ in move)))
        return out

    def settle(self, items: Iterable[GroupInput]) -> bool:
        """Batch steps once every article is added: split look-alike stories, then keep the
        stories that runs in other input orders agree on.

        Online grouping depends on the input order (ECB+ dev, B-cubed F1 0.916 to 0.928 over
        four orders). With `consensus_runs` > 1 and at most `consensus_max_articles` articles,
        the same articles are grouped again (and split) in `consensus_runs` - 1 seeded shuffles
        of the given order, and the stories become the consensus of all runs
        (`consensus.consensus_groups`). Deterministic for a given order. Copies always share
        their origin's story in every run, so they stay together.

        Args:
            items: the inputs of every added article, in the order they were added (read
                once, as a stream, when the consensus does not run).

        Returns:
            True when the consensus replaced the stories, False when only the split ran.
            Then each story of 2 to `split_max_articles` members also gets its `cohesion`
            (and a note below `doubtful_cohesion`).

        Raises:
            ValueError: when `items` are not the added articles in the order they were added.
        """
        s = self.settings
        if s.consensus_runs < 2 or len(self) > s.consensus_max_articles:
            self.split_stories(items)
            return False
        items = list(items)
        if [it.article_id for it in items] != self._ids:
            raise ValueError("settle needs the added articles again, in the order they were added")
        # weighed once, for the split and for rebuilding the stories (the IDF table is fixed)
        feats = {it.article_id: self._stories.features(it, count=False) for it in items}
        self._split(feats)
        labelings = [self._labels(), *_shuffled_runs(s, items, range(1, s.consensus_runs))]
        groups = consensus_groups(labelings, s.consensus_share, s.consensus_max_component)
        ids = self._stories.rebuild(
            [[(self._ids[k], feats[self._ids[k]]) for k in g] for g in groups]
        )
        for sid, g in zip(ids, groups, strict=True):
            for k in g:
                self._seen[k].story = sid
            if 2 <= len(g) <= s.split_max_articles:
                w = self._stories.pair_scores([feats[self._ids[k]] for k in g])
                self._cohesion[sid] = cohesion(numpy.array(w))
        return True

    def _labels(self, ids: list[str] | None = None) -> list[int]:
        """A story number per article (of `ids`, by default in the order they were added)."""
        number = {a: k for k, st in enumerate(self._stories.stories()) for a in st.article_ids}
        return [number[a] for a in (ids if ids is not None else self._ids)]

    def story_of(self, article_id: str) -> str:
        """The live story id of an added article (follows merges)."""
        return self._stories.resolve(self._seen[self._index[article_id]].story)

    def duplicate_of(self, article_id: str) -> str | None:
        """The current copy origin of an article, or None when it is an origin."""
        i = self._index[article_id]
        o = self._ids[self._copies.origin(i)]
        return None if o == article_id else o

    def stories(self) -> list[Story]:
        """Every live story with its facts, in the order stories were opened."""
        return [self._facts(st.id) for st in self._stories.stories()]

    def story(self, story_id: str) -> Story:
        """One story's facts (a merged story id gives the story that absorbed it)."""
        return self._facts(self._stories.resolve(story_id))

    def _facts(self, story_id: str) -> Story:
        st = self._stories.story(story_id)
        idx = [self._index[a] for a in st.article_ids]
        seen = [self._seen[i] for i in idx]
        return story_facts(
            st.id,
            list(st.article_ids),
            [s.title for s in seen],
            [s.outlet for s in seen],
            [s.published for s in seen],
            [self._copies.group(i) for i in idx],
            self._cohesion.get(st.id),
            self.settings.doubtful_cohesion,
        )


# the inputs of the runs in a worker process (set once per worker, not sent with every run)
_RUN_ITEMS: Sequence[GroupInput] = ()


def _keep_items(items: Sequence[GroupInput]) -> None:
    global _RUN_ITEMS
    _RUN_ITEMS = items


def _run_labels(settings: GroupSettings, seed: int, items: Sequence[GroupInput]) -> list[int]:
    """A story number per article (in the order of `items`) after grouping them in the order
    `random.Random(seed)` shuffles them to, and splitting."""
    order = list(items)
    random.Random(seed).shuffle(order)
    g = Grouper(settings)
    for it in order:
        g.add(it)
    g.split_stories(order)
    return g._labels([it.article_id for it in items])


def _run_labels_in_worker(settings: GroupSettings, seed: int) -> list[int]:
    """`_run_labels` over the items the worker process was started with."""
    return _run_labels(settings, seed, _RUN_ITEMS)


def _shuffled_runs(
    settings: GroupSettings, items: list[GroupInput], seeds: range
) -> list[list[int]]:
    """`_run_labels` for each seed, in `consensus_workers` processes (0: one per CPU core this
    process may use), or in this process when that is one or there is one run. The runs are
    independent and each is deterministic, so the result does not depend on the workers."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    workers = min(settings.consensus_workers or cores or 1, len(seeds))
    if workers <= 1:
        return [_run_labels(settings, seed, items) for seed in seeds]
    with ProcessPoolExecutor(workers, initializer=_keep_items, initargs=(items,)) as pool:
        return list(pool.map(_run_labels_in_worker, [settings] * len(seeds), seeds))
