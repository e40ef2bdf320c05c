"""Claims: each article's text as atomic claims, with their evidence span and attribution.

A claim is either *reported* (what the reader found as speech: a direct, partial or indirect
quote, with its canonical speaker and cue) or *asserted* (a clause the outlet states in its own
voice). A sentence holding several reported clauses ("Gerasimov asserted that ..., reported that
..., and indicated that ...") gives one claim per clause, because the read stage already finds
one indirect quote per cue; what is left of the sentence outside its quotes is an asserted claim
when it still says something (see `MIN_ASSERTED_TERMS`). No parse is run here: the read stage's
quote spans are the clause boundaries that pay (see docs/architecture.md).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace

from ..model import Article, Attribution, Claim, Number, Quote, Reading
from ..read.quotes_vocab import PRONOUNS, THING_PRONOUNS
from .terms import content_stems, entity_key

# A residue of a sentence (its words outside quote spans) is an asserted claim only with at
# least this many content words: "On Wednesday, Gerasimov asserted" (2) is a cue, not a claim;
# "Dressed in military attire, Putin addressed frontline soldiers" (6) is a claim.
MIN_ASSERTED_TERMS = 4
# Beside a quote the residue is mostly its frame ("Trump stated to reporters in the Oval Office,
# refraining from"): there it takes more words to be a claim of its own.
MIN_FRAME_TERMS = 7
# Asserted sentences are split at these clause boundaries when both sides keep enough words
# ("X; Y", "X, while Y", "X, but Y"): coordinated clauses that state two facts.
_CLAUSE_BREAK = re.compile(
    r";\s+|,\s+(?:while|but|whereas|and\s+(?=the\b|a\b|an\b|it\b|he\b|she\b|they\b))\s*"
)
# Where and how something was said, right after its cue ('"...," Barr wrote in a letter to
# leaders of the House and Senate judiciary committees on Sunday afternoon', AllSides 154):
# the frame's tail, not a claim of the outlet's. A preposition, then one of these within a
# few words.
SPEECH_MEDIA = ("letter", "statement", "interview", "tweet", "post", "release", "speech", "memo",
                "email", "video", "op-ed", "conference", "briefing", "appearance", "hearing",
                "filing", "call", "podcast", "broadcast", "message", "note", "column", "remarks",
                "testimony", "show", "programme", "program", "rally", "address")  # fmt: skip
_FRAME_TAIL = re.compile(
    rf"(?:in|at|during|on|via|through|to)\s+(?:[\w'’.-]+\s+){{0,4}}?(?:{'|'.join(SPEECH_MEDIA)})s?\b",
    re.I,
)
# A speaker's mention this far from the cue is no frame of it but the subject of a clause of
# its own: the reader resolved the cue to a name the sentence opens with ("Bowe Bergdahl is set
# to plead guilty ... a Rose Garden spectacle in which Obama ... announced the soldier's
# release", AllSides 286; the frame was 230 characters away and the clause lost its subject).
MAX_FRAME_GAP_CHARS = 100
_TRIM = " ,;:–—-\"“”‘’'()"
_TRIM_START, _TRIM_END = _TRIM + "\n\t", _TRIM + ".\n\t"  # made once, not per character
# An attribution whose source is one of these inside another quote ("the council said it
# hoped to reopen one lane") is that quote's speaker's: the enclosing quote is the claim. The
# reader's pronouns (those it resolves and those it never resolves), and "you".
_PRONOUN_SOURCES = frozenset((*PRONOUNS, *THING_PRONOUNS, "you"))


# (a relative clause whose subject was cut out with the speaker goes with its preposition:
# "ahead of talks in which [Kyiv would demand]")
_DANGLING = re.compile(
    r"(?:[\s,;:]+(?:(?:in|of|on|at|by|for|with|from|to|during|under)\s+(?:which|whom)"
    r"|and|but|or|while|as|which|who))+[\s,;:]*$",
    re.I,
)


# The last letters of _DANGLING's words: a span whose last word ends otherwise (in an ASCII
# letter, as most do) has no dangling conjunction, and the search, tried at each of its
# characters, was 4% of the check's time on 300 WCXB pages.
_DANGLING_ENDS = frozenset("dtreshom")


def _may_dangle(text: str, start: int, end: int) -> bool:
    """Whether [start, end) may end in a _DANGLING conjunction: false only when the character
    before its trailing spaces and ",;:" is an ASCII character no such word ends in."""
    q = end
    while q > start and (text[q - 1].isspace() or text[q - 1] in ",;:"):
        q -= 1
    if q == start:
        return False
    c = text[q - 1]
    return not c.isascii() or c.lower() in _DANGLING_ENDS


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow [start, end) past surrounding spaces and punctuation, and a conjunction left
    dangling where a quote was cut out ("... via the Northern Ring Road, and")."""
    while start < end and text[start] in _TRIM_START:
        start += 1
    m = _DANGLING.search(text, start, end) if _may_dangle(text, start, end) else None
    if m and m.end() == end:
        end = m.start()
    while end > start and text[end - 1] in _TRIM_END:
        end -= 1
    return start, end


