"""The read stage end to end: `newsweave analyze` fills entities, quotes, numbers and times."""

from __future__ import annotations

import json

import jsonschema
import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, REPO
from newsweave.cli import main
from newsweave.model import Article
from newsweave.read.stage import read_articles
from newsweave.settings import ReadSettings

MAX_READ_CHARS = ReadSettings().max_chars

SCHEMA = json.loads((REPO / "docs" / "report.schema.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def example_report(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("analyze")
    out = tmp / "report.json"
    args = ["analyze", str(EXAMPLES), "--db", str(tmp / "s.db"), "--out", str(out), "-q"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text("utf-8"))


@pytest.mark.slow
def test_read_report_is_valid_against_its_schema(example_report):
    jsonschema.validate(example_report, SCHEMA)
    assert example_report["schema"] == "newsweave.report/1"
    assert len(example_report["articles"]) == 19


@pytest.mark.slow
def test_check_evidence_offsets_point_into_the_article_text(example_report):
    texts = {a["id"]: a["text"] for a in example_report["articles"]}
    spans = [e for s in example_report["stories"] for c in s["claims"] for e in c["evidence"]]
    assert spans
    for e in spans:
        assert texts[e["article_id"]][e["start"] : e["end"]] == e["text"], e


@pytest.mark.slow
def test_read_offsets_point_into_the_article_text(example_report):
    checked = 0
    for a in example_report["articles"]:
        for key in ("entities", "quotes", "attributions", "numbers", "times"):
            for item in a[key]:
                assert a["text"][item["start"] : item["end"]] == item["text"], (key, item)
                checked += 1
    assert checked > 200


@pytest.mark.slow
def test_read_finds_quotes_people_and_numbers_in_every_example(example_report):
    for a in example_report["articles"]:
        assert any(e["label"] == "PERSON" for e in a["entities"]), a["source"]
        assert a["numbers"], a["source"]
    assert sum(len(a["quotes"]) for a in example_report["articles"]) >= 19


@pytest.mark.slow
def test_read_second_analyze_reads_nothing_again(tmp_path):
    db = str(tmp_path / "s.db")
    src = str(EXAMPLES / "rates")
    first = CliRunner().invoke(main, ["analyze", src, "--db", db, "-q", "--out", "-"])
    second = CliRunner().invoke(main, ["analyze", src, "--db", db, "-q", "--out", "-"])
    a, b = json.loads(first.stdout), json.loads(second.stdout)
    assert [x["id"] for x in a["articles"]] == [x["id"] for x in b["articles"]]
    assert a["articles"] == b["articles"]
    assert "0 stored" in second.stderr


def _article(text: str, language: str | None = "en", i: int = 0) -> Article:
    return Article(id=f"{i:016x}", source="t", text=text, language=language)


def test_read_non_english_is_noted_not_read():
    (r,) = read_articles([_article("Der Bürgermeister sagte am Dienstag ...", "de")])
    assert r.entities == () and "language de" in r.notes[0]


@pytest.mark.slow
def test_read_empty_and_very_long_articles_do_not_crash():
    sentence = "The old bridge over the river Lenne reopened to traffic on Tuesday. "
    long_text = (sentence * 5000)[: MAX_READ_CHARS + 500]
    empty, long = read_articles([_article("", i=1), _article(long_text, i=2)])
    assert empty.entities == ()
    assert long.sentences and long.sentences[-1][1] <= MAX_READ_CHARS
    assert any("only the first part" in n for n in long.notes)


def test_read_settings_cap_the_characters_read():
    sentence = "The old bridge over the river Lenne reopened to traffic on Tuesday. "
    (r,) = read_articles([_article(sentence * 40, i=3)], ReadSettings(max_chars=700))
    assert r.sentences[-1][1] <= 700
    assert r.notes == ("text longer than 700 characters: only the first part was read",)


def test_read_sentences_do_not_end_at_a_title_or_a_number_sign():
    text = (
        "Police said the gunman then opened fire, Homicide Capt. Ilsa Varn told reporters. "
        "The Rovers clinched the No. 5 seed. The answer was No. Later, Det. Ana Holm spoke."
    )
    (r,) = read_articles([_article(text, i=4)])
    assert [text[s:e] for s, e in r.sentences] == [
        "Police said the gunman then opened fire, Homicide Capt. Ilsa Varn told reporters.",
        "The Rovers clinched the No. 5 seed.", "The answer was No.",
        "Later, Det. Ana Holm spoke.",
    ]  # fmt: skip
    assert "Ilsa Varn" in {e.text for e in r.entities}


def test_read_an_opening_stamp_is_a_sentence_of_its_own():
    # flattened text runs a page's stamp into its first sentence; the parse took "Sep 10" for
    # the subject of "Updated" and gave it the quote (ECB+ 22_1ecbplus)
    stamp = "Friday, Sep 10, 2010 | Updated 8:52 PM EDT"
    text = f'{stamp} "He was never late. He was kind." Ona Brell says the driver was a friend.'
    (r,) = read_articles([_article(text, i=5)])
    # the stamp is no sentence of the article: the check would make it a claim
    assert text[slice(*r.sentences[0])] == '"He was never late.'
    assert "Sep 10" not in {q.speaker for q in r.quotes}
    assert any(q.speaker == "Ona Brell" for q in r.quotes)
    (r,) = read_articles([_article(f"{stamp} | A judge upheld the verdict on Thursday.", i=8)])
    assert r.sentences[0][0] == len(stamp) + 3
    # a stamp on a line of its own stays a sentence, as every line is
    (r,) = read_articles([_article(f"{stamp}\nOna Brell says the driver was a friend.", i=7)])
    assert text[slice(*r.sentences[0])].strip() == stamp
    # a sentence that opens with a date is no stamp
    text = "Friday night's 88-72 loss was the last straw, the coach said."
    (r,) = read_articles([_article(text, i=6)])
    assert r.sentences == ((0, len(text)),)


def test_read_a_run_in_headline_and_a_bullet_start_sentences():
    # flattened text runs the headline into the lead, and a standfirst's items together
    def sentences(text: str, i: int) -> list[str]:
        (r,) = read_articles([_article(text, i=i)])
        return [text[s:e].strip() for s, e in r.sentences]

    lead = "A strong earthquake hit the island of Tarn on Sunday, killing ten people."
    assert sentences(f"Ten dead in Tarn island quake {lead}", 10) == [
        "Ten dead in Tarn island quake", lead,
    ]  # fmt: skip
    stamp = "Updated 11 / 27 / 2005 3:41 PM"
    assert sentences(f"{stamp} Quake jolts Tarn, felt in Vell {lead}", 11) == [
        "Quake jolts Tarn, felt in Vell", lead,
    ]  # fmt: skip
    # a name after a cue or a function word, or a clause's opener, is no headline's end
    for i, text in enumerate((
        "Police told The Daily Courier that the man was held on Sunday.",
        "The talks in The Hague ended on Sunday without a deal.",
        "After a record weekend, pop phenomenon The Ice Games has grossed $36 million.",
    )):  # fmt: skip
        assert sentences(text, 12 + i) == [text]
    # a stamp between the headline and the lead is no sentence
    text = f"Lawyer: Lena Voss checks into clinic Updated 4:08 p. m. ET {lead}"
    assert sentences(text, 16) == ["Lawyer: Lena Voss checks into clinic", lead]
    text = f"Aide was 'bagman' in cover - up updated 7 / 28 / 2004 3:02:00 PM ET {lead}"
    assert sentences(text, 17) == ["Aide was 'bagman' in cover - up", lead]
    text = f"First Posted: 10 / 25 / 11 06:44 PM ET Updated: 12 / 25 / 11 05:12 AM ET {lead}"
    assert sentences(text, 19) == [lead]  # two stamps, the first with no prefix it knows
    text = "The report, published May 5, found that the river had risen by a metre."
    assert sentences(text, 18) == [text]
    # a dated stamp without a prefix word, after a headline or a caption
    text = f"Divers search the river in poor light Saturday, Sep 14, 2013 {lead}"
    assert sentences(text, 20) == ["Divers search the river in poor light", lead]
    text = f"Repairs to the Tarn cable will take twelve days October 10, 2011 {lead}"
    assert sentences(text, 21) == ["Repairs to the Tarn cable will take twelve days", lead]
    # the weekday, day and zone before the month go with it; a number before a month that has
    # its day is no day of it
    assert sentences(f"8:05am UK, Monday 16 September 2013 {lead}", 30) == [lead]
    text = f"Repairs done on the SEA - ME - WE 4 August 16, 2011 {lead}"
    assert sentences(text, 31) == ["Repairs done on the SEA - ME - WE 4", lead]
    # a digit that is no number ("²") after a month is no day, and no error
    text = f"Repairs to the cable took days 4 March \u00b2 Monday, 2013 {lead}"
    assert sentences(text, 32)[-1] == lead
    # a date the sentence holds, or a month in the headline, is no stamp
    for i, text in enumerate((
        "The law signed on March 11, 2009 President Ona Brell had opposed was repealed.",
        "March Madness: Tarn beat Vell 65 - 53 to reach the semifinals on Friday.",
        "Ona Brell said Friday, March 8, 2013 was the day the river rose.",
        "The file sheds light on help given to two of the men in March 2001.",
        "The pact signed before\u00a0March 4, 2009 Ona Brell had opposed was repealed.",
    )):  # fmt: skip
        assert sentences(text, 22 + i) == [text]
    for i, text in enumerate((
        "The file sheds light on help given to two of the men before\u00a0Sept. 11, 2001.",
        "The attacks that the file is about came Sept. 11, 2001.",  # a date that ends it
    )):  # fmt: skip
        assert sentences(f"{text} It was released on Saturday.", 26 + i) == [
            text, "It was released on Saturday.",
        ]  # fmt: skip
    items = "• The ministries agree • Experts to be consulted on every project"
    assert sentences(f"{items}\n{lead}", 15) == [
        "• The ministries agree", "• Experts to be consulted on every project", lead,
    ]  # fmt: skip


@pytest.mark.slow
def test_read_report_keeps_speech_and_attributions_apart(example_report):
    kinds = {x["kind"] for a in example_report["articles"] for x in a["attributions"]}
    assert kinds and kinds <= {"belief", "stance", "finding", "perception", "intention", "refusal"}
    cues = {q["cue"] for a in example_report["articles"] for q in a["quotes"]}
    assert not cues & {"believes", "thinks", "declined", "heard", "shows", "found", "wants"}


def test_read_stored_reading_without_attributions_still_loads():
    from newsweave.model import Attribution, Reading

    old = {"article_id": "a", "quotes": [], "entities": [], "notes": ["x"]}  # read-8 shape
    r = Reading.from_dict(old)
    assert r.attributions == () and r.notes == ("x",)
    att = Attribution("refusal", "to comment", "Ann Lee", "she", "declined", 4, 14)
    reading = Reading(article_id="b", attributions=(att,))
    assert Reading.from_dict(json.loads(json.dumps(reading.to_dict()))) == reading
