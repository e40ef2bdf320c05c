"""Pair scoring of the check benchmark on invented pairs (benchmarks/check/pairs.py)."""

import pytest
from benchmarks.check.pairs import auc, best_p_at_recall, pair_prf, pr_curve_best, sweep


def test_bench_check_pair_scoring_counts_unordered_pairs_once():
    gold = {("s1", "s2"), ("s1", "s3"), ("s2", "s3"), ("s4", "s5")}
    predicted = {("s2", "s1"), ("s1", "s2"), ("s3", "s2"), ("s4", "s6")}
    p, r, f = pair_prf(predicted, gold)
    assert (p, r) == pytest.approx((2 / 3, 2 / 4))
    assert f == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))


def test_bench_check_pair_scoring_nothing_predicted_scores_zero():
    assert pair_prf(set(), {("a", "b")}) == (0.0, 0.0, 0.0)


def test_bench_check_pair_sweep_and_best_precision_at_recall():
    scores = [0.9, 0.8, 0.7, 0.4, 0.3]
    gold = [True, False, True, True, False]
    rows = sweep(scores, gold, [0.85, 0.5, 0.35])
    assert [r["P"] for r in rows] == pytest.approx([1, 2 / 3, 3 / 4])
    assert [r["R"] for r in rows] == pytest.approx([1 / 3, 2 / 3, 1])
    assert best_p_at_recall(rows, 0.6)["threshold"] == 0.35
    assert best_p_at_recall(rows, 1.01) is None
    best = pr_curve_best(scores, gold, 0.6)
    assert best["P_at_R"] == pytest.approx(3 / 4)
    assert best["best_F1"] == pytest.approx(2 * 0.75 * 1 / 1.75)


def test_bench_check_pair_auc_counts_ties_half():
    assert auc([0.1, 0.9, 0.5, 0.5], [False, True, True, False]) == pytest.approx(0.875)


def test_bench_check_cli_refuses_an_unknown_part(capsys):
    from benchmarks.check.__main__ import main

    assert main(["--parts", "align,speed"]) == 2
    assert "unknown part(s) speed" in capsys.readouterr().err
