"""What each unit of a plain-text scrape is, from its own features, and what it weighs.

A unit is prose, a short paragraph, chrome (labels, menus, link lists), an insert inside
the body ("Read more: …", "ADVERTISEMENT"), an end-of-article signal (tags, share,
comments, related, footer) or a metadata line (byline, editor, date, reading time).
"""

from __future__ import annotations

from enum import Enum

from .cues import END_LABEL_RE, FOOTER_RE, FOOTER_WORD_RE, INSERT_RE
from .meta import is_date_text, is_reading_time, is_relative_date, is_ui, parse_byline
from .units import Unit


class Kind(Enum):
    PROSE = "prose"  # a sentence-like paragraph
    SHORT = "short"  # a short line ending like a sentence: a paragraph inside the body
    CHROME = "chrome"  # labels, menus, link lists
    INSERT = "insert"  # "Read more: …", "ADVERTISEMENT"
    END = "end"  # tags, share, comments, related, footer
    BYLINE = "byline"
    EDITOR = "editor"
    DATE = "date"
    INFO = "info"  # other metadata about the article: "5 min read"


META = (Kind.BYLINE, Kind.EDITOR, Kind.DATE, Kind.INFO)
TEXT = (Kind.PROSE, Kind.SHORT)

_TAG_LABELS = frozenset(("tags", "tag", "tagged", "topik", "tagar", "schlagworte", "etiquetas",
                         "mots-cles", "الوسوم", "وسوم"))
_COOKIE_WORDS = ("accept", "consent", "privacy", "browsing", "experience", "setuju", "privasi",
                 "akzept", "accepter", "utilisons", "verwenden", "aceptar", "ملفات")
_ENOUGH_WORDS = 60  # a paragraph's weight is capped: one long paragraph is not an article
_WEIGHTS = {Kind.CHROME: -3.0, Kind.INSERT: -2.0, Kind.BYLINE: -1.0, Kind.EDITOR: -1.0,
            Kind.DATE: -1.0, Kind.INFO: -1.0, Kind.SHORT: 1.5, Kind.END: 0.0}


def is_footer(unit: Unit) -> bool:
    """A copyright line: it ends the page wherever it is."""
    return bool(FOOTER_RE.search(unit.folded) or (
        not unit.ends_sentence and unit.words <= 12 and FOOTER_WORD_RE.search(unit.folded)))


def classify(unit: Unit) -> Kind:
    """What a unit is, from its own features alone."""
    words, sentence = unit.words, unit.ends_sentence
    if words <= 30:
        if is_footer(unit):
            return Kind.END
        # Bylines and dates before link density: author names are often links.
        if parse_byline(unit):
            return Kind.BYLINE
        if parse_byline(unit, editor=True):
            return Kind.EDITOR
        if is_date_text(unit) or is_relative_date(unit):
            return Kind.DATE
        if is_reading_time(unit):
            return Kind.INFO
    if unit.is_url or (unit.links and unit.link_ratio > 0.34):
        return Kind.CHROME
    if words <= 30:
        kind = _label_kind(unit)
        if kind is not None:
            return kind
    if sentence and words >= 8:
        return Kind.PROSE
    if sentence and words >= 2 and not is_ui(unit):
        return Kind.SHORT
    if words >= 4 and unit.text.endswith(":") and unit.stop_ratio() > 0:
        return Kind.SHORT  # a lead-in to a list or a quote: "The board listed three conditions:"
    if words >= 20 and unit.stop_ratio() >= 0.12 and unit.cap_ratio() < 0.6:
        return Kind.PROSE  # a paragraph whose final punctuation was lost
    return Kind.CHROME


def _label_kind(unit: Unit) -> Kind | None:
    """END, INSERT or CHROME for a short line opening with a cue, or None."""
    words, sentence, folded = unit.words, unit.ends_sentence, unit.folded
    # "3 Comments", "(12) Komentar": a count may come first.
    head = folded.lstrip("0123456789()[] ")
    match = END_LABEL_RE.match(head)
    if match:
        rest = head[match.end():].lstrip()
        if match.group() in _TAG_LABELS and (rest[:1] in ("", ":") or not sentence):
            return Kind.END  # "Tags: a, b, c" however long, but not "Tag für Tag …"
        # "Related: <headline>" inside the body is an insert, not the end.
        if words <= 6 and not sentence and not (rest[:1] == ":" and len(rest.split()) >= 4):
            return Kind.END
    insert = INSERT_RE.match(folded)
    if insert and (words <= 4 or not sentence
                   or folded[insert.end():].lstrip()[:1] in ":|-–—»"):
        return Kind.INSERT
    if "cookie" in folded and any(w in folded for w in _COOKIE_WORDS):
        return Kind.CHROME
    if words <= 5 and unit.text.isupper() and not sentence:
        return Kind.CHROME  # "ADVERTISEMENT", "SCROLL TO CONTINUE"
    return None


def weight(unit: Unit, kind: Kind) -> float:
    """How much a unit adds to (or takes from) the run of units that is the body."""
    if kind is Kind.PROSE:
        # Function words mark running text; pages in languages without a list still score.
        return min(unit.words, _ENOUGH_WORDS) * (1.0 if unit.stop_ratio() >= 0.04 else 0.6)
    return _WEIGHTS[kind]

