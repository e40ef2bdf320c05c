"""The check benchmark's docstring examples run as written (as tests/test_docs_examples.py
does for src/)."""

import doctest
import importlib

import pytest

MODULES = ("ecbxml", "pairs", "rouge", "brief", "planted")


@pytest.mark.parametrize("name", MODULES)
def test_bench_check_docs_examples_run(name):
    module = importlib.import_module(f"benchmarks.check.{name}")
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0 and result.failed == 0
