"""Numbers reconciled across a story's articles: per quantity (what is counted, unit, who
claims it), the values per article, and whether they are consistent, conflicting, updated (a
later report's figure, as a death toll rises) or carried by one source only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..linking import shared_key_groups
from ..model import Article, Claim, Number, NumberComparison, NumberValue, Reading
from ..read.entities_vocab import NUMBER_WORDS
from ..vocab import YEAR_PATTERN
from .terms import claim_persons, persons_apart, speaker_key

# "about 4,000" agrees with 4,200: an approximate figure covers this relative distance.
APPROX_TOLERANCE = 0.1
_ABOVE = ("more than", "over", "at least", "above", "upwards of", "nearly")  # nearly: just below
_BELOW = ("less than", "under", "up to", "at most", "fewer than", "below")
_ABOUT = ("about", "around", "some", "roughly", "approximately", "almost", "nearly", "an estimated")


_BY = re.compile(r"\bby\s+(?:another\s+|a further\s+)?$", re.I)
# "by N" is a change only after a verb of change: "grown by 2,300 hectares", "raised its policy
# rate by 50 basis points" (the examples corpus), "prices rose by 11"; after any other verb it
# names an agent or a tally ("stormed by as many as four robbers", "is survived by two sons",
# "voted by five votes to two"), a figure like any other.
CHANGE_WORDS = frozenset(
    [
        "rise", "rises", "rose", "risen", "rising", "fall", "falls", "fell", "fallen", "falling",
        "grow", "grows", "grew", "grown", "growing", "increase", "increased", "increases",
        "increasing", "decrease", "decreased", "decreases", "decreasing", "cut", "cuts", "cutting",
        "raise", "raised", "raises", "raising", "lower", "lowered", "lowers", "lowering", "reduce",
        "reduced", "reduces", "reducing", "drop", "dropped", "drops", "dropping", "climb",
        "climbed", "climbs", "jump", "jumped", "jumps", "gain", "gained", "gains", "lose", "loses",
        "lost", "boost", "boosted", "expand", "expanded", "shrink", "shrank", "shrunk", "decline",
        "declined", "declines", "widen", "widened", "narrow", "narrowed", "trim", "trimmed",
        "slash", "slashed", "lift", "lifted", "surge", "surged", "soar", "soared", "plunge",
        "plunged", "tumble", "tumbled", "slip", "slipped", "dip", "dipped", "up", "down", "ahead",
        "behind", "higher", "lower", "more", "less", "won", "win", "wins", "beat", "trail",
        "trailed", "trails",
    ]
)  # fmt: skip
# How far back the verb of change is looked for: "raised its policy rate by 50".
CHANGE_WORDS_BEFORE = 5
_CLAUSE_BREAK = re.compile(r"[,;:.!?()]")


def is_change(text: str, n: Number) -> bool:
    """A change ("grown by 2,300 hectares") rather than a total ("3,800 hectares").

    Example:
        >>> def at(text, word):
        ...     i = text.index(word)
        ...     return is_change(text, Number(4.0, None, None, word, i, i + len(word)))
        >>> at("The fire has grown by four hectares.", "four")
        True
        >>> at("The shop was stormed by four robbers.", "four")
        False
    """
    before = text[max(0, n.start - 80) : n.start]
    m = _BY.search(before)
    if m is None:
        return False
    clause = _CLAUSE_BREAK.split(before[: m.start()])[-1].lower().split()
    return any(w in CHANGE_WORDS for w in clause[-CHANGE_WORDS_BEFORE:])


# A part written before its whole: "157 of 338 seats", "three out of five", or with its noun
# and "the": "156 seats of the 338" (the AllSides election story disputed 156 seats against
# the House's 338). A year is no part ("the 1967 slayings of seven women").
_PART = (
    rf"(?<![\d.,])(?!{YEAR_PATTERN}\b)\d[\d,]*(?:\.\d+)?%?"
    rf"|\b(?:{'|'.join(w for w, _ in NUMBER_WORDS)})"
)
_PART_OF = re.compile(
    rf"(?:{_PART})(?: +(?:out +)?of(?: +(?:the|its|their|his|her))?| +[a-z-]+ +of +the) +$",
    re.IGNORECASE,
)


def is_whole(text: str, n: Number) -> bool:
    """The whole a part is counted out of ("157 of 338 seats": 338), another quantity than
    the part, so never compared with one.

    Example:
        >>> t = "The Liberals took 156 seats of the 338 in the House."
        >>> i = t.index("338")
        >>> is_whole(t, Number(338.0, None, "seats", "338", i, i + 3))
        True
        >>> i = t.index("156")
        >>> is_whole(t, Number(156.0, None, "seats", "156", i, i + 3))
        False
    """
    return bool(_PART_OF.search(text[max(0, n.start - 40) : n.start]))


# A street address: "the 12000 block of East 223rd Street" (ECB+ 16b's "12000" / "12200" / "12500"
# block were disputed).
_ADDRESS = re.compile(r"\s+block\s+of\b", re.IGNORECASE)
_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
# A game clock names a moment, not a span: "with 10 minutes left in the fourth quarter" /
# "with four minutes left" are two moments of one game (ECB+ 29), not a disputed figure.
_CLOCK_LEFT = re.compile(
    r"(?:,?\s*\d+\s+seconds)?\s+(?:left|remain(?:ing|ed)?|to go|to play)\b", re.IGNORECASE
)
_CLOCK_UNITS = frozenset(("minutes", "hours"))
# A figure in brackets right after another, in another currency or unit, restates it: "$US1
# million ($1.52 million)", "110 billion euros ($158 billion)", "about 60 metres (200 feet)"
# (ECB+ 8 and 13: exchange rates of two days were disputed as two sums).
_CONVERTED = re.compile(
    r"\d(?:[\d.,]*\d)?(?:\s*-?\s*[A-Za-z²$€£]+\.?){0,3}\s*\(\s*"
    r"(?:about\s+|around\s+|roughly\s+|approximately\s+|some\s+|nearly\s+|almost\s+)?$"
)

# A figure written onto a word that names a kind: "32-bit versions of IE" and "32- and 64-bit
# versions" are versions of two kinds, not 32 and 64 versions (ECB+ 27 disputed them).
_KIND = re.compile(r"\s*-\s*(?:(?:and|or|to)\s+\d+\s*-\s*)?bit\b", re.IGNORECASE)


def names_no_count(text: str, n: Number) -> bool:
    """A figure that names a place, a rank, a moment or a kind, not a count: "the 12000 block of
    East 223rd Street", "his 11th point" (the reader keeps an ordinal: two reports' "85th
    Academy Awards" align their sentences; ECB+ alignment lost 56 pairs, 51 of them true,
    without them), "with 10 minutes left", "32-bit versions"; or that restates the figure
    before it in another unit ("$US1 million ($1.52 million)").

    Example:
        >>> t = "Police were called to the 12000 block of East 223rd Street."
        >>> i = t.index("12000")
        >>> names_no_count(t, Number(12000.0, None, "block", "12000", i, i + 5))
        True
        >>> t = "He scored his 11th point."
        >>> names_no_count(t, Number(11.0, None, "point", "11", 14, 16))
        True
        >>> t = "He scored with 4 minutes 48 seconds remaining."
        >>> names_no_count(t, Number(4.0, "minutes", None, "4 minutes", 15, 24))
        True
        >>> t = "Damage was put at $US1 million ($1.52 million)."
        >>> i = t.index("$1.52")
        >>> names_no_count(t, Number(1520000.0, "AUD", None, "$1.52 million", i, i + 13))
        True
        >>> t = "It covers 32- and 64-bit versions of Windows."
        >>> names_no_count(t, Number(32.0, None, None, "32", 10, 12))
        True
        >>> t = "It seized 23 pirates (12 Somali and 11 Yemeni)."
        >>> i = t.index("12")
        >>> names_no_count(t, Number(12.0, None, "somali", "12", i, i + 2))
        False
    """
    if n.unit in _CLOCK_UNITS and _CLOCK_LEFT.match(text, n.end):
        return True
    if n.unit and n.unit != "people" and _CONVERTED.search(text, max(0, n.start - 40), n.start):
        return True
    return bool(
        _ADDRESS.match(text, n.end) or _ORDINAL.match(text, n.end) or _KIND.match(text, n.end)
    )


# An average is a rate, another quantity than one count: "Teixeira ... has averaged more than 30
# home runs in his six big-league seasons" against "hit 13 home runs and 43 RBIs in 54 games"
# (ECB+ topic 10, two reports that share "home runs"); so is a figure for each game or carry:
# "his son's 23 points and eight rebounds a game" against one game's "7 rebounds" (ECB+ 31).
_AVERAGE = re.compile(r"\b(?:averag(?:e|ed|es|ing)|an average of|on average)\s+$", re.I)
_PER_EACH = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}(?:a|per|each)\s+(?:game|night|contest|match|start|carry|run)\b",
    re.I,
)
# A career's total is a running total: "Hansbrough entered the game with 2,282 points",
# "McDermott, a junior, now has 2,129 points", "It gave him 2,117 career points", "Rodney
# Buford's school scoring record of 2,116 points", "Cam Newton held the previous record at 4,051
# yards" against the game's "nine points" or "205 yards" (ECB+ 29 and 31: eight disputes, none
# of one quantity).
_CAREER_BEFORE = re.compile(
    r"\b(?:now ha(?:s|ve)|entered the game with|came in with|record\b[^.,;]{0,25}\b(?:of|with|at))"
    r"\s+$",
    re.I,
)
_CAREER_AFTER = re.compile(r"\s+career\b", re.I)
# What is still to reach is no count of what was done: "Hansbrough needed just nine points in the
# game to eclipse Phil Ford" against "Hansbrough scored 20 points" (ECB+ 31).
_NEEDED = re.compile(r"\bneed(?:ed|ing|s)?\s+(?:just\s+|only\s+|another\s+)?$", re.I)


# A part taken of a set is another quantity than the set: "with 37 of the candidates registered
# in the capital" against "288 candidates" (ECB+ 11).
_PART = re.compile(r"\s+of\s+(?:the|its|his|her|their|our|these|those)\b", re.I)


# A period between "No" (or a lone lower-case letter) and a figure ends no sentence: "the No. 5
# seed" is a rank, and ECB+'s tokens write ".38" as "a. 38 caliber revolver" (ECB+ 29a, 19b: the
# words before the figure were cut off). A window before a figure ends where the figure begins,
# hence "$" as well as a digit.
SENTENCE_END = re.compile(r"(?!(?:(?<=\bNo)|(?<=\bNos)|(?<=\b[a-z]))\.\s(?:\d|$))[.!?]\s|\n")
# How far back a figure's sentence is searched for its start (a running total's words).
SENTENCE_CHARS = 300
# How far after a figure, within its sentence, a running total's words are looked for.
TOTAL_AFTER_CHARS = 80


def sentence_start(text: str, at: int) -> int:
    """Where the sentence around `at` begins: after the last sentence end within
    SENTENCE_CHARS before it."""
    lo = max(0, at - SENTENCE_CHARS)
    window = text[lo:at]
    # the last end is found from the right: a sentence end starts at one of these characters,
    # and splitting the whole window on SENTENCE_END (the same answer) tries every position
    i = len(window)
    while (i := max(window.rfind(c, 0, i) for c in ".!?\n")) >= 0:
        if m := SENTENCE_END.match(window, i):
            return lo + m.end()
    return lo


# A running total is another quantity than one event's count: "In their five operations so far,
# the personnel ... have confiscated 14 AK-47 rifles, 31 magazines" against "Six AK 47 rifles,
# 12 magazines and 300 rounds of ammunition were seized from the boats" (ECB+ 12b, flagged
# before this: one haul against the warship's tally; "The ship has, thus far, confiscated a total
# of 14 AK 47 Rifles" likewise).
_RUNNING_TOTAL = re.compile(
    r"\b(?:so far|thus far|to date|in all|in total|altogether|all told|cumulative"
    r"|running total|(?:during|in|over|across) (?:the|its|their) (?:\w+ )?(?:operations|raids"
    r"|patrols|missions))\b",
    re.I,
)


# A piece each of _RUNNING_TOTAL's phrases holds, lower-cased.
_TOTAL_WORDS = ("so far", "thus far", "to date", "in all", "all told", "total", "altogether",
                "cumulative", "operations", "raids", "patrols", "missions")  # fmt: skip


def running_total(text: str, n: Number) -> bool:
    """Whether the figure's sentence says it is a running total ("so far", "thus far", "during
    its five operations"), before it or just after it."""
    # most figures have none of the words near them: a substring test first (tally asks for
    # every figure, often several times, and the pattern's search was 4% of the check)
    before = text[max(0, n.start - SENTENCE_CHARS) : n.start].lower()
    if any(w in before for w in _TOTAL_WORDS) and _RUNNING_TOTAL.search(
        text, sentence_start(text, n.start), n.start
    ):
        return True
    after = text[n.end : n.end + TOTAL_AFTER_CHARS]
    if not any(w in after.lower() for w in _TOTAL_WORDS):
        return False
    return _RUNNING_TOTAL.search(SENTENCE_END.split(after, maxsplit=1)[0]) is not None


