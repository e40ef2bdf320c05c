"""A link scorer for the check stage fitted on ECB+ dev with topics held out: does it pay?

`python -m benchmarks.check.link_fit [--out FILE]` (readings from CHECKBENCH_CACHE, as the
other check benchmarks; LINKFIT_HARVEST=FILE keeps the harvested pairs in a pickle outside the
repo for reruns). Every dev topic is one story, as in `benchmarks.check --parts align`. For
each topic: the stage's own claims and candidate pairs (check/align.py's index), and per pair
the named features of `link_features` (the stage's own pair features and a few cheap ones). A
candidate pair of two articles is labelled when both claims' spans overlap annotated sentences:
gold when two of those sentences are a gold pair (one ACT/NEG cross-document chain), else not;
unlabelled pairs are not fitted.

Held-out protocol (5-fold GroupKFold over the topics): for each fold, a logistic regression
(scikit-learn, on standardised features, written back as raw weights and an intercept) is
fitted on the other folds' labelled pairs, and its cut is chosen on those training topics
(the highest pair precision among cuts keeping the stage's sentence-pair recall >= MIN_RECALL);
the held-out topics are then grouped with those weights and that cut. The figure reported is
over the held-out topics' predicted pairs only. The weights shipped are the same fit over all
topics, with its cut chosen the same way over all of them (in-sample: printed, not the figure).
Measured 2026-12-03 (docs/benchmarks.md, h-link): not adopted in the stage.
"""

from __future__ import annotations

import argparse
import math
import os
import pickle
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newsweave.check.align import (
    MAX_TERM_CLAIMS,
    average_linkage,
    candidate_pairs,
    claim_features,
    pair_score,
)
from newsweave.check.claims import article_claims
from newsweave.settings import CheckSettings

from .align import DATA, load_corpus, predicted_pairs, universe
from .pairs import norm, pair_prf
from .stage import readings

# The named features of a candidate pair, in column order.
LINK_FEATURES = (
    "cosine",
    "shared_number",
    "entity_jaccard",
    "same_speaker",
    "other_speaker",
    "denial_mismatch",
    "shared_time",
    "shared_terms",
    "min_terms",
    "length_ratio",
    "one_reported",
)
# The stage's own score's features (align.pair_score), for the refit restricted to them.
HAND_FEATURES = LINK_FEATURES[:6]


def link_features(a, b, times_a=frozenset(), times_b=frozenset(), rep_a=False, rep_b=False):
    """A pair's named features from align.py's per-claim features (`claim_features`): TF-IDF
    cosine, a shared figure, entity Jaccard, same / other known speaker, a denial against a
    report, a shared resolved time, log(1 + shared stems), log(1 + the shorter claim's stems),
    the length ratio, one claim reported and the other asserted.

    >>> from newsweave.check.align import ClaimFeatures
    >>> a = ClaimFeatures({"quak": 0.8, "island": 0.6}, frozenset({"gpe:java"}), frozenset(),
    ...                   "person:smith", False)
    >>> b = ClaimFeatures({"quak": 1.0}, frozenset({"gpe:java"}), frozenset(),
    ...                   "person:jones", False)
    >>> f = link_features(a, b)
    >>> f["cosine"], f["entity_jaccard"], f["other_speaker"], f["length_ratio"]
    (0.8, 1.0, 1.0, 0.5)
    """
    small, big = (a.vector, b.vector) if len(a.vector) <= len(b.vector) else (b.vector, a.vector)
    union = a.entities | b.entities
    both_said = bool(a.speaker and b.speaker)
    return {
        "cosine": sum(v * big.get(t, 0.0) for t, v in small.items()),
        "shared_number": float(bool(a.numbers & b.numbers)),
        "entity_jaccard": len(a.entities & b.entities) / len(union) if union else 0.0,
        "same_speaker": float(both_said and a.speaker == b.speaker),
        "other_speaker": float(both_said and a.speaker != b.speaker),
        "denial_mismatch": float(a.denied != b.denied),
        "shared_time": float(bool(times_a & times_b)),
        "shared_terms": math.log1p(sum(1 for t in small if t in big)),
        "min_terms": math.log1p(len(small)),
        "length_ratio": len(small) / len(big) if big else 0.0,
        "one_reported": float(rep_a != rep_b),
    }


# The stage's recall to keep (its operating point before the refit: R 0.102).
MIN_RECALL = 0.10
CUTS = tuple(round(x / 100, 2) for x in range(20, 96, 2))


@dataclass
class Topic:
    name: str
    claims: list
    pairs: list[tuple[int, int]]
    x: np.ndarray  # one row of LINK_FEATURES per pair
    y: np.ndarray  # 1 gold, 0 not, -1 unlabelled
    sents: list
    old: np.ndarray  # align.pair_score per pair (the stage before the refit)


def _sentence_hits(claims, sents, doc_of) -> list[set[str]]:
    by_doc: dict[str, list] = {}
    for s in sents:
        by_doc.setdefault(s.doc, []).append(s)
    out = []
    for c in claims:
        doc = doc_of.get(c.article_id, "")
        out.append(
            {
                s.key
                for s in by_doc.get(doc, ())
                if s.span is not None and s.span[0] < c.end and c.start < s.span[1]
            }
        )
    return out


