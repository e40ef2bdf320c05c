"""Shared fixtures. Real articles come from ../shared and are skipped with a reason when absent."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__import__("os").environ.get("NEWSWEAVE_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "corpus" / "seeds"
EXAMPLES = REPO / "examples" / "corpus"


@pytest.fixture(scope="session")
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed pair not found at {SEEDS} (../shared is absent in this checkout)")
    return SEEDS


@pytest.fixture(scope="session")
def seed_000(seeds: Path) -> Path:
    return seeds / "000_88877d2485751673.txt"


@pytest.fixture(scope="session")
def seed_003(seeds: Path) -> Path:
    return seeds / "003_9ab83285728062d1.txt"
