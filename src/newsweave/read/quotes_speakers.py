"""Speakers: a quote's speaker mention ("Trump", "he", "the Chief of Staff") to a canonical name.

The names come from the article's name service (`read/names.py: ArticleNames`); what is the
speaker step's own is the order: the speakers are resolved in document order, so "he", "she"
or "I" takes the last named speaker ("it", "they" and "we" none: a thing or a group), a name
that does not reach the mention's last word only describes it, and a mention nothing names is
kept as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsweave.read.entities_vocab import ROLE_CORE
from newsweave.read.names import ArticleNames
from newsweave.read.quotes_vocab import DESCRIPTION_DETERMINERS, PRONOUNS, THING_PRONOUNS

_PRONOUNS = frozenset(PRONOUNS)
_DETERMINERS = frozenset(DESCRIPTION_DETERMINERS)
_THINGS = frozenset(THING_PRONOUNS)
_ROLES = frozenset(ROLE_CORE)


@dataclass(slots=True)
class SpeakerResolver:
    """Resolves speaker mentions in document order, remembering the last named speaker.

    Args:
        names: the article's names (its text, entities and the light pass's PERSON spans).

    Example:
        >>> text = 'Donald Trump spoke. "Go," Trump said. "Now," he said.'
        >>> r = SpeakerResolver(ArticleNames(text, persons=[(0, 12), (26, 31)]))
        >>> r.resolve("Trump", 26, 31), r.resolve("he", 45, 47)
        ('Donald Trump', 'Donald Trump')
    """

    names: ArticleNames
    last_person: str | None = None

    def resolve(self, mention: str, start: int, end: int) -> str | None:
        """Canonical name for the mention at text[start:end]; None when nothing fits."""
        low = mention.lower().strip()
        if low in _THINGS:
            return None  # "it hoped to reopen": a thing nothing here names
        ent = self.names.entity_at(start, end)
        if ent is not None and not _at_head(ent.start, ent.end, mention, start):
            # a name before the head describes it: "a pop-up solicitation on People for the
            # American Way's website" is no "American" (AllSides story 193), "The Indiana
            # governor" no "Indiana", "Clinton supporters" no "Hillary Clinton"; nor does
            # one after it: "Senator from Texas" is no "Texas" (PolNeAR dev)
            return mention.strip() or None
        if ent is not None:
            if ent.label == "PERSON":
                self.last_person = ent.canonical
            return ent.canonical
        core = _core(mention)
        name = self.names.person_at(start, start + len(core))
        if name is None and mention[:1].isupper() and low.split()[0] not in _DETERMINERS:
            name = self.names.known_person(core)
        if name is not None:
            self.last_person = name
            return name
        if low in _PRONOUNS:
            # "he said" after a named speaker: the last named person is the usual antecedent.
            return self.last_person or self.names.person_before(start)
        if low.split()[0] in _DETERMINERS or not mention[:1].isupper():
            role = self.names.by_role(mention, start)
            if role is not None:
                return role
        return mention.strip() or None


def _core(mention: str) -> str:
    """The mention without what follows its head: a trailing parenthesis ("Sen. Warren
    (D-Mass.)") and a title's "from" phrase ("the senator from Vermont"; "a poll from Marquette
    Law School" names its source, and keeps it)."""
    core = re.sub(r"\s*\([^()]*\)\s*$", "", mention).rstrip()
    head, sep, _ = core.partition(" from ")
    return head if sep and (head.split() or [""])[-1].lower() in _ROLES else core


def _at_head(ent_start: int, ent_end: int, mention: str, start: int) -> bool:
    """Whether a name inside the mention at `start` reaches its head, the last word of its
    core (`_core`; the head in English) and no further."""
    core = _core(mention)
    words = core.split()
    head = start + len(core) - len(words[-1]) if words else start
    return ent_end >= head and ent_start < start + len(core)
