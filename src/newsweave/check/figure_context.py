"""Figures compared by their context: two independent reports that give one figure in the same
words ("pulled a gun on two guards during a transfer" / "pulled a gun on seven guards during a
prison transfer") state one quantity, whether or not the reader could name what it counts and
whether or not the two sentences were aligned as one proposition (a changed figure loses the
shared-number bonus that would have aligned them).

A figure's context is what it counts (the counted noun, its unit, or the first word after it)
and the content stems around it inside its claim. Two figures of claims from different sources
are one quantity when the claims are candidates of one another (a pair score from the
alignment at `MIN_PAIR_SCORE`, or one proposition), their heads and units are equal and their
contexts share `MIN_SHARED_CONTEXT` stems or equal figures besides the head ("13 homers and 43
RBIs in 54 games"), or the same two stems and nothing else ("He was sentenced to 12 years in
prison"), or one stem fewer when the figures count one compound ("three bank workers died" /
"left eight bank workers dead"), or when they are multiples of one reference ("ten times the
legal limit" / "five times the legal limit"). Stems of one class of words (`SAME_STEMS`:
"workers"/"employees", "Mt"/"Mount") count as one, and an initialism meets the words it spells
("IR" / "injured reserve"), a claimant named in two words or more counts as a stem ("Initial
estimates indicate ..."), and two figures of one compound are compared whether or not their
claims are candidates; so are two groups the reports name as "the N X" with a stem in common
("by the three holdouts" / "the eight holdouts refused to deliberate"), and one so named
needs one stem fewer. A score ("a 20 - 13 lead") is no range: two scores of one thing with one
side equal and a stem in common are one quantity. Two durations the words leave undecided are
read from a parse of their sentences (`figure_parse`): the span of one thing ("a term of five
years" / "The term of office of MPs is seven years") or the time since one event ("killed by
police ... eight days ago") is one quantity. A street address ("the 12000 block of") counts
nothing. A property value ("a .38 caliber revolver") is compared with another of one property
and bearer, as a multiple is with another of one reference, and a record written just before a
figure ("52-3 with 46 KOs", "(52-3, 51 KOs)") says whose figure it is; so does the named mark
a figure is still needed to reach ("needed nine points ... to pass Phil Ford"). A person has one
number of children: two family counts ("one of her 12 children" / "Horton was the mother of
12 children", "a mother of two died") are one quantity when the sentence names the same
person before them, or when both follow one parent word with one more stem in common. An
average ("averaged 30 home runs") is no count, a running total ("so far") is never one
quantity with a single event's count, two figures whose sentences resolve times next to them
that do not meet ("to 4.75% in January" / "7.4% in the final quarter of last year") are two
quantities, and in a list of figures of one kind the words next to each tell the entries
apart. A figure is compared with the best-matching figure of the
other article; one that matches a figure of equal value there, or whose value the other report
writes beside its match, is consistent, whatever else it matches.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from operator import itemgetter

from ..group.features import STOP_WORDS
from ..model import Article, Claim, Number, NumberComparison, Reading
from ..read.entities_vocab import NUMBER_WORDS, UNITS
from . import figure_parse
from .numbers import (
    SENTENCE_CHARS,
    SENTENCE_END,
    is_change,
    is_whole,
    named_comparison,
    names_no_count,
    running_total,
    sentence_start,
    tally,
)
from .terms import days, entity_key, number_key, same_person, sense_stems, word_stem

# Content stems looked at on each side of a figure, within this many characters of its
# sentence.
CONTEXT_STEMS = 5
CONTEXT_CHARS = 80
# Stems the two contexts share besides the head: 2 keeps "Richard Carter scored 19 points"
# apart from "Doug McDermott finished with 23 points" (one shared stem, "point") and pairs
# "injuring five people and damaging buildings" with "injuring ten people and damaging ...".
MIN_SHARED_CONTEXT = 3
# Claims scored at least this by the alignment are candidates of one another: a planted
# change costs the pair its shared-number bonus, and the ECB+ pairs whose one figure was
# changed score 0.15-0.40 (benchmarks/check/planted.py).
MIN_PAIR_SCORE = 0.15


@dataclass(frozen=True, slots=True)
class _Context:
    claim: Claim
    number: Number
    head: str
    stems: frozenset[str]
    label: str  # what the figure counts, as the article words it
    # the claim's other figures near it, as (value, unit): "13 home runs and 43 RBIs in 54
    # games" and "13 homers and 43 RBIs in 54 games" share two figures beside the one compared
    figures: frozenset[tuple[float, str | None]] = frozenset()
    # every value written in the window, read as a figure or not: "played for the Sixers for
    # 11 seasons and served as an assistant coach for seven" gives the other report's "seven
    # seasons" as an assistant coach, though the reader found nothing that "seven" counts
    values: frozenset[float] = frozenset()
    total: bool = False  # a running total ("in their five operations so far ... 31 magazines")
    # what it tallies when no count of one event (`numbers.tally`): "average" ("has averaged
    # more than 30 home runs"), "total" (a career's), "needed" ("needed nine points to pass
    # Phil Ford"), "part" ("37 of the candidates")
    tally: str | None = None
    # in a list of figures of its kind ("70 per cent of web services in Egypt, and 60 per cent
    # in India"), the words next to it that tell it from the others: the nearest stem on
    # each side
    listed: bool = False
    ends: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
    # neighbouring words joined ("back end" -> "backend"): met only by the other report's one
    # word, so two reports that both write "back end" do not count it twice
    compounds: frozenset[str] = frozenset()
    # the days the times resolved next to it cover ("In January ... to 4.75%", "7.4% in the
    # final quarter of last year"): figures of two periods that do not meet are two quantities
    when: tuple[tuple[date, date], ...] = ()
    # what a multiple multiplies ("more than five times the legal limit": legal, limit), or
    # what a property value is of ("a .38 caliber revolver": revolv; see PROPERTY_WORDS)
    reference: frozenset[str] = frozenset()
    # the words of the counted noun's compound between it and the figure ("three bank
    # workers": bank)
    phrase: tuple[str, ...] = ()
    # the initialisms written in the window ("go on IR") and the initials of its runs of
    # lower-case content words ("placed on injured reserve": IR): one report's "IR" is the
    # other's "injured reserve"
    acronyms: frozenset[str] = frozenset()
    initials: frozenset[str] = frozenset()
    # a family count ("the mother of 12 children", "one of her 12 children", "a mother of two
    # died"): the parent word before it ("mother", "" when none) and the person the sentence
    # names first before it, its subject ("horton"); None for any other figure
    kin: str | None = None
    owner: str | None = None
    # the person the sentence names last before it, not its claimant: whose figure it is
    # ("Vaughn finished with 16 points and nine rebounds" / "Austin Daye finished with 20 points
    # and eight rebounds": two players' rebounds, not a dispute)
    subject: str | None = None
    # who the reader says claims the figure, as stems, when named in two words or more
    # ("Initial estimates indicate that the total SEACOM repair time will be around twelve
    # days": initi, estim)
    claimant: frozenset[str] = frozenset()
    # written "the N X", nothing between ("the three holdouts"): a group the story has named
    definite: bool = False
    # for a duration, what the parse may find it is of: "ago" ("eight days ago"), "of" ("a term
    # of five years", "the term is five years") or None (`figure_parse.shape`)
    shape: str | None = None
    # a score's first side ("a 20 - 13 lead": 20, the figure being 13)
    score: float | None = None
    # the record written just before it ("improved to 52-3 with 46 KOs", "(52-3, 46 KOs)":
    # "52-3"), which says whose figure it is
    record: str | None = None


# A resolved time of the article: its span and the first and last day it covers (`days`).
_Period = tuple[int, int, tuple[date, date]]


def _context(
    text: str,
    claim: Claim,
    n: Number,
    periods: Sequence[_Period] = (),
    persons: Sequence[tuple[int, str]] = (),
) -> _Context | None:
    """The figure's head (what it counts) and the stems around it in its sentence (a claim can
    be one clause of it: "it arrested 23 pirates who threatened a merchant vessel" leaves "in
    the Gulf of Aden" to the next); None for a bare number."""
    left = SENTENCE_END.split(text[max(0, n.start - CONTEXT_CHARS) : n.start])[-1]
    right = SENTENCE_END.split(text[n.end : n.end + CONTEXT_CHARS], maxsplit=1)[0]
    before, after = sense_stems(left)[-CONTEXT_STEMS:], sense_stems(right)[:CONTEXT_STEMS]
    parent = _PARENT_OF.search(text, max(0, n.start - 30), n.start)
    counted = sense_stems(n.counts)[:1] if n.counts else []
    prop = _property(text, n)
    if prop:
        # "a .38 caliber revolver": the revolver's calibre, no count of revolvers
        head, label = (sense_stems(prop[0]) or [prop[0]])[0], prop[0]
    elif parent and not (counted and counted[0] in KIN_STEMS):
        # "a mother of two died": the reader's counted word is the verb; a parent of N
        # counts children
        head, label = "children", "children"
    elif n.counts:
        head, label = (counted or [n.counts])[0], n.counts
    elif n.unit and n.unit != "people":
        head = label = n.unit
    elif after and not after[0][:1].isdigit():
        head = after[0]
        words = [w.strip(",;:().!?").lower() for w in right.split()]
        label = next((w for w in words if sense_stems(w) == [head]), head)
    else:
        return None
    if names_no_count(text, n):
        return None  # "in the 12200 block of 223rd Street", "his 11th point": no count
    # other figures are no context: "14 AK-47 rifles, 31 magazines" and "Six AK 47 rifles, 12
    # magazines" share a product name, not a count
    stems = frozenset(s for s in before + after if not s[:1].isdigit()) - {head}
    lo, hi = n.start - len(left), n.end + len(right)
    # the figures' own words are no context: "60 per cent" joined is the other's "percent"
    chars = list(text[lo:hi])
    for x in claim.numbers:
        for i in range(max(x.start, lo), min(x.end, hi)):
            chars[i - lo] = " "
    blank = "".join(chars)
    compounds = _compounds(blank) - stems
    acronyms, initials = _initialisms(blank)
    near = frozenset(
        number_key(x) for x in claim.numbers if x is not n and lo <= x.start and x.end <= hi
    )
    # figures of another kind are no such value: "Echenique had 11 points, 11 rebounds" does
    # not give 11 points twice
    other = [x for x in claim.numbers if (x.counts, x.unit) != (n.counts, n.unit)]
    values = _values(text, lo, n.start, other) | _values(text, n.end, hi, other)
    start = sentence_start(text, n.start)
    kind = tally(text, n)
    # tally asked running_total already (a "total" when it holds) unless it stopped at an
    # average first or the figure is a share, which tally never reads as a running total
    total = kind == "total" or ((kind == "average" or n.unit == "%") and running_total(text, n))
    listed = any(
        x is not n and (x.counts, x.unit) == (n.counts, n.unit) and lo <= x.start and x.end <= hi
        for x in claim.numbers
    )
    words = [x for x in after if not x[:1].isdigit()]
    words = words[1:] if words[:1] == [head] else words
    ends = (frozenset(before[-LIST_STEMS:]), frozenset(words[:LIST_STEMS]))
    when = tuple(d for a, b, d in periods if lo <= a and b <= hi)
    kin = (sense_stems(parent.group(1))[0] if parent else "") if head in KIN_STEMS else None
    owner, subject = _named_before(persons, start, n)
    return _Context(
        claim, n, head, stems, label, figures=near, values=values, total=total,
        tally=kind, listed=listed, ends=ends, compounds=compounds, when=when,
        reference=prop[1] if prop else _reference(text, n),
        phrase=() if prop else _phrase(text, n), acronyms=acronyms,
        initials=initials, kin=kin, owner=owner, subject=subject, claimant=_claimant(n),
        definite=_definite(text, n), shape=figure_parse.shape(text, n.start, n.end),
        score=_score_of(text, n), record=_record_of(text, n),
    )  # fmt: skip