# The mark that closes a quotation or an aside the span opened, with the full stop or comma the
# outlet put inside it ('regarded as “terrorists.”', 'withdrawals to “more advantageous
# positions,”', '"nearly destroyed".', '(apparently ... in prison).')
_CLOSING = re.compile(r"[.,!?]?([”\")])")


def _paired(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) widened over the closing quote mark or parenthesis right after it when it
    holds the opening one alone (and over an opening mark right before it when it holds the
    closing one alone): a claim's text and evidence are never half a quotation.

    Example:
        >>> t = 'He said they are “terrorists.” Then he left.'
        >>> s, e = _paired(t, 8, t.index("."))
        >>> t[s:e]
        'they are “terrorists.”'
        >>> t = 'the town “has been almost completely destroyed”, he said'
        >>> t[slice(*_paired(t, 0, t.index("”")))]
        'the town “has been almost completely destroyed”'
    """
    span = text[start:end]
    curly = span.count("“") - span.count("”")
    straight = span.count('"') % 2
    aside = span.count("(") - span.count(")")
    m = _CLOSING.match(text, end)
    if m and (
        (m.group(1) == "”" and curly > 0)
        or (m.group(1) == '"' and straight)
        or (m.group(1) == ")" and aside > 0)
    ):
        return start, m.end()
    if start > 0 and (
        (text[start - 1] == "“" and curly < 0) or (text[start - 1] == '"' and straight)
    ):
        return start - 1, end
    return start, end


def _as_quote(a: Attribution) -> Quote:
    """An attribution as a reported claim's quote (its source as the speaker)."""
    return Quote(a.text, a.source, a.speaker_text, a.cue, a.direct, a.start, a.end)


def _pronoun_source(q: Quote) -> bool:
    return (q.speaker or q.speaker_text or "").lower() in _PRONOUN_SOURCES


def _coordinated(text: str, quotes: Sequence[Quote]) -> list[Quote]:
    """The quotes that end where one of their speaker's own ends, joined to it by a
    coordinated cue ("Putin addressed soldiers, urging them to eliminate the remaining
    Ukrainian forces and suggesting the establishment of a buffer zone": his urging ends
    before "and suggesting"; without the cut the urging claim held the suggestion too), cut
    there; and the quotes that run on over the frame of another speaker's quote around them
    ("Peskov announced that the operation has reached its concluding phase, according to the
    state news agency TASS": Peskov's words end before the agency's frame). Returns the quotes
    in their order, each cut one in its place."""
    nesting = _Spans(quotes)
    out: list[Quote] = []
    for k, (original, holders) in enumerate(zip(quotes, nesting.holders(), strict=True)):
        q = original
        for o in (quotes[i] for i in holders):
            if not o.cue or o.speaker == q.speaker:
                continue
            frame = re.search(rf",\s*{re.escape(o.cue)}\b", text[q.start : q.end], re.I)
            if frame and len(content_stems(text[q.start : q.start + frame.start()])) >= 2:
                end = q.start + frame.start()
                q = replace(q, text=text[q.start : end], end=end)
                break
        # the speaker's own quotes that start inside this one and end at its end
        inner = [
            o for o in (quotes[i] for i in nesting.inside_ids(q.start + 1, q.end) if i != k)
            if o.cue and not o.partial and q.speaker and o.speaker == q.speaker
            and q.end - 2 <= o.end
        ]  # fmt: skip
        for o in sorted(inner, key=lambda o: o.start):
            joint = re.search(
                rf"(?:,\s*(?:(?:and|or|but|while)\s+)?|\s+(?:and|or|but|while)\s+)"
                rf"{re.escape(o.cue)}\s+(?:that\s+)?$",
                text[q.start : o.start],
                re.I,
            )
            if joint and len(content_stems(text[q.start : q.start + joint.start()])) >= 2:
                end = q.start + joint.start()
                q = replace(q, text=text[q.start : end], end=end)
                break
        out.append(q)
    return out


