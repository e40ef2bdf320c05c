"""Quotes compared across outlets: the same utterance, grouped by speaker and content.

`consistent` (the same words), `wording_differs` (direct quotes in different words, with a
word-level diff: "It's up to Russia now" / "Now it depends on Russia" is one utterance
translated twice), `paraphrased` (direct in one outlet, indirect in another), `conflicting`
(the same words given to different speakers). Utterances are the propositions whose claims are
reported speech: alignment has already matched their content.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence

from ..model import Claim, QuoteComparison, QuoteVariant
from ..read.entities_vocab import ORG_NAME_HEADS, ORG_WORDS
from .terms import same_person, speaker_key

_TOKEN = re.compile(r"\w+(?:['’]\w+)?")


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _TOKEN.findall(text)]


def word_diff(first: str, other: str) -> tuple[tuple[str, str], ...]:
    """Word-level diff of `other` against `first`.

    Returns pairs (op, words): "=" in both, "-" only in `first`, "+" only in `other`.

    Example:
        >>> word_diff("It's up to Russia now", "Now it depends on Russia")
        (('+', 'now it depends on'), ('-', "it's up to"), ('=', 'russia'), ('-', 'now'))
    """
    a, b = _words(first), _words(other)
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("=", " ".join(a[i1:i2])))
            continue
        if j2 > j1:
            out.append(("+", " ".join(b[j1:j2])))
        if i2 > i1:
            out.append(("-", " ".join(a[i1:i2])))
    return tuple(out)


# The same words given to two speakers: this share of their words in common (Jaccard), and at
# least this many words on each side ("Yes" from two people is no conflict; ECB+ 33).
SAME_WORDS_SHARE = 0.7
MIN_SAME_WORDS = 3


_NAME = re.compile(r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)+")


# Words that make a capitalised name a body's, not a person's ("California Highway Patrol"),
# and title abbreviations a name cut short ends in ("Oregon State Police Lt", the reader's cut of
# "Oregon State Police Lt. Gregg Hastings"; ECB+ 8 and 35).
_BODY_WORDS = frozenset((*ORG_WORDS, *ORG_NAME_HEADS, "patrol", "sheriff's", "bureau", "network"))
_TITLE_ENDS = frozenset(("lt", "sgt", "capt", "col", "gen", "gov", "sen", "rep", "det", "cpl"))


def _personal_name(name: str | None) -> bool:
    """A person's full name ("Dario Pell"), not an organisation ("the Ministry of Finance",
    "California Highway Patrol"), a role ("the authority") or a name cut at a title ("Oregon
    State Police Lt"): a spokesman and his ministry saying the same words is no conflict.

    Example:
        >>> [_personal_name(n) for n in ("Dario Pell", "California Highway Patrol",
        ...                              "Oregon State Police Lt", "the authority")]
        [True, False, False, False]
    """
    if not (name and _NAME.fullmatch(name)):
        return False
    words = [w.lower().rstrip(".") for w in name.split()]
    return words[-1] not in _TITLE_ENDS and not any(w in _BODY_WORDS for w in words)


def _same_words(a: Claim, b: Claim) -> bool:
    wa, wb = set(_words(a.text)), set(_words(b.text))
    if min(len(wa), len(wb)) < MIN_SAME_WORDS:
        return False
    return len(wa & wb) / len(wa | wb) >= SAME_WORDS_SHARE


def _status(variants: Sequence[Claim]) -> tuple[str, str]:
    direct = {c.direct for c in variants}
    if len(direct) > 1:
        return "paraphrased", "quoted directly in one outlet, reported indirectly in another"
    texts = {" ".join(_words(c.text)) for c in variants}
    if len(texts) == 1:
        return "consistent", "the same words in every outlet"
    return "wording_differs", "the outlets word the quote differently"


def _one_per_article(said: Sequence[Claim]) -> list[Claim]:
    """One variant per article: its first rendering, a direct one before an indirect one."""
    by_article: dict[str, Claim] = {}
    for c in said:
        prior = by_article.get(c.article_id)
        if prior is None or (c.direct and not prior.direct):
            by_article[c.article_id] = c
    return list(by_article.values())


def _comparison(variants: Sequence[Claim], speaker: str | None, status: str, note: str):
    first = variants[0]
    rendered = tuple(
        QuoteVariant(
            c.article_id, c.text, c.start, c.end, c.direct,
            () if c is first else word_diff(first.text, c.text),
        )
        for c in variants
    )  # fmt: skip
    return QuoteComparison(speaker, status, rendered, note)


def compare_quotes(
    claims: Sequence[Claim], groups: Sequence[Sequence[int]], sources: Mapping[str, int]
) -> tuple[QuoteComparison, ...]:
    """Per proposition carried as reported speech by two or more independent sources: one
    comparison per speaker, and a conflict where the same words go to different speakers."""
    out = []
    for group in groups:
        said = [claims[i] for i in group if claims[i].said == "speech" and claims[i].who]
        by_speaker: dict[str | None, list[Claim]] = {}
        for c in said:
            key = speaker_key(c.who)
            # one person spelled two ways ("Vincent DelGiudice" / "Vincent Del Giudice")
            key = next((k for k in by_speaker if k and key and same_person(k, key)), key)
            by_speaker.setdefault(key, []).append(c)
        for members in by_speaker.values():
            variants = _one_per_article(members)
            if len({sources[c.article_id] for c in variants}) >= 2:
                status, note = _status(variants)
                out.append(_comparison(variants, variants[0].who, status, note))
        keys = list(by_speaker)
        for x, ka in enumerate(keys):
            for kb in keys[x + 1 :]:
                pair = next(
                    ((a, b) for a in by_speaker[ka] for b in by_speaker[kb]
                     if sources[a.article_id] != sources[b.article_id]
                     and _personal_name(a.who) and _personal_name(b.who) and _same_words(a, b)),
                    None,
                )  # fmt: skip
                if pair:
                    note = f"the same words are given to {pair[0].who} and to {pair[1].who}"
                    out.append(_comparison(pair, None, "conflicting", note))
    return tuple(out)
