"""Quotes with their speakers: direct ("..."), partial and indirect (said that ...) speech;
and, apart from them, the attributions that are not speech (beliefs, stances, findings,
perceptions, intentions, refusals: `read_quotes` returns both lists).

`read_quotes(text, doc, entities)` takes the light-pass Doc (sentences and NER, no tags),
parses only the sentences that can hold an attribution (a quote mark, a cue verb, "according
to", a colon near the start) and maps every offset back into `text`, so that
`text[q.start:q.end] == q.text` for every quote.

Example:
    >>> from newsweave.read import nlp
    >>> text = 'The plan is sound, Mara Quist said. "We will build it," she added.'
    >>> [(q.text, q.speaker, q.direct) for q in find_quotes(text, nlp.doc(text))]
    [('The plan is sound', 'Mara Quist', False), ('We will build it', 'Mara Quist', True)]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

import numpy
from spacy.attrs import LOWER, ORTH
from spacy.tokens import Doc, Span

from newsweave.model import Attribution, Entity, Quote
from newsweave.read import nlp
from newsweave.read.names import ArticleNames
from newsweave.read.quotes_marks import Marked, quoted_spans
from newsweave.read.quotes_parse import CueMatch, attributions, cue_forms, sentence_of
from newsweave.read.quotes_sense import judge
from newsweave.read.quotes_shapes import shape_attribution
from newsweave.read.quotes_speakers import SpeakerResolver
from newsweave.read.quotes_vocab import (
    ACCORDING_TO,
    CAPTION_WORDS,
    CREDIT_WORDS,
    DASH_CREDIT_PATTERN,
    DATELINE_PATTERN,
    MAX_TITLE_WORDS,
    MIN_FLOATING_QUOTE_WORDS,
    NON_TRIGGER_FORMS,
    SHAPE_IGNORED_FORMS,
    TITLE_SMALL_WORDS,
    TRANSCRIPT_SPEAKER_PATTERN,
)

_WORD = re.compile(r"\w+")
_DATELINE = re.compile(DATELINE_PATTERN)
_DASH_CREDIT = re.compile(DASH_CREDIT_PATTERN)
_TRANSCRIPT = re.compile(TRANSCRIPT_SPEAKER_PATTERN)
_NOT_SPEAKERS = frozenset((*CAPTION_WORDS, *CREDIT_WORDS))
# Reported content with fewer unquoted words than this is the quote itself, not paraphrase.
_MIN_INDIRECT_WORDS = 3
# Unquoted content shorter than this reports nothing ("said so"); "announced his resignation"
# is content.
_MIN_OBJECT_WORDS = 2
# A colon among a sentence's first tokens may introduce speech ("Peskov: we are studying it").
_COLON_TOKENS = 7
# Entity labels that make a name-colon head a speaker ("Peskov: we are studying it").
_SPEAKER_LABELS = ("PERSON", "ORG", "NORP", "GPE")
# A partial quote this short outside any reported clause is a label or scare quote ("the word
# "birther"", "alleged "paramours""): on PolNeAR train 53 of 149 matched a speech relation.
_MAX_LABEL_WORDS = 2
# A quote set apart from the sentence in title case is a title from this many words on ('In
# his book, "Make Your Kid a Millionaire," Mr. Reed ...'); shorter ones are often names ('she
# added the words, "Hillary Clinton."').
_MIN_TITLE_WORDS = 3
# How far (characters) a cue may sit from a quote it introduces across a sentence break.
_ADJACENT_CHARS = 4
# Longest stretch between reported content and a later quote of the same cue that the
# content still takes in ('..., but she knows that "..."'); longer gaps hold other content.
_MAX_JOIN_GAP_CHARS = 40
# A full stop, question or exclamation mark between words ends a sentence: no content spans it.
_SENTENCE_END = re.compile(r"[.?!][\s\u201d\"']*\s")


@dataclass(frozen=True, slots=True)
class Planned:
    """One article's quote plan from `parse_ahead`: its sentences, quote marks, the
    attributions read from shapes, and the candidate sentences with their parses; what
    `find_quotes` would otherwise work out again."""

    sents: list[Span]
    marks: list[Marked]
    shaped: dict[int, list[CueMatch]]
    chosen: list[int]
    parsed: list[Doc]


@dataclass(slots=True)
class _Item:
    start: int
    end: int
    att: CueMatch | None
    direct: bool
    partial: bool = False
    follows: _Item | None = None  # a floating quote takes this earlier quote's speaker
    speaker: str | None = None
    speaker_text: str | None = None


def find_quotes(
    text: str, doc: Doc, entities: Sequence[Entity] = (), parsed: Planned | None = None
) -> tuple[Quote, ...]:
    """Quotes (speech only) in one article, in text order: `read_quotes(...)[0]`."""
    return read_quotes(text, doc, entities, parsed)[0]


def read_quotes(
    text: str, doc: Doc, entities: Sequence[Entity] = (), parsed: Planned | None = None
) -> tuple[tuple[Quote, ...], tuple[Attribution, ...]]:
    """Quotes and the other attributions of one article, each in text order.

    Args:
        text: the article text.
        doc: the light-pass Doc of `text` (`nlp.doc(text)`); a fully parsed Doc also works and
            is then not parsed again.
        entities: entities of the article (canonical names, roles), used to resolve speakers;
            may be empty, then names come from the Doc's PERSON mentions.
        parsed: this article's entry of `parse_ahead` (several articles planned and parsed in
            one call); None plans and parses here.

    Returns:
        (quotes, attributions): what people said, and what they believe, found, saw, want,
        support or refused (`kind`); `text[x.start:x.end] == x.text` holds for each.

    Example:
        >>> from newsweave.read import nlp
        >>> text = "Ann Lee said the pier will open. She believes the town will grow."
        >>> quotes, atts = read_quotes(text, nlp.doc(text))
        >>> [q.text for q in quotes], [(a.kind, a.text, a.source) for a in atts]
        (['the pier will open'], [('belief', 'the town will grow', 'Ann Lee')])
    """
    if not text.strip() or len(doc) == 0:
        return (), ()
    if not nlp.same_text(doc, text):
        raise ValueError("doc must be the Doc of text (doc.text != text)")
    if parsed is None:
        sents, marks = _sentences(doc, text), quoted_spans(text)
    else:
        sents, marks = parsed.sents, parsed.marks
    atts = _sentence_attributions(doc, text, sents, marks, parsed)
    direct = _direct_items(text, sents, marks, atts)
    used = {id(it.att) for it in direct if it.att is not None and not it.partial}
    items = direct + _indirect_items(text, marks, atts, used, direct)
    items.sort(key=lambda it: (it.start, -it.end))
    persons = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    resolver = SpeakerResolver(ArticleNames(text, entities, persons))
    quotes: list[Quote] = []
    others: list[Attribution] = []
    for it in items:
        _resolve(it, text, resolver)
        att = it.att or (it.follows.att if it.follows else None)
        cue = att.cue if att else None
        if cue is None and it.speaker is None:
            continue  # quoted words nothing attributes: no one's speech (PolNeAR train: 0.51)
        if it.att is None or it.att.speech:
            quotes.append(
                Quote(text[it.start : it.end], it.speaker, it.speaker_text, cue, it.direct,
                      it.start, it.end, it.partial)
            )  # fmt: skip
        else:
            others.append(
                Attribution(it.att.kind, text[it.start : it.end], it.speaker, it.speaker_text,
                            cue, it.start, it.end, it.direct)
            )  # fmt: skip
    return tuple(quotes), tuple(others)


def _resolve(it: _Item, text: str, resolver: SpeakerResolver) -> None:
    if it.att is not None and it.att.speaker is not None:
        s, e = it.att.speaker
        it.speaker_text = text[s:e]
        it.speaker = resolver.resolve(it.speaker_text, s, e)
    elif it.follows is not None:
        it.speaker, it.speaker_text = it.follows.speaker, it.follows.speaker_text


def _sentences(doc: Doc, text: str) -> list[Span]:
    """The Doc's sentences, split again at line breaks (a parser's sentences may run over
    them; the light pass already splits there)."""
    out = []
    for sent in doc.sents:
        if "\n" not in text[sent.start_char : sent.end_char].rstrip():
            out.append(sent)
            continue
        start = sent.start
        for tok in sent:
            if tok.is_space and "\n" in tok.text:
                if tok.i > start:
                    out.append(doc[start : tok.i])
                start = tok.i + 1
        if sent.end > start:
            out.append(doc[start : sent.end])
    return out


@lru_cache(maxsize=2)
def _form_ids(excluded: tuple[str, ...]) -> numpy.ndarray:
    """Lower-case form ids (the vocabulary's hashes) of every cue verb form and "according",
    but the `excluded` forms. Without NON_TRIGGER_FORMS: the forms that send a sentence to
    the parser. Without SHAPE_IGNORED_FORMS (the mostly-noun ones, "states"): the forms a
    sentence may hold only one of to be read by a shape (the parser finds both attributions
    of a sentence with two)."""
    strings = nlp.light().vocab.strings
    return numpy.asarray(
        sorted(strings.add(w) for w in {*cue_forms(), *ACCORDING_TO} - set(excluded)),
        dtype=numpy.uint64,
    )


def _quoted(doc: Doc, marks: list[Marked]) -> numpy.ndarray:
    """Token mask: tokens between a quote's marks. A cue there is quoted speech ('"I think
    so," she said'): it attributes nothing itself, so it neither sends its sentence to the
    parser nor keeps the sentence from a shape."""
    starts = numpy.asarray(nlp.token_starts(doc), dtype=numpy.int64)
    mask = numpy.zeros(len(doc), dtype=bool)
    for m in marks:
        lo = numpy.searchsorted(starts, m.open_at, side="right")
        mask[lo : numpy.searchsorted(starts, m.close)] = True
    return mask


class _Scan(NamedTuple):
    """Token arrays both sentence choices read: lower-case forms, sentence bounds (token
    indices) and the colons outside quote marks."""

    lower: numpy.ndarray
    starts: numpy.ndarray
    ends: numpy.ndarray
    colons: numpy.ndarray


def _scan(doc: Doc, sents: list[Span], quoted: numpy.ndarray) -> _Scan:
    lower, orth = doc.to_array([LOWER, ORTH]).T
    return _Scan(
        lower,
        numpy.asarray([s.start for s in sents], dtype=numpy.int64),
        numpy.asarray([s.end for s in sents], dtype=numpy.int64),
        numpy.flatnonzero((orth == doc.vocab.strings[":"]) & ~quoted),
    )


def _shape_ready(chosen: list[int], quoted: numpy.ndarray, scan: _Scan) -> set[int]:
    """Chosen sentences with exactly one cue form and no colon outside quote marks: those a
    shape may resolve."""
    if not chosen:
        return set()
    lower, starts, ends, colons = scan
    cues = numpy.flatnonzero(numpy.isin(lower, _form_ids(SHAPE_IGNORED_FORMS)) & ~quoted)
    idx = numpy.asarray(chosen, dtype=numpy.int64)
    n_cues = numpy.searchsorted(cues, ends[idx]) - numpy.searchsorted(cues, starts[idx])
    n_colons = numpy.searchsorted(colons, ends[idx]) - numpy.searchsorted(colons, starts[idx])
    return set(idx[(n_cues == 1) & (n_colons == 0)].tolist())


def _candidates(sents: list[Span], quoted: numpy.ndarray, scan: _Scan) -> list[int]:
    """Sentences that may hold an attribution (a cue verb's surface form, "according to", a
    colon near the start, outside quote marks); the others are never parsed. A quote mark
    alone needs no parse: the cue that attributes it sits in a cue sentence. Found on token
    arrays, not token loops."""
    if not sents:
        return []
    lower, starts, _, colons = scan
    hits = numpy.flatnonzero(numpy.isin(lower, _form_ids(NON_TRIGGER_FORMS)) & ~quoted)
    chosen = set((numpy.searchsorted(starts, hits, side="right") - 1).tolist())
    at = numpy.searchsorted(starts, colons, side="right") - 1
    early = colons - starts[numpy.maximum(at, 0)] < _COLON_TOKENS
    chosen |= set(at[early].tolist())
    return sorted(i for i in chosen if 0 <= i < len(sents) and _inside(sents[i], hits, colons))


def _inside(sent: Span, hits: numpy.ndarray, colons: numpy.ndarray) -> bool:
    """Whether a cue or colon token lies in the sentence (not in a gap between sentences)."""
    lo, hi = sent.start, sent.end
    k = numpy.searchsorted(hits, lo)
    if k < len(hits) and hits[k] < hi:
        return True
    k = numpy.searchsorted(colons, lo)
    return bool(k < len(colons) and colons[k] < hi)


def _plan(
    doc: Doc, text: str, sents: list[Span], marks: list[Marked]
) -> tuple[dict[int, list[CueMatch]], list[int]]:
    """Attributions read from shapes, and the candidate sentences that still need a parse."""
    quoted = _quoted(doc, marks)
    scan = _scan(doc, sents, quoted)
    chosen = _candidates(sents, quoted, scan)
    shaped: dict[int, list[CueMatch]] = {}
    if doc.has_annotation("DEP"):
        return shaped, chosen
    # the common one-cue shapes ("..., he said.") need no parse
    for i in _shape_ready(chosen, quoted, scan):
        att = shape_attribution(sents[i], text, quoted)
        if att is not None:
            shaped[i] = [att]
    return shaped, [i for i in chosen if i not in shaped]


def parse_ahead(items: Sequence[tuple[str, Doc]]) -> list[Planned | None]:
    """Plan the quotes of several articles and parse the sentences `find_quotes` will need in
    one `nlp.parse` call (one call per article costs ~10% more on PolNeAR dev).

    Args:
        items: (text, light-pass Doc) per article.

    Returns:
        Per article, the plan to pass to `find_quotes(..., parsed=...)`; None for an empty
        text or an already parsed Doc (find_quotes needs no plan for them).
    """
    plans: list[tuple[list[Span], list[Marked], dict[int, list[CueMatch]], list[int]] | None]
    plans = []
    wanted: list[str] = []
    for text, doc in items:
        if not text.strip() or len(doc) == 0 or doc.has_annotation("DEP"):
            plans.append(None)
            continue
        sents, marks = _sentences(doc, text), quoted_spans(text)
        shaped, chosen = _plan(doc, text, sents, marks)
        plans.append((sents, marks, shaped, chosen))
        wanted += _sentence_texts(text, sents, chosen)
    flat = iter(nlp.parse(wanted))
    return [
        None if plan is None else Planned(*plan, parsed=[next(flat) for _ in plan[3]])
        for plan in plans
    ]


def _sentence_texts(text: str, sents: list[Span], chosen: list[int]) -> list[str]:
    """The chosen sentences' texts, for `nlp.parse` (re-tokenizing a sentence's text is
    cheaper than span.as_doc())."""
    return [text[sents[i].start_char : sents[i].end_char] for i in chosen]


def _sentence_attributions(
    doc: Doc,
    text: str,
    sents: list[Span],
    marks: list[Marked],
    ahead: Planned | None = None,
) -> dict[int, list[CueMatch]]:
    """Attributions by sentence index, parsing only the candidate sentences (or taking the
    plan and its parses from `parse_ahead`)."""
    parsed: Sequence[Doc]
    if ahead is not None:
        shaped, chosen, parsed = ahead.shaped, ahead.chosen, ahead.parsed
    else:
        shaped, chosen = _plan(doc, text, sents, marks)
        if doc.has_annotation("DEP"):
            parsed = [sents[i].as_doc() for i in chosen]  # a full parse is not parsed again
        else:
            parsed = nlp.parse(_sentence_texts(text, sents, chosen))
    out: dict[int, list[CueMatch]] = dict(shaped)
    for i, pdoc in zip(chosen, parsed, strict=True):
        found = attributions(pdoc, sents[i].start_char)
        # "..., arguing that ...": a participle without subject speaks for the clause's subject
        last = None
        for k, att in enumerate(found):
            if att.speaker is None and last is not None:
                found[k] = replace(att, speaker=last)
            last = found[k].speaker or last
        if found:
            out[i] = found
    names = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in _SPEAKER_LABELS]
    judged = {i: [j for a in found if (j := judge(a, text, names))] for i, found in out.items()}
    return {i: found for i, found in judged.items() if found}


def _words(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text, start, end))


def _unquoted_words(text: str, span: tuple[int, int], marks: list[Marked]) -> int:
    s, e = span
    n = _words(text, s, e)
    for m in marks:
        lo, hi = max(s, m.start), min(e, m.end)
        if lo < hi:
            n -= _words(text, lo, hi)
    return n


def _is_partial(text: str, m: Marked) -> bool:
    """A quote that continues a sentence ("treat them "like terrorists"") is partial."""
    i = m.open_at - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i >= 0 and (text[i].isalnum() or text[i] in "\u2019')")


def _is_title(text: str, m: Marked) -> bool:
    """Whether a quoted span is written as a title: every word capitalised but small ones."""
    words = _WORD.findall(text, m.start, m.end)
    return (
        0 < len(words) <= MAX_TITLE_WORDS
        and words[0][0].isupper()
        and all(w[0].isupper() or w[0].isdigit() or w.lower() in TITLE_SMALL_WORDS for w in words)
    )


def _direct_items(
    text: str, sents: list[Span], marks: list[Marked], atts: dict[int, list[CueMatch]]
) -> list[_Item]:
    items: list[_Item] = []
    last: _Item | None = None
    for m in marks:
        si = sentence_of(sents, m.start)
        ei = sentence_of(sents, m.end - 1)
        partial = _is_partial(text, m)
        att = _quote_attribution(text, sents, marks, m, si, ei, atts, partial)
        start = m.start
        if att is None and not partial:
            att = _dash_credit(text, m) or _transcript_speaker(text, m)
            if att is not None and att.cue == ":":
                start = text.index(":", m.start) + 1
                start += len(text[start : m.end]) - len(text[start : m.end].lstrip())
        nwords = _words(text, m.start, m.end)
        # '"We will," he said. "Soon."': a short quote right after a quote in its paragraph
        goes_on = (
            not partial
            and last is not None
            and (last.att is not None or last.follows is not None)
            and "\n" not in text[last.end : m.open_at]
        )
        if att is None and (partial or nwords < MIN_FLOATING_QUOTE_WORDS) and not goes_on:
            continue  # scare quotes, titles, nicknames
        if _is_title(text, m) and (
            partial or (nwords >= _MIN_TITLE_WORDS and not _holds(att, m, whole=False))
        ):
            continue  # 'he said on NBC's "Meet the Press."', 'In his book, "Make Your Kid a
            # Millionaire," Mr. Reed suggested saving': a title, not what the cue reports
        if partial and att is not None and not att.speech:
            continue  # 'she thinks it is "a disaster"': the belief holds it, no speech
        if partial and nwords <= _MAX_LABEL_WORDS and not _holds(att, m):
            continue  # 'the congressman's alleged "paramours"': a label, not reported words
        item = _Item(start, m.end, att, direct=True, partial=partial)
        if att is None and last is not None and _near(text, last.end, m.start):
            item.follows = last  # a quote paragraph continuing the previous speaker
        items.append(item)
        if not partial:
            last = item
    return items


def _dash_credit(text: str, m: Marked) -> CueMatch | None:
    """The speaker named after a dash that ends the quote's line ('"We were never asked."
    ― Ana Ruiz'), unless the line credits a picture ("― Getty Images")."""
    if m.close_at < 0:
        return None
    found = _DASH_CREDIT.match(text, m.close_at + 1)
    if found is None:
        return None
    words = {w.lower() for w in _WORD.findall(found.group(1))}
    if words & _NOT_SPEAKERS:
        return None
    start, end = found.span(1)
    if text[end - 1] == "." and end - start > 2 and text[end - 3] != " ":
        end -= 1  # "― Sami Okafor." ends a sentence; "― Oscar P." keeps its initial
    dash = found.group(0).lstrip()[0]
    return CueMatch(dash, m.close_at + 1, (start, end), None, parenthetical=True)


