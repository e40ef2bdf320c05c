"""The brief's summary (check/brief.py): leading sentences central to the story and carried by
other sources, each proposition once, every line with a status and citations; on invented
reports read by the real reader."""

from __future__ import annotations

from newsweave.check import check_story
from newsweave.model import Article, Story
from newsweave.read.stage import read_articles

REPORTS = (
    # Ledger: leads with the flood, then a local aside
    "Flood water cut off the northern ring road in Lindholm on Monday after the river burst "
    "its banks at the weir. The bakery on Quay Street handed out free bread to stranded drivers. "
    "Crews expect the road to reopen on Thursday.",
    # Courier: the same flood worded otherwise, then the rescue
    "The river burst its banks at the Lindholm weir on Monday and flood water cut off the "
    "northern ring road. Rescue crews moved 40 workers from the flooded brick factory by boat. "
    "Schools in the district stay closed.",
    # Herald: leads with the rescue, then the flood
    "Rescue crews moved 40 workers from the flooded brick factory in Lindholm by boat on Monday. "
    "Flood water had cut off the northern ring road after the river burst its banks at the weir.",
)


def _check():
    articles = [
        Article(f"a{i}", f"a{i}.html", t, outlet=name)
        for i, (t, name) in enumerate(zip(REPORTS, ("Ledger", "Courier", "Herald"), strict=True))
    ]
    story = Story("s", None, tuple(a.id for a in articles), 3, (), None, None)
    return check_story(story, list(zip(articles, read_articles(articles), strict=True)))


def test_check_brief_summary_states_what_the_outlets_share_once():
    check = _check()
    summary = [line for line in check.brief if line.kind == "summary"]
    texts = " ".join(line.text for line in summary)
    assert "ring road" in texts and "brick factory" in texts
    assert "bakery" not in texts  # one outlet's aside is no summary sentence
    assert texts.count("ring road") == 1  # the flood, said three ways, is said once
    # what the outlets share first; the third sentence, one outlet's, after them and says so
    assert all(line.status == "corroborated" and len(line.article_ids) >= 2 for line in summary[:2])
    assert all(
        line.status == "single_source" and len(line.article_ids) == 1 for line in summary[2:]
    )


def test_check_brief_holds_three_sentences_before_its_marked_lines():
    kinds = [line.kind for line in _check().brief]
    assert kinds[:3] == ["summary"] * 3  # the 3 to 7 sentences
    assert kinds[3:] == ["single_source"]  # then what only one outlet reports, marked


def test_check_brief_every_line_is_an_articles_words_with_status_and_citation():
    check = _check()
    assert 3 <= len(check.brief) <= 9
    for line in check.brief:
        assert line.status and line.article_ids and line.claim_ids
        words = (
            line.text.removeprefix("Only Ledger reports: ")
            .removeprefix("Only Courier reports: ")
            .removeprefix("Only Herald reports: ")
        )
        assert any(words.rstrip(".") in t for t in REPORTS), line.text


def test_check_brief_a_huge_story_compares_its_leads_first():
    from newsweave.check.brief import MAX_CANDIDATES, _candidates
    from newsweave.model import Claim, Reading

    sentence = "Crews cleared the northern ring road in Lindholm on Monday morning. "
    text = sentence * 5
    spans = tuple((i * len(sentence), (i + 1) * len(sentence) - 1) for i in range(5))
    docs = {f"a{n}": (Article(f"a{n}", "x", text), Reading(f"a{n}", spans)) for n in range(100)}
    by_sentence = {
        (aid, k): [Claim(f"{aid}:{k}", aid, sentence, *spans[k])] for aid in docs for k in range(5)
    }
    cands = _candidates(docs, by_sentence)
    assert len(cands) == MAX_CANDIDATES
    assert {aid for aid, k, _ in cands if k == 0} == set(docs)  # every article's lead kept


def test_check_brief_a_clause_cut_before_its_end_is_no_single_source_line():
    from newsweave.check.brief import _dangles

    assert _dangles("Meanwhile, Trump threatens severe economic consequences if.")
    assert not _dangles("Business groups in Lindholm reacted with dismay.")


