"""The lead of an extracted body: headline, standfirst, date line and byline.

Extraction often keeps them as the first blocks; they are the Article's title and
metadata, not its text (and the benchmark counts them as noise).
"""

from __future__ import annotations

import re
import unicodedata

from ..registry import fold
from .html_meta import PageMeta

# The lead: how many first blocks may be headline/standfirst/date/byline, and how long
# such a line may be.
LEAD_BLOCKS = 3
LEAD_LINE = 120
YEAR = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")
NUMBER = re.compile(r"\d+")
SENTENCE_END = re.compile(r"[.!?。؟।]\s*$")


def _same_text(block: str, reference: str | None) -> bool:
    """Whether a block repeats the headline or standfirst (markup and case aside)."""
    if not reference:
        return False
    plain = fold(block.lstrip("#> ").replace("\\", ""))
    return bool(plain) and plain == fold(reference)


def _ascii_digits(text: str) -> str:
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


def _is_dateline(block: str) -> bool:
    """A short line with a year, another number and no sentence in it:
    "Sabtu, 17 Agustus 2030 | 14:02 WIB", "05/10/2018 - Publicado por: …"."""
    if len(block) > LEAD_LINE or block.startswith(("#", "-", ">")) or SENTENCE_END.search(block):
        return False
    digits = _ascii_digits(block)
    return YEAR.search(digits) is not None and len(NUMBER.findall(digits)) >= 2


def _is_byline(block: str, author: str | None) -> bool:
    return bool(author) and len(block) <= LEAD_LINE and fold(author) in fold(block)


def drop_lead(blocks: list[str], meta: PageMeta) -> tuple[list[str], str | None]:
    """Drop what extraction picks up above the text: the headline and standfirst (they are
    the title), the date line and the byline (they are metadata). Returns the remaining
    blocks and the date line, if one was dropped."""
    dateline = None
    start = 0
    while start < min(len(blocks), LEAD_BLOCKS):
        block = blocks[start]
        if _is_dateline(block):
            dateline = dateline or block.replace("\\", "")
        # A standfirst shows as a heading; the description often is the first paragraph,
        # which stays.
        elif not (_same_text(block, meta.title) or _is_byline(block, meta.author)
                  or (block.startswith("#") and _same_text(block, meta.description))):
            break
        start += 1
    return blocks[start:], dateline
