"""Attribution shapes read without the parser agree with the parse on the common shapes."""

from __future__ import annotations

import pytest

from newsweave.read import nlp
from newsweave.read.quotes import _quoted, _scan, _sentences, _shape_ready
from newsweave.read.quotes_marks import quoted_spans
from newsweave.read.quotes_parse import attributions
from newsweave.read.quotes_shapes import shape_attribution


def _one(text: str):
    doc = nlp.doc(text)
    sents = _sentences(doc, text)
    assert len(sents) == 1
    return doc, sents


def _text(text: str, span: tuple[int, int] | None) -> str | None:
    return None if span is None else text[span[0] : span[1]]


_SHAPES = (
    ("The ferry runs in June, Ola Brekke said.", "Ola Brekke", "The ferry runs in June"),
    ('"We are ready for the storm," she said.', "she", "We are ready for the storm"),
    ("The ferry runs in June, said Ola Brekke.", "Ola Brekke", "The ferry runs in June"),
    ("Ola Brekke said the ferry runs in June.", "Ola Brekke", "the ferry runs in June"),
    ("Mayor Ola Brekke also said that the pier is safe.", "Mayor Ola Brekke",
     "that the pier is safe"),
    ("According to the harbour office, the ferry runs.", "the harbour office", "the ferry runs"),
    ("The pier is safe, the harbour office said on Monday.", "the harbour office",
     "The pier is safe"),
    ("Ola Brekke told reporters on Monday that the pier is safe.", "Ola Brekke",
     "that the pier is safe"),
    ("The pier is safe, she noted.", "she", "The pier is safe"),
)  # fmt: skip


@pytest.mark.parametrize("text, speaker, content", _SHAPES)
def test_read_quotes_shapes_common_shapes(text: str, speaker: str, content: str) -> None:
    doc, sents = _one(text)
    att = shape_attribution(sents[0], text)
    assert att is not None
    assert _text(text, att.speaker) == speaker
    assert _text(text, att.content).strip('"') == content
    assert att.speech


@pytest.mark.parametrize(
    "text",
    [
        "Ola Brekke said on Monday the ferry will run again.",  # modifier, then no "that"
        "Ola Brekke told reporters the ferry will run again.",  # addressee, then no "that"
        "Ola Brekke, who runs the ferry, said the pier is safe.",  # appositive speaker
        "The pier is safe, Brekke's deputy said.",  # possessive description
    ],
)
def test_read_quotes_shapes_leave_hard_cases_to_the_parser(text: str) -> None:
    _, sents = _one(text)
    assert shape_attribution(sents[0], text) is None


def test_read_quotes_shapes_two_cues_go_to_the_parser() -> None:
    text = "Ola Brekke said she believes the pier is safe."
    doc, sents = _one(text)
    quoted = _quoted(doc, quoted_spans(text))
    assert _shape_ready([0], quoted, _scan(doc, sents, quoted)) == set()


def test_read_quotes_shapes_cue_inside_quote_marks_is_not_the_cue() -> None:
    text = '"I think the pier is safe," Ola Brekke said.'
    doc, sents = _one(text)
    quoted = _quoted(doc, quoted_spans(text))
    assert _shape_ready([0], quoted, _scan(doc, sents, quoted)) == {0}
    att = shape_attribution(sents[0], text, quoted)
    assert att is not None and att.cue == "said"
    assert _text(text, att.speaker) == "Ola Brekke"


def test_read_quotes_shapes_agree_with_the_parse() -> None:
    text = "The ferry will run again in June, Ola Brekke said."
    _, sents = _one(text)
    shaped = shape_attribution(sents[0], text)
    parsed = attributions(nlp.parse([text])[0], 0)
    assert shaped is not None and len(parsed) == 1
    assert (shaped.cue, shaped.speaker, shaped.content) == (
        parsed[0].cue,
        parsed[0].speaker,
        parsed[0].content,
    )
