"""Scoring helpers shared by the benchmarks."""

from __future__ import annotations

import re
from collections import Counter

_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str | None) -> list[str]:
    """Lower-cased word tokens (runs of letters/digits), the unit of WCXB's word F1."""
    return _WORD.findall((text or "").lower())


def word_f1(predicted: str | None, reference: str | None) -> tuple[float, float, float]:
    """Word-multiset precision, recall and F1 of one page.

    Both empty counts as a perfect match; one empty as zero.
    """
    p, r = Counter(words(predicted)), Counter(words(reference))
    if not p and not r:
        return 1.0, 1.0, 1.0
    if not p or not r:
        return 0.0, 0.0, 0.0
    overlap = sum((p & r).values())
    prec, rec = overlap / sum(p.values()), overlap / sum(r.values())
    f1 = 0.0 if overlap == 0 else 2 * prec * rec / (prec + rec)
    return prec, rec, f1
