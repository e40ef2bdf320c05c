"""Copies: exact duplicates, near duplicates and partial copies, and who copies whom.

Candidates come from a MinHash LSH index (datasketch) over word shingles of the clean text,
and, for partial copies, from an inverted index over a fixed sample of the shingles (the
hashes divisible by `passage_sample_mod`: every text keeps the same sample of a shared passage,
however long the rest of either text is, where LSH over whole texts sees a low Jaccard); each
candidate is then checked on the shingle sets themselves: Jaccard for near copies (the
same wire text under other chrome, or lightly edited), containment of the shorter text for
trimmed and partial copies (a rewrite that reuses long passages). Texts leave the index
`copy_window_days` after their date, so memory stays bounded on a stream (wire copies run
within days of the original). Copies form groups; the origin of a group is its earliest
published member, or the most complete (longest) when no date is known.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from .features import day_ordinal, exact_key, minhash, overlap, permutations, shingle_hashes, words
from .types import CopyLink, GroupSettings

if TYPE_CHECKING:
    from .prepare import TextFeatures

_EMPTY = np.zeros(0, dtype=np.uint32)


# A containment this high is the same text with its ending trimmed or chrome added: "near".
_TRIMMED_CONTAINMENT = 0.9


@dataclass(frozen=True, slots=True)
class CopyMatch:
    """The best copy match of a new text among the indexed ones (index, kind, similarity)."""

    other: int
    kind: str
    similarity: float


# What `_lsh_bands` gives for the default settings (copy_lsh_threshold, num_perm, the weights
# below), without importing datasketch's LSH: it imports scipy.integrate, 0.55 s of every
# process that groups (the analyze and each consensus worker). A test holds it to datasketch's.
KNOWN_BANDS = {(0.2, 128, (0.2, 0.8)): (56, 2)}


@lru_cache(maxsize=8)
def _lsh_bands(threshold: float, num_perm: int, weights: tuple[float, float]) -> tuple[int, int]:
    """The (bands, rows) MinHashLSH picks for these settings. It finds them by numerical
    integration, about 30 ms a time, and every grouping run makes an index: an incremental
    analyze makes ten (the restored grouping and nine consensus runs), so once is enough."""
    known = KNOWN_BANDS.get((threshold, num_perm, weights))
    if known is not None:
        return known
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, weights=weights)
    return lsh.b, lsh.r


class _Bands:
    """The buckets of MinHashLSH (datasketch) over `bands` bands of `rows` values of each
    signature: the same candidates as its `query`, from plain dicts. Each grouping run makes
    an index (nine per analyze), and datasketch's `insert` and `query` (a LeanMinHash, then
    each band byteswapped and hashed into its storage's sets) were 9% of settling the
    stories 50 new articles touched in a store of 1,000; the band keys are made once per
    text here, for its query and its insert alike.

    Example:
        >>> b = _Bands(2, 2)
        >>> b.insert(0, b.keys(np.array([1, 2, 3, 4], dtype=np.uint64)))
        >>> b.query(b.keys(np.array([1, 2, 9, 9], dtype=np.uint64))), 0 in b
        ({0}, True)
    """

    def __init__(self, bands: int, rows: int) -> None:
        self._ranges = [(k * rows, (k + 1) * rows) for k in range(bands)]
        self._tables: list[dict[bytes, set[int]]] = [{} for _ in range(bands)]
        self._held: dict[int, list[bytes]] = {}  # each text's band keys

    def keys(self, signature: np.ndarray) -> list[bytes]:
        """A signature's band keys (its values as datasketch holds them, 64-bit)."""
        sig = np.asarray(signature, dtype=np.uint64)
        return [sig[a:b].tobytes() for a, b in self._ranges]

    def insert(self, i: int, keys: list[bytes]) -> None:
        self._held[i] = keys
        for table, k in zip(self._tables, keys, strict=True):
            bucket = table.get(k)
            if bucket is None:
                table[k] = {i}
            else:
                bucket.add(i)

    def query(self, keys: list[bytes]) -> set[int]:
        """The texts sharing a bucket with these band keys in any band."""
        out: set[int] = set()
        for table, k in zip(self._tables, keys, strict=True):
            bucket = table.get(k)
            if bucket:
                out |= bucket
        return out

    def remove(self, i: int) -> None:
        for table, k in zip(self._tables, self._held.pop(i), strict=True):
            bucket = table[k]
            bucket.discard(i)
            if not bucket:
                del table[k]

    def __contains__(self, i: int) -> bool:
        return i in self._held


