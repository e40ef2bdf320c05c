"""Pair scoring: precision, recall and F1 of predicted item pairs against gold pairs, a
threshold sweep over pair scores, ROC AUC.

Example:
    >>> gold = {("a", "b"), ("a", "c")}
    >>> pair_prf({("b", "a"), ("b", "c")}, gold)
    (0.5, 0.5, 0.5)
"""

from __future__ import annotations

from collections.abc import Iterable

Pair = tuple[str, str]

# Recall the stage must reach while keeping precision >= 0.80 (issue 13).
TARGET_RECALL = 0.60


def norm(pair: Pair) -> Pair:
    """The pair in a fixed order, so (a, b) and (b, a) are one pair."""
    a, b = pair
    return (a, b) if a <= b else (b, a)


def pair_prf(predicted: Iterable[Pair], gold: Iterable[Pair]) -> tuple[float, float, float]:
    """Precision, recall, F1 of unordered pairs; nothing predicted (or no gold) scores 0."""
    p = {norm(x) for x in predicted}
    g = {norm(x) for x in gold}
    hit = len(p & g)
    prec = hit / len(p) if p else 0.0
    rec = hit / len(g) if g else 0.0
    return prec, rec, (2 * prec * rec / (prec + rec) if hit else 0.0)


def sweep(scores: list[float], gold: list[bool], thresholds: Iterable[float]) -> list[dict]:
    """One row per threshold: a pair is predicted when its score is >= the threshold.

    >>> [round(r["P"], 2) for r in sweep([0.9, 0.8, 0.2], [True, False, True], [0.5])]
    [0.5]
    """
    total = sum(gold)
    rows = []
    for t in thresholds:
        pred = [s >= t for s in scores]
        n = sum(pred)
        hit = sum(1 for p, g in zip(pred, gold, strict=True) if p and g)
        prec = hit / n if n else 0.0
        rec = hit / total if total else 0.0
        f1 = 2 * prec * rec / (prec + rec) if hit else 0.0
        rows.append({"threshold": t, "P": prec, "R": rec, "F1": f1, "predicted": n})
    return rows


def best_p_at_recall(rows: list[dict], recall: float = TARGET_RECALL) -> dict | None:
    """The sweep row with the highest precision among those with recall >= `recall`."""
    ok = [r for r in rows if r["R"] >= recall]
    return max(ok, key=lambda r: r["P"]) if ok else None


def pr_curve_best(scores, gold, recall: float = TARGET_RECALL) -> dict[str, float]:
    """Over every cut of the ranking: best F1, and the best precision at recall >= `recall`."""
    import numpy as np

    s = np.asarray(scores, dtype=float)
    g = np.asarray(gold, dtype=bool)
    order = np.argsort(-s, kind="stable")
    hits = np.cumsum(g[order])
    n = np.arange(1, len(s) + 1)
    prec, rec = hits / n, hits / max(int(g.sum()), 1)
    f1 = np.where(hits > 0, 2 * prec * rec / np.maximum(prec + rec, 1e-12), 0.0)
    ok = rec >= recall
    return {
        "best_F1": float(f1.max()) if len(f1) else 0.0,
        "P_at_R": float(prec[ok].max()) if ok.any() else 0.0,
    }


def auc(scores, gold) -> float:
    """ROC AUC (ties count half), 0.5 when one class is absent."""
    import numpy as np
    from scipy.stats import rankdata

    s = np.asarray(scores, dtype=float)
    g = np.asarray(gold, dtype=bool)
    pos, neg = int(g.sum()), int((~g).sum())
    if not pos or not neg:
        return 0.5
    r = rankdata(s)
    return float((r[g].sum() - pos * (pos + 1) / 2) / (pos * neg))
