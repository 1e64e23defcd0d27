"""Where sentences end, with one per-language abbreviation table; no model to download.

A full stop ends a sentence unless it closes an abbreviation ("Jl.", "z. B.", "U.S."),
an initial ("J."), or a German ordinal before a month ("9. Juli"), or the next word
starts in lower case. Closing quotes after the stop stay with the sentence. CJK full
stops end one even without a space after them.

The summary (enrich/sentences.py) and sentence-level translation (translate/sentences.py)
both cut text here, so a sentence is the same sentence for both.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .calendar import month_abbreviations, month_names
from .fold import norm
from .lang import base_language

# Titles and abbreviations of any language, then each language's own. A stop after one
# of these ends the sentence only where it ends the paragraph. Abbreviated month names
# ("Jan.", "Sept.") come from Babel for the language and need no entry.
COMMON = ("dr.", "prof.", "st.", "no.", "vs.", "ca.", "jr.", "sr.")
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "id": ("bpk.", "sdr.", "sdri.", "drs.", "dra.", "ir.", "h.", "hj.", "kh.", "tn.", "ny.",
           "yth.", "mr.", "jl.", "kec.", "kab.", "tel.", "tgl.", "rp.", "a.n.", "u.p.",
           "s.h.", "m.h.", "s.e.", "s.t.", "m.si.", "ph.d.", "dkk."),
    "ms": ("en.", "tn.", "pn.", "cik.", "hj.", "yb.", "yab.", "ybhg.", "jln.", "sdn.", "bhd."),
    "en": ("mr.", "mrs.", "ms.", "messrs.", "gen.", "gov.", "sen.", "rep.", "col.", "lt.",
           "sgt.", "capt.", "adm.", "maj.", "rev.", "inc.", "ltd.", "co.", "corp.", "mt.",
           "nos.", "u.s.", "u.k.", "u.n.", "e.g.", "i.e.", "a.m.", "p.m.", "approx.",
           "dept.", "est.", "fig.", "vol.", "sept."),
    "fr": ("m.", "mm.", "mme.", "mmes.", "mlle.", "pr.", "ste.", "av.", "bd.", "p. ex.",
           "cf.", "env.", "n°.", "art."),
    "de": ("z. b.", "z.b.", "bzw.", "u. a.", "u.a.", "d. h.", "d.h.", "nr.", "hr.", "fr.",
           "abs.", "vgl.", "ggf.", "inkl.", "evtl.", "sog.", "str.", "mio.", "mrd."),
    "es": ("sra.", "srta.", "dra.", "ud.", "uds.", "p. ej.", "ee. uu.", "núm.", "pág.",
           "art.", "avda.", "gral."),
    "ar": ("د.", "م.", "ص."),
}
# "etc.", "dll.", "dsb.", "dst.", "tsb.", "usw." often end a sentence: like any full stop
# they keep the sentence going only when a lower-case word follows, so they are not
# listed. Neither are words that are never abbreviated ("ibu", "datuk", "sri").

# Marks that close a quotation or bracket after a stop stay with its sentence: “ and «
# close in German („…“, »…«); French sets » off with a space ("Fin. » Puis").
CLOSING = "\"'”’»›“«)]"
_END = re.compile(rf"[.!?…؟。！？]+(?:[{re.escape(CLOSING)}]| [»›](?=\s|$))*(?=\s|$)"
                  rf"|[。！？]+[{re.escape(CLOSING)}」』]*")
_INITIAL = re.compile(r"(?:^|\s)[A-ZÀ-ÞА-Я]\.$")
_ORDINAL = re.compile(r"(?:^|\s)\d{1,2}\.$")
_NEXT = re.compile(r"\s*(\S+)")


@lru_cache(maxsize=32)
def _abbreviations(lang: str) -> dict[str, tuple[tuple[int, str], ...]]:
    """The language's list, common titles, and Babel's abbreviated month names ("Jan."),
    indexed by each abbreviation's text up to each of its stops ("z." and "z. b." for
    "z. b."): a stop then needs a few dictionary look-ups, not a scan of the list."""
    months = tuple(f"{m}." for m in month_abbreviations(lang)) if lang else ()
    index: dict[str, list[tuple[int, str]]] = {}
    for abbr in {*COMMON, *ABBREVIATIONS.get(lang, ()), *months}:
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


def _ends_sentence(text: str, lowered: str, stop: int, end: int, lang: str) -> bool:
    """Whether the punctuation run ``text[stop:end]`` ends a sentence."""
    following = _NEXT.match(text, end)
    if not following:
        return True
    if following.group(1)[0].islower():
        return False
    if text[stop:end].rstrip(CLOSING + " ") != ".":
        return True  # "!", "?", "؟", "…", "。" and "..." end sentences before a capital
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


def sentence_ends(para: str, lang: str | None = None) -> list[int]:
    """The offsets in one paragraph where a sentence ends (past its stop and the marks
    closing with it), in order; text after the last one is a sentence without a stop."""
    code = base_language(lang or "")
    lowered = para.lower()
    return [m.end() for m in _END.finditer(para)
            if _ends_sentence(para, lowered, m.start(), m.end(), code)]