def _transcript_speaker(text: str, m: Marked) -> CueMatch | None:
    """The speaker of a quoted transcript line ('"PENCE: Well, look, ...'): a name in capitals
    and a colon opening the quoted words, unless it is a caption word ("WATCH:")."""
    found = _TRANSCRIPT.match(text, m.start, m.end)
    if found is None or {w.lower() for w in _WORD.findall(found.group(1))} & _NOT_SPEAKERS:
        return None
    return CueMatch(":", found.end(1), found.span(1), None, parenthetical=True)


def _holds(att: CueMatch | None, m: Marked, whole: bool = True) -> bool:
    """Whether the quoted words start inside the attribution's reported content (the parse may
    leave a closing '"terrorists."' out of the clause: `_indirect_items` puts it back); with
    `whole` False, also whether the cue reports nothing else (no content of its own: '"...,"
    he said')."""
    if att is None or att.content is None:
        return att is not None and not whole
    return att.content[0] <= m.start < att.content[1]


def _near(text: str, end: int, start: int) -> bool:
    """Same or next paragraph: at most one paragraph break between the two quotes."""
    return text.count("\n\n", end, start) + (text.count("\n", end, start) > 1) <= 1


def _quote_attribution(
    text: str,
    sents: list[Span],
    marks: list[Marked],
    m: Marked,
    si: int,
    ei: int,
    atts: dict[int, list[CueMatch]],
    partial: bool,
) -> CueMatch | None:
    close = m.close
    cands: list[tuple[int, CueMatch]] = []
    for k in range(si, ei + 1):
        for a in atts.get(k, ()):
            if m.open_at <= a.cue_start <= close:
                continue
            lo, hi = sorted((a.cue_start, close if a.cue_start > close else m.open_at))
            if "(" in text[lo:hi] or ")" in text[lo:hi]:
                continue  # a cue in brackets speaks about the quote, not for it
            if partial and a.content and a.content[0] <= m.start and m.end <= a.content[1]:
                return a  # the reported clause holding the partial quote
            if partial and a.content and not _within_reach(text, marks, a.content, m):
                # 'as Trump went on about "how the system is rigged," Melanie said yes': a
                # cue that reports other words does not speak the partial quote
                continue
            dist = m.open_at - a.cue_start if a.cue_start < m.open_at else a.cue_start - close
            cands.append((dist, a))
    if not cands and not partial:
        # "He emphasized:" + quote in the next sentence, or quote + "Flynn said." after it
        if si > 0 and text[sents[si - 1].start_char : m.open_at].rstrip().endswith(":"):
            cands += [(0, a) for a in atts.get(si - 1, ()) if a.speaker]
        nxt = ei + 1
        if (
            nxt < len(sents)
            and sents[nxt].start_char - close <= _ADJACENT_CHARS
            and "\n" not in text[close : sents[nxt].start_char]
        ):
            cands += [(1, a) for a in atts.get(nxt, ()) if a.speaker and a.parenthetical]
    if not cands:
        return None
    cands.sort(key=lambda c: (not c[1].speech, c[1].speaker is None, c[0]))
    return cands[0][1]


