"""How check/brief.py's LEAD_WEIGHTS were set, and what any choice of whole sentences could reach
on the AllSides roundups (issue 13, the brief).

Each story runs through the check stage once (readings cached as `python -m benchmarks.check`
caches them), keeping what the stage hands to `build_brief`. Then, from those inputs alone:
- the fit: least squares (ridge on standardised features) of each summary candidate's own
  ROUGE-2 F1 against the roundup on `lead_features`, centred per story, on the even-numbered
  half and on the odd one, scaled to centroid 1.0; and the whole brief with each fit, per half;
- the ceilings (they read the reference): the best single candidate; the best three candidates
  alone (the brief's 3 sentences, the text the target scores since check-17); the best three
  with "Only X reports:" before one when any is single-source, followed by the brief's own
  disputed and figure lines (the shape read before check-17: 3 lines at least, one of them on
  what only one outlet reports).

Run: `CHECKBENCH_CACHE=... NEWSWEAVE_SHARED=... PYTHONPATH=src .venv/bin/python -m
benchmarks.check.brief_fit` (prints Markdown; about 20 s once readings are cached).
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Sequence

import numpy as np

from .brief import Roundup, load
from .rouge import rouge_n
from .stage import run_check

FEATURES = ("centroid", "shared", "headline", "words", "question")
RIDGE = 10.0
# The extra lines the ceiling keeps from the stage's own brief.
_KEPT = ("Disputed", "Revised: ")


def fit(
    rows: Sequence[tuple[np.ndarray, np.ndarray]], ridge: float = RIDGE
) -> np.ndarray:  # fmt: skip
    """Weights (first one scaled to 1) of the ridge fit of y on X, each story centred.

    >>> X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [0.0, 0.0]])
    >>> [round(float(w), 2) for w in fit([(X, X[:, 0] * 2 + X[:, 1])], ridge=0.0)]
    [1.0, 0.5]
    """
    xs = [x - x.mean(0) for x, _ in rows if len(x)]
    ys = [y - y.mean() for x, y in rows if len(x)]
    X, y = np.vstack(xs), np.concatenate(ys)
    sd = X.std(0) + 1e-12
    Z = X / sd
    w = np.linalg.solve(Z.T @ Z + ridge * np.eye(X.shape[1]), Z.T @ y) / sd
    return w / w[0]


def _captured(roundups: list[Roundup]) -> list[tuple[Roundup, tuple, dict]]:
    import newsweave.check.stage as stage

    calls: list[tuple[tuple, dict]] = []
    original = stage.build_brief

    def keep(*args, **kwargs):
        calls.append((args, kwargs))
        return original(*args, **kwargs)

    stage.build_brief = keep
    try:
        out = []
        for r in roundups:
            calls.clear()
            run_check(f"allsides-{r.story}", r.articles)
            if calls:
                out.append((r, *calls[-1]))
        return out
    finally:
        stage.build_brief = original


def _candidates(args: tuple, kwargs: dict):
    from newsweave.check import brief

    propositions, _, claims_of, claims, docs = args[:5]
    by_sentence = defaultdict(list)
    for c in claims:
        by_sentence[(c.article_id, c.sentence)].append(c)
    proposition_of = {c.id: p for p in propositions for c in claims_of[p.id]}
    cands = brief._candidates(docs, by_sentence)
    feats, _ = brief.lead_features(cands, docs, kwargs.get("sources") or {})
    single = [
        all(p.status == "single_source"
            for p in brief.sentence_propositions(by_sentence[c[:2]], proposition_of))
        for c in cands
    ]  # fmt: skip
    return cands, feats, single


def _brief_r2(stories, weights: dict[str, float]) -> float:
    """Mean ROUGE-2 of the brief's sentences (kind "summary") with these weights."""
    from newsweave.check import brief

    saved = dict(brief.LEAD_WEIGHTS)
    brief.LEAD_WEIGHTS.clear()
    brief.LEAD_WEIGHTS.update(weights)
    try:
        scores = [
            rouge_n(
                " ".join(x.text for x in brief.build_brief(*a, **k) if x.kind == "summary"),
                r.reference,
                2,
            )
            for r, a, k in stories
        ]
    finally:
        brief.LEAD_WEIGHTS.clear()
        brief.LEAD_WEIGHTS.update(saved)
    return sum(scores) / len(scores)


