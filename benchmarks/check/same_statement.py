"""What the alignment's "false" pairs are: a hand reading of the check stage's ECB+ sentence
pairs that the gold does not hold.

ECB+'s gold pairs two sentences that mention one cross-document chain of ACTION mentions; two
reports share far more than the annotated chains (the same background, the same quote, the same
sentence of a wire copy), and a proposition that joins those is right by what a proposition is
(claims that state the same thing) though the gold counts it wrong. `JUDGED` is a random 40 of
the 818 pairs the stage predicted at 76a58ea (2026-12-04) that are not gold, read by the lead:
True when the two sentences state the same thing (one fact, one quote, one statement, their
values aside: "served 41/2 months" / "served four months" is one claim that conflicts), False
otherwise (a headline against a sentence of its event, two neighbouring sentences of one
statement, a sentence of the other event). Keys are `align.EcbSentence.key` ("doc#n").
Nothing of the articles' text is kept here.

The reading is an estimate, not the issue's measure: P on ECB+'s gold stays what `align` says.
"""

from __future__ import annotations

import math

# (sentence key, sentence key, states the same thing), read 2026-12-04 at 76a58ea
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


def _wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95% Wilson interval of a share k / n."""
    if n == 0:
        return 0.0, 1.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def reading(predicted: set[tuple[str, str]], gold: set[tuple[str, str]]) -> str:
    """One note: of the judged pairs the stage still predicts outside the gold, how many state
    the same thing, and the stage's precision on "states the same thing" that share gives
    (gold pairs counted right, the rest at the judged share, with its interval).

    Args:
        predicted: the stage's predicted sentence-key pairs (`pairs.norm` order).
        gold: the gold pairs, the same way.

    Example:
        >>> reading({("a#1", "b#1"), ("a#2", "b#2")}, {("a#1", "b#1")})[:38]
        'Read by hand (same_statement.JUDGED):'
    """
    judged = {tuple(sorted((a, b))): same for a, b, same in JUDGED}
    wrong = predicted - gold
    still = [same for pair, same in judged.items() if pair in wrong]
    k, n = sum(still), len(still)
    right = len(predicted & gold)
    if not predicted or not n:
        return (
            "Read by hand (same_statement.JUDGED): none of the 40 judged pairs is among the "
            "stage's non-gold pairs now; read a new sample."
        )
    lo, hi = _wilson(k, n)
    est = [(right + s * len(wrong)) / len(predicted) for s in (k / n, lo, hi)]
    return (
        f"Read by hand (same_statement.JUDGED): {n} of the 40 judged non-gold pairs are still "
        f"predicted, {k} of them state the same thing ({k / n:.0%}); so the stage's precision "
        f"on 'states the same thing' is about {est[0]:.2f} ({est[1]:.2f}-{est[2]:.2f}), against "
        f"{right / len(predicted):.3f} on ECB+'s gold. An estimate from a sample, not the "
        "issue's measure."
    )
