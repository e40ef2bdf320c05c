"""Numbers: numeric claims with value, unit, qualifier, what they count, and who claims them.

`find_numbers(text, doc, quotes)` scans the text with patterns (digits, number words, "half a
year", money) and uses the light spaCy pass only to find the counted noun after a number (or the
noun a percentage is "of"). Dates, times of day, years, ages after names, list markers and
identifiers ("F-16", "COVID-19") are skipped.

Example:
    >>> from newsweave.read import nlp
    >>> text = "Russia claims more than 86% of the territory and 430 Ukrainian soldiers."
    >>> [(n.value, n.unit, n.counts, n.qualifier) for n in find_numbers(text, nlp.doc(text))]
    [(86.0, '%', 'territory', 'more than'), (430.0, 'people', 'soldiers', None)]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from ..model import Attribution, Number, Quote
from ..vocab import MONTH_ABBREVIATIONS, MONTH_NAMES, YEAR_PATTERN
from . import nlp
from .entities_vocab import (
    CLOCK_WORDS,
    COUNT_MODIFIERS,
    CURRENCIES,
    CURRENCY_CODES,
    DURATION_UNITS,
    FUNCTION_WORDS,
    MEASURE_UNITS,
    NOT_COUNTED_WORDS,
    NUMBER_WORDS,
    PEOPLE_NOUNS,
    QUALIFIERS,
    SCALES,
    UNITS,
)

__all__ = ["find_numbers"]


def _alternation(words: Sequence[str]) -> str:
    """A regex alternation, longest first, so "square kilometers" wins over "km"."""
    if not words:
        raise ValueError("_alternation needs at least one word")
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_WORD_VALUE = dict(NUMBER_WORDS)
# After a number, "dozen" and "hundred" multiply it as "million" does ("more than two dozen
# units", "five hundred people"; ECB+ read "two dozen" as a two and a twelve).
_COUNT_SCALES = (("dozen", 12.0), ("hundred", 100.0))
_SCALE = dict((*SCALES, *_COUNT_SCALES))
_QUALIFIER = dict(QUALIFIERS)
_UNIT = dict(UNITS)
_CURRENCY = dict(CURRENCIES)
_CURRENCY_CODES = frozenset((*_CURRENCY.values(), *CURRENCY_CODES))
_PEOPLE = frozenset(PEOPLE_NOUNS)
_MONTHS = frozenset((*MONTH_NAMES, *(w for w, _ in MONTH_ABBREVIATIONS)))
_CLOCK = frozenset(CLOCK_WORDS)
_DURATIONS = frozenset(DURATION_UNITS)
_MEASURES = frozenset(MEASURE_UNITS)
_FUNCTION = frozenset(FUNCTION_WORDS)
_NOT_NOUNS = frozenset(NOT_COUNTED_WORDS)
_MODIFIERS = frozenset(COUNT_MODIFIERS)
_PRONOUNS = frozenset(("he", "she", "it", "they", "we", "you", "i", "them", "us", "him"))
# A counted noun phrase is short: "300 Norland border guards".
_MAX_NOUN_WORDS = 4
# Entity labels that confirm a number word counts something ("five villages", not "no one").
_NUMERIC_LABELS = ("CARDINAL", "QUANTITY", "MONEY", "PERCENT")

_SYMBOLS = r"US\$|\$|€|£|¥|₽|₴"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS_1_19 = "|".join(w for w, v in NUMBER_WORDS if v < 20)
_WORDNUM = (
    rf"(?:(?:{_TENS})(?:-(?:{_UNITS_1_19}))?|{_UNITS_1_19}|(?:a\s+)?(?:dozen|hundred|thousand))"
)
_NUMBER = re.compile(
    rf"(?P<cur>{_SYMBOLS})?\s?"
    rf"(?:(?<![\w.,/:@#-])(?P<num>{_DIGITS})|(?<![\w-])(?P<word>{_WORDNUM})(?![\w-]))"
    # "a $2.6-million contract" (and ECB+'s spaced "$2.6 - million"): the scale after a hyphen
    rf"(?:(?:\s?-\s?|\s)?(?P<scale>{_alternation(list(_SCALE))})\b)?"
    r"(?P<pct>\s?%)?"
    r"(?:-(?P<hyunit>day|week|month|year|hour|minute|mile|kilometer|kilometre|km)"
    r"(?P<hylong>-long|-old)?\b)?",
    re.IGNORECASE,
)
_HALF = re.compile(r"\bhalf an? (?P<unit>year|month|day|hour|century|decade)\b", re.IGNORECASE)
_UNIT_AFTER = re.compile(rf"\s*(?P<unit>{_alternation(list(_UNIT))})(?![\w²])", re.IGNORECASE)
_CUR_AFTER = re.compile(
    rf"\s*(?P<cur>{_alternation([w for w in _CURRENCY if w[0].isalpha()])})\b", re.IGNORECASE
)
# A sum of money for each period or thing: "$23 million per season" (or "a $23 million average
# annual value") is no rival of the deal's "$184 million" (ECB+ 10: a conflict), but of another
# outlet's "$22 million a season".
_RATE_AFTER = re.compile(
    r"\s+(?:(?:per|a|an|each)\s+(?P<per>year|season|month|week|day|hour|share|barrel|person)"
    r"|(?P<adv>annually|yearly|monthly|weekly|daily|per annum)"
    r"|(?:average\s+)?(?P<adj>annual|yearly|monthly|weekly|daily))\b",
    re.IGNORECASE,
)
_RATE_ADVERBS = {"annually": "year", "annual": "year", "yearly": "year", "per annum": "year",
                 "monthly": "month", "weekly": "week", "daily": "day"}  # fmt: skip
_QUAL_BEFORE = re.compile(rf"\b(?P<q>{_alternation(list(_QUALIFIER))})\s+$", re.IGNORECASE)
_LIST_MARKER = re.compile(r"(?:^|\n)[ \t]*$")


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    value: float
    unit: str | None
    qualifier: str | None
    word: bool
    scale: float = 1.0  # what a written scale ("million") multiplied the figure by


# Between the two ends of a range whose scale is written once ("between $140 and $150
# million", "$140- $150 million", "3 to 4 billion"): the first end is in millions too.
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|and|or)\s*", re.IGNORECASE)


def find_numbers(
    text: str, doc: Doc, quotes: Sequence[Quote | Attribution] = ()
) -> tuple[Number, ...]:
    """Numeric claims in one article.

    Args:
        text: the article text.
        doc: the light spaCy pass over exactly that text (nlp.doc(text)).
        quotes: the article's quotes and attributions; a number inside one is claimed by its
            speaker (a quote's) or source (an attribution's: "the poll shows 52%").

    Returns:
        Numbers in text order; text[n.start:n.end] == n.text, the span holding the qualifier,
        the number and its unit ("more than 86%"), not the counted noun.

    Raises:
        ValueError: when doc was not made from text.
    """
    if not nlp.same_text(doc, text):
        raise ValueError("find_numbers: doc was made from a different text; pass nlp.doc(text)")
    starts = nlp.token_starts(doc)
    skip_ents = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")]
    out = []
    for hit in _hits(text):
        if _skipped(text, doc, starts, hit, skip_ents):
            continue
        counts, unit = _counted(text, doc, starts, hit)
        dated = _in_spans(hit, skip_ents) and _plural_after(text, hit)
        if counts is None and unit is None:
            # "the Tony awards three times", "five times the legal limit": how often, or a
            # multiple; "two nights", "11 seasons" the recogniser tags DATE, yet they count
            counts = "times" if _next_word(text, hit.end) == "times" else dated or None
        if hit.word and counts is None and unit is None and not _toll_before(text, hit):
            continue  # "one of them", "ten" alone: a number word needs something it counts
        if hit.word and not (
            _numeric_entity(doc, starts, hit) or _word_duration(hit) or dated or counts == "times"
        ):
            continue  # "no one knows": the recogniser did not take the word for a number
        out.append(
            Number(
                hit.value,
                unit,
                counts,
                text[hit.start : hit.end],
                hit.start,
                hit.end,
                hit.qualifier,
                _claimant(hit, quotes),
            )  # fmt: skip
        )
    return tuple(out)


# A model's designation is no count: "12 AK 47 guns" counted 47 guns, "an RTX 3060" 3060 of
# something (an initialism of two or three capitals just before the figure, not "US", "UK",
# "EU" or "UN"). An ISO currency code there is the figure's unit ("USD 2.65 billion").
# Ordinals stay figures: the check does not compare them (`check.numbers.names_no_count`), and
# two reports' "85th Academy Awards" align their sentences.
_CAPITALS_BEFORE = re.compile(r"(?<![\w.])(?!(?:US|UK|EU|UN) $)(?P<caps>[A-Z]{2,3}) $")


def _capitals(text: str, m: re.Match[str]) -> re.Match[str] | None:
    """The two or three capitals just before a figure written in digits ("AK 47", "USD 2.6")."""
    at = m.start("num")
    if not m.group("num") or m.group("cur"):
        return None
    return _CAPITALS_BEFORE.search(text, max(0, at - 5), at)


# "over 2m Windows users", "3m people": an "m" written onto the figure before the things it
# counts is a million (ECB+ 27: "has attacked over 2m Windows users" was 2 of nothing);
# "2m high", "a 100m sprint", "5 m" stay metres.
_MILLION_COUNTED = re.compile(
    r"\s+(?:[A-Z][a-z]+\s+)?(?P<w>people|children|men|women|[a-z]{2,}s)\b"
)
_NOT_PLURAL = frozenset(
    ("is", "was", "has", "this", "its", "as", "us", "across", "towards", "plus", "minus",
     "less", "besides", "thus", "upwards", "metres", "meters", "miles", "yards", "feet")
)  # fmt: skip


def _counted_million(text: str, m: re.Match[str]) -> bool:
    """Whether a figure's bare "m" ("2m") is a million: written onto the digits, followed by
    a plural noun (`_MILLION_COUNTED`)."""
    if m.group("scale").lower() != "m" or not m.group("num") or m.start("scale") != m.end("num"):
        return False
    after = _MILLION_COUNTED.match(text, m.end("scale"))
    return after is not None and after.group("w") not in _NOT_PLURAL


def _hits(text: str) -> list[_Hit]:
    out = []
    for m in _NUMBER.finditer(text):
        if not (m.group("num") or m.group("word")):
            continue
        caps = _capitals(text, m)
        if caps and caps.group("caps") not in _CURRENCY_CODES:
            continue  # a designation
        if m.group("word"):
            value = _word_value(m.group("word"))
            if value is None:
                continue
        else:
            value = float(m.group("num").replace(",", ""))
        start, end = m.start(), m.end()
        if not m.group("cur"):
            start = m.start("num") if m.group("num") else m.start("word")
        unit = None
        scale = m.group("scale")
        if scale:
            # "5 m" is metres unless money says otherwise; "m"/"k" count only after a symbol.
            if scale.lower() in ("m", "mm", "k") and not m.group("cur"):
                if not _counted_million(text, m):
                    end = m.end("num") if m.group("num") else m.end("word")
                    scale = None
                else:
                    value *= _SCALE[scale.lower()]
            else:
                value *= _SCALE[scale.lower()]
        if m.group("pct"):
            unit = "%"
        if m.group("hyunit"):
            if m.group("hylong") and m.group("hylong").lower() == "-old":
                continue  # "45-year-old": an age
            unit = _UNIT[m.group("hyunit").lower()]
        if m.group("cur"):
            unit = _CURRENCY[m.group("cur").lower()]
        elif caps:  # "USD 2.65 billion"
            unit, start = caps.group("caps"), caps.start()
        if unit is None:
            after = _UNIT_AFTER.match(text, end)
            cur = _CUR_AFTER.match(text, end)
            if cur:
                unit, end = _CURRENCY[cur.group("cur").lower()], cur.end()
            elif after and not (
                after.group("unit").lower() in ("m", "km")
                and text[after.end() : after.end() + 1] == "."
            ):
                unit, end = _UNIT[after.group("unit").lower()], after.end()
        if unit in _CURRENCY_CODES and (rate := _RATE_AFTER.match(text, end)):
            word = rate.group("adv") or rate.group("adj")
            per = rate.group("per") or _RATE_ADVERBS[" ".join(word.lower().split())]
            unit, end = f"{unit} per {per.lower()}", rate.end()
        qualifier = None
        q = _QUAL_BEFORE.search(text, max(0, start - 25), start)
        if q:
            qualifier, start = _QUALIFIER[q.group("q").lower()], q.start()
        out.append(_Hit(start, end, value, unit, qualifier, bool(m.group("word")),
                        _SCALE[scale.lower()] if scale else 1.0))  # fmt: skip
    for m in _HALF.finditer(text):
        start, qualifier = m.start(), None
        q = _QUAL_BEFORE.search(text, max(0, start - 25), start)
        if q:
            qualifier, start = _QUALIFIER[q.group("q").lower()], q.start()
        unit = _UNIT.get(m.group("unit").lower() + "s", m.group("unit").lower() + "s")
        out.append(_Hit(start, m.end(), 0.5, unit, qualifier, False))
    out.sort(key=lambda h: h.start)
    # A hit inside a longer one ("a hundred" inside "a hundred thousand") is dropped.
    kept: list[_Hit] = []
    for h in out:
        if kept and h.start < kept[-1].end:
            if h.end - h.start > kept[-1].end - kept[-1].start:
                kept[-1] = h
            continue
        kept.append(h)
    return _ranges_scaled(text, kept)


def _ranges_scaled(text: str, hits: list[_Hit]) -> list[_Hit]:
    """The hits, the first end of a range whose scale is written only after its second end
    scaled by it: "$140 and $150 million" is $140 million to $150 million, not $140."""
    out = list(hits)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if (a.scale == 1.0 and b.scale > 1.0 and a.unit == b.unit and not a.word
                and a.value < b.value / b.scale
                and _RANGE_JOIN.fullmatch(text, a.end, b.start)):  # fmt: skip
            out[k] = replace(a, value=a.value * b.scale, scale=b.scale)
    return out


# "the death toll from the collapse rose to nine": the count is named before the number.
_TOLL_BEFORE = re.compile(
    r"\btoll\b[^.;:!?]{0,60}?\b(?:to|at|reached|is|was|of|now)\s+$", re.IGNORECASE
)


def _toll_before(text: str, hit: _Hit) -> bool:
    """Whether a toll is named just before the number ("the death toll rose to nine")."""
    return bool(_TOLL_BEFORE.search(text, max(0, hit.start - 80), hit.start))


def _word_duration(hit: _Hit) -> bool:
    """ "ten years", "seven hours": a number word before a unit of time is a number, though the
    recogniser tags the words DATE or TIME, not CARDINAL ("one day" is a phrase, not a count)."""
    return hit.unit in _DURATIONS and hit.value != 1


def _numeric_entity(doc: Doc, starts: list[int], hit: _Hit) -> bool:
    """Whether the recogniser put a numeric entity on the hit's tokens."""
    k = _token_at(starts, hit.start)
    while k < len(doc) and doc[k].idx < hit.end:
        if doc[k].ent_type_ in _NUMERIC_LABELS:
            return True
        k += 1
    return False


