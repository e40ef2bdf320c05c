"""The brief on the AllSides roundups: ROUGE-1/2/L F1 against the editors' neutral roundup,
side by side with two lead baselines (the first sentence of each article; the first two
sentences of one article), and whether every brief sentence carries a status and a citation.

Data: ../shared/data/allsides-roundups (stories/NNN/NNN_K.txt = title, blank line, text;
roundups.jsonl: story, reference, reference_title, articles). Each story's articles go through
`extract` (kind "text") and are checked as one story.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from newsweave.model import Article

from .rouge import rouge_all, rouge_n
from .stage import SHARED, article_from_text, run_check

DATA = SHARED / "data" / "allsides-roundups"
# The anchors published in ../shared/README.md for this split (R1, R2, RL).
ANCHORS = {
    "first sentence of each article": (0.350, 0.162, 0.236),
    "first two sentences of one article": (0.333, 0.135, 0.231),
}
# A sentence ends at . ! or ? (and a closing quote) before whitespace and a capital, digit or
# opening quote; enough for leads, which is all the baselines read.
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[\"'“‘(A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Roundup:
    story: str
    reference: str
    articles: list[Article]


def sentences(text: str) -> list[str]:
    """Sentences of a text by the regex above (paragraph breaks end one too).

    >>> sentences("He came. She left! “Why?” Nobody knew.\\nNew para")
    ['He came.', 'She left!', '“Why?”', 'Nobody knew.', 'New para']
    """
    out = []
    for para in text.split("\n"):
        out += [s.strip() for s in _SENTENCE_END.split(para) if s.strip()]
    return out


def load(data: Path = DATA) -> list[Roundup]:
    """Every roundup with its articles through `extract`; refused articles are left out with
    one line each on stderr.

    Raises:
        FileNotFoundError: when the data folder is absent.
    """
    path = data / "roundups.jsonl"
    if not path.is_file():
        raise FileNotFoundError(f"AllSides roundups not found at {data} (../shared is absent)")
    out = []
    for line in path.read_text("utf-8").splitlines():
        row = json.loads(line)
        arts = []
        for name in row["articles"]:
            f = data / "stories" / row["story"] / f"{name}.txt"
            a = article_from_text(str(f), f.read_bytes(), {"outlet": name})
            if a is not None:
                arts.append(a)
        out.append(Roundup(row["story"], row["reference"], arts))
    return out


def lead_each(r: Roundup) -> str:
    """The first sentence of each article, in article order."""
    return " ".join(sentences(a.text)[0] for a in r.articles if sentences(a.text))


def lead_two_of_one(r: Roundup) -> str:
    """The first two sentences of the story's first article."""
    return " ".join(sentences(r.articles[0].text)[:2]) if r.articles else ""


# The oracle takes at most this many sentences (the brief's own maximum).
ORACLE_SENTENCES = 7


def oracle(r: Roundup) -> str:
    """The greedy extractive upper bound: article sentences (the regex above) added one at a
    time, each the one that raises ROUGE-2 F1 against the reference most, while one does.
    It reads the reference, so it is a ceiling to measure against, never a system.

    >>> a = Article(id="a", source="a", text="Rain fell. The river rose fast. Nobody was hurt.")
    >>> oracle(Roundup("0", "the river rose fast and nobody was hurt", [a]))
    'The river rose fast. Nobody was hurt.'
    """
    pool = [(i, k, t) for i, a in enumerate(r.articles) for k, t in enumerate(sentences(a.text))]
    chosen: list[tuple[int, int, str]] = []
    best = 0.0
    while len(chosen) < ORACLE_SENTENCES:
        scored = [
            (rouge_n(" ".join(t for *_, t in sorted(chosen + [c])), r.reference, 2), c)
            for c in pool
            if c not in chosen
        ]
        top = max(scored, default=(0.0, None), key=lambda x: x[0])
        if top[1] is None or top[0] <= best:
            break
        best = top[0]
        chosen.append(top[1])
    return " ".join(t for *_, t in sorted(chosen))


def brief_text(checked: dict) -> str:
    """The concatenated `brief[].text` of a checked story: every line, the marked ones too."""
    return " ".join(b.get("text", "") for b in checked.get("brief") or ())


