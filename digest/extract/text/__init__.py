"""Extract the article from a web page saved as plain text.

The page's chrome (navigation, search boxes, tickers, share and tag lines, related links,
comment forms, reader comments, footers) is dropped by structure, in any language:

1. the page is split into units (lines, or paragraphs of a hard-wrapped text-browser dump:
   ``text_units``);
2. each unit is classified from cheap features: length, final punctuation, link markers,
   function-word ratio, and a few multilingual cue words (``text_classify``);
3. the body is the densest run of sentence-like units before the end of the article
   (``text_body``);
4. the title is the most title-like short line just before the body, the section label
   the short line before the title, and the lines around the title and the body give
   byline and date.
"""

from __future__ import annotations

import re

from digest.article import Article
from digest.errors import DigestError
from digest.sanitize import escape_markdown_text

from .body import bridge_inserts, end_of_article, find_body
from .classify import META, TEXT, Kind, classify, weight
from .meta import (
    date_text,
    is_menu,
    is_ui,
    menu_items,
    parse_byline,
    section_label,
    split_dateline,
    trailing_byline,
)
from .site import site_name
from .units import Unit, split_units

# Photo captions end with a credit: "(KOMPAS.com/DIMAS ARYO)", "Photo: AFP", "REUTERS/Name".
_CAPTION_RE = re.compile(
    r"\b(?:foto|photo|image|bild|getty|afp|reuters|ap|antara|epa)\b\s*[:/)]|\([^()]*/[^()]*\)\s*$",
    re.IGNORECASE,
)
# How far above the title a date line may sit ("Stand: 09.04.2026", a kicker, the title).
_ABOVE_TITLE = 3


def _headline_opening(units: list[Unit], kinds: list[Kind], first: int, last: int) -> int | None:
    """``first`` when the run opens with a headline that reads like a sentence.

    "Will the ferry strike end this week?" scores as text; a byline or date right under
    it, before any paragraph, shows it is the headline.
    """
    unit = units[first]
    if unit.words > 25 or unit.text.rstrip("\"'”’»)").endswith("."):
        return None
    i = first + 1
    while i <= last and kinds[i] in META:
        i += 1
    return first if first + 1 < i <= last else None


def _title_index(units: list[Unit], kinds: list[Kind], body_start: int) -> int | None:
    """The most title-like short line in the few lines before the body."""
    best: tuple[float, int] | None = None
    distance = 0
    page_head = [u.folded for u in units[:body_start] if u.words <= 60]
    for i in range(body_start - 1, max(-1, body_start - 16), -1):
        unit, kind = units[i], kinds[i]
        if kind in META or unit.words < 2:
            continue
        distance += 1  # counts only lines that could be headlines or captions
        if kind not in (Kind.CHROME, Kind.SHORT, Kind.PROSE):
            continue
        if (unit.words > 40 or unit.link_ratio > 0.5 or unit.is_url or is_ui(unit)
                or is_menu(unit)):
            continue
        score = min(unit.words, 20) - 2.0 * distance
        if unit.words < 3:
            score -= 6
        elif unit.words >= 4 and unit.cap_ratio() >= 0.7:
            score += 3  # Headline Case
        if unit.text.rstrip("\"'”’»)").endswith((".", ",", ";", ":")):
            score -= 12  # headlines rarely end with a full stop
        if _CAPTION_RE.search(unit.text):
            score -= 10
        key = unit.folded[:60]
        # The page title (browser tab, top banner) usually repeats the headline.
        if sum(1 for h in page_head if key in h) > 1:
            score += 8
        if best is None or score > best[0]:
            best = (score, i)
    return best[1] if best else None


def _above_title(kinds: list[Kind], title: int) -> range:
    """The few lines just above the title, where some pages put the date line."""
    top = title
    while top > max(0, title - _ABOVE_TITLE) and kinds[top - 1] is not Kind.END:
        top -= 1
    return range(top, title)


def _section(units: list[Unit], kinds: list[Kind], title: int) -> str | None:
    """The short label just before the title, unless it is the tail of a menu."""
    i = title - 1
    while i >= 0 and kinds[i] is Kind.DATE:
        i -= 1
    if i < 0 or kinds[i] in (Kind.END, Kind.BYLINE, Kind.EDITOR, Kind.INSERT):
        return None
    label = section_label(units[i])
    if label is None:
        return None
    if label == units[i].text and i > 0:
        # One label alone, not the last item of a menu; a label repeated from the menu
        # just above the title is the section. A row of items laid out with spaces
        # ("Se connecter  S'abonner") is interface, not a menu of labels.
        before = units[i - 1]
        repeated = any(u.text == label or label in menu_items(u) for u in units[:i])
        if (section_label(before) == before.text and not before.row and not is_ui(before)
                and not repeated):
            return None
    return label


def _read_meta(units: list[Unit], kinds: list[Kind], indexes: range, article: Article) -> None:
    for i in indexes:
        kind = kinds[i]
        if kind is Kind.BYLINE and article.author is None:
            name, byline_date = parse_byline(units[i]) or (None, None)
            article.author = name
            if byline_date and "date_text" not in article.hints:
                article.hints["date_text"] = byline_date
        elif kind is Kind.DATE and "date_text" not in article.hints:
            text = date_text(units[i])
            split = trailing_byline(text)
            if split:
                text, name = split
                article.author = article.author or name
            article.hints["date_text"] = text


def extract_text(text: str, origin: str | None = None) -> Article:
    """The article in a page saved as plain text; raises DigestError if there is none."""
    units = split_units(text) if text and not text.isspace() else []
    kinds = [classify(u) for u in units]
    bridge_inserts(units, kinds)
    body = find_body(kinds, [weight(u, k) for u, k in zip(units, kinds, strict=True)])
    if body is None:
        raise DigestError("no article text found", origin)
    first, last = body
    title = _headline_opening(units, kinds, first, last)
    if title is not None:
        first = next(i for i in range(title + 1, last + 1) if kinds[i] not in META)
    else:
        title = _title_index(units, kinds, first)
    last = end_of_article(units, kinds, first, last, title)
    paragraphs = [units[i].text for i in range(first, last + 1) if kinds[i] in TEXT]
    if not paragraphs:
        raise DigestError("no article text found", origin)

    article = Article(origin=origin)
    head_start = first if title is None else title + 1
    if title is not None:
        article.title = units[title].text
        article.section = _section(units, kinds, title)
    # Byline and date: between title and body, then just above the title, then inside the
    # body, then just after it.
    after = next((i for i in range(last + 1, len(units)) if kinds[i] is Kind.END
                  and not units[i].folded.startswith(("editor", "penulis", "reporter"))),
                 len(units))
    above = range(0) if title is None else _above_title(kinds, title)
    for span in (range(head_start, first), above, range(first, last + 1),
                 range(last + 1, min(after, last + 9))):
        _read_meta(units, kinds, span, article)

    article.source.name = site_name(units, (first, last), title)
    article.dateline = split_dateline(paragraphs[0])
    article.body = "\n\n".join(escape_markdown_text(p) for p in paragraphs)
    return article
