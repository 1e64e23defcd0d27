"""Sentences grouped into passages: what a summary takes whole or not at all.

Sentences end where digest.text.sentences says. Quotation marks are tracked too: the
sentences one quotation spans form one passage, which a summary takes whole or not at
all, so it never cuts a quotation open.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..text.sentences import sentence_ends

_PARAGRAPHS = re.compile(r"\n\s*\n")


class Passage(NamedTuple):  # a tuple: cheaper to make than a dataclass, one per sentence
    """One sentence, or the consecutive sentences a quotation spans."""

    sentences: tuple[str, ...]
    # False when a quotation opens and does not close within the paragraph, or closes
    # one opened before it: some news styles run a quotation over several paragraphs.
    balanced: bool = True


# Each opening mark and the marks that may close it: “…” and „…“ (German), „…” (Polish),
# «…» (French, Arabic) and »…« (German), ”…” (Swedish), the single ones alike but for
# ’, which is mostly an apostrophe ("don’t") and never opens here.
_CLOSERS = {'"': '"', "“": "”“", "„": "“”", "”": "”", "«": "»", "»": "«",
            "'": "'", "‘": "’‘", "‚": "‘’", "‹": "›", "›": "‹"}
# A single mark is also an apostrophe ("Lebanon's", "students’ union"): single marks
# that pair up group sentences, the others are ignored rather than called unbalanced.
_SINGLE = frozenset("'‘’‚‹›")
_GUILLEMETS = frozenset("«»‹›")  # French sets them off with spaces: « ainsi »
_QUOTE = re.compile("[" + "".join(sorted({*_CLOSERS, *"".join(_CLOSERS.values())})) + "]")


def _quotations(para: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Spans (opening mark, closing mark) of the paragraph's quotations, those left open
    or closed without opening reaching to the paragraph's edge, and the offsets of the
    latter's marks.

    Whether a mark opens or closes is told by its neighbours (an opening one follows a
    space or a dash and precedes a word; a closing one follows a word and precedes a space
    or punctuation), so the same “ may open in English and close in German."""
    spans: list[tuple[int, int]] = []
    stray: list[int] = []
    open_: list[tuple[str, int]] = []
    n = len(para)
    for m in _QUOTE.finditer(para):
        i, mark = m.start(), m.group()
        before = para[i - 1] if i else " "
        after = para[i + 1] if i + 1 < n else " "
        loose = mark in _GUILLEMETS
        can_open = not before.isalnum() and (loose or not after.isspace())
        can_close = not after.isalnum() and (loose or not before.isspace())
        if can_close and open_ and mark in _CLOSERS[open_[-1][0]]:
            spans.append((open_.pop()[1], i))
        elif can_open and mark in _CLOSERS:
            open_.append((mark, i))
        elif can_close and any(mark in _CLOSERS[o] for o, _ in open_):
            while mark not in _CLOSERS[open_[-1][0]]:  # marks left open inside this one
                inner, at = open_.pop()
                if inner not in _SINGLE:
                    stray.append(at)
            spans.append((open_.pop()[1], i))
        elif can_close and mark not in _SINGLE:
            spans.append((0, i))
            stray.append(i)
    for mark, at in open_:
        if mark not in _SINGLE:
            spans.append((at, n))
            stray.append(at)
    return spans, stray


def _group(para: str, spans: list[tuple[int, int]]) -> list[Passage]:
    """The paragraph's sentences, ``spans`` of ``para``, grouped into passages."""
    if not _QUOTE.search(para):
        return [Passage((para[a:b].strip(),)) for a, b in spans]
    quotations, stray = _quotations(para)
    passages: list[Passage] = []
    group: list[str] = []
    start = 0
    for a, b in spans:
        if not group:
            start = a
        group.append(para[a:b].strip())
        if b == len(para) or not any(o < b <= c for o, c in quotations):
            # No quotation runs on past this sentence.
            balanced = not any(start <= i < b for i in stray)
            passages.append(Passage(tuple(group), balanced))
            group = []
    return passages


def split_passages(text: str, lang: str | None = None) -> list[Passage]:
    """The sentences of ``text`` in passages; paragraphs (blank-line separated) always
    end a sentence and a passage."""
    passages: list[Passage] = []
    for para in _PARAGRAPHS.split(text):
        para = " ".join(para.split())
        spans: list[tuple[int, int]] = []
        start = 0
        for end in sentence_ends(para, lang):
            spans.append((start, end))  # never blank: it holds the stop
            start = end
        if para[start:].strip():
            spans.append((start, len(para)))
        passages.extend(_group(para, spans))
    return passages


def split_sentences(text: str, lang: str | None = None) -> list[str]:
    """The sentences of ``text``; paragraphs (blank-line separated) always end one."""
    return [s for p in split_passages(text, lang) for s in p.sentences]
