"""The learned line classifier: two logistic regressions, weights in data/scraped_weights.json.

Plain Python on purpose: scoring a page is a few hundred dot products over ~60 features, so
no array library is needed at run time.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from .scraped_features import (
    LOG_WORDS,
    STAGE1_FEATURES,
    STAGE2_FEATURES,
    neighbour_features,
    page_features,
)

WEIGHTS_RESOURCE = "scraped_weights.json"


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@dataclass(frozen=True, slots=True)
class Logistic:
    """One logistic regression over named features."""

    names: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float

    def __post_init__(self) -> None:
        if len(self.names) != len(self.weights):
            raise ValueError(f"{len(self.weights)} weights for {len(self.names)} features")

    def prob(self, x: Sequence[float]) -> float:
        """Probability of the positive class (article text) for one feature vector."""
        return _sigmoid(self.bias + sum(w * v for w, v in zip(self.weights, x, strict=True)))

    def to_dict(self) -> dict[str, Any]:
        return {"bias": self.bias, "weights": dict(zip(self.names, self.weights, strict=True))}

    @classmethod
    def from_dict(cls, d: dict[str, Any], names: tuple[str, ...]) -> Logistic:
        """Read weights saved by `to_dict`, in the order of `names`.

        Raises:
            ValueError: the saved features differ from `names` (weights of another version).
        """
        saved = d.get("weights") or {}
        if set(saved) != set(names):
            missing = sorted(set(names) - set(saved))
            extra = sorted(set(saved) - set(names))
            raise ValueError(
                f"scraped-cleaner weights do not match the features (missing {missing}, "
                f"unknown {extra}); retrain with benchmarks/train_scraped.py"
            )
        return cls(names, tuple(float(saved[n]) for n in names), float(d.get("bias", 0.0)))


@dataclass(frozen=True, slots=True)
class LineModel:
    """Stage 1 scores lines alone; stage 2 rescores them with their neighbours' scores.

    Args:
        stage1: logistic regression over STAGE1_FEATURES.
        stage2: logistic regression over STAGE2_FEATURES.
        threshold: a line is article text when its stage-2 probability reaches this.
    """

    stage1: Logistic
    stage2: Logistic
    threshold: float = 0.5

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold < 1.0:
            raise ValueError(f"threshold must be in (0, 1), got {self.threshold}")

    def stage1_scores(self, features: Sequence[Sequence[float]]) -> list[float]:
        return [self.stage1.prob(x) for x in features]

    def scores(
        self, lines: Sequence[str], repeats: Sequence[int] | None = None, context_pages: int = 0
    ) -> list[float]:
        """Probability that each (non-empty) line is article text.

        Args:
            lines: the page's non-empty lines in order.
            repeats: per line, the number of other pages of the outlet that hold it.
            context_pages: how many other pages `repeats` counts over.

        Returns:
            One probability per line.
        """
        if not lines:
            return []
        base = page_features(lines, repeats, context_pages)
        s1 = self.stage1_scores(base)
        sizes = [math.expm1(x[LOG_WORDS]) for x in base]
        extra = neighbour_features(s1, sizes)
        return [self.stage2.prob(b + e) for b, e in zip(base, extra, strict=True)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": "newsweave.scraped-weights/1",
            "threshold": self.threshold,
            "stage1": self.stage1.to_dict(),
            "stage2": self.stage2.to_dict(),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> LineModel:
        return cls(
            stage1=Logistic.from_dict(d["stage1"], STAGE1_FEATURES),
            stage2=Logistic.from_dict(d["stage2"], STAGE2_FEATURES),
            threshold=float(d.get("threshold", 0.5)),
        )


@lru_cache(maxsize=1)
def default_model() -> LineModel:
    """The shipped weights (loaded once)."""
    text = resources.files("newsweave").joinpath("data", WEIGHTS_RESOURCE).read_text("utf-8")
    return LineModel.from_dict(json.loads(text))
