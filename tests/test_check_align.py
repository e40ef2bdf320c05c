"""check/align.py: the matrix scorer gives the loops' pairs and scores."""

import pytest

from newsweave.check.align import candidate_pairs, claim_features, pair_score, pair_scores
from newsweave.model import Claim, Number
from newsweave.settings import CheckSettings

TEXTS = [
    ("a", "Rescuers pulled 12 miners from the Varn shaft on Tuesday", "asserted", None, "said"),
    ("a", "The Varn shaft collapsed after a gas blast", "asserted", None, "said"),
    ("b", "Twelve miners were pulled alive from the Varn shaft", "reported", "Ana Holt", "said"),
    ("b", "Holt rejected claims the shaft was unsafe", "reported", "Ana Holt", "rejected"),
    ("c", "A gas blast collapsed the Varn shaft, officials said", "reported", "Ivo Dal", "said"),
    ("c", "The mine reopens in spring", "asserted", None, "said"),
]


def _claims():
    out = []
    for k, (aid, text, kind, who, cue) in enumerate(TEXTS):
        numbers = (
            (Number(12.0, None, "miners", "12", 0, 2),) if "12" in text or "Twelve" in text else ()
        )
        ents = ("gpe:varn",) if "Varn" in text else ()
        out.append(Claim(f"{aid}:{k}", aid, text, 0, len(text), kind, who=who, cue=cue,
                         numbers=numbers, entities=ents))  # fmt: skip
    return out


@pytest.mark.parametrize("max_df", [2, 8])
def test_check_align_pair_scores_match_the_loops(max_df):
    claims = _claims()
    feats = claim_features(claims)
    settings = CheckSettings()
    loops = {p: pair_score(feats[p[0]], feats[p[1]], settings)
             for p in sorted(candidate_pairs(claims, feats, max_df))}  # fmt: skip
    got = dict(pair_scores(feats, max_df, settings).items())
    assert list(got) == list(loops)  # the same pairs, in (i, j) order
    assert got == pytest.approx(loops, abs=1e-12)
    assert len(got) == {2: 2, 8: 10}[max_df]  # pairs enough that a wrong order or bonus shows


def test_check_align_within_sums_each_group_in_pair_order():
    claims = _claims()
    feats = claim_features(claims)
    scores = pair_scores(feats, 8, CheckSettings())
    groups = [[0, 2, 4], [1], [3, 5]]
    expect = [0.0] * len(claims)
    label = {i: g for g, members in enumerate(groups) for i in members}
    for (i, j), s in scores.items():
        if label[i] == label[j]:
            expect[i] += s
            expect[j] += s
    assert scores.within(groups, len(claims)).tolist() == expect
    assert expect[0] > 0 and expect[1] == 0.0


def test_check_align_best_claim_ties_go_to_the_earliest_past_summation_noise():
    from newsweave.check.stage import _best

    claims = _claims()
    # 0.1 + 0.2 summed in one order is 0.30000000000000004, 0.3 in another: one weight
    assert _best([0, 2], claims, [0.3, 0.0, 0.1 + 0.2]) is claims[0]
    assert _best([0, 2], claims, [0.3, 0.0, 0.31]) is claims[2]
