"""Split text into sentences for sentence-level models, keeping what joins them.

Models such as OPUS-MT are trained on single sentences and degrade on long inputs, so
text is cut into sentences, translated as one batch, and put back together with the
original separators (spaces, line breaks, blank lines between paragraphs).
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that end with a period without ending the sentence, per language (folded).
ABBREVIATIONS: dict[str, frozenset[str]] = {
    "en": _words("mr mrs ms dr prof st jr sr gen col lt sgt capt gov sen rep rev "
                 "inc ltd co corp vs etc no nos fig approx jan feb mar apr jun jul aug "
                 "sep sept oct nov dec u.s u.n e.g i.e"),
    "id": _words("bpk ibu sdr sdri dr drs dra ir h hj kh prof no tel jl kec kab "
                 "dll dsb dst tsb yth a.n u.p s.h m.h s.e s.t"),
    "ms": _words("en tn dr prof dato datuk tan sri hj no jln dll"),
    "fr": _words("m mm mme mlle dr st ste etc p ex av"),
    "de": _words("dr prof nr str bzw usw z.b d.h ca vgl"),
    "es": _words("sr sra srta dr dra ud uds etc pág núm"),
}

# A candidate break: sentence-final punctuation, closing quotes/brackets, then space.
_BREAK = re.compile(r"(?<=[.!?…؟。！？])[\"'”’»)\]]*(\s+)")
_NO_SPACE_BREAK = re.compile(r"(?<=[。！？])")  # CJK punctuation needs no space after it
_PARAGRAPH = re.compile(r"(\n\s*\n|\n)")
_WORD_BEFORE = re.compile(r"(\S+)\.[\"'”’»)\]]*$")


def _is_abbreviation(head: str, lang: str) -> bool:
    match = _WORD_BEFORE.search(head)
    if not match:
        return False
    word = match.group(1).lstrip("(\"'“‘«[").casefold()
    if len(word) == 1 and word.isalpha():  # an initial: "H. Agus"
        return True
    abbreviations = ABBREVIATIONS.get(lang.split("-")[0].lower(), ABBREVIATIONS["en"])
    return word in abbreviations


def _starts_sentence(tail: str) -> bool:
    first = tail[:1]
    # Lower-case after a period is a continuation ("dkk. dan"); other scripts have no case.
    return bool(first) and not first.islower()


def split_line(line: str, lang: str) -> list[str]:
    """Sentences of one line; each keeps the whitespace that followed it."""
    pieces: list[str] = []
    start = 0
    for match in _BREAK.finditer(line):
        end = match.end()
        head, tail = line[start:match.start(1)], line[end:]
        if not tail or not _starts_sentence(tail) or _is_abbreviation(head, lang):
            continue
        pieces.append(line[start:end])
        start = end
    pieces.append(line[start:])
    out: list[str] = []
    for piece in pieces:
        out.extend(p for p in _NO_SPACE_BREAK.split(piece) if p)
    return [p for p in out if p]


def split(text: str, lang: str = "en") -> list[tuple[str, str]]:
    """``(sentence, separator)`` pairs; ``"".join(s + sep)`` gives back ``text``.

    Sentences carry no surrounding whitespace; the separator holds it (and may be empty).
    """
    out: list[tuple[str, str]] = []
    lead = text[: len(text) - len(text.lstrip())]
    if lead:
        out.append(("", lead))
    parts = _PARAGRAPH.split(text.strip())
    for i in range(0, len(parts), 2):
        line, joiner = parts[i], parts[i + 1] if i + 1 < len(parts) else ""
        sentences = split_line(line, lang)
        for j, sentence in enumerate(sentences):
            stripped = sentence.rstrip()
            gap = sentence[len(stripped):]
            out.append((stripped, gap + (joiner if j == len(sentences) - 1 else "")))
    trail = text[len(text.rstrip()):]
    if trail and out:
        last, sep = out[-1]
        out[-1] = (last, sep + trail)
    return [(s, sep) for s, sep in out if s or sep]


def join(pairs: list[tuple[str, str]]) -> str:
    return "".join(s + sep for s, sep in pairs)
