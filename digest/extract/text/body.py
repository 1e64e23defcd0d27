"""Where the article body is among the classified units of a plain-text scrape.

End-of-article signals (tags, comments, related, copyright) split the page into
segments; in each, the densest run of sentence-like units is found (maximum-sum
subarray) and the first run nearly as strong as the best is the body, so reader
comments after an article never win over it. A labelled block of links inside the
body ("Related" and two headlines, then the article again) is an insert, not the end.
"""

from __future__ import annotations

from .classify import TEXT, Kind, is_footer
from .units import Unit

_ENOUGH_TEXT = 20.0  # about one paragraph of running text
# An insert block: its label, a few headline lines, then the article resumes with this
# much running text before anything else interrupts it.
_INSERT_LABEL_WORDS = 5
_INSERT_LINES = 4
_INSERT_LINE_WORDS = 20
_RESUME_PARAGRAPHS = 2
_RESUME_WORDS = 50
# Reader comments start only after the article has said something.
_COMMENTS_AFTER = 2


def bridge_inserts(units: list[Unit], kinds: list[Kind]) -> None:
    """Turn an end label inside the body into an insert when the article resumes after it.

    The label must follow running text and be followed by one to a few short lines (the
    linked headlines), then by paragraphs that read like the article: at least two in a
    row with enough words. Comment heads (name, date) or a lone teaser sentence do not
    qualify, so the end of the article still ends it.
    """
    count = len(units)
    for i, kind in enumerate(kinds):
        unit = units[i]
        if (kind is not Kind.END or unit.words > _INSERT_LABEL_WORDS or unit.ends_sentence
                or is_footer(unit)):
            continue
        before = i - 1
        while before >= 0 and kinds[before] is Kind.INSERT:
            before -= 1
        if before < 0 or kinds[before] not in TEXT:
            continue
        j = i + 1
        while (j < count and j - i <= _INSERT_LINES + 1 and kinds[j] in (Kind.CHROME, Kind.INSERT)
               and units[j].words <= _INSERT_LINE_WORDS):
            j += 1
        if not 1 <= j - i - 1 <= _INSERT_LINES:
            continue
        paragraphs = words = 0
        while j < count and kinds[j] in (Kind.PROSE, Kind.SHORT, Kind.INSERT):
            if kinds[j] is Kind.PROSE:
                paragraphs += 1
                words += units[j].words
            j += 1
        if paragraphs >= _RESUME_PARAGRAPHS and words >= _RESUME_WORDS:
            kinds[i] = Kind.INSERT


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


def end_of_article(units: list[Unit], kinds: list[Kind], first: int, last: int,
                   title: int | None) -> int:
    """Last unit of the article within a run that may carry on into reader comments.

    Two structural signs of what follows an article: a line repeating the headline
    ("14 thoughts on “<headline>”"), and a comment head: a short name line, then a date
    line, then text. A name and date under the first paragraph are the article's own
    byline and date, under its standfirst.
    """
    headline = units[title].folded[:60] if title is not None and units[title].words >= 3 else None
    paragraphs = 0
    for i in range(first, last + 1):
        kind = kinds[i]
        if kind in TEXT:
            if paragraphs and headline and headline in units[i].folded:
                return i - 1
            paragraphs += 1
            continue
        if not paragraphs:
            continue
        if headline and headline in units[i].folded:
            return i - 1
        if (kind is Kind.DATE and paragraphs >= _COMMENTS_AFTER and i + 1 <= last
                and kinds[i - 1] is Kind.CHROME and units[i - 1].words <= 4
                and kinds[i + 1] in TEXT):
            return i - 2
    return last
