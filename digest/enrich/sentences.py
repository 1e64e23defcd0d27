"""A sentence splitter with per-language abbreviations; no model to download.

A full stop ends a sentence unless it closes an abbreviation ("Jl.", "z. B.", "U.S."),
an initial ("J."), or a German ordinal before a month ("9. Juli"), or the next word
starts in lower case. Closing quotes after the stop stay with the sentence.

Quotation marks are tracked too: the sentences one quotation spans form one passage,
which a summary takes whole or not at all, so it never cuts a quotation open.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..text.fold import norm
from .calendar import month_names

_COMMON = ("dr.", "prof.", "st.", "no.", "vs.", "ca.", "jr.", "sr.")
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "id": ("dkk.", "h.", "hj.", "jl.", "drs.", "dra.", "ir.", "kh.",
           "tn.", "ny.", "sdr.", "a.n.", "u.p.", "s.h.", "s.e.", "m.si.", "ph.d.", "kec.",
           "kab.", "rp.", "tgl.", "no.", "yth.", "bpk.", "mr."),
    "ms": ("dr.", "tn.", "pn.", "cik.", "hj.", "jln.", "no.", "sdn.", "bhd.",
           "yb.", "yab.", "ybhg."),
    "en": ("mr.", "mrs.", "ms.", "messrs.", "gen.", "gov.", "sen.", "rep.", "col.", "lt.",
           "sgt.", "capt.", "adm.", "maj.", "rev.", "inc.", "ltd.", "co.", "corp.", "mt.",
           "u.s.", "u.k.", "u.n.", "e.g.", "i.e.", "a.m.", "p.m.", "approx.", "dept.",
           "est.", "fig.", "vol."),
    "fr": ("m.", "mm.", "mme.", "mmes.", "mlle.", "pr.", "ste.", "av.", "bd.", "p. ex.",
           "cf.", "env.", "n°.", "art."),
    "de": ("z. b.", "z.b.", "bzw.", "u. a.", "u.a.", "d. h.", "d.h.", "nr.", "hr.", "fr.",
           "abs.", "vgl.", "ggf.", "inkl.", "evtl.", "sog.", "str.", "mio.", "mrd."),
    "es": ("sr.", "sra.", "srta.", "dra.", "ud.", "uds.", "p. ej.", "ee. uu.", "núm.",
           "art.", "avda.", "gral."),
    "ar": ("د.", "م.", "ص."),
}
# "dll.", "dsb.", "etc.", "usw." often end a sentence: like any full stop they only keep
# the sentence going when a lower-case word follows, so they are not listed.
# Marks that close a quotation or bracket after a stop stay with its sentence: “ and «
# close in German („…“, »…«); French sets » off with a space ("Fin. » Puis").
_CLOSING = "\"'”’»›“«)]"
_END = re.compile(rf"[.!?…؟。]+(?:[{re.escape(_CLOSING)}]| [»›](?=\s|$))*(?=\s|$)")
_INITIAL = re.compile(r"(?:^|\s)[A-ZÀ-ÞА-Я]\.$")
_ORDINAL = re.compile(r"(?:^|\s)\d{1,2}\.$")
_PARAGRAPHS = re.compile(r"\n\s*\n")


def _base(lang: str | None) -> str:
    return (lang or "").replace("_", "-").split("-")[0].lower()


@lru_cache(maxsize=32)
def _abbreviations(lang: str) -> dict[str, tuple[tuple[int, str], ...]]:
    """The language's list, common titles, and Babel's abbreviated month names ("Jan."),
    indexed by each abbreviation's text up to each of its stops ("z." and "z. b." for
    "z. b."): a stop then needs a few dictionary look-ups, not a scan of the list."""
    months = tuple(f"{m}." for m in month_names(lang)) if lang else ()
    index: dict[str, list[tuple[int, str]]] = {}
    for abbr in {*_COMMON, *ABBREVIATIONS.get(lang, ()), *months}:
        for dot, ch in enumerate(abbr):
            if ch == ".":
                index.setdefault(abbr[:dot + 1], []).append((dot, abbr))
    return {head: tuple(found) for head, found in index.items()}


@lru_cache(maxsize=32)
def _head_lengths(lang: str) -> tuple[int, ...]:
    return tuple(sorted({len(head) for head in _abbreviations(lang)}))


def _in_abbreviation(lowered: str, stop: int, lang: str) -> bool:
    """Whether the full stop at ``stop`` belongs to an abbreviation, even one with
    several stops ("z. B." at its first)."""
    index = _abbreviations(lang)
    for length in _head_lengths(lang):
        start = stop + 1 - length
        if start < 0:
            break
        for _, abbr in index.get(lowered[start:stop + 1], ()):
            if lowered.startswith(abbr, start) and (
                    start == 0 or not lowered[start - 1].isalnum()):
                return True
    return False


_NEXT = re.compile(r"\s*(\S+)")


def _ends_sentence(text: str, lowered: str, stop: int, end: int, lang: str) -> bool:
    """Whether the punctuation run ``text[stop:end]`` ends a sentence."""
    following = _NEXT.match(text, end)
    if not following:
        return True
    if following.group(1)[0].islower():
        return False
    if text[stop:end].rstrip(_CLOSING + " ") != ".":
        return True  # "!", "?", "؟", "…" and "..." end sentences before a capital
    if _in_abbreviation(lowered, stop, lang):
        return False
    # The patterns are anchored at the stop and reach at most 3 and 4 characters back:
    # a slice that long gives the same answer as the whole head, without copying it.
    if _INITIAL.search(text, max(0, stop - 2), stop + 1):
        return False
    if _ORDINAL.search(text, max(0, stop - 3), stop + 1):
        word = norm(following.group(1)).rstrip(".,")
        if word in month_names(lang or "en"):
            return False  # "9. Juli 2024"
    return True


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
    code = _base(lang)
    passages: list[Passage] = []
    for para in _PARAGRAPHS.split(text):
        para = " ".join(para.split())
        lowered = para.lower()
        spans: list[tuple[int, int]] = []
        start = 0
        for m in _END.finditer(para):
            if _ends_sentence(para, lowered, m.start(), m.end(), code):
                spans.append((start, m.end()))  # never blank: it holds the stop
                start = m.end()
        if para[start:].strip():
            spans.append((start, len(para)))
        passages.extend(_group(para, spans))
    return passages


def split_sentences(text: str, lang: str | None = None) -> list[str]:
    """The sentences of ``text``; paragraphs (blank-line separated) always end one."""
    return [s for p in split_passages(text, lang) for s in p.sentences]
