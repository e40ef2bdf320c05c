"""The check stage: claims, alignment, status, numbers, quotes, brief; on invented text, on the
example corpus and on the seed pair."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsweave.check import check_story
from newsweave.check.claims import article_claims
from newsweave.check.numbers import values_agree
from newsweave.check.quotes import word_diff
from newsweave.model import Article, Number, Quote, Reading, Story, StoryCheck


def _story(*ids: str) -> Story:
    return Story("s-" + ids[0], None, tuple(ids), len(ids), (), None, None)


def test_check_claims_split_a_sentence_at_its_reported_clauses():
    text = (
        "On Friday the chief asserted that the rebels had lost 40 villages, reported that "
        "300 fighters had surrendered, and indicated that the rest were surrounded."
    )
    quotes = tuple(
        Quote(t, "Ana Chief", "the chief", cue, False, text.index(t), text.index(t) + len(t))
        for t, cue in (
            ("that the rebels had lost 40 villages", "asserted"),
            ("that 300 fighters had surrendered", "reported"),
            ("that the rest were surrounded", "indicated"),
        )
    )
    claims = article_claims(Article("a", "x", text), Reading("a", ((0, len(text)),), quotes=quotes))
    assert [c.text for c in claims] == [
        "the rebels had lost 40 villages",
        "300 fighters had surrendered",
        "the rest were surrounded",
    ]
    assert {(c.kind, c.who) for c in claims} == {("reported", "Ana Chief")}
    assert all(text[c.start : c.end].endswith(c.text) for c in claims)


def test_check_claims_keep_the_clause_before_a_participle_cue():
    # "X did Y, saying Z": Y is the outlet's own statement, with X as its subject; beside an
    # ordinary cue ("X said Z ...") the residue is the quote's frame and needs more words
    text = (
        "The Harbour Board on Monday raised its mooring fee to 40 crowns, saying costs had doubled."
    )
    said = "costs had doubled"
    q = Quote(said, "Harbour Board", "The Harbour Board", "saying", False,
              text.index(said), text.index(said) + len(said))  # fmt: skip
    claims = article_claims(Article("a", "x", text), Reading("a", ((0, len(text)),), quotes=(q,)))
    assert [(c.kind, c.text) for c in claims] == [
        ("asserted", "The Harbour Board on Monday raised its mooring fee to 40 crowns"),
        ("reported", "costs had doubled"),
    ]
    framed = "The Harbour Board told reporters on Monday at the quay that costs had doubled."
    q = replace(q, cue="told", start=framed.index(said), end=framed.index(said) + len(said))
    claims = article_claims(
        Article("a", "x", framed), Reading("a", ((0, len(framed)),), quotes=(q,))
    )
    assert [c.kind for c in claims] == ["reported"]


def test_check_claims_a_quote_running_on_leaves_no_asserted_residue():
    # the second sentence of a quotation is the speaker's, not the outlet's own statement
    text = (
        'Rain kept falling on the valley towns all night. "The wind is doing the work now. '
        'Our job today is to get people out of its way," said Jonas Feld, a spokesman for the '
        "fire authority."
    )
    said = "The wind is doing the work now. Our job today is to get people out of its way"
    q = Quote(said, "Jonas Feld", "Jonas Feld", "said", True,
              text.index(said), text.index(said) + len(said))  # fmt: skip
    first, second = text.index("Rain"), text.index('"The')
    middle = text.index("Our job")
    reading = Reading("a", ((first, second - 1), (second, middle - 1), (middle, len(text))),
                      quotes=(q,))  # fmt: skip
    claims = article_claims(Article("a", "x", text), reading)
    assert [(c.kind, c.who, c.text) for c in claims] == [
        ("asserted", None, "Rain kept falling on the valley towns all night"),
        ("reported", "Jonas Feld", said),
    ]


@pytest.mark.parametrize(
    "after, residue",
    [
        (", 71, a retired teacher, as she waited in a queue of cars on the road out of Ambry.",
         []),  # the apposition is the speaker's; what is left is too short to be a claim
        (", 71, as she waited in a queue of cars on the narrow road out of the old town of Ambry.",
         ["as she waited in a queue of cars on the narrow road out of the old town of Ambry"]),
        (", who had lived on Orchard Rise for 43 years and taught at the village school.",
         ["who had lived on Orchard Rise for 43 years and taught at the village school"]),
        # an abbreviation's full stop ends no apposition
        (", the U.S. envoy to the region, as she waited in a queue of cars out of Ambry.", []),
        # a time is no apposition: the outlet's own statement stays
        (", the day after 40 homes burned on the ridge above the old town of Ambry.",
         ["the day after 40 homes burned on the ridge above the old town of Ambry"]),
        # a figure after the name is no age: "2,000", "4.5 million" stay whole
        (", 2,000 residents of the valley towns have now left their homes near Ambry.",
         ["2,000 residents of the valley towns have now left their homes near Ambry"]),
        (", 4.5 million people across the valley towns have now left their homes.",
         ["4.5 million people across the valley towns have now left their homes"]),
    ],
)  # fmt: skip
def test_check_claims_a_speakers_apposition_is_no_claim(after, residue):
    said = "We grabbed the dog and the photographs and ran"
    text = f'"{said}," said Maud Ferrante{after}'
    q = Quote(said, "Maud Ferrante", "Maud Ferrante", "said", True, 1, 1 + len(said))
    claims = article_claims(Article("a", "x", text), Reading("a", ((0, len(text)),), quotes=(q,)))
    assert [c.text for c in claims if c.kind == "asserted"] == residue
    assert [c.text for c in claims if c.kind == "reported"] == [said]


def test_check_claims_hold_the_entities_and_figures_inside_their_span():
    # the lookup bisects the items' starts: items given out of text order, one straddling two
    # claims and one ending past the sentence still land only where they lie wholly inside
    from newsweave.model import Entity

    text = "Ana Chief said that 300 fighters had surrendered. Rome sent 40 trucks to Bari."
    said = "that 300 fighters had surrendered"
    q = Quote(said, "Ana Chief", "Ana Chief", "said", False,
              text.index(said), text.index(said) + len(said))  # fmt: skip
    first = text.index(".") + 1

    def at(word: str, label: str = "GPE") -> Entity:
        i = text.index(word)
        return Entity(word, label, word, i, i + len(word))

    straddle = Entity("x", "ORG", "Straddle", text.index("surrendered"), text.index("Rome") + 4)
    numbers = tuple(
        Number(float(v), None, noun, v, text.index(v), text.index(v) + len(v))
        for v, noun in (("40", "trucks"), ("300", "fighters"))
    )
    reading = Reading(
        "a", ((0, first), (first + 1, len(text))), quotes=(q,),
        entities=(at("Bari"), straddle, at("Rome"), at("Ana Chief", "PERSON")), numbers=numbers,
    )  # fmt: skip
    claims = article_claims(Article("a", "x", text), reading)
    # "Ana Chief" is the speaker, outside the quote's claim; the straddler is in neither;
    # the entities come in reading order (Bari before Rome, as given), not by offset
    assert [(c.text, [n.value for n in c.numbers], c.entities) for c in claims] == [
        ("300 fighters had surrendered", [300.0], ()),
        ("Rome sent 40 trucks to Bari", [40.0], ("place:bari", "place:rome")),
    ]


@pytest.mark.parametrize(
    "a, b, agree",
    [
        ((86.0, "%", "over"), (86.0, "%", "more than"), True),
        ((1_500_000.0, None, None), (1_500_000.0, None, None), True),
        ((4000.0, None, "more than"), (4200.0, None, None), True),
        ((4000.0, None, "about"), (4200.0, None, None), True),
        ((12.0, None, None), (14.0, None, None), False),
        ((54.0, "%", None), (54.0, "km", None), False),
        ((300.0, None, "more than"), (320.0, None, "more than"), True),  # roundings of one
        ((3.0, None, "more than"), (8.0, None, "more than"), False),  # two claims
        ((1000.0, None, "up to"), (2000.0, None, "up to"), False),
    ],
)
def test_check_numbers_agree_by_the_values_they_admit(a, b, agree):
    na = Number(a[0], a[1], "people", "x", 0, 1, qualifier=a[2])
    nb = Number(b[0], b[1], "people", "y", 0, 1, qualifier=b[2])
    assert values_agree(na, nb) is agree


def test_check_quotes_word_diff_marks_each_side():
    diff = word_diff("We will rebuild the bridge", "We will rebuild it")
    assert diff == (("=", "we will rebuild"), ("+", "it"), ("-", "the bridge"))


def _report(text: str, aid: str, outlet: str, published: str | None = None, quotes=()):
    article = Article(aid, aid + ".html", text, outlet=outlet, published=published)
    sentences, at = [], 0
    for part in text.split(". "):
        sentences.append((at, at + len(part) + 1))
        at += len(part) + 2
    n = text.index("workers") - 3
    numbers = (Number(float(text[n : n + 2]), None, "workers", text[n : n + 2], n, n + 2),)
    return article, Reading(aid, tuple(sentences), quotes=tuple(quotes), numbers=numbers)


def test_check_two_outlets_corroborate_and_a_third_figure_conflicts():
    a = _report(
        "Flood water cut off the northern ring road in Lindholm on Monday. "
        "Rescue crews moved 40 workers from the flooded brick factory by boat.",
        "a",
        "Ledger",
    )
    b = _report(
        "Rescue crews moved 40 workers from the flooded brick factory in boats. "
        "Flood water cut off the northern ring road in Lindholm on Monday.",
        "b",
        "Courier",
    )
    c = _report(
        "Rescue crews moved 55 workers from the flooded brick factory by boat. "
        "Schools in the district stay closed until the water recedes.",
        "c",
        "Herald",
    )
    check = check_story(_story("a", "b", "c"), [a, b, c])
    by_text = {p.text.split()[0]: p for p in check.claims}
    road = by_text["Flood"]
    assert road.status == "corroborated" and road.independent_sources == 2
    rescue = next(p for p in check.claims if "brick factory" in p.text and len(p.article_ids) == 3)
    assert rescue.status == "conflicting" and "40" in rescue.note and "55" in rescue.note
    assert rescue.note.endswith("40 vs 55 (workers)")
    schools = next(p for p in check.claims if p.text.startswith("Schools"))
    assert schools.status == "single_source" and schools.article_ids == ("c",)
    assert check.coverage["c"]["only_here"] == [schools.id]
    assert road.id in check.coverage["c"]["missing"]
    assert any(line.status == "conflicting" for line in check.brief)
    assert all(line.article_ids and line.status for line in check.brief)


def test_check_a_copy_and_a_second_article_of_one_outlet_count_once():
    text = "Flood water cut off the northern ring road in Lindholm. Crews moved 40 workers by boat."
    a = _report(text, "a", "Ledger")
    copy = (Article("b", "b.html", text, outlet="Wire Mirror", duplicate_of="a"), a[1])
    same_outlet = _report(text.replace("Crews", "Rescue crews"), "c", "Ledger")
    check = check_story(_story("a", "b", "c"), [a, copy, same_outlet])
    assert check.claims and all(p.status == "single_source" for p in check.claims)
    assert "one independent source" in (check.note or "")


def test_check_a_story_with_nothing_readable_says_why():
    article = Article("a", "a.html", "本文は日本語です。")
    check = check_story(_story("a"), [(article, Reading("a"))])
    assert check.checked is False and "readable" in check.note


def test_check_result_survives_the_round_trip_through_json():
    a = _report(
        "Flood water cut off the northern ring road in Lindholm on Monday. "
        "Rescue crews moved 40 workers from the flooded brick factory.",
        "a",
        "Ledger",
    )
    b = _report(
        "Flood water cut off the northern ring road in Lindholm on Monday. "
        "Rescue crews moved 40 workers from the flooded brick factory.",
        "b",
        "Courier",
    )
    check = check_story(_story("a", "b"), [a, b])
    assert StoryCheck.from_dict(check.to_dict()) == check
    story = Story("s-a", "t", ("a", "b"), 2, ("Ledger",), None, None, check)
    assert Story.from_dict(story.to_dict()) == story


# --- the example corpus (ours) and the seed pair (../shared) ------------------------------


@pytest.fixture(scope="module")
def example_report(tmp_path_factory):
    import newsweave
    from conftest import EXAMPLES

    with newsweave.open(tmp_path_factory.mktemp("ex") / "ex.db") as nw:
        return nw.analyze([EXAMPLES], fetch=False)


def _story_of(report, word: str) -> Story:
    return next(s for s in report.stories if word in (s.title or ""))


def test_check_key_loads_neither_the_stage_nor_spacy():
    # pipeline.check_stories keys every story in the main process before any is checked, and
    # the stage's modules import spaCy
    import subprocess
    import sys

    code = (
        "import sys; from newsweave.check import check_key; "
        "print('spacy' in sys.modules, 'newsweave.check.stage' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
    from newsweave.check import check_story  # the stage, when asked for

    assert check_story.__module__ == "newsweave.check.stage"


def test_check_key_is_stable_and_reads_the_settings_once(monkeypatch):
    import hashlib
    import json
    from dataclasses import asdict

    from newsweave.check import key as stage
    from newsweave.settings import CheckSettings
    from newsweave.versions import CHECKER_VERSION

    docs = [(Article(f"a{i}", "s", "x", outlet=f"o{i % 2}"), None) for i in range(3)]
    settings = CheckSettings(link_score=0.5)
    # the key of a stored check, as it was written: checks stored before stay found
    members = [[f"a{i}", None, f"o{i % 2}", False] for i in range(3)]
    blob = json.dumps([CHECKER_VERSION, "r", asdict(settings), members], sort_keys=True)
    assert stage.check_key(docs, settings, "r") == hashlib.blake2b(
        blob.encode(), digest_size=16).hexdigest()  # fmt: skip
    # the settings are made a dict once, not once per story (57 -> 16 us a key)
    calls = []
    monkeypatch.setattr(stage, "asdict", lambda s: calls.append(s) or asdict(s))
    stage._fields.cache_clear()
    for n in range(1, 4):
        stage.check_key(docs[:n], settings, "r")
    assert calls == [settings]
    assert stage.check_key(docs, CheckSettings(), "r") != stage.check_key(docs, settings, "r")


def test_check_stories_make_a_check_a_dict_once(tmp_path, monkeypatch):
    # a new check becomes a dict once (for the checks table and its story alike); a stored one
    # is used as stored, never rebuilt as objects to be made a dict again
    from newsweave.pipeline import check_stories, stored_docs
    from newsweave.settings import DEFAULTS
    from newsweave.store import SQLiteStore

    made, rebuilt = [], []
    to_dict, from_dict = StoryCheck.to_dict, StoryCheck.from_dict.__func__
    monkeypatch.setattr(StoryCheck, "to_dict", lambda c: made.append(1) or to_dict(c))
    rebuild = classmethod(lambda cls, d: rebuilt.append(1) or from_dict(cls, d))
    monkeypatch.setattr(StoryCheck, "from_dict", rebuild)
    story = Story("s-a", "Pier", ("a", "b"), 2, ("Ledger", "Wire"), None, None)
    with SQLiteStore(tmp_path / "s.db") as store:
        for aid, outlet in (("a", "Ledger"), ("b", "Wire")):
            store.add(Article(aid, f"{aid}.txt", "The pier closed. " * 20, outlet=outlet))
        first, fresh = check_stories(store, [story], stored_docs(store), {}, DEFAULTS)
        assert (fresh, len(made), rebuilt) == (1, 1, [])
        again, fresh = check_stories(store, [story], stored_docs(store), {}, DEFAULTS)
        assert (fresh, len(made), rebuilt) == (0, 1, [])
    assert again == first and first[0].id == "s-a" and "checked" in first[0].to_dict()


def test_check_examples_every_story_is_checked_and_briefed(example_report):
    for story in example_report.stories:
        assert story.check is not None and story.check.checked
        assert 3 <= len(story.brief) <= 9
        assert all(
            line.status in ("corroborated", "single_source", "conflicting") for line in story.brief
        )
        assert all(line.article_ids for line in story.brief)


def test_check_examples_many_corroborated_facts_make_a_longer_brief(example_report):
    """A brief's summary is 3 sentences, and one more for each CORROBORATED_PER_LINE
    corroborated propositions past 3 (up to 7), the extra ones corroborated; the decoy's 3
    corroborated propositions keep it at 3."""
    from newsweave.check.brief import CORROBORATED_PER_LINE, MIN_BRIEF_LINES

    for story in example_report.stories:
        summary = [line for line in story.brief if line.kind == "summary"]
        corroborated = sum(p.status == "corroborated" for p in story.claims)
        more = max(0, corroborated - MIN_BRIEF_LINES) // CORROBORATED_PER_LINE
        assert len(summary) == min(MIN_BRIEF_LINES + more, 7), story.title
        assert all(line.status == "corroborated" for line in summary[MIN_BRIEF_LINES:])
    bridge = _story_of(example_report, "Tessel Bridge")
    assert len([line for line in bridge.brief if line.kind == "summary"]) == 5
    assert len([line for line in _story_of(example_report, "Mill Lane").brief
                if line.kind == "summary"]) == 3  # fmt: skip


def test_check_examples_the_decoy_footbridge_injuries_are_corroborated(example_report):
    decoy = _story_of(example_report, "Mill Lane")
    hurt = next(p for p in decoy.claims if p.text.startswith("Three people have been hurt"))
    assert hurt.status == "corroborated" and hurt.independent_sources == 2


def test_check_examples_the_burned_area_is_consistent_not_disputed(example_report):
    fire = _story_of(example_report, "Kell Ridge")
    area = [n for n in fire.numbers if n.unit == "ha" and len(n.values) > 1]
    assert any(n.status == "consistent" for n in area)
    assert all(n.status in ("consistent", "single_source", "updated") for n in area)  # 6,100
    assert not any("3,800" in p.note and p.status == "conflicting" for p in fire.claims)


def test_check_examples_sundays_evacuation_is_not_corroborated_by_saturdays_reports(
    example_report,
):
    # Saturday's reports say Lowater was told to be ready to leave; only Southline, on Sunday,
    # reports the order given that morning: the Saturday pages cannot corroborate it
    fire = _story_of(example_report, "Kell Ridge")
    lowater = [p for p in fire.claims if "1,800 residents of Lowater" in p.text]
    assert lowater and all(p.status == "single_source" for p in lowater)
    southline = {a.id for a, _ in example_report.articles if a.source.endswith("lowater.html")}
    assert {e.article_id for p in lowater for e in p.evidence} == southline


def test_check_examples_the_aircraft_are_revised_once(example_report):
    # "six water-bombing aircraft" (the Herald's page and its feed item, one source) and
    # "eight water-bombing aircraft" a day later (Southline): one revision, listed once
    fire = _story_of(example_report, "Kell Ridge")
    aircraft = [n for n in fire.numbers if n.quantity == "aircraft"]
    assert [(n.status, sorted(v.value for v in n.values)) for n in aircraft] == [
        ("updated", [6.0, 6.0, 8.0])
    ]


def test_check_examples_rates_figures_without_a_counted_thing_do_not_conflict(example_report):
    rates = _story_of(example_report, "5.25%")
    assert not any(p.status == "conflicting" for p in rates.claims)
    # the January rise "to 4.75%" and wage growth of "7.4% in the final quarter of last year"
    # share context words (committee, quarter, wage growth) but not a period
    assert [n.values[0].text for n in rates.numbers if n.status == "conflicting"] == []


def test_check_regroup_rechecks_only_changed_stories(tmp_path):
    from conftest import EXAMPLES
    from newsweave.group.stage import group_articles
    from newsweave.pipeline import check_stories, regroup, stored_docs
    from newsweave.store import SQLiteStore

    with SQLiteStore(tmp_path / "s.db") as store:
        from newsweave.pipeline import read_stored, run

        run([str(EXAMPLES / "decoy"), str(EXAMPLES / "rates")], store=store, fetch=False)
        read_stored(store)
        regroup(store)
        grouping = group_articles(store.articles_with_readings())
        _, fresh = check_stories(
            store, grouping.stories, stored_docs(store), grouping.duplicate_of, _settings()
        )
        assert fresh == 0  # nothing changed: every check comes from the store
        run([str(EXAMPLES / "wildfire")], store=store, fetch=False)
        read_stored(store)
        grouping = group_articles(store.articles_with_readings())
        _, fresh = check_stories(
            store, grouping.stories, stored_docs(store), grouping.duplicate_of, _settings()
        )
        assert fresh == 1  # only the new wildfire story


def test_check_regroup_reads_a_few_stories_articles_at_a_time(tmp_path, monkeypatch):
    from conftest import EXAMPLES
    from newsweave import pipeline
    from newsweave.store import SQLiteStore

    reads: list[list[str]] = []
    real = pipeline.read_docs

    def recording(store, outlets):
        read = real(store, outlets)

        def counted(ids):
            reads.append(list(ids))
            return read(ids)

        return counted

    monkeypatch.setattr(pipeline, "read_docs", recording)
    monkeypatch.setattr(pipeline, "_CHECK_READ_ARTICLES", 3)
    with SQLiteStore(tmp_path / "s.db") as store:
        pipeline.run([str(EXAMPLES)], store=store, fetch=False)
        pipeline.read_stored(store)
        stories = pipeline.regroup(store)
    members = sorted(a for s in stories for a in s.article_ids)
    # every story's articles read once, stories in a row until they hold 3: never the store
    assert sorted(a for r in reads for a in r) == members
    assert max(map(len, reads)) < 3 + max(len(s.article_ids) for s in stories)
    assert len(reads) > 2 and all(s.check is not None for s in stories)


def _settings():
    from newsweave.settings import DEFAULTS

    return DEFAULTS


@pytest.mark.shared
def test_check_seed_pair_corroborates_syrskyi_withdrawal_in_other_words(seed_story):
    """000's "tactical withdrawals to 'more advantageous positions'" and the translation's
    "will maneuver to more convenient positions" are one report of Syrskyi's words: the two
    adjectives are one class of words (terms.SAME_STEMS)."""
    (withdrawal,) = [p for p in seed_story.claims if "advantageous positions" in p.text]
    assert withdrawal.status == "corroborated" and withdrawal.independent_sources == 2
    assert withdrawal.attributed_to == "Oleksandr Syrskyi"
    assert any("more convenient positions" in e.text for e in withdrawal.evidence)


@pytest.mark.shared
def test_check_seed_pair_brief_tells_the_prisoners_and_the_share_retaken(seed_story):
    """13 corroborated propositions make a brief of 6 sentences; the added ones are
    corroborated, and what the reports say most often comes first: Gerasimov's 430 prisoners
    and 86% (with 3 sentences the brief left both out)."""
    summary = [line for line in seed_story.brief if line.kind == "summary"]
    assert len(summary) == 6 and all(line.status == "corroborated" for line in summary)
    text = " ".join(line.text for line in summary)
    assert "430" in text and "86%" in text


@pytest.mark.shared
def test_check_seed_pair_agrees_on_the_share_retaken(seed_story):
    """000's "over 86%" and 003's "more than 86%" (after "has so far liberated") are one share:
    a running total's words make no other quantity of a percentage."""
    (share,) = [n for n in seed_story.numbers if "86%" in " ".join(v.text for v in n.values)]
    assert share.status == "consistent" and len({v.article_id for v in share.values}) == 2


