"""Entities: people, organisations, places, nationalities, events, facilities, repaired and named.

`find_entities(text, doc)` takes the light spaCy pass (sentences and NER; no tags, no
lemmas, no parse), repairs the small model's labels with a place gazetteer and cue words, gives
every person the longest full name the article uses for them, with the role it gives them, and marks
capitals that stand for their government ("Kyiv agreed" -> kind "government"). The canonical
names themselves come from the name service, `read/names.py`.

Example:
    >>> from newsweave.read import nlp
    >>> text = "Russian President Vladimir Putin visited Kursk. Putin spoke."
    >>> [(e.text, e.canonical) for e in find_entities(text, nlp.doc(text)) if e.label == "PERSON"]
    [('Vladimir Putin', 'Vladimir Putin'), ('Putin', 'Vladimir Putin')]
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import IS_LOWER, IS_TITLE, LOWER, ORTH
from spacy.tokens import Doc

from ..model import Entity
from ..vocab import HONORIFICS, TIME_ZONES
from . import nlp
from .entities_places import Place, fold, lookup
from .entities_vocab import (
    CITY_POP_FROM_OTHER,
    CITY_POP_FROM_PERSON,
    CIVIC_NAME_WORDS,
    DEMONYM_ENDINGS,
    DEMONYMS,
    FEATURE_WORDS,
    FUNCTION_WORDS,
    GOVERNMENT_IRREGULAR_FORMS,
    GOVERNMENT_VERBS,
    KEPT_LABELS,
    ORG_NAME_HEADS,
    ORG_WORDS,
    PLACE_BEFORE_WORDS,
    PLACE_CUES,
    PLACE_PREPOSITIONS,
    PLACE_SUFFIXES,
    REPAIRABLE_LABELS,
    ROLE_CORE,
    ROLE_HEADS,
    SEATS_OF_POWER,
    VERB_GAP_WORDS,
)
from .forms import verb_forms
from .names import (
    PersonMention,
    canonical_name,
    normalise_role,
    person_canonicals,
    resolve_mention,
    surname_stem,
)

__all__ = ["find_entities"]

_ROLE_HEADS = frozenset(ROLE_HEADS)
_ROLE_CORE = frozenset(ROLE_CORE)
_ORG_WORDS = frozenset(ORG_WORDS)
_ORG_HEADS = frozenset(ORG_NAME_HEADS)
_CIVIC = frozenset(CIVIC_NAME_WORDS)
_TITLES = frozenset(w.rstrip(".") for w in (*ROLE_CORE, *HONORIFICS)) - {"the"}
_GOV_FORMS = verb_forms(GOVERNMENT_VERBS, GOVERNMENT_IRREGULAR_FORMS)
_GAP_WORDS = frozenset(VERB_GAP_WORDS)
_FUNCTION = frozenset(FUNCTION_WORDS)
# Nationality adjectives the model sometimes labels GPE ("Ukrainian forces").
_ADJECTIVES = frozenset(k for k, v in DEMONYMS if k != v and k.endswith(("an", "sh", "se", "ch")))
_POSSESSIVE = ("'s", "’s", "'", "’")
_TIME_ZONES = frozenset(TIME_ZONES)
_FEATURES = dict(FEATURE_WORDS)
_PLACE_BEFORE = frozenset((*PLACE_PREPOSITIONS, *PLACE_BEFORE_WORDS))
_CLOSERS = (",", ".", ")", ";", ":", "—", "–")


def _proper(tok) -> bool:
    """A capitalised word that is not a function word: the light pass has no NNP tag."""
    return (
        (tok.is_title or (tok.is_upper and len(tok) > 1))
        and tok.text[:1].isalpha()
        and tok.lower_ not in _FUNCTION
    )


def _words_with(doc: Doc, flag: int, attr: int) -> set[str]:
    """The distinct `attr` strings (ORTH, LOWER) of the tokens with `flag` (IS_TITLE,
    IS_LOWER): one array read, not a Token object per token."""
    if not len(doc):
        return set()
    arr = doc.to_array([flag, attr])
    strings = doc.vocab.strings
    return {strings[int(u)] for u in set(arr[arr[:, 0] != 0, 1].tolist())}


def _possessive(tok) -> bool:
    return tok.text in _POSSESSIVE


@dataclass(slots=True)
class _Span:
    """A mention being worked on (token offsets; mutable until it becomes an Entity)."""

    i: int
    j: int
    label: str
    canonical: str = ""
    role: str | None = None
    kind: str | None = None


def find_entities(text: str, doc: Doc) -> tuple[Entity, ...]:
    """People, organisations, places, nationalities, events and facilities in one article.

    Args:
        text: the article text.
        doc: the light spaCy pass over exactly that text (nlp.doc(text)).

    Returns:
        Entities in text order; text[e.start:e.end] == e.text for each.

    Raises:
        ValueError: when doc was not made from text.
    """
    if not nlp.same_text(doc, text):
        raise ValueError("find_entities: doc was made from a different text; pass nlp.doc(text)")
    if not text.strip():
        return ()
    spans = _model_spans(doc)
    _repair(doc, spans)
    spans += _missing_places(doc, spans)
    spans += _missing_surnames(doc, spans)
    spans.sort(key=lambda s: s.i)
    labels = _token_labels(doc, spans)
    _name_people(doc, spans, labels)
    _name_others(doc, spans)
    _mark_governments(doc, spans)
    entities = [_to_entity(doc, s) for s in spans]
    entities += _descriptions(doc, spans, labels, entities)
    return tuple(sorted(entities, key=lambda e: (e.start, e.end)))


# --- spans from the model, trimmed --------------------------------------------------------------


def _model_spans(doc: Doc) -> list[_Span]:
    out = []
    for ent in doc.ents:
        if ent.label_ not in KEPT_LABELS and ent.label_ not in REPAIRABLE_LABELS:
            continue
        i, j = ent.start, ent.end
        # "the Oval Office" -> "Oval Office": the article's determiner is not part of the name.
        while i < j and doc[i].lower_ in ("the", "a", "an"):
            i += 1
        # "GM Theo Epstein", "President Obama": a title is the role, not part of the name.
        while ent.label_ == "PERSON" and i < j - 1 and doc[i].lower_.rstrip(".") in _TITLES:
            i += 1
        # "Trump’s Special" (PERSON) and "Kyiv’s" (ORG): the name ends at the possessive.
        for k in range(i, j):
            if _possessive(doc[k]):
                j = k
                break
        # "Special Correspondent of Defense Talks in": a span never ends on a function word.
        while j > i and (
            doc[j - 1].is_punct or doc[j - 1].is_space or doc[j - 1].lower_ in _FUNCTION
        ):
            j -= 1
        # "Secretary of State" gave ORG "State": a role word alone is not an entity.
        if all(t.lower_ in _ROLE_HEADS for t in doc[i:j]):
            continue
        if j > i:
            out.append(_Span(i, j, ent.label_))
    return out


def _is_gazetteer_place(place: Place | None, min_city_pop: int) -> bool:
    if place is None:
        return False
    if place.kind != "city":
        return True
    return place.capital or place.population >= min_city_pop


def _place_cue(doc: Doc, i: int, j: int) -> bool:
    """True for "the town of Sudzha" and "Kursk region" (cue words around the name)."""
    if i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in PLACE_CUES:
        return True
    return j < len(doc) and doc[j].lower_ in PLACE_SUFFIXES


def _surnames(doc: Doc, spans: list[_Span]) -> set[str]:
    """Surname stems of people named with at least two words."""
    return {
        surname_stem(fold(doc[s.j - 1].text))
        for s in spans
        if s.label == "PERSON" and s.j - s.i > 1
    }


def _looks_like_person(doc: Doc, s: _Span) -> bool:
    """An ORG/GPE of two or three capitalised words that an appositive or a title introduces.

    Motivated by "Ukraine’s chief general, Oleksandr Syrskyi, suggested" (came as ORG).
    """
    toks = doc[s.i : s.j]
    if not 2 <= len(toks) <= 3 or any(not (_proper(t) and t.is_title) for t in toks):
        return False
    if any(t.lower_ in _ORG_WORDS for t in toks) or lookup(toks.text) is not None:
        return False
    before = [t.lower_ for t in doc[max(s.i - 4, 0) : s.i]]
    if before and before[-1] in _ROLE_CORE:
        return True
    return bool(before) and before[-1] == "," and any(w in _ROLE_CORE for w in before)


def _repair(doc: Doc, spans: list[_Span]) -> None:
    """Relabel places the model missed and people it took for organisations or places."""
    surnames = _surnames(doc, spans)
    for s in spans:
        name = doc[s.i : s.j].text
        place = lookup(name)
        if s.label in ("GPE", "LOC") and fold(name) in _ADJECTIVES:
            s.label = "NORP"
        elif _place_cue(doc, s.i, s.j) and s.label not in ("GPE", "LOC", "FAC"):
            s.label = "GPE"
        elif s.label == "PERSON" and s.j - s.i == 1:
            # "Kyiv" came as PERSON; "Jackson" stays a person (a big city's name only).
            if _is_gazetteer_place(place, CITY_POP_FROM_PERSON) and (
                surname_stem(fold(name)) not in surnames
            ):
                s.label = "GPE"
        elif s.label in REPAIRABLE_LABELS and s.label != "PERSON":
            if _is_gazetteer_place(place, CITY_POP_FROM_OTHER):
                s.label = "LOC" if place and place.kind == "continent" else "GPE"
            elif s.label in ("ORG", "NORP") and _looks_like_person(doc, s):
                s.label = "PERSON"
        elif s.label in ("GPE", "LOC") and place is None and _looks_like_person(doc, s):
            s.label = "PERSON"
    surnames = _surnames(doc, spans)
    for s in spans:
        # "Syrskyi" (GPE) and "Trump" (ORG) after "Oleksandr Syrskyi" / "Donald Trump".
        one = s.label != "PERSON" and s.j - s.i == 1
        if (
            one
            and surname_stem(fold(doc[s.i].text)) in surnames
            and (lookup(doc[s.i].text) is None or s.label not in ("GPE", "LOC"))
        ):
            s.label = "PERSON"
    _repair_adjectives(doc, spans)
    _repair_from_article(doc, spans, surnames)
    spans[:] = [s for s in spans if s.label in KEPT_LABELS and not _time_zone(doc, s)]


def _repair_from_article(doc: Doc, spans: list[_Span], surnames: set[str]) -> None:
    """Labels the rest of the article settles: an organisation's name taken for a person, a
    town taken for a person or an organisation, a capitalised common word taken for a name."""
    lower_words = _words_with(doc, IS_LOWER, LOWER)
    civic: dict[str, set[str]] = {}
    for s in spans:
        toks = doc[s.i : s.j]
        if len(toks) > 1 and any(t.lower_ in _CIVIC for t in toks[1:]):
            civic.setdefault(toks[0].text, set()).add(toks.text)
    for s in spans:
        toks = doc[s.i : s.j]
        if s.label == "PERSON" and len(toks) > 1 and toks[-1].lower_ in _ORG_HEADS:
            s.label = "ORG"
        elif s.label not in ("PERSON", "ORG") or len(toks) != 1:
            continue
        elif surname_stem(fold(toks.text)) in surnames:
            continue  # "Felt played a dual role" after "Mark Felt": the surname stays a name
        elif len(civic.get(toks.text, ())) >= 2:
            s.label = "GPE"
        elif s.label == "PERSON" and toks[0].is_sent_start and _common_word(toks.text, lower_words):
            s.label = ""  # "Wildfires are not unusual in Sarn": no name is written in lower case


def _common_word(word: str, lower_words: set[str]) -> bool:
    """True when the article writes this word, or its singular, in lower case elsewhere."""
    w = word.lower()
    return w in lower_words or (w.endswith("s") and w[:-1] in lower_words)


def _time_zone(doc: Doc, s: _Span) -> bool:
    """ "(0640 GMT)": the model's ORG is a time zone."""
    return s.j - s.i == 1 and doc[s.i].lower_ in _TIME_ZONES