# How a comparison's quantity names its tally: "total points", "share of candidates".
_TALLY_WORDS = {"average": "average", "total": "total", "needed": "needed", "part": "share of"}


def tally(text: str, n: Number) -> str | None:
    """What a figure tallies when it is no count of one event: "average", "total" (a career's, or
    a running total, `running_total`, but for a share), "needed" (what is still to reach) or
    "part" (of a set: "37 of the candidates"); None for a count.

    Example:
        >>> t = "McDermott now has 2,129 points after scoring 23 points and eight rebounds a game."
        >>> [tally(t, Number(v, None, w, s, t.index(s), t.index(s) + len(s)))
        ...  for v, w, s in ((2129.0, "points", "2,129"), (23.0, "points", "23"),
        ...                  (8.0, "rebounds", "eight"))]
        ['total', None, 'average']
    """
    if _AVERAGE.search(text, max(0, n.start - 30), n.start) or _PER_EACH.match(text, n.end):
        return "average"
    if (
        _CAREER_BEFORE.search(text, max(0, n.start - 40), n.start)
        or _CAREER_AFTER.match(text, n.end)
        # a share is of the whole so far whatever the words say ("has so far liberated ... an
        # area of more than 86% of the territory" is the other report's "over 86%")
        or (n.unit != "%" and running_total(text, n))
    ):
        return "total"
    if _NEEDED.search(text, max(0, n.start - 30), n.start):
        return "needed"
    if n.unit in (None, "people") and _PART.match(text, n.end):
        return "part"  # not "four days of the worst riots"
    return None


