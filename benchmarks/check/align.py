"""ECB+ claim alignment: do the stage's propositions pair the sentences that report one event?

Universe: annotated sentences (an ACTION_* or NEG_ACTION_* markable; the title line and the URL
line left out) of the ECB+ articles; pairs of them from different articles of one topic (both
events of the topic). Gold: the two sentences mention one CROSS_DOC_COREF chain whose note
starts with ACT or NEG. Stage: each topic's articles are checked as one story; two sentences
are predicted a pair when evidence spans of one claim overlap both. Baseline in the same run:
TF-IDF sentence cosine at a sweep of thresholds.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from newsweave.model import Article

from .ecbxml import Sentence, parse_xml, sentence_spans
from .pairs import TARGET_RECALL, best_p_at_recall, norm, pair_prf, sweep
from .stage import SHARED, article_from_text, evidence_spans, run_check

DATA = SHARED / "data" / "ecbplus"
# cosine thresholds: fine where TF-IDF's recall crosses 0.60 (0.05-0.10), coarse above
THRESHOLDS = tuple(round(x / 100, 2) for x in (*range(2, 20), *range(20, 100, 5)))


@dataclass(frozen=True, slots=True)
class EcbSentence:
    """An annotated sentence: its key ("doc#n"), text, chains, and span in Article.text."""

    key: str
    doc: str
    topic: str
    text: str
    chains: frozenset[str]
    span: tuple[int, int] | None  # in the extracted Article.text; None when extraction lost it
    mentions: tuple[tuple[str, str | None], ...] = ()  # event mentions: (words, chain or None)


@dataclass(frozen=True, slots=True)
class EcbCorpus:
    articles: dict[str, Article]  # doc -> Article (docs extraction refused are absent)
    sentences: list[EcbSentence]
    notes: list[str]


def read_labels(data: Path) -> list[dict[str, str]]:
    """The rows of ECB+'s labels.csv under `data`; FileNotFoundError names the folder."""
    if not (data / "labels.csv").is_file():
        raise FileNotFoundError(f"ECB+ not found at {data} (../shared/data/ecbplus is absent)")
    with open(data / "labels.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _annotated(sents: tuple[Sentence, ...], raw_spans: dict, title_end: int) -> list[Sentence]:
    """Sentences with an event markable, placed in the raw text, past its title line."""
    return [
        s
        for s in sents
        if s.annotated and s.number in raw_spans and raw_spans[s.number][0] >= title_end
    ]


def load_corpus(data: Path = DATA, topics: set[str] | None = None) -> EcbCorpus:
    """Every ECB+ article through `extract`, and its annotated sentences placed in the raw
    file (for their text) and in Article.text (for the stage's offsets)."""
    articles, out, lost, refused = {}, [], 0, 0
    for row in read_labels(data):
        if topics and row["topic"] not in topics:
            continue
        doc = row["doc"]
        raw = (data / "text" / f"{doc}.txt").read_bytes()
        text = raw.decode("utf-8")
        xdoc = parse_xml((data / "xml" / f"{doc}.xml").read_bytes(), doc)
        raw_spans = sentence_spans(xdoc, text)
        title_end = text.find("\n\n") if "\n\n" in text else len(text)
        art = article_from_text(str(data / "text" / f"{doc}.txt"), raw)
        if art is None:
            refused += 1
        else:
            articles[doc] = art
        art_spans = sentence_spans(xdoc, art.text) if art else {}
        for s in _annotated(xdoc.sentences, raw_spans, title_end):
            a, b = raw_spans[s.number]
            span = art_spans.get(s.number)
            lost += span is None
            out.append(
                EcbSentence(
                    f"{doc}#{s.number}", doc, row["topic"], text[a:b], s.chains, span, s.mentions
                )
            )
    notes = [
        f"{len(out)} annotated sentences in {len({s.doc for s in out})} articles; "
        f"{refused} articles refused by extraction, {lost} sentences not found in Article.text "
        "(their gold pairs count against recall)."
    ]
    return EcbCorpus(articles, out, notes)


def universe(sents: list[EcbSentence]) -> tuple[list[tuple[int, int]], list[bool]]:
    """Index pairs (i, j) of sentences from different articles of one topic, and gold flags."""
    by_topic: dict[str, list[int]] = {}
    for i, s in enumerate(sents):
        by_topic.setdefault(s.topic, []).append(i)
    pairs, gold = [], []
    for idx in by_topic.values():
        for x, i in enumerate(idx):
            for j in idx[x + 1 :]:
                if sents[i].doc != sents[j].doc:
                    pairs.append((i, j))
                    gold.append(bool(sents[i].chains & sents[j].chains))
    return pairs, gold


def tfidf_scores(sents: list[EcbSentence], pairs: list[tuple[int, int]]) -> list[float]:
    """TF-IDF cosine (sublinear tf, English stop words, fitted on all annotated sentences)."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
        [s.text for s in sents]
    )
    i = np.array([p[0] for p in pairs])
    j = np.array([p[1] for p in pairs])
    return np.asarray(x[i].multiply(x[j]).sum(axis=1)).ravel().tolist()


def _overlaps(span: tuple[int, int] | None, start: int, end: int) -> bool:
    return span is not None and span[0] < end and start < span[1]


def predicted_pairs(checked: dict, sents: list[EcbSentence], doc_of: dict[str, str]) -> set:
    """Sentence-key pairs from different articles that one claim's evidence spans overlap.

    Args:
        checked: a checked story's `to_dict()`.
        sents: the annotated sentences of the story's articles.
        doc_of: Article.id -> ECB+ doc name.
    """
    by_doc: dict[str, list[EcbSentence]] = {}
    for s in sents:
        by_doc.setdefault(s.doc, []).append(s)
    out = set()
    for _, spans in evidence_spans(checked):
        hit = {
            s.key: s.doc
            for aid, a, b in spans
            for s in by_doc.get(doc_of.get(aid, ""), ())
            if _overlaps(s.span, a, b)
        }
        keys = sorted(hit)
        for x, k in enumerate(keys):
            out.update(norm((k, m)) for m in keys[x + 1 :] if hit[k] != hit[m])
    return out


def stage_rows(corpus: EcbCorpus, pairs, gold) -> list[dict] | None:
    """P/R/F1 of the check stage over the universe, or None while the stage is absent."""
    sents = corpus.sentences
    doc_of = {a.id: doc for doc, a in corpus.articles.items()}
    topics = sorted({s.topic for s in sents})
    predicted: set = set()
    for t in topics:
        docs = sorted({s.doc for s in sents if s.topic == t} & set(corpus.articles))
        checked = run_check(f"ecb-{t}", [corpus.articles[d] for d in docs])
        if checked is None:
            return None
        predicted |= predicted_pairs(checked, [s for s in sents if s.topic == t], doc_of)
    allowed = {norm((sents[i].key, sents[j].key)) for i, j in pairs}
    gold_keys = {
        norm((sents[i].key, sents[j].key)) for (i, j), g in zip(pairs, gold, strict=False) if g
    }
    p, r, f = pair_prf(predicted & allowed, gold_keys)
    return [
        {
            "method": "check stage",
            "threshold": None,
            "P": p,
            "R": r,
            "F1": f,
            "predicted": len(predicted & allowed),
            "pairs": predicted & allowed,  # for the notes (same_statement.reading)
            "gold_pairs": gold_keys,
            "universe": len(allowed),
        }
    ]


def event_ceiling(data: Path, sents: list[EcbSentence], pairs, gold, scores) -> list[str]:
    """What grouping alone could give: every pair of sentences from articles of one ECB+ event
    (labels.csv) predicted, and that with the TF-IDF sweep on top (its best P at R >= 0.60).
    Most pairs of one event mention different actions of it, so even perfect stories leave
    the alignment to the sentences."""
    event = {row["doc"]: row["event"] for row in read_labels(data)}
    one = [event[sents[i].doc] == event[sents[j].doc] for i, j in pairs]
    (row,) = sweep([1.0 if o else 0.0 for o in one], gold, (1.0,))
    inside = sweep([x if o else -1.0 for x, o in zip(scores, one, strict=True)], gold, THRESHOLDS)
    best = best_p_at_recall(inside, TARGET_RECALL)
    out = [
        f"Ceiling from the stories: all {row['predicted']:,} pairs of one ECB+ event predicted "
        f"give P {row['P']:.3f} at R {row['R']:.3f}."
    ]
    if best:
        out.append(
            f"Inside one event, TF-IDF's best P at R >= {TARGET_RECALL:.2f} is {best['P']:.3f} "
            f"(R {best['R']:.3f}, cosine >= {best['threshold']:.2f})."
        )
    return out


def run(
    data: Path = DATA, signals: bool = True
) -> tuple[list[dict], dict | None, list[str], list[dict] | None, tuple[list[dict], list[str]]]:
    """(baseline sweep rows, best baseline row at R >= 0.60, notes, stage rows or None, and
    the side-by-side signals of events.py with their notes (empty without `signals`))."""
    corpus = load_corpus(data)
    pairs, gold = universe(corpus.sentences)
    scores = tfidf_scores(corpus.sentences, pairs)
    rows = sweep(scores, gold, THRESHOLDS)
    notes = corpus.notes + [
        f"{len(pairs):,} pairs, {sum(gold):,} gold ({sum(gold) / len(pairs):.1%})."
    ]
    notes += event_ceiling(data, corpus.sentences, pairs, gold, scores)
    side: tuple[list[dict], list[str]] = ([], [])
    if signals:
        from .events import signal_rows

        event_of = {row["doc"]: row["event"] for row in read_labels(data)}
        side = signal_rows(corpus, pairs, gold, scores, event_of)
    best = best_p_at_recall(rows, TARGET_RECALL)
    return rows, best, notes, stage_rows(corpus, pairs, gold), side
