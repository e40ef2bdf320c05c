"""The pipeline takes every stage's settings from the one tree (settings.Settings)."""

from __future__ import annotations

from conftest import EXAMPLES
from newsweave.pipeline import analyze
from newsweave.settings import DEFAULTS
from newsweave.store import SQLiteStore

# join_score, bridge_score and lone_join_score at their ceiling: no article joins another's
# story, online or when settled
_APART = {"group.join_score": 0.99, "group.bridge_score": 0.99, "group.lone_join_score": 0.99}


def _members(store: SQLiteStore) -> list[int]:
    return sorted(len(s["article_ids"]) for s in store.stories())


def test_pipeline_groups_with_the_settings_group_branch(tmp_path):
    decoy = sorted(str(p) for p in (EXAMPLES / "decoy").iterdir())
    assert len(decoy) == 2
    for name, settings, want in (("default", DEFAULTS, [2]),
                                 ("apart", DEFAULTS.with_(**_APART), [1, 1])):  # fmt: skip
        # the whole store at once (its first analyze), and one article after the other
        # (the second analyze adds it to the stored stories: the incremental path)
        with SQLiteStore(tmp_path / f"{name}-full.db") as store:
            analyze(decoy, store, settings, fetch=False)
            assert _members(store) == want, name
        with SQLiteStore(tmp_path / f"{name}-incremental.db") as store:
            analyze(decoy[:1], store, settings, fetch=False)
            analyze(decoy[1:], store, settings, fetch=False)
            assert _members(store) == want, name