def figure_key(text: str, n: Number) -> tuple[str | None, str | None, bool, str | None] | None:
    """What a figure counts: (counts, unit, is_change, `tally`). A change ("grown by 2,300
    hectares") is another quantity than a total ("3,800 hectares"), an average or a career's
    total another than one game's count. None for a bare number, for the whole a part is
    counted out of (`is_whole`) and for a place or a rank (`names_no_count`)."""
    if not (n.counts or n.unit) or is_whole(text, n) or names_no_count(text, n):
        return None
    return (n.counts, n.unit, is_change(text, n), tally(text, n))


def figures(
    claims: Sequence[Claim], texts: Mapping[str, str]
) -> dict[tuple, list[tuple[Claim, Number]]]:
    """Per quantity, the claims that give exactly one figure of it, with that figure. A claim
    with two figures of one quantity ("6.8% ... the 3% target") says which is which only in
    words, so it is compared with nothing."""
    out: dict[tuple, list[tuple[Claim, Number]]] = {}
    for c in claims:
        mine: dict[tuple, list[Number]] = {}
        for n in c.numbers:
            key = figure_key(texts[c.article_id], n)
            if key is not None:
                mine.setdefault(key, []).append(n)
        for key, found in mine.items():
            if len(found) == 1:
                out.setdefault(key, []).append((c, found[0]))
    return out


