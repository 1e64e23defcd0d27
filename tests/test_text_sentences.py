"""One sentence splitter, one abbreviation table: the summary and translation agree."""

from __future__ import annotations

import pytest

from digest.enrich.sentences import split_sentences
from digest.translate import sentences as mt

CASES = [
    # A month's full name ends a sentence like any word; only true abbreviations don't.
    ("en", "It ends on 31 December. Earlier, Mr. Guterres met Gen. Aoun in Jan. 2025.",
     ["It ends on 31 December.", "Earlier, Mr. Guterres met Gen. Aoun in Jan. 2025."]),
    ("id", "Dana dihimpun sejak Maret. Bpk. Agus dan dr. Sari hadir.",
     ["Dana dihimpun sejak Maret.", "Bpk. Agus dan dr. Sari hadir."]),
    # "dll." and "etc." end a sentence before a capital and keep it going before a
    # lower-case word: both splitters used to disagree on them.
    ("id", "Beras, gula, dll. Semua naik. Beras, gula, dll. naik.",
     ["Beras, gula, dll.", "Semua naik.", "Beras, gula, dll. naik."]),
    ("en", "Rice, sugar, etc. Prices rose.", ["Rice, sugar, etc.", "Prices rose."]),
    # A German ordinal before a month, and multi-stop abbreviations.
    ("de", "Bis zum 31. Dezember, z. B. in Berlin. Dann nicht.",
     ["Bis zum 31. Dezember, z. B. in Berlin.", "Dann nicht."]),
    ("es", "Véase la pág. 4. Luego sigue.", ["Véase la pág. 4.", "Luego sigue."]),
    # Closing quotes stay with their sentence.
    ("fr", "Il a dit « Fin. » Puis il est parti.", ["Il a dit « Fin. »", "Puis il est parti."]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_summary_and_translation_cut_the_same_sentences(lang, text, expected) -> None:
    assert split_sentences(text, lang) == expected
    pairs = mt.split(text, lang)
    assert [s for s, _ in pairs] == expected
    assert mt.join(pairs) == text


def test_cjk_full_stops_end_sentences_without_a_space() -> None:
    text = "他说。「你好！」我们走吧？好"
    assert split_sentences(text, "zh") == ["他说。", "「你好！」", "我们走吧？", "好"]
    assert mt.join(mt.split(text, "zh")) == text