@pytest.mark.shared
def test_check_seed_pair_has_no_conflict_and_attributes_reports(seed_story):
    assert not [p for p in seed_story.claims if p.status == "conflicting"]
    gerasimov = next(p for p in seed_story.claims if "430" in p.text and p.status == "corroborated")
    assert gerasimov.attributed_to == "Valery Gerasimov"
    assert "said it, not that it is so" in gerasimov.note
    speakers = {q.speaker for q in seed_story.quotes}
    assert {"Vladimir Putin", "Oleksandr Syrskyi"} <= speakers


def _said(aid: str, outlet: str, speaker: str, words: str):
    text = f'"{words}," {speaker} said on Monday in Lindholm.'
    quote = Quote(words + ",", speaker, speaker, "said", True, 1, len(words) + 2)
    article = Article(aid, aid + ".html", text, outlet=outlet)
    return article, Reading(aid, ((0, len(text)),), quotes=(quote,))


def test_check_quotes_same_words_two_people_conflict_but_a_ministry_does_not():
    words = "The harbour wall will be rebuilt before the winter storms arrive"
    a = _said("a", "Ledger", "Mara Quist", words)
    b = _said("b", "Courier", "Tobias Venn", words)
    c = _said("c", "Herald", "the Ministry of Works", words)
    check = check_story(_story("a", "b", "c"), [a, b, c])
    conflicts = [q for q in check.quotes if q.status == "conflicting"]
    assert len(conflicts) == 1
    assert {v.article_id for v in conflicts[0].variants} == {"a", "b"}