def _named_before(
    persons: Sequence[tuple[int, str]], start: int, n: Number
) -> tuple[str | None, str | None]:
    """The people (`persons`: (offset, key), sorted) the sentence from `start` names before the
    figure: the first (its subject, for a family count) and the last that is not the figure's
    claimant (whose figure it is). By bisection: an article names hundreds of people."""
    lo, hi = bisect_left(persons, (start, "")), bisect_left(persons, (n.start, ""))
    if lo >= hi:
        return None, None
    claimant = entity_key(n.claimed_by, "PERSON") if n.claimed_by else None
    last = next((persons[k][1] for k in range(hi - 1, lo - 1, -1) if persons[k][1] != claimant),
                None)  # fmt: skip
    return persons[lo][1], last


_THE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_OF_THE = re.compile(r"\bof\s+the\s+$", re.IGNORECASE)


def _definite(text: str, n: Number) -> bool:
    """Whether the figure is written "the N X", the counted noun right after it and nothing
    before it but "the" ("the three holdouts"; not "the other nine jurors", "the nine pro-death
    jurors", "the about 30 people"), and not as the set a part is taken from ("of the 23
    pirates")."""
    if not n.counts or n.qualifier or not _THE.search(text, max(0, n.start - 5), n.start):
        return False
    if _OF_THE.search(text, max(0, n.start - 8), n.start):
        return False  # "Of the 23 pirates arrested, 12 ...", "any of the 1,247 animal species"
    return (
        text.startswith(" " + n.counts, n.end)
        and not text[n.end + 1 + len(n.counts) : n.end + 2 + len(n.counts)].isalnum()
    )


