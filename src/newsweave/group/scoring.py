"""How well an article matches a story: pure functions of the two sides, the IDF table and
the settings. `StoryIndex` (cluster.py) holds the stories, the table and the candidate index,
and calls these; nothing here keeps state.

An article is weighed into `ArticleFeatures` (`weigh`), both sides into the weighted vectors
scoring compares (`article_vectors`, `story_vectors`), and `score` is the weighted mean of their
cosines:

- text: cosine of the article's TF-IDF vector (smoothed IDF counted as articles arrive) with
  the story centroid, part way to the mean cosine with the members (`average_link`);
- entities and places: cosine of IDF-weighted canonical-name counts (the entity view counts
  less when either side names few or only common names: `name_weight`);
- title: cosine of headline terms;
- when: cosine of the dates the texts name (IDF-weighted, a weekday weighs little);

minus a penalty scaled by how much the main participants differ (`participant_conflict`),
minus `hub_weight` times how crowded both sides' neighbourhoods are (`crowding`, from each
article's `local_density`; 0 unless the batch step gave densities); None when both sides have
publication dates further apart than `story_window_days`.

The IDF table is `df` (document frequencies by key: a term, "e:" + entity, "p:" + place,
"w:" + date token) and `n`, the articles counted.
"""

from __future__ import annotations

import itertools
import math
import operator
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .features import article_terms, content_terms, day_ordinal, is_figure, words
from .types import GroupInput, GroupSettings

if TYPE_CHECKING:
    from .cluster import StoryState

Vec = tuple[dict[str, float], float]  # a sparse vector and its norm
# text, entities, places, title, when: as an article or a story is scored
Vecs = tuple[Vec, Vec, Vec, Vec, Vec]
Main = tuple[str, float]  # the most named entity and its share of all mentions
# The floor of a date vector: about the IDF weight of a date in every other article (one
# shared weekday weighs little, one shared rare date much more). Names have their own floor
# (`GroupSettings.name_floor`).
WHEN_FLOOR = 2.5
YOUNG_NAME_FLOOR = 2.5  # names in a young store: as dates (see `name_ramp`)
# 1 + log(c) of the term counts most articles have, looked up instead of computed: `weigh` runs
# once per article and grouping run (nine runs per analyze), its logs 11.5% of a settle's time
# (py-spy, 791 WCXB pages). The same floats as math.log gives.
_LOG_TF = tuple(1.0 + math.log(c) if c else 0.0 for c in range(256))


@dataclass(frozen=True, slots=True)
class ArticleFeatures:
    """What clustering uses of one article."""

    vector: dict[str, float]
    top_terms: tuple[str, ...]
    entities: Counter[str]
    places: Counter[str]
    title_terms: Counter[str]
    when: Counter[str]
    day: int | None
    main: Main | None  # the most named entity (None without entities)
    # how crowded the article's neighbourhood is, against the batch's mean (`local_density`);
    # 0 when no batch step measured it (an article added online)
    density: float = 0.0


# --- an article's features ----------------------------------------------------------------


def terms_of(item: GroupInput) -> Counter[str]:
    """Content-term counts of the headline and text, prepared once when the item has them."""
    if item.features is not None:
        return item.features.terms
    return article_terms(item.text, item.title)


def when_tokens(times: tuple[str, ...]) -> Counter[str]:
    """Time tokens of the dates an article names: a full date also counts as its month and as
    its day of the year, so "May 2, 2013" meets "May 2" and "May 2013"; other forms (a bare
    year, a weekday "wd:thursday") count as they are."""
    out: Counter[str] = Counter()
    for t in times:
        out[t] += 1
        if len(t) == 10 and t[4] == "-" and t[:4].isdigit():
            out[t[:7]] += 1
            out[f"--{t[5:]}"] += 1
    return out


