"""Folding: the one fast ``fold`` is exactly its plain definition, on every character."""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest

from digest.text.fold import _MARKS_END, ascii_digits, fold, folded_words, norm


def reference_fold(text: str) -> str:
    """What ``fold`` means, written the slow, obvious way."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = stripped.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    return re.sub(r"[\u2010-\u2015]", "-", stripped)


def test_every_combining_character_is_in_the_scanned_range() -> None:
    flagged = [cp for cp in range(sys.maxunicode + 1) if unicodedata.combining(chr(cp))]
    assert flagged and max(flagged) < _MARKS_END


def test_fold_equals_its_definition_on_every_code_point() -> None:
    # In runs of 64, so composition across neighbours is exercised too.
    for start in range(0, sys.maxunicode + 1, 64):
        chunk = "".join(chr(cp) for cp in range(start, start + 64)
                        if not 0xD800 <= cp <= 0xDFFF)
        assert fold(chunk) == reference_fold(chunk), hex(start)


@pytest.mark.parametrize(("text", "folded"), [
    ("Le président d’Israël", "le president d'israel"),
    ("HEZBOLÁ – ‘x’ `y`", "hezbola - 'x' 'y'"),
    ("مُحَمَّد", "محمد"),
    ("Straße", "strasse"),
    ("ﬁnance", "finance"),
    ("Tiếng Việt", "tieng viet"),
])
def test_fold_ignores_case_marks_apostrophes_and_dashes(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.mark.parametrize("text", [
    "Le président d’Israël", "HEZBOLÁ – ‘x’ `y`", "لحزب الله", "مُحَمَّد", "Straße",
    "İstanbul", "ﬁnance", "Tiếng Việt", "Ωμέγα", "a\x1cb\u00a0c\u2028d  e\t",
])
def test_norm_folds_and_collapses_whitespace(text: str) -> None:
    assert norm(text) == " ".join(reference_fold(text).split())


def test_folded_words_holds_both_spellings() -> None:
    assert folded_words("Été  für") == {"été", "ete", "für", "fur"}


@pytest.mark.parametrize(("text", "ascii"), [
    ("١٧ أغسطس ٢٠٣٠", "17 أغسطس 2030"),  # Arabic-Indic
    ("۱۴۰۲/۰۵/۱۲", "1402/05/12"),  # Persian
    ("२०२४", "2024"),  # Devanagari
    ("12 Juli 2024", "12 Juli 2024"),
    ("²½", "²½"),  # superscripts and fractions are not decimal digits
])
def test_ascii_digits_keeps_length_and_everything_but_digits(text: str, ascii: str) -> None:
    assert ascii_digits(text) == ascii
    assert len(ascii_digits(text)) == len(text)
