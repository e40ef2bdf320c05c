import pytest

from newsweave.errors import InputError
from newsweave.extract.decode import decode


@pytest.mark.parametrize(
    "data, expected",
    [
        ("Café déjà vu".encode(), "Café déjà vu"),
        ("\ufeffhello world".encode(), "hello world"),
        ('<meta charset="windows-1252"><p>Caf\xe9 na\xefve</p>'.encode("cp1252"), "Café naïve"),
        ("Hello".encode("utf-16"), "Hello"),
    ],
)
def test_decode_detects_encoding(data, expected):
    assert expected in decode(data, "x")


@pytest.mark.parametrize(
    "data, reason",
    [(b"", "empty"), (b"   \n\t ", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary")],
)
def test_decode_rejects_bad_input(data, reason):
    with pytest.raises(InputError, match=reason) as err:
        decode(data, "in.html")
    assert err.value.source == "in.html"


@pytest.mark.parametrize("char", ["\x00", "\x01", "\x07", "\x1b", "\x7f", "\ufffe", "\x85"])
def test_decode_strips_control_characters_after_decoding(char):
    text = decode(f"<p>The council{char} met on Monday.</p>".encode(), "x")
    assert text == "<p>The council met on Monday.</p>"


def test_decode_a_few_nul_bytes_are_not_binary():
    page = ("<p>" + "The council met on Monday to discuss the harbour. " * 40 + "</p>").encode()
    assert "harbour" in decode(page[:300] + b"\x00\x00" + page[300:], "x")


@pytest.mark.parametrize("char", ["\x01", "\x07", "\x1b", "\ufffe", "\x00"])
def test_decode_control_character_in_a_page_keeps_the_article(tmp_path, char):
    from conftest import html_page, paragraphs, run_inputs

    p = tmp_path / "ctl.html"
    p.write_text(html_page(62).replace("officials said.", f"officials{char} said.", 1), "utf-8")
    arts, errors, _ = run_inputs([p])
    assert errors == []
    assert all(par in arts[0].text for par in paragraphs(62))


def test_decode_a_few_bad_bytes_in_utf8_are_replaced_not_the_page_redecoded(tmp_path):
    from conftest import html_page, run_inputs

    page = html_page(63).replace("<p>", "<p>“We have waited long enough,” she said. ", 1)
    data = page.encode("utf-8").replace(
        b"Lindholm, officials", b"Lindholm,\xff\xfe\xfd officials", 1
    )
    p = tmp_path / "bad-bytes.html"
    p.write_bytes(data)
    arts, errors, _ = run_inputs([p])
    assert errors == []
    assert "“We have waited long enough,” she said." in arts[0].text
    assert "тА" not in arts[0].text and "â€" not in arts[0].text
    assert arts[0].provenance["encoding"] == "utf-8; 3 bytes not valid UTF-8 read as windows-1252"


def test_decode_text_mixing_utf8_and_latin1_reads_each_part_right():
    from newsweave.extract.decode import decode_noted

    data = "Le maire a déclaré: « c’est fini ».\n".encode() + "La façade était sûre.".encode(
        "latin-1"
    )
    text, note = decode_noted(data, "mixed.txt")
    assert text == "Le maire a déclaré: « c’est fini ».\nLa façade était sûre."
    assert note == "utf-8; 3 bytes not valid UTF-8 read as windows-1252"


def test_decode_jsonl_line_with_a_latin1_byte_keeps_the_record_with_a_note(tmp_path):
    import json

    from conftest import paragraphs, run_inputs

    body = " ".join(paragraphs(64))
    good = json.dumps(
        {"text": body + " Caf\u00e9 owners agreed.", "title": "T"}, ensure_ascii=False
    )
    p = tmp_path / "export.jsonl"
    p.write_bytes(good.encode("utf-8").replace("\u00e9".encode(), b"\xe9") + b"\n")
    arts, errors, _ = run_inputs([p])
    assert errors == []
    assert arts[0].text.endswith("Café owners agreed.")
    assert arts[0].provenance["encoding"] == "utf-8; 1 byte not valid UTF-8 read as windows-1252"
