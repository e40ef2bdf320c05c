"""Planted conflicts: two independent reports of one ECB+ event that state the same figure;
in one report the figure is changed (a conflict the stage must flag) or rewritten in an
equivalent form (a non-conflict it must not flag). Built at run time from ../shared; no text
is ever written to the repo.

"The same figure" is decided without the checker: the same value and counted word, in two
sentences that share `MIN_SHARED_WORDS` content words besides it (words that only say how
exact or when, "nearly", "ago", are no shared subject), and no part of a name ("8 Block", "AK
47", "IE 8 Beta"). A change is planted as a conflict only when no statement of that figure in A
admits the new value, qualifiers read as a reader reads them (`_compatible`: "about 30" covers
27-33, "up to seven nights" admits "two nights", two "more than"s within `BOUND_FACTOR` are
roundings of one count). Before 2026-12-02 15:20 any equal value and counted word was planted:
15 of its 100 conflicts were no conflicts (docs/benchmarks.md); the qualifier rule (19:55)
dropped 4 more ("up to seven nights", "as many as nine robbers", "about 35 days", "nearly two
decades"). Left in: plants whose two sentences share a word but tell of two things (two spans
of "three weeks"), which no word rule tells apart without dropping real ones.

Example:
    >>> a = "Police said 3 people died and 54 percent of homes lost power."
    >>> b = "Three people died, officials said; 54 percent of homes were dark."
    >>> [(f.value, f.text) for f in figures(b)]
    [(3.0, 'Three people'), (54.0, '54 percent')]
    >>> for p in plants(a, b):
    ...     print(p.kind, p.new)
    conflict Eight people
    equivalent 3 people
    conflict 64 percent
    equivalent 54%
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from newsweave.model import Article

NUMBER_WORDS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
)
# A figure: digits (with thousands commas and a decimal part) or a number word, an optional
# "million"/"billion", then "percent"/"%" or the next word (what is counted).
_FIGURE = re.compile(
    r"\b(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + "|".join(NUMBER_WORDS) + r")"
    r"(?:\s+(?P<scale>million|billion))?"
    r"(?P<unit>%|\s+percent\b|\s+per\s+cent\b|\s+[a-z]+\b)",
    re.IGNORECASE,
)
_SCALE = {"million": 1e6, "billion": 1e9}
# Figures that are dates or clock times in news text, not quantities: never planted.
SKIP_UNITS = {
    "p",
    "a",
    "pm",
    "am",
    "th",
    "st",
    "nd",
    "rd",
    "and",
    "or",
    "of",
    "to",
    "in",
    "the",
    "with",
    "for",
    "at",
    "on",
    "by",
    "from",
    "as",
    "is",
    "was",
    "were",
    "are",
    "who",
    "that",
    "but",
    "after",
    "before",
    "last",
    "more",
    "less",
    "than",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
}
# "one" is a pronoun as often as a count ("one night", "one of them"); "09" in "2008-09" and
# "3" in "3-1" are parts of a season or a score: a figure glued to these characters is skipped.
SKIP_WORDS = {"one", "zero"}
GLUED = "-/:.,'’$#"


@dataclass(frozen=True, slots=True)
class Figure:
    value: float
    unit: str  # "%" or the lower-cased counted word
    text: str
    start: int
    end: int
    form: str  # "digits", "word", "scaled"


@dataclass(frozen=True, slots=True)
class Plant:
    """One change to report B: `kind` "conflict" or "equivalent", the span it replaces in B's
    text and the new wording."""

    kind: str
    start: int
    end: int
    old: str
    new: str


def figures(text: str) -> list[Figure]:
    """Quantities with what they count, in text order (years and clock times left out)."""
    out = []
    for m in _FIGURE.finditer(text):
        num, scale, unit = m.group("num"), m.group("scale"), m.group("unit").strip().lower()
        unit = "%" if unit in ("%", "percent") or unit.startswith("per") else unit
        glued = m.start() > 0 and text[m.start() - 1] in GLUED
        if (
            unit in SKIP_UNITS
            or num.lower() in SKIP_WORDS
            or glued
            or num.startswith("0")
            or (not scale and re.fullmatch(r"(1[89]|20)\d\d", num))
        ):
            continue
        if num.lower() in NUMBER_WORDS:
            value, form = float(NUMBER_WORDS.index(num.lower())), "word"
        else:
            value, form = float(num.replace(",", "")), "digits"
        if scale:
            value, form = value * _SCALE[scale.lower()], "scaled"
        out.append(Figure(value, unit, m.group(0), m.start(), m.end(), form))
    return out


def _changed(f: Figure) -> str:
    """The figure with a different value, in its own form: 3 -> 8, 54% -> 64%, 1.5 million ->
    2.5 million, "three" -> "eight"."""
    if f.form == "word":
        new = NUMBER_WORDS[2 + (int(f.value) + 3) % 11]  # two..twelve, never the same
        word = f.text.split()[0]
        new = new.capitalize() if word[0].isupper() else new
        return new + f.text[len(word) :]
    m = _FIGURE.match(f.text)
    num = m.group("num")
    shown = float(num.replace(",", ""))
    bumped = shown + (
        1 if f.form == "scaled" else 10 if f.unit == "%" else 5 if shown < 100 else 1000
    )
    text = f"{bumped:,.0f}" if "," in num else (f"{bumped:g}" if "." in num else f"{int(bumped)}")
    return text + f.text[m.end("num") :]


def _equivalent(f: Figure) -> str | None:
    """The same quantity in another form: "54 percent" <-> "54%", "three" <-> "3" (up to
    twelve), "1.5 million" -> "1,500,000"; None when no such rewrite applies."""
    m = _FIGURE.match(f.text)
    rest = f.text[m.end("num") :]
    if f.form == "scaled":
        return f"{f.value:,.0f}" + f.text[m.end() - len(m.group("unit")) :]
    if f.unit == "%":
        return m.group("num") + ("%" if rest.strip() != "%" else " percent")
    if f.form == "word":
        return f"{int(f.value)}{rest}"
    if f.value.is_integer() and 0 <= f.value < len(NUMBER_WORDS):
        return NUMBER_WORDS[int(f.value)] + rest
    return None


# Words of a figure's sentence that say nothing of what it is about.
_FUNCTION_WORDS = frozenset(
    [
        "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "from",
        "with", "as", "is", "was", "were", "are", "be", "been", "has", "have", "had", "that",
        "this", "these", "those", "it", "its", "he", "she", "they", "his", "her", "their", "them",
        "who", "which", "what", "when", "where", "said", "says", "after", "before", "than", "more",
        "less", "about", "over", "under", "into", "out", "up", "not", "no", "also", "would",
        "will", "could", "can", "may", "just", "only", "there", "here", "then", "year", "years",
        "day", "days", "week", "weeks", "time", "times", "some", "all", "other", "one", "two",
        "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ]
)  # fmt: skip
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
_WORD = re.compile(r"[a-z]+")
# A figure counts the same thing in both reports when its two sentences share this many
# content words besides the counted word: "hospitalized for the past three weeks for pneumonia"
# and "a heart attack suffered almost three weeks ago" share none (two spans of time), "the
# offer ... at least eight years" and "Eight years seems like a reasonable contract length"
# share none (an opinion, not the offer).
MIN_SHARED_WORDS = 1
# What a figure's qualifier lets it admit, read the way a reader reads it (and the checker:
# one definition of a rounding, check/numbers.py APPROX_TOLERANCE and BOUND_RATIO, not fitted
# to the plants): "about 30" covers 27-33, "more than 50" 50 and up, "up to seven" seven and
# below, "nearly 20" 18-20. A change is a conflict only when the two reports' statements then
# admit no common value: "up to seven nights" still admits the other report's "two nights",
# "as many as nine robbers" its "four robbers", "about 35 days" its "about 30 days".
APPROX_FACTOR = 0.1
# Two bounds on one side are roundings of one count this close: "more than 50" and "more than
# 55" firefighters can both be true; "more than three decades" / "more than eight decades" are
# two claims.
BOUND_FACTOR = 1.5
_QUALIFIERS = (
    ("above", r"more than|over|at least|upwards of|above"),
    ("below", r"up to|as many as|as much as|fewer than|less than|under|at most|below"),
    ("nearly", r"nearly|almost|just under"),
    ("about", r"about|around|roughly|approximately|some|an estimated"),
)
_QUALIFIER = [
    (kind, re.compile(rf"\b(?:{words})\s+$", re.IGNORECASE)) for kind, words in _QUALIFIERS
]
# Words that say how exact a figure is or when it was, not what it counts: two sentences that
# share only these ("for nearly two decades" / "nearly two decades ago") share no subject.
_QUALIFIER_WORDS = frozenset(
    ["nearly", "almost", "least", "most", "many", "much", "upward", "fewer", "around",
     "roughly", "approximately", "estimated", "above", "below", "ago"]
)  # fmt: skip


def _qualifier(text: str, f: Figure) -> str | None:
    """The kind of qualifier right before the figure: "above", "below", "nearly", "about"."""
    before = text[max(0, f.start - 30) : f.start]
    return next((kind for kind, rx in _QUALIFIER if rx.search(before)), None)


def _admits(kind: str | None, v: float) -> tuple[float, float]:
    if kind == "about":
        return v * (1 - APPROX_FACTOR), v * (1 + APPROX_FACTOR)
    if kind == "nearly":
        return v * (1 - APPROX_FACTOR), v
    if kind == "above":
        return v, float("inf")
    if kind == "below":
        return float("-inf"), v
    return v, v


def _compatible(kind_a: str | None, a: float, kind_b: str | None, b: float) -> bool:
    """Whether two statements of one quantity can both be true (a rounding of each other)."""
    if kind_a in ("above", "below") and kind_a == kind_b and min(a, b) > 0:
        return max(a, b) < BOUND_FACTOR * min(a, b)
    lo_a, hi_a = _admits(kind_a, a)
    lo_b, hi_b = _admits(kind_b, b)
    return lo_a <= hi_b and lo_b <= hi_a


def _sentence_words(text: str, f: Figure) -> frozenset[str]:
    """The content words of the figure's sentence, crudely singular, the figure left out."""
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, f.start)), default=0)
    end = next((m.start() for m in _SENTENCE_END.finditer(text, f.end)), len(text))
    words = _WORD.findall((text[start : f.start] + " " + text[f.end : end]).lower())
    return frozenset(
        w.removesuffix("s")
        for w in words
        if len(w) > 2 and w not in _FUNCTION_WORDS and w not in _QUALIFIER_WORDS
    ) - {f.unit.removesuffix("s")}


