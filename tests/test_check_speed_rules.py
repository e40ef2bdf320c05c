"""The check's shortcuts (h-checkspeed2) give what the long way gives."""

import re

import pytest

from newsweave.check import claims, framing, terms


@pytest.mark.parametrize(
    "text",
    ["x and", "x AND ", "x,  or;", "x aſ", "x and\n", " and", "x who ,", "x, which", "the road"],
)
def test_claims_may_dangle_never_skips_a_dangling_conjunction(text):
    m = claims._DANGLING.search(text, 0, len(text))
    dangles = bool(m and m.end() == len(text))
    assert claims._may_dangle(text, 0, len(text)) or not dangles
    assert claims._strip(text, 0, len(text))[1] <= len(text.rstrip(" ,;:\n"))


def test_claims_may_dangle_skips_a_span_ending_in_another_letter():
    assert not claims._may_dangle("traffic left the ring road, via Lyon; ", 0, 38)
    assert claims._may_dangle("traffic left the ring road, via Lyon, and", 0, 41)


def test_terms_content_stems_gives_a_fresh_list_each_time():
    first = terms.content_stems("Russian forces regained the territory")
    first.append("x")
    assert terms.content_stems("Russian forces regained the territory") == [
        "russian", "forc", "regain", "territori"
    ]  # fmt: skip


def test_terms_word_stem_is_content_stems_of_one_word():
    for word in ("backend", "the", "a", "7", "regained"):
        assert [s for s in [terms.word_stem(word)] if s] == terms.content_stems(word)


def test_framing_term_pattern_matches_as_without_the_look_ahead():
    plain = re.compile(
        r"\b(?:" + "|".join(re.escape(t) for t in framing.CONTESTED_TERMS) + r")\w*", re.I
    )
    text = "Liberated, TERRORISTS; a pro-life riot. Annexation, junta-led; unliberated Riots"
    assert [m.span() for m in framing._TERM.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]
    assert len(list(framing._TERM.finditer(text))) == 7
