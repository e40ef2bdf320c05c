"""Words the check stage compares: content-word stems, cross-article entity keys, number keys.

Stop words come from their one home (group/features.py); stems from the Snowball English
stemmer ("regained"/"regain", "captured"/"capture"), so inflected paraphrases share terms.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache

import snowballstemmer

from ..group.features import STOP_WORDS
from ..model import Claim, Number
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


def word_stem(word: str) -> str:
    """The stem of one lower-case word, or "" when it is no content word (`content_stems`).

    Example:
        >>> word_stem("regained"), word_stem("the")
        ('regain', '')
    """
    stem = _STEMS.get(word)
    return _stem(word) if stem is None else stem


# text -> its stems: the check asks again for texts it already stemmed (a claim's text in the
# alignment and the brief, a sentence in the figure contexts and the brief); bounded like
# _STEMS, by the characters it keys.
_TEXT_STEMS: dict[str, tuple[str, ...]] = {}
MAX_TEXT_STEMS_CHARS = 5_000_000
_text_chars = 0


def content_stems(text: str) -> list[str]:
    """Stems of the content words of a text, in order (stop words and one-letter words dropped).

    Example:
        >>> content_stems("Russian forces had regained over 86% of the territory")
        ['russian', 'forc', 'regain', '86', 'territori']
    """
    global _text_chars
    got = _TEXT_STEMS.get(text)
    if got is not None:
        return list(got)
    get = _STEMS.get
    out = []
    for w in _WORD.findall(text.lower()):  # word_stem, inlined: a call a word costs more
        stem = get(w)
        if stem is None:
            stem = _stem(w)
        if stem:
            out.append(stem)
    if _text_chars + len(text) > MAX_TEXT_STEMS_CHARS:
        _TEXT_STEMS.clear()
        _text_chars = 0
    _TEXT_STEMS[text] = tuple(out)
    _text_chars += len(text)
    return out


# Words two reports use for one thing, as stems (a light list of our own, no thesaurus): each
# maps to the stem of its class. The figures' contexts and heads compare them ("three bank
# workers died" / "left eight bank employees dead"), and so do the claims' text vectors in the
# alignment: a translation's "will maneuver to more convenient positions" (seed 003, Syrskyi)
# is 000's "tactical withdrawals to more advantageous positions" (0.265 -> 0.422 with
# link_score 0.4). ECB+ dev alignment with the claim vectors on this list: P 0.635 at R 0.106
# (2,356 pairs) against 0.636 at 0.105 (2,344) without it; planted conflicts and the brief
# unchanged (docs/benchmarks.md). "withdrew"/"withdrawn", the irregular forms the stemmer keeps
# apart, joined "withdraw" later: every figure the same.
SAME_STEMS = {
    "dead": "die", "employe": "worker", "staff": "worker", "mt": "mount", "juri": "juror",
    "burnt": "burn", "tackl": "fight", "fought": "fight", "battl": "fight",
    "conveni": "advantag", "benefici": "advantag", "retreat": "withdraw",
    "withdrew": "withdraw", "withdrawn": "withdraw",
}  # fmt: skip


def sense_stems(text: str) -> list[str]:
    """`content_stems` with the words of one class (`SAME_STEMS`) made one.

    Example:
        >>> sense_stems("maneuver to more convenient positions")
        ['maneuv', 'advantag', 'posit']
    """
    return [SAME_STEMS.get(s, s) for s in content_stems(text)]


# a pure function of two short strings that every claim asks again for its article's entities
# (a third of the claims' time on ECB+ dev before it was cached)
@lru_cache(maxsize=65_536)
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


def claim_persons(claim: Claim) -> frozenset[str]:
    """The people a claim names (`entity_key`s), its speaker left out: whose statement it is.

    Example:
        >>> from newsweave.model import Claim
        >>> names = (entity_key("Vaughn", "PERSON"), entity_key("Marr", "PERSON"))
        >>> c = Claim("c1", "a", "Vaughn had nine rebounds, Marr said", 0, 35, "reported",
        ...           who="Lena Marr", entities=names)
        >>> sorted(claim_persons(c))
        ['person:vaughn']
    """
    speaker = speaker_key(claim.who) if claim.kind == "reported" else None
    return frozenset(e for e in claim.entities if e.startswith("person:") and e != speaker)


# A surname's particle, which one report writes apart and another joined ("Vincent Del Giudice" /
# "Vincent DelGiudice", ECB+ 33).
_PARTICLES = ("del", "de", "della", "di", "da", "van", "von", "le", "la", "mac", "mc", "al", "el")


@lru_cache(maxsize=65_536)  # asked again for each claim naming the person
def person_forms(key: str) -> tuple[frozenset[str], frozenset[str]]:
    """The spellings an `entity_key` of a person is written in: (itself and itself without a
    particle before it, "delgiudice" -> "giudice"; itself a letter shorter, "raite" -> "rait"),
    never shorter than four letters. One person spelled two ways has a first form in common, or
    one's first form is the other's second (`same_person`): "rait" and "raite" are one, "clark"
    and "clare" are not. The alignment counts shared forms so (`align.pair_scores`).

    Example:
        >>> [sorted(forms) for forms in person_forms("person:delgiudice")]
        [['person:delgiudice', 'person:giudice'], ['person:delgiudic']]
    """
    head, _, name = key.rpartition(":")
    prefix = f"{head}:" if head else ""
    full = {name}
    particle = max((p for p in _PARTICLES if name.startswith(p)), key=len, default="")
    if particle and len(name) - len(particle) >= 4:
        full.add(name[len(particle) :])  # the longest: "del" of "delgiudice", not "de"
    shorter = {name[:-1]} if len(name) > 4 else set()
    return frozenset(prefix + f for f in full), frozenset(prefix + f for f in shorter)


def same_person(a: str, b: str) -> bool:
    """Whether two `entity_key`s of people name one person, spelled two ways (`person_forms`):
    "rait" / "raite" (ECB+ 23's "Duncan Rait" and "Duncan Raite"), "giudice" / "delgiudice"
    ("Vincent Del Giudice" / "Vincent DelGiudice", ECB+ 33).

    Example:
        >>> [same_person("person:rait", k) for k in ("person:raite", "person:rains")]
        [True, False]
        >>> same_person("person:giudice", "person:delgiudice"), same_person("person:clark",
        ...                                                                  "person:clare")
        (True, False)
    """
    if a == b:
        return True
    (full_a, short_a), (full_b, short_b) = person_forms(a), person_forms(b)
    return bool(full_a & full_b or full_a & short_b or short_a & full_b)


def persons_apart(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two claims' people (`claim_persons`) are named on both sides, none in common
    (`same_person`)."""
    return bool(a and b and not any(same_person(x, y) for x in a for y in b))


def speaker_key(name: str | None) -> str | None:
    """The cross-article key of a speaker's canonical name (a person's surname stem)."""
    if not name:
        return None
    return entity_key(name, "PERSON") or None


def number_key(n: Number) -> tuple[float, str | None]:
    """What two figures must share to state the same value: the value and its unit."""
    return (round(n.value, 6), n.unit)


def days(resolved: str | None) -> tuple[date, date] | None:
    """The first and last day a resolved time covers ("2025", "2026-01", "2026-W11",
    "2026-03-10", "2026-03-09/2026-03-15"); None when unresolved or unread.

    >>> days("2026-02")
    (datetime.date(2026, 2, 1), datetime.date(2026, 2, 28))
    >>> days("2026-W11")
    (datetime.date(2026, 3, 9), datetime.date(2026, 3, 15))
    """
    if not resolved:
        return None
    if "/" in resolved:
        a, b = (days(x) for x in resolved.split("/", 1))
        return (a[0], b[1]) if a and b else None
    try:
        if "-W" in resolved:
            y, w = resolved.split("-W")
            return date.fromisocalendar(int(y), int(w), 1), date.fromisocalendar(int(y), int(w), 7)
        parts = [int(x) for x in resolved[:10].split("-")]
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
        if len(parts) == 2:
            y, m = parts
            return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
        return date(*parts), date(*parts)
    except ValueError:
        return None