@pytest.mark.parametrize(
    ("other", "words"),
    [
        ("Lindholm Highway Patrol", "The harbour wall will be rebuilt before the winter storms"),
        ("Lindholm State Police Lt", "The harbour wall will be rebuilt before the winter storms"),
        ("Vincent Del Giudice", "The harbour wall will be rebuilt before the winter storms"),
        ("Tobias Venn", "Yes"),
    ],
)
def test_check_quotes_no_conflict_with_a_body_a_cut_name_a_spelling_or_one_word(other, words):
    # ECB+ 8, 33, 35: "the same words are given to Oregon State Police Lt and to Gregg
    # Hastings", "to Vincent DelGiudice and to Vincent Del Giudice", "Yes" from two people
    a = _said("a", "Ledger", "Vincent DelGiudice", words)
    b = _said("b", "Courier", other, words)
    check = check_story(_story("a", "b"), [a, b])
    assert [q for q in check.quotes if q.status == "conflicting"] == []
    c = _said("c", "Herald", "Mara Quist", words)
    check = check_story(_story("a", "c"), [a, c])
    shared = [q.status for q in check.quotes if q.status == "conflicting"]
    assert shared == ([] if words == "Yes" else ["conflicting"])


def test_check_quotes_one_speaker_two_wordings_differ():
    a = _said("a", "Ledger", "Mara Quist", "The harbour wall will be rebuilt before winter")
    b = _said("b", "Courier", "Mara Quist", "We rebuild the harbour wall before the winter")
    (quote,) = check_story(_story("a", "b"), [a, b]).quotes
    assert quote.status == "wording_differs" and quote.speaker == "Mara Quist"
    assert ("=", "the harbour wall") in quote.variants[1].diff


