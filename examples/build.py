"""Build the generated files of the example corpus from the hand-written pages.

Three corpus files are containers built from other pages, so that their contents can never drift:

- bridge/harbourline_wire-bridge-collapse.html.gz  gzip of src/harbourline_wire-bridge-collapse.html
- feeds/tavessa-herald.xml   RSS 2.0 whose items carry the full text of the two Herald pages
- exports/media-monitor.jsonl  two records (one `text`, one `html`) from src/

Usage:
    python examples/build.py          # write the generated files
    python examples/build.py --check  # exit 1 if a generated file is stale or expected.json
                                      # and the corpus disagree (for CI)

Only the standard library is used, and the output is byte-for-byte reproducible (gzip mtime 0).
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
SRC = HERE / "src"
EXPECTED = HERE / "expected.json"
# The README promises a small download; keep a margin under it.
MAX_CORPUS_BYTES = 400 * 1024


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One feed entry built from a Herald page; the page carries no date, so the feed's is set here.

    Args:
        page: path of the page under corpus/.
        pub_date: RFC 822 date, as RSS 2.0 wants it.
        category: the item's category.
    """

    page: str
    pub_date: str
    category: str


# Newest first, as feeds are: record #0 is the wildfire story, #1 the rate decision.
FEED_ITEMS = (
    FeedItem(
        "wildfire/tavessa-herald_ambry-evacuation.html", "Sat, 21 Mar 2026 19:10:00 +0100", "News"
    ),
    FeedItem(
        "rates/tavessa-herald_bank-lifts-rate.html", "Wed, 18 Mar 2026 15:40:00 +0100", "Business"
    ),
)

# Metadata a media-monitoring export would carry next to each record's body.
JSONL_RECORDS = (
    {
        "monitor_id": "mm-20260311-0412",
        "url": "https://www.ostwyncourier.example/news/local/tessel-bridge-death-toll-rises-to-nine-a41895",
        "title": "Tessel Bridge death toll rises to nine as divers find last two missing",
        "outlet": "Ostwyn Courier",
        "authors": ["Anja Reiss"],
        "published": "2026-03-11T22:10:00+01:00",
        "fetched_at": "2026-03-12T06:02:11Z",
        "text": "ostwyn-courier_tessel-death-toll-nine.txt",
    },
    {
        "monitor_id": "mm-20260318-1187",
        "url": "https://www.selmarstandard.example/economy/klement-defends-decisive-move",
        "title": "Klement defends 'decisive' move as rates reach 5.25%",
        "outlet": "The Selmar Standard",
        "authors": ["Rafe Okafor"],
        "published": "2026-03-18",
        "fetched_at": "2026-03-19T06:01:47Z",
        "html": "selmar-standard_klement-defends.html",
    },
)

_TITLE = re.compile(r'<h1 class="hx-story__title">(.*?)</h1>', re.S)
_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)">')
_AUTHOR = re.compile(r'<span class="hx-author">(.*?)</span>')
# The Herald template closes its body div with a marker comment, so no HTML parser is needed.
_BODY = re.compile(r'<div class="hx-story__body">(.*?)</div><!-- /\.hx-story__body -->', re.S)
_FIRST_P = re.compile(r"<p>(.*?)</p>", re.S)
_TAG = re.compile(r"<[^>]+>")


def _one(pattern: re.Pattern[str], text: str, page: str) -> str:
    match = pattern.search(text)
    if match is None:
        raise ValueError(f"{page}: no match for {pattern.pattern!r}; did the template change?")
    return match.group(1).strip()


def _xml_text(fragment: str) -> str:
    """HTML text (entities such as &ndash; allowed) as XML text (only the five XML entities)."""
    return html.escape(html.unescape(fragment), quote=False)


def build_gzip() -> dict[str, bytes]:
    """The gzipped Harbourline page (mtime 0, so the bytes do not change between builds)."""
    data = (SRC / "harbourline_wire-bridge-collapse.html").read_bytes()
    return {"bridge/harbourline_wire-bridge-collapse.html.gz": gzip.compress(data, 9, mtime=0)}


def _feed_item(item: FeedItem) -> str:
    page = (CORPUS / item.page).read_text(encoding="utf-8")
    title = _one(_TITLE, page, item.page)
    link = _one(_CANONICAL, page, item.page)
    body = _one(_BODY, page, item.page)
    teaser = _TAG.sub("", _one(_FIRST_P, body, item.page))
    body = "\n".join(line.strip() for line in body.splitlines() if line.strip())
    return (
        "    <item>\n"
        f"      <title>{_xml_text(title)}</title>\n"
        f"      <link>{link}</link>\n"
        f'      <guid isPermaLink="true">{link}</guid>\n'
        f"      <pubDate>{item.pub_date}</pubDate>\n"
        f"      <dc:creator>{_xml_text(_one(_AUTHOR, page, item.page))}</dc:creator>\n"
        f"      <category>{item.category}</category>\n"
        f"      <description>{_xml_text(teaser)}</description>\n"
        f"      <content:encoded><![CDATA[{body}]]></content:encoded>\n"
        "    </item>\n"
    )


