"""ECB+ same-event clustering: all 772 articles in one online run, B-cubed against `event`.

Data: ../shared/data/ecbplus (text/<doc>.txt = title, blank line, body; labels.csv doc, topic,
event, url). The entities and places the grouper needs come from a cheap stand-in for the
reading stage: the spaCy light pass (`newsweave.read.nlp.docs`) NER labels PERSON/ORG/EVENT
(entities) and GPE/LOC/FAC (places), canonicalised by `_canonical`. Dates come from a regex
over the text (`_text_times`): ECB+ texts carry no publication date. The NER output is cached
under /tmp (never in the repo).

Run: .venv/bin/python -m benchmarks.ecbplus
"""

from __future__ import annotations

import csv
import json
import os
import random
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from newsweave.group import Grouper, GroupInput, GroupSettings
from newsweave.vocab import MONTH_NAMES

from .report import print_rows

SHARED = Path(
    os.environ.get("NEWSWEAVE_SHARED", Path(__file__).resolve().parents[1].parent / "shared")
)
DATA = SHARED / "data" / "ecbplus"
CACHE = Path(os.environ.get("NEWSWEAVE_CACHE", "/tmp/newsweave-cache"))

_ENTITY_LABELS = ("PERSON", "ORG", "EVENT", "NORP")
_PLACE_LABELS = ("GPE", "LOC", "FAC")


@dataclass(frozen=True, slots=True)
class EcbDoc:
    """One ECB+ article with its gold labels."""

    doc: str
    topic: str
    event: str
    title: str
    body: str


def load_docs(data: Path = DATA) -> list[EcbDoc]:
    """The 772 ECB+ articles in labels.csv order.

    Raises:
        FileNotFoundError: when the data folder is absent.
    """
    if not (data / "labels.csv").is_file():
        raise FileNotFoundError(f"ECB+ not found at {data} (../shared/data/ecbplus is absent)")
    out = []
    with open(data / "labels.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            raw = (data / "text" / f"{row['doc']}.txt").read_text(encoding="utf-8")
            title, _, body = raw.partition("\n\n")
            out.append(EcbDoc(row["doc"], row["topic"], row["event"], title.strip(), body.strip()))
    return out


def _ner(docs: list[EcbDoc]) -> list[list[tuple[str, str]]]:
    """(mention, label) per article from the spaCy light pass, cached under CACHE."""
    path = CACHE / "ecbplus-ner.json"
    if path.is_file():
        cached = json.loads(path.read_text())
        if len(cached) == len(docs):
            return [[tuple(e) for e in ents] for ents in cached]
    from newsweave.read import nlp

    texts = [f"{d.title}\n\n{d.body}" for d in docs]
    ents = [[(e.text, e.label_) for e in doc.ents] for doc in nlp.docs(texts)]
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(ents))
    return ents