@pytest.mark.shared
def test_check_seed_pair_groups_trumps_words_rendered_twice(seed_story):
    trump = [q for q in seed_story.quotes if q.speaker == "Donald Trump"]
    assert any(
        "up to Russia" in q.variants[0].text and "depends on Russia" in q.variants[1].text
        and q.status == "wording_differs"
        for q in trump
    )  # fmt: skip


def test_check_a_huge_story_is_capped_with_a_note():
    from newsweave.settings import CheckSettings

    sentence = "Crews moved {n} workers from the flooded brick factory in Lindholm by boat. "
    text = "".join(sentence.format(n=n) for n in range(3000))
    sentences, at = [], 0
    for n in range(3000):
        length = len(sentence.format(n=n))
        sentences.append((at, at + length - 1))
        at += length
    docs = [
        (Article(aid, aid, text, outlet=aid), Reading(aid, tuple(sentences))) for aid in ("a", "b")
    ]
    check = check_story(_story("a", "b"), docs, CheckSettings(max_claims_per_story=4000))
    assert check.checked and "only the first 4,000 of 6,000 claims checked" in check.note
    assert sum(len(p.evidence) for p in check.claims) == 4000


def test_check_a_dispute_names_what_is_counted_once():
    # the reader gives "12 people" the unit "people" and counts "people" (ECB+ 8: "(people
    # people)")
    docs = []
    for aid, n in (("a", "12"), ("b", "18")):
        text = f"Riot police said {n} people were injured in the riots in Kessa on Monday."
        at = text.index(n)
        figure = Number(float(n), "people", "people", n, at, at + len(n))
        reading = Reading(aid, ((0, len(text)),), numbers=(figure,))
        docs.append((Article(aid, aid + ".html", text, outlet=aid.upper()), reading))
    [riot] = [p for p in check_story(_story("a", "b"), docs).claims if p.status == "conflicting"]
    assert riot.note.endswith("12 vs 18 (people)")


def test_check_examples_injuries_conflict_and_the_fire_figures_are_revised(example_report):
    bridge = _story_of(example_report, "Tessel")
    injured = [n for n in bridge.numbers if n.quantity == "people injured" and len(n.values) > 3]
    assert [n.status for n in injured] == ["conflicting"]
    assert {v.value for v in injured[0].values} == {12.0, 14.0}  # the decoy's 3 kept apart
    assert any(line.text.startswith("Disputed: people injured") for line in bridge.brief)
    fire = _story_of(example_report, "Kell Ridge")
    crews = next(n for n in fire.numbers if n.quantity == "firefighters" and len(n.values) > 1)
    assert crews.status == "updated" and "420" in crews.note
    evacuated = [n for n in fire.numbers if n.quantity == "people evacuated"]
    assert {n.status for n in evacuated} == {"updated", "single_source"}  # 1,800: Lowater


@pytest.mark.shared
def test_check_seed_pair_brief_reads_as_sentences(seed_story):
    texts = [line.text for line in seed_story.brief]
    assert 3 <= len(texts) <= 9 and all(t[0].isupper() or t[0] in '“"' for t in texts)
    # the summary leads with what both outlets carry, each proposition once
    summary = [line for line in seed_story.brief if not line.text.startswith(("Only", "Disp"))]
    assert summary and all(line.status == "corroborated" for line in summary)
    mains = [line.claim_ids[0] for line in summary]
    assert len(mains) == len(set(mains))
    assert any("Kursk" in line.text for line in summary)


def test_check_claims_from_attributions_are_reported_not_asserted() -> None:
    from newsweave.model import Attribution

    text = "A new Marlow poll shows that most voters back the tram plan."
    att = Attribution("finding", "most voters back the tram plan", "A new Marlow poll",
                      "A new Marlow poll", "shows", 29, 59)  # fmt: skip
    assert text[att.start : att.end] == att.text
    claims = article_claims(
        Article("a1", "x", text), Reading("a1", ((0, 60),), attributions=(att,))
    )
    assert [(c.kind, c.who, c.text) for c in claims] == [
        ("reported", "A new Marlow poll", "most voters back the tram plan")
    ]


def _span_of(text: str, part: str) -> tuple[int, int]:
    i = text.index(part)
    return i, i + len(part)


