"""The name service: canonical names within an article, speakers at offsets, cross-article keys."""

from __future__ import annotations

import pytest

from newsweave.model import Entity
from newsweave.read import nlp
from newsweave.read.names import (
    ArticleNames,
    PersonMention,
    canonical_name,
    cross_article_name,
    person_canonicals,
    resolve_mention,
    role_overlap,
)
from newsweave.read.quotes import find_quotes
from newsweave.read.quotes_speakers import SpeakerResolver


def _mentions(*texts: str) -> list[PersonMention]:
    return [PersonMention(t, t.split()[0], t.split()[-1], len(t.split())) for t in texts]


def test_read_names_bare_surname_takes_the_nearest_full_name_before_it():
    got = person_canonicals(_mentions("Melania Trump", "Trump", "Donald Trump", "Trump"))
    assert got == ["Melania Trump", "Melania Trump", "Donald Trump", "Donald Trump"]


def test_read_names_bare_surname_before_any_full_name_takes_the_first_after():
    assert person_canonicals(_mentions("Putin", "Vladimir Putin")) == ["Vladimir Putin"] * 2


def test_read_names_full_name_takes_the_longest_of_its_first_name_and_surname():
    got = person_canonicals(_mentions("Donald John Trump", "Donald Trump", "Dahl"))
    assert got == ["Donald John Trump", "Donald John Trump", "Dahl"]


def test_read_names_surname_transliterations_share_a_canonical_name():
    got = person_canonicals(_mentions("Volodymyr Zelenskyy", "Zelensky"))
    assert got == ["Volodymyr Zelenskyy", "Volodymyr Zelenskyy"]


@pytest.mark.parametrize(
    ("name", "label", "canonical"),
    [("U.S.", "GPE", "United States"), ("UK", "ORG", "United Kingdom"), ("Kyiv", "GPE", "Kyiv"),
     ("Lindholm Council", "ORG", "Lindholm Council")],
)  # fmt: skip
def test_read_names_other_labels_canonical_name(name, label, canonical):
    assert canonical_name(name, label) == canonical


@pytest.mark.parametrize(
    ("canonical", "label", "key"),
    [("Tara Reid", "PERSON", "Reid"), ("Reid", "PERSON", "Reid"),
     ("United Nations", "ORG", "United Nations"), ("Kyiv", "GPE", "Kyiv"), ("", "PERSON", "")],
)  # fmt: skip
def test_read_names_cross_article_name_is_a_person_s_surname(canonical, label, key):
    # another article may only ever say "Reid": people are keyed by surname across articles
    assert cross_article_name(canonical, label) == key


def test_read_names_one_role_matcher_for_entities_and_speakers():
    # one matcher: a mention resolved among the entities needs every word in the role, a
    # speaker takes the role sharing most; a country the role does not name shares nothing
    text = "Russian President Vladimir Putin spoke. Later the president said no."
    ents = (Entity("Vladimir Putin", "PERSON", "Vladimir Putin", 18, 32, role="Russian President"),)
    names, later = ArticleNames(text, ents), text.index("Later")
    assert role_overlap("the Russian president", "Russian President") == (2, 2)
    assert role_overlap("the Ukrainian president", "Russian President") == (0, 2)
    # an initialism's dots: "the U.S. president" names the country as "the US president" does
    assert role_overlap("the U.S. president", "American President") == (2, 2)
    assert role_overlap("the U.K. prime minister", "British Prime Minister") == (3, 3)
    assert names.by_role("the Russian president", later) == "Vladimir Putin"
    assert names.by_role("the president", later) == "Vladimir Putin"
    assert names.by_role("the Ukrainian president", later) is None
    assert resolve_mention("the Russian president", ents) == "Vladimir Putin"
    assert resolve_mention("the Russian Prime Minister", ents) is None


def test_read_names_full_name_fallback_from_the_light_pass():
    text = "Mayor Elin Dahl opened the bridge. Dahl spoke."
    names = ArticleNames(text, persons=[(6, 15), (35, 39)])
    assert names.full_name("Dahl") == "Elin Dahl"
    assert names.person_at(35, 39) == "Elin Dahl"
    assert names.known_person("Mayor Dahl") == "Elin Dahl"


def test_read_names_an_entity_at_the_offsets_comes_first():
    text = "Mayor Elin Dahl opened the bridge. Dahl spoke."
    ents = (Entity("Dahl", "PERSON", "Elin Marit Dahl", 35, 39),)
    names = ArticleNames(text, ents, persons=[(6, 15), (35, 39)])
    assert names.entity_at(35, 39) == ents[0] and names.entity_at(0, 5) is None


def test_read_names_speaker_without_entities_is_named_in_full():
    # the entity step absent: the speaker resolver's names come from the light pass
    text = 'Mayor Elin Dahl opened the bridge on Monday. "It will reopen in May," Dahl said.'
    (q,) = [q for q in find_quotes(text, nlp.doc(text), entities=()) if "reopen" in q.text]
    assert (q.speaker, q.speaker_text) == ("Elin Dahl", "Dahl")


def test_read_names_speaker_resolver_pronoun_and_role_through_the_names():
    text = (
        "Kremlin spokesperson Dmitry Peskov spoke on Monday. Peskov said talks go on. "
        "He said more. The spokesperson said it again."
    )
    persons = [(21, 34), (52, 58)]
    resolver = SpeakerResolver(ArticleNames(text, persons=persons))
    assert resolver.resolve("Peskov", 52, 58) == "Dmitry Peskov"
    at = text.index("He said")
    assert resolver.resolve("He", at, at + 2) == "Dmitry Peskov"
    fresh = SpeakerResolver(ArticleNames(text, persons=persons))
    at = text.index("The spokesperson")
    assert fresh.resolve("The spokesperson", at, at + 16) == "Dmitry Peskov"