def _bounds(n: Number) -> tuple[float, float]:
    """The values a figure admits, from its qualifier ("more than 86%" admits 86..inf)."""
    q = (n.qualifier or "").lower()
    v = n.value
    if q in _ABOUT:
        return v * (1 - APPROX_TOLERANCE), v * (1 + APPROX_TOLERANCE)
    if q in _ABOVE:
        return v * (1 - APPROX_TOLERANCE if q == "nearly" else 1), float("inf")
    if q in _BELOW:
        return float("-inf"), v
    return v, v


# Two bounds on one side ("more than 300" / "more than 320") agree as roundings of one count;
# this far apart they are two claims ("for more than three decades" / "more than eight
# decades", "up to 1,000 people" / "up to 2,000": ECB+ planted pairs).
BOUND_RATIO = 1.5


def _side(n: Number) -> str | None:
    q = (n.qualifier or "").lower()
    return "above" if q in _ABOVE and q != "nearly" else "below" if q in _BELOW else None


def values_agree(a: Number, b: Number) -> bool:
    """Two figures of one quantity agree when the values they admit overlap.

    Example:
        >>> from newsweave.model import Number
        >>> over = Number(86.0, "%", "territory", "over 86%", 0, 8, qualifier="over")
        >>> values_agree(over, Number(86.0, "%", "territory", "more than 86%", 0, 13, "more than"))
        True
        >>> twelve, fourteen = (Number(v, None, "people", str(v), 0, 2) for v in (12.0, 14.0))
        >>> values_agree(twelve, fourteen)
        False
        >>> one = Number(1.0, "people", "man", "one", 0, 3)
        >>> values_agree(one, Number(1.0, None, "co-worker", "one", 0, 3))  # a person either way
        True
    """
    if a.unit != b.unit and {a.unit, b.unit} != {None, "people"}:
        return False  # "killed one man" (people) and "killed one co-worker" (None) agree
    side = _side(a)
    if side is not None and side == _side(b) and min(a.value, b.value) > 0:
        return max(a.value, b.value) / min(a.value, b.value) <= BOUND_RATIO
    lo_a, hi_a = _bounds(a)
    lo_b, hi_b = _bounds(b)
    return lo_a <= hi_b and lo_b <= hi_a