def top_items(d: Mapping[str, float], keep: int) -> list[tuple[str, float]]:
    """The `keep` largest entries, ties by key (deterministic): sorted by (-value, key), of
    the entries at least the `keep`-th largest value only (a sort of bare floats finds it):
    the top 24 terms of an article's 450, or a story's 200 of 400 centroid terms, at a third
    of the cost of sorting all entries by that key.

    Example:
        >>> top_items({"b": 1.0, "a": 1.0, "c": 2.0, "d": 0.5}, 2)
        [('c', 2.0), ('a', 1.0)]
    """
    if len(d) > keep:
        cut = sorted(d.values(), reverse=True)[keep - 1]
        return sorted([kv for kv in d.items() if kv[1] >= cut], key=_rank)[:keep]
    return sorted(d.items(), key=_rank)


def _rank(kv: tuple[str, float]) -> tuple[float, str]:
    return -kv[1], kv[0]


def main_participant(counts: Counter[str]) -> Main:
    """The most named entity and its share of all mentions (ties by name, for determinism)."""
    c = max(counts.values())
    return min(k for k, v in counts.items() if v == c), c / sum(counts.values())


def weigh(
    item: GroupInput,
    df: Mapping[str, int],
    n: int,
    settings: GroupSettings,
    density: float = 0.0,
) -> ArticleFeatures:
    """An article's features, its terms weighed with the IDF table as given (`density`: its
    `local_density`, when a batch step measured it)."""
    tf = terms_of(item)
    ents = Counter(e.lower() for e in item.entities)
    # smoothed IDF (+1, as scikit-learn's): in a young store the terms two reports share
    # would otherwise weigh nothing; computed once per document frequency the terms have
    log, get, ltf = math.log, df.get, _LOG_TF
    idf: dict[int, float] = {}
    vec = {}
    for t, c in tf.items():
        d = get(t, 0)
        w = idf.get(d)
        if w is None:
            w = idf[d] = 1.0 + log((n + 1) / (d + 1))
        vec[t] = (ltf[c] if c < 256 else 1.0 + log(c)) * w
    norm = math.sqrt(sum([v * v for v in vec.values()])) or 1.0
    vec = {t: v / norm for t, v in vec.items() if v > 0}
    # rare terms first; a figure is no candidate key: a rare number ("2019", "500") would
    # propose stories of other topics, and the stream's adds would score more candidates
    words_only = {t: v for t, v in vec.items() if not is_figure(t)}
    top = top_items(words_only if len(words_only) < len(vec) else vec, settings.top_terms)
    return ArticleFeatures(
        vector=vec,
        top_terms=tuple(t for t, _ in top),
        entities=ents,
        places=Counter(p.lower() for p in item.places),
        title_terms=content_terms(words(item.title or "")),
        when=when_tokens(item.times),
        day=day_ordinal(item.published),
        main=main_participant(ents) if ents else None,
        density=density,
    )


# --- vectors and cosines ------------------------------------------------------------------


def vec(d: dict[str, float], floor: float = 0.0) -> Vec:
    """A vector and its norm; `floor` is a private extra dimension that keeps a thin vector
    from matching fully: one shared weekday is weak evidence, one shared rare date is not."""
    values = d.values()
    return d, math.sqrt(sum(map(operator.mul, values, values)) + floor * floor)


def cos(a: Vec, b: Vec) -> float:
    """The cosine of two vectors (0 when either norm is 0).

    The shared keys in the shorter vector's order, their products summed in C (`map`): the
    same sum as over every key with 0 for the missing ones, bit for bit (adding 0.0 changes
    no float), in 0.7x the time on the grouping's own vectors (a quarter of each consensus
    run's CPU on ECB+ dev was cosines).

    Example:
        >>> cos(vec({"a": 1.0, "b": 2.0}), vec({"b": 3.0, "c": 4.0}))
        0.5366563145999494
    """
    (da, na), (db, nb) = a, b
    if not na or not nb:
        return 0.0
    if len(da) > len(db):
        da, db = db, da
    shared = list(filter(db.__contains__, da))
    return sum(map(operator.mul, map(da.__getitem__, shared), map(db.__getitem__, shared))) / (
        na * nb
    )