def _best_three_alone(r: Roundup, cands) -> float:
    combos = itertools.combinations(range(len(cands)), min(3, len(cands)))
    return max(
        (rouge_n(" ".join(cands[i][2] for i in c), r.reference, 2) for c in combos), default=0.0
    )


def _best_three(r: Roundup, cands, single, extra: str) -> float:
    best = 0.0
    for combo in itertools.combinations(range(len(cands)), min(3, len(cands))):
        lines = [cands[i][2] for i in combo]
        ones = [j for j, i in enumerate(combo) if single[i]]
        if any(single) and not ones:
            continue
        if ones:
            lines[ones[0]] = "Only X reports: " + lines[ones[0]]
        best = max(best, rouge_n(" ".join(lines) + " " + extra, r.reference, 2))
    return best


def run() -> str:
    """The Markdown tables of the fit and the ceilings."""
    from newsweave.check import brief

    stories = _captured([r for r in load() if r.articles])
    halves: dict[str, Callable[[Roundup], bool]] = {
        "even": lambda r: int(r.story) % 2 == 0,
        "odd": lambda r: int(r.story) % 2 == 1,
    }
    rows, single_best, three_alone, three_best = {}, {}, {}, {}
    for r, a, k in stories:
        cands, feats, single = _candidates(a, k)
        y = np.array([rouge_n(c[2], r.reference, 2) for c in cands])
        rows[r.story] = (np.array([[f[n] for n in FEATURES] for f in feats]).reshape(-1, 5), y)
        single_best[r.story] = float(y.max()) if len(y) else 0.0
        extra = " ".join(x.text for x in brief.build_brief(*a, **k) if x.text.startswith(_KEPT))
        three_best[r.story] = _best_three(r, cands, single, extra)
        three_alone[r.story] = _best_three_alone(r, cands)
    part = {h: [s for s in stories if keep(s[0])] for h, keep in halves.items()}
    part["all"] = stories

    def mean(values: dict[str, float], h: str) -> float:
        return sum(values[s[0].story] for s in part[h]) / len(part[h])

    out = [
        "| brief's sentences scored by | "
        + " | ".join(FEATURES)
        + " | corroborated | all | even | odd |",
        "| --- |" + " ---: |" * (len(FEATURES) + 4),
    ]
    fits = {"LEAD_WEIGHTS (check/brief.py)": dict(brief.LEAD_WEIGHTS)}
    for h in ("even", "odd"):
        w = fit([rows[s[0].story] for s in part[h]])
        fits[f"fitted on the {h} half"] = dict(zip(FEATURES, map(float, w), strict=True))
    for name, weights in fits.items():
        cells = " | ".join(f"{weights.get(n, 0.0):.2f}" for n in (*FEATURES, "corroborated"))
        r2 = " | ".join(f"{_brief_r2(part[h], weights):.3f}" for h in ("all", "even", "odd"))
        out.append(f"| {name} | {cells} | {r2} |")
    out += [
        "",
        "| ceiling (reads the reference) | all | even | odd |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name, values in (
        ("the best single candidate alone", single_best),
        ("the best 3 candidates alone (the brief's sentences)", three_alone),
        ("the best 3 candidates, one as 'Only X reports:', + disputed/figure lines", three_best),
    ):
        out.append(
            f"| {name} | " + " | ".join(f"{mean(values, h):.3f}" for h in ("all", "even", "odd"))
            + " |"
        )  # fmt: skip
    return "\n".join(out)


if __name__ == "__main__":
    print(run())