def same_figure(a: Number, b: Number) -> bool:
    """Whether two figures state one value: equal with one unit, or within APPROX_TOLERANCE of
    each other with bounds that overlap ("about 4,200" / "more than 4,000"). "At least seven"
    admits nine, but a toll that went from seven to nine was revised.

    Example:
        >>> about = Number(4200.0, None, "residents", "About 4,200", 0, 11, qualifier="about")
        >>> over = Number(4000.0, None, "people", "More than 4,000", 0, 15, "more than")
        >>> same_figure(about, over)
        True
        >>> same_figure(Number(7.0, None, None, "At least seven", 0, 14, "at least"),
        ...             Number(9.0, None, None, "nine", 0, 4))
        False
    """
    if a.value == b.value and a.unit == b.unit:
        return True
    close = abs(a.value - b.value) <= APPROX_TOLERANCE * max(abs(a.value), abs(b.value))
    return close and values_agree(a, b)


def _day(v: NumberValue) -> str | None:
    return v.published[:10] if v.published else None


def figure_status(
    values: Sequence[NumberValue], numbers: Sequence[Number], sources: Mapping[str, int]
) -> tuple[str, str]:
    independent = len({sources[v.article_id] for v in values})
    pairs = list(zip(values, numbers, strict=True))
    apart = [
        (va, na, vb, nb) for x, (va, na) in enumerate(pairs) for vb, nb in pairs[x + 1 :]
        if sources[va.article_id] != sources[vb.article_id]
    ]  # fmt: skip
    # a later day's different figure is an update, even one an earlier "at least" admits (at
    # least seven dead on Tuesday, nine on Wednesday); on one day, figures that do not agree
    # conflict (12 injured at 9:00, 14 at 10:00)
    clash = [(va, vb) for va, na, vb, nb in apart if not values_agree(na, nb)]
    same_day = [(va, vb) for va, vb in clash if _day(va) is None or _day(va) == _day(vb)]
    if same_day:
        shown = "; ".join(f"{va.text} vs {vb.text}" for va, vb in same_day[:3])
        return "conflicting", f"independent sources disagree: {shown}"
    moved = [
        (va, vb) for va, na, vb, nb in apart
        if na.value != nb.value and _day(va) and _day(vb) and _day(va) != _day(vb)
    ]  # fmt: skip
    if moved:
        latest = max(values, key=lambda v: v.published or "")
        return "updated", f"revised over time; latest {latest.text} ({_day(latest)})"
    if independent >= 2:
        return "consistent", f"{independent} independent sources agree"
    return "single_source", "one source"


# What a figure counts, for the quantities news reports compare across articles: casualty and
# displacement counts. Stems of the word that names the quantity, found just after the figure
# ("14 were injured", "Twelve people were taken to ... hospital") or else just before it
# ("the death toll rose to nine"). Hospital admissions count the injured (the example corpus:
# the hospital's 12 against the fire service's 14).
QUANTITY_STEMS: dict[str, tuple[str, ...]] = {
    # "toll", not "death": "death penalty", "pro-death jurors" count no dead
    "people killed": ("kill", "die", "dead", "toll", "fatal", "bodi"),
    "people injured": ("injur", "hurt", "wound", "hospit", "admit", "treat"),
    "people missing": ("miss", "unaccount"),
    "people evacuated": ("evacu", "displac", "flee", "fled", "leav"),
    "people arrested": ("arrest", "detain"),
    "area burned": ("burn", "scorch"),
    "firefighters": ("firefight",),
}
# Quantities counted in whole numbers.
WHOLE_COUNTS = frozenset(q for q in QUANTITY_STEMS if q.startswith("people") or q == "firefighters")
_STEM_QUANTITY = {stem: q for q, stems in QUANTITY_STEMS.items() for stem in stems}
# How far to look: words after the figure, then before it; a clause ends the look.
WORDS_AFTER, WORDS_BEFORE = 7, 5
_CLAUSE_END = re.compile(r"[,;.:()]|\b(?:and|as|while|but|after|when)\b", re.I)


