"""Find actor names in a text so translation keeps them as names.

Matching is case- and diacritic-insensitive (``text.fold``) and on word boundaries,
leftmost-longest, with one Aho-Corasick automaton over every registry name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from ..registry import Actor
from ..text.fold import fold


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    actor: Actor
    surface: str  # the text as written


def _fold_with_index(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each folded character, its index in ``text``."""
    if text.isascii():  # the common case: folding keeps positions
        return text.casefold(), list(range(len(text)))
    chars: list[str] = []
    index: list[int] = []
    for i, char in enumerate(text):
        folded = fold(char)
        chars.append(folded)
        index.extend([i] * len(folded))
    return "".join(chars), index


class NameFinder:
    """Every registry actor's names (name, aliases, per-language names)."""

    def __init__(self, actors: Iterable[Actor]):
        self._automaton = ahocorasick.Automaton()
        self.actors: dict[str, Actor] = {}
        for actor in actors:
            self.actors[actor.id] = actor
            for name in actor.all_names:
                key = fold(name).strip()
                if key:
                    self._automaton.add_word(key, (len(key), actor.id))
        self._empty = not self.actors
        if not self._empty:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[Mention]:
        if self._empty or not text:
            return []
        folded, index = _fold_with_index(text)
        spans: list[tuple[int, int, str]] = []
        for last, (length, actor_id) in self._automaton.iter(folded):
            start, end = last - length + 1, last + 1
            if start > 0 and folded[start - 1].isalnum():
                continue
            if end < len(folded) and folded[end].isalnum():
                continue
            spans.append((start, end, actor_id))
        spans.sort(key=lambda s: (s[0], s[0] - s[1]))  # leftmost, then longest
        mentions: list[Mention] = []
        taken = 0
        for start, end, actor_id in spans:
            if start < taken:
                continue
            taken = end
            a, b = index[start], index[end - 1] + 1
            mentions.append(Mention(a, b, self.actors[actor_id], text[a:b]))
        return mentions


def mask(text: str, mentions: list[Mention], target: str) -> str:
    """``text`` with each name written as the registry's name in ``target``.

    Translation models copy a proper name they are given far more reliably than they
    translate a local spelling of it ("Hizbullah" → "Hezbollah", not "party of God").
    """
    out, pos = [], 0
    for m in mentions:
        out += [text[pos:m.start], m.actor.name_in(target)]
        pos = m.end
    out.append(text[pos:])
    return "".join(out)


def segments(text: str, mentions: list[Mention]) -> list[tuple[str, Mention | None]]:
    """``text`` cut around its names: ``(piece, None)`` to translate, ``(name, mention)``."""
    out: list[tuple[str, Mention | None]] = []
    pos = 0
    for m in mentions:
        if m.start > pos:
            out.append((text[pos:m.start], None))
        out.append((text[m.start:m.end], m))
        pos = m.end
    if pos < len(text):
        out.append((text[pos:], None))
    return out


def restore(translated: str, mentions: list[Mention], finder: NameFinder,
            target: str) -> tuple[str, set[str]]:
    """Put the registry's name back where the output kept a source spelling.

    Returns the text and the ids of the mentioned actors the output has lost entirely
    (none of their names appear): the caller decides what to do about those.
    """
    wanted = {m.actor.id for m in mentions}
    if not wanted:
        return translated, set()
    source_forms = {(m.actor.id, fold(m.surface)) for m in mentions}
    found: set[str] = set()
    out, pos = [], 0
    for m in finder.find(translated):
        if m.actor.id not in wanted:
            continue
        found.add(m.actor.id)
        # Only undo copies of the source's spelling: another alias in the output
        # ("Israeli" for "Israel") is the model's own grammatical choice.
        if (m.actor.id, fold(m.surface)) in source_forms:
            out += [translated[pos:m.start], m.actor.name_in(target)]
            pos = m.end
    out.append(translated[pos:])
    return "".join(out), wanted - found


def glossary(mentions: Iterable[Mention], target: str) -> dict[str, str]:
    """Source spelling → name in ``target``, for backends that take instructions."""
    return {m.surface: m.actor.name_in(target) for m in mentions}