def test_check_brief_a_line_starting_inside_a_quotation_gets_its_opening_mark():
    # the second sentence of a two-sentence quotation: the article's opening mark is one
    # sentence earlier, so the line would end on a closing mark it never opened
    reports = (
        "Flood water cut off the northern ring road in Lindholm on Monday after the river burst "
        "its banks at the weir. Crews expect the road to reopen on Thursday.",
        "The river burst its banks at the Lindholm weir on Monday and flood water cut off the "
        'northern ring road. "The water is doing the damage now. Our work today is to move the '
        'families on Quay Street to the school hall," said Mara Ostby, a spokeswoman for the '
        "council.",
    )
    articles = [
        Article(f"a{i}", f"a{i}.html", t, outlet=name)
        for i, (t, name) in enumerate(zip(reports, ("Ledger", "Courier"), strict=True))
    ]
    story = Story("s", None, tuple(a.id for a in articles), 2, (), None, None)
    check = check_story(story, list(zip(articles, read_articles(articles), strict=True)))
    quoted = [line.text for line in check.brief if "Our work today" in line.text]
    assert quoted == [  # the brief's third sentence (until check-17, its "Only Courier" line)
        '"Our work today is to move the families on Quay Street to the '
        'school hall," said Mara Ostby, a spokeswoman for the council.'
    ]
    assert all(line.text.count('"') % 2 == 0 for line in check.brief)


def test_check_brief_a_revised_figure_lists_each_figure_once():
    # "about 4,200" then "more than 4,000" is one figure; "at least seven" then "nine" a revision
    from newsweave.check.brief import build_brief
    from newsweave.model import NumberComparison, NumberValue, Reading

    docs = {
        f"a{i}": (Article(f"a{i}", f"a{i}.html", "x", outlet=name), Reading(f"a{i}"))
        for i, name in enumerate(("Ledger", "Courier", "Herald"))
    }

    def line(*values):
        values = tuple(
            NumberValue(aid, v, None, text, day, 0, 1, qualifier)
            for aid, v, text, day, qualifier in values
        )
        numbers = (NumberComparison("people evacuated", None, None, "updated", values),)
        return build_brief([], {}, {}, [], docs, 5, numbers)[-1]

    evacuated = line(
        ("a0", 4200.0, "About 4,200", "2026-03-21", "about"),
        ("a1", 4000.0, "More than 4,000", "2026-03-21", "more than"),
        ("a2", 6000.0, "about 6,000", "2026-03-22", "about"),
    )
    assert evacuated.text == (
        "Revised: people evacuated: about 4,200 (Ledger, Courier, 2026-03-21), "
        "then about 6,000 (Herald, 2026-03-22)."
    )
    assert evacuated.status == "single_source" and evacuated.article_ids == ("a0", "a1", "a2")
    toll = line(
        ("a0", 7.0, "At least seven", "2026-03-10", "at least"),
        ("a1", 7.0, "seven", "2026-03-10", None),
        ("a2", 9.0, "nine", "2026-03-11", None),
    )
    assert toll.text.endswith("then nine (Herald, 2026-03-11).")


def test_check_brief_leads_with_what_every_outlet_carries_whatever_the_article_order():
    # the Herald first: its lead (the rescue) came first while the summary kept article order
    for names in (("Ledger", "Courier", "Herald"), ("Herald", "Courier", "Ledger")):
        articles = [
            Article(f"a{i}", f"a{i}.html", REPORTS[("Ledger", "Courier", "Herald").index(n)],
                    outlet=n)
            for i, n in enumerate(names)
        ]  # fmt: skip
        story = Story("s", None, tuple(a.id for a in articles), 3, (), None, None)
        check = check_story(story, list(zip(articles, read_articles(articles), strict=True)))
        assert "ring road" in check.brief[0].text, names
        assert len(check.brief[0].article_ids) == 3


