"""Bytes to text: encodings and refusals."""

from __future__ import annotations

import pytest

from suivi.errors import SourceError
from suivi.sources.decoding import decode_bytes

PHRASE = "L’État malien détient 62 % de la société, selon le ministère de l’Économie."


def test_utf8_with_bom() -> None:
    assert decode_bytes(b"\xef\xbb\xbf" + PHRASE.encode("utf-8"), "a.txt") == PHRASE


def test_cp1252_is_decoded_with_its_accents() -> None:
    text = (PHRASE + "\nLes délégués se sont réunis à Bamako pour préparer la coopération.\n") * 3
    decoded = decode_bytes(text.encode("cp1252"), "b.txt")
    assert "L’État malien" in decoded
    assert "délégués" in decoded
    assert "Ã" not in decoded


def test_latin1_is_decoded() -> None:
    text = "Le président a reçu la délégation à Koulouba pour une réunion élargie.\n" * 4
    assert decode_bytes(text.encode("latin-1"), "c.txt") == text


def test_mixed_file_keeps_utf8_lines_and_repairs_others() -> None:
    data = (
        "Première ligne en UTF-8 : équipe, société.\n".encode()
        + "Deuxième ligne en Latin-1 : déjà reçu.\n".encode("latin-1")
    )
    decoded = decode_bytes(data, "mixed.txt")
    assert "Première ligne en UTF-8 : équipe, société." in decoded
    assert "Deuxième ligne en Latin-1 : déjà reçu." in decoded


@pytest.mark.parametrize(
    ("data", "problem"),
    [(b"", "empty"), (b"   \n\n ", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary")],
)
def test_refusals_name_the_file(data: bytes, problem: str) -> None:
    with pytest.raises(SourceError) as caught:
        decode_bytes(data, "photo.txt")
    assert str(caught.value).startswith("photo.txt: ")
    assert problem in str(caught.value)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_bom_are_decoded(encoding: str) -> None:
    bom = {"utf-16-le": "\ufeff", "utf-16-be": "\ufeff"}.get(encoding, "")
    data = (bom + PHRASE + "\n").encode(encoding)
    assert decode_bytes(data, "c.txt") == PHRASE + "\n"


def test_a_broken_utf16_file_is_one_line() -> None:
    with pytest.raises(SourceError, match=r"^d\.txt: undecodable UTF-16"):
        decode_bytes(b"\xff\xfe" + "Accord".encode("utf-16-le") + b"\x00\xd8", "d.txt")
