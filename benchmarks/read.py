"""`newsweave bench read`: quotes on PolNeAR dev and the reading stage's speed, as Markdown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .polnear import run_polnear
from .report import prepend, section, table

_NOTES = (
    "How to read it: `quotes[]` (speech only) is scored against the speech view of PolNeAR "
    "(relations whose Cue's verb lemma is in the frozen speech list, "
    "`read/quotes_vocab.py: SPEECH_VERBS`, or a colon, dash, or 'according to' a non-document), "
    "`attributions[]` (beliefs, stances, findings, perceptions, intentions, refusals) against "
    "the other relations, and both lists together against all of them (comparable to the "
    "sections before 2026-12-02, which scored one quotes list against all). A gold Content "
    "span is matched one-to-one by the prediction covering the "
    "largest share of its words; '0.3'/'0.8' are that share's thresholds, 'symmetric' "
    "divides shared words by the longer span instead. Speaker accuracy is over matched quotes: "
    "the predicted speaker shares a name word with the gold Source (or, for a pronoun Source, "
    "with the article's previous named Source). The cue's verb is its first word past "
    "auxiliaries, adverbs and aspect verbs ('has long said', 'went on to say'); before "
    "2026-12-02 it was the first word, which put such cues in the non-speech category; "
    "since 2026-12-02 05:50 UTC modals and contracted auxiliaries are passed too ('should say', "
    "'he's claiming') and '--' is a dash cue. Scored items since 2026-12-02 05:50 UTC: an "
    "indirect quote inside another predicted indirect quote, and a direct quote overlapping "
    "the indirect quote of its own cue and speaker, are not scored apart (PolNeAR annotates "
    "the enclosing relation only). "
    "Categories: direct = gold content inside quote "
    "marks; speech / non-speech by the gold cue (said, told... vs reports, believes, shows...). "
    "Definitions in `benchmarks/polnear.py`. Speed: the whole reading stage (entities, "
    "quotes, numbers, times) against plain `nlp.pipe` with the full small pipeline over the same "
    "texts, 12 rotating blocks in one process, one thread, rates from CPU time. The stage "
    "multiplies matrices with numpy's OpenBLAS instead of thinc's BLIS (`read/nlp.py: "
    "numpy_matmul`), which speeds any spaCy pipeline on this machine; the last column compares "
    "against the full pipeline given the same change, so it counts only what the stage saves by "
    "running less."
)


def run_bench(data_dir: Path | None = None, limit: int | None = None,
              out: Path = Path("docs/benchmarks.md"), console: Any = None) -> str:  # fmt: skip
    """Run the PolNeAR benchmark and prepend the Markdown section to `out`."""
    say = console.print if console is not None else print
    say("PolNeAR quotes and reading speed ...")
    result = run_polnear(data_dir, limit, speed=True)
    rows = []
    for name, scores in result["rows"].items():
        for key in ("t0.3", "t0.8", "t0.3_symmetric", "t0.8_symmetric"):
            rows.append({"system": name, "match": key[1:].replace("_", " "), **scores[key]})
        if name == "newsweave quotes[] + attributions[] vs all":
            for cat, r in scores["t0.3"]["by_category"].items():
                rows.append({"system": f"newsweave, all: {cat}", "match": "0.3", **r})
    quality = table(rows, [("system", "system", ""), ("match", "overlap", ""),
                           ("precision", "P", ".3f"), ("recall", "R", ".3f"), ("f1", "F1", ".3f"),
                           ("speaker_accuracy", "speaker accuracy", ".3f"),
                           ("gold", "gold", ".0f"), ("predicted", "predicted", ".0f")])  # fmt: skip
    s = result["speed"]
    ours, full, full_np = (
        s[f"{k}_articles_per_s"] for k in ("newsweave", "full_pipe", "full_pipe_numpy")
    )
    speed = table(
        [{"system": "newsweave reading stage", "rate": ours, "ratio": ours / full,
          "same": ours / full_np},
         {"system": "spaCy full nlp.pipe, as shipped", "rate": full, "ratio": 1.0,
          "same": full / full_np},
         {"system": "spaCy full nlp.pipe, numpy products", "rate": full_np,
          "ratio": full_np / full, "same": 1.0}],
        [("system", "system", ""), ("rate", "articles/s", ".2f"),
         ("ratio", "× full pipe as shipped", ".2f"),
         ("same", "× full pipe, numpy products", ".2f")],
    )  # fmt: skip
    body = (
        f"Data: PolNeAR {result['dataset']}, {result['articles']} articles, "
        f"{result['annotation_files']} annotation files (../shared/data/polnear).\n\n"
        f"### Quotes\n\n{quality}\n\n### Speed\n\n{speed}\n\n{_NOTES}"
    )
    text = section("Reading (PolNeAR)", body)
    prepend(out, text)
    say(text)
    return text
