"""The entity recogniser's greedy decoding, with one matrix product for most tokens.

spaCy's recogniser is a transition system over BILUO moves (74 for the small model: B, I, L
and U for 18 labels, a label-less U and O) driven by a small network. At each token it sums
three precomputed feature rows (the token, the first token of the open entity, the token
before it when an entity is open), takes a maxout and a linear layer to score every move, and
applies the best valid move. Its compiled loop checks the validity of all 74 moves at every
token (`TransitionSystem.set_valid`), which was the largest part of the recogniser's time on
PolNeAR dev once the matrix products were fast.

Outside an entity the two entity features are padding, so the scores of every token in a
batch are one product, and the valid moves depend only on the token (B needs a next token in
the same sentence, B and U a token that is not whitespace). Only the tokens after a B are
stepped one by one, and there only two moves are valid: I and L of the open label. The
arithmetic is spaCy's, in the same order (feature rows summed in turn, then the bias); only
the output layer's products are numpy's instead of BLIS's, which can round the last bit
differently. On PolNeAR dev, 300 PolNeAR train articles, the seeds and the example corpus the
entities are identical to spaCy's own decoding (`tests/test_read_nlp_decode.py` checks
invented texts against `ner.pipe`).

The Docs must not carry preset entities: spaCy's validity rules for preset annotation are
not reproduced here.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy
from spacy.attrs import IS_SPACE, SENT_START
from spacy.tokens import Doc

__all__ = ["decode_entities"]

# (start, end, label) token ranges within one Doc.
Found = list[tuple[int, int, str]]


class _Moves:
    """The move table of a recogniser: which class index is which move of which label."""

    def __init__(self, ner: Any) -> None:
        names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
        self.n = len(names)
        self.out = names.index("O")
        self.label: list[str] = []
        begin, unit = numpy.zeros(self.n, bool), numpy.zeros(self.n, bool)
        inside: dict[str, int] = {}
        last: dict[str, int] = {}
        for i, name in enumerate(names):
            move, _, label = name.partition("-")
            self.label.append(label)
            if not label:
                continue  # "O", and the label-less "U-" valid only on preset annotation
            if move == "B":
                begin[i] = True
            elif move == "U":
                unit[i] = True
            elif move == "I":
                inside[label] = i
            elif move == "L":
                last[label] = i
        self.begin, self.unit = begin, unit
        # the moves a token may take first: begin or be a one-token entity, or stay outside
        self.first = begin | unit
        self.first[self.out] = True
        # open label -> (I class, L class)
        self.close = {label: (inside[label], last[label]) for label in inside}


@lru_cache(maxsize=4)
def _moves(ner: Any) -> _Moves:
    """The move table of a recogniser, read once (its labels are fixed after loading)."""
    return _Moves(ner)


def _maxout(unmaxed: Any) -> Any:
    """`unmaxed.max(axis=-1)`, the same values: numpy's reduction over a last axis of two or
    three pieces costs several times the elementwise maximum of the pieces (profiled: a tenth
    of the decoding)."""
    out = unmaxed[..., 0].copy()
    for piece in range(1, unmaxed.shape[-1]):
        numpy.maximum(out, unmaxed[..., piece], out=out)
    return out


def _weights(ner: Any) -> tuple[Any, Any, Any, Any]:
    model = ner.model
    return (
        model.get_ref("tok2vec"),
        model.get_ref("lower"),
        model.get_ref("upper").get_param("W"),
        model.get_ref("upper").get_param("b"),
    )


def decode_entities(ner: Any, docs: Sequence[Doc]) -> list[Found]:
    """Entities of each Doc, as spaCy's recogniser would find them with greedy decoding.

    Args:
        ner: the recogniser pipe (`nlp.get_pipe("ner")`) of a model whose recogniser has
            three state features (spaCy's "ner" state type) and an output layer.
        docs: Docs without preset entities; sentence starts, when set, bound entities.

    Returns:
        One list per Doc of (start, end, label) token ranges, in order.
    """
    todo = [d for d in docs if len(d)]
    if not todo:
        return [[] for _ in docs]
    moves = _moves(ner)
    tok2vec, lower, w_out, b_out = _weights(ner)
    if lower.get_dim("nF") != 3:
        raise ValueError("decode_entities needs a recogniser with three state features")
    feats = lower.predict(tok2vec.predict(todo))  # (tokens + 1, 3, hidden, pieces); row 0: pad
    pad, rows = feats[0], feats[1:]
    bias = lower.get_param("b")
    # outside an entity: the token's row, then the padding of the two entity features
    unmaxed = rows[:, 0] + pad[1]
    unmaxed += pad[2]
    unmaxed += bias
    scores = _maxout(unmaxed) @ w_out.T
    scores += b_out
    found: list[Found] = []
    offset = 0
    for doc in docs:
        n = len(doc)
        if n:
            part = slice(offset, offset + n)
            found.append(_walk(doc, scores[part], rows[part], bias, w_out, b_out, moves))
        else:
            found.append([])
        offset += n
    return found


def _walk(
    doc: Doc, scores: Any, rows: Any, bias: Any, w_out: Any, b_out: Any, moves: _Moves
) -> Found:
    """The greedy pass over one Doc, given every token's scores outside an entity."""
    n = len(doc)
    space, start = doc.to_array([IS_SPACE, SENT_START]).T
    space = space.astype(bool)
    # a token can begin a longer entity when the next one is in the same sentence
    next_joins = numpy.zeros(n, bool)
    next_joins[:-1] = start[1:].astype(numpy.int64) != 1
    masked = scores.copy()
    masked[:, ~moves.first] = -numpy.inf
    masked[numpy.ix_(~next_joins | space, moves.begin)] = -numpy.inf
    masked[numpy.ix_(space, moves.unit)] = -numpy.inf
    best = masked.argmax(axis=1)
    out: Found = []
    t = 0
    for k in numpy.flatnonzero(best != moves.out).tolist():
        if k < t:
            continue  # inside the entity found before
        label = moves.label[best[k]]
        if moves.unit[best[k]]:
            out.append((k, k + 1, label))
            t = k + 1
            continue
        i_move, l_move = moves.close[label]
        t = k + 1
        while True:
            # inside an entity opened at k: the token, the entity's first token, the one before
            unmaxed = rows[t, 0] + rows[k, 1]
            unmaxed += rows[t - 1, 2]
            unmaxed += bias
            hidden = _maxout(unmaxed)
            go_on = t < n - 1 and next_joins[t]
            if not go_on or hidden @ w_out[l_move] + b_out[l_move] > (
                hidden @ w_out[i_move] + b_out[i_move]
            ):
                break
            t += 1
        out.append((k, t + 1, label))
        t += 1
    return out
