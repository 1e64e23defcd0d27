"""The outlet's name in a plain-text scrape: its copyright footer, else its masthead.

A copyright line is the most reliable place: a short line with a mark (©, "(c)", a
copyright word) and a year. It is cut into segments at ". | – -"; in the segment with
the mark, the mark, the year and any rights clause ("All rights reserved", "Hak cipta
dilindungi", "جميع الحقوق محفوظة") are separators, and the words left on either side
are the candidates: the first that reads as a name wins ("© 2026 Name", "Name (c) 2026",
"© Name 2026 - Tous droits réservés"). Without a footer, a top line "Title - Site" or a
bare domain name ("NUSANTARAPOS.ID") names the outlet. Body text is never read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...text.fold import fold
from ...text.stopwords import STOP_WORDS
from .units import Unit

# Cheap filters for a copyright line (on the folded text, so "(C)" and "HAK CIPTA" match).
_MARK_RE = re.compile(r"©|\(c\)|copyright|hak\s?cipta|حقوق")
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_YEAR_RANGE_RE = re.compile(r"((?:19|20)\d\d)\s*[-–—/]\s*((?:19|20)\d\d)")
_YEAR_WORD_RE = re.compile(r"^(?:19|20)\d\d(?:-(?:19|20)\d\d)?$")
# Segments of a footer line: sentences, and items between bars or spaced dashes.
_SEGMENT_RE = re.compile(r"\.(?:\s+|$)|\s*\|\s*|\s+[-–—•·]\s+")
_C_RE = re.compile(r"©|\([cC]\)")  # "(c)" is the © of plain text
_MARK_WORDS = frozenset(("©", "copyright", "copyrights", "hakcipta"))
# Rights clauses in fold() form, as word sequences. One signal: they only separate the
# name from the rest; which words are the name comes from the line's structure.
_RIGHTS: tuple[tuple[str, ...], ...] = tuple(sorted((tuple(p.split()) for p in (
    "all rights reserved", "some rights reserved", "tous droits reserves", "droits reserves",
    "alle rechte vorbehalten", "todos los derechos reservados", "derechos reservados",
    "todos os direitos reservados", "tutti i diritti riservati", "alle rechten voorbehouden",
    "hak cipta dilindungi undang-undang", "hak cipta dilindungi", "hak cipta terpelihara",
    "hakcipta terpelihara", "hakcipta dilindungi", "dilindungi undang-undang",
    "semua hak dilindungi", "semua hak terpelihara", "hak terpelihara",
    "جميع الحقوق محفوظة", "كل الحقوق محفوظة", "الحقوق محفوظة", "حقوق النشر محفوظة",
    "حقوق النشر",
)), key=len, reverse=True))
# Indexed by first word: most words start no clause.
_RIGHTS_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in _RIGHTS:
    _RIGHTS_BY_FIRST.setdefault(_phrase[0], []).append(_phrase)
_LEGAL_SUFFIX_RE = re.compile(
    r"[\s,]+(?:Sdn\.?\s*Bhd|Bhd|Ltd|Limited|Pty|PLC|plc|LLC|L\.L\.C|Inc|Corp|"
    r"GmbH(?:\s*&\s*Co\.?\s*KG)?|AG|KG|S\.?A\.?S|S\.?A|S\.?L|S\.?p\.?A|SARL|SRL|B\.?V|N\.?V|Tbk)"
    r"\.?$"
)
_AGENT_WORDS = frozenset(("by", "oleh", "par", "von", "por", "door"))
_LEGAL_PREFIX_RE = re.compile(r"^PT\.?\s+(?=\S)")
_EDGE_PUNCT = " ,;:.|-–—•·()[]\"'“”«»"
_NAME_MAX_WORDS = 8
_LINE_MAX_WORDS = 30  # a footer may carry a legal notice after the name
# Title and site in a page's title line: "Headline - Kompas.com", "Headline | Site".
_TITLE_SPLIT_RE = re.compile(r"\s+(?:[-–—|:]|::)\s+")
_DOMAIN_RE = re.compile(r"^(?:www\.)?[^\W_][\w-]*(?:\.[\w-]+)*\.[^\W\d_]{2,}$")
_TOP_UNITS = 12  # a masthead sits in the first lines of the page


def site_name(units: Sequence[Unit], body: tuple[int, int], title: int | None) -> str | None:
    """The outlet's name from the page's footer or masthead, or None."""
    first, last = body
    # The footer sits below the body; some pages repeat it at the top.
    for i in [*range(len(units) - 1, last, -1), *range(first)]:
        unit = units[i]
        if unit.words > _LINE_MAX_WORDS or not _YEAR_RE.search(unit.text):
            continue
        if not _MARK_RE.search(unit.folded):
            continue
        name = copyright_name(unit.text)
        if name:
            return _masthead_form(name, units[: min(first, _TOP_UNITS)])
    top = units[: min(first, title if title is not None else first, _TOP_UNITS)]
    if title is not None:
        name = _title_suffix(top, units[title].text)
        if name:
            return name
    return next((u.text for u in top if u.words == 1 and _DOMAIN_RE.match(u.text)), None)


def copyright_name(line: str) -> str | None:
    """The name in a copyright line: "Copyright © 2026 Name. All rights reserved." -> "Name"."""
    line = _YEAR_RANGE_RE.sub(r"\1-\2", _C_RE.sub(" © ", line))
    segments = [s.strip() for s in _SEGMENT_RE.split(line)]
    segments = [s for s in segments if s]
    for index, segment in enumerate(segments):
        words = segment.split()
        kinds = _word_kinds(words)
        if "mark" not in kinds:
            continue
        name = _pick(words, kinds)
        if name is None and len(segments) <= 2 and "word" not in kinds:
            # "© 2026 | Name": the name is the other segment.
            other = segments[1 - index] if len(segments) == 2 else ""
            other_words = other.split()
            if other_words and set(_word_kinds(other_words)) == {"word"}:
                name = _clean(other_words, after_rights=False)
        if name:
            return name
    return None


def _word_kinds(words: list[str]) -> list[str]:
    """'mark' (©, year, copyright word), 'rights' (a rights clause) or 'word' per word."""
    folded = fold(" ".join(words)).split()
    if len(folded) != len(words):  # a character folded into several words: one at a time
        folded = [fold(w) for w in words]
    folded = [w.strip(_EDGE_PUNCT) or w for w in folded]
    kinds = ["word"] * len(words)
    i = 0
    while i < len(words):
        word = folded[i]
        phrases = _RIGHTS_BY_FIRST.get(word)
        phrase = None
        if phrases:
            phrase = next((p for p in phrases if tuple(folded[i:i + len(p)]) == p), None)
        if phrase:
            kinds[i:i + len(phrase)] = ["rights"] * len(phrase)
            i += len(phrase)
            continue
        if word in _MARK_WORDS or (word[:1] in "12" and _YEAR_WORD_RE.match(word)):
            kinds[i] = "mark"
        elif word == "hak" and folded[i + 1:i + 2] == ["cipta"]:
            kinds[i:i + 2] = ["mark", "mark"]
            i += 1
        i += 1
    return kinds


def _pick(words: list[str], kinds: list[str]) -> str | None:
    """The first run of plain words after the first mark that is a name, else one before."""
    runs: list[tuple[int, int]] = []  # (start, end) of each run of plain words
    start = None
    for i, kind in enumerate([*kinds, "mark"]):
        if kind == "word" and start is None:
            start = i
        elif kind != "word" and start is not None:
            runs.append((start, i))
            start = None
    first_mark = kinds.index("mark")
    after = [r for r in runs if r[0] > first_mark]
    before = [r for r in runs if r[0] < first_mark][::-1]
    for begin, end in after + before:
        name = _clean(words[begin:end], after_rights=begin > 0 and kinds[begin - 1] == "rights")
        if name:
            return name
    return None


def _clean(words: list[str], after_rights: bool) -> str | None:
    """The run of words as a name without legal suffix, or None if it is not a name."""
    if len(words) > 1 and words[0] in _AGENT_WORDS:
        words = words[1:]  # "Copyright © 2024 by Name"
    text = " ".join(words).strip(_EDGE_PUNCT)
    if after_rights:
        text = _strip_lam(text)
    text = _LEGAL_PREFIX_RE.sub("", _LEGAL_SUFFIX_RE.sub("", text)).strip(_EDGE_PUNCT)
    if _is_name(text):
        return text
    # "Example News, a division of Example Group": the name before the apposition.
    head = text.split(",", 1)[0].strip(_EDGE_PUNCT)
    return head if head != text and _is_name(head) else None


def _strip_lam(text: str) -> str:
    """Arabic "محفوظة لشبكة …" (reserved to …): the name without the preposition ل.

    Before the article the ل swallows the alif ("للمركز" = ل + المركز).
    """
    if text.startswith("لل") and len(text) > 3:
        return "ا" + text[1:]
    if text.startswith("ل") and len(text) > 2:
        return text[1:].lstrip("ـ ")  # also "لـ شبكة", written apart
    return text


def _is_name(text: str) -> bool:
    """A short run of words that starts like a proper name; small particles may be lower case."""
    words = text.split()
    if not words or len(words) > _NAME_MAX_WORDS or len(text) > 80:
        return False
    if not any(c.isalpha() for c in text):
        return False
    if len(words) == 1 and _DOMAIN_RE.match(text):
        return True  # "detik.com": a domain name keeps its own case
    lower = 0
    for word in words:
        head = next((c for c in word if c.isalpha() or c.isdigit()), "")
        if head.islower() and not any(c.isupper() for c in word):
            lower += 1
            if len(word) > 4:
                return False  # "dilindungi", "reserved": a clause, not a name
    if all(w.casefold() in STOP_WORDS for w in words):
        return False  # "The", "Di": a cut-off name or a word of a sentence
    head = next(c for c in text if c.isalnum())
    return not head.islower() and lower * 2 < len(words)


def _masthead_form(name: str, top: Sequence[Unit]) -> str:
    """The shorter name a masthead gives the same outlet: "World Brief Media" -> "World Brief"."""
    words = name.split()
    key = fold(name)
    for unit in top:
        if 2 <= unit.words < len(words) and key.startswith(unit.folded + " "):
            return " ".join(words[: unit.words])
    return name


def _title_suffix(top: Sequence[Unit], title: str) -> str | None:
    """The site in a page-title line that repeats the headline: "Headline - Site"."""
    key = fold(_TITLE_SPLIT_RE.sub(" ", title))
    for unit in top:
        if unit.words <= len(title.split()):
            continue
        parts = _TITLE_SPLIT_RE.split(unit.text)
        if len(parts) < 2:
            continue
        # The site is the last part ("Headline - Site") or the first ("Site | Headline").
        for site, rest in ((parts[-1], unit.text[: -len(parts[-1])]),
                           (parts[0], unit.text[len(parts[0]):])):
            if fold(_TITLE_SPLIT_RE.sub(" ", rest).strip(_EDGE_PUNCT)) == key:
                name = _clean(site.split(), after_rights=False)
                if name and len(name.split()) <= 5:
                    return name
    return None
