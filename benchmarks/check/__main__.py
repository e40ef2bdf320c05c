"""`python -m benchmarks.check [--parts align,brief,planted] [--out docs/benchmarks.md]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from benchmarks.report import prepend, section, table

PARTS = ("align", "brief", "planted")
_ALIGN_COLUMNS = [
    ("method", "method", ""),
    ("threshold", "cosine >=", ".2f"),
    ("P", "P", ".3f"),
    ("R", "R", ".3f"),
    ("F1", "F1", ".3f"),
    ("predicted", "pairs predicted", ",d"),
]
_SIGNAL_COLUMNS = [
    ("method", "method", ""),
    ("P@0.6", "best P at R >= 0.60", ".3f"),
    ("R@0.6", "R there", ".3f"),
    ("P@0.3", "best P at R >= 0.30", ".3f"),
    ("P@0.1", "best P at R >= 0.10", ".3f"),
    ("best_F1", "best F1", ".3f"),
]
_BRIEF_COLUMNS = [
    ("system", "system", ""),
    ("R1", "ROUGE-1 F1", ".3f"),
    ("R2", "ROUGE-2 F1", ".3f"),
    ("RL", "ROUGE-L F1", ".3f"),
    ("anchor", "published anchor R1 / R2 / RL", ""),
]


def _align() -> str:
    from .align import run

    rows, best, notes, stage, (signals, signal_notes) = run()
    for r in rows:
        r["method"] = "TF-IDF sentence cosine"
    body = ""
    if signals:
        for r in stage or []:  # the stage's one operating point, beside the curves
            signals.insert(0, {"method": "check stage (its one operating point)",
                               "P@0.6": r["P"], "R@0.6": r["R"], "best_F1": r["F1"]})  # fmt: skip
        body = (
            "Side by side (each row over every cut of its score between distinct values; the "
            "check stage has one operating point, shown in the first two columns):\n\n"
            + table(signals, _SIGNAL_COLUMNS)
            + "\n\n"
            + "\n".join(f"- {n}" for n in signal_notes)
            + "\n\nThe stage and the TF-IDF sweep:\n\n"
        )
    body += table((stage or []) + rows, _ALIGN_COLUMNS)
    if stage and "pairs" in stage[0]:
        from .same_statement import reading

        notes.append(reading(stage[0]["pairs"], stage[0]["gold_pairs"], stage[0]["universe"]))
    if best:
        notes.append(
            f"TF-IDF best P at R >= 0.60: P {best['P']:.3f} (R {best['R']:.3f}, "
            f"cosine >= {best['threshold']:.2f}); best F1 {max(r['F1'] for r in rows):.3f}."
        )
    notes.append(
        "Target for the stage: P >= 0.80 at R >= 0.60."
        + ("" if stage else " Stage not installed (newsweave.check): baseline only.")
    )
    return body + "\n\n" + "\n".join(f"- {n}" for n in notes)


def _brief() -> str:
    from .brief import run

    rows, notes = run()
    notes.append(
        "ROUGE written here (benchmarks/check/rouge.py: lower-cased [a-z0-9]+ tokens, "
        "no stemming; ROUGE-L = LCS over the whole text); leads from a regex "
        "sentence splitter on Article.text (title moved out by extract)."
    )
    return table(rows, _BRIEF_COLUMNS) + "\n\n" + "\n".join(f"- {n}" for n in notes)


def _planted() -> str:
    from .planted import run

    rows, notes = run()
    cols = [
        ("kind", "planted", ""),
        ("n", "pairs", "d"),
        ("flagged", "flagged conflicting", "d"),
        ("share", "share flagged", ".3f"),
    ]
    return (table(rows, cols) + "\n\n" if rows else "") + "\n".join(f"- {n}" for n in notes)


_RUNNERS = {
    "align": ("Check: ECB+ claim alignment", _align),
    "brief": ("Check: the brief on the AllSides roundups", _brief),
    "planted": ("Check: planted conflicts in ECB+ pairs", _planted),
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.check", description=__doc__)
    ap.add_argument("--parts", default=",".join(PARTS), help="comma-separated: " + ", ".join(PARTS))
    ap.add_argument("--out", type=Path, default=None, help="prepend the results to this file")
    args = ap.parse_args(argv)
    parts = [p.strip() for p in args.parts.split(",") if p.strip()]
    unknown = [p for p in parts if p not in _RUNNERS]
    if unknown:
        print(
            f"error: unknown part(s) {', '.join(unknown)}; known: {', '.join(PARTS)}",
            file=sys.stderr,
        )
        return 2
    command = ".venv/bin/python -m benchmarks.check " + " ".join(
        argv if argv is not None else sys.argv[1:]
    )
    texts = []
    for p in parts:
        title, fn = _RUNNERS[p]
        try:
            body = fn()
        except FileNotFoundError as e:
            print(f"error: {p}: {e}", file=sys.stderr)
            return 1
        texts.append(section(title, body, command))
        print(texts[-1])
    if args.out is not None:
        for text in reversed(texts):  # newest first, the parts in the order they ran
            prepend(args.out, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