def _repair_adjectives(doc: Doc, spans: list[_Span]) -> None:
    """Names the model took for people that the article shows are not: "Ostwyn Mayor Idris
    Halloran" (Ostwyn is a GPE elsewhere in the article), "the Tavessan city of Ostwyn" (a
    demonym of Tavessa, or an adjective before a noun), "Mill Lane" (a street), "residents of
    Lowater" (a place after a place preposition), "told the Herald" (an outlet); and people
    it took for places: "said Brigid Noone, a spokeswoman"."""
    places = {fold(doc[s.i : s.j].text) for s in spans if s.label in ("GPE", "LOC")}
    words = {fold(w) for w in _words_with(doc, IS_TITLE, ORTH)}
    people = _surnames(doc, spans)
    heads = {fold(doc[s.i].text) for s in spans if s.label in ("GPE", "LOC") and s.j - s.i > 1}
    for s in spans:
        name = fold(doc[s.i : s.j].text)
        if s.label not in ("PERSON", "FAC", "NORP", "ORG") or s.j - s.i > 3:
            continue
        if s.label == "FAC" and _role_after(doc, s.j):
            s.label = "PERSON"
        elif (
            s.j - s.i == 1
            and not name.endswith(DEMONYM_ENDINGS)
            and (any(_demonym_of(w, name) for w in words) or name in heads)
        ):
            s.label = "GPE"  # "Tavessa" beside "Tavessan", "Sarn" beside "Sarn Province"
        elif s.label == "NORP" and _place_before(doc, s.i):
            s.label = "GPE"  # "the road south to Tarrin"
        elif s.label == "PERSON":
            s.label = _not_a_person(doc, s, name, places, words, people)


