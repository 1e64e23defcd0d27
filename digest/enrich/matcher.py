"""Whole-word phrase matching over folded text with an Aho-Corasick automaton.

One automaton holds every phrase (actor names and aliases, topic keywords), so the cost
of a search does not grow with the size of the registry.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from itertools import pairwise
from typing import Generic, NamedTuple, TypeVar

import ahocorasick

from ..text.fold import norm
from .text import is_arabic, is_word_char

V = TypeVar("V")

# Arabic writes "and" (و, ف) and the prepositions ب, ل, ك ("in", "for", "like") as part
# of the next word: "وحزب الله", "لحزب الله", "بالجزيرة", "وللجزيرة". They are accepted
# before a name of several words or one starting with the article ال, where what follows
# can only be the name. A single word without the article is often a common word too
# ("بحماس" is "with enthusiasm", not "with Hamas"): it takes only the conjunction و,
# unless the matcher's owner says its phrases are safe (place names, topic keywords).
_AR_CONJ = ("و", "ف")
_AR_PREPOSITIONS = ("ب", "ل", "ك")
_AR_PROCLITICS = (*_AR_CONJ, *_AR_PREPOSITIONS,
                  *(c + p for c in _AR_CONJ for p in _AR_PREPOSITIONS))
_AR_STRICT = ("و",)
_ARTICLE = "ال"
# "ل" before "ال" drops the alif: ل + الجزيرة is written للجزيرة. Such a phrase is also
# stored without its alif ("لجزيرة"), to be matched only after one of these.
_AR_BEFORE_ASSIMILATED = ("ل", "ول", "فل")

# What the automaton stores per key: (length, value, how the key may be preceded).
_PLAIN, _LOOSE, _ASSIMILATED = 0, 1, 2


class Match(NamedTuple, Generic[V]):
    # A named tuple: thousands are made per article, and a frozen dataclass is slow to make.
    start: int  # offsets in the folded text
    end: int
    value: V


class PhraseMatcher(Generic[V]):
    """Find phrases as whole words in text folded with ``norm``; longest match wins.

    ``proclitics(value)`` says whether a one-word phrase of ``value`` may carry any
    Arabic proclitic, not only "و".
    """

    def __init__(self, phrases: Iterable[tuple[str, V]],
                 proclitics: Callable[[V], bool] | None = None):
        self._automaton = ahocorasick.Automaton()
        assimilated: list[tuple[str, tuple[int, V, int]]] = []
        for phrase, value in phrases:
            key = norm(phrase)
            if not key or self._automaton.exists(key):  # the first owner keeps a phrase
                continue
            loose = " " in key or key.startswith(_ARTICLE) or bool(
                proclitics and proclitics(value))
            self._automaton.add_word(key, (len(key), value, _LOOSE if loose else _PLAIN))
            if key.startswith(_ARTICLE) and len(key) > len(_ARTICLE):
                assimilated.append((key[1:], (len(key) - 1, value, _ASSIMILATED)))
        for key, entry in assimilated:  # never in place of a phrase someone owns
            if not self._automaton.exists(key):
                self._automaton.add_word(key, entry)
        self.size = len(self._automaton)
        if self.size:
            self._automaton.make_automaton()

    def find(self, folded: str) -> list[Match[V]]:
        """Non-overlapping whole-word matches in ``folded`` (a ``norm``ed text), in order."""
        if not self.size or not folded:
            return []
        found = [Match(last - length + 1, last + 1, value)
                 for last, (length, value, before) in self._automaton.iter(folded)
                 if _whole_word(folded, last - length + 1, last + 1, before)]
        return _longest_first(found)


def _whole_word(text: str, start: int, end: int, before: int) -> bool:
    if end < len(text) and is_word_char(text[end - 1]) and is_word_char(text[end]):
        return False
    if before == _ASSIMILATED:
        return _after_proclitic(text, start, _AR_BEFORE_ASSIMILATED)
    if start == 0 or not is_word_char(text[start]) or not is_word_char(text[start - 1]):
        return True
    if not is_arabic(text[start]):
        return False
    return _after_proclitic(text, start, _AR_PROCLITICS if before == _LOOSE else _AR_STRICT)


def _after_proclitic(text: str, start: int, proclitics: tuple[str, ...]) -> bool:
    """Whether ``text[:start]`` ends with a word made only of one of ``proclitics``."""
    for prefix in proclitics:
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