def test_check_claims_a_refusal_says_nothing_and_a_pronoun_is_the_outer_speaker() -> None:
    from newsweave.model import Attribution

    text = (
        "The agency said it could not yet say whether the spans could be saved. "
        "The council said it hoped to reopen one lane by Friday."
    )
    first, second = text.index("The council"), len(text)
    outer = [
        Quote(text[s:e], who, who, "said", False, s, e)
        for who, (s, e) in (
            ("The agency", _span_of(text, "it could not yet say whether the spans could be saved")),
            ("The council", _span_of(text, "it hoped to reopen one lane by Friday")),
        )
    ]
    inner = [
        Attribution(kind, text[s:e], "it", "it", cue, s, e)
        for kind, cue, (s, e) in (
            ("refusal", "say", _span_of(text, "whether the spans could be saved")),
            ("intention", "hoped", _span_of(text, "to reopen one lane by Friday")),
        )
    ]
    reading = Reading(
        "a1", ((0, first - 1), (first, second)), quotes=tuple(outer), attributions=tuple(inner)
    )
    claims = article_claims(Article("a1", "x", text), reading)
    # never "the spans could be saved" as anybody's claim, never "it" as a speaker
    assert [(c.who, c.text) for c in claims] == [
        ("The agency", "it could not yet say whether the spans could be saved"),
        ("The council", "it hoped to reopen one lane by Friday"),
    ]


@pytest.mark.parametrize("source", ["this", "who", "them"])
def test_check_claims_any_reader_pronoun_yields_to_the_outer_speaker(source: str) -> None:
    """The reader's pronouns (resolved or never resolved) name nobody inside another quote:
    "The minister said this showed the plan was working" is the minister's claim."""
    from newsweave.model import Attribution

    text = f"The minister said {source} showed the plan was working."
    s, e = _span_of(text, f"{source} showed the plan was working")
    outer = Quote(text[s:e], "The minister", "The minister", "said", False, s, e)
    i, j = _span_of(text, "the plan was working")
    inner = Attribution("finding", text[i:j], source, source, "showed", i, j)
    reading = Reading("a1", ((0, len(text)),), quotes=(outer,), attributions=(inner,))
    claims = article_claims(Article("a1", "x", text), reading)
    assert [(c.who, c.text) for c in claims] == [
        ("The minister", f"{source} showed the plan was working")
    ]


@pytest.mark.parametrize(
    "text, figure, want",
    [
        ("The death toll rose to nine on Wednesday.", "nine", "people killed"),
        ("The nine pro-death jurors asked the others.", "nine", None),
        ("A 6.7 magnitude earthquake killed ten people.", "ten", "people killed"),
        # burnt to death counts the dead, not an area burned
        ("Three dock clerks were burnt to death in the shed.", "Three", "people killed"),
        ("Three dock clerks were burned in the shed.", "Three", None),
    ],
)
def test_check_numbers_named_quantity_reads_the_words_next_to_a_figure(text, figure, want):
    from newsweave.check.numbers import named_quantity

    start = text.index(figure)
    number = Number(9.0, "people", None, figure, start, start + len(figure))
    assert named_quantity(text, number) == want


def test_check_numbers_a_magnitude_counts_no_one():
    from newsweave.check.numbers import story_quantities

    text = "A 6.7 magnitude earthquake killed ten people in the valley."
    quake = Number(6.7, None, None, "6.7", 2, 5)
    ten = Number(10.0, "people", "people", "ten", 34, 37)
    docs = [
        (Article(aid, aid, text, outlet=aid), Reading(aid, ((0, len(text)),), numbers=(quake, ten)))
        for aid in ("a", "b")
    ]
    (killed,) = story_quantities(docs, {"a": 0, "b": 1})
    assert killed.quantity == "people killed" and killed.status == "consistent"
    assert [v.value for v in killed.values] == [10.0, 10.0]


def test_check_numbers_a_breakdown_of_a_toll_is_no_second_toll():
    from newsweave.check.numbers import story_quantities

    a = "Three clerks died on Monday - two women died in the shed, a man in hospital."
    b = "Three dock clerks died when the shed at Ostwyn port burned down."

    def doc(aid, text, *figures):
        nums = tuple(
            Number(v, "people", "clerks", w, text.index(w), text.index(w) + len(w))
            for v, w in figures
        )
        return Article(aid, aid, text, outlet=aid), Reading(aid, ((0, len(text)),), numbers=nums)

    docs = [doc("a", a, (3.0, "Three"), (2.0, "two")), doc("b", b, (3.0, "Three"))]
    (killed,) = story_quantities(docs, {"a": 0, "b": 1})
    assert killed.quantity == "people killed" and killed.status == "consistent"
    assert [v.value for v in killed.values] == [3.0, 3.0]


def test_check_examples_the_toll_and_the_burned_area_are_revised(example_report):
    # "the death toll ... rose to nine" (a number word named by the toll before it) and "the
    # wildfire burning in Sarn Province grew to 6,100 hectares" (the area named far back)
    bridge = _story_of(example_report, "Tessel")
    killed = next(n for n in bridge.numbers if n.quantity == "people killed" and len(n.values) > 3)
    assert killed.status == "updated" and {v.value for v in killed.values} == {7.0, 9.0}
    fire = _story_of(example_report, "Kell Ridge")
    burned = next(n for n in fire.numbers if n.quantity == "area burned")
    assert burned.status == "updated" and {v.value for v in burned.values} == {3800.0, 6100.0}


@pytest.mark.parametrize(
    ("cue", "status"), [("rejected", "conflicting"), ("stressed", "corroborated")]
)
def test_check_a_denial_aligned_with_a_report_conflicts(cue, status):
    from newsweave.check.align import DENIAL_PENALTY, claim_features, pair_score
    from newsweave.model import Claim
    from newsweave.settings import CheckSettings

    said = "the possibility of further withdrawals from the Ostwyn valley"
    denied = "the possibility of further withdrawals from the whole Ostwyn valley"
    claims = [
        Claim("a:0", "a", said, 0, len(said), "reported", who="Ana Chief", cue="suggested"),
        Claim("b:0", "b", denied, 0, len(denied), "reported", who="Ana Chief", cue=cue),
    ]
    a, b = claim_features(claims)
    report = pair_score(a, b, CheckSettings())
    claims[1] = Claim("b:0", "b", denied, 0, len(denied), "reported", who="Ana Chief", cue="said")
    a, b = claim_features(claims)
    assert round(pair_score(a, b, CheckSettings()) - report, 6) == (
        DENIAL_PENALTY if cue == "rejected" else 0.0
    )
    from newsweave.check.status import Sources, proposition

    claims[1] = Claim("b:0", "b", denied, 0, len(denied), "reported", who="Ana Chief", cue=cue)
    ctx = Sources({"a": 0, "b": 1}, {"a": "Ledger", "b": "Courier"}, {"a": said, "b": denied},
                  {"a": None, "b": None})  # fmt: skip
    assert proposition("p1", claims, claims[0], ctx).status == status


@pytest.mark.parametrize(
    "a_text, a_times, b_text, b_times, status",
    [
        # one vote, two years: the sources disagree
        ("Voters in 2009 approved a bond for the quay", ("2009",),
         "Harbour voters in 2010 approved a bond for the quay", ("2010",), "conflicting"),
        # a season written as a range is not the year alone
        ("He won the title in 1982-83 with the Harbour club", ("1982",),
         "He won the title in 1983 with the Harbour club", ("1983",), "corroborated"),
        # the other claim has a day in that year: "in 1994 ... until June 27, 2001"
        ("She coached the club from 1994 until June 27, 2001", ("1994", "2001-06-27"),
         "She coached the club until 2001", ("2001",), "corroborated"),
        # a weekday resolved against each page's own date is never compared
        ("The quay reopened on Tuesday", ("2026-03-10",),
         "The quay reopened on Tuesday", ("2026-03-17",), "corroborated"),
        # a year the reader worked out from the page's date is not written: never compared
        ("The plant on the quay closed three years ago", ("2023",),
         "The plant on the quay closed in 2022", ("2022",), "corroborated"),
        ("He won the title in 1982/83 with the Harbour club", ("1982",),
         "He won the title in 1983 with the Harbour club", ("1983",), "corroborated"),
        # every year written counts, not only the one the reader resolved
        ("The quay's three piers opened in 2009, 2010 and 2011", ("2009",),
         "The quay's piers opened in 2010", ("2010",), "corroborated"),
    ],
)  # fmt: skip
def test_check_years_written_alone_that_differ_conflict(a_text, a_times, b_text, b_times, status):
    from newsweave.check.status import Sources, proposition
    from newsweave.model import Claim

    claims = [
        Claim("a:0", "a", a_text, 0, len(a_text), "asserted", times=a_times),
        Claim("b:0", "b", b_text, 0, len(b_text), "asserted", times=b_times),
    ]
    ctx = Sources({"a": 0, "b": 1}, {"a": "Ledger", "b": "Courier"}, {"a": a_text, "b": b_text},
                  {"a": None, "b": None})  # fmt: skip
    p = proposition("p1", claims, claims[0], ctx)
    assert p.status == status
    assert ("(year)" in p.note) == (status == "conflicting")


