"""Online same-event clustering: each article joins the best candidate story or opens one.

Candidate stories come from an inverted index over the article's rarest terms, its canonical
entities and its places (each entry keeps only the most recent stories), never from a scan of
all stories. Each candidate is scored by `scoring.score` (text, names, places, title, dates,
less a penalty when the main participants differ; out of reach beyond `story_window_days`).
A second story that also scores above `bridge_score` is merged into the first: the article
bridges them.

`StoryIndex` keeps the state: the stories and their summaries, which story holds each
article, the IDF table and the candidate index; how a pair scores is `scoring.py`'s.

With `doubt_margin` > 0, an article that joined a story within that margin of `join_score`
stays doubtful: a later article's story that it matches clearly better takes it (see
`_recheck`; the caller learns of such moves from `take_moves`).
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from . import scoring
from .scoring import ArticleFeatures, Main, Vecs, terms_of, when_tokens
from .types import GroupInput, GroupSettings

IdfTable = tuple[Counter[str], int]  # document frequencies by key, and the articles counted


@dataclass(slots=True)
class StoryState:
    """The running summary of one story (mutable, owned by StoryIndex)."""

    id: str
    order: int
    article_ids: list[str] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=dict)
    entities: Counter[str] = field(default_factory=Counter)
    places: Counter[str] = field(default_factory=Counter)
    title_terms: Counter[str] = field(default_factory=Counter)
    when: Counter[str] = field(default_factory=Counter)
    first_day: int | None = None  # proleptic ordinal of the earliest publication date
    last_day: int | None = None
    density: float = 0.0  # the members' `ArticleFeatures.density` summed
    # what scoring compares, rebuilt after the story changes: weighted vectors and norms,
    # the main participant (None without entities)
    cache: tuple[Vecs, Main | None] | None = None
    # the latest members that joined barely above join_score: (id, features, score at join)
    doubtful: list[tuple[str, ArticleFeatures, float]] = field(default_factory=list)
    # the index keys it was posted under (to take it out of the index when it retires)
    keys: set[str] = field(default_factory=set)


# The name and word counts a story sums over its members (ArticleFeatures has the same fields).
_COUNTS = ("entities", "places", "title_terms", "when")


def _pair(a: str | int, b: str | int) -> tuple:
    """A pair's key (two ids, or two positions) in `StoryIndex.pair_scores`'s `known`: the
    smaller first."""
    return (a, b) if a < b else (b, a)


def _top(d: dict, keep: int) -> list:
    """The `keep` largest entries, ties by key (deterministic; `scoring.top_items`)."""
    return scoring.top_items(d, keep)


def _absorb(st: StoryState, centroid: dict[str, float], other: object, keep: int) -> None:
    """Add a vector and the counts of `other` (an article's features or another story) to st;
    trimmed only when twice too long: sorting on every add is the cost. Drops the cache."""
    for t, v in centroid.items():
        st.centroid[t] = st.centroid.get(t, 0.0) + v
    if len(st.centroid) > 2 * keep:
        st.centroid = dict(_top(st.centroid, keep))
    for name in _COUNTS:
        c = getattr(st, name)
        c.update(getattr(other, name))
        if len(c) > 2 * keep:
            setattr(st, name, Counter(dict(_top(c, keep))))
    st.density += other.density  # type: ignore[attr-defined]
    st.cache = None


class StoryIndex:
    """Stories so far, the story each article is in, and the index that finds candidates for
    a new article. The one record of membership: the grouper asks it (`story_of`).

    Args:
        settings: weights and thresholds (see GroupSettings).
        idf: the IDF table counting starts from (None: an empty one).
        density: article id -> `scoring.local_density`, measured by a batch step over every
            article (an article not in it counts as average: 0).

    Example:
        >>> idx = StoryIndex(GroupSettings())
        >>> f = idx.features(GroupInput("a1", "The flood barrier opened.",
        ...                             title="Flood barrier opens in Lindholm"))
        >>> idx.assign("a1", f)[0]
        's-a1'
    """

    def __init__(
        self,
        settings: GroupSettings,
        idf: IdfTable | None = None,
        density: Mapping[str, float] | None = None,
    ) -> None:
        self.settings = settings
        self._density: Mapping[str, float] = density or {}
        self._df: Counter[str] = Counter()
        self._n = 0
        # a given table is where counting starts (the store without the articles grouped again)
        if idf is not None:
            self._df, self._n = Counter(idf[0]), idf[1]
        self._stories: dict[str, StoryState] = {}
        self._redirect: dict[str, str] = {}  # merged story -> the story that absorbed it
        # article -> its live story: set wherever a story takes a member (`_add_to`, `_merge`,
        # `restore_retired`), so it cannot drift from the stories' member lists
        self._story_of: dict[str, str] = {}
        self._postings: dict[str, list[str]] = {}
        # stories out of every dated article's reach drop their scoring state (memory bound)
        self._today = 0
        self._retire: list[tuple[int, str]] = []  # heap of (last day, story id)
        self._moves: list[tuple[str, str]] = []  # (article id, new story id), see take_moves

    # --- features -------------------------------------------------------------------------

    def features(self, item: GroupInput, count: bool = True) -> ArticleFeatures:
        """Count the article's terms into the IDF table (unless `count` is False: an article
        seen before, weighed again with the table as it is now) and return its features."""
        if count:
            self.count(item)
        density = self._density.get(item.article_id, 0.0)
        return scoring.weigh(item, self._df, self._n, self.settings, density)

    def text_rows(self, items: list[GroupInput]):  # -> scipy.sparse.csr_matrix
        """The text vectors `features` (count False) gives these articles now, as the rows of
        a float32 CSR matrix (`scoring.tfidf_rows`), without the rest of their features."""
        return scoring.tfidf_rows([terms_of(it) for it in items], self._df, self._n)

    def count(self, item: GroupInput) -> None:
        """Count an article into the IDF table without weighing it (a stored one restored):
        its date tokens, terms, distinct names and places, once each (a restore counts every
        stored article; building the name counts first was a third of it)."""
        self._n += 1
        df = self._df
        if item.times:
            df.update(["w:" + w for w in when_tokens(item.times)])
        df.update(terms_of(item).keys())
        if item.entities:
            df.update(iter(dict.fromkeys(["e:" + e.lower() for e in item.entities])))
        if item.places:
            df.update(iter(dict.fromkeys(["p:" + p.lower() for p in item.places])))

    def idf_table(self, without: list[GroupInput] = ()) -> IdfTable:
        """The document frequencies and article count the weights use, without the counts of
        the given articles (they are counted again when added to a grouping started from it)."""
        if not without:
            return Counter(self._df), self._n
        part = StoryIndex(self.settings)
        for item in without:
            part.count(item)
        df = Counter(self._df)
        df.subtract(part._df)
        return Counter({k: v for k, v in df.items() if v > 0}), self._n - part._n

    # --- assignment -----------------------------------------------------------------------

    def resolve(self, story_id: str) -> str:
        """The live story a (possibly merged) story id now belongs to."""
        while story_id in self._redirect:
            story_id = self._redirect[story_id]
        return story_id

    def story(self, story_id: str) -> StoryState:
        """The live state of a story."""
        return self._stories[self.resolve(story_id)]

    def story_of(self, article_id: str) -> str:
        """The live story an assigned article is in (KeyError for an article never assigned)."""
        return self._story_of[article_id]

    def stories(self) -> list[StoryState]:
        """Live stories in the order they were opened."""
        return sorted(self._stories.values(), key=lambda st: st.order)

    def assign(
        self, article_id: str, f: ArticleFeatures, forced: str | None = None
    ) -> tuple[str, tuple[str, ...], bool]:
        """Put an article in a story.

        Args:
            article_id: the article.
            f: its features (from `features`).
            forced: a story it must join (a copy joins its origin's story).

        Returns:
            (story id, ids of stories merged into it, True when a new story was opened).
        """
        s = self.settings
        scored = self.score_candidates(f)
        merged: list[str] = []
        if forced is not None:
            target = self.resolve(forced)
        elif scored and scored[0][0] >= s.join_score:
            target = scored[0][1]
        else:
            target = None
        is_new = target is None
        if target is None:
            target = f"s-{article_id}"
            self._stories[target] = StoryState(id=target, order=self._next_order())
        for score, sid in scored:
            if sid != target and score >= s.bridge_score:
                self._merge(target, sid)
                merged.append(sid)
        st = self._stories[target]
        self._add_to(st, article_id, f)
        if s.doubt_margin and forced is None:
            if not is_new and scored[0][0] < s.join_score + s.doubt_margin:
                st.doubtful.append((article_id, f, scored[0][0]))
                del st.doubtful[: -s.doubt_keep]
            self._recheck(st, scored)
        if st.last_day is not None:
            heapq.heappush(self._retire, (st.last_day, st.id))
        if f.day is not None and f.day > self._today:
            self._today = f.day
            self._retire_old()
        return target, tuple(merged), is_new

    def _recheck(self, st: StoryState, scored: list[tuple[float, str]]) -> None:
        """Move the doubtful members of the best other candidates into `st` when they now
        score clearly higher on it than they did on the story they joined.

        ECB+ pairs look-alike events of one topic: in a shuffled order the first report of the
        second event joins the first event's story barely above `join_score`, before its own
        story exists; once that story opens, the report matches it better. Bounded: at most
        `doubt_stories` stories times `doubt_keep` members are re-scored per article.
        """
        s = self.settings
        for _, sid in scored[: s.doubt_stories]:
            sid = self.resolve(sid)
            if sid == st.id or sid not in self._stories:
                continue
            other = self._stories[sid]
            for item in list(other.doubtful):
                aid, g, joined = item
                sc = self._score(g, self._mine(g), st)
                if sc is not None and sc > joined + s.doubt_gain:
                    other.doubtful.remove(item)
                    self._remove_from(other, aid, g)
                    self._add_to(st, aid, g)
                    self._moves.append((aid, st.id))

    def take_moves(self) -> list[tuple[str, str]]:
        """(article id, new story id) of earlier articles moved since the last call."""
        out, self._moves = self._moves, []
        return out

    def _remove_from(self, st: StoryState, article_id: str, f: ArticleFeatures) -> None:
        """Take an article's counts out of a story (a trimmed-away term stays out)."""
        st.article_ids.remove(article_id)
        for t, v in f.vector.items():
            if t in st.centroid:
                nv = st.centroid[t] - v
                if nv > 1e-9:
                    st.centroid[t] = nv
                else:
                    del st.centroid[t]
        st.density -= f.density
        for name in _COUNTS:
            c = getattr(st, name)
            c.subtract(getattr(f, name))
            for k in [k for k, v in c.items() if v <= 0]:
                del c[k]
        st.cache = None

    def _retire_old(self) -> None:
        """Retire stories last dated more than twice the story window ago: drop their centroid,
        name counts and doubtful members and take them out of the index. A dated article can no
        longer join them, and their facts need none of it."""
        limit = self._today - 2 * self.settings.story_window_days
        while self._retire and self._retire[0][0] < limit:
            day, sid = heapq.heappop(self._retire)
            st = self._stories.get(sid)
            if st is None or st.last_day != day or not st.centroid:
                continue  # merged away, or joined since (a newer heap entry exists)
            st.centroid, st.cache, st.doubtful = {}, None, []
            for name in _COUNTS:
                setattr(st, name, Counter())
            self._unpost(st)

    def _unpost(self, st: StoryState) -> None:
        """Take a retired story out of the index: on a stream, keys of past events (names,
        rare words) are never met again, and their entries would pile up for ever."""
        for k in st.keys:
            post = self._postings.get(k)
            if post is None:
                continue
            post[:] = [sid for sid in post if self.resolve(sid) != st.id]
            if not post:
                del self._postings[k]
        st.keys = set()

    def score_candidates(self, f: ArticleFeatures) -> list[tuple[float, str]]:
        """(score, story id) for the candidate stories, best first."""
        s = self.settings
        votes: Counter[str] = Counter()
        for k in self._keys(f):
            for sid in self._postings.get(k, ()):
                votes[self.resolve(sid)] += 1
        cands = sorted(votes.items(), key=lambda kv: (-kv[1], self._stories[kv[0]].order))
        mine = self._mine(f)
        out = []
        for sid, _ in cands[: s.max_candidates]:
            sc = self._score(f, mine, self._stories[sid])
            if sc is not None:
                out.append((sc, sid))
        out.sort(key=lambda x: (-x[0], self._stories[x[1]].order))
        return out

    # --- scoring: scoring.py's functions with this index's IDF table -----------------------

    def _mine(self, f: ArticleFeatures) -> Vecs:
        return scoring.article_vectors(f, self._df, self._n, self.settings)

    def _theirs(self, st: StoryState) -> tuple[Vecs, Main | None]:
        """What scoring compares of a story, cached until the story changes (not when the IDF
        table does: a story is weighed again only when it takes or loses a member)."""
        if st.cache is None:
            st.cache = scoring.story_vectors(st, self._df, self._n, self.settings)
        return st.cache

    def _score(self, f: ArticleFeatures, mine: Vecs, st: StoryState) -> float | None:
        return scoring.score(f, mine, st, self._theirs(st), self._n, self.settings)

    def _keys(self, f: ArticleFeatures) -> list[str]:
        """Index keys of an article: its top terms and its most named entities and places."""
        n = self.settings.top_names
        ents = sorted(f.entities.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
        plcs = sorted(f.places.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
        keys = [f"t:{t}" for t in f.top_terms]
        keys += [f"e:{e}" for e, _ in ents] + [f"p:{p}" for p, _ in plcs]
        return keys

    def _count_in(self, st: StoryState, f: ArticleFeatures) -> None:
        """Add an article's vector, counts and day to a story's summary."""
        _absorb(st, f.vector, f, self.settings.centroid_terms)
        if f.day is not None:
            st.first_day = f.day if st.first_day is None else min(st.first_day, f.day)
            st.last_day = f.day if st.last_day is None else max(st.last_day, f.day)

    def _add_to(self, st: StoryState, article_id: str, f: ArticleFeatures) -> None:
        s = self.settings
        st.article_ids.append(article_id)
        self._story_of[article_id] = st.id
        self._count_in(st, f)
        for k in self._keys(f):
            st.keys.add(k)
            post = self._postings.setdefault(k, [])
            if st.id in post:
                continue
            post.append(st.id)
            if len(post) > s.max_postings:
                del post[0]

    # --- looking back at a story ----------------------------------------------------------

    def pair_scores(
        self,
        feats: list[ArticleFeatures],
        ids: list[str] | None = None,
        known: dict[tuple[str, str], float] | None = None,
    ) -> list[list[float]]:
        """Article-to-article scores (each article scored as a one-article story), made
        symmetric by averaging both directions; out-of-window pairs and negatives score 0.
        Without the crowding of their neighbourhoods (`hub_weight`): it shifts every pair of
        members by their densities, and with negatives at 0 that shift, not their words,
        decided where a cut falls (ECB+ dev, settle: 0.941 without it in the split, 0.922
        with it).

        Args:
            feats: the articles' features.
            ids: their ids, to look pairs up in `known` (by default their positions).
            known: scores of pairs (by their ids, the smaller first) scored before with this
                IDF table; the pairs scored now are added to it. A settle splits the same
                stories' members once in each of its nine runs, and every run ends with the
                same table (the same articles counted): their pairs score the same.
        """
        feats = [replace(f, density=0.0) if f.density else f for f in feats]
        k = len(feats)
        keys: list = ids if ids is not None else list(range(k))
        known = known if known is not None else {}
        todo = [(i, j) for i in range(k) for j in range(i + 1, k)
                if _pair(keys[i], keys[j]) not in known]  # fmt: skip
        lone: dict[int, StoryState] = {}
        mine: dict[int, Vecs] = {}
        for i in sorted({x for pair in todo for x in pair}):
            st = StoryState(id="", order=0)
            self._count_in(st, feats[i])  # not posted in the index: a scratch story
            lone[i], mine[i] = st, self._mine(feats[i])
        for i, j in todo:
            there = max(0.0, self._score(feats[i], mine[i], lone[j]) or 0.0)
            back = max(0.0, self._score(feats[j], mine[j], lone[i]) or 0.0)
            known[_pair(keys[i], keys[j])] = (there + back) / 2
        return [[known[_pair(keys[i], keys[j])] if i != j else 0.0 for j in range(k)]
                for i in range(k)]  # fmt: skip

    def pair_parts(
        self, a: ArticleFeatures, b: ArticleFeatures
    ) -> tuple[float, float | None, float, float]:
        """What scoring sees of article `a` against `b` as a one-article story: the text
        cosine, the name cosine (None when either names no one), the name view's weight, and
        the score (at least 0; out of window: 0). For benchmarks that ask why two articles
        were or were not joined."""
        st = StoryState(id="", order=0)
        self._count_in(st, b)
        mine = self._mine(a)
        (text, ents, *_), _ = self._theirs(st)
        names = scoring.cos(mine[1], ents) if a.entities and b.entities else None
        weight = self.settings.weight_entities * scoring.name_weight(
            mine[1], ents, self._n, self.settings
        )
        text_cos = scoring.cos(mine[0], text)
        return text_cos, names, weight, max(0.0, self._score(a, mine, st) or 0.0)

    def split(
        self,
        story_id: str,
        keep: list[tuple[str, ArticleFeatures]],
        move: list[tuple[str, ArticleFeatures]],
    ) -> str:
        """Rebuild a story from the members it keeps and open a new story for the others.

        Args:
            story_id: a live story.
            keep, move: (article id, features) of its members, in the order they joined.

        Returns:
            The new story's id ("s-" and its first member's id, as if that article had opened
            it).
        """
        new_id = self._fresh_id(move[0][0])
        self._build(story_id, self._stories[story_id].order, keep)
        self._build(new_id, self._next_order(), move)
        return new_id

    def _next_order(self) -> int:
        """The opening order of a new story: after every story opened so far, merged or not."""
        return len(self._stories) + len(self._redirect)

    def rebuild(self, groups: list[list[tuple[str, ArticleFeatures]]]) -> list[str]:
        """Replace every story by the given groups (a batch regrouping of all members).

        Args:
            groups: (article id, features) of every member of every story, each group in the
                order its members were added, the groups in the order of their first members.

        Returns:
            The groups' story ids: a group holding the first member of a story keeps that
            story's id (the earliest such member decides); any other group gets "s-" and its
            first member's id, as if that article had opened it. Ids of stories that no longer
            exist lead (`resolve`) to the story of their first member.
        """
        opened = {st.article_ids[0]: st.id for st in self._stories.values() if st.article_ids}
        self._stories, self._postings, self._retire = {}, {}, []
        ids = []
        for members in groups:
            sid = next((opened[a] for a, _ in members if a in opened), None)
            if sid is None or sid in self._stories:
                sid = self._fresh_id(members[0][0])
            self._build(sid, len(ids), members)
            ids.append(sid)
        new_of = {a: sid for sid, members in zip(ids, groups, strict=True) for a, _ in members}
        for first, sid in opened.items():
            if sid not in self._stories:
                self._redirect[sid] = new_of[first]
        return ids

    def restore(self, story_id: str, members: list[tuple[str, ArticleFeatures]]) -> None:
        """Re-open a stored story from its members (weighed with the table as it is now), after
        every story restored so far: a stored grouping restored, story by story."""
        self._build(story_id, self._next_order(), members)

    def restore_retired(self, story_id: str, article_ids: list[str], days: list[int]) -> None:
        """Re-open a stored story too old to take an article (see `_retire_old`): its members
        and span only, in no index."""
        st = StoryState(id=story_id, order=self._next_order(), article_ids=list(article_ids))
        if days:
            st.first_day, st.last_day = min(days), max(days)
        self._stories[story_id] = st
        self._story_of.update(dict.fromkeys(article_ids, story_id))

    def advance(self, day: int | None) -> None:
        """Set the clock to a restored grouping's latest publication day."""
        if day is not None and day > self._today:
            self._today = day

    def replace(
        self, story_ids: list[str], groups: list[list[tuple[str, ArticleFeatures]]]
    ) -> list[str]:
        """Replace some live stories by the given groups of their members (`rebuild` for the
        stories an incremental run touched; every other story stays as it is).

        Args:
            story_ids: the stories replaced.
            groups: (article id, features) of every member of those stories, each group in
                the order its members were added, the groups in the order of their first members.

        Returns:
            The groups' story ids, given as `rebuild` gives them.
        """
        nxt = self._next_order()  # counted before the replaced stories leave
        old = [self._stories.pop(sid) for sid in story_ids]
        for st in old:
            self._unpost(st)
        opened = {st.article_ids[0]: st for st in old if st.article_ids}
        ids = []
        for members in groups:
            st = next((opened[a] for a, _ in members if a in opened), None)
            if st is None or st.id in self._stories:
                sid, order, nxt = self._fresh_id(members[0][0]), nxt, nxt + 1
            else:
                sid, order = st.id, st.order
            self._build(sid, order, members)
            ids.append(sid)
        new_of = {a: sid for sid, members in zip(ids, groups, strict=True) for a, _ in members}
        for first, st in opened.items():
            if st.id not in self._stories:
                self._redirect[st.id] = new_of[first]
        return ids

    def _fresh_id(self, article_id: str) -> str:
        """A story id never used: "s-" and the article id, as if it had opened the story."""
        sid = f"s-{article_id}"
        while sid in self._stories or sid in self._redirect:
            sid += "+"
        return sid

    def _build(self, story_id: str, order: int, members: list[tuple[str, ArticleFeatures]]) -> None:
        """(Re)create a story from its members, posted in the index."""
        st = StoryState(id=story_id, order=order)
        self._stories[story_id] = st
        for aid, f in members:
            self._add_to(st, aid, f)
        if st.last_day is not None:
            heapq.heappush(self._retire, (st.last_day, story_id))

    def _merge(self, into: str, other: str) -> None:
        a, b = self._stories[into], self._stories.pop(other)
        self._redirect[other] = into
        a.article_ids.extend(b.article_ids)
        self._story_of.update(dict.fromkeys(b.article_ids, into))
        a.doubtful.extend(b.doubtful)
        a.keys |= b.keys
        _absorb(a, b.centroid, b, self.settings.centroid_terms)
        days = [d for d in (a.first_day, a.last_day, b.first_day, b.last_day) if d is not None]
        if days:
            a.first_day, a.last_day = min(days), max(days)
