"""Our greedy decoding of the recogniser finds exactly the entities spaCy's own loop finds."""

from __future__ import annotations

import pytest

from newsweave.read import nlp
from newsweave.read.nlp_decode import decode_entities

TEXTS = [
    # names of several tokens, an organisation, places, a date and a money amount
    "Mayor Elin Dahl of Ostwyn met the Northern Rail Workers Union in Bergholm on 4 May 2025 "
    "and promised $12.5 million for the new bridge.",
    # an entity on the last token (B is not valid there: it must be U or L)
    "The delegation flew home to Kaldor with Minister Arvid Solberg",
    # sentence starts bound entities; line breaks and double spaces are whitespace tokens
    "Talks resumed in Vintra.\n\nNobel laureate  Ines Okafor said on Tuesday that 40% of "
    'the 1,100 square kilometres were cleared. "We are not done," Okafor said.',
    # entities back to back, a nationality, an ordinal, a percentage, a time
    "Brazilian and Norwegian officials met for the third time at 9 a.m. Friday, said Lee Park "
    "of Reuters. United Nations envoy Sara Lind called it a first step.",
    "",
    "one",
    "Rome",
]


def _sentenced(text: str):
    light = nlp.light()
    return light.get_pipe("newsweave_sentences")(light.make_doc(text))


@pytest.mark.parametrize("batch", [1, len(TEXTS)])
def test_read_nlp_decode_matches_spacy_decoding(batch: int) -> None:
    ner = nlp.light().get_pipe("ner")
    ours: list[list[tuple[int, int, str]]] = []
    for lo in range(0, len(TEXTS), batch):
        ours += decode_entities(ner, [_sentenced(t) for t in TEXTS[lo : lo + batch]])
    theirs = [
        [(e.start, e.end, e.label_) for e in d.ents]
        for d in ner.pipe([_sentenced(t) for t in TEXTS], batch_size=batch)
    ]
    assert ours == theirs
    # the texts do exercise the decoder: multi-token entities and several labels
    labels = {label for found in ours for _, _, label in found}
    assert {"PERSON", "GPE", "ORG", "DATE"} <= labels
    assert any(e - s > 1 for found in ours for s, e, _ in found)


def test_read_nlp_decode_no_entity_crosses_a_sentence_start() -> None:
    doc = _sentenced("He moved to New\nYork Harbor Authority last year.")
    (found,) = decode_entities(nlp.light().get_pipe("ner"), [doc])
    starts = {t.i for t in doc if t.is_sent_start}
    assert all(not any(s < i < e for i in starts) for s, e, _ in found)


def test_read_nlp_decode_sentence_starts_inside_names() -> None:
    from spacy.tokens import Doc

    # sentence starts on every other token cut the names: entities must stop at them
    words = ["Mayor", "Elin", "Dahl", "visited", "New", "York", "City", "with", "Sara", "Lind"]
    starts = [i % 2 == 0 for i in range(len(words))]
    ner = nlp.light().get_pipe("ner")
    (found,) = decode_entities(ner, [Doc(nlp.light().vocab, words=words, sent_starts=starts)])
    (theirs,) = ner.pipe([Doc(nlp.light().vocab, words=words, sent_starts=starts)])
    assert found == [(e.start, e.end, e.label_) for e in theirs.ents]
    assert found and all(not any(starts[s + 1 : e]) for s, e, _ in found)


def test_read_nlp_decode_empty_batch() -> None:
    assert decode_entities(nlp.light().get_pipe("ner"), []) == []
