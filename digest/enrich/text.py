"""Text helpers of the stages: plain text from Markdown, word edges, scripts."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")  # keep a link's text, drop its target
_AUTOLINK = re.compile(r"<https?://[^>]*>|https?://\S+")
_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3})(?=\S)(.+?)(?<=\S)\1")


def plain(markdown: str) -> str:
    """Markdown inline markup removed, so URLs and asterisks never look like words."""
    # Each pattern only runs when its opening character is there: most text has none.
    text = _LINK.sub(r"\1", markdown) if "[" in markdown else markdown
    text = _AUTOLINK.sub(" ", text) if "http" in text else text
    return _EMPHASIS.sub(r"\2", text) if "*" in text or "__" in text else text


@lru_cache(maxsize=4096)  # called for both edges of every phrase match
def is_word_char(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch).startswith("M")


def is_arabic(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f"