def test_check_brief_a_question_scores_below_the_same_words_stated():
    from newsweave.check.brief import lead_features, lead_score
    from newsweave.model import Reading

    texts = {"a": "Flood water cut the ring road again?", "b": "Flood water cut the ring road."}
    docs = {k: (Article(k, k, t, title="Ring road cut"), Reading(k, ((0, len(t)),)))
            for k, t in texts.items()}  # fmt: skip
    feats, _ = lead_features([(k, 0, t) for k, t in texts.items()], docs, {"a": 0, "b": 1})
    asked, stated = (lead_score(f) for f in feats)
    assert feats[0]["question"] == 1.0 and feats[1]["question"] == 0.0
    assert asked < stated


def _docs(texts: dict[str, list[str]]):
    """Articles of the given sentences, one claim per sentence."""
    from newsweave.model import Claim, Reading

    docs, by_sentence = {}, {}
    for aid, sentences in texts.items():
        text, spans = " ".join(sentences), []
        for t in sentences:
            start = spans[-1][1] + 1 if spans else 0
            spans.append((start, start + len(t)))
        docs[aid] = (Article(aid, aid, text), Reading(aid, tuple(spans)))
        for k, (s, e) in enumerate(spans):
            by_sentence[(aid, k)] = [Claim(f"{aid}{k}", aid, text[s:e], s, e, sentence=k)]
    return docs, by_sentence


def test_check_brief_summary_says_a_restatement_once():
    # "The northern ring road in Lindholm was closed by flood water ..." restates the Ledger's
    # lead at a cosine under REDUNDANT_COSINE (0.49), but most of its words are said already
    from newsweave.check.brief import summary_sentences

    docs, by_sentence = _docs({
        "a": ["Flood water cut off the northern ring road in Lindholm on Monday morning.",
              "Crews expect the ring road to reopen on Thursday, the council said."],
        "b": ["The northern ring road in Lindholm was closed by flood water on Monday, stranding "
              "drivers for hours near the weir.",
              "Rescue crews moved forty workers from the flooded brick factory by boat."],
        "c": ["Rescue crews moved forty workers from the flooded brick factory in Lindholm by boat "
              "on Monday.", "Schools in the district stay closed until the water falls."],
    })  # fmt: skip
    chosen = summary_sentences(docs, by_sentence, {"a": 0, "b": 1, "c": 2}, 7, None, 3)
    texts = " ".join(text for *_, text in chosen)
    assert len(chosen) == 3 and texts.count("northern ring road") == 1
    assert "reopen on Thursday" in texts


def test_check_brief_a_sentence_torn_mid_way_is_no_candidate():
    from newsweave.check.brief import _candidates

    docs, by_sentence = _docs({"a": [
        "Iran said it downed the most advanced drone of the US fleet on Thursday morning.",
        "and the enemy knows it, according to the semi-official Tasnim news agency.",
    ]})  # fmt: skip
    assert [k for _, k, _ in _candidates(docs, by_sentence)] == [0]


def test_check_brief_support_is_the_best_cosine_with_another_source():
    import pytest

    from newsweave.check.brief import _cos, _support

    vecs = [{"flood": 0.8, "road": 0.6}, {"flood": 1.0}, {"road": 1.0}, {"tram": 1.0}]
    source = ["a", "a", "b", "c"]
    loops = [max((_cos(v, w) for w, t in zip(vecs, source, strict=True) if t != s), default=0.0)
             for v, s in zip(vecs, source, strict=True)]  # fmt: skip
    assert _support(vecs, source) == pytest.approx(loops)
    assert loops == pytest.approx([0.6, 0.0, 0.6, 0.0])
    assert _support(vecs[:2], source[:2]) == [0.0, 0.0]  # one source: nobody else carries it


