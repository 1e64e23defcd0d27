"""The lead of an extracted body: headline, standfirst, date line and byline.

Extraction often keeps them as the first blocks; they are the Article's title and
metadata, not its text (and the benchmark counts them as noise). Besides the metadata,
the page's own layout tells them apart (``page_head``): the headline is an ``h1``, and a
standfirst sits beside it in the page header while the text continues elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from ...text.fold import ascii_digits, fold
from .meta import PageMeta

# The lead: how many first blocks may be headline/standfirst/date/byline, and how long
# such a line may be.
LEAD_BLOCKS = 3
LEAD_LINE = 120
YEAR = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")
NUMBER = re.compile(r"\d+")
SENTENCE_END = re.compile(r"[.!?。؟।]\s*$")
# A standfirst or intro line has at least this many words.
SENTENCE_WORDS = 6
RELATIVE_WORDS = 6  # "Diterbitkan 3 jam yang lalu"


@dataclass(frozen=True)
class PageHead:
    """The page's headlines (``h1``) and the texts of the elements beside them, folded."""
    headlines: frozenset[str] = frozenset()
    beside: frozenset[str] = frozenset()


def _folded_text(text: str) -> str:
    return fold(" ".join(text.split()))


def page_head(tree: HtmlElement) -> PageHead:
    """The headlines of a parsed page and what shares a parent element with them."""
    headlines: set[str] = set()
    beside: set[str] = set()
    for h1 in tree.iter("h1"):
        headlines.add(_folded_text(h1.text_content()))
        parent = h1.getparent()
        if parent is not None:
            beside.update(_folded_text(sibling.text_content()) for sibling in parent
                          if sibling is not h1 and isinstance(sibling.tag, str))
    return PageHead(frozenset(headlines), frozenset(beside))


def _plain(block: str) -> str:
    return _folded_text(block.lstrip("#> ").replace("\\", ""))


def _same_text(block: str, reference: str | None) -> bool:
    """Whether a block repeats the headline or standfirst (markup and case aside)."""
    if not reference:
        return False
    plain = _plain(block)
    return bool(plain) and plain == _folded_text(reference)


def _is_dateline(block: str) -> bool:
    """A short line with a year, another number and no sentence in it:
    "Sabtu, 17 Agustus 2030 | 14:02 WIB", "05/10/2018 - Publicado por: …"."""
    if len(block) > LEAD_LINE or block.startswith(("#", "-", ">")) or SENTENCE_END.search(block):
        return False
    digits = ascii_digits(block)
    if YEAR.search(digits) is not None and len(NUMBER.findall(digits)) >= 2:
        return True
    return _is_relative_line(block)


def _is_relative_line(block: str) -> bool:
    """A short relative date line: "vor 3 Tagen", "Publié il y a 2 jours"."""
    words = len(block.split())
    if words > RELATIVE_WORDS:
        return False
    from ...enrich.relative_dates import find_relative
    from ..text.meta import RELATIVE_LANGUAGES

    found = find_relative(block, RELATIVE_LANGUAGES)
    return found is not None and len(found.text.split()) + 2 >= words


def _is_byline(block: str, author: str | None) -> bool:
    return author is not None and author != "" and len(block) <= LEAD_LINE \
        and fold(author) in fold(block)


def _repeated(blocks: list[str], index: int) -> bool:
    plain = _plain(blocks[index])
    return any(_plain(later) == plain for later in blocks[index + 1:index + 1 + LEAD_BLOCKS])


def _is_sentence(block: str) -> bool:
    """A line of running text: several words ending as a sentence ends."""
    plain = _plain(block)
    return len(plain.split()) >= SENTENCE_WORDS and SENTENCE_END.search(plain) is not None


def _in_header(blocks: list[str], index: int, head: PageHead) -> bool:
    """A headline heading, or a block beside the headline while the next one is not: the
    page header (standfirst, kicker), the text itself being in another element. When
    the next block is beside the headline too, the article's paragraphs are the
    headline's siblings and the block is one of them."""
    plain = _plain(blocks[index])
    if blocks[index].startswith("#") and plain in head.headlines:
        return True
    return (plain in head.beside and index + 1 < len(blocks)
            and _plain(blocks[index + 1]) not in head.beside)


def drop_lead(blocks: list[str], meta: PageMeta,
              head: PageHead | None = None) -> tuple[list[str], str | None]:
    """Drop what extraction picks up above the text: the headline (it is the title), the
    date line and the byline (they are metadata), kickers and labels of the page header.
    The standfirst and intro lines under the headline are the article's opening: a
    sentence in the page header stays, and the lead goes on after it (a byline often
    follows the standfirst). Returns the remaining blocks and the date line, if one was
    dropped."""
    head = head if head is not None else PageHead()
    dateline = None
    kept: list[str] = []
    start = 0
    while start < min(len(blocks), LEAD_BLOCKS):
        block = blocks[start]
        if _is_dateline(block):
            dateline = dateline or block.replace("\\", "")
        elif _same_text(block, meta.title) or _is_byline(block, meta.author) or (
                _repeated(blocks, start)):  # a standfirst repeated as the first paragraph
            pass
        elif _in_header(blocks, start, head):
            if _is_sentence(block):
                kept.append(block)
        else:
            break
        start += 1
    return kept + blocks[start:], dateline