class CopyIndex:
    """Online copy detection over the texts added so far.

    `add` indexes a text and reports its best match; `link` then records the copy, so the
    caller can see the group's origin before and after.

    Args:
        settings: thresholds (`num_perm`, `shingle_words`, `copy_lsh_threshold`,
            `near_copy_jaccard`, `partial_copy_containment`, `partial_copy_min_shingles`,
            `min_copy_shingles`: shorter texts copy nothing).

    Example:
        >>> idx = CopyIndex(GroupSettings())
        >>> text = " ".join(f"word{i}" for i in range(60))
        >>> idx.add(text, published=None) is None
        True
        >>> m = idx.add(text + " Share this story.", published=None)
        >>> m.kind, m.other
        ('near', 0)
        >>> idx.link(m.other, 1); idx.origin(1)
        1
    """

    def __init__(self, settings: GroupSettings) -> None:
        self.settings = settings
        self._perms = permutations(settings.num_perm)
        # weights favour recall: a missed copy inflates a story's independent sources, while a
        # spurious candidate only costs one exact check of the shingle sets
        weights = (0.2, 0.8)
        self._lsh = _Bands(*_lsh_bands(settings.copy_lsh_threshold, settings.num_perm, weights))
        # signatures of texts indexed without a query (a stored grouping restored), put in the
        # LSH index only before the next query: most of a store's texts leave the copy window
        # before the restore ends, and were inserted only to be removed
        self._unindexed: dict[int, np.ndarray] = {}
        self._exact: dict[str, int] = {}
        self._keys: dict[int, str] = {}  # exact key of each text in `_exact`
        self._shingles: list[np.ndarray] = []
        self._sizes: list[int] = []  # shingle counts, kept after a text leaves the window
        # texts leave the index `copy_window_days` after their date (memory stays bounded)
        self._expiry: list[tuple[int, int]] = []  # heap of (day, index)
        self._today = 0  # the latest publication day seen (proleptic ordinal)
        # copy groups: union-find parent, and per root its members
        self._parent: list[int] = []
        self._members: dict[int, list[int]] = {}
        self._published: list[str | None] = []
        # sampled shingle -> texts holding it (partial-copy candidates; see the module doc)
        self._passages: dict[int, list[int]] = {}

    def __len__(self) -> int:
        return len(self._shingles)

    def add(
        self,
        text: str,
        published: str | None,
        features: TextFeatures | None = None,
        query: bool = True,
    ) -> CopyMatch | None:
        """Index one text (it gets the next index, 0, 1, ...) and return what it copies.

        Args:
            text: the clean article text (unused when `features` are given).
            published: ISO date or None (decides the origin of its copy group).
            features: the text's key, shingles and MinHash, computed before.
            query: False indexes the text without looking for what it copies (a stored
                grouping restored: its copy links are known).

        Returns:
            The best match among earlier texts (exact before near before partial, then
            similarity, then the earliest index), or None when it copies nothing.
        """
        s = self.settings
        if features is not None:
            key, sh, signature = features.exact_key, features.shingles, features.minhash
        else:
            tokens = words(text)
            key = exact_key(tokens)
            sh = shingle_hashes(tokens, s.shingle_words)
            signature = None
        me = len(self._shingles)
        self._expire(published)
        match: CopyMatch | None = None
        # an empty or few-word body (a page whose text failed to extract) copies nothing
        if len(sh) >= s.min_copy_shingles:
            if key in self._exact:
                match = CopyMatch(self._exact[key], "exact", 1.0) if query else None
            else:
                if signature is None:
                    signature = minhash(sh, self._perms)
                sample = self._sample(sh).tolist()
                if query:
                    self._index_unindexed()
                    keys = self._lsh.keys(signature)
                    cands = self._lsh.query(keys) | self._passage_candidates(sample)
                    match = self._best(sh, sorted(cands))
                    self._lsh.insert(me, keys)
                else:
                    self._unindexed[me] = signature
                self._post_passages(me, sample)
                self._exact[key] = me
                self._keys[me] = key
            heapq.heappush(self._expiry, (self._today, me))
        self._shingles.append(sh)
        self._sizes.append(len(sh))
        self._parent.append(me)
        self._members[me] = [me]
        self._published.append(published[:10] if published else None)
        return match

    def _expire(self, published: str | None) -> None:
        """Advance the clock to `published` and drop texts older than the copy window.

        An undated text counts as published on the latest day seen (it arrives now).
        """
        day = day_ordinal(published)
        if day is not None and day > self._today:
            self._today = day
        limit = self._today - self.settings.copy_window_days
        while self._expiry and self._expiry[0][0] < limit:
            _, i = heapq.heappop(self._expiry)
            if self._unindexed.pop(i, None) is not None:
                self._unpost_passages(i, self._shingles[i])
            elif i in self._lsh:
                self._lsh.remove(i)
                self._unpost_passages(i, self._shingles[i])
            key = self._keys.pop(i, None)
            if key is not None and self._exact.get(key) == i:
                del self._exact[key]
            self._shingles[i] = _EMPTY

    def _index_unindexed(self) -> None:
        """Put the texts added without a query in the LSH index (in the order they came)."""
        for i, signature in self._unindexed.items():
            self._lsh.insert(i, self._lsh.keys(signature))
        self._unindexed.clear()

    def _sample(self, sh: np.ndarray) -> np.ndarray:
        return sh[sh % np.uint32(self.settings.passage_sample_mod) == 0]

    def _passage_candidates(self, sample: list[int]) -> set[int]:
        """Texts sharing at least `passage_min_shared` sampled shingles (`_sample`) with this
        one."""
        votes: dict[int, int] = {}
        for h in sample:
            for i in self._passages.get(h, ()):
                votes[i] = votes.get(i, 0) + 1
        need = self.settings.passage_min_shared
        return {i for i, v in votes.items() if v >= need}

    def _post_passages(self, me: int, sample: list[int]) -> None:
        cap = self.settings.passage_max_postings
        passages = self._passages
        for h in sample:
            post = passages.get(h)
            if post is None:  # most samples are in one text only
                passages[h] = [me]
            # a sampled shingle in that many texts is boilerplate ("all rights reserved"),
            # not a passage: it stops collecting (a candidate needs several shared samples)
            elif len(post) < cap:
                post.append(me)

    def _unpost_passages(self, i: int, sh: np.ndarray) -> None:
        for h in self._sample(sh).tolist():
            post = self._passages.get(h)
            if post is not None and i in post:
                post.remove(i)
                if not post:
                    del self._passages[h]

    def link(self, a: int, b: int) -> None:
        """Put texts a and b in one copy group (call it with a match `add` returned)."""
        self._union(a, b)

    def _best(self, sh: np.ndarray, candidates: list[int]) -> CopyMatch | None:
        s = self.settings
        rank = {"exact": 2, "near": 1, "partial": 0}
        best: CopyMatch | None = None
        for c in candidates:
            other = self._shingles[c]
            if len(other) < s.min_copy_shingles:
                continue
            inter = overlap(sh, other)
            jac = inter / (len(sh) + len(other) - inter)
            cont = inter / min(len(sh), len(other))
            if jac >= s.near_copy_jaccard:
                m = CopyMatch(c, "near", jac)
            elif cont >= _TRIMMED_CONTAINMENT:
                m = CopyMatch(c, "near", cont)
            elif cont >= s.partial_copy_containment and inter >= s.partial_copy_min_shingles:
                m = CopyMatch(c, "partial", cont)
            else:
                continue
            if best is None or (rank[m.kind], m.similarity) > (rank[best.kind], best.similarity):
                best = m
        return best

    def _find(self, i: int) -> int:
        while self._parent[i] != i:
            self._parent[i] = self._parent[self._parent[i]]
            i = self._parent[i]
        return i

    def _union(self, a: int, b: int) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra == rb:
            return
        if rb < ra:
            ra, rb = rb, ra
        self._parent[rb] = ra
        self._members[ra].extend(self._members.pop(rb))

    def group(self, i: int) -> int:
        """The copy group of text i (the smallest index in it)."""
        return self._find(i)

    def members(self, i: int) -> list[int]:
        """The texts in i's copy group, in index order."""
        return sorted(self._members[self._find(i)])

    def origin(self, i: int) -> int:
        """The origin of i's copy group: earliest published; the longest when no date is known.

        Ties go to the earlier-added text, so the choice is deterministic.
        """
        members = self._members[self._find(i)]  # any order: the keys end with the index
        dated = [m for m in members if self._published[m]]
        if dated:
            return min(dated, key=lambda m: (self._published[m], -self._sizes[m], m))
        return min(members, key=lambda m: (-self._sizes[m], m))


def copy_link(article_id: str, origin_id: str, match: CopyMatch) -> CopyLink:
    """The CopyLink recorded for a match."""
    return CopyLink(article_id, origin_id, match.kind, round(match.similarity, 4))
