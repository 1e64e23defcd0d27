"""Bylines and interface lines near the top of a page.

A byline often stands in the page text only, as a line of its own above the text: "By
Ana Ruiz", "Oleh Siti Rahma", "Par Claire Dubois", "Von Jens Albers". When the page's
metadata names no author, that line is the author. Near the headline sit widgets whose
labels are short lines too (listen to this article, font size, share, print, "A A A",
reading time): they are never the title.
"""

from __future__ import annotations

import re

# "By" in the digest's languages and a few neighbours, then a name: one to five words
# starting with a capital, joined by "and"-words or commas.
BY_WORDS = r"(?:by|oleh|par|von|por|door|di|av|af|przez|bởi|بقلم|كتب|تأليف)"
_NAME = r"[^\W\d_][\w'’.-]*"
_JOIN = r"(?:\s*,\s*|\s+(?:and|dan|et|und|y|e|و)\s+)"
BYLINE = re.compile(
    rf"^{BY_WORDS}[:\s]\s*(?P<name>{_NAME}(?:\s+{_NAME}){{0,4}}(?:{_JOIN}{_NAME}(?:\s+{_NAME}){{0,4}})*)$",
    re.IGNORECASE)
# How many top blocks may hold the byline, and how long it may be.
BYLINE_BLOCKS = 4
BYLINE_CHARS = 80
ESCAPE = re.compile(r"\\(.)")

# Widget labels, in the digest's languages: listen, font size, share, print, reading time.
INTERFACE = re.compile(
    r"(?<!\w)(?:listen|dengar|écouter|ecouter|anhören|vorlesen|escuchar|استمع"
    r"|font|text size|ukuran|huruf|taille|schrift|tamaño|حجم"
    r"|share|bagikan|partager|teilen|compartir|مشاركة|شارك"
    r"|print|cetak|imprimer|drucken|imprimir|طباعة"
    r"|\d+\s*(?:min|menit|minute|minuto|دقيق))",
    re.IGNORECASE)
INTERFACE_WORDS = 5  # a widget label is at most this many words


def _plain(block: str) -> str:
    return " ".join(ESCAPE.sub(r"\1", block.lstrip("#> ")).split())


def _is_name(name: str) -> bool:
    """Every word of a name starts with a capital (or the script has no case)."""
    words = [word for word in re.split(r"[\s,]+", name) if word]
    return all(not word[0].isalpha() or word[0].isupper() or word[0].lower() == word[0].upper()
               or word.lower() in ("and", "dan", "et", "und", "y", "e", "de", "van", "von",
                                   "bin", "binti", "al", "da", "di", "la", "le")
               for word in words)


def byline_author(blocks: list[str]) -> str | None:
    """The name of a "By <name>" line among the first blocks, if one stands there."""
    for block in blocks[:BYLINE_BLOCKS]:
        plain = _plain(block)
        if len(plain) > BYLINE_CHARS or "\n" in block:
            continue
        match = BYLINE.match(plain)
        if match and _is_name(match.group("name")):
            return match.group("name").strip()
    return None


def is_interface_line(text: str | None) -> bool:
    """A widget label rather than a headline: a few words that name a widget's action, or
    single letters ("A A A", "A- A+"). A short headline can look so too ("Share prices
    fall"): callers replace a title only by a line that is not one."""
    if not text:
        return False
    words = text.split()
    if not words or len(words) > INTERFACE_WORDS:
        return False
    letters = [word.strip("+-−") for word in words]
    if all(len(word) <= 1 for word in letters):
        return True
    return INTERFACE.search(text) is not None


def better_title(title: str | None, alternatives: list[str]) -> str | None:
    """``title`` unless it is an interface line and an alternative (the page's other
    headings, its ``<title>``) is not: then the first such alternative."""
    if title and not is_interface_line(title):
        return title
    return next((text for text in alternatives if text and not is_interface_line(text)), title)
