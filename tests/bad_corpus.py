"""Generates a corpus of bad inputs between good invented articles (issue 14's corpus test).

Every kind is written by this script (no third-party text). Each kind says what must become of
it: "fail" (one error line naming it), "keep" (stored, no error; `clean` is the same article
without the defect, and its text must come out equal), or "skip" (counted as skipped).
Run by tests/test_bad_corpus.py; `python tests/bad_corpus.py DIR` writes it for a look.
"""

from __future__ import annotations

import gzip
import io
import json
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from conftest import html_page, paragraphs  # noqa: E402

# The corpus runs with this cap (--max-file-bytes), so the over-cap kinds stay small on disk.
MAX_FILE_BYTES = 400_000


@dataclass(frozen=True)
class Kind:
    name: str  # the file name (its ending matters)
    data: bytes
    expect: str  # fail | keep | skip
    clean: bytes | None = None  # for keep: the same article without the defect
    says: str = ""  # for fail: a word the error line must hold


def _page(seed: int) -> str:
    return html_page(seed)


def _text(seed: int) -> str:
    return "\n\n".join(paragraphs(seed))


def _jsonl(obj: object) -> bytes:
    return (json.dumps(obj) + "\n").encode()


def _warc(pages: list[tuple[str, bytes, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    for url, body, ctype in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        rec = writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                        http_headers=headers)  # fmt: skip
        writer.write_record(rec)
    return out.getvalue()


_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    "<rss><channel><title>&c;</title><item><title>x</title></item></channel></rss>"
)
_XXE = (
    '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    "<rss><channel><item><title>&x;</title><description>&x;</description></item></channel></rss>"
)


def _fail_kinds(rng: random.Random) -> list[Kind]:
    t = _text(300)
    page = _page(301).encode()
    cut_warc = _warc([("https://bad.example/a", page, "text/html")])
    fails = [
        ("empty.html", b"", "empty"),
        ("blank.txt", b"  \n\n\t \n", "empty"),
        ("photo-named.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 30, "binary"),
        ("random-bytes.html", bytes(rng.randrange(256) for _ in range(3000)), ""),
        ("noise-no-ending", bytes(rng.randrange(256) for _ in range(2000)), ""),
        ("cut.html.gz", gzip.compress(page)[:-40], "truncated gzip"),
        ("fake.html.gz", b"this is not gzip at all", "gzip"),
        ("gzip-of-binary.html.gz", gzip.compress(b"\x00\x01\x02\x03" * 500), "binary"),
        ("gzip-of-nothing.html.gz", gzip.compress(b""), "empty"),
        ("chrome-only.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
         "no article text"),
        ("script-only.html", b"<html><body><script>var x = 1;" + b"x++;" * 300
         + b"</script></body></html>", "no article text"),
        ("comments-only.html", b"<html><body><!-- " + b"hidden " * 300 + b"--></body></html>",
         "no article text"),
        ("title-only.html", b"<html><head><title>Just a title here</title></head></html>",
         "no article text"),
        ("entities-only.html", b"<html><body><p>" + b"&amp;&nbsp;" * 200 + b"</p></body></html>",
         "no article text"),
        ("digits-only.txt", b"12345 67890 " * 3, "no article text"),
        ("zero-width-only.txt", "\u200b\u200c\u200d\ufeff".encode() * 50, ""),
        ("laughs.xml", _LAUGHS.encode(), "unsafe"),
        ("xxe.rss", _XXE.encode(), ""),
        ("broken.rss", b"<rss><channel><title>x</title><item><title>a", "feed"),
        ("no-entries.atom", b'<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title></feed>',
         ""),
        ("teaser.rss", b"<rss><channel><title>F</title><item><title>T</title>"
         b"<link>https://news.example/t</link><description>Short.</description></item>"
         b"</channel></rss>", ""),
        ("bad-json.jsonl", b'{"text": "unterminated\n', "not valid JSON"),
        ("list-record.jsonl", _jsonl([1, 2]), "not a JSON object"),
        ("null-record.jsonl", b"null\n", "not a JSON object"),
        ("no-body.jsonl", _jsonl({"url": "https://x.example/a"}), "neither"),
        ("empty-text.jsonl", _jsonl({"text": "   "}), "neither"),
        ("title-list.jsonl", _jsonl({"text": t, "title": ["a"]}), "`title`"),
        ("outlet-object.jsonl", _jsonl({"text": t, "outlet": {"n": 1}}), "`outlet`"),
        ("published-list.jsonl", _jsonl({"text": t, "published": ["2026-01-02"]}), "`published`"),
        ("published-junk.jsonl", _jsonl({"text": t, "published": "whenever"}), "`published`"),
        ("authors-number.jsonl", _jsonl({"text": t, "authors": 42}), "`authors`"),
        ("authors-mixed.jsonl", _jsonl({"text": t, "authors": ["A B", None]}), "`authors`"),
        ("url-number.jsonl", _jsonl({"text": t, "url": 5}), "`url`"),
        ("url-javascript.jsonl", _jsonl({"text": t, "url": "javascript:alert(1)"}), "`url`"),
        ("url-data.jsonl", _jsonl({"text": t, "url": "data:text/html,hi"}), "`url`"),
        ("text-number.jsonl", _jsonl({"text": 12}), "`text`"),
        ("html-bool.jsonl", _jsonl({"html": True}), "`html`"),
        ("deep-array.jsonl", b"[" * 100_000 + b"]" * 100_000 + b"\n", ""),
        ("deep-object.jsonl", b'{"a":' * 50_000 + b"1" + b"}" * 50_000 + b"\n", ""),
        ("cut.warc", cut_warc[: len(cut_warc) - 200], "WARC"),
        ("text-named.warc", (t + "\n").encode(), "WARC"),
        ("no-html.warc", _warc([("https://x.example/i.png", b"\x89PNG", "image/png")]), "WARC"),
        ("over-cap.html", page + b"<!--" + b"x" * MAX_FILE_BYTES + b"-->", "too large"),
        ("bomb.html.gz", gzip.compress(b" " * (2 * MAX_FILE_BYTES)), "too large"),
        ("chrome-lines.txt", b"Home\nNews\nSport\nSubscribe\nLog in\nShare\n", ""),
    ]  # fmt: skip
    return [Kind(name, data, "fail", says=says) for name, data, says in fails]


# Invented Chinese paragraphs (a council votes to rebuild a bridge).
_ZH = (
    "林德霍尔姆市议会周一投票决定重建河上的旧石桥，该桥于三月因检查人员发现两个拱门出现裂缝而关闭。",
    "市长表示，工程将于春季开始，大约需要十八个月，在此期间将有一座临时人行桥供行人通行。",
    "当地店主说，桥梁关闭使东岸的顾客数量减少了近三分之一，其中几位要求议会加快修复。",
)


def _keep_kinds() -> list[Kind]:
    def page_with(seed: int, edit: Callable[[str], str]) -> tuple[bytes, bytes]:
        clean = _page(seed)
        return edit(clean).encode(), clean.encode()

    first = "officials said."
    keeps: list[tuple[str, bytes, bytes]] = []
    for i, ch in enumerate(["\x01", "\x07", "\x1b", "\x00", "\x7f", "\ufffe"]):
        keeps.append((f"control-{i}.html", *page_with(400 + i, lambda s, c=ch: s.replace(
            first, f"officials{c} said.", 1))))  # fmt: skip
    clean = _page(410).replace("<p>", "<p>“We have waited,” she said. ", 1).encode()
    # the stray byte is read as windows-1252 ("ÿ"); the rest of the page must stay UTF-8
    keeps.append(
        (
            "bad-bytes-utf8.html",
            clean.replace(b"Lindholm, officials", b"Lindholm,\xff officials", 1),
            clean.replace(b"Lindholm, officials", "Lindholm,ÿ officials".encode(), 1),
        )
    )
    text = "\n\n".join([*paragraphs(411), "La façade était sûre, a déclaré le maire."])
    keeps.append(("latin1.txt", text.encode("cp1252"), text.encode()))
    mixed = "\n\n".join([*paragraphs(412), "Le maire a déclaré: « c’est fini »."]).encode()
    keeps.append(("mixed.txt", mixed + "\n\nLa façade était sûre.".encode("latin-1"),
                  mixed + "\n\nLa façade était sûre.".encode()))  # fmt: skip
    keeps.append(("declared-wrong.html", *page_with(413, lambda s: s.replace(
        first, "officials said: café déjà vu.", 1)), ))  # fmt: skip
    k = keeps[-1]
    keeps[-1] = (k[0], k[2].replace("café déjà".encode(), "café déjà".encode("cp1252")), k[2])
    keeps.append(("unknown-charset.html", *page_with(414, lambda s: s.replace(
        'charset="utf-8"', 'charset="x-no-such-charset"'))))  # fmt: skip
    keeps[-1] = (keeps[-1][0], keeps[-1][1], keeps[-1][1])
    for name, seed in [("story.php", 415), ("article.aspx", 416), ("index.html?id=3", 417)]:
        keeps.append((name, _page(seed).encode(), _page(seed).encode()))
    keeps.append(("no-ending", _text(418).encode(), _text(418).encode()))
    latin = json.dumps({"text": _text(431) + " Caf\u00e9 owners agreed."}, ensure_ascii=False)
    keeps.append(("latin1-byte.jsonl", latin.encode().replace("\u00e9".encode(), b"\xe9") + b"\n",
                  latin.encode() + b"\n"))  # fmt: skip
    keeps.append(("record.json", _jsonl({"text": _text(419)}), _jsonl({"text": _text(419)})))
    crlf = (json.dumps({"text": _text(420), "title": "CRLF"}) + "\r\n").encode()
    keeps.append(("crlf.ndjson", crlf, crlf))
    short = "\n\n".join(p.split(". ")[0] + "." for p in paragraphs(421, 4))
    keeps.append(("short-clean.txt", short.encode(), short.encode()))
    keeps.append(("short-clean.jsonl", _jsonl({"text": short + " More."}),
                  _jsonl({"text": short + " More."})))  # fmt: skip
    evil = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    keeps.append(("hostile.html", _page(422).replace("<p>", f"<p>{evil}", 1).encode(),
                  _page(422).encode()))  # fmt: skip
    inj = _page(423).replace("story number 423", "story'); DROP TABLE articles;--")
    keeps.append(("sql-title.html", inj.encode(), inj.encode()))
    body = "".join(f"<p>{p}<div><span>" for p in paragraphs(424))
    broken = f"<html><head><title>Broken</title><body>{body}</tabel></html"
    keeps.append(("malformed.html", broken.encode(), broken.encode()))
    rtl = _page(425).replace("story number 425", "story \u202enumber\u202c 425")
    keeps.append(("rtl-title.html", rtl.encode(), rtl.encode()))
    byline = _page(426).replace("By Mara Quist", "By Mara\x1b[31m Quist")
    keeps.append(("esc-byline.html", byline.encode(), _page(426).encode()))
    feed_text = "\n".join(f"<p>{p}</p>" for p in paragraphs(427))
    feed = ('<rss xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            "<title>Ledger</title><item><title>Feed story\x07</title>"
            "<link>https://ledger.example/f</link><content:encoded><![CDATA[" + feed_text
            + "]]></content:encoded></item></channel></rss>")  # fmt: skip
    keeps.append(("full.rss", feed.encode(), feed.replace("\x07", "").encode()))
    deep = _page(429).replace("<article>", "<article>" + "<div>" * 50_000)
    keeps.append(("deep-divs.html", deep.encode(), deep.encode()))
    ld = '<script type="application/ld+json">' + "[" * 50_000 + "]" * 50_000 + "</script>"
    keeps.append(("deep-jsonld.html", _page(430).replace("</head>", ld + "</head>").encode(),
                  _page(430).encode()))  # fmt: skip
    zh = ("<html><head><meta charset='utf-8'><title>议会投票重建石桥</title></head><body><article>"
          + "".join(f"<p>{p}</p>" for p in _ZH) + "</article></body></html>")  # fmt: skip
    keeps.append(("chinese.html", zh.encode(), zh.encode()))
    warc = _warc([("https://w.example/a", _page(428).encode(), "text/html; charset=utf-8")])
    keeps.append(("one.warc", warc, warc))
    return [Kind(name, data, "keep", clean=clean) for name, data, clean in keeps]


def _skip_kinds() -> list[Kind]:
    return [
        Kind("logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "skip"),
        Kind("site.css", b"body { color: red }", "skip"),
        Kind("app.js", b"console.log(1)", "skip"),
        Kind("paper.pdf", b"%PDF-1.4 ...", "skip"),
    ]


def kinds() -> list[Kind]:
    """Every bad kind, deterministic."""
    return _fail_kinds(random.Random(14)) + _keep_kinds() + _skip_kinds()


def good_articles() -> list[tuple[str, bytes]]:
    """Good invented articles: pages, scraped text, JSON Lines records."""
    goods = []
    for i in range(8):
        goods.append((f"good-{i}.html", _page(500 + i).encode()))
        goods.append((f"good-{i}.txt", _text(520 + i).encode()))
    goods.append(("good-rec.jsonl", _jsonl({"text": _text(540), "title": "Rec", "outlet": "L"})))
    return goods


def write(folder: Path, clean: bool = False) -> dict[str, Kind | None]:
    """Write the corpus into `folder`, bad and good inputs interleaved (sorted file order).

    Args:
        clean: write each "keep" kind's clean version and leave the fail and skip kinds out.

    Returns:
        file name -> its Kind (None for a good article).
    """
    folder.mkdir(parents=True, exist_ok=True)
    goods = good_articles()
    written: dict[str, Kind | None] = {}
    for i, kind in enumerate(kinds()):
        if not clean or kind.expect == "keep":  # the same names in both runs
            name = f"{i:03d}a-{kind.name}"
            data = kind.clean if clean and kind.clean is not None else kind.data
            (folder / name).write_bytes(data)
            written[name] = kind
        if i % 4 == 0 and goods:
            good_name, data = goods.pop()
            (folder / f"{i:03d}b-{good_name}").write_bytes(data)
            written[f"{i:03d}b-{good_name}"] = None
    for good_name, data in goods:
        (folder / f"999-{good_name}").write_bytes(data)
        written[f"999-{good_name}"] = None
    return written


if __name__ == "__main__":
    out = write(Path(sys.argv[1]))
    print(f"{len(out)} inputs, {sum(1 for k in out.values() if k)} bad kinds")
