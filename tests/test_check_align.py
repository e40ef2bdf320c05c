"""check/align.py: the matrix scorer gives the loops' pairs and scores."""

from dataclasses import replace

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
        times = {"Tuesday": ("2026-03-10",), "spring": ("2026-04",)}
        when = next((t for word, t in times.items() if word in text), ())
        out.append(Claim(f"{aid}:{k}", aid, text, 0, len(text), kind, who=who, cue=cue,
                         numbers=numbers, entities=ents, times=when))  # fmt: skip
    return out


# b was published before a's Tuesday: b cannot report what a says happened then
PUBLISHED = {"a": "2026-03-10T09:00:00", "b": "2026-03-09", "c": None}


@pytest.mark.parametrize("published", [None, PUBLISHED])
@pytest.mark.parametrize("max_df", [2, 8])
def test_check_align_pair_scores_match_the_loops(max_df, published):
    claims = _claims()
    feats = claim_features(claims, published)
    settings = CheckSettings()
    loops = {p: pair_score(feats[p[0]], feats[p[1]], settings)
             for p in sorted(candidate_pairs(claims, feats, max_df))}  # fmt: skip
    got = dict(pair_scores(feats, max_df, settings).items())
    assert list(got) == list(loops)  # the same pairs, in (i, j) order
    assert got == pytest.approx(loops, abs=1e-12)
    assert len(got) == {2: 2, 8: 10}[max_df]  # pairs enough that a wrong order or bonus shows
    if published and max_df == 8:
        # the time penalty lands on the pairs of a's Tuesday claim with b's claims only (c's
        # spring shares no term with anything: no candidate)
        undated = dict(pair_scores(claim_features(claims), max_df, settings).items())
        assert {p for p in got if got[p] < undated[p] - 1e-9} == {(0, 2), (0, 3)}


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


def test_check_align_a_rounded_figure_earns_the_shared_figure_bonus():
    # "About 4,200" and "more than 4,000" give one figure; "nine" is not "at least seven"'s
    # figure, and two exact values apart share nothing
    def claim(k, aid, text, value, qualifier=None):
        n = Number(value, None, "people", text.split()[0], 0, 5, qualifier)
        return Claim(f"{aid}:{k}", aid, text, 0, len(text), "asserted", numbers=(n,))

    claims = [
        claim(0, "a", "About 4,200 residents of Ambry were ordered to leave", 4200.0, "about"),
        claim(1, "b", "More than 4,000 residents of Ambry were evacuated", 4000.0, "more than"),
        claim(2, "c", "At least seven residents of Ambry were hurt", 7.0, "at least"),
        claim(3, "d", "Nine residents of Ambry were hurt", 9.0),
        claim(4, "e", "Twelve residents of Ambry were hurt", 12.0),
    ]
    settings = CheckSettings()
    feats = claim_features(claims)
    got = dict(pair_scores(feats, 8, settings).items())
    bare = [replace(f, numbers=frozenset(), figures=()) for f in feats]
    without = dict(pair_scores(bare, 8, settings).items())
    bonus = {p for p in got if got[p] > without[p] + 1e-9}
    assert bonus == {(0, 1)}
    assert got[(0, 1)] == pytest.approx(without[(0, 1)] + settings.shared_number_bonus)
    assert got == pytest.approx({p: pair_score(feats[p[0]], feats[p[1]], settings) for p in got})


def test_check_align_times_and_near_figures_in_arrays_match_the_scalar_rules():
    # random features: missing times and days, plans reported early, days the other claim's
    # times reach, qualified and exact figures of mixed units
    import random

    import numpy as np

    from newsweave.check.align import (
        ClaimFeatures,
        _figures_near,
        _times_disagree,
        figures_near,
        times_disagree,
    )

    rnd = random.Random(7)

    def feats() -> ClaimFeatures:
        first = rnd.choice([None, 10, 11, 12, 13])
        when = None if first is None else (first, first + rnd.choice([0, 0, 1, 5]))
        figures = tuple(
            Number(float(rnd.choice([100, 105, 120, 7, 9])), rnd.choice([None, "%", "people"]),
                   None, "x", 0, 1, rnd.choice([None, None, "about", "more than", "at least"]))
            for _ in range(rnd.choice([0, 1, 2]))
        )  # fmt: skip
        return ClaimFeatures({}, frozenset(), frozenset(), None, False, when,
                             rnd.choice([None, 10, 11, 12]), figures)  # fmt: skip

    fs = [feats() for _ in range(60)]
    rows, cols = np.triu_indices(len(fs), k=1)
    shared = np.zeros(len(rows), dtype=bool)
    times = _times_disagree(fs, rows, cols)
    near = _figures_near(fs, rows, cols, shared)
    pairs = list(zip(rows, cols, strict=True))
    assert times.tolist() == [times_disagree(fs[i], fs[j]) for i, j in pairs]
    assert near.tolist() == [figures_near(fs[i], fs[j]) for i, j in pairs]
    assert 0 < times.sum() < len(rows) and 0 < near.sum() < len(rows)  # both kinds occur


def test_check_align_two_claims_naming_other_people_score_the_penalty_less():
    # arrays and loops alike: no people, the same person, two people apart
    from newsweave.check.align import ClaimFeatures, pair_score, pair_scores, persons_differ
    from newsweave.settings import CheckSettings

    def claim(*persons: str) -> ClaimFeatures:
        return ClaimFeatures({"finish": 0.6, "rebound": 0.8}, frozenset(persons), frozenset(),
                             None, False, persons=frozenset(persons))  # fmt: skip

    feats = [claim(), claim("person:vaughn"), claim("person:vaughn"), claim("person:daye"),
             claim("person:vaughns"), claim("person:vaughan"), claim("person:giudice"),
             claim("person:delgiudice")]  # fmt: skip
    settings = CheckSettings()
    got = dict(pair_scores(feats, 8, settings).items())
    assert got == pytest.approx({p: pair_score(feats[p[0]], feats[p[1]], settings) for p in got})
    # one person spelled two ways is no other person: "Vaughn" / "Vaughns", "Del Giudice" /
    # "DelGiudice"; "Vaughn" and "Vaughan" are two
    pairs = ((0, 1), (1, 2), (1, 3), (1, 4), (1, 5), (6, 7))
    assert [persons_differ(feats[i], feats[j]) for i, j in pairs] == [
        False, False, True, False, True, False]  # fmt: skip
    assert got[(1, 2)] - got[(1, 3)] == pytest.approx(
        settings.other_person_penalty + settings.entity_bonus
    )