# What a family count counts, as stems: a person has one number of children, so two reports'
# counts of one person's children are one quantity whatever else their sentences say (ECB+
# 33b: "Horton was the mother of 12 children" / "Horton, 34, was walking with one of her 12
# children").
KIN_STEMS = frozenset(["children", "child", "kid", "son", "daughter", "grandchildren", "sibl",
                       "brother", "sister"])  # fmt: skip
_PARENT_OF = re.compile(
    r"\b(mother|father|parent|grandmother|grandfather|mom|dad)\s+of\s+$", re.IGNORECASE
)
# The member of a family written before its whole: "one of her 12 children" counts her
# children, the family's size (not a part of another figure, as in "157 of 338 seats").
_ONE_OF_FAMILY = re.compile(r"\bone\s+of\s+(?:her|his|their|the)\s+$", re.IGNORECASE)


def _family_whole(text: str, n: Number) -> bool:
    """Whether a whole (`is_whole`) is the size of a family a member is one of ("one of her
    12 children"): compared like any family count."""
    kin = sense_stems(n.counts or "")[:1]
    return bool(kin and kin[0] in KIN_STEMS and _ONE_OF_FAMILY.search(text, 0, n.start))


def _same_family(a: _Context, b: _Context) -> bool:
    """Two family counts of one person: the same person named before them, or the same
    parent word and one more stem in common ("the mother of seven died from injuries" / "a
    mother of two died when a drunken driver struck her": mother, die)."""
    if a.kin is None or b.kin is None or a.head != b.head:
        return False
    if a.owner and a.owner == b.owner:
        return True
    return bool(a.kin) and a.kin == b.kin and len((a.stems & b.stems) - {a.kin}) >= 1


# Words a counted noun cannot be: units measure ("13 nautical miles" is a distance, not miles
# counted).
_UNIT_WORDS = frozenset(w for w, _ in UNITS)
# At most this many words between a figure and its counted noun make a compound ("three bank
# workers", "Ten fire engines").
PHRASE_WORDS = 2


@lru_cache(maxsize=4096)
def _phrase_pattern(counts: str) -> re.Pattern[str]:
    """Lower-case words before the counted noun `counts`, compiled once per noun: `re`'s own
    cache of 512 patterns is churned by the patterns made of article words, and compiling
    this one was 4% of the check's CPU on ECB+ dev."""
    return re.compile(rf"[ ]+((?:[a-z]+(?:-[a-z]+)*[ ]+){{1,{PHRASE_WORDS}}}){re.escape(counts)}\b")


def _phrase(text: str, n: Number) -> tuple[str, ...]:
    """The words a counted noun's compound puts between the figure and the noun ("three bank
    workers": bank; "Ten fire engines": fire; "six water-bombing aircraft": water-bombing),
    lower-case words only; empty for a measure ("a 44-yard field goal", "13 nautical miles"), a
    participle or adjective in -ing/-ed ("498 rushing yards"), a name, or no counted noun."""
    if not n.counts or n.unit not in (None, "people") or n.counts in _UNIT_WORDS:
        return ()
    m = _phrase_pattern(n.counts).match(text[n.end : n.end + 60])
    if m is None:
        return ()
    words = tuple(m.group(1).split())
    # a hyphenated compound is a noun's modifier, whatever its last part ("six water-bombing
    # aircraft" / "eight water-bombing aircraft", the example corpus)
    bare = [w for w in words if "-" not in w]
    return () if any(w.endswith(("ing", "ed")) for w in bare) else words


# A multiple names what it multiplies: "N times the X", up to a clause's end or a preposition
# (ECB+ 21a: "a blood-alcohol level more than five times the legal limit, according to charges"
# / "That's more than five times the legal limit": the two contexts share only "legal limit").
_MULTIPLE = re.compile(
    r"\s+times\s+(?:the|a|an|its|their|his|her)\s+(?P<ref>[a-z][a-z -]{0,40}?)"
    r"(?=\s*[,.;:!?)]|\s+(?:and|or|but|in|on|at|for|to|from|of|when|while|after|before|as)\b|\s*$)",
    re.IGNORECASE,
)


