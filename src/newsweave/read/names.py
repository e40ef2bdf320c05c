"""Names: the one home of what a name refers to, within an article and across articles.

Within one article:
- `person_canonicals`: a person's canonical name is the longest full name the article gives
  the same surname ("Putin" -> "Vladimir Putin"); `canonical_name` for the other labels (a
  country's short form, the gazetteer's spelling of a place). `read/entities.py` names its
  entities through them.
- `resolve_mention`: a mention ("Putin", "the Chief of Staff") to the canonical name of one
  of the article's entities; `ArticleNames` does the same at a mention's offsets for the quote
  step's speakers (an entity there, else a PERSON of the light pass named in full, else a role
  the article gave someone). `read/quotes_speakers.py` resolves speakers through it.
- `normalise_role`: a role spelled one way.

Across articles:
- `cross_article_name`: what grouping counts an entity by (a person by the last word of the
  canonical name: another article may only ever say "Reid").
- `canonical_id`: a stable id (a person by surname stem and first initial); the check stage
  compares entities and speakers by it.

Role form (documented choice): the title as the article writes it, with its nationality or
organisation prefix kept and determiners dropped ("Russian President", "Kremlin spokesperson",
"US Secretary of State"); a few titles are spelled one way ("Chief of General Staff" ->
"Chief of the General Staff", "spokesman"/"spokeswoman" -> "spokesperson").

Example:
    >>> ents = (Entity("Vladimir Putin", "PERSON", "Vladimir Putin", 0, 14),)
    >>> resolve_mention("Putin", ents), cross_article_name("Vladimir Putin", "PERSON")
    ('Vladimir Putin', 'Putin')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from ..model import Entity
from ..vocab import HONORIFICS
from .entities_places import fold, lookup
from .entities_vocab import (
    COUNTRY_SHORT_FORMS,
    DEMONYMS,
    ROLE_ALIASES,
    ROLE_SPELLINGS,
)

_DEMONYM = dict(DEMONYMS)
_HONORIFIC = frozenset(HONORIFICS)
_COUNTRY_SHORT = dict(COUNTRY_SHORT_FORMS)
_WORD = re.compile(r"[a-z0-9.]+(?:'[a-z]+)?")
_INITIALISM = re.compile(r"(?:[a-z]\.)+[a-z]")
# Transliterations of one Slavic surname ending: Zelensky/Zelenskyy/Zelenskiy/Zelenskii.
_ENDING = re.compile(r"(?:yy|iy|yi|ii|ij|yj)$")


def normalise_role(role: str) -> str:
    """Spell a role one way: determiners dropped, known titles respelled.

    Args:
        role: the role as written ("the Russian Chief of General Staff").

    Returns:
        The role ("Russian Chief of the General Staff").
    """
    out = re.sub(r"^(?:the|a|an)\s+", "", role.strip(), flags=re.IGNORECASE)
    for written, spelled in ROLE_SPELLINGS:
        out = re.sub(rf"\b{re.escape(written)}\b", spelled, out, flags=re.IGNORECASE)
    return out


def surname_stem(word: str) -> str:
    """A surname stem that transliterations share ("zelenskyy" -> "zelensky")."""
    w = re.sub(r"[^a-z]", "", word)
    w = _ENDING.sub("y", w)
    return re.sub(r"(.)\1+", r"\1", w) or word


class PersonMention(NamedTuple):
    """A person's mention as `person_canonicals` reads it.

    Args:
        text: the mention as written ("Vladimir Putin").
        first: its first word. last: its last word (the surname).
        words: how many words it has.
    """

    text: str
    first: str
    last: str
    words: int


def person_canonicals(mentions: Sequence[PersonMention]) -> list[str]:
    """The canonical name of each person mention of one article, given in text order.

    A mention of two or more words takes the longest mention with its first word and surname
    stem ("Donald Trump" -> "Donald John Trump" when the article writes both); a bare surname
    takes that of the nearest full name of its surname before it, else the first one after
    ("Putin" -> "Vladimir Putin"); a surname named in full nowhere stays as written.

    Example:
        >>> m = [PersonMention("Putin", "Putin", "Putin", 1),
        ...      PersonMention("Vladimir Putin", "Vladimir", "Putin", 2)]
        >>> person_canonicals(m)
        ['Vladimir Putin', 'Vladimir Putin']
    """
    full: dict[str, list[int]] = {}
    for k, m in enumerate(mentions):
        if m.words > 1:
            full.setdefault(surname_stem(fold(m.last)), []).append(k)
    out = []
    for k, m in enumerate(mentions):
        cands = full.get(surname_stem(fold(m.last)), [])
        if m.words > 1:
            first = fold(m.first)
        elif cands:
            before = [c for c in cands if c < k]
            first = fold(mentions[before[-1] if before else cands[0]].first)
        else:
            out.append(m.text)
            continue
        same = [mentions[c].text for c in cands if fold(mentions[c].first) == first]
        out.append(max(same, key=len, default=m.text))
    return out


def canonical_name(name: str, label: str) -> str:
    """The canonical name of an entity that is not a person: a country's short form spelled
    out ("U.S." -> "United States"), a place as the gazetteer spells it, else the name as
    written."""
    short = _COUNTRY_SHORT.get(fold(name))
    if short:
        return short
    if label in ("GPE", "LOC") and (place := lookup(name)) is not None:
        return place.name
    return name


def _name_words(name: str) -> list[str]:
    words = [w.rstrip(".") for w in _WORD.findall(fold(name).replace("'s", ""))]
    return [w for w in words if w and w not in _HONORIFIC]


def canonical_id(name: str, label: str = "PERSON") -> str:
    """A stable key for an entity, the same in every article of the store.

    People: the surname stem and the first initial ("Volodymyr Zelensky" and
    "Volodymyr Zelenskyy" -> "person:zelensky:v"; a bare surname -> "person:zelensky").
    Other labels: the folded name without honorifics ("place:saudi arabia").

    Args:
        name: a canonical name from find_entities (or any mention).
        label: the entity label (PERSON, GPE, ORG, ...).

    Returns:
        The key; "" for a name with no letters.
    """
    words = _name_words(name)
    if not words:
        return ""
    if label != "PERSON":
        prefix = {"GPE": "place", "LOC": "place", "FAC": "place"}.get(label, label.lower())
        return f"{prefix}:{' '.join(words)}"
    stem = surname_stem(words[-1]) or words[-1]
    if len(words) == 1:
        return f"person:{stem}"
    return f"person:{stem}:{words[0][0]}"


def cross_article_name(canonical: str, label: str) -> str:
    """What grouping counts an entity by across articles: a person by the last word of the
    canonical name, anything else by its canonical name.

    Canonical names are resolved within one article, and another article may only ever say
    "Reid": the surname matches across articles (ECB+, reading stage: B-cubed F1 0.887 ->
    0.913 against the full name).

    Args:
        canonical: the entity's canonical name (`Entity.canonical`).
        label: its label (PERSON, ORG, GPE, ...).

    Returns:
        The key ("Tara Reid" -> "Reid"); the canonical name as it is when it has no words.
    """
    if label == "PERSON" and canonical.split():
        return canonical.split()[-1]
    return canonical


def _countries(words: list[str]) -> tuple[set[str], list[str]]:
    """Split words into the countries they name ("russian" -> russia) and the rest."""
    countries, rest, i = set(), [], 0
    while i < len(words):
        pair = " ".join(words[i : i + 2])
        if pair in _DEMONYM:
            countries.add(_DEMONYM[pair])
            i += 2
            continue
        w = words[i].removesuffix("'s")
        if w in _DEMONYM:
            countries.add(_DEMONYM[w])
        elif w in _DEMONYM.values():
            countries.add(w)
        else:
            rest.append(w)
        i += 1
    return countries, rest


def _undotted(word: str) -> str:
    """An initialism's dots dropped ("u.s" -> "us"): "the U.S. president" names the country."""
    return word.replace(".", "") if _INITIALISM.fullmatch(word) else word


