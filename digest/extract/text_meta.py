"""Recognise metadata lines in a plain-text scrape: bylines, dates, datelines, section labels."""

from __future__ import annotations

import re

from .text_cues import BYLINE_RE, EDITOR_RE, MONTHS, UI_TOKENS, UI_WORDS
from .text_units import Unit, fold_fast

_DATE_NUM_RE = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b")
_YEAR_RE = re.compile(r"\b(?:19|20)\d{2}\b")
_TIME_RE = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
_WORD_RE = re.compile(r"\w+")
# Separators between a byline and the date that follows it on the same line.
_BYLINE_SPLIT_RE = re.compile(r"\s+[|•·/–—-]\s+|\s*\|\s*")
# "POROS PERLAWANAN –", "JAKARTA, KOMPAS.com -", "BEIRUT (Reuters) -": a short prefix and a
# spaced dash at the very start of the first paragraph.
_DATELINE_RE = re.compile(r"^(?P<place>[^\s\-–—][^\-–—]{0,60}?)\s+[-–—]{1,2}\s+\S")
_TRAILING_BYLINE_RE = re.compile(r"\s(?:by|oleh|par|von|por|door)\s+(?P<name>[^\d|,]{2,60})$",
                                 re.IGNORECASE)
_SPACED_DASH_RE = re.compile(r"\s+[-–—]\s+")
_BREADCRUMB_RE = re.compile(r"\s*[>»›]\s*|\s+[/|]\s+")


def is_date_text(unit: Unit) -> bool:
    """A short line that is mostly a date: "Selasa, 9 Juli 2024 | 14:02 WIB", "3 mars 2024"."""
    if unit.words > 12 or (unit.ends_sentence and unit.words >= 6):
        return False
    return has_date(unit.text)


def date_text(unit: Unit) -> str:
    """The date part of a date line: "Kompas.com - Selasa, 9 Juli 2024" -> "Selasa, 9 Juli 2024"."""
    parts = _SPACED_DASH_RE.split(unit.text)
    while len(parts) > 1 and not any(c.isdigit() for c in parts[0]):
        parts.pop(0)
    return " - ".join(parts)


def has_date(text: str) -> bool:
    """Whether a short text is mostly a date (not a headline that mentions one)."""
    tokens = text.split()
    numeric = sum(1 for t in tokens if any(c.isdigit() for c in t))
    if not numeric:
        return False
    months = sum(1 for w in _WORD_RE.findall(fold_fast(text)) if w in MONTHS)
    if (numeric + months) * 10 < len(tokens) * 3:
        return False
    return bool(months or _DATE_NUM_RE.search(text)
                or (_YEAR_RE.search(text) and _TIME_RE.search(text)))


def _looks_like_name(name: str) -> bool:
    first = name[:1]
    # Names start with a capital; scripts without case (Arabic) pass.
    return bool(first) and (first.isupper() or first.lower() == first.upper()) and (
        len(name.split()) <= 8
    )


def parse_byline(unit: Unit, editor: bool = False) -> tuple[str, str | None] | None:
    """(name, date text found on the same line) for a byline such as "By Jane Doe | 3 May 2024"."""
    if unit.words > 14 or (unit.ends_sentence and unit.words >= 6):
        return None
    match = (EDITOR_RE if editor else BYLINE_RE).match(unit.text)
    if not match:
        return None
    parts = [p.strip(" ,;:") for p in _BYLINE_SPLIT_RE.split(match["name"]) if p.strip(" ,;:")]
    if not parts or not _looks_like_name(parts[0]) or has_date(parts[0]):
        return None
    rest = " | ".join(parts[1:])
    return parts[0], (rest if rest and has_date(rest) else None)


def trailing_byline(text: str) -> tuple[str, str] | None:
    """(date part, name) for a date line ending in a byline: "Posted on 9 April 2024 by Ann Lee"."""
    match = _TRAILING_BYLINE_RE.search(text)
    if not match or not _looks_like_name(match["name"]):
        return None
    return text[: match.start()].rstrip(" ,|–—-"), match["name"]


def split_dateline(paragraph: str) -> str | None:
    """The dateline prefix of a first paragraph, without its dash, or None."""
    match = _DATELINE_RE.match(paragraph)
    if not match:
        return None
    place = match["place"].strip()
    words = place.split()
    if len(words) > 6 or any(c in place for c in "!?:;\"“”"):
        return None
    first = words[0].strip("(,")
    if first.lower() != first.upper():  # cased script: datelines open in capitals
        if not (first.isupper() and len(first) >= 2):
            return None
    elif len(words) > 3:  # uncased script (Arabic): only a short place name
        return None
    return place


def section_label(unit: Unit) -> str | None:
    """The outlet's section label from a short line or a breadcrumb, if the line is one."""
    if unit.ends_sentence or unit.is_url or unit.words > 12:
        return None
    parts = [p.strip() for p in _BREADCRUMB_RE.split(unit.text) if p.strip()]
    if len(parts) == 1 and unit.words > 4:
        return None
    parts = [p for p in parts if fold_fast(p) not in UI_WORDS]
    if not parts:
        return None
    label = parts[-1]
    if len(label) > 40 or len(label.split()) > 4 or any(c.isdigit() for c in label):
        return None
    return label


def is_ui(unit: Unit) -> bool:
    """An interface line: "Loading…", "Ketik untuk mencari", "Subscribe Log in"."""
    folded = unit.folded.rstrip(" .:…")
    return folded in UI_WORDS or (unit.words <= 6 and all(w in UI_TOKENS for w in folded.split()))
