"""Extract the article from a web page saved as plain text.

The page's chrome (navigation, search boxes, tickers, share and tag lines, related links,
comment forms, reader comments, footers) is dropped by structure, in any language:

1. the page is split into units (lines, or paragraphs of a hard-wrapped text-browser dump);
2. each unit is classified from cheap features: length, final punctuation, link markers,
   function-word ratio, and a few multilingual cue words;
3. strong end-of-article signals (tags, comments, related, copyright) split the page into
   segments; in each, the densest run of sentence-like units is found (maximum-sum
   subarray); the first run nearly as strong as the best is the body, so reader comments
   after an article never win over it;
4. the title is the most title-like short line just before the body, the section label
   the short line before the title, and the lines between title and body (or right after
   the body) give byline and date.
"""

from __future__ import annotations

import re
from enum import Enum

from digest.article import Article
from digest.errors import DigestError

from .text_cues import END_LABEL_RE, FOOTER_RE, FOOTER_WORD_RE, INSERT_RE
from .text_meta import (
    date_text,
    is_date_text,
    is_ui,
    parse_byline,
    section_label,
    split_dateline,
    trailing_byline,
)
from .text_units import Unit, split_units


class Kind(Enum):
    PROSE = "prose"  # a sentence-like paragraph
    SHORT = "short"  # a short line ending like a sentence: a paragraph inside the body
    CHROME = "chrome"  # labels, menus, link lists
    INSERT = "insert"  # "Read more: …", "ADVERTISEMENT"
    END = "end"  # tags, share, comments, related, footer
    BYLINE = "byline"
    EDITOR = "editor"
    DATE = "date"


_TAG_LABELS = frozenset(("tags", "tag", "tagged", "topik", "tagar", "schlagworte", "etiquetas",
                         "mots-cles", "الوسوم", "وسوم"))
_META = (Kind.BYLINE, Kind.EDITOR, Kind.DATE)
_COOKIE_WORDS = ("accept", "consent", "privacy", "browsing", "experience", "setuju", "privasi",
                 "akzept", "accepter", "utilisons", "verwenden", "aceptar", "ملفات")
# Photo captions end with a credit: "(KOMPAS.com/DIMAS ARYO)", "Photo: AFP", "REUTERS/Name".
_CAPTION_RE = re.compile(
    r"\b(?:foto|photo|image|bild|getty|afp|reuters|ap|antara|epa)\b\s*[:/)]|\([^()]*/[^()]*\)\s*$",
    re.IGNORECASE,
)
_MD_START_RE = re.compile(
    r"^(?:#{1,6}(?=\s|$)|[>+*-](?=\s|$)|\d{1,9}[.)](?=\s|$)|[=_~`*-]{3,}|<(?=[A-Za-z/!?]))"
)
_ENOUGH_TEXT = 20.0  # about one paragraph of running text
_WEIGHTS = {Kind.CHROME: -3.0, Kind.INSERT: -2.0, Kind.BYLINE: -1.0, Kind.EDITOR: -1.0,
            Kind.DATE: -1.0, Kind.SHORT: 1.5}


def classify(unit: Unit) -> Kind:
    """What a unit is, from its own features alone."""
    words, sentence = unit.words, unit.ends_sentence
    if words <= 30:
        if FOOTER_RE.search(unit.folded) or (
                not sentence and words <= 12 and FOOTER_WORD_RE.search(unit.folded)):
            return Kind.END
        # Bylines and dates before link density: author names are often links.
        if parse_byline(unit):
            return Kind.BYLINE
        if parse_byline(unit, editor=True):
            return Kind.EDITOR
        if is_date_text(unit):
            return Kind.DATE
    if unit.is_url or (unit.links and unit.link_ratio > 0.34):
        return Kind.CHROME
    if words <= 30:
        folded = unit.folded
        # "3 Comments", "(12) Komentar": a count may come first.
        head = folded.lstrip("0123456789()[] ")
        match = END_LABEL_RE.match(head)
        label = match.group() if match else None
        if label:
            rest = head[len(label):].lstrip()
            if label in _TAG_LABELS and (rest[:1] in ("", ":") or not sentence):
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
    if sentence and words >= 8:
        return Kind.PROSE
    if sentence and words >= 2 and not is_ui(unit):
        return Kind.SHORT
    if words >= 4 and unit.text.endswith(":") and unit.stop_ratio() > 0:
        return Kind.SHORT  # a lead-in to a list or a quote: "The board listed three conditions:"
    if words >= 20 and unit.stop_ratio() >= 0.12 and unit.cap_ratio() < 0.6:
        return Kind.PROSE  # a paragraph whose final punctuation was lost
    return Kind.CHROME


def _weight(unit: Unit, kind: Kind) -> float:
    if kind is Kind.PROSE:
        # Function words mark running text; pages in languages without a list still score.
        return min(unit.words, 60) * (1.0 if unit.stop_ratio() >= 0.04 else 0.6)
    return _WEIGHTS[kind]


def _best_run(weights: list[float], start: int, stop: int) -> tuple[float, int, int]:
    """Maximum-sum run of weights[start:stop] as (score, first, last)."""
    best = (0.0, -1, -1)
    total, first = 0.0, start
    for i in range(start, stop):
        if total <= 0:
            total, first = 0.0, i
        total += weights[i]
        if total > best[0]:
            best = (total, first, i)
    return best


