"""Folding text for comparison: case, diacritics, apostrophes, dashes and digits.

``fold`` is what registry names, cue lists and article text are compared in, so it is
one function everywhere; tests/test_text_fold.py holds it to its plain definition on
every code point.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DASHES = re.compile(r"[\u2010-\u2015]")
_ASTRAL = re.compile(r"[\U00010000-\U0010ffff]")
# Every character with a combining class lies below this (tests/test_text_fold.py).
_MARKS_END = 0x1F000


@lru_cache(maxsize=1)
def _marks() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The characters ``unicodedata.combining`` flags, as two character classes: one
    within the Basic Multilingual Plane, which the regex engine tests with a bitmap, and
    one beyond it, which it tests range by range (slow, so used only when needed)."""
    spans: list[list[int]] = []
    for cp in range(0x300, _MARKS_END):
        if unicodedata.combining(chr(cp)):
            if spans and spans[-1][1] == cp - 1:
                spans[-1][1] = cp
            else:
                spans.append([cp, cp])

    def char_class(lo: int, hi: int) -> re.Pattern[str]:
        parts = [f"{chr(max(a, lo))}-{chr(min(b, hi - 1))}" for a, b in spans
                 if a < hi and b >= lo]
        return re.compile("[" + "".join(parts) + "]+")

    return char_class(0, 0x10000), char_class(0x10000, _MARKS_END)


def fold(text: str) -> str:
    """Case- and diacritic-insensitive form: casefolded, NFKD, combining marks dropped,
    curly apostrophes and backticks as ``'``, Unicode dashes as ``-``.

    Marks go by regex rather than by a Python loop over every character: several times
    faster on non-ASCII text."""
    if text.isascii():  # the common case
        return text.casefold().replace("`", "'")
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    # Apostrophes and dashes are spelt many ways across outlets.
    decomposed = decomposed.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    decomposed = _DASHES.sub("-", decomposed)
    if decomposed.isascii():
        return decomposed
    bmp, astral = _marks()
    stripped = bmp.sub("", decomposed)
    return astral.sub("", stripped) if _ASTRAL.search(stripped) else stripped


def norm(text: str) -> str:
    """Folded text with runs of whitespace made one space: what matching works on."""
    return " ".join(fold(text).split())  # str.split() splits where \s+ would


def folded_words(text: str) -> frozenset[str]:
    """Each word of ``text`` both casefolded and folded, so either spelling matches."""
    words = text.split()
    return frozenset(w.casefold() for w in words) | frozenset(fold(w) for w in words)


class _Digits(dict[int, int]):
    """A ``str.translate`` table from every decimal digit (Arabic-Indic, Persian,
    Devanagari…) to its ASCII digit, and from other characters to themselves; filled
    in as characters are met rather than for all of Unicode up front."""

    def __missing__(self, cp: int) -> int:
        char = chr(cp)
        value = ord("0") + unicodedata.decimal(char) if char.isdecimal() else cp
        self[cp] = value
        return value


_DIGITS = _Digits()


def ascii_digits(text: str) -> str:
    """Decimal digits of any script as ASCII; same length, so offsets still hold."""
    return text if text.isascii() else text.translate(_DIGITS)
