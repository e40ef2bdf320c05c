"""What the alignment's pairs are by a hand reading: which of ECB+'s sentence pairs state the
same thing, among those the check stage predicts and those it misses, gold or not.

ECB+'s gold pairs two sentences that mention one cross-document chain of ACTION mentions; two
reports share more than the annotated chains (the same background, the same quote, the same
sentence of a wire copy), and they also mention one chain in sentences that say different
things of it ("the fire was put out by 7 a.m." / "the building burned to the ground"). A
proposition is claims that state the same thing, so the reading asks that of four random
samples, one from each cell of the stage's pairs against the gold: True when the two sentences
state one thing (one fact, one quote, one statement, their values aside: "served 41/2 months" /
"served four months" is one claim that conflicts; a sentence whose clause states what the
other states counts), False otherwise (a headline line against a sentence of its event, two
neighbouring facts of one event, a sentence of the other event). Keys are
`align.EcbSentence.key` ("doc#n"); nothing of the articles' text is kept here. Read by the
lead: `JUDGED` on 2026-12-04 at 76a58ea, the others on 2026-12-05 at 8b7ff3b (samples drawn
with `random.seed(20261205)` from the sorted missed gold pairs, 202612052 from the sorted pairs
of neither kind, 202612053 from the sorted predicted gold pairs).

The reading is an estimate from samples, not the issue's measure: P and R on ECB+'s gold stay
what `align` says.
"""

from __future__ import annotations

import math

