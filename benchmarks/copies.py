"""Copy detection on a syndication set built in memory from the ECB+ dev texts.

Each source article (body of at least 120 words) gets variants, all of which are copies of it:

- chrome: the same text between a site's menu, share and copyright lines, under a new headline;
- trimmed: the first 55-85% of the text (a wire story cut to fit), plus chrome;
- edited: about 4% of the words dropped or changed, a sentence dropped, plus chrome;
- partial: a rewrite that keeps the first half of the source's sentences verbatim and adds
  as many invented sentences of its own, interleaved.

Negatives are the other ECB+ articles: distinct articles on the same event (same wording of
the facts, different writing). Precision counts every copy link the detector makes; a link
between two families is a false positive. Recall counts variants linked into their family.
The origin check asks whether each family's origin is its source (the earliest dated member).

Run: .venv/bin/python -m benchmarks.copies
"""

from __future__ import annotations

import difflib
import random
import re
import time

from newsweave.group.copies import CopyIndex
from newsweave.group.features import overlap, shingle_hashes, words
from newsweave.group.types import GroupSettings

from .ecbplus import load_docs
from .report import print_rows

_CHROME_TOP = (
    "Home | News | World | Business | Sport | Opinion",
    "Menu Search Sign in Subscribe",
    "Breaking News Live Updates Newsletters",
)
_CHROME_BOTTOM = (
    "Share this article: Facebook Twitter Email",
    "Subscribe to our newsletter for the latest headlines.",
    "© 2026 The Daily Courier. All rights reserved. Terms | Privacy | Contact us",
    "Related: More stories from our newsroom",
)
_SENT = re.compile(r"(?<=[.!?])\s+")
_RUN_WORDS = 8
_REUSE_SHARE = 0.3


def _chrome(rng: random.Random, text: str) -> str:
    top = rng.sample(_CHROME_TOP, rng.randint(1, 2))
    bottom = rng.sample(_CHROME_BOTTOM, rng.randint(1, 3))
    return "\n".join([*top, text, *bottom])


def _trim(rng: random.Random, text: str) -> str:
    w = text.split()
    return " ".join(w[: int(len(w) * rng.uniform(0.55, 0.85))])


def _edit(rng: random.Random, text: str) -> str:
    sents = _SENT.split(text)
    if len(sents) > 3:
        del sents[rng.randrange(1, len(sents))]
    out = []
    for word in " ".join(sents).split():
        x = rng.random()
        if x < 0.02:
            continue
        out.append(word + "s" if x < 0.04 else word)
    return " ".join(out)


_FILL_SUBJECTS = ("Our correspondent", "Local officials", "Witnesses", "Analysts", "A spokesman")
_FILL_VERBS = ("added", "warned", "noted", "stressed", "suggested")
_FILL_OBJECTS = (
    "that more details would follow later in the week",
    "that the situation remained unclear for many residents",
    "that questions about the response were still open",
    "that the reaction had been swift across the region",
    "that a fuller account was expected from the authorities",
)


def _own_sentences(rng: random.Random, n: int) -> list[str]:
    """Invented sentences a rewriting outlet adds (they copy nothing)."""
    return [
        f"{rng.choice(_FILL_SUBJECTS)} {rng.choice(_FILL_VERBS)} {rng.choice(_FILL_OBJECTS)}, "
        f"speaking on day {rng.randint(1, 999)} of coverage."
        for _ in range(n)
    ]