def test_check_brief_lines_leave_out_a_stamp_flattened_text_runs_into_them():
    # scraped text keeps the page's stamp on the lead's line; the brief line starts after it
    stamped = (
        "PUBLISHED: MONDAY, MARCH 2, 2026, 9:14 AM UPDATED: MONDAY, MARCH 2, 2026, 4:02 PM ",
        "Posted: March 2, 2026 | 8:20 am ",
        "• Schools shut • Factory flooded Monday 2 March 2026 16.40 GMT ",
    )
    articles = [
        Article(f"a{i}", f"a{i}.txt", stamp + text, outlet=name)
        for i, (stamp, text, name) in enumerate(
            zip(stamped, REPORTS, ("Ledger", "Courier", "Herald"), strict=True)
        )
    ]
    story = Story("s", None, tuple(a.id for a in articles), 3, (), None, None)
    check = check_story(story, list(zip(articles, read_articles(articles), strict=True)))
    texts = [line.text for line in check.brief]
    assert any("ring road" in t for t in texts) and any("brick factory" in t for t in texts)
    for t in texts:
        assert not any(w in t for w in ("PUBLISHED", "Posted", "2026", "8:20", "GMT", "•")), t
        words = t.removeprefix("Only Ledger reports: ").removeprefix("Only Courier reports: ")
        words = words.removeprefix("Only Herald reports: ").rstrip(".")
        assert any(words in a.text for a in articles), t  # still the article's own words


def _two_reports(*texts: str):
    articles = [
        Article(f"a{i}", f"a{i}.txt", t, outlet=name)
        for i, (t, name) in enumerate(zip(texts, ("Ledger", "Courier"), strict=True))
    ]
    story = Story("s", None, tuple(a.id for a in articles), 2, (), None, None)
    return check_story(story, list(zip(articles, read_articles(articles), strict=True)))


def test_check_brief_lists_a_disputed_figure_once():
    check = _two_reports(
        "The Tar Heels beat Duke 88-80 in Chapel Hill on Saturday night. Ty Lawson added 16 "
        "points for the Tar Heels. Hansbrough broke the school's career scoring record.",
        "North Carolina beat Duke 88-80 in Chapel Hill on Saturday. Ty Lawson added 15 points "
        "for the Tar Heels. Tyler Hansbrough set the school's career scoring record.",
    )
    assert [n.status for n in check.numbers if n.quantity == "points"] == ["conflicting"]
    disputes = [line.text for line in check.brief if line.text.startswith("Disputed")]
    # the disputed proposition's line names the figures; no figure line says it again
    assert len(disputes) == 1 and "16 vs 15" in disputes[0], disputes


def test_check_a_figure_that_names_a_kind_is_no_disputed_count():
    check = _two_reports(
        "Microsoft released an emergency patch for Internet Explorer on Tuesday. The patch "
        "applies only to 32-bit versions of the browser.",
        "Microsoft issued an emergency patch for Internet Explorer on Tuesday. Both 32- and "
        "64-bit versions of the browser are covered by the advisory.",
    )
    assert not [n for n in check.numbers if n.status == "conflicting"]
    assert not any(line.status == "conflicting" for line in check.brief)


def test_check_brief_a_sentence_s_rest_or_a_bare_frame_is_no_line_of_its_own():
    from newsweave.check.brief import _frame, _resumes
    from newsweave.model import Claim, Reading

    text = ("A woman charged with the killings was released, officials said Friday, because she "
            "is dying. \"Who could blame them?\" Rovers coach Ana Holm asked. Tolls rise; "
            "the bridge reopens Monday.")  # fmt: skip
    cut = text.index(' "Who')
    spans = ((0, cut), (cut + 1, text.index(" Tolls")), (text.index("Tolls"), len(text)))
    docs = {"a": (Article("a", "a", text), Reading("a", spans))}

    def claim(words: str, k: int, kind: str = "asserted") -> Claim:
        i = text.index(words)
        return Claim(f"a:{k}", "a", words, i, i + len(words), kind=kind, sentence=k)

    rest = claim("Friday, because she is dying", 0)
    assert _resumes(rest, docs) and not _resumes(claim("A woman charged", 0), docs)
    assert not _resumes(claim("the bridge reopens Monday", 2), docs)  # a clause after ";"
    assert _frame(claim("Rovers coach Ana Holm asked", 1))
    assert not _frame(claim("the bridge reopens Monday", 2))
