"""Run many texts through a backend at once, keeping actor names as names.

Sentence-level backends get every sentence of every text in one batch. A name is
handed to the model already written as the registry's name in the target language;
when the output loses it anyway, that sentence is cut around its names, the pieces
between are translated on their own, and the names are put back verbatim: a little
fluency is traded for names that can be trusted. Whole-text backends (LLMs) get each
text with a glossary of its names instead, and a post-check restores source spellings.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..errors import DigestError
from .backend import Backend
from .names import Mention, NameFinder, glossary, mask, restore, segments
from .sentences import join as join_sentences
from .sentences import split as split_sentences


@dataclass(frozen=True)
class Request:
    text: str
    source: str
    target: str


@dataclass
class _Unit:
    sentence: str
    mentions: list[Mention]
    result: str = ""
    pieces: list[int] = field(default_factory=list)  # indexes into the fallback batch


def _call(backend: Backend, texts: list[str], source: str, target: str,
          terms: dict[str, str] | None = None) -> list[str]:
    if not texts:
        return []
    out = backend.translate(texts, source, target, glossary=terms) if terms is not None \
        else backend.translate(texts, source, target)
    if len(out) != len(texts):
        raise DigestError(f"{backend.name}/{backend.model_name}: returned {len(out)} "
                          f"translations for {len(texts)} texts")
    return out


def _has_words(text: str) -> bool:
    return any(c.isalnum() for c in text)


def _sentence_level(backend: Backend, texts: list[str], source: str, target: str,
                    finder: NameFinder) -> list[str]:
    layouts = [split_sentences(t, source) for t in texts]
    units = [[_Unit(s, finder.find(s)) for s, _ in pairs] for pairs in layouts]
    flat = [u for row in units for u in row if _has_words(u.sentence)]
    first = _call(backend, [mask(u.sentence, u.mentions, target) for u in flat],
                  source, target)
    lost: list[_Unit] = []
    for unit, out in zip(flat, first, strict=True):
        unit.result, missing = restore(out, unit.mentions, finder, target)
        if missing:
            lost.append(unit)
    # Second pass, one batch for all the sentences that lost a name.
    pieces: list[str] = []
    for unit in lost:
        for piece, mention in segments(unit.sentence, unit.mentions):
            if mention is None and _has_words(piece):
                unit.pieces.append(len(pieces))
                pieces.append(piece.strip())
    second = _call(backend, pieces, source, target)
    for unit in lost:
        parts, k = [], iter(unit.pieces)
        for piece, mention in segments(unit.sentence, unit.mentions):
            if mention is not None:
                parts.append(mention.actor.name_in(target))
            elif _has_words(piece):
                lead = piece[: len(piece) - len(piece.lstrip())]
                trail = piece[len(piece.rstrip()):]
                parts.append(lead + second[next(k)] + trail)
            else:
                parts.append(piece)  # punctuation and spaces between names
        unit.result = "".join(parts)
    return [
        join_sentences([(u.result if _has_words(u.sentence) else u.sentence, sep)
                        for u, (_, sep) in zip(row, pairs, strict=True)]).strip()
        for row, pairs in zip(units, layouts, strict=True)
    ]


def _whole_text(backend: Backend, texts: list[str], source: str, target: str,
                finder: NameFinder) -> list[str]:
    out: list[str] = []
    for text in texts:
        mentions = finder.find(text)
        [answer] = _call(backend, [text], source, target, glossary(mentions, target))
        out.append(restore(answer, mentions, finder, target)[0])
    return out


def translate_requests(backend: Backend, requests: list[Request],
                       finder: NameFinder) -> list[str]:
    """One translation per request, in order; one backend batch per language pair."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, req in enumerate(requests):
        groups[req.source, req.target].append(i)
    results = [""] * len(requests)
    run = _sentence_level if backend.sentence_level else _whole_text
    for (source, target), indexes in groups.items():
        outs = run(backend, [requests[i].text for i in indexes], source, target, finder)
        for i, out in zip(indexes, outs, strict=True):
            results[i] = out
    return results
