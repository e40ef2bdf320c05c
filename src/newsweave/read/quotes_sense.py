"""Who can speak: captions, page elements and documents are not speakers.

A cue's source decides what it reports. A caption or heading before a colon ("WATCH: ...",
"PHOTO: ...", "Key Facts: ...") is no speaker at all; a page element ("the caption says") is
no voice; a document ("a new poll shows", "the report found") states a finding, not speech.
People, organisations acting as one ("the White House said") and roles ("a spokeswoman") speak.

Example:
    >>> from newsweave.read.quotes_parse import CueMatch
    >>> text = "A new poll shows that most voters back the plan."
    >>> judge(CueMatch("shows", 11, (0, 10), (17, 48)), text, ()).kind
    'finding'
    >>> judge(CueMatch(":", 5, (0, 5), (7, 20)), "WATCH: the mayor speaks", ()) is None
    True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from newsweave.read.quotes_parse import CueMatch
from newsweave.read.quotes_vocab import (
    CAPTION_WORDS,
    DOCUMENT_SOURCES,
    PAGE_ELEMENT_SOURCES,
    SOURCE_HEAD_STOPS,
)

__all__ = ["judge", "source_head"]

_WORD = re.compile(r"[\w']+")
_CAPTIONS = frozenset(CAPTION_WORDS)
_DOCUMENTS = frozenset(DOCUMENT_SOURCES)
_PAGE = frozenset(PAGE_ELEMENT_SOURCES)
_STOPS = frozenset(SOURCE_HEAD_STOPS)


def source_head(mention: str) -> str:
    """The head word of a source mention, lower case: its last word before a preposition.

    Example:
        >>> source_head("Data from the Census Bureau"), source_head("a new Quinnipiac poll")
        ('data', 'poll')
    """
    words = []
    for w in _WORD.findall(mention.lower()):
        if w in _STOPS or w.endswith("'s"):
            break
        words.append(w)
    return words[-1] if words else ""


def judge(match: CueMatch, text: str, entities: Sequence[tuple[int, int]]) -> CueMatch | None:
    """The cue as its source allows: None when the source is a caption, heading or page
    element; kind "finding" when a document speaks; unchanged otherwise.

    Args:
        match: a cue found in a sentence.
        text: the article text (the match's offsets index it).
        entities: (start, end) of the article's person, organisation, place and nationality
            mentions; a name-colon head must hold one (or be a transcript's all-caps name).
    """
    if match.speaker is None:
        return match
    s, e = match.speaker
    mention = text[s:e]
    words = {w.lower() for w in _WORD.findall(mention)}
    if match.cue == ":":
        if words & _CAPTIONS:
            return None  # "WATCH:", "PHOTO:", "Source:" (the parse step drops most already)
        named = any(a < e and s < b for a, b in entities)
        if not named and not mention.isupper():
            return None  # a title-case heading ("Key Facts:"), not a speaker
        return match
    head = source_head(mention)
    if head in _PAGE:
        return None
    if head in _DOCUMENTS and match.speech:
        return replace(match, kind="finding")
    return match
