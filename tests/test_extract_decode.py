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