def _not_a_person(
    doc: Doc, s: _Span, name: str, places: set[str], words: set[str], people: set[str]
) -> str:
    """The label a PERSON span gets once the article is considered (PERSON when nothing says
    otherwise)."""
    last = fold(doc[s.j - 1].text)
    if last in _FEATURES and s.j - s.i > 1:
        return _FEATURES[last]
    if s.j - s.i > 1 or surname_stem(name) in people:
        return "PERSON"
    if name.endswith(DEMONYM_ENDINGS) and (
        any(_demonym_of(name, w) for w in places | words) or _adjective_slot(doc, s.i)
    ):
        return "NORP"
    if name in places or _place_before(doc, s.i):
        return "GPE"
    if s.i > 0 and doc[s.i - 1].lower_ == "the":
        return "ORG"  # "told the Herald", "The Gazette understands"
    return "PERSON"


def _role_after(doc: Doc, j: int) -> bool:
    """ "Brigid Noone, a spokeswoman for ...": a role in an appositive after the name."""
    after = [t.lower_ for t in doc[j : j + 4]]
    return (
        len(after) >= 3
        and after[0] == ","
        and after[1] in ("a", "an", "the")
        and any(w in _ROLE_CORE for w in after[2:])
    )


def _place_before(doc: Doc, i: int) -> bool:
    """ "residents of Lowater", "towards Lowater", "the river Lenne", "over the Lenne"."""
    if i > 1 and doc[i - 1].lower_ == "the":
        i -= 1
    return i > 0 and doc[i - 1].lower_ in _PLACE_BEFORE