def _named(text: str, f: Figure) -> bool:
    """Whether the figure is part of a name rather than a count: the word it counts is
    capitalised ("their 8 Block gang", "IE 8 Beta 2"; not "46 KOs"), or a word in capitals
    stands right before it, or before a hyphen before it ("Six AK 47 rifles", "14 AK - 47
    Rifles"; not "with John 12 weeks ago" or "their 20 - 13 lead")."""
    word = f.text.split()[-1]
    acronym = word[:-1].isupper() and word.endswith("s")  # "46 KOs", "43 RBIs": counts
    if f.unit != "%" and word[:1].isupper() and not acronym and not f.text[:1].isupper():
        return True
    before = text[max(0, f.start - 30) : f.start].split("\n")[-1].split()
    before = before[:-1] if before[-1:] == ["-"] else before
    last = before[-1] if before else ""
    return len(last) > 1 and last.isalpha() and last.isupper()


# "N weeks ago" is a point in time, "for the past N weeks" a span: a figure followed by "ago"
# states the same thing only as another one followed by "ago" (ECB+ 4a: "hospitalized for the
# past three weeks for pneumonia" / "a heart attack suffered almost three weeks ago").
_AGO = re.compile(r"\s+ago\b", re.IGNORECASE)


def _ago(text: str, f: Figure) -> bool:
    return bool(_AGO.match(text, f.end))


