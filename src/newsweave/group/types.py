"""Plain data of the grouping stage: what goes in, what comes out, and every threshold."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .prepare import TextFeatures


@dataclass(frozen=True, slots=True)
class GroupInput:
    """What grouping needs from one article (filled from Article + Reading by the pipeline).

    Args:
        article_id: the article's id (content-addressed in the store).
        text: the clean main text.
        title: the headline, or None.
        published: ISO 8601 date (or datetime) of publication, or None when unknown.
        outlet: the outlet name (or host), or None.
        url: the article URL, or None.
        entities: canonical names of the people, organisations and events it mentions
            (one per mention: repeats say how central an entity is).
        places: canonical names of the places it mentions (GPE, LOC, FAC), one per mention.
        times: resolved dates the text mentions ("2013-05-02", "2013-05", "2013"); lets
            articles without a publication date be told apart by the time they report.
        features: `text` and `title` prepared once (`prepare.text_features`); the grouper
            then never reads `text` (a stored article's is not even loaded: it may be "").
    """

    article_id: str
    text: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    entities: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    times: tuple[str, ...] = ()
    features: TextFeatures | None = None


@dataclass(frozen=True, slots=True)
class CopyLink:
    """One article copies another.

    Args:
        article_id: the copy.
        origin_id: the article it copies (the copy group's origin).
        kind: "exact" (same words), "near" (same text under other chrome, trimmed or lightly
            edited) or "partial" (a rewrite that reuses long passages).
        similarity: Jaccard of word shingles for exact/near; containment of the shorter text's
            shingles in the other's for partial.
    """

    article_id: str
    origin_id: str
    kind: str
    similarity: float


@dataclass(frozen=True, slots=True)
class Assignment:
    """What `Grouper.add` decided for one article.

    Args:
        article_id: the article added.
        story_id: the story it now belongs to.
        duplicate_of: its copy group's origin, or None when it is an origin or no copy.
        copy: the copy link that made it a copy (None when it copies nothing).
        merged_story_ids: stories absorbed into `story_id` because this article bridged them.
        relinked: (article_id, new duplicate_of) for earlier articles whose origin changed
            because this article turned out to be earlier (or more complete) than their origin.
        new_story: True when the article opened a new story.
        moved: (article_id, new story_id) for earlier articles that joined a story with a low
            margin and match the story this article went to better (see doubt_margin).
    """

    article_id: str
    story_id: str
    duplicate_of: str | None = None
    copy: CopyLink | None = None
    merged_story_ids: tuple[str, ...] = ()
    relinked: tuple[tuple[str, str | None], ...] = ()
    new_story: bool = False
    moved: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class GroupSettings:
    """Every grouping threshold, units in the names. Defaults tuned on ECB+ and the copy set.

    Args:
        num_perm: MinHash permutations per text.
        shingle_words: words per shingle for copy detection.
        copy_lsh_threshold: MinHash LSH Jaccard threshold for copy candidates (low on purpose:
            a trimmed or partial copy has a low Jaccard but a high containment).
        near_copy_jaccard: shingle Jaccard from which two texts are near copies.
        partial_copy_containment: share of the shorter text's shingles found in the other text
            from which it is a partial copy, when they also share at least
            `partial_copy_min_shingles` shingles (about that many words of passages reused:
            two reports of one event share names and a quote, not 40 words in a row).
        min_copy_shingles: texts with fewer shingles are never copies (an empty body is no copy).
        passage_sample_mod, passage_min_shared, passage_max_postings: partial-copy candidates
            share at least `passage_min_shared` of the shingles whose hash is divisible by
            `passage_sample_mod` (a reused passage of 40 words holds about 36 shingles, so
            about 4.5 sampled ones); a sampled shingle already held by `passage_max_postings`
            texts is boilerplate and indexes no more.
        copy_window_days: a text is matched against texts dated at most this many days
            before the latest date seen (undated texts count as arriving that day).
        story_window_days: an article joins a story only when its date is within this many
            days of the story's span (both dates known).
        top_terms: the article's highest-weighted terms used to find candidate stories.
        top_names: the article's most named entities (and places) used to find candidates.
        max_candidates: candidate stories scored per article.
        max_postings: an index entry keeps at most this many (most recent) stories.
        centroid_terms: terms kept in a story's centroid.
        weight_text, weight_entities, weight_places, weight_title, weight_when: score
            weights (a signal only counts when both article and story have it).
        name_idf_offset, name_floor: entity and place counts weigh (1 + log count) times
            (`name_idf_offset` + log((n + 1) / (df + 1))), and their cosine has a private
            extra dimension of length `name_floor`, so a name match counts fully only when the
            shared names weigh several rare names. The old 1.0 and 2.5 let a name found in 40%
            of articles (Trump in the AllSides roundups) make two unrelated reports score like
            one event: AllSides, all 307 stories, split + consensus 0.633 -> 0.778 with 0.0
            and 10.0 (ECB+ dev, file order, 0.936 -> 0.940; docs/benchmarks.md).
        name_idf_articles: below this many articles the store is young: the name weighting
            goes linearly from (1.0, 2.5) to (`name_idf_offset`, `name_floor`); in a store
            of two reports of one event every shared name is in all of them (0: no ramp).
        name_strength: the entity view's weight is `weight_entities` times (r_a * r_b) **
            `name_strength`, where r = |names| / sqrt(|names|^2 + floor^2) of each side (near 1
            for an article naming several rare people, near 0 for one naming a common one or
            two): the floor keeps a thin name vector's cosine low, and averaged at full weight
            that low cosine dragged two excerpts of one story under join_score however much
            their words agree, so a thin name view now lets the text decide (0: full weight).
            AllSides, stories 0-153 (tuning half), split + consensus: 0.796 -> 0.830 with 1.0;
            ECB+ dev 0.936 -> 0.941 (docs/architecture.md).
        average_link: the text view compares an article with a story's centroid c of k
            members over |c| ** (1 - a) * k ** a instead of |c|: 0 is the cosine with the
            centroid, 1 the mean cosine with the members (average linkage). The cosine rewards
            a story whose members disagree (|c| shrinks as they do), so a story that took two
            events drew every later report of its topic in; 0.5 halves that reward. AllSides
            tuning half, with name_strength 1: 0.830 -> 0.844 (1.0: 0.840); ECB+ dev 0.941 ->
            0.933 (1.0: 0.921: its larger stories need the centroid's pull).
        join_score: a story whose score reaches this takes the article.
        bridge_score: a second story also reaching this is merged into the first.
        year_conflict_penalty: subtracted when article and story report different years.
        participant_penalty: subtracted, times the participant conflict (0 to 1: the smaller
            margin by which each side's most named entity outweighs the other side's), when
            the article's most named entity is not the story's.
        participant_min_mentions: the article's most named entity must be named at least this
            often for the participant conflict to count.
        doubt_margin: an article joining a story with a score below join_score plus this stays
            doubtful; 0 turns re-checking off. Off until the caller applies
            `StoryIndex.take_moves` (ECB+ reading stage with 0.1: 0.913 -> 0.917, CV likewise).
        doubt_keep: doubtful members kept per story (the latest).
        doubt_stories: other candidate stories whose doubtful members are re-scored per article.
        doubt_gain: a doubtful member moves when it scores this much more on the new story
            than it did when it joined its own.
        split_ncut: `Grouper.split_stories` cuts a story in two when the normalised cut of
            its member-to-member scores is below this (0 turns splitting off). ECB+ dev,
            reading stage, file order: 0.917 -> 0.928 with 0.74 (see docs/benchmarks.md).
        split_min_articles: only stories with at least this many members are looked at.
        split_max_articles: nor with more (scoring members pairwise costs their square).
        consensus_runs: `Grouper.settle` groups the articles this many times (the given order,
            then seeded shuffles of it) and keeps the stories the runs agree on; 1 turns it
            off. ECB+ dev, after the split, ten input orders: mean 0.922 (lowest 0.909) with
            one run, 0.928 (0.916) with 5 runs at share 0.5, 0.939 (0.934) with 9 runs at
            share 0.2 (docs/architecture.md, docs/benchmarks.md).
        consensus_share: two groups of articles share a story when the runs put their members
            together at least this often on average. Low, because every run's split already
            keeps look-alike events apart: what one run missed, another joins (ECB+: F1 0.937
            to 0.939 for any share from 0.1 to 0.3 with 9 runs, 0.930 at 0.5).
        consensus_max_articles: a store with more articles keeps the single run (each run
            costs a whole grouping: 9 runs over 5,000 stream articles took 64 s on 2 cores).
        consensus_workers: processes the runs after the first share (0: one per CPU core;
            1: all in the calling process). The stories do not depend on it.
        doubtful_cohesion: a settled story whose weakest member-to-member link (its
            `cohesion`) scores below this carries a note that it may hold two events: the
            join score, the least a member needs to join. A weak signal: settled stories
            holding two or more gold events are flagged 22 of 52 times on AllSides (1 of 8 on
            ECB+ dev), one-event stories 15 of 141 (10 of 56).
        consensus_max_component: articles linked by any run through each other are compared
            pairwise; more than this many keep the first run's stories.
    """

    num_perm: int = 128
    shingle_words: int = 5
    copy_lsh_threshold: float = 0.2
    near_copy_jaccard: float = 0.6
    partial_copy_containment: float = 0.3
    partial_copy_min_shingles: int = 40
    min_copy_shingles: int = 8
    passage_sample_mod: int = 8
    passage_min_shared: int = 3
    passage_max_postings: int = 64
    copy_window_days: float = 30.0
    story_window_days: float = 7.0
    top_terms: int = 24
    top_names: int = 8
    max_candidates: int = 12
    max_postings: int = 64
    centroid_terms: int = 200
    weight_text: float = 0.5
    weight_entities: float = 0.5
    weight_places: float = 0.1
    weight_title: float = 0.1
    weight_when: float = 0.4
    name_idf_offset: float = 0.0
    name_floor: float = 10.0
    name_idf_articles: int = 100
    name_strength: float = 1.0
    average_link: float = 0.5
    join_score: float = 0.2
    bridge_score: float = 0.45
    year_conflict_penalty: float = 0.0
    participant_penalty: float = 0.35
    participant_min_mentions: int = 4
    doubt_margin: float = 0.1
    doubt_keep: int = 4
    doubt_stories: int = 3
    doubt_gain: float = 0.05
    split_ncut: float = 0.74
    split_min_articles: int = 6
    split_max_articles: int = 400
    consensus_runs: int = 9
    consensus_share: float = 0.2
    consensus_max_articles: int = 20_000
    consensus_max_component: int = 2_000
    consensus_workers: int = 0
    doubtful_cohesion: float = 0.2

    def __post_init__(self) -> None:
        for name in ("copy_lsh_threshold", "near_copy_jaccard", "partial_copy_containment"):
            v = getattr(self, name)
            if not 0.0 <= v <= 1.0:
                raise ValueError(f"{name} must be in [0.0, 1.0], got {v}")
        if self.num_perm < 16:
            raise ValueError(f"num_perm must be >= 16, got {self.num_perm}")
        if self.shingle_words < 1:
            raise ValueError(f"shingle_words must be >= 1, got {self.shingle_words}")
        if self.story_window_days <= 0:
            raise ValueError(f"story_window_days must be > 0, got {self.story_window_days}")
        if self.participant_min_mentions < 1:
            raise ValueError(
                f"participant_min_mentions must be >= 1, got {self.participant_min_mentions}"
            )
        if self.doubt_margin < 0 or self.doubt_gain < 0:
            raise ValueError("doubt_margin and doubt_gain must be >= 0")
        if self.doubt_keep < 1 or self.doubt_stories < 0:
            raise ValueError("doubt_keep must be >= 1 and doubt_stories >= 0")
        if self.split_ncut < 0 or self.split_min_articles < 4:
            raise ValueError("split_ncut must be >= 0 and split_min_articles >= 4")
        if self.consensus_runs < 1 or not 0.0 < self.consensus_share <= 1.0:
            raise ValueError("consensus_runs must be >= 1 and consensus_share in (0, 1]")
        if self.consensus_workers < 0:
            raise ValueError(f"consensus_workers must be >= 0, got {self.consensus_workers}")
        if self.name_strength < 0 or not 0.0 <= self.average_link <= 1.0:
            raise ValueError("name_strength must be >= 0 and average_link in [0.0, 1.0]")
        if self.bridge_score < self.join_score:
            raise ValueError("bridge_score must be >= join_score")
