"""Bytes to text: BOMs, declared charsets checked against the bytes, legacy encodings."""

from __future__ import annotations

import codecs

import pytest

from digest.extract.decode import declared_charset, decode, fix_mojibake

FRENCH = "Le café était très animé, à côté de l’église — « voilà », dit l’élève."


def test_utf8_passes_through() -> None:
    assert decode(FRENCH.encode("utf-8")) == FRENCH


@pytest.mark.parametrize("bom, codec", [
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
])
def test_byte_order_mark_wins_and_is_dropped(bom: bytes, codec: str) -> None:
    assert decode(bom + FRENCH.encode(codec), declared="iso-8859-1") == FRENCH


def test_windows_1252_without_declaration() -> None:
    # Curly quotes and the em dash only exist in Windows-1252, not Latin-1.
    assert decode(FRENCH.encode("cp1252")) == FRENCH


def test_latin1_bytes_declared_utf8_are_not_trusted() -> None:
    text = "Ceci est un texte en français: élève, naïve, déjà vu."
    data = text.encode("latin-1")
    assert decode(data, declared="utf-8") == text
    html = b'<meta charset="utf-8"><p>' + data + b"</p>"
    assert text in decode(html)


def test_double_encoded_utf8_is_repaired() -> None:
    garbled = FRENCH.encode("utf-8").decode("cp1252").encode("utf-8")
    assert "Ã©" in garbled.decode("utf-8")
    assert decode(garbled) == FRENCH


def test_mojibake_repair_leaves_real_text_alone() -> None:
    for text in ("Ça va, Âge d’or, Ã seul", "Привет", "مرحبا بالعالم", FRENCH):
        assert fix_mojibake(text) == text


def test_declared_charset_is_used_for_non_utf8_bytes() -> None:
    text = "Привет, как дела? Это проверка кодировки."
    assert decode(text.encode("koi8-r"), declared="koi8-r") == text
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">{text}'
    assert decode(meta.encode("koi8-r")).endswith(text)


def test_cyrillic_legacy_encoding_is_guessed() -> None:
    text = "Министр иностранных дел встретился с послом во вторник, сообщили в министерстве."
    assert decode(text.encode("cp1251")) == text


def test_declared_charset_finds_xml_and_meta() -> None:
    assert declared_charset(b'<?xml version="1.0" encoding="ISO-8859-1"?><rss/>') == "iso-8859-1"
    assert declared_charset(b"<html><head><meta charset='windows-1256'>") == "windows-1256"
    assert declared_charset(b"<p>no declaration</p>") is None


def test_invalid_bytes_never_crash() -> None:
    out = decode(bytes(range(256)) * 4, declared="no-such-charset")
    assert isinstance(out, str) and out
    assert isinstance(decode(b"\xff\xfe\x00"), str)  # odd-length UTF-16