_DATE = re.compile(
    r"\b("
    + "|".join(m[:3] for m in MONTH_NAMES)
    + r")[a-z]*\.?\s+(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?"
    r"((?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_MONTH_DAY = re.compile(
    r"\b(" + "|".join(m[:3] for m in MONTH_NAMES) + r")[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b"
    r"(?!,?\s+\d{4})",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


def _text_times(text: str) -> tuple[str, ...]:
    """Dates the text names: "May 2, 2013" -> 2013-05-02, "May 2013" -> 2013-05, "2013".

    A stand-in for read/times.py: only explicit years count, relative dates need an anchor.
    """
    out = []
    spans = []
    for m in _DATE.finditer(text):
        month = [x[:3] for x in MONTH_NAMES].index(m.group(1)[:3].lower()) + 1
        day = f"-{int(m.group(2)):02d}" if m.group(2) and 1 <= int(m.group(2)) <= 31 else ""
        out.append(f"{m.group(3)}-{month:02d}{day}")
        spans.append(m.span(3))
    for m in _YEAR.finditer(text):
        if m.span(1) not in spans:
            out.append(m.group(1))
    # "on May 2" without a year: the day of the year still tells two events apart
    for m in _MONTH_DAY.finditer(text):
        month = [x[:3] for x in MONTH_NAMES].index(m.group(1)[:3].lower()) + 1
        if 1 <= int(m.group(2)) <= 31:
            out.append(f"--{month:02d}-{int(m.group(2)):02d}")
    # an event's weekday ("late Thursday") as the outlets reporting it name it
    out.extend(f"wd:{m.group(1).lower()}" for m in _WEEKDAY.finditer(text))
    return tuple(out)


def _canonical(mention: str, label: str) -> str:
    """A cheap canonical name: no leading "the" or trailing "'s"; people by their last name.

    "Lindsay Lohan", "Lohan" and "Ms. Lohan" are one person across articles.
    """
    m = re.sub(r"^(the|a|an)\s+", "", mention.strip(), flags=re.IGNORECASE)
    m = re.sub(r"['’]s$", "", m).strip(" .,-\n")
    if label == "PERSON" and m:
        m = m.split()[-1]
    return m.lower()


def _read_stage(docs: list[EcbDoc]) -> list[tuple[list[tuple[str, str]], list[str]]]:
    """(canonical name, label) and resolved times per article from newsweave's reading stage
    (`newsweave.read.stage.read_articles`), cached under CACHE per reader version."""
    from newsweave.read.stage import READER_VERSION

    path = CACHE / f"ecbplus-{READER_VERSION}.json"
    if path.is_file():
        cached = json.loads(path.read_text())
        if len(cached) == len(docs):
            return [([tuple(e) for e in ents], times) for ents, times in cached]
    from newsweave.model import Article
    from newsweave.read.stage import read_articles

    arts = [
        Article(id=d.doc, source=d.doc, text=f"{d.title}\n\n{d.body}", title=d.title, language="en")
        for d in docs
    ]
    out = [
        ([(e.canonical, e.label) for e in r.entities], [t.resolved for t in r.times if t.resolved])
        for r in read_articles(arts)
    ]
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out))
    return out


def _read_name(canonical: str, label: str, surname: bool) -> str:
    """A reading-stage canonical name as grouping gets it; with `surname`, by the key grouping
    counts it by (`read.names.cross_article_name`: a person by the last word of the name): one
    article names only "Reid", another "Tara Reid", and the reading stage resolves names per
    article."""
    from newsweave.read.names import cross_article_name

    return cross_article_name(canonical, label) if surname else canonical


def load_items(
    docs: list[EcbDoc] | None = None, reader: str = "ner", surname: bool = False
) -> list[GroupInput]:
    """GroupInputs for the ECB+ articles.

    Args:
        docs: the articles (all of ECB+ when None).
        reader: "ner" (the cheap spaCy NER pass + `_canonical` + `_text_times`) or "read"
            (newsweave's reading stage: canonical entities, resolved times; ECB+ has no
            publication date to resolve relative times against).
        surname: with reader "read", people by the last word of their canonical name.
    """
    docs = docs if docs is not None else load_docs()
    if reader == "read":
        items = []
        for d, (ents, times) in zip(docs, _read_stage(docs), strict=True):
            items.append(
                GroupInput(
                    article_id=d.doc,
                    text=d.body,
                    title=d.title,
                    entities=tuple(
                        _read_name(c, lab, surname)
                        for c, lab in ents
                        if lab in _ENTITY_LABELS and c
                    ),
                    places=tuple(c for c, lab in ents if lab in _PLACE_LABELS and c),
                    times=tuple(times),
                )
            )
        return items
    if reader != "ner":
        raise ValueError(f"reader must be 'ner' or 'read', got {reader!r}")
    items = []
    for d, ents in zip(docs, _ner(docs), strict=True):
        people = tuple(_canonical(t, lab) for t, lab in ents if lab in _ENTITY_LABELS)
        places = tuple(_canonical(t, lab) for t, lab in ents if lab in _PLACE_LABELS)
        items.append(
            GroupInput(
                article_id=d.doc,
                text=d.body,
                title=d.title,
                entities=tuple(e for e in people if e),
                places=tuple(p for p in places if p),
                times=_text_times(f"{d.title}\n{d.body}"),
            )
        )
    return items


