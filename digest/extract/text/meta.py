"""Recognise metadata lines in a plain-text scrape: bylines, dates, datelines, section labels."""

from __future__ import annotations

import re
from functools import lru_cache

from ...text.fold import fold
from .cues import BYLINE_RE, DURATION_UNITS, EDITOR_RE, MONTHS, UI_TOKENS, UI_WORDS
from .units import Unit

_DATE_NUM_RE = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b")
_DIGIT_RE = re.compile(r"\d")
_YEAR_RE = re.compile(r"\b(?:19|20)\d{2}\b")
_TIME_RE = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
_WORD_RE = re.compile(r"\w+")
# Separators between a byline and the date that follows it on the same line.
_BYLINE_SPLIT_RE = re.compile(r"\s+[|•·/–—-]\s+|\s*\|\s*")
# "POROS PERLAWANAN –", "JAKARTA, KOMPAS.com -", "BEIRUT (Reuters) -": a short prefix and a
# spaced dash at the very start of the first paragraph.
_DATELINE_RE = re.compile(r"^(?P<place>[^\s\-–—][^\-–—]{0,60}?)\s+[-–—]{1,2}\s+\S")
_TRAILING_BYLINE_RE = re.compile(r"\s(?:by|oleh|par|von|por|door)\s+(?P<rest>\S.{1,80})$",
                                 re.IGNORECASE)
# Lower-case words inside personal names: "Ursula von der Leyen", "Ahmad bin Ali".
_NAME_PARTICLES = frozenset(("al", "bin", "binti", "da", "de", "del", "della", "der", "dos",
                             "du", "el", "la", "le", "van", "von"))
_MENU_SPLIT_RE = re.compile(r"\s+[|•·]\s+")
_PUNCT = ".,;:!?\"'“”‘’()«»[]{}—–-…؟،|•·@#"
_SPACED_DASH_RE = re.compile(r"\s+[-–—]\s+")
_BREADCRUMB_RE = re.compile(r"\s*[>»›]\s*|\s+[/|]\s+")


def is_date_text(unit: Unit) -> bool:
    """A short line that is mostly a date: "Selasa, 9 Juli 2024 | 14:02 WIB", "3 mars 2024".

    Also a date line with a label and an update stamp ("Publié le 3 mars 2024 à 10h12,
    modifié le 3 mars 2024 à 11h05"), one ending in an abbreviation ("6:12 p.m."), and one
    ending in a byline ("Posted on 9 April 2024 by Ann Lee in News").
    """
    if unit.words > 24 or not _DIGIT_RE.search(unit.text):
        return False  # every date has a number; most lines have none
    split = trailing_byline(unit.text)
    text = split[0] if split else unit.text
    if not has_date(text):
        return False
    tokens = [t for t in text.split() if any(c.isalnum() for c in t)]
    dated = sum(1 for t in tokens if _is_date_token(t))
    if unit.ends_sentence and unit.words >= 6:
        return len(tokens) - dated <= 2  # a label at most, not a sentence that mentions a date
    return len(tokens) <= 12 or dated * 2 >= len(tokens)


# Languages whose relative date lines ("vor 3 Tagen", "kemarin") the extractor knows:
# those of its cue lists.
RELATIVE_LANGUAGES = ("en", "id", "ms", "fr", "de", "es", "ar")
RELATIVE_WORDS = 6  # "Diterbitkan 3 jam yang lalu"


def is_relative_date(unit: Unit) -> bool:
    """A short line that is a relative date: "2 hours ago", "Diterbitkan kemarin"."""
    if unit.words > RELATIVE_WORDS or unit.ends_sentence:
        return False
    from ...enrich.relative_dates import find_relative

    found = find_relative(unit.text, RELATIVE_LANGUAGES)
    # Most of the line: the phrase and a label at most.
    return found is not None and len(found.text.split()) + 2 >= unit.words


def _is_date_token(token: str) -> bool:
    """A number, a month, or a word of a date line's wording: "Updated", "WIB", "p.m."."""
    if any(c.isdigit() for c in token):
        return True
    word = fold(token.strip(_PUNCT))
    return word in MONTHS or word in _date_words()


@lru_cache(maxsize=1)
def _date_words() -> frozenset[str]:
    from ...enrich.dates import PUBLISHED_CUES, UPDATED_CUES, ZONES

    words = {w for cue in (*PUBLISHED_CUES, *UPDATED_CUES) for w in cue.split()}
    return frozenset(words | set(ZONES) | {"a.m", "p.m", "am", "pm", "uhr"})


def is_reading_time(unit: Unit) -> bool:
    """A reading-time line: "5 min read", "Temps de lecture : 4 min.", "Waktu baca 3 menit"."""
    if unit.words > 7 or not _DIGIT_RE.search(unit.text):
        return False
    tokens = [fold(t.strip(_PUNCT)) for t in unit.text.split()]
    tokens = [t for t in tokens if t]
    numbers = sum(1 for t in tokens if t.isdigit())
    units = sum(1 for t in tokens if t in DURATION_UNITS)
    return numbers == 1 and units == 1 and len(tokens) <= 5


def is_menu(unit: Unit) -> bool:
    """A row of short links between separators: "Home | Politik | Hukum | Ekonomi"."""
    parts = _MENU_SPLIT_RE.split(unit.text)
    return len(parts) >= 3 and all(len(p.split()) <= 3 for p in parts)


def menu_items(unit: Unit) -> tuple[str, ...]:
    """The items of a menu row ("Home | Politik", "Startseite  Inland"), else nothing."""
    if unit.row:
        return unit.row
    return tuple(_MENU_SPLIT_RE.split(unit.text)) if is_menu(unit) else ()


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
    months = sum(1 for w in _WORD_RE.findall(fold(text)) if w in MONTHS)
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
    """(date part, name) for a date line ending in a byline: "Posted on 9 April 2024 by Ann Lee".

    The name is the run of capitalised words after the marker, so a trailing category
    ("… by Ann Lee in Politics, World") is not taken for part of it.
    """
    match = _TRAILING_BYLINE_RE.search(text)
    if not match:
        return None
    name = _leading_name(match["rest"])
    if name is None:
        return None
    return text[: match.start()].rstrip(" ,|–—-"), name


def _leading_name(text: str) -> str | None:
    words: list[str] = []
    for word in text.split():
        core = word.strip(_PUNCT)
        if not core or any(c.isdigit() for c in core):
            break
        # Names start with a capital (or are in a script without case); a particle may
        # follow the first name.
        capital = core[0].isupper() or core[0].lower() == core[0].upper()
        if not (capital or (words and core in _NAME_PARTICLES)):
            break
        words.append(core)
        if word[-1] in ",;|":
            break
    while words and words[-1] in _NAME_PARTICLES:
        words.pop()
    name = " ".join(words)
    return name if words and len(words) <= 6 and _looks_like_name(name) else None


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
    parts = [p for p in parts if fold(p) not in UI_WORDS]
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