# Plants read by hand (2026-12-03, h-planted5) and found to be no conflict: the changed figure
# states something no statement of A's is about, though the two sentences share a word. Keyed
# by B's file, the figure's offset in B's extracted text and its words; each is reported apart
# (`run`: the "conflict, read" row), never dropped from the planted set.
READ_NOT_CONFLICTS = (
    # A: CC Sabathia's Yankees contract "for the next seven years"; B: how far past seven years
    # the Angels would go for Teixeira: two players' contracts
    ("10_19ecbplus.txt", 914, "seven years"),
    # A: the Kraft shooting "two years ago" (September 2010, from a 2012 trial report); B: "Two
    # years ago, a female college student committed a shooting at a Louisiana college": another
    # shooting, named as background
    ("22_11ecbplus.txt", 1236, "Two years"),
    # A: "up to 70 per cent of web services in Egypt, and 60 per cent in India"; B: "about 70
    # percent of the communications network in India and the Middle East": another measure of
    # another region (B's one word in common, India, is A's 60 per cent)
    ("30_11ecb.txt", 1737, "70 percent"),
)


def read_not_conflict(b: Article, p: Plant) -> bool:
    """Whether a planted conflict is one read by hand as none (`READ_NOT_CONFLICTS`)."""
    name = b.source.replace("\\", "/").rsplit("/", 1)[-1]
    return p.kind == "conflict" and (name, p.start, p.old) in READ_NOT_CONFLICTS