def _word_value(word: str) -> float | None:
    w = re.sub(r"^a\s+", "", word.lower())
    if "-" in w:
        tens, ones = w.split("-", 1)
        return float(_WORD_VALUE[tens] + _WORD_VALUE[ones])
    return float(_WORD_VALUE[w]) if w in _WORD_VALUE else None


def _token_at(starts: list[int], char: int) -> int:
    """Index of the first token starting at or after char."""
    return bisect.bisect_left(starts, char)


def _skipped(
    text: str, doc: Doc, starts: list[int], hit: _Hit, date_spans: list[tuple[int, int]]
) -> bool:
    """Dates, times of day, years, ages after names, list markers."""
    core = text[hit.start : hit.end]
    before = text[max(0, hit.start - 12) : hit.start].lower().split()
    after = text[hit.end : hit.end + 12].lower().split()
    prev_word = before[-1].strip(",.") if before else ""
    next_word = after[0].strip(",.;") if after else ""
    if (prev_word in _MONTHS or next_word in _MONTHS) and hit.unit is None:
        return True  # "March 12", "12 March" (not "twelve days October 11": a dateline after)
    if next_word in _CLOCK or text[hit.end : hit.end + 1] == ":" or prev_word.endswith(":"):
        return True  # "5 p.m.", "10:30"
    if re.fullmatch(YEAR_PATTERN, core) and hit.unit is None:
        return True  # a year (never written with a comma)
    if re.fullmatch(r"0\d{3}", core):
        return True  # "0300": a time of day
    if _LIST_MARKER.search(text, max(0, hit.start - 40), hit.start) and (
        text[hit.end : hit.end + 1] in (".", ")")
    ):
        return True  # "1." / "2)" at the start of a line
    if text[max(0, hit.start - 2) : hit.start] == ", " and text[hit.end : hit.end + 1] == ",":
        k = _token_at(starts, hit.start) - 2
        if 0 <= k < len(doc) and doc[k].ent_type_ == "PERSON":
            return True  # "John Smith, 45, said": an age
    if prev_word == "aged":
        return True
    # Inside a DATE/TIME entity ("the 1990s", "June 17, 2025"), unless a duration ("14 years"),
    # a count of a plural noun ("11 seasons", "1288 candidates": tagged DATE all the same) or a
    # figure with a scale ("Between 3 and 4 million people fled" at a sentence's start is DATE)
    if hit.unit in _DURATIONS or hit.scale > 1 or _plural_after(text, hit):
        return False
    return any(a <= hit.start < b for a, b in date_spans)