def _named(words: list[str]) -> str | None:
    from .terms import content_stems

    for word in words:
        for stem in content_stems(word):
            for prefix, quantity in _STEM_QUANTITY.items():
                if stem.startswith(prefix):
                    return quantity
    return None


# An area is named anywhere in the clause before it: "The wildfire burning in Sarn Province grew
# to 6,100 hectares" (the example corpus: the Sunday figure after Saturday's 3,800 burned).
AREA_UNITS = frozenset(("ha", "km²", "mi²", "m²"))
_TO_DEATH = re.compile(r"\bburn(?:ed|t)?\s+to\s+death\b", re.I)
# A toll named at the head of the clause, farther back than WORDS_BEFORE.
_TOLL = re.compile(r"\b(?:death|casualty)\s+toll\b", re.I)


def named_quantity(text: str, n: Number) -> str | None:
    """The quantity a figure counts, from the words next to it (see QUANTITY_STEMS).

    Example:
        >>> text = "At least seven people died and 14 were injured."
        >>> named_quantity(text, Number(14.0, "people", None, "14", 31, 33))
        'people injured'
        >>> named_quantity(text, Number(7.0, "people", "people", "seven", 9, 14))
        'people killed'
        >>> toll = "The death toll from the collapse of the old bridge rose to nine."
        >>> named_quantity(toll, Number(9.0, None, None, "nine", 58, 62))
        'people killed'
    """
    after = _CLAUSE_END.split(text[n.end : n.end + 80], maxsplit=1)[0].split()[:WORDS_AFTER]
    found = _named(after)
    if found == "area burned" and (n.unit == "people" or _TO_DEATH.search(" ".join(after))):
        # "3 bank employees were burnt to death" counts the dead, not an area
        return "people killed" if _TO_DEATH.search(" ".join(after)) else None
    if found:
        return found
    clause = _CLAUSE_END.split(text[max(0, n.start - 80) : n.start])[-1]
    reach = None if n.unit in AREA_UNITS else WORDS_BEFORE
    found = _named(list(reversed(clause.split()[-reach if reach else 0 :])))
    if found == "people missing":
        return None  # "missed four games", "missing 10 of the Saints' 16 games" (ECB+ 25)
    if found is None and _TOLL.search(clause):
        return "people killed"  # "the death toll from the collapse of the bridge rose to nine"
    return found


def story_quantities(
    docs: Sequence[tuple[Article, Reading]], sources: Mapping[str, int]
) -> tuple[NumberComparison, ...]:
    """The named quantities of the whole story (QUANTITY_STEMS) across its articles: a death
    toll given in one article's lead and another's third paragraph is one quantity."""
    found: dict[tuple[str, str | None], list[tuple[Article, Number]]] = {}
    for article, reading in docs:
        last: dict[str | None, Number] = {}
        for n in reading.numbers:
            name = named_quantity(article.text, n)
            if name in WHOLE_COUNTS and not n.value.is_integer():
                continue  # "a 6.7 magnitude earthquake killed ten": 6.7 counts no one
            if name in WHOLE_COUNTS and n.unit not in (None, "people"):
                continue  # "hospitalized for four weeks", "after eight days of rioting"
            if name and _breakdown(article.text, last.get(n.unit), n):
                continue
            last[n.unit] = n
            if name and not is_change(article.text, n) and not is_whole(article.text, n):
                unit = n.unit if n.unit != "people" else None
                found.setdefault((name, unit), []).append((article, n))
    out = []
    for (name, unit), every in found.items():
        for items in _referents(every):
            out.append(named_comparison(name, unit, items, sources))
    return tuple(out)


# How near after a larger figure of one unit a smaller one of a named quantity is a part of it.
BREAKDOWN_CHARS = 40
_SENTENCE_BREAK = re.compile(r"[.!?;]\s")


def _breakdown(text: str, whole: Number | None, n: Number) -> bool:
    """Whether `n` counts a part of the figure just before it in its sentence: "the three bank
    workers, a man and two women, died" gives two of the three dead, not a second toll."""
    if whole is None or n.value >= whole.value or n.start - whole.end > BREAKDOWN_CHARS:
        return False
    return not _SENTENCE_BREAK.search(text, whole.end, n.start)


# Reports of one count that disagree differ by less than this factor; a figure farther from
# the most reported one counts something else (the example corpus: 3 injured in the earlier
# footbridge collapse named as background, 1,800 evacuated from a second town, 1 firefighter
# treated, beside 12-14 injured, 4,200-6,000 evacuated, 320-420 firefighters).
SAME_REFERENT_FACTOR = 2.0


