"""Split a plain-text scrape into units (lines or unwrapped paragraphs) with cheap features.

Works on any layout: one paragraph per line, a blank line after every line, CRLF, or a
text-browser dump (lynx/w3m) hard-wrapped at a fixed width, with ``[12]`` link markers and
a trailing list of reference URLs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...text.fold import fold
from ...text.stopwords import STOP_WORDS

# Characters that carry no text: zero-width spaces and joiners, BOM, soft hyphen.
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# lynx/w3m link and image markers: "[12]", "[IMG]", "[INLINE]", "[BUTTON]".
_MARKER_RE = re.compile(r"\[(?:\d{1,4}|IMG|INLINE|BUTTON|LINK|image|img|ICON)\]")
_REFERENCE_RE = re.compile(r"^\s*\d+\.\s+(?:[a-z][a-z0-9+.-]*:|www\.)\S*\s*$", re.IGNORECASE)
_REFERENCE_HEADINGS = frozenset(
    ("references", "visible links", "hidden links:", "hidden links", "referenzen", "références")
)
_ROW_GAP_RE = re.compile(r"\s{2,}")
_ROW_MAX_CHARS = 160
_URL_RE = re.compile(r"^(?:[a-z][a-z0-9+.-]*://|www\.)\S+$", re.IGNORECASE)
_NO_SPACES_RE = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_SENTENCE_END = frozenset(".!?…؟。！？۔")
_CLOSERS = "\"'”’»)]›」』*"
_WORD_STRIP = ".,;:!?\"'“”‘’()«»[]—–-…؟،"


@dataclass(slots=True)
class Unit:
    """One line (or unwrapped paragraph) of the page, with the features the heuristics use."""

    text: str
    words: int
    links: int
    ends_sentence: bool
    # Items of a row laid out with runs of spaces ("Se connecter  S'abonner"), as the
    # spacing is lost once the text is normalised; empty for other lines.
    row: tuple[str, ...] = ()
    _folded: str | None = None

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = fold(self.text[:120])
        return self._folded

    @property
    def link_ratio(self) -> float:
        return self.links / max(self.words, 1)

    @property
    def is_url(self) -> bool:
        return self.words == 1 and _URL_RE.match(self.text) is not None

    def stop_ratio(self) -> float:
        """Share of the first 40 words that are common function words."""
        tokens = self.text.casefold().split()[:40]
        if not tokens:
            return 0.0
        hits = sum(1 for t in tokens if t.strip(_WORD_STRIP) in STOP_WORDS)
        return hits / len(tokens)

    def cap_ratio(self) -> float:
        """Share of cased words that start with a capital (menus and headlines are high)."""
        cased = [w for w in self.text.split() if w[:1].isalpha() and w[:1].lower() != w[:1].upper()]
        if not cased:
            return 0.0
        return sum(1 for w in cased if w[0].isupper()) / len(cased)


def normalize(text: str) -> list[str]:
    """Lines with CR/CRLF, non-breaking spaces and invisible characters normalised."""
    text = _INVISIBLE_RE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return [line.rstrip() for line in text.split("\n")]


def drop_references(lines: list[str]) -> list[str]:
    """Cut a text browser's trailing list of link URLs (and its heading)."""
    end = len(lines)
    seen_reference = False
    while end > 0:
        line = lines[end - 1]
        if not line.strip() or _REFERENCE_RE.match(line):
            seen_reference = seen_reference or bool(line.strip())
            end -= 1
        elif seen_reference and line.strip().casefold() in _REFERENCE_HEADINGS:
            end -= 1
        else:
            break
    return lines[:end] if seen_reference else lines


def _wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped dump was wrapped at, or None when lines are not wrapped."""
    lengths = [len(line) for line in lines if line.strip()]
    if len(lengths) < 4:
        return None
    # The widest line ignoring a rare overlong one (an unbreakable URL).
    lengths.sort()
    width = lengths[max(0, len(lengths) - 1 - len(lengths) // 50)]
    if width > 120 or width < 40:
        return None
    long_lines = [n for n in lengths if n > width // 2]
    near_edge = sum(1 for n in long_lines if n >= width - 12)
    return width if near_edge >= 3 and near_edge * 3 >= len(long_lines) else None


def _blocks(lines: list[str]) -> list[str]:
    """Non-blank lines, joined back into paragraphs when the page is hard-wrapped."""
    width = _wrap_width(lines)
    out: list[str] = []
    current = ""
    previous_len = 0
    for line in lines:
        if not line.strip():
            if current:
                out.append(current)
            current, previous_len = "", 0
            continue
        stripped = line.strip()
        if current and width is not None:
            first_word = stripped.split(None, 1)[0]
            # The previous line was wrapped if this line's first word could not fit on it,
            # or if a long line stops mid-sentence and this one carries on in lower case
            # (the wrapper may break well before the edge).
            if previous_len + 1 + len(first_word) > width - 4 or (
                    previous_len >= width * 3 // 4 and stripped[0].islower()
                    and current.rstrip(_CLOSERS)[-1:] not in _SENTENCE_END):
                current = f"{current} {stripped}"
                previous_len = len(line)
                continue
        if current:
            out.append(current)
        current, previous_len = stripped, len(line)
    if current:
        out.append(current)
    return out


def _unit(block: str) -> Unit | None:
    links = 0
    if "[" in block:
        block, links = _MARKER_RE.subn("", block)
    text = " ".join(block.split())  # also turns NBSP and other spaces into one space
    if not text:
        return None
    row: tuple[str, ...] = ()
    if len(text) <= _ROW_MAX_CHARS and "  " in block.strip():
        items = _ROW_GAP_RE.split(block.strip())
        if len(items) > 1:
            row = tuple(" ".join(item.split()) for item in items)
    words = len(text.split(" "))
    if words * 12 < len(text) and _NO_SPACES_RE.search(text):
        words = len(text) // 4  # scripts written without spaces (Thai, CJK): estimate words
    tail = text.rstrip(_CLOSERS)
    ends = bool(tail) and tail[-1] in _SENTENCE_END
    return Unit(text=text, words=words, links=links, ends_sentence=ends, row=row)


def split_units(text: str) -> list[Unit]:
    lines = drop_references(normalize(text))
    return [u for u in map(_unit, _blocks(lines)) if u is not None]
