"""Grouper: copies and same-event stories, one article at a time."""

from __future__ import annotations

import logging
import multiprocessing
import os
import random
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace

import numpy

from . import prepare
from .cluster import IdfTable, StoryIndex, StoryState
from .consensus import consensus_groups
from .copies import CopyIndex, copy_link
from .features import day_ordinal
from .scoring import ArticleFeatures, local_density, row_density
from .split import (
    average_link_groups,
    bisect,
    cohesion,
    crowded,
    join_lone,
    partition,
    text_similarities,
)
from .stories import Story, story_facts
from .types import Assignment, GroupInput, GroupSettings

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Seen:
    """What the grouper keeps of an added article for its story's facts (the story it is in
    is the story index's to say: `StoryIndex.story_of`)."""

    title: str | None
    outlet: str | None
    published: str | None


class Grouper:
    """Online grouping: each added article is checked for copies and put in a story.

    Deterministic for a given input order. Holds plain in-memory state only; re-adding the
    articles of a store in their stored order rebuilds it.

    Args:
        settings: thresholds; defaults tuned on ECB+ and the syndication set.
        idf: the IDF table counting starts from (None: an empty one).
        density: article id -> `scoring.local_density` (the batch step measures it; an
            article not in it counts as average).

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

    def __init__(
        self,
        settings: GroupSettings | None = None,
        idf: IdfTable | None = None,
        density: Mapping[str, float] | None = None,
    ) -> None:
        self.settings = settings or GroupSettings()
        self._copies = CopyIndex(self.settings)
        # a given IDF table is where counting starts (the consensus runs over some stories
        # weigh as the whole store does: see settle_some)
        self._stories = StoryIndex(self.settings, idf, density)
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
        item = prepared(item, self.settings)
        i = len(self._ids)
        match = self._copies.add(item.text, item.published, item.features)
        old_origin = self._copies.origin(match.other) if match else None
        forced = self._stories.story_of(self._ids[match.other]) if match else None
        f = self._stories.features(item)
        story_id, merged, is_new = self._stories.assign(item.article_id, f, forced)
        self._ids.append(item.article_id)
        self._index[item.article_id] = i
        self._seen.append(_Seen(item.title, item.outlet, item.published))
        moved = tuple(self._stories.take_moves())
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

    def _split(
        self, feats: dict[str, ArticleFeatures], pairs: dict | None = None
    ) -> list[tuple[str, str, tuple[str, ...]]]:
        """`split_stories` given the features of the members (weighed with count=False), and
        pair scores known with the same table (`StoryIndex.pair_scores`; the pairs scored
        now are added to it)."""
        s = self.settings
        if not s.split_ncut:
            return []
        out = []
        for st in self._big_stories():
            sid, members = st.id, list(st.article_ids)
            if any(a not in feats for a in members):
                continue  # an input was not given again: leave the story as it is
            scores = numpy.array(self._stories.pair_scores([feats[a] for a in members], members,
                                                           pairs))  # fmt: skip
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
            out.append((sid, new_id, tuple(a for a, _ in move)))
        return out

    def _split_by_words(
        self, groups: list[list[int]], ids: list[str], feats: dict[str, ArticleFeatures]
    ) -> list[list[int]]:
        """The consensus groups (indices into `ids`) cut apart by their members' words: each
        of `split_min_articles` to `split_max_articles` members by the normalised cut of
        their text cosines (`split.partition` at `text_split_ncut`), then each of 2 to
        `split_max_articles` by average linkage over the crowding-corrected cosines
        (`settled_cut_score`); a copy goes where its origin went. Then a group of one
        article joins the group it links best to (`split.join_lone`, `lone_join_score`).

        The consensus joins what a fifth of the runs put together, and the scores each run
        was split by count names: AllSides held one person's several events of a season in
        one story (McConnell: five stories of three outlets each, 15 excerpts) through the
        shared name, while their words keep them apart.
        """
        s = self.settings
        if not (s.text_split_ncut or s.settled_cut_score or s.lone_join_score):
            return groups
        out = []
        for g in groups:
            if not 2 <= len(g) <= s.split_max_articles:
                out.append(g)
                continue
            fs = [feats[ids[k]] for k in g]
            w = text_similarities([f.vector for f in fs])
            parts = [list(range(len(g)))]
            if s.text_split_ncut and len(g) >= s.split_min_articles:
                parts = partition(w, s.text_split_ncut)
            if s.settled_cut_score:
                linked = crowded(w, [f.density for f in fs], s.hub_weight)
                parts = [[p[i] for i in q] for p in parts
                         for q in average_link_groups(linked[numpy.ix_(p, p)],
                                                      s.settled_cut_score)]  # fmt: skip
            part = {ids[g[i]]: n for n, p in enumerate(parts) for i in p}
            origin = {ids[k]: self._ids[self._copies.origin(self._index[ids[k]])] for k in g}
            split: dict[int, list[int]] = {}
            for k in g:
                split.setdefault(part.get(origin[ids[k]], part[ids[k]]), []).append(k)
            out += split.values()
        if s.lone_join_score:
            out = join_lone(out, [feats[a].vector for a in ids],
                            [feats[a].density for a in ids], s.hub_weight,
                            s.lone_join_score)  # fmt: skip
        return sorted(out, key=lambda g: g[0])

    def settle(self, items: Iterable[GroupInput]) -> bool:
        """Batch steps once every article is added: split look-alike stories, then keep the
        stories that runs in other input orders agree on.

        Online grouping depends on the input order (ECB+ dev, B-cubed F1 0.916 to 0.928 over
        four orders). With `consensus_runs` > 1 and at most `consensus_max_articles` articles,
        the same articles are grouped again (and split) in `consensus_runs` - 1 seeded shuffles
        of the given order, and the stories become the consensus of all runs
        (`consensus.consensus_groups`), each then cut apart by its members' words
        (`text_split_ncut`, see `_split_by_words`). Deterministic for a given order. Copies
        always share their origin's story in every run, so they stay together.

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
        # prepared once for every run (each would otherwise shingle and count every text)
        items = [prepared(it, s) for it in items]
        if [it.article_id for it in items] != self._ids:
            raise ValueError("settle needs the added articles again, in the order they were added")
        # weighed once, for the split and for rebuilding the stories (the IDF table is fixed)
        feats = {it.article_id: self._stories.features(it, count=False) for it in items}
        density = self._densities(feats)
        if density:
            # every run, the given order's too, scores with the densities of all the articles
            feats = _with_density(feats, density)
            seeds: Sequence[int | None] = [None, *range(1, s.consensus_runs)]
            labelings = _shuffled_runs(s, items, seeds, density=density)
        else:
            self._split(feats)
            labelings = [self._labels(), *_shuffled_runs(s, items, range(1, s.consensus_runs))]
        groups = consensus_groups(labelings, s.consensus_share, s.consensus_max_component)
        groups = self._split_by_words(groups, self._ids, feats)
        ids = self._stories.rebuild(
            [[(self._ids[k], feats[self._ids[k]]) for k in g] for g in groups]
        )
        for sid, g in zip(ids, groups, strict=True):
            if 2 <= len(g) <= s.split_max_articles:
                w = self._stories.pair_scores([feats[self._ids[k]] for k in g])
                self._cohesion[sid] = cohesion(numpy.array(w))
        return True

    def _densities(self, feats: Mapping[str, ArticleFeatures]) -> dict[str, float]:
        """Article id -> `scoring.local_density` of its text vector among all of `feats`
        (empty when `hub_weight` is 0; `_store_densities` for some articles among a store)."""
        s = self.settings
        if not s.hub_weight or not feats:
            return {}
        ids = list(feats)
        vectors = [feats[a].vector for a in ids]
        return dict(zip(ids, local_density(vectors, s.hub_neighbours), strict=True))

    def _store_densities(self, items: Iterable[GroupInput], only: list[str]) -> dict[str, float]:
        """Article id (of `only`) -> `scoring.local_density` of its text vector among those of
        every added article among `items`, weighed with the table as it is now (empty when
        `hub_weight` is 0). Only the vectors are made (`StoryIndex.text_rows`): weighing
        every stored article whole was half of an incremental settle's CPU at 10,000."""
        s = self.settings
        if not s.hub_weight:
            return {}
        known = [prepared(it, s) for it in items if it.article_id in self._index]
        at = {it.article_id: i for i, it in enumerate(known)}
        rows = self._stories.text_rows(known)
        found = row_density(rows, s.hub_neighbours, [at[a] for a in only])
        return dict(zip(only, found, strict=True))

    @classmethod
    def restore(
        cls,
        items: Sequence[GroupInput],
        stories: Sequence[tuple[str, Sequence[str], float | None]],
        duplicate_of: Mapping[str, str | None],
        settings: GroupSettings | None = None,
    ) -> Grouper:
        """A grouper holding a stored grouping, ready to `add` new articles to it.

        Nothing is scored again: the copy index and the IDF table take every item in the given
        order (as `add` would, without looking for copies: the copy links are given), and each
        story is re-opened from its members. A story last dated more than twice
        `story_window_days` before the latest date is restored retired, as the online grouper
        retires it (no dated article can join it).

        Args:
            items: every grouped article, in the order they were added (with `features`).
            stories: (story id, member ids in the order they joined, cohesion) per story, in
                the order the stories were opened.
            duplicate_of: article id -> its copy origin (None or absent: an origin).
            settings: the settings the grouping was made with.
        """
        g = cls(settings)
        by_id = {}
        for it in items:
            it = prepared(it, g.settings)
            by_id[it.article_id] = it
            g._copies.add(it.text, it.published, it.features, query=False)
            g._stories.count(it)
            g._index[it.article_id] = len(g._ids)
            g._ids.append(it.article_id)
            g._seen.append(_Seen(it.title, it.outlet, it.published))
        for a, origin in duplicate_of.items():
            if origin is not None and a in g._index and origin in g._index:
                g._copies.link(g._index[origin], g._index[a])
        days = {a: day_ordinal(it.published) for a, it in by_id.items()}
        today = max((d for d in days.values() if d is not None), default=None)
        limit = None if today is None else today - 2 * g.settings.story_window_days
        for sid, members, weakest in sorted(stories, key=lambda st: g._index[st[1][0]]):
            known = [d for a in members if (d := days[a]) is not None]
            if limit is not None and known and max(known) < limit:
                g._stories.restore_retired(sid, list(members), known)
            else:
                feats = [(a, g._stories.features(by_id[a], count=False)) for a in members]
                g._stories.restore(sid, feats)
            if weakest is not None:
                g._cohesion[sid] = weakest
        g._stories.advance(today)
        return g

    def members(self) -> dict[str, tuple[str, ...]]:
        """Every live story's member ids, in the order they joined (cheaper than `stories`)."""
        return {st.id: tuple(st.article_ids) for st in self._stories.stories()}

    def neighbours(self, items: Iterable[GroupInput], min_score: float) -> list[tuple[str, str]]:
        """(story, other story) for each live story whose first member now scores at least
        `min_score` on another live story: pairs the current IDF table would put together.

        A story settled when the store was young weighed every word its reports share as
        common (ECB+ dev fed in 10 batches: the first batch, 78 articles, keeps one event as
        two stories of 12 and 9 that the whole store joins); no later article need touch it.

        Args:
            items: the inputs of (at least) every story's first member.
            min_score: the score that makes two stories neighbours.
        """
        by_id = {it.article_id: it for it in items}
        out: list[tuple[str, str]] = []
        for st in self._stories.stories():
            if not st.centroid or st.article_ids[0] not in by_id:
                continue  # retired (no dated article can join it) or not given
            first = prepared(by_id[st.article_ids[0]], self.settings)
            f = self._stories.features(first, count=False)
            out += [(st.id, sid) for sc, sid in self._stories.score_candidates(f)
                    if sid != st.id and sc >= min_score]  # fmt: skip
        return out

    def settle_some(self, items: Iterable[GroupInput], story_ids: Iterable[str]) -> list[str]:
        """`settle` over some stories only: those an incremental run touched.

        The touched stories are replaced by the consensus of the first run and
        `settle_some_runs` - 1 seeded shuffles over their members only (at most
        `consensus_max_articles` of them; more are only split where they hold two look-alike
        events), each cut apart by its members' words as `settle` does. With `hub_weight`
        the first run is an order of its own, as in `settle`; without, it is this grouper's
        stories, split first. Each
        shuffled run starts from this grouper's IDF table without those members and counts
        them as it adds them, as a run over the whole store would when they come last:
        twenty reports of one event, grouped on their own, would find every word they share
        common (ECB+ dev, 10 batches: F1 0.919 with the table fixed, 0.928 so). Every other
        story stays as it is. Everything being new, it is `settle` (ECB+ dev: the same F1,
        0.936).

        Args:
            items: the inputs of (at least) every member of those stories; the local densities
                (`hub_weight`) are measured among all of them, so give the whole store's.
            story_ids: the stories to settle (merged ids lead to the stories that absorbed
                them).

        Returns:
            The ids of the stories that now hold the members of those stories.
        """
        s = self.settings
        given = list(items)
        by_id = {it.article_id: it for it in given}
        sids = sorted({self._stories.resolve(x) for x in story_ids}, key=self._order)
        members = sorted(
            (a for sid in sids for a in self._stories.story(sid).article_ids), key=self._index.get
        )
        by_id = {a: prepared(by_id[a], s) for a in members}
        feats = {a: self._stories.features(by_id[a], count=False) for a in members}
        if not members or s.settle_some_runs < 2 or len(members) > s.consensus_max_articles:
            sids += [new_id for _, new_id, _ in self._split(feats)]
            return sids
        sub = [by_id[a] for a in members]
        idf = self._stories.idf_table(sub)
        runs = range(1, s.settle_some_runs)
        density = self._store_densities(given, members)
        if density:
            # as in settle: every run, the first order's too, with the whole store's densities;
            # this grouper's own stories are not among the runs, so they are not split first
            # (the split was a sixth of the settle's CPU for nothing)
            feats = _with_density(feats, density)
            labelings = _shuffled_runs(s, sub, [None, *runs], idf, density)
        else:
            sids += [new_id for _, new_id, _ in self._split(feats)]
            labelings = [self._labels(members), *_shuffled_runs(s, sub, runs, idf)]
        groups = consensus_groups(labelings, s.consensus_share, s.consensus_max_component)
        groups = self._split_by_words(groups, members, feats)
        ids = self._stories.replace(
            sids, [[(members[k], feats[members[k]]) for k in g] for g in groups]
        )
        for sid in sids:
            self._cohesion.pop(sid, None)
        for sid, g in zip(ids, groups, strict=True):
            if 2 <= len(g) <= s.split_max_articles:
                w = self._stories.pair_scores([feats[members[k]] for k in g])
                self._cohesion[sid] = cohesion(numpy.array(w))
        return ids

    def _order(self, story_id: str) -> int:
        return self._stories.story(story_id).order

    def _labels(self, ids: list[str] | None = None) -> list[int]:
        """A story number per article (of `ids`, by default in the order they were added)."""
        number = {a: k for k, st in enumerate(self._stories.stories()) for a in st.article_ids}
        return [number[a] for a in (ids if ids is not None else self._ids)]

    def story_of(self, article_id: str) -> str:
        """The live story id of an added article (follows merges, splits and moves)."""
        return self._stories.story_of(article_id)

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


