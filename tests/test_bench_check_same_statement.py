"""The hand reading of the alignment's pairs (benchmarks/check/same_statement.py)."""

from __future__ import annotations

import pytest
from benchmarks.check.same_statement import (
    GOLD_PREDICTED,
    JUDGED,
    MISSED_GOLD,
    MISSED_OTHER,
    reading,
)

SAMPLES = {"JUDGED": JUDGED, "GOLD_PREDICTED": GOLD_PREDICTED, "MISSED_GOLD": MISSED_GOLD,
           "MISSED_OTHER": MISSED_OTHER}  # fmt: skip


def _pair(sample, same: bool) -> tuple[str, str]:
    return tuple(sorted(next((a, b) for a, b, s in sample if s is same)))


def test_bench_check_same_statement_counts_each_cell_at_its_judged_share():
    # one judged pair of each kind in the three cells at hand (share 1 / 2); the pairs of
    # neither kind are every judged one outside them (3 of 40 state the same thing)
    gp = {_pair(GOLD_PREDICTED, True), _pair(GOLD_PREDICTED, False)}
    pn = {_pair(JUDGED, True), _pair(JUDGED, False)}
    mg = {_pair(MISSED_GOLD, True), _pair(MISSED_GOLD, False)}
    mo = {_pair(MISSED_OTHER, True), _pair(MISSED_OTHER, False)}
    predicted, gold = gp | pn, gp | mg
    note = reading(predicted, gold, universe=len(predicted | gold) + 40)
    assert "predicted and gold 1 / 2, predicted, not gold 1 / 2" in note
    assert "gold, not predicted 1 / 2, neither 3 / 40" in note
    # hits 0.5 * 4 of 4 predicted; missed 0.5 * 2 gold + 3 / 40 * 40 neither: R = 2 / (2 + 4)
    assert "precision on 'states the same thing' is about 0.50" in note
    assert "recall about 0.33" in note
    assert "against P 0.500 / R 0.500 on ECB+'s gold" in note
    assert mo.isdisjoint(predicted | gold)


def test_bench_check_same_statement_a_wrong_share_moves_the_estimate():
    # the same cells, but the predicted non-gold pair that states the same thing left out
    gp = {_pair(GOLD_PREDICTED, True), _pair(GOLD_PREDICTED, False)}
    predicted = gp | {_pair(JUDGED, False)}
    gold = gp | {_pair(MISSED_GOLD, True), _pair(MISSED_GOLD, False)}
    note = reading(predicted, gold, universe=len(predicted | gold) + 40)
    assert "predicted, not gold 0 / 1" in note
    assert "precision on 'states the same thing' is about 0.33" in note  # 0.5 * 2 of 3


def test_bench_check_same_statement_says_when_a_cell_has_no_judged_pair():
    assert "read a new sample" in reading({("x#1", "y#1")}, set(), 5)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_bench_check_same_statement_keys_are_sentence_keys_read_once(name):
    sample = SAMPLES[name]
    pairs = [tuple(sorted((a, b))) for a, b, _ in sample]
    assert len(set(pairs)) == len(pairs) == (30 if name == "GOLD_PREDICTED" else 40)
    assert all("#" in k and k.split("#")[1].isdigit() for p in pairs for k in p)
    assert all(a.split("_")[0] == b.split("_")[0] for a, b in pairs)  # one topic each