def idf_weights(
    counts: Counter[str], prefix: str, df: Mapping[str, int], n: int
) -> dict[str, float]:
    """Counts weighted like terms (smoothed IDF of `prefix` + key): a team named in every
    report of a topic weighs less than the player (Bush, Thomas) that tells its two injuries
    apart."""
    return {
        k: (1.0 + math.log(c)) * (1.0 + math.log((n + 1) / (df.get(prefix + k, 0) + 1)))
        for k, c in counts.items()
    }


def name_ramp(n: int, settings: GroupSettings) -> float:
    """How far a store of `n` articles is from young (0) to grown (1) for weighing names: with
    two or three articles every shared name is in most of them, and document frequency cannot
    tell a name found everywhere from the one two reports share."""
    grown = settings.name_idf_articles
    return min(1.0, n / grown) if grown else 1.0


def name_floor(n: int, settings: GroupSettings) -> float:
    """`name_floor`, reached from the young store's 2.5 as the store grows."""
    grown = settings.name_floor
    return YOUNG_NAME_FLOOR + (grown - YOUNG_NAME_FLOOR) * name_ramp(n, settings)


def name_idf_weights(
    counts: Counter[str], prefix: str, df: Mapping[str, int], n: int, settings: GroupSettings
) -> dict[str, float]:
    """Name counts weighted by `name_idf_offset` + log((n + 1) / (df + 1)): with offset 0 a
    name found in every article (a president, a chamber) weighs nothing, not 1 (in a young
    store the offset goes from 1 down to `name_idf_offset`: `name_ramp`)."""
    offset = 1.0 + (settings.name_idf_offset - 1.0) * name_ramp(n, settings)
    # as `weigh`: 1 + log(c) looked up, each document frequency's log once (a story's names
    # are weighed again whenever it takes a member: 9% of settling 122 touched articles)
    log, get, ltf = math.log, df.get, _LOG_TF
    idf: dict[int, float] = {}
    out = {}
    for k, c in counts.items():
        d = get(prefix + k, 0)
        r = idf.get(d)
        if r is None:
            r = idf[d] = log((n + 1) / (d + 1))
        w = offset + r
        if w > 0:
            out[k] = (ltf[c] if c < 256 else 1.0 + log(c)) * w
    return out


def article_vectors(
    f: ArticleFeatures, df: Mapping[str, int], n: int, settings: GroupSettings
) -> Vecs:
    """The article's weighted vectors and norms, as `score` compares them."""
    floor = name_floor(n, settings)
    return (
        vec(f.vector),
        vec(name_idf_weights(f.entities, "e:", df, n, settings), floor),
        vec(name_idf_weights(f.places, "p:", df, n, settings), floor),
        vec(dict(f.title_terms)),
        vec(idf_weights(f.when, "w:", df, n), WHEN_FLOOR),
    )


def centroid_vector(centroid: dict[str, float], members: int, settings: GroupSettings) -> Vec:
    """A story's centroid with the norm the text view divides by: |c| ** (1 - a) times k ** a
    for k members (`average_link` a; k >= |c| as members have unit vectors)."""
    d, norm = vec(centroid)
    a = settings.average_link
    if a and members:
        norm = norm ** (1.0 - a) * max(norm, float(members)) ** a
    return d, norm


def story_vectors(
    st: StoryState, df: Mapping[str, int], n: int, settings: GroupSettings
) -> tuple[Vecs, Main | None]:
    """What scoring compares of a story: its weighted vectors and its main participant."""
    floor = name_floor(n, settings)
    vecs = (
        centroid_vector(st.centroid, len(st.article_ids), settings),
        vec(name_idf_weights(st.entities, "e:", df, n, settings), floor),
        vec(name_idf_weights(st.places, "p:", df, n, settings), floor),
        vec(dict(st.title_terms)),
        vec(idf_weights(st.when, "w:", df, n), WHEN_FLOOR),
    )
    return vecs, main_participant(st.entities) if st.entities else None