def bcubed(pred: dict[str, str], gold: dict[str, str], only: Iterable[str] | None = None):
    """B-cubed (precision, recall, F1) of a clustering against gold classes.

    Args:
        pred: item -> predicted cluster. gold: item -> gold class.
        only: score only these items (their clusters still count every item).
    """
    by_pred: dict[str, set[str]] = {}
    by_gold: dict[str, set[str]] = {}
    for k, c in pred.items():
        by_pred.setdefault(c, set()).add(k)
    for k, c in gold.items():
        by_gold.setdefault(c, set()).add(k)
    keys = list(only) if only is not None else list(gold)
    p = r = 0.0
    for k in keys:
        cp, cg = by_pred[pred[k]], by_gold[gold[k]]
        inter = len(cp & cg)
        p += inter / len(cp)
        r += inter / len(cg)
    p, r = p / len(keys), r / len(keys)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _added(items: list[GroupInput], settings: GroupSettings) -> Grouper:
    g = Grouper(settings)
    for it in items:
        g.add(it)
    return g


def _members(g: Grouper) -> dict[str, str]:
    """Article id -> story id from the stories' member lists: unlike `story_of`, it follows
    articles that re-checking (`doubt_margin`) moved to another story."""
    return {a: st.id for st in g.stories() for a in st.article_ids}


def cluster_online(items: list[GroupInput], settings: GroupSettings) -> dict[str, str]:
    """Article id -> story id after adding the items in the given order."""
    g = _added(items, settings)
    return {it.article_id: g.story_of(it.article_id) for it in items}


def cluster_stories(items: list[GroupInput], settings: GroupSettings) -> dict[str, str]:
    """Article id -> story id from the stories' member lists after adding the items."""
    return _members(_added(items, settings))


def cluster_split(items: list[GroupInput], settings: GroupSettings) -> dict[str, str]:
    """Like `cluster_stories`, then stories holding two look-alike events are split
    (`Grouper.split_stories`), without the consensus of other input orders."""
    g = _added(items, settings)
    g.split_stories(items)
    return _members(g)


def cluster_settled(items: list[GroupInput], settings: GroupSettings) -> dict[str, str]:
    """Like `cluster_stories`, then the batch steps `newsweave analyze` runs after regrouping
    the store (`Grouper.settle`: the split, and the consensus of several input orders)."""
    g = _added(items, settings)
    g.settle(items)
    return _members(g)