def _role_words(text: str) -> list[str]:
    t = fold(text)
    for short, full in ROLE_ALIASES:
        t = re.sub(rf"\b{re.escape(short)}\b", full, t)
    words = [_undotted(w.rstrip(".")) for w in _WORD.findall(t)]
    return [w for w in words if w not in ("the", "a", "an", "of", "his", "her", "their", "its")]


def _role_terms(text: str) -> tuple[set[str], set[str]]:
    """The countries a role or description names and its other words."""
    countries, rest = _countries(_role_words(text))
    return countries, set(rest)


def role_overlap(description: str, role: str) -> tuple[int, int]:
    """How much of a role description ("the Russian president") a role ("Russian President")
    or a name's context has: (shared, wanted), the description's words and countries the role
    has and how many it has. Countries are compared as such ("Russian", "Russia's" and
    "Kremlin" name one), and a country the role does not name shares nothing ("the Ukrainian
    president" is not the Russian President); a description that is only a country is no
    role (0, 0).

    The one role matcher: a mention resolved among the entities takes a role holding every
    word (`resolve_mention`), a speaker the role sharing the most (`ArticleNames.by_role`).

    Example:
        >>> role_overlap("the Russian president", "Russian President")
        (2, 2)
        >>> role_overlap("the Ukrainian president", "Russian President")
        (0, 2)
    """
    (d_countries, d_rest), (r_countries, r_rest) = _role_terms(description), _role_terms(role)
    if not d_rest:
        return 0, 0
    wanted = len(d_rest) + len(d_countries)
    if not d_countries <= r_countries:
        return 0, wanted
    return len(d_rest & r_rest) + len(d_countries), wanted