# --- crowded neighbourhoods ---------------------------------------------------------------

# Rows of the article-by-article cosine matrix computed at once by `local_density` (a block
# of 512 x n float32 cosines: 40 MB at 20,000 articles, the consensus's limit).
_DENSITY_BLOCK = 512


def local_density(
    vectors: Sequence[Mapping[str, float]], k: int, only: Sequence[int] | None = None
) -> list[float]:
    """How crowded each article's neighbourhood is: the mean cosine of its unit TF-IDF vector
    with its `k` most similar other articles, less the mean of that over all the articles
    (0 for an average article; fewer than k + 1 articles: all 0).

    A report of a much-covered topic (Trump, impeachment, a shutdown) is close to many reports
    of other events of that topic, and a report with few or rare words is close to nothing,
    not even to its own event's other reports; one threshold on the cosine joins the first
    too easily and the second too rarely. `crowding` turns this into a per-pair shift of the
    score (the hubness correction of cross-lingual word retrieval, CSLS).

    Args:
        vectors: every article's unit text vector (the neighbours are looked for among all).
        k: the neighbours a density is the mean cosine of.
        only: the indices whose densities are wanted (None: all). An incremental settle wants
            its few touched articles' among the whole store's: their rows only are computed,
            and the mean they are measured against is over `DENSITY_SAMPLE` articles spread
            evenly through the store when it holds more (the same figures up to that size),
            so the cost grows with the store, not with its square.

    Example:
        >>> vs = [{"a": 1.0}, {"a": 0.8, "b": 0.6}, {"c": 1.0}]
        >>> [round(x, 2) for x in local_density(vs, 1)]
        [0.27, 0.27, -0.53]
        >>> [round(x, 2) for x in local_density(vs, 1, only=[2])]
        [-0.53]
    """
    n = len(vectors)
    if n <= k or k < 1:
        return [0.0] * (n if only is None else len(only))
    return row_density(sparse_rows(vectors), k, only)


def row_density(m, k: int, only: Sequence[int] | None = None) -> list[float]:
    """`local_density` of the unit vectors that are the rows of `m` (a CSR matrix:
    `sparse_rows`, `tfidf_rows`)."""
    import numpy as np

    n = m.shape[0]
    if n <= k or k < 1:
        return [0.0] * (n if only is None else len(only))
    mt = m.T.tocsr()

    def top_means(idx: np.ndarray) -> np.ndarray:
        out = np.empty(len(idx))
        for lo in range(0, len(idx), _DENSITY_BLOCK):
            part = idx[lo : lo + _DENSITY_BLOCK]
            sims = (m[part] @ mt).toarray()
            sims[np.arange(len(part)), part] = -np.inf  # not itself
            out[lo : lo + len(part)] = np.partition(sims, n - k, axis=1)[:, n - k :].mean(axis=1)
        return out

    every = np.arange(n)
    if only is None or n <= DENSITY_SAMPLE:
        raw = top_means(every)
        out = raw - raw.mean()
        return out.tolist() if only is None else out[np.asarray(only, dtype=int)].tolist()
    sample = np.unique(np.linspace(0, n - 1, DENSITY_SAMPLE).round().astype(int))
    return (top_means(np.asarray(only, dtype=int)) - top_means(sample).mean()).tolist()


