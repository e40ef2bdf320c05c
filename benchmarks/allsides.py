"""AllSides roundups: same-event clustering of US political news with no dates.

Data: ../shared/data/allsides-roundups/stories/NNN/NNN_K.txt (title, blank line, text), the
left, centre and right outlets' excerpts of one story; the gold event is the story folder.
The articles go through the stages `newsweave analyze` uses: ingest + extract (as scraped
text, a folder's pages compared for repeated lines), the reading stage, and grouping with the
batch steps (`Grouper.settle`). Extraction and readings are cached in a SQLite store under
NEWSWEAVE_CACHE (default /tmp/newsweave-cache), never in the repo, so reruns only group.

Run: .venv/bin/python -m benchmarks.allsides
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from newsweave.group import GroupInput, GroupSettings
from newsweave.group.cluster import StoryIndex

from . import ecbplus
from .ecbplus import CACHE, SHARED, bcubed, cluster_settled, cluster_split, cluster_stories
from .report import print_rows

DATA = SHARED / "data" / "allsides-roundups"


@dataclass(frozen=True, slots=True)
class AllSidesItems:
    """The corpus as grouping gets it: inputs in stored order and the gold story of each."""

    items: list[GroupInput]
    gold: dict[str, str]  # article id -> story folder
    texts: dict[str, str]  # article id -> title and text (for the TF-IDF baseline)


def story_folders(data: Path = DATA, stories: int | None = None) -> list[Path]:
    """The roundups' story folders, sorted (the first `stories` of them when given)."""
    root = data / "stories"
    if not root.is_dir():
        raise FileNotFoundError(
            f"AllSides roundups not found at {root} (../shared/data/allsides-roundups is absent)"
        )
    folders = sorted(p for p in root.iterdir() if p.is_dir())
    return folders[:stories] if stories is not None else folders


def _store_path() -> Path:
    from newsweave.read.stage import READER_VERSION

    return CACHE / f"allsides-{READER_VERSION}.db"


def load_items(stories: int | None = None, data: Path = DATA) -> AllSidesItems:
    """The grouping inputs of the first `stories` story folders (all when None), in stored
    order. Every folder is extracted and read as `analyze` does, into one cached store; the
    first folders' articles come first in it (folders are walked sorted) and extraction
    compares pages within a folder only, so a prefix is what `analyze` on those folders gives.

    Raises:
        FileNotFoundError: when the data folder is absent.
    """
    from newsweave.group.stage import group_input
    from newsweave.pipeline import read_stored, run
    from newsweave.store import SQLiteStore

    folders = story_folders(data)
    wanted = {f.name for f in folders[:stories]} if stories is not None else None
    path = _store_path()
    CACHE.mkdir(parents=True, exist_ok=True)
    gold: dict[str, str] = {}
    with SQLiteStore(str(path)) as store:
        if store.count() == 0:
            run([str(f) for f in folders], store=store, fetch=False)
        read_stored(store)
        items, texts = [], {}
        for article, reading in store.articles_with_readings():
            story = Path(article.source).parent.name
            if wanted is not None and story not in wanted:
                continue
            gold.setdefault(article.id, story)
            items.append(group_input(article, reading))
            texts[article.id] = f"{article.title or ''}\n{article.text}"
    return AllSidesItems(items, gold, texts)


def dump_items(items: Iterable[GroupInput], path: Path) -> None:
    """Write inputs as JSON lines (for throw-away experiments outside the bench)."""
    from dataclasses import asdict

    with open(path, "w", encoding="utf-8") as f:
        for it in items:
            f.write(json.dumps(asdict(it)) + "\n")


THRESHOLDS = tuple(x / 100 for x in range(50, 100, 2))


