"""Articles in scripts without spaces (Chinese) are extracted whole, as HTML and as text."""

from __future__ import annotations

import pytest

from conftest import run_inputs
from newsweave.extract.words import word_count

# Invented: a council votes to rebuild a stone bridge (the same story as the English fixtures).
ZH = (
    "林德霍尔姆市议会周一投票决定重建河上的旧石桥，该桥于三月因检查人员发现两个拱门出现裂缝而关闭。",
    "市长表示，工程将于春季开始，大约需要十八个月，在此期间将有一座临时人行桥供行人通行。",
    "“我们已经等得够久了，每天过桥的人应该有一座安全的桥，”她在投票后对记者说。",
    "当地店主说，桥梁关闭使东岸的顾客数量减少了近三分之一，其中几位要求议会加快修复。",
)
_BODY = "\n".join(f"<p>{p}</p>" for p in ZH)
ZH_PAGE = f"""<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8">
<title>议会投票重建石桥 | 林德霍尔姆日报</title></head><body><nav><a href="/">首页</a>
<a href="/news">新闻</a></nav><article><h1>议会投票重建石桥</h1>{_BODY}</article>
<footer>版权所有</footer></body></html>"""


@pytest.mark.parametrize(
    "name, data",
    [("zh.html", ZH_PAGE), ("zh.txt", "议会投票重建石桥\n\n" + "\n\n".join(ZH))],
)
def test_extract_words_chinese_article_is_extracted_whole(tmp_path, name, data):
    p = tmp_path / name
    p.write_text(data, "utf-8")
    arts, errors, _ = run_inputs([p])
    assert errors == []
    assert arts[0].text.split("\n") == list(ZH) and arts[0].language == "zh"


def test_extract_words_count_cjk_in_pairs_and_spaced_words_as_usual():
    assert word_count("The council met on Monday.") == 5
    assert word_count(ZH[1]) >= 8 and word_count("首页") == 1
