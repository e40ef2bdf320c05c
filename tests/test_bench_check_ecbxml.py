"""ECB+ XML reading and token-to-offset alignment on an invented ECB+-style snippet."""

import pytest
from benchmarks.check.ecbxml import align_tokens, parse_xml, sentence_spans

# Invented: a URL line (sentence 0, absent from the text, its last words the headline's), the
# headline (1), a quote with treebank quotes glued to words (2), a sentence the text lost (3).
XML = """<Document doc_name="9_9ecbplus.xml">
<token t_id="1" sentence="0" number="0">http</token>
<token t_id="2" sentence="0" number="1">:</token>
<token t_id="3" sentence="0" number="2">/</token>
<token t_id="4" sentence="0" number="3">/</token>
<token t_id="5" sentence="0" number="4">x</token>
<token t_id="6" sentence="0" number="5">/</token>
<token t_id="7" sentence="0" number="6">dam</token>
<token t_id="8" sentence="0" number="7">-</token>
<token t_id="9" sentence="0" number="8">bursts</token>
<token t_id="10" sentence="1" number="0">Dam</token>
<token t_id="11" sentence="1" number="1">bursts</token>
<token t_id="12" sentence="2" number="0">``It</token>
<token t_id="13" sentence="2" number="1">broke</token>
<token t_id="14" sentence="2" number="2">at</token>
<token t_id="15" sentence="2" number="3">9</token>
<token t_id="16" sentence="2" number="4">:</token>
<token t_id="17" sentence="2" number="5">40</token>
<token t_id="18" sentence="2" number="6">,''</token>
<token t_id="19" sentence="2" number="7">officials</token>
<token t_id="20" sentence="2" number="8">said</token>
<token t_id="21" sentence="2" number="9">.</token>
<token t_id="22" sentence="3" number="0">Nobody</token>
<token t_id="23" sentence="3" number="1">drowned</token>
<token t_id="24" sentence="3" number="2">.</token>
<Markables>
<ACTION_OCCURRENCE m_id="1"><token_anchor t_id="11"/></ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="2"><token_anchor t_id="13"/></ACTION_OCCURRENCE>
<ACTION_REPORTING m_id="3"><token_anchor t_id="20"/></ACTION_REPORTING>
<NEG_ACTION_OCCURRENCE m_id="4"><token_anchor t_id="23"/></NEG_ACTION_OCCURRENCE>
<HUMAN_PART_PER m_id="5"><token_anchor t_id="19"/></HUMAN_PART_PER>
<ACTION_OCCURRENCE m_id="90" instance_id="ACT77"/>
<HUMAN_PART_PER m_id="91" instance_id="HUM5"/>
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="ACT77"><source m_id="1"/><source m_id="2"/>
<target m_id="90"/></CROSS_DOC_COREF>
<CROSS_DOC_COREF r_id="2" note="HUM5"><source m_id="5"/><target m_id="91"/></CROSS_DOC_COREF>
<CROSS_DOC_COREF r_id="3" note="NEG8"><source m_id="4"/><target m_id="91"/></CROSS_DOC_COREF>
</Relations>
</Document>"""

TEXT = "Dam bursts\n\n“It broke at 9:40,” officials said. The river rose."


def test_bench_check_ecbxml_reads_event_markables_and_event_chains_only():
    doc = parse_xml(XML, "9_9ecbplus")
    by_n = {s.number: s for s in doc.sentences}
    assert [n for n, s in by_n.items() if s.annotated] == [1, 2, 3]
    assert by_n[2].event_tags == ("ACTION_OCCURRENCE", "ACTION_REPORTING")
    assert by_n[1].chains == by_n[2].chains == {"ACT77"}  # the HUM chain is not an event
    assert by_n[3].chains == {"NEG8"}


def test_bench_check_ecbxml_places_sentences_by_characters_not_token_counts():
    doc = parse_xml(XML, "9_9ecbplus")
    spans = sentence_spans(doc, TEXT)
    assert 0 not in spans  # the URL line is not in the text, though it ends in "dam-bursts"
    assert TEXT[slice(*spans[1])] == "Dam bursts"
    assert TEXT[slice(*spans[2])] == "“It broke at 9:40,” officials said."
    assert 3 not in spans  # the text lost it


def test_bench_check_ecbxml_aligns_inside_a_longer_text_after_a_dropped_block():
    text = "Menu Home Login\n" + "x " * 50 + "\n“It broke at 9:40,” officials said."
    spans = align_tokens(["``It", "broke", "at", "9", ":", "40", ",''", "officials"], text)
    assert [text[a:b] for a, b in spans] == [
        "“It",
        "broke",
        "at",
        "9",
        ":",
        "40",
        ",”",
        "officials",
    ]


def test_bench_check_ecbxml_refuses_broken_xml_naming_the_document():
    with pytest.raises(ValueError, match="7_1ecb"):
        parse_xml("<Document><token>", "7_1ecb")
