"""Entities: label repair, canonical names, roles, metonymy, mention resolution, stable ids."""

from __future__ import annotations

import pytest

from newsweave.model import Entity
from newsweave.read import nlp
from newsweave.read.entities import find_entities
from newsweave.read.names import canonical_id, resolve_mention


def _ents(text: str) -> tuple[Entity, ...]:
    ents = find_entities(text, nlp.doc(text))
    for e in ents:
        assert text[e.start : e.end] == e.text
    return ents


def _first(ents, text: str) -> Entity:
    return next(e for e in ents if e.text == text)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Kyiv agreed to the plan on Tuesday.", "Kyiv"),
        ("The governor flew to Kursk and then returned home.", "Kursk"),
        ("Fighting continued near the small town of Brelovka overnight.", "Brelovka"),
        ("Talks were held in Saudi Arabia last week.", "Saudi Arabia"),
        ("Moscow is cold in winter.", "Moscow"),
    ],
)
def test_read_entities_places_repaired(text, mention):
    assert _first(_ents(text), mention).label == "GPE"


def test_read_entities_person_surname_not_taken_for_city():
    ents = _ents("Mara Jackson said the budget was late. Jackson left the room.")
    assert {e.label for e in ents if e.text in ("Mara Jackson", "Jackson")} == {"PERSON"}


def test_read_entities_canonical_name_and_role():
    text = (
        "Norland President Arvid Kessler visited the port. Later, President Kessler met "
        "workers. Kessler said the port would reopen."
    )
    people = [e for e in _ents(text) if e.label == "PERSON"]
    assert {e.canonical for e in people} == {"Arvid Kessler"}
    assert len(people) == 3
    assert all(e.role == "Norland President" for e in people)


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Harbour spokesperson Lina Ostrova said the ferries were late.", "Lina Ostrova",
         "Harbour spokesperson"),
        ("The army's chief general, Tomas Vell, visited the front.", "Tomas Vell",
         "chief general"),
        ("Pieter Rand, the Norland Chief of General Staff, said the line held.", "Pieter Rand",
         "Norland Chief of the General Staff"),
    ],
)  # fmt: skip
def test_read_entities_roles(text, name, role):
    assert _first(_ents(text), name).role == role


def test_read_entities_metonymy_capital_as_subject():
    ents = _ents("Kyiv agreed to the proposal. Officials in Kyiv said little.")
    kyivs = [e for e in ents if e.text == "Kyiv"]
    assert [e.kind for e in kyivs] == ["government", None]


def test_read_entities_description_resolves_to_person():
    text = (
        "Norland Chief of General Staff Pieter Rand met the minister. "
        "The Chief of Staff told him the line held."
    )
    ents = _ents(text)
    desc = _first(ents, "Chief of Staff")
    assert desc.label == "PERSON" and desc.canonical == "Pieter Rand"


def test_read_entities_resolve_mention():
    text = (
        "Norland President Arvid Kessler and Harbour spokesperson Lina Ostrova spoke. "
        "Kessler left early."
    )
    ents = _ents(text)
    assert resolve_mention("Kessler", ents) == "Arvid Kessler"
    assert resolve_mention("Arvid", ents) == "Arvid Kessler"
    assert resolve_mention("Norland President Arvid Kessler", ents) == "Arvid Kessler"
    assert resolve_mention("he", ents) is None
    assert resolve_mention("the spokesperson", ents) == "Lina Ostrova"
    assert resolve_mention("the Norland president", ents) == "Arvid Kessler"
    assert resolve_mention("the mayor", ents) is None
    assert resolve_mention("", ents) is None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Volodymyr Zelensky", "Volodymyr Zelenskyy"),
        ("Volodymyr Zelensky", "V. Zelenskiy"),
        ("Oleksandr Syrskyi", "Oleksandr Syrsky"),
        ("President Vladimir Putin", "Vladimir Putin"),
        ("José Álvarez", "Jose Alvarez"),
    ],
)
def test_read_entities_canonical_id_same_person(a, b):
    assert canonical_id(a) == canonical_id(b) != ""


def test_read_entities_canonical_id_different_people():
    assert canonical_id("Donald Trump") != canonical_id("Melania Trump")
    assert canonical_id("Saudi Arabia", "GPE") == "place:saudi arabia"


@pytest.mark.parametrize(
    "text", ["", "   \n", "Der Kanzler sagte am Mittwoch in Berlin etwas.", "Путин посетил Курск."]
)
def test_read_entities_odd_input_does_not_crash(text):
    _ents(text)


def test_read_entities_rejects_foreign_doc():
    with pytest.raises(ValueError):
        find_entities("one text", nlp.doc("another text"))


# --- the seed pair -------------------------------------------------------------------------------

PEOPLE_000 = ("Vladimir Putin", "Donald Trump", "Valery Gerasimov", "Oleksandr Syrskyi",
              "Dmitry Peskov", "Steve Witkoff", "JD Vance")  # fmt: skip
PEOPLE_003 = ("Vladimir Putin", "Donald Trump", "Valery Gerasimov", "Oleksandr Syrskyi",
              "Marco Rubio", "Maria Zakharova", "Volodymyr Zelensky")  # fmt: skip
PLACES = ("Kursk", "Sudzha", "Kyiv", "Moscow")


def _seed(path) -> tuple[str, tuple[Entity, ...]]:
    text = path.read_text(encoding="utf-8")
    return text, _ents(text)


