"""Consensus of several grouping runs: the stories most input orders agree on.

Online clustering depends on the order articles arrive in: when the second of two look-alike
events is first reported before its own story exists, that report joins the first event's
story, and what follows depends on it. On ECB+ dev the B-cubed F1 of one run moves between
0.916 and 0.928 with the input order. A batch caller (`newsweave analyze` regroups the whole
store) can run the grouper over the same articles in several orders and keep what the runs
agree on: two articles share a story when, on average linkage, the runs put them together at
least `min_share` of the time (evidence accumulation, Fred and Jain 2005).

Example:
    >>> runs = [[0, 0, 0, 1, 1], [0, 0, 1, 1, 1], [0, 0, 0, 1, 1]]
    >>> consensus_groups(runs, min_share=0.5, max_component=100)
    [[0, 1, 2], [3, 4]]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy

from ..linking import shared_key_groups

__all__ = ["consensus_groups"]


def _components(labelings: Sequence[Sequence[int]], n: int) -> list[list[int]]:
    """Articles joined when any run put them in one story, in input order."""
    if not labelings:
        return [[i] for i in range(n)]
    # each run's label as one int key, not a (run, label) tuple: a third of the time at 10,000
    # articles and nine runs (0.033 s against 0.067 s; the loop it replaced took 0.022 s)
    lo = min(min(labels, default=0) for labels in labelings)
    span = max(max(labels, default=0) for labels in labelings) - lo + 1
    return shared_key_groups(
        [[run * span + labels[i] - lo for run, labels in enumerate(labelings)] for i in range(n)]
    )


def _by_label(members: list[int], labels: Sequence[int]) -> list[list[int]]:
    """Members split by their labels (`labels[k]` is the label of `members[k]`)."""
    out: dict[int, list[int]] = {}
    for i, lab in zip(members, labels, strict=True):
        out.setdefault(lab, []).append(i)
    return list(out.values())


def consensus_groups(
    labelings: Sequence[Sequence[int]], min_share: float, max_component: int
) -> list[list[int]]:
    """The consensus of several groupings of the same articles.

    Args:
        labelings: one story label per article (by article index) for each run; the first
            run is the reference.
        min_share: two groups merge while their members were put together by at least this
            share of the runs on average (average linkage over the co-association matrix).
        max_component: articles that any run linked (directly or through others) form a
            component; a component larger than this keeps the first run's stories (the
            co-association matrix costs its square).

    Returns:
        Groups of article indices, each in ascending order, ordered by their first member.
    """
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    if not labelings:
        raise ValueError("consensus_groups needs at least one grouping")
    n = len(labelings[0])
    if any(len(labels) != n for labels in labelings):
        raise ValueError("every grouping must label the same articles")
    runs = numpy.asarray(labelings)
    groups: list[list[int]] = []
    for members in _components(labelings, n):
        if len(members) == 1:
            groups.append(members)
            continue
        if len(members) > max_component:
            groups.extend(_by_label(members, [labelings[0][i] for i in members]))
            continue
        lab = runs[:, members]
        together = (lab[:, :, None] == lab[:, None, :]).mean(axis=0)
        distance = squareform(1.0 - together, checks=False)
        tree = linkage(distance, method="average")
        # a merge at distance d joins groups put together by 1 - d of the runs on average
        cut = fcluster(tree, t=1.0 - min_share + 1e-9, criterion="distance")
        groups.extend(_by_label(members, cut.tolist()))
    return sorted(groups, key=lambda g: g[0])
