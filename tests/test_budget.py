"""The per-document time budget: an input whose extraction runs too long fails with one line,
and the batch goes on."""

from __future__ import annotations

import time

import pytest

from conftest import html_page, run_inputs
from newsweave.budget import time_budget
from newsweave.errors import InputError


def test_budget_slow_extraction_fails_and_the_batch_goes_on(tmp_path, monkeypatch):
    import newsweave.pipeline as pipeline

    real = pipeline.extract

    def slow_for_one(raw, settings, context=None, today=None):
        while raw.source.endswith("a-slow.html"):  # a pathological page: work that never ends
            time.sleep(0.01)
        return real(raw, settings, context, today)

    warm = tmp_path / "warm.html"
    warm.write_text(html_page(94), "utf-8")
    run_inputs([warm])  # the first extraction of a process loads its models: not in the budget
    monkeypatch.setattr(pipeline, "extract", slow_for_one)
    (tmp_path / "a-slow.html").write_text(html_page(92), "utf-8")
    (tmp_path / "b-good.html").write_text(html_page(93), "utf-8")
    inputs = [tmp_path / "a-slow.html", tmp_path / "b-good.html"]
    arts, errors, _ = run_inputs(inputs, **{"extract.time_budget_seconds": 1.0})
    assert [a.source for a in arts] == [str(tmp_path / "b-good.html")], errors
    assert errors[0].source == str(tmp_path / "a-slow.html")
    assert errors[0].reason == (
        "extraction took over 1 s, the per-document time budget (raise --time-budget to allow more)"
    )


def test_budget_is_disarmed_after_the_block():
    with time_budget(0.2, "x"):
        pass
    time.sleep(0.3)  # no alarm may fire now


def test_budget_rejects_a_non_positive_budget():
    from newsweave.settings import ExtractSettings

    with pytest.raises(ValueError, match="time_budget_seconds must be > 0"):
        ExtractSettings(time_budget_seconds=0)
    assert issubclass(InputError, Exception)