def plants(a_text: str, b_text: str) -> list[Plant]:
    """For each figure B states that A states too (same value, same counted word, in sentences
    that share `MIN_SHARED_WORDS` content words, no name like "AK 47"), a conflict (only a
    change no statement of A's admits, qualifiers read: "up to seven" admits A's "two") and,
    where one exists, an equivalent rewrite of B's wording."""
    mine = [f for f in figures(a_text) if not _named(a_text, f)]
    out = []
    for f in figures(b_text):
        words = _sentence_words(b_text, f)
        same = [
            g for g in mine if (g.value, g.unit) == (f.value, f.unit)
            and len(words & _sentence_words(a_text, g)) >= MIN_SHARED_WORDS
            and _ago(a_text, g) == _ago(b_text, f)
        ]  # fmt: skip
        if not same or _named(b_text, f):
            continue
        new = _changed(f)
        changed = figures(new)
        value = changed[0].value if changed else f.value
        kind = _qualifier(b_text, f)
        if not any(_compatible(_qualifier(a_text, g), g.value, kind, value) for g in same):
            out.append(Plant("conflict", f.start, f.end, f.text, new))
        eq = _equivalent(f)
        if eq is not None:
            out.append(Plant("equivalent", f.start, f.end, f.text, eq))
    return out


def apply(article: Article, plant: Plant) -> tuple[Article, tuple[int, int]]:
    """B with the plant applied (a new id), and the planted span in its new text."""
    text = article.text[: plant.start] + plant.new + article.text[plant.end :]
    planted = replace(article, id=f"{article.id}-p{plant.start}", text=text)
    return planted, (plant.start, plant.start + len(plant.new))


def flagged(checked: dict, article_id: str, span: tuple[int, int]) -> bool:
    """Whether a conflicting number or claim of a checked story covers `span` of the article."""
    a, b = span

    def hit(items) -> bool:
        return any(
            x.get("article_id") == article_id and int(x["start"]) < b and a < int(x["end"])
            for x in items
            if x.get("start") is not None and x.get("end") is not None
        )

    numbers = any(
        n.get("status") == "conflicting" and hit(n.get("values") or ())
        for n in checked.get("numbers") or ()
    )
    claims = any(
        c.get("status") == "conflicting" and hit(c.get("evidence") or ())
        for c in checked.get("claims") or ()
    )
    return numbers or claims


def pairs_of_events(limit_per_event: int = 1):
    """(event, A, B) pairs of ECB+ articles of one event whose figures overlap."""
    from .align import DATA, read_labels
    from .stage import article_from_text

    by_event: dict[str, list] = {}
    for row in read_labels(DATA):
        f = DATA / "text" / f"{row['doc']}.txt"
        by_event.setdefault(row["event"], []).append(f)
    for event, files in by_event.items():
        arts = [a for f in files if (a := article_from_text(str(f), f.read_bytes())) is not None]
        found = 0
        for i, a in enumerate(arts):
            for b in arts[i + 1 :]:
                if found < limit_per_event and a.text != b.text and plants(a.text, b.text):
                    found += 1
                    yield event, replace(a, outlet="planted-A"), replace(b, outlet="planted-B")