def test_check_a_street_address_is_no_figure_two_reports_dispute():
    """ "the 12000 block of" and "the 12200 block of" name two places (or one, written two
    ways), never two counts of blocks: no conflicting number, no conflicting claim."""
    texts = {
        "a": "Police found the stolen van in the 12000 block of East Marlow Street on Tuesday.",
        "b": "Police found the stolen van in the 12200 block of East Marlow Street on Tuesday.",
    }
    members = []
    for aid, text in texts.items():
        i = text.index("12")
        n = Number(float(text[i : i + 5]), None, "block", text[i : i + 5], i, i + 5)
        article = Article(aid, aid + ".html", text, outlet=aid.upper())
        members.append((article, Reading(aid, ((0, len(text)),), numbers=(n,))))
    check = check_story(_story("a", "b"), members)
    van = next(p for p in check.claims if "stolen van" in p.text)
    assert len(van.article_ids) == 2 and van.status == "corroborated"
    assert [n for n in check.numbers if n.status == "conflicting"] == []


def test_check_numbers_two_peoples_figures_in_one_proposition_are_two_quantities():
    # claims aligned as one proposition, each naming another player: no dispute between them;
    # a third naming the first player again disputes the first's figure
    from newsweave.check.numbers import compare_numbers
    from newsweave.model import Claim, Number

    def claim(cid: str, aid: str, text: str, person: str) -> tuple[Claim, Article]:
        i = text.index("rebounds") - len(text.split(" rebounds")[0].split()[-1]) - 1
        word = text[i:].split()[0]
        n = Number({"nine": 9.0, "eight": 8.0, "seven": 7.0}[word], None, "rebounds", word,
                   i, i + len(word))  # fmt: skip
        c = Claim(cid, aid, text, 0, len(text), entities=(f"person:{person}",), numbers=(n,))
        return c, Article(aid, f"{aid}.txt", text, outlet=aid)

    made = [
        claim("c1", "a", "Vaughn finished with nine rebounds.", "vaughn"),
        claim("c2", "b", "Daye finished with eight rebounds.", "daye"),
        claim("c3", "c", "Vaughn finished with seven rebounds.", "vaughn"),
    ]
    claims = [c for c, _ in made]
    articles = {a.id: a for _, a in made}
    out = compare_numbers(claims, [[0, 1, 2]], articles, {"a": 0, "b": 1, "c": 2})
    assert sorted((n.status, sorted(v.value for v in n.values)) for n in out) == [
        ("conflicting", [7.0, 9.0]), ("single_source", [8.0])]  # fmt: skip


def _points_claim(aid: str, text: str, people: tuple[str, ...] = ()):
    """A claim of `text` (article `aid`) holding its one figure of points, the figure the first
    word that is a number ("2,282", "nine"); the claim names `people`."""
    from newsweave.model import Claim

    figure = next(w.strip(",") for w in text.split() if w[0].isdigit() or w == "nine")
    i = text.index(figure)
    value = 9.0 if figure == "nine" else float(figure.replace(",", ""))
    n = Number(value, None, "points", figure, i, i + len(figure))
    return Claim(f"{aid}1", aid, text, 0, len(text), entities=people, numbers=(n,))


def _compared(texts: dict[str, str], people=(), subjects=None) -> list[str]:
    """The statuses `compare_numbers` gives the texts' points claims aligned as one proposition,
    each text its own source."""
    from newsweave.check.numbers import compare_numbers

    claims = [_points_claim(aid, t, people) for aid, t in texts.items()]
    articles = {aid: Article(aid, f"{aid}.txt", t, outlet=aid) for aid, t in texts.items()}
    sources = {aid: k for k, aid in enumerate(texts)}
    out = compare_numbers(claims, [list(range(len(claims)))], articles, sources, subjects)
    return [n.status for n in out]


@pytest.mark.parametrize(
    "other",
    [
        "Hansbrough entered the game with 2,282 points.",
        "Hansbrough, who now has 2,302 points, made the basket.",
        "Hansbrough needed just nine points in the game.",
        "Hansbrough has averaged 19 points a game.",
        "Hansbrough scored 12 of the points in the second half.",
        "Hansbrough held the previous record at 2,290 points.",
    ],
)
def test_check_numbers_a_career_total_an_average_or_a_need_is_no_rival_of_a_games_count(other):
    # claims aligned as one proposition (ECB+ 31): one game's points against the player's
    # career total, his average, what he still needed or a part are other quantities; the
    # same game's points written otherwise still conflict
    game = "Hansbrough scored 20 points on Thursday."
    people = ("person:hansbrough",)
    assert _compared({"a": game, "b": other}, people) == ["single_source", "single_source"]
    again = "Hansbrough finished with 22 points."
    assert _compared({"a": game, "b": again}, people) == ["conflicting"]


def test_check_numbers_whose_figure_it_is_splits_claims_that_name_both_players():
    # ECB+ 31: "Danny Green scored 14 points, while Ty Lawson posted 15 points" / "Ty Lawson
    # added 16 points ..., and Danny Green had 14": both claims name both players; the figures'
    # own subjects say the 14 and the 16 are two players' points
    texts = {
        "a": "Earl Clark scored 14 points in the win.",
        "b": "Ty Lawson added 16 points as Earl Clark watched.",
    }
    people = ("person:clark", "person:lawson")
    assert _compared(texts, people) == ["conflicting"]
    subjects = {("a", 18): "person:clark", ("b", 16): "person:lawson"}
    assert _compared(texts, people, subjects) == ["single_source", "single_source"]


def test_check_examples_brief_lines_leave_out_the_wires_dateline(example_report):
    # the Northgate Post's wire copy opens "OSTWYN, March 10 (MPA) – At least seven people
    # died ...": the brief gives the sentence, not the address line
    bridge = _story_of(example_report, "Tessel Bridge")
    toll = next(line for line in bridge.brief if "At least seven people died" in line.text)
    assert toll.text.startswith("At least seven people died")
    assert not any("(MPA)" in line.text for s in example_report.stories for line in s.brief)


def test_check_status_two_players_figures_in_one_proposition_do_not_make_it_conflicting():
    # ECB+ 31: "Earl Clark finished ... with 25 points" / "... 22 points": aligned claims whose
    # figures are two players' (their subjects) are no disputed proposition, and a pair of
    # wordings is named once in the note however many claims repeat it
    from newsweave.check.status import Sources, proposition

    texts = {
        "a": "Earl Clark finished the win with 25 points.",
        "b": "Ty Lawson finished the win with 22 points.",
        "c": "Earl Clark finished the win with 22 points.",
    }
    claims = [_points_claim(aid, text) for aid, text in texts.items()]
    subjects = {("a", 33): "person:clark", ("b", 32): "person:lawson", ("c", 33): "person:clark"}
    ctx = Sources(
        label={"a": 0, "b": 1, "c": 2}, name=dict.fromkeys(texts, "x"), text=texts,
        day=dict.fromkeys(texts), subjects=subjects,
    )  # fmt: skip
    assert proposition("p1", claims[:2], claims[0], ctx).status != "conflicting"
    both = proposition("p1", [claims[0], claims[2], claims[2]], claims[0], ctx)
    assert both.status == "conflicting" and both.note.count("25 vs 22") == 1