def _demonym_of(word: str, place: str) -> bool:
    """ "tavessan" of "tavessa", "ostwynian" of "ostwyn" (the place's stem, then an ending)."""
    stem = place[:-1] if place.endswith(("a", "e", "o", "y")) else place
    return word != place and len(stem) >= 3 and word.startswith(stem)


def _adjective_slot(doc: Doc, i: int) -> bool:
    """ "the Tavessan city": between a determiner and a lower-case word."""
    before = doc[i - 1].lower_ if i > 0 else ""
    after = doc[i + 1] if i + 1 < len(doc) else None
    return before in ("the", "a", "an") and after is not None and after.is_lower and after.is_alpha


def _missing_places(doc: Doc, spans: list[_Span]) -> list[_Span]:
    """Gazetteer places the model left out ("Kyiv agreed" had no entity at all)."""
    # Any token the model put in an entity of its own (a DATE too) is not a place.
    covered = {k for e in doc.ents for k in range(e.start, e.end)}
    covered |= {k for s in spans for k in range(s.i, s.j)}
    surnames = _surnames(doc, spans)
    # one test a token (a name of three words is tried at three sizes from each start)
    free = [k not in covered and _proper(tok) for k, tok in enumerate(doc)]
    out: list[_Span] = []
    k, n = 0, len(doc)
    while k < n:
        if not free[k]:
            k += 1
            continue
        found = 0
        for size in (3, 2, 1):
            j = k + size
            if j > n or not all(free[k:j]):
                continue
            name = doc[k:j].text
            if surname_stem(fold(name)) in surnames:
                continue
            place = lookup(name)
            # "Jordan Peterson", "Defense News Hub": a city or country name next to another
            # proper noun is part of a longer name.
            if _next_to_name(doc, k, j):
                continue
            # With no entity at all, only a country, a capital or a city of a million: "Man"
            # (a city of 190,000) is mostly an English word.
            if _is_gazetteer_place(place, CITY_POP_FROM_PERSON) or (
                size == 1 and _place_cue(doc, k, j)
            ):
                found = size
                break
        if found:
            out.append(_Span(k, k + found, "GPE"))
            k += found
        else:
            k += 1
    return out


