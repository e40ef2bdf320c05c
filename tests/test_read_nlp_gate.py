"""The recogniser skips sentences that cannot hold an entity; the others keep their entities."""

from __future__ import annotations

from newsweave.read import nlp
from newsweave.read.nlp_gate import ner_runs

TEXT = (
    "Mayor Elin Dahl opened the bridge in Ostwyn. It was windy and everyone waited. "
    "The crowd cheered when the ribbon fell. Dahl said 12,000 cars will cross it daily, "
    "starting next week."
)


def test_read_nlp_gate_skips_sentences_without_entity_words() -> None:
    doc = nlp.light().get_pipe("newsweave_sentences")(nlp.light().make_doc(TEXT))
    runs = ner_runs(doc)
    covered = {i for s, e in runs for i in range(s, e)}
    words = {doc[i].text for i in covered}
    assert {"Elin", "Ostwyn", "Dahl", "12,000", "week"} <= words
    assert "windy" not in words and "cheered" not in words


def test_read_nlp_gate_entities_match_the_whole_text_pass() -> None:
    gated = nlp.doc(TEXT)
    whole = nlp.light()(TEXT)
    assert [(e.text, e.label_) for e in gated.ents] == [(e.text, e.label_) for e in whole.ents]
    assert all(t.ent_iob_ in ("B", "I", "O") for t in gated)


def test_read_nlp_gate_empty_and_blank_texts() -> None:
    assert len(nlp.doc("")) == 0
    assert list(nlp.doc("\n\n  ").ents) == []


def test_read_nlp_gate_run_docs_keep_tokens_starts_and_norms() -> None:
    from newsweave.read.nlp_gate import _run_docs

    text = "It was calm. Gov. Ann Roe of Ky. said she didn't know.\nThen rain."
    doc = nlp.light().get_pipe("newsweave_sentences")(nlp.light().make_doc(text))
    runs = [(3, len(doc) - 2)]
    (run,) = _run_docs(doc, runs)
    span = doc[3 : len(doc) - 2]
    assert [t.text_with_ws for t in run] == [t.text_with_ws for t in span]
    assert [t.norm_ for t in run] == [t.norm_ for t in span]
    assert "not" in [t.norm_ for t in run]  # the tokenizer's exception for "n't"
    assert [t.is_sent_start for t in run] == [True, *(t.is_sent_start for t in span[1:])]
    assert _run_docs(doc, []) == []
