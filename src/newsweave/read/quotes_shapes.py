"""Attribution shapes read from tokens and entities, without the dependency parser.

Most attributions in news take a few fixed shapes: "Y, X said.", '"Y," X said.', "Y, said X.",
"X said (that) Y.", "According to X, Y." and "Y, according to X.". When a sentence holds one
cue word and nothing else that could attribute (no second cue form, no colon), and its speaker
is unambiguous (a pronoun, one entity with its title, or "the" + a noun), the parse would only
confirm what the tokens say, so the parser is skipped for it. The result is the CueMatch
`quotes_parse.attributions` gives for the same sentence.

Example:
    >>> from newsweave.read import nlp
    >>> text = "The bridge will reopen in May, Ann Lee said."
    >>> att = shape_attribution(next(nlp.doc(text).sents), text)
    >>> text[att.speaker[0] : att.speaker[1]], text[att.content[0] : att.content[1]]
    ('Ann Lee', 'The bridge will reopen in May')
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from newsweave.read.quotes_parse import CueMatch, cue_forms, trim_edges
from newsweave.read.quotes_vocab import (
    OBJECT_NOT_CONTENT_VERBS,
    SHAPE_ADDRESSEE_FORMS,
    SHAPE_AFTER_CUE_BLOCKERS,
    SHAPE_CUE_ADVERBS,
    SHAPE_CUE_FORMS,
    SHAPE_MAX_DESCRIPTION_WORDS,
    SHAPE_MAX_GAP_TOKENS,
    SHAPE_MAX_SPEAKER_TOKENS,
    SHAPE_MAX_TAIL_TOKENS,
    SHAPE_OPENERS,
    SHAPE_PRONOUNS,
    SHAPE_SPEAKER_LABELS,
    SHAPE_TITLES,
)

__all__ = ["shape_attribution"]

_CUES = frozenset(SHAPE_CUE_FORMS)
_PRONOUNS = frozenset(SHAPE_PRONOUNS)
_LABELS = frozenset(SHAPE_SPEAKER_LABELS)
_TITLES = frozenset(SHAPE_TITLES)
_OPENERS = frozenset(SHAPE_OPENERS)
_BLOCKERS = frozenset(SHAPE_AFTER_CUE_BLOCKERS)
_ADVERBS = frozenset(SHAPE_CUE_ADVERBS)
_ADDRESSEE = frozenset(SHAPE_ADDRESSEE_FORMS)
_DETERMINERS = frozenset(("the", "a", "an"))
# Shape cue forms of verbs whose object is mostly not what was said ("added two goals")
_OBJECT_FORMS = frozenset(
    f for f in SHAPE_CUE_FORMS if cue_forms().get(f) in OBJECT_NOT_CONTENT_VERBS
)
_CLOSERS = frozenset(('"', "\u201d", "''", "\u2019", "'"))
_FINAL = frozenset((".", "!", "?", "\u2026", "...", "?!", "!?"))
# A closing mark ends the quoted content when one of these precedes it ('"Go," he said').
_BEFORE_CLOSER = frozenset((",", "?", "!"))
# "According to X, ...": longer sources carry clauses the parser should cut.
_MAX_ACCORDING_WORDS = 5


def shape_attribution(
    sent: Span, text: str, quoted: Sequence[bool] | None = None
) -> CueMatch | None:
    """The attribution of a one-cue sentence in a known shape, or None (then parse it).

    Args:
        sent: a sentence of the light-pass Doc (tokens and entities, no parse), holding exactly
            one cue form and no colon (the caller checks).
        text: the article text (offsets of the result are into it).
        quoted: per token of the Doc, whether it lies between quote marks (a cue there is
            quoted speech, never the sentence's cue); None when nothing is quoted.

    Returns:
        The CueMatch (cue, speaker, content, kind, parenthetical) or None.
    """
    words = [t for t in sent if not t.is_space]
    end = len(words)
    while end and (words[end - 1].text in _FINAL or words[end - 1].text in _CLOSERS):
        end -= 1
    words = words[:end]
    if len(words) < 3:
        return None
    cues = [
        j for j, t in enumerate(words) if t.lower_ in _CUES and (quoted is None or not quoted[t.i])
    ]
    return _trailing(words, text, cues) or _leading(words, text, cues) or _according(words, text)


def _span(text: str, start: int, end: int) -> tuple[int, int] | None:
    start, end = trim_edges(text, start, end)
    return (start, end) if end > start and any(c.isalnum() for c in text[start:end]) else None


def _chars(toks: list[Token]) -> tuple[int, int]:
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _speaker(toks: list[Token]) -> bool:
    """A pronoun; "the" + one or two lower-case words; or an entity, with titles, role words
    and other entities before it ("White House spokesman Josh Earnest")."""
    if not toks or len(toks) > SHAPE_MAX_SPEAKER_TOKENS:
        return False
    if len(toks) == 1 and toks[0].lower_ in _PRONOUNS:
        return True
    if (
        toks[0].lower_ in _DETERMINERS
        and 1 < len(toks) <= 1 + SHAPE_MAX_DESCRIPTION_WORDS
        and all(t.is_alpha and t.is_lower for t in toks[1:])
    ):
        return True
    b = len(toks) - 1
    while b > 0 and toks[b].ent_iob_ == "I":
        b -= 1
    if toks[b].ent_iob_ != "B" or toks[b].ent_type_ not in _LABELS:
        return False
    return all(
        t.lower_ in _TITLES or (t.ent_iob_ in ("B", "I") and t.ent_type_ in _LABELS)
        for t in toks[:b]
    )


def _separator(words: list[Token], k: int) -> bool:
    """Whether words[k] closes the content before a trailing "X said": a comma, or a closing
    quote mark after a comma, question mark or exclamation mark."""
    if k < 1:
        return False
    w = words[k].text
    return w == "," or (w in _CLOSERS and words[k - 1].text in _BEFORE_CLOSER)


def _tail_ok(cue: Token, tail: list[Token]) -> bool:
    """A trailing cue may carry a short modifier ("said on Monday", "told reporters")."""
    if not tail:
        return cue.lower_ != "told"  # "told" needs its addressee
    if len(tail) > SHAPE_MAX_TAIL_TOKENS or (
        cue.lower_ != "told" and tail[0].lower_ not in _BLOCKERS
    ):
        return False
    return not any(t.lower_ == "that" or t.is_punct or t.is_quote for t in tail)


def _before_adverbs(words: list[Token], c: int) -> int:
    """Where the cue at `c` starts with the adverbs before it ("also said", "later told")."""
    a = c
    while a > 0 and words[a - 1].lower_ in _ADVERBS:
        a -= 1
    return a


def _trailing(words: list[Token], text: str, cues: list[int]) -> CueMatch | None:
    """ "Y, X said." / '"Y," X said (on Monday).' / "Y, said X." / "Y, X told reporters."."""
    c = cues[-1] if cues else -1
    if c < 2:
        return None
    cue = words[c]
    if _separator(words, c - 1) and cue.lower_ != "told":
        k, spk = c - 1, words[c + 1 :]  # "..., said Ann Lee."
    else:
        if not _tail_ok(cue, words[c + 1 :]):
            return None
        a = _before_adverbs(words, c)
        k = next((j for j in range(a - 1, 0, -1) if _separator(words, j)), -1)
        spk = words[k + 1 : a]
    if k < 1 or not _speaker(spk):
        return None
    content = _span(text, words[0].idx, words[k].idx)
    if content is None:
        return None
    return CueMatch(cue.text, cue.idx, _chars(spk), content, parenthetical=True)


def _leading(words: list[Token], text: str, cues: list[int]) -> CueMatch | None:
    """ "(On Monday,) X (also) said (that) Y." and "X told reporters (on Monday) that Y."
    (the content follows the cue)."""
    c = cues[0] if cues else -1
    if not 0 < c < len(words) - 1:
        return None
    a = _before_adverbs(words, c)
    lo = next((j + 1 for j in range(a - 1, -1, -1) if words[j].text == ","), 0)
    if lo == 0 and words[0].lower_ in _OPENERS:
        lo = 1
    if any(t.is_quote for t in words[:lo]) or not _speaker(words[lo:a]):
        return None
    nxt = words[c + 1]
    if words[c].lower_ in _ADDRESSEE or nxt.lower_ in _BLOCKERS:
        # "told reporters on Monday that ...": the content opens with "that" after a short gap
        gap = words[c + 1 : c + 2 + SHAPE_MAX_GAP_TOKENS]
        k = next((j for j, t in enumerate(gap) if t.lower_ == "that"), -1)
        if k < 1 or any(t.is_punct or t.is_quote for t in gap[:k]):
            return None
        nxt = gap[k]
    elif not nxt.text[:1].isalpha():
        return None
    elif words[c].lower_ in _OBJECT_FORMS and nxt.lower_ != "that":
        return None  # "added two goals" or "added the plan would fail": the parser decides
    content = _span(text, nxt.idx, _chars(words)[1])
    if content is None:
        return None
    return CueMatch(words[c].text, words[c].idx, _chars(words[lo:a]), content)


def _according(words: list[Token], text: str) -> CueMatch | None:
    """ "According to X, Y." and "Y, according to X." with a short source X."""
    n = len(words)
    lows = [t.lower_ for t in words]
    if lows[:2] == ["according", "to"]:
        k = next((j for j in range(2, n) if lows[j] == ","), -1)
        if k < 0:
            return None
        src, rest = words[2:k], words[k + 1 :]
        cue = words[0]
    else:
        first = max(2, n - 2 - _MAX_ACCORDING_WORDS)
        a = next((j for j in range(first, n - 2) if lows[j] == "according"), -1)
        if a < 0 or lows[a + 1] != "to" or lows[a - 1] != ",":
            return None
        src, rest, cue = words[a + 2 :], words[: a - 1], words[a]
    if not src or not rest or len(src) > _MAX_ACCORDING_WORDS:
        return None
    if any(not (t.is_alpha or t.text in (".", "'s", "\u2019s")) for t in src):
        return None
    content = _span(text, *_chars(rest))
    if content is None:
        return None
    return CueMatch("according to", cue.idx, _chars(src), content)