def _missing_surnames(doc: Doc, spans: list[_Span]) -> list[_Span]:
    """A surname alone that the model left out, of a person the article names in full: "Tyler
    Hansbrough" is a person, and so is "Hansbrough" at the head of a later sentence ("Hansbrough
    entered the game with 2,282 points": no entity, so no one's figure; ECB+ 31). Not a word the
    article also writes in lower case ("Green" of "Danny Green" in "Green energy"), nor one next
    to another name."""
    surnames = _surnames(doc, spans)
    if not surnames:
        return []
    covered = {k for e in doc.ents for k in range(e.start, e.end)}
    covered |= {k for s in spans for k in range(s.i, s.j)}
    lower_words = _words_with(doc, IS_LOWER, LOWER)
    return [
        _Span(k, k + 1, "PERSON")
        for k, tok in enumerate(doc)
        if k not in covered and tok.is_title and _proper(tok)
        and surname_stem(fold(tok.text)) in surnames
        and not _common_word(tok.text, lower_words) and not _next_to_name(doc, k, k + 1)
    ]  # fmt: skip


def _next_to_name(doc: Doc, i: int, j: int) -> bool:
    # a sentence's first word is capitalised whatever it is ("Kyiv" after "Yesterday")
    prev_name = i > 0 and _proper(doc[i - 1]) and doc[i - 1].is_title
    prev_name = prev_name and not doc[i - 1].is_sent_start
    next_name = j < len(doc) and _proper(doc[j]) and doc[j].is_title
    return prev_name or next_name


def _token_labels(doc: Doc, spans: list[_Span]) -> dict[int, str]:
    """Token index -> label of the span holding it (for role phrases)."""
    labels = {}
    for s in spans:
        possessive = s.j < len(doc) and _possessive(doc[s.j])
        for k in range(s.i, s.j):
            # A person may start a role only as a possessive ("Trump’s envoy").
            labels[k] = s.label if s.label != "PERSON" or possessive else "PERSON-NAME"
    return labels


# --- people: canonical names and roles ------------------------------------------------------------


def _name_people(doc: Doc, spans: list[_Span], labels: dict[int, str]) -> None:
    """Canonical = the longest full name of the same surname (`names.person_canonicals`);
    role = the longest role the article gives any mention of that person."""
    people = [s for s in spans if s.label == "PERSON"]
    mentions = [
        PersonMention(doc[s.i : s.j].text, doc[s.i].text, doc[s.j - 1].text, s.j - s.i)
        for s in people
    ]
    for s, canonical in zip(people, person_canonicals(mentions), strict=True):
        s.canonical = canonical
    roles: dict[str, str] = {}
    for s in people:
        for role in _roles_of(doc, s, labels):
            old = roles.get(s.canonical)
            if old is None or len(role.split()) > len(old.split()):
                roles[s.canonical] = role
    for s in people:
        s.role = roles.get(s.canonical)


def _role_token(doc: Doc, k: int, labels: dict[int, str]) -> bool:
    tok = doc[k]
    if labels.get(k) in ("NORP", "GPE", "ORG", "LOC", "PERSON"):
        return True
    return tok.lower_ in _ROLE_HEADS or _possessive(tok)


def _role_text(doc: Doc, a: int, b: int) -> str | None:
    """The role in tokens a..b, or None when it holds no title word."""
    while a < b and (doc[a].lower_ in ("the", "of", "a", "an") or _possessive(doc[a])):
        a += 1
    while b > a and doc[b - 1].lower_ in ("the", "of", "a", "an"):
        b -= 1
    if a >= b or not any(doc[k].lower_ in _ROLE_CORE for k in range(a, b)):
        return None
    if b - a > 10:
        return None
    return normalise_role(doc[a:b].text)


