"""Quote extraction: a cue inside a clause is not an aside for the whole sentence."""

from __future__ import annotations

from newsweave.read import nlp
from newsweave.read.quotes import find_quotes


def test_read_quotes_aside_relative_clause_is_not_a_quote() -> None:
    # "what she described as" speaks for its object, not for the appositive and main clause
    text = (
        "Mira Tolle, who keeps a bakery on Ferry Lane near the dam, was stacking trays when "
        'she heard what she described as "a thud like a slammed door, then silence".'
    )
    found = find_quotes(text, nlp.doc(text))
    assert not any(q.text.startswith("Mira Tolle") for q in found), [q.text for q in found]
    assert all(text[q.start : q.end] == q.text for q in found)


def test_read_quotes_aside_trailing_said_still_reports_the_sentence() -> None:
    text = "Mira Tolle runs the bakery. The dam will hold through the winter, she said."
    found = find_quotes(text, nlp.doc(text))
    q = next(q for q in found if "dam will hold" in q.text)
    assert not q.direct
    assert q.speaker == "Mira Tolle"
