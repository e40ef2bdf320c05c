"""Which sentences the entity recogniser must see: those that can hold an entity.

The recogniser costs about half of the full small pipeline. A sentence with no capitalised word
(past its first, unless that one is capitalised for its own sake), no digit, and no number or
time word holds nothing the reader keeps: no name, no number, no date. Such sentences are
skipped; runs of the other sentences are recognised as Docs of their own and their entities
copied back.

Example:
    >>> from newsweave.read import nlp
    >>> d = nlp.light().make_doc("It rained. Then it stopped. Ann Lee left.")
    >>> d = nlp.light().get_pipe("newsweave_sentences")(d)
    >>> ner_runs(d)
    [(7, 11)]
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy
from spacy.attrs import NORM, ORTH, SENT_START, SPACY
from spacy.tokens import Doc, Span

from .entities_vocab import FUNCTION_WORDS, NUMBER_WORDS, SCALES, TIME_WORDS
from .nlp_decode import decode_entities

__all__ = ["ner_runs", "recognise"]

# Words that make a lower-case sentence worth recognising: number words (CARDINAL confirms
# "five villages") and time words (times.py keeps a DATE entity only when it holds one of
# these or a year; "yesterday", "last week" are found by its own patterns).
_ENTITY_WORDS = frozenset(
    (
        *(w for w, _ in NUMBER_WORDS),
        *(w for w, _ in SCALES),
        *TIME_WORDS,
        *("half", "percent"),
    )
)
# A capitalised first word that is capitalised only because it starts the sentence.
_OPENERS = frozenset(
    (
        *FUNCTION_WORDS,
        *("he", "she", "it", "they", "we", "you", "i", "his", "her", "their", "its", "our"),
        *("there", "here", "then", "now", "so", "yet", "still", "when", "what", "who", "why"),
        *("how", "however", "meanwhile", "also", "even", "just", "only", "some", "many"),
        *("most", "all", "both", "each", "no", "such", "other", "another", "more", "one"),
    )
)


@lru_cache(maxsize=200_000)
def _needs(word: str) -> bool:
    """Whether a word can be (part of) an entity the reader keeps."""
    if any(c.isdigit() for c in word):
        return True
    if word[:1].isupper():
        return word != "I"
    return word in _ENTITY_WORDS


def _first_needs(word: str) -> bool:
    low = word.lower()
    return _needs(low) if low in _OPENERS else _needs(word)


def ner_runs(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of consecutive sentences that need the recogniser.

    Args:
        doc: a Doc with sentence starts (the light pass's rule-based sentences).

    Returns:
        (start, end) token ranges, in order; [(0, len(doc))] when every sentence needs it.
    """
    n = len(doc)
    if n == 0:
        return []
    orth, starts = doc.to_array([ORTH, SENT_START]).T
    strings = doc.vocab.strings
    bounds = numpy.flatnonzero(starts.astype(numpy.int64) == 1).tolist()
    if not bounds or bounds[0] != 0:
        bounds = [0, *bounds]
    bounds.append(n)
    words = [strings[int(u)] for u in orth.tolist()]
    runs: list[tuple[int, int]] = []
    for s, e in zip(bounds, bounds[1:], strict=False):
        k = s
        while k < e and words[k].isspace():
            k += 1
        need = k < e and (
            _first_needs(words[k]) or any(_needs(w) for w in words[k + 1 : e] if not w.isspace())
        )
        if not need:
            continue
        if runs and runs[-1][1] == s:
            runs[-1] = (runs[-1][0], e)
        else:
            runs.append((s, e))
    return runs


def _run_docs(doc: Doc, runs: list[tuple[int, int]]) -> list[Doc]:
    """Each run as a Doc of its own: same tokens, spaces, sentence starts (the recogniser
    keeps an entity inside one sentence) and norms (the tokenizer's exceptions set some:
    "n't" -> "not"; the recogniser reads them). Made from words, which costs about a sixth of
    `Span.as_doc` (that copies every token attribute)."""
    if not runs:
        return []
    arr = doc.to_array([ORTH, SPACY, SENT_START, NORM])
    orth, space, start, _ = arr.T.tolist()
    strings = doc.vocab.strings
    out = []
    for s, e in runs:
        starts = [True, *(v == 1 for v in start[s + 1 : e])]
        words = [strings[u] for u in orth[s:e]]
        spaces = [bool(v) for v in space[s:e]]
        run = Doc(doc.vocab, words=words, spaces=spaces, sent_starts=starts)
        out.append(run.from_array([NORM], arr[s:e, 3:]))
    return out


def recognise(docs: Sequence[Doc], ner: Any, batch_size: int) -> list[Doc]:
    """Run the recogniser over the sentence runs that need it; set entities.

    Args:
        docs: Docs with sentence starts and no entities yet.
        ner: the NER pipe (decoded by `nlp_decode.decode_entities`).
        batch_size: how many runs share one network pass.

    Returns:
        The same Docs, every token's entity annotation set ("O" outside entities).
    """
    jobs: list[tuple[int, int, Doc]] = []
    for k, d in enumerate(docs):
        runs = ner_runs(d)
        if runs == [(0, len(d))]:
            jobs.append((k, 0, d))
        else:
            jobs += [(k, s, run) for (s, _), run in zip(runs, _run_docs(d, runs), strict=True)]
    found: list[list[Span]] = [[] for _ in docs]
    for lo in range(0, len(jobs), batch_size):
        batch = jobs[lo : lo + batch_size]
        for (k, offset, _), ents in zip(
            batch, decode_entities(ner, [j[2] for j in batch]), strict=True
        ):
            found[k] += [Span(docs[k], offset + s, offset + e, label=lab) for s, e, lab in ents]
    for d, spans in zip(docs, found, strict=True):
        d.set_ents(spans, default="outside")
    return list(docs)