def build_feed() -> dict[str, bytes]:
    """RSS 2.0 for the Herald: items link to the corpus pages and carry their full text."""
    items = "".join(_feed_item(item) for item in FEED_ITEMS)
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">\n'
        "  <channel>\n"
        "    <title>The Tavessa Herald</title>\n"
        "    <link>https://www.tavessaherald.example/</link>\n"
        '    <atom:link href="https://www.tavessaherald.example/feed/" rel="self"'
        ' type="application/rss+xml"/>\n'
        "    <description>News, business and politics from Tavessa</description>\n"
        "    <language>en</language>\n"
        f"    <lastBuildDate>{FEED_ITEMS[0].pub_date}</lastBuildDate>\n"
        "    <generator>Herald CMS 3.2</generator>\n"
        f"{items}"
        "  </channel>\n"
        "</rss>\n"
    )
    return {"feeds/tavessa-herald.xml": xml.encode("utf-8")}


def build_jsonl() -> dict[str, bytes]:
    """Two export records: the body is read from src/, the rest is the metadata above."""
    lines = []
    for record in JSONL_RECORDS:
        out = dict(record)
        for field in ("text", "html"):
            if field in out:
                out[field] = (SRC / str(out[field])).read_text(encoding="utf-8").strip()
        lines.append(json.dumps(out, ensure_ascii=False))
    return {"exports/media-monitor.jsonl": ("\n".join(lines) + "\n").encode("utf-8")}


def build_all() -> dict[str, bytes]:
    """Every generated file, by path under corpus/."""
    return {**build_gzip(), **build_feed(), **build_jsonl()}


def _article_text(source: str) -> str:
    """The body of one article as stored (entities decoded, whitespace collapsed), for checks."""
    rel, _, n = source.partition("#")
    path = CORPUS / rel
    data = gzip.decompress(path.read_bytes()) if rel.endswith(".gz") else path.read_bytes()
    if rel.endswith(".jsonl"):
        record = json.loads(data.splitlines()[int(n)])
        text = record.get("text") or record["html"]
    elif rel.endswith(".xml"):
        item = ET.fromstring(data).findall("./channel/item")[int(n)]
        text = item.findtext("{http://purl.org/rss/1.0/modules/content/}encoded") or ""
    else:
        text = data.decode("utf-8")
    return " ".join(html.unescape(_TAG.sub(" ", text)).split())


def _evidence(truth: dict) -> list[tuple[str, str]]:
    """(article, text) pairs that expected.json says occur verbatim in an article."""
    pairs = [(v["article"], v["text"]) for q in truth["quotes"] for v in q["variants"]]
    pairs += [(v["article"], v["text"]) for kind in truth["speech_kinds"].values() for v in kind]
    pairs += [
        (e["article"], e["text"])
        for n in truth["numbers"]
        for v in n["values"]
        for e in v.get("evidence", ())
    ]
    pairs += [(t["article"], t["text"]) for t in truth["times"]]
    return pairs


def check(outputs: dict[str, bytes]) -> list[str]:
    """Problems: stale generated files, expected.json out of step, corpus over budget.

    Returns:
        one line per problem; empty when all is well.
    """
    problems = []
    for rel, data in outputs.items():
        path = CORPUS / rel
        if not path.exists() or path.read_bytes() != data:
            problems.append(f"{rel}: stale; run python examples/build.py")
    on_disk = {p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*") if p.is_file()}
    truth = json.loads(EXPECTED.read_text(encoding="utf-8"))
    listed = {f["file"] for f in truth["files"]}
    for rel in sorted(on_disk - listed):
        problems.append(f"{rel}: in the corpus but not in expected.json")
    for rel in sorted(listed - on_disk):
        problems.append(f"{rel}: in expected.json but not in the corpus")
    texts: dict[str, str] = {}
    for article, text in _evidence(truth):
        if article not in texts:
            texts[article] = _article_text(article)
        if " ".join(text.split()) not in texts[article]:
            problems.append(f"expected.json: {text!r} not found in {article}")
    total = sum((CORPUS / rel).stat().st_size for rel in on_disk)
    if total > MAX_CORPUS_BYTES:
        problems.append(f"corpus is {total} bytes, over the {MAX_CORPUS_BYTES} byte budget")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify instead of writing")
    args = parser.parse_args(argv)
    outputs = build_all()
    if not args.check:
        for rel, data in outputs.items():
            path = CORPUS / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            print(f"wrote {path.relative_to(HERE.parent)} ({len(data)} bytes)")
    problems = check(outputs)
    for line in problems:
        print(line, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