# (sentence key, sentence key, states the same thing)
# predicted, not gold: a random 40 of the stage's 818 at 76a58ea
JUDGED: tuple[tuple[str, str, bool], ...] = (
    ("27_10ecbplus#2", "27_3ecbplus#8", False),
    ("6_2ecbplus#6", "6_5ecbplus#5", True),
    ("29_12ecbplus#34", "29_2ecbplus#9", True),
    ("35_2ecb#17", "35_7ecbplus#8", False),
    ("30_12ecbplus#5", "30_9ecbplus#10", True),
    ("28_10ecbplus#7", "28_6ecbplus#8", True),
    ("31_11ecbplus#5", "31_7ecbplus#6", True),
    ("35_10ecbplus#6", "35_1ecbplus#6", True),
    ("28_1ecbplus#11", "28_2ecbplus#13", False),
    ("28_10ecbplus#11", "28_7ecbplus#13", True),
    ("3_4ecbplus#2", "3_9ecbplus#8", False),
    ("29_12ecbplus#34", "29_7ecbplus#3", True),
    ("33_1ecbplus#8", "33_7ecbplus#6", True),
    ("35_3ecbplus#9", "35_4ecbplus#10", True),
    ("29_4ecbplus#12", "29_7ecbplus#3", True),
    ("24_10ecbplus#2", "24_2ecbplus#2", True),
    ("9_12ecbplus#6", "9_6ecbplus#5", True),
    ("34_1ecbplus#17", "34_2ecbplus#8", True),
    ("28_2ecbplus#21", "28_7ecbplus#9", True),
    ("2_1ecbplus#18", "2_3ecbplus#8", False),
    ("28_1ecbplus#13", "28_7ecbplus#8", True),
    ("7_1ecbplus#8", "7_2ecbplus#7", True),
    ("5_2ecbplus#7", "5_4ecbplus#9", True),
    ("28_4ecbplus#11", "28_7ecbplus#13", True),
    ("32_2ecbplus#2", "32_5ecbplus#4", False),
    ("32_5ecbplus#7", "32_6ecbplus#5", True),
    ("35_11ecbplus#9", "35_4ecbplus#9", False),
    ("30_12ecbplus#2", "30_9ecbplus#6", False),
    ("35_11ecbplus#6", "35_2ecbplus#8", True),
    ("5_10ecbplus#2", "5_2ecbplus#3", True),
    ("31_10ecbplus#4", "31_7ecbplus#6", True),
    ("35_11ecbplus#9", "35_3ecbplus#9", True),
    ("35_10ecbplus#13", "35_3ecbplus#10", True),
    ("27_1ecbplus#6", "27_4ecbplus#5", True),
    ("28_2ecbplus#28", "28_4ecbplus#11", True),
    ("2_1ecbplus#19", "2_5ecbplus#6", False),
    ("2_1ecbplus#18", "2_4ecbplus#10", False),
    ("2_1ecbplus#7", "2_9ecbplus#12", False),
    ("28_10ecbplus#6", "28_12ecbplus#8", True),
    ("31_4ecbplus#5", "31_9ecbplus#5", True),
)
# gold, not predicted: a random 40 of the 12,707 at 8b7ff3b
MISSED_GOLD: tuple[tuple[str, str, bool], ...] = (
    ("13_10ecbplus#3", "13_6ecbplus#7", False),
    ("8_10ecbplus#6", "8_1ecbplus#5", False),
    ("2_10ecbplus#5", "2_2ecbplus#9", True),
    ("35_1ecbplus#3", "35_3ecbplus#7", True),
    ("13_6ecbplus#7", "13_8ecbplus#4", False),
    ("13_14ecbplus#26", "13_5ecbplus#3", True),
    ("3_10ecbplus#7", "3_6ecbplus#5", True),
    ("29_5ecbplus#7", "29_9ecbplus#4", False),
    ("2_1ecbplus#18", "2_6ecbplus#3", True),
    ("31_7ecb#20", "31_8ecb#2", True),
    ("20_4ecbplus#6", "20_9ecbplus#3", True),
    ("1_10ecbplus#5", "1_19ecbplus#5", False),
    ("30_11ecb#1", "30_2ecb#2", False),
    ("31_10ecbplus#61", "31_2ecbplus#14", False),
    ("3_2ecbplus#4", "3_6ecbplus#6", True),
    ("5_10ecbplus#3", "5_1ecbplus#18", False),
    ("18_4ecbplus#4", "18_6ecbplus#3", False),
    ("35_2ecbplus#3", "35_5ecbplus#3", True),
    ("5_1ecbplus#54", "5_8ecbplus#2", False),
    ("23_7ecbplus#8", "23_9ecbplus#3", True),
    ("1_1ecbplus#4", "1_4ecbplus#5", False),
    ("30_5ecbplus#5", "30_7ecbplus#6", True),
    ("14_11ecbplus#3", "14_4ecbplus#2", True),
    ("2_10ecbplus#3", "2_5ecbplus#6", False),
    ("2_1ecbplus#15", "2_3ecbplus#3", False),
    ("29_3ecbplus#7", "29_9ecbplus#6", False),
    ("2_10ecbplus#9", "2_1ecbplus#9", False),
    ("27_1ecb#2", "27_5ecb#1", True),
    ("22_12ecbplus#26", "22_14ecbplus#2", True),
    ("27_6ecbplus#2", "27_8ecbplus#4", False),
    ("19_4ecbplus#17", "19_6ecbplus#15", False),
    ("14_8ecbplus#9", "14_9ecbplus#4", False),
    ("20_6ecbplus#5", "20_8ecbplus#3", True),
    ("24_5ecbplus#7", "24_9ecbplus#3", True),
    ("8_3ecbplus#6", "8_7ecbplus#4", False),
    ("27_11ecbplus#4", "27_4ecbplus#5", False),
    ("30_11ecb#6", "30_3ecb#6", False),
    ("32_1ecbplus#3", "32_5ecbplus#10", True),
    ("21_10ecbplus#6", "21_8ecbplus#2", True),
    ("3_2ecbplus#5", "3_8ecbplus#6", False),
)
# neither gold nor predicted: a random 40 of the 68,575 at 8b7ff3b
MISSED_OTHER: tuple[tuple[str, str, bool], ...] = (
    ("32_2ecbplus#27", "32_9ecbplus#6", False),
    ("28_11ecbplus#4", "28_5ecbplus#5", False),
    ("27_10ecbplus#10", "27_12ecb#1", False),
    ("33_3ecb#47", "33_3ecbplus#3", False),
    ("33_3ecb#47", "33_8ecbplus#4", False),
    ("30_3ecbplus#5", "30_9ecb#2", False),
    ("35_1ecbplus#4", "35_6ecbplus#6", False),
    ("33_5ecb#9", "33_8ecbplus#4", False),
    ("27_1ecbplus#12", "27_4ecbplus#7", False),
    ("29_11ecbplus#5", "29_7ecbplus#7", False),
    ("34_5ecbplus#5", "34_9ecb#1", False),
    ("19_12ecb#1", "19_3ecbplus#3", False),
    ("21_2ecbplus#5", "21_7ecbplus#10", False),
    ("30_1ecb#11", "30_9ecbplus#2", False),
    ("27_4ecbplus#11", "27_9ecbplus#4", False),
    ("8_3ecbplus#6", "8_7ecb#1", False),
    ("1_1ecbplus#3", "1_8ecbplus#6", True),
    ("35_7ecbplus#6", "35_8ecbplus#4", True),
    ("30_4ecbplus#6", "30_6ecbplus#5", False),
    ("35_2ecbplus#5", "35_3ecbplus#9", False),
    ("27_1ecbplus#10", "27_5ecbplus#5", False),
    ("28_1ecbplus#11", "28_9ecb#1", False),
    ("31_3ecb#1", "31_9ecbplus#5", False),
    ("28_11ecbplus#7", "28_2ecbplus#14", False),
    ("33_2ecbplus#4", "33_4ecbplus#6", False),
    ("34_11ecb#1", "34_4ecbplus#5", False),
    ("30_10ecbplus#7", "30_3ecbplus#5", False),
    ("1_15ecbplus#4", "1_21ecbplus#4", False),
    ("35_10ecb#2", "35_10ecbplus#7", False),
    ("27_3ecb#3", "27_3ecbplus#12", False),
    ("30_2ecb#3", "30_6ecbplus#2", False),
    ("9_11ecbplus#30", "9_12ecbplus#6", False),
    ("27_10ecbplus#6", "27_3ecbplus#12", False),
    ("33_6ecbplus#4", "33_7ecbplus#8", False),
    ("35_11ecbplus#5", "35_5ecbplus#5", True),
    ("33_1ecb#1", "33_2ecbplus#3", False),
    ("28_12ecb#2", "28_1ecbplus#6", False),
    ("34_6ecbplus#17", "34_9ecbplus#4", False),
    ("30_13ecbplus#4", "30_3ecbplus#7", False),
    ("31_5ecbplus#3", "31_8ecbplus#4", False),
)
# predicted and gold: a random 30 of the 1,417 at 8b7ff3b
GOLD_PREDICTED: tuple[tuple[str, str, bool], ...] = (
    ("1_8ecbplus#4", "1_9ecbplus#4", True),
    ("4_10ecbplus#2", "4_1ecbplus#3", False),
    ("26_11ecbplus#5", "26_3ecbplus#6", True),
    ("31_14ecb#4", "31_5ecb#2", True),
    ("20_1ecbplus#4", "20_6ecbplus#4", True),
    ("26_11ecbplus#3", "26_8ecbplus#3", True),
    ("25_3ecbplus#3", "25_9ecbplus#5", True),
    ("3_2ecbplus#9", "3_9ecbplus#7", True),
    ("8_3ecbplus#3", "8_4ecbplus#2", True),
    ("33_5ecbplus#2", "33_6ecbplus#2", True),
    ("7_4ecbplus#2", "7_9ecbplus#4", True),
    ("24_7ecbplus#3", "24_8ecbplus#3", True),
    ("7_2ecbplus#5", "7_9ecbplus#4", True),
    ("23_1ecbplus#3", "23_2ecbplus#15", True),
    ("10_13ecbplus#3", "10_1ecbplus#5", True),
    ("35_11ecbplus#4", "35_7ecbplus#4", True),
    ("7_2ecbplus#5", "7_5ecbplus#3", False),
    ("24_11ecbplus#7", "24_8ecbplus#4", True),
    ("21_10ecbplus#3", "21_2ecbplus#3", True),
    ("29_10ecb#1", "29_7ecb#1", True),
    ("7_5ecbplus#7", "7_9ecbplus#5", True),
    ("25_14ecbplus#3", "25_5ecbplus#3", True),
    ("18_5ecbplus#3", "18_9ecbplus#5", True),
    ("32_5ecbplus#7", "32_9ecbplus#6", True),
    ("23_3ecbplus#6", "23_8ecbplus#10", True),
    ("28_1ecb#1", "28_7ecb#1", True),
    ("8_1ecbplus#5", "8_9ecbplus#6", True),
    ("31_5ecb#2", "31_8ecb#1", True),
    ("22_2ecbplus#4", "22_7ecbplus#3", False),
    ("7_1ecbplus#5", "7_9ecbplus#5", True),
)