def prepared(item: GroupInput, settings: GroupSettings) -> GroupInput:
    """The item with its text features (`prepare.text_features`), computed when it has none."""
    if item.features is not None:
        return item
    return replace(item, features=prepare.text_features(item.text, item.title, settings))


# The consensus workers are started afresh ("spawn"), not forked from this process: a forked
# worker maps this process's whole grouping state (the process peaks at 597 MB at 10,000)
# and builds its own groupings on top (865 MB a worker at 10,000: the peak of `analyze`,
# issue 16; spawned: 605 MB).
# A spawned one holds the modules it imports, the items it is sent (once) and its groupings.
# Not the forkserver the extract and read workers start from: the processes it starts are
# its children, which no caller waits for, so their CPU and memory would be nobody's.
_POOL_START = "spawn"
# Fewer articles than this are grouped again in this process: their shuffled runs take less
# time than starting worker processes and sending them the IDF table (the runs over the few
# stories an incremental analyze touched).
_POOL_MIN_ARTICLES = 300


def _with_density(
    feats: Mapping[str, ArticleFeatures], density: Mapping[str, float]
) -> dict[str, ArticleFeatures]:
    """The features with each article's `scoring.local_density` in them."""
    return {a: replace(f, density=density[a]) for a, f in feats.items()}