@pytest.mark.shared
def test_read_entities_seed_000(seed_000):
    text, ents = _seed(seed_000)
    people = {e.canonical: e for e in ents if e.label == "PERSON"}
    assert set(PEOPLE_000) <= set(people)
    for short, full in (("Putin", "Vladimir Putin"), ("Gerasimov", "Valery Gerasimov"),
                        ("Peskov", "Dmitry Peskov"), ("Syrskyi", "Oleksandr Syrskyi"),
                        ("Trump", "Donald Trump")):  # fmt: skip
        assert {e.canonical for e in ents if e.text == short} == {full}
    assert people["Dmitry Peskov"].role == "Kremlin spokesperson"
    assert "President" in people["Vladimir Putin"].role
    for place in PLACES:
        assert {e.label for e in ents if e.text == place} == {"GPE"}, place
    assert any(e.text == "Kyiv" and e.kind == "government" for e in ents)


@pytest.mark.shared
def test_read_entities_seed_003(seed_003):
    text, ents = _seed(seed_003)
    people = {e.canonical: e for e in ents if e.label == "PERSON"}
    assert set(PEOPLE_003) <= set(people)
    assert {e.canonical for e in ents if e.text == "Zelensky"} == {"Volodymyr Zelensky"}
    assert people["Valery Gerasimov"].role.endswith("Chief of the General Staff")
    assert people["Vladimir Putin"].role == "Russian President"
    for place in (*PLACES, "Saudi Arabia"):
        assert {e.label for e in ents if e.text == place} == {"GPE"}, place
    # "the Chief of Staff told him" is Gerasimov; "The Ukrainian Chief of Staff" is Syrskyi.
    descs = [e.canonical for e in ents if e.text.endswith("Chief of Staff")]
    assert descs[0] == "Valery Gerasimov" and descs[-1] == "Oleksandr Syrskyi"
    assert resolve_mention("the Chief of Staff", ents, at=text.index("told him")) == (
        "Valery Gerasimov"
    )


@pytest.mark.shared
def test_read_entities_seed_pair_same_ids(seed_000, seed_003):
    ids = [{canonical_id(e.canonical) for e in _seed(p)[1] if e.label == "PERSON"}
           for p in (seed_000, seed_003)]  # fmt: skip
    shared = ids[0] & ids[1]
    for name in ("Vladimir Putin", "Donald Trump", "Valery Gerasimov", "Oleksandr Syrskyi"):
        assert canonical_id(name) in shared


def test_read_entities_200k_text_tokens_only():
    import spacy

    text = ("Kyiv agreed on Tuesday. Mara Quist said 12 boats sank near the pier. " * 3000)[
        :200_000
    ]
    # no recogniser ran: only the gazetteer's places are found (the light pass has no tags
    # either, so gazetteer repair works on the tokens alone)
    ents = find_entities(text, spacy.blank("en")(text))
    assert {(e.text, e.label) for e in ents} == {("Kyiv", "GPE")}
    assert all(text[e.start : e.end] == e.text for e in ents)


@pytest.mark.parametrize(
    "text, name, label",
    [
        ("The span gave way at about 7:40 a.m. (0640 GMT) on Tuesday.", "GMT", None),
        ("The bridge in the Tavessan city of Ostwyn fell into the river.", "Tavessan", "NORP"),
        ("Ostwyn Mayor Idris Halloran visited the site. Ostwyn is in mourning.", "Ostwyn", "GPE"),
        ("Lee Marsh, who lives on Mill Lane, heard shouting.", "Mill Lane", "FAC"),
        ("About 1,800 residents of Lowater were told to leave.", "Lowater", "GPE"),
        ("Spokesman Dario Pell told the Herald that ministers had been informed.", "Herald", "ORG"),
    ],
)
def test_read_entities_article_context_repairs_labels(text: str, name: str, label) -> None:
    got = [e.label for e in find_entities(text, nlp.doc(text)) if e.text == name]
    assert got == ([label] * len(got) if label else []) and (got or label is None), got


def test_read_entities_place_canonical_from_gazetteer():
    # the gazetteer spells the place as its name is kept, whatever the article wrote
    text = "The delegation arrived in Sao Paulo on Tuesday."
    places = [(e.text, e.canonical) for e in find_entities(text, nlp.doc(text)) if e.label == "GPE"]
    assert places == [("Sao Paulo", "São Paulo")]


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        # a town the article's hospital and fire service are named after
        (
            "Crews from Brellin Fire Service and Brellin General Hospital were at the scene. "
            "It was the worst flood Brellin has seen in decades.",
            "Brellin",
            "GPE",
        ),
        # an organisation whose name ends in its kind
        (
            "In Tarrin, volunteers from Dunmore Volunteer Relief served soup and found space.",
            "Volunteer Relief",
            "ORG",
        ),
    ],
)
def test_read_entities_article_settles_a_label(text, name, label):
    got = {e.text: e.label for e in find_entities(text, nlp.doc(text))}
    assert got.get(name) == label, got


def test_read_entities_capitalised_common_word_is_no_name():
    text = "Wildfires are not unusual here in late winter. Two wildfires burned last year."
    got = [e.text for e in find_entities(text, nlp.doc(text))]
    assert "Wildfires" not in got


def test_read_entities_a_surname_alone_the_model_left_out_is_the_person_named_in_full():
    # ECB+ 31: "Hansbrough entered the game with 2,282 points" had no entity after "Tyler
    # Hansbrough"; a surname the article writes in lower case elsewhere stays a word
    text = (
        "Tyler Hansbrough scored 20 points on Thursday. Hansbrough entered the game with 2,282 "
        "points. Rosa Green spoke after the game. Green shoots were seen in the green valley."
    )
    found = {(e.text, e.start): e for e in find_entities(text, nlp.doc(text))}
    lone = found.get(("Hansbrough", text.index("Hansbrough entered")))
    assert lone is not None and lone.label == "PERSON" and lone.canonical == "Tyler Hansbrough"
    assert ("Green", text.index("Green shoots")) not in found