def _wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95% Wilson interval of a share k / n."""
    if n == 0:
        return 0.0, 1.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def _share(sample, cell: set) -> tuple[int, int]:
    """(how many state the same thing, how many) of a sample's pairs still in `cell`."""
    still = [same for a, b, same in sample if tuple(sorted((a, b))) in cell]
    return sum(still), len(still)


def reading(predicted: set[tuple[str, str]], gold: set[tuple[str, str]], universe: int) -> str:
    """One note: the stage's precision and recall on "states the same thing", each cell of its
    pairs against the gold counted at the share of its sample that states the same thing (the
    judged pairs still in that cell), with the 95% intervals those shares give.

    Args:
        predicted: the stage's predicted sentence-key pairs (`pairs.norm` order).
        gold: the gold pairs, the same way.
        universe: how many pairs the benchmark scores (predicted and gold are among them).

    Example:
        >>> reading({("a#1", "b#1"), ("a#2", "b#2")}, {("a#1", "b#1")}, 10)[:34]
        'Read by hand (same_statement): of '
    """
    cells = {
        "predicted and gold": (GOLD_PREDICTED, predicted & gold),
        "predicted, not gold": (JUDGED, predicted - gold),
        "gold, not predicted": (MISSED_GOLD, gold - predicted),
    }
    shares = {name: _share(sample, cell) for name, (sample, cell) in cells.items()}
    sizes = {name: len(cell) for name, (_, cell) in cells.items()}
    sizes["neither"] = universe - len(predicted | gold)
    # the pairs of neither kind are not at hand here: a judged pair counts while it is in
    # neither the predicted nor the gold set
    other = [same for a, b, same in MISSED_OTHER
             if tuple(sorted((a, b))) not in predicted | gold]  # fmt: skip
    shares["neither"] = (sum(other), len(other))
    if not predicted or any(n == 0 for _, n in shares.values()):
        return (
            "Read by hand (same_statement): a cell of the stage's pairs has no judged pair "
            "left in it; read a new sample."
        )
    bounds = {name: (k / n, *_wilson(k, n)) for name, (k, n) in shares.items()}

    def same(name: str, at: int) -> float:  # at: 0 the share, 1 its low bound, 2 its high
        return sizes[name] * bounds[name][at]

    est = []
    for hit_at, miss_at in ((0, 0), (1, 2), (2, 1)):  # the estimate, then its low and high
        hits = same("predicted and gold", hit_at) + same("predicted, not gold", hit_at)
        missed = same("gold, not predicted", miss_at) + same("neither", miss_at)
        est.append((hits / len(predicted), hits / (hits + missed)))
    judged = ", ".join(f"{name} {k} / {n}" for name, (k, n) in shares.items())
    right = len(predicted & gold)
    p, r = right / len(predicted), right / max(len(gold), 1)
    return (
        f"Read by hand (same_statement): of the judged pairs still in their cell, those that "
        f"state the same thing: {judged}. So the stage's precision on 'states the same thing' "
        f"is about {est[0][0]:.2f} ({est[1][0]:.2f}-{est[2][0]:.2f}) and its recall about "
        f"{est[0][1]:.2f} ({est[1][1]:.2f}-{est[2][1]:.2f}), against P {p:.3f} / R {r:.3f} on "
        "ECB+'s gold: estimates from samples, not the issue's measure."
    )
