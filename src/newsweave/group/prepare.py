"""What grouping computes from an article's text, once: its exact key, word shingles, MinHash
signature and content terms (`TextFeatures`).

Every grouping run used to recompute these from the text: the online run, each of the eight
shuffled consensus runs, the split, and every later `analyze` that regrouped the store
(17.8% of all samples in the consensus workers, issue 16). The pipeline computes them once per
article, stores them (`encode` / `decode`, the store's `group_features` table) and hands them
to the grouper inside `GroupInput.features`.

Example:
    >>> f = text_features("Engineers inspected the harbour wall in Lindholm on Monday.",
    ...                   "Harbour wall inspected", GroupSettings())
    >>> len(f.shingles), f.minhash.shape, f.terms["harbour"]
    (5, (128,), 2)
    >>> g, names = decode(*encode(f, {"places": ["Lindholm"]}))
    >>> g == f, names
    (True, {'places': ['Lindholm']})
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from sys import intern

import numpy as np

from .features import (
    article_terms,
    exact_key,
    minhash,
    permutations,
    shingle_hashes,
    words,
)
from .types import GroupSettings

# Bump when what `text_features` computes changes: stored features of another version are
# computed again.
FEATURES_VERSION = "features-2"  # 2: figures are terms


@dataclass(frozen=True, slots=True, eq=False)
class TextFeatures:
    """The text side of an article's grouping features.

    Args:
        exact_key: digest of the word sequence (`features.exact_key`).
        shingles: sorted unique 32-bit hashes of the k-word shingles of the text.
        minhash: the MinHash signature of the shingles (uint64 values below 2**32).
        terms: content-term counts of the headline and the text (`features.content_terms`).
    """

    exact_key: str
    shingles: np.ndarray
    minhash: np.ndarray
    terms: Counter[str]

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, TextFeatures)
            and self.exact_key == other.exact_key
            and np.array_equal(self.shingles, other.shingles)
            and np.array_equal(self.minhash, other.minhash)
            and self.terms == other.terms
        )


_PERMS: dict[int, tuple[np.ndarray, np.ndarray]] = {}


def text_features(text: str, title: str | None, settings: GroupSettings) -> TextFeatures:
    """Compute an article's text features (`settings`: `shingle_words`, `num_perm`)."""
    perms = _PERMS.get(settings.num_perm)
    if perms is None:
        perms = _PERMS[settings.num_perm] = permutations(settings.num_perm)
    tokens = words(text)
    sh = shingle_hashes(tokens, settings.shingle_words)
    return TextFeatures(exact_key(tokens), sh, minhash(sh, perms), article_terms(text, title))


def features_version(settings: GroupSettings) -> str:
    """Names what stored features were computed with: this module's version and the settings
    they depend on (a store grouped with other `num_perm` or `shingle_words` recomputes)."""
    blob = json.dumps([FEATURES_VERSION, settings.num_perm, settings.shingle_words])
    return hashlib.blake2b(blob.encode(), digest_size=8).hexdigest()


def encode(f: TextFeatures, names: dict[str, list[str]]) -> tuple[str, bytes, bytes]:
    """(JSON of the key, terms and `names`, shingle bytes, MinHash bytes): a store row's
    columns. `names` are what else grouping needs of the article (its entities, places and
    dates, from its reading), so that grouping a stored article reads no reading."""
    data = json.dumps({"key": f.exact_key, "terms": f.terms, **names}, ensure_ascii=False)
    return data, f.shingles.astype("<u4").tobytes(), f.minhash.astype("<u4").tobytes()


def decode(data: str, shingles: bytes, signature: bytes) -> tuple[TextFeatures, dict]:
    """The TextFeatures and names of `encode`'s columns."""
    d = json.loads(data)
    # terms and names interned: a store's articles share most of their words, and each
    # article's own copies of them were a third of the features held (100,000 articles)
    f = TextFeatures(
        d.pop("key"),
        np.frombuffer(shingles, dtype="<u4").astype(np.uint32),
        np.frombuffer(signature, dtype="<u4").astype(np.uint64),
        Counter({intern(t): c for t, c in d.pop("terms").items()}),
    )
    return f, {k: [intern(x) if isinstance(x, str) else x for x in v] if isinstance(v, list) else v
               for k, v in d.items()}  # fmt: skip
