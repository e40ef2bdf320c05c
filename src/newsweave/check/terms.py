"""Words the check stage compares: content-word stems, cross-article entity keys, number keys.

Stop words come from their one home (group/features.py); stems from the Snowball English
stemmer ("regained"/"regain", "captured"/"capture"), so inflected paraphrases share terms.
"""

from __future__ import annotations

import re

import snowballstemmer

from ..group.features import STOP_WORDS
from ..model import Number
from ..read.names import canonical_id

_WORD = re.compile(r"[^\W_]+(?:[.,]\d+)*", re.UNICODE)
_STEMMER = snowballstemmer.stemmer("english")


# word -> its stem, or "" for a word that is no content word: one dict lookup a word (the
# check stage asks for 330,000 texts' stems on 300 WCXB pages; lru_cache's call and the stop
# word test cost more than the stemming). Bounded: cleared when it holds MAX_STEMS words.
_STEMS: dict[str, str] = {}
MAX_STEMS = 200_000


def _stem(word: str) -> str:
    if len(_STEMS) >= MAX_STEMS:
        _STEMS.clear()
    stem = (
        ""
        if word in STOP_WORDS or (len(word) < 2 and not word.isdigit())
        else (_STEMMER.stemWord(word))
    )
    _STEMS[word] = stem
    return stem


def content_stems(text: str) -> list[str]:
    """Stems of the content words of a text, in order (stop words and one-letter words dropped).

    Example:
        >>> content_stems("Russian forces had regained over 86% of the territory")
        ['russian', 'forc', 'regain', '86', 'territori']
    """
    get = _STEMS.get
    out = []
    for w in _WORD.findall(text.lower()):
        stem = get(w)
        if stem is None:
            stem = _stem(w)
        if stem:
            out.append(stem)
    return out


def entity_key(name: str, label: str) -> str:
    """The key two articles share for one entity: a person by surname stem, others by name.

    Canonical names are resolved within one article, and another article may only ever say
    "Gerasimov": the surname matches across articles (as grouping does).

    Example:
        >>> entity_key("Valery Gerasimov", "PERSON"), entity_key("Gerasimov", "PERSON")
        ('person:gerasimov', 'person:gerasimov')
    """
    key = canonical_id(name, label)
    return ":".join(key.split(":")[:2]) if label == "PERSON" else key


def speaker_key(name: str | None) -> str | None:
    """The cross-article key of a speaker's canonical name (a person's surname stem)."""
    if not name:
        return None
    return entity_key(name, "PERSON") or None


def number_key(n: Number) -> tuple[float, str | None]:
    """What two figures must share to state the same value: the value and its unit."""
    return (round(n.value, 6), n.unit)