# Words that name a property a figure gives the value of, not a thing it counts: "a .38 caliber
# revolver" is a revolver's calibre, and two reports' calibres of one revolver are one quantity
# whatever else their windows say (ECB+ 19b: "pointed a. 38 caliber revolver at the officers" /
# "had a. 38 caliber Rohm's Industry revolver and he allegedly pointed it": one stem shared; the
# reader took the first as counting revolvers, the second as counting nothing).
PROPERTY_WORDS = frozenset(("caliber", "calibre", "gauge", "magnitude"))
_PROPERTY = re.compile(r"[ -]+(?P<prop>[a-z]+)\b(?P<rest>(?:[ ]+\S+){0,4})")
# A maker's name may stand between the property and its bearer ("Rohm's Industry revolver").
BEARER_WORDS = 4


def _property(text: str, n: Number) -> tuple[str, frozenset[str]] | None:
    """The property word right after a figure (`PROPERTY_WORDS`) and the stems of what bears it:
    the first lower-case word after it, past capitalised ones ("caliber Rohm's Industry
    revolver": revolv); None for any other figure, and no bearer when that word is a stop word
    ("an earthquake of 6.1 magnitude and ...")."""
    m = _PROPERTY.match(text, n.end, n.end + 80)
    if m is None or m.group("prop") not in PROPERTY_WORDS:
        return None
    words = m.group("rest").split()[:BEARER_WORDS]
    bearer = next((w for w in words if w.isalpha() and w.islower()), "")
    return m.group("prop"), frozenset(sense_stems(bearer))


# A figure still needed to reach a mark names the one who holds it: "needed nine points in the
# top-ranked Tar Heels' game against Evansville on Thursday night to pass Phil Ford for the
# record" / "needed just nine points in the game to eclipse Phil Ford for the top spot" (ECB+
# 31a: the two windows share two stems, Phil Ford out of the first's). Two such figures of one
# head and one named mark are one quantity, as two multiples of one reference are.
_NEEDED_BEFORE = re.compile(r"\bneed(?:s|ed)?\s+(?:(?:just|only|another|a further)\s+)?$")
_NEEDED_MARK = re.compile(r"\bto\s+[a-z]+\s+(?P<mark>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,2})")
# How far before the figure "needed" and its adverb may stand, and how far after it, within
# its sentence, the mark may be named.
NEEDED_CUE_CHARS = 30
NEEDED_MARK_CHARS = 120


def _needed_mark(text: str, n: Number) -> frozenset[str]:
    """The stems of the name a figure still needed is to reach ("needed nine points ... to pass
    Phil Ford": phil, ford); empty for any other figure and for a mark that is no name
    ("needed 12 votes to pass the bill")."""
    if not _NEEDED_BEFORE.search(text, max(0, n.start - NEEDED_CUE_CHARS), n.start):
        return frozenset()
    right = SENTENCE_END.split(text[n.end : n.end + NEEDED_MARK_CHARS], maxsplit=1)[0]
    m = _NEEDED_MARK.search(right)
    return frozenset(sense_stems(m.group("mark"))) if m else frozenset()


def _reference(text: str, n: Number) -> frozenset[str]:
    """The stems of what a multiple multiplies ("five times the legal limit": legal, limit), or
    of the mark a figure still needed is to reach (`_needed_mark`); empty for any other figure
    ("three times a week" is how often: "week" is no content stem, and "as many" is no
    reference)."""
    if n.counts != "times":
        return _needed_mark(text, n)
    m = _MULTIPLE.match(text, n.end)
    return frozenset(sense_stems(m.group("ref"))) if m else frozenset()


_LETTERS = re.compile(r"[a-z]+")


def _compounds(text: str) -> frozenset[str]:
    """Two neighbouring words written as one, stemmed: "on the back end" gives "backend", so it
    meets another report's "on the backend" (ECB+ 6b: "5% on the backend" / "five per cent on
    the back end")."""
    words = _LETTERS.findall(text.lower())
    # stop words too ("back" is one): a joined pair counts only where the other report has it
    # as one content word, so "of the" gives nothing
    stems = (word_stem(w1 + w2) for w1, w2 in zip(words, words[1:], strict=False))
    return frozenset(s for s in stems if s)  # the joined pair is one word of letters


_ACRONYM = re.compile(r"\b[A-Z]{2,4}\b")
_WORDS = re.compile(r"[A-Za-z]+")
# An initialism spells out this many words at most ("injured reserve", "merchant vessel").
INITIAL_WORDS = (2, 3)


