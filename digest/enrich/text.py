"""Text helpers shared by the stages: plain text from Markdown, folding, word edges."""

from __future__ import annotations

import re
import unicodedata

from ..article import Article
from ..registry import fold

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")  # keep a link's text, drop its target
_AUTOLINK = re.compile(r"<https?://[^>]*>|https?://\S+")
_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3})(?=\S)(.+?)(?<=\S)\1")
_SPACE = re.compile(r"\s+")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def plain(markdown: str) -> str:
    """Markdown inline markup removed, so URLs and asterisks never look like words."""
    text = _LINK.sub(r"\1", markdown)
    text = _AUTOLINK.sub(" ", text)
    return _EMPHASIS.sub(r"\2", text)


def norm(text: str) -> str:
    """Folded text with runs of whitespace made one space: what matching works on."""
    # ASCII has nothing to decompose: the same result as fold(), several times faster.
    folded = text.casefold().replace("`", "'") if text.isascii() else fold(text)
    return _SPACE.sub(" ", folded).strip()


def ascii_digits(text: str) -> str:
    """Arabic-Indic and Persian digits as ASCII; same length, so offsets still hold."""
    return text.translate(_DIGITS)


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch).startswith("M")


def is_arabic(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f"


def segments(article: Article) -> list[tuple[str, str]]:
    """The article as (part, plain text): the title, the first paragraph, then the rest."""
    parts: list[tuple[str, str]] = []
    if article.title.strip():
        parts.append(("title", plain(article.title)))
    for i, para in enumerate(article.paragraphs):
        parts.append(("lead" if i == 0 else "body", plain(para)))
    return parts