def _in_spans(hit: _Hit, spans: list[tuple[int, int]]) -> bool:
    """Whether the hit overlaps a span ("up to two nights": the entity starts at "two")."""
    return any(a < hit.end and hit.start < b for a, b in spans)


_WORD_AFTER = re.compile(r"[ \t]+([A-Za-z]+)\b")


def _next_word(text: str, at: int) -> str | None:
    """The word just after `at` on the same line, as written."""
    m = _WORD_AFTER.match(text, at)
    return m.group(1) if m else None


def _plural_after(text: str, hit: _Hit) -> str | None:
    """The plural noun right after a number that has no unit ("11 seasons", "two nights"), in
    lower case; None otherwise. Lower-case words only: "the 2008 Olympics" names an event."""
    word = _next_word(text, hit.end)
    if hit.unit is not None or not word or not word.islower() or len(word) < 4:
        return None
    if word in _PEOPLE:
        return word  # "people", "children": plurals without an s
    if not word.endswith("s") or word.endswith("ss") or word in _NOT_NOUNS or word in _FUNCTION:
        return None
    if word.endswith("ties") and word[:-3] + "y" in _WORD_VALUE:
        return None  # "the early nineteen seventies": a decade
    return word


def _counted(text: str, doc: Doc, starts: list[int], hit: _Hit) -> tuple[str | None, str | None]:
    """What the number counts and its unit ("430 Ukrainian soldiers" -> soldiers, people)."""
    k = _token_at(starts, hit.end)
    unit = hit.unit
    n = len(doc)
    if unit in _MEASURES or (unit or "").split(" per ")[0] in _CURRENCY_CODES:
        # "86% of the territory", "an area of 259 square kilometers"
        if k < n and doc[k].lower_ == "of":
            return _noun_from(doc, k + 1), unit
        j = _token_at(starts, hit.start) - 1
        if unit != "%" and j >= 1 and doc[j].lower_ == "of" and _nounish(doc[j - 1]):
            return doc[j - 1].lower_, unit
        return None, unit
    if unit in _DURATIONS and not text[hit.start : hit.end].count("-"):
        return None, unit  # "14 years": a duration counts nothing
    noun = _noun_from(doc, k, of_ok=unit is None)
    if unit is None and noun in _PEOPLE:
        unit = "people"
    return noun, unit