def _initialisms(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The initialisms in a window ("IR", "MV") and the initials of its runs of lower-case
    content words ("placed on injured reserve": IR): ECB+ 25b "the second running back in two
    days to be placed on injured reserve" / "the fifth Saints running back to go on IR this
    season, the second in two days". Lower-case words only: "Indian Navy" is a name, whose
    initials are no evidence."""
    acronyms = frozenset(_ACRONYM.findall(text))
    words = [w if w.islower() and w not in STOP_WORDS and len(w) > 2 else "" for w in
             _WORDS.findall(text)]  # fmt: skip
    initials = frozenset(
        "".join(w[0] for w in words[i : i + k]).upper()
        for k in INITIAL_WORDS for i in range(len(words) - k + 1) if all(words[i : i + k])
    )  # fmt: skip
    return acronyms, initials


# In a list, the stems this near a figure on either side tell it from the list's others
# ("Gregory Echenique had 11 points" / "Echenique scored all 11 points": the name).
LIST_STEMS = 2


def _sentence_index(sentences: Sequence[tuple[int, int]], at: int) -> int:
    """The index of the last of a reading's sentences (in text order, apart) that starts at or
    before `at`; -1 when none does."""
    return bisect_right(sentences, at, key=itemgetter(0)) - 1


_WORD_VALUES = dict(NUMBER_WORDS)
_VALUE = re.compile(r"\d[\d,]*(?:\.\d+)?|[a-z]+", re.I)


def _values(text: str, start: int, end: int, skip: Sequence[Number]) -> frozenset[float]:
    """The numbers written in text[start:end], digits or number words ("11", "seven",
    "2,129"), but for those inside the `skip` figures."""
    out = set()
    for m in _VALUE.finditer(text, start, end):
        if any(x.start <= m.start() < x.end for x in skip):
            continue
        w = m.group(0)
        if w[0].isdigit():
            out.add(float(w.replace(",", "")))
        elif w.lower() in _WORD_VALUES:
            out.add(float(_WORD_VALUES[w.lower()]))
    return frozenset(out)


_RANGE_BEFORE = re.compile(r"\d\s?[-–]\s?$")
# A score is two figures joined by a hyphen before what it scores ("a 20 - 13 lead", "a 31-24
# win"): no range, one figure whose first side names it (ECB+ 29b).
_SCORE_BEFORE = re.compile(r"(?<![\d.,])(\d{1,3})\s?[-–]\s?$")
SCORE_NOUNS = frozenset(
    ("lead", "win", "victory", "edge", "advantage", "defeat", "loss", "deficit")
)


def _score_of(text: str, n: Number) -> float | None:
    """The first side of the score whose second side the figure is ("a 20 - 13 lead": 20, the
    reader's figure being "13" counting "lead"); None for any other figure."""
    m = _SCORE_BEFORE.search(text, max(0, n.start - 8), n.start)
    if m is None or n.counts not in SCORE_NOUNS or _RANGE_AFTER.match(text, n.end):
        return None
    return float(m.group(1))


_RANGE_AFTER = re.compile(r"\s?[-–]\s?[$€£]?\d")
# A record (wins-losses, wins-losses-draws) written just before a figure says whose figure it
# is: "improved the Ukrainian-born fighter to 52-3 with 46 KOs" / "Wladimir Klitschko (52-3, 46
# KOs)" (ECB+ 7a: the two windows share no word, the reader read no counted noun).
_RECORD_BEFORE = re.compile(
    r"(?<![\d.,])(\d{1,3}\s?[-–]\s?\d{1,3}(?:\s?[-–]\s?\d{1,3})?)\s*(?:,|\bwith)\s*$"
)
# How far before the figure the record is looked for.
RECORD_CHARS = 24


def _record_of(text: str, n: Number) -> str | None:
    """The record written just before the figure ("52-3 with 46 KOs": "52-3"), spaces and
    dashes written one way; None for any other figure."""
    m = _RECORD_BEFORE.search(text, max(0, n.start - RECORD_CHARS), n.start)
    return re.sub(r"\s", "", m.group(1)).replace("–", "-") if m else None


def _in_range(text: str, n: Number) -> bool:
    """One end of a range ("$140-150 million"): the reader gives each end as a figure."""
    return bool(
        _RANGE_BEFORE.search(text[max(0, n.start - 4) : n.start]) or _RANGE_AFTER.match(text, n.end)
    )


def _same_kind(a: _Context, b: _Context) -> bool:
    """Whether two figures can count one thing at all: one head and unit, both a running total
    or neither, and list entries with a word in common next to them."""
    if a.head != b.head or a.number.unit != b.number.unit or a.total != b.total:
        return False
    if a.tally != b.tally:
        return False  # "averaged more than 30 home runs" / "hit 13 home runs"
    if (a.score is None) != (b.score is None):
        return False  # "a 45 - 36 lead" / "its first 10 - point lead"
    if a.subject and b.subject and not same_person(a.subject, b.subject):
        return False  # two people's figures: "Vaughn finished with ... nine rebounds" / "Daye ..."
    if a.when and b.when and not any(x[0] <= y[1] and y[0] <= x[1] for x in a.when for y in b.when):
        return False  # "the rate rose to 4.75% in January" / "wage growth reached 7.4% last year"
    # "60 per cent in India" is not "52 percent in Egypt" of another list
    return not (a.listed or b.listed) or any(x & y for x, y in zip(a.ends, b.ends, strict=True))


# A claimant counts as context when named in this many stems at least: one word ("Microsoft",
# "police") names a story's main source, which gives many figures.
CLAIMANT_STEMS = 2


def _claimant(n: Number) -> frozenset[str]:
    stems = frozenset(sense_stems(n.claimed_by or ""))
    return stems if len(stems) >= CLAIMANT_STEMS else frozenset()


def _same_claimant(a: _Context, b: _Context) -> bool:
    """Whether one figure's claimant is named in the other's window or is its claimant: "Initial
    estimates indicate ... around twelve days" / "their initial estimates were that it would
    take 12 days to repair the cable" (ECB+ 30b)."""
    both = a.stems & b.stems  # a claimant the two windows share is counted there already
    return any(
        x.claimant and x.claimant <= (y.stems | y.claimant) and not x.claimant <= both
        for x, y in ((a, b), (b, a))
    )  # fmt: skip


def _shared(a: _Context, b: _Context) -> int:
    joined = (a.compounds & b.stems) | (b.compounds & a.stems)
    spelled = bool((a.acronyms & b.initials) | (b.acronyms & a.initials))
    claimed = _same_claimant(a, b)
    return (
        len(a.stems & b.stems) + len(joined) + len(a.figures & b.figures) + spelled + claimed
    )  # fmt: skip


def _match(a: _Context, b: _Context) -> int:
    """How much context two figures share, stems and equal figures beside them (0: not one
    quantity): `MIN_SHARED_CONTEXT`, two multiples of one reference ("ten times the legal
    limit" / "five times the legal limit"), two groups the reports name as "the N X" with a
    stem in common ("by the three holdouts" / "the eight holdouts refused to deliberate") or
    one so named with one stem fewer than `MIN_SHARED_CONTEXT`, or
    two contexts that are the same `MIN_WHOLE_CONTEXT` stems and nothing else ("He was
    sentenced to 12 years in prison" / "... to 17 years in prison")."""
    if _same_family(a, b) and not a.total and not b.total:
        return max(_shared(a, b), 1)
    if not _same_kind(a, b):
        return 0
    shared = _shared(a, b)
    if shared >= MIN_SHARED_CONTEXT:
        return shared
    if a.reference and a.reference == b.reference:
        return max(shared, 1)  # multiples of one named reference, one property's: one quantity
    if a.record and a.record == b.record:
        return max(shared, 1)  # "52-3 with 46 KOs" / "(52-3, 51 KOs)": one fighter's
    if a.score is not None and a.score == b.score and len(a.stems & b.stems) >= MIN_SCORE_CONTEXT:
        return shared  # "gave the Colts a 20 - 13 lead" / "the Colts held on to their 20 - 18 lead"
    # "by the three holdouts" / "the eight holdouts refused to deliberate"; one of them so
    # written, one stem fewer: "The two jurors kept their comments limited at the news
    # conference" / "Seven jurors who spoke at the news conference"; "One case involved ..."
    # names a member, not the size of "the two cases" (AllSides 098)
    named = (a.definite and b.definite) or shared >= MIN_SHARED_CONTEXT - 1
    group = min(a.number.value, b.number.value) > 1 and not (a.listed or b.listed)
    if (a.definite or b.definite) and named and group:
        return shared
    if a.phrase and a.phrase == b.phrase and shared >= MIN_SHARED_CONTEXT - 1:
        return shared  # "three bank workers died" / "left eight bank workers dead"
    whole = a.stems == b.stems
    return shared if whole and shared >= MIN_WHOLE_CONTEXT else 0


# Stems two scores with one side equal must share (besides that side) to be one score ("the
# Colts").
MIN_SCORE_CONTEXT = 1
# Two contexts that are the same two stems, and nothing else within the window, match as three
# shared stems would.
MIN_WHOLE_CONTEXT = 2


def person_offsets(readings: Mapping[str, Reading]) -> dict[str, list[tuple[int, str]]]:
    """Per article, the people its reading names: (offset, `entity_key`), in text order (what
    `figure_subjects` and `context_comparisons` take; made once per story)."""
    return {
        aid: sorted((e.start, k) for e in r.entities
                    if e.label == "PERSON" and (k := entity_key(e.canonical or e.text, "PERSON")))
        for aid, r in readings.items()
    }  # fmt: skip


def figure_subjects(
    claims: Sequence[Claim], texts: Mapping[str, str], persons: Mapping[str, list[tuple[int, str]]]
) -> dict[tuple[str, int], str]:
    """Per figure of the claims (article id, offset), whose figure it is: the person its
    sentence names last before it, not its claimant (`_Context.subject`). "Danny Green scored
    14 points, while Ty Lawson posted 15" gives Green's 14 and Lawson's 15, though one claim
    names both.

    Example:
        >>> from newsweave.model import Claim, Entity, Number
        >>> t = "Earl Clark scored 14 points, while Ty Lawson posted 15 points."
        >>> people = tuple(Entity(w, "PERSON", w, t.index(w), t.index(w) + len(w))
        ...                for w in ("Earl Clark", "Ty Lawson"))
        >>> figures = tuple(Number(float(v), None, "points", v, t.index(v), t.index(v) + 2)
        ...                 for v in ("14", "15"))
        >>> c = Claim("a:0", "a", t, 0, len(t), "asserted", numbers=figures)
        >>> persons = person_offsets({"a": Reading("a", ((0, len(t)),), entities=people)})
        >>> sorted(figure_subjects([c], {"a": t}, persons).values())
        ['person:clark', 'person:lawson']
    """
    out = {}
    for c in claims:
        text, mine = texts[c.article_id], persons.get(c.article_id, ())
        for n in c.numbers:
            _, subject = _named_before(mine, sentence_start(text, n.start), n)
            if subject:
                out[(c.article_id, n.start)] = subject
    return out


def _contexts(
    claims: Sequence[Claim],
    texts: Mapping[str, str],
    readings: Mapping[str, Reading],
    persons: Mapping[str, list[tuple[int, str]]],
) -> dict[int, list[_Context]]:
    periods: dict[str, list[_Period]] = {
        aid: [(t.start, t.end, d) for t in r.times if (d := days(t.resolved))]
        for aid, r in readings.items()
    }
    out: dict[int, list[_Context]] = {}
    for i, c in enumerate(claims):
        text = texts[c.article_id]
        found = [
            _context(text, c, n, periods.get(c.article_id, ()), persons.get(c.article_id, ()))
            for n in c.numbers
            if not is_change(text, n) and (not _in_range(text, n) or _score_of(text, n) is not None)
            and (not is_whole(text, n) or _family_whole(text, n))
        ]  # fmt: skip
        out[i] = [x for x in found if x is not None]
    return out


def with_orphans(
    claims: Sequence[Claim], readings: Mapping[str, Reading]
) -> tuple[list[Claim], list[int]]:
    """The claims and, after them, one claim per sentence for the figures no claim holds:
    claims are cut around quotes and speakers and short leftovers dropped ("After four days
    deliberating on whether to recommend "the death penalty"", "told reporters after the three
    holdouts left"), and the figures there are still figures of the report. The indices of the
    added claims are returned: they have no alignment score (see `_paired`)."""
    # a quotation running on over several sentences is one claim; its figures past the first
    # sentence are compared as that sentence's (ECB+ 19b: the police statement's third
    # sentence, "... pointed a .38 caliber revolver at the officers")
    out = [_first_sentence_figures(c, readings.get(c.article_id)) for c in claims]
    held = {(c.article_id, n.start) for c in out for n in c.numbers}
    added: dict[tuple[str, int], int] = {}
    for aid, r in readings.items():
        for n in r.numbers:
            k = _sentence_index(r.sentences, n.start)
            k = k if k >= 0 and n.start < r.sentences[k][1] else None
            if (aid, n.start) in held or k is None:
                continue
            if (aid, k) not in added:
                s, e = r.sentences[k]
                added[(aid, k)] = len(out)
                out.append(Claim(f"{aid}:s{k}", aid, "", s, e, "asserted", sentence=k))
            i = added[(aid, k)]
            out[i] = replace(out[i], numbers=(*out[i].numbers, n))
    return out, list(added.values())


def _first_sentence_figures(c: Claim, reading: Reading | None) -> Claim:
    """The claim with only the figures of the sentence it starts in."""
    if reading is None or not c.numbers or c.sentence >= len(reading.sentences):
        return c
    end = reading.sentences[c.sentence][1]
    kept = tuple(n for n in c.numbers if n.start < end)
    return c if len(kept) == len(c.numbers) else replace(c, numbers=kept)


def _paired(
    claims: Sequence[Claim],
    groups: Sequence[Sequence[int]],
    scores: Mapping[tuple[int, int], float],
    sources: Mapping[str, int],
    unscored: Sequence[int] = (),
) -> dict[int, set[int]]:
    """Per claim, the claims of other sources it is a candidate of; a claim made of a sentence
    no claim held (`unscored`) is a candidate of every claim of another source, its figures'
    context alone deciding."""
    partners: dict[int, set[int]] = {}

    def add(i: int, j: int) -> None:
        if sources[claims[i].article_id] != sources[claims[j].article_id]:
            partners.setdefault(i, set()).add(j)
            partners.setdefault(j, set()).add(i)

    for (i, j), s in scores.items():
        if s >= MIN_PAIR_SCORE:
            add(i, j)
    for group in groups:
        for x, i in enumerate(group):
            for j in group[x + 1 :]:
                add(i, j)
    for i in unscored:
        for j in range(len(claims)):
            add(i, j)
    return partners


def context_comparisons(
    claims: Sequence[Claim],
    groups: Sequence[Sequence[int]],
    scores: Mapping[tuple[int, int], float],
    articles: Mapping[str, Article],
    sources: Mapping[str, int],
    readings: Mapping[str, Reading] | None = None,
    persons: Mapping[str, list[tuple[int, str]]] | None = None,
) -> tuple[NumberComparison, ...]:
    """Figures of independent reports given in matching context whose values differ.

    Args:
        claims: the story's claims.
        groups: the propositions (indices into `claims`).
        scores: the alignment's candidate pair scores.
        articles: the story's articles by id.
        sources: each article's independent source label.
        readings: the articles' readings, whose figures no claim holds are compared too
            (`with_orphans`).
        persons: `person_offsets(readings)`, when the caller has made them already.

    Returns:
        One comparison per disagreeing pair (conflicting on one day, updated across days);
        figures that agree are left to the other comparisons.

    Example:
        >>> from newsweave.model import Article, Claim, Number
        >>> t1 = "He pulled a gun on two guards during a transfer."
        >>> t2 = "He pulled a gun on seven guards during a prison transfer."
        >>> def claim(aid, text, value, word):
        ...     at = text.index(word)
        ...     n = Number(value, None, "guards", word, at, at + len(word))
        ...     return Claim(f"{aid}:0", aid, text, 0, len(text), "asserted", numbers=(n,))
        >>> claims = [claim("a", t1, 2.0, "two"), claim("b", t2, 7.0, "seven")]
        >>> arts = {"a": Article("a", "a", t1), "b": Article("b", "b", t2)}
        >>> [(c.quantity, c.status) for c in context_comparisons(
        ...     claims, [[0], [1]], {(0, 1): 0.3}, arts, {"a": 0, "b": 1})]
        [('guards', 'conflicting')]
    """
    texts = {aid: a.text for aid, a in articles.items()}
    readings = readings or {}
    claims, unscored = with_orphans(claims, readings)
    persons = person_offsets(readings) if persons is None else persons
    ctx = _contexts(claims, texts, readings, persons)
    partners = _paired(claims, groups, scores, sources, unscored)
    figures = [a for i in ctx for a in ctx[i]]
    found, pending = _matches(ctx, partners, sources)
    for k, b in _parse_matches(figures, pending, texts, readings):
        found[k].append(b)
    out, seen = [], set()
    for a, matches in zip(figures, found, strict=True):
        by_article: dict[str, list[tuple[int, _Context]]] = {}
        for shared, b in matches:
            by_article.setdefault(b.claim.article_id, []).append((shared, b))
        for rivals in by_article.values():
            if any(b.number.value == a.number.value or a.number.value in b.values
                   for _, b in rivals):  # fmt: skip
                continue  # the other report gives this figure too: no dispute
            # a figure this report gives beside this one is no rival of it
            rivals = [(k, b) for k, b in rivals if b.number.value not in a.values]
            if not rivals:
                continue
            _, b = max(rivals, key=lambda x: (x[0], -x[1].number.start))
            key = frozenset(((a.claim.article_id, a.number.start),
                             (b.claim.article_id, b.number.start)))  # fmt: skip
            if key not in seen:
                seen.add(key)
                out.append((a, b))
    groups = _through_copies(out, articles, sources)
    found_ = (_comparison(group, articles, sources) for group in groups)
    return tuple(c for c in found_ if c.status in ("conflicting", "updated"))


def _through_copies(
    pairs: Sequence[tuple[_Context, _Context]],
    articles: Mapping[str, Article],
    sources: Mapping[str, int],
) -> list[list[_Context]]:
    """The matched pairs, those that are one dispute seen through copies joined, each figure
    once: "six water-bombing aircraft" in a page and in its feed item, each against "eight" in
    a later report, is one revision, not two. Pairs are one dispute when they give the same
    values of one quantity (label and unit) from the same sources on the same days; pairs that
    only share a figure are not (across a whole topic one "404 yards" matches "440" and "269":
    three quantities, not one), nor six aircraft and six fire engines against eight of each."""
    groups: dict[frozenset, list[_Context]] = {}
    for pair in pairs:
        key = frozenset(
            (sources[x.claim.article_id], x.number.value, x.label, x.number.unit,
             (articles[x.claim.article_id].published or "")[:10])
            for x in pair
        )  # fmt: skip
        members = groups.setdefault(key, [])
        members += [x for x in pair if all(x is not m for m in members)]
    return list(groups.values())


def _matches(
    ctx: Mapping[int, list[_Context]], partners: Mapping[int, set[int]], sources: Mapping[str, int]
) -> tuple[list[list[tuple[int, _Context]]], list[tuple[int, _Context]]]:
    """Per figure (in `ctx` order), the figures of other sources it matches by words, with
    their shared context; and the pairs of durations the words leave undecided
    (`_undecided`), as (index of the figure, other figure), for `_parse_matches`."""
    # figures of one compound ("three bank workers" / "eight bank workers") or two groups
    # written "the N X" are compared whether or not their claims are candidates: the words
    # name what they count (the holdouts' sentences are worded apart: scored under 0.15); so
    # are durations, for the parse
    compound: dict[tuple[str, ...], list[_Context]] = {}
    definite: dict[str, list[_Context]] = {}
    durations: dict[str, list[_Context]] = {}
    for mine in ctx.values():
        for x in mine:
            if x.phrase:
                compound.setdefault(x.phrase, []).append(x)
            if x.definite:
                definite.setdefault(x.head, []).append(x)
            if x.number.unit in figure_parse.DURATIONS and x.shape:
                durations.setdefault(x.shape, []).append(x)
    found: list[list[tuple[int, _Context]]] = []
    pending: list[tuple[int, _Context]] = []
    for i, mine in ctx.items():
        others = [x for j in sorted(partners.get(i, ())) for x in ctx[j]]
        candidates = {id(x) for x in others}
        for a in mine:
            named = [*compound.get(a.phrase, ()), *(definite.get(a.head, ()) if a.definite else ())]
            # the named ones not candidates already, each once, in order
            beyond = list({id(x): x for x in named if id(x) not in candidates}.values())
            apart = [
                b for b in others + beyond
                if sources[b.claim.article_id] != sources[a.claim.article_id]
            ]  # fmt: skip
            matches = [(k, b) for b in apart if (k := _match(a, b))]
            matched = {id(b) for _, b in matches}
            pending += [
                (len(found), b) for b in durations.get(a.shape or "", ()) if id(b) not in matched
                and sources[b.claim.article_id] != sources[a.claim.article_id]
                and _undecided(a, b)
            ]  # fmt: skip
            found.append(matches)
    return found, pending


# Stems two durations the words leave undecided must share to be parsed: the parse weighs what
# the words share, it does not stand in for them.
MIN_PARSED_CONTEXT = 1


def _undecided(a: _Context, b: _Context) -> bool:
    """Whether two durations the words did not match could still be one span: one unit and
    kind, and `MIN_PARSED_CONTEXT` shared stems."""
    return (
        a.number.unit in figure_parse.DURATIONS
        and _same_kind(a, b)
        and (_shared(a, b) >= MIN_PARSED_CONTEXT)
    )


def _sentence(text: str, n: Number, sentences: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """The reading's sentence that holds the figure (when unread, the text between the
    sentence ends around it)."""
    k = _sentence_index(sentences, n.start)
    if k >= 0 and n.end <= sentences[k][1]:
        return sentences[k]
    lo = sentence_start(text, n.start)
    tail = SENTENCE_END.split(text[n.end : n.end + SENTENCE_CHARS], maxsplit=1)[0]
    return lo, n.end + len(tail)


def _parse_matches(
    figures: Sequence[_Context],
    pending: Sequence[tuple[int, _Context]],
    texts: Mapping[str, str],
    readings: Mapping[str, Reading],
) -> list[tuple[int, tuple[int, _Context]]]:
    """The undecided pairs of durations that are one span by a parse of their sentences
    (`figure_parse.same_span`), as (index of the figure, (shared context, other figure))."""
    if not pending:
        return []
    spans: dict[tuple[str, int], tuple[str, int, int]] = {}
    for x in [figures[k] for k, _ in pending] + [b for _, b in pending]:
        key = (x.claim.article_id, x.number.start)
        if key not in spans:
            text = texts[x.claim.article_id]
            r = readings.get(x.claim.article_id)
            lo, hi = _sentence(text, x.number, r.sentences if r else ())
            spans[key] = (text[lo:hi], x.number.start - lo, x.number.end - lo)
    docs = figure_parse.parsed(s for s, _, _ in spans.values())
    roles = {k: figure_parse.role(docs[s], a, b) for k, (s, a, b) in spans.items()}
    out = []
    for k, b in pending:
        a = figures[k]
        ra = roles[(a.claim.article_id, a.number.start)]
        if figure_parse.same_span(ra, roles[(b.claim.article_id, b.number.start)]):
            out.append((k, (_shared(a, b), b)))
    return out


def _comparison(
    group: Sequence[_Context], articles: Mapping[str, Article], sources: Mapping[str, int]
) -> NumberComparison:
    ordered = sorted(group, key=lambda x: (x.claim.article_id, x.number.start))
    first = ordered[0]
    unit = first.number.unit
    quantity = first.label if unit in (None, first.label) else f"{first.label} ({unit})"
    items = [(articles[x.claim.article_id], x.number) for x in ordered]
    return named_comparison(quantity, unit, items, sources)
