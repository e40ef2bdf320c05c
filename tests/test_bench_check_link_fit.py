"""The link-scorer refit on the stage's claim pairs (benchmarks/check/link_fit.py), on
invented data: the fit's raw weights, the labels of claim pairs, the grouping of the cut."""

import numpy as np
from benchmarks.check import link_fit
from benchmarks.check.align import EcbSentence
from benchmarks.check.link_fit import LINK_FEATURES, Topic, _proba, _sentence_hits, fit

from newsweave.model import Claim


def _topic(x, y, name="t"):
    n = len(y)
    return Topic(name, [], [(0, 1)] * n, np.asarray(x, float), np.asarray(y), [], np.zeros(n))


def test_bench_check_link_fit_raw_weights_give_the_models_probabilities():
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, len(LINK_FEATURES))) * rng.uniform(0.1, 5, len(LINK_FEATURES))
    y = (x[:, 0] + 0.5 * x[:, 7] + rng.normal(size=400) > 0).astype(int)
    # an unlabelled pair (-1) is not fitted: its row would flip the fit if it were
    x = np.vstack([x, np.full((50, len(LINK_FEATURES)), 9.0)])
    y = np.concatenate([y, -np.ones(50, int)])
    w, b = fit([_topic(x, y)])
    scale = StandardScaler().fit(x[:400])
    model = LogisticRegression(max_iter=5000).fit(scale.transform(x[:400]), y[:400])
    expected = model.predict_proba(scale.transform(x))[:, 1]
    assert np.allclose(_proba(x, w, b), expected)
    assert w["cosine"] > 0 and w["shared_terms"] > 0


def test_bench_check_link_fit_restricted_columns_weigh_nothing_else():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(200, len(LINK_FEATURES)))
    y = (x[:, 7] > 0).astype(int)  # only shared_terms says anything
    w, _ = fit([_topic(x, y)], cols=link_fit.HAND_FEATURES)
    assert w["shared_terms"] == 0.0 and set(w) == set(LINK_FEATURES)


def test_bench_check_link_fit_claims_hit_the_annotated_sentences_they_overlap():
    sents = [
        EcbSentence("d1#1", "d1", "t", "A", frozenset({"c"}), (0, 10)),
        EcbSentence("d1#2", "d1", "t", "B", frozenset(), (11, 20)),
        EcbSentence("d2#1", "d2", "t", "C", frozenset({"c"}), None),  # lost by extraction
    ]
    claims = [Claim("a:1", "a", "x", 5, 15), Claim("a:2", "a", "y", 10, 11),
              Claim("b:1", "b", "z", 0, 5)]  # fmt: skip
    hits = _sentence_hits(claims, sents, {"a": "d1", "b": "d2"})
    assert hits == [{"d1#1", "d1#2"}, set(), set()]