def run() -> tuple[list[dict], list[str]]:
    """Rows (kind, pairs, flagged) once the stage is installed; until then the counts of what
    was planted."""
    from .stage import check_stage, run_check

    cases = [(e, a, b, p) for e, a, b in pairs_of_events() for p in plants(a.text, b.text)]
    kinds = {k: sum(1 for c in cases if c[3].kind == k) for k in ("conflict", "equivalent")}
    notes = [
        f"{len({c[0] for c in cases})} events, {kinds['conflict']} planted conflicts, "
        f"{kinds['equivalent']} planted equivalents (one article pair per event)."
    ]
    if check_stage() is None:
        notes.append(
            "check stage not installed (newsweave.check): generator only. Targets: "
            "recall of planted conflicts >= 0.9; planted equivalents flagged: 0."
        )
        return [], notes
    kinds = ("conflict", "conflict, read", "equivalent", "untouched")
    rows = {k: {"kind": k, "n": 0, "flagged": 0} for k in kinds}
    seen, untouched, missed = set(), [], []
    for event, a, b, p in cases:
        if (a.id, b.id) not in seen:  # the untouched pair, once: what the stage flags anyway
            seen.add((a.id, b.id))
            before = run_check(f"planted-{event}", [a, b])
            untouched += [f"{event}: {d}" for d in disputes(before)]
        b2, span = apply(b, p)
        after = run_check(f"planted-{event}", [a, b2])
        hit = flagged(after, b2.id, span) and not flagged(before, b.id, (p.start, p.end))
        read_none = read_not_conflict(b, p)
        counted = p.kind == "conflict" and not read_none  # the read row's
        for kind in [p.kind, "conflict, read"] if counted else [p.kind]:
            rows[kind]["n"] += 1
            rows[kind]["flagged"] += hit
        if p.kind == "conflict" and not hit:
            note = " (read: no conflict)" if read_none else ""
            missed.append(f"{event} {p.old} -> {p.new}{note}")
        rows["untouched"]["n"] += 1 if p.kind == "conflict" else 0
        rows["untouched"]["flagged"] += (
            flagged(before, b.id, (p.start, p.end)) if p.kind == "conflict" else 0
        )
    out = list(rows.values())
    for r in out:
        r["share"] = r["flagged"] / r["n"] if r["n"] else 0.0
    total, within = whole_topics()
    notes.append(
        f"ECB+ dev topics checked whole (every topic's articles as one story, each its own "
        f"source): {total} conflicting figures, {within} of them within one event (all "
        f"values from articles of one ECB+ event); what a rule costs where a figure has many "
        f"look-alikes."
    )
    notes.append(
        f"Row 'conflict, read': the planted conflicts less the {len(READ_NOT_CONFLICTS)} read by "
        "hand as no conflict (planted.READ_NOT_CONFLICTS: the changed figure is about something "
        "no statement of the other report is)."
    )
    notes.append(
        "A plant counts as flagged when a conflicting number or claim covers its span "
        "and did not already in the untouched pair (row 'untouched': at the planted span)."
    )
    notes.append(f"Planted conflicts not flagged ({len(missed)}): " + ("; ".join(missed) or "none"))
    notes.append(
        f"Everything flagged conflicting in the {len(seen)} untouched pairs "
        f"({len(untouched)}): " + ("; ".join(untouched) or "none") + "."
    )
    return out, notes


def disputes(checked: dict) -> list[str]:
    """What a checked story flags conflicting: each figure comparison as "quantity: values",
    each conflicting proposition by its note (figures only: no article text is shown)."""
    out = [
        f"{n['quantity']}: " + " vs ".join(v["text"] for v in n["values"])
        for n in checked.get("numbers") or ()
        if n.get("status") == "conflicting"
    ]
    out += [
        "proposition " + (c.get("note") or "").removeprefix("the sources disagree: ")
        for c in checked.get("claims") or ()
        if c.get("status") == "conflicting"
    ]
    return out


def conflicting_figures(checked: dict, event_of: dict[str, str]) -> tuple[int, int]:
    """(conflicting figure comparisons of a checked story, those whose values all come from
    articles of one event)."""
    found = [n for n in checked.get("numbers") or () if n.get("status") == "conflicting"]
    within = sum(len({event_of.get(v["article_id"]) for v in n["values"]}) == 1 for n in found)
    return len(found), within


def whole_topics() -> tuple[int, int]:
    """Every ECB+ topic's articles checked as one story: (conflicting figures, within one
    event). Counts only: no text is shown."""
    from .align import DATA, read_labels
    from .stage import article_from_text, run_check

    by_topic: dict[str, list[tuple[str, str]]] = {}
    for row in read_labels(DATA):
        by_topic.setdefault(row["topic"], []).append((row["doc"], row["event"]))
    total = within = 0
    for topic, docs in sorted(by_topic.items(), key=lambda x: int(x[0])):
        arts, event_of = [], {}
        for doc, event in docs:
            f = DATA / "text" / f"{doc}.txt"
            if (a := article_from_text(str(f), f.read_bytes())) is not None:
                arts.append(a)
                event_of[a.id] = event
        n, w = conflicting_figures(run_check(f"ecb-{topic}", arts), event_of)
        total, within = total + n, within + w
    return total, within