def tfidf_rows(terms: Sequence[Mapping[str, int]], df: Mapping[str, int], n: int):
    """The unit TF-IDF text vectors `weigh` gives articles of these term counts with the IDF
    table (`df`, `n`), as `sparse_rows` gives them (float32 CSR rows, terms numbered as first
    seen), computed in numpy: the same floats. An incremental settle measures its touched
    articles' densities among every stored article, and weighing each of them whole
    (`weigh`: names, top terms, title) only to keep its vector was half of its CPU at
    10,000 stored articles.

    Example:
        >>> from collections import Counter
        >>> tf = [Counter({"ferry": 2, "harbour": 1}), Counter({"ferry": 1})]
        >>> rows = tfidf_rows(tf, Counter({"ferry": 2, "harbour": 1}), 2)
        >>> rows.toarray().astype(float).round(3).tolist()
        [[0.769, 0.639], [1.0, 0.0]]
    """
    import numpy as np
    from scipy.sparse import csr_matrix

    vocab: defaultdict[str, int] = defaultdict(itertools.count().__next__)
    # lists: an array's extend from an iterator appends one by one (5x slower at 100,000
    # articles); the ids are the vocabulary's own ints and the counts small ones, not boxed anew
    cols: list[int] = []
    counts: list[int] = []
    lengths: list[int] = []
    for tf in terms:
        cols.extend(map(vocab.__getitem__, tf))
        counts.extend(tf.values())
        lengths.append(len(tf))
    c = np.fromiter(counts, dtype=np.int64, count=len(counts))
    del counts
    # 1 + log(tf) and each document frequency's IDF by math.log, as `weigh` computes them
    ltf = np.asarray(_LOG_TF)[np.minimum(c, 255)]
    for at in np.flatnonzero(c >= 256).tolist():
        ltf[at] = 1.0 + math.log(int(c[at]))
    d = np.fromiter((df.get(t, 0) for t in vocab), dtype=np.int64, count=len(vocab))
    found, back = np.unique(d, return_inverse=True)
    idf = np.asarray([1.0 + math.log((n + 1) / (x + 1)) for x in found.tolist()])[back]
    col = np.fromiter(cols, dtype=np.int64, count=len(cols))
    del cols
    v = ltf * idf[col] if len(col) else np.zeros(0)
    size = np.asarray(lengths, dtype=np.int64)
    row = np.repeat(np.arange(len(size)), size)
    # each row's norm summed term by term in order, as Python's sum does (the same floats):
    # step r adds every row's r-th square, the rows longest first so those are a prefix
    start = np.concatenate([[0], np.cumsum(size)[:-1]]).astype(np.int64)
    longest = np.argsort(-size, kind="stable")
    first, ends = start[longest], size[longest]
    total = np.zeros(len(lengths))
    sq = v * v
    for r in range(int(ends[0]) if len(ends) else 0):
        k = int(np.searchsorted(-ends, -r, side="left"))  # rows longer than r
        total[:k] += sq[first[:k] + r]
    norm = np.empty(len(lengths))
    norm[longest] = np.sqrt(total)
    norm[norm == 0] = 1.0
    v = v / norm[row]
    keep = v > 0
    shape = (len(lengths), max(1, len(vocab)))
    # the rows as sparse_rows makes them (through COO: each row's terms sorted by number)
    indptr = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(np.bincount(row[keep], minlength=len(lengths)), out=indptr[1:])
    m = csr_matrix((v[keep].astype(np.float32), col[keep], indptr), shape=shape)
    m.sort_indices()
    return m


def sparse_rows(vectors: Sequence[Mapping[str, float]]):  # -> scipy.sparse.csr_matrix
    """The sparse vectors as the rows of a float32 CSR matrix (terms numbered as first seen)."""
    import numpy as np
    from scipy.sparse import csr_matrix

    vocab: dict[str, int] = {}
    rows, cols, vals = [], [], []
    for r, v in enumerate(vectors):
        for t, x in v.items():
            rows.append(r)
            cols.append(vocab.setdefault(t, len(vocab)))
            vals.append(x)
    shape = (len(vectors), max(1, len(vocab)))
    return csr_matrix((vals, (rows, cols)), shape=shape, dtype=np.float32)


# Articles whose densities the mean of an incremental settle's few is measured against (up to
# this many the figures are those of the whole store: ECB+ dev's 772 in 10 batches unchanged).
DENSITY_SAMPLE = 2000