def harvest(corpus, gold_keys: set, settings: CheckSettings) -> list[Topic]:
    doc_of = {a.id: doc for doc, a in corpus.articles.items()}
    out = []
    for t in sorted({s.topic for s in corpus.sentences}):
        sents = [s for s in corpus.sentences if s.topic == t]
        docs = sorted({s.doc for s in sents} & set(corpus.articles))
        arts = [corpus.articles[d] for d in docs]
        claims = []
        for a, r in zip(arts, readings(arts), strict=True):
            if r is not None and r.sentences:
                claims.extend(article_claims(a, r))
        claims = claims[: settings.max_claims_per_story]
        feats = claim_features(claims)
        max_df = max(8, min(int(settings.max_term_share * len(claims)), MAX_TERM_CLAIMS))
        cand = sorted(candidate_pairs(claims, feats, max_df))
        hits = _sentence_hits(claims, sents, doc_of)
        pairs, rows, ys, old = [], [], [], []
        for i, j in cand:
            if claims[i].article_id == claims[j].article_id:
                continue
            pairs.append((i, j))
            ci, cj = claims[i], claims[j]
            f = link_features(
                feats[i], feats[j], frozenset(ci.times), frozenset(cj.times),
                ci.kind == "reported", cj.kind == "reported",
            )  # fmt: skip
            rows.append([f[k] for k in LINK_FEATURES])
            old.append(pair_score(feats[i], feats[j], settings))
            if hits[i] and hits[j]:
                g = any(norm((a, b)) in gold_keys for a in hits[i] for b in hits[j] if a != b)
                ys.append(int(g))
            else:
                ys.append(-1)
        out.append(
            Topic(
                t,
                claims,
                pairs,
                np.array(rows, dtype=float).reshape(-1, len(LINK_FEATURES)),
                np.array(ys, dtype=int),
                sents,
                np.array(old, dtype=float),
            )
        )
    return out