def _referents(items: list[tuple[Article, Number]]) -> list[list[tuple[Article, Number]]]:
    """Figures of one named quantity split into groups that can count one thing: around the
    value most articles give, within SAME_REFERENT_FACTOR of it; the rest likewise."""
    groups, rest = [], list(items)
    while rest:
        counts: dict[float, set[str]] = {}
        for a, n in rest:
            counts.setdefault(n.value, set()).add(a.id)
        anchor = max(counts, key=lambda v: (len(counts[v]), v))
        near = [
            (a, n) for a, n in rest
            if n.value > 0 and anchor > 0
            and max(n.value, anchor) / min(n.value, anchor) < SAME_REFERENT_FACTOR
            or n.value == anchor
        ]  # fmt: skip
        groups.append(near)
        rest = [x for x in rest if x not in near]
    return groups


def named_comparison(
    name: str, unit: str | None, items: list[tuple[Article, Number]], sources: Mapping[str, int]
) -> NumberComparison:
    values = tuple(
        NumberValue(a.id, n.value, n.unit, n.text, a.published, n.start, n.end, n.qualifier)
        for a, n in items
    )
    status, note = figure_status(values, [n for _, n in items], sources)
    claimed = {n.claimed_by for _, n in items}
    claimed_by = next(iter(claimed)) if len(claimed) == 1 else None
    return NumberComparison(name, unit, claimed_by, status, values, note)


def compare_numbers(
    claims: Sequence[Claim],
    groups: Sequence[Sequence[int]],
    articles: Mapping[str, Article],
    sources: Mapping[str, int],
    subjects: Mapping[tuple[str, int], str] | None = None,
) -> tuple[NumberComparison, ...]:
    """Per quantity within each proposition, the values per article and their status
    (figures of a named quantity are compared across the whole story: `story_quantities`).

    A quantity is what is counted and its unit (and who claims it), among the claims aligned
    as one proposition: two "people" figures in unrelated sentences are not one quantity, nor
    two people's figures (`subjects`: whose figure each is, by article id and offset, as
    `figure_context.figure_subjects` gives them; else the people its claim names).
    """
    texts = {aid: a.text for aid, a in articles.items()}
    out = []
    for group in groups:
        unnamed = [
            replace(c, numbers=tuple(n for n in c.numbers
                                     if named_quantity(texts[c.article_id], n) is None))
            for c in (claims[i] for i in group)
        ]  # fmt: skip
        for (counts, unit, change, kind), found in figures(unnamed, texts).items():
            for people in by_person(found, subjects or {}):
                # without what is counted ("6.8%", "3%"), figures that differ are two quantities
                for items in [people] if counts else _agreeing(people):
                    out.append(_comparison(items, (counts, unit, change, kind), articles, sources))
    return tuple(out)


def by_person(
    items: list[tuple[Claim, Number]], subjects: Mapping[tuple[str, int], str]
) -> list[list[tuple[Claim, Number]]]:
    """Figures split where they are other people's (their `subjects`, else the people their
    claims name: `claim_persons`), none in common ("Earl Clark finished with 22 points" /
    "Hansbrough finished the game with 20 points": two players' points, though the claims
    were aligned), each item joining the first group whose people it agrees with."""
    groups: list[tuple[list[tuple[Claim, Number]], list[frozenset[str]]]] = []
    for item in items:
        subject = subjects.get((item[0].article_id, item[1].start))
        mine = frozenset((subject,)) if subject else claim_persons(item[0])
        group = next((g for g in groups if not any(persons_apart(mine, p) for p in g[1])), None)
        if group is None:
            groups.append(([item], [mine]))
        else:
            group[0].append(item)
            group[1].append(mine)
    return [g for g, _ in groups]


def _agreeing(items: list[tuple[Claim, Number]]) -> list[list[tuple[Claim, Number]]]:
    """Figures split into runs of values that agree with the run's first."""
    runs: list[list[tuple[Claim, Number]]] = []
    for item in items:
        run = next((r for r in runs if values_agree(r[0][1], item[1])), None)
        if run is None:
            runs.append([item])
        else:
            run.append(item)
    return runs


