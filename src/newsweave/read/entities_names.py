"""Names: stable ids across articles, role spelling, and resolving a mention to a canonical name.

Role form (documented choice): the title as the article writes it, with its nationality or
organisation prefix kept and determiners dropped ("Russian President", "Kremlin spokesperson",
"US Secretary of State"); a few titles are spelled one way ("Chief of General Staff" ->
"Chief of the General Staff", "spokesman"/"spokeswoman" -> "spokesperson").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Entity
from .entities_places import fold
from .entities_vocab import DEMONYMS, HONORIFICS, ROLE_ALIASES, ROLE_SPELLINGS

_DEMONYM = dict(DEMONYMS)
_HONORIFIC = frozenset(HONORIFICS)
_WORD = re.compile(r"[a-z0-9.]+(?:'[a-z]+)?")
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


def _role_words(text: str) -> list[str]:
    t = fold(text)
    for short, full in ROLE_ALIASES:
        t = re.sub(rf"\b{re.escape(short)}\b", full, t)
    words = [w.rstrip(".") for w in _WORD.findall(t)]
    return [w for w in words if w not in ("the", "a", "an", "of", "his", "her", "their", "its")]


def _role_matches(description: str, role: str) -> bool:
    """True when every word of the description is in the role, countries compared as such."""
    d_countries, d_rest = _countries(_role_words(description))
    r_countries, r_rest = _countries(_role_words(role))
    if not d_rest or not set(d_rest) <= set(r_rest):
        return False
    return d_countries <= r_countries


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