def fit(
    topics: Sequence[Topic], c: float = 1.0, cols: Sequence[str] = LINK_FEATURES
) -> tuple[dict[str, float], float]:
    """Raw weights (per named feature; 0 for those not in `cols`) and intercept of a logistic
    regression on the topics' labelled pairs, fitted on standardised features."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    idx = [LINK_FEATURES.index(k) for k in cols]
    x = np.vstack([t.x[t.y >= 0][:, idx] for t in topics])
    y = np.concatenate([t.y[t.y >= 0] for t in topics])
    scale = StandardScaler().fit(x)
    sd = np.where(scale.scale_ > 0, scale.scale_, 1.0)
    m = LogisticRegression(max_iter=5000, C=c).fit((x - scale.mean_) / sd, y)
    w = m.coef_[0] / sd
    b = float(m.intercept_[0] - (w * scale.mean_).sum())
    out = dict.fromkeys(LINK_FEATURES, 0.0)
    out.update(zip(cols, map(float, w), strict=True))
    return out, b


def _proba(x: np.ndarray, w: dict[str, float], b: float) -> np.ndarray:
    z = x @ np.array([w[k] for k in LINK_FEATURES]) + b
    return 1.0 / (1.0 + np.exp(-z))


def topic_pairs(t: Topic, scores: np.ndarray, cut: float, doc_of) -> set:
    """Sentence pairs the topic's groups predict: average linkage over 1 - score, cut at
    distance 1 - cut (as align.py does)."""
    groups = average_linkage(
        [c.article_id for c in t.claims],
        {p: 1.0 - float(s) for p, s in zip(t.pairs, scores, strict=True)},
        1.0 - cut,
    )
    checked = {
        "claims": [
            {
                "id": str(n),
                "evidence": [
                    {"article_id": t.claims[i].article_id, "start": t.claims[i].start,
                     "end": t.claims[i].end}
                    for i in g
                ],
            }
            for n, g in enumerate(groups)
        ]
    }  # fmt: skip
    return predicted_pairs(checked, t.sents, doc_of)


def choose_cut(topics, score_of, doc_of, allowed, gold_keys):
    """(cut, P, R): the cut with the best precision at recall >= MIN_RECALL over these topics'
    pairs, or None when no cut keeps that recall."""
    tk = {t.name for t in topics}
    topic_of = {s.key: s.topic for t in topics for s in t.sents}
    al = {k for k in allowed if topic_of.get(k[0]) in tk}
    gk = {k for k in gold_keys if topic_of.get(k[0]) in tk}
    best = None
    for cut in CUTS:
        pred = set()
        for t in topics:
            pred |= topic_pairs(t, score_of(t), cut, doc_of)
        p, r, _ = pair_prf(pred & al, gk)
        if r >= MIN_RECALL and (best is None or p > best[1]):
            best = (cut, p, r)
    return best


def held_out(topics, cols, doc_of, allowed, gold_keys, c: float = 1.0):
    """Held-out rows per fold and over all folds: the refit's pairs against the stage's."""
    from sklearn.model_selection import GroupKFold

    names = [t.name for t in topics]
    new_all, old_all, folds = set(), set(), []
    for k, (train, test) in enumerate(GroupKFold(5).split(names, names, names)):
        tr, te = [topics[i] for i in train], [topics[i] for i in test]
        w, b = fit(tr, c, cols)
        probs = {t.name: _proba(t.x, w, b) for t in topics}
        cut = choose_cut(tr, lambda t, probs=probs: probs[t.name], doc_of, allowed, gold_keys)
        new, old = set(), set()
        for t in te:
            new |= topic_pairs(t, probs[t.name], cut[0], doc_of)
            old |= topic_pairs(t, t.old, CheckSettings().link_score, doc_of)
        gk = {g for g in gold_keys if g[0].split("#")[0] in {s.doc for t in te for s in t.sents}}
        pn, rn, _ = pair_prf(new & allowed, gk)
        po, ro, _ = pair_prf(old & allowed, gk)
        folds.append({"fold": k, "topics": len(te), "cut": cut[0], "P": pn, "R": rn,
                      "P_old": po, "R_old": ro})  # fmt: skip
        new_all |= new
        old_all |= old
    return folds, pair_prf(new_all & allowed, gold_keys), len(new_all & allowed)


def main(argv: list[str] | None = None) -> int:
    from benchmarks.report import prepend, section, table

    ap = argparse.ArgumentParser(prog="python -m benchmarks.check.link_fit", description=__doc__)
    ap.add_argument("--c", type=float, default=1.0, help="inverse regularisation")
    ap.add_argument("--out", type=Path, default=None, help="prepend the results to this file")
    args = ap.parse_args(argv)
    settings = CheckSettings()
    corpus = load_corpus(DATA)
    pairs, gold = universe(corpus.sentences)
    s = corpus.sentences
    allowed = {norm((s[i].key, s[j].key)) for i, j in pairs}
    gold_keys = {norm((s[i].key, s[j].key)) for (i, j), g in zip(pairs, gold, strict=True) if g}
    doc_of = {a.id: doc for doc, a in corpus.articles.items()}
    cache = os.environ.get("LINKFIT_HARVEST")
    if cache and os.path.exists(cache):
        with open(cache, "rb") as f:
            topics = pickle.load(f)
    else:
        topics = harvest(corpus, gold_keys, settings)
        if cache:
            with open(cache, "wb") as f:
                pickle.dump(topics, f)
    lab = np.concatenate([t.y for t in topics])
    notes = [
        f"{sum(len(t.pairs) for t in topics):,} candidate claim pairs of two articles in "
        f"{len(topics)} topics; labelled {int((lab >= 0).sum()):,}, gold {int((lab == 1).sum()):,}."
    ]
    before = set()
    for t in topics:
        before |= topic_pairs(t, t.old, settings.link_score, doc_of)
    p0, r0, _ = pair_prf(before & allowed, gold_keys)
    rows = [{"model": f"stage as is (pair_score, average linkage cut at {settings.link_score})",
             "P": p0, "R": r0, "n": len(before & allowed)}]  # fmt: skip
    fold_rows = []
    for label, cols in (("all named features", LINK_FEATURES), ("the stage's six", HAND_FEATURES)):
        folds, (p, r, _), n = held_out(topics, cols, doc_of, allowed, gold_keys, args.c)
        rows.append({"model": f"logistic refit, {label}, topics held out", "P": p, "R": r, "n": n})
        fold_rows += [{**f, "model": label} for f in folds]
        w, b = fit(topics, args.c, cols)
        probs = {t.name: _proba(t.x, w, b) for t in topics}
        cut = choose_cut(topics, lambda t, probs=probs: probs[t.name], doc_of, allowed, gold_keys)
        shown = ", ".join(f"{k} {v:+.3f}" for k, v in w.items() if k in cols)
        notes.append(
            f"{label}, fitted on all topics: {shown}, intercept {b:+.3f}; cut {cut[0]:.2f} "
            f"(in-sample P {cut[1]:.3f} at R {cut[2]:.3f})."
        )
    body = (
        table(rows, [("model", "link decision", ""), ("P", "P", ".3f"), ("R", "R", ".3f"),
                     ("n", "pairs predicted", ",d")])
        + "\n\nPer fold (held-out topics; the stage's own figure on the same topics):\n\n"
        + table(fold_rows, [("model", "features", ""), ("fold", "fold", "d"),
                            ("topics", "topics", "d"), ("cut", "cut", ".2f"), ("P", "P", ".3f"),
                            ("R", "R", ".3f"), ("P_old", "stage P", ".3f"),
                            ("R_old", "stage R", ".3f")])
        + "\n\n" + "\n".join(f"- {n}" for n in notes)
    )  # fmt: skip
    command = ".venv/bin/python -m benchmarks.check.link_fit " + " ".join(
        argv if argv is not None else sys.argv[1:]
    )
    text = section(
        "Check: a link scorer refitted on the stage's claim pairs (ECB+ dev)", body, command
    )
    print(text)
    if args.out is not None:
        prepend(args.out, text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
