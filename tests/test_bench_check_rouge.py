"""ROUGE of the check benchmark on tiny strings with hand-computed values."""

import pytest
from benchmarks.check.rouge import lcs, rouge_all, rouge_l, rouge_n, tokens


def test_bench_check_rouge_tokens_lowercase_letters_and_digits():
    assert tokens("The U.S. isn't 3-0!") == ["the", "u", "s", "isn", "t", "3", "0"]


def test_bench_check_rouge_n_clips_repeated_grams():
    # pred "the the the cat" vs ref "the cat sat": unigram overlap the(1) + cat(1) = 2
    # P = 2/4, R = 2/3, F = 2 * 0.5 * 0.667 / 1.167 = 0.5714
    assert rouge_n("the the the cat", "the cat sat", 1) == pytest.approx(4 / 7)
    # bigrams: pred {the the x2, the cat}, ref {the cat, cat sat}: overlap 1, P 1/3, R 1/2
    assert rouge_n("the the the cat", "the cat sat", 2) == pytest.approx(0.4)


def test_bench_check_rouge_l_uses_longest_common_subsequence():
    assert lcs(["a", "b", "c", "d", "e"], ["a", "c", "e", "b"]) == 3
    # "police arrested the man" vs "the man was arrested by police": LCS "the man" or
    # "police arrested"... = 2; P 2/4, R 2/6, F = 0.4
    assert rouge_l("police arrested the man", "the man was arrested by police") == pytest.approx(
        0.4
    )


def test_bench_check_rouge_empty_prediction_scores_zero():
    assert rouge_all("", "a reference") == {"R1": 0.0, "R2": 0.0, "RL": 0.0}
