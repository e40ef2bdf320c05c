"""Alignment: claims of a story's articles that state the same thing become one proposition.

Candidate pairs come from an inverted index over the claims' stems, entity keys and numbers
(never all pairs). A pair's score is the TF-IDF cosine of their content stems (IDF over the
story's claims; the words of one class, `terms.SAME_STEMS`, one stem) plus agreement of
numbers, entities, speaker, mood (a denial or a wish against a statement) and times.
Propositions are the groups of an average linkage over 1 - score cut at 1 - `link_score`
(claims of one article never pulled together); with `linkage = "components"`, the connected
components of links between claims that are each other's best match in the other article at
`link_score`, or that score `sure_score` alone.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..model import Claim, Number
from ..settings import CheckSettings
from .numbers import same_figure
from .terms import (
    claim_persons,
    days,
    number_key,
    person_forms,
    persons_apart,
    sense_stems,
    speaker_key,
)

# However big the story, a term proposes pairs among at most this many claims (a 200-article
# story has about 6,000 claims: a term in a tenth of them would propose 180,000 pairs).
MAX_TERM_CLAIMS = 150


@dataclass(frozen=True, slots=True)
class ClaimFeatures:
    vector: dict[str, float]
    entities: frozenset[str]
    numbers: frozenset[tuple[float, str | None]]
    speaker: str | None
    denied: bool  # reported under a cue of denial ("rejected", "denied", "ruled out")
    # the first and last day its resolved times cover, as ordinals (None: no resolved time)
    when: tuple[int, int] | None = None
    published: int | None = None  # its article's publication day, as an ordinal
    figures: tuple[Number, ...] = ()  # its numbers, for the approximate ones' agreement
    # the people it names besides its speaker ("Vaughn finished with 16 points and nine
    # rebounds" / "Austin Daye finished with 20 points and eight rebounds": two players)
    persons: frozenset[str] = frozenset()
    wished: bool = False  # what its speaker urges or means to do (`is_wish`), not what is


@dataclass(frozen=True, slots=True)
class PairScores:
    """The alignment's candidate pairs, `rows[k] < cols[k]` in (row, col) order, and their
    scores (`pair_score`): arrays, because a 300-page WCXB run has 1.2 million of them and a
    dict of tuples cost more to build and walk than scoring them."""

    rows: np.ndarray
    cols: np.ndarray
    values: np.ndarray

    def items(self) -> Iterator[tuple[tuple[int, int], float]]:
        """((i, j), score) per pair, in pair order."""
        pairs = zip(self.rows.tolist(), self.cols.tolist(), strict=True)
        return zip(pairs, self.values.tolist(), strict=True)

    def at_least(self, least: float) -> dict[tuple[int, int], float]:
        """The pairs scoring `least` or more, as a mapping."""
        keep = self.values >= least
        pairs = zip(self.rows[keep].tolist(), self.cols[keep].tolist(), strict=True)
        return dict(zip(pairs, self.values[keep].tolist(), strict=True))

    def within(self, groups: Sequence[Sequence[int]], n: int) -> np.ndarray:
        """Per item (`n` of them), the sum of its scores with the others of its group, summed
        in pair order."""
        label = np.full(n, -1)
        for g, members in enumerate(groups):
            label[list(members)] = g
        same = label[self.rows] == label[self.cols]
        weight = np.zeros(n)
        # pair order gives item k its pairs (i, k) before its pairs (k, j)
        np.add.at(weight, self.cols[same], self.values[same])
        np.add.at(weight, self.rows[same], self.values[same])
        return weight


def _idf(n: int, df: int) -> float:
    """Smoothed IDF within the story (as scikit-learn's smooth_idf): a term every claim has
    still weighs 1, so the two claims of a two-article story can match on shared words."""
    return math.log((1 + n) / (1 + df)) + 1.0


# A figure's digits weigh this much in a claim's text vector. In full, a short claim's figure
# was a large share of its vector: two reports of one outage giving different counts ("The storm
# cut power to 4,000 homes in Varnstad" / "About 6,500 homes in Varnstad lost electricity in the
# storm") stayed apart, so their dispute went unseen, while a figure both give counted twice,
# once more as `shared_number_bonus`. Out of the vector, ECB+ dev P 0.626 -> 0.642 at R 0.100
# -> 0.105, but one planted conflict fewer and three more flags in the untouched pairs ("10 vs
# 612 people"); at 0.5, P 0.636 at R 0.105 with planted and untouched as they were; at 0.25,
# 0.642 at 0.105 and one planted conflict fewer.
DIGIT_WEIGHT = 0.5


def claim_features(
    claims: Sequence[Claim], published: Mapping[str, str | None] | None = None
) -> list[ClaimFeatures]:
    """Each claim's features; `published`: article id -> its publication day (ISO), if known."""
    published = published or {}
    bags = [Counter(sense_stems(c.text)) for c in claims]
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    n = len(claims)
    out = []
    for c, bag in zip(claims, bags, strict=True):
        vec = {t: (1 + math.log(k)) * _idf(n, df[t]) * (DIGIT_WEIGHT if t[:1].isdigit() else 1.0)
               for t, k in bag.items()}  # fmt: skip
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        out.append(
            ClaimFeatures(
                {t: v / norm for t, v in vec.items()},
                frozenset(c.entities),
                frozenset(number_key(x) for x in c.numbers),
                speaker_key(c.who) if c.kind == "reported" else None,
                is_denial(c),
                _when(c),
                _ordinal(published.get(c.article_id)),
                c.numbers,
                claim_persons(c),
                is_wish(c),
            )
        )
    return out


def persons_differ(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Whether two claims both name people besides their speakers, and none in common."""
    return persons_apart(a.persons, b.persons)


def _when(c: Claim) -> tuple[int, int] | None:
    spans = [d for t in c.times if (d := days(t))]
    if not spans:
        return None
    return min(a for a, _ in spans).toordinal(), max(b for _, b in spans).toordinal()


def _ordinal(day: str | None) -> int | None:
    span = days(day[:10]) if day else None
    return span[0].toordinal() if span else None


def figures_near(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Whether two claims with no figure in common still give one figure, a rounded or bounded
    one ("About 4,200 residents of Ambry were ordered to leave" / "More than 4,000 people have
    been evacuated from the town of Ambry": `numbers.same_figure`). Only a qualified figure
    ("about", "more than", ...) is near another: two exact values are equal or apart."""
    return any(
        (x.qualifier or y.qualifier) and same_figure(x, y) for x in a.figures for y in b.figures
    )


def times_disagree(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Whether one claim tells of a day after the other's article was published: that article
    cannot report it. Unless the claim's day is after its own article's too (a plan announced
    early is still the plan), or the other claim's own times reach that day ("will be asked
    to leave on Sunday").

    Two claims whose days differ are otherwise left to the score: "Voters in 2009 approved
    a $3 million bond" / "Palmer voters in 2010 approved a $3 million bond" (ECB+ 13) is one
    statement whose date is disputed, and ECB+'s pages carry their own date stamps inside
    their first sentences ("Published: April 10, 2007 A man ...").

    The example corpus: "About 1,800 residents of Lowater were ordered to leave at 6am on
    Sunday" (published that Sunday) is not "Residents of ... Lowater ... were told to be ready
    to leave" (published on Saturday), however many words they share.

    Example:
        >>> from datetime import date
        >>> sunday, saturday = date(2026, 3, 22).toordinal(), date(2026, 3, 21).toordinal()
        >>> order = ClaimFeatures({}, frozenset(), frozenset(), None, False,
        ...                       when=(sunday, sunday), published=sunday)
        >>> ready = ClaimFeatures({}, frozenset(), frozenset(), None, False, published=saturday)
        >>> plan = ClaimFeatures({}, frozenset(), frozenset(), None, False,
        ...                      when=(sunday, sunday), published=saturday)
        >>> times_disagree(order, ready), times_disagree(ready, order), times_disagree(order, plan)
        (True, True, False)
    """
    for x, y in ((a, b), (b, a)):
        if (
            x.when
            and y.published is not None
            and x.when[0] > y.published
            and (x.published is None or x.when[0] <= x.published)
            and not (y.when and y.when[1] >= x.when[0])
        ):
            return True
    return False


# What a source rejects is not what another source reports it said: "Syrskyi rejected the
# possibility of a complete withdrawal" against "Syrskyi suggested the possibility of additional
# tactical withdrawals" (the seed pair: 0.62 without this penalty, the best match of either).
DENIAL_CUES = ("reject", "deni", "deny", "dismiss", "ruled out", "rules out", "refut")
DENIAL_PENALTY = 0.3


def is_denial(c: Claim) -> bool:
    """Whether a reported claim is what its speaker denies ("rejected the possibility ...")."""
    cue = (c.cue or "").lower()
    return c.kind == "reported" and any(cue.startswith(d) for d in DENIAL_CUES)


# What a source urges or means to do is not what another reports done: "[Putin addressed
# soldiers, urging them] to eliminate the remaining Ukrainian forces in the area" against
# "Russian forces continue to record significant achievements against Ukrainian forces that
# invaded the border area" (the seed pair: 0.43 without this penalty, linked).
WISH_PENALTY = 0.3
_TO_VERB = re.compile(
    r"to\s+(?!(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those|them|him|me|us"
    r"|it|what|which|who|whom|and|or|date|some)\b)[a-z]+\b"
)


# A claim that opens by weighing its own odds states no fact either: "it is unlikely that Putin
# will agree to the 30-day ceasefire" (seed 003, Russian sources) against "Kyiv agreeing to a
# 30-day ceasefire" (000): 0.57, linked, without the penalty.
_HEDGE = re.compile(
    r"(?:it\s+(?:is|was|seems|seemed|appears|looks)\s+(?:un)?likely|(?:un)?likely\b"
    r"|it\s+is\s+(?:possible|doubtful)|perhaps\b|probably\b|possibly\b)",
    re.I,
)


def is_wish(c: Claim) -> bool:
    """Whether a claim says what is wanted or weighed, not what is: a reported infinitive its
    speaker urges, asks for or means ("urging them to eliminate ...", "pledged to raise the
    matter"), or a claim that opens by weighing its odds ("it is unlikely that ...")."""
    if c.kind == "reported" and _TO_VERB.match(c.text) is not None:
        return True
    return _HEDGE.match(c.text) is not None


def pair_score(a: ClaimFeatures, b: ClaimFeatures, settings: CheckSettings) -> float:
    """Text similarity plus agreement of numbers (one in common, or `figures_near`), entities
    and speaker; a denial against a report scores DENIAL_PENALTY less, a wish (`is_wish`)
    against a statement WISH_PENALTY less, two claims whose times disagree (`times_disagree`)
    `settings.other_time_penalty` less."""
    small, big = (a.vector, b.vector) if len(a.vector) <= len(b.vector) else (b.vector, a.vector)
    score = sum(v * big.get(t, 0.0) for t, v in small.items())
    if a.numbers & b.numbers or figures_near(a, b):
        score += settings.shared_number_bonus
    if a.entities and b.entities:
        score += settings.entity_bonus * len(a.entities & b.entities) / len(a.entities | b.entities)
    if a.speaker and b.speaker:
        score += (
            settings.same_speaker_bonus
            if a.speaker == b.speaker
            else -settings.other_speaker_penalty
        )
    if a.denied != b.denied:
        score -= DENIAL_PENALTY
    if a.wished != b.wished:
        score -= WISH_PENALTY
    if times_disagree(a, b):
        score -= settings.other_time_penalty
    if persons_differ(a, b):
        score -= settings.other_person_penalty
    return score


def candidate_pairs(
    claims: Sequence[Claim], feats: Sequence[ClaimFeatures], max_df: int
) -> set[tuple[int, int]]:
    index: dict[object, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        for key in (*f.vector, *f.entities, *f.numbers):
            index[key].append(i)
    pairs = set()
    for members in index.values():
        if len(members) > max_df:
            continue  # a term in most claims links nothing in particular
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                pairs.add((i, j))
    return pairs


def pair_scores(feats: Sequence[ClaimFeatures], max_df: int, settings: CheckSettings) -> PairScores:
    """`pair_score` of every pair `candidate_pairs` proposes, in sparse matrix products.

    The same scores as the two loops (to the last bits of a sum taken in another order),
    pairs in (i, j) order with i < j: on 300 WCXB pages (154 stories, 1.2 million candidate
    pairs) the loops were 37% of the check stage's CPU.

    Example:
        >>> from newsweave.settings import CheckSettings
        >>> a = ClaimFeatures({"quak": 0.8, "island": 0.6}, frozenset({"gpe:java"}), frozenset(),
        ...                   None, False)
        >>> b = ClaimFeatures({"quak": 1.0}, frozenset({"gpe:java"}), frozenset(), None, False)
        >>> c = ClaimFeatures({"flood": 1.0}, frozenset(), frozenset(), None, False)
        >>> {k: round(v, 2) for k, v in pair_scores([a, b, c], 8, CheckSettings()).items()}
        {(0, 1): 0.95}
    """
    n = len(feats)
    keys: dict[object, int] = {}
    index = _incidence(n, keys, [(*f.vector, *f.entities, *f.numbers) for f in feats])
    df = np.asarray(index.sum(axis=0)).ravel()
    proposing = index[:, np.flatnonzero(df <= max_df)]
    shared = (proposing @ proposing.T).tocoo()
    upper = shared.row < shared.col
    order = np.lexsort((shared.col[upper], shared.row[upper]))
    rows, cols = shared.row[upper][order], shared.col[upper][order]
    if not len(rows):
        return PairScores(rows, cols, np.zeros(0))
    terms: dict[object, int] = {}
    vectors = _incidence(n, terms, [f.vector for f in feats], [f.vector.values() for f in feats])
    score = _at(vectors @ vectors.T, rows, cols)
    numbers = _incidence(n, {}, [f.numbers for f in feats])
    shared = _at(numbers @ numbers.T, rows, cols) > 0
    score = score + np.where(shared | _figures_near(feats, rows, cols, shared),
                             settings.shared_number_bonus, 0.0)  # fmt: skip
    entities = _incidence(n, {}, [f.entities for f in feats])
    both = _at(entities @ entities.T, rows, cols)
    sizes = np.array([len(f.entities) for f in feats], dtype=float)
    union = sizes[rows] + sizes[cols] - both
    score = score + np.where(
        (sizes[rows] > 0) & (sizes[cols] > 0),
        settings.entity_bonus * both / np.where(union > 0, union, 1.0),
        0.0,
    )
    speakers: dict[str, int] = {}
    said = np.array([speakers.setdefault(f.speaker, len(speakers)) if f.speaker else -1
                     for f in feats])  # fmt: skip
    a, b = said[rows], said[cols]
    score = score + np.where(
        (a >= 0) & (b >= 0),
        np.where(a == b, settings.same_speaker_bonus, -settings.other_speaker_penalty),
        0.0,
    )
    denied = np.array([f.denied for f in feats])
    score = score - np.where(denied[rows] != denied[cols], DENIAL_PENALTY, 0.0)
    wished = np.array([f.wished for f in feats])
    score = score - np.where(wished[rows] != wished[cols], WISH_PENALTY, 0.0)
    score = score - np.where(_times_disagree(feats, rows, cols), settings.other_time_penalty, 0.0)
    named = np.array([bool(f.persons) for f in feats], dtype=bool)
    apart = named[rows] & named[cols] & (_shared_people(feats, n, rows, cols) == 0)
    score = score - np.where(apart, settings.other_person_penalty, 0.0)
    return PairScores(rows, cols, score)


def _shared_people(
    feats: Sequence[ClaimFeatures], n: int, rows: np.ndarray, cols: np.ndarray
) -> np.ndarray:
    """Per pair, how many ways the two claims' people meet, as `terms.same_person` counts them
    (a first form in common, or one's first form the other's second): 0 when `persons_apart`."""
    columns: dict = {}
    forms = [[person_forms(k) for k in f.persons] for f in feats]
    full = _incidence(n, columns, [[x for fs, _ in fo for x in fs] for fo in forms])
    short = _incidence(n, columns, [[x for _, ss in fo for x in ss] for fo in forms])
    full, short = (_widened(m, len(columns)) for m in (full, short))
    return _at(full @ full.T + full @ short.T + short @ full.T, rows, cols)


def _widened(matrix, width: int):
    """A sparse matrix with `width` columns (the ones after its own empty)."""
    from scipy.sparse import csr_matrix

    return csr_matrix((matrix.data, matrix.indices, matrix.indptr), shape=(matrix.shape[0], width))


def _figures_near(
    feats: Sequence[ClaimFeatures], rows: np.ndarray, cols: np.ndarray, shared: np.ndarray
) -> np.ndarray:
    """`figures_near` of the pairs that share no figure, where one holds a qualified figure and
    the other any (few: looped over)."""
    qualified = np.array([any(x.qualifier for x in f.figures) for f in feats], dtype=bool)
    counted = np.array([bool(f.figures) for f in feats], dtype=bool)
    maybe = ~shared & counted[rows] & counted[cols] & (qualified[rows] | qualified[cols])
    near = np.zeros(len(rows), dtype=bool)
    for k in np.flatnonzero(maybe):
        near[k] = figures_near(feats[rows[k]], feats[cols[k]])
    return near


def _times_disagree(feats: Sequence[ClaimFeatures], rows: np.ndarray, cols: np.ndarray):
    """`times_disagree` of every pair (rows[k], cols[k]), in arrays (NaN: no time, no day)."""
    nan = float("nan")
    first = np.array([f.when[0] if f.when else nan for f in feats])
    last = np.array([f.when[1] if f.when else nan for f in feats])
    pub = np.array([nan if f.published is None else f.published for f in feats])

    # comparisons with NaN are False: a missing day never disagrees
    def after(x: np.ndarray, y: np.ndarray) -> np.ndarray:
        return (first[x] > pub[y]) & ~(first[x] > pub[x]) & ~(last[y] >= first[x])

    return after(rows, cols) | after(cols, rows)


def _incidence(n: int, columns: dict, rows_keys: Sequence, values: Sequence | None = None):
    """A CSR matrix of `n` rows: row i has `values[i]` (default 1.0) at the columns of
    `rows_keys[i]` (numbered in `columns` as first seen)."""
    from scipy.sparse import csr_matrix

    indptr, indices, data = [0], [], []
    for k, row in enumerate(rows_keys):
        indices.extend(columns.setdefault(key, len(columns)) for key in row)
        data.extend(values[k] if values is not None else [1.0] * len(row))
        indptr.append(len(indices))
    return csr_matrix(
        (np.array(data, dtype=float), np.array(indices, dtype=np.int64), np.array(indptr)),
        shape=(n, max(len(columns), 1)),
    )


def _at(matrix, rows, cols):
    """The entries of a sparse matrix at (rows[k], cols[k]), as a flat float array."""
    return np.asarray(matrix.tocsr()[rows, cols], dtype=float).ravel()


def align(
    claims: Sequence[Claim],
    settings: CheckSettings,
    published: Mapping[str, str | None] | None = None,
) -> tuple[list[list[int]], PairScores]:
    """Group claims into propositions (`published`: article id -> its publication day).

    Returns:
        The groups (indices into `claims`, in text order of their first claim), and the
        score of every candidate pair.
    """
    feats = claim_features(claims, published)
    # a term in most claims links nothing in particular; in a huge story, bound the pairs
    max_df = max(8, min(int(settings.max_term_share * len(claims)), MAX_TERM_CLAIMS))
    scores = pair_scores(feats, max_df, settings)
    if settings.linkage == "average" and len(claims) <= MAX_LINKAGE_CLAIMS:
        return _average_linkage(claims, scores, settings), scores
    links = _best_match_links(claims, feats, dict(scores.items()), settings)
    return _components(len(claims), links), scores


def _best_match_links(
    claims: Sequence[Claim],
    feats: Sequence[ClaimFeatures],
    scores: dict[tuple[int, int], float],
    settings: CheckSettings,
) -> dict[tuple[int, int], float]:
    """Pairs that are each other's best match in the other's article at `link_score` (or
    `said_link_score` for one speaker's claims), or score `sure_score` alone."""
    best: dict[tuple[int, str], tuple[float, int]] = {}
    for (i, j), s in scores.items():
        if claims[i].article_id == claims[j].article_id:
            continue
        for a, b in ((i, j), (j, i)):
            key = (a, claims[b].article_id)
            if s > best.get(key, (-1.0, -1))[0]:
                best[key] = (s, b)
    links = {}
    for (i, j), s in scores.items():
        same = claims[i].article_id == claims[j].article_id
        mutual = (
            not same
            and best[(i, claims[j].article_id)][1] == j
            and best[(j, claims[i].article_id)][1] == i
        )
        both_said = feats[i].speaker is not None and feats[i].speaker == feats[j].speaker
        least = settings.said_link_score if both_said else settings.link_score
        if s >= settings.sure_score or (mutual and s >= least):
            links[(i, j)] = s
    return links


# Above this many claims the average linkage (a full distance matrix) gives way to components.
MAX_LINKAGE_CLAIMS = 3000


def _average_linkage(
    claims: Sequence[Claim], scores: PairScores, settings: CheckSettings
) -> list[list[int]]:
    """Average linkage over 1 - score (pairs that are no candidates, or of one article, are
    1 apart), cut at 1 - link_score: a claim joins a proposition it matches on average, not
    one claim of it (components of best-match links chain twenty articles' claims together)."""
    return _linkage_groups(
        [c.article_id for c in claims], scores.rows, scores.cols, 1.0 - scores.values,
        1.0 - settings.link_score,
    )  # fmt: skip


def average_linkage(
    article_ids: Sequence[str], distances: dict[tuple[int, int], float], cut: float
) -> list[list[int]]:
    """Groups of items by average linkage over the given distances (clipped at 0; pairs not
    given, or of one article, are 1 apart), cut at distance `cut`; each group in item order,
    the groups by their first item.

    Example:
        >>> average_linkage(["a", "b", "c"], {(0, 1): 0.2, (0, 2): 0.9, (1, 2): 0.9}, 0.5)
        [[0, 1], [2]]
    """
    pairs = list(distances)
    rows = np.array([i for i, _ in pairs], dtype=np.int64)
    cols = np.array([j for _, j in pairs], dtype=np.int64)
    return _linkage_groups(article_ids, rows, cols, np.array(list(distances.values())), cut)


def _linkage_groups(
    article_ids: Sequence[str], rows: np.ndarray, cols: np.ndarray, dist: np.ndarray, cut: float
) -> list[list[int]]:
    """`average_linkage` with the pairs' distances as arrays."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    n = len(article_ids)
    if n < 2:
        return [[i] for i in range(n)]
    matrix = np.ones((n, n))
    np.fill_diagonal(matrix, 0.0)
    article = {a: k for k, a in enumerate(dict.fromkeys(article_ids))}
    of = np.array([article[a] for a in article_ids])
    apart = of[rows] != of[cols]
    d = np.maximum(0.0, dist[apart])
    matrix[rows[apart], cols[apart]] = d
    matrix[cols[apart], rows[apart]] = d
    labels = fcluster(linkage(squareform(matrix, checks=False), "average"), cut, "distance")
    groups: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(labels):
        groups[int(label)].append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def _components(n: int, links: dict[tuple[int, int], float]) -> list[list[int]]:
    """The connected components of the links (scipy's), each in claim order, by first claim."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    rows = [i for i, _ in links]
    cols = [j for _, j in links]
    graph = coo_matrix(([1] * len(rows), (rows, cols)), shape=(n, n))
    _count, labels = connected_components(graph, directed=False)
    groups: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(labels):
        groups[int(label)].append(i)
    return sorted(groups.values(), key=lambda g: g[0])
