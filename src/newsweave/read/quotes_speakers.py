"""Speaker resolution: a mention ("Trump", "he", "the Chief of Staff") to a canonical name.

Kept apart so the entity module's resolver can replace `SpeakerResolver.resolve` later.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsweave.model import Entity
from newsweave.read.quotes_vocab import (
    DESCRIPTION_DETERMINERS,
    PRONOUNS,
    ROLE_STOPWORDS,
    ROLE_SYNONYMS,
)

_WORD = re.compile(r"[\w\u2019']+")
_ROLE_STOP = frozenset(ROLE_STOPWORDS)
_PRONOUNS = frozenset(PRONOUNS)
_DETERMINERS = frozenset(DESCRIPTION_DETERMINERS)
# Context before a name that may state its role ("Russian Chief of General Staff X").
_ROLE_WINDOW_CHARS = 50
_CLAUSE_BREAK = re.compile(r"[.,;:\n()]")


def _words(s: str) -> set[str]:
    words = {w.lower() for w in _WORD.findall(s)} - _ROLE_STOP
    return {ROLE_SYNONYMS.get(w, w) for w in words}


@dataclass(slots=True)
class SpeakerResolver:
    """Resolves speaker mentions in document order, remembering the last named speaker.

    Args:
        text: the article text.
        entities: entities from the entity step (canonical names, roles); may be empty.
        persons: (start, end) of PERSON mentions found by the light pass, used when
            `entities` is empty.
    """

    text: str
    entities: Sequence[Entity] = ()
    persons: Sequence[tuple[int, int]] = ()
    last_person: str | None = None
    _full: dict[str, str] = field(default_factory=dict)

    def resolve(self, mention: str, start: int, end: int) -> str | None:
        """Canonical name for the mention at text[start:end]; None when nothing fits."""
        low = mention.lower().strip()
        ent = self._entity_at(start, end)
        if ent is not None:
            if ent.label == "PERSON":
                self.last_person = ent.canonical
            return ent.canonical
        name = self._person_at(start, end)
        if name is None and mention[:1].isupper() and low.split()[0] not in _DETERMINERS:
            name = self._known_person(mention)
        if name is not None:
            self.last_person = name
            return name
        if low in _PRONOUNS:
            # "he said" after a named speaker: the last named person is the usual antecedent.
            return self.last_person or self._person_before(start)
        if low.split()[0] in _DETERMINERS or not mention[:1].isupper():
            role = self._by_role(mention, start)
            if role is not None:
                return role
        return mention.strip() or None

    def _known_person(self, mention: str) -> str | None:
        """A capitalised mention whose last word ends a PERSON named in the article."""
        last = mention.split()[-1]
        for s, e in self.persons:
            if self.text[s:e].split()[-1] == last:
                return self._full_name(self.text[s:e])
        return None

    def _entity_at(self, start: int, end: int) -> Entity | None:
        hits = [e for e in self.entities if e.start < end and start < e.end]
        if not hits:
            return None
        return max(hits, key=lambda e: (e.label == "PERSON", min(end, e.end) - max(start, e.start)))

    def _person_at(self, start: int, end: int) -> str | None:
        for s, e in self.persons:
            if s < end and start < e:
                return self._full_name(self.text[s:e])
        return None

    def _full_name(self, name: str) -> str:
        """'Trump' -> 'Donald Trump' when the article named him in full before."""
        if name in self._full:
            return self._full[name]
        best = name
        for s, e in self.persons:
            full = self.text[s:e]
            if len(full) > len(best) and full.split()[-1] == name.split()[-1]:
                best = full
        self._full[name] = best
        return best

    def _person_before(self, start: int) -> str | None:
        before = [(s, e) for s, e in self.persons if e <= start]
        return self._full_name(self.text[before[-1][0] : before[-1][1]]) if before else None

    def _by_role(self, mention: str, start: int) -> str | None:
        """'the Chief of Staff' -> the person the article gave that role, most recent first."""
        want = _words(mention)
        if not want:
            return None
        best: tuple[int, int, str] | None = None
        for e in self.entities:
            if e.role and e.start < start:
                score = len(want & _words(e.role))
                if score and (best is None or (score, e.start) > best[:2]):
                    best = (score, e.start, e.canonical)
        if best is None:
            for s, e in self.persons:
                if s >= start:
                    break
                score = len(want & _words(self._role_context(s, e)))
                # a description needs its head word in the context ("Chief", not just "Russian")
                if score >= max(1, len(want) - 1) and (best is None or (score, s) >= best[:2]):
                    best = (score, s, self._full_name(self.text[s:e]))
        return best[2] if best else None

    def _role_context(self, s: int, e: int) -> str:
        """Words stating a name's role: the clause just before it, or its appositive."""
        # the role belongs to this name only: stop at the previous name
        floor = max([pe for ps, pe in self.persons if pe <= s] + [s - _ROLE_WINDOW_CHARS, 0])
        pre = self.text[floor:s]
        cut = [m.end() for m in _CLAUSE_BREAK.finditer(pre)]
        pre = pre[cut[-1] :] if cut else pre
        post = ""
        if self.text.startswith(", ", e):
            stop = _CLAUSE_BREAK.search(self.text, e + 2)
            # an appositive is closed by a comma: ", the Ukrainian Chief of General Staff,"
            if stop and self.text[stop.start()] == ",":
                post = self.text[e + 2 : stop.start()]
        return pre + " " + post