def _span_quote(text: str, said: str, speaker: str, mention: str, cue: str, **kw) -> Quote:
    return Quote(said, speaker, mention, cue, False, text.index(said),
                 text.index(said) + len(said), **kw)  # fmt: skip


def test_check_claims_a_quote_that_says_more_than_the_quotes_it_holds_is_a_claim_too():
    # the reader's 'according to' quote holds a more specific one ("which she says ..."): both
    # are the general's claims (seed 003's 1,100 square kilometres were the outlet's assertion
    # when the outer quote yielded to the inner one)
    text = (
        "According to General Ruta Vale, the army has so far retaken 900 square kilometres of "
        "farmland, an area which she says makes up 60 percent of the lost ground."
    )
    outer = _span_quote(text, text[text.index("the army") : -1], "Ruta Vale", "General Ruta Vale",
                        "according to")  # fmt: skip
    inner = _span_quote(text, "makes up 60 percent of the lost ground", "Ruta Vale", "she",
                        "says")  # fmt: skip
    reading = Reading("a", ((0, len(text)),), quotes=(outer, inner))
    claims = article_claims(Article("a", "x", text), reading)
    assert [(c.kind, c.who, c.cue, c.text) for c in claims] == [
        ("reported", "Ruta Vale", "according to", outer.text),
        ("reported", "Ruta Vale", "says", "makes up 60 percent of the lost ground"),
    ]  # fmt: skip


def test_check_claims_a_quote_that_only_wraps_another_yields_to_it():
    # "On Thursday, Peskov announced that X, according to TASS": X is Peskov's claim, and
    # TASS's quote, which says nothing besides, is none
    text = "On Thursday, Peskov announced that the talks would resume, according to TASS."
    said = "the talks would resume"
    outer = _span_quote(text, text[: text.index(", according")], "TASS", "TASS", "according to")
    inner = _span_quote(text, "that " + said, "Dmitry Peskov", "Peskov", "announced")
    claims = article_claims(Article("a", "x", text),
                            Reading("a", ((0, len(text)),), quotes=(outer, inner)))  # fmt: skip
    assert [(c.kind, c.who, c.text) for c in claims] == [("reported", "Dmitry Peskov", said)]


def test_check_claims_find_the_speaker_beside_the_quote_not_first_in_the_sentence():
    # the sentence names the speaker twice; the first "Tarsk" is the subject of the outlet's
    # own clause and stays in it (the relative clause cut with the frame goes too)
    text = (
        "Observers assumed that Tarsk seized the valley to hold it ahead of talks in which "
        "Tarsk would demand that Orlen return the northern ports."
    )
    q = _span_quote(text, "that Orlen return the northern ports", "Tarsk", "Tarsk", "demand")
    claims = article_claims(Article("a", "x", text), Reading("a", ((0, len(text)),), quotes=(q,)))
    assert [(c.kind, c.text) for c in claims] == [
        ("asserted", "Observers assumed that Tarsk seized the valley to hold it ahead of talks"),
        ("reported", "Orlen return the northern ports"),
    ]  # fmt: skip


def test_check_claims_a_partial_quote_of_its_own_takes_the_words_it_completes():
    # 'According to him, the town "has been ..."': the reader found only the quoted words; the
    # claim is about the town (a residue too short to be a claim), not a bare predicate
    text = 'According to him, the town "has been almost completely flooded".'
    q = _span_quote(text, "has been almost completely flooded", "Oren Dale", "him",
                    "according to", partial=True)  # fmt: skip
    q = replace(q, direct=True)
    claims = article_claims(Article("a", "x", text), Reading("a", ((0, len(text)),), quotes=(q,)))
    assert [(c.kind, c.who, c.text) for c in claims] == [
        ("reported", "Oren Dale", 'the town "has been almost completely flooded"'),
    ]


@pytest.mark.parametrize(
    ("text", "said", "claim"),
    [
        # seed 000: 'stated that ... regarded as “terrorists.”' was '... as “terrorists'
        ("Vale further stated that the raiders should be regarded as “pirates.” Then he left.",
         "that the raiders should be regarded as “pirates", "the raiders should be regarded as "
         "“pirates.”"),
        ('Vale said the dam "will hold through the spring", and left.',
         'the dam "will hold through the spring', 'the dam "will hold through the spring"'),
        ("Vale said the dam will hold (in his view through the spring). Then he left.",
         "the dam will hold (in his view through the spring",
         "the dam will hold (in his view through the spring)"),
        # a closing mark without its opening one takes the opening one before it
        ("Vale called it “a dam that will hold” for years, and left.",
         "a dam that will hold” for years", "“a dam that will hold” for years"),
        # balanced spans stay as they are
        ('Vale said the dam "will hold" through the spring. "Then," he added.',
         "the dam \"will hold\" through the spring", 'the dam "will hold" through the spring'),
    ],
)  # fmt: skip
def test_check_claims_are_never_half_a_quotation(text, said, claim):
    q = _span_quote(text, said, "Ruta Vale", "Vale", "said")
    claims = article_claims(Article("a", "x", text), Reading("a", ((0, len(text)),), quotes=(q,)))
    reported = [c for c in claims if c.kind == "reported"]
    assert [c.text for c in reported] == [claim]
    assert all(text[c.start : c.end] == c.text for c in claims)


def test_check_claims_a_cue_after_and_leaves_the_speaker_its_own_clause():
    # "X did Y and claims Z": X is the subject of Y too (seed 003's "Russia continues to record
    # achievements ... and claims it is close to ..." lost "Russia")
    text = "Norland continues to gain ground in the eastern hills and claims it will hold them."
    q = _span_quote(text, "it will hold them", "Norland", "Norland", "claims")
    claims = article_claims(Article("a", "x", text), Reading("a", ((0, len(text)),), quotes=(q,)))
    assert [(c.kind, c.text) for c in claims] == [
        ("asserted", "Norland continues to gain ground in the eastern hills"),
        ("reported", "it will hold them"),
    ]


def test_check_claims_leave_out_where_a_quote_was_said_and_keep_a_far_subject():
    # '"...," Vale wrote in a letter to ...': where it was written is the frame, not a claim
    text = ('"The dam will hold through the spring," Vale wrote in a letter to the leaders of '
            "both river councils and the harbour board on Sunday afternoon.")  # fmt: skip
    q = _span_quote(text, "The dam will hold through the spring", "Ruta Vale", "Vale", "wrote")
    q = replace(q, direct=True)
    claims = article_claims(Article("a", "x", text), Reading("a", ((0, len(text)),), quotes=(q,)))
    assert [c.text for c in claims] == ["The dam will hold through the spring"]
    # the reader gave a cue far into the sentence to the name it opens with: that name is the
    # subject of the outlet's own clause, not the frame of the cue
    text = ("Oren Dale is set to plead guilty on Monday to charges he left his post at the "
            "northern dam in 2019, three years after a ceremony at which the mayor, flanked by "
            "his parents, announced the soldier's release.")  # fmt: skip
    q = _span_quote(text, "the soldier's release", "Oren Dale", "Oren Dale", "announced")
    claims = article_claims(Article("a", "x", text), Reading("a", ((0, len(text)),), quotes=(q,)))
    assert claims[0].kind == "asserted" and claims[0].text.startswith("Oren Dale is set to plead")