# Before check-17 the brief's lines had no `kind`: the marked lines open with these words.
EXTRA_PREFIXES = ("Disputed", "Only ", "Revised: ")


def summary_text(checked: dict) -> str:
    """The brief's sentences (`kind` "summary"): its 3 to 7 sentences, the marked disputed,
    single-source and figure lines left out. This is the text the issue's target scores: the
    roundup it is compared with is a summary, and the marked lines are the brief's own
    separate items (what is disputed, what only one outlet reports), not sentences of it.

    >>> summary_text({"brief": [{"text": "A.", "kind": "summary"},
    ...                         {"text": "Only X reports: B.", "kind": "single_source"}]})
    'A.'
    """
    return " ".join(b.get("text", "") for b in checked.get("brief") or () if _is_summary(b))


def _is_summary(line: dict) -> bool:
    text = line.get("text", "")
    return line.get("kind", "" if text.startswith(EXTRA_PREFIXES) else "summary") == "summary"


def brief_defects(checked: dict) -> int:
    """Brief sentences without a status or without a cited article."""
    return sum(
        1 for b in checked.get("brief") or () if not b.get("status") or not b.get("article_ids")
    )


def _mean(scores: list[dict[str, float]]) -> dict[str, float]:
    n = len(scores) or 1
    return {k: sum(s[k] for s in scores) / n for k in ("R1", "R2", "RL")}


def run(data: Path = DATA, with_stage: bool = True) -> tuple[list[dict], list[str]]:
    """Mean ROUGE F1 rows (baselines, then the stage's brief when it is installed), and notes."""
    roundups = [r for r in load(data) if r.articles]
    systems = {
        "first sentence of each article": lead_each,
        "first two sentences of one article": lead_two_of_one,
        "oracle (greedy best extractive selection, reads the reference)": oracle,
    }
    rows = []
    for name, make in systems.items():
        m = _mean([rouge_all(make(r), r.reference) for r in roundups])
        a = ANCHORS.get(name)
        anchor = f"{a[0]:.3f} / {a[1]:.3f} / {a[2]:.3f}" if a else ""
        rows.append({"system": name, **m, "anchor": anchor})
    notes = [f"{len(roundups)} stories, {sum(len(r.articles) for r in roundups)} articles."]
    checked = [run_check(f"allsides-{r.story}", r.articles) for r in roundups] if with_stage else []
    if checked and checked[0] is not None:
        pairs = list(zip(checked, roundups, strict=True))
        texts = {
            "check stage brief: its sentences (the target's text)": summary_text,
            "check stage brief, every line (+ disputed / single-source / figure)": brief_text,
        }
        for name, text in texts.items():
            m = _mean([rouge_all(text(c), r.reference) for c, r in pairs])
            rows.append({"system": name, **m, "anchor": ""})
        # the brief's weights were tuned on the even-numbered stories: both halves, side by side
        for half, even in (("tuning half (even)", True), ("held-out half (odd)", False)):
            part = [(c, r) for c, r in pairs if (int(r.story) % 2 == 0) == even]
            systems_of_half = {
                "first sentence of each article": lambda c, r: lead_each(r),
                "oracle": lambda c, r: oracle(r),
                "check stage brief: its sentences": lambda c, r: summary_text(c),
                "check stage brief, every line": lambda c, r: brief_text(c),
            }
            for name, text in systems_of_half.items():
                m = _mean([rouge_all(text(c, r), r.reference) for c, r in part])
                rows.append({"system": f"{half}, {len(part)} stories: {name}", **m, "anchor": ""})
        sents = sum(len(c.get("brief") or ()) for c in checked)
        empty = sum(1 for c in checked if not c.get("brief"))
        bad = sum(brief_defects(c) for c in checked)
        per = Counter(sum(1 for b in c.get("brief") or () if _is_summary(b)) for c in checked)
        notes.append(
            f"brief: {sents} lines, {empty} stories without a brief, "
            f"{bad} lines lacking a status or a citation; sentences (kind summary) per brief "
            + ", ".join(f"{n}: {k}" for n, k in sorted(per.items()))
            + " stories."
        )
    else:
        notes.append("check stage not installed (newsweave.check): baselines only.")
    return rows, notes
