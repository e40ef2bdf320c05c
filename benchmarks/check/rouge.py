"""ROUGE-N and LCS-based ROUGE-L F1 over lower-cased word tokens, no stemming, no stop-word
removal (written here: the `rouge-score` package is in the mirror but would add absl-py,
nltk and six to the project for thirty lines).

Example:
    >>> round(rouge_n("the cat sat", "the cat ran", 1), 3)
    0.667
    >>> round(rouge_l("the cat sat on the mat", "the cat on a mat"), 3)
    0.727
"""

from __future__ import annotations

import re
from collections import Counter

# Letters and digits, as rouge-score's default tokenizer (it maps every other character to a
# space): "U.S." is two tokens, "don't" is "don" and "t".
_TOKEN = re.compile(r"[a-z0-9]+")


def tokens(text: str) -> list[str]:
    """Lower-cased runs of ASCII letters and digits."""
    return _TOKEN.findall(text.lower())


def _f1(overlap: int, n_pred: int, n_ref: int) -> float:
    if not overlap:
        return 0.0
    p, r = overlap / n_pred, overlap / n_ref
    return 2 * p * r / (p + r)


def rouge_n(prediction: str, reference: str, n: int) -> float:
    """ROUGE-N F1: clipped n-gram overlap."""

    def grams(ws: list[str]) -> Counter:
        return Counter(tuple(ws[i : i + n]) for i in range(len(ws) - n + 1))

    p, r = grams(tokens(prediction)), grams(tokens(reference))
    return _f1(sum((p & r).values()), sum(p.values()), sum(r.values()))


def lcs(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence (two rows of the DP table)."""
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def rouge_l(prediction: str, reference: str) -> float:
    """ROUGE-L F1 (summary-level as one sequence: the LCS of the two token lists)."""
    p, r = tokens(prediction), tokens(reference)
    return _f1(lcs(p, r), len(p), len(r))


def rouge_all(prediction: str, reference: str) -> dict[str, float]:
    """{"R1", "R2", "RL"} F1 of one prediction against one reference."""
    return {
        "R1": rouge_n(prediction, reference, 1),
        "R2": rouge_n(prediction, reference, 2),
        "RL": rouge_l(prediction, reference),
    }
