"""The sentence splitter: abbreviations, initials, decimals, ordinals, quotes."""

from __future__ import annotations

import pytest

from digest.enrich.sentences import split_sentences


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Harga naik Rp 4.000 per kilo. Warga mengeluh.", "id",
     ["Harga naik Rp 4.000 per kilo.", "Warga mengeluh."]),
    ("Ia tinggal di Jl. Sudirman No. 5 bersama Prof. Dr. H. Ahmad. Besoknya pergi.", "id",
     ["Ia tinggal di Jl. Sudirman No. 5 bersama Prof. Dr. H. Ahmad.", "Besoknya pergi."]),
    ("Beras, gula, dll. naik harga. Pedagang resah.", "id",
     ["Beras, gula, dll. naik harga.", "Pedagang resah."]),
    ("Mr. Smith flew to the U.S. on Jan. 5. He left.", "en",
     ["Mr. Smith flew to the U.S. on Jan. 5.", "He left."]),
    ("J. K. Rowling spoke. Fans cheered.", "en", ["J. K. Rowling spoke.", "Fans cheered."]),
    ('He said: "It is over." Then he left.', "en", ['He said: "It is over."', "Then he left."]),
    ('"Why?" he asked. Nobody answered!', "en", ['"Why?" he asked.', "Nobody answered!"]),
    ("M. Macron a parlé. Mme Dupont aussi.", "fr", ["M. Macron a parlé.", "Mme Dupont aussi."]),
    ("Am 9. Juli 2024 kam er, z. B. mit Dr. Müller. Dann ging er.", "de",
     ["Am 9. Juli 2024 kam er, z. B. mit Dr. Müller.", "Dann ging er."]),
    ("قال الرئيس إن الوضع خطير. وأضاف أن المحادثات مستمرة؟ نعم.", "ar",
     ["قال الرئيس إن الوضع خطير.", "وأضاف أن المحادثات مستمرة؟", "نعم."]),
])
def test_split(text: str, lang: str, expected: list[str]) -> None:
    assert split_sentences(text, lang) == expected


def test_paragraphs_always_end_a_sentence() -> None:
    assert split_sentences("Judul tanpa titik\n\nIsi paragraf.", "id") == [
        "Judul tanpa titik", "Isi paragraf."]


def test_line_breaks_inside_a_paragraph_are_spaces() -> None:
    assert split_sentences("Satu\nkalimat.", "id") == ["Satu kalimat."]