def _kept_quotes(text: str, quotes: Sequence[Quote]) -> tuple[list[Quote], list[Quote]]:
    """The quotes that are claims, and those that yield to the more specific ones inside them.

    A partial quote inside another quote is part of it. A quote that holds others and says
    little besides them yields to them ("On Thursday, Peskov announced that X, according to
    TASS": Peskov's X is the claim). One that says more is a claim of its own, and what it
    reports of another speaker is part of it ("The whistleblower alleged that officials shot
    down her concerns and threatened to fire her": her allegation), while its speaker's own
    words inside it stay claims too ("According to Gerasimov, the army has liberated 1,100 km²,
    an area which he says is 86%").
    """
    nesting = _Spans(quotes)
    holds_of = [
        [
            o for o in (quotes[i] for i in nesting.inside_ids(q.start, q.end))
            if not o.partial and (o.start, o.end) != (q.start, q.end) and not _pronoun_source(o)
        ]
        for q in quotes
    ]  # fmt: skip
    whole = {k for k, q in enumerate(quotes) if holds_of[k] and _says_more(text, q, holds_of[k])}
    kept, yielded = [], []
    kept_spans: set[tuple[int, int]] = set()
    for k, (q, holders) in enumerate(zip(quotes, nesting.holders(), strict=True)):
        if holders and (q.partial or _pronoun_source(q)):
            continue  # a partial quote inside another is part of it; "the council said it
            # hoped ...": the council's claim
        if any(i in whole and quotes[i].speaker != q.speaker for i in holders):
            continue  # another speaker's words as one claim reports them: part of that claim
        if holds_of[k] and k not in whole:
            yielded.append(q)
            continue
        if (q.start, q.end) in kept_spans:
            continue  # the same span found twice (two cues): one claim
        kept_spans.add((q.start, q.end))
        kept.append(q)
    return kept, yielded


def _says_more(text: str, q: Quote, holds: Sequence[Quote]) -> bool:
    """Whether a quote's own words outside the quotes it holds (its frame at its end left
    out: "X, according to a note published by ...") make a claim (MIN_ASSERTED_TERMS)."""
    end = _content_end(text, q)
    words, at = [], q.start
    for o in sorted(holds, key=lambda o: o.start):
        if o.start > at:
            words.append(text[at : min(o.start, end)])
        at = max(at, o.end)
    if at < end:
        words.append(text[at:end])
    return len(content_stems(" ".join(words))) >= MIN_ASSERTED_TERMS