def find_body(kinds: list[Kind], weights: list[float]) -> tuple[int, int] | None:
    """First and last unit of the article body, or None when there is no running text."""
    runs: list[tuple[float, int, int]] = []
    start = 0
    for i in range(len(kinds) + 1):
        if i == len(kinds) or kinds[i] is Kind.END:
            if i > start:
                run = _best_run(weights, start, i)
                if run[1] >= 0:
                    runs.append(run)
            start = i + 1
    if not runs:
        return None
    best = max(score for score, _, _ in runs)
    # The article precedes comments and teasers, which can outweigh a short article: take
    # the first run that is either nearly as strong as the best or a real paragraph or two.
    _, first, last = next(r for r in runs if r[0] >= min(0.5 * best, _ENOUGH_TEXT))
    return first, last


def _headline_opening(units: list[Unit], kinds: list[Kind], first: int, last: int) -> int | None:
    """``first`` when the run opens with a headline that reads like a sentence.

    "Will the ferry strike end this week?" scores as text; a byline or date right under
    it, before any paragraph, shows it is the headline.
    """
    unit = units[first]
    if unit.words > 25 or unit.text.rstrip("\"'”’»)").endswith("."):
        return None
    i = first + 1
    while i <= last and kinds[i] in _META:
        i += 1
    return first if first + 1 < i <= last else None


def _title_index(units: list[Unit], kinds: list[Kind], body_start: int) -> int | None:
    """The most title-like short line in the few lines before the body."""
    best: tuple[float, int] | None = None
    distance = 0
    page_head = [u.folded for u in units[:body_start] if u.words <= 60]
    for i in range(body_start - 1, max(-1, body_start - 16), -1):
        unit, kind = units[i], kinds[i]
        if kind in _META or unit.words < 2:
            continue
        distance += 1  # counts only lines that could be headlines or captions
        if kind not in (Kind.CHROME, Kind.SHORT, Kind.PROSE):
            continue
        if unit.words > 40 or unit.link_ratio > 0.5 or unit.is_url or is_ui(unit):
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


def _end_of_article(units: list[Unit], kinds: list[Kind], first: int, last: int,
                    title: int | None) -> int:
    """Last unit of the article within a run that may carry on into reader comments.

    Two structural signs of what follows an article: a line repeating the headline
    ("14 thoughts on “<headline>”"), and a comment head: a short name line, then a date
    line, then text.
    """
    headline = units[title].folded[:60] if title is not None and units[title].words >= 3 else None
    seen_paragraph = False
    for i in range(first, last + 1):
        kind = kinds[i]
        if kind is Kind.PROSE or kind is Kind.SHORT:
            if seen_paragraph and headline and headline in units[i].folded:
                return i - 1
            seen_paragraph = True
            continue
        if not seen_paragraph:
            continue
        if headline and headline in units[i].folded:
            return i - 1
        if (kind is Kind.DATE and i + 1 <= last and kinds[i - 1] is Kind.CHROME
                and units[i - 1].words <= 4 and kinds[i + 1] in (Kind.PROSE, Kind.SHORT)):
            return i - 2
    return last


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
        # just above the title is the section.
        before = units[i - 1]
        repeated = any(u.text == label for u in units[:i])
        if section_label(before) == before.text and not is_ui(before) and not repeated:
            return None
    return label


def _escape_markdown(paragraph: str) -> str:
    """Keep a paragraph's opening characters from being read as Markdown syntax."""
    match = _MD_START_RE.match(paragraph)
    if not match:
        return paragraph
    token = match.group(0)
    if token[0].isdigit():  # "1. " / "1) " would start an ordered list
        return f"{token[:-1]}\\{paragraph[len(token) - 1:]}"
    return f"\\{paragraph}"


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
    body = find_body(kinds, [_weight(u, k) if k is not Kind.END else 0.0
                             for u, k in zip(units, kinds, strict=True)])
    if body is None:
        raise DigestError("no article text found", origin)
    first, last = body
    title = _headline_opening(units, kinds, first, last)
    if title is not None:
        first = next(i for i in range(title + 1, last + 1) if kinds[i] not in _META)
    else:
        title = _title_index(units, kinds, first)
    last = _end_of_article(units, kinds, first, last, title)
    paragraphs = [units[i].text for i in range(first, last + 1)
                  if kinds[i] in (Kind.PROSE, Kind.SHORT)]
    if not paragraphs:
        raise DigestError("no article text found", origin)

    article = Article(origin=origin)
    head_start = first if title is None else title + 1
    if title is not None:
        article.title = units[title].text
        article.section = _section(units, kinds, title)
    # Byline and date: between title and body, then inside the body, then just after it.
    after = next((i for i in range(last + 1, len(units)) if kinds[i] is Kind.END
                  and not units[i].folded.startswith(("editor", "penulis", "reporter"))),
                 len(units))
    for span in (range(head_start, first), range(first, last + 1),
                 range(last + 1, min(after, last + 9))):
        _read_meta(units, kinds, span, article)

    article.dateline = split_dateline(paragraphs[0])
    article.body = "\n\n".join(_escape_markdown(p) for p in paragraphs)
    return article
