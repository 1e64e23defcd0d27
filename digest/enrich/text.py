"""Text helpers shared by the stages: plain text from Markdown, folding, word edges."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")  # keep a link's text, drop its target
_AUTOLINK = re.compile(r"<https?://[^>]*>|https?://\S+")
_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3})(?=\S)(.+?)(?<=\S)\1")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def plain(markdown: str) -> str:
    """Markdown inline markup removed, so URLs and asterisks never look like words."""
    # Each pattern only runs when its opening character is there: most text has none.
    text = _LINK.sub(r"\1", markdown) if "[" in markdown else markdown
    text = _AUTOLINK.sub(" ", text) if "http" in text else text
    return _EMPHASIS.sub(r"\2", text) if "*" in text or "__" in text else text


_DASHES = re.compile(r"[\u2010-\u2015]")
_ASTRAL = re.compile(r"[\U00010000-\U0010ffff]")
# Every character with a combining class lies below this (tests/test_enrich_text.py).
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


def fold_fast(text: str) -> str:
    """Exactly ``registry.fold``, several times faster on non-ASCII text: marks go by
    regex rather than by a Python loop over every character."""
    if text.isascii():
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
    return " ".join(fold_fast(text).split())  # str.split() splits where \s+ would


def ascii_digits(text: str) -> str:
    """Arabic-Indic and Persian digits as ASCII; same length, so offsets still hold."""
    return text.translate(_DIGITS)


@lru_cache(maxsize=4096)  # called for both edges of every phrase match
def is_word_char(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch).startswith("M")


def is_arabic(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f"