def _nounish(tok) -> bool:
    """A word that may be (part of) a counted noun phrase: the light pass has no tags."""
    low = tok.lower_
    return tok.is_alpha and low not in _FUNCTION and low not in _NOT_NOUNS


def _modifier(tok) -> bool:
    """Words between a number and its noun: determiners, possessives, participles, "-"."""
    low = tok.lower_
    return (
        low in _MODIFIERS
        or tok.ent_type_ == "NORP"
        or tok.text in ("-", "\u2013")
        or (tok.is_alpha and tok.is_lower and low.endswith(("ed", "ly")) and len(low) > 4)
    )


def _joined_hyphen(doc: Doc, k: int) -> bool:
    """Whether token k is a hyphen joining the words on each side with no space ("water-
    bombing"), a word following it."""
    return (
        0 < k < len(doc) - 1
        and doc[k].text == "-"
        and not doc[k - 1].whitespace_
        and not doc[k].whitespace_
        and doc[k + 1].is_alpha
    )


def _noun_from(doc: Doc, k: int, of_ok: bool = False) -> str | None:
    """The head noun starting at token k, past determiners and modifiers."""
    n = len(doc)
    if of_ok and k + 1 < n and doc[k].lower_ == "of" and doc[k + 1].lower_ in ("the", "them"):
        return None  # "five of the ..." stays uncounted rather than guessed
    while k < n and _modifier(doc[k]):
        k += 1
    if k < n and doc[k].lower_ in _PRONOUNS:
        return None  # "one he liked"
    last = None
    stop = min(n, k + _MAX_NOUN_WORDS)
    joined = False
    while k < stop and _nounish(doc[k]) and doc[k].ent_type_ not in ("DATE", "TIME"):
        if last is not None and _modifier(doc[k]) and not joined:
            break  # "86% of the territory captured": a participle after the noun ends it
        last = doc[k]
        k += 1
        low = last.lower_
        if (low.endswith("s") and not low.endswith("ss")) or low in _PEOPLE:
            break  # "430 soldiers prisoner", "12 people-injured but alive": a plural ends it
        # "six water-bombing aircraft", "four fire-damaged homes": the compound goes on past
        # its hyphen, whatever the word after it
        joined = _joined_hyphen(doc, k)
        if joined:
            k += 1
    # "Top 5 This Week": a capitalised word mid-sentence is a title or a name, not a count.
    if last is None or not last.is_lower:
        return None
    return last.lower_


def _claimant(hit: _Hit, quotes: Sequence[Quote | Attribution]) -> str | None:
    """The speaker (or source) of the narrowest quote or attribution holding the number."""
    holding = [
        (q.end - q.start, who)
        for q in quotes
        if q.start <= hit.start and hit.end <= q.end
        and (who := q.speaker if isinstance(q, Quote) else q.source)
    ]  # fmt: skip
    return min(holding, key=lambda h: h[0])[1] if holding else None
