"""Numbers reconciled across a story's articles: per quantity (what is counted, unit, who
claims it), the values per article, and whether they are consistent, conflicting, updated (a
later report's figure, as a death toll rises) or carried by one source only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ..model import Article, Claim, Number, NumberComparison, NumberValue
from .terms import speaker_key

# "about 4,000" agrees with 4,200: an approximate figure covers this relative distance.
APPROX_TOLERANCE = 0.1
_ABOVE = ("more than", "over", "at least", "above", "upwards of", "nearly")  # nearly: just below
_BELOW = ("less than", "under", "up to", "at most", "fewer than", "below")
_ABOUT = ("about", "around", "some", "roughly", "approximately", "almost", "nearly", "an estimated")


_CHANGE = re.compile(r"\bby\s+(?:another\s+|a further\s+)?$", re.I)


def figure_key(text: str, n: Number) -> tuple[str | None, str | None, bool] | None:
    """What a figure counts: (counts, unit, is_change). A change ("grown by 2,300 hectares")
    is another quantity than a total ("3,800 hectares"). None for a bare number."""
    if not (n.counts or n.unit):
        return None
    return (n.counts, n.unit, bool(_CHANGE.search(text[max(0, n.start - 20) : n.start])))


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
    """
    if a.unit != b.unit:
        return False
    lo_a, hi_a = _bounds(a)
    lo_b, hi_b = _bounds(b)
    return lo_a <= hi_b and lo_b <= hi_a


def _status(
    values: Sequence[NumberValue], numbers: Sequence[Number], sources: Mapping[str, int]
) -> tuple[str, str]:
    independent = len({sources[v.article_id] for v in values})
    pairs = list(zip(values, numbers, strict=True))
    clash = [
        (va, vb) for x, (va, na) in enumerate(pairs) for vb, nb in pairs[x + 1 :]
        if sources[va.article_id] != sources[vb.article_id] and not values_agree(na, nb)
    ]  # fmt: skip
    if not clash:
        if independent >= 2:
            return "consistent", f"{independent} independent sources agree"
        return "single_source", "one source"
    # a later report's figure replaces an earlier one when the clashing reports are of
    # different days (same-day reports that differ conflict: 12 injured at 9:00, 14 at 10:00)
    dated = all(v.published for v in values)
    if dated and all(va.published[:10] != vb.published[:10] for va, vb in clash):
        latest = max(values, key=lambda v: v.published or "")
        return "updated", f"revised over time; latest {latest.text} ({latest.published[:10]})"
    shown = "; ".join(f"{va.text} vs {vb.text}" for va, vb in clash[:3])
    return "conflicting", f"independent sources disagree: {shown}"


def compare_numbers(
    claims: Sequence[Claim],
    groups: Sequence[Sequence[int]],
    articles: Mapping[str, Article],
    sources: Mapping[str, int],
) -> tuple[NumberComparison, ...]:
    """Per quantity within each proposition, the values per article and their status.

    A quantity is what is counted and its unit (and who claims it), among the claims aligned
    as one proposition: two "people" figures in unrelated sentences are not one quantity.
    """
    texts = {aid: a.text for aid, a in articles.items()}
    out = []
    for group in groups:
        for (counts, unit, change), found in figures([claims[i] for i in group], texts).items():
            # without what is counted ("6.8%", "3%"), figures that differ are two quantities
            for items in [found] if counts else _agreeing(found):
                out.append(_comparison(items, counts, unit, change, articles, sources))
    return tuple(out)


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
    items: list[tuple[Claim, Number]], counts: str | None, unit: str | None, change: bool,
    articles: Mapping[str, Article], sources: Mapping[str, int],
) -> NumberComparison:  # fmt: skip
    """One quantity's values across articles, with their status."""
    values = tuple(
        NumberValue(
            c.article_id, n.value, n.unit, n.text, articles[c.article_id].published,
            n.start, n.end, n.qualifier,
        )
        for c, n in items
    )  # fmt: skip
    status, note = _status(values, [n for _, n in items], sources)
    claimed = {speaker_key(n.claimed_by) for _, n in items}
    claimed_by = items[0][1].claimed_by if len(claimed) == 1 else None
    parts = ("change in" if change else None, counts, unit if unit != counts else None)
    quantity = " ".join(p for p in parts if p)
    return NumberComparison(quantity, unit, claimed_by, status, values, note)
