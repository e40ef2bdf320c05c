"""Online same-event clustering: each article joins the best candidate story or opens one.

Candidate stories come from an inverted index over the article's rarest terms, its canonical
entities and its places (each entry keeps only the most recent stories), never from a scan of
all stories. Each candidate is scored on

- text: cosine of the article's TF-IDF vector (IDF counted incrementally, so no refit) with
  the story centroid;
- entities and places: cosine of canonical-name counts;
- title: cosine of headline terms;

minus a penalty when article and story report different years, and the story is out of reach
when both have publication dates further apart than `story_window_days`. A second story that
also scores above `bridge_score` is merged into the first: the article bridges them.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from .features import content_terms, cosine, words
from .types import GroupSettings


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
    years: Counter[int] = field(default_factory=Counter)
    first_day: int | None = None  # proleptic ordinal of the earliest publication date
    last_day: int | None = None


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """What clustering uses of one article."""

    vector: dict[str, float]
    top_terms: tuple[str, ...]
    entities: Counter[str]
    places: Counter[str]
    title_terms: Counter[str]
    year: int | None
    day: int | None


def _day(iso: str | None) -> int | None:
    if not iso or len(iso) < 10:
        return None
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


def _main_year(times: tuple[str, ...], published: str | None) -> int | None:
    """The year the article reports: its publication year, else the year its dates name most.

    ECB+ pairs two events of one topic years apart (two rehab check-ins of one actress): the
    year is often the only thing that tells them apart.
    """
    if published and published[:4].isdigit():
        return int(published[:4])
    # only dated mentions ("May 2, 2013", "May 2013"): a bare year is often background
    # ("the 1991 quake"), a dated one is usually the event's own date or the dateline
    years = Counter(int(t[:4]) for t in times if len(t) >= 7 and t[:4].isdigit())
    if not years:
        return None
    return max(years.items(), key=lambda kv: (kv[1], kv[0]))[0]


class StoryIndex:
    """Stories so far and the index that finds candidates for a new article.

    Args:
        settings: weights and thresholds (see GroupSettings).

    Example:
        >>> idx = StoryIndex(GroupSettings())
        >>> f = idx.features("Flood barrier opens in Lindholm", "The flood barrier opened.", (), (),
        ...                  (), None)
        >>> idx.assign("a1", f)[0]
        's-a1'
    """

    def __init__(self, settings: GroupSettings) -> None:
        self.settings = settings
        self._df: Counter[str] = Counter()
        self._n = 0
        self._stories: dict[str, StoryState] = {}
        self._redirect: dict[str, str] = {}  # merged story -> the story that absorbed it
        self._postings: dict[str, list[str]] = {}

    # --- features -------------------------------------------------------------------------

    def features(
        self,
        title: str | None,
        text: str,
        entities: tuple[str, ...],
        places: tuple[str, ...],
        times: tuple[str, ...],
        published: str | None,
    ) -> ArticleFeatures:
        """Count the article's terms into the IDF table and return its features."""
        s = self.settings
        tf = content_terms(words(f"{title or ''}\n{text}"))
        self._n += 1
        self._df.update(tf.keys())
        n = self._n
        # smoothed IDF (+1, as scikit-learn's): in a young store the terms two reports share
        # would otherwise weigh nothing
        vec = {
            t: (1.0 + math.log(c)) * (1.0 + math.log((n + 1) / (self._df[t] + 1)))
            for t, c in tf.items()
        }
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vec = {t: v / norm for t, v in vec.items() if v > 0}
        # rare terms first; ties by the term itself for determinism
        top = sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[: s.top_terms]
        return ArticleFeatures(
            vector=vec,
            top_terms=tuple(t for t, _ in top),
            entities=Counter(e.lower() for e in entities),
            places=Counter(p.lower() for p in places),
            title_terms=content_terms(words(title or "")),
            year=_main_year(times, published),
            day=_day(published),
        )

    # --- assignment -----------------------------------------------------------------------

    def resolve(self, story_id: str) -> str:
        """The live story a (possibly merged) story id now belongs to."""
        while story_id in self._redirect:
            story_id = self._redirect[story_id]
        return story_id

    def story(self, story_id: str) -> StoryState:
        """The live state of a story."""
        return self._stories[self.resolve(story_id)]

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
            self._stories[target] = StoryState(
                id=target, order=len(self._stories) + len(self._redirect)
            )
        for score, sid in scored:
            if sid != target and score >= s.bridge_score:
                self._merge(target, sid)
                merged.append(sid)
        self._add_to(self._stories[target], article_id, f)
        return target, tuple(merged), is_new

    def score_candidates(self, f: ArticleFeatures) -> list[tuple[float, str]]:
        """(score, story id) for the candidate stories, best first."""
        s = self.settings
        votes: Counter[str] = Counter()
        keys = [f"t:{t}" for t in f.top_terms]
        keys += [f"e:{e}" for e in f.entities] + [f"p:{p}" for p in f.places]
        for k in keys:
            for sid in self._postings.get(k, ()):
                votes[self.resolve(sid)] += 1
        cands = sorted(votes.items(), key=lambda kv: (-kv[1], self._stories[kv[0]].order))
        out = []
        for sid, _ in cands[: s.max_candidates]:
            sc = self._score(f, self._stories[sid])
            if sc is not None:
                out.append((sc, sid))
        out.sort(key=lambda x: (-x[0], self._stories[x[1]].order))
        return out

    def _score(self, f: ArticleFeatures, st: StoryState) -> float | None:
        s = self.settings
        if f.day is not None and st.first_day is not None and st.last_day is not None:
            gap = max(0, st.first_day - f.day, f.day - st.last_day)
            if gap > s.story_window_days:
                return None
        parts = [(s.weight_text, cosine(f.vector, st.centroid))]
        if f.entities and st.entities:
            parts.append((s.weight_entities, cosine(f.entities, st.entities)))
        if f.places and st.places:
            parts.append((s.weight_places, cosine(f.places, st.places)))
        if f.title_terms and st.title_terms:
            parts.append((s.weight_title, cosine(f.title_terms, st.title_terms)))
        score = sum(w * v for w, v in parts) / sum(w for w, _ in parts)
        if f.year is not None and st.years:
            story_year = max(st.years.items(), key=lambda kv: (kv[1], kv[0]))[0]
            if story_year != f.year:
                score -= s.year_conflict_penalty
        return score

    def _add_to(self, st: StoryState, article_id: str, f: ArticleFeatures) -> None:
        s = self.settings
        st.article_ids.append(article_id)
        for t, v in f.vector.items():
            st.centroid[t] = st.centroid.get(t, 0.0) + v
        if len(st.centroid) > s.centroid_terms:
            keep = sorted(st.centroid.items(), key=lambda kv: (-kv[1], kv[0]))[: s.centroid_terms]
            st.centroid = dict(keep)
        st.entities.update(f.entities)
        st.places.update(f.places)
        st.title_terms.update(f.title_terms)
        if f.year is not None:
            st.years[f.year] += 1
        if f.day is not None:
            st.first_day = f.day if st.first_day is None else min(st.first_day, f.day)
            st.last_day = f.day if st.last_day is None else max(st.last_day, f.day)
        keys = [f"t:{t}" for t in f.top_terms]
        keys += [f"e:{e}" for e in f.entities] + [f"p:{p}" for p in f.places]
        for k in dict.fromkeys(keys):
            post = self._postings.setdefault(k, [])
            if st.id in post:
                continue
            post.append(st.id)
            if len(post) > s.max_postings:
                del post[0]

    def _merge(self, into: str, other: str) -> None:
        a, b = self._stories[into], self._stories.pop(other)
        self._redirect[other] = into
        a.article_ids.extend(b.article_ids)
        for t, v in b.centroid.items():
            a.centroid[t] = a.centroid.get(t, 0.0) + v
        if len(a.centroid) > self.settings.centroid_terms:
            keep = sorted(a.centroid.items(), key=lambda kv: (-kv[1], kv[0]))
            a.centroid = dict(keep[: self.settings.centroid_terms])
        a.entities.update(b.entities)
        a.places.update(b.places)
        a.title_terms.update(b.title_terms)
        a.years.update(b.years)
        days = [d for d in (a.first_day, a.last_day, b.first_day, b.last_day) if d is not None]
        if days:
            a.first_day, a.last_day = min(days), max(days)
