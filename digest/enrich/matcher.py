"""Whole-word phrase matching over folded text with an Aho-Corasick automaton.

One automaton holds every phrase (actor names and aliases, topic keywords), so the cost
of a search does not grow with the size of the registry.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from itertools import pairwise
from typing import Generic, NamedTuple, TypeVar

import ahocorasick

from .text import is_arabic, is_word_char, norm

V = TypeVar("V")

# Arabic writes "and" (و) and, before a definite article, some prepositions (ب, ل, ف)
# as part of the next word: "وحزب الله", "بالجزيرة". Only these are accepted, because a
# longer list turns common words into names ("بحماس" means "with enthusiasm").
_AR_PREFIX = ("و",)
_AR_PREFIX_BEFORE_AL = ("وب", "ول", "وف", "و", "ب", "ل", "ف")


class Match(NamedTuple, Generic[V]):
    # A named tuple: thousands are made per article, and a frozen dataclass is slow to make.
    start: int  # offsets in the folded text
    end: int
    value: V


class PhraseMatcher(Generic[V]):
    """Find phrases as whole words in text folded with ``norm``; longest match wins."""

    def __init__(self, phrases: Iterable[tuple[str, V]]):
        self._automaton = ahocorasick.Automaton()
        for phrase, value in phrases:
            key = norm(phrase)
            if key and not self._automaton.exists(key):  # the first owner keeps a phrase
                self._automaton.add_word(key, (len(key), value))
        self.size = len(self._automaton)
        if self.size:
            self._automaton.make_automaton()

    def find(self, folded: str) -> list[Match[V]]:
        """Non-overlapping whole-word matches in ``folded`` (a ``norm``ed text), in order."""
        if not self.size or not folded:
            return []
        found = [Match(last - length + 1, last + 1, value)
                 for last, (length, value) in self._automaton.iter(folded)
                 if _whole_word(folded, last - length + 1, last + 1)]
        return _longest_first(found)


def _whole_word(text: str, start: int, end: int) -> bool:
    if end < len(text) and is_word_char(text[end - 1]) and is_word_char(text[end]):
        return False
    if start == 0 or not is_word_char(text[start]) or not is_word_char(text[start - 1]):
        return True
    if not is_arabic(text[start]):
        return False
    prefixes = _AR_PREFIX_BEFORE_AL if text.startswith("ال", start) else _AR_PREFIX
    for prefix in prefixes:
        head = start - len(prefix)
        if head >= 0 and text.startswith(prefix, head) and (
                head == 0 or not is_word_char(text[head - 1])):
            return True
    return False


def _longest_first(found: list[Match[V]]) -> list[Match[V]]:
    """Drop matches that overlap a longer one ("Sayyid Hassan Nasrallah" > "Hassan")."""
    if len(found) < 2 or all(a.end <= b.start for a, b in pairwise(found)):
        return found  # already in order and apart: the usual case
    starts: list[int] = []  # kept spans, sorted and disjoint
    kept: list[Match[V]] = []
    for m in sorted(found, key=lambda m: (m.start - m.end, m.start)):
        i = bisect.bisect_right(starts, m.start)
        if (i and kept[i - 1].end > m.start) or (i < len(kept) and kept[i].start < m.end):
            continue
        starts.insert(i, m.start)
        kept.insert(i, m)
    return kept
