"""The PolNeAR scorer's items: what counts as one prediction (no PolNeAR data needed)."""

from __future__ import annotations

from benchmarks.polnear import is_speech_cue, to_preds

from newsweave.model import Quote

TEXT = "Ann Lee said the mayor had told her that the pier would open in May."


def _quote(fragment: str, speaker: str, cue: str) -> Quote:
    start = TEXT.index(fragment)
    return Quote(fragment, speaker, speaker, cue, False, start, start + len(fragment))


def test_bench_polnear_nested_indirect_quote_is_not_scored_apart() -> None:
    outer = _quote("the mayor had told her that the pier would open in May", "Ann Lee", "said")
    inner = _quote("that the pier would open in May", "the mayor", "told")
    preds = to_preds([outer, inner], TEXT)
    assert [p.spans for p in preds] == [((outer.start, outer.end),)]
    assert len(to_preds([outer, inner], TEXT, nested=True)) == 2


def test_bench_polnear_same_span_twice_is_kept() -> None:
    a = _quote("the pier would open in May", "Ann Lee", "said")
    b = _quote("the pier would open in May", "the mayor", "told")
    assert len(to_preds([a, b], TEXT)) == 2


def test_bench_polnear_speech_cue_past_adverbs() -> None:
    assert is_speech_cue("has long said", "Ann Lee")
    assert not is_speech_cue("believes", "Ann Lee")
    assert is_speech_cue("\u2015", None)
    assert is_speech_cue("--", None)


def test_bench_polnear_speech_cue_past_modals_and_contractions() -> None:
    assert is_speech_cue("should say", "I")
    assert is_speech_cue("\u2019s claiming", "He")
    assert not is_speech_cue("\u2019s denouncing", "He")


def test_bench_polnear_quoted_words_of_a_reported_clause_are_one_item() -> None:
    text = 'Ann Lee said that, "of course the pier will open" before the storms come.'
    start = text.index("that")
    clause = Quote(text[start:-1], "Ann Lee", "Ann Lee", "said", False, start, len(text) - 1)
    words = "of course the pier will open"
    w = text.index(words)
    direct = Quote(words, "Ann Lee", "Ann Lee", "said", True, w, w + len(words))
    other = Quote(words, "Bo Ray", "Bo Ray", "told", True, w, w + len(words))
    assert len(to_preds([clause, direct], text)) == 1
    assert len(to_preds([clause, other], text)) == 2
