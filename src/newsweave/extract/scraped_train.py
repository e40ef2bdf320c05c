"""Training the scraped-text line classifier from pages whose main text is known.

Ground truth: a line of a flattened page is article text when most of its word trigrams occur
in the page's main content (a short line: when it equals a main-content line, or sits inside
the article between two article lines). The fitter is plain-Python SGD: ~200k lines x ~60
features train in about a minute on one core, and no array library becomes a dependency.
"""

from __future__ import annotations

import math
import random
import zlib
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from .scraped_features import (
    LOG_WORDS,
    STAGE1_FEATURES,
    STAGE2_FEATURES,
    line_key,
    neighbour_features,
    page_features,
)
from .scraped_model import LineModel, Logistic

_TRIGRAM_SHARE = 0.5  # a line is article text when at least this share of trigrams is
_MAX_SAMPLE_WORDS = 60  # a line's training weight grows with its words, capped here
_MAX_STEP_WEIGHT = 10.0  # no single line moves the weights more than this many average lines


def label_lines(lines: Sequence[str], main_content: str) -> list[int]:
    """1 for each line that belongs to the main content, else 0.

    Args:
        lines: the page's non-empty lines in order.
        main_content: the reference main text (paragraphs separated by newlines).

    Returns:
        One label per line.
    """
    main_words = line_key(main_content).split()
    trigrams = {tuple(main_words[i : i + 3]) for i in range(len(main_words) - 2)}
    main_lines = {line_key(m) for m in main_content.split("\n") if m.strip()}
    joined = " " + " ".join(main_words) + " "
    raw: list[int] = []
    for line in lines:
        words = line_key(line).split()
        if len(words) >= 3:
            grams = [tuple(words[i : i + 3]) for i in range(len(words) - 2)]
            share = sum(1 for g in grams if g in trigrams) / len(grams)
            raw.append(1 if share >= _TRIGRAM_SHARE else 0)
        elif not words:
            raw.append(0)
        elif " ".join(words) in main_lines:
            raw.append(1)
        else:
            # "About" occurs in the prose of many pages: short lines need their neighbours.
            raw.append(2 if f" {' '.join(words)} " in joined else 0)
    labels = []
    for i, value in enumerate(raw):
        if value == 2:
            prev_ok = i > 0 and raw[i - 1] == 1
            next_ok = i + 1 < len(raw) and raw[i + 1] == 1
            value = 1 if prev_ok and next_ok else 0
        labels.append(value)
    return labels


def site_of(url_or_id: str) -> str:
    """The host of a URL (without www.), or the string itself."""
    host = urlsplit(url_or_id).hostname if "://" in url_or_id else None
    return (host or url_or_id).removeprefix("www.")


def fold_of(url_or_id: str, folds: int) -> int:
    """A stable fold number per site, so no site is in both training and test data."""
    if folds < 2:
        raise ValueError(f"folds must be >= 2, got {folds}")
    return zlib.crc32(site_of(url_or_id).encode("utf-8")) % folds


def _standardize(rows: Sequence[Sequence[float]]) -> tuple[list[float], list[float]]:
    n, dim = len(rows), len(rows[0])
    mean = [sum(r[k] for r in rows) / n for k in range(dim)]
    std = []
    for k in range(dim):
        var = sum((r[k] - mean[k]) ** 2 for r in rows) / n
        std.append(math.sqrt(var) if var > 1e-12 else 1.0)
    return mean, std