def crowding(f: ArticleFeatures, st: StoryState) -> float:
    """The mean of the article's density and its story's (the members' mean): what the score
    loses per unit of `hub_weight` (negative for two sides in sparse neighbourhoods)."""
    return (f.density + st.density / max(1, len(st.article_ids))) / 2


# --- the score ----------------------------------------------------------------------------


def name_weight(a: Vec, b: Vec, n: int, settings: GroupSettings) -> float:
    """The share of `weight_entities` the name view gets for this pair: (r_a * r_b) **
    `name_strength`, r being how much of a side's floored norm is real names. AllSides
    excerpts name one or two people the whole corpus names: their name cosine is low (the
    floor), and at full weight it pulled pairs the words join under join_score."""
    p = settings.name_strength
    if not p:
        return 1.0
    if not a[1] or not b[1]:
        return 0.0
    floor2 = name_floor(n, settings) ** 2
    # r^2 = 1 - floor^2 / norm^2 of the floored norms
    ra2 = max(0.0, 1.0 - floor2 / (a[1] * a[1]))
    rb2 = max(0.0, 1.0 - floor2 / (b[1] * b[1]))
    return (ra2 * rb2) ** (p / 2)


def participant_conflict(
    mine: Counter[str],
    theirs: Counter[str],
    min_mentions: int,
    mains: tuple[Main, Main] | None = None,
) -> float:
    """How strongly the main participants differ: 0 when the article's most named entity is
    the story's, else the smaller of the two margins by which each side's main participant
    outweighs the other side's main participant on that side.

    ECB+ pairs two events of one topic with different protagonists (a coach fired: Cheeks in
    one season, O'Brien in another): the topic words match, the most named person does not.
    `mains` are `main_participant` of both sides when the caller has them already.
    """
    (ma, sa), (ms, ss) = mains or (main_participant(mine), main_participant(theirs))
    # a name mentioned once or twice is no protagonist: a passing name cannot veto a story
    if ma == ms or mine[ma] < min_mentions:
        return 0.0
    na, ns = sum(mine.values()), sum(theirs.values())
    da = sa - mine.get(ms, 0) / na
    ds = ss - theirs.get(ma, 0) / ns
    return max(0.0, min(da, ds))


def score(
    f: ArticleFeatures,
    mine: Vecs,
    st: StoryState,
    theirs: tuple[Vecs, Main | None],
    n: int,
    settings: GroupSettings,
) -> float | None:
    """How well an article matches a story.

    Args:
        f: the article's features; mine: `article_vectors(f, ...)`.
        st: the story; theirs: `story_vectors(st, ...)` (the index caches it per story).
        n: the articles the IDF table counted (the name floor grows with it).
        settings: the weights, the story window and the participant penalty.

    Returns:
        The weighted mean of the views both sides have, less the participant penalty and the
        crowding of both sides' neighbourhoods; None when the publication dates are further
        apart than `story_window_days`.
    """
    s = settings
    if f.day is not None and st.first_day is not None and st.last_day is not None:
        gap = max(0, st.first_day - f.day, f.day - st.last_day)
        if gap > s.story_window_days:
            return None
    (text, ents, plcs, title, when), story_main = theirs
    parts = [(s.weight_text, cos(mine[0], text))]
    if f.entities and st.entities:
        w = s.weight_entities * name_weight(mine[1], ents, n, s)
        parts.append((w, cos(mine[1], ents)))
    if f.places and st.places:
        parts.append((s.weight_places, cos(mine[2], plcs)))
    if f.title_terms and st.title_terms:
        parts.append((s.weight_title, cos(mine[3], title)))
    if f.when and st.when:
        parts.append((s.weight_when, cos(mine[4], when)))
    total = sum(w * v for w, v in parts) / sum(w for w, _ in parts)
    if s.participant_penalty and f.main is not None and story_main is not None:
        conflict = participant_conflict(
            f.entities, st.entities, s.participant_min_mentions, (f.main, story_main)
        )
        total -= s.participant_penalty * conflict
    if s.hub_weight:
        total -= s.hub_weight * crowding(f, st)
    return total