def _within_reach(text: str, marks: list[Marked], content: tuple[int, int], m: Marked) -> bool:
    """Whether a partial quote starts inside reported content, or right after it in the same
    sentence with only quotes and a few words between ('claims fraud is "a big problem" but
    "nobody has the guts ..."'): the quotes `_over_own_quotes` joins to the content."""
    start, end = content
    if start <= m.start < end:
        return True
    if m.open_at < end:
        return False
    gap = text[end : m.open_at]
    quoted = sum(min(n.close, m.open_at) - max(n.open_at, end) for n in marks
                 if end <= n.close and n.open_at < m.open_at)  # fmt: skip
    return (
        len(gap) - max(quoted, 0) <= _MAX_JOIN_GAP_CHARS
        and "\n" not in gap
        and not _SENTENCE_END.search(gap)
    )


def _past_dateline(text: str, start: int, end: int) -> int:
    """Where content starts once a paragraph's opening dateline is left out."""
    if start > 0 and text[start - 1] != "\n":
        return start
    m = _DATELINE.match(text, start, end)
    return m.end() if m and m.end() < end else start


def _indirect_items(
    text: str,
    marks: list[Marked],
    atts: dict[int, list[CueMatch]],
    used: set[int],
    direct: Sequence[_Item] = (),
) -> list[_Item]:
    items = []
    own: dict[int, list[_Item]] = {}  # each cue's direct quotes, in text order
    for it in sorted(direct, key=lambda it: it.start):
        if it.att is not None:
            own.setdefault(id(it.att), []).append(it)
    closes = {m.end: m.close_at for m in marks}
    for found in atts.values():
        for a in found:
            if a.content is None or (a.parenthetical and id(a) in used):
                continue  # a "he said" beside a direct quote reports that quote, nothing else
            if any(m.open_at < a.cue_start < m.close for m in marks):
                continue  # '"I ask you to stay," she said': a cue inside a quote is quoted speech
            start, end = a.content
            for m in marks:
                # 'said it was a "critical part of our plan."': the parse leaves the closing
                # words and mark out of the clause; the content holds the whole quote
                if start <= m.start < end < m.end:
                    end = m.close_at + 1 if m.close_at >= 0 else m.end
            end = _over_own_quotes(text, closes, own.get(id(a), ()), end)
            unquoted = _unquoted_words(text, (start, end), marks)
            if unquoted < _MIN_INDIRECT_WORDS and unquoted < _words(text, start, end):
                continue  # the content is the direct quote itself
            if unquoted < _MIN_OBJECT_WORDS:
                continue  # "said so", "announced it": nothing reported
            items.append(_Item(_past_dateline(text, start, end), end, a, direct=False))
    return items


def _over_own_quotes(text: str, closes: dict[int, int], quotes: Sequence[_Item], end: int) -> int:
    """Where reported content ends once it takes in the quotes its own cue attributes right
    after it in the sentence: 'said she has what the job needs: "Steadiness."', 'claims fraud
    is "a big problem" but "nobody has the guts to talk about it."', 'said the event brought
    back memories, and of "all the people ..."'. The parse ends the clause before them; the
    report is one (PolNeAR annotates one relation: 32 of dev's 160 unmatched quotes were
    such second pieces). `quotes`: the cue's direct quotes in text order; `closes`: closing
    mark offset by the end of a quote's words."""
    for it in quotes:
        if it.end <= end:
            continue
        gap = text[end : it.start]
        if len(gap) > _MAX_JOIN_GAP_CHARS or "\n" in gap or _SENTENCE_END.search(gap):
            break
        close = closes.get(it.end, -1)
        end = close + 1 if close >= 0 else it.end
    return end
