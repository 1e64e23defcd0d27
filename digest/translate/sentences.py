"""Split text into sentences for sentence-level models, keeping what joins them.

Models such as OPUS-MT are trained on single sentences and degrade on long inputs, so
text is cut into sentences, translated as one batch, and put back together with the
original separators (spaces, line breaks, blank lines between paragraphs). Sentences
end where digest.text.sentences says, as they do for the summary.
"""

from __future__ import annotations

import re

from ..text.sentences import sentence_ends

_PARAGRAPH = re.compile(r"(\n\s*\n|\n)")
_SPACE = re.compile(r"\s*")


def split_line(line: str, lang: str) -> list[str]:
    """Sentences of one line; each keeps the whitespace that followed it."""
    pieces: list[str] = []
    start = 0
    for end in sentence_ends(line, lang):
        gap = _SPACE.match(line, end)
        cut = gap.end() if gap else end
        if cut == len(line):
            break  # the last sentence keeps what trails it
        pieces.append(line[start:cut])
        start = cut
    pieces.append(line[start:])
    return [p for p in pieces if p]


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