def _residues(
    text: str, start: int, end: int, spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The parts of [start, end) outside the given spans, each split at clause boundaries."""
    parts, at = [], start
    for s, e in sorted(spans):
        if s > at:
            parts.append((at, s))
        at = max(at, e)
    if at < end:
        parts.append((at, end))
    out = []
    for s, e in parts:
        piece = text[s:e]
        cut = s
        for m in _CLAUSE_BREAK.finditer(piece):
            left = (cut, s + m.start())
            if len(content_stems(text[left[0] : left[1]])) >= MIN_ASSERTED_TERMS:
                out.append(left)
                cut = s + m.end()
        out.append((cut, e))
    return [_strip(text, s, e) for s, e in out]


# What describes a speaker right after the name is part of the speaker, not a statement of the
# outlet's: '... and ran," said Maud Ferrante, 71, a retired teacher, as she waited in a queue'
# (the example corpus) left "71, a retired teacher, as she waited ..." as a claim.
_APPOSITION = re.compile(
    r",\s*(?:\d{1,3}\s*,(?!\d)\s*)?"  # an age: ", 71," (not "2,000")
    # "a retired teacher", "the U.S. envoy" (a full stop inside a word is no end), or the age
    # (not a time: ", the day after 40 homes burned"; not past a dash or a bracket)
    r"(?:(?!(?:an?|the)\s+(?:day|night|morning|afternoon|evening|week|month|year|time)\b)"
    r"(?:an?|the)\s(?:[^,.;:!?\"”()\[\]—–]|\.(?=\w|\s+[a-z])){1,45}|\d{1,3})"
    r"\s*(?:,(?!\d)|\.\s*$)"  # ends at a comma (not "2,000") or the sentence's full stop
)


def _apposition_end(text: str, at: int, limit: int) -> int:
    """The end of an apposition after a speaker's name at `at` (", 71, a retired teacher,"),
    its closing comma or full stop left out; `at` when none."""
    m = _APPOSITION.match(text, at, limit)
    return m.end() - 1 if m else at


def _own_clause_before(text: str, quote: Quote, start: int, end: int) -> bool:
    """Whether a quote's cue follows a clause of the speaker's own: a participle after a comma
    ("The bank raised its rate to 5.25%, saying that inflation was too high"; the example
    corpus's Herald lead lost its rate rise) or a verb after "and" ("Russia continues to record
    achievements in Kursk and claims it is close to ...", seed 003). The speaker is that
    clause's subject, not only the frame of the quote."""
    cue = (quote.cue or "").lower()
    # the cue as written (lowering the whole article for each quote was 10% of the claims' time)
    i = _nearest(text, quote.cue, start, end, (quote.start, quote.end)) if quote.cue else -1
    if i <= start:
        return False
    before = text[start:i].rstrip()
    if cue.endswith("ing") and before.endswith(","):
        return True
    return before.lower().endswith(" and") and len(content_stems(before)) >= MIN_ASSERTED_TERMS


def _distance(start: int, end: int, lo: int, hi: int) -> int:
    """How far [start, end) lies from [lo, hi): 0 when they touch or overlap."""
    return max(0, lo - end, start - hi)


def _nearest(text: str, word: str, lo: int, hi: int, near: tuple[int, int]) -> int:
    """The start of the occurrence of `word` in text[lo:hi] nearest the span `near`, one
    outside it before one inside ("..., according to a note" inside the quote it frames);
    -1 when there is none. A sentence may name the speaker twice ("the assumption was that
    Kyiv chose to invade Kursk ... in which Kyiv would demand that ..."): the frame is the one
    beside the quote, not the first."""
    best, best_at = None, -1
    i = text.find(word, lo, hi)
    while i >= 0:
        j = i + len(word)
        # an occurrence inside the span comes after every one outside it
        d = _distance(i, j, *near) if j <= near[0] or i >= near[1] else hi - lo + i
        if best is None or d < best:
            best, best_at = d, i
        i = text.find(word, i + 1, hi)
    return best_at


def _question(text: str, end: int) -> bool:
    """Whether the outlet's words ending at `end` ask a question (a "?" after them, past
    closing marks): a headline's "Is the President at risk?" or a column's "Why did ...?"
    is no claim (eleven of the AllSides briefs' 1,125 lines were such questions)."""
    i = end
    while i < len(text) and text[i] in ' "”’)':
        i += 1
    return text[end - 1 : end] == "?" or text[i : i + 1] == "?"


def _frame_tail(text: str, start: int, cues: Sequence[tuple[int, int]]) -> bool:
    """Whether the words at `start` tell where a quote was said, right after its cue."""
    return any(0 <= start - e <= 2 for _, e in cues) and _FRAME_TAIL.match(text, start) is not None


def _content_end(text: str, q: Quote) -> int:
    """Where a quote's own words end: at its cue when its span runs on over it ("Most
    economists expect X, according to a note published by Kessel Capital")."""
    i = text.find(q.cue, q.start, q.end) if q.cue else -1
    return i if i > q.start else q.end


def _frame_spans(
    text: str, q: Quote, lo: int, hi: int, speaker: bool
) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """Where the quote's cue, and (`speaker`) its speaker's mention with what describes it,
    are in text[lo:hi] (None where not found): the cue nearest the quote, the speaker nearest
    that cue and at most MAX_FRAME_GAP_CHARS from it."""
    cue_at = _nearest(text, q.cue, lo, hi, (q.start, q.end)) if q.cue else -1
    cue = (cue_at, cue_at + len(q.cue)) if cue_at >= 0 and q.cue else None
    anchor = cue or (q.start, q.end)
    if not (speaker and q.speaker_text):
        return cue, None
    i = _nearest(text, q.speaker_text, lo, hi, anchor)
    if i < 0 or _distance(i, i + len(q.speaker_text), *anchor) > MAX_FRAME_GAP_CHARS:
        return cue, None
    return cue, (i, _apposition_end(text, i + len(q.speaker_text), hi))


# What may stand between a partial quote and the words it completes: spaces and quote marks.
_QUOTE_GAP = re.compile(r"[\s\"“”‘’'«»]*")


def _widen_partials(
    text: str, pieces: list[tuple[int, int, Quote | None]], leftovers: list[tuple[int, int]]
) -> list[tuple[int, int, Quote | None]]:
    """A partial quote that is a claim of its own takes in the words beside it too few to be
    a claim ('According to him, the town "has been almost completely destroyed"': the claim
    is that the town has been, not "has been almost completely destroyed")."""
    out = []
    for start, end, quote in pieces:
        if quote is not None and quote.partial:
            for r_start, r_end in leftovers:
                if r_end <= start and _QUOTE_GAP.fullmatch(text, r_end, start):
                    start = r_start
                elif r_start >= end and _QUOTE_GAP.fullmatch(text, end, r_start):
                    end = r_end
        out.append((start, end, quote))
    return out


class _Spans:
    """An article's entities, numbers, times or quotes, found by the span that holds them.

    Every claim asks for what lies inside its span; a scan of the whole list per claim was
    quadratic in a long page (5% of the check on the 20 longest WCXB stories, py-spy; the
    quotes' nesting 28% of `analyze` on a page of 4,002 quotes). The starts are kept sorted
    for bisection; the items come back in the order of the Reading's list, as the scan gave
    them.
    """

    __slots__ = ("_items", "_order", "_starts")

    def __init__(self, items: Sequence) -> None:
        self._items = items
        self._order = sorted(range(len(items)), key=lambda i: items[i].start)
        self._starts = [items[i].start for i in self._order]

    def inside_ids(self, start: int, end: int) -> list[int]:
        """The indices of the items with `start <= item.start` and `item.end <= end`, in
        ascending order."""
        lo, hi = bisect_left(self._starts, start), bisect_right(self._starts, end)
        items = self._items
        return [i for i in sorted(self._order[lo:hi]) if items[i].end <= end]

    def inside(self, start: int, end: int) -> list:
        """The items with `start <= item.start` and `item.end <= end`, in reading order."""
        return [self._items[i] for i in self.inside_ids(start, end)]

    def holders(self) -> list[list[int]]:
        """For each item (by index), the indices of the other items whose span holds its
        span, in ascending order.

        Example:
            >>> def q(start, end):
            ...     return Quote("x", None, None, "said", True, start, end)
            >>> _Spans([q(0, 9), q(2, 4), q(2, 4), q(5, 12)]).holders()
            [[], [0, 2], [0, 1], []]
        """
        out: list[list[int]] = [[] for _ in self._items]
        for k, item in enumerate(self._items):
            for i in self.inside_ids(item.start, item.end):
                if i != k:
                    out[i].append(k)
        return out


def article_claims(article: Article, reading: Reading) -> tuple[Claim, ...]:
    """The atomic claims of one article, in text order.

    Args:
        article: the article (its `text` is what the offsets index).
        reading: what the read stage found in it.

    Returns:
        Claims with ids `<article_id>:<n>`.

    Example:
        >>> from newsweave.model import Article, Reading, Quote
        >>> text = ('Officials said that the bridge would reopen on Monday. '
        ...         'Traffic was diverted to the old ring road.')
        >>> q = Quote("that the bridge would reopen on Monday", "Officials", "Officials",
        ...           "said", False, 15, 53)
        >>> claims = article_claims(Article("a1", "x", text),
        ...                         Reading("a1", sentences=((0, 54), (55, 97)), quotes=(q,)))
        >>> [(c.kind, c.who, c.text) for c in claims]  # doctest: +NORMALIZE_WHITESPACE
        [('reported', 'Officials', 'the bridge would reopen on Monday'),
         ('asserted', None, 'Traffic was diverted to the old ring road')]
    """
    text = article.text
    # claims keep both kinds of attribution: what was said and what is believed, found, ...
    # a refusal's content is what was *not* said ("the agency said it could not yet say
    # whether they could be saved"): never a claim; its sentence stays the outlet's or the
    # enclosing quote's
    believed = [(_as_quote(a), a.kind) for a in reading.attributions if a.kind != "refusal"]
    found = _coordinated(text, (*reading.quotes, *(q for q, _ in believed)))
    attributed = found[len(reading.quotes) :]
    said_kind = {id(q): kind for q, (_, kind) in zip(attributed, believed, strict=True)}
    quotes, yielded = _kept_quotes(text, found)
    spans = (_Spans(reading.entities), _Spans(reading.numbers), _Spans(reading.times))
    claims: list[Claim] = []
    seen: set[tuple[int, int]] = set()
    for n, (s_start, s_end) in enumerate(reading.sentences):
        # a quote is one claim, in the sentence it starts in; one that runs on from an earlier
        # sentence still covers its words here ('... get people out of its way," said Jonas
        # Feld': no asserted residue of the outlet's own)
        inside = [q for q in quotes if q.start < s_end and s_start < q.end]
        here = [q for q in inside if s_start <= q.start]
        pieces: list[tuple[int, int, Quote | None]] = [(q.start, q.end, q) for q in here]
        covered = [(q.start, q.end) for q in inside]
        outer = [q for q in yielded if q.start < s_end and s_start < q.end]
        # the speaker and cue are not part of an asserted residue, but for "X did Y, saying Z"
        # the speaker is the subject of a clause of its own
        framed = [q for q in (*inside, *outer) if not _own_clause_before(text, q, s_start, s_end)]
        cues = []
        for q in (*inside, *outer):
            cue, who = _frame_spans(text, q, s_start, s_end, q in framed)
            cues += [cue] if cue else []
            covered += [span for span in (cue, who) if span]
        least = MIN_FRAME_TERMS if framed else MIN_ASSERTED_TERMS
        leftovers: list[tuple[int, int]] = []
        for r_start, r_end in _residues(text, s_start, min(s_end, len(text)), covered):
            if _question(text, r_end):
                continue  # "Why did some Republicans balk at ...?": the outlet asserts nothing
            if len(content_stems(text[r_start:r_end])) >= least and not _frame_tail(
                text, r_start, cues
            ):
                pieces.append((r_start, r_end, None))
            else:
                leftovers.append((r_start, r_end))
        pieces = _widen_partials(text, pieces, leftovers)
        for start, end, quote in sorted(pieces, key=lambda p: p[0]):
            claim = _claim(article.id, len(claims), text, start, end, quote, spans, n)
            if not claim.text or (claim.start, claim.end) in seen:
                continue  # a quote of marks only ('"'), or one span found twice: one claim
            seen.add((claim.start, claim.end))
            if quote is not None and id(quote) in said_kind:
                claim = replace(claim, said=said_kind[id(quote)])
            claims.append(claim)
    return tuple(claims)


_RELATIVE = re.compile(r"(?:which|who|that)\s", re.I)


def _claim(
    article_id: str, k: int, text: str, start: int, end: int, quote: Quote | None,
    spans: tuple[_Spans, _Spans, _Spans], sentence: int,
) -> Claim:  # fmt: skip
    start, end = _strip(text, start, end)
    if quote is not None and not quote.direct:
        lead = re.match(r"(?:that|whether|if)\s+", text[start:end])
        start += lead.end() if lead else 0
        # "an area which he says constitutes ...": the relative, the speaker and the cue are
        # the frame, not what was said
        frame = (
            quote.cue
            and _RELATIVE.match(text, start, end)
            and re.match(
                rf"(?:which|who|that)\s+(?:[\w'’.-]+\s+){{1,3}}?{re.escape(quote.cue)}\s+",
                text[start:end],
                re.I,
            )
        )
        start += frame.end() if frame else 0
    start, end = _paired(text, start, end)
    words = text[start:end]
    entities_in, numbers_in, times_in = spans
    entities = tuple(
        dict.fromkeys(entity_key(e.canonical, e.label) for e in entities_in.inside(start, end))
    )
    numbers: tuple[Number, ...] = tuple(numbers_in.inside(start, end))
    times = tuple(t.resolved for t in times_in.inside(start, end) if t.resolved)
    return Claim(
        id=f"{article_id}:{k}",
        article_id=article_id,
        text=words,
        start=start,
        end=end,
        kind="reported" if quote is not None else "asserted",
        said="speech" if quote is not None else None,
        who=quote.speaker if quote is not None else None,
        cue=quote.cue if quote is not None else None,
        direct=bool(quote is not None and quote.direct),
        entities=tuple(e for e in entities if e),
        numbers=numbers,
        times=times,
        sentence=sentence,
    )
