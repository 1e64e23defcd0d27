"""A sentence splitter with per-language abbreviations; no model to download.

A full stop ends a sentence unless it closes an abbreviation ("Jl.", "z. B.", "U.S."),
an initial ("J."), or a German ordinal before a month ("9. Juli"), or the next word
starts in lower case. Closing quotes after the stop stay with the sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .calendar import month_names
from .text import norm

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
_END = re.compile(r"[.!?…؟。]+[\"'”’»)\]]*(?=\s|$)")
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
    if text[stop:end].rstrip("\"'”’»)]") != ".":
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


def split_sentences(text: str, lang: str | None = None) -> list[str]:
    """The sentences of ``text``; paragraphs (blank-line separated) always end one."""
    code = _base(lang)
    sentences: list[str] = []
    for para in _PARAGRAPHS.split(text):
        para = " ".join(para.split())
        lowered = para.lower()
        start = 0
        for m in _END.finditer(para):
            if _ends_sentence(para, lowered, m.start(), m.end(), code):
                sentences.append(para[start:m.end()].strip())
                start = m.end()
        if para[start:].strip():
            sentences.append(para[start:].strip())
    return [s for s in sentences if s]