def _partial(rng: random.Random, text: str) -> str:
    mine = _SENT.split(text)
    keep = mine[: max(2, len(mine) // 2)]
    own = _own_sentences(rng, len(keep))
    # the rewrite interleaves its own sentences with the reused passage
    return " ".join(s for pair in zip(keep, own, strict=True) for s in pair)


def build_set(seed: int = 0, min_words: int = 120):
    """(items, family) — items are (id, text, published); family maps id -> source doc id."""
    rng = random.Random(seed)
    docs = [d for d in load_docs() if len(d.body.split()) >= min_words]
    items, family = [], {}
    for i, d in enumerate(docs):
        day = 1 + i % 27
        items.append((d.doc, d.body, f"2026-03-{day:02d}"))
        family[d.doc] = d.doc
        variants = {
            "chrome": _chrome(rng, d.body),
            "trimmed": _chrome(rng, _trim(rng, d.body)),
            "edited": _chrome(rng, _edit(rng, d.body)),
            "partial": _partial(rng, d.body),
        }
        for kind, text in variants.items():
            vid = f"{d.doc}~{kind}"
            # copies appear later, or undated (an undated copy must not become the origin)
            pub = None if rng.random() < 0.25 else f"2026-03-{day + rng.randint(1, 2):02d}"
            items.append((vid, text, pub))
            family[vid] = d.doc
    rng.shuffle(items)
    return items, family


def run_copies(seed: int = 0, settings: GroupSettings | None = None) -> list[dict[str, object]]:
    """One row per variant kind (recall) and one overall row (precision, recall, origin)."""
    settings = settings or GroupSettings()
    items, family = build_set(seed)
    idx = CopyIndex(settings)
    t = time.perf_counter()
    links = []
    for n, (aid, text, pub) in enumerate(items):
        m = idx.add(text, pub)
        if m is not None:
            idx.link(m.other, n)
            links.append((aid, items[m.other][0]))
    secs = time.perf_counter() - t
    ids = [a for a, _, _ in items]
    wrong = [(a, b) for a, b in links if family[a] != family[b]]
    linked = {a for a, _ in links} | {b for _, b in links}
    pos = index_of = {a: i for i, a in enumerate(ids)}
    # a variant is found when it shares a copy group with its source
    found = {a for a in ids if "~" in a and idx.group(pos[a]) == idx.group(pos[family[a]])}
    variants = [a for a in ids if "~" in a]
    rows = []
    for kind in ("chrome", "trimmed", "edited", "partial"):
        vs = [a for a in variants if a.endswith("~" + kind)]
        rows.append({"set": kind, "variants": len(vs), "R": sum(a in found for a in vs) / len(vs)})
    sources = [a for a in ids if "~" not in a]
    origin_ok = sum(ids[idx.origin(index_of[s])] == s for s in sources) / len(sources)
    # groups holding several ECB+ originals (wire copies in the data) have one origin among them
    origin_src = sum("~" not in ids[idx.origin(index_of[s])] for s in sources) / len(sources)
    p = 1 - len(wrong) / len(links) if links else 1.0
    r = len(found) / len(variants)
    rows.append({
        "set": "all", "articles": len(items), "sources": len(sources), "links": len(links),
        "false_links": len(wrong), "P": p, "R": r,
        "origin_is_own_source": origin_ok, "origin_is_an_original": origin_src,
        "linked_articles": len(linked), "seconds": secs,
    })  # fmt: skip
    data_family, pairs = _data_families(items, family)
    wrong2 = [(a, b) for a, b in wrong if data_family[family[a]] != data_family[family[b]]]
    # originals the data already holds as copies of each other: were they linked?
    src_pos = {a: index_of[a] for a in sources}
    found_pairs = sum(idx.group(src_pos[a]) == idx.group(src_pos[b]) for a, b in pairs)
    rows.append({
        "set": "all, gold with the ECB+ originals that reuse each other's passages as one family",
        "data_copy_sources": sum(1 for k, v in data_family.items() if k != v),
        "false_links": len(wrong2), "P": 1 - len(wrong2) / len(links) if links else 1.0,
        "data_copy_pairs": len(pairs),
        "R_data_copy_pairs": found_pairs / len(pairs) if pairs else 1.0,
    })  # fmt: skip
    rows.append(_source_pairs(wrong, items, settings))
    return rows


def _reuse(a: list[str], b: list[str]) -> float:
    """Share of the shorter word sequence found in the other in verbatim runs of 8+ words."""
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    runs = sum(m.size for m in sm.get_matching_blocks() if m.size >= _RUN_WORDS)
    return runs / max(1, min(len(a), len(b)))


def _data_families(items, family) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Source -> representative, joining ECB+ originals that already copy each other, and the
    pairs of originals that do (directly).

    ECB+ collects several outlets running the same wire text, or rewrites that keep long
    passages of it: in the syndication set they are not "distinct articles", so a link
    between them is no false positive. The criterion is independent of the detector (no
    shingles, no MinHash): two originals of one topic are one family when at least
    `_REUSE_SHARE` of the shorter text's words sit in verbatim runs of 8+ words shared with
    the other (difflib). On seed 0, every false link of the detector (as built) joins two
    texts that share a verbatim run of at least 16 words (difflib).
    """
    text = {a: t for a, t, _ in items if family[a] == a}
    srcs = sorted(text)
    toks = {a: words(text[a]) for a in srcs}
    rep = {a: a for a in srcs}
    pairs = []

    def find(x: str) -> str:
        while rep[x] != x:
            x = rep[x]
        return x

    for i, a in enumerate(srcs):
        for b in srcs[i + 1 :]:
            # copies stay within a topic (doc ids are "<topic>_<n>ecb[plus]")
            if a.split("_")[0] != b.split("_")[0]:
                continue
            if _reuse(toks[a], toks[b]) >= _REUSE_SHARE:
                pairs.append((a, b))
                ra, rb = find(a), find(b)
                if ra != rb:
                    rep[max(ra, rb)] = min(ra, rb)
    return {a: find(a) for a in srcs}, pairs


def _source_pairs(wrong, items, settings: GroupSettings) -> dict[str, object]:
    """How much text the falsely linked pairs really share (ECB+ holds some wire copies)."""
    text = {a: t for a, t, _ in items}
    conts = []
    for a, b in wrong:
        sa = shingle_hashes(words(text[a]), settings.shingle_words)
        sb = shingle_hashes(words(text[b]), settings.shingle_words)
        conts.append(round(overlap(sa, sb) / max(1, min(len(sa), len(sb))), 2))
    return {
        "set": "false links: containment of the pair",
        "n": len(conts),
        "n_at_least_0.5": sum(c >= 0.5 for c in conts),
        "values": sorted(conts)[:20],
    }


def main() -> None:
    """Print the copy-detection table."""
    print_rows(run_copies())


if __name__ == "__main__":
    main()