def _comparison(
    items: list[tuple[Claim, Number]], key: tuple[str | None, str | None, bool, str | None],
    articles: Mapping[str, Article], sources: Mapping[str, int],
) -> NumberComparison:  # fmt: skip
    """One quantity's values across articles (`key`: its `figure_key`), with their status."""
    counts, unit, change, kind = key
    values = tuple(
        NumberValue(
            c.article_id, n.value, n.unit, n.text, articles[c.article_id].published,
            n.start, n.end, n.qualifier,
        )
        for c, n in items
    )  # fmt: skip
    status, note = figure_status(values, [n for _, n in items], sources)
    claimed = {speaker_key(n.claimed_by) for _, n in items}
    claimed_by = items[0][1].claimed_by if len(claimed) == 1 else None
    parts = ("change in" if change else None, _TALLY_WORDS.get(kind), counts,
             unit if unit != counts else None)  # fmt: skip
    quantity = " ".join(p for p in parts if p)
    return NumberComparison(quantity, unit, claimed_by, status, values, note)


def value_number(v: NumberValue) -> Number:
    """A stored value as the figure it was read from (what `values_agree` compares)."""
    return Number(v.value, v.unit, None, v.text, v.start, v.end, v.qualifier)


def merge_comparisons(
    numbers: Sequence[NumberComparison], sources: Mapping[str, int]
) -> tuple[NumberComparison, ...]:
    """Comparisons that hold one figure (an article's offset) in common, as one, named as the
    first of them, its status taken again over all their values: each proposition and each
    pair of sentences the figure contexts compare gives its own, so ".38-caliber" in five
    reports against ".357" in one was fifteen disputes of two values each (ECB+ topic 19), and
    the story's numbers listed one dispute fifteen times; a figure is one quantity, so the
    comparisons that name it otherwise ("revolver" and "caliber") are joined too.

    Example:
        >>> def value(aid, v, start):
        ...     return NumberValue(aid, v, None, str(v), None, start, start + 2)
        >>> ab = NumberComparison("caliber", None, None, "conflicting",
        ...                       (value("a", 38.0, 0), value("b", 357.0, 5)))
        >>> cb = NumberComparison("caliber", None, None, "conflicting",
        ...                       (value("c", 38.0, 9), value("b", 357.0, 5)))
        >>> (merged,) = merge_comparisons([ab, cb], {"a": 0, "b": 1, "c": 2})
        >>> [(v.article_id, v.value) for v in merged.values], merged.status
        ([('a', 38.0), ('b', 357.0), ('c', 38.0)], 'conflicting')
    """
    keys = [[(v.article_id, v.start) for v in n.values] for n in numbers]
    merged = [_merged([numbers[i] for i in group], sources) for group in shared_key_groups(keys)]
    return tuple(_one_agreement(merged, sources))


def _one_agreement(
    numbers: Sequence[NumberComparison], sources: Mapping[str, int]
) -> list[NumberComparison]:
    """Consistent comparisons of one quantity (name, unit, claimant) whose values all agree, as
    one: two propositions that each give "30-day" for the ceasefire in both seed reports were
    two identical rows in the story's numbers. Only what already agrees is joined, so no status
    changes: a figure one source gives is never made corroborated by another row's."""
    out: list[NumberComparison] = []
    agreed: dict[tuple, list[int]] = {}  # (quantity, unit, claimant) -> its consistent rows
    for n in numbers:
        if n.status != "consistent":
            out.append(n)
            continue
        rows = agreed.setdefault((n.quantity, n.unit, n.claimed_by), [])
        twin = next(
            (k for k in rows if all(same_figure(value_number(a), value_number(b))
                                    for a in out[k].values for b in n.values)),
            None,
        )  # fmt: skip
        if twin is None:
            rows.append(len(out))
            out.append(n)
        else:
            joined = _merged([out[twin], n], sources)
            order = list(dict.fromkeys(v.article_id for v in joined.values))
            values = sorted(joined.values, key=lambda v: (order.index(v.article_id), v.start))
            out[twin] = replace(joined, values=tuple(values))
    return out


def _merged(members: list[NumberComparison], sources: Mapping[str, int]) -> NumberComparison:
    """One comparison of `members`' values, each figure once (two claims cut from one sentence
    both hold its figure)."""
    values = tuple({(v.article_id, v.start): v for m in members for v in m.values}.values())
    if len(members) == 1 and len(values) == len(members[0].values):
        return members[0]
    status, note = figure_status(values, [value_number(v) for v in values], sources)
    claimed = {m.claimed_by for m in members}
    claimed_by = claimed.pop() if len(claimed) == 1 else None
    head = members[0]
    return NumberComparison(head.quantity, head.unit, claimed_by, status, values, note)
