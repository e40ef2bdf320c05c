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