def _roles_of(doc: Doc, s: _Span, labels: dict[int, str]) -> list[str]:
    """Roles around one mention: "Kremlin spokesperson Dmitry Peskov" (title before),
    "Steve Witkoff, Trump’s Special Middle East envoy," and "his chief general, Valery
    Gerasimov," (appositives)."""
    sent = doc[s.i].sent
    lo, hi = sent.start, sent.end
    out = []
    k = s.i - 1
    # Before a name, an untagged capitalised word may be the employer ("Harbour spokesperson").
    while k >= lo and (
        _role_token(doc, k, labels) or (_proper(doc[k]) and doc[k].is_title and k not in labels)
    ):
        k -= 1
    if k + 1 < s.i and doc[s.i - 1].lower_ in _ROLE_HEADS:
        role = _role_text(doc, k + 1, s.i)
        if role:
            out.append(role)
    if s.j < hi and doc[s.j].text == ",":
        k = s.j + 1
        while k < hi and _role_token(doc, k, labels):
            k += 1
        if (
            k > s.j + 1
            and (k >= hi or doc[k].text in _CLOSERS)
            and (doc[k - 1].lower_ in _ROLE_HEADS)
        ):
            role = _role_text(doc, s.j + 1, k)
            if role:
                out.append(role)
    closes = s.j >= hi or doc[s.j].text in _CLOSERS
    if s.i - 1 > lo and doc[s.i - 1].text == "," and closes:
        k = s.i - 2
        while k >= lo and _role_token(doc, k, labels):
            k -= 1
        if k + 1 < s.i - 1 and doc[s.i - 2].lower_ in _ROLE_HEADS:
            role = _role_text(doc, k + 1, s.i - 1)
            if role:
                out.append(role)
    return out


def _descriptions(
    doc: Doc, spans: list[_Span], labels: dict[int, str], entities: list[Entity]
) -> list[Entity]:
    """ "the Chief of Staff", "the American President": a role description that resolves to a
    person the article named with that role becomes a mention of that person."""
    people = [e for e in entities if e.label == "PERSON" and e.role]
    if not people:
        return []
    out = []
    k, n = 0, len(doc)
    while k < n:
        if doc[k].lower_ != "the":
            k += 1
            continue
        j = k + 1
        while (
            j < n
            and j - k <= 8
            and _role_token(doc, j, labels)
            and not labels.get(j, "").startswith("PERSON")
        ):
            j += 1
        while j > k + 1 and doc[j - 1].lower_ in ("of", "the"):
            j -= 1
        nxt = doc[j] if j < n else None
        if (
            j > k + 1
            and doc[j - 1].lower_ in _ROLE_CORE
            and not (nxt is not None and _proper(nxt) and nxt.is_title)
        ):
            phrase = doc[k + 1 : j]
            canonical = resolve_mention(phrase.text, people, at=phrase.start_char)
            if canonical:
                role = next(e.role for e in people if e.canonical == canonical)
                out.append(
                    Entity(
                        phrase.text,
                        "PERSON",
                        canonical,
                        phrase.start_char,
                        phrase.end_char,
                        role=role,
                    )  # fmt: skip
                )
            k = j
        else:
            k += 1
    return out


# --- everything else ------------------------------------------------------------------------------


def _name_others(doc: Doc, spans: list[_Span]) -> None:
    for s in spans:
        if s.label != "PERSON":
            s.canonical = canonical_name(doc[s.i : s.j].text, s.label)


def _mark_governments(doc: Doc, spans: list[_Span]) -> None:
    """A capital or seat of power as the subject of a speech or decision verb stands for its
    government ("Kyiv agreed", "Washington and Kyiv announced", "the Kremlin said")."""
    by_start = {s.i: s for s in spans}
    for s in spans:
        name = fold(doc[s.i : s.j].text)
        place = lookup(name)
        capital = s.label == "GPE" and place is not None and place.capital
        if not capital and name not in SEATS_OF_POWER:
            continue
        if s.i > 0 and doc[s.i - 1].lower_ in PLACE_PREPOSITIONS:
            continue
        if s.i > 1 and doc[s.i - 1].lower_ == "the" and doc[s.i - 2].lower_ in PLACE_PREPOSITIONS:
            continue
        k = s.j
        while k < len(doc):
            tok = doc[k]
            if tok.lower_ == "and" and k + 1 in by_start:
                k = by_start[k + 1].j
            elif tok.lower_ in _GAP_WORDS or (tok.lower_.endswith("ly") and tok.is_alpha):
                k += 1
            else:
                break
        if k < len(doc) and doc[k].lower_ in _GOV_FORMS:
            s.kind = "government"


def _to_entity(doc: Doc, s: _Span) -> Entity:
    span = doc[s.i : s.j]
    return Entity(
        span.text, s.label, s.canonical or span.text, span.start_char, span.end_char, s.role,
        s.kind,
    )  # fmt: skip
