"""Counting words in any script: Chinese and Japanese write no spaces between words.

A Chinese article came out as "no article text found": every line was one space-separated
"word", under the line-length heuristics that expect prose to have eight or more.
"""

from __future__ import annotations

import re

# Han ideographs, kana and CJK punctuation-free runs; Korean Hangul uses spaces between words.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# A Chinese word is about 1.5-2 characters long: two characters count as one word.
CJK_CHARS_PER_WORD = 2


def word_count(text: str) -> int:
    """Words in a line of any script: space-separated words, plus CJK characters in pairs.

    Example:
        >>> word_count("The council met on Monday."), word_count("市议会周一投票决定重建石桥。")
        (5, 7)
    """
    cjk = len(_CJK.findall(text))
    if not cjk:
        return len(text.split())
    spaced = len(_CJK.sub(" ", text).split())
    return spaced + cjk // CJK_CHARS_PER_WORD
