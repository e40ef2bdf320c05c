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
from .terms import speaker_key

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


def _status(variants: Sequence[Claim], sources: Mapping[str, int]) -> tuple[str, str]:
    speakers = {speaker_key(c.who) for c in variants if c.who}
    if len(speakers) > 1:
        names = ", ".join(dict.fromkeys(c.who for c in variants if c.who))
        return "conflicting", f"the same words are given to different speakers: {names}"
    direct = {c.direct for c in variants}
    if len(direct) > 1:
        return "paraphrased", "quoted directly in one outlet, reported indirectly in another"
    texts = {" ".join(_words(c.text)) for c in variants}
    if len(texts) == 1:
        return "consistent", "the same words in every outlet"
    return "wording_differs", "the outlets word the quote differently"


def compare_quotes(
    claims: Sequence[Claim], groups: Sequence[Sequence[int]], sources: Mapping[str, int]
) -> tuple[QuoteComparison, ...]:
    """One comparison per proposition that two or more articles carry as reported speech."""
    out = []
    for group in groups:
        said = [claims[i] for i in group if claims[i].kind == "reported"]
        by_article: dict[str, Claim] = {}
        for c in said:  # one variant per article: its first rendering (a direct one first)
            prior = by_article.get(c.article_id)
            if prior is None or (c.direct and not prior.direct):
                by_article[c.article_id] = c
        if len(by_article) < 2:
            continue
        variants = list(by_article.values())
        status, note = _status(variants, sources)
        first = variants[0]
        rendered = tuple(
            QuoteVariant(
                c.article_id, c.text, c.start, c.end, c.direct,
                () if c is first else word_diff(first.text, c.text),
            )
            for c in variants
        )  # fmt: skip
        speaker = first.who if status != "conflicting" else None
        out.append(QuoteComparison(speaker, status, rendered, note))
    return tuple(out)
