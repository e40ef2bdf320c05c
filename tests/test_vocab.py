"""The shared vocabularies (src/newsweave/vocab.py)."""

from __future__ import annotations

import pytest

from newsweave import vocab


def test_vocab_stop_words_equal_scikit_learns_list() -> None:
    text = pytest.importorskip("sklearn.feature_extraction.text", reason="scikit-learn absent")
    assert vocab.ENGLISH_STOP_WORDS == text.ENGLISH_STOP_WORDS


def test_vocab_month_numbers_cover_every_english_month_word() -> None:
    numbers = dict(vocab.MONTH_NUMBERS)
    assert [numbers[m] for m in vocab.MONTH_NAMES] == list(range(1, 13))
    assert all(w in numbers for w in vocab.ENGLISH_MONTH_WORDS)
    assert numbers["sept"] == 9 and numbers["märz"] == 3


def test_vocab_weekdays_in_date_weekday_order() -> None:
    from datetime import date

    monday = date(2026, 11, 30)
    assert vocab.WEEKDAYS[monday.weekday()] == "monday"
    assert vocab.WEEKDAYS[date(2026, 12, 6).weekday()] == "sunday"