def baseline(docs: list[EcbDoc], thresholds: Iterable[float]) -> list[dict[str, object]]:
    """TF-IDF + average-linkage clustering, one row per cosine-distance threshold."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
        [f"{d.title}\n{d.body}" for d in docs]
    )
    gold = {d.doc: d.event for d in docs}
    rows = []
    for t in thresholds:
        lab = AgglomerativeClustering(
            n_clusters=None, metric="cosine", linkage="average", distance_threshold=t
        ).fit_predict(x.toarray())
        pred = {d.doc: str(c) for d, c in zip(docs, lab, strict=True)}
        p, r, f = bcubed(pred, gold)
        rows.append(
            {
                "method": "tfidf+average-linkage",
                "threshold": t,
                "P": p,
                "R": r,
                "F1": f,
                "clusters": len(set(lab)),
            }
        )
    return rows


# The grid the grouper's defaults were tuned on (tuning on dev: see run_ecbplus's CV row).
GRID: dict[str, tuple[float, ...]] = {
    "join_score": (0.15, 0.2, 0.25, 0.3),
    "weight_entities": (0.3, 0.5, 0.8),
    "weight_when": (0.0, 0.4),
    "participant_penalty": (0.0, 0.35),
}


# split_ncut values the split was tuned over (0: no split).
SPLIT_GRID = (0.0, 0.6, 0.65, 0.7, 0.72, 0.74, 0.76, 0.78, 0.8, 0.85)
SHARE_GRID = (0.1, 0.2, 0.3, 0.4, 0.5)
ORDERS = 10  # input orders the split and consensus rows average over (file order + shuffles)


def _grid(base: GroupSettings) -> list[GroupSettings]:
    out = []
    for j in GRID["join_score"]:
        for we in GRID["weight_entities"]:
            for ww in GRID["weight_when"]:
                for pp in GRID["participant_penalty"]:
                    out.append(
                        replace(
                            base,
                            join_score=j,
                            weight_entities=we,
                            weight_when=ww,
                            participant_penalty=pp,
                        )
                    )
    return out


def _orders(items: list[GroupInput], shuffles: int) -> Iterator[tuple[int, list[GroupInput]]]:
    """(seed, the items shuffled with that seed) for seeds 0 to shuffles - 1."""
    for seed in range(shuffles):
        order = items[:]
        random.Random(seed).shuffle(order)
        yield seed, order


def _mean_row(method: str, scores: list[tuple[float, float, float]]) -> dict[str, object]:
    """Mean B-cubed (P, R, F1) over several input orders, and the lowest F1."""
    n = len(scores)
    return {
        "method": method,
        "P": sum(p for p, _, _ in scores) / n,
        "R": sum(r for _, r, _ in scores) / n,
        "F1": sum(f for _, _, f in scores) / n,
        "lowest F1": min(f for _, _, f in scores),
    }


def _row(method: str, pred: dict[str, str], gold: dict[str, str]) -> dict[str, object]:
    p, r, f = bcubed(pred, gold)
    return {"method": method, "P": p, "R": r, "F1": f, "clusters": len(set(pred.values()))}


def run_ecbplus(cv_folds: int = 5, shuffles: int = 3) -> list[dict[str, object]]:
    """Rows: grouper (defaults, labels.csv order and shuffled orders), topic-fold CV, baseline."""
    docs = load_docs()
    items = load_items(docs)
    gold = {d.doc: d.event for d in docs}
    rows: list[dict[str, object]] = []
    t = time.perf_counter()
    pred = cluster_online(items, GroupSettings())
    secs = time.perf_counter() - t
    p, r, f = bcubed(pred, gold)
    rows.append(
        {
            "method": "grouper (defaults, file order)",
            "threshold": GroupSettings().join_score,
            "P": p,
            "R": r,
            "F1": f,
            "clusters": len(set(pred.values())),
            "seconds": secs,
        }
    )
    read_items = load_items(docs, reader="read")
    pred = cluster_online(read_items, GroupSettings())
    rows.append(_row("grouper (defaults, reading-stage entities and times)", pred, gold))
    sur_items = load_items(docs, reader="read", surname=True)
    pred = cluster_online(sur_items, GroupSettings())
    rows.append(
        _row("grouper (defaults, reading stage, people by surname, as stage.py does)", pred, gold)
    )
    for seed, order in _orders(read_items, shuffles):
        pred = cluster_online(order, GroupSettings())
        rows.append(_row(f"grouper (defaults, reading stage, shuffle seed {seed})", pred, gold))
    for seed, order in _orders(items, shuffles):
        pred = cluster_online(order, GroupSettings())
        rows.append(_row(f"grouper (defaults, shuffle seed {seed})", pred, gold))
    # re-checking low-margin members (on by default; this row pins the margin)
    doubt = replace(GroupSettings(), doubt_margin=0.1)
    pred = cluster_stories(sur_items, doubt)
    rows.append(_row("grouper (reading stage, surnames, re-check doubtful members)", pred, gold))
    for seed, order in _orders(read_items, shuffles):
        p, r, f = bcubed(cluster_stories(order, doubt), gold)
        rows.append(
            {
                "method": f"grouper (reading stage, re-check, shuffle seed {seed})",
                "P": p,
                "R": r,
                "F1": f,
            }
        )
    # looking back: stories holding two look-alike events are split; then (as analyze does)
    # the stories become the consensus of runs in several input orders
    # (one order's F1 moves by +-0.01 with the order: the mean over ten orders is the figure)
    for name, cluster in (("split", cluster_split), ("split + consensus", cluster_settled)):
        pred = cluster(sur_items, GroupSettings())
        rows.append(_row(f"grouper + {name} (reading stage, surnames, file order)", pred, gold))
        scores = [bcubed(pred, gold)]
        for seed, order in _orders(sur_items, max(shuffles, ORDERS - 1)):
            pred = cluster(order, GroupSettings())
            scores.append(bcubed(pred, gold))
            if seed < shuffles:
                rows.append(_row(f"grouper + {name} (shuffle seed {seed})", pred, gold))
        n = len(scores)
        label = f"grouper + {name} (file order and shuffle seeds 0-{n - 2}: mean of {n} orders)"
        rows.append(_mean_row(label, scores))
    if cv_folds:
        splits = {
            t: cluster_split(sur_items, replace(GroupSettings(), split_ncut=t)) for t in SPLIT_GRID
        }
        rows.append(
            _cv_row(f"grouper + split ({cv_folds}-fold topic CV of split_ncut)", splits, gold,
                    docs, cv_folds)
        )  # fmt: skip
        shares = {
            x: cluster_settled(sur_items, replace(GroupSettings(), consensus_share=x))
            for x in SHARE_GRID
        }
        rows.append(
            _cv_row(f"grouper + split + consensus ({cv_folds}-fold topic CV of consensus_share,"
                    " file order)", shares, gold, docs, cv_folds)
        )  # fmt: skip
        rows.append(_cv(items, gold, docs, cv_folds))
        cv_read = _cv(sur_items, gold, docs, cv_folds)
        rows.append(cv_read | {"method": f"{cv_read['method']}, reading stage, surnames"})
        cv_doubt = _cv(sur_items, gold, docs, cv_folds, doubt, cluster_stories)
        rows.append(cv_doubt | {"method": f"{cv_doubt['method']}, surnames, re-check"})
    base = baseline(docs, [x / 100 for x in range(50, 100, 2)])
    best = max(base, key=lambda row: row["F1"])
    rows.append(best | {"method": "tfidf+average-linkage (best threshold, tuned on all)"})
    return rows


def topic_cv(
    preds: dict[Any, dict[str, str]], gold: dict[str, str], docs: list[EcbDoc], folds: int
) -> tuple[float, float, list[Any]]:
    """Topic-fold cross-validation over ready clusterings: for each fold, the clustering (by
    its key: a threshold, a settings object) with the best B-cubed F1 on the other folds'
    topics is scored on the fold's articles. Every clustering clusters all articles together.

    Returns:
        (pooled held-out precision, pooled held-out recall, the key chosen for each fold).
    """
    topics = sorted({d.topic for d in docs}, key=int)
    keys = list(preds)
    held_p = held_r = 0.0
    n = 0
    chosen = []
    for k in range(folds):
        test = {t for i, t in enumerate(topics) if i % folds == k}
        train_ids = [d.doc for d in docs if d.topic not in test]
        test_ids = [d.doc for d in docs if d.topic in test]
        key = max(keys, key=lambda c: bcubed(preds[c], gold, train_ids)[2])
        chosen.append(key)
        p, r, _ = bcubed(preds[key], gold, test_ids)
        held_p += p * len(test_ids)
        held_r += r * len(test_ids)
        n += len(test_ids)
    return held_p / n, held_r / n, chosen


def _cv(
    items, gold, docs, folds: int, base: GroupSettings | None = None, cluster=cluster_online
) -> dict[str, object]:
    """Tune on the topics of k-1 folds, score the held-out topics' articles (all clustered)."""
    preds = {cfg: cluster(items, cfg) for cfg in _grid(base or GroupSettings())}
    row = _cv_row(
        f"grouper ({folds}-fold topic CV: join, entity, when, participant)", preds, gold, docs,
        folds,
    )  # fmt: skip
    row["chosen"] = [
        (c.join_score, c.weight_entities, c.weight_when, c.participant_penalty)
        for c in row["chosen"]
    ]
    return row


def _cv_row(
    method: str, preds: dict[Any, dict[str, str]], gold: dict[str, str], docs: list[EcbDoc],
    folds: int,
) -> dict[str, Any]:  # fmt: skip
    """A table row of `topic_cv`: pooled held-out P, R, F1 and the key chosen per fold."""
    p, r, chosen = topic_cv(preds, gold, docs, folds)
    return {"method": method, "P": p, "R": r, "F1": 2 * p * r / (p + r), "chosen": chosen}


def main() -> None:
    """Print the ECB+ table."""
    print_rows(run_ecbplus())


if __name__ == "__main__":
    main()