def _run_labels(
    settings: GroupSettings,
    seed: int | None,
    items: Sequence[GroupInput],
    idf: IdfTable | None = None,
    weighed: dict[str, ArticleFeatures] | None = None,
    density: Mapping[str, float] | None = None,
    pairs: dict[tuple[str, str], float] | None = None,
) -> tuple[list[int], dict[str, ArticleFeatures]]:
    """A story number per article (in the order of `items`) after grouping them in the order
    `random.Random(seed)` shuffles them to (seed None: as given), and splitting (with `idf`:
    counted from that table on; `density`: `Grouper`'s); and every item's features weighed
    with the table at the end (`weighed`: those of another run over the same items, which are
    the same; `pairs`: the pair scores the split finds with it, likewise)."""
    order = list(items)
    if seed is not None:
        random.Random(seed).shuffle(order)
    g = Grouper(settings, idf, density)
    for it in order:
        g.add(it)
    if weighed is None:
        wanted = items if settings.split_ncut else ()
        weighed = {it.article_id: g._stories.features(it, count=False) for it in wanted}
    g._split(weighed, pairs)
    return g._labels([it.article_id for it in items]), weighed


def _runs_labels(
    settings: GroupSettings,
    seeds: Sequence[int | None],
    items: Sequence[GroupInput],
    idf: IdfTable | None,
    density: Mapping[str, float] | None = None,
) -> list[list[int]]:
    """`_run_labels` for each of a worker's seeds: its items and IDF table come as arguments,
    once for all its runs (pickling them per run would cost each run a copy). Every run ends
    with the same IDF table (each counts the same articles), so the features the split weighs
    with it are computed by the first run only, and the runs share the split's pair scores
    (`StoryIndex.pair_scores`: nine splits of the same stories' members scored each pair
    nine times)."""
    out, weighed = [], None
    pairs: dict[tuple[str, str], float] = {}
    for seed in seeds:
        labels, weighed = _run_labels(settings, seed, items, idf, weighed, density, pairs)
        out.append(labels)
    return out