def _role_matches(description: str, role: str) -> bool:
    """True when the role holds every word of the description (`role_overlap`)."""
    shared, wanted = role_overlap(description, role)
    return bool(wanted) and shared == wanted


def resolve_mention(mention: str, entities: Sequence[Entity], at: int | None = None) -> str | None:
    """The canonical name a mention refers to, among an article's entities.

    Tries, in order: a canonical name, a surname or first name of a person, then a role
    description ("the Chief of Staff" -> the person whose role is "Chief of the General Staff";
    "the Russian president" -> the person whose role is "Russian President").

    Args:
        mention: the mention as written ("Putin", "the Chief of Staff").
        entities: the article's entities (from find_entities).
        at: the mention's character offset, when known; among several matching people, the one
            mentioned last before it wins (else the first one the article names).

    Returns:
        The canonical name, or None when nothing matches (or the mention is empty).
    """
    people = [e for e in entities if e.label == "PERSON"]
    # "the Norland president" is a description, never the name "Norland".
    described = bool(re.match(r"\s*(?:the|a|an|his|her|their|its)\s", mention, re.IGNORECASE))
    words = [] if described else _name_words(mention)
    key = " ".join(words)
    for e in entities if words else ():
        if " ".join(_name_words(e.canonical)) == key or " ".join(_name_words(e.text)) == key:
            return e.canonical
    if len(words) == 1:
        hits = [e for e in people if words[0] in _name_words(e.canonical)]
        if hits:
            return _nearest(hits, at)
    elif words:
        # "Russian President Vladimir Putin": the name closes the mention.
        hits = [e for e in people if _ends_with(words, _name_words(e.canonical))]
        if hits:
            return _nearest(hits, at)
    hits = [e for e in people if e.role and _role_matches(mention, e.role)]
    return _nearest(hits, at) if hits else None


def _ends_with(words: list[str], name: list[str]) -> bool:
    return len(name) > 1 and words[-len(name) :] == name