def baseline_sweep(ids: list[str], texts: list[str], gold: dict[str, str]) -> dict[float, tuple]:
    """TF-IDF + average linkage over THRESHOLDS: threshold -> (P, R, F1, clusters)."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts).toarray()
    out = {}
    for t in THRESHOLDS:
        lab = AgglomerativeClustering(
            n_clusters=None, metric="cosine", linkage="average", distance_threshold=t
        ).fit_predict(x)
        out[t] = (*bcubed(dict(zip(ids, map(str, lab), strict=True)), gold), len(set(lab)))
    return out


@dataclass(frozen=True, slots=True)
class Corpus:
    """One corpus as the cross-corpus table scores it."""

    name: str
    items: list[GroupInput]
    gold: dict[str, str]
    texts: list[str]  # per item, for the baseline


def corpora() -> list[Corpus]:
    """ECB+ dev (reading stage, people by surname, as analyze groups it), AllSides (all 307
    stories) and AllSides (the first 100 stories, grouped on their own)."""
    docs = ecbplus.load_docs()
    out = [
        Corpus(
            "ECB+ dev",
            ecbplus.load_items(docs, reader="read", surname=True),
            {d.doc: d.event for d in docs},
            [f"{d.title}\n{d.body}" for d in docs],
        )
    ]
    for n, name in ((None, "AllSides, 307 stories"), (100, "AllSides, first 100 stories")):
        got = load_items(n)
        texts = [got.texts[it.article_id] for it in got.items]
        out.append(Corpus(name, got.items, got.gold, texts))
    return out


def _dated(items: list[GroupInput], gold: dict[str, str]) -> list[GroupInput]:
    """NOT a result: each AllSides story's articles dated one day, stories 30 days apart in
    folder order (what the story window could do if the excerpts carried their dates)."""
    day0 = date(2012, 1, 1)
    return [
        replace(it, published=(day0 + timedelta(days=30 * int(gold[it.article_id]))).isoformat())
        for it in items
    ]


_OLD_NAMES = {"name_idf_offset": 1.0, "name_floor": 2.5, "name_strength": 0.0,
              "average_link": 0.0}  # fmt: skip
_BEFORE = {"name_strength": 0.0, "average_link": 0.0}  # the 02:25 UTC settings (dc8775a)
_AS_ANALYZE = "grouper, split + consensus (as analyze)"
_NO_HUB = "grouper, split + consensus, no crowding correction (hub_weight 0)"
# (label, settings changes, clustering): the suspects of issue 18, each measured on its own
VARIANTS: tuple[tuple[str, dict, Callable], ...] = (
    (_AS_ANALYZE, {}, cluster_settled),
    ("grouper, online only", {}, cluster_stories),
    ("grouper, split, no consensus", {}, cluster_split),
    ("grouper, split + consensus, consensus_share 0.5", {"consensus_share": 0.5}, cluster_settled),
    ("grouper, split + consensus, settled stories not cut by their words (text_split_ncut 0)",
     {"text_split_ncut": 0.0}, cluster_settled),
    ("grouper, split + consensus, names at full weight however thin (name_strength 0)",
     {"name_strength": 0.0}, cluster_settled),
    ("grouper, split + consensus, centroid cosine (average_link 0)", {"average_link": 0.0},
     cluster_settled),
    ("grouper, split + consensus, average_link 1 (mean cosine with the members)",
     {"average_link": 1.0}, cluster_settled),
    ("grouper, split + consensus, both turned back (02:25 UTC settings)", _BEFORE,
     cluster_settled),
    ("grouper, split + consensus, names weighted as at first (IDF offset 1, floor 2.5)",
     _OLD_NAMES, cluster_settled),
    (_NO_HUB, {"hub_weight": 0.0}, cluster_settled),
)  # fmt: skip
# the halves of AllSides (tuning half, held-out half) get these rows only
_HALF_VARIANTS = (_AS_ANALYZE, "grouper, split + consensus, both turned back (02:25 UTC settings)",
                  _NO_HUB)  # fmt: skip
HALVES = ((0, 154, "AllSides, stories 0-153 (tuning half)"),
          (154, 307, "AllSides, stories 154-306 (held out)"))  # fmt: skip


def _row(corpus: str, method: str, score: tuple, **extra: object) -> dict[str, object]:
    p, r, f = score[:3]
    return {"corpus": corpus, "method": method, "P": p, "R": r, "F1": f, **extra}


def _half(got: AllSidesItems, lo: int, hi: int, name: str) -> Corpus:
    """The stories of folders lo..hi-1 (in sorted folder order) as a corpus of their own."""
    folders = sorted(set(got.gold.values()))[lo:hi]
    keep = set(folders)
    items = [it for it in got.items if got.gold[it.article_id] in keep]
    gold = {it.article_id: got.gold[it.article_id] for it in items}
    return Corpus(name, items, gold, [got.texts[it.article_id] for it in items])


def run_allsides() -> list[dict[str, object]]:
    """Rows: per corpus, the grouper (defaults, and each suspect of the merges turned back),
    and the TF-IDF baseline at its own best threshold and at the other corpus's best; the two
    halves of AllSides (tuning, held out) with the defaults and the settings before; then
    the wrong merges and missed joins by cause (`merge_causes`)."""
    cs = corpora()
    got = load_items(None)
    halves = [_half(got, lo, hi, name) for lo, hi, name in HALVES]
    sweeps = {c.name: baseline_sweep([it.article_id for it in c.items], c.texts, c.gold)
              for c in cs + halves}  # fmt: skip
    best = {name: max(sw, key=lambda t: sw[t][2]) for name, sw in sweeps.items()}
    rows, preds = [], {}
    for c in cs + halves:
        for label, changes, cluster in VARIANTS:
            if c in halves and label not in _HALF_VARIANTS:
                continue
            s = replace(GroupSettings(), **changes)
            pred = preds[c.name, label] = cluster(c.items, s)
            rows.append(_row(c.name, label, bcubed(pred, c.gold),
                             stories=len(set(pred.values()))))  # fmt: skip
        other = "AllSides, 307 stories" if c.name == "ECB+ dev" else "ECB+ dev"
        for label, t in (("own best", best[c.name]), (f"best on {other}", best[other])):
            sc = sweeps[c.name][t]
            rows.append(_row(c.name, f"tfidf+average-linkage, threshold {t:.2f} ({label})", sc,
                             stories=sc[3]))  # fmt: skip
    for c in cs[1:]:
        pred = cluster_settled(_dated(c.items, c.gold), GroupSettings())
        rows.append(
            _row(
                c.name,
                "grouper, split + consensus, oracle dates (ceiling, not a result)",
                bcubed(pred, c.gold),
                stories=len(set(pred.values())),
            )
        )
    return rows + cause_rows(cs[:2], preds)


# (settings label, the VARIANTS row whose stories they are)
_CAUSE_LABELS = (
    ("both turned back (02:25 UTC settings)", _HALF_VARIANTS[1]),
    ("name_strength 1 only", "grouper, split + consensus, centroid cosine (average_link 0)"),
    ("average_link 0.5 only",
     "grouper, split + consensus, names at full weight however thin (name_strength 0)"),
    ("both (defaults)", _AS_ANALYZE),
)  # fmt: skip


def cause_rows(cs: list[Corpus], preds: dict) -> list[dict[str, object]]:
    """Wrong merges and missed joins by cause (`merge_causes`), per corpus, for the stories
    of the settings before and after each change (`preds`: (corpus, VARIANTS label) ->
    stories)."""
    changes = {label: ch for label, ch, _ in VARIANTS}
    rows = []
    for c in cs:
        for label, variant in _CAUSE_LABELS:
            s = replace(GroupSettings(), **changes[variant])
            merges, misses = merge_causes(c.items, c.gold, preds[c.name, variant], s)
            row: dict[str, object] = {"corpus": c.name, "settings": label}
            row.update({f"merge: {k}": merges.get(k, 0) for k in MERGE_CAUSES})
            row.update({f"miss: {k}": misses.get(k, 0) for k in MISS_CAUSES})
            rows.append(row)
    return rows


MERGE_CAUSES = ("shared names lead", "shared words lead", "chained")
MISS_CAUSES = ("no words shared", "names pull under join", "words under join", "above join")


def merge_causes(
    items: list[GroupInput], gold: dict[str, str], pred: dict[str, str], s: GroupSettings
) -> tuple[Counter[str], Counter[str]]:
    """Article pairs grouped wrongly, by cause, under the final IDF table.

    Wrong merges (one story, two gold events): "chained" when the pair itself scores under
    half of join_score (joined through other members or the centroid), else "shared names
    lead" when the name view adds at least as much as the words, else "shared words lead".
    Missed joins (one gold event, two stories): "no words shared" (text cosine < 0.1),
    "above join" (the pair scores above join_score yet ends apart), "names pull under join"
    (the name cosine is below the text's and the pair under join_score), "words under join".
    """
    idx = StoryIndex(s)
    for it in items:
        idx.features(it)
    feats = [idx.features(it, count=False) for it in items]
    ids = [it.article_id for it in items]
    merges: Counter[str] = Counter()
    misses: Counter[str] = Counter()
    for i in range(len(ids)):
        for j in range(i + 1, len(ids)):
            together, same = pred[ids[i]] == pred[ids[j]], gold[ids[i]] == gold[ids[j]]
            if together == same:
                continue
            text, names, name_weight, score = idx.pair_parts(feats[i], feats[j])
            if together:
                if score < s.join_score / 2:
                    merges["chained"] += 1
                elif names is not None and name_weight * names >= s.weight_text * text:
                    merges["shared names lead"] += 1
                else:
                    merges["shared words lead"] += 1
            elif text < 0.1:
                misses["no words shared"] += 1
            elif score >= s.join_score:
                misses["above join"] += 1
            elif names is not None and names < text:
                misses["names pull under join"] += 1
            else:
                misses["words under join"] += 1
    return merges, misses


def main() -> None:
    """Print the cross-corpus table."""
    print_rows(run_allsides())


if __name__ == "__main__":
    main()