def fit_logistic(
    rows: Sequence[Sequence[float]],
    labels: Sequence[int],
    weights: Sequence[float],
    names: tuple[str, ...],
    epochs: int = 6,
    l2: float = 1e-5,
    seed: int = 13,
) -> Logistic:
    """Weighted L2 logistic regression by SGD on standardized features.

    Args:
        rows: feature vectors.
        labels: 0/1 per row.
        weights: training weight per row.
        names: feature names, in vector order.
        epochs: passes over the data.
        l2: L2 penalty per update.
        seed: shuffling seed (training is deterministic).

    Returns:
        The model, its weights mapped back to the raw feature scale.
    """
    if not rows:
        raise ValueError("no training rows")
    if not len(rows) == len(labels) == len(weights):
        raise ValueError("rows, labels and weights must have the same length")
    mean, std = _standardize(rows)
    data = [
        ([(v - m) / s for v, m, s in zip(r, mean, std, strict=True)], y, w)
        for r, y, w in zip(rows, labels, weights, strict=True)
    ]
    mean_w = sum(weights) / len(weights)
    dim = len(names)
    coef = [0.0] * dim
    bias = 0.0
    rng = random.Random(seed)
    order = list(range(len(data)))
    step, lr0, decay = 0, 0.05, len(data)
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            x, y, w = data[i]
            z = bias + sum(c * v for c, v in zip(coef, x, strict=True))
            p = 1.0 / (1.0 + math.exp(-z)) if z >= -30 else 0.0
            lr = lr0 / (1.0 + step / decay)
            g = lr * (p - y) * min(w / mean_w, _MAX_STEP_WEIGHT)
            shrink = 1.0 - lr * l2
            coef = [c * shrink - g * v for c, v in zip(coef, x, strict=True)]
            bias -= g
            step += 1
    raw = [c / s for c, s in zip(coef, std, strict=True)]
    raw_bias = bias - sum(c * m / s for c, m, s in zip(coef, mean, std, strict=True))
    return Logistic(names, tuple(raw), raw_bias)


def repeat_counts(pages: Sequence[Sequence[str]]) -> list[list[int]]:
    """For each line of each page, on how many other pages the same line occurs."""
    df: dict[str, int] = {}
    keys = [[line_key(line) for line in lines] for lines in pages]
    for page_keys in keys:
        for k in set(page_keys):
            if k:
                df[k] = df.get(k, 0) + 1
    return [[df.get(k, 1) - 1 if k else 0 for k in page_keys] for page_keys in keys]


def sample_weight(words: float, page_words: float) -> float:
    """Training weight of a line: grows with its words, as its share of word F1 does.

    Measured on 300 pages (3-fold): weighting lines by their share of the page's words
    scored +0.6 F1 points, but it learns that short lines next to prose do not matter and
    keeps a short page's menu lines ("Top 5 This Week" above a headline), so the square root
    of the words stays.
    """
    return math.sqrt(min(words, _MAX_SAMPLE_WORDS)) + 0.5


def _with_context(index: int) -> bool:
    """Half of the training pages see the repetition features, half do not: the model
    must work on a single page as well as on a folder of the same outlet."""
    return index % 2 == 0


def train_weights(
    pages: Iterable[tuple[str, str]], threshold: float = 0.5, epochs: int = 6
) -> LineModel:
    """Train both stages on (flattened text, main content) pairs.

    Args:
        pages: the pages to learn from.
        threshold: the decision threshold stored with the model.
        epochs: SGD passes per stage.

    Returns:
        The trained model.
    """
    prepared = []
    for text, main in pages:
        lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
        if lines:
            prepared.append((lines, label_lines(lines, main)))
    if not prepared:
        raise ValueError("no pages with text to train on")
    repeats = repeat_counts([lines for lines, _ in prepared])
    context_pages = len(prepared) - 1
    feats, labels, weights = [], [], []
    for n, (lines, y) in enumerate(prepared):
        ctx = _with_context(n)
        rows = page_features(lines, repeats[n] if ctx else None, context_pages if ctx else 0)
        feats.append(rows)
        labels.append(y)
        sizes = [math.expm1(r[LOG_WORDS]) for r in rows]
        page_words = sum(sizes) or 1.0
        weights.append([sample_weight(w, page_words) for w in sizes])

    def flat(nested: list[list]) -> list:
        return [v for page in nested for v in page]

    stage1 = fit_logistic(flat(feats), flat(labels), flat(weights), STAGE1_FEATURES, epochs=epochs)
    rows2 = []
    for rows in feats:
        s1 = [stage1.prob(x) for x in rows]
        sizes = [math.expm1(x[LOG_WORDS]) for x in rows]
        extra = neighbour_features(s1, sizes)
        rows2.append([b + e for b, e in zip(rows, extra, strict=True)])
    stage2 = fit_logistic(flat(rows2), flat(labels), flat(weights), STAGE2_FEATURES, epochs=epochs)
    return LineModel(stage1, stage2, threshold)