def _nearest(hits: list[Entity], at: int | None) -> str:
    """The canonical of the last hit before `at`, else the first hit in the article."""
    ordered = sorted(hits, key=lambda e: e.start)
    if at is not None:
        before = [e for e in ordered if e.start < at]
        if before:
            return before[-1].canonical
    return ordered[0].canonical


# --- names at a mention's offsets (the quote step's speakers) -----------------------------------

# Context before a name that may state its role ("Russian Chief of General Staff X").
_ROLE_WINDOW_CHARS = 50
_CLAUSE_BREAK = re.compile(r"[.,;:\n()]")


@dataclass(slots=True)
class ArticleNames:
    """One article's names, looked up at a mention's offsets.

    The entity step's canonical names come first; the light pass's PERSON spans are the
    fallback (the entity step may be absent, or have relabelled a span), each named by the
    longest PERSON span of its surname (`full_name`).

    Args:
        text: the article text.
        entities: entities from the entity step (canonical names, roles); may be empty.
        persons: (start, end) of PERSON mentions found by the light pass, in text order.

    Example:
        >>> text = "Donald Trump spoke. Trump left."
        >>> names = ArticleNames(text, persons=[(0, 12), (20, 25)])
        >>> names.person_at(20, 25), names.person_before(20)
        ('Donald Trump', 'Donald Trump')
    """

    text: str
    entities: Sequence[Entity] = ()
    persons: Sequence[tuple[int, int]] = ()
    _full: dict[str, str] = field(default_factory=dict)

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity overlapping text[start:end] most (a person first), or None."""
        hits = [e for e in self.entities if e.start < end and start < e.end]
        if not hits:
            return None
        return max(hits, key=lambda e: (e.label == "PERSON", min(end, e.end) - max(start, e.start)))

    def person_at(self, start: int, end: int) -> str | None:
        """The full name of the light pass's first PERSON overlapping text[start:end]."""
        for s, e in self.persons:
            if s < end and start < e:
                return self.full_name(self.text[s:e])
        return None

    def known_person(self, mention: str) -> str | None:
        """The full name of the first PERSON whose last word ends the mention ("Senator
        Reid" -> "Harry Reid")."""
        last = mention.split()[-1]
        for s, e in self.persons:
            if self.text[s:e].split()[-1] == last:
                return self.full_name(self.text[s:e])
        return None

    def person_before(self, start: int) -> str | None:
        """The full name of the last PERSON ending before `start`."""
        before = [(s, e) for s, e in self.persons if e <= start]
        return self.full_name(self.text[before[-1][0] : before[-1][1]]) if before else None

    def full_name(self, name: str) -> str:
        """'Trump' -> 'Donald Trump' when the article names a PERSON of that last word in full
        (the longest such span)."""
        if name in self._full:
            return self._full[name]
        best = name
        for s, e in self.persons:
            full = self.text[s:e]
            if len(full) > len(best) and full.split()[-1] == name.split()[-1]:
                best = full
        self._full[name] = best
        return best

    def by_role(self, description: str, start: int) -> str | None:
        """'the Chief of Staff' -> the person the article gave that role before `start`, most
        words in common first (`role_overlap`), then the most recent; without entities, the
        role a PERSON's context states ("Russian Chief of General Staff Valery Gerasimov")."""
        if not _role_terms(description)[1]:
            return None  # only a country, or no words: no role to match
        best: tuple[int, int, str] | None = None
        for e in self.entities:
            if e.role and e.start < start:
                score, _ = role_overlap(description, e.role)
                if score and (best is None or (score, e.start) > best[:2]):
                    best = (score, e.start, e.canonical)
        if best is None:
            for s, e in self.persons:
                if s >= start:
                    break
                score, wanted = role_overlap(description, self._role_context(s, e))
                # a description needs its head word in the context ("Chief", not just "Russian")
                if score >= max(1, wanted - 1) and (best is None or (score, s) >= best[:2]):
                    best = (score, s, self.full_name(self.text[s:e]))
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
