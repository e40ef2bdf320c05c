"""The benchmarks' docstring examples run as written (as tests/test_docs_examples.py
does for src/)."""

import doctest
import importlib
from pathlib import Path

import pytest

MODULES = ("ecbxml", "pairs", "rouge", "brief", "brief_fit", "planted", "events", "link_fit")

# the dataset loaders and scorers at benchmarks/ (they were in src/newsweave/bench, where
# tests/test_docs_examples.py ran their examples)
_BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
ROOT_MODULES = sorted(p.stem for p in _BENCHMARKS.glob("*.py") if ">>>" in p.read_text("utf-8"))


@pytest.mark.parametrize("name", MODULES)
def test_bench_check_docs_examples_run(name):
    module = importlib.import_module(f"benchmarks.check.{name}")
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0


def test_benchmarks_docs_examples_are_found():
    assert {"metadata", "polnear"} <= set(ROOT_MODULES), "the scan of benchmarks/ broke"


@pytest.mark.parametrize("name", ROOT_MODULES)
def test_benchmarks_docs_examples_run(name):
    module = importlib.import_module(f"benchmarks.{name}")
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    result = doctest.testmod(module, optionflags=flags)
    assert result.attempted > 0 and result.failed == 0
