"""Status of each proposition: corroborated, single-source or conflicting, and why.

Independent sources follow the story's rule (`group.stories.source_labels`): a copy counts once
with its origin, an outlet's several articles count once. A proposition whose sources report
what someone said keeps that attribution: two outlets reporting that Gerasimov *said* 430 were
captured corroborate the report of his claim, not the fact (`attributed_to`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from ..model import Claim, Evidence, Proposition
from ..vocab import YEAR_PATTERN
from .align import is_denial
from .numbers import by_person, figures, values_agree
from .terms import days, speaker_key


@dataclass(frozen=True, slots=True)
class Sources:
    """Per article of a story: its independent source label, the name notes use, its text and
    its publication day."""

    label: Mapping[str, int]
    name: Mapping[str, str]
    text: Mapping[str, str]
    day: Mapping[str, str | None]
    # whose each figure is, by (article id, offset): `figure_context.figure_subjects`
    subjects: Mapping[tuple[str, int], str] = field(default_factory=dict)


def _figures_disagree(claims: Sequence[Claim], ctx: Sources) -> list[str]:
    """Figures of one quantity that differ between independent sources, on one day (a later
    day's different figure is an update: see numbers.py), each pair of wordings once."""
    found: dict[frozenset[str], str] = {}
    for (counts, unit, _change, _kind), every in figures(claims, ctx.text).items():
        if counts is None:
            continue  # "6.8%" and "3%" of what? two claims can share a unit and count apart
        what = " ".join(dict.fromkeys(p for p in (unit, counts) if p))  # not "people people"
        for items in by_person(every, ctx.subjects):  # two players' points are no dispute
            for (ca, na), (cb, nb) in combinations(items, 2):
                if _comparable(ca, cb, ctx) and not values_agree(na, nb):
                    key = frozenset((na.text, nb.text, what))
                    found.setdefault(key, f"{na.text} vs {nb.text} ({what})")
    return list(found.values())


def _comparable(a: Claim, b: Claim, ctx: Sources) -> bool:
    """Whether two claims' figures can dispute: two independent sources, not two different
    days."""
    day_a, day_b = ctx.day[a.article_id], ctx.day[b.article_id]
    return ctx.label[a.article_id] != ctx.label[b.article_id] and not (
        day_a and day_b and day_a != day_b
    )


# A year as written: 1800-2099, not money ("$2010"), a decade ("2010s") or part of a code.
_YEAR = re.compile(rf"(?<![\w$£€]){YEAR_PATTERN}(?![\w%])")
# One end of a range or season: "1982-83", "1982/83", "from 1978 - 89", "the 2009-10 season".
_RANGE = re.compile(rf"{YEAR_PATTERN}\s*[-–—/]\s*\d|\d\s*[-–/]\s*{YEAR_PATTERN}")


def _years(c: Claim) -> set[str]:
    """The years a claim writes as a year alone ("Voters in 2009 approved ..."), when the
    reader resolved one of them: not one it worked out from the page's date ("last year",
    "three years ago": no digits written), and no claim holding a range or season ("in
    1982-83", "1982/83"). Every year written counts ("opened in 2009, 2010 and 2011", of
    which the reader resolves the first)."""
    if _RANGE.search(c.text):
        return set()
    written = set(_YEAR.findall(c.text))
    return written if any(t in written for t in c.times) else set()


def _year_spans(c: Claim) -> list[tuple[int, int]]:
    """The first and last year of each of the claim's resolved times."""
    spans = (days(t) for t in c.times)
    return [(d[0].year, d[1].year) for d in spans if d]


def _in_years(spans: Sequence[tuple[int, int]], years: set[str]) -> bool:
    """Whether any of these year spans holds one of these years."""
    return any(a <= int(y) <= b for a, b in spans for y in years)


def _years_disagree(claims: Sequence[Claim], ctx: Sources) -> list[str]:
    """Independent sources giving one statement in different years, each year written alone:
    "Voters in 2009 approved a $3 million bond" / "Palmer voters in 2010 approved a $3 million
    bond" (ECB+ 13), "sold ... for a reported $30 million in 1957" / "sold for $30 million in
    1967" (ECB+ 28). A day or weekday is not compared: it is resolved against each page's own
    date, and a dateline carries the page's stamp."""
    found = []
    dated = [(c, ys, _year_spans(c)) for c in claims if (ys := _years(c))]
    for x, (ca, ya, sa) in enumerate(dated):
        for cb, yb, sb in dated[x + 1 :]:
            if ctx.label[ca.article_id] == ctx.label[cb.article_id] or ya & yb:
                continue
            if _in_years(sa, yb) or _in_years(sb, ya):
                continue  # "in 1994 ... until June 27, 2001" gives 2001 too
            found.append(f"{', '.join(sorted(ya))} vs {', '.join(sorted(yb))} (year)")
    return list(dict.fromkeys(found))


def _denied(claims: Sequence[Claim], ctx: Sources) -> list[str]:
    """A source's denial aligned with another source's report of the same words ("Peskov
    denied that talks were held" / "Peskov said talks were held"): a negation apart."""
    denials = [c for c in claims if is_denial(c)]
    reports = [c for c in claims if not is_denial(c)]
    for d in denials:
        for r in reports:
            if ctx.label[d.article_id] != ctx.label[r.article_id]:
                return [f"{ctx.name[d.article_id]} has it {d.cue}, {ctx.name[r.article_id]} not"]
    return []


def attribution(claims: Sequence[Claim]) -> dict[str, object]:
    """How the sources carry the proposition (or the brief's line: `brief._speaker`): reported
    by one speaker, or asserted."""
    speakers = {speaker_key(c.who) if c.kind == "reported" else None for c in claims}
    if len(speakers) == 1 and None not in speakers:
        first = claims[0]
        return {"kind": "reported", "who": first.who, "cue": first.cue}
    # some sources assert it, others attribute it (or to different people): as asserted, with
    # the attributions kept in the evidence
    return {"kind": "asserted", "who": None, "cue": None}


def proposition(
    pid: str,
    claims: Sequence[Claim],
    best: Claim,
    ctx: Sources,
) -> Proposition:
    """One proposition from its aligned claims.

    Args:
        pid: its id in the story ("p1", ...).
        claims: the aligned claims (of one or more articles).
        best: the claim whose words represent the proposition.
        ctx: the story's sources, texts and days.
    """
    article_ids = tuple(dict.fromkeys(c.article_id for c in claims))
    independent = len({ctx.label[a] for a in article_ids})
    said = attribution(claims)
    who = said["who"] if said["kind"] == "reported" else None
    names = ", ".join(dict.fromkeys(ctx.name[a] for a in article_ids))
    disagree = _figures_disagree(claims, ctx) + _years_disagree(claims, ctx) + _denied(claims, ctx)
    if disagree:
        status, note = "conflicting", f"the sources disagree: {'; '.join(disagree)}"
    elif independent >= 2:
        status = "corroborated"
        note = f"{independent} independent sources: {names}"
        if who:
            note += f" (they agree that {who} said it, not that it is so)"
    else:
        status = "single_source"
        copies = len(article_ids) - 1
        note = f"only {names}" + (f" ({copies + 1} articles, one source)" if copies else "")
    when = next((t for c in claims for t in c.times if len(t) == 10), None)
    return Proposition(
        id=pid,
        text=best.text,
        status=status,
        attribution=said,
        attributed_to=who,
        article_ids=article_ids,
        independent_sources=independent,
        evidence=tuple(Evidence(c.article_id, c.text, c.start, c.end) for c in claims),
        note=note,
        when=when,
    )
