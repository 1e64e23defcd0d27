"""The main text, chosen among several readings of the page by how far they agree.

Three extractors read the page: trafilatura's precision pass (drops anything doubtful),
its balanced pass (keeps more, boilerplate with it) and readability-lxml (scores the
page's containers instead). They are wrong on different pages, and rarely two of them in
the same way. The precision reading stands unless the other two agree with each other
better than with it (it kept only the intro, or a caption): no length threshold decides.
Blocks the chosen reading lacks inside the stretch it shares with a fuller one (short
paragraphs between sub-headings, list items) are put back in place; beyond its ends
(comments, teasers, notices) nothing is added.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ...text.fold import fold

WORD = re.compile(r"\w+")
SHINGLE = 4
# A block counts as present in a reading when this share of its shingles is there.
PRESENT = 0.6
# At or above this agreement (shingle F1) the two trafilatura readings are the same text
# and no third opinion is asked.
AGREE = 0.95
# Prose: a block of PROSE_WORDS words, or a sentence of SENTENCE_WORDS words.
PROSE_WORDS = 25
SENTENCE_WORDS = 8
# A sentence inside the text that only the fuller reading kept has at least this many words.
GAP_WORDS = 3
SENTENCE_END = re.compile(r"[.!?。؟।…:\"'”’»)]\s*$")


def _words(block: str) -> list[str]:
    return WORD.findall(fold(block))


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    if len(words) < SHINGLE:
        return {tuple(words)} if words else set()
    return {tuple(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


@dataclass
class Reading:
    """One extractor's blocks, with the word shingles they are compared by."""
    name: str
    blocks: list[str]
    block_words: list[list[str]] = field(init=False)
    shingles: set[tuple[str, ...]] = field(init=False)
    text: str = field(init=False)  # all words, space-joined, for short blocks

    def __post_init__(self) -> None:
        self.block_words = [_words(block) for block in self.blocks]
        words = [word for block in self.block_words for word in block]
        self.shingles = _shingles(words)
        self.text = " " + " ".join(words) + " "

    def has(self, words: list[str]) -> bool:
        """Whether a block with these words is in this reading."""
        if not words:
            return True
        if len(words) < SHINGLE:
            return f" {' '.join(words)} " in self.text
        own = _shingles(words)
        return len(own & self.shingles) >= PRESENT * len(own)

    @property
    def size(self) -> int:
        return len(self.shingles)


def agreement(one: Reading, other: Reading) -> float:
    """Shingle F1 between two readings (1.0: the same text)."""
    if not one.shingles or not other.shingles:
        return 0.0
    shared = len(one.shingles & other.shingles)
    return 2 * shared / (one.size + other.size)


def prose_share(reading: Reading) -> float:
    """The share of a reading's words in blocks that read as prose: a long block, or a
    sentence of several words. Menus, link lists and tables score low."""
    total = sum(map(len, reading.block_words))
    if not total:
        return 0.0
    prose = sum(len(words) for block, words in zip(reading.blocks, reading.block_words,
                                                   strict=True)
                if not block.startswith(("#", "|"))
                and (len(words) >= PROSE_WORDS or (len(words) >= SENTENCE_WORDS
                                                   and SENTENCE_END.search(block))))
    return prose / total


def _is_text(block: str, words: list[str]) -> bool:
    """A list, or a sentence: what a gap inside the article's text holds."""
    if block.startswith("- "):
        return True
    return (not block.startswith(("#", "|")) and len(words) >= GAP_WORDS
            and SENTENCE_END.search(block) is not None)


def _shared_span(base: Reading, source: Reading) -> range:
    """The blocks of ``source`` from the first to the last that ``base`` also has."""
    shared = [i for i, words in enumerate(source.block_words) if words and base.has(words)]
    return range(shared[0], shared[-1] + 1) if shared else range(0)


def gaps_filled(base: Reading, source: Reading, witness: Reading) -> list[str]:
    """``base``'s blocks plus the blocks ``source`` has inside the stretch both share
    (between sub-headings, list items) that ``base`` lacks and that ``witness`` confirms
    or that are lists or sentences (what the precision pass found too linky), each
    after the block it follows in ``source``. Blocks beyond either end are not added: that
    is where comments, teasers and notices sit, and where the readings differ by design."""
    blocks, words = list(base.blocks), list(base.block_words)
    anchor = -1  # where in ``blocks`` the source's previous block is
    for index in _shared_span(base, source):
        block, block_words = source.blocks[index], source.block_words[index]
        if not block_words:
            continue
        if base.has(block_words):
            anchor = _position(words, block_words, anchor)
        elif witness.has(block_words) or _is_text(block, block_words):
            anchor += 1
            blocks.insert(anchor, block)
            words.insert(anchor, block_words)
    return blocks


def _position(words: list[list[str]], block_words: list[str], after: int) -> int:
    """Index of the first block after ``after`` that shares a shingle with
    ``block_words`` (``after`` if none: the order stays)."""
    wanted = _shingles(block_words)
    for index in range(after + 1, len(words)):
        if wanted & _shingles(words[index]):
            return index
    return after


def _has_gaps(base: Reading, source: Reading) -> bool:
    """Whether ``source`` has blocks inside the stretch it shares with ``base`` that
    ``base`` lacks."""
    return any(source.block_words[index] and not base.has(source.block_words[index])
               for index in _shared_span(base, source))


def choose(precise: Reading, fuller: Reading, second_opinion: Callable[[], Reading]
           ) -> list[str]:
    """The main text from trafilatura's precision reading, its fuller reading and a
    second opinion (asked only when those two disagree, or the fuller one has blocks
    inside the text that the precision one lacks).

    The precision reading stands unless the other two agree with each other better than
    with it (it kept only the intro, or a caption): then the smaller of the two agreeing
    readings is taken, the other filling its gaps. When the precision reading is empty
    and the other two disagree, the one that reads more like prose is taken."""
    if agreement(precise, fuller) >= AGREE and not _has_gaps(precise, fuller):
        return precise.blocks
    other = second_opinion()
    if agreement(fuller, other) > max(agreement(precise, fuller), agreement(precise, other)):
        base, source = sorted((other, fuller), key=lambda reading: reading.size)
        return gaps_filled(base, source, precise)
    if not precise.size:
        return max((fuller, other), key=prose_share).blocks
    return gaps_filled(precise, fuller, other)
