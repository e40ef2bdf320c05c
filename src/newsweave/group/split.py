"""Splitting a story that holds two look-alike events: a normalised cut of its members.

Online clustering decides when an article arrives. ECB+ pairs two events of one topic (two
pirate captures by the Indian navy, three years apart): when the second event's first report
arrives while only the first event has a story, it joins that story, and the second event's
later reports follow it. Looking back at a story's members together, such a story falls apart
into two groups that score well within and poorly across. `bisect` finds the best two-way cut
of a story's member-to-member scores (the sign of the second eigenvector of the normalised
graph Laplacian, swept for the lowest normalised cut, Shi and Malik 2000); the caller splits
the story when that cut is below `GroupSettings.split_ncut`.

Example:
    >>> import numpy
    >>> two_groups = numpy.kron(numpy.eye(2), numpy.ones((3, 3))) * 0.8 + 0.05
    >>> cut, side = bisect(two_groups)
    >>> round(cut, 3), side
    (0.162, [0, 1, 2])
    >>> round(bisect(numpy.ones((6, 6)))[0], 1)  # one group: no cut is low
    1.2
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy

__all__ = [
    "average_link_groups",
    "bisect",
    "cohesion",
    "crowded",
    "join_lone",
    "partition",
    "text_similarities",
]


def bisect(w: numpy.ndarray) -> tuple[float, list[int]]:
    """The lowest normalised cut of a similarity graph along its Fiedler vector.

    Args:
        w: symmetric member-to-member similarities, at least 0 (the diagonal is ignored).

    Returns:
        (normalised cut, the members on the side of the first member), or (inf, []) when the
        graph has fewer than four members or a member with no similarity to any other. The cut
        is cut(A, B) / vol(A) + cut(A, B) / vol(B): near 0 for two unrelated groups, about 1
        or more for one group.
    """
    k = len(w)
    if k < 4:
        return float("inf"), []
    w = numpy.array(w, dtype=float)
    numpy.fill_diagonal(w, 0.0)
    if (w < 0).any():
        raise ValueError("similarities must be >= 0")
    degree = w.sum(axis=1)
    if (degree <= 0).any():
        return float("inf"), []
    scale = 1.0 / numpy.sqrt(degree)
    laplacian = numpy.eye(k) - scale[:, None] * w * scale[None, :]
    _, vectors = numpy.linalg.eigh(laplacian)
    order = numpy.argsort(scale * vectors[:, 1], kind="stable")
    total = degree.sum()
    best, best_at = float("inf"), 0
    # each side keeps at least two members: a lone outlier is no second event
    for at in range(2, k - 1):
        side = order[:at]
        vol = degree[side].sum()
        cut = vol - w[numpy.ix_(side, side)].sum()
        ncut = cut / vol + cut / (total - vol)
        if ncut < best:
            best, best_at = float(ncut), at
    side = sorted(order[:best_at].tolist())
    if 0 not in side:
        side = sorted(set(range(k)) - set(side))
    return best, side


def partition(w: numpy.ndarray, max_ncut: float) -> list[list[int]]:
    """Members cut in two again and again (`bisect`) while the cut is below `max_ncut`.

    A settled story can hold several events of one person and season, each reported by a few
    outlets: tight groups with weak links across (AllSides: McConnell's five stories of one
    winter in one story of 15, within 0.44-0.58, across 0.10-0.26 by their words). One cut
    takes off one group at most; cutting each side again takes them all apart.

    Args:
        w: symmetric member-to-member similarities, at least 0.
        max_ncut: a cut at or above this keeps the members together.

    Returns:
        The groups of member indices, each ascending, ordered by their first member.

    Example:
        >>> import numpy
        >>> three = numpy.kron(numpy.eye(3), numpy.ones((2, 2))) * 0.8 + 0.05
        >>> partition(three, 0.74)
        [[0, 1], [2, 3], [4, 5]]
        >>> partition(three, 0.1)
        [[0, 1, 2, 3, 4, 5]]
    """
    w = numpy.asarray(w, dtype=float)
    todo, out = [list(range(len(w)))], []
    while todo:
        members = todo.pop()
        ncut, side = bisect(w[numpy.ix_(members, members)])
        if ncut >= max_ncut:
            out.append(members)
            continue
        first = [members[k] for k in side]
        todo += [first, sorted(set(members) - set(first))]
    return sorted(out, key=lambda g: g[0])


def text_similarities(vectors: list[dict[str, float]]) -> numpy.ndarray:
    """Cosines of unit-length sparse vectors (the members' TF-IDF vectors), diagonal 0.

    Example:
        >>> text_similarities([{"a": 1.0}, {"a": 0.6, "b": 0.8}, {"c": 1.0}]).round(2).tolist()
        [[0.0, 0.6, 0.0], [0.6, 0.0, 0.0], [0.0, 0.0, 0.0]]
    """
    k = len(vectors)
    out = numpy.zeros((k, k))
    for i in range(k):
        for j in range(i + 1, k):
            a, b = sorted((vectors[i], vectors[j]), key=len)
            out[i, j] = out[j, i] = sum(v * b.get(t, 0.0) for t, v in a.items())
    return out


def cohesion(w: numpy.ndarray) -> float | None:
    """The weakest link a story needs: the lowest edge of the maximum spanning tree of its
    member-to-member similarities (every member reaches every other through links at least
    this strong). None for fewer than two members.

    Example:
        >>> import numpy
        >>> w = numpy.array([[0, .5, .1], [.5, 0, .3], [.1, .3, 0]])
        >>> round(cohesion(w), 2)
        0.3
    """
    k = len(w)
    if k < 2:
        return None
    w = numpy.asarray(w, dtype=float)
    best = w[0].copy()  # strongest link of each member to the tree so far (Prim)
    inside = numpy.zeros(k, dtype=bool)
    inside[0] = True
    weakest = float("inf")
    for _ in range(k - 1):
        j = int(numpy.argmax(numpy.where(inside, -numpy.inf, best)))
        weakest = min(weakest, float(best[j]))
        inside[j] = True
        best = numpy.maximum(best, w[j])
    return weakest


def crowded(w: numpy.ndarray, density: Sequence[float], hub_weight: float) -> numpy.ndarray:
    """Similarities less `hub_weight` times the mean of each pair's two `local_density`s: the
    pair's part of what `scoring.crowding` takes off a score.

    Example:
        >>> crowded(numpy.array([[0, .5], [.5, 0]]), [0.1, -0.3], 1.0).round(2).tolist()
        [[-0.1, 0.6], [0.6, 0.3]]
    """
    d = numpy.asarray(density, dtype=float)
    return numpy.asarray(w, dtype=float) - hub_weight * (d[:, None] + d[None, :]) / 2


def average_link_groups(w: numpy.ndarray, min_link: float) -> list[list[int]]:
    """Members grouped by average linkage: two groups join while their members' mean
    similarity is at least `min_link` (scipy's UPGMA over 1 - w).

    Returns:
        The groups of member indices, each ascending, ordered by their first member.

    Example:
        >>> import numpy
        >>> w = numpy.array([[0, .6, .1, .0], [.6, 0, .2, .1], [.1, .2, 0, .5], [.0, .1, .5, 0]])
        >>> average_link_groups(w, 0.3)
        [[0, 1], [2, 3]]
        >>> average_link_groups(w, 0.05)
        [[0, 1, 2, 3]]
    """
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    k = len(w)
    if k < 2:
        return [list(range(k))]
    distance = 1.0 - numpy.clip(numpy.asarray(w, dtype=float), -1.0, 1.0)
    numpy.fill_diagonal(distance, 0.0)
    tree = linkage(squareform((distance + distance.T) / 2, checks=False), method="average")
    labels = fcluster(tree, t=1.0 - min_link + 1e-9, criterion="distance")
    out: dict[int, list[int]] = {}
    for i, label in enumerate(labels.tolist()):
        out.setdefault(label, []).append(i)
    return sorted(out.values(), key=lambda g: g[0])


# Lone articles whose links to every article are computed at once (512 x n float32 cosines).
_LONE_BLOCK = 512


def join_lone(
    groups: list[list[int]],
    vectors: Sequence[Mapping[str, float]],
    density: Sequence[float],
    hub_weight: float,
    min_link: float,
) -> list[list[int]]:
    """Each group of one article joins the group its crowding-corrected text cosines average
    highest on, when that mean is at least `min_link`; the strongest links first, a group
    that took a lone article or joined one is not moved again.

    An excerpt in few or rare words links weakly to everything, its own event's other reports
    too: the online join (a centroid, names, a title) leaves it alone where average linkage
    over the corrected cosines finds its story (AllSides: 121 settled stories of one article,
    68 of the 307 events in a pair and a lone third).

    Args:
        groups: article indices (into `vectors`) per group.
        vectors: unit text vectors. density: `scoring.local_density` per article.
        hub_weight: the share of the two densities' mean taken off each cosine.
        min_link: the least mean link a lone article joins a group at.

    Returns:
        The groups, each ascending, ordered by their first member.

    Example:
        >>> vs = [{"a": 1.0}, {"a": 0.8, "b": 0.6}, {"b": 1.0}, {"c": 1.0}]
        >>> join_lone([[0, 1], [2], [3]], vs, [0.0] * 4, 1.0, 0.3)
        [[0, 1, 2], [3]]
    """
    from scipy.sparse import csr_matrix

    from .scoring import sparse_rows

    lone = [c for c, g in enumerate(groups) if len(g) == 1]
    if not lone or len(groups) < 2:
        return [sorted(g) for g in groups]
    n = len(vectors)
    owner = numpy.zeros(n, dtype=int)
    for c, g in enumerate(groups):
        owner[g] = c
    size = numpy.array([len(g) for g in groups], dtype=float)
    onehot = csr_matrix((numpy.ones(n), (numpy.arange(n), owner)), shape=(n, len(groups)))
    m = sparse_rows(vectors)
    mt = m.T.tocsr()
    d = numpy.asarray(density, dtype=float)
    # the mean of a group's densities, per group: the cosines' correction by group, in sums
    d_sum = onehot.T @ d
    moves = []
    for lo in range(0, len(lone), _LONE_BLOCK):
        part = lone[lo : lo + _LONE_BLOCK]
        rows = numpy.array([groups[c][0] for c in part])
        sums = numpy.asarray((m[rows] @ mt @ onehot).todense(), dtype=float)
        means = sums / size - hub_weight * (d[rows][:, None] + (d_sum / size)[None, :]) / 2
        means[numpy.arange(len(part)), part] = -numpy.inf  # not its own group
        best = means.argmax(axis=1)
        for c, b, v in zip(part, best.tolist(), means[numpy.arange(len(part)), best].tolist(),
                           strict=True):  # fmt: skip
            if v >= min_link:
                moves.append((-v, c, b))
    out = [list(g) for g in groups]
    changed: set[int] = set()
    for _, c, b in sorted(moves):
        if c in changed or not out[b]:
            continue  # it took a lone article already, or its best group moved away
        out[b] += out[c]
        out[c] = []
        changed.update((c, b))
    return sorted((sorted(g) for g in out if g), key=lambda g: g[0])