def _shuffled_runs(
    settings: GroupSettings,
    items: list[GroupInput],
    seeds: Sequence[int | None],
    idf: IdfTable | None = None,
    density: Mapping[str, float] | None = None,
) -> list[list[int]]:
    """`_run_labels` for each seed, in `consensus_workers` processes (0: one per CPU core this
    process may use), or in this process when that is one, there is one run or fewer than
    `_POOL_MIN_ARTICLES` articles. The runs are independent and each is deterministic, so the
    result does not depend on the workers. When the workers cannot run them (one killed, or
    none can start: a script that groups at import time, without `if __name__ ==
    "__main__":`, is imported again by each worker and fails there), they run here."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    workers = min(settings.consensus_workers or cores or 1, len(seeds))
    if workers <= 1 or len(items) < _POOL_MIN_ARTICLES:
        return _runs_labels(settings, seeds, items, idf, density)
    # one task per worker, the seeds dealt round-robin: each worker gets the items once
    shares = [seeds[k::workers] for k in range(workers)]
    context = multiprocessing.get_context(_POOL_START)
    try:
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            done = list(pool.map(_runs_labels, [settings] * workers, shares, [items] * workers,
                                 [idf] * workers, [density] * workers))  # fmt: skip
    except BrokenProcessPool as e:
        log.warning("consensus worker processes failed (%s); the runs go on in this process", e)
        return _runs_labels(settings, seeds, items, idf, density)
    by_seed = {seed: labels for share, runs in zip(shares, done, strict=True)
               for seed, labels in zip(share, runs, strict=True)}  # fmt: skip
    return [by_seed[seed] for seed in seeds]