def test_check_claims_a_question_of_the_outlets_is_no_claim():
    # a column's or a headline's question asserts nothing; a quoted one stays its speaker's
    text = ('Why did the council close the ferry? "Who will pay for it?" Vale asked. The harbour '
            "ferry closed on Monday for the winter.")  # fmt: skip
    said = "Who will pay for it?"
    q = _span_quote(text, said, "Ruta Vale", "Vale", "asked")
    q = replace(q, direct=True)
    first, second = text.index('"Who'), text.index("The harbour")
    reading = Reading("a", ((0, first - 1), (first, second - 1), (second, len(text))),
                      quotes=(q,))  # fmt: skip
    claims = article_claims(Article("a", "x", text), reading)
    assert [(c.kind, c.text) for c in claims] == [
        ("reported", said),
        ("asserted", "The harbour ferry closed on Monday for the winter"),
    ]


def test_check_claims_coordinated_cues_of_one_speaker_are_two_claims():
    """'urging X and suggesting Y': two claims of one speaker, neither holding the other."""
    from newsweave.read.stage import read_articles

    text = (
        "After the tour, Mayor Ilse Varga addressed volunteers, urging them to clear the drains "
        "in the low streets and suggesting the opening of a second shelter near the station."
    )
    article = Article("a", "a.html", text)
    claims = article_claims(article, next(read_articles([article])))
    said = {c.cue: c.text for c in claims if c.kind == "reported"}
    assert said == {
        "urging": "to clear the drains in the low streets",
        "suggesting": "the opening of a second shelter near the station",
    }
    assert all(c.who == "Ilse Varga" for c in claims if c.kind == "reported")


def test_check_claims_a_quote_ends_before_the_frame_of_the_quote_around_it():
    """'X announced that Y, according to Z': X's claim is Y, not Y and Z's frame."""
    text = "Varga announced that the lower town has been evacuated, according to Nordpress."
    at = text.index("that")
    varga = Quote(text[at:-1], "Ilse Varga", "Varga", "announced", False, at, len(text) - 1)
    agency = Quote(text[:-1], "Nordpress", "Nordpress", "according to", False, 0, len(text) - 1)
    reading = Reading("a", sentences=((0, len(text)),), quotes=(agency, varga))
    claims = article_claims(Article("a", "a.html", text), reading)
    said = [(c.who, c.text) for c in claims]
    assert said == [("Ilse Varga", "the lower town has been evacuated")]


@pytest.mark.parametrize(
    "other, joined",
    [
        ("Volunteers continue to clear the debris in the lower town of Ostwyn.", False),
        ("On Monday Varga urged volunteers in Ostwyn to clear the remaining debris in the lower "
         "town.", True),
    ],
)  # fmt: skip
def test_check_what_a_speaker_urges_is_not_what_another_outlet_says_is_done(
    other, joined, monkeypatch
):
    """'urging them to clear the remaining debris' is Varga's wish: another outlet's report of
    the clearing under way is no corroboration of it, another's report of the same urging is."""
    from newsweave.check import align
    from newsweave.read.stage import read_articles

    text = (
        "Mayor Ilse Varga visited the shelter in Ostwyn on Monday. She addressed the volunteers, "
        "urging them to clear the remaining debris in the lower town."
    )
    articles = [Article("a", "a.html", text, outlet="Ledger"),
                Article("b", "b.html", other, outlet="Courier")]  # fmt: skip
    docs = list(zip(articles, read_articles(articles), strict=True))

    def urging():
        check = check_story(_story("a", "b"), docs)
        return next(p for p in check.claims if p.text.startswith("to clear the remaining"))

    assert urging().article_ids == (("a", "b") if joined else ("a",))
    monkeypatch.setattr(align, "WISH_PENALTY", 0.0)
    assert urging().article_ids == ("a", "b")  # the words alone would link them


def test_check_claims_a_relative_frame_is_no_part_of_what_was_said():
    """'an area which he says is 86% of the district': he said it 'is 86% of the district'."""
    text = "Varga said the water covered 40 km², an area which she says is 86% of the district."
    at = text.index("which")
    said = Quote(text[at:-1], "Ilse Varga", "she", "says", False, at, len(text) - 1)
    reading = Reading("a", sentences=((0, len(text)),), quotes=(said,))
    claims = article_claims(Article("a", "a.html", text), reading)
    assert [c.text for c in claims if c.kind == "reported"] == ["is 86% of the district"]


def test_check_numbers_one_agreed_figure_in_two_propositions_is_one_row():
    """Two propositions that each give the curfew's 30 days in both reports: one consistent
    quantity with its four mentions, not two identical rows."""
    from newsweave.read.stage import read_articles

    articles = [
        Article("a", "a.html", "The council approved a 30-day curfew for the harbour district on "
                "Monday. Shops objected to the 30-day curfew, saying trade would suffer.",
                outlet="Ledger"),
        Article("b", "b.html", "A 30-day curfew for the harbour district was approved by the "
                "council on Monday. Shopkeepers objected to the 30-day curfew, warning of lost "
                "trade.", outlet="Courier"),
    ]  # fmt: skip
    docs = list(zip(articles, read_articles(articles), strict=True))
    check = check_story(_story("a", "b"), docs)
    assert sum(len(p.article_ids) == 2 for p in check.claims) == 2  # two propositions
    (curfew,) = [n for n in check.numbers if n.quantity.startswith("curfew")]
    assert curfew.status == "consistent"
    assert [v.article_id for v in curfew.values] == ["a", "a", "b", "b"]


def test_check_numbers_a_single_source_figure_is_never_joined_into_agreement():
    from newsweave.check.numbers import merge_comparisons
    from newsweave.model import NumberComparison, NumberValue

    def row(status, *values):
        found = tuple(NumberValue(aid, 30.0, "days", "30-day", None, at, at + 6)
                      for aid, at in values)  # fmt: skip
        return NumberComparison("curfew days", "days", None, status, found)

    agreed, alone = row("consistent", ("a", 0), ("b", 0)), row("single_source", ("c", 9))
    assert merge_comparisons([agreed, alone], {"a": 0, "b": 1, "c": 2}) == (agreed, alone)


def test_check_two_counts_of_one_outage_are_one_disputed_proposition():
    """A short claim's figure weighs half a word in the alignment: two reports of one outage
    with different counts are one proposition, whose figures conflict."""
    from newsweave.read.stage import read_articles

    articles = [
        Article("a", "a.html", "The storm cut power to 4,000 homes in Varnstad.", outlet="Ledger"),
        Article("b", "b.html", "About 6,500 homes in Varnstad lost electricity in the storm.",
                outlet="Courier"),
    ]  # fmt: skip
    check = check_story(_story("a", "b"), list(zip(articles, read_articles(articles), strict=True)))
    (outage,) = check.claims
    assert outage.status == "conflicting" and outage.article_ids == ("a", "b")
    assert "4,000" in outage.note and "6,500" in outage.note


def test_check_a_claim_weighing_its_odds_corroborates_no_fact():
    """'it is unlikely that the dock workers will agree to a pause' is no second report that
    they agreed to one (the seed pair linked 'Kyiv agreeing to a 30-day ceasefire' so)."""
    from newsweave.read.stage import read_articles

    articles = [
        Article("a", "a.html", "Dock workers agreed to a two-week pause in the port strike on "
                "Friday.", outlet="Ledger"),
        Article("b", "b.html", "Port officials said it is unlikely that the dock workers will "
                "agree to a two-week pause in the strike.", outlet="Courier"),
    ]  # fmt: skip
    check = check_story(_story("a", "b"), list(zip(articles, read_articles(articles), strict=True)))
    assert [p.article_ids for p in check.claims] == [("a",), ("b",)]


def test_check_numbers_a_running_total_is_a_total_but_a_share_stays_a_share():
    from newsweave.check.numbers import tally

    def figure(text, written, unit, counts):
        at = text.index(written)
        return Number(float(written.rstrip("%")), unit, counts, written, at, at + len(written))

    haul = "The frigate has, thus far, seized 14 rifles and 923 rounds of ammunition."
    share = "The army has so far retaken an area that is 86% of the territory it lost."
    assert tally(haul, figure(haul, "14", None, "rifles")) == "total"
    assert tally(share, figure(share, "86%", "%", "territory")) is None
