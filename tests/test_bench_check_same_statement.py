"""The hand reading of the alignment's non-gold pairs (benchmarks/check/same_statement.py)."""

from __future__ import annotations

from benchmarks.check.same_statement import JUDGED, reading


def test_bench_check_same_statement_counts_the_judged_pairs_still_predicted():
    same = next((a, b) for a, b, s in JUDGED if s)
    other = next((a, b) for a, b, s in JUDGED if not s)
    gold = {("g#1", "h#1")}
    predicted = {tuple(sorted(same)), tuple(sorted(other)), ("g#1", "h#1")}
    note = reading(predicted, gold)
    # 1 gold pair right, the 2 others at the judged share of 1 in 2: (1 + 0.5 * 2) / 3
    assert "2 of the 40 judged non-gold pairs are still predicted, 1 of them" in note
    assert "about 0.67" in note and "against 0.333 on ECB+'s gold" in note


def test_bench_check_same_statement_says_when_no_judged_pair_is_left():
    assert "read a new sample" in reading({("x#1", "y#1")}, set())


def test_bench_check_same_statement_keys_are_sentence_keys_read_once():
    pairs = [tuple(sorted((a, b))) for a, b, _ in JUDGED]
    assert len(JUDGED) == 40 and len(set(pairs)) == 40
    assert all("#" in k and k.split("#")[1].isdigit() for p in pairs for k in p)
