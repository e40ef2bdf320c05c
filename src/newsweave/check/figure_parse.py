"""What a span of time is of, read from a dependency parse of its sentence: for the few pairs
of durations the word rules of `figure_context` leave undecided (one unit, one or two shared
stems), so that two reports that word one span apart meet ("a term of five years" / "The term
of office of MPs is five years"; "the killing by police of a boy, Alexandros Grigoropoulos,
eight days ago" / "The teenager was shot and killed by police in Athens eight days ago").

A duration's role (`Role`) is the noun it measures ("a term of five years", "the term is five
years": term) and, for "N days ago", the words of the event it dates. Only the sentences of
undecided pairs are parsed (spaCy's tagger and parser, `read.nlp.parse`), in one batch, on one
thread, each sentence once per process (up to `MAX_PARSED`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..read.entities_vocab import DURATION_UNITS
from .terms import content_stems

# Dependency labels that tie a number to the noun it counts ("two dozen units": two -> dozen ->
# units), climbed at most this many times.
_TO_NOUN = frozenset(("nummod", "quantmod", "compound", "nmod"))
CLIMB_STEPS = 3
# How far up from "ago" the words of the event it dates are looked for (the parse hangs "ago"
# from the nearest noun: "the killing by police of a boy, Alexandros Grigoropoulos, eight days
# ago" hangs it from the name).
DATED_STEPS = 8
_SUBJECTS = frozenset(("nsubj", "nsubjpass"))
# A copula says what its subject is: "The term of office is five years" (the tag table maps
# "is" to VERB, so it is known by its word).
_COPULAS = frozenset(("is", "was", "are", "were", "be", "been", "being", "'s"))
DURATIONS = frozenset(DURATION_UNITS)
# Sentences kept parsed per process: a story parses a few; the memo is cleared when full.
MAX_PARSED = 5_000


@dataclass(frozen=True, slots=True)
class Role:
    """What a duration's sentence says it is of, as stems (empty when the parse does not
    say)."""

    owner: str | None = None  # "a term of five years", "The term ... is five years": term
    # "N days ago": the common nouns and verbs from it up to its verb ("was killed ... eight
    # days ago": kill; "the killing by police of a boy, ..., eight days ago": boy, kill, ...)
    dated: frozenset[str] = frozenset()


def _stem(word: str) -> str | None:
    found = content_stems(word)
    return found[0] if found else None


def _number_token(doc: Any, start: int, end: int) -> Any:
    """The first number token inside the figure's characters (after its qualifier)."""
    inside = [t for t in doc if start <= t.idx < end]
    return next((t for t in inside if t.like_num or t.pos_ == "NUM"), inside[0] if inside else None)


def _dated(tok: Any) -> frozenset[str]:
    """The stems of the common nouns and verbs from `tok` up to the first verb, itself
    included."""
    out = set()
    for _ in range(DATED_STEPS):
        if tok.pos_ in ("NOUN", "VERB") and (stem := _stem(tok.text)):
            out.add(stem)
        if tok.pos_ == "VERB" or tok.head is tok:
            break
        tok = tok.head
    return frozenset(out)


def role(doc: Any, start: int, end: int) -> Role:
    """The role of the duration at characters [start, end) of a parsed sentence (`parsed`).

    Example:
        >>> text = "They were elected for a term of five years."
        >>> role(parsed([text])[text], text.index("five"), text.index(".")).owner
        'term'
    """
    tok = _number_token(doc, start, end)
    if tok is None:
        return Role()
    noun = tok
    for _ in range(CLIMB_STEPS):
        if noun.dep_ not in _TO_NOUN or noun.head is noun:
            break
        noun = noun.head
    if noun.lower_ not in DURATIONS:
        return Role()
    gov, via = noun.head, noun.dep_
    if via == "npadvmod" and gov.lower_ == "ago":
        return Role(dated=_dated(gov.head))
    if via == "pobj" and gov.dep_ == "prep" and gov.lower_ == "of" and gov.head.pos_ == "NOUN":
        return Role(owner=_stem(gov.head.text))  # "a term of five years"
    if via == "attr" and gov.lower_ in _COPULAS:
        subject = next((c for c in gov.children if c.dep_ in _SUBJECTS), None)
        if subject is not None and subject.pos_ == "NOUN":
            return Role(owner=_stem(subject.text))  # "The term of office of MPs is five years"
    return Role()


def same_span(a: Role, b: Role) -> bool:
    """Whether two durations are one span by their roles: the span of one thing ("a term of
    five years" / "The term ... is seven years") or the time since one event ("was killed ...
    eight days ago" / "the killing ... two days ago").

    Example:
        >>> same_span(Role(owner="term"), Role(owner="term")), same_span(Role(), Role())
        (True, False)
    """
    return bool((a.owner and a.owner == b.owner) or a.dated & b.dated)


# What a sentence must show around a duration for the parse to find a role there: "ago" after
# it, or "of" or a copula before it ("a term of five years", "The term ... is five years"); a
# pair without it is not parsed.
_AGO = re.compile(r"\s+ago\b", re.IGNORECASE)
_OF_OR_IS = re.compile(r"\b(?:of|is|was|are|were|be|been)\s+$", re.IGNORECASE)


def shape(text: str, start: int, end: int) -> str | None:
    """ "ago", "of" (or a copula) or None: the shape of the duration at text[start:end], which
    two durations must share to be parsed (`same_span` can hold only then).

    Example:
        >>> [shape(t, t.index("five"), t.index(" years") + 6) for t in (
        ...     "for a term of five years", "The term is five years", "met for five years",
        ...     "was killed five years ago")]
        ['of', 'of', None, 'ago']
    """
    if _AGO.match(text, end):
        return "ago"
    return "of" if _OF_OR_IS.search(text, max(0, start - 8), start) else None


_PARSED: dict[str, Any] = {}


def parsed(sentences: Iterable[str]) -> Mapping[str, Any]:
    """Each sentence's parse (a spaCy Doc), parsed once per process, the new ones in one batch
    on one thread."""
    from ..read import nlp

    wanted = list(dict.fromkeys(sentences))
    todo = [s for s in wanted if s not in _PARSED]
    if todo:
        if len(_PARSED) + len(todo) > MAX_PARSED:
            _PARSED.clear()
        with nlp.one_thread():
            _PARSED.update(zip(todo, nlp.parse(todo), strict=True))
    return {s: _PARSED[s] for s in wanted}
