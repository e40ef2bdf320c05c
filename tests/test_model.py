"""The data model's own helpers."""

from __future__ import annotations

from dataclasses import asdict

from newsweave.model import Reading, StoryCheck, as_dict


def _typed(value):
    """The value with every container's type spelled out, so tuple != list shows."""
    if isinstance(value, dict):
        return ("dict", {k: _typed(v) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, [_typed(v) for v in value])
    return value


def test_model_as_dict_is_asdict_on_the_examples_checks_and_readings(examples_report):
    checks = [StoryCheck.from_dict(s) for s in examples_report["stories"]]
    readings = [
        Reading.from_dict({**a, "article_id": a["id"], "sentences": ()})
        for a in examples_report["articles"]
    ]
    objects = [
        *(c for check in checks for c in check.claims),
        *(n for check in checks for n in check.numbers),
        *(q for check in checks for q in check.quotes),
        *(b for check in checks for b in check.brief),
        *readings,
    ]
    assert any(check.claims for check in checks) and any(r.entities for r in readings)
    for obj in objects:
        assert _typed(as_dict(obj)) == _typed(asdict(obj))
