"""Items joined when they share a key: the one union-find of the project (an article's sources
by copy and outlet, the grouping's consensus runs, the check's comparisons of one figure)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence

__all__ = ["shared_key_groups"]


def shared_key_groups(keys: Sequence[Iterable[Hashable]]) -> list[list[int]]:
    """The items (by index) joined when any of their keys is another's, directly or through
    others: groups in the order of their first item, each in input order.

    Args:
        keys: each item's keys.

    Example:
        >>> shared_key_groups([["a"], ["b"], ["a", "c"], ["c"], []])
        [[0, 2, 3], [1], [4]]
    """
    parent = list(range(len(keys)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[Hashable, int] = {}
    for i, mine in enumerate(keys):
        for key in mine:
            j = first.setdefault(key, i)
            if j != i:
                a, b = root(i), root(j)
                parent[max(a, b)] = min(a, b)
    out: dict[int, list[int]] = {}
    for i in range(len(keys)):
        out.setdefault(root(i), []).append(i)
    return list(out.values())
